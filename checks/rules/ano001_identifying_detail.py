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
  reference numbers, in RE2 syntax (no lookaround or backreferences; see
  CFG002). Default: police crime references such as `44/123456/25`,
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
from checks.anonymise.detectors import Detector, Hit
from checks.anonymise.normalise import needs_normalising, normalise
from checks.anonymise.static_files import static_texts
from checks.findings import Problem, Severity
from checks.patterns import UserPattern, any_of
from checks.rules.base import Context, Options
from checks.site.visibility import brief_is_public
from checks.yamlsource import LineDict, LineList

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

    # Run by RE2, in time linear in the text: the patterns come from kb.yaml.
    reference_patterns: tuple[UserPattern, ...] = (
        r"\b\d{2}/\d{5,7}/\d{2}\b",
        r"\b(?:CR|CP|LAC|CIN)[-/ ]?\d{5,}\b",
    )
    kinds: tuple[str, ...] = KINDS


#: One record's texts: (file, subject, [(first line, text), ...]).
Texts = tuple[str, str, list[tuple[int, str]]]

#: Keys whose values no page shows: a suppression's ``match`` is the very text it
#: lets through, so reading it would report what it suppresses.
_NOT_SHOWN = frozenset({"suppress"})


def _strings(value: Any, line: int, out: list[tuple[int, str]], leave_out: str = "") -> None:
    """Add every text in a value parsed from YAML to ``out``, with the line it
    starts on (``leave_out``: a top-level key read record by record).

    Every value is read, not only the fields a page is known to show today: a
    template, a later page or a theme can print any of them. A number is read as
    its digits (an NHS number written without quotes is an int). Written as one
    loop over a mapping's values, not a generator per value: at 50,000 actions
    the generators cost more than the detectors.
    """
    if isinstance(value, str):
        if value:
            # A value holding a line break is a block (``|`` or ``>``): it starts
            # on the line after its key.
            out.append((line + 1 if "\n" in value else line, value))
    elif isinstance(value, LineDict):
        lines, own = value.key_lines, value.line
        for key, item in value.items():
            if key in _NOT_SHOWN or key == leave_out:
                continue
            if type(item) is str:
                if item:
                    at = lines.get(key, own)
                    out.append((at + 1 if "\n" in item else at, item))
            elif item is not None:
                _strings(item, lines.get(key, own), out)
    elif isinstance(value, LineList):
        items = value.item_lines
        for i, item in enumerate(value):
            _strings(item, items[i] if i < len(items) else value.line, out)
    elif isinstance(value, int) and not isinstance(value, bool):
        out.append((line, str(value)))
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in _NOT_SHOWN:
                _strings(item, line, out)
    elif isinstance(value, list):
        for item in value:
            _strings(item, line, out)


def _record(file: str, subject: str, raw: Any, leave_out: str = "") -> Texts:
    out: list[tuple[int, str]] = []
    _strings(raw, 1, out, leave_out)
    return file, subject, out


def _texts(ctx: Context) -> Iterator[Texts]:
    """Everything that is, or will be, published, record by record: the pages'
    text and front matter, every value of the data files that pages and the
    calendar are built from, and the docs folder's other text files."""
    kb = ctx.kb
    records: dict[str, Any] = kb.records_by_source()
    for path, doc in kb.documents.items():
        record = records.get(path)
        subject = getattr(record, "id", path) if record is not None else path
        _, _, texts = _record(path, subject, record.raw if record is not None else doc.front)
        yield path, subject, [(doc.body_line, doc.body), *texts]
    partnership = kb.partnership
    if partnership is not None:
        yield _record(partnership.source, "partnership", partnership.raw, "agencies")
    for agency in kb.agencies.values():
        yield _record(agency.source, agency.id, agency.raw)
    for theme in kb.themes.values():
        yield _record(theme.source, theme.id, theme.raw)
    for review in kb.reviews.values():
        yield _record(review.source, review.ref, review.raw)
    for plan in kb.plans:
        yield _record(plan.source, plan.review, plan.raw, "actions")
        for action in plan.actions:
            yield _record(plan.source, f"{plan.review}/{action.id}", action.raw)
    for meeting in kb.meetings:
        yield _record(meeting.source, f"{meeting.group}@{meeting.date}", meeting.raw)
    for path, text in static_texts(kb):
        yield path, path, [(1, text)]


Found = list[tuple[Hit, str]]  # each hit in the text as written, and the text as read


def _finder(ctx: Context, options: Opts) -> Callable[[str], Found]:
    """``Detector.find`` with the partnership's settings, memoised in the cache,
    reading each text as it is shown (see checks.anonymise.normalise).

    The detectors are a pure function of the text and these settings, and they
    are most of the time this check takes, so an unchanged text is not scanned
    twice. The memo's name holds the settings, so changing one starts afresh.
    Many values recur (statuses, dates, roles): each is scanned once a run.
    """
    kb = ctx.kb
    mailboxes = kb.partnership.role_mailboxes if kb.partnership else []
    detector = Detector(
        allowed_emails=frozenset(m.lower() for m in mailboxes),
        allowed_schools=frozenset(a.name.lower() for a in kb.agencies.values()),
        references=any_of(options.reference_patterns),
        deny=load_deny_list(kb.root / kb.config.data_dir),
    )
    scan: Callable[[str], list[Hit]] = detector.find
    if kb.cache is not None:
        memo = kb.cache.memo(f"ANO001 {detector.settings()}")
        scan = lambda text: memo.recall(text, partial(detector.find, text))  # noqa: E731
    seen: dict[str, Found] = {}

    def find(text: str) -> Found:
        found = seen.get(text)
        if found is None:
            if needs_normalising(text):
                read = normalise(text)
                found = []
                for hit in scan(read.text):
                    start, end = read.span(hit.start, hit.end)
                    found.append((Hit(hit.kind, start, end, text[start:end]), hit.text))
            else:
                found = [(hit, hit.text) for hit in scan(text)]
            seen[text] = found
        return found

    return find


def check(ctx: Context, options: Opts) -> Iterator[Problem]:
    kb = ctx.kb
    find = _finder(ctx, options)
    wanted = set(options.kinds)
    # Findings in a draft or embargoed brief name the kind, never the text: a
    # report must not carry unpublished content.
    unpublished = {b.source for b in kb.briefs.values() if not brief_is_public(b, ctx.today)}
    for file, subject, texts in _texts(ctx):
        for first_line, text in texts:
            found = find(text)
            if not found:
                continue
            hits = [(h, read) for h, read in found if h.kind in wanted]
            if not hits:
                continue
            starts = [m.end() for m in re.finditer("\n", text)]
            for hit, read in hits:
                line = first_line + bisect.bisect_right(starts, hit.start)
                quiet = hit.kind == "deny-list" or file in unpublished
                shown = "this text" if quiet else f"“{hit.text}”"
                if not quiet and read != hit.text:
                    shown += f" (which reads as “{read}”)"
                yield Problem(
                    file,
                    line,
                    f"{hit.kind}: {shown} could identify someone; replace it with a pseudonym "
                    "or a general description, or suppress this one occurrence with a reason",
                    subject,
                    match=hit.text,
                )
