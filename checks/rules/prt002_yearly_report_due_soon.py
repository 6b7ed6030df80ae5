"""The partnership's yearly report falls due soon.

## What it checks

Whether the next yearly report (12 months after the latest one listed under
`yearly_reports` in `data/partnership.yaml` was published) falls due within
the warning window (60 days by default) from today.

## Why

A yearly report needs contributions from every partner and the partners' sign
off: two months' notice leaves time to gather them before it is overdue
(PRT001).

## Passing example

Today 2026-11-25 and the latest report published on 2026-06-30: the next is
due on 2027-06-30, more than 60 days away.

## Failing example

Today 2026-11-25 and the latest report published on 2025-12-12:

```text
PRT002 the next yearly report is due on 2026-12-12, in 17 days
```

## Options

- `days` (integer, default: the global `warning_days`, 60): the window.
- `months` (integer, default 12): as for PRT001.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.rules._due import due_soon_message, window
from checks.rules.base import Context, Options

CODE = "PRT002"
NAME = "yearly-report-due-soon"
SEVERITY = Severity.WARNING
NEEDS = ("partnership",)


class Opts(Options):
    days: int | None = None
    months: int = 12


def check(ctx: Context, options: Opts) -> Iterator[Problem]:
    partnership = ctx.kb.partnership
    latest = None if partnership is None else partnership.latest_yearly_report(ctx.today)
    if partnership is None or latest is None:
        return  # PRT001 reports a partnership with no yearly report
    due = latest.next_due(options.months)
    msg = due_soon_message(
        "the next yearly report", due, ctx.today, window(options.days, ctx.warning_days)
    )
    if msg:
        yield Problem(partnership.source, latest.line_of("published_on"), msg, "yearly-report")
