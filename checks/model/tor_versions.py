"""Which version of a ToR was in force on a day.

A meeting is judged against the terms of reference in force on its date, never
against a later version, and never against a proposed or draft one: a change
proposed today (a new quorum, say) does not change what is found about a
meeting held last year. The versions come from the file as it stands (when it
is approved) and from the approved versions git's history holds
(:mod:`checks.loading.tor_history`); each is in force from its `approved_on`,
or, where that is not stated, from the date its history entry gives it, or the
day it was first committed as approved.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from checks.model.common import version_key
from checks.model.tor import TermsOfReference


@dataclass(frozen=True, slots=True)
class ApprovedVersion:
    """An approved version of a ToR, and the first day it was in force (None: unknown)."""

    tor: TermsOfReference
    since: date | None


@dataclass(frozen=True, slots=True)
class InForce:
    """The version a meeting is judged against."""

    tor: TermsOfReference
    #: the file as it stands (no need to name the version in a message)
    current: bool
    #: False when the meeting predates every version on record, and the earliest
    #: is used for want of the one then in force
    known: bool

    def note(self) -> str:
        """Words for a finding's message naming the version judged against, or ""."""
        if not self.known:
            return (
                f" (judged against version {self.tor.version} of its ToR, the earliest on "
                "record: the version in force then is not)"
            )
        if not self.current:
            return f" (under version {self.tor.version} of its ToR, in force then)"
        return ""


def since(tor: TermsOfReference, fallback: date | None = None) -> date | None:
    """The first day ``tor`` was in force: its approval date, else the date its own
    history gives its version, else ``fallback``."""
    if tor.approved_on is not None:
        return tor.approved_on
    for entry in tor.history:
        if entry.version == tor.version:
            return entry.date
    return fallback


def needs_history(current: TermsOfReference, day: date) -> bool:
    """Whether judging a meeting on ``day`` needs versions other than the file's."""
    if current.status != "approved":
        return True
    start = since(current)
    return start is not None and day < start


def version_in_force(
    day: date, current: TermsOfReference, earlier: list[ApprovedVersion]
) -> InForce | None:
    """The version of the ToR in force on ``day``; None when no version was ever
    approved on record (a draft, or a proposal with no approved version in git)."""
    candidates: list[tuple[ApprovedVersion, bool]] = []
    if current.status == "approved":
        candidates.append((ApprovedVersion(current, since(current)), True))
    candidates += [
        (v, False)
        for v in earlier
        if v.tor.status == "approved"
        and not (current.status == "approved" and v.tor.version == current.version)
    ]
    if not candidates:
        return None

    def order(candidate: tuple[ApprovedVersion, bool]) -> tuple[date, tuple[int, ...]]:
        version, _ = candidate
        return (version.since or date.min, _key(version.tor.version))

    began = [c for c in candidates if c[0].since is None or c[0].since <= day]
    if began:
        chosen, is_current = max(began, key=order)
        return InForce(chosen.tor, is_current, known=True)
    chosen, is_current = min(candidates, key=order)
    return InForce(chosen.tor, is_current, known=False)


def _key(version: str) -> tuple[int, ...]:
    try:
        return version_key(version)
    except ValueError:
        return (0,)
