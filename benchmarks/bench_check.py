"""Benchmark `kb check` against check-jsonschema, side by side in one run.

Generates a knowledge base of 500 action files holding 10,000 actions, 1,000
briefs and 100 ToRs, then times (wall clock, interpreter start included):

- `kb check --no-cache --jobs 1`: every file parsed, in one process (cold);
- `kb check --no-cache`: every file parsed, the parsing shared among the cores;
- `kb check` on a first run: as above, and the parse cache written;
- `kb check` with its parse cache filled by an earlier run, and nothing changed
  since (warm: the case of a re-run, pre-commit, or CI that restores the cache);
- `kb check` after one action file and one brief were edited (incremental);
- `check-jsonschema` validating only the 500 action files against the JSON Schema
  exported from the same pydantic model;
- for scale, the floor under any PyYAML-based checker: a Python script that only
  loads every YAML file and front matter with PyYAML's C loader, and checks nothing.

    python benchmarks/bench_check.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from precompile import compile_package
from scale import generate

from checks.model import ActionPlan

BIN = Path(sys.executable).parent


def _time(
    cmd: list[str],
    runs: int,
    env: dict[str, str] | None = None,
    before: Any = None,
    ok: tuple[int, ...] = (0, 1),  # 1: findings, for kb check and check-jsonschema
) -> float:
    times = []
    for _ in range(runs):
        if before is not None:
            before()
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)
        times.append(time.perf_counter() - start)
        if proc.returncode not in ok:
            raise SystemExit(f"{cmd[0]} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    compile_package()
    with tempfile.TemporaryDirectory() as tmp:
        root = generate(Path(tmp) / "kb", briefs=1000, tors=100, action_files=500, actions=20)
        schema = Path(tmp) / "actions.schema.json"
        schema.write_text(json.dumps(ActionPlan.model_json_schema()))
        actions = sorted(str(p) for p in (root / "data/actions").glob("*.yaml"))
        kb = [str(BIN / "kb"), "check", str(root), "--as-of", "2026-11-25"]
        env = {**os.environ, "KB_CACHE_DIR": str(Path(tmp) / "cache")}
        env.pop("KB_NO_CACHE", None)
        one_core = _time([*kb, "--no-cache", "--jobs", "1"], args.runs)
        cold = _time([*kb, "--no-cache"], args.runs)
        first_cache = Path(tmp) / "first"
        first = _time(
            kb,
            args.runs,
            {**env, "KB_CACHE_DIR": str(first_cache)},
            before=lambda: shutil.rmtree(first_cache, ignore_errors=True),
        )
        subprocess.run(kb, capture_output=True, check=False, env=env)  # fill the cache
        warm = _time(kb, args.runs, env)
        plan = root / "data/actions/CSPR-2000-01.yaml"
        brief = root / "docs/briefs/scaled-0001.md"
        edits = iter(range(1_000_000))

        def edit() -> None:
            n = next(edits)
            plan.write_text(plan.read_text() + f"# edit {n}\n")
            brief.write_text(brief.read_text() + f"\nEdited ({n}).\n")

        incremental = _time(kb, args.runs, env, before=edit)
        floor = _time([sys.executable, "-c", FLOOR, str(root)], args.runs, ok=(0,))
        cj = _time(
            [str(BIN / "check-jsonschema"), "--schemafile", str(schema), *actions], args.runs
        )
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print("kb check, whole knowledge base (10,000 actions, 1,000 briefs, 100 ToRs):")
    rows = [
        ("cold, --no-cache --jobs 1 (one core)", one_core),
        (f"cold, --no-cache ({cores} cores)", cold),
        ("first run, cache written", first),
        ("warm, cache filled, nothing edited", warm),
        ("two files edited since", incremental),
    ]
    for label, seconds in rows:
        print(f"  {label + ':':<40} {seconds:.2f} s  ({cj / seconds:.1f}x check-jsonschema)")
    print(f"check-jsonschema, the 500 action files only: {cj:.2f} s")
    print(
        f"floor: PyYAML's C loader reading every file, checking nothing: {floor:.2f} s "
        f"({cj / floor:.1f}x)"
    )
    print(f"(median of {args.runs} runs each, in one run of this script)")


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
