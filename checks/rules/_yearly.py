"""Shared logic for the yearly report checks (PRT001, PRT002)."""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta

from checks.model import Partnership, YearlyReport


def latest_yearly_report(partnership: Partnership, today: date) -> YearlyReport | None:
    """The most recent report published on or before ``today``."""
    published = [r for r in partnership.yearly_reports if r.published_on <= today]
    return max(published, key=lambda r: r.published_on, default=None)


def next_yearly_report_due(latest: YearlyReport, months: int) -> date:
    return latest.published_on + relativedelta(months=months)
