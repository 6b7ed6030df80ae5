"""The anonymisation gate on the second held-out set (issue 14, item 5).

tests/anonymisation/heldout/ was written by someone who had read neither the
detector's code nor the first set, and nobody who changed the detector has read
it: it is measured, never tuned on. It holds 447 identifying sentences over 20
kinds and 421 clean ones. Its figures are the honest estimate of how the gate
does on text it has not seen; the first set's (tests/test_anonymise_handwritten.py)
are higher because the detector was developed against it.
"""

from __future__ import annotations

from functools import cache

import pytest
from anonhandwritten import HERE, Scores, measure

HELDOUT = HERE / "heldout"


@cache
def scores() -> Scores:
    return measure(HELDOUT)


def test_the_held_out_set_is_large_and_covers_every_kind():
    s = scores()
    assert sum(n for _, n in s.by_kind.values()) >= 300 and s.clean >= 300
    assert len(s.by_kind) >= 20 and all(n >= 20 for _, n in s.by_kind.values())


def test_at_most_3_percent_of_held_out_clean_sentences_are_flagged():
    s = scores()
    assert s.share_flagged <= 0.03, s.flagged_sentences


def test_overall_recall_on_the_held_out_set_is_at_least_95_percent():
    """A floor under what was measured (434 of 447, 97.1%), so that a change that
    loses recall on unseen text fails here even while the first set still passes."""
    s = scores()
    found = sum(f for f, _ in s.by_kind.values())
    planted = sum(n for _, n in s.by_kind.values())
    assert found / planted >= 0.95, s.misses


@pytest.mark.xfail(
    strict=True,
    reason=(
        "the goal is 98% of every kind; measured 2026-11-29: given names alone 22/25, "
        "hospital numbers 19/21, nicknames 21/23, addresses 21/23, partial postcodes 21/22, "
        "places, schools and titles with surnames 1 miss each; all other kinds 100%"
    ),
)
def test_recall_of_every_kind_on_the_held_out_set_is_at_least_98_percent():
    s = scores()
    low = {k: (f, n) for k, (f, n) in s.by_kind.items() if f / n < 0.98}
    assert not low, low
