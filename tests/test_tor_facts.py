"""What real ToRs say, held by the model without defaults (issue 16, items 3 and 4)."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path
from typing import Any

from checks.loading import load
from checks.rules.engine import run
from kbfactory import TODAY, compliant, write


def findings(tmp_path: Path, files: dict[str, Any]) -> list[tuple[str, str]]:
    kb = load(write(tmp_path / "kb", files))
    return [(f.code, f.message) for f in run(kb, TODAY).findings]


def panel(files: dict[str, Any]) -> dict[str, Any]:
    front: dict[str, Any] = files["docs/tor/panel.md"][0]
    return front


def panel_meetings(files: dict[str, Any]) -> list[dict[str, Any]]:
    meetings: list[dict[str, Any]] = files["data/meetings/2026.yaml"]["meetings"]
    return meetings


def test_no_quorum_stated_is_a_finding_and_no_default(tmp_path: Path) -> None:
    files = compliant()
    del panel(files)["quorum"]
    panel(files)["not_stated"] = ["quorum"]
    panel_meetings(files)[1]["present"] = ["council", "school"]  # would be inquorate
    found = findings(tmp_path, files)
    assert [code for code, _ in found] == ["TOR011"]
    assert "quorum" in found[0][1]


def test_without_not_stated_the_statutory_default_still_applies(tmp_path: Path) -> None:
    files = compliant()
    del panel(files)["quorum"]
    panel_meetings(files)[1]["present"] = ["council", "school"]
    assert [code for code, _ in findings(tmp_path, files)] == ["MTG001"]


def test_frequency_not_stated_has_no_cycle(tmp_path: Path) -> None:
    files = compliant()
    panel(files)["frequency"] = "not stated"
    panel(files)["not_stated"] = ["frequency"]
    panel_meetings(files)[1]["date"] = "2026-03-05"  # eight months ago
    panel_meetings(files)[1].pop("papers_sent")
    panel_meetings(files)[1].pop("minutes_sent")
    codes = [code for code, _ in findings(tmp_path, files)]
    assert "MTG004" not in codes and "TOR011" in codes


def test_frequency_listed_as_not_stated_may_be_left_out(tmp_path: Path) -> None:
    """As ARCHITECTURE.md says: a fact under `not_stated` needs no value."""
    files = compliant()
    del panel(files)["frequency"]
    panel(files)["not_stated"] = ["frequency"]
    found = findings(tmp_path, files)
    assert [code for code, _ in found] == ["TOR011"] and "frequency" in found[0][1]
    del panel(files)["not_stated"]  # left out and not listed: a missing field
    assert [code for code, _ in findings(tmp_path, files)] == ["KB003"]


def test_an_ad_hoc_meeting_does_not_hide_a_gap(tmp_path: Path) -> None:
    files = compliant()
    meetings = panel_meetings(files)
    meetings[1]["date"] = "2026-11-19"
    meetings[1]["papers_sent"] = "2026-11-10"
    meetings[1]["minutes_sent"] = "2026-11-20"
    meetings.append(
        {
            "group": "panel",
            "date": "2026-06-04",
            "present": ["council", "icb", "police"],
            "minutes_sent": "2026-06-11",
        }
    )
    meetings.append(
        {
            "group": "panel",
            "date": "2026-08-20",
            "kind": "ad hoc",
            "present": ["council", "icb", "police"],
            "papers_sent": "2026-08-19",  # short notice: no rule for ad hoc papers
            "minutes_sent": "2026-08-27",
        }
    )
    found = findings(tmp_path, files)
    assert [code for code, _ in found] == ["MTG004"]
    assert "between 2026-06-04 and 2026-11-19" in found[0][1]


def test_ad_hoc_papers_follow_the_tors_own_rule(tmp_path: Path) -> None:
    files = compliant()
    panel(files)["ad_hoc"] = "for rapid reviews"
    panel(files)["ad_hoc_papers_days"] = 2
    panel_meetings(files).append(
        {
            "group": "panel",
            "date": "2026-11-12",
            "kind": "rapid review",
            "present": ["council", "icb", "police"],
            "papers_sent": "2026-11-11",
        }
    )
    found = findings(tmp_path, files)
    assert [code for code, _ in found] == ["MTG002"]
    assert "asks for 2" in found[0][1]


def test_month_only_dates_are_the_end_of_the_month(tmp_path: Path) -> None:
    files = compliant()
    panel(files)["next_review"] = "2026-11"
    kb = load(write(tmp_path / "kb", files))
    assert kb.tors["panel"].next_review == date(2026, 11, 30)
    assert [f.code for f in run(kb, TODAY).findings] == ["TOR002"]


def test_unknown_approval_date_is_reported_not_invented(tmp_path: Path) -> None:
    files = compliant()
    del panel(files)["approved_on"]
    panel(files)["not_stated"] = ["approved_on"]
    kb = load(write(tmp_path / "kb", files))
    assert kb.tors["panel"].approved_on is None
    found = [(f.code, f.message) for f in run(kb, TODAY).findings]
    assert found == [
        (
            "TOR011",
            "the ToR does not state when it was approved; agree it and add `approved_on: "
            "YYYY-MM-DD`, then take approved_on off `not_stated`",
        )
    ]


def test_co_chairs_open_offices_invited_and_deputies(tmp_path: Path) -> None:
    files = compliant()
    front = panel(files)
    front["co_chair"] = {"agency": "icb", "role": "Designated Nurse"}
    front["vice_chair"] = {"office": "to be decided"}
    front["invited"] = "other agencies when a review concerns them"
    front["deputy_rule"] = "each member names a deputy"
    front["members"].append({"agency": None, "role": "a representative of the schools"})
    kb = load(write(tmp_path / "kb", files))
    tor = kb.tors["panel"]
    assert tor.co_chair is not None and tor.co_chair.agency == "icb"
    assert tor.vice_chair is not None and tor.vice_chair.role == "to be decided"
    found = [(f.code, f.message) for f in run(kb, TODAY).findings]
    assert [c for c, _ in found] == ["TOR011"] and "vice-chair is to be decided" in found[0][1]


def test_a_seat_without_agency_key_is_still_an_error(tmp_path: Path) -> None:
    files = compliant()
    panel(files)["members"].append({"role": "Head teacher"})
    codes = [code for code, _ in findings(tmp_path, files)]
    assert "KB003" in codes


def test_superseded_terms_in_front_matter_and_regulations(tmp_path: Path) -> None:
    files = compliant()
    panel(files)["title"] = "LSCB Review Panel"
    panel(files)["members"][1]["role"] = "Designated Nurse, CCG"
    files["docs/tor/panel.md"] = (
        panel(files),
        "# Panel\n\nSet up under the Local Safeguarding Children Boards Regulations 2006.\n",
    )
    found = [
        (f.code, f.line, f.message)
        for f in run(load(write(tmp_path / "kb", files)), TODAY).findings
    ]
    messages = [m for code, _, m in found if code == "TOR009"]
    assert any(m.startswith("“LSCB” has been replaced") for m in messages)
    assert any(m.startswith("“CCG” has been replaced") for m in messages)
    regulations = [m for m in messages if "Regulations 2006" in m]
    assert len(regulations) == 1 and "Relevant Agency (England) Regulations 2018" in regulations[0]
    # The LSCB inside the regulations' name is not reported again.
    assert sum("Local Safeguarding Children Boards”" in m for m in messages) == 0


def test_unstated_deadlines_are_not_defaulted(tmp_path: Path) -> None:
    files = compliant()
    panel(files)["not_stated"] = ["papers_days", "minutes_within"]
    meeting = panel_meetings(files)[1]
    meeting["papers_sent"] = "2026-11-04"  # a day before: late against any default
    meeting.pop("minutes_sent")
    found = findings(tmp_path, files)
    assert [code for code, _ in found] == ["TOR011", "TOR011"]


def test_reporting_cadence_is_checked_against_the_parents_meetings(tmp_path: Path) -> None:
    files = compliant()
    panel(files)["reporting_cadence"] = "each meeting of the group it reports to"
    panel_meetings(files)[0]["reports"] = ["panel"]  # the Executive's meeting
    assert findings(tmp_path, files) == []
    files = compliant()
    panel(files)["reporting_cadence"] = "quarterly"
    panel_meetings(files)[0]["date"] = "2026-07-02"  # the Executive's only meeting
    panel_meetings(files)[0]["papers_sent"] = "2026-06-24"
    panel_meetings(files)[0]["minutes_sent"] = "2026-07-09"
    found = [(c, m) for c, m in findings(tmp_path / "2", files) if c == "TOR012"]
    assert len(found) == 1 and "has not reported to the Executive since 2026-06-30" in found[0][1]


def test_a_body_delivering_the_councils_services_holds_its_seat(tmp_path: Path) -> None:
    files = compliant()
    files["data/partnership.yaml"]["agencies"].append(
        {"id": "trust", "name": "Testshire Children's Trust", "delivers_for": "council"}
    )
    front = panel(files)
    front["members"][0] = {"agency": "trust", "role": "Director of Children's Services"}
    front["chair"] = {"agency": "trust", "role": "Director of Children's Services"}
    front["quorum"] = ["trust", "icb", "police"]
    panel_meetings(files)[1]["present"] = ["trust", "icb", "police", "school"]
    assert findings(tmp_path, files) == []


def test_unstated_members_are_not_a_missing_statutory_seat(tmp_path: Path) -> None:
    files = compliant()
    front = panel(files)
    front["members"] = []
    front["not_stated"] = ["members"]
    assert [code for code, _ in findings(tmp_path, files)] == ["TOR011"]


def test_approval_not_stated_is_reported_and_its_review_date_still_binds(
    tmp_path: Path,
) -> None:
    """As `kb import tor` writes a document that does not say it was approved."""
    files = compliant()
    panel(files)["status"] = "proposed"
    del panel(files)["approved_on"]
    panel(files)["next_review"] = "2024-05"
    panel(files)["not_stated"] = ["status", "approved_on"]
    found = findings(tmp_path, files)
    assert ("TOR011", next(m for c, m in found if "approved (so" in m)) in found
    assert any(c == "TOR001" and "2024-05-31" in m for c, m in found)


def test_approved_and_approval_not_stated_disagree(tmp_path: Path) -> None:
    files = compliant()
    panel(files)["not_stated"] = ["status"]
    found = findings(tmp_path, files)
    assert any(c == "KB003" and "disagree" in m for c, m in found), found


def test_messages_name_groups_not_only_ids(tmp_path: Path) -> None:
    """Issue 16, item 5: a person reads names; the subject keeps the id."""
    files = compliant()
    panel_meetings(files)[1]["papers_sent"] = "2026-11-04"
    panel_meetings(files)[0].pop("minutes_sent")
    panel_meetings(files).append({"group": "panle", "date": "2026-11-12", "present": ["council"]})
    found = findings(tmp_path, files)
    messages = [m for _, m in found]
    assert any(m.startswith("papers for the Review Panel meeting on 2026-11-05") for m in messages)
    assert any(
        "no minutes are recorded for the Executive meeting on 2026-10-01" in m for m in messages
    )
    assert any(
        "known groups: `exec` (Executive), `panel` (Review Panel)" in m
        for c, m in found
        if c == "MTG005"
    )


def test_a_message_listing_the_groups_never_names_a_draft(tmp_path: Path) -> None:
    """Red team round 3, found again in round 14: a group that reports to an unknown
    one gets a TOR006 message listing the groups, printed in CI's log; a draft
    ToR's title in the same pull request must not be in it."""
    files = compliant()
    draft = copy.deepcopy(files["docs/tor/panel.md"])
    draft[0].update(title="Hidden Draft Group QXDRAFT7", status="draft")
    files["docs/tor/hidden.md"] = draft
    panel(files)["reports_to"] = "no-such-group"
    found = findings(tmp_path, files)
    listing = [m for c, m in found if c == "TOR006" and "known groups" in m]
    assert listing and "`exec` (Executive)" in listing[0], found
    assert not any("QXDRAFT7" in m for _, m in found), found
