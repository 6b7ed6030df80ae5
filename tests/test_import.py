"""`kb import tor`: a ToR page from a Word, PDF, text or Markdown document.

The three seed ToRs (real published documents, read from ../shared/seeds and
never copied here) are compared with the facts written by hand for each in
tests/importing/seed_facts.yaml; the other layouts are invented here.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from checks.authoring.importing import reading
from checks.authoring.importing.extract import Facts, extract
from checks.authoring.importing.reading import read
from checks.loading import load
from checks.rules.engine import run
from kbfactory import TODAY, kb

AS_OF = TODAY.isoformat()
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
if not SEEDS.is_dir():  # a clone beside shared/ (CI), or a work tree one level deeper
    SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
EXPECTED: dict[str, dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "importing" / "seed_facts.yaml").read_text()
)

FLAGS = [
    "--name",
    "Wrenmouth Safeguarding Children Partnership",
    "--area",
    "Wrenmouth",
    "--nation",
    "England",
    "--council",
    "Wrenmouth City Council",
    "--icb",
    "Wrenmouth and Vale Integrated Care Board",
    "--police",
    "Vale Constabulary",
    "--agency",
    "education=Wrenmouth Schools and Early Years",
    "--agency",
    "probation=Probation Service",
    "--agency",
    "hospital=Wrenmouth University Hospital NHS Foundation Trust",
    "--agency",
    "ambulance=Vale Ambulance Service",
    "--agency",
    "youth-justice=Wrenmouth Youth Justice Service",
    "--agency",
    "housing=Wrenmouth Housing",
    "--yearly-report",
    "2026-06-30",
]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    folder = tmp_path / "wrenmouth"
    assert kb("init", str(folder), *FLAGS)[0] == 0
    return folder


def imported(root: Path, document: Path, *extra: str) -> tuple[Path, dict[str, Any], str]:
    code, out, err = kb(
        "import", "tor", str(document), "--path", str(root), "--as-of", AS_OF, *extra
    )
    assert code == 0, err
    page = Path(out.split()[1])
    text = page.read_text()
    front = yaml.safe_load(text.split("---\n")[1])
    return page, front, text


# --- The seeds ---------------------------------------------------------------


def _agency(seat: Any) -> Any:
    return None if seat is None else {"agency": seat.agency}


def found(facts: Facts) -> dict[str, Any]:
    """The extracted facts in the form of seed_facts.yaml."""

    def value(fact: Any) -> Any:
        return None if fact is None else fact.value

    return {
        "title": value(facts.title),
        "status": value(facts.status) or ("approved" if facts.approval else None),
        "version": value(facts.version),
        "approved_on": value(facts.approved_on),
        "next_review": value(facts.next_review),
        "chair": _agency(facts.chair),
        "vice_chair": _agency(facts.vice_chair),
        "members": sorted({m.agency for m in facts.members}) or None,
        "invited": facts.invited is not None,
        "deputy_rule": facts.deputy_rule is not None,
        "quorum": value(facts.quorum),
        "frequency": value(facts.frequency),
        "ad_hoc": facts.ad_hoc is not None,
        "meeting_length": value(facts.meeting_length),
        "papers_days": value(facts.papers_days),
        "ad_hoc_papers_days": value(facts.ad_hoc_papers_days),
        "minutes_within": value(facts.minutes_within),
        "reporting_line": value(facts.reporting_line),
        "reporting_cadence": value(facts.reporting_cadence),
    }


def _same(field: str, want: Any, got: Any) -> bool:
    if field == "members":
        return sorted(want or []) == (got or [])
    if field == "quorum" and want is not None and got is not None:
        return sorted(want) == sorted(got)
    return bool(str(want) == str(got)) if want is not None else got is None


def seed_report(root: Path) -> tuple[dict[str, list[int]], list[str]]:
    """Per field: [stated facts extracted correctly, stated facts, unstated facts
    reported as not stated, unstated facts]; and each mismatch."""
    agencies = list(load(root).partnership.agencies)  # type: ignore[union-attr]
    table: dict[str, list[int]] = {}
    wrong = []
    for name, want in EXPECTED.items():
        got = found(extract(read(SEEDS / name), agencies))
        for field, expected in want.items():
            row = table.setdefault(field, [0, 0, 0, 0])
            stated = expected not in (None, False)
            ok = _same(field, expected, got[field])
            row[0 if stated else 2] += ok
            row[1 if stated else 3] += 1
            if not ok:
                wrong.append(f"{name} {field}: expected {expected!r}, found {got[field]!r}")
    return table, wrong


needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not here")


@needs_seeds
def test_seed_facts_per_field(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table, wrong = seed_report(root)
    with capsys.disabled():
        print("\nfield              stated: correct/all   not stated: reported/all")
        for field, (ok, stated, reported, unstated) in table.items():
            print(f"{field:<18} {ok:>3}/{stated:<18} {reported:>3}/{unstated}")
    assert wrong == []


@needs_seeds
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_imports_as_a_page_that_loads(root: Path, name: str) -> None:
    page, front, text = imported(root, SEEDS / name)
    loaded = load(root)
    assert page.stem in loaded.tors, [p.message for p in loaded.load_problems]
    tor = loaded.tors[page.stem]
    assert tor.title == EXPECTED[name]["title"]
    # Every unstated fact is reported, none defaulted.
    codes = [(f.code, f.message) for f in run(loaded, TODAY).findings if f.subject == page.stem]
    for fact in front.get("not_stated", []):
        if fact == "next_review" and tor.status in ("approved", "proposed"):
            assert any(c == "TOR003" for c, _ in codes)
        else:
            assert any(c == "TOR011" and fact.split("_")[0] in m for c, m in codes) or any(
                c == "TOR011" for c, _ in codes
            )
    if EXPECTED[name]["quorum"] is None:
        assert "quorum" not in front and "quorum" in front["not_stated"]
    # Each extracted value names the line it came from.
    for line in text.split("---\n")[1].splitlines():
        key = line.split(":", 1)[0]
        if key in ("title", "quorum", "frequency", "chair", "next_review", "approved_on"):
            assert "# line " in line or "not stated" in line, line
    # The body is the document, as Markdown.
    assert text.split("---\n", 2)[2].lstrip().startswith(f"# {tor.title}\n")


@needs_seeds
def test_month_only_review_date_is_the_end_of_the_month(root: Path) -> None:
    page, front, _ = imported(root, SEEDS / "000_e6e0c6b578eb7b7a.txt")
    assert front["next_review"] == "2024-05"
    tor = load(root).tors[page.stem]
    assert str(tor.next_review) == "2024-05-31"
    assert any(f.code == "TOR001" for f in run(load(root), TODAY).findings)


# --- Other layouts, written for these tests ----------------------------------

TABLE_MD = """\
# Harrowby Neglect Strategy Group

## Terms of Reference

Version 2.1. Approved by the Executive on 14 March 2026. Reviewed annually.

## Purpose

The group leads the partnership's work to recognise and respond to neglect early.

## Membership

| Agency | Role |
|---|---|
| Wrenmouth City Council | Head of Early Help |
| Integrated Care Board | Designated Nurse |
| Vale Constabulary | Detective Inspector |
| Schools | Designated safeguarding lead |

Each member names a deputy who attends when they cannot.

## Chair

The group is co-chaired by the Head of Early Help (council) and the Designated Nurse (ICB).

## Quorum

The meeting is quorate when the council, the ICB and the police are represented.

## Meetings

The group meets quarterly, and ad hoc when a rapid review needs it. Papers go out
five working days before each meeting. Minutes are circulated within 10 working days.

## Reporting

The group reports to the Executive Group, with a quarterly update.
"""

PROSE_TXT = """\
Terms of Reference: Harrowby Learning Review Panel

The panel decides how the partnership learns from cases that do not meet the criteria for a
local child safeguarding practice review.

Members are drawn from the council, the ICB, the police and the schools.

The panel is chaired by the Designated Doctor from the ICB.

The vice chair is to be decided.

The panel meets every six weeks.

To be reviewed July 2027.
"""


def test_membership_as_a_table_with_co_chairs(root: Path, tmp_path: Path) -> None:
    doc = tmp_path / "neglect.md"
    doc.write_text(TABLE_MD)
    kb(
        "new",
        "tor",
        str(root),
        "--title",
        "Executive Group",
        "--name",
        "executive",
        "--as-of",
        AS_OF,
    )
    page, front, _ = imported(root, doc)
    assert front["title"] == "Harrowby Neglect Strategy Group"
    assert front["version"] == "2.1"
    assert str(front["approved_on"]) == "2026-03-14"
    assert front["approved_by"] == "executive"
    assert front["review_cycle"] == "12 months"
    assert [m["agency"] for m in front["members"]] == ["council", "icb", "police", "education"]
    assert front["members"][0]["role"] == "Head of Early Help"
    assert front["chair"]["agency"] == "council" and front["co_chair"]["agency"] == "icb"
    assert front["quorum"] == ["council", "icb", "police"]
    assert front["frequency"] == "quarterly"
    assert front["ad_hoc"] == "for rapid reviews"
    assert front["papers_days"] == 5
    assert front["minutes_within"] == "10 working days"
    assert front["reports_to"] == "executive"
    assert front["reporting_cadence"] == "quarterly"
    assert front["deputy_rule"].startswith("Each member names a deputy")
    assert "not_stated" not in front
    result = run(load(root), TODAY)
    assert [f for f in result.findings if f.subject == page.stem] == []


def test_membership_as_prose_and_an_office_to_be_decided(root: Path, tmp_path: Path) -> None:
    doc = tmp_path / "learning.txt"
    doc.write_text(PROSE_TXT)
    page, front, _ = imported(root, doc)
    assert front["title"] == "Harrowby Learning Review Panel"
    assert sorted(m["agency"] for m in front["members"]) == [
        "council",
        "education",
        "icb",
        "police",
    ]
    assert front["chair"]["agency"] == "icb"
    assert front["vice_chair"] == {"office": "to be decided"}
    assert front["frequency"] == "6 weeks"
    assert front["next_review"] == "2027-07"
    assert set(front["not_stated"]) >= {"quorum", "version", "approved_on"}
    messages = [f.message for f in run(load(root), TODAY).findings if f.subject == page.stem]
    assert any("vice-chair is to be decided" in m for m in messages)
    assert any("does not state its quorum" in m for m in messages)
    assert any("when it was approved" in m for m in messages)


def _docx(path: Path, *, table: bool) -> Path:
    import docx

    document = docx.Document()
    document.add_heading("Harrowby Child Exploitation Subgroup", level=0)
    document.add_paragraph("Terms of Reference. Version 1.3")
    document.add_heading("Purpose", level=1)
    document.add_paragraph(
        "The subgroup oversees the partnership's response to children at risk of "
        "exploitation outside the home."
    )
    document.add_heading("Membership", level=1)
    if table:
        grid = document.add_table(rows=1, cols=2)
        grid.rows[0].cells[0].text = "Organisation"
        grid.rows[0].cells[1].text = "Representative"
        for agency, role in (
            ("Wrenmouth City Council", "Service Manager, Adolescent Services"),
            ("Vale Constabulary", "Detective Chief Inspector"),
            ("Integrated Care Board", "Named Nurse"),
            ("Wrenmouth Youth Justice Service", "Head of Service"),
        ):
            row = grid.add_row()
            row.cells[0].text, row.cells[1].text = agency, role
    else:
        for seat in (
            "Wrenmouth City Council - Service Manager, Adolescent Services",
            "Vale Constabulary - Detective Chief Inspector",
            "ICB - Named Nurse",
            "Youth Justice - Head of Service",
        ):
            document.add_paragraph(seat, style="List Bullet")
    document.add_paragraph("Other agencies may be invited when a case concerns them.")
    document.add_heading("Chair", level=1)
    document.add_paragraph("Chair: Detective Chief Inspector, Vale Constabulary")
    document.add_paragraph("Vice chair: TBC")
    document.add_heading("Quorum", level=1)
    document.add_paragraph("All three statutory partners must be present.")
    document.add_heading("Frequency", level=1)
    document.add_paragraph("The subgroup meets monthly for 90 minutes.")
    document.add_paragraph("Next review date: 30 September 2027. Approved on 1 October 2026.")
    document.save(str(path))
    return path


@pytest.mark.parametrize("table", [True, False], ids=["table", "bulleted-list"])
def test_word_documents(root: Path, tmp_path: Path, table: bool) -> None:
    page, front, text = imported(root, _docx(tmp_path / "cse.docx", table=table))
    assert front["title"] == "Harrowby Child Exploitation Subgroup"
    assert front["version"] == "1.3"
    assert [m["agency"] for m in front["members"]] == ["council", "police", "icb", "youth-justice"]
    assert front["chair"]["agency"] == "police"
    assert front["vice_chair"] == {"office": "to be decided"}
    assert front["quorum"] == ["council", "icb", "police"]
    assert front["frequency"] == "monthly"
    assert str(front["next_review"]) == "2027-09-30"
    assert str(front["approved_on"]) == "2026-10-01"
    assert front["invited"].startswith("Other agencies may be invited")
    assert "# paragraph " in text
    assert "\n## Membership\n" in text
    assert ("| Organisation | Representative |" in text) is table
    assert ("\n- Vale Constabulary - Detective Chief Inspector" in text) is not table
    assert page.stem in load(root).tors


def text_pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose text is ``lines``, in Helvetica (no library writes text)."""

    def esc(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    ops = (
        ["BT", "/F1 11 Tf", "14 TL", "50 800 Td"]
        + [f"({esc(line)}) Tj T*" for line in lines]
        + ["ET"]
    )
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


PDF_LINES = [
    "Harrowby Case Review Group",
    "Terms of Reference",
    "The group decides whether a serious incident needs a local child safeguarding",
    "practice review, and oversees the reviews it commissions.",
    "Chair: Head of Safeguarding, Integrated Care Board",
    "Membership",
    "Wrenmouth City Council - Head of Children's Social Care",
    "Vale Constabulary - Detective Inspector, Public Protection",
    "Quorum: the three statutory partners.",
    "The group meets monthly, and ad hoc for rapid reviews.",
    "Next review: March 2027",
]


def test_pdf_documents(root: Path, tmp_path: Path) -> None:
    doc = tmp_path / "crg.pdf"
    doc.write_bytes(text_pdf(PDF_LINES))
    page, front, text = imported(root, doc)
    assert front["title"] == "Harrowby Case Review Group"
    assert front["chair"]["agency"] == "icb"
    assert [m["agency"] for m in front["members"]] == ["council", "police"]
    assert front["quorum"] == ["council", "icb", "police"]
    assert front["frequency"] == "monthly" and front["ad_hoc"] == "for rapid reviews"
    assert front["next_review"] == "2027-03"
    assert front["purpose"].endswith("oversees the reviews it commissions")
    assert "# page 1, line 5" in text
    assert page.stem in load(root).tors


# --- Bad input: one line, exit 2, nothing written ----------------------------


def _pdf(path: Path, pages: int, password: str | None = None) -> Path:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if password:
        writer.encrypt(password)
    with path.open("wb") as out:
        writer.write(out)
    return path


def _long_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_heading("Harrowby Everything Group", level=0)
    sentence = "The group will meet and the members will read the papers for each meeting. "
    for _ in range(200 * 12):  # about 200 pages
        document.add_paragraph(sentence * 2)
    document.save(str(path))
    return path


BAD: list[tuple[str, Any, str]] = [
    (
        "encrypted.docx",
        lambda p: p.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 600),
        "password-protected",
    ),
    ("corrupt.docx", lambda p: p.write_bytes(b"PK\x03\x04 not really a zip"), "damaged"),
    ("scanned.pdf", lambda p: _pdf(p, 3), "no text"),
    ("locked.pdf", lambda p: _pdf(p, 1, password="s3cret"), "password-protected"),
    ("huge.pdf", lambda p: _pdf(p, 200), "200 pages"),
    ("garbage.pdf", lambda p: p.write_bytes(b"%PDF-1.7\n" + os.urandom(400)), "PDF"),
    ("long.docx", _long_docx, "pages"),
    ("long.txt", lambda p: p.write_text("The group meets monthly.\n" * 10_000), "pages"),
    (
        "german.txt",
        lambda p: p.write_text(
            "Geschäftsordnung der Arbeitsgruppe Kinderschutz\n\n"
            + "Die Arbeitsgruppe trifft sich monatlich und berichtet dem Vorstand über ihre "
            "Arbeit. Mitglieder sind Vertreterinnen und Vertreter der Stadtverwaltung, der "
            "Polizei und des Gesundheitsamtes, die ihre Stellvertretung selbst benennen. " * 4
        ),
        "English",
    ),
    (
        "latin1.txt",
        lambda p: p.write_bytes("Terms of reference\nCaf\xe9 group\n".encode("latin-1")),
        "UTF-8",
    ),
    ("old.doc", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0"), ".docx"),
    ("empty.md", lambda p: p.write_text(""), "no text"),
]


@pytest.mark.parametrize(("name", "make", "words"), BAD, ids=[b[0] for b in BAD])
def test_bad_input_is_one_line_and_nothing_written(
    root: Path, tmp_path: Path, name: str, make: Any, words: str
) -> None:
    doc = tmp_path / name
    make(doc)
    tor_dir = root / "docs" / "tor"
    before = sorted(tor_dir.iterdir()) if tor_dir.exists() else []
    code, out, err = kb("import", "tor", str(doc), "--path", str(root), "--as-of", AS_OF)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and words in err and name in err, err
    assert "Traceback" not in err
    after = sorted(tor_dir.iterdir()) if tor_dir.exists() else []
    assert after == before


def test_an_existing_page_is_never_overwritten(root: Path, tmp_path: Path) -> None:
    doc = tmp_path / "learning.txt"
    doc.write_text(PROSE_TXT)
    page, _, text = imported(root, doc)
    code, _, err = kb("import", "tor", str(doc), "--path", str(root), "--as-of", AS_OF)
    assert code == 2 and "already exists" in err
    assert page.read_text() == text
    assert [p.name for p in page.parent.iterdir()] == [page.name]


def test_a_document_laid_out_as_one_long_line_is_read_quickly(root: Path, tmp_path: Path) -> None:
    import time

    doc = tmp_path / "one-line.txt"
    doc.write_text("The group will meet and report to the Board chaired by the Council " * 2400)
    started = time.process_time()
    code, _, err = kb("import", "tor", str(doc), "--path", str(root), "--as-of", AS_OF)
    assert code == 0, err
    assert time.process_time() - started < 10


def test_an_empty_label_states_nothing(root: Path, tmp_path: Path) -> None:
    doc = tmp_path / "audit.md"
    doc.write_text(
        "# Harrowby Audit Group\n\nThe group runs the partnership's programme of multi-agency "
        "audits and reports what they find.\n\nChair:\n\nQuoracy:\n\nMeeting frequency:\n"
    )
    page, front, text = imported(root, doc)
    assert front["chair"] == {"office": "not stated"}
    assert "line 5" in text.split("\nchair:", 1)[1].splitlines()[0]
    assert front["frequency"] == "not stated"
    assert {"chair", "quorum", "frequency", "members"} <= set(front["not_stated"])
    found = [f for f in run(load(root), TODAY).findings if f.subject == page.stem]
    for words in ("who chairs", "its quorum", "how often", "its members"):
        assert any(words in f.message for f in found), words
    assert {f.code for f in found} <= {"TOR003", "TOR008", "TOR011"}


def test_word_numbered_list_headings(root: Path, tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Harrowby Missing Children Panel", style="Title")
    document.add_paragraph("Membership", style="List Number")
    for seat in ("Wrenmouth City Council – Missing Children Coordinator", "Vale Constabulary"):
        document.add_paragraph(seat)
    document.add_paragraph("Quorum", style="List Number")
    document.add_paragraph("Council and police representatives.")
    doc = tmp_path / "missing.docx"
    document.save(str(doc))
    _, front, _ = imported(root, doc)
    assert front["title"] == "Harrowby Missing Children Panel"
    assert [m["agency"] for m in front["members"]] == ["council", "police"]
    assert front["members"][0]["role"] == "Missing Children Coordinator"
    assert front["quorum"] == ["council", "police"]


def test_a_quorum_in_words_is_kept_and_no_list_assumed(root: Path, tmp_path: Path) -> None:
    doc = tmp_path / "audit.md"
    doc.write_text(
        "# Harrowby Audit Group\n\nThe group runs the partnership's programme of multi-agency "
        "audits and reports what they find.\n\nMembers are drawn from the council, the ICB "
        "and the police.\n\nQuorum: a third of members, including the chair.\n\n"
        "The group meets quarterly.\n"
    )
    page, front, _ = imported(root, doc)
    assert front["quorum_rule"] == "a third of members, including the chair"
    assert "quorum" not in front and "quorum" not in front["not_stated"]
    loaded = load(root)
    assert not loaded.tors[page.stem].quorum_stated
    codes = {f.code for f in run(loaded, TODAY).findings if f.subject == page.stem}
    assert "TOR004" not in codes and not any(c.startswith("MTG") for c in codes)


# --- PDF reading is bounded in pages, bytes, time and memory ------------------


def _bounded_kb(root: Path, doc: Path) -> tuple[int, str, str]:
    tor_dir = root / "docs" / "tor"
    before = sorted(tor_dir.iterdir()) if tor_dir.exists() else []
    result = kb("import", "tor", str(doc), "--path", str(root), "--as-of", AS_OF)
    after = sorted(tor_dir.iterdir()) if tor_dir.exists() else []
    assert after == before  # nothing half-written
    return result


def test_a_pdf_that_takes_too_long_is_stopped(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pypdf reads in a process that is stopped at the time limit (here a limit
    no reading can meet, in place of a crafted file that would stall it)."""
    monkeypatch.setattr(reading, "PDF_SECONDS", 0.001)
    doc = tmp_path / "stalls.pdf"
    doc.write_bytes(text_pdf(PDF_LINES))
    code, out, err = _bounded_kb(root, doc)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "stalls.pdf" in err and "took over 0.001 seconds" in err, err


def test_a_pdf_that_needs_too_much_memory_is_refused(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading, "PDF_MEMORY", 8 * 1024 * 1024)
    doc = tmp_path / "greedy.pdf"
    doc.write_bytes(text_pdf(PDF_LINES))
    code, out, err = _bounded_kb(root, doc)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "greedy.pdf" in err and "PDF" in err, err
    assert "Traceback" not in err


def test_a_pdf_over_the_byte_limit_is_refused_unread(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading, "MAX_BYTES", 1000)
    monkeypatch.setattr(reading, "_pdf_texts", _never_called)
    doc = tmp_path / "big.pdf"
    doc.write_bytes(text_pdf(PDF_LINES) + b"%" * 2000)
    code, _, err = _bounded_kb(root, doc)
    assert code == 2 and err.count("\n") == 1 and "far more than a ToR" in err, err


def test_a_pdf_whose_text_runs_far_past_a_tor_is_refused(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading, "MAX_CHARS", 200)
    doc = tmp_path / "wordy.pdf"
    doc.write_bytes(text_pdf(PDF_LINES))
    code, _, err = _bounded_kb(root, doc)
    assert code == 2 and err.count("\n") == 1 and "wordy.pdf" in err and "pages" in err, err


def test_a_pypdf_module_beside_the_document_is_not_run(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pypdf.py").write_text("raise SystemExit('not the library')\n")
    monkeypatch.chdir(tmp_path)
    doc = tmp_path / "crg.pdf"
    doc.write_bytes(text_pdf(PDF_LINES))
    assert any("Case Review" in line.text for line in reading.read(doc))


def _never_called(path: Path) -> Any:
    raise AssertionError(f"{path} was read")


# --- Approval and ad hoc papers: only what the document says -----------------

MEETINGS_TXT = """\
Terms of Reference: Harrowby Rapid Review Group

Approved by the Executive on 3 February 2026. To be reviewed February 2027.

The group decides whether a serious incident needs a local review.

Members are drawn from the council, the ICB and the police.

The group is chaired by the Head of Safeguarding from the council.

The group meets monthly, and ad hoc for rapid reviews.

Papers go out five working days before each meeting, and two working days before an ad hoc
meeting.
"""


@pytest.mark.parametrize(
    ("sentence", "usual", "ad_hoc"),
    [
        (
            "Papers go out five working days before each meeting, and two working days "
            "before an ad hoc meeting.",
            5,
            2,
        ),
        ("Papers for rapid review meetings go out one working day before them.", None, 1),
        ("Papers go out 3 working days before the meeting.", 3, None),
        ("Extraordinary meetings may be called; the agenda goes out 2 days ahead.", None, 2),
    ],
)
def test_ad_hoc_papers_days_when_stated(
    sentence: str, usual: int | None, ad_hoc: int | None
) -> None:
    from checks.authoring.importing.meetings import find_deadlines
    from checks.authoring.importing.reading import Line

    facts = Facts()
    find_deadlines([Line(sentence, "para", "line 1")], facts)
    assert (facts.papers_days.value if facts.papers_days else None) == usual
    assert (facts.ad_hoc_papers_days.value if facts.ad_hoc_papers_days else None) == ad_hoc


def test_ad_hoc_papers_days_reach_the_page(root: Path, tmp_path: Path) -> None:
    doc = tmp_path / "rapid.txt"
    doc.write_text(MEETINGS_TXT)
    _, front, text = imported(root, doc)
    assert front["papers_days"] == 5 and front["ad_hoc_papers_days"] == 2
    assert front["status"] == "approved" and str(front["approved_on"]) == "2026-02-03"
    assert "status" not in front.get("not_stated", [])
    assert any(line.startswith("ad_hoc_papers_days: 2  # line ") for line in text.splitlines())


@pytest.mark.parametrize(
    "control",
    ["Refreshed: November 2023. For review: May 2024.", "Reviewed June 2022.", ""],
    ids=["refreshed", "reviewed", "nothing"],
)
def test_a_document_that_does_not_say_it_was_approved_is_not_marked_approved(
    root: Path, tmp_path: Path, control: str
) -> None:
    doc = tmp_path / "unapproved.txt"
    doc.write_text(MEETINGS_TXT.replace(MEETINGS_TXT.splitlines()[2], control))
    page, front, text = imported(root, doc)
    assert front["status"] == "proposed"
    assert "status" in front["not_stated"]
    assert "approved_on" not in front  # a "refreshed" date is kept as a comment only
    assert "not stated: the document does not say it was approved" in text
    findings = [f for f in run(load(root), TODAY).findings if f.subject == page.stem]
    assert any(
        f.code == "TOR011" and "does not state that it was approved" in f.message for f in findings
    )
    if "May 2024" in control:  # its review date still binds: the lapse is found
        assert any(f.code == "TOR001" for f in findings)
