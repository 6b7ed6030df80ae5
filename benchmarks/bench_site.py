"""Benchmark the site build at scale, side by side with plain mkdocs-material.

For the example scaled to 1,000 briefs it times, in one run:

- `mkdocs build` with this project's hooks (load, check, generated pages), with
  the parse cache off (cold) and filled by an earlier build (warm);
- `mkdocs build` of the same Markdown with the hooks removed (the baseline);

then builds the 10,000-brief site with the hooks, and reports the largest
brief page in each. Wall clock, median of --runs builds.

    python benchmarks/bench_site.py [--runs 3] [--skip-10k]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from precompile import compile_package
from scale import generate


def build(root: Path, config: str, runs: int, **extra: str) -> float:
    env = {**os.environ, "KB_AS_OF": "2026-11-25", "NO_MKDOCS_2_WARNING": "1", **extra}
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", str(root / "site")],
            cwd=root,
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        times.append(time.perf_counter() - start)
        if proc.returncode != 0:
            raise SystemExit(proc.stderr[-3000:])
    return statistics.median(times)


def largest_brief(site: Path) -> tuple[int, int]:
    sizes = [p.stat().st_size for p in (site / "briefs").glob("scaled-*/index.html")]
    return max(sizes), len(sizes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-10k", action="store_true")
    args = parser.parse_args()
    compile_package()
    with tempfile.TemporaryDirectory() as tmp:
        root = generate(Path(tmp) / "kb1k", briefs=1000, tors=0, action_files=10, actions=6)
        plain = (root / "mkdocs.yml").read_text()
        plain = re.sub(r"\nhooks:\n  - hooks/kb.py\n", "\n", plain)
        (root / "plain.yml").write_text(plain)
        cache = str(Path(tmp) / "cache")
        cold = build(root, "mkdocs.yml", args.runs, KB_NO_CACHE="1")
        build(root, "mkdocs.yml", 1, KB_CACHE_DIR=cache)  # fill the cache
        hooked = build(root, "mkdocs.yml", args.runs, KB_CACHE_DIR=cache)
        size, count = largest_brief(root / "site")
        baseline = build(root, "plain.yml", args.runs)
        print(f"1,000 briefs, hooks removed:        {baseline:.2f} s")
        print(f"1,000 briefs, with hooks, cold:     {cold:.2f} s  ({cold / baseline:.2f}x)")
        print(f"1,000 briefs, with hooks, warm:     {hooked:.2f} s  ({hooked / baseline:.2f}x)")
        print(f"largest brief page {size / 1024:.1f} KB ({count} briefs)")
        if not args.skip_10k:
            root10 = generate(
                Path(tmp) / "kb10k", briefs=10_000, tors=0, action_files=10, actions=6
            )
            big = build(root10, "mkdocs.yml", 1, KB_NO_CACHE="1")
            size10, count10 = largest_brief(root10 / "site")
            print(
                f"10,000 briefs, with hooks, cold:  {big:.1f} s; largest brief page "
                f"{size10 / 1024:.1f} KB ({count10} briefs)"
            )
            print(f"ratio 10,000 / 1,000 (both cold): {big / cold:.2f}")


if __name__ == "__main__":
    main()
