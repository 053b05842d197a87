"""Match stage: candidate pairs of claims that may speak about the same thing.

Never all pairs of the corpus: multi-pass sorted neighbourhood over block keys.
Each claim has keys of these kinds:

- ``event:KEY`` — each canonical event it mentions;
- ``speaker:KEY`` — its canonical person or organisation (not narration, anonymous
  sources or documents: those are local to an article);
- ``incident:PLACE@DATE`` — a number for one place on one day (``incident_keys``);
- ``word:W`` — its ``RARE_WORDS_PER_CLAIM`` rarest content words (document frequency
  over claims between 2 and ``RARE_WORD_MAX_DF``): two contents saying the same thing
  share their rare words (names, numbers, unusual verbs).

One pass per kind (one per rank of rare word): the pass's (key, content words rarest
first) entries are sorted, so that the claims of one block sit together and, inside
it, near duplicates and close paraphrases sit side by side; each entry is compared
with the next ``window - 1`` entries (``MAX_BLOCK`` for events, speakers and
incidents, ``WORD_BLOCK_WINDOW`` for words). A pass over m entries costs at most
m * (window - 1) comparisons, whatever the block sizes: the cost grows linearly with
the corpus. (A window may reach past the end of a small block into the next one:
those comparisons are wasted but bounded.) A pair is kept if its claims come from
different articles, or from one article but different speakers and non-overlapping
content spans.

Pairs are deduplicated across passes and scored once with rapidfuzz's
``token_set_ratio`` on the normalised contents, then on the main clauses for the pairs
below the cut-off when either claim has a main clause shorter than its content, using
``jobs`` threads, chunk by chunk (with more than one job in a background thread while
the candidates of the chunks already scored are labelled: the scorers release the
GIL). With the compiled build the scorer is the C kernel ``_tokenset`` (``_runs``,
``_run_scores``): the same scores, from every text given once as word ids instead of
split, sorted and decomposed again for each pair; the pure Python build calls
rapidfuzz (``process.cpdist``, ``_final_scores``). Each claim's content words come from
``group`` (``text_facts``, computed once for match and judge); their document
frequencies, the rarity order and the rare words are found with numpy for all claims
at once (``_contents``); entries are sorted as integer codes (block key rank, claim rank by rarity), in the order of the (key,
rarity, claim) tuples that ``dask_engine`` sorts. Pairs at or above
``CANDIDATE_CUTOFF`` become ``Candidate`` records, labelled with the block they share
(a shared event, incident, speaker, else their rarest shared word, else
``similar:``).
"""

from __future__ import annotations

import operator
import queue
import threading
from collections.abc import Callable, Generator, Iterator, Sequence
from itertools import chain, compress, repeat
from operator import attrgetter
from typing import NamedTuple, TypeVar, cast

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from crosscheck.gctools import gc_paused
from crosscheck.group import Groups, text_facts
from crosscheck.group import claim_text as claim_text
from crosscheck.group import incident_keys as incident_keys
from crosscheck.group import main_clause as main_clause
from crosscheck.records import Candidate, Claim
from crosscheck.rules import matching as R


def _ranked(keys: list[str]) -> dict[str, int]:
    """Each distinct key -> its rank in string order."""
    return {k: r for r, k in enumerate(sorted(set(keys)))}


def _neighbours(
    codes: list[int] | npt.NDArray[np.int64], by_rank: npt.NDArray[np.int64], n: int, window: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Sorted neighbourhood over entries coded ``key rank * n + claim rank`` (the
    claims ranked by (rarity, index)): sort them (the order of the (key, rarity,
    claim) tuples) and pair each entry with the next ``window - 1`` ones. Exactly
    len(entries) * (window - 1) pairs at most."""
    if len(codes) < 2:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    arr = np.sort(np.asarray(codes, dtype=np.int64))
    order = by_rank[arr % n]
    a_parts, b_parts = [], []
    for d in range(1, min(window, len(order))):
        a_parts.append(order[:-d])
        b_parts.append(order[d:])
    return np.concatenate(a_parts), np.concatenate(b_parts)


def _label(
    keyed_a: dict[str, list[str]],
    keyed_b: dict[str, list[str]],
    rare_a: list[str],
    rare_b: list[str],
) -> str:
    """The block that brings two claims together: a shared event, incident or speaker,
    else their rarest shared word, else 'similar' (sorted-neighbourhood neighbours)."""
    for kind in ("event", "incident", "speaker"):
        shared = [k for k in keyed_a[kind] if k in keyed_b[kind]]
        if shared:
            return f"{kind}:{shared[0]}"
    rb = set(rare_b)
    for w in rare_a:
        if w in rb:
            return f"word:{w}"
    return "similar:"


def match(
    claims: Sequence[Claim], groups: Groups, *, jobs: int = 1
) -> tuple[tuple[Candidate, ...], int]:
    """Candidate pairs (score >= CANDIDATE_CUTOFF) and the number of pairs compared."""
    with gc_paused():
        return _match(claims, groups, jobs)


#: Pairs scored per call of the scorer: the texts of a call are listed in Python, so
#: this bounds the memory of scoring (millions of pairs in a big corpus).
SCORE_CHUNK = 200_000


def _scores(
    texts: Sequence[str] | npt.NDArray[np.object_],
    lo: npt.NDArray[np.int64],
    hi: npt.NDArray[np.int64],
    workers: int,
) -> npt.NDArray[np.float64]:
    """token_set_ratio of texts[lo[k]] and texts[hi[k]] for every k, in chunks (the
    texts of a chunk picked by numpy indexing of an object array, not listed in
    Python)."""
    arr = texts if isinstance(texts, np.ndarray) else _objects(texts)
    out = np.empty(len(lo), dtype=np.float64)
    for s in range(0, len(lo), SCORE_CHUNK):
        e = s + SCORE_CHUNK
        out[s:e] = np.asarray(
            process.cpdist(
                arr[lo[s:e]].tolist(),
                arr[hi[s:e]].tolist(),
                scorer=fuzz.token_set_ratio,
                workers=workers,
            ),
            dtype=np.float64,
        )
    return out


def _final_scores(
    full: npt.NDArray[np.object_],
    main: npt.NDArray[np.object_],
    shorter: npt.NDArray[np.bool_],
    lo: npt.NDArray[np.int64],
    hi: npt.NDArray[np.int64],
    workers: int,
) -> Iterator[tuple[int, npt.NDArray[np.float64]]]:
    """(start, scores of the pairs start, start + 1, ...) chunk by chunk: the score of
    the contents, and for the pairs the whole contents did not bring together the
    better of it and the score of the main clauses (a pair whose main clauses are
    both the whole contents scores the same again: ``shorter`` marks the claims
    whose main clause is shorter than the content)."""
    for start in range(0, len(lo), SCORE_CHUNK):
        a, b = lo[start : start + SCORE_CHUNK], hi[start : start + SCORE_CHUNK]
        score = _scores(full, a, b, workers)
        low = np.nonzero((score < R.CANDIDATE_CUTOFF) & (shorter[a] | shorter[b]))[0]
        if len(low):
            score[low] = np.maximum(score[low], _scores(main, a[low], b[low], workers))
        yield start, score


_T = TypeVar("_T")
_V = TypeVar("_V")


def _in_background(items: Iterator[_T]) -> Generator[_T, None, None]:
    """The items, made by a background thread while the caller uses the ones made
    (an exception raised making them is raised here). The queue is unbounded, so the
    thread never waits for the caller; if the caller stops early (an exception, or
    the generator closed), the thread stops after the item it is making."""
    made: queue.SimpleQueue[tuple[bool, _T | BaseException | None]] = queue.SimpleQueue()
    stop = threading.Event()

    def run() -> None:
        try:
            for item in items:
                if stop.is_set():
                    return
                made.put((True, item))
            made.put((False, None))
        except BaseException as exc:  # handed to the caller
            made.put((False, exc))

    thread = threading.Thread(target=run, name="crosscheck-match-scores", daemon=True)
    thread.start()
    try:
        while True:
            more, item = made.get()
            if not more:
                thread.join()
                if isinstance(item, BaseException):
                    raise item
                return
            yield item  # type: ignore[misc]
    finally:
        stop.set()


def _objects(items: Sequence[str]) -> npt.NDArray[np.object_]:
    """The strings as a one-dimensional numpy object array."""
    arr = np.empty(len(items), dtype=object)
    arr[:] = items
    return arr


def _joined(
    vocabulary: npt.NDArray[np.object_],
    lengths: npt.NDArray[np.int64],
    ids: npt.NDArray[np.int64],
    counts: npt.NDArray[np.int64],
) -> list[str]:
    """``" ".join`` of each run of words: run i is the next ``counts[i]`` words, given
    as indexes ``ids`` into ``vocabulary`` (whose words are ``lengths`` long). All the
    words are joined at once and each run is sliced out of that text at offsets numpy
    computes from the lengths: one join and a slice per run instead of a join per
    run."""
    n = len(counts)
    if not len(ids):
        return [""] * n
    text = " ".join(vocabulary[ids].tolist())
    # where each word ends, plus the space after it (made in place: one array of the
    # words' size)
    after = lengths[ids]
    after += 1
    np.cumsum(after, out=after)
    filled = counts > 0
    last = np.cumsum(counts)[filled] - 1
    first = last - counts[filled] + 1
    starts: list[int] = (after[first] - lengths[ids[first]] - 1).tolist()
    ends: list[int] = (after[last] - 1).tolist()
    del after
    runs = [text[s:e] for s, e in zip(starts, ends, strict=True)]
    if len(runs) == n:
        return runs
    out = np.full(n, "", dtype=object)
    out[filled] = runs
    return out.tolist()


def _contents(
    word_lists: Sequence[tuple[str, ...]],
    texts: bool = True,
) -> tuple[
    list[str] | None,
    npt.NDArray[np.object_],
    npt.NDArray[np.int64],
    npt.NDArray[np.int64],
    npt.NDArray[np.int64],
]:
    """The normalised content of each claim to score, ``" ".join(sorted(set(words)))``
    (``token_set_ratio`` depends only on the set of words of each text, so each text
    is given as its distinct words in order: the same score, and the scorer's own sort
    finds them sorted), and its tokens ``full[i].split()``: the vocabulary (the
    distinct tokens, sorted), every claim's tokens in order as vocabulary indexes,
    end to end, and their number per claim.

    Content words hold no whitespace and are not empty (``group``'s word pattern), so
    the tokens of a content are its distinct words: found for all claims at once with
    numpy. Also the length of each word of the vocabulary. Should a word break that rule the contents are joined and split claim by
    claim (the same tokens, slower).

    ``texts=False`` leaves the contents unjoined (None instead) when the words keep that
    rule: the tokens are then all the scorer needs (``_tokenset``)."""
    n = len(word_lists)
    flat = list(chain.from_iterable(word_lists))
    vocabulary = sorted(set(flat))
    if " ".join(vocabulary).split() == vocabulary:  # no word is empty or holds whitespace
        size = max(len(vocabulary), 1)
        alpha = dict(zip(vocabulary, range(len(vocabulary)), strict=True))
        ids = np.fromiter(map(alpha.__getitem__, flat), dtype=np.int64, count=len(flat))
        claim = np.repeat(
            np.arange(n, dtype=np.int64),
            np.fromiter(map(len, word_lists), dtype=np.int64, count=n),
        )
        # each claim's distinct words in word order
        coded = np.sort(claim * size + ids)
        first = np.ones(len(coded), dtype=bool)
        first[1:] = coded[1:] != coded[:-1]
        coded = coded[first]
        tokens = coded % size
        counts = np.bincount(coded // size, minlength=n).astype(np.int64)
        words = _objects(vocabulary)
        lengths = np.fromiter(map(len, vocabulary), dtype=np.int64, count=len(vocabulary))
        joined = _joined(words, lengths, tokens, counts) if texts else None
        return joined, words, lengths, tokens, counts
    full = [" ".join(sorted(set(ws))) for ws in word_lists]
    split = [t.split() for t in full]
    flat = list(chain.from_iterable(split))
    vocabulary = sorted(set(flat))
    alpha = dict(zip(vocabulary, range(len(vocabulary)), strict=True))
    tokens = np.fromiter(map(alpha.__getitem__, flat), dtype=np.int64, count=len(flat))
    counts = np.fromiter(map(len, split), dtype=np.int64, count=n)
    lengths = np.fromiter(map(len, vocabulary), dtype=np.int64, count=len(vocabulary))
    return full, _objects(vocabulary), lengths, tokens, counts


_NO_KEYS: list[str] = []  # shared by the claims without keys of a kind (never changed)


def _facts(
    ordered: Sequence[Claim], ids: list[str], groups: Groups
) -> tuple[list[tuple[str, ...]], dict[int, tuple[str, ...]], list[frozenset[str] | None]]:
    """Of each claim (``text_facts``): its content words; claim index -> its main
    clause words, for the claims whose main clause words are not their content words
    (not the same tuple); its incident keys (None for none). Read from group's tables
    with C-level ``map`` calls when group computed every claim's words, else claim by
    claim with ``text_facts``."""
    n = len(ordered)
    words = list(map(groups.words_of.get, ids))
    if None not in words:
        got = list(map(groups.main_words_of.get, ids))
        mains = {
            i: cast("tuple[str, ...]", got[i])
            for i in compress(range(n), map(operator.is_not, got, repeat(None)))
        }
        incidents: list[frozenset[str] | None] = list(map(groups.incidents_of.get, ids))
        ws = cast("list[tuple[str, ...]]", words)
    else:
        facts = [text_facts(c, groups) for c in ordered]
        ws = [f[0] for f in facts]
        mains = {i: f[1] for i, f in enumerate(facts)}
        incidents = [f[2] for f in facts]
    return ws, {i: m for i, m in mains.items() if m is not ws[i]}, incidents


def _distinct(keys: tuple[str, ...]) -> list[str]:
    """The keys without repeats, in first-seen order."""
    return list(dict.fromkeys(keys))


def _named(keys: tuple[str, ...]) -> list[str]:
    """The person and organisation keys (not narration, anonymous sources or
    documents: local to an article)."""
    return [k for k in keys if k.startswith(("person:", "org:"))]


def _nonempty(
    n: int, values: Sequence[_V | None], make: Callable[[_V], list[str]]
) -> list[list[str]]:
    """``make(values[i])`` for the values that are not empty or None, else an empty
    list (``_NO_KEYS``, shared: the lists are only read)."""
    out = [_NO_KEYS] * n
    for i in compress(range(n), values):
        out[i] = make(cast("_V", values[i]))
    return out


def _first_seen_codes(keys: list[str]) -> npt.NDArray[np.int64]:
    """Each key's number: the distinct keys numbered in first-seen order."""
    code = {k: i for i, k in enumerate(dict.fromkeys(keys))}
    return np.fromiter(map(code.__getitem__, keys), dtype=np.int64, count=len(keys))


def _kernel_ok() -> bool:
    """Whether the compiled scorer runs here: built with the compiled modules and run
    with them (``native.KERNELS``); the pure Python build scores with rapidfuzz."""
    from crosscheck import native

    if native.status() != "compiled":
        return False
    try:
        from crosscheck import _tokenset  # noqa: F401
    except ImportError:
        return False
    return True


class _Runs(NamedTuple):
    """The texts to score as runs of word ids, for ``_tokenset.scores``: text i < n is
    claim i's content, and ``main_of[i]`` the text of its main clause (i itself, or a
    text after the contents)."""

    chars: npt.NDArray[np.uint32]  # the vocabulary's words end to end, as code points
    word_end: npt.NDArray[np.int64]
    tokens: npt.NDArray[np.int64]
    run_end: npt.NDArray[np.int64]
    main_of: npt.NDArray[np.int64]
    shorter: npt.NDArray[np.bool_]  # whether the claim has a main clause text of its own


def _runs(
    vocabulary: npt.NDArray[np.object_],
    lengths: npt.NDArray[np.int64],
    tokens: npt.NDArray[np.int64],
    counts: npt.NDArray[np.int64],
    mains: dict[int, tuple[str, ...]],
) -> _Runs | None:
    """``_Runs`` of the contents (``_contents``' tokens, ids ascending in each claim's run)
    and of the main clauses after them; None when a main clause word is not in the
    vocabulary (then the texts are scored by rapidfuzz)."""
    n = len(counts)
    alpha = dict(zip(vocabulary.tolist(), range(len(vocabulary)), strict=True))
    main_runs: list[list[int]] = []
    for i in mains:
        got = [alpha.get(w, -1) for w in mains[i]]
        if -1 in got:
            return None
        main_runs.append(sorted(set(got)))
    main_tokens = np.fromiter(
        chain.from_iterable(main_runs), dtype=np.int64, count=sum(map(len, main_runs))
    )
    main_counts = np.fromiter(map(len, main_runs), dtype=np.int64, count=len(main_runs))
    chars = np.frombuffer("".join(vocabulary.tolist()).encode("utf-32-le"), dtype=np.uint32)
    main_of = np.arange(n, dtype=np.int64)
    shorter = np.zeros(n, dtype=bool)
    if mains:
        at = np.fromiter(mains, dtype=np.int64, count=len(mains))
        main_of[at] = n + np.arange(len(mains), dtype=np.int64)
        shorter[at] = True
    return _Runs(
        chars=chars,
        word_end=np.cumsum(lengths),
        tokens=np.concatenate([tokens, main_tokens]),
        run_end=np.cumsum(np.concatenate([counts, main_counts])),
        main_of=main_of,
        shorter=shorter,
    )


#: Pairs per call of the compiled scorer (its scores are 8 bytes a pair; each call
#: checks the runs once).
RUN_CHUNK = 500_000


def _run_scores(
    runs: _Runs, lo: npt.NDArray[np.int64], hi: npt.NDArray[np.int64], workers: int
) -> Iterator[tuple[int, npt.NDArray[np.float64]]]:
    """``_final_scores`` of the runs, by the compiled scorer: rapidfuzz's
    ``token_set_ratio`` of the contents, and for the pairs below the cut-off whose claims
    have a main clause of their own, the better of it and the main clauses' score. With
    more than one worker, each call's pairs are split between that many threads (the
    scorer releases the GIL)."""
    from crosscheck import _tokenset

    def part(
        a: npt.NDArray[np.int64], b: npt.NDArray[np.int64], out: npt.NDArray[np.float64]
    ) -> None:
        _tokenset.scores(
            runs.chars,
            runs.word_end,
            runs.tokens,
            runs.run_end,
            np.ascontiguousarray(a),
            np.ascontiguousarray(b),
            out,
        )

    def scored(a: npt.NDArray[np.int64], b: npt.NDArray[np.int64]) -> npt.NDArray[np.float64]:
        out = np.empty(len(a), dtype=np.float64)
        if workers < 2 or len(a) < 2 * workers:
            part(a, b, out)
            return out
        cuts = [len(a) * k // workers for k in range(workers + 1)]
        failed: list[BaseException] = []

        def run(k: int) -> None:
            try:
                part(a[cuts[k] : cuts[k + 1]], b[cuts[k] : cuts[k + 1]], out[cuts[k] : cuts[k + 1]])
            except BaseException as exc:  # raised in the caller's thread below
                failed.append(exc)

        threads = [
            threading.Thread(target=run, args=(k,), name="crosscheck-match-scorer", daemon=True)
            for k in range(workers)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if failed:
            raise failed[0]
        return out

    for start in range(0, len(lo), RUN_CHUNK):
        a, b = lo[start : start + RUN_CHUNK], hi[start : start + RUN_CHUNK]
        score = scored(a, b)
        low = np.nonzero((score < R.CANDIDATE_CUTOFF) & (runs.shorter[a] | runs.shorter[b]))[0]
        if len(low):
            again = scored(runs.main_of[a[low]], runs.main_of[b[low]])
            score[low] = np.maximum(score[low], again)
        yield start, score


def _match(claims: Sequence[Claim], groups: Groups, jobs: int) -> tuple[tuple[Candidate, ...], int]:
    ordered = sorted(claims, key=attrgetter("claim_id"))
    n = len(ordered)
    if n < 2:
        return (), 0
    ids = list(map(attrgetter("claim_id"), ordered))
    word_lists, mains, incident_sets = _facts(ordered, ids, groups)
    # the contents to score and their tokens (``_contents``); the main clauses (the
    # content itself unless the claim has shorter main clause words): as word-id runs
    # for the compiled scorer (``_Runs``), else as texts for rapidfuzz's
    use_kernel = _kernel_ok()
    full, vocabulary, lengths, tokens, counts = _contents(word_lists, texts=not use_kernel)
    runs = None
    if use_kernel and full is None:
        runs = _runs(vocabulary, lengths, tokens, counts, mains)
    main: list[str] = []
    if runs is None:
        if full is None:
            full = _joined(vocabulary, lengths, tokens, counts)
        main = list(full)
        for i in mains:
            main[i] = " ".join(sorted(set(mains[i])))
    # document frequency of every token (the vocabulary in word order); the words
    # ranked rarest first, by (df, word)
    size = max(len(vocabulary), 1)
    df = np.bincount(tokens, minlength=len(vocabulary))
    rarest = np.argsort(df, kind="stable")
    word_rank = np.empty(len(vocabulary), dtype=np.int64)
    word_rank[rarest] = np.arange(len(vocabulary), dtype=np.int64)
    # eligible rare words: 2 <= df <= RARE_WORD_MAX_DF, a run of ranks
    dfs = df[rarest]
    rare_lo = int(np.searchsorted(dfs, 2, side="left"))
    rare_hi = int(np.searchsorted(dfs, R.RARE_WORD_MAX_DF + 1, side="left"))
    # sort key inside a block: each claim's tokens, rarest first (the ranks sorted
    # inside each claim's run); its eligible rare words are a run of those
    claim_of = np.repeat(np.arange(n, dtype=np.int64), counts)
    ranks = np.sort(claim_of * size + word_rank[tokens]) - claim_of * size
    rarity = _joined(vocabulary, lengths, rarest[ranks], counts)
    first = np.cumsum(counts) - counts
    rare_start = first + np.bincount(claim_of[ranks < rare_lo], minlength=n)
    rare_end = first + np.bincount(claim_of[ranks < rare_hi], minlength=n)
    del tokens, claim_of, first  # (not kept while scoring: 26 MiB each at 10,000 articles)

    def rare(i: int) -> list[str]:
        """Claim i's eligible rare words, rarest first."""
        return vocabulary[rarest[ranks[rare_start[i] : rare_end[i]]]].tolist()  # type: ignore[no-any-return]

    # claims ranked by (rarity, index): the order of entries inside one block
    by_rank_list = sorted(range(n), key=rarity.__getitem__)
    by_rank = np.asarray(by_rank_list, dtype=np.int64)
    pos_of = np.empty(n, dtype=np.int64)
    pos_of[by_rank] = np.arange(n, dtype=np.int64)
    pos = pos_of.tolist()

    events = _nonempty(n, list(map(groups.event_keys_of.get, ids)), _distinct)
    speaker_keys = list(map(groups.speaker_keys_of.get, ids, repeat((), n)))
    speakers = _nonempty(n, speaker_keys, _named)
    incidents = _nonempty(n, incident_sets, sorted)

    art = _first_seen_codes(list(map(attrgetter("article_id"), ordered)))
    # speaker identity: the joined speaker keys, else unique to the claim
    joined = list(map("|".join, speaker_keys))
    for i in compress(range(n), map(operator.not_, joined)):
        joined[i] = "?" + ids[i]
    spk = _first_seen_codes(joined)

    c_start = np.fromiter(map(attrgetter("content_start"), ordered), dtype=np.int64, count=n)
    c_end = np.fromiter(map(attrgetter("content_end"), ordered), dtype=np.int64, count=n)

    passes: list[tuple[list[int] | npt.NDArray[np.int64], int]] = []
    for per_claim in (events, speakers, incidents):
        key_rank = _ranked([k for ks in per_claim for k in ks])
        entries = [key_rank[k] * n + pos[i] for i, ks in enumerate(per_claim) for k in ks]
        passes.append((entries, R.MAX_BLOCK))
    # a word's block key rank is its index in the vocabulary (word order)
    for k in range(R.RARE_WORDS_PER_CLAIM):
        has = np.nonzero(rare_end - rare_start > k)[0]
        passes.append((rarest[ranks[rare_start[has] + k]] * n + pos_of[has], R.WORD_BLOCK_WINDOW))
    codes: list[npt.NDArray[np.int64]] = []
    for pass_entries, window in passes:
        a, b = _neighbours(pass_entries, by_rank, n, window)
        if not len(a):
            continue
        lo, hi = np.minimum(a, b), np.maximum(a, b)
        # other article, or same article but another speaker and another span of
        # text (two readings of one sentence are not two sources)
        same_text = (c_start[lo] < c_end[hi]) & (c_start[hi] < c_end[lo])
        keep = (lo != hi) & ((art[lo] != art[hi]) | ((spk[lo] != spk[hi]) & ~same_text))
        codes.append(lo[keep] * n + hi[keep])
    if not codes:
        return (), 0
    uniq = np.sort(np.concatenate(codes))
    if len(uniq):
        uniq = uniq[np.concatenate(([True], uniq[1:] != uniq[:-1]))]
    if not len(uniq):
        return (), 0
    lo = uniq // n
    hi = uniq % n
    compared = len(uniq)
    # scored chunk by chunk; with more than one job in a background thread (the scorers
    # release the GIL) while this one labels the candidates of the chunks scored
    chunks: Iterator[tuple[int, npt.NDArray[np.float64]]]
    if runs is not None:
        chunks = _run_scores(runs, lo, hi, max(1, jobs))
    else:
        texts = cast("list[str]", full)
        shorter = np.zeros(n, dtype=bool)
        shorter[list(mains)] = [main[i] is not texts[i] for i in mains]
        chunks = _final_scores(_objects(texts), _objects(main), shorter, lo, hi, max(1, jobs))
    if jobs > 1:
        chunks = _in_background(chunks)

    def block(a: int, b: int) -> str:
        """``_label`` of claims a and b (without making their keyed dicts)."""
        for kind, per_claim in (("event", events), ("incident", incidents), ("speaker", speakers)):
            kb = per_claim[b]
            if kb:
                for k in per_claim[a]:
                    if k in kb:
                        return f"{kind}:{k}"
        rb = set(rare(b))
        for w in rare(a):
            if w in rb:
                return f"word:{w}"
        return "similar:"

    candidates: list[Candidate] = []
    for start, score in chunks:
        hits = np.nonzero(score >= R.CANDIDATE_CUTOFF)[0]
        candidates.extend(
            Candidate(a=ids[a_i], b=ids[b_i], block=block(a_i, b_i), score=round(s, 2))
            for a_i, b_i, s in zip(
                lo[start + hits].tolist(),
                hi[start + hits].tolist(),
                score[hits].tolist(),
                strict=True,
            )
        )
    candidates.sort(key=lambda c: (c.a, c.b))
    return tuple(candidates), compared
