"""Each statutory step of each review, with its deadline and whether it was met.

The deadlines are the checks' own: the working days and months come from the
options REV001, REV002 and REV003 run with (``kb.yaml`` may change them), and
are counted by the same helpers (:class:`~checks.model.working_days.WorkingCalendar`
for working days, :class:`~checks.model.working_days.Duration` for months), so
a report never disagrees with ``kb check`` about what was late.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from checks.model import Review
from checks.model.knowledge_base import KnowledgeBase
from checks.model.labels import REVIEW_KINDS_SHORT
from checks.model.review import CHILD_KINDS
from checks.model.working_days import Duration, WorkingCalendar
from checks.rules import REGISTRY
from checks.rules.safety import effective

StepKind = Literal["notification", "rapid-review", "publication"]
Outcome = Literal["on time", "late", "overdue", "pending"]

STEP_LABELS: dict[str, str] = {
    "notification": "Serious incident notification",
    "rapid-review": "Rapid review",
    "publication": "Report published",
}


@dataclass(frozen=True, slots=True)
class Step:
    """One statutory step of one review."""

    review: Review
    kind: StepKind
    trigger: date
    due: date
    done: date | None
    outcome: Outcome
    #: how long it took (or has taken so far), in the limit's unit
    taken: int
    limit: int
    unit: str  # "working days" or "months"

    @property
    def share_of_limit(self) -> float:
        """Time taken (so far) as a share of the time allowed: over 1 is late."""
        if self.unit == "months":
            return self.taken / ((self.due - self.trigger).days or 1)
        return self.taken / (self.limit or 1)

    @property
    def counts(self) -> bool:
        """Whether it counts towards the share on time (its deadline has come, or it is done)."""
        return self.outcome != "pending"


def _options(kb: KnowledgeBase, code: str) -> Any:
    """The options check ``code`` runs with: its defaults, or kb.yaml's (CFG002
    reports a bad value, and the check runs with its default, as here)."""
    return effective(REGISTRY[code], kb.config.rules.get(code)).options


def _outcome(due: date, done: date | None, today: date) -> Outcome:
    if done is not None:
        return "on time" if done <= due else "late"
    return "overdue" if today > due else "pending"


def review_steps(kb: KnowledgeBase, today: date, calendar: WorkingCalendar) -> list[Step]:
    """Every statutory step of every review in the register, in register order."""
    sin_days: int = _options(kb, "REV001").working_days
    rr_days: int = _options(kb, "REV002").working_days
    months_by_kind: dict[str, int | None] = _options(kb, "REV003").months
    steps: list[Step] = []
    for r in kb.reviews.values():
        # As the checks do: a closed or published review with a step missing is
        # not overdue on it (the step did not happen), so it is left out.
        finished = r.status in ("closed", "published")
        if r.kind in CHILD_KINDS and r.aware_on and (r.sin_sent or not finished):
            steps.append(
                _working(r, "notification", r.aware_on, r.sin_sent, sin_days, calendar, today)
            )
        if r.kind in CHILD_KINDS and r.sin_sent and (r.rr_sent or not finished):
            steps.append(
                _working(r, "rapid-review", r.sin_sent, r.rr_sent, rr_days, calendar, today)
            )
        months = months_by_kind.get(r.kind)
        if months and r.decision_on and (r.published_on or r.status != "closed"):
            due = Duration(int(months), "months").after(r.decision_on)
            end = r.published_on or today
            steps.append(
                Step(
                    r,
                    "publication",
                    r.decision_on,
                    due,
                    r.published_on,
                    _outcome(due, r.published_on, today),
                    (end - r.decision_on).days,
                    int(months),
                    "months",
                )
            )
    return steps


def _working(
    r: Review,
    kind: StepKind,
    trigger: date,
    done: date | None,
    limit: int,
    calendar: WorkingCalendar,
    today: date,
) -> Step:
    due = calendar.add(trigger, limit)
    taken = calendar.count_between(trigger, done or today)
    return Step(
        r, kind, trigger, due, done, _outcome(due, done, today), taken, limit, "working days"
    )


def step_label(step: Step) -> str:
    """The step in words, with its limit: 'Rapid review (15 working days)'."""
    if step.kind == "publication":
        kind = REVIEW_KINDS_SHORT.get(step.review.kind, step.review.kind)
        return f"{kind} published ({step.limit} months)"
    return f"{STEP_LABELS[step.kind]} ({step.limit} working days)"
