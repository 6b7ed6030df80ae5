"""Papers went out later than the ToR allows before a meeting.

## What it checks

Where a meeting records `papers_sent`, it must be at least the ToR's
`papers_days` working days (5 by default) before the meeting. For a meeting
of kind `ad hoc` (a rapid review called at short notice) the lead time is the
ToR's `ad_hoc_papers_days`; a ToR that sets none has no papers rule for them,
and they are not checked. Nor are meetings of a group whose ToR lists
`papers_days` under `not_stated`: no deadline is assumed, and TOR011 reports it.
Each meeting is judged against the ToR in force on its date (see MTG001).

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
from checks.model.meeting import is_ad_hoc
from checks.model.working_days import plural
from checks.rules._in_force import tor_in_force
from checks.rules.base import Context, Options

CODE = "MTG002"
NAME = "meeting-papers-late"
SEVERITY = Severity.WARNING
NEEDS = ("tors", "calendar")


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    for meeting in ctx.kb.meetings:
        in_force = tor_in_force(ctx, meeting)
        tor = in_force.tor if in_force is not None else None
        if tor is None or meeting.papers_sent is None:
            continue
        days = tor.papers_days
        if not tor.stated("papers_days") and not is_ad_hoc(meeting):
            continue  # no deadline stated: TOR011 says so, and none is assumed
        if is_ad_hoc(meeting):
            if tor.ad_hoc_papers_days is None:
                continue  # called at short notice; the ToR sets no lead time for it
            days = tor.ad_hoc_papers_days
        latest = ctx.calendar.add(meeting.date, -days)
        if meeting.papers_sent > latest:
            ahead = ctx.calendar.count_between(meeting.papers_sent, meeting.date)
            yield Problem(
                meeting.source,
                meeting.line_of("papers_sent"),
                f"papers for the {tor.title} meeting on {meeting.date} went out "
                f"{plural(ahead, 'working day')} before it; the ToR asks for "
                f"{days} (by {latest}){in_force.note() if in_force else ''}",
                f"{meeting.group}@{meeting.date}",
            )
