"""Meetings of groups: ``data/meetings/*.yaml``."""

from __future__ import annotations

from pydantic import Field

from checks.model.common import IsoDate, Located, Slug


class Meeting(Located):
    group: Slug
    date: IsoDate
    present: list[Slug] = Field(description="agencies represented at the meeting")
    papers_sent: IsoDate | None = None
    minutes_sent: IsoDate | None = None
    reports: list[Slug] = Field(
        default_factory=list,
        description="the groups whose report or update this meeting received (their ToRs' "
        "`reporting_cadence` is checked against these, TOR012)",
    )
    kind: str | None = Field(
        default=None,
        description="e.g. 'ordinary', 'extraordinary'; 'ad hoc' (or 'rapid review') for a "
        "meeting called outside the cycle, which the gap check (MTG004) skips and whose "
        "papers follow the ToR's `ad_hoc_papers_days`",
    )


AD_HOC_KINDS = frozenset({"ad hoc", "ad-hoc", "adhoc", "rapid review", "rapid-review"})


def is_ad_hoc(meeting: Meeting) -> bool:
    """A meeting called outside the group's cycle."""
    return (meeting.kind or "").strip().lower() in AD_HOC_KINDS


class MeetingLog(Located):
    meetings: list[Meeting] = Field(min_length=1)
