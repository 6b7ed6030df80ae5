"""A name spelt out, in small capitals, or in invisible tag characters is read.

Round 5 of the red team published a child's name past ANO001 three ways the
gate did not read as a reader (or a copy of the page) does:
``K a y d e n  M u l v a n e y``, ``ᴋᴀʏᴅᴇɴ ᴍᴜʟᴠᴀɴᴇʏ``, and the name encoded in
tag characters (U+E0020 to U+E007E), which the gate dropped as invisible while
the page kept them. Each is now read as the plain name (checks.anonymise.normalise,
steps 7 to 9), each character of it mapped back to where it was written.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from checks.anonymise.normalise import needs_normalising, normalise
from checks.model.findings import Finding

BRIEF = "docs/briefs/lb-2026-01.md"
NAME = "Kayden Mulvaney"


def tags(text: str) -> str:
    """``text`` in tag characters: shown as nothing, carried all the same."""
    return "".join(chr(0xE0000 + ord(c)) for c in text)


SPACED = "K a y d e n  M u l v a n e y"
SMALL_CAPS = "\u1d0b\u1d00\u028f\u1d05\u1d07\u0274 \u1d0d\u1d1c\u029f\u1d20\u1d00\u0274\u1d07\u028f"
TAGGED = tags(NAME)


def _read_back(written: str, name: str) -> tuple[int, int]:
    """Where ``name`` is read in ``written``, mapped back to the original."""
    got = normalise(written)
    assert len(got.origin) == len(got.text) + 1
    start = got.text.index(name)
    return got.span(start, start + len(name))


# -- reading ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "read"),
    [
        # spelt out letter by letter
        ("Her son, K a y d e n  M u l v a n e y, was seen.", "Her son, Kayden Mulvaney, was seen."),
        ("K\u00a0a\u00a0y\u00a0d\u00a0e\u00a0n", "Kayden"),
        ("K.a.y.d.e.n. M.u.l.v.a.n.e.y.", "Kayden Mulvaney."),
        ("K-a-y-d-e-n M-u-l-v-a-n-e-y", "Kayden Mulvaney"),
        ("K_a_y_d_e_n", "Kayden"),
        ("K\u00b7a\u00b7y\u00b7d\u00b7e\u00b7n", "Kayden"),
        ("J o  S m i t h", "Jo Smith"),  # a short run beside a long one
        ("k a y d e n\tm u l v a n e y", "kayden mulvaney"),
        # ordinary text is left as it is
        ("I a m here", "I a m here"),
        ("Plan A or B", "Plan A or B"),
        ("e.g. this, i.e. that", "e.g. this, i.e. that"),
        ("K a y den", "K a y den"),  # three single letters, then a word
        ("grades A B C D", "grades ABCD"),  # reads as a word that names no one
        # small capitals
        (SMALL_CAPS, "Kayden Mulvaney"),
        ("\u0280\u026a\u029c\u1d00\u0274\u0274\u1d0f\u0274", "Rihannon"),
        ("\u0262\u0280\u1d00\u1d04\u1d07", "Grace"),
        ("\u0276", "\u0276"),  # SMALL CAPITAL OE: not one letter A to Z
        ("K\u1d00\u028f", "Kay"),  # a small capital after a letter is lower case
        # letters in filled squares and circles, and in brackets
        ("\U0001f17a\U0001f170\U0001f188", "Kay"),
        ("\U0001f15a\U0001f150\U0001f168 \U0001f15c", "Kay M"),
        ("\u24a6\u249c\u24b4", "Kay"),
        # tag characters: the hidden text reads after its line
        ("Child AA" + TAGGED + " was seen.", "Child AA was seen. Kayden Mulvaney "),
        ("A" + TAGGED + "\nB", "A Kayden Mulvaney \nB"),
        ("Jes" + tags("q") + "sica Smith", "Jessica Smith q "),  # a tag splits no word
        ("\U000e0001" + tags("ab") + "\U000e007f", " ab "),  # language and cancel tags go
        # a Hangul filler is drawn as a blank (round 9)
        ("Tamsin\u3164Keast", "Tamsin Keast"),
        ("Tamsin\u115fKeast", "Tamsin Keast"),
        # a digit of any script is the digit it stands for
        ("call \u0966\u096d\u096d\u0966\u0966", "call 07700"),
        ("\u0e50\u0e57\u0e57", "077"),
        ("\u09e6\u09ed", "07"),
        # a name in capitals in prose, but not a note written in capitals
        (
            "Set up after the death of KATIA TENNETT last year.",
            "Set up after the death of Katia Tennett last year.",
        ),
        ("The MASH and CAMHS staff met the family.", "The MASH and CAMHS staff met the family."),
        ("TYLER, 3, HAD A BRUISE", "TYLER, 3, HAD A BRUISE"),
        (
            "Notice.\nIN NO EVENT SHALL THE AUTHORS BE LIABLE",
            "Notice.\nIN NO EVENT SHALL THE AUTHORS BE LIABLE",
        ),
        ("Set up after KATIA TENNETT RT9LK61 died.", "Set up after Katia Tennett RT9LK61 died."),
        # digits for letters inside a word, but not in codes or addresses
        ("The child L0veday C4rne was seen.", "The child Loveday Carne was seen."),
        ("A4B, RT8LK46, K2234561, jo@example.org", "A4B, RT8LK46, K2234561, jo@example.org"),
        # an empty ruby annotation splitting each word, which the page shows as nothing
        ("to <ruby>Ja<rt></rt></ruby>go Pen<rt></rt>warden", "to Jago Penwarden"),
        ("<b>Note</b>: line<br>break", "Note: line<br>break"),
        # two words run together by something shown as nothing read as two words
        ("the girl<rt>Ulla Crackenthorp</rt>", "the girl Ulla Crackenthorp"),
        ("Brisa\u2063Hollowell and Bri\u200bsa", "Brisa Hollowell and Brisa"),
        ("Blaise&shy;Pendarvell", "Blaise Pendarvell"),
        # letters a bidirectional override element shows right to left
        # (read after the text, the letters as written staying where they are)
        (
            'to <bdo dir="rtl">stteppiT nezoR</bdo>.',
            'to <bdo dir="rtl">stteppiT nezoR. Rozen Tippetts',
        ),
        (
            "<bdo dir=rtl><span>doowesi</span><i>rG &#121;amsI</i></bdo>",
            "<bdo dir=rtl>doowesirG yamsI Ismay Grisewood",
        ),
        # a comment's markers break words; what is between them is read too (in a
        # code span the page shows it)
        ("the girl<!-- x -->Tiberius", "the girl  x  Tiberius"),
        ("Brisa<!--a--><i></i>Hollowell", "Brisa a Hollowell"),
        ("the girl<i></i><b></b>Tiberius", "the girl Tiberius"),
        (
            "spoke withEulalia Crumpsall, not McDonald or eBay",
            "spoke with Eulalia Crumpsall, not McDonald or eBay",
        ),
        ("jo@theAcademy.org.uk and toString(", "jo@theAcademy.org.uk and toString("),
        # glued by a number, a joining mark, a possessive, an acronym or a verb
        ("in Year 7Ottilie Gathercole", "in Year 7 Ottilie Gathercole"),
        ("the child_Wilhelmina Oakenshaw", "the child_ Wilhelmina Oakenshaw"),
        ("the school'sAurora Crispin", "the school's Aurora Crispin"),
        ("a letter from the GPAmbrose Fairbairn", "a letter from the GP Ambrose Fairbairn"),
        ("she visitedAmabel at home", "she visited Amabel at home"),
        ("her nephewCorwen Ashdown", "her nephew Corwen Ashdown"),
        # any word in small letters, an adverb or a gerund; a title (round 15)
        ("seen regularlyRebecca Quennell", "seen regularly Rebecca Quennell"),
        ("was visitingGrainne Kilbride", "was visiting Grainne Kilbride"),
        ("madealsoBronwen Dhaliwal", "madealso Bronwen Dhaliwal"),
        ("MissJodie and MrsSzymanska", "Miss Jodie and Mrs Szymanska"),
        # code splits into words that name no one
        ("the className prop", "the class Name prop"),
        # but not brands, names with humps, acronyms with a plural, addresses or handles
        (
            "TikTok, PowerPoint, McDonald, DeShawn, ACEs, LSCBs, www.KestrelAcademy.example, "
            "@jo_Smith, Mississippi",
            "TikTok, PowerPoint, McDonald, DeShawn, ACEs, LSCBs, www.KestrelAcademy.example, "
            "@jo_Smith, Mississippi",
        ),
        # an override written as a reference, and one across a line break
        ("to &#x202E;eiddO tcideneB&#x202C; about", "to Benedict Oddie about"),
        ("to \u202e\nrehtworC mlesnA\u202c about", "to Anselm Crowther\n about"),
        # a bidirectional override element, however its letters are written
        ("<bdo dir=rtl>n&amp;#101;zoR</bdo>", "<bdo dir=rtl>nezoR Rozen"),
        ("<bdo dir=rtl>stte\u200bppiT nezoR</bdo>", "<bdo dir=rtl>stteppiT nezoR Rozen Tippetts"),
        # a circle or a keycap drawn around each letter
        ("The child J\u20dda\u20ddn\u20dde\u20dd was seen.", "The child Jane was seen."),
        ("K\u20e3a\u20e3y", "Kay"),
        # capitals in a short line, beside a single letter and a code
        (
            "A third of members including JORY TREVASKIS RT10",
            "A third of members including Jory Trevaskis RT10",
        ),
    ],
)
def test_a_disguised_name_reads_as_it_is(written: str, read: str) -> None:
    got = normalise(written)
    assert got.text == read
    assert len(got.origin) == len(got.text) + 1
    if read != written:
        assert needs_normalising(written)


@pytest.mark.parametrize(
    ("written", "name", "where"),
    [
        ("Her son, K a y d e n  M u l v a n e y, was seen.", NAME, SPACED),
        ("Her son " + SMALL_CAPS + " was seen.", NAME, SMALL_CAPS),
        ("Child AA" + TAGGED + " was seen.\nNext.", NAME, TAGGED),
        ("&#75; a y d e n  M u l v a n e y", NAME, "&#75; a y d e n  M u l v a n e y"),
    ],
)
def test_a_disguised_name_maps_back_to_where_it_is_written(
    written: str, name: str, where: str
) -> None:
    start = written.index(where)
    assert _read_back(written, name) == (start, start + len(where))


def test_text_around_a_disguise_maps_back_too() -> None:
    written = "Jes" + tags("q") + "sica Smith and " + TAGGED + "."
    got = normalise(written)
    start = got.text.index("Jessica Smith")
    assert got.span(start, start + len("Jessica Smith")) == (0, written.index(" and"))
    start = got.text.index(" q ") + 1
    assert got.span(start, start + 1) == (3, 4)


def test_spelling_out_takes_time_in_proportion_to_the_text() -> None:
    # Almost-runs that never qualify, and one very long run, stay quick.
    began = time.perf_counter()
    assert needs_normalising("a b c, " * 20_000) is False
    assert normalise("a b c, d\u00e9f " * 20_000).text == "a b c, d\u00e9f " * 20_000
    assert normalise(" ".join("x" * 50_000)).text == "x" * 50_000
    assert normalise("a b c d.e.f.g " * 10_000).text == "abcd.efg " * 10_000
    assert time.perf_counter() - began < 5


# -- the gate -------------------------------------------------------------------


@pytest.mark.parametrize(
    "disguised",
    [
        f"Her son, {SPACED}, was seen by the health visitor twice.",
        f"Her son {SMALL_CAPS} was seen by the health visitor twice.",
        f"Child AA{TAGGED} was seen by the health visitor twice.",
    ],
    ids=["spaced", "small-capitals", "tags"],
)
def test_a_brief_with_a_disguised_name_is_withheld(
    disguised: str, files: dict[str, Any], check: Callable[..., Any], tmp_path: Path
) -> None:
    front, body = files[BRIEF]
    files[BRIEF] = (front, body + f"\n{disguised}\n")
    found: list[Finding] = [f for f in check(files).findings if f.code == "ANO001"]
    lines = (tmp_path / "kb" / BRIEF).read_text(encoding="utf-8").split("\n")
    line = lines.index(disguised) + 1
    assert [(f.file, f.line) for f in found] == [(BRIEF, line)]
