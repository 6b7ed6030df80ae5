"""The anonymisation gate on the seventh held-out set (issue 14).

tests/anonymisation/heldout7/ (300 identifying sentences over every kind, with
day-precise incident dates for the first time, and 250 clean ones citing
national reviews, their children and authors, helplines, laws named after
people, regions and practice tools) was written by hand by someone who had read
neither the detector's code, its tests, nor the other sets. Measured once,
whole, before anyone read it (2026-11-30): 288 of 300 found (96.0%), 18 of 250
clean sentences flagged (7.2%). Given names alone (22/26) were the weakest kind;
most clean sentences flagged named the place of a public case, a region, a
helpline's address or short number, or a law named after a person.

Its misses were then read, so, unlike the earlier sets, it is not split: the
whole set is a development set now, and the figures after the rules written from
it (the places where children of national reviews lived or died, nations and
regions, helplines' addresses, laws named after people, grandparents'
abbreviations, the ONS's commonest baby names, a role before a surname that is
also a word, an age before a name) are no longer an estimate on unseen text:
291/300 (97.0%), 6/250 flagged (2.4%). The floors below are those figures.
"""

from __future__ import annotations

from functools import cache

from anonhandwritten import HERE, Scores, measure

#: What the whole set measured after those rules, per kind (found, planted).
MEASURED = {
    "address": (12, 12),
    "age_with_name": (12, 12),
    "date_of_birth": (12, 12),
    "email": (12, 12),
    "exact_date": (22, 22),
    "full_name": (22, 22),
    "given_name": (23, 26),
    "hospital_number": (12, 12),
    "initials_with_context": (10, 12),
    "national_insurance_number": (12, 12),
    "nhs_number": (12, 12),
    "nickname": (20, 21),
    "partial_postcode": (11, 12),
    "phone": (12, 12),
    "place": (21, 21),
    "school": (21, 22),
    "social_media_handle": (12, 12),
    "surname_with_title": (22, 22),
    "vehicle_registration": (11, 12),
}


@cache
def _scores() -> Scores:
    return measure(HERE / "heldout7")


def test_every_kind_keeps_what_it_found():
    s = _scores()
    assert {k: n for k, (_, n) in s.by_kind.items()} == {k: n for k, (_, n) in MEASURED.items()}
    below = {k: s.by_kind[k] for k, (found, _) in MEASURED.items() if s.by_kind[k][0] < found}
    assert not below


def test_at_most_six_of_250_clean_sentences_are_flagged():
    s = _scores()
    assert s.clean == 250
    assert s.flagged <= 6, s.flagged_sentences
