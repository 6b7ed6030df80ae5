"""A name is published because it is on a list of public names.

## What it checks

Reports, at info level, each place where the anonymisation gate (ANO001) let a
name, place or helpline number through because it is public on purpose, and
which list allowed it:

- the list shipped with the checker (`checks/anonymise/public_names.yaml`):
  children named in national reviews and inquiries ("Victoria Climbié",
  "Arthur Labinjo-Hughes"), the authors of national reviews ("Lord Laming",
  "Josh MacAlister"), national helplines and their numbers ("Childline",
  "NSPCC Helpline, 0808 800 5000");
- the partnership's additions under `public_names` in `kb.yaml`, each with a
  reason (`kb diff` lists every one added as a safety-relevant change);
- the office-holders `data/partnership.yaml` lists under
  `public_office_holders`, named in a ToR, a procedure or a data file. A
  learning brief never names a person: there an office-holder's name is an
  ANO001 error.

The partnership's own name, area and agencies are not reported: they are
named everywhere on purpose.

## Why

An allowance is a deliberate gap in the gate that keeps identifying details
off the site (Working Together to Safeguard Children; the partnership's
anonymisation standard). Briefs rightly cite national reviews and helplines,
but a reviewer must be able to see every name that passed because a list said
so, and judge whether it belongs there: a pull request must never loosen the
gate silently.

## Passing example

```markdown
Child A's teacher did not know who to tell.
```

## Failing example

Reported, at info level, as allowed by the shipped list:

```markdown
The Victoria Climbié Inquiry found that no one had spoken to the child alone.
```

## Options

None. It follows ANO001's options (the kinds looked for, and where a
day-precise date is a finding). Like every `ANO` check it cannot be switched
off in `kb.yaml`.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model.findings import Problem, Severity
from checks.rules import ano001_identifying_detail as ano001
from checks.rules.base import Context, Options

CODE = "ANO002"
NAME = "public-name-allowed"
SEVERITY = Severity.INFO


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    from checks.rules import REGISTRY
    from checks.rules.safety import effective

    applied = effective(REGISTRY[ano001.CODE], ctx.kb.config.rules.get(ano001.CODE)).options
    assert isinstance(applied, ano001.Opts)
    for s in ano001.scan(ctx, applied):
        starts = [i + 1 for i, ch in enumerate(s.text) if ch == "\n"]
        for hit, public in s.used:
            if s.file == public.source:
                continue  # the list itself
            line = s.first_line + sum(1 for at in starts if at <= hit.start)
            shown = "a public name" if s.unpublished else f"“{hit.text}”"
            yield Problem(
                s.file,
                line,
                f"{hit.kind}: {shown} is published because it is {public.described()}; "
                "check that it is the public one",
                s.subject,
                match=hit.text,
            )
