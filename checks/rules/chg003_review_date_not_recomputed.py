"""A newly approved ToR kept its old next review date.

## What it checks

Runs only with `kb check --base REV`. When a ToR is approved again (its
`approved_on` changed and its status is `approved`), its next review date must be
recomputed from the new approval date: with `review_cycle`, it is exactly that
long after approval; with only `next_review`, it must be the approval date plus
the default cycle (12 months).

## Why

The review cycle runs from approval. Keeping the old date after a re-approval
either brings the next review forward for no reason or, more often, leaves the
date that has just been met, so the ToR shows as lapsed again at once.

## Passing example

`approved_on: 2026-11-20` and `next_review: 2027-11-20`.

## Failing example

`approved_on` changes to `2026-11-20` and `next_review` stays `2026-10-14`.

## Options

- `default_cycle` (default `12 months`): the cycle when the ToR gives none.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.model.working_days import Duration
from checks.rules.base import Context, Options

CODE = "CHG003"
NAME = "review-date-not-recomputed"
SEVERITY = Severity.ERROR


class Opts(Options):
    default_cycle: str = "12 months"


def check(ctx: Context, options: Opts) -> Iterator[Problem]:
    if ctx.base is None:
        return
    default = Duration.parse(options.default_cycle)
    for gid, new in ctx.kb.tors.items():
        old = ctx.base.tors.get(gid)
        if old is None or new.status != "approved" or new.approved_on is None:
            continue
        if old.approved_on == new.approved_on or new.next_review is None:
            continue
        expected = (new.review_cycle or default).after(new.approved_on)
        if new.next_review != expected:
            yield Problem(
                new.source,
                new.line_of("next_review"),
                f"the ToR was approved again on {new.approved_on}, so its next review is "
                f"{expected} ({new.review_cycle or default} later), not {new.next_review}",
                gid,
            )
