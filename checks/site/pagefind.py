"""Site search with Pagefind: what each page gives the index, and the indexer's run.

Pagefind indexes the built HTML after the build and loads only the index
fragments a query needs, so a search costs the same at 40 briefs as at 10,000,
where Material's search loads one index of the whole site before the first
result. Only pages marked ``data-pagefind-body`` are indexed: learning briefs,
procedures, ToRs and the partnership's own pages. The generated data and
administration pages (register, action tracker, dashboard, rule reference,
listings, earlier versions) are left out, so a practitioner's query never
finds the administrators' pages first. Drafts and embargoed briefs are never
built, so they are never indexed.

A copy opened from the file system (the offline build) keeps Material's own
search: a browser will not fetch Pagefind's index or WebAssembly from file://.
The same pages are left out of its index (``search: exclude``).
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Collection, Iterable
from html import unescape
from pathlib import Path

from checks.model import Brief, Procedure, TermsOfReference
from checks.site.build import SiteBuild
from checks.site.pagefind_files import BUNDLE, ENTRY, PINNED
from checks.site.sanitise import plain

#: The site's search script, vendored by hash (checks/model/publication.py).
SCRIPT = "assets/kb-search.js"
#: The interface's colours, mapped to the theme's (a plain style sheet in docs/).
STYLE = "assets/search.css"

#: Material's page body; the first one on a page is its content.
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset"')


#: What a filter's value shows instead of the characters HTML reads as markup.
_LOOK_ALIKE = str.maketrans({"<": "\u2039", ">": "\u203a", "&": "\uff06"})


class PagefindMissing(RuntimeError):
    """The indexer is not installed (``pip install 'pagefind[bin]'``, the site extra)."""


def _binary() -> Path:
    spec = importlib.util.find_spec("pagefind_bin")
    if spec is None or spec.origin is None:
        raise PagefindMissing("Pagefind's indexer is not installed: pip install 'pagefind[bin]'")
    binary = Path(spec.origin).parent / "pagefind"
    if not binary.is_file():
        raise PagefindMissing(f"Pagefind's indexer is missing from {binary.parent}")
    return binary


def index_site(site: Path) -> None:
    """Write the search bundle into ``site/pagefind/``, keeping only the files the
    site uses (checks/site/pagefind_files.py admits no others)."""
    bundle = site / BUNDLE
    if bundle.is_symlink() or bundle.is_file():
        bundle.unlink()
    elif bundle.exists():
        shutil.rmtree(bundle)  # a bundle from an earlier build (mkdocs serve)
    # The indexer reads pagefind.yml from its working folder and PAGEFIND_* from
    # its environment: neither may come from the repository or the caller.
    with tempfile.TemporaryDirectory() as private:
        run = subprocess.run(
            [
                str(_binary()),
                "--site",
                str(site.resolve()),
                "--output-subdir",
                BUNDLE,
                "--force-language",
                "en",
                "--exclude-selectors",
                ".headerlink",
                "--silent",
            ],
            cwd=private,
            env={"PATH": os.defpath},
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )
    if run.returncode != 0:
        raise RuntimeError(f"Pagefind's indexer failed: {run.stderr.strip()[:500]}")
    keep = set(PINNED) | {ENTRY}
    for path in sorted(bundle.rglob("*"), reverse=True):
        rel = path.relative_to(site).as_posix()
        if (
            path.is_file()
            and path.parent == bundle
            and rel not in keep
            and path.suffix != ".pf_meta"
        ):
            path.unlink()  # the other interfaces and the unknown language's WebAssembly


def page_assets(depth: int) -> tuple[str, str]:
    """The tags for the head and the end of the body of a page ``depth`` folders
    below the site's root: Pagefind's interface and the site's script."""
    root = "../" * depth
    head = (
        f'<link rel="stylesheet" href="{root}{BUNDLE}/pagefind-ui.css">'
        f'<link rel="stylesheet" href="{root}{STYLE}">'
    )
    body = (
        f'<script src="{root}{BUNDLE}/pagefind-ui.js"></script>'
        f'<script src="{root}{SCRIPT}"></script>'
    )
    return head, body


def with_search(page: str, depth: int, marks: str | None) -> str:
    """A finished page with the search interface, and (``marks``, from
    :func:`search_marks`) its content marked for the index."""
    head, body = page_assets(depth)
    page = page.replace("</head>", head + "</head>", 1).replace("</body>", body + "</body>", 1)
    if marks is not None:
        match = _ARTICLE.search(page)
        if match is not None:
            end = page.index(">", match.end()) + 1
            page = (
                page[: match.end()]
                + " data-pagefind-body"
                + page[match.end() : end]
                + marks
                + page[end:]
            )
    return page


def search_marks(title: str, kind: str, filters: Iterable[tuple[str, str]] = ()) -> str:
    """Hidden elements that give the index a page's title, kind and filters.

    Every value is made plain text (:func:`checks.site.sanitise.plain`, which
    leaves escaped text as it is). Pagefind reads filters and metadata from
    these hidden elements and does not index their text (``data-pagefind-ignore``).
    Its interface writes a title as text but a filter's value as HTML, and its
    indexer decodes character references more than once (``&amp;lt;`` is read
    as ``<``), so a filter's value has no ``<``, ``>`` or ``&`` at all: each is
    written as its look-alike (the output gate refuses markup in filters).
    """
    parts = [f'<span data-pagefind-meta="title">{plain(title)}</span>']
    for name, value in [("type", kind), *filters]:
        shown = unescape(plain(value)).translate(_LOOK_ALIKE)
        parts.append(f'<span data-pagefind-filter="{name}">{plain(shown)}</span>')
    return f"<div hidden data-pagefind-ignore>{''.join(parts)}</div>"


def searched(src_uri: str, generated: Collection[str]) -> bool:
    """Whether page ``src_uri`` is in the search index: not the home page nor any
    page in ``generated`` (data, administration, listings, earlier versions).
    Pagefind's index and the offline copy's (Material's) leave out the same pages."""
    return src_uri != "index.md" and src_uri not in generated


def marks_for(build: SiteBuild, src_uri: str, title: str, generated: Collection[str]) -> str | None:
    """What page ``src_uri`` gives the index, or None to leave it out
    (:func:`searched`)."""
    if not searched(src_uri, generated):
        return None
    record = build.record(src_uri)
    if isinstance(record, Brief):
        view = build.view
        audience = [view.agency_name(a) for a in record.audience.agencies] or ["All agencies"]
        filters = [
            *(("theme", t) for t in build.tags(src_uri)),
            *(("audience", a) for a in audience),
            ("year", str(record.publish_on.year)),
        ]
        return search_marks(title, "Learning brief", filters)
    if isinstance(record, Procedure):
        return search_marks(title, "Procedure")
    if isinstance(record, TermsOfReference):
        return search_marks(title, "Terms of reference")
    return search_marks(title, "Page")
