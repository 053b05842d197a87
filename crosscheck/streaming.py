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

``local_results`` runs the per-article stages on the local engine (in this process
or on a process pool, as ``engine.run_extraction`` does) and yields results in input
order.
"""

from __future__ import annotations

import heapq
import os
import pickle
import tempfile
from collections.abc import Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from crosscheck import engine
from crosscheck.errors import CrosscheckError
from crosscheck.progress import Progress
from crosscheck.records import ArticleResult

#: Characters of article text held in memory before a sorted run is spilled to disk.
SPILL_CHARS = 8_000_000


def result_key(result: ArticleResult) -> tuple[str, str, int]:
    """The sort key of ``pipeline.assemble``."""
    return (result.article.id, result.article.source, result.article.line)


def local_results(
    items: Iterable[engine.Item], *, jobs: int, progress: Progress
) -> Iterator[engine.Result]:
    """``pipeline.extract_article`` over ``items`` (serially or on a pool of ``jobs``
    processes), results and skips in input order, streamed."""
    if jobs <= 1:
        yield from engine._serial(items, progress)
        return
    stream = iter(items)
    head, exhausted = engine._lookahead(stream)
    if exhausted:
        yield from engine._serial(head, progress)
        return

    def everything() -> Iterator[engine.Item]:
        yield from head
        head.clear()
        yield from stream

    try:
        yield from engine._parallel(everything(), jobs, progress)
    except BrokenProcessPool as exc:
        raise CrosscheckError(
            f"a worker process died during extraction ({exc})",
            hint="it may have run out of memory: retry with fewer --jobs, or --jobs 1",
        ) from exc


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
