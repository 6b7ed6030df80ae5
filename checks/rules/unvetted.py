"""Words a pull request brings that nobody has vetted, kept out of what the checks write.

A contributor chooses ids, keys and file names as freely as prose: an agency's
id, a group id in a meeting, a theme id, an action id, a ``kb.yaml`` key, a
suppression's subject. The checks print ids ("theme 'x' is not in
data/themes.yaml") and the site builds pages and their addresses from them
("compliance/agency-x/"), so an id made of a child's name would reach the CI log,
the JSON report and the generated pages, none of which ANO001 reads as prose.

So, on a pull request (when a trusted copy is named, checks/loading/trusted.py),
the words the change's files hold that the trusted copy's files do not are
*unvetted*. An unvetted word may still be shown when its shape says it cannot
name anyone: a number, an English word that is not also a given name, a
sector acronym, or a short code of letters then digits ("A17", "cspr2026").
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

from checks.model.findings import Finding
from checks.model.knowledge_base import KnowledgeBase

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


def _words_of(root: Path, kb: KnowledgeBase) -> set[str]:
    """The lower-case words of every text file a contributor writes, and of their
    paths. Symbolic links are not followed (they are findings of their own)."""
    words: set[str] = set()
    folders = [root / kb.config.docs_dir, root / kb.config.data_dir]
    files = [root / name for name in _TOP_FILES]
    for folder in folders:
        if folder.is_dir() and not folder.is_symlink():
            files += [p for p in folder.rglob("*") if not p.is_symlink()]
    for path in files:
        try:
            if not path.is_file():
                continue
            words.update(_PIECE.findall(str(path.relative_to(root)).lower()))
            if path.suffix.lower() in _TEXT and path.stat().st_size <= _MAX_BYTES:
                text = path.read_text(encoding="utf-8", errors="replace")
                words.update(_PIECE.findall(text.lower()))
        except (OSError, ValueError):
            continue
    return words


@cache
def _plain_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    from checks.anonymise.context import ACRONYMS, english_words
    from checks.anonymise.names import given_names, world_given_names

    names = frozenset(n.lower() for n in (*given_names(), *world_given_names()))
    return english_words(), names, frozenset(a.lower() for a in ACRONYMS)


def harmless(word: str) -> bool:
    """Whether a word's shape says it cannot name anyone (``word`` in lower case)."""
    english, names, acronyms = _plain_words()
    if word.isdigit() or word in acronyms or _CODE.fullmatch(word):
        return True
    return word in english and word not in names


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
        new = _words_of(kb.root, kb) - _words_of(kb.trusted.root, kb.trusted)
        found = cls(w for w in new if not harmless(w))
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
