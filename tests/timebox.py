"""A time limit for a test of something that must not hang (a FIFO opened, a
regular expression that backtracks for ever): it fails instead."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


class Blocked(BaseException):
    """Not an OSError (nor an Exception): the code under test must not catch it."""


@contextmanager
def time_box(seconds: int) -> Iterator[None]:
    def expired(signum: int, frame: Any) -> None:
        signal.alarm(2)  # again, should something catch this one
        raise Blocked(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
