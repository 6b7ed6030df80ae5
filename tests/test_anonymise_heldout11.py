"""The anonymisation gate on the eleventh held-out set (issue 14).

tests/anonymisation/heldout11/ (240 identifying sentences: 100 given names alone,
about a third of them ordinary words or rare names, 20 nicknames, and every other
kind; 180 clean sentences, 44 of them using words that are also given names as
words) was written by hand by a helper who had read neither the detector's code,
its tests, nor the other sets, bar heldout10's first lines for the format.

Measured once, whole, before anyone read it (2026-12-01, at commit 992f9bf): 217
of 240 found (90.4%), 8 of 180 clean sentences flagged (4.4%); given names alone
79/100, nicknames 19/20, initials 4/5, every other kind whole. At the split: dev
107/120 with 2/90 flagged, test 110/120 (given names 40/50) with 6/90 flagged.

What the dev half then taught, as rules and not as names (a name on a list
written from the set it is measured on proves nothing): a word in no English
list where only a person stands, whatever the model labelled it ("reported that
Luwam was waking"); a word named by a relative ("Wilder's father"); a person
examined, treated, met or spoken to directly; an age after a word ("Marigold was
three when"); a word in no list typed in lower case as a clause's subject ("agreed
that seonag had"); someone encouraged or invited to do something themselves. Dev
114/120, 2/90 flagged. The test half, still unread: 112/120 (given names 42/50),
6/90 flagged, the floors below.
"""

from __future__ import annotations

import pytest
from anonhandwritten import HERE, SPLIT_CHECKS, SplitSet, measure

#: What the test half measured, per kind (found, planted), after the dev half's rules.
MEASURED = {
    "address": (5, 5),
    "email": (3, 3),
    "exact_date": (5, 5),
    "full_name": (12, 12),
    "given_name": (42, 50),
    "handle": (3, 3),
    "initials": (2, 2),
    "nhs_number": (2, 2),
    "nickname": (10, 10),
    "phone": (2, 2),
    "place": (5, 5),
    "postcode": (3, 3),
    "school": (5, 5),
    "title_surname": (8, 8),
    "vehicle": (5, 5),
}

SET = SplitSet(HERE / "heldout11", MEASURED, clean=90, flagged_at_most=0.07, recall_at_least=0.92)


@pytest.mark.parametrize("what", SPLIT_CHECKS)
def test_the_test_half_holds(what):
    SET.check(what)


def test_the_dev_half_keeps_what_its_rules_found():
    """The dev half was read and tuned on: 114 of 120 found (the misses: given
    names that are words opening a sentence or typed in lower case as an object,
    a word nickname as a clause's subject, initials in a quoted log), 2 of its 90
    clean sentences flagged (a toolkit's title-cased name, roles in title case)."""
    s = measure(HERE / "heldout11", "dev")
    assert (s.found, s.planted) == (114, 120), s.misses
    assert s.flagged <= 2, s.flagged_sentences
