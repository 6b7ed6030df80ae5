"""Bounded pages: a long generated page (the action tracker, the register) packed
into pages of a bounded size, with every link to a part of it still arriving.

A partnership's tracker can hold 10,000 actions; on one page that is 6 MB of
HTML, which no browser shows comfortably and no one reads. The page is written
as before, as sections with anchors, and :func:`pack` puts them on the page
itself while they fit and on numbered pages after it (``actions/2.md``...)
once they do not; a section too long for one page is continued on the next,
its table's head repeated. Each page says where it sits and links to the next.

Links to a section are written as if everything were on the first page
(``actions.md#agency-police``): :class:`Anchors` says on which page each anchor
landed, and :meth:`Anchors.resolve` rewrites a link to it, wherever it is.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from checks.reports.markdown import table

#: Markdown per page, before the theme's header, navigation and footer (about
#: 31 KB of HTML): the HTML of a page stays under 60 KB.
BUDGET = 18_000
#: A table cell's HTML (``<td>...</td>`` and its line) beyond its Markdown.
_CELL = 11

_LINK = re.compile(r"\]\((?!https?:|mailto:|tel:|#)([^)\s]+)\)")
_ANCHOR = re.compile(r"\{#([A-Za-z0-9_-]+)\}")
_PACKED = re.compile(r"^(.+)/([2-9]|[1-9][0-9]+)\.md$")


@dataclass
class Section:
    """A heading with an anchor, some text, and a table that may be split."""

    anchor: str
    heading: str  # escaped Markdown
    level: int = 2
    text: str = ""  # Markdown between the heading and the table
    headers: Sequence[str] = ()
    rows: Sequence[Sequence[str]] = ()
    after: str = ""  # Markdown after the table

    def size(self, rows: Iterable[Sequence[str]]) -> int:
        return sum(len(" | ".join(r)) + _CELL * len(r) for r in rows)


def pack(base: str, title: str, first: str, sections: Sequence[Section]) -> dict[str, str]:
    """The pages for generated page ``base`` (``actions.md``): ``first`` (its
    title and summary) and then ``sections``, in order, on as many pages of at
    most :data:`BUDGET` as they need. Links in them are written from ``base``'s
    folder; on the later pages, a folder further down, they are made relative.
    A section without table headers is a list of its rows' first cells."""
    stem = base.removesuffix(".md")
    pages: list[list[str]] = [[first]]
    size = len(first)

    def new_page() -> None:
        nonlocal size
        pages.append([f"# {title} (page {len(pages) + 1})\n"])
        size = 0

    for s in sections:
        head = f"\n{'#' * s.level} {s.heading} {{#{s.anchor}}}\n"
        opening = len(head) + len(s.text) + len(s.after) + s.size(s.rows[:3])
        if size + opening > BUDGET and size > 0:
            new_page()
        pages[-1].append(head + (f"\n{s.text}\n" if s.text else ""))
        size += len(head) + len(s.text)
        rows = list(s.rows)
        while rows:
            take, used = 0, 0
            while take < len(rows):
                row = s.size(rows[take : take + 1])
                if take and size + used + row > BUDGET:
                    break
                used, take = used + row, take + 1
            pages[-1].append(_block(s.headers, rows[:take]))
            size += used
            rows = rows[take:]
            if rows:
                new_page()
                pages[-1].append(f"\n{'#' * s.level} {s.heading} (continued)\n")
        if s.after:
            pages[-1].append(f"\n{s.after}\n")
            size += len(s.after)
    names = [base] + [f"{stem}/{n}.md" for n in range(2, len(pages) + 1)]
    out: dict[str, str] = {}
    # The pager's links, like every other, are written from the first page's folder.
    linked = [posixpath.relpath(name, posixpath.dirname(base) or ".") for name in names]
    for n, (name, parts) in enumerate(zip(names, pages, strict=True)):
        if len(names) > 1:
            parts.append("\n" + _pager(linked, n))
        text = "\n".join(parts)
        out[name] = text if n == 0 else _relative(text)
    return out


def _block(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Rows as a table, or (no headers) as a list of their first cells."""
    if headers:
        return table(headers, rows)
    return "\n" + "\n".join(f"- {row[0]}" for row in rows) + "\n"


def _pager(names: Sequence[str], n: int) -> str:
    """Where this page sits among the pages, with links to the others (written
    from the first page's folder, like every link in the packed pages)."""
    links = [f"**{i}**" if i == n + 1 else f"[{i}]({name})" for i, name in enumerate(names, 1)]
    nav = " · ".join(links) if len(links) <= 30 else _window(links, n)
    more = f" [Next page]({names[n + 1]})" if n + 1 < len(names) else ""
    return f"Page {n + 1} of {len(names)}: {nav}.{more}\n"


def _window(links: Sequence[str], n: int) -> str:
    """First, last and the pages around page ``n`` (zero-based)."""
    keep = sorted({0, len(links) - 1, *range(max(0, n - 5), min(len(links), n + 6))})
    out: list[str] = []
    for i, k in enumerate(keep):
        if i and k != keep[i - 1] + 1:
            out.append("…")
        out.append(links[k])
    return " · ".join(out)


def _relative(text: str) -> str:
    """Links written from the first page's folder, made relative to a later
    page's (``actions/2.md`` is one folder below ``actions.md``)."""
    return _LINK.sub(lambda m: f"](../{m.group(1)})", text)


@dataclass
class Anchors:
    """On which page each anchor of the packed pages landed, by the page it
    would have been on (``actions.md#agency-police`` -> ``actions/3.md``)."""

    moved: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, pages: Mapping[str, str]) -> Anchors:
        """From every generated page (docs path -> Markdown): the anchors on each
        packed page (``actions/2.md``) by the page :func:`pack` made it for."""
        moved: dict[str, str] = {}
        for name, text in pages.items():
            packed = _PACKED.match(name)
            if packed is None or f"{packed.group(1)}.md" not in pages:
                continue
            for anchor in _ANCHOR.findall(text):
                moved.setdefault(f"{packed.group(1)}.md#{anchor}", name)
        return cls(moved)

    def resolve(self, target: str, page: str = "") -> str:
        """``target`` as linked from docs page ``page``, sent to the page its
        anchor is on now (unchanged if it did not move)."""
        path, hash_, anchor = target.partition("#")
        if not hash_:
            return target
        folder = posixpath.dirname(page)
        from_root = posixpath.normpath(posixpath.join(folder, path))
        moved = self.moved.get(f"{from_root}#{anchor}")
        if moved is None:
            return target
        return posixpath.relpath(moved, folder or ".") + "#" + anchor

    def in_markdown(self, markdown: str, page: str) -> str:
        """Every Markdown link in ``markdown`` (on page ``page``) resolved."""
        if not self.moved:
            return markdown
        return _LINK.sub(lambda m: f"]({self.resolve(m.group(1), page)})", markdown)
