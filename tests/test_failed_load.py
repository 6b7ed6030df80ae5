"""A file that did not load is said so once: never read as "all clear", never as a
flood of false errors elsewhere (issue 13, item 6).

- a broken entry of a list costs only itself; the others load;
- a check that needs records that did not load does not run, and KB008 says so;
- no check reports an id as unknown because its entry did not load;
- every generated page built from what did not load says so at the top, and the
  home page gives no count it could not make.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from checks.loading import load
from checks.model.findings import Finding
from checks.model.yaml_source import YamlError, load_yaml
from checks.rules.engine import Result, run
from checks.site.build import SiteBuild
from checks.speed.cache import ParseCache, using
from kbfactory import write
from sitehelp import mkdocs

REPO = Path(__file__).resolve().parent.parent
AS_OF = date(2026, 11, 25)


def example(tmp_path: Path) -> Path:
    root = tmp_path / "kb"
    for part in ("docs", "data"):
        shutil.copytree(REPO / part, root / part)
    shutil.copy(REPO / "kb.yaml", root / "kb.yaml")
    return root


def edit(path: Path, old: str, new: str) -> int:
    """Replace the one line ``old`` starts in ``path``; its 1-based line number."""
    lines = path.read_text().split("\n")
    (at,) = [i for i, line in enumerate(lines) if line.startswith(old)]
    lines[at] = new
    path.write_text("\n".join(lines))
    return at + 1


def of(result: Result, *codes: str) -> list[Finding]:
    return [f for f in result.findings if f.code in codes]


def before_and_after(tmp_path: Path, file: str, old: str, new: str) -> tuple[Result, Result, int]:
    """The example's findings, then with one line of ``file`` changed, and its line."""
    root = example(tmp_path)
    before = run(load(root), AS_OF)
    line = edit(root / file, old, new)
    return before, run(load(root), AS_OF), line


#: An unquoted comma in the example's Case Review Group ToR.
COMMA = (
    "docs/tor/case-review.md",
    "  - {agency: community-health",
    "  - {agency: community-health, role: Head of Service, Kestrelford Voluntary Action}",
)


# -- the example: one unclosed quote in one review ------------------------------


def test_an_unclosed_quote_in_one_review_costs_only_that_review(tmp_path):
    before, after, line = before_and_after(
        tmp_path,
        "data/reviews.yaml",
        "    title: Unsafe sleep",
        '    title: "Unsafe sleep in a family under stress',
    )

    (bad,) = of(after, "KB002")
    assert (bad.file, bad.line, bad.subject) == ("data/reviews.yaml", line, "CSPR-2024-02")
    assert "no closing quote" in bad.message
    # No plan or brief is told its review is missing from the register.
    assert of(after, "ACT004", "BRF003") == []
    # Every real finding about the other reviews is still there...
    others = {(f.code, f.subject) for f in of(before, *_REV) if f.subject != "CSPR-2024-02"}
    assert others and others == {(f.code, f.subject) for f in of(after, *_REV)}
    # ...and, the lost entry being named, no check had to be skipped.
    assert of(after, "KB008") == []


_REV = tuple(f"REV00{i}" for i in range(1, 9))


def test_a_register_that_does_not_load_is_said_once(tmp_path):
    root = example(tmp_path)
    # The envelope itself breaks: no entry can be recovered.
    path = root / "data/reviews.yaml"
    path.write_text(path.read_text().replace("reviews:\n", 'reviews: "\n', 1))
    result = run(load(root), AS_OF)

    (bad,) = of(result, "KB002")
    (kb008,) = of(result, "KB008")
    assert (kb008.file, kb008.line) == (bad.file, bad.line)
    assert "data/reviews.yaml did not load" in kb008.message
    for code in ("ACT004", "BRF003", *_REV):
        assert code in kb008.message
    assert of(result, "ACT004", "BRF003", *_REV) == []
    # Checks that did not run are not listed as run (JUnit would show them passed).
    assert "ACT004" not in result.rules_run and "ACT001" in result.rules_run


# -- per-entry recovery ----------------------------------------------------------------


def test_each_entry_of_a_list_that_parses_still_loads(files, check):
    files["data/actions/CSPR-2026-01.yaml"] = (
        "review: CSPR-2026-01\n"
        "actions:\n"
        "  - id: A01\n"
        "    recommendation: Do the first thing.\n"
        "    owner: {agency: council, role: Head of Service\n"  # no closing brace
        "    due: 2026-10-31\n"
        "    status: open\n"
        "  - id: A02\n"
        "    recommendation: Do the second thing.\n"
        "    owner: {agency: icb, role: Designated Nurse}\n"
        "    due: 2026-11-01\n"
        "    status: open\n"
    )
    result = check(files)
    (bad,) = of(result, "KB002")
    assert (bad.file, bad.line, bad.subject) == ("data/actions/CSPR-2026-01.yaml", 5, "A01")
    assert "has no matching `}`" in bad.message
    (overdue,) = of(result, "ACT001")  # A02, which parses on its own, is still checked
    assert (overdue.subject, overdue.line) == ("CSPR-2026-01/A02", 11)


def test_a_broken_agency_is_not_reported_unknown_elsewhere(files, check):
    text = (
        "name: Testshire Safeguarding Children Partnership\n"
        "area: Testshire\n"
        "nation: ENG\n"
        "agencies:\n"
        "- {id: council, name: Testshire Council, statutory: true}\n"
        "- {id: icb, name: Testshire ICB, statutory: true}\n"
        "- {id: police, name: Testshire Police, statutory: true}\n"
        "- {id: school, name: 'Testshire Schools}\n"  # unclosed quote
        "yearly_reports:\n"
        "- {period: 2025 to 2026, published_on: 2026-06-30}\n"
    )
    files["data/partnership.yaml"] = text
    result = check(files)
    (bad,) = of(result, "KB002")
    assert (bad.line, bad.subject) == (8, "school")
    # The ToRs, meetings and briefs name `school`: none is told it is unknown.
    assert of(result, "TOR010", "MTG005", "BRF005", "ACT003", "KB008") == []
    assert {f.code for f in result.findings} == {"KB002"}


@pytest.mark.parametrize(
    ("config", "select"),
    [("", ("REV001",)), ("rules:\n  KB008: {enabled: false}\n", ())],
    ids=["selected out", "disabled"],
)
def test_a_check_that_could_not_run_is_never_silently_missing(files, check, config, select):
    files["data/reviews.yaml"] = "reviews: [CSPR\n"
    files["kb.yaml"] = config
    result = check(files, select=select)
    (kb008,) = of(result, "KB008")
    assert "REV001" in kb008.message


def test_a_partnership_that_does_not_load_stops_the_checks_that_need_it(files, check):
    files["data/partnership.yaml"] = "name: [Testshire\nagencies: []\n"
    result = check(files)
    (kb008,) = of(result, "KB008")
    assert kb008.file == "data/partnership.yaml"
    for code in ("TOR004", "TOR005", "TOR010", "MTG001", "PRT001", "BRF005"):
        assert code in kb008.message
    # kb.yaml sets no nation: working days are unknown too.
    assert "REV001" in kb008.message and "MTG002" in kb008.message


def test_a_nation_in_kb_yaml_keeps_working_day_checks_running(files, check):
    files["data/partnership.yaml"] = "name: [Testshire\n"
    files["kb.yaml"] = "nation: ENG\n"
    (kb008,) = of(check(files), "KB008")
    assert "TOR010" in kb008.message and "REV001" not in kb008.message


def test_a_broken_meeting_hides_no_gap_and_invents_none(files, check):
    files["data/meetings/2026.yaml"] = (
        "meetings:\n"
        "  - group: exec\n"
        "    date: 2026-06-01\n"
        "    present: [council, icb, police]\n"
        "    papers_sent: 2026-05-22\n"
        "    minutes_sent: 2026-06-10\n"
        "  - group: exec\n"
        "    date: 2026-10-01\n"
        "    present: [council, icb, police\n"  # no closing bracket
        "  - group: panel\n"
        "    date: 2026-11-05\n"
        "    present: [council, icb, police, school]\n"
        "    papers_sent: 2026-10-29\n"
        "    minutes_sent: 2026-11-19\n"
    )
    result = check(files)
    (bad,) = of(result, "KB002")
    assert (bad.line, bad.subject) == (9, "exec")
    # Without the lost October meeting, exec would seem not to have met since June.
    assert of(result, "MTG004", "KB008") == []
    assert {f.code for f in result.findings} == {"KB002"}


def test_an_entry_that_is_invalid_is_not_reported_unknown_elsewhere(files, check):
    reviews = files["data/reviews.yaml"]["reviews"]
    reviews.append({**reviews[0], "ref": "CSPR-2026-02"})
    reviews[0]["sin_sent"] = "2026-02-30"
    result = check(files)
    # No ACT004 or BRF003 for CSPR-2026-01; CSPR-2026-02 loaded, so nothing is skipped.
    assert [(f.code, f.subject) for f in result.findings] == [("KB003", "CSPR-2026-01")]


def test_a_list_whose_every_entry_is_invalid_did_not_load(files, check):
    files["data/reviews.yaml"]["reviews"][0]["sin_sent"] = "2026-02-30"
    result = check(files)
    assert [f.code for f in result.findings] == ["KB003", "KB008"]
    assert of(result, "KB008")[0].line == of(result, "KB003")[0].line


# -- the unquoted comma -------------------------------------------------------------


def test_an_unquoted_comma_in_an_owner_names_the_fix(files, check):
    plan = "data/actions/CSPR-2026-01.yaml"
    data = files[plan]
    text = (
        f"review: {data['review']}\n"
        "actions:\n"
        "  - id: A02\n"
        "    recommendation: Do it.\n"
        "    owner: {agency: icb, role: Head of Service, Testshire Voluntary Action}\n"
        "    due: 2027-06-30\n"
        "    status: open\n"
    )
    files[plan] = text
    (bad,) = check(files).findings
    assert (bad.code, bad.file, bad.line) == ("KB003", plan, 5)
    assert "unknown field" not in bad.message
    assert (
        'put the whole value in quotes: role: "Head of Service, Testshire Voluntary Action"'
        in bad.message
    )


_TOR_WITH_COMMA = (
    "---\n"
    "title: Review Panel\nversion: '2.0'\nstatus: approved\napproved_on: 2026-06-30\n"
    "approved_by: exec\nnext_review: 2027-06-30\nreports_to: exec\n"
    "chair: {agency: council, role: Director}\n"
    "members:\n"
    "  - {agency: council, role: Director}\n"
    "  - {agency: icb, role: Chief Nurse}\n"
    "  - {agency: police, role: Superintendent}\n"
    "  - {agency: school, role: Head of Service, Testshire Voluntary Action}\n"
    "quorum: [council, icb, police]\nfrequency: monthly\n"
    "history:\n"
    "  - {version: '2.0', date: 2026-06-30, approved_by: exec, summary: Review.}\n"
    "---\n\n# Panel\n"
)


def test_an_unquoted_comma_in_a_members_role_names_the_fix(files, tmp_path):
    files["docs/tor/panel.md"] = _TOR_WITH_COMMA
    kb = load(write(tmp_path / "kb", files))
    (bad,) = [p for code, p in kb.load_problems if code == "KB003"]
    assert (bad.file, bad.line) == ("docs/tor/panel.md", 14)
    assert "unknown field" not in bad.message
    assert (
        'put the whole value in quotes: role: "Head of Service, Testshire Voluntary Action"'
        in bad.message
    )


def test_an_unquoted_comma_in_a_tor_gives_no_false_errors(files, check):
    files["docs/tor/panel.md"] = _TOR_WITH_COMMA
    # The group `panel` did not load: no meeting, procedure or ToR is told it is unknown.
    assert [f.code for f in check(files).findings] == ["KB003"]


def test_the_example_unquoted_comma_gives_no_false_errors(tmp_path):
    before, after, line = before_and_after(tmp_path, *COMMA)
    new = set(after.findings) - set(before.findings)
    (bad,) = new
    assert (bad.code, bad.line) == ("KB003", line)


# -- the parse cache keeps what was lost -------------------------------------------------


def test_a_cached_run_knows_what_did_not_load(tmp_path):
    root = example(tmp_path)
    edit(root / "data/reviews.yaml", "    title: Unsafe sleep", '    title: "Unsafe sleep')
    edit(root / "data/meetings/2026.yaml", "meetings:", 'meetings: "')
    fresh = load(root)
    cache = ParseCache(tmp_path / "cache.pickle")
    with using(cache):
        first = load(root)
    cache.save()
    warm = ParseCache(tmp_path / "cache.pickle")
    with using(warm):
        again = load(root)
    assert warm.misses == 0
    assert fresh.unloaded == first.unloaded == again.unloaded
    assert {(u.source, u.whole) for u in again.unloaded} == {("reviews", False), ("meetings", True)}


# -- recovering the entries of a list ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kept", "broken"),
    [
        # a list at column 0, in flow style
        ("themes:\n- {id: a, label: A}\n- {id: b, label: 'B}\n- {id: c, label: C}\n", 2, [3]),
        # an entry with a tab, between two good ones
        ("themes:\n  - id: a\n  - id: b\n\tlabel: B\n  - id: c\n", 2, [4]),
        # comments and blank lines between entries, and a key after the list
        ("themes:\n  # one\n  - id: a\n\n  - id: 'b\n  # two\n  - id: c\nnote: x\n", 2, [5]),
    ],
)
def test_recover_list_keeps_what_parses(text, kept, broken):
    from checks.loading.entries import recover_list

    with pytest.raises(YamlError):
        load_yaml(text)
    recovered = recover_list(text, "themes")
    assert recovered is not None
    data, lost = recovered
    assert len(data["themes"]) == kept
    assert [b.line for b in lost] == broken
    # Each entry kept knows its line in the file, not in the piece parsed.
    for item, line in zip(data["themes"], data["themes"].item_lines, strict=True):
        assert text.split("\n")[line - 1].lstrip().startswith("- ")
        assert item.line == line


@pytest.mark.parametrize(
    "text",
    [
        'themes:\n  - id: a\nname: "unclosed\n',  # the error is outside the list
        "themes: [a, b\n",  # no block list to split
        "other:\n  - id: a\n  - id: 'b\n",  # not the list asked for
    ],
)
def test_recover_list_gives_up_when_the_error_is_not_in_one_entry(text):
    from checks.loading.entries import recover_list

    assert recover_list(text, "themes") is None


# -- generated pages --------------------------------------------------------------------------


def build(root: Path) -> tuple[SiteBuild, dict[str, str]]:
    site = SiteBuild(load(root), run(load(root), AS_OF), AS_OF)
    return site, site.generated()


def home(site: SiteBuild, root: Path) -> str:
    return site.decorate("index.md", (root / "docs/index.md").read_text())


def test_pages_built_from_a_register_that_did_not_load_say_so(tmp_path):
    root = example(tmp_path)
    site, pages = build(root)  # whole, the example has no box and no uncounted figure
    assert not any("Incomplete:" in text for text in pages.values())
    assert "could not be counted" not in home(site, root)
    assert "Deadlines incomplete" not in pages["calendar.ics"]
    path = root / "data/reviews.yaml"
    path.write_text(path.read_text().replace("reviews:\n", 'reviews: "\n', 1))
    site, pages = build(root)
    box = '!!! danger "Incomplete: data/reviews.yaml did not load"'
    for page in ("register.md", "compliance.md"):
        assert box in pages[page], page
        # At the top: straight after the title.
        assert pages[page].split("\n\n")[1].startswith(box), page
    assert box not in pages["actions.md"] and box not in pages["groups.md"]
    text = home(site, root)
    assert box in text
    assert "0 late or overdue review steps" not in text
    assert "Late or overdue review steps: could not be counted" in text
    assert "SUMMARY:Deadlines incomplete" in pages["calendar.ics"]


def test_a_tracker_whose_plan_did_not_load_says_so(tmp_path):
    root = example(tmp_path)
    edit(root / "data/actions/CSPR-2025-01.yaml", "actions:", "actions: [")
    site, pages = build(root)
    assert (
        '!!! danger "Incomplete: data/actions/CSPR-2025-01.yaml did not load"'
        in (pages["actions.md"])
    )
    text = home(site, root)
    assert "Overdue actions: could not be counted" in text


def test_pages_whose_partnership_did_not_load_say_so(tmp_path):
    root = example(tmp_path)
    edit(root / "data/partnership.yaml", "name:", "name: [")
    site, pages = build(root)
    text = home(site, root)
    assert '!!! danger "Incomplete: data/partnership.yaml did not load"' in text
    # PRT001 and PRT002 could not run: no line about the yearly report would read as on time.
    assert "The yearly report could not be checked" in text
    # kb.yaml sets no nation: the register's working-day checks did not run either.
    register = pages["register.md"]
    assert "On time" not in register
    assert "Not checked: records the checks need did not load" in register


def test_a_lost_page_is_not_named_on_the_site(tmp_path):
    root = example(tmp_path)
    edit(root / COMMA[0], *COMMA[1:])
    site, pages = build(root)
    assert '!!! danger "Incomplete: a terms of reference page did not load"' in pages["groups.md"]
    assert "case-review.md" not in pages["groups.md"].split("## ")[0]
    assert "Terms of reference lapsed, due for review or undated: could not be counted" in home(
        site, root
    )


def test_the_non_strict_build_shows_it(tmp_path):
    root = example(tmp_path)
    config = (REPO / "mkdocs.yml").read_text().replace("hooks/kb.py", str(REPO / "hooks/kb.py"))
    (root / "mkdocs.yml").write_text(config)
    edit(root / "data/reviews.yaml", "    title: Unsafe sleep", '    title: "Unsafe sleep')
    proc = mkdocs(root, tmp_path / "site", as_of=AS_OF.isoformat())
    assert proc.returncode == 0, proc.stderr
    for page in ("register/index.html", "index.html", "compliance/index.html"):
        html = (tmp_path / "site" / page).read_text()
        assert "admonition danger" in html and "did not load" in html, page
        assert "CSPR-2024-02" in html.split("admonition danger")[1][:600], page
    assert "0 late or overdue review steps" not in (tmp_path / "site/index.html").read_text()


def test_split_pages_and_every_owner_page_say_so_and_none_vanishes(tmp_path):
    # The police's overdue actions are in these two plans; with both lost, the
    # police have no finding left, and their dashboard page used to vanish.
    root = example(tmp_path)
    edit(root / "data/actions/CSPR-2024-02.yaml", "actions:", "actions: [")
    edit(root / "data/actions/CSPR-2025-03.yaml", "actions:", "actions: [")
    _, pages = build(root)
    boxed = [p for p in pages if p.startswith(("actions/", "compliance/"))]
    assert "actions/2.md" in boxed and "compliance/agency-police.md" in boxed
    for page in boxed:
        assert '!!! danger "Incomplete: 2 files or entries did not load"' in pages[page], page
    police = pages["compliance/agency-police.md"]
    assert "0 errors" not in police
    assert "Nothing found to act on in the records that loaded" in police
    # Pages that show none of these records carry no box.
    assert "Incomplete:" not in pages["rules/index.md"]


def test_an_invalid_reference_is_never_quoted(tmp_path):
    # A ref that fails validation may carry a family's name: the entry is named
    # by its file and line, in the banner, the finding and the dashboard.
    root = example(tmp_path)
    line = edit(
        root / "data/reviews.yaml", "  - ref: CSPR-2024-02", "  - ref: CSPR-2024-SURNAME-02"
    )
    result = run(load(root), AS_OF)
    _, pages = build(root)
    assert not any("SURNAME" in f.subject for f in result.findings)
    assert "SURNAME" not in "".join(pages.values())
    box = f'!!! danger "Incomplete: an entry at line {line} of data/reviews.yaml did not load"'
    assert box in pages["register.md"]
