"""A learning brief: front matter of ``docs/briefs/*.md``."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from checks.model.common import IsoDate, Located, ReviewRef, Slug, Text
from checks.model.tor import Suppression

#: The seven parts of a 7-minute briefing, in order: the template ``kb new brief``
#: writes and the headings BRF004 looks for by default.
SEVEN_PARTS: tuple[str, ...] = (
    "Background",
    "Why it matters",
    "Information",
    "Key findings",
    "Things to think about",
    "Questions for reflection",
    "What you should do",
)


#: What ``kb new brief`` writes where a person must write: under each part, and
#: as the title. BRF006 finds them left in a published brief.
PLACEHOLDER_PART = "Write this part."
PLACEHOLDER_TITLE = "Title of the brief"


class Audience(Located):
    agencies: list[Slug] = Field(default_factory=list)
    roles: list[Text] = Field(default_factory=list)


class Brief(Located):
    """An anonymised 7-minute briefing drawn from a review."""

    id: str = Field(pattern=r"^LB-\d{4}-\d{2,3}$", examples=["LB-2026-04"])
    title: Text
    review: ReviewRef = Field(description="the anonymised reference of the source review")
    themes: list[Slug] = Field(min_length=1)
    audience: Audience
    status: Literal["draft", "published"]
    publish_on: IsoDate = Field(description="not shown anywhere before this date (embargo)")
    review_by: IsoDate
    summary: str | None = Field(default=None, max_length=400)
    suppress: list[Suppression] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)

    def is_public(self, today: date) -> bool:
        """Published, and its ``publish_on`` date has come (a brief whose date is
        today is public): the embargo holds until then."""
        return self.status == "published" and self.publish_on <= today
