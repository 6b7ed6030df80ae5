"""A meeting names a group or agency that does not exist.

## What it checks

A meeting's `group` is the id of a group with a ToR, and each agency in
`present` is an agency in `data/partnership.yaml`.

## Why

Quorum and frequency are checked against the group's ToR and its agencies; a
misspelt id means the meeting is never checked at all.

## Passing example

```yaml
group: case-review
present: [council, icb, police]
```

## Failing example

```yaml
group: case-reveiw
```

## Options

None.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.rules.base import Context, Options
from checks.rules.tor010_unknown_agency import unknown_agency

CODE = "MTG005"
NAME = "meeting-unknown-reference"
SEVERITY = Severity.ERROR
NEEDS = ("tors", "partnership")


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    known = ctx.kb.agencies
    for meeting in ctx.kb.meetings:
        subject = f"{meeting.group}@{meeting.date}"
        if meeting.group not in ctx.kb.tors and not ctx.kb.lost("tors", meeting.group):
            yield Problem(
                meeting.source,
                meeting.line_of("group"),
                f"the group `{meeting.group}` has no ToR; known groups: " + ctx.kb.known_groups(),
                subject,
            )
        for i, agency in enumerate(meeting.present):
            if known and agency not in known and not ctx.kb.lost("partnership", agency):
                yield Problem(
                    meeting.source,
                    meeting.line_of("present", i),
                    unknown_agency(agency, known),
                    subject,
                )
