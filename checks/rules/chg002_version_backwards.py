"""A ToR's version number went down.

## What it checks

Runs only with `kb check --base REV`. A ToR's `version` must never be lower than
it was at the base revision.

## Why

Versions identify what was agreed. A version that goes backwards (3.2 to 3.1)
makes two different texts share a number, and the history no longer says which
one is in force. To return to earlier wording, approve it as a new version.

## Passing example

`version: "3.2"` becomes `"3.3"` or stays `"3.2"`.

## Failing example

`version: "3.2"` becomes `"3.1"`.

## Options

None.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.common import version_key
from checks.model.findings import Problem, Severity
from checks.rules.base import Context, Options

CODE = "CHG002"
NAME = "version-backwards"
SEVERITY = Severity.ERROR


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    if ctx.base is None:
        return
    for gid, new in ctx.kb.tors.items():
        old = ctx.base.tors.get(gid)
        if old is not None and version_key(new.version) < version_key(old.version):
            yield Problem(
                new.source,
                new.line_of("version"),
                f"the version went down from {old.version} to {new.version}; versions only "
                "go up (to restore earlier wording, approve it as a new version)",
                gid,
            )
