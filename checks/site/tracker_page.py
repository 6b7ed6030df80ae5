"""The action tracker: by agency, status and overdue. Plain HTML tables: no script.

Every action is in exactly one of four states (:data:`STATES`): overdue (open
or in progress, and past its due date), open (open or in progress, not yet
due), complete, or closed without completion. Every count on the tracker is a
count of those states, so each agency's four figures add up to its total, and
the agencies' figures add up to the headline's.

The tracker is packed into pages of bounded size (checks/site/paging.py): the
headline and the summary by agency on ``actions.md``, then the overdue actions,
each agency's live actions, and every review's actions on as many pages as they
need, each reached from the summary.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

from checks.model import Action, ActionPlan
from checks.model.knowledge_base import KnowledgeBase
from checks.model.labels import ACTION_STATUSES, label, long_date
from checks.reports.markdown import esc, table
from checks.site.paging import Section, pack

#: The four states, in the order the tracker shows them, with their column names.
STATES = {
    "overdue": "Overdue",
    "open": "Open, not yet due",
    "complete": "Complete",
    "closed": "Closed",
}
PAGE = "actions.md"


def state(action: Action, today: date) -> str:
    """One of :data:`STATES`: where this action counts."""
    if action.is_open:
        return "overdue" if action.due < today else "open"
    return action.status


WITHHELD = "*Withheld: this entry contains an identifying detail (see `kb check`).*"


def _row(
    plan: ActionPlan, a: Action, today: date, kb: KnowledgeBase, withheld: set[str]
) -> list[str]:
    now = state(a, today)
    hidden = f"{plan.review}/{a.id}" in withheld
    shown = f"**Overdue by {(today - a.due).days} days**" if now == "overdue" else None
    status = shown or label(ACTION_STATUSES, a.status)
    if now == "overdue" and a.escalated_on:
        status += f"<br>escalated {long_date(a.escalated_on)}"
    return [
        f"[{esc(plan.review)}](register.md#{plan.review.lower()}) {esc(a.id)}",
        WITHHELD if hidden else esc(a.recommendation),
        # The owner's role is the action's text too: ANO001 reads it, and a
        # detail found there keeps it off the page with the rest.
        esc(kb.agency_name(a.owner.agency if a.owner else None))
        + (f"<br>{esc(a.owner.role)}" if a.owner and not hidden else ""),
        long_date(a.due),
        status,
    ]


def counts(actions: list[tuple[ActionPlan, Action]], today: date) -> Counter[str]:
    """How many actions are in each state (every state present, zero or not)."""
    found = Counter({s: 0 for s in STATES})
    found.update(state(a, today) for _, a in actions)
    return found


def _agency(kb: KnowledgeBase, a: Action) -> str:
    # An id naming no agency is filed under one key and never echoed in an anchor.
    return kb.agency_key(a.owner.agency if a.owner else None)


def _count(kb: KnowledgeBase, n: int, what: str) -> str:
    """``n`` and what it counts; where records did not load, a zero is "none found
    in the records that loaded", never a bare 0 that reads as all clear."""
    if n == 0 and kb.unloaded:
        none = "no" if what.endswith("s") else "none"  # "no actions", "none overdue"
        return f"{none} {what} found in the records that loaded"
    return f"{n} {what}"


def tracker_pages(
    kb: KnowledgeBase, today: date, withheld: set[str] | None = None
) -> dict[str, str]:
    """The tracker's pages: ``actions.md`` and, as the actions need, ``actions/N.md``."""
    withheld = withheld or set()
    actions = kb.actions()
    by_agency: dict[str, list[tuple[ActionPlan, Action]]] = defaultdict(list)
    for plan, a in actions:
        by_agency[_agency(kb, a)].append((plan, a))
    agencies = sorted(by_agency.items(), key=lambda kv: kb.agency_name(kv[0] or None))
    total = counts(actions, today)
    headers = ["Action", "Recommendation", "Owner", "Due", "Status"]

    def row(p: ActionPlan, a: Action) -> list[str]:
        return _row(p, a, today, kb, withheld)

    summary = []
    for ag, items in agencies:
        mine = counts(items, today)
        link = f"[{esc(kb.agency_name(ag or None))}](actions.md#agency-{ag or 'none'})"
        summary.append([link, *(str(mine[s]) for s in STATES), str(len(items))])
    summary.append(
        ["**All agencies**", *(f"**{total[s]}**" for s in STATES), f"**{len(actions)}**"]
    )
    first = "\n".join(
        [
            "# Action tracker\n",
            f"As at {today:%-d %B %Y}: {_count(kb, len(actions), 'actions')}, "
            f"**{_count(kb, total['overdue'], 'overdue')}**, {total['open']} open or in "
            "progress and not "
            f"yet due, {total['complete']} complete, {total['closed']} closed without "
            "completion.\n",
            "## Summary by agency\n",
            table(["Agency", *STATES.values(), "Total"], summary),
            "Each agency's page lists its overdue and open actions; completed and closed "
            "ones are listed with their review under [By review](actions.md#by-review).\n",
        ]
    )
    overdue = sorted(
        ((p, a) for p, a in actions if state(a, today) == "overdue"), key=lambda pa: pa[1].due
    )
    sections = [
        Section(
            "overdue",
            "Overdue actions",
            text="" if overdue else "None.",
            headers=headers if overdue else (),
            rows=[row(p, a) for p, a in overdue],
        )
    ]
    for ag, items in agencies:
        live = sorted(((p, a) for p, a in items if a.is_open), key=lambda pa: pa[1].due)
        mine = counts(items, today)
        sections.append(
            Section(
                f"agency-{ag or 'none'}",
                esc(kb.agency_name(ag or None)),
                text=f"{_count(kb, mine['overdue'], 'overdue')} and "
                f"{_count(kb, mine['open'], 'open, not yet due')}, of "
                f"{len(items)} actions ({mine['complete']} complete, {mine['closed']} closed).",
                headers=headers if live else (),
                rows=[row(p, a) for p, a in live],
            )
        )
    sections.append(Section("by-review", "By review", text="Every action, by its review."))
    for plan in kb.plans:
        sections.append(
            Section(
                plan.review.lower(),
                esc(plan.review),
                level=3,
                headers=headers,
                rows=[row(plan, a) for a in plan.actions],
            )
        )
    return pack(PAGE, "Action tracker", first, sections)
