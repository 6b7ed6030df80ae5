"""``kb.yaml``: the partnership's own settings for the checker."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from checks.model.common import Located
from checks.model.findings import Severity
from checks.model.publication import OptionalType
from checks.model.tor import Suppression
from checks.model.working_days import Nation


class RuleSetting(Located):
    """Settings for one check code."""

    enabled: bool = True
    severity: Severity | None = None
    options: dict[str, Any] = Field(default_factory=dict)


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
