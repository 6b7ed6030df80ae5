"""The approved versions of a ToR that git's history holds, for judging a meeting
against the version in force on its date (:mod:`checks.model.tor_versions`).

Each version is the file as the last commit carrying that version number with
``status: approved`` left it, read with git's plumbing (one ``log``, one
``cat-file --batch``) and validated by the same model as the file itself. A
version that no longer validates, a file too large, or no git at all simply
gives fewer versions: never an error, since the history only sharpens a check.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path, PurePosixPath

from pydantic import ValidationError

from checks.loading.git_base import GitError, _git
from checks.loading.markdown import split_front_matter
from checks.model.tor import TermsOfReference
from checks.model.tor_versions import ApprovedVersion, since
from checks.model.yaml_source import LineDict, YamlError, load_yaml
from checks.speed.cache import recall

#: Commits read per ToR: decades of yearly reviews, and a bound on the work.
MAX_COMMITS = 200


def checked_out(root: Path) -> str:
    """The commit checked out at ``root``; "" outside git or before a first commit."""
    try:
        return str(_git(root, "rev-parse", "HEAD")).strip()
    except GitError:
        return ""


def approved_versions(root: Path, source: str, max_bytes: int, head: str) -> list[ApprovedVersion]:
    """Each approved version of the ToR at ``source`` (relative to ``root``) in
    git's history up to ``head`` (:func:`checked_out`), newest first; empty
    outside git or in a shallow history that holds none.

    The history up to a commit never changes, so the speed layer may keep the
    answer under the commit's id: a warm run then asks git one question in all
    (which commit is checked out) instead of two per ToR."""
    if not head:
        return []
    question = f"{head}\0{source}\0{max_bytes}"
    (versions,) = recall(
        "tor-history", [question], lambda _: [_read_versions(root, source, max_bytes)]
    )
    return versions


def _read_versions(root: Path, source: str, max_bytes: int) -> list[ApprovedVersion]:
    try:
        log = str(
            _git(
                root,
                "log",
                f"--max-count={MAX_COMMITS}",
                "--follow",
                "--format=@%H %cs",
                "--name-only",
                "--",
                source,
            )
        )
    except GitError:
        return []
    sightings: list[tuple[str, str, date]] = []  # commit, path in the repository, day
    commit, day = "", date.min
    for line in log.splitlines():
        if line.startswith("@"):
            commit, _, when = line[1:].partition(" ")
            try:
                day = date.fromisoformat(when)
            except ValueError:
                commit = ""
        elif line.strip() and commit:
            sightings.append((commit, line.strip(), day))
            commit = ""  # one path per commit
    texts = _contents([f"{c}:{p}" for c, p, _ in sightings], root, max_bytes)
    found: dict[str, ApprovedVersion] = {}
    first_approved: dict[str, date] = {}
    for (_, path, day), text in zip(sightings, texts, strict=True):
        tor = _tor(text, PurePosixPath(path).stem) if text is not None else None
        if tor is None or tor.status != "approved":
            continue
        first_approved[tor.version] = day  # git log runs newest first: the last is the first
        found.setdefault(tor.version, ApprovedVersion(tor, None))
    return [
        ApprovedVersion(v.tor, since(v.tor, first_approved.get(version)))
        for version, v in found.items()
    ]


def _contents(specs: list[str], root: Path, max_bytes: int) -> list[str | None]:
    """The text of each ``commit:path``, or None where it cannot be read."""
    if not specs:
        return []
    try:
        data = _git(root, "cat-file", "--batch", binary=True, stdin="\n".join(specs).encode())
    except GitError:
        return [None] * len(specs)
    assert isinstance(data, bytes)
    out: list[str | None] = []
    at = 0
    for _ in specs:
        end = data.find(b"\n", at)
        if end < 0:
            out.append(None)
            continue
        header = data[at:end].split()
        if len(header) != 3 or header[1] != b"blob":
            out.append(None)  # "<spec> missing": not in that commit
            at = end + 1
            continue
        size = int(header[2])
        content = data[end + 1 : end + 1 + size]
        at = end + 1 + size + 1
        out.append(None if size > max_bytes else content.decode("utf-8", "replace"))
    return out


def _tor(text: str, stem: str) -> TermsOfReference | None:
    split = split_front_matter(text.replace("\r\n", "\n"))
    try:
        front = load_yaml(split.front or "")
    except YamlError:
        return None
    if not isinstance(front, LineDict):
        return None
    try:
        return TermsOfReference.model_validate({"group": stem, **front})
    except (ValidationError, ValueError, TypeError):
        return None
