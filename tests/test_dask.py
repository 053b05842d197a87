"""--engine dask: a 2-worker LocalCluster gives output identical to the local engine,
and the block shuffle finds exactly the pairs match.match finds."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from conftest import SEEDS, write_generated_corpus

from crosscheck import dask_engine, engine, match, pipeline, report
from crosscheck.errors import CrosscheckError
from crosscheck.group import Groups
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


def report_of(paths: list[str], **kw: Any) -> dict[str, str]:
    """Every report file (report.json, the CSVs, findings.md, report.html) of one run."""
    extraction = pipeline.extract(paths, **kw)
    xref = engine.run_cross_reference(extraction, progress=lambda *a: None, **kw)
    return report.report_files(extraction, xref, tool_version="test")


@needs_dask
def test_dask_equals_local_on_seeds(cluster: str) -> None:
    local = report_of([str(SEEDS)], jobs=1)
    distributed = report_of([str(SEEDS)], jobs=2, engine="dask")
    assert '"relation": "contradiction"' in local["report.json"]
    assert distributed == local


@needs_dask
def test_dask_equals_local_on_generated_corpus(
    cluster: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dask_engine, "CLAIMS_PER_PARTITION", 700)  # several map partitions
    corpus = write_generated_corpus(tmp_path / "gen", 200, seed=23)
    local = report_of([str(corpus), str(SEEDS)], jobs=1)
    distributed = report_of([str(corpus), str(SEEDS)], jobs=2, engine="dask")
    assert local["claims.csv"].count("\n") > 1_000
    assert distributed == local


@needs_dask
def test_dask_with_scheduler_address(cluster: str, tmp_path: Path) -> None:
    corpus = write_generated_corpus(tmp_path / "gen", 40, seed=5)
    local = report_of([str(corpus)], jobs=1)
    remote = report_of([str(corpus)], jobs=2, engine="dask", scheduler=cluster)
    assert remote == local


@needs_dask
def test_dask_progress_counts_every_article(cluster: str) -> None:
    seen: list[int] = []
    extraction = pipeline.extract(
        [str(SEEDS)], jobs=2, engine="dask", progress=lambda s, d, t: seen.append(d)
    )
    assert seen[-1] == len(extraction.results) == 5


# --------------------------------------------------------------------------- the block shuffle

# Toy claims: article, speaker key, event key, content. Rare words (Geneva, Boris...)
# recur across articles; a big event block and a big speaker block hold most claims,
# so sorted windows reach across block ends and, with several buckets, across buckets.
TOY = [
    ("a1", "person:berg a", "summit", "Anna met Boris in Geneva on Monday"),
    ("a1", "person:holm c", "summit", "Carla said the Geneva summit was ready"),
    ("a2", "person:berg a", "summit", "Anna met Boris in Geneva on Tuesday"),
    ("a2", "", "summit", "the Geneva summit would open late in January"),
    ("a3", "person:holm c", "summit", "the Geneva summit would open in mid November"),
    ("a3", "org:ministry", "", "Boris and Carla signed the Vienna accord"),
    ("a4", "org:ministry", "talks", "Boris and Carla signed the Vienna accord at dawn"),
    ("a4", "person:berg a", "talks", "the Vienna talks stalled over Dmitri"),
    ("a5", "person:berg a", "talks", "the Vienna talks stalled over Dmitri again"),
    ("a5", "", "", "nothing in common with anything"),
    ("a6", "person:holm c", "summit", "the Geneva summit would open late in January"),
    ("a6", "person:holm c", "summit", "Carla said the Geneva summit was ready"),
    ("a7", "org:ministry", "talks", "Dmitri left the Vienna talks"),
    ("a7", "person:berg a", "summit", "Anna met Boris in Geneva"),
    ("a8", "person:berg a", "summit", "Anna met Boris and Carla in Geneva"),
    ("a8", "org:ministry", "talks", "Dmitri left the Vienna talks early"),
]


def _toy() -> tuple[list[Claim], Groups]:
    claims = []
    speakers: dict[str, tuple[str, ...]] = {}
    events: dict[str, tuple[str, ...]] = {}
    for n, (art, speaker, event, text) in enumerate(TOY):
        cid = f"{art}-c{n:02d}"
        claims.append(
            Claim(
                claim_id=cid,
                article_id=art,
                kind="attributed",
                content_start=0,
                content_end=len(text),
                sentence_start=0,
                sentence_end=len(text),
                content=text,
                sentence=text,
            )
        )
        if speaker:
            speakers[cid] = (speaker,)
        if event:
            events[cid] = (event,)
    return claims, Groups(speaker_keys_of=speakers, event_keys_of=events)


def shuffle_in_process(
    claims: Sequence[Claim], groups: Groups, buckets: int, size: int, *, halo: bool = True
) -> tuple[tuple[Candidate, ...], int]:
    """shuffle_match's task graph, run as plain calls (no cluster needed)."""
    parts = dask_engine.match_parts(claims, groups, size)
    df = dask_engine.add_counts([dask_engine.word_counts(p) for p in parts])
    entries = [dask_engine.entry_partition(p, df) for p in reversed(parts)]
    bounds = dask_engine.boundaries([dask_engine.sample_keys(e, 1000) for e in entries], buckets)
    nb = len(bounds) + 1
    splits = [dask_engine.split_ranges(e, bounds) for e in entries]
    runs = [dask_engine.merge_bucket([dask_engine.take(s, j) for s in splits]) for j in range(nb)]
    n = max(dask_engine.pass_windows()) - 1
    heads = [dask_engine.head(r, n) for r in runs]
    scored = [
        dask_engine.pair_bucket(
            r, dask_engine.halo_of(heads[j + 1 :], n) if halo else [], dask_engine.pass_windows(), 3
        )
        for j, r in enumerate(runs)
    ]
    found: list[Candidate] = []
    compared = 0
    for j in range(3):
        cands, k = dask_engine.candidate_partition([dask_engine.take(s, j) for s in scored])
        found.extend(cands)
        compared += k
    return tuple(sorted(found, key=lambda c: (c.a, c.b))), compared


def test_toy_corpus_has_candidates_from_every_kind_of_block() -> None:
    claims, groups = _toy()
    found, compared = match.match(claims, groups)
    kinds = {c.block.split(":")[0] for c in found}
    assert {"event", "speaker"} <= kinds
    assert len(found) >= 8 and compared > len(found)


@pytest.mark.parametrize(
    ("buckets", "size"),
    [(1, 100), (2, 3), (5, 2), (7, 1), (40, 4)],
    ids=[
        "one-bucket",
        "2-buckets",
        "5-buckets",
        "7-buckets-1-claim-parts",
        "more-buckets-than-keys",
    ],
)
def test_shuffle_steps_equal_local_match(buckets: int, size: int) -> None:
    claims, groups = _toy()
    assert shuffle_in_process(claims, groups, buckets, size) == match.match(claims, groups)


def test_the_halo_is_needed() -> None:
    """Without the next buckets' heads, pairs across a bucket boundary are lost."""
    claims, groups = _toy()
    _, compared = shuffle_in_process(claims, groups, 7, 1, halo=False)
    assert compared < match.match(claims, groups)[1]


@needs_dask
@pytest.mark.parametrize(
    ("buckets", "size"), [(None, None), (3, 2), (8, 5)], ids=["defaults", "3x2", "8x5"]
)
def test_shuffle_match_on_the_cluster(cluster: str, buckets: int | None, size: int | None) -> None:
    """The real shuffle as dask tasks finds every pair (and only those) match.match finds."""
    claims, groups = _toy()
    client = dask_engine.get_client(2, None)
    expected = match.match(claims, groups)
    got = dask_engine.shuffle_match(
        client, claims, groups, buckets=buckets, claims_per_partition=size
    )
    assert {(c.a, c.b) for c in expected[0]} <= {(c.a, c.b) for c in got[0]}
    assert got == expected


def test_bucket_of_is_stable() -> None:
    # crc32, not Python's salted hash: the same key lands in the same bucket in every worker
    assert dask_engine.bucket_of("event:congress dialogue national", 16) == 8
    assert {dask_engine.bucket_of(f"speaker:{i}", 8) for i in range(100)} == set(range(8))


def test_missing_dask_gives_a_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # makes `import distributed` fail
    with pytest.raises(CrosscheckError, match="dask") as err:
        engine.run_extraction([], jobs=1, engine="dask", progress=lambda *a: None)
    assert "crosscheck[dask]" in err.value.hint
