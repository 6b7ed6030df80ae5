"""GitHub Actions workflow commands, shown as annotations on the pull request."""

from __future__ import annotations

from typing import TextIO

from checks.model.findings import Severity
from checks.rules.engine import Result

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def report(result: Result, stream: TextIO, strict: bool = False) -> None:
    for f in result.findings:
        title = _escape_property(f"{f.code} {f.subject}".strip())
        stream.write(
            f"::{_LEVEL[f.severity]} file={_escape_property(f.file)},line={f.line},"
            f"title={title}::{_escape_data(f.message)}\n"
        )
    stream.write(f"{result.counts.describe()} (as at {result.today.isoformat()})\n")
