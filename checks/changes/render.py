"""`kb diff` output: Markdown for a pull request comment or job summary, JSON, text."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TextIO

from checks.changes.summary import FileSummary
from checks.site.text import esc


def _heading(s: FileSummary) -> str:
    where = f"`{s.path}`"
    if s.old_path:
        where += f", renamed from `{s.old_path}`"
    return f"### {s.kind}: {esc(s.title)} ({s.status})\n\n{where}\n"


def markdown(summaries: Sequence[FileSummary], base: str, stream: TextIO) -> None:
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


def text(summaries: Sequence[FileSummary], base: str, stream: TextIO) -> None:
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


def as_json(summaries: Sequence[FileSummary], base: str, stream: TextIO) -> None:
    json.dump(
        {"base": base, "files": [s.as_dict() for s in summaries]},
        stream,
        indent=2,
        ensure_ascii=False,
        default=str,
    )
    stream.write("\n")


RENDERERS = {"markdown": markdown, "text": text, "json": as_json}
