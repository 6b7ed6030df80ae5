"""JSON for machines: the findings and the counts, in a stable shape."""

from __future__ import annotations

import json
from typing import TextIO

from checks.rules.engine import Result


def as_data(result: Result) -> dict[str, object]:
    c = result.counts
    return {
        "as_of": result.today.isoformat(),
        "files_read": result.files_read,
        "counts": {
            "error": c.errors,
            "warning": c.warnings,
            "info": c.infos,
            "suppressed": result.suppressed,
        },
        "findings": [f.as_dict() for f in result.findings],
    }


def report(result: Result, stream: TextIO, strict: bool = False) -> None:
    json.dump(as_data(result), stream, indent=2, ensure_ascii=False)
    stream.write("\n")
