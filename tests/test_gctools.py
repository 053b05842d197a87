"""gctools: the collector paused around a stage, and the C heap's free pages handed back."""

from __future__ import annotations

import ctypes.util
import gc
import sys

import pytest

from crosscheck import gctools


def test_trim_heap_calls_malloc_trim_with_no_padding(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def fake(pad: int) -> int:
        calls.append(pad)
        return 1

    monkeypatch.setattr(gctools, "_malloc_trim", lambda: fake)
    assert gctools.trim_heap() is True
    assert calls == [0]


def test_trim_heap_without_malloc_trim_does_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gctools, "_malloc_trim", lambda: None)
    assert gctools.trim_heap() is False


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or "musl" in (ctypes.util.find_library("c") or ""),
    reason="glibc's malloc_trim: Linux with glibc only",
)
def test_glibc_has_malloc_trim() -> None:
    assert gctools._malloc_trim() is not None
    assert gctools.trim_heap() is True


@pytest.mark.parametrize("enabled", [True, False], ids=["collector-on", "collector-off"])
def test_gc_paused_restores_the_collector(enabled: bool) -> None:
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        with gctools.gc_paused():
            assert not gc.isenabled()
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
