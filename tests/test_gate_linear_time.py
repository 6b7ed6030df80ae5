"""The anonymisation gate reads any text in linear time: a pull request cannot
stall CI with a page made of one shape repeated (red team round 12: 60,000
spaced letters took 45 s, then a minute per 100,000 characters more).

Each text below is 120,000 characters: a pattern that reads it in quadratic time
takes minutes (the ones fixed took 2 to 4 minutes each at this size); read in
linear time, each takes a few seconds. The time box is
what fails the test, so no figure of speed is asserted."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.loading import load
from checks.rules.ano001_identifying_detail import MAX_TEXT_CHARACTERS, spans, unreadable
from timebox import time_box

REPO = Path(__file__).resolve().parent.parent
SIZE = 120_000

SHAPES = {
    "letters spaced out": "T a l w y n ",
    "one word of many capitals": "Talwyn",
    "capitalised words": "Talwyn Penrose ",
    "short capitalised words": "Aa ",
    "a hyphenated run": "a-",
    "a dotted run": "a.",
    "a spelt-out address run": "a dot ",
    "underscores": "a_",
}


@pytest.fixture(scope="module")
def kb():
    return load(REPO)


@pytest.mark.parametrize("shape", SHAPES)
def test_a_page_of_one_shape_repeated_is_read_in_linear_time(kb, shape):
    unit = SHAPES[shape]
    text = unit * (SIZE // len(unit))
    with time_box(60):
        (found,) = spans([text], kb)
    assert isinstance(found, list)


def test_a_page_too_long_to_read_is_withheld_unread(files, check):
    """Red team round 13: 20,000 links in a page of 676 KB kept the check and the
    build busy for over a minute. A page over the gate's limit is not read, and
    its finding withholds it."""
    brief = next(k for k in files if k.startswith("docs/briefs/"))
    front, body = files[brief]
    files[brief] = (front, body + "\n" + "[Ab][r1] " * (MAX_TEXT_CHARACTERS // 9 + 1) + "\n")
    result = check(files)
    (long,) = [f for f in result.findings if "characters long" in f.message]
    assert (long.code, long.file) == ("ANO001", brief)
    assert long.subject in result.text_withheld


def test_a_static_text_file_too_long_to_read_is_withheld_unread(files, check):
    files["docs/notes/long.txt"] = "Ab Cd " * (MAX_TEXT_CHARACTERS // 6 + 1)
    result = check(files)
    (long,) = [f for f in result.findings if "characters long" in f.message]
    assert (long.code, long.file) == ("ANO001", "docs/notes/long.txt")


@pytest.mark.parametrize(("opener", "count"), [("[", 1_001), ("<", 5_001)])
def test_a_page_of_too_many_link_or_tag_openers_is_withheld_unread(files, check, opener, count):
    """Red team round 15: 20,000 `[` in 20 KB, or five pages of 59,000 `<a` (each
    under the length limit), kept Python-Markdown busy past a minute. A text with
    more than the gate reads is withheld unread, whatever its length."""
    brief = next(k for k in files if k.startswith("docs/briefs/"))
    front, body = files[brief]
    files[brief] = (front, body + "\n" + (opener + "a ") * count + "\n")
    result = check(files)
    (many,) = [f for f in result.findings if f"`{opener}`" in f.message]
    assert (many.code, many.file) == ("ANO001", brief)
    assert f"{count:,} `{opener}`" in many.message
    assert many.subject in result.text_withheld


def test_a_page_at_the_opener_limits_is_read(files, check):
    brief = next(k for k in files if k.startswith("docs/briefs/"))
    front, body = files[brief]
    files[brief] = (front, body + "\n" + "[a] " * 1_000 + "<b> " * 4_000 + "\n")
    result = check(files)
    assert not [f for f in result.findings if f.code == "ANO001" and f.file == brief]


def test_a_static_file_copied_as_it_is_may_hold_any_number_of_tags(files, check):
    """An SVG diagram is not Markdown: MkDocs copies it whole, so its many `<` are
    read as any text is, and it is published."""
    shapes = "".join(f'<rect x="{i}"/>\n' for i in range(5_001))
    files["docs/diagrams/referral-pathway.svg"] = f"<svg>\n{shapes}</svg>\n"
    result = check(files)
    assert not [f for f in result.findings if f.file.startswith("docs/diagrams/")]


def test_only_text_that_goes_through_markdown_is_held_to_the_opener_limits():
    many = "[a] " * 1_001
    assert "1,001 `[`" in unreadable(many)
    assert unreadable(many, markdown=False) == ""
    # The length limit holds for every text.
    assert unreadable("a" * (MAX_TEXT_CHARACTERS + 1), markdown=False)
