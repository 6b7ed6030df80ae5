"""`kb diff` output: Markdown for a pull request comment or job summary, JSON, text."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TextIO

from checks.changes.safety import HEADING, SafetyChange
from checks.changes.summary import FileSummary
from checks.reports.markdown import esc


def _heading(s: FileSummary) -> str:
    where = f"`{s.path}`"
    if s.old_path:
        where += f", renamed from `{s.old_path}`"
    return f"### {s.kind}: {esc(s.title)} ({s.status})\n\n{where}\n"


def _where(c: SafetyChange) -> str:
    return f"{c.file}:{c.line}" if c.line > 1 else c.file


def markdown(
    summaries: Sequence[FileSummary],
    base: str,
    stream: TextIO,
    safety: Sequence[SafetyChange] = (),
) -> None:
    # Safety-relevant changes come first, so a reviewer reads them before the
    # content they could have let through.
    if safety:
        stream.write(f"## ⚠️ {HEADING}\n\n")
        stream.write(
            f"{len(safety)} change{'' if len(safety) == 1 else 's'} to what keeps the "
            "site safe: settings, suppressions, or the files that check and build it.\n\n"
        )
        for c in safety:
            # Code spans stay as written: Markdown shows their text literally.
            stream.write(f"- **{esc(c.what, keep_code=True)}** ({esc(_where(c))})\n")
        stream.write("\n")
    stream.write(f"## What this change does to the knowledge base\n\nCompared with `{base}`: ")
    if not summaries:
        stream.write("no changes to the knowledge base.\n")
        return
    stream.write(f"{len(summaries)} file{'' if len(summaries) == 1 else 's'} changed.\n")
    for s in summaries:
        stream.write("\n" + _heading(s) + "\n")
        for item in s.items:
            stream.write(f"- {esc(item)}\n")
        for sec in s.sections:
            name = esc(sec.heading) if sec.heading else "Introduction"
            stream.write(f"- Section **{name}** {sec.status}\n")
            for sentence in sec.removed:
                stream.write(f"    - removed: “{esc(sentence)}”\n")
            for sentence in sec.added:
                stream.write(f"    - added: “{esc(sentence)}”\n")
        if not s.items and not s.sections:
            stream.write("- No change in content\n")


def text(
    summaries: Sequence[FileSummary],
    base: str,
    stream: TextIO,
    safety: Sequence[SafetyChange] = (),
) -> None:
    if safety:
        stream.write(f"{HEADING.upper()}: {len(safety)}\n")
        for c in safety:
            stream.write(f"  ! {c.what} ({_where(c)})\n")
        stream.write("\n")
    stream.write(f"Changes since {base}: {len(summaries)} file(s)\n")
    for s in summaries:
        label = f"{s.path} ({s.status}" + (f" from {s.old_path}" if s.old_path else "") + ")"
        stream.write(f"\n{s.kind}: {s.title}\n  {label}\n")
        for item in s.items:
            stream.write(f"  - {item}\n")
        for sec in s.sections:
            stream.write(f"  - section {sec.heading or 'Introduction'!r} {sec.status}\n")
            for sentence in sec.removed:
                stream.write(f"      - {sentence}\n")
            for sentence in sec.added:
                stream.write(f"      + {sentence}\n")


def as_json(
    summaries: Sequence[FileSummary],
    base: str,
    stream: TextIO,
    safety: Sequence[SafetyChange] = (),
) -> None:
    json.dump(
        {
            "base": base,
            "safety_relevant": [c.as_dict() for c in safety],
            "files": [s.as_dict() for s in summaries],
        },
        stream,
        indent=2,
        ensure_ascii=False,
        default=str,
    )
    stream.write("\n")


RENDERERS = {"markdown": markdown, "text": text, "json": as_json}
