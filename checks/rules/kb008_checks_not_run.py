"""Checks could not run because a file they need did not load.

## What it checks

Nothing of its own: it reports, once for each file that did not load, the
checks that could not run because of it. A check that needs every record of a
kind (every review in the register, every agency, every theme, every ToR, every
meeting) does not run while a file holding those records cannot be read, and
this finding, at the line of the error in that file, names each such check.

Which records a check needs is part of the check (its `NEEDS`). For example,
ACT004 and BRF003 need the register, REV001 to REV008 check it, TOR010 needs the
agencies in `data/partnership.yaml`, and MTG004 needs every meeting.

When only one entry of a list is broken (one review, one agency, one meeting)
and its `ref`, `id` or `group` can still be read, the rest of the file loads:
the checks run, and none reports that entry's id as unknown. Then there is no
KB008, only the error at the broken entry.

## Why

A file that did not load must not read as "all clear", nor as a flood of false
errors. Without it, one unclosed quote in `data/reviews.yaml` reported every
action plan and brief as naming a review "not in data/reviews.yaml", and every
real finding about the register went missing without a word.

It is a warning, not an error: the error that stopped the file is already
reported (KB001, KB002, KB003 or KB005) and fails the run; this one says what
else is unknown until that is fixed. `--strict` fails on it too, so a run whose
checks could not all run never passes as clean.

## Passing example

Every data file loads.

## Failing example

```yaml
reviews:
  - ref: CSPR-2024-01
    title: "Neglect and missed appointments
```

`data/reviews.yaml` has an unclosed quote (KB002), so KB008 reports at the same
line that ACT004, BRF003, REV001 and the other checks of the register could not
run.

## Options

None. It runs whenever a check of the run could not run, even with `--select`
or `--ignore` leaving it out, or `enabled: false` in `kb.yaml`: a check that did
not run is never silently missing from a report.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.model.knowledge_base import Unloaded
from checks.rules.base import Context, Options

CODE = "KB008"
NAME = "checks-not-run"
SEVERITY = Severity.WARNING


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    by_file: dict[tuple[str, int], list[str]] = {}
    cause: dict[tuple[str, int], Unloaded] = {}
    for code, blockers in sorted(ctx.not_run.items()):
        for unloaded in blockers:
            where = (unloaded.file, unloaded.line)
            cause.setdefault(where, unloaded)
            by_file.setdefault(where, []).append(code)
    for where, codes in sorted(by_file.items()):
        unloaded = cause[where]
        yield Problem(
            unloaded.file,
            unloaded.line,
            f"{unloaded.describe()}, so {len(codes)} "
            f"{'check' if len(codes) == 1 else 'checks'} that need its records could not "
            f"run: {', '.join(codes)}; fix the error reported here and they run again "
            "(nothing they would find is known until then)",
            unloaded.file,
        )
