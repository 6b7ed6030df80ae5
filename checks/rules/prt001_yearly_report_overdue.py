"""The partnership's yearly report is overdue, or none is recorded.

## What it checks

The partnership's yearly reports, listed under `yearly_reports` in
`data/partnership.yaml`. The next report is due 12 months after the latest
one was published; once that date has passed, the report is overdue. A
partnership with no yearly report listed is reported too, since the checker
cannot tell when the next is due, and so is a report recorded as published
after today.

## Why

Working Together to Safeguard Children requires the safeguarding partners to
publish a report at least once in every 12-month period, setting out what they
have done and how effective their arrangements have been. Inspectors look for
it, and a gap is visible to anyone who looks at the partnership's website.

## Passing example

Today 2026-11-25:

```yaml
yearly_reports:
  - period: 2024 to 2025
    published_on: 2025-12-12
```

## Failing example

Today 2026-11-25:

```yaml
yearly_reports:
  - period: 2024 to 2025
    published_on: 2025-09-26
```

PRT001: the yearly report was due by 2026-09-26 (12 months after the last,
published on 2025-09-26), 60 days ago.

## Options

- `months` (integer, default 12): the longest time between yearly reports.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.model.working_days import plural
from checks.rules.base import Context, Options

CODE = "PRT001"
NAME = "yearly-report-overdue"
SEVERITY = Severity.ERROR
NEEDS = ("partnership",)


class Opts(Options):
    months: int = 12


def check(ctx: Context, options: Opts) -> Iterator[Problem]:
    partnership = ctx.kb.partnership
    if partnership is None:
        return  # a missing or unreadable partnership.yaml is reported by KB005 or KB003
    for report in partnership.yearly_reports:
        if report.published_on > ctx.today:
            yield Problem(
                partnership.source,
                report.line_of("published_on"),
                f"the yearly report is recorded as published on {report.published_on}, after "
                f"today ({ctx.today}); record a report once it is published",
                "yearly-report",
            )
    latest = partnership.latest_yearly_report(ctx.today)
    if latest is None:
        yield Problem(
            partnership.source,
            partnership.line_of("yearly_reports"),
            "no yearly report is recorded; list each one under `yearly_reports:` with the "
            "date it was published (`published_on: YYYY-MM-DD`), so the next can be checked",
            "yearly-report",
        )
        return
    due = latest.next_due(options.months)
    if due < ctx.today:
        yield Problem(
            partnership.source,
            latest.line_of("published_on"),
            f"the yearly report was due by {due} ({options.months} months after the last, "
            f"published on {latest.published_on}), {plural((ctx.today - due).days, 'day')} ago",
            "yearly-report",
        )
