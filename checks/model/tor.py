"""A group and its terms of reference: the front matter of ``docs/tor/<group>.md``."""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator

from checks.model.common import IsoDate, Located, Period, Slug, Text, Version, version_key
from checks.model.working_days import Duration

TorStatus = Literal["draft", "proposed", "approved", "superseded"]


Office = Literal["not stated", "to be decided"]

# What a ToR can leave unsaid. Each listed under `not_stated` is a finding
# (TOR011), and no check puts a default in its place.
Fact = Literal[
    "title",
    "status",
    "version",
    "approved_on",
    "approved_by",
    "next_review",
    "chair",
    "members",
    "quorum",
    "frequency",
    "papers_days",
    "minutes_within",
    "reports_to",
    "purpose",
]


def _month_end(value: object) -> object:
    """``2024-05`` (a month with no day, as ToRs write "review: May 2024") is the
    last day of that month: the latest date the document can mean."""
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}", value.strip()):
        year, month = (int(part) for part in value.strip().split("-"))
        if 1 <= month <= 12:
            return date(year, month, calendar.monthrange(year, month)[1]).isoformat()
    return value


#: A date, or a month (``YYYY-MM``) taken as its last day.
MonthOrDate = Annotated[IsoDate, BeforeValidator(_month_end)]


class Seat(Located):
    """A seat at the table: an agency and the role that fills it."""

    agency: Slug | None = Field(
        default=None,
        description="the agency's id; leave out only when the document names no agency "
        "(e.g. 'a senior representative of one of the partners')",
    )
    role: Text
    deputy: str | None = Field(
        default=None, description="the named deputy's role, who attends when the member cannot"
    )
    office: Office | None = Field(
        default=None,
        description="'to be decided' for an office not yet filled, 'not stated' when the "
        "document does not say who holds it",
    )

    @model_validator(mode="before")
    @classmethod
    def _role_of_open_office(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        if data.get("office") and not data.get("role"):
            data = {**data, "role": data["office"]}
        if "agency" not in data and not data.get("office"):
            # `agency: null` says the document names none; a missing key is a slip.
            raise ValueError(
                "a seat needs `agency`, an agency id from data/partnership.yaml (`agency: "
                "null` if the document names none, or `office: to be decided`)"
            )
        if not data.get("role"):
            raise ValueError("a seat needs `role`, the role that fills it")
        return data


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
    approved_on: MonthOrDate | None = None
    approved_by: Slug | None = Field(default=None, description="the group that approved it")
    next_review: MonthOrDate | None = None
    review_cycle: Period | None = Field(
        default=None, description="e.g. '12 months': the next review is this long after approval"
    )
    purpose: str | None = Field(default=None, description="why the group exists, in brief")
    chair: Seat
    co_chair: Seat | None = Field(default=None, description="a second chair, from another agency")
    vice_chair: Seat | None = None
    members: list[Seat] = Field(default_factory=list)
    invited: str | None = Field(
        default=None,
        description="who else may be co-opted or invited, as the ToR says "
        "(e.g. 'other agencies when a review concerns them')",
    )
    deputy_rule: str | None = Field(
        default=None, description="the ToR's rule for deputies, e.g. 'each member names a deputy'"
    )
    quorum: list[Slug] | None = Field(
        default=None,
        description="agencies that must be present; left out, the three statutory partners "
        "(unless `not_stated` lists quorum: then there is none to check)",
    )
    quorum_rule: str | None = Field(
        default=None,
        description="the quorum as the ToR words it when it is not a list of agencies (e.g. "
        "'a third of members, including the chair'); no agency list is then assumed",
    )
    frequency: Period | Literal["not stated"] = Field(
        description="how often it meets, e.g. 'monthly', '6 weeks'"
    )
    ad_hoc: str | None = Field(
        default=None,
        description="when the group also meets ad hoc, e.g. 'for rapid reviews'; a meeting of "
        "kind 'ad hoc' is not a gap in the cycle (MTG004)",
    )
    ad_hoc_papers_days: int | None = Field(
        default=None, ge=0, le=30, description="working days before an ad hoc meeting"
    )
    meeting_length: str | None = Field(default=None, description="e.g. '2 hours'")
    reporting_line: str | None = Field(
        default=None, description="the group it reports to, as the document names it"
    )
    reporting_cadence: str | None = Field(
        default=None,
        description="how often it reports upward, e.g. 'quarterly', 'each meeting'",
    )
    not_stated: list[Fact] = Field(
        default_factory=list,
        description="facts the document does not state; each is a finding (TOR011) and is "
        "never filled with a default",
    )
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

    @model_validator(mode="before")
    @classmethod
    def _frequency_not_stated(cls, data: object) -> object:
        """A ToR that lists ``frequency`` under ``not_stated`` may leave it out, as
        `kb import tor` writes it: it reads as "not stated", never as a default."""
        if isinstance(data, dict) and "frequency" not in data:
            listed = data.get("not_stated")
            if isinstance(listed, list) and "frequency" in listed:
                return {**data, "frequency": "not stated"}
        return data

    @model_validator(mode="after")
    def _approved_needs_date(self) -> TermsOfReference:
        unknown = "approved_on" in self.not_stated
        if self.status == "approved" and self.approved_on is None and not unknown:
            raise ValueError(
                "an approved ToR needs `approved_on`, the date it was approved (or "
                "`not_stated: [approved_on]` when no date was recorded)"
            )
        if not self.members and "members" not in self.not_stated:
            raise ValueError(
                "`members` needs at least one seat (or `not_stated: [members]` when the "
                "document does not list them)"
            )
        if self.status == "approved" and "status" in self.not_stated:
            raise ValueError(
                "`status: approved` and `status` under `not_stated` (the document does not "
                "say it was approved) disagree; keep one"
            )
        if self.quorum is not None and "quorum" in self.not_stated:
            raise ValueError("`quorum` is given and also listed under `not_stated`; keep one")
        return self

    @property
    def quorum_stated(self) -> bool:
        """False when the ToR states no quorum as agencies (none at all, or only in
        words such as 'a third of members'): no default list applies."""
        return "quorum" not in self.not_stated and (
            self.quorum is not None or self.quorum_rule is None
        )

    @property
    def in_use(self) -> bool:
        """Approved, or a document in use that does not say it was approved
        (`status` under `not_stated`): either way its review date binds."""
        return self.status == "approved" or "status" in self.not_stated

    def stated(self, fact: str) -> bool:
        return fact not in self.not_stated

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
