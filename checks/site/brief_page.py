"""The header of a learning brief: themes, audience, source review, reading time."""

from __future__ import annotations

import math
from html import escape

from checks.model import Brief
from checks.model.knowledge_base import KnowledgeBase
from checks.model.working_days import plural

WORDS_PER_MINUTE = 200


def reading_minutes(body: str) -> int:
    words = len(body.split())  # whitespace-separated words: close enough, and cheap
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def theme_labels(kb: KnowledgeBase, brief: Brief) -> list[str]:
    return [kb.themes[t].label if t in kb.themes else t for t in brief.themes]


def brief_header(kb: KnowledgeBase, brief: Brief, body: str, register_href: str) -> str:
    """The brief's facts as an HTML block, with ``register_href`` the URL of its
    review's entry in the register.

    HTML rather than Markdown: it is the same few lines on every brief, and at
    1,000 briefs Markdown's inline processing of them was a tenth of the build.
    """
    review = kb.reviews.get(brief.review)
    source = (
        f'<a href="{escape(register_href)}">{escape(brief.review)}</a> ({escape(review.pseudonym)})'
        if review
        else escape(brief.review)
    )
    agencies = ", ".join(escape(kb.agency_name(a)) for a in brief.audience.agencies) or "all"
    roles = ", ".join(escape(r) for r in brief.audience.roles)
    lines = [
        "<strong>Themes:</strong> " + ", ".join(escape(t) for t in theme_labels(kb, brief)),
        f"<strong>For:</strong> {agencies}" + (f" ({roles})" if roles else ""),
        f"<strong>From the review:</strong> {source}",
        f"<strong>Published:</strong> {brief.publish_on:%-d %B %Y} · "
        f"<strong>Review by:</strong> {brief.review_by:%-d %B %Y}",
        f"<strong>Reading time:</strong> about {plural(reading_minutes(body), 'minute')}",
    ]
    return '<p class="kb-brief-meta">' + "<br>\n".join(lines) + "</p>\n"
