"""The `kb` command, called in-process with its own streams: no mocking needed."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from checks import cli
from checks.cli import resolve_today
from kbfactory import kb, write


@pytest.fixture
def root(tmp_path, files):
    files["data/actions/CSPR-2026-01.yaml"]["actions"][1]["due"] = "2026-11-20"  # error
    files["docs/tor/panel.md"][0]["next_review"] = "2026-12-31"  # warning
    return write(tmp_path / "kb", files)


def test_text_report_groups_by_file_and_counts(root):
    code, out, _ = kb("check", str(root), "--as-of", "2026-11-25")
    assert code == 1
    assert "data/actions/CSPR-2026-01.yaml\n" in out
    assert "error   ACT001" in out and "warning TOR002" in out
    assert "1 error, 1 warning, 0 infos in 2 files" in out
    assert "as at 2026-11-25" in out


def test_exit_codes(root):
    assert kb("check", str(root), "--as-of", "2026-11-25", "--ignore", "ACT")[0] == 0
    assert kb("check", str(root), "--as-of", "2026-11-25", "--ignore", "ACT", "--strict")[0] == 1
    assert kb("check", str(root / "nowhere"))[0] == 2
    code, _, err = kb("check", str(root), "--as-of", "2026-13-01")
    assert code == 2 and "not a real date" in err
    code, _, err = kb("check", str(root), "--select", "XYZ")
    assert code == 2 and "matches no check code" in err
    assert kb("check", "--format", "yaml")[0] == 2


def test_kb_as_of_environment_pins_today(root, monkeypatch):
    monkeypatch.setenv("KB_AS_OF", "2026-11-01")
    code, out, _ = kb("check", str(root))
    assert "as at 2026-11-01" in out and code == 0  # nothing overdue yet on 1 November
    assert resolve_today("2026-01-02", {"KB_AS_OF": "2026-11-01"}).isoformat() == "2026-01-02"


def test_json_report(root):
    _, out, _ = kb("check", str(root), "--as-of", "2026-11-25", "--format", "json")
    data = json.loads(out)
    assert data["counts"] == {"error": 1, "warning": 1, "info": 0, "suppressed": 0}
    assert {f["code"] for f in data["findings"]} == {"ACT001", "TOR002"}
    assert set(data["findings"][0]) == {"code", "severity", "file", "line", "subject", "message"}


def test_github_annotations(root):
    _, out, _ = kb("check", str(root), "--as-of", "2026-11-25", "--format", "github")
    lines = out.splitlines()
    assert lines[0].startswith("::error file=data/actions/CSPR-2026-01.yaml,line=")
    assert "title=ACT001 CSPR-2026-01/A02::" in lines[0]
    assert lines[1].startswith("::warning file=docs/tor/panel.md,line=")


def test_junit_is_valid_xml_with_failures(root, tmp_path):
    out_file = tmp_path / "report.xml"
    code, _, err = kb(
        "check", str(root), "--as-of", "2026-11-25", "--format", "junit", "-o", str(out_file)
    )
    assert code == 1 and "report written" in err
    tree = ET.parse(out_file).getroot()
    assert tree.tag == "testsuites" and tree.get("failures") == "1"
    failures = tree.findall(".//failure")
    assert len(failures) == 1 and "overdue" in failures[0].get("message")
    assert len(tree.findall("testsuite")) > 40  # one per check that ran


def test_rules_lists_every_check_and_shows_one(root):
    code, out, _ = kb("rules")
    assert code == 0 and "TOR001" in out and "tor-review-lapsed" in out
    code, out, _ = kb("rules", "rev002")
    assert code == 0 and "## Why" in out and "15 working days" in out
    assert kb("rules", "NOPE")[0] == 2


def test_help_on_every_command():
    for argv in (["--help"], ["check", "--help"], ["rules", "--help"]):
        code, _, _ = kb(*argv)
        assert code == 0


def test_python_m_checks_runs(root):
    proc = subprocess.run(
        [sys.executable, "-m", "checks", "check", str(root), "--as-of", "2026-11-25"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1 and "ACT001" in proc.stdout
    assert "Traceback" not in proc.stderr


def test_ctrl_c_ends_with_130_and_a_line_not_a_traceback(monkeypatch, capsys):
    from checks import cli

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setitem(cli.COMMANDS, "check", interrupted)
    assert cli.main(["check", "."]) == 130
    err = capsys.readouterr().err
    assert err == "kb check: interrupted\n"


@pytest.mark.parametrize(
    ("where", "words"),
    [
        (lambda tmp: tmp, "that is a folder"),
        (lambda tmp: tmp / "missing" / "report.txt", "there is no folder"),
        (lambda tmp: tmp / "report.txt", "cannot write there (Read-only file system)"),
    ],
    ids=["folder", "missing-folder", "read-only"],
)
def test_an_output_that_cannot_be_written_is_one_line_and_exit_2(
    root, tmp_path, monkeypatch, where, words
):
    def read_only(path, *args, **kw):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), path)

    # As a read-only disk would answer (the tests run as root, whom permissions
    # do not stop); only the report is opened through the cli module's own name.
    monkeypatch.setattr(cli, "open", read_only, raising=False)
    target = where(tmp_path)
    code, out, err = kb("check", str(root), "--as-of", "2026-11-25", "--output", str(target))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and words in err and str(target) in err
    assert "Traceback" not in err


def test_kb_diff_output_to_a_folder_is_one_line_and_exit_2(root, tmp_path):
    code, _, err = kb("diff", str(root), "--base", "HEAD", "--output", str(tmp_path))
    assert code == 2 and err.count("\n") == 1 and "that is a folder" in err
