"""Earlier approved versions of a ToR come from git, each compared with the one before."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

from checks.site.build import SiteBuild
from checks.site.versions_page import compare
from kbfactory import compliant, write

GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid"]


def git(root: Path, *args: str) -> None:
    subprocess.run([*GIT, "-C", str(root), *args], check=True, capture_output=True)


def _commit_version(root: Path, files: dict, version: str, day: str, text: str) -> None:
    front = files["docs/tor/panel.md"][0]
    front["version"] = version
    front["approved_on"] = day
    front["history"] = [
        *[h for h in front["history"] if h["version"] != version],
        {"version": version, "date": day, "approved_by": "exec", "summary": f"v{version}"},
    ]
    files["docs/tor/panel.md"] = (front, f"# Panel\n\n{text}\n")
    write(root, files)
    git(root, "add", "-A")
    git(root, "commit", "-qm", f"Panel ToR {version}")


def _repo(tmp_path: Path) -> Path:
    files = compliant()
    files["docs/tor/panel.md"][0]["history"] = []
    root = tmp_path / "kb"
    root.mkdir()
    git(root, "init", "-q")
    _commit_version(
        root, files, "1.0", "2024-06-30", "The panel meets monthly.\n\nIt reviews cases."
    )
    _commit_version(
        root, files, "2.0", "2025-06-30", "The panel meets every six weeks.\n\nIt reviews cases."
    )
    _commit_version(
        root,
        files,
        "3.0",
        "2026-06-30",
        "The panel meets every six weeks.\n\nIt reviews cases and actions.",
    )
    return root


def test_each_earlier_version_has_a_page_compared_with_the_one_before(tmp_path):
    root = _repo(tmp_path)
    build = SiteBuild.prepare(root, date(2026, 11, 25))
    pages = build.generated()
    assert "tor/panel/v1.0.md" in pages and "tor/panel/v2.0.md" in pages
    assert "tor/panel/v3.0.md" not in pages  # the current version is the ToR page itself
    v2 = pages["tor/panel/v2.0.md"]
    assert "Changes from version 1.0" in v2
    assert "Removed:</strong> <del>The panel meets monthly.</del>" in v2
    assert "Added:</strong> <ins>The panel meets every six weeks.</ins>" in v2
    assert "current version" in v2
    page = build.decorate("tor/panel.md", "# Panel\n\nThe panel meets every six weeks.\n")
    assert "[2.0](panel/v2.0.md)" in page
    assert "## Changes from version 2.0" in page  # the current version, against the last


def test_shallow_clone_says_so_on_the_page(tmp_path):
    root = _repo(tmp_path)
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{root}", str(clone)],
        check=True,
        capture_output=True,
    )
    build = SiteBuild.prepare(clone, date(2026, 11, 25), explain_history=True)
    assert "shallow clone" in build.decorate("tor/panel.md", "# Panel\n")
    assert not any(p.startswith("tor/panel/v") for p in build.generated())


def test_compare_marks_changes_in_words_not_only_colour():
    out = compare("## Duties\n\nMeet monthly. Keep minutes.\n", "## Duties\n\nMeet monthly.\n")
    assert "<strong>Duties</strong> (changed)" in out
    assert "Removed:</strong> <del>Keep minutes.</del>" in out and "Added" not in out
    assert "did not change" in compare("a\n", "a\n")


def test_the_history_note_says_why_versions_are_missing():
    from checks.site.git_history import history_note

    assert "outside a git repository" in (history_note(None) or "")
    assert "shallow clone" in (history_note(True) or "")
    assert history_note(False) is None
