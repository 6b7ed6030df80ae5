"""A learning brief's search document, written straight from the brief's HTML.

Material's search plugin reads every page with Python's ``HTMLParser`` and makes
a search document per section; the hooks then fold a brief's sections into one
document (``search_index.one_document_per_page``). On a 1,000-brief site that
reading is a twentieth of the build. For the plain HTML a brief's Markdown
becomes (headings, paragraphs, lists, links, emphasis, tables), this module
makes the same folded document directly, following the rules of Material's
``Parser`` step by step:

- a section starts at each heading with an id; its title is the heading's text
  without the permalink;
- ``p``, ``code``, ``li``, ``ol``, ``ul``, ``sub`` and ``sup`` are kept as bare
  tags; every other tag is dropped, its text kept;
- text is unescaped and escaped again (``&``, ``<`` and ``>`` only); a newline
  in text becomes a space, and a run of whitespace-only text between tags
  becomes one space;
- an element is dropped if nothing but whitespace follows the section's first
  element of its kind (Material looks the opening tag up with ``list.index``).

Anything else (preformatted text, scripts, elements excluded from search,
headings inside other elements, markup it cannot read) returns None, and the
page goes through Material's own parser instead. A test holds the two to the
same output for the example's briefs and for generated Markdown.
"""

from __future__ import annotations

import re
from html import escape, unescape
from typing import Any

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: Tags Material keeps in a search document's text.
KEEP = frozenset({"p", "code", "li", "ol", "ul", "sub", "sup"})
#: Material's void tags that can appear in a brief (they open no element).
VOID = frozenset({"br", "hr", "img", "wbr"})
#: Everything this module reads; any other tag sends the page to Material.
SIMPLE = (
    HEADINGS
    | KEEP
    | VOID
    | frozenset(
        {
            "a",
            "abbr",
            "b",
            "blockquote",
            "del",
            "em",
            "i",
            "ins",
            "mark",
            "small",
            "span",
            "strong",
            "table",
            "tbody",
            "td",
            "th",
            "thead",
            "tr",
        }
    )
)
_TOKEN = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>|([^<]+)|(<)")
_ID = re.compile(r"""\sid=["']?([^"'\s>]+)""")
_NOT_SIMPLE = ("data-search-exclude", "linenodiv")
#: Material skips text in an ``<a>`` whose class is exactly "headerlink".
_PERMALINK = re.compile(r"""\sclass=(?:"headerlink"|'headerlink'|headerlink(?=[\s/]|$))""")


class _Section:
    __slots__ = ("text", "title")

    def __init__(self) -> None:
        self.title: list[str] = []
        self.text: list[str] = []


def _close(items: list[str], tag: str) -> None:
    """Material's handling of a kept element's end tag, to the letter."""
    index = items.index(f"<{tag}>")
    for i in range(index + 1, len(items)):
        if not items[i].isspace():
            items.append(f"</{tag}>")
            return
    del items[index:]


def _sections(html: str) -> list[_Section] | None:
    if not html.startswith("<h1") or any(word in html for word in _NOT_SIMPLE):
        return None
    sections: list[_Section] = []
    context: list[str] = []
    heading: str | None = None  # the open heading's tag
    permalink = 0  # open <a class="headerlink"> elements
    for match in _TOKEN.finditer(html):
        end, tag, attrs, data, stray = match.groups()
        if data is not None:
            if not sections:
                return None
            if "&" in data:
                data = unescape(data)
            data = " " if data.isspace() else data.replace("\n", " ")
            section = sections[-1]
            if heading is not None:
                if not permalink:
                    section.title.append(escape(data, quote=False))
            elif data.isspace():
                if not section.text or not section.text[-1].isspace():
                    section.text.append(data)
            else:
                section.text.append(escape(data, quote=False))
            continue
        if stray is not None:
            return None
        tag = tag.lower()
        if tag not in SIMPLE:
            return None
        if not end:
            if tag in VOID:
                continue
            if tag in HEADINGS:
                if context or not _ID.search(attrs):
                    return None
                sections.append(_Section())
                heading = tag
            elif not sections:
                return None
            context.append(tag)
            if tag == "a" and _PERMALINK.search(attrs):
                permalink += 1
            if tag in KEEP:
                target = sections[-1].title if heading is not None else sections[-1].text
                target.append(f"<{tag}>")
            continue
        if tag in VOID:
            continue
        if not context or context[-1] != tag:
            return None
        context.pop()
        if tag == "a" and permalink and "a" not in context:
            permalink = 0
        if tag in KEEP:
            _close(sections[-1].title if heading is not None else sections[-1].text, tag)
        if tag == heading:
            heading = None
    if context or not sections:
        return None
    return sections


def brief_search_document(
    html: str, url: str, page_title: str, tags: object = None
) -> dict[str, Any] | None:
    """The one search document for a brief's page ``html`` at ``url``, as
    Material's parser and the fold would make it; None if the HTML is not plain
    enough to be sure (the caller then leaves the page to Material)."""
    sections = _sections(html)
    if sections is None:
        return None
    head, *rest = sections
    title = "".join(head.title).strip() if head.title else page_title
    text = "".join(head.text).strip()
    for section in rest:
        sub = "".join(section.title).strip() if section.title else page_title
        text = f"{text}\n<h2>{sub}</h2>\n{''.join(section.text).strip()}"
    document: dict[str, Any] = {"location": url, "title": title, "text": text}
    if isinstance(tags, list):
        document["tags"] = [
            str(name) for name in tags if name and isinstance(name, (str, int, float, bool))
        ]
    return document
