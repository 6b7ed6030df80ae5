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

from functools import cache

from anonhandwritten import HERE, Scores, measure

HELDOUT5 = HERE / "heldout5"

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


@cache
def scores() -> Scores:
    return measure(HELDOUT5, "test")


def test_the_test_half_covers_every_kind():
    s = scores()
    assert {k: n for k, (_, n) in s.by_kind.items()} == {k: n for k, (_, n) in MEASURED.items()}
    assert s.clean == 125


def test_at_most_8_percent_of_the_test_half_clean_sentences_are_flagged():
    s = scores()
    assert s.share_flagged <= 0.08, len(s.flagged_sentences)


def test_overall_recall_on_the_test_half_is_at_least_90_percent():
    s = scores()
    found = sum(f for f, _ in s.by_kind.values())
    planted = sum(n for _, n in s.by_kind.values())
    # Sentences are not printed: this half stays unread.
    assert found / planted >= 0.90, f"{found}/{planted}"


def test_no_kind_on_the_test_half_falls_below_its_floor():
    s = scores()
    low = {k: f for k, (f, _) in s.by_kind.items() if f < MEASURED[k][0] - 1}
    assert not low, low
