"""The "page not found" page: what a reader who followed a stale link is told.

The web server sends this one page for every missing address, so it cannot link
relatively; its links start from the site's root path (``base_url``, which
MkDocs works out from ``site_url``, i.e. KB_SITE_URL).
"""

from __future__ import annotations

import html
from collections.abc import Mapping

#: Where a reader is most likely to have been heading: (docs page, link text).
STARTING_POINTS = (
    ("index.md", "Home"),
    ("briefs/index.md", "Learning briefs, by theme, audience and year"),
    ("groups.md", "Groups and their terms of reference"),
)


def not_found_html(base_url: str, urls: Mapping[str, str]) -> str:
    """The page's content. ``urls`` are the site URLs of the docs pages this site
    has, by source path, as MkDocs gives them (a starting point the site lacks is
    left out); ``base_url`` is the site's root path."""
    base = base_url if base_url.endswith("/") else base_url + "/"
    items = []
    for src, text in STARTING_POINTS:
        url = urls.get(src)
        if url is None:
            continue
        href = base + ("" if url == "./" else url)
        items.append(f'<li><a href="{html.escape(href)}">{html.escape(text)}</a></li>')
    return (
        "<h1>Page not found</h1>\n"
        "<p>There is no page at this address. The link may be mistyped, or the page may "
        "have moved or been withdrawn.</p>\n"
        "<p>Search for what you need with the search box at the top of the page, "
        "or start from one of these:</p>\n"
        f"<ul>\n{chr(10).join(items)}\n</ul>\n"
    )
