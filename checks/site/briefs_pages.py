"""Listing pages for learning briefs: newest, by theme, by audience, by year.

Briefs are deliberately left out of the site navigation: a navigation of every
brief embedded in every page makes a 1,000-brief site slow and huge. These
listings are how readers find them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from checks.kb import KnowledgeBase
from checks.model import Brief
from checks.site.brief_page import theme_labels
from checks.site.text import esc


def _item(kb: KnowledgeBase, brief: Brief, prefix: str = "") -> str:
    name = kb.documents[brief.source].docs_path.split("/", 1)[1]
    themes = ", ".join(esc(t) for t in theme_labels(kb, brief))
    summary = f" {esc(brief.summary)}" if brief.summary else ""
    return (
        f"- [{esc(brief.title)}]({prefix}{name}) · {brief.publish_on:%-d %B %Y} · "
        f"*{themes}*.{summary}"
    )


def briefs_index(kb: KnowledgeBase, briefs: Sequence[Brief]) -> str:
    out = [
        "# Learning briefs\n",
        "Short, anonymised 7-minute briefings on what the partnership's reviews found "
        "and what practitioners should do. Browse [by theme](themes.md), "
        "[by audience](audience.md) or [by year](years.md).\n",
        "## Newest\n",
    ]
    out += [_item(kb, b) for b in briefs]
    return "\n".join(out) + "\n"


def by_audience(kb: KnowledgeBase, briefs: Sequence[Brief]) -> str:
    groups: dict[str, list[Brief]] = defaultdict(list)
    for b in briefs:
        for agency in b.audience.agencies or ["all"]:
            groups[agency].append(b)
    out = ["# Learning briefs by audience\n"]
    for agency in sorted(groups, key=kb.agency_name):
        label = "Everyone" if agency == "all" else kb.agency_name(agency)
        out.append(f"\n## {esc(label)}\n")
        out += [_item(kb, b) for b in groups[agency]]
    return "\n".join(out) + "\n"


def by_year(kb: KnowledgeBase, briefs: Sequence[Brief]) -> str:
    groups: dict[int, list[Brief]] = defaultdict(list)
    for b in briefs:
        groups[b.publish_on.year].append(b)
    out = ["# Learning briefs by year\n"]
    for year in sorted(groups, reverse=True):
        out.append(f"\n## {year}\n")
        out += [_item(kb, b) for b in groups[year]]
    return "\n".join(out) + "\n"


def by_theme() -> str:
    # Material's tags plugin fills the directive with every theme and its briefs.
    return "# Learning briefs by theme\n\n<!-- material/tags -->\n"
