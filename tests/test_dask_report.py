"""--engine dask, the report phase: what the driver reads for report.html and
findings.md arrives a partition at a time (article texts: ``StreamedTexts``; the
claims' report objects: ``DaskClaims.by_ids``), and the texts read so equal the
local engine's, in any order they are asked."""

from __future__ import annotations

import pickle
import random
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import SEEDS, needs_dask, write_generated_corpus

from crosscheck import dask_engine, engine, html, pipeline, report
from crosscheck.records import Extraction

PARTITION = 4  # articles per partition here: many partitions on a small corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = write_generated_corpus(tmp_path_factory.mktemp("gen") / "gen", 30, seed=5)
    return [str(folder), str(SEEDS)]


@pytest.fixture(scope="module")
def runs(cluster: str, corpus: list[str]) -> tuple[Extraction, dask_engine.DaskExtraction]:
    """The local extraction and a dask one of ``PARTITION`` articles per partition."""
    local = pipeline.extract(corpus, jobs=1)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(dask_engine, "PARTITION_ARTICLES", PARTITION)
        ext = pipeline.extract(corpus, jobs=2, engine="dask")
    assert isinstance(ext, dask_engine.DaskExtraction)
    assert len(ext.parts) >= 8
    return local, ext


@pytest.fixture
def received(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    """Every value that reaches the driver from the cluster (packed values unpacked)."""
    import distributed

    seen: list[Any] = []
    result: Any = distributed.Future.result
    gather: Any = distributed.Client.gather

    def unpacked(value: Any) -> Any:
        if isinstance(value, bytes):
            try:
                return pickle.loads(value)
            except Exception:
                return value
        if isinstance(value, list):
            return [unpacked(v) for v in value]
        return value

    def spy_result(self: Any, *a: Any, **kw: Any) -> Any:
        value = result(self, *a, **kw)
        seen.append(unpacked(value))
        return value

    def spy_gather(self: Any, *a: Any, **kw: Any) -> Any:
        value = gather(self, *a, **kw)
        seen.append(unpacked(value))
        return value

    monkeypatch.setattr(distributed.Future, "result", spy_result)
    monkeypatch.setattr(distributed.Client, "gather", spy_gather)
    yield seen


def _orders() -> list[str]:
    return ["sorted", "reversed", "shuffled", "twice"]


@needs_dask
@pytest.mark.parametrize("order", _orders(), ids=_orders())
def test_streamed_texts_equal_the_local_texts(
    runs: tuple[Extraction, dask_engine.DaskExtraction], order: str
) -> None:
    local, ext = runs
    texts = {r.article.id: r.article.text for r in local.results}
    ids = sorted(texts)
    asked = [*ids[::2], "no-such-article", "~after-every-id", ""]
    streamed = ext.texts().fetch(asked)
    reads = sorted(asked)
    if order == "reversed":
        reads.reverse()
    elif order == "shuffled":
        random.Random(3).shuffle(reads)
    elif order == "twice":
        reads = reads + reads
    for aid in reads:
        assert streamed.get(aid) == (texts[aid] if aid in ids[::2] else None), aid
    # ids not asked are not there, though the article is
    for aid in ids[1::2][:5]:
        assert aid not in streamed
        with pytest.raises(KeyError):
            streamed[aid]
    assert dict(streamed) == {aid: texts[aid] for aid in ids[::2]}
    assert len(streamed) == len(ids[::2])
    assert list(streamed) == ids[::2]


@needs_dask
def test_streamed_texts_of_nothing(runs: tuple[Extraction, dask_engine.DaskExtraction]) -> None:
    _, ext = runs
    streamed = ext.texts().fetch([])
    assert dict(streamed) == {} and len(streamed) == 0
    assert streamed.get("anything") is None


@needs_dask
def test_the_report_reads_texts_and_claims_a_partition_at_a_time(
    runs: tuple[Extraction, dask_engine.DaskExtraction],
    monkeypatch: pytest.MonkeyPatch,
    received: list[Any],
) -> None:
    """report.html's article texts and the claims' objects of report.html and
    findings.md arrive one partition's at a time (no value holds two partitions'),
    and the files equal the local engine's."""
    local, ext = runs
    local_xref = engine.run_cross_reference(local, progress=lambda *a: None)
    expected = report.report_files(local, local_xref, tool_version="test")
    xref = engine.run_cross_reference(ext, jobs=2, engine="dask", progress=lambda *a: None)
    received.clear()
    files = report.report_files(ext, xref, tool_version="test")
    assert files == expected

    texts = {r.article.id: r.article.text for r in local.results}
    of_text = {t: aid for aid, t in texts.items()}
    first_ids = ext.first_ids
    claims_per_part = max(ext.part_claims)

    def part_of(aid: str) -> int:
        import bisect

        return bisect.bisect_right(first_ids, aid) - 1

    text_values = claim_values = 0
    shown_texts: set[str] = set()
    for value in received:
        stack, found, objects = [value], set(), 0
        while stack:
            v = stack.pop()
            if isinstance(v, str) and v in of_text:
                found.add(of_text[v])
            elif isinstance(v, dict):
                objects += "claim_id" in v and "sentence" in v
                stack.extend(v.values())
            elif isinstance(v, (list, tuple)):
                stack.extend(v)
        if found:
            text_values += 1
            shown_texts |= found
            assert len({part_of(a) for a in found}) == 1, sorted(found)
        if objects:
            claim_values += 1
            assert objects <= claims_per_part
    # report.html shows every article with claims here (fewer than its maximum)
    assert len(local.claims) < html.MAX_CLAIMS
    assert shown_texts == {str(c.article_id) for c in local.claims}
    assert text_values == len({part_of(a) for a in shown_texts}) > 1
    assert claim_values > 1
