"""A procedure page is past its review date.

## What it checks

Every procedure's review date, `last_reviewed` plus `review_in`, against today.
This follows GOV.UK's technical documentation, where each page carries the date
it was last reviewed and how long until it must be reviewed again.

## Why

A procedure that nobody has checked against current guidance may send staff
through steps that are no longer required, or miss ones that now are.

## Passing example

```yaml
last_reviewed: 2026-04-01
review_in: 12 months
```

## Failing example

```yaml
last_reviewed: 2025-04-01
review_in: 6 months
```

## Options

None.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.rules._due import lapsed_message
from checks.rules.base import Context, Options

CODE = "PRC001"
NAME = "procedure-review-lapsed"
SEVERITY = Severity.ERROR


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    for path, proc in ctx.kb.procedures.items():
        msg = lapsed_message("the review of the procedure", proc.review_by, ctx.today)
        if msg:
            yield Problem(proc.source, proc.line_of("last_reviewed"), msg, path)
