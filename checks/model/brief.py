"""A learning brief: front matter of ``docs/briefs/*.md``."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from checks.model.common import IsoDate, Located, ReviewRef, Slug, Text
from checks.model.tor import Suppression


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
