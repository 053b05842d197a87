"""--engine dask: a 2-worker LocalCluster gives output identical to the local engine,
the block shuffle finds exactly the pairs match.match finds, and the driver never
receives the corpus (every value the workers send it is inspected)."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import pickle
import random
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from conftest import SEEDS, needs_dask, write_generated_corpus

from crosscheck import dask_engine, engine, group, html, judge, match, pipeline, report
from crosscheck.errors import CrosscheckError
from crosscheck.group import Groups
from crosscheck.records import Article, ArticleResult, Candidate, Claim, EventEntry, SpeakerEntry


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
@pytest.mark.parametrize(
    ("partition_articles", "claims_per_partition", "max_claims"),
    [(256, 20_000, html.MAX_CLAIMS), (7, 700, 40)],
    ids=["defaults", "small-partitions-short-page"],
)
def test_dask_equals_local_on_generated_corpus(
    cluster: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    partition_articles: int,
    claims_per_partition: int,
    max_claims: int,
) -> None:
    """The JSONL lines are shuffled: the workers sort the results into report order."""
    monkeypatch.setattr(dask_engine, "PARTITION_ARTICLES", partition_articles)
    monkeypatch.setattr(dask_engine, "CLAIMS_PER_PARTITION", claims_per_partition)
    monkeypatch.setattr(html, "MAX_CLAIMS", max_claims)
    order = random.Random(3).sample(range(200), 200)
    corpus = write_generated_corpus(tmp_path / "gen", 200, seed=23, fmt="jsonl", order=order)
    local = report_of([str(corpus), str(SEEDS)], jobs=1)
    distributed = report_of([str(corpus), str(SEEDS)], jobs=2, engine="dask")
    assert local["claims.csv"].count("\n") > 1_000
    assert ("Showing 40 of" in local["report.html"]) == (max_claims == 40)
    assert distributed == local


@needs_dask
@pytest.mark.parametrize(
    ("seed", "candidates", "findings"),
    [("000_", 7, 1), ("003_", 0, 0)],
    ids=["one-article-with-a-finding", "no-candidates"],
)
def test_dask_equals_local_on_one_article(
    cluster: str, seed: str, candidates: int, findings: int
) -> None:
    """The judge phase with few or no candidate pairs (no verdict buckets at all)."""
    [path] = [str(p) for p in SEEDS.iterdir() if p.name.startswith(seed)]
    local = pipeline.extract([path], jobs=1)
    xref = engine.run_cross_reference(local, progress=lambda *a: None)
    assert len(match.match(local.claims, group.group(local.claims))[0]) == candidates
    assert len(xref.findings) == findings
    assert report_of([path], jobs=2, engine="dask") == report_of([path], jobs=1)


@pytest.mark.parametrize(
    "article_id", ["plain", "with:colons:001", "ends-with-colon:", "a b/c.txt"], ids=str
)
def test_claim_article_reads_the_article_id_back(tmp_path: Path, article_id: str) -> None:
    """The judge shuffles find a claim's partition from its claim id."""
    text = "The minister said the talks would start on Monday. Officials said they had agreed."
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"id": article_id, "text": text}) + "\n", encoding="utf-8")
    claims = pipeline.extract([str(path)], jobs=1).claims
    assert claims
    assert {dask_engine.claim_article(c.claim_id) for c in claims} == {article_id}
    seeds = pipeline.extract([str(SEEDS)], jobs=1).claims
    assert all(dask_engine.claim_article(c.claim_id) == c.article_id for c in seeds)


def test_partition_needs_cut_claim_ids_by_partition() -> None:
    pairs = [Candidate(a="a:001", b="m:x:002", block="", score=1.0)]
    pairs += [Candidate(a="b:003", b="z:001", block="", score=1.0)]
    firsts = dask_engine.pack(("a", "b", "m", "m:x:1"))  # partition 2 holds "m", 3 "m:x:1".."z"
    got = [
        dask_engine.unpack(x) for x in dask_engine.partition_needs(firsts, dask_engine.pack(pairs))
    ]
    assert got == [["a:001"], ["b:003"], ["m:x:002"], ["z:001"]]


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
        data, n, k = dask_engine.candidate_partition([dask_engine.take(s, j) for s in scored])
        cands = dask_engine.unpack(data)
        assert n == len(cands) and cands == sorted(cands, key=lambda c: (c.a, c.b))
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


# --------------------------------------------------------------------------- what the driver receives


class Received:
    """Every value the workers send to the driver (``Future.result``, ``Client.gather``),
    or the driver sends them (``Client.scatter``), scanned for the corpus: per-article
    results, article texts, claims, and rows of group's per-claim tables (packed
    results are unpickled and scanned too; dataclasses are looked into)."""

    def __init__(self, texts: dict[str, str], claim_ids: set[str] | None = None) -> None:
        self.article_of_text = {text: aid for aid, text in texts.items()}
        self.claim_ids = claim_ids or set()
        self.results = 0  # ArticleResult objects
        self.texts: set[str] = set()  # ids of the articles whose text arrived
        self.full_claims: set[str] = set()  # Claim objects with their content or sentence
        self.slim_claims = 0  # Claim objects without them (a projection)
        self.claim_objects: set[str] = set()  # report.json objects of claims
        # claim ids keyed to a canonical speaker, speaker keys, events or event keys:
        # rows of group's per-claim tables (a dict claim id -> str or tuple of str)
        self.table_rows: set[str] = set()
        self.table_row_count = 0
        # claim ids of the speaker and event entries: their shares' or their own
        # ``claims``, or a share of them by entry key (entry key -> claim ids)
        self.entry_ids: set[str] = set()
        # matching's candidate pairs and judge's verdicts (``Candidate``, ``Verdict``)
        self.pairs = 0
        # claim ids keyed to anything (a per-claim table or route: claim id -> ...)
        self.keyed_ids: set[str] = set()

    def scan(self, value: Any) -> None:
        stack = [value]
        while stack:
            v = stack.pop()
            if isinstance(v, (group.SpeakerPart, group.EventPart, SpeakerEntry, EventEntry)):
                if not isinstance(v.claims, group.HeldIds):  # a count (cannot be read)
                    self.entry_ids.update(v.claims)
                stack.extend(
                    getattr(v, f.name) for f in dataclasses.fields(v) if f.name != "claims"
                )
            elif isinstance(v, (Candidate, judge.Verdict)):
                self.pairs += 1
            elif isinstance(v, ArticleResult):
                self.results += 1
                stack.append(v.article)
                stack.extend(v.claims)
            elif isinstance(v, Article):
                stack.append(v.text)
            elif isinstance(v, Claim):
                if v.content or v.sentence:
                    self.full_claims.add(v.claim_id)
                else:
                    self.slim_claims += 1
            elif isinstance(v, bytes):
                with contextlib.suppress(Exception):  # a packed result: look inside
                    stack.append(pickle.loads(v))
            elif isinstance(v, str):
                if v in self.article_of_text:
                    self.texts.add(self.article_of_text[v])
            elif isinstance(v, dict):
                if "claim_id" in v and "sentence" in v:
                    self.claim_objects.add(str(v["claim_id"]))
                for k, x in v.items():
                    if (
                        k not in self.claim_ids
                        and isinstance(x, list)
                        and x
                        and all(isinstance(y, str) and y in self.claim_ids for y in x)
                    ):
                        self.entry_ids.update(x)
                    if k in self.claim_ids:
                        self.keyed_ids.add(k)
                    if k in self.claim_ids and (
                        isinstance(x, str)
                        or (isinstance(x, tuple) and all(isinstance(y, str) for y in x))
                    ):
                        self.table_rows.add(k)
                        self.table_row_count += 1
                stack.extend(v.keys())
                stack.extend(v.values())
            elif isinstance(v, (list, tuple, set, frozenset)):
                stack.extend(v)
            elif dataclasses.is_dataclass(v) and not isinstance(v, type):
                stack.extend(getattr(v, f.name) for f in dataclasses.fields(v))


@pytest.fixture
def received(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    """Records every value that reaches the driver from the cluster."""
    import distributed

    seen: list[Any] = []
    result, gather = distributed.Future.result, distributed.Client.gather

    def spy_result(self: Any, *a: Any, **kw: Any) -> Any:
        value = result(self, *a, **kw)
        seen.append(value)
        return value

    def spy_gather(self: Any, *a: Any, **kw: Any) -> Any:
        value = gather(self, *a, **kw)
        seen.append(value)
        return value

    monkeypatch.setattr(distributed.Future, "result", spy_result)
    monkeypatch.setattr(distributed.Client, "gather", spy_gather)
    yield seen


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    """Records every value the driver scatters to the cluster (what it held)."""
    import distributed

    seen: list[Any] = []
    scatter = distributed.Client.scatter

    def spy_scatter(self: Any, data: Any, *a: Any, **kw: Any) -> Any:
        seen.append(data)
        return scatter(self, data, *a, **kw)

    monkeypatch.setattr(distributed.Client, "scatter", spy_scatter)
    yield seen


def write_lonely_corpus(folder: Path, n: int) -> Path:
    """Articles of made-up words: their claims share no speaker, event or rare word
    with any other, so they meet no other claim (most claims of a real corpus)."""
    rng = random.Random(7)

    def word(cap: bool = False) -> str:
        w = "".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(3))
        return w.capitalize() if cap else w

    folder.mkdir(parents=True)
    for i in range(n):
        said = [
            f"{word(True)} {word(True)} said the {word()} {word()} would {word()} the "
            f"{word()} of {word()} {word()}."
            for _ in range(6)
        ]
        text = " ".join(said[:3]) + "\n\n" + " ".join(said[3:]) + "\n"
        (folder / f"lonely-{i:03d}.txt").write_text(text, encoding="utf-8")
    return folder


@needs_dask
def test_the_driver_never_receives_the_corpus(
    cluster: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    received: list[Any],
    sent: list[Any],
) -> None:
    """Extraction, cross-referencing and every report file on the cluster: no
    per-article result reaches the driver; no claim, for group (its map and apply
    steps run on the workers) or for judge (pairs judged, events judged and the
    verdicts' clusters made into findings on the workers: the driver clusters
    verdicts by claim id only), and no row of group's per-claim tables; claims'
    report objects and article texts only for those report.html and findings.md
    show. The driver sends the workers no per-claim table and no claim either."""
    max_claims = 40
    monkeypatch.setattr(dask_engine, "PARTITION_ARTICLES", 16)
    # report.json's speakers and events made in many runs of entries
    monkeypatch.setattr(dask_engine, "ENTRY_CLAIMS_PER_RUN", 50)
    monkeypatch.setattr(html, "MAX_CLAIMS", max_claims)
    corpus = write_generated_corpus(tmp_path / "gen", 40, seed=31)
    paths = [str(corpus), str(write_lonely_corpus(tmp_path / "lonely", 150)), str(SEEDS)]

    # what the local engine says the judge reads and the page shows
    local = pipeline.extract(paths, jobs=1)
    claims = local.claims
    groups = group.group(claims)
    candidates, _ = match.match(claims, groups)
    verdicts = judge.pair_verdicts(claims, groups, candidates)
    in_pairs = {c.a for c in candidates} | {c.b for c in candidates}
    in_verdicts = {v.a for v in verdicts} | {v.b for v in verdicts}
    give_event_values = {
        c.claim_id
        for c in claims
        if c.claim_id in groups.event_keys_of
        and judge.event_value_keys(c, groups.event_keys_of[c.claim_id])
    }
    local_xref = engine.run_cross_reference(local, progress=lambda *a: None)
    local_report = report.build_report(local, local_xref, tool_version="test")
    named, shown, _, _ = report.page_claims(
        local_report["claims"], local_report["findings"], max_claims
    )
    local_files = report.report_files(local, local_xref, tool_version="test")
    assert len(claims) > 1_000 and len(shown) == max_claims
    # judge has claims to read: pairs that make findings, events dated and placed
    assert in_verdicts and not in_pairs <= in_verdicts
    assert give_event_values - in_verdicts
    assert {(f.slot, bool(f.event)) for f in local_xref.findings} >= {
        ("time", True),
        ("place", True),
    }

    received.clear()
    sent.clear()
    extraction = pipeline.extract(paths, jobs=2, engine="dask")
    xref = engine.run_cross_reference(extraction, jobs=2, engine="dask", progress=lambda *a: None)
    files = report.report_files(extraction, xref, tool_version="test")
    assert files == local_files

    ids = {c.claim_id for c in claims}
    seen = Received({r.article.id: r.article.text for r in local.results}, ids)
    for value in received:
        seen.scan(value)
    assert seen.slim_claims == 0  # no projection of the claims for group
    assert seen.results == 0
    assert seen.full_claims == set()
    # group's per-claim tables stay on the workers, judge reads them there
    assert seen.table_rows == set()
    # ... and the entries' claim ids with them: the driver gets counts (report.json's
    # speakers and events are made on the workers and streamed into the file)
    assert seen.entry_ids == set()
    # matching's candidates and judge's verdicts stay on the workers too: the driver
    # reads counts and findings (the verdicts' clusters are made on the workers); no
    # claim-id-keyed table or route reaches it but the claims report.html shows
    assert seen.pairs == 0
    assert seen.keyed_ids <= set(named)
    assert isinstance(xref, dask_engine.DaskCrossReference)
    assert all(isinstance(e.claims, group.HeldIds) for e in xref.speakers)
    assert all(isinstance(e.claims, group.HeldIds) for e in xref.events)
    assert xref.entries_with_ids() == (local_xref.speakers, local_xref.events)
    assert sum(len(e.claims) for e in local_xref.speakers) > 1_000
    assert seen.claim_objects == set(named)
    assert seen.texts == {str(c["article_id"]) for c in shown}
    assert len(seen.texts) < len(local.results) / 4
    held = Received({}, ids)
    for value in sent:
        held.scan(value)
    assert held.table_row_count == 0 and held.slim_claims == 0 and not held.full_claims
    assert held.pairs == 0 and held.keyed_ids == set()  # no candidates, verdicts or routes
    # (the spy sees pairs and routes when they come packed)
    probe = Received({}, ids)
    probe.scan(dask_engine.pack((candidates, verdicts, {v.a: (0,) for v in verdicts})))
    assert probe.pairs == len(candidates) + len(verdicts)
    assert probe.keyed_ids == {v.a for v in verdicts}
    assert isinstance(xref, dask_engine.DaskCrossReference)
    assert xref.speaker_of == {} and xref.events_of == {}
    # ... and they are there, equal to the local engine's
    assert xref.claim_tables() == (local_xref.speaker_of, local_xref.events_of)
    assert len(local_xref.speaker_of) == len(claims)

    # the spy would see the corpus if it came: reading every result brings every article
    received.clear()
    assert len(list(extraction.results)) == len(local.results)
    again = Received({r.article.id: r.article.text for r in local.results})
    for value in received:
        again.scan(value)
    assert again.results == len(local.results)
    assert again.texts == {r.article.id for r in local.results}


@needs_dask
def test_the_driver_side_extraction_holds_no_text(cluster: str) -> None:
    extraction = pipeline.extract([str(SEEDS)], jobs=2, engine="dask")
    local = pipeline.extract([str(SEEDS)], jobs=1)
    assert isinstance(extraction, dask_engine.DaskExtraction)
    held = pickle.dumps(
        (extraction.rows, extraction.manifest, extraction.errors, extraction.warned_articles)
    )
    for r in local.results:
        assert r.article.text[:200].encode("utf-8") not in held
        said = next(c.sentence for c in r.claims if c.kind == "attributed")
        assert said.encode("utf-8") not in held
    assert len(extraction.results) == 5 and extraction.n_claims == len(local.claims)
    assert list(extraction.results) == list(local.results)
    assert extraction.results[-1] == local.results[-1]
    assert extraction.article_rows() == [r.to_row() for r in local.results]
    assert extraction.manifest == local.manifest


def _entry(key: str, n: int) -> SpeakerEntry:
    return SpeakerEntry(key, key, "person", (), (), (), group.HeldIds(n))


@pytest.mark.parametrize(
    ("counts", "size", "ends"),
    [
        ([], 5, [0]),
        ([1], 5, [1]),
        ([2, 2, 2], 5, [3]),
        ([3, 2, 1, 4], 5, [2, 4]),
        ([9, 1, 1], 5, [1, 3]),
        ([5, 5, 5], 5, [1, 2, 3]),
    ],
    ids=["none", "one", "under-size", "cut-at-size", "big-entry-alone", "each-alone"],
)
def test_entry_runs_cut_the_entries_by_claim_ids(
    counts: list[int], size: int, ends: list[int]
) -> None:
    entries = [_entry(f"k{i}", n) for i, n in enumerate(counts)]
    assert dask_engine.entry_runs(entries, size) == ends


def test_held_ids_count_but_cannot_be_read() -> None:
    held = group.HeldIds(3)
    assert len(held) == 3 and held and not group.HeldIds(0)
    assert held == group.HeldIds(3) and held != group.HeldIds(2) and held != ()
    assert pickle.loads(pickle.dumps(held)) == held
    with pytest.raises(CrosscheckError):
        list(held)
    with pytest.raises(CrosscheckError):
        report._speaker_json(_entry("k", 3))


@needs_dask
def test_a_local_extraction_is_distributed_for_cross_referencing(cluster: str) -> None:
    local = pipeline.extract([str(SEEDS)], jobs=1)
    expected = engine.run_cross_reference(local, progress=lambda *a: None)
    got = engine.run_cross_reference(local, jobs=2, engine="dask", progress=lambda *a: None)
    assert isinstance(got, dask_engine.DaskCrossReference)
    fields = ("findings", "pairs_compared")
    assert [getattr(got, f) for f in fields] == [getattr(expected, f) for f in fields]
    assert got.claim_tables() == (expected.speaker_of, expected.events_of)
    # the entries, their claim ids held on the workers (counted here)
    assert got.entries_with_ids() == (expected.speakers, expected.events)
    assert [len(e.claims) for e in got.speakers] == [len(e.claims) for e in expected.speakers]
    assert [len(e.claims) for e in got.events] == [len(e.claims) for e in expected.events]


@needs_dask
def test_cli_report_on_dask_equals_local(cluster: str, tmp_path: Path) -> None:
    """Skipped inputs, warnings and the files of `crosscheck report`, on both engines."""
    from conftest import invoke

    lines = [
        json.dumps({"id": p.stem, "text": p.read_text(encoding="utf-8"), "date": "soon"})
        for p in sorted(SEEDS.glob("*.txt"))
    ]
    lines.append(lines[0])  # a duplicate id: a warning
    lines.append("{not json")  # skipped
    lines.append(json.dumps({"id": "empty", "text": ""}))
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    runs = {}
    for name, extra in (("local", ["--jobs", "1"]), ("dask", ["--engine", "dask", "--jobs", "2"])):
        out = tmp_path / name
        result = invoke("report", str(corpus), "--out", str(out), *extra)
        assert result.exit_code == 0, result.stderr[-2000:]
        files = {p.name: p.read_bytes() for p in sorted(out.iterdir())}
        runs[name] = (result.stdout, result.stderr.replace(str(tmp_path / name), "OUT"), files)
    assert "warning:" in runs["local"][1] and "skipped:" in runs["local"][1]
    assert runs["dask"] == runs["local"]
