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
clauses for the pairs below the cut-off), using ``jobs`` threads. Pairs at or above
``CANDIDATE_CUTOFF`` become ``Candidate`` records, labelled with the block they share
(a shared event, incident, speaker, else their rarest shared word, else
``similar:``).
"""

from __future__ import annotations

import re
from collections import Counter
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


def _keys(
    claims: Sequence[Claim], groups: Groups, words: Sequence[list[str]]
) -> tuple[list[dict[str, list[str]]], Counter[str], list[list[str]]]:
    """Per claim: its block keys by kind (event, speaker, incident), the document
    frequency of every content word, and per claim its eligible rare words, rarest
    first (2 <= df <= RARE_WORD_MAX_DF)."""
    df: Counter[str] = Counter()
    for ws in words:
        df.update(set(ws))
    keyed: list[dict[str, list[str]]] = []
    rare: list[list[str]] = []
    for c, ws in zip(claims, words, strict=True):
        keyed.append(
            {
                "event": list(dict.fromkeys(groups.event_keys_of.get(c.claim_id, ()))),
                "speaker": [
                    k
                    for k in groups.speaker_keys_of.get(c.claim_id, ())
                    if k.startswith(("person:", "org:"))
                ],
                "incident": sorted(incident_keys(c)),
            }
        )
        rare.append(
            sorted({w for w in ws if 2 <= df[w] <= R.RARE_WORD_MAX_DF}, key=lambda w: (df[w], w))
        )
    return keyed, df, rare


def _neighbours(
    entries: list[tuple[str, str, int]], window: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Sorted neighbourhood: sort (key, rarity, claim) entries and pair each entry with
    the next ``window - 1`` ones. Exactly len(entries) * (window - 1) pairs at most."""
    if len(entries) < 2:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    entries.sort()
    order = np.asarray([i for _, _, i in entries], dtype=np.int64)
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
    ordered = sorted(claims, key=lambda c: c.claim_id)
    n = len(ordered)
    if n < 2:
        return (), 0
    texts = [claim_text(c) for c in ordered]
    words = [content_words(t) for t in texts]
    full = [" ".join(ws) for ws in words]
    main = [" ".join(content_words(main_clause(t))) for t in texts]
    keyed, df, rare = _keys(ordered, groups, words)
    # sort key inside a block: the content words, rarest first
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

    passes: list[tuple[list[tuple[str, str, int]], int]] = []
    for kind in ("event", "speaker", "incident"):
        entries = [(k, rarity[i], i) for i in range(n) for k in keyed[i][kind]]
        passes.append((entries, R.MAX_BLOCK))
    for k in range(R.RARE_WORDS_PER_CLAIM):
        entries = [(rare[i][k], rarity[i], i) for i in range(n) if len(rare[i]) > k]
        passes.append((entries, R.WORD_BLOCK_WINDOW))
    codes: list[npt.NDArray[np.int64]] = []
    for entries, window in passes:
        a, b = _neighbours(entries, window)
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
    uniq = np.unique(np.concatenate(codes))
    if not len(uniq):
        return (), 0
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
            block=_label(keyed[int(lo[k])], keyed[int(hi[k])], rare[int(lo[k])], rare[int(hi[k])]),
            score=round(float(score[k]), 2),
        )
        for k in hits
    ]
    candidates.sort(key=lambda c: (c.a, c.b))
    return tuple(candidates), compared
