"""A brief's audience names an agency the partnership does not know.

## What it checks

Each agency in a brief's `audience.agencies` must be an id in
`data/partnership.yaml`.

## Why

Practitioners browse briefs by audience; a misspelt agency id hides the brief
from the people it was written for.

## Passing example

```yaml
audience:
  agencies: [police, health-trust]
```

## Failing example

```yaml
audience:
  agencies: [polic]
```

## Options

None.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.rules.base import Context, Options
from checks.rules.tor010_unknown_agency import unknown_agency

CODE = "BRF005"
NAME = "brief-unknown-audience"
SEVERITY = Severity.ERROR
NEEDS = ("partnership",)


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    known = ctx.kb.agencies
    if not known:
        return
    for brief in ctx.kb.briefs.values():
        for i, agency in enumerate(brief.audience.agencies):
            if agency not in known and not ctx.kb.lost("partnership", agency):
                yield Problem(
                    brief.source,
                    brief.line_of("audience", "agencies", i),
                    unknown_agency(agency, known),
                    brief.id,
                )
