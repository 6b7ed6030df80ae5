"""A meeting is judged against the ToR version in force on its date (issue 16).

A proposed quorum never changes what is found about past meetings, and a
meeting held under an earlier approved version is judged by that version, read
from git's history.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from checks.loading import load
from checks.rules.engine import run
from kbfactory import TODAY, compliant, write

GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid"]
ALL = ["council", "icb", "police", "school", "probation"]


def git(root: Path, *args: str) -> None:
    subprocess.run([*GIT, "-C", str(root), *args], check=True, capture_output=True)


def _files() -> dict[str, Any]:
    files = compliant()
    files["data/partnership.yaml"]["agencies"].append(
        {"id": "probation", "name": "Testshire Probation"}
    )
    files["data/meetings/2026.yaml"]["meetings"] += [
        # Under version 1.0 (quorum: the three partners): quorate.
        {"group": "panel", "date": "2026-05-07", "present": ["council", "icb", "police"]},
        # Under version 1.0: not quorate, the police absent.
        {"group": "panel", "date": "2026-03-05", "present": ["council", "icb"]},
    ]
    # Under version 2.0 (the schools too): not quorate, the schools absent.
    files["data/meetings/2026.yaml"]["meetings"][1]["present"] = ["council", "icb", "police"]
    return files


def _panel(files: dict[str, Any], **front: Any) -> None:
    old, body = files["docs/tor/panel.md"]
    files["docs/tor/panel.md"] = ({**old, **front}, body)


def _commit(root: Path, files: dict[str, Any], message: str) -> None:
    write(root, files)
    git(root, "add", "-A")
    git(root, "commit", "-qm", message)


def _repo(tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    root = tmp_path / "kb"
    root.mkdir()
    git(root, "init", "-q")
    files = _files()
    _panel(
        files,
        version="1.0",
        approved_on="2025-06-30",
        next_review="2026-06-30",
        quorum=["council", "icb", "police"],
        history=files["docs/tor/panel.md"][0]["history"][:1],
    )
    _commit(root, files, "Panel ToR 1.0")
    files = _files()
    _panel(files, quorum=["council", "icb", "police", "school"])
    _commit(root, files, "Panel ToR 2.0")
    return root, files


def _quorum_findings(root: Path) -> list[tuple[int, str]]:
    return [(f.line, f.message) for f in run(load(root), TODAY).findings if f.code == "MTG001"]


def _absent(findings: list[tuple[int, str]]) -> dict[str, str]:
    """Each finding's meeting date, and what it says."""
    return {message.split(" on ", 1)[1][:10]: message for _, message in findings}


def test_each_meeting_is_judged_by_the_version_in_force_on_its_date(tmp_path: Path) -> None:
    root, _ = _repo(tmp_path)
    found = _absent(_quorum_findings(root))
    assert sorted(found) == ["2026-03-05", "2026-11-05"]  # not 2026-05-07, quorate under 1.0
    assert "Testshire Police absent" in found["2026-03-05"]
    assert "under version 1.0 of its ToR, in force then" in found["2026-03-05"]
    assert "Testshire Schools absent" in found["2026-11-05"]
    assert "version" not in found["2026-11-05"]  # the file as it stands: nothing to add


@pytest.mark.parametrize(
    "proposed",
    [["council", "icb"], ALL, None],
    ids=["loosened", "tightened", "left-out"],
)
@pytest.mark.parametrize("committed", [False, True], ids=["working-tree", "committed"])
def test_a_proposed_quorum_never_changes_findings_about_past_meetings(
    tmp_path: Path, proposed: list[str] | None, committed: bool
) -> None:
    root, files = _repo(tmp_path)
    before = _quorum_findings(root)
    _panel(files, version="2.1", status="proposed", quorum=proposed)
    if proposed is None:
        del files["docs/tor/panel.md"][0]["quorum"]  # the three partners, if it were in force
    if committed:
        _commit(root, files, "Propose panel ToR 2.1")
    else:
        write(root, files)
    after = _quorum_findings(root)
    # The same findings, at the same lines, about the same absences; each now
    # names the version it was judged by, since the file holds another.
    assert [(line, m.split(": ", 1)[1]) for line, m in after] == [
        (line, m.split(": ", 1)[1]) for line, m in before
    ]
    assert all("of its ToR, in force then" in m for _, m in after)


def test_an_approved_change_applies_from_its_approval_only(tmp_path: Path) -> None:
    root, files = _repo(tmp_path)
    _panel(
        files,
        version="3.0",
        approved_on="2026-11-20",
        quorum=ALL,
        history=[
            *files["docs/tor/panel.md"][0]["history"],
            {"version": "3.0", "date": "2026-11-20", "approved_by": "exec", "summary": "More."},
        ],
    )
    _commit(root, files, "Panel ToR 3.0")
    found = _absent(_quorum_findings(root))
    # 2026-11-05 is still judged by 2.0: the schools absent, not probation.
    assert "Testshire Schools absent" in found["2026-11-05"]
    assert "Probation" not in found["2026-11-05"]
    assert "under version 2.0 of its ToR, in force then" in found["2026-11-05"]


def test_without_git_history_an_older_meeting_says_which_version_judged_it(
    tmp_path: Path,
) -> None:
    root, _ = _repo(tmp_path)
    copy = tmp_path / "copy"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns(".git"))
    found = _absent(_quorum_findings(copy))
    # Only version 2.0 is on record: the older meetings are judged by it, and say so.
    assert "the earliest on record" in found["2026-05-07"]
    assert "version 2.0" in found["2026-05-07"]
    assert "earliest" not in found["2026-11-05"]


def test_a_proposal_with_no_approved_version_on_record_is_never_judged_against(
    tmp_path: Path,
) -> None:
    files = _files()
    _panel(files, version="1.0", status="proposed", quorum=ALL)
    root = write(tmp_path / "kb", files)
    assert _quorum_findings(root) == []
    papers_and_minutes = {
        f.code for f in run(load(root), TODAY).findings if f.subject.startswith("panel@")
    }
    assert not papers_and_minutes & {"MTG002", "MTG003"}


def test_an_old_version_without_a_date_is_dated_by_the_current_history(tmp_path: Path) -> None:
    """Version 1.0 was committed with no approval date: the current file's history
    entry (1.0, 2025-06-30) dates it, not the day git saw it."""
    root = tmp_path / "kb"
    root.mkdir()
    git(root, "init", "-q")
    files = _files()
    _panel(
        files,
        version="1.0",
        next_review="2026-06-30",
        quorum=["council", "icb", "police"],
        not_stated=["approved_on"],
        history=[],
    )
    del files["docs/tor/panel.md"][0]["approved_on"]
    _commit(root, files, "Panel ToR 1.0, undated")
    files = _files()
    _panel(files, quorum=["council", "icb", "police", "school"])
    _commit(root, files, "Panel ToR 2.0")
    found = _absent(_quorum_findings(root))
    assert "2026-05-07" not in found  # quorate under 1.0
    assert "under version 1.0 of its ToR, in force then" in found["2026-03-05"]


def test_git_history_is_read_once_per_commit_through_the_cache(tmp_path: Path, monkeypatch) -> None:
    """The speed layer keeps each ToR's approved versions under the commit checked
    out: a warm run asks git only which commit that is, and a new commit is read."""
    from checks.loading import tor_history
    from kbfactory import kb

    root, files = _repo(tmp_path)
    reads: list[str] = []
    real = tor_history._read_versions

    def counted(at: Path, source: str, max_bytes: int) -> list[Any]:
        reads.append(source)
        return real(at, source, max_bytes)

    monkeypatch.setattr(tor_history, "_read_versions", counted)
    cache = ["--cache-dir", str(tmp_path / "cache")]
    first = kb("check", str(root), "--as-of", TODAY.isoformat(), *cache)
    assert reads == ["docs/tor/panel.md"]
    assert kb("check", str(root), "--as-of", TODAY.isoformat(), *cache) == first
    assert reads == ["docs/tor/panel.md"]
    _panel(files, version="2.1", status="proposed")
    _commit(root, files, "Propose panel ToR 2.1")
    kb("check", str(root), "--as-of", TODAY.isoformat(), *cache)
    assert reads == ["docs/tor/panel.md"] * 2
