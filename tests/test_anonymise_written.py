"""Details written so that the gate's patterns miss them (issue 14; the red team's
known gaps): a name split by emphasis, an address spelt out, a number in groups,
a name in a link's address or a page's file name, a name inside quoted words.
Each is found by what it is, in words other than the red team's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from checks.loading import load
from checks.rules.ano001_identifying_detail import spans
from kbfactory import brief_body

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def example() -> Any:
    return load(REPO)


def found(kb: Any, text: str, area: str = "briefs") -> list[tuple[str, str]]:
    (hits,) = spans([text], kb, area=area)
    return [(kind, text[start:end]) for kind, start, end in hits]


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        # The page shows the letters run together: the rendered words are read.
        ("Ola**wale** Adeyemi-Brown missed her appointment.", "Ola**wale** Adeyemi-Brown"),
        ("Sza<em>ym</em>on Wiśniewski was at home.", "Sza<em>ym</em>on Wiśniewski"),
        ("Aoi*fe* Gallagher's mother did not attend.", "Aoi*fe* Gallagher"),
    ],
)
def test_a_name_split_by_markup_is_read_as_shown(example, text, detail):
    # The split word is found whole, with the markup inside it.
    split = detail.split()[0]
    assert any(kind == "name" and d.startswith(split) for kind, d in found(example, text))


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("Her mother gave s dot okafor at gmail dot com as a contact.", "s dot okafor at gmail"),
        ("Reply to dwayne(at)mailbox(dot)co(dot)uk after school.", "dwayne(at)mailbox(dot)co"),
        ("The address was tomek.k [at] wp [dot] pl on the form.", "tomek.k [at] wp [dot] pl"),
        ("He wrote lily at hotmail dot co dot uk in the book.", "lily at hotmail dot co dot uk"),
    ],
)
def test_an_email_address_spelt_out_is_an_email(example, text, detail):
    assert any(kind == "email" and detail in d for kind, d in found(example, text))


@pytest.mark.parametrize(
    "text",
    [
        "Practitioners looked at the dot com era of social media.",
        "The school nurse looked at nhs dot uk for advice.",
        "She arrived at nine and left at ten.",
    ],
)
def test_ordinary_words_around_at_and_dot_are_not_an_email(example, text):
    assert [k for k, _ in found(example, text) if k == "email"] == []


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("His hospital number KGH 1183 2206 was written on the chart.", "KGH 1183 2206"),
        ("The MRN 5531 0092 4471 was on the discharge letter.", "5531 0092 4471"),
    ],
)
def test_a_number_written_in_groups_after_its_cue(example, text, detail):
    assert any(d == detail for _, d in found(example, text))


def test_a_year_range_is_not_a_number_in_groups(example):
    assert found(example, "The case was reviewed over 2019 2020 and then closed.") == []


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("See the ([story](https://paper.example/news/jayden-mcallister-sentenced)).",
         "jayden-mcallister"),
        ("Saved as [notes](files/amelia_kowalczyk_notes.pdf).", "amelia_kowalczyk"),
    ],
)  # fmt: skip
def test_a_name_in_a_link_address_is_a_name(example, text, detail):
    assert ("name", detail) in found(example, text)


@pytest.mark.parametrize(
    "text",
    [
        "Read the [procedure](../procedures/escalation.md#multi-agency-step-down).",
        "A face-to-face, well-being and self-neglect check was agreed.",
        "[Guidance](https://www.gov.uk/government/publications/working-together-to-safeguard-children--2)",
    ],
)
def test_ordinary_slugs_are_not_names(example, text):
    assert [d for k, d in found(example, text) if k == "name"] == []


def test_a_name_inside_a_child_s_quoted_words(example):
    text = "She told the nurse: 'Kofi Mensah shouts at me.'"
    assert ("name", "Kofi Mensah") in found(example, text)
    text = "He said: 'Zainab took my phone.'"
    assert any(d == "Zainab" for _, d in found(example, text))


def test_an_apostrophe_inside_a_name_is_still_part_of_it(example):
    assert ("name", "Siobhán O'Sullivan") in found(example, "Siobhán O'Sullivan was seen.")


def test_a_page_whose_file_name_is_a_name_is_withheld(files, check):
    front, _ = files["docs/briefs/lb-2026-01.md"]
    del files["docs/briefs/lb-2026-01.md"]
    files["docs/briefs/lb-2026-01-dawid-zielinski.md"] = (front, brief_body("A brief"))
    result = check(files)
    found_ = [(f.file, f.match) for f in result.findings if f.code == "ANO001"]
    assert ("docs/briefs/lb-2026-01-dawid-zielinski.md", "dawid-zielinski") in found_


@pytest.mark.parametrize(
    ("text", "kind", "detail"),
    [
        ("The car was left at ///lamp.stone.bridge overnight.", "place", "lamp.stone.bridge"),
        ("The flat is at 53.79648, -1.54785 on the map.", "place", "53.79648, -1.54785"),
        ("Her NHS number 943 476\n5919 was on the form.", "nhs-number", "943 476\n5919"),
        (
            "He read out nine four three four seven six five nine one nine to the nurse.",
            "nhs-number",
            "nine four three four seven six five nine one nine",
        ),
        ("Her UPN, K80112233445C, was on the transfer form.", "case-reference", "K80112233445C"),
        (
            "The younger brother, D̲a̲w̲i̲d̲ ̲K̲r̲a̲w̲c̲z̲y̲k̲, was often late.",
            "name",
            "D̲a̲w̲i̲d̲ ̲K̲r̲a̲w̲c̲z̲y̲k̲",
        ),
    ],
)
def test_a_spot_a_number_split_or_spoken_and_an_underlined_name(example, text, kind, detail):
    assert any(k == kind and detail in d for k, d in found(example, text)), found(example, text)


@pytest.mark.parametrize(
    "text",
    [
        "Versions 1.2, 3.4 and 2.5 of the policy were compared.",
        "Count one, two, three, four, five, six, seven, eight, nine, ten with the child.",
        "The ratio was 0.25, 0.5 and 0.75 across the three years.",
    ],
)
def test_numbers_in_prose_are_not_spots_or_nhs_numbers(example, text):
    assert found(example, text) == []


@pytest.mark.parametrize(
    ("markup", "detail"),
    [
        ('<abbr title="Ruairi Donnelly">RD</abbr> was seen at home.', "Ruairi Donnelly"),
        (
            '<span aria-label="Precious Adebayo, aged 7">The child</span> was seen.',
            "Precious Adebayo",
        ),
        ('<span class="x" data-who="Milosz Zielinski">The child</span> spoke.', "Milosz Zielinski"),
        ("<img alt='Keeley Ashworth at school' src='a.png'>", "Keeley Ashworth"),
    ],
)
def test_a_name_in_an_attribute_a_reader_sees_or_hears(files, check, markup, detail):
    front, _ = files["docs/briefs/lb-2026-01.md"]
    files["docs/briefs/lb-2026-01.md"] = (front, brief_body("A brief") + f"\n{markup}\n")
    result = check(files)
    found_ = [f.match for f in result.findings if f.code == "ANO001"]
    # (A given name that is also a word, "Precious", may be left to the surname.)
    assert any(m and m in detail and len(m) > 4 for m in found_), found_


def test_a_name_written_backwards_under_a_right_to_left_override(example):
    text = "Her uncle, \u202ekcinraB eiraM\u202c, collected her."
    assert ("name", "kcinraB eiraM\u202c") in found(example, text)
