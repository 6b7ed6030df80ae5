"""A ToR's review falls due soon.

## What it checks

For every approved ToR (or one in use whose approval is not stated), whether
its next review date falls within the warning window (60 days by default) from today.

## Why

A review needs a draft, a meeting to agree it and often the executive's approval:
two months' notice leaves time to do that before the ToR lapses (TOR001).

## Passing example

A ToR whose `next_review` is more than 60 days away.

## Failing example

Today 2026-11-25 and `next_review: 2026-12-31`:

```text
TOR002 the review of the ToR is due on 2026-12-31, in 36 days
```

## Options

- `days` (integer, default: the global `warning_days`, 60): the window.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.rules._due import due_soon_message, window
from checks.rules.base import Context, Options

CODE = "TOR002"
NAME = "tor-review-due-soon"
SEVERITY = Severity.WARNING


class Opts(Options):
    days: int | None = None


def check(ctx: Context, options: Opts) -> Iterator[Problem]:
    days = window(options.days, ctx.warning_days)
    for tor in ctx.kb.tors.values():
        due = tor.review_due()
        if not tor.in_use or due is None:
            continue
        msg = due_soon_message("the review of the ToR", due, ctx.today, days)
        if msg:
            field = "next_review" if tor.next_review else "review_cycle"
            yield Problem(tor.source, tor.line_of(field), msg, tor.id)
