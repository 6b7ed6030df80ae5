"""What may be published, decided by the record and by allow list, never by path.

A page is published only if nothing in its front matter says it should not be:
``status: draft`` (or any status other than a published one), ``draft: true``,
or a ``publish_on`` date that has not come (or that is not a date), in whatever
folder, with whatever Markdown extension or letter case it was saved. Besides
Markdown, the docs folder publishes only the file types in
:data:`STATIC_TYPES`, those a partnership adds from :data:`OPTIONAL_TYPES` in
``kb.yaml``, and the files the project vendors (:data:`VENDORED`), by hash.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any, Literal, get_args

if TYPE_CHECKING:  # a knowledge base holds its config, which imports this module
    from checks.model.brief import Brief
    from checks.model.knowledge_base import KnowledgeBase

#: Statuses under which a page may be published; anything else is held back.
PUBLISHED_STATUSES = frozenset({"published", "approved", "proposed", "current", "final"})

#: What the theme needs besides Markdown: images and style sheets. Each is read
#: again by the output gate (an image must be the image its name says; a style
#: sheet may load nothing from another host; an SVG may hold nothing that runs).
STATIC_TYPES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".css", ".svg"})

#: Documents a partnership may choose to publish as attachments (``kb.yaml``:
#: ``publish_types``). Nothing that a browser runs or renders as a page can be
#: added: HTML, scripts, XML and plain text stay out whatever kb.yaml says.
OptionalType = Literal[".pdf", ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp"]
OPTIONAL_TYPES: frozenset[str] = frozenset(get_args(OptionalType))

#: Files the project ships in docs/ itself, published only while their bytes are
#: the ones vendored (SHA-256): the script that puts Pagefind's search in the
#: header, the iframe-worker shim that lets search work from the file system,
#: and its licence.
VENDORED: Mapping[str, str] = {
    "assets/kb-search.js": "10983b45811f9f3fbf8b890551165e27b7330d190d6fe968f902f51ae2169f97",
    "assets/vendor/iframe-worker-shim.js": (
        "626996001fe7e75f3fc58348c39f860c839f8ab74450594bd8f9f1febc48b48a"
    ),
    "assets/vendor/iframe-worker.LICENSE": (
        "dd69737a4768aab9f934a5aed9efab9561ac4062d4fdbe490d44369a2cf48b6b"
    ),
}

#: Front-matter keys of a plain page (not a ToR, brief or procedure) that the
#: site uses: what the theme may show, and what decides publication. Any other
#: key is ignored by the site, and SEC005 says so.
THEME_KEYS = frozenset({"title", "description", "hide", "search"})
PAGE_KEYS = THEME_KEYS | {"status", "draft", "publish_on"}

#: A published file's path, one folder or file name at a time: letters, digits,
#: and `-`, `_`, `.` and spaces inside. A name with quotes, angle brackets or
#: control characters would reach the site's links and the "edit" button.
_SAFE_PART = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9 ._-]*$")


#: The suffixes MkDocs builds into pages, exactly as it matches them: in lower
#: case only. A page saved as `.MD` is copied by MkDocs as a file, not built, so
#: it is neither a page nor a publishable file (SEC004 says to rename it).
PAGE_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")


def is_site_page(path: str) -> bool:
    return PurePosixPath(path).suffix in PAGE_SUFFIXES


def unsafe_name(docs_path: str) -> str | None:
    """Why a file's path under docs/ cannot be published, or None."""
    for part in PurePosixPath(docs_path).parts:
        if not _SAFE_PART.match(part):
            return (
                f"the name {part!r} has characters other than letters, digits, '-', '_', "
                "'.' and spaces; rename it"
            )
    return None


def static_type_allowed(docs_path: str, extra: frozenset[str] = frozenset()) -> bool:
    """Whether a non-Markdown file of this type may be published from docs/."""
    suffix = PurePosixPath(docs_path).suffix.lower()
    return suffix in STATIC_TYPES or suffix in (extra & OPTIONAL_TYPES)


def withheld_by_front_matter(front: Any, today: date) -> str | None:
    """Why a page's own front matter keeps it off the site, or None.

    Used for every page, record or not, so that a brief saved outside
    ``docs/briefs/`` or under another extension is judged by what it says.
    """
    if not isinstance(front, Mapping):
        return None
    if front.get("draft") not in (None, False):
        return "it is marked as a draft"
    status = front.get("status")
    if status is not None and str(status).strip().lower() not in PUBLISHED_STATUSES:
        return "its status is not published"
    if "publish_on" in front:
        when = _date(front["publish_on"])
        if when is None:
            return "its publish_on is not a date"
        if when > today:
            return "its publish_on date has not come"
    return None


def _date(value: Any) -> date | None:
    """A YYYY-MM-DD date (the loader keeps dates as text), else None."""
    if isinstance(value, date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def public_briefs(kb: KnowledgeBase, today: date) -> list[Brief]:
    """Public briefs (:meth:`Brief.is_public`), newest first."""
    # A brief whose page was withheld (a duplicate id, say) is not public either.
    found = [b for b in kb.briefs.values() if b.is_public(today) and b.source in kb.documents]
    return sorted(found, key=lambda b: (b.publish_on, b.id), reverse=True)


def publishable_docs(kb: KnowledgeBase, today: date) -> set[str]:
    """Repository paths of Markdown files that may be published: loaded cleanly,
    not a brief that is not yet public, nothing in the front matter holding the
    page back, and a name that is safe in a link. A file that did not load is
    never among them: nobody can tell whether it is a draft."""
    hidden = {b.source for b in kb.briefs.values() if not b.is_public(today)}
    return {
        path
        for path, doc in kb.documents.items()
        if path not in hidden
        and withheld_by_front_matter(doc.front, today) is None
        and unsafe_name(doc.docs_path) is None
        and is_site_page(path)
    }
