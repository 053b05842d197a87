"""``--engine dask``: the same stages on a dask.distributed cluster, and a driver
that never holds the corpus.

dask is an optional extra (``pip install 'crosscheck[dask]'``) and is imported
only when this engine is used.

Cluster
    By default a ``LocalCluster`` of ``jobs`` worker processes (one thread each,
    no dashboard, logs silenced). With ``scheduler="tcp://HOST:PORT"`` the client
    connects to an existing cluster instead; its workers must have the same
    version of crosscheck installed. One client per (scheduler, jobs) is kept for
    the life of the process, so extraction, cross-referencing and the report share it.

Extraction (partitioned by article)
    The driver reads the ingest stream lazily and cuts it into chunks (the same
    chunks as the local pool, ``engine.chunked``); at most ``INFLIGHT_PER_WORKER``
    chunks per worker are in flight. The results stay on the workers: the driver
    receives of each article only its summary (sort key, warnings and its
    ``articles`` row) and the skipped inputs. From the sort keys it plans the
    report order and the results are shuffled on the workers into *partitions*
    of about ``PARTITION_ARTICLES`` articles in that order (never splitting an
    article id), which live on the workers until the run ends. The result is a
    ``DaskExtraction``: an ``Extraction`` whose ``results`` stream the partitions.

Cross-referencing
    ``group`` runs in its three steps (``run_group``): each partition is reduced on
    its worker to distinct keys with counts (``group.map_claims``), the maps are
    combined in a tree on the workers, and the driver runs the union-finds over the
    combined map only (``group.merge``); the merged tables are broadcast and each
    partition gives its claims their canonical keys (``group.apply_claims``) and
    sends back its share of the speaker and event entries, from which the driver
    makes the entries and their display names (``group.finish``); each partition
    then gets the names of its keys and makes its per-claim tables
    (``group.claim_tables``: canonical speaker and events, their keys), which stay
    on the workers for matching, judging and the report (``DaskCrossReference``).
    ``match`` runs on the cluster as a shuffle by block
    (``shuffle_match``; the map partitions are made on the workers from the
    extraction partitions): the document frequency of words is summed on the
    workers; each partition makes the (pass, block key, content words rarest first,
    claim) entries that ``match.match`` sorts, and the entries are range-partitioned
    on that key, so the claims of one block meet in one bucket (or two consecutive
    ones for a very big block). Each bucket is sorted and paired within the pass
    windows on a worker, with the first ``window - 1`` entries of the following
    buckets as a halo, filtered and scored there; the scored pairs are shuffled by
    pair so a pair met in several passes is counted once, and stay there: the
    driver reads their counts. Shares travel as pickled bytes (``pack``). ``judge``
    runs on the workers, the same functions the local ``judge.judge`` runs over one
    partition. First (``judge_pairs``) the candidate buckets are joined into one
    bucket of pairs per worker, the claims of the pairs are shuffled there with
    their rows of the per-claim tables (each bucket's pairs name the claims they
    read, cut by partition: ``partition_needs``), and each bucket judges its pairs
    (``judge.pair_verdicts``); the verdicts (claim ids, kind, scores) stay there.
    Then (``judge_findings``) the verdicts are clustered where they are, over claim
    ids (``judge.verdict_roots`` per bucket, ``judge.merge_roots`` in a tree: a
    union-find per kind), the clusters cut by claim id name each verdict's cluster,
    and each cluster and each event key is given a findings bucket; the claims of
    the clusters' verdicts, and every claim that gives an event a time or a place
    (decided on the claim's worker, ``judge.event_value_keys``), are shuffled to
    those buckets with their table rows; each bucket judges its events and makes
    its clusters' findings (``judge.judge_part``), and only the findings come back,
    tagged with their place in the local order so that ``judge.ordered`` gives the
    same findings.

Report
    The report files are written from the partitions (``DaskClaims``,
    ``DaskTexts``): claims.csv and report.json's claims are rendered on the workers,
    partition by partition with the partition's tables, and streamed into the files
    (a bounded window of partitions in flight); report.json's speakers and events
    are made on the workers too (``DaskEntries``: the entries, in report order, cut
    into runs of about ``ENTRY_CLAIMS_PER_RUN`` claim ids; each partition splits its
    entries' claim ids, read from its tables, by run; each run gathers them and
    renders its entries), and streamed in order; report.html and findings.md fetch
    only the claims and article texts they show, read a partition at a time
    (``DaskClaims.by_ids``, ``StreamedTexts``: the texts of report.html's article
    blocks are fetched as the blocks are written, a few partitions in flight).

What the driver holds
    Per article: its manifest row, its ``articles`` row, sort key and warnings
    (about 320 bytes pickled on abp). For ``group``, while it runs: the combined map
    and the merged tables (distinct keys: about 9,400 for 59,733 claims on abp),
    and for the whole run the entries (``SpeakerEntry``, ``EventEntry``: the report's
    speakers and events, with their articles, mentions and roles but not their claim
    ids: ``group.HeldIds``, a count), never a per-claim table, and no claim for
    judging. Of matching and judging, counts and the findings. One partition's
    report text (or one run of entries' report.json lines) at a time, a few in
    flight, and the claims and article texts report.html shows (at most
    ``html.MAX_CLAIMS`` claims). Never another article's text, never matching's or
    judge's working set (word frequencies, entries, pairs, scores, claims,
    candidates, verdicts, routes). findings.md, findings.csv and report.html's
    finding cards read the findings' claims a batch of findings at a time;
    report.html's article texts arrive a partition at a time as they are written. What
    still grows with the corpus: the entries and the findings (see ``README.md``,
    "Running on a dask cluster", for the measured figures and the
    10-million-article estimate).
"""

from __future__ import annotations

import atexit
import bisect
import functools
import gc
import heapq
import logging
import operator
import pickle
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass, fields, replace
from functools import wraps
from typing import Any, NamedTuple, ParamSpec, TypeVar, overload

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from crosscheck import engine
from crosscheck.engine import PartitionedExtraction, chunked, extract_chunk
from crosscheck.errors import CrosscheckError
from crosscheck.group import (
    Applied,
    EntryParts,
    GroupMap,
    Groups,
    Index,
    Merged,
    claim_text,
    content_words,
    incident_keys,
    main_clause,
)
from crosscheck.judge import Tagged, Verdict
from crosscheck.match import _label
from crosscheck.progress import Progress
from crosscheck.records import (
    Article,
    ArticleResult,
    Candidate,
    Claim,
    CrossReference,
    EventEntry,
    Extraction,
    Finding,
    ManifestEntry,
    Skipped,
    SpeakerEntry,
)
from crosscheck.report import (
    ClaimRows,
    LazyTexts,
    RemoteClaims,
    RemoteEntries,
    RemoteEntrySource,
)
from crosscheck.rules import matching as R

INSTALL_HINT = "pip install 'crosscheck[dask]'"

# Chunks (of engine.CHUNK_ARTICLES articles) submitted but not yet collected, per worker.
INFLIGHT_PER_WORKER = 3

# Articles per extraction partition (the unit the report streams: the driver holds
# one partition's report text at a time), and partitions in flight per worker while
# a report file streams.
PARTITION_ARTICLES = 64
STREAM_PER_WORKER = 2

# Claims per map partition of the block shuffle (~30 claims an article: ~700 articles),
# range buckets per worker, sort keys sampled per bucket to place the bucket
# boundaries, and the fan-in of the tree that sums word frequencies.
CLAIMS_PER_PARTITION = 20_000
BUCKETS_PER_WORKER = 4
SAMPLES_PER_BUCKET = 32
REDUCE_FANIN = 8


_clients: dict[tuple[str | None, int], Any] = {}


def _distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise CrosscheckError(
            "the dask engine needs dask.distributed, which is not installed",
            hint=INSTALL_HINT,
        ) from exc
    return distributed


def get_client(jobs: int, scheduler: str | None) -> Any:
    """A client for the cluster at ``scheduler``, or for a LocalCluster of ``jobs`` workers."""
    distributed = _distributed()
    key = (scheduler, 0 if scheduler else max(1, jobs))
    client = _clients.get(key)
    if client is not None and client.status == "running":
        return client
    try:
        if scheduler:
            client = distributed.Client(scheduler, timeout="30s")
        else:
            logging.getLogger("distributed").setLevel(logging.ERROR)
            cluster = distributed.LocalCluster(
                n_workers=max(1, jobs),
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            client = distributed.Client(cluster)
    except OSError as exc:
        where = scheduler or "a local cluster"
        raise CrosscheckError(
            f"cannot reach the dask scheduler at {where}: {exc}",
            hint="check --scheduler tcp://HOST:PORT and that the scheduler is running",
        ) from exc
    _clients[key] = client
    return client


def close_clients() -> None:
    """Close every client (and LocalCluster) this process started.

    Partitions still held (a ``DaskExtraction`` alive at exit) are dropped with
    their workers: the scheduler's "lost data" complaint about it is silenced."""
    for name in ("distributed", "distributed.scheduler"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    while _clients:
        _, client = _clients.popitem()
        cluster = getattr(client, "cluster", None)
        try:
            client.close()
            if cluster is not None:
                cluster.close()
        except Exception:  # shutting down: nothing useful to do with it
            pass


atexit.register(close_clients)


def _n_workers(client: Any) -> int:
    return max(1, len(client.scheduler_info().get("workers", {})))


def packed(task: Callable[..., Any], *args: Any) -> bytes:
    """Worker: ``task(*args)``, pickled into one bytes object (``pack``).

    Every result the driver reads, and every partition moved between workers,
    travels so: dask serialises a list item by item, and for lists of many small
    objects (claim ids, claims, report objects) that took most of the time
    (measured: 32 lists of 1,900 short strings, 2.4 s; packed, 0.05 s)."""
    return pack(task(*args))


def _fetch(client: Any, task: Callable[..., Any], *args: Any) -> Any:
    """``task(*args)`` on the cluster, its result read here (packed on the way)."""
    return unpack(client.submit(packed, task, *args, pure=False).result())


# --------------------------------------------------------------------------- extraction

ResultKey = tuple[str, str, int]  # pipeline.assemble's sort key: (article id, source, line)


class ArticleSummary(NamedTuple):
    """What the driver keeps of one extracted article (never its text or claims)."""

    key: ResultKey
    warnings: tuple[str, ...]
    row: dict[str, Any]  # ArticleResult.to_row()
    claims: int


def summarise(results: Sequence[ArticleResult | Skipped]) -> list[ArticleSummary | Skipped]:
    """Worker: the summary of each result of a chunk (skips pass as they are)."""
    out: list[ArticleSummary | Skipped] = []
    for r in results:
        if isinstance(r, Skipped):
            out.append(r)
        else:
            a = r.article
            out.append(
                ArticleSummary((a.id, a.source, a.line), a.warnings, r.to_row(), len(r.claims))
            )
    return out


def _stream(
    client: Any, items: Iterable[Article | Skipped], progress: Progress
) -> tuple[list[Any], list[list[ArticleSummary | Skipped]]]:
    """Submit chunks with a bounded window; the chunks' results stay on the workers.

    Returns the futures of the chunks' results and their summaries, in input order.
    """
    distributed = _distributed()
    limit = _n_workers(client) * INFLIGHT_PER_WORKER
    chunks = chunked(items, engine.CHUNK_ARTICLES, engine.CHUNK_BYTES)
    results: list[Any] = []
    summaries: list[list[ArticleSummary | Skipped]] = []
    pending: dict[Any, int] = {}
    done = 0
    exhausted = False
    try:
        while True:
            while not exhausted and len(pending) < limit:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                    break
                # scattered, not embedded in the task: big chunks stay out of the graph
                [data] = client.scatter([chunk], hash=False)
                fut = client.submit(extract_chunk, data, pure=False)
                pending[client.submit(packed, summarise, fut, pure=False)] = len(results)
                results.append(fut)
                summaries.append([])
                del data, chunk
            if not pending:
                break
            finished = distributed.wait(list(pending), return_when="FIRST_COMPLETED").done
            for fut in finished:
                got = unpack(fut.result())
                summaries[pending.pop(fut)] = got
                fut.release()
                done += len(got)
            progress("extract", done, None)
    finally:
        for fut in pending:
            fut.cancel()
    return results, summaries


def split_chunk(
    results: Sequence[ArticleResult | Skipped], plan: Sequence[tuple[int, int, int]]
) -> dict[int, bytes]:
    """Worker: a chunk's results cut by destination partition, each piece packed.

    ``plan`` holds (position in the chunk, partition, rank in report order)."""
    out: dict[int, list[tuple[int, ArticleResult]]] = defaultdict(list)
    for pos, part, rank in plan:
        r = results[pos]
        assert isinstance(r, ArticleResult)
        out[part].append((rank, r))
    return {part: pack(piece) for part, piece in out.items()}


def take_piece(pieces: dict[int, bytes], part: int) -> bytes:
    return pieces[part]


def build_partition(*pieces: bytes) -> list[ArticleResult]:
    """Worker: one partition's results, in report order, from its pieces."""
    ranked: list[tuple[int, ArticleResult]] = sorted(
        (x for piece in pieces for x in unpack(piece)), key=lambda x: x[0]
    )
    return [r for _, r in ranked]


def _cuts(keys: Sequence[ResultKey], size: int) -> list[int]:
    """Start offsets of partitions of about ``size`` sorted keys; one article id is
    never split between two partitions (the report's claim order is by article id)."""
    starts = [0] if keys else []
    at = size
    while at < len(keys):
        while at < len(keys) and keys[at][0] == keys[at - 1][0]:
            at += 1
        if at < len(keys):
            starts.append(at)
        at += size
    return starts


def _manifest(
    ordered: Sequence[ArticleSummary], skipped: Sequence[Skipped]
) -> tuple[tuple[ManifestEntry, ...], tuple[Skipped, ...]]:
    """pipeline.assemble's manifest and errors, from the summaries."""
    manifest = [
        ManifestEntry(s.key[1], s.key[2], "processed", s.key[0], "; ".join(s.warnings))
        for s in ordered
    ] + [ManifestEntry(s.source, s.line, "skipped", "", s.reason, s.hint) for s in skipped]
    manifest.sort(key=lambda m: (m.source, m.line, m.article_id))
    return tuple(manifest), tuple(sorted(skipped, key=lambda s: (s.source, s.line)))


def _partitioned(
    client: Any,
    chunk_results: Sequence[Any],
    summaries: Sequence[Sequence[ArticleSummary | Skipped]],
    size: int | None = None,
) -> DaskExtraction:
    """Shuffle the chunks' results into partitions in report order (on the workers)."""
    size = size or PARTITION_ARTICLES
    located: list[tuple[ResultKey, int, int, ArticleSummary]] = []
    skipped: list[Skipped] = []
    for c, summary in enumerate(summaries):
        for pos, item in enumerate(summary):
            if isinstance(item, Skipped):
                skipped.append(item)
            else:
                located.append((item.key, c, pos, item))
    located.sort(key=lambda x: x[:3])  # assemble's (stable) sort: ties in input order
    keys = [x[0] for x in located]
    starts = _cuts(keys, size)
    bounds = [*starts[1:], len(located)]
    plans: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    members: list[list[int]] = []  # per partition, the chunks it draws from
    for part, (lo, hi) in enumerate(zip(starts, bounds, strict=True)):
        chunks_of: dict[int, None] = {}
        for rank in range(lo, hi):
            _, c, pos, _ = located[rank]
            plans[c].append((pos, part, rank))
            chunks_of[c] = None
        members.append(list(chunks_of))
    splits = {
        c: client.submit(split_chunk, chunk_results[c], plans[c], pure=False) for c in sorted(plans)
    }
    parts = [
        client.submit(
            build_partition,
            *[client.submit(take_piece, splits[c], part, pure=False) for c in chunks],
            pure=False,
        )
        for part, chunks in enumerate(members)
    ]
    del splits  # the chunks' results go once the partitions are made
    ordered = [x[3] for x in located]
    manifest, errors = _manifest(ordered, skipped)
    return _extraction(client, parts, ordered, starts, manifest, errors)


def _extraction(
    client: Any,
    parts: list[Any],
    ordered: Sequence[ArticleSummary],
    starts: Sequence[int],
    manifest: tuple[ManifestEntry, ...],
    errors: tuple[Skipped, ...],
) -> DaskExtraction:
    bounds = [*starts[1:], len(ordered)]
    sizes = tuple(hi - lo for lo, hi in zip(starts, bounds, strict=True))
    claims = tuple(
        sum(s.claims for s in ordered[lo:hi]) for lo, hi in zip(starts, bounds, strict=True)
    )
    warned = tuple(
        Article(id=s.key[0], text="", source=s.key[1], line=s.key[2], warnings=s.warnings)
        for s in ordered
        if s.warnings
    )
    stream = PartitionStream(tuple(parts), sizes)
    return DaskExtraction(
        results=stream,
        manifest=manifest,
        errors=errors,
        client=client,
        parts=tuple(parts),
        part_articles=sizes,
        part_claims=claims,
        first_ids=tuple(ordered[lo].key[0] for lo in starts),
        rows=tuple(s.row for s in ordered),
        warned_articles=warned,
    )


def distribute(client: Any, extraction: Extraction, size: int | None = None) -> DaskExtraction:
    """A local ``Extraction`` (already in report order) as partitions on the workers."""
    if isinstance(extraction, DaskExtraction):
        return extraction
    size = size or PARTITION_ARTICLES
    results = list(extraction.results)
    ordered = summarise(results)
    summaries = [s for s in ordered if isinstance(s, ArticleSummary)]
    starts = _cuts([s.key for s in summaries], size)
    bounds = [*starts[1:], len(results)]
    parts = client.scatter([results[lo:hi] for lo, hi in zip(starts, bounds, strict=True)])
    return _extraction(
        client, list(parts), summaries, starts, tuple(extraction.manifest), tuple(extraction.errors)
    )


def run_extraction(
    items: Iterable[Article | Skipped],
    *,
    jobs: int = 1,
    scheduler: str | None = None,
    progress: Progress,
) -> DaskExtraction:
    """The per-article stages on the cluster, partitioned by article (chunks); the
    results stay on the workers, in partitions in report order."""
    client = get_client(jobs, scheduler)
    chunk_results, summaries = _stream(client, items, progress)
    return _partitioned(client, chunk_results, summaries)


def _same(value: Any) -> Any:
    return value


class PartitionStream(Sequence[ArticleResult]):
    """``DaskExtraction.results``: every result, fetched one partition at a time."""

    def __init__(self, parts: tuple[Any, ...], sizes: tuple[int, ...]) -> None:
        self._parts = parts
        self._sizes = sizes
        self._offsets = [0]
        for n in sizes:
            self._offsets.append(self._offsets[-1] + n)

    def __len__(self) -> int:
        return self._offsets[-1]

    @overload
    def __getitem__(self, i: int) -> ArticleResult: ...

    @overload
    def __getitem__(self, i: slice) -> Sequence[ArticleResult]: ...

    def __getitem__(self, i: int | slice) -> ArticleResult | Sequence[ArticleResult]:
        if isinstance(i, slice):
            return list(self)[i]
        n = len(self)
        if not -n <= i < n:
            raise IndexError(i)
        i %= n
        part = bisect.bisect_right(self._offsets, i) - 1
        fut = self._parts[part]
        results: list[ArticleResult] = _fetch(fut.client, _same, fut)
        return results[i - self._offsets[part]]

    def __iter__(self) -> Iterator[ArticleResult]:
        for part in self._parts:
            yield from _fetch(part.client, _same, part)


@dataclass(frozen=True, eq=False)
class DaskExtraction(PartitionedExtraction):
    """An ``Extraction`` whose results live on the workers, in partitions in report
    order (``parts``: futures of ``list[ArticleResult]``). The driver holds the
    manifest, the skipped inputs, each article's ``articles`` row, the articles
    with warnings (without text) and counts."""

    client: Any = None
    parts: tuple[Any, ...] = ()
    part_articles: tuple[int, ...] = ()
    part_claims: tuple[int, ...] = ()
    first_ids: tuple[str, ...] = ()  # the first article id of each partition
    rows: tuple[dict[str, Any], ...] = ()
    warned_articles: tuple[Article, ...] = ()

    @property
    def n_claims(self) -> int:
        return sum(self.part_claims)

    def warned(self, limit: int) -> list[Article]:
        return list(self.warned_articles[:limit])

    def article_rows(self) -> list[dict[str, Any]]:
        return list(self.rows)

    def claim_rows(self, xref: CrossReference) -> ClaimRows:
        return DaskClaims(self, xref)

    def texts(self) -> DaskTexts:
        return DaskTexts(self)

    def map(self, task: Callable[..., Any], *args: Any) -> list[Any]:
        """``task(partition, *args)`` on every partition (futures, in order)."""
        return [self.client.submit(task, p, *args, pure=False) for p in self.parts]

    def stream(self, task: Callable[..., Any], *per_part: Sequence[Any]) -> Iterator[Any]:
        """``task(partition, *args_j)`` for each partition j, in order, with a bounded
        number in flight: results are not held on the workers for long."""
        return stream(self.client, task, self.parts, *per_part)


def stream(
    client: Any, task: Callable[..., Any], firsts: Sequence[Any], *per_item: Sequence[Any]
) -> Iterator[Any]:
    """``task(firsts[j], *args_j)`` for each j, in order, read here (packed) with a
    bounded number in flight."""
    return _in_order(
        client,
        (
            client.submit(packed, task, first, *(args[j] for args in per_item), pure=False)
            for j, first in enumerate(firsts)
        ),
    )


def _in_order(client: Any, futures: Iterable[Any]) -> Iterator[Any]:
    """The packed results of ``futures`` (submitted as they are drawn), unpacked in
    order, with a bounded number in flight: each is released once read."""
    window = max(1, _n_workers(client) * STREAM_PER_WORKER)
    queue: list[Any] = []
    for fut in futures:
        queue.append(fut)
        if len(queue) > window:
            first = queue.pop(0)
            yield unpack(first.result())
            first.release()
    for fut in queue:
        yield unpack(fut.result())
        fut.release()


# --------------------------------------------------------------------------- report pieces


def _report_claims(results: Sequence[ArticleResult]) -> list[Claim]:
    """A partition's claims in report order (``report.claim_sort_key``): a partition
    never splits an article id, so the partitions' runs make the corpus's order."""
    from crosscheck.report import claim_sort_key

    return sorted((c for r in results for c in r.claims), key=claim_sort_key)


def _canon_xref(canon: Groups) -> CrossReference:
    """What ``report._claim_json`` reads of the cross-reference: the canonical
    speaker and events of a partition's claims."""
    return CrossReference((), (), (), speaker_of=canon.speaker_of, events_of=canon.events_of)


def part_claim_ids(results: Sequence[ArticleResult]) -> list[str]:
    """Worker: a partition's claim ids, in report order."""
    return [c.claim_id for c in _report_claims(results)]


def claims_json_text(results: Sequence[ArticleResult], canon: Groups) -> str:
    """Worker: report.json's lines for a partition's claims (``report_json_chunks``):
    the local engine's ``report._claim_json_text``, the same bytes."""
    from crosscheck.report import _claim_json_text

    xref = _canon_xref(canon)
    return ",\n  ".join(_claim_json_text(c, xref) for c in _report_claims(results))


def claims_csv_text(results: Sequence[ArticleResult], canon: Groups) -> str:
    """Worker: claims.csv's rows for a partition's claims (no header): the local
    engine's ``report.claims_csv_rows`` (claims.csv holds no cross-reference column)."""
    from crosscheck.report import claims_csv_rows

    return claims_csv_rows(_report_claims(results))


def claims_json_objects(
    results: Sequence[ArticleResult],
    canon: Groups,
    wanted: Set[str] | None,
) -> list[dict[str, Any]]:
    """Worker: the JSON objects of a partition's claims (those in ``wanted``)."""
    from crosscheck.report import _claim_json

    xref = _canon_xref(canon)
    return [
        _claim_json(c, xref)
        for c in _report_claims(results)
        if wanted is None or c.claim_id in wanted
    ]


def texts_of(results: Sequence[ArticleResult], ids: Set[str]) -> dict[str, str]:
    """Worker: article id -> text for the partition's articles in ``ids``."""
    return {r.article.id: r.article.text for r in results if r.article.id in ids}


class DaskClaims(RemoteClaims):
    """report.json's claims of a ``DaskExtraction``: rendered on the workers.

    The canonical speaker and events of each claim are read where the claim is: a
    ``DaskCrossReference``'s per-partition tables; for another ``CrossReference``,
    its ``speaker_of`` and ``events_of`` are sent once to the partition that holds
    the claim."""

    def __init__(self, extraction: DaskExtraction, xref: CrossReference) -> None:
        super().__init__(extraction.n_claims)
        self._ext = extraction
        self._xref_full = xref
        self._canon: list[Any] | None = None

    def canon(self) -> list[Any]:
        if self._canon is None:
            ext, xref = self._ext, self._xref_full
            if isinstance(xref, DaskCrossReference) and len(xref.tables) == len(ext.parts):
                self._canon = list(xref.tables)
                return self._canon
            subsets = []
            for ids in ext.stream(part_claim_ids):
                speaker_of = {i: xref.speaker_of[i] for i in ids if i in xref.speaker_of}
                events_of = {i: xref.events_of[i] for i in ids if i in xref.events_of}
                subsets.append(Groups(speaker_of=speaker_of, events_of=events_of))
            self._canon = list(ext.client.scatter(subsets, hash=False)) if subsets else []
        return self._canon

    def __iter__(self) -> Iterator[dict[str, Any]]:
        nothing = [None] * len(self._ext.parts)
        for objects in self._ext.stream(claims_json_objects, self.canon(), nothing):
            yield from objects

    def ids(self) -> list[str]:
        return [i for ids in self._ext.stream(part_claim_ids) for i in ids]

    def head_ids(self, n: int, skip: Set[str]) -> list[str]:
        out: list[str] = []
        if n <= 0:
            return out
        for part in self._ext.parts:
            ids = _fetch(self._ext.client, part_claim_ids, part)
            out.extend(i for i in ids if i not in skip)
            if len(out) >= n:
                break
        return out[:n]

    def by_ids(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        ext = self._ext
        # only the partitions that hold the ids (a claim id names its article, and
        # partitions are in article id order), each sent its own ids
        by_part: dict[int, set[str]] = defaultdict(set)
        for cid in ids:
            part = bisect.bisect_right(ext.first_ids, claim_article(cid)) - 1
            if part >= 0:
                by_part[part].add(cid)
        if not by_part:
            return {}
        order = sorted(by_part)
        canon = self.canon()
        found: dict[str, dict[str, Any]] = {}
        # read in order, a few partitions in flight (not every partition's packed
        # objects at once)
        for objects in stream(
            ext.client,
            claims_json_objects,
            [ext.parts[j] for j in order],
            [canon[j] for j in order],
            [frozenset(by_part[j]) for j in order],
        ):
            for obj in objects:
                found[str(obj["claim_id"])] = obj
        return found

    def json_pieces(self) -> Iterator[str]:
        for text in self._ext.stream(claims_json_text, self.canon()):
            if text:
                yield text

    def csv_pieces(self, excel: bool) -> Iterator[str]:
        from crosscheck.report import claims_csv_header

        yield claims_csv_header(excel)
        yield from self._ext.stream(claims_csv_text, self.canon())


class DaskTexts(LazyTexts):
    """Article texts of a ``DaskExtraction``, fetched from the partitions that hold them."""

    def __init__(self, extraction: DaskExtraction) -> None:
        self._ext = extraction

    def __len__(self) -> int:
        return len(self._ext.rows)

    def __iter__(self) -> Iterator[str]:
        return (str(row["id"]) for row in self._ext.rows)

    def fetch(self, ids: Iterable[str]) -> StreamedTexts:
        """The texts of ``ids``, fetched a partition at a time as they are read
        (``StreamedTexts``): read in article id order, only a window of partitions'
        texts is here at once."""
        return StreamedTexts(self._ext, ids)


class StreamedTexts(Mapping[str, str]):
    """article id -> text for the asked ``ids``, read from the partitions that hold
    them a partition at a time: the partitions' texts are fetched in order with a
    bounded number in flight (``_in_order``), and the texts of a partition are
    dropped once an id of a later partition is read. Reading the ids in article id
    order (report.html's article blocks) fetches each partition once; an id of an
    earlier partition is fetched again on its own (same text, more round trips)."""

    def __init__(self, extraction: DaskExtraction, ids: Iterable[str]) -> None:
        self._ext = extraction
        by_part: dict[int, set[str]] = defaultdict(set)
        for aid in ids:
            part = bisect.bisect_right(extraction.first_ids, aid) - 1
            if part >= 0:
                by_part[part].add(aid)
        self._by_part = {j: frozenset(by_part[j]) for j in sorted(by_part)}
        self._order = list(self._by_part)  # partitions, in the order they are streamed
        self._stream: Iterator[dict[str, str]] | None = None
        self._next = 0  # index in ``_order`` of the partition the stream gives next
        self._part = -1  # the partition whose texts ``_texts`` holds
        self._texts: dict[str, str] = {}

    def _part_of(self, aid: str) -> int:
        return bisect.bisect_right(self._ext.first_ids, aid) - 1

    def _texts_of(self, part: int) -> dict[str, str]:
        """The asked texts of ``part`` (its position in the stream, or fetched alone)."""
        if part == self._part:
            return self._texts
        ext = self._ext
        if self._stream is None:
            self._stream = _in_order(
                ext.client,
                (
                    ext.client.submit(packed, texts_of, ext.parts[j], self._by_part[j], pure=False)
                    for j in self._order
                ),
            )
        if part > self._part and self._next < len(self._order):
            while self._next < len(self._order) and self._order[self._next] <= part:
                self._texts = next(self._stream)
                self._part = self._order[self._next]
                self._next += 1
            if self._part == part:
                return self._texts
        got: dict[str, str] = _fetch(ext.client, texts_of, ext.parts[part], self._by_part[part])
        return got

    def __getitem__(self, aid: str) -> str:
        part = self._part_of(aid)
        if part not in self._by_part or aid not in self._by_part[part]:
            raise KeyError(aid)
        return self._texts_of(part)[aid]

    def __iter__(self) -> Iterator[str]:
        for part in self._order:
            yield from self._texts_of(part)

    def __len__(self) -> int:
        return sum(1 for _ in self)


#: Claim ids per run of entries whose report.json lines one worker task makes
#: (``DaskEntries``): bounds the ids a task gathers and the text it sends back.
ENTRY_CLAIMS_PER_RUN = 20_000

IndexEntry = SpeakerEntry | EventEntry


def entry_runs(entries: Sequence[IndexEntry], size: int | None = None) -> list[int]:
    """Where the runs of ``entries`` (in report order) end: each run holds about
    ``size`` claim ids (``ENTRY_CLAIMS_PER_RUN``; one entry alone may hold more)."""
    size = ENTRY_CLAIMS_PER_RUN if size is None else size
    ends: list[int] = []
    held = 0
    for i, e in enumerate(entries):
        held += len(e.claims)
        if held >= size:
            ends.append(i + 1)
            held = 0
    if not ends or ends[-1] != len(entries):
        ends.append(len(entries))
    return ends


def split_entry_ids(table: Groups, packed_runs: bytes, n: int, events: bool) -> list[bytes]:
    """Worker: a partition's claim ids of each entry (from its per-claim tables:
    the claims holding the entry's key), by the entry's run (``packed_runs``: entry
    key -> run): per run, packed, entry key -> claim ids."""
    runs: dict[str, int] = unpack(packed_runs)
    out: list[dict[str, list[str]]] = [{} for _ in range(n)]
    keys_of = table.event_keys_of if events else table.speaker_keys_of
    for cid, keys in keys_of.items():
        for key in dict.fromkeys(keys):
            run = runs.get(key)  # article-local event keys have no entry
            if run is not None:
                out[run].setdefault(key, []).append(cid)
    return [pack(ids) for ids in out]


# an entry's fields but its claim ids (the last field), and their number: entries
# travel to the workers so (plain tuples pickle ten times faster than the records)
_SPEAKER_FIELDS = operator.attrgetter(*(f.name for f in fields(SpeakerEntry)[:-1]))
_EVENT_FIELDS = operator.attrgetter(*(f.name for f in fields(EventEntry)[:-1]))


def entry_fields(entries: Sequence[IndexEntry], events: bool) -> list[tuple[Any, ...]]:
    """The entries as ``entries_json_text`` reads them."""
    get = _EVENT_FIELDS if events else _SPEAKER_FIELDS
    return [(*get(e), len(e.claims)) for e in entries]


def entries_json_text(shares: Sequence[bytes], packed_entries: bytes, events: bool) -> str:
    """Worker: report.json's lines for a run of entries (``report_json_chunks``):
    each entry's claim ids gathered from the partitions' shares, then the local
    engine's ``report._speaker_json`` / ``_event_json``, the same bytes."""
    from crosscheck.report import _compact, _event_json, _speaker_json

    entries: list[tuple[Any, ...]] = unpack(packed_entries)
    make_event: Callable[..., EventEntry] = EventEntry
    make_speaker: Callable[..., SpeakerEntry] = SpeakerEntry
    ids: dict[str, list[str]] = defaultdict(list)
    for share in shares:
        for key, cids in unpack(share).items():
            ids[key] += cids
    lines = []
    for *values, count in entries:
        key = values[1]
        claims = tuple(sorted(set(ids.get(key, ()))))
        if len(claims) != count:
            raise CrosscheckError(
                f"entry {key!r}: {len(claims)} claim ids found, {count} counted",
                hint="a partition's tables and its entry shares disagree: report this bug",
            )
        if events:
            lines.append(_compact(_event_json(make_event(*values, claims))))
        else:
            lines.append(_compact(_speaker_json(make_speaker(*values, claims))))
    return ",\n  ".join(lines)


class DaskEntries(RemoteEntries):
    """report.json's ``speakers`` or ``events`` of a ``DaskCrossReference``: the
    entries (in report order) are cut into runs of about ``ENTRY_CLAIMS_PER_RUN``
    claim ids; every partition splits the claim ids of the entries, read from its
    per-claim tables, by run; each run gathers its shares on a worker and makes its
    entries' lines, and the runs are streamed here in order (a bounded window in
    flight). The driver holds the entries without their ids and one run's text."""

    def __init__(
        self, client: Any, tables: Sequence[Any], entries: Sequence[IndexEntry], events: bool
    ) -> None:
        super().__init__(len(entries))
        self._client = client
        self._tables = tables
        self._entries = entries
        self._events = events

    def json_pieces(self) -> Iterator[str]:
        client, entries = self._client, self._entries
        if not entries:
            return
        ends = entry_runs(entries)
        starts = [0, *ends[:-1]]
        runs = {
            e.key: j
            for j, (lo, hi) in enumerate(zip(starts, ends, strict=True))
            for e in entries[lo:hi]
        }
        # packed: dask scatters a dict item by item (17k keys: 1 s; packed, 0.04 s);
        # a task's result, not scattered data: the report's last file ends as the
        # cluster closes, and scattered data still being released would be reported lost
        shared = client.submit(_same, pack(runs), pure=False)
        del runs
        split = [
            client.submit(split_entry_ids, t, shared, len(ends), self._events, pure=False)
            for t in self._tables
        ]
        yield from _in_order(
            client,
            (
                client.submit(
                    packed,
                    entries_json_text,
                    [client.submit(take, s, j, pure=False) for s in split],
                    pack(entry_fields(entries[lo:hi], self._events)),
                    self._events,
                    pure=False,
                )
                for j, (lo, hi) in enumerate(zip(starts, ends, strict=True))
            ),
        )
        del split, shared


# --------------------------------------------------------------------------- block shuffle
#
# match.match is a multi-pass sorted neighbourhood: in each pass the entries
# (block key, content words rarest first, claim) of every claim are sorted and
# each entry is compared with the next ``window - 1``. The distributed version
# gives the same pairs: the entries of all passes are range-partitioned on their
# sort key (a distributed sort; boundaries from a sample), each bucket is sorted
# on a worker and gets, as a halo, the first ``window - 1`` entries of the buckets
# after it (a window may reach past a bucket's end exactly as it reaches past a
# block's end). A big block may straddle two buckets; every block sits in one or
# two consecutive buckets, and every entry is compared where it lives.

PASS_KINDS: tuple[str, ...] = ("event", "speaker", "incident")


def pass_windows() -> tuple[int, ...]:
    """The window of each pass, in match.match's pass order."""
    return (R.MAX_BLOCK,) * len(PASS_KINDS) + (R.WORD_BLOCK_WINDOW,) * R.RARE_WORDS_PER_CLAIM


class MatchRow(NamedTuple):
    """What matching reads of one claim (not the claim: no sentence, no spans).

    A named tuple, not a dataclass: millions of them are pickled in the shuffle,
    and a tuple unpickles several times faster.
    """

    claim_id: str
    article: str
    speaker: str  # its canonical speaker keys joined, or a key of its own
    start: int  # content span (two readings of one sentence are not two sources)
    end: int
    main: str  # content words of the main clause
    keyed: dict[str, list[str]]  # event / speaker / incident block keys
    rare: list[str]  # its eligible rare words, rarest first


# (pass, block key, content words rarest first, claim id): the order match.match sorts in
SortKey = tuple[int, str, str, str]
Entry = tuple[SortKey, MatchRow]
Scored = tuple[str, str, float, str]  # a candidate: (claim a < claim b, score, label)


@dataclass(frozen=True)
class MatchPart:
    """One map partition: claims sorted by id, with their keys from ``group``."""

    claims: tuple[Claim, ...]
    speaker_keys: dict[str, tuple[str, ...]]
    event_keys: dict[str, tuple[str, ...]]


P = ParamSpec("P")
T = TypeVar("T")


def gc_paused(task: Callable[P, T]) -> Callable[P, T]:
    """Run an allocation-heavy shuffle task with the cyclic garbage collector paused.

    These tasks build (or unpickle) millions of small acyclic tuples while the
    worker holds millions more, so each collection rescans them: measured on
    2,000 articles, merging took 3x and pairing 1.3x as long with it running.
    """

    @wraps(task)
    def run(*args: P.args, **kwargs: P.kwargs) -> T:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return task(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()

    return run


def _words(claim: Claim) -> list[str]:
    return content_words(claim_text(claim))


def word_counts(part: MatchPart) -> Counter[str]:
    """Map: document frequency of content words over one partition's claims."""
    df: Counter[str] = Counter()
    for claim in part.claims:
        df.update(set(_words(claim)))
    return df


def add_counts(counts: Sequence[Counter[str]]) -> Counter[str]:
    """Reduce: sum document frequencies (a tree of these gives the corpus's)."""
    total: Counter[str] = Counter()
    for c in counts:
        total.update(c)
    return total


@gc_paused
def entry_partition(part: MatchPart, df: Counter[str]) -> list[Entry]:
    """Map: every claim's entries in every pass (as match.match forms them), sorted."""
    out: list[Entry] = []
    for c in part.claims:
        ws = _words(c)
        text = claim_text(c)
        speaker_keys = part.speaker_keys.get(c.claim_id, ())
        keyed = {
            "event": list(dict.fromkeys(part.event_keys.get(c.claim_id, ()))),
            "speaker": [k for k in speaker_keys if k.startswith(("person:", "org:"))],
            "incident": sorted(incident_keys(c)),
        }
        rare = sorted({w for w in ws if 2 <= df[w] <= R.RARE_WORD_MAX_DF}, key=lambda w: (df[w], w))
        rarity = " ".join(sorted(set(ws), key=lambda w: (df[w], w)))
        row = MatchRow(
            claim_id=c.claim_id,
            article=c.article_id,
            speaker="|".join(speaker_keys) or "?" + c.claim_id,
            start=c.content_start,
            end=c.content_end,
            main=" ".join(content_words(main_clause(text))),
            keyed=keyed,
            rare=rare,
        )
        for p, kind in enumerate(PASS_KINDS):
            out.extend(((p, k, rarity, c.claim_id), row) for k in keyed[kind])
        for r, word in enumerate(rare[: R.RARE_WORDS_PER_CLAIM]):
            out.append(((len(PASS_KINDS) + r, word, rarity, c.claim_id), row))
    out.sort(key=lambda e: e[0])
    return out


def sample_keys(entries: Sequence[Entry], size: int) -> list[SortKey]:
    """Up to ``size`` evenly spaced sort keys of a sorted map output (for the boundaries)."""
    step = max(1, len(entries) // max(1, size))
    return [entries[i][0] for i in range(0, len(entries), step)]


def boundaries(samples: Sequence[Sequence[SortKey]], buckets: int) -> list[SortKey]:
    """``buckets - 1`` split keys at the quantiles of the samples (fewer when few keys)."""
    keys = sorted({k for s in samples for k in s})
    if buckets <= 1 or not keys:
        return []
    cut = [keys[len(keys) * j // buckets] for j in range(1, buckets)]
    return sorted(set(cut))


def pack(value: Any) -> bytes:
    """A shuffle share as one bytes object.

    The task pickles it; the worker's event loop then moves plain bytes, and the
    receiving task unpickles. Left to dask, millions of small tuples would be
    (de)serialised on the event loop, which a busy single-threaded worker starves
    of the GIL: measured, transfers then took longer than the computing.
    """
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def unpack(data: bytes) -> Any:
    return pickle.loads(data)


@gc_paused
def split_ranges(entries: Sequence[Entry], bounds: Sequence[SortKey]) -> list[bytes]:
    """Cut a sorted map output into ``len(bounds) + 1`` ranges of sort keys (packed)."""
    out: list[bytes] = []
    lo = 0
    keys = [e[0] for e in entries]
    for b in bounds:
        hi = bisect.bisect_left(keys, b, lo)
        out.append(pack(entries[lo:hi]))
        lo = hi
    out.append(pack(entries[lo:]))
    return out


def take(parts: Sequence[Any], index: int) -> Any:
    """One bucket of one map output (runs where the map output lives)."""
    return parts[index]


@gc_paused
def merge_bucket(shares: Sequence[bytes]) -> list[Entry]:
    """Reduce: one range of the sort, from every map output's share (each sorted)."""
    return list(heapq.merge(*(unpack(s) for s in shares), key=lambda e: e[0]))


def head(run: Sequence[Entry], n: int) -> list[Entry]:
    return list(run[:n])


def halo_of(heads: Sequence[Sequence[Entry]], n: int) -> list[Entry]:
    """The first ``n`` entries after a bucket: the heads of the next buckets, in order."""
    out: list[Entry] = []
    for h in heads:
        out.extend(h[: n - len(out)])
        if len(out) >= n:
            break
    return out


@gc_paused
def pair_bucket(
    run: Sequence[Entry], halo: Sequence[Entry], windows: Sequence[int], buckets: int
) -> list[bytes]:
    """Pairs whose first entry is in this bucket, filtered and scored as match.match does.

    A pair may also be met in another pass (another bucket): the output is split
    by pair into phase 2 buckets, where the copies meet. Each share (packed) is
    ``(pairs, candidates)``: every pair compared as ``"a\x00b"``, and the pairs at
    or above the cut-off as ``(a, b, score, label)``.
    """
    seq = list(run) + list(halo)
    compared: list[list[str]] = [[] for _ in range(buckets)]
    hits: list[list[Scored]] = [[] for _ in range(buckets)]
    if len(run) == 0 or len(seq) < 2:
        return [pack(([], [])) for _ in range(buckets)]
    # the claims of this bucket, numbered in claim id order (match.match's order)
    first: dict[str, int] = {}
    for k, (_, row) in enumerate(seq):
        first.setdefault(row.claim_id, k)
    ids = sorted(first)
    rank = {cid: r for r, cid in enumerate(ids)}
    rows = [seq[first[cid]][1] for cid in ids]
    words = [seq[first[cid]][0][2] for cid in ids]  # content words, as a set: what scores read
    at = np.asarray([rank[row.claim_id] for _, row in seq], dtype=np.int64)
    pass_no = np.asarray([key[0] for key, _ in seq], dtype=np.int64)
    window = np.asarray(windows, dtype=np.int64)[pass_no]
    codes_of: dict[str, int] = {}
    art = np.asarray([codes_of.setdefault("a" + r.article, len(codes_of)) for r in rows])
    spk = np.asarray([codes_of.setdefault("s" + r.speaker, len(codes_of)) for r in rows])
    c_start = np.asarray([r.start for r in rows], dtype=np.int64)
    c_end = np.asarray([r.end for r in rows], dtype=np.int64)
    found: list[npt.NDArray[np.int64]] = []
    n = len(ids)
    for d in range(1, int(window[: len(run)].max())):
        p = np.arange(min(len(run), len(seq) - d), dtype=np.int64)
        p = p[(pass_no[p] == pass_no[p + d]) & (d < window[p])]
        a, b = at[p], at[p + d]
        lo, hi = np.minimum(a, b), np.maximum(a, b)
        same_text = (c_start[lo] < c_end[hi]) & (c_start[hi] < c_end[lo])
        keep = (lo != hi) & ((art[lo] != art[hi]) | ((spk[lo] != spk[hi]) & ~same_text))
        found.append(lo[keep] * n + hi[keep])
    uniq = np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)
    if not len(uniq):
        return [pack(([], [])) for _ in range(buckets)]
    los, his = (uniq // n).tolist(), (uniq % n).tolist()
    score = np.asarray(
        process.cpdist(
            [words[i] for i in los], [words[j] for j in his], scorer=fuzz.token_set_ratio
        ),
        dtype=np.float64,
    )
    low = np.nonzero(score < R.CANDIDATE_CUTOFF)[0].tolist()
    if low:
        s_main = np.asarray(
            process.cpdist(
                [rows[los[k]].main for k in low],
                [rows[his[k]].main for k in low],
                scorer=fuzz.token_set_ratio,
            ),
            dtype=np.float64,
        )
        score[low] = np.maximum(score[low], s_main)
    for i, j, s in zip(los, his, score.tolist(), strict=True):
        x, y = rows[i], rows[j]
        code = x.claim_id + "\x00" + y.claim_id
        k = bucket_of(code, buckets)
        compared[k].append(code)
        if s >= R.CANDIDATE_CUTOFF:
            hits[k].append((x.claim_id, y.claim_id, s, _label(x.keyed, y.keyed, x.rare, y.rare)))
    return [pack(share) for share in zip(compared, hits, strict=True)]


@gc_paused
def candidate_partition(shares: Sequence[bytes]) -> tuple[bytes, int, int]:
    """Phase 2 reduce: each pair once. Returns the bucket's candidates (packed, in
    (a, b) order, as ``match.match`` orders them), their number, and the number of
    pairs compared."""
    seen: set[str] = set()
    unique: dict[tuple[str, str], Scored] = {}
    for data in shares:
        compared, hits = unpack(data)
        seen.update(compared)
        for rec in hits:
            unique.setdefault((rec[0], rec[1]), rec)
    found = [
        Candidate(a=a, b=b, block=label, score=round(s, 2))
        for (a, b), (_, _, s, label) in sorted(unique.items())
    ]
    return pack(found), len(found), len(seen)


def counts_of(final: tuple[bytes, int, int]) -> tuple[int, int]:
    """A candidate bucket's (candidates, pairs compared): what the driver reads of it."""
    return final[1], final[2]


def bucket_of(key: str, buckets: int) -> int:
    """The bucket of a key: stable across processes and runs (crc32, never hash())."""
    return zlib.crc32(key.encode("utf-8")) % buckets


def match_parts(claims: Sequence[Claim], groups: Groups, size: int) -> list[MatchPart]:
    """Claims sorted by id, cut into partitions of ``size``, each with its keys."""
    ordered = sorted(claims, key=lambda c: c.claim_id)
    parts = []
    for i in range(0, len(ordered), max(1, size)):
        chunk = tuple(ordered[i : i + size])
        ids = [c.claim_id for c in chunk]
        parts.append(
            MatchPart(
                claims=chunk,
                speaker_keys={
                    k: groups.speaker_keys_of[k] for k in ids if k in groups.speaker_keys_of
                },
                event_keys={k: groups.event_keys_of[k] for k in ids if k in groups.event_keys_of},
            )
        )
    return parts


def shuffle_match(
    client: Any,
    claims: Sequence[Claim],
    groups: Groups,
    *,
    buckets: int | None = None,
    claims_per_partition: int | None = None,
    progress: Progress | None = None,
) -> tuple[tuple[Candidate, ...], int]:
    """match.match, partitioned by block on the cluster: the same candidates and count
    (the claims are sent from the driver: see ``shuffle_parts``)."""
    if len(claims) < 2:
        return (), 0
    size = claims_per_partition or CLAIMS_PER_PARTITION
    parts = client.scatter(match_parts(claims, groups, size), hash=False)
    return shuffle_parts(client, parts, buckets=buckets, progress=progress)


def candidate_buckets(
    client: Any,
    parts: list[Any],
    *,
    buckets: int | None = None,
    progress: Progress | None = None,
) -> tuple[list[Any], int, int]:
    """match.match over map partitions already on the workers (futures of
    ``MatchPart``), partitioned by block: the candidates stay on the workers, cut
    by pair into buckets (futures of ``candidate_partition``'s results); returns
    them, the number of candidates and the number of pairs compared.

    Map partitions of claims make their pass entries; the entries are range-
    partitioned on their sort key into ``buckets`` (shuffled between workers);
    each bucket is sorted, paired within its windows (plus a halo from the next
    buckets) and scored on a worker; the scored pairs are shuffled by pair so a
    pair met in several passes is counted once. The driver sees only sort-key
    samples, the halos (``window - 1`` entries per bucket) and the candidates.
    """
    distributed = _distributed()
    nb = buckets or max(1, _n_workers(client) * BUCKETS_PER_WORKER)
    windows = pass_windows()
    halo_size = max(windows) - 1

    # document frequencies: per partition, then a tree of sums, all on the workers
    counts = [client.submit(word_counts, p, pure=False) for p in parts]
    while len(counts) > 1:
        counts = [
            client.submit(add_counts, counts[i : i + REDUCE_FANIN], pure=False)
            for i in range(0, len(counts), REDUCE_FANIN)
        ]
    [df] = counts

    # phase 1: entries, range-partitioned on their sort key
    entries = [client.submit(entry_partition, p, df, pure=False) for p in parts]
    del parts, counts  # the claims leave the workers once their entries are made
    samples = client.gather(
        [client.submit(sample_keys, e, SAMPLES_PER_BUCKET * nb, pure=False) for e in entries]
    )
    bounds = boundaries(samples, nb)
    nb = len(bounds) + 1
    splits = [client.submit(split_ranges, e, bounds, pure=False) for e in entries]
    del entries, df
    runs = [
        client.submit(merge_bucket, [client.submit(take, s, j, pure=False) for s in splits])
        for j in range(nb)
    ]
    del splits
    heads = client.gather([client.submit(head, r, halo_size, pure=False) for r in runs])
    scored = [
        client.submit(pair_bucket, r, halo_of(heads[j + 1 :], halo_size), windows, nb, pure=False)
        for j, r in enumerate(runs)
    ]
    del runs, heads
    # phase 2: scored pairs, by pair
    finals = [
        client.submit(
            candidate_partition, [client.submit(take, s, j, pure=False) for s in scored], pure=False
        )
        for j in range(nb)
    ]
    del scored
    counts = [client.submit(counts_of, f, pure=False) for f in finals]
    found = compared = 0
    for done, fut in enumerate(distributed.as_completed(counts), 1):
        n, k = fut.result()
        found += n
        compared += k
        fut.release()
        if progress is not None:
            progress("match", done, nb)
    return finals, found, compared


def shuffle_parts(
    client: Any,
    parts: list[Any],
    *,
    buckets: int | None = None,
    progress: Progress | None = None,
) -> tuple[tuple[Candidate, ...], int]:
    """``candidate_buckets``, the candidates read here: the same candidates and
    count as match.match (for tests and tools: the cross-reference never reads them)."""
    finals, _, compared = candidate_buckets(client, parts, buckets=buckets, progress=progress)
    candidates = [
        c
        for data in client.gather([client.submit(take, f, 0) for f in finals])
        for c in unpack(data)
    ]
    candidates.sort(key=lambda c: (c.a, c.b))
    return tuple(candidates), compared


# --------------------------------------------------------------------------- cross-reference


def _claims_of(results: Sequence[ArticleResult]) -> Iterator[Claim]:
    return (c for r in results for c in r.claims)


def group_map(results: Sequence[ArticleResult]) -> GroupMap:
    """Worker: group's map step over a partition (distinct keys with counts)."""
    from crosscheck.group import map_claims

    return map_claims(_claims_of(results))


def group_combine(maps: Sequence[GroupMap]) -> GroupMap:
    """Worker: maps combined (a node of the reduction tree)."""
    from crosscheck.group import combine_maps

    return combine_maps(maps)


def group_apply(results: Sequence[ArticleResult], merged: Merged) -> Applied:
    """Worker: group's apply step over a partition, from the broadcast merged tables."""
    from crosscheck.group import apply_claims

    return apply_claims(_claims_of(results), merged)


def entry_parts(applied: Applied) -> EntryParts:
    """Worker: a partition's share of the speaker and event entries, without their
    claim ids (counted: ``EntryParts.without_ids``); the ids stay in the partition's
    per-claim tables (``speaker_keys_of``, ``event_keys_of``), from which
    report.json's sections get them (``DaskEntries``)."""
    return applied.parts.without_ids()


def entry_shards(applied: Applied, shards: int) -> list[bytes]:
    """Worker: ``entry_parts`` cut by key (``bucket_of``) into shards, packed."""
    parts = entry_parts(applied)
    out = [EntryParts(counted=parts.counted) for _ in range(shards)]
    for key, s in parts.speakers.items():
        out[bucket_of(key, shards)].speakers[key] = s
    for key, e in parts.events.items():
        out[bucket_of(key, shards)].events[key] = e
    return [pack(x) for x in out]


def partition_keys(applied: Applied) -> tuple[list[str], list[str]]:
    """Worker: the speaker and event keys of a partition's claims."""
    return list(applied.parts.speakers), list(applied.parts.events)


def finish_shard(shares: Sequence[bytes]) -> Index:
    """Worker: ``group.finish`` over one shard of keys, from every partition's share."""
    from crosscheck.group import finish

    parts = EntryParts()
    for data in shares:
        parts.update(unpack(data))
    return finish(parts)


def group_tables(applied: Applied, names: tuple[dict[str, str], ...]) -> Groups:
    """Worker: the per-claim tables of a partition (``group.claim_tables``), from the
    display names of its keys; they stay on the workers."""
    from crosscheck.group import claim_tables

    speaker_names, event_names, event_heads = names
    return claim_tables(applied, speaker_names, event_names, event_heads)


def run_group(client: Any, ext: DaskExtraction) -> tuple[Index, list[Any]]:
    """``group.group`` on the cluster, in its three steps: map on the workers (each
    partition reduced to distinct keys with counts, the maps combined in a tree on
    the workers), the union-finds here over those distinct keys only, then the
    merged tables broadcast and applied on the workers. Each partition cuts its
    share of the entries (by canonical key: counts, roles, mentions, articles, the
    number of its claims, not their ids) into shards of keys, each shard's entries
    are made on a worker (``group.finish``; their ``claims`` are ``group.HeldIds``:
    a count) and joined here (``group.joined_indexes``), and each partition gets
    the display names of its keys to make its per-claim tables (canonical speaker
    and events, their keys), which stay on the workers.

    Returns the entries and the futures of the per-claim tables (a ``Groups``
    without entries per partition, in partition order)."""
    from crosscheck.group import finish, joined_indexes, merge

    maps = ext.map(group_map)
    while len(maps) > 1:
        maps = [
            client.submit(group_combine, maps[i : i + REDUCE_FANIN], pure=False)
            for i in range(0, len(maps), REDUCE_FANIN)
        ]
    if not maps:
        return finish(EntryParts()), []
    merged = merge(_fetch(client, _same, maps[0]))
    del maps
    [shared] = client.scatter([merged], broadcast=True, hash=False)
    del merged
    applied = ext.map(group_apply, shared)
    # the entries are made on the workers, a shard of keys each, and joined here one
    # shard at a time: the driver never holds every partition's shares at once
    nb = _n_workers(client)
    cut = [client.submit(entry_shards, a, nb, pure=False) for a in applied]
    finished = [
        client.submit(
            packed, finish_shard, [client.submit(take, c, k, pure=False) for c in cut], pure=False
        )
        for k in range(nb)
    ]
    del cut
    found = joined_indexes(_in_order(client, finished))
    del finished
    # each partition's keys (read in order, a few in flight) get their display names,
    # which go in the partition's task (its keys only), so that each table is made,
    # and stays, where its partition is
    tables = []
    for a, (speakers, events) in zip(applied, stream(client, partition_keys, applied), strict=True):
        names = (
            {k: found.speaker_names[k] for k in speakers},
            {k: found.event_names[k] for k in events},
            {k: found.event_heads[k] for k in events},
        )
        tables.append(client.submit(group_tables, a, names, pure=False))
    return found, tables


def partition_claims(results: Sequence[ArticleResult]) -> list[Claim]:
    """Worker: every claim of a partition."""
    return [c for r in results for c in r.claims]


def make_match_part(tables: Sequence[Groups], *partitions: bytes) -> MatchPart:
    """Worker: a map partition of the block shuffle from extraction partitions'
    claims (``packed(partition_claims, ...)``) and their per-claim tables."""
    claims = sorted((c for blob in partitions for c in unpack(blob)), key=lambda c: c.claim_id)
    speaker_keys: dict[str, tuple[str, ...]] = {}
    event_keys: dict[str, tuple[str, ...]] = {}
    for t in tables:
        speaker_keys.update(t.speaker_keys_of)
        event_keys.update(t.event_keys_of)
    return MatchPart(claims=tuple(claims), speaker_keys=speaker_keys, event_keys=event_keys)


def tables_for(tables: Groups, claims: Iterable[Claim]) -> Groups:
    """The rows of ``tables`` (a partition's per-claim tables) for ``claims``, and
    the names and heads of their event keys."""
    speaker_of: dict[str, str] = {}
    speaker_keys_of: dict[str, tuple[str, ...]] = {}
    event_keys_of: dict[str, tuple[str, ...]] = {}
    names: dict[str, str] = {}
    heads: dict[str, str] = {}
    for c in claims:
        cid = c.claim_id
        if cid in tables.speaker_of:
            speaker_of[cid] = tables.speaker_of[cid]
        if cid in tables.speaker_keys_of:
            speaker_keys_of[cid] = tables.speaker_keys_of[cid]
        eks = tables.event_keys_of.get(cid)
        if eks is not None:
            event_keys_of[cid] = eks
            for k in eks:
                names[k] = tables.event_names[k]
                heads[k] = tables.event_heads[k]
    return Groups(
        speaker_of=speaker_of,
        speaker_keys_of=speaker_keys_of,
        event_keys_of=event_keys_of,
        event_names=names,
        event_heads=heads,
    )


def joined_tables(pieces: Iterable[Groups]) -> Groups:
    """Per-claim tables of disjoint sets of claims, as one."""
    out = Groups()
    for t in pieces:
        out.speaker_of.update(t.speaker_of)
        out.speaker_keys_of.update(t.speaker_keys_of)
        out.event_keys_of.update(t.event_keys_of)
        out.event_names.update(t.event_names)
        out.event_heads.update(t.event_heads)
    return out


def claim_article(claim_id: str) -> str:
    """The article id of a claim id (``attribute`` numbers an article's claims
    ``"<article id>:<n>"``)."""
    return claim_id.rpartition(":")[0]


def partition_needs(first_ids: bytes, packed_pairs: bytes) -> list[bytes]:
    """Worker: the claim ids one bucket's pairs (packed candidates or verdicts) read,
    cut by the extraction partition that holds them (partitions are in article id
    order; ``first_ids``, packed, is each one's first article id): one packed list
    per partition."""
    firsts: Sequence[str] = unpack(first_ids)
    out: dict[int, set[str]] = defaultdict(set)
    for x in unpack(packed_pairs):
        for cid in (x.a, x.b):
            out[bisect.bisect_right(firsts, claim_article(cid)) - 1].add(cid)
    return [pack(sorted(out.get(j, ()))) for j in range(len(firsts))]


def route_claims(
    results: Sequence[ArticleResult],
    tables: Groups,
    needs: Sequence[bytes],
    events: bool = False,
) -> list[bytes]:
    """Worker: the claims of a partition that a bucket reads, with their rows of the
    per-claim tables, cut by bucket, packed: ``needs[k]`` (packed) lists this
    partition's claims that bucket ``k``'s pairs or verdicts read
    (``partition_needs``); with ``events``, each claim that gives an event a value
    goes to the event's bucket too (``event_bucket``; which events a claim gives a
    value is decided here, ``judge.event_value_keys``)."""
    from crosscheck.judge import event_value_keys

    buckets = len(needs)
    route: dict[str, list[int]] = defaultdict(list)
    for k, data in enumerate(needs):
        for cid in unpack(data):
            route[cid].append(k)
    out: list[list[Claim]] = [[] for _ in range(buckets)]
    for c in _claims_of(results):
        dest: Iterable[int] = route.get(c.claim_id, ())
        keys = tables.event_keys_of.get(c.claim_id) if events else None
        if keys:
            dest = sorted({*dest, *(event_bucket(k, buckets) for k in event_value_keys(c, keys))})
        for b in dest:
            out[b].append(c)
    return [pack((x, tables_for(tables, x))) for x in out]


def event_bucket(key: str, buckets: int) -> int:
    """The findings bucket that judges the event with the canonical key ``key``."""
    return bucket_of("event\x00" + key, buckets)


def owns_event(bucket: int, buckets: int, key: str) -> bool:
    return event_bucket(key, buckets) == bucket


def _joined_claims(shares: Sequence[bytes]) -> tuple[list[Claim], Groups]:
    """The claims routed to one bucket (``route_claims``' shares) and their table rows."""
    claims: dict[str, Claim] = {}
    pieces = []
    for s in shares:
        found, rows = unpack(s)
        claims.update((c.claim_id, c) for c in found)
        pieces.append(rows)
    return list(claims.values()), joined_tables(pieces)


def pair_order(items: Iterable[Any]) -> list[Any]:
    """Candidates or verdicts of pairs, in candidate order (each pair once: (a, b))."""
    return sorted(items, key=lambda x: (x.a, x.b))


def joined_pairs(shares: Sequence[bytes]) -> bytes:
    """Worker: packed lists of candidates or verdicts of disjoint sets of pairs, as
    one, in candidate order (packed)."""
    return pack(pair_order(x for data in shares for x in unpack(data)))


def _routed(
    client: Any, ext: DaskExtraction, tables: Sequence[Any], in_bucket: Sequence[Any], events: bool
) -> Callable[[int], list[Any]]:
    """Shuffle claims to buckets: each bucket's pairs or verdicts (``in_bucket``,
    futures, packed) say which claims it reads, cut by partition
    (``partition_needs``); every partition sends those claims, with their table
    rows, to their buckets (``route_claims``; with ``events``, also the claims that
    give an event a value, to their event's bucket). No table of every claim's
    buckets is made anywhere. Returns a function giving bucket ``k``'s shares."""
    [firsts] = client.scatter([pack(ext.first_ids)], broadcast=True, hash=False)
    needs = [client.submit(partition_needs, firsts, b, pure=False) for b in in_bucket]
    routed = [
        client.submit(
            route_claims,
            p,
            t,
            [client.submit(take, n, j, pure=False) for n in needs],
            events,
            pure=False,
        )
        for j, (p, t) in enumerate(zip(ext.parts, tables, strict=True))
    ]
    return lambda k: [client.submit(take, r, k, pure=False) for r in routed]


@gc_paused
def verdict_bucket(shares: Sequence[bytes], packed_cands: bytes) -> bytes:
    """Worker: ``judge.pair_verdicts`` over one bucket of candidate pairs (packed, in
    candidate order), with the claims of those pairs (from every partition) and
    their rows of ``group``'s tables. Returns the verdicts of the pairs that make a
    finding, in candidate order (packed)."""
    from crosscheck.judge import pair_verdicts

    cands: list[Candidate] = unpack(packed_cands)
    claims, tables = _joined_claims(shares)
    groups = Groups(
        speaker_of=tables.speaker_of,
        speaker_keys_of=tables.speaker_keys_of,
        event_keys_of=tables.event_keys_of,
    )
    return pack(pair_verdicts(claims, groups, cands))


def judge_pairs(
    client: Any, ext: DaskExtraction, tables: Sequence[Any], finals: Sequence[Any]
) -> list[Any]:
    """judge's pair pass within blocks, on the workers: the candidate buckets
    (``candidate_buckets``) are joined into one bucket of pairs per worker, each
    pair's two claims are shuffled there with their table rows, and each bucket
    judges its pairs. Returns the buckets' verdicts (futures, packed, in candidate
    order); they stay on the workers."""
    nb = min(len(finals), _n_workers(client))
    cands = [
        client.submit(
            joined_pairs,
            [client.submit(take, f, 0, pure=False) for f in finals[k::nb]],
            pure=False,
        )
        for k in range(nb)
    ]
    shares = _routed(client, ext, tables, cands, events=False)
    return [client.submit(verdict_bucket, shares(k), c, pure=False) for k, c in enumerate(cands)]


def bucket_roots(packed_verdicts: bytes) -> bytes:
    """Worker: the clusters of one bucket's verdicts, by claim id (packed)."""
    from crosscheck.judge import verdict_roots

    return pack(verdict_roots(unpack(packed_verdicts)))


def combined_roots(parts: Sequence[bytes]) -> bytes:
    """Worker: the clusters of several buckets' verdicts together (packed)."""
    from crosscheck.judge import merge_roots

    return pack(merge_roots(unpack(p) for p in parts))


def shard_roots(packed_roots: bytes, shards: int) -> list[bytes]:
    """Worker: the clusters by claim id, cut by claim id (``bucket_of``) into shards."""
    out: list[dict[tuple[int, str], dict[str, str]]] = [{} for _ in range(shards)]
    for cat, roots in unpack(packed_roots).items():
        for cid, root in roots.items():
            out[bucket_of(cid, shards)].setdefault(cat, {})[cid] = root
    return [pack(x) for x in out]


def shard_verdicts(packed_verdicts: bytes, shards: int) -> list[bytes]:
    """Worker: verdicts cut by their first claim id into the shards of ``shard_roots``."""
    out: list[list[Verdict]] = [[] for _ in range(shards)]
    for v in unpack(packed_verdicts):
        out[bucket_of(v.a, shards)].append(v)
    return [pack(x) for x in out]


def name_clusters(packed_roots: bytes, shares: Sequence[bytes], buckets: int) -> list[bytes]:
    """Worker: one shard's verdicts given their cluster (``judge.cluster_of``) and
    cut by it into the findings buckets (crc32 of its name), packed."""
    from crosscheck.judge import cluster_of

    roots = unpack(packed_roots)
    out: list[list[Verdict]] = [[] for _ in range(buckets)]
    for data in shares:
        for v in unpack(data):
            out[bucket_of(cluster_of(roots, v), buckets)].append(v)
    return [pack(x) for x in out]


@gc_paused
def findings_bucket(
    shares: Sequence[bytes], packed_verdicts: bytes, bucket: int, buckets: int
) -> list[Tagged]:
    """Worker: ``judge.judge_part`` over one findings bucket: the events whose key
    falls in it (``event_bucket``) and the clusters of its verdicts (packed, in
    candidate order), from the claims routed to it (``route_claims``) and their
    table rows. Returns tagged findings."""
    from crosscheck.judge import judge_part

    verdicts: list[Verdict] = unpack(packed_verdicts)
    claims, groups = _joined_claims(shares)
    return judge_part(claims, groups, verdicts, functools.partial(owns_event, bucket, buckets))


def judge_findings(
    client: Any,
    ext: DaskExtraction,
    tables: Sequence[Any],
    verdicts: Sequence[Any],
    buckets: int | None = None,
) -> tuple[Finding, ...]:
    """judge's findings on the workers, from the verdict buckets (futures of
    ``verdict_bucket``). The verdicts are clustered by claim id where they are
    (``judge.verdict_roots``, then ``judge.merge_roots`` in a tree); the clusters,
    cut by claim id into shards, name the verdicts' clusters, and each cluster goes
    to a findings bucket (crc32 of its name), as each event key does
    (``event_bucket``); the claims of the clusters' verdicts and those that give an
    event a value are shuffled there from their partitions with their table rows,
    each bucket makes its findings (``judge.judge_part``), and only the findings
    come to the driver (``judge.ordered``)."""
    from crosscheck.judge import ordered

    nb = buckets or _n_workers(client)
    if verdicts:
        roots = [client.submit(bucket_roots, v, pure=False) for v in verdicts]
        while len(roots) > 1:
            roots = [
                client.submit(combined_roots, roots[i : i + REDUCE_FANIN], pure=False)
                for i in range(0, len(roots), REDUCE_FANIN)
            ]
        shards = client.submit(shard_roots, roots[0], nb, pure=False)
        cut = [client.submit(shard_verdicts, v, nb, pure=False) for v in verdicts]
        named = [
            client.submit(
                name_clusters,
                client.submit(take, shards, s, pure=False),
                [client.submit(take, c, s, pure=False) for c in cut],
                nb,
                pure=False,
            )
            for s in range(nb)
        ]
        in_bucket = [
            client.submit(
                joined_pairs, [client.submit(take, n, k, pure=False) for n in named], pure=False
            )
            for k in range(nb)
        ]
        del roots, shards, cut, named
    else:
        in_bucket = [client.submit(pack, [], pure=False) for _ in range(nb)]
    shares = _routed(client, ext, tables, in_bucket, events=True)
    judged = [
        client.submit(packed, findings_bucket, shares(k), x, k, nb, pure=False)
        for k, x in enumerate(in_bucket)
    ]
    return ordered(t for part in map(unpack, client.gather(judged)) for t in part)


def _match_groups(part_claims: Sequence[int], size: int) -> list[list[int]]:
    """Consecutive extraction partitions, about ``size`` claims per map partition."""
    out: list[list[int]] = []
    held = 0
    for j, n in enumerate(part_claims):
        if not out or held >= size:
            out.append([])
            held = 0
        out[-1].append(j)
        held += n
    return out


@dataclass(frozen=True, eq=False)
class DaskCrossReference(CrossReference, RemoteEntrySource):
    """A ``CrossReference`` whose per-claim tables stay on the workers: ``speaker_of``
    and ``events_of`` are empty here; ``tables`` holds, per extraction partition (in
    order), the future of its claims' tables (a ``Groups`` without entries), which
    the report files read where the claims are (``DaskClaims``). The entries'
    claim ids stay there too: their ``claims`` are ``group.HeldIds`` (a count), and
    report.json's sections get the ids from the tables (``DaskEntries``)."""

    tables: tuple[Any, ...] = ()

    def entry_rows(self, kind: str) -> RemoteEntries:
        from crosscheck.report import event_sort_key, speaker_sort_key

        client = self.tables[0].client if self.tables else None
        if kind == "speakers":
            speakers = sorted(self.speakers, key=speaker_sort_key)
            return DaskEntries(client, self.tables, speakers, events=False)
        if kind == "events":
            events = sorted(self.events, key=event_sort_key)
            return DaskEntries(client, self.tables, events, events=True)
        raise CrosscheckError(f"no entries {kind!r}", hint="speakers or events")

    def entries_with_ids(self) -> tuple[tuple[SpeakerEntry, ...], tuple[EventEntry, ...]]:
        """The entries with their claim ids, read from the workers (for tests and
        tools: the report never asks)."""
        speaker_ids: dict[str, set[str]] = defaultdict(set)
        event_ids: dict[str, set[str]] = defaultdict(set)
        for fut in self.tables:
            t: Groups = _fetch(fut.client, _same, fut)
            for ids, keys_of in ((speaker_ids, t.speaker_keys_of), (event_ids, t.event_keys_of)):
                for cid, keys in keys_of.items():
                    for key in keys:
                        ids[key].add(cid)
        speakers = tuple(
            replace(e, claims=tuple(sorted(speaker_ids[e.key]))) for e in self.speakers
        )
        events = tuple(replace(e, claims=tuple(sorted(event_ids[e.key]))) for e in self.events)
        return speakers, events

    def claim_tables(self) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
        """Every claim's canonical speaker and events, read from the workers (for
        tests and tools: the report never asks)."""
        speaker_of: dict[str, str] = {}
        events_of: dict[str, tuple[str, ...]] = {}
        for fut in self.tables:
            t: Groups = _fetch(fut.client, _same, fut)
            speaker_of.update(t.speaker_of)
            events_of.update(t.events_of)
        return dict(sorted(speaker_of.items())), dict(sorted(events_of.items()))


def run_cross_reference(
    extraction: Extraction,
    *,
    jobs: int = 1,
    scheduler: str | None = None,
    progress: Progress,
) -> DaskCrossReference:
    """group's map and apply steps on the cluster (its union-finds here, over
    distinct keys), match by block on the cluster, and judge on the cluster: its
    pairs, the clustering of their verdicts and the findings (events and
    clusters). Of matching and judging, the driver reads counts and the findings."""
    if isinstance(extraction, DaskExtraction):
        client = extraction.client  # where its partitions live
    else:
        client = get_client(jobs, scheduler)
    ext = distribute(client, extraction)
    progress("group", 0, None)
    found, tables = run_group(client, ext)

    progress("match", 0, None)
    finals: list[Any] = []
    n_candidates = compared = 0
    if ext.n_claims >= 2:
        layout = _match_groups(ext.part_claims, CLAIMS_PER_PARTITION)
        parts = [
            client.submit(
                make_match_part,
                [tables[j] for j in members],
                *[
                    client.submit(packed, partition_claims, ext.parts[j], pure=False)
                    for j in members
                ],
                pure=False,
            )
            for members in layout
        ]
        finals, n_candidates, compared = candidate_buckets(client, parts, progress=progress)

    progress("judge", 0, None)
    verdicts = judge_pairs(client, ext, tables, finals) if n_candidates else []
    del finals
    findings = judge_findings(client, ext, tables, verdicts)
    return DaskCrossReference(
        speakers=found.speakers,
        events=found.events,
        findings=findings,
        pairs_compared=compared,
        tables=tuple(tables),
    )
