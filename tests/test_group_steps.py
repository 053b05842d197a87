"""group's map / merge / apply steps: run over any partition of the corpus by article
(as the dask engine runs them, one partition per task), they give what ``group.group``
gives over the whole; what the merge reads does not grow with the claims."""

from __future__ import annotations

import dataclasses
import pickle
import random
from collections.abc import Sequence

import pytest
from conftest import SEEDS, write_generated_corpus
from test_group import said

from crosscheck import group, pipeline
from crosscheck.records import Claim


@pytest.fixture(scope="module")
def corpus_claims(tmp_path_factory: pytest.TempPathFactory) -> list[Claim]:
    folder = write_generated_corpus(tmp_path_factory.mktemp("gen") / "gen", 120, seed=41)
    claims = list(pipeline.extract([str(folder), str(SEEDS)], jobs=1).claims)
    assert len(claims) > 500
    return claims


# role-only speakers answered in their article, across articles in the time window,
# or by nobody (two holders); a bare last name and a typo joining a full name
HAND_BUILT = [
    said("a1", "001", "Russian Foreign Minister Sergei Petrov", "Sergei Petrov",
         role="Russian Foreign Minister"),
    said("a2", "001", "the Russian foreign minister"),
    said("b1", "002", "Petrov", "Petrov"),
    said("c1", "003", "the Russian foreign minister", pub="2017-11-20"),
    said("d1", "004", "Sergei Petrow", "Sergei Petrow"),
    said("e1", "005", "Defence Minister Anna Berg", "Anna Berg", role="Defence Minister"),
    said("e2", "006", "Defence Minister Carl Holm", "Carl Holm", role="Defence Minister"),
    said("e3", "007", "the defence minister"),
    said("f1", "008", "the defence minister", pub="2019-01-01"),
]  # fmt: skip


def by_article(claims: Sequence[Claim], parts: int, seed: int) -> list[list[Claim]]:
    """The claims cut into ``parts`` partitions, whole articles each, shuffled."""
    articles = sorted({c.article_id for c in claims})
    random.Random(seed).shuffle(articles)
    where = {a: i % parts for i, a in enumerate(articles)}
    out: list[list[Claim]] = [[] for _ in range(parts)]
    for c in claims:
        out[where[c.article_id]].append(c)
    return [p for p in out if p]


def stepwise(partitions: Sequence[Sequence[Claim]]) -> group.Groups:
    """The three steps as the dask engine runs them, partitions kept apart."""
    maps = [group.map_claims(p) for p in partitions]
    # combined in a tree, in another order than the partitions'
    while len(maps) > 1:
        maps = [group.combine_maps(maps[i : i + 3]) for i in range(0, len(maps), 3)][::-1]
    merged = group.merge(maps[0] if maps else group.GroupMap())
    applied = [group.apply_claims(p, merged) for p in partitions]
    parts = group.EntryParts()
    for a in reversed(applied):
        parts.update(a.parts)
    found = group.finish(parts)
    tables = [
        group.claim_tables(a, found.speaker_names, found.event_names, found.event_heads)
        for a in applied
    ]
    joined = group.Groups(speakers=found.speakers, events=found.events)
    for t in tables:
        for name in (
            "speaker_of",
            "events_of",
            "speaker_keys_of",
            "event_keys_of",
            "event_names",
            "event_heads",
        ):
            getattr(joined, name).update(getattr(t, name))
    return joined


def tables_of(g: group.Groups) -> dict[str, object]:
    return {
        f.name: sorted(v.items()) if isinstance(v := getattr(g, f.name), dict) else v
        for f in dataclasses.fields(g)
        if f.name not in ("words_of", "main_words_of", "incidents_of", "negations_of")
    }


@pytest.mark.parametrize(
    ("parts", "seed"),
    [(1, 0), (2, 1), (7, 2), (10_000, 3)],
    ids=["one-partition", "two", "seven", "one-article-each"],
)
def test_steps_over_partitions_equal_group(
    corpus_claims: list[Claim], parts: int, seed: int
) -> None:
    expected = group.group(corpus_claims)
    assert len(expected.speakers) > 50 and expected.events and expected.event_keys_of
    got = stepwise(by_article(corpus_claims, parts, seed))
    assert tables_of(got) == tables_of(expected)


@pytest.mark.parametrize("parts", [1, 3, 9], ids=["one-partition", "three", "one-article-each"])
def test_steps_on_roles_and_names_across_partitions(parts: int) -> None:
    expected = group.group(HAND_BUILT)
    # the facts that make this case: a role answered in its article (a2), in the
    # corpus (c1), nowhere (e3, f1: two holders, or out of the window)
    assert expected.speaker_keys_of["a2"] == expected.speaker_keys_of["a1"]
    assert expected.speaker_keys_of["c1"] == expected.speaker_keys_of["a1"]
    assert expected.speaker_keys_of["b1"] == expected.speaker_keys_of["a1"]
    assert expected.speaker_keys_of["e3"][0].startswith("local:007:")
    assert expected.speaker_keys_of["f1"][0].startswith("local:008:")
    got = stepwise(by_article(HAND_BUILT, parts, 5))
    assert tables_of(got) == tables_of(expected)


def test_what_the_merge_reads_does_not_grow_with_the_claims(corpus_claims: list[Claim]) -> None:
    """The same articles three times over (other ids, same speakers and events): the
    map and the merged tables hold the same keys, only the counts grow."""
    copies = [
        dataclasses.replace(c, claim_id=f"{k}{c.claim_id}", article_id=f"{k}{c.article_id}")
        for k in ("x", "y", "z")
        for c in corpus_claims
    ]
    once, thrice = group.map_claims(corpus_claims), group.map_claims(copies)
    assert set(thrice.persons) == set(once.persons)
    assert thrice.persons == {k: 3 * n for k, n in once.persons.items()}
    assert thrice.holders == once.holders and thrice.role_queries == once.role_queries
    assert set(thrice.named) == set(once.named)
    assert group.merge(thrice) == group.merge(once)
    n_keys = len(once.persons) + len(once.holders) + len(once.role_queries) + len(once.named)
    assert n_keys < len(corpus_claims) / 2


def test_an_empty_corpus() -> None:
    assert tables_of(stepwise([])) == tables_of(group.group([]))


def test_tables_are_none_of_the_text() -> None:
    """claim_tables gives a Groups without entries or text facts."""
    g = group.group(HAND_BUILT)
    merged = group.merge(group.map_claims(HAND_BUILT))
    applied = group.apply_claims(HAND_BUILT, merged)
    found = group.finish(applied.parts)
    t = group.claim_tables(applied, found.speaker_names, found.event_names, found.event_heads)
    assert t.speakers == () and t.events == () and t.words_of == {}
    assert t.speaker_of == g.speaker_of


def test_the_steps_results_pickle() -> None:
    """The dask engine sends the steps' results between processes: each pickles to an
    equal copy, compiled by mypyc too (there a frozen dataclass refuses the default
    unpickling, which sets its fields one by one)."""
    merged = group.merge(group.map_claims(HAND_BUILT))
    applied = group.apply_claims(HAND_BUILT, merged)
    found = group.finish(applied.parts.without_ids())
    for value in (group.map_claims(HAND_BUILT), merged, applied, found, group.group(HAND_BUILT)):
        assert pickle.loads(pickle.dumps(value)) == value


@pytest.mark.parametrize(
    ("parts", "seed"),
    [(1, 0), (2, 1), (7, 2), (10_000, 3)],
    ids=["one-partition", "two", "seven", "one-article-each"],
)
def test_entries_without_claim_ids_count_them(
    corpus_claims: list[Claim], parts: int, seed: int
) -> None:
    """The dask engine's driver combines the shares without their claim ids: the
    same entries, names and order, each counting its claims (``group.HeldIds``)."""
    merged = group.merge(group.map_claims(corpus_claims))
    applied = [group.apply_claims(p, merged) for p in by_article(corpus_claims, parts, seed)]
    full, counted = group.EntryParts(), group.EntryParts()
    for a in applied:
        full.update(a.parts)
        counted.update(a.parts.without_ids())
    expected, got = group.finish(full), group.finish(counted)
    assert sum(len(e.claims) for e in expected.speakers) > 500
    assert (got.speaker_names, got.event_names, got.event_heads) == (
        expected.speaker_names,
        expected.event_names,
        expected.event_heads,
    )
    for mine, theirs in ((got.speakers, expected.speakers), (got.events, expected.events)):
        assert all(isinstance(e.claims, group.HeldIds) for e in mine)
        assert [dataclasses.replace(e, claims=group.HeldIds(len(e.claims))) for e in theirs] == [
            *mine
        ]


@pytest.mark.parametrize("shards", [1, 2, 5, 64], ids=["one-shard", "two", "five", "64"])
def test_entries_finished_in_shards_of_keys_equal_finish(
    corpus_claims: list[Claim], shards: int
) -> None:
    """The dask engine makes the entries on its workers, a shard of keys each
    (``dask_engine.entry_shards``, ``finish_shard``), and joins them on the driver
    (``group.joined_indexes``): the same entries, names and orders."""
    from crosscheck import dask_engine

    merged = group.merge(group.map_claims(corpus_claims))
    applied = [group.apply_claims(p, merged) for p in by_article(corpus_claims, 7, 4)]
    # (cut first: ``update`` adds into the first share's mappings, a partition's own)
    cut = [dask_engine.entry_shards(a, shards) for a in applied]
    whole = group.EntryParts()
    for a in applied:
        whole.update(a.parts.without_ids())
    expected = group.finish(whole)
    indexes = [dask_engine.finish_shard([c[k] for c in cut]) for k in range(shards)]
    got = group.joined_indexes(reversed(indexes))
    assert got == expected
    for name in ("speaker_names", "event_names", "event_heads"):
        assert list(getattr(got, name).items()) == list(getattr(expected, name).items())
    assert len(expected.speakers) > 50 and len(expected.events) > 5
    if shards > 1:  # each shard holds a part of the keys
        assert all(len(i.speakers) < len(expected.speakers) for i in indexes)


def test_entry_claim_ids_are_the_claims_holding_their_key(corpus_claims: list[Claim]) -> None:
    """What report.json's speakers and events read on the dask engine's workers: an
    entry's claim ids are the claims whose keys (``speaker_keys_of``,
    ``event_keys_of``) hold the entry's key."""
    g = group.group(corpus_claims)
    for entries, keys_of in ((g.speakers, g.speaker_keys_of), (g.events, g.event_keys_of)):
        holding: dict[str, set[str]] = {}
        for cid, keys in keys_of.items():
            for key in keys:
                holding.setdefault(key, set()).add(cid)
        assert entries
        assert {e.key: e.claims for e in entries} == {
            e.key: tuple(sorted(holding[e.key])) for e in entries
        }


# --------------------------------------------------------------------------- text facts made ahead


class Ahead:
    """A ``group.FactsAhead`` that gives ``facts`` (what another process made)."""

    def __init__(self, until: str, facts: group.TextFacts | None) -> None:
        self.until = until
        self.facts = facts
        self.taken = 0

    def take(self) -> group.TextFacts | None:
        self.taken += 1
        return self.facts


def _facts(g: group.Groups) -> list[list[tuple[str, object]]]:
    """The text-fact tables in their order (the order is part of what must not change)."""
    return [
        list(table.items())
        for table in (g.words_of, g.main_words_of, g.incidents_of, g.negations_of)
    ]


@pytest.mark.parametrize(
    "given",
    ["theirs", "none", "too few", "other claims", "all but the split"],
)
def test_text_facts_made_ahead_give_what_group_makes(
    corpus_claims: list[Claim], given: str
) -> None:
    """Group takes the facts of the claims of the articles below ``until`` from
    ``ahead`` when they are exactly theirs, else makes them: the same tables either way."""
    whole = group.group(corpus_claims)
    ordered = group.report_order(corpus_claims)
    articles = sorted({c.article_id for c in ordered})
    until = articles[len(articles) * 3 // 5]
    head = [c for c in ordered if c.article_id < until]
    assert 0 < len(head) < len(ordered)
    facts = {
        "theirs": group.claims_text_facts(head),
        "none": None,
        "too few": group.claims_text_facts(head[:-1]),
        "other claims": group.claims_text_facts(ordered[len(head) :]),
        "all but the split": group.claims_text_facts(ordered[: len(head) - 1] + ordered[-1:]),
    }[given]
    ahead = Ahead(until, facts)
    shuffled = random.Random(5).sample(corpus_claims, len(corpus_claims))
    got = group.group(shuffled, ahead)
    assert ahead.taken == 1
    assert _facts(got) == _facts(whole)
    assert got == whole


def test_facts_given_ahead_are_used(corpus_claims: list[Claim]) -> None:
    """Facts that cover exactly the head's claims are taken as given (here marked, so
    that using them shows)."""
    ordered = group.report_order(corpus_claims)
    until = ordered[len(ordered) // 2].article_id
    head = [c for c in ordered if c.article_id < until]
    marked = group.claims_text_facts(head)
    marked.words_of[head[0].claim_id] = ("marked",)
    got = group.group(corpus_claims, Ahead(until, marked))
    assert got.words_of[head[0].claim_id] == ("marked",)
    assert list(got.words_of) == [c.claim_id for c in ordered]


@pytest.mark.parametrize("until", ["", "\uffff"], ids=["nothing-ahead", "everything-ahead"])
def test_facts_ahead_at_either_end(corpus_claims: list[Claim], until: str) -> None:
    ordered = group.report_order(corpus_claims)
    head = [c for c in ordered if c.article_id < until]
    got = group.group(corpus_claims, Ahead(until, group.claims_text_facts(head)))
    assert _facts(got) == _facts(group.group(corpus_claims))


def test_text_facts_pickle(corpus_claims: list[Claim]) -> None:
    facts = group.claims_text_facts(group.report_order(corpus_claims))
    assert pickle.loads(pickle.dumps(facts)) == facts
