"""The anonymisation gate on the ninth held-out set (issue 14).

tests/anonymisation/heldout9/ (200 identifying sentences, weighted again to the
weakest kinds: 70 given names alone, 24 of them ordinary words, and 30
nicknames; 150 clean sentences of practice terms, public names, pseudonyms,
helplines, calendar words and names used as words) was written by hand by
someone who had read neither the detector's code, its tests, nor the other sets.

Measured once, whole, before anyone read it (2026-11-30): 185 of 200 found
(92.5%), 7 of 150 clean sentences flagged (4.7%); given names alone 61/70,
nicknames 25/30, places 9/10, every other kind whole. At the split: dev 90/100
with 3/75 flagged, test 95/100 with 4/75 flagged. No rule has been written from
either half yet: the floors below are that first measurement.
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
    "given_name": (31, 35),
    "handle": (2, 2),
    "initials": (3, 3),
    "nhs_number": (3, 3),
    "nickname": (14, 15),
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


def test_the_dev_half_as_first_measured():
    """The dev half, as it measured before anyone read it: at least 90 of 100
    found and at most 3 of 75 clean sentences flagged."""
    s = measure(HERE / "heldout9", "dev")
    assert s.found >= 90 and s.planted == 100, s.found
    assert s.flagged <= 3, s.flagged
