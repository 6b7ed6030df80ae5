"""The anonymisation gate on the sixth held-out set (issue 14).

tests/anonymisation/heldout6/ (300 identifying sentences, weighted to the kinds
the fifth set found weakest: 36 each of given names alone, nicknames and places,
24 each of full names and titled surnames, 20 each of addresses and schools, 6
to 12 of each other kind; and 250 clean ones full of public names, pseudonyms,
helplines and areas) was written by hand by someone who had read neither the
detector's code, its tests, nor the other sets. Measured once, whole, before
anyone read it (2026-11-30): 275 of 300 found (91.7%), 14 of 250 clean
sentences flagged (5.6%); nicknames 26/36 and given names alone 30/36 were the
weakest kinds.

Split as the other sets are (tests/anonhandwritten.py, ``half``): the "dev" half
may be read and tuned on, the "test" half is never read. At the split: dev
140/150, 6/125 flagged; test 135/150, 8/125 flagged.

After rules written from the dev half (a name in quotes after a word for a
person, "called himself", "went by the name", a name straight after "spoke to",
"asked", "told" and the like, an age alone in brackets, a long
number some words after its kind, areas named together before a body word,
national office-holders and researchers as public names, vehicle registrations
in lower case only beside a word for a vehicle, a district in lower case after
"in" though it has a B road's shape): dev 148/150, 1/125 flagged
(a current chief inspector, left off the public names because his surname is
a given name the first set plants); test 135/150 (90.0%), 7/125 flagged
(5.6%). The floors below are one under those figures.
"""

from __future__ import annotations

import pytest
from anonhandwritten import HERE, SPLIT_CHECKS, SplitSet

#: What the test half measured, per kind (found, planted).
MEASURED = {
    "address": (10, 10),
    "age_with_name": (6, 6),
    "date_of_birth": (5, 5),
    "email": (4, 4),
    "full_name": (12, 12),
    "given_name": (13, 18),
    "hospital_number": (6, 6),
    "initials_with_context": (4, 6),
    "national_insurance_number": (4, 4),
    "nhs_number": (5, 5),
    "nickname": (13, 18),
    "partial_postcode": (6, 6),
    "phone": (4, 4),
    "place": (18, 18),
    "school": (8, 10),
    "social_media_handle": (3, 3),
    "surname_with_title": (11, 12),
    "vehicle_registration": (3, 3),
}

SET = SplitSet(HERE / "heldout6", MEASURED, clean=125, flagged_at_most=0.07, recall_at_least=0.89)


@pytest.mark.parametrize("what", SPLIT_CHECKS)
def test_the_test_half_holds(what):
    SET.check(what)
