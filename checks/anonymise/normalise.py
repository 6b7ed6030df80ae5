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
   with (an underline or strike-through drawn with combining characters, and
   the enclosing marks, a circle, square or keycap drawn around a letter):
   every format character (category Cf, which
   includes zero-width spaces and joiners, the soft hyphen and bidirectional
   controls) and the other default-ignorable code points (variation selectors,
   the combining grapheme joiner), except the Hangul fillers, which are shown
   as a blank and read as a space; a decimal digit of any script reads as the
   ASCII digit it stands for (Devanagari, Bengali and Thai digits are no
   confusables of ours);
5. text after a right-to-left override (U+202E, written as a character or a
   reference) is read reversed, as it is shown, up to the next directional
   control or the paragraph's end (a single line break is inside it); so is the
   text of a ``<bdo dir="rtl">`` element;
6. emphasis that touches a letter, tags inside a word, and tags with no
   attributes anywhere, which the page shows as nothing (a change of style, or
   a tag the sanitiser drops), are dropped first: ``Rh**ian**non``,
   ``Rh<b>ian</b>non`` and ``<ruby>Rh<rt></rt></ruby>iannon`` all read
   "Rhiannon"; tags that break a line or a block (``<br>``, ``<p>``) stay.
   (Markdown reads ``*`` inside a word as emphasis, not ``_``: ``x_y_23`` stays
   as it is; ``2*3`` too.)
7. tag characters (U+E0020 to U+E007E, each an ASCII character plus 0xE0000) are
   not shown, but the page still carries them, and anyone who copies the text or
   reads the page's bytes reads the ASCII they encode: a name written in them is
   published all the same. So they are not dropped with the other invisible
   characters but read as the characters they encode (U+E0041 as ``A``). The text
   around them reads as it is shown, as before (a tag inside a visible word must
   not split it: that would be a way to hide the word), and each run of tag
   characters reads as words of its own at the end of its line, after a space;
   every character of it still remembers the tag it came from. The language tag
   (U+E0001) and the cancel tag (U+E007F) encode nothing, and are dropped (the
   flags of England, Scotland and Wales are spelt in tags: they read as
   ``gbeng`` and the like, which names no one);
8. letters Unicode names "LATIN LETTER SMALL CAPITAL X", "NEGATIVE SQUARED
   LATIN CAPITAL LETTER X" and the like, where X is one letter A to Z
   (``ᴋᴀʏᴅᴇɴ``, ``🅺🅴🆁``, ``🅣🅐🅜``), are shown as that capital drawn small, in
   a square or in a circle, and NFKC leaves them as they are (or brackets
   them). A word in them reads as a word with a capital first letter
   (``Kayden``): small capitals are how a name is set in capitals, and a name
   detector finds "Kayden" where it misses "KAYDEN". The
   table is built from Unicode's names, not by hand;
9. a name spelt out letter by letter, ``K a y d e n  M u l v a n e y``, is read as
   a word: a run of four or more single letters (letters with no other letter
   or digit beside them), each separated from the next by the same one
   separator (a space, a no-break or thin space, ``.``, ``-``, ``·`` or ``_``),
   reads with the separators dropped ("Kayden"). Runs next to each other, apart
   by a wider gap (two spaces, a tab, or a space after a run spelt with ``.`` or
   ``-``), read as words a space apart ("Kayden Mulvaney"); a run of two or
   three letters is read so only beside a run of four or more. Three letters
   alone ("I a m") stay as they are. Ordinary text rarely spells four single
   letters in a row, and where it does ("grades A B C D") it reads as a word
   that names no one. This comes after the others, so that letters disguised in
   other ways are read first;
10. two to four words in capitals inside prose read with a capital first letter
   only ("KATIA TENNETT" reads "Katia Tennett"), the sector's acronyms as they
   are; a note written all in capitals is left as it is;
11. a digit between letters of a word, beside a small letter, reads as the
   letter it stands in for ("L0veday C4rne");
12. a capitalised word glued to a word in small letters, a title, a possessive,
   a number, a joining mark or an acronym before it reads as a word of its own
   ("spoke withEulalia", "regularlyRebecca", "MrsSzymanska", "Year 7Ottilie",
   "child_Wilhelmina", "the GPAmbrose"), except inside an address, a link or a
   handle.

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
        *(0x034F, 0x17B4, 0x17B5),
        *range(0x180B, 0x1810),
        *range(0xFE00, 0xFE10),
        *range(0xE0100, 0xE01F0),
    ]
)

#: Hangul fillers are default-ignorable too, but a browser draws each as a blank
#: as wide as a letter: "Tamsin\u3164Keast" is shown as two words, so it reads so.
_BLANK_LETTERS = frozenset((0x115F, 0x1160, 0x3164, 0xFFA0))

#: What a confusable may be folded to: the characters the detectors read.
_TARGETS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@.-'")


#: Emphasis markers that touch a letter, and tags inside a word: the page shows
#: the letters around them run together ("Rh**ian**non", "Ola**wale** Brown",
#: "Rh<b>ian</b>non", "Ja<ruby><rt></rt></ruby>go"), whether the tag styles them
#: or the sanitiser drops it. A tag at a word's edge stays (it may hide what
#: follows it, and the sanitiser and SEC rules judge it); tags that break a line
#: or a block (``<br>``, ``<p>``, ``<td>``) separate words, and stay.
_BREAKS = (
    r"br|p|div|li|ul|ol|dl|dt|dd|td|th|tr|table|thead|tbody|caption|h[1-6]|hr|"
    r"blockquote|pre|section|article|aside|header|footer|nav|figure|figcaption|details|"
    r"summary|img|svg|math|iframe|video|audio|object|embed|input|textarea|select|option|"
    r"button|form|fieldset|legend|address|main|hgroup"
)
_STYLE = rf"</?(?!(?:{_BREAKS})\b)[A-Za-z][\w-]*(?:[ \t/][^<>\n]{{0,80}})?>"
#: A tag with no attributes that breaks no line ("<ruby>", "</b>") is shown as
#: nothing wherever it stands: "to <ruby>Ja</ruby>go" reads "to Jago". (One with
#: attributes stays at a word's edge: what they say is read as written.)
_BARE = rf"</?(?!(?:{_BREAKS})\b)[A-Za-z][\w-]*[ \t]*/?>"
#: An HTML comment's markers read as a break between words ("the girl<!-- x
#: -->Tiberius" is shown "the girlTiberius" where the comment is HTML), and what is
#: between them is read too: inside a code span the page shows it as text.
_COMMENT = r"(?P<comment><!--|-->)"
_IN_WORD_MARKUP = re.compile(
    rf"(?<=[^\W\d_])(?:\*{{1,3}}|{_STYLE})+(?=[^\W\d_])"
    rf"|(?<=[^\W\d_])\*{{1,3}}|\*{{1,3}}(?=[^\W\d_])|{_BARE}|{_COMMENT}",
    re.I,
)


#: Four single letters apart by one ASCII separator each (step 9), the only way
#: plain ASCII without ``&``, ``*`` or ``<`` can read otherwise than it is written.
#: Each part has a fixed length, so a search takes time in proportion to the text.
_SPELT_OUT = re.compile(
    r"(?<![A-Za-z0-9])[A-Za-z]([ ._-])[A-Za-z]\1[A-Za-z]\1[A-Za-z](?![A-Za-z0-9])"
)


def needs_normalising(text: str) -> bool:
    """Whether :func:`normalise` could change ``text``: plain ASCII without an ``&``,
    a ``*`` or a ``<``, and without a word spelt out letter by letter, reads as it
    is written, and is most text, so it is not copied."""
    return (
        "&" in text
        or "*" in text
        or "<" in text
        or not text.isascii()
        or _SPELT_OUT.search(text) is not None
        or _GLUED.search(text) is not None
        or _CAPITALS_RUN.search(text) is not None
        or _LEET.search(text) is not None
    )


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


def normalise(text: str, readings: bool = True) -> Normalised:
    """``text`` as it reads once shown (see the module's description); ``readings``
    adds the reversed reading of each bidirectional override element."""
    origin = list(range(len(text) + 1))
    reversed_runs = (
        _bdo_readings(text) if readings and "<" in text and "bdo" in text.lower() else []
    )
    if "*" in text or "<" in text:
        text, origin = _drop_in_word_markup(text, origin)
    for _ in range(_MAX_ROUNDS):
        if "&" not in text:
            break
        decoded = _decode_references(text, origin)
        if decoded is None:
            break
        text, origin = decoded
    # After the references, as a browser shows it: an override may be written as
    # one ("&#x202E;"), and a reference written backwards is no reference.
    if "\u202e" in text:
        text, origin = _reverse_overrides(text, origin)
    if not text.isascii():
        text, origin = _fold_characters(text, origin)
    text, origin = _join_spelt_out(text, origin)
    if _CAPITALS_RUN.search(text):
        text = _CAPITALS_RUN.sub(_title_cased, text)  # one letter for one: offsets hold
    if _LEET.search(text):
        text = _LEET.sub(lambda m: _LEET_LETTERS[m.group(0)], text)  # one for one too
    if _GLUED.search(text):
        text, origin = _split_glued(text, origin)
    for chars, came_from in reversed_runs:
        # Read after the text, as the page shows them (step 5), the letters as
        # written staying where they are; read like any text (folded, invisible
        # characters dropped), but not for elements again.
        reading = normalise(chars, readings=False)
        text += " " + reading.text
        shown = [came_from[i] for i in reading.origin[:-1]]
        origin = [*origin[:-1], came_from[0], *shown, origin[-1]]
    return Normalised(text, origin)


#: A capitalised word glued to what comes before it by nothing a reader reads as a
#: word break (step 12): a word in small letters ("spoke withEulalia", "her
#: nephewCorwen", "regularlyRebecca", "visitingGrainne", "madealsoBronwen"), a
#: title ("MrsSzymanska"), a possessive ("the school'sAurora"), a number ("Year
#: 7Ottilie"), a joining mark ("child_Wilhelmina", "for·Verity") or an acronym
#: ("the GPAmbrose"). A reader sees two words, and so does the gate. A word that
#: starts with a capital keeps its humps: names ("McDonald", "DeShawn") and brands
#: ("TikTok", "ZeeGamer") are written so. Code ("className") splits into words
#: that name no one.
_GLUED = re.compile(
    r"(?:(?:^|(?<=[\s\"“‘(\[—–/]))(?:[a-z]{2,}|Mrs|Miss|Mr|Ms|Mx|Dr)"
    r"|['’]s|(?<![A-Za-z0-9])[0-9]{1,4}|[_·:;)\]—–]|(?<![A-Za-z])[A-Z]{2,5})"
    r"(?=[A-Z][a-z]{2,}(?![a-z])(?![(=]))"
)
#: A word an address, a link or a handle is in: their own detectors read them whole
#: ("jo@theAcademy.org.uk", "www.KestrelAcademy.example").
_ADDRESS_LIKE = re.compile(r"@|://|\bwww\.|^#")


def _split_glued(text: str, origin: list[int]) -> tuple[str, list[int]]:
    out: list[str] = []
    where: list[int] = []
    pos = 0
    for word in re.finditer(r"\S+", text):
        if _ADDRESS_LIKE.search(word.group(0)):
            continue
        for m in _GLUED.finditer(text, word.start(), word.end()):
            out.append(text[pos : m.end()] + " ")
            where.extend([*origin[pos : m.end()], origin[m.end()]])
            pos = m.end()
    out.append(text[pos:])
    where.extend(origin[pos:])  # includes the end
    return "".join(out), where


#: A digit between letters of a word with a small letter beside it (step 11):
#: "L0veday C4rne" reads "Loveday Carne". Codes ("RT8LK46", "A4B") have no small
#: letter beside their digits, and stay as they are; "@" stays, for addresses.
_LEET = re.compile(r"(?<=[A-Za-z])[013457](?=[a-z])|(?<=[a-z])[013457](?=[A-Za-z])")
_LEET_LETTERS = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t"}


#: Words in capitals in a row (step 10): "KATIA TENNETT".
_CAPITALS_RUN = re.compile(r"\b[A-Z][A-Z'’-]+(?:[ \u00a0]+[A-Z][A-Z'’-]+)+\b")


def _mostly_lower(line: str) -> bool:
    """Prose with a run of capitals in it, not a note or a notice written in
    capitals ("TYLER, 3, HAD A BRUISE", a licence's warranty), which the model
    reads as it is."""
    # Letters alone ("A third of...") and codes with digits ("CSPR-2025") say
    # nothing of how the line is written.
    words = [w for w in re.findall(r"[^\W_]+", line) if len(w) > 1 and w.isalpha()]
    return 2 * sum(1 for w in words if w.isupper()) < len(words)


def _title_cased(m: re.Match[str]) -> str:
    """The words of a run of two to four words in capitals, in a line of prose,
    with a capital first letter only, but the sector's acronyms ("MASH", "CAMHS")
    as they are: the language model finds "Katia Tennett" where it misses
    "KATIA TENNETT". A longer run, or a line mostly in capitals, stays."""
    from checks.anonymise.cues import acronyms

    text, run = m.string, m.group(0)
    start = text.rfind("\n", 0, m.start()) + 1
    end = text.find("\n", m.end())
    if len(run.split()) > 4 or not _mostly_lower(text[start : end if end >= 0 else len(text)]):
        return run
    if re.match(r"[,;][ \u00a0\u202f\u2009\n]{0,3}[A-Z][a-z]", text[m.end() : m.end() + 8]):
        return run  # "DA SILVA, Joaquim": a record's surname first, read as written
    known = acronyms()
    return re.sub(
        r"[A-Z][A-Z'’-]+",
        lambda w: w.group(0) if w.group(0) in known else w.group(0).capitalize(),
        run,
    )


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
    last = ""  # the last character written
    for m in _IN_WORD_MARKUP.finditer(text):
        out.append(text[pos : m.start()])
        where.extend(origin[pos : m.start()])
        last = text[m.start() - 1 : m.start()] if m.start() > pos else last
        pos = m.end()
        if m.group("comment") or _joins_two_words(last, text[pos : pos + 1]):
            out.append(" ")  # "the girl<rt>Ulla": two words, shown run together
            where.append(origin[m.start()])
            last = " "
    if not out:
        return text, origin
    out.append(text[pos:])
    where.extend(origin[pos:])  # includes the end
    return "".join(out), where


def _joins_two_words(before: str, after: str) -> bool:
    """Whether something shown as nothing, between ``before`` and ``after``, runs
    two words together: a small letter, then a capital ("Brisa\u200bHollowell" is
    shown "BrisaHollowell", which a reader reads as two names and a detector as one
    word). Inside a word ("Jes\u200bsica") it joins the word's letters."""
    return before.islower() and before.isalpha() and after.isupper()


#: Text after a right-to-left override is shown reversed, up to the next
#: directional formatting character or the end of its paragraph (a single line
#: break is inside it: a page shows it as a space).
_OVERRIDE = re.compile("\u202e((?:[^\u202a-\u202e\u2066-\u2069\n]|\n(?![ \t]*\n))*)")


#: A bidirectional override element's opening tag, and any bdo tag (to find where
#: the element ends, nested ones included).
_BDO_RTL = re.compile(r"<bdo\b[^<>]{0,200}?\bdir\s*=\s*[\"']?\s*rtl\b[^<>]{0,200}>", re.I)
_BDO_TAG = re.compile(r"<(/?)bdo\b[^<>]*>", re.I)
_TAG = re.compile(r"<[^<>]*>")


def _bdo_readings(text: str) -> list[tuple[str, list[int]]]:
    """The letters of each ``<bdo dir="rtl">`` element, reversed as a browser shows
    them, with where each came from: "<bdo dir=rtl>stteppiT nezoR</bdo>" names
    Rozen Tippetts (and the sanitiser, which drops the element, leaves the letters
    backwards, which still name them to anyone who reads them so). The element
    runs to its matching end tag (or the text's end); tags inside it are shown as
    nothing and character references (decoded as often as the text is) as what
    they stand for."""
    readings: list[tuple[str, list[int]]] = []
    pos = 0
    for m in _BDO_RTL.finditer(text):
        if m.start() < pos:
            continue  # inside the element before
        depth, end = 1, len(text)
        for tag in _BDO_TAG.finditer(text, m.end()):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                end = tag.start()
                break
        pos = end
        chars: list[str] = []
        came_from: list[int] = []
        at = m.end()
        for tag in _TAG.finditer(text, m.end(), end):
            chars.extend(text[at : tag.start()])
            came_from.extend(range(at, tag.start()))
            at = tag.end()
        chars.extend(text[at:end])
        came_from.extend(range(at, end))
        inside, where = "".join(chars), [*came_from, end]
        for _ in range(_MAX_ROUNDS):  # references decoded first: "&#114;" is one letter
            decoded = _decode_references(inside, where) if "&" in inside else None
            if decoded is None:
                break
            inside, where = decoded
        if any(c.isalpha() for c in inside):
            readings.append((inside[::-1], where[:-1][::-1]))
    return readings


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


#: Tag characters that encode an ASCII character: U+E0020 (a space) to U+E007E.
_TAG_FIRST, _TAG_LAST, _TAG_OFFSET = 0xE0020, 0xE007E, 0xE0000


@dataclass(slots=True)
class _Hidden:
    """A run of tag characters: what they encode, where each came from, and
    where the run ends in the original."""

    chars: list[str]
    came_from: list[int]
    end: int


def _fold_characters(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """``text`` with each character as it is shown (steps 2, 3, 4, 7 and 8)."""
    fold = _confusables()
    small = _small_capitals()
    out: list[str] = []
    where: list[int] = []
    hidden: list[_Hidden] = []  # the runs of tag characters of this line
    in_run = False
    gap = False  # an invisible character was just dropped
    for i, ch in enumerate(text):
        code = ord(ch)
        if _TAG_FIRST <= code <= _TAG_LAST:
            if not in_run:
                hidden.append(_Hidden([], [], 0))
                in_run = True
            hidden[-1].chars.append(chr(code - _TAG_OFFSET))
            hidden[-1].came_from.append(origin[i])
            hidden[-1].end = origin[i + 1]
            continue
        in_run = False
        if ch == "\n" and hidden:
            _read_hidden(hidden, origin[i], out, where)
        if gap and out and _joins_two_words(out[-1], ch):
            out.append(" ")
            where.append(origin[i])
        gap = False
        if ch.isascii():
            out.append(ch)
            where.append(origin[i])
            continue
        capital = small.get(ch)
        if capital is not None:
            if out and out[-1].isalpha():
                capital = capital.lower()  # inside a word: "ᴋᴀʏ" reads "Kay"
            out.append(capital)
            where.append(origin[i])
            continue
        if code in _BLANK_LETTERS:
            out.append(" ")
            where.append(origin[i])
            continue
        if unicodedata.category(ch) == "Nd":
            # A digit of any script is the digit it stands for ("०७७००" is a phone).
            out.append(str(unicodedata.digit(ch)))
            where.append(origin[i])
            continue
        for part in unicodedata.normalize("NFKC", ch):
            if ord(part) in _IGNORABLE or unicodedata.category(part) == "Cf":
                gap = True
                continue
            mark = unicodedata.category(part)
            if mark == "Me" or (mark == "Mn" and out and out[-1].isascii()):
                # A mark no letter composes with: "T̲a̲m̲" (underlined) is "Tam", and
                # "T⃝a⃝m⃝" (each letter in a circle drawn around it) too.
                continue
            out.append(fold.get(part, part))
            where.append(origin[i])
    if hidden:
        _read_hidden(hidden, origin[len(text)], out, where)
    where.append(origin[len(text)])
    return "".join(out), where


def _read_hidden(hidden: list[_Hidden], end: int, out: list[str], where: list[int]) -> None:
    """Add the runs of tag characters of a line, which ends at ``end`` in the
    original, to its end (step 7), and forget them.

    Each run follows a space that stands where the text before it ends in the
    original (the line's end, or the run before), and the last run is followed
    by a space that stands where it ends: so a finding that ends where the
    visible text or a run ends maps to the original up to there, and no further.
    """
    for run in hidden:
        out.append(" ")
        where.append(end)
        out.extend(run.chars)
        where.extend(run.came_from)
        end = run.end
    out.append(" ")
    where.append(end)
    hidden.clear()


#: Unicode blocks that hold Latin letters beyond the basic ones: IPA Extensions,
#: Phonetic Extensions (and their Supplement), Latin Extended-C, -D and -E,
#: Latin Extended-G, Enclosed Alphanumerics and their Supplement (letters in
#: brackets, squares and circles, and the regional indicators).
_LATIN_BLOCKS = (
    range(0x0250, 0x02B0),
    range(0x1D00, 0x1DC0),
    range(0x2C60, 0x2C80),
    range(0xA720, 0xA800),
    range(0xAB30, 0xAB70),
    range(0x1DF00, 0x1E000),
    range(0x2460, 0x2500),
    range(0x1F100, 0x1F200),
)
#: The Unicode names of a letter drawn as a capital: small, in a square or a
#: circle (filled or not), in brackets, or as a regional indicator.
_DRAWN_CAPITAL = re.compile(
    r"(?:LATIN LETTER SMALL CAPITAL"
    r"|(?:NEGATIVE )?(?:SQUARED|CIRCLED|PARENTHESIZED) (?:ITALIC )?LATIN CAPITAL LETTER"
    r"|PARENTHESIZED LATIN SMALL LETTER|REGIONAL INDICATOR SYMBOL LETTER) ([A-Z])"
)


@cache
def _small_capitals() -> dict[str, str]:
    """Letters drawn as a capital, each mapped to that capital (step 8): every
    letter of the blocks above whose Unicode name is "LATIN LETTER SMALL CAPITAL
    X", "NEGATIVE SQUARED LATIN CAPITAL LETTER X" and the like, with X one letter
    A to Z (``ᴋ`` and ``🅺`` to ``K``; not ``ɶ``, "SMALL CAPITAL OE", nor ``ʁ``,
    "SMALL CAPITAL INVERTED R"). NFKC leaves the filled ones as they are, and
    makes "(K)" of a bracketed one."""
    table: dict[str, str] = {}
    for block in _LATIN_BLOCKS:
        for code in block:
            m = _DRAWN_CAPITAL.fullmatch(unicodedata.name(chr(code), ""))
            if m is not None:
                table[chr(code)] = m.group(1)
    return table


#: What may stand between the letters of a word spelt out (step 9), and between
#: two such words (with a space after a ``.`` or ``-``, or after a ``·`` or ``_``).
_SPELLING_SEPARATORS = frozenset(" \u00a0\u2009\u202f.-\u00b7_")
_SPACES = frozenset(" \t\u00a0\u1680\u202f\u205f\u3000") | {chr(c) for c in range(0x2000, 0x200B)}
_SPACE_LIKE = frozenset(" \u00a0\u2009\u202f")


def _spelt_out_runs(text: str) -> list[tuple[int, int, str]]:
    """Each run of two or more single letters of ``text`` that share one separator,
    as (first letter, after the last letter, the separator), in order.

    A letter is single where no letter or digit stands on either side of it.
    Each run starts at a letter no run holds yet, or at the last letter of the
    run before (which may also start a run with another separator: ``a b.c.d.e``),
    so every character is looked at a bounded number of times.
    """
    n = len(text)

    def single(k: int) -> bool:
        return (
            k < n
            and text[k].isalpha()
            and (k == 0 or not text[k - 1].isalnum())
            and (k + 1 == n or not text[k + 1].isalnum())
        )

    runs: list[tuple[int, int, str]] = []
    i = 0
    while i < n - 2:
        sep = text[i + 1]
        if sep not in _SPELLING_SEPARATORS or not single(i) or not single(i + 2):
            i += 1
            continue
        last = i + 2
        while last + 2 < n and text[last + 1] == sep and single(last + 2):
            last += 2
        runs.append((i, last + 1, sep))
        i = last
    return runs


def _is_word_gap(gap: str, sep: str) -> bool:
    """Whether ``gap``, between two runs spelt with ``sep``, parts two words."""
    if sep not in _SPACE_LIKE:
        gap = gap.removeprefix(sep)  # "K.a.y.d.e.n. M.u.l..."
        return gap != "" and all(c in _SPACES for c in gap)
    return all(c in _SPACES for c in gap) and (len(gap) >= 2 or gap != sep)


def _join_spelt_out(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """``text`` with each word spelt out letter by letter read as a word (step 9)."""
    runs = _spelt_out_runs(text)
    if not runs:
        return text, origin
    # Runs a word gap apart form a group; a group is read if any of its runs is
    # four letters long or more (each run of n letters is 2n - 1 characters long).
    groups: list[list[tuple[int, int, str]]] = []
    for run in runs:
        if groups:
            start, _, sep = run
            before = groups[-1][-1]
            if (
                sep == before[2]
                and before[1] < start
                and _is_word_gap(text[before[1] : start], sep)
            ):
                groups[-1].append(run)
                continue
        groups.append([run])
    out: list[str] = []
    where: list[int] = []
    pos = 0
    for group in groups:
        if all(end - start < 7 for start, end, _ in group):
            continue
        for k, (start, end, _) in enumerate(group):
            if start < pos:  # its first letter ends the run before: "a b c d.e.f.g"
                start += 2
            if k:
                out.append(" ")  # the gap between two words reads as one space
                where.append(origin[pos])
            else:
                out.append(text[pos:start])
                where.extend(origin[pos:start])
            out.append(text[start:end:2])
            where.extend(origin[start:end:2])
            pos = end
    if not out:
        return text, origin
    out.append(text[pos:])
    where.extend(origin[pos:])  # includes the end
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
