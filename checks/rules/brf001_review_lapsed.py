"""A published learning brief is past its review date.

## What it checks

Every published brief whose `review_by` date is before today.

## Why

Briefs cite procedures, services and guidance that change. A brief past its
review date may send practitioners to a service that no longer exists; it should
be checked, updated or withdrawn.

## Passing example

```yaml
status: published
review_by: 2027-06-30
```

## Failing example

```yaml
status: published
review_by: 2026-06-30
```

## Options

None.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.rules._due import lapsed_message
from checks.rules.base import Context, Options

CODE = "BRF001"
NAME = "brief-review-lapsed"
SEVERITY = Severity.ERROR


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    for brief in ctx.kb.briefs.values():
        if brief.status != "published":
            continue
        msg = lapsed_message(f"the review of brief {brief.id}", brief.review_by, ctx.today)
        if msg:
            yield Problem(brief.source, brief.line_of("review_by"), msg, brief.id)
