"""Reading a base revision of the knowledge base from git, for `kb diff` and the
change rules of `kb check --base`.

The base's ordinary files are copied out of git into a temporary folder and
loaded like any knowledge base, so both sides go through exactly the same model.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from checks.loading import KnowledgeBaseNotFound, load, load_config
from checks.model.knowledge_base import KnowledgeBase


class GitError(Exception):
    """git is missing, the folder is not a repository, or the revision is unknown."""


def _git(root: Path, *args: str, binary: bool = False, stdin: bytes | None = None) -> str | bytes:
    try:
        proc = subprocess.run(
            ["git", "-C", str(root), *args],
            input=stdin,
            capture_output=True,
            timeout=60,
            check=False,
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
def base_knowledge_base(
    kb_root: Path, rev: str, skipped: list[str] | None = None
) -> Iterator[KnowledgeBase]:
    """The knowledge base as it was at ``rev``, loaded from a temporary copy.

    Only the revision's ordinary files are copied (see :func:`export`); the paths
    of links and submodules left out are added to ``skipped``.
    """
    root = repo_root(kb_root)
    commit = resolve(root, rev)
    sub = kb_root.resolve().relative_to(root.resolve()).as_posix()
    with tempfile.TemporaryDirectory(prefix="kb-base-") as tmp:
        left_out = export(root, commit, "" if sub == "." else sub, Path(tmp))
        if skipped is not None:
            skipped.extend(left_out)
        base_root = Path(tmp) / ("" if sub == "." else sub)
        base_root.mkdir(parents=True, exist_ok=True)
        try:
            yield load(base_root)
        except KnowledgeBaseNotFound:
            # The base predates the knowledge base: everything in it is new.
            yield KnowledgeBase(root=base_root, config=load_config(base_root))


def export(root: Path, commit: str, sub: str, dest: Path) -> list[str]:
    """Write the ordinary files of ``commit`` under ``sub`` into ``dest``, by
    their path in the repository; return the paths left out, sorted.

    Read with git's plumbing (``ls-tree`` for the entries, ``cat-file --batch``
    for the contents) rather than by unpacking ``git archive``: a symbolic
    link in the base (absolute, or pointing out of the export) made tarfile's
    safe filter raise, and a link extracted would be followed by whatever reads
    the copy next. Links and submodules are left out, and so is any path git
    itself would refuse to check out (``..``, ``.git``); files are created new,
    never through an existing link.
    """
    listing = str(_git(root, "ls-tree", "-r", "-z", "--full-tree", commit, "--", sub or "."))
    wanted: list[tuple[str, str]] = []
    skipped: list[str] = []
    for entry in filter(None, listing.split("\0")):
        info, _, path = entry.partition("\t")
        mode, _kind, oid = info.split()
        # 100644 and 100755 (and 100664 in old trees) are ordinary files; 120000
        # is a link, 160000 a submodule.
        if mode.startswith("100") and _safe(path):
            wanted.append((oid, path))
        else:
            skipped.append(path)
    if wanted:
        request = "".join(f"{oid}\n" for oid, _ in wanted).encode()
        data = _git(root, "cat-file", "--batch", binary=True, stdin=request)
        assert isinstance(data, bytes)
        at = 0
        for oid, path in wanted:
            header_end = data.index(b"\n", at)
            header = data[at:header_end].split()  # <oid> blob <size>
            if header[0].decode() != oid or len(header) != 3:
                raise GitError(f"git cat-file gave an unexpected answer for {path}")
            size = int(header[2])
            content = data[header_end + 1 : header_end + 1 + size]
            at = header_end + 1 + size + 1  # the content is followed by a newline
            _write_new(dest / path, content)
    return sorted(skipped)


def skipped_note(command: str, rev: str, skipped: list[str]) -> str:
    """One line for stderr naming what :func:`export` left out, or "" for nothing."""
    if not skipped:
        return ""
    shown = ", ".join(skipped[:5]) + (f" and {len(skipped) - 5} more" if len(skipped) > 5 else "")
    return (
        f"{command}: {rev}: not read from the base revision (links and submodules are "
        f"never followed): {shown}\n"
    )


def _safe(path: str) -> bool:
    parts = path.split("/")
    return not any(p in ("", ".", "..", ".git") for p in parts)


def _write_new(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    with open(fd, "wb") as out:
        out.write(content)
