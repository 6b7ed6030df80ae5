"""A review's final report was published late, or is overdue.

## What it checks

For each kind of review with a target, the report must be published
(`published_on`) within the target period from the decision to undertake it
(`decision_on`). An unpublished review that is not closed is overdue once the
target has passed.

| kind | default target | basis |
|---|---|---|
| `lcspr` | 6 months | Working Together (expectation) |
| `sar` | 6 months | local policy; the Care Act 2014 s.44 sets no timescale |
| `dardr` | none | configurable |

## Why

Learning that arrives a year late arrives after practice has moved on. Working
Together expects a local child safeguarding practice review to be published
within six months of the decision to undertake it.

## Passing example

```yaml
kind: lcspr
decision_on: 2025-05-20
published_on: 2025-11-14
```

## Failing example

```yaml
kind: lcspr
decision_on: 2025-05-20
published_on: 2026-02-02
```

## Options

- `months` (mapping of kind to months, or null for no target):
  default `{lcspr: 6, sar: 6, dardr: null, learning-review: null}`.
"""

from __future__ import annotations

from collections.abc import Iterator

from dateutil.relativedelta import relativedelta
from pydantic import Field

from checks.model.findings import Problem, Severity
from checks.model.working_days import plural
from checks.rules.base import Context, Options

CODE = "REV003"
NAME = "rev-publication-late"
SEVERITY = Severity.ERROR
NEEDS = ("reviews",)


class Opts(Options):
    months: dict[str, int | None] = Field(
        default_factory=lambda: {"lcspr": 6, "sar": 6, "dardr": None, "learning-review": None}
    )


def check(ctx: Context, options: Opts) -> Iterator[Problem]:
    for review in ctx.kb.reviews.values():
        months = options.months.get(review.kind)
        if months is None or review.decision_on is None:
            continue
        target = review.decision_on + relativedelta(months=months)
        if review.published_on is not None:
            if review.published_on > target:
                late = (review.published_on - target).days
                yield Problem(
                    review.source,
                    review.line_of("published_on"),
                    f"the report was published on {review.published_on}, "
                    f"{plural(late, 'day')} after the {months}-month target of {target} "
                    f"(decision on {review.decision_on})",
                    review.ref,
                )
        elif review.status != "closed" and ctx.today > target:
            over = (ctx.today - target).days
            yield Problem(
                review.source,
                review.line_of("decision_on"),
                f"the report is not published; the {months}-month target was {target} "
                f"(decision on {review.decision_on}), {plural(over, 'day')} ago",
                review.ref,
            )
