"""Judge's speed shortcuts give what the code they replaced gave.

``_info_maker`` (one claim's facts, the tables' lookups bound once, equal key and name
sets shared, the words left out for claims in no pair), ``_name_frozenset`` and the
short-circuiting ``_other_participants`` are compared with copies of the replaced
code, kept here, on the claims of the seeds and of a generated corpus (and on
hypothesis-made texts for the names)."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import SEEDS, write_generated_corpus
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck import group, judge, pipeline
from crosscheck.group import Groups, claim_text, content_words, text_facts
from crosscheck.records import Claim, Place, Quantity, TimeSpan
from crosscheck.rules import matching as R

# --------------------------------------------------------------------------- the replaced code


@dataclass
class _OldInfo:
    words: frozenset[str]
    main: frozenset[str]
    core: frozenset[str]
    common: frozenset[str]
    names: frozenset[str]
    sentence_lower: str
    speaker: str
    speaker_keys: frozenset[str]
    event_keys: frozenset[str]
    times: tuple[TimeSpan, ...]
    quantities: tuple[Quantity, ...]
    places: tuple[Place, ...]
    incidents: frozenset[str]
    negation_words: frozenset[str]
    main_is_words: bool
    core_is_words: bool


def _old_info(claim: Claim, groups: Groups) -> _OldInfo:
    """judge._info before ``_info_maker`` (fields judge's passes read)."""
    text = claim_text(claim)
    base = claim.content_start if claim.content else claim.sentence_start
    masked = [
        (sp.start - base, sp.end - base)
        for spans in (claim.times, claim.quantities)
        for sp in spans
        if sp.end > base
    ]
    speaker = (
        [(claim.speaker_start - base, claim.speaker_end - base)]
        if claim.speaker_start is not None and claim.speaker_end is not None
        else []
    )
    cid = claim.claim_id
    content, main_words, incidents, negations = text_facts(claim, groups)
    ws = frozenset(content)
    unmasked = judge._blank(text, masked)
    core: frozenset[str]
    if unmasked is text and all(map(judge._CORE_WORD.__getitem__, ws)):
        core = ws
    else:
        core_source: Iterable[str] = ws if unmasked is text else content_words(unmasked)
        core = frozenset(filter(judge._CORE_WORD.__getitem__, core_source))
    common = set(
        map(judge._COMMON_WORD.__getitem__, judge._LOWER_WORD.findall(judge._blank(text, speaker)))
    )
    common.discard("")
    times = tuple(
        t
        for t in claim.times
        if judge._in_content(claim, t.start, t.end)
        and t.modifier not in R.OPEN_TIME_MODIFIERS
        and not judge._is_speech_time(claim, t)
    )
    cs, ce = claim.content_start, claim.content_end
    event_keys = groups.event_keys_of.get(cid)
    speaker_keys = groups.speaker_keys_of.get(cid)
    main = ws if main_words is content else frozenset(main_words)
    return _OldInfo(
        words=ws,
        main=main,
        core=core,
        common=frozenset(common),
        names=frozenset(judge._name_set(text)),
        sentence_lower=claim.sentence.lower(),
        speaker=groups.speaker_of.get(cid, claim.speaker_name or claim.speaker),
        speaker_keys=frozenset(speaker_keys) if speaker_keys else frozenset(),
        event_keys=frozenset(event_keys) if event_keys else frozenset(),
        times=times,
        quantities=tuple(q for q in claim.quantities if cs <= q.start and q.end <= ce),
        places=tuple(p for p in claim.places if cs <= p.start and p.end <= ce),
        incidents=incidents,
        negation_words=negations,
        main_is_words=main is ws,
        core_is_words=core is ws,
    )


def _old_other_participants(a: judge._Info, b: judge._Info, main: bool = False) -> bool:
    na, nb = (a.main_names, b.main_names) if main else (a.names, b.names)
    only_a = {n for n in na - nb if n not in b.sentence_lower}
    only_b = {n for n in nb - na if n not in a.sentence_lower}
    return bool(only_a) and bool(only_b)


# --------------------------------------------------------------------------- claims


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Claim], Groups]:
    """The claims of the seeds and of a generated corpus, and their groups."""
    folder: Path = write_generated_corpus(tmp_path_factory.mktemp("gen"), 40, seed=7)
    claims = list(pipeline.extract([str(SEEDS), str(folder)], jobs=1).claims)
    assert len(claims) > 100
    return claims, group.group(claims)


def _fields(info: judge._Info) -> _OldInfo:
    return _OldInfo(
        words=info.words,
        main=info.main,
        core=info.core,
        common=info.common,
        names=info.names,
        sentence_lower=info.sentence_lower,
        speaker=info.speaker,
        speaker_keys=info.speaker_keys,
        event_keys=info.event_keys,
        times=info.times,
        quantities=info.quantities,
        places=info.places,
        incidents=info.incidents,
        negation_words=info.negation_words,
        main_is_words=info.main is info.words,
        core_is_words=info.core is info.words,
    )


@pytest.mark.parametrize("tables", [True, False], ids=["group-tables", "no-tables"])
def test_info_maker_equals_the_old_info(corpus: tuple[list[Claim], Groups], tables: bool) -> None:
    claims, groups = corpus
    if not tables:  # text facts computed by judge (``group.index``'s groups)
        groups = group.index(claims)
        assert not groups.words_of
    make = judge._info_maker(groups)
    kinds = {"times": 0, "speaker inside": 0, "masked": 0}
    for c in claims:
        new = make(c, True)
        assert new.claim is c and new.text == claim_text(c)
        assert _fields(new) == _old_info(c, groups), c.claim_id
        assert _fields(judge._info(c, groups)) == _old_info(c, groups)
        kinds["times"] += bool(new.times)
        kinds["masked"] += new.core is not new.words
        kinds["speaker inside"] += (
            c.speaker_start is not None
            and c.speaker_end is not None
            and c.speaker_start < c.content_end
            and c.content_start < c.speaker_end
        )
    # the corpus reaches the shortcuts' branches
    assert all(kinds.values()), kinds


def test_infos_without_words_keep_what_the_event_passes_read(
    corpus: tuple[list[Claim], Groups],
) -> None:
    claims, groups = corpus
    make = judge._info_maker(groups)
    for c in claims:
        full, light = make(c, True), make(c, False)
        for name in ("text", "speaker", "speaker_keys", "event_keys", "times", "places"):
            assert getattr(light, name) == getattr(full, name), name
        assert light.sentence_lower == full.sentence_lower
        assert light.claim is c and light.quantities == full.quantities


def test_event_only_claims_judge_as_before(corpus: tuple[list[Claim], Groups]) -> None:
    """Claims in no pair (words left out) give the same event findings as full infos."""
    claims, groups = corpus
    make = judge._info_maker(groups)
    light = judge._infos(claims, groups, [])
    full = {cid: make(info.claim, True) for cid, info in light.items()}
    assert light and list(light) == sorted(light)
    assert judge._event_time_findings(light, groups) == judge._event_time_findings(full, groups)
    assert judge._event_place_findings(light, groups) == judge._event_place_findings(full, groups)
    assert judge._event_time_findings(full, groups), "the corpus has event time findings"


def test_other_participants_equals_the_old(corpus: tuple[list[Claim], Groups]) -> None:
    claims, groups = corpus
    make = judge._info_maker(groups)
    infos = [make(c, True) for c in claims[:120]]
    outcomes = set()
    for a, b in itertools.product(infos, repeat=2):
        for main in (False, True):
            old = _old_other_participants(a, b, main)
            assert judge._other_participants(a, b, main) == old
            outcomes.add(old)
    assert outcomes == {True, False}


_TEXTS: Sequence[str] = [
    "",
    "Hello",
    "  \"The Minister of Foreign Affairs said Monday's talks in Geneva",
    "the talks with Iran's O'Brien and Al-Assad, (US) UN",
    "John John john Smith's Smith",
]


@pytest.mark.parametrize("text", _TEXTS, ids=[f"t{i}" for i in range(len(_TEXTS))])
def test_name_frozenset_table(text: str) -> None:
    assert judge._name_frozenset(text) == frozenset(judge._name_set(text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="AaBbZz '’-\"(.,Ss\u00e9\u00c9MT1", max_size=40))
def test_name_frozenset_is_the_name_set(text: str) -> None:
    assert judge._name_frozenset(text) == frozenset(judge._name_set(text))
