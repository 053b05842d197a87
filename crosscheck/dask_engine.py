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
    ``group`` runs on the driver over the claims (it is a corpus-wide
    union-find over speakers and events). ``match`` runs on the cluster as a
    shuffle (``shuffle_match``): claims are cut into partitions sorted by id; the
    document frequency of words is summed on the workers; each partition makes
    the (pass, block key, content words rarest first, claim) entries that
    ``match.match`` sorts, and the entries are range-partitioned on that key, so
    the claims of one block meet in one bucket (or two consecutive ones for a very
    big block). Each bucket is sorted and paired within the pass windows on a
    worker, with the first ``window - 1`` entries of the following buckets as a
    halo, filtered and scored there; the scored pairs are shuffled by pair so a
    pair met in several passes is counted once. Shares travel as pickled bytes
    (``pack``). The driver receives only the sort-key samples, the halos and the
    candidates. ``judge`` runs on the driver (its event findings read every claim
    of an event, across blocks). The entries, windows, filter, scores and labels
    mirror ``match.match`` step for step; tests/test_dask.py holds them equal.

What the driver holds
    The ``Extraction`` (every article with its text, every claim), ``group``'s
    ``Groups`` and the ``CrossReference``: the report is a value made of them
    (report.json lists every claim, report.html every article's text), so the
    driver does hold the corpus's results once. It never holds matching's working
    set (word frequencies, entries, pairs, scores), which lives on the workers,
    and it reads the input as a bounded window.
"""

from __future__ import annotations

import atexit
import bisect
import gc
import heapq
import logging
import pickle
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import wraps
from typing import Any, NamedTuple, ParamSpec, TypeVar

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from crosscheck import engine
from crosscheck.engine import chunked, extract_chunk
from crosscheck.errors import CrosscheckError
from crosscheck.group import Groups, claim_text, content_words, incident_keys, main_clause
from crosscheck.match import _label
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
from crosscheck.rules import matching as R

INSTALL_HINT = "pip install 'crosscheck[dask]'"

# Chunks (of engine.CHUNK_ARTICLES articles) submitted but not yet collected, per worker.
INFLIGHT_PER_WORKER = 3

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
def candidate_partition(shares: Sequence[bytes]) -> tuple[list[Candidate], int]:
    """Phase 2 reduce: each pair once; the candidates and the number of pairs compared."""
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
    return found, len(seen)


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
    """match.match, partitioned by block on the cluster: the same candidates and count.

    Map partitions of claims make their pass entries; the entries are range-
    partitioned on their sort key into ``buckets`` (shuffled between workers);
    each bucket is sorted, paired within its windows (plus a halo from the next
    buckets) and scored on a worker; the scored pairs are shuffled by pair so a
    pair met in several passes is counted once. The driver sees only sort-key
    samples, the halos (``window - 1`` entries per bucket) and the candidates.
    """
    distributed = _distributed()
    if len(claims) < 2:
        return (), 0
    nb = buckets or max(1, _n_workers(client) * BUCKETS_PER_WORKER)
    size = claims_per_partition or CLAIMS_PER_PARTITION
    windows = pass_windows()
    halo_size = max(windows) - 1
    parts = client.scatter(match_parts(claims, groups, size), hash=False)

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
    candidates: list[Candidate] = []
    compared = 0
    for done, fut in enumerate(distributed.as_completed(finals), 1):
        found, n = fut.result()
        candidates.extend(found)
        compared += n
        fut.release()
        if progress is not None:
            progress("match", done, nb)
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

    client = get_client(jobs, scheduler)
    claims = extraction.claims
    progress("group", 0, None)
    groups = group.group(claims)
    progress("match", 0, None)
    candidates, compared = shuffle_match(client, claims, groups, progress=progress)
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
