"""match: blocking, capped blocks, candidate pairs (hand-built claims)."""

from __future__ import annotations

import random

import pytest
from _claimkit import make

from crosscheck import group, match
from crosscheck.records import Claim
from crosscheck.rules import matching as R

WORDS = [
    "army",
    "rebels",
    "town",
    "village",
    "convoy",
    "aid",
    "strike",
    "market",
    "hospital",
    "school",
    "bridge",
    "border",
    "province",
    "council",
    "talks",
    "delegation",
    "envoy",
]


def said(cid: str, art: str, content: str, who: str = "Ann Lee", at: int = 0) -> Claim:
    sentence = f"{content}, {who} said."
    return make(cid, art, sentence, content, speaker=who, speaker_name=who, cue="said", at=at)


def run(claims: list[Claim], jobs: int = 1) -> tuple[tuple[str, ...], int]:
    cands, compared = match.match(claims, group.group(claims), jobs=jobs)
    return tuple(f"{c.a}|{c.b}" for c in cands), compared


def test_pairs_share_a_block_and_respect_sources() -> None:
    claims = [
        said("a1", "A", "The convoy reached the besieged town of Madaya on Monday"),
        said("b1", "B", "An aid convoy reached besieged Madaya on Monday", "Bo Li"),
        said("a2", "A", "The convoy reached besieged Madaya", "Cy Doe", at=200),  # other speaker
        said("a3", "A", "The convoy reached the besieged town of Madaya", at=400),  # same as a1
        said("a4", "A", "The convoy reached the besieged town of Madaya", "Ed Poe", at=10),
        said("c1", "C", "Prices of bread rose sharply in the capital", "Di Fox"),  # shares nothing
    ]
    pairs, compared = run(claims)
    assert "a1|b1" in pairs and "a2|b1" in pairs and "a1|a2" in pairs
    assert "a1|a3" not in pairs  # one source in one article is never compared with itself
    assert "a1|a4" not in pairs  # two readings of one sentence are not two sources
    assert not any("c1" in p for p in pairs)
    assert compared < len(claims) * (len(claims) - 1) // 2


def _corpus(n: int, seed: int = 7) -> list[Claim]:
    """n claims of one speaker in n articles (one huge speaker block); their other
    words are their own, so no word block forms."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        ws = [f"{rng.choice(WORDS)}{i}x{j}" for j in range(8)]
        out.append(said(f"c{i:05d}", f"art{i:05d}", " ".join(ws).capitalize()))
    return out


def test_huge_block_is_capped_and_cost_grows_linearly() -> None:
    _, small = run(_corpus(400))
    _, large = run(_corpus(800))
    assert large <= 2.3 * small
    assert large < 800 * 799 // 2 // 4  # far from all pairs
    assert large <= 800 * R.MAX_BLOCK
    assert small <= 400 * R.MAX_BLOCK


def test_near_duplicates_found_inside_a_huge_block() -> None:
    claims = _corpus(600)
    text = "Rebels agreed to withdraw heavy weapons from the northern corridor by Friday"
    claims.append(said("zz1", "dupA", text))
    claims.append(said("zz2", "dupB", text.replace("Friday", "Saturday")))
    pairs, _ = run(claims)
    assert "zz1|zz2" in pairs


@pytest.mark.parametrize("jobs", [1, 2], ids=["one-job", "two-jobs"])
def test_deterministic_whatever_order_and_jobs(jobs: int) -> None:
    claims = _corpus(150)
    base = run(claims, 1)
    assert run(list(reversed(claims)), jobs) == base


def test_candidates_are_ordered_pairs_with_block_and_score() -> None:
    claims = [
        said("x1", "A", "The envoy met the delegation in Geneva to discuss the corridor"),
        said(
            "x2", "B", "The envoy met the delegation in Geneva and discussed the corridor", "Bo Li"
        ),
    ]
    cands, _ = match.match(claims, group.group(claims), jobs=1)
    (c,) = cands
    assert (c.a, c.b) == ("x1", "x2")
    assert c.block.split(":", 1)[0] in {"event", "speaker", "word"}
    assert R.CANDIDATE_CUTOFF <= c.score <= 100


def test_tiny_inputs() -> None:
    assert match.match([], group.group([]), jobs=1) == ((), 0)
    one = [said("x1", "A", "The envoy met the delegation")]
    assert match.match(one, group.group(one), jobs=1) == ((), 0)


@pytest.mark.parametrize("chunk", [1, 3, 1_000_000], ids=["one", "three", "all"])
def test_scoring_in_chunks_gives_the_same_scores(
    chunk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    import numpy as np
    from rapidfuzz import fuzz, process

    from crosscheck import match as m

    texts = ["a b c", "a b d", "x y z", "a c", "b c d e"]
    lo = np.asarray([0, 0, 1, 2, 3, 0, 4], dtype=np.int64)
    hi = np.asarray([1, 2, 3, 4, 4, 4, 1], dtype=np.int64)
    monkeypatch.setattr(m, "SCORE_CHUNK", chunk)
    got = m._scores(texts, lo, hi, 1)
    whole = process.cpdist(
        [texts[a] for a in lo], [texts[b] for b in hi], scorer=fuzz.token_set_ratio
    )
    assert got.tolist() == np.asarray(whole, dtype=np.float64).tolist()
    assert got.round(2).tolist() == [
        round(fuzz.token_set_ratio(texts[a], texts[b]), 2) for a, b in zip(lo, hi, strict=True)
    ]
