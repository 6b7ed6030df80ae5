"""A file the knowledge base needs is missing.

## What it checks

That `data/partnership.yaml` (the agencies and the nation whose bank holidays
count) and `data/themes.yaml` (the vocabulary of themes) exist.

## Why

Without the partnership file no check can tell who the statutory partners are;
without the vocabulary, no brief's themes can be checked. The checker carries on
with England's bank holidays and reports what it could not check.

## Passing example

A repository with `data/partnership.yaml` and `data/themes.yaml`.

## Failing example

A repository where `data/themes.yaml` was renamed to `data/topics.yaml`.

## Options

None.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.rules._loader import loader_problems
from checks.rules.base import Context, Options

CODE = "KB005"
NAME = "missing-file"
SEVERITY = Severity.ERROR


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    return loader_problems(ctx, CODE)
