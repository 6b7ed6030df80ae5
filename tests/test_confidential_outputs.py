"""Draft and embargoed content reaches no output of any command."""

from __future__ import annotations

import io

import pytest

from checks.cli import main
from sitehelp import AS_OF, MARKERS, REPO


@pytest.mark.parametrize("fmt", ["text", "json", "github", "junit"])
def test_kb_check_reports_hold_no_draft_or_embargoed_content(fmt, monkeypatch):
    monkeypatch.chdir(REPO)
    out = io.StringIO()
    main(["check", "--as-of", AS_OF, "--format", fmt], out, io.StringIO())
    report = out.getvalue()
    assert report  # the report was written
    for marker in MARKERS:
        assert marker not in report
    # Their titles and summaries stay out too (only the file and id may appear).
    assert "Think family" not in report and "Learning from the review of Child G" not in report
