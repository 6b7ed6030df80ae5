"""A page nests block quotes, lists or HTML blocks too deeply to publish safely.

## What it checks

Block quotes (`>`) nested more than 20 deep, lines indented more than 80
spaces (lists nested about 20 deep or more), lines with more than 100 `[`
(link brackets, which the Markdown renderer matches in time that grows much
faster than the line), or HTML blocks whose content is read as Markdown
(`<div markdown="1">`) nested more than 20 deep, outside code blocks.

## Why

No real page needs that depth, and Markdown renderers walk nested blocks
recursively: a page with thousands of levels can stop the whole site build. The
page is left out of the site until it is fixed, so the rest still publishes.

## Passing example

```markdown
> A quotation
> > quoted in a reply
```

## Failing example

A line starting with 5,000 `>` characters.

## Options

- `max_quote_depth` (default 20).
- `max_indent` (default 80).
- `max_brackets` (default 100), per line.
- `max_html_depth` (default 20): HTML blocks read as Markdown, one inside another.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.rules.base import Context, Options

CODE = "SEC003"
NAME = "deep-nesting"
SEVERITY = Severity.ERROR

#: What a finding keeps off the site (read by checks.site.build): its page.
WITHHOLDS = frozenset({"page"})

_QUOTES = re.compile(r"^(?:\s{0,3}>)+")
#: An HTML tag that opens a block read as Markdown, or any closing tag. (Each scan
#: stops at the next `<`, so a line of many `<` is read in time in proportion to it.)
_MARKDOWN_BLOCK = re.compile(
    r"<(?P<open>[A-Za-z][\w-]*)\b[^<>]*?\bmarkdown\b[^<>]*>|</(?P<close>[A-Za-z][\w-]*)\s*>"
)


class Opts(Options):
    max_quote_depth: int = 20
    max_indent: int = 80
    max_brackets: int = 100
    max_html_depth: int = 20


def deep_pattern(quotes: int, indent: int) -> re.Pattern[str]:
    """A line that opens ``quotes`` nested quotes or is indented ``indent`` or more."""
    return re.compile(rf"^(?:\s{{0,3}}>){{{quotes}}}|^[ \t]{{{indent}}}", re.M)


def may_be_deep(body: str, quotes: int, indent: int) -> bool:
    """A cheap necessary condition for ``quotes`` nested quotes or an ``indent``:
    enough `>` characters, or a run of spaces (or any tab). Most pages have neither,
    and the line-anchored pattern is slow over a thousand pages."""
    return body.count(">") >= quotes or " " * indent in body or "\t" in body


def check(ctx: Context, options: Opts) -> Iterator[Problem]:
    quotes, indent = options.max_quote_depth + 1, options.max_indent + 1
    deep = deep_pattern(quotes, indent)
    for path, doc in ctx.kb.documents.items():
        nested = _html_depth(doc.body, doc.code_lines, options.max_html_depth)
        if nested is not None:
            yield Problem(
                path,
                doc.body_line + nested,
                f"HTML blocks read as Markdown are nested more than {options.max_html_depth} "
                "deep here, more than any page needs; flatten them (the page is left out of "
                "the site until then)",
                path,
            )
            continue
        brackets = doc.body.count("[") > options.max_brackets
        if not brackets and (
            not may_be_deep(doc.body, quotes, indent) or not deep.search(doc.body)
        ):
            continue
        skip = doc.code_lines
        for offset, line in enumerate(doc.body.split("\n")):
            if offset in skip:
                continue
            m = _QUOTES.match(line)
            depth = m.group(0).count(">") if m else 0
            indent = len(line) - len(line.lstrip(" \t"))
            opened = line.count("[")
            if (
                depth > options.max_quote_depth
                or indent > options.max_indent
                or opened > options.max_brackets
            ):
                what = (
                    f"{depth} nested quotes"
                    if depth > options.max_quote_depth
                    else f"an indent of {indent} spaces"
                    if indent > options.max_indent
                    else f"{opened} link brackets"
                )
                yield Problem(
                    path,
                    doc.body_line + offset,
                    f"this line has {what}, more than any page needs; flatten it (the page is "
                    "left out of the site until then)",
                    path,
                )
                break  # one finding per page is enough


def _html_depth(body: str, skip: set[int] | frozenset[int], most: int) -> int | None:
    """The offset of the line where HTML blocks read as Markdown (``<div
    markdown="1">``) first nest more than ``most`` deep, if they do. Python-Markdown
    reads each such block's content by calling itself again: a few thousand in a
    row exhaust its stack and stop the build."""
    if body.count("markdown") <= most:
        return None
    open_: list[str] = []
    for offset, line in enumerate(body.split("\n")):
        if offset in skip:
            continue
        for m in _MARKDOWN_BLOCK.finditer(line):
            if m.group("open"):
                open_.append(m.group("open").lower())
                if len(open_) > most:
                    return offset
            elif open_ and open_[-1] == m.group("close").lower():
                open_.pop()
    return None
