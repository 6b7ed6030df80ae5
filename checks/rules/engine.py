"""Run the checks over a loaded knowledge base and collect the findings."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from checks.model.findings import Counts, Finding, Severity
from checks.model.knowledge_base import KnowledgeBase
from checks.rules import REGISTRY, Context, Rule
from checks.rules.redaction import redact, withhold_flagged_names
from checks.rules.safety import effective
from checks.rules.suppressions import Granted, in_force
from checks.rules.unvetted import Unvetted


@dataclass(frozen=True, slots=True)
class Result:
    """Everything one run found, sorted by file and line."""

    findings: list[Finding]
    today: date
    files_read: int
    suppressed: int = 0
    rules_run: list[str] = field(default_factory=list)
    #: The subjects of the findings that withhold text (see :func:`withholding`),
    #: as the records name them: the findings above show them redacted or masked.
    text_withheld: frozenset[str] = frozenset()

    @property
    def counts(self) -> Counts:
        return Counts.of(self.findings)

    def failed(self, strict: bool = False) -> bool:
        c = self.counts
        return c.errors > 0 or (strict and c.warnings > 0)


def withholding(what: str) -> frozenset[str]:
    """The codes of the checks whose findings withhold ``what`` from the site:
    ``"page"`` (the finding's page is not published) or ``"text"`` (the finding's
    subject is shown by its id on generated pages). Each check declares it in
    its module (``WITHHOLDS``)."""
    return frozenset(
        code
        for code, rule in REGISTRY.items()
        if what in getattr(sys.modules[rule.module], "WITHHOLDS", ())
    )


def _matches(code: str, prefixes: Sequence[str]) -> bool:
    return any(code.startswith(p) for p in prefixes)


def selected_rules(
    select: Sequence[str] = (), ignore: Sequence[str] = (), kb: KnowledgeBase | None = None
) -> list[Rule]:
    """Rules to run: enabled in config (safety checks always are; see
    ``checks.rules.safety``), matching ``select`` and not ``ignore``."""
    settings = kb.config.rules if kb else {}
    chosen = []
    for code, rule in sorted(REGISTRY.items()):
        if not effective(rule, settings.get(code)).enabled:
            continue
        if select and not _matches(code, select):
            continue
        if ignore and _matches(code, ignore):
            continue
        chosen.append(rule)
    return chosen


#: The check that reports the checks that could not run (see ``Rule.needs``).
NOT_RUN = "KB008"

#: Checks that compare with a base revision; they run only when one is given.
CHANGE_FAMILY = "CHG"


def run(
    kb: KnowledgeBase,
    today: date,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    base: KnowledgeBase | None = None,
    base_rev: str | None = None,
) -> Result:
    rules = [
        r
        for r in selected_rules(select, ignore, kb)
        if base is not None or r.family != CHANGE_FAMILY
    ]
    # A check whose records did not load would report them as absent: it does
    # not run, and KB008 says which file stopped it.
    not_run = {r.code: blocked for r in rules if (blocked := r.blocked_by(kb))}
    ctx = Context(
        kb=kb,
        today=today,
        calendar=kb.working_calendar(),
        warning_days=kb.config.warning_days,
        base=base,
        base_rev=base_rev,
        not_run=not_run,
    )
    # Expired, too broad or too long suppressions hide nothing (CFG001, CFG004).
    granted = in_force(kb, today)
    findings: list[Finding] = []
    suppressed = 0
    rules = [r for r in rules if r.code not in not_run]
    if not_run and NOT_RUN not in {r.code for r in rules}:
        # Whatever was selected or disabled, a check that could not run is never
        # silently missing from the report.
        rules.insert(0, REGISTRY[NOT_RUN])
    for rule in rules:
        # Bad options run as the defaults (CFG002); a safety check keeps only what
        # tightens it (CFG003).
        applied = effective(rule, kb.config.rules.get(rule.code))
        options, severity = applied.options, applied.severity
        for problem in rule.check(ctx, options):
            if _suppressed(granted, rule.code, problem.subject, problem.match):
                suppressed += 1
                continue
            findings.append(
                Finding(
                    file=problem.file,
                    line=problem.line,
                    code=rule.code,
                    severity=severity,
                    message=problem.message,
                    subject=problem.subject,
                    match=problem.match,
                )
            )
    withheld = withholding("text")
    text_withheld = frozenset(f.subject for f in findings if f.code in withheld)
    # Findings about drafts and embargoed briefs never carry their names or content.
    findings = redact(findings, kb, today)
    # Names with an identifying detail in them are shown by their ids.
    findings = withhold_flagged_names(findings, kb)
    # On a pull request, words nobody has vetted are not printed (ids, keys, subjects).
    findings = list(Unvetted.of(kb).findings(findings))
    codes = [r.code for r in rules]
    return Result(findings, today, kb.files_read, suppressed, codes, text_withheld)


def _suppressed(granted: list[Granted], code: str, subject: str, match: str) -> bool:
    return any(g.matches(code, subject, match) for g in granted)


__all__ = ["Result", "Severity", "run", "selected_rules", "withholding"]
