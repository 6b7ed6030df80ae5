"""A ToR does not state a fact every ToR should.

## What it checks

Each fact listed under a ToR's `not_stated` (as `kb import tor` writes it for
what the document does not say): its quorum, how often it meets, its chair,
its members, its review date, its version, whether and when it was approved
(`kb import tor` never marks a document approved that does not say so: it
writes `status: proposed` and lists `status`), its reporting line, its
deadlines for papers and minutes. It also reports a chair, co-chair
or vice-chair whose office is `to be decided`, and an approved ToR with no
approval date. A missing review date of an approved or proposed ToR is left to
TOR003.

## Why

A fact the document does not state must not be filled with a default: a ToR
that names no quorum is not quorate when the three statutory partners attend,
it has no quorum at all, and whoever approves the next version must decide one.
Working Together 2023 expects the partners' arrangements to say how decisions
are taken; inspectors read the ToR for who chairs, who must be present and how
often the group meets.

## Passing example

```yaml
chair: {agency: council, role: Director of Children's Services}
quorum: [council, icb, police]
frequency: monthly
```

## Failing example

```yaml
frequency: not stated
not_stated: [quorum, frequency]
```

TOR011: the ToR does not state its quorum (who must be present for decisions);
agree one and add `quorum: [agency ids]`, then take quorum off `not_stated`.

## Options

None.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.rules.base import Context, Options

CODE = "TOR011"
NAME = "tor-fact-not-stated"
SEVERITY = Severity.WARNING

WHAT = {
    "title": ("its title", "`title:`"),
    "status": (
        "that it was approved (so it is not taken as in force)",
        "`status: approved` with `approved_on` and `approved_by`",
    ),
    "version": ("its version number", '`version: "1.0"`'),
    "approved_on": ("when it was approved", "`approved_on: YYYY-MM-DD`"),
    "approved_by": ("who approved it", "`approved_by:` and the group's id"),
    "next_review": ("when it is next reviewed", "`next_review: YYYY-MM-DD`"),
    "chair": ("who chairs the group", "`chair: {agency: ..., role: ...}`"),
    "members": ("its members", "`members:` with a seat for each agency"),
    "quorum": ("its quorum (who must be present for decisions)", "`quorum: [agency ids]`"),
    "frequency": ("how often the group meets", "`frequency:` such as monthly or quarterly"),
    "papers_days": ("how soon before a meeting papers go out", "`papers_days: 5`"),
    "minutes_within": ("how soon after a meeting minutes go out", "`minutes_within:`"),
    "reports_to": ("which group it reports to", "`reports_to:` and the group's id"),
    "purpose": ("the group's purpose", "a Purpose section"),
}


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    for tor in ctx.kb.tors.values():
        if tor.status == "superseded":
            continue
        for i, fact in enumerate(tor.not_stated):
            if fact == "next_review" and tor.status in ("approved", "proposed"):
                continue  # TOR003 reports a missing review date
            what, add = WHAT[fact]
            yield Problem(
                tor.source,
                tor.line_of("not_stated", i),
                f"the ToR does not state {what}; agree it and add {add}, then take "
                f"{fact} off `not_stated`",
                tor.id,
            )
        for key in ("chair", "co_chair", "vice_chair"):
            seat = getattr(tor, key)
            if seat is not None and seat.office == "to be decided":
                yield Problem(
                    tor.source,
                    tor.line_of(key),
                    f"the {key.replace('_', '-')} is to be decided; record who holds the "
                    "office once it is filled",
                    tor.id,
                )
