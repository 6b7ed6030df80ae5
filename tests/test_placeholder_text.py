"""BRF006: a brief published straight from `kb new brief`'s template is an error;
the same brief as a draft, or one that only quotes the phrase in code, is not."""

from __future__ import annotations

import re
from pathlib import Path

from checks.loading import load
from checks.rules.engine import run
from kbfactory import TODAY, compliant, kb, write

NEW = "docs/briefs/lb-2026-02-new.md"


def _new_brief(tmp_path: Path, *title: str) -> Path:
    root = write(tmp_path / "kb", compliant())
    code, _out, err = kb(
        "new", "brief", str(root), "--review", "CSPR-2026-01", *title, "--as-of", str(TODAY)
    )
    assert code == 0, err
    return next((root / "docs/briefs").glob("lb-2026-02-*.md"))


def _publish(path: Path, edit: tuple[str, str] = ("", "")) -> None:
    """Published as of today (the template embargoes a new brief for 30 days)."""
    text = path.read_text(encoding="utf-8").replace("status: draft", "status: published")
    text = re.sub(r"(?m)^publish_on: \S+", f"publish_on: {TODAY}", text)
    path.write_text(text.replace(*edit) if edit[0] else text, encoding="utf-8")


def _brf006(path: Path) -> list[tuple[int, str]]:
    root = path.parents[2]
    return [(f.line, f.message) for f in run(load(root), TODAY).findings if f.code == "BRF006"]


def test_a_brief_published_from_the_template_names_every_unwritten_part(tmp_path):
    path = _new_brief(tmp_path, "--title", "Bruising in babies")
    _publish(path)
    [(line, message)] = _brf006(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[line - 1] == "Write this part."
    assert lines[line - 3] == "## 1. Background"  # the first placeholder, under part 1
    assert "7 part(s) still hold the template's placeholder text" in message
    assert "“Background”" in message and "“What you should do”" in message
    assert "status: draft" in message


def test_the_template_title_is_found_too(tmp_path):
    path = _new_brief(tmp_path)  # no --title: the template's own
    _publish(path)
    [(line, message)] = _brf006(path)
    assert "the title is still “Title of the brief”" in message
    assert path.read_text(encoding="utf-8").splitlines()[line - 1].startswith("title:")


def test_a_draft_may_hold_placeholders(tmp_path):
    path = _new_brief(tmp_path, "--title", "Bruising in babies")
    assert _brf006(path) == []


def test_one_part_left_is_named_and_written_parts_are_not(tmp_path):
    path = _new_brief(tmp_path, "--title", "Bruising in babies")
    text = path.read_text(encoding="utf-8")
    written = text.replace("Write this part.", "Written.", 6)
    path.write_text(written, encoding="utf-8")
    _publish(path)
    [(_, message)] = _brf006(path)
    assert "1 part(s)" in message and "“What you should do”" in message
    assert "Background" not in message


def test_the_phrase_in_a_code_block_is_not_a_placeholder(tmp_path):
    path = _new_brief(tmp_path, "--title", "Bruising in babies")
    text = path.read_text(encoding="utf-8").replace("Write this part.", "Written.")
    text += "\n```text\nWrite this part.\n```\n"
    path.write_text(text, encoding="utf-8")
    _publish(path)
    assert _brf006(path) == []


def test_an_authors_own_heading_is_never_quoted(tmp_path):
    path = _new_brief(tmp_path, "--title", "Bruising in babies")
    _publish(path, ("## 1. Background", "## What happened at Rosewood"))
    [(_, message)] = _brf006(path)
    assert "Rosewood" not in message and "the part at line" in message


def test_a_partnerships_own_placeholder_is_an_option(tmp_path):
    path = _new_brief(tmp_path, "--title", "Bruising in babies")
    text = path.read_text(encoding="utf-8").replace("Write this part.", "TO DO: fill in")
    path.write_text(text, encoding="utf-8")
    _publish(path)
    assert _brf006(path) == []
    root = path.parents[2]
    (root / "kb.yaml").write_text(
        "rules:\n  BRF006:\n    options:\n      phrases: ['to do: fill in']\n", encoding="utf-8"
    )
    assert "7 part(s)" in _brf006(path)[0][1]
