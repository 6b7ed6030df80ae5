"""A word where only a person stands is a person's name, whatever the word.

Parents name children after birds, plants, foods and virtues ("Foxglove",
"Treacle", "Conker"), which no list of names holds and which the language model
reads as the words they are. What gives such a name away is where it stands:

- after a relative's word and a possessive ("his sister Treacle"), or before
  one ("Snowdrop is my little sister");
- owning what only a person has ("Custard's nursery", "gannet's new address",
  "Bullfinch's story");
- visited, phoned or collected as a person is ("visited Parsnip at home",
  "phoned Conker after school", "collected fern from nursery");
- saying or telling ("Foxglove did not attend nursery", "Saxifrage said", "what
  sandpiper told her teacher", "SPEEDWELL TOLD ME");
- in a list of people seen ("Cobweb, Dewdrop and Raindrop were all seen").

Roles, the sector's words, places and function words are never taken for a
name here ("Police said", "Mum told", "Nobody told"), nor is a plural
("Practitioners said").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.anonymise.context import (
    _DETERMINER_BEFORE,
    _FUNCTION_WORDS,
    ACRONYMS,
    W,
    _hit,
    _plural,
    not_a_person,
)
from checks.anonymise.cues import KIN, KIN_OF
from checks.anonymise.detectors import Hit

_SP = r"[ \u00a0]+"
#: A word in any case, as a careless writer types a name.
_ANY = r"[A-Za-z][a-z]{2,}(?:-[A-Za-z][a-z]+)?"
#: "his sister Treacle", "Bluebell's cousin Sprout", "my best friend Ember".
_KIN_NAMED = re.compile(rf"{KIN_OF},?{_SP}(?P<name>{W})(?![\w'’-])")
#: "Snowdrop is my little sister", "Tinder was her boyfriend".
_IS_KIN = re.compile(
    rf"(?<![\w'’-])(?P<name>{W}){_SP}(?:is|was){_SP}(?:my|his|her|their|our){_SP}{KIN}\b"
)
#: What only a person has, after a possessive: "Custard's nursery".
_OWNS = re.compile(
    rf"(?<![\w'’.@/-])(?P<name>{_ANY})['’]s{_SP}(?:(?:new|own|first|last|little|old){_SP})?"
    r"(?:nursery|address|bedroom|birthday|bruises|bruising|injuries|weight|speech|voice|"
    r"wishes|feelings|key worker|social worker|health visitor|teacher|class teacher|"
    r"classmates|diary|clothes|cot|pram|buggy|homework|attendance|day|story|words|views|"
    r"behaviour|development|disclosure|nappy|nappies|bottle|sleep|cries|school|childminder)\b"
)
#: Time's possessives: "today's story", "the year's attendance".
_TIME_WORDS = frozenset(
    "today tomorrow yesterday tonight year week month day morning evening night term "
    "weekend season summer winter spring autumn christmas".split()
)
#: Done to a person where they are, or when: "visited Parsnip at home", "to see
#: Caraway each week", "phoned Conker after school", "collected fern from nursery".
_CONTACTED = re.compile(
    r"\b(?:visited|visit|visits|visiting|phoned|phone|phoning|rang|ring|called|texted|"
    r"messaged|emailed|saw|see|sees|seeing|seen|met|meet|meets|collected|collect|collects|"
    r"collecting|picked[ \u00a0]+up|pick[ \u00a0]+up|dropped[ \u00a0]+off|drop[ \u00a0]+off|"
    r"checked[ \u00a0]+on|check[ \u00a0]+on)"
    rf"{_SP}(?P<name>{_ANY}){_SP}"
    r"(?:at[ \u00a0]+home|alone|on[ \u00a0]+(?:her|his|their)[ \u00a0]+own|each|every|weekly|"
    r"daily|fortnightly|monthly|regularly|after[ \u00a0]+school|before[ \u00a0]+school|"
    r"(?:from|to|at)[ \u00a0]+(?:the[ \u00a0]+)?(?:nursery|school|college|childminder|"
    r"club|contact|breakfast[ \u00a0]+club))\b"
)
#: What only a person does, after the one who does it.
_SAYS = (
    r"(?:told|said|says|tells|disclosed|whispered|screamed|shouted|cried|replied|"
    r"did[ \u00a0]+not[ \u00a0]+attend|didn['’]t[ \u00a0]+attend|was[ \u00a0]+not[ \u00a0]+brought|"
    r"missed[ \u00a0]+(?:nursery|school)|attended[ \u00a0]+(?:nursery|school))"
)
_SAYER = re.compile(rf"(?<![\w'’-])(?P<name>{W}){_SP}{_SAYS}\b")
#: The same in capitals ("SPEEDWELL TOLD ME") and in small letters after a
#: clause's opening word ("what sandpiper told her teacher").
_SAYER_CAPS = re.compile(
    r"(?<![\w'’-])(?P<name>[A-Z]{3,}){_SP}(?:TOLD|SAID|DISCLOSED)\b".replace("{_SP}", _SP)
)
_SAYER_LOWER = re.compile(
    r"\b(?i:what|that|when|because|and|but|how|until|after|before|as|whether)"
    rf"{_SP}(?P<name>[a-z]{{3,}}){_SP}(?:told|said|disclosed|whispered)\b"
)
#: People named together and seen: "Cobweb, Dewdrop and Raindrop were all seen".
_SEEN_TOGETHER = re.compile(
    rf"(?P<names>{W}(?:,{_SP}{W})*,?{_SP}and{_SP}{W}){_SP}(?:were|are){_SP}"
    r"(?:all[ \u00a0]+|both[ \u00a0]+)?(?:seen|taken|placed|removed|living|born|interviewed|"
    r"spoken[ \u00a0]+to|at[ \u00a0]+home|in[ \u00a0]+care|excluded|missing|subject[ \u00a0]+to)\b"
)


def _someone(word: str) -> bool:
    """Whether ``word`` may be a person's name here: not a role, a word of the
    sector's, a place, a month, a function word or a plural."""
    w = word.lower()
    if w in _FUNCTION_WORDS or w in _TIME_WORDS or word.upper() in ACRONYMS:
        return False
    return not (not_a_person(word.title()) or _plural(word.title()))


def find(text: str, t: str) -> Iterator[Hit]:
    """Every name these rules find in ``text`` (``t``: its ASCII-shaped copy)."""
    for pattern in (_KIN_NAMED, _IS_KIN, _SAYER):
        for m in pattern.finditer(t):
            if _someone(m.group("name")):
                yield _hit("name", text, m.start("name"), m.end("name"))
    for pattern in (_OWNS, _CONTACTED):
        for m in pattern.finditer(t):
            start = m.start("name")
            if _DETERMINER_BEFORE.search(t, max(0, start - 12), start):
                continue  # "the Trust's address", "visited the school"
            if _someone(m.group("name")):
                yield _hit("name", text, start, m.end("name"))
    for pattern in (_SAYER_CAPS, _SAYER_LOWER):
        for m in pattern.finditer(t):
            if _someone(m.group("name")):
                yield _hit("name", text, m.start("name"), m.end("name"))
    for m in _SEEN_TOGETHER.finditer(t):
        offset = m.start("names")
        for w in re.finditer(W, m.group("names")):
            if w.group(0) != "and" and _someone(w.group(0)):
                yield _hit("name", text, offset + w.start(), offset + w.end())
