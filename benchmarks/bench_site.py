"""Benchmark the site build at scale, side by side with plain mkdocs-material.

For the example scaled to 1,000 briefs it times, in one run and interleaved
(one build of each in turn, --runs times):

- `mkdocs build` of the same Markdown with the hooks removed (the baseline);
- `mkdocs build` with this project's hooks (load, check, generated pages), the
  parse cache filled by an earlier build (warm), once for each checkout named
  by ``--code`` (default: this one), each with its own cache;

then, once each, the build with the cache off (cold) and, with --with-10k, the
10,000-brief site. It reports the median wall clock and the median CPU time of
the build process (user + system): on a machine others share, wall clock
measures them too, and CPU time is the fairer ratio.

    python benchmarks/bench_site.py [--runs 3] [--skip-cold] [--with-10k] [--code DIR ...]

``--code`` times the hooks of other checkouts (say, a copy of the code before
and after a change, made with ``git worktree add``) against the same plain
build in the same run. Use copies: the parse cache's key hashes the package's
source, so a tree that others are editing never builds warm.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from precompile import compile_package
from scale import generate

HERE = Path(__file__).resolve().parent.parent


def build(root: Path, config: str, **extra: str) -> tuple[float, float]:
    """One build: (wall clock, CPU time of the build process), in seconds."""
    env = {**os.environ, "KB_AS_OF": "2026-11-25", "NO_MKDOCS_2_WARNING": "1", **extra}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", str(root / "site")],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(proc.stderr[-3000:])
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def largest_brief(site: Path) -> tuple[int, int]:
    sizes = [p.stat().st_size for p in (site / "briefs").glob("scaled-*/index.html")]
    return max(sizes), len(sizes)


def line(name: str, times: list[tuple[float, float]], base: tuple[float, float]) -> str:
    wall = statistics.median(t[0] for t in times)
    cpu = statistics.median(t[1] for t in times)
    return (
        f"{name:36s} wall {wall:6.2f} s ({wall / base[0]:.2f}x)   "
        f"CPU {cpu:6.2f} s ({cpu / base[1]:.2f}x)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-cold", action="store_true")
    parser.add_argument("--with-10k", action="store_true")
    parser.add_argument(
        "--code", type=Path, action="append", help="a checkout whose hooks to time (repeatable)"
    )
    args = parser.parse_args()
    codes: list[Path] = [c.resolve() for c in args.code or [HERE]]
    for code in codes:
        compile_package(code / "checks")
    with tempfile.TemporaryDirectory() as tmp:
        root = generate(Path(tmp) / "kb1k", briefs=1000, tors=0, action_files=10, actions=6)
        plain = (root / "mkdocs.yml").read_text()
        plain = re.sub(r"\nhooks:\n  - hooks/kb.py\n", "\n", plain)
        # Material's own search on, as a plain Material site has it.
        search = "  - search:\n      enabled: "
        plain = plain.replace(search + "!ENV [KB_OFFLINE, false]", search + "true")
        (root / "plain.yml").write_text(plain)
        envs = [
            {"KB_CACHE_DIR": str(Path(tmp) / f"cache-{i}"), "PYTHONPATH": str(code)}
            for i, code in enumerate(codes)
        ]
        for env in envs:
            build(root, "mkdocs.yml", **env)  # fill the cache
        baseline: list[tuple[float, float]] = []
        hooked: list[list[tuple[float, float]]] = [[] for _ in codes]
        for _ in range(args.runs):
            baseline.append(build(root, "plain.yml"))
            for times, env in zip(hooked, envs, strict=True):
                times.append(build(root, "mkdocs.yml", **env))
        size, count = largest_brief(root / "site")
        base = (
            statistics.median(t[0] for t in baseline),
            statistics.median(t[1] for t in baseline),
        )
        print(line("1,000 briefs, hooks removed:", baseline, base))
        for code, times in zip(codes, hooked, strict=True):
            print(line("1,000 briefs, with hooks, warm:", times, base), code)
            print("  CPU per build:", ", ".join(f"{t[1]:.2f}" for t in times))
        print("  plain CPU per build:", ", ".join(f"{t[1]:.2f}" for t in baseline))
        if not args.skip_cold:
            print(
                line(
                    "1,000 briefs, with hooks, cold:",
                    [build(root, "mkdocs.yml", KB_NO_CACHE="1", PYTHONPATH=str(codes[-1]))],
                    base,
                )
            )
        print(f"largest brief page {size / 1024:.1f} KB ({count} briefs)")
        if args.with_10k:
            root10 = generate(
                Path(tmp) / "kb10k", briefs=10_000, tors=0, action_files=10, actions=6
            )
            wall, _ = build(root10, "mkdocs.yml", KB_NO_CACHE="1")
            size10, count10 = largest_brief(root10 / "site")
            print(
                f"10,000 briefs, with hooks, cold: {wall:.1f} s; largest brief page "
                f"{size10 / 1024:.1f} KB ({count10} briefs)"
            )


if __name__ == "__main__":
    main()
