"""Links and special files under docs/ and data/ are never followed or opened.

Every symbolic link (to a file or a folder, inside or outside the repository,
dangling or looping) and every FIFO, socket or device is a KB001 finding naming
its path; nothing behind it is read. Markdown pages are read whatever the letter
case of their suffix and whichever of MkDocs' Markdown suffixes they use.
"""

from __future__ import annotations

import builtins
import io
import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from checks.cli import main
from checks.loading import load
from checks.loading.files import markdown_files
from checks.rules.engine import run
from kbfactory import TODAY, write
from sitehelp import mkdocs, write_site_config
from timebox import time_box

BRIEF = "docs/briefs/lb-2026-01.md"


@pytest.fixture(autouse=True)
def _never_hang() -> Iterator[None]:
    """Opening a FIFO for reading waits for a writer: fail instead of hanging."""
    with time_box(10):
        yield


@pytest.fixture
def root(tmp_path, files) -> Path:
    return write(tmp_path / "kb", files)


@pytest.fixture
def outside(tmp_path) -> Path:
    """A folder beside the repository holding a page and a YAML file."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "secret.md").write_text("---\ntitle: OUTSIDE-SECRET\n---\n# OUTSIDE-SECRET\n")
    (folder / "plan.yaml").write_text("review: CSPR-2026-01\nactions: []\n")
    return folder


@pytest.fixture
def opened(monkeypatch) -> list[str]:
    """Every path opened (by os.open, open or pathlib), as the real path it reaches."""
    seen: list[str] = []
    real_os_open, real_open = os.open, io.open

    def spy_os_open(path: Any, *args: Any, **kw: Any) -> int:
        seen.append(os.path.realpath(path))
        return real_os_open(path, *args, **kw)

    def spy_open(file: Any, *args: Any, **kw: Any) -> Any:
        if not isinstance(file, int):
            seen.append(os.path.realpath(file))
        return real_open(file, *args, **kw)

    monkeypatch.setattr(os, "open", spy_os_open)
    monkeypatch.setattr(io, "open", spy_open)
    monkeypatch.setattr(builtins, "open", spy_open)
    return seen


def problems(root: Path) -> dict[str, str]:
    """The loader's KB001 findings, by path (before a report hides the details of
    pages that are not published)."""
    kb = load(root)
    return {p.file: p.message for code, p in kb.load_problems if code == "KB001"}


@pytest.mark.parametrize(
    "link",
    ["docs/briefs/leak.md", "docs/leak.md", "data/actions/CSPR-2099-01.yaml", "data/themes.yaml"],
)
def test_a_link_to_a_file_outside_is_reported_and_never_opened(root, outside, opened, link):
    target = outside / ("secret.md" if link.endswith(".md") else "plan.yaml")
    (root / link).unlink(missing_ok=True)
    (root / link).symlink_to(target)
    found = problems(root)
    assert "symbolic link to a file outside the repository" in found[link]
    assert "never followed" in found[link]
    assert str(target) not in opened


def test_a_link_inside_the_repository_is_reported_too(root, opened):
    (root / "docs/copy.md").symlink_to(root / BRIEF)
    (root / "docs/config.md").symlink_to(root / ".git-config")  # as if to .git/config
    (root / ".git-config").write_text("[remote]\ntoken = SECRET\n")
    opened.clear()  # what the test itself wrote
    found = problems(root)
    assert "to a file inside the repository" in found["docs/copy.md"]
    assert "docs/config.md" in found
    assert str((root / ".git-config").resolve()) not in opened
    kb = load(root)
    assert "docs/copy.md" not in kb.documents and BRIEF in kb.documents


@pytest.mark.parametrize("place", ["docs/linked", "docs/briefs/2026", "data/actions/more"])
def test_a_linked_folder_is_reported_and_not_entered(root, outside, opened, place):
    (root / place).symlink_to(outside, target_is_directory=True)
    found = problems(root)
    assert "symbolic link to a folder outside the repository" in found[place]
    assert not any(path.startswith(str(outside)) for path in opened)
    kb = load(root)
    assert not any(p.startswith(place) for p in kb.documents)


def test_a_link_to_a_folder_inside_the_repository_is_not_entered(root):
    (root / "docs/again").symlink_to(root / "docs/briefs", target_is_directory=True)
    found = problems(root)
    assert "to a folder inside the repository" in found["docs/again"]
    kb = load(root)
    assert "docs/again/lb-2026-01.md" not in kb.documents
    assert list(kb.briefs) == ["LB-2026-01"]  # read once, not twice


@pytest.mark.parametrize("folder", ["data", "docs", "data/actions", "data/meetings"])
def test_a_linked_data_or_docs_folder_is_not_read_through(tmp_path, files, folder):
    root = write(tmp_path / "kb", files)
    real = tmp_path / "real"
    (root / folder).rename(real)
    (root / folder).symlink_to(real, target_is_directory=True)
    kb = load(root)
    found = {p.file: p.message for code, p in kb.load_problems if code == "KB001"}
    assert "symbolic link to a folder outside the repository" in found[folder]
    assert not any(p.startswith(folder + "/") for p in kb.documents)
    assert not any(p.source.startswith(folder + "/") for p in kb.plans)
    assert not any(m.source.startswith(folder + "/") for m in kb.meetings)


def test_link_loops_and_dangling_links_are_findings_not_tracebacks(root, capsys):
    (root / "docs/loop-a.md").symlink_to("loop-b.md")
    (root / "docs/loop-b.md").symlink_to("loop-a.md")
    (root / "docs/self").symlink_to("self")
    (root / "docs/briefs/ring").symlink_to("../briefs", target_is_directory=True)
    (root / "data/actions/gone.yaml").symlink_to("nowhere.yaml")
    found = problems(root)
    for loop in ("docs/loop-a.md", "docs/loop-b.md", "docs/self"):
        assert "loops back on itself" in found[loop]
    assert "to a folder inside the repository" in found["docs/briefs/ring"]
    assert "symbolic link to nothing" in found["data/actions/gone.yaml"]
    assert main(["check", str(root), "--as-of", TODAY.isoformat()]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err


def test_fifos_are_never_opened(root, opened):
    os.mkfifo(root / "docs/briefs/pipe.md")
    os.mkfifo(root / "data/actions/pipe.yaml")
    (root / "data/reviews.yaml").unlink()
    os.mkfifo(root / "data/reviews.yaml")
    found = problems(root)  # would wait for ever if any were opened
    for fifo in ("docs/briefs/pipe.md", "data/actions/pipe.yaml", "data/reviews.yaml"):
        assert "named pipe (FIFO)" in found[fifo], found
        assert os.path.realpath(root / fifo) not in opened


def test_a_fifo_in_place_of_kb_yaml_is_reported(root):
    os.mkfifo(root / "kb.yaml")
    found = problems(root)
    assert "named pipe (FIFO)" in found["kb.yaml"]


def test_a_socket_is_reported(root):
    path = root / "docs/sock.md"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        found = problems(root)
    assert "a socket" in found["docs/sock.md"]


def test_the_rest_is_still_checked_beside_links_and_fifos(root, outside):
    (root / "docs/briefs/leak.md").symlink_to(outside / "secret.md")
    os.mkfifo(root / "docs/pipe.md")
    files_overdue = root / "data/actions/CSPR-2026-01.yaml"
    files_overdue.write_text(files_overdue.read_text().replace("2027-06-30", "2026-11-01"))
    result = run(load(root), TODAY)
    codes = [f.code for f in result.findings]
    assert "ACT001" in codes and codes.count("KB001") == 2


@pytest.mark.parametrize(
    "name", ["LB-2026-02.MD", "lb-2026-02.markdown", "lb-2026-02.Markdown", "lb-2026-02.mkd"]
)
def test_every_markdown_suffix_is_read_in_any_letter_case(files, tmp_path, name):
    front, body = files[BRIEF]
    files[f"docs/briefs/{name}"] = ({**front, "id": "LB-2026-02", "status": "draft"}, body)
    kb = load(write(tmp_path / "kb", files))
    assert kb.briefs["LB-2026-02"].source == f"docs/briefs/{name}"
    assert kb.briefs["LB-2026-02"].status == "draft"


def test_hidden_files_and_folders_are_left_out_as_mkdocs_leaves_them_out(tmp_path):
    docs = tmp_path / "docs"
    for rel in ("a.md", ".hidden.md", ".drafts/b.md", "sub/.c.md", "sub/d.MD", "e.txt"):
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text("# x\n")
    found = [p.relative_to(docs).as_posix() for p in markdown_files(docs)]
    assert found == ["a.md", "sub/d.MD"]


def test_a_folders_own_pages_come_before_its_sub_folders_as_os_walk_gives_them(tmp_path):
    for rel in ("b.md", "a/x.md", "c.md", "a/y.md", "a/z/w.md"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("# x\n")
    found = [p.relative_to(tmp_path).as_posix() for p in markdown_files(tmp_path)]
    assert found == ["b.md", "c.md", "a/x.md", "a/y.md", "a/z/w.md"]


@pytest.mark.slow
def test_the_site_build_never_follows_a_link_to_a_folder(root, outside):
    # MkDocs lists the docs folder following links to folders, before any hook
    # sees a file: these two had it walk for ever, and the third list outside.
    (root / "docs/up").symlink_to("..", target_is_directory=True)
    (root / "docs/briefs/again").symlink_to("..", target_is_directory=True)
    (root / "docs/out").symlink_to(outside, target_is_directory=True)
    write_site_config(root)
    with time_box(120):
        proc = mkdocs(root, root / "site")
    assert proc.returncode == 0, proc.stderr
    built = {p.relative_to(root / "site").as_posix() for p in (root / "site").rglob("*")}
    assert "index.html" in built and "tor/panel/index.html" in built  # nothing good lost
    assert not any(p.startswith(("up/", "briefs/again/", "out/")) for p in built)
    assert "OUTSIDE-SECRET" not in "".join(
        p.read_text(errors="replace") for p in (root / "site").rglob("*.html")
    )


def test_the_guarded_walk_lasts_only_while_mkdocs_lists_the_docs_folder(tmp_path):
    from mkdocs.structure import files as mkdocs_files

    from sitehelp import load_hook

    site = load_hook().site
    site.on_pre_build(config=None)
    walk = mkdocs_files.os.walk
    try:
        (tmp_path / "loop").symlink_to(".", target_is_directory=True)
        assert [top for top, _, _ in walk(tmp_path)] == [str(tmp_path)]  # the link not entered
    finally:
        site.on_build_error(error=RuntimeError())  # as after a failed listing
    assert mkdocs_files.os is os


@pytest.mark.parametrize("kind", ["fifo", "link"])
def test_the_deny_list_is_never_read_through_a_link_or_from_a_fifo(root, outside, opened, kind):
    deny = root / "data/sensitive.yaml"
    if kind == "fifo":
        os.mkfifo(deny)
    else:
        (outside / "sensitive.yaml").write_text("salt: '00'\nterms: []\n")
        deny.symlink_to(outside / "sensitive.yaml")
    opened.clear()  # what the test itself wrote
    result = run(load(root), TODAY)  # ANO001 reads the deny list: it must not wait
    assert ("KB001", "data/sensitive.yaml") in {(f.code, f.file) for f in result.findings}
    assert os.path.realpath(deny) not in opened
