"""Compile the checks package's bytecode before timing, as an install does.

`pip install` compiles a package's modules to bytecode, and Python writes the
bytecode of an editable install the first time it imports it, so a real `kb`
run reads compiled modules. This machine sets PYTHONDONTWRITEBYTECODE=1, so
without this step every timed run would compile the whole package from source
first (about 0.06 s a run), which no user's run does. check-jsonschema and
MkDocs are installed packages, compiled when they were installed.
"""

from __future__ import annotations

import compileall
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "checks"


def compile_package(package: Path = PACKAGE) -> None:
    compileall.compile_dir(package, quiet=1)
