"""Shared logic for "lapsed" and "due soon" review-date checks."""

from __future__ import annotations

from datetime import date

from checks.model.working_days import plural


def lapsed_message(what: str, due: date, today: date) -> str | None:
    """A message if ``due`` is before ``today``, else None."""
    if due >= today:
        return None
    days = (today - due).days
    return f"{what} was due on {due.isoformat()} and lapsed {plural(days, 'day')} ago"


def due_soon_message(what: str, due: date, today: date, window: int) -> str | None:
    """A message if ``due`` falls within ``window`` days from ``today``, else None."""
    days = (due - today).days
    if days < 0 or days > window:
        return None
    when = "today" if days == 0 else f"in {plural(days, 'day')}"
    return f"{what} is due on {due.isoformat()}, {when}"


def window(option: int | None, default: int) -> int:
    return default if option is None else option
