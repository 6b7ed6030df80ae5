"""A first run shared among processes finds exactly what one process finds.

The runs that fork happen in a subprocess of their own: forking the test
process (which may have threads, from the browser tests) is what the code
refuses to do, and a test that silently ran on one process would prove nothing,
so each run reports how many processes it used and the tests assert it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from checks.cli import main
from checks.loading import cache_setting, divisible_files, load, load_config
from checks.speed.cache import Memo, ParseCache
from checks.speed.parallel import MIN_FILES, cpu_quota, default_jobs, prefill, share_of
from kbfactory import TODAY
from test_hostile import CASES, install

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from scale import generate  # noqa: E402 - the benchmarks' generator, on the path just set

# Runs `kb check` with the given arguments; prints how many processes shared the
# first parse on stderr. argv[1] is a share index that fails on purpose, or -1.
RUNNER = """
import sys
import checks.speed.parallel as parallel

fail = int(sys.argv[1])
work = parallel._work
def failing(run, index):
    if index == fail:
        raise RuntimeError("a share that fails on purpose")
    work(run, index)
parallel._work = failing

prefill = parallel.prefill
def counted(*args, **kwargs):
    used = prefill(*args, **kwargs)
    sys.stderr.write(f"processes: {used}\\n")
    return used
parallel.prefill = counted

import checks.loading
load = checks.loading.load
def watched(root, cache=None, share=None):
    before = cache.misses if cache is not None else 0
    kb = load(root, cache, share)
    if share is None and cache is not None:
        sys.stderr.write(f"parsed by the load: {cache.misses - before}\\n")
    return kb
checks.loading.load = watched

from checks.cli import main
sys.exit(main(sys.argv[2:]))
"""


def kb_check(root: Path, *args: str, fail: int = -1, env: dict[str, str] | None = None):
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            RUNNER,
            str(fail),
            "check",
            str(root),
            "--as-of",
            str(TODAY),
            "--format",
            "json",
            *args,
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
    )
    assert proc.returncode in (0, 1), proc.stderr
    used = [line for line in proc.stderr.splitlines() if line.startswith("processes: ")]
    processes = int(used[-1].split()[-1]) if used else 1
    parsed = [line for line in proc.stderr.splitlines() if line.startswith("parsed by the load: ")]
    return json.loads(proc.stdout), processes, int(parsed[-1].split()[-1]) if parsed else None


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example partnership plus enough generated files to be worth sharing,
    with faults that only a view of the whole knowledge base can find."""
    root = generate(
        tmp_path_factory.mktemp("parallel") / "kb", briefs=150, tors=20, action_files=60, actions=5
    )
    briefs = sorted((root / "docs/briefs").glob("scaled-*.md"))
    # The same brief id in two files, which (by their names) fall in different shares.
    first = briefs[0]
    other = next(
        b
        for b in briefs[1:]
        if share_of(b.relative_to(root).as_posix(), 2)
        != share_of(first.relative_to(root).as_posix(), 2)
    )
    brief_id = next(
        line.split(":", 1)[1].strip()
        for line in first.read_text().splitlines()
        if line.startswith("id:")
    )
    other.write_text(
        "\n".join(
            f"id: {brief_id}" if line.startswith("id:") else line
            for line in other.read_text().splitlines()
        )
        + "\n"
    )
    (root / "docs/briefs/broken.md").write_text("---\ntitle: [unclosed\n---\n")
    (root / "data/actions/latin1.yaml").write_bytes("actions: caf\xe9\n".encode("latin-1"))
    named = root / "docs/briefs/scaled-0100.md"  # neither of the two above
    named.write_text(named.read_text() + "\nJessica Smith lives at 14 Carter Road.\n")
    return root


def test_a_shared_first_run_finds_what_one_process_finds(big: Path) -> None:
    alone, one, _ = kb_check(big, "--no-cache", "--jobs", "1")
    shared, two, left = kb_check(big, "--no-cache", "--jobs", "2")
    assert (one, two) == (1, 2)
    assert left == 0  # the processes parsed every file before the load
    assert shared == alone
    found = {(f["code"], f["file"]) for f in alone["findings"]}
    # The faults planted above, each found whichever process parsed its file.
    assert ("KB001", "data/actions/latin1.yaml") in found
    # A brief that did not load may be a draft: its findings never name its file.
    assert ("KB002", "docs/briefs/(unpublished file 1)") in found
    assert ("ANO001", "docs/briefs/scaled-0100.md") in found
    # The duplicate brief id, reported without quoting the brief (it may be a draft).
    assert any(f["code"] == "KB004" for f in alone["findings"])


def test_the_hostile_corpus_reads_the_same_in_shares(tmp_path: Path) -> None:
    # Every hostile file at once (each has a path of its own), among enough
    # ordinary files to be shared, so the hostile ones fall in both processes.
    root = generate(tmp_path / "kb", briefs=150, tors=20, action_files=60, actions=5)
    placed = [install(root, case).relative_to(root).as_posix() for case in CASES]
    assert {share_of(rel, 2) for rel in placed} == {0, 1}
    alone, _, _ = kb_check(root, "--no-cache", "--jobs", "1")
    shared, used, left = kb_check(root, "--no-cache", "--jobs", "2")
    assert used == 2 and shared == alone
    assert left == 0
    flagged = {f["file"] for f in alone["findings"]}
    # Each hostile file is reported, whichever process read it; a brief that may be
    # a draft is reported without its name (one placeholder each).
    named = {rel for rel in placed if not rel.startswith("docs/briefs/")}
    assert named <= flagged
    hidden = [f for f in flagged if f.startswith("docs/briefs/(unpublished")]
    assert len(hidden) >= len(set(placed) - named - flagged)


@pytest.mark.parametrize("fail", [1, 0], ids=["other process", "this process"])
def test_a_share_that_fails_is_parsed_by_the_load(big: Path, fail: int) -> None:
    alone, _, _ = kb_check(big, "--no-cache", "--jobs", "1")
    shared, used, left = kb_check(big, "--no-cache", "--jobs", "2", fail=fail)
    assert used == 2
    assert left and left > 50  # the failed share was parsed by the load
    assert shared == alone


def test_a_shared_first_run_fills_the_stored_cache(big: Path, tmp_path: Path) -> None:
    env = {"KB_CACHE_DIR": str(tmp_path / "cache")}
    alone, _, _ = kb_check(big, "--no-cache", "--jobs", "1")
    cold, used, left = kb_check(big, "--jobs", "2", env=env)
    assert used == 2 and left == 0 and cold == alone
    stored = ParseCache.for_root(big, tmp_path / "cache")
    files = list(stored.entries)
    assert len(files) >= MIN_FILES
    assert any(name.startswith("ANO001 ") and memo for name, memo in stored.memos.items())
    # The next run finds everything stored: nothing left to share, same findings.
    warm, used, left = kb_check(big, "--jobs", "2", env=env)
    assert used == 1 and left == 0 and warm == alone


def test_small_knowledge_bases_and_one_job_are_left_to_the_load(tmp_path: Path) -> None:
    example_cache = ParseCache(None)
    assert prefill(REPO, example_cache, TODAY, jobs=2) == 1  # about 50 files
    assert not example_cache.fresh and not example_cache.entries
    assert prefill(REPO, ParseCache(None), TODAY, jobs=1) == 1
    assert prefill(tmp_path / "missing", ParseCache(None), TODAY, jobs=2) == 1


def test_shares_are_stable_and_even() -> None:
    names = [f"docs/briefs/brief-{i:04d}.md" for i in range(2000)]
    assert [share_of(n, 2) for n in names] == [share_of(n, 2) for n in names]
    for jobs in (2, 3, 4):
        counts = [sum(share_of(n, jobs) == k for n in names) for k in range(jobs)]
        assert min(counts) > 0.8 * len(names) / jobs


def test_export_sends_only_what_was_worked_out() -> None:
    child = ParseCache(None)
    child.configure("data_dir=data docs_dir=docs")
    child.memo("ANO001 x")[b"old"] = ["stored before"]
    child.memo("ANO001 x").recall("new text", lambda: ["worked out"])
    child.put("docs/a.md", b"key", {"parsed": True})
    parent = ParseCache(None)
    parent.configure("data_dir=data docs_dir=docs")
    assert parent.merge(child.export()) == 1
    assert parent.get("docs/a.md", b"key") == {"parsed": True}
    memo = parent.memos["ANO001 x"]
    assert list(memo.values()) == [["worked out"]] and memo.changed
    # Results for other settings (another docs folder) are not taken in.
    other = ParseCache(None)
    other.configure("data_dir=data docs_dir=site")
    assert other.merge(child.export()) == 0 and not other.entries


def test_a_result_put_in_this_run_is_handed_out_once_then_copied(tmp_path: Path) -> None:
    stored = ParseCache(tmp_path / "c.pickle")
    value = {"headings": ["What happened"]}
    stored.put("docs/a.md", b"key", value)
    assert stored.get("docs/a.md", b"key") is value
    again = stored.get("docs/a.md", b"key")
    assert again == value and again is not value
    in_memory = ParseCache(None)
    in_memory.put("docs/a.md", b"key", value)
    assert in_memory.get("docs/a.md", b"key") is value
    assert in_memory.get("docs/a.md", b"key") is None  # nothing kept to copy
    assert in_memory.get("docs/b.md", b"key") is None


def test_the_load_after_the_shares_does_not_read_their_files_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from checks.loading.reader import Reader
    from checks.rules.engine import run

    alone = run(load(REPO), TODAY).findings
    # Two shares of the example, worked out as prefill does, without forking.
    other = ParseCache(None)
    load(REPO, other, share=lambda rel: share_of(rel, 2) == 1)
    cache = ParseCache(None)
    cache.configure(cache_setting(load_config(REPO)))
    assert cache.merge(other.export()) > 0
    load(REPO, cache, share=lambda rel: share_of(rel, 2) == 0)
    cache.mark_prefilled(cache.fresh)
    read: list[str] = []
    real = Reader.read_bytes

    def read_bytes(self: Reader, path: Path, rel: str | None = None) -> bytes | None:
        read.append(str(path))
        return real(self, path, rel)

    monkeypatch.setattr(Reader, "read_bytes", read_bytes)
    kb = load(REPO, cache)
    divisible = set(divisible_files(REPO, kb.config))
    assert read and not any(str(REPO / rel) in read for rel in divisible)
    assert kb.files_read == len(read) + len(divisible)
    assert run(kb, TODAY).findings == alone


def test_only_results_marked_as_prefilled_skip_the_read(tmp_path: Path) -> None:
    cache = ParseCache(None)
    cache.put("docs/a.md", b"old", {"title": "old"})
    assert cache.ready("docs/a.md") is None  # put, but not by a share of this run
    assert cache.get("docs/a.md", b"new") is None  # so the file is read, and has changed
    cache.put("docs/a.md", b"new", {"title": "new"})
    cache.mark_prefilled(["docs/a.md"])
    assert cache.ready("docs/a.md") == {"title": "new"}
    assert cache.ready("docs/a.md") is None  # once only


def test_results_put_while_deferred_are_stored_afterwards(tmp_path: Path) -> None:
    cache = ParseCache(tmp_path / "c.pickle")
    with cache.deferred():
        cache.put("docs/a.md", b"key", {"title": "A"})
    assert "docs/a.md" not in cache.entries  # not pickled yet
    cache.put("docs/b.md", b"key", {"title": "B"})
    assert "docs/b.md" in cache.entries  # no longer deferred
    cache.store_deferred()
    for rel in ("docs/a.md", "docs/b.md"):  # as the load does; save keeps what it saw
        cache.get(rel, b"key")
    cache.save()
    reopened = ParseCache(tmp_path / "c.pickle")
    assert reopened.get("docs/a.md", b"key") == {"title": "A"}
    assert reopened.get("docs/b.md", b"key") == {"title": "B"}


def test_memo_records_what_it_worked_out() -> None:
    memo = Memo({b"k": 1})
    assert memo.recall("question", lambda: 2) == 2
    assert len(memo.new) == 1 and b"k" not in memo.new


@pytest.mark.parametrize("value", ["0", "-2", "two"])
def test_jobs_must_be_a_positive_whole_number(
    value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(REPO), "--jobs", value]) == 2
    assert "whole number of processes" in capsys.readouterr().err


def test_kb_jobs_is_read_and_checked(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KB_JOBS", "none")
    assert main(["check", str(REPO), "--as-of", str(TODAY)]) == 2
    assert "KB_JOBS" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("files", "quota"),
    [
        ({"cpu.max": "150000 100000\n"}, 1.5),
        ({"cpu.max": "max 100000\n"}, None),
        ({"cpu/cpu.cfs_quota_us": "300000\n", "cpu/cpu.cfs_period_us": "100000\n"}, 3.0),
        ({"cpu/cpu.cfs_quota_us": "-1\n", "cpu/cpu.cfs_period_us": "100000\n"}, None),
        ({"cpu.max": "garbled"}, None),
        ({}, None),
    ],
)
def test_the_cpu_quota_is_read_from_cgroup_v2_or_v1(tmp_path, files, quota):
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    assert cpu_quota(tmp_path) == quota


def test_a_cpu_quota_caps_the_processes_at_the_cpus_it_allows(tmp_path, monkeypatch):
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2, 3}, raising=False)
    assert default_jobs(tmp_path) == 4  # no quota: every core
    (tmp_path / "cpu.max").write_text("250000 100000\n")
    assert default_jobs(tmp_path) == 2  # 2.5 CPUs' time: two processes
    (tmp_path / "cpu.max").write_text("50000 100000\n")
    assert default_jobs(tmp_path) == 1  # half a CPU: no sharing at all
