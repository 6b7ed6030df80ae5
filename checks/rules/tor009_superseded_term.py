"""A current document cites a body or guidance that has been replaced.

## What it checks

The text of every ToR that is not superseded, and of every procedure, for the
names of bodies and guidance that have been replaced; and, in a ToR, the values
of its front matter that people read (title, purpose, the roles of the chair and
members, deputies, invited members, the reporting line, history summaries). Each
one is reported at the line where it appears, with what to write instead.

| outdated | use instead | since |
|---|---|---|
| LSCB Regulations 2006 | the CSPR and Relevant Agency (England) Regulations 2018 | 2018 |
| Local Safeguarding Children Board (LSCB) | the safeguarding partnership | 29 September 2019 |
| serious case review (SCR) | child safeguarding practice review (LCSPR) | 2018–2019 |
| Working Together 2010/2013/2015/2018 | Working Together 2023 | December 2023 |
| clinical commissioning group (CCG) | integrated care board (ICB) | 1 July 2022 |
| domestic homicide review (DHR) | domestic abuse related death review (DARDR) | 2024 |
| National Probation Service, CRC | the Probation Service | June 2021 |

## Why

Terms of reference outlive the law they cite. A ToR that still describes serious
case reviews or a CCG seat tells members to follow rules that no longer apply,
and tells an inspector nobody has read it closely since.

## Passing example

```markdown
The group commissions local child safeguarding practice reviews.
```

## Failing example

```markdown
The group commissions serious case reviews on behalf of the LSCB.
```

## Options

- `terms`: a list of `{pattern, use_instead, since}` (regular expressions in
  RE2 syntax, matched case-sensitively; a pattern RE2 cannot compile is a
  CFG002 finding) replacing the default table above.
- `include_procedures` (default `true`): also scan procedure pages.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from typing import Any

from pydantic import BaseModel, ConfigDict

from checks.model.findings import Problem, Severity
from checks.model.patterns import UserPattern, compile_pattern
from checks.model.tor import TermsOfReference
from checks.rules.base import Context, Options

CODE = "TOR009"
NAME = "tor-superseded-term"
SEVERITY = Severity.WARNING


class Term(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    # Run by RE2, in time linear in the text: the patterns come from kb.yaml.
    pattern: UserPattern
    use_instead: str
    since: str


_I = "(?i:{})"  # a case-insensitive phrase; acronyms stay case-sensitive

DEFAULT_TERMS: tuple[Term, ...] = (
    # Before the LSCB itself, so that the regulations get their own advice.
    Term(
        pattern=_I.format(
            r"\b(?:Local Safeguarding Children'?s? Boards?|LSCBs?) \(?(?:England\) )?"
            r"Regulations(?: 2006)?\b"
        ),
        use_instead="the Child Safeguarding Practice Review and Relevant Agency (England) "
        "Regulations 2018",
        since="2018",
    ),
    Term(
        pattern=_I.format(r"\bLocal Safeguarding Children'?s? Boards?\b") + r"|\bLSCBs?\b",
        use_instead="the safeguarding partnership (Children and Social Work Act 2017)",
        since="29 September 2019",
    ),
    Term(
        pattern=_I.format(r"\bserious case reviews?\b") + r"|\bSCRs?\b",
        use_instead="child safeguarding practice review (LCSPR)",
        since="2018–2019",
    ),
    Term(
        pattern=r"\bWorking Together(?: to Safeguard Children)?,? \(?(?:2010|2013|2015|2018)\b",
        use_instead="Working Together to Safeguard Children 2023",
        since="December 2023",
    ),
    Term(
        pattern=_I.format(r"\bclinical commissioning groups?\b") + r"|\bCCGs?\b",
        use_instead="integrated care board (ICB)",
        since="1 July 2022",
    ),
    Term(
        pattern=_I.format(r"\bdomestic homicide reviews?\b") + r"|\bDHRs?\b",
        use_instead="domestic abuse related death review (DARDR)",
        since="the Victims and Prisoners Act 2024",
    ),
    Term(
        pattern=r"\bNational Probation Service\b|\bCommunity Rehabilitation Compan(?:y|ies)\b"
        r"|\bCRCs?\b",
        use_instead="the Probation Service",
        since="June 2021",
    ),
)


class Opts(Options):
    model_config = ConfigDict(extra="forbid", frozen=True, ignored_types=(cached_property,))

    terms: tuple[Term, ...] = DEFAULT_TERMS
    include_procedures: bool = True

    @cached_property
    def compiled(self) -> list[tuple[Any, Term]]:
        return [(compile_pattern(t.pattern), t) for t in self.terms]


def _front_matter_texts(tor: TermsOfReference) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """(path, text) for each front-matter value of a ToR that people read."""
    for key in ("title", "short_name", "purpose", "invited", "deputy_rule", "reporting_line"):
        value = getattr(tor, key)
        if isinstance(value, str):
            yield (key,), value
    for key in ("chair", "co_chair", "vice_chair"):
        seat = getattr(tor, key)
        if seat is not None:
            yield (key, "role"), seat.role
    for i, member in enumerate(tor.members):
        yield ("members", i, "role"), member.role
        if member.deputy:
            yield ("members", i, "deputy"), member.deputy
    for i, entry in enumerate(tor.history):
        yield ("history", i, "summary"), entry.summary


def _matches(present: list[tuple[Any, Term]], text: str) -> Iterator[tuple[str, Term]]:
    """Each outdated term in ``text``; a match inside an earlier term's match
    (the LSCB within "LSCB Regulations") is left to that term."""
    taken: list[tuple[int, int]] = []
    for pattern, term in present:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(a <= start and end <= b for a, b in taken):
                continue
            taken.append((start, end))
            yield match.group(0), term


def _message(found: str, term: Term) -> str:
    return (
        f"“{found}” has been replaced by {term.use_instead} (since {term.since}); "
        "update the wording"
    )


def check(ctx: Context, options: Opts) -> Iterator[Problem]:
    kb = ctx.kb
    for tor in kb.tors.values():
        if tor.status == "superseded":
            continue
        for path, text in _front_matter_texts(tor):
            for found, term in _matches(options.compiled, text):
                yield Problem(tor.source, tor.line_of(*path), _message(found, term), tor.id)
    targets: list[tuple[str, str]] = [
        (tor.source, tor.id) for tor in kb.tors.values() if tor.status != "superseded"
    ]
    if options.include_procedures:
        targets += [(path, path) for path in kb.procedures]
    for source, subject in targets:
        doc = kb.document_of(source)
        if doc is None:
            continue
        # Search the whole page once per term; only terms that occur are then
        # looked for line by line (most pages have none).
        present = [(p, t) for p, t in options.compiled if p.search(doc.body)]
        if not present:
            continue
        for line, text in doc.body_lines():
            for found, term in _matches(present, text):
                yield Problem(source, line, _message(found, term), subject)
