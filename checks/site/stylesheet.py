"""What a style sheet that is not the theme's own may do, read as a browser reads it.

A browser decodes CSS escapes before it acts (``@\\69mport`` is ``@import``,
``\\75 rl(`` is ``url(``), and loads resources through more than ``url()``: a
quoted string inside ``image-set()`` is a URL too. So the sheet is tokenised with
``tinycss2`` (a CSS Syntax Level 3 parser, as the browser's own), and judged by
allow list:

- at-rules: only those that group or condition rules (:data:`AT_RULES`);
- anything that can name a resource (``url()`` and the image functions, whose
  strings are URLs) names a file of this site, or is a raster ``data:image``;
- no function or property that runs code in old browsers (:data:`RUNS`);
- a sheet that does not parse is refused, since a browser recovers from errors
  in ways a checker cannot follow.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import tinycss2
from tinycss2 import ast

from checks.site.sanitise import is_relative_url

#: At-rules that only group or condition other rules. ``@import``,
#: ``@font-face`` and ``@namespace`` are not among them: the first two load.
AT_RULES = frozenset(
    """media supports layer container keyframes -webkit-keyframes page charset
    scope starting-style""".split()
)

#: Functions whose string arguments are URLs (as well as ``url()`` itself).
RESOURCE_FUNCTIONS = frozenset(
    "url src image image-set -webkit-image-set cross-fade -webkit-cross-fade".split()
)

#: Old browsers' ways to run script from CSS.
RUNS = frozenset({"expression", "behavior", "-moz-binding", "javascript"})

#: Raster images inline: they cannot load anything or run anything.
DATA_IMAGES = ("data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp")


def stylesheet_problems(text: str) -> Iterator[str]:
    """Why a whole style sheet may not be published (nothing when it may)."""
    rules = tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True)
    yield from _unique(_rules(rules))


def declarations_problems(text: str) -> Iterator[str]:
    """The same for a ``style`` attribute's declarations."""
    nodes = tinycss2.parse_blocks_contents(text, skip_comments=True, skip_whitespace=True)
    yield from _unique(_rules(nodes))


def _unique(problems: Iterable[str]) -> Iterator[str]:
    seen: set[str] = set()
    for problem in problems:
        if problem not in seen:
            seen.add(problem)
            yield problem


def _rules(nodes: Iterable[ast.Node]) -> Iterator[str]:
    for node in nodes:
        if isinstance(node, ast.ParseError):
            yield "has a style sheet that does not parse"
        elif isinstance(node, ast.AtRule):
            if node.lower_at_keyword not in AT_RULES:
                yield f"has a style sheet with an @{node.lower_at_keyword} rule"
            yield from _values(node.prelude)
            if node.content is not None:
                yield from _rules(
                    tinycss2.parse_blocks_contents(
                        node.content, skip_comments=True, skip_whitespace=True
                    )
                )
        elif isinstance(node, ast.QualifiedRule):
            yield from _values(node.prelude)
            yield from _rules(
                tinycss2.parse_blocks_contents(
                    node.content, skip_comments=True, skip_whitespace=True
                )
            )
        elif isinstance(node, ast.Declaration):
            if node.lower_name in RUNS:
                yield "has a style sheet with script in it"
            yield from _values(node.value)
        else:
            yield from _values([node])


def _values(tokens: Iterable[ast.Node] | None, resource: bool = False) -> Iterator[str]:
    for token in tokens or ():
        if isinstance(token, ast.ParseError):
            yield "has a style sheet that does not parse"
        elif isinstance(token, ast.URLToken) or (isinstance(token, ast.StringToken) and resource):
            yield from _url(token.value)
        elif isinstance(token, ast.FunctionBlock):
            if token.lower_name in RUNS:
                yield "has a style sheet with script in it"
            yield from _values(token.arguments, resource or token.lower_name in RESOURCE_FUNCTIONS)
        elif isinstance(token, ast.IdentToken) and token.lower_value in RUNS:
            yield "has a style sheet with script in it"
        elif isinstance(token, ast.AtKeywordToken):
            yield f"has a style sheet with an @{token.lower_value} rule"
        elif isinstance(token, _BLOCKS):
            yield from _values(token.content, resource)


_BLOCKS = (ast.SquareBracketsBlock, ast.ParenthesesBlock, ast.CurlyBracketsBlock)


def _url(url: str) -> Iterator[str]:
    value = url.strip()
    if is_relative_url(value) or value.lower().startswith(DATA_IMAGES):
        return
    yield "has a style sheet that loads something from elsewhere"
