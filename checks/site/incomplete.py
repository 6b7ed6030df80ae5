"""Saying on a generated page that records it shows did not load.

A page built from a file that did not load would otherwise look complete: an
empty register, a tracker with no overdue actions, "0 late review steps" on the
home page. Each generated page names the records it shows (:data:`PAGE_SOURCES`),
and while any of them did not load it opens with a warning box naming the file,
and its counts are not given as if they were whole.
"""

from __future__ import annotations

from datetime import date

from checks.model.knowledge_base import SOURCES, KnowledgeBase, Unloaded
from checks.reports.markdown import esc
from checks.site.calendar_file import Deadline

#: The records each generated page shows (see checks.model.knowledge_base.SOURCES).
PAGE_SOURCES: dict[str, tuple[str, ...]] = {
    "index.md": SOURCES,
    "compliance.md": SOURCES,
    "register.md": ("reviews", "calendar"),
    "actions.md": ("actions", "partnership"),
    "groups.md": ("tors", "partnership"),
    "briefs/index.md": ("briefs",),
    "briefs/years.md": ("briefs",),
    "briefs/themes.md": ("briefs", "themes"),
    "briefs/audience.md": ("briefs", "partnership"),
    "calendar.ics": ("tors", "reviews", "actions", "procedures", "partnership", "calendar"),
    # The executive's reports (checks/site/report_pages.py) draw on every record;
    # "reports.md" stands for each page in reports/.
    "reports.md": SOURCES,
}

#: Sources held in pages: a page that did not load may be a draft or embargoed,
#: so a published page never names it (nor its record).
_PAGES = {"tors": "terms of reference", "briefs": "learning brief", "procedures": "procedure"}


def what(unloaded: Unloaded) -> str:
    """What did not load, in words safe to publish."""
    kind = _PAGES.get(unloaded.source)
    if kind is not None:
        return f"a {kind} page did not load"
    return unloaded.describe()


def missing(kb: KnowledgeBase, *sources: str) -> list[str]:
    """What did not load of these sources, each once, in words safe to publish."""
    return list(dict.fromkeys(what(u) for u in kb.unloaded_from(*sources)))


def sources_of(page: str) -> tuple[str, ...]:
    """The records ``page`` shows: its own entry in :data:`PAGE_SOURCES`, or,
    for a page in the folder named after a listed page, that page's: the pages
    a list continues on (``actions/2.md``, ``briefs/index/2.md``) and each
    owner's page of the dashboard (``compliance/agency-police.md``) show the
    same records, and are as incomplete."""
    if page in PAGE_SOURCES:
        return PAGE_SOURCES[page]
    folder = page.rpartition("/")[0]
    return PAGE_SOURCES.get(f"{folder}.md", ()) if folder else ()


def notice(kb: KnowledgeBase, page: str) -> str:
    """The warning box for the top of ``page`` (a docs-relative path), or ''."""
    lost = missing(kb, *sources_of(page))
    if not lost:
        return ""
    title = lost[0] if len(lost) == 1 else f"{len(lost)} files or entries did not load"
    # The title names the one thing lost; several are listed below it.
    items = "".join(f"    - {esc(item)}\n" for item in lost) if len(lost) > 1 else ""
    return (
        f'!!! danger "Incomplete: {esc(title).replace(chr(34), "&quot;")}"\n\n'
        "    The figures on this page are incomplete: what did not load is missing "
        "from it, and no count here includes it. `kb check` reports the error at its "
        "line; once it is fixed, this page is whole again.\n" + (f"\n{items}" if items else "")
    )


def calendar_notice(kb: KnowledgeBase, today: date) -> list[Deadline]:
    """An event today saying the calendar is incomplete, or nothing: subscribers
    see no page, so the calendar says it in an event of its own."""
    lost = missing(kb, *PAGE_SOURCES["calendar.ics"])
    if not lost:
        return []
    return [
        Deadline(
            uid=f"incomplete-{today:%Y%m%d}",
            day=today,
            summary="Deadlines incomplete: some records did not load",
            description="These deadlines are incomplete, because "
            + "; ".join(lost)
            + ". Run kb check to see the error.",
        )
    ]
