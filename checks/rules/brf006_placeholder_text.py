"""A published brief still holds the template's placeholder text.

## What it checks

A published brief (drafts are left alone: they are meant to be unfinished)
whose text still holds what `kb new brief` writes for a person to replace:
"Write this part." under a part of the 7-minute briefing, or the title
"Title of the brief". Letter case and the spacing between words are ignored,
and so is text inside code blocks. One finding per brief, at the first
placeholder, names every part that still holds one.

## Why

A brief made from the template has all seven headings, so it passes the check
for missing parts (BRF004) before a word of it is written. Published, it tells
practitioners nothing, and a reader who opens "What you should do" to find
"Write this part." learns to stop reading briefs.

## Passing example

```markdown
## 7. What you should do

Book the follow-up visit before you close the case.
```

## Failing example

```markdown
## 7. What you should do

Write this part.
```

## Options

- `phrases` (list of strings, default `["Write this part."]`): the placeholder
  text of the partnership's own template, if it writes something else. The
  template's title is always looked for.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.loading.markdown import normalise_heading
from checks.model.brief import PLACEHOLDER_PART, PLACEHOLDER_TITLE, SEVEN_PARTS
from checks.model.findings import Problem, Severity
from checks.model.knowledge_base import Document
from checks.rules.base import Context, Options

CODE = "BRF006"
NAME = "brief-placeholder-text"
SEVERITY = Severity.ERROR


class Opts(Options):
    phrases: tuple[str, ...] = (PLACEHOLDER_PART,)


def _fold(text: str) -> str:
    return " ".join(text.lower().split())


#: The parts by the name a message may give them: a heading the author wrote is
#: never quoted (it is the author's text, and a report never repeats that).
_PARTS = {normalise_heading(p): p for p in SEVEN_PARTS}


def placeholders(doc: Document, phrases: tuple[str, ...]) -> list[tuple[int, str]]:
    """(line, part) for each line of ``doc`` that holds one of ``phrases``; the
    part is the seven-part name of the heading above the line, else the
    heading's line ("the introduction" before any heading)."""
    wanted = [p for p in map(_fold, phrases) if p]
    heading = "the introduction"
    headings = {
        h.line: _PARTS.get(normalise_heading(h.text), f"the part at line {h.line}")
        for h in doc.headings
    }
    found: list[tuple[int, str]] = []
    for i, (line, text) in enumerate(doc.body_lines()):
        if line in headings:
            heading = headings[line]
            continue
        if i in doc.code_lines:
            continue
        folded = _fold(text)
        if any(p in folded for p in wanted):
            found.append((line, heading))
    return found


def check(ctx: Context, options: Opts) -> Iterator[Problem]:
    for brief in ctx.kb.briefs.values():
        if brief.status != "published":
            continue
        doc = ctx.kb.document_of(brief.source)
        hits = placeholders(doc, options.phrases) if doc is not None else []
        parts = list(dict.fromkeys(part for _, part in hits))
        titled = _fold(brief.title) == _fold(PLACEHOLDER_TITLE)
        if not parts and not titled:
            continue
        said = []
        if titled:
            said.append(f"the title is still “{PLACEHOLDER_TITLE}”")
        if parts:
            names = ", ".join(f"“{p}”" for p in parts)
            said.append(f"{len(parts)} part(s) still hold the template's placeholder text: {names}")
        line = hits[0][0] if hits and not titled else brief.line_of("title")
        yield Problem(
            brief.source,
            line,
            f"brief {brief.id} is not written yet: {'; '.join(said)}; write each one, "
            "or keep the brief a draft (`status: draft`) until it is",
            brief.id,
        )
