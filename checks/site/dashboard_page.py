"""The compliance dashboard: who must act, on what, most urgent first.

Findings are grouped by the agency or group that owns them
(:mod:`checks.site.finding_owners`), then by severity; a table of counts per
owner opens the page, and each finding links to the page it concerns and to its
line in the repository (:mod:`checks.site.source_links`).

``compliance.md`` is the summary: the counts per owner, each linked to the
owner's own page (``compliance/<owner>.md``), which an agency's lead can be sent
on its own. An owner with more findings than a page should hold
(:data:`PAGE_BUDGET`) has them over several numbered pages. The counts are taken
from the same lists the pages show, so the summary, each owner's page and the
headline agree.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from checks.model.findings import Counts, Finding, Severity
from checks.model.labels import dates_in_words, long_date
from checks.reports.markdown import esc, table
from checks.rules.engine import Result
from checks.site.finding_owners import KINDS, Owner, Owners
from checks.site.source_links import SourceOf

PageOf = Callable[[Finding], str | None]

#: The most Markdown one dashboard page holds. With a navigation like the
#: example's, the theme adds about 23 KB to every page, and a finding's row of
#: HTML is about 1.5 times its Markdown, so each page stays under 60 KB, which a
#: phone on a weak connection still opens quickly (tests/test_dashboard.py builds
#: 400 findings and weighs every page). A site with no `nav:` in mkdocs.yml lists
#: every page in every page's menu, which no budget here can offset.
PAGE_BUDGET = 18_000

SEVERITIES = (
    (Severity.ERROR, "Errors: act now"),
    (Severity.WARNING, "Warnings: due soon, or to check"),
    (Severity.INFO, "Information"),
)


def _message(f: Finding) -> str:
    # A file that did not load may hold anything, even a name typed in the wrong
    # field: the site says where, and `kb check` says what.
    if f.code == "ANO001":
        # Never repeat the detail itself on the site: say what kind it is.
        return f"{esc(f.message.split(':')[0])}: an identifying detail; run `kb check` to see it."
    if f.code.startswith("KB"):
        return (
            "This file, or an entry in it, could not be read and is left out of the site; "
            "run `kb check` for the details."
        )
    return esc(dates_in_words(f.message), keep_code=True)


@dataclass(frozen=True, slots=True)
class _Links:
    """A finding's row, linking out from a page ``up`` from the docs folder."""

    page_of: PageOf
    source_of: SourceOf
    owners: Owners
    #: Files whose path must not be printed (a name the anonymisation gate flags).
    unnamed: frozenset[str] = frozenset()
    up: str = "../"

    def row(self, f: Finding) -> list[str]:
        page = self.page_of(f)
        subject = esc(self.owners.subject(f))
        where = f"[{subject}]({self.up}{page})" if page else subject
        if f.file in self.unnamed:
            # Neither the text nor the address may carry the name: the line is
            # enough for whoever runs `kb check`, which names the file.
            return [
                f"[{f.code}]({self.up}rules/{f.code}.md)",
                where,
                _message(f),
                f"source, line {f.line}",
            ]
        source = self.source_of(f.file, f.line)
        src = f"{esc(f.file)}:{f.line}"
        return [
            f"[{f.code}]({self.up}rules/{f.code}.md)",
            where,
            _message(f),
            f"[{src}]({source})" if source else src,
        ]


#: A page's content before it is written out: headings, and the table rows
#: under each (a row is a list of cells), so that a long list can be cut
#: between any two rows.
Item = str | list[str]


def _sections(findings: Sequence[Finding], links: _Links) -> list[Item]:
    """Each severity's heading and rows, most urgent first."""
    items: list[Item] = []
    for severity, heading in SEVERITIES:
        mine = sorted((f for f in findings if f.severity is severity), key=_place)
        if mine:
            items.append(f"\n## {heading} ({len(mine)})\n")
            items.extend(links.row(f) for f in mine)
    return items


def _render(items: list[Item]) -> str:
    """Headings as they are; each run of rows as one table. The class lets the
    stylesheet give the finding itself most of the width."""
    out: list[str] = []
    rows: list[list[str]] = []
    for item in [*items, ""]:
        if isinstance(item, list):
            rows.append(item)
            continue
        if rows:
            findings = table(["Check", "About", "Finding", "Source"], rows)
            out.append(f'<div class="kb-findings" markdown>\n\n{findings}\n</div>\n')
            rows = []
        out.append(item)
    return "\n".join(out)


def _size(item: Item) -> int:
    return len(item) if isinstance(item, str) else sum(map(len, item)) + 3 * len(item)


def _place(f: Finding) -> tuple[str, int, str]:
    return (f.file, f.line, f.code)


def _ranked(groups: dict[Owner, list[Finding]]) -> list[Owner]:
    """Owners with the most errors first, then warnings; ties by kind and name."""

    def rank(owner: Owner) -> tuple[int, int, int, int, str]:
        c = Counts.of(groups[owner])
        return (-c.errors, -c.warnings, -c.infos, KINDS.index(owner.kind), owner.name)

    return sorted(groups, key=rank)


def _counts_table(
    groups: dict[Owner, list[Finding]], order: list[Owner], href: Callable[[Owner], str]
) -> str:
    rows = []
    for owner in order:
        c = Counts.of(groups[owner])
        rows.append(
            [
                f"[{esc(owner.name)}]({href(owner)})",
                *map(str, (c.errors, c.warnings, c.infos)),
                str(len(groups[owner])),
            ]
        )
    every = [f for owner in order for f in groups[owner]]
    total = Counts.of(every)
    rows.append(
        [
            "**All**",
            *(f"**{n}**" for n in (total.errors, total.warnings, total.infos)),
            f"**{len(every)}**",
        ]
    )
    return table(["Who must act", "Errors", "Warnings", "Information", "Total"], rows)


def _tally(findings: Sequence[Finding], incomplete: bool) -> str:
    """The counts of ``findings`` in words. While records did not load, a count
    of none is not given as a figure ("0 errors" reads as all clear): it says
    none was found in what loaded."""
    counts = Counts.of(findings).describe()
    if not incomplete:
        return counts
    return re.sub(r"\b0 (\w+)", r"no \1", counts) + " found in the records that loaded"


def dashboard_pages(
    result: Result,
    shown: Sequence[Finding],
    hidden: int,
    owners: Owners,
    page_of: PageOf,
    source_of: SourceOf,
    incomplete: bool = False,
    unnamed: frozenset[str] = frozenset(),
) -> dict[str, str]:
    """``compliance.md``, the summary, and each owner's page(s) of findings
    (``compliance/<owner>.md``, then ``-2``, ``-3``... for a long list).

    Every owner that exists has a page, with findings or not; ``incomplete``
    (records did not load) keeps the counts from reading as whole."""
    groups: dict[Owner, list[Finding]] = {owner: [] for owner in owners.everyone()}
    for f in shown:
        groups.setdefault(owners.of(f), []).append(f)
    order = _ranked(groups)
    head = [
        "# Compliance dashboard\n",
        f"As at {long_date(result.today)}: **{_tally(shown, incomplete)}**"
        + (f"; {result.suppressed} suppressed" if result.suppressed else "")
        + ". Each finding is listed under the agency or group that must act on it, "
        "errors first, and links to the page it concerns and to its line in the "
        "source. The [rule reference](rules/index.md) explains every code.\n",
    ]
    if hidden:
        head.append(
            f"\n{hidden} finding(s) about unpublished material are not shown here; "
            "run `kb check` to see them.\n"
        )
    links = _Links(page_of, source_of, owners, unnamed)
    pages: dict[str, str] = {}
    for owner in order:
        pages.update(_owner_pages(owner, groups[owner], links, result.today, incomplete))
    if not shown:
        return {"compliance.md": "\n".join([*head, "\nNothing to list.\n"]), **pages}
    summary = [*head, "\n## Who must act\n", _counts_table(groups, order, _page)]
    return {"compliance.md": "\n".join(summary), **pages}


def _owner_pages(
    owner: Owner, findings: list[Finding], links: _Links, today: date, incomplete: bool
) -> dict[str, str]:
    """The owner's findings, on as many pages as they need (one, saying so, for none)."""
    parts = _cut(_sections(findings, links))
    names = [_page(owner, i) for i in range(len(parts))]
    counts = _tally(findings, incomplete)
    pages = {}
    for i, items in enumerate(parts):
        nav = "[Every owner's counts](../compliance.md)"
        if len(parts) > 1:
            others = (
                f"[part {j + 1}]({names[j].removeprefix('compliance/')})"
                for j in range(len(parts))
                if j != i
            )
            nav += f". This is part {i + 1} of {len(parts)}; " + ", ".join(others)
        pages[names[i]] = "\n".join(
            [
                f"# {esc(owner.name)}: findings to act on\n",
                f"As at {long_date(today)}: **{counts}**, errors first. {nav}.\n",
                _render(items) if items else _NONE[incomplete],
            ]
        )
    return pages


#: An owner's page with no findings: all clear only if every record loaded.
_NONE = {
    False: "Nothing to act on.\n",
    True: "Nothing found to act on in the records that loaded; some did not load "
    "(see above), so this is not all clear.\n",
}


def _page(owner: Owner, i: int = 0) -> str:
    """The docs path of an owner's ``i``-th page of findings (from 0)."""
    return f"compliance/{owner.key}" + (f"-{i + 1}" if i else "") + ".md"


def _cut(items: list[Item]) -> list[list[Item]]:
    """``items`` in pages of at most :data:`PAGE_BUDGET` characters (a page holds
    at least one row); a heading is never left at the foot of a page."""
    pages: list[list[Item]] = [[]]
    size = 0
    for item in items:
        if pages[-1] and size + _size(item) > PAGE_BUDGET:
            carry = [pages[-1].pop()] if isinstance(pages[-1][-1], str) else []
            pages.append(carry)
            size = sum(map(_size, carry))
        pages[-1].append(item)
        size += _size(item)
    return pages
