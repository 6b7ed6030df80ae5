"""Every page of a partnership at the medium scale is at most 60 KB of HTML (issue 18).

The knowledge base is the benchmark's medium scale (benchmarks/realistic.py: 100
ToRs added, 1,000 briefs, 10,000 actions in 500 plans, 200 meetings), built with
the hooks as CI builds it. What grows with the scale is the generated pages (the
tracker, the register, the dashboard, the reports, the brief listings, the
pages per check): those are what the limit is for. A brief's own page is as long
as its author writes it, so the briefs here keep only the first sentences of
each part (the benchmark's 640-word briefs took the build's language model two
minutes to read; the listings and data pages are the same either way).
"""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

import pytest

from sitehelp import REPO, mkdocs

sys.path.insert(0, str(REPO / "benchmarks"))
from realistic import SCALES, generate

LIMIT = 60 * 1024
AS_OF = "2026-11-25"


def _shorten(brief: Path) -> None:
    """Keep the first sentence of each part of a generated brief."""
    head, body = brief.read_text().split("\n---\n", 1)
    parts = re.split(r"(?m)^(## .*)$", body)
    kept = [parts[0]]
    for title, text in zip(parts[1::2], parts[2::2], strict=True):
        first = re.match(r"\s*[^.!?]*[.!?]", text)
        kept += [title, "\n\n" + (first.group(0).strip() if first else "") + "\n\n"]
    brief.write_text(head + "\n---\n" + "".join(kept))


@pytest.fixture(scope="module")
def medium_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = generate(tmp_path_factory.mktemp("medium") / "kb", SCALES["medium"], date(2026, 11, 25))
    for brief in (root / "docs/briefs").glob("lb-*.md"):
        _shorten(brief)
    site = root.parent / "site"
    done = mkdocs(root, site, as_of=AS_OF)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr
    return site


def test_no_page_of_the_medium_scale_is_over_60_kb(medium_site: Path) -> None:
    pages = list(medium_site.rglob("*.html"))
    # The scale's pages are all there: a page per brief, and the split data pages.
    assert len(pages) > 1_000 + 100
    assert len(list((medium_site / "actions").glob("*/index.html"))) > 10
    over = sorted(
        (p.stat().st_size, p.relative_to(medium_site).as_posix())
        for p in pages
        if p.stat().st_size > LIMIT
    )
    assert over == [], over[:10]
