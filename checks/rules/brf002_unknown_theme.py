"""A brief uses a theme that is not in the vocabulary.

## What it checks

Each of a brief's `themes` must be an id in `data/themes.yaml`.

## Why

Practitioners browse briefs by theme. A theme spelt two ways splits the learning
in two, and one half is never found. The vocabulary is the allow list; add a
new theme there deliberately.

## Passing example

```yaml
themes: [neglect, professional-curiosity]
```

## Failing example

```yaml
themes: [neglect, curiosity]
```

## Options

None.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.rules.base import Context, Options

CODE = "BRF002"
NAME = "brief-unknown-theme"
SEVERITY = Severity.ERROR
NEEDS = ("themes",)


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    known = sorted(ctx.kb.themes)
    if not known:
        return
    for brief in ctx.kb.briefs.values():
        for i, theme in enumerate(brief.themes):
            if theme not in ctx.kb.themes and not ctx.kb.lost("themes", theme):
                guess = difflib.get_close_matches(theme, known, n=1)
                hint = f"did you mean `{guess[0]}`? " if guess else ""
                yield Problem(
                    brief.source,
                    brief.line_of("themes", i),
                    f"the theme `{theme}` is not in data/themes.yaml; {hint}"
                    "use a theme from the vocabulary, or add it there",
                    brief.id,
                )
