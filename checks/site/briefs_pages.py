"""Listing pages for learning briefs: newest, by theme, by audience, by year.

Briefs are deliberately left out of the site navigation: a navigation of every
brief embedded in every page makes a 1,000-brief site slow and huge. These
listings are how readers find them, each over as many pages of bounded size as
it needs (checks/site/paging.py).
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from collections.abc import Callable, Sequence

from checks.model import Brief
from checks.model.knowledge_base import KnowledgeBase
from checks.reports.markdown import esc
from checks.site.brief_page import theme_label, theme_labels
from checks.site.paging import Section, pack

#: (target, page) -> the URL of docs page ``target`` as linked from ``page``
Linker = Callable[[str, str], str]

# Listings are navigation, not content: each brief is searchable on its own
# page, and indexing three lists of every brief as well would only crowd the
# results (and, at 1,000 briefs, slow the build and swell the index).
_NOT_SEARCHED = "---\nsearch:\n  exclude: true\n---\n\n"


def _items(kb: KnowledgeBase, briefs: Sequence[Brief], folder: str) -> list[list[str]]:
    """One list item (a row of one cell) per brief, linked from ``folder``."""
    rows = []
    for brief in briefs:
        href = posixpath.relpath(kb.documents[brief.source].docs_path, folder)
        themes = ", ".join(esc(t) for t in theme_labels(kb, brief))
        summary = f" {esc(brief.summary)}" if brief.summary else ""
        rows.append(
            [f"[{esc(brief.title)}]({href}) · {brief.publish_on:%-d %B %Y} · *{themes}*.{summary}"]
        )
    return rows


def briefs_index(kb: KnowledgeBase, briefs: Sequence[Brief]) -> dict[str, str]:
    """``briefs/index.md``, newest first, over as many pages as it needs."""
    first = "\n".join(
        [
            _NOT_SEARCHED + "# Learning briefs\n",
            "Short, anonymised 7-minute briefings on what the partnership's reviews found "
            "and what practitioners should do. Browse [by theme](themes.md), "
            "[by audience](audience.md) or [by year](years.md).\n",
        ]
    )
    newest = Section("newest", "Newest", rows=_items(kb, briefs, "briefs"))
    return pack("briefs/index.md", "Learning briefs", first, [newest])


def by_audience(kb: KnowledgeBase, briefs: Sequence[Brief]) -> dict[str, str]:
    groups: dict[str, list[Brief]] = defaultdict(list)
    for b in briefs:
        for agency in b.audience.agencies or ["all"]:
            groups[agency].append(b)
    sections = [
        Section(
            f"audience-{agency}",
            esc("Everyone" if agency == "all" else kb.agency_name(agency)),
            rows=_items(kb, groups[agency], "briefs"),
        )
        for agency in sorted(groups, key=kb.agency_name)
    ]
    first = _NOT_SEARCHED + "# Learning briefs by audience\n"
    return pack("briefs/audience.md", "Learning briefs by audience", first, sections)


def by_year(kb: KnowledgeBase, briefs: Sequence[Brief]) -> dict[str, str]:
    groups: dict[int, list[Brief]] = defaultdict(list)
    for b in briefs:
        groups[b.publish_on.year].append(b)
    sections = [
        Section(f"year-{year}", str(year), rows=_items(kb, groups[year], "briefs"))
        for year in sorted(groups, reverse=True)
    ]
    first = _NOT_SEARCHED + "# Learning briefs by year\n"
    return pack("briefs/years.md", "Learning briefs by year", first, sections)


def by_theme(kb: KnowledgeBase, briefs: Sequence[Brief]) -> dict[str, str]:
    """Every theme with its briefs, themes in the order of their labels. Not
    Material's tags listing: that is one page of every theme and every brief
    (hundreds of kilobytes at a thousand briefs); Material still checks the
    themes against its allow list and shows each brief's tags."""
    groups: dict[str, list[Brief]] = defaultdict(list)
    for b in briefs:
        for theme in dict.fromkeys(b.themes):
            groups[theme].append(b)
    order = sorted(groups, key=lambda t: theme_label(kb, t).casefold())
    contents = "\n".join(
        f"- [{esc(theme_label(kb, t))}](themes.md#theme-{t}) ({len(groups[t])})" for t in order
    )
    sections = [
        Section(f"theme-{t}", esc(theme_label(kb, t)), rows=_items(kb, groups[t], "briefs"))
        for t in order
    ]
    first = _NOT_SEARCHED + "# Learning briefs by theme\n\n" + contents + "\n"
    return pack("briefs/themes.md", "Learning briefs by theme", first, sections)
