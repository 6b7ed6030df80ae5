"""JSON Schemas for each kind of file, generated from the pydantic models.

Editors with a YAML language server (VS Code's YAML extension, for one) read the
`# yaml-language-server: $schema=...` line at the top of each example file and
then validate and autocomplete as people type.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from checks.model import (
    ActionPlan,
    Brief,
    MeetingLog,
    Partnership,
    Procedure,
    Register,
    TermsOfReference,
    Vocabulary,
)
from checks.model.config import Config

#: File name stem -> (model, what the file is).
KINDS: dict[str, tuple[type[BaseModel], str]] = {
    "partnership": (Partnership, "data/partnership.yaml"),
    "themes": (Vocabulary, "data/themes.yaml"),
    "reviews": (Register, "data/reviews.yaml"),
    "actions": (ActionPlan, "data/actions/*.yaml"),
    "meetings": (MeetingLog, "data/meetings/*.yaml"),
    "tor": (TermsOfReference, "front matter of docs/tor/*.md"),
    "brief": (Brief, "front matter of docs/briefs/*.md"),
    "procedure": (Procedure, "front matter of docs/procedures/*.md"),
    "config": (Config, "kb.yaml"),
}


def schema(stem: str) -> dict[str, Any]:
    model, what = KINDS[stem]
    data = model.model_json_schema(by_alias=True)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{stem}.schema.json",
        "description": f"{what}: {data.pop('description', '') or model.__doc__ or ''}".strip(),
        **data,
    }


def render(stem: str) -> str:
    return json.dumps(schema(stem), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def export(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for stem in KINDS:
        path = out / f"{stem}.schema.json"
        path.write_text(render(stem), encoding="utf-8")
        written.append(path)
    return written


def stale(out: Path) -> list[str]:
    """Schema files in ``out`` that differ from the models (or are missing)."""
    return [
        f"{stem}.schema.json"
        for stem in KINDS
        if not (out / f"{stem}.schema.json").exists()
        or (out / f"{stem}.schema.json").read_text(encoding="utf-8") != render(stem)
    ]
