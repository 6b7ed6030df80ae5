"""ANO001 reads every published field, as a reader sees it (issue 13, item 2).

Each case plants one identifying detail in one kind of field, disguised as a
hostile contributor would (an entity for ``@``, a Cyrillic letter in a name, a
zero-width space), and asserts the finding's file and line.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from checks.anonymise.normalise import normalise
from checks.loading import load
from checks.model.findings import Finding
from checks.rules.engine import run
from kbfactory import TODAY, compliant, write

NHS = "943 476 5919"  # passes the NHS check digit
EMAIL = "jo.bloggs&#64;example.org"  # shown by a browser as jo.bloggs@example.org
DOUBLE = "jo.bloggs&amp;#64;example.org"  # decoded twice, as a page decodes it again
HOMOGLYPH = "J\u0435ssica Smith"  # a Cyrillic е: shown as "Jessica Smith"
HIDDEN = "Jes\u200bsica Sm\u00adith"  # a zero-width space and a soft hyphen
POSTCODE = "KT1 2AB"
FULLWIDTH = "\uff2a\uff45\uff53\uff53\uff49\uff43\uff41 Smith"  # Ｊｅｓｓｉｃａ


def _ano(root: Path) -> list[Finding]:
    return [f for f in run(load(root), TODAY).findings if f.code == "ANO001"]


def _line_of(root: Path, rel: str, needle: str) -> int:
    lines = (root / rel).read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines, 1) if needle in line)


Edit = Callable[[dict[str, Any], str], None]


def _front(path: str, *keys: str | int) -> Edit:
    """Put the value at ``keys`` in the front matter of the page at ``path``."""

    def edit(files: dict[str, Any], value: str) -> None:
        front, _ = files[path]
        _set(front, keys, value)

    return edit


def _data(path: str, *keys: str | int) -> Edit:
    def edit(files: dict[str, Any], value: str) -> None:
        _set(files[path], keys, value)

    return edit


def _set(node: Any, keys: tuple[str | int, ...], value: str) -> None:
    for key in keys[:-1]:
        node = node[key]
    node[keys[-1]] = value


BRIEF = "docs/briefs/lb-2026-01.md"
TOR = "docs/tor/panel.md"
PROCEDURE = "docs/procedures/rapid-review.md"
ACTIONS = "data/actions/CSPR-2026-01.yaml"

# (what, edit, planted text, the part of it to find its line by)
CASES: list[tuple[str, Edit, str, str]] = [
    ("page title", _front("docs/index.md", "title"), f"Home of {HOMOGLYPH}", "Home of"),
    ("page description", _front("docs/index.md", "description"), f"Ask {EMAIL}", "Ask jo"),
    ("page author", _front("docs/index.md", "author"), NHS, NHS),
    (
        "page, any nested key",
        _front("docs/index.md", "extra"),
        {"people": [{"note": f"Lives at {POSTCODE}"}]},  # type: ignore[list-item]
        "Lives at",
    ),
    ("brief audience role", _front(BRIEF, "audience", "roles", 0), f"Nurse {NHS}", "Nurse"),
    ("brief title", _front(BRIEF, "title"), f"About {HOMOGLYPH}", "About J"),
    ("brief summary", _front(BRIEF, "summary"), f"Write to {DOUBLE}", "Write to"),
    ("ToR chair role", _front(TOR, "chair", "role"), f"Chair {NHS}", "Chair 943"),
    ("ToR member role", _front(TOR, "members", 1, "role"), HIDDEN, "Jes"),
    ("ToR history summary", _front(TOR, "history", 0, "summary"), f"By {EMAIL}", "By jo"),
    ("ToR short name", _front(TOR, "short_name"), FULLWIDTH, "Smith"),
    ("procedure title", _front(PROCEDURE, "title"), f"Ask {HOMOGLYPH}", "Ask J"),
    ("action owner role", _data(ACTIONS, "actions", 1, "owner", "role"), NHS, NHS),
    ("action text", _data(ACTIONS, "actions", 0, "recommendation"), f"Call {EMAIL}", "Call"),
    ("action evidence", _data(ACTIONS, "actions", 0, "evidence"), HOMOGLYPH, "ssica"),
    ("theme label", _data("data/themes.yaml", "themes", 0, "label"), f"Re {NHS}", "Re 943"),
    (
        "theme description",
        _data("data/themes.yaml", "themes", 1, "description"),
        f"Ask {HOMOGLYPH}",
        "Ask J",
    ),
    ("agency name", _data("data/partnership.yaml", "agencies", 3, "name"), HOMOGLYPH, "ssica"),
    ("partnership area", _data("data/partnership.yaml", "area"), POSTCODE, POSTCODE),
    ("review title", _data("data/reviews.yaml", "reviews", 0, "title"), HOMOGLYPH, "ssica"),
    ("review notes", _data("data/reviews.yaml", "reviews", 0, "notes"), f"See {EMAIL}", "See"),
    (
        "yearly report period",
        _data("data/partnership.yaml", "yearly_reports", 0, "period"),
        NHS,
        NHS,
    ),
    ("meeting kind", _data("data/meetings/2026.yaml", "meetings", 0, "kind"), NHS, NHS),
]


@pytest.mark.parametrize(("what", "edit", "planted", "needle"), CASES, ids=[c[0] for c in CASES])
def test_a_detail_in_any_published_field_is_found_at_its_line(
    tmp_path: Path, what: str, edit: Edit, planted: str, needle: str
) -> None:
    files = compliant()
    edit(files, planted)
    root = write(tmp_path / "kb", files)
    found = _ano(root)
    assert found, f"nothing found in the {what}"
    (rel,) = {f.file for f in found}
    line = _line_of(root, rel, needle)
    assert [f.line for f in found] == [line] * len(found)


@pytest.mark.parametrize(
    ("name", "content", "line"),
    [
        ("docs/notes.txt", f"Minutes\n\nCall {EMAIL} today.\n", 3),
        ("docs/data/list.csv", f"name,number\nChild A,{NHS}\n", 2),
        ("docs/extra/page.html", f"<html>\n<body>\n<p>{HOMOGLYPH}</p>\n</body>\n</html>\n", 3),
        (
            "docs/img/map.svg",
            f'<svg xmlns="http://www.w3.org/2000/svg">\n<text>{POSTCODE}</text>\n</svg>',
            2,
        ),
        ("docs/assets/site.js", f'// built\nconst who = "{HOMOGLYPH}";\n', 2),
        ("docs/assets/data.json", f'{{\n  "nhs": "{NHS}"\n}}\n', 2),
        ("docs/feed.xml", f"<feed>\n<title>{HIDDEN}</title>\n</feed>\n", 2),
        ("docs/old-page.markdown", f"# Old\n\n{HOMOGLYPH} was seen.\n", 3),
        ("docs/Upper.MD", f"# Upper\n\nWrite to {EMAIL}.\n", 3),
    ],
)
def test_a_detail_in_a_static_text_file_is_found_at_its_line(
    tmp_path: Path, name: str, content: str, line: int
) -> None:
    files = compliant()
    files[name] = content
    found = _ano(write(tmp_path / "kb", files))
    # A page with an upper-case suffix is not published (MkDocs copies it as a
    # file), so, like any unpublished page, its findings do not name it.
    shown = name if not name.endswith(".MD") else "docs/(unpublished file 1)"
    assert [(f.file, f.line) for f in found] == [(shown, line)]


def test_binary_files_are_not_read_as_text(tmp_path: Path) -> None:
    files = compliant()
    # A PNG's header has NUL bytes; the digits after it would pass the NHS check.
    files["docs/img/photo.png"] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + NHS.encode()
    assert _ano(write(tmp_path / "kb", files)) == []


def test_a_disguised_detail_in_a_body_is_found_at_its_line_and_never_quoted(
    tmp_path: Path,
) -> None:
    files = compliant()
    front, _ = files[BRIEF]
    # The entity for a line break must not move the finding to another line.
    body = "# A brief\n\nFirst&#10;line.\n\nThen " + HOMOGLYPH + " and " + EMAIL + ".\n"
    files[BRIEF] = (front, body)
    root = write(tmp_path / "kb", files)
    found = _ano(root)
    line = _line_of(root, BRIEF, "Then ")
    assert [(f.line, f.match) for f in found] == [(line, HOMOGLYPH), (line, EMAIL)]
    # Found as read, reported by kind and column: the message never quotes the
    # detail, in either spelling (the match keeps it for a suppression).
    assert found[0].message.startswith("name: the text at column 6 ")
    assert found[1].message.startswith("email: the text at column ")
    for f in found:
        assert "Jessica" not in f.message and "bloggs" not in f.message


def test_a_suppression_is_not_read_as_published_text(tmp_path: Path) -> None:
    files = compliant()
    front, body = files[BRIEF]
    front["suppress"] = [
        {
            "code": "ANO001",
            "match": "Grace Wilkinson",
            "reason": "A pseudonym.",
            "until": "2027-01-31",
        }
    ]
    files[BRIEF] = (front, body)
    assert _ano(write(tmp_path / "kb", files)) == []


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("jo&#64;example.org", "jo@example.org"),
        ("jo&#x40;example.org", "jo@example.org"),
        ("jo&commat;example.org", "jo@example.org"),
        ("jo&amp;amp;#64;example.org", "jo@example.org"),
        ("J\u0435ssica", "Jessica"),  # Cyrillic е
        ("\u0408ane", "Jane"),  # Cyrillic Ј
        ("\u0399an", "Ian"),  # Greek capital iota: a capital, not Unicode's prototype l
        ("Jes\u200dsi\u2060ca", "Jessica"),  # zero-width joiner, word joiner
        ("Je\u00adssica", "Jessica"),  # soft hyphen
        ("Jess\u034fica", "Jessica"),  # combining grapheme joiner (not Cf, still invisible)
        ("\u2160\u2161", "III"),  # Roman numerals, by NFKC
        ("plain ascii & text", "plain ascii & text"),
    ],
)
def test_normalise_reads_text_as_it_is_shown(written: str, read: str) -> None:
    got = normalise(written)
    assert got.text == read
    assert len(got.origin) == len(got.text) + 1
    assert got.span(0, len(got.text)) == (0, len(written))


# -- findings about unpublished records (issue 13, item 3) ----------------------

SECRET_THEME = "secret-theme-qx7"
SECRET_NAME = "kestrel-jessica-smith-2026"


def _unpublished_kb(tmp_path: Path) -> Path:
    """A draft brief with an unknown theme and a name in its text, an embargoed
    brief saved under a name that identifies someone, and a brief that does not
    load, each with a marker in its file name."""
    files = compliant()
    front, body = files[BRIEF]
    files[f"docs/briefs/{SECRET_NAME}-draft.md"] = (
        {**front, "id": "LB-2026-07", "status": "draft", "themes": [SECRET_THEME]},
        body + f"\nDRAFT-QX7 {HOMOGLYPH} told us.\n",
    )
    files[f"docs/briefs/{SECRET_NAME}-embargo.md"] = (
        {**front, "id": "LB-2026-08", "publish_on": "2027-03-01", "themes": [SECRET_THEME]},
        body + f"\nEMBARGO-QX7 {EMAIL} wrote.\n",
    )
    files[f"docs/briefs/{SECRET_NAME}-broken.md"] = (
        {**front, "id": f"{SECRET_NAME}", "status": "draft", "themes": SECRET_THEME},
        body,
    )
    return write(tmp_path / "kb", files)


MARKERS = (SECRET_THEME, SECRET_NAME, "DRAFT-QX7", "EMBARGO-QX7", "ssica", "bloggs", "Jessica")


@pytest.mark.parametrize("fmt", ["text", "json", "github", "junit"])
def test_findings_about_unpublished_briefs_quote_no_name_theme_or_text(
    tmp_path: Path, fmt: str
) -> None:
    import io

    from checks.cli import main

    root = _unpublished_kb(tmp_path)
    out = io.StringIO()
    main(
        ["check", str(root), "--as-of", TODAY.isoformat(), "--format", fmt, "--no-cache"],
        out,
        io.StringIO(),
    )
    report = out.getvalue()
    for marker in MARKERS:
        assert marker not in report, f"{marker!r} is in the {fmt} report"
    # Still actionable: each draft is named by its id, and its findings stay.
    assert "docs/briefs/(unpublished LB-2026-07)" in report
    assert "docs/briefs/(unpublished LB-2026-08)" in report
    assert "docs/briefs/(unpublished file 1)" in report


def test_unpublished_findings_keep_their_check_line_and_kind(tmp_path: Path) -> None:
    root = _unpublished_kb(tmp_path)
    findings = run(load(root), TODAY).findings
    draft = [f for f in findings if f.file == "docs/briefs/(unpublished LB-2026-07)"]
    assert {f.code for f in draft} >= {"ANO001", "BRF002"}
    # (The name in the file's own name is a finding too, at line 1.)
    ano = next(f for f in draft if f.code == "ANO001" and f.line > 1)
    assert ano.message.startswith("name: ") and ano.subject == "LB-2026-07" and ano.match == ""
    assert ano.line == _line_of(root, f"docs/briefs/{SECRET_NAME}-draft.md", "DRAFT-QX7")
    assert all(f.withheld for f in draft)
    broken = [f for f in findings if f.file == "docs/briefs/(unpublished file 1)"]
    assert broken and all(f.subject == "" for f in broken)


def test_the_dashboard_shows_no_finding_about_an_unpublished_brief(tmp_path: Path) -> None:
    from checks.site.build import SiteBuild

    root = _unpublished_kb(tmp_path)
    kb = load(root)
    page = SiteBuild(kb, run(kb, TODAY), TODAY).generated()["compliance.md"]
    for marker in (*MARKERS, "unpublished LB-2026"):
        assert marker not in page
    assert "about unpublished material are not shown" in page


# -- generated pages leave out the text of a subject with a finding ------------


def _generated(root: Path) -> dict[str, str]:
    from checks.site.build import SiteBuild

    kb = load(root)
    return SiteBuild(kb, run(kb, TODAY), TODAY).generated()


def test_a_tor_title_with_a_detail_reaches_neither_the_calendar_nor_the_groups_page(
    tmp_path: Path,
) -> None:
    files = compliant()
    files[TOR][0]["title"] = f"Panel of {HOMOGLYPH}"
    pages = _generated(write(tmp_path / "kb", files))
    # Found only once the Cyrillic е is read as an e; then the ToR is withheld.
    for page in ("calendar.ics", "groups.md"):
        assert "ssica" not in pages[page], page
    assert "Executive" in pages["groups.md"]  # the other group is still listed


def test_an_action_owner_role_with_a_detail_is_not_in_the_tracker(tmp_path: Path) -> None:
    files = compliant()
    files[ACTIONS]["actions"][1]["owner"]["role"] = f"Nurse {NHS}"
    pages = _generated(write(tmp_path / "kb", files))
    assert NHS not in pages["actions.md"] and "Withheld" in pages["actions.md"]
    assert NHS not in pages["calendar.ics"]
