"""A Content-Security-Policy in every page: a second layer behind the output gate.

The policy lets a page run only the site's own script files and the theme's own
inline scripts (by their SHA-256), load images, styles, fonts and data only from
the site itself, and never frame, submit to or be re-based onto anything else.
Should something the gate allows turn out to be dangerous, the browser still
refuses to run or fetch it. A copy opened from the file system (the offline
build) has no origin for ``'self'`` to name, so it gets no policy.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable

_INLINE = re.compile(r"<script>(.*?)</script>", re.S)


def policy(script_hashes: list[str]) -> str:
    scripts = " ".join(f"'sha256-{h}'" for h in script_hashes)
    return "; ".join(
        [
            "default-src 'self'",
            # Pagefind's search compiles its WebAssembly from the site's own file:
            # compiling is allowed, fetching from elsewhere still is not.
            f"script-src 'self' 'wasm-unsafe-eval' {scripts}".rstrip(),
            # The theme sets styles from its scripts; inline styles cannot run code.
            "style-src 'self' 'unsafe-inline'",
            # The theme's icons are data: SVG in its style sheet.
            "img-src 'self' data:",
            "font-src 'self' data:",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-src 'none'",
        ]
    )


def with_policy(page: str, is_theme_script: Callable[[str], bool]) -> str:
    """``page`` with a policy meta element first in its head. Only inline scripts
    that ``is_theme_script`` accepts are given a hash, so no other can run."""
    hashes = [
        base64.b64encode(hashlib.sha256(m.group(1).encode("utf-8")).digest()).decode("ascii")
        for m in _INLINE.finditer(page)
        if is_theme_script(m.group(1))
    ]
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(sorted(set(hashes)))}">'
    head = re.search(r"<head[^>]*>", page)
    if head is None:
        return page
    return page[: head.end()] + meta + page[head.end() :]
