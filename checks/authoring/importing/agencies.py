"""Matching what a ToR calls an agency to the partnership's own agencies.

Documents name agencies many ways: "SCC Children and Family Service", "the
ICB", "West Midlands Police - DCI", "NHS ... Clinical Commissioning Group". Each
agency is matched by its name, its short name, the initials of its name and
the common names for its kind (the statutory partners by their role).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checks.model.partnership import Agency

# Common names by the kind of agency, keyed by a word in the agency's id or
# name. The statutory partners are also known by their stable ids.
ALIASES: dict[str, tuple[str, ...]] = {
    "council": (
        "council",
        "local authority",
        "children's services",
        "childrens services",
        "children's social care",
        "children's social work",
        "children and family service",
        "children and families",
        "social care",
        "director of children's services",
        "dcs",
        "la",
    ),
    "icb": (
        "icb",
        "integrated care board",
        "ccg",
        "clinical commissioning group",
        "designated doctor",
        "designated nurse",
        "designated professional",
        "designates",
        "health",
    ),
    "police": ("police", "constabulary", "police force", "dci", "detective"),
    "probation": ("probation", "national probation service", "crc"),
    "hospital": ("hospital", "acute trust", "foundation trust"),
    "community": ("community health", "community nhs", "health visiting", "school nursing"),
    "education": ("education", "schools", "school", "early years", "colleges"),
    "school": ("education", "schools", "school", "early years", "colleges"),
    "voluntary": ("voluntary", "third sector", "community and voluntary"),
    "ambulance": ("ambulance",),
    "housing": ("housing",),
    "youth": ("youth justice", "youth offending", "yot", "yjs"),
    "mental": ("mental health", "camhs"),
    "public-health": ("public health",),
}

_STOP = {"of", "and", "the", "for", "&", "nhs"}


def initials(name: str) -> str:
    words = [w for w in re.findall(r"[A-Za-z]+", name) if w.lower() not in _STOP]
    return "".join(w[0] for w in words).lower() if len(words) >= 2 else ""


@dataclass(frozen=True, slots=True)
class Match:
    agency: str
    said: str  # the words in the document that named it
    score: int


def _aliases(agency: Agency) -> list[tuple[str, int]]:
    """(phrase, strength): the name and short name count most, kinds least."""
    out = [(agency.name.lower(), 100)]
    if agency.short:
        out.append((agency.short.lower(), 60))
    if code := initials(agency.name):
        out.append((code, 50))
    key = f"{agency.id} {agency.name}".lower()
    for word, phrases in ALIASES.items():
        if word in key:
            out += [(p, 10 + len(p)) for p in phrases]
    return out


def match_agency(text: str, agencies: list[Agency]) -> Match | None:
    """The agency ``text`` names, or None when none (or two equally) do."""
    lowered = text.lower().replace("’", "'")
    best: list[Match] = []
    for agency in agencies:
        for phrase, strength in _aliases(agency):
            if not phrase or not re.search(rf"(?<![\w]){re.escape(phrase)}(?![\w])", lowered):
                continue
            candidate = Match(agency.id, phrase, strength)
            if not best or strength > best[0].score:
                best = [candidate]
            elif strength == best[0].score and agency.id not in {b.agency for b in best}:
                best.append(candidate)
    if len(best) != 1:
        return None
    return best[0]


def statutory_ids(agencies: list[Agency]) -> list[str]:
    return [a.id for a in agencies if a.statutory]
