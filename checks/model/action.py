"""Action plans: ``data/actions/*.yaml``, one file per review."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from checks.model.common import IsoDate, Located, ReviewRef, Slug, Text

ActionStatus = Literal["open", "in-progress", "complete", "closed"]
#: The statuses of an action still to be done: it can be due soon, or overdue.
OPEN_STATUSES: tuple[ActionStatus, ...] = ("open", "in-progress")


class Owner(Located):
    agency: Slug | None = None
    role: Text


class DueChange(Located):
    """A record that a due date was moved, and why."""

    from_: IsoDate = Field(alias="from")
    to: IsoDate
    reason: Text
    agreed_by: str | None = None


#: The form of an action's id: a code, not words. At most three letters before the
#: first digit, then digits and separators with at most one letter among them
#: ("A01", "REC-3", "2.1", "A4B"). An id is printed on the tracker, the calendar and every
#: finding, and an id made of words ("FAMILY-YOUNG") can name a family in words
#: the gate has already vetted.
#: (Written so that each character has one way to match: Python's engine reads it
#: too, in checks.loading.entries, on text that has not been validated.)
ACTION_ID = r"[A-Z]{0,3}-?[0-9]+(?:[.-][0-9]+)*(?:[.-]?[A-Z](?:[.-]?[0-9]+(?:[.-][0-9]+)*)?)?"


class Action(Located):
    """A SMART action arising from a review's recommendation."""

    id: str = Field(
        pattern=f"^{ACTION_ID}$",
        max_length=20,
        examples=["A01", "REC-3", "2.1"],
    )
    recommendation: Text
    action: Text | None = None
    owner: Owner | None = None
    due: IsoDate
    status: ActionStatus
    completed_on: IsoDate | None = None
    evidence: str | None = Field(default=None, max_length=2000)
    impact: str | None = Field(default=None, max_length=2000)
    reason: str | None = Field(
        default=None, description="why an action was closed without being completed"
    )
    due_changes: list[DueChange] = Field(default_factory=list)
    escalated_on: IsoDate | None = Field(
        default=None,
        description="the date the overdue action was escalated to the executive",
    )

    @property
    def is_open(self) -> bool:
        """Still to be done (``open`` or ``in-progress``)."""
        return self.status in OPEN_STATUSES


class ActionPlan(Located):
    """All the actions arising from one review."""

    review: ReviewRef
    actions: list[Action] = Field(min_length=1)
