"""Words a person reads for the model's codes: statuses, decisions, kinds, dates.

The data files use short codes (``in-progress``, ``lcspr``) because they are
typed by hand and checked; pages and reports show these labels instead. Every
value of each ``Literal`` has a label (``tests/test_labels.py`` holds that), so
a new status cannot reach a page as its code. A value with no label (data that
did not validate) is shown as it is written rather than hidden.

Shared by the site's pages and ``kb report``: add to it, keep what is here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from checks.model.action import ActionStatus
from checks.model.review import Decision, ReviewKind, ReviewStatus
from checks.model.tor import TorStatus

REVIEW_KINDS: dict[ReviewKind, str] = {
    "rapid-review": "Rapid review",
    "lcspr": "Local child safeguarding practice review",
    "learning-review": "Other learning review",
    "sar": "Safeguarding adults review",
    "dardr": "Domestic abuse related death review",
}

#: The same kinds as a table column or a chart's axis says them: the sector's
#: own abbreviations, which every reader of a board paper knows.
REVIEW_KINDS_SHORT: dict[ReviewKind, str] = {
    "rapid-review": "Rapid review",
    "lcspr": "LCSPR",
    "learning-review": "Learning review",
    "sar": "SAR",
    "dardr": "DARDR",
}

DECISIONS: dict[Decision, str] = {
    "lcspr": "Local child safeguarding practice review",
    "learning-review": "Another learning review",
    "sar": "Safeguarding adults review",
    "dardr": "Domestic abuse related death review",
    "no-further-review": "No further review",
}

REVIEW_STATUSES: dict[ReviewStatus, str] = {
    "open": "Open",
    "in-progress": "In progress",
    "published": "Published",
    "closed": "Closed",
}

ACTION_STATUSES: dict[ActionStatus, str] = {
    "open": "Open",
    "in-progress": "In progress",
    "complete": "Complete",
    "closed": "Closed without completion",
}

TOR_STATUSES: dict[TorStatus, str] = {
    "draft": "Draft",
    "proposed": "Proposed, not yet approved",
    "approved": "Approved",
    "superseded": "Superseded",
}


def label(labels: Mapping[Any, str], code: str | None) -> str:
    """The label for ``code`` in ``labels``; the code itself if it has none, and
    an em dash for no value."""
    if code is None:
        return "—"
    return labels.get(code, code)


def long_date(day: date | None) -> str:
    """The one date style of the site's pages: "24 April 2025" (and "—" for none)."""
    return f"{day:%-d %B %Y}" if day is not None else "—"


_ISO_DATE = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")


def dates_in_words(text: str) -> str:
    """``text`` with every ISO date written as :func:`long_date` writes it: findings
    give dates as YYYY-MM-DD (the form a data file wants), pages in words. A
    string that is not a real date is left as it is."""

    def words(m: re.Match[str]) -> str:
        try:
            return long_date(date(int(m[1]), int(m[2]), int(m[3])))
        except ValueError:
            return m[0]

    return _ISO_DATE.sub(words, text)
