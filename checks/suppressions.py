"""Suppressions: deliberate, reasoned, time-limited exceptions to a check.

A suppression is data, written either in ``kb.yaml`` (with the subject it is
about) or in a page's front matter under ``suppress:`` (the subject is the page's
own record). Each names a code, a reason and an expiry date.
"""

from __future__ import annotations

from dataclasses import dataclass

from checks.kb import KnowledgeBase
from checks.loading import CONFIG_FILE
from checks.model import Suppression


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
