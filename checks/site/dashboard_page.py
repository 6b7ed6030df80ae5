"""The compliance dashboard: every finding, linked to its page and its source file."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from checks.model.findings import Counts, Finding, Severity
from checks.reports.markdown import esc, table
from checks.rules.engine import Result

PageOf = Callable[[Finding], str | None]
SourceOf = Callable[[str], str | None]


def _message(f: Finding) -> str:
    # A file that did not load may hold anything, even a name typed in the wrong
    # field: the site says where, and `kb check` says what.
    if f.code == "ANO001":
        # Never repeat the detail itself on the site: say what kind it is.
        return f"{esc(f.message.split(':')[0])}: an identifying detail; run `kb check` to see it."
    if f.code.startswith("KB"):
        return (
            "This file, or an entry in it, could not be read and is left out of the site; "
            "run `kb check` for the details."
        )
    return esc(f.message, keep_code=True)


def dashboard_page(
    result: Result, shown: Sequence[Finding], hidden: int, page_of: PageOf, source_of: SourceOf
) -> str:
    counts = Counts.of(shown)
    out = [
        "# Compliance dashboard\n",
        f"As at {result.today:%-d %B %Y}: **{counts.describe()}**"
        + (f"; {result.suppressed} suppressed" if result.suppressed else "")
        + ". Each finding links to the page it concerns and to its source file. "
        "The [rule reference](rules/index.md) explains every code.\n",
    ]
    if hidden:
        out.append(
            f"\n{hidden} finding(s) about unpublished material are not shown here; "
            "run `kb check` to see them.\n"
        )
    for severity, heading in (
        (Severity.ERROR, "Errors"),
        (Severity.WARNING, "Warnings"),
        (Severity.INFO, "Information"),
    ):
        rows = []
        for f in shown:
            if f.severity is not severity:
                continue
            page = page_of(f)
            source = source_of(f.file)
            where = f"[{esc(f.subject or f.file)}]({page})" if page else esc(f.subject or "")
            src = f"[{esc(f.file)}:{f.line}]({source})" if source else f"{esc(f.file)}:{f.line}"
            rows.append([f"[{f.code}](rules/{f.code}.md)", where, _message(f), src])
        out.append(f"\n## {heading} ({len(rows)})\n")
        if rows:
            # The class lets the stylesheet give the finding itself most of the width.
            findings = table(["Check", "About", "Finding", "Source"], rows)
            out.append(f'<div class="kb-findings" markdown>\n\n{findings}\n</div>\n')
        else:
            out.append("None.\n")
    return "\n".join(out)
