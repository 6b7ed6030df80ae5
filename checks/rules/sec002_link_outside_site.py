"""A link or image points outside the site, or at the reader's own files.

## What it checks

Relative links and images in every page must stay inside the docs folder: a
path that climbs above it with `../` is reported, as is a `file:` URL. An
image, video poster, `srcset` or style `url()` that loads from another host
(`https://...` or `//...`) is reported too: links may lead elsewhere, but
nothing on a page may be fetched from elsewhere.

## Why

A link such as `../../../etc/passwd` or `file:///C:/Users/...` never leads
anywhere useful on an intranet, and a contributed link that climbs out of the
site is a common way to probe a server. Links to other hosts (`https://...`) are
fine to follow, but an image fetched from another host tells that host who is
reading which page, and when.

## Passing example

```markdown
[Escalation](../procedures/escalation.md)
```

## Failing example

```markdown
[Policy](../../../../shared/policy.docx)
![Chart](https://charts.example.org/timeliness.png)
```

## Options

None.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.rules.base import Context, Options

CODE = "SEC002"
NAME = "link-outside-site"
SEVERITY = Severity.ERROR

#: What a finding keeps off the site (read by checks.site.build): its page.
WITHHOLDS = frozenset({"page"})

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


#: Something a browser fetches by itself, from a URL with a host.
_REMOTE = re.compile(
    r"!\[[^\]]*\]\(\s*<?\s*((?:[a-z][a-z0-9+.-]*:)?//[^)\s>]*)"
    r"|(?:src|srcset|poster|background|data)\s*=\s*[\"']?\s*((?:[a-z][a-z0-9+.-]*:)?//[^\"'\s>]*)"
    r"|url\(\s*[\"']?\s*((?:[a-z][a-z0-9+.-]*:)?//[^\"')\s]*)",
    re.I,
)


def _remote(ctx: Context) -> Iterator[Problem]:
    for path, doc in ctx.kb.documents.items():
        if "//" not in doc.body:
            continue
        skip = doc.code_lines
        for offset, line in enumerate(doc.body.split("\n")):
            if offset not in skip and _REMOTE.search(line):
                yield Problem(
                    path,
                    doc.body_line + offset,
                    "this line loads an image or other file from another host, which would "
                    "tell that host who reads the page; save the file under docs/ and link "
                    "it relatively (the page is left out of the site until then)",
                    path,
                )


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    yield from _remote(ctx)
    for path, doc in ctx.kb.documents.items():
        if "../" not in doc.body and "file:" not in doc.body.lower():
            continue  # no way out of the site without one of these
        skip = doc.code_lines
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
