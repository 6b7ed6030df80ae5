"""Minutes followed a meeting later than the ToR allows, or are overdue.

## What it checks

`minutes_sent` must be within the ToR's `minutes_within` period (15 working days
by default) of the meeting. With no `minutes_sent`, the minutes are overdue
once that period has passed. Each meeting is judged against the ToR in force
on its date (see MTG001).

## Why

Minutes record decisions and who is to act on them. Late minutes mean actions
start late, and absent minutes leave no evidence that a decision was made.

## Passing example

```yaml
date: 2026-10-08
minutes_sent: 2026-10-20
```

## Failing example

```yaml
date: 2026-10-08
minutes_sent: 2026-11-20
```

## Options

None; the period is the ToR's `minutes_within`. A ToR that lists
`minutes_within` under `not_stated` has no deadline to check: none is assumed,
and TOR011 reports it.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.rules._in_force import tor_in_force
from checks.rules.base import Context, Options

CODE = "MTG003"
NAME = "meeting-minutes-late"
SEVERITY = Severity.WARNING
NEEDS = ("tors", "calendar")


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    for meeting in ctx.kb.meetings:
        in_force = tor_in_force(ctx, meeting)
        tor = in_force.tor if in_force is not None else None
        if tor is None or not tor.stated("minutes_within"):
            continue  # no deadline stated: TOR011 says so, and none is assumed
        deadline = tor.minutes_within.after(meeting.date, ctx.calendar)
        subject = f"{meeting.group}@{meeting.date}"
        note = in_force.note() if in_force else ""
        if meeting.minutes_sent is not None and meeting.minutes_sent > deadline:
            yield Problem(
                meeting.source,
                meeting.line_of("minutes_sent"),
                f"minutes of the {tor.title} meeting on {meeting.date} went out on "
                f"{meeting.minutes_sent}; "
                f"the ToR allows {tor.minutes_within} (by {deadline}){note}",
                subject,
            )
        elif meeting.minutes_sent is None and ctx.today > deadline:
            yield Problem(
                meeting.source,
                meeting.line_of("date"),
                f"no minutes are recorded for the {tor.title} meeting on {meeting.date}; "
                "they were due by "
                f"{deadline} ({tor.minutes_within} after the meeting){note}",
                subject,
            )
