"""The header of a ToR page: status banner, document control, membership, history."""

from __future__ import annotations

from datetime import date

from checks.model import TermsOfReference
from checks.model.knowledge_base import KnowledgeBase
from checks.site.status import tor_status
from checks.site.text import esc, table


def _when(d: date | None) -> str:
    return f"{d:%-d %B %Y}" if d else "not set"


def _group_link(kb: KnowledgeBase, group: str | None) -> str:
    if group is None:
        return "none"
    tor = kb.tors.get(group)
    if tor is None:
        return esc(group)
    return f"[{esc(tor.title)}]({group}.md)"


def tor_header(kb: KnowledgeBase, tor: TermsOfReference, today: date, window: int) -> str:
    status = tor_status(tor, today, window)
    out = [f'!!! {status.kind} "{esc(status.label)}"\n\n    {esc(status.detail)}\n']
    out.append('<div class="kb-doc-control" markdown>\n')
    out.append(
        table(
            ["Document control", "Detail"],
            [
                ["Version", esc(tor.version)],
                ["Status", esc(tor.status)],
                ["Approved on", _when(tor.approved_on)],
                ["Approved by", _group_link(kb, tor.approved_by)],
                ["Next review", _when(tor.review_due())],
                ["Reports to", _group_link(kb, tor.reports_to)],
                ["Meets", esc(tor.frequency)],
            ],
        )
    )
    out.append("\n</div>\n")
    return "\n".join(out)


def tor_membership(kb: KnowledgeBase, tor: TermsOfReference) -> str:
    rows = []
    chair = tor.chair
    rows.append(["Chair", esc(kb.agency_name(chair.agency)), esc(chair.role), ""])
    if tor.vice_chair:
        v = tor.vice_chair
        rows.append(["Vice-chair", esc(kb.agency_name(v.agency)), esc(v.role), ""])
    for m in tor.members:
        rows.append(["Member", esc(kb.agency_name(m.agency)), esc(m.role), esc(m.deputy or "")])
    quorum = tor.quorum if tor.quorum is not None else kb.statutory
    quorate = ", ".join(esc(kb.agency_name(a)) for a in quorum)
    return (
        "## Membership\n\n"
        + table(["Seat", "Agency", "Role", "Named deputy"], rows)
        + f"\n**Quorum:** {quorate}.\n\n"
        + f"Papers go out {tor.papers_days} working days before each meeting; minutes "
        f"follow within {esc(tor.minutes_within)}.\n"
    )


def tor_history(
    kb: KnowledgeBase,
    tor: TermsOfReference,
    git_note: str | None,
    pages: dict[str, str] | None = None,
) -> str:
    """The history table; ``pages`` maps versions to the pages that show them."""
    pages = pages or {}

    def version(v: str) -> str:
        return f"[{esc(v)}]({pages[v]})" if v in pages else esc(v)

    rows = [
        [version(h.version), _when(h.date), _group_link(kb, h.approved_by), esc(h.summary)]
        for h in reversed(tor.history)
    ]
    out = "## Version history\n\n"
    out += table(["Version", "Approved", "By", "What changed"], rows) if rows else "None.\n"
    if git_note:
        out += f"\n{git_note}\n"
    return out
