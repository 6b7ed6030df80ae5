"""A plain page's front matter has a key the site does not use.

## What it checks

The front matter of a page that is not a ToR, a brief or a procedure (those
have fields of their own, checked by KB003). Such a page may set `title`,
`description`, `hide` and `search`, which the theme shows or uses, and
`status`, `draft` and `publish_on`, which decide whether it is published. Any
other key is reported: the site leaves it out.

## Why

The theme prints front-matter values into its templates without escaping them,
and some keys change what it does (`template` chooses another page layout,
`redirect`-style keys send readers elsewhere). The site therefore passes only
the keys above, as plain text; reporting the rest means nothing a contributor
wrote is dropped without a word.

## Passing example

```markdown
---
title: Contacts
description: Who to call in each agency
---
```

## Failing example

```markdown
---
title: Contacts
template: redirect.html
author: The business unit
---
```

## Options

None.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.model.publication import PAGE_KEYS
from checks.model.quoting import key_shown
from checks.model.yaml_source import LineDict
from checks.rules.base import Context, Options

#: Keys MkDocs, Material and common plugins read, which the site does not: named
#: when met, so the author sees which one is left out.
_THEIRS = (
    "template tags icon subtitle authors date comments social robots redirect "
    "nav_title edit_url render_macros pagetitle slug categories links readtime".split()
)

CODE = "SEC005"
NAME = "ignored-front-matter"
SEVERITY = Severity.WARNING


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    for path, doc in ctx.kb.documents.items():
        if doc.kind != "page" or not isinstance(doc.front, dict):
            continue
        for key in doc.front:
            if key not in PAGE_KEYS:
                line = doc.front.key_lines.get(key, 1) if isinstance(doc.front, LineDict) else 1
                named = key_shown(key, [*PAGE_KEYS, *_THEIRS])
                yield Problem(
                    path,
                    line,
                    f"the site does not use {f'`{named}`' if named else 'this key'} in a page's "
                    "front matter, so it is left out; "
                    "a page may set title, description, hide, search, status, draft and "
                    "publish_on",
                    path,
                )
