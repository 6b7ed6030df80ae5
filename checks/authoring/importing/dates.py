"""Dates in ToRs ("Reviewed June 2022", "For review: May 2024", "8th August 2024"),
the version and the status."""

from __future__ import annotations

import calendar
import re
from datetime import date

from checks.authoring.importing.facts import Fact, Facts
from checks.authoring.importing.reading import Line
from checks.authoring.importing.sections import label_of

# --- Dates ------------------------------------------------------------------

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
DATE = (
    rf"(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+)?(?P<month>{_MONTH})\.?,?\s+(?P<year>(?:19|20)\d\d)"
    r"|(?P<iso>(?:19|20)\d\d-\d\d(?:-\d\d)?)"
    r"|(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>(?:19|20)?\d\d)"
)
_DATE = re.compile(DATE, re.IGNORECASE)


def parse_date(text: str) -> tuple[str, bool] | None:
    """The first date in ``text`` as ISO text, and whether it was a month only
    (written ``YYYY-MM``: the model takes it as the end of that month)."""
    m = _DATE.search(text)
    if not m:
        return None
    try:
        if m["iso"]:
            parts = m["iso"].split("-")
            if len(parts) == 2:
                return (m["iso"], True) if 1 <= int(parts[1]) <= 12 else None
            return date.fromisoformat(m["iso"]).isoformat(), False
        if m["d"]:
            year = int(m["y"]) if len(m["y"]) == 4 else 2000 + int(m["y"])
            return date(year, int(m["m"]), int(m["d"])).isoformat(), False
        month = MONTHS[m["month"].lower()]
        year = int(m["year"])
        if m["day"]:
            return date(year, month, int(m["day"])).isoformat(), False
        return f"{year}-{month:02d}", True
    except ValueError:
        return None


def find_status(lines: list[Line]) -> Fact | None:
    for line in lines[:8]:
        label = label_of(line)
        text = label[1] if label and label[0] == "status" else line.text
        if re.search(r"\bdraft\b", text, re.I):
            return Fact("draft", line)
        if re.search(r"\bproposed\b", text, re.I):
            return Fact("proposed", line)
        if label and label[0] == "status" and re.search(r"approved|final|agreed", text, re.I):
            return Fact("approved", line)
    return None


def find_version(lines: list[Line]) -> Fact | None:
    for line in lines:
        m = re.search(
            r"\bversion\s*(?:number|no\.?)?\s*[:\-]?\s*v?(\d{1,3}(?:\.\d{1,3}){0,2})\b",
            line.text,
            re.I,
        ) or re.search(r"\bv(\d{1,3}\.\d{1,3})\b", line.text)
        if m:
            version = m[1] if "." in m[1] else f"{m[1]}.0"
            return Fact(version, line)
    return None


_NEXT = re.compile(
    r"\b(?:for review|next review(?: date)?|review date|date of (?:next )?review|to be "
    r"reviewed(?: by| in| on)?|review due(?: date)?|due for review|review by|reviewed by)\b",
    re.I,
)
_LAST = re.compile(
    r"\b(approved|ratified|agreed|adopted|signed off|refreshed|reviewed|revised|updated|"
    r"last reviewed|date of issue|issued|dated)\b",
    re.I,
)


def find_dates(lines: list[Line], facts: Facts) -> None:
    """The next review date or cycle, and when this version was approved."""
    for line in lines:
        text = line.text
        nxt = _NEXT.search(text)
        if nxt and facts.next_review is None:
            found = parse_date(text[nxt.end() :])
            if found:
                facts.next_review = Fact(found[0], line, _month_note(found[1]))
        cycle = re.search(
            r"\b(?:reviewed|review(?:ed)?)\s+(annually|every year|yearly|every (?:two|2) years|"
            r"biennially|every (\d{1,2}) months)|\bannual review\b",
            text,
            re.I,
        )
        if cycle and facts.review_cycle is None:
            word = (cycle[1] or "annually").lower()
            months = int(cycle[2]) if cycle[2] else 24 if re.search(r"two|2|bienn", word) else 12
            facts.review_cycle = Fact(f"{months} months", line)
        for last in _LAST.finditer(text):
            if facts.approved_on is not None:
                break
            before = text[: last.start()]
            if _NEXT.search(text[last.start() : last.end() + 12]) or re.search(
                r"(for|next|to be)\s*$", before, re.I
            ):
                continue
            segment = text[last.end() :]
            segment = _NEXT.split(segment)[0]
            found = parse_date(segment[:40])
            if found:
                word = last[1].lower()
                note = (
                    ""
                    if word in ("approved", "ratified", "agreed", "adopted")
                    else (f'the document says "{last[1]}": taken as the date of this version')
                )
                facts.approved_on = Fact(
                    found[0], line, "; ".join(n for n in (note, _month_note(found[1])) if n)
                )
                if not note:
                    facts.approval = Fact("approved", line)
        m = re.search(
            r"\b(?i:approved|ratified|agreed|signed off) by (?:the )?([A-Z][^.,;]{3,60})", text
        )
        # Document control, not a function ("reviews as agreed by the partners").
        control = len(text.split()) <= 16 or re.search(
            r"terms of reference|this document|"
            r"version",
            text,
            re.I,
        )
        if m and control and facts.approved_by is None:
            by = re.split(r"\s+(?:on|in|at)\s+", m[1].strip(), maxsplit=1)[0]
            facts.approved_by = Fact(by, line)
            if facts.approval is None:
                facts.approval = Fact("approved", line)


def _month_note(month_only: bool) -> str:
    return "a month only: the end of that month" if month_only else ""
