"""The reports as pages of the site, with their charts as SVG files beside them.

As at the build's "today": the quarterly assurance report for the last whole
quarter, the year so far (the data sections of the yearly report), and a
highlight report for each group. The pages are the Markdown ``kb report``
prints, with each chart put before the table it draws; a chart is an image
whose ``alt`` text says what it shows, so the page needs no script and loads
nothing from elsewhere.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from datetime import date, timedelta
from functools import partial
from html import escape

from checks.model import Brief
from checks.model.knowledge_base import KnowledgeBase
from checks.reports import assurance, highlight
from checks.reports.assurance import Assurance
from checks.reports.assurance_charts import assurance_charts
from checks.reports.charts import Chart
from checks.reports.markdown import esc
from checks.reports.period import quarter_of, year_of
from checks.reports.scope import Linker, Scope
from checks.site.paging import BUDGET

#: A report's charts by name.
Charts = dict[str, Chart]

#: (target, page) -> the address from ``page`` to ``target`` in HTML (SiteBuild.link).
PageLinker = Callable[[str, str], str]

INDEX = "reports/index.md"
_SECTION = re.compile(r"(?m)^## ")
_SUBSECTION = re.compile(r"(?m)^### ")
_SLUG = re.compile(r"[^a-z0-9]+")


def report_pages(
    kb: KnowledgeBase, today: date, briefs: list[Brief], link: PageLinker
) -> dict[str, str]:
    """Docs-relative path -> content: the report pages and their SVG charts."""
    scope = Scope(kb, today, tuple(briefs))
    quarter = quarter_of(quarter_of(today).start - timedelta(days=1))
    year = year_of(today.year)
    pages: dict[str, str] = {}
    for slug, period, kind in (("assurance", quarter, "quarter"), ("year", year, "year")):
        report = assurance.assurance(scope, period, kind)
        charts = assurance_charts(report, slug)
        for chart in charts.values():
            pages[f"reports/charts/{chart.name}.svg"] = chart.svg

        def written(page: str, report: Assurance = report, charts: Charts = charts) -> str:
            return assurance.render(report, _from(page), partial(_figure, charts, link, page))

        pages.update(_bounded(f"reports/{slug}.md", written))
    groups = highlight.report_groups(kb)
    for gid in groups:
        page = f"reports/highlight-{gid}.md"
        report_h = highlight.highlight(scope, gid)
        pages[page] = _wrapped(highlight.render(report_h, _from(page)))
    pages[INDEX] = _index(kb, today, quarter.label, groups)
    return pages


def _bounded(page: str, written: Callable[[str], str]) -> dict[str, str]:
    """The report ``written`` for ``page`` (it writes links from the page it is
    given), on that page if it fits in :data:`BUDGET`; if not, its head and a list
    of its sections there, and each section on a page of its own below it
    (``reports/year/statutory-timeliness.md``). A partnership with 100 groups
    and 1,000 reviews has a yearly report of 90 KB on one page."""
    whole = written(page)
    if len(whole) <= BUDGET:
        return {page: whole}
    title, head, sections = _sections(whole)
    folder = page.removesuffix(".md")
    slugs = [_SLUG.sub("-", heading.lower()).strip("-") for heading, _ in sections]
    pages = {
        page: f"{title}\n{head}\nThis report is in {len(sections)} parts, each on its own page:\n\n"
        + "".join(
            f"- [{h}]({posixpath.basename(folder)}/{s}.md)\n"
            for (h, _), s in zip(sections, slugs, strict=True)
        )
    }
    for n, slug in enumerate(slugs):
        sub = f"{folder}/{slug}.md"
        _, _, own = _sections(written(sub))
        heading, body = own[n]
        later = (
            f"Next part: [{sections[n + 1][0]}]({slugs[n + 1]}.md). "
            if n + 1 < len(sections)
            else ""
        )
        # The section's own headings move up a level, under the page's title.
        pages[sub] = (
            f"# {title.removeprefix('# ')}: {heading}\n{head}\n{_SUBSECTION.sub('## ', body)}\n"
            f"{later}Back to [the report's contents](../{posixpath.basename(page)}).\n"
        )
    return pages


def _sections(markdown: str) -> tuple[str, str, list[tuple[str, str]]]:
    """A report's title line, the text before its first section, and each ``##``
    section's heading and text."""
    first, *rest = _SECTION.split(markdown)
    title, _, head = first.partition("\n")
    return title, head, [(h, body) for h, _, body in (part.partition("\n") for part in rest)]


def _wrapped(markdown: str) -> str:
    """The report after its title in a block the print style sheet makes compact."""
    title, _, body = markdown.partition("\n")
    return f'{title}\n\n<div class="kb-report" markdown>\n{body}\n</div>\n'


def _from(page: str) -> Linker:
    """Links written in Markdown, relative to the page's own file, so MkDocs
    checks each one and writes it as the site's address."""
    return partial(_relative, page)


def _relative(page: str, target: str) -> str:
    path, hash_, anchor = target.partition("#")
    return posixpath.relpath(path, posixpath.dirname(page)) + hash_ + anchor


def _figure(charts: Charts, link: PageLinker, page: str, name: str) -> str:
    """The chart as an image with its text alternative, and a caption."""
    chart = charts[name]
    src = link(f"reports/charts/{chart.name}.svg", page)
    return (
        f'<figure class="kb-chart">\n<img src="{escape(src)}" alt="{escape(chart.alt)}">'
        f"\n<figcaption>{escape(chart.alt.split('. ')[0])}</figcaption>\n</figure>\n"
    )


def _index(kb: KnowledgeBase, today: date, quarter: str, groups: list[str]) -> str:
    lines = [
        "# Reports for the executive\n",
        f"As at {today:%-d %B %Y}. Each figure links to the records it counts; each chart has "
        "its table beside it. The same reports, as Markdown for board papers, come from "
        "`kb report` (see the contributor guide).\n",
        f"- [Quarterly assurance report, {quarter}](assurance.md)",
        f"- [Yearly report data, {today.year} so far](year.md)",
        "\n## Highlight reports\n",
        *(f"- [{esc(highlight.report_title(kb, g))}](highlight-{g}.md)" for g in groups),
    ]
    return "\n".join(lines) + "\n"
