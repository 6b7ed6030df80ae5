"""What a report may show, and how it links to the records it counts.

A report is read by the executive and pasted into board papers, so it shows no
more than the site does: only ToRs, procedures and briefs whose pages may be
published (never a draft or an embargoed brief), reviews by reference and
pseudonym only (never a title or notes), actions by id only, and an agency or
theme whose name holds an identifying detail by its id. The site hands over
its own view (``checks.site.build.SiteBuild.view``); the command line builds
the same from a run of the checks (:func:`scope_from_result`).
"""

from __future__ import annotations

import dataclasses
import sys
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from checks.model import Action, ActionPlan, Brief, Meeting, Review
from checks.model.knowledge_base import KnowledgeBase
from checks.model.labels import long_date
from checks.model.publication import public_briefs, publishable_docs
from checks.model.working_days import WorkingCalendar
from checks.reports.period import Period
from checks.reports.statutory import Step, review_steps
from checks.rules import REGISTRY
from checks.rules.engine import Result

#: A site page (``register.md#cspr-2026-02``) -> the link a reader follows.
Linker = Callable[[str], str]

#: The records whose loss makes a report's figures incomplete.
REPORT_SOURCES = ("reviews", "actions", "meetings", "tors", "briefs", "procedures", "calendar")


#: Where reviews' themes that are not in data/themes.yaml are counted.
OTHER_THEMES = "Themes not in data/themes.yaml"


@dataclass(frozen=True, slots=True)
class Record:
    """One record a figure counts, and the page that shows it."""

    text: str
    target: str


@dataclass(frozen=True, slots=True)
class Figure:
    """A number in a report, with the records it counts."""

    label: str
    records: tuple[Record, ...]
    note: str = ""

    @property
    def count(self) -> int:
        return len(self.records)


@dataclass(frozen=True)
class Scope:
    """The knowledge base as a report may show it, as at ``today``."""

    kb: KnowledgeBase
    today: date
    briefs: tuple[Brief, ...]

    @property
    def calendar(self) -> WorkingCalendar:
        return self.kb.working_calendar()

    @cached_property
    def steps(self) -> list[Step]:
        """Every statutory step of every review, worked out once per scope: a
        site has a highlight report per group, and each reads them all (at a
        thousand reviews, 110,000 working-day sums a build, a fifth of it)."""
        return review_steps(self.kb, self.today, self.calendar)

    # Every action, and those each report filters, listed once per scope: a site
    # has a highlight report per group, and each reads them all (at 10,000
    # actions and 100 groups, 7 s a build).
    @cached_property
    def actions(self) -> list[tuple[ActionPlan, Action]]:
        return self.kb.actions()

    @cached_property
    def overdue(self) -> list[tuple[ActionPlan, Action]]:
        """Actions still open whose due date has passed, as at :attr:`today`."""
        return [(p, a) for p, a in self.actions if a.is_open and a.due < self.today]

    def completed_in(self, period: Period) -> list[tuple[ActionPlan, Action]]:
        """Actions completed within ``period``, in the knowledge base's order."""
        return _within(self._completed, period)

    def escalated_in(self, period: Period) -> list[tuple[ActionPlan, Action]]:
        """Actions escalated to the executive within ``period``."""
        return _within(self._escalated, period)

    @cached_property
    def _completed(self) -> list[Dated]:
        # A completion date counts only for an action that is complete.
        return _by_date(
            (a.completed_on if a.status == "complete" else None, (p, a)) for p, a in self.actions
        )

    @cached_property
    def _escalated(self) -> list[Dated]:
        return _by_date((a.escalated_on, (p, a)) for p, a in self.actions)

    def agency(self, agency_id: str | None) -> str:
        if agency_id is None:
            return "No agency named"
        agency = self.kb.agencies.get(agency_id)
        # An id naming no agency is never echoed (KnowledgeBase.agency_name).
        return (agency.short or agency.name) if agency else self.kb.agency_name(agency_id)

    def theme(self, theme_id: str) -> str:
        """A theme's label. A review's themes are free text, read by no check
        for identifying details, so one not in the vocabulary is never shown."""
        theme = self.kb.themes.get(theme_id)
        return theme.label if theme else OTHER_THEMES

    def incomplete(self) -> list[str]:
        """What did not load, in words that name no page (a page that did not
        load may be a draft): said at the top of every report."""
        said: list[str] = []
        docs = self.kb.config.docs_dir.rstrip("/") + "/"
        for u in self.kb.unloaded_from(*REPORT_SOURCES):
            text = "a page under docs/ did not load" if u.file.startswith(docs) else u.describe()
            if text not in said:
                said.append(text)
        return said


#: An action by a date of it (when it was completed, or escalated), and its
#: place in the knowledge base.
Dated = tuple[date, int, tuple[ActionPlan, Action]]


def _by_date(actions: Iterable[tuple[date | None, tuple[ActionPlan, Action]]]) -> list[Dated]:
    """The actions with a date, sorted by it, for :func:`_within` to search."""
    dated = [(on, n, pa) for n, (on, pa) in enumerate(actions) if on is not None]
    return sorted(dated, key=lambda d: d[:2])


def _within(dated: list[Dated], period: Period) -> list[tuple[ActionPlan, Action]]:
    """Those dated within ``period``, in the knowledge base's order."""
    start = bisect_left(dated, period.start, key=lambda d: d[0])
    end = bisect_right(dated, period.end, key=lambda d: d[0])
    return [pa for _, _, pa in sorted(dated[start:end], key=lambda d: d[1])]


def review_record(review: Review) -> Record:
    return Record(f"{review.ref} ({review.pseudonym})", f"register.md#{review.ref.lower()}")


def action_record(review: str, action_id: str) -> Record:
    return Record(f"{review} {action_id}", f"actions.md#{review.lower()}")


def meeting_record(scope: Scope, meeting: Meeting) -> Record:
    page = f"tor/{meeting.group}.md" if meeting.group in scope.kb.tors else "groups.md"
    return Record(f"{scope.kb.group_name(meeting.group)}, {long_date(meeting.date)}", page)


def brief_record(scope: Scope, brief: Brief) -> Record:
    return Record(f"{brief.id}: {brief.title}", scope.kb.documents[brief.source].docs_path)


def scope_from_result(kb: KnowledgeBase, result: Result, today: date) -> Scope:
    """The site's view of ``kb``, built the way the site build builds it: pages
    that may be published, and names with an identifying detail shown by id."""
    held = {
        f.subject
        for f in result.findings
        if "text" in getattr(sys.modules[REGISTRY[f.code].module], "WITHHOLDS", ())
    }
    unsafe = {
        f.file
        for f in result.findings
        if "page" in getattr(sys.modules[REGISTRY[f.code].module], "WITHHOLDS", ())
    }
    published = publishable_docs(kb, today) - unsafe
    view = dataclasses.replace(
        kb,
        tors={k: t for k, t in kb.tors.items() if t.source in published},
        procedures={k: p for k, p in kb.procedures.items() if k in published},
        briefs={k: b for k, b in kb.briefs.items() if b.source in published},
        themes={
            k: t.model_copy(update={"label": k, "description": None}) if k in held else t
            for k, t in kb.themes.items()
        },
        agencies={
            k: a.model_copy(update={"name": k, "short": None}) if k in held else a
            for k, a in kb.agencies.items()
        },
    )
    briefs = tuple(b for b in public_briefs(kb, today) if b.source in published)
    return Scope(view, today, briefs)


def site_linker(
    site_url: str | None, moved: Callable[[str], str] = lambda target: target
) -> Linker:
    """Links for a report read off the site (pasted into board papers): each
    page's address under ``site_url`` with directory URLs, as the site is built;
    without one, the address relative to the site's home. ``moved`` sends a
    link to a section of a long page to the numbered page the site put it on."""
    base = (site_url or "").rstrip("/") + "/" if site_url else ""

    def link(target: str) -> str:
        path, hash_, anchor = moved(target).partition("#")
        page = path.removesuffix(".md")
        page = "" if page == "index" else page.removesuffix("/index") + "/"
        return base + page + hash_ + anchor

    return link
