"""``kb.yaml``: the partnership's own settings for the checker."""

from __future__ import annotations

from typing import Any

from pydantic import Field, field_validator

from checks.model.common import Located, Text
from checks.model.findings import Severity
from checks.model.publication import OptionalType
from checks.model.tor import Suppression
from checks.model.working_days import Nation


class RuleSetting(Located):
    """Settings for one check code."""

    enabled: bool = True
    severity: Severity | None = None
    options: dict[str, Any] = Field(default_factory=dict)


class PublicName(Located):
    """A name the partnership publishes on purpose (ANO001 lets it through, ANO002
    reports each use), besides the list shipped with the checker."""

    name: Text = Field(description="the name as it is cited, e.g. a local helpline's name")
    also: list[Text] = Field(
        default_factory=list, description="other forms it is cited by, e.g. a surname alone"
    )
    numbers: list[str] = Field(
        default_factory=list, description="a helpline's published telephone numbers"
    )
    reason: Text = Field(description="why it is public: who it is and where it is published")

    @field_validator("name", "also")
    @classmethod
    def _a_word(cls, value: str | list[str]) -> str | list[str]:
        for form in [value] if isinstance(value, str) else value:
            if sum(ch.isalpha() for ch in form) < 2:
                raise ValueError(f"{form!r} is not a name: write at least two letters")
        return value

    @field_validator("numbers")
    @classmethod
    def _a_number(cls, value: list[str]) -> list[str]:
        for number in value:
            digits = sum(ch.isdigit() for ch in number)
            if not 3 <= digits <= 15 or any(not (c.isdigit() or c in " +()-") for c in number):
                raise ValueError(
                    f"{number!r} is not a telephone number: write digits, spaces and + only"
                )
        return value


class Config(Located):
    """Global settings, per-rule settings and suppressions."""

    nation: Nation | None = Field(
        default=None,
        description="whose bank holidays count (ENG, WLS, SCT, NIR); overrides "
        "data/partnership.yaml",
    )
    data_dir: str = "data"
    docs_dir: str = "docs"
    warning_days: int = Field(
        default=60, ge=0, le=366, description="default window for 'due soon' warnings"
    )
    max_file_mb: float = Field(default=5.0, gt=0, le=100)
    publish_types: list[OptionalType] = Field(
        default_factory=list,
        description="attachment types published from the docs folder besides images and "
        "style sheets: any of .pdf .docx .xlsx .pptx .odt .ods .odp",
    )
    rules: dict[str, RuleSetting] = Field(default_factory=dict)
    suppressions: list[Suppression] = Field(default_factory=list)
    public_names: list[PublicName] = Field(
        default_factory=list,
        description="names published on purpose, added to the checker's own list of children "
        "named in national reviews, their authors and national helplines; each is a "
        "safety-relevant change (kb diff) and each use is reported (ANO002)",
    )
