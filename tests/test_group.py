"""group: the speaker index and the event index (hand-built claims)."""

from __future__ import annotations

import pytest
from _claimkit import make

from crosscheck import group
from crosscheck.records import Claim, SpeakerEntry


def said(
    cid: str,
    art: str,
    speaker: str,
    name: str = "",
    *,
    role: str = "",
    stype: str = "person",
    pub: str | None = "2017-11-14",
) -> Claim:
    sentence = f"{speaker} said the talks would continue next week in the capital."
    return make(
        cid,
        art,
        sentence,
        "the talks would continue next week in the capital",
        speaker=speaker,
        speaker_name=name,
        speaker_role=role,
        speaker_type=stype,
        cue="said",
        published=pub,
    )


def entry_of(groups: group.Groups, cid: str) -> list[SpeakerEntry]:
    return [e for e in groups.speakers if cid in e.claims]


def test_lavrov_is_one_speaker_across_articles() -> None:
    claims = [
        said(
            "b1",
            "001",
            "Russian Foreign Minister Sergei Lavrov",
            "Sergei Lavrov",
            role="Russian Foreign Minister",
        ),
        said("b2", "001", "Lavrov", "Lavrov"),
        said("d1", "003", "the Russian foreign minister", ""),  # role only, no name in article
        said("e1", "004", "Sergei Lavrov", "Sergei Lavrov", pub=None),
    ]
    g = group.group(claims)
    (entry,) = {e.key: e for cid in ("b1", "b2", "d1", "e1") for e in entry_of(g, cid)}.values()
    assert entry.speaker == "Sergei Lavrov"
    assert entry.articles == ("001", "003", "004")
    assert set(entry.claims) == {"b1", "b2", "d1", "e1"}
    assert {
        "Russian Foreign Minister Sergei Lavrov",
        "Lavrov",
        "Sergei Lavrov",
        "the Russian foreign minister",
    } <= set(entry.mentions)
    assert entry.speaker_type == "person"
    assert g.speaker_of["d1"] == "Sergei Lavrov"


@pytest.mark.parametrize(
    ("claims", "together", "apart"),
    [
        (
            [
                said(
                    "a",
                    "1",
                    "Foreign Minister Sergei Lavrov",
                    "Sergei Lavrov",
                    role="Foreign Minister",
                ),
                said(
                    "b", "2", "Foreign Minister Igor Ivanov", "Igor Ivanov", role="Foreign Minister"
                ),
                said("c", "3", "the foreign minister"),
            ],
            [],
            [("a", "c"), ("b", "c")],
        ),
        (
            [
                said(
                    "a",
                    "1",
                    "Secretary of State John Kerry",
                    "John Kerry",
                    role="Secretary of State",
                    pub="2014-01-01",
                ),
                said("c", "3", "the Secretary of State", pub="2018-06-01"),
            ],
            [],
            [("a", "c")],
        ),
        (
            [
                said("a", "1", "Antony Blinken", "Antony Blinken"),
                said("b", "2", "Antony Blinkin", "Antony Blinkin"),
            ],
            [("a", "b")],
            [],
        ),
        (
            [
                said("a", "1", "Hillary Clinton", "Hillary Clinton"),
                said("b", "2", "Bill Clinton", "Bill Clinton"),
            ],
            [],
            [("a", "b")],
        ),
        (
            [
                said("a", "1", "the Russian Foreign Ministry", stype="organization"),
                said("b", "2", "Russian Foreign Ministry", stype="organization"),
            ],
            [("a", "b")],
            [],
        ),
        (
            [
                said("a", "1", "a diplomatic source", stype="anonymous"),
                said("b", "2", "a diplomatic source", stype="anonymous"),
            ],
            [],
            [("a", "b")],
        ),
        (
            [
                said("a", "1", "Syrian Ambassador to Russia Riyad Haddad", "Riyad Haddad"),
                said("b", "2", "Haddad", "Haddad"),
            ],
            [("a", "b")],
            [],
        ),
        (
            [
                said("a", "1", "Rami Abdel Rahman, the head of the Observatory"),
                said("b", "2", "Observatory head Rami Abdel Rahman"),
                said("c", "3", "Rami Abdel-Rahman", "Rami Abdel-Rahman"),
                said("d", "4", "White House spokesman Josh Earnest"),
            ],
            [("a", "b"), ("a", "c")],
            [("a", "d")],
        ),
    ],
    ids=[
        "role-ambiguous",
        "role-holder-years-apart",
        "typo-in-last-name",
        "same-last-name-other-initial",
        "organisation-determiner",
        "anonymous-sources-stay-apart",
        "bare-last-name",
        "name-then-role",
    ],
)
def test_speaker_merging(
    claims: list[Claim], together: list[tuple[str, str]], apart: list[tuple[str, str]]
) -> None:
    g = group.group(claims)
    for x, y in together:
        assert set(g.speaker_keys_of[x]) == set(g.speaker_keys_of[y])
    for x, y in apart:
        assert not set(g.speaker_keys_of[x]) & set(g.speaker_keys_of[y])


def test_compound_speaker_counts_for_both() -> None:
    c = said(
        "d3",
        "003",
        "US Secretary of State John Kerry and Russian Foreign Minister Sergei Lavrov",
        "US Secretary of State John Kerry and Russian Foreign Minister Sergei Lavrov",
    )
    g = group.group([c])
    names = sorted(e.speaker for e in entry_of(g, "d3"))
    assert names == ["John Kerry", "Sergei Lavrov"]
    assert g.speaker_of["d3"] == "John Kerry and Sergei Lavrov"


def test_compound_of_countries_is_one_speaker() -> None:
    c = said("a7", "000", "the leaders of Russia, Turkey and France", stype="")
    g = group.group([c])
    assert len(g.speaker_keys_of["a7"]) == 1


LISTS = [
    ("three-states", "Norway, Chile and Kenya", ["Chile", "Kenya", "Norway"]),
    ("headline-comma-states", "Russia, Iran", ["Iran", "Russia"]),
    (
        "state-and-organisation",
        "the United Nations and the International Red Cross",
        ["International Red Cross", "United Nations"],
    ),
    (
        "person-and-counterpart",
        "Foreign Minister Anna Berg and her Danish counterpart Lars Holm",
        ["Anna Berg", "Lars Holm"],
    ),
    (
        "group-noun-stays-one",
        "the Dutch, Belgian and Danish ministers",
        ["Dutch Belgian and Danish ministers"],
    ),
]


@pytest.mark.parametrize(("text", "names"), [x[1:] for x in LISTS], ids=[x[0] for x in LISTS])
def test_speaker_lists_split_into_parties(text: str, names: list[str]) -> None:
    g = group.group([said("l1", "001", text, stype="")])
    assert sorted(e.speaker for e in entry_of(g, "l1")) == names


def test_state_speaker_is_an_organisation() -> None:
    g = group.group([said("s1", "001", "Moscow", stype="person")])
    (e,) = entry_of(g, "s1")
    assert (e.speaker, e.speaker_type) == ("Moscow", "organization")


def test_narration_is_an_outlet() -> None:
    s = "The committee will consist of three groups."
    g = group.group([make("n", "1", s, kind="narration", speaker_type="outlet", outlet="Sputnik")])
    (e,) = g.speakers
    assert (e.speaker, e.speaker_type) == ("Sputnik", "outlet")


def ev(
    cid: str, art: str, text: str, head: str, key: str | None = None, named: bool = True
) -> Claim:
    sentence = f"Officials discussed the {text} at length."
    e = (text, head) if key is None else (text, head, key, named)
    return make(cid, art, sentence, events=[e], kind="narration", speaker_type="outlet")


@pytest.mark.parametrize(
    ("claims", "together", "apart"),
    [
        (
            [
                ev("1", "a", "Syrian National Dialogue Congress", "congress"),
                ev("2", "b", "Syrian Congress of National Dialogue", "congress"),
                ev("3", "c", "Congress of National Dialogue of Syrians", "congress"),
                ev("4", "d", "Syrian National Congress", "congress"),
            ],
            [("1", "2"), ("1", "3"), ("1", "4")],
            [],
        ),
        (
            [
                ev("1", "a", "eighth round of Geneva talks", "talks"),
                ev("2", "b", "ninth round of Geneva talks", "talks"),
            ],
            [],
            [("1", "2")],
        ),
        (
            [
                ev("1", "a", "ceasefire", "ceasefire", "ceasefire", False),
                ev("2", "b", "ceasefire", "ceasefire", "ceasefire", False),
            ],
            [],
            [("1", "2")],
        ),
        (
            [ev("1", "a", "Astana talks", "talks"), ev("2", "b", "Astana talk", "talks")],
            [("1", "2")],
            [],
        ),
        (
            [
                ev("1", "a", "Geneva peace talks", "talks"),
                ev("2", "b", "Geneva talks", "talks"),
                ev("3", "c", "Geneva nuclear talks", "talks"),
            ],
            [("1", "1")],
            [("2", "1"), ("2", "3")],  # "Geneva talks" is inside two different events
        ),
    ],
    ids=[
        "word-order-and-inflection",
        "ordinals-differ",
        "generic-stays-local",
        "plural",
        "ambiguous-subset",
    ],
)
def test_event_merging(
    claims: list[Claim], together: list[tuple[str, str]], apart: list[tuple[str, str]]
) -> None:
    g = group.group(claims)
    for x, y in together:
        assert g.event_keys_of[x] == g.event_keys_of[y]
    for x, y in apart:
        assert g.event_keys_of[x] != g.event_keys_of[y]


def test_event_index_display_and_generic_excluded() -> None:
    claims = [
        ev("1", "a", "Syrian National Dialogue Congress", "congress"),
        ev("2", "a", "Syrian national dialogue congress", "congress"),
        ev("3", "b", "Congress of National Dialogue of Syrians", "congress"),
        ev("4", "b", "ceasefire", "ceasefire", "ceasefire", False),
        ev(
            "5", "b", "Congress", "congress", "congress dialogue national syrian", False
        ),  # resolved
    ]
    g = group.group(claims)
    (e,) = g.events
    assert e.event == "Syrian National Dialogue Congress"
    assert e.articles == ("a", "b")
    assert set(e.claims) == {"1", "2", "3", "5"}
    assert g.events_of["5"] == ("Syrian National Dialogue Congress",)
    assert "4" not in g.events_of


def test_group_is_order_independent() -> None:
    claims = [
        said(
            "b1",
            "001",
            "Russian Foreign Minister Sergei Lavrov",
            "Sergei Lavrov",
            role="Russian Foreign Minister",
        ),
        said("b2", "001", "Lavrov", "Lavrov"),
        ev("1", "a", "Syrian National Dialogue Congress", "congress"),
        ev("3", "c", "Congress of National Dialogue of Syrians", "congress"),
    ]
    assert group.group(claims) == group.group(list(reversed(claims)))


@pytest.mark.parametrize("enabled", [True, False], ids=["enabled", "disabled"])
def test_gc_paused_restores_the_collector(enabled: bool) -> None:
    import gc

    from crosscheck.gctools import gc_paused

    was = gc.isenabled()
    try:
        if enabled:
            gc.enable()
        else:
            gc.disable()
        with gc_paused():
            assert not gc.isenabled()
        assert gc.isenabled() is enabled
    finally:
        if was:
            gc.enable()
        else:
            gc.disable()


@pytest.mark.parametrize(
    ("content", "main"),
    [
        ("the talks would continue next week", None),
        ("the talks would continue next week, which the rebels rejected", ("talk", "continue")),
    ],
    ids=["one-clause", "clause-break"],
)
def test_text_facts_main_clause(content: str, main: tuple[str, ...] | None) -> None:
    claim = make("c1", "a1", f"Ann Lee said {content}.", content, speaker="Ann Lee", cue="said")
    groups = group.group([claim])
    words, main_words, incidents, negations = group.text_facts(claim, groups)
    assert words == tuple(group.content_words(content))
    if main is None:
        assert main_words is words  # the whole text is the main clause
    else:
        assert set(main) <= set(main_words) < set(words)
    assert incidents == frozenset() and negations == frozenset()
    assert group.text_facts(claim, group.Groups()) == (words, main_words, incidents, negations)


@pytest.mark.parametrize(
    "content",
    [
        "the talks would continue next week",
        "the talks would not continue next week, which the rebels rejected",
        "it was; the talks failed",
        "it was, which it is",
        "no",
    ],
    ids=[
        "one-clause",
        "negation-and-break",
        "stopword-main-clause",
        "no-content-words",
        "negation-only",
    ],
)
def test_group_stores_the_claim_facts(content: str) -> None:
    # group computes the facts of every claim in its own loop: they must be
    # ``_claim_facts``'s, and stored only where ``_group`` stores them
    claim = make("c1", "a1", f"Ann Lee said {content}.", content, speaker="Ann Lee", cue="said")
    groups = group.group([claim])
    facts = group._claim_facts(claim)
    assert group.text_facts(claim, groups) == facts
    assert ("c1" in groups.main_words_of) is (facts[1] is not facts[0])
    assert ("c1" in groups.incidents_of) is bool(facts[2])
    assert ("c1" in groups.negations_of) is bool(facts[3])
