"""Benchmark `kb check` at the realistic scales, side by side in one run.

The knowledge bases are benchmarks/realistic.py's (the example with generated
ToRs, briefs, action plans and meetings added, in a partnership's proportions):

- small: a partnership's own size, 15 ToRs, 40 briefs, 300 actions in 20 plans
  and 30 meetings (issue 15's "realistic partnership");
- medium: 100 ToRs, 1,000 briefs, 10,000 actions in 500 plans, 200 meetings
  (issue 15's "large"), where `check-jsonschema` validating only the action
  files against the JSON Schema exported from the same pydantic model is timed
  too.

For each, `kb check` is timed cold (`--no-cache`: every file parsed and every
text read by the anonymisation gate's language model) and warm (the parse cache
filled by an earlier run, nothing edited since: a re-run, pre-commit, or CI that
restores the cache), as wall-clock time with the interpreter's start, and as
CPU time (user + system), which a busy machine disturbs less. A floor is timed
too: a script that only loads the same YAML with PyYAML's C loader.

    python benchmarks/bench_check.py [--runs 5] [--cold-runs 1] [--scale small|medium|both]

It times the `checks` package next to this script (or the one in the folder
named by `--code`, to compare with another checkout), compiled to bytecode first
as an install does.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from precompile import compile_package
from realistic import SCALES, generate

from checks.model import ActionPlan

BIN = Path(sys.executable).parent
HERE = Path(__file__).resolve().parent.parent

AS_OF = date(2026, 11, 25)


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float

    def __str__(self) -> str:
        return f"{self.wall:6.2f} s wall, {self.cpu:6.2f} s CPU"


def _time(
    cmd: list[str],
    runs: int,
    env: dict[str, str] | None = None,
    ok: tuple[int, ...] = (0, 1),  # 1: findings, for kb check and check-jsonschema
) -> Timing:
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if proc.returncode not in ok:
            raise SystemExit(f"{cmd[0]} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return Timing(statistics.median(walls), statistics.median(cpus))


def bench(scale: str, code: Path, runs: int, cold_runs: int, tmp: Path) -> None:
    root = generate(tmp / scale, SCALES[scale], AS_OF)
    env = {**os.environ, "PYTHONPATH": str(code), "KB_CACHE_DIR": str(tmp / f"cache-{scale}")}
    env.pop("KB_NO_CACHE", None)
    command = [sys.executable, "-m", "checks", "check", str(root), "--as-of", str(AS_OF)]
    cold = _time([*command, "--no-cache"], cold_runs, env)
    # What a cold run costs besides the anonymisation gate's language model.
    no_model = _time([*command, "--no-cache", "--ignore", "ANO"], runs, env)
    subprocess.run(command, capture_output=True, check=False, env=env)  # fill the cache
    warm = _time(command, runs, env)
    floor = _time([sys.executable, "-c", FLOOR, str(root)], runs, ok=(0,))
    counted = sum(1 for _ in (root / "data/actions").glob("*.yaml"))
    print(
        f"{scale}: {len(list((root / 'docs/tor').glob('*.md')))} ToRs, "
        f"{len(list((root / 'docs/briefs').glob('*.md')))} briefs, "
        f"{SCALES[scale].actions} actions in {counted} files"
    )
    print(f"  kb check, cold (--no-cache):        {cold}")
    print(f"  ... cold without ANO001 and ANO002: {no_model}")
    print(f"  kb check, warm (cache filled):      {warm}")
    print(f"  floor, PyYAML's C loader only:      {floor}")
    if scale == "medium":
        schema = tmp / "actions.schema.json"
        schema.write_text(json.dumps(ActionPlan.model_json_schema()))
        files = sorted(str(p) for p in (root / "data/actions").glob("*.yaml"))
        cj = _time([str(BIN / "check-jsonschema"), "--schemafile", str(schema), *files], runs)
        print(f"  check-jsonschema, action files only: {cj}")
        print(f"  check-jsonschema / kb check warm: {cj.wall / warm.wall:.1f}x wall")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cold-runs", type=int, default=1)
    parser.add_argument("--scale", choices=["small", "medium", "both"], default="both")
    parser.add_argument("--code", type=Path, default=HERE, help="the checkout to time")
    args = parser.parse_args()
    compile_package(args.code / "checks")
    with tempfile.TemporaryDirectory() as tmp:
        for scale in ("small", "medium") if args.scale == "both" else (args.scale,):
            bench(scale, args.code.resolve(), args.runs, args.cold_runs, Path(tmp))
            shutil.rmtree(Path(tmp) / scale)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"(median of {args.runs} runs each, {args.cold_runs} cold; {cores} cores, "
        f"load average {load:.1f} at the end)"
    )


# Loads what kb check loads (action plans, meeting logs, the register and front
# matter) with PyYAML's C loader and nothing else: no line numbers, no model, no
# checks. What it takes is time any checker built on PyYAML must spend.
FLOOR = r"""
import sys
from pathlib import Path
import yaml
root = Path(sys.argv[1])
for path in sorted((root / "data").rglob("*.yaml")):
    yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
for path in sorted((root / "docs").rglob("*.md")):
    text = path.read_text(encoding="utf-8")
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        yaml.load(text[4:end], Loader=yaml.CSafeLoader)
"""


if __name__ == "__main__":
    main()
