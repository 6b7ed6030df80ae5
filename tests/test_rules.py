"""Every check, failing: one change to the compliant knowledge base triggers it.

The passing case for every check is ``test_compliant.py``: the same knowledge base
before the change has no findings at all. Each row here changes one thing, and
asserts the code, the file, the line and the wording of what is found.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
import yaml

from checks.rules import REGISTRY
from kbfactory import brief_body

F = dict[str, Any]


def tor(files: F, name: str = "panel") -> dict[str, Any]:
    return files[f"docs/tor/{name}.md"][0]


def review(files: F) -> dict[str, Any]:
    return files["data/reviews.yaml"]["reviews"][0]


def action(files: F, i: int = 1) -> dict[str, Any]:
    return files["data/actions/CSPR-2026-01.yaml"]["actions"][i]


def brief(files: F) -> dict[str, Any]:
    return files["docs/briefs/lb-2026-01.md"][0]


def meeting(files: F, i: int = 1) -> dict[str, Any]:
    return files["data/meetings/2026.yaml"]["meetings"][i]


def yearly_report(files: F) -> dict[str, Any]:
    return files["data/partnership.yaml"]["yearly_reports"][0]


def proc(files: F) -> dict[str, Any]:
    return files["docs/procedures/rapid-review.md"][0]


def _set(getter: Callable[[F], dict[str, Any]], **values: Any) -> Callable[[F], None]:
    def change(files: F) -> None:
        target = getter(files)
        for key, value in values.items():
            if value is None:
                target.pop(key, None)
            else:
                target[key] = value

    return change


def _body(path: str, body: str) -> Callable[[F], None]:
    def change(files: F) -> None:
        files[path] = (files[path][0], body)

    return change


def _add_file(path: str, content: Any) -> Callable[[F], None]:
    def change(files: F) -> None:
        files[path] = content

    return change


def _loop(files: F) -> None:
    tor(files, "exec")["reports_to"] = "panel"


def _history_backwards(files: F) -> None:
    tor(files)["history"].reverse()


def _quorum_without_icb(files: F) -> None:
    tor(files)["quorum"] = ["council", "police", "school"]


def _no_police_member(files: F) -> None:
    t = tor(files)
    t["members"] = [m for m in t["members"] if m["agency"] != "police"]


def _meeting_without_icb(files: F) -> None:
    meeting(files)["present"] = ["council", "police"]


def _expired_suppression(files: F) -> None:
    tor(files)["suppress"] = [{"code": "TOR009", "reason": "Quoted", "until": "2026-01-31"}]


def _config(text: str) -> Callable[[F], None]:
    return _add_file("kb.yaml", text)


CASES: list[tuple[str, Callable[[F], None], str, int | None, str]] = [
    (
        "SEC001",
        _body("docs/tor/panel.md", "# Panel\n\nText.\n\n<script>alert(1)</script>\n"),
        "docs/tor/panel.md",
        None,
        "<script> element",
    ),
    (
        "SEC002",
        _body("docs/tor/panel.md", "# Panel\n\n[x](../../../etc/passwd)\n"),
        "docs/tor/panel.md",
        None,
        "points outside the site",
    ),
    (
        "SEC001",
        _body("docs/tor/panel.md", "# Panel\n\n[x](jav&#x61;script:alert(1))\n"),
        "docs/tor/panel.md",
        None,
        "javascript: URL",
    ),
    (
        "SEC001",
        _body("docs/tor/panel.md", '# Panel\n\n![x" onerror="alert(1)](a.png)\n'),
        "docs/tor/panel.md",
        None,
        "event-handler attribute (onerror=)",
    ),
    (
        "SEC002",
        _body("docs/tor/panel.md", "# Panel\n\n![chart](https://charts.example.org/c.png)\n"),
        "docs/tor/panel.md",
        None,
        "loads an image or other file from another host",
    ),
    (
        "SEC003",
        _body("docs/tor/panel.md", "# Panel\n\n" + ">" * 30 + " deep\n"),
        "docs/tor/panel.md",
        None,
        "30 nested quotes",
    ),
    (
        "SEC003",
        _body("docs/tor/panel.md", "# Panel\n\n" + "[" * 3000 + "x" + "](" * 3000 + "\n"),
        "docs/tor/panel.md",
        None,
        "3000 link brackets",
    ),
    (
        "SEC006",
        _body("docs/tor/panel.md", "---\nstatus: draft\n---\n\n# Panel\n"),
        "docs/tor/panel.md",
        None,
        "a second front matter block follows the first",
    ),
    (
        "SEC006",
        _body("docs/tor/panel.md", "\n+++\nstatus = 'draft'\n+++\n\n# Panel\n"),
        "docs/tor/panel.md",
        None,
        "a second front matter block follows the first",
    ),
    (
        "SEC006",
        _body("docs/tor/panel.md", "---\npublish_on: 2099-01-01\n...\n\n# Panel\n"),
        "docs/tor/panel.md",
        None,
        "a second front matter block follows the first",
    ),
    (
        "SEC003",
        _body("docs/tor/panel.md", "# Panel\n\n" + '<div markdown="1">\n\n' * 25 + "deep\n"),
        "docs/tor/panel.md",
        None,
        "HTML blocks read as Markdown are nested more than 20 deep",
    ),
    (
        "ANO001",
        _body("docs/briefs/lb-2026-01.md", brief_body("A brief") + "\nJessica Smith said so.\n"),
        "docs/briefs/lb-2026-01.md",
        None,
        "name: the text at column 1 could identify someone",
    ),
    (
        "ANO002",
        _body(
            "docs/briefs/lb-2026-01.md",
            brief_body("A brief") + "\nThe Victoria Climbié Inquiry found the same.\n",
        ),
        "docs/briefs/lb-2026-01.md",
        None,
        "“Victoria Climbié” is published because it is a child named in a national review",
    ),
    ("KB007", _add_file("docs/register.md", "# Mine\n"), "docs/register.md", 1, "generates"),
    (
        "SEC005",
        _add_file("docs/notes.md", "---\ntitle: Notes\ntemplate: redirect.html\n---\n# Notes\n"),
        "docs/notes.md",
        3,
        "does not use `template`",
    ),
    (
        "SEC004",
        _add_file("docs/briefs/notes.txt", "Jessica Smith\n"),
        "docs/briefs/notes.txt",
        1,
        "does not publish .txt files",
    ),
    # code, change, file, line (None: don't care), words in the message
    (
        "KB001",
        _add_file("docs/briefs/bad.md", b"---\ntitle: caf\xe9\n---\n"),
        # A brief that did not load may be a draft: neither named nor quoted.
        "docs/briefs/(unpublished file 1)",
        2,
        "cannot be read as text",
    ),
    (
        "KB002",
        _add_file("data/actions/bad.yaml", "review: [CSPR\n"),
        "data/actions/bad.yaml",
        1,
        "the `[` on this line has no matching `]`",
    ),
    (
        "KB003",
        _set(lambda f: tor(f), next_reveiw="2027-01-01"),
        "docs/tor/panel.md",
        None,
        "did you mean `next_review`",
    ),
    (
        "KB004",
        _add_file(
            "docs/briefs/copy.md",
            (
                {
                    **{
                        "id": "LB-2026-01",
                        "title": "Copy",
                        "review": "CSPR-2026-01",
                        "themes": ["neglect"],
                        "audience": {},
                        "status": "draft",
                        "publish_on": "2027-01-01",
                        "review_by": "2028-01-01",
                    }
                },
                "# Copy\n",
            ),
        ),
        # Either twin could be a draft, so neither is named (checks.rules.redaction).
        "docs/briefs/(unpublished file 1)",
        2,
        "share an id",
    ),
    ("KB005", lambda f: f.pop("data/themes.yaml"), "data/themes.yaml", 1, "is missing"),
    (
        "KB008",
        _add_file("data/reviews.yaml", "reviews: [CSPR\n"),
        "data/reviews.yaml",
        1,
        "could not run: ACT004, BRF003, REV001",
    ),
    (
        "KB006",
        _add_file("data/actions.yaml", {"review": "X"}),
        "data/actions.yaml",
        1,
        "is not read",
    ),
    ("CFG001", _expired_suppression, "docs/tor/panel.md", None, "expired on 2026-01-31"),
    ("CFG002", _config("rules:\n  TOR999: {enabled: false}\n"), "kb.yaml", 2, "not a check code"),
    ("CFG003", _config("rules:\n  ANO001: {enabled: false}\n"), "kb.yaml", 2, "is ignored"),
    (
        "CFG004",
        _config("suppressions:\n  - {code: ACT001, reason: Noisy, until: 2099-12-31}\n"),
        "kb.yaml",
        2,
        "has no `subject`",
    ),
    (
        "TOR001",
        _set(tor, next_review="2026-11-01"),
        "docs/tor/panel.md",
        None,
        "lapsed 24 days ago",
    ),
    ("TOR002", _set(tor, next_review="2026-12-31"), "docs/tor/panel.md", None, "in 36 days"),
    ("TOR003", _set(tor, next_review=None), "docs/tor/panel.md", None, "no review date"),
    ("TOR004", _quorum_without_icb, "docs/tor/panel.md", None, "Testshire ICB"),
    ("TOR005", _no_police_member, "docs/tor/panel.md", None, "Testshire Police has no seat"),
    (
        "TOR006",
        _set(tor, reports_to="board"),
        "docs/tor/panel.md",
        None,
        "`reports_to` names a group that has no ToR",
    ),
    ("TOR007", _loop, "docs/tor/exec.md", None, "Executive → Review Panel → Executive"),
    ("TOR008", _history_backwards, "docs/tor/panel.md", None, "comes after 2.0"),
    (
        "TOR009",
        _body("docs/tor/panel.md", "# Panel\n\nThe LSCB meets.\n"),
        "docs/tor/panel.md",
        None,
        "“LSCB”",
    ),
    (
        "TOR010",
        _set(lambda f: tor(f)["chair"], agency="counsel"),
        "docs/tor/panel.md",
        None,
        "did you mean `council`",
    ),
    (
        "TOR011",
        _set(tor, quorum=None, not_stated=["quorum"]),
        "docs/tor/panel.md",
        None,
        "does not state its quorum",
    ),
    (
        "TOR012",
        _set(tor, reporting_cadence="each meeting"),
        "data/meetings/2026.yaml",
        None,
        "received no report from the Review Panel",
    ),
    (
        "REV001",
        _set(review, sin_sent="2026-03-11"),
        "data/reviews.yaml",
        None,
        "7 working days after awareness",
    ),
    (
        "REV002",
        _set(review, rr_sent="2026-03-27"),
        "data/reviews.yaml",
        None,
        "the limit is 15 (due by 2026-03-26)",
    ),
    (
        "REV003",
        _set(review, published_on="2026-10-15", advance_copy_sent="2026-10-01"),
        "data/reviews.yaml",
        None,
        "after the 6-month target of 2026-10-01",
    ),
    (
        "REV004",
        _set(review, advance_copy_sent="2026-09-10"),
        "data/reviews.yaml",
        None,
        "at least 7 are needed",
    ),
    (
        "REV005",
        _set(review, sin_sent="2026-02-27"),
        "data/reviews.yaml",
        None,
        "is before `aware_on`",
    ),
    ("REV006", _set(review, decision_on=None), "data/reviews.yaml", None, "has no date"),
    (
        "REV007",
        _set(review, removed_on="2026-11-20"),
        "data/reviews.yaml",
        None,
        "taken down on 2026-11-20, 66 days after it was published on 2026-09-15; "
        "it should stay available until at least 2027-09-15",
    ),
    (
        "REV008",
        _set(review, kind="dardr", decision="dardr"),
        "data/reviews.yaml",
        None,
        "published on 2026-09-15 with no Home Office quality assurance recorded",
    ),
    (
        "PRT001",
        _set(yearly_report, published_on="2025-09-26"),
        "data/partnership.yaml",
        None,
        "the yearly report was due by 2026-09-26 (12 months after the last, published on "
        "2025-09-26), 60 days ago",
    ),
    (
        "PRT002",
        _set(yearly_report, published_on="2025-12-12"),
        "data/partnership.yaml",
        None,
        "the next yearly report is due on 2026-12-12, in 17 days",
    ),
    (
        "ACT001",
        _set(action, due="2026-11-20"),
        "data/actions/CSPR-2026-01.yaml",
        None,
        "5 days overdue",
    ),
    (
        "ACT006",
        _set(action, due="2026-10-01"),
        "data/actions/CSPR-2026-01.yaml",
        None,
        "action A02 has been overdue for 55 days and no escalation to the executive is recorded",
    ),
    (
        "ACT002",
        _set(action, due="2026-12-05"),
        "data/actions/CSPR-2026-01.yaml",
        None,
        "in 10 days",
    ),
    (
        "ACT003",
        _set(action, owner={"role": "Someone"}),
        "data/actions/CSPR-2026-01.yaml",
        None,
        "no owner agency",
    ),
    (
        "ACT004",
        _set(lambda f: f["data/actions/CSPR-2026-01.yaml"], review="CSPR-2026-09"),
        "data/actions/CSPR-2026-01.yaml",
        1,
        "not in data/reviews.yaml",
    ),
    (
        "ACT005",
        _set(lambda f: action(f, 0), evidence=None),
        "data/actions/CSPR-2026-01.yaml",
        None,
        "no `evidence`",
    ),
    (
        "BRF001",
        _set(brief, review_by="2026-10-01"),
        "docs/briefs/lb-2026-01.md",
        None,
        "lapsed 55 days ago",
    ),
    (
        "BRF002",
        _set(brief, themes=["neglect", "curiosity"]),
        "docs/briefs/lb-2026-01.md",
        None,
        "`curiosity`",
    ),
    (
        "BRF003",
        _set(brief, review="CSPR-2026-02"),
        "docs/briefs/lb-2026-01.md",
        None,
        "did you mean CSPR-2026-01",
    ),
    (
        "BRF004",
        _body("docs/briefs/lb-2026-01.md", brief_body("A brief", ("Background",))),
        "docs/briefs/lb-2026-01.md",
        None,
        "missing 6 of the 7 parts",
    ),
    (
        "BRF005",
        _set(brief, audience={"agencies": ["schools"]}),
        "docs/briefs/lb-2026-01.md",
        None,
        "did you mean `school`",
    ),
    (
        "BRF006",
        _body(
            "docs/briefs/lb-2026-01.md",
            brief_body("A brief").replace("Text for background.", "Write  this part."),
        ),
        "docs/briefs/lb-2026-01.md",
        None,
        "1 part(s) still hold the template's placeholder text: “Background”",
    ),
    (
        "PRC001",
        _set(proc, last_reviewed="2025-06-01"),
        "docs/procedures/rapid-review.md",
        None,
        "lapsed",
    ),
    (
        "PRC002",
        _set(proc, last_reviewed="2025-12-15"),
        "docs/procedures/rapid-review.md",
        None,
        "in 20 days",
    ),
    ("PRC003", _set(proc, owner="board"), "docs/procedures/rapid-review.md", None, "`board`"),
    ("MTG001", _meeting_without_icb, "data/meetings/2026.yaml", None, "not quorate"),
    (
        "MTG002",
        _set(meeting, papers_sent="2026-11-03"),
        "data/meetings/2026.yaml",
        None,
        "2 working days before it",
    ),
    (
        "MTG003",
        _set(meeting, minutes_sent=None, date="2026-10-15", papers_sent="2026-10-07"),
        "data/meetings/2026.yaml",
        None,
        "no minutes are recorded",
    ),
    (
        "MTG004",
        _set(
            lambda f: meeting(f, 0),
            date="2026-06-01",
            papers_sent="2026-05-22",
            minutes_sent="2026-06-10",
        ),
        "data/meetings/2026.yaml",
        None,
        "has not met since 2026-06-01",
    ),
    (
        "MTG005",
        _set(meeting, group="pannel"),
        "data/meetings/2026.yaml",
        None,
        "`pannel` has no ToR",
    ),
]


def test_every_check_has_a_failing_case():
    # The change rules (CHG) need a git base; tests/test_changes.py covers them.
    assert {c[0] for c in CASES} == {code for code in REGISTRY if not code.startswith("CHG")}


@pytest.mark.parametrize(
    ("code", "change", "file", "line", "words"), CASES, ids=[c[0] for c in CASES]
)
def test_check_fails_on_the_change(files, check, code, change, file, line, words):
    change(files)
    findings = [f for f in check(files).findings if f.code == code]
    assert findings, f"{code} found nothing"
    hit = [f for f in findings if f.file == file and words in f.message]
    assert hit, [f"{f.file}:{f.line} {f.message}" for f in findings]
    if line is not None:
        assert hit[0].line == line
    assert hit[0].severity == REGISTRY[code].severity


def test_an_unknown_id_is_never_quoted(files, check):
    # An id that names no agency or group is free text no check reads: it could
    # be a family's name, and messages reach CI logs and the dashboard.
    tor(files)["reports_to"] = "smith-family-panel"
    tor(files)["chair"]["agency"] = "smith-family"
    result = check(files)
    codes = {f.code for f in result.findings if f.file == "docs/tor/panel.md"}
    assert {"TOR006", "TOR010"} <= codes
    assert not [f.message for f in result.findings if "smith" in f.message]


def test_lines_point_at_the_offending_key(files, check):
    tor(files)["next_review"] = "2026-11-01"
    result = check(files)
    (finding,) = [f for f in result.findings if f.code == "TOR001"]
    text = (result_root(check) / "docs/tor/panel.md").read_text().splitlines()
    assert text[finding.line - 1].startswith("next_review:")


def result_root(check: Any) -> Any:
    # The check fixture writes under tmp_path/kb; recover it from the closure.
    return check.__closure__[0].cell_contents / "kb"


def _before_the_rapid_review(r: dict[str, Any], keep: tuple[str, ...] = ()) -> None:
    """Make the compliant review one that has not reached its rapid review yet."""
    later = (
        "rr_sent",
        "decision",
        "decision_on",
        "commissioned_on",
        "advance_copy_sent",
        "published_on",
    )
    for key in later:
        if key not in keep:
            r.pop(key)


def test_open_rapid_review_is_overdue_as_of_today(files, check):
    r = review(files)
    _before_the_rapid_review(r)
    r.update(kind="rapid-review", status="open", sin_sent="2026-11-10", aware_on="2026-11-09")
    assert [f for f in check(files).findings if f.code == "REV002"] == []  # due 2026-12-01
    assert [f for f in check(files, today=date(2026, 12, 1)).findings if f.code == "REV002"] == []
    (late,) = [f for f in check(files, today=date(2026, 12, 2)).findings if f.code == "REV002"]
    assert "due by 2026-12-01" in late.message and "1 working day overdue" in late.message


def test_christmas_example_from_the_domain_brief(files, check):
    """A SIN sent on Friday 18 December 2026 has its rapid review due 13 January 2027."""
    r = review(files)
    r.update(aware_on="2026-12-17", sin_sent="2026-12-18", rr_sent="2027-01-13")
    _before_the_rapid_review(r, keep=("rr_sent",))
    r["status"] = "in-progress"

    def rev002() -> list[str]:
        return [
            f.message for f in check(files, today=date(2027, 1, 20)).findings if f.code == "REV002"
        ]

    assert rev002() == []
    r["rr_sent"] = "2027-01-14"
    (message,) = rev002()
    assert "16 working days after the notification" in message
    assert "due by 2027-01-13" in message


def test_suppression_hides_one_subject_only(files, check):
    action(files)["due"] = "2026-11-20"
    files["kb.yaml"] = (
        "suppressions:\n  - code: ACT001\n    subject: CSPR-2026-01/A02\n"
        "    reason: Agreed extension\n    until: 2027-01-31\n"
    )
    result = check(files)
    assert [f.code for f in result.findings] == []
    assert result.suppressed == 1


def test_config_changes_severity_and_options(files, check):
    action(files)["due"] = "2027-01-30"  # 66 days away
    assert [f.code for f in check(files).findings] == []
    files["kb.yaml"] = "rules:\n  ACT002:\n    severity: error\n    options: {days: 90}\n"
    (finding,) = check(files).findings
    assert (finding.code, finding.severity.value) == ("ACT002", "error")


def test_disabled_rule_does_not_run(files, check):
    action(files)["due"] = "2026-11-20"
    files["kb.yaml"] = "rules:\n  ACT001: {enabled: false}\n"
    assert check(files).findings == []


def test_nation_in_kb_yaml_changes_the_bank_holidays(files, check):
    """Scotland keeps 2 January (in 2027, Monday 4 January in lieu); England does not."""
    r = review(files)
    r.update(aware_on="2026-12-31", sin_sent="2027-01-08")
    _before_the_rapid_review(r)
    r["status"] = "in-progress"
    today = date(2027, 1, 8)
    # Day 5 after 31 December is 8 January in England and 11 January in Scotland.
    assert [f for f in check(files, today=today).findings if f.code == "REV001"] == []
    files["kb.yaml"] = "nation: SCT\n"
    assert [f for f in check(files, today=today).findings if f.code == "REV001"] == []
    r["sin_sent"] = "2027-01-11"
    later = date(2027, 1, 12)
    files["kb.yaml"] = "nation: ENG\n"
    assert [f.code for f in check(files, today=later).findings if f.code == "REV001"] == ["REV001"]
    files["kb.yaml"] = "nation: SCT\n"
    assert [f for f in check(files, today=later).findings if f.code == "REV001"] == []


def test_markup_shown_as_code_on_a_pages_first_line_is_not_a_finding(files, check):
    # Indented code on the line right after the front matter is still code.
    front = yaml.safe_dump(files["docs/tor/panel.md"][0], sort_keys=False)
    files["docs/tor/panel.md"] = f"---\n{front}---\n    <script>x</script>\n"
    assert not [f for f in check(files).findings if f.code == "SEC001"]
