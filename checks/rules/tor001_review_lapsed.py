"""A ToR's review date has passed.

## What it checks

For every ToR that is in force (status `approved`, or a document in use that
does not say it was approved: `status` under `not_stated`), whether its next
review date is before today. The next review date is `next_review`, or, where only
`review_cycle` is given, the approval date plus the cycle.

## Why

Terms of reference lapse silently: a group keeps meeting under a document nobody
has looked at for years, citing bodies and guidance that no longer exist. Working
Together to Safeguard Children 2023 expects partnerships to keep their
arrangements under review, and inspectors read the document-control box first.

## Passing example

```yaml
status: approved
approved_on: 2026-03-10
next_review: 2027-03-10
```

## Failing example

```yaml
status: approved
approved_on: 2023-11-01
next_review: 2024-05-01
```

```text
TOR001 the review of the ToR was due on 2024-05-01 and lapsed 938 days ago
```

## Options

None.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.rules._due import lapsed_message
from checks.rules.base import Context, Options

CODE = "TOR001"
NAME = "tor-review-lapsed"
SEVERITY = Severity.ERROR


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    for tor in ctx.kb.tors.values():
        due = tor.review_due()
        if not tor.in_use or due is None:
            continue
        msg = lapsed_message("the review of the ToR", due, ctx.today)
        if msg:
            field = "next_review" if tor.next_review else "review_cycle"
            yield Problem(
                tor.source, tor.line_of(field), msg + "; review and re-approve it", tor.id
            )
