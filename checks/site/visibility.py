"""What may be published. Confidentiality first: when in doubt, leave it out.

A brief is published only when its status is ``published`` *and* its
``publish_on`` date has come (a brief whose date is today appears). A Markdown
file in a record folder that did not load as a valid record is never published,
because we cannot tell whether it is a draft.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from checks.kb import KnowledgeBase
from checks.model import Brief


def brief_is_public(brief: Brief, today: date) -> bool:
    return brief.status == "published" and brief.publish_on <= today


def public_briefs(kb: KnowledgeBase, today: date) -> list[Brief]:
    """Published briefs, newest first."""
    # A brief whose page was withheld (a duplicate id, say) is not public either.
    found = [
        b for b in kb.briefs.values() if brief_is_public(b, today) and b.source in kb.documents
    ]
    return sorted(found, key=lambda b: (b.publish_on, b.id), reverse=True)


def publishable_docs(kb: KnowledgeBase, today: date) -> set[str]:
    """Repository paths of Markdown files that may be published."""
    hidden = {b.source for b in kb.briefs.values() if not brief_is_public(b, today)}
    return {path for path in kb.documents if path not in hidden}


def hidden_markdown(kb: KnowledgeBase, today: date) -> set[str]:
    """Docs-relative paths of every Markdown file under docs/ that must not be published."""
    docs = kb.root / kb.config.docs_dir
    allowed = publishable_docs(kb, today)
    hidden: set[str] = set()
    for path in docs.rglob("*.md"):
        rel_repo = path.relative_to(kb.root).as_posix()
        if rel_repo not in allowed:
            hidden.add(Path(path.relative_to(docs)).as_posix())
    return hidden
