"""Python's cyclic garbage collector paused while a stage builds many objects that live to its end.

Decoding thousands of cached rows, or checking a group of officials from them, creates objects the
collector then walks again and again as they age (a third of such a stage's time, measured). Reference
counting still frees what the stage drops (the checks break their networkx graphs' cycles themselves,
`check_official`); the few cycles left are collected once the stage is over, so memory stays bounded
by one stage.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def paused_gc() -> Iterator[None]:
    """The collector off for the `with` block (as it was before, after it; nesting is harmless)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
