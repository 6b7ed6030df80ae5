"""Rules that find a detail by how it is written, not by looking it up in a list.

The named-entity recogniser (checks.anonymise.recognise) finds most full names
and towns; these rules cover what a small statistical model misses and what
briefs write in a few recognisable shapes:

- a title with a surname ("Mrs Brzęczek", "Dr Oyelaran"), a relative or role
  with a name in brackets ("Mum (Amira)"), "Baby" with a name, a capitalised
  word that is not an English word in the place of a person ("Radosław was
  seen", "Radosław's mother"), two capitalised words in a row that are not
  ordinary words;
- initials ("J.S.", and "JS" where a person stands), nicknames in quotes
  after "known as" and the like, social media handles;
- house and flat numbers with any street name, streets by their street word;
- estates, hotels, community centres, surgeries, hospitals and other venues by
  the word that says what they are; partial postcodes where a place is meant;
- schools and nurseries however named ("... Catholic Primary", "... High");
- vehicle registrations, hospital numbers, case and crime references by the
  word before them; day-precise dates.

"Child A", "Mother B", "Adult C" (one capital letter after a person word) are
the accepted pseudonyms and are never a finding.

Names with letters outside ASCII ("Chloë", "Michał") are matched on a copy of the
text in which each letter is replaced, one for one, by an ASCII letter of the
same case (:func:`ascii_shape`), so the patterns need only ASCII classes and
every span is the same in both.

A word is "ordinary" when it is in WordNet's lists of English nouns, verbs,
adjectives and adverbs (shipped with the spaCy model as its lemmatiser's index)
or is a function word. WordNet also lists many given names and places, so a
capitalised word that is ordinary still counts as a name where the context says
so (a title before it, "was seen" after it, or a given name from Faker's lists).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator
from functools import cache

from checks.anonymise import cues
from checks.anonymise.detectors import Hit
from checks.anonymise.names import given_names, street_suffixes, surnames, world_given_names
from checks.anonymise.pseudonyms import LETTER, PERSON_WORDS, doubled_after_person

# --------------------------------------------------------------------------- words


@cache
def english_words() -> frozenset[str]:
    """Lower-case English words: WordNet's index as the spaCy model ships it, and
    spaCy's stop words. A model whose word lists cannot be read is
    :class:`ModelUnavailable`: the gate stops rather than read every word as a
    possible name, or pass text it did not read."""
    words: set[str] = set()
    try:
        from spacy.lang.en.stop_words import STOP_WORDS
        from spacy.lookups import Lookups
        from spacy.util import get_package_path

        from checks.anonymise.model import model_name

        root = get_package_path(model_name())
        for folder in root.glob("*/lemmatizer/lookups"):
            lookups = Lookups().from_disk(folder)
            for entries in lookups.get_table("lemma_index").values():
                words.update(w for w in entries if "_" not in w)
            # Irregular forms ("slept", "children", "better"), by part of speech.
            for forms in lookups.get_table("lemma_exc").values():
                words.update(w for w in forms if "_" not in w)
        words.update(STOP_WORDS)
    except (ImportError, OSError, ValueError, KeyError) as exc:
        raise _unreadable(exc) from None
    return frozenset(words)


def _unreadable(exc: Exception) -> Exception:
    from checks.anonymise.model import ModelUnavailable, model_name

    return ModelUnavailable(
        f"the language model {model_name()!r} has word lists that cannot be read "
        f"({type(exc).__name__}: {exc}); run `make setup`"
    )


@cache
def adjectives() -> frozenset[str]:
    """Lower-case English adjectives (WordNet's, as the spaCy model ships them):
    "Polish", "Muslim", "Extended" before "family" describe one; a surname does not."""
    try:
        from spacy.lookups import Lookups
        from spacy.strings import hash_string  # type: ignore[attr-defined]
        from spacy.util import get_package_path

        from checks.anonymise.model import model_name

        words: set[str] = set()
        for folder in get_package_path(model_name()).glob("*/lemmatizer/lookups"):
            table = Lookups().from_disk(folder).get_table("lemma_index")
            words.update(w for w in table.get(hash_string("adj"), ()) if "_" not in w)
        return frozenset(words)
    except (ImportError, OSError, ValueError, KeyError) as exc:
        raise _unreadable(exc) from None


def ordinary(word: str) -> bool:
    """An English word or a function word, in any letter case, also inflected
    ("Assessments", "disclosed", "visiting": WordNet lists only the lemma)."""
    w = word.lower().strip("'’")
    if w.endswith(("'s", "’s")):
        w = w[:-2]
    known = english_words()
    if w in known or w in _EXTRA_WORDS:
        return True
    if "-" in w:
        # "non-verbal", "post-natal", "self-harm": English words and prefixes.
        parts = [p for p in w.split("-") if p]
        return bool(parts) and all(p in _PREFIXES or ordinary(p) for p in parts)
    return any(
        w.endswith(end) and len(w) > len(end) + 2 and w[: -len(end)] + add in known
        for end, add in _INFLECTIONS
    )


#: Prefixes written with a hyphen.
_PREFIXES = frozenset(
    "multi pre post non co inter anti cross self sub over under re ex semi mid out "
    "counter de dis mis un well part full half step".split()
)

#: Endings of plurals and verb forms, and what the lemma ends with instead.
_INFLECTIONS = (
    ("s", ""),
    ("es", ""),
    ("ies", "y"),
    ("ed", ""),
    ("ed", "e"),
    ("d", ""),
    ("ied", "y"),
    ("ing", ""),
    ("ing", "e"),
    ("er", ""),
    ("r", ""),
    ("st", ""),
    ("ers", ""),
    ("ly", ""),
)


#: Words of these documents that WordNet lacks (plurals, British spellings, the
#: sector's own words), so that they never read as names.
_EXTRA_WORDS = frozenset(
    """
    practitioners professionals agencies partners parents carers families children
    siblings workers officers visitors nurses teachers leaders managers colleagues
    safeguarding organisations organisation recognise recognised behaviour centre
    programme neighbour neighbours colour favour honour labour paediatric paediatrician
    paediatrics practise licence defence offence judgement anaesthetic
    mum mums dad dads nan nana grandad grandma grandpa stepdad stepmum
    covid whatsapp online offline ofsted cafcass childline
    snapchat tiktok instagram facebook youtube twitter discord telegram roblox fortnite
    minecraft xbox playstation twitch reddit whatsapps
    shall ought shan't
    """.split()
)

#: Titles before a surname. Those that are also ordinary nouns ("Nurse") count
#: only before a word that is not one ("Nurse Practitioner" is a job).
_HONORIFICS = (
    "Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Revd|Rev|Reverend|Cllr|Councillor|Sgt|PC|DC|DS|DI|"
    "DCI|PCSO|Sir|Dame|Imam|Rabbi|Pastor|Fr|Mme|Mlle|Herr|Frau|Pani|Pan|Sr|Sra|Sheikh|Hajji?"
)
_ROLE_TITLES = (
    "Doctor|Nurse|Sister|Father|Mother|Brother|Judge|Inspector|Sergeant|Constable|"
    "Detective|Officer|Auntie|Aunty|Aunt|Uncle|Nan|Nana|Nanny|Grandma|Grandad|Granny|"
    "Grandpa|Cousin|Teacher|Coach|Midwife"
)

#: Acronyms of the sector, which look like initials.
ACRONYMS = frozenset(
    """
    GP GPS DSL DSLS IRO ICB NHS MASH CAMHS CSC SW HV PC DC DS DI DCI PCSO LA LAS CP CIN LAC CLA
    EHCP EHC SEN SEND SENCO SENCOS YOS YJS YJT DA DV IDVA ISVA MARAC MAPPA LADO CSE CCE NRM ACE
    ACES ASB CPN OT SALT ADHD ASD PTSD ICPC RCPC CPP SGO FGC TAF EHA UK US USA EU A&E ED AE ICU
    NICU SCBU PICU MP MPS CEO CPS PRU AP KS KS1 KS2 KS3 KS4 GCSE GCSES SATS SATS OK TV PE RE IT
    ICT DBS DBT CBT PPE SUDI SIDS HMP YOI STC SCH LSCB LSCP SCP CSPR CSPRP LCSPR SAR SCR DHR
    DARDR JTAI NSPCC RSPCA DWP HMRC NI NINO MOD RAF ID PIN NFA NPS CRC NCA CEOP IWF VAWG
    TOR TORS LB QA KPI ICO GDPR DPA ECHR UNCRC WHO AM PM ETA BST GMT HR IVF CT MRI X XL XXL
    MGM MGF PGM PGF HMI
    """.split()
)

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DAYS = r"(?:Mon|Tues?|Wed(?:nes)?|Thur?s?|Fri|Sat(?:ur)?|Sun)(?:day)?"
_MONTH_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday "
    "friday saturday sunday".split()
)

# --------------------------------------------------------------------------- shapes


def ascii_shape(text: str) -> str:
    """``text`` with each letter outside ASCII replaced by an ASCII one of the same
    case (its base letter where it has one: "ë" by "e", else "x" or "X"), and
    other characters outside ASCII by a space. Same length, same offsets."""
    if text.isascii():
        return text
    out = []
    for ch in text:
        if ch.isascii():
            out.append(ch)
        elif ch.isalpha():
            base = unicodedata.normalize("NFD", ch)[0]
            if base.isascii() and base.isalpha():
                out.append(base)
            elif ch.isupper():
                out.append("X")
            elif ch.islower():
                out.append("x")
            else:
                out.append("x")  # letters of scripts without case read as lower case
        elif ch in "’‘":
            out.append("'")
        elif ch in "“”«»„":
            out.append('"')
        elif ch in "\u2010\u2011\u2012\u2013":
            out.append("-")
        else:
            out.append(" ")
    return "".join(out)


#: A capitalised word, with its inner capitals and joins: "O'Hanlon",
#: "MacAskill", "Rees-Morgan", "DeShawn". Not a single letter.
# The repeats are bounded (a name has a few inner capitals, "McDonald", "O'Neill-
# MacKenzie"), so that a word of thousands of letters is read in linear time.
W = r"(?:[A-Z][a-z]*(?:'?[A-Z][a-z]+){0,3}[a-z](?:-[A-Z]?[a-z]+(?:'?[A-Z][a-z]+){0,3}){0,3})"
#: A word that may stand inside a name: a capitalised word, or a particle.
_PARTICLE = r"(?:van|von|der|den|de|da|di|du|del|la|le|bin|bint|ibn|al|el|ul|ap|ni|nic|mac|ua)"
NAME = rf"{W}(?:[ \u00a0](?:{_PARTICLE}[ \u00a0])?{W}){{0,3}}"
_CAP = re.compile(W)


def _hit(kind: str, text: str, start: int, end: int) -> Hit:
    return Hit(kind, start, end, text[start:end])


# --------------------------------------------------------------------------- names

_TITLED = re.compile(
    rf"\b(?:(?:{_HONORIFICS})\.?|(?P<role>{_ROLE_TITLES}))[ \u00a0]+(?P<name>{NAME})"
    rf"|\b(?:{_HONORIFICS})\.?[ \u00a0]+(?P<initial>[A-Z]\.?[ \u00a0]?(?:[A-Z]\.?[ \u00a0]?)?{W}"
    r"|[A-Z]\.(?:[ \u00a0]?[A-Z]\.){0,2}|[A-Z]{2,3}(?![\w]))"
)


#: A title in lower case ("police records show mr duda"): prose never writes
#: these words in lower case otherwise ("miss" is left out: it is a verb).
_TITLED_LOWER = re.compile(r"\b(?:mr|mrs|ms|mx|dr)\.?[ \u00a0]+(?P<name>[a-z][a-z'-]+)")


def _titles(text: str, t: str) -> Iterator[Hit]:
    for m in _TITLED_LOWER.finditer(t):
        if m.group("name") not in _LEAD_WORDS:
            yield _hit("name", text, m.start(), m.end())
    for m in _TITLED.finditer(t):
        if m.group("initial"):
            yield _hit("name", text, m.start(), m.end())
            continue
        name = m.group("name")
        words = name.split()
        # "Nurse Practitioner", "Father Christmas": a job, or a word; not a
        # surname that is also a word ("Midwife Lane").
        if (
            m.group("role")
            and ordinary(words[0])
            and words[0] not in given_names()
            and words[0] not in surnames()
        ):
            continue
        if words[0].lower() in _MONTH_WORDS:
            continue
        if words[0].lower() in PERSON_WORDS and not (
            not m.group("role") and words[0] in surnames() and words[0].lower() not in _ROLE_ONLY
        ):
            continue  # "Dr Child" is not a name; "Mr Young", "Ms Friend" are
        yield _hit("name", text, m.start(), m.end())


#: Words for a person that follow a title only as a role, never as a surname.
_ROLE_ONLY = frozenset(
    "child children adult family mother father mum dad baby sibling parent parents carer "
    "person pupil student victim perpetrator practitioner professional worker officer".split()
)


_IN_BRACKETS = re.compile(
    # (?<!...) rather than \b: a match starts only at a word's start, so a hyphenated
    # run of thousands of letters is read once, not once from each hyphen
    r"(?<![A-Za-z-])(?P<who>[A-Za-z-]+)(?:'s [a-z]+)?[ \u00a0]*\([ \u00a0]*"
    rf"(?P<name>{NAME}|[A-Z]\.?[ ]?[A-Z]\.?(?:[ ]?[A-Z]\.?)?)[ \u00a0]*(?:,[^)]{{0,40}})?\)"
)
_BABY = re.compile(rf"\b(?:Baby|baby|BABY)[ \u00a0]+(?P<name>{NAME})")
#: What follows "Baby" in the name of a service or a campaign, not of a child.
_BABY_THINGS = frozenset(
    "clinic clinics bank banks unit units loss group groups massage room box steps week "
    "friendly feeding sleep safe equipment boxes hub café cafe".split()
)
_NAME_THEN_VERB = re.compile(
    rf"(?P<name>{W}(?:-{W})?)(?P<after>'s\b|[ \u00a0]+(?:was|were|had|has|is|said|says|told|"
    r"tells|disclosed|discloses|reported|attended|attends|missed|lived|lives|moved|went|ran|"
    r"stayed|returned|started|began|became|spent|did|didn't|would|could|felt|wanted|asked|"
    r"cried|refused|remained|appeared|presented|arrived|left|joined|described|explained|"
    r"shared|sustained|suffered|needed|showed|stated|alleged|admitted|denied|continued|"
    r"and (?:his|her|their) )\b|, (?:who|aged|then|now|whose)\b"
    r"|, (?:the|his|her|their) (?:eldest|youngest|oldest|middle|older|younger|elder|twin)\b"
    r"|(?P<adverb>[ \u00a0]+(?:rarely|often|never|always|sometimes|usually|repeatedly)\b))"
)
#: What only a person does: after a given name that is also a word ("Ivy",
#: "Rowan"), or one the model took for a place ("Phoenix"), these say it is the
#: person. Not "was", "had", "is": "Florence was" may be the city.
_HUMAN_AFTER = re.compile(
    r"(?:'s[ \u00a0]+(?:mum|mother|dad|father|brother|sister|siblings?|grandmother|"
    r"grandfather|nan|aunt|uncle|cousin|stepfather|stepmother|partner|carer|teacher|"
    r"social worker|school|bedroom|friends?)|[ \u00a0]+(?:said|says|told|tells|disclosed|"
    r"discloses|cried|refused|asked|wanted|felt|missed|attended|ran away|went missing|"
    r"explained|admitted|denied|alleged|whispered|shouted|screamed|(?:was|had been|were) "
    r"(?:excluded|seen|spoken to|interviewed|asked|found|taken|missing|reported missing|"
    r"not brought|arrested|bullied|hit|hurt|scared|frightened|upset|hungry|described|"
    r"observed|assessed|diagnosed|admitted|born|injured|bruised|adopted|fostered|"
    r"accommodated|looked after|removed|placed|subject to|known to|referred|groomed|"
    r"exploited|neglected|abused|withdrawn|quiet|tired|unkempt|often|rarely|never)|, (?:the|his|"
    r"her|their) (?:eldest|youngest|oldest|middle|older|younger|elder|twin)))\b"
)
#: A case's code or a reference after a name ("Ripple CR1234, aged 3"): no word
#: of the sentence, so the rules look past it.
_CODE_AFTER = r"(?:[ \u00a0]+[A-Z][A-Z0-9-]*[0-9][A-Z0-9-]*)?"
#: A close relative after a possessive: "Wilder's father" is a child's, whatever
#: the word ("wilder" is English too). Not the sector's "mother and baby unit".
_KIN_AFTER = re.compile(
    rf"'s{_CODE_AFTER}[ \u00a0]+(?:mum|mother|dad|father|brother|sister|half-brother|half-sister|"
    r"stepfather|stepmother|stepdad|stepmum|grandmother|grandfather|nan|nana|gran|grandad|"
    r"grandma|grandpa|aunt|auntie|uncle|cousin|twin)\b(?![ \u00a0]+and[ \u00a0]+baby)"
)


def _kin_of(t: str, word: str, start: int, end: int) -> bool:
    """Whether ``word`` at ``start:end`` is a person named by a relative of theirs:
    not a place's or a body's word ("the Trust's", "England's"), nor one after an
    article."""
    if not _KIN_AFTER.match(t, end) or _DETERMINER_BEFORE.search(t, max(0, start - 12), start):
        return False
    return not (_sector_word(word) or _geography(word) or word.upper() in ACRONYMS)


#: The subject of a clause inside a sentence, where a capital is no sentence's
#: first letter: after "that", "when" and the like, or a comma after a word
#: ("noticed that Willow was", "By ten, Phoenix was caring"); or owning something.
_INNER_SUBJECT_BEFORE = re.compile(
    r"(?:\b(?i:that|whether|when|if|because|while|although|though|until|so|and|but|how|why|"
    r"where|after|before|once|unless|as)[ \u00a0]+|[a-z0-9][,;][ \u00a0]+)$"
)
#: What a clause's subject is followed by: an auxiliary, a verb in the past
#: ("returned", "ate"), or an adverb of how often before one ("rarely ate").
_SUBJECT_AFTER = re.compile(
    r"'s[ \u00a0]+[a-z]|, who\b|[ \u00a0]+(?:(?:rarely|often|never|always|sometimes|usually|"
    r"still|also|then|later|repeatedly|regularly|frequently|first|only)[ \u00a0]+[a-z]|"
    r"was|were|had|has|is|would|could|did|didn't|should|might|may|will|can|does|doesn't|"
    r"[a-z]{2,}ed|ate|ran|went|came|got|saw|said|told|left|sat|slept|hid|took|wrote|made|"
    r"gave|felt|kept|lost|spoke|woke|fell|began)\b"
)


def _subject(t: str, start: int, end: int) -> bool:
    """Whether a given name at ``start:end`` stands where only a person does."""
    if _HUMAN_AFTER.match(t, end):
        return True
    if not _SUBJECT_AFTER.match(t, end):
        return False
    return t.startswith(("'s", ", who"), end) or bool(
        _INNER_SUBJECT_BEFORE.search(t, max(0, start - 12), start)
    )


# An apostrophe inside a word ("O'Neill") is part of it; one after a space or a
# colon opens a quotation ('Mikey hits me'), and the name after it is a name.
_PAIR = re.compile(
    rf"(?<![\w-])(?<!\w')(?P<first>{W})(?:[ \u00a0](?:{_PARTICLE})?)+(?P<rest>{W}(?:[ \u00a0]{W})?)"
)


def _names(text: str, t: str, ents: dict[tuple[int, int], str]) -> Iterator[Hit]:
    yield from _titles(text, t)
    for m in _IN_BRACKETS.finditer(t):
        who = m.group("who").lower()
        name = m.group("name")
        if who not in PERSON_WORDS and not _looks_like_name(name):
            continue
        if len(name.replace(".", "").replace(" ", "")) <= 1 or name.upper() in ACRONYMS:
            continue  # "(A)": a pseudonym's letter; "(MGM)": a grandparent's abbreviation
        if " " not in name and name.isupper() and who not in PERSON_WORDS:
            continue
        yield _hit("name", text, m.start("name"), m.end("name"))
    for m in _BABY.finditer(t):
        first = m.group("name").split()[0]
        if first.lower() in PERSON_WORDS or first.lower() in _BABY_THINGS:
            continue  # "Baby Clinic": a service
        if first.lower() in _NOT_IN_NAMES or first.lower() in _MONTH_WORDS:
            continue
        yield _hit("name", text, m.start(), m.end())
    for m in _NAME_THEN_VERB.finditer(t):
        word = m.group("name")
        start = m.start("name")
        if start and (t[start - 1].isalnum() or t[start - 1] == "-"):
            continue
        if start > 1 and t[start - 1] == "'" and t[start - 2].isalnum():
            continue  # "O'Neill": the end of a name, not one
        if m.group("after") == "'s" and _NAMED_AFTER.match(t, m.end()):
            continue  # "Down's syndrome", "Hodgkin's disease": named after someone, long public
        if _person_word(word) or word.lower() in _MONTH_WORDS:
            continue
        # A word in no English list where only a person stands ("reported that
        # Luwam was waking") is a person, whatever the model took it for.
        human = (given_name(word) or _looks_like_name(word)) and _subject(t, start, m.end("name"))
        human = human or _kin_of(t, word, start, m.end("name"))
        if not (_looks_like_name(word) or word in given_names() or human):
            continue
        if m.group("adverb") and not (
            human or _INNER_SUBJECT_BEFORE.search(t, max(0, start - 12), start)
        ):
            continue  # "Kooth often...": a service; a name inside a sentence, or a given name
        # (The model's organisations are not trusted here: it takes many names
        # it does not know, "Gráinne Ní Mháille" among them, for one.)
        if ents.get((start, m.end("name"))) in {"LOCATION", "OTHER"} and not human:
            continue
        yield _hit("name", text, start, m.end("name"))
    yield from _subjects(text, t)
    yield from _ages(text, t)
    yield from _invited(text, t)
    if "|" in t or "<t" in t.lower():
        yield from _name_columns(text, t)
    yield from _called(text, t)
    yield from _proper_nouns(text, t, ents)
    yield from _capitals(text, t)
    yield from _surnames_first(text, t)
    yield from _with_family(text, t)
    yield from _appositions(text, t)
    for m in _PAIR.finditer(t):
        first, rest = m.group("first"), m.group("rest")
        words = [first, *rest.split()]
        if any(_person_word(w) or w.lower() in _MONTH_WORDS for w in words):
            continue
        if any(w.lower() in _NOT_IN_NAMES for w in words):
            continue
        while words and words[0].lower() in _LEAD_WORDS:
            words.pop(0)  # "The Public Law": not a given name before "Public"
        if len(words) < 2:
            continue
        first = words[0]
        if _CLAUSE_START.search(t, max(0, m.start() - 4), m.start()):
            # A sentence's first word is capitalised anyway: drop it unless it
            # could be a name ("Across Testshire" is not one).
            while (
                len(words) > 1
                and ordinary(words[0])
                and words[0] not in given_names()
                and not (words[0] in world_given_names() and words[1] in surnames())
            ):
                words.pop(0)
            if len(words) < 2:
                continue
            first = words[0]

        # Each word not English, a given name or a surname ("Ezra Okonkwo",
        # "Ivy Zhang"; not "Parenting Toolkit" or "Robust Supervision"), and one
        # word not English or a given name with a surname.
        def namely(w: str) -> bool:
            return (
                not ordinary(w)
                or w in given_names()
                or given_name(w)
                or w in surnames()
                or re.fullmatch(_PARTICLE, w.lower()) is not None
            )

        strange = any(not ordinary(w) for w in words)
        # A first word that is not English before another capitalised word
        # ("Oluwadamilare Eze"): a name, whatever the second word is.
        foreign_first = not ordinary(first) and not any(w.lower() in _NOT_IN_NAMES for w in words)
        named = all(namely(w) for w in words) and (
            strange
            or first in given_names()
            # "Poppy Jenkins"; not "Will Power": a word used as a name ("Will",
            # "Hope") needs a surname that is not a word.
            or (first in world_given_names() and words[-1] in surnames())
        )
        # A word before a surname that is no English word, inside a sentence
        # ("cover for Eglantine Blenkinsop"): a given name the lists lack.
        unlisted_first = (
            len(words) == 2
            and not ordinary(words[1])
            # Names take no article: "the Neglect Toolkit" is a thing.
            and not _DETERMINER_BEFORE.search(t, max(0, m.start() - 12), m.start())
            and not _acronym(words[1])
            and not _CLAUSE_START.search(t, max(0, m.start() - 4), m.start())
            and first.lower() not in _FUNCTION_WORDS
            and not (_geography(first) or _sector_word(first) or _person_word(first))
        )
        if named or foreign_first or unlisted_first or _after_person_cue(t, m.start()):
            start = m.start() + m.group(0).find(first)
            yield _hit("name", text, start, m.end())


_NAMED_AFTER = re.compile(
    r"[ \u00a0]+(?:Law|law|Act|Rule|rule|Principle|principle|Syndrome|syndrome|Disease|disease|"
    r"Palsy|palsy|Test|test|Scale|scale|Theorem|Inquiry|Review|Report|Day|Trust)\b"
)


#: A person's age given after their name: "Marigold was three when", "Rhys was
#: 14 months old". Only an age ends so ("Attendance was ten per cent" does not).
_AGE_AFTER = re.compile(
    rf"(?P<name>{W}){_CODE_AFTER}[ \u00a0]+(?:was|is|had just turned|turned)[ \u00a0]+"
    r"(?:only[ \u00a0]+|just[ \u00a0]+|nearly[ \u00a0]+|almost[ \u00a0]+|barely[ \u00a0]+)?"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|[1-9]|1[0-8])"
    r"(?:[ \u00a0]+(?:years?|months?|weeks?|days?)[ \u00a0-]+old\b|[ \u00a0]+(?:when|at[ \u00a0]+"
    r"the[ \u00a0]+time)\b)"
)


#: An age given beside a word: "Ripple, aged 3", "Cedar (aged 4)".
_AGED = re.compile(
    rf"(?P<name>{W}){_CODE_AFTER}(?:,[ \u00a0]*|[ \u00a0]+\()aged?[ \u00a0]+"
    r"(?:[1-9]|1[0-8]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen)\b"
)


#: An age as a number and its unit, or a number alone.
_AGE_NUMBER = (
    r"(?:[1-9]|1[0-8])(?:[ \u00a0]*(?:years?|yrs?|months?|mths?|weeks?|wks?)"
    r"(?:[ \u00a0]+old)?)?"
)
#: A word alone on its line (a heading, a list item, a table's cell, a note's
#: title) with an age after a comma, a colon or a dash: "### Juno, 4", "- Siskin:
#: 3", '!!! note "Redpoll, 18 months"', "Brambling — 6 months — was seen".
_AGE_ALONE = re.compile(
    rf"(?<![\w'’-])(?P<name>{W}){_CODE_AFTER}(?:,|:|[ \u00a0]*[—–-])[ \u00a0]*{_AGE_NUMBER}"
    r"(?=[ \u00a0]*(?:$|\n|\||[\"'”’)]|[—–-]))",
    re.M,
)
#: An age written short after a word: "Ouzel 4y", "Tansy 18mths".
_AGE_COMPACT = re.compile(
    rf"(?<![\w'’-])(?P<name>{W})[ \u00a0]+(?:[1-9]|1[0-8])(?:y|yo|yrs?|mths?)\b"
)


#: Things a document numbers ("### Step, 2"), where a number after a comma is no age.
_NUMBERED_PARTS = frozenset(
    "step stage part phase level section appendix figure table chapter item priority "
    "recommendation action question finding point tier page week day year term option "
    "round wave area theme group timescale duration period deadline target length time "
    "frequency review version score total count number quorum notice cycle grade "
    # A school year with its age: "Reception (age 4)".
    "reception nursery preschool".split()
)


def _ages(text: str, t: str) -> Iterator[Hit]:
    """A word with a capital whose age is given after it: a person ("Marigold was
    three when the nursery...", "Ripple, aged 3"), whatever the word, unless a
    role, a month, the sector's or a place's, or a plural ("Pupils, aged 11");
    "Child A was four when" is a pseudonym, dropped later."""
    # The ASCII copy reads a dash as a space; "Brambling — 6 months" needs it.
    dashed = t
    if "—" in text or "–" in text:
        dashed = "".join(a if a in "—–" else b for a, b in zip(text, t, strict=True))
    alone = [
        m
        for pattern, where in ((_AGE_ALONE, dashed), (_AGE_COMPACT, t))
        for m in pattern.finditer(where)
        if m.group("name").lower() not in _NUMBERED_PARTS
    ]
    aged = [m for m in _AGED.finditer(t) if m.group("name").lower() not in _NUMBERED_PARTS]
    for m in [*_AGE_AFTER.finditer(t), *aged, *alone]:
        start, end = m.start("name"), m.end("name")
        word = m.group("name")
        if start and (t[start - 1].isalnum() or t[start - 1] in "-'"):
            continue
        if not_a_person(word):
            continue
        if _plural(word):
            continue
        if _DETERMINER_BEFORE.search(t, max(0, start - 12), start):
            continue
        yield _hit("name", text, start, end)


#: Someone asked or helped to do something themselves: "invited Temperance to
#: share her views", "encouraged Wren to talk". A body is asked by its name in
#: title case or as the sector's word, which are left out below.
_INVITED = re.compile(
    rf"\b(?:invited|encouraged|helped|allowed|persuaded|supported|enabled|urged|"
    rf"wanted|expected|taught|told|asked)[ \u00a0]+(?P<name>{W}){_CODE_AFTER}[ \u00a0]+to[ \u00a0]+"
    r"(?!the\b|a\b|an\b|his\b|her\b|their\b|its\b|[A-Z])[a-z]+"
    # Invited to a meeting or an event: "invited Blaze to the planning meeting".
    rf"|\binvited[ \u00a0]+(?P<guest>{W}){_CODE_AFTER}[ \u00a0]+to[ \u00a0]+"
    r"(?:the|a|an|his|her|their)[ \u00a0]+"
    r"(?:[a-z]+[ \u00a0]+)?(?:meeting|conference|review|session|event|group|panel|party|visit)\b"
)


#: A Markdown table: its header row, the row under it, and its body.
_TABLE = re.compile(
    r"^(?P<head>\|[^\n]*\|)[ \t]*\n\|[ :|-]*-[ :|-]*\|[ \t]*\n(?P<body>(?:\|[^\n]*\n?)+)", re.M
)
#: Words of a column's header that say it holds people ("Child", "First name",
#: "Child's name"), and words that say it holds something else ("Agency name",
#: "Name of the tool"). Not "Who": a procedure's "| Step | Who |" holds roles.
_PEOPLE_HEADER = re.compile(
    r"\b(?:child|children|childs|name|names|forename|forenames|pupil|pupils|sibling|"
    r"siblings|young person|person|people)\b"
)
_THING_HEADER = re.compile(
    r"\b(?:agency|agencies|organisation|service|team|school|setting|theme|group|file|"
    r"document|review|report|role|title|tool|model|place|area|street|plan|meeting|"
    r"panel|board|course|training|module|policy|procedure)\b"
)
#: A cell's markup around its text: a link's brackets and target, emphasis, code.
_CELL_MARKUP = re.compile(r"\]\([^)]*\)|[\[\]*_`]")
_CELL_WORDS = re.compile(r"[ \u00a0]*(?P<name>[A-Za-z][a-z'’-]+(?:[ \u00a0][A-Za-z][a-z'’-]+)?)")
#: A case's code after a name in a cell: "Cinnamon RTSLK89", "Cedar CR1234 (4)".
_CELL_CODE = re.compile(r"[A-Z][A-Z0-9-]*[0-9][A-Z0-9-]*(?:$|[ \u00a0(,])")
#: A cell of a table in HTML, as a brief may write one: to the next tag of the
#: table's own (so unclosed cells and rows cost one pass, not one per opener).
_HTML_CELL = re.compile(r"<(?P<tag>t[hd]|tr|/tr|/table)\b[^<>]*>", re.I)


def _people_column(header: str) -> bool:
    words = _CELL_MARKUP.sub("", header).strip().lower().replace("'s", "s").replace("’s", "s")
    return bool(_PEOPLE_HEADER.search(words)) and not _THING_HEADER.search(words)


def _cell_name(text: str, t: str, start: int, end: int) -> Iterator[Hit]:
    """The name in a cell of a column of people, ``t[start:end]``: the cell's
    words less their markup ("[Vetch](#note)", "*Whimbrel*"), in any case; not a
    role's or the sector's words ("Mum", "Child A" is dropped later)."""
    cell = t[start:end]
    plain = _CELL_MARKUP.sub(lambda m: " " * len(m.group(0)), cell)
    m = _CELL_WORDS.match(plain)
    rest = plain[m.end() :].strip(" \u00a0|") if m else ""
    if m is None or (rest and not (rest.startswith(("(", ",")) or _CELL_CODE.match(rest))):
        return  # a sentence, not a name: "Seen twice at home"
    words = m.group("name").split()
    if any(not_a_person(w.title()) or w.lower() in _FUNCTION_WORDS for w in words):
        return
    yield _hit("name", text, start + m.start("name"), start + m.end("name"))


def _name_columns(text: str, t: str) -> Iterator[Hit]:
    """The cells of a table's column of people: a name, whatever the word
    ("| Cinnamon | 3 |", "| [Vetch](#note) |", "<td>Woodruff</td>"); "Child A" is
    a pseudonym, dropped later."""
    for table in _TABLE.finditer(t):
        heads = table.group("head").strip().strip("|").split("|")
        columns = [i for i, h in enumerate(heads) if _people_column(h)]
        if not columns:
            continue
        at = table.start("body")
        for row in table.group("body").splitlines(keepends=True):
            cells, offset = row.split("|"), at + 1
            for i, cell in enumerate(cells[1:-1]):
                if i in columns:
                    yield from _cell_name(text, t, offset, offset + len(cell))
                offset += len(cell) + 1
            at += len(row)
    if "<t" in t.lower():
        yield from _html_columns(text, t)


def _html_columns(text: str, t: str) -> Iterator[Hit]:
    """The same in a table written in HTML: the header row's cells (``<th>``)
    choose the columns; each later row's cells (``<td>``) are read."""
    columns: list[int] = []
    row: list[tuple[str, int, int]] = []
    tags = list(_HTML_CELL.finditer(t))
    for i, tag in enumerate([*tags, None]):
        if tag is None or tag.group("tag").lower() in ("tr", "/tr", "/table"):
            if row and all(kind == "th" for kind, _, _ in row):
                columns = [n for n, (_, s, e) in enumerate(row) if _people_column(t[s:e])]
            else:
                for n, (_, s, e) in enumerate(row):
                    if n in columns:
                        yield from _cell_name(text, t, s, e)
            row = []
            if tag is not None and tag.group("tag").lower() == "/table":
                columns = []
            continue
        end = tags[i + 1].start() if i + 1 < len(tags) else len(t)
        inner = t.find("<", tag.end(), end)  # "Woodruff</td>": to the cell's own end
        row.append((tag.group("tag").lower(), tag.end(), end if inner < 0 else inner))


def _invited(text: str, t: str) -> Iterator[Hit]:
    for m in _INVITED.finditer(t):
        who = "name" if m.group("name") else "guest"
        word, start, end = m.group(who), m.start(who), m.end(who)
        if not_a_person(word):
            continue
        if _plural(word):
            continue  # "encouraged Members to": people, but no one's name
        yield _hit("name", text, start, end)


def _subjects(text: str, t: str) -> Iterator[Hit]:
    """A given name as the subject of a clause inside a sentence, whatever its verb
    ("noticed that Storm flinched", "During the visit, Mason hid"): the verbs after
    a name are too many to list, but a clause's subject is a person or a thing, and
    a capitalised given name there is a person. Months, people's roles and the
    sector's words are not."""
    for m in _SINGLE.finditer(t):
        word = m.group("w")
        start, end = m.start("w"), m.end("w")
        if not given_name(word) or _person_word(word) or word.lower() in _MONTH_WORDS:
            continue
        if word.lower() in _FUNCTION_WORDS or word.lower() in _NOT_IN_NAMES or _sector_word(word):
            continue
        if _subject(t, start, end):
            yield _hit("name", text, start, end)


#: Where a sentence or clause starts: a capital after these is no evidence of a
#: proper noun.
_CLAUSE_START = re.compile(r"(?:^|[.!?:;•*#>|\n(\[\"“‘-]|\d[.)])[ \u00a0\t]*$")


def _proper_nouns(text: str, t: str, ents: dict[tuple[int, int], str]) -> Iterator[Hit]:
    """A capitalised word that is not English, inside a sentence and on its own
    ("found Archie-Lee alone", "originally from Cluj"): a person or a place.

    After "in", "from", "to" and the like it is a place; otherwise a name."""
    for m in _SINGLE.finditer(t):
        word = m.group("w")
        start = m.start("w")
        if _CLAUSE_START.search(t, max(0, start - 4), start):
            # A sentence's first word is capitalised anyway; one that is not
            # English, followed by lower case, is still a name ("Evie-Mai here with
            # dad"), unless the model read it as an organisation or the like.
            if (
                _looks_like_name(word)
                and not _compound(word)
                and re.match(r"[ \u00a0]+[a-z]", t[m.end("w") :])
                and ents.get((start, m.end("w"))) not in {"ORGANIZATION", "OTHER"}
                and not _person_word(word)
                and not _sector_word(word)
            ):
                yield _hit("name", text, start, m.end("w"))
            continue
        if title_cased_before(t[max(0, start - 40) : start]) or _TITLE_CASE_AFTER.match(
            t, m.end("w")
        ):
            continue  # a word of a title-cased name: "Panel Of the Region", "Rules of Engagement"
        if word.lower() in _LEAD_WORDS or word.lower() in _FUNCTION_WORDS:
            continue
        if _geography(word) or _DETERMINER_BEFORE.search(t, max(0, start - 12), start):
            continue  # "in England"; "a Markdown file", "the Wolds": names take no article
        if _person_word(word) or word.upper() in ACRONYMS or word.lower() in _MONTH_WORDS:
            continue
        end = m.end("w")
        if not _looks_like_name(word):
            # An English word too ("Yusuf", "Skegness" may be in WordNet): a name
            # where no determiner stands before it (names take none: "the Panel",
            # "a Strategy" are bodies and titles), nothing follows it that makes
            # it a heading or a numbered part ("Section 47"), the model saw no
            # organisation, nationality or event in it, and it is not one of the
            # sector's words.
            label = ents.get((start, end))
            addressed = (
                (given_name(word) or _CARE_OF.search(t, max(0, start - 30), start))
                and bool(_ADDRESSED.search(t, max(0, start - 30), start))
            ) or bool(_MOVED_TO.search(t, max(0, start - 50), start))
            if (label in {"ORGANIZATION", "OTHER", "FACILITY"} and not addressed) or not (
                _bare_name(t, start, end)
            ):
                continue
            if not (
                _OBJECT_OF.search(t, max(0, start - 12), start)
                or _CARE_OF.search(t, max(0, start - 30), start)
            ):
                continue  # only where a person or a place is meant: "spoke to", "arrested in"
            if word.lower() in _NOT_IN_NAMES or _sector_word(word):
                continue
            if _plural(word) and not addressed:
                continue  # "encouraged Members to read": people, but no one
        kind = "place" if _PLACE_BEFORE.search(t, max(0, start - 25), start) else "name"
        yield _hit(kind, text, start, end)


#: What is done to a person and to nothing else: after these, a capitalised word
#: is someone, whatever the model took it for ("examined Saffron", "spoke
#: directly with Wren").
_DONE_TO_A_PERSON = (
    r"examined|treated|weighed|immunised|vaccinated|interviewed|reassured|hugged|"
    r"praised|comforted|cuddled|fed|bathed|smacked|slapped|shook|shaken|"
    r"meeting|met|seeing|visiting|babysat|babysitting|"
    r"(?:check|checks|checked|checking)[ \u00a0]+(?:in[ \u00a0]+)?on|"
    r"(?:look|looks|looked|looking)[ \u00a0]+after|(?:cared|caring)[ \u00a0]+for|"
    r"(?:spoke|spoken|speak|speaking|talk|talked|talking)(?:[ \u00a0]+(?:directly|alone|"
    r"privately|separately|again))?[ \u00a0]+(?:to|with)"
)
_CARE_OF = re.compile(rf"\b(?:{_DONE_TO_A_PERSON})[ \u00a0]+$")
#: Verbs whose object is a person ("asked Rowan", "told Ivy"), though things can
#: be seen or visited too: the model reads many given names that are words as
#: organisations.
_ADDRESSED = re.compile(rf"\b(?:asked|told|saw|visited|warned|{_DONE_TO_A_PERSON})[ \u00a0]+$")


#: Where a family moved from or to: the word after it is a town, whatever the
#: model read ("moved to Sale" is not a sale).
_MOVED_TO = re.compile(
    r"\b(?:moved|moving|relocated|returned|fled)[ \u00a0]+(?:back[ \u00a0]+)?(?:to|from)"
    rf"[ \u00a0]+(?:{W}[ \u00a0]+(?:to|from|and|or)[ \u00a0]+)?$"
    r"|\b(?:originally|came|come|grew[ \u00a0]+up|born|raised|lived)[ \u00a0]+"
    r"(?:from|in)[ \u00a0]+$"
)


def given_name(word: str) -> bool:
    """A given name from the lists of many origins, or a word used as one
    ("Will", "Hope"); each part of a joined name ("Lily-Mae")."""
    if word.lower() in _MONTH_WORDS:
        return False
    names = world_given_names()
    parts = word.split("-")
    return all(
        p in names or p.lower() in cues.WORD_NAMES or (len(parts) > 1 and not ordinary(p))
        for p in parts
    )


#: A name in capitals, as police and court records print them: "DARIUS KOWALSKI".
_CAPS_PAIR = re.compile(
    r"(?<![\w'-])(?P<a>[A-Z]{2,}(?:-[A-Z]{2,})?)[ \u00a0](?P<b>[A-Z]{2,}(?:['-][A-Z]{2,})*)"
    r"(?![\w'-])"
)


def _capitals(text: str, t: str) -> Iterator[Hit]:
    """A given name and a surname in capitals: the given name from the lists of
    many origins, the surname from Faker's or not an English word; neither an
    acronym. A heading in capitals ("WHAT YOU SHOULD DO") has neither."""
    for m in _CAPS_PAIR.finditer(t):
        a, b = m.group("a").title(), m.group("b").title()
        if m.group("a") in ACRONYMS or m.group("b") in ACRONYMS:
            continue
        if a in world_given_names() and (b in surnames() or not ordinary(b)):
            yield _hit("name", text, m.start(), m.end())


#: A surname in capitals as case records print it: "KAMAU", "AL-SAMARRAI",
#: "O'SULLIVAN", "McDONALD".
_CAPS_SURNAME = r"(?:O['’]|Mc|Mac)?[A-Z]{2,}(?:['’-][A-Z]{2,})*"
#: Between a record's parts: spaces of any width, and one line break at most
#: (a paragraph or a YAML block wraps "HOUGHTON-BLAKE,\nTancred").
_RECORD_GAP = r"(?:[ \t\u00a0\u2007\u2009\u202f]+\n?|\n)[ \t\u00a0\u2007\u2009\u202f]*"
#: A surname in capitals and a given name, as case records and court lists
#: write a person: "DAUBENEY, Aurelie", "FOLARIN; Damilare", "OGUNBANJO Kunle".
_SURNAME_FIRST = re.compile(
    rf"(?<![A-Za-z0-9'’-])(?P<s>{_CAPS_SURNAME})(?:(?P<sep>[,;_]?){_RECORD_GAP}|(?P<glue>[_-]))"
    r"(?P<g>[A-Z][a-z]+(?:-[A-Z][a-z]+)?|[a-z]{3,})(?![A-Za-z0-9'’])"
)
#: Both parts in capitals, alone in a table's cell or on a line: "| RETALLICK
#: SONNET |" (the surname no English word).
_CAPS_RECORD_ALONE = re.compile(
    rf"(?:^|\|)[ \u00a0]*(?P<s>{_CAPS_SURNAME})[ \u00a0]+(?P<g>[A-Z]{{3,}})(?=[ \u00a0]*(?:$|\|))",
    re.M,
)
#: A given name, or an initial, before a surname in capitals: "Ayo OKUNADE",
#: "T. OYEBANJI".
_SURNAME_AFTER = re.compile(
    rf"(?<![\w'’.-])(?P<g>[A-Z][a-z]+(?:-[A-Z][a-z]+)?|[A-Z]\.?)[ \u00a0\u202f\u2009]+"
    rf"(?P<s>{_CAPS_SURNAME})(?![\w'’-])"
)


#: A surname and a given name typed in small letters, as in haste: "ezeji,
#: ngozi", "d'souza, alisha", "mcgillivray; crumpet".
_LOWER_SURNAME_FIRST = re.compile(
    rf"(?<![\w'’.@/-])(?P<s>(?:[a-z]['’])?[a-z]{{3,}})(?P<sep>[,;]){_RECORD_GAP}(?P<g>[a-z]{{3,}})"
    r"(?![\w'’@/-])"
)
#: A record alone on its line, a heading or a table's cell: "### BISHOP, Sunday",
#: or with only a case's code after it ("### BISHOP, Sunday CR40213").
_ALONE_AFTER = re.compile(r"(?:[ \u00a0]+[A-Z]*\d[\w-]*)?[ \u00a0]*(?:$|\n|\|)")


def _caps_surname(surname: str) -> bool:
    """A word in capitals that may be a surname: no acronym, no place, and no
    English word unless a surname ("SMITH", not "NOTE")."""
    letters = re.sub(r"[^A-Za-z]", "", surname)
    if len(letters) < 3 or surname in ACRONYMS or not re.search(r"[AEIOUY]", surname.upper()):
        return False
    if _geography(surname.title()):
        return False
    # Each part of a joined surname counts ("HOUGHTON-BLAKE": two surnames that
    # are also in the dictionary, as famous people's names are).
    parts = [p for p in re.split(r"['’-]", surname) if len(p) > 2]
    return any(not ordinary(p) or p.title() in surnames() for p in [surname, *parts])


def _listed_parts(surname: str) -> bool:
    """Whether every part of a joined surname in capitals is a listed surname."""
    parts = [p for p in re.split(r"['’-]", surname) if p]
    return len(parts) > 1 and all(p.title() in surnames() for p in parts)


def _surnames_first(text: str, t: str) -> Iterator[Hit]:
    """A surname in capitals and a given name, as case records write a person:
    "KAMAU, Wanjiru", "FOLARIN; Damilare", "OGUNBANJO Kunle", "UCHENDU,
    amarachi", "Ayo OKUNADE", "T. OYEBANJI". The surname no acronym and no
    English word (unless a surname); the given name one of the lists or no
    English word, or, after a surname that is no English word, any word but a
    role's or the sector's ("ZAWADZKI, Wit", "ADEBAYO Tolu"). Not "NOTE, Please",
    "CAMHS, Early", "WHAT YOU SHOULD DO"."""
    for m in _SURNAME_FIRST.finditer(t):
        surname, given, sep = m.group("s"), m.group("g"), m.group("sep")
        if not _caps_surname(surname):
            continue
        if given.lower() in _MONTH_WORDS and surname.title() in surnames():
            # "SMITH, June", "BISHOP, Sunday": a person where the record stands
            # alone; in a sentence, a date ("CHURCH, Sunday services").
            if _ALONE_AFTER.match(t, m.end()):
                yield _hit("name", text, m.start(), m.end())
            continue
        if not_a_person(given):
            continue
        if given.islower():
            # Typed in small letters: only a word in no dictionary, after a comma.
            if sep and not ordinary(given) and not ordinary(surname):
                yield _hit("name", text, m.start(), m.end())
            continue
        listed = given_name(given) or not ordinary(given)
        # A surname that is no English word, or one listed beside a comma
        # ("HOUGHTON-BLAKE, Tancred"), takes any given name but a role's.
        strong = not ordinary(surname) or (bool(sep) and surname.title() in surnames())
        if listed or (len(surname) >= 4 and (strong or (bool(sep) and _listed_parts(surname)))):
            yield _hit("name", text, m.start(), m.end())
    for m in _LOWER_SURNAME_FIRST.finditer(t):
        surname, given = re.sub(r"^[a-z]['’]", "", m.group("s")), m.group("g")
        if ordinary(surname) or _acronym(surname) or _sector_word(surname):
            continue
        # A surname of a known shape ("mcgillivray") takes any given name, a word
        # too ("crumpet"), but a role's or the sector's; another, only one in no
        # dictionary.
        shaped = len(surname) >= 5 and (
            surname.startswith(("mc", "mac", "o'")) or surname.title() in surnames()
        )
        word = ordinary(given) or _acronym(given) or _sector_word(given)
        if word and (not shaped or not_a_person(given.title())):
            continue
        yield _hit("name", text, m.start(), m.end())
    for m in _CAPS_RECORD_ALONE.finditer(t):
        surname, given = m.group("s"), m.group("g")
        if not _caps_surname(surname) or ordinary(surname) or given in ACRONYMS:
            continue
        if not_a_person(given.title()):
            continue
        yield _hit("name", text, m.start("s"), m.end("g"))
    for m in _SURNAME_AFTER.finditer(t):
        given, surname = m.group("g"), m.group("s")
        if not _caps_surname(surname) or ordinary(surname):
            continue  # "Ayo SMITH" is read by the model; "Early HELP" is no one
        if len(given.rstrip(".")) > 1 and (
            not_a_person(given) or not (given_name(given) or not ordinary(given))
        ):
            continue
        yield _hit("name", text, m.start(), m.end())


def _compound(word: str) -> bool:
    """Two English words run together ("Lifeline", "Safeguarding"), as a
    sentence's first word is more often than a given name."""
    w = word.lower()
    return any(ordinary(w[:i]) and ordinary(w[i:]) for i in range(3, len(w) - 2))


#: A name, or a sentence's first word, that goes on "and her brother": a person.
_WITH_FAMILY = re.compile(
    rf"(?<![\w'’-])(?P<w>{W}(?:[ \u00a0]{W})?)[ \u00a0]+and[ \u00a0]+(?:his|her|their)[ \u00a0]+"
    r"(?:brothers?|sisters?|"
    r"siblings?|mother|father|mum|dad|parents?|baby|cousins?|friends?|nan|grandmother|"
    r"grandfather|twin|stepfather|stepmother|partner|boyfriend|girlfriend|aunt|uncle)\b"
)


#: A name in apposition to a person: "her brother, Dawit, ...", "the lodger, Mr Vance,".
_APPOSITION = re.compile(
    r"(?<![A-Za-z-])(?P<who>[A-Za-z-]+)(?:'s)?,[ \u00a0]+"
    rf"(?P<name>{NAME})(?=,|[ \u00a0]+(?:was|were|had|has|who|and)\b)"
)


def _appositions(text: str, t: str) -> Iterator[Hit]:
    for m in _APPOSITION.finditer(t):
        if m.group("who").lower() not in PERSON_WORDS:
            continue
        first = m.group("name").split()[0]
        if _person_word(first) or _sector_word(first) or first.lower() in _MONTH_WORDS:
            continue
        yield _hit("name", text, m.start("name"), m.end("name"))


def _with_family(text: str, t: str) -> Iterator[Hit]:
    """A person named beside their relative: "Keeley and her brother" opening a
    clause; inside a sentence, a given name ("for Sunny and her brother", "for
    Sunny Page and her brother") with no article before it."""
    for m in _WITH_FAMILY.finditer(t):
        words, start = m.group("w").split(), m.start("w")
        if any(not_a_person(w) for w in words):
            continue
        if not _CLAUSE_START.search(t, max(0, start - 4), start):
            if _DETERMINER_BEFORE.search(t, max(0, start - 12), start) or title_cased_before(
                t[max(0, start - 40) : start]
            ):
                continue
            if not (given_name(words[0]) or not ordinary(words[0])):
                continue
        elif len(words) > 1:
            # The sentence's first word is capitalised anyway: the last is the name.
            start = m.end("w") - len(words[-1])
        yield _hit("name", text, start, m.end("w"))


#: Words after which a person or a place is named: "spoke to", "arrested in",
#: "saw", "lived with".
_OBJECT_OF = re.compile(
    r"\b(?:to|from|in|at|with|by|for|about|and|saw|see|seen|told|asked|met|visited|called|"
    r"named|near|outside|like|than|whom|including|between|described|describes|supported|"
    r"helped|found|took|collected|left|sent|gave|knew|known|know|knows|looked after|"
    r"protected|interviewed|assessed|examined|"
    r"weighed|heard|believed|encouraged|referred|moved|brought|noticed|reported|said)[ \u00a0]+$"
)
_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|a|an|this|that|these|those|our|your|their|its|each|every|any|no|some|"
    r"whose|which|what|per|of)[ \u00a0]+$",
    re.I,
)
_NUMBER_AFTER = re.compile(r"[ \u00a0]*(?:\d|[IVX]+\b|[A-Z]\b)")


def _bare_name(t: str, start: int, end: int) -> bool:
    """Nothing around the word says it is not a name."""
    if _DETERMINER_BEFORE.search(t, max(0, start - 12), start):
        return False
    return not _NUMBER_AFTER.match(t, end)


def person_stands(before: str, after: str) -> bool:
    """Whether a word between ``before`` and ``after`` stands where a person does:
    a clause's subject followed by its verb, or the object of a verb done to one."""
    if _SUBJECT_AFTER.match(after) and _INNER_SUBJECT_BEFORE.search(before):
        return True
    return bool(_HUMAN_AFTER.match(after) or _ADDRESSED.search(before))


def _plural(word: str) -> bool:
    """An English word's plural ("Pupils", "Members"): people, but no one's name."""
    return word.endswith("s") and ordinary(word[:-1])


def _common_word(word: str) -> bool:
    """A role, a word of the sector's or of a body's name, a month, an acronym or
    a function word: a word that names no one."""
    w = word.lower()
    return (
        _person_word(word)
        or _sector_word(word)
        or w in _NOT_IN_NAMES
        or w in _MONTH_WORDS
        or w in _FUNCTION_WORDS
        or word.upper() in ACRONYMS
    )


def not_a_person(word: str) -> bool:
    """A word that is not a person's name where a person would stand: a common
    word, or a country or region that is no given name ("France"; "Jordan",
    "Georgia" and "India" are children's names too)."""
    return _common_word(word) or (_geography(word) and not given_name(word))


def _sector_word(word: str) -> bool:
    from checks.anonymise.recognise import sector_word

    return sector_word(word)


def _geography(word: str) -> bool:
    from checks.anonymise.recognise import too_wide

    return too_wide(word)


#: A capitalised word on its own.
_SINGLE = re.compile(rf"(?<![\w’-])(?<!\w')(?P<w>{W})(?![\w'-])")
#: Words that join the words of a title-cased name ("Missing from Home").
_JOIN = r"(?:of|the|and|for|to|in|from|on|at|&|,|with|into|a|an|by)"
#: (A code with a digit, "CR12345" or "KSCP-1234", is no word of a name's title.)
_TITLE_CASE_BEFORE = re.compile(
    rf"(?<![\w'’-])[A-Z](?![\w'’-]*\d)[\w'’-]*[,:]?[ \u00a0]+(?:{_JOIN}[ \u00a0]+){{0,2}}$"
)
_TITLE_CASE_AFTER = re.compile(rf"(?:[,:]?[ \u00a0]+{_JOIN}){{0,2}}[ \u00a0]+[A-Z](?![\w'’-]*\d)")
_PLACE_BEFORE = re.compile(
    r"\b(?:in|from|to|near|around|outside|into|towards|via|visiting|visited|at)[ \u00a0]+$",
    re.I,
)


def title_cased_before(before: str) -> bool:
    """Whether the text before a word ends in a title-cased name ("Death in ", before
    "Custody"); not a place after a place ("moved to Testford from ", before "Bury")."""
    m = _TITLE_CASE_BEFORE.search(before)
    return m is not None and not _PLACE_BEFORE.search(before, 0, m.start())


@cache
def _function_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


class _FunctionWords:
    def __contains__(self, word: str) -> bool:
        return word in _function_words()


_FUNCTION_WORDS = _FunctionWords()


def _looks_like_name(word: str) -> bool:
    """Capitalised and not an English word: "Radosław", "Oluwaseun"; joined names
    whose parts are not English or are given names ("Archie-Lee")."""
    parts = [p for p in re.split(r"[ -]", word) if p]
    if not parts or not all(p[:1].isupper() for p in parts):
        return False
    humps = re.findall(r"[A-Z][a-z]+", word)
    if len(humps) > 1 and "-" not in word and all(ordinary(h) for h in humps):
        return False  # "EventTarget", "PowerPoint": words run together in camel case
    strange = [not ordinary(p) for p in parts]
    if all(strange):
        return True
    return (
        len(parts) > 1
        and any(strange)
        and all(s or p in given_names() for s, p in zip(strange, parts, strict=True))
    )


def _person_word(word: str) -> bool:
    w = word.lower()
    # "Ni" (in "Gráinne Ní Mháille") is a particle, not the acronym NI.
    return w in PERSON_WORDS or w in _TITLE_WORDS or (word.isupper() and word in ACRONYMS)


_TITLE_WORDS = frozenset(
    w.lower() for w in (_HONORIFICS + "|" + _ROLE_TITLES).replace("?", "").split("|")
)

#: Words that make a run of capitalised words the name of a thing, not a person.
_NOT_IN_NAMES = frozenset(
    """
    school academy nursery college primary secondary high infant infants junior juniors
    council borough county city district trust service services team unit board panel
    partnership hospital surgery centre center clinic practice health care social police
    constabulary court act review reviews report plan policy procedure guidance standard
    standards children's safeguarding protection together street road lane avenue close
    way drive estate hotel park house church mosque temple station group network
    foundation department ministry office agency authority commission association
    society charity university institute programme project initiative helpline line
    national local regional royal general community family families youth integrated
    designated named lead leads officer manager head nurse worker workers visitor visitors
    panel conference meeting strategy early help section part chapter appendix annex
    """.split()
)

_PERSON_CUE = re.compile(
    r"(?:\b(?:named|called|child|pupil|boy|girl|baby|sibling|brother|sister|mother|father|"
    r"partner|neighbour|friend|cousin|uncle|aunt|grandmother|grandfather|carer|"
    r"man|woman|teenager|known as),?[ \u00a0]*$)",
    re.I,
)


def _after_person_cue(t: str, start: int) -> bool:
    return bool(_PERSON_CUE.search(t, max(0, start - 30), start))


_INITIALS = re.compile(r"(?<![\w.])(?:[A-Z]\.[ \u00a0]?){2,3}(?![\w])")
_BARE_INITIALS = re.compile(
    r"(?<![\w&])(?P<i>[A-Z]{2,3})(?P<after>'s\b|[ \u00a0]?\(aged\b|, aged\b|"
    r"[ \u00a0]+(?:was|were|had|has|is|said|told|"
    r"disclosed|reported|attended|missed|lived|moved|went|ran|stayed|returned|felt|wanted|"
    r"asked|refused|and (?:his|her|their))\b)"
)
_INITIALS_AFTER_PERSON = re.compile(
    r"\b(?:Child|Mother|Father|Mum|Dad|Baby|Sibling|Adult|Young Person|Brother|Sister|"
    r"Stepfather|Partner|Grandmother|Grandfather|Uncle|Aunt|Cousin|Pupil|Student|Boy|Girl)"
    r"[ \u00a0]+(?P<i>[A-Z]{2,3}|(?:[A-Z]\.[ ]?){2,3})(?![\w])"
)
#: Initials said to be initials ("(initials DW)"), and hyphenated ones ("RK-J")
#: where a person stands.
_NAMED_INITIALS = re.compile(
    r"\binitials?[ \u00a0:,]+(?:of[ \u00a0]+|were[ \u00a0]+|are[ \u00a0]+|is[ \u00a0]+)?"
    r"(?P<i>[A-Z](?:[ .-]?[A-Z]){0,3}\.?)(?![\w])",
    re.I,
)
_HYPHEN_INITIALS = re.compile(r"(?<![\w-])(?P<i>[A-Z]{1,3}-[A-Z]{1,3})(?![\w-])")
#: Bare capitals where a person stands: after a verb of seeing or telling, or
#: before "and the baby", "and her mother".
_INITIALS_SLOT = re.compile(
    r"(?:\b(?:saw|seen|see|visited|told|met|asked|for|with|about|that|and|by|to|of|from|"
    r"when|where|whether|if|because|after|before|while|until)[ \u00a0]+(?P<i>[A-Z]{2,3})"
    r"(?=[ \u00a0]+(?:and|was|were|had|has|is|said|told|who|with)\b|'s\b))"
)
_NOT_INITIALS = frozenset({"U.K.", "U.S.", "E.U.", "A.M.", "P.M.", "N.B.", "P.S.", "I.E.", "E.G."})
#: Capitals given as what a person is called: "(known as KB in the review)",
#: "referred to as JM". Everyday abbreviations ("KB", "KM") are initials here.
_CALLED_INITIALS = re.compile(
    r"\b(?:known|referred[ \u00a0]+to|recorded|named|described|identified|called|nicknamed)"
    r"(?:[ \u00a0]+(?:only|here|throughout|in[ \u00a0]+(?:the|this)[ \u00a0]+[a-z]+))?"
    r"[ \u00a0]+as[ \u00a0]+(?P<i>[A-Z]{2,3})(?![\w&])"
)


_ROMAN_NUMERAL = re.compile(r"^(?:I{2,3}|IV|VI{1,3}|IX|XI{0,3}|XX)$")


def _initials(text: str, t: str) -> Iterator[Hit]:
    for m in _INITIALS.finditer(t):
        if m.group(0).replace(" ", "").upper().strip() in _NOT_INITIALS:
            continue
        yield _hit("name", text, m.start(), m.end())
    for m in _BARE_INITIALS.finditer(t):
        if m.group("i") in ACRONYMS or doubled_after_person(t, m.start("i"), m.end("i")):
            continue
        # An acronym of the sector before a verb ("A PPN was submitted") is not a
        # person; one that owns a relative ("KM's father") is.
        if m.group("i") in cues.acronyms() and not m.group("after").startswith(
            ("'", " (aged", ", aged")
        ):
            continue
        yield _hit("name", text, m.start("i"), m.end("i"))
    for m in _INITIALS_AFTER_PERSON.finditer(t):
        if not doubled_after_person(t, m.start("i"), m.end("i")):
            yield _hit("name", text, m.start("i"), m.end("i"))
    for m in _NAMED_INITIALS.finditer(t):
        if m.group("i").replace(".", "").replace(" ", "").isupper():
            yield _hit("name", text, m.start("i"), m.end("i"))
    for m in _CALLED_INITIALS.finditer(t):
        i = m.group("i")
        if i not in ACRONYMS and i not in cues.sector_acronyms() and not _ROMAN_NUMERAL.match(i):
            yield _hit("name", text, m.start("i"), m.end("i"))
    for pattern in (_HYPHEN_INITIALS, _INITIALS_SLOT):
        for m in pattern.finditer(t):
            parts = m.group("i").split("-")
            if not any(p in ACRONYMS for p in parts) and m.group("i") not in ACRONYMS:
                yield _hit("name", text, m.start("i"), m.end("i"))


_QUOTED = re.compile(r"(?<![\w])[\"'“‘](?P<q>[^\"'“”‘’\n]{1,30}?)[\"'”’](?![a-z])")
#: Words that say a name follows: "known as", "called him", "signed",
#: "recorded by the police as". The quote may come a few words later.
_NICKNAME_CUE = re.compile(
    r"(?:\bknown\b|\bknew\b|\bcall(?:s|ed|ing)?\b|\bnick-?named?\b|\bgo(?:es)? by\b|\bwent by\b|"
    r"\ba\.?k\.?a\b|\bstreet name\b|\breferred to\b|\bname\b|\bnames\b|\busername\b|"
    r"\buser name\b|\bhandle\b|\balias\b|\bsign(?:s|ed)?\b|\bas\b|\baddress(?:es|ed)?\b|"
    r"\b(?:mum|mother|dad|father|brother|sister|boyfriend|partner|uncle|man|boy|girl|"
    r"male|female|child|friend|cousin|youth)s?[ \u00a0,:]*$)[^.!?\n]{0,40}$",
    re.I,
)


_WAS_BEFORE = re.compile(
    r"\b(?:was|is|were|are|became|become)(?:[ \u00a0]+(?:always|only|just|still|simply|now))?"
    r"[ \u00a0]*$"
)


#: A person named by what they were called: "a man called Snowy", "an older
#: boy known as Stag".
_PERSON_CALLED = re.compile(
    r"\b(?:a|an|the|one|another)[ \u00a0]+(?:(?:older|younger|adult|local)[ \u00a0]+)?"
    r"(?:man|woman|boy|girl|lad|male|female|friend|person|youth|teenager|adult)[ \u00a0]+"
    r"(?:called|named|known[ \u00a0]+as|nicknamed|who[ \u00a0]+(?:went|goes)[ \u00a0]+by)"
    rf"[ \u00a0]+(?P<name>{W})"
)


def _called(text: str, t: str) -> Iterator[Hit]:
    for m in _PERSON_CALLED.finditer(t):
        word = m.group("name")
        if not not_a_person(word):
            yield _hit("name", text, m.start("name"), m.end("name"))


def _nicknames(text: str, t: str) -> Iterator[Hit]:
    for m in _QUOTED.finditer(t):
        q = m.group("q").strip()
        if not q or len(q.split()) > 3:
            continue
        # An apostrophe inside a word ("the child's 'partner'") is not a quote mark.
        if m.start() and t[m.start() - 1].isalnum():
            continue
        cue: object = _NICKNAME_CUE.search(t, max(0, m.start() - 60), m.start())
        capitalised = q[:1].isupper()
        if cue and not any(w[:1].isupper() for w in q.split()) and len(q.split()) > 1:
            continue  # a lower-case phrase quoted after "as": "recorded as 'no concerns'"
        if (
            not cue
            and capitalised
            and len(q.split()) == 1
            and _WAS_BEFORE.search(t, max(0, m.start() - 25), m.start())
        ):
            # "she was always 'Tink'": a name given as what someone is called.
            cue = True
        if (
            not cue
            and capitalised
            and len(q.split()) == 1
            and _INNER_SUBJECT_BEFORE.search(t, max(0, m.start() - 12), m.start())
            and _SUBJECT_AFTER.match(t, m.end())
        ):
            cue = True  # a quoted word as a clause's subject: 'said that "Razor" ran'
        if cue or (capitalised and len(q.split()) == 1 and _looks_like_name(q)):
            if not cue and q.upper() in ACRONYMS:
                continue
            yield _hit("name", text, m.start("q"), m.start("q") + len(m.group("q")))


_HANDLE = re.compile(r"(?<![\w.@/])@(?P<h>[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)")
_PLATFORM = re.compile(
    r"\b(?:Snapchat|Snap|Instagram|Insta|TikTok|Tik Tok|Facebook|Messenger|Twitter|X|WhatsApp|"
    r"Telegram|Discord|YouTube|Twitch|Xbox|Xbox Live|PlayStation|PSN|Steam|Roblox|Fortnite|"
    r"Minecraft|Kik|Wickr|Signal|Threads|Reddit|OnlyFans|Tumblr|Pinterest|LinkedIn|BeReal|"
    r"Yubo|Omegle|Grindr|Tinder|Hinge|Bumble|Wizz|Monkey|Skype|gamertag|gamer tag|username|"
    r"user name|screen name|handle|profile|account|alias)\b"
    r"(?:[ \u00a0]+(?:account|profile|handle|username|user name|name|page|ID|tag|gamertag|"
    r"channel|server|called|named|under|as|was|is|of|with|the|a|an|name:|:)){0,3}[ \u00a0:]*"
    r"[\"'“‘]?(?P<h>[A-Za-z0-9_][A-Za-z0-9_.\-]{2,29})[\"'”’]?",
    re.I,
)


#: CSS's at-rules, in the style sheets the site publishes.
_AT_RULES = frozenset(
    "media page import font-face keyframes supports charset namespace layer container "
    "property counter-style document viewport".split()
)


#: A token shaped like an account name: letters with digits, an underscore, a
#: dot between letters or a # number ("grimeboy_07", "k.lou.xx", "shadow#2210").
_HANDLE_SHAPE = re.compile(
    r"(?<![\w@.#/-])(?P<h>[A-Za-z0-9_]*(?:[A-Za-z][0-9_]|[0-9_][A-Za-z]|[a-z]\.[A-Za-z0-9]|[A-Za-z]#\d)"
    r"[A-Za-z0-9_.#]*)(?![\w@#/-])"
)
_PLATFORM_NEAR = re.compile(
    r"\b(?:Snapchat|Snap|Instagram|Insta|TikTok|Facebook|Messenger|Twitter|WhatsApp|Telegram|"
    r"Discord|YouTube|Twitch|Xbox|PlayStation|PSN|Steam|Roblox|Fortnite|Minecraft|Kik|Wickr|"
    r"Signal|Threads|Reddit|OnlyFans|Tumblr|Pinterest|LinkedIn|BeReal|Yubo|Omegle|Wizz|Skype|"
    r"gamertag|gamer tag|username|user name|screen name|handles?|profiles?|accounts?|user|"
    r"usernames|signed in|logged in|logged on)\b",
    re.I,
)


#: The account's name said to be one: "her Snapchat name was lexxi-b". Any
#: word that is not English counts, whatever its shape.
_NAMED_ACCOUNT = re.compile(
    rf"{_PLATFORM_NEAR.pattern}[ \u00a0]+(?:user[ \u00a0]?name|name|handle|ID|tag|account)"
    r"[ \u00a0]+(?:was|is)[ \u00a0:]+[\"'“‘]?(?P<h>[A-Za-z0-9][A-Za-z0-9_.\-]{2,29})",
    re.I,
)


#: "Account" as a person's story, not a login: after a noun's possessive ("the
#: adults' account", "the mother's account") or before "of" ("an account of
#: what happened").
_ACCOUNT_AS_STORY = re.compile(r"(?:\w(?:'s|s')[ \u00a0]+account\b|\baccount[ \u00a0]+of\b)", re.I)


#: Times and sizes, never an account's name.
_NOT_A_HANDLE = re.compile(r"\d{1,2}(?:am|pm)|\d+x\d+", re.I)


def _letters(word: str) -> int:
    return sum(c.isalpha() for c in word)


def _handles(text: str, t: str) -> Iterator[Hit]:
    for p in _PLATFORM_NEAR.finditer(t):
        story = p.group(0).lower() == "account" and bool(
            _ACCOUNT_AS_STORY.search(t, max(0, p.start() - 4), min(len(t), p.end() + 4))
        )
        # After the platform ("Snapchat user called grimeboy_07") or just before it
        # ("played as xX_Viper_Xx on Xbox Live").
        for m in _HANDLE_SHAPE.finditer(t, max(0, p.start() - 45), min(len(t), p.end() + 45)):
            h = m.group("h").rstrip(".")
            if _NOT_A_HANDLE.fullmatch(h):
                continue  # "at 10am", "a 4x4"
            if story and not (re.search(r"[_.#]", h) or (h.islower() and _letters(h) >= 3)):
                continue  # "the adults' account ... CR1234": a case's code, a form's
            if _letters(h) >= 2 and not re.fullmatch(r"\d+(?:st|nd|rd|th|s)?", h):
                yield _hit("handle", text, m.start("h"), m.start("h") + len(h))
    for m in _HANDLE.finditer(t):
        if m.start() and t[m.start() - 1].isalnum():
            continue  # an email address's @
        if m.group("h").lower() in _AT_RULES:
            continue
        yield _hit("handle", text, m.start(), m.end("h"))
    # Only where a platform is named (the pattern opens with one): most text has none.
    for m in _NAMED_ACCOUNT.finditer(t) if _PLATFORM_NEAR.search(t) else ():
        h = m.group("h").rstrip(".")
        if not ordinary(h) and h.lower() not in _LEAD_WORDS:
            yield _hit("handle", text, m.start("h"), m.start("h") + len(h))
    for m in _PLATFORM.finditer(t):
        h = m.group("h").rstrip(".")
        if _NOT_A_HANDLE.fullmatch(h) or (
            _ACCOUNT_AS_STORY.search(t, max(0, m.start() - 4), min(len(t), m.start() + 14))
            and not re.search(r"[_.#]", h)
        ):
            continue  # "the child's account of the 4x4"
        quoted = t[m.start("h") - 1 : m.start("h")] in "\"'“‘" if m.start("h") else False
        # An account name has a digit, an underscore, a dot or an inner capital,
        # or is quoted; a plain word after "account" is prose.
        odd = bool(re.search(r"[0-9_.]|[a-z][A-Z]", h))
        if odd or (quoted and not ordinary(h)):
            yield _hit("handle", text, m.start("h"), m.start("h") + len(h))


# --------------------------------------------------------------------------- lower case


def _acronym(word: str) -> bool:
    """An acronym of the sector or of everyday and technical writing ("iso", "km"),
    typed in any case. Lower-case text and slugs have no initials to protect, so
    the whole shipped list applies here, not only :data:`ACRONYMS`."""
    return word.upper() in ACRONYMS or word.upper() in cues.acronyms()


#: Details typed all in lower case ("kwabena boateng", "kayden's mum", "st annes
#: primary", "9 mill view"): the capital-letter rules above cannot see them,
#: so these look for the same shapes with words that are not English.
_LOWER_PAIR = re.compile(
    r"(?<![\w'-])(?P<a>[a-z]{3,})(?=[ \u00a0](?P<b>[a-z]{3,}(?:-[a-z]{3,})?)(?![\w'-]))"
)
_LOWER_POSSESSIVE = re.compile(
    r"(?<![\w'-])(?P<n>[a-z]{3,}(?:-[a-z]{3,})?)'s[ \u00a0]+(?:mum|mummy|mother|dad|daddy|father|"
    r"nan|nana|gran|grandmother|grandfather|brother|sister|sibling|siblings|aunt|auntie|uncle|"
    r"cousin|partner|boyfriend|girlfriend|stepfather|stepdad|stepmother|carer|carers|"
    r"parents|family|friend|friends|house|home|bedroom|school|phone|teacher|social worker)\b"
)
_LOWER_SCHOOL = re.compile(
    r"\b(?:(?:st\.?|saint)[ \u00a0]+[a-z'’]+|(?P<w>[a-z]{3,}))"
    r"(?:[ \u00a0]+(?:c of e|ce|rc|catholic|church of england|methodist|community|primary|"
    r"junior|infant|infants|juniors))*"
    r"[ \u00a0]+(?:primary|academy|nursery|high school|primary school|school|college|juniors|"
    r"infants|high)\b"
)
_LOWER_STREET = (
    r"(?:road|street|lane|avenue|close|crescent|drive|grove|terrace|gardens|approach|mews|"
    r"rise|way|view|court|place|walk|row|hill|green|park|square|parade)"
)
_LOWER_ADDRESS = re.compile(
    r"\b(?:at|address|lived|living|lives|to|from|as)[ \u00a0]+"
    r"(?P<a>(?:flat[ \u00a0]+\d+[a-z]?,?[ \u00a0]+)?"
    rf"\d{{1,4}}[a-z]?,?[ \u00a0]+(?:[a-z]+[ \u00a0]+){{0,3}}{_LOWER_STREET})\b"
)


_LOWER_BABY = re.compile(r"\bbaby[ \u00a0]+(?P<n>[a-z]{3,}(?:-[a-z]{3,})?)\b")
#: Places named with a joining word: "Bourton-on-the-Water", "Ashton-under-Lyne",
#: "Weston-super-Mare", "Newcastle upon Tyne", in any case.
_JOINED_PLACE = re.compile(
    r"\b[A-Za-z]{3,}(?:(?:-(?:on|upon|under|le|in|by|super|en|sur|am|the|de|la)){1,3}-"
    r"|[ \u00a0](?:upon|on|under)[ \u00a0])"
    r"[A-Za-z]{3,}\b"
)


#: Words that join ordinary words in lower case too ("bruising-in-babies"); the
#: others ("upon", "super", "under") join the parts of a town's name.
_PLAIN_JOIN = frozenset({"in", "on", "by", "the", "de", "la", "le", "en", "am"})
#: Prose that names a place next ("moved to ashby-de-la-zouch"), unlike a file's name.
_PLACE_BEFORE_LOWER = re.compile(r"\b(?:in|from|to|near|at|around|outside|of)[ \u00a0]+$", re.I)
_PROSE_BEFORE = re.compile(r"(?:^|[A-Za-z]{2,}[,]?[ \u00a0])$")
#: (A code after the pair, "CR40213", is no markup either.)
_PROSE_AFTER = re.compile(r"(?:[ \u00a0]+(?:[a-z]|[A-Z]+[0-9][A-Z0-9]*\b)|[,.;:!?)]|$)")


#: A given name alone in text typed in lower case, opening a clause before a
#: verb of a person: "when tomasz was asked", "and amira said".
_LOWER_GIVEN = re.compile(
    r"(?:^|[.!?;:,(][ \u00a0]*|\b(?:when|that|and|but|because|if|after|before|while|where|"
    r"so|until|then)[ \u00a0]+)(?P<n>[a-z]{3,}(?:-[a-z]{2,})?)[ \u00a0]+(?P<v>was|were|said|"
    r"says|told|tells|disclosed|asked|had|has|missed|attended|refused|cried|wanted|felt|"
    r"did not|didn't|would not|wouldn't)\b"
)


def _opens_sentence(m: re.Match[str]) -> bool:
    """Whether the word of a :data:`_LOWER_GIVEN` match opens a sentence (nothing
    or a sentence's punctuation before it) or a subordinate clause ("that",
    "when"), where a subject stands; not a clause after "and" or a comma, where
    a verb's second subject or a list's item may be any word."""
    lead = m.group(0)[: m.start("n") - m.start()]
    if re.match(r"(?:that|when|because|whether|after|before|while|until)[ \u00a0]", lead):
        return True  # a clause's subject, as a sentence's is: "agreed that seonag had"
    return not re.search(r"[a-z]", lead) and not lead.startswith(",")


def _lower_given(text: str, t: str) -> Iterator[Hit]:
    for m in _LOWER_GIVEN.finditer(t):
        n = m.group("n")
        if n in PERSON_WORDS or n in _LEAD_WORDS or _acronym(n) or _sector_word(n):
            continue
        named = "-".join(p.capitalize() for p in n.split("-"))
        if not given_name(named) and (ordinary(n) or not _opens_sentence(m)):
            # A word in no list and no dictionary ("rokas was seen") only where
            # it opens a sentence: the typist's capital is what is missing.
            continue
        # A name that is also a word ("ivy", "will") only before a verb of telling.
        if ordinary(n) and m.group("v") not in ("said", "says", "told", "tells", "disclosed"):
            continue
        yield _hit("name", text, m.start("n"), m.end("n"))


def _lower_case(text: str, t: str) -> Iterator[Hit]:
    yield from _lower_given(text, t)
    for m in _LOWER_BABY.finditer(t):
        n = m.group("n")
        if (n.capitalize() in given_names() or not ordinary(n)) and n not in _BABY_THINGS:
            yield _hit("name", text, m.start(), m.end())
    for m in _JOINED_PLACE.finditer(t):
        words = re.split(r"[- \u00a0]", m.group(0))
        first, last = words[0], words[-1]
        if " " in m.group(0) and not (first[:1].isupper() and last[:1].isupper()):
            continue  # "based on evidence": only capitalised words are joined by a space
        if first.lower() in _LEAD_WORDS or last.lower() in _LEAD_WORDS:
            continue
        if last.lower() in _MONTH_WORDS:
            continue  # "at Home on Friday": a day, not a place joined by "on"
        if " " in m.group(0) and first.lower().endswith("ing") and ordinary(first):
            continue  # "Reflecting on Star Hobson", "Building on Strengths": a verb's object
        joiners = set(words[1:-1])
        if (
            m.group(0).islower()
            and ordinary(first)
            and ordinary(last)
            and joiners <= _PLAIN_JOIN
            and not _PLACE_BEFORE_LOWER.search(t, max(0, m.start() - 12), m.start())
        ):
            # "bruising-in-babies" (a page's file name), "based-on-evidence": words
            # joined in lower case are a place only if a word of it is not English.
            continue
        yield _hit("place", text, m.start(), m.end())
    for m in _LOWER_PAIR.finditer(t):
        a, b = m.group("a"), m.group("b")
        if a in _LEAD_WORDS or b in _LEAD_WORDS:
            continue
        # Only in prose: after an English word and a space, and followed by a
        # space, punctuation or the end; "<svg xmlns=" is markup, not a name.
        if not _PROSE_BEFORE.search(t, max(0, m.start() - 30), m.start()):
            continue
        if not _PROSE_AFTER.match(t, m.start() + len(a) + 1 + len(b)):
            continue
        if not ordinary(a) and not ordinary(b) and not _acronym(a) and not _acronym(b):
            yield _hit("name", text, m.start(), m.end("b"))
    for m in _LOWER_POSSESSIVE.finditer(t):
        n = m.group("n")
        named = not ordinary(n) or n.capitalize() in given_names()
        if named and n not in PERSON_WORDS and n.upper() not in ACRONYMS:
            yield _hit("name", text, m.start("n"), m.end("n"))
    for m in _LOWER_SCHOOL.finditer(t):
        w = m.group("w")
        if w is None or (not ordinary(w) and w.upper() not in ACRONYMS):
            yield _hit("school", text, m.start(), m.end())
    for m in _LOWER_ADDRESS.finditer(t):
        yield _hit("address", text, m.start("a"), m.end("a"))
    yield from _lower_streets(text, t)


# --------------------------------------------------------------------------- slugs

#: Words joined by hyphens or underscores, as in a link's address or a file's
#: name ("news.example/firstname-surname-court", "firstname_surname.md"): no capitals,
#: no spaces, so neither the model nor the rules above can see a name in them.
_SLUG = re.compile(r"(?<![\w-])[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)+(?![\w-])")
#: A part of a link's path whose words are joined by dots ("…/people/firstname.surname"):
#: only after a slash, since a domain ("kestrelford.example") is written so too.
_DOTTED_PATH = re.compile(r"(?<=[^/]/)[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)+(?![\w-])")
#: Words as folders of a link's path, one after another ("…/families/firstname/surname/").
_PATH_FOLDERS = re.compile(r"(?<=[^/]/)[A-Za-z]+(?:/[A-Za-z]+)+(?=/)")
_VOWEL = re.compile(r"[aeiouy]")


def _slug_word(word: str) -> bool:
    """A word of a slug that could be part of a name: letters only, three or more,
    with a vowel, and not a word of the sector, a role, a month or an acronym."""
    return (
        len(word) >= 3
        and word.isalpha()
        and bool(_VOWEL.search(word))
        and word not in PERSON_WORDS
        and word not in _LEAD_WORDS
        and word not in _MONTH_WORDS
        and word not in _NOT_IN_NAMES
        and not _acronym(word)
        and not _sector_word(word)
        and not _geography(word)
    )


def _slugs(text: str, t: str) -> Iterator[Hit]:
    """Two words of a slug that name a person: a given name and a surname or a word
    that is not English, or two words that are not English ("…/firstname-surname").
    Faker's lists are evidence here beside the English words."""
    slugs = (_SLUG.finditer(t), _DOTTED_PATH.finditer(t), _PATH_FOLDERS.finditer(t))
    for m in itertools.chain(*slugs):
        parts = [
            (p.start(), p.end(), p.group(0).lower())
            for p in re.finditer(r"[A-Za-z0-9]+", m.group(0))
        ]
        for (s1, _, a), (_, e2, b) in itertools.pairwise(parts):
            if not (_slug_word(a) and _slug_word(b)):
                continue
            given = a.capitalize() in given_names()
            family = b.capitalize() in surnames()
            if (given and (family or not ordinary(b))) or (
                not ordinary(a) and (family or not ordinary(b))
            ):
                yield _hit("name", text, m.start() + s1, m.start() + e2)
                break


# --------------------------------------------------------------------------- addresses


@cache
def _street_words() -> str:
    words = set(street_suffixes()) | set(
        """
        road street lane avenue close crescent drive grove terrace gardens approach mews rise
        walk way place square parade row hill court view vale green park croft mead meadow
        meadows chase fields end gate heights lea path promenade quay ridge wynd broadway
        boulevard circus embankment esplanade wharf yard gardens glade dale brow bank side
        hollow nook orchard paddock pastures reach springs wood woods circle loke twitten
        gardens drove cottages villas buildings place
        """.split()
    )
    return "|".join(sorted((re.escape(w.capitalize()) for w in words), key=len, reverse=True))


_FLAT = r"(?:Flat|Apartment|Apt\.?|Unit|Studio|Maisonette|Room|Plot|Bedsit|Flat No\.?)"


@cache
def _address_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    streets = _street_words()
    numbered = re.compile(
        rf"(?:\b{_FLAT}[ \u00a0]+\d{{1,4}}[A-Za-z]?,?[ \u00a0]+)?"
        rf"(?<![\d/.:-])\b\d{{1,4}}[A-Za-z]?(?:-\d{{1,4}})?,?[ \u00a0]+(?:{W}[ \u00a0]+){{0,3}}"
        rf"(?:{streets})\b"
    )
    # A number and a capitalised name with no street word ("12 Broadmead") where
    # an address is meant: after "at", "lived", a flat, and the like.
    bare = re.compile(
        rf"\b(?:(?:{_FLAT}[ \u00a0]+\d{{1,4}}[A-Za-z]?,?[ \u00a0]+)|"
        r"(?:at|to|from|address|lived|living|lives|moved|visited|of|on|in|and|as|owned|owns|"
        r"rented|rents|bought|sold|occupied|near|outside|behind|opposite|beside|past)[ \u00a0]+"
        rf"(?:number[ \u00a0]+)?)(?P<n>\d{{1,4}}[A-Za-z]?),?[ \u00a0]+"
        rf"(?P<name>{W}(?:[ \u00a0]{W}){{0,2}})"
    )
    # Without a number, only the words that mean nothing but a street: "Wood",
    # "Light", "Park" or "Hill" end the names of many other things.
    unnumbered = re.compile(
        # At most six words before the street word: unbounded, a page of capitalised
        # words would be read once from each word (quadratic time).
        rf"\b(?P<name>{W}(?:[ \u00a0]+(?:{W}|upon|on|the|le|de|by)){{0,5}})[ \u00a0]+"
        r"(?:Road|Street|Lane|Avenue|Close|Crescent|Drive|Grove|Terrace|Gardens|Approach|Mews|"
        r"Boulevard|Way|Parade|Rd|St|Ave)\b(?!-)"
    )
    return numbered, bare, unnumbered


_FLAT_ALONE = re.compile(rf"\b{_FLAT}[ \u00a0]+\d{{1,4}}[A-Za-z]?\b")
#: A flat typed in lower case ("flat 7c"): not a count after it ("flat 2 miles").
_FLAT_LOWER = re.compile(
    r"\b(?:flat|apartment|apt\.?|maisonette|bedsit)[ \u00a0]+(?:no\.?[ \u00a0]*)?"
    r"(?P<n>\d{1,4}[a-z]?)\b(?![ \u00a0]+(?:miles?|metres?|meters?|km|minutes?|hours?|"
    r"days?|weeks?|months?|years?|times?|doors?|floors?|storeys?|%))"
)
_INSTITUTION_BEFORE_COURT = frozenset(
    "family crown youth county magistrates magistrates' high supreme appeal royal district "
    "coroner's coroners civil criminal the a".split()
)
_UNIT_WORDS = frozenset(
    """
    children child adults agencies months weeks days years hours minutes times occasions
    practitioners professionals visits referrals contacts siblings cases reviews schools
    per percent pupils people staff members families points key questions things steps
    """.split()
)


def _addresses(text: str, t: str) -> Iterator[Hit]:
    numbered, bare, unnumbered = _address_patterns()
    for m in numbered.finditer(t):
        yield _hit("address", text, m.start(), m.end())
    for m in bare.finditer(t):
        first = m.group("name").split()[0].lower()
        if first in _MONTH_WORDS or first in _UNIT_WORDS or first.upper() in ACRONYMS:
            continue
        n = m.group("n")
        if len(n) == 4 and n.isdigit() and n[:2] in ("19", "20"):
            continue  # a year: "in 2023 Kestrelford..."
        start = m.start() if t[m.start()].isupper() else m.start("n")
        yield _hit("address", text, start, m.end())
    for m in _FLAT_ALONE.finditer(t):
        yield _hit("address", text, m.start(), m.end())
    for m in _FLAT_LOWER.finditer(t):
        yield _hit("address", text, m.start(), m.end())
    for m in unnumbered.finditer(t):
        words = m.group("name").split()
        last_word = t[m.end("name") :].split()[0] if t[m.end("name") :].split() else ""
        if last_word == "Court" and words[-1].lower() in _INSTITUTION_BEFORE_COURT:
            continue
        # Drop words that open a sentence or describe: "On Broadmead", "The High Street".
        while words and (words[0].lower() in _LEAD_WORDS):
            words.pop(0)
        if not words:
            continue
        if all(w.lower() in _GENERIC_PLACE_WORDS for w in words):
            continue
        start = m.end("name") - len(" ".join(words))
        yield _hit("address", text, start, m.end())


_LEAD_WORDS = frozenset(
    "the a an on in at of to from near off by and or but when while after before this that "
    "her his their our its".split()
)
_GENERIC_PLACE_WORDS = frozenset(
    """
    high main church station market new old north south east west upper lower front back
    long private public local community family youth royal general central council
    children's crown county magistrates supreme appeal district civil criminal
    """.split()
)

# --------------------------------------------------------------------------- places

_VENUE_WORDS = (
    r"(?:Estate|estate|Hotel|Inn|Lodge|Motel|B&B|Hostel|Guest House|Community Cent(?:re|er)|"
    r"Cent(?:re|er)|Leisure Cent(?:re|er)|Sports Cent(?:re|er)|Youth Club|Youth Cent(?:re|er)|"
    r"Surgery|Medical Cent(?:re|er)|Health Cent(?:re|er)|Medical Practice|Practice|Clinic|"
    r"Hospital|Infirmary|Hospice|Mosque|Masjid|Church|Chapel|Cathedral|Temple|Gurdwara|Mandir|"
    r"Synagogue|Kingdom Hall|Park|Station|Shopping Cent(?:re|er)|Retail Park|Library|Arms|"
    r"Tavern|Club|Stadium|Arena|Refuge|Foyer|House|Tower|Towers|Heights|Barracks|Prison|"
    r"Caravan Park|Holiday Park|Farm|Cafe|Café|Takeaway|Marina|Leisure Park|"
    r"Recreation Ground|Rec|Playing Fields|Common|Woods|Forest|Lido|Baths|Pool|Gym|"
    r"Working Men's Club|Social Club|Hall|Village|Quarter|Flats|flats|Court|Mansions|Lodge|Hub|"
    r"Cottage|Cottages|Bungalow|Farmhouse|Grange|Manor|Barn|Caravan Site|Travellers' Site|"
    r"Campsite|Boatyard)"
)
_VENUE = re.compile(
    rf"(?P<name>(?:St\.?[ \u00a0]+)?{W}(?:'s)?"
    rf"(?:[ \u00a0]+(?:{W}(?:'s)?|&|and|of|the|on|upon)){{0,4}})"
    rf"[ \u00a0]+(?P<kind>{_VENUE_WORDS})\b"
)
_VENUE_FIRST = re.compile(rf"\b(?:Hotel|HMP|HMYOI|Club|Café|Cafe|Camp)[ \u00a0]+(?P<name>{NAME})")
#: Words that describe a venue rather than name it: "the General Hospital",
#: "a Community Centre", "the Children's Hospital".
_GENERIC_VENUE_WORDS = frozenset(
    """
    the a an general community children's childrens royal university district county city
    local medical health family youth leisure sports shopping retail acute mental maternity
    women's womens hospital new old main central north south east west private public
    national regional special specialist primary secondary care day night emergency
    urgent walk-in walk in his her their its our your this that same another other
    working men's social village town parish of and on upon & st st. saint council housing
    temporary emergency supported accommodation mother baby contact resource respite
    assessment residential secure training safe refuge short long stay
    """.split()
)


#: Words that also end the names of bodies, documents and programmes ("Family
#: Court", "Practice Review", "Resource Centre"): a venue only with a word
#: that is not an ordinary one before them.
_VENUE_QUALIFIERS = frozenset(
    "Medical Health Community Youth Leisure Sports Family Children's Day Resource Contact "
    "Dental GP Social Sure Start Wellbeing Neighbourhood Enterprise Arts Faith Islamic "
    "Cultural Advice Drop-in".split()
)
_AMBIGUOUS_VENUES = frozenset(
    "House Court Hall Park Common Village Club Practice Centre Center Hub Quarter Lodge".split()
)


#: What a named place is, said beside its name: "the nursery, Little Owls,",
#: "Riverside Lodge, a hostel". Schools and childcare are reported as schools.
_SETTING_NOUNS = (
    r"(?P<school>nursery|pre-school|preschool|playgroup|childminder|childminders|school|"
    r"academy|college|creche|crèche|setting|day nursery)|(?P<venue>hostel|hotel|motel|pub|bar|"
    r"nightclub|restaurant|café|cafe|takeaway|shop|block of flats|tower block|flats|estate|"
    r"house|cottage|farm|farmhouse|bungalow|caravan site|caravan park|refuge|bed and breakfast|"
    r"b&b|guest house|church|mosque|temple|gurdwara|community centre|youth club|gym|hamlet|"
    r"village|town|children's home|care home|supported lodgings)"
)
_SETTING_THEN_NAME = re.compile(
    rf"\b(?:{_SETTING_NOUNS})(?:'s|s')?,[ \u00a0]+(?P<name>(?:the[ \u00a0]+)?{NAME})"
    r"(?=[ \u00a0]*[,.;:)]|[ \u00a0]+(?:was|were|had|has|is|reported|said|told|where|which|"
    r"raised|noted|recorded|did|had)\b)"
)
_NAME_THEN_SETTING = re.compile(
    rf"(?P<name>{NAME}),[ \u00a0]+(?:a|an|the|their|his|her|our)[ \u00a0]+"
    r"(?:[a-z'’-]+[ \u00a0]+){0,2}"
    rf"(?:{_SETTING_NOUNS})\b"
)
_PLACE_WORD_BEFORE = re.compile(
    r"\b(?:at|in|from|to|near|on|of|into|outside|behind|opposite|visited|attended|"
    r"attending)[ \u00a0]+(?:the[ \u00a0]+)?$",
    re.I,
)


#: A place given its name: "a farmhouse called The Laurels", "a park known as
#: the Rec"; a home with a name of its own: "lived at The Old Rectory".
_SETTING_CALLED = re.compile(
    rf"\b(?:{_SETTING_NOUNS}|park|site|building|block|unit|venue|club|drop-in|centre|lounge)"
    r"[ \u00a0]+(?:called|named|known[ \u00a0]+(?:locally[ \u00a0]+)?as)[ \u00a0]+"
    rf"(?P<name>(?:[Tt]he[ \u00a0]+)?{NAME})"
)
_HOME_CALLED_THE = re.compile(
    r"\b(?:lived|lives|living|stayed|staying|housed|rehoused|placed|moved)[ \u00a0]+"
    rf"(?:in|at|into|to)[ \u00a0]+(?P<name>The[ \u00a0]+{NAME})"
)


def _named_settings(text: str, t: str) -> Iterator[Hit]:
    for pattern in (_SETTING_CALLED, _HOME_CALLED_THE):
        for m in pattern.finditer(t):
            words = m.group("name").split()[1:] if m.group("name")[:4] in ("The ", "the ") else []
            words = words or m.group("name").split()
            if any(_generic_name_word(w) for w in words) or _geography(" ".join(words)):
                continue
            school = pattern is _SETTING_CALLED and bool(m.group("school"))
            yield _hit("school" if school else "place", text, m.start("name"), m.end("name"))
    for m in _SETTING_THEN_NAME.finditer(t):
        yield from _setting(text, t, m, after=True)
    for m in _NAME_THEN_SETTING.finditer(t):
        yield from _setting(text, t, m, after=False)


def _setting(text: str, t: str, m: re.Match[str], after: bool) -> Iterator[Hit]:
    words = m.group("name").split()
    while words and words[0].lower() in _LEAD_WORDS:
        words.pop(0)
    if not words or any(_generic_name_word(w) for w in words):
        return
    start = m.end("name") - len(" ".join(words))
    if not after:
        # The name comes first: where a place is meant ("at Riverside Lodge, a
        # hostel"), or not English ("Gorsefield, a village"); not a heading's
        # word or an ordinary word opening a sentence.
        placed = _PLACE_WORD_BEFORE.search(t, max(0, start - 20), start)
        if not placed and all(ordinary(w) for w in words):
            return
    kind = "school" if m.group("school") else "place"
    yield _hit(kind, text, start, m.end("name"))


def name_word_of_a_place(word: str) -> bool:
    """A word that ends a place's or a body's name: "Street", "Church", "Centre"."""
    return (
        _generic_name_word(word)
        or bool(re.fullmatch(_street_words(), word))
        or bool(re.fullmatch(_VENUE_WORDS, word))
    )


def _generic_name_word(word: str) -> bool:
    """A word that names no one place: a common word, or a country or region."""
    return _common_word(word) or _geography(word)


#: A street or an estate typed in lower case without a number: "on mill lane",
#: "the brookside estate"; not "the main road", "a council estate".
_LOWER_STREET_NAMED = re.compile(
    r"\b(?:on|in|along|off|from|at|near|to|into|down|up)[ \u00a0]+(?P<a>(?:the[ \u00a0]+)?"
    r"(?P<w>[a-z][a-z'’-]{2,})[ \u00a0]+(?P<kind>street|road|lane|avenue|crescent|close|"
    r"terrace|grove|drive|estate))\b"
)
_GENERIC_STREET_WORDS = frozenset(
    """
    the a an this that same main high busy quiet local residential back side ring private
    public slip new old nearby next one-way country village council housing large small
    big social industrial trading business retail whole entire wider other rural urban
    deprived nearest neighbouring his her their our its family dual long short wrong
    right open closed dark unlit narrow wide major minor b main
    """.split()
)


def _lower_streets(text: str, t: str) -> Iterator[Hit]:
    for m in _LOWER_STREET_NAMED.finditer(t):
        w = m.group("w")
        if w in _GENERIC_STREET_WORDS or w in _LEAD_WORDS or w in _FUNCTION_WORDS:
            continue
        if m.group("kind") == "estate" and not m.group("a").startswith("the"):
            continue  # "on cross estate"? estates are "the X estate"
        if w.endswith(("ing", "ed")) or _sector_word(w) or w in PERSON_WORDS:
            continue  # "on adjoining road", "off the gated estate"
        kind = "place" if m.group("kind") == "estate" else "address"
        yield _hit(kind, text, m.start("w"), m.end())


#: Where someone lives, stays or is placed: the name after it is a home.
_HOUSED_IN = re.compile(
    r"\b(?:lived|lives|living|live|stayed|stays|staying|housed|rehoused|placed|moved|"
    r"resided|residing|returned|sleeping|slept)[ \u00a0]+(?:in|at|into|to|back to)"
    r"[ \u00a0]+(?:the[ \u00a0]+)?$"
)
#: A named place by where someone was beside it: "outside the Red Lion", "near
#: the Golden Wok". (Not "to the" or "at the": "at the Panel", "to the Board".)
_BESIDE_THE = re.compile(
    r"\b(?:outside|opposite|behind|above|inside|beside|near|next to)[ \u00a0]+the[ \u00a0]+"
    rf"(?P<name>{W}(?:'s)?(?:[ \u00a0]+{W}){{0,2}})"
    r"(?=[ \u00a0]*(?:[,.;:!?)]|$)|[ \u00a0]+(?!of\b)[a-z])"
)


def _beside(text: str, t: str) -> Iterator[Hit]:
    for m in _BESIDE_THE.finditer(t):
        words = m.group("name").split()
        if any(_generic_name_word(w) for w in words):
            continue
        names = [w for w in words if w.lower() not in _GENERIC_VENUE_WORDS]
        if all(re.fullmatch(_VENUE_WORDS, w) for w in names):
            continue  # "the Town Hall", "the Station": a kind of place, not a named one
        yield _hit("place", text, m.start("name"), m.end("name"))


def _venues(text: str, t: str) -> Iterator[Hit]:
    yield from _beside(text, t)
    for m in _VENUE.finditer(t):
        words = m.group("name").split()
        while words and words[0].lower() in _LEAD_WORDS:
            words.pop(0)
        if not words:
            continue
        names = [w for w in words if w.lower().strip("'s") not in _GENERIC_VENUE_WORDS]
        if not names or all(w.lower() in _NOT_IN_NAMES for w in names):
            continue
        kind = m.group("kind")
        start = m.end("name") - len(" ".join(words))
        if all(ordinary(w) for w in names) and any(_sector_word(w) for w in names):
            continue  # "Adolescent Safeguarding Hub": a service, named by what it does
        if words[-1] in _VENUE_QUALIFIERS:
            # "Hollybank Medical Practice", "Fernhill Community Centre": a kind of
            # venue, so the word before it names one, whatever that word is.
            pass
        elif (
            kind in _AMBIGUOUS_VENUES
            and all(ordinary(w) for w in names)
            and not _HOUSED_IN.search(t, max(0, start - 30), start)
        ):
            # Words that also end names of bodies and documents ("Family Court",
            # "Practice Review"): only with a word that is not an ordinary one,
            # or where someone lives or is placed ("lived in Kingfisher Court").
            continue
        yield _hit("place", text, start, m.end())
    for m in _VENUE_FIRST.finditer(t):
        yield _hit("place", text, m.start(), m.end())
    yield from _named_settings(text, t)


_OUTWARD = re.compile(
    r"(?<![\w/-])(?P<pc>(?:AB|AL|BA|BB|BD|BH|BL|BN|BR|BS|BT|CA|CB|CF|CH|CM|CO|CR|CT|CV|CW|DA|DD|"
    r"DE|DG|DH|DL|DN|DT|DY|EC|EH|EN|EX|FK|FY|GL|GU|GY|HA|HD|HG|HP|HR|HS|HU|HX|IG|IM|IP|IV|JE|KA|"
    r"KT|KW|KY|LA|LD|LE|LL|LN|LS|LU|ME|MK|ML|NE|NG|NN|NP|NR|NW|OL|OX|PA|PE|PH|PL|PO|PR|RG|RH|RM|"
    r"SA|SE|SG|SK|SL|SM|SN|SO|SP|SR|SS|ST|SW|SY|TA|TD|TF|TN|TQ|TR|TS|TW|UB|WA|WC|WD|WF|WN|WR|WS|"
    r"WV|YO|ZE|B|E|G|L|M|N|S|W)\d{1,2}[A-Z]?)(?![\w/-])"
)
_OUTWARD_BEFORE = re.compile(
    r"(?:(?:out(?:ward)?[ -]?)?code(?:[ \u00a0]+(?:was|is))?|postcode|post code|postal district|"
    r"district|area|address|in|from|to|near|around|within|"
    r"lived|living|moved|at|of|the|an?|enter|entering|visit|visiting|stay|stayed|staying|"
    r"outside|back[ \u00a0]+to)[ \u00a0,:('\"‘“]*(?:the[ \u00a0]+)?(?:[A-Z][a-z]+[ \u00a0]+)?$",
    re.I,
)
_OUTWARD_LOWER = re.compile(
    r"(?<![\w/-])(?P<pc>[a-z]{1,2}\d{1,2}[a-z]?)[ \u00a0]+(?:area|postcode|district|post code)\b"
    # typed in lower case where a place is meant: "somewhere in bd7"
    r"|\b(?:in|from|to|near|around|within|lived|living)[ \u00a0]+(?:the[ \u00a0]+)?"
    r"(?P<after>[a-z]{1,2}\d{1,2}[a-z]?)"
    r"(?![\w/-])"
)
_OUTWARD_AFTER = re.compile(r"[ \u00a0]*(?:area|postcode|district|post code|address|estate)", re.I)
_ROADS = re.compile(r"^[AMB]\d{1,4}(?:M)?$")


#: A what3words address ("///three.word.address") and a latitude and longitude
#: in decimal degrees ("51.50344, -0.12766"): each names a spot to a few metres.
_WHAT3WORDS = re.compile(r"(?<![\w/])/{3}[a-z]{2,}\.[a-z]{2,}\.[a-z]{2,}\b")
_COORDINATES = re.compile(
    r"(?<![\w.])[-+]?(?:[1-8]?\d)\.\d{3,}°?[ \u00a0]*[NS]?,[ \u00a0]*"
    r"[-+]?(?:1[0-7]\d|\d{1,2})\.\d{3,}°?(?:[ \u00a0]*[EW]\b)?"
)


def _spots(text: str, t: str) -> Iterator[Hit]:
    for pattern in (_WHAT3WORDS, _COORDINATES):
        for m in pattern.finditer(t):
            yield _hit("place", text, m.start(), m.end())


def _partial_postcodes(text: str, t: str) -> Iterator[Hit]:
    for m in _OUTWARD_LOWER.finditer(t):
        group = "pc" if m.group("pc") else "after"
        pc = m.group(group).upper()
        # "near b1234" may be a road; "in b11", "living in b11" is a district
        # (Birmingham's all share a B road's shape).
        road = (
            group == "after"
            and _ROADS.match(pc) is not None
            and not re.match(r"(?:in|within|liv)", m.group(0))
        )
        if _OUTWARD.fullmatch(pc) and not road:
            yield _hit("postcode", text, m.start(group), m.end(group))
    for m in _OUTWARD.finditer(t):
        before = _OUTWARD_BEFORE.search(t, max(0, m.start() - 40), m.start())
        after = _OUTWARD_AFTER.match(t, m.end())
        if not (before or after):
            continue
        pc = m.group("pc")
        # "the M25", "the A1": roads share the shape of some districts.
        by_road = before and re.search(
            r"(?:the|on|off|via|along)[ \u00a0]*$", before.group(0), re.I
        )
        if _ROADS.match(pc) and not after and by_road:
            continue
        yield _hit("postcode", text, m.start(), m.end())


# --------------------------------------------------------------------------- schools

_SCHOOL_END = (
    r"(?:School|Academy|Nursery|College|Pre-?[Ss]chool|Primary|Secondary|High|Grammar|"
    r"Infants?|Juniors?|Sixth Form|Montessori|PRU|Pupil Referral Unit|Kindergarten|"
    r"Playgroup|Children's Cent(?:re|er)|Creche|Crèche|Free School|UTC|Studio School|"
    r"Day Nursery|Tutorial Cent(?:re|er)|Learning Cent(?:re|er)|Alternative Provision|"
    r"Childminding|Childminders|Childcare|Day Care|Daycare|Playschool|Play School)"
)
_SCHOOL_LINK = (
    r"(?:Church of England|C of E|C\.? of E\.?|CE|CofE|C\.E\.|Catholic|Roman Catholic|RC|R\.C\.|"
    r"Methodist|Jewish|Muslim|Islamic|Sikh|Hindu|Community|Foundation|Voluntary Aided|VA|VC|"
    r"Free|Special|Primary|Junior|Infant|Nursery|Secondary|High|Grammar|Prep|Preparatory|"
    r"Girls'?|Boys'?|and|&|of|the|St\.?|Saint|Our Lady|Holy|Sacred|Blessed)"
)
_SCHOOL = re.compile(
    rf"(?P<name>(?:(?:St\.?|Saint)[ \u00a0]+)?{W}(?:'s)?"
    rf"(?:[ \u00a0]+(?:{W}(?:'s)?|{_SCHOOL_LINK})){{0,6}})"
    rf"[ \u00a0]+(?P<kind>{_SCHOOL_END})(?![\w-])(?![ \u00a0]+(?:Care|Network|Team|Trust|Service|"
    r"Health|Mental|Nurse|Nurses|Nursing|Practitioner|Practitioners|Age|Phase|Years|Education|"
    r"Level|Schools?|Head|Leader|Leaders|Lead|Staff|Worker|Workers|Sector|Settings?|Provision|"
    r"Transition|Pupils?|Places?))"
)
_SCHOOL_GENERIC = frozenset(
    """
    the a an her his their its our your this that same new old former previous current
    local mainstream special primary secondary high grammar infant infants junior juniors
    nursery community catholic church of england c e ce cofe rc methodist free state
    independent private maintained voluntary aided va vc foundation sixth form girls boys
    girls' boys' prep preparatory virtual village further education sixth-form alternative
    and & school schools academy college pre-school preschool day residential boarding
    hospital designated named lead head deputy assistant royal national each every any
    another one two three all some first second next both at in to from of for with by
    on as when while after before st st. saint kestrelford
    """.split()
) - {"kestrelford"}


_ENDS_A_SCHOOL = frozenset({"school", "academy", "college", "nursery", "pre-school", "preschool"})


def _school_hits(text: str, t: str) -> Iterator[Hit]:
    for m in _SCHOOL.finditer(t):
        if re.match(r"[ \u00a0]+of\b", t[m.end() :]):
            continue  # "the College of Policing", "Royal College of Nursing": a body
        words = m.group("name").split()
        # "Testshire College and Elm Academy": the words after the last kind name
        # the second one (the first is a hit of its own).
        ends = [i for i, w in enumerate(words) if w.lower() in _ENDS_A_SCHOOL]
        if ends:
            words = words[ends[-1] + 1 :]
        # Leading words that cannot start a school's name ("At", "The", "her").
        while words and words[0].lower().rstrip(".") in _LEAD_WORDS | {"at", "attended"}:
            words.pop(0)
        if not words:
            continue
        proper = [w for w in words if w.lower().rstrip(".") not in _SCHOOL_GENERIC]
        if not proper:
            continue
        kind = m.group("kind")
        if kind in (
            "High",
            "Primary",
            "Secondary",
            "Grammar",
            "Infants",
            "Infant",
            "Juniors",
            "Junior",
        ) and all(w.lower() in _NOT_IN_NAMES for w in proper):
            continue
        start = m.end("name") - len(" ".join(words))
        yield _hit("school", text, start, m.end())


# --------------------------------------------------------------------------- numbers and dates

_VEHICLE = re.compile(
    r"(?<![\w-])(?:[A-HJ-PR-Y][A-HJ-PR-Y](?:0[1-9]|[1-7][0-9])[ \u00a0-]?[A-HJ-PR-Z]{3})(?![\w-])"
)
_VEHICLE_OLD = re.compile(
    r"(?<![\w-])(?:[A-HJ-NPR-TV-Y]\d{1,3}[ \u00a0-]?[A-HJ-PR-Y][A-HJ-PR-Z]{2}|"
    r"[A-HJ-PR-Z]{3}[ \u00a0-]?\d{1,3}[ \u00a0-]?[A-HJ-NPR-TV-Y]|[A-Z]{1,3}[ \u00a0-]?\d{1,4}|"
    r"\d{1,4}[ \u00a0-]?[A-Z]{1,3})(?![\w-])"
)
_VEHICLE_CUE = re.compile(
    r"(?:registration|reg\.?|number plate|plate|vehicle|car|van|motorbike|moped|taxi|VRM|ANPR|"
    r"index)(?:[ \u00a0]+(?:number|no\.?|mark|plate))?[ \u00a0:,]*(?:was|of|is|number)?[ \u00a0]*$",
    re.I,
)


def _vehicles(text: str, t: str) -> Iterator[Hit]:
    for m in _VEHICLE.finditer(t):
        yield _hit("vehicle-registration", text, m.start(), m.end())
    for m in _VEHICLE_OLD.finditer(t):
        if _VEHICLE_CUE.search(t, max(0, m.start() - 40), m.start()):
            yield _hit("vehicle-registration", text, m.start(), m.end())


_ID_CUE = re.compile(
    r"(?P<cue>hospital|patient|unit|MRN|medical record|case|crime|incident|log|occurrence|CAD|"
    r"UPN|ULN|unique pupil|pupil|learner|"
    r"referral|reference|ref|report|court|custody|URN|CRN|PNC|CRO|Athena|Niche|Storm|job|"
    r"episode|record|file|claim|tenancy|account|booking|ticket|serial|warrant|docket|"
    r"exhibit|offender|prisoner|prison|NOMIS|Mosaic|LCS|Liquidlogic|SystmOne|EMIS|Rio|RiO)"
    r"(?:'s)?(?:[ \u00a0]+(?:number|no\.?|num|ID|identifier|reference|ref\.?|code|#))?"
    r"(?:[ \u00a0]+(?:for|of|on)[ \u00a0]+(?:(?:the|this|that|his|her|their)[ \u00a0]+)?"
    r"(?:[a-z'’]+[ \u00a0]+)?(?:was|is)(?:[ \u00a0]+(?:given|recorded|listed)[ \u00a0]+as)?)?"
    r"[ \u00a0]*(?:was|is|of|:|#|-|–|,|\(|as)?[ \u00a0]*"
    # In groups, as numbers are written to be read out: "RXH 0042 7719", "4471 2290".
    r"(?P<id>(?-i:[A-Z]{1,5})[ \u00a0]?\d{2,}(?:[ \u00a0]\d{2,}){1,3}(?![\w/-])"
    r"|(?-i:[A-Z]{1,4})\d{1,2}[ \u00a0]\d{4,}(?![\w/-])"
    r"|\d{3,}(?:[ \u00a0]\d{3,}){1,3}(?![\w/-])"
    r"|(?-i:[A-Z]{0,5})[/-]?\d(?-i:[A-Z\d/*-]){2,20}(?-i:[A-Z\d])|(?-i:[A-Z]{1,5})\d{4,}|\d{4,})",
    re.I,
)
_LONG_ID = re.compile(
    r"(?<![\w/-])(?:[A-Z]{1,4}[ -]?\d{6,10}|[A-Z]{1,4}-\d{4,8}|[A-Z]{2}\d{2}[A-Z]\d{4,})(?![\w/-])"
)
_OWN_REFERENCE = re.compile(r"^[A-Z]{2,6}-\d{4}-\d{2,3}$")


def _identifiers(text: str, t: str) -> Iterator[Hit]:
    for m in _ID_CUE.finditer(t):
        ident = m.group("id").strip(" -/")
        digits = sum(c.isdigit() for c in ident)
        if digits < 4 or _OWN_REFERENCE.match(ident):
            continue
        if re.fullmatch(r"(?:19|20)\d\d(?:[-/](?:19|20)?\d\d)?", ident):
            continue  # a year, or a span of years
        cue = m.group("cue").lower()
        kind = (
            "hospital-number"
            if cue
            in {"hospital", "patient", "unit", "mrn", "medical record", "systmone", "emis", "rio"}
            else "case-reference"
        )
        start = m.start("id") + (len(m.group("id")) - len(m.group("id").lstrip(" -/")))
        yield _hit(kind, text, start, start + len(ident))
    for m in _LONG_ID.finditer(t):
        if re.fullmatch(r"[A-Z]+-(?:19|20)\d\d", m.group(0)):
            continue  # "COVID-2020"? a name and a year, not a reference
        if not _OWN_REFERENCE.match(m.group(0)):
            yield _hit("hospital-number", text, m.start(), m.end())


_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_DAY_DATE = re.compile(
    rf"(?:\b{_DAYS},?[ \u00a0]+(?:the[ \u00a0]+)?)?"
    rf"(?:\b(?:[12]\d|3[01]|0?[1-9])[/.-](?:1[0-2]|0?[1-9])[/.-](?:\d{{4}}|\d{{2}})\b"
    rf"|\b(?:19|20)\d\d-(?:1[0-2]|0[1-9])-(?:[12]\d|3[01]|0[1-9])\b"
    rf"|\b{_DAY}(?:[ \u00a0]+of)?[ \u00a0]+{_MONTHS}\b\.?(?:,?[ \u00a0]+(?:19|20)\d\d\b)?"
    rf"|\b{_MONTHS}\.?[ \u00a0]+{_DAY}\b(?!:)(?:,?[ \u00a0]+(?:19|20)\d\d\b)?"
    rf"|\b(?:the[ \u00a0]+)?{_DAY}[ \u00a0]+of[ \u00a0]+{_MONTHS}\b"
    # A weekday and a day of the month, the month understood: "Monday the 9th".
    rf"|\b{_DAYS},?[ \u00a0]+the[ \u00a0]+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b)"
)
_LOWER_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|apr(?:il)?|june|july|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|march)"
)
#: A date typed in lower case ("3rd feb 2022"): with its year, since "3 may"
#: and "1 march" are also words.
_LOWER_DATE = re.compile(
    rf"\b{_DAY}(?:[ \u00a0]+of)?[ \u00a0]+{_LOWER_MONTHS}\.?,?[ \u00a0]+(?:19|20)\d\d\b"
    r"|\b(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?:[ \u00a0]+of)?[ \u00a0]+(?:january|february|"
    r"april|june|july|august|september|october|november|december)\b"
    r"|\bon[ \u00a0]+(?:the[ \u00a0]+)?(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?:[ \u00a0]+of)?"
    r"[ \u00a0]+(?:may|march|jan|feb|apr|jun|jul|aug|sept?|oct|nov|dec)\b"
    rf"|\b{_LOWER_MONTHS}[ \u00a0]+{_DAY},?[ \u00a0]+(?:19|20)\d\d\b"
)
#: Days known by name, with a year or after "on": as exact as a date.
_NAMED_DAY = re.compile(
    r"\b(?:(?:on|On)[ \u00a0]+(?:the[ \u00a0]+)?(?P<a>Christmas Day|Christmas Eve|Boxing Day|"
    r"New Year'?s'? (?:Eve|Day)|Valentine'?s'? Day|Hallowe'?en|Bonfire Night|"
    r"Easter (?:Sunday|Monday)|Good Friday|Mother'?s'? Day|Father'?s'? Day|Guy Fawkes Night)"
    r"|(?P<b>Christmas Day|Christmas Eve|Boxing Day|New Year'?s'? (?:Eve|Day)|Valentine'?s'? Day|"
    r"Hallowe'?en|Bonfire Night|Easter (?:Sunday|Monday)|Good Friday|Mother'?s'? Day|"
    r"Father'?s'? Day|Guy Fawkes Night),?[ \u00a0]+(?:19|20)\d\d)\b"
)
_BIRTH_CUE = re.compile(
    r"(?:born|birth|d\.?o\.?b\.?|DoB|died|death|deceased|passed away|birthday)[^.\n]{0,30}$", re.I
)


def _dates(text: str, t: str) -> Iterator[Hit]:
    for m in _LOWER_DATE.finditer(t):
        yield _hit("event-date", text, m.start(), m.end())
    for m in _NAMED_DAY.finditer(t):
        start = m.start("a") if m.group("a") else m.start()
        yield _hit("event-date", text, start, m.end())
    for m in _DAY_DATE.finditer(t):
        s = m.group(0)
        if not re.search(r"\d", s):
            continue
        if re.fullmatch(rf"{_MONTHS}\.?[ \u00a0]+\d{{1,2}}", s) and re.match(
            r"[ \u00a0]*(?:\d|years?|months?|weeks?|days?|hours?|times?|visits?|%)", t[m.end() :]
        ):
            continue  # "May 12 visits": a count after a month's name
        kind = (
            "birth-or-death-date"
            if _BIRTH_CUE.search(t, max(0, m.start() - 40), m.start())
            else "event-date"
        )
        yield _hit(kind, text, m.start(), m.end())


# --------------------------------------------------------------------------- all


def find(text: str, ents: dict[tuple[int, int], str] | None = None) -> list[Hit]:
    """Every rule's hits in ``text``; ``ents`` are the recogniser's entity labels by
    span, used to tell an organisation from a person."""
    t = ascii_shape(text)
    hits: list[Hit] = []
    has_capital = bool(_CAP.search(t))
    if has_capital:
        hits += _names(text, t, ents or {})
        hits += _venues(text, t)
        hits += _school_hits(text, t)
    else:
        hits += _titles(text, t)  # "mr duda" in text typed in lower case
    if "'" in t or '"' in t:
        hits += _nicknames(text, t)
    hits += _lower_case(text, t)
    if "-" in t or "_" in t or "/" in t:
        hits += _slugs(text, t)
    hits += _handles(text, t)
    digits = any(c.isdigit() for c in t)
    if digits or has_capital:
        hits += _addresses(text, t)  # streets need no number: "on Broadmead Road"
    if "///" in t or (digits and "." in t):
        hits += _spots(text, t)
    if digits:
        hits += _partial_postcodes(text, t)
        hits += _vehicles(text, t)
        hits += _identifiers(text, t)
        hits += _dates(text, t)
    if has_capital or "." in t:
        hits += _initials(text, t)
    hits += cues.find(text)
    from checks.anonymise import standing  # (it uses this module's words)

    hits += standing.find(text, t)
    # "Child A", "Adult F", "Sibling 2" are the accepted pseudonyms, wherever a
    # rule met them (quoted after "known as", say).
    return [h for h in hits if not (h.kind == "name" and pseudonym(h.text))]


_PSEUDONYM = re.compile(
    rf"(?:the[ \u00a0]+)?(?P<who>(?:[A-Za-z-]+[ \u00a0]+){{1,2}}){LETTER}(?:'s|’s)?"
)


def pseudonym(text: str) -> bool:
    """A person word and a letter, a doubled letter or a number: "Child A",
    "Young Person D", "Baby RR", "Sibling 2"."""
    m = _PSEUDONYM.fullmatch(text.strip())
    return m is not None and all(w.lower() in PERSON_WORDS for w in m.group("who").split())


#: The kinds these rules report.
KINDS = frozenset(
    {
        "name",
        "handle",
        "address",
        "place",
        "postcode",
        "school",
        "vehicle-registration",
        "hospital-number",
        "case-reference",
        "event-date",
        "birth-or-death-date",
        *cues.KINDS,
    }
)
