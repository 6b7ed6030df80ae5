"""The hand-written evaluation set for the anonymisation gate, and how it is scored.

``tests/anonymisation/identifying.yaml`` holds sentences in the style of published
learning briefs, each with one identifying detail (its ``kind`` and the ``span``
a redactor should cover); ``clean.yaml`` holds sentences with none. Both were
written by someone else, apart from the detector's code, and are held out: the
detector's lists and patterns take nothing from them.

Each sentence is read as the gate reads a brief's text in the example
partnership (its own agencies and role mailboxes are named on purpose; a
day-precise date is a finding). A planted detail counts as found when a finding
of any kind overlaps its span; a clean sentence counts as flagged when it has
any finding.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from checks.loading import load
from checks.rules.ano001_identifying_detail import spans

REPO = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent / "anonymisation"


@dataclass
class Scores:
    by_kind: dict[str, tuple[int, int]]  # kind: (found, planted)
    flagged: int
    clean: int
    words: int
    seconds: float
    misses: list[tuple[str, str]]  # (kind, sentence), for reading failure classes
    flagged_sentences: list[str]
    #: clean sentences flagged and read, by the section of clean.yaml they are in
    by_section: dict[str, tuple[int, int]]

    @property
    def found(self) -> int:
        return sum(f for f, _ in self.by_kind.values())

    @property
    def planted(self) -> int:
        return sum(n for _, n in self.by_kind.values())

    @property
    def recall(self) -> float:
        return self.found / self.planted if self.planted else 0.0

    def below(self, measured: dict[str, tuple[int, int]]) -> dict[str, int]:
        """The kinds found more than one under what was ``measured`` (found, planted)."""
        return {k: f for k, (f, _) in self.by_kind.items() if f < measured[k][0] - 1}

    @property
    def share_flagged(self) -> float:
        return self.flagged / self.clean if self.clean else 0.0

    @property
    def seconds_per_1000_words(self) -> float:
        return 1000 * self.seconds / self.words if self.words else 0.0


def _read(name: str, folder: Path = HERE) -> list[dict[str, Any]]:
    """The file's entries, each with the section it is under (its ``# --- title``
    comment) as ``section``."""
    source = (folder / name).read_text(encoding="utf-8")
    sections: list[str] = []
    current = ""
    for line in source.splitlines():
        if line.startswith("# ---"):
            current = line.strip("# -")
        elif line.startswith("- "):
            sections.append(current)
    entries = yaml.safe_load(source) or []
    out = []
    for entry, section in zip(entries, sections, strict=False):
        if isinstance(entry, dict) and isinstance(entry.get("text"), str):
            out.append({**entry, "section": entry.get("section") or section})
    return out


def _half(entries: list[dict[str, Any]], half: str | None) -> list[dict[str, Any]]:
    if half is None:
        return entries
    if half not in ("dev", "test"):
        raise ValueError(f"half is 'dev' or 'test', not {half!r}")
    return entries[0 if half == "dev" else 1 :: 2]


def measure(folder: Path = HERE, half: str | None = None) -> Scores:
    """The scores on the set in ``folder`` (by default the first hand-written set).

    ``half`` splits a set in two by position in each file: "dev" (the 1st, 3rd,
    5th... entry), which a developer may read and tune on, and "test" (the
    others), which nobody reads, so that its scores stay an estimate on unseen text."""
    kb = load(REPO)
    identifying = _half(_read("identifying.yaml", folder), half)
    clean = _half(_read("clean.yaml", folder), half)
    texts = [e["text"] for e in identifying] + [e["text"] for e in clean]
    from checks.anonymise.recognise import analyzer

    analyzer()  # loaded before the clock starts: the time per word is the reading
    started = time.perf_counter()
    found = spans(texts, kb)
    seconds = time.perf_counter() - started
    by_kind: dict[str, list[int]] = {}
    misses: list[tuple[str, str]] = []
    for entry, hits in zip(identifying, found, strict=False):
        text, kind, span = entry["text"], str(entry.get("kind")), str(entry.get("span", ""))
        start = text.find(span)
        end = start + len(span)
        counts = by_kind.setdefault(kind, [0, 0])
        counts[1] += 1
        if start >= 0 and any(s < end and start < e for _, s, e in hits):
            counts[0] += 1
        else:
            misses.append((kind, text))
    flagged = [e["text"] for e, hits in zip(clean, found[len(identifying) :], strict=True) if hits]
    sections: dict[str, list[int]] = {}
    for entry, hits in zip(clean, found[len(identifying) :], strict=True):
        counts = sections.setdefault(entry["section"], [0, 0])
        counts[0] += bool(hits)
        counts[1] += 1
    return Scores(
        by_kind={k: (f, n) for k, (f, n) in sorted(by_kind.items())},
        flagged=len(flagged),
        clean=len(clean),
        words=sum(len(t.split()) for t in texts),
        seconds=seconds,
        misses=misses,
        flagged_sentences=flagged,
        by_section={k: (f, n) for k, (f, n) in sections.items()},
    )


@dataclass(frozen=True)
class SplitSet:
    """A held-out set split into halves, and what its test half must keep: every
    kind with its planted count, at most a share of clean sentences flagged, at
    least an overall recall, and no kind more than one under what it measured.
    The test half's sentences are never printed: that half stays unread."""

    folder: Path
    measured: dict[str, tuple[int, int]]  # kind: (found, planted) when measured
    clean: int
    flagged_at_most: float
    recall_at_least: float

    def scores(self) -> Scores:
        return _test_half(self.folder)

    def check(self, what: str) -> None:
        s = self.scores()
        if what == "covers every kind":
            planted = {k: n for k, (_, n) in s.by_kind.items()}
            assert planted == {k: n for k, (_, n) in self.measured.items()}
            assert s.clean == self.clean
        elif what == "clean sentences flagged":
            assert s.share_flagged <= self.flagged_at_most, s.flagged
        elif what == "overall recall":
            assert s.recall >= self.recall_at_least, f"{s.found}/{s.planted}"
        else:
            assert what == "no kind under its floor"
            assert not s.below(self.measured)


SPLIT_CHECKS = (
    "covers every kind",
    "clean sentences flagged",
    "overall recall",
    "no kind under its floor",
)


@cache
def _test_half(folder: Path) -> Scores:
    return measure(folder, "test")
