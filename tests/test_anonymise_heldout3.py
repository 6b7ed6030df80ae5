"""The anonymisation gate on the third held-out set (issue 14).

tests/anonymisation/heldout3/ (601 identifying sentences over 20 kinds, 475 clean
ones) was written by someone who had read neither the detector's code nor the
other sets. Measured once, whole, before anyone read it (2026-11-29): 560 of 601
found (93.2%), 7 of 475 clean sentences flagged (1.5%); given names alone 20/30
and places 22/30 were the weakest kinds.

It is then split by position (tests/anonhandwritten.py, ``half``): the "dev" half
may be read and tuned on; the "test" half is never read, so its scores remain an
estimate on unseen text. The floors below are under what the test half measured.
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


def test_overall_recall_on_the_test_half_is_at_least_92_percent():
    s = scores()
    found = sum(f for f, _ in s.by_kind.values())
    planted = sum(n for _, n in s.by_kind.values())
    # Sentences are not printed: this half stays unread.
    assert found / planted >= 0.92, f"{found}/{planted}"
