"""How a message repeats a value it could not accept.

Words are never repeated. A value in the wrong field can be a name (a child's,
typed into a pseudonym or a date field), and a finding's message reaches CI logs
and annotations that outlive the branch it was written on. Numbers, dates and
symbols are repeated, so that the author sees the mistake.

A key the reader does not know is a contributor's words too ("Rosalind
Verhoeven: ..."), so it is named only when it is a mistyped key: written as
keys are, and close to one that is accepted (``publsh_on``). Any other is "a
key" at its line, which the message gives.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

_WORD = re.compile(r"[^\W\d_]{2,}")


def has_words(value: object) -> bool:
    return bool(_WORD.search(str(value)))


def shown(value: object, limit: int = 40) -> str:
    """The value in quotes (the start of a long one), or "the value given"."""
    text = str(value)
    if has_words(text):
        return "the value given"
    return "'" + (text if len(text) <= limit else text[:limit] + "…") + "'"


_KEY_SHAPE = re.compile(r"[a-z][a-z0-9_-]{0,39}")
#: How close to an accepted key an unknown one must be to be named (difflib's
#: ratio): a slip of a letter or two in a key, and no given name ("stasia" is
#: 0.67 from "status").
_CLOSE = 0.8


def key_shown(key: object, accepted: Iterable[str]) -> str | None:
    """``key`` if it may be repeated (an accepted key, or a mistyped one), else None."""
    text = str(key)
    known = list(accepted)
    if text in known:
        return text
    if not _KEY_SHAPE.fullmatch(text):
        return None
    return text if difflib.get_close_matches(text, known, n=1, cutoff=_CLOSE) else None
