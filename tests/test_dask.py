"""--engine dask: a 2-worker LocalCluster gives output identical to the local engine."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from conftest import SEEDS, write_generated_corpus
from test_engine import snapshot

from crosscheck import dask_engine, engine, pipeline
from crosscheck.errors import CrosscheckError
from crosscheck.records import Candidate, Claim

needs_dask = pytest.mark.skipif(
    importlib.util.find_spec("distributed") is None, reason="dask.distributed is not installed"
)


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """One 2-worker LocalCluster for the whole module; yields its scheduler address."""
    if importlib.util.find_spec("distributed") is None:
        pytest.skip("dask.distributed is not installed")
    client = dask_engine.get_client(2, None)
    try:
        yield str(client.scheduler.address)
    finally:
        dask_engine.close_clients()


def run(paths: list[str], **kw: Any) -> str:
    extraction = pipeline.extract(
        paths, jobs=kw.get("jobs", 1), **{k: v for k, v in kw.items() if k != "jobs"}
    )
    xref = engine.run_cross_reference(extraction, progress=lambda *a: None, **kw)
    return snapshot(extraction, xref)


@needs_dask
def test_dask_equals_local_on_seeds(cluster: str) -> None:
    local = run([str(SEEDS)], jobs=1)
    distributed = run([str(SEEDS)], jobs=2, engine="dask")
    assert distributed == local


@needs_dask
def test_dask_equals_local_on_generated_corpus(cluster: str, tmp_path: Path) -> None:
    corpus = write_generated_corpus(tmp_path / "gen", 200, seed=23)
    local = run([str(corpus), str(SEEDS)], jobs=1)
    distributed = run([str(corpus), str(SEEDS)], jobs=2, engine="dask")
    assert len(local) > 10_000
    assert distributed == local


@needs_dask
def test_dask_with_scheduler_address(cluster: str, tmp_path: Path) -> None:
    corpus = write_generated_corpus(tmp_path / "gen", 40, seed=5)
    local = run([str(corpus)], jobs=1)
    remote = run([str(corpus)], jobs=2, engine="dask", scheduler=cluster)
    assert remote == local


@needs_dask
def test_dask_progress_counts_every_article(cluster: str) -> None:
    seen: list[int] = []
    extraction = pipeline.extract(
        [str(SEEDS)], jobs=2, engine="dask", progress=lambda s, d, t: seen.append(d)
    )
    assert seen[-1] == len(extraction.results) == 5


# --------------------------------------------------------------------------- the block shuffle


def _claim(cid: str, words: str) -> Claim:
    return Claim(
        claim_id=cid,
        article_id=cid.split("-")[0],
        kind="attributed",
        content_start=0,
        content_end=len(words),
        sentence_start=0,
        sentence_end=len(words),
        content=words,
    )


def _caps(claim: Claim) -> list[str]:
    return [w for w in claim.content.split() if w[:1].isupper()]


def toy_stats(claims: Sequence[Claim]) -> Counter[str]:
    """Toy corpus statistic: document frequency of capitalised words."""
    return Counter(w for c in claims for w in set(_caps(c)))


def toy_keys(claim: Claim, groups: Any, stats: Counter[str]) -> tuple[str, ...]:
    """Toy block keys: capitalised words seen in >= 2 claims (repeated on purpose)."""
    return tuple(f"word:{w}" for w in _caps(claim) if stats[w] >= 2) * 2


def toy_pairs(key: str, members: Sequence[Claim], groups: Any) -> list[tuple[int, int]]:
    """All pairs of a small block; neighbours only in a big one (like sorted windows)."""
    ids = [c.claim_id for c in members]
    assert ids == sorted(ids), "a block must arrive sorted by claim id"
    n = len(members)
    if n > 3:
        return [(i, i + 1) for i in range(n - 1)]
    return [(i, j) for i in range(n) for j in range(i + 1, n)]


def toy_score(pairs: Sequence[tuple[Claim, Claim]], *, jobs: int = 1) -> list[float]:
    return [25.0 * len(set(_caps(a)) & set(_caps(b))) for a, b in pairs]


TOY = dask_engine.BlockFunctions(toy_stats, toy_keys, toy_pairs, toy_score, 50.0)

CLAIMS = [
    _claim("a1-c0", "Anna met Boris in Geneva"),
    _claim("a2-c0", "Boris said Geneva was ready"),
    _claim("a3-c0", "nothing capitalised here"),
    _claim("a4-c0", "Anna and Carla in Geneva"),
    _claim("a5-c0", "Carla in Geneva with Boris"),
    _claim("a6-c0", "Dmitri alone"),
]


def _direct() -> tuple[tuple[Candidate, ...], int]:
    """What match.match must return under the block contract, computed plainly."""
    stats = toy_stats(CLAIMS)
    blocks: dict[str, list[Claim]] = {}
    for c in CLAIMS:
        for k in set(toy_keys(c, None, stats)):
            blocks.setdefault(k, []).append(c)
    first: dict[tuple[str, str], tuple[str, Claim, Claim]] = {}
    for k in sorted(blocks):
        members = sorted(blocks[k], key=lambda c: c.claim_id)
        if len(members) < 2:
            continue
        for i, j in toy_pairs(k, members, None):
            first.setdefault(
                (members[i].claim_id, members[j].claim_id), (k, members[i], members[j])
            )
    found = []
    for (a, b), (k, ca, cb) in sorted(first.items()):
        [score] = toy_score([(ca, cb)])
        if score >= 50.0:
            found.append(Candidate(a, b, k, score))
    return tuple(found), len(first)


def test_the_toy_contract_exercises_dedupe_and_windows() -> None:
    found, compared = _direct()
    assert compared == 6
    assert [(c.a, c.b, c.block) for c in found] == [
        ("a1-c0", "a2-c0", "word:Boris"),  # also in word:Geneva: the first block wins
        ("a1-c0", "a4-c0", "word:Anna"),
        ("a1-c0", "a5-c0", "word:Boris"),  # not neighbours in word:Geneva's window
        ("a2-c0", "a5-c0", "word:Boris"),
        ("a4-c0", "a5-c0", "word:Carla"),
    ]  # a2-a4 was compared (word:Geneva) but scored 25


@pytest.mark.parametrize(
    ("partition", "buckets"),
    [(1, 1), (2, 3), (5, 7), (3, 64)],
    ids=["one-part-one-bucket", "2x3", "5x7", "more-buckets-than-keys"],
)
def test_shuffle_phases_give_the_contract_result(partition: int, buckets: int) -> None:
    parts = [CLAIMS[i : i + partition] for i in range(0, len(CLAIMS), partition)]
    stats = toy_stats(CLAIMS)
    maps = [dask_engine.key_partition(p, None, stats, buckets, TOY) for p in reversed(parts)]
    scored = [
        dask_engine.pair_partition([dask_engine.take(m, j) for m in maps], None, buckets, TOY)
        for j in range(buckets)
    ]
    found: list[Candidate] = []
    compared = 0
    for j in range(buckets):
        cands, n = dask_engine.candidate_partition([dask_engine.take(s, j) for s in scored], 50.0)
        found.extend(cands)
        compared += n
    expected, n_expected = _direct()
    assert tuple(sorted(found, key=lambda c: (c.a, c.b))) == expected
    assert compared == n_expected


@needs_dask
def test_shuffle_match_on_the_cluster(cluster: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The real two-phase shuffle as dask tasks, with the toy block functions."""
    monkeypatch.setattr(dask_engine, "CLAIMS_PER_PARTITION", 2)  # 3 map partitions
    client = dask_engine.get_client(2, None)
    assert dask_engine.shuffle_match(client, CLAIMS, None, TOY) == _direct()


def test_bucket_of_is_stable() -> None:
    # crc32, not Python's salted hash: the same key lands in the same bucket in every worker
    assert dask_engine.bucket_of("event:congress dialogue national", 16) == 8
    assert {dask_engine.bucket_of(f"speaker:{i}", 8) for i in range(100)} == set(range(8))


def test_missing_dask_gives_a_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # makes `import distributed` fail
    with pytest.raises(CrosscheckError, match="dask") as err:
        engine.run_extraction([], jobs=1, engine="dask", progress=lambda *a: None)
    assert "crosscheck[dask]" in err.value.hint
