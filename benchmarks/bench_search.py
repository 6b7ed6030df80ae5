"""Search speed in Chromium on the example scaled to 1,000 briefs.

Measures, for several queries:

- cold: from starting to type on a freshly loaded page (empty cache) to the
  first result on screen, which includes fetching and indexing search_index.json;
- warm: the same for a second query on the same page;
- warm, whole query: from the whole query arriving in one input event to the
  first result, which leaves out Playwright's typing;
- typing alone: how long Playwright takes to type the query into a plain box;
- the size of the search index sent to the browser.

    python benchmarks/bench_search.py [--briefs 1000]
"""

from __future__ import annotations

import argparse
import functools
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale import generate

QUERIES = ["neglect", "strategy", "referral", "pram", "exploitation"]
FIRST_RESULT = ".md-search-result__item"


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def time_query(page, query: str) -> float:
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    box.fill("")
    start = time.perf_counter()
    box.press_sequentially(query)
    page.wait_for_selector(FIRST_RESULT)
    return time.perf_counter() - start


def time_whole_query(page, query: str) -> float:
    """From the whole query arriving in one input event (as when pasted) to the
    first result: the search's own latency, without the typing."""
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    box.fill("")
    box.dispatch_event("keyup")
    page.wait_for_selector(FIRST_RESULT, state="detached")
    start = time.perf_counter()
    box.fill(query)
    box.dispatch_event("keyup")  # Material searches on keyup
    page.wait_for_selector(FIRST_RESULT)
    return time.perf_counter() - start


def time_typing_alone(page, query: str) -> float:
    """How long Playwright takes to type the query into a plain text box: the
    part of "typing to first result" that is not the site's."""
    page.set_content('<input id="plain" aria-label="plain">')
    box = page.locator("#plain")
    box.click()
    start = time.perf_counter()
    box.press_sequentially(query)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--briefs", type=int, default=1000)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        root = generate(Path(tmp) / "kb", briefs=args.briefs, tors=0, action_files=10, actions=6)
        env = {**os.environ, "KB_AS_OF": "2026-11-25", "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q"],
            cwd=root,
            env=env,
            check=True,
            capture_output=True,
        )
        site = root / "site"
        size = (site / "search/search_index.json").stat().st_size
        httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=site))
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{httpd.server_address[1]}/"
        cold, warm, whole, typing = [], [], [], []
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            for query in QUERIES:
                context = browser.new_context()  # a new context: nothing cached
                page = context.new_page()
                page.goto(url)
                cold.append(time_query(page, query))
                # Warm: another query on the same page, index already loaded.
                other = QUERIES[(QUERIES.index(query) + 1) % len(QUERIES)]
                warm.append(time_query(page, other))
                whole.append(time_whole_query(page, query))
                typing.append(time_typing_alone(page, query))
                context.close()
            browser.close()
        httpd.shutdown()
    print(f"briefs: {args.briefs}; search index: {size / 1_048_576:.1f} MB")
    print(
        f"cold, typing to first result: median {statistics.median(cold) * 1000:.0f} ms "
        f"(max {max(cold) * 1000:.0f} ms)"
    )
    print(
        f"warm, typing to first result: median {statistics.median(warm) * 1000:.0f} ms "
        f"(max {max(warm) * 1000:.0f} ms)"
    )
    print(
        f"warm, whole query to first result: median {statistics.median(whole) * 1000:.0f} ms "
        f"(max {max(whole) * 1000:.0f} ms)"
    )
    print(
        f"typing the query alone (Playwright, plain text box): median "
        f"{statistics.median(typing) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
