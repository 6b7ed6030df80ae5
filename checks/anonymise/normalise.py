"""Text as a reader sees it, so that disguised details are still found.

A browser shows ``jo&#64;example.org`` as an email address, ``J&#1077;ssica``
and ``Jеssica`` (with a Cyrillic е) as "Jessica", and ``Jes\u200bsica`` (with
a zero-width space) as "Jessica" too. The detectors read ASCII patterns, so the
text they are given is first made to read as it is shown:

1. HTML character references are decoded, again and again until nothing
   changes (``&amp;#64;`` is ``&#64;`` is ``@``), as Markdown hands them on to
   the browser and a generated page may decode them once more;
2. each character is put in Unicode's NFKC form (full-width ``Ｊ``, mathematical
   ``𝐉`` and the ligature ``ﬁ`` become ``J``, ``J`` and ``fi``);
3. letters and digits of other scripts that look like Latin ones are folded to
   them, from Unicode's confusables table (UTS #39) as the
   ``confusable_homoglyphs`` package ships it;
4. invisible characters are dropped, and marks that no Latin letter composes
   with (an underline or strike-through drawn with combining characters):
   every format character (category Cf, which
   includes zero-width spaces and joiners, the soft hyphen and bidirectional
   controls) and the other default-ignorable code points (variation selectors,
   the combining grapheme joiner, Hangul fillers);
5. text after a right-to-left override (U+202E) is read reversed, as it is
   shown, up to the next directional control or the line's end;
6. emphasis that touches a letter, and inline style tags inside a word, which
   the page shows as nothing but a change of style, are dropped first: ``Rh**ian**non`` and
   ``Rh<b>ian</b>non`` both read "Rhiannon". (Markdown reads ``*`` inside a word
   as emphasis, not ``_``: ``x_y_23`` stays as it is; ``2*3`` too.)

Every character of the result remembers where it came from, so a finding is
reported at its line in the original text and quotes the text as written.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

#: A character reference as HTML5 reads it: decimal, hexadecimal or named, with or
#: without its semicolon (browsers accept ``&#64`` and ``&amp`` too).
_REFERENCE = re.compile(r"&(?:#[0-9]{1,8};?|#[xX][0-9a-fA-F]{1,8};?|[A-Za-z][A-Za-z0-9]{1,31};?)")

#: Decoding stops here: each round removes at least one ``&``, so a text cannot
#: keep changing for long, but a bound keeps a hostile one from costing much.
_MAX_ROUNDS = 8

#: Default-ignorable code points that are not format characters (Cf): shown as
#: nothing, so a detail split by one reads whole. From Unicode's
#: DerivedCoreProperties.txt (Default_Ignorable_Code_Point).
_IGNORABLE = frozenset(
    [
        *(0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x3164, 0xFFA0),
        *range(0x180B, 0x1810),
        *range(0xFE00, 0xFE10),
        *range(0xE0100, 0xE01F0),
    ]
)

#: What a confusable may be folded to: the characters the detectors read.
_TARGETS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@.-'")


#: Emphasis markers that touch a letter, and inline style tags inside a word: the
#: page shows the letters around them run together ("Rh**ian**non", "Ola**wale**
#: Brown", "Rh<b>ian</b>non"). A tag at a word's edge stays (it may hide what
#: follows it, and the sanitiser and SEC rules judge it); tags that break a line
#: or a block (``<br>``, ``<p>``) separate words, and stay.
_STYLE = r"</?(?:b|i|em|strong|u|s|mark|span|small|ins|del|abbr|font)(?:[ \t][^<>\n]{0,80})?>"
_IN_WORD_MARKUP = re.compile(
    rf"(?<=[^\W\d_])(?:\*{{1,3}}|{_STYLE})+(?=[^\W\d_])"
    rf"|(?<=[^\W\d_])\*{{1,3}}|\*{{1,3}}(?=[^\W\d_])",
    re.I,
)


def needs_normalising(text: str) -> bool:
    """Whether :func:`normalise` could change ``text``: plain ASCII without an ``&``,
    a ``*`` or a ``<`` reads as it is written, and is most text, so it is not copied."""
    return "&" in text or "*" in text or "<" in text or not text.isascii()


@dataclass(frozen=True, slots=True)
class Normalised:
    """Normalised text, and where each of its characters starts in the original.

    ``origin`` has one entry more than ``text``: the original's length, so that
    the end of a span maps too.
    """

    text: str
    origin: list[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the normalised ``text[start:end]`` (all of it, where a
        reversed run put its characters out of order)."""
        lo, hi = self.origin[start], self.origin[end]
        if end > start:
            inside = self.origin[start:end]
            lo, hi = min(inside), max(hi, max(inside) + 1)
        return lo, hi


def normalise(text: str) -> Normalised:
    """``text`` as it reads once shown (see the module's description)."""
    origin = list(range(len(text) + 1))
    if "*" in text or "<" in text:
        text, origin = _drop_in_word_markup(text, origin)
    if "\u202e" in text:
        text, origin = _reverse_overrides(text, origin)
    for _ in range(_MAX_ROUNDS):
        if "&" not in text:
            break
        decoded = _decode_references(text, origin)
        if decoded is None:
            break
        text, origin = decoded
    if not text.isascii():
        text, origin = _fold_characters(text, origin)
    return Normalised(text, origin)


def _decode_references(text: str, origin: list[int]) -> tuple[str, list[int]] | None:
    """One round of decoding, or None if there was nothing to decode."""
    out: list[str] = []
    where: list[int] = []
    pos = 0
    for m in _REFERENCE.finditer(text):
        replacement = html.unescape(m.group(0))
        if replacement == m.group(0):
            continue  # "&Co" is not a reference: it stays as it is
        out.append(text[pos : m.start()])
        where.extend(origin[pos : m.start()])
        out.append(replacement)
        where.extend([origin[m.start()]] * len(replacement))
        pos = m.end()
    if not out:
        return None
    out.append(text[pos:])
    where.extend(origin[pos:])  # includes the end
    return "".join(out), where


def _drop_in_word_markup(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """``text`` without the markup between two letters of a word (step 5)."""
    out: list[str] = []
    where: list[int] = []
    pos = 0
    for m in _IN_WORD_MARKUP.finditer(text):
        out.append(text[pos : m.start()])
        where.extend(origin[pos : m.start()])
        pos = m.end()
    if not out:
        return text, origin
    out.append(text[pos:])
    where.extend(origin[pos:])  # includes the end
    return "".join(out), where


#: Text after a right-to-left override is shown reversed, up to the next
#: directional formatting character or the end of its line.
_OVERRIDE = re.compile("\u202e([^\u202a-\u202e\u2066-\u2069\n]*)")


def _reverse_overrides(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """``text`` with each right-to-left override's run reversed, as it is shown
    ("\u202edleifhtihW nairB" shows as "Brian Whitfield")."""
    out: list[str] = []
    where: list[int] = []
    pos = 0
    for m in _OVERRIDE.finditer(text):
        out.append(text[pos : m.start(1)])
        where.extend(origin[pos : m.start(1)])
        out.append(m.group(1)[::-1])
        where.extend(origin[m.start(1) : m.end(1)][::-1])
        pos = m.end(1)
    out.append(text[pos:])
    where.extend(origin[pos:])  # includes the end
    return "".join(out), where


def _fold_characters(text: str, origin: list[int]) -> tuple[str, list[int]]:
    fold = _confusables()
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if ch.isascii():
            out.append(ch)
            where.append(origin[i])
            continue
        for part in unicodedata.normalize("NFKC", ch):
            if ord(part) in _IGNORABLE or unicodedata.category(part) == "Cf":
                continue
            if unicodedata.category(part) == "Mn" and out and out[-1].isascii():
                continue  # a mark no letter composes with: "T̲a̲m̲" (underlined) is "Tam"
            out.append(fold.get(part, part))
            where.append(origin[i])
    where.append(origin[len(text)])
    return "".join(out), where


@cache
def _confusables() -> dict[str, str]:
    """Non-ASCII characters that look like an ASCII letter, digit or ``@.-'``, each
    mapped to the one it looks like (Cyrillic е to e, Greek Ι to I...).

    The table lists, for each character, the characters confused with it, in
    both directions. Where a character looks like several, a letter of its own
    case wins: Unicode's prototype for a capital I is a small l, but a name
    spelt with a Cyrillic capital І must still read as a capitalised name.
    """
    data = json.loads(
        files("confusable_homoglyphs").joinpath("confusables.json").read_text("utf-8")
    )
    candidates: dict[str, list[str]] = {}
    for char, entries in data.items():
        if len(char) == 1 and not char.isascii():
            candidates.setdefault(char, []).extend(e["c"] for e in entries if e["c"] in _TARGETS)
        elif char in _TARGETS:
            for entry in entries:
                other = entry["c"]
                if len(other) == 1 and not other.isascii():
                    candidates.setdefault(other, []).append(char)
    return {char: _likeliest(char, found) for char, found in candidates.items() if found}


def _likeliest(char: str, found: list[str]) -> str:
    def rank(target: str) -> int:
        if target.isalpha() and (target.isupper() == char.isupper() or not char.isalpha()):
            return 0
        return 1 if target.isalpha() else 2

    best = min(found, key=rank)  # min keeps the table's order among equals
    # The table folds a capital I into its prototype, a small l.
    return "I" if best == "l" and char.isupper() else best
