"""A first run's parsing, shared among the machine's cores.

Most of a first run (or one with ``--no-cache``) is parsing files and scanning
their text for identifying details (ANO001), and each file's results depend on
that file alone. So before the knowledge base is loaded, :func:`prefill` divides
the action plans, meeting logs and pages among processes: each loads its share
into the parse cache and runs the memoised checks over it, and the others send
what they worked out back to this one. The load and the checks that follow then
find every result ready, exactly as in a run with a warm cache; the cache's own
tests are what show that a cached result is the one a fresh parse gives. (The
load does not even read those files again: a share read them moments before.)

It is used only where it is safe and pays: where processes can be forked
(Linux and macOS), from a process with no other threads (forking one that has
them can deadlock), with two or more cores, and with enough files not yet in
the cache. A process that fails sends nothing, and its share is then parsed by
the load as usual: slower, never different.
"""

from __future__ import annotations

import os
import threading
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from checks.loading import cache_setting, divisible_files, load, load_config
from checks.speed.cache import ParseCache

#: Checks that memoise their costly part in the cache, so each share runs them on
#: its own files and the full run finds their answers ready.
MEMOISED = ("ANO001",)

#: Files to parse below which a second process costs what it saves. Measured on a
#: 2-core machine, `--no-cache`, two processes against one: 3% slower at 126
#: files, even at 216, 6% faster at 406 and 12% faster at 1,627. Each process
#: pays some costs whole (imports, the name lists, the calendar), and sending
#: results back costs about a third of what parsing them did.
MIN_FILES = 200

#: Processes beyond this gain little: the load that follows is done by one.
MAX_JOBS = 8


CGROUP = Path("/sys/fs/cgroup")


def default_jobs(cgroup: Path = CGROUP) -> int:
    """The cores this process may run on, and no more than its CPU quota allows.

    A container limited to one CPU's time (``docker run --cpus 1``) may still be
    allowed to run on every core: without the quota, it would start a process
    per core and each would wait for the others.
    """
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    quota = cpu_quota(cgroup)
    return cores if quota is None else max(1, min(cores, int(quota)))


def cpu_quota(cgroup: Path = CGROUP) -> float | None:
    """The CPUs' worth of time this process's control group may use, if limited.

    Reads cgroup v2's ``cpu.max`` ("150000 100000" is 1.5 CPUs, "max 100000" no
    limit), else cgroup v1's ``cpu.cfs_quota_us`` and ``cpu.cfs_period_us``
    (a quota of -1 is no limit). Anything unreadable counts as no limit.
    """
    try:
        quota, period = (cgroup / "cpu.max").read_text().split()[:2]
    except (OSError, ValueError):
        try:
            quota = (cgroup / "cpu" / "cpu.cfs_quota_us").read_text().strip()
            period = (cgroup / "cpu" / "cpu.cfs_period_us").read_text().strip()
        except OSError:
            return None
    try:
        allowed, per = int(quota), int(period)
    except ValueError:  # "max": no limit
        return None
    return allowed / per if allowed > 0 and per > 0 else None


def can_fork() -> bool:
    return hasattr(os, "fork") and threading.active_count() == 1


def share_of(rel: str, jobs: int) -> int:
    """Which of ``jobs`` processes parses the file at ``rel``: the same answer in
    every process, and spread evenly whatever the names."""
    return zlib.crc32(rel.encode()) % jobs


@dataclass(frozen=True)
class _Run:
    """What every process needs to work out its share of one run."""

    root: Path
    cache: ParseCache
    today: date
    select: Sequence[str]
    ignore: Sequence[str]
    jobs: int


def prefill(
    root: Path,
    cache: ParseCache,
    today: date,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    jobs: int | None = None,
) -> int:
    """Fill ``cache`` for the knowledge base at ``root`` using up to ``jobs``
    processes (default: one per core). Returns how many it used: 1 means it
    left the work to the load."""
    wanted = min(jobs or default_jobs(), MAX_JOBS)
    if wanted < 2 or not root.is_dir():
        return 1
    config = load_config(root)
    cache.configure(cache_setting(config))
    pending = sum(rel not in cache.entries for rel in divisible_files(root, config))
    used = min(wanted, pending // max(1, MIN_FILES // 2))
    if pending < MIN_FILES or used < 2 or not can_fork():
        return 1
    run = _Run(root, cache, today, select, ignore, used)
    children: list[tuple[int, int]] = []
    try:
        for index in range(1, used):
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:  # the child: never returns
                os.close(read_end)
                _child(run, index, write_end)
            os.close(write_end)
            children.append((pid, read_end))
        try:
            with cache.deferred():
                _work(run, 0)
            cache.mark_prefilled(cache.fresh)
        finally:
            # While the other processes finish: pickle this share for the stored cache.
            cache.store_deferred()
    except Exception:  # as for a child: the load parses what is missing
        pass
    finally:
        for pid, read_end in children:
            with os.fdopen(read_end, "rb") as pipe:
                sent = pipe.read()
            _, status = os.waitpid(pid, 0)
            if os.waitstatus_to_exitcode(status) == 0 and sent:
                cache.merge(sent)
    return used


def _work(run: _Run, index: int) -> None:
    """Load share ``index`` into the cache and run the memoised checks over it."""
    from checks.rules.engine import run as run_checks
    from checks.rules.engine import selected_rules

    kb = load(run.root, run.cache, share=lambda rel: share_of(rel, run.jobs) == index)
    codes = [r.code for r in selected_rules(run.select, run.ignore, kb) if r.code in MEMOISED]
    if codes:
        run_checks(kb, run.today, select=codes)
    if index == 0:
        # The checks that follow, in this process, ask working-day questions a
        # first run has not remembered; building the calendar (about a tenth of a
        # second, mostly importing every country's) is done while others parse.
        kb.working_calendar().prepare()


def _child(run: _Run, index: int, write_end: int) -> None:
    """Work out share ``index``, send it through ``write_end`` and exit, without
    running anything the parent registered to run at exit (or flushing its
    output buffers a second time)."""
    code = 1
    try:
        run.cache.file = None  # this copy is never saved, so keep results as objects
        _work(run, index)
        sent = run.cache.export()
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(sent)
        code = 0
    except BaseException:  # the parent parses this share itself
        pass
    finally:
        os._exit(code)
