"""The partnership's yearly report (PRT001, PRT002), how long a review's report
stays published (REV007), the Home Office's quality assurance of a DARDR (REV008)
and escalating overdue actions (ACT006), beyond the one failing case each in
test_rules."""

from __future__ import annotations

from datetime import date
from typing import Any

from checks.rules.engine import Result


def messages(result: Result, *codes: str) -> list[str]:
    return [f"{f.code} {f.message}" for f in result.findings if f.code in codes]


def test_no_yearly_report_recorded_is_an_error(files: dict[str, Any], check: Any) -> None:
    del files["data/partnership.yaml"]["yearly_reports"]
    (found,) = messages(check(files), "PRT001", "PRT002")
    assert found.startswith("PRT001 no yearly report is recorded")


def test_the_latest_report_counts_whatever_the_order(files: dict[str, Any], check: Any) -> None:
    files["data/partnership.yaml"]["yearly_reports"] = [
        {"published_on": "2026-06-30"},
        {"published_on": "2024-06-28"},  # an older one listed after: no finding
    ]
    assert messages(check(files), "PRT001", "PRT002") == []


def test_a_report_dated_after_today_is_not_counted(files: dict[str, Any], check: Any) -> None:
    files["data/partnership.yaml"]["yearly_reports"] = [
        {"published_on": "2025-06-30"},
        {"published_on": "2026-12-01"},
    ]
    found = messages(check(files), "PRT001")
    assert any("recorded as published on 2026-12-01, after today" in m for m in found)
    # The future one is not the latest: the one before it is a year and more old.
    assert any("was due by 2026-06-30" in m for m in found)


def test_the_window_and_period_are_options(files: dict[str, Any], check: Any) -> None:
    files["kb.yaml"] = {"rules": {"PRT001": {"options": {"months": 4}}}}
    (found,) = messages(check(files), "PRT001")
    assert "was due by 2026-10-30 (4 months after the last" in found


def test_a_report_kept_for_a_year_may_be_taken_down(files: dict[str, Any], check: Any) -> None:
    files["data/reviews.yaml"]["reviews"][0]["published_on"] = "2025-09-15"
    files["data/reviews.yaml"]["reviews"][0]["advance_copy_sent"] = "2025-09-01"
    files["data/reviews.yaml"]["reviews"][0]["decision_on"] = "2025-04-01"
    files["data/reviews.yaml"]["reviews"][0].update(
        aware_on="2025-03-03",
        sin_sent="2025-03-05",
        rr_sent="2025-03-20",
        commissioned_on="2025-04-15",
        removed_on="2026-09-15",
    )
    assert messages(check(files, today=date(2026, 11, 25)), "REV005", "REV007") == []


def test_taken_down_without_being_published(files: dict[str, Any], check: Any) -> None:
    review = files["data/reviews.yaml"]["reviews"][0]
    review.update(status="in-progress", removed_on="2026-10-01")
    del review["published_on"]
    (found,) = messages(check(files), "REV007")
    assert "`removed_on` is set but the review has no `published_on`" in found


def test_taken_down_before_it_was_published(files: dict[str, Any], check: Any) -> None:
    files["data/reviews.yaml"]["reviews"][0]["removed_on"] = "2026-09-01"
    found = messages(check(files), "REV005")
    assert found == [
        "REV005 `removed_on` (2026-09-01) is before `published_on` (2026-09-15): "
        "taking the report down cannot come before publication"
    ]


def test_an_escalated_overdue_action_is_not_reported_again(
    files: dict[str, Any], check: Any
) -> None:
    action = files["data/actions/CSPR-2026-01.yaml"]["actions"][1]
    action["due"] = "2026-10-01"
    assert messages(check(files), "ACT006")  # 55 days overdue, not escalated
    action["escalated_on"] = "2026-11-05"
    assert messages(check(files), "ACT006") == []
    assert messages(check(files), "ACT001")  # still overdue: escalation does not excuse it


def test_an_action_overdue_for_under_a_month_need_not_be_escalated_yet(
    files: dict[str, Any], check: Any
) -> None:
    files["data/actions/CSPR-2026-01.yaml"]["actions"][1]["due"] = "2026-10-26"  # 30 days
    assert messages(check(files), "ACT006") == []


def test_an_escalation_dated_after_today_is_reported(files: dict[str, Any], check: Any) -> None:
    action = files["data/actions/CSPR-2026-01.yaml"]["actions"][1]
    action.update(due="2026-10-01", escalated_on="2026-12-01")
    (found,) = messages(check(files), "ACT006")
    assert "recorded as escalated on 2026-12-01, after today (2026-11-25)" in found


def test_a_dardr_is_published_only_after_quality_assurance(
    files: dict[str, Any], check: Any
) -> None:
    review = files["data/reviews.yaml"]["reviews"][0]
    review.update(kind="dardr", decision="dardr", quality_assured_on="2026-09-01")
    assert messages(check(files), "REV008") == []  # agreed two weeks before publication
    review["quality_assured_on"] = "2026-09-20"
    (found,) = messages(check(files), "REV008")
    assert "published on 2026-09-15, before the Home Office quality assured it on 2026-09-20" in (
        found
    )
    review.update(kind="lcspr", decision="lcspr")
    del review["quality_assured_on"]
    assert messages(check(files), "REV008") == []  # an LCSPR needs no Home Office agreement
