"""A setting or suppression names an unknown check, or is too broad.

## What it checks

- Every code under `rules:` in `kb.yaml`, and every suppression's `code`, is the
  code of a check (see `kb rules`).
- Every suppression in `kb.yaml` names the `subject` it applies to (the id of
  the ToR, brief, review, action or meeting).
- Each check's `options` are ones it accepts.

## Why

A misspelt code silently configures nothing, and a suppression without a
subject would hide a check's findings everywhere.

## Passing example

```yaml
suppressions:
  - code: ACT001
    subject: CSPR-2024-02/A03
    reason: Awaiting the new ICB contract; agreed by the executive on 2026-10-02
    until: 2027-01-31
```

## Failing example

```yaml
suppressions:
  - code: ACT01
    reason: too noisy
    until: 2027-01-31
```

## Options

None.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import ValidationError

from checks.findings import Problem, Severity
from checks.loading import CONFIG_FILE
from checks.rules.base import Context, Options
from checks.suppressions import collect

CODE = "CFG002"
NAME = "bad-setting"
SEVERITY = Severity.ERROR


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    from checks.rules import REGISTRY

    config = ctx.kb.config
    for code, setting in config.rules.items():
        rule = REGISTRY.get(code)
        if rule is None:
            yield Problem(
                CONFIG_FILE,
                config.line_of("rules", code),
                f"`{code}` is not a check code; run `kb rules` to list them",
            )
            continue
        try:
            rule.options.model_validate(setting.options)
        except ValidationError as exc:
            for err in exc.errors(include_url=False):
                where = ".".join(str(p) for p in err["loc"])
                yield Problem(
                    CONFIG_FILE,
                    config.line_of("rules", code, "options", *err["loc"]),
                    f"option `{where}` of {code}: {err['msg']}",
                )
    for granted in collect(ctx.kb):
        suppression = granted.rule
        if suppression.code not in REGISTRY:
            yield Problem(
                granted.source,
                suppression.line_of("code"),
                f"the suppression names `{suppression.code}`, which is not a check code",
            )
        if granted.source == CONFIG_FILE and granted.subject is None:
            yield Problem(
                granted.source,
                suppression.line_of(),
                f"the suppression of {suppression.code} has no `subject`, so it would hide "
                "every finding of that check; name the id it applies to",
            )
