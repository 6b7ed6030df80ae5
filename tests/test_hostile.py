"""The hostile corpus: every bad input gives a clear finding with file and line, never a
traceback, is never published, and never stops the rest being checked and published.

The corpus lives in tests/hostile/ (regenerate with tests/hostile/make_corpus.py).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from checks.loading import load
from checks.rules.engine import run
from checks.site.build import SiteBuild
from kbfactory import TODAY, compliant, write
from sitehelp import mkdocs, write_site_config

HOSTILE = Path(__file__).parent / "hostile"
CASES: list[dict[str, Any]] = yaml.safe_load((HOSTILE / "manifest.yaml").read_text())["cases"]


def base_files() -> dict[str, Any]:
    files = compliant()
    # An overdue action elsewhere: it must still be found beside every bad file.
    files["data/actions/CSPR-2026-01.yaml"]["actions"][1]["due"] = "2026-11-01"
    files["docs/tor/index.md"] = "# Groups\n"
    return files


def install(root: Path, case: dict[str, Any]) -> Path:
    target = root / case["install_as"]
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(HOSTILE / "files" / case["file"], target)
    return target


def marker(case: dict[str, Any]) -> str:
    return "HOSTILE-" + case["file"][:2]


def test_the_corpus_is_big_enough():
    assert len(CASES) >= 60


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_hostile_input(tmp_path, case):
    root = write(tmp_path / "kb", base_files())
    install(root, case)
    kb = load(root)  # never raises
    result = run(kb, TODAY)
    codes = {f.code for f in result.findings}
    assert case["code"] in codes, [
        f"{f.code} {f.file}:{f.line} {f.message}" for f in result.findings
    ]
    (hit,) = [f for f in result.findings if f.code == case["code"]][:1]
    assert hit.line >= 1 and hit.file and hit.message
    if case["code"] != "KB004":  # a duplicate is reported where it is found second
        files = {f.file for f in result.findings if f.code == case["code"]}
        assert case["install_as"] in files or (
            # A brief that did not load may be a draft: never named (checks.rules.redaction).
            case["install_as"].startswith("docs/briefs/")
            and any(f.startswith("docs/briefs/(unpublished ") for f in files)
        )
    # Every other file is still checked...
    assert "ACT001" in codes
    # ...and the bad item is never published. (A valid record with a broken reference,
    # such as an action owned by an unknown agency, is published with its finding.)
    if not case["code"].startswith(("KB", "SEC", "TOR007")):
        return
    build = SiteBuild(kb, result, TODAY)
    pages = build.generated()
    assert not any(marker(case) in text for text in pages.values())
    if case["install_as"].startswith("docs/"):
        assert case["install_as"].removeprefix("docs/") in build.hidden
    if case["file"] != "55-duplicate-brief-id.md":  # that one hides its twin, by design
        assert "tor/panel.md" not in build.hidden and "briefs/lb-2026-01.md" not in build.hidden


def test_fifty_megabyte_file(tmp_path):
    root = write(tmp_path / "kb", base_files())
    big = root / "data/actions/huge.yaml"
    with big.open("wb") as f:
        f.write(b"# HOSTILE-big\n" * (50 * 1024 * 1024 // 14))
    result = run(load(root), TODAY)
    (f,) = [f for f in result.findings if f.file == "data/actions/huge.yaml"]
    assert f.code == "KB001" and "MB" in f.message
    assert "ACT001" in {f.code for f in result.findings}


def test_symlink_outside_the_repository(tmp_path):
    root = write(tmp_path / "kb", base_files())
    secret = tmp_path / "outside.md"
    secret.write_text("---\ntitle: HOSTILE-link\n---\n# secret\n")
    (root / "docs/briefs/link.md").symlink_to(secret)
    result = run(load(root), TODAY)
    # A brief that did not load may be a draft: its file is never named.
    assert any(
        f.code == "KB001" and f.file == "docs/briefs/(unpublished file 1)" for f in result.findings
    )
    # Publication is by allow list: a page reached through a link is not on it.
    assert "briefs/link.md" not in SiteBuild(load(root), result, TODAY).pages


@pytest.mark.slow
def test_the_whole_corpus_builds_a_site_without_any_of_it(tmp_path):
    root = write(tmp_path / "kb", base_files())
    for case in CASES:
        if case["install_as"] == "docs/tor/README.md" or "duplicate-brief" in case["file"]:
            continue  # each hides a good page by design; tested alone above
        install(root, case)
    write_site_config(root)
    proc = mkdocs(root, tmp_path / "site")
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr
    site = tmp_path / "site"
    assert (site / "tor/panel/index.html").is_file()
    assert (site / "briefs/lb-2026-01/index.html").is_file()
    withheld = [marker(c).encode() for c in CASES if c["code"].startswith(("KB", "SEC", "TOR007"))]
    for path in site.rglob("*"):
        if path.is_file() and path.suffix != ".gz":
            data = path.read_bytes()
            for m in withheld:
                assert m + b"\n" not in data and m + b"<" not in data and m + b"'" not in data, (
                    path,
                    m,
                )
            if path.suffix == ".html":
                lowered = data.lower()
                # Payloads as markup (the rule reference shows them as text, escaped).
                # Material's own search box is a <form>, so forms are matched by target.
                assert not re.search(rb"<[a-z][^>]*\son[a-z]+\s*=", lowered), path
                assert not re.search(rb"<(iframe|object|embed)\b", lowered), path
                assert not re.search(rb"(href|src|action)=[\"']?(javascript|data):", lowered), path
                for bad in (b"<script>alert", b"example.invalid", b'href="file:'):
                    assert bad not in lowered, (path, bad)
