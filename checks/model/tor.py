"""A group and its terms of reference: the front matter of ``docs/tor/<group>.md``."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, model_validator

from checks.model.common import IsoDate, Located, Period, Slug, Text, Version, version_key
from checks.model.working_days import Duration

TorStatus = Literal["draft", "proposed", "approved", "superseded"]


class Seat(Located):
    """A seat at the table: an agency and the role that fills it."""

    agency: Slug
    role: Text
    deputy: str | None = Field(
        default=None, description="the named deputy's role, who attends when the member cannot"
    )


class HistoryEntry(Located):
    """One approved version in the document-control history."""

    version: Version
    date: IsoDate
    approved_by: Slug = Field(description="the id of the group that approved it")
    summary: Text


class Suppression(Located):
    """A deliberate, time-limited exception to a check."""

    code: str = Field(pattern=r"^[A-Z]{2,4}\d{3}$")
    subject: str | None = Field(
        default=None, description="the id the finding is about; omit in front matter"
    )
    reason: Text
    until: IsoDate = Field(description="the date after which the suppression is a finding")
    match: str | None = Field(
        default=None, description="the exact text found, to suppress that one occurrence only"
    )


class TermsOfReference(Located):
    """The document-controlled terms of reference of one group."""

    title: Text
    group: Slug | None = Field(default=None, description="defaults to the file name")
    short_name: str | None = None
    version: Version
    status: TorStatus
    approved_on: IsoDate | None = None
    approved_by: Slug | None = Field(default=None, description="the group that approved it")
    next_review: IsoDate | None = None
    review_cycle: Period | None = Field(
        default=None, description="e.g. '12 months': the next review is this long after approval"
    )
    chair: Seat
    vice_chair: Seat | None = None
    members: list[Seat] = Field(min_length=1)
    quorum: list[Slug] | None = Field(
        default=None,
        description="agencies that must be present; by default the three statutory partners",
    )
    frequency: Period = Field(description="how often it meets, e.g. 'monthly', '6 weeks'")
    papers_days: int = Field(
        default=5, ge=0, le=30, description="working days before a meeting that papers go out"
    )
    minutes_within: Period = Field(
        default=Duration(15, "working days"), description="how soon after a meeting minutes go out"
    )
    reports_to: Slug | None = None
    history: list[HistoryEntry] = Field(default_factory=list)
    suppress: list[Suppression] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _approved_needs_date(self) -> TermsOfReference:
        if self.status == "approved" and self.approved_on is None:
            raise ValueError("an approved ToR needs `approved_on`, the date it was approved")
        return self

    @property
    def id(self) -> str:
        assert self.group is not None  # set by the loader from the file name
        return self.group

    def review_due(self) -> date | None:
        """The next review date, stated or computed from approval and cycle."""
        if self.next_review is not None:
            return self.next_review
        if self.review_cycle is not None and self.approved_on is not None:
            return self.review_cycle.after(self.approved_on)
        return None

    def latest_history(self) -> HistoryEntry | None:
        if not self.history:
            return None
        return max(self.history, key=lambda h: version_key(h.version))
