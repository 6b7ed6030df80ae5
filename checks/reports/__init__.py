"""Reporters turn one :class:`~checks.rules.engine.Result` into text for people or machines.

Chosen by name from :data:`REPORTERS`; each writes to a stream and never decides
the exit code.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from checks.reports import github, json_report, junit, text_report
from checks.rules.engine import Result

Reporter = Callable[[Result, TextIO, bool], None]

REPORTERS: dict[str, Reporter] = {
    "text": text_report.report,
    "json": json_report.report,
    "github": github.report,
    "junit": junit.report,
}

__all__ = ["REPORTERS", "Reporter"]
