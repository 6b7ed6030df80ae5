"""The anonymisation gate on the twelfth held-out set (issue 14).

tests/anonymisation/heldout12/ (240 identifying sentences: 100 given names alone,
41 of them ordinary words or rare modern names, 20 nicknames, and every other
kind; 180 clean sentences, 48 of them using words that are also given names as
words) was written by hand by a helper who had read neither the detector's code,
its tests, nor the other sets, bar heldout11's first lines for the format.

Measured once, whole, before anyone read it (2026-12-01, at commit 9de1b26): 211
of 240 found (87.9%), 14 of 180 clean sentences flagged (7.8%); given names alone
76/100, nicknames 17/20, handles 4/5, initials 4/5, every other kind whole. At the
split: dev 102/120 with 6/90 flagged, test 109/120 (given names 41/50) with 8/90.

Nothing was tuned on it: the rules added since came from red-team round 19 (a
word where only a person stands, checks/anonymise/standing.py). After them, dev
103/120 and test 110/120 (given names 42/50), flagged unchanged: the floors below.
Its dev half is kept unread, for the next round's rules.
"""

from __future__ import annotations

import pytest
from anonhandwritten import HERE, SPLIT_CHECKS, SplitSet

#: What the test half measured, per kind (found, planted).
MEASURED = {
    "address": (5, 5),
    "email": (3, 3),
    "exact_date": (5, 5),
    "full_name": (12, 12),
    "given_name": (42, 50),
    "handle": (2, 3),
    "initials": (2, 2),
    "nhs_number": (2, 2),
    "nickname": (9, 10),
    "phone": (2, 2),
    "place": (5, 5),
    "postcode": (3, 3),
    "school": (5, 5),
    "title_surname": (8, 8),
    "vehicle": (5, 5),
}

SET = SplitSet(HERE / "heldout12", MEASURED, clean=90, flagged_at_most=0.09, recall_at_least=0.91)


@pytest.mark.parametrize("what", SPLIT_CHECKS)
def test_the_test_half_holds(what):
    SET.check(what)
