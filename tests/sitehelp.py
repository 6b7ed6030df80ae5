"""Building the example site in tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-25"
#: Strings that appear only in the example's draft and embargoed briefs.
MARKERS = ("DRAFT-MARKER-7Q3", "EMBARGO-MARKER-K9X")


def mkdocs(
    root: Path, site: Path, *extra: str, as_of: str = AS_OF
) -> subprocess.CompletedProcess[str]:
    """Build a site with MkDocs, pinning "today" as the hooks read it."""
    env = {**os.environ, "KB_AS_OF": as_of, "NO_MKDOCS_2_WARNING": "1"}
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
