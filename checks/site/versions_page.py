"""Pages for earlier approved versions of a ToR, each compared with the one before."""

from __future__ import annotations

import html

from checks.changes.sections import compare as text_changes
from checks.model import TermsOfReference
from checks.model.knowledge_base import KnowledgeBase
from checks.model.labels import dates_in_words, long_date
from checks.reports.markdown import esc
from checks.site.git_history import PastVersion


def version_uri(group: str, version: str) -> str:
    return f"tor/{group}/v{version}.md"


def compare(before: str, after: str) -> str:
    """Changed sentences, section by section, each after the word "Removed" or
    "Added" (shown, and read out), removed ones struck through: colour is never
    the only cue."""
    changes = text_changes(before, after)
    if not changes:
        return "<p>The text did not change; only the document control did.</p>\n"
    out = ['<div class="kb-diff">']
    for change in changes:
        name = html.escape(change.heading or "Introduction")
        out.append(f"<p><strong>{name}</strong> ({change.status})</p>")
        for sentence in change.removed:
            out.append(
                '<p class="kb-del"><strong class="kb-change">Removed:</strong> '
                f"<del>{html.escape(sentence)}</del></p>"
            )
        for sentence in change.added:
            out.append(
                '<p class="kb-ins"><strong class="kb-change">Added:</strong> '
                f"<ins>{html.escape(sentence)}</ins></p>"
            )
    out.append("</div>")
    return "\n".join(out) + "\n"


Seats = tuple[tuple[str | None, str], ...]


def seats_changed(kb: KnowledgeBase, before: Seats, after: Seats) -> str:
    """Seats added and removed, each by its agency's name and role."""

    def seat(s: tuple[str | None, str]) -> str:
        # A seat the document gives no agency (an office to be decided) is its role.
        return esc(f"{s[1]} ({kb.agency_name(s[0])})" if s[0] else s[1])

    added = [s for s in after if s not in before]
    removed = [s for s in before if s not in after]
    lines = [f"- Seat added: {seat(s)}" for s in added]
    lines += [f"- Seat removed: {seat(s)}" for s in removed]
    return ("**Membership**\n\n" + "\n".join(lines) + "\n") if lines else ""


def version_page(
    kb: KnowledgeBase,
    tor: TermsOfReference,
    past: PastVersion,
    previous: PastVersion | None,
    depth_up: str,
) -> str:
    approved = dates_in_words(past.approved_on) if past.approved_on else long_date(past.committed)
    body = past.body
    # Demote the version's own headings so the page has one level-1 heading.
    body = "\n".join(("#" + line) if line.startswith("#") else line for line in body.splitlines())
    out = [
        f"# {esc(tor.title)}: version {esc(past.version)}\n",
        f'!!! note "An earlier version"\n\n    Version {esc(past.version)}, approved '
        f"{esc(approved)}. It is no longer in force: read the "
        f"[current version]({depth_up}{tor.id}.md).\n",
    ]
    if previous is not None:
        out.append(f"## Changes from version {esc(previous.version)}\n")
        out.append(seats_changed(kb, previous.members, past.members))
        out.append(compare(previous.body, past.body))
    out.append(f"## Text of version {esc(past.version)}\n")
    out.append(body)
    return "\n".join(out)
