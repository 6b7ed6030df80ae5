"""A group has not reported to its parent group as often as its ToR says.

## What it checks

For each ToR with a `reports_to` group and a `reporting_cadence`, the meetings
of the parent group on record (in `data/meetings/`) since the ToR was approved:

- "each meeting" (as in "a highlight report to each Executive meeting"): every
  meeting of the parent group lists this group under `reports`;
- a period such as "quarterly" or "6 months": the parent group received a
  report from this group at least that often (14 days' grace), and the last one
  is not older than that.

Meetings of kind `ad hoc` are not expected to receive reports. A cadence the
check cannot read ("regular") is left alone.

Each parent meeting is judged by the version of this group's ToR in force on
its date (read from git's history where the file as it stands is proposed, a
draft or approved later): a proposed cadence never changes what is found about
past meetings, and a meeting before any approved version is not judged. The
last report's age is judged by the version in force today.

## Why

The reporting line is how the executive holds a subgroup to account: Working
Together 2023 expects the safeguarding partners to know how well their
arrangements work. A ToR that promises a highlight report to every Executive
meeting, while the Executive's minutes show none for six months, is a gap an
inspector will find.

## Passing example

```yaml
# docs/tor/panel.md
reports_to: exec
reporting_cadence: each meeting
# data/meetings/2026.yaml
- group: exec
  date: 2026-10-01
  present: [council, icb, police]
  reports: [panel]
```

## Failing example

The same meeting without `reports: [panel]`.

TOR012: the Executive meeting on 2026-10-01 received no report from the Review
Panel; its ToR says it reports to each meeting; add `reports: [panel]` to that
meeting if it did.

## Options

- `grace_days` (default 14): slack for a report that slips to the next meeting.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from checks.model.findings import Problem, Severity
from checks.model.meeting import Meeting, is_ad_hoc
from checks.model.tor import TermsOfReference
from checks.model.tor_versions import since
from checks.model.working_days import Duration
from checks.rules._in_force import group_tor_in_force
from checks.rules.base import Context, Options

CODE = "TOR012"
NAME = "tor-reporting-cadence"
SEVERITY = Severity.WARNING
NEEDS = ("meetings", "tors")


class Opts(Options):
    grace_days: int = 14


def _period(cadence: str) -> Duration | None:
    try:
        return Duration.parse(cadence)
    except ValueError:
        return None


def _each(cadence: str) -> bool:
    return "each" in cadence or "every meeting" in cadence


def _cadence(tor: TermsOfReference, parent: str) -> str:
    """The version's cadence of reports to ``parent``, lower case; "" for none."""
    if tor.reports_to != parent:
        return ""
    return (tor.reporting_cadence or "").strip().lower()


def check(ctx: Context, options: Opts) -> Iterator[Problem]:
    grace = timedelta(days=options.grace_days)
    for tor in ctx.kb.tors.values():
        parent = ctx.kb.tors.get(tor.reports_to or "")
        # The current file names the parent; each version in force says whether
        # it reported to it, and how often (a cadence dropped now still bound
        # the meetings held before).
        if parent is None or tor.status == "superseded":
            continue
        if ctx.kb.lost("meetings", parent.id):
            continue
        meetings = sorted(
            (
                m
                for m in ctx.kb.meetings
                if m.group == parent.id and m.date <= ctx.today and not is_ad_hoc(m)
            ),
            key=lambda m: m.date,
        )
        yield from _each_meeting(ctx, tor, parent, meetings)
        yield from _periodic(ctx, tor, parent, meetings, grace)


def _each_meeting(
    ctx: Context, tor: TermsOfReference, parent: TermsOfReference, meetings: list[Meeting]
) -> Iterator[Problem]:
    """Every parent meeting held while the version in force promised a report
    to each meeting received one."""
    for meeting in meetings:
        in_force = group_tor_in_force(ctx, tor.id, meeting.date)
        if in_force is None or not in_force.known:
            continue  # no version of the ToR was in force then
        if not _each(_cadence(in_force.tor, parent.id)) or tor.id in meeting.reports:
            continue
        yield Problem(
            meeting.source,
            meeting.line_of("date"),
            f"the {parent.title} meeting on {meeting.date} received no report "
            f"from the {tor.title}; its ToR says it reports to each meeting"
            f"{in_force.note()}; add `reports: [{tor.id}]` to that meeting if it did",
            f"{tor.id}@{meeting.date}",
        )


def _periodic(
    ctx: Context,
    tor: TermsOfReference,
    parent: TermsOfReference,
    meetings: list[Meeting],
    grace: timedelta,
) -> Iterator[Problem]:
    """The last report is no older than the period of the version in force today."""
    in_force = group_tor_in_force(ctx, tor.id, ctx.today)
    if in_force is None:
        return
    cadence = _cadence(in_force.tor, parent.id)
    period = None if _each(cadence) else _period(cadence)
    start = since(in_force.tor)
    meetings = [m for m in meetings if start is None or m.date >= start]
    if period is None or not meetings:
        return
    received = [m.date for m in meetings if tor.id in m.reports]
    last = received[-1] if received else start or meetings[0].date
    if ctx.today > period.after(last) + grace:
        yield Problem(
            tor.source,
            tor.line_of("reporting_cadence"),
            f"the {tor.title} has not reported to the {parent.title} since {last} "
            f"(its ToR says {in_force.tor.reporting_cadence}{in_force.note()}); record each "
            f"report under `reports` on the {parent.title} meeting that received it",
            tor.id,
        )
