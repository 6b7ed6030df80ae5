"""A file in the docs folder that the site will not publish.

## What it checks

Besides Markdown pages, the docs folder publishes only what the theme needs:
images (`.png`, `.jpg`, `.jpeg`, `.gif`, `.webp`, `.ico`), style sheets
(`.css`) and drawings (`.svg`), plus any attachment types that `kb.yaml`
adds under `publish_types` from a fixed list (`.pdf`, `.docx`, `.xlsx`,
`.pptx`, `.odt`, `.ods`, `.odp`). Every other file is reported, and so is any
file or folder whose name has characters other than letters, digits, `-`,
`_`, `.` and spaces, a page whose suffix is not lower case (`.MD`: the site
builds only `.md` and the like into pages), and a changed copy of a file the
project vendors.

A file whose name the anonymisation gate (ANO001's detector) finds a detail in
(`docs/assets/firstname-surname.png`) is not published, and every report shows
it by a number (`docs/assets/(file 1).png`), never by its name. An image (PNG,
JPEG, GIF, WebP, icon) is published only if every part of it carries pixels or
colour: no text, comment, EXIF, XMP, time stamp, colour profile or unknown chunk
or segment, and nothing damaged, cut short or after its end
(`checks/model/image_metadata.py` lists what is allowed). Re-export such an
image without metadata.

Links and special files are reported by KB001; what an allowed file holds is
checked again when the site is built (an image must be the image its name
says; a style sheet may load nothing from another host; an SVG may hold
nothing that runs), and a file that fails stops the build.

## Why

The site is published by allow list. A web page, a script or a text file
dropped into the docs folder could run in readers' browsers or publish what
the checks never read; a name with quotes or angle brackets would reach the
site's links. A file's name is published as its address, and an image's
metadata is published with it though no one sees it: a camera or editor writes
names, places, dates and positions there. Reporting the file says why it is
missing from the site.

## Passing example

`docs/assets/charts/timeliness.png`

## Failing example

`docs/briefs/notes.txt`, `docs/assets/tracker.js`, `docs/"quoted".md`,
`docs/assets/jessica-smith.png`, a photo with EXIF data or a comment

## Options

None.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import NamedTuple

from checks.loading.files import files_under, is_markdown
from checks.model.findings import Problem, Severity
from checks.model.image_metadata import FIX, READ_TYPES, image_problem
from checks.model.knowledge_base import KnowledgeBase
from checks.model.publication import VENDORED, is_site_page, static_type_allowed, unsafe_name
from checks.rules.ano001_identifying_detail import spans
from checks.rules.base import Context, Options
from checks.speed.cache import recall

CODE = "SEC004"
NAME = "unpublished-file"
SEVERITY = Severity.ERROR

#: How a finding about a file whose name could identify someone starts;
#: checks.rules.redaction then shows the file as the finding's subject (its
#: folders and a number) in every finding, never by its name.
NAMED_AFTER_SOMEONE = "the file's name could identify someone"


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    kb = ctx.kb
    docs = kb.root / kb.config.docs_dir
    extra = frozenset(kb.config.publish_types)
    named = identifying_names(kb)
    for path in _files(docs):
        rel = path.relative_to(docs).as_posix()
        repo = path.relative_to(kb.root).as_posix()
        bad_name = unsafe_name(rel)
        if repo in named:
            yield Problem(
                repo,
                1,
                f"{NAMED_AFTER_SOMEONE} ({', '.join(named[repo].kinds)}), so it is not "
                "published, and reports show it by a number; rename it, and the links to it",
                named[repo].shown,
            )
        elif bad_name:
            yield Problem(repo, 1, f"{bad_name} (the file is not published until then)", repo)
        elif rel in VENDORED:
            if _sha256(path) != VENDORED[rel]:
                yield Problem(
                    repo,
                    1,
                    "this vendored file differs from the copy the project ships, so it is "
                    "not published; restore it",
                    repo,
                )
        elif is_markdown(path.name) and not is_site_page(rel):
            yield Problem(
                repo,
                1,
                f"the site builds pages only from lower-case suffixes (.md), so this "
                f"{path.suffix} file is not published; rename it to end in .md",
                repo,
            )
        elif not is_markdown(path.name) and not static_type_allowed(rel, extra):
            yield Problem(
                repo,
                1,
                f"the site does not publish {path.suffix or 'extensionless'} files, so this "
                "one is left out; the docs folder publishes Markdown pages, images, style "
                "sheets and the attachment types listed under `publish_types` in kb.yaml",
                repo,
            )
        elif (why := _image_problem(path)) is not None:
            yield Problem(
                repo,
                1,
                f"this image is not published: {why}, and an image may hold only its picture "
                f"(metadata can carry a name, a place or a date nobody sees); {FIX}",
                repo,
            )


def _image_problem(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix not in READ_TYPES:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None  # KB001 reports a file that cannot be read
    # A pure function of the bytes, kept in the parse cache: reading a PNG's
    # pixels was most of this check's time on a warm run.
    (why,) = recall(f"IMAGE {suffix}", [data], lambda d: [image_problem(x, suffix) for x in d])
    return why


class Named(NamedTuple):
    """A file whose name could identify someone: how reports show it instead (its
    folders up to the first detail, then a number), and the kinds of detail."""

    shown: str
    kinds: tuple[str, ...]


#: The last answer of :func:`identifying_names`, by knowledge base (identity):
#: the check and the site build ask for the same one in a run.
_LAST: list[tuple[KnowledgeBase, dict[str, Named]]] = []


def identifying_names(kb: KnowledgeBase) -> dict[str, Named]:
    """Each file in the docs folder, other than the pages the loader reads (ANO001
    reads their names), whose name ANO001's detector finds a detail in, by its
    path from the root."""
    for last_kb, last in _LAST:
        if last_kb is kb:
            return last
    docs = kb.root / kb.config.docs_dir
    paths = [p.relative_to(kb.root).as_posix() for p in _files(docs)]
    # A vendored file's name is the project's own (and its bytes are checked).
    paths = [p for p in paths if p not in kb.documents and _docs_path(docs, kb, p) not in VENDORED]
    # Read as a page's name is, the path under docs/ less its suffix, so a name
    # joined by hyphens ("firstname-surname") is found as one; and again with
    # spaces for the joins, as a postcode or an address is written ("ls9 8ab").
    rels = [_docs_path(docs, kb, p) for p in paths]
    stems = [rel[: len(rel) - len(PurePosixPath(rel).suffix)] for rel in rels]
    spaced = [re.sub(r"[-_.]", " ", stem) for stem in stems]
    found = spans(stems + spaced, kb, area="data") if paths else []
    named: dict[str, Named] = {}
    for i, path in enumerate(paths):
        hits = found[i] + found[len(paths) + i]  # the same offsets: one letter for one
        if hits:
            rel = rels[i]
            # Folders before the first detail are kept, so the author can find it.
            first = min(start for _, start, _ in hits)
            folder = rel[: rel.rfind("/", 0, first) + 1]
            suffix = rel[len(stems[i]) :]
            shown = f"{path[: len(path) - len(rel)]}{folder}(file {len(named) + 1}){suffix}"
            named[path] = Named(shown, tuple(sorted({kind for kind, _, _ in hits})))
    _LAST[:] = [(kb, named)]
    return named


def _docs_path(docs: Path, kb: KnowledgeBase, path: str) -> str:
    return (kb.root / path).relative_to(docs).as_posix()


def _files(folder: Path) -> Iterator[Path]:
    """Ordinary files under ``folder``, never through a link (KB001 reports links
    and names that are not UTF-8)."""
    return files_under(folder)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
