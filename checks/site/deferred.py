"""HTML kept out of Markdown and put into the page once Markdown has converted it.

The parts this project writes as HTML (each brief's header, the brief listings)
would otherwise be parsed twice by the build: once by MkDocs, looking for
anchors, and once by Python-Markdown's raw-HTML handling. At 1,000 briefs that
is a tenth of the build, for HTML that is already final. So:

- a part that goes right after the page's title (a brief's header) is kept by
  page and put after the first ``</h1>``: the Markdown is not touched at all;
- any other part is held, and the Markdown gets a comment in its place. The
  comment carries a random token for this build, so text in a contributed page
  cannot name a held part.
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
        self._after_title: dict[str, str] = {}

    def hold(self, html: str) -> str:
        """The comment to write into the Markdown in place of ``html``."""
        self._parts.append(html)
        return f"{self._prefix}{len(self._parts) - 1} -->"

    def after_title(self, page: str, html: str) -> None:
        """Put ``html`` after the title of ``page`` when it is filled."""
        self._after_title[page] = html

    def fill(self, text: str, page: str | None = None) -> str:
        """``text`` (the converted ``page``) with each held part back in place."""
        if self._prefix in text:
            text = self._marker.sub(self._part, text)
        insert = self._after_title.get(page) if page is not None else None
        if insert is None:
            return text
        end = text.find("</h1>")
        if end < 0:  # no title: at the top, as in the Markdown
            return insert + "\n" + text
        end += len("</h1>")
        # Set off by blank lines, as Python-Markdown sets off an HTML block.
        return text[:end] + "\n" + insert + "\n" + text[end:]

    def _part(self, match: re.Match[str]) -> str:
        number = int(match.group(1))
        return self._parts[number] if number < len(self._parts) else match.group(0)


def as_is(html: str) -> str:
    """Keep HTML in the Markdown itself (for callers that want one whole text)."""
    return html
