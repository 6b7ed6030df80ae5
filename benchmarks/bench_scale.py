"""The site build at the realistic scales, side by side with plain mkdocs-material.

    python benchmarks/bench_scale.py --scale small|medium|large [--runs 2] [--code DIR]
                                     [--keep DIR]

Generates the scale's knowledge base (benchmarks/realistic.py), then in one run:

- builds it with the hooks once with the parse cache empty (cold), then, in
  turn, ``--runs`` times each: plain mkdocs-material on the same Markdown (the
  hooks removed, Material's own search on: the baseline) and the hooked build
  with the cache filled (warm);
- reports each build's CPU time (user + system, the build and what it ran,
  Pagefind's indexer included) and peak memory (the largest resident set of the
  build or anything it ran), as ratios against the plain build's medians;
- the largest HTML page of each build, and every hooked page over 60 KB;
- the search index: Material's ``search_index.json`` (plain) against Pagefind's
  bundle (hooked), and Pagefind's indexer timed on its own on the built site.

``--code`` runs another checkout's hooks (use a copy: the parse cache's key
hashes the package's source, so a tree that others are editing never builds
warm). ``--keep`` keeps the generated knowledge base and both sites there.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from precompile import compile_package
from realistic import SCALES, generate

HERE = Path(__file__).resolve().parent.parent
LIMIT = 60 * 1024


@dataclass
class Run:
    cpu: float  # seconds
    rss: int  # bytes, peak


def build(root: Path, config: str, site: str, code: Path, **extra: str) -> Run:
    """One ``mkdocs build``, timed by a small wrapper that waits for it (wait4)."""
    env = {
        **os.environ,
        "KB_AS_OF": "2026-11-25",
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONPATH": str(code),
        **extra,
    }
    wrapper = (
        "import os, subprocess, sys, json\n"
        "p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
        "err = p.stderr.read()\n"
        "_, status, u = os.wait4(p.pid, 0)\n"
        "if status: sys.stderr.write(err.decode()[-3000:]); sys.exit(1)\n"
        "print(json.dumps([u.ru_utime + u.ru_stime, u.ru_maxrss * 1024]))\n"
    )
    cmd = [sys.executable, "-c", wrapper, sys.executable, "-m", "mkdocs", "build", "-q"]
    proc = subprocess.run(
        [*cmd, "-f", config, "-d", str(root / site)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode:
        raise SystemExit(f"build failed ({config}):\n{proc.stderr[-3000:]}")
    cpu, rss = json.loads(proc.stdout.strip().splitlines()[-1])
    return Run(cpu, int(rss))


def pages(site: Path) -> list[tuple[int, str]]:
    return sorted(
        ((p.stat().st_size, p.relative_to(site).as_posix()) for p in site.rglob("*.html")),
        reverse=True,
    )


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def index_alone(site: Path) -> Run:
    """Pagefind's indexer on the built site, on its own (into a scratch folder)."""
    spec_dir = Path(str(__import__("pagefind_bin").__file__)).parent
    with tempfile.TemporaryDirectory() as scratch:
        return timed(
            [str(spec_dir / "pagefind"), "--site", str(site), "--output-path", scratch, "--silent"]
        )


def timed(cmd: list[str]) -> Run:
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    return Run(usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024)


def mb(n: float) -> str:
    return f"{n / 1024 / 1024:.1f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", choices=sorted(SCALES), default="small")
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--code", type=Path, default=HERE)
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args()
    code = args.code.resolve()
    compile_package(code / "checks")
    with tempfile.TemporaryDirectory() as tmp:
        where = args.keep or Path(tmp)
        root = generate(where / f"kb-{args.scale}", SCALES[args.scale], date(2026, 11, 25))
        shutil.rmtree(root / "hooks")
        shutil.copytree(code / "hooks", root / "hooks")
        config = (root / "mkdocs.yml").read_text()
        plain = re.sub(r"\nhooks:\n  - hooks/kb.py\n", "\n", config)
        # Material's own search on, as a plain Material site has it (the offline
        # plugin, whose switch reads the same way, stays off).
        search = "  - search:\n      enabled: "
        plain = plain.replace(search + "!ENV [KB_OFFLINE, false]", search + "true")
        assert "enabled: true" in plain
        (root / "plain.yml").write_text(plain)
        cache = {"KB_CACHE_DIR": str(where / f"cache-{args.scale}")}
        cold = build(root, "mkdocs.yml", "site", code, **cache)
        plain_runs: list[Run] = []
        hooked: list[Run] = []
        for _ in range(args.runs):
            plain_runs.append(build(root, "plain.yml", "plain-site", code))
            hooked.append(build(root, "mkdocs.yml", "site", code, **cache))
        base_cpu = statistics.median(r.cpu for r in plain_runs)
        base_rss = statistics.median(r.rss for r in plain_runs)
        s = SCALES[args.scale]
        print(
            f"scale {args.scale}: {s.tors} ToRs added, {s.briefs} briefs, {s.actions} actions "
            f"in {s.plans} plans, {s.meetings} meetings; {args.runs} runs each"
        )
        rows = (("plain Material", plain_runs), ("hooks, warm", hooked), ("hooks, cold", [cold]))
        for name, runs in rows:
            cpu = statistics.median(r.cpu for r in runs)
            rss = statistics.median(r.rss for r in runs)
            print(
                f"  {name:15s} CPU {cpu:7.2f} s ({cpu / base_cpu:.2f}x)  "
                f"[{', '.join(f'{r.cpu:.2f}' for r in runs)}]  "
                f"peak memory {mb(rss)} ({rss / base_rss:.2f}x)"
            )
        for label, site in (("plain", root / "plain-site"), ("hooks", root / "site")):
            found = pages(site)
            over = [p for p in found if p[0] > LIMIT]
            print(
                f"  {label}: {len(found)} pages, largest {found[0][0] / 1024:.1f} KB "
                f"({found[0][1]}); {len(over)} over 60 KB"
                + (f": {', '.join(p for _, p in over[:8])}" if over else "")
            )
        material = root / "plain-site/search/search_index.json"
        bundle = root / "site/pagefind"
        alone = index_alone(root / "site")
        fragments = list((bundle / "fragment").glob("*"))
        print(
            f"  search index: Material {mb(material.stat().st_size)}; Pagefind "
            f"{mb(folder_size(bundle))} in {sum(1 for _ in bundle.rglob('*'))} files "
            f"({len(fragments)} pages indexed); Pagefind indexing alone {alone.cpu:.2f} s CPU, "
            f"peak {mb(alone.rss)}"
        )


if __name__ == "__main__":
    main()
