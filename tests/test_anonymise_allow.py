"""What is public on purpose (issue 14, item 3): the shipped list of public names, the
partnership's additions in kb.yaml, and its public office-holders; each use is
reported by ANO002 at info level, and a learning brief never names a person."""

from __future__ import annotations

from typing import Any

import pytest

from checks.anonymise.allow import Allowed, digits, fold, shipped
from checks.anonymise.detectors import Hit
from checks.model.findings import Severity
from kbfactory import brief_body

BRIEF = "docs/briefs/lb-2026-01.md"
TOR = "docs/tor/panel.md"


def _brief(files: dict[str, Any], text: str) -> None:
    front, _ = files[BRIEF]
    files[BRIEF] = (front, brief_body("A brief") + f"\n{text}\n")


def _tor(files: dict[str, Any], text: str) -> None:
    front, body = files[TOR]
    files[TOR] = (front, f"{body}\n{text}\n")


def _found(result: Any, code: str) -> list[tuple[str, str]]:
    return [(f.file, f.match) for f in result.findings if f.code == code]


# -- the shipped list -------------------------------------------------------------------


def test_the_shipped_list_has_children_authors_and_helplines_with_numbers():
    entries = shipped()
    kinds = {e.kind for e in entries}
    assert kinds == {"child", "author", "national-figure", "helpline"}
    helplines = [e for e in entries if e.kind == "helpline"]
    assert helplines and all(e.numbers and all(n.isdigit() for n in e.numbers) for e in helplines)
    names = {e.name for e in entries}
    assert {"Victoria Climbié", "Arthur Labinjo-Hughes", "Eileen Munro", "Childline"} <= names


def test_the_shipped_list_is_package_data():
    import tomllib
    from pathlib import Path

    pyproject = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())
    assert "anonymise/*.yaml" in pyproject["tool"]["setuptools"]["package-data"]["checks"]


def test_folding_keeps_offsets_and_digits_read_a_uk_number():
    assert fold("Victoria Climbié") == "victoria climbie"
    assert len(fold("İstanbul ﬁsh")) == len("İstanbul ﬁsh")
    assert digits("+44 808 800 5000") == digits("0808 800 5000") == "08088005000"


# -- what the shipped list lets through, and what it does not ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Victoria Climbié Inquiry found that no one had spoken to the child alone.",
        "Lord Laming's report made 108 recommendations.",
        "The Munro review argued for less procedure and more judgement.",
        "Practitioners can call the NSPCC Helpline on 0808 800 5000 for advice.",
        "Children can call Childline on 0800 1111 at any time.",
        "The deaths of Arthur Labinjo-Hughes and Star Hobson led to a national review.",
        # An apostrophe, straight or curly, in a listed name.
        "The inquiry into the death of Dennis O’Neill was the first of its kind.",
        "Fathers can call the Men’s Advice Line on 0808 801 0327.",
        # National office-holders and researchers, in their office's or work's context.
        "Dame Anne Longfield, then Children's Commissioner, reported on children in care.",
        "Marian Brandon's analyses of serious case reviews are cited in the toolkit.",
        # A helpline's published address and short number, a law named after a person.
        "Adults worried about a child can write to the NSPCC at help@nspcc.org.uk.",
        "Missing People can be called or texted free on 116 000.",
        "Clare's Law lets a person ask the police about a partner's past.",
        # Where a child named in a national review lived or died is public.
        "Star Hobson was killed in Bradford in 2020, and her case shaped the review.",
    ],
)
def test_public_names_in_a_brief_are_allowed_and_reported(files, check, text):
    _brief(files, text)
    result = check(files)
    assert _found(result, "ANO001") == []
    # What the gate would have found is reported (some of these it never finds).
    allowed = [f for f in result.findings if f.code == "ANO002"]
    assert all(f.severity is Severity.INFO and f.file == BRIEF for f in allowed)
    assert all("published because it is" in f.message for f in allowed)


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        # A given name of a listed child is not the child.
        ("Victoria was seen by the school nurse twice.", "Victoria"),
        # A title with a listed surname is someone else.
        ("Mrs Munro was the child's class teacher.", "Mrs Munro"),
        # A name in look-alike letters is not read as the public one.
        ("The Vіctoria Climbié Inquiry was cited.", "Vіctoria Climbié"),
        # A number that is not a listed helpline's.
        ("The mother rang 0808 800 5001 twice.", "0808 800 5001"),
        # A public surname beside another given name.
        ("Fatima Pelka was the child's aunt.", "Fatima Pelka"),
    ],
)
def test_what_only_looks_public_is_still_a_finding(files, check, text, detail):
    _brief(files, text)
    result = check(files)
    assert (BRIEF, detail) in _found(result, "ANO001")


def test_the_full_name_cited_first_covers_the_given_name_after_it():
    allowed = Allowed.of_partnership([], shipped())
    text = "The Victoria Climbié Inquiry found that no agency listened to Victoria."
    at = text.rindex("Victoria")
    hit = Hit("name", at, at + len("Victoria"), "Victoria")
    assert allowed.public_allowance(hit, text, in_brief=True) is not None
    alone = "No agency listened to Victoria."
    at = alone.index("Victoria")
    hit = Hit("name", at, at + len("Victoria"), "Victoria")
    assert allowed.public_allowance(hit, alone, in_brief=True) is None


@pytest.mark.parametrize(
    "later",
    [
        # another paragraph: the brief has moved on to its own case
        "The Victoria Climbié Inquiry asked agencies to listen.\n\nNo one listened to Victoria.",
        # a relative of a local child, whoever was cited before
        "After the Victoria Climbié Inquiry, Child AA's sister, Victoria, was not seen.",
        "The Victoria Climbié Inquiry was cited. A girl called Victoria was not seen.",
        # an age marks a child
        "The Victoria Climbié Inquiry was cited, and Victoria, aged 6, was not seen.",
    ],
)
def test_a_cited_given_name_is_not_allowed_for_a_local_child(later):
    allowed = Allowed.of_partnership([], shipped())
    at = later.rindex("Victoria")
    hit = Hit("name", at, at + len("Victoria"), "Victoria")
    assert allowed.public_allowance(hit, later, in_brief=True) is None


def test_an_address_or_date_is_never_allowed():
    allowed = Allowed.of_partnership([], shipped())
    text = "12 Climbié Road"
    for kind in ("address", "event-date", "nhs-number", "postcode"):
        assert allowed.public_allowance(Hit(kind, 0, len(text), text), text, False) is None


# -- the partnership's own additions in kb.yaml -----------------------------------------


def test_kb_yaml_adds_a_public_name_and_each_use_is_reported(files, check):
    _brief(files, "Families can call the Kestrel Family Line on 0800 123 4567 for support.")
    assert _found(check(files), "ANO001")
    files["kb.yaml"] = (
        "public_names:\n"
        "  - name: Kestrel Family Line\n"
        "    numbers: ['0800 123 4567']\n"
        "    reason: The council's published family support helpline.\n"
    )
    result = check(files)
    assert _found(result, "ANO001") == []
    reported = [f for f in result.findings if f.code == "ANO002"]
    assert reported and all("a name kb.yaml allows" in f.message for f in reported)
    assert all("kb.yaml line 2" in f.message for f in reported)


@pytest.mark.parametrize(
    ("entry", "words"),
    [
        ("  - name: Kestrel Family Line\n", "reason"),
        ("  - {name: X, reason: Too short.}\n", "at least two letters"),
        ("  - {name: Line, numbers: [call me], reason: Why.}\n", "not a telephone number"),
    ],
)
def test_a_bad_public_name_in_kb_yaml_is_a_finding(files, check, entry, words):
    files["kb.yaml"] = "public_names:\n" + entry
    result = check(files)
    bad = [f for f in result.findings if f.file == "kb.yaml" and f.severity is Severity.ERROR]
    assert any(words in f.message for f in bad), [f.message for f in result.findings]


def test_kb_yaml_cannot_switch_ano002_off(files, check):
    _brief(files, "The Victoria Climbié Inquiry found the same.")
    files["kb.yaml"] = "rules:\n  ANO002: {enabled: false}\n"
    result = check(files)
    assert [f.code for f in result.findings if f.code.startswith("ANO")] == ["ANO002"]
    assert any(f.code == "CFG003" for f in result.findings)


# -- public office-holders ----------------------------------------------------------------


def _office_holder(files: dict[str, Any]) -> None:
    files["data/partnership.yaml"]["public_office_holders"] = [
        {"name": "Morwenna Tallis", "role": "Independent Scrutineer"}
    ]


def test_a_tor_may_name_a_public_office_holder(files, check):
    _office_holder(files)
    _tor(files, "Dr Morwenna Tallis, the Independent Scrutineer, attends twice a year.")
    result = check(files)
    assert [f for f in _found(result, "ANO001") if f[0] == TOR] == []
    (used,) = [f for f in result.findings if f.code == "ANO002" and f.file == TOR]
    assert "office-holder" in used.message and "Independent Scrutineer" in used.message
    # The listing itself is not reported as a use of it.
    assert not [f for f in result.findings if f.code == "ANO002" and f.file.startswith("data/")]


def test_a_brief_never_names_an_office_holder(files, check):
    _office_holder(files)
    _brief(files, "Morwenna Tallis, the Independent Scrutineer, read the review.")
    result = check(files)
    assert (BRIEF, "Morwenna Tallis") in _found(result, "ANO001")
    assert not [f for f in result.findings if f.code == "ANO002"]


def test_a_tor_does_not_name_anyone_else(files, check):
    _office_holder(files)
    _tor(files, "Jessica Smith chairs the panel.")
    assert (TOR, "Jessica Smith") in _found(check(files), "ANO001")


# -- in an unpublished brief, the report does not quote it ------------------------------


def test_ano002_does_not_quote_a_draft(files, check):
    front, _ = files[BRIEF]
    files[BRIEF] = (
        {**front, "status": "draft"},
        brief_body("A brief") + "\nThe Victoria Climbié Inquiry found the same.\n",
    )
    result = check(files)
    reported = [f for f in result.findings if f.code == "ANO002"]
    assert reported and not any("Climbié" in f.message for f in reported)


# -- local authority areas ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The partnerships in Norfolk and in Suffolk ran a joint audit of neglect cases.",
        "Leeds City Council published its neglect strategy in May 2025.",
        "A regional conference in Cardiff heard the findings in March 2026.",
        "The Wirral safeguarding partnership shared its toolkit.",
        "A manager from the Walsall partnership presented the audit of children's homes.",
        "The Kent partnership's review of the family was published in 2025.",
        "A review in Lancashire found the same gaps in supervision.",
        # A nation or a region holds millions: it names no family's home.
        "The boy was moved from London to a children's home in the Midlands.",
    ],
)
def test_an_area_named_as_a_public_body_s_is_not_a_finding(files, check, text):
    _brief(files, text)
    assert not [m for f, m in _found(check(files), "ANO001") if f == BRIEF]


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        # Where a family came from or lived identifies them (shared/domain.md).
        ("The family had moved from Wakefield a month before the referral.", "Wakefield"),
        ("Her aunt lived in Coventry and offered to care for the baby.", "Coventry"),
        # A body's area, in a sentence about where the family lived.
        ("The partnerships in Norfolk and in Suffolk, where the children grew up, met.", "Suffolk"),
        # A street in an area is a street.
        ("The flat on Norfolk Street had no heating.", "Norfolk Street"),
        # The model reads the town as part of a body's name; where they lived it is
        # still the town (round 8).
        ("Until the summer they lived within the Dudley Council area.", "Dudley"),
        ("The twins moved into the Salford partnership's area in 2024.", "Salford"),
        ("A boy from the Walsall Council area was then placed with carers.", "Walsall"),
        # Citing a national review does not make the family's own town public.
        ("Like Star Hobson, the boy lived in Bradford with his mother.", "Bradford"),
    ],
)
def test_where_a_family_lived_is_still_a_finding(files, check, text, detail):
    _brief(files, text)
    found = [m for f, m in _found(check(files), "ANO001") if f == BRIEF]
    assert any(detail in m or m in detail for m in found), found
