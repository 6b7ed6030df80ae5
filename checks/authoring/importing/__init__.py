"""`kb import tor FILE`: one ToR page from a Word, PDF, text or Markdown document.

The page's body is the document's text as Markdown; its front matter holds what
the document states, each value with a comment naming the line it came from.
What the document does not state is listed under ``not_stated`` (a TOR011
finding each), never filled with a default. The page is written to a
temporary file and renamed, so a failure leaves nothing half-written.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from checks.authoring.importing.extract import Fact, Facts, SeatFact, extract
from checks.authoring.importing.reading import ImportRefused, Line, read
from checks.loading import load
from checks.model.knowledge_base import KnowledgeBase

__all__ = ["ImportRefused", "Imported", "import_tor"]


@dataclass(slots=True)
class Imported:
    path: Path
    facts: Facts
    not_stated: list[str]
    notes: list[str] = field(default_factory=list)


def _q(value: object) -> str:
    """A YAML scalar: JSON's double-quoted strings are valid YAML."""
    return json.dumps(value, ensure_ascii=False)


def _said(line: Line, note: str = "") -> str:
    quoted = line.text if len(line.text) <= 70 else line.text[:67] + "..."
    quoted = quoted.replace("\n", " ")
    return f'  # {line.where}: "{quoted}"' + (f" ({note})" if note else "")


def _seat(seat: SeatFact) -> str:
    parts = [f"agency: {seat.agency if seat.agency else 'null'}", f"role: {_q(seat.role)}"]
    if seat.office:
        parts = [f"office: {seat.office}"]
    return "{" + ", ".join(parts) + "}"


def _match_group(kb: KnowledgeBase, name: str) -> str | None:
    """The id of the ToR here whose title is ``name`` (give or take the
    partnership's initials and "the")."""

    def norm(text: str) -> str:
        words = re.findall(r"[a-z]+", text.lower())
        return " ".join(
            w for w in words if w not in {"the", "joint"} and len(w) > 1 and not (w.isupper())
        )

    wanted = norm(re.sub(r"\b[A-Z]{2,}[/A-Z]*\b", "", name))
    for gid, tor in kb.tors.items():
        if norm(tor.title) == wanted or gid == wanted.replace(" ", "-"):
            return gid
    return None


def front_matter(
    kb: KnowledgeBase, facts: Facts, source: str, today: date, notes: list[str]
) -> tuple[str, list[str]]:
    out = [
        "---",
        "# yaml-language-server: $schema=../../schemas/tor.schema.json",
        f"# Imported by `kb import tor` from {source} on {today}. Each value names the",
        "# place in the document it came from: check it there. `not_stated` lists what",
        "# the document does not say; each is a finding (TOR011) until the group agrees it.",
    ]
    missing: list[str] = []

    def put(key: str, fact: Fact | None, fmt: str | None = None, *, needed: bool = True) -> None:
        if fact is None:
            if needed:
                missing.append(key)
            return
        value = fmt if fmt is not None else _q(fact.value)
        out.append(f"{key}: {value}" + _said(fact.line, fact.note))

    put("title", facts.title)
    if facts.title is None:
        out.append(f"title: {_q(Path(source).stem)}  # not stated: the file's name")
    if facts.status is not None:
        put("status", facts.status, str(facts.status.value))
        status = str(facts.status.value)
    elif facts.approval is not None:
        status = "approved"
        out.append("status: approved" + _said(facts.approval.line, "it says it was approved"))
    else:
        # Never approved by default: a ToR that does not say it was approved is
        # not taken as in force (no meeting is judged against it) until it is.
        status = "proposed"
        missing.append("status")
        out.append(
            "status: proposed  # not stated: the document does not say it was approved; "
            "set `approved` once the group confirms it"
        )
    if facts.version is not None:
        put("version", facts.version)
    else:
        missing.append("version")
        out.append('version: "1.0"  # not stated: the number this page starts from')
    if "status" in missing and facts.approved_on is not None:
        # A date of this version ("Refreshed: November 2023") that the document
        # does not call an approval: kept for the reader, not as `approved_on`.
        out.append(
            f"# approved_on: {facts.approved_on.value}"
            + _said(facts.approved_on.line, "a date of this version, not said to be an approval")
        )
    else:
        put(
            "approved_on",
            facts.approved_on,
            str(facts.approved_on.value) if facts.approved_on else None,
            needed=status == "approved" or "status" in missing,
        )
    approver: str | None = None
    if facts.approved_by is not None:
        approver = _match_group(kb, str(facts.approved_by.value))
        if approver:
            put("approved_by", facts.approved_by, approver)
        else:
            notes.append(f"approved by {facts.approved_by.value!r}, which has no ToR here yet")
    history = "history: []  # add {version, date, approved_by, summary} for each approval"
    if status == "approved" and facts.version and facts.approved_on and approver:
        # Every fact of this entry is stated; only the summary is the importer's.
        history = (
            f"history:\n  - {{version: {_q(facts.version.value)}, date: "
            f"{facts.approved_on.value}, approved_by: {approver}, summary: "
            f"{_q('The version imported from ' + source)}}}"
        )
    if facts.next_review is not None:
        put("next_review", facts.next_review, str(facts.next_review.value))
    elif facts.review_cycle is not None:
        put("review_cycle", facts.review_cycle, str(facts.review_cycle.value))
    else:
        missing.append("next_review")
    put("purpose", facts.purpose, needed=True)
    if facts.chair is not None:
        put_seat(out, "chair", facts.chair)
    else:
        missing.append("chair")
        where = facts.chair_stated_empty
        out.append(
            "chair: {office: not stated}"
            + (f'  # {where.where}: "{where.text}" (nothing after it)' if where else "")
        )
    for key in ("co_chair", "vice_chair"):
        seat = getattr(facts, key)
        if seat is not None:
            put_seat(out, key, seat)
    if facts.members:
        out.append("members:")
        for seat in facts.members:
            out.append(f"  - {_seat(seat)}" + _said(seat.line))
    else:
        missing.append("members")
    if facts.unmatched:
        out.append("# Named as members but matched to no agency in data/partnership.yaml: add")
        out.append("# the agency there (or its usual name as `short`), then a seat above.")
        for line in facts.unmatched:
            out.append(f'#   {line.where}: "{line.text[:80]}"')
        notes.append(
            f"{len(facts.unmatched)} member(s) matched to no agency: "
            + "; ".join(line.text[:40] for line in facts.unmatched)
        )
    put("invited", facts.invited, needed=False)
    put("deputy_rule", facts.deputy_rule, needed=False)
    if facts.quorum is not None:
        put("quorum", facts.quorum, "[" + ", ".join(map(str, facts.quorum.value)) + "]")  # type: ignore[call-overload]
    elif facts.quorum_unread is not None:
        # Stated, but not as agencies: kept in the ToR's words, and no list assumed.
        put("quorum_rule", facts.quorum_unread)
    else:
        missing.append("quorum")
    if facts.frequency is not None:
        put("frequency", facts.frequency, str(facts.frequency.value))
    else:
        missing.append("frequency")
        out.append("frequency: not stated")
    put("ad_hoc", facts.ad_hoc, needed=False)
    put("meeting_length", facts.meeting_length, needed=False)
    put(
        "papers_days",
        facts.papers_days,
        str(facts.papers_days.value) if facts.papers_days else None,
    )
    put(
        "ad_hoc_papers_days",
        facts.ad_hoc_papers_days,
        str(facts.ad_hoc_papers_days.value) if facts.ad_hoc_papers_days else None,
        needed=False,
    )
    put(
        "minutes_within",
        facts.minutes_within,
        str(facts.minutes_within.value) if facts.minutes_within else None,
    )
    top = facts.title is not None and "executive" in str(facts.title.value).lower()
    if facts.reporting_line is not None:
        gid = _match_group(kb, str(facts.reporting_line.value))
        if gid:
            put("reports_to", facts.reporting_line, gid)
        else:
            put("reporting_line", facts.reporting_line)
            out.append("# reports_to: GROUP  # the group's id, once its ToR is here")
            notes.append(
                f"reports to {facts.reporting_line.value!r}, which has no ToR here yet; set "
                "`reports_to` once it has"
            )
    elif not top:
        missing.append("reports_to")
    put("reporting_cadence", facts.reporting_cadence, needed=False)
    if missing:
        out.append(f"not_stated: [{', '.join(missing)}]  # each is a finding (TOR011)")
    out += [history, "---", ""]
    return "\n".join(out), missing


def put_seat(out: list[str], key: str, seat: SeatFact) -> None:
    out.append(f"{key}: {_seat(seat)}" + _said(seat.line))


def body(lines: list[Line], title: str) -> str:
    """The document as Markdown: headings, lists and tables kept."""
    out = [f"# {title}", ""]
    previous = ""
    for line in lines:
        text = line.text.replace("<", "&lt;")
        if line.kind == "heading" and line.text == title and previous == "":
            previous = "heading"
            continue
        if line.kind == "heading":
            out += ["", "#" * max(2, min(line.level, 6)) + " " + text, ""]
        elif line.kind == "item":
            if previous not in ("item",):
                out.append("")
            out.append("  " * min(line.level, 3) + "- " + text)
        elif line.kind == "row":
            cells = [c.replace("|", "\\|").replace("<", "&lt;") for c in line.cells]
            if previous != "row":
                out += ["", "| " + " | ".join(cells) + " |", "|" + "---|" * len(cells)]
            else:
                out.append("| " + " | ".join(cells) + " |")
        else:
            out += ["", text]
        previous = line.kind
    text = "\n".join(out)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "imported"


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``path`` and rename it into place:
    nothing half-written is ever left at ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".import-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        # link() refuses to replace an existing file, where rename() would not.
        os.link(temporary, path)
    finally:
        os.unlink(temporary)


def import_tor(document: Path, root: Path, today: date, name: str | None = None) -> Imported:
    """Import ``document`` as a ToR page under ``root``; ImportRefused says why not."""
    kb = load(root)
    if kb.partnership is None:
        raise ImportRefused(
            f"{root}: data/partnership.yaml did not load, so members cannot be matched to "
            "agencies; run `kb check` and fix it first (or `kb init` a new knowledge base)"
        )
    lines = read(document)
    facts = extract(lines, list(kb.partnership.agencies))
    notes: list[str] = []
    if facts.groups:
        notes.append(
            f"the document also holds {len(facts.groups)} other groups' terms of reference ("
            + ", ".join(facts.groups[:6])
            + "); only the first was imported: import each on its own"
        )
    title = str(facts.title.value) if facts.title else document.stem
    group = name or slug(title)
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", group):
        raise ImportRefused(f"--name {group!r}: use lower-case letters, digits and hyphens")
    path = root / kb.config.docs_dir / "tor" / f"{group}.md"
    if path.exists() or path.is_symlink():
        raise ImportRefused(
            f"{path.relative_to(root)} already exists; nothing was written. Give another "
            "--name, or move the old page first"
        )
    matter, missing = front_matter(kb, facts, document.name, today, notes)
    write_atomically(path, matter + "\n" + body(lines, title))
    return Imported(path, facts, missing, notes)
