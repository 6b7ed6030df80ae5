"""Shape Material's search index: one search document per learning brief.

Material indexes every section of a page (each heading) as its own search
document, so a 1,000-brief site has about 8,500 of them, and every keystroke
ranks them all: about 320 ms per query in Chromium. A brief is short (a 7-minute
briefing) and practitioners look for the brief, not the section, so each
brief's sections are folded into the brief's own document: the words are all
still searched, results show one entry per brief, and a query takes about a
third of the time. ToRs and procedures keep their sections, where a deep link
to "Quorum" or "Membership" helps.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any


def one_document_per_page(index: dict[str, Any], pages: Collection[str]) -> dict[str, Any]:
    """``index`` (search_index.json's data) with each page in ``pages`` (site URLs
    such as ``briefs/lb-2025-01/``) as a single document."""
    docs: list[dict[str, Any]] = []
    whole: dict[str, dict[str, Any]] = {}
    for doc in index.get("docs", []):
        page, _, _ = str(doc.get("location", "")).partition("#")
        if page not in pages:
            docs.append(doc)
            continue
        head = whole.get(page)
        if head is None:
            # The page's own entry comes first; a section arriving first (it
            # never should) becomes the page entry rather than being lost.
            head = whole[page] = {**doc, "location": page}
            docs.append(head)
            continue
        head["text"] = (
            f"{head.get('text', '')}\n<h2>{doc.get('title', '')}</h2>\n{doc.get('text', '')}"
        )
    return {**index, "docs": docs}


def published_index(index: dict[str, Any], briefs: Collection[str]) -> dict[str, Any]:
    """search_index.json's data (Material's) as the site publishes it: each brief
    in ``briefs`` (the published briefs' URLs) one document.

    With MkDocs' `serve --dirty` several pages are rebuilt (every generated one),
    but Material replaces only the first one's entries: the newest entry for
    each location is kept, in the place of the first.
    """
    newest: dict[str, dict[str, Any]] = {}
    for doc in index.get("docs", []):
        newest[str(doc.get("location", ""))] = doc
    return one_document_per_page({**index, "docs": list(newest.values())}, briefs)
