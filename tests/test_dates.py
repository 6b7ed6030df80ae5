from __future__ import annotations

from datetime import date

import pytest

from checks.model.working_days import DateError, Duration, WorkingCalendar, parse_date


@pytest.mark.parametrize(
    ("nation", "start", "n", "expected"),
    [
        ("ENG", date(2026, 12, 18), 15, date(2027, 1, 13)),  # the domain brief's example
        ("ENG", date(2026, 4, 2), 1, date(2026, 4, 7)),  # Good Friday and Easter Monday
        ("SCT", date(2026, 12, 31), 1, date(2027, 1, 5)),  # Scotland keeps 2 January
        ("ENG", date(2026, 12, 31), 1, date(2027, 1, 4)),
        ("NIR", date(2026, 3, 16), 1, date(2026, 3, 18)),  # St Patrick's Day
        ("ENG", date(2026, 3, 16), 1, date(2026, 3, 17)),
        ("ENG", date(2026, 3, 6), 5, date(2026, 3, 13)),  # Friday + 5 = next Friday
    ],
)
def test_working_days_follow_each_nations_bank_holidays(nation, start, n, expected):
    assert WorkingCalendar(nation).add(start, n) == expected


def test_count_between_is_the_inverse_of_add():
    cal = WorkingCalendar("ENG")
    start = date(2026, 12, 18)
    assert cal.count_between(start, cal.add(start, 15)) == 15
    assert cal.count_between(cal.add(start, 15), start) == -15
    assert cal.add(date(2027, 1, 13), -15) == start


def test_unknown_nation_is_refused():
    with pytest.raises(ValueError, match="ENG, WLS, SCT, NIR"):
        WorkingCalendar("GB")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31/12/2024", "should be written 2024-12-31"),
        ("2026-02-30", "not a real date"),
        ("next week", "write it as YYYY-MM-DD"),
    ],
)
def test_bad_dates_explain_how_to_write_them(text, message):
    with pytest.raises(DateError, match=message):
        parse_date(text)


@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        ("12 months", date(2026, 1, 31), date(2027, 1, 31)),
        ("1 month", date(2026, 1, 31), date(2026, 2, 28)),
        ("quarterly", date(2026, 1, 15), date(2026, 4, 15)),
        ("every 6 weeks", date(2026, 1, 1), date(2026, 2, 12)),
        ("2 years", date(2024, 2, 29), date(2026, 2, 28)),
    ],
)
def test_durations(text, start, expected):
    assert Duration.parse(text).after(start) == expected


def test_working_day_durations_need_the_calendar():
    d = Duration.parse("15 working days")
    assert d.after(date(2026, 12, 18), WorkingCalendar()) == date(2027, 1, 13)
    with pytest.raises(ValueError):
        d.after(date(2026, 12, 18))


def test_bad_duration_explains():
    with pytest.raises(ValueError, match="'12 months'"):
        Duration.parse("a year or so")
