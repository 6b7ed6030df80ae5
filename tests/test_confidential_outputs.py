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


def test_findings_about_a_draft_brief_never_quote_it(tmp_path):
    from checks.loading import load
    from checks.rules.engine import run
    from kbfactory import TODAY, brief_body, compliant, write

    files = compliant()
    front, _ = files["docs/briefs/lb-2026-01.md"]
    files["docs/briefs/draft.md"] = (
        {**front, "id": "LB-2026-07", "status": "draft"},
        brief_body("Draft") + "\nDRAFTNAME Jessica Smith told us.\n",
    )
    files["docs/briefs/broken.md"] = (
        {**front, "id": "LB-2026-08", "status": "draft", "themes": "SECRET-THEME-VALUE"},
        brief_body("Broken"),
    )
    result = run(load(write(tmp_path / "kb", files)), TODAY)
    messages = " ".join(f.message for f in result.findings)
    # Named by id, or by a number when the id did not validate (checks.rules.redaction).
    drafts = {(f.code, f.file) for f in result.findings}
    assert ("ANO001", "docs/briefs/(unpublished LB-2026-07)") in drafts
    assert ("KB003", "docs/briefs/(unpublished file 1)") in drafts
    assert "Jessica" not in messages and "SECRET-THEME-VALUE" not in messages
