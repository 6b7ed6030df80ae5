"""The ToR page shows what the ToR says, and "Not stated" where it is silent
(issue 16): never a default in place of a fact, and agencies and groups by
name, not id, on every page a person reads."""

from __future__ import annotations

import html as htmllib
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from kbfactory import compliant, write
from sitehelp import mkdocs, write_site_config

GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid"]

#: A ToR that states little: every fact the page shows is listed as unstated.
SILENT: dict[str, Any] = {
    "title": "Neglect Forum",
    "version": "1.0",
    "status": "proposed",
    "approved_by": "exec",
    "chair": {"office": "not stated"},
    "members": [{"agency": "council", "role": "Head of Early Help"}],
    "frequency": "not stated",
    "not_stated": [
        "reports_to",
        "status",
        "approved_on",
        "next_review",
        "chair",
        "quorum",
        "frequency",
        "papers_days",
        "minutes_within",
        "purpose",
    ],
}

#: What real ToRs say that the model now holds.
RICH: dict[str, Any] = {
    "chair": {"agency": "council", "role": "Director of Children's Services"},
    "co_chair": {"agency": "police", "role": "Detective Superintendent"},
    "vice_chair": {"office": "to be decided"},
    "invited": "other agencies when a review concerns them <b>now</b>",
    "deputy_rule": "each member names a deputy of suitable seniority",
    "meeting_length": "2 hours",
    "reporting_cadence": "each meeting",
    "ad_hoc": "for rapid reviews",
    "ad_hoc_papers_days": 1,
    "quorum_rule": "and the chair or co-chair",
}


def _git(root: Path, *args: str) -> None:
    subprocess.run([*GIT, "-C", str(root), *args], check=True, capture_output=True)


def _commit(root: Path, files: dict[str, Any], message: str) -> None:
    write(root, files)
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", message)


def _files() -> dict[str, Any]:
    files = compliant()
    files["data/partnership.yaml"]["agencies"].append(
        {"id": "probation", "name": "Testshire Probation Service"}
    )
    files["docs/tor/forum.md"] = (dict(SILENT), "# Neglect Forum\n\nText.\n")
    return files


def _panel(files: dict[str, Any], **front: Any) -> None:
    old, body = files["docs/tor/panel.md"]
    files["docs/tor/panel.md"] = ({**old, **front}, body)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three approved versions of the panel's ToR in git (1.1 adds the probation
    service's seat), the current one with the new facts; and a silent ToR."""
    tmp = tmp_path_factory.mktemp("torfacts")
    root = tmp / "kb"
    root.mkdir()
    _git(root, "init", "-q")
    files = _files()
    history = files["docs/tor/panel.md"][0]["history"]
    _panel(files, version="1.0", approved_on="2025-06-30", history=history[:1])
    _commit(root, files, "Panel 1.0")
    files = _files()
    seats = [*files["docs/tor/panel.md"][0]["members"]]
    seats.append({"agency": "probation", "role": "Head of Public Protection"})
    middle = {"version": "1.1", "date": "2025-12-01", "approved_by": "exec", "summary": "Seat."}
    _panel(
        files,
        version="1.1",
        approved_on="2025-12-01",
        members=seats,
        history=[history[0], middle],
    )
    _commit(root, files, "Panel 1.1")
    files = _files()
    _panel(files, members=seats[:-1], history=[history[0], middle, history[1]], **RICH)
    _commit(root, files, "Panel 2.0")
    write_site_config(root)
    out = tmp / "site"
    proc = mkdocs(root, out)
    assert proc.returncode == 0, proc.stderr
    return out


def _text(site: Path, page: str) -> str:
    """The page's visible text, tags removed and entities decoded, spaces folded."""
    raw = (site / page / "index.html").read_text(encoding="utf-8")
    main = raw.split("<article", 1)[-1]
    return re.sub(r"\s+", " ", htmllib.unescape(re.sub(r"<[^>]+>", " ", main)))


def _row(text: str, label: str) -> str:
    """What follows a row's label, up to the next few words."""
    at = text.index(label) + len(label)
    return text[at : at + 40].strip()


@pytest.mark.parametrize(
    ("label", "shown"),
    [
        ("Status", "Not stated"),
        ("Approved on", "Not stated"),
        ("Next review", "Not stated"),
        ("Meets", "Not stated"),
        ("Purpose", "Not stated"),
        ("Reports to", "Not stated"),
        ("Chair", "Not stated"),
        ("Quorum:", "Not stated"),
    ],
)
def test_an_unstated_fact_shows_not_stated(built: Path, label: str, shown: str) -> None:
    assert _row(_text(built, "tor/forum"), label).startswith(shown)


def test_an_unstated_fact_is_never_shown_as_a_default(built: Path) -> None:
    text = _text(built, "tor/forum")
    assert "Approval not stated" in text
    assert "do not state when they are next reviewed" in text
    assert "Papers deadline: not stated" in text and "minutes deadline: not stated" in text
    # The defaults a silent ToR must not be given: 5 and 15 working days, the
    # statutory partners as its quorum.
    assert "5 working days" not in text and "15 working days" not in text
    assert "Testshire ICB" not in text and "Testshire Police" not in text


def test_the_groups_page_shows_an_unstated_chair_frequency_and_parent(built: Path) -> None:
    text = _text(built, "groups")
    forum = text[text.index("Neglect Forum", text.index("Directory")) :][:80]
    assert forum.count("Not stated") == 3, forum
    assert "Testshire Council and Testshire Police (co-chairs)" in text


def test_the_new_facts_are_shown(built: Path) -> None:
    text = _text(built, "tor/panel")
    assert "Co-chair Testshire Police Detective Superintendent" in text
    assert "Vice-chair To be decided" in text
    assert "Invited or co-opted: other agencies when a review concerns them" in text
    assert "Deputies: each member names a deputy of suitable seniority" in text
    assert _row(text, "Meeting length").startswith("2 hours")
    assert _row(text, "Reports to").startswith("Executive")
    assert _row(text, "Reports upward").startswith("each meeting")
    assert _row(text, "Also meets ad hoc").startswith("for rapid reviews")
    assert "(1 before an ad hoc meeting)" in text
    assert "Testshire Council, Testshire ICB, Testshire Police; and the chair or co-chair" in text


def test_a_value_with_markup_is_shown_as_text(built: Path) -> None:
    raw = (built / "tor/panel/index.html").read_text(encoding="utf-8")
    assert "<b>now</b>" not in raw and "&lt;b&gt;now&lt;/b&gt;" in raw


def test_seat_changes_name_the_agency_not_its_id(built: Path) -> None:
    version = _text(built, "tor/panel/v1.1")
    assert "Seat added: Head of Public Protection (Testshire Probation Service)" in version
    current = _text(built, "tor/panel")
    assert "Seat removed: Head of Public Protection (Testshire Probation Service)" in current
    for text in (version, current):
        assert "probation:" not in text


def test_seat_changes_escape_and_show_an_open_office_by_its_role(tmp_path: Path) -> None:
    from checks.loading import load
    from checks.site.versions_page import seats_changed

    kb = load(write(tmp_path, compliant()))
    out = seats_changed(
        kb,
        (("council", "Director"),),
        (("council", "Director"), (None, "to be decided"), ("unknown", "<script>x</script>")),
    )
    assert "- Seat added: to be decided\n" in out
    # An id naming no agency is never echoed (KnowledgeBase.agency_name).
    assert "- Seat added: &lt;script&gt;x&lt;/script&gt; (an unknown agency)" in out
    assert "no agency" not in out and "<script>" not in out
