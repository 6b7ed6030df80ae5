"""A suppression is too broad or too long, so it is ignored.

## What it checks

Every suppression, in `kb.yaml` or in a page's `suppress:` front matter:

- names its `code`, and in `kb.yaml` the `subject` it applies to (the id of the
  ToR, brief, review, action or meeting; in front matter it is the page);
- for a safety check (`ANO`, `SEC`), names the `match`: the exact text found,
  so that it covers that one occurrence (it is compared as written, never read
  as a pattern: a `match` such as `(?s).*` or `.` is reported);
- gives a `reason`;
- lasts at most 12 months: `until` is no later than today plus 366 days;
- is not of CFG003, CFG004 or CHG005, which report loosened settings, bad
  suppressions and safety-relevant changes, and so cannot be suppressed.

A suppression that fails any of these suppresses nothing, and is reported at
its line.

On a pull request (a trusted copy of the target branch named in `KB_TRUSTED`),
a suppression of a safety check, or of a check whose findings keep a page off
the site (KB007), that the target branch does not hold in force (the same code,
subject and `match`) suppresses nothing either: the finding it would
hide is still reported, so a change cannot write a child's name and the
exception for it together. Merge the exception on its own first, reviewed.

## Why

A suppression with no subject would hide a check's findings everywhere; one
with no `match` would let a page publish any identifying detail; one until
9999-12-31 would never come back for review. Each is the kind of change a pull
request could make to get its own content past the checks.

## Passing example

```yaml
suppress:
  - code: ANO001
    match: Jessica Smith
    reason: A fictional character in a training scenario
    until: 2027-03-31
```

## Failing example

```yaml
suppress:
  - code: ANO001
    reason: false positives
    until: 9999-12-31
```

## Options

None.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.rules.base import Context, Options
from checks.rules.suppressions import collect, faults

CODE = "CFG004"
NAME = "suppression-ignored"
SEVERITY = Severity.ERROR


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    for granted in collect(ctx.kb):
        for field, message in faults(granted, ctx.today):
            yield Problem(
                granted.source,
                granted.rule.line_of(field),
                f"{message}. It suppresses nothing until this is fixed",
                granted.subject or "",
            )
