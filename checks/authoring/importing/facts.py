"""What the importer found: each fact with the line of the document that stated it."""

from __future__ import annotations

from dataclasses import dataclass, field

from checks.authoring.importing.reading import Line


@dataclass(slots=True)
class Fact:
    value: object
    line: Line
    note: str = ""  # how the value was read, for the comment


@dataclass(slots=True)
class SeatFact:
    agency: str | None
    role: str
    line: Line
    office: str | None = None


@dataclass(slots=True)
class Facts:
    title: Fact | None = None
    status: Fact | None = None
    version: Fact | None = None
    approved_on: Fact | None = None
    approved_by: Fact | None = None
    #: the line that says this version was approved (a date "approved on", or
    #: "approved by"); without it, and with no status, approval is not stated
    approval: Fact | None = None
    next_review: Fact | None = None
    review_cycle: Fact | None = None
    purpose: Fact | None = None
    chair: SeatFact | None = None
    co_chair: SeatFact | None = None
    vice_chair: SeatFact | None = None
    chair_stated_empty: Line | None = None
    members: list[SeatFact] = field(default_factory=list)
    unmatched: list[Line] = field(default_factory=list)
    invited: Fact | None = None
    deputy_rule: Fact | None = None
    quorum: Fact | None = None
    quorum_unread: Fact | None = None
    frequency: Fact | None = None
    ad_hoc: Fact | None = None
    meeting_length: Fact | None = None
    papers_days: Fact | None = None
    ad_hoc_papers_days: Fact | None = None
    minutes_within: Fact | None = None
    reporting_line: Fact | None = None
    reporting_cadence: Fact | None = None
    groups: list[str] = field(default_factory=list)  # other groups the document covers
