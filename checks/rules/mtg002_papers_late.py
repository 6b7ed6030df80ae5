"""Papers went out later than the ToR allows before a meeting.

## What it checks

Where a meeting records `papers_sent`, it must be at least the ToR's
`papers_days` working days (5 by default) before the meeting.

## Why

Members need time to read papers and consult their agency before a meeting;
papers tabled on the day lead to decisions nobody has considered. Five working
days is the usual rule in terms of reference.

## Passing example

```yaml
date: 2026-10-08       # Thursday
papers_sent: 2026-10-01
```

## Failing example

```yaml
date: 2026-10-08
papers_sent: 2026-10-06
```

## Options

None; the lead time is the ToR's `papers_days`.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.model.working_days import plural
from checks.rules.base import Context, Options

CODE = "MTG002"
NAME = "meeting-papers-late"
SEVERITY = Severity.WARNING
NEEDS = ("tors", "calendar")


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    for meeting in ctx.kb.meetings:
        tor = ctx.kb.tors.get(meeting.group)
        if tor is None or meeting.papers_sent is None:
            continue
        latest = ctx.calendar.add(meeting.date, -tor.papers_days)
        if meeting.papers_sent > latest:
            ahead = ctx.calendar.count_between(meeting.papers_sent, meeting.date)
            yield Problem(
                meeting.source,
                meeting.line_of("papers_sent"),
                f"papers for the {meeting.date} meeting went out "
                f"{plural(ahead, 'working day')} before it; the ToR asks for "
                f"{tor.papers_days} (by {latest})",
                f"{meeting.group}@{meeting.date}",
            )
