"""Words a pull request brings that nobody has vetted, kept out of what the checks write.

A contributor chooses ids, keys and file names as freely as prose: an agency's
id, a group id in a meeting, a theme id, an action id, a ``kb.yaml`` key, a
suppression's subject. The checks print ids ("theme 'x' is not in
data/themes.yaml") and the site builds pages and their addresses from them
("compliance/agency-x/"), so an id made of a child's name would reach the CI log,
the JSON report and the generated pages, none of which ANO001 reads as prose.

So, on a pull request (when a trusted copy is named, checks/loading/trusted.py),
the words the change writes where ids go (its paths, YAML keys and values
without spaces, link targets) that nothing in the trusted copy's files holds
are *unvetted*. Prose (titles, summaries, bodies) is ANO001's to read, and is
shown as written. An unvetted word may still be shown when it cannot name
anyone: a short number, a sector acronym, a short code of letters then digits
("A17", "cspr2026"), a file type, the checker's own field names, or another
form of a word the trusted copy has ("reviews"). A dictionary word is not
enough: "Sorrel Thistle" is two of them.
Any other unvetted word, in a finding's message or subject and in every page,
chart and calendar the site generates, is shown as ``withheld-N`` (the same N
for the same word throughout one run, so links between generated pages still
work). The word is never hashed: a hash of a name is a name to anyone with a
list of names.

Outside a pull request (no trusted copy) nothing is masked: what is on the
target branch was vetted when it was merged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import cache
from pathlib import Path

import yaml

from checks.loading.files import files_under
from checks.model.findings import Finding
from checks.model.knowledge_base import KnowledgeBase

#: Every scalar read as the text it is written as: no dates or numbers to construct,
#: so a value such as 2024-11-32 is a word, not an error.
_LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
#: A word: letters and digits of any script, split at everything else.
_PIECE = re.compile(r"[^\W_]+")
#: A short code: a few letters, then digits ("A17", "LB2026", "cspr2025").
_CODE = re.compile(r"[a-z]{1,4}\d{1,6}[a-z]?")
#: The files whose text a contributor writes, besides everything under docs/ and data/.
_TOP_FILES = ("kb.yaml", "kb.yml")
#: Files bigger than this are not read for words (an image's bytes are not words).
_MAX_BYTES = 2_000_000
#: Suffixes of files read as text.
_TEXT = frozenset({".md", ".markdown", ".yaml", ".yml", ".txt", ".csv", ".ics", ".json"})


def _files(root: Path, kb: KnowledgeBase) -> Iterator[Path]:
    """Every regular file a contributor writes: kb.yaml, and what is under docs/ and
    data/. Symbolic links are not followed (they are findings of their own)."""
    for name in _TOP_FILES:
        if (root / name).is_file() and not (root / name).is_symlink():
            yield root / name
    for folder in (root / kb.config.docs_dir, root / kb.config.data_dir):
        if folder.is_dir() and not folder.is_symlink():
            yield from files_under(folder)


def _read(path: Path) -> str | None:
    try:
        if path.suffix.lower() in _TEXT and path.stat().st_size <= _MAX_BYTES:
            return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        pass
    return None


def _all_words(root: Path, kb: KnowledgeBase) -> set[str]:
    """The lower-case words of every file and path of a copy: what it has published
    or could have, prose included."""
    words: set[str] = set()
    for path in _files(root, kb):
        words.update(_PIECE.findall(str(path.relative_to(root)).lower()))
        text = _read(path)
        if text is not None:
            words.update(_PIECE.findall(text.lower()))
    return words


def _id_words(root: Path, kb: KnowledgeBase) -> set[str]:
    """The lower-case words a copy writes where ids go: its paths, YAML keys and
    values without spaces (in data files, kb.yaml and front matter), and link
    targets. Prose (a value with spaces, a page's body) is ANO001's to read."""
    words: set[str] = set()
    for path in _files(root, kb):
        words.update(_PIECE.findall(str(path.relative_to(root)).lower()))
        text = _read(path)
        if text is None:
            continue
        if path.parent == root:
            # kb.yaml: the checker's settings, whose keys (a check's code, an
            # option) and values (a suppression's subject) are all printed somewhere.
            words.update(_PIECE.findall(text.lower()))
        elif path.suffix.lower() in (".yaml", ".yml"):
            # A data file's short values are labels the generated pages print
            # (an owner's role, an agency's name), not prose ANO001 reads whole.
            words.update(_yaml_ids(text, label_words=_LABEL_WORDS))
        elif path.suffix.lower() in (".md", ".markdown"):
            front = _FRONT.match(text)
            if front:
                words.update(_yaml_ids(front.group(1)))
            for m in _LINK.finditer(text):
                target = next(g for g in m.groups() if g is not None)
                words.update(_PIECE.findall(target.lower()))
    return words


#: The most words a data file's value has to be read as a label.
_LABEL_WORDS = 6
#: A page's front matter, between its opening and closing ``---`` lines.
_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
#: Where a page writes a link's target (``](x``, ``]: x``, ``href="x"``, ``src="x"``)
#: or an element's id (``{#x}``, an attribute list).
_LINK = re.compile(
    r"\]\(\s*<?([^\s)>]+)|\]:[ \t]*<?(\S+)|(?:href|src)\s*=\s*[\"']?([^\s\"'>]+)"
    r"|\{:?[ \t]*[^{}\n]*#([^\s{}]+)"
)


def _yaml_ids(text: str, label_words: int = 0) -> set[str]:
    """Words of the keys and space-free values of a YAML text; all its words when
    it does not parse (a file that did not load may still be quoted)."""
    try:
        data = yaml.load(text, Loader=_LOADER)  # a base loader builds no objects
    except (yaml.YAMLError, RecursionError):
        return set(_PIECE.findall(text.lower()))
    words: set[str] = set()
    stack = [data]
    seen: set[int] = set()  # an alias repeats a node, and may contain itself
    while stack:
        item = stack.pop()
        if isinstance(item, dict | list):
            if id(item) in seen:
                continue
            seen.add(id(item))
        if isinstance(item, dict):
            # A key is a name whatever it holds ("Kayden Mulvaney: ..." is an
            # unknown field, and its finding names it).
            for k in item:
                if isinstance(k, str):
                    words.update(_PIECE.findall(k.lower()))
            stack += list(item.values())
        elif isinstance(item, list):
            stack += item
        elif item is not None and not isinstance(item, bool):
            value = str(item)
            if len(value.split()) <= max(1, label_words):
                words.update(_PIECE.findall(value.lower()))
    return words


@cache
def _plain_words() -> tuple[frozenset[str], frozenset[str]]:
    from checks.anonymise.context import ACRONYMS
    from checks.anonymise.names import given_names, surnames, world_given_names

    names = frozenset(n.lower() for n in (*given_names(), *world_given_names(), *surnames()))
    return names, frozenset(a.lower() for a in ACRONYMS)


#: YAML's own words (booleans, null) and the checker's file's name.
_YAML_WORDS = frozenset("true false yes no null on off kb".split())
#: File types, as a contributor names them in kb.yaml's ``publish_types``.
_FILE_TYPES = frozenset(
    "pdf doc docx odt xls xlsx ods ppt pptx odp csv txt md markdown yaml yml json html htm "
    "svg png jpg jpeg gif webp ico ics xml zip".split()
)


@cache
def _schema_words() -> frozenset[str]:
    """The words of the checker's own field names (the knowledge base's schemas, the
    settings, every check's options): ``publish_types`` is the checker's word."""
    from pydantic import BaseModel

    import checks.model
    import checks.rules  # each check's options are defined on import

    words: set[str] = set()
    todo: list[type[BaseModel]] = [BaseModel]
    while todo:
        model = todo.pop()
        todo += model.__subclasses__()
        if model.__module__.startswith(checks.model.__name__.split(".")[0] + "."):
            for name in model.model_fields:
                words.update(_PIECE.findall(name.lower()))
    return frozenset(words)


def harmless(word: str, vetted: frozenset[str] | set[str] = frozenset()) -> bool:
    """Whether a word cannot name anyone (``word`` in lower case): a number too
    short to be a record's (an NHS number has ten digits), an acronym, a short
    code, a file type, the checker's own field names, or a form of a word the
    trusted copy already has (``vetted``: "reviews" where it has "review").

    A dictionary word is not enough: "Sorrel Thistle" and "Briar Heron" are
    English words and names. What the partnership has already published is the
    vocabulary a pull request may use unchecked."""
    names, acronyms = _plain_words()
    if (word.isdigit() and len(word) <= 6) or word in acronyms or _CODE.fullmatch(word):
        return True
    if word in _FILE_TYPES or word in _YAML_WORDS:
        return True
    if word in names:
        return False  # a name first, whatever else it is ("grace", "baker")
    if len(word) <= 2:
        return True  # "kb", "v2", "no": too short to name anyone a name list lacks
    if word in _schema_words():
        return True
    return any(w in vetted for w in (word, *_endings(word)))


def _endings(word: str) -> tuple[str, ...]:
    """``word`` without an English inflection: "types" → "type", "carried" → "carry"."""
    out: list[str] = []
    for end, put in (
        ("ies", "y"),
        ("ied", "y"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("ed", "e"),
        ("ing", ""),
        ("ing", "e"),
    ):
        if word.endswith(end) and len(word) > len(end) + 2:
            out.append(word[: -len(end)] + put)
    return tuple(out)


_LAST: list[tuple[KnowledgeBase, Unvetted]] = []


class Unvetted:
    """The unvetted words of one run, and how text shows them."""

    def __init__(self, words: Iterable[str] = ()) -> None:
        self.shown: dict[str, str] = {
            w: f"withheld-{i}" for i, w in enumerate(sorted(words), start=1)
        }
        self._pattern = (
            re.compile(
                r"(?<![^\W_])(?:"
                + "|".join(re.escape(w) for w in sorted(self.shown, key=len, reverse=True))
                + r")(?![^\W_])",
                re.IGNORECASE,
            )
            if self.shown
            else None
        )

    @classmethod
    def of(cls, kb: KnowledgeBase) -> Unvetted:
        """The words ``kb``'s files hold that its trusted copy's do not, and that
        are not harmless; none when there is no trusted copy."""
        if kb.trusted is None:
            return cls()
        for last_kb, last in _LAST:
            if last_kb is kb:
                return last
        vetted = _all_words(kb.trusted.root, kb.trusted)
        new = _id_words(kb.root, kb) - vetted
        found = cls(w for w in new if not harmless(w, vetted))
        # The checks and the site both ask, in one build: the files are read once.
        _LAST[:] = [(kb, found)]
        return found

    def __bool__(self) -> bool:
        return self._pattern is not None

    def mask(self, text: str) -> str:
        """``text`` with each unvetted word shown as its placeholder."""
        if self._pattern is None or not text:
            return text
        return self._pattern.sub(lambda m: self.shown[m.group(0).lower()], text)

    def findings(self, findings: Iterable[Finding]) -> Iterator[Finding]:
        """``findings`` with their messages and subjects masked (the file keeps its
        path: an annotation must point at it, and file names are checked apart)."""
        for f in findings:
            message, subject = self.mask(f.message), self.mask(f.subject)
            if message == f.message and subject == f.subject:
                yield f
            else:
                yield replace(f, message=message, subject=subject)
