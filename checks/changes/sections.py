"""Which sections of a page changed, and the sentences that changed in them."""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“(])")


@dataclass(frozen=True, slots=True)
class SectionChange:
    heading: str
    status: str  # added, removed, changed
    removed: tuple[str, ...]
    added: tuple[str, ...]


def sections(body: str) -> dict[str, str]:
    """Body text keyed by its heading ("" for text before the first heading)."""
    found: dict[str, list[str]] = {"": []}
    current = ""
    fence = False
    for line in body.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
        m = None if fence else _HEADING.match(line)
        if m:
            current = m.group(2)
            found.setdefault(current, [])
            continue
        found[current].append(line)
    return {k: "\n".join(v).strip() for k, v in found.items() if k or "\n".join(v).strip()}


def sentences(text: str) -> list[str]:
    """Sentences and list items, whitespace folded."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n|\n(?=\s*(?:[-*+]|\d+[.)])\s)", text):
        block = " ".join(block.split())
        block = re.sub(r"^(?:[-*+]|\d+[.)])\s+", "", block)
        out += [s.strip() for s in _SENTENCE_END.split(block) if s.strip()]
    return out


def compare(old: str, new: str) -> list[SectionChange]:
    before, after = sections(old), sections(new)
    changes: list[SectionChange] = []
    for heading in [*after, *(h for h in before if h not in after)]:
        if heading not in before:
            changes.append(SectionChange(heading, "added", (), tuple(sentences(after[heading]))))
        elif heading not in after:
            changes.append(SectionChange(heading, "removed", tuple(sentences(before[heading])), ()))
        elif before[heading] != after[heading]:
            a, b = sentences(before[heading]), sentences(after[heading])
            removed = tuple(s for s in a if s not in b)
            added = tuple(s for s in b if s not in a)
            if removed or added:
                changes.append(SectionChange(heading, "changed", removed, added))
    return changes
