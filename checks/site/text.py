"""Small helpers for writing Markdown and HTML safely."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]|])")


def esc(text: object) -> str:
    """Escape a value from front matter or YAML for use inside Markdown.

    HTML is escaped first so that a title can never inject markup; Markdown's
    own specials are then backslash-escaped so they render literally.
    """
    value = html.escape(str(text), quote=False)
    return _MD_SPECIAL.sub(r"\\\1", value).replace("\n", " ")


def esc_message(text: str) -> str:
    """Like :func:`esc`, but keeps `backticks`: checks use them to mark field names."""
    value = html.escape(text, quote=False)
    return re.sub(r"([\\*_{}\[\]|])", r"\\\1", value).replace("\n", " ")


def attr(text: object) -> str:
    return html.escape(str(text), quote=True)


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def anchor(ref: str) -> str:
    return ref.lower()


def rel(from_uri: str, to_uri: str) -> str:
    """A relative link from one docs file to another, for Markdown links."""
    up = from_uri.count("/")
    return "../" * up + to_uri


def plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n} {word if n == 1 else (words or word + 's')}"
