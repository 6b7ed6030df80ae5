"""Pagefind's search bundle: what the output gate admits of it, and what the
example's index holds (and never holds)."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import pytest

from checks.site.pagefind import search_marks, with_search
from checks.site.pagefind_files import PINNED, cbor_strings, problems
from sitehelp import MARKERS

SIGNATURE = b"pagefind_dcd"


def _problems(rel: str, data: bytes) -> list[str]:
    return list(problems(rel, data, hashlib.sha256(data).hexdigest()))


def _fragment(**doc: object) -> bytes:
    base = {"url": "/briefs/a/", "content": "text", "word_count": 1, "filters": {}, "meta": {}}
    return gzip.compress(SIGNATURE + json.dumps({**base, **doc}).encode())


def fragments(site: Path) -> list[dict]:
    return [
        json.loads(gzip.decompress(p.read_bytes())[len(SIGNATURE) :])
        for p in sorted((site / "pagefind/fragment").glob("*.pf_fragment"))
    ]


# -- the gate's allow list ----------------------------------------------------------


def test_only_pagefinds_own_scripts_pass_by_name_and_hash():
    assert _problems("pagefind/pagefind.js", b"alert(1)") == [
        "is not Pagefind 1.5.2's own file of that name"
    ]
    for name in ("pagefind/extra.js", "pagefind/pagefind-highlight.js", "pagefind/x.html"):
        assert _problems(name, b"alert(1)") == ["is not a file of Pagefind's search index"]
    assert set(PINNED) == {
        f"pagefind/{n}"
        for n in ("pagefind.js", "pagefind-worker.js", "pagefind-ui.js", "pagefind-ui.css")
    } | {"pagefind/wasm.en.pagefind"}


def test_a_fragment_passes_only_with_a_path_on_the_site_and_no_markup():
    assert _problems("pagefind/fragment/en_1a2b.pf_fragment", _fragment()) == []
    for url in ("https://elsewhere.example/", "//elsewhere.example/x", "javascript:alert(1)"):
        assert _problems("pagefind/fragment/en_1a2b.pf_fragment", _fragment(url=url))
    off = _fragment(meta={"title": "t", "image": "http://elsewhere.example/i.png"})
    assert _problems("pagefind/fragment/en_1.pf_fragment", off)
    for doc in (
        {"filters": {"theme": ["<b>x</b>"]}},
        {"filters": {"<b>theme</b>": ["x"]}},
        {"meta": {"title": "t", "onclick": "x"}},
        {"script": "unexpected key"},
    ):
        assert _problems("pagefind/fragment/en_1.pf_fragment", _fragment(**doc)), doc
    # Text, titles and headings are written as text by the interface (a heading
    # that shows "<b>" as text is indexed as "<b>"): they may hold "<".
    shown_as_text = _fragment(
        content="a < b",
        meta={"title": "<img src=x onerror=alert(1)>"},
        anchors=[{"element": "h2", "id": "x", "text": "<svg onload=alert(1)>"}],
    )
    assert _problems("pagefind/fragment/en_1.pf_fragment", shown_as_text) == []


def test_index_data_must_be_pagefinds_own_and_hold_no_markup():
    name = "pagefind/filter/en_9f.pf_filter"
    text = b"<img src=x>"
    cbor = bytes([0x82, 0x65]) + b"theme" + bytes([0x60 + len(text)]) + text
    assert cbor_strings(cbor) == ["theme", "<img src=x>"]
    assert _problems(name, gzip.compress(SIGNATURE + cbor)) == ["is search data with markup in it"]
    assert (
        _problems(name, gzip.compress(SIGNATURE + cbor.replace(text, b"Neglect\x00\x00\x00\x00")))
        == []
    )
    assert _problems(name, b"not gzip") == ["is not Pagefind index data"]
    assert _problems(name, gzip.compress(b"other data")) == ["is not Pagefind index data"]
    assert _problems(name, gzip.compress(SIGNATURE + b"\xff\xff")) == ["is not Pagefind index data"]
    # A small file that unpacks to more than any index needs is not unpacked.
    bomb = gzip.compress(SIGNATURE + b"\x00" * (70 * 1024 * 1024))
    assert _problems(name, bomb) == ["is not Pagefind index data"]
    assert _problems("pagefind/filter/../x.pf_filter", gzip.compress(SIGNATURE + cbor))


def test_marks_are_plain_text_and_the_page_gets_the_interface():
    marks = search_marks("A &amp; B", "Learning brief", [("theme", "<b>x</b>")])
    assert "A &amp; B" in marks and "<b>" not in marks
    # A filter's value is shown as HTML by the interface: no markup characters at all.
    assert "\u2039b\u203ax\u2039/b\u203a" in marks
    article = '<article class="md-content__inner md-typeset">x</article>'
    page = f"<html><head></head><body>{article}</body></html>"
    out = with_search(page, 2, marks)
    assert '<article class="md-content__inner md-typeset" data-pagefind-body>' in out
    assert 'href="../../pagefind/pagefind-ui.css"' in out
    assert '<script src="../../assets/kb-search.js"></script></body>' in out
    assert "data-pagefind-body" not in with_search(page, 0, None)


# -- the example's index ----------------------------------------------------------------


@pytest.fixture(scope="module")
def index(site: Path) -> list[dict]:
    return fragments(site)


def test_the_index_holds_practitioners_pages_only(index):
    urls = {doc["url"] for doc in index}
    assert "/briefs/lb-2025-01-safe-sleep/" in urls
    assert "/procedures/rapid-review/" in urls and "/tor/executive/" in urls
    for left_out in ("/register/", "/actions/", "/compliance/", "/rules/", "/briefs/", "/"):
        assert left_out not in urls
    assert not [u for u in urls if u.startswith("/rules/")]


def test_briefs_carry_theme_audience_and_year_filters(index):
    (brief,) = [d for d in index if d["url"] == "/briefs/lb-2025-01-safe-sleep/"]
    assert brief["filters"]["type"] == ["Learning brief"]
    assert brief["filters"]["year"] == ["2025"]
    assert brief["filters"]["theme"] and brief["filters"]["audience"]
    assert brief["meta"]["title"] == "Safe sleep when families are under pressure"
    assert "¶" not in json.dumps(index)  # the headings' permalinks are not indexed


def test_embargoed_and_draft_text_is_nowhere_in_the_bundle(site, index):
    for doc in index:
        assert "lb-2026-05" not in doc["url"] and "lb-2026-06" not in doc["url"]
    for path in (site / "pagefind").rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if data[:2] == b"\x1f\x8b":
                data = gzip.decompress(data)
            for secret in (*MARKERS, "acutely"):
                assert secret.encode() not in data, (path, secret)
