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

Links and special files are reported by KB001; what an allowed file holds is
checked again when the site is built (an image must be the image its name
says; a style sheet may load nothing from another host; an SVG may hold
nothing that runs), and a file that fails stops the build.

## Why

The site is published by allow list. A web page, a script or a text file
dropped into the docs folder could run in readers' browsers or publish what
the checks never read; a name with quotes or angle brackets would reach the
site's links. Reporting the file says why it is missing from the site.

## Passing example

`docs/assets/charts/timeliness.png`

## Failing example

`docs/briefs/notes.txt`, `docs/assets/tracker.js`, `docs/"quoted".md`

## Options

None.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

from checks.loading.files import is_markdown
from checks.model.findings import Problem, Severity
from checks.model.publication import VENDORED, is_site_page, static_type_allowed, unsafe_name
from checks.rules.base import Context, Options

CODE = "SEC004"
NAME = "unpublished-file"
SEVERITY = Severity.ERROR


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    kb = ctx.kb
    docs = kb.root / kb.config.docs_dir
    extra = frozenset(kb.config.publish_types)
    for path in _files(docs):
        rel = path.relative_to(docs).as_posix()
        repo = path.relative_to(kb.root).as_posix()
        bad_name = unsafe_name(rel)
        if bad_name:
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


def _files(folder: Path) -> Iterator[Path]:
    """Ordinary files under ``folder``, never through a link (KB001 reports links)."""
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(
            d for d in dirnames if not d.startswith(".") and not os.path.islink(Path(dirpath, d))
        )
        for name in sorted(filenames):
            path = Path(dirpath, name)
            if not name.startswith(".") and not path.is_symlink() and path.is_file():
                yield path


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
