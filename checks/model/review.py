"""The anonymised register of case reviews: ``data/reviews.yaml``."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from checks.model.common import IsoDate, Located, ReviewRef, Text

ReviewKind = Literal["rapid-review", "lcspr", "learning-review", "sar", "dardr"]
Decision = Literal["lcspr", "learning-review", "sar", "dardr", "no-further-review"]
ReviewStatus = Literal["open", "in-progress", "published", "closed"]

#: Child reviews start with a serious incident notification and a rapid review.
CHILD_KINDS: frozenset[str] = frozenset({"rapid-review", "lcspr", "learning-review"})


class Review(Located):
    """One review in the register. Never a name: a reference and a pseudonym."""

    ref: ReviewRef
    pseudonym: str = Field(
        pattern=r"^(Child|Children|Adult|Family|Young Person|Baby|Sibling|Mother|Father)"
        r"( [A-Z]{1,2}\d?)?$",
        description="a pseudonym such as 'Child A', 'Adult B' or 'Family F'; never a name",
    )
    kind: ReviewKind
    title: str | None = Field(default=None, max_length=200)
    aware_on: IsoDate | None = Field(
        default=None, description="the date the local authority became aware of the incident"
    )
    sin_sent: IsoDate | None = Field(
        default=None, description="the serious incident notification sent to the national Panel"
    )
    rr_sent: IsoDate | None = Field(
        default=None, description="the rapid review completed and sent to the national Panel"
    )
    decision: Decision | None = None
    decision_on: IsoDate | None = None
    commissioned_on: IsoDate | None = None
    advance_copy_sent: IsoDate | None = Field(
        default=None, description="the final report sent to the Panel and the DfE"
    )
    quality_assured_on: IsoDate | None = Field(
        default=None,
        description="DARDRs: the date the Home Office quality assurance panel agreed the "
        "report could be published",
    )
    published_on: IsoDate | None = None
    removed_on: IsoDate | None = Field(
        default=None,
        description="the date the published report was taken off the partnership's website, "
        "if it has been",
    )
    status: ReviewStatus
    themes: list[str] = Field(default_factory=list)
    notes: str | None = Field(default=None, max_length=2000)

    @model_validator(mode="after")
    def _published_needs_date(self) -> Review:
        if self.status == "published" and self.published_on is None:
            raise ValueError("a published review needs `published_on`")
        return self

    @property
    def id(self) -> str:
        return self.ref


class Register(Located):
    reviews: list[Review] = Field(default_factory=list)


__all__ = ["CHILD_KINDS", "Decision", "Register", "Review", "ReviewKind", "Text"]
