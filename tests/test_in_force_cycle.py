"""MTG004 (meeting gap) and TOR012 (reporting cadence) judge by the ToR version
in force on each meeting's date, like MTG001 to MTG003 (issue 16): a proposed
frequency or cadence never changes what is found about past meetings, and a
meeting under an earlier approved version is judged by that version, from git."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from checks.loading import load
from checks.rules.engine import run
from kbfactory import TODAY, compliant, write

GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid"]
PRESENT = ["council", "icb", "police", "school"]


def _git(root: Path, *args: str) -> None:
    subprocess.run([*GIT, "-C", str(root), *args], check=True, capture_output=True)


def _commit(root: Path, files: dict[str, Any], message: str) -> None:
    write(root, files)
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", message)


def _panel(files: dict[str, Any], **front: Any) -> None:
    old, body = files["docs/tor/panel.md"]
    files["docs/tor/panel.md"] = ({**old, **front}, body)


def _meet(files: dict[str, Any], group: str, *days: str, reports: bool = False) -> None:
    for day in days:
        meeting: dict[str, Any] = {"group": group, "date": day, "present": PRESENT}
        if reports:
            meeting["reports"] = ["panel"]
        files["data/meetings/2026.yaml"]["meetings"].append(meeting)


def _version_one(files: dict[str, Any], **front: Any) -> None:
    history = files["docs/tor/panel.md"][0]["history"][:1]
    _panel(
        files,
        version="1.0",
        approved_on="2025-06-30",
        next_review="2026-06-30",
        history=history,
        **front,
    )


def _repo(tmp_path: Path, one: dict[str, Any], two: dict[str, Any], meet: Any) -> Path:
    """Version 1.0 of the panel's ToR (approved 2025-06-30) and then 2.0
    (approved 2026-06-30), each with its own front matter, committed in turn."""
    root = tmp_path / "kb"
    root.mkdir()
    _git(root, "init", "-q")
    files = compliant()
    meet(files)
    _version_one(files, **one)
    _commit(root, files, "Panel 1.0")
    files = compliant()
    meet(files)
    _panel(files, **two)
    _commit(root, files, "Panel 2.0")
    return root


def _found(root: Path, code: str) -> dict[str, str]:
    return {f.subject: f.message for f in run(load(root), TODAY).findings if f.code == code}


# -- MTG004 ---------------------------------------------------------------------


def _gaps(files: dict[str, Any]) -> None:
    _meet(
        files,
        "panel",
        "2025-07-10",
        "2025-09-25",  # 77 days after: within 1.0's quarterly cycle, not 2.0's monthly
        "2026-05-07",  # 224 days: a gap under 1.0
        "2026-07-02",  # 56 days, opened under 1.0 (quarterly): no gap
        "2026-08-06",  # 35 days, under 2.0 (monthly, 14 days' grace): no gap
    )
    # Then 2026-11-05 (the compliant example's): 91 days, a gap under 2.0.


def test_a_gap_is_judged_by_the_frequency_in_force_when_it_opened(tmp_path: Path) -> None:
    root = _repo(tmp_path, {"frequency": "quarterly"}, {"frequency": "monthly"}, _gaps)
    found = _found(root, "MTG004")
    assert set(found) == {"panel@2026-05-07", "panel@2026-11-05"}, found
    assert "(under version 1.0 of its ToR, in force then)" in found["panel@2026-05-07"]
    assert "version" not in found["panel@2026-11-05"]


def test_a_proposed_frequency_never_changes_the_gaps_found(tmp_path: Path) -> None:
    root = _repo(tmp_path, {"frequency": "quarterly"}, {"frequency": "quarterly"}, _gaps)
    before = _found(root, "MTG004")
    # A proposal to meet monthly: every gap of 77 to 91 days would be one.
    files = compliant()
    _gaps(files)
    _panel(files, version="2.1", status="proposed", frequency="monthly")
    write(root, files)
    assert _found(root, "MTG004") == before
    assert set(before) == {"panel@2026-05-07"}


def test_a_group_with_no_approved_tor_has_no_cycle_to_check(tmp_path: Path) -> None:
    files = compliant()
    _gaps(files)
    _panel(files, status="draft")
    root = write(tmp_path / "kb", files)
    assert _found(root, "MTG004") == {}


# -- TOR012 ---------------------------------------------------------------------


def _exec_meetings(files: dict[str, Any]) -> None:
    # The compliant example's Executive meeting on 2026-10-01 has no reports.
    _meet(files, "exec", "2026-03-05")


def test_each_meeting_is_judged_by_the_cadence_in_force_on_its_date(tmp_path: Path) -> None:
    root = _repo(
        tmp_path,
        {"reporting_cadence": "each meeting"},
        {"reporting_cadence": "6 months"},
        _exec_meetings,
    )
    found = _found(root, "TOR012")
    # Under 1.0 the meeting on 2026-03-05 was owed a report; under 2.0 the one on
    # 2026-10-01 was not, and six months from 2.0's approval have not passed.
    assert set(found) == {"panel@2026-03-05"}, found
    assert "(under version 1.0 of its ToR, in force then)" in found["panel@2026-03-05"]


def test_a_cadence_approved_later_does_not_reach_back(tmp_path: Path) -> None:
    root = _repo(tmp_path, {}, {"reporting_cadence": "each meeting"}, _exec_meetings)
    found = _found(root, "TOR012")
    assert set(found) == {"panel@2026-10-01"}, found
    assert "version" not in found["panel@2026-10-01"]


def test_a_proposed_cadence_never_changes_the_findings(tmp_path: Path) -> None:
    root = _repo(tmp_path, {}, {"reporting_cadence": "6 months"}, _exec_meetings)
    assert _found(root, "TOR012") == {}
    files = compliant()
    _exec_meetings(files)
    _panel(files, version="2.1", status="proposed", reporting_cadence="each meeting")
    write(root, files)
    assert _found(root, "TOR012") == {}


def test_a_period_is_judged_by_the_version_in_force_today(tmp_path: Path) -> None:
    # Version 2.0 asks for a report every month; none since its approval.
    root = _repo(tmp_path, {}, {"reporting_cadence": "monthly"}, _exec_meetings)
    found = _found(root, "TOR012")
    assert set(found) == {"panel"}, found
    assert "since 2026-06-30" in found["panel"]
    # A proposal to report yearly does not excuse it.
    files = compliant()
    _exec_meetings(files)
    _panel(files, version="2.1", status="proposed", reporting_cadence="12 months")
    write(root, files)
    assert set(_found(root, "TOR012")) == {"panel"}
