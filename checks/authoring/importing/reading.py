"""Reading a ToR document (.docx, .pdf, .txt, .md) into lines that keep their place.

Every line knows where it came from in the document ("line 12", "paragraph 7",
"page 2, line 5", "table 1, row 3"), so each value taken from it can say so.
Anything that cannot be read as a ToR is refused with one line
(:class:`ImportRefused`): encrypted or corrupt files, a PDF with no text, a
document far longer than a ToR, or one not in English.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

MAX_BYTES = 20 * 1024 * 1024
#: A ToR runs to a few pages; this many is a whole handbook or report.
MAX_PAGES = 60
#: About MAX_PAGES pages of text.
MAX_CHARS = 180_000
#: Uncompressed size of a .docx's parts: more is a zip bomb, not a ToR.
MAX_UNZIPPED = 100 * 1024 * 1024

Kind = Literal["heading", "item", "para", "row"]


class ImportRefused(Exception):
    """The document cannot be imported; the message says why in one line."""


@dataclass(slots=True)
class Line:
    """One line of the document: a heading, a list item, a paragraph or a table row."""

    text: str
    kind: Kind
    where: str
    level: int = 0  # heading level, or list depth
    cells: list[str] = field(default_factory=list)
    header: bool = False  # a table's first row


_BULLET = re.compile(r"^(?:[-*+•●▪◦‣o]|\(?\d{1,2}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}[.)])\s+")
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_EMPHASIS = re.compile(r"(\*\*|__)(.*?)\1")


def clean(text: str) -> str:
    """Plain text: emphasis markers and stray spaces gone, escapes undone."""
    text = _EMPHASIS.sub(r"\2", text).replace("\\(", "(").replace("\\)", ")")
    text = text.replace("\u00a0", " ").replace("\u200b", "")
    return " ".join(text.split()).strip(" *_")


def _markdown_lines(text: str, where: str, wrapped: bool = True) -> Iterator[Line]:
    """Lines of plain text or Markdown, a paragraph wrapped over several lines
    joined into one. ``where`` is a format with {n}. With ``wrapped`` false (text
    from a PDF, which has no blank lines between paragraphs) a line joins the one
    before only when that one has not ended its sentence and this one starts in
    lower case."""
    pending: Line | None = None
    for line, blank in _raw_lines(text, where):
        if (
            pending is not None
            and not blank
            and line is not None
            and line.kind == "para"
            and (
                wrapped
                or (
                    not pending.text.endswith((".", ":", ";", "?", "!")) and line.text[:1].islower()
                )
            )
        ):
            pending.text += " " + line.text
            continue
        if pending is not None:
            yield pending
            pending = None
        if line is None:
            continue
        if line.kind == "para":
            pending = line
        else:
            yield line
    if pending is not None:
        yield pending


def _raw_lines(text: str, where: str) -> Iterator[tuple[Line | None, bool]]:
    """Each line read on its own; (None, True) for a blank line."""
    for n, raw in enumerate(text.splitlines(), 1):
        stripped = raw.strip()
        if not stripped or re.fullmatch(r"[-=_*|: ]+", stripped):
            yield None, True
            continue
        at = where.format(n=n)
        heading = _HEADING.match(stripped)
        if heading:
            text_ = clean(heading[2])
            if text_:
                yield Line(text_, "heading", at, level=len(heading[1])), False
            continue
        if stripped.startswith("|"):
            cells = [clean(c) for c in stripped.strip("|").split("|")]
            yield Line(" | ".join(c for c in cells if c), "row", at, cells=cells), False
            continue
        depth = (len(raw) - len(raw.lstrip())) // 2
        numbered = re.match(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+(\S.*)$", stripped)
        if numbered and _numbered_heading(numbered[1]):
            # "3. Frequency of meetings": a numbered section heading, not a list item.
            yield Line(clean(stripped), "heading", at, level=2), False
            continue
        body = stripped
        bulleted = False
        # "- 1. text" and "1. a. text": take every marker off.
        while m := _BULLET.match(body):
            body, bulleted = body[m.end() :], True
        body = clean(body)
        if not body:
            yield None, True
            continue
        yield Line(body, "item" if bulleted else "para", at, level=depth), False


def _numbered_heading(text: str) -> bool:
    text = clean(text)
    words = text.split()
    return (
        0 < len(words) <= 12
        and text[0].isupper()
        and not text.endswith((".", ";", ",", ":"))
        and not re.search(r"\b(will|should|must|to)\b", text.split(" ", 1)[0], re.I)
    )


def _decode(data: bytes, name: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportRefused(
            f"{name}, line {line}: not UTF-8 text; save the document as UTF-8 "
            "(or import the .docx or .pdf)"
        ) from None


def read_text(path: Path) -> list[Line]:
    text = _decode(path.read_bytes(), path.name)
    if "\x00" in text:
        raise ImportRefused(f"{path.name}: this is not a text file (it holds binary data)")
    _not_too_long(path.name, len(text), None)
    return list(_markdown_lines(text, "line {n}"))


def _not_too_long(name: str, chars: int, pages: int | None) -> None:
    if pages is not None and pages > MAX_PAGES:
        raise ImportRefused(
            f"{name}: {pages} pages; a ToR is a few pages, and the importer reads at most "
            f"{MAX_PAGES}: import each group's terms of reference on its own"
        )
    if chars > MAX_CHARS:
        raise ImportRefused(
            f"{name}: about {chars // 3000} pages of text; a ToR is a few pages, and the "
            f"importer reads at most {MAX_PAGES}: import each group's terms of reference "
            "on its own"
        )


# --- Word -----------------------------------------------------------------

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _docx_guard(path: Path) -> None:
    head = path.read_bytes()[:8]
    if head == _OLE:
        raise ImportRefused(
            f"{path.name}: the Word file is password-protected (encrypted) or in the old "
            ".doc format; remove the password, or save it as .docx, and import it again"
        )
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        raise ImportRefused(
            f"{path.name}: not a readable Word document (.docx); the file may be damaged: "
            "open and save it again in Word, or export it as PDF"
        ) from None
    if "word/document.xml" not in names:
        raise ImportRefused(
            f"{path.name}: a zip file but not a Word document (no word/document.xml); "
            "import a .docx, .pdf, .txt or .md"
        )
    if total > MAX_UNZIPPED:
        raise ImportRefused(
            f"{path.name}: unpacks to {total // 1_048_576} MB, far more than a ToR; "
            "import each group's terms of reference on its own"
        )


def _docx_kind(paragraph: Any) -> tuple[Kind, int]:
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    lowered = style.lower()
    if lowered == "title":
        return "heading", 1
    if m := re.match(r"heading\s*(\d)", lowered):
        return "heading", min(int(m[1]) + 1, 6)
    ppr = paragraph._p.pPr
    if "list" in lowered or (ppr is not None and ppr.numPr is not None):
        level = 0
        if ppr is not None and ppr.numPr is not None and ppr.numPr.ilvl is not None:
            level = int(ppr.numPr.ilvl.val or 0)
        return "item", level
    return "para", 0


def read_docx(path: Path) -> list[Line]:
    _docx_guard(path)
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except Exception:  # python-docx raises many kinds on a damaged part
        raise ImportRefused(
            f"{path.name}: the Word document is damaged and could not be read; open and "
            "save it again in Word, or export it as PDF"
        ) from None
    lines: list[Line] = []
    paragraphs = tables = chars = 0
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraphs += 1
            paragraph = Paragraph(child, document)
            text = clean(paragraph.text)
            chars += len(text)
            if not text:
                continue
            kind, level = _docx_kind(paragraph)
            lines.append(Line(text, kind, f"paragraph {paragraphs}", level=level))
        elif tag == "tbl":
            tables += 1
            table = Table(child, document)
            for r, row in enumerate(table.rows, 1):
                cells: list[str] = []
                for cell in row.cells:
                    value = clean(cell.text)
                    if not cells or value != cells[-1]:  # merged cells repeat
                        cells.append(value)
                chars += sum(len(c) for c in cells)
                if any(cells):
                    lines.append(
                        Line(
                            " | ".join(c for c in cells if c),
                            "row",
                            f"table {tables}, row {r}",
                            cells=cells,
                            header=r == 1,
                        )
                    )
        _not_too_long(path.name, chars, None)
    return lines


# --- PDF ------------------------------------------------------------------


#: Seconds that reading a PDF's text may take. A ToR takes well under one; a
#: crafted file (content streams that expand without end, a page tree that loops)
#: could keep pypdf busy for ever, so the text is read in a separate process
#: that is stopped at this limit.
PDF_SECONDS = 30.0
#: The memory (address space) that process may use: a PDF that needs more is
#: not a ToR.
PDF_MEMORY = 1024 * 1024 * 1024

# Run as `python -I -c`: no folder of the user's (nor PYTHONPATH) is on its path,
# so a `pypdf.py` beside the document cannot stand in for the library. It prints
# one JSON object: the pages' texts, or why not.
_PDF_WORKER = """
import json, logging, sys, warnings
path, memory, max_pages, max_chars = sys.argv[1], *map(int, sys.argv[2:5])
try:
    import resource
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
except (ImportError, ValueError, OSError):
    pass
logging.disable(logging.CRITICAL)
warnings.simplefilter("ignore")
def answer(**what):
    sys.stdout.write(json.dumps(what))
    sys.stdout.flush()
    raise SystemExit(0)
try:
    from pypdf import PdfReader
    reader = PdfReader(path, strict=False)
    if reader.is_encrypted and not reader.decrypt(""):
        answer(refused="encrypted")
    pages = len(reader.pages)
    if pages > max_pages:
        answer(refused="pages", pages=pages)
    texts, chars = [], 0
    for page in reader.pages:
        texts.append(page.extract_text() or "")
        chars += len(texts[-1])
        if chars > max_chars:
            answer(refused="chars", chars=chars)
    answer(texts=texts, pages=pages)
except MemoryError:
    answer(refused="memory")
except SystemExit:
    raise
except BaseException:
    answer(refused="damaged")
"""


def _pdf_texts(path: Path) -> tuple[list[str], int]:
    """The text of each page, read by pypdf in a process bounded in time and memory."""
    import json
    import subprocess
    import sys

    damaged = f"{path.name}: not a readable PDF; the file may be damaged: export it again"
    argv = [str(path), str(PDF_MEMORY), str(MAX_PAGES), str(MAX_CHARS)]
    try:
        proc = subprocess.run(
            [sys.executable, "-I", "-c", _PDF_WORKER, *argv],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=PDF_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise ImportRefused(
            f"{path.name}: reading the PDF's text took over {PDF_SECONDS:g} seconds, far "
            "longer than any ToR needs (the file may be damaged or built to stall a "
            "reader); export it again from the original, or import the Word original"
        ) from None
    try:
        answer = json.loads(proc.stdout)
    except ValueError:
        raise ImportRefused(damaged) from None
    if not isinstance(answer, dict):
        raise ImportRefused(damaged)
    refused = answer.get("refused")
    if refused == "encrypted":
        raise ImportRefused(
            f"{path.name}: the PDF is password-protected; remove the password and import it again"
        )
    if refused == "pages":
        _not_too_long(path.name, 0, int(answer.get("pages", MAX_PAGES + 1)))
    if refused == "chars":
        _not_too_long(path.name, int(answer.get("chars", MAX_CHARS + 1)), None)
    if refused == "memory":
        raise ImportRefused(
            f"{path.name}: reading the PDF's text needs more than "
            f"{PDF_MEMORY // 1_048_576} MB of memory, far more than any ToR (the file may "
            "be damaged or built to exhaust a reader); export it again from the original"
        )
    texts = answer.get("texts")
    if refused or not isinstance(texts, list) or not all(isinstance(t, str) for t in texts):
        raise ImportRefused(damaged)
    return texts, int(answer.get("pages", len(texts)))


def read_pdf(path: Path) -> list[Line]:
    texts, pages = _pdf_texts(path)
    words = sum(len(t.split()) for t in texts)
    if words < 20 * max(1, pages) // 4 or words < 30:
        raise ImportRefused(
            f"{path.name}: the PDF has no text to read (a scanned image?); import the "
            "Word original, or a PDF exported from it"
        )
    _not_too_long(path.name, sum(len(t) for t in texts), pages)
    lines: list[Line] = []
    for p, text in enumerate(texts, 1):
        lines += _markdown_lines(text, f"page {p}, line {{n}}", wrapped=False)
    return lines


# --- Language -------------------------------------------------------------

# Words that make up a good part of any English ToR and few other languages.
_ENGLISH = frozenset(
    "the and of to a in for is be will with by on are as or at from that this it its "
    "their they which group members meeting meetings chair who when any all each".split()
)


def english_enough(lines: list[Line], name: str) -> None:
    words = [w.lower() for line in lines for w in re.findall(r"[^\W\d_]+", line.text)]
    if len(words) < 40:
        if len(words) < 5:
            raise ImportRefused(f"{name}: the document has no text to import")
        return
    share = sum(w in _ENGLISH for w in words) / len(words)
    if share < 0.12:
        raise ImportRefused(
            f"{name}: the text does not read as English ({share:.0%} common English words, "
            "where an English ToR has over 20%); import the English version"
        )


READERS = {
    ".docx": read_docx,
    ".pdf": read_pdf,
    ".txt": read_text,
    ".md": read_text,
    ".markdown": read_text,
}


def read(path: Path) -> list[Line]:
    """The document's lines, or ImportRefused with one line saying why not."""
    suffix = path.suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        raise ImportRefused(
            f"{path.name}: cannot import {suffix or 'a file with no suffix'}; accepted: "
            ".docx, .pdf, .txt, .md (save a .doc as .docx)"
        )
    try:
        if not path.is_file():
            raise ImportRefused(f"{path}: there is no such file")
        if path.stat().st_size > MAX_BYTES:
            raise ImportRefused(
                f"{path.name}: {path.stat().st_size // 1_048_576} MB, far more than a ToR; "
                "import each group's terms of reference on its own"
            )
        lines = reader(path)
    except OSError as exc:
        raise ImportRefused(f"{path.name}: cannot be read ({exc.strerror or exc})") from None
    except RecursionError:
        raise ImportRefused(f"{path.name}: nested too deeply to read") from None
    english_enough(lines, path.name)
    return lines
