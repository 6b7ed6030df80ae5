"""A procedure page's review falls due soon.

## What it checks

Every procedure whose review date (`last_reviewed` plus `review_in`) falls within
the warning window (60 days by default) from today.

## Why

The owning group needs notice to put the review on an agenda.

## Passing example

A procedure reviewed last month with `review_in: 12 months`.

## Failing example

Today 2026-11-25, `last_reviewed: 2025-12-15` and `review_in: 12 months`.

## Options

- `days` (integer, default: the global `warning_days`, 60).
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.rules._due import due_soon_message, window
from checks.rules.base import Context, Options

CODE = "PRC002"
NAME = "procedure-review-due-soon"
SEVERITY = Severity.WARNING


class Opts(Options):
    days: int | None = None


def check(ctx: Context, options: Opts) -> Iterator[Problem]:
    days = window(options.days, ctx.warning_days)
    for path, proc in ctx.kb.procedures.items():
        msg = due_soon_message("the review of the procedure", proc.review_by, ctx.today, days)
        if msg:
            yield Problem(proc.source, proc.line_of("last_reviewed"), msg, path)
