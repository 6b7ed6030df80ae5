"""Links from a published page to one that is withheld, taken out before MkDocs reads them.

A withheld page (a draft, an embargoed brief, a page with unsafe markup) is not
in the site, but a published page may still link to it, and its file name is
chosen by its author: "fabricated-illness-kayden.md". MkDocs would print the
link's target in its warning about a missing page, and the page would carry it
in an ``href``. So, before MkDocs sees a page's Markdown, a link whose target
names a withheld page's file keeps its text and loses its target; any other
mention of that file in a link position (a reference definition, an HTML
attribute) becomes ``#``.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from urllib.parse import unquote

#: An inline link or image: ``[text](target "title")``; the text has no brackets.
_INLINE = re.compile(
    r"(!?)\[([^\[\]\n]*)\]\(\s*(<[^<>\n]*>|[^()\s<>]*)(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)"
)
#: Any other place a path can be written: after ``]:`` or inside an attribute's quotes.
_TARGET = re.compile(r"(?P<pre>\]:[ \t]*|=[ \t]*[\"']?|(?<!\])<)(?P<t><[^<>\n]*>|[^\s\"'<>]+)")


def without_hidden_links(markdown: str, page: str, hidden: Iterable[str]) -> str:
    """``markdown`` of docs page ``page`` with every link to a ``hidden`` page
    (docs-relative paths) taken out."""
    hidden = set(hidden)
    if not hidden:
        return markdown
    folder = posixpath.dirname(page)

    def names_hidden(target: str) -> bool:
        path = unquote(re.split(r"[?#]", target.strip("<> \t"), maxsplit=1)[0])
        if not path or "://" in path or path.startswith(("mailto:", "tel:")):
            return False
        path = path.lstrip("/") if path.startswith("/") else posixpath.join(folder, path)
        path = posixpath.normpath(path)
        stem = posixpath.splitext(path)[0]
        # A page is reached by its file ("x.md") or by its address ("x/", "x.html").
        return bool({path, stem + ".md", path + ".md", posixpath.join(path, "index.md")} & hidden)

    def inline(m: re.Match[str]) -> str:
        bang, text, target = m.group(1), m.group(2), m.group(3)
        if not names_hidden(target):
            return m.group(0)
        return "" if bang else text

    def other(m: re.Match[str]) -> str:
        return m.group("pre") + "#" if names_hidden(m.group("t")) else m.group(0)

    return _TARGET.sub(other, _INLINE.sub(inline, markdown))
