"""A ToR names a group that does not exist.

## What it checks

`reports_to`, `approved_by` and each history entry's `approved_by` must be the
id of a group that has a ToR in `docs/tor/` (the file name without `.md`).

## Why

The reporting line is how assurance reaches the executive. A ToR that reports to
a renamed or disbanded group reports to no one.

## Passing example

```yaml
reports_to: executive   # docs/tor/executive.md exists
```

## Failing example

```yaml
reports_to: safeguarding-board   # no such ToR
```

## Options

None.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.rules.base import Context, Options

CODE = "TOR006"
NAME = "tor-unknown-group"
SEVERITY = Severity.ERROR
NEEDS = ("tors",)


def _unknown(ctx: Context, group: str) -> bool:
    return group not in ctx.kb.tors and not ctx.kb.lost("tors", group)


def _message(ctx: Context, field: str, name: str, known: list[str]) -> str:
    guess = difflib.get_close_matches(name, known, n=1)
    hint = f"did you mean `{guess[0]}` ({ctx.kb.group_name(guess[0])})? " if guess else ""
    # The unknown id itself is not quoted: it is free text no check has read
    # (a family's name would do), and this message reaches CI logs and the
    # dashboard. The line says where it is.
    return f"`{field}` names a group that has no ToR; {hint}known groups: " + ctx.kb.known_groups()


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    known = sorted(ctx.kb.tors)
    for tor in ctx.kb.tors.values():
        for field in ("reports_to", "approved_by"):
            name = getattr(tor, field)
            if name and _unknown(ctx, name):
                yield Problem(
                    tor.source, tor.line_of(field), _message(ctx, field, name, known), tor.id
                )
        for i, entry in enumerate(tor.history):
            if _unknown(ctx, entry.approved_by):
                yield Problem(
                    tor.source,
                    tor.line_of("history", i, "approved_by"),
                    _message(ctx, f"history[{i + 1}].approved_by", entry.approved_by, known),
                    tor.id,
                )
