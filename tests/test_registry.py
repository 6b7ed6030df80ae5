"""Every check is a module with a stable code and a docstring that documents it."""

from __future__ import annotations

import re

import pytest

from checks.rules import FAMILIES, REGISTRY

SECTIONS = ("## What it checks", "## Why", "## Passing example", "## Failing example", "## Options")


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_rule_is_documented(code):
    rule = REGISTRY[code]
    assert re.fullmatch(r"[A-Z]{2,3}\d{3}", code)
    assert rule.family in FAMILIES
    positions = [rule.doc.find(s) for s in SECTIONS]
    assert all(p >= 0 for p in positions), f"{code} lacks a section"
    assert positions == sorted(positions), f"{code}: sections out of order"
    assert rule.module.rsplit(".", 1)[1].startswith(code.lower())
    assert len(rule.summary) < 100


def test_names_are_unique():
    names = [r.name for r in REGISTRY.values()]
    assert len(names) == len(set(names))


def test_core_never_imports_mkdocs():
    import pathlib
    import re

    # Naming mkdocs.yml is fine (the checker reads it as YAML); importing MkDocs is not.
    imports = re.compile(r"^\s*(?:import|from)\s+mkdocs\b|import_module\(\s*['\"]mkdocs", re.M)
    root = pathlib.Path(__file__).parent.parent / "checks"
    for path in root.rglob("*.py"):
        assert not imports.search(path.read_text()), path
    assert imports.search("from mkdocs.config import x") and imports.search("  import mkdocs")
