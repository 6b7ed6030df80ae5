"""A link or image points outside the site, or at the reader's own files.

## What it checks

Relative links and images in every page must stay inside the docs folder: a
path that climbs above it with `../` is reported, as is a `file:` URL.

## Why

A link such as `../../../etc/passwd` or `file:///C:/Users/...` never leads
anywhere useful on an intranet, and a contributed link that climbs out of the
site is a common way to probe a server. Links to other hosts (`https://...`) are
fine.

## Passing example

```markdown
[Escalation](../procedures/escalation.md)
```

## Failing example

```markdown
[Policy](../../../../shared/policy.docx)
```

## Options

None.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

from checks.findings import Problem, Severity
from checks.rules.base import Context, Options

CODE = "SEC002"
NAME = "link-outside-site"
SEVERITY = Severity.ERROR

_LINK = re.compile(
    r"\]\(\s*<?([^)\s>]+)|^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)|"
    r"(?:href|src)\s*=\s*[\"']?([^\"'\s>]+)",
    re.I,
)


def escapes(page: str, target: str) -> bool:
    """True when ``target``, relative to the docs page ``page``, leaves the docs folder."""
    if re.match(r"file:", target, re.I):
        return True
    if re.match(r"[a-z][a-z0-9+.-]*:|#|//", target, re.I):
        return False
    path = target.split("#")[0].split("?")[0]
    if not path:
        return False
    if path.startswith("/"):
        return False  # site-absolute: MkDocs resolves it against the docs folder
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    return joined == ".." or joined.startswith("../")


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    for path, doc in ctx.kb.documents.items():
        if "../" not in doc.body and "file:" not in doc.body.lower():
            continue  # no way out of the site without one of these
        skip = doc.code_lines()
        page = doc.docs_path
        for offset, line in enumerate(doc.body.split("\n")):
            if offset in skip:
                continue
            for match in _LINK.finditer(line):
                target = next(g for g in match.groups() if g)
                if escapes(page, target):
                    yield Problem(
                        path,
                        doc.body_line + offset,
                        f"the link `{target}` points outside the site; link to a page of the "
                        "site, or to a full https:// address",
                        path,
                    )
