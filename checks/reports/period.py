"""The period a report covers: a quarter (``2026Q3``) or a year (``2026``).

Quarters are calendar quarters (Q1 is January to March), as board papers and
the national Panel's returns count them. A value that is not one is refused
with what would be accepted, never a traceback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from checks.model.working_days import EARLIEST, LATEST

_QUARTER = re.compile(r"^\s*(\d{4})\s*-?\s*[Qq]([1-4])\s*$")
_YEAR = re.compile(r"^\s*(\d{4})\s*$")
ACCEPTED_QUARTER = "the quarter as YYYYQN, e.g. 2026Q3 (Q1 is January to March)"
ACCEPTED_YEAR = "the year as YYYY, e.g. 2026"


class PeriodError(ValueError):
    """A quarter or year written in a way we cannot accept; says what would be."""


@dataclass(frozen=True, slots=True)
class Period:
    """The days from ``start`` to ``end``, both included."""

    start: date
    end: date
    label: str

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    def quarters(self) -> list[Period]:
        """The calendar quarters this period spans, in order."""
        out, q = [], quarter_of(self.start)
        while q.start <= self.end:
            out.append(q)
            q = quarter_of(q.end + timedelta(days=1))
        return out


def quarter_of(day: date) -> Period:
    """The calendar quarter holding ``day``."""
    n = (day.month - 1) // 3 + 1
    start = date(day.year, 3 * n - 2, 1)
    next_start = date(day.year + 1, 1, 1) if n == 4 else date(day.year, 3 * n + 1, 1)
    return Period(start, next_start - timedelta(days=1), f"{day.year}Q{n}")


def year_of(year: int) -> Period:
    return Period(date(year, 1, 1), date(year, 12, 31), str(year))


def parse_quarter(text: str) -> Period:
    m = _QUARTER.match(text)
    if not m:
        raise PeriodError(f"{text!r} is not a quarter; write {ACCEPTED_QUARTER}")
    year = _year(int(m[1]), text)
    return quarter_of(date(year, 3 * int(m[2]) - 2, 1))


def parse_year(text: str) -> Period:
    m = _YEAR.match(text)
    if not m:
        raise PeriodError(f"{text!r} is not a year; write {ACCEPTED_YEAR}")
    return year_of(_year(int(m[1]), text))


def _year(year: int, text: str) -> int:
    if not EARLIEST.year <= year <= LATEST.year:
        raise PeriodError(
            f"{text!r} is out of range; write a year between {EARLIEST.year} and {LATEST.year}"
        )
    return year
