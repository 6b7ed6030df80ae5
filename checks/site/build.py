"""One site build: the knowledge base loaded and checked once, and every page it adds.

The MkDocs hooks create one :class:`SiteBuild` per build and ask it for pages,
headers and tags. Tests use it directly.
"""

from __future__ import annotations

import dataclasses
import posixpath
import re
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from urllib.parse import urljoin

from checks.loading import load
from checks.loading.files import hidden_markdown
from checks.model import Brief, Procedure, TermsOfReference
from checks.model.findings import Finding
from checks.model.knowledge_base import KnowledgeBase
from checks.model.labels import long_date
from checks.model.publication import public_briefs, publishable_docs
from checks.model.working_days import WorkingCalendar, plural
from checks.reports.markdown import esc
from checks.rules import REGISTRY
from checks.rules.engine import Result, run, withholding
from checks.rules.unvetted import Unvetted
from checks.site import briefs_pages, calendar_file
from checks.site.brief_page import brief_banner, brief_header, print_note, theme_labels
from checks.site.briefs_pages import Linker
from checks.site.dashboard_page import dashboard_pages
from checks.site.finding_owners import Owners
from checks.site.git_history import PastVersion, history_note, is_shallow, past_versions
from checks.site.groups_page import groups_page
from checks.site.incomplete import PAGE_SOURCES, calendar_notice, missing, notice
from checks.site.register_page import register_pages
from checks.site.report_pages import report_pages
from checks.site.rules_pages import rule_page, rules_index
from checks.site.source_links import SourceLinks
from checks.site.status import review_status
from checks.site.tor_page import tor_header, tor_history, tor_membership
from checks.site.tracker_page import tracker_pages
from checks.site.versions_page import compare, seats_changed, version_page, version_uri
from checks.speed.cache import ParseCache, open_cache, using
from checks.speed.gcpause import paused_gc


def markdown_link(target: str, page: str) -> str:
    """A link as the Markdown source would write it (``../register.md#x``): what
    pages built without MkDocs get. The hooks pass MkDocs' own URLs instead."""
    path, hash_, anchor = target.partition("#")
    return posixpath.relpath(path, posixpath.dirname(page) or ".") + hash_ + anchor


#: A Markdown link's target, ``](target)``, in a generated page.
_LINK_TARGET = re.compile(r"\]\(([^()\s]+)\)")
#: Files named as the loader names them (the settings, the data files), or by
#: a year or a review's reference only: nothing in such a name can identify anyone.
_PLAIN_DATA = re.compile(
    r"(kb|mkdocs|reviews|partnership|themes|sensitive)\.ya?ml"
    r"|meetings/\d{4}\.ya?ml|actions/[A-Z]{2,6}-\d{4}-\d{2,3}\.ya?ml"
)


@dataclass
class SiteBuild:
    kb: KnowledgeBase
    result: Result
    today: date
    repo_url: str | None = None
    branch: str = "main"
    #: mkdocs.yml's edit_uri, which tells what kind of host repo_url is
    edit_uri: str | None = None
    #: where the site is published (KB_SITE_URL), for the address a printed brief shows
    site_url: str | None = None
    #: Say on ToR pages when git history cannot be shown in full (the hook does).
    explain_history: bool = False
    git_note: str | None = field(init=False, default=None)
    #: links written as HTML (the hooks pass MkDocs' own URLs)
    link: Linker = markdown_link
    #: the parse cache the checks ran with, for the gate's later reads (file names)
    cache: ParseCache | None = field(default=None, repr=False, compare=False)
    calendar: WorkingCalendar = field(init=False)
    public: list[Brief] = field(init=False)
    hidden: set[str] = field(init=False)
    pages: set[str] = field(init=False)
    #: the knowledge base as the site may show it (see __post_init__)
    view: KnowledgeBase = field(init=False)
    withheld: set[str] = field(init=False)
    versions: dict[str, list[PastVersion]] = field(init=False)

    def __post_init__(self) -> None:
        self.calendar = self.kb.working_calendar()
        self.public = public_briefs(self.kb, self.today)
        self.hidden = hidden_markdown(self.kb, self.today)
        # A page with a finding that withholds it (markup that could run, say) is
        # never published; which findings do is declared by their checks.
        unpublishable = withholding("page")
        unsafe = {
            f.file
            for f in self.result.findings
            if f.code in unpublishable and f.file.startswith(self.docs_prefix)
        }
        # By the subjects as the records name them (the findings' own are masked
        # on a pull request, "CSPR-2025-03/withheld-2", and would match nothing).
        self.withheld = set(self.result.text_withheld)
        self.hidden |= {p.removeprefix(self.docs_prefix) for p in unsafe}
        #: Docs-relative paths of the pages that may be published: the allow list
        #: the hook holds MkDocs' files to (anything else in docs/ is left out).
        self.pages = {
            p.removeprefix(self.docs_prefix) for p in publishable_docs(self.kb, self.today)
        } - self.hidden
        self.public = [b for b in self.public if b.source not in unsafe]
        # What generated pages (groups, calendar, version pages, links) may name:
        # the records whose own page is published, never a withheld one's title.
        published = {self.docs_prefix + p for p in self.pages}
        self.public = [b for b in self.public if b.source in published]
        # A theme label or agency name with an identifying detail in it is shown
        # as its id (a checked slug) wherever a page would print it.
        held = self.withheld
        self.view = dataclasses.replace(
            self.kb,
            tors={k: t for k, t in self.kb.tors.items() if t.source in published},
            procedures={k: p for k, p in self.kb.procedures.items() if k in published},
            briefs={k: b for k, b in self.kb.briefs.items() if b.source in published},
            themes={
                k: t.model_copy(update={"label": k, "description": None}) if k in held else t
                for k, t in self.kb.themes.items()
            },
            agencies={
                k: a.model_copy(update={"name": k, "short": None}) if k in held else a
                for k, a in self.kb.agencies.items()
            },
            partnership=(
                self.kb.partnership.model_copy(update={"name": "The partnership", "area": "-"})
                if self.kb.partnership is not None and "partnership" in held
                else self.kb.partnership
            ),
        )
        self._records = self.kb.records_by_source()
        self.versions = {}
        shallow = is_shallow(self.kb.root)
        if self.explain_history:
            self.git_note = history_note(shallow)
        if shallow is not None:  # inside git: read the history
            for gid, tor in self.view.tors.items():
                self.versions[gid] = past_versions(self.kb.root, tor.source, tor.version)

    @classmethod
    def prepare(cls, root: Path, today: date, use_cache: bool = True, **kw: object) -> SiteBuild:
        """Load and check the knowledge base at ``root``; ``use_cache`` keeps parsed
        files in the user's cache folder (checks.speed)."""
        cache = open_cache(root) if use_cache else None
        with paused_gc(), using(cache):
            kb = load(root)
            result = run(kb, today)
        # Saved once the pages are generated (see generated()): a save keeps only
        # the answers asked for so far, and the gate reads file names later.
        return cls(kb, result, today, cache=cache, **kw)  # type: ignore[arg-type]

    def summary(self) -> str:
        """One line for the build log, so whoever reads a CI log sees what was
        checked and how much was kept back, without any of its content."""
        return (
            f"checked {self.result.files_read} files as at {self.today}: "
            f"{self.result.counts.describe()}; "
            f"{plural(len(self.public), 'learning brief')} published; "
            f"{plural(len(self.hidden), 'page')} withheld "
            "(drafts, embargoed briefs, and pages that are invalid or unsafe)"
        )

    # -- paths ---------------------------------------------------------------

    @property
    def docs_prefix(self) -> str:
        return self.kb.config.docs_dir.rstrip("/") + "/"

    def theme_vocabulary(self) -> set[str] | None:
        """The theme tags a published brief may carry (the tags plugin's allow
        list): each theme's label as shown. None while any entry of the themes
        did not load: a broken entry can swallow the next one's id, so the
        vocabulary is not known, and a brief must not be refused for the file's
        fault (KB002 reports it, and fails a strict build)."""
        if self.kb.unloaded_from("themes"):
            return None
        return {t.label for t in self.view.themes.values()}

    def record(self, src_uri: str) -> TermsOfReference | Brief | Procedure | None:
        """The record a docs page holds, if any (looked up for every page: keep it O(1))."""
        return self._records.get(self.docs_prefix + src_uri)

    def source_url(self, repo_path: str, line: int = 0) -> str | None:
        """The address of a line of a file in the repository's web view, if known."""
        return SourceLinks(self.repo_url, self.branch, self.edit_uri)(repo_path, line)

    # -- findings --------------------------------------------------------------

    def visible_findings(self) -> tuple[list[Finding], int]:
        """Findings safe to publish, and how many were held back.

        A finding about an unpublished brief would reveal that it exists (and its
        file name), so it is counted but not shown.
        """
        # A withheld finding's file is already shown only as a placeholder
        # (checks.rules.redaction); a finding about any other file in docs/ that is not
        # published (a page held back, a file the site leaves out) is counted only.
        shown = [f for f in self.result.findings if not f.withheld and self._may_name(f.file)]
        return shown, len(self.result.findings) - len(shown)

    def _may_name(self, path: str) -> bool:
        """Whether the dashboard may show a finding about this file: not about a
        page held back (a draft, an embargo, unsafe markup), nor about a brief that
        did not load (it may be a draft); a ToR or static file that failed is named,
        so the page that says "incomplete" also says what to fix."""
        if not path.startswith(self.docs_prefix):
            return True
        if path.removeprefix(self.docs_prefix) in self.pages:
            return True
        if path in self.kb.documents:
            return False
        return not path.startswith(self.docs_prefix + "briefs/")

    def unpublished_groups(self) -> frozenset[str]:
        """The groups whose ToR is on record but withheld, that published records
        (meetings, procedures) still name: named there by id already, so their
        dashboard page may be too."""
        named = {m.group for m in self.view.meetings}
        named |= {p.owner for p in self.view.procedures.values()}
        return frozenset(g for g in self.kb.tors if g not in self.view.tors and g in named)

    def page_of(self, finding: Finding) -> str | None:
        """The page a finding's dashboard entry links to: its own page, or the
        generated page that shows its file's records (by the loader's layout of
        the data folder: reviews.yaml, actions/, meetings/)."""
        f = finding.file
        data = self.kb.config.data_dir.rstrip("/") + "/"
        if f.startswith(self.docs_prefix) and f.endswith(".md"):
            return f.removeprefix(self.docs_prefix)
        if f == data + "reviews.yaml":
            return f"register.md#{finding.subject.lower()}" if finding.subject else "register.md"
        if f.startswith(data + "actions/"):
            review = finding.subject.split("/")[0]
            return f"actions.md#{review.lower()}" if review else "actions.md"
        if f.startswith(data + "meetings/") and "@" in finding.subject:
            group = finding.subject.split("@")[0]
            return f"tor/{group}.md" if group in self.view.tors else "groups.md"
        return None

    def named_files(self, findings: list[Finding]) -> frozenset[str]:
        """The files among ``findings``' whose path the dashboard must not print, in
        a link's text or its address: a data file is named by whoever saved it
        (``data/actions/<a child's name>.yaml``), so a name of any other form than
        the loader's own (a year, a review's reference) is read by the
        anonymisation gate first. A published page's path is its address already."""
        data = self.kb.config.data_dir.rstrip("/") + "/"
        unsure = sorted(
            {
                f.file
                for f in findings
                if f.file.removeprefix(self.docs_prefix) not in self.pages
                and not _PLAIN_DATA.fullmatch(f.file.removeprefix(data))
            }
        )
        if not unsure:
            return frozenset()  # the usual case: the language model is not loaded
        from checks.rules.ano001_identifying_detail import spans

        found = spans(unsure, self.kb, area="data")
        return frozenset(path for path, hits in zip(unsure, found, strict=True) if hits)

    # -- generated pages --------------------------------------------------------

    def generated(self) -> dict[str, str]:
        """Docs-relative path -> content of every page the knowledge base adds."""
        # In the cache the checks ran with: the gate's reading of file names and
        # the report charts are kept there (a warm build loads neither the
        # language model nor matplotlib for what it has seen before).
        with using(self.cache):
            pages = self._generated()
        if self.cache is not None:
            self.cache.save()
        return pages

    def _generated(self) -> dict[str, str]:
        kb, today, window = self.view, self.today, self.kb.config.warning_days
        shown, hidden = self.visible_findings()
        linked: dict[str, list[str]] = {}
        for b in self.public:
            name = kb.documents[b.source].docs_path
            linked.setdefault(b.review, []).append(f"[{esc(b.title)}]({name})")
        pages = {
            "groups.md": groups_page(kb, today, window),
            **register_pages(kb, self.result.findings, self.calendar, linked, self.withheld),
            **tracker_pages(kb, today, self.withheld),
            **dashboard_pages(
                self.result,
                shown,
                hidden,
                Owners(kb, self.unpublished_groups()),
                self.page_of,
                self.source_url,
                incomplete=bool(missing(kb, *PAGE_SOURCES["compliance.md"])),
                unnamed=self.named_files(shown),
            ),
            "rules/index.md": rules_index(),
            **briefs_pages.briefs_index(kb, self.public),
            **briefs_pages.by_theme(kb, self.public),
            **briefs_pages.by_audience(kb, self.public),
            **briefs_pages.by_year(kb, self.public),
            "calendar.ics": calendar_file.ics(
                calendar_notice(kb, today)
                + calendar_file.deadlines(kb, today, self.calendar, self.public, self.withheld),
                f"{kb.partnership.name if kb.partnership else 'Partnership'} deadlines",
                today,
            ),
        }
        # The reports for the executive, and their charts (checks/site/report_pages.py).
        pages.update(report_pages(kb, today, self.public, self.link))
        for page in list(pages):
            # A page built from records that did not load says so at the top,
            # the pages a list continues on and each owner's page included.
            box = notice(kb, page) if page.endswith(".md") else ""
            if box:
                pages[page] = _after_title(pages[page], box)
        pages = self._masked(pages)
        for code, rule in REGISTRY.items():
            pages[f"rules/{code}.md"] = rule_page(rule)
        for gid, past in self.versions.items():
            tor = kb.tors[gid]
            for i, version in enumerate(past):
                previous = past[i - 1] if i else None
                pages[version_uri(gid, version.version)] = version_page(
                    kb, tor, version, previous, "../"
                )
        return pages

    @property
    def unvetted(self) -> Unvetted:
        """The words this pull request brings that nobody has vetted (none when
        there is no trusted copy): read once per build."""
        return Unvetted.of(self.kb)

    def _masked(self, pages: dict[str, str]) -> dict[str, str]:
        """``pages`` (paths and contents) with every word a pull request brings
        unvetted shown as its placeholder (checks/rules/unvetted.py), except in a
        Markdown link's target that names a published page by its source path:
        MkDocs turns that into the page's address, which is masked where it is
        made (checks/site/masked_paths.py). A page's path printed as text is
        masked like any other text."""
        unvetted = self.unvetted
        if not unvetted:
            return pages

        def mask(path: str, text: str) -> str:
            folder = posixpath.dirname(path)
            out, at = [], 0
            for m in _LINK_TARGET.finditer(text):
                target, hash_, anchor = m.group(1).partition("#")
                if posixpath.normpath(posixpath.join(folder, target)) in self.pages:
                    out += [unvetted.mask(text[at : m.start(1)]), target + hash_]
                    at = m.end(1) - len(anchor)
            return "".join([*out, unvetted.mask(text[at:])])

        return {unvetted.mask(path): mask(path, content) for path, content in pages.items()}

    def edit_path(self, src_uri: str) -> str | None:
        """Where "edit this page" should point for a generated page, relative to docs/."""
        data = "../" + self.kb.config.data_dir.rstrip("/")
        code = src_uri.removeprefix("rules/").removesuffix(".md")
        if src_uri.startswith("rules/") and code in REGISTRY:
            # A rule's page is its module's docstring: edit it there.
            return "../" + REGISTRY[code].module.replace(".", "/") + ".py"
        return {
            "register.md": f"{data}/reviews.yaml",
            "actions.md": f"{data}/actions/",
            "groups.md": "tor/",
        }.get(src_uri)

    # -- decorating real pages --------------------------------------------------

    def tags(self, src_uri: str) -> list[str]:
        record = self.record(src_uri)
        return theme_labels(self.view, record) if isinstance(record, Brief) else []

    def decorate(self, src_uri: str, markdown: str) -> str:
        """``markdown`` with what the knowledge base adds to its page."""
        if src_uri == "index.md":
            return self._home(markdown)
        record = self.record(src_uri)
        if isinstance(record, TermsOfReference):
            head = tor_header(self.view, record, self.today, self.kb.config.warning_days)
            pages = {
                v.version: f"{record.id}/v{v.version}.md" for v in self.versions.get(record.id, [])
            }
            tail = (
                "\n"
                + tor_membership(self.view, record)
                + "\n"
                + tor_history(self.view, record, self.git_note, pages)
            )
            past = self.versions.get(record.id, [])
            if past:
                latest = past[-1]
                tail += (
                    f"\n## Changes from version {esc(latest.version)}\n\n"
                    + seats_changed(
                        self.view, latest.members, tuple((m.agency, m.role) for m in record.members)
                    )
                    + compare(latest.body, markdown)
                )
            return _after_title(markdown, head) + tail
        if isinstance(record, Brief):
            register = self.link(f"register.md#{record.review.lower()}", src_uri)
            header = (
                print_note(self._partnership_name(), self._address(src_uri), self.today)
                + brief_banner(record, self.today)
                + brief_header(self.view, record, markdown, register)
            )
            return _after_title(markdown, header)
        if isinstance(record, Procedure):
            status = review_status(record.review_by, self.today, self.kb.config.warning_days)
            owner = self.view.tors.get(record.owner)
            owner_text = (
                f"[{esc(owner.title)}](../tor/{record.owner}.md)" if owner else esc(record.owner)
            )
            head = (
                f'!!! {status.kind} "{esc(status.label)}"\n\n'
                f"    Last reviewed {long_date(record.last_reviewed)}; reviewed every "
                f"{esc(record.review_in)}. {esc(status.detail)} Owner: {owner_text}.\n"
            )
            return _after_title(markdown, head)
        return markdown

    def _partnership_name(self) -> str:
        partnership = self.view.partnership
        return partnership.name if partnership is not None else "The partnership"

    def _address(self, src_uri: str) -> str:
        """A page's address as a reader would type it: under the published
        address when it is known, else its path on the site."""
        path = self.link(src_uri, "index.md")
        return urljoin(self.site_url, path) if self.site_url else path

    def _home(self, markdown: str) -> str:
        newest = (
            "\n".join(
                f"- [{esc(b.title)}]({self.kb.documents[b.source].docs_path}) "
                f"({long_date(b.publish_on)})"
                for b in self.public[:5]
            )
            or "No briefs are published yet."
        )
        shown, _ = self.visible_findings()
        count = partial(self._count, shown)
        overdue = count(("ACT001",), "overdue actions", ("actions",))
        late = ("REV001", "REV002", "REV003")
        late_reviews = count(late, "late or overdue review steps", ("reviews", "calendar"))
        tor_due = count(
            ("TOR001", "TOR002", "TOR003"),
            "terms of reference lapsed, due for review or undated",
            ("tors",),
        )
        codes = {f.code for f in shown}
        yearly = (
            # PRT001 and PRT002 do not run without the partnership: no line is not "on time".
            ["- [The yearly report could not be checked (records did not load)](compliance.md)"]
            if missing(self.kb, "partnership")
            else ["- [The yearly report is overdue, or none is recorded](compliance.md)"]
            if "PRT001" in codes
            else ["- [The next yearly report is due soon](compliance.md)"]
            if "PRT002" in codes
            else []
        )
        attention = "\n".join(
            [
                f"- [{overdue}](actions.md#overdue)",
                f"- [{late_reviews}](register.md)",
                f"- [{tor_due}](groups.md)",
                *yearly,
                f"- [All {len(shown)} findings on the compliance dashboard](compliance.md)",
            ]
        )
        if "<!-- kb:attention -->" not in markdown:
            # The counts are the point of the home page: a page that drops their
            # marker (and writes its own "all clear") still shows them, first.
            markdown = _after_title(markdown, "## Needs attention\n\n<!-- kb:attention -->")
        markdown = markdown.replace("<!-- kb:newest-briefs -->", newest).replace(
            "<!-- kb:attention -->", attention
        )
        box = notice(self.kb, "index.md")
        return _after_title(markdown, box) if box else markdown

    def _count(
        self, shown: list[Finding], codes: tuple[str, ...], what: str, needs: tuple[str, ...]
    ) -> str:
        """The count of ``codes`` among ``shown``, as "N <what>"; while records it
        counts did not load, that it could not be counted (never a number that
        reads as all clear)."""
        if missing(self.kb, *needs):
            return f"{what[0].upper()}{what[1:]}: could not be counted (records did not load)"
        return f"{sum(1 for f in shown if f.code in codes)} {what}"


def _after_title(markdown: str, insert: str) -> str:
    """Insert after the first level-1 heading, or at the top if there is none."""
    lines = markdown.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("# "):
            # Blank lines around it, so an HTML block ends where it should.
            return "\n".join([*lines[: i + 1], "", insert.rstrip("\n"), "", *lines[i + 1 :]])
    return insert.rstrip("\n") + "\n\n" + markdown
