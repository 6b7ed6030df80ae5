"""The anonymisation gate on the eighth held-out set (issue 14).

tests/anonymisation/heldout8/ (200 identifying sentences, weighted to the kinds
the seventh set found weakest: 60 given names alone, many of them ordinary
words, and 25 nicknames; 150 clean ones full of practice terms, public names,
pseudonyms, helplines and ordinary words that are also names) was written by
hand by someone who had read neither the detector's code, its tests, nor the
other sets. Measured once, whole, before anyone read it (2026-11-30): 184 of
200 found (92.0%), 0 of 150 clean sentences flagged; given names alone 53/60
and nicknames 17/25 were the weakest kinds. At the split: dev 92/100, test
92/100, neither half flagging a clean sentence.

After rules written from the dev half and from the developer's own sentences
(a quoted word that acts, or is seen, as a person does; "he was called X",
"gave him the name X", "used the name X", "knew him only as X", "introduced
herself as X", "whom the children called X", "Lil X"; "It was X who"; a word
name before "pointed", "ran away", "called 999"): dev 99/100 (100 with a rule
for initials after "referred to the boy as", taken out when a review showed it
flags "referred to the child as LAC"), 0/75 flagged; the test half did not move, 92/100
(92.0%), 0/75 flagged.

Then, from the developer's own sentences only (the test half still unread): a
word name acted on ("drove Summer to", "referred Sky to"), a child placed among
the children ("Poppy, the youngest,"), a word name before "would hide", "had
been excluded", "was living": test half 94/100 (94.0%), 0/75 flagged. Its
floors were those figures.

Rules written from the ninth set's dev half (a person's age after a name,
"Justice was 16 and"; "the toddler was called X", "he was only ever called X";
"nicknamed the younger sibling X"), none of them from this set, moved its test
half to 96/100 (nicknames 11/12), 0/75 flagged: the floors below.
"""

from __future__ import annotations

import pytest
from anonhandwritten import HERE, SPLIT_CHECKS, SplitSet, measure

#: What the test half measured, per kind (found, planted).
MEASURED = {
    "address": (10, 10),
    "case_number": (1, 1),
    "email": (1, 1),
    "exact_date": (8, 8),
    "full_name": (13, 13),
    "given_name": (27, 30),
    "handle": (2, 2),
    "initials": (2, 2),
    "nhs_number": (1, 1),
    "ni_number": (1, 1),
    "nickname": (11, 12),
    "phone": (2, 2),
    "place": (1, 1),
    "postcode": (1, 1),
    "school": (3, 3),
    "title_surname": (7, 7),
    "vehicle": (2, 2),
    "venue": (3, 3),
}

SET = SplitSet(HERE / "heldout8", MEASURED, clean=75, flagged_at_most=0.03, recall_at_least=0.95)


@pytest.mark.parametrize("what", SPLIT_CHECKS)
def test_the_test_half_holds(what):
    SET.check(what)


def test_the_dev_half_keeps_what_its_rules_found():
    """The dev half was read and tuned on: all but one sentence is found, none
    flagged. (Initials that are also a unit, "KM" after "referred to the boy as",
    were found by a rule a review showed flags "referred to the child as LAC":
    it was taken out.)"""
    s = measure(HERE / "heldout8", "dev")
    assert (s.found, s.planted) == (99, 100), s.misses
    assert s.flagged == 0, s.flagged_sentences
