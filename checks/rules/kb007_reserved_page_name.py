"""A page would take the place of another page.

## What it checks

- A Markdown file in `docs/` must not have the name of a page the site
  generates (`register.md`, `actions.md`, `compliance.md`, `groups.md`,
  `calendar.ics`, the brief listings and the rule reference).
- A folder must not hold both `index.md` and `README.md`, which become the same
  page.
- Two files whose names differ only in letter case become the same page on
  some servers.

## Why

One of the two pages would silently replace the other, and a contributed page
could stand in for the compliance dashboard or the register.

## Passing example

`docs/register-guidance.md`

## Failing example

`docs/register.md`

## Options

None.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from checks.loading.files import named_in_utf8
from checks.model.findings import Problem, Severity
from checks.rules.base import Context, Options
from checks.rules.reserved import RESERVED_PAGES

CODE = "KB007"
NAME = "reserved-page-name"
SEVERITY = Severity.ERROR

#: What a finding keeps off the site (read by checks.site.build): its page.
WITHHOLDS = frozenset({"page"})


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    docs = ctx.kb.root / ctx.kb.config.docs_dir
    if not docs.is_dir():
        return
    prefix = ctx.kb.config.docs_dir.rstrip("/") + "/"
    files = sorted(_files_under(docs))
    folded: dict[str, list[str]] = defaultdict(list)
    for rel in files:
        if (
            rel in RESERVED_PAGES
            or (rel.startswith("rules/") and rel.endswith(".md"))
            or (rel.startswith("tor/") and rel.count("/") == 2 and "/v" in rel)
        ):
            yield Problem(
                prefix + rel,
                1,
                f"`{rel}` is the name of a page the site generates; rename this file",
                prefix + rel,
            )
        folded[rel.lower()].append(rel)
        if rel.endswith("/README.md") or rel == "README.md":
            index = rel[: -len("README.md")] + "index.md"
            if index in files:
                yield Problem(
                    prefix + rel,
                    1,
                    f"`{rel}` and `{index}` would both become the same page; keep one",
                    prefix + rel,
                )
    for names in folded.values():
        for extra in names[1:]:
            yield Problem(
                prefix + extra,
                1,
                f"`{extra}` differs from `{names[0]}` only in letter case; on some servers "
                "they are the same page",
                prefix + extra,
            )


def _files_under(folder: Path) -> Iterator[str]:
    """Every file's path under ``folder``, relative to it, with `/` separators.

    os.walk rather than Path.rglob: it learns which entries are folders from the
    directory listing itself, where rglob plus is_file stats every file (ten
    times slower on a knowledge base with a thousand briefs).
    """
    for dirpath, _dirnames, filenames in os.walk(folder):
        rel = os.path.relpath(dirpath, folder)
        prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
        # A name that is not UTF-8 is refused (KB001) and never published.
        yield from (prefix + name for name in filenames if named_in_utf8(name))
