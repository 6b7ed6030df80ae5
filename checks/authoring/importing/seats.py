"""Who sits at the table: the chair, co-chair and vice-chair, the members matched
to the partnership's agencies, invited members, the deputy rule, and the quorum."""

from __future__ import annotations

import re

from checks.authoring.importing.agencies import match_agency, statutory_ids
from checks.authoring.importing.facts import Fact, Facts, SeatFact
from checks.authoring.importing.reading import Line
from checks.authoring.importing.sections import label_of
from checks.model.partnership import Agency


def tidy(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip(" .;:,")


TBD = re.compile(
    r"\b(to be (?:decided|confirmed|agreed|ascertained|appointed|determined)|tbc|tbd|vacant)\b",
    re.I,
)


def _seat(value: str, line: Line, agencies: list[Agency]) -> SeatFact:
    if TBD.search(value):
        return SeatFact(None, "to be decided", line, office="to be decided")
    match = match_agency(value, agencies)
    return SeatFact(match.agency if match else None, tidy(value), line)


def find_chairs(
    lines: list[Line], secs: list[str | None], facts: Facts, agencies: list[Agency]
) -> None:
    for line, sec in zip(lines, secs, strict=True):
        label = label_of(line)
        if label and label[0] in ("chair", "co_chair", "vice_chair"):
            key, value = label
            if key == "vice_chair" and sec not in ("membership", "chair", None):
                continue
            if not value:
                if key == "chair" and facts.chair is None:
                    facts.chair_stated_empty = line
                continue
            if key == "co_chair" or re.search(r"\bco-?chair", line.text, re.I):
                parts = re.split(r"\s+(?:and|&)\s+|;\s*", value, maxsplit=1)
                if facts.chair is None:
                    facts.chair = _seat(parts[0], line, agencies)
                if len(parts) > 1 and facts.co_chair is None:
                    facts.co_chair = _seat(parts[1], line, agencies)
                continue
            if getattr(facts, key) is None:
                setattr(facts, key, _seat(value, line, agencies))
            continue
        text = line.text
        jointly = re.search(r"\b(?:co-chaired|jointly chaired) by (?:the )?(.+?)\.?$", text, re.I)
        if jointly and facts.chair is None:
            parts = re.split(r"\s+(?:and|&)\s+(?:the\s+)?", jointly[1], maxsplit=1)
            facts.chair = _seat(parts[0], line, agencies)
            if len(parts) > 1:
                facts.co_chair = _seat(parts[1], line, agencies)
            continue
        vice = re.search(
            r"\b(?:vice|deputy)[- ]chair (?:is|will be) (?:the |a |an )?(.+?)\.?$", text, re.I
        )
        if vice and facts.vice_chair is None:
            facts.vice_chair = _seat(vice[1], line, agencies)
            continue
        chaired = re.search(
            r"\b(?:will be |is |are )?chaired by (?:the |a |an )?(.+?)\.?$", text, re.I
        )
        if chaired and facts.chair is None:
            facts.chair = _seat(chaired[1], line, agencies)
            continue
        if sec == "chair" and facts.chair is None and line.kind in ("para", "item"):
            said = re.search(r"\b(?:is|are|will be)\s+(?:the |a |an )?(.+?)\.?$", text, re.I)
            if said and re.search(r"\bchair", text, re.I):
                facts.chair = _seat(said[1], line, agencies)
                if re.search(r"\b(vice|deputy)[- ]chair", text, re.I) and facts.vice_chair is None:
                    facts.vice_chair = _seat(said[1], line, agencies)


_INVITED = re.compile(
    r"\b(may be invited|invited to attend|will be invited|co-?opted|by invitation|"
    r"other (?:agencies|attendees|representatives|members) may|as and when required|"
    r"flexibility to include)\b",
    re.I,
)
_DEPUTY = re.compile(
    r"\b(deputy|deputies|representative to attend|send a representative|"
    r"on their behalf)\b",
    re.I,
)
THREE_PARTNERS = re.compile(
    r"\b(?:all |each of the |the )?(?:three|3)\s+(?:named |statutory |core |lead |"
    r"safeguarding )*(?:safeguarding )?partners?\b",
    re.I,
)


def _member_line(line: Line) -> bool:
    """A line listing a seat rather than saying something about members."""
    text = line.text
    if text.endswith(":") or len(text.split()) > 16:
        return False
    return not re.search(r"\b(will|should|must|may|are|is)\b", text, re.I)


def find_members(
    lines: list[Line], secs: list[str | None], facts: Facts, agencies: list[Agency]
) -> None:
    statutory = statutory_ids(agencies)
    seen: set[tuple[str | None, str]] = set()

    def add(value: str, line: Line) -> None:
        if value.strip().endswith(":"):
            return  # "Health:", a heading over the seats that follow
        value = tidy(value)
        if not value or label_of(Line(value, "para", "")) is not None:
            return
        role = value
        # "West Midlands Police - DCI, Public Protection": the agency before the
        # dash, the role after it.
        parts = re.split(r"\s+[–-]\s+", value, maxsplit=1)
        match = match_agency(parts[0], agencies) if len(parts) == 2 else None
        if match is not None:
            role = parts[1]
        else:
            match = match_agency(value, agencies)
        if match is None:
            facts.unmatched.append(line if value == line.text else Line(value, "para", line.where))
            return
        key = (match.agency, role)
        if key not in seen:
            seen.add(key)
            facts.members.append(SeatFact(match.agency, role, line))

    header: list[str] = []
    for line, sec in zip(lines, secs, strict=True):
        label = label_of(line)
        text = line.text
        if (
            _INVITED.search(text)
            and facts.invited is None
            and (sec == "membership" or label or re.search(r"\b(member|attend|invite)", text, re.I))
        ):
            facts.invited = Fact(tidy(text), line)
            if not THREE_PARTNERS.search(text):
                continue
        if (
            sec == "membership"
            and _DEPUTY.search(text)
            and facts.deputy_rule is None
            and (re.search(r"\b(all|each|every|members)\b", text, re.I))
        ):
            facts.deputy_rule = Fact(tidy(text), line)
            continue
        if label and label[0] == "membership":
            value = label[1]
            if THREE_PARTNERS.search(value):
                for agency in statutory:
                    add(_agency_name(agency, agencies), line)
            seated = {m.agency for m in facts.members}
            for part in split_list(value):
                match = match_agency(part, agencies)
                # "police, health and social care": kinds of seat already seated
                # by name say nothing new.
                if match is None or match.agency not in seated:
                    add(part, line)
            continue
        prose = re.search(
            r"\b(?:members?(?:hip)? (?:is|are|will be|includes?|comprises?|consists? of)|drawn "
            r"from|representatives? (?:from|of))\s+(.+)$",
            text,
            re.I,
        )
        if prose and not label and line.kind == "para":
            # "Members are drawn from the council, the ICB and the police."
            for part in split_list(prose[1]):
                if match_agency(part, agencies):
                    add(part, line)
            continue
        if sec != "membership" or label:
            if (
                sec is None
                and re.search(r"\bmembership\b", text, re.I)
                and THREE_PARTNERS.search(text)
                and not facts.members
            ):
                for agency in statutory:
                    add(_agency_name(agency, agencies), line)
            continue
        if line.kind == "row":
            cells = [c for c in line.cells if c]
            if line.header or any(
                re.fullmatch(
                    r"(agency|organisation|organization|role|title|name|member|"
                    r"representative|representation)s?",
                    c,
                    re.I,
                )
                for c in cells
            ):
                header = [c.lower() for c in line.cells]
                continue
            agency_col = next(
                (
                    i
                    for i, h in enumerate(header)
                    if re.search(r"agency|organi[sz]ation|service", h)
                ),
                None,
            )
            role_col = next(
                (
                    i
                    for i, h in enumerate(header)
                    if re.search(r"role|title|post|position|representative", h)
                ),
                None,
            )
            if agency_col is not None and agency_col < len(line.cells):
                match = match_agency(line.cells[agency_col], agencies)
                role = (
                    line.cells[role_col]
                    if role_col is not None and role_col < len(line.cells)
                    else line.cells[agency_col]
                )
                if match is None:
                    facts.unmatched.append(line)
                elif (match.agency, role) not in seen:
                    seen.add((match.agency, role))
                    facts.members.append(SeatFact(match.agency, tidy(role), line))
            else:
                add(" - ".join(cells), line)
            continue
        if THREE_PARTNERS.search(text):
            for agency in statutory:
                add(_agency_name(agency, agencies), line)
            continue
        if line.kind == "item" or _member_line(line):
            add(text, line)
            continue


def split_list(text: str) -> list[str]:
    """ "a, b (c and d) and e" -> ["a", "b (c and d)", "e"]: commas, semicolons and
    "and" outside brackets."""
    parts, depth, current = [], 0, ""
    tokens = re.split(r"(\(|\)|,|;|\band\b)", text)
    for token in tokens:
        if token == "(":
            depth += 1
        elif token == ")":
            depth = max(0, depth - 1)
        if depth == 0 and token in (",", ";", "and"):
            parts.append(current)
            current = ""
        else:
            current += token
    parts.append(current)
    return [p.strip() for p in parts if p.strip()]


def _agency_name(agency_id: str, agencies: list[Agency]) -> str:
    return next(a.name for a in agencies if a.id == agency_id)


def find_quorum(
    lines: list[Line], secs: list[str | None], facts: Facts, agencies: list[Agency]
) -> None:
    statutory = statutory_ids(agencies)
    for line, sec in zip(lines, secs, strict=True):
        label = label_of(line)
        text = line.text
        if label and label[0] == "quorum":
            text = label[1]
            if not text:
                continue  # "Quoracy:" with nothing after it states nothing
        elif sec != "quorum" and not re.search(r"\bquor(um|ate|acy)\b", text, re.I):
            continue
        if THREE_PARTNERS.search(text) or re.search(
            r"\b(all|each) (?:of the )?(?:three )?"
            r"(?:statutory|safeguarding) partners\b",
            text,
            re.I,
        ):
            facts.quorum = Fact(list(statutory), line)
            return
        named = []
        for part in re.split(r",|;|\band\b|\bplus\b", text):
            match = match_agency(part, agencies)
            if match and match.agency not in named:
                named.append(match.agency)
        if named:
            facts.quorum = Fact(named, line)
            return
        if facts.quorum_unread is None and re.search(
            r"\b(\d+|one|two|three|four|five|half|third|quarter|majority)\b", text, re.I
        ):
            facts.quorum_unread = Fact(tidy(text), line)
