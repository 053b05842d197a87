"""match's shortcuts against the code they replaced (kept here as a copy).

``match._match`` finds the contents' tokens, document frequencies, rarity order and
rare words with numpy for all claims at once (``_contents``, ``_joined``), labels
candidates without per-pair dicts and scores in a background thread while labelling:
the candidates and the count of compared pairs must be those of the per-claim
Python code it replaced (``_reference_match`` below, verbatim but for names), on
random claims, including words that break the "no whitespace, not empty" rule
(the slow path), tiny blocks and windows, and scoring chunks of one pair.
"""

from __future__ import annotations

import threading
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import chain

import numpy as np
import numpy.typing as npt
import pytest
from _claimkit import make
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

from crosscheck import match as m
from crosscheck.group import Groups, text_facts
from crosscheck.records import Candidate, Claim
from crosscheck.rules import matching as R

# --------------------------------------------------------------------------- the replaced code


def _reference_scores(
    texts: Sequence[str], lo: npt.NDArray[np.int64], hi: npt.NDArray[np.int64], workers: int
) -> npt.NDArray[np.float64]:
    out = np.empty(len(lo), dtype=np.float64)
    for s in range(0, len(lo), m.SCORE_CHUNK):
        e = s + m.SCORE_CHUNK
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


def _reference_match(
    claims: Sequence[Claim], groups: Groups, jobs: int
) -> tuple[tuple[Candidate, ...], int]:
    ordered = sorted(claims, key=lambda c: c.claim_id)
    n = len(ordered)
    if n < 2:
        return (), 0
    facts = [text_facts(c, groups) for c in ordered]
    full = [" ".join(sorted(set(f[0]))) for f in facts]
    main = [full[i] if f[1] is f[0] else " ".join(sorted(set(f[1]))) for i, f in enumerate(facts)]
    df: Counter[str] = Counter(chain.from_iterable(map(str.split, full)))
    vocabulary = sorted(df, key=lambda w: (df[w], w))
    word_rank = {w: r for r, w in enumerate(vocabulary)}
    dfs = [df[w] for w in vocabulary]
    rare_lo = bisect_left(dfs, 2)
    rare_hi = bisect_left(dfs, R.RARE_WORD_MAX_DF + 1)
    rarity: list[str] = []
    rare: list[list[str]] = []
    rank_of = word_rank.__getitem__
    word_of = vocabulary.__getitem__
    for ws in map(str.split, full):
        ranks = sorted(map(rank_of, ws))
        rarest_first = list(map(word_of, ranks))
        rarity.append(" ".join(rarest_first))
        rare.append(rarest_first[bisect_left(ranks, rare_lo) : bisect_left(ranks, rare_hi)])
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
        key_rank = m._ranked([k for ks in per_claim for k in ks])
        entries = [key_rank[k] * n + pos[i] for i, ks in enumerate(per_claim) for k in ks]
        passes.append((entries, R.MAX_BLOCK))
    word_alpha = m._ranked(list(df))
    for k in range(R.RARE_WORDS_PER_CLAIM):
        entries = [word_alpha[ws[k]] * n + pos[i] for i, ws in enumerate(rare) if len(ws) > k]
        passes.append((entries, R.WORD_BLOCK_WINDOW))
    codes: list[npt.NDArray[np.int64]] = []
    for entries, window in passes:
        a, b = m._neighbours(entries, by_rank, n, window)
        if not len(a):
            continue
        lo, hi = np.minimum(a, b), np.maximum(a, b)
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
    score = _reference_scores(full, lo, hi, workers)
    shorter = np.asarray([m is not f for m, f in zip(main, full, strict=True)], dtype=bool)
    low = np.nonzero((score < R.CANDIDATE_CUTOFF) & (shorter[lo] | shorter[hi]))[0]
    if len(low):
        s_main = _reference_scores(main, lo[low], hi[low], workers)
        score[low] = np.maximum(score[low], s_main)
    hits = np.nonzero(score >= R.CANDIDATE_CUTOFF)[0]

    def keyed(i: int) -> dict[str, list[str]]:
        return {"event": events[i], "speaker": speakers[i], "incident": incidents[i]}

    candidates = []
    for a_i, b_i, s in zip(lo[hits].tolist(), hi[hits].tolist(), score[hits].tolist(), strict=True):
        candidates.append(
            Candidate(
                a=ordered[a_i].claim_id,
                b=ordered[b_i].claim_id,
                block=m._label(keyed(a_i), keyed(b_i), rare[a_i], rare[b_i]),
                score=round(s, 2),
            )
        )
    candidates.sort(key=lambda c: (c.a, c.b))
    return tuple(candidates), compared


# --------------------------------------------------------------------------- random corpora

# few words, so that they repeat (document frequencies, shared rare words, ties)
WORDS = ["aid", "army", "town", "talk", "convoy", "truce", "envoy", "12", "ab", "abc", "b"]
ODD_WORDS = ["", " ", "two words", "line\nbreak", "tab\tword", "aid "]  # break the rule
KEYS = ["person:ann", "org:un", "person:bo", "doc:report", "anonymous:x"]
EVENTS = ["talk geneva", "~a1", "truce", "congress"]
INCIDENTS = ["homs@2017-01-02", "idlib@2017-01-03"]


@st.composite
def corpora(
    draw: st.DrawFn, odd: bool = False, partial: bool = False
) -> tuple[list[Claim], Groups]:
    vocabulary = WORDS + ODD_WORDS if odd else WORDS
    word_lists = st.lists(st.sampled_from(vocabulary), max_size=7)
    n = draw(st.integers(0, 24))
    claims: list[Claim] = []
    words_of: dict[str, tuple[str, ...]] = {}
    main_words_of: dict[str, tuple[str, ...]] = {}
    incidents_of: dict[str, frozenset[str]] = {}
    speaker_keys_of: dict[str, tuple[str, ...]] = {}
    event_keys_of: dict[str, tuple[str, ...]] = {}
    for i in range(draw(st.just(n))):
        cid = f"c{draw(st.integers(0, 40)):02d}-{i}"  # ids need not sort as made
        article = draw(st.sampled_from("ABCD"))
        content = "x" * draw(st.integers(1, 6))
        sentence = f"{content}, said."
        claims.append(make(cid, article, sentence, content, at=draw(st.integers(0, 12))))
        ws = tuple(draw(word_lists))
        if not (partial and draw(st.booleans())):  # else group did not compute them
            words_of[cid] = ws
        if draw(st.booleans()):
            main_words_of[cid] = tuple(draw(st.lists(st.sampled_from(ws or ("aid",)))))
        elif draw(st.booleans()):
            main_words_of[cid] = ws  # the same tuple: no shorter main clause
        if draw(st.booleans()):
            incidents_of[cid] = frozenset(draw(st.lists(st.sampled_from(INCIDENTS))))
        speaker_keys_of[cid] = tuple(draw(st.lists(st.sampled_from(KEYS), max_size=3)))
        event_keys_of[cid] = tuple(draw(st.lists(st.sampled_from(EVENTS), max_size=3)))
    groups = Groups(
        speaker_keys_of=speaker_keys_of,
        event_keys_of=event_keys_of,
        words_of=words_of,
        main_words_of=main_words_of,
        incidents_of=incidents_of,
    )
    return claims, groups


SLOW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SLOW
@given(corpora(), st.sampled_from([1, 2, 3, 400]), st.sampled_from([2, 3, 8]))
def test_match_is_the_replaced_code(
    corpus: tuple[list[Claim], Groups], max_df: int, window: int
) -> None:
    claims, groups = corpus
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(R, "RARE_WORD_MAX_DF", max_df)
        mp.setattr(R, "MAX_BLOCK", window)
        mp.setattr(R, "WORD_BLOCK_WINDOW", window)
        assert m.match(claims, groups, jobs=1) == _reference_match(claims, groups, 1)


@SLOW
@given(corpora(odd=True))
def test_words_breaking_the_rule_take_the_slow_path_to_the_same_result(
    corpus: tuple[list[Claim], Groups],
) -> None:
    claims, groups = corpus
    assert m.match(claims, groups, jobs=2) == _reference_match(claims, groups, 2)


@SLOW
@given(corpora(partial=True))
def test_claims_group_did_not_read_are_read_with_text_facts_to_the_same_result(
    corpus: tuple[list[Claim], Groups],
) -> None:
    claims, groups = corpus
    assert m.match(claims, groups, jobs=1) == _reference_match(claims, groups, 1)


@pytest.mark.parametrize(
    ("keys", "expected"),
    [([], []), (["a"], [0]), (["b", "a", "b", "c", "a"], [0, 1, 0, 2, 1])],
    ids=["none", "one", "first-seen-order"],
)
def test_first_seen_codes_number_keys_as_setdefault_does(
    keys: list[str], expected: list[int]
) -> None:
    numbers: dict[str, int] = {}
    assert [numbers.setdefault(k, len(numbers)) for k in keys] == expected
    assert m._first_seen_codes(keys).tolist() == expected


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([None, (), ("b", "a", "b")], [[], [], ["b", "a"]]),
        ([("x",), None], [["x"], []]),
        ([("a", "a"), ("b",), ("a", "a"), None, ("b",)], [["a"], ["b"], ["a"], [], ["b"]]),
    ],
    ids=["empty-and-none", "first", "repeated-values"],
)
def test_nonempty_makes_lists_of_the_nonempty_values_only(
    values: list[tuple[str, ...] | None], expected: list[list[str]]
) -> None:
    assert m._nonempty(len(values), values, m._distinct) == expected


@SLOW
@given(corpora(), st.sampled_from([1, 2, 7]))
def test_scoring_chunk_by_chunk_in_the_background_is_the_replaced_code(
    corpus: tuple[list[Claim], Groups], chunk: int
) -> None:
    claims, groups = corpus
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(m, "SCORE_CHUNK", chunk)
        assert m.match(claims, groups, jobs=2) == _reference_match(claims, groups, 2)


def _joined_of(runs: list[list[str]]) -> list[str]:
    """``m._joined`` of the runs, given as indexes into their sorted vocabulary."""
    vocabulary = sorted({w for run in runs for w in run})
    index = {w: i for i, w in enumerate(vocabulary)}
    ids = np.asarray([index[w] for run in runs for w in run], dtype=np.int64)
    lengths = np.asarray([len(w) for w in vocabulary], dtype=np.int64)
    counts = np.asarray([len(run) for run in runs], dtype=np.int64)
    return m._joined(m._objects(vocabulary), lengths, ids, counts)


@pytest.mark.parametrize(
    "runs",
    [
        [],
        [[]],
        [["a"]],
        [["a", "b"], [], ["c"]],
        [[], [], ["x", "y", "z"], []],
        [["b", "a", "b"], ["\u00e9t\u00e9", "\U0001d518x"], ["a"]],
    ],
    ids=["none", "one-empty", "one-word", "mixed", "empties-around", "repeats-non-ascii"],
)
def test_joined_is_a_join_per_run(runs: list[list[str]]) -> None:
    assert _joined_of(runs) == [" ".join(run) for run in runs]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.lists(st.text(st.characters(blacklist_categories=["Zs", "Cc", "Zl", "Zp"]), min_size=1)),
        max_size=8,
    )
)
def test_joined_is_a_join_per_run_for_any_words(runs: list[list[str]]) -> None:
    assert _joined_of(runs) == [" ".join(run) for run in runs]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS + ODD_WORDS + ["é", "Z"]), max_size=6), max_size=8))
def test_contents_are_the_joined_distinct_words_and_their_tokens(
    word_lists: list[list[str]],
) -> None:
    full, vocabulary, lengths, tokens, counts = m._contents([tuple(ws) for ws in word_lists])
    expected = [" ".join(sorted(set(ws))) for ws in word_lists]
    assert full == expected
    split = [t.split() for t in expected]
    assert vocabulary.tolist() == sorted({w for ws in split for w in ws})
    assert counts.tolist() == [len(ws) for ws in split]
    assert vocabulary[tokens].tolist() == [w for ws in split for w in ws]
    assert lengths.tolist() == [len(w) for w in vocabulary.tolist()]


def test_an_error_while_scoring_reaches_the_caller() -> None:
    def failing() -> Iterator[int]:
        yield 1
        raise ValueError("scorer failed")

    got = []
    with pytest.raises(ValueError, match="scorer failed"):
        for x in m._in_background(failing()):
            got.append(x)
    assert got == [1]


def test_the_scoring_thread_stops_when_the_caller_stops_early() -> None:
    made: list[int] = []
    release = threading.Event()

    def slow() -> Iterator[int]:
        for k in range(1000):
            made.append(k)
            yield k
            release.wait(1)  # the caller has stopped by the second item

    items = m._in_background(slow())
    assert next(items) == 0
    items.close()  # the caller stops (what an exception in its loop also does)
    release.set()
    for thread in threading.enumerate():
        if thread.name == "crosscheck-match-scores":
            thread.join(5)
            assert not thread.is_alive()
    assert len(made) <= 3  # not the 1,000 items
