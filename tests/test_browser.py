"""The built example site in a real browser, as a person uses it.

Playwright drives Debian's Chromium (``/usr/bin/chromium``: Playwright cannot
download its own browsers here). The site is served by a Python HTTP server on
127.0.0.1 under the path prefix ``/kb/``, which also proves the site works below
any prefix.
"""

from __future__ import annotations

import functools
import io
import os
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from pypdf import PdfReader

from checks.rules.brf004_missing_part import SEVEN_PARTS
from sitehelp import REPO, SERVED_AT

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("KB_CHROMIUM", "/usr/bin/chromium")
PREFIX = urlsplit(SERVED_AT).path  # "/kb/"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
ARTIFACTS = REPO / "tests/artifacts"
SCREENSHOTS = REPO / "docs/assets/screenshots"

PAGE_TYPES = {
    "home": "",
    "groups": "groups/",
    "tor": "tor/quality-assurance/",
    "brief": "briefs/lb-2025-01-safe-sleep/",
    "briefs": "briefs/",
    "themes": "briefs/themes/",
    "procedure": "procedures/rapid-review/",
    "register": "register/",
    "actions": "actions/",
    "dashboard": "compliance/",
    "rule": "rules/REV002/",
    "contributing": "contributing/",
    "not found": "no/such/page/",  # the server sends 404.html, as a real one would
}


class _Handler(SimpleHTTPRequestHandler):
    def translate_path(self, path: str) -> str:
        if not path.startswith(PREFIX):
            return str(Path(self.directory) / "__not_found__")
        return super().translate_path("/" + path[len(PREFIX) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        # Like a web server set up for the site: a missing page gets the site's own.
        not_found = Path(self.directory) / "404.html"
        if code != 404 or self.command != "GET" or not not_found.exists():
            super().send_error(code, message, explain)
            return
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # quiet tests
        pass


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    handler = functools.partial(_Handler, directory=str(site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}{PREFIX}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    return context.new_page()


#: Pagefind's search box, which the site puts in the header.
SEARCH_BOX = ".kb-search input.pagefind-ui__search-input"
#: The top-level results (each page once; its sections are nested below it).
RESULT_LINKS = ".kb-search .pagefind-ui__result-title > .pagefind-ui__result-link"


def search(page, base_url: str, query: str, path: str = "") -> list[str]:
    """Type a query into the site search; return the result links' hrefs."""
    page.goto(base_url + path)
    box = page.locator(SEARCH_BOX)
    box.click()
    # One input event, so one search: typing letter by letter starts a search per
    # prefix, and a slow machine can show the final count over an earlier list.
    box.fill(query)
    # Pagefind says how many pages it found (or none) once a search has finished,
    # then fills in each page shown (five at first) as its fragment arrives; the
    # links include each page's sections, so count pages, not links.
    page.wait_for_function(
        """([q, links]) => {
            const m = document.querySelector('.kb-search .pagefind-ui__message');
            if (!m || !m.textContent.includes(q) || /Searching/i.test(m.textContent)) return false;
            const found = parseInt(m.textContent, 10) || 0;
            const pages = new Set(
                [...document.querySelectorAll(links)].map(a => a.href.split('#')[0]));
            return pages.size >= Math.min(found, 5);
        }""",
        arg=[query, RESULT_LINKS],
    )
    return page.eval_on_selector_all(RESULT_LINKS, "els => els.map(e => e.href)")


# -- search -------------------------------------------------------------------


def test_search_for_a_word_only_one_brief_uses_finds_it_first(page, base_url):
    results = search(page, base_url, "pram")
    assert results and "lb-2025-01-safe-sleep" in results[0]
    page.locator(RESULT_LINKS).first.click()
    page.wait_for_url("**/lb-2025-01-safe-sleep/**")
    assert page.locator("h1").inner_text().startswith("Safe sleep when families are under pressure")


def test_search_for_a_theme_finds_its_briefs(page, base_url):
    results = search(page, base_url, "exploitation")
    assert any("lb-2025-02-criminal-exploitation" in r for r in results)
    assert any("lb-2025-03-transition" in r for r in results)


def test_search_for_embargoed_text_finds_nothing(page, base_url):
    # Words that appear only in the embargoed brief ("acutely") and the draft one.
    # Pagefind forgives typos, so a bare word also finds near spellings on other
    # pages; quoted, it finds only the word itself, which no published page holds.
    assert search(page, base_url, '"acutely"') == []
    for query in ("acutely", "EMBARGO-MARKER-K9X", "DRAFT-MARKER-7Q3", "Child G"):
        assert not any(
            "lb-2026-05" in r or "lb-2026-06" in r for r in search(page, base_url, query)
        )


@pytest.mark.parametrize("query", ["rapid review", "escalation", "quorum", "neglect", "ACT001"])
def test_practitioner_queries_find_practitioner_pages_first(page, base_url, query):
    """Briefs, procedures and ToRs come first; the data, rule and administration
    pages are not in the index at all (checks/site/pagefind.py)."""
    paths = [urlsplit(r).path.removeprefix(PREFIX) for r in search(page, base_url, query)]
    if query != "ACT001":
        assert paths and paths[0].startswith(("briefs/", "procedures/", "tor/")), paths
    admin = ("rules/", "register/", "actions/", "compliance/", "reports/")
    assert not [p for p in paths if p.startswith(admin) or p == ""], paths


# -- navigation ---------------------------------------------------------------


def test_a_tor_is_two_clicks_from_home(page, base_url):
    page.goto(base_url)
    page.get_by_role("link", name="Groups", exact=True).first.click()
    page.get_by_role("navigation", name="Governance map").get_by_role(
        "link", name="Case Review Group"
    ).click()
    page.wait_for_url("**/tor/case-review/")
    assert "Case Review Group" in page.locator("h1").inner_text()


def test_reach_a_brief_through_its_theme_tag_page(page, base_url):
    page.goto(base_url + "briefs/themes/")
    page.locator("a[href*='lb-2025-01-safe-sleep']").first.click()
    page.wait_for_url("**/lb-2025-01-safe-sleep/")
    assert page.locator(".md-tag").filter(has_text="Safe sleep").count() >= 1


def test_governance_map_links_to_every_group(page, base_url):
    page.goto(base_url + "groups/")
    hrefs = (
        page.get_by_role("navigation", name="Governance map")
        .locator("a")
        .evaluate_all("els => els.map(e => e.getAttribute('href'))")
    )
    groups = {p.stem for p in (REPO / "docs/tor").glob("*.md")}
    assert {h.strip("./").split("/")[-1] for h in hrefs} == groups


# -- status -------------------------------------------------------------------


def test_lapsed_tor_shows_the_lapsed_banner_with_days(page, base_url):
    page.goto(base_url + "tor/quality-assurance/")
    banner = page.locator(".admonition.danger")
    assert "Review lapsed 513 days ago" in banner.inner_text()


def test_action_tracker_shows_overdue_actions_for_an_agency(page, base_url):
    page.goto(base_url + "actions/")
    page.get_by_role("link", name="Downland Constabulary").first.click()
    assert page.url.endswith("#agency-police")
    section = page.locator(
        "h2#agency-police + table, #agency-police ~ .md-typeset__scrollwrap"
    ).first
    assert "Overdue by" in section.inner_text()


def test_every_dashboard_finding_links_to_a_page_that_exists(page, base_url):
    # The summary links to each owner's page, which lists its findings.
    page.goto(base_url + "compliance/")
    owners = page.eval_on_selector_all("table td:first-child a", "els => els.map(e => e.href)")
    assert len(owners) > 5
    hrefs = []
    for owner in owners:
        page.goto(owner)
        hrefs += page.eval_on_selector_all("table td:nth-child(2) a", "els => els.map(e => e.href)")
    assert len(hrefs) > 20
    request = page.context.request
    for href in sorted(set(h.split("#")[0] for h in hrefs)):
        assert request.get(href).status == 200, href


# -- nothing leaves 127.0.0.1 --------------------------------------------------


def test_no_request_leaves_the_machine(page, base_url):
    hosts: set[str] = set()
    page.on("request", lambda r: hosts.add(urlsplit(r.url).hostname or r.url))
    for path in PAGE_TYPES.values():
        page.goto(base_url + path, wait_until="networkidle")
    search(page, base_url, "neglect")
    assert hosts == {"127.0.0.1"}


def test_the_not_found_page_keeps_its_styles_and_links_at_any_depth(page, base_url):
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    response = page.goto(base_url + "tor/no/such/page/", wait_until="networkidle")
    assert response is not None and response.status == 404
    assert failed == [response.url]  # only the page itself is missing: styles and scripts load
    # Material's stylesheet is applied: its header sticks to the top.
    assert page.eval_on_selector(".md-header", "e => getComputedStyle(e).position") == "sticky"
    page.locator("article").get_by_role("link", name="Learning briefs").click()
    page.wait_for_load_state()
    assert page.url == base_url + "briefs/"


# -- accessibility -----------------------------------------------------------


def audit(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}: {v['nodes'][0]['target']})"
        for v in result.response["violations"]
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_no_wcag_aa_violations(browser, base_url, name, scheme):
    ctx = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = ctx.new_page()
    page.goto(base_url + PAGE_TYPES[name], wait_until="networkidle")
    expected = "slate" if scheme == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected
    violations = audit(page)
    ctx.close()
    assert violations == []


def test_the_audit_catches_an_image_without_alt_text(page, base_url):
    page.goto(base_url + PAGE_TYPES["brief"])
    page.evaluate(
        "document.querySelector('article').insertAdjacentHTML("
        "'beforeend', '<img src=\"../../assets/images/favicon.png\">')"
    )
    assert any(v.startswith("image-alt") for v in audit(page))


def _tab_to(page, selector: str, presses: int) -> bool:
    """Press Tab until ``selector`` has the focus (at most ``presses`` times)."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches('{selector}')"):
            return True
    return False


def test_search_by_keyboard_alone(page, base_url):
    page.goto(base_url)
    assert _tab_to(page, SEARCH_BOX, 15), "the search box cannot be reached with the Tab key"
    page.keyboard.type("pram")
    page.wait_for_selector(RESULT_LINKS)
    # Tab goes on from the box through its clear button and the filters (each
    # closed: one stop apiece) to the results.
    assert _tab_to(page, RESULT_LINKS, 10), "the first result cannot be reached with Tab"
    page.keyboard.press("Enter")
    page.wait_for_url("**/lb-2025-01-safe-sleep/**")


# -- print ----------------------------------------------------------------------

SEVEN = SEVEN_PARTS


@pytest.mark.parametrize(
    "brief", sorted(p.stem for p in (REPO / "docs/briefs").glob("lb-202[45]-*.md"))
)
def test_a_brief_prints_on_two_a4_pages_without_navigation(page, base_url, brief):
    page.goto(base_url + f"briefs/{brief}/", wait_until="networkidle")
    pdf = page.pdf(format="A4", print_background=True)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"{brief}.pdf").write_bytes(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) <= 2
    text = " ".join(p.extract_text() for p in reader.pages)
    for heading in SEVEN:
        assert heading in text, heading
    for chrome in ("Table of contents", "Rule reference", "Action tracker", "Search"):
        assert chrome not in text


# -- screenshots -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["home", "tor", "brief", "actions", "dashboard"])
def test_screenshots(page, base_url, name):
    page.goto(base_url + PAGE_TYPES[name], wait_until="networkidle")
    out = ARTIFACTS / "screenshots" / f"{name}.png"
    out.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(out))
    assert out.stat().st_size > 10_000
    if os.environ.get("KB_UPDATE_SCREENSHOTS"):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copy(out, SCREENSHOTS / out.name)


def test_offline_copy_works_from_the_file_system(page, offline_site):
    schemes: set[str] = set()
    page.on("request", lambda r: schemes.add(urlsplit(r.url).scheme))
    page.goto((offline_site / "index.html").as_uri())
    page.get_by_role("link", name="Groups", exact=True).first.click()
    page.wait_for_url("**/groups.html")
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    box.press_sequentially("pram", delay=20)
    page.wait_for_selector(".md-search-result__item")
    assert "lb-2025-01-safe-sleep" in page.locator(".md-search-result__link").first.get_attribute(
        "href"
    )
    assert schemes <= {"file", "data", "blob"}


@pytest.fixture(scope="session")
def versioned_site(tmp_path_factory) -> Path:
    """A small site whose git history holds earlier ToR versions."""

    from test_tor_versions import _repo

    from sitehelp import mkdocs, write_site_config

    tmp = tmp_path_factory.mktemp("versions")
    root = _repo(tmp)
    write_site_config(root)
    (root / "docs/assets").mkdir(exist_ok=True)
    shutil.copy(REPO / "docs/assets/kb.css", root / "docs/assets/kb.css")
    out = tmp / "site"
    proc = mkdocs(root, out)
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_earlier_version_pages_are_accessible(browser, versioned_site, scheme):
    ctx = browser.new_context(color_scheme=scheme)
    page = ctx.new_page()
    page.goto((versioned_site / "tor/panel/v2.0/index.html").as_uri())
    assert "Changes from version 1.0" in page.content()
    violations = audit(page)
    ctx.close()
    assert violations == []


def test_every_page_carries_the_policy_and_it_stops_an_unlisted_script(site, base_url, page):
    """The Content-Security-Policy is a second layer behind the output gate: a
    script the gate did not know of would still not run, and nothing would load."""
    pages = sorted(site.rglob("*.html"))
    assert pages
    for path in pages:
        assert '<meta http-equiv="Content-Security-Policy"' in path.read_text(), path
    # A copy of a real page with a script the theme never writes, and an image
    # from another host: the browser refuses both.
    home = (site / "index.html").read_text()
    planted = home.replace(
        "</body>",
        "<script>window.kbPlanted = 1</script><img src='http://127.0.0.2:9/x.png'></body>",
    )
    (site / "csp-probe.html").write_text(planted)
    sent: list[str] = []
    # Chromium reports a request it then blocks; what counts is what was sent.
    page.on("requestfinished", lambda r: sent.append(r.url))
    page.on("requestfailed", lambda r: "csp" in (r.failure or "").lower() or sent.append(r.url))
    try:
        page.goto(base_url + "csp-probe.html")
        page.wait_for_load_state("load")
        assert page.evaluate("() => window.kbPlanted") is None
        # The theme's own scripts still ran (its palette and search are wired up).
        assert page.evaluate("() => typeof __md_get") == "function"
    finally:
        (site / "csp-probe.html").unlink()
    assert not [u for u in sent if "127.0.0.2" in u]
