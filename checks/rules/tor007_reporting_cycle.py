"""The reporting lines between groups form a loop.

## What it checks

Following `reports_to` from any group must end at a group that reports to no one
(usually the executive), never come back to where it started.

## Why

A loop (A reports to B, B reports to A) means neither group's work reaches the
partnership's leaders, and the governance map cannot be drawn.

## Passing example

`case-review` reports to `executive`; `executive` has no `reports_to`.

## Failing example

`case-review` reports to `practice`, and `practice` reports to `case-review`.

## Options

None.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.rules.base import Context, Options

CODE = "TOR007"
NAME = "tor-reporting-cycle"
SEVERITY = Severity.ERROR

#: What a finding keeps off the site (read by checks.site.build): its page.
WITHHOLDS = frozenset({"page"})


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    tors = ctx.kb.tors
    reported: set[frozenset[str]] = set()
    for start in sorted(tors):
        path = [start]
        current = tors[start].reports_to
        while current is not None and current in tors and current not in path:
            path.append(current)
            current = tors[current].reports_to
        if current is None or current not in path:
            continue
        loop = path[path.index(current) :]
        key = frozenset(loop)
        if key in reported:
            continue
        reported.add(key)
        first = tors[loop[0]]
        chain = " → ".join(ctx.kb.group_name(g) for g in [*loop, loop[0]])
        yield Problem(
            first.source,
            first.line_of("reports_to"),
            f"the reporting lines form a loop ({chain}); one of these groups should report "
            "to the executive instead",
            first.id,
        )
