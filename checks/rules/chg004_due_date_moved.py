"""An action's due date was moved later without a recorded reason.

## What it checks

Runs only with `kb check --base REV`. When an action's `due` date is later than
it was at the base revision, the action must record the change under
`due_changes`, with the old date, the new date and the reason.

## Why

Quietly moving deadlines is how trackers lie: an action that has slipped three
times looks on time. Recording each move, and why, keeps the tracker honest for
the case review group and for inspectors.

## Passing example

```yaml
due: 2026-06-30
due_changes:
  - from: 2026-03-31
    to: 2026-06-30
    reason: New ICB contract starts in April
    agreed_by: case-review
```

## Failing example

`due: 2026-03-31` becomes `due: 2026-06-30` with no `due_changes` entry.

## Options

None.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.rules.base import Context, Options

CODE = "CHG004"
NAME = "due-date-moved"
SEVERITY = Severity.ERROR


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    if ctx.base is None:
        return
    before = {(p.review, a.id): a for p, a in ctx.base.actions()}
    for plan, new in ctx.kb.actions():
        old = before.get((plan.review, new.id))
        if old is None or new.due <= old.due:
            continue
        recorded = any(c.from_ == old.due and c.to == new.due for c in new.due_changes)
        if not recorded:
            yield Problem(
                new.source,
                new.line_of("due"),
                f"action {new.id}'s due date moved from {old.due} to {new.due} with no reason "
                f"recorded; add under `due_changes`: {{from: {old.due}, to: {new.due}, "
                "reason: ...}}",
                f"{plan.review}/{new.id}",
            )
