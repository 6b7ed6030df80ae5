"""Plain pages' headings are read line by line; the answer is markdown-it's."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checks.loading.markdown import _parser, _plain_headings, headings, split_front_matter
from sitehelp import REPO


def markdown_it(body: str, body_line: int = 1) -> list[tuple[int, str, int]]:
    tokens = _parser().parse(body)
    return [
        (int(tok.tag[1]), tokens[i + 1].content.strip(), tok.map[0] + body_line)
        for i, tok in enumerate(tokens)
        if tok.type == "heading_open" and tok.map is not None
    ]


def test_the_example_pages_take_the_plain_road():
    pages = sorted((REPO / "docs").rglob("*.md"))
    plain = 0
    for page in pages:
        split = split_front_matter(page.read_text())
        fast = _plain_headings(split.body, split.body_line)
        if fast is not None:
            plain += 1
            assert [tuple(h) for h in fast] == markdown_it(split.body, split.body_line), page
    assert plain >= len(pages) // 2


#: Lines the plain reading handles itself.
PLAIN = st.sampled_from(
    [
        "",
        " ",
        "# Title",
        "## 1. Background",
        "### Key findings ###",
        "#",
        "# #",
        "#x",
        "####### seven",
        "   # indented three",
        "# a #b",
        "# a \\#",
        "# ends in # ",
        "#  spaced  ",
        "# \u00a0nbsp\u00a0",
        "text",
        "more text #",
        "\\# not",
        "- item",
        "* star",
        "+ plus",
        "1. first",
        "1) other",
        "2020 was a year",
        "10.5% of cases",
        "**Bold** start",
        "*emphasis*",
        "_under_",
        "-dash text",
        "=equals text",
        "`code` first",
        "  - nested",
        "  # two spaces",
        "Setext",
        "# Heading ##   ",
        "## ##",
        "#\u3000wide",
        "***",
        "___",
    ]
)
#: Lines that may make or hide a heading some other way: markdown-it decides.
RISKY = st.sampled_from(
    [
        "    # code",
        "\t# tab",
        "```",
        "```python",
        "~~~",
        "> # quoted",
        ">",
        "<div>",
        "</div>",
        "<!-- c -->",
        "===",
        "---",
        "- - -",
        "- # heading item",
        "   1. # deep",
        "-",
        "1.",
        "- ```",
        "- > q",
        "* * *",
        "text\r",
        "  ---",
    ]
)


@settings(max_examples=800, deadline=None)
@given(
    lines=st.lists(PLAIN, max_size=14),
    risky=st.none() | st.tuples(st.integers(0, 14), RISKY),
    first_line=st.integers(1, 40),
)
def test_plain_reading_agrees_with_markdown_it(lines, risky, first_line):
    if risky is not None:
        lines.insert(risky[0], risky[1])
    body = "\n".join(lines)
    fast = _plain_headings(body, first_line)
    if risky is None:
        assert fast is not None, body
    if fast is not None:
        assert [tuple(h) for h in fast] == markdown_it(body, first_line)
    assert [tuple(h) for h in headings(body, first_line)] == markdown_it(body, first_line)
