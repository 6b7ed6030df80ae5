"""Regenerate the hostile corpus: python tests/hostile/make_corpus.py

Each case is a file installed into an otherwise compliant knowledge base at
`install_as`, with the check code it must produce. Every file carries a marker
(HOSTILE-NN) that must never reach the built site. The 50 MB file is made by the
test itself rather than committed.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from checks.rules.brf004_missing_part import SEVEN_PARTS

HERE = Path(__file__).parent
FILES = HERE / "files"

ACTION = (
    "review: CSPR-2026-01\nactions:\n  - id: A09\n    recommendation: HOSTILE-{n}\n"
    "    owner: {agency: council, role: Lead}\n    due: 2027-01-31\n    status: open\n"
)
BRIEF_FRONT = (
    "id: LB-2026-{n}\ntitle: Hostile {n}\nreview: CSPR-2026-01\nthemes: [neglect]\n"
    "audience: {agencies: [school], roles: [teachers]}\nstatus: published\n"
    "publish_on: 2026-01-01\nreview_by: 2027-12-31\n"
)
SEVEN = "".join(f"## {p}\n\nText HOSTILE-{{n}}.\n\n" for p in SEVEN_PARTS)


def brief(front: str = BRIEF_FRONT, body: str = "") -> str:
    return "---\n" + front + "---\n\n# Hostile {n}\n\n" + body + SEVEN


TOR = (
    '---\ntitle: Hostile group {n}\nversion: "1.0"\nstatus: approved\napproved_on: 2026-06-01\n'
    "approved_by: exec\nnext_review: 2027-06-01\nchair: {agency: council, role: Chair}\n"
    "members:\n  - {agency: council, role: A}\n  - {agency: icb, role: B}\n"
    "  - {agency: police, role: C}\nfrequency: monthly\nreports_to: exec\n"
    'history:\n  - {version: "1.0", date: 2026-06-01, approved_by: exec, summary: First.}\n'
    "{extra}---\n\n# Hostile group {n}\n\nHOSTILE-{n}\n"
)

CASES: list[dict] = []


def case(name: str, install_as: str, code: str, content: str | bytes, note: str) -> None:
    n = f"{len(CASES) + 1:02d}"
    if isinstance(content, str):
        content = content.replace("{n}", n).encode("utf-8")
    else:
        content = content.replace(b"{n}", n.encode())
    suffix = Path(install_as).suffix or ".txt"
    file = f"{n}-{name}{suffix}"
    (FILES / file).write_bytes(content)
    CASES.append(
        {"file": file, "install_as": install_as.replace("{n}", n), "code": code, "note": note}
    )


def main() -> None:
    FILES.mkdir(exist_ok=True)
    for old in FILES.iterdir():
        old.unlink()
    act = "data/actions/hostile-{n}.yaml"
    case("unclosed-flow", act, "KB002", "review: [CSPR\nactions: HOSTILE-{n}\n", "malformed YAML")
    case("tab-indent", act, "KB002", ACTION.replace("    due", "\tdue"), "a tab for indentation")
    case(
        "bom-unknown-key",
        act,
        "KB003",
        "\ufeff" + ACTION + "colour: HOSTILE-{n}\n",
        "a byte-order mark and an unknown key",
    )
    case(
        "crlf-missing-field",
        act,
        "KB003",
        ACTION.replace("    status: open\n", "").replace("\n", "\r\n"),
        "CRLF line endings and a missing field",
    )
    case(
        "latin1", act, "KB001", ACTION.replace("Lead", "Café").encode("latin-1"), "non-UTF-8 bytes"
    )
    case("utf16", act, "KB001", ACTION.encode("utf-16"), "UTF-16 text")
    case("empty", act, "KB003", b"", "an empty file")
    case("only-comments", act, "KB003", "# HOSTILE-{n}\n# nothing else\n", "only comments")
    case(
        "deep-nesting",
        act,
        "KB002",
        "review: " + "[" * 10_000 + "]" * 10_000 + "\n",
        "10,000-deep nesting",
    )
    bomb = ['a: &a ["HOSTILE-{n}","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, name = chr(96 + i), chr(97 + i)
        bomb.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    case("alias-bomb", act, "KB002", "\n".join(bomb) + "\n", "a YAML alias bomb")
    case("recursive-alias", act, "KB002", "review: &r [HOSTILE-{n}, *r]\n", "a recursive alias")
    case("unknown-top-key", act, "KB003", ACTION + "extra: HOSTILE-{n}\n", "an unknown key")
    case(
        "unknown-action-key",
        act,
        "KB003",
        ACTION + "    priority: high\n",
        "an unknown key in an action",
    )
    case(
        "actions-string",
        act,
        "KB003",
        "review: CSPR-2026-01\nactions: HOSTILE-{n}\n",
        "a wrong type: text for a list",
    )
    case(
        "due-number",
        act,
        "KB003",
        ACTION.replace("due: 2027-01-31", "due: 5"),
        "a wrong type: a number for a date",
    )
    case(
        "impossible-date",
        act,
        "KB003",
        ACTION.replace("2027-01-31", "2026-02-30"),
        "an impossible date",
    )
    case("uk-date", act, "KB003", ACTION.replace("2027-01-31", "31/01/2027"), "a UK-style date")
    case("us-date", act, "KB003", ACTION.replace("2027-01-31", "01/31/2027"), "a US-style date")
    case(
        "datetime",
        act,
        "KB003",
        ACTION.replace("2027-01-31", "2027-01-31T10:00:00"),
        "a date with a time",
    )
    case(
        "bad-status",
        act,
        "KB003",
        ACTION.replace("status: open", "status: done"),
        "a status not in the list",
    )
    case(
        "duplicate-key",
        act,
        "KB002",
        ACTION.replace("    due:", "    due: 2027-01-01\n    due:"),
        "a key given twice",
    )
    case(
        "duplicate-action-id",
        act,
        "KB004",
        ACTION.replace("HOSTILE-{n}", "The first entry") + ACTION.split("actions:\n")[1],
        "the same action id twice",
    )
    case("top-level-list", act, "KB003", "- HOSTILE-{n}\n- b\n", "a list at the top level")
    case("scalar-document", act, "KB003", "HOSTILE-{n}\n", "a bare word")
    case("two-documents", act, "KB002", ACTION + "---\n" + ACTION, "two YAML documents")
    case("binary-tag", act, "KB002", ACTION + "blob: !!binary SE9TVElMRQ==\n", "a !!binary tag")
    case(
        "python-tag",
        act,
        "KB002",
        "review: !!python/object/apply:os.system ['echo HOSTILE-{n}']\n",
        "an attempt to run code through a YAML tag",
    )
    case("merge-key", act, "KB002", "base: &b {x: HOSTILE-{n}}\n<<: *b\n" + ACTION, "a merge key")
    case("nul-byte", act, "KB001", ACTION.replace("HOSTILE", "HOST\x00ILE"), "a NUL byte")
    case(
        "long-line",
        act,
        "KB002",
        ACTION + "x" * 1_000_000 + ": HOSTILE-{n}\n",
        "a one-megabyte line",
    )
    case("list-key", act, "KB002", "[a, b]: HOSTILE-{n}\n" + ACTION, "a list used as a key")
    case("null-key", act, "KB003", "~: HOSTILE-{n}\n" + ACTION, "a null key")
    case(
        "review-traversal",
        act,
        "KB003",
        ACTION.replace("review: CSPR-2026-01", "review: ../../etc/passwd"),
        "path traversal in a review reference",
    )
    case(
        "action-id-traversal",
        act,
        "KB003",
        ACTION.replace("id: A09", "id: ../A09"),
        "path traversal in an action id",
    )
    case(
        "unknown-owner",
        act,
        "ACT003",
        ACTION.replace("agency: council", "agency: mi5"),
        "an owner agency the partnership does not know",
    )
    case(
        "unknown-review",
        act,
        "ACT004",
        ACTION.replace("CSPR-2026-01", "CSPR-2099-01"),
        "a review that is not in the register",
    )
    case(
        "unexpected-file",
        "data/hostile-{n}.yaml",
        "KB006",
        "note: HOSTILE-{n}\n",
        "a YAML file where nothing is read",
    )
    meeting = (
        "meetings:\n  - group: {g}\n    date: {d}\n    present: [council, icb, police]\n"
        "    kind: HOSTILE-{n}\n"
    )
    case(
        "meeting-unknown-group",
        "data/meetings/hostile-{n}.yaml",
        "MTG005",
        meeting.format(g="nobody", d="2026-11-01", n="{n}"),
        "a meeting of an unknown group",
    )
    case(
        "meeting-impossible-date",
        "data/meetings/hostile-{n}.yaml",
        "KB003",
        meeting.format(g="panel", d="2026-13-01", n="{n}"),
        "a meeting on an impossible date",
    )
    bdir = "docs/briefs/hostile-{n}.md"
    case("no-front-matter", bdir, "KB003", "# Hostile {n}\n\nHOSTILE-{n}\n", "no front matter")
    case(
        "unclosed-front-matter",
        bdir,
        "KB002",
        "---\n" + BRIEF_FRONT + "\n# HOSTILE-{n}\n",
        "front matter that never closes",
    )
    case(
        "bad-front-matter",
        bdir,
        "KB002",
        brief(BRIEF_FRONT.replace("themes: [neglect]", "themes: [neglect")),
        "malformed YAML in front matter",
    )
    case(
        "brief-unknown-key",
        bdir,
        "KB003",
        brief(BRIEF_FRONT + "secret: yes\n"),
        "an unknown key in front matter",
    )
    case(
        "script",
        bdir,
        "SEC001",
        brief(body="<script>alert('HOSTILE-{n}')</script>\n\n"),
        "a script element",
    )
    case(
        "onerror",
        bdir,
        "SEC001",
        brief(body="<img src=x onerror=\"alert('HOSTILE-{n}')\">\n\n"),
        "an event-handler attribute",
    )
    case(
        "javascript-link",
        bdir,
        "SEC001",
        brief(body="[HOSTILE-{n}](javascript:alert(1))\n\n"),
        "a javascript: link",
    )
    case(
        "javascript-reference",
        bdir,
        "SEC001",
        brief(body="[HOSTILE-{n}][x]\n\n[x]: JavaScript:alert(1)\n\n"),
        "a javascript: link reference, mixed case",
    )
    case(
        "data-image",
        bdir,
        "SEC001",
        brief(body="![HOSTILE-{n}](data:text/html;base64,PHNjcmlwdD4=)\n\n"),
        "a data: image",
    )
    case(
        "iframe",
        bdir,
        "SEC001",
        brief(body='<iframe src="https://example.invalid/HOSTILE-{n}"></iframe>\n\n'),
        "an iframe",
    )
    case(
        "form",
        bdir,
        "SEC001",
        brief(body='<form action="https://example.invalid"><input name=HOSTILE-{n}></form>\n\n'),
        "a form",
    )
    case(
        "object-embed",
        bdir,
        "SEC001",
        brief(body='<object data="x.swf">HOSTILE-{n}</object><embed src=x>\n\n'),
        "object and embed elements",
    )
    case(
        "svg-onload",
        bdir,
        "SEC001",
        brief(body="<svg onload=alert(1)>HOSTILE-{n}</svg>\n\n"),
        "an SVG with onload",
    )
    case(
        "link-traversal",
        bdir,
        "SEC002",
        brief(body="[HOSTILE-{n}](../../../../etc/passwd)\n\n"),
        "path traversal in a link",
    )
    case(
        "file-url",
        bdir,
        "SEC002",
        brief(body="[HOSTILE-{n}](file:///etc/passwd)\n\n"),
        "a file: URL",
    )
    case(
        "duplicate-brief-id",
        bdir,
        "KB004",
        brief(BRIEF_FRONT.replace("LB-2026-{n}", "LB-2026-01")),
        "a brief id already used",
    )
    case(
        "brief-id-traversal",
        bdir,
        "KB003",
        brief(BRIEF_FRONT.replace("LB-2026-{n}", "../../LB-2026-{n}")),
        "path traversal in a brief id",
    )
    case(
        "published-no-date",
        bdir,
        "KB003",
        brief(BRIEF_FRONT.replace("publish_on: 2026-01-01\n", "")),
        "a published brief without its date",
    )
    case(
        "deep-quote",
        bdir,
        "SEC003",
        brief(body=">" * 5000 + " HOSTILE-{n}\n\n"),
        "5,000-deep block quotes",
    )
    case(
        "deep-list",
        bdir,
        "SEC003",
        brief(body="".join("  " * i + "- x\n" for i in range(600)) + "HOSTILE-{n}\n\n"),
        "600-deep nested list",
    )
    tdir = "docs/tor/hostile-{n}.md"
    case(
        "reports-to-itself",
        tdir,
        "TOR007",
        TOR.replace("reports_to: exec", "reports_to: hostile-{n}").replace("{extra}", ""),
        "a group that reports to itself",
    )
    case(
        "duplicate-group",
        tdir,
        "KB004",
        TOR.replace("{extra}", "group: panel\n"),
        "a ToR claiming another group's id",
    )
    case(
        "version-list",
        tdir,
        "KB003",
        TOR.replace('version: "1.0"', "version: [1, 0]").replace("{extra}", ""),
        "a version given as a list",
    )
    case(
        "reserved-name",
        "docs/register.md",
        "KB007",
        "# Register HOSTILE-{n}\n",
        "a page named like a generated page",
    )
    case(
        "readme-and-index",
        "docs/tor/README.md",
        "KB007",
        "# HOSTILE-{n}\n",
        "README.md beside index.md",
    )
    case(
        "procedure-unknown-key",
        "docs/procedures/hostile-{n}.md",
        "KB003",
        "---\ntitle: Hostile {n}\nowner: panel\nlast_reviewed: 2026-06-01\nreview_in: 12 months\n"
        "reviewer: HOSTILE-{n}\n---\n\n# Hostile\n",
        "a procedure with an unknown key",
    )
    (HERE / "manifest.yaml").write_text(
        "# Generated by make_corpus.py: one hostile input per entry.\n"
        + yaml.safe_dump({"cases": CASES}, sort_keys=False, width=100)
    )
    print(f"{len(CASES)} cases")


if __name__ == "__main__":
    main()
