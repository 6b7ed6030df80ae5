"""A file in `data/` is in a place the checker does not read.

## What it checks

`data/` holds `partnership.yaml`, `themes.yaml`, `reviews.yaml`, and the folders
`actions/` and `meetings/`. Any other YAML file or folder there is reported.

## Why

Nothing is silently dropped: an action plan saved as `data/actions.yaml` instead
of `data/actions/CSPR-2025-01.yaml` would otherwise never be checked, and its
overdue actions would never be seen.

## Passing example

`data/actions/CSPR-2025-01.yaml`

## Failing example

`data/action-plan-cspr-2025-01.yaml`

## Options

None.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.rules._loader import loader_problems
from checks.rules.base import Context, Options

CODE = "KB006"
NAME = "unexpected-file"
SEVERITY = Severity.WARNING


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    return loader_problems(ctx, CODE)
