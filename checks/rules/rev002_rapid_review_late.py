"""A rapid review was sent to the national Panel late, or is overdue.

## What it checks

For child reviews with a serious incident notification (`sin_sent`): the rapid
review must be completed and sent (`rr_sent`) within 15 working days of the
date the notification was sent. An open rapid review is overdue, as of today,
once that deadline has passed.

## Why

The Child Safeguarding Practice Review Panel expects the rapid review within
15 working days of the notification. It decides whether to commission a local
child safeguarding practice review, and its dates are the audit trail
inspectors examine.

## Passing example

```yaml
sin_sent: 2026-12-18   # a Friday
rr_sent: 2027-01-13    # 15 working days later, after Christmas and New Year
```

## Failing example

```yaml
sin_sent: 2026-12-18
rr_sent: 2027-01-15
```

## Options

- `working_days` (default 15).
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.model.review import CHILD_KINDS
from checks.rules._deadline import late_or_overdue
from checks.rules.base import Context, Options

CODE = "REV002"
NAME = "rev-rapid-review-late"
SEVERITY = Severity.ERROR
NEEDS = ("reviews", "calendar")


class Opts(Options):
    working_days: int = 15


def check(ctx: Context, options: Opts) -> Iterator[Problem]:
    for review in ctx.kb.reviews.values():
        if review.kind not in CHILD_KINDS or review.sin_sent is None:
            continue
        if review.rr_sent is None and review.status in ("closed", "published"):
            continue  # only an open review can be overdue
        msg = late_or_overdue(
            ctx.calendar,
            ctx.today,
            "rapid review",
            "the notification",
            review.sin_sent,
            review.rr_sent,
            options.working_days,
        )
        if msg:
            field = "rr_sent" if review.rr_sent else "sin_sent"
            yield Problem(review.source, review.line_of(field), msg, review.ref)
