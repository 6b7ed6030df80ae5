"""What a page may contain, decided by allow list before the theme sees it.

Every page's HTML (Markdown rendered, generated pages included) goes through
:func:`clean_content`, an ``nh3`` (ammonia) sanitiser that keeps only the
elements, attributes and URLs listed here. Titles and front-matter values that
the theme prints are made plain text (:func:`plain`), and a page's front matter
is cut down to the keys the theme may read (:func:`page_meta`). The output gate
(:mod:`checks.site.gate`) checks the finished files again, independently.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any

import nh3

from checks.model.publication import THEME_KEYS

#: Elements a page body may hold: what Markdown, its extensions (tables,
#: admonitions, attr_list, md_in_html, toc, code highlighting) and the generated
#: pages write. Nothing that runs, loads or submits.
TAGS = frozenset(
    """a abbr b blockquote br caption cite code col colgroup dd del details dfn div dl dt
    em figcaption figure h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark nav ol p pre q s samp section
    small span strong sub summary sup table tbody td tfoot th thead time tr u ul var
    wbr""".split()
)

#: Attributes by element ("*": any element). `aria-*` are allowed on any element.
ATTRIBUTES: dict[str, set[str]] = {
    "*": {"id", "class", "title", "lang", "dir", "role"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan", "headers", "style"},
    "th": {"colspan", "rowspan", "headers", "scope", "style"},
    "col": {"span"},
    "ol": {"start", "reversed"},
    "time": {"datetime"},
    "details": {"open"},
    "del": {"datetime"},
    "ins": {"datetime"},
}

#: Schemes a link may use. Images may only be relative (see _attribute).
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

#: Python-Markdown's tables write column alignment as a style; nothing else is kept.
STYLE_PROPERTIES = frozenset({"text-align"})

#: ids the theme's own scripts look up: a page element with one of these could
#: stand in for the theme's (DOM clobbering).
_RESERVED_ID = re.compile(r"^(__|md-|search$|toc$)", re.I)

_CLEANER = nh3.Cleaner(
    tags=set(TAGS),
    clean_content_tags={"script", "style", "template", "noscript", "iframe", "object"},
    attributes=ATTRIBUTES,
    attribute_filter=lambda element, attribute, value: _attribute(element, attribute, value),
    generic_attribute_prefixes={"aria-"},
    url_schemes=set(LINK_SCHEMES),
    filter_style_properties=set(STYLE_PROPERTIES),
    link_rel=None,  # no target= is allowed, so links cannot reach back to this page
    strip_comments=True,
)


def is_relative_url(url: str) -> bool:
    """True for a URL that stays on the site: no scheme, no host.

    Browsers strip tabs and newlines from URLs and read a backslash as a slash,
    so both are taken into account before looking for `//` or a scheme.
    """
    value = re.sub(r"[\x00-\x20]", "", url).replace("\\", "/")
    if value.startswith("//"):
        return False
    head = re.split(r"[/?#]", value, maxsplit=1)[0]
    return ":" not in head


def _attribute(element: str, attribute: str, value: str) -> str | None:
    if attribute == "title":
        # A tooltip in a page body is text no reader sees on the page, and
        # attr_list lets a contributor put anything there ({: title="…" }). The
        # theme's own titles are not page bodies, and the gate still admits them.
        return None
    if attribute == "id" and _RESERVED_ID.search(value):
        return None
    if element == "img" and attribute == "src" and not is_relative_url(value):
        return None  # an image from another host would tell it who reads the page
    return value


def clean_content(fragment: str) -> str:
    """A page body's HTML, keeping only what :data:`TAGS` and :data:`ATTRIBUTES` allow."""
    return _CLEANER.clean(fragment)


def plain(text: object) -> str:
    """A value the theme prints into HTML, as escaped text.

    Unescaping first makes this safe to apply to text that may already be
    escaped (a heading's text, say) without showing entities twice.
    """
    return html.escape(html.unescape(str(text)), quote=True)


#: Front-matter keys the theme may read from a page, with the values allowed.
#: Everything else (``template``, ``author``, ``redirect`` ...) is dropped.
HIDE_VALUES = frozenset({"navigation", "toc", "footer", "path", "tags", "feedback"})


def page_meta(meta: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The front matter the theme may see, made safe; and the keys left out.

    Titles and descriptions become plain text; ``hide`` keeps the theme's known
    words; ``search`` keeps ``exclude`` (true or false) and a numeric ``boost``.
    """
    kept: dict[str, Any] = {}
    dropped = sorted(str(k) for k in meta if k not in THEME_KEYS)
    for key in ("title", "description"):
        value = meta.get(key)
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            kept[key] = plain(value)
        elif key in meta:
            dropped.append(key)
    hide = meta.get("hide")
    if isinstance(hide, list):
        kept["hide"] = [h for h in hide if isinstance(h, str) and h in HIDE_VALUES]
    search = meta.get("search")
    if isinstance(search, Mapping):
        safe: dict[str, Any] = {}
        if isinstance(search.get("exclude"), bool):
            safe["exclude"] = search["exclude"]
        boost = search.get("boost")
        if isinstance(boost, int | float) and not isinstance(boost, bool) and 0 <= boost <= 10:
            safe["boost"] = boost
        kept["search"] = safe
    return kept, dropped
