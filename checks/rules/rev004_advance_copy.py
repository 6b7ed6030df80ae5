"""The final report was not sent to the national Panel and the DfE in time.

## What it checks

For a published review of a kind that needs it (LCSPRs by default), an
`advance_copy_sent` date at least 7 working days before `published_on`.

## Why

Working Together requires partnerships to send the final report of a local child
safeguarding practice review to the national Panel and the Department for
Education before publication. Seven working days is this partnership's default.

## Passing example

```yaml
advance_copy_sent: 2025-11-03
published_on: 2025-11-14
```

## Failing example

```yaml
advance_copy_sent: 2025-11-12
published_on: 2025-11-14
```

## Options

- `working_days` (default 7).
- `kinds` (default `[lcspr]`).
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.model.working_days import plural
from checks.rules.base import Context, Options

CODE = "REV004"
NAME = "rev-advance-copy"
SEVERITY = Severity.ERROR
NEEDS = ("reviews", "calendar")


class Opts(Options):
    working_days: int = 7
    kinds: tuple[str, ...] = ("lcspr",)


def check(ctx: Context, options: Opts) -> Iterator[Problem]:
    for review in ctx.kb.reviews.values():
        if review.kind not in options.kinds or review.published_on is None:
            continue
        latest = ctx.calendar.add(review.published_on, -options.working_days)
        sent = review.advance_copy_sent
        if sent is None:
            yield Problem(
                review.source,
                review.line_of("published_on"),
                "the report was published with no `advance_copy_sent` date; it must go to "
                f"the national Panel and the DfE by {latest}, {options.working_days} working "
                "days before publication",
                review.ref,
            )
        elif sent > latest:
            gap = ctx.calendar.count_between(sent, review.published_on)
            yield Problem(
                review.source,
                review.line_of("advance_copy_sent"),
                f"the advance copy went {plural(gap, 'working day')} before publication; "
                f"at least {options.working_days} are needed (by {latest})",
                review.ref,
            )
