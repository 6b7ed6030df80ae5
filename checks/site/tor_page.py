"""The header of a ToR page: status banner, document control, membership, history.

What the ToR does not state (its `not_stated` list) is shown as "Not stated",
never as the model's default: a reader must not take a default for the ToR's word.
"""

from __future__ import annotations

from datetime import date

from checks.model import TermsOfReference
from checks.model.knowledge_base import KnowledgeBase
from checks.model.labels import TOR_STATUSES, label, long_date
from checks.model.tor import Seat
from checks.reports.markdown import esc, table
from checks.site.status import tor_status

NOT_STATED = "Not stated"


def _when(d: date | None) -> str:
    return long_date(d) if d else "not set"


def _group_link(kb: KnowledgeBase, group: str | None) -> str:
    if group is None:
        return "none"
    tor = kb.tors.get(group)
    if tor is None:
        return esc(kb.group_name(group))
    return f"[{esc(tor.title)}]({group}.md)"


def _fact(tor: TermsOfReference, fact: str, shown: str) -> str:
    """``shown``, or "Not stated" when the ToR lists ``fact`` under `not_stated`."""
    return shown if tor.stated(fact) else NOT_STATED


def _reports_to(kb: KnowledgeBase, tor: TermsOfReference) -> str:
    if not tor.stated("reports_to"):
        return NOT_STATED
    if tor.reports_to is None and tor.reporting_line:
        return esc(tor.reporting_line)  # named in the document, not a group on record
    return _group_link(kb, tor.reports_to)


def tor_header(kb: KnowledgeBase, tor: TermsOfReference, today: date, window: int) -> str:
    status = tor_status(tor, today, window)
    out = [f'!!! {status.kind} "{esc(status.label)}"\n\n    {esc(status.detail)}\n']
    out.append('<div class="kb-doc-control" markdown>\n')
    rows = [
        ["Version", _fact(tor, "version", esc(tor.version))],
        ["Status", _fact(tor, "status", esc(label(TOR_STATUSES, tor.status)))],
        *_approval(kb, tor),
        ["Next review", _fact(tor, "next_review", _when(tor.review_due()))],
        ["Reports to", _reports_to(kb, tor)],
    ]
    if tor.reporting_cadence:
        rows.append(["Reports upward", esc(tor.reporting_cadence)])
    meets = NOT_STATED if tor.frequency == "not stated" else esc(tor.frequency)
    rows.append(["Meets", _fact(tor, "frequency", meets)])
    if tor.ad_hoc:
        rows.append(["Also meets ad hoc", esc(tor.ad_hoc)])
    if tor.meeting_length:
        rows.append(["Meeting length", esc(tor.meeting_length)])
    if tor.purpose or not tor.stated("purpose"):
        rows.append(["Purpose", _fact(tor, "purpose", esc(tor.purpose or ""))])
    out.append(table(["Document control", "Detail"], rows))
    out.append("\n</div>\n")
    return "\n".join(out)


def _approval(kb: KnowledgeBase, tor: TermsOfReference) -> list[list[str]]:
    """The approval rows. A draft or proposed ToR is not approved, whatever date
    its front matter still carries from the version before: it says so, and
    which group is to approve it."""
    by = _fact(tor, "approved_by", _group_link(kb, tor.approved_by))
    if tor.stated("status") and tor.status in ("draft", "proposed"):
        return [["Approved on", "Not yet approved"], ["To be approved by", by]]
    return [
        ["Approved on", _fact(tor, "approved_on", _when(tor.approved_on))],
        ["Approved by", by],
    ]


def _office(kb: KnowledgeBase, seat: Seat) -> tuple[str, str]:
    """The agency and role cells of a seat; an open office says so."""
    if seat.office == "to be decided":
        return "To be decided", ""
    if seat.office == "not stated":
        return NOT_STATED, ""
    agency = esc(kb.agency_name(seat.agency)) if seat.agency else NOT_STATED
    return agency, esc(seat.role)


def _quorum(kb: KnowledgeBase, tor: TermsOfReference) -> str:
    if not tor.stated("quorum"):
        return NOT_STATED
    parts = []
    if tor.quorum is not None or tor.quorum_rule is None:
        # Left out altogether, the model's rule is the three statutory partners.
        agencies = tor.quorum if tor.quorum is not None else kb.statutory
        parts.append(", ".join(esc(kb.agency_name(a)) for a in agencies))
    if tor.quorum_rule:
        parts.append(esc(tor.quorum_rule))
    return "; ".join(parts)


def _papers(tor: TermsOfReference) -> str:
    papers = (
        f"Papers go out {tor.papers_days} working days before each meeting"
        if tor.stated("papers_days")
        else f"Papers deadline: {NOT_STATED.lower()}"
    )
    if tor.ad_hoc_papers_days is not None:
        papers += f" ({tor.ad_hoc_papers_days} before an ad hoc meeting)"
    minutes = (
        f"minutes follow within {esc(tor.minutes_within)}"
        if tor.stated("minutes_within")
        else f"minutes deadline: {NOT_STATED.lower()}"
    )
    return f"{papers}; {minutes}.\n"


def tor_membership(kb: KnowledgeBase, tor: TermsOfReference) -> str:
    rows = []
    if tor.stated("chair"):
        rows.append(["Chair", *_office(kb, tor.chair), ""])
    else:
        rows.append(["Chair", NOT_STATED, "", ""])
    if tor.co_chair:
        rows.append(["Co-chair", *_office(kb, tor.co_chair), ""])
    if tor.vice_chair:
        rows.append(["Vice-chair", *_office(kb, tor.vice_chair), ""])
    for m in tor.members:
        rows.append(["Member", *_office(kb, m), esc(m.deputy or "")])
    if not tor.stated("members"):
        rows.append(["Members", NOT_STATED, "", ""])
    out = "## Membership\n\n" + table(["Seat", "Agency", "Role", "Named deputy"], rows)
    if tor.invited:
        out += f"\n**Invited or co-opted:** {esc(tor.invited)}\n"
    if tor.deputy_rule:
        out += f"\n**Deputies:** {esc(tor.deputy_rule)}\n"
    out += f"\n**Quorum:** {_quorum(kb, tor)}.\n\n"
    return out + _papers(tor)


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
