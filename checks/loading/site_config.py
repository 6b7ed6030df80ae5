"""mkdocs.yml, read as YAML without MkDocs: what the checks need to know of the site.

The checker reads the docs folder the site is built from, and ``kb diff``
watches the theme overrides folder. Tags such as ``!ENV`` and
``!!python/name`` read as null: their values are never needed here, and a
tag must never run anything.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

NAMES = ("mkdocs.yml", "mkdocs.yaml")


# libyaml's loader where PyYAML was built with it, as everywhere else here.
class _Tolerant(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe loading, with every tag read as null."""


_Tolerant.add_multi_constructor("", lambda loader, suffix, node: None)


def read_site_config(root: Path) -> dict[str, Any] | None:
    """mkdocs.yml's settings, or None if there is none that reads as a mapping.
    A link is not followed (the file could be anything outside the repository)."""
    for name in NAMES:
        path = root / name
        try:
            if not path.is_file() or path.is_symlink():
                continue
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Tolerant)
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        return data if isinstance(data, dict) else None
    return None


def site_docs_dir(root: Path) -> str | None:
    """The docs folder mkdocs.yml names ("docs" if it names none), or None when
    there is no readable mkdocs.yml. A folder outside the repository is refused
    (the checks then read "docs", and the site build stops)."""
    config = read_site_config(root)
    if config is None:
        return None
    value = config.get("docs_dir", "docs")
    if not isinstance(value, str) or not value.strip():
        return "docs"
    folder = value.strip().rstrip("/") or "."
    inside = (root / folder).resolve().is_relative_to(root.resolve())
    return folder if inside and not Path(folder).is_absolute() else "docs"


def theme_folders(root: Path) -> set[str]:
    """The theme overrides folder that mkdocs.yml names (``theme: custom_dir``)."""
    config = read_site_config(root) or {}
    theme = config.get("theme")
    folder = theme.get("custom_dir") if isinstance(theme, dict) else None
    if isinstance(folder, str) and folder.strip("/. "):
        return {folder.strip("/") + "/"}
    return set()
