"""A ToR's version history is out of order, or does not end at its version.

## What it checks

- History entries are listed oldest first, with versions and dates both rising.
- For an approved ToR, the current `version` is the latest history entry, and
  that entry's date is the `approved_on` date.

## Why

Document control is how a reader knows which version is in force and who agreed
it. A history that skips or reorders versions, or a version number that was
changed without an entry, breaks the audit trail inspectors rely on.

## Passing example

```yaml
version: "2.1"
approved_on: 2026-03-10
history:
  - {version: "2.0", date: 2025-03-12, approved_by: executive, summary: Annual review}
  - {version: "2.1", date: 2026-03-10, approved_by: executive, summary: New quorum}
```

## Failing example

```yaml
version: "2.2"
history:
  - {version: "2.1", date: 2026-03-10, approved_by: executive, summary: New quorum}
  - {version: "2.0", date: 2025-03-12, approved_by: executive, summary: Annual review}
```

## Options

None.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.common import version_key
from checks.model.findings import Problem, Severity
from checks.rules.base import Context, Options

CODE = "TOR008"
NAME = "tor-version-history"
SEVERITY = Severity.ERROR


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    for tor in ctx.kb.tors.values():
        history = tor.history
        for i in range(1, len(history)):
            before, entry = history[i - 1], history[i]
            if version_key(entry.version) <= version_key(before.version):
                yield Problem(
                    tor.source,
                    tor.line_of("history", i, "version"),
                    f"history version {entry.version} comes after {before.version}; "
                    "list versions oldest first, each higher than the one before",
                    tor.id,
                )
            elif entry.date < before.date:
                yield Problem(
                    tor.source,
                    tor.line_of("history", i, "date"),
                    f"history version {entry.version} is dated {entry.date}, before version "
                    f"{before.version} ({before.date}); check the dates",
                    tor.id,
                )
        if tor.status != "approved":
            continue
        latest = tor.latest_history()
        if latest is None:
            yield Problem(
                tor.source,
                tor.line_of("version"),
                f"the ToR is approved at version {tor.version} but has no `history`; add an "
                "entry with the version, date, approver and a summary",
                tor.id,
            )
        elif latest.version != tor.version:
            yield Problem(
                tor.source,
                tor.line_of("version"),
                f"the ToR is at version {tor.version} but the latest history entry is "
                f"{latest.version}; add a history entry for {tor.version}",
                tor.id,
            )
        elif tor.approved_on is not None and latest.date != tor.approved_on:
            yield Problem(
                tor.source,
                tor.line_of("approved_on"),
                f"approved_on is {tor.approved_on} but the history says version "
                f"{latest.version} was approved on {latest.date}",
                tor.id,
            )
