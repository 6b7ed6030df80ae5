"""Markdown that shows a value literally: for the site's pages and `kb diff`'s summary."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]|])")
_CODE_SPAN = re.compile(r"`[^`\n]+`")


def esc(text: object, keep_code: bool = False) -> str:
    """Escape a value from front matter or YAML for use inside Markdown.

    HTML is escaped first so that a title can never inject markup; Markdown's
    own specials are then backslash-escaped so they render literally. With
    ``keep_code``, a `code span` (checks mark field names so) is kept as it is:
    Markdown shows a code span's text literally and escapes its HTML itself, so
    escaping it here would show the backslashes. A backtick without its pair is
    escaped like any other special.
    """
    value = str(text).replace("\n", " ")
    if not keep_code:
        return _plain(value)
    out, start = [], 0
    for span in _CODE_SPAN.finditer(value):
        out += [_plain(value[start : span.start()]), span.group(0)]
        start = span.end()
    out.append(_plain(value[start:]))
    return "".join(out)


def _plain(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"
