"""What a person at the console sees: error findings called errors in the build
log, `make serve` on another port, and the Makefile's commands listed."""

from __future__ import annotations

import re
import subprocess

from kbfactory import compliant, write
from sitehelp import REPO, mkdocs, write_site_config


def _make(*args: str) -> str:
    proc = subprocess.run(
        ["make", "--no-print-directory", "-C", str(REPO), *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return proc.stdout


def test_error_findings_are_error_lines_and_warnings_are_not(tmp_path):
    files = compliant()
    files["data/actions/CSPR-2026-01.yaml"]["actions"][1]["due"] = "2026-11-01"  # ACT001
    files["data/actions/CSPR-2026-01.yaml"]["actions"][1]["status"] = "open"
    files["docs/tor/panel.md"][0]["next_review"] = "2026-12-01"  # TOR002, a warning
    root = write_site_config(write(tmp_path / "kb", files))
    proc = mkdocs(root, tmp_path / "site")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stderr.splitlines()
    [error] = [line for line in lines if " ACT001 " in line]
    assert re.match(r"^ERROR\s+-  kb: data/actions/CSPR-2026-01\.yaml:\d+: ACT001 ", error)
    assert error.endswith("(error)")
    [warning] = [line for line in lines if " TOR002 " in line]
    assert warning.startswith("INFO") and "error" not in warning.lower()
    assert not [line for line in lines if line.startswith("WARNING") and "kb:" in line]


def test_make_serve_takes_a_port():
    assert "--dev-addr 127.0.0.1:8001" in _make("-n", "serve", "PORT=8001")
    assert "--dev-addr 127.0.0.1:8000" in _make("-n", "serve")


def test_make_help_lists_the_commands_and_the_port():
    listed = _make("help")
    for target in ("serve", "build", "check", "test", "lint"):
        assert re.search(rf"^  make {target} +\S", listed, re.M), target
    assert "make serve PORT=8001" in listed


def test_make_turns_materials_end_of_life_notice_off():
    # Material prints it on every build unless this variable is set (it says so).
    out = _make(
        "--eval", "show-notice-setting: ; @echo $$NO_MKDOCS_2_WARNING", "show-notice-setting"
    )
    assert out.strip() == "1"
