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

``engine.local_map`` gives the stream it sorts.

``crosscheck claims --format csv|jsonl`` goes one step further (``render_chunk``):
the pool workers render each article's claims as CSV or JSONL text beside the
per-article stages, and the main process only sorts and concatenates texts
(``sorted_rendered``). Nothing but strings crosses the process boundary, and the
rendering runs on every core instead of one: on 2,000 abp-10k articles this took
the main process's share of the work from about a third to almost nothing. The
bytes are those of ``report.claims_csv`` / ``report.to_jsonl`` over the whole
corpus, since both render each claim's row independently of the others.
"""

from __future__ import annotations

import heapq
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from crosscheck.engine import Item, extract_chunk_unnormalised
from crosscheck.records import CLAIM_COLUMNS, ArticleResult, Skipped

T = TypeVar("T")

#: Characters of article text held in memory before a sorted run is spilled to disk.
SPILL_CHARS = 8_000_000


def result_key(result: ArticleResult) -> tuple[str, str, int]:
    """The sort key of ``pipeline.assemble``."""
    return (result.article.id, result.article.source, result.article.line)


def _spill(chunk: list[T], folder: str, n: int, key: Callable[[T], tuple[str, str, int]]) -> Path:
    chunk.sort(key=key)
    path = Path(folder) / f"run-{n:06d}.pickle"
    with path.open("wb") as handle:
        for result in chunk:
            pickle.dump(result, handle, protocol=pickle.HIGHEST_PROTOCOL)
    chunk.clear()
    return path


def _read_run(path: Path) -> Iterator[T]:
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
    return _sorted(results, result_key, lambda r: len(r.article.text), spill_chars)


def _sorted(
    items: Iterable[T],
    key: Callable[[T], tuple[str, str, int]],
    size_of: Callable[[T], int],
    spill_chars: int | None,
) -> Iterator[T]:
    """``items`` stably sorted by ``key``, holding about ``spill_chars`` of
    ``size_of`` at once (an external merge sort, see the module docstring)."""
    if spill_chars is None:
        spill_chars = SPILL_CHARS
    chunk: list[T] = []
    size = 0
    iterator = iter(items)
    for item in iterator:
        chunk.append(item)
        size += size_of(item)
        if size >= spill_chars:
            break
    else:
        chunk.sort(key=key)
        yield from chunk
        return
    with tempfile.TemporaryDirectory(prefix="crosscheck-sort-") as folder:
        runs = [_spill(chunk, folder, 0, key)]
        size = 0
        for item in iterator:
            chunk.append(item)
            size += size_of(item)
            if size >= spill_chars:
                runs.append(_spill(chunk, folder, len(runs), key))
                size = 0
        runs_read: list[Iterator[T]] = [_read_run(p) for p in runs]
        if chunk:
            # the last run stays in memory (it is held until now anyway): it is not
            # written to be read straight back; as the last run it merges where its
            # file would have (heapq.merge is stable across its runs, in order)
            chunk.sort(key=key)
            runs_read.append(iter(chunk))
        yield from heapq.merge(*runs_read, key=key)


# --------------------------------------------------------------------------- rendered claims


@dataclass(frozen=True, slots=True)
class Rendered:
    """One article's claims rendered as CSV rows (no header) or JSONL lines, with what
    the main process needs to sort it and to account for the article."""

    id: str
    source: str
    line: int
    warnings: tuple[str, ...]
    text: str


def rendered_key(item: Rendered) -> tuple[str, str, int]:
    """The sort key of ``pipeline.assemble``, for a rendered article."""
    return (item.id, item.source, item.line)


def render_chunk(fmt: str, chunk: list[Item]) -> list[Rendered | Skipped]:
    """The per-article stages up to attribute over ``chunk`` (normalise fills slots
    that no claim row holds), then each article's claims rendered in ``fmt`` ("csv"
    or "jsonl"): the work unit of ``crosscheck claims --format csv|jsonl``
    (``engine.local_map``)."""
    from crosscheck import report

    cols = list(CLAIM_COLUMNS)
    out: list[Rendered | Skipped] = []
    for result in extract_chunk_unnormalised(chunk):
        if isinstance(result, Skipped):
            out.append(result)
            continue
        if fmt == "csv":
            text = report.claims_csv_rows(result.claims)
        else:
            text = report.to_jsonl([claim.to_row() for claim in result.claims], cols)
        article = result.article
        out.append(Rendered(article.id, article.source, article.line, article.warnings, text))
    return out


def sorted_rendered(
    items: Iterable[Rendered], spill_chars: int | None = None
) -> Iterator[Rendered]:
    """Rendered articles in ``assemble`` order, holding about ``spill_chars`` (default
    ``SPILL_CHARS``) of rendered text at once."""
    return _sorted(items, rendered_key, lambda r: len(r.text), spill_chars)
