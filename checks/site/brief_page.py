"""The header of a learning brief: themes, audience, source review, reading time."""

from __future__ import annotations

import math
import re

from checks.kb import KnowledgeBase
from checks.model import Brief
from checks.site.text import esc

WORDS_PER_MINUTE = 200


def reading_minutes(body: str) -> int:
    words = len(re.findall(r"\w+", body))
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def theme_labels(kb: KnowledgeBase, brief: Brief) -> list[str]:
    return [kb.themes[t].label if t in kb.themes else t for t in brief.themes]


def brief_header(kb: KnowledgeBase, brief: Brief, body: str, depth: int) -> str:
    up = "../" * depth
    review = kb.reviews.get(brief.review)
    source = (
        f"[{esc(brief.review)}]({up}register.md#{brief.review.lower()})"
        + (f" ({esc(review.pseudonym)})" if review else "")
        if review
        else esc(brief.review)
    )
    agencies = ", ".join(esc(kb.agency_name(a)) for a in brief.audience.agencies) or "all"
    roles = ", ".join(esc(r) for r in brief.audience.roles)
    # Plain Markdown, not an md_in_html block: it is rendered once per brief, and
    # md_in_html costs measurably at 1,000 briefs.
    lines = [
        f"**Themes:** {', '.join(esc(t) for t in theme_labels(kb, brief))}  ",
        f"**For:** {agencies}" + (f" ({roles})" if roles else "") + "  ",
        f"**From the review:** {source}  ",
        f"**Published:** {brief.publish_on:%-d %B %Y} · **Review by:** "
        f"{brief.review_by:%-d %B %Y}  ",
        f"**Reading time:** about {reading_minutes(body)} minutes",
        "{ .kb-brief-meta }",
        "",
    ]
    return "\n".join(lines)
