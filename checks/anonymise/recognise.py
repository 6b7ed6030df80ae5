"""Presidio Analyzer over the spaCy model: people, places and organisations found by
what they are.

The analyser is built by hand, not from Presidio's defaults, so that nothing is
fetched at run time:

- its NLP engine is a :class:`SpacyNlpEngine` handed the pipeline that
  checks.anonymise.model has already loaded (Presidio's own ``load`` would run
  ``spacy download`` for a model it cannot find);
- the recognisers are named one by one: spaCy's entities, Presidio's UK
  recognisers (NHS number, National Insurance number, postcode, vehicle
  registration) and this project's context rules (checks.anonymise.context).
  Presidio's email and URL recognisers are left out: they ask ``tldextract``
  for the list of internet domain suffixes, which it may fetch; the project's
  own email pattern (checks.anonymise.detectors) needs no list.

Each finding is turned into a :class:`Hit` of the gate's own kinds. The
recogniser's people and places are kept only where they are not a pseudonym
("Child A"), a role, an acronym or a country; its organisations are not
findings on their own (agencies and national bodies are named on purpose), but
tell the context rules that a word is not a person.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from checks.anonymise import context
from checks.anonymise.detectors import Hit
from checks.anonymise.model import ModelUnavailable, model_name, pipeline
from checks.anonymise.pseudonyms import LETTER

if TYPE_CHECKING:
    from presidio_analyzer import AnalyzerEngine

#: Presidio's entity types, as the gate's kinds. Anything else is not a finding.
KIND_OF_ENTITY = {
    "PERSON": "name",
    "LOCATION": "place",
    "FACILITY": "place",
    "UK_NHS": "nhs-number",
    "UK_NINO": "ni-number",
    "UK_POSTCODE": "postcode",
    "UK_VEHICLE_REGISTRATION": "vehicle-registration",
}

#: spaCy's labels, as Presidio's entity types. Towns and countries (GPE) are
#: locations; other places (LOC, FAC: buildings, estates, rivers) facilities.
#: Nationalities, events, laws and the like are OTHER: never findings, but they
#: tell the context rules that a capitalised word is not a person.
_LABELS = {
    "PERSON": "PERSON",
    "GPE": "LOCATION",
    "LOC": "FACILITY",
    "FAC": "FACILITY",
    "ORG": "ORGANIZATION",
    **{
        label: "OTHER"
        for label in ("NORP", "DATE", "EVENT", "LAW", "WORK_OF_ART", "LANGUAGE", "PRODUCT")
    },
}
_IGNORED_LABELS = ("TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT")

#: Text longer than this goes to the model in pieces, cut at a line break (or a
#: space): the model's cost grows with the length of what it is given at once,
#: and spaCy refuses texts over a million characters.
CHUNK = 20_000


@cache
def analyzer() -> AnalyzerEngine:
    """The analyser, built once per process; :class:`ModelUnavailable` if the model
    cannot be loaded."""
    nlp = pipeline()  # first, so that a missing model is the error reported
    try:
        from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
        from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine
        from presidio_analyzer.predefined_recognizers import (
            NhsRecognizer,
            SpacyRecognizer,
            UkNinoRecognizer,
            UkPostcodeRecognizer,
            UkVehicleRegistrationRecognizer,
        )
    except Exception as exc:
        raise ModelUnavailable(f"Presidio Analyzer cannot be imported ({exc})") from None

    class LoadedSpacy(SpacyNlpEngine):
        """Presidio's spaCy engine over a pipeline already loaded: never a download."""

        def load(self) -> None:
            # Presidio declares the attribute as None until loaded.
            self.nlp = {"en": nlp}  # type: ignore[assignment]

    engine = LoadedSpacy(
        models=[{"lang_code": "en", "model_name": model_name()}],
        ner_model_configuration=NerModelConfiguration(
            model_to_presidio_entity_mapping=_LABELS,
            labels_to_ignore=list(_IGNORED_LABELS),
        ),
    )
    engine.load()
    # Case matters: Presidio's default flags read "x99 and" as a vehicle
    # registration and any word as a postcode's letters.
    registry = RecognizerRegistry(
        supported_languages=["en"], global_regex_flags=re.DOTALL | re.MULTILINE
    )
    for recogniser in (
        SpacyRecognizer(supported_entities=["PERSON", "LOCATION", "FACILITY", "ORGANIZATION"]),
        NhsRecognizer(),
        UkNinoRecognizer(),
        UkPostcodeRecognizer(),
        UkVehicleRegistrationRecognizer(),
        _context_recogniser(),
    ):
        registry.add_recognizer(recogniser)
    return AnalyzerEngine(registry=registry, nlp_engine=engine, supported_languages=["en"])


def _context_recogniser() -> Any:
    """checks.anonymise.context's rules as a Presidio recogniser."""
    from presidio_analyzer import LocalRecognizer, RecognizerResult

    class ContextRecognizer(LocalRecognizer):
        KINDS = sorted(context.KINDS)

        def __init__(self) -> None:
            super().__init__(supported_entities=self.KINDS, name="KbContextRecognizer")

        def load(self) -> None:
            pass

        def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list[Any]:
            labels: dict[tuple[int, int], str] = {}
            if nlp_artifacts is not None:
                for ent in nlp_artifacts.entities:
                    labels[(ent.start_char, ent.end_char)] = ent.label_
            return [
                RecognizerResult(hit.kind, hit.start, hit.end, 0.85)
                for hit in context.find(text, labels)
                if hit.kind in entities
            ]

    return ContextRecognizer()


def recognise(texts: Sequence[str]) -> list[list[Hit]]:
    """The hits of the model and the context rules in each text, in order."""
    pieces: list[tuple[int, int, str]] = []  # (text's index, offset, piece)
    for i, text in enumerate(texts):
        if _worth_reading(text):
            pieces.extend((i, offset, piece) for offset, piece in _chunks(text))
    found: list[list[Hit]] = [[] for _ in texts]
    if not pieces:
        return found
    engine = analyzer()
    nlp = engine.nlp_engine
    entities = sorted({*KIND_OF_ENTITY, "ORGANIZATION", *context.KINDS})
    artifacts = nlp.process_batch(
        [_breakable(p) for _, _, p in pieces], language="en", batch_size=64
    )
    for (i, offset, piece), (_, nlp_artifacts) in zip(pieces, artifacts, strict=True):
        results = engine.analyze(
            piece, language="en", entities=entities, nlp_artifacts=nlp_artifacts
        )
        for result in results:
            kind = KIND_OF_ENTITY.get(result.entity_type, result.entity_type)
            if kind not in context.KINDS and kind not in KIND_OF_ENTITY.values():
                continue  # an organisation on its own
            start, end = _trim(piece, result.start, result.end)
            if kind == "name":
                end = _name_end(piece, start, end)
            before = piece[max(0, start - 40) : start]
            around = piece[max(0, start - 80) : end + 80]
            span = piece[start:end]
            after = piece[end : end + 40]
            if start >= end or not _keep(kind, span, result.entity_type, before, around, after):
                continue
            found[i].append(Hit(kind, offset + start, offset + end, piece[start:end]))
    return found


_LONG_RUN = re.compile(r"\S{65,}")


def _breakable(text: str) -> str:
    """``text`` with a space every 32 characters inside any run of 65 or more
    without one, the same length, so offsets still hold. spaCy's tokenizer splits
    prefixes and suffixes off a token one at a time, in time that grows with the
    square of its length: 40,000 brackets in a row took minutes. No name or place
    is that long; an address or a number in such a run is found by the rules,
    which read the text as written."""
    if len(text) < 65 or _LONG_RUN.search(text) is None:
        return text
    return _LONG_RUN.sub(
        lambda m: "".join(" " if i and i % 32 == 0 else c for i, c in enumerate(m.group(0))), text
    )


#: Text without a letter or a digit (punctuation, a rule of dashes) holds
#: nothing to find. Text in lower case is read too: details are typed that way.
_WORTH = re.compile(r"[^\W_]")


def _worth_reading(text: str) -> bool:
    return bool(_WORTH.search(text))


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    while len(text) - start > CHUNK:
        cut = text.rfind("\n", start + CHUNK // 2, start + CHUNK)
        if cut < 0:
            cut = text.rfind(" ", start + CHUNK // 2, start + CHUNK)
        if cut < 0:
            cut = start + CHUNK
        yield start, text[start:cut]
        start = cut
    yield start, text[start:]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding spaces, punctuation or a possessive 's."""
    while start < end and not text[start].isalnum() and text[start] not in "@'\"“‘":
        start += 1
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in ".'\"”’":
        end -= 1
    if text[start:end].endswith(("'s", "’s")):
        end -= 2
    return start, end


_NOT_NAME_WORD = re.compile(r"[ \u00a0\t\n]+[^ \u00a0\t\n]*[\d<>]")


def _name_end(text: str, start: int, end: int) -> int:
    """Where a person's name the model found ends: before a later word holding a
    digit or markup ("Amelia Grzegorzewska RT051</span>"), which no name has."""
    m = _NOT_NAME_WORD.search(text, start, end)
    return m.start() if m is not None else end


#: A pseudonym: a person word and one capital letter or a number ("Child A",
#: "Mother B", "Sibling 2"), possibly possessive.
_PSEUDONYM = re.compile(rf"^(?:the )?(?:[A-Za-z-]+ )*[A-Za-z-]+ {LETTER}(?:'s|’s)?$")


def _keep(
    kind: str, span: str, entity: str, before: str, around: str = "", after: str = ""
) -> bool:
    """Whether a person or place from the model, or a vehicle registration, is a
    finding."""
    if entity == "UK_VEHICLE_REGISTRATION":
        # Presidio reads plates in any letter case ("E1 and" in "Child E1 and
        # Child E2"); a plate is written in capitals, or near a word for one.
        return span.upper() == span or bool(_PLATE_CUE.search(around))
    if entity not in ("PERSON", "LOCATION", "FACILITY"):
        return True
    words = [w.strip(".,;:()'\"’“”") for w in span.split()]
    words = [w for w in words if w]
    if not words or not any(w[:1].isupper() for w in words):
        return False
    if _PSEUDONYM.match(span) and words[0].lower() in context.PERSON_WORDS:
        return False
    if all(
        w.upper() == w or w.lower() in context.PERSON_WORDS or w.lower() in _NOT_A_NAME
        for w in words
    ):
        return False  # acronyms ("MASH"), roles, words of the sector
    if entity in ("LOCATION", "FACILITY"):
        if " ".join(words).lower().removeprefix("the ") in _GEOGRAPHY:
            return False
        if entity == "FACILITY" and all(context.ordinary(w) for w in words):
            return False  # "Background", "Custody": ordinary words, not a named place
        # Headings and job titles the model takes for places ("Background", "Head
        # of Adolescent Services") are ordinary words; a town named in ordinary
        # words ("Reading") is one where a place is meant, and not a word of a
        # title-cased name ("Death in Custody").
        if not all(context.ordinary(w) for w in words):
            return True
        return bool(_PLACE_CUE.search(before)) and not context.title_cased_before(before)
    # Ordinary words the model took for a person ("Probation Officer",
    # "Assessments") are not one, unless a given name or surname is among them;
    # one ordinary word opening a sentence ("Frank conversations...") is not.
    from checks.anonymise.names import given_names, surnames

    if len(words) == 1 and context.ordinary(words[0]) and _SENTENCE_START.search(before):
        return False

    # Only words written as names count ("KSCP-1234" in "Case KSCP-1234" is not one).
    named = [w for w in words if re.fullmatch(r"[^\W\d_][^\W\d_'’.-]*(?:[-'’][^\W\d_]+)*", w)]
    named = [w for w in named if not w.isupper()]
    # A surname that is also a word ("Case", "Wood") counts beside another name only.
    return (
        any(not context.ordinary(w) or w in given_names() for w in named)
        or (len(named) > 1 and any(w in surnames() for w in named))
        or (len(words) == 1 and bool(named) and bool(_PLACE_CUE.search(before)))
        or (len(named) == 1 and _word_as_person(named[0], before, after))
        or (len(named) == 2 and _given_then_word(named, before))
    )


def _given_then_word(named: list[str], before: str) -> bool:
    """Two words the model read as a person, the first a given name, written as
    names are inside a sentence ("met with Aurora Bathsheba"), even where both
    are also words; not a street, a body or a place ("Mill Street", "Bethel
    Chapel"), nor a sentence's first words."""
    first, second = named
    if _SENTENCE_START.search(before) or context.title_cased_before(before):
        return False
    if not context.given_name(first) or context.not_a_person(first):
        return False
    return not (context.name_word_of_a_place(second) or context.not_a_person(second))


def _word_as_person(word: str, before: str, after: str) -> bool:
    """An English word the model read as a person, written with a capital inside
    a sentence where nothing makes it a title, a heading or a thing ("saw that
    Ember had no bed"): a given name that is also a word. Not after an article
    ("the Hope project"), nor in a run of capitals ("Early Help Hub")."""
    if _SENTENCE_START.search(before) or context.title_cased_before(before):
        return False
    if _DETERMINER.search(before) or _CAPITAL_AFTER.match(after):
        return False
    if context.not_a_person(word):
        return False
    # Where a person stands: a clause's subject ("that Ember had"), or the
    # object of what is done to or with a person ("examined Saffron").
    return context.person_stands(before, after)


_DETERMINER = re.compile(
    r"\b(?:the|a|an|this|these|those|our|your|their|its|each|every|any|no|some|"
    r"whose|per|of|his|her|my)[ \u00a0]+$",
    re.I,
)
_CAPITAL_AFTER = re.compile(r"(?:[ \u00a0]+(?:of|and|for|the|in|on)){0,2}[ \u00a0]+[A-Z]")


_PLATE_CUE = re.compile(
    r"\b(?:reg|registration|registered|plates?|index|vehicles?|cars?|vans?|taxis?|cabs?|"
    r"motorbikes?|motorcycles?|mopeds?|scooters?|lorry|lorries|trucks?|minibus|vrm|vrn|"
    r"drove|driven|driving|driver|parked|hatchback|saloon|estate car|4x4)\b",
    re.I,
)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;•*#>\n(\[\"“‘-])[ \u00a0\t]*$")
_PLACE_CUE = re.compile(
    r"\b(?:in|from|to|near|around|outside|at|into|towards|via|visiting|visited|of)[ \u00a0]+$",
    re.I,
)


#: Words that the model sometimes labels as a person or place in these texts.
_NOT_A_NAME = frozenset(
    """
    safeguarding children's child children social care health police education
    designated named lead nurse doctor practitioner practitioners partnership board
    panel review practice local national learning brief briefing early help family
    hub team service services council borough county trust integrated section act
    working together guidance minute minutes seven 7-minute think voice
    snapchat instagram insta tiktok facebook messenger whatsapp youtube twitter telegram
    discord twitch xbox playstation roblox fortnite minecraft kik signal reddit onlyfans
    google zoom teams microsoft apple android iphone
    probation housing justice youth court courts prison midwifery maternity paediatrics
    camhs ofsted inspection audit strategy conference supervision assessment
    """.split()
)


@cache
def _geography() -> frozenset[str]:
    """Countries, the UK's nations and regions, continents: too wide to identify anyone."""
    from checks.anonymise.names import faker_list

    places = {c.lower() for c in faker_list("address/en", "countries")}
    places |= {
        "uk",
        "u.k.",
        "united kingdom",
        "britain",
        "great britain",
        "england",
        "wales",
        "scotland",
        "northern ireland",
        "ireland",
        "europe",
        "africa",
        "asia",
        "america",
        "north america",
        "south america",
        "the americas",
        "australasia",
        "oceania",
        "the middle east",
        "middle east",
        "eastern europe",
        "western europe",
        "the caribbean",
        "caribbean",
        "south asia",
        "east africa",
        "west africa",
        "north africa",
        "southern africa",
        "the midlands",
        "midlands",
        "east midlands",
        "west midlands",
        "north east",
        "north west",
        "south east",
        "south west",
        "the north",
        "the south",
        "east of england",
        "yorkshire and the humber",
        "england and wales",
        "usa",
        "us",
        "eu",
    }
    return frozenset(places)


class _Geography:
    def __contains__(self, item: str) -> bool:
        return item in _geography()


_GEOGRAPHY = _Geography()


def too_wide(place: str) -> bool:
    """A country, a nation or region of the UK, a continent: identifies no one."""
    return place.lower().removeprefix("the ") in _GEOGRAPHY


def sector_word(word: str) -> bool:
    """A word of the sector or a platform that is capitalised without being a name."""
    return word.lower() in _NOT_A_NAME
