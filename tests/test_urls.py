"""Links written as HTML use the URLs MkDocs itself gives pages."""

from __future__ import annotations

import itertools
import json

import pytest
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from checks.site.urls import page_url, relative_url

PAGES = [
    "index.md",
    "register.md",
    "briefs/index.md",
    "briefs/audience.md",
    "briefs/lb-2025-01-safe-sleep.md",
    "tor/executive.md",
    "tor/case-review/v2.md",
    "rules/README.md",
    "tor/case-review/index.md",
    "a/b/c/d.md",
    "a/b.md",
]


@pytest.mark.parametrize("directory_urls", [True, False])
def test_page_urls_match_mkdocs(directory_urls):
    for src in PAGES:
        ours = page_url(src, directory_urls)
        theirs = File(src, "docs", "site", use_directory_urls=directory_urls).url
        assert ours == theirs, src


@pytest.mark.parametrize("directory_urls", [True, False])
def test_relative_urls_match_mkdocs(directory_urls):
    for target, page in itertools.product(PAGES, PAGES):
        url_of = {
            src: File(src, "docs", "site", use_directory_urls=directory_urls).url for src in PAGES
        }
        theirs = get_relative_url(url_of[target], url_of[page])
        ours = relative_url(target, page, directory_urls)
        assert ours == theirs, (target, page)
    assert relative_url("register.md#cspr-2024-02", "briefs/x.md") == "../../register/#cspr-2024-02"


def test_listing_links_resolve_and_listings_stay_out_of_search(site):
    for listing in ("briefs/index.html", "briefs/audience/index.html", "briefs/years/index.html"):
        page = site / listing
        html = page.read_text()
        lists = [part.split("</ul>")[0] for part in html.split('class="kb-briefs"')[1:]]
        hrefs = [h.split('"')[0] for block in lists for h in block.split('href="')[1:]]
        assert hrefs, listing
        for href in hrefs:
            assert (page.parent / href / "index.html").resolve().exists(), (listing, href)
    index = json.loads((site / "search/search_index.json").read_text())
    locations = {d["location"].split("#")[0] for d in index["docs"]}
    assert "briefs/lb-2025-01-safe-sleep/" in locations
    assert not locations & {"briefs/", "briefs/audience/", "briefs/years/"}
