"""Shared building blocks for the model: a strict base class and field types."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from checks.model.working_days import DateError, Duration, parse_date
from checks.model.yaml_source import line_at


class Located(BaseModel):
    """Base for every record read from a file.

    Unknown keys are rejected so that a typo (``next_reveiw``) is a finding rather
    than a silently ignored value. :attr:`source` is the file the record came from
    and :attr:`raw` the line-aware mapping it was built from, so checks can point
    at the line of any field.
    """

    # defer_build: a model's validator is built the first time it validates, not
    # at import. A run whose records all come from the parse cache validates
    # nothing and so never builds them.
    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True
    )

    # Both are kept in pydantic's store for private attributes, set in one step by
    # `locate` rather than declared with PrivateAttr: declared ones make pydantic
    # fill in their defaults for every record it validates (49,000 of them at the
    # benchmark's scale), a noticeable part of loading. Pickling, copying and
    # equality treat the store as with declared attributes.

    def locate(self, source: str, raw: Any) -> None:
        object.__setattr__(self, "__pydantic_private__", {"_source": source, "_raw": raw})

    @property
    def source(self) -> str:
        """The file, relative to the knowledge base ("" for a record built in code)."""
        private = self.__pydantic_private__
        return "" if private is None else private["_source"]

    @property
    def raw(self) -> Any:
        """The line-aware mapping the record was validated from (None if built in code)."""
        private = self.__pydantic_private__
        return None if private is None else private["_raw"]

    def line_of(self, *path: int | str) -> int:
        """The line of a field (or nested field) of this record in its file."""
        private = self.__pydantic_private__
        if private is None or private["_raw"] is None:
            return 1
        return line_at(private["_raw"], path)


def _iso_date(value: object) -> date:
    if value is None:
        return value  # type: ignore[return-value]
    if isinstance(value, bool | int | float):
        raise PydanticCustomError(
            "date_format", "{value} is not a date; write it as YYYY-MM-DD", {"value": value}
        )
    try:
        return parse_date(value)
    except DateError as exc:
        raise PydanticCustomError("date_format", str(exc)) from None


IsoDate = Annotated[
    date,
    BeforeValidator(_iso_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}),
]


def _duration(value: object) -> Duration:
    try:
        return Duration.parse(value)
    except ValueError as exc:
        raise PydanticCustomError("duration_format", str(exc)) from None


Period = Annotated[
    Duration,
    BeforeValidator(_duration),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "description": "A period such as '12 months', '6 weeks', '15 working days', "
            "'monthly' or 'quarterly'.",
        }
    ),
]


def _version(value: object) -> str:
    if isinstance(value, bool):
        raise PydanticCustomError("version_format", "a version is a number such as 2 or 2.1")
    return str(value).strip()


Version = Annotated[
    str,
    BeforeValidator(_version),
    # Each part at most six digits: versions are compared as numbers (version_key),
    # and int() refuses a part of more than 4,300 digits.
    Field(pattern=r"^\d{1,6}(\.\d{1,6}){0,2}$", examples=["1.0", "2.3"]),
]

Slug = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9][a-z0-9-]*$",
        max_length=60,
        description="lower-case letters, digits and hyphens",
    ),
]

ReviewRef = Annotated[
    str,
    Field(
        pattern=r"^[A-Z]{2,6}-\d{4}-\d{2,3}$",
        description="the review's anonymised reference, e.g. CSPR-2025-03",
        examples=["CSPR-2025-03"],
    ),
]

Text = Annotated[str, Field(min_length=1, max_length=4000)]


def version_key(version: str) -> tuple[int, ...]:
    """Order versions numerically: 1.10 comes after 1.9."""
    return tuple(int(p) for p in version.split("."))
