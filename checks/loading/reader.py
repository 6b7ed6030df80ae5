"""Reading one file: its bytes, its text, its YAML and the record it validates to.

:class:`Reader` never raises on bad input: each problem is kept as a finding
under the ``KB`` code that reports it, with the file, the line and advice. Each
file's step from bytes to record (:meth:`Reader.read_unit`) is a pure function
of its path, its bytes and what it is read as, so the speed layer
(:func:`checks.speed.cache.recall`) may answer it for bytes it has seen before.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar, get_args

from pydantic import BaseModel, ValidationError

from checks.loading.entries import entry_key_field, recover_list, valid_key
from checks.loading.files import link_problem, refused, shown, special_problem
from checks.loading.validation import explain
from checks.model.common import Located
from checks.model.findings import Problem
from checks.model.yaml_source import LineDict, LineList, YamlError, line_at, load_yaml
from checks.speed.cache import recall

# Codes of the loader's own findings; each is documented as a rule in checks/rules.
UNREADABLE = "KB001"
BAD_YAML = "KB002"
INVALID = "KB003"
DUPLICATE = "KB004"
MISSING_FILE = "KB005"
UNEXPECTED_FILE = "KB006"

# Not on every platform; without them the look before opening still applies.
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")

#: An entry of a list left out because it is broken: its line, and its id if known.
Lost = tuple[int, str | None]


class Reader:
    """Reads the files of one knowledge base, collecting its problems as it goes."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[tuple[str, Problem]] = []
        self.files_read = 0
        #: entries left out of each list file read (by path), for checks and pages
        self.lost: dict[str, list[Lost]] = {}
        self.max_bytes = 5 * 1024 * 1024
        self._prefix = os.path.join(str(root), "")
        #: Files reported as links or special files: never opened.
        self.refused: set[str] = set()
        # Whether each folder under the root was reached without passing a link.
        self._folders: dict[str, bool] = {}

    # -- reporting -----------------------------------------------------------

    def report(self, code: str, file: str, line: int, message: str, subject: str = "") -> None:
        self.problems.append((code, Problem(file, line, message, subject)))

    def rel(self, path: Path) -> str:
        # Every path read is built from the root, so its text starts with the
        # root's; pathlib's general relative_to was a noticeable part of a warm run.
        text = str(path)
        if text.startswith(self._prefix):
            return text[len(self._prefix) :].replace(os.sep, "/")
        return path.relative_to(self.root).as_posix()

    # -- reading -------------------------------------------------------------

    def read_bytes(self, path: Path, rel: str | None = None) -> bytes | None:
        """The file's bytes, or None after reporting why it cannot be read."""
        rel = self.rel(path) if rel is None else rel
        if rel in self.refused or not self._reached_without_links(path):
            return None  # reported where the link or the special file is
        try:
            # O_NOFOLLOW: a link fails to open rather than being followed; and
            # O_NONBLOCK: a FIFO opens at once rather than waiting for a writer,
            # and is then refused below without being read.
            try:
                fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK)
            except OSError:
                mode = os.lstat(path).st_mode  # why: a link, a socket, or an error
                if stat.S_ISLNK(mode):
                    self.refuse(rel, link_problem(path, self.root, "file"))
                    return None
                if not stat.S_ISREG(mode):
                    self.refuse(rel, special_problem(path))
                    return None
                raise
            with open(fd, "rb") as fh:
                st = os.fstat(fh.fileno())
                if not stat.S_ISREG(st.st_mode):
                    self.refuse(rel, special_problem(path))
                    return None
                size = st.st_size
                if size > self.max_bytes:
                    self.report(
                        UNREADABLE,
                        rel,
                        1,
                        f"the file is {size / 1_048_576:.1f} MB, over the "
                        f"{self.max_bytes / 1_048_576:g} MB limit (max_file_mb in kb.yaml); "
                        "split it or remove what does not belong",
                    )
                    return None
                data = fh.read()
        except OSError as exc:
            self.report(UNREADABLE, rel, 1, f"cannot read the file: {exc.strerror or exc}")
            return None
        self.files_read += 1
        return data

    def refuse(self, rel: str, message: str) -> None:
        """Report a link or special file (KB001), once, and never read it."""
        if rel not in self.refused:
            self.refused.add(rel)
            self.report(UNREADABLE, shown(rel), 1, message)

    def refuse_all(self, folder: Path) -> None:
        """Report every link and special file under ``folder`` (see files.refused)."""
        for path, message in refused(folder, self.root):
            self.refuse(self.rel(path), message)

    def _reached_without_links(self, path: Path) -> bool:
        """Whether no folder between the root and ``path`` is a link (such a
        folder is reported by :meth:`refuse_all`; nothing through it is read)."""
        folder = os.path.dirname(str(path))
        seen: list[str] = []
        ok = True
        while folder.startswith(self._prefix):  # a folder below the root
            known = self._folders.get(folder)
            if known is not None:
                ok = known
                break
            seen.append(folder)
            if os.path.islink(folder):
                ok = False
                break
            folder = os.path.dirname(folder)
        for name in seen:
            self._folders[name] = ok
        return ok

    def decode(self, data: bytes, rel: str) -> str | None:
        """The text of a file's bytes, or None after reporting why it is not text."""
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]  # a byte-order mark, as some Windows editors save
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            self.report(
                UNREADABLE,
                rel,
                line,
                f"the file is not UTF-8 text (byte 0x{data[exc.start]:02X} on this line); "
                "save it with UTF-8 encoding",
            )
            return None
        if "\x00" in text:
            line = text[: text.index("\x00")].count("\n") + 1
            self.report(
                UNREADABLE, rel, line, "the file contains a NUL byte; it is not a text file"
            )
            return None
        return text.replace("\r\n", "\n").replace("\r", "\n")

    def read_text(self, path: Path) -> str | None:
        data = self.read_bytes(path)
        return None if data is None else self.decode(data, self.rel(path))

    def read_unit(self, path: Path, how: str, compute: Callable[[str, str], T]) -> T | None:
        """``compute(text, rel)`` for a file, and what it reports; None if the file
        cannot be read or is not text.

        ``how`` names what the file is read as (its model, say): with the file's
        path and bytes it is everything the answer depends on, so the speed
        layer may hand back what it stored for the same question.
        """
        rel = self.rel(path)
        data = self.read_bytes(path, rel)
        if data is None:
            return None
        question = f"{how}\0{rel}\0".encode() + data
        ((problems, value),) = recall(
            "file", [question], lambda _: [self._parse(data, rel, compute)]
        )
        self.problems.extend(problems)
        return value

    def _parse(
        self, data: bytes, rel: str, compute: Callable[[str, str], T]
    ) -> tuple[list[tuple[str, Problem]], T | None]:
        """The file's record, with the problems found on the way (taken out of
        :attr:`problems`, so that a stored answer brings them back the same way)."""
        start = len(self.problems)
        text = self.decode(data, rel)
        value = None if text is None else compute(text, rel)
        found = self.problems[start:]
        del self.problems[start:]
        return found, value

    def read_yaml(self, path: Path, required: bool = True) -> Any:
        text = self.read_text(path)
        return None if text is None else self.parse_yaml(text, self.rel(path), required)

    def parse_yaml(
        self,
        text: str,
        rel: str,
        required: bool = True,
        entries: str | None = None,
        lost: list[Lost] | None = None,
    ) -> Any:
        """The file's YAML. With ``entries`` (the key of its list), a file that does
        not parse keeps the entries of that list that do, adding the others to ``lost``."""
        try:
            data = load_yaml(text)
        except YamlError as exc:
            recovered = recover_list(text, entries) if entries else None
            if recovered is None:
                self.report(BAD_YAML, rel, exc.line, exc.message)
                return None
            data, broken = recovered
            for entry in broken:
                self.report(BAD_YAML, rel, entry.line, entry.message, entry.key or "")
                if lost is not None:
                    lost.append((entry.line, entry.key))
        if data is None:
            if required:
                self.report(INVALID, rel, 1, "the file is empty; it should hold `key: value` lines")
            return None
        if not isinstance(data, LineDict):
            self.report(
                INVALID,
                rel,
                getattr(data, "line", 1),
                "the file should hold `key: value` lines at the top level, "
                f"not a {type(data).__name__}",
            )
            return None
        return data

    def read_list(
        self,
        path: Path,
        model: type[M],
        key: str,
        item: type[BaseModel],
        required: bool = True,
    ) -> M | None:
        """A file holding a list (of agencies, reviews, actions...)."""

        def compute(text: str, rel: str) -> tuple[M | None, list[Lost]]:
            # The entries left out are kept with the result, so a cached run knows them.
            lost: list[Lost] = []
            raw = self.parse_yaml(text, rel, required, key, lost)
            if raw is None:
                return None, lost
            return self.validate_list(model, raw, key, item, rel, lost), lost

        read = self.read_unit(path, f"{model.__name__} required={required}", compute)
        if read is None:
            return None
        value, lost = read
        if lost:
            self.lost[self.rel(path)] = lost
        return value

    # -- validation ------------------------------------------------------------

    def validate(
        self, model: type[M], raw: Any, file: str, subject: str = "", quote: bool = True
    ) -> M | None:
        try:
            obj = model.model_validate(raw)
        except ValidationError as exc:
            for problem in explain(exc, model, raw, file, subject, quote=quote):
                self.problems.append((INVALID, problem))
            return None
        attach(obj, file, raw)
        return obj

    def validate_list(
        self,
        model: type[M],
        raw: LineDict,
        key: str,
        item: type[BaseModel],
        file: str,
        lost: list[Lost] | None = None,
    ) -> M | None:
        """Validate a file holding a list; on error keep the entries that are valid."""
        try:
            obj = model.model_validate(raw)
        except ValidationError as exc:
            subject_key = {"reviews": "ref"}.get(key, "id")
            items = raw.get(key)
            for problem in explain(exc, model, raw, file):
                subject = ""
                if isinstance(items, LineList):
                    for i, entry in enumerate(items):
                        if isinstance(entry, LineDict) and problem.line >= line_at(items, (i,)):
                            # Only a name of the valid form: see valid_key.
                            subject = valid_key(entry.get(subject_key), key) or ""
                self.problems.append(
                    (INVALID, Problem(file, problem.line, problem.message, subject))
                )
            # Salvage: the envelope must be valid, bar bad entries of its other lists
            # (a partnership's yearly reports beside its agencies), which are left
            # out as the main list's are; then keep each valid entry.
            envelope_errors = [e for e in exc.errors() if not e["loc"] or e["loc"][0] != key]
            dropped: dict[str, set[int]] = {}
            for e in envelope_errors:
                loc = e["loc"]
                if (
                    len(loc) >= 2
                    and isinstance(loc[1], int)
                    and isinstance(raw.get(str(loc[0])), LineList)
                ):
                    dropped.setdefault(str(loc[0]), set()).add(loc[1])
            if len(envelope_errors) > sum(
                1 for e in envelope_errors if str(e["loc"][0]) in dropped and len(e["loc"]) >= 2
            ) or not isinstance(items, LineList):
                return None
            good = LineList()
            good.line, good.item_lines = items.line, []
            for i, entry in enumerate(items):
                try:
                    item.model_validate(entry)
                except ValidationError:
                    if lost is not None:
                        lost.append((items.item_lines[i], _entry_key(entry, key)))
                    continue
                good.append(entry)
                good.item_lines.append(items.item_lines[i])
            if not good:
                return None
            salvaged = LineDict(raw)
            salvaged.line, salvaged.key_lines = raw.line, raw.key_lines
            salvaged[key] = good
            for field, bad in dropped.items():
                entries = raw[field]
                kept = LineList()
                kept.line, kept.item_lines = entries.line, []
                for i, entry in enumerate(entries):
                    if i in bad:
                        if lost is not None:
                            lost.append((entries.item_lines[i], None))
                        continue
                    kept.append(entry)
                    kept.item_lines.append(entries.item_lines[i])
                salvaged[field] = kept
            try:
                obj = model.model_validate(salvaged)
            except ValidationError:
                return None
            raw = salvaged
        attach(obj, file, raw)
        return obj


def _entry_key(entry: Any, key: str) -> str | None:
    name = entry.get(entry_key_field(key)) if isinstance(entry, LineDict) else None
    return valid_key(name, key)


def attach(obj: BaseModel, file: str, raw: Any) -> None:
    """Give a validated record (and the records inside it) their file and raw lines."""
    if isinstance(obj, Located):
        obj.locate(file, raw)
    if not isinstance(raw, dict):
        return
    for name, key in _located_fields(type(obj)):
        value = getattr(obj, name)
        sub = raw.get(key)
        if isinstance(value, Located):
            attach(value, file, sub)
        elif isinstance(value, list) and isinstance(sub, list):
            for child, child_raw in zip(value, sub, strict=False):
                if isinstance(child, Located):
                    attach(child, file, child_raw)


@cache
def _located_fields(model: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    """(attribute, key) of each field that can hold records of its own.

    Worked out once per model from the annotations: walking every field of
    every one of 10,000 actions to find the few that hold records was a
    noticeable part of loading.
    """
    return tuple(
        (name, info.alias or name)
        for name, info in model.model_fields.items()
        if _holds_located(info.annotation)
    )


def _holds_located(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True  # a nested model: it may hold located records further down
    return any(_holds_located(arg) for arg in get_args(annotation))
