"""Findings: the one record every check, loader and reporter shares.

Checks never print. They yield :class:`Problem` records; the engine stamps each
with its rule's code and configured severity to make a :class:`Finding`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    """How much a finding matters. ``error`` fails ``kb check``; ``warning`` fails it
    only with ``--strict``; ``info`` never fails it."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True, slots=True)
class Problem:
    """What a check found, before the engine gives it a code and a severity."""

    file: str
    line: int
    message: str
    subject: str = ""
    #: the exact text found, where a check finds text (suppressions can name it)
    match: str = ""


@dataclass(frozen=True, slots=True, order=True)
class Finding:
    """One finding: immutable, comparable, and sortable by file then line."""

    file: str
    line: int
    code: str
    severity: Severity = field(compare=False)
    message: str = field(compare=False)
    subject: str = field(default="", compare=False)
    match: str = field(default="", compare=False)
    #: about an unpublished file, and so told without its name or content
    #: (checks.rules.redaction); the site leaves it out altogether
    withheld: bool = field(default=False, compare=False)

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "file": self.file,
            "line": self.line,
            "subject": self.subject,
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class Counts:
    errors: int
    warnings: int
    infos: int

    @classmethod
    def of(cls, findings: Iterable[Finding]) -> Counts:
        e = w = i = 0
        for f in findings:
            if f.severity is Severity.ERROR:
                e += 1
            elif f.severity is Severity.WARNING:
                w += 1
            else:
                i += 1
        return cls(e, w, i)

    def describe(self) -> str:
        def n(count: int, word: str) -> str:
            return f"{count} {word}{'' if count == 1 else 's'}"

        return ", ".join(
            [n(self.errors, "error"), n(self.warnings, "warning"), n(self.infos, "info")]
        )
