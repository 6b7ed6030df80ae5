"""Suppressions: deliberate, reasoned, time-limited exceptions to a check.

A suppression is data, written either in ``kb.yaml`` (with the subject it is
about) or in a page's front matter under ``suppress:`` (the subject is the page's
own record). Each names a code, a reason and an expiry date.

A suppression is in force only while it is well formed: it names its subject
(implied in front matter), the ``match`` for a safety check (ANO, SEC), a
reason, and an ``until`` at most :data:`MAX_DAYS` days ahead, and it is not of
one of the checks that report such changes (CFG003, CFG004, CHG005). One that does not is
ignored, and CFG004 reports it, so that a pull request cannot hide a finding
everywhere or for ever. On a pull request, a suppression of a safety check counts
only once the target branch holds it too: a change cannot write a child's name
and the exception for it together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from checks.loading import CONFIG_FILE
from checks.model import Suppression
from checks.model.knowledge_base import KnowledgeBase
from checks.rules.safety import GUARDS, is_safety

#: The longest a suppression may last: 12 months from today, a leap day included.
MAX_DAYS = 366


@dataclass(frozen=True, slots=True)
class Granted:
    """A suppression together with the subject it applies to."""

    rule: Suppression
    subject: str | None
    source: str

    def matches(self, code: str, subject: str, match: str = "") -> bool:
        if self.rule.code != code or (self.subject is not None and self.subject != subject):
            return False
        # A suppression that names the text found covers that occurrence only.
        return self.rule.match is None or self.rule.match == match


def collect(kb: KnowledgeBase) -> list[Granted]:
    granted = [Granted(s, s.subject, CONFIG_FILE) for s in kb.config.suppressions]
    for tor in kb.tors.values():
        granted += [Granted(s, tor.id, tor.source) for s in tor.suppress]
    for brief in kb.briefs.values():
        granted += [Granted(s, brief.id, brief.source) for s in brief.suppress]
    for path, proc in kb.procedures.items():
        granted += [Granted(s, path, proc.source) for s in proc.suppress]
    return granted


def latest_until(today: date) -> date:
    """The last ``until`` date a suppression may have, as at ``today``."""
    try:
        return today + timedelta(days=MAX_DAYS)
    except OverflowError:  # a pinned "today" near the end of the calendar
        return date.max


#: A `match` written as a pattern, or with no letter or digit: no finding's text is
#: so (findings are names, numbers, addresses), so it suppresses nothing, and
#: whoever wrote it should know.
_PATTERN_LIKE = re.compile(r"^[^\w]*$|\.[*+?]|\(\?|\\[dwsSDWb.]|\[\^|^\^|\$$")


def faults(granted: Granted, today: date) -> list[tuple[str, str]]:
    """Why a suppression is ignored: (the field to point at, what to write)."""
    rule = granted.rule
    found: list[tuple[str, str]] = []
    if granted.subject is None:
        found.append(
            (
                "code",
                f"the suppression of {rule.code} has no `subject`, so it would hide every "
                "finding of that check; name the id it applies to",
            )
        )
    if rule.code in GUARDS:
        # These report loosened settings, bad suppressions and safety-relevant
        # changes; a suppression of one could hide the change that added it.
        found.append(
            (
                "code",
                f"{rule.code} reports changes to what keeps the site safe, so it cannot "
                "be suppressed",
            )
        )
    if is_safety(rule.code) and not (rule.match or "").strip():
        found.append(
            (
                "code",
                f"the suppression of {rule.code} has no `match`; a safety check is "
                "suppressed one occurrence at a time, so give the exact text found",
            )
        )
    if is_safety(rule.code) and rule.match and _PATTERN_LIKE.search(rule.match):
        found.append(
            (
                "match",
                # The match is not quoted: for ANO001 it may be the very name.
                f"the `match` of a suppression of {rule.code} is compared with the text "
                "found exactly as written, not read as a pattern, and this one is "
                "written as a pattern or has no letter or digit; give the exact text "
                "it reported",
            )
        )
    if not rule.reason.strip():
        found.append(("reason", f"the suppression of {rule.code} gives no `reason`"))
    limit = latest_until(today)
    if rule.until > limit:
        found.append(
            (
                "until",
                f"the suppression of {rule.code} lasts until {rule.until}, more than 12 "
                f"months ahead; set `until` no later than {limit}",
            )
        )
    return found


def in_force(kb: KnowledgeBase, today: date) -> list[Granted]:
    """The suppressions that apply today: unexpired and well formed; and, on a pull
    request (``kb.trusted``), one of a safety check, or of any check whose findings
    keep a page or a name off the site (KB007's page standing in for a generated
    one, say), only where the trusted copy holds it too (:func:`held_by_target`)."""
    granted = [g for g in collect(kb) if g.rule.until >= today and not faults(g, today)]
    if kb.trusted is None:
        return granted
    # Imported here: the engine imports this module to apply what it returns.
    from checks.rules.engine import withholding

    guarded = withholding("page") | withholding("text")
    target = in_force(kb.trusted, today)
    return [
        g
        for g in granted
        if not (is_safety(g.rule.code) or g.rule.code in guarded) or held_by_target(g, target)
    ]


def held_by_target(granted: Granted, target: list[Granted]) -> bool:
    """Whether the target branch's suppressions in force (``target``) already
    suppress the same finding: the same check, subject and text. A pull request
    that writes a child's name and an exception for it in one change would
    otherwise allow its own text, so its own exceptions to a safety check count
    once they have been reviewed and merged (and an expired one cannot be revived
    by moving its date)."""
    rule = granted.rule
    return any(
        (t.rule.code, t.subject, t.rule.match) == (rule.code, granted.subject, rule.match)
        for t in target
    )
