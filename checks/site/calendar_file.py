"""``calendar.ics``: upcoming deadlines that Outlook or Google Calendar can subscribe to.

Written by hand to RFC 5545 (CRLF line ends, lines folded at 75 octets, text
escaped) because it is small; the tests parse it with the ``icalendar`` package.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from checks.model import Brief
from checks.model.knowledge_base import KnowledgeBase
from checks.model.working_days import WorkingCalendar


@dataclass(frozen=True, slots=True)
class Deadline:
    uid: str
    day: date
    summary: str
    description: str


def deadlines(
    kb: KnowledgeBase,
    today: date,
    calendar: WorkingCalendar,
    public_briefs: Iterable[Brief],
    withheld: set[str] | None = None,
) -> list[Deadline]:
    """Upcoming deadlines; text of ``withheld`` subjects is left out."""
    withheld = withheld or set()
    found: list[Deadline] = []
    for tor in kb.tors.values():
        due = tor.review_due()
        if tor.status == "approved" and due and due >= today:
            found.append(
                Deadline(
                    f"tor-{tor.id}",
                    due,
                    f"ToR review due: {tor.title}",
                    f"Review the terms of reference of {tor.title}.",
                )
            )
    for plan, a in kb.actions():
        if a.is_open and a.due >= today:
            found.append(
                Deadline(
                    f"action-{plan.review}-{a.id}",
                    a.due,
                    f"Action due: {plan.review} {a.id}",
                    "See the action tracker."
                    if f"{plan.review}/{a.id}" in withheld
                    else a.recommendation,
                )
            )
    for r in kb.reviews.values():
        if r.sin_sent and not r.rr_sent and r.status not in ("closed", "published"):
            due = calendar.add(r.sin_sent, 15)
            if due >= today:
                found.append(
                    Deadline(
                        f"rr-{r.ref}",
                        due,
                        f"Rapid review due: {r.ref}",
                        "Rapid review to the national Panel (15 working days).",
                    )
                )
        if r.kind in ("lcspr", "sar") and r.decision_on and not r.published_on:
            due = r.decision_on + relativedelta(months=6)
            if due >= today:
                found.append(
                    Deadline(
                        f"pub-{r.ref}",
                        due,
                        f"Publication target: {r.ref}",
                        "Six months from the decision to undertake the review.",
                    )
                )
    latest = kb.partnership.latest_yearly_report(today) if kb.partnership else None
    if latest is not None:
        due = latest.next_due()
        if due >= today:
            found.append(
                Deadline(
                    "yearly-report",
                    due,
                    "Yearly report due",
                    "The safeguarding partners' yearly report (one in every 12 months).",
                )
            )
    for path, proc in kb.procedures.items():
        if proc.review_by >= today:
            found.append(
                Deadline(
                    f"proc-{path}", proc.review_by, f"Procedure review due: {proc.title}", path
                )
            )
    for brief in public_briefs:
        if brief.review_by >= today:
            found.append(
                Deadline(
                    f"brief-{brief.id}",
                    brief.review_by,
                    f"Brief review due: {brief.id}",
                    brief.title,
                )
            )
    return sorted(found, key=lambda d: (d.day, d.uid))


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Fold a content line at 75 octets, never inside a UTF-8 sequence."""
    if len(line) <= 75 and line.isascii():
        return line  # most lines: nothing to fold, and no need to walk them
    out: list[str] = []
    current = b""
    for ch in line:
        b = ch.encode("utf-8")
        if len(current) + len(b) > (75 if not out else 74):
            out.append(current.decode("utf-8"))
            current = b""
        current += b
    out.append(current.decode("utf-8"))
    return "\r\n ".join(out)


def ics(items: Iterable[Deadline], name: str, today: date, domain: str = "kb.invalid") -> str:
    stamp = f"{today:%Y%m%d}T000000Z"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//kb-checks//Safeguarding partnership deadlines//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(name)}",
    ]
    for d in items:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{_escape(d.uid)}@{domain}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{d.day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{d.day + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_escape(d.summary)}",
            f"DESCRIPTION:{_escape(d.description)}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)
