"""The loaded knowledge base: every record, with where it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, NamedTuple

from checks.model import (
    Action,
    ActionPlan,
    Agency,
    Brief,
    Meeting,
    Partnership,
    Procedure,
    Review,
    TermsOfReference,
    Theme,
)
from checks.model.config import Config
from checks.model.findings import Problem
from checks.model.tor_versions import ApprovedVersion
from checks.model.working_days import WorkingCalendar

DocKind = Literal["tor", "brief", "procedure", "page"]

#: The kinds of record a check (its ``NEEDS``) or a generated page can depend on.
#: ``calendar`` is the partnership's nation, for working days: it is missing
#: only when data/partnership.yaml did not load and kb.yaml sets no nation.
SOURCES = (
    "partnership",
    "themes",
    "reviews",
    "actions",
    "meetings",
    "tors",
    "briefs",
    "procedures",
    "calendar",
)


#: What is shown for an agency or group id that names none on record (see
#: KnowledgeBase.agency_name), and the key such owners are filed under.
UNKNOWN_AGENCY = "an unknown agency"
UNKNOWN_GROUP = "a group with no ToR"
UNKNOWN_KEY = "unknown"


@dataclass(frozen=True, slots=True)
class Unloaded:
    """Records that did not load: a whole file, or one entry of a list in it.

    The error that stopped it is reported where it is (KB001 to KB005); this
    says what is missing because of it, so that checks and pages do not take
    the missing records for absent ones.
    """

    source: str  # one of SOURCES
    file: str
    line: int
    #: The lost entry's id (a review's ref, an agency's id, a meeting's group,
    #: a ToR's group), when it could be read; None for a whole file.
    key: str | None = None
    whole: bool = True

    @property
    def blocks(self) -> bool:
        """Whether what was lost is unknown, so no check can tell what is absent."""
        return self.whole or self.key is None

    def describe(self) -> str:
        if self.whole:
            return f"{self.file} did not load"
        entry = f"the entry {self.key}" if self.key else "an entry"
        return f"{entry} at line {self.line} of {self.file} did not load"


class Heading(NamedTuple):
    """A heading of a Markdown page."""

    # A named tuple rather than a dataclass: thousands of these are read back
    # from the parse cache, and tuples unpickle several times faster.
    level: int
    text: str
    line: int  # 1-based line in the whole file


@dataclass(slots=True)
class Document:
    """A Markdown file of the site."""

    path: str  # relative to the knowledge base root, with forward slashes
    kind: DocKind
    body: str
    body_line: int
    headings: list[Heading] = field(default_factory=list)
    title: str | None = None
    #: the front matter as parsed (a LineDict, or None): every value of it can
    #: reach the page, so the anonymisation gate reads them all
    front: Any = None
    #: 0-based body lines inside code blocks, which several checks skip
    code_lines: set[int] = field(default_factory=set)

    @property
    def docs_path(self) -> str:
        """The path relative to the docs folder, as MkDocs names it."""
        return self.path.split("/", 1)[1] if "/" in self.path else self.path

    def body_lines(self) -> list[tuple[int, str]]:
        return [(self.body_line + i, text) for i, text in enumerate(self.body.split("\n"))]


@dataclass(slots=True)
class KnowledgeBase:
    root: Path
    config: Config
    partnership: Partnership | None = None
    agencies: dict[str, Agency] = field(default_factory=dict)
    themes: dict[str, Theme] = field(default_factory=dict)
    tors: dict[str, TermsOfReference] = field(default_factory=dict)
    procedures: dict[str, Procedure] = field(default_factory=dict)
    briefs: dict[str, Brief] = field(default_factory=dict)
    reviews: dict[str, Review] = field(default_factory=dict)
    plans: list[ActionPlan] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    documents: dict[str, Document] = field(default_factory=dict)
    #: problems found while loading, keyed by the KB rule code that reports them
    load_problems: list[tuple[str, Problem]] = field(default_factory=list)
    #: files, and entries of lists, whose records are missing because they did not load
    unloaded: list[Unloaded] = field(default_factory=list)
    files_read: int = 0
    #: the approved versions of each ToR that git's history holds, by group: read
    #: on first need by the meeting checks (checks/rules/_in_force.py)
    tor_history: dict[str, list[ApprovedVersion]] = field(default_factory=dict)
    #: the commit checked out, asked of git once with the first history read ("" outside git)
    checked_out: str | None = None
    #: the copy whose allowances count as well (a pull request's target branch,
    #: from ``KB_TRUSTED`` or ``kb check --base``): ANO001 lets through only what
    #: both copies allow, so a change cannot allow its own identifying text
    trusted: KnowledgeBase | None = None

    @property
    def nation(self) -> str:
        """kb.yaml's `nation`, else the partnership's, else England."""
        if self.config.nation:
            return self.config.nation
        return self.partnership.nation if self.partnership else "ENG"

    @property
    def statutory(self) -> list[str]:
        """Ids of the statutory safeguarding partners."""
        return [a.id for a in self.agencies.values() if a.statutory]

    def working_calendar(self) -> WorkingCalendar:
        """Working days for the partnership's nation."""
        return WorkingCalendar(self.nation)

    def unloaded_from(self, *sources: str) -> list[Unloaded]:
        """What did not load of these sources (see :data:`SOURCES`)."""
        found = [u for u in self.unloaded if u.source in sources]
        if "calendar" in sources and "partnership" not in sources and not self.config.nation:
            # The partnership's nation sets the bank holidays; its agencies do not.
            found += [u for u in self.unloaded if u.source == "partnership" and u.whole]
        return found

    def lost(self, source: str, key: str) -> bool:
        """Whether an entry with this id may be missing only because it did not load."""
        return any(u.source == source and u.key == key for u in self.unloaded)

    def records_by_source(self) -> dict[str, TermsOfReference | Brief | Procedure]:
        """The ToR, brief or procedure each Markdown file holds, by its path."""
        return {
            **{t.source: t for t in self.tors.values()},
            **{b.source: b for b in self.briefs.values()},
            **self.procedures,
        }

    def actions(self) -> list[tuple[ActionPlan, Action]]:
        return [(plan, action) for plan in self.plans for action in plan.actions]

    def document_of(self, source: str) -> Document | None:
        return self.documents.get(source)

    def group_name(self, group_id: str) -> str:
        """A group's title where its ToR is known, else a neutral placeholder.

        An id that names no group is contributor-written text no check has read
        for identifying details (``reports_to: smith-family-panel``), so it is
        never echoed into a page, a report or a message: the line it is on says
        where to look.
        """
        tor = self.tors.get(group_id)
        return tor.title if tor is not None else UNKNOWN_GROUP

    def known_groups(self) -> str:
        """Each group in use (its ToR approved) with its title, for a message saying
        what would be accepted. Never a draft's or a proposal's: a message is
        printed in CI's log and the site's reports, and an unpublished ToR's title
        must reach neither (red team round 3, found again in round 14 when a
        group reporting to an unknown one shared a pull request with a draft)."""
        return ", ".join(
            f"`{gid}` ({tor.title})" for gid, tor in sorted(self.tors.items()) if tor.in_use
        )

    def agency_name(self, agency_id: str | None) -> str:
        """An agency's name; for an id that names no agency, a neutral
        placeholder (never the id: see :meth:`group_name`)."""
        if agency_id is None:
            return "no agency"
        agency = self.agencies.get(agency_id)
        return agency.name if agency else UNKNOWN_AGENCY

    def agency_key(self, agency_id: str | None) -> str:
        """The id to file an action's owner under in anchors and addresses: its
        own where the agency is known, "" for none, and one shared key for every
        id that names no agency, so that no address echoes such an id."""
        if not agency_id:
            return ""
        return agency_id if agency_id in self.agencies else UNKNOWN_KEY
