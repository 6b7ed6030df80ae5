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
    kind: str | None = Field(default=None, description="e.g. 'ordinary', 'extraordinary'")


class MeetingLog(Located):
    meetings: list[Meeting] = Field(min_length=1)
