"""``kb report assurance --quarter 2026Q3`` or ``--year 2026``: statutory
timeliness, action completion by agency, themes over time, the review status
of every group's ToR and attendance; the year report is the data sections of
the partnership's yearly report.

Timeliness is shown per quarter for the eight quarters up to the end of the
period, so a trend can be seen. A step counts in the quarter its deadline fell
in, once the deadline has come or the step is done; one whose deadline has not
come and that is not done is left out of the share, not counted as on time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from checks.model import Action, ActionPlan
from checks.reports.highlight import started_on
from checks.reports.markdown import esc, table
from checks.reports.period import Period, quarter_of
from checks.reports.scope import Figure, Linker, Scope, action_record, brief_record, review_record
from checks.reports.sections import (
    Attendance,
    attendance,
    attendance_table,
    day,
    figures_table,
    incomplete_note,
    links,
    listed,
    review_dates_table,
    steps_table,
)
from checks.reports.statutory import STEP_LABELS, Step

#: How many quarters the timeliness trend shows, ending with the period's last.
TREND_QUARTERS = 8


@dataclass(frozen=True, slots=True)
class AgencyActions:
    agency: str
    due: tuple[tuple[ActionPlan, Action], ...]  # due by the end of the period
    on_time: int
    late: int
    overdue: tuple[tuple[ActionPlan, Action], ...]  # as at today, whenever due


@dataclass(frozen=True)
class Assurance:
    scope: Scope
    period: Period
    kind: str  # "quarter" or "year"
    quarters: tuple[Period, ...]
    steps: tuple[Step, ...]  # every step that counts, in the trend's quarters
    actions: tuple[AgencyActions, ...]
    themes: dict[str, dict[int, list[str]]]  # theme -> year -> review refs
    attendance: tuple[Attendance, ...]
    activity: tuple[Figure, ...] = field(default=())

    def quarter_steps(self, quarter: Period, kind: str | None = None) -> list[Step]:
        return [s for s in self.steps if s.due in quarter and (kind is None or s.kind == kind)]


def assurance(scope: Scope, period: Period, kind: str) -> Assurance:
    kb = scope.kb
    last = quarter_of(period.end)
    quarters = [last]
    while len(quarters) < TREND_QUARTERS:
        quarters.insert(0, quarter_of(quarters[0].start - timedelta(days=1)))
    first = quarters[0].start
    steps = [s for s in scope.steps if s.counts and first <= s.due <= last.end]
    themes: dict[str, dict[int, list[str]]] = {}
    for r in kb.reviews.values():
        start = started_on(r)
        if start is None or start > period.end:
            continue
        # A theme not in the vocabulary is counted under one "other" row, by
        # no name of its own (scope.theme), and each review once in it.
        for t in dict.fromkeys(t if t in kb.themes else "" for t in r.themes):
            themes.setdefault(t, {}).setdefault(start.year, []).append(r.ref)
    activity: tuple[Figure, ...] = ()
    if kind == "year":
        activity = _activity(scope, period)
    return Assurance(
        scope=scope,
        period=period,
        kind=kind,
        quarters=tuple(quarters),
        steps=tuple(steps),
        actions=tuple(_actions(scope, period)),
        themes=dict(sorted(themes.items(), key=lambda kv: scope.theme(kv[0]))),
        attendance=tuple(attendance(scope, [m for m in kb.meetings if m.date in period])),
        activity=activity,
    )


def _actions(scope: Scope, period: Period) -> list[AgencyActions]:
    by_agency: dict[str, list[tuple[ActionPlan, Action]]] = {}
    for plan, a in scope.actions:
        # Unknown ids share one key, so no link or label echoes one.
        by_agency.setdefault(scope.kb.agency_key(a.owner.agency if a.owner else None), []).append(
            (plan, a)
        )
    rows = []
    for agency, items in by_agency.items():
        due = [(p, a) for p, a in items if a.due <= period.end]
        done = [a for _, a in due if a.status == "complete" and a.completed_on]
        on_time = sum(1 for a in done if a.completed_on and a.completed_on <= a.due)
        overdue = [(p, a) for p, a in items if a.is_open and a.due < scope.today]
        rows.append(AgencyActions(agency, tuple(due), on_time, len(done) - on_time, tuple(overdue)))
    return sorted(rows, key=lambda r: scope.agency(r.agency or None))


def _activity(scope: Scope, period: Period) -> tuple[Figure, ...]:
    reviews = list(scope.kb.reviews.values())

    def within(d: date | None) -> bool:
        return d is not None and d in period

    completed = [action_record(p.review, a.id) for p, a in scope.completed_in(period)]
    return (
        Figure(
            "Reviews started", tuple(review_record(r) for r in reviews if within(started_on(r)))
        ),
        Figure(
            "Reviews decided", tuple(review_record(r) for r in reviews if within(r.decision_on))
        ),
        Figure(
            "Reviews published", tuple(review_record(r) for r in reviews if within(r.published_on))
        ),
        Figure("Actions completed", tuple(completed)),
        Figure(
            "Learning briefs published",
            tuple(brief_record(scope, b) for b in scope.briefs if b.publish_on in period),
        ),
    )


def share(steps: list[Step]) -> str:
    """'2 of 3 on time (67%)', or 'none due'."""
    if not steps:
        return "none due"
    on_time = sum(1 for s in steps if s.outcome == "on time")
    return f"{on_time} of {len(steps)} on time ({on_time / len(steps):.0%})"


def _cell(steps: list[Step], link: Linker) -> str:
    if not steps:
        return "none due"
    # Late and overdue steps first: past the cap, the ones on time are counted.
    refs = listed(
        sorted(steps, key=lambda s: s.outcome == "on time"),
        lambda s: (
            f"[{esc(s.review.ref)}]({link('register.md#' + s.review.ref.lower())})"
            + ("" if s.outcome == "on time" else f" ({s.outcome})")
        ),
    )
    return f"{share(steps)}: {refs}"


#: Where a chart goes: its name -> the markup the site puts before the table.
ChartSlot = Callable[[str], str]


def render(report: Assurance, link: Linker, chart: ChartSlot = lambda name: "") -> str:
    scope, kb = report.scope, report.scope.kb
    name = kb.partnership.name if kb.partnership else "The partnership"
    what = "Yearly report: data sections" if report.kind == "year" else "Quarterly assurance report"
    out = [
        f"# {what}, {report.period.label}\n",
        f"{esc(name)}. {day(report.period.start)} to {day(report.period.end)}, "
        f"as at {day(scope.today)}.\n",
    ]
    note = incomplete_note(scope)
    if note:
        out.append(note)
    if report.activity:
        out += ["## The year in figures\n", figures_table(report.activity, link)]
    out += [
        "\n## Statutory timeliness\n",
        "Notifications within 5 working days of the local authority becoming aware; rapid "
        "reviews within 15 working days of the notification; reports published within 6 "
        "months of the decision (the limits the checks use, set in `kb.yaml`). Each step "
        "counts in the quarter its deadline fell in.\n",
        chart("timeliness"),
        table(
            ["Quarter", *STEP_LABELS.values(), "All steps"],
            [
                [
                    q.label + (" (this period)" if q.start >= report.period.start else ""),
                    *(_cell(report.quarter_steps(q, k), link) for k in STEP_LABELS),
                    share(report.quarter_steps(q)),
                ]
                for q in report.quarters
            ],
        ),
        f"\n### Steps due in {report.period.label}\n",
        steps_table([s for s in report.steps if s.due in report.period], link),
        "\n## Action completion by agency\n",
        f"Actions due by {day(report.period.end)}, and those overdue as at {day(scope.today)}.\n",
        chart("overdue"),
        _actions_table(report, link),
        "\n## Themes of reviews over time\n",
        "Reviews by the year they started, for each theme they raise.\n",
        chart("themes"),
        _themes_table(report, link),
        "\n## Review status of every group's terms of reference\n",
        review_dates_table(scope, sorted(kb.tors), link, due_only=False),
        f"\n## Attendance by agency, all groups, {report.period.label}\n",
        chart("attendance"),
        attendance_table(scope, report.attendance, link),
    ]
    return "\n".join(x for x in out if x != "")


def _actions_table(report: Assurance, link: Linker) -> str:
    scope = report.scope
    rows = []
    for r in report.actions:
        tracker = link(f"actions.md#agency-{r.agency or 'none'}")
        done = r.on_time + r.late
        rows.append(
            [
                f"[{esc(scope.agency(r.agency or None))}]({tracker})",
                str(len(r.due)),
                f"{done} ({done / len(r.due):.0%})" if r.due else "0",
                str(r.on_time),
                str(len(r.overdue)),
                links((action_record(p.review, a.id) for p, a in r.overdue), link),
            ]
        )
    return table(
        [
            "Agency",
            "Actions due",
            "Completed",
            "Completed on time",
            "Overdue now",
            "Overdue actions",
        ],
        rows,
    )


def _themes_table(report: Assurance, link: Linker) -> str:
    years = sorted({y for by_year in report.themes.values() for y in by_year})
    if not years:
        return "No review records a theme.\n"

    def cell(refs: list[str]) -> str:
        if not refs:
            return "0"
        return f"{len(refs)}: " + listed(
            refs, lambda ref: f"[{esc(ref)}]({link('register.md#' + ref.lower())})"
        )

    return table(
        ["Theme", *map(str, years)],
        [
            [esc(report.scope.theme(t)), *(cell(by_year.get(y, [])) for y in years)]
            for t, by_year in report.themes.items()
        ],
    )
