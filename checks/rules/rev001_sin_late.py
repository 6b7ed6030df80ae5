"""A serious incident notification was sent late, or is overdue.

## What it checks

For child reviews (`rapid-review`, `lcspr`, `learning-review`) with an
`aware_on` date: the serious incident notification (`sin_sent`) must be sent
within 5 working days. Day 1 is the first working day after the local authority
became aware; weekends and the nation's bank holidays do not count. With no
`sin_sent` recorded, the notification is overdue once the deadline has passed.

## Why

Working Together to Safeguard Children (2018 and 2023) requires the local
authority to notify the Child Safeguarding Practice Review Panel of a serious
incident within five working days of becoming aware of it.

## Passing example

```yaml
aware_on: 2026-03-02   # a Monday
sin_sent: 2026-03-09   # the 5th working day after
```

## Failing example

```yaml
aware_on: 2026-03-02
sin_sent: 2026-03-11   # the 7th working day after
```

## Options

- `working_days` (default 5).
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.model.review import CHILD_KINDS
from checks.rules._deadline import late_or_overdue
from checks.rules.base import Context, Options

CODE = "REV001"
NAME = "rev-sin-late"
SEVERITY = Severity.ERROR
NEEDS = ("reviews", "calendar")


class Opts(Options):
    working_days: int = 5


def check(ctx: Context, options: Opts) -> Iterator[Problem]:
    for review in ctx.kb.reviews.values():
        if review.kind not in CHILD_KINDS or review.aware_on is None:
            continue
        if review.sin_sent is None and review.status in ("closed", "published"):
            continue  # only an open review can be overdue
        msg = late_or_overdue(
            ctx.calendar,
            ctx.today,
            "serious incident notification",
            "awareness",
            review.aware_on,
            review.sin_sent,
            options.working_days,
        )
        if msg:
            field = "sin_sent" if review.sin_sent else "aware_on"
            yield Problem(review.source, review.line_of(field), msg, review.ref)
