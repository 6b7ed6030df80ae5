"""What every check module provides, and the context it runs in."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from types import ModuleType
from typing import Any

from pydantic import BaseModel, ConfigDict

from checks.dates import WorkingCalendar
from checks.findings import Problem, Severity
from checks.kb import KnowledgeBase


class Options(BaseModel):
    """Base for a check's typed options; unknown option names are rejected."""

    model_config = ConfigDict(extra="forbid", frozen=True)


@dataclass(frozen=True, slots=True)
class Context:
    """Everything a check may look at. Checks never read the clock: ``today`` is
    pinned by ``--as-of`` / ``KB_AS_OF`` or taken once by the command."""

    kb: KnowledgeBase
    today: date
    calendar: WorkingCalendar
    warning_days: int
    #: The knowledge base at the base revision (``kb check --base``), for change rules.
    base: KnowledgeBase | None = None


CheckFn = Callable[[Context, Any], Iterator[Problem]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A check, as the registry knows it."""

    code: str
    name: str
    severity: Severity
    options: type[Options]
    check: CheckFn
    doc: str
    module: str

    @property
    def family(self) -> str:
        return self.code.rstrip("0123456789")

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0].strip().rstrip(".")

    @property
    def body(self) -> str:
        """The docstring after its summary line: the rule's documentation page."""
        lines = self.doc.strip().splitlines()[1:]
        return textwrap.dedent("\n".join(lines)).strip()

    @classmethod
    def from_module(cls, module: ModuleType) -> Rule:
        doc = module.__doc__ or ""
        if not doc.strip():
            raise ValueError(f"{module.__name__} has no docstring")
        return cls(
            code=module.CODE,
            name=module.NAME,
            severity=module.SEVERITY,
            options=getattr(module, "Opts", Options),
            check=module.check,
            doc=doc,
            module=module.__name__,
        )
