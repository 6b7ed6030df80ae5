"""An action falls due soon.

## What it checks

Every `open` or `in-progress` action whose `due` date is within the warning
window (60 days by default) from today.

## Why

A warning two months ahead gives the owner time to finish the action, or to ask
the case review group for more time, before it becomes overdue (ACT001).

## Passing example

An action due more than 60 days from today, or already complete.

## Failing example

Today 2026-11-25 and an open action due on 2026-12-15.

## Options

- `days` (integer, default: the global `warning_days`, 60).
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.rules._due import due_soon_message, window
from checks.rules.base import Context, Options

CODE = "ACT002"
NAME = "act-due-soon"
SEVERITY = Severity.WARNING


class Opts(Options):
    days: int | None = None


def check(ctx: Context, options: Opts) -> Iterator[Problem]:
    days = window(options.days, ctx.warning_days)
    for plan, action in ctx.kb.actions():
        if not action.is_open:
            continue
        msg = due_soon_message(f"action {action.id}", action.due, ctx.today, days)
        if msg:
            yield Problem(action.source, action.line_of("due"), msg, f"{plan.review}/{action.id}")
