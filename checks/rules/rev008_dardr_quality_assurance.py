"""A domestic abuse related death review was published without Home Office quality assurance.

## What it checks

For each review of kind `dardr` with a `published_on` date: that the register
records `quality_assured_on`, the date the Home Office quality assurance panel
agreed the report could be published, on or before publication.

## Why

Under the Domestic Violence, Crime and Victims Act 2004 (s.9), a domestic abuse
related death review (formerly a domestic homicide review) goes to the Home
Office quality assurance panel before it is published. A report published
without that agreement, or before it, is a breach an inspector will ask about.

## Passing example

```yaml
kind: dardr
quality_assured_on: 2026-03-12
published_on: 2026-04-02
```

## Failing example

```yaml
kind: dardr
published_on: 2026-04-02
```

## Options

- `kinds` (default `[dardr]`): the kinds of review that need the Home Office's
  agreement before publication.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.rules.base import Context, Options

CODE = "REV008"
NAME = "rev-dardr-quality-assurance"
SEVERITY = Severity.ERROR
NEEDS = ("reviews",)


class Opts(Options):
    kinds: tuple[str, ...] = ("dardr",)


def check(ctx: Context, options: Opts) -> Iterator[Problem]:
    for review in ctx.kb.reviews.values():
        published, assured = review.published_on, review.quality_assured_on
        if review.kind not in options.kinds or published is None:
            continue
        if assured is None:
            yield Problem(
                review.source,
                review.line_of("published_on"),
                f"the report was published on {published} with no Home Office quality "
                "assurance recorded; add `quality_assured_on: YYYY-MM-DD`, the date the "
                "panel agreed it could be published",
                review.ref,
            )
        elif assured > published:
            yield Problem(
                review.source,
                review.line_of("quality_assured_on"),
                f"the report was published on {published}, before the Home Office quality "
                f"assured it on {assured}; a review is published only once the panel agrees",
                review.ref,
            )
