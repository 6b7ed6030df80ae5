"""Who must act on a finding: the agency or group that owns what it is about.

- an action's finding: the agency that owns the action;
- a ToR's or a meeting's: the group (its ToR's title);
- a procedure's: the group that owns the procedure;
- the register, the briefs and the yearly report: the partnership itself (its
  safeguarding partners and their business unit, who keep them);
- the files themselves (reading, settings, safety of the pages): whoever edits
  the knowledge base.

An owner that cannot be told (an action with no owner, a group with no ToR on
record) falls to the partnership, which assigns the work.
"""

from __future__ import annotations

from dataclasses import dataclass

from checks.model.findings import Finding
from checks.model.knowledge_base import KnowledgeBase
from checks.model.labels import dates_in_words

#: The order owners of each kind are listed in, after their counts.
KINDS = ("agency", "group", "partnership", "editors")


@dataclass(frozen=True, slots=True, order=True)
class Owner:
    #: a slug for the owner's anchor or page: "agency-police", "group-case-review"
    key: str
    name: str
    kind: str


PARTNERSHIP = Owner("partnership", "The partnership", "partnership")
EDITORS = Owner("knowledge-base", "Whoever edits the knowledge base", "editors")

#: Families about the files themselves rather than the work they record.
_FILE_FAMILIES = ("KB", "CFG", "SEC", "ANO", "CHG")


class Owners:
    """Owner lookups for one knowledge base (as the site may show it)."""

    def __init__(self, kb: KnowledgeBase, unpublished_groups: frozenset[str] = frozenset()) -> None:
        """``kb`` as the site may show it; ``unpublished_groups``, the groups whose
        ToR is on record but withheld (a draft, a page that failed a safety check)
        while published records still name them: they keep their page, by id."""
        self.kb = kb
        self.partnership = PARTNERSHIP
        if kb.partnership is not None:
            self.partnership = Owner("partnership", kb.partnership.name, "partnership")
        self._action_agency = {
            f"{plan.review}/{a.id}": a.owner.agency if a.owner else None
            for plan in kb.plans
            for a in plan.actions
        }
        self._procedure_owner = {p.source: p.owner for p in kb.procedures.values()}
        self._procedure_title = {p.source: p.title for p in kb.procedures.values()}
        self._lost_agencies = self._lost("partnership") - set(kb.agencies)
        # A group whose ToR did not load, or is not published, keeps its page by
        # its id (never a withheld ToR's title): its meetings are still on record,
        # and its page vanishing would read as all clear.
        self._lost_groups = (self._lost("tors") | unpublished_groups) - set(kb.tors)

    def _lost(self, source: str) -> set[str]:
        return {u.key for u in self.kb.unloaded_from(source) if u.key and not u.whole}

    def everyone(self) -> list[Owner]:
        """Every owner that exists whether or not it has findings: each agency of
        the partnership, each group with a ToR, the partnership and the editors.
        Their pages are kept when they have nothing to list, so that an owner's
        page does not vanish (and read as all clear) when its records did not
        load."""
        agencies = [
            Owner(f"agency-{a}", self.kb.agency_name(a), "agency") for a in self.kb.agencies
        ]
        # An agency or a group whose record did not load keeps its page, by its
        # id (of the form an id must have), so the page says so rather than
        # vanishing; its findings are filed there too (:meth:`of`).
        agencies += [Owner(f"agency-{a}", a, "agency") for a in sorted(self._lost_agencies)]
        groups = [Owner(f"group-{g}", tor.title, "group") for g, tor in self.kb.tors.items()]
        groups += [Owner(f"group-{g}", g, "group") for g in sorted(self._lost_groups)]
        return [*agencies, *groups, self.partnership, EDITORS]

    def subject(self, f: Finding) -> str:
        """What a finding is about, as a reader names it: a group by its title, a
        meeting by its group and date, a procedure by its title; anything else
        (a review's reference, an action's, a brief's id) as it is written."""
        group, at, day = f.subject.partition("@")
        tor = self.kb.tors.get(group)
        if f.code.startswith("TOR") and tor is not None and not at:
            return tor.title
        if f.code.startswith("MTG") and tor is not None and at:
            return dates_in_words(f"{tor.title} meeting on {day}")
        if f.code.startswith("PRC") and f.file in self._procedure_title:
            return self._procedure_title[f.file]
        return f.subject or f.file

    def of(self, f: Finding) -> Owner:
        if f.code.startswith(_FILE_FAMILIES):
            return EDITORS
        if f.code.startswith("ACT"):
            return self._agency(self._action_agency.get(f.subject))
        if f.code.startswith("TOR"):
            return self._group(f.subject)
        if f.code.startswith("MTG"):
            return self._group(f.subject.split("@")[0])
        if f.code.startswith("PRC"):
            return self._group(self._procedure_owner.get(f.file))
        return self.partnership

    def _agency(self, agency: str | None) -> Owner:
        if agency in self._lost_agencies:
            return Owner(f"agency-{agency}", agency, "agency")
        if agency is None or agency not in self.kb.agencies:
            return self.partnership
        return Owner(f"agency-{agency}", self.kb.agency_name(agency), "agency")

    def _group(self, group: str | None) -> Owner:
        if group in self._lost_groups:
            return Owner(f"group-{group}", group, "group")
        tor = self.kb.tors.get(group) if group else None
        if tor is None or group is None:
            return self.partnership
        return Owner(f"group-{group}", tor.title, "group")
