"""The change touches what keeps the site safe; review it first.

## What it checks

Runs only with `kb check --base REV`. One warning for each change that could
weaken what is checked or withheld:

- a change to the settings of a safety check (every `ANO` and `SEC` code, and
  CFG003, CFG004, CHG005) under `rules:` in `kb.yaml`, saying when it would
  loosen one (such settings are ignored: CFG003);
- `docs_dir` or `data_dir` moved in `kb.yaml`;
- a name added to, or changed in, the list of public names under
  `public_names` in `kb.yaml` (ANO001 lets each through; ANO002 reports each
  use), or a public office-holder added to `data/partnership.yaml`;
- a suppression added, changed or removed, in `kb.yaml` or in a page's front
  matter;
- a changed `mkdocs.yml`, `hooks/`, `kb.yaml`, theme overrides (the
  `custom_dir` that `mkdocs.yml` names, and `overrides/`), the deny list
  (`data/sensitive.yaml`), `.github/`, `.gitlab-ci.yml`, `pyproject.toml` or
  `checks/`.

`kb diff` lists the same changes first, under "Safety-relevant changes — review
these first".

## Why

The pull request that adds identifying or unsafe content could also change the
settings, suppressions, hooks, templates or CI that keep it off the site. Those
changes are legitimate sometimes, but a reviewer must see them before approving,
not find them among the content.

## Passing example

A pull request that changes a learning brief and nothing else.

## Failing example

A pull request that adds to `kb.yaml`:

```yaml
suppressions:
  - code: ACT001
    subject: CSPR-2026-01/A02
    reason: Agreed extension
    until: 2027-01-31
```

## Options

None.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from checks.loading import CONFIG_FILE
from checks.model.findings import Problem, Severity
from checks.rules.base import Context, Options

CODE = "CHG005"
NAME = "safety-relevant-change"
SEVERITY = Severity.WARNING


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    from checks.changes.safety import safety_changes
    from checks.loading.git_base import Changed, GitError, changed_files, repo_root

    if ctx.base is None:
        return
    changed: Sequence[Changed] = ()
    under = ""
    if ctx.base_rev is not None:
        try:
            root = repo_root(ctx.kb.root)
            under = ctx.kb.root.resolve().relative_to(root.resolve()).as_posix()
            changed = changed_files(root, ctx.base_rev)
        except (GitError, ValueError) as exc:
            yield Problem(
                CONFIG_FILE,
                1,
                f"could not list the files changed since {ctx.base_rev} ({exc}); "
                "compare mkdocs.yml, hooks/, the theme, CI and checks/ by hand",
            )
    for change in safety_changes(ctx.base, ctx.kb, changed, under):
        yield Problem(change.file, change.line, change.what, change.file)
