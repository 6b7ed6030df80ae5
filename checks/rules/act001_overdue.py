"""An action is past its due date and not complete.

## What it checks

Every action whose `status` is `open` or `in-progress` and whose `due` date is
before today.

## Why

Actions are how a review changes practice. The case review group monitors them
and escalates overdue ones to the executive; inspectors ask for the tracker.
Overdue actions should be visible in CI before they are visible to an inspector.

## Passing example

```yaml
- id: A01
  due: 2027-01-31
  status: in-progress
```

## Failing example

Today 2026-11-25:

```yaml
- id: A01
  due: 2026-09-30
  status: open
```

## Options

None.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.model.working_days import plural
from checks.rules.base import Context, Options

CODE = "ACT001"
NAME = "act-overdue"
SEVERITY = Severity.ERROR


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    for plan, action in ctx.kb.actions():
        if action.is_open and action.due < ctx.today:
            days = (ctx.today - action.due).days
            owner = ctx.kb.agency_name(action.owner.agency if action.owner else None)
            yield Problem(
                action.source,
                action.line_of("due"),
                f"action {action.id} ({owner}) was due on {action.due} and is "
                f"{plural(days, 'day')} overdue; complete it, or agree a new date and record "
                "why under `due_changes`",
                f"{plan.review}/{action.id}",
            )
