"""The lists shipped beside this module as package data (YAML): public names,
sector names and acronyms, local authority areas. Each is read once per run."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def package_yaml(name: str) -> Any:
    """The data of ``name``, a YAML file of this package (read, never written)."""
    text = resources.files("checks.anonymise").joinpath(name).read_text(encoding="utf-8")
    # libyaml's loader: the pure-Python one took a fifth of a second each run.
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}


def every_entry(name: str) -> tuple[str, ...]:
    """Every entry of every group of ``name``, a YAML file of lists by group."""
    return tuple(str(n) for group in package_yaml(name).values() for n in group or ())
