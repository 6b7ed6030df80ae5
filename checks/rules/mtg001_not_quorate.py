"""A meeting was not quorate under its group's ToR.

## What it checks

The agencies `present` at each meeting include every agency in the group's
`quorum` (or, where the ToR gives none, every statutory safeguarding partner).
A body that delivers a partner's services (`delivers_for` in
`data/partnership.yaml`, such as a children's trust) present counts as that
partner present. A ToR that says it states no quorum (`not_stated: [quorum]`, as `kb import`
writes it) has none to check: no quorum is assumed, and TOR011 reports it.

Each meeting is judged against the version of the ToR in force on its date: a
quorum that is only proposed (`status: proposed`, or a draft) never changes what
is found about a meeting, nor does a version approved after it. Earlier approved
versions are read from git's history; a meeting older than every version on
record is judged against the earliest, and the message says so. A group whose
ToR was never approved on record has no quorum in force to judge against.

## Why

Decisions taken at an inquorate meeting, such as agreeing a rapid review or
signing off an action as complete, lack the authority of the partnership and may
need to be ratified again.

## Passing example

```yaml
- group: case-review
  date: 2026-10-08
  present: [council, icb, police, education]
```

## Failing example

```yaml
- group: case-review
  date: 2026-10-08
  present: [council, police]
```

## Options

None.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.model.partnership import standing_for
from checks.rules._in_force import tor_in_force
from checks.rules.base import Context, Options

CODE = "MTG001"
NAME = "meeting-not-quorate"
SEVERITY = Severity.ERROR
NEEDS = ("partnership", "tors")


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    for meeting in ctx.kb.meetings:
        in_force = tor_in_force(ctx, meeting)
        if in_force is None or not in_force.tor.quorum_stated:
            continue  # no quorum stated: TOR011 says so; none is assumed
        tor = in_force.tor
        quorum = tor.quorum if tor.quorum is not None else ctx.kb.statutory
        present = standing_for(ctx.kb.agencies, meeting.present)
        missing = [a for a in quorum if a not in present]
        if missing:
            names = ", ".join(ctx.kb.agency_name(a) for a in missing)
            yield Problem(
                meeting.source,
                meeting.line_of("present"),
                f"the {tor.title} meeting on {meeting.date} was not quorate"
                f"{in_force.note()}: {names} absent; decisions taken there need ratifying "
                "at a quorate meeting",
                f"{meeting.group}@{meeting.date}",
            )
