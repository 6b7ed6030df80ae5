"""Detectors of identifying details. Each returns the spans it finds in a text.

Kinds: nhs-number, ni-number, postcode, phone, email, birth-or-death-date,
case-reference, address, name, school, deny-list; the language model and the
context rules (checks.anonymise.recognise) add the others (see :data:`PRECEDENCE`).
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from checks.anonymise.model import model_name
from checks.anonymise.names import COMMON_WORDS, given_names, street_suffixes, surnames


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str
    start: int
    end: int
    text: str


# The groups may be split by a space, a hyphen or a line break ("374 281\n9984").
_NHS = re.compile(r"(?<![\d-])(\d{3})(?:[ -]|\r?\n)?(\d{3})(?:[ -]|\r?\n)?(\d{4})(?![\d-])")
#: An NHS number read out in words ("nine five three eight ..."): ten digit words.
_DIGIT_WORDS = {
    "zero": "0", "oh": "0", "nought": "0", "one": "1", "two": "2", "three": "3",
    "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
}  # fmt: skip
_SPOKEN = re.compile(
    r"\b(?:(?:" + "|".join(_DIGIT_WORDS) + r")[ ,-]+){9}(?:" + "|".join(_DIGIT_WORDS) + r")\b",
    re.I,
)
_NINO = re.compile(
    r"\b(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TSW-Z][A-CEGHJ-NPR-TW-Z]"
    r"[ -]?\d{2}[ -]?\d{2}[ -]?\d{2}[ -]?[A-D]\b",
    re.I,  # typed in lower case too ("jm-48-26-73-b"): the shape is no word's
)
_POSTCODE = re.compile(r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[A-Z]{2}\b")
# Starting only where a run of address letters starts, so that a long run is read once.
_EMAIL = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b")
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DATE = (
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|"
    r"\d{1,2}(?:st|nd|rd|th)?\s+"
    + _MONTHS
    + r",?\s+\d{4}|"
    + _MONTHS
    + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})"
)
_BIRTH = re.compile(
    r"\b(?:born|d\.?o\.?b\.?|date of birth|died|date of death|deceased|passed away)\b"
    r"[^.\n]{0,30}?(" + _DATE + r")",
    re.I,
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


# phonenumbers and python-stdnum are imported where they are used: a run that
# takes every result from the cache never needs them, and they cost more to import
# than the rest of this module.


def _nhs(text: str) -> Iterator[Hit]:
    from stdnum.gb import nhs

    for m in _NHS.finditer(text):
        if nhs.is_valid("".join(m.groups())):
            yield Hit("nhs-number", m.start(), m.end(), m.group(0))


def _spoken_nhs(text: str) -> Iterator[Hit]:
    """Ten digits in words that pass the NHS number's check digit (the check keeps
    "one, two, three..." in prose from counting)."""
    from stdnum.gb import nhs

    for m in _SPOKEN.finditer(text):
        number = "".join(_DIGIT_WORDS[w.lower()] for w in re.findall(r"[A-Za-z]+", m.group(0)))
        if nhs.is_valid(number):
            yield Hit("nhs-number", m.start(), m.end(), m.group(0))


# Each costly pattern has a cheap necessary condition that starts with a digit:
# the regex engine skips to digits quickly, and most text has no match at all.
_NINO_DIGITS = re.compile(r"\d\d[ -]?\d\d[ -]?\d\d[ -]?[A-D]\b", re.I)
_POSTCODE_INWARD = re.compile(r"\d[A-Z]{2}\b")


def _nino(text: str) -> Iterator[Hit]:
    if not _NINO_DIGITS.search(text):
        return
    for m in _NINO.finditer(text):
        yield Hit("ni-number", m.start(), m.end(), m.group(0))


def _postcode(text: str) -> Iterator[Hit]:
    if not _POSTCODE_INWARD.search(text):
        return
    for m in _POSTCODE.finditer(text):
        yield Hit("postcode", m.start(), m.end(), m.group(0))


_DIGIT = re.compile(r"\d")
# Ten digits, each within four characters of the next. Written to start with a
# digit so the regex engine can skip ahead to digits; as (?:\d\D{0,4}){10} it
# was tried at every position and cost more than all the other detectors.
_TEN_DIGITS = re.compile(r"\d(?:\D{0,4}\d){9}")


def _phone(text: str) -> Iterator[Hit]:
    # Called only for text with a run of ten digits: the matcher is slow.
    # POSSIBLE, not VALID: numbers from ranges kept for drama and examples (07700
    # 900xxx) are still someone's number in a brief, and typos must be caught too.
    import phonenumbers

    matcher = phonenumbers.PhoneNumberMatcher(text, "GB", leniency=phonenumbers.Leniency.POSSIBLE)
    for match in matcher:
        # POSSIBLE alone takes "2025-02" for a short code: a UK number has ten or more digits.
        if sum(ch.isdigit() for ch in match.raw_string) >= 10:
            yield Hit("phone", match.start, match.end, match.raw_string)


def _email(text: str, allowed: frozenset[str]) -> Iterator[Hit]:
    for m in _EMAIL.finditer(text):
        if m.group(0).lower() not in allowed:
            yield Hit("email", m.start(), m.end(), m.group(0))


# An address spelt out so that it is not a link: "j dot wood at outlook dot com",
# "jo(at)example(dot)org", "jo [at] mail [dot] co [dot] uk". At least one of the
# "at" and "dot" is a word, else _EMAIL has it; the last part is a domain's ending.
_AT = r"[ \t\u00a0]*(?:[(\[{][ \t]*at[ \t]*[)\]}]|(?<![^\W_])at(?![^\W_])|@)[ \t\u00a0]*"
_DOT = r"[ \t\u00a0]*(?:[(\[{][ \t]*dot[ \t]*[)\]}]|(?<![^\W_])dot(?![^\W_])|\.)[ \t\u00a0]*"
# Bounded as addresses are (64 letters a part; a few dots), so that a long run of
# "a.a.a" or "a dot a dot" is read in linear time.
_PART = r"[a-z0-9][a-z0-9_%+-]{0,63}"
_ENDINGS = (
    r"(?:com|org|net|uk|gov|ac|nhs|sch|edu|io|me|info|biz|ie|eu|de|fr|pl|es|it|nl|ro|lt|lv|"
    r"pt|ng|gh|ke|za|in|pk|bd|tr|us|ca|au|nz|co|tv|app|dev|email|online|mail)"
)
_SPELT_EMAIL = re.compile(
    rf"(?<![^\W_])(?:{_PART}(?:{_DOT}{_PART}){{0,6}}){_AT}(?:{_PART}{_DOT}){{1,6}}{_ENDINGS}"
    r"(?![^\W_])",
    re.I,
)
_SPELT_CUE = re.compile(r"(?<![^\W_])(?:at|dot)(?![^\W_])", re.I)


_BARE_AT = re.compile(r"[ \t\u00a0]+at[ \t\u00a0]+", re.I)
#: Mail services: "wood at outlook dot com" is an address though "wood" is a word.
_MAIL_SERVICES = frozenset(
    """
    gmail googlemail hotmail outlook live msn yahoo ymail aol icloud me mac proton
    protonmail btinternet sky virginmedia talktalk tiscali ntlworld blueyonder gmx
    """.split()
)


def _spelt_email(text: str) -> Iterator[Hit]:
    from checks.anonymise.context import ordinary

    for m in _SPELT_EMAIL.finditer(text):
        found = m.group(0)
        if not _SPELT_CUE.search(found):
            continue
        at = _BARE_AT.search(found)
        if at is not None:
            # "looked at the dot com": with a bare "at", the part before it is one
            # English word only where a mail service follows.
            local, domain = found[: at.start()], found[at.end() :]
            first = re.split(r"[^a-z0-9]+", domain.lower())[0]
            word = re.fullmatch(r"[A-Za-z]+", local) and ordinary(local.lower())
            if word and first not in _MAIL_SERVICES:
                continue
            if first in ("the", "a", "an"):
                continue  # "at the dot com": not a domain
        yield Hit("email", m.start(), m.end(), found)


_BIRTH_WORDS = re.compile(r"born|d\.?o\.?b|birth|died|death|deceased|passed away")


def _birth(text: str) -> Iterator[Hit]:
    # Lower-cased ASCII text can be tested without the case-blind pattern;
    # other text goes straight to it (case folding beyond ASCII is not simple).
    if text.isascii() and not _BIRTH_WORDS.search(text.lower()):
        return
    for m in _BIRTH.finditer(text):
        yield Hit("birth-or-death-date", m.start(), m.end(1), m.group(0))


def _references(text: str, patterns: Sequence[re.Pattern[str]]) -> Iterator[Hit]:
    for pattern in patterns:
        for m in pattern.finditer(text):
            yield Hit("case-reference", m.start(), m.end(), m.group(0))


def either(patterns: Sequence[re.Pattern[str]]) -> tuple[re.Pattern[str], ...]:
    """The partnership's reference patterns as one pattern: one pass over the text
    instead of one per pattern. Patterns with flags or groups of their own (a
    backreference would change meaning once groups are renumbered) stay apart."""

    def simple(p: re.Pattern[str]) -> bool:
        return p.flags == re.UNICODE and p.groups == 0

    plain = [p for p in patterns if simple(p)]
    rest = [p for p in patterns if not simple(p)]
    if len(plain) < 2:
        return tuple(patterns)
    return (re.compile("|".join(f"(?:{p.pattern})" for p in plain)), *rest)


_HOUSE = r"(?:(?:Flat|Apartment|Studio|Unit)\s+\d+[A-Za-z]?,?\s+|\d{1,4}[A-Za-z]?,?\s+)"


_NUMBER_THEN_CAPITAL = re.compile(r"\d[A-Za-z]?,?\s+[A-Z]")


def _address(text: str) -> Iterator[Hit]:
    if not _NUMBER_THEN_CAPITAL.search(text):
        return  # every address has a number then a capital: "14 Carter", "Flat 3, Carter"
    suffixes = street_suffixes()
    # The street name starts with a capital (it is skipped otherwise), so the
    # pattern asks for one before trying up to four words after every number.
    for m in re.finditer(_HOUSE + r"(?=[A-Z])((?:[A-Za-z’'-]+ ?){1,4})", text):
        words = list(re.finditer(r"[A-Za-z’'-]+", m.group(1)))
        if not words or not words[0].group(0)[:1].isupper():
            continue
        # The street word ends the address: "14 Carter Road", "Studio 3, Debra Forges".
        for k, word in enumerate(words[1:], start=1):
            if word.group(0).lower() in suffixes:
                end = m.start(1) + words[k].end()
                yield Hit("address", m.start(), end, text[m.start() : end])
                break
            if not word.group(0)[:1].isupper():
                break


#: Pseudonym words: "Child A", "Mother B", "Family F" are allowed on purpose.
PSEUDONYM_WORDS = frozenset(
    "child children adult family mother father baby sibling young person".split()
)


# A capital, a lower-case rest, a space, then a capitalised word. The check that
# the capital starts a word is a lookbehind *after* it, not before: a pattern
# that opens with a character class lets the regex engine skip straight to
# capitals, and this one then costs less than half as much.
_PAIR = re.compile(r"([A-Z](?<![\w’'-][A-Z])[a-z’'-]+)[ \u00a0](?=([A-Z][A-Za-z’'-]+))")


def _names(text: str) -> Iterator[Hit]:
    names, family = given_names(), surnames()
    for m in _PAIR.finditer(text):
        given, other = m.group(1), m.group(2)
        if given not in names or other.lower() in PSEUDONYM_WORDS or other.isupper():
            continue
        if given.lower() in COMMON_WORDS and other not in family:
            continue  # "May Day", "Will Power"; but "Grace Wilkinson" is a person
        end = m.end() + len(other)
        yield Hit("name", m.start(), end, text[m.start() : end])


# A school or nursery is named by the words before its kind: "Oakfield Primary
# School", "St Mary's C of E Academy", "Little Acorns Nursery". Only words that
# could be part of a name are collected, back from the kind: capitalised words,
# and "of", "the", "and" or "&" between them.
# No \b in front, so that the regex engine can skip to the kinds' first letters;
# the loop checks that a kind starts a word.
_SCHOOL_KIND = re.compile(r"(?:School|Academy|Nursery|College|Pre-?[Ss]chool)\b")
_NAME_BEFORE = re.compile(r"(?<![\w’'.&-])(?:(?:[A-Z][A-Za-z’'-]*\.?|of|the|and|&) )+$")
#: Capitalised words that describe a kind of school, or open a sentence, rather
#: than name one: "the Virtual School Head", "Head of School", "Royal College".
_NOT_A_SCHOOL_NAME = frozenset(
    """
    primary infant infants junior juniors secondary high grammar community catholic
    free special nursery sixth form village federation church england c e ce rc cofe
    methodist day boarding state independent maintained mainstream alternative
    further education virtual forest hospital residential sunday local new former
    previous current same next this that each every any another her his their its
    our your my the a an at in to from of and for with by on as when while after
    before head deputy assistant royal national designated school schools academy
    academies college colleges pre-school preschool
    """.split()
)


#: Kinds that end one name: words before them belong to another school, if any.
_SCHOOL_ENDS = frozenset({"school", "academy", "college", "pre-school", "preschool"})


def _schools(text: str) -> list[Hit]:
    found: list[Hit] = []
    for kind in _SCHOOL_KIND.finditer(text):
        if kind.start() and (text[kind.start() - 1].isalnum() or text[kind.start() - 1] in "_’'-"):
            continue  # inside a word: "Preschool" is matched whole, not as its "school"
        before = _NAME_BEFORE.search(text, max(0, kind.start() - 80), kind.start())
        if before is None:
            continue
        words = before.group(0).split()
        if not words[-1][:1].isupper():
            continue  # "the College of Policing", "and the School": no name before the kind
        ends = [i for i, w in enumerate(words) if w.lower() in _SCHOOL_ENDS]
        if ends:
            words = words[ends[-1] + 1 :]  # "Oak Academy and Elm School": two schools
        # Leading words that cannot start a name ("At", "The", "her") are dropped.
        while words and words[0].lower().rstrip(".") in _NOT_A_SCHOOL_NAME:
            words.pop(0)
        if not any(w[:1].isupper() and w.lower() not in _NOT_A_SCHOOL_NAME for w in words):
            continue
        start = kind.start() - len(" ".join(words)) - 1
        hit = Hit("school", start, kind.end(), text[start : kind.end()])
        if found and start <= found[-1].start:
            found[-1] = hit  # "Oakfield Nursery School": one school, not two
        else:
            found.append(hit)
    return found


@dataclass(frozen=True, slots=True)
class DenyList:
    """Salted hashes of names and places connected to cases; never the terms."""

    salt: bytes
    hashes: frozenset[str]
    lengths: frozenset[int]  # how many words the terms have

    def digest(self, words: Iterable[str]) -> str:
        return hmac.new(self.salt, " ".join(words).encode(), hashlib.sha256).hexdigest()


def normalise_words(text: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[A-Za-z0-9]+", text)]


def _deny(text: str, deny: DenyList) -> Iterator[Hit]:
    words = [(m.start(), m.end(), m.group(0).lower()) for m in re.finditer(r"[A-Za-z0-9]+", text)]
    for n in deny.lengths:
        for i in range(len(words) - n + 1):
            window = words[i : i + n]
            if deny.digest(w for _, _, w in window) in deny.hashes:
                start, end = window[0][0], window[-1][1]
                yield Hit("deny-list", start, end, text[start:end])


@dataclass(frozen=True)
class Detector:
    allowed_emails: frozenset[str] = frozenset()
    references: tuple[re.Pattern[str], ...] = ()
    deny: DenyList | None = None
    #: Lower-cased names of the partnership's own agencies: public, so a school or
    #: college that is a partner (and named as one) is not an identifying detail.
    allowed_schools: frozenset[str] = frozenset()

    def settings(self) -> str:
        """A digest of everything besides the text that decides what is found."""
        deny = self.deny
        parts = (
            sorted(self.allowed_emails),
            sorted(self.allowed_schools),
            [p.pattern for p in self.references],
            model_name(),
            None if deny is None else (deny.salt.hex(), sorted(deny.hashes), sorted(deny.lengths)),
        )
        return hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()

    def find(self, text: str) -> list[Hit]:
        return self.find_many([text])[0]

    def find_many(self, texts: Sequence[str]) -> list[list[Hit]]:
        """The hits in each text: the patterns below, and the language model with the
        context rules (checks.anonymise.recognise), which read many texts at once
        faster than one at a time. Overlapping hits are one finding (:func:`merge`)."""
        from checks.anonymise.recognise import recognise

        # A line shouted in capitals hides the shape every rule reads ("MR KOWALCZYK",
        # "41A QUEENSWAY PARADE"): each such text is read again as it would be written
        # in ordinary case, and what is found there is found in the text.
        recased = {i: r for i, r in ((i, recase(t)) for i, t in enumerate(texts)) if r != texts[i]}
        extra = list(recased.values())
        read = recognise([*texts, *extra])
        again = dict(zip(recased, read[len(texts) :], strict=True))
        out = []
        for i, (text, more) in enumerate(zip(texts, read, strict=False)):
            hits = [*self._patterns(text), *more]
            if i in again:
                cased = recased[i]
                hits += [
                    Hit(h.kind, h.start, h.end, text[h.start : h.end])
                    for h in (*self._patterns(cased), *again[i])
                    if _recased_name(h)
                ]
            out.append(merge(hits))
        return out

    def _patterns(self, text: str) -> list[Hit]:
        hits: list[Hit] = [*_names(text)]
        # Substring tests first: far cheaper than the pattern, which opens with \b.
        if "chool" in text or "Academy" in text or "Nursery" in text or "College" in text:
            hits += [h for h in _schools(text) if h.text.lower() not in self.allowed_schools]
        if "@" in text:
            hits += _email(text, self.allowed_emails)
        lower = text.lower()
        if "dot" in lower and "at" in lower:
            hits += _spelt_email(text)
        # Every other kind needs a digit, and most text has none: skip it cheaply.
        if _DIGIT.search(text):
            hits += [
                *_nino(text),
                *_postcode(text),
                *_birth(text),
                *_references(text, self.references),
                *_address(text),
            ]
            if _TEN_DIGITS.search(text):
                hits += [*_nhs(text), *_phone(text)]
        if " five " in lower or " nine " in lower or " eight " in lower or " seven " in lower:
            hits += _spoken_nhs(text)
        if self.deny is not None:
            hits += _deny(text, self.deny)
        return hits


_CAPS_WORD = re.compile(r"\b[A-Z][A-Z'’]+\b")
_LETTERS_WORD = re.compile(r"\b[A-Za-z][A-Za-z'’]+\b")


def recase(text: str) -> str:
    """``text`` with each line written mostly in capitals (three words or more, and
    most of its words) put in ordinary case, the sector's acronyms kept: "FATHER, MR
    KOWALCZYK, REFUSED" reads "Father, Mr Kowalczyk, Refused". Function words go
    into lower case ("THE GP AND THE SCHOOL NURSE" is not a school named "Gp And The
    School"). The same length, so a hit in the result is at the same place in
    ``text``."""
    from checks.anonymise.context import _FUNCTION_WORDS, ACRONYMS

    def word(w: re.Match[str]) -> str:
        caps = w.group(0)
        if caps in ACRONYMS:
            return caps
        low = caps.lower()
        if low in _FUNCTION_WORDS:
            return low
        return _unglued(caps) or caps.capitalize()

    def line(m: re.Match[str]) -> str:
        part = m.group(0)
        caps = _CAPS_WORD.findall(part)
        if len(caps) < 3 or 2 * len(caps) <= len(_LETTERS_WORD.findall(part)):
            return part
        return _CAPS_WORD.sub(word, part)

    return re.sub(r"[^\n]+", line, text) if _CAPS_WORD.search(text) else text


def _unglued(caps: str) -> str | None:
    """A word in capitals that is a small word run into a listed given name, with
    the small word blanked out ("WITHKACPER" reads "    Kacper", the same
    length), or None. Not a word or a name of its own ("BYRON", "ANDREW",
    "TOGETHER"), nor a word in no list ("SOWERBY" is no "so" and "Werby")."""
    from checks.anonymise.context import _FUNCTION_WORDS, ordinary
    from checks.anonymise.names import surnames, world_given_names

    names = world_given_names()
    whole = caps.capitalize()
    if len(caps) < 6 or whole in names or whole in surnames() or ordinary(caps):
        return None
    for cut in range(2, min(6, len(caps) - 3) + 1):
        head, rest = caps[:cut].lower(), caps[cut:].capitalize()
        if head in _FUNCTION_WORDS and rest in names:
            return " " * cut + rest
    return None


def _recased_name(hit: Hit) -> bool:
    """Whether a hit in a recased line stands: a single capitalised word there is
    as likely a heading's noun ("ATTENDANCE") as a name, so it must be a known
    given name; anything longer, or of another kind, has the shape it needs."""
    if hit.kind != "name" or " " in hit.text.strip():
        return True
    from checks.anonymise.names import world_given_names

    return _POSSESSIVE_END.sub("", hit.text.strip()) in world_given_names()


_POSSESSIVE_END = re.compile(r"['’]s$")


#: When hits overlap they are one finding, of the first of their kinds in this
#: order: the most specific ("Flat 2, 12 Broadmead" is an address, not also a
#: place; a phone-shaped NHS number is an NHS number). The deny list comes first
#: so that a term on it is never quoted.
PRECEDENCE = (
    "deny-list",
    "nhs-number",
    "ni-number",
    "birth-or-death-date",
    "email",
    "case-reference",
    "hospital-number",
    "vehicle-registration",
    "postcode",
    "phone",
    "handle",
    "school",
    "address",
    "place",
    "event-date",
    "name",
)
_RANK = {kind: i for i, kind in enumerate(PRECEDENCE)}


def merge(hits: Iterable[Hit], text: str | None = None) -> list[Hit]:
    """Overlapping hits as one, spanning them all, of the most specific kind."""
    ordered = sorted(hits, key=lambda h: (h.start, -h.end))
    merged: list[Hit] = []
    for hit in ordered:
        last = merged[-1] if merged else None
        if last is None or hit.start >= last.end:
            merged.append(hit)
            continue
        start, end = last.start, max(last.end, hit.end)
        kind = min(last.kind, hit.kind, key=lambda k: _RANK.get(k, len(_RANK)))
        if end == last.end:
            joined = last.text
        elif text is not None:
            joined = text[start:end]
        else:
            joined = last.text + hit.text[last.end - hit.start :]
        merged[-1] = Hit(kind, start, end, joined)
    return merged
