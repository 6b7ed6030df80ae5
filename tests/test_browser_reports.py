"""The report pages and their charts in a real browser: accessible in light and
dark mode (axe, WCAG 2.2 AA), printable, and loading nothing from elsewhere.

The example site is built once per session (``site`` in conftest.py, as at
2026-11-25) and served on 127.0.0.1 under ``/kb/`` by test_browser.py's server,
whose fixtures and axe audit these tests share.
"""

from __future__ import annotations

import io
import os
import shutil
from urllib.parse import urldefrag, urlsplit

import pytest
import test_browser
from pypdf import PdfReader
from test_browser_viewports import VIEWPORTS

from sitehelp import REPO

pytestmark = pytest.mark.browser

ARTIFACTS = REPO / "tests/artifacts"
SCREENSHOTS = REPO / "docs/assets/screenshots"
REPORTS = {
    "index": "reports/",
    "assurance": "reports/assurance/",
    "year": "reports/year/",
    "highlight": "reports/highlight-case-review/",
}
CHARTS = ("timeliness", "overdue", "themes", "attendance")

# The browser tests' server (the site under /kb/), their pages and axe audit.
base_url = test_browser.base_url
context = test_browser.context
page = test_browser.page
audit = test_browser.audit


#: The screen sizes people use (test_browser_viewports.py), and the desktop size.
SIZES = {"1280x900": {"viewport": {"width": 1280, "height": 900}}, **VIEWPORTS}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", list(SIZES))
def test_report_pages_have_no_wcag_aa_violations(browser, base_url, size, scheme):
    ctx = browser.new_context(color_scheme=scheme, **SIZES[size])
    page = ctx.new_page()
    found: dict[str, list[str]] = {}
    try:
        for name, path in {**REPORTS, "chart": "reports/charts/year-themes.svg"}.items():
            page.goto(base_url + path, wait_until="networkidle")
            if name != "chart":  # the chart file is an SVG document: no theme
                scheme_of = page.locator("body").get_attribute("data-md-color-scheme")
                assert scheme_of == ("slate" if scheme == "dark" else "default")
            if violations := audit(page):
                found[name] = violations
    finally:
        ctx.close()
    assert found == {}


def test_the_audit_sees_a_chart_without_its_text_alternative(page, base_url):
    page.goto(base_url + REPORTS["assurance"], wait_until="networkidle")
    page.evaluate("document.querySelector('.kb-chart img').removeAttribute('alt')")
    assert any(v.startswith("image-alt") for v in audit(page))


@pytest.mark.parametrize("name", ["assurance", "year"])
def test_each_chart_shows_with_its_text_alternative_and_its_table_after_it(page, base_url, name):
    page.goto(base_url + REPORTS[name], wait_until="networkidle")
    figures = page.locator("article figure.kb-chart")
    assert figures.count() == len(CHARTS)
    for i, chart in enumerate(CHARTS):
        img = figures.nth(i).locator("img")
        assert img.get_attribute("src").endswith(f"charts/{name}-{chart}.svg")
        assert page.evaluate("e => e.complete && e.naturalWidth > 300", img.element_handle())
        assert img.evaluate("e => e.getBoundingClientRect().width") > 300
        alt = img.get_attribute("alt")
        assert alt and len(alt) > 60 and "table" in alt
        # The table with the same figures comes right after the chart.
        after = figures.nth(i).evaluate("e => e.nextElementSibling.querySelector('table') !== null")
        assert after, chart


def test_a_chart_opened_on_its_own_names_itself(page, base_url):
    page.goto(base_url + "reports/charts/assurance-timeliness.svg")
    svg = page.locator("svg").first
    assert svg.get_attribute("role") == "img"
    title_id = svg.get_attribute("aria-labelledby")
    assert page.locator(f"[id='{title_id}']").text_content().startswith("Time taken by each")
    desc = page.locator(f"[id='{svg.get_attribute('aria-describedby')}']").text_content()
    assert "steps due from 2024Q4 to 2026Q3 were on time" in desc


def test_every_figure_links_to_a_record_that_exists(page, base_url):
    checked: set[str] = set()
    for path in REPORTS.values():
        page.goto(base_url + path, wait_until="networkidle")
        hrefs = page.eval_on_selector_all("article a[href]", "els => els.map(e => e.href)")
        for href in hrefs:
            url, anchor = urldefrag(href)
            if href in checked or not url.startswith(base_url) or href.endswith("#__skip"):
                continue
            checked.add(href)
            target = page.context.new_page()
            response = target.goto(url)
            assert response is not None and response.status == 200, href
            if anchor and not anchor.startswith("__"):
                assert target.locator(f"[id='{anchor}']").count() == 1, href
            target.close()
    assert any("register/#cspr-2026-02" in h for h in checked)
    assert any("actions/#agency-council" in h for h in checked)


def test_no_request_leaves_the_machine(page, base_url):
    hosts: set[str] = set()
    page.on("request", lambda r: hosts.add(urlsplit(r.url).hostname or r.url))
    for path in REPORTS.values():
        page.goto(base_url + path, wait_until="networkidle")
    for chart in CHARTS:
        page.goto(base_url + f"reports/charts/year-{chart}.svg", wait_until="networkidle")
    assert hosts == {"127.0.0.1"}


def _printed(page, base_url: str, path: str, name: str) -> PdfReader:
    page.goto(base_url + path, wait_until="networkidle")
    pdf = page.pdf(format="A4", print_background=True)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"report-{name}.pdf").write_bytes(pdf)
    return PdfReader(io.BytesIO(pdf))


@pytest.mark.parametrize("group", ["case-review", "executive", "learning-development"])
def test_a_highlight_report_prints_on_two_a4_pages(page, base_url, group):
    reader = _printed(page, base_url, f"reports/highlight-{group}/", f"highlight-{group}")
    assert len(reader.pages) <= 2
    text = " ".join(p.extract_text() for p in reader.pages)
    for heading in ("Reviews", "Actions", "Learning briefs", "Attendance by agency"):
        assert heading in text, heading
    for chrome in ("Table of contents", "Rule reference", "Action tracker"):
        assert chrome not in text


def test_the_assurance_report_prints_its_charts_whole(page, base_url):
    reader = _printed(page, base_url, REPORTS["assurance"], "assurance")
    assert "Statutory timeliness" in reader.pages[0].extract_text()
    page.emulate_media(media="print")
    boxes = page.eval_on_selector_all(
        "figure.kb-chart img", "els => els.map(e => [e.complete, e.getBoundingClientRect().height])"
    )
    assert len(boxes) == len(CHARTS)
    assert all(done and height > 100 for done, height in boxes)


@pytest.mark.parametrize(
    ("name", "path", "selector"),
    [
        ("report-assurance", REPORTS["assurance"], None),
        ("report-chart", REPORTS["year"], "figure.kb-chart >> nth=0"),
    ],
)
def test_screenshots(page, base_url, name, path, selector):
    page.goto(base_url + path, wait_until="networkidle")
    out = ARTIFACTS / "screenshots" / f"{name}.png"
    out.parent.mkdir(parents=True, exist_ok=True)
    if selector:
        page.locator(selector).screenshot(path=str(out))
    else:
        page.screenshot(path=str(out))
    assert out.stat().st_size > 10_000
    if os.environ.get("KB_UPDATE_SCREENSHOTS"):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copy(out, SCREENSHOTS / out.name)
