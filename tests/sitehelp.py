"""Building the example site in tests."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType, SimpleNamespace

REPO = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-25"
#: Where the browser tests serve the example site (the port is left out: only
#: the path reaches the built pages, through the "page not found" page).
SERVED_AT = "http://127.0.0.1/kb/"
#: Strings that appear only in the example's draft and embargoed briefs.
MARKERS = ("DRAFT-MARKER-7Q3", "EMBARGO-MARKER-K9X")


def write_site_config(root: Path, **replace: str) -> Path:
    """Give a test knowledge base the example's mkdocs.yml, with this repository's
    hooks and without the example's navigation (its pages may not exist)."""
    config = (REPO / "mkdocs.yml").read_text().replace("hooks/kb.py", str(REPO / "hooks/kb.py"))
    config = re.sub(r"\nnav:.*?\n\n", "\n", config, flags=re.S)
    for old, new in replace.items():
        config = config.replace(old, new)
    (root / "mkdocs.yml").write_text(config)
    return root


def mkdocs(
    root: Path,
    site: Path,
    *extra: str,
    as_of: str = AS_OF,
    offline: bool = False,
    site_url: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """Build a site with MkDocs, pinning "today" as the hooks read it; ``offline``
    builds the copy that opens from the file system; ``site_url`` is where it will
    be published (KB_SITE_URL)."""
    env = {**os.environ, "KB_AS_OF": as_of, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("KB_SITE_URL", None)
    if offline:
        env["KB_OFFLINE"] = "true"
    if site_url:
        env["KB_SITE_URL"] = site_url
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "-f",
            str(root / "mkdocs.yml"),
            "-d",
            str(site),
            *extra,
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        cwd=root,
    )


def load_hook() -> ModuleType:
    """A fresh copy of the MkDocs hook file (hooks/kb.py), as MkDocs loads it."""
    spec = importlib.util.spec_from_file_location("kb_hook", REPO / "hooks" / "kb.py")
    assert spec is not None and spec.loader is not None
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    return hook


def hook_config(custom_dir: Path | None = None) -> SimpleNamespace:
    """The parts of MkDocs' configuration that the hook's on_env reads."""
    return SimpleNamespace(theme=SimpleNamespace(custom_dir=custom_dir), use_directory_urls=True)
