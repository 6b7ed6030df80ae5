"""What may be published. Confidentiality first: when in doubt, leave it out.

A brief is published only when its status is ``published`` *and* its
``publish_on`` date has come (a brief whose date is today appears). Any other
page is held back by its own front matter in the same way, wherever it is saved
(see checks.model.publication). A Markdown file that did not load is never
published, because we cannot tell whether it is a draft.
"""

from __future__ import annotations

from datetime import date

from checks.loading.files import markdown_files
from checks.model import Brief
from checks.model.knowledge_base import KnowledgeBase
from checks.model.publication import is_site_page, unsafe_name, withheld_by_front_matter


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
    """Repository paths of Markdown files that may be published: loaded cleanly,
    not a brief that is not yet public, nothing in the front matter holding the
    page back (checks.model.publication), and a name that is safe in a link."""
    hidden = {b.source for b in kb.briefs.values() if not brief_is_public(b, today)}
    return {
        path
        for path, doc in kb.documents.items()
        if path not in hidden
        and withheld_by_front_matter(doc.front, today) is None
        and unsafe_name(doc.docs_path) is None
        and is_site_page(path)
    }


def hidden_markdown(kb: KnowledgeBase, today: date) -> set[str]:
    """Docs-relative paths of every Markdown file under docs/ (any Markdown
    extension, any letter case) that must not be published."""
    docs = kb.root / kb.config.docs_dir
    allowed = publishable_docs(kb, today)
    hidden: set[str] = set()
    for path in markdown_files(docs):
        if path.relative_to(kb.root).as_posix() not in allowed:
            hidden.add(path.relative_to(docs).as_posix())
    return hidden
