"""A procedure's owner is not a group with a ToR.

## What it checks

A procedure's `owner` must be the id of a group in `docs/tor/`.

## Why

The owner is who reviews the procedure. An owner that does not exist means the
review never comes up on anyone's agenda.

## Passing example

```yaml
owner: case-review
```

## Failing example

```yaml
owner: serious-case-panel
```

## Options

None.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.rules.base import Context, Options

CODE = "PRC003"
NAME = "procedure-unknown-owner"
SEVERITY = Severity.ERROR
NEEDS = ("tors",)


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    for path, proc in ctx.kb.procedures.items():
        if proc.owner not in ctx.kb.tors and not ctx.kb.lost("tors", proc.owner):
            yield Problem(
                proc.source,
                proc.line_of("owner"),
                f"the owner `{proc.owner}` is not a group with a ToR; known groups: "
                + ctx.kb.known_groups(),
                path,
            )
