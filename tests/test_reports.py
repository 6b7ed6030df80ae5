"""`kb report`: the highlight and assurance reports, pinned on the example as at
2026-11-25, and each promise tested on a small knowledge base.

Regenerate the golden reports after a deliberate change with
``KB_UPDATE_GOLDEN=1 python -m pytest tests/test_reports.py``, then read the diff.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from checks.loading import load
from checks.reports.period import PeriodError, parse_quarter, parse_year, quarter_of
from kbfactory import kb, write

AS_OF = "2026-11-25"
GOLDEN = {
    "report-highlight-case-review-2026-11-25.md": ["highlight", "--group", "case-review"],
    "report-assurance-2026Q3-2026-11-25.md": ["assurance", "--quarter", "2026Q3"],
    "report-assurance-2026-2026-11-25.md": ["assurance", "--year", "2026"],
}


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_example_reports_match_the_golden_files(repo, monkeypatch, name):
    monkeypatch.delenv("KB_SITE_URL", raising=False)
    argv = ["report", *GOLDEN[name], str(repo), "--as-of", AS_OF]
    code, out, err = kb(*argv)
    assert code == 0, err
    golden = repo / "tests" / "golden" / name
    if os.environ.get("KB_UPDATE_GOLDEN"):
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")


def test_example_has_six_quarters_of_reviews_and_actions_and_meetings_with_attendance(repo):
    example = load(repo)
    review_quarters = {
        quarter_of(d).label
        for r in example.reviews.values()
        for d in (r.aware_on, r.decision_on, r.published_on)
        if d
    }
    action_quarters = {quarter_of(a.due).label for _, a in example.actions()}
    assert len(review_quarters) >= 6 and len(action_quarters) >= 6
    years = {m.date.year for m in example.meetings}
    assert {2025, 2026} <= years
    # Attendance varies, so the chart has something to show.
    assert len({len(m.present) for m in example.meetings}) >= 3


def test_highlight_names_its_period_and_parent(repo):
    code, out, _ = kb("report", "highlight", "--group", "case-review", str(repo), "--as-of", AS_OF)
    assert code == 0
    assert "Highlight report to Safeguarding Partnership Executive" in out
    assert "since Safeguarding Partnership Executive last met, on 10 September 2026" in out
    # The rapid review overdue as at 25 November is counted, and linked to the register.
    assert "[CSPR-2026-02](register/#cspr-2026-02) | Rapid review (15 working days) | " in out
    assert "12 November 2026 | — | **Overdue**" in out


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["assurance", "--quarter", "2026Q5"], "--quarter: '2026Q5' is not a quarter; write"),
        (["assurance", "--quarter", "Q3 2026"], "e.g. 2026Q3 (Q1 is January to March)"),
        (["assurance", "--year", "26"], "--year: '26' is not a year; write the year as YYYY"),
        (["assurance", "--year", "9999"], "write a year between 1900 and 2199"),
        (["highlight", "--group", "panal"], "there is no group 'panal'; use one of: `exec`"),
        (["highlight", "--group", "exec", "--since", "1/9/2026"], "--since: write dates"),
    ],
)
def test_bad_requests_say_what_would_be_accepted(tmp_path, files, argv, expected):
    root = write(tmp_path / "kb", files)
    code, out, err = kb("report", *argv, str(root), "--as-of", AS_OF)
    assert code == 2
    assert out == ""
    assert expected in err and "Traceback" not in err
    assert err.count("\n") == 1


def test_period_parsing():
    assert parse_quarter("2026Q3").start == date(2026, 7, 1)
    assert parse_quarter("2026q4").end == date(2026, 12, 31)
    assert parse_year("2024").end == date(2024, 12, 31)
    assert [q.label for q in parse_year("2026").quarters()] == [
        "2026Q1",
        "2026Q2",
        "2026Q3",
        "2026Q4",
    ]
    with pytest.raises(PeriodError):
        parse_quarter("2026Q0")


def _assurance(root: Path, *extra: str) -> str:
    code, out, err = kb(
        "report", "assurance", "--year", "2026", str(root), "--as-of", AS_OF, *extra
    )
    assert code == 0, err
    return out


def test_timeliness_follows_the_limits_the_checks_use(tmp_path, files):
    # The rapid review took 11 working days: on time at 15, late at 10.
    assert "Rapid review (15 working days) | 26 March 2026 | 20 March 2026 | On time" in _assurance(
        write(tmp_path / "a", files)
    )
    files["kb.yaml"] = {"rules": {"REV002": {"options": {"working_days": 10}}}}
    out = _assurance(write(tmp_path / "b", files))
    assert "Rapid review (10 working days) | 19 March 2026 | 20 March 2026 | **Late**" in out


def test_a_report_on_records_that_did_not_load_says_so_first(tmp_path, files):
    files["data/reviews.yaml"] = "reviews: [\n"
    out = _assurance(write(tmp_path / "kb", files))
    head = out.split("## ", 1)[0]
    assert "**Incomplete: some records did not load" in head
    assert "data/reviews.yaml did not load" in head
    assert "must not be read as all clear" in head


def test_nothing_draft_or_embargoed_reaches_a_report(tmp_path, files):
    front, body = files["docs/briefs/lb-2026-01.md"]
    embargoed: dict[str, Any] = {**front, "id": "LB-2026-07", "title": "Embargoed learning"}
    embargoed["publish_on"] = "2026-12-01"
    draft: dict[str, Any] = {**front, "id": "LB-2026-08", "title": "Draft learning"}
    draft["status"] = "draft"
    files["docs/briefs/lb-2026-07.md"] = (embargoed, body)
    files["docs/briefs/lb-2026-08.md"] = (draft, body)
    out = _assurance(write(tmp_path / "kb", files))
    assert front["title"] in out
    assert "Embargoed learning" not in out and "LB-2026-07" not in out
    assert "Draft learning" not in out and "LB-2026-08" not in out
    # Reviews by reference and pseudonym only: a title never reaches a report.
    files["data/reviews.yaml"]["reviews"][0]["title"] = "Private title words"
    assert "Private title words" not in _assurance(write(tmp_path / "kb2", files))


def test_links_open_the_published_site_when_its_address_is_known(tmp_path, files):
    out = _assurance(write(tmp_path / "kb", files), "--site-url", "https://kb.example/site")
    assert "(https://kb.example/site/register/#cspr-2026-01)" in out
    assert "(https://kb.example/site/tor/exec/)" in out


def test_the_sites_report_pages_say_when_records_did_not_load(tmp_path, files):
    from checks.site.build import SiteBuild

    files["data/actions/CSPR-2026-01.yaml"] = "review: [\n"
    build = SiteBuild.prepare(write(tmp_path / "kb", files), date(2026, 11, 25), use_cache=False)
    pages = build.generated()
    for page in ("reports/assurance.md", "reports/year.md", "reports/highlight-exec.md"):
        head = pages[page].split("## ", 1)[0]
        assert "**Incomplete: some records did not load" in head, page
        assert "data/actions/CSPR-2026-01.yaml did not load" in head, page
    # Each chart file is there, and its text alternative opens with the warning.
    assert "by agency. Incomplete: some records did not load" in pages["reports/year.md"]
    assert pages["reports/charts/year-overdue.svg"].startswith("<svg")


def test_a_theme_not_in_the_vocabulary_is_counted_but_never_named(tmp_path, files):
    files["data/reviews.yaml"]["reviews"][0]["themes"] = ["neglect", "Words From Mrs X", "other x"]
    out = _assurance(write(tmp_path / "kb", files))
    assert "Words From Mrs X" not in out and "other x" not in out
    assert "| Themes not in data/themes.yaml | 1: [CSPR-2026-01]" in out
    assert "| Neglect | 1: [CSPR-2026-01]" in out


def test_output_writes_the_report_to_a_file_and_nothing_to_stdout(tmp_path, files):
    root = write(tmp_path / "kb", files)
    out_file = tmp_path / "q3.md"
    code, out, err = kb(
        "report",
        "assurance",
        "--quarter",
        "2026Q3",
        str(root),
        "--as-of",
        AS_OF,
        "-o",
        str(out_file),
    )
    assert (code, out, err) == (0, "", "")
    assert out_file.read_text().startswith("# Quarterly assurance report, 2026Q3\n")
    code, _, err = kb("report", "assurance", "--year", "2026", str(root), "-o", str(tmp_path))
    assert code == 2 and "that is a folder" in err


def test_today_comes_from_kb_as_of_and_since_sets_the_period(tmp_path, files, monkeypatch):
    root = write(tmp_path / "kb", files)
    monkeypatch.setenv("KB_AS_OF", "2026-10-15")
    code, out, err = kb(
        "report", "highlight", "--group", "panel", str(root), "--since", "2026-09-01"
    )
    assert code == 0, err
    assert "as at 15 October 2026, covering 1 September 2026 to 15 October 2026" in out
    assert "since 1 September 2026, as asked" in out
    # The Executive met on 1 October: without --since, the period starts the day after.
    code, out, _ = kb("report", "highlight", "--group", "panel", str(root))
    assert "covering 2 October 2026 to 15 October 2026 (since Executive last met" in out


def test_a_group_whose_terms_of_reference_are_not_published_keeps_its_report(tmp_path, files):
    from checks.site.build import SiteBuild

    front, body = files["docs/tor/panel.md"]
    files["docs/tor/panel.md"] = ({**front, "status": "draft", "title": "Secret Panel"}, body)
    build = SiteBuild.prepare(write(tmp_path / "kb", files), date(2026, 11, 25), use_cache=False)
    pages = build.generated()
    page = pages["reports/highlight-panel.md"]
    assert page.startswith("# Highlight report: panel\n")
    assert "not published (or did not load), so it is named by its id" in page
    assert "Secret Panel" not in "".join(pages.values())
    assert "[panel](highlight-panel.md)" in pages["reports/index.md"]


def test_a_parent_group_no_tor_names_is_never_printed(tmp_path, files):
    front, body = files["docs/tor/panel.md"]
    files["docs/tor/panel.md"] = ({**front, "reports_to": "smith-family-board"}, body)
    code, out, err = kb(
        "report",
        "highlight",
        "--group",
        "panel",
        str(write(tmp_path / "kb", files)),
        "--as-of",
        AS_OF,
    )
    assert code == 0, err
    assert "smith" not in out.lower()
    assert "over the last three months (the group reports to no group that has met)" in out


def test_a_cell_links_to_at_most_twenty_records_and_counts_the_rest(tmp_path, files):
    from checks.reports.sections import MOST_LINKED

    plan = files["data/actions/CSPR-2026-01.yaml"]["actions"]
    overdue = {k: v for k, v in plan[1].items() if k != "id"} | {"due": "2026-09-30"}
    plan[2:] = [{**overdue, "id": f"B{i:02d}"} for i in range(MOST_LINKED + 5)]
    out = _assurance(write(tmp_path / "kb", files))
    (row,) = [line for line in out.splitlines() if "B01" in line]
    assert row.count("](") == MOST_LINKED + 1  # the agency's link, then the records'
    assert row.rstrip(" |").endswith("and 5 more")


def test_a_steps_table_lists_the_late_first_and_counts_the_rest(repo, monkeypatch):
    from checks.reports import sections

    whole = _steps_rows(kb("report", "assurance", "--year", "2026", str(repo), "--as-of", AS_OF))
    late = [r for r in whole if "**Late**" in r or "**Overdue**" in r]
    assert late and len(late) < len(whole) - 1, "the example has late and on-time steps"
    monkeypatch.setattr(sections, "MOST_ROWS", len(late) + 1)
    out = kb("report", "assurance", "--year", "2026", str(repo), "--as-of", AS_OF)
    shown = _steps_rows(out)
    # Every late step, then the first step on time, in the order the full table has them.
    assert set(late) < set(shown) and len(shown) == len(late) + 1
    assert shown == [r for r in whole if r in shown]
    assert (
        f"The first {len(late) + 1} of {len(whole)} steps, the late and overdue first. The "
        f"other {len(whole) - len(late) - 1} (0 late or overdue) are in the [review register]"
    ) in out[1]


def _steps_rows(run: tuple[int, str, str]) -> list[str]:
    code, out, err = run
    assert code == 0, err
    section = out.split("### Steps due in 2026", 1)[1].split("\n## ", 1)[0]
    return [line for line in section.splitlines() if line.startswith("| [")]


def test_a_report_too_long_for_a_page_is_split_by_section_with_nothing_lost(tmp_path, files):
    from checks.site import report_pages
    from checks.site.build import SiteBuild

    files["data/actions/CSPR-2026-01.yaml"] = "review: [\n"
    root = write(tmp_path / "kb", files)

    def generated() -> dict[str, str]:
        build = SiteBuild.prepare(root, date(2026, 11, 25), use_cache=False)
        return build.generated()

    whole = generated()["reports/year.md"]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(report_pages, "BUDGET", 1000)
        pages = generated()
    parts = sorted(p for p in pages if p.startswith("reports/year/"))
    assert len(parts) == whole.count("\n## ") >= 5
    index = pages["reports/year.md"]
    assert f"This report is in {len(parts)} parts" in index
    for part in parts:
        assert f"]({part.removeprefix('reports/')})" in index
        text = pages[part]
        assert text.startswith("# Yearly report: data sections, 2026: ")
        # Each part says first, as the whole report did, that records did not load.
        assert "data/actions/CSPR-2026-01.yaml did not load" in text.split("## ", 1)[0], part
    # Every table row is on some part, its links written from one folder further down.
    rows = [line for line in whole.splitlines() if line.startswith("| ")]
    moved = "\n".join(pages[p] for p in parts).replace("](../../", "](../")
    assert rows and all(row in moved for row in rows)
