"""The review status of a ToR, procedure or brief, in words and as a severity."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from checks.model import TermsOfReference
from checks.model.working_days import plural


@dataclass(frozen=True, slots=True)
class Status:
    kind: str  # an admonition type: success, warning, danger, info, note
    label: str
    detail: str


def review_status(due: date | None, today: date, window: int) -> Status:
    if due is None:
        return Status("danger", "No review date", "No next review date is set.")
    days = (due - today).days
    if days < 0:
        return Status(
            "danger",
            f"Review lapsed {plural(-days, 'day')} ago",
            f"The review was due on {due:%-d %B %Y}.",
        )
    if days <= window:
        return Status(
            "warning",
            f"Review due in {plural(days, 'day')}",
            f"The next review is due on {due:%-d %B %Y}.",
        )
    return Status("success", "In force", f"Next review by {due:%-d %B %Y}.")


def tor_status(tor: TermsOfReference, today: date, window: int) -> Status:
    if "status" in tor.not_stated:
        # Imported as `proposed` because the document does not say it was
        # approved; it is in use all the same, so its review date still binds.
        review = _review(tor, today, window)
        return Status(
            "danger" if review.kind == "danger" else "warning",
            "Approval not stated",
            "These terms of reference do not say they were approved. " + review.detail,
        )
    if tor.status == "draft":
        return Status("note", "Draft", "This draft has not been agreed and is not in force.")
    if tor.status == "proposed":
        return Status(
            "info",
            "Proposed changes",
            "These terms of reference include changes proposed for approval; the group "
            "works to the last approved version until they are agreed.",
        )
    if tor.status == "superseded":
        return Status("note", "Superseded", "These terms of reference are no longer in force.")
    return _review(tor, today, window)


def _review(tor: TermsOfReference, today: date, window: int) -> Status:
    if tor.review_due() is None and not tor.stated("next_review"):
        return Status(
            "danger",
            "Review date not stated",
            "These terms of reference do not state when they are next reviewed.",
        )
    return review_status(tor.review_due(), today, window)
