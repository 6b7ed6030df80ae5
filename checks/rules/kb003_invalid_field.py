"""A field is missing, unknown, or holds a value that is not accepted.

## What it checks

Every record (a ToR, brief, procedure, review, action, meeting, agency or theme)
against the model: required fields are present, unknown keys are rejected, dates
are real dates written `YYYY-MM-DD`, and values come from the accepted lists. An
unknown key gets a "did you mean" suggestion.

## Why

A typo such as `next_reveiw:` would otherwise be silently ignored, and the ToR
would look as if it had no review date. UK-style dates such as `31/12/2024` are
ambiguous to software, so the message shows how to write them.

## Passing example

```yaml
next_review: 2027-03-31
```

## Failing example

```yaml
next_reveiw: 31/03/2027
```

```text
unknown field `next_reveiw`; did you mean `next_review`?
```

## Options

None. A record with this finding is left out of the checks and the site until it
is fixed; the rest of its file is still used.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.rules._loader import loader_problems
from checks.rules.base import Context, Options

CODE = "KB003"
NAME = "invalid-field"
SEVERITY = Severity.ERROR


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    return loader_problems(ctx, CODE)
