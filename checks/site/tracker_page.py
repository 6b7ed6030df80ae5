"""The action tracker: by agency, status and overdue. Plain HTML tables: no script."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

from checks.model import Action, ActionPlan
from checks.model.knowledge_base import KnowledgeBase
from checks.reports.markdown import esc, table

OPEN = ("open", "in-progress")


def _state(action: Action, today: date) -> str:
    if action.status in OPEN and action.due < today:
        return "overdue"
    return action.status


WITHHELD = "*Withheld: this entry contains an identifying detail (see `kb check`).*"


def _row(
    plan: ActionPlan, a: Action, today: date, kb: KnowledgeBase, withheld: set[str]
) -> list[str]:
    state = _state(a, today)
    hidden = f"{plan.review}/{a.id}" in withheld
    label = f"**Overdue by {(today - a.due).days} days**" if state == "overdue" else esc(a.status)
    if state == "overdue" and a.escalated_on:
        label += f"<br>escalated {a.escalated_on:%-d %b %Y}"
    return [
        f"[{esc(plan.review)}](register.md#{plan.review.lower()}) {esc(a.id)}",
        WITHHELD if hidden else esc(a.recommendation),
        # The owner's role is the action's text too: ANO001 reads it, and a
        # detail found there keeps it off the page with the rest.
        esc(kb.agency_name(a.owner.agency if a.owner else None))
        + (f"<br>{esc(a.owner.role)}" if a.owner and not hidden else ""),
        f"{a.due:%-d %b %Y}",
        label,
    ]


def tracker_page(kb: KnowledgeBase, today: date, withheld: set[str] | None = None) -> str:
    withheld = withheld or set()
    actions = kb.actions()
    by_agency: dict[str, list[tuple[ActionPlan, Action]]] = defaultdict(list)
    for plan, a in actions:
        by_agency[a.owner.agency if a.owner and a.owner.agency else ""].append((plan, a))
    counts = Counter(_state(a, today) for _, a in actions)
    headers = ["Action", "Recommendation", "Owner", "Due", "Status"]
    out = [
        "# Action tracker\n",
        f"As at {today:%-d %B %Y}: {len(actions)} actions, "
        f"**{counts['overdue']} overdue**, {counts['open'] + counts['in-progress']} open "
        f"or in progress and not yet due, {counts['complete']} complete, "
        f"{counts['closed']} closed without completion.\n",
        "## Summary by agency\n",
        table(
            ["Agency", "Overdue", "Open", "Complete", "Total"],
            [
                [
                    f"[{esc(kb.agency_name(ag or None))}](#agency-{ag or 'none'})",
                    str(sum(_state(a, today) == "overdue" for _, a in items)),
                    str(sum(a.status in OPEN for _, a in items)),
                    str(sum(a.status == "complete" for _, a in items)),
                    str(len(items)),
                ]
                for ag, items in sorted(by_agency.items(), key=lambda kv: kb.agency_name(kv[0]))
            ],
        ),
        "\n## Overdue actions {#overdue}\n",
    ]
    overdue = sorted(
        ((p, a) for p, a in actions if _state(a, today) == "overdue"), key=lambda pa: pa[1].due
    )
    out.append(
        table(headers, [_row(p, a, today, kb, withheld) for p, a in overdue])
        if overdue
        else "None.\n"
    )
    for ag, items in sorted(by_agency.items(), key=lambda kv: kb.agency_name(kv[0])):
        out.append(f"\n## {esc(kb.agency_name(ag or None))} {{#agency-{ag or 'none'}}}\n")
        items = sorted(items, key=lambda pa: (pa[1].status not in OPEN, pa[1].due))
        out.append(table(headers, [_row(p, a, today, kb, withheld) for p, a in items]))
    out.append("\n## By review\n")
    for plan in kb.plans:
        out.append(f"\n### {esc(plan.review)} {{#{plan.review.lower()}}}\n")
        out.append(table(headers, [_row(plan, a, today, kb, withheld) for a in plan.actions]))
    return "\n".join(out)
