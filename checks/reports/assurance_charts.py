"""The assurance report's four charts, drawn from the same figures as its tables:
timeliness per quarter against the statutory line, overdue actions by agency,
themes across reviews by year, and attendance by agency."""

from __future__ import annotations

import re

from checks.reports.assurance import Assurance
from checks.reports.charts import Chart, bars, grid, timeliness
from checks.reports.statutory import STEP_LABELS

TABLE = "The table after the chart gives the same figures."

#: A name a chart may draw as it is: words, digits and plain punctuation. A
#: chart file is an SVG document a browser opens on its own, so a label with
#: markup or an address in it (escaped or not) is drawn as its id, a checked
#: slug; the page's table beside it shows the name escaped, as every page does.
_PLAIN = re.compile(r"[\w .,'’()&-]{1,80}")


def plain_label(label: str, record_id: str) -> str:
    return label if _PLAIN.fullmatch(label) else record_id


def _said(report: Assurance, desc: str) -> str:
    """The description, opening with a warning when records did not load: a
    chart of what did load must not read as all clear."""
    if report.scope.incomplete():
        return "Incomplete: some records did not load, so these figures may be too low. " + desc
    return desc


def assurance_charts(report: Assurance, prefix: str) -> dict[str, Chart]:
    """Each chart by its slot name (see :func:`checks.reports.assurance.render`);
    ``prefix`` keeps the ids in each SVG apart from another chart's."""
    return {
        "timeliness": _timeliness(report, f"{prefix}-timeliness"),
        "overdue": _overdue(report, f"{prefix}-overdue"),
        "themes": _themes(report, f"{prefix}-themes"),
        "attendance": _attendance(report, f"{prefix}-attendance"),
    }


def _timeliness(report: Assurance, name: str) -> Chart:
    index = {q.label: i for i, q in enumerate(report.quarters)}
    series: dict[str, list[tuple[int, float, bool]]] = {}
    for kind, label in STEP_LABELS.items():
        steps = [s for s in report.steps if s.kind == kind]
        series[label] = [
            (index[q.label], s.share_of_limit, s.done is not None)
            for s in steps
            for q in report.quarters
            if s.due in q
        ]
    late = [s for s in report.steps if s.outcome in ("late", "overdue")]
    when = sorted({q.label for s in late for q in report.quarters if s.due in q})
    desc = (
        f"{len(report.steps) - len(late)} of {len(report.steps)} steps due from "
        f"{report.quarters[0].label} to {report.quarters[-1].label} were on time"
        + (f"; the late or overdue were due in {', '.join(when)}" if when else "")
        + ". A point above the dashed line at 100% took longer than the limit; a hollow "
        "point is not done yet. " + TABLE
    )
    return timeliness(name, [q.label for q in report.quarters], series, _said(report, desc))


def _overdue(report: Assurance, name: str) -> Chart:
    scope = report.scope
    rows = [
        (plain_label(scope.agency(r.agency or None), r.agency or "none"), len(r.overdue))
        for r in report.actions
    ]
    worst = max(rows, key=lambda r: r[1], default=("none", 0))
    desc = (
        f"{sum(n for _, n in rows)} actions overdue as at {scope.today:%-d %B %Y}"
        + (f"; the most with {worst[0]} ({worst[1]})" if worst[1] else "")
        + ". "
        + TABLE
    )
    return bars(
        name,
        "Overdue actions by agency",
        [a for a, _ in rows],
        [n for _, n in rows],
        [str(n) for _, n in rows],
        "Actions overdue",
        _said(report, desc),
    )


def _themes(report: Assurance, name: str) -> Chart:
    years = sorted({y for by_year in report.themes.values() for y in by_year})
    themes = list(report.themes)
    counts = [[len(report.themes[t].get(y, [])) for y in years] for t in themes]
    labels = [plain_label(report.scope.theme(t), t) if t else "Other themes" for t in themes]
    top = sorted(zip(labels, counts, strict=True), key=lambda tc: -sum(tc[1]))[:3]
    most = ", ".join(f"{label} ({sum(c)})" for label, c in top)
    desc = (
        "Reviews raising each theme, by the year the review started. "
        + (f"Most often: {most}. " if most else "No review records a theme. ")
        + TABLE
    )
    return grid(
        name,
        "Themes across reviews by year",
        labels,
        [str(y) for y in years],
        counts,
        _said(report, desc),
    )


def _attendance(report: Assurance, name: str) -> Chart:
    rows = report.attendance
    labels = [plain_label(report.scope.agency(r.agency), r.agency) for r in rows]
    low = [lab for lab, r in zip(labels, rows, strict=True) if r.held and r.share < 0.75]
    desc = (
        f"Share of meetings attended by each agency, of the meetings of groups where it "
        f"has a seat, {report.period.label}"
        + (f"; below three in four: {', '.join(low)}" if low else "")
        + ". "
        + TABLE
    )
    return bars(
        name,
        "Attendance by agency",
        labels,
        [r.share * 100 for r in rows],
        [f"{r.share:.0%} ({len(r.attended)} of {r.held})" for r in rows],
        "Meetings attended, %",
        _said(report, desc),
        limit=100,
    )
