"""A ToR states no review date.

## What it checks

That every approved or proposed ToR has either `next_review` or a
`review_cycle` from which the next review date follows.

## Why

A ToR without a review date is never reviewed: nothing prompts anyone. Two of the
three published ToRs we studied state no review date at all, and one was last
reviewed years before. Annual review is the usual local rule.

## Passing example

```yaml
approved_on: 2026-03-10
review_cycle: 12 months
```

## Failing example

```yaml
approved_on: 2022-06-14
```

## Options

None.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.rules.base import Context, Options

CODE = "TOR003"
NAME = "tor-no-review-date"
SEVERITY = Severity.ERROR


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    for tor in ctx.kb.tors.values():
        if tor.status in ("approved", "proposed") and tor.review_due() is None:
            yield Problem(
                tor.source,
                tor.line_of("approved_on") if tor.approved_on else tor.line_of("status"),
                "the ToR has no review date; add `next_review: YYYY-MM-DD` or "
                "`review_cycle: 12 months`",
                tor.id,
            )
