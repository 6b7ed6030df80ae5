"""An action has no owner agency, or an owner the partnership does not know.

## What it checks

Every action has an `owner` with an `agency` that is an id in
`data/partnership.yaml`, and a `role`.

## Why

An action owned by nobody is done by nobody. SMART actions name who is
accountable, so the case review group knows whom to ask and the tracker can be
read by agency.

## Passing example

```yaml
owner: {agency: icb, role: Designated Nurse}
```

## Failing example

```yaml
owner: {role: Designated Nurse}
```

## Options

None.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.rules.base import Context, Options
from checks.rules.tor010_unknown_agency import unknown_agency

CODE = "ACT003"
NAME = "act-no-owner"
SEVERITY = Severity.ERROR
NEEDS = ("partnership",)


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    known = ctx.kb.agencies
    for plan, action in ctx.kb.actions():
        subject = f"{plan.review}/{action.id}"
        if action.owner is None or action.owner.agency is None:
            yield Problem(
                action.source,
                action.line_of("owner") if action.owner else action.line_of("id"),
                f"action {action.id} has no owner agency; add `owner: {{agency: ..., role: ...}}`",
                subject,
            )
        elif (
            known
            and action.owner.agency not in known
            and not ctx.kb.lost("partnership", action.owner.agency)
        ):
            yield Problem(
                action.source,
                action.line_of("owner", "agency"),
                f"action {action.id}: {unknown_agency(action.owner.agency, known)}",
                subject,
            )
