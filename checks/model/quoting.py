"""How a message repeats a value it could not accept.

Words are never repeated. A value in the wrong field can be a name (a child's,
typed into a pseudonym or a date field), and a finding's message reaches CI logs
and annotations that outlive the branch it was written on. Numbers, dates and
symbols are repeated, so that the author sees the mistake.

A key the reader does not know is a contributor's words too ("Rosalind
Verhoeven: ..."), and a name can be one letter from a key ("statius" for
``status``), so an unknown key is never repeated: the message gives its line
and the accepted key it is closest to.
"""

from __future__ import annotations

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


def key_shown(key: object, accepted: Iterable[str]) -> str | None:
    """``key`` if it may be repeated (one of ``accepted``, written exactly), else None."""
    text = str(key)
    return text if text in set(accepted) else None
