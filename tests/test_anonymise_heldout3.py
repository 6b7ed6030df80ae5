"""The anonymisation gate on the third held-out set (issue 14).

tests/anonymisation/heldout3/ (601 identifying sentences over 20 kinds, 475 clean
ones) was written by someone who had read neither the detector's code nor the
other sets. Measured once, whole, before anyone read it (2026-11-29): 560 of 601
found (93.2%), 7 of 475 clean sentences flagged (1.5%); given names alone 20/30
and places 22/30 were the weakest kinds.

It is then split by position (tests/anonhandwritten.py, ``half``): the "dev" half
may be read and tuned on; the "test" half is never read, so its scores remain an
estimate on unseen text. The floors below are under what the test half measured.

Measured at the split: dev half 279/301 found, 0/238 clean flagged; test half
281/300, 7/237 flagged.

After one round of rules written from the dev half's failure classes (a given
name that is a word or from Faker's lists of many origins where only a person
stands; towns after "moved to"; named homes, pubs and settings in apposition or
"called ..."; lower-case streets, estates, flats, dates and outward codes; numbers
a few words after their cue; initials said to be what someone is called; account
names said to be one), tried on sentences of their own (test_anonymise_round4.py):
dev half 300/301 found, 0/238 flagged; test half 285/300 (95.0%), 7/237 flagged
(3.0%). Test half by kind: place 11/15; full name, given name alone, initials,
partial postcode and social handle 13/15; nickname 14/15; the other 13 kinds 15/15.
"""

from __future__ import annotations

from functools import cache

from anonhandwritten import HERE, Scores, measure

HELDOUT3 = HERE / "heldout3"


@cache
def scores() -> Scores:
    return measure(HELDOUT3, "test")


def test_the_test_half_covers_every_kind():
    s = scores()
    assert len(s.by_kind) >= 20 and all(n >= 14 for _, n in s.by_kind.values())
    assert s.clean >= 200


def test_at_most_3_percent_of_the_test_half_clean_sentences_are_flagged():
    s = scores()
    assert s.share_flagged <= 0.03, len(s.flagged_sentences)


def test_overall_recall_on_the_test_half_is_at_least_94_5_percent():
    s = scores()
    found = sum(f for f, _ in s.by_kind.values())
    planted = sum(n for _, n in s.by_kind.values())
    # Sentences are not printed: this half stays unread.
    assert found / planted >= 0.945, f"{found}/{planted}"


#: Sentences found per kind on the test half: one under what was measured.
FLOORS = {
    "place": 10,
    "full_name": 12,
    "given_name": 12,
    "initials": 12,
    "partial_postcode": 12,
    "social_handle": 12,
    "nickname": 13,
}


def test_no_kind_on_the_test_half_falls_below_its_floor():
    s = scores()
    low = {
        kind: f"{found}/{planted}"
        for kind, (found, planted) in s.by_kind.items()
        if found < FLOORS.get(kind, planted - 1)
    }
    assert not low, low
