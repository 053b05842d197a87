"""The cyclic garbage collector, paused around work that builds many small acyclic objects.

A module of its own so that the per-article path (engine, ``crosscheck claims``) can use
it without importing the cross-article stages.
"""

from __future__ import annotations

import ctypes
import functools
import gc
import typing
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """The cyclic garbage collector paused (restored after). The cross-article stages
    build hundreds of thousands of small acyclic objects while the corpus's claims
    are alive, and every collection rescans them all: measured on 2,000 articles,
    group and judge took 1.7-1.8x as long with it running."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:
            # hand what the stage allocated straight to the oldest generation: the
            # first young collection after this would otherwise traverse all of it
            # (0.7 s on 10,000 articles); it stays collectable as before
            gc.freeze()
            gc.unfreeze()
        if enabled:
            gc.enable()


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, or None where the C library has none (musl, macOS)."""
    try:
        libc = ctypes.CDLL(None)
    except OSError:
        return None
    trim = getattr(libc, "malloc_trim", None)
    if trim is None:
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return typing.cast("Callable[[int], int]", trim)


def trim_heap() -> bool:
    """Give the free pages of the C heap back to the system (glibc's ``malloc_trim``);
    whether it could. Memory freed by numpy and by large lists and dicts stays in the
    heap otherwise, and Python's own small objects (``pymalloc``'s arenas) never reuse
    it: measured at 10,000 articles, the main process held 121 MB of freed heap after
    match, on top of which judge built its facts."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True
