"""The context rules of checks.anonymise.cues (issue 14, round 3): initials read
against the sector's acronyms, references, nicknames, given names alone,
lower-case names, family surnames, scripts the gate cannot read and named
venues; and how the gate reports them (kind, line and column, never the text)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from checks.anonymise import cues
from checks.anonymise.allow import sector_names
from kbfactory import brief_body

BRIEF = "docs/briefs/lb-2026-01.md"


def _brief(files: dict[str, Any], text: str) -> None:
    front, _ = files[BRIEF]
    files[BRIEF] = (front, brief_body("A brief") + f"\n{text}\n")


def _kinds(text: str) -> set[tuple[str, str]]:
    return {(h.kind, h.text) for h in cues.find(text)}


def test_the_acronym_list_is_package_data_and_long_enough():
    known = cues.acronyms()
    assert len(known) >= 150
    assert {"MASH", "LADO", "CAMHS", "GP", "ICB", "DSL", "SENCO", "EHCP", "MARAC", "IDVA"} <= known
    assert sector_names() and "Solihull Approach" in sector_names()


@pytest.mark.parametrize(
    ("text", "kind", "span"),
    [
        ("QP told the school nurse she was hungry.", "initials", "QP"),
        ("The worker visited D.McK. at home.", "initials", "D.McK."),
        ("The log (QRS/24/09911) records a call.", "reference", "QRS/24/09911"),
        ("Her record, W7781234, shows two admissions.", "reference", "W7781234"),
        ("The record T 441 8820 notes a burn.", "reference", "T 441 8820"),
        ("He was nicknamed Lobster by the older boys.", "name", "Lobster"),
        ("Autumn, aged 13, was missing overnight.", "name", "Autumn"),
        ("Sage told the police what had happened.", "name", "Sage"),
        ("Child AA's sister, Star, was hungry.", "name", "Star"),
        ("Her son Bram started nursery in May.", "name", "Bram"),
        ("The girls stayed with a woman they called Auntie Pearl.", "name", "Auntie Pearl"),
        ("His nickname at school was Biscuit.", "name", "Biscuit"),
        ("The Quarshie family moved in 2023.", "name", "Quarshie"),
        # A surname that is also in the dictionary, as a noun only.
        ("When the Tallis family moved, no records followed.", "name", "Tallis"),
        ("A letter named the landlord as 陈伟.", "script", "陈伟"),
        ("The men met at the Silver Moon takeaway.", "place", "Silver Moon takeaway"),
        ("His gamer tag, NightOwl_77, was shared.", "handle", "NightOwl_77"),
        ("An older boy, who called himself Blade, sent the messages.", "name", "Blade"),
        ("Her uncle went by the name Geordie.", "name", "Geordie"),
        ('She said she had been with "Bo-Bo" all night.', "name", "Bo-Bo"),
        ("Her boyfriend 'Kyren' collected her.", "name", "Kyren"),
        ("Nan ('nanna bun' to the children) had the baby.", "name", "nanna bun"),
        ("Poppy-Jo (3) was seen in the walk-in centre.", "name", "Poppy-Jo"),
        ("His unit number at the hospital, 5530981, was on the letter.", "reference", "5530981"),
        ("They lived in the Dudley Council area.", "place", "Dudley"),
        ("The card read ʇuǝɯɐ.", "script", "ʇuǝɯɐ"),
        ("The officer spoke to Mehwish in English.", "name", "Mehwish"),
        ("Staff asked Dariusz about the bruise.", "name", "Dariusz"),
        ('"Pickle" had been crying when the officers arrived.', "name", "Pickle"),
        ('Staff recognised "Nugget" from the photograph.', "name", "Nugget"),
        ('"Brick" was the name the older boys used.', "name", "Brick"),
        ("On the estate he was called Sparrow.", "name", "Sparrow"),
        ("The group gave him the name Wasp.", "name", "Wasp"),
        ("Online he used the name Q-Bit.", "name", "Q-Bit"),
        ("She introduced herself to staff as Dotty.", "name", "Dotty"),
        ("The children lived with a man whom they called Big J.", "name", "Big J"),
        ("His music page was under Lil Kestrel.", "name", "Lil Kestrel"),
        ("It was Rowan who rang for help.", "name", "Rowan"),
        ("The family worker drove Willow to every appointment.", "name", "Willow"),
        ("Ivy, the youngest, was seldom mentioned.", "name", "Ivy"),
        ("Hunter was 15 and had stopped going to school.", "name", "Hunter"),
        ("Justice had just turned 14, and was out most nights.", "name", "Justice"),
        ("The baby was always called Pippin at home.", "name", "Pippin"),
        ("On the estate she was only ever called Wren.", "name", "Wren"),
        ("His uncle nicknamed the older boy Tonka, and the name stuck.", "name", "Tonka"),
        ("The youth worker took Riley to the clinic.", "name", "Riley"),
        ("The midwife handed Precious to her mother.", "name", "Precious"),
    ],
)
def test_a_detail_is_found_by_its_context(text, kind, span):
    assert (kind, span) in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "The MASH and the LADO agreed a strategy discussion with CAMHS and the GP.",
        "Review CSPR-2025-01 was published in 2024/25.",
        "Call 0808 800 5000 or 101.",
        "Section 47 enquiries began in March 2024.",
        "WHAT YOU SHOULD DO",
        "Will the partnership review this in 12 months?",
        "Police said the flat was cold.",
        "Her mother, Child B's grandmother, was not asked.",
        "Uncle B and Aunt C were not assessed as carers.",
        "The Polish family and the Traveller family were both offered help.",
        "The Foster family's support worker visited, as did the Extended family.",
        "The child's father Tuesday visits were not recorded.",
        "The wider family were not asked about the baby.",
        "Practitioners were trained in the Solihull Approach and Signs of Safety.",
        'The father "disappeared" for weeks at a time.',
        'Two boys were linked to "County Lines" gangs.',
        "Home visits in the Bolton area were audited.",
        "The worker spoke to Ofsted, then visited Leeds and told Childline.",
        "The nurse saw Dr Okafor's team.",
        "Zoë, José and Łukasz are names the gate reads.",
        '"Early Help" was taken up by every school.',
        "The board was called to an extraordinary meeting.",
        "It was Ofsted who raised it first.",
        "The audit found May the busiest month.",
        "He was called to give evidence.",
        "In May, the baby was admitted to hospital.",
        'The review identified "Neglect" as the main theme.',
        'The "Hub" would not accept the referral.',
        "Practitioners referred to the child as LAC throughout.",
        "The mother, whom the school called Tuesday, did not answer.",
        "Police found Amber Alert posters in the car.",
        "The score in March was 12.",
        "The Team was 12, and the school wanted more.",
        "She was 16 when the plan ended.",
        "The project was always called Lantern by its staff.",
        "The council nicknamed the scheme Lantern.",
        "The Child Protection Plan was stepped down to Child in Need.",
        "The board took Ofsted's advice on the plan.",
        "The panel handed Leeds the lead for the review.",
    ],
)
def test_ordinary_practice_text_is_not_a_finding(text):
    assert cues.find(text) == []


def test_a_finding_gives_kind_line_and_column_never_the_text(files, check):
    _brief(files, "In May 2024 QP told the nurse.")
    (f,) = [f for f in check(files).findings if f.code == "ANO001"]
    assert f.match == "QP"
    assert re.match(r"(?:initials|name): the text at column 13 ", f.message)
    assert "QP" not in f.message and "QP" not in str(f.as_dict())


def test_kb_yaml_allows_an_acronym_as_a_public_name_and_each_use_is_reported(files, check):
    _brief(files, "The KVW panel met in May 2024.")
    assert [f.match for f in check(files).findings if f.code == "ANO001"] == ["KVW"]
    files["kb.yaml"] = (
        "public_names:\n  - name: KVW\n    reason: The Kestrel Voluntary Welfare forum.\n"
    )
    result = check(files)
    assert [f for f in result.findings if f.code == "ANO001"] == []
    assert [f for f in result.findings if f.code == "ANO002"]


def test_words_of_a_page_s_file_name_are_not_a_place(files, check):
    front, body = files[BRIEF]
    del files[BRIEF]
    files["docs/briefs/lb-2026-01-bruising-in-babies.md"] = (front, body)
    assert [f for f in check(files).findings if f.code == "ANO001"] == []


def test_the_name_lists_are_read_without_importing_faker():
    """Faker's lists are read from its source: importing Faker costs about 0.2 s a run."""
    import subprocess
    import sys

    code = (
        "import sys\nfrom checks.anonymise import names\n"
        "assert len(names.given_names()) > 500 and len(names.surnames()) > 500\n"
        "assert 'road' in names.street_suffixes()\n"
        "assert 'France' in names.faker_list('address/en', 'countries')\n"
        "print('faker' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
