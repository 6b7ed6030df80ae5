"""An action has been overdue for a month and no escalation is recorded.

## What it checks

Every action that is `open` or `in-progress`, more than 30 days past its `due`
date, and has no `escalated_on` date: the date the case review group escalated
it to the executive. An `escalated_on` date after today is reported too: it
would hide an escalation that has not happened yet.

## Why

The case review group monitors action plans and escalates overdue actions to
the executive, which can hold the owning agency to account. An action that has
been overdue for months with no escalation on record is the gap an inspector
looks for: nobody above the group was told.

## Passing example

Today 2026-11-25:

```yaml
- id: A04
  due: 2026-06-30
  status: in-progress
  escalated_on: 2026-08-13
```

## Failing example

Today 2026-11-25:

```yaml
- id: A04
  due: 2026-06-30
  status: in-progress
```

## Options

- `days` (integer, default 30): how long an action may be overdue before its
  escalation should be on record.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.model.working_days import plural
from checks.rules.base import Context, Options

CODE = "ACT006"
NAME = "act-overdue-not-escalated"
SEVERITY = Severity.WARNING


class Opts(Options):
    days: int = 30


def check(ctx: Context, options: Opts) -> Iterator[Problem]:
    for plan, action in ctx.kb.actions():
        escalated = action.escalated_on
        if escalated is not None and escalated > ctx.today:
            yield Problem(
                action.source,
                action.line_of("escalated_on"),
                f"action {action.id} is recorded as escalated on {escalated}, after today "
                f"({ctx.today}); record an escalation once it has happened",
                f"{plan.review}/{action.id}",
            )
            continue
        if action.status not in ("open", "in-progress") or escalated is not None:
            continue
        overdue = (ctx.today - action.due).days
        if overdue > options.days:
            yield Problem(
                action.source,
                action.line_of("due"),
                f"action {action.id} has been overdue for {plural(overdue, 'day')} and no "
                "escalation to the executive is recorded; once it is escalated, record the "
                "date as `escalated_on: YYYY-MM-DD`",
                f"{plan.review}/{action.id}",
            )
