"""Search in Chromium: Pagefind on the hooked site against Material's search on
the plain build of the same Markdown, both built by bench_scale.py.

    python benchmarks/bench_scale.py --scale medium --keep /tmp/bench
    python benchmarks/bench_search.py /tmp/bench/kb-medium [--rounds 3]

For each query, on each site (``site`` with Pagefind, ``plain-site`` with
Material's search), served over HTTP on 127.0.0.1:

- cold: a new browser context (empty cache) loads the home page, the query is
  typed, and the time is taken from the last keystroke to the first result on
  screen (what the reader waits for once they stop typing);
- warm: a second query on the same page, timed the same way;
- the bytes the browser received for search up to the first query's results
  (from the page's load: Material fetches its whole index then, Pagefind its
  scripts, then the index chunks and results the query needs).

Playwright types each key about 20 ms apart. Pagefind's interface waits
0.1 s after the last keystroke (assets/kb-search.js), Material's none.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import statistics
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import sync_playwright

QUERIES = ["safe sleep", "neglect", "rapid review", "professional curiosity", "exploitation"]
CHROMIUM = "/usr/bin/chromium"


@functools.cache
def _no_log() -> type[SimpleHTTPRequestHandler]:
    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    return Quiet


class Engine:
    """How to type into and read one site's search."""

    def __init__(self, box: str, first: str, done: str) -> None:
        self.box, self.first, self.done = box, first, done


PAGEFIND = Engine(
    ".kb-search input.pagefind-ui__search-input",
    ".kb-search .pagefind-ui__result-link",
    "document.querySelector('.kb-search .pagefind-ui__result-link')",
)
MATERIAL = Engine(
    "input[data-md-component=search-query]",
    ".md-search-result__item",
    "document.querySelector('.md-search-result__item')",
)


def query(page, engine: Engine, text: str) -> float:
    """Seconds from the last keystroke to the first result."""
    box = page.locator(engine.box)
    box.click()
    box.fill("")
    page.wait_for_function(f"!{engine.done}")
    box.press_sequentially(text, delay=20)
    start = time.perf_counter()
    page.wait_for_selector(engine.first, timeout=30_000)
    return time.perf_counter() - start


#: What a search loads: Pagefind's bundle, or Material's index and its worker.
SEARCH_FILES = ("/pagefind/", "search_index.json", "/workers/search.")


def measure(browser, url: str, engine: Engine, first: str, second: str) -> tuple[float, float, int]:
    context = browser.new_context()
    page = context.new_page()
    received: list[int] = []

    def count(response) -> None:
        # A redirect or an aborted request has no body.
        if any(part in response.url for part in SEARCH_FILES):
            with contextlib.suppress(Exception):
                received.append(len(response.body()))

    page.on("response", count)
    page.goto(url, wait_until="networkidle")
    cold = query(page, engine, first)
    page.wait_for_load_state("networkidle")
    sent = sum(received)
    warm = query(page, engine, second)
    context.close()
    return cold, warm, sent


def serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    handler = functools.partial(_no_log(), directory=str(site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("root", type=Path, help="a knowledge base bench_scale.py kept")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    sites = (
        ("Pagefind (hooks)", args.root / "site", PAGEFIND),
        ("Material (plain)", args.root / "plain-site", MATERIAL),
    )
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM)
        for name, site, engine in sites:
            httpd, url = serve(site)
            colds, warms, sent = [], [], []
            for r in range(args.rounds):
                for i, first in enumerate(QUERIES):
                    second = QUERIES[(i + 1 + r) % len(QUERIES)]
                    c, w, s = measure(browser, url, engine, first, second)
                    colds.append(c)
                    warms.append(w)
                    sent.append(s)
            httpd.shutdown()
            print(
                f"{name}: cold median {statistics.median(colds) * 1000:.0f} ms "
                f"(max {max(colds) * 1000:.0f}); "
                f"warm median {statistics.median(warms) * 1000:.0f} ms "
                f"(max {max(warms) * 1000:.0f}); first query received median "
                f"{statistics.median(sent) / 1024:.0f} KB (max {max(sent) / 1024:.0f} KB); "
                f"{len(colds)} queries"
            )
        browser.close()
    sys.stdout.flush()


if __name__ == "__main__":
    main()
