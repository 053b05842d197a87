"""``--engine dask``: the same stages on a dask.distributed cluster.

dask is an optional extra (``pip install 'crosscheck[dask]'``) and is imported
only when this engine is used.

Cluster
    By default a ``LocalCluster`` of ``jobs`` worker processes (one thread each,
    no dashboard, logs silenced). With ``scheduler="tcp://HOST:PORT"`` the client
    connects to an existing cluster instead; its workers must have the same
    version of crosscheck installed. One client per (scheduler, jobs) is kept for
    the life of the process, so extraction and cross-referencing share it.

Extraction (partitioned by article)
    The driver reads the ingest stream lazily and cuts it into chunks (the same
    chunks as the local pool, ``engine.chunked``); at most ``INFLIGHT_PER_WORKER``
    chunks per worker are in flight, and finished chunks are collected as they
    complete. The driver therefore holds a bounded window of *input*; the workers
    need no shared file system. The *results* come back to the driver, because
    the ``Extraction`` returned to the pipeline is a value (the reports need every
    article's text).

Cross-referencing (partitioned by block)
    ``group`` runs on the driver over the claims. Matching then runs as two
    shuffles on the cluster. Phase 1: the claims are cut into partitions; a map
    task per partition computes every claim's block keys and splits
    ``(key, claim)`` pairs into ``B`` buckets by a stable hash of the key (crc32,
    never Python's salted ``hash``); one reduce task per bucket collects its share
    of every map output (only that share moves between workers), forms the
    blocks, lists the pairs to compare in each and scores them. Phase 2 shuffles
    the scored pairs by pair, so a pair met in several blocks is counted once and
    labelled with its first block, exactly as ``match.match`` does. The driver
    collects the candidates and judges them. This needs ``match`` cut at its
    block boundary (``BLOCK_INTERFACE``, below); while ``match`` does not offer
    it, the cross-reference runs through ``pipeline.cross_reference`` on the
    driver.
"""

from __future__ import annotations

import atexit
import logging
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from crosscheck import engine
from crosscheck.engine import chunked, extract_chunk
from crosscheck.errors import CrosscheckError
from crosscheck.progress import Progress
from crosscheck.records import (
    Article,
    ArticleResult,
    Candidate,
    Claim,
    CrossReference,
    Extraction,
    Skipped,
)

INSTALL_HINT = "pip install 'crosscheck[dask]'"

# Chunks (of engine.CHUNK_ARTICLES articles) submitted but not yet collected, per worker.
INFLIGHT_PER_WORKER = 3

# Claims per map partition of the block shuffle, and reduce buckets per worker.
CLAIMS_PER_PARTITION = 20_000
BUCKETS_PER_WORKER = 4


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
    """Close every client (and LocalCluster) this process started."""
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


# --------------------------------------------------------------------------- extraction


def _stream(
    client: Any, items: Iterable[Article | Skipped], progress: Progress
) -> Iterator[ArticleResult | Skipped]:
    """Submit chunks with a bounded window; yield their results in input order."""
    distributed = _distributed()
    limit = _n_workers(client) * INFLIGHT_PER_WORKER
    chunks = chunked(items, engine.CHUNK_ARTICLES, engine.CHUNK_BYTES)
    pending: dict[Any, int] = {}
    ready: dict[int, list[ArticleResult | Skipped]] = {}
    submitted = emitted = done = 0
    exhausted = False
    try:
        while True:
            while not exhausted and len(pending) + len(ready) < limit:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                    break
                # scattered, not embedded in the task: big chunks stay out of the graph
                [data] = client.scatter([chunk], hash=False)
                fut = client.submit(extract_chunk, data, pure=False)
                pending[fut] = submitted
                submitted += 1
            if not pending:
                break
            finished = distributed.wait(list(pending), return_when="FIRST_COMPLETED").done
            for fut in finished:
                ready[pending.pop(fut)] = fut.result()
                fut.release()
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
    scheduler: str | None = None,
    progress: Progress,
) -> Extraction:
    """The per-article stages on the cluster, partitioned by article (chunks)."""
    from crosscheck.pipeline import assemble

    client = get_client(jobs, scheduler)
    return assemble(_stream(client, items, progress))


# --------------------------------------------------------------------------- block shuffle
#
# The shuffle needs the match stage cut at its block boundary. The interface it
# expects from crosscheck.match (see BLOCK_INTERFACE) is:
#
#   block_stats(claims) -> S                   corpus statistics the keys depend on
#                                              (e.g. word document frequencies); picklable
#   block_keys(claim, groups, stats) -> tuple[str, ...]
#                                              the blocks one claim belongs to
#   block_pairs(key, members, groups) -> Sequence[tuple[int, int]]
#                                              the pairs (i < j) to compare inside one
#                                              block; members sorted by claim_id
#   score_pairs(pairs, *, jobs=1) -> Sequence[float]
#                                              the Candidate score of each (Claim, Claim)
#   CANDIDATE_CUTOFF: float                    pairs scoring >= this are candidates
#
# with match.match(claims, groups, jobs) equal to: blocks of >= 2 claims from
# block_keys; in each block (keys in sorted order) the pairs of block_pairs; a pair
# found in several blocks labelled with the first; compared = the unique pairs;
# candidates = pairs scoring >= CANDIDATE_CUTOFF, sorted by (a, b).

BLOCK_INTERFACE: tuple[str, ...] = (
    "block_stats",
    "block_keys",
    "block_pairs",
    "score_pairs",
    "CANDIDATE_CUTOFF",
)


@dataclass(frozen=True)
class BlockFunctions:
    """The match stage cut at its block boundary (pickled by reference into tasks)."""

    block_stats: Callable[[Sequence[Claim]], Any]
    block_keys: Callable[[Claim, Any, Any], tuple[str, ...]]
    block_pairs: Callable[[str, Sequence[Claim], Any], Sequence[tuple[int, int]]]
    score_pairs: Callable[..., Sequence[float]]
    cutoff: float

    @classmethod
    def from_match(cls) -> BlockFunctions | None:
        """The functions from crosscheck.match, or None while it does not offer them."""
        from crosscheck import match

        if not all(hasattr(match, name) for name in BLOCK_INTERFACE):
            return None
        m: Any = match
        return cls(m.block_stats, m.block_keys, m.block_pairs, m.score_pairs, m.CANDIDATE_CUTOFF)


Scored = tuple[str, str, str, float]  # (claim a, claim b, block, score)


def bucket_of(key: str, buckets: int) -> int:
    """The reduce bucket of a key: stable across processes and runs (never hash())."""
    return zlib.crc32(key.encode("utf-8")) % buckets


def key_partition(
    claims: Sequence[Claim], groups: Any, stats: Any, buckets: int, fns: BlockFunctions
) -> list[list[tuple[str, Claim]]]:
    """Phase 1 map: ``(block key, claim)`` pairs, split into buckets by key."""
    out: list[list[tuple[str, Claim]]] = [[] for _ in range(buckets)]
    for claim in claims:
        for key in sorted(set(fns.block_keys(claim, groups, stats))):
            out[bucket_of(key, buckets)].append((key, claim))
    return out


def take(parts: Sequence[Sequence[Any]], index: int) -> Sequence[Any]:
    """One bucket of one map output (runs where the map output lives)."""
    return parts[index]


def pair_partition(
    shares: Sequence[Sequence[tuple[str, Claim]]], groups: Any, buckets: int, fns: BlockFunctions
) -> list[list[Scored]]:
    """Phase 1 reduce: form this bucket's blocks, list and score their pairs.

    A pair met in several blocks of this bucket is kept once, with the first key;
    the output is split into phase 2 buckets by pair, where the pairs from other
    buckets meet it.
    """
    blocks: dict[str, dict[str, Claim]] = defaultdict(dict)
    for share in shares:
        for key, claim in share:
            blocks[key][claim.claim_id] = claim
    first: dict[tuple[str, str], str] = {}
    claim_of: dict[str, Claim] = {}
    for key in sorted(blocks):
        if len(blocks[key]) < 2:
            continue
        members = [blocks[key][cid] for cid in sorted(blocks[key])]
        for i, j in fns.block_pairs(key, members, groups):
            ca, cb = members[i], members[j]
            first.setdefault((ca.claim_id, cb.claim_id), key)
            claim_of.setdefault(ca.claim_id, ca)
            claim_of.setdefault(cb.claim_id, cb)
    pairs = sorted(first)
    scores = fns.score_pairs([(claim_of[a], claim_of[b]) for a, b in pairs], jobs=1)
    out: list[list[Scored]] = [[] for _ in range(buckets)]
    for (a, b), score in zip(pairs, scores, strict=True):
        out[bucket_of(a + "\x00" + b, buckets)].append((a, b, first[(a, b)], float(score)))
    return out


def candidate_partition(
    shares: Sequence[Sequence[Scored]], cutoff: float
) -> tuple[list[Candidate], int]:
    """Phase 2 reduce: one record per pair (first block wins), the candidates, the count."""
    best: dict[tuple[str, str], tuple[str, float]] = {}
    for share in shares:
        for a, b, key, score in share:
            seen = best.get((a, b))
            if seen is None or key < seen[0]:
                best[(a, b)] = (key, score)
    found = [
        Candidate(a=a, b=b, block=key, score=score)
        for (a, b), (key, score) in sorted(best.items())
        if score >= cutoff
    ]
    return found, len(best)


def _partitions(claims: Sequence[Claim], size: int) -> list[Sequence[Claim]]:
    return [claims[i : i + size] for i in range(0, len(claims), size)] or [()]


def shuffle_match(
    client: Any,
    claims: Sequence[Claim],
    groups: Any,
    fns: BlockFunctions,
    *,
    progress: Progress | None = None,
) -> tuple[tuple[Candidate, ...], int]:
    """match, partitioned by block on the cluster: the same result as match.match.

    Phase 1 shuffles ``(key, claim)`` by block key and lists and scores each
    block's pairs; phase 2 shuffles the scored pairs by pair, so a pair met in
    several blocks is counted once and labelled with its first block.
    """
    distributed = _distributed()
    buckets = max(1, _n_workers(client) * BUCKETS_PER_WORKER)
    stats = fns.block_stats(claims)
    [groups_f, stats_f] = client.scatter([groups, stats], broadcast=True)
    parts = client.scatter(_partitions(claims, CLAIMS_PER_PARTITION), hash=False)
    maps = [
        client.submit(key_partition, part, groups_f, stats_f, buckets, fns, pure=False)
        for part in parts
    ]
    scored = [
        client.submit(
            pair_partition,
            [client.submit(take, m, j, pure=False) for m in maps],
            groups_f,
            buckets,
            fns,
            pure=False,
        )
        for j in range(buckets)
    ]
    finals = [
        client.submit(
            candidate_partition,
            [client.submit(take, s, j, pure=False) for s in scored],
            fns.cutoff,
            pure=False,
        )
        for j in range(buckets)
    ]
    candidates: list[Candidate] = []
    compared = 0
    for done, fut in enumerate(distributed.as_completed(finals), 1):
        found, n = fut.result()
        candidates.extend(found)
        compared += n
        if progress is not None:
            progress("match", done, buckets)
    candidates.sort(key=lambda c: (c.a, c.b))
    return tuple(candidates), compared


def run_cross_reference(
    extraction: Extraction,
    *,
    jobs: int = 1,
    scheduler: str | None = None,
    progress: Progress,
) -> CrossReference:
    """group on the driver, match by block on the cluster, judge on the driver."""
    from crosscheck import group, judge
    from crosscheck.pipeline import cross_reference

    fns = BlockFunctions.from_match()
    if fns is None:
        # TODO(match): match.py does not offer the block interface above yet, so the
        # whole cross-reference runs on the driver, exactly as with the local engine.
        return cross_reference(extraction, jobs=jobs, progress=progress)

    client = get_client(jobs, scheduler)
    claims = extraction.claims
    progress("group", 0, None)
    groups = group.group(claims)
    progress("match", 0, None)
    candidates, compared = shuffle_match(client, claims, groups, fns, progress=progress)
    progress("judge", 0, None)
    findings = judge.judge(claims, groups, candidates)
    return CrossReference(
        speakers=groups.speakers,
        events=groups.events,
        findings=findings,
        speaker_of=groups.speaker_of,
        events_of=groups.events_of,
        pairs_compared=compared,
    )
