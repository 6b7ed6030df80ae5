"""Earlier approved versions of a ToR, read from git.

The repository's history is the document-control record: each approved version
of a ToR is the file as it stood at the last commit carrying that version number
with ``status: approved``. A shallow clone cannot show them, and the site says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from checks.loading.git_base import git_text
from checks.loading.markdown import split_front_matter
from checks.model.common import version_key
from checks.model.yaml_source import LineDict, YamlError, load_yaml


@dataclass(frozen=True, slots=True)
class PastVersion:
    version: str
    commit: str
    committed: date
    approved_on: str | None
    body: str
    #: (agency id, role) for each seat, as written then
    members: tuple[tuple[str | None, str], ...] = ()


def is_shallow(root: Path) -> bool | None:
    """True for a shallow clone, False for full history, None outside git."""
    out = git_text(root, "rev-parse", "--is-shallow-repository")
    return None if out is None else out.strip() == "true"


def history_note(shallow: bool | None) -> str | None:
    """A sentence for ToR pages when git history cannot be shown in full
    (``shallow`` as :func:`is_shallow` answers)."""
    if shallow is None:
        return "Earlier versions cannot be shown: this site was built outside a git repository."
    if shallow:
        return (
            "Earlier versions cannot be shown in full: this site was built from a shallow "
            "clone without the repository's history."
        )
    return None


def past_versions(root: Path, repo_path: str, current: str) -> list[PastVersion]:
    """Approved versions other than ``current``, oldest first."""
    log = git_text(root, "log", "--follow", "--format=@%H %cs", "--name-only", "--", repo_path)
    if not log:
        return []
    found: dict[str, PastVersion] = {}
    commit = day = ""
    for line in log.splitlines():
        if line.startswith("@"):
            commit, day = line[1:].split(" ", 1)
            continue
        if not line.strip() or not commit:
            continue
        text = git_text(root, "show", f"{commit}:{line.strip()}")
        commit_for_path, commit = commit, ""  # one path per commit entry
        if text is None:
            continue
        split = split_front_matter(text.replace("\r\n", "\n"))
        try:
            front = load_yaml(split.front or "")
        except YamlError:
            continue
        if not isinstance(front, LineDict) or front.get("status") != "approved":
            continue
        version = str(front.get("version", ""))
        # git log lists newest first: the first sighting is that version's final text.
        if version and version != current and version not in found:
            members = front.get("members")
            seats: list[Any] = members if isinstance(members, list) else []
            found[version] = PastVersion(
                version,
                commit_for_path,
                date.fromisoformat(day),
                str(front.get("approved_on")) if front.get("approved_on") else None,
                split.body,
                tuple(_seat(m) for m in seats if isinstance(m, dict)),
            )
    ordered = sorted(found.values(), key=lambda v: _safe_key(v.version))
    return ordered


def _seat(seat: dict[Any, Any]) -> tuple[str | None, str]:
    agency = seat.get("agency")
    return (
        str(agency) if agency is not None else None,
        str(seat.get("role") or seat.get("office") or ""),
    )


def _safe_key(version: str) -> tuple[int, ...]:
    try:
        return version_key(version)
    except ValueError:
        return (0,)
