"""What a practitioner reads: a brief past its review says so, a printed brief
says whose it is, where it lives and when the site was built, a proposed ToR is
not shown as approved, and codes appear as words."""

from __future__ import annotations

from datetime import date

import pytest

from checks.site.build import SiteBuild
from sitehelp import REPO

TODAY = date(2026, 11, 25)
LAPSED = "briefs/lb-2024-01-neglect-missed-appointments.md"  # review_by 2026-05-31
IN_DATE = "briefs/lb-2025-01-safe-sleep.md"


@pytest.fixture(scope="module")
def build() -> SiteBuild:
    return SiteBuild.prepare(REPO, TODAY, site_url="https://intranet.example/kb/")


def _page(build: SiteBuild, src: str) -> str:
    body = (REPO / "docs" / src).read_text(encoding="utf-8").split("---", 2)[2]
    return build.decorate(src, body)


def test_a_brief_past_its_review_date_warns_its_reader(build):
    page = _page(build, LAPSED)
    assert '!!! danger "Review lapsed 178 days ago"' in page
    assert "due to be reviewed on 31 May 2026" in page
    # At the top: before the brief's facts and its first part.
    assert page.index("Review lapsed") < page.index("kb-brief-meta") < page.index("## 1.")


def test_a_brief_in_date_carries_no_banner(build):
    assert "!!!" not in _page(build, IN_DATE)


def test_a_printed_brief_says_whose_it_is_where_it_lives_and_when_it_was_built(build):
    page = _page(build, IN_DATE)
    note = page.split('<p class="kb-print-note">')[1].split("</p>")[0]
    assert note == (
        "Kestrelford Safeguarding Children Partnership · "
        "https://intranet.example/kb/briefs/lb-2025-01-safe-sleep.md · "
        "Printed from the site as built on 25 November 2026"
    )


def test_without_a_published_address_the_note_gives_the_path(build):
    bare = SiteBuild(build.kb, build.result, TODAY)
    page = bare.decorate(IN_DATE, "# Safe sleep\n")
    assert "· briefs/lb-2025-01-safe-sleep.md ·" in page


def test_a_proposed_tor_is_not_shown_as_approved(build):
    page = build.decorate("tor/neglect-task-finish.md", "# Neglect\n")
    assert "| Status | Proposed, not yet approved |" in page
    assert "| Approved on | Not yet approved |" in page
    assert "| To be approved by | [Case Review Group](case-review.md) |" in page
    assert "5 February 2026" not in page.split("## Membership")[0]


def test_an_approved_tor_shows_its_approval_in_words(build):
    page = build.decorate("tor/case-review.md", "# Case Review Group\n")
    assert "| Status | Approved |" in page and "| Approved on | 30 April 2026 |" in page
