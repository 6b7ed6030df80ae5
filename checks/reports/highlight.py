"""``kb report highlight --group G``: what happened since the parent group last
met, for the group's highlight report to it.

The period runs from the day after the parent group's (``reports_to``) last
meeting before today up to today; a group that reports to no one, or whose
parent has not met, covers the three months before today. Reviews, actions and
briefs are the partnership's; the review dates and attendance are the group's
and its subgroups'.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from checks.model import Review
from checks.model.knowledge_base import KnowledgeBase
from checks.reports.markdown import esc
from checks.reports.period import Period
from checks.reports.scope import Figure, Linker, Scope, action_record, brief_record, review_record
from checks.reports.sections import (
    Attendance,
    attendance,
    attendance_table,
    day,
    figures_table,
    incomplete_note,
    review_dates_table,
    steps_table,
)
from checks.reports.statutory import Step


class ReportError(ValueError):
    """A report asked for something the knowledge base does not have; says what it has."""


def started_on(review: Review) -> date | None:
    """When a review started: the local authority became aware (child reviews),
    else the decision to undertake it (adults' reviews and DARDRs)."""
    return review.aware_on or review.decision_on


@dataclass(frozen=True)
class Highlight:
    scope: Scope
    group: str
    period: Period
    since: str  # why the period starts where it does, in words
    activity: tuple[Figure, ...]
    steps: tuple[Step, ...]
    actions: tuple[Figure, ...]
    briefs: Figure
    groups: tuple[str, ...]  # the group and those reporting to it
    attendance: tuple[Attendance, ...]


def report_groups(kb: KnowledgeBase) -> list[str]:
    """Every group a highlight report can be made for: those with published
    terms of reference, and those known only from their meetings (a ToR held
    back or that did not load: the group is then named by its id)."""
    groups = set(kb.tors) | {m.group for m in kb.meetings}
    return sorted(groups, key=lambda g: (report_title(kb, g).lower(), g))


def report_title(kb: KnowledgeBase, group: str) -> str:
    """The group's title, or for a group known only from its meetings, its id:
    a meeting's group is a value of the meetings data, which the anonymisation
    gate reads. (An id only a ToR's ``reports_to`` names is never printed.)"""
    tor = kb.tors.get(group)
    return tor.title if tor is not None else group


def parent_of(kb: KnowledgeBase, group: str) -> str | None:
    """The group this one reports to, if its ToR is published: an id no ToR
    has is never printed (it is free to be anything, a family's name too)."""
    tor = kb.tors.get(group)
    return tor.reports_to if tor and tor.reports_to in kb.tors else None


def group_or_error(kb: KnowledgeBase, group: str) -> str:
    if group not in report_groups(kb):
        known = ", ".join(
            f"`{g}` ({kb.group_name(g)})" if g in kb.tors else f"`{g}`" for g in report_groups(kb)
        )
        raise ReportError(f"there is no group {group!r}; use one of: {known or 'none'}")
    return group


def highlight(scope: Scope, group: str, since: date | None = None) -> Highlight:
    kb, today = scope.kb, scope.today
    group_or_error(kb, group)
    start, why = _start(scope, parent_of(kb, group), since)
    period = Period(start, today, f"{start:%-d %B %Y} to {today:%-d %B %Y}")
    reviews = list(kb.reviews.values())

    def in_period(d: date | None) -> bool:
        return d is not None and d in period

    steps = [s for s in scope.steps if s.counts and (in_period(s.due) or in_period(s.done))]
    overdue = scope.overdue
    escalated = scope.escalated_in(period)
    children = sorted(g for g, t in kb.tors.items() if t.reports_to == group)
    briefs = [b for b in scope.briefs if b.publish_on in period]
    return Highlight(
        scope=scope,
        group=group,
        period=period,
        since=why,
        activity=(
            Figure(
                "Reviews started",
                tuple(review_record(r) for r in reviews if in_period(started_on(r))),
            ),
            Figure(
                "Reviews decided",
                tuple(review_record(r) for r in reviews if in_period(r.decision_on)),
            ),
            Figure(
                "Reviews published",
                tuple(review_record(r) for r in reviews if in_period(r.published_on)),
            ),
        ),
        steps=tuple(steps),
        actions=(
            Figure(
                "Actions completed",
                tuple(action_record(p.review, a.id) for p, a in scope.completed_in(period)),
            ),
            Figure(
                "Actions overdue (as at today)",
                tuple(action_record(p.review, a.id) for p, a in overdue),
                note=f"{sum(1 for _, a in overdue if a.escalated_on)} escalated",
            ),
            Figure(
                "Actions escalated to the executive",
                tuple(action_record(p.review, a.id) for p, a in escalated),
            ),
        ),
        briefs=Figure("Learning briefs published", tuple(brief_record(scope, b) for b in briefs)),
        groups=(group, *children),
        attendance=tuple(
            attendance(scope, [m for m in kb.meetings if m.group == group and m.date in period])
        ),
    )


def _start(scope: Scope, parent: str | None, since: date | None) -> tuple[date, str]:
    kb, today = scope.kb, scope.today
    if since is not None:
        return since, f"since {since:%-d %B %Y}, as asked"
    if parent is not None:
        met = [m.date for m in kb.meetings if m.group == parent and m.date < today]
        if met:
            last = max(met)
            return last + timedelta(days=1), (
                f"since {esc(kb.group_name(parent))} last met, on {last:%-d %B %Y}"
            )
    start = today - relativedelta(months=3)
    return start, "over the last three months (the group reports to no group that has met)"


def render(report: Highlight, link: Linker) -> str:
    scope, kb = report.scope, report.scope.kb
    tor = kb.tors.get(report.group)
    above = parent_of(kb, report.group)
    parent = f" to {esc(kb.group_name(above))}" if above else ""
    title = esc(report_title(kb, report.group))
    name = kb.partnership.name if kb.partnership else "The partnership"
    out = [
        f"# Highlight report: {title}\n",
        f"{esc(name)}. Highlight report{parent}, as at {day(scope.today)}, "
        f"covering {report.period.label} ({report.since}).\n",
    ]
    note = incomplete_note(scope)
    if note:
        out.append(note)
    if tor is None:
        out.append(
            "This group's terms of reference are not published (or did not load), so it "
            "is named by its id, and the group it reports to is not known.\n"
        )
    out += [
        "## Reviews\n",
        figures_table(report.activity, link),
        "\n### Timeliness of statutory steps due or done in the period\n",
        steps_table(report.steps, link),
        "\n## Actions\n",
        figures_table(report.actions, link),
        "\n## Learning briefs\n",
        figures_table((report.briefs,), link),
        "\n## Terms of reference and procedures due for review\n",
        review_dates_table(scope, report.groups, link, due_only=True),
        f"\n## Attendance by agency at {title} meetings in the period\n",
        attendance_table(scope, report.attendance, link),
    ]
    return "\n".join(out)
