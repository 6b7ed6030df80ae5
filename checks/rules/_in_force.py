"""The ToR a meeting is judged against: the version in force on its date.

Shared by the meeting checks (MTG001 to MTG004) and the reporting cadence
(TOR012). Git's history is read only
when the file as it stands cannot answer: it is proposed or a draft, or the
meeting came before it was approved; and then once per ToR in a run.
"""

from __future__ import annotations

from datetime import date

from checks.loading.tor_history import approved_versions, checked_out
from checks.model.meeting import Meeting
from checks.model.tor_versions import ApprovedVersion, InForce, needs_history, version_in_force
from checks.rules.base import Context


def tor_in_force(ctx: Context, meeting: Meeting) -> InForce | None:
    """The version of the meeting's group's ToR in force on the meeting's date;
    None when the group has no ToR, or none approved on record."""
    return group_tor_in_force(ctx, meeting.group, meeting.date)


def group_tor_in_force(ctx: Context, group: str, day: date) -> InForce | None:
    """The version of ``group``'s ToR in force on ``day``; None when the group has
    no ToR, or none approved on record."""
    current = ctx.kb.tors.get(group)
    if current is None:
        return None
    if not needs_history(current, day):
        return InForce(current, current=True, known=True)
    earlier = ctx.kb.tor_history.get(current.id)
    if earlier is None:
        max_bytes = int(ctx.kb.config.max_file_mb * 1024 * 1024)
        if ctx.kb.checked_out is None:
            ctx.kb.checked_out = checked_out(ctx.kb.root)
        # An old version that records no approval date is dated by the current
        # file's history entry for it, before the day git first saw it approved.
        dated = {h.version: h.date for h in current.history}
        earlier = [
            ApprovedVersion(v.tor, v.tor.approved_on or dated.get(v.tor.version) or v.since)
            for v in approved_versions(ctx.kb.root, current.source, max_bytes, ctx.kb.checked_out)
        ]
        ctx.kb.tor_history[current.id] = earlier
    return version_in_force(day, current, earlier)
