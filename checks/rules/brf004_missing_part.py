"""A published brief is missing a part of the 7-minute briefing.

## What it checks

A published brief has a second-level heading (`## ...`) for each of the seven
parts of the 7-minute briefing, in any order. Numbering such as `1.` or `Part 1:`
and letter case are ignored. By default the parts are:

1. Background
2. Why it matters
3. Information
4. Key findings
5. Things to think about
6. Questions for reflection
7. What you should do

## Why

Practitioners know the format: a brief that always has the same seven parts can
be read in seven minutes and used in a team meeting. A brief without "What you
should do" leaves the reader with nothing to change.

## Passing example

```markdown
## 1. Background
...
## 7. What you should do
```

## Failing example

A published brief whose headings stop at `## Questions for reflection`.

## Options

- `headings` (list of strings): the required parts, replacing the default.
- `level` (default 2): the heading level the parts use.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.loading.markdown import normalise_heading
from checks.model.brief import SEVEN_PARTS
from checks.model.findings import Problem, Severity
from checks.rules.base import Context, Options

CODE = "BRF004"
NAME = "brief-missing-part"
SEVERITY = Severity.ERROR


class Opts(Options):
    headings: tuple[str, ...] = SEVEN_PARTS
    level: int = 2


def check(ctx: Context, options: Opts) -> Iterator[Problem]:
    wanted = {normalise_heading(h): h for h in options.headings}
    for brief in ctx.kb.briefs.values():
        if brief.status != "published":
            continue
        doc = ctx.kb.document_of(brief.source)
        if doc is None:
            continue
        present = {normalise_heading(h.text) for h in doc.headings if h.level == options.level}
        missing = [label for key, label in wanted.items() if key not in present]
        if missing:
            names = ", ".join(f"“{m}”" for m in missing)
            yield Problem(
                brief.source,
                doc.body_line,
                f"brief {brief.id} is missing {len(missing)} of the {len(wanted)} parts of the "
                f"7-minute briefing: {names}; add each as a `{'#' * options.level} ` heading",
                brief.id,
            )
