"""What may be published on purpose, applied after detection.

Detection (checks.anonymise.detectors and .recognise) finds every name, place
and organisation by what it is. This filter then lets through, visibly and by
rule, the ones that are public on purpose: today, the partnership's own name,
area and agencies from ``data/partnership.yaml`` ("Kestrelford", "Downland
Constabulary", "Kestrelford General Hospital"). A venue, school or person in
the area is still a finding: only the names the partnership itself lists are
allowed.

An allow list of public names (children named in national reviews, their
authors, national helplines) belongs here too, as more phrases or as a second
test in :meth:`Allowed.allows`, so that every allowance is made in one place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checks.anonymise.detectors import Hit

#: The kinds an allowance can apply to: names of people, places and bodies.
#: Numbers, addresses and dates are never public on purpose.
ALLOWABLE = frozenset({"name", "place", "school"})


def _a_person(text: str) -> bool:
    """A given name from Faker's lists, or a title, among the words."""
    from checks.anonymise.names import given_names

    words = re.findall(r"[^\W\d_]+", text)
    titles = {"mr", "mrs", "ms", "miss", "mx", "dr"}
    return any(w in given_names() or w.lower() in titles for w in words)


_POSSESSIVE = re.compile(r"['’]s\b")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _words(text: str) -> str:
    return " ".join(w.lower() for w in _WORD.findall(text))


@dataclass(frozen=True)
class Allowed:
    """Phrases that may be published, each as its lower-cased words."""

    phrases: tuple[str, ...] = ()

    @classmethod
    def of_partnership(cls, names: list[str]) -> Allowed:
        phrases = {_words(n) for n in names if n}
        return cls(tuple(sorted(p for p in phrases if p)))

    def allows(self, hit: Hit, read: str | None = None) -> bool:
        """Whether ``hit`` is the partnership's own: its words, less a leading
        "the" and a possessive, are a run of words in one of the phrases.

        A person's name never is, even one written into the agencies (``read``:
        the hit as it reads, so a name in look-alike letters is still a name):
        agencies are bodies, and no allowance may cover "Jessica Smith"."""
        if hit.kind not in ALLOWABLE:
            return False
        if hit.kind == "name" and _a_person(read or hit.text):
            return False
        words = _words(hit.text).removeprefix("the ")
        words = _POSSESSIVE.sub("", words)
        if not words:
            return False
        padded = f" {words} "
        if any(padded in f" {_POSSESSIVE.sub('', p)} " for p in self.phrases):
            return True
        # Words of the partnership's names in another order or combination
        # ("Wolds ICB" for an agency "Vale and Wolds Integrated Care Board", short "ICB").
        return set(words.split()) <= self._words

    @property
    def _words(self) -> set[str]:
        return {w for p in self.phrases for w in _POSSESSIVE.sub("", p).split()}

    def settings(self) -> str:
        return repr(self.phrases)
