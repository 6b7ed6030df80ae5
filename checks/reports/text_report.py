"""Plain text for people: findings grouped by file, then the counts."""

from __future__ import annotations

from itertools import groupby
from typing import TextIO

from checks.rules.engine import Result


def report(result: Result, stream: TextIO, strict: bool = False) -> None:
    for file, group in groupby(result.findings, key=lambda f: f.file):
        stream.write(f"{file}\n")
        for f in group:
            subject = f"  [{f.subject}]" if f.subject else ""
            stream.write(f"  {f.line:>4}  {f.severity.value:<7} {f.code}  {f.message}{subject}\n")
        stream.write("\n")
    files = len({f.file for f in result.findings})
    summary = f"{result.counts.describe()} in {files} file{'' if files == 1 else 's'}"
    extra = f"; {result.suppressed} suppressed" if result.suppressed else ""
    stream.write(
        f"{summary}{extra} (checked {result.files_read} files as at {result.today.isoformat()})\n"
    )
    if result.failed(strict):
        stream.write("kb check failed" + (" (--strict: warnings count)" if strict else "") + "\n")
