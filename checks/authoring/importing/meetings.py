"""How often the group meets (and ad hoc), for how long, its papers and minutes
deadlines, and whom it reports to and how often."""

from __future__ import annotations

import re

from checks.authoring.importing.facts import Fact, Facts
from checks.authoring.importing.reading import Line
from checks.authoring.importing.seats import tidy
from checks.authoring.importing.sections import GROUP_WORDS, label_of

FREQUENCIES: list[tuple[str, str]] = [
    (r"every (?:six|6) weeks|six-weekly|6-weekly", "6 weeks"),
    (
        r"bi-?monthly|every (?:two|2) months|alternate months|every other month|"
        r"(?:six|6) times a year",
        "2 months",
    ),
    (r"quarterly|every (?:three|3) months|(?:four|4) times a year", "quarterly"),
    (r"termly|(?:three|3) times a year|every (?:four|4) months", "4 months"),
    (r"twice a year|bi-?annually|six-monthly|every (?:six|6) months", "6 months"),
    (r"fortnightly|every (?:two|2) weeks", "fortnightly"),
    (r"weekly|every week", "weekly"),
    (r"monthly|every month|once a month|each month", "monthly"),
    (r"annually|once a year|every year", "12 months"),
]


def find_frequency(lines: list[Line], secs: list[str | None], facts: Facts) -> None:
    for line, sec in zip(lines, secs, strict=True):
        label = label_of(line)
        text = line.text
        about_meetings = (
            sec == "frequency"
            or (label is not None and label[0] == "frequency")
            or re.search(r"\b(meet|meets|meeting|convene[sd]?)\b", text, re.I)
        )
        if not about_meetings:
            continue
        if label and label[0] == "frequency":
            text = label[1]
        if facts.frequency is None:
            for pattern, value in FREQUENCIES:
                if re.search(rf"\b(?:{pattern})\b", text, re.I):
                    facts.frequency = Fact(value, line)
                    break
        if facts.ad_hoc is None:
            ad_hoc = re.search(
                r"\b(ad hoc|as and when (?:required|needed)|extraordinary "
                r"meetings?|convened (?:as|when) required|convened|as required)"
                r"\b",
                text,
                re.I,
            )
            if ad_hoc:
                rr = re.search(r"rapid reviews?", text, re.I)
                facts.ad_hoc = Fact("for rapid reviews" if rr else tidy(text), line)
        if facts.meeting_length is None:
            length = re.search(
                r"\bfor (?:up to )?(\d(?:\.\d)?|one|two|three|an?) (hours?|minutes)", text, re.I
            )
            if length:
                facts.meeting_length = Fact(f"{length[1]} {length[2]}", line)


_NUMBER = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "ten": 10,
    "fifteen": 15,
    "a": 1,
}


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER.get(word.lower(), 0)


_COUNT = r"(\d{1,2}|one|two|three|four|five|six|seven|ten|a)"
_UNIT = r"(working days?|clear (?:working )?days?|days?|weeks?)"
_AD_HOC = r"(?:ad[ -]hoc|extraordinary|rapid[ -]review|urgent|short[ -]notice)"
_PAPERS = re.compile(
    rf"\b(?:papers|agenda)\b[^.]*?\b{_COUNT}\s+{_UNIT}\b[^.]*?\b(?:before|prior|in advance)",
    re.I,
)
# "... and two working days before an ad hoc meeting", "papers for ad hoc
# meetings go out two working days before", "for rapid reviews, papers ... one day".
_AD_HOC_PAPERS = re.compile(
    rf"\b{_COUNT}\s+{_UNIT}\s+(?:before|prior to|in advance of)\s+(?:an?y?|each)?\s*"
    rf"{_AD_HOC}"
    rf"|\b{_AD_HOC}[^.]*?\b(?:papers|agenda)\b[^.]*?\b{_COUNT}\s+{_UNIT}\b"
    rf"|\b(?:papers|agenda)\b[^.]*?\b{_AD_HOC}[^.]*?\b{_COUNT}\s+{_UNIT}\b",
    re.I,
)


def _days(count: str, unit: str, line: Line) -> Fact | None:
    n, unit = _count(count), unit.lower()
    days = n * 5 if unit.startswith("week") else n
    note = "" if "working" in unit else f'the document says "{count} {unit}"'
    return Fact(days, line, note) if days and days <= 30 else None


def find_deadlines(lines: list[Line], facts: Facts) -> None:
    for line in lines:
        text = line.text
        ad_hoc = _AD_HOC_PAPERS.search(text)
        if ad_hoc and facts.ad_hoc_papers_days is None:
            count, unit = next(
                (ad_hoc[i], ad_hoc[i + 1]) for i in (1, 3, 5) if ad_hoc[i] is not None
            )
            facts.ad_hoc_papers_days = _days(count, unit, line)
        for papers in _PAPERS.finditer(text):
            if re.search(_AD_HOC, papers[0], re.I) or facts.papers_days is not None:
                continue  # the lead time for ad hoc meetings, not the usual one
            facts.papers_days = _days(papers[1], papers[2], line)
        minutes = re.search(
            r"\b(?:minutes|notes|action log|record)\b[^.]*?\bwithin\s+(\d{1,2}|one|two|three|"
            r"four|five|ten|fifteen|a)\s+(working days|days|weeks?)\b",
            text,
            re.I,
        )
        if minutes and facts.minutes_within is None:
            n, unit = _count(minutes[1]), minutes[2].lower()
            unit = unit if unit.endswith("s") else unit + "s"
            if n:
                facts.minutes_within = Fact(f"{n} {unit}", line)


_GROUP_NAME = r"([A-Z][\w/&'’-]*(?:\s+(?:[A-Z][\w/&'’-]*|and|of|for|the|&))*)"


def find_reporting(lines: list[Line], facts: Facts) -> None:
    for line in lines:
        text = line.text
        m = re.search(rf"\bvia (?:the )?{_GROUP_NAME}", text)
        if not (m and re.search(r"accountab|report", text, re.I)):
            m = re.search(
                rf"\b(?:reports?|reporting|accountable|answerable|responsible) (?:in)?to "
                rf"(?:the )?(?:joint )?{_GROUP_NAME}",
                text,
            )
        if m and facts.reporting_line is None:
            name = re.sub(r"\s+(?:and|of|for|the|&)$", "", m[1].strip())
            if re.search(GROUP_WORDS + r"$", name, re.I) or len(name.split()) <= 6:
                facts.reporting_line = Fact(name, line)
        cadence = re.search(
            r"\b(?:(highlight|progress|update|exception|annual) )?reports?\b[^.]*?\bto "
            r"(?:each|every) [^.]*?meeting"
            r"|\b(quarterly|annual|annually|six-monthly|monthly|regular)\b[^.]*?"
            r"\b(?:reports?|updates?)\b|\b(?:reports?|updates?)\b[^.]*?\b(quarterly|annually|"
            r"six-monthly|monthly|twice a year)\b",
            text,
            re.I,
        )
        if (
            cadence
            and facts.reporting_cadence is None
            and re.search(r"\b(report|update)", text, re.I)
        ):
            if re.search(r"\b(each|every) [^.]*meeting", cadence[0], re.I):
                value = "each meeting of the group it reports to"
            else:
                value = (cadence[2] or cadence[3] or "").lower()
                value = {"annual": "annually"}.get(value, value)
            if value:
                facts.reporting_cadence = Fact(value, line)
