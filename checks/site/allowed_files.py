"""Which of the files MkDocs found in the docs folder may be published.

MkDocs walks the docs folder following links and takes every file it finds.
The hook hands that list here and keeps only what is allowed (allow list, not
deny list): a page the knowledge base loaded and may publish; an image or style
sheet (or an attachment type ``kb.yaml`` adds, see checks.model.publication)
that is an ordinary file inside the folder, reached through no link, with a
safe name that identifies no one, and, for an image, nothing in it but its
picture (checks.model.image_metadata); and the project's vendored files while
their bytes are unchanged. Files from the theme are not the docs folder's, and
are left to the output gate.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import Protocol, TypeVar

from checks.model.image_metadata import FIX, image_problem
from checks.model.publication import VENDORED, static_type_allowed, unsafe_name


class SiteFile(Protocol):
    """The parts of MkDocs' File read here."""

    src_uri: str

    @property
    def abs_src_path(self) -> str | None: ...

    def is_documentation_page(self) -> bool: ...


F = TypeVar("F", bound=SiteFile)

#: A file's verdict: published, or refused (with why, or None when the reason
#: must not be said).
_PUBLISH = "publish"


def refused_files(
    files: Iterable[F],
    docs_dir: Path,
    pages: set[str],
    extra_types: frozenset[str] = frozenset(),
    held: frozenset[str] = frozenset(),
) -> list[tuple[F, str | None]]:
    """Each file from ``docs_dir`` that may not be published, with why.

    ``pages`` holds the docs-relative paths of the pages that may be published;
    ``held``, those of files held back already: withheld for a finding, or
    named in a way that could identify someone (SEC004). The reason is None
    for a page and a held file: a page held back may be a draft or an
    embargoed brief, and its name must not reach the build log; nor may a
    name that could identify someone.
    """
    real_docs = os.path.realpath(docs_dir)
    refused: list[tuple[F, str | None]] = []
    for file in files:
        source = file.abs_src_path
        if source is None or not _inside(source, str(docs_dir)):
            continue  # generated, or the theme's
        if file.src_uri in held:
            why: str | None = None  # its name is what must not be said
        else:
            why = _refusal(file, source, real_docs, pages, extra_types)
        if why != _PUBLISH:
            refused.append((file, why))
    return refused


def _refusal(
    file: SiteFile, source: str, real_docs: str, pages: set[str], extra: frozenset[str]
) -> str | None:
    """:data:`_PUBLISH`, or why the file is refused (None: a page, not to be said)."""
    if os.path.realpath(source) != os.path.join(real_docs, *file.src_uri.split("/")):
        return "it is reached through a symbolic link"
    try:
        mode = os.lstat(source).st_mode
    except OSError:
        return "it cannot be read"
    if not stat.S_ISREG(mode):
        return "it is not an ordinary file"
    if file.is_documentation_page():
        return _PUBLISH if file.src_uri in pages else None
    vendored = VENDORED.get(file.src_uri)
    if vendored is not None:
        return _PUBLISH if _sha256(source) == vendored else "it differs from the vendored copy"
    if unsafe_name(file.src_uri):
        return "its name has characters a link cannot carry safely"
    if not static_type_allowed(file.src_uri, extra):
        return "the site does not publish files of its type"
    try:
        with open(source, "rb") as handle:
            why = image_problem(handle.read(), PurePosixPath(file.src_uri).suffix)
    except OSError:
        return "it cannot be read"
    if why is not None:
        return f"{why} (an image may hold only its picture; {FIX})"
    return _PUBLISH


def _inside(path: str, folder: str) -> bool:
    return os.path.normpath(path).startswith(os.path.join(os.path.normpath(folder), ""))


def _sha256(path: str) -> str:
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()
