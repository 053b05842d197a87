"""Streaming extraction: per-article results in the order ``pipeline.assemble`` gives
them, with memory bounded by a window of results instead of the whole corpus.

``assemble`` sorts the results by (article id, source, line) so the output does not
depend on the input order. ``sorted_results`` gives that very order from a stream:
an external merge sort. Results are gathered until they hold ``SPILL_CHARS``
characters of article text, sorted (stably) and pickled to a run file in a
temporary folder; the runs are then merged (``heapq.merge``, stable across runs in
input order). A corpus smaller than one window never touches the disk. The order
equals ``assemble``'s list sort exactly, equal keys included (both are stable over
the input order), so ``crosscheck claims`` writes the same bytes either way.

``engine.local_results`` gives the stream it sorts.
"""

from __future__ import annotations

import heapq
import os
import pickle
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from crosscheck.records import ArticleResult

#: Characters of article text held in memory before a sorted run is spilled to disk.
SPILL_CHARS = 8_000_000


def result_key(result: ArticleResult) -> tuple[str, str, int]:
    """The sort key of ``pipeline.assemble``."""
    return (result.article.id, result.article.source, result.article.line)


def _spill(chunk: list[ArticleResult], folder: str, n: int) -> Path:
    chunk.sort(key=result_key)
    path = Path(folder) / f"run-{n:06d}.pickle"
    with path.open("wb") as handle:
        for result in chunk:
            pickle.dump(result, handle, protocol=pickle.HIGHEST_PROTOCOL)
    chunk.clear()
    return path


def _read_run(path: Path) -> Iterator[ArticleResult]:
    with path.open("rb") as handle:
        while True:
            try:
                result = pickle.load(handle)
            except EOFError:
                break
            yield result
    os.unlink(path)


def sorted_results(
    results: Iterable[ArticleResult], spill_chars: int | None = None
) -> Iterator[ArticleResult]:
    """``results`` in ``assemble`` order, holding about ``spill_chars`` (default
    ``SPILL_CHARS``) of text at once."""
    if spill_chars is None:
        spill_chars = SPILL_CHARS
    chunk: list[ArticleResult] = []
    size = 0
    iterator = iter(results)
    for result in iterator:
        chunk.append(result)
        size += len(result.article.text)
        if size >= spill_chars:
            break
    else:
        chunk.sort(key=result_key)
        yield from chunk
        return
    with tempfile.TemporaryDirectory(prefix="crosscheck-sort-") as folder:
        runs = [_spill(chunk, folder, 0)]
        size = 0
        for result in iterator:
            chunk.append(result)
            size += len(result.article.text)
            if size >= spill_chars:
                runs.append(_spill(chunk, folder, len(runs)))
                size = 0
        if chunk:
            runs.append(_spill(chunk, folder, len(runs)))
        yield from heapq.merge(*(_read_run(p) for p in runs), key=result_key)
