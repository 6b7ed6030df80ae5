"""The compliance dashboard says who must act: findings by the agency or group
that owns them, then by urgency, with counts that add up, links to the line in
the source where the host supports it, and no page over 60 KB however many
findings there are."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from checks.site.build import SiteBuild
from checks.site.source_links import SourceLinks, host_kind
from kbfactory import compliant, write
from sitehelp import REPO, mkdocs, write_site_config

TODAY = date(2026, 11, 25)
MAX_BYTES = 60 * 1024


def _count_rows(page: str) -> dict[str, tuple[int, int, int, int]]:
    """The summary's rows: owner's page -> (errors, warnings, infos, total)."""
    rows = re.findall(
        r"^\| \[[^\]]+\]\(([^)]+)\) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \|$", page, re.M
    )
    return {r[0]: (int(r[1]), int(r[2]), int(r[3]), int(r[4])) for r in rows}


def _findings_on(page: str) -> list[str]:
    """The check code of each finding row of an owner's page."""
    return re.findall(r"^\| \[([A-Z]+\d{3})\]\(\.\./rules/", page, re.M)


@pytest.fixture(scope="module")
def example() -> dict[str, str]:
    build = SiteBuild.prepare(
        REPO, TODAY, repo_url="https://github.com/kscp/kb", edit_uri="edit/main/docs/"
    )
    return {k: v for k, v in build.generated().items() if k.startswith("compliance")}


def test_each_owner_has_a_page_and_the_counts_add_up(example):
    summary = example["compliance.md"]
    rows = _count_rows(summary)
    assert len(rows) >= 5
    for page, (errors, warnings, infos, total) in rows.items():
        assert errors + warnings + infos == total
        found = _findings_on(example[page])
        assert len(found) == total, page
    headline = re.search(r"\*\*(\d+) errors?, (\d+) warnings?, (\d+) infos?\*\*", summary)
    assert headline is not None
    every = [sum(r[i] for r in rows.values()) for i in range(3)]
    assert every == [int(n) for n in headline.groups()]
    assert f"| **All** | **{every[0]}** | **{every[1]}** | **{every[2]}** |" in summary


def test_an_agencys_page_holds_its_own_actions_errors_first(example):
    police = example["compliance/agency-police.md"]
    assert police.startswith("# Downland Constabulary: findings to act on")
    assert set(_findings_on(police)) <= {"ACT001", "ACT002", "ACT005", "ACT006"}
    assert "(Downland Constabulary)" in police and "(Kestrelford Borough Council)" not in police
    council = example["compliance/agency-council.md"]
    assert council.index("## Errors: act now") < council.index("## Warnings")


def test_a_groups_page_holds_its_tor_and_meeting_findings(example):
    qa = example["compliance/group-quality-assurance.md"]
    assert {"TOR001", "MTG004"} <= set(_findings_on(qa))
    assert not {"ACT001", "REV003"} & set(_findings_on(qa))


def test_the_owners_with_most_errors_come_first(example):
    errors = [r[0] for r in _count_rows(example["compliance.md"]).values()]
    assert errors == sorted(errors, reverse=True)


def test_dates_in_findings_read_as_words(example):
    pages = "".join(example.values())
    assert "was due on 31 December 2025" in pages
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", re.sub(r"\(https://[^)]+\)", "", pages))


def test_source_links_go_to_the_line(example):
    page = example["compliance/agency-police.md"]
    links = re.findall(r"\[(data/actions/[^\]]+):(\d+)\]\((https://[^)]+)\)", page)
    assert links
    for path, line, url in links:
        assert url == f"https://github.com/kscp/kb/blob/main/{path}#L{line}"


@pytest.mark.parametrize(
    ("repo_url", "edit_uri", "expected"),
    [
        ("https://github.com/kscp/kb", None, "https://github.com/kscp/kb/blob/main/a/b.yaml#L33"),
        (
            "https://gitlab.com/kscp/kb/",
            None,
            "https://gitlab.com/kscp/kb/-/blob/main/a/b.yaml#L33",
        ),
        (
            "https://gitlab.council.example/kscp/kb",
            None,
            "https://gitlab.council.example/kscp/kb/-/blob/main/a/b.yaml#L33",
        ),
        (
            "https://code.council.example/kscp/kb",
            "-/edit/main/docs/",
            "https://code.council.example/kscp/kb/-/blob/main/a/b.yaml#L33",
        ),
        (
            "https://git.kestrelford.example/kscp/kb",
            "edit/main/docs/",
            "https://git.kestrelford.example/kscp/kb/blob/main/a/b.yaml#L33",
        ),
        (
            "https://bitbucket.org/kscp/kb",
            "src/main/docs/",
            "https://bitbucket.org/kscp/kb/src/main/a/b.yaml#lines-33",
        ),
        # A host that cannot be told: the file, with no anchor that could be wrong.
        (
            "https://code.council.example/kscp/kb",
            None,
            "https://code.council.example/kscp/kb/blob/main/a/b.yaml",
        ),
        (
            "https://code.council.example/kscp/kb",
            "_edit/main/docs/",
            "https://code.council.example/kscp/kb/blob/main/a/b.yaml",
        ),
    ],
)
def test_line_anchors_only_where_the_host_is_known(repo_url, edit_uri, expected):
    assert SourceLinks(repo_url, "main", edit_uri)("a/b.yaml", 33) == expected


def test_no_repository_no_source_link():
    assert SourceLinks(None)("a/b.yaml", 3) is None
    assert host_kind("https://notgithub.example/x", None) == "unknown"


# -- at scale ------------------------------------------------------------------------


def _many_overdue(n: int) -> dict[str, Any]:
    """A compliant knowledge base with ``n`` overdue actions, most of them the
    council's, and a long recommendation each (findings quote none of it)."""
    files = compliant()
    owners = ["council"] * (n * 3 // 4) + ["icb", "police", "school"] * n
    files["data/actions/CSPR-2026-01.yaml"]["actions"] += [
        {
            "id": f"B{i:04d}",
            "recommendation": "Make sure the agency's practice changes as the review recommends.",
            "owner": {"agency": owners[i], "role": "Head of Service"},
            "due": "2026-01-31",
            "status": "open" if i % 2 else "in-progress",
        }
        for i in range(n)
    ]
    return files


@pytest.fixture(scope="module")
def big_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("dashboard")
    root = write(tmp / "kb", _many_overdue(400))
    write_site_config(root)
    # A navigation as the example's: without one, MkDocs lists every page (each
    # rule's among them) in the menu of every page, whatever the dashboard does.
    with (root / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("nav:\n  - Home: index.md\n  - Compliance: compliance.md\n")
    out = tmp / "site"
    proc = mkdocs(root, out)
    assert proc.returncode == 0, proc.stderr
    return out


def test_no_dashboard_page_is_over_60_kb_and_the_pages_add_up(big_site):
    pages = sorted((big_site / "compliance").rglob("index.html"))
    summary = big_site / "compliance/index.html"
    assert summary in pages and len(pages) > 5
    for page in pages:
        assert page.stat().st_size < MAX_BYTES, (page, page.stat().st_size)
    council = sorted(p for p in pages if p.parent.name.startswith("agency-council"))
    assert len(council) >= 3  # the council's 300 findings over several pages
    rows = sum(
        len(re.findall(r"<td><a href=\"[^\"]*rules/ACT001/\">ACT001</a></td>", p.read_text()))
        for p in pages
    )
    assert rows == 400
    total = re.search(r"<strong>(\d+) errors", summary.read_text())
    assert total is not None and int(total[1]) >= 400
    first = (big_site / "compliance/agency-council/index.html").read_text()
    assert "part 1 of" in first and 'href="../agency-council-2/"' in first


def test_a_file_named_for_a_person_is_not_named_and_an_unknown_agency_not_echoed(tmp_path):
    files = compliant()
    plan = files.pop("data/actions/CSPR-2026-01.yaml")
    plan["actions"][0].update(due="2026-01-31", status="open")
    plan["actions"][0]["owner"] = {"agency": "kowalczyk-family", "role": "Head of Service"}
    files["data/actions/hannah-kowalczyk.yaml"] = plan
    root = write(tmp_path / "kb", files)
    build = SiteBuild.prepare(root, TODAY, repo_url="https://github.com/kscp/kb")
    pages = build.generated()
    published = "".join(v for k, v in pages.items() if not k.startswith("rules/"))
    assert "kowalczyk" not in published.lower()
    # The finding is still there, pointing at its line without the file's name.
    assert re.search(r"\| source, line \d+ \|", pages["compliance/partnership.md"])
    assert "an unknown agency" in pages["actions.md"]
    # Every agency keeps its page, findings or none.
    assert {f"compliance/agency-{a}.md" for a in build.kb.agencies} <= set(pages)


def test_a_group_whose_tor_is_withheld_keeps_its_page_by_id_not_title(tmp_path):
    files = compliant()
    front, body = files["docs/tor/panel.md"]
    # A draft retitled: the title is the draft's own, never to be published.
    files["docs/tor/panel.md"] = ({**front, "status": "draft", "title": "Tamsin Rowe"}, body)
    # A new group's draft that nothing published names keeps no page.
    files["docs/tor/quiet.md"] = ({**front, "status": "draft", "title": "Quiet"}, body)
    pages = SiteBuild.prepare(write(tmp_path / "kb", files), TODAY).generated()
    # The panel's meetings and procedure are still published, by its id: its
    # page stays, rather than vanishing as if it had nothing to act on.
    panel = pages["compliance/group-panel.md"]
    assert panel.startswith("# panel: findings to act on")
    assert "compliance/group-quiet.md" not in pages
    published = "".join(v for k, v in pages.items() if not k.startswith("rules/"))
    assert "Tamsin" not in published and "Quiet" not in published
