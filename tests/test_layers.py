"""The package's layers import only downwards, and the speed layer has one door.

Read from each module's source (every import statement, also inside functions
and under ``if TYPE_CHECKING:``), so a lower layer cannot reach up even lazily.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "checks"

#: For each layer (a folder of the package), the layers it must never import.
FORBIDDEN: dict[str, tuple[str, ...]] = {
    # The model is the bottom: it imports nothing of the package but itself.
    "model": (
        "checks.loading",
        "checks.rules",
        "checks.reports",
        "checks.site",
        "checks.speed",
        "checks.changes",
        "checks.authoring",
        "checks.anonymise",
        "checks.cli",
    ),
    # The speed layer knows nothing of what it remembers.
    "speed": (
        "checks.model",
        "checks.loading",
        "checks.rules",
        "checks.reports",
        "checks.site",
        "checks.changes",
        "checks.authoring",
        "checks.anonymise",
        "checks.cli",
    ),
    "loading": ("checks.rules", "checks.reports", "checks.site", "checks.changes", "checks.cli"),
    # (the change rules, CHG, read what checks.changes works out, and it reads
    # the rules' safety settings: the two are one layer)
    "rules": ("checks.site", "checks.authoring", "checks.cli"),
    "changes": ("checks.site", "checks.cli"),
    "authoring": ("checks.rules", "checks.site", "checks.changes", "checks.cli"),
    "reports": ("checks.site", "checks.cli"),
}

#: The only modules that may call the speed layer: the loader's one-file step,
#: the anonymisation gate's recogniser, a ToR's history in git (two git processes
#: per ToR, most of a warm run on the example, kept under the commit's id), the
#: reports' charts (matplotlib, a quarter of a warm build at a partnership's
#: scale, kept under their arguments), and the two entry points that open a cache.
SPEED_CALLERS = {
    "checks/loading/reader.py",
    "checks/loading/tor_history.py",
    "checks/rules/ano001_identifying_detail.py",
    "checks/rules/sec004_unpublished_file.py",
    "checks/reports/charts.py",
    "checks/cli.py",
    "checks/site/build.py",
}


def imported(path: Path) -> set[str]:
    """Every module named by an import in ``path`` (relative imports resolved)."""
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    return imports_in(path.read_text(encoding="utf-8"), package)


def imports_in(source: str, package: str) -> set[str]:
    """Every module named by an import in ``source``, a module of ``package``."""
    tree = ast.parse(source)
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parent = ".".join(parts[: len(parts) - node.level + 1])
                base = f"{parent}.{base}" if base else parent
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def _modules(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py"))


def _reaches(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_a_layer_never_imports_the_layers_above_it(layer: str) -> None:
    wrong = [
        f"{path.relative_to(PACKAGE.parent)} imports {name}"
        for path in _modules(layer)
        for name in sorted(imported(path))
        if any(_reaches(name, prefix) for prefix in FORBIDDEN[layer])
    ]
    assert wrong == []


def test_only_the_loader_the_gate_and_the_entry_points_use_the_speed_layer() -> None:
    callers = {
        path.relative_to(PACKAGE.parent).as_posix()
        for path in PACKAGE.rglob("*.py")
        if not path.is_relative_to(PACKAGE / "speed")
        and any(_reaches(name, "checks.speed") for name in imported(path))
    }
    assert callers <= SPEED_CALLERS


def test_the_scan_sees_lazy_and_type_checking_imports() -> None:
    sample = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from checks.site import build\n"
        "def f():\n    from ..loading import reader\n    import checks.speed.cache\n"
    )
    found = imports_in(sample, "checks.model")
    assert {"checks.site", "checks.loading.reader", "checks.speed.cache"} <= found
