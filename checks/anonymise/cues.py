"""Context rules for the kinds a brief writes in a few known shapes (issue 14, round 3).

Each rule knows the words around a detail rather than the detail itself, and
prefers an allow list to a guess:

- initials: a standalone token of two or three capitals, with or without dots
  ("HB", "J.K.", "C.McD."), is a person's initials unless it is an acronym the
  sector uses (``acronyms.yaml`` beside this module; a partnership adds its own
  under ANO001's ``acronyms`` option). Kind ``initials``;
- references: a token that mixes letters and digits, or joins groups of digits
  with separators, holding four digits or more ("ABC/23/04512", "K2234561"),
  and digits in groups after a word such as "record" or "file" ("S 556 2109").
  Years, year ranges, dates, roads, telephone numbers and the partnership's own
  record ids are not (ANO001 drops the ids). Kind ``reference``;
- nicknames after "known as", "nicknamed", "nickname", "called ... by", "goes
  by", "street name";
- a given name alone: a capitalised word before ", aged N", or at the start of a
  sentence before a verb of telling or of being seen ("Summer told", "Hope was
  interviewed"), even when the word is also an ordinary one;
- full names typed in lower case ("about jack thornbury");
- family surnames: "the X family", "the X household", "the Xs", and "X
  household" when X is a surname on the list;
- text in a script the gate cannot read (not Latin, Greek or Cyrillic
  look-alikes of Latin): kind ``script``;
- venues named by a lower-case kind ("the Golden Dragon takeaway"), by a word of
  worship or fellowship, and pubs named "the X and Y".
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator
from functools import cache

from checks.anonymise.allow import AREAS, RESIDENCE, areas, fold
from checks.anonymise.detectors import Hit
from checks.anonymise.names import given_names, surnames
from checks.anonymise.normalise import needs_normalising, normalise
from checks.anonymise.package_lists import every_entry, package_yaml
from checks.anonymise.pseudonyms import PERSON_WORDS, doubled_after_person

#: The kinds only these rules report (the others are the shared kinds).
KINDS = frozenset({"initials", "reference", "script"})

#: The file of acronyms shipped in this package.
SHIPPED = "acronyms.yaml"


#: The groups of acronyms.yaml that name the sector's own bodies, roles, processes
#: and laws; the others are everyday and technical abbreviations ("KM", "KB").
_SECTOR_GROUPS = ("agencies", "roles", "processes", "legislation")


@cache
def sector_acronyms() -> frozenset[str]:
    """The acronyms of the sector alone: where text says a person is meant ("known
    as KB"), an everyday abbreviation of the same letters is still initials."""
    data = package_yaml(SHIPPED)
    return frozenset(str(a).upper() for g in _SECTOR_GROUPS for a in data.get(g) or ())


@cache
def acronyms() -> frozenset[str]:
    """The sector's acronyms shipped with the checker, in capitals."""
    return frozenset(a.upper() for a in every_entry(SHIPPED))


def _hit(kind: str, text: str, start: int, end: int) -> Hit:
    return Hit(kind, start, end, text[start:end])


# --------------------------------------------------------------------------- initials

#: Two or three capitals alone ("HB", "AJW"), or with dots ("J.K.", "T.B.", and
#: "C.McD." where a capital starts each part, "K.O'D." for an Irish surname).
_INITIALS = re.compile(
    r"(?<![\w.&/#@-])(?:(?P<bare>[A-Z]{2,3})|(?P<dotted>[A-Z](?:['’][A-Z]|[a-z]?[A-Z]?)\."
    r"(?:[ ]?[A-Z](?:['’][A-Z]|[a-z]?[A-Z]?)\.){1,2}))(?![\w&/-])(?!\.\w)"
)
#: Roman numerals, which look like initials in a list or a title.
_ROMAN = re.compile(r"^(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3}|XI?V|XVI{0,3}|X{2,3}|L|C|D|M)$")
#: A line of capitals is a heading: "WHAT YOU SHOULD DO".
_CAPS_NEIGHBOUR = re.compile(r"[A-Z]{2,}[ \u00a0]*$")
_CAPS_NEXT = re.compile(r"[ \u00a0]*[A-Z]{2,}\b")


def _initials(text: str) -> Iterator[Hit]:
    for m in _INITIALS.finditer(text):
        token = m.group(0)
        letters = re.sub(r"[^A-Za-z]", "", token).upper()
        if m.group("bare"):
            if token in acronyms() or _ROMAN.match(token):
                continue
            if doubled_after_person(text, m.start(), m.end()):
                continue  # "Child AA": a pseudonym
            before = text[max(0, m.start() - 12) : m.start()]
            after = text[m.end() : m.end() + 12]
            # Inside a heading or a run of capitals, not a person's initials.
            if _CAPS_NEIGHBOUR.search(before) or _CAPS_NEXT.match(after):
                continue
        elif letters in acronyms() or token.replace(" ", "").upper() in _DOTTED_WORDS:
            continue
        yield _hit("initials", text, m.start(), m.end())


#: Abbreviations written with dots that are not a person's initials.
_DOTTED_WORDS = frozenset({"U.K.", "U.S.", "E.U.", "A.M.", "P.M.", "N.B.", "P.S.", "I.E.", "E.G."})


# --------------------------------------------------------------------------- references

#: Groups of letters and digits joined by "/" or "-" ("ABC/23/04512"), or one
#: token that mixes them ("K2234561", "SA2024-0133"), or "#" and digits.
_REFERENCE = re.compile(
    r"(?<![\w/.#-])(?:#(?P<hash>\d{4,})|(?P<ref>[A-Z0-9]+(?:[-/][A-Z0-9]+)*))(?![\w/-])"
)
#: The knowledge base's own id forms (checks.model: a review's reference, a
#: brief's id): "CSPR-2025-03", "LB-2026-04". Other ids of the partnership's
#: data are let through by ANO001, by their shape.
_RECORD_ID = re.compile(r"^[A-Z]{2,6}-(?:19|20)\d\d-\d{2,3}$")
_YEARS = re.compile(r"^(?:19|20)\d\d(?:[-/](?:(?:19|20)?\d\d))?$")
_DATE = re.compile(r"^\d{1,2}[-/]\d{1,2}[-/](?:\d\d)?\d\d$")
_ROAD = re.compile(r"^[ABM]\d{1,4}M?$")
_PHONE_LIKE = re.compile(r"^(?:0\d{2,4}[-/ ]?\d{3,4}[-/ ]?\d{3,4}|1\d{2}[-/ ]?\d{3})$")
#: Digits in groups after a word that says a record follows: "record S 556 2109".
_CUED_NUMBER = re.compile(
    r"\b(?:record|records|number|no\.?|ref\.?|reference|file|notes|id|log|entry|job)"
    r"[ \u00a0:,]+(?:(?-i:[a-z]{2,})[ \u00a0]+)?"
    r"(?P<n>(?:[A-Z]{1,3}[ \u00a0])?\d{3,4}(?:[ \u00a0]\d{3,4})+)\b",
    re.I,
)


#: A long number some words after the kind of number it is: "her unit number
#: at the hospital, 5530981".
_NUMBER_OF_KIND = re.compile(
    r"\b(?:patient|hospital|unit|case|client|medical|crime|incident|custody|pupil|"
    r"student|prisoner|court|claim)[ \u00a0]+(?:number|no\.?|ref(?:erence)?)\b"
    r"[^.\n\d]{0,50}?(?P<n>(?<![\d-])\d{6,12})(?![\d-])",
    re.I,
)


def _references(text: str) -> Iterator[Hit]:
    for m in _NUMBER_OF_KIND.finditer(text):
        yield _hit("reference", text, m.start("n"), m.end("n"))
    for m in _REFERENCE.finditer(text):
        if m.group("hash"):
            yield _hit("reference", text, m.start("hash"), m.end("hash"))
            continue
        token = m.group("ref")
        n_digits = sum(c.isdigit() for c in token)
        if n_digits < 4:
            continue
        has_letters = any(c.isalpha() for c in token)
        joined = "-" in token or "/" in token
        if not has_letters and not joined:
            continue  # a number alone: a count, a year, or another rule's kind
        if _YEARS.match(token) or _DATE.match(token) or _ROAD.match(token):
            continue
        if _RECORD_ID.match(token):
            continue
        if not has_letters and _PHONE_LIKE.match(token):
            continue
        if has_letters and not joined and re.fullmatch(r"[A-Z]{1,2}\d[A-Z\d]?", token):
            continue  # a postcode's outward half ("SW1A"), found by its own rule
        yield _hit("reference", text, m.start(), m.end())
    for m in _CUED_NUMBER.finditer(text):
        digits = re.sub(r"\D", "", m.group("n"))
        if _PHONE_LIKE.match(digits) and digits.startswith("0"):
            continue
        yield _hit("reference", text, m.start("n"), m.end("n"))


# --------------------------------------------------------------------------- nicknames

_NICK_WORD = (
    r"(?:Lil'?[ \u00a0])?(?:[A-Z][A-Za-z'’]+|[A-Z](?=-[A-Za-z]))(?:-[A-Za-z][A-Za-z'’]+)*"
    r"(?:[ \u00a0][A-Z][A-Za-z'’]*)?"
)
_NICKNAMED = re.compile(
    r"\b(?:known(?:[ \u00a0]+(?:online|locally|only|widely|mainly|mostly|usually))?"
    r"(?:[ \u00a0]+(?:to|on|at|in|around|across|among|amongst|by)[ \u00a0]+"
    r"[a-z' ]{1,30}?)?[ \u00a0]+as|"
    r"call(?:s|ed|ing)?[ \u00a0]+(?:him|her|them|the[ \u00a0]+(?:boy|girl|child|baby))|"
    r"knew(?:[ \u00a0]+(?:him|her|them))?(?:[ \u00a0]+(?:only|mainly|simply|just))?"
    r"[ \u00a0]+as|"
    # "nicknamed the younger sibling Peanut": the one named is a person
    r"nick-?named(?:[ \u00a0]+(?:him|her|them|(?:the|his|her|their)[ \u00a0]+"
    r"(?:[a-z-]+[ \u00a0]+)?(?P<named>[a-z-]+)))?|"
    r"introduc(?:ed|es|ing)[ \u00a0]+(?:him|her|them)sel(?:f|ves)"
    r"(?:[ \u00a0]+to[ \u00a0]+[a-z' ]{1,30}?)?[ \u00a0]+as|"
    # "used the name K-Dot", "under the name Blade"
    r"(?:used|uses|using|under|chose|took|adopted)[ \u00a0]+(?:the[ \u00a0]+)?"
    r"(?:nick-?|street[ \u00a0]+|online[ \u00a0]+)?name(?:[ \u00a0]+of)?|"
    # "whom the children called Big T"
    r"(?P<whom>\bwhom[ \u00a0]+[a-z' ]{1,30}?[ \u00a0]+call(?:ed|s))|"
    r"referred[ \u00a0]+to[ \u00a0]+(?:him|her|them|the[ \u00a0]+(?:boy|girl|child|baby))"
    r"[ \u00a0]+as|"
    # "gave him the name Ghost": a name given, by a group or a family
    r"(?:gave|give|gives|given|giving)[ \u00a0]+(?:(?:him|her|them)[ \u00a0]+)?the[ \u00a0]+"
    r"(?:nick-?)?name|"
    # "he was called Scrappy": the passive names the person the sentence is about
    r"(?P<passive>\b(?:[Hh]e|[Ss]he|[Tt]hey|(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir)[ \u00a0]+"
    r"(?:[a-z-]+[ \u00a0]+)?(?P<who>[a-z-]+))[ \u00a0]+(?:was|were|is|are|got)[ \u00a0]+"
    r"(?:(?:often|usually|always|also|sometimes|mostly|only|ever|just|simply|still)"
    r"[ \u00a0]+){0,2}called)|"
    r"(?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he|[Aa]|[A-Za-z]+['’]s)[ \u00a0]+"
    r"(?:nick-?name|street[ \u00a0]+name)"
    r"(?:[ \u00a0]+was)?,?|"
    r"(?:nick-?name|street[ \u00a0]+name)(?:[ \u00a0]+[a-z' ]{1,30}?)?[ \u00a0]+(?:was|is)|"
    r"(?:goes|went|go|going)[ \u00a0]+by(?:[ \u00a0]+the[ \u00a0]+name(?:[ \u00a0]+of)?)?|"
    r"call(?:s|ed|ing)?[ \u00a0]+(?:him|her|them)sel(?:f|ves)|"
    r"go[ \u00a0]+by|called)"
    rf"[ \u00a0]+(?P<n>{_NICK_WORD})"
)


def _nicknames(text: str) -> Iterator[Hit]:
    from checks.anonymise.context import pseudonym

    for m in _NICKNAMED.finditer(text):
        name = m.group("n")
        first = name.split()[0].lower()
        if pseudonym(name) or (
            first in PERSON_WORDS and first not in _KIN_TITLES and len(name.split()) > 1
        ):
            continue
        if first in PERSON_WORDS and re.search(
            r"call\w*[ \u00a0]+\w+[ \u00a0]+$", m.group(0)[: m.start("n") - m.start()]
        ):
            continue  # "called her Mum": what a child calls a carer, not a name
        if name.upper() in acronyms() or first in _NOT_NICKNAMES:
            continue
        # "The toddler was called Moo-Moo", not "The project was called Phoenix"
        subject = m.group("who") or m.group("named")
        if subject and subject not in PERSON_WORDS and subject not in ("he", "she", "they"):
            continue  # ("the group he was called": the person is the pronoun)
        if (
            not (m.group("passive") or m.group("whom"))
            and m.group(0).lower().endswith("called " + name.lower())
            and not re.match(r"[ \u00a0,]+by\b", text[m.end() :])
        ):
            continue  # "called Childline": only "called X by ..." names someone
        yield _hit("name", text, m.start("n"), m.end("n"))


#: A name in quotes: straight after a word for a person ("her boyfriend
#: 'Tyler'", "Nan ('Nanna Bun' to the children)"), or after "with", "by" or
#: "from" when it is no dictionary word ("with 'Bo-Bo'"). Quotes after a person
#: word also report what was said ("the father 'disappeared'"), so the quoted
#: word must be written with a capital there.
_QUOTED = re.compile(
    r"(?:(?<![A-Za-z-])(?P<w>[A-Za-z-]+)[ \u00a0]*[,(]?[ \u00a0]*)?['\"‘“]"
    r"(?P<n>[A-Za-z][A-Za-z'’-]*(?:[ \u00a0][A-Za-z][A-Za-z'’-]*)?)['\"’”]"
)
_PERSON_BEFORE_QUOTE = PERSON_WORDS | {"mate", "pal", "associate", "ex", "ex-partner"}


def _quoted_names(text: str) -> Iterator[Hit]:
    from checks.anonymise.context import ordinary, pseudonym

    for m in _QUOTED.finditer(text):
        before, name = (m.group("w") or "").lower(), m.group("n")
        parts = [w for w in re.split(r"[-'’ \u00a0]", name) if w]
        if pseudonym(name) or name.upper() in acronyms():
            continue
        to_the = re.match(r"[ \u00a0]+to[ \u00a0]+(?:the|his|her|their)\b", text[m.end() :])
        if before in _PERSON_BEFORE_QUOTE or before in _KIN_TITLES:
            if name[0].isupper() or (m.group(0).find("(") >= 0 and to_the):
                yield _hit("name", text, m.start("n"), m.end("n"))
        elif (
            name[0].isupper()
            # '"Early Help" was taken up': a phrase of words is a term, not a name
            and not (len(parts) > 1 and all(len(w) > 1 and ordinary(w) for w in parts))
        ) and (
            _ACTS.match(text, m.end())
            or _WAS_THE_NAME.match(text, m.end())
            or _SEEN.search(text, max(0, m.start("n") - 30), m.start("n"))
        ):
            # '"Moo" had been crying', 'staff recognised "Skinny"': a quoted word that
            # acts or is seen as a person does is what someone is called
            yield _hit("name", text, m.start("n"), m.end("n"))
        elif (
            before in ("with", "by", "from")
            and name[0].isupper()
            # "Bo-Bo": a doubled word is a pet name, whatever each half means
            and (
                not all(ordinary(w) for w in parts)
                or len(set(map(str.lower, parts))) == 1 < len(parts)
            )
        ):
            yield _hit("name", text, m.start("n"), m.end("n"))


#: "Lil Z", "Lil' Tee": the prefix of a street or online name, wherever it is.
_LIL = re.compile(r"(?<![\w'’-])Lil['’]?[ \u00a0]+[A-Z][\w'’-]*")


def _lil_names(text: str) -> Iterator[Hit]:
    for m in _LIL.finditer(text):
        yield _hit("name", text, m.start(), m.end())


#: Words for a relative that a child uses as a title before a name, as "Mr" is
#: used ("Uncle Spider", "Auntie Blessing", "Nanny Pops"): with the name, a name.
_KIN_TITLES = frozenset(
    "uncle auntie aunty aunt nanny nana nanna nan granny gran grandma grandad grandpa "
    "grampa pops cousin".split()
)
_KIN_TITLED = re.compile(
    r"(?<![\w'’-])(?P<t>"
    + "|".join(sorted((t.capitalize() for t in _KIN_TITLES), key=len, reverse=True))
    + r")[ \u00a0]+(?P<n>[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?)(?![\w'’-])"
)


def _kin_titled(text: str) -> Iterator[Hit]:
    """ "Uncle Spider", "Nanny Pops": a relative's title and the name a child uses."""
    from checks.anonymise.context import pseudonym

    for m in _KIN_TITLED.finditer(text):
        name = m.group("n")
        if name.lower() in PERSON_WORDS or name.upper() in acronyms() or pseudonym(name):
            continue
        yield _hit("name", text, m.start(), m.end())


#: What follows "known as" or "called" without being a name.
_NOT_NICKNAMES = frozenset(
    "the a an child adult mother father in to for on by as it this that these their his her "
    "children's social care police operation back monday tuesday wednesday thursday friday "
    "saturday sunday january february march april may june july august september october "
    "november december".split()
)


# --------------------------------------------------------------------------- given names

#: Given names that are also English words, and so pass the rules that look for
#: words that are not English ("Will", "Summer", "Hope").
WORD_NAMES = frozenset(
    """
    will hope faith grace summer autumn river storm sky rain ocean rowan jude precious
    blessing favour favor gift comfort patience mercy joy unity peace destiny harmony
    dawn ruby amber holly ivy daisy poppy rose lily willow hazel heather jasmine crystal
    star angel jay robin rocky rocco sonny sunny honey bliss miracle marvel justice
    reign royal king prince princess duke earl chase hunter mason archer ash phoenix
    bear wolf fox raven sage clay reed frank mark grant august april may june blue
    verity prudence constance charity felicity honour honor clemency serenity trinity
    liberty melody
    """.split()
)

#: What a person feels or does, after a name (shared by the two rules below).
_FEELING = r"(?:crying|screaming|upset|frightened|scared)"
_RAN = r"ran[ \u00a0]+(?:away|off|out|home)"
_SPEECH = re.compile(
    r"[ \u00a0]+(?:said|says|told|tells|disclosed|discloses|explained|explains|described|"
    r"reported that|asked|cried|screamed|shouted|whispered|admitted|denied|alleged|"
    r"was interviewed|was spoken to|was seen alone|was seen by|was found|was reported missing|"
    r"was taken|was not brought|was arrested|pointed|nodded|shrugged|"
    r"would[ \u00a0]+(?:hide|not|often|always|never|sometimes|tell|say|cry|run|go)|"
    r"(?:was|had[ \u00a0]+been|has[ \u00a0]+been)[ \u00a0]+(?:"
    rf"{_FEELING}|excluded|placed|removed|referred|admitted|discharged|left[ \u00a0]+alone|"
    r"brought[ \u00a0]+to|taken[ \u00a0]+to|living|missing)|"
    rf"{_RAN}|(?:called|dialled|rang|phoned)[ \u00a0]+999)\b"
)
#: Before a quoted word, a verb of seeing or meeting a person ('recognised "Skinny"').
_SEEN = re.compile(r"\b(?:recognised|recognized|spotted|met|told|asked|messaged)[ \u00a0]*['\"‘“]$")
#: After a quoted word, what only a person does ('"Moo" had been crying').
_ACTS = re.compile(
    r"[ \u00a0]+(?:said|says|told|cried|screamed|shouted|whispered|pointed|nodded|shrugged|"
    rf"(?:was|had[ \u00a0]+been)[ \u00a0]+{_FEELING}|{_RAN})\b"
)
#: "Poppy, the youngest,": a child described by their place among the children.
_APPOSITIVE = re.compile(
    r",[ \u00a0]+(?:the|his|her|their)[ \u00a0]+(?:youngest|eldest|oldest|middle[ \u00a0]+child|"
    r"older[ \u00a0]+(?:sister|brother|sibling)|younger[ \u00a0]+(?:sister|brother|sibling)|"
    r"twin|baby|new-?born|step-?(?:son|daughter))\b"
)
#: A preposition of time or place before a word ("In May, ..."): no person.
_WHEN_BEFORE = re.compile(
    r"\b(?:in|on|by|from|until|since|during|after|before|at)[ \u00a0]+$", re.I
)
_CAPITAL_NEXT = re.compile(r"[ \u00a0]+[A-Z]")
#: Word names that are also what a verb acts on in a brief ("referred May's
#: figures", "found Will's ..."): months and words read as verbs or nouns first.
_NOT_OBJECTS = frozenset("april may june august will mark grant frank justice".split())
#: After a quoted word: '"Tank" was the name the dealers used'.
_WAS_THE_NAME = re.compile(
    r"[ \u00a0]+(?:was|is)[ \u00a0]+(?:the|his|her|their)[ \u00a0]+"
    r"(?:nick-?|street[ \u00a0]+|online[ \u00a0]+)?name\b"
)
#: "It was Archer who called": a cleft sentence puts a person before "who".
_CLEFT_BEFORE = re.compile(r"\b[Ii]t[ \u00a0]+(?:was|is)[ \u00a0]+$")
_CLEFT_AFTER = re.compile(r"[ \u00a0]+who\b")
_AGED = re.compile(
    r"(?:,|[ \u00a0]?\()[ \u00a0]*aged[ \u00a0]+(?:\d{1,2}|[a-z]+)\b"
    # "Poppy-Jo (3) seen in": a child's age alone in brackets
    r"|[ \u00a0]\((?:1[0-7]|[0-9])(?:[ \u00a0]*(?:yrs?|years?|months?))?\)"
    # "Sophie, 15, said": an age alone between commas
    r"|,[ \u00a0]+\d{1,2},[ \u00a0]+(?=[a-z])"
)
#: An age given after a name: "Justice was 16 and ...", "Tyler had just turned 12,".
_AGE_AFTER = re.compile(
    r"[ \u00a0]+(?:was|is|had[ \u00a0]+(?:just[ \u00a0]+)?turned|turned)[ \u00a0]+"
    r"(?:1[0-7]|[1-9])(?:[ \u00a0]+years?[ \u00a0]+old)?"
    r"(?=[ \u00a0]*(?:[,.;)]|and\b|when\b|at[ \u00a0]+the[ \u00a0]+time\b|$))"
)
#: An age written before a name: "Three-year-old Precious", "the 14-year-old Kacper".
_AGE_BEFORE = re.compile(
    r"\b(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen)[- \u00a0](?:year|month|week)s?[- \u00a0]old"
    r"[ \u00a0]+$",
    re.I,
)
_CLAUSE = re.compile(
    r"(?:^|[.!?:;,\n\"“(]|\b(?:[Tt]hen|[Aa]fterwards|[Ll]ater|[Tt]hat|[Ww]hen|and|but)[ \u00a0]*,?)"
    r"[ \u00a0\t]*$"
)
_CAPITAL_WORD = re.compile(r"(?<![\w'’-])(?P<w>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w'’-])")
_TITLES = frozenset("dr mr mrs ms miss mx prof sir dame lord lady rev".split())
#: A person spoken to, seen or met, named straight after the verb ("the officer
#: spoke to Mehwish", "staff asked Dariusz"): in that place a capitalised word
#: that is no dictionary word, area, title or body of the sector is a name.
_SPOKEN_TO = re.compile(
    r"\b(?:spoke|speak|speaks|speaking|talked|talking|chatted)[ \u00a0]+(?:to|with)[ \u00a0]+$"
    r"|\b(?:told|asked|saw|sees|visited|met|meets|phoned|rang|texted|messaged|collected|"
    r"hugged|hit|slapped|kicked|grabbed|pushed|shouted[ \u00a0]+at|blamed|believed|"
    r"interviewed|reassured|comforted|referred|drove|found|weighed|examined|"
    # a child taken, handed or cared for ("took Riley to the clinic")
    r"known|knew|took|handed|carried|fed|bathed|dressed|(?:picked|dropped)[ \u00a0]+(?:up|off)|"
    r"(?:closed[ \u00a0]+the[ \u00a0]+case|concerns)[ \u00a0]+(?:on|about))[ \u00a0]+$"
)
#: Someone's relative, named straight after ("Child AA's sister, Star", "her son
#: Leo"): the possessive makes the relation a person's, so the capital is a name.
#: A relative's word ("sister", "best friend"), with how old or close they are
#: ("little sister", "older brother").
KIN = (
    r"(?:(?:little|big|baby|older|younger|elder|eldest|youngest|twin|new|best)[ \u00a0-]+)?(?:"
    r"mother|father|mum|dad|sister|brother|half-sister|half-brother|stepsister|stepbrother|"
    r"son|daughter|partner|ex-partner|boyfriend|girlfriend|husband|wife|stepfather|stepmother|"
    r"stepdad|stepmum|grandmother|grandfather|nan|nana|grandma|grandad|aunt|auntie|aunty|"
    r"uncle|cousin|niece|nephew|friend|best friend|neighbour|baby|twin|sibling|carer)"
)
#: A possessive before a relative's word: "her son", "Child AA's sister".
KIN_OF = rf"(?:['’]s|\b(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Yy]our|[Oo]ur))[ \u00a0]+{KIN}"
_KIN_BEFORE = re.compile(rf"{KIN_OF}[ \u00a0]*,?[ \u00a0]*$")


def _given_names(text: str) -> Iterator[Hit]:
    from checks.anonymise.context import (
        _NOT_IN_NAMES,
        ACRONYMS,
        ordinary,
    )
    from checks.anonymise.recognise import sector_word

    for m in _CAPITAL_WORD.finditer(text):
        word, start, end = m.group("w"), m.start(), m.end()
        low = word.lower()
        if low in PERSON_WORDS or low in _NOT_IN_NAMES or word.upper() in ACRONYMS:
            continue
        aged = bool(_AGED.match(text, end) or _AGE_BEFORE.search(text, max(0, start - 30), start))
        aged = aged or bool(
            _AGE_AFTER.match(text, end)
            and low not in _NOT_NICKNAMES  # "in March was 12"
            and (low in WORD_NAMES or not ordinary(word))  # "the Team was 12."
        )
        speaks = bool(_SPEECH.match(text, end)) and bool(
            _CLAUSE.search(text, max(0, start - 14), start)
        )
        kin = bool(_KIN_BEFORE.search(text, max(0, start - 40), start))
        spoken_to = bool(_SPOKEN_TO.search(text, max(0, start - 30), start))
        speaks = speaks or bool(
            _CLEFT_AFTER.match(text, end) and _CLEFT_BEFORE.search(text, max(0, start - 10), start)
        )
        kin = kin or bool(
            _APPOSITIVE.match(text, end)
            and low not in _NOT_NICKNAMES  # "In May, the baby was admitted"
            and not _WHEN_BEFORE.search(text, max(0, start - 12), start)
        )
        if not (aged or speaks or kin or spoken_to):
            continue
        # Spoken to, only a word that is nothing else: not a dictionary word (bar
        # the word names: "drove Summer to"), an area, or a body or role of the
        # sector (public names are let through later).
        if not (aged or speaks or kin) and (
            (
                ordinary(word)
                and (
                    (low not in WORD_NAMES and word not in given_names())
                    or low in _NOT_OBJECTS
                    # "found Grace Church volunteers": a word name opening a proper name
                    or _CAPITAL_NEXT.match(text, end)
                )
            )
            or fold(word) in areas()
            or sector_word(low)
            or low in _TITLES
        ):
            continue
        # An area or a body speaks too ("Kent said it would fund it").
        if (
            (fold(word) in areas() or sector_word(low))
            and word not in given_names()
            and not (aged and low in WORD_NAMES)  # "Justice was 16": a body has no age
        ):
            continue
        if aged and low.endswith("s") and ordinary(word) and low not in WORD_NAMES:
            continue  # "Pupils, aged 11 to 16": a group
        if not aged and ordinary(word) and low not in WORD_NAMES and word not in given_names():
            continue  # "Police said", "Staff told": bodies and groups speak too
        yield _hit("name", text, start, end)


# --------------------------------------------------------------------------- lower case

_LOWER_WORD = re.compile(r"(?<![\w'’-])(?:o'|mc|mac|al-|el-)?[a-z]{3,}(?:-[a-z]{2,})?(?![\w-])")
#: Words after which a person is named ("about jack thornbury", "met harvey nolan").
_LOWER_CUE = re.compile(
    r"\b(?:about|re|for|with|to|met|named|name|mention|mentions|mentioned|that|say|says|"
    r"said|saw|visited|from|by|concerning|regarding|and|told|asked|called|phoned|of)"
    r"[ \u00a0]+$"
)
#: What follows a person named in lower case: a verb of the person, or a possession.
_LOWER_AFTER = re.compile(
    r"(?:'s\b|[ \u00a0]+(?:was|is|had|has|said|says|told|missed|declined|attended|lives|lived|"
    r"gave|disclosed|refused)\b)"
)


def _lower_names(text: str) -> Iterator[Hit]:
    from checks.anonymise.context import ACRONYMS, ordinary
    from checks.anonymise.recognise import sector_word

    words = list(_LOWER_WORD.finditer(text))
    for m1, m2 in itertools.pairwise(words):
        if text[m1.end() : m2.start()] not in (" ", "\u00a0"):
            continue
        a, b = m1.group(0), m2.group(0)
        if any(w in PERSON_WORDS or w.upper() in ACRONYMS or sector_word(w) for w in (a, b)):
            continue
        if a in _LOWER_STOP or b in _LOWER_STOP:
            continue
        given = "-".join(p.capitalize() for p in a.split("-")) in given_names()
        particle = b.startswith(("o'", "mc", "mac", "al-", "el-"))
        family = b.capitalize() in surnames() or particle
        strange_a, strange_b = not ordinary(a), not ordinary(b)
        cued = bool(_LOWER_CUE.search(text, max(0, m1.start() - 14), m1.start()))
        if cued and (strange_b or particle):
            # "about ruby whitfield", "that musa kamara": after a word that names
            # someone, a surname that is not English (or has a particle) is enough.
            yield _hit("name", text, m1.start(), m2.end())
            continue
        if not ((given or strange_a) and (family or strange_b)):
            continue
        if not (strange_a or strange_b or (given and family)):
            continue
        if not cued and not _LOWER_AFTER.match(text, m2.end()):
            continue
        yield _hit("name", text, m1.start(), m2.end())


#: Function words, which a name never is.
_LOWER_STOP = frozenset(
    "the and for with that this from into onto was were are has had have not but who whom "
    "whose which what when where while his her hers their them they she him you your our "
    "its any all some each every one two three four five six seven eight nine ten".split()
)


# --------------------------------------------------------------------------- families

_FAMILY = re.compile(
    r"\b(?:[Tt]he)[ \u00a0]+(?P<n>[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*)"
    r"(?:[ \u00a0]+(?:family|household|families|children|siblings|twins)\b|(?<=s)(?='|’|\b))"
)


#: Kinds of family that are nouns, written with a capital in a title or heading.
_FAMILY_KINDS = frozenset(
    """foster birth host kinship adoptive adopter adopters traveller travellers gypsy roma
    refugee migrant asylum military forces service army navy step blended nuclear
    respite link support supporting troubled partner partnership programme placement
    receiving sending care carer carers school church faith community""".split()
)


def _families(text: str) -> Iterator[Hit]:
    from checks.anonymise.context import (
        _NOT_IN_NAMES,
        ACRONYMS,
        adjectives,
        ordinary,
    )

    for m in _FAMILY.finditer(text):
        name = m.group("n")
        low = name.lower()
        if low in PERSON_WORDS or low in _NOT_IN_NAMES or name.upper() in ACRONYMS:
            continue
        after = text[m.end("n") : m.end("n") + 12]
        plural = not re.match(
            r"[ \u00a0]+(?:family|household|families|children|siblings|twins)", after
        )
        if plural:
            # "the Hendersons", "the Walshes": a surname in the plural.
            stem = re.sub(r"(?:es|s)$", "", name)
            if stem == name or not name.endswith("s"):
                continue
            if ordinary(name) and stem not in surnames() and name[:-1] not in surnames():
                continue  # "the Services", "the Police"
            following = re.match(r"[ \u00a0]+([A-Z][A-Za-z]*)", after)
            if following and ordinary(following.group(1)):
                continue  # "the Hendersons Group": part of a longer name
        elif low in _FAMILY_KINDS or (
            ordinary(name)
            and name not in surnames()
            and "household" not in after
            and (low in adjectives() or low.endswith(("ing", "ed")))
        ):
            # "the Foster family", "the Polish family", "the Troubled Families":
            # a kind of family ("household" follows a family's name, not a kind).
            # A noun alone is a surname here ("the Tallis family"), though it is
            # also in the dictionary.
            continue
        yield _hit("name", text, m.start("n"), m.end("n"))
    from checks.anonymise.recognise import sector_word

    for m in _TITLED_FAMILY.finditer(text):
        # "Rowse Family Task Group": a group's title, or a heading, naming a family
        # with a capital "Family". A kind of family ("Foster Family", "Extended
        # Family"), a dictionary word that is no surname ("Think Family", "Early
        # Help Family Hub") or an area ("Kent Family Hubs") names none.
        name = m.group("n")
        low = name.lower()
        if (
            low in PERSON_WORDS
            or low in _NOT_IN_NAMES
            or low in _FAMILY_KINDS
            or low in _LOWER_STOP
            or name.upper() in ACRONYMS
            or fold(name) in areas()
            or sector_word(low)
            or (ordinary(name) and name not in surnames())
        ):
            continue
        yield _hit("name", text, m.start("n"), m.end("n"))
    for m in _HOUSEHOLD.finditer(text):
        # "Page household" with no "the" (a label: an action owner's role): a
        # surname on the list before "household" names the family.
        if m.group("n") in surnames() and m.group("n").lower() not in _FAMILY_KINDS:
            yield _hit("name", text, m.start("n"), m.end("n"))


#: A capitalised word straight before "Family" with a capital (a title).
_TITLED_FAMILY = re.compile(
    r"(?<![\w'’-])(?P<n>[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*)[ \u00a0]+(?:Family|Families)\b"
)
#: A capitalised word straight before "household", with no "the" before it.
_HOUSEHOLD = re.compile(
    r"(?<![Tt]he[ \u00a0])\b(?P<n>[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*)[ \u00a0]+household\b"
)


# --------------------------------------------------------------------------- scripts

#: Scripts the gate reads: Latin (with its accents), and Greek and Cyrillic
#: letters only where they stand for Latin ones (checks.anonymise.normalise).
_READ = ("LATIN",)
#: Latin letters the gate cannot read either: drawn turned or reversed, or from
#: the phonetic alphabet (U+0250 to U+02AF), as upside-down and mirror-writing
#: generators use them ("ɐɹɐuǝs").
_DRAWN = ("TURNED", "REVERSED", "INVERTED")


def _unreadable(ch: str) -> bool:
    if not ch.isalpha() or ch.isascii():
        return False
    if 0x250 <= ord(ch) <= 0x2AF:
        return True
    name = unicodedata.name(ch, "")
    return name.split(" ")[0] not in _READ or any(w in name.split() for w in _DRAWN)


def _scripts(text: str) -> Iterator[Hit]:
    last = -1  # where the last hit ended: a word with two runs is one hit
    start = -1
    for i, ch in enumerate(text + " "):
        foreign = _unreadable(ch)
        if foreign and start < 0:
            start = i
        elif (
            not foreign
            and start >= 0
            and not (ch in "\u200c\u200d" or unicodedata.category(ch) in ("Mn", "Mc"))
        ):
            run = text[start:i]
            start = -1
            # A word written in look-alike letters is folded to Latin and read.
            if needs_normalising(run) and normalise(run).text.isascii():
                continue
            # The whole word, plain letters and all ("ɐɹɐuǝs" has a "u" and an "s").
            lo, hi = i - len(run), i
            while lo > 0 and text[lo - 1].isalpha():
                lo -= 1
            while hi < len(text) and text[hi].isalpha():
                hi += 1
            if lo >= last:
                yield _hit("script", text, lo, hi)
                last = hi


# --------------------------------------------------------------------------- venues

_LOWER_VENUE = re.compile(
    r"(?P<name>(?:[A-Z][a-z'’]+[ \u00a0]+){0,3}[A-Z][a-z'’]+)[ \u00a0]+"
    r"(?P<kind>takeaway|take-away|pub|restaurant|café|cafe|chippy|chip shop|bar|nightclub|"
    r"shop|off-licence|off licence|barbers|barber's|salon|kebab shop|car wash|garage|gym)\b"
)
_WORSHIP = re.compile(
    r"(?P<name>(?:[A-Z][a-z'’]+[ \u00a0]+){1,3})(?:Fellowship|Tabernacle|Ministries|Assembly|"
    r"Gospel Hall|Kingdom Hall|Gurdwara|Mandir|Masjid|Madrassa|Madrasah)\b"
)
_PUB = re.compile(
    r"\b(?:at|in|to|from|near|outside|behind|inside|above)[ \u00a0]+the[ \u00a0]+"
    r"(?P<p>[A-Z][a-z]+[ \u00a0]+(?:and|&)[ \u00a0]+[A-Z][a-z]+)(?![ \u00a0]+[A-Z])"
    # "the beer garden of the Swan and Anchor.": after "of", only where the name ends
    # the phrase ("of the Police and Crime Commissioner" goes on).
    r"|\b(?:of|by|opposite|beside|past)[ \u00a0]+the[ \u00a0]+"
    r"(?P<q>[A-Z][a-z]+[ \u00a0]+(?:and|&)[ \u00a0]+[A-Z][a-z]+)(?=[ \u00a0]*(?:[,.;:!?)]|$))"
)


def _venues(text: str) -> Iterator[Hit]:
    from checks.anonymise.context import _NOT_IN_NAMES, ordinary
    from checks.anonymise.recognise import sector_word

    def generic(word: str) -> bool:
        w = word.lower().strip("'’s")
        return w in PERSON_WORDS or w in _NOT_IN_NAMES or sector_word(w) or w in _LEADING

    for pattern in (_LOWER_VENUE, _WORSHIP):
        for m in pattern.finditer(text):
            words = m.group("name").split()
            while words and words[0].lower() in _LEADING:
                words.pop(0)
            if not words or all(generic(w) for w in words):
                continue
            name = m.group("name").rstrip()
            start = m.start("name") + len(name) - len(" ".join(words))
            if (
                pattern is _LOWER_VENUE
                and len(words) == 1
                and ordinary(words[0])
                and not re.search(r"\bthe[ \u00a0]+$", text[:start])
            ):
                continue  # "a chicken shop": a kind of place, not a named one
            yield _hit("place", text, start, m.end())
    for m in _PUB.finditer(text):
        group = "p" if m.group("p") else "q"
        words = [w for w in m.group(group).split() if w not in ("and", "&")]
        if any(generic(w) for w in words):
            continue
        yield _hit("place", text, m.start(group), m.end(group))


_LEADING = frozenset("the a an at in of to from by and or on".split())


# --------------------------------------------------------------------------- areas of home


@cache
def _home_areas() -> re.Pattern[str]:
    """The local authority areas (``areas.yaml``, without its nations and regions),
    as they are written, capitalised."""
    names = sorted(
        (
            str(n)
            for group, entries in package_yaml(AREAS).items()
            if group != "nations_and_regions"
            for n in entries or ()
        ),
        key=len,
        reverse=True,
    )
    words = (r"[ \u00a0]+".join(map(re.escape, n.split())) for n in names)
    return re.compile(r"(?<![\w-])(?:" + "|".join(words) + r")(?![\w-])")


_FROM_AN_AREA = re.compile(r"\bfrom[ \u00a0]+(?:the[ \u00a0]+)?$", re.I)
_AN_AREA_AFTER = re.compile(r"^[^.!?;\n]{0,30}?\barea\b", re.I)


def _areas_of_home(text: str) -> Iterator[Hit]:
    """A local authority area in a sentence about where a family lived ("they lived
    in the Bolton Council area", "moved into the Rochdale partnership's area"), or
    named as the area someone came from ("from the Bury partnership's area"). The
    model reads the town there as part of a body's name and says nothing; the
    allow list would keep it a finding if it had (allow.in_area). Only the
    residence words count here (allow.RESIDENCE), not "home" or "placed": with
    no word from the model, "home visits in the Bolton area" is a service."""
    for m in _home_areas().finditer(text):
        start = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        ends = [i for i in (text.find(". ", m.end()), text.find("\n", m.end())) if i >= 0]
        sentence = text[start : min(ends, default=len(text))]
        words = set(re.findall(r"[^\W\d_]+", sentence.lower()))
        came_from = _FROM_AN_AREA.search(text, max(0, m.start() - 12), m.start()) and (
            _AN_AREA_AFTER.match(text[m.end() : m.end() + 40])
        )
        if words & RESIDENCE or came_from:
            yield _hit("place", text, m.start(), m.end())


# --------------------------------------------------------------------------- handles

#: An account name after a word that says one follows ("his gaming tag,
#: xXSniperKingXx"): a word with a capital inside it, a digit or an underscore.
_TAGGED = re.compile(
    r"\b(?:gaming[ \u00a0]+tag|gamer[ \u00a0]?tag|tag|user[ \u00a0]?name|screen[ \u00a0]+name|"
    r"account[ \u00a0]+name|profile[ \u00a0]+name|display[ \u00a0]+name|handle|PSN[ \u00a0]+ID|"
    r"Xbox[ \u00a0]+name)(?:[ \u00a0]+(?:was|is))?[ \u00a0,:]+[\"'“‘]?"
    r"(?P<h>[A-Za-z0-9_.]*(?:[a-z][A-Z]|\d|_)[A-Za-z0-9_.]*)",
    re.I,
)
#: A profile's address: "instagram.com/lil.miss.k", "tiktok.com/@someone".
_PROFILE_URL = re.compile(
    r"(?:https?://)?(?:www\.)?(?:instagram|tiktok|facebook|fb|snapchat|twitter|x|youtube|"
    r"twitch|threads|linkedin|reddit|onlyfans|pinterest|tumblr|vm\.tiktok)\.com/"
    r"(?:u/|user/|add/|@)?[A-Za-z0-9_.@-]*[A-Za-z0-9_]",
    re.I,
)


def _handles(text: str) -> Iterator[Hit]:
    for m in _PROFILE_URL.finditer(text):
        yield _hit("handle", text, m.start(), m.end())
    for m in _TAGGED.finditer(text):
        if m.group("h").upper() in acronyms():
            continue
        yield _hit("handle", text, m.start("h"), m.end("h"))


# --------------------------------------------------------------------------- dates in words

_ORDINAL_WORDS = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    r"twenty[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth|"
    r"thirty[- ]first)"
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)"
)
_WORD_DATE = re.compile(
    rf"\b(?:the[ \u00a0]+)?{_ORDINAL_WORDS}[ \u00a0]+(?:day[ \u00a0]+)?of[ \u00a0]+{_MONTH}"
    r"(?:,?[ \u00a0]+(?:19|20)\d\d)?\b",
    re.I,
)
_BORN = re.compile(r"(?:born|birth|d\.?o\.?b\.?|died|death|birthday)[^.\n]{0,30}$", re.I)


def _word_dates(text: str) -> Iterator[Hit]:
    for m in _WORD_DATE.finditer(text):
        start = m.start() + (4 if m.group(0).lower().startswith("the") else 0)
        born = _BORN.search(text, max(0, m.start() - 40), m.start())
        yield _hit("birth-or-death-date" if born else "event-date", text, start, m.end())


def find(text: str) -> list[Hit]:
    """Every rule's hits in ``text``."""
    hits: list[Hit] = []
    if any(c.isupper() for c in text):
        hits += _initials(text)
        hits += _nicknames(text)
        hits += _kin_titled(text)
        hits += _given_names(text)
        hits += _families(text)
        hits += _venues(text)
        hits += _areas_of_home(text)
        hits += _quoted_names(text)
        if "Lil" in text:
            hits += _lil_names(text)
    if any(c.isdigit() for c in text):
        hits += _references(text)
    hits += _lower_names(text)
    if "." in text or "tag" in text.lower() or "name" in text.lower() or "handle" in text:
        hits += _handles(text)
    if " of " in text:
        hits += _word_dates(text)
    if not text.isascii():
        hits += _scripts(text)
    return hits
