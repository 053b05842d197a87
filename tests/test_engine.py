"""The local engine: --jobs N gives byte-identical output to --jobs 1, streaming in chunks."""

from __future__ import annotations

import json
import multiprocessing
import pickle
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import SEEDS, write_generated_corpus
from test_attribute_speed import _Checked

from crosscheck import engine, pipeline, records, segment
from crosscheck.errors import CrosscheckError
from crosscheck.records import Article, CrossReference, Extraction, Skipped


def snapshot(extraction: Extraction, xref: CrossReference | None = None) -> str:
    """Everything the reports are made of, as one JSON string (byte-comparable)."""
    data: dict[str, Any] = {
        "articles": [r.to_row() for r in extraction.results],
        "claims": [c.to_json() for c in extraction.claims],
        "manifest": [m.to_row() for m in extraction.manifest],
    }
    if xref is not None:
        data["speakers"] = [s.to_row() for s in xref.speakers]
        data["events"] = [e.to_row() for e in xref.events]
        data["findings"] = [f.to_json() for f in xref.findings]
        data["pairs_compared"] = xref.pairs_compared
        data["speaker_of"] = sorted(xref.speaker_of.items())
        data["events_of"] = sorted((k, list(v)) for k, v in xref.events_of.items())
    return json.dumps(data, sort_keys=True, ensure_ascii=False)


def run(paths: list[str], jobs: int) -> str:
    extraction = pipeline.extract(paths, jobs=jobs)
    return snapshot(extraction, pipeline.cross_reference(extraction, jobs=jobs))


@pytest.fixture
def pool_spy(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Make every corpus big enough for the pool, and record each time the pool runs."""
    monkeypatch.setattr(engine, "SERIAL_MAX_ARTICLES", 2)
    monkeypatch.setattr(engine, "SERIAL_MAX_BYTES", 1)
    monkeypatch.setattr(engine, "CHUNK_ARTICLES", 7)  # many chunks, so completion order varies
    calls: list[int] = []
    real = engine._parallel

    def spy(items: Any, jobs: int, progress: Any, work: Any) -> Iterator[Any]:
        calls.append(jobs)
        return real(items, jobs, progress, work)

    monkeypatch.setattr(engine, "_parallel", spy)
    return calls


# --------------------------------------------------------------------------- byte-identical


def test_jobs2_equals_jobs1_on_seeds(pool_spy: list[int]) -> None:
    one = run([str(SEEDS)], jobs=1)
    two = run([str(SEEDS)], jobs=2)
    assert pool_spy == [2], "the pool did not run"
    assert two == one


def test_jobs2_equals_jobs1_on_generated_corpus(tmp_path: Path, pool_spy: list[int]) -> None:
    corpus = write_generated_corpus(tmp_path / "gen", 200, seed=11)
    one = run([str(corpus), str(SEEDS)], jobs=1)
    two = run([str(corpus), str(SEEDS)], jobs=2)
    assert json.loads(one)["claims"], "the generated corpus produced no claims"
    assert two == one
    # other path order, other pool size: the extraction alone (cross-referencing is above)
    three = pipeline.extract([str(SEEDS), str(corpus)], jobs=3)
    assert pool_spy == [2, 3]
    assert snapshot(three) == snapshot(pipeline.extract([str(corpus), str(SEEDS)], jobs=1))


def test_default_thresholds_keep_small_corpora_serial(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    monkeypatch.setattr(engine, "_parallel", lambda *a: calls.append(1) or iter(()))
    extraction = pipeline.extract([str(SEEDS)], jobs=2)
    assert calls == []
    assert len(extraction.results) == 5


# --------------------------------------------------------------------------- items straight in


def _articles(n: int, seed: int) -> list[Article | Skipped]:
    rng = random.Random(seed)
    out: list[Article | Skipped] = []
    for i in range(n):
        if i % 17 == 5:
            out.append(Skipped(f"in/{i:03d}.txt", 0, "empty file", "add text"))
        else:
            text = " ".join(
                f'"Talks resume in {rng.choice(["May", "June"])}," Anna Keller said. Prices rose {i}%.'
                for _ in range(rng.randint(1, 30))
            )
            out.append(Article(id=f"a{i:03d}", text=text, source=f"in/{i:03d}.txt"))
    return out


def test_skips_pass_through_the_pool_into_the_manifest(pool_spy: list[int]) -> None:
    items = _articles(60, seed=3)
    serial = engine.run_extraction(items, jobs=1, progress=lambda *a: None)
    pooled = engine.run_extraction(items, jobs=2, progress=lambda *a: None)
    assert pool_spy == [2]
    assert snapshot(pooled) == snapshot(serial)
    assert len(pooled.errors) == sum(isinstance(i, Skipped) for i in items) == 4
    assert len(pooled.manifest) == len(items)


def test_input_order_does_not_change_the_output(pool_spy: list[int]) -> None:
    items = _articles(60, seed=4)
    shuffled = items[:]
    random.Random(0).shuffle(shuffled)
    forward = engine.run_extraction(items, jobs=1, progress=lambda *a: None)
    backward = engine.run_extraction(shuffled, jobs=2, progress=lambda *a: None)
    assert snapshot(backward) == snapshot(forward)


def test_progress_counts_every_item(pool_spy: list[int]) -> None:
    items = _articles(40, seed=5)
    seen: list[tuple[str, int, int | None]] = []
    engine.run_extraction(items, jobs=2, progress=lambda s, d, t: seen.append((s, d, t)))
    assert {s for s, _, _ in seen} == {"extract"}
    assert all(t is None for _, _, t in seen)
    counts = [d for _, d, _ in seen]
    assert counts == sorted(counts)
    assert counts[-1] == len(items)


def test_the_input_is_streamed_not_read_up_front(pool_spy: list[int]) -> None:
    """The pool pulls chunks as it goes: at most a bounded window is read ahead."""
    items = _articles(400, seed=6)
    pulled = 0
    max_ahead = 0
    yielded_results = 0

    def source() -> Iterator[Article | Skipped]:
        nonlocal pulled, max_ahead
        for item in items:
            pulled += 1
            max_ahead = max(max_ahead, pulled - yielded_results)
            yield item

    def progress(stage: str, done: int, total: int | None) -> None:
        nonlocal yielded_results
        yielded_results = done

    engine.run_extraction(source(), jobs=2, progress=progress)
    # chunks in flight, finished ones waiting for an earlier one, one being cut
    window = (2 * engine.INFLIGHT_PER_JOB + 2 * engine.READY_PER_JOB + 1) * 7 + 1
    assert pulled == len(items)
    assert max_ahead <= window, f"read {max_ahead} items ahead of the results"


def test_a_worker_exception_reaches_the_caller(pool_spy: list[int]) -> None:
    """A stage that raises in a worker raises in the caller; nothing is silently lost."""
    items = _articles(60, seed=7)
    items[31] = Article(id="a031", text=None, source="in/031.txt")  # type: ignore[arg-type]
    with pytest.raises((TypeError, AttributeError)):
        engine.run_extraction(items, jobs=2, progress=lambda *a: None)
    assert pool_spy == [2]


def _collector_states(chunk: list[Any]) -> list[bool]:
    """Pool work: whether the worker's cyclic collector is on, once per item."""
    import gc

    return [gc.isenabled() for _ in chunk]


@pytest.mark.parametrize("jobs", [1, 2], ids=["serial", "pool"])
def test_extraction_pauses_the_collector_and_workers_keep_it(
    pool_spy: list[int], monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    """The results pile up in the calling process with the cyclic collector paused
    (it would rescan them all at every full collection) and it is on again after;
    a forked pool worker, which inherits the paused collector, turns it back on."""
    import gc

    seen: list[bool] = []
    real_assemble = pipeline.assemble

    def spy(items: Any) -> Extraction:
        out = real_assemble(items)
        seen.append(gc.isenabled())
        return out

    monkeypatch.setattr(pipeline, "assemble", spy)
    assert gc.isenabled()
    extraction = engine.run_extraction(_articles(30, seed=3), jobs=jobs, progress=lambda *a: None)
    assert extraction.results
    assert seen == [False]
    assert gc.isenabled()
    assert pool_spy == ([2] if jobs == 2 else [])
    with engine.gc_paused():
        states = list(
            engine.local_map(
                _articles(30, seed=4), _collector_states, jobs=2, progress=lambda *a: None
            )
        )
    assert states == [True] * 30


# --------------------------------------------------------------------------- chunking


@pytest.mark.parametrize(
    ("sizes", "max_articles", "max_chars", "expected"),
    [
        ([1, 1, 1, 1, 1], 2, 100, [2, 2, 1]),
        ([10, 10, 10, 10], 10, 25, [2, 2]),
        ([5, 100, 5], 10, 20, [1, 1, 1]),
        ([], 3, 10, []),
        ([0, 0, 0], 2, 1, [2, 1]),
    ],
    ids=["by-count", "by-chars", "big-article-alone", "empty", "skips-count-not-chars"],
)
def test_chunked(sizes: list[int], max_articles: int, max_chars: int, expected: list[int]) -> None:
    items: list[Article | Skipped] = [
        Article(id=str(i), text="x" * n) if n else Skipped(str(i), 0, "skip")
        for i, n in enumerate(sizes)
    ]
    chunks = list(engine.chunked(items, max_articles, max_chars))
    assert [len(c) for c in chunks] == expected
    assert [x for c in chunks for x in c] == items


# --------------------------------------------------------------------------- options


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"engine": "spark"}, "unknown engine"),
        ({"engine": "local", "scheduler": "tcp://127.0.0.1:8786"}, "needs the dask engine"),
    ],
    ids=["unknown-engine", "scheduler-without-dask"],
)
def test_bad_engine_options_raise_with_a_hint(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(CrosscheckError, match=message) as err:
        engine.run_extraction([], jobs=1, progress=lambda *a: None, **kwargs)
    assert err.value.hint


def test_default_jobs_is_the_usable_cores() -> None:
    assert 1 <= engine.default_jobs() <= (multiprocessing.cpu_count() or 1)


# --------------------------------------------------------------------------- pickling


@pytest.mark.parametrize("cls", records.PICKLED_BY_FIELDS, ids=lambda c: c.__name__)
def test_per_claim_records_pickle_by_fields(cls: type) -> None:
    """Results cross the process boundary as their fields, made again by ``builder``
    (records._pickled_by_fields): every record of the seeds' extraction comes back
    equal, of the same class."""
    extraction = pipeline.extract([str(SEEDS)])
    found = []
    for result in extraction.results:
        found += [z for z in result.article.zones if type(z) is cls]
        for claim in result.claims:
            found += [claim] if type(claim) is cls else []
            for slot in (claim.times, claim.quantities, claim.places, claim.events):
                found += [x for x in slot if type(x) is cls]
        if cls is records.Sentence:
            found += list(segment.segment(result.article))
    assert found, f"the seeds hold no {cls.__name__}"
    for obj in found:
        reduced = obj.__reduce__()
        assert reduced[0] is records._rebuilt and reduced[1][0] is cls
        back = pickle.loads(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))
        assert type(back) is cls and back == obj


def test_a_record_the_builder_cannot_make_is_pickled_as_a_call() -> None:
    # (a record whose ``__init__`` does more than store its fields)
    records._pickled_by_fields(_Checked)
    obj = _Checked(3, "y")
    assert obj.__reduce__() == (_Checked, (3, "y"))
    assert pickle.loads(pickle.dumps(obj)) == obj
    assert _Checked not in records._BUILDERS


@pytest.mark.parametrize("jobs", [1, 2], ids=["serial", "pool"])
def test_unnormalised_extraction_has_the_same_rows_and_no_slots(
    tmp_path: Path, pool_spy: list[int], jobs: int
) -> None:
    """``normalised=False`` (claims, articles, evaluate) stops after attribute: the
    claim rows and article rows are those of the full extraction, the slots empty."""
    corpus = write_generated_corpus(tmp_path / "gen", 40, seed=3)
    paths = [str(corpus), str(SEEDS)]
    full = pipeline.extract(paths, jobs=jobs)
    bare = pipeline.extract(paths, jobs=jobs, normalised=False)
    assert pool_spy == ([jobs, jobs] if jobs > 1 else [])
    assert [c.to_row() for c in bare.claims] == [c.to_row() for c in full.claims]
    assert [r.to_row() for r in bare.results] == [r.to_row() for r in full.results]
    assert any(c.times or c.quantities or c.places or c.events for c in full.claims)
    assert not any(c.times or c.quantities or c.places or c.events for c in bare.claims)
