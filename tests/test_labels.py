"""Every code a page shows has words for it, and dates read one way."""

from __future__ import annotations

from datetime import date
from typing import Any, get_args

import pytest

from checks.model import labels
from checks.model.action import ActionStatus
from checks.model.review import Decision, ReviewKind, ReviewStatus
from checks.model.tor import TorStatus


@pytest.mark.parametrize(
    ("codes", "table"),
    [
        (ReviewKind, labels.REVIEW_KINDS),
        (ReviewKind, labels.REVIEW_KINDS_SHORT),
        (Decision, labels.DECISIONS),
        (ReviewStatus, labels.REVIEW_STATUSES),
        (ActionStatus, labels.ACTION_STATUSES),
        (TorStatus, labels.TOR_STATUSES),
    ],
)
def test_every_code_has_a_label_in_words(codes: Any, table: dict[str, str]) -> None:
    assert set(table) == set(get_args(codes))
    for code, words in table.items():
        assert words and words != code and "-" not in words, code


def test_a_code_without_a_label_is_shown_as_written_and_none_as_a_dash() -> None:
    assert labels.label(labels.DECISIONS, "lcspr") == "Local child safeguarding practice review"
    assert labels.label(labels.DECISIONS, "made-up") == "made-up"
    assert labels.label(labels.DECISIONS, None) == "—"


def test_dates_read_as_words() -> None:
    assert labels.long_date(date(2025, 4, 24)) == "24 April 2025"
    assert labels.long_date(None) == "—"
    text = "was due on 2025-12-31 and is 329 days overdue (case-review@2026-10-08)"
    assert labels.dates_in_words(text) == (
        "was due on 31 December 2025 and is 329 days overdue (case-review@8 October 2026)"
    )


@pytest.mark.parametrize("text", ["2025-02-30", "CSPR-2024-02-01", "12025-01-01", "ref 2025-1-1"])
def test_what_is_not_a_date_is_left_alone(text: str) -> None:
    assert labels.dates_in_words(text) == text
