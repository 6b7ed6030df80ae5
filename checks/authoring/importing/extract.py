"""Finding the facts a ToR states, each with the line it came from.

Each ``find_*`` function reads the document's lines and returns a
:class:`Fact` (a value and the line that stated it) or None when the document
does not state it. Nothing here guesses a default: a fact not found stays None,
and the writer lists it under ``not_stated``.
"""

from __future__ import annotations

import re

from checks.authoring.importing.dates import find_dates, find_status, find_version, parse_date
from checks.authoring.importing.facts import Fact, Facts, SeatFact
from checks.authoring.importing.meetings import find_deadlines, find_frequency, find_reporting
from checks.authoring.importing.reading import Line
from checks.authoring.importing.seats import find_chairs, find_members, find_quorum, tidy
from checks.authoring.importing.sections import (
    GROUP_WORDS,
    NUMBERING,
    heading_like,
    label_of,
    section_of,
    sections,
)
from checks.model.partnership import Agency

# A document that holds several groups.


def scope(lines: list[Line], facts: Facts) -> list[Line]:
    """The lines of the first group. A document with several "Chair:" labels
    holds several groups' ToRs; the first group's ends at the first heading
    after its own block of labels."""
    chairs = [i for i, line in enumerate(lines) if (label_of(line) or ("",))[0] == "chair"]
    if len(chairs) < 2:
        return lines
    i = chairs[0]
    while i + 1 < len(lines) and label_of(lines[i + 1]) is not None:
        i += 1
    end = next((j for j in range(i + 1, len(lines)) if heading_like(lines[j])), len(lines))
    for k in chairs[1:]:
        title = next(
            (lines[j].text for j in range(k - 1, end - 1, -1) if heading_like(lines[j])), None
        )
        if title:
            facts.groups.append(title)
    return lines[:end]


_TOR = re.compile(r"\bterms\s+of\s+reference\b(?:\s+(?:for|of)\s+(?:the\s+)?)?", re.IGNORECASE)


def find_title(lines: list[Line]) -> Fact | None:
    candidates = []
    for line in lines[:8]:
        text = _TOR.sub("", line.text).strip(" :–-,")
        if not text or len(text.split()) > 14 or line.text.endswith((".", ":")):
            continue
        if NUMBERING.match(text) or section_of(text, strict=True) is not None:
            continue  # "1. Role and function of the panel" is a section, not the title
        if parse_date(text) and len(text.split()) <= 6:
            continue
        strength = 2 if re.search(rf"{GROUP_WORDS}\s*(?:\([^)]*\))?$", text, re.I) else 1
        strength += line.kind == "heading"
        if re.match(r"(proposed|draft)\b", text, re.I):
            strength -= 1
        candidates.append((strength, -lines.index(line), text, line))
    if not candidates:
        return None
    _, _, text, line = max(candidates)
    return Fact(text, line)


def find_purpose(lines: list[Line], secs: list[str | None], title: Fact | None) -> Fact | None:
    start = lines.index(title.line) + 1 if title else 0
    first_para: Line | None = None
    for line, sec in zip(lines[start:], secs[start:], strict=True):
        if line.kind not in ("para", "item") or len(line.text.split()) < 8:
            continue
        if label_of(line) is not None or (parse_date(line.text) and len(line.text.split()) < 12):
            continue
        if sec == "purpose":
            return Fact(tidy(line.text), line)
        if first_para is None and sec in (None, "control"):
            first_para = line
    return Fact(tidy(first_para.text), first_para) if first_para else None


#: No fact is stated in a longer run of text; each line is read up to here, so
#: that the patterns' time stays bounded however a document is laid out.
MAX_LINE = 1500


def extract(lines: list[Line], agencies: list[Agency]) -> Facts:
    facts = Facts()
    lines = [
        line
        if len(line.text) <= MAX_LINE
        else Line(line.text[:MAX_LINE], line.kind, line.where, line.level, line.cells, line.header)
        for line in lines
    ]
    lines = scope(lines, facts)
    secs = sections(lines)
    facts.title = find_title(lines)
    facts.status = find_status(lines)
    facts.version = find_version(lines)
    find_dates(lines, facts)
    facts.purpose = find_purpose(lines, secs, facts.title)
    find_chairs(lines, secs, facts, agencies)
    find_members(lines, secs, facts, agencies)
    find_quorum(lines, secs, facts, agencies)
    find_frequency(lines, secs, facts)
    find_deadlines(lines, facts)
    find_reporting(lines, facts)
    return facts


__all__ = ["Fact", "Facts", "SeatFact", "extract"]
