"""A brief names a source review that is not in the register.

## What it checks

A brief's `review` must be the reference of a review in `data/reviews.yaml`.

## Why

The brief links to its review's register entry, so a reader can see how current
the learning is and what actions followed. A wrong reference links to nothing.

## Passing example

```yaml
review: CSPR-2025-02
```

## Failing example

```yaml
review: CSPR-2025-2
```

## Options

None.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.rules.act004_unknown_review import unknown_review
from checks.rules.base import Context, Options

CODE = "BRF003"
NAME = "brief-unknown-review"
SEVERITY = Severity.ERROR
NEEDS = ("reviews",)


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    known = sorted(ctx.kb.reviews)
    for brief in ctx.kb.briefs.values():
        if brief.review not in ctx.kb.reviews and not ctx.kb.lost("reviews", brief.review):
            yield Problem(
                brief.source, brief.line_of("review"), unknown_review(brief.review, known), brief.id
            )
