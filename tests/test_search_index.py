"""One search document per learning brief; other pages keep their sections."""

from __future__ import annotations

import json

from checks.site.search_index import one_document_per_page, published_index

INDEX = {
    "config": {"lang": ["en"]},
    "docs": [
        {"location": "briefs/a/", "title": "Brief A", "text": "<p>Themes: neglect</p>"},
        {"location": "briefs/a/#1-background", "title": "1. Background", "text": "<p>pram</p>"},
        {"location": "briefs/a/#7-what-to-do", "title": "7. What to do", "text": "<p>ask</p>"},
        {"location": "tor/exec/", "title": "Executive", "text": "<p>ToR</p>"},
        {"location": "tor/exec/#quorum", "title": "Quorum", "text": "<p>three</p>"},
    ],
}


def test_a_briefs_sections_fold_into_its_own_document():
    shaped = one_document_per_page(INDEX, {"briefs/a/"})
    assert shaped["config"] == INDEX["config"]
    locations = [d["location"] for d in shaped["docs"]]
    assert locations == ["briefs/a/", "tor/exec/", "tor/exec/#quorum"]
    (brief,) = [d for d in shaped["docs"] if d["location"] == "briefs/a/"]
    assert brief["title"] == "Brief A"
    for words in ("neglect", "1. Background", "pram", "7. What to do", "ask"):
        assert words in brief["text"]
    assert len(INDEX["docs"]) == 5  # the input is left as it was


def test_a_section_without_its_page_entry_is_kept():
    shaped = one_document_per_page({"docs": INDEX["docs"][1:3]}, {"briefs/a/"})
    (only,) = shaped["docs"]
    assert only["location"] == "briefs/a/" and "pram" in only["text"] and "ask" in only["text"]


def test_the_built_site_has_one_document_per_brief(site):
    index = json.loads((site / "search/search_index.json").read_text())
    locations = [d["location"] for d in index["docs"]]
    briefs = [loc for loc in locations if loc.startswith("briefs/lb-")]
    assert briefs and all("#" not in loc for loc in briefs)
    assert len(briefs) == len(set(briefs))
    safe_sleep = next(d for d in index["docs"] if d["location"] == "briefs/lb-2025-01-safe-sleep/")
    assert "pram" in safe_sleep["text"].lower()
    # ToRs keep a document per section, for deep links to Quorum or Membership.
    assert any(loc.startswith("tor/executive/#") for loc in locations)


def test_the_published_index_keeps_the_newest_entry_of_each_location():
    material = {
        "config": {"lang": ["en"]},
        "docs": [
            *INDEX["docs"],
            # What `mkdocs serve --dirty` leaves: a rebuilt page's entry twice.
            {"location": "tor/exec/#quorum", "title": "Quorum", "text": "<p>four</p>"},
        ],
    }
    shaped = published_index(material, {"briefs/a/", "briefs/gone/"})
    locations = [d["location"] for d in shaped["docs"]]
    assert locations == ["briefs/a/", "tor/exec/", "tor/exec/#quorum"]
    quorum = next(d for d in shaped["docs"] if d["location"] == "tor/exec/#quorum")
    assert quorum["text"] == "<p>four</p>"  # the newest entry
