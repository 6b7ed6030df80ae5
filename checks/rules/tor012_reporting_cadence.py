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
from checks.model.meeting import is_ad_hoc
from checks.model.working_days import Duration
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


def check(ctx: Context, options: Opts) -> Iterator[Problem]:
    grace = timedelta(days=options.grace_days)
    for tor in ctx.kb.tors.values():
        parent_id = tor.reports_to
        cadence = (tor.reporting_cadence or "").strip().lower()
        parent = ctx.kb.tors.get(parent_id or "")
        if not cadence or parent is None or tor.status == "superseded":
            continue
        if ctx.kb.lost("meetings", parent.id):
            continue
        since = tor.approved_on
        meetings = sorted(
            (
                m
                for m in ctx.kb.meetings
                if m.group == parent.id
                and m.date <= ctx.today
                and (since is None or m.date >= since)
                and not is_ad_hoc(m)
            ),
            key=lambda m: m.date,
        )
        if "each" in cadence or "every meeting" in cadence:
            for meeting in meetings:
                if tor.id not in meeting.reports:
                    yield Problem(
                        meeting.source,
                        meeting.line_of("date"),
                        f"the {parent.title} meeting on {meeting.date} received no report "
                        f"from the {tor.title}; its ToR says it reports to each meeting; add "
                        f"`reports: [{tor.id}]` to that meeting if it did",
                        f"{tor.id}@{meeting.date}",
                    )
            continue
        period = _period(cadence)
        if period is None or not meetings:
            continue
        received = [m.date for m in meetings if tor.id in m.reports]
        last = received[-1] if received else since or meetings[0].date
        if ctx.today > period.after(last) + grace:
            yield Problem(
                tor.source,
                tor.line_of("reporting_cadence"),
                f"the {tor.title} has not reported to the {parent.title} since {last} "
                f"(its ToR says {tor.reporting_cadence}); record each report under `reports` "
                f"on the {parent.title} meeting that received it",
                tor.id,
            )
