"""The published site, built once per test session from the example partnership."""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from checks.loading import load
from checks.loading.files import hidden_markdown
from checks.model.publication import public_briefs
from checks.site.build import SiteBuild
from kbfactory import compliant, write
from sitehelp import AS_OF, MARKERS, REPO, SERVED_AT, load_hook, mkdocs, write_site_config


def all_bytes(site: Path) -> dict[str, bytes]:
    found = {}
    for path in site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".gz":
                data = gzip.decompress(data)
            found[path.relative_to(site).as_posix()] = data
    return found


@pytest.mark.parametrize(
    "page",
    [
        "index.html",
        "groups/index.html",
        "tor/executive/index.html",
        "briefs/index.html",
        "briefs/themes/index.html",
        "briefs/audience/index.html",
        "briefs/years/index.html",
        "briefs/lb-2025-01-safe-sleep/index.html",
        "procedures/rapid-review/index.html",
        "register/index.html",
        "actions/index.html",
        "compliance/index.html",
        "rules/index.html",
        "rules/TOR001/index.html",
        "calendar.ics",
        "pagefind/pagefind-entry.json",
        "sitemap.xml",
    ],
)
def test_every_page_type_exists(site, page):
    assert (site / page).is_file()


def test_draft_and_embargoed_content_is_in_no_output(site):
    for name, data in all_bytes(site).items():
        for marker in MARKERS:
            assert marker.encode() not in data, f"{marker} leaked into {name}"
        assert b"lb-2026-05" not in data and b"lb-2026-06" not in data, name
        assert b"LB-2026-05" not in data and b"LB-2026-06" not in data, name


def test_lapsed_tor_shows_banner_with_days(site):
    html = (site / "tor/quality-assurance/index.html").read_text()
    assert "Review lapsed 513 days ago" in html
    assert "Document control" in html and "Version history" in html
    assert "Downland Constabulary" in html  # membership rendered from front matter


def test_brief_page_shows_themes_audience_review_and_reading_time(site):
    html = (site / "briefs/lb-2025-01-safe-sleep/index.html").read_text()
    assert "Safe sleep" in html and "Reading time" in html
    assert 'href="../../register/#cspr-2024-02"' in html
    assert "md-nav__link" in html
    assert html.count("lb-2026-0") == 0
    # Briefs are not in the navigation: no page lists every brief in its sidebar.
    assert "lb-2024-01" not in (site / "tor/executive/index.html").read_text()


def test_theme_tag_page_lists_briefs(site):
    html = (site / "briefs/themes/index.html").read_text()
    assert "Safe sleep" in html and "lb-2025-01-safe-sleep" in html


def test_action_tracker_shows_overdue_by_agency_without_script(site):
    html = (site / "actions/index.html").read_text()
    overdue = html.split('id="overdue"')[1].split("<h2")[0]
    assert "Overdue by 329 days" in overdue and "Downland Constabulary" in overdue
    assert 'id="agency-police"' in html
    # An escalated action says when; one not yet escalated says nothing of it.
    rows = re.findall(r"<tr>(.*?)</tr>", overdue, re.S)
    (a04,) = [r for r in rows if "CSPR-2024-02</a> A04" in r]
    assert "Overdue by 329 days</strong><br>escalated 5 February 2026" in a04
    (sar_a05,) = [r for r in rows if "SAR-2025-01</a> A05" in r]
    assert "escalated" not in sar_a05


def test_register_shows_timeliness(site):
    html = (site / "register/index.html").read_text()
    assert 'id="cspr-2026-02"' in html and "9 working days overdue" in html
    assert "Child H" in html


def test_register_shows_a_dardrs_quality_assurance(site):
    html = (site / "register/index.html").read_text()
    section = html.split('id="dardr-2025-01"')[1].split("<h2")[0]
    assert "<td>Home Office quality assurance</td>\n<td>19 February 2026</td>" in section
    other = html.split('id="cspr-2024-01"')[1].split("<h2")[0]
    assert "Home Office" not in other


def test_register_shows_when_a_report_was_taken_down(site):
    html = (site / "register/index.html").read_text()
    section = html.split('id="cspr-2024-01"')[1].split('id="cspr-2024-02"')[0]
    assert "<td>Report taken down</td>" in section and "1 September 2025" in section


def test_home_page_lists_what_needs_attention(site):
    html = (site / "index.html").read_text()
    attention = html.split('id="needs-attention"')[1].split("</ul>")[0]
    items = re.findall(r'<a href="([^"]+)">([^<]+)</a>', attention)
    assert ("actions/#overdue", "13 overdue actions") in items
    assert ("compliance/", "The next yearly report is due soon") in items
    assert items[-1][1].startswith("All ") and items[-1][1].endswith(
        " findings on the compliance dashboard"
    )


def test_dashboard_links_each_finding_to_a_page_that_exists(site):
    # The summary links to each owner's page; those link to each finding's page,
    # its check's page and its line in the source.
    summary = (site / "compliance/index.html").read_text()
    owners = re.findall(r'<td><a href="([^"#]+)">', summary)
    assert len(owners) > 5
    links = []
    for owner in owners:
        page = (site / "compliance" / owner).resolve()
        html = (page / "index.html").read_text()
        links += [(page, h) for h in re.findall(r'<td><a href="([^"#]+)(?:#[^"]*)?">', html)]
    assert len(links) > 60
    sources = [h for _, h in links if h.startswith("https://")]
    assert sources and all("/blob/main/" in h for h in sources)  # the source file
    for page, href in links:
        if href.startswith("https://"):
            continue
        target = (page / href).resolve()
        assert (target / "index.html").is_file() or target.is_file(), href


def test_generated_pages_edit_their_real_source(site):
    html = (site / "register/index.html").read_text()
    assert "knowledge-base/edit/main/data/reviews.yaml" in html
    rule = (site / "rules/REV002/index.html").read_text()
    assert "knowledge-base/edit/main/checks/rules/rev002_rapid_review_late.py" in rule


def test_no_request_can_leave_the_site(site):
    for name, data in all_bytes(site).items():
        if not name.endswith((".html", ".css", ".js")):
            continue
        text = data.decode("utf-8", "replace")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, name
        for tag in re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", text):
            if 'rel="canonical"' in tag:
                # Names the page's own published address (KB_SITE_URL); never fetched.
                assert f'href="{SERVED_AT}' in tag, (name, tag)
                continue
            assert not re.search(r'(?:src|href)="(?:https?:)?//', tag), (name, tag)


def test_calendar_is_valid_rfc5545(site):
    icalendar = pytest.importorskip("icalendar")
    cal = icalendar.Calendar.from_ical((site / "calendar.ics").read_bytes())
    events = list(cal.walk("VEVENT"))
    summaries = {str(e["SUMMARY"]) for e in events}
    assert "ToR review due: Safeguarding Partnership Executive" in summaries
    assert "Action due: CSPR-2024-02 A07" in summaries
    (yearly,) = [e for e in events if str(e["SUMMARY"]) == "Yearly report due"]
    assert yearly["DTSTART"].dt == date(2026, 12, 12)  # 12 months after 2025-12-12
    assert all(e["DTSTART"].dt >= date(2026, 11, 25) for e in events)
    assert not any("LB-2026-06" in s for s in summaries)  # embargoed brief


def test_publish_on_today_appears_and_tomorrow_does_not():
    kb = load(REPO)
    assert "LB-2026-06" not in {b.id for b in public_briefs(kb, date(2027, 1, 31))}
    assert "LB-2026-06" in {b.id for b in public_briefs(kb, date(2027, 2, 1))}
    assert "briefs/lb-2026-06-embargoed.md" in hidden_markdown(kb, date(2027, 1, 31))
    assert "briefs/lb-2026-06-embargoed.md" not in hidden_markdown(kb, date(2027, 2, 1))
    assert "briefs/lb-2026-05-parental-mental-health-draft.md" in hidden_markdown(
        kb, date(2030, 1, 1)
    )


def _site_repo(tmp_path: Path, files: dict) -> Path:
    return write_site_config(write(tmp_path / "kb", files))


def test_strict_build_fails_on_error_findings_and_passes_when_compliant(tmp_path):
    files = compliant()
    root = _site_repo(tmp_path, files)
    ok = mkdocs(root, tmp_path / "site", "--strict")
    assert ok.returncode == 0, ok.stderr
    # The log ends the checks with one line of counts (at info level: --strict passes).
    assert "kb: checked " in ok.stderr and "0 errors, 0 warnings" in ok.stderr
    files["data/actions/CSPR-2026-01.yaml"]["actions"][1]["due"] = "2026-11-01"
    root = _site_repo(tmp_path, files)
    bad = mkdocs(root, tmp_path / "site", "--strict")
    assert bad.returncode == 1
    assert "ACT001" in bad.stderr and "data/actions/CSPR-2026-01.yaml" in bad.stderr


def test_an_unknown_theme_fails_the_build_by_the_tags_allow_list(tmp_path):
    files = compliant()
    files["docs/briefs/lb-2026-01.md"][0]["themes"] = ["neglect", "made-up-theme"]
    root = _site_repo(tmp_path, files)
    strict = mkdocs(root, tmp_path / "strict", "--strict")
    assert strict.returncode == 1 and "BRF002" in strict.stderr
    # The vocabulary is the tags plugin's allow list, so the theme stops even a
    # build that findings alone would not stop, and no page carries it.
    lenient = mkdocs(root, tmp_path / "lenient")
    assert lenient.returncode == 1, lenient.stderr
    assert "Tags not in allow list: made-up-theme" in lenient.stderr
    assert "Traceback" not in lenient.stderr
    # Known themes pass the same allow list, whatever their labels hold.
    files["data/themes.yaml"]["themes"].append({"id": "drugs", "label": "Drugs & <alcohol>"})
    files["docs/briefs/lb-2026-01.md"][0]["themes"] = ["neglect", "drugs"]
    ok = mkdocs(_site_repo(tmp_path, files), tmp_path / "ok", "--strict")
    assert ok.returncode == 0, ok.stderr
    assert "Drugs &amp; &lt;alcohol&gt;" in (tmp_path / "ok/briefs/themes/index.html").read_text()


def test_the_allow_list_waits_for_the_themes_to_load_whole(tmp_path):
    files = compliant()
    build = SiteBuild.prepare(write(tmp_path / "whole", files), date(2026, 11, 25))
    assert build.theme_vocabulary() == {"Neglect", "Voice of the child"}
    # A bad indent can fold one entry into the one above: the vocabulary is not
    # known, and no brief is refused for it (KB002 reports the file).
    files["data/themes.yaml"] = (
        "themes:\n  - id: neglect\n    label: Neglect\n   - id: voice\n    label: Voice\n"
    )
    build = SiteBuild.prepare(write(tmp_path / "broken", files), date(2026, 11, 25))
    assert build.theme_vocabulary() is None
    assert "KB002" in {f.code for f in build.result.findings}


@pytest.mark.parametrize(
    "setting",
    [
        {"as_of": "2030-01-01"},  # "today" would publish embargoed briefs early
        {"gate": False},
        {"sanitise": False},
        {"branch": 'main" onmouseover="x'},
        {"explain_history": "no"},
        "branch: main",
    ],
)
def test_a_site_setting_cannot_loosen_anything_and_a_wrong_one_stops_the_build(setting):
    from mkdocs.exceptions import PluginError

    with pytest.raises(PluginError, match=r"kb: mkdocs\.yml: extra\.kb"):
        load_hook().site._settings(setting)


def test_site_settings_come_from_mkdocs_yml(tmp_path):
    files = compliant()
    files["data/actions/CSPR-2026-01.yaml"]["actions"][1]["due"] = "2026-11-01"  # a finding
    root = _site_repo(tmp_path, files)
    config = (root / "mkdocs.yml").read_text()
    config = config.replace("extra:\n", "extra:\n  kb:\n    branch: release/2026\n")
    (root / "mkdocs.yml").write_text(config)
    proc = mkdocs(root, tmp_path / "site")
    assert proc.returncode == 0, proc.stderr
    html = "".join(p.read_text() for p in (tmp_path / "site/compliance").rglob("*.html"))
    assert "/blob/release/2026/" in html and "/blob/main/" not in html


def test_unreadable_file_fails_strict_naming_file_and_line_but_not_the_rest(tmp_path):
    files = compliant()
    files["data/meetings/2026.yaml"] = "meetings:\n  - group: exec\n\tdate: 2026-10-01\n"
    root = _site_repo(tmp_path, files)
    strict = mkdocs(root, tmp_path / "strict", "--strict")
    assert strict.returncode == 1
    assert "data/meetings/2026.yaml:3: KB002" in strict.stderr and "tab" in strict.stderr
    assert "Traceback" not in strict.stderr
    # Without --strict the rest of the knowledge base is still published.
    lenient = mkdocs(root, tmp_path / "lenient")
    assert lenient.returncode == 0
    assert (tmp_path / "lenient/tor/panel/index.html").is_file()


def test_a_folder_that_is_no_knowledge_base_stops_the_build(tmp_path):
    # mkdocs.yml names a docs folder outside the repository: the checks never read
    # outside it, so they find no knowledge base, and the build stops.
    root = tmp_path / "empty"
    root.mkdir()
    write_site_config(root, **{"docs_dir: docs": "docs_dir: ../pages"})
    (tmp_path / "pages").mkdir()
    proc = mkdocs(root, tmp_path / "site")
    assert proc.returncode == 1 and "neither a data/ nor a docs/ folder" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_docs_folder_outside_the_repository_is_never_built(tmp_path):
    files = compliant()
    root = _site_repo(tmp_path, files)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere/index.md").write_text("# Unchecked\n")
    config = (root / "mkdocs.yml").read_text().replace("docs_dir: docs", "docs_dir: ../elsewhere")
    (root / "mkdocs.yml").write_text(config)
    proc = mkdocs(root, tmp_path / "site")
    assert proc.returncode == 1 and "the checks read" in proc.stderr
    assert not (tmp_path / "site/index.html").exists()


def test_findings_about_unpublished_briefs_are_counted_not_shown(tmp_path):
    files = compliant()
    front, body = files["docs/briefs/lb-2026-01.md"]
    files["docs/briefs/secret-draft.md"] = (
        {**front, "id": "LB-2026-09", "status": "draft", "themes": ["curiosity"]},
        body,
    )
    build = SiteBuild.prepare(write(tmp_path / "kb", files), date(2026, 11, 25))
    shown, hidden = build.visible_findings()
    assert hidden == 1 and shown == []
    page = build.generated()["compliance.md"]
    assert "secret-draft" not in page and "LB-2026-09" not in page
    assert "1 finding(s) about unpublished material are not shown" in page


def test_the_build_log_counts_what_is_published_and_withheld():
    build = SiteBuild.prepare(REPO, date(2026, 11, 25))
    line = build.summary()
    assert line.startswith(f"checked {build.result.files_read} files as at 2026-11-25: ")
    assert f"{len(build.public)} learning briefs published" in line
    # The example's draft and embargoed briefs are counted, never named.
    assert "2 pages withheld" in line and "lb-2026" not in line


def test_site_build_object_needs_no_mkdocs():
    build = SiteBuild.prepare(REPO, date(2026, 11, 25))
    pages = build.generated()
    assert "rules/REV002.md" in pages and "15 working days" in pages["rules/REV002.md"]
    assert "sys" not in dir(build)


def test_links_are_relative_so_any_path_prefix_works(site):
    for name, data in all_bytes(site).items():
        # 404.html is served at whatever path was missing, so MkDocs gives it
        # root-relative URLs; every real page must be prefix-independent.
        if name.endswith(".html") and name != "404.html":
            for url in re.findall(r'(?:href|src)="([^"]*)"', data.decode()):
                assert not url.startswith("/"), (name, url)


def test_the_not_found_page_links_from_where_the_site_is_published(site):
    # Built with KB_SITE_URL (see conftest): the page is served at whatever
    # address was missing, so its links start from the site's own path.
    html = (site / "404.html").read_text()
    urls = re.findall(r'(?:href|src)="([^"]*)"', html)
    local = [u for u in urls if not u.startswith(("http://", "https://", "#", "mailto:"))]
    assert local and all(u.startswith(urlsplit(SERVED_AT).path) for u in local), local
    # It says what happened and where to go next.
    assert "<h1>Page not found</h1>" in html and 'href="/kb/briefs/"' in html


def test_offline_build_needs_no_other_host(offline_site):
    out = offline_site
    html = (out / "tor/executive.html").read_text()  # offline: no directory URLs
    assert '<script src="../assets/vendor/iframe-worker-shim.js"' in html
    assert "unpkg.com" not in html
    assert (out / "search/search_index.js").is_file()


def test_the_offline_search_leaves_out_the_data_pages(offline_site):
    """Material's index in the offline copy holds what Pagefind's holds: briefs,
    procedures, ToRs and pages, never the tracker, register or dashboard."""
    index = json.loads((offline_site / "search/search_index.json").read_text())
    pages = {d["location"].split("#")[0] for d in index["docs"]}
    assert any(p.startswith("briefs/lb-") for p in pages)
    assert any(p.startswith("tor/") for p in pages)
    data = ("actions", "register", "dashboard", "rules/", "index.html")
    assert not [p for p in pages if p.startswith(data) or p == ""], sorted(pages)[:20]


def test_titles_and_front_matter_values_are_escaped_wherever_rendered(tmp_path):
    files = compliant()
    front, _body = files["docs/briefs/lb-2026-01.md"]
    front["title"] = '<script>alert("TITLE")</script> & <b onmouseover=x>'
    front["audience"]["roles"] = ["<img src=x onerror=alert(2)>"]
    files["docs/tor/panel.md"][0]["members"][0]["role"] = "<script>alert(3)</script>"
    proc = mkdocs(_site_repo(tmp_path, files), tmp_path / "site")
    assert proc.returncode == 0, proc.stderr
    for path in (tmp_path / "site").rglob("*.html"):
        html = path.read_text()
        assert "<script>alert(" not in html, path
        assert "<img src=x" not in html and "<b onmouseover" not in html, path
    brief = (tmp_path / "site/briefs/lb-2026-01/index.html").read_text()
    assert "&lt;script&gt;alert(" in brief  # shown, as text


def test_the_example_fails_a_strict_build_on_its_deliberate_errors(tmp_path):
    proc = mkdocs(REPO, tmp_path / "site", "--strict")
    assert proc.returncode == 1
    output = proc.stdout + proc.stderr
    assert "TOR001" in output and "strict mode" in output


@pytest.mark.slow
def test_mkdocs_serve_rebuilds_when_a_brief_or_yaml_file_changes(tmp_path):
    import shutil
    import socket
    import time
    import urllib.request

    root = tmp_path / "kb"
    shutil.copytree(REPO, root, ignore=shutil.ignore_patterns(".venv", "site", ".git", "tests"))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "KB_AS_OF": AS_OF, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )

    def page(path: str, expect: str, timeout: float = 60) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}", timeout=5) as r:
                    body = r.read().decode()
                if expect in body:
                    return body
            except OSError:
                pass
            time.sleep(0.5)
        raise AssertionError(f"{expect!r} never appeared at /{path}")

    try:
        page("register/", "Child H")
        reviews = root / "data/reviews.yaml"
        reviews.write_text(reviews.read_text().replace("pseudonym: Child H", "pseudonym: Child J"))
        page("register/", "Child J")
        brief = root / "docs/briefs/lb-2025-01-safe-sleep.md"
        brief.write_text(brief.read_text().replace("pram-and-cot", "cot-and-pram"))
        page("briefs/lb-2025-01-safe-sleep/", "cot-and-pram")
    finally:
        server.terminate()
        server.wait(timeout=20)
        if server.stderr:
            server.stderr.close()
