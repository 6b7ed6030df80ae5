"""The sections of a ToR (membership, quorum, meetings...) and its labelled lines
("Chair: ...", "Quoracy: ...")."""

from __future__ import annotations

import re

from checks.authoring.importing.reading import Line

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

NUMBERING = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[A-Z]\.)\s+")


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
    bare = NUMBERING.sub("", text).lower().strip(" :")
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
        # list of members, "West Midlands Police" is a seat, not a heading. Word's
        # numbered headings are often list paragraphs ("1. Membership").
        known = section_of(line.text) if heading_like(line) else None
        if line.kind == "item" and len(line.text.split()) <= 4 and not line.text.endswith("."):
            known = section_of(line.text, strict=True)
        if known is not None:
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


# The words a group's name ends with ("Case Review Group", "Executive Board").

GROUP_WORDS = r"(?:group|panel|board|sub-?group|committee|executive|forum|partnership|network)"
