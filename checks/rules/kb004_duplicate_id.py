"""Two records share an id that must be unique.

## What it checks

Brief ids, review references, group ids, agency ids, theme ids and action ids
(within a review) must each be unique across all files.

## Why

A register in which two reviews share a reference cannot be audited: a link, an
action or a brief would point at either. The second record is left out.

## Passing example

`LB-2026-01` in one brief, `LB-2026-02` in the next.

## Failing example

Two files in `docs/briefs/` both declaring `id: LB-2026-01`.

## Options

None.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.rules._loader import loader_problems
from checks.rules.base import Context, Options

CODE = "KB004"
NAME = "duplicate-id"
SEVERITY = Severity.ERROR


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    return loader_problems(ctx, CODE)
