"""Names the gate finds by where they stand in a sentence, and text it leaves alone
(issue 14, from the tenth held-out set's dev half and red-team round 14's open
cases). Every sentence here was written for this file, none taken from a set.

Each identifying sentence is read by the whole gate, as ANO001 reads a brief of
the example, and must give a hit covering the name; each clean one must give none.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.loading import load
from checks.rules.ano001_identifying_detail import spans

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def kb():
    return load(REPO)


def _found(kb, text: str) -> list[str]:
    (hits,) = spans([text], kb)
    return [text[s:e] for _, s, e in hits]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A given name as a clause's subject, whatever verb follows it.
        ("Her teacher noticed that Orla flinched when the door banged.", "Orla"),
        ("After the strategy meeting, Mason slept on the sofa at his aunt's.", "Mason"),
        ("The family support worker saw that Storm limped on the stairs.", "Storm"),
        # A person known to a service.
        ("The youth offending team had known Tyson since he was twelve.", "Tyson"),
        # A word in no list opening a sentence typed in lower case.
        ("dovydas was collected late from nursery on most days.", "dovydas"),
        # A word before a surname that is no English word.
        ("The duty worker rang Marigold Pennefather about the rent arrears.", "Pennefather"),
        # A code after a name is no word of a title-cased name.
        ("The nurse saw Zebedee Quartermaine CR40213 at the walk-in centre.", "Quartermaine"),
        # A surname in capitals, a comma, a given name, as case records write them.
        ("The court list showed OKONKWO-BRAY, Delphine for the hearing.", "OKONKWO-BRAY"),
        ("### THISTLEWAITE, Bram", "THISTLEWAITE"),
    ],
)
def test_a_name_standing_where_a_person_does_is_found(kb, text, name):
    assert any(name in f for f in _found(kb, text)), _found(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        "Practitioners completed the Neglect Toolkit with every family on the list.",
        "Reflecting on Star Hobson's case, the panel looked again at referrals from relatives.",
        "The death of Khyra Ishaq in Birmingham raised questions about elective home education.",
        "The Lundy model asks whether children had space, voice, audience and influence.",
        "Sir Martyn Oliver, His Majesty's Chief Inspector, spoke about children missing education.",
        "IN NO EVENT SHALL THE AUTHORS BE LIABLE FOR ANY CLAIM, as the licence says.",
        "In the spring, Early Help took on the cases the duty team could not hold.",
        "NOTE, Please read the chronology before the panel meets.",
        "Referrals went to CAMHS, Early Help and the school nurse.",
        "WARNING, Children may find the next section distressing.",
    ],
)
def test_practice_text_is_left_alone(kb, text):
    assert _found(kb, text) == []
