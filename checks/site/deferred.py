"""HTML kept out of Markdown and put into the page once Markdown has converted it.

The parts this project writes as HTML (each brief's header, the brief listings)
would otherwise be parsed twice by the build: once by MkDocs, looking for
anchors, and once by Python-Markdown's raw-HTML handling. At 1,000 briefs that
is a tenth of the build, for HTML that is already final. So the Markdown gets a
comment in its place, and the page's HTML gets the part back.

The comment carries a random token for this build, so text in a contributed
page cannot name a held part.
"""

from __future__ import annotations

import re
import secrets


class DeferredHtml:
    """Parts of pages held back until their page is HTML."""

    def __init__(self) -> None:
        self._prefix = f"<!-- kb-html {secrets.token_hex(8)} "
        self._marker = re.compile(re.escape(self._prefix) + r"(\d+) -->")
        self._parts: list[str] = []

    def hold(self, html: str) -> str:
        """The comment to write into the Markdown in place of ``html``."""
        self._parts.append(html)
        return f"{self._prefix}{len(self._parts) - 1} -->"

    def fill(self, text: str) -> str:
        """``text`` (a converted page) with each held part back in place."""
        if self._prefix not in text:
            return text
        return self._marker.sub(self._part, text)

    def _part(self, match: re.Match[str]) -> str:
        number = int(match.group(1))
        return self._parts[number] if number < len(self._parts) else match.group(0)


def as_is(html: str) -> str:
    """Keep HTML in the Markdown itself (for callers that want one whole text)."""
    return html
