"""Load a knowledge base from its folder, never raising on bad input.

Every problem becomes a :class:`Problem` with a file, a line and advice, filed
under the ``KB`` rule code that reports it. A bad file (or a bad entry in a list)
is left out, and everything else is still loaded, so one mistake never hides the
findings in the rest of the knowledge base.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from functools import cache, partial
from pathlib import Path
from typing import Any, TypeVar, get_args

from pydantic import BaseModel, ValidationError

from checks.cache import ParseCache, digest
from checks.findings import Problem
from checks.kb import DocKind, Document, KnowledgeBase
from checks.markdown import headings, split_front_matter
from checks.model import (
    Action,
    ActionPlan,
    Agency,
    Brief,
    Meeting,
    MeetingLog,
    Partnership,
    Procedure,
    Register,
    Review,
    TermsOfReference,
    Theme,
    Vocabulary,
)
from checks.model.common import Located
from checks.model.config import Config
from checks.validation import explain
from checks.yamlsource import LineDict, LineList, YamlError, line_at, load_yaml

CONFIG_FILE = "kb.yaml"

# Codes of the loader's own findings; each is documented as a rule in checks/rules.
UNREADABLE = "KB001"
BAD_YAML = "KB002"
INVALID = "KB003"
DUPLICATE = "KB004"
MISSING_FILE = "KB005"
UNEXPECTED_FILE = "KB006"

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")


class KnowledgeBaseNotFound(Exception):
    """The path is not a knowledge base at all (exit code 2)."""


class _Loader:
    def __init__(
        self,
        root: Path,
        cache: ParseCache | None = None,
        share: Callable[[str], bool] | None = None,
    ) -> None:
        self.root = root
        self.cache = cache
        # When several processes share a first run (checks.parallel), each reads
        # only the action plans, meeting logs and pages ``share`` gives it.
        self.share = share
        self.problems: list[tuple[str, Problem]] = []
        self.files_read = 0
        self.max_bytes = 5 * 1024 * 1024
        self._prefix = os.path.join(str(root), "")

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
        try:
            if os.path.islink(path):
                target = path.resolve()
                if not target.is_relative_to(self.root.resolve()):
                    self.report(
                        UNREADABLE,
                        rel,
                        1,
                        "this is a link to a file outside the repository, so it is not read; "
                        "put the file itself in the repository",
                    )
                    return None
            with open(path, "rb") as fh:
                size = os.fstat(fh.fileno()).st_size
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

    def read_unit(
        self, path: Path, compute: Callable[[str, str], T], divisible: bool = True
    ) -> T | None:
        """``compute(text, rel)`` for a file, or its stored result if the file is unchanged.

        Whatever ``compute`` reports is stored with its result and reported again
        on a cache hit, so a cached run finds exactly what a fresh one would.
        A ``divisible`` file outside this loader's share is skipped (None).
        """
        rel = self.rel(path)
        if divisible and self.share is not None and not self.share(rel):
            return None
        data = self.read_bytes(path, rel)
        if data is None:
            return None
        key = b""
        if self.cache is not None:
            key = digest(data)
            hit = self.cache.get(rel, key)
            if hit is not None:
                problems, value = hit
                self.problems.extend(problems)
                return value
        start = len(self.problems)
        text = self.decode(data, rel)
        value = None if text is None else compute(text, rel)
        if self.cache is not None:
            self.cache.put(rel, key, (self.problems[start:], value))
        return value

    def read_yaml(self, path: Path, required: bool = True) -> Any:
        text = self.read_text(path)
        return None if text is None else self.parse_yaml(text, self.rel(path), required)

    def parse_yaml(self, text: str, rel: str, required: bool = True) -> Any:
        try:
            data = load_yaml(text)
        except YamlError as exc:
            self.report(BAD_YAML, rel, exc.line, exc.message)
            return None
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
        divisible: bool = True,
    ) -> M | None:
        """A file holding a list (of agencies, reviews, actions...), through the cache."""

        def compute(text: str, rel: str) -> M | None:
            raw = self.parse_yaml(text, rel, required)
            return None if raw is None else self.validate_list(model, raw, key, item, rel)

        return self.read_unit(path, compute, divisible)

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
        self, model: type[M], raw: LineDict, key: str, item: type[BaseModel], file: str
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
                            subject = str(entry.get(subject_key, ""))
                self.problems.append(
                    (INVALID, Problem(file, problem.line, problem.message, subject))
                )
            # Salvage: the envelope must be valid; then keep each valid entry.
            envelope_errors = [e for e in exc.errors() if not e["loc"] or e["loc"][0] != key]
            if envelope_errors or not isinstance(items, LineList):
                return None
            good = LineList()
            good.line, good.item_lines = items.line, []
            for i, entry in enumerate(items):
                try:
                    item.model_validate(entry)
                except ValidationError:
                    continue
                good.append(entry)
                good.item_lines.append(items.item_lines[i])
            if not good:
                return None
            salvaged = LineDict(raw)
            salvaged.line, salvaged.key_lines = raw.line, raw.key_lines
            salvaged[key] = good
            try:
                obj = model.model_validate(salvaged)
            except ValidationError:
                return None
            raw = salvaged
        attach(obj, file, raw)
        return obj


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


def _markdown_files(folder: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.endswith(".md"):
                yield Path(dirpath) / name


def _yaml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml"))


def cache_setting(config: Config) -> str:
    """The settings that change what a file parses to (see ParseCache.configure)."""
    return f"data_dir={config.data_dir} docs_dir={config.docs_dir}"


def divisible_files(root: Path, config: Config) -> list[str]:
    """The files a ``share`` divides (action plans, meeting logs and pages), by
    path from the root: the files :func:`load` would read, bar the few read whole."""
    data_dir, docs_dir = root / config.data_dir, root / config.docs_dir
    paths = [
        *_yaml_files(data_dir / "actions"),
        *_yaml_files(data_dir / "meetings"),
        *(_markdown_files(docs_dir) if docs_dir.is_dir() else ()),
    ]
    return [p.relative_to(root).as_posix() for p in paths]


def load_config(root: Path, loader: _Loader | None = None) -> Config:
    path = root / CONFIG_FILE
    if not path.exists():
        return Config()
    own = loader or _Loader(root)
    raw = own.read_yaml(path, required=False)
    if raw is None:
        return Config()
    return own.validate(Config, raw, CONFIG_FILE) or Config()


def load(
    root: Path | str,
    cache: ParseCache | None = None,
    share: Callable[[str], bool] | None = None,
) -> KnowledgeBase:
    """Load the knowledge base under ``root``. Only a missing folder raises.

    With a ``cache``, files unchanged since it was saved are not parsed again;
    the caller saves it (after the checks, which memoise into it too). With a
    ``share``, only the action plans, meeting logs and pages it accepts (by path
    from the root) are read: a part of the knowledge base, for filling a cache.
    """
    root = Path(root)
    if not root.is_dir():
        raise KnowledgeBaseNotFound(f"{root} is not a folder")
    loader = _Loader(root, cache, share)
    config = load_config(root, loader)
    loader.max_bytes = int(config.max_file_mb * 1024 * 1024)
    if cache is not None:
        cache.configure(cache_setting(config))
    data_dir, docs_dir = root / config.data_dir, root / config.docs_dir
    if not data_dir.is_dir() and not docs_dir.is_dir():
        raise KnowledgeBaseNotFound(
            f"{root} has neither a {config.data_dir}/ nor a {config.docs_dir}/ folder; "
            "is this a knowledge base?"
        )
    kb = KnowledgeBase(root=root, config=config, cache=cache)
    _load_data(loader, kb, data_dir)
    _load_docs(loader, kb, docs_dir)
    kb.load_problems = loader.problems
    kb.files_read = loader.files_read
    return kb


_KNOWN_DATA = {"partnership", "themes", "reviews", "sensitive"}


def _load_data(loader: _Loader, kb: KnowledgeBase, data_dir: Path) -> None:
    rel_data = kb.config.data_dir
    for name in ("partnership", "themes"):
        if not (data_dir / f"{name}.yaml").exists():
            loader.report(
                MISSING_FILE,
                f"{rel_data}/{name}.yaml",
                1,
                f"{rel_data}/{name}.yaml is missing; it is needed to check "
                + ("agencies and bank holidays" if name == "partnership" else "brief themes"),
            )
    if (data_dir / "partnership.yaml").exists():
        # The partnership, themes and register are read whole by every share:
        # they are small, and checks on any share's files refer to them.
        kb.partnership = loader.read_list(
            data_dir / "partnership.yaml", Partnership, "agencies", Agency, divisible=False
        )
        if kb.partnership:
            for agency in kb.partnership.agencies:
                _unique(loader, kb.agencies, agency.id, agency, "agency")

    if (data_dir / "themes.yaml").exists():
        vocab = loader.read_list(
            data_dir / "themes.yaml", Vocabulary, "themes", Theme, divisible=False
        )
        if vocab:
            for theme in vocab.themes:
                _unique(loader, kb.themes, theme.id, theme, "theme")

    if (data_dir / "reviews.yaml").exists():
        register = loader.read_list(
            data_dir / "reviews.yaml", Register, "reviews", Review, required=False, divisible=False
        )
        if register:
            for review in register.reviews:
                _unique(loader, kb.reviews, review.ref, review, "review reference")

    seen_actions: dict[str, Any] = {}
    for path in _yaml_files(data_dir / "actions"):
        plan = loader.read_list(path, ActionPlan, "actions", Action)
        if plan is None:
            continue
        kept = [
            a
            for a in plan.actions
            if _unique(loader, seen_actions, f"{plan.review}/{a.id}", a, "action id")
        ]
        if len(kept) != len(plan.actions):
            # The first of a duplicated id stays; later ones are reported and dropped.
            copy = plan.model_copy(update={"actions": kept})
            copy.locate(plan.source, plan.raw)
            plan = copy
        if kept:
            kb.plans.append(plan)

    for path in _yaml_files(data_dir / "meetings"):
        log = loader.read_list(path, MeetingLog, "meetings", Meeting)
        if log is not None:
            kb.meetings.extend(log.meetings)

    if data_dir.is_dir():
        for path in sorted(data_dir.iterdir()):
            if path.is_dir():
                if path.name not in ("actions", "meetings") and not path.name.startswith("."):
                    loader.report(
                        UNEXPECTED_FILE,
                        loader.rel(path),
                        1,
                        "this folder is not read; data/ holds partnership.yaml, themes.yaml, "
                        "reviews.yaml, actions/ and meetings/",
                    )
            elif path.suffix in (".yaml", ".yml") and path.stem not in _KNOWN_DATA:
                loader.report(
                    UNEXPECTED_FILE,
                    loader.rel(path),
                    1,
                    f"{path.name} is not read; action plans go in actions/, meetings in "
                    "meetings/, and the register in reviews.yaml",
                )


def _unique(loader: _Loader, into: dict[str, Any], key: str, obj: Any, what: str) -> bool:
    """Add ``obj`` under ``key``; a duplicate is reported and left out (False)."""
    first = into.get(key)
    if first is None:
        into[key] = obj
        return True
    loader.report(
        DUPLICATE,
        obj.source,
        obj.line_of(),
        f"the {what} {key} is already used in {first.source} at line {first.line_of()}; "
        "each must be unique",
        key,
    )
    return False


_DOC_KINDS: dict[str, type[TermsOfReference | Brief | Procedure]] = {
    "tor": TermsOfReference,
    "briefs": Brief,
    "procedures": Procedure,
}


Record = TermsOfReference | Brief | Procedure
_KIND_OF: dict[type[Record], DocKind] = {
    TermsOfReference: "tor",
    Brief: "brief",
    Procedure: "procedure",
}


def _read_doc(
    loader: _Loader,
    model: type[Record] | None,
    stem: str,
    text: str,
    rel: str,
) -> tuple[Document, Record | None] | None:
    """One Markdown page and the record its front matter holds (None for a plain
    page); None, after reporting why, when the page cannot be used."""
    split = split_front_matter(text)
    if split.front is None and text.startswith("---\n"):
        loader.report(
            BAD_YAML,
            rel,
            1,
            "the front matter starts with `---` but has no closing `---` line",
        )
        return None
    doc = Document(rel, "page", split.body, split.body_line)
    front: Any = None
    if split.front is not None:
        try:
            front = load_yaml(split.front, line_offset=split.front_line - 1)
        except YamlError as exc:
            loader.report(BAD_YAML, rel, exc.line, f"front matter: {exc.message}")
            return None
    if isinstance(front, LineDict) and isinstance(front.get("title"), str):
        doc.title = front["title"]
    if model is None:
        return doc, None
    if not isinstance(front, LineDict):
        loader.report(
            INVALID,
            rel,
            1,
            "this page needs front matter: a block of `key: value` lines between two `---` "
            "lines at the very top (run `kb new` for a template)",
        )
        return None
    subject = str(front.get("id") or front.get("group") or stem)
    if model is TermsOfReference and "group" not in front:
        front = _with(front, "group", stem)
    record: Record | None = loader.validate(
        model,  # one of three models, chosen by folder
        front,
        rel,
        subject,
        # A brief that fails validation may be a draft: never echo its values.
        quote=model is not Brief,
    )
    if record is None:
        return None
    doc.headings = headings(split.body, split.body_line)
    doc.kind = _KIND_OF[model]
    return doc, record


def _load_docs(loader: _Loader, kb: KnowledgeBase, docs_dir: Path) -> None:
    """Load every Markdown page. A page joins ``kb.documents`` (and so can be
    published) only once it has loaded cleanly: a record that is unreadable,
    invalid or a duplicate is reported and never published."""
    if not docs_dir.is_dir():
        return
    tors: list[tuple[str, TermsOfReference, Document]] = []
    for path in _markdown_files(docs_dir):
        parts = path.relative_to(docs_dir).parts
        folder = parts[0] if len(parts) == 2 else ""
        model = _DOC_KINDS.get(folder) if path.stem != "index" else None
        loaded = loader.read_unit(path, partial(_read_doc, loader, model, path.stem))
        if loaded is None:
            continue
        doc, record = loaded
        rel = doc.path
        if record is None:
            kb.documents[rel] = doc
        elif isinstance(record, TermsOfReference):
            tors.append((rel, record, doc))
        elif isinstance(record, Brief):
            if _unique(loader, kb.briefs, record.id, record, "brief id"):
                kb.documents[rel] = doc
            else:
                # Two briefs claim one id: either could be the draft, so neither is
                # published until the id is fixed.
                kb.documents.pop(kb.briefs[record.id].source, None)
        else:
            kb.procedures[rel] = record
            kb.documents[rel] = doc
    # A ToR whose file is named after its group owns that id; one that claims
    # another group's id with `group:` is the duplicate, whatever the file order.
    tors.sort(key=lambda t: (Path(t[0]).stem != t[1].id, t[0]))
    for rel, tor, doc in tors:
        if _unique(loader, kb.tors, tor.id, tor, "group id"):
            kb.documents[rel] = doc


def _with(mapping: LineDict, key: str, value: Any) -> LineDict:
    copy = LineDict(mapping)
    copy.line, copy.key_lines = mapping.line, dict(mapping.key_lines)
    copy[key] = value
    copy.key_lines.setdefault(key, mapping.line)
    return copy
