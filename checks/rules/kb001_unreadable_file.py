"""A file cannot be read as text.

## What it checks

Every file the knowledge base reads must be UTF-8 text, no larger than the limit,
and an ordinary file. Under the docs and data folders (and for `kb.yaml`):

- every symbolic link is reported, to a file or a folder, inside or outside the
  repository, pointing nowhere or looping back on itself: links are never
  followed, and a linked folder is not entered;
- a named pipe (FIFO), socket or device is reported and never opened.

A file that fails is not read at all, and nothing from it is published. Files and
folders whose names start with `.` are left out, as MkDocs leaves them out.

## Why

A file saved in another encoding (for example from an old word processor) shows
as garbled text, and a very large file slows every build. A link could publish
something that was never reviewed: a file outside the repository, a host file, or
`.git/config`, which holds CI's credentials after a checkout. Opening a FIFO
waits for ever for something to write to it, so the check would never finish.

## Passing example

A Markdown or YAML file saved as UTF-8 (the default in the GitHub web editor).

## Failing example

A file saved as Windows-1252, with `é` stored as the byte `0xE9`:

```text
docs/briefs/lb-2026-01.md:4: the file is not UTF-8 text (byte 0xE9 on this line)
```

A brief that is a link to a file elsewhere (`ln -s ~/drafts/brief.md docs/briefs/`):

```text
docs/briefs/brief.md:1: this is a symbolic link to a file outside the repository;
links under the docs and data folders are never followed...
```

## Options

None. The size limit is `max_file_mb` in `kb.yaml` (default 5).
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.rules._loader import loader_problems
from checks.rules.base import Context, Options

CODE = "KB001"
NAME = "unreadable-file"
SEVERITY = Severity.ERROR


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    return loader_problems(ctx, CODE)
