"""A ToR's quorum does not include every statutory safeguarding partner.

## What it checks

The agencies listed under `quorum` must include each agency marked
`statutory: true` in `data/partnership.yaml`. A ToR with no `quorum` is taken to
require the three statutory partners, which passes. A body that delivers a
partner's services (`delivers_for` in `data/partnership.yaml`) stands for that
partner.

## Why

The local authority, the integrated care board and the chief officer of police
share equal responsibility for the arrangements (Children Act 2004, s.16E).
A decision taken without one of them present lacks the authority of the
partnership; a quorum of "any three members" allows that.

## Passing example

```yaml
quorum: [council, icb, police]
```

## Failing example

```yaml
quorum: [council, police, education]
```

## Options

None.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.model.partnership import standing_for
from checks.rules.base import Context, Options

CODE = "TOR004"
NAME = "tor-quorum-statutory"
SEVERITY = Severity.ERROR
NEEDS = ("partnership",)


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    statutory = ctx.kb.statutory
    for tor in ctx.kb.tors.values():
        if tor.quorum is None or tor.status == "superseded":
            continue
        quorate = standing_for(ctx.kb.agencies, tor.quorum)
        missing = [a for a in statutory if a not in quorate]
        if missing:
            names = ", ".join(ctx.kb.agency_name(a) for a in missing)
            yield Problem(
                tor.source,
                tor.line_of("quorum"),
                f"the quorum leaves out the statutory partner(s) {names}; "
                "each statutory partner must be present for the group to be quorate",
                tor.id,
            )
