"""Match stage: candidate pairs of claims that may speak about the same thing.

Never all pairs of the corpus. Claims go into blocks (an inverted index):

- ``event:KEY`` — the claims that mention one canonical event;
- ``speaker:KEY`` — the claims of one canonical person or organisation (not
  narration, anonymous sources or documents: those are local to an article);
- ``incident:PLACE@DATE`` — claims that give a number for one place on one day
  (see ``incident_keys``);
- ``word:W`` — each claim's ``RARE_WORDS_PER_CLAIM`` rarest content words (document
  frequency over claims between 2 and ``RARE_WORD_MAX_DF``): two contents saying the
  same thing share their rare words (names, numbers, unusual verbs).

Inside a block every pair is a candidate if its claims come from different articles,
or from one article but different speakers and non-overlapping content spans. A block
is compared by sorted neighbourhood: its claims are sorted by their content words
ordered rarest first (near duplicates and close paraphrases sit side by side) and
compared in overlapping windows (``MAX_BLOCK`` = 32 for event, speaker and incident
blocks, ``WORD_BLOCK_WINDOW`` = 8 for rare-word blocks; step half the window); a block
no bigger than its window is compared whole. A claim is thus compared with at most a
window's worth of claims per block it is in, and the cost grows linearly with the
corpus.

Candidate pairs are deduplicated across blocks and scored once with rapidfuzz
(``process.cpdist``, ``token_set_ratio`` on the normalised contents, then on the main
clauses for the pairs below the cut-off), using ``jobs`` threads. Pairs at or above
``CANDIDATE_CUTOFF`` become ``Candidate`` records, labelled with the first block
(in sorted order) that brought them together.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from crosscheck.group import Groups, content_words
from crosscheck.records import Candidate, Claim
from crosscheck.rules import matching as R

_CLAUSE_END = re.compile(
    r",\s*(?:" + "|".join(R.CLAUSE_BREAKERS) + r")\b|;|\s[\u2014\u2013]\s|\s-\s|:\s",
    re.IGNORECASE,
)


_CLAUSE_TURN = re.compile(
    r"\b(?:" + "|".join(sorted(R.CLAUSE_TURNS)) + r")\b|[;:]",
)


def claim_text(claim: Claim) -> str:
    """The text a claim asserts: its content span, or its sentence when empty."""
    return claim.content or claim.sentence


def main_clause(text: str) -> str:
    """The text before the first clause break (', with ...', ', which ...', ';')."""
    m = _CLAUSE_END.search(text)
    return text[: m.start()] if m else text


def incident_keys(claim: Claim) -> frozenset[str]:
    """'place@date' for each place and each one-day time in the claim's content, when
    the content also gives a number in the same clause as the place (no "after",
    "while", "when"... between them): a toll for one place on one day (an incident).
    Two outlets reporting one air strike share such a key even when they word it
    differently."""
    if not any(
        claim.content_start <= q.start and q.end <= claim.content_end for q in claim.quantities
    ):
        return frozenset()
    days = {
        t.first.isoformat()
        for t in claim.times
        if t.first is not None
        and t.first == t.last
        and claim.content_start <= t.start
        and t.end <= claim.content_end
    }
    text = claim.sentence
    base = claim.sentence_start
    quantities = [
        q for q in claim.quantities if claim.content_start <= q.start and q.end <= claim.content_end
    ]
    places = set()
    for p in claim.places:
        if not (claim.content_start <= p.start and p.end <= claim.content_end):
            continue
        for q in quantities:
            lo, hi = (q.end, p.start) if q.end <= p.start else (p.end, q.start)
            gap = text[max(0, lo - base) : max(0, hi - base)].lower()
            if not _CLAUSE_TURN.search(gap):
                places.add((p.name or p.text).strip().lower())
                break
    return frozenset(f"{p}@{d}" for p in places for d in days)


def _blocks(
    claims: Sequence[Claim], groups: Groups, words: Sequence[list[str]]
) -> tuple[dict[str, list[int]], Counter[str]]:
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        for key in dict.fromkeys(groups.event_keys_of.get(c.claim_id, ())):
            blocks["event:" + key].append(i)
        for key in groups.speaker_keys_of.get(c.claim_id, ()):
            if key.startswith(("person:", "org:")):
                blocks["speaker:" + key].append(i)
        for key in sorted(incident_keys(c)):
            blocks["incident:" + key].append(i)
    df: Counter[str] = Counter()
    for ws in words:
        df.update(set(ws))
    for i, ws in enumerate(words):
        eligible = sorted(
            {w for w in ws if 2 <= df[w] <= R.RARE_WORD_MAX_DF}, key=lambda w: (df[w], w)
        )
        for w in eligible[: R.RARE_WORDS_PER_CLAIM]:
            blocks["word:" + w].append(i)
    return {k: v for k, v in blocks.items() if len(v) > 1}, df


def _windows(
    members: list[int], sort_key: Sequence[str], window: int
) -> list[npt.NDArray[np.int64]]:
    """The member groups to compare all-pairs: the block itself, or its sorted windows."""
    if len(members) <= window:
        return [np.asarray(members, dtype=np.int64)]
    ordered = sorted(members, key=lambda i: (sort_key[i], i))
    step = max(1, window // 2)
    out = []
    start = 0
    while True:
        out.append(np.asarray(ordered[start : start + window], dtype=np.int64))
        if start + window >= len(ordered):
            return out
        start += step


_TRIU: dict[int, tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]] = {}


def _triu(n: int) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    if n not in _TRIU:
        a, b = np.triu_indices(n, k=1)
        _TRIU[n] = (a.astype(np.int64), b.astype(np.int64))
    return _TRIU[n]


def match(
    claims: Sequence[Claim], groups: Groups, *, jobs: int = 1
) -> tuple[tuple[Candidate, ...], int]:
    """Candidate pairs (score >= CANDIDATE_CUTOFF) and the number of pairs compared."""
    ordered = sorted(claims, key=lambda c: c.claim_id)
    n = len(ordered)
    if n < 2:
        return (), 0
    texts = [claim_text(c) for c in ordered]
    words = [content_words(t) for t in texts]
    full = [" ".join(ws) for ws in words]
    main = [" ".join(content_words(main_clause(t))) for t in texts]
    blocks, df = _blocks(ordered, groups, words)
    # sort key inside blocks: the content words, rarest first
    rarity = [" ".join(sorted(set(ws), key=lambda w: (df[w], w))) for ws in words]

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

    block_names = sorted(blocks)
    codes: list[npt.NDArray[np.int64]] = []
    block_of: list[npt.NDArray[np.int64]] = []
    for bi, name in enumerate(block_names):
        size = R.WORD_BLOCK_WINDOW if name.startswith("word:") else R.MAX_BLOCK
        for window in _windows(blocks[name], rarity, size):
            ia, ib = _triu(len(window))
            a, b = window[ia], window[ib]
            lo, hi = np.minimum(a, b), np.maximum(a, b)
            # other article, or same article but another speaker and another span of
            # text (two readings of one sentence are not two sources)
            same_text = (c_start[lo] < c_end[hi]) & (c_start[hi] < c_end[lo])
            keep = (art[lo] != art[hi]) | ((spk[lo] != spk[hi]) & ~same_text)
            if not keep.any():
                continue
            codes.append(lo[keep] * n + hi[keep])
            block_of.append(np.full(int(keep.sum()), bi, dtype=np.int64))
    if not codes:
        return (), 0
    all_codes = np.concatenate(codes)
    all_blocks = np.concatenate(block_of)
    uniq, first = np.unique(all_codes, return_index=True)
    pair_block = all_blocks[first]
    lo = uniq // n
    hi = uniq % n
    compared = len(uniq)
    workers = max(1, jobs)
    score = np.asarray(
        process.cpdist(
            [full[i] for i in lo],
            [full[i] for i in hi],
            scorer=fuzz.token_set_ratio,
            workers=workers,
        ),
        dtype=np.float64,
    )
    # the main clauses, for the pairs the whole contents did not bring together
    low = np.nonzero(score < R.CANDIDATE_CUTOFF)[0]
    if len(low):
        s_main = np.asarray(
            process.cpdist(
                [main[i] for i in lo[low]],
                [main[i] for i in hi[low]],
                scorer=fuzz.token_set_ratio,
                workers=workers,
            ),
            dtype=np.float64,
        )
        score[low] = np.maximum(score[low], s_main)
    hits = np.nonzero(score >= R.CANDIDATE_CUTOFF)[0]
    candidates = [
        Candidate(
            a=ordered[int(lo[k])].claim_id,
            b=ordered[int(hi[k])].claim_id,
            block=block_names[int(pair_block[k])],
            score=round(float(score[k]), 2),
        )
        for k in hits
    ]
    candidates.sort(key=lambda c: (c.a, c.b))
    return tuple(candidates), compared
