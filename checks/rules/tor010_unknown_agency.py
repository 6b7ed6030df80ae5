"""A ToR names an agency that is not in the partnership.

## What it checks

The `agency` of the chair, vice-chair and every member, and each agency in
`quorum`, must be an agency id from `data/partnership.yaml`.

## Why

Agency ids tie the membership to the quorum check, meeting attendance and the
action tracker. A misspelt id quietly breaks all three.

## Passing example

```yaml
chair: {agency: council, role: Director of Children's Services}
```

## Failing example

```yaml
chair: {agency: counsel, role: Director of Children's Services}
```

## Options

None.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping

from checks.model import Seat
from checks.model.findings import Problem, Severity
from checks.rules.base import Context, Options

CODE = "TOR010"
NAME = "tor-unknown-agency"
SEVERITY = Severity.ERROR
NEEDS = ("partnership",)


def unknown_agency(agency: str, known: Mapping[str, object]) -> str:
    guess = difflib.get_close_matches(agency, list(known), n=1)
    hint = f"; did you mean `{guess[0]}`?" if guess else ""
    # The unknown id itself is not quoted: it is free text no check has read (a
    # family's name would do), and this message reaches CI logs and the
    # dashboard. The line says where it is.
    return f"the agency named here is not in data/partnership.yaml{hint}"


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    known = ctx.kb.agencies
    if not known:
        return
    for tor in ctx.kb.tors.values():
        seats: list[tuple[tuple[str | int, ...], Seat]] = [(("chair", "agency"), tor.chair)]
        for key in ("co_chair", "vice_chair"):
            seat = getattr(tor, key)
            if seat is not None:
                seats.append(((key, "agency"), seat))
        seats += [(("members", i, "agency"), m) for i, m in enumerate(tor.members)]
        for path, seat in seats:
            if seat.agency is None:
                continue  # the document names no agency (or the office is open)
            if seat.agency not in known and not ctx.kb.lost("partnership", seat.agency):
                yield Problem(
                    tor.source, tor.line_of(*path), unknown_agency(seat.agency, known), tor.id
                )
        for i, agency in enumerate(tor.quorum or []):
            if agency not in known and not ctx.kb.lost("partnership", agency):
                yield Problem(
                    tor.source, tor.line_of("quorum", i), unknown_agency(agency, known), tor.id
                )
