"""Pause Python's cyclic garbage collector while a knowledge base is loaded and checked.

Loading builds hundreds of thousands of small objects (YAML values, models,
line maps) that all stay alive until the run ends, so the collector's passes
over them find nothing to free; at 10,000 actions they were about a tenth of
the run. Reference counting still frees everything that is not in a cycle.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
