"""Run ``kb`` and ``mkdocs`` commands in children forked from one warm process.

The red-team corpus runs ``kb check`` and ``mkdocs build`` on more than a thousand
copies of the example. As fresh processes, most of each run was Python importing
MkDocs, Material, spaCy and Presidio and loading the language model again. Here a
server process does that once, then forks a child for each command: the child
starts from the imports and the loaded model, runs the console entry point exactly
as the installed script would (the same ``sys.argv``, environment, working folder,
standard streams and exit code), and is killed with its whole session if it
outlives its time. Nothing the child does reaches the server or the next child.

Only what does not depend on a knowledge base is done ahead: imports and the
model. A run reads its folder, its ``kb.yaml`` and its cache afresh, as a new
process would.

The protocol is one JSON line each way on the server's standard input and output.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import select
import signal
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

#: The console scripts a request may name, as ``module:function``.
ENTRY_POINTS = {"kb": "checks.cli:console", "mkdocs": "mkdocs.__main__:cli"}


@dataclass
class Ran:
    rc: int | None
    out: str
    err: str
    timed_out: bool
    seconds: float


class WarmRunner:
    """One server process; :meth:`run` may be called from one thread at a time."""

    def __init__(self, env: dict[str, str]) -> None:
        self.lock = threading.Lock()
        self.proc = subprocess.Popen(
            [sys.executable, __file__],
            env={**env, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        assert self.proc.stdout is not None
        ready = json.loads(self.proc.stdout.readline() or "{}")
        if not ready.get("ready"):
            raise RuntimeError(f"the warm runner did not start: {ready}")

    def run(
        self, script: str, argv: list[str], cwd: Path, env: dict[str, str], timeout: float
    ) -> Ran:
        """Run the console script ``script`` with ``argv`` in ``cwd``."""
        assert script in ENTRY_POINTS, script
        assert self.proc.stdin is not None and self.proc.stdout is not None
        with self.lock, _temp_pair(cwd) as (out_path, err_path):
            request = {
                "script": script,
                "argv": argv,
                "cwd": str(cwd),
                "env": env,
                "out": str(out_path),
                "err": str(err_path),
                "timeout": timeout,
            }
            self.proc.stdin.write(json.dumps(request) + "\n")
            self.proc.stdin.flush()
            line = self.proc.stdout.readline()
            if not line:
                raise RuntimeError("the warm runner stopped")
            reply = json.loads(line)
            return Ran(
                reply["rc"],
                out_path.read_bytes().decode("utf-8", "replace"),
                err_path.read_bytes().decode("utf-8", "replace"),
                reply["timed_out"],
                reply["seconds"],
            )

    def close(self) -> None:
        if self.proc.poll() is None:
            assert self.proc.stdin is not None
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        for pipe in (self.proc.stdin, self.proc.stdout):
            if pipe is not None:
                pipe.close()


@contextlib.contextmanager
def _temp_pair(cwd: Path) -> Iterator[tuple[Path, Path]]:
    """Two files beside (not inside) the run's folder for its standard output and error."""
    paths = (cwd.parent / f".{cwd.name}.stdout", cwd.parent / f".{cwd.name}.stderr")
    try:
        yield paths
    finally:
        for path in paths:
            path.unlink(missing_ok=True)


# -- the server ---------------------------------------------------------------------


def _warm_up() -> None:
    """Import what every run imports, and load the language model."""
    import material  # noqa: F401
    import mkdocs.__main__
    import mkdocs.commands.build  # noqa: F401

    import checks.cli
    import checks.site.plugin  # noqa: F401
    from checks.anonymise.model import pipeline

    pipeline()


def _entry(script: str) -> Any:
    module, _, name = ENTRY_POINTS[script].partition(":")
    return getattr(__import__(module, fromlist=[name]), name)


def _child(request: dict[str, Any]) -> int:
    """What a fresh console script would do, in this forked child."""
    os.setsid()
    fd_in = os.open(os.devnull, os.O_RDONLY)
    fd_out = os.open(request["out"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    fd_err = os.open(request["err"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    for fd, target in ((fd_in, 0), (fd_out, 1), (fd_err, 2)):
        os.dup2(fd, target)
        os.close(fd)
    sys.stdin = open(os.devnull)  # noqa: SIM115 - the child's whole life
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    sys.argv = [request["script"], *request["argv"]]
    try:
        result = _entry(request["script"])()
        code = result if isinstance(result, int) else 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        if exc.code is not None and not isinstance(exc.code, int):
            print(exc.code, file=sys.stderr)
    except BaseException:
        traceback.print_exc()
        code = 1
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    return code


def _serve(requests: IO[str], replies: IO[str]) -> None:
    for line in requests:
        request = json.loads(line)
        start = time.monotonic()
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the child: never returns into the server's loop
            code = 1
            try:
                code = _child(request)
            finally:
                os._exit(code)
        pidfd = os.pidfd_open(pid)
        ready, _, _ = select.select([pidfd], [], [], request["timeout"])
        timed_out = not ready
        # The child if it ran out of time, and anything its session left behind
        # (Pagefind) either way: the group lives until the child is reaped.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        os.close(pidfd)
        rc = None if timed_out else os.waitstatus_to_exitcode(status)
        reply = {"rc": rc, "timed_out": timed_out, "seconds": time.monotonic() - start}
        replies.write(json.dumps(reply) + "\n")
        replies.flush()


def main() -> None:
    # The protocol owns the real standard output: nothing else may write to it.
    replies = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)
    # A console script's first path entry is its own folder, not this one's.
    sys.path[0] = str(Path(sys.executable).parent)
    _warm_up()
    # What the warm-up made lives as long as the server: a child's collections
    # need not walk it (nor touch, and so copy, its pages).
    gc.freeze()
    replies.write(json.dumps({"ready": True, "threads": threading.active_count()}) + "\n")
    replies.flush()
    _serve(sys.stdin, replies)


if __name__ == "__main__":
    main()
