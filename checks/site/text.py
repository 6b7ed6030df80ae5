"""Small helpers for writing Markdown and HTML safely."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]|])")
_MD_SPECIAL_BUT_CODE = re.compile(r"([\\*_{}\[\]|])")


def esc(text: object, keep_code: bool = False) -> str:
    """Escape a value from front matter or YAML for use inside Markdown.

    HTML is escaped first so that a title can never inject markup; Markdown's
    own specials are then backslash-escaped so they render literally. With
    ``keep_code``, `backticks` still mark code (checks use them for field names).
    """
    value = html.escape(str(text), quote=False)
    specials = _MD_SPECIAL_BUT_CODE if keep_code else _MD_SPECIAL
    return specials.sub(r"\\\1", value).replace("\n", " ")


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"
