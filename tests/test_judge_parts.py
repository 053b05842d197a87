"""judge in parts, as the dask engine runs it (without a cluster): pairs judged on
their own (``pair_verdicts``), verdicts clustered by claim id (``verdict_clusters``),
events and clusters cut into buckets, each bucket judged from only the claims it is
sent (``judge_part``), the parts joined in any order (``ordered``): the same findings
as ``judge.judge``."""

from __future__ import annotations

import csv
import dataclasses
import functools
from collections import defaultdict

import pytest
from conftest import SEEDS, SHARED, write_generated_corpus

from crosscheck import dask_engine, group, judge, match, pipeline
from crosscheck.group import Groups
from crosscheck.records import Candidate, Claim, Finding

Judged = tuple[list[Claim], Groups, tuple[Candidate, ...]]


def _judged(paths: list[str]) -> Judged:
    claims = list(pipeline.extract(paths, jobs=1).claims)
    groups = group.group(claims)
    candidates, _ = match.match(claims, groups)
    return claims, groups, candidates


@pytest.fixture(scope="module")
def seeds_and_generated(tmp_path_factory: pytest.TempPathFactory) -> Judged:
    corpus = write_generated_corpus(tmp_path_factory.mktemp("gen"), 120, seed=41)
    return _judged([str(corpus), str(SEEDS)])


@pytest.fixture(scope="module")
def fakes(tmp_path_factory: pytest.TempPathFactory) -> Judged:
    """The first 150 FA-KES articles: real reports of the same attacks and talks."""
    source = SHARED / "corpora" / "fakes-syria.csv"
    if not source.is_file():
        pytest.skip(f"{source} is not present")
    csv.field_size_limit(1 << 30)
    with source.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))[:151]
    path = tmp_path_factory.mktemp("fakes") / "fakes150.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    return _judged([str(path)])


def in_parts(
    claims: list[Claim], groups: Groups, candidates: tuple[Candidate, ...], nb: int
) -> tuple[tuple[Finding, ...], int]:
    """judge as the dask engine splits it: ``nb`` buckets, each sent only the claims
    it reads with their table rows; the parts joined in reverse bucket order.
    Returns the findings and the number of distinct claims sent to the buckets."""
    verdicts = judge.pair_verdicts(claims, groups, candidates)
    in_bucket: list[list[judge.Verdict]] = [[] for _ in range(nb)]
    routes: dict[str, set[int]] = defaultdict(set)
    for v, cluster in zip(verdicts, judge.verdict_clusters(verdicts), strict=True):
        k = dask_engine.bucket_of(cluster, nb)
        in_bucket[k].append(v)
        routes[v.a].add(k)
        routes[v.b].add(k)
    sent: list[list[Claim]] = [[] for _ in range(nb)]
    for c in claims:
        dest = set(routes.get(c.claim_id, ()))
        keys = groups.event_keys_of.get(c.claim_id)
        if keys:
            dest |= {dask_engine.event_bucket(k, nb) for k in judge.event_value_keys(c, keys)}
        for k in dest:
            sent[k].append(c)
    parts: list[judge.Tagged] = []
    for k in reversed(range(nb)):
        rows = dask_engine.tables_for(groups, sent[k])
        owns = functools.partial(dask_engine.owns_event, k, nb)
        parts.extend(judge.judge_part(sent[k], rows, in_bucket[k], owns))
    return judge.ordered(parts), len({c.claim_id for s in sent for c in s})


# the kinds of finding (relation, slot, tied to an event) each corpus must give, so
# that every kind of part is exercised: the seeds' event times; FA-KES's clusters
KINDS = {
    "seeds_and_generated": {("contradiction", "time", True), ("agreement", "statement", False)},
    "fakes": {("contradiction", "number", False), ("agreement", "statement", False)},
}


@pytest.mark.parametrize("nb", [1, 2, 5, 13], ids=["1-bucket", "2", "5", "13"])
@pytest.mark.parametrize("corpus", sorted(KINDS))
def test_judge_in_parts_equals_judge(request: pytest.FixtureRequest, corpus: str, nb: int) -> None:
    claims, groups, candidates = request.getfixturevalue(corpus)
    expected = judge.judge(claims, groups, candidates)
    got, sent = in_parts(claims, groups, candidates, nb)
    assert got == expected
    assert KINDS[corpus] <= {(f.relation, f.slot, bool(f.event)) for f in expected}
    assert 0 < sent < len(claims)  # the buckets are sent a part of the claims


def test_a_bucket_without_the_event_claims_misses_the_event(seeds_and_generated: Judged) -> None:
    """The routing matters: a bucket sent none of an event's claims makes no finding
    of it (so the test above would see a claim routed wrong)."""
    claims, groups, candidates = seeds_and_generated
    expected = [f for f in judge.judge(claims, groups, candidates) if f.slot == "time" and f.event]
    assert expected
    no_events = [c for c in claims if c.claim_id not in groups.event_keys_of]
    found = judge.ordered(judge.judge_part(no_events, groups, [], None))
    assert not [f for f in found if f.slot == "time" and f.event]
    everything = judge.ordered(judge.judge_part(claims, groups, [], None))
    assert [f for f in everything if f.slot == "time" and f.event] == expected


def _finding(fid: str, reason: str) -> Finding:
    return Finding(
        id=fid,
        relation="related",
        slot="",
        event="",
        claims=("a", "b"),
        values=(),
        articles=("x", "y"),
        score=30.0,
        reason=reason,
    )


def test_ordered_keeps_the_first_made_of_one_id() -> None:
    """Two clusters with the same claims in two blocks have one id: the one judge
    makes first (the first block) is kept, in whatever order the parts come."""
    first = ((8, "event:a", "a", 0), _finding("R-1", "block a"))
    second = ((8, "speaker:b", "a", 0), _finding("R-1", "block b"))
    other = ((7, "", "c", 0), dataclasses.replace(_finding("A-2", "x"), relation="agreement"))
    assert judge.ordered([second, other, first]) == judge.ordered([first, second, other])
    assert [f.reason for f in judge.ordered([second, other, first])] == ["x", "block a"]


def _verdict(kind: str, a: str, b: str, block: str = "") -> judge.Verdict:
    return judge.Verdict(kind, a, b, 1.0, 1, block, 50.0, None)


CHAIN = [  # one agreement cluster a-b-c-d, split so no part sees it whole
    _verdict("agreement", "c", "d"),
    _verdict("agreement", "a", "b"),
    _verdict("agreement", "b", "c"),
    _verdict("time", "b", "c"),  # another union-find: its own cluster
    _verdict("related", "x", "y", "event:k"),
    _verdict("related", "y", "z", "speaker:s"),  # per block: not joined to x-y
]


@pytest.mark.parametrize(
    "cuts",
    [[6], [1, 5], [1, 1, 4], [2, 2, 2], [1, 1, 1, 1, 1, 1], [0, 3, 0, 3]],
    ids=["whole", "first-alone", "chain-split", "pairs", "each-alone", "empty-parts"],
)
def test_merged_roots_of_parts_give_the_clusters_of_the_whole(cuts: list[int]) -> None:
    parts, at = [], 0
    for n in cuts:
        parts.append(judge.verdict_roots(CHAIN[at : at + n]))
        at += n
    merged = judge.merge_roots(parts)
    got = [judge.cluster_of(merged, v) for v in CHAIN]
    assert got == judge.verdict_clusters(CHAIN)
    assert got[:3] == ["7\x1f\x1fa"] * 3 and got[3] == "2\x1f\x1fb"
    assert got[4:] == ["8\x1fevent:k\x1fx", "8\x1fspeaker:s\x1fy"]


@pytest.mark.parametrize(
    "shape", [(1, 1), (4, 2), (7, 3), (13, 8)], ids=["1", "4x2", "7x3", "13x8"]
)
@pytest.mark.parametrize("corpus", sorted(KINDS))
def test_clusters_made_in_a_tree_of_parts_equal_verdict_clusters(
    request: pytest.FixtureRequest, corpus: str, shape: tuple[int, int]
) -> None:
    """The dask engine clusters the verdicts where they are: ``verdict_roots`` per
    bucket of pairs, ``merge_roots`` in a tree of fan-in ``fanin``."""
    claims, groups, candidates = request.getfixturevalue(corpus)
    verdicts = judge.pair_verdicts(claims, groups, candidates)
    nb, fanin = shape
    buckets: list[list[judge.Verdict]] = [[] for _ in range(nb)]
    for v in verdicts:
        buckets[dask_engine.bucket_of(v.a + "\x00" + v.b, nb)].append(v)
    roots = [judge.verdict_roots(b) for b in buckets]
    while len(roots) > 1:
        roots = [judge.merge_roots(roots[i : i + fanin]) for i in range(0, len(roots), fanin)]
    assert [judge.cluster_of(roots[0], v) for v in verdicts] == judge.verdict_clusters(verdicts)
    # clusters span buckets: the tree is needed
    if nb > 1:
        assert any(
            judge.cluster_of(judge.verdict_roots(b), v) != judge.cluster_of(roots[0], v)
            for b in buckets
            for v in b
        )
