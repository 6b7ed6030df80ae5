"""`kb redact FILE`: the page with each identifying detail replaced by its kind (issue 14,
item 4). It never writes the file without --in-place; bad input is one line, exit 2."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from kbfactory import brief_body, compliant, kb, write

BRIEF = "docs/briefs/lb-2026-01.md"
TOR = "docs/tor/panel.md"
DETAILS = (
    "Jessica Smith (DOB 03/03/2019) of 14 Carter Road, KT1 2AB, attended Oakfield "
    "Primary School. On 12/03/2024 her mother called 07700 900123."
)


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    files: dict[str, Any] = compliant()
    front, _ = files[BRIEF]
    files[BRIEF] = (front, brief_body("A brief") + f"\n{DETAILS}\n")
    files["data/partnership.yaml"]["public_office_holders"] = [
        {"name": "Morwenna Tallis", "role": "Independent Scrutineer"}
    ]
    front, body = files[TOR]
    files[TOR] = (front, body + "\nMorwenna Tallis, the Independent Scrutineer, attends.\n")
    monkeypatch.setenv("KB_AS_OF", "2026-11-25")
    return write(tmp_path / "kb", files)


def test_prints_the_page_with_placeholders_and_leaves_the_file_alone(root):
    before = (root / BRIEF).read_bytes()
    code, out, err = kb("redact", str(root / BRIEF), "--path", str(root))
    assert code == 0
    assert (
        "[name] ([date]) of [address], [postcode], attended [school]. On [date] her "
        "mother called [phone number]." in out
    )
    for detail in ("Jessica", "Carter Road", "KT1 2AB", "Oakfield", "12/03/2024", "07700"):
        assert detail not in out
    # The rest of the page, front matter included, is as it was.
    assert out.replace(out[out.index("[name]") :], "") in before.decode()
    assert (root / BRIEF).read_bytes() == before
    assert err.startswith("kb redact: replaced 7 details: ")


def test_in_place_writes_the_file_and_keeps_its_permissions(root):
    page = root / BRIEF
    page.chmod(0o640)
    code, out, err = kb("redact", str(page), "--in-place", "--path", str(root))
    assert code == 0 and out == ""
    text = page.read_text()
    assert "[name] ([date])" in text and "Jessica" not in text
    assert page.stat().st_mode & 0o777 == 0o640
    assert "replaced 7 details" in err
    # Nothing is left to replace the second time.
    assert kb("redact", str(page), "--path", str(root))[1] == text


def test_a_tor_keeps_a_public_office_holder_a_brief_does_not(root):
    _, out, _ = kb("redact", str(root / TOR), "--path", str(root))
    assert "Morwenna Tallis, the Independent Scrutineer" in out
    page = root / BRIEF
    page.write_text(page.read_text() + "\nMorwenna Tallis read the review.\n")
    _, out, _ = kb("redact", str(page), "--path", str(root))
    assert "[name] read the review." in out


def test_public_names_stay_and_a_data_file_is_read_as_data(root):
    page = root / BRIEF
    page.write_text(page.read_text() + "\nThe Victoria Climbié Inquiry; Childline 0800 1111.\n")
    _, out, _ = kb("redact", str(page), "--path", str(root))
    assert "The Victoria Climbié Inquiry; Childline 0800 1111." in out
    data = root / "data" / "reviews.yaml"
    data.write_text(data.read_text() + "# Seen on 12/03/2024 by Jessica Smith.\n")
    _, out, _ = kb("redact", str(data), "--path", str(root))
    # A day-precise date in data is not a finding by default; a name is.
    assert "# Seen on 12/03/2024 by [name]." in out


def _fifo(root: Path) -> Path:
    path = root / "docs" / "pipe.md"
    os.mkfifo(path)
    return path


def _link(root: Path) -> Path:
    path = root / "docs" / "link.md"
    path.symlink_to(root / BRIEF)
    return path


def _binary(root: Path) -> Path:
    path = root / "docs" / "image.md"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0")
    return path


def _latin1(root: Path) -> Path:
    path = root / "docs" / "old.md"
    path.write_bytes("Caf\xe9 notes".encode("latin-1"))
    return path


def _outside(root: Path) -> Path:
    path = root.parent / "elsewhere.md"
    path.write_text("Jessica Smith\n")
    return path


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda root: root / "docs" / "missing.md", "there is no such file"),
        (lambda root: root / "docs", "that is a folder"),
        (_binary, "binary file"),
        (_latin1, "not UTF-8"),
        (_outside, "not inside the knowledge base"),
        (_link, "symbolic link"),
        (_fifo, "not an ordinary file"),
    ],
    ids=["missing", "folder", "binary", "not-utf8", "outside", "link", "fifo"],
)
def test_bad_input_is_one_line_and_exit_2(root, make, words):
    path = make(root)
    code, out, err = kb("redact", str(path), "--path", str(root))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and words in err and "Traceback" not in err
    assert err.startswith(f"kb redact: {path}: ")


def test_a_folder_that_is_not_a_knowledge_base_is_one_line(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("Jessica Smith\n")
    code, _, err = kb("redact", str(page), "--path", str(tmp_path))
    assert code == 2 and err.count("\n") == 1 and "is this a knowledge base" in err


def test_help_says_what_it_does(capsys):
    assert kb("redact", "--help")[0] == 0
    shown = capsys.readouterr().out
    assert "--in-place" in shown and "[name]" in shown and "never written" in shown
