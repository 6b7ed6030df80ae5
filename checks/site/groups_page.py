"""The groups directory and the governance map of who reports to whom."""

from __future__ import annotations

from datetime import date

from checks.model import TermsOfReference
from checks.model.knowledge_base import KnowledgeBase
from checks.model.tor import Seat
from checks.reports.markdown import esc, table
from checks.site.status import tor_status


def _children(kb: KnowledgeBase) -> dict[str | None, list[str]]:
    tree: dict[str | None, list[str]] = {}
    for gid, tor in sorted(kb.tors.items(), key=lambda kv: kv[1].title):
        parent = tor.reports_to if tor.reports_to in kb.tors else None
        tree.setdefault(parent, []).append(gid)
    return tree


def governance_map(kb: KnowledgeBase) -> str:
    """A nested list: readable by screen readers and without CSS; styled as a tree."""
    tree = _children(kb)
    lines: list[str] = []
    placed: set[str] = set()

    def walk(gid: str, depth: int) -> None:
        if gid in placed:  # a reporting loop (TOR007): show it once
            return
        placed.add(gid)
        tor = kb.tors[gid]
        lines.append("    " * depth + f"- [{esc(tor.title)}](tor/{gid}.md)")
        for child in tree.get(gid, []):
            walk(child, depth + 1)

    for root in tree.get(None, []):
        walk(root, 0)
    for gid in sorted(kb.tors):  # groups caught in a loop have no root
        walk(gid, 0)
    return (
        '<nav class="kb-map" aria-label="Governance map" markdown>\n\n'
        + "\n".join(lines)
        + "\n\n</nav>\n"
    )


def _chair(kb: KnowledgeBase, tor: TermsOfReference) -> str:
    """The chair's agency by name (and a co-chair's); an office the ToR leaves open
    says so, never an id or a default."""

    def one(seat: Seat) -> str:
        if seat.office == "to be decided":
            return "To be decided"
        if seat.office == "not stated" or seat.agency is None:
            return "Not stated"
        return esc(kb.agency_name(seat.agency))

    if not tor.stated("chair"):
        return "Not stated"
    if tor.co_chair is not None:
        return f"{one(tor.chair)} and {one(tor.co_chair)} (co-chairs)"
    return one(tor.chair)


def _reports_to(kb: KnowledgeBase, tor: TermsOfReference) -> str:
    """The parent group's title; the line the document names where it is no group
    on record; "Not stated" when the ToR is silent."""
    if not tor.stated("reports_to"):
        return "Not stated"
    parent = kb.tors.get(tor.reports_to or "")
    if parent is not None:
        return esc(parent.title)
    if tor.reporting_line:
        return esc(tor.reporting_line)
    return esc(kb.group_name(tor.reports_to)) if tor.reports_to else "—"


def groups_page(kb: KnowledgeBase, today: date, window: int) -> str:
    rows = []
    for gid, tor in sorted(kb.tors.items(), key=lambda kv: kv[1].title):
        status = tor_status(tor, today, window)
        rows.append(
            [
                f"[{esc(tor.title)}](tor/{gid}.md)",
                _chair(kb, tor),
                "Not stated" if tor.frequency == "not stated" else esc(tor.frequency),
                _reports_to(kb, tor),
                esc(status.label),
            ]
        )
    return (
        "# Groups\n\n"
        "Every group of the partnership, with its terms of reference.\n\n"
        "## Governance map\n\nWho reports to whom.\n\n"
        + governance_map(kb)
        + "\n## Directory\n\n"
        + table(["Group", "Chair", "Meets", "Reports to", "Terms of reference"], rows)
    )
