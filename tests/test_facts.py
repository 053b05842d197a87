"""group's per-claim text facts made by the local engine while the results arrive
(``Extraction.facts``) are those group makes itself, and group uses them only when
they are those of exactly its claims."""

from __future__ import annotations

import dataclasses
import random

import pytest
from conftest import SEEDS, write_generated_corpus

from crosscheck import engine, group, pipeline
from crosscheck.records import TextFacts


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("facts")
    return [str(write_generated_corpus(folder / "gen", 30, seed=21, fmt="jsonl")), str(SEEDS)]


@pytest.mark.parametrize("jobs", [1, 2], ids=["serial", "pool"])
def test_the_engine_makes_the_facts_group_would(
    corpus: list[str], jobs: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "SERIAL_MAX_ARTICLES", 2)
    monkeypatch.setattr(engine, "SERIAL_MAX_BYTES", 1)
    monkeypatch.setattr(engine, "CHUNK_ARTICLES", 4)
    extraction = pipeline.extract(corpus, jobs=jobs)
    assert extraction.facts is not None
    claims = extraction.claims
    made = TextFacts()
    group.add_text_facts(claims, made)
    assert extraction.facts == made
    assert len(made.words_of) == len(claims) > 100
    assert made.negations_of and made.main_words_of, "the corpus exercises every table"
    assert group.group(claims, extraction.facts) == group.group(claims)


def test_claims_and_articles_make_no_facts(corpus: list[str]) -> None:
    assert pipeline.extract(corpus, normalised=False).facts is None


def _facts(claims: list) -> TextFacts:  # type: ignore[type-arg]
    made = TextFacts()
    group.add_text_facts(claims, made)
    return made


@pytest.mark.parametrize(
    "case", ["shuffled", "missing one", "one too many", "other claims", "none"]
)
def test_group_uses_given_facts_only_when_they_cover_its_claims(
    corpus: list[str], case: str
) -> None:
    claims = list(pipeline.extract(corpus).claims)
    rng = random.Random(3)
    given: TextFacts | None
    if case == "shuffled":  # made in another order: the same tables
        given = _facts(rng.sample(claims, len(claims)))
    elif case == "missing one":
        given = _facts(claims[1:])
    elif case == "one too many":
        given = _facts(claims)
        given.words_of["extra"] = ("word",)
    elif case == "other claims":  # as many claims, not these: a wrong table
        given = _facts(claims[1:])
        given.words_of["extra"] = ("word",)
    else:
        given = None
    expected = group.group(claims)
    found = group.group(claims, given)
    assert found == expected
    used = given is not None and found.words_of is given.words_of
    assert used == (case == "shuffled")


def test_facts_are_not_part_of_an_extraction_value(corpus: list[str]) -> None:
    extraction = pipeline.extract(corpus)
    assert extraction.facts is not None
    assert dataclasses.replace(extraction, facts=None) == extraction
    assert "facts=" not in repr(extraction)
