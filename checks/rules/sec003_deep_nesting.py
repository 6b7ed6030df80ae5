"""A page nests block quotes or lists too deeply to publish safely.

## What it checks

Block quotes (`>`) nested more than 20 deep, lines indented more than 80
spaces (lists nested about 20 deep or more), or lines with more than 100 `[`
(link brackets, which the Markdown renderer matches in time that grows much
faster than the line), outside code blocks.

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


class Opts(Options):
    max_quote_depth: int = 20
    max_indent: int = 80
    max_brackets: int = 100


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
