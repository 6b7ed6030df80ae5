"""Numbers and dates are bounded: a huge number or a date near 9999-12-31 anywhere a
knowledge base holds one is a finding naming the field and what is accepted, never an
OverflowError or "year 10000 is out of range" in the checks or the generated pages."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest

from checks.cli import main
from checks.loading import load
from checks.model.findings import Finding, Severity
from checks.model.working_days import WorkingCalendar
from checks.rules.engine import run
from checks.site.build import SiteBuild
from kbfactory import TODAY, write
from timebox import time_box

# Written unquoted into the YAML in place of this word: 5,000 digits, more than
# Python will turn into an int from text (or back).
HUGE = "HUGE_NUMBER"
ACTIONS = "data/actions/CSPR-2026-01.yaml"


Edit = Callable[[dict[str, Any]], None]


def case(file: str, *path: Any, value: Any, field: str = "") -> tuple[str, Edit, str]:
    """(file, edit, words the finding must contain): set ``value`` at ``path``
    in ``file``; the words are the field's name unless given."""

    def edit(files: dict[str, Any]) -> None:
        node = files[file]
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return file, edit, field or str(path[-1])


PANEL, PROCEDURE = "docs/tor/panel.md", "docs/procedures/rapid-review.md"
LATE = "9999-12-31"
LATE_DATES = [
    case(ACTIONS, "actions", 1, "due", value=LATE, field="actions[2].due"),
    case(
        ACTIONS, "actions", 1, "escalated_on", value="9999-12-30", field="actions[2].escalated_on"
    ),
    case("data/reviews.yaml", "reviews", 0, "aware_on", value=LATE),
    case("data/reviews.yaml", "reviews", 0, "decision_on", value="9999-12-20"),
    case("data/reviews.yaml", "reviews", 0, "published_on", value=LATE),
    case("data/partnership.yaml", "yearly_reports", 0, "published_on", value=LATE),
    case("data/meetings/2026.yaml", "meetings", 0, "date", value=LATE),
    case(PANEL, 0, "next_review", value=LATE),
    case(PANEL, 0, "approved_on", value="0001-01-01"),
    case("docs/briefs/lb-2026-01.md", 0, "review_by", value=LATE),
    case(PROCEDURE, 0, "last_reviewed", value=LATE),
]

HUGE_NUMBERS = [
    case(PANEL, 0, "papers_days", value=HUGE),
    case(PANEL, 0, "review_cycle", value="99999999999999999999 years"),
    case(PANEL, 0, "frequency", value=f"{HUGE} months"),
    case(PANEL, 0, "version", value="1" + "0" * 5000),
    case(PROCEDURE, 0, "review_in", value="9000 years"),
    case(ACTIONS, "actions", 1, "recommendation", value=HUGE),
    case("kb.yaml", "warning_days", value=HUGE),
]


def _findings_at(tmp_path, files, file: str) -> tuple[list[Any], Any]:
    """The loader's own findings in ``file`` (a report shows those about a page
    that did not load without their details), and the whole run's result."""
    root = write(tmp_path / "kb", files)
    for path in root.rglob("*.*"):
        text = path.read_text()
        if HUGE in text:
            path.write_text(text.replace(HUGE, "9" * 5000))
    kb = load(root)
    result = run(kb, TODAY)
    # The generated pages (register, tracker, calendar...) do date arithmetic too.
    SiteBuild(kb, result, TODAY).generated()
    found = [
        Finding(p.file, p.line, code, Severity.ERROR, p.message) for code, p in kb.load_problems
    ]
    return [f for f in found if f.file == file], result


@pytest.mark.parametrize(("file", "edit", "field"), LATE_DATES, ids=[c[2] for c in LATE_DATES])
def test_a_date_out_of_range_is_a_finding(files, tmp_path, file, edit, field):
    edit(files)
    found, result = _findings_at(tmp_path, files, file)
    assert any(
        f.code == "KB003"
        and field in f.message
        and "between 1900-01-01 and 2199-12-31" in f.message
        for f in found
    ), [f"{f.code} {f.message}" for f in result.findings]


@pytest.mark.parametrize(("file", "edit", "field"), HUGE_NUMBERS, ids=[c[2] for c in HUGE_NUMBERS])
def test_a_huge_number_is_a_finding(files, tmp_path, file, edit, field):
    files.setdefault("kb.yaml", {})
    edit(files)
    found, result = _findings_at(tmp_path, files, file)
    assert any(f.code == "KB003" and field in f.message for f in found), [
        f"{f.code} {f.message}" for f in result.findings
    ]
    assert all(len(f.message) < 1000 for f in found)  # the number is never echoed whole


def test_the_longest_period_accepted_still_gives_a_real_date(files, tmp_path):
    files["docs/tor/panel.md"][0].pop("next_review")
    files["docs/tor/panel.md"][0]["review_cycle"] = "10 years"
    files["docs/tor/panel.md"][0]["approved_on"] = "2199-12-31"
    files["docs/tor/panel.md"][0]["history"][-1]["date"] = "2199-12-31"
    found, _ = _findings_at(tmp_path, files, "docs/tor/panel.md")
    assert not [f for f in found if f.code.startswith("KB")]


@pytest.mark.parametrize(
    ("rule", "option", "value"),
    [
        ("ACT006", "days", 10**20),
        ("ACT002", "days", 10**20),
        ("MTG004", "grace_days", 10**20),
        ("REV003", "months", {"lcspr": 10**20}),
        ("REV001", "working_days", 10**20),
        ("PRT001", "months", 10**20),
        ("REV007", "months", 10**20),
        ("SEC003", "max_indent", -1),
    ],
)
def test_a_huge_option_is_a_setting_finding_and_the_check_still_runs(
    files, tmp_path, rule, option, value
):
    files["kb.yaml"] = {"rules": {rule: {"options": {option: value}}}}
    files[ACTIONS]["actions"][1]["due"] = "2026-11-01"  # overdue: ACT001 must still run
    _, result = _findings_at(tmp_path, files, "kb.yaml")
    (f,) = [f for f in result.findings if f.code == "CFG002"]
    assert f"`{option}` of {rule}" in f.message and "from 0 to 3660" in f.message
    assert f.line == 4  # the line of the option itself
    assert "ACT001" in {f.code for f in result.findings}


def test_as_of_out_of_range_is_a_usage_error(files, tmp_path, capsys):
    root = write(tmp_path / "kb", files)
    assert main(["check", str(root), "--as-of", "9999-12-31"]) == 2
    err = capsys.readouterr().err
    assert "between 1900-01-01 and 2199-12-31" in err and "Traceback" not in err


@pytest.mark.parametrize("nation", ["ENG", "WLS", "SCT", "NIR"])
def test_working_days_over_centuries_agree_with_the_holidays_package(nation):
    import holidays

    calendar = WorkingCalendar(nation)
    package = holidays.country_holidays("GB", subdiv=nation)
    spans = [(date(1900, 1, 1), date(2199, 12, 31)), (date(2199, 12, 31), date(1900, 1, 1))]
    spans += [(date(1903 + 37 * i, 1 + i, 3 + i), date(2150 + 9 * i, 12, 31)) for i in range(3)]
    start = date(2025, 3, 3)  # around the span where counting by weeks begins
    spans += [(start, start + timedelta(days=n)) for n in (398, 399, 400, 401)]
    for start, end in spans:
        lo, hi = sorted((start, end))
        expected = package.get_working_days_count(lo + timedelta(days=1), hi)
        assert calendar.count_between(start, end) == (expected if end >= start else -expected)


def test_a_register_of_reviews_spanning_centuries_is_checked_in_time(files, tmp_path):
    # Each review's steps are counted in working days; day by day, each of these
    # took a third of a second.
    first = files["data/reviews.yaml"]["reviews"][0]
    files["data/reviews.yaml"]["reviews"] = [
        {
            **first,
            "ref": f"CSPR-2026-{i:03}",
            "aware_on": f"{1900 + i}-01-01",
            "sin_sent": "2199-12-31",
        }
        for i in range(200)
    ]
    with time_box(10):
        _, result = _findings_at(tmp_path, files, "data/reviews.yaml")
    assert sum(f.code == "REV001" for f in result.findings) == 200


def test_a_year_of_working_days_is_the_longest_working_day_period(files, tmp_path):
    files[PANEL][0]["minutes_within"] = "261 working days"
    found, _ = _findings_at(tmp_path, files, PANEL)
    assert any("at most 260 working days" in f.message for f in found)
