"""Bad input: a clear finding naming file, line and field; never a traceback; one bad
file never hides the findings in the others."""

from __future__ import annotations

import os
from typing import Any

import pytest

from checks.loading import load


def codes(result: Any, file: str | None = None) -> list[str]:
    return [f.code for f in result.findings if file is None or f.file == file]


def test_unknown_key_is_found_with_a_suggestion(files, check):
    files["docs/tor/panel.md"][0]["quorom"] = ["council"]
    result = check(files)
    (f,) = [f for f in result.findings if f.code == "KB003"]
    assert f.file == "docs/tor/panel.md" and f.line > 1
    assert "did you mean `quorum`" in f.message and "Accepted fields here" in f.message


def test_uk_date_shows_how_to_write_it(files, check):
    files["data/actions/CSPR-2026-01.yaml"]["actions"][1]["due"] = "30/06/2027"
    (f,) = [f for f in check(files).findings if f.code == "KB003"]
    assert "actions[2].due" in f.message and "2027-06-30" in f.message
    assert f.subject == "A02"


@pytest.mark.parametrize("action_id", ["FAMILY-YOUNG", "CROSSES-A23", "A1-KELLY"])
def test_an_action_id_made_of_words_is_refused_and_not_repeated(files, check, action_id):
    files["data/actions/CSPR-2026-01.yaml"]["actions"][1]["id"] = action_id
    (f,) = [f for f in check(files).findings if f.code == "KB003"]
    assert "actions[2].id" in f.message and "A01, REC-3, 2.1" in f.message
    assert action_id not in f.message and action_id not in f.subject


@pytest.mark.parametrize("action_id", ["A01", "REC-3", "2.1", "A4B", "R12.3"])
def test_an_action_id_that_is_a_code_is_accepted(files, check, action_id):
    files["data/actions/CSPR-2026-01.yaml"]["actions"][1]["id"] = action_id
    assert "KB003" not in codes(check(files))


def test_impossible_date(files, check):
    files["data/reviews.yaml"]["reviews"][0]["sin_sent"] = "2026-02-30"
    (f,) = [f for f in check(files).findings if f.code == "KB003"]
    assert "not a real date" in f.message


def test_one_bad_action_does_not_hide_the_others(files, check):
    acts = files["data/actions/CSPR-2026-01.yaml"]["actions"]
    acts[0]["status"] = "finished"  # invalid
    acts[1]["due"] = "2026-11-01"  # overdue
    assert sorted(codes(check(files))) == ["ACT001", "KB003"]


def test_one_bad_file_does_not_hide_the_others(files, check):
    files["data/meetings/2026.yaml"] = "meetings: [\n"
    files["data/actions/CSPR-2026-01.yaml"]["actions"][1]["due"] = "2026-11-01"
    files["docs/tor/exec.md"][0]["next_review"] = "2026-01-01"
    # KB008: the meeting-gap check needs every meeting, so it says it could not run.
    assert sorted(codes(check(files))) == ["ACT001", "KB002", "KB008", "TOR001"]


@pytest.mark.parametrize(
    ("content", "code", "words"),
    [
        (b"", "KB003", "empty"),
        (b"\xef\xbb\xbfreview: CSPR-2026-01\nactions:\n  - id: A09\n", "KB003", "recommendation"),
        (b"review: CSPR-2026-01\r\nactions: oops\r\n", "KB003", "should be a list"),
        (b"review: caf\xe9\n", "KB001", "not UTF-8"),
        (b"- just\n- a list\n", "KB003", "top level"),
        (b"review: CSPR-2026-01\x00\n", "KB001", "NUL"),
    ],
)
def test_malformed_files(files, check, content, code, words):
    files["data/actions/extra.yaml"] = content
    found = [f for f in check(files).findings if f.file == "data/actions/extra.yaml"]
    assert found and {f.code for f in found} == {code}, found
    assert any(words in f.message for f in found)


def test_bom_and_crlf_are_read(files, check):
    files["data/actions/extra.yaml"] = (
        b"\xef\xbb\xbfreview: CSPR-2026-01\r\nactions:\r\n  - id: A09\r\n"
        b"    recommendation: R\r\n    owner: {agency: council, role: X}\r\n"
        b"    due: 2026-11-01\r\n    status: open\r\n"
    )
    (f,) = check(files).findings
    assert (f.code, f.line) == ("ACT001", 6)


def test_huge_file_is_not_read(files, check):
    files["data/actions/huge.yaml"] = b"# padding\n" * (6 * 1024 * 1024 // 10)
    (f,) = [f for f in check(files).findings if f.file == "data/actions/huge.yaml"]
    assert f.code == "KB001" and "MB limit" in f.message


def test_fifty_megabyte_file(files, check):
    files["data/actions/huge.yaml"] = b"x" * (50 * 1024 * 1024)
    (f,) = [f for f in check(files).findings if f.file == "data/actions/huge.yaml"]
    assert "50.0 MB" in f.message


def test_duplicate_review_reference_across_entries(files, check):
    reviews = files["data/reviews.yaml"]["reviews"]
    reviews.append(dict(reviews[0]))
    (f,) = [f for f in check(files).findings if f.code == "KB004"]
    assert "CSPR-2026-01" in f.message and "already used" in f.message


def test_symlink_outside_repository_is_not_followed(files, check, tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: secret\n---\nsecret\n")
    check(files)  # writes the tree
    link = tmp_path / "kb" / "docs" / "leak.md"
    os.symlink(secret, link)
    result = check(files)
    (f,) = [f for f in result.findings if f.file == "docs/leak.md"]
    assert f.code == "KB001" and "outside the repository" in f.message
    assert "docs/leak.md" not in load(tmp_path / "kb").documents


def test_front_matter_missing_on_a_tor(files, check):
    files["docs/tor/extra.md"] = "# No front matter\n"
    (f,) = [f for f in check(files).findings if f.file == "docs/tor/extra.md"]
    assert f.code == "KB003" and "front matter" in f.message


def test_invalid_record_is_not_kept_as_a_page(files, check, tmp_path):
    files["docs/briefs/lb-2026-01.md"][0]["status"] = "ready"
    check(files)
    kb = load(tmp_path / "kb")
    assert "docs/briefs/lb-2026-01.md" not in kb.documents
    assert "LB-2026-01" not in kb.briefs


def test_wrong_type(files, check):
    files["docs/tor/panel.md"][0]["members"] = "everyone"
    (f,) = [f for f in check(files).findings if f.code == "KB003"]
    assert "should be a list" in f.message


@pytest.mark.parametrize(
    ("file", "edit", "words"),
    [
        (
            "docs/tor/panel.md",
            lambda f: f[0].update(papers_days="five"),
            # words are never repeated: a value in the wrong field can be a name
            "`papers_days` should be a whole number, such as 5, not the value given",
        ),
        (
            "data/partnership.yaml",
            lambda f: f["agencies"][0].update(statutory="perhaps"),
            "`agencies[1].statutory` should be true or false, not the value given",
        ),
        (
            "data/actions/CSPR-2026-01.yaml",
            lambda f: f["actions"][0].update(recommendation=12),
            "`actions[1].recommendation` should be text, not 12; put the value in quotes",
        ),
        (
            "data/actions/CSPR-2026-01.yaml",
            lambda f: f["actions"][0].update(due="Amelia Hussain"),
            "`actions[1].due`: the value given is not a date; "
            "write it as YYYY-MM-DD, e.g. 2026-03-31",
        ),
    ],
)
def test_wrong_scalar_types_say_what_is_expected(files, check, file, edit, words):
    edit(files[file])
    found = [f for f in check(files).findings if f.code == "KB003" and f.file == file]
    assert [f.message for f in found] == [words]


def test_front_matter_after_a_blank_line_is_a_finding_and_the_page_is_not_published(
    files, check, tmp_path
):
    """MkDocs reads front matter only on the first line: after a blank line,
    "draft: true" would be published as a heading."""
    files["docs/notes.md"] = "\n---\ndraft: true\ntitle: Notes\n---\n\nNot yet DRAFT-7Q.\n"
    files["docs/rule.md"] = "\n---\n\nA page that opens with a rule.\n"
    result = check(files)
    (bad,) = [f for f in result.findings if f.file == "docs/notes.md"]
    assert bad.line == 2 and "very first line" in bad.message
    assert not [f for f in result.findings if f.file == "docs/rule.md"]  # a rule is text
    from checks.loading import load
    from kbfactory import write

    kb = load(write(tmp_path / "kb2", files))
    assert "docs/notes.md" not in kb.documents and "docs/rule.md" in kb.documents


def test_a_file_name_that_is_not_utf8_is_refused_and_printed(files, tmp_path):
    """Round 9: a brief, a meetings file and a style sheet whose names hold bytes
    that are not UTF-8 gave tracebacks in `kb check` and the build. Each is now
    refused (KB001) and never read; every output format prints."""
    import json

    from kbfactory import kb, write

    root = write(tmp_path / "kb", files)
    (root / "docs" / "assets").mkdir(parents=True, exist_ok=True)
    for folder, name in (
        ("docs/briefs", b"lb-\xff.md"),
        ("data/meetings", b"m\xfe.yaml"),
        ("docs/assets", b"x\xfd.css"),
    ):
        path = os.path.join(os.fsencode(root / folder), name)
        with open(path, "wb") as fh:
            fh.write(b"---\ntitle: x\n---\n")
    code, out, err = kb("check", str(root), "--as-of", "2026-11-25", "--format", "json")
    assert code == 1 and "Traceback" not in err
    refused = [f for f in json.loads(out)["findings"] if f["code"] == "KB001"]
    assert len(refused) == 3 and all(
        "\ufffd" in f["file"] or "unpublished" in f["file"] for f in refused
    )
    code, out, err = kb("check", str(root), "--as-of", "2026-11-25")
    assert code == 1 and "Traceback" not in err and "not valid UTF-8" in out


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("status: draft\ndraft: true\n\n# Notes\n\nNot yet DRAFT-7Q.\n", "MultiMarkdown"),
        ("Title: Notes\n    continued\nStatus: draft\n\nNot yet DRAFT-7Q.\n", "MultiMarkdown"),
        ("--- \ndraft: true\ntitle: Notes\n---\n\nNot yet DRAFT-7Q.\n", "spaces after it"),
    ],
)
def test_settings_mkdocs_reads_and_the_checks_do_not_withhold_the_page(
    files, check, tmp_path, text, words
):
    """Red team round 15: MkDocs also reads `key: value` lines at the top of a page
    (MultiMarkdown metadata) and an opening `---` with spaces after it, and takes
    them off the page; "status: draft" there was published. Such a page is a
    finding at line 1 and is not loaded, so not published."""
    files["docs/notes.md"] = text
    files["docs/plain.md"] = "# Plain\n\nA line: with a colon is text after a heading.\n"
    result = check(files)
    (bad,) = [f for f in result.findings if f.file == "docs/notes.md"]
    assert (bad.code, bad.line) == ("KB002", 1) and words in bad.message
    assert not [f for f in result.findings if f.file == "docs/plain.md"]
    from kbfactory import write

    kb = load(write(tmp_path / "kb2", files))
    assert "docs/notes.md" not in kb.documents and "docs/plain.md" in kb.documents
