"""What a practitioner sees in the browser and on paper: a printed brief names
the partnership, its address and the build date; a lapsed brief's warning is on
screen; a version comparison says "Removed" and "Added" in words a sighted
reader sees, and strikes the removed text through.

Served as in test_browser.py (the example as at 2026-11-25, under /kb/).
"""

from __future__ import annotations

import io

import pytest
import test_browser
from pypdf import PdfReader

from sitehelp import SERVED_AT

pytestmark = pytest.mark.browser

base_url = test_browser.base_url
context = test_browser.context
page = test_browser.page

BRIEF = "briefs/lb-2025-01-safe-sleep/"


def test_a_printed_brief_names_the_partnership_its_address_and_the_build_date(page, base_url):
    page.goto(base_url + BRIEF, wait_until="networkidle")
    note = page.locator(".kb-print-note")
    assert not note.is_visible()  # on paper only
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    assert len(reader.pages) <= 2
    first = " ".join(reader.pages[0].extract_text().split())
    assert "Kestrelford Safeguarding Children Partnership" in first
    assert SERVED_AT + BRIEF in first
    assert "Printed from the site as built on 25 November 2026" in first


def test_the_print_note_is_not_searched(page, base_url):
    # The same line on every brief: were it indexed, these would find them all.
    assert test_browser.search(page, base_url, "printed") == []
    assert test_browser.search(page, base_url, "pram")  # the brief itself still is


def test_a_lapsed_brief_warns_on_screen(page, base_url):
    page.goto(base_url + "briefs/lb-2024-01-neglect-missed-appointments/")
    banner = page.locator(".admonition.danger")
    assert banner.is_visible()
    assert "Review lapsed 178 days ago" in banner.inner_text()


def test_a_version_comparison_says_removed_and_added_in_visible_words(page, base_url):
    page.goto(base_url + "tor/case-review/v3.1/")
    removed = page.locator(".kb-diff .kb-del").first
    added = page.locator(".kb-diff .kb-ins").first
    assert removed.inner_text().startswith("Removed:") and removed.is_visible()
    assert added.inner_text().startswith("Added:") and added.is_visible()
    label = removed.locator(".kb-change")
    assert label.bounding_box()["width"] > 20  # shown, not hidden for screen readers only
    struck = removed.locator("del").evaluate("e => getComputedStyle(e).textDecorationLine")
    assert "line-through" in struck
    assert "line-through" not in added.locator("ins").evaluate(
        "e => getComputedStyle(e).textDecorationLine"
    )
