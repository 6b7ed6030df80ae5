"""``kb redact FILE``: the page with each identifying detail replaced by its kind.

Authors usually start a learning brief from the text of a review report, which
names everyone. This replaces each detail ANO001 would report with a
placeholder of its kind ("[name]", "[address]", "[school]", "[date]"), so the
author starts from an anonymised draft and rewrites the placeholders in words
("Child A", "a primary school"). It finds exactly what the check finds, with
the same allowances (the partnership's own names, the public names), for the
page's kind: a day-precise date is a placeholder in a learning brief's text.

The file is only read: it is written (``--in-place``) when asked, atomically, so
an interrupted run leaves it as it was. Anything that is not an ordinary text
file inside the knowledge base is refused with one line.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from checks.model.knowledge_base import KnowledgeBase

#: The placeholder for each kind of detail.
PLACEHOLDERS = {
    "name": "[name]",
    "handle": "[social media handle]",
    "address": "[address]",
    "place": "[place]",
    "postcode": "[postcode]",
    "school": "[school]",
    "vehicle-registration": "[vehicle registration]",
    "hospital-number": "[hospital number]",
    "case-reference": "[case reference]",
    "event-date": "[date]",
    "birth-or-death-date": "[date]",
    "nhs-number": "[NHS number]",
    "ni-number": "[NI number]",
    "phone": "[phone number]",
    "email": "[email address]",
    "deny-list": "[redacted]",
    "initials": "[initials]",
    "reference": "[reference number]",
    "script": "[text to transliterate]",
}

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n.*?^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_PAGE_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")


class RedactError(Exception):
    """The file cannot be redacted; the message is one line for the author."""


@dataclass(frozen=True, slots=True)
class Redacted:
    text: str
    #: how many details of each kind were replaced
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def read_page(kb: KnowledgeBase, file: Path) -> tuple[str, str]:
    """The text of ``file`` and its path in the knowledge base; :class:`RedactError`
    for anything but an ordinary UTF-8 text file inside it (never following a link,
    never opening a special file, which could wait for ever)."""
    try:
        info = file.lstat()
    except FileNotFoundError:
        raise RedactError(f"{file}: there is no such file") from None
    except OSError as exc:
        raise RedactError(f"{file}: cannot be read ({exc.strerror})") from None
    import stat

    if stat.S_ISDIR(info.st_mode):
        raise RedactError(f"{file}: that is a folder; give one page or data file")
    if stat.S_ISLNK(info.st_mode):
        raise RedactError(f"{file}: that is a symbolic link; give the file itself")
    if not stat.S_ISREG(info.st_mode):
        raise RedactError(f"{file}: that is not an ordinary file")
    root = kb.root.resolve()
    try:
        rel = file.resolve().relative_to(root).as_posix()
    except ValueError:
        raise RedactError(f"{file}: that is not inside the knowledge base {kb.root}") from None
    limit = int(kb.config.max_file_mb * 1024 * 1024)
    if info.st_size > limit:
        raise RedactError(f"{file}: larger than max_file_mb ({kb.config.max_file_mb:g} MB)")
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(file, flags)
        with os.fdopen(fd, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise RedactError(f"{file}: cannot be read ({exc.strerror})") from None
    if b"\0" in data[:8192]:
        raise RedactError(f"{file}: that is a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RedactError(
            f"{file}: not UTF-8 text (byte {exc.start}); save it as UTF-8 and try again"
        ) from None
    return text, rel


def _area(kb: KnowledgeBase, rel: str) -> str:
    """How ANO001 reads the page's text: "briefs", "pages" or "data"."""
    docs = kb.config.docs_dir.strip("/") + "/"
    if not rel.lower().endswith(_PAGE_SUFFIXES) or not rel.startswith(docs):
        return "data"
    briefs = {b.source for b in kb.briefs.values()}
    return "briefs" if rel in briefs or rel.startswith(docs + "briefs/") else "pages"


def redact(kb: KnowledgeBase, text: str, rel: str) -> Redacted:
    """``text`` (the file at ``rel``) with each ANO001 finding replaced by its placeholder."""
    from checks.rules.ano001_identifying_detail import spans

    area = _area(kb, rel)
    parts: list[tuple[int, str, str]] = []  # (offset, text, area)
    front = _FRONT_MATTER.match(text) if area != "data" else None
    if front is not None:
        # Front matter is read as data (its dates say when the page is published),
        # though a learning brief's never names anyone.
        parts.append((0, text[: front.end()], "data"))
        parts.append((front.end(), text[front.end() :], area))
    else:
        parts.append((0, text, area))
    found: list[tuple[str, int, int]] = []
    for offset, part, where in parts:
        (hits,) = spans([part], kb, area=where, in_brief=area == "briefs")
        found += [(kind, offset + start, offset + end) for kind, start, end in hits]
    out: list[str] = []
    counts: dict[str, int] = {}
    at = 0
    for kind, start, end in sorted(found, key=lambda f: f[1]):
        if start < at:
            continue
        out.append(text[at:start])
        out.append(PLACEHOLDERS.get(kind, f"[{kind}]"))
        counts[kind] = counts.get(kind, 0) + 1
        at = end
    out.append(text[at:])
    return Redacted("".join(out), counts)


def write_in_place(file: Path, text: str) -> None:
    """Replace the file's text in one step, keeping its permissions."""
    mode = file.stat().st_mode & 0o7777
    fd, tmp = tempfile.mkstemp(dir=file.parent, prefix=f".{file.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.chmod(tmp, mode)
        os.replace(tmp, file)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def summary(redacted: Redacted) -> str:
    """One line: how many details of which kinds were replaced."""
    if not redacted.total:
        return "nothing found to replace"
    shown: dict[str, int] = {}
    for kind, n in redacted.counts.items():
        placeholder = PLACEHOLDERS.get(kind, f"[{kind}]")
        shown[placeholder] = shown.get(placeholder, 0) + n
    kinds = ", ".join(f"{n} {p}" for p, n in sorted(shown.items()))
    return f"replaced {redacted.total} detail{'s' if redacted.total != 1 else ''}: {kinds}"
