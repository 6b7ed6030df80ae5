"""Page URLs as MkDocs makes them, for links written straight into HTML.

MkDocs rewrites links to ``.md`` files only in Markdown. The busiest generated
parts (the brief listings, each brief's header) are written as HTML instead,
because converting thousands of Markdown links is a large share of a
1,000-brief build; so they need the final URL, worked out here the way MkDocs
does for ``use_directory_urls`` on and off.
"""

from __future__ import annotations

from functools import cache


@cache
def page_url(src_uri: str, directory_urls: bool = True) -> str:
    """The site URL of a docs-relative Markdown path: ``briefs/x.md`` -> ``briefs/x/``."""
    stem = src_uri.removesuffix(".md")
    folder, _, name = stem.rpartition("/")
    index = name in ("index", "README")
    if not directory_urls:
        return (f"{folder}/index" if folder else "index") + ".html" if index else stem + ".html"
    if index:
        return folder + "/" if folder else "./"
    return stem + "/"


def relative_url(target: str, page: str, directory_urls: bool = True) -> str:
    """A link from the page at ``page`` to ``target`` (both docs-relative ``.md``
    paths; ``target`` may end in ``#anchor``)."""
    path, hash_, anchor = target.partition("#")
    to_url = page_url(path, directory_urls).removeprefix("./")
    # The steps of MkDocs' get_relative_url: from the page's folder (its URL, or
    # the URL's folder when the last part is a file), up to the common part.
    from_parts = _folder_parts(page_url(page, directory_urls).removeprefix("./"))
    to_parts = [part for part in to_url.split("/") if part]
    common = 0
    for mine, theirs in zip(from_parts, to_parts, strict=False):
        if mine != theirs:
            break
        common += 1
    rel = "/".join([".."] * (len(from_parts) - common) + to_parts[common:]) or "."
    if (to_url.endswith("/") or not to_url) and not rel.endswith("/"):
        rel += "/"
    return rel + hash_ + anchor


def _folder_parts(url: str) -> list[str]:
    """The parts of the folder MkDocs resolves a page's relative links from: the
    URL itself (``briefs/x/``) or, when its last part is a file, its folder."""
    folder, _, last = url.rpartition("/")
    base = folder if "." in last else url
    return [part for part in base.split("/") if part]


def shared_nav_key(url: str, listed: frozenset[str]) -> str | None:
    """A key shared by every page whose site navigation renders exactly as this
    one's, or None when the page's navigation is its own.

    Material marks the current page's entry in the navigation and writes every
    link in it relative to the page. A page the navigation does not list (a
    learning brief) has no entry to mark, and a link from it differs from its
    siblings' only if it points inside the page's own folder. So pages at the
    same depth in the same folder share their navigation, unless ``listed`` (the
    URLs the navigation links to) reaches into one of their folders.
    """
    if url in listed:
        return None
    parts = _folder_parts(url)
    if "/".join(parts) in _reached(listed):
        return None
    return "/".join(parts[:-1]) + f"/{len(parts)}"


@cache
def _reached(listed: frozenset[str]) -> frozenset[str]:
    """Every folder that a listed URL is in or under ("" for the top), worked out
    once per navigation rather than for every page."""
    reached: set[str] = set()
    for other in listed:
        parts = [part for part in other.split("/") if part]
        reached.update("/".join(parts[:i]) for i in range(len(parts) + 1))
    return frozenset(reached)
