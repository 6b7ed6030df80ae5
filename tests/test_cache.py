"""The parse cache changes how fast a check is, never what it finds.

Every test compares a run through the cache with a fresh run, after the kind of
change that could make a stale result leak through: an edited file, a deleted
file, a new deny-list term, another setting, other code, a damaged or foreign
cache file.
"""

from __future__ import annotations

import os
import pickle
from functools import partial
from pathlib import Path

import pytest

from checks.anonymise.denylist import add_term
from checks.cli import main
from checks.loading import load
from checks.model.findings import Finding
from checks.rules.engine import run
from checks.speed import cache as cache_module
from checks.speed.cache import ParseCache, default_dir, open_cache, using
from kbfactory import TODAY, compliant, write
from test_hostile import CASES, base_files, install


def findings(root: Path, cache: ParseCache | None, select: tuple[str, ...] = ()) -> list[Finding]:
    with using(cache):
        result = run(load(root), TODAY, select=select)
    if cache is not None:
        cache.save()
    return result.findings


def cached(root: Path, folder: Path) -> ParseCache:
    return ParseCache.for_root(root, folder)


@pytest.fixture
def kb_with_findings(tmp_path: Path) -> Path:
    files = compliant()
    files["data/actions/CSPR-2026-01.yaml"]["actions"][1]["due"] = "2026-11-01"  # overdue
    files["data/actions/CSPR-2026-01.yaml"]["actions"][0]["evidence"] = (
        "Sent to jo.bloggs@example.org on 3 March."
    )
    files["data/reviews.yaml"]["reviews"][0]["notes"] = "DOB 03/03/2019."
    files["data/meetings/2026.yaml"]["meetings"][0]["colour"] = "blue"  # an unknown key
    files["docs/tor/broken.md"] = "---\ntitle: [unclosed\n---\n"
    return write(tmp_path / "kb", files)


def test_a_warm_run_finds_exactly_what_a_fresh_run_finds(kb_with_findings, tmp_path):
    fresh = findings(kb_with_findings, None)
    assert {"ACT001", "ANO001", "KB002", "KB003"} <= {f.code for f in fresh}
    first = cached(kb_with_findings, tmp_path / "c")
    assert findings(kb_with_findings, first) == fresh
    assert first.hits == 0 and first.misses > 0
    second = cached(kb_with_findings, tmp_path / "c")
    assert findings(kb_with_findings, second) == fresh
    assert second.misses == 0 and second.hits == first.misses


def test_only_the_edited_file_is_parsed_again(kb_with_findings, tmp_path):
    findings(kb_with_findings, cached(kb_with_findings, tmp_path / "c"))
    plan = kb_with_findings / "data/actions/CSPR-2026-01.yaml"
    plan.write_text(plan.read_text().replace("2026-11-01", "2027-01-31"))
    warm = cached(kb_with_findings, tmp_path / "c")
    got = findings(kb_with_findings, warm)
    # The file, and the one value in it that changed, which the gate reads again.
    assert warm.misses == 2
    assert got == findings(kb_with_findings, None)
    assert "ACT001" not in {f.code for f in got}


def test_a_deleted_file_leaves_no_findings_behind(kb_with_findings, tmp_path):
    findings(kb_with_findings, cached(kb_with_findings, tmp_path / "c"))
    before = cached(kb_with_findings, tmp_path / "c").kinds()["file"]
    (kb_with_findings / "docs/tor/broken.md").unlink()
    got = findings(kb_with_findings, cached(kb_with_findings, tmp_path / "c"))
    assert "KB002" not in {f.code for f in got}
    # What the deleted file parsed to is dropped, not kept for ever.
    assert cached(kb_with_findings, tmp_path / "c").kinds()["file"] == before - 1


def memo_sizes(root: Path, folder: Path) -> dict[str, int]:
    """The anonymisation gate's stored answers, by its settings."""
    kinds = cached(root, folder).kinds().items()
    return {kind: n for kind, n in kinds if kind.startswith("ANO001 ")}


def test_a_new_deny_list_term_is_found_in_unchanged_text(kb_with_findings, tmp_path):
    findings(kb_with_findings, cached(kb_with_findings, tmp_path / "c"))
    (before,) = memo_sizes(kb_with_findings, tmp_path / "c").items()
    assert before[1] > 0  # the detectors' results were stored
    add_term(kb_with_findings / "data", "Second thing")
    got = findings(kb_with_findings, cached(kb_with_findings, tmp_path / "c"))
    assert any(f.code == "ANO001" and "deny-list" in f.message for f in got)
    assert got == findings(kb_with_findings, None)
    # The results under the new settings are stored, and those under the old
    # ones dropped rather than kept beside them.
    (after,) = memo_sizes(kb_with_findings, tmp_path / "c").items()
    assert after[0] != before[0] and after[1] == before[1]


def test_results_of_a_check_that_did_not_run_before_are_stored(kb_with_findings, tmp_path):
    findings(kb_with_findings, cached(kb_with_findings, tmp_path / "c"), select=("ACT",))
    assert memo_sizes(kb_with_findings, tmp_path / "c") == {}
    findings(kb_with_findings, cached(kb_with_findings, tmp_path / "c"))  # no file changed
    assert sum(memo_sizes(kb_with_findings, tmp_path / "c").values()) > 0


def test_a_run_without_the_gate_keeps_its_memo(kb_with_findings, tmp_path):
    findings(kb_with_findings, cached(kb_with_findings, tmp_path / "c"))
    findings(kb_with_findings, cached(kb_with_findings, tmp_path / "c"), select=("ACT",))
    assert len(memo_sizes(kb_with_findings, tmp_path / "c")) == 1


def test_a_different_docs_folder_setting_reads_the_pages_afresh(kb_with_findings, tmp_path):
    findings(kb_with_findings, cached(kb_with_findings, tmp_path / "c"))
    (kb_with_findings / "kb.yaml").write_text("docs_dir: docs/tor\n")
    warm = cached(kb_with_findings, tmp_path / "c")
    # The ToRs are now plain pages of the docs folder: what they parse to differs.
    assert findings(kb_with_findings, warm) == findings(kb_with_findings, None)
    assert warm.misses > 0


def test_other_code_never_reads_this_codes_results(kb_with_findings, tmp_path, monkeypatch):
    findings(kb_with_findings, cached(kb_with_findings, tmp_path / "c"))
    monkeypatch.setattr(cache_module, "code_fingerprint", lambda: b"another version")
    other = cached(kb_with_findings, tmp_path / "c")
    assert other.stored == {}
    assert findings(kb_with_findings, other) == findings(kb_with_findings, None)


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05garbage"])
def test_a_damaged_cache_is_rebuilt(kb_with_findings, tmp_path, damage):
    first = cached(kb_with_findings, tmp_path / "c")
    findings(kb_with_findings, first)
    assert first.file is not None
    first.file.write_bytes(damage)
    again = cached(kb_with_findings, tmp_path / "c")
    assert findings(kb_with_findings, again) == findings(kb_with_findings, None)
    assert again.hits == 0


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_cache_file_others_can_write_is_never_unpickled(kb_with_findings, tmp_path):
    first = cached(kb_with_findings, tmp_path / "c")
    findings(kb_with_findings, first)
    assert first.file is not None
    # Anyone who can write the file could make unpickling run their code.
    first.file.chmod(0o666)
    again = cached(kb_with_findings, tmp_path / "c")
    assert again.stored == {} and again.hits == 0
    assert findings(kb_with_findings, again) == findings(kb_with_findings, None)


def test_the_cache_lives_outside_the_repository_and_is_private(kb_with_findings, tmp_path):
    made = cached(kb_with_findings, tmp_path / "c")
    findings(kb_with_findings, made)
    assert made.file is not None and made.file.exists()
    assert not made.file.is_relative_to(kb_with_findings)
    assert made.file.stat().st_mode & 0o077 == 0
    assert (tmp_path / "c").stat().st_mode & 0o077 == 0


def test_where_the_cache_goes():
    assert default_dir({"KB_CACHE_DIR": "/x/y"}) == Path("/x/y")
    assert default_dir({"XDG_CACHE_HOME": "/xdg"}) == Path("/xdg/kb-checks")
    assert default_dir({}) == Path.home() / ".cache" / "kb-checks"
    assert open_cache(Path("."), environ={"KB_NO_CACHE": "1"}) is None
    assert open_cache(Path("."), environ={"KB_CACHE_DIR": "/x"}) is not None


def test_a_cache_folder_inside_the_knowledge_base_is_never_used(kb_with_findings, capsys):
    inside = kb_with_findings / ".kb-cache"
    assert open_cache(kb_with_findings, inside) is None
    args = ["check", str(kb_with_findings), "--as-of", TODAY.isoformat(), "--cache-dir"]
    assert main([*args, str(inside)]) == 1
    assert "ACT001" in capsys.readouterr().out
    assert not inside.exists()


def test_no_home_folder_means_no_cache_not_a_crash(kb_with_findings, monkeypatch, capsys):
    def nowhere() -> Path:
        raise RuntimeError("Could not determine home directory")

    monkeypatch.setattr(Path, "home", nowhere)
    monkeypatch.delenv("KB_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    assert open_cache(kb_with_findings) is None
    assert main(["check", str(kb_with_findings), "--as-of", TODAY.isoformat()]) == 1
    assert "ACT001" in capsys.readouterr().out


def test_kb_check_no_cache_writes_nothing(kb_with_findings, tmp_path, capsys):
    folder = tmp_path / "nocache"
    args = [str(kb_with_findings), "--as-of", TODAY.isoformat(), "--cache-dir", str(folder)]
    assert main(["check", *args, "--no-cache"]) == 1
    fresh = capsys.readouterr().out
    assert not folder.exists()
    assert main(["check", *args]) == 1
    assert capsys.readouterr().out == fresh
    assert any(folder.iterdir())
    assert main(["check", *args]) == 1
    assert capsys.readouterr().out == fresh


def test_the_example_partnership_reads_the_same_through_the_cache(repo, tmp_path):
    fresh = findings(repo, None)
    findings(repo, cached(repo, tmp_path / "c"))
    warm = cached(repo, tmp_path / "c")
    assert findings(repo, warm) == fresh
    assert warm.misses == 0


def test_every_hostile_file_reads_the_same_through_the_cache(tmp_path):
    for i, case in enumerate(CASES):
        root = write(tmp_path / f"kb{i}", base_files())
        install(root, case)
        fresh = findings(root, None)
        findings(root, cached(root, tmp_path / "c"))
        warm = cached(root, tmp_path / "c")
        assert findings(root, warm) == fresh, case["file"]
        assert warm.misses == 0, case["file"]


def test_a_warm_run_does_not_even_import_the_heavy_libraries(kb_with_findings, tmp_path):
    import subprocess
    import sys

    script = (
        "import sys; from checks.cli import main; "
        f"main(['check', {str(kb_with_findings)!r}, '--as-of', '2026-11-25', "
        f"'--cache-dir', {str(tmp_path / 'c')!r}], open('/dev/null', 'w')); "
        "print(sorted(m for m in ('spacy', 'phonenumbers', 'markdown_it', 'stdnum') "
        "if m in sys.modules))"
    )
    cold = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    # (markdown-it is needed cold only for pages with fences, quotes or HTML.)
    assert "spacy" in cold.stdout, cold.stderr
    warm = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert warm.stdout.strip() == "[]", warm.stderr


def test_a_warm_site_build_draws_no_chart_and_reads_no_file_name_again(tmp_path):
    """The site's generated pages in the cache too: a data file's name the gate had
    to read, and the report charts, are taken from it on a warm build (neither the
    language model nor matplotlib is imported), and the pages are the same."""
    import subprocess
    import sys

    files = compliant()
    files["data/actions/plan-for-neglect.yaml"] = files.pop("data/actions/CSPR-2026-01.yaml")
    files["data/actions/plan-for-neglect.yaml"]["actions"][1]["due"] = "2026-11-01"
    root = write(tmp_path / "kb", files)
    script = (
        "import sys, hashlib, datetime; from pathlib import Path; "
        "from checks.site.build import SiteBuild; "
        f"b = SiteBuild.prepare(Path({str(root)!r}), datetime.date(2026, 11, 25)); "
        "pages = b.generated(); "
        "print(sorted(m for m in ('spacy', 'matplotlib') if m in sys.modules), "
        "hashlib.sha256(repr(sorted(pages.items())).encode()).hexdigest(), "
        "any(p.endswith('.svg') for p in pages))"
    )
    env = {**os.environ, "KB_CACHE_DIR": str(tmp_path / "c")}
    run = partial(subprocess.run, [sys.executable, "-c", script], capture_output=True, text=True)
    cold, warm = run(env=env).stdout.split(), run(env=env).stdout.split()
    assert cold[:2] == ["['matplotlib',", "'spacy']"] and cold[-1] == "True", cold
    assert warm[0] == "[]" and warm[1:] == cold[2:], warm


def test_kb_cache_shows_and_clears_the_cache(kb_with_findings, tmp_path, capsys):
    where = ["--cache-dir", str(tmp_path / "c")]
    assert main(["cache", str(kb_with_findings), *where]) == 0
    assert "no cache yet" in capsys.readouterr().out
    assert main(["check", str(kb_with_findings), "--as-of", TODAY.isoformat(), *where]) == 1
    capsys.readouterr()
    assert main(["cache", str(kb_with_findings), *where]) == 0
    shown = capsys.readouterr().out
    loaded = cached(kb_with_findings, tmp_path / "c")
    assert f"{loaded.kinds()['file']} files" in shown and str(tmp_path / "c") in shown
    assert main(["cache", str(kb_with_findings), "--clear", *where]) == 0
    assert "removed" in capsys.readouterr().out
    assert loaded.file is not None and not loaded.file.exists()
    assert main(["cache", str(tmp_path / "missing")]) == 2


RAN: list[str] = []


def _ran(tag: str) -> None:
    RAN.append(tag)


class Planted:
    """Unpickling this calls ``_ran``: a planted cache file records being read."""

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (_ran, ("unpickled",))


def _plant(path: Path) -> None:
    """A pickle that records being unpickled, shaped like a cache file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps({"key": Planted(), "entries": {}}))
    path.chmod(0o600)
    pickle.loads(path.read_bytes())  # the plant works: it records its unpickling
    assert RAN == ["unpickled"]
    RAN.clear()


def test_a_cache_file_that_is_a_link_is_never_unpickled(kb_with_findings, tmp_path, capsys):
    folder = tmp_path / "c"
    folder.mkdir(mode=0o700)
    committed = kb_with_findings / "docs" / "cache.pickle"  # as if in the repository
    _plant(committed)
    target = ParseCache.for_root(kb_with_findings, folder).file
    assert target is not None
    target.symlink_to(committed)
    made = ParseCache.for_root(kb_with_findings, folder)
    assert RAN == [] and made.stored == {}
    assert "is a symbolic link, so it is not read" in capsys.readouterr().err
    assert findings(kb_with_findings, made) == findings(kb_with_findings, None)


def test_a_cache_folder_reached_through_a_link_is_not_used(kb_with_findings, tmp_path, capsys):
    real = tmp_path / "real-cache"
    real.mkdir(mode=0o700)
    (tmp_path / "linked").symlink_to(real, target_is_directory=True)
    assert open_cache(kb_with_findings, tmp_path / "linked" / "kb-checks") is None
    assert f"{tmp_path / 'linked'} is a symbolic link" in capsys.readouterr().err
    args = ["check", str(kb_with_findings), "--as-of", TODAY.isoformat(), "--cache-dir"]
    assert main([*args, str(tmp_path / "linked" / "kb-checks")]) == 1
    assert not any(real.iterdir())


def _in_a_repository(tmp_path: Path) -> tuple[Path, Path]:
    """(repository, knowledge base): the knowledge base is a sub-folder."""
    repo = tmp_path / "repo"
    kb = write(repo / "handbook", compliant())
    (repo / ".git").mkdir()
    return repo, kb


@pytest.mark.parametrize("where", [".kb-cache", "tools/cache", "handbook/.cache"])
def test_a_cache_folder_anywhere_in_the_repository_is_never_used(tmp_path, capsys, where):
    repo, kb = _in_a_repository(tmp_path)
    folder = repo / where
    planted = ParseCache.for_root(kb, folder).file
    assert planted is not None
    _plant(planted)
    assert open_cache(kb, folder) is None
    assert "inside the repository" in capsys.readouterr().err
    assert main(["check", str(kb), "--as-of", TODAY.isoformat(), "--cache-dir", str(folder)]) == 0
    assert RAN == []


def test_a_link_out_of_the_repository_is_refused_as_a_link(tmp_path, capsys):
    repo, kb = _in_a_repository(tmp_path)
    outside = tmp_path / "elsewhere"
    outside.mkdir(mode=0o700)
    (repo / "cache").symlink_to(outside, target_is_directory=True)
    assert open_cache(kb, repo / "cache") is None
    assert "is a symbolic link" in capsys.readouterr().err


def test_a_git_file_marks_a_worktree_or_submodule_as_a_repository(tmp_path):
    repo = tmp_path / "sub"
    kb = write(repo / "kb", compliant())
    (repo / ".git").write_text("gitdir: ../.git/modules/sub\n")
    assert cache_module.repository_root(kb) == repo
    assert open_cache(kb, repo / "c") is None
    assert open_cache(kb, tmp_path / "c") is not None


def test_the_refusal_is_said_once(tmp_path, capsys):
    repo, kb = _in_a_repository(tmp_path)
    for _ in range(3):
        assert open_cache(kb, repo / "again") is None
    assert capsys.readouterr().err.count("is not used") == 1
