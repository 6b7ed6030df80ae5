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

from collections.abc import Collection, Mapping
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


def published_index(
    index: dict[str, Any],
    briefs: Collection[str],
    written: Mapping[str, dict[str, Any]],
    order: Mapping[str, int],
) -> dict[str, Any]:
    """search_index.json's data as the site publishes it.

    ``index`` is Material's; ``briefs`` the URLs of the published briefs;
    ``written`` the briefs' documents written straight from their HTML (see
    search_text), by URL; ``order`` each page's place in the build. Each brief is
    one document, and documents are in page order, as Material writes them.
    """
    # With MkDocs' `serve --dirty` several pages are rebuilt (every generated one),
    # but Material replaces only the first one's entries: keep the newest entry
    # for each location.
    newest: dict[str, dict[str, Any]] = {}
    for doc in index.get("docs", []):
        newest[str(doc.get("location", ""))] = doc
    shaped = one_document_per_page({**index, "docs": list(newest.values())}, briefs)
    docs: list[dict[str, Any]] = shaped["docs"]
    indexed = {doc.get("location") for doc in docs}
    docs.extend(doc for url, doc in written.items() if url in briefs and url not in indexed)
    last = len(order)
    docs.sort(key=lambda doc: order.get(str(doc.get("location", "")).partition("#")[0], last))
    return shaped
