"""The base revision of `kb diff` and `kb check --base` is read with git's plumbing:
links in it (absolute, or pointing out of the repository) are left out and said so,
never extracted or followed, and never make the command fail."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from checks.loading.git_base import base_knowledge_base, export
from kbfactory import TODAY, compliant, kb, write

GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid"]


def git(root: Path, *args: str) -> str:
    proc = subprocess.run([*GIT, "-C", str(root), *args], check=True, capture_output=True)
    return proc.stdout.decode()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose base revision `base` holds the knowledge base in `kb/`
    beside links: absolute, out of the repository, into .git, and a loop."""
    top = tmp_path / "repo"
    root = write(top / "kb", compliant())
    (tmp_path / "outside.md").write_text("---\ntitle: OUTSIDE-SECRET\n---\n")
    os.symlink("/etc/passwd", root / "docs/passwd.md")
    os.symlink("../../../outside.md", root / "docs/briefs/out.md")
    os.symlink("../../.git/config", root / "docs/config.md")
    os.symlink("/", root / "docs/everything")
    os.symlink("loop", root / "data/loop")
    os.symlink("../../kb", root / "data/actions/up")
    (top / "README.md").write_text("not part of the knowledge base\n")
    git(top, "init", "-q")
    git(top, "add", "-A")
    git(top, "commit", "-qm", "base")
    git(top, "tag", "base")
    return root


LINKS = [
    "kb/data/actions/up",
    "kb/data/loop",
    "kb/docs/briefs/out.md",
    "kb/docs/config.md",
    "kb/docs/everything",
    "kb/docs/passwd.md",
]


def test_kb_diff_reads_a_base_with_links_and_says_what_it_left_out(repo):
    code, out, err = kb("diff", str(repo), "--base", "base", "--as-of", TODAY.isoformat())
    assert code == 0, err
    assert "Traceback" not in err and "OUTSIDE-SECRET" not in out
    (note,) = [line for line in err.splitlines() if "not read from the base revision" in line]
    assert all(link in note for link in LINKS[:5]) and "1 more" in note


def test_kb_check_base_reads_a_base_with_links(repo):
    code, out, err = kb("check", str(repo), "--base", "base", "--as-of", TODAY.isoformat())
    assert code == 1, err  # the links in the working tree are KB001 errors
    assert "Traceback" not in err and "OUTSIDE-SECRET" not in out
    assert "kb check: --base base: not read from the base revision" in err
    assert "docs/passwd.md" in out and "KB001" in out


def test_only_ordinary_files_are_copied_and_no_link_is_made(repo, tmp_path):
    dest = tmp_path / "copy"
    commit = git(repo.parent, "rev-parse", "base").strip()
    skipped = export(repo.parent, commit, "kb", dest)
    assert skipped == LINKS
    assert not any(p.is_symlink() for p in dest.rglob("*"))
    assert (dest / "kb/data/partnership.yaml").read_bytes() == (
        repo / "data/partnership.yaml"
    ).read_bytes()
    assert not (dest / "README.md").exists()  # only the knowledge base's folder


def test_the_base_loads_as_the_knowledge_base_did(repo):
    skipped: list[str] = []
    with base_knowledge_base(repo, "base", skipped) as base:
        assert sorted(base.tors) == ["exec", "panel"]
        assert "LB-2026-01" in base.briefs and len(base.plans) == 1
        assert not any("passwd" in p or "config" in p for p in base.documents)
    assert skipped == LINKS


def test_a_whole_repository_knowledge_base_with_a_submodule_entry(tmp_path):
    root = write(tmp_path / "kb", compliant())
    git(root, "init", "-q")
    git(root, "add", "-A")
    # A submodule (gitlink) entry, as a pull request can add one.
    git(root, "commit", "-qm", "base")
    head = git(root, "rev-parse", "HEAD").strip()
    git(root, "update-index", "--add", "--cacheinfo", f"160000,{head},docs/vendored")
    git(root, "commit", "-qm", "submodule")
    git(root, "tag", "base")
    skipped: list[str] = []
    with base_knowledge_base(root, "base", skipped) as base:
        assert "panel" in base.tors
    assert skipped == ["docs/vendored"]
