"""Shared body of the KB rules, which report what the loader found."""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.findings import Problem
from checks.rules.base import Context


def loader_problems(ctx: Context, code: str) -> Iterator[Problem]:
    for problem_code, problem in ctx.kb.load_problems:
        if problem_code == code:
            yield problem
