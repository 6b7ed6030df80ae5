"""The anonymisation gate on the fourth held-out set (issue 14).

tests/anonymisation/heldout4/ (600 identifying sentences, 30 of each of 20 kinds,
and 490 clean ones) was written by hand by someone who had read neither the
detector's code, its tests, nor the other sets. Measured once, whole, before
anyone read it (2026-11-30): 557 of 600 found (92.8%), 13 of 490 clean sentences
flagged (2.7%); nicknames 18/30, given names alone 24/30 and places 24/30 were
the weakest kinds.

Split as the third set is (tests/anonhandwritten.py, ``half``): the "dev" half may
be read and tuned on, the "test" half is never read. At the split: dev 277/300,
8/245 flagged; test 280/300, 5/245 flagged.

After rules written from the dev half's failure classes (a line in capitals read
again in ordinary case; a relative's title before a name, "Uncle Spider"; "his
nickname ... was"; outward codes after "enter", "visit" or a quote; a capital after
a possessive relation, "her son Bram"): dev 287/300, 8/245 flagged; test 284/300
(94.7%), 5/245 flagged (2.0%). Test half by kind: nickname 8/15; given name alone,
partial postcode and place 12–13/15; address, social handle 14/15; the other 14
kinds 15/15. The floors below are one under those figures.
"""

from __future__ import annotations

from functools import cache

from anonhandwritten import HERE, Scores, measure

HELDOUT4 = HERE / "heldout4"


@cache
def scores() -> Scores:
    return measure(HELDOUT4, "test")


def test_the_test_half_covers_every_kind():
    s = scores()
    assert len(s.by_kind) == 20 and all(n == 15 for _, n in s.by_kind.values())
    assert s.clean >= 240


def test_at_most_3_percent_of_the_test_half_clean_sentences_are_flagged():
    s = scores()
    assert s.share_flagged <= 0.03, len(s.flagged_sentences)


def test_overall_recall_on_the_test_half_is_at_least_94_percent():
    s = scores()
    found = sum(f for f, _ in s.by_kind.values())
    planted = sum(n for _, n in s.by_kind.values())
    # Sentences are not printed: this half stays unread.
    assert found / planted >= 0.94, f"{found}/{planted}"


def test_no_kind_on_the_test_half_falls_below_its_floor():
    s = scores()
    measured = {kind: found for kind, (found, _) in s.by_kind.items()}
    low = {kind: n for kind, n in measured.items() if n < FLOOR_UNDER.get(kind, 15) - 1}
    assert not low, low


#: What the test half measured, per kind, where under 15 (the floor is one less).
FLOOR_UNDER = {
    "nickname": 8,
    "given_name": 13,
    "partial_postcode": 13,
    "place": 12,
    "address": 14,
    "social_handle": 14,
}
