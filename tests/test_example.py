"""The example partnership as at 2026-11-25: exactly the documented findings.

Regenerate the golden file after a deliberate change with
``KB_UPDATE_GOLDEN=1 python -m pytest tests/test_example.py``, then read the diff.
"""

from __future__ import annotations

import io
import os

from checks.cli import main
from checks.loading import load

GOLDEN = "tests/golden/example-2026-11-25.txt"


def test_example_findings_match_the_golden_file(repo, monkeypatch):
    monkeypatch.chdir(repo)
    out = io.StringIO()
    code = main(["check", "--as-of", "2026-11-25"], out, io.StringIO())
    assert code == 1
    golden = repo / GOLDEN
    if os.environ.get("KB_UPDATE_GOLDEN"):
        golden.write_text(out.getvalue(), encoding="utf-8")
    assert out.getvalue() == golden.read_text(encoding="utf-8")


def test_example_is_the_size_the_issue_asks_for(repo):
    kb = load(repo)
    assert len(kb.tors) >= 6
    assert len(kb.procedures) >= 4
    assert len(kb.briefs) >= 10
    assert len(kb.reviews) >= 8
    assert sum(len(p.actions) for p in kb.plans) >= 60
    assert len(kb.meetings) >= 12
    assert kb.load_problems == []  # the example is well-formed; its faults are deliberate
