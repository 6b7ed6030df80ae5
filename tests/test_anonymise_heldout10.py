"""The anonymisation gate on the tenth held-out set (issue 14).

tests/anonymisation/heldout10/ (200 identifying sentences: 70 given names alone,
24 of them ordinary words, 30 nicknames, and every other kind; 150 clean sentences
of practice models, pseudonyms, children of national reviews, office-holders,
helplines, places used for context and names used as words) was written by hand
by a helper who had read neither the detector's code, its tests, nor the other
sets, bar heldout9's first lines for the format.

Measured once, whole, before anyone read it (2026-12-01, with the code of the
same commit's parent plus its rule for a given name as a clause's subject): 183
of 200 found (91.5%), 9 of 150 clean sentences flagged (6.0%); given names alone
56/70, nicknames 29/30, places and schools 9/10, every other kind whole.
At the split: dev 94/100 with 5/75 flagged, test 89/100 with 4/75 flagged.

What the dev half then taught (a public child's city in a sentence about home
education is not a home; "raised questions" is not "raised in"; an area read as
a name beside a national review's child; "Reflecting on Star Hobson" is no town
joined by "on"; the Lundy model; His Majesty's Chief Inspector; a word in no
list opening a sentence in lower case before a verb, "rokas was seen"): dev
95/100, 0/75 flagged. The test half, still unread, is unchanged at 89/100
(given names 26/35) and 4/75. A rule written after that from red-team round
14 (a word before a surname that is no English word, "cover for Eglantine
Blenkinsop") found one more place in it: 90/100, 4/75, the floors below. The four word names the dev
half missed ("Ember", "Saffron", "Echo", "Meadow") were not added to any list:
a list written from the set it is measured on proves nothing.
"""

from __future__ import annotations

import pytest
from anonhandwritten import HERE, SPLIT_CHECKS, SplitSet, measure

#: What the test half measured, per kind (found, planted).
MEASURED = {
    "address": (5, 5),
    "email": (2, 2),
    "exact_date": (5, 5),
    "full_name": (7, 7),
    "given_name": (26, 35),
    "handle": (2, 2),
    "initials": (3, 3),
    "nhs_number": (3, 3),
    "nickname": (14, 15),
    "phone": (3, 3),
    "place": (5, 5),
    "postcode": (2, 2),
    "school": (5, 5),
    "title_surname": (5, 5),
    "vehicle": (3, 3),
}

SET = SplitSet(HERE / "heldout10", MEASURED, clean=75, flagged_at_most=0.06, recall_at_least=0.88)


@pytest.mark.parametrize("what", SPLIT_CHECKS)
def test_the_test_half_holds(what):
    SET.check(what)


def test_the_dev_half_keeps_what_its_rules_found():
    """The dev half was read and tuned on: 95 of 100 found (the misses: four given
    names that are words and a unit named without a school's word), none of its
    75 clean sentences flagged. Rules written later from the eleventh set's dev
    half (a person examined, treated or met; a word the model read as a person
    where only a person stands) found three more of its word names: 98."""
    s = measure(HERE / "heldout10", "dev")
    assert (s.found, s.planted) == (98, 100), s.misses
    assert s.flagged == 0, s.flagged_sentences
