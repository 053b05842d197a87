"""The compiled scorer (``crosscheck/_tokenset.c``) against rapidfuzz's ``token_set_ratio``.

With the compiled build, ``match`` scores its pairs with the C kernel from the texts'
word ids (``match._runs``, ``match._run_scores``); the pure Python build scores the
joined texts with rapidfuzz (``match._final_scores``). The scores must be the same
floats: table cases for each branch of the ratio (one text inside the other, no shared
word, patterns of one and of several 64-bit words, characters of one, two and four
bytes), generated texts, the main clauses' second pass, threads, and the kernel's
refusal of malformed input. The pure Python run of the tests skips them (no kernel
runs there); ``test_match_speed`` compares whole matches with the replaced code in
both builds.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

from crosscheck import match as m

pytestmark = pytest.mark.skipif(
    not m._kernel_ok(), reason="the C kernel runs with the compiled build only"
)


def _runs(word_lists: list[list[str]], mains: dict[int, tuple[str, ...]] | None = None) -> m._Runs:
    full, vocabulary, lengths, tokens, counts = m._contents(
        [tuple(ws) for ws in word_lists], texts=False
    )
    assert full is None  # (words without whitespace: the kernel's path)
    runs = m._runs(vocabulary, lengths, tokens, counts, mains or {})
    assert runs is not None
    return runs


def _kernel(runs: m._Runs, lo: list[int], hi: list[int]) -> list[float]:
    from crosscheck import _tokenset

    out = np.empty(len(lo), dtype=np.float64)
    _tokenset.scores(
        runs.chars,
        runs.word_end,
        runs.tokens,
        runs.run_end,
        np.asarray(lo, dtype=np.int64),
        np.asarray(hi, dtype=np.int64),
        out,
    )
    return out.tolist()


def _rapidfuzz(texts: list[str], lo: list[int], hi: list[int]) -> list[float]:
    return np.asarray(
        process.cpdist([texts[i] for i in lo], [texts[i] for i in hi], scorer=fuzz.token_set_ratio),
        dtype=np.float64,
    ).tolist()


def _joined(word_lists: list[list[str]]) -> list[str]:
    return [" ".join(sorted(set(ws))) for ws in word_lists]


LONG_A = [f"word{i:02d}" for i in range(20)]  # 139 characters joined: three 64-bit words
LONG_B = [f"word{i:02d}x" for i in range(0, 20, 2)] + ["zebra"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (["talks", "geneva"], ["talks", "geneva", "held"]),
        (["talks", "geneva"], ["truce", "homs"]),
        ([], ["talks"]),
        ([], []),
        (["talks", "geneva"], ["geneva", "talks"]),
        (["talks", "geneva", "monday"], ["talks", "geneva", "tuesday"]),
        (["alpha"], ["alphabet"]),
        (LONG_A, LONG_B),
        ([*LONG_A[:9], "q"], [*LONG_A[:9], "r", *LONG_B]),
        (["café", "naïve", "über"], ["cafe", "naive", "über"]),
        (["‘quoted’", "—", "talks"], ["“quoted”", "–", "talks"]),
        (["😀x", "𝔘nicode", "talks"], ["😀y", "unicode", "talks"]),
        (["a" * 64], ["a" * 63 + "b"]),
        (["a" * 65], ["a" * 64]),
    ],
    ids=[
        "one-inside-the-other",
        "no-shared-word",
        "one-empty",
        "both-empty",
        "same-words",
        "one-word-differs",
        "prefix-word",
        "long-patterns",
        "long-and-short",
        "latin-1",
        "two-byte-characters",
        "astral-characters",
        "64-characters",
        "65-characters",
    ],
)
def test_kernel_scores_as_rapidfuzz(a: list[str], b: list[str]) -> None:
    runs = _runs([a, b])
    texts = _joined([a, b])
    lo, hi = [0, 1, 0, 1], [1, 0, 0, 1]
    assert _kernel(runs, lo, hi) == _rapidfuzz(texts, lo, hi)


ALPHABET = "abcxyz é‘’😀"
WORDS = st.text(alphabet=ALPHABET.replace(" ", ""), min_size=1, max_size=12)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(WORDS, max_size=14), min_size=1, max_size=8))
def test_kernel_scores_any_texts_as_rapidfuzz(word_lists: list[list[str]]) -> None:
    runs = _runs(word_lists)
    texts = _joined(word_lists)
    n = len(word_lists)
    lo = [i for i in range(n) for _ in range(n)]
    hi = [j for _ in range(n) for j in range(n)]
    assert _kernel(runs, lo, hi) == _rapidfuzz(texts, lo, hi)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.lists(WORDS, min_size=1, max_size=10), min_size=2, max_size=8),
    st.data(),
    st.sampled_from([1, 2, 3]),
    st.sampled_from([1, 2, 500_000]),
)
def test_run_scores_are_the_final_scores_of_the_texts(
    word_lists: list[list[str]], data: st.DataObject, workers: int, chunk: int
) -> None:
    """``_run_scores`` (the kernel, main clauses included, split between threads) yields
    what ``_final_scores`` (rapidfuzz over the joined texts) yields."""
    n = len(word_lists)
    mains: dict[int, tuple[str, ...]] = {}
    for i, ws in enumerate(word_lists):
        if data.draw(st.booleans()):
            mains[i] = tuple(data.draw(st.lists(st.sampled_from(ws), min_size=1)))
    runs = _runs(word_lists, mains)
    full = _joined(word_lists)
    main = list(full)
    for i, ws in mains.items():
        main[i] = " ".join(sorted(set(ws)))
    shorter = np.zeros(n, dtype=bool)
    shorter[list(mains)] = True
    lo = np.asarray([i for i in range(n) for j in range(i + 1, n)], dtype=np.int64)
    hi = np.asarray([j for i in range(n) for j in range(i + 1, n)], dtype=np.int64)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(m, "RUN_CHUNK", chunk)
        mp.setattr(m, "SCORE_CHUNK", chunk)
        got = [(s, x.tolist()) for s, x in m._run_scores(runs, lo, hi, workers)]
        want = [
            (s, x.tolist())
            for s, x in m._final_scores(m._objects(full), m._objects(main), shorter, lo, hi, 1)
        ]
    assert got == want


def test_a_main_clause_word_outside_the_vocabulary_leaves_the_texts_to_rapidfuzz() -> None:
    _, vocabulary, lengths, tokens, counts = m._contents([("talks",), ("truce",)], texts=False)
    assert m._runs(vocabulary, lengths, tokens, counts, {0: ("held",)}) is None


def _arrays(
    runs: m._Runs,
) -> dict[str, npt.NDArray[np.int64] | npt.NDArray[np.uint32] | npt.NDArray[np.float64]]:
    return {
        "chars": runs.chars,
        "word_end": runs.word_end,
        "tokens": runs.tokens,
        "run_end": runs.run_end,
        "lo": np.asarray([0], dtype=np.int64),
        "hi": np.asarray([1], dtype=np.int64),
        "out": np.empty(1, dtype=np.float64),
    }


@pytest.mark.parametrize(
    ("name", "value", "error", "message"),
    [
        ("tokens", np.asarray([0, 1, 1, 5], dtype=np.int64), ValueError, "outside the vocabulary"),
        (
            "tokens",
            np.asarray([1, 0, 1, 2], dtype=np.int64),
            ValueError,
            "not ascending within a text",
        ),
        ("run_end", np.asarray([4, 2], dtype=np.int64), ValueError, "run_end"),
        ("run_end", np.asarray([2, 9], dtype=np.int64), ValueError, "run_end"),
        ("word_end", np.asarray([5, 2], dtype=np.int64), ValueError, "word_end"),
        ("hi", np.asarray([2], dtype=np.int64), ValueError, "outside run_end"),
        ("hi", np.asarray([-1], dtype=np.int64), ValueError, "outside run_end"),
        ("out", np.empty(2, dtype=np.float64), ValueError, "one item per pair"),
        ("tokens", np.asarray([0, 1, 1, 2], dtype=np.int32), TypeError, "items of 8 bytes"),
        ("chars", np.zeros(3, dtype=np.uint16), TypeError, "items of 4 bytes"),
    ],
    ids=[
        "unknown-word",
        "unsorted-run",
        "runs-backwards",
        "runs-past-the-tokens",
        "words-backwards",
        "pair-past-the-texts",
        "negative-text",
        "out-too-long",
        "32-bit-tokens",
        "16-bit-chars",
    ],
)
def test_kernel_refuses_malformed_input(
    name: str, value: npt.NDArray[np.generic], error: type[Exception], message: str
) -> None:
    from crosscheck import _tokenset

    runs = _runs([["ab", "cd"], ["cd", "ef"]])  # 3 words; texts [0, 1] and [1, 2]
    assert runs.tokens.tolist() == [0, 1, 1, 2] and runs.run_end.tolist() == [2, 4]
    args = _arrays(runs)
    args[name] = value  # type: ignore[assignment]
    with pytest.raises(error, match=message):
        _tokenset.scores(*args.values())
