"""A pull request cannot allow its own identifying text (checks/loading/trusted.py).

The partnership's allowances (kb.yaml's ``public_names``, its agencies' and groups'
names, its public office-holders) come from files a pull request can change. With
``KB_TRUSTED`` naming the target branch's copy, or ``kb check --base``, only what
both copies allow counts.
"""

from __future__ import annotations

import copy
import json
import subprocess
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from kbfactory import TODAY, brief_body, compliant, kb, write

BRIEF = next(k for k in compliant() if k.startswith("docs/briefs/"))
PUBLIC_JT = "public_names:\n  - name: JT\n    reason: The Junior Training programme.\n"
TEXT = "JT was seen at home and JT's mother said she was worried."


def _ano001(root: Path, trusted: Path | None = None, code: str = "ANO001") -> list[dict[str, Any]]:
    with pytest.MonkeyPatch.context() as mp:
        if trusted is None:
            mp.delenv("KB_TRUSTED", raising=False)
        else:
            mp.setenv("KB_TRUSTED", str(trusted))
        _, out, _ = kb("check", str(root), "--as-of", TODAY.isoformat(), "--format", "json")
    return [f for f in json.loads(out)["findings"] if f["code"] == code]


def _pair(tmp_path: Path, change: dict[str, Any]) -> tuple[Path, Path]:
    """The target branch's copy (compliant) and the change (compliant plus ``change``)."""
    base = write(tmp_path / "trusted", compliant())
    files = copy.deepcopy(compliant())
    files.update(change)
    return base, write(tmp_path / "change", files)


def _with_text(files: dict[str, Any], text: str) -> dict[str, Any]:
    front, _ = files[BRIEF]
    return {BRIEF: (front, brief_body("A brief") + f"\n{text}\n")}


def test_a_public_name_added_by_the_change_itself_does_not_count(tmp_path):
    base, change = _pair(tmp_path, {"kb.yaml": PUBLIC_JT, **_with_text(compliant(), TEXT)})
    # Without a trusted copy (a local run, or main after merging) kb.yaml's list counts.
    assert _ano001(change) == []
    found = _ano001(change, base)
    assert found and all(f["file"] == BRIEF for f in found)


def test_a_public_name_already_on_the_target_branch_counts(tmp_path):
    base, change = _pair(tmp_path, {"kb.yaml": PUBLIC_JT, **_with_text(compliant(), TEXT)})
    (base / "kb.yaml").write_text(PUBLIC_JT, encoding="utf-8")
    assert _ano001(change, base) == []


def test_an_agency_short_name_added_by_the_change_does_not_count(tmp_path):
    files = compliant()
    partnership = copy.deepcopy(files["data/partnership.yaml"])
    partnership["agencies"].append({"id": "km", "name": "Kestrel Mentoring", "short": "KM"})
    change = {"data/partnership.yaml": partnership, **_with_text(files, "KM's father was seen.")}
    base, root = _pair(tmp_path, change)
    assert _ano001(root) == []
    assert _ano001(root, base)


def test_a_trusted_folder_that_is_not_a_knowledge_base_allows_nothing_of_the_partnership(
    tmp_path,
):
    _, root = _pair(tmp_path, {"kb.yaml": PUBLIC_JT, **_with_text(compliant(), TEXT)})
    empty = tmp_path / "empty"
    empty.mkdir()
    assert _ano001(root, empty)


@pytest.mark.skipif(subprocess.run(["git", "--version"]).returncode != 0, reason="needs git")
def test_kb_check_base_takes_the_allowances_from_the_base_revision(tmp_path):
    root = write(tmp_path / "kb", compliant())
    git = ["git", "-C", str(root), "-c", "user.name=T", "-c", "user.email=t@example.invalid"]
    subprocess.run([*git, "init", "-q", "-b", "main"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "base"], check=True)
    write(root, {"kb.yaml": PUBLIC_JT, **_with_text(compliant(), TEXT)})
    _, out, _ = kb("check", str(root), "--as-of", TODAY.isoformat(), "--base", "main")
    assert "ANO001" in out
    _, out, _ = kb("check", str(root), "--as-of", TODAY.isoformat())
    assert "ANO001" not in out


def test_a_new_group_may_name_itself_on_its_own_page(tmp_path):
    """A pull request that adds a group is the ordinary way to propose one: its
    title and short name count on its pages (not in a learning brief), or the pull
    request could never pass."""
    files = compliant()
    front, _ = copy.deepcopy(files["docs/tor/panel.md"])
    front.update(title="Harbourside Oversight Panel", short_name="HOP")
    body = "# Harbourside Oversight Panel\n\nHOP reports to the Executive each quarter.\n"
    base, root = _pair(tmp_path, {"docs/tor/hop.md": (front, body)})
    assert _ano001(root, base) == []
    change = _with_text(files, "HOP was seen at home.")
    (root / BRIEF).write_text(
        "---\n" + json.dumps(change[BRIEF][0], default=str) + "\n---\n\n" + change[BRIEF][1],
        encoding="utf-8",
    )
    assert [f["file"] for f in _ano001(root, base)] == [BRIEF]


def test_a_mailbox_the_change_adds_is_read_like_any_address_on_every_page(tmp_path):
    """Until it is on the target branch: the change could add a parent's address."""
    files = compliant()
    partnership = copy.deepcopy(files["data/partnership.yaml"])
    partnership["role_mailboxes"] = ["safeguarding.hub@kestrel.example"]
    proc = next(k for k in files if k.startswith("docs/procedures/"))
    front, body = files[proc]
    change = {
        "data/partnership.yaml": partnership,
        proc: (front, body + "\nWrite to safeguarding.hub@kestrel.example for advice.\n"),
    }
    base, root = _pair(tmp_path, change)
    assert _ano001(root) == []
    assert {f["file"] for f in _ano001(root, base)} == {proc, "data/partnership.yaml"}


def test_a_group_short_name_that_is_not_its_titles_acronym_does_not_count(tmp_path):
    files = compliant()
    front, _ = copy.deepcopy(files["docs/tor/panel.md"])
    front.update(title="Theme Group Initials", short_name="JK")
    body = "# Theme Group Initials\n\nJK was seen at home by the panel.\n"
    base, root = _pair(tmp_path, {"docs/tor/jk.md": (front, body)})
    assert _ano001(root) == []
    assert {f["file"] for f in _ano001(root, base)} == {"docs/tor/jk.md"}


def test_an_agency_named_after_a_person_is_named_by_its_id_in_every_message(tmp_path):
    """Other checks print an agency's name ("action A02 (…) is overdue"): once
    ANO001 finds a detail in it, every message names the agency by its id."""
    files = compliant()
    partnership = copy.deepcopy(files["data/partnership.yaml"])
    # An id made of words the target branch has ("council") and a number: shown.
    partnership["agencies"].append({"id": "council-2", "name": "Mrs Hannah Kowalczyk"})
    plan = copy.deepcopy(files["data/actions/CSPR-2026-01.yaml"])
    plan["actions"][1].update(owner={"agency": "council-2", "role": "Lead"}, due="2026-09-30")
    base, root = _pair(
        tmp_path, {"data/partnership.yaml": partnership, "data/actions/CSPR-2026-01.yaml": plan}
    )
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KB_TRUSTED", str(base))
        _, out, err = kb("check", str(root), "--as-of", TODAY.isoformat(), "--format", "json")
    findings = json.loads(out)["findings"]
    assert any(f["code"] == "ACT001" and "council-2" in f["message"] for f in findings)
    assert "Kowalczyk" not in out + err


def _suppressed_brief(files: dict[str, Any], name: str) -> dict[str, Any]:
    """The brief naming ``name``, with its own exception for it in its front matter."""
    front, _ = files[BRIEF]
    front = {
        **front,
        "suppress": [
            {
                "code": "ANO001",
                "match": name,
                "reason": "Named with consent.",
                "until": (TODAY + timedelta(days=60)).isoformat(),
            }
        ],
    }
    return {BRIEF: (front, brief_body("A brief") + f"\n{name} was seen at home.\n")}


def test_a_safety_suppression_the_change_adds_does_not_count(tmp_path):
    """Red team round 12: a new brief wrote a child's name and, in its own front
    matter, the exception for it; the name was published."""
    change = _suppressed_brief(compliant(), "Cador Weatherspoon")
    base, root = _pair(tmp_path, change)
    assert _ano001(root) == []  # a local run, or main after merging: it counts
    found = _ano001(root, base)
    assert found and all(f["file"] == BRIEF for f in found)


def test_a_safety_suppression_already_on_the_target_branch_counts(tmp_path):
    change = _suppressed_brief(compliant(), "Cador Weatherspoon")
    base, root = _pair(tmp_path, change)
    write(base, {**compliant(), **change})
    assert _ano001(root, base) == []


def test_an_expired_safety_suppression_is_not_revived_by_moving_its_date(tmp_path):
    change = _suppressed_brief(compliant(), "Cador Weatherspoon")
    base, root = _pair(tmp_path, change)
    front, body = change[BRIEF]
    expired = [{**front["suppress"][0], "until": (TODAY - timedelta(days=1)).isoformat()}]
    write(base, {**compliant(), BRIEF: ({**front, "suppress": expired}, body)})
    assert _ano001(root, base)


def test_a_pull_request_cannot_suppress_a_check_that_keeps_its_page_off_the_site(tmp_path):
    """KB007 withholds a page that would stand in for a generated one (the
    register): its suppression, like a safety check's, counts once merged."""
    suppression = (
        "suppressions:\n  - code: KB007\n    subject: docs/register.md\n"
        "    reason: Our own register.\n"
        f"    until: {(TODAY + timedelta(days=60)).isoformat()}\n"
    )
    change = {"kb.yaml": suppression, "docs/register.md": "# Register\n\nAll clear.\n"}
    base, root = _pair(tmp_path, change)

    assert _ano001(root, code="KB007") == []
    assert [f["file"] for f in _ano001(root, base, code="KB007")] == ["docs/register.md"]
