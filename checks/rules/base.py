"""What every check module provides, and the context it runs in."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from types import ModuleType
from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator
from pydantic_core import PydanticCustomError

from checks.model.findings import Problem, Severity
from checks.model.knowledge_base import SOURCES, KnowledgeBase, Unloaded
from checks.model.working_days import WorkingCalendar

#: The largest whole-number option. Every one is a count (days, months, working
#: days, a depth), and each is added to a date or drives a loop: a value such as
#: 10**20 would overflow the date or run for ever.
MAX_COUNT = 3660


class Options(BaseModel):
    """Base for a check's typed options; unknown option names are rejected, and
    whole numbers must lie between 0 and :data:`MAX_COUNT`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    @field_validator("*", mode="after")
    @classmethod
    def _bounded(cls, value: Any) -> Any:
        if any(not 0 <= n <= MAX_COUNT for n in _whole_numbers(value)):
            raise PydanticCustomError(
                "count_range", "should be a whole number from 0 to {limit}", {"limit": MAX_COUNT}
            )
        return value


def _whole_numbers(value: Any) -> Iterator[int]:
    """The whole numbers in an option's value, also inside a mapping (REV003's
    months per kind of review) or a list."""
    if isinstance(value, bool):
        return
    if isinstance(value, int):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _whole_numbers(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _whole_numbers(item)


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
    #: The base revision as given (``--base REV``), so CHG005 can ask git which
    #: files changed; None when the base was not read from git.
    base_rev: str | None = None
    #: The checks of this run that could not run, and what did not load to stop them.
    not_run: dict[str, list[Unloaded]] = field(default_factory=dict)


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
    #: The records the check needs whole (see checks.model.knowledge_base.SOURCES): while any of
    #: them did not load it does not run, and KB008 says so, rather than take
    #: a missing record for an absent one. An entry lost whose id is known
    #: does not stop it; a check that looks ids up skips that id
    #: (``kb.lost(source, id)``).
    needs: tuple[str, ...] = ()

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
            needs=_needs(module),
        )

    def blocked_by(self, kb: KnowledgeBase) -> list[Unloaded]:
        """What did not load that stops this check from running."""
        return [u for u in kb.unloaded_from(*self.needs) if u.blocks]


def _needs(module: ModuleType) -> tuple[str, ...]:
    needs = tuple(getattr(module, "NEEDS", ()))
    unknown = [n for n in needs if n not in SOURCES]
    if unknown:
        raise ValueError(f"{module.__name__}: NEEDS names unknown sources {unknown}")
    return needs
