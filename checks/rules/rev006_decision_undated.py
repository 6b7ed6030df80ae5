"""A review's decision has no date, or a date has no decision.

## What it checks

`decision` (LCSPR, other learning review, or no further review) and
`decision_on` go together: each needs the other.

## Why

The decision and its date are the audit trail of a rapid review; the six-month
publication target (REV003) counts from the date.

## Passing example

```yaml
decision: lcspr
decision_on: 2026-04-14
```

## Failing example

```yaml
decision: lcspr
```

## Options

None.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.rules.base import Context, Options

CODE = "REV006"
NAME = "rev-decision-undated"
SEVERITY = Severity.ERROR
NEEDS = ("reviews",)


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    for review in ctx.kb.reviews.values():
        if review.decision is not None and review.decision_on is None:
            yield Problem(
                review.source,
                review.line_of("decision"),
                f"the decision `{review.decision}` has no date; add `decision_on: YYYY-MM-DD`",
                review.ref,
            )
        elif review.decision is None and review.decision_on is not None:
            yield Problem(
                review.source,
                review.line_of("decision_on"),
                "`decision_on` is given but not the decision; add `decision: lcspr`, "
                "`learning-review` or `no-further-review`",
                review.ref,
            )
