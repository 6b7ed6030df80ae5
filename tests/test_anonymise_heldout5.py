"""The anonymisation gate on the fifth held-out set (issue 14).

tests/anonymisation/heldout5/ (300 identifying sentences, weighted to the kinds
the fourth set found weakest: 30 each of nicknames, places and given names
alone, 27 each of hospital numbers and schools, 11–12 of each other kind; and
250 clean ones) was written by hand by someone who had read neither the
detector's code, its tests, nor the other sets. Measured once, whole, before
anyone read it (2026-11-30): 279 of 300 found (93.0%), 18 of 250 clean sentences
flagged (7.2%); given names alone, nicknames and places 25/30 each were the
weakest kinds, and clean sentences naming other partnerships' areas ("the
partnerships in Kent and in Medway") the commonest false flags.

Split as the other sets are (tests/anonhandwritten.py, ``half``): the "dev" half
may be read and tuned on, the "test" half is never read. At the split: dev
142/150, 8/125 flagged; test 137/150, 10/125 flagged.

After rules written from the dev half's false flags (a local authority area
named as a partnership's or council's, checks/anonymise/areas.yaml; CAMHS tiers;
"IFA"): dev 142/150, 2/125 flagged; test 137/150 (91.3%), 9/125 flagged (7.2%).
The floors below are one under those figures.
"""

from __future__ import annotations

import pytest
from anonhandwritten import HERE, SPLIT_CHECKS, SplitSet

#: What the test half measured, per kind (found, planted).
MEASURED = {
    "address": (5, 6),
    "age_with_name": (5, 6),
    "date_of_birth": (6, 6),
    "email": (6, 6),
    "full_name": (6, 6),
    "given_name": (11, 15),
    "hospital_number": (14, 14),
    "initials_with_context": (5, 5),
    "national_insurance_number": (5, 5),
    "nhs_number": (5, 5),
    "nickname": (13, 15),
    "partial_postcode": (5, 6),
    "phone": (5, 5),
    "place": (13, 15),
    "postcode": (5, 5),
    "school": (13, 13),
    "social_media_handle": (5, 5),
    "surname_with_title": (4, 6),
    "vehicle_registration": (6, 6),
}

SET = SplitSet(HERE / "heldout5", MEASURED, clean=125, flagged_at_most=0.08, recall_at_least=0.90)


@pytest.mark.parametrize("what", SPLIT_CHECKS)
def test_the_test_half_holds(what):
    SET.check(what)
