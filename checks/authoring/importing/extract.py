"""Finding the facts a ToR states, each with the line it came from.

Each ``find_*`` function reads the document's lines and returns a
:class:`Fact` (a value and the line that stated it) or None when the document
does not state it. Nothing here guesses a default: a fact not found stays None,
and the writer lists it under ``not_stated``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date

from checks.authoring.importing.agencies import match_agency, statutory_ids
from checks.authoring.importing.reading import Line
from checks.model.partnership import Agency


@dataclass(slots=True)
class Fact:
    value: object
    line: Line
    note: str = ""  # how the value was read, for the comment


@dataclass(slots=True)
class SeatFact:
    agency: str | None
    role: str
    line: Line
    office: str | None = None


@dataclass(slots=True)
class Facts:
    title: Fact | None = None
    status: Fact | None = None
    version: Fact | None = None
    approved_on: Fact | None = None
    approved_by: Fact | None = None
    next_review: Fact | None = None
    review_cycle: Fact | None = None
    purpose: Fact | None = None
    chair: SeatFact | None = None
    co_chair: SeatFact | None = None
    vice_chair: SeatFact | None = None
    chair_stated_empty: Line | None = None
    members: list[SeatFact] = field(default_factory=list)
    unmatched: list[Line] = field(default_factory=list)
    invited: Fact | None = None
    deputy_rule: Fact | None = None
    quorum: Fact | None = None
    quorum_unread: Fact | None = None
    frequency: Fact | None = None
    ad_hoc: Fact | None = None
    meeting_length: Fact | None = None
    papers_days: Fact | None = None
    minutes_within: Fact | None = None
    reporting_line: Fact | None = None
    reporting_cadence: Fact | None = None
    groups: list[str] = field(default_factory=list)  # other groups the document covers


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


# --- Sections ---------------------------------------------------------------

SECTION_WORDS = {
    "duties": (
        "roles and responsibilities",
        "responsibilities",
        "members responsibilities",
        "duties",
        "responsibilities of members",
        "roles and responsibilities of members",
        "expectations of members",
        "key responsibilities",
    ),
    "purpose": ("purpose", "aims", "aim", "role and function", "remit", "objectives", "role"),
    "membership": ("membership", "members", "core members", "attendance"),
    "chair": ("chair", "chairing", "chairs"),
    "quorum": ("quorum", "quoracy", "quorate"),
    "frequency": ("frequency", "meetings", "frequency of meetings", "meeting arrangements"),
    "reporting": ("accountability", "reporting", "governance", "reporting and accountability"),
    "admin": ("administration", "papers", "minutes", "administrative", "secretariat"),
    "control": ("document control", "version control", "review"),
}

_NUMBERING = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[A-Z]\.)\s+")


def heading_like(line: Line) -> bool:
    """A heading, or a short line standing as one ("3. Frequency of meetings")."""
    if line.kind == "heading":
        return True
    if line.kind != "para" or line.text.endswith((".", ":", ";", ",")):
        return False
    words = line.text.split()
    return 0 < len(words) <= 8 and line.text[0].isupper() and ":" not in line.text


def section_of(text: str, strict: bool = False) -> str | None:
    """The section a heading opens; ``strict``: only one that starts with its word."""
    bare = _NUMBERING.sub("", text).lower().strip(" :")
    bare = re.sub(r"[^a-z& ]", " ", bare)
    bare = " ".join(bare.split())
    for section, words in SECTION_WORDS.items():
        if bare in words or any(bare.startswith(w + " ") for w in words if len(w) > 4):
            return section
    if strict:
        return None
    for section, words in SECTION_WORDS.items():
        # "Review" names groups ("Case Review Group") as often as it heads a section.
        if section != "control" and any(re.search(rf"\b{w}\b", bare) for w in words if len(w) > 5):
            return section
    return None


def sections(lines: list[Line]) -> list[str | None]:
    """The section each line is in (None before the first known heading)."""
    out: list[str | None] = []
    current: str | None = None
    for line in lines:
        if line.kind == "heading":
            current = section_of(line.text)
            out.append(None)
            continue
        # A short plain line is a heading only if it names a known section: in a
        # list of members, "West Midlands Police" is a seat, not a heading.
        if heading_like(line) and (known := section_of(line.text)) is not None:
            current = known
            out.append(None)
            continue
        out.append(current)
    return out


# --- Labels ("Chair: ...") ---------------------------------------------------

LABELS = {
    "chair": r"chair(?:person)?|chaired by|independent chair",
    "co_chair": r"co-?chairs?|joint chairs?",
    "vice_chair": r"vice[- ]?chair|deputy chair|deputy",
    "membership": r"membership|members|core members(?:hip)?",
    "quorum": r"quorum|quoracy|quorate",
    "frequency": r"(?:meeting )?frequency(?: of meetings)?|meetings?",
    "next_review": r"(?:next |date of next |for )?review(?: date| due|ed by)?|review by",
    "version": r"version(?: number)?",
    "approved_on": r"(?:date )?approved(?: on| date)?|date of approval|ratified|agreed",
    "approved_by": r"approved by|ratified by",
    "reports_to": r"reports? to|accountable to|reporting to",
    "status": r"status",
}
_LABEL = re.compile(
    r"^(?P<label>" + "|".join(f"(?:{p})" for p in LABELS.values()) + r")\s*[:–-]\s*(?P<value>.*)$",
    re.IGNORECASE,
)


def label_of(line: Line) -> tuple[str, str] | None:
    """("chair", "Director of ...") for a line "Chair: Director of ..."."""
    if line.kind == "row" and len(line.cells) >= 2 and line.cells[0]:
        text = f"{line.cells[0]}: {' '.join(line.cells[1:])}"
    else:
        text = line.text
    m = _LABEL.match(text)
    if not m:
        return None
    label = m["label"].lower()
    for key, pattern in LABELS.items():
        if re.fullmatch(pattern, label, re.IGNORECASE):
            return key, m["value"].strip()
    return None


# --- Scope: a document that holds several groups -----------------------------


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


# --- Each fact --------------------------------------------------------------

GROUP_WORDS = r"(?:group|panel|board|sub-?group|committee|executive|forum|partnership|network)"
_TOR = re.compile(r"\bterms\s+of\s+reference\b(?:\s+(?:for|of)\s+(?:the\s+)?)?", re.IGNORECASE)


def find_title(lines: list[Line]) -> Fact | None:
    candidates = []
    for line in lines[:8]:
        text = _TOR.sub("", line.text).strip(" :–-,")
        if not text or len(text.split()) > 14 or line.text.endswith((".", ":")):
            continue
        if _NUMBERING.match(text) or section_of(text, strict=True) is not None:
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


def _month_note(month_only: bool) -> str:
    return "a month only: the end of that month" if month_only else ""


def _roles(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip(" .;:,")


TBD = re.compile(
    r"\b(to be (?:decided|confirmed|agreed|ascertained|appointed|determined)|tbc|tbd|vacant)\b",
    re.I,
)


def _seat(value: str, line: Line, agencies: list[Agency]) -> SeatFact:
    if TBD.search(value):
        return SeatFact(None, "to be decided", line, office="to be decided")
    match = match_agency(value, agencies)
    return SeatFact(match.agency if match else None, _roles(value), line)


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
_THREE = re.compile(
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
        value = _roles(value)
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
            facts.invited = Fact(_roles(text), line)
            if not _THREE.search(text):
                continue
        if (
            sec == "membership"
            and _DEPUTY.search(text)
            and facts.deputy_rule is None
            and (re.search(r"\b(all|each|every|members)\b", text, re.I))
        ):
            facts.deputy_rule = Fact(_roles(text), line)
            continue
        if label and label[0] == "membership":
            value = label[1]
            if _THREE.search(value):
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
                and _THREE.search(text)
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
                    facts.members.append(SeatFact(match.agency, _roles(role), line))
            else:
                add(" - ".join(cells), line)
            continue
        if _THREE.search(text):
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
        if _THREE.search(text) or re.search(
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
        if facts.quorum_unread is None and re.search(r"\d|one|two|half|third", text, re.I):
            facts.quorum_unread = Fact(_roles(text), line)


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
                facts.ad_hoc = Fact("for rapid reviews" if rr else _roles(text), line)
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


def find_deadlines(lines: list[Line], facts: Facts) -> None:
    for line in lines:
        text = line.text
        papers = re.search(
            r"\b(?:papers|agenda)\b[^.]*?\b(\d{1,2}|one|two|three|four|five|six|seven|ten|a)\s+"
            r"(working days|clear (?:working )?days|days|weeks?)\b[^.]*?\b(before|prior|in "
            r"advance)",
            text,
            re.I,
        )
        if papers and facts.papers_days is None:
            n, unit = _count(papers[1]), papers[2].lower()
            days = n * 5 if unit.startswith("week") else n
            note = "" if "working" in unit else f'the document says "{papers[1]} {unit}"'
            if days and days <= 30:
                facts.papers_days = Fact(days, line, note)
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


def find_purpose(lines: list[Line], secs: list[str | None], title: Fact | None) -> Fact | None:
    start = lines.index(title.line) + 1 if title else 0
    first_para: Line | None = None
    for line, sec in zip(lines[start:], secs[start:], strict=True):
        if line.kind not in ("para", "item") or len(line.text.split()) < 8:
            continue
        if label_of(line) is not None or (parse_date(line.text) and len(line.text.split()) < 12):
            continue
        if sec == "purpose":
            return Fact(_roles(line.text), line)
        if first_para is None and sec in (None, "control"):
            first_para = line
    return Fact(_roles(first_para.text), first_para) if first_para else None


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
