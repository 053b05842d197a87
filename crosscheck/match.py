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

Pairs are deduplicated across passes and scored once with rapidfuzz
(``process.cpdist``, ``token_set_ratio`` on the normalised contents, then on the main
clauses for the pairs below the cut-off when either claim has a main clause shorter
than its content), using ``jobs`` threads. Each claim's content words come from
``group`` (``text_facts``, computed once for match and judge); entries are sorted as
integer codes (block key rank, claim rank by rarity), in the order of the (key,
rarity, claim) tuples that ``dask_engine`` sorts. Pairs at or above
``CANDIDATE_CUTOFF`` become ``Candidate`` records, labelled with the block they share
(a shared event, incident, speaker, else their rarest shared word, else
``similar:``).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from itertools import chain

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
    codes: list[int], by_rank: npt.NDArray[np.int64], n: int, window: int
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
    texts: Sequence[str], lo: npt.NDArray[np.int64], hi: npt.NDArray[np.int64], workers: int
) -> npt.NDArray[np.float64]:
    """token_set_ratio of texts[lo[k]] and texts[hi[k]] for every k, in chunks."""
    out = np.empty(len(lo), dtype=np.float64)
    for s in range(0, len(lo), SCORE_CHUNK):
        e = s + SCORE_CHUNK
        out[s:e] = np.asarray(
            process.cpdist(
                [texts[i] for i in lo[s:e].tolist()],
                [texts[i] for i in hi[s:e].tolist()],
                scorer=fuzz.token_set_ratio,
                workers=workers,
            ),
            dtype=np.float64,
        )
    return out


def _match(claims: Sequence[Claim], groups: Groups, jobs: int) -> tuple[tuple[Candidate, ...], int]:
    ordered = sorted(claims, key=lambda c: c.claim_id)
    n = len(ordered)
    if n < 2:
        return (), 0
    facts = [text_facts(c, groups) for c in ordered]
    # the normalised contents to score: token_set_ratio depends only on the set of
    # words of each text, so each text is given as its distinct words in order (the
    # same score, and the scorer's own sort finds them sorted). ``full[i].split()``
    # gives those words back (a content word holds no space): not kept as lists, which
    # at 10,000 articles held 70 MiB more at match's peak
    full = [" ".join(sorted(set(f[0]))) for f in facts]
    main = [full[i] if f[1] is f[0] else " ".join(sorted(set(f[1]))) for i, f in enumerate(facts)]
    # document frequency of every content word; the words ranked rarest first
    df: Counter[str] = Counter(chain.from_iterable(map(str.split, full)))
    vocabulary = sorted(df, key=lambda w: (df[w], w))
    word_rank = {w: r for r, w in enumerate(vocabulary)}
    # eligible rare words: 2 <= df <= RARE_WORD_MAX_DF, a run of ranks
    dfs = [df[w] for w in vocabulary]
    rare_lo = bisect_left(dfs, 2)
    rare_hi = bisect_left(dfs, R.RARE_WORD_MAX_DF + 1)
    # sort key inside a block: the content words, rarest first; per claim its
    # eligible rare words, rarest first
    rarity: list[str] = []
    rare: list[list[str]] = []
    rank_of = word_rank.__getitem__
    word_of = vocabulary.__getitem__
    for ws in map(str.split, full):
        ranks = sorted(map(rank_of, ws))
        rarest_first = list(map(word_of, ranks))
        rarity.append(" ".join(rarest_first))
        rare.append(rarest_first[bisect_left(ranks, rare_lo) : bisect_left(ranks, rare_hi)])
    # claims ranked by (rarity, index): the order of entries inside one block
    by_rank_list = sorted(range(n), key=rarity.__getitem__)
    by_rank = np.asarray(by_rank_list, dtype=np.int64)
    pos = [0] * n
    for r, i in enumerate(by_rank_list):
        pos[i] = r

    events = [list(dict.fromkeys(groups.event_keys_of.get(c.claim_id, ()))) for c in ordered]
    speakers = [
        [k for k in groups.speaker_keys_of.get(c.claim_id, ()) if k.startswith(("person:", "org:"))]
        for c in ordered
    ]
    incidents = [sorted(f[2]) if f[2] else [] for f in facts]

    article_ids: dict[str, int] = {}
    art = np.asarray(
        [article_ids.setdefault(c.article_id, len(article_ids)) for c in ordered], dtype=np.int64
    )
    speaker_ids: dict[str, int] = {}
    spk = np.asarray(
        [
            speaker_ids.setdefault(
                "|".join(groups.speaker_keys_of.get(c.claim_id, ())) or "?" + c.claim_id,
                len(speaker_ids),
            )
            for c in ordered
        ],
        dtype=np.int64,
    )

    c_start = np.asarray([c.content_start for c in ordered], dtype=np.int64)
    c_end = np.asarray([c.content_end for c in ordered], dtype=np.int64)

    passes: list[tuple[list[int], int]] = []
    for per_claim in (events, speakers, incidents):
        key_rank = _ranked([k for ks in per_claim for k in ks])
        entries = [key_rank[k] * n + pos[i] for i, ks in enumerate(per_claim) for k in ks]
        passes.append((entries, R.MAX_BLOCK))
    word_alpha = _ranked(list(df))
    for k in range(R.RARE_WORDS_PER_CLAIM):
        entries = [word_alpha[ws[k]] * n + pos[i] for i, ws in enumerate(rare) if len(ws) > k]
        passes.append((entries, R.WORD_BLOCK_WINDOW))
    codes: list[npt.NDArray[np.int64]] = []
    for entries, window in passes:
        a, b = _neighbours(entries, by_rank, n, window)
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
    workers = max(1, jobs)
    score = _scores(full, lo, hi, workers)
    # the main clauses, for the pairs the whole contents did not bring together (a
    # pair whose main clauses are both the whole contents scores the same again)
    shorter = np.asarray([m is not f for m, f in zip(main, full, strict=True)], dtype=bool)
    low = np.nonzero((score < R.CANDIDATE_CUTOFF) & (shorter[lo] | shorter[hi]))[0]
    if len(low):
        s_main = _scores(main, lo[low], hi[low], workers)
        score[low] = np.maximum(score[low], s_main)
    hits = np.nonzero(score >= R.CANDIDATE_CUTOFF)[0]

    def keyed(i: int) -> dict[str, list[str]]:
        # (made per pair, not kept per claim: a table of them held memory at the peak)
        return {"event": events[i], "speaker": speakers[i], "incident": incidents[i]}

    candidates = []
    for a_i, b_i, s in zip(lo[hits].tolist(), hi[hits].tolist(), score[hits].tolist(), strict=True):
        candidates.append(
            Candidate(
                a=ordered[a_i].claim_id,
                b=ordered[b_i].claim_id,
                block=_label(keyed(a_i), keyed(b_i), rare[a_i], rare[b_i]),
                score=round(s, 2),
            )
        )
    candidates.sort(key=lambda c: (c.a, c.b))
    return tuple(candidates), compared
