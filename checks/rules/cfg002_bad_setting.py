"""A setting or suppression names an unknown check, or an option is invalid.

## What it checks

- Every code under `rules:` in `kb.yaml`, and every suppression's `code`, is the
  code of a check (see `kb rules`).
- Each check's `options` are ones it accepts.

A suppression that is too broad (no subject, no `match` for a safety check, no
reason, or more than 12 months long) is CFG004.

## Why

A misspelt code silently configures nothing.

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
rules:
  ACT01:
    severity: warning
```

## Options

None.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import ValidationError

from checks.loading import CONFIG_FILE
from checks.model.findings import Problem, Severity
from checks.rules.base import Context, Options
from checks.rules.suppressions import collect

#: What a check code looks like: repeated when it names no check ("ANO009").
#: Anything else a contributor wrote there is not repeated: it may be a name.
_CODE = re.compile(r"[A-Z]{2,4}[0-9]{3}")

CODE = "CFG002"
NAME = "bad-setting"
SEVERITY = Severity.ERROR


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    from checks.rules import REGISTRY

    config = ctx.kb.config
    for code, setting in config.rules.items():
        rule = REGISTRY.get(code)
        if rule is None:
            named = f"`{code}`" if _CODE.fullmatch(code) else "this key"
            yield Problem(
                CONFIG_FILE,
                config.line_of("rules", code),
                f"{named} is not a check code; run `kb rules` to list them",
            )
            continue
        try:
            rule.options.model_validate(setting.options)
        except ValidationError as exc:
            for err in exc.errors(include_url=False):
                where = ".".join(str(p) for p in err["loc"])
                if err["type"] == "extra_forbidden":
                    where = "(an unknown option, its name not repeated)"
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
                f"the suppression names "
                f"{f'`{suppression.code}`' if _CODE.fullmatch(suppression.code) else 'a code'}"
                ", which is not a check code",
            )
