"""What git can tell the site about earlier versions of a ToR."""

from __future__ import annotations

import subprocess
from pathlib import Path


def is_shallow(root: Path) -> bool | None:
    """True for a shallow clone, False for full history, None outside git."""
    try:
        proc = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--is-shallow-repository"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if proc.returncode != 0:
        return None
    return proc.stdout.strip() == "true"


def history_note(root: Path) -> str | None:
    """A sentence for ToR pages when git history cannot be shown in full."""
    shallow = is_shallow(root)
    if shallow is None:
        return "Earlier versions cannot be shown: this site was built outside a git repository."
    if shallow:
        return (
            "Earlier versions cannot be shown: this site was built from a shallow clone "
            "without the repository's history."
        )
    return None
