"""Which files a knowledge base is made of, and which entries are never read.

Nothing here follows a symbolic link or opens anything: folders are listed with
``os.scandir``, whose entries say from the directory listing itself (without
following a link) whether each is a file, a folder or a link. A link under
docs/ or data/, to a file or a folder, inside or outside the repository, is never
followed; a FIFO, socket or device is never opened (opening a FIFO for reading
waits for a writer for ever). Both are reported by :func:`refused`, and the
loader reports them as KB001.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from datetime import date
from operator import attrgetter
from pathlib import Path

from checks.model.knowledge_base import KnowledgeBase
from checks.model.publication import publishable_docs

#: The suffixes MkDocs takes for Markdown pages (mkdocs.utils.markdown_extensions).
#: Matched in any letter case: a brief saved as `.MD` must be read and judged like
#: any other, whatever MkDocs then makes of it.
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
YAML_SUFFIXES = (".yaml", ".yml")


def is_markdown(name: str) -> bool:
    return name.lower().endswith(MARKDOWN_SUFFIXES)


_NAME = attrgetter("name")


def _hidden(name: str) -> bool:
    # MkDocs leaves out every file and folder whose name starts with "." (its
    # default exclude_docs pattern `.*`), at any depth: it is never published.
    return name.startswith(".")


def named_in_utf8(name: str) -> bool:
    """Whether a file name is text: a name that is not valid UTF-8 reaches Python
    with stand-ins for its bad bytes, which cannot be printed, hashed as text or
    published. Such a file is refused (KB001), never read."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def shown(path: str) -> str:
    """``path`` as it can be printed: each byte that is not UTF-8 as U+FFFD."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _entries(folder: Path | str) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as listing:
            return sorted(listing, key=_NAME)
    except OSError:
        return []  # missing, not a folder, or unreadable: nothing to list


def markdown_files(folder: Path) -> Iterator[Path]:
    """Every regular Markdown file under ``folder``, by path, sorted per folder.

    Links (to files or folders) and other non-regular files are left out, and
    linked folders are not entered: :func:`refused` lists them.
    """
    if os.path.islink(folder):
        return
    entries = [
        e
        for e in _entries(folder)
        if not _hidden(e.name) and not e.is_symlink() and named_in_utf8(e.name)
    ]
    # A folder's own files first, then its sub-folders, as os.walk gives them.
    for entry in entries:
        if entry.is_file(follow_symlinks=False) and is_markdown(entry.name):
            yield Path(entry.path)
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from markdown_files(Path(entry.path))


def files_under(folder: Path) -> Iterator[Path]:
    """Every regular file under ``folder``, by path, sorted per folder: never
    through a link, nor a hidden file or folder, nor a name that is not UTF-8
    (:func:`refused` reports links and such names). Entries say from the listing
    itself what they are, so no file is looked at twice."""
    if os.path.islink(folder):
        return
    for entry in _entries(folder):
        if _hidden(entry.name) or not named_in_utf8(entry.name) or entry.is_symlink():
            continue
        if entry.is_file(follow_symlinks=False):
            yield Path(entry.path)
        elif entry.is_dir(follow_symlinks=False):
            yield from files_under(Path(entry.path))


def yaml_files(folder: Path) -> list[Path]:
    """The regular YAML files directly in ``folder`` (none if it is a link)."""
    if os.path.islink(folder):
        return []
    return [
        Path(e.path)
        for e in _entries(folder)
        if e.name.endswith(YAML_SUFFIXES)
        and named_in_utf8(e.name)
        and not e.is_symlink()
        and e.is_file(follow_symlinks=False)
    ]


def refused(folder: Path, root: Path) -> Iterator[tuple[Path, str]]:
    """(path, why) for every link and every non-regular file under ``folder``,
    and the folder itself if it is a link; links are listed, never followed.
    ``root`` is the repository's folder, to say whether a link leads out of it."""
    if os.path.islink(folder):
        yield folder, link_problem(folder, root, "folder")
        return
    yield from _refused_below(str(folder), root)


def _refused_below(folder: str, root: Path) -> Iterator[tuple[Path, str]]:
    # Paths stay text until one is reported: this walks every file on every run.
    for entry in _entries(folder):
        if _hidden(entry.name):
            continue
        if not named_in_utf8(entry.name):
            yield (
                Path(entry.path),
                (
                    "the name is not valid UTF-8 (shown with � for each byte that is not), so "
                    "it is not read or published; rename it with letters, digits and dashes"
                ),
            )
            continue
        if entry.is_file(follow_symlinks=False):
            continue
        if entry.is_symlink():
            yield Path(entry.path), link_problem(Path(entry.path), root, "file")
        elif entry.is_dir(follow_symlinks=False):
            yield from _refused_below(entry.path, root)
        else:
            yield Path(entry.path), special_problem(Path(entry.path))


def read_regular(path: Path) -> bytes | None:
    """The bytes of ``path`` if it is an ordinary file, else None (missing, a
    link, a FIFO, a device: the loader reports those). For files read outside
    the loader, such as the deny list: opening a FIFO would wait for ever."""
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return None
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | os.O_NONBLOCK)
        with open(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                return None
            return fh.read()
    except OSError:
        return None


def link_problem(path: Path, root: Path, what: str) -> str:
    """Why a link is not read. Its target is looked up (never opened) only to say
    where it points: out of the repository, back into itself, or nowhere."""
    try:
        target = os.stat(path)
    except OSError as exc:
        where = "that loops back on itself" if exc.errno == errno.ELOOP else "to nothing"
    else:
        what = "folder" if stat.S_ISDIR(target.st_mode) else what
        inside = os.path.realpath(path).startswith(os.path.join(os.path.realpath(root), ""))
        where = f"to a {what} {'inside' if inside else 'outside'} the repository"
    return (
        f"this is a symbolic link {where}; links under the docs and data folders are never "
        f"followed, so nothing through it is read or published: put the {what} itself here"
    )


def special_problem(path: Path) -> str:
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        mode = 0
    if stat.S_ISFIFO(mode):
        kind = "a named pipe (FIFO)"
    elif stat.S_ISSOCK(mode):
        kind = "a socket"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "a device"
    else:
        kind = "a special file"
    return (
        f"this is {kind}, not an ordinary file, so it is never opened; remove it and save "
        "an ordinary file"
    )


def hidden_markdown(kb: KnowledgeBase, today: date) -> set[str]:
    """Docs-relative paths of every Markdown file under docs/ (any Markdown
    extension, any letter case) that must not be published: read from the
    folder, so a file that did not load is among them."""
    docs = kb.root / kb.config.docs_dir
    allowed = publishable_docs(kb, today)
    hidden: set[str] = set()
    for path in markdown_files(docs):
        if path.relative_to(kb.root).as_posix() not in allowed:
            hidden.add(path.relative_to(docs).as_posix())
    return hidden
