"""An action plan names a review that is not in the register.

## What it checks

The `review` at the top of every file in `data/actions/` must be the reference of
a review in `data/reviews.yaml`.

## Why

Every action must trace back to the review and recommendation it came from: that
is what makes the tracker evidence of learning rather than a to-do list.

## Passing example

```yaml
review: CSPR-2025-02   # listed in data/reviews.yaml
```

## Failing example

```yaml
review: CSPR-2025-20
```

## Options

None.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.rules.base import Context, Options

CODE = "ACT004"
NAME = "act-unknown-review"
SEVERITY = Severity.ERROR
NEEDS = ("reviews",)


def unknown_review(ref: str, known: list[str]) -> str:
    guess = difflib.get_close_matches(ref, known, n=1)
    hint = f"; did you mean {guess[0]}?" if guess else ""
    return f"the review {ref} is not in data/reviews.yaml{hint}"


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    known = sorted(ctx.kb.reviews)
    for plan in ctx.kb.plans:
        if plan.review not in ctx.kb.reviews and not ctx.kb.lost("reviews", plan.review):
            yield Problem(
                plan.source, plan.line_of("review"), unknown_review(plan.review, known), plan.review
            )
