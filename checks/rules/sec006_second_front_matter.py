"""A page's text opens with a second front matter block.

## What it checks

The text straight after a page's front matter (blank lines aside): a line
`---` (or `+++`), then lines of `key: value` (or `key = value`), then a line
`---`, `...` or `+++`. It reads as a second front matter block, but only the
first is read.

## Why

Settings written there are not read: a `status: draft` or a later
`publish_on` in it does not stop the page from being published, and the site
would print the block as text under a rule. Whoever wrote it meant it to count,
so the page is left out of the site until the two blocks are made one.

## Passing example

```markdown
---
title: Contacts
status: draft
---

# Contacts
```

## Failing example

```markdown
---
title: Contacts
---
---
status: draft
---

# Contacts
```

## Options

None.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.rules.base import Context, Options

CODE = "SEC006"
NAME = "second-front-matter"
SEVERITY = Severity.ERROR

#: What a finding keeps off the site (read by checks.site.build): its page.
WITHHOLDS = frozenset({"page"})

#: A second block: ``---`` (or TOML's ``+++``), lines of which at least one is
#: ``key: value`` (or ``key = value``), then ``---``, ``...`` or ``+++``.
_BLOCK = re.compile(
    r"\A(?:[ \t]*\n)*(?P<open>(?:---|\+\+\+)[ \t]*\n)(?:[^\n]*\n){0,50}?"
    r"[ \t]*[A-Za-z_][\w-]*[ \t]*[:=](?:[^\n]*\n){0,50}?(?:---|\.\.\.|\+\+\+)[ \t]*(?:\n|\Z)"
)


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    for path, doc in ctx.kb.documents.items():
        if not doc.body.lstrip().startswith(("---", "+++")):
            continue
        m = _BLOCK.match(doc.body)
        if m is None:
            continue
        yield Problem(
            path,
            doc.body_line + doc.body.count("\n", 0, m.start("open")),
            "a second front matter block follows the first; only the first is read, so "
            "nothing set here counts (a `status: draft` here does not keep the page back); "
            "make the two blocks one (the page is left out of the site until then)",
            path,
        )
