"""Regular expressions written in ``kb.yaml``, run by RE2 (``google-re2``).

A pattern in ``kb.yaml`` comes from whoever edits that file, in a pull request as
much as anyone. Python's own engine backtracks: ``(\\d+)+$`` against a line of
digits takes longer than the age of the universe, and a check would hang. RE2
matches in time linear in the text whatever the pattern, so every pattern a
partnership sets (ANO001's case reference forms, TOR009's superseded terms) is
compiled here. The price is RE2's syntax: no lookaround (``(?=``, ``(?<=``) and
no backreferences (``\\1``); a pattern that needs them, or does not compile, is
rejected when ``kb.yaml`` is validated, so CFG002 reports it at its line and
the check runs with its default patterns.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any

import re2
from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

#: Longer than any pattern a partnership needs; RE2 also bounds the memory a
#: compiled pattern may use (its max_mem, 8 MB by default).
MAX_PATTERN = 500

_OPTIONS = re2.Options()
_OPTIONS.log_errors = False  # RE2 would print each error on stderr as well


def compile_pattern(pattern: str) -> Any:
    """``pattern`` compiled by RE2, or ValueError saying why it cannot be used.

    The result has the methods of ``re.Pattern`` the checks use (``search``,
    ``finditer``, ``pattern``), with match offsets in characters.
    """
    try:
        return re2.compile(pattern, _OPTIONS)
    except re2.error as exc:
        reason = exc.args[0].decode("utf-8", "replace") if exc.args else "not valid"
        raise ValueError(
            f"`{pattern}` is not a regular expression the checker can use ({reason}); "
            "write it in RE2 syntax: no lookaround such as (?=...) or (?<=...), and no "
            "backreferences such as \\1"
        ) from None


def any_of(patterns: Sequence[str]) -> tuple[Any, ...]:
    """One RE2 pattern matching any of ``patterns`` (none for none): one pass
    over a text instead of one per pattern. RE2 has no backreferences and scopes
    inline flags to their group, so joining never changes what each matches."""
    if not patterns:
        return ()
    return (compile_pattern("|".join(f"(?:{p})" for p in patterns)),)


def _usable(pattern: str) -> str:
    # PydanticCustomError rather than ValueError: CFG002 shows the message as it is,
    # without pydantic's "Value error, " in front.
    if len(pattern) > MAX_PATTERN:
        raise PydanticCustomError(
            "pattern_length",
            "the pattern is {length} characters long; at most {limit} are accepted",
            {"length": len(pattern), "limit": MAX_PATTERN},
        )
    try:
        compiled = compile_pattern(pattern)
    except ValueError as exc:
        # The pattern may hold braces ({5,}): pass it as a value, never as the template.
        raise PydanticCustomError("pattern_syntax", "{reason}", {"reason": str(exc)}) from None
    # A pattern that can match nothing at all (`x*`, `^(\w+\s?)*$`, `\b`) would
    # report every text, or every position in it: it is a mistake, not a form.
    if any(m.start() == m.end() for probe in _PROBES for m in compiled.finditer(probe)):
        raise PydanticCustomError(
            "pattern_empty",
            "the pattern `{pattern}` can match empty text, so it would match everywhere; "
            "make it match at least one character",
            {"pattern": pattern},
        )
    return pattern


# Texts on which a pattern that can match empty text shows it.
_PROBES = ("", " ", "a", "A b", "1", "a.")


#: A pattern option in ``kb.yaml``: validated by compiling it with RE2.
UserPattern = Annotated[
    str,
    AfterValidator(_usable),
    Field(description="a regular expression in RE2 syntax (no lookaround or backreferences)"),
]
