"""The header of a learning brief: themes, audience, source review, reading time."""

from __future__ import annotations

import math
from datetime import date
from html import escape

from checks.model import Brief
from checks.model.knowledge_base import KnowledgeBase
from checks.model.labels import long_date
from checks.model.working_days import plural
from checks.site.status import review_status

WORDS_PER_MINUTE = 200


def reading_minutes(body: str) -> int:
    words = len(body.split())  # whitespace-separated words: close enough, and cheap
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def theme_label(kb: KnowledgeBase, theme: str) -> str:
    """A theme's label, or its id where the register has no such theme."""
    return kb.themes[theme].label if theme in kb.themes else theme


def theme_labels(kb: KnowledgeBase, brief: Brief) -> list[str]:
    return [theme_label(kb, t) for t in brief.themes]


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
        f"<strong>Published:</strong> {long_date(brief.publish_on)} · "
        f"<strong>Review by:</strong> {long_date(brief.review_by)}",
        f"<strong>Reading time:</strong> about {plural(reading_minutes(body), 'minute')}",
    ]
    return '<p class="kb-brief-meta">' + "<br>\n".join(lines) + "</p>\n"


def brief_banner(brief: Brief, today: date) -> str:
    """A warning at the top of a brief past its review date (as a ToR or a
    procedure has), in the words a practitioner needs: what it may cost them to
    rely on it. Nothing while the brief is in date: a review falling due is the
    authors' business, not the reader's."""
    status = review_status(brief.review_by, today, 0)
    if status.kind != "danger":
        return ""
    return (
        f'!!! danger "{escape(status.label)}"\n\n'
        f"    This brief was due to be reviewed on {long_date(brief.review_by)}. "
        "Services, contacts and guidance may have changed since it was written: "
        "check what it says against current procedures before you act on it.\n\n"
    )


def print_note(partnership: str, address: str, built: date) -> str:
    """The line a printed brief carries at its top (the stylesheet shows it only
    in print): whose brief it is, where it lives, and how current it is. The
    date is the build's, said as such: the real date of printing would need a
    script, and the site runs none of its own."""
    return (
        f"{PRINT_NOTE}{escape(partnership)} · {escape(address)} · "
        f"Printed from the site as built on {long_date(built)}</p>\n\n"
    )


PRINT_NOTE = '<p class="kb-print-note">'


def note_unsearched(page_html: str) -> str:
    """The finished page with its print note marked for the search index to
    leave out: the same line on every brief would make "printed" or the
    partnership's name find them all. Marked here because the sanitiser keeps
    no ``data-`` attribute in a page's body."""
    return page_html.replace(PRINT_NOTE, '<p class="kb-print-note" data-pagefind-ignore>')
