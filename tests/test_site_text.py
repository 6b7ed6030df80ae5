"""Values written into the site's Markdown render as their text: never as markup,
and never with the escaping showing."""

from __future__ import annotations

import markdown
import pytest

from checks.reports.markdown import esc, table


def rendered_cell(text: str, keep_code: bool) -> str:
    html = markdown.markdown(
        table(["Finding"], [[esc(text, keep_code=keep_code)]]), extensions=["tables"]
    )
    return html.split("<td>")[1].split("</td>")[0]


@pytest.mark.parametrize(
    ("message", "html"),
    [
        # A field name in a finding shows as code, without the backslash that
        # escaping its underscore would leave inside the code span.
        ("record why under `due_changes`", "record why under <code>due_changes</code>"),
        ("`<b>` and <i>", "<code>&lt;b&gt;</code> and &lt;i&gt;"),
        # A backtick without its pair cannot open code, or let markup through.
        ("a ` <script>x</script>", "a ` &lt;script&gt;x&lt;/script&gt;"),
        ("*not emphasis* and [not](a link)", "*not emphasis* and [not](a link)"),
    ],
)
def test_findings_keep_their_code_and_nothing_else(message: str, html: str) -> None:
    assert rendered_cell(message, keep_code=True) == html


def test_without_keep_code_backticks_are_text() -> None:
    assert rendered_cell("`due_changes` <b>", keep_code=False) == "`due_changes` &lt;b&gt;"
