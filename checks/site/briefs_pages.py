"""Listing pages for learning briefs: newest, by theme, by audience, by year.

Briefs are deliberately left out of the site navigation: a navigation of every
brief embedded in every page makes a 1,000-brief site slow and huge. These
listings are how readers find them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from html import escape

from checks.model import Brief
from checks.model.knowledge_base import KnowledgeBase
from checks.reports.markdown import esc
from checks.site.brief_page import theme_labels

#: (target, page) -> the URL of docs page ``target`` as linked from ``page``
Linker = Callable[[str, str], str]

# Listings are navigation, not content: each brief is searchable on its own
# page, and indexing three lists of every brief as well would only crowd the
# results (and, at 1,000 briefs, slow the build and swell the index).
_NOT_SEARCHED = "---\nsearch:\n  exclude: true\n---\n\n"


def _list(kb: KnowledgeBase, briefs: Sequence[Brief], page: str, link: Linker) -> str:
    """A list of briefs as an HTML block: Markdown would spend longer on a
    thousand links than on all the rest of the page."""
    items = []
    for brief in briefs:
        href = link(kb.documents[brief.source].docs_path, page)
        themes = ", ".join(escape(t) for t in theme_labels(kb, brief))
        summary = f" {escape(brief.summary)}" if brief.summary else ""
        items.append(
            f'<li><a href="{escape(href)}">{escape(brief.title)}</a> · '
            f"{brief.publish_on:%-d %B %Y} · <em>{themes}</em>.{summary}</li>"
        )
    return '<ul class="kb-briefs">\n' + "\n".join(items) + "\n</ul>\n"


def briefs_index(kb: KnowledgeBase, briefs: Sequence[Brief], link: Linker) -> str:
    out = [
        _NOT_SEARCHED + "# Learning briefs\n",
        "Short, anonymised 7-minute briefings on what the partnership's reviews found "
        "and what practitioners should do. Browse [by theme](themes.md), "
        "[by audience](audience.md) or [by year](years.md).\n",
        "## Newest\n",
        _list(kb, briefs, "briefs/index.md", link),
    ]
    return "\n".join(out)


def by_audience(kb: KnowledgeBase, briefs: Sequence[Brief], link: Linker) -> str:
    groups: dict[str, list[Brief]] = defaultdict(list)
    for b in briefs:
        for agency in b.audience.agencies or ["all"]:
            groups[agency].append(b)
    out = [_NOT_SEARCHED + "# Learning briefs by audience\n"]
    for agency in sorted(groups, key=kb.agency_name):
        label = "Everyone" if agency == "all" else kb.agency_name(agency)
        out.append(f"## {esc(label)}\n")
        out.append(_list(kb, groups[agency], "briefs/audience.md", link))
    return "\n".join(out)


def by_year(kb: KnowledgeBase, briefs: Sequence[Brief], link: Linker) -> str:
    groups: dict[int, list[Brief]] = defaultdict(list)
    for b in briefs:
        groups[b.publish_on.year].append(b)
    out = [_NOT_SEARCHED + "# Learning briefs by year\n"]
    for year in sorted(groups, reverse=True):
        out.append(f"## {year}\n")
        out.append(_list(kb, groups[year], "briefs/years.md", link))
    return "\n".join(out)


def by_theme() -> str:
    # Material's tags plugin fills the directive with every theme and its briefs.
    return "# Learning briefs by theme\n\n<!-- material/tags -->\n"
