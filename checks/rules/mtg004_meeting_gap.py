"""A group went longer between meetings than its ToR's frequency allows.

## What it checks

For each group, the gap between consecutive meetings (and from the last meeting
to today) must not exceed the ToR's `frequency` plus a grace period (14 days by
default). Meetings of kind `ad hoc` (a rapid review called between business
meetings) are left out: one inside a gap does not hide it. A ToR that states no
frequency (`frequency: not stated`) has no cycle to check; TOR011 reports it.

## Why

A group that meets quarterly on paper but has not met for seven months is not
providing the oversight its ToR promises. A rapid review group that stops
meeting cannot meet statutory deadlines.

## Passing example

`frequency: monthly` and meetings on 8 September and 6 October.

## Failing example

`frequency: monthly` and meetings on 8 May and then 6 October.

## Options

- `grace_days` (default 14): slack for a meeting moved for holidays.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator
from datetime import timedelta

from checks.model import Meeting
from checks.model.findings import Problem, Severity
from checks.model.meeting import is_ad_hoc
from checks.model.working_days import Duration
from checks.rules.base import Context, Options

CODE = "MTG004"
NAME = "meeting-gap"
SEVERITY = Severity.WARNING
NEEDS = ("meetings", "tors")


class Opts(Options):
    grace_days: int = 14


def check(ctx: Context, options: Opts) -> Iterator[Problem]:
    by_group: dict[str, list[Meeting]] = defaultdict(list)
    for meeting in ctx.kb.meetings:
        if meeting.date <= ctx.today:
            by_group[meeting.group].append(meeting)
    grace = timedelta(days=options.grace_days)
    for group, meetings in sorted(by_group.items()):
        tor = ctx.kb.tors.get(group)
        if tor is None or ctx.kb.lost("meetings", group):
            # With a meeting of the group lost, a gap may be that meeting.
            continue
        frequency = tor.frequency
        if not isinstance(frequency, Duration):
            continue  # no frequency stated: TOR011 says so, and there is no cycle to check
        # Ad hoc meetings (a rapid review between business meetings) are not the
        # cycle: one inside a gap must not hide it.
        meetings = [m for m in meetings if not is_ad_hoc(m)]
        if not meetings:
            continue
        meetings.sort(key=lambda m: m.date)
        for before, after in itertools.pairwise(meetings):
            limit = frequency.after(before.date) + grace
            if after.date > limit:
                yield Problem(
                    after.source,
                    after.line_of("date"),
                    f"{tor.title} did not meet between {before.date} and {after.date} "
                    f"({(after.date - before.date).days} days); its ToR says it meets "
                    f"every {tor.frequency}",
                    f"{group}@{after.date}",
                )
        last = meetings[-1]
        if ctx.today > frequency.after(last.date) + grace:
            yield Problem(
                last.source,
                last.line_of("date"),
                f"{tor.title} has not met since {last.date} "
                f"({(ctx.today - last.date).days} days); its ToR says it meets "
                f"every {tor.frequency}",
                f"{group}@{last.date}",
            )
