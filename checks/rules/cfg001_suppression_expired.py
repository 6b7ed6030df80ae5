"""A suppression has passed its expiry date.

## What it checks

Every suppression, in `kb.yaml` or in a page's `suppress:` front matter, has an
`until` date. Once that date has passed the suppression stops working and is
reported itself.

## Why

Suppressions exist so a known exception (for example, a ToR that quotes an old
body's name on purpose) does not drown out new findings. Without an expiry they
become permanent and hide the problem they were meant to park.

## Passing example

```yaml
suppress:
  - code: TOR009
    reason: Quotes the LSCB's 2018 minute on purpose
    until: 2027-03-31
```

## Failing example

The same suppression with `until: 2026-03-31`, checked on 2026-11-25.

## Options

None.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.rules.base import Context, Options
from checks.rules.suppressions import collect

CODE = "CFG001"
NAME = "suppression-expired"
SEVERITY = Severity.WARNING


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    for granted in collect(ctx.kb):
        rule = granted.rule
        if rule.until < ctx.today:
            yield Problem(
                granted.source,
                rule.line_of("until"),
                # The reason is not quoted: it is prose a contributor wrote, and can
                # name the person the suppression let through.
                f"the suppression of {rule.code} expired on {rule.until}; "
                "fix what it hides, or renew it with a new `until` date and a reason",
                granted.subject or "",
            )
