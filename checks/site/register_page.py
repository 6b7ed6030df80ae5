"""The anonymised review register, with timeliness against the statutory timescales."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from checks.model import Review
from checks.model.findings import Finding
from checks.model.knowledge_base import KnowledgeBase
from checks.model.labels import DECISIONS, REVIEW_STATUSES, label, long_date
from checks.model.working_days import WorkingCalendar
from checks.reports.markdown import esc
from checks.site.paging import Section, pack

KINDS = {
    "rapid-review": "Rapid review",
    "lcspr": "Local child safeguarding practice review",
    "learning-review": "Other learning review",
    "sar": "Safeguarding adults review",
    "dardr": "Domestic abuse related death review",
}


def _d(d: date | None) -> str:
    return long_date(d)


#: Said for a review whose timeliness checks did not run (see KB008).
NOT_CHECKED = "Not checked: records the checks need did not load"


def _timeliness(review: Review, findings: Sequence[Finding], checked: bool = True) -> str:
    mine = [f for f in findings if f.subject == review.ref and f.code.startswith("REV")]
    if not mine:
        return "On time" if checked else NOT_CHECKED
    return "<br>".join(f"**{f.code}**: {esc(f.message, keep_code=True)}" for f in mine)


def _summary(timeliness: str) -> str:
    return timeliness if timeliness in ("On time", NOT_CHECKED) else "**Late or overdue**"


def register_pages(
    kb: KnowledgeBase,
    findings: Sequence[Finding],
    calendar: WorkingCalendar,
    briefs: dict[str, list[str]],
    withheld: set[str] | None = None,
) -> dict[str, str]:
    """The register's pages: ``register.md`` and, as the reviews need,
    ``register/N.md`` (checks/site/paging.py keeps each page bounded)."""
    withheld = withheld or set()
    # Without the nation's bank holidays the working-day checks do not run: no
    # finding then is not "on time".
    checked = not any(u.blocks for u in kb.unloaded_from("reviews", "calendar"))
    timeliness = {r.ref: _timeliness(r, findings, checked) for r in kb.reviews.values()}
    first = "\n".join(
        [
            "# Review register\n",
            "The partnership's case reviews, by anonymised reference and pseudonym only. "
            "Timeliness is measured against the statutory timescales: notification within "
            "5 working days, rapid review within 15 working days of the notification, and "
            "publication within 6 months of the decision.\n",
        ]
    )
    sections = [
        Section(
            "reviews",
            "All reviews",
            headers=["Reference", "Pseudonym", "Kind", "Status", "Timeliness"],
            rows=[
                [
                    f"[{esc(r.ref)}](register.md#{r.ref.lower()})",
                    esc(r.pseudonym),
                    KINDS[r.kind],
                    label(REVIEW_STATUSES, r.status),
                    _summary(timeliness[r.ref]),
                ]
                for r in kb.reviews.values()
            ],
        )
    ]
    actions: dict[str, int] = {}
    for plan in kb.plans:
        actions[plan.review] = actions.get(plan.review, 0) + len(plan.actions)
    for r in kb.reviews.values():
        if r.ref in withheld:
            text = (
                f"*The title and notes are withheld: they contain an identifying "
                f"detail.* {KINDS[r.kind]}."
            )
        else:
            text = f"{esc(r.title)}. {KINDS[r.kind]}." if r.title else ""
        rows = [
            ["Became aware", _d(r.aware_on)],
            ["Notification sent", _d(r.sin_sent)],
            ["Rapid review sent", _d(r.rr_sent)],
            [
                "Decision",
                (label(DECISIONS, r.decision) + " on " + _d(r.decision_on)) if r.decision else "—",
            ],
            ["Commissioned", _d(r.commissioned_on)],
            ["Advance copy sent", _d(r.advance_copy_sent)],
            *(
                [["Home Office quality assurance", _d(r.quality_assured_on)]]
                if r.kind == "dardr"
                else []
            ),
            ["Published", _d(r.published_on)],
        ]
        if r.removed_on:
            rows.append(["Report taken down", _d(r.removed_on)])
        if r.sin_sent and not r.rr_sent and r.kind in ("rapid-review", "lcspr", "learning-review"):
            rows.append(["Rapid review due", _d(calendar.add(r.sin_sent, 15))])
        after = [f"**Timeliness:** {timeliness[r.ref]}\n"]
        linked = briefs.get(r.ref, [])
        if linked:
            after.append("\n**Learning briefs:** " + ", ".join(linked) + "\n")
        if r.ref in actions:
            n = actions[r.ref]
            after.append(
                f"\n**Actions:** [{n} in the action tracker](actions.md#{r.ref.lower()})\n"
            )
        sections.append(
            Section(
                r.ref.lower(),
                f"{esc(r.ref)}: {esc(r.pseudonym)}",
                text=text,
                headers=["Step", "Date"],
                rows=rows,
                after="".join(after),
            )
        )
    return pack("register.md", "Review register", first, sections)
