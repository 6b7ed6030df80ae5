"""A brief's search document written from its HTML is exactly Material's.

The reference is Material's own search parser, folded into one document the
way the hooks fold a brief's sections.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st
from material.plugins.search.plugin import SearchIndex

from checks.site.search_index import one_document_per_page
from checks.site.search_text import brief_search_document
from sitehelp import REPO

URL = "briefs/x/"
EXTENSIONS: list[Any] = ["admonition", "attr_list", "md_in_html", "tables", "toc"]
CONFIGS = {"toc": {"permalink": True}}


def to_html(text: str) -> str:
    return markdown.Markdown(extensions=EXTENSIONS, extension_configs=CONFIGS).convert(text)


def material(html: str, title: str, tags: object) -> dict[str, Any]:
    index = SearchIndex()
    page = SimpleNamespace(content=html, toc=[], url=URL, meta={"tags": tags}, title=title)
    index.add_entry_from_context(page)
    return one_document_per_page({"docs": index.entries}, {URL})["docs"][0]


def same(text: str, title: str = "Brief", tags: object = None) -> dict[str, Any] | None:
    html = to_html(text)
    ours = brief_search_document(html, URL, title, tags)
    if ours is not None:
        assert ours == material(html, title, tags)
    return ours


def test_every_example_brief_takes_the_fast_road_to_the_same_document():
    briefs = sorted((REPO / "docs" / "briefs").glob("lb-*.md"))
    assert len(briefs) >= 8
    for path in briefs:
        body = Path(path).read_text().split("---", 2)[2]
        header = (
            '<p class="kb-brief-meta"><strong>Themes:</strong> Neglect &amp; <em>care</em><br>\n'
            '<strong>From:</strong> <a href="../../register/#x">CSPR-1</a></p>'
        )
        title, rest = body.strip().split("\n", 1)
        text = f"{title}\n\n{header}\n\n{rest}"
        assert same(text, tags=["Neglect", "Voice of the child"]) is not None, path


def test_what_it_cannot_read_is_left_to_material():
    assert same("# T\n\n    code\n    block\n") is None  # preformatted text
    assert same("Before the title\n\n# T\n") is None
    assert same("# T\n\n<div data-search-exclude>x</div>\n") is None
    assert same("# T\n\n!!! note\n    Inside an admonition\n") is None
    assert same("# T\n\n<script>alert(1)</script>\n") is None


def test_details_material_cares_about():
    assert same('# T\n\n## A & B\n\nx &amp; y &lt;z&gt; "q"\n') is not None
    assert same("# T\n\n## `code` head\n\n- a\n- b\n\n1. c\n") is not None
    assert same("# T\n\n##\n\ntext\n") is not None  # an empty heading takes the page title
    assert same("# T\n\n<p></p>\n\n<ul>\n<li> </li>\n</ul>\n\nx\n") is not None


WORD = st.sampled_from(
    [
        "pram",
        "safe",
        "Sleep",
        "&",
        "<b>",
        "<b>x</b>",
        "x_y",
        "**bold**",
        "*it*",
        "`co de`",
        "&amp;",
        "[link](../a.md)",
        "H~2~O",
        "caf\u00e9",
        "a\u00a0b",
        "&nbsp;",
        "  ",
        '"q"',
        "<br>",
    ]
)
LINE = st.lists(WORD, min_size=1, max_size=8).map(" ".join)
BLOCK = st.one_of(
    LINE,
    st.lists(LINE, min_size=1, max_size=3).map(lambda ls: "\n".join(ls)),
    st.lists(LINE, min_size=1, max_size=4).map(lambda ls: "\n".join(f"- {x}" for x in ls)),
    st.lists(LINE, min_size=1, max_size=3).map(lambda ls: "\n".join(f"1. {x}" for x in ls)),
    LINE.map(lambda x: f"> {x}"),
    st.tuples(LINE, LINE).map(lambda t: f"| a | b |\n|---|---|\n| {t[0]} | {t[1]} |"),
    st.tuples(st.integers(2, 4), LINE).map(lambda t: "#" * t[0] + " " + t[1]),
    LINE.map(lambda x: f"<p>{x}</p>"),
    st.just("<p></p>"),
    st.just("---"),
)


@settings(max_examples=300, deadline=None)
@given(title=LINE, blocks=st.lists(BLOCK, max_size=8), tags=st.sampled_from([None, ["A", ""]]))
def test_generated_briefs_give_material_s_document(title, blocks, tags):
    same("# " + title + "\n\n" + "\n\n".join(blocks) + "\n", tags=tags)
