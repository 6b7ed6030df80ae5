"""Bounded pages: the tracker and the register packed into pages of bounded size,
every link to a section still arriving, and every total of the tracker adding up."""

from __future__ import annotations

import re
import sys
from datetime import date

import markdown
import pytest

from checks.loading import load
from checks.site.paging import BUDGET, Anchors, Section, pack
from checks.site.tracker_page import STATES, tracker_pages
from sitehelp import REPO

sys.path.insert(0, str(REPO / "benchmarks"))
from realistic import SCALES, Scale, generate

TODAY = date(2026, 11, 25)
#: The theme's header, navigation and footer around a generated page, measured on
#: the example's build (31 KB): what a page's content is given beside it.
CHROME = 32_000


def html_size(text: str) -> int:
    return len(markdown.markdown(text, extensions=["tables", "attr_list"]))


def test_sections_that_fit_stay_on_the_page():
    rows = [[f"r{i}", "x"] for i in range(3)]
    pages = pack("t.md", "T", "# T\n", [Section("a", "A", headers=["k", "v"], rows=rows)])
    assert list(pages) == ["t.md"] and "{#a}" in pages["t.md"] and "Page 1" not in pages["t.md"]


def test_long_sections_are_continued_and_every_link_arrives():
    rows = [[f"[row {i}](register.md#r{i})", "word " * 40] for i in range(400)]
    sections = [
        Section("first", "First", headers=["k", "v"], rows=rows[:300]),
        Section("second", "Second", text="Some text.", headers=["k", "v"], rows=rows[300:]),
    ]
    pages = pack("t.md", "T", "# T\n\n[to second](t.md#second)\n", sections)
    assert len(pages) > 3 and list(pages)[1] == "t/2.md"
    every_row = "".join(pages.values())
    assert all(f"[row {i}]" in every_row for i in range(400))
    assert sum(text.count("(continued)") for text in pages.values()) >= 2
    for name, text in pages.items():
        assert html_size(text) < 60_000 - CHROME, name
        if name != "t.md":  # links on later pages are relative to their folder
            assert "](../register.md#r" in text and "](register.md" not in text
            assert "Page " in text
    anchors = Anchors.of(pages)
    (where,) = [n for n, text in pages.items() if "{#second}" in text]
    assert anchors.resolve("t.md#second") == f"{where}#second"
    assert anchors.resolve("../t.md#second", "briefs/x.md") == f"../{where}#second"
    assert anchors.resolve("t.md#first") == "t.md#first"  # it did not move
    moved = anchors.in_markdown("[a](t.md#second) [b](https://x.example/t.md#second)", "")
    assert moved == f"[a]({where}#second) [b](https://x.example/t.md#second)"


@pytest.fixture(scope="module")
def generated_kb(tmp_path_factory: pytest.TempPathFactory):
    """A partnership's data at a tenth of the medium scale's actions (1,000 in 50
    plans), generated as the benchmarks generate it: realistic proportions."""
    scale = Scale(tors=0, briefs=0, plans=50, actions=1000, meetings=0)
    return load(generate(tmp_path_factory.mktemp("kb") / "kb", scale, TODAY))


def test_every_total_of_the_tracker_adds_up(generated_kb):
    pages = tracker_pages(generated_kb, TODAY)
    first = pages["actions.md"]
    total = len(generated_kb.actions())
    headline = re.search(
        r"(\d+) actions, \*\*(\d+) overdue\*\*, (\d+) open or in progress and not yet due, "
        r"(\d+) complete, (\d+) closed",
        first,
    )
    assert headline is not None
    n, *states = map(int, headline.groups())
    assert n == total == sum(states)
    table = first.split("## Summary by agency")[1].split("\n\n")[1]
    rows = [
        [c.strip().strip("*") for c in line.strip("|").split("|")]
        for line in table.splitlines()
        if line.startswith("| ") and not line.startswith("| Agency")
    ]
    *agencies, everyone = rows
    assert len(agencies) > 3
    for row in agencies:
        counts = list(map(int, row[1:]))
        assert sum(counts[: len(STATES)]) == counts[-1], row
    columns = [sum(int(r[i]) for r in agencies) for i in range(1, len(STATES) + 2)]
    assert columns == list(map(int, everyone[1:])) == [*states, total]
    # Each action is listed once under its review (the level-3 sections), across
    # however many pages they take.
    listed = 0
    for text in pages.values():
        level = 0
        for line in text.splitlines():
            if line.startswith("#"):
                level = len(line) - len(line.lstrip("#"))
            elif level == 3 and re.match(r"^\| \[[A-Z]+-\d{4}-\d+\]", line):
                listed += 1
    assert listed == total
    overdue_rows = "".join(
        t.split("{#overdue}")[1].split("\n## ")[0] for t in pages.values() if "{#overdue}" in t
    )
    assert overdue_rows.count("**Overdue by") >= states[0] > 0


def test_the_tracker_and_register_pages_stay_bounded(generated_kb):
    from checks.site.build import SiteBuild
    from checks.site.register_page import register_pages

    build = SiteBuild.prepare(generated_kb.root, TODAY, use_cache=False)
    for name, text in build.generated().items():
        if name.endswith(".md"):
            assert html_size(text) < 60_000 - CHROME, name
    assert len(register_pages(generated_kb, [], build.calendar, {})) >= 1


def test_every_review_is_in_the_register_once_and_its_actions_add_up(generated_kb):
    """Across the register's pages: each review is one row of the list and one
    section, the action counts add up to the tracker's total, and every link to a
    review arrives at the page its section went to."""
    import posixpath

    from checks.site.build import SiteBuild
    from checks.site.register_page import register_pages

    build = SiteBuild.prepare(generated_kb.root, TODAY, use_cache=False)
    pages = register_pages(generated_kb, [], build.calendar, {})
    assert len(pages) > 1  # split, or this proves nothing about the split
    text = "".join(pages.values())
    refs = sorted(generated_kb.reviews)
    assert len(refs) > 20
    assert all(text.count(f"{{#{ref.lower()}}}") == 1 for ref in refs)
    listed = re.findall(r"^\| \[([A-Z]+-\d{4}-\d+)\]\(", text, re.M)
    assert sorted(listed) == refs
    counts = re.findall(r"\*\*Actions:\*\* \[(\d+) in the action tracker\]", text)
    assert sum(map(int, counts)) == len(generated_kb.actions())
    anchors = Anchors.of(pages)
    arrived = 0
    for name, page in pages.items():
        for link in re.findall(r"\]\(((?:\.\./)?register\.md#[\w-]+)\)", page):
            target = posixpath.normpath(
                posixpath.join(posixpath.dirname(name), anchors.resolve(link, name))
            )
            where, anchor = target.split("#")
            assert f"{{#{anchor}}}" in pages[where], (name, link)
            arrived += 1
    assert arrived >= len(refs)


def test_the_scales_are_the_issues():
    assert SCALES["medium"] == Scale(tors=100, briefs=1000, plans=500, actions=10_000, meetings=200)
    assert SCALES["large"].briefs == 10 * SCALES["medium"].briefs
    assert SCALES["large"].actions == 10 * SCALES["medium"].actions


def test_pages_have_a_budget_below_the_limit():
    assert BUDGET + CHROME < 60_000


def test_a_long_list_of_briefs_goes_over_pages_with_links_that_arrive():
    rows = [[f"[Brief {i}](lb-{i}.md) · {'word ' * 30}"] for i in range(500)]
    pages = pack("briefs/years.md", "By year", "# By year\n", [Section("y", "2026", rows=rows)])
    names = list(pages)
    assert names[:2] == ["briefs/years.md", "briefs/years/2.md"]
    assert "- [Brief 0](lb-0.md)" in pages["briefs/years.md"]
    assert "](../lb-" in pages["briefs/years/2.md"] and "](lb-" not in pages["briefs/years/2.md"]
    # The pager links from each page's own folder.
    assert "[2](years/2.md)" in pages["briefs/years.md"]
    assert "[1](../years.md)" in pages["briefs/years/2.md"]
    for text in pages.values():
        assert html_size(text) < 60_000 - CHROME


def test_the_themes_listing_is_packed_and_lists_each_brief_under_each_theme(tmp_path):
    from checks.model.publication import public_briefs
    from checks.site.briefs_pages import by_theme

    kb = load(
        generate(
            tmp_path / "kb", Scale(tors=1, briefs=400, plans=20, actions=40, meetings=0), TODAY
        )
    )
    briefs = public_briefs(kb, TODAY)
    pages = by_theme(kb, briefs)
    assert len(pages) > 1
    for text in pages.values():
        assert html_size(text) < 60_000 - CHROME
    # Each theme's section lists exactly the briefs that carry it, once each.
    listed: dict[str, int] = {}
    theme = ""
    for text in pages.values():
        for line in text.splitlines():
            anchor = re.search(r"\{#theme-([\w-]+)\}", line)
            if anchor:
                theme = anchor.group(1)
            elif line.startswith("## ") and not line.endswith("(continued)"):
                theme = ""
            elif theme and line.startswith("- ["):
                listed[theme] = listed.get(theme, 0) + 1
    themes = {t for b in briefs for t in b.themes}
    assert listed == {t: sum(t in b.themes for b in briefs) for t in themes}
    for theme in themes:
        # The contents on the first page links to the section, wherever it landed.
        assert f"](themes.md#theme-{theme})" in pages["briefs/themes.md"]
    assert Anchors.of(pages).moved  # later pages' sections are found by their anchors
