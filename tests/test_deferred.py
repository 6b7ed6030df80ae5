"""HTML held out of the Markdown comes back exactly where it was held."""

from __future__ import annotations

import markdown

from checks.site.deferred import DeferredHtml


def test_held_html_returns_in_place_after_markdown():
    held = DeferredHtml()
    header = held.hold('<p class="kb-brief-meta"><strong>Themes:</strong> Neglect</p>')
    listing = held.hold('<ul class="kb-briefs">\n<li><a href="../x/">X</a></li>\n</ul>')
    text = f"# Title\n\n{header}\n\n## Newest\n\n{listing}\n\nAfter.\n"
    md = markdown.Markdown(extensions=["toc", "md_in_html", "attr_list"])
    html = held.fill(md.convert(text))
    assert html.index("<h1") < html.index("kb-brief-meta") < html.index("<h2")
    assert html.index("<h2") < html.index('<a href="../x/">X</a>') < html.index("After.")
    assert "kb-html" not in html


def test_a_page_cannot_name_another_build_s_held_part():
    mine, theirs = DeferredHtml(), DeferredHtml()
    secret = mine.hold("<p>held</p>")
    forged = theirs.hold("<p>other</p>")
    assert mine.fill(forged) == forged
    assert mine.fill(secret) == "<p>held</p>"
    assert mine.fill("nothing held here") == "nothing held here"
    # Even with this build's token, a number that was never held stays as it is.
    unheld = secret.replace(" 0 -->", " 7 -->")
    assert mine.fill(unheld) == unheld


def test_a_part_for_after_the_title_goes_after_the_first_h1():
    held = DeferredHtml()
    held.after_title("briefs/a.md", "<p>header</p>")
    page = '<h1 id="a">A</h1>\n<h2 id="b">B</h2>'
    assert held.fill(page, "briefs/a.md") == '<h1 id="a">A</h1>\n<p>header</p>\n\n<h2 id="b">B</h2>'
    assert held.fill(page, "briefs/other.md") == page
    assert held.fill("<p>No title</p>", "briefs/a.md") == "<p>header</p>\n<p>No title</p>"
