"""Where the per-article stages run: in this process, on a process pool, or on dask.

The engines differ only in where ``pipeline.extract_article`` runs. Every engine
feeds the results to ``pipeline.assemble`` in input order (and ``assemble`` sorts
them), so the output is byte-identical whatever the engine or the number of jobs.

The local pool streams: the input is read lazily from ``ingest.read``, cut into
chunks of about ``CHUNK_ARTICLES`` articles (or ``CHUNK_BYTES`` of text, whichever
comes first) and at most ``INFLIGHT_PER_JOB`` chunks per worker are in flight at
any time (plus up to ``READY_PER_JOB`` finished chunks per worker waiting for an
earlier, slower one). Memory therefore holds the results plus a bounded window of
input, never the whole input corpus twice. Small corpora (fewer than ``SERIAL_MAX_ARTICLES``
articles or less than ``SERIAL_MAX_BYTES`` of text) run in this process, because
starting a pool would cost more than it saves.
"""

from __future__ import annotations

import abc
import gc
import multiprocessing
import os
import pickle
import struct
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any, BinaryIO, TypeVar

from crosscheck.errors import CrosscheckError
from crosscheck.gctools import gc_paused
from crosscheck.progress import Progress
from crosscheck.records import Article, ArticleResult, CrossReference, Extraction, Skipped

if TYPE_CHECKING:
    from crosscheck.group import FactsAhead, Groups
    from crosscheck.report import ClaimRows

R = TypeVar("R")

ENGINES: tuple[str, ...] = ("local", "dask")

# Below both of these thresholds the whole corpus runs serially in this process.
SERIAL_MAX_ARTICLES = 50
SERIAL_MAX_BYTES = 1_000_000

# One IPC message carries at most this many articles / characters of text.
CHUNK_ARTICLES = 64
CHUNK_BYTES = 2_000_000

# The length before each chunk of pickled results ``run_extraction`` writes to a sink.
CHUNK_LENGTH = struct.Struct("<Q")

# Chunks submitted but not yet finished, per worker process (bounds the input read ahead).
INFLIGHT_PER_JOB = 2
# Finished chunks waiting for an earlier, slower one (results are kept anyway), per worker:
# lets the other workers go on while one chews a big article.
READY_PER_JOB = 8

Item = Article | Skipped
Result = ArticleResult | Skipped


class PartitionedExtraction(Extraction, abc.ABC):
    """An ``Extraction`` whose per-article results live elsewhere (on the workers of
    a cluster) and are never all held in this process: an abstract interface
    (``dask_engine.DaskExtraction`` implements it).

    ``results`` streams them (one partition at a time); the report reads them through
    the methods below instead, which move only what each report file needs.
    """

    @abc.abstractmethod
    def warned(self, limit: int) -> list[Article]:
        """The first ``limit`` articles with warnings, in report order (without text)."""

    @abc.abstractmethod
    def article_rows(self) -> list[dict[str, Any]]:
        """``ArticleResult.to_row`` of every article, in report order."""

    @abc.abstractmethod
    def claim_rows(self, xref: CrossReference) -> ClaimRows:
        """report.json's ``claims`` (a ``report.RemoteClaims``)."""

    @abc.abstractmethod
    def texts(self) -> Mapping[str, str]:
        """article id -> text as read (a ``report.LazyTexts``: fetched when asked)."""


def default_jobs() -> int:
    """All the cores this process may run on (the CLI's default for --jobs)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - non-Linux
        return max(1, os.cpu_count() or 1)


def check_engine(engine: str) -> None:
    if engine not in ENGINES:
        raise CrosscheckError(
            f"unknown engine {engine!r}", hint=f"use one of: {', '.join(ENGINES)}"
        )


def extract_one(item: Item, *, normalised: bool = True) -> Result:
    """Run the per-article stages on one ingest item (a Skipped passes through);
    ``normalised=False`` stops after attribute (``pipeline.extract_article``)."""
    from crosscheck.pipeline import extract_article

    return item if isinstance(item, Skipped) else extract_article(item, normalised=normalised)


def extract_chunk(chunk: list[Item]) -> list[Result]:
    """The unit of work a pool worker or a dask task runs: one chunk, in order."""
    return [extract_one(item) for item in chunk]


def extract_chunk_pickled(chunk: list[Item]) -> list[bytes | None]:
    """``extract_chunk`` with its results pickled into one bytes object (the first of
    the chunk's outputs; the others are None): what the pool would send anyway, kept
    by ``run_extraction(sink=...)``."""
    data = pickle.dumps(extract_chunk(chunk), protocol=pickle.HIGHEST_PROTOCOL)
    return [data] + [None] * (len(chunk) - 1)


def _kept(outputs: Iterable[bytes | None], sink: BinaryIO) -> Iterator[Result]:
    """The results of ``extract_chunk_pickled``'s outputs, each chunk's bytes written to
    ``sink`` first (length-prefixed: ``CHUNK_LENGTH``)."""
    for data in outputs:
        if data is not None:
            sink.write(CHUNK_LENGTH.pack(len(data)))
            sink.write(data)
            yield from pickle.loads(data)


def extract_chunk_unnormalised(chunk: list[Item]) -> list[Result]:
    """``extract_chunk`` stopping after attribute (``normalised=False``)."""
    return [extract_one(item, normalised=False) for item in chunk]


def _size(item: Item) -> int:
    return len(item.text) if isinstance(item, Article) else 0


def chunked(
    items: Iterable[Item], max_articles: int = CHUNK_ARTICLES, max_chars: int = CHUNK_BYTES
) -> Iterator[list[Item]]:
    """Cut the stream into chunks of at most ``max_articles`` items / ``max_chars`` text.

    A single article larger than ``max_chars`` makes a chunk of its own.
    """
    chunk: list[Item] = []
    chars = 0
    for item in items:
        n = _size(item)
        if chunk and (len(chunk) >= max_articles or chars + n > max_chars):
            yield chunk
            chunk, chars = [], 0
        chunk.append(item)
        chars += n
    if chunk:
        yield chunk


def _lookahead(items: Iterator[Item]) -> tuple[list[Item], bool]:
    """Read until the corpus is known to be big enough for a pool, or ends.

    Returns the items read and whether the input is exhausted.
    """
    head: list[Item] = []
    articles = chars = 0
    for item in items:
        head.append(item)
        if isinstance(item, Article):
            articles += 1
            chars += len(item.text)
        if articles >= SERIAL_MAX_ARTICLES and chars >= SERIAL_MAX_BYTES:
            return head, False
    return head, True


def _mp_context() -> multiprocessing.context.BaseContext:
    """fork where it is safe (Linux, no other threads): no re-import, instant start."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _serial(
    items: Iterable[Item], progress: Progress, work: Callable[[list[Item]], list[R]]
) -> Iterator[R]:
    for n, item in enumerate(items, 1):
        yield from work([item])
        progress("extract", n, None)


def _parallel(
    items: Iterable[Item], jobs: int, progress: Progress, work: Callable[[list[Item]], list[R]]
) -> Iterator[R]:
    """Run ``work`` on chunks on a process pool, a bounded number in flight; yield the
    chunks' outputs (one per item) in input order."""
    chunks = chunked(items, CHUNK_ARTICLES, CHUNK_BYTES)
    limit = max(1, jobs * INFLIGHT_PER_JOB)
    waiting = max(1, jobs * READY_PER_JOB)
    pending: dict[Future[list[R]], int] = {}
    ready: dict[int, list[R]] = {}
    submitted = emitted = done = 0
    # (a forked worker inherits the caller's paused collector: it runs with it on)
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=_mp_context(), initializer=gc.enable
    ) as pool:
        exhausted = False
        try:
            while True:
                while not exhausted and len(pending) < limit and len(ready) < waiting:
                    chunk = next(chunks, None)
                    if chunk is None:
                        exhausted = True
                        break
                    pending[pool.submit(work, chunk)] = submitted
                    submitted += 1
                if not pending:
                    break
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                for fut in finished:
                    ready[pending.pop(fut)] = fut.result()
                # hand results on in input order, so the caller sees what a serial run sees
                while emitted in ready:
                    results = ready.pop(emitted)
                    emitted += 1
                    for result in results:
                        done += 1
                        yield result
                    progress("extract", done, None)
        finally:
            for fut in pending:
                fut.cancel()


def run_extraction(
    items: Iterable[Article | Skipped],
    *,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    progress: Progress,
    normalised: bool = True,
    sink: BinaryIO | None = None,
) -> Extraction:
    """Run the per-article stages over ``items`` and assemble the Extraction.

    ``jobs=1`` runs in this process; ``jobs>1`` on a process pool (streaming, see
    the module docstring); ``engine="dask"`` on a dask.distributed cluster (a
    LocalCluster of ``jobs`` workers, or the one at ``scheduler``).
    ``normalised=False`` lets the local engine stop after attribute (claims without
    their normalised slots: for commands that output no slot); dask normalises anyway.
    With ``sink``, the local engine with more than one job also writes the pickled
    results, chunk by chunk, to ``sink`` (each chunk's bytes after its length,
    ``CHUNK_LENGTH``): the bytes the pool sends anyway, for ``spool.ClaimSpool``.
    """
    from crosscheck.pipeline import assemble

    check_engine(engine)
    if engine == "dask":
        from crosscheck import dask_engine

        return dask_engine.run_extraction(items, jobs=jobs, scheduler=scheduler, progress=progress)
    if scheduler is not None:
        raise CrosscheckError(
            "--scheduler needs the dask engine", hint="add --engine dask, or drop --scheduler"
        )
    if sink is not None and normalised and jobs > 1:
        with gc_paused():
            outputs = local_map(items, extract_chunk_pickled, jobs=jobs, progress=progress)
            return assemble(_kept(outputs, sink))
    work = extract_chunk if normalised else extract_chunk_unnormalised
    # the results pile up in this process, millions of small objects that live to
    # the end of the run: with the cyclic collector running, each of its full
    # collections rescans them all (1.2 of 2.5 CPU seconds of this process on 5,000
    # abp articles), and extraction leaves almost no cycles to collect (42 objects
    # for 2,000 articles)
    with gc_paused():
        return assemble(local_map(items, work, jobs=jobs, progress=progress))


def local_map(
    items: Iterable[Item],
    work: Callable[[list[Item]], list[R]],
    *,
    jobs: int,
    progress: Progress,
) -> Iterator[R]:
    """``work`` over chunks of ``items`` on the local engine, one output per item, in
    input order, streamed. ``work`` must be picklable (a module-level function, or a
    ``functools.partial`` of one) and return one output per item of its chunk: the
    per-article stages (``extract_chunk``), or those plus work that is better done
    beside them on the pool (``streaming.render_chunk`` renders the claims there)."""
    if jobs <= 1:
        yield from _serial(items, progress, work)
        return
    stream = iter(items)
    head, exhausted = _lookahead(stream)
    if exhausted:
        yield from _serial(head, progress, work)
        return

    def everything() -> Iterator[Item]:
        yield from head
        head.clear()  # let the look-ahead window go once it has been handed on
        yield from stream

    try:
        yield from _parallel(everything(), jobs, progress, work)
    except BrokenProcessPool as exc:
        raise CrosscheckError(
            f"a worker process died during extraction ({exc})",
            hint="it may have run out of memory: retry with fewer --jobs, or --jobs 1",
        ) from exc


def run_cross_reference(
    extraction: Extraction,
    *,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    progress: Progress,
    before_judge: Callable[[Groups], None] | None = None,
    facts_ahead: FactsAhead | None = None,
) -> CrossReference:
    """group -> match -> judge, locally (``pipeline.cross_reference``) or on dask.

    On dask, matching is partitioned by block: claims are shuffled by block key and
    each block is matched on a worker (see dask_engine.run_cross_reference). The
    local engine calls ``before_judge`` with group's output before judge (see
    ``pipeline.cross_reference``); on dask the groups stay on the workers and
    ``before_judge`` is not called and ``facts_ahead`` not asked.
    """
    check_engine(engine)
    if engine == "dask":
        from crosscheck import dask_engine

        return dask_engine.run_cross_reference(
            extraction, jobs=jobs, scheduler=scheduler, progress=progress
        )
    from crosscheck.pipeline import cross_reference

    return cross_reference(
        extraction,
        jobs=jobs,
        progress=progress,
        before_judge=before_judge,
        facts_ahead=facts_ahead,
    )
