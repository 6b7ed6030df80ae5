"""A group went longer between meetings than its ToR's frequency allows.

## What it checks

For each group, the gap between consecutive meetings (and from the last meeting
to today) must not exceed the ToR's `frequency` plus a grace period (14 days by
default). Meetings of kind `ad hoc` (a rapid review called between business
meetings) are left out: one inside a gap does not hide it. A ToR that states no
frequency (`frequency: not stated`) has no cycle to check; TOR011 reports it.

Each gap is judged by the ToR version in force on the date of the meeting that
opens it (the last meeting, for the gap up to today): a proposed or draft ToR
(a new frequency, say) never changes what is found about past meetings, and a
gap that opened under an earlier approved version is judged by that version,
read from git's history. A group with no approved ToR on record is not checked.

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
from checks.rules._in_force import tor_in_force
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
        if group not in ctx.kb.tors or ctx.kb.lost("meetings", group):
            # With a meeting of the group lost, a gap may be that meeting.
            continue
        # Ad hoc meetings (a rapid review between business meetings) are not the
        # cycle: one inside a gap must not hide it.
        meetings = sorted((m for m in meetings if not is_ad_hoc(m)), key=lambda m: m.date)
        if not meetings:
            continue
        title = ctx.kb.group_name(group)
        for before, after in itertools.pairwise(meetings):
            in_force = _cycle(ctx, before)
            if in_force is None:
                continue
            frequency, note = in_force
            if after.date > frequency.after(before.date) + grace:
                yield Problem(
                    after.source,
                    after.line_of("date"),
                    f"{title} did not meet between {before.date} and {after.date} "
                    f"({(after.date - before.date).days} days); its ToR says it meets "
                    f"every {frequency}{note}",
                    f"{group}@{after.date}",
                )
        last = meetings[-1]
        in_force = _cycle(ctx, last)
        if in_force is not None and ctx.today > in_force[0].after(last.date) + grace:
            yield Problem(
                last.source,
                last.line_of("date"),
                f"{title} has not met since {last.date} "
                f"({(ctx.today - last.date).days} days); its ToR says it meets "
                f"every {in_force[0]}{in_force[1]}",
                f"{group}@{last.date}",
            )


def _cycle(ctx: Context, meeting: Meeting) -> tuple[Duration, str] | None:
    """The frequency of the ToR in force on the meeting's date, and the words
    naming that version; None when no approved version states one (TOR011 reports
    an unstated frequency)."""
    in_force = tor_in_force(ctx, meeting)
    if in_force is None or not isinstance(in_force.tor.frequency, Duration):
        return None
    return in_force.tor.frequency, in_force.note()
