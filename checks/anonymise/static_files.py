"""The docs folder's files other than its Markdown pages, read as text.

MkDocs copies every file in the docs folder to the site as it is: a ``.txt``,
``.csv``, ``.html``, ``.svg``, ``.css``, ``.js`` or ``.json`` file (or a page
saved as ``.markdown`` or ``.MD``, which the loader does not read) is published
whole, so the anonymisation gate reads each one that is text, and the text a
binary file carries in plain bytes (:func:`_words_in_bytes`).
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

from checks.loading.files import files_under, markdown_files
from checks.model.knowledge_base import KnowledgeBase

#: Bytes read to tell text from binary: a NUL byte in them means binary (images,
#: fonts and archives have one near the start; text never does).
_SNIFF = 8192


def static_texts(kb: KnowledgeBase) -> Iterator[tuple[str, str]]:
    """(path from the root, text) for each text file in the docs folder that is
    not one of the Markdown pages the loader reads."""
    root = kb.root
    docs = root / kb.config.docs_dir
    if not docs.is_dir():
        return
    pages = set(markdown_files(docs))
    limit = int(kb.config.max_file_mb * 1024 * 1024)
    # Not followed: a linked folder is reported by the loader, and following
    # one could read outside the repository or loop.
    for path in files_under(docs):
        if path in pages:
            continue
        text = _read_text(path, root, limit)
        if text is not None:
            yield path.relative_to(root).as_posix(), text


#: A run of printable ASCII in a binary file (what ``strings`` shows) ...
_PRINTABLE = re.compile(rb"[\x20-\x7e]{6,}")
#: ... that holds two words of three or more letters, a space apart.
_TWO_WORDS = re.compile(rb"[A-Za-z]{3,} [A-Za-z]{3,}")
#: Two or more capitalised words, each apart from the next by one byte.
_CAPITALISED = re.compile(rb"[A-Z][a-z]{2,}(?:[\x00-\x20|_.,;:/-][A-Z][a-z]{2,})+")
_SEPARATOR = re.compile(rb"[\x00-\x20|_.,;:/-]")


def _words_in_bytes(data: bytes) -> str | None:
    """The text a binary file carries in plain bytes, one run a line; None when
    it has none.

    An image's colours and tables are bytes a contributor can choose: a palette,
    a JPEG's quantisation table or a GIF's colour table can spell "Kayla Ormerod,
    14 Wharf St", and anyone who opens the file as text reads it. Compressed
    pixels make short printable runs by chance, so only runs holding two words
    of three letters or more are read: across 342 images from this machine that
    pass the image allow list (checks/model/image_metadata.py), none had such a
    run that the gate read as identifying."""
    runs = [m.group() for m in _PRINTABLE.finditer(data) if _TWO_WORDS.search(m.group())]
    # Names kept apart by a NUL, a bar or another single byte ("Morwenna\0Pryce"):
    # capitalised words only, which compressed pixels do not make by chance
    # (none in the same 342 images).
    runs += [_SEPARATOR.sub(b" ", m.group()) for m in _CAPITALISED.finditer(data)]
    return b"\n".join(runs)[:_MOST_FROM_BYTES].decode("ascii") if runs else None


#: The most text read from a binary file's bytes: a stored archive of markup
#: would otherwise keep the gate reading for minutes.
_MOST_FROM_BYTES = 200_000


def _document_text(path: Path) -> str | None:
    """A Word document's or a PDF's text, as the importer reads it (bounded in
    size, time and memory: checks/authoring/importing/reading.py), so that a
    name split across two runs of a document reads whole; its plain-byte words
    when the reader refuses it."""
    from checks.authoring.importing.reading import READERS, ImportRefused

    try:
        lines = READERS[path.suffix.lower()](path)
    except (ImportRefused, OSError, RecursionError):
        return _words_in_bytes(path.read_bytes())
    return "\n".join(line.text for line in lines)


def _read_text(path: Path, root: Path, limit: int) -> str | None:
    """The file's text, or None for what is not a readable regular text file
    within the repository (those are the loader's to report)."""
    try:
        if path.is_symlink() and not path.resolve().is_relative_to(root.resolve()):
            return None
        # A FIFO or device would block or never end: only regular files are read.
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        with open(path, "rb") as fh:
            head = fh.read(_SNIFF)
            if head.startswith((b"\xff\xfe", b"\xfe\xff")):
                return (head + fh.read()).decode("utf-16", errors="replace")
            if path.suffix.lower() in (".docx", ".pdf"):
                return _document_text(path)
            data = head + fh.read()
            if b"\x00" in head:
                return _words_in_bytes(data)
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop on older Pythons
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        # Not UTF-8. Binary formats without a NUL early on (a PDF) are full of
        # control bytes; text in a legacy encoding has next to none, and a
        # browser would most likely show it as Windows-1252.
        controls = sum(1 for b in data if b < 0x20 and b not in b"\t\n\r\f")
        if controls > len(data) // 100:
            return None
        text = data.decode("cp1252", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")
