"""A setting in kb.yaml would switch off or loosen a safety check; it is ignored.

## What it checks

The anonymisation and page-safety checks (every `ANO` and `SEC` code, including
ones added later), and the checks that report changes to them (CFG003, CFG004,
CHG005), under `rules:` in `kb.yaml`:

- `enabled: false` is ignored: the check still runs;
- a `severity` below the check's own is ignored;
- options may only make a safety check stricter. ANO001's `kinds` and
  `reference_patterns` may add to the defaults but not leave any out (what is
  left out is still looked for); SEC003's limits (`max_quote_depth`,
  `max_indent`, `max_brackets`, `max_html_depth`) may be lowered but not raised
  (a higher value is ignored). An option with no stricter direction keeps its
  default.

Each ignored setting is reported at its line.

## Why

The pull request that adds a child's name or a script to a page could also
switch off the check that would catch it. These checks decide what is withheld
from the published site, so they take from `kb.yaml` only what makes them
stricter, and say so when a setting was ignored.

## Passing example

```yaml
rules:
  ANO001:
    options:
      reference_patterns: ['KSCP-[0-9]{4}']   # added to the defaults
  SEC003:
    options:
      max_quote_depth: 10
```

## Failing example

```yaml
rules:
  ANO001:
    enabled: false
    options:
      kinds: []
  SEC001:
    severity: warning
```

## Options

None.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.loading import CONFIG_FILE
from checks.model.findings import Problem, Severity
from checks.rules.base import Context, Options

CODE = "CFG003"
NAME = "safety-setting-loosened"
SEVERITY = Severity.ERROR


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    from checks.rules import REGISTRY
    from checks.rules.safety import effective, is_protected

    config = ctx.kb.config
    for code, setting in config.rules.items():
        rule = REGISTRY.get(code)
        if rule is None or not is_protected(code):
            continue  # CFG002 reports a code that is not a check
        for ignored in effective(rule, setting).ignored:
            yield Problem(
                CONFIG_FILE,
                config.line_of("rules", code, *ignored.path),
                ignored.message,
                code,
            )
