"""Benchmark `kb check` against check-jsonschema, side by side in one run.

Generates a knowledge base of 500 action files holding 10,000 actions, 1,000
briefs and 100 ToRs, then times (wall clock, interpreter start included):

- `kb check` over the whole knowledge base;
- `check-jsonschema` validating only the 500 action files against the JSON Schema
  exported from the same pydantic model.

    python benchmarks/bench_check.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale import generate

from checks.model import ActionPlan

BIN = Path(sys.executable).parent


def _time(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        times.append(time.perf_counter() - start)
        if proc.returncode not in (0, 1):
            raise SystemExit(f"{cmd[0]} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = generate(Path(tmp) / "kb", briefs=1000, tors=100, action_files=500, actions=20)
        schema = Path(tmp) / "actions.schema.json"
        schema.write_text(json.dumps(ActionPlan.model_json_schema()))
        actions = sorted(str(p) for p in (root / "data/actions").glob("*.yaml"))
        kb = _time([str(BIN / "kb"), "check", str(root), "--as-of", "2026-11-25"], args.runs)
        cj = _time(
            [str(BIN / "check-jsonschema"), "--schemafile", str(schema), *actions], args.runs
        )
    print(f"kb check, whole knowledge base (10,000 actions, 1,000 briefs, 100 ToRs): {kb:.2f} s")
    print(f"check-jsonschema, the 500 action files only:                         {cj:.2f} s")
    print(f"ratio: kb check is {cj / kb:.1f}x faster (median of {args.runs} runs each)")


if __name__ == "__main__":
    main()
