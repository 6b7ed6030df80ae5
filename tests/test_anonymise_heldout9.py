"""The anonymisation gate on the ninth held-out set (issue 14).

tests/anonymisation/heldout9/ (200 identifying sentences, weighted again to the
weakest kinds: 70 given names alone, 24 of them ordinary words, and 30
nicknames; 150 clean sentences of practice terms, public names, pseudonyms,
helplines, calendar words and names used as words) was written by hand by
someone who had read neither the detector's code, its tests, nor the other sets.

Measured once, whole, before anyone read it (2026-11-30): 185 of 200 found
(92.5%), 7 of 150 clean sentences flagged (4.7%); given names alone 61/70,
nicknames 25/30, places 9/10, every other kind whole. At the split: dev 90/100
with 3/75 flagged, test 95/100 with 4/75 flagged.

Rules then written from the dev half (a person's age after a name, "Justice was
16 and", which a sector word with an age no longer hides; "the toddler was
called X" and "he was only ever called X", the subject a person; "nicknamed the
younger sibling X"; "Child in Need", "Child Protection Plan" and "Bruising in
Non-Mobile Infants" as the sector's own terms): dev 94/100, 1/75 flagged; the
test half, still unread, 96/100 (given names 32/35), 4/75 flagged: the floors
below. The eighth set's test half moved from 94 to 96 with them.
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
    "given_name": (32, 35),
    "handle": (2, 2),
    "initials": (3, 3),
    "nhs_number": (3, 3),
    "nickname": (15, 15),
    "phone": (3, 3),
    "place": (5, 5),
    "postcode": (3, 3),
    "school": (5, 5),
    "title_surname": (5, 5),
    "vehicle": (2, 2),
}

SET = SplitSet(HERE / "heldout9", MEASURED, clean=75, flagged_at_most=0.06, recall_at_least=0.94)


@pytest.mark.parametrize("what", SPLIT_CHECKS)
def test_the_test_half_holds(what):
    SET.check(what)


def test_the_dev_half_keeps_what_its_rules_found():
    """The dev half was read and tuned on: 94 of 100 found, then 96 with the tenth
    set's rule for a given name as a clause's subject ("noticed that Storm
    flinched") and "had known Tyson"; 1 of 75 flagged ("Eid
    fell in the same week", the festival read as a name; a festival with a year
    is a date, so it is not let through)."""
    s = measure(HERE / "heldout9", "dev")
    assert (s.found, s.planted) == (96, 100), s.misses
    assert s.flagged <= 1, s.flagged_sentences
