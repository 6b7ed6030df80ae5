"""Reading the structure of Markdown pages with markdown-it-py.

Only block structure is needed (headings and where they are), so the inline
rules are switched off: that makes parsing a brief several times faster.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from checks.model.knowledge_base import Heading

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

FRONT_MATTER_FENCE = "---"


@dataclass(frozen=True, slots=True)
class Split:
    """A Markdown file split into front matter and body."""

    front: str | None  # the YAML text between the fences, or None
    front_line: int  # file line of the first front matter line
    body: str
    body_line: int  # file line of the first body line


def split_front_matter(text: str) -> Split:
    """Split ``---`` fenced YAML front matter from the Markdown body."""
    if not text.startswith(FRONT_MATTER_FENCE + "\n"):
        return Split(None, 1, text, 1)
    end = _closing_fence(text)
    if end is None:
        return Split(None, 1, text, 1)
    front_end, body_start = end
    front = text[len(FRONT_MATTER_FENCE) + 1 : front_end]
    body_line = text.count("\n", 0, body_start) + 1
    return Split(front, 2, text[body_start:], body_line)


_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)


def _closing_fence(text: str) -> tuple[int, int] | None:
    m = _FENCE.search(text, len(FRONT_MATTER_FENCE) + 1)
    if m is None:
        return None
    end = m.end()
    if end < len(text) and text[end] == "\n":
        end += 1
    return m.start(), end


@cache
def _parser() -> MarkdownIt:
    # Imported here: a run whose pages all come from the cache never parses Markdown.
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark")
    md.disable(["inline", "text_join"], ignoreInvalid=True)
    return md


#: Line starts that may open a block which holds or hides headings (a fence,
#: HTML, a block quote) or make the line before a heading (a setext underline).
_FENCE_START = ("```", "~~~")
_UNDERLINE = re.compile(r"[=-][ =-]*")
_LIST_ITEM = re.compile(r"(?:[-+*]|\d{1,9}[.)])(?: +|$)")
_ATX = re.compile(r"(#{1,6})(?: |$)")


def _plain_headings(body: str, body_line: int) -> list[Heading] | None:
    """The headings of a page whose every heading is an ATX line (``# Title``)
    outside any container, or None if the page has anything that could make or
    hide a heading otherwise: fences, HTML blocks, block quotes, setext
    underlines, indented code, tabs, or a list item that starts with a block.

    Most pages are that plain, and reading them line by line is many times
    faster than markdown-it; a property test holds the two to the same answer.
    """
    if "\t" in body or "\r" in body or "\0" in body:
        return None
    found: list[Heading] = []
    for number, line in enumerate(body.split("\n")):
        text = line.lstrip(" ")
        if not text:
            continue
        if len(line) - len(text) > 3:
            return None  # indented code, or a list item's continuation
        first = text[0]
        if first == "#":
            atx = _ATX.match(text)
            if atx is None:
                continue  # "#hashtag", or more than six: a paragraph
            # markdown-it's tail cutting: trailing spaces, then a closing run of
            # "#" if a space (or nothing) comes before it.
            content = text[atx.end() :].rstrip(" ")
            bare = content.rstrip("#")
            if len(bare) < len(content) and (not bare or bare[-1] == " "):
                content = bare
            found.append(Heading(len(atx.group(1)), content.strip(), number + body_line))
        elif first in "<>" or text.startswith(_FENCE_START) or _UNDERLINE.fullmatch(text):
            return None
        elif first in "-+*0123456789":
            item = _LIST_ITEM.match(text)
            if item is None:
                continue  # a paragraph ("2020 was...", "*Emphasis*")
            rest = text[item.end() :]
            if not rest or rest[0] in "#<>`~-+*=" or _LIST_ITEM.match(rest):
                return None  # an empty item, or one that opens a block
    return found


def headings(body: str, body_line: int = 1) -> list[Heading]:
    """Every ATX or setext heading in ``body``, with its line in the file."""
    plain = _plain_headings(body, body_line)
    if plain is not None:
        return plain
    tokens = _parser().parse(body)
    found: list[Heading] = []
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open" and tok.map is not None:
            text = tokens[i + 1].content.strip()
            found.append(Heading(int(tok.tag[1]), text, tok.map[0] + body_line))
    return found


_NUMBERING = re.compile(r"^\s*(?:part\s+)?\d+\s*[.:)\-–—]?\s*", re.I)


def normalise_heading(text: str) -> str:
    """'3. Key Findings' -> 'key findings', for matching configured headings."""
    text = _NUMBERING.sub("", text)
    text = re.sub(r"[*_`]", "", text)
    return " ".join(text.lower().split()).rstrip(":?.")


def code_lines(body: str) -> set[int]:
    """0-based lines of ``body`` inside fenced or indented code blocks."""
    lines: set[int] = set()
    if not _may_have_code(body):
        return lines
    for tok in _parser().parse(body):
        if tok.type in ("fence", "code_block") and tok.map is not None:
            lines.update(range(tok.map[0], tok.map[1]))
    return lines


def _may_have_code(body: str) -> bool:
    # Fences or indented blocks; a body with neither cannot hold code, and skipping
    # the parse matters at a thousand briefs.
    return "```" in body or "~~~" in body or "\n    " in body or body.startswith("    ")
