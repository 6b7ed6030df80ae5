"""A published review report was taken down before it had been available for 12 months.

## What it checks

For each review in the register with a `removed_on` date (the day its final
report was taken off the partnership's website): that the report had been
published (`published_on`) and stayed available for at least 12 months.

## Why

Working Together to Safeguard Children expects a published review report to
stay publicly available for at least a year, so that practitioners, families
and the public can read it. The register records when a report is taken down,
so that the partnership can show it kept to that.

## Passing example

```yaml
published_on: 2024-05-14
removed_on: 2025-06-02
```

## Failing example

```yaml
published_on: 2025-04-14
removed_on: 2025-10-01
```

REV007: the report was taken down on 2025-10-01, 170 days after it was
published on 2025-04-14; it should stay available until at least 2026-04-14.

## Options

- `months` (integer, default 12): how long a published report stays available.
"""

from __future__ import annotations

from collections.abc import Iterator

from dateutil.relativedelta import relativedelta

from checks.model.findings import Problem, Severity
from checks.model.working_days import plural
from checks.rules.base import Context, Options

CODE = "REV007"
NAME = "rev-report-removed-early"
SEVERITY = Severity.ERROR
NEEDS = ("reviews",)


class Opts(Options):
    months: int = 12


def check(ctx: Context, options: Opts) -> Iterator[Problem]:
    for review in ctx.kb.reviews.values():
        removed = review.removed_on
        if removed is None:
            continue
        published = review.published_on
        if published is None:
            yield Problem(
                review.source,
                review.line_of("removed_on"),
                "`removed_on` is set but the review has no `published_on`; record when the "
                "report was published, or remove `removed_on`",
                review.ref,
            )
            continue
        until = published + relativedelta(months=options.months)
        if published <= removed < until:
            yield Problem(
                review.source,
                review.line_of("removed_on"),
                f"the report was taken down on {removed}, "
                f"{plural((removed - published).days, 'day')} after it was published on "
                f"{published}; it should stay available until at least {until} "
                f"({options.months} months)",
                review.ref,
            )
