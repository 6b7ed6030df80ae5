"""Shared wording for statutory deadlines counted in working days."""

from __future__ import annotations

from datetime import date

from checks.model.working_days import WorkingCalendar, plural


def late_or_overdue(
    calendar: WorkingCalendar,
    today: date,
    step: str,
    trigger_label: str,
    trigger: date,
    done: date | None,
    limit: int,
) -> str | None:
    """Say how a step counted in working days from ``trigger`` was late, if it was.

    Day 1 is the first working day after the trigger, so the deadline is the
    ``limit``-th working day after it.
    """
    deadline = calendar.add(trigger, limit)
    if done is not None:
        if done <= deadline:
            return None
        taken = calendar.count_between(trigger, done)
        return (
            f"the {step} was sent on {done}, {plural(taken, 'working day')} after "
            f"{trigger_label} on {trigger}; the limit is {limit} (due by {deadline})"
        )
    if today <= deadline:
        return None
    over = calendar.count_between(deadline, today)
    return (
        f"no {step} is recorded; it was due by {deadline}, {limit} working days after "
        f"{trigger_label} on {trigger}, and is {plural(over, 'working day')} overdue"
    )
