"""The anonymisation gate on the hand-written, held-out set (issue 14, item 5).

tests/anonymisation/ was written by someone else, apart from the detector's
code. The goals: at least 98% of the planted details of every kind found, at
most 3% of the clean sentences flagged.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
import yaml
from anonhandwritten import HERE, Scores, measure


@cache
def scores() -> Scores:
    return measure()


def test_the_set_covers_every_kind_with_enough_sentences():
    s = scores()
    assert sum(n for _, n in s.by_kind.values()) >= 300 and s.clean >= 300
    assert len(s.by_kind) >= 15 and all(n >= 20 for _, n in s.by_kind.values())


@pytest.mark.parametrize(
    "kind",
    sorted({e["kind"] for e in yaml.safe_load((HERE / "identifying.yaml").read_text("utf-8"))}),
)
def test_recall_of_each_kind_is_at_least_98_percent(kind):
    found, planted = scores().by_kind[kind]
    missed = [t for k, t in scores().misses if k == kind]
    assert found / planted >= 0.98, missed


def test_at_most_3_percent_of_clean_sentences_are_flagged():
    s = scores()
    assert s.share_flagged <= 0.03, s.flagged_sentences


def test_outside_the_public_citations_at_most_3_percent_are_flagged():
    """The goal, measured on the sections that do not cite public names or helplines."""
    s = scores()
    public = [k for k in s.by_section if "national" in k]
    flagged = sum(f for k, (f, _) in s.by_section.items() if k not in public)
    total = sum(n for k, (_, n) in s.by_section.items() if k not in public)
    assert public and total >= 300
    assert flagged / total <= 0.03


def test_the_rules_hold_no_detail_of_the_held_out_set():
    """The set is held out: no planted detail is copied into the rules, their lists or
    their comments (the modules written for the named-entity gate; names.py's
    lists of common words predate the set). A public name is compared whole: a
    planted given name "Oliver" is not copied by listing the Chief Inspector
    "Martyn Oliver", but a planted name listed as public would be."""
    anonymise = Path(__file__).resolve().parent.parent / "checks" / "anonymise"
    source = "\n".join(
        (anonymise / name).read_text("utf-8").lower()
        for name in ("context.py", "recognise.py", "allow.py", "model.py")
    )
    public = yaml.safe_load((anonymise / "public_names.yaml").read_text("utf-8"))
    forms = {
        form.lower()
        for group in public.values()
        for entry in group
        for form in (entry["name"], *entry.get("also", []))
    }
    entries = yaml.safe_load((HERE / "identifying.yaml").read_text("utf-8"))
    copied = {
        e["span"]
        for e in entries
        # (Two or three letters, such as a postcode area, are the public list of
        # areas the partial-postcode rule knows, not a copied detail.)
        if len(e["span"]) >= 4
        and (
            re.search(rf"(?<!\w){re.escape(e['span'].lower())}(?!\w)", source)
            or e["span"].lower() in forms
        )
    }
    assert not copied
