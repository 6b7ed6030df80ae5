"""A review's dates are out of order, or in the future.

## What it checks

The steps of a review happen in order: awareness, notification (`sin_sent`),
rapid review (`rr_sent`), decision, commissioning, advance copy, publication.
Each recorded date must be on or after the one before it, and none may be after
today.

## Why

Dates out of order are almost always typing mistakes, and they make every
timeliness check wrong. A date in the future records something that has not
happened yet.

## Passing example

```yaml
aware_on: 2026-03-02
sin_sent: 2026-03-05
rr_sent: 2026-03-24
```

## Failing example

```yaml
aware_on: 2026-03-02
sin_sent: 2026-02-05
```

## Options

None.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.rules.base import Context, Options

CODE = "REV005"
NAME = "rev-dates-out-of-order"
SEVERITY = Severity.ERROR
NEEDS = ("reviews",)

ORDER: tuple[tuple[str, str], ...] = (
    ("aware_on", "awareness"),
    ("sin_sent", "the notification"),
    ("rr_sent", "the rapid review"),
    ("decision_on", "the decision"),
    ("commissioned_on", "commissioning"),
    ("advance_copy_sent", "the advance copy"),
    ("published_on", "publication"),
    ("removed_on", "taking the report down"),
)


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    for review in ctx.kb.reviews.values():
        previous: tuple[str, str] | None = None
        for field, label in ORDER:
            value = getattr(review, field)
            if value is None:
                continue
            if value > ctx.today:
                yield Problem(
                    review.source,
                    review.line_of(field),
                    f"`{field}` is {value}, after today ({ctx.today}); record a step only once "
                    "it has happened",
                    review.ref,
                )
            if previous is not None:
                before = getattr(review, previous[0])
                if value < before:
                    yield Problem(
                        review.source,
                        review.line_of(field),
                        f"`{field}` ({value}) is before `{previous[0]}` ({before}): "
                        f"{label} cannot come before {previous[1]}",
                        review.ref,
                    )
            previous = (field, label)
