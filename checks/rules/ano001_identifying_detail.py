"""Published text contains a detail that could identify a child, family or practitioner.

## What it checks

Everything that is published (the text and titles of briefs, ToRs and
procedures, the review register's titles and notes, and every action's text)
for identifying details, each reported at its line with its kind:

| kind | how it is found |
|---|---|
| `nhs-number` | ten digits that pass the NHS mod-11 check digit (python-stdnum) |
| `ni-number` | National Insurance numbers in their allocated formats |
| `postcode` | UK postcodes |
| `phone` | numbers the `phonenumbers` library recognises as valid UK or international numbers |
| `email` | email addresses, except the partnership's `role_mailboxes` |
| `birth-or-death-date` | a date next to "born", "DOB", "date of birth", "died" and similar |
| `case-reference` | case or crime reference numbers, in the forms set in the options |
| `address` | a house or flat number, a street name and a street word (Road, Close...) |
| `name` | a given name (from Faker's published name lists) followed by a capitalised word |
| `school` | a school, college or nursery by name, unless it is a partner agency |
| `deny-list` | a name or place on the partnership's private deny list (`kb sensitive add TERM`) |

Pseudonyms such as "Child A", "Mother B" and "Family F" are allowed.

## Why

Published material must not identify a child, a family member or a
practitioner (Working Together to Safeguard Children; the partnership's own
anonymisation standard). A single name, postcode or date of birth in a learning
brief can identify a family in a small area.

## Passing example

```markdown
Child A, aged four, was not brought to eleven health appointments.
```

## Failing example

```markdown
Jessica Smith (DOB 03/03/2019) of 14 Carter Road, KT1 2AB, was not brought...
```

## Options

- `reference_patterns`: regular expressions for the partnership's case and crime
  reference numbers. Default: police crime references such as `44/123456/25`,
  and `CR`, `CP`, `LAC` or `CIN` followed by five or more digits.
- `kinds`: which kinds to look for (default: all).

A false positive is suppressed for that one occurrence with a suppression that
names the code, the subject, the `match` (the text found) and a reason.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from functools import cached_property, partial
from typing import Any

from pydantic import ConfigDict

from checks.anonymise.denylist import load_deny_list
from checks.anonymise.detectors import Detector, Hit, either
from checks.findings import Problem, Severity
from checks.rules.base import Context, Options
from checks.site.visibility import brief_is_public

CODE = "ANO001"
NAME = "identifying-detail"
SEVERITY = Severity.ERROR

KINDS = (
    "nhs-number",
    "ni-number",
    "postcode",
    "phone",
    "email",
    "birth-or-death-date",
    "case-reference",
    "address",
    "name",
    "school",
    "deny-list",
)


class Opts(Options):
    model_config = ConfigDict(extra="forbid", frozen=True, ignored_types=(cached_property,))

    reference_patterns: tuple[str, ...] = (
        r"\b\d{2}/\d{5,7}/\d{2}\b",
        r"\b(?:CR|CP|LAC|CIN)[-/ ]?\d{5,}\b",
    )
    kinds: tuple[str, ...] = KINDS


Where = Callable[[], int]  # the first line of a text, worked out only when needed


def _at(line: int) -> Where:
    return lambda: line


def _texts(ctx: Context) -> Iterator[tuple[str, Where, str, str]]:
    """(file, first line, text, subject) for everything that is, or will be, published.

    The line comes as a function: working it out for each of 10,000 actions
    costs more than scanning their text, and most text has nothing to report.
    """
    kb = ctx.kb
    records: dict[str, Any] = kb.records_by_source()
    for path, doc in kb.documents.items():
        record = records.get(path)
        subject = getattr(record, "id", path) if record is not None else path
        yield path, _at(doc.body_line), doc.body, subject
        if record is None:
            continue
        for field in ("title", "summary"):
            value = getattr(record, field, None)
            if isinstance(value, str):
                yield path, partial(record.line_of, field), value, subject
        for i, seat in enumerate(getattr(record, "members", ())):
            for field in ("role", "deputy"):
                value = getattr(seat, field)
                if value:
                    yield path, partial(record.line_of, "members", i, field), value, subject
    for review in kb.reviews.values():
        for field in ("title", "notes"):
            value = getattr(review, field)
            if value:
                yield review.source, partial(review.line_of, field), value, review.ref
    for plan in kb.plans:
        source = plan.source
        for action in plan.actions:
            subject = f"{plan.review}/{action.id}"
            for field in ("recommendation", "action", "evidence", "impact", "reason"):
                value = getattr(action, field)
                if value:
                    yield source, partial(action.line_of, field), value, subject
            for j, change in enumerate(action.due_changes):
                where = partial(action.line_of, "due_changes", j, "reason")
                yield source, where, change.reason, subject


def _finder(ctx: Context, options: Opts) -> Callable[[str], list[Hit]]:
    """``Detector.find`` with the partnership's settings, memoised in the cache.

    The detectors are a pure function of the text and these settings, and they
    are most of the time this check takes, so an unchanged text is not scanned
    twice. The memo's name holds the settings, so changing one starts afresh.
    """
    kb = ctx.kb
    mailboxes = kb.partnership.role_mailboxes if kb.partnership else []
    detector = Detector(
        allowed_emails=frozenset(m.lower() for m in mailboxes),
        allowed_schools=frozenset(a.name.lower() for a in kb.agencies.values()),
        references=either([re.compile(p) for p in options.reference_patterns]),
        deny=load_deny_list(kb.root / kb.config.data_dir),
    )
    if kb.cache is None:
        return detector.find
    memo = kb.cache.memo(f"ANO001 {detector.settings()}")
    return lambda text: memo.recall(text, partial(detector.find, text))


def check(ctx: Context, options: Opts) -> Iterator[Problem]:
    kb = ctx.kb
    find = _finder(ctx, options)
    wanted = set(options.kinds)
    # Findings in a draft or embargoed brief name the kind, never the text: a
    # report must not carry unpublished content.
    unpublished = {b.source for b in kb.briefs.values() if not brief_is_public(b, ctx.today)}
    for file, where, text, subject in _texts(ctx):
        hits = [h for h in find(text) if h.kind in wanted]
        if not hits:
            continue
        first_line = where()
        starts = [m.end() for m in re.finditer("\n", text)]
        for hit in hits:
            line = first_line + bisect.bisect_right(starts, hit.start)
            quiet = hit.kind == "deny-list" or file in unpublished
            shown = "this text" if quiet else f"“{hit.text}”"
            yield Problem(
                file,
                line,
                f"{hit.kind}: {shown} could identify someone; replace it with a pseudonym or "
                "a general description, or suppress this one occurrence with a reason",
                subject,
                match=hit.text,
            )
