"""A statutory safeguarding partner has no seat in the group's membership.

## What it checks

Every agency marked `statutory: true` in `data/partnership.yaml` appears at least
once among the ToR's `members` (or as its chair, co-chair or vice-chair). A
body that delivers a partner's services (`delivers_for: council` on a children's
trust in `data/partnership.yaml`) holds that partner's seat. A ToR that lists
`members` under `not_stated` is left to TOR011.

## Why

A quorum that requires a partner who has no seat can never be met, and a group
missing a statutory partner cannot act for the partnership
(Children Act 2004, s.16E; Working Together to Safeguard Children 2023).

## Passing example

```yaml
members:
  - {agency: council, role: Head of Safeguarding}
  - {agency: icb, role: Designated Nurse}
  - {agency: police, role: Detective Inspector}
```

## Failing example

A member list with no `icb` seat.

## Options

- `groups` (list of group ids, default: all): which groups this applies to.
  Some task-and-finish groups may need fewer partners.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.model.partnership import standing_for
from checks.rules.base import Context, Options

CODE = "TOR005"
NAME = "tor-statutory-member"
SEVERITY = Severity.ERROR
NEEDS = ("partnership",)


class Opts(Options):
    groups: list[str] | None = None


def check(ctx: Context, options: Opts) -> Iterator[Problem]:
    statutory = ctx.kb.statutory
    for tor in ctx.kb.tors.values():
        if tor.status == "superseded":
            continue
        if options.groups is not None and tor.id not in options.groups:
            continue
        if not tor.stated("members"):
            continue  # the members are not stated: TOR011 says so
        chairs = [s.agency for s in (tor.chair, tor.co_chair, tor.vice_chair) if s is not None]
        seated = standing_for(ctx.kb.agencies, [*(m.agency for m in tor.members), *chairs])
        for agency in statutory:
            if agency not in seated:
                yield Problem(
                    tor.source,
                    tor.line_of("members"),
                    f"the statutory partner {ctx.kb.agency_name(agency)} has no seat among the "
                    f"members; add a member with `agency: {agency}`",
                    tor.id,
                )
