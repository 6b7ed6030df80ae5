"""A procedure page: front matter of ``docs/procedures/*.md``."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from checks.model.common import IsoDate, Located, Period, Slug, Text
from checks.model.tor import Suppression


class Procedure(Located):
    """A review procedure, marked for review the way GOV.UK technical docs are."""

    title: Text
    owner: Slug = Field(description="the group that owns the procedure")
    last_reviewed: IsoDate
    review_in: Period = Field(description="how long until the next review, e.g. '12 months'")
    suppress: list[Suppression] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)

    @property
    def review_by(self) -> date:
        return self.review_in.after(self.last_reviewed)
