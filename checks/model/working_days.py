"""Dates, durations and working days.

Working-day arithmetic is delegated to the ``holidays`` package's own helpers
(``get_nth_working_day``, ``get_working_days_count``, ``is_working_day``) for the
partnership's nation. Month arithmetic uses ``dateutil.relativedelta``, which
clamps 31 January + 1 month to 28/29 February rather than failing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property
from typing import TYPE_CHECKING, Literal

from dateutil.relativedelta import relativedelta

from checks.model.quoting import shown

if TYPE_CHECKING:
    import holidays

Nation = Literal["ENG", "WLS", "SCT", "NIR"]

NATIONS: dict[str, str] = {
    "ENG": "England",
    "WLS": "Wales",
    "SCT": "Scotland",
    "NIR": "Northern Ireland",
}

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_UK = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


class DateError(ValueError):
    """A date written in a way we cannot accept; the message says how to fix it."""


#: The dates a knowledge base may hold. Every deadline is worked out by adding at
#: most :data:`MAX_SPAN` to one of them, so none can pass 9999-12-31 (Python's last
#: date: "year 10000 is out of range") and no working-day count spans millennia.
EARLIEST = date(1900, 1, 1)
LATEST = date(2199, 12, 31)
DATE_RANGE = f"between {EARLIEST.isoformat()} and {LATEST.isoformat()}"


def parse_date(value: object) -> date:
    """Parse an ISO ``YYYY-MM-DD`` date within :data:`EARLIEST`..:data:`LATEST`,
    explaining anything else."""
    if isinstance(value, date):
        return _in_range(value, value.isoformat())
    text = str(value).strip()
    if m := _ISO.match(text):
        try:
            parsed = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            raise DateError(f"{text} is not a real date; check the day and month") from None
        return _in_range(parsed, text)
    if m := _UK.match(text):
        day, month, year = int(m[1]), int(m[2]), int(m[3])
        try:
            example = date(year, month, day).isoformat()
        except ValueError:
            example = "YYYY-MM-DD"
        raise DateError(f"write dates as YYYY-MM-DD: {text} should be written {example}")
    raise DateError(f"{shown(text)} is not a date; write it as YYYY-MM-DD, e.g. 2026-03-31")


def _in_range(value: date, text: str) -> date:
    if not EARLIEST <= value <= LATEST:
        raise DateError(f"{text} is out of range; write a date {DATE_RANGE}")
    return value


_DURATION = re.compile(
    r"^\s*(?:every\s+)?(\d+)\s+(working\s+days?|days?|weeks?|months?|years?)\s*$", re.I
)
_WORDS: dict[str, tuple[int, str]] = {
    "weekly": (1, "weeks"),
    "fortnightly": (2, "weeks"),
    "monthly": (1, "months"),
    "bimonthly": (2, "months"),
    "every two months": (2, "months"),
    "six times a year": (2, "months"),
    "every six weeks": (6, "weeks"),
    "quarterly": (3, "months"),
    "four times a year": (3, "months"),
    "termly": (4, "months"),
    "three times a year": (4, "months"),
    "twice a year": (6, "months"),
    "six-monthly": (6, "months"),
    "annually": (1, "years"),
    "yearly": (1, "years"),
    "annual": (1, "years"),
    "two-yearly": (2, "years"),
    "biennially": (2, "years"),
}

Unit = Literal["days", "working days", "weeks", "months", "years"]

#: The longest period accepted in each unit: ten years, and a year of working
#: days (which are worked out one by one). A review cycle or a meeting frequency
#: is never longer, and with it a deadline stays a real date.
MAX_SPAN: dict[str, int] = {
    "days": 3660,
    "working days": 260,
    "weeks": 520,
    "months": 120,
    "years": 10,
}


@dataclass(frozen=True, slots=True)
class Duration:
    """A span such as ``12 months``, ``6 weeks`` or ``15 working days``."""

    count: int
    unit: Unit

    @classmethod
    def parse(cls, value: object) -> Duration:
        if isinstance(value, Duration):
            return value
        text = " ".join(str(value).lower().split())
        if text in _WORDS:
            count, unit = _WORDS[text]
            return cls(count, unit)  # type: ignore[arg-type]
        m = _DURATION.match(text)
        if not m or not m[1].strip("0"):
            raise ValueError(
                f"{shown(value)} is not a period; write a number and a unit, e.g. '12 months', "
                "'6 weeks', '15 working days', or a word such as 'monthly' or 'quarterly'"
            )
        unit = m[2].lower().replace("  ", " ")
        if not unit.endswith("s"):
            unit += "s"
        unit = "working days" if unit.startswith("working") else unit
        # The digits are compared as text first: int() refuses more than 4,300 of them.
        if len(m[1]) > 5 or int(m[1]) > MAX_SPAN[unit]:
            raise ValueError(
                f"{shown(value)} is longer than the checker accepts; a period in "
                f"{unit} is at most {MAX_SPAN[unit]} {unit}"
            )
        return cls(int(m[1]), unit)  # type: ignore[arg-type]

    def __str__(self) -> str:
        unit = self.unit if self.count != 1 else self.unit[:-1]
        return f"{self.count} {unit}"

    def after(self, start: date, calendar: WorkingCalendar | None = None) -> date:
        """The date this span after ``start``. Working days need a calendar."""
        if self.unit == "working days":
            if calendar is None:
                raise ValueError("working days need a calendar")
            return calendar.add(start, self.count)
        delta = {
            "days": relativedelta(days=self.count),
            "weeks": relativedelta(weeks=self.count),
            "months": relativedelta(months=self.count),
            "years": relativedelta(years=self.count),
        }[self.unit]
        result: date = start + delta
        return result


class WorkingCalendar:
    """Working days for one nation: not Saturday, Sunday or a bank holiday.

    Day 1 is the first working day *after* the trigger date, as the statutory
    guidance counts.
    """

    def __init__(self, nation: str = "ENG") -> None:
        if nation not in NATIONS:
            raise ValueError(f"unknown nation {nation!r}; use one of {', '.join(NATIONS)}")
        self.nation = nation

    @cached_property
    def _holidays(self) -> holidays.HolidayBase:
        import holidays  # here: importing it loads every country's calendar

        # Always pass the subdivision: without it the GB calendar omits Easter
        # Monday and the summer bank holiday in England.
        return holidays.country_holidays("GB", subdiv=self.nation)

    def add(self, start: date, working_days: int) -> date:
        """The ``working_days``-th working day after ``start`` (negative: before)."""
        if working_days == 0:
            return start
        result: date = self._holidays.get_nth_working_day(start, working_days)
        return result

    def count_between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end``.

        Negative when ``end`` is before ``start``.
        """
        if end == start:
            return 0
        if end > start:
            return self._inclusive(start + relativedelta(days=1), end)
        return -self._inclusive(end + relativedelta(days=1), start)

    def _inclusive(self, first: date, last: date) -> int:
        """Working days from ``first`` to ``last``, both included."""
        if (last - first).days < _LONG_SPAN:
            return int(self._holidays.get_working_days_count(first, last))
        # The holidays package asks about each day in turn: two dates centuries
        # apart (both within the accepted range) took a third of a second, and a
        # register full of them minutes. Weekdays are counted by whole weeks, less
        # the bank holidays on weekdays; tests hold this to the package's answer.
        cal = self._holidays
        weekend = cal.weekend
        weeks, extra = divmod((last - first).days + 1, 7)
        count = weeks * (7 - len(weekend))
        count += sum((first + timedelta(days=i)).weekday() not in weekend for i in range(extra))
        for year in range(first.year, last.year + 1):
            cal.get(date(year, 1, 1))  # fills in that year's holidays
        count -= sum(1 for d in cal if first <= d <= last and d.weekday() not in weekend)
        count += sum(1 for d in getattr(cal, "weekend_workdays", ()) if first <= d <= last)
        return count


#: Spans of days at least this long are counted by weeks, not day by day.
_LONG_SPAN = 400


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if abs(n) == 1 else 's'}"
