"""`kb diff` and the change rules of `kb check --base`, on a temporary git repository."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from kbfactory import brief_body, compliant, kb, write

GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid"]
GOLDEN = Path(__file__).parent / "golden" / "diff.md"


def git(root: Path, *args: str) -> None:
    subprocess.run([*GIT, "-C", str(root), *args], check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    """A knowledge base committed as the base revision `base`."""
    files = compliant()
    files["docs/tor/panel.md"] = (
        files["docs/tor/panel.md"][0],
        "# Panel\n\n## Purpose\n\nThe panel reviews cases. It meets monthly.\n\n"
        "## Functions\n\n- Hold rapid reviews.\n- Track actions.\n",
    )
    root = write(tmp_path / "kb", files)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "base")
    git(root, "tag", "base")
    return root, files


def propose_changes(root: Path, files: dict[str, Any]) -> None:
    tor, _ = files["docs/tor/panel.md"]
    tor["version"] = "2.1"
    tor["approved_on"] = "2026-11-20"
    tor["next_review"] = "2027-11-20"
    tor["history"].append(
        {"version": "2.1", "date": "2026-11-20", "approved_by": "exec", "summary": "Probation."}
    )
    tor["members"].append({"agency": "school", "role": "Probation liaison"})
    tor["members"] = [m for m in tor["members"] if m["role"] != "Head teacher"]
    tor["quorum"] = ["council", "icb", "police", "school"]
    tor["chair"] = {"agency": "police", "role": "Superintendent"}
    tor["frequency"] = "every 6 weeks"
    files["docs/tor/panel.md"] = (
        tor,
        "# Panel\n\n## Purpose\n\nThe panel reviews cases. It meets every six weeks.\n\n"
        "## Functions\n\n- Hold rapid reviews.\n- Track actions.\n- Publish learning briefs.\n",
    )
    actions = files["data/actions/CSPR-2026-01.yaml"]["actions"]
    actions[1]["status"] = "in-progress"
    actions[1]["due"] = "2027-09-30"
    actions[1]["due_changes"] = [
        {"from": "2027-06-30", "to": "2027-09-30", "reason": "Waiting for the new contract"}
    ]
    front, _body = files["docs/briefs/lb-2026-01.md"]
    files["docs/briefs/lb-2026-02.md"] = (
        {**front, "id": "LB-2026-02", "title": "SECRET-DRAFT-TITLE", "status": "draft"},
        brief_body("SECRET-DRAFT-BODY"),
    )
    write(root, files)
    git(root, "mv", "docs/procedures/rapid-review.md", "docs/procedures/rapid-reviews.md")


def test_diff_markdown_matches_the_golden_file(repo, monkeypatch):
    root, files = repo
    propose_changes(root, files)
    monkeypatch.chdir(root)
    code, out, err = kb("diff", "--base", "base", "--as-of", "2026-11-25")
    assert code == 0, err
    if os.environ.get("KB_UPDATE_GOLDEN"):
        GOLDEN.write_text(out, encoding="utf-8")
    assert out == GOLDEN.read_text(encoding="utf-8")
    assert "SECRET-DRAFT" not in out  # a draft brief is named by id, never shown


def test_diff_json_and_text(repo):
    root, files = repo
    propose_changes(root, files)
    import json

    code, out, _ = kb(
        "diff", str(root), "--base", "base", "--format", "json", "--as-of", "2026-11-25"
    )
    assert code == 0
    data = json.loads(out)
    paths = {f["path"]: f for f in data["files"]}
    assert paths["docs/procedures/rapid-reviews.md"]["status"] == "renamed"
    assert (
        paths["docs/procedures/rapid-reviews.md"]["old_path"] == "docs/procedures/rapid-review.md"
    )
    assert (
        "Chair: Testshire Council (Director) → Testshire Police (Superintendent)"
        in paths["docs/tor/panel.md"]["items"]
    )
    _code, out, _ = kb(
        "diff", str(root), "--base", "base", "--format", "text", "--as-of", "2026-11-25"
    )
    assert "+ Publish learning briefs." in out and "SECRET" not in out


def test_removed_file(repo):
    root, _ = repo
    (root / "docs/procedures/rapid-review.md").unlink()
    _, out, _ = kb("diff", str(root), "--base", "base", "--as-of", "2026-11-25")
    assert "### Procedure: Rapid reviews (removed)" in out


def test_outside_git_says_so(tmp_path):
    root = write(tmp_path / "plain", compliant())
    code, _, err = kb("diff", str(root), "--base", "main")
    assert code == 2 and "not inside a git repository" in err
    code, _, err = kb("check", str(root), "--base", "main", "--as-of", "2026-11-25")
    assert code == 2 and "not inside a git repository" in err


def test_unknown_base_mentions_shallow_clones(repo):
    root, _ = repo
    code, _, err = kb("diff", str(root), "--base", "no-such-branch")
    assert code == 2 and "fetch-depth: 0" in err


# -- change rules -------------------------------------------------------------------


def chg(root: Path, *codes: str) -> list[str]:
    _, out, _ = kb(
        "check",
        str(root),
        "--base",
        "base",
        "--as-of",
        "2026-11-25",
        "--format",
        "json",
        "--select",
        "CHG",
    )
    import json

    return [f["code"] for f in json.loads(out)["findings"]]


def test_change_rules_pass_on_a_proper_change(repo):
    root, files = repo
    propose_changes(root, files)
    assert chg(root) == []


def test_change_rules_do_not_run_without_a_base(repo):
    root, files = repo
    files["docs/tor/panel.md"][0]["version"] = "1.0"
    write(root, files)
    _, out, _ = kb("check", str(root), "--as-of", "2026-11-25", "--select", "CHG")
    assert "0 errors" in out


def test_chg001_approved_tor_changed_silently(repo):
    root, files = repo
    front, body = files["docs/tor/panel.md"]
    files["docs/tor/panel.md"] = (front, body + "\nA new duty.\n")
    write(root, files)
    assert chg(root) == ["CHG001"]
    front["status"] = "proposed"  # ...or propose it
    write(root, files)
    assert chg(root) == []


def test_chg001_version_bumped_without_history(repo):
    root, files = repo
    front, _ = files["docs/tor/panel.md"]
    front["frequency"] = "quarterly"
    front["version"] = "2.1"
    write(root, files)
    assert "CHG001" in chg(root)


def test_chg002_version_backwards(repo):
    root, files = repo
    front, _ = files["docs/tor/panel.md"]
    front["version"] = "1.9"
    front["status"] = "proposed"
    write(root, files)
    assert chg(root) == ["CHG002"]


def test_chg003_review_date_recomputed_on_approval(repo):
    root, files = repo
    front, _ = files["docs/tor/panel.md"]
    front["approved_on"] = "2026-11-20"
    front["history"][-1]["date"] = "2026-11-20"
    write(root, files)
    assert chg(root) == ["CHG003"]  # next_review is still 2027-06-30
    front["next_review"] = "2027-11-20"
    write(root, files)
    assert chg(root) == []


def test_chg004_due_date_moved_needs_a_reason(repo):
    root, files = repo
    action = files["data/actions/CSPR-2026-01.yaml"]["actions"][1]
    action["due"] = "2027-09-30"
    write(root, files)
    assert chg(root) == ["CHG004"]
    action["due_changes"] = [{"from": "2027-06-30", "to": "2027-09-30", "reason": "Contract"}]
    write(root, files)
    assert chg(root) == []
    action["due"] = "2027-03-31"  # earlier is fine
    action.pop("due_changes")
    write(root, files)
    assert chg(root) == []


def test_every_change_rule_is_tested_here():
    from checks.rules import REGISTRY

    tested = {name.split("_")[1].upper() for name in globals() if name.startswith("test_chg")}
    assert tested == {code for code in REGISTRY if code.startswith("CHG")}


def test_knowledge_base_in_a_subfolder_of_the_repository(tmp_path):
    repo_root = tmp_path / "repo"
    files = compliant()
    write(repo_root / "kb", files)
    (repo_root / "README.md").write_text("Not part of the knowledge base.\n")
    git(repo_root, "init", "-q")
    git(repo_root, "add", "-A")
    git(repo_root, "commit", "-qm", "base")
    git(repo_root, "tag", "base")
    files["data/actions/CSPR-2026-01.yaml"]["actions"][1]["status"] = "in-progress"
    write(repo_root / "kb", files)
    (repo_root / "README.md").write_text("Changed, but not part of the knowledge base.\n")
    code, out, err = kb(
        "diff", str(repo_root / "kb"), "--base", "base", "--format", "text", "--as-of", "2026-11-25"
    )
    assert code == 0, err
    assert "data/actions/CSPR-2026-01.yaml" in out and "A02 status: open → in-progress" in out
    assert "README" not in out


# -- safety-relevant changes (CHG005, and first in kb diff) ----------------------------


def _loosen_and_suppress(root: Path, files: dict[str, Any]) -> None:
    """A change that switches ANO001 off, adds suppressions and touches the build."""
    files["kb.yaml"] = (
        "rules:\n  ANO001:\n    enabled: false\n    options: {kinds: []}\n"
        "suppressions:\n  - code: ACT001\n    subject: CSPR-2026-01/A02\n"
        "    reason: Agreed extension\n    until: 2027-01-31\n"
    )
    files["docs/tor/panel.md"][0]["suppress"] = [
        {"code": "ANO001", "match": "Jessica Smith", "reason": "Fiction", "until": "2027-01-01"}
    ]
    files["mkdocs.yml"] = "site_name: Test\ntheme:\n  name: material\n  custom_dir: theme/\n"
    files["hooks/kb.py"] = "# a hook\n"
    files["theme/main.html"] = "{{ page.content }}\n"
    files[".github/workflows/kb.yml"] = "name: kb\n"
    files["pyproject.toml"] = "[project]\nname = 'x'\n"
    files["checks/rules/engine.py"] = "# the checker\n"
    write(root, files)


def _chg005(root: Path) -> list[dict[str, Any]]:
    import json

    _, out, _ = kb(
        "check", str(root), "--base", "base", "--as-of", "2026-11-25",
        "--format", "json", "--select", "CHG005",
    )  # fmt: skip
    return json.loads(out)["findings"]


def test_chg005_nothing_for_a_change_to_content_only(repo):
    root, files = repo
    propose_changes(root, files)
    assert _chg005(root) == []
    _, out, _ = kb("diff", str(root), "--base", "base", "--as-of", "2026-11-25")
    assert "Safety-relevant" not in out


def test_chg005_warns_at_each_safety_relevant_change(repo):
    root, files = repo
    git(root, "add", "-A")  # an empty mkdocs.yml, hooks and CI in the base, to change
    _loosen_and_suppress(root, files)
    found = _chg005(root)
    assert {f["severity"] for f in found} == {"warning"}
    by_file: dict[str, list[str]] = {}
    for f in found:
        by_file.setdefault(f["file"], []).append(f["message"])
    kb_yaml = " | ".join(by_file["kb.yaml"])
    assert "tries to loosen ANO001" in kb_yaml and "enabled: false" in kb_yaml
    assert "adds a suppression of ACT001 for CSPR-2026-01/A02 until 2027-01-31" in kb_yaml
    (page,) = by_file["docs/tor/panel.md"]
    assert "adds a suppression of ANO001 for panel (one occurrence, by `match`)" in page
    for path in (
        "mkdocs.yml",
        "hooks/kb.py",
        "theme/main.html",
        ".github/workflows/kb.yml",
        "pyproject.toml",
        "checks/rules/engine.py",
    ):
        assert path in by_file, path
    lines = {f["message"]: f["line"] for f in found}
    loosen = next(m for m in lines if "tries to loosen ANO001" in m)
    assert lines[loosen] == 2  # the `ANO001:` key in kb.yaml
    # The identifying text a suppression names is never repeated.
    assert "Jessica" not in str(found)


def test_chg005_reports_a_moved_docs_folder_and_removed_suppressions(repo):
    root, files = repo
    files["kb.yaml"] = (
        "suppressions:\n  - code: ACT001\n    subject: CSPR-2026-01/A02\n"
        "    reason: Agreed extension\n    until: 2027-01-31\n"
    )
    write(root, files)
    git(root, "add", "-A")
    git(root, "commit", "-qm", "with a suppression")
    git(root, "tag", "-f", "base")
    files["kb.yaml"] = "docs_dir: docs2\n"
    write(root, files)
    (root / "docs2").mkdir()
    messages = [f["message"] for f in _chg005(root)]
    assert any("`docs_dir` changes from `docs` to `docs2`" in m for m in messages)
    assert any("removes the suppression of ACT001" in m for m in messages)


def test_chg005_reports_attachment_types_added_to_what_is_published(repo):
    root, files = repo
    git(root, "tag", "-f", "base")
    files["kb.yaml"] = "publish_types: [.pdf, .docx]\n"
    write(root, files)
    messages = [f["message"] for f in _chg005(root)]
    assert any("`publish_types` adds .docx, .pdf" in m for m in messages), messages


def test_diff_puts_safety_relevant_changes_first_in_every_format(repo):
    import json

    root, files = repo
    _loosen_and_suppress(root, files)
    common = ("diff", str(root), "--base", "base", "--as-of", "2026-11-25")
    _, md, _ = kb(*common)
    assert md.startswith("## ⚠️ Safety-relevant changes — review these first\n")
    first = md.index("What this change does to the knowledge base")
    for words in ("tries to loosen ANO001", "adds a suppression of ANO001", "`hooks/kb.py`"):
        assert md.index(words) < first, words
    _, text, _ = kb(*common, "--format", "text")
    assert text.startswith("SAFETY-RELEVANT CHANGES — REVIEW THESE FIRST: ")
    assert text.index("theme/main.html") < text.index("Changes since base")
    _, out, _ = kb(*common, "--format", "json")
    data = json.loads(out)
    assert next(iter(data)) == "base" and list(data)[1] == "safety_relevant"
    whats = [c["what"] for c in data["safety_relevant"]]
    assert any("`.github/workflows/kb.yml` is added" in w for w in whats)
    for shown in (md, text, out):
        assert "Jessica" not in shown.split("What this change does")[0].split("Changes since")[0]


def test_diff_sees_ci_files_outside_a_knowledge_base_in_a_subfolder(tmp_path):
    repo_root = tmp_path / "repo"
    write(repo_root / "kb", compliant())
    git(repo_root, "init", "-q")
    git(repo_root, "add", "-A")
    git(repo_root, "commit", "-qm", "base")
    git(repo_root, "tag", "base")
    write(repo_root, {".gitlab-ci.yml": "stages: [check]\n", "kb/hooks/kb.py": "# hook\n"})
    _, out, _ = kb("diff", str(repo_root / "kb"), "--base", "base", "--as-of", "2026-11-25")
    assert "`.gitlab-ci.yml` is added" in out and "`kb/hooks/kb.py` is added" in out


def test_chg005_says_when_kb_yaml_no_longer_loads(repo):
    root, files = repo
    files["kb.yaml"] = (
        "suppressions:\n  - code: ACT001\n    subject: CSPR-2026-01/A02\n"
        "    reason: Agreed extension\n    until: 2027-01-31\n"
    )
    write(root, files)
    git(root, "add", "-A")
    git(root, "commit", "-qm", "with a suppression")
    git(root, "tag", "-f", "base")
    files["kb.yaml"] = "rules: [unclosed\n"
    write(root, files)
    messages = [f["message"] for f in _chg005(root)]
    assert any("kb.yaml no longer loads" in m for m in messages)
    assert not any("removes the suppression" in m for m in messages)


def test_chg005_and_kb_diff_report_each_public_name_kb_yaml_adds(repo):
    """An allowance loosens the anonymisation gate on purpose: never silently."""
    import json

    root, files = repo
    git(root, "tag", "-f", "base")
    files["kb.yaml"] = (
        "warning_days: 60\n"
        "public_names:\n"
        "  - name: Jessica Smith\n"
        "    reason: Said to be public.\n"
        "  - name: Kestrel Family Line\n"
        "    numbers: ['0800 123 4567']\n"
        "    reason: The council's published family support helpline.\n"
    )
    write(root, files)
    found = [f for f in _chg005(root) if "public_names" in f["message"]]
    assert [(f["file"], f["line"], f["severity"]) for f in found] == [
        ("kb.yaml", 3, "warning"),
        ("kb.yaml", 5, "warning"),
    ]
    assert "adds a name and a telephone number" in found[1]["message"]
    # Named by line only: if it is not public after all, it is the detail itself.
    assert "Jessica" not in str(found)
    _, out, _ = kb("diff", str(root), "--base", "base", "--as-of", "2026-11-25", "--format", "json")
    whats = [c["what"] for c in json.loads(out)["safety_relevant"]]
    assert sum("under `public_names`" in w for w in whats) == 2
    # The same list again, committed, is no change; a new reason is one.
    git(root, "add", "-A")
    git(root, "commit", "-qm", "allowances")
    git(root, "tag", "-f", "base")
    assert not [f for f in _chg005(root) if "public_names" in f["message"]]
    files["kb.yaml"] = files["kb.yaml"].replace("Said to be public.", "Public after all.")
    write(root, files)
    (changed,) = [f for f in _chg005(root) if "public_names" in f["message"]]
    assert "changes the reason for a name" in changed["message"]


def test_chg005_reports_a_public_office_holder_added(repo):
    root, files = repo
    files["data/partnership.yaml"]["public_office_holders"] = [
        {"name": "Morwenna Tallis", "role": "Head of Service"}
    ]
    write(root, files)
    (found,) = [f for f in _chg005(root) if "office-holder" in f["message"]]
    assert found["file"] == "data/partnership.yaml"
    assert "(Head of Service)" in found["message"] and "Morwenna" not in found["message"]


def test_diff_names_groups_and_agencies_of_meetings_and_action_owners(repo):
    """What a person reads names groups and agencies; the JSON's structured
    fields (paths, statuses) keep ids."""
    root, files = repo
    meetings = files["data/meetings/2026.yaml"]["meetings"]
    meetings.append({"group": "panel", "date": "2026-11-19", "present": ["council", "icb"]})
    meetings[0]["present"] = ["council", "icb"]
    files["data/actions/CSPR-2026-01.yaml"]["actions"][0]["owner"] = {
        "agency": "police",
        "role": "Superintendent",
    }
    write(root, files)
    _, out, _ = kb("diff", str(root), "--base", "base", "--as-of", "2026-11-25")
    assert "Meeting added: Review Panel on 2026-11-19" in out
    assert "Meeting changed: Executive on 2026-10-01" in out
    assert "A01 owner: " in out and "→ Testshire Police (Superintendent)" in out
    for group_id in ("panel on", "exec on", "police ("):
        assert group_id not in out


def test_diff_describes_how_a_tor_says_its_group_meets_and_reports(repo):
    """The facts real ToRs state (issue 16) are described like the others."""
    root, files = repo
    tor, body = files["docs/tor/panel.md"]
    tor.update(
        ad_hoc="for rapid reviews",
        meeting_length="2 hours",
        papers_days=7,
        reporting_cadence="each quarter",
        not_stated=["reports_to"],
    )
    tor.pop("reports_to", None)
    write(root, {"docs/tor/panel.md": (tor, body)})
    code, out, _ = kb("diff", str(root), "--base", "base", "--format", "text")
    assert code == 0
    for item in (
        "Also meets ad hoc: none → for rapid reviews",
        "Meeting length: none → 2 hours",
        "Papers out (working days before): 5 → 7",
        "Reports upward: none → each quarter",
        "Not stated: none → reports_to",
    ):
        assert item in out, out
