"""A file cannot be read as text.

## What it checks

Every file the knowledge base reads must be UTF-8 text, no larger than the limit,
and inside the repository. A file that fails is not read at all, and nothing from
it is published.

## Why

A file saved in another encoding (for example from an old word processor) shows
as garbled text, and a very large file slows every build. A link that points
outside the repository could publish something that was never reviewed.

## Passing example

A Markdown or YAML file saved as UTF-8 (the default in the GitHub web editor).

## Failing example

A file saved as Windows-1252, with `é` stored as the byte `0xE9`:

```text
docs/briefs/lb-2026-01.md:4: the file is not UTF-8 text (byte 0xE9 on this line)
```

## Options

None. The size limit is `max_file_mb` in `kb.yaml` (default 5).
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.findings import Problem, Severity
from checks.rules._loader import loader_problems
from checks.rules.base import Context, Options

CODE = "KB001"
NAME = "unreadable-file"
SEVERITY = Severity.ERROR


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    return loader_problems(ctx, CODE)
