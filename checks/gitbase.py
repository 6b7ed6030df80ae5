"""Reading a base revision of the knowledge base from git, for `kb diff` and the
change rules of `kb check --base`.

The base is exported with ``git archive`` into a temporary folder and loaded like
any knowledge base, so both sides go through exactly the same model.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from checks.kb import KnowledgeBase
from checks.loading import KnowledgeBaseNotFound, load, load_config


class GitError(Exception):
    """git is missing, the folder is not a repository, or the revision is unknown."""


def _git(root: Path, *args: str, binary: bool = False) -> str | bytes:
    try:
        proc = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, timeout=60, check=False
        )
    except FileNotFoundError:
        raise GitError("git is not installed, so there is no history to compare") from None
    except subprocess.TimeoutExpired:
        raise GitError(f"git {args[0]} did not finish within a minute") from None
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(message[-1] if message else f"git {args[0]} failed")
    return proc.stdout if binary else proc.stdout.decode("utf-8", "replace")


def git_text(root: Path, *args: str) -> str | None:
    """git's output as text, or None where git cannot answer (no repository, no git)."""
    try:
        return str(_git(root, *args))
    except GitError:
        return None


def repo_root(path: Path) -> Path:
    try:
        top = _git(path, "rev-parse", "--show-toplevel")
    except GitError:
        raise GitError(
            f"{path} is not inside a git repository, so there is no base revision to "
            "compare with; run this in a clone of the knowledge base"
        ) from None
    return Path(str(top).strip())


def resolve(root: Path, rev: str) -> str:
    try:
        return str(_git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")).strip()
    except GitError:
        raise GitError(
            f"the base revision {rev!r} is not in this clone; with a shallow clone, "
            "fetch the full history (GitHub Actions: `fetch-depth: 0`)"
        ) from None


@dataclass(frozen=True, slots=True)
class Changed:
    status: str  # A added, D deleted, M modified, R renamed
    path: str  # the path now (for a deletion, the old path)
    old_path: str | None = None


def changed_files(root: Path, base: str, under: str = "") -> list[Changed]:
    """Files changed between ``base`` and the working tree, with renames."""
    prefix = under.rstrip("/") + "/" if under else ""
    out = str(_git(root, "diff", "--name-status", "-M", "-z", base, "--", under or "."))
    parts = out.split("\0")
    found: list[Changed] = []
    i = 0
    while i < len(parts) and parts[i]:
        status = parts[i][0]
        if status == "R":
            found.append(Changed("R", parts[i + 2], parts[i + 1]))
            i += 3
        else:
            found.append(Changed(status, parts[i + 1]))
            i += 2
    untracked = str(
        _git(root, "ls-files", "--others", "--exclude-standard", "-z", "--", under or ".")
    )
    found += [Changed("A", p) for p in untracked.split("\0") if p]
    return sorted(
        (
            Changed(
                c.status,
                c.path.removeprefix(prefix),
                c.old_path and c.old_path.removeprefix(prefix),
            )
            for c in found
        ),
        key=lambda c: c.path,
    )


@contextmanager
def base_knowledge_base(kb_root: Path, rev: str) -> Iterator[KnowledgeBase]:
    """The knowledge base as it was at ``rev``, loaded from a temporary export."""
    root = repo_root(kb_root)
    commit = resolve(root, rev)
    sub = kb_root.resolve().relative_to(root.resolve()).as_posix()
    data = _git(
        root, "archive", "--format=tar", commit, "--", "." if sub == "." else sub, binary=True
    )
    with tempfile.TemporaryDirectory(prefix="kb-base-") as tmp:
        assert isinstance(data, bytes)
        with tarfile.open(fileobj=io.BytesIO(data)) as tar:
            tar.extractall(tmp, filter="data")
        base_root = Path(tmp) / ("" if sub == "." else sub)
        base_root.mkdir(parents=True, exist_ok=True)
        try:
            yield load(base_root)
        except KnowledgeBaseNotFound:
            # The base predates the knowledge base: everything in it is new.
            yield KnowledgeBase(root=base_root, config=load_config(base_root))
