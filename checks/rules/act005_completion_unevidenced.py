"""A completed or closed action lacks its date, evidence or reason.

## What it checks

- A `complete` action has `completed_on` and `evidence`.
- A `closed` action (closed without being completed) has a `reason`.

## Why

"Complete" without evidence is an assertion, not assurance. The case review
group and inspectors need to see what was done and when; an action dropped
without completion needs its reason on record.

## Passing example

```yaml
status: complete
completed_on: 2026-06-30
evidence: Audit of 40 strategy discussions, June 2026
```

## Failing example

```yaml
status: complete
```

## Options

None.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.rules.base import Context, Options

CODE = "ACT005"
NAME = "act-completion-unevidenced"
SEVERITY = Severity.ERROR


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    for plan, action in ctx.kb.actions():
        subject = f"{plan.review}/{action.id}"
        if action.status == "complete":
            missing = [f for f in ("completed_on", "evidence") if not getattr(action, f)]
            if missing:
                yield Problem(
                    action.source,
                    action.line_of("status"),
                    f"action {action.id} is complete but has no "
                    + " and no ".join(f"`{m}`" for m in missing)
                    + "; record when it was done and what shows it",
                    subject,
                )
        elif action.status == "closed" and not action.reason:
            yield Problem(
                action.source,
                action.line_of("status"),
                f"action {action.id} was closed without completion but has no `reason`",
                subject,
            )
