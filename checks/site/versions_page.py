"""Pages for earlier approved versions of a ToR, each compared with the one before."""

from __future__ import annotations

import difflib
import html

from checks.model import TermsOfReference
from checks.site.git_history import PastVersion
from checks.site.text import esc


def version_uri(group: str, version: str) -> str:
    return f"tor/{group}/v{version}.md"


def compare(before: str, after: str) -> str:
    """Changed lines as <del>/<ins>, with words a screen reader announces."""
    a, b = before.splitlines(), after.splitlines()
    out = ['<div class="kb-diff">']
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    changed = False
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        changed = True
        for line in a[i1:i2]:
            if line.strip():
                out.append(
                    '<p class="kb-del"><del><span class="kb-sr">Removed: </span>'
                    f"{html.escape(line)}</del></p>"
                )
        for line in b[j1:j2]:
            if line.strip():
                out.append(
                    '<p class="kb-ins"><ins><span class="kb-sr">Added: </span>'
                    f"{html.escape(line)}</ins></p>"
                )
    if not changed:
        out.append("<p>The text did not change; only the document control did.</p>")
    out.append("</div>")
    return "\n".join(out) + "\n"


def version_page(
    tor: TermsOfReference, past: PastVersion, previous: PastVersion | None, depth_up: str
) -> str:
    approved = past.approved_on or f"{past.committed:%Y-%m-%d}"
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
        out.append(compare(previous.body, past.body))
    out.append(f"## Text of version {esc(past.version)}\n")
    out.append(body)
    return "\n".join(out)
