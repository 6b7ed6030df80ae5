"""A YAML file or front matter block is not valid YAML.

## What it checks

That every YAML data file, and the front matter at the top of every Markdown page,
can be read. The finding points at the line to fix and says what usually
causes it: a tab used for indenting, a value containing `: ` that needs quotes,
a line indented under a value, a `{`, `[` or quote that is never closed, a key
written twice, or aliases that would expand without limit.

In a file holding a list (the register, an action plan, a meeting log, the
agencies, the themes), each entry of the list that parses on its own still
loads: only the broken entry is left out, and it is reported at its line with
its `ref`, `id` or `group` as the subject. No other check reports that id as
unknown while it is broken. When the file cannot be read at all, KB008 lists
the checks that could not run because of it.

## Why

A file that cannot be read cannot be checked or published. Saying exactly where
it broke lets someone editing in a web browser fix it without help.

## Passing example

```yaml
summary: "Purpose: to oversee rapid reviews"
```

## Failing example

```yaml
summary: Purpose: to oversee rapid reviews
```

## Options

None.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.rules._loader import loader_problems
from checks.rules.base import Context, Options

CODE = "KB002"
NAME = "yaml-syntax"
SEVERITY = Severity.ERROR


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    return loader_problems(ctx, CODE)
