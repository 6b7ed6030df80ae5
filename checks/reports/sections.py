"""Parts shared by the highlight and assurance reports: attendance, review
dates of ToRs and procedures, timeliness tables, and figures with their records."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from checks.model import Meeting
from checks.model.labels import long_date
from checks.reports.markdown import esc, table
from checks.reports.scope import Figure, Linker, Record, Scope, meeting_record
from checks.reports.statutory import Step, step_label
from checks.rules._due import due_soon_message, lapsed_message

T = TypeVar("T")


def day(value: date | None) -> str:
    return long_date(value)


#: The most records a report links to in one cell. A report is read by an
#: executive and printed; a cell naming 1,200 overdue actions is unreadable and
#: makes the page too large to load (the tracker and register list them all).
MOST_LINKED = 20


def links(records: Iterable[Record], link: Linker) -> str:
    """A link to each record, the first :data:`MOST_LINKED` of them, and how many
    more there are."""
    return listed(list(records), lambda r: f"[{esc(r.text)}]({link(r.target)})")


def listed(items: Sequence[T], show: Callable[[T], str]) -> str:
    """The first :data:`MOST_LINKED` of ``items``, each as ``show`` writes it (only
    those are written), joined, and how many more there are."""
    if not items:
        return "none"
    more = len(items) - MOST_LINKED
    shown = ", ".join(show(item) for item in items[:MOST_LINKED])
    return shown + (f" and {more} more" if more > 0 else "")


def figures_table(figures: Sequence[Figure], link: Linker) -> str:
    """Each figure, its number, and a link to each record it counts."""
    rows = [
        [
            esc(f.label),
            str(f.count) + (f" ({esc(f.note)})" if f.note else ""),
            links(f.records, link),
        ]
        for f in figures
    ]
    return table(["What", "Number", "Records counted"], rows)


#: The most statutory steps a report lists in one table: the late and overdue
#: first, in order, then the others; the rest are counted, since the register
#: lists every review's steps (a thousand reviews have 3,000 steps a year).
MOST_ROWS = 50
LATE = ("late", "overdue")


def steps_table(steps: Sequence[Step], link: Linker) -> str:
    if not steps:
        return "No statutory step fell due.\n"
    shown, more = list(steps), ""
    if len(steps) > MOST_ROWS:
        first = sorted(steps, key=lambda s: s.outcome not in LATE)  # stable: in order
        kept = {id(s) for s in first[:MOST_ROWS]}
        shown = [s for s in steps if id(s) in kept]
        late = sum(1 for s in steps if s.outcome in LATE and id(s) not in kept)
        more = (
            f"\nThe first {MOST_ROWS} of {len(steps)} steps, the late and overdue first. The "
            f"other {len(steps) - MOST_ROWS} ({late} late or overdue) are in the "
            f"[review register]({link('register.md')}), under each review.\n"
        )
    rows = [
        [
            f"[{esc(s.review.ref)}]({link('register.md#' + s.review.ref.lower())})",
            esc(step_label(s)),
            day(s.due),
            day(s.done),
            f"**{s.outcome.capitalize()}**" if s.outcome in LATE else s.outcome.capitalize(),
        ]
        for s in shown
    ]
    return table(["Review", "Step", "Due", "Done", "Timeliness"], rows) + more


@dataclass(frozen=True, slots=True)
class Attendance:
    """One agency's attendance at the meetings where it has a seat."""

    agency: str
    attended: tuple[Meeting, ...]
    missed: tuple[Meeting, ...]

    @property
    def held(self) -> int:
        return len(self.attended) + len(self.missed)

    @property
    def share(self) -> float:
        return len(self.attended) / self.held if self.held else 0.0


def attendance(scope: Scope, meetings: Sequence[Meeting]) -> list[Attendance]:
    """For each agency, the meetings it attended and missed of those of groups
    where it has a seat (every meeting, where the group's ToR is not shown)."""
    agencies: dict[str, tuple[list[Meeting], list[Meeting]]] = {}
    for m in sorted(meetings, key=lambda m: (m.date, m.group)):
        tor = scope.kb.tors.get(m.group)
        seats = {s.agency for s in tor.members if s.agency} if tor else set(scope.kb.agencies)
        for agency in sorted(seats | set(m.present)):
            went, missed = agencies.setdefault(agency, ([], []))
            (went if agency in m.present else missed).append(m)
    rows = [Attendance(a, tuple(w), tuple(x)) for a, (w, x) in agencies.items()]
    return sorted(rows, key=lambda r: scope.agency(r.agency))


def attendance_table(scope: Scope, rows: Sequence[Attendance], link: Linker) -> str:
    if not rows:
        return "No meetings are recorded in this period.\n"
    return table(
        ["Agency", "Attended", "Share", "Meetings missed"],
        [
            [
                esc(scope.agency(r.agency)),
                f"{len(r.attended)} of {r.held}",
                f"{r.share:.0%}",
                links((meeting_record(scope, m) for m in r.missed), link),
            ]
            for r in rows
        ],
    )


def review_dates_table(scope: Scope, groups: Iterable[str], link: Linker, due_only: bool) -> str:
    """Review dates of these groups' ToRs and the procedures they own: every one,
    or (``due_only``) those lapsed, due within the warning window, or undated."""
    window = scope.kb.config.warning_days
    rows: list[list[str]] = []
    for gid in groups:
        tor = scope.kb.tors.get(gid)
        if tor is None:
            continue
        due = tor.review_due()
        rows.append(
            [
                f"[{esc(tor.title)}]({link(f'tor/{gid}.md')})",
                "Terms of reference",
                day(due),
                _state(due, scope.today, window),
            ]
        )
        for path, proc in sorted(scope.kb.procedures.items()):
            if proc.owner == gid:
                docs = scope.kb.documents[path].docs_path
                rows.append(
                    [
                        f"[{esc(proc.title)}]({link(docs)})",
                        "Procedure",
                        day(proc.review_by),
                        _state(proc.review_by, scope.today, window),
                    ]
                )
    if due_only:
        rows = [r for r in rows if r[3] != "In force"]
    if not rows:
        return "None is due for review.\n"
    return table(["Document", "Kind", "Next review", "Status"], rows)


def _state(due: date | None, today: date, window: int) -> str:
    if due is None:
        return "**No review date**"
    if lapsed_message("review", due, today):
        return f"**Lapsed {(today - due).days} days ago**"
    if due_soon_message("review", due, today, window):
        return f"Due in {(due - today).days} days"
    return "In force"


def incomplete_note(scope: Scope) -> str:
    """A report built from records that did not load says so first, so that no
    figure reads as all clear."""
    missing = scope.incomplete()
    if not missing:
        return ""
    return (
        "**Incomplete: some records did not load, so the figures below may be too low "
        "and must not be read as all clear.** "
        + "; ".join(esc(m) for m in missing)
        + ". Run `kb check` to see why.\n"
    )
