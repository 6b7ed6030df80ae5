"""What may be published on purpose, applied after detection.

Detection (checks.anonymise.detectors and .recognise) finds every name, place
and organisation by what it is. This filter then lets through, visibly and by
rule, the ones that are public on purpose, all in one place:

- the partnership's own name, area and agencies from ``data/partnership.yaml``
  ("Kestrelford", "Downland Constabulary"). A venue, school or person in the
  area is still a finding: only the names the partnership itself lists;
- the list shipped with the checker (``public_names.yaml`` beside this module):
  children named in national reviews and inquiries, the authors of national
  reviews, national helplines and their numbers;
- the partnership's additions to that list, under ``public_names`` in
  ``kb.yaml``, each with a reason;
- the office-holders ``data/partnership.yaml`` lists as public, in anything but
  a learning brief (a brief never names a person);
- local authority areas, nations and regions (``areas.yaml``), when the whole
  of what was found is one of them and it names a public body's area
  (:func:`in_area`): never where a family lived.

The last three are :class:`PublicName` entries: ANO002 reports each one used,
at info level, so a reviewer sees every allowance. An allowance covers names,
places and schools by their words, and a helpline's number by its digits;
never an address, a date or any other number.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from checks.anonymise.detectors import Hit
from checks.anonymise.package_lists import every_entry, package_yaml
from checks.anonymise.pseudonyms import PERSON_WORDS

#: The kinds an allowance can apply to: names of people, places and bodies, and
#: capitals read as initials (an acronym a partnership uses, listed in kb.yaml's
#: ``public_names`` or as an agency's short name). Numbers, addresses and dates
#: are never public on purpose (a helpline's own number is matched by its
#: digits: :meth:`Allowed.public_allowance`).
ALLOWABLE = frozenset({"name", "place", "school", "initials"})

#: The file of public names shipped in this package.
SHIPPED = "public_names.yaml"
#: The names of national bodies, programmes and roles shipped in this package.
SECTOR = "sector_names.yaml"

#: Words that may stand beside a public name in what the gate finds without
#: being part of it: "Lord Laming's report", "the Climbié Inquiry".
_CITATION_WORDS = frozenset(
    """
    the of into and a an on for in report reports review reviews inquiry inquiries
    enquiry independent national serious case practice child safeguarding panel
    lord lady dame sir baroness baron professor prof progress death murder
    helpline helplines line advice service number freephone call text
    """.split()
)
#: Titles that may stand before a full name (two words or more) that is allowed,
#: never before a surname alone: "Dr Jane Roe" if Jane Roe is listed, but not
#: "Mrs Munro" because "Munro" is.
_TITLES = frozenset("mr mrs ms miss mx dr cllr councillor rev revd reverend".split())


def _a_person(text: str) -> bool:
    """A given name from Faker's lists, or a title, among the words."""
    from checks.anonymise.names import given_names

    words = re.findall(r"[^\W\d_]+", text)
    titles = {"mr", "mrs", "ms", "miss", "mx", "dr"}
    return any(w in given_names() or w.lower() in titles for w in words)


_POSSESSIVE = re.compile(r"['’]s\b")
#: An age straight after a name: the name is a child's ("Star, aged 6", "Star (6)").
_AGE_AFTER = re.compile(
    r"['’]?s?[ \u00a0]*(?:,[ \u00a0]*(?:aged[ \u00a0]+)?\d|\(\d|,?[ \u00a0]*aged\b)"
)
#: A word for a person or relationship, or a naming verb, straight before a name
#: ("sister, Star", "a girl called Star"): the name is a local person's.
_RELATION_BEFORE = re.compile(
    r"(?i)\b(?:"
    + "|".join(sorted(map(re.escape, PERSON_WORDS), key=len, reverse=True))
    + r"|called|named|known as|nicknamed)['’]?s?\s*[,(:]?\s*$"
)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def _words(text: str) -> str:
    return " ".join(w.lower() for w in _WORD.findall(text))


def fold(text: str) -> str:
    """``text`` in lower case without accents, one character for each: offsets hold."""
    out = []
    for ch in text:
        base = unicodedata.normalize("NFKD", ch)[:1] or ch
        low = base.lower()
        out.append(low if len(low) == 1 else base)
    return "".join(out)


def digits(number: str) -> str:
    """A telephone number's digits, read as dialled in the UK (+44 is 0)."""
    d = "".join(ch for ch in number if ch.isdigit())
    return "0" + d[2:] if number.strip().startswith("+44") and d.startswith("44") else d


@dataclass(frozen=True, slots=True)
class PublicName:
    """One name that is public on purpose, where it is listed, and why."""

    name: str
    #: "child", "author", "national-figure", "helpline", "office-holder" or
    #: "partnership" (kb.yaml)
    kind: str
    forms: tuple[str, ...]
    numbers: tuple[str, ...] = ()  # digits
    emails: tuple[str, ...] = ()  # lower case
    why: str = ""
    source: str = ""  # the file that lists it ("" for the shipped list)
    line: int = 1
    #: False for office-holders: a learning brief never names anyone.
    in_briefs: bool = True

    def described(self) -> str:
        """What it is and where it is listed, for ANO002's message."""
        what = {
            "child": "a child named in a national review or inquiry",
            "author": "the author of a national review",
            "national-figure": "a national office-holder or a researcher cited by name",
            "helpline": "a national helpline",
            "office-holder": "an office-holder the partnership lists as public",
            "partnership": "a name kb.yaml allows",
        }.get(self.kind, self.kind)
        if self.why:
            what += f" ({self.why})"
        where = f"{self.source} line {self.line}" if self.source else "the checker's own list"
        return f"{what}, listed in {where}"


#: What a review or inquiry is called after a surname: "the Jay report", "the
#: Hobson review". A surname shared by many ("Jay", "Hobson") is allowed alone
#: only in these phrases.
_CITED_AS = ("report", "reports", "review", "reviews", "inquiry", "enquiry", "case")


def _entry(raw: Any, kind: str) -> PublicName:
    name = str(raw["name"])
    numbers = tuple(digits(str(n)) for n in raw.get("numbers") or ())
    emails = tuple(str(e).lower() for e in raw.get("emails") or ())
    cited: tuple[str, ...] = ()
    if kind in ("child", "author") and len(name.split()) > 1:
        cited = tuple(f"{name.split()[-1]} {word}" for word in _CITED_AS)
    return PublicName(
        name=name,
        kind=kind,
        forms=(name, *(str(a) for a in raw.get("also") or ()), *cited),
        numbers=numbers,
        emails=emails,
        why=str(raw.get("cited_in") or ""),
    )


@cache
def shipped() -> tuple[PublicName, ...]:
    """The list shipped with the checker (``public_names.yaml``)."""
    data = package_yaml(SHIPPED)
    kinds = {
        "children": "child",
        "authors": "author",
        "office_holders_and_researchers": "national-figure",
        "helplines": "helpline",
    }
    return tuple(_entry(raw, kinds[group]) for group in kinds for raw in data[group])


@cache
def sector_names() -> tuple[str, ...]:
    """National bodies, programmes and roles (``sector_names.yaml``): not people or
    places, and named on purpose."""
    return every_entry(SECTOR)


@cache
def _sector_pattern() -> re.Pattern[str]:
    names = sorted({fold(n) for n in sector_names()}, key=len, reverse=True)
    return re.compile(
        r"(?<![\w])(?:" + "|".join(map(_form_pattern, names)) + r")(?:['’]s)?(?![\w])"
    )


#: The kinds a sector name covers: words taken for a person, a place, a school or
#: initials ("Senco"), and a street word in a programme's name ("Solihull Approach").
_SECTOR_KINDS = frozenset({"name", "place", "school", "initials", "address"})


def in_sector_name(hit: Hit, text: str) -> bool:
    """Whether ``hit`` lies inside a national body's, programme's or role's name as
    written around it in ``text`` ("Barnardo" in "Barnardo's"). The same word
    elsewhere is read as usual."""
    if hit.kind not in _SECTOR_KINDS:
        return False
    lo, hi = max(0, hit.start - 60), min(len(text), hit.end + 60)
    for m in _sector_pattern().finditer(fold(text[lo:hi])):
        if m.start() + lo <= hit.start and hit.end <= m.end() + lo:
            return True
    return False


#: The file of local authority areas, nations and regions shipped in this package.
AREAS = "areas.yaml"
#: Words for a partnership, a council or a gathering of them: an area named with
#: one of these just before it ("the partnerships in Kent and in Medway", "a
#: conference in Reading") or just after it ("the Solihull partnership", "Kent
#: County Council") is a public body's area, not where a family lives.
_BODY_WORDS = frozenset(
    """
    partnership partnerships council councils authority authorities conference
    conferences county borough safeguarding report reports inquiry inquiries review reviews
    practitioners professionals colleagues delegates representatives
    """.split()
)
#: Areas named together ("the Kent, Medway and Sussex partnerships"): the body
#: word after the last names them all.
_AND_ANOTHER = re.compile(
    r"(?:(?:,|[ \u00a0]+(?:and|or|&))[ \u00a0]+(?:[A-Z][\w'’-]*[ \u00a0]+){1,3}?)+"
    r"(?=[a-z])"
)
#: Verbs and nouns that say where someone lives: in a sentence with one, a
#: local authority area is where a family lived even if nothing else says so
#: (cues.py finds it there when the model reads it as part of a body's name).
RESIDENCE = frozenset(
    """
    lived live lives living moved moves moving relocated housed rehoused resident
    """.split()
)
#: What makes a sentence about where someone lives, grew up or was placed, once
#: the model has read an area as a place. Not "child" or "family": most of a
#: brief's sentences have one, including those naming the partnership that
#: reviewed the case; and not "homes", which are a service ("children's homes").
_A_HOME = RESIDENCE | frozenset("home placed address grew raised born stayed".split())
#: Where a sentence ends.
_SENTENCE_END = re.compile(r"[.!?]\s|\n")
#: How many words before an area a body word may stand.
_BODY_REACH = 5


@cache
def areas() -> frozenset[str]:
    """Local authority areas, nations and regions (``areas.yaml``), folded."""
    return frozenset(fold(n) for n in every_entry(AREAS))


def in_area(hit: Hit, text: str) -> bool:
    """Whether ``hit`` is a whole local authority area, nation or region named as
    a public body's area: with a body word (:data:`_BODY_WORDS`) just after it, or
    a few words before it in the same sentence. The town a family came from or
    lived in ("moved from <town>", "her aunt in <town>") identifies them and
    stays a finding; so does a name followed by ``'s``."""
    if hit.kind not in ("place", "name") or fold(text[hit.start : hit.end]) not in areas():
        return False
    if fold(text[hit.start : hit.end]) in regions():
        return True
    after = text[hit.end : hit.end + 80]
    if _POSSESSIVE.match(after):
        return False
    joined = _AND_ANOTHER.match(after)
    if joined:
        after = after[joined.end() :]
    # Where the sentence is about a family's or a child's home, the area is
    # where they lived, whatever body it names ("the family lived in the
    # Bolton Council area", "the Stockport partnership, in whose area they lived").
    if _about_a_home(_sentence(text, hit)):
        return False
    following = re.findall(r"[^\W\d_]+", after.lower())[:1]
    if following and following[0] in _BODY_WORDS:
        return True
    sentence = re.split(r"[.!?;:]\s", text[max(0, hit.start - 80) : hit.start])[-1]
    before = re.findall(r"[^\W\d_]+", sentence.lower())[-_BODY_REACH:]
    return any(w in _BODY_WORDS for w in before)


def _sentence(text: str, hit: Hit) -> str:
    """The sentence ``hit`` is in."""
    return _SENTENCE_END.split(text[: hit.start])[-1] + _SENTENCE_END.split(text[hit.start :])[0]


def _about_a_home(sentence: str) -> bool:
    """Whether ``sentence`` says where someone lives, grew up or was placed
    ("home education", "a home visit" and the Home Office are no one's home, and
    "raised questions" is not "raised in")."""
    words = _NOT_A_HOME.sub(" ", sentence.lower())
    return bool(_A_HOME.intersection(re.findall(r"[^\W\d_]+", words)))


_NOT_A_HOME = re.compile(
    r"\bhome(?:[ -](?:educat\w*|school\w*|office|visits?|secretary|affairs))"
    r"|\braised(?![ \u00a0]+(?:in|by|at|near|with|on)\b)"  # "raised questions", not "raised in"
)


@cache
def regions() -> frozenset[str]:
    """The nations and England's regions (``areas.yaml``), folded. Each holds
    millions: "moved from London" or "grew up in Wales" says nothing of which
    family it was, as the town within it would."""
    return frozenset(fold(str(n)) for n in package_yaml(AREAS)["nations_and_regions"])


@cache
def _forms_pattern(alternatives: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for all the forms; compiled once per list, since a run builds an
    :class:`Allowed` for briefs and one for other pages from the same public names."""
    return re.compile(r"(?<![\w])(?:" + "|".join(map(_form_pattern, alternatives)) + r")(?![\w])")


def _form_pattern(form: str) -> str:
    words = [re.escape(w) for w in fold(form).split()]
    return r"[\s\u00a0]+".join(re.sub("['’]", "['’]", w) for w in words)


@dataclass(frozen=True)
class Allowed:
    """What may be published: the partnership's phrases (each as its lower-cased
    words) and the public names."""

    phrases: tuple[str, ...] = ()
    public: tuple[PublicName, ...] = ()
    #: the partnership's own record ids (reviews, briefs, actions, ...): a
    #: "reference" of the same shape ("CSPR-2024-01") is one of them, not a case's
    records: frozenset[str] = frozenset()
    #: lower-cased role mailboxes of the partnership, which its pages may give
    emails: frozenset[str] = frozenset()
    _forms: dict[str, int] = field(default_factory=dict, init=False, repr=False, compare=False)
    _pattern: re.Pattern[str] | None = field(default=None, init=False, repr=False, compare=False)
    _numbers: dict[str, PublicName] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    #: the shapes of the record ids, worked out once: a large register has
    #: thousands, and every reference found is compared with them
    _record_shapes: frozenset[str] = field(
        default=frozenset(), init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        forms: dict[str, int] = {}
        numbers: dict[str, PublicName] = {}
        for i, entry in enumerate(self.public):
            for form in entry.forms:
                forms.setdefault(fold(" ".join(form.split())).replace("’", "'"), i)
            # A helpline's published numbers, by their digits, and its addresses.
            for number in (*entry.numbers, *entry.emails):
                numbers.setdefault(number, entry)
        # Longest first, so "Victoria Climbié" is matched before "Climbié".
        alternatives = sorted(forms, key=len, reverse=True)
        pattern = _forms_pattern(tuple(alternatives)) if alternatives else None
        object.__setattr__(self, "_forms", forms)
        object.__setattr__(self, "_pattern", pattern)
        object.__setattr__(self, "_numbers", numbers)
        object.__setattr__(self, "_record_shapes", frozenset(map(_shape, self.records)))

    @classmethod
    def of_partnership(
        cls,
        names: list[str],
        public: tuple[PublicName, ...] = (),
        records: frozenset[str] = frozenset(),
        emails: frozenset[str] = frozenset(),
    ) -> Allowed:
        phrases = {_words(n) for n in names if n}
        return cls(tuple(sorted(p for p in phrases if p)), public, records, emails)

    def own_record(self, hit: Hit) -> bool:
        """A reference of the shape of one of the partnership's own record ids
        (letters as written, each digit a digit): "LB-2026-02" beside "LB-2025-01"."""
        first = hit.text.split()[0] if hit.text.split() else ""
        if hit.kind == "vehicle-registration":
            return first in self.records  # "A03 was": an action's id, then a word
        return hit.kind == "reference" and _shape(hit.text) in self._record_shapes

    def allows(self, hit: Hit, read: str | None = None) -> bool:
        """Whether ``hit`` is the partnership's own: its words, less a leading
        "the" and a possessive, are a run of words in one of the phrases.

        A person's name never is, even one written into the agencies (``read``:
        the hit as it reads, so a name in look-alike letters is still a name):
        agencies are bodies, and no allowance may cover "Jessica Smith"."""
        if self.own_record(hit):
            return True
        if hit.kind == "email":
            return hit.text.lower() in self.emails
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

    def public_allowance(self, hit: Hit, text: str, in_brief: bool) -> PublicName | None:
        """The public name that lets ``hit`` (found in ``text``, as written) through,
        if one does.

        A helpline's number is allowed by its digits, and its address as
        published. A name, place or school is
        allowed when each of its words lies in a listed form found in the text
        around it ("Victoria" in "Victoria Climbié"), or is a word that cites it
        ("Lord", "Inquiry"); a title ("Dr") only before a full name. "Victoria"
        alone is not "Victoria Climbié". Office-holders are never allowed in a
        learning brief. Text written in look-alike letters is not folded here, so
        a name in disguise stays a finding."""
        if hit.kind in ("phone", "reference", "email"):
            key = hit.text.lower() if hit.kind == "email" else digits(hit.text)
            entry = self._numbers.get(key)
            return entry if entry is not None and (entry.in_briefs or not in_brief) else None
        if hit.kind not in ALLOWABLE or self._pattern is None:
            return None
        lo, hi = max(0, hit.start - 80), min(len(text), hit.end + 80)
        window = fold(text[lo:hi])
        found: list[tuple[int, int, PublicName]] = []
        for m in self._pattern.finditer(window):
            start, end = m.start() + lo, m.end() + lo
            if end <= hit.start or start >= hit.end:
                continue
            entry = self._listed(m.group(0))
            if not entry.in_briefs and in_brief:
                continue
            found.append((start, end, entry))
        if not found:
            return self._named_before(hit, text, in_brief) or self._where_cited(hit, text)
        full = _full_name(found, text)
        for m in _NAME_WORD.finditer(text, hit.start, hit.end):
            word = _POSSESSIVE.sub("", m.group(0))
            ws, we = m.start(), m.start() + len(word)
            if any(s <= ws and we <= e for s, e, _ in found):
                continue
            lower = fold(word)
            if lower in _CITATION_WORDS or (full and lower.rstrip(".") in _TITLES):
                continue
            return None
        return found[0][2]

    def _named_before(self, hit: Hit, text: str, in_brief: bool) -> PublicName | None:
        """A given name alone where the same paragraph has just cited the full name:
        "contact with Victoria" after "the Victoria Climbié Inquiry".

        Only in that paragraph, and never straight after a word for a person or a
        relationship: "Child AA's sister, Star" names a local child, whoever the
        brief cited in an earlier section."""
        assert self._pattern is not None
        word = fold(_POSSESSIVE.sub("", hit.text).strip())
        if not word or len(word.split()) != 1:
            return None
        if _RELATION_BEFORE.search(text, max(0, hit.start - 40), hit.start):
            return None
        paragraph = max(text.rfind("\n\n", 0, hit.start), text.rfind("\n#", 0, hit.start))
        for m in self._pattern.finditer(fold(text), max(0, paragraph), hit.start):
            entry = self._listed(m.group(0))
            full = fold(entry.name).split()
            # An office-holder is named in full: "Idris, aged 9" after the chair
            # "Idris Okonjo-Hale" is a child.
            if entry.kind == "office-holder" or _AGE_AFTER.match(text, hit.end):
                continue
            if len(full) > 1 and full[0] == word and (entry.in_briefs or not in_brief):
                return entry
        return None

    def _where_cited(self, hit: Hit, text: str) -> PublicName | None:
        """A local authority area in a sentence that names a child of a national
        review in full, and says nothing of anyone's home: where that child
        lived or died is on the public record ("Star Hobson died in <city>").
        A sentence that also says where someone lived, moved or was placed
        may be about the brief's own family, and stays a finding."""
        # "in how Haringey and other councils": an area read as a name is the area.
        if hit.kind not in ("place", "name") or fold(text[hit.start : hit.end]) not in areas():
            return None
        assert self._pattern is not None
        sentence = _sentence(text, hit)
        if _about_a_home(sentence):
            return None
        for m in self._pattern.finditer(fold(sentence)):
            entry = self._listed(m.group(0))
            if entry.kind == "child" and len(m.group(0).split()) > 1:
                return entry
        return None

    def _listed(self, form: str) -> PublicName:
        """The entry whose listed form ``form`` (as the pattern matched it) is."""
        return self.public[self._forms[" ".join(form.split()).replace("’", "'")]]

    def settings(self) -> str:
        return repr(
            (
                self.phrases,
                sorted(self.records),
                sorted(self.emails),
                [(p.forms, p.numbers, p.emails, p.in_briefs) for p in self.public],
            )
        )


def _shape(text: str) -> str:
    return _DIGIT.sub("9", text.strip())


_DIGIT = re.compile(r"\d")


def _full_name(found: list[tuple[int, int, PublicName]], text: str) -> bool:
    """Whether one of the forms found is two words or more (a title may precede it)."""
    return any(len(text[s:e].split()) > 1 for s, e, _ in found)
