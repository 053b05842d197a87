"""Event mentions, keys and back-references (crosscheck.events)."""

from __future__ import annotations

import pytest
from conftest import SEEDS, deadline
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck.events import event_key, find_events, singular

CONGRESS = "congress dialogue national syrian"


def events(text: str) -> list[tuple[str, str, str, bool]]:
    out = []
    for e in find_events(text):
        assert text[e.start : e.end] == e.text
        out.append((e.text, e.head, e.key, e.named))
    return out


# (id, text, [(text, head, key, named)])
CASES = [
    (
        "capitalised",
        "the Syrian National Dialogue Congress was held",
        [("Syrian National Dialogue Congress", "congress", CONGRESS, True)],
    ),
    (
        "of-variant",
        "the Syrian Congress of National Dialogue in Sochi",
        [("Syrian Congress of National Dialogue", "congress", CONGRESS, True)],
    ),
    (
        "of-variant-plural",
        "hopes that the Congress of National Dialogue of Syrians will help",
        [("Congress of National Dialogue of Syrians", "congress", CONGRESS, True)],
    ),
    (
        "lower-case-variant",
        "informed him of the Syrian national dialogue congress expected",
        [("Syrian national dialogue congress", "congress", CONGRESS, True)],
    ),
    (
        "place-talks",
        "described the Astana talks as efficient",
        [("Astana talks", "talks", "astana talk", True)],
    ),
    (
        "peace-talks",
        "back on track - the Geneva peace talks - soon",
        [("Geneva peace talks", "talks", "geneva peace talk", True)],
    ),
    (
        "intra",
        "the intra-Syrian talks in Astana",
        [("intra-Syrian talks", "talks", "intra-syrian talk", True)],
    ),
    (
        "resolution-number",
        "the United Nations Security Council Resolution 2254 says",
        [
            (
                "United Nations Security Council Resolution 2254",
                "resolution",
                "2254 resolution",
                True,
            )
        ],
    ),
    (
        "resolution-lower",
        "UN Security Council resolution 2254, which obliged",
        [("UN Security Council resolution 2254", "resolution", "2254 resolution", True)],
    ),
    (
        "constitutional-committee",
        "convene the Syrian constitutional committee in Geneva",
        [("Syrian constitutional committee", "committee", "committee constitutional syrian", True)],
    ),
    (
        "ceasefire-spelling",
        "the Aleppo Cease-fire Agreement and a revamped cease-fire",
        [
            ("Aleppo Cease-fire Agreement", "agreement", "agreement aleppo ceasefire", True),
            ("revamped cease-fire", "ceasefire", "ceasefire", False),
        ],
    ),
    ("generic-talks", "The two sides held talks on Monday.", [("talks", "talks", "talk", False)]),
    (
        "generic-indefinite",
        "They agreed a ceasefire.",
        [("ceasefire", "ceasefire", "ceasefire", False)],
    ),
    ("not-deal-verb", "They must deal with it and plan to meet.", []),
    ("not-resolution-of", "for the resolution of the Syrian conflict", []),
    (
        "not-adjective-name",
        "A US-Russia-brokered agreement on cessation",
        [("US-Russia-brokered agreement", "agreement", "agreement", False)],
    ),
    (
        "th-typo-dropped",
        "Th Syrian National Dialogue Congress was expected",
        [("Syrian National Dialogue Congress", "congress", CONGRESS, True)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_events(text: str, expected: list[tuple[str, str, str, bool]]) -> None:
    assert events(text) == expected


def test_bare_head_refers_back_to_the_named_event() -> None:
    text = (
        "Lavrov said the Syrian National Dialogue Congress will help. "
        "He noted that preparations for the Congress were underway. "
        "The Geneva talks resume soon; the talks are on track. "
        "Moreover, the congress will last a few days."
    )
    got = [(e.text, e.key, e.named) for e in find_events(text)]
    assert got == [
        ("Syrian National Dialogue Congress", CONGRESS, True),
        ("Congress", CONGRESS, False),
        ("Geneva talks", "geneva talk", True),
        ("talks", "geneva talk", False),
        ("congress", CONGRESS, False),
    ]


def test_the_event_refers_to_the_last_event_of_any_head() -> None:
    text = (
        "The Geneva talks ended. The Syrian National Dialogue Congress was planned. "
        "Lavrov noted that the Congress was ready. According to him, the event will help."
    )
    last = find_events(text)[-1]
    assert (last.text, last.key, last.head, last.named) == ("event", CONGRESS, "congress", False)


def test_the_event_without_a_named_event_is_not_reported() -> None:
    assert events("The event was cancelled.") == []


def test_bare_head_before_its_name_takes_the_first_named() -> None:
    text = "The committee will meet. The Syrian constitutional committee has 150 members."
    assert [(e.key, e.named) for e in find_events(text)] == [
        ("committee constitutional syrian", False),
        ("committee constitutional syrian", True),
    ]


def test_generic_without_a_name_keys_by_head() -> None:
    assert events("the talks were hard") == [("talks", "talks", "talk", False)]


@pytest.mark.parametrize(
    ("words", "key"),
    [
        (["Syrian", "National", "Dialogue", "Congress"], CONGRESS),
        (["Congress", "of", "National", "Dialogue", "of", "Syrians"], CONGRESS),
        (["Geneva", "Talks"], "geneva talk"),
        (["cease-fire", "Agreement"], "agreement ceasefire"),
        (["Russia's", "Plan"], "plan russia"),
    ],
)
def test_event_key(words: list[str], key: str) -> None:
    assert event_key(words) == key


def test_numbered_key() -> None:
    assert event_key(["UN", "Security", "Council", "resolution"], "resolution", "2254") == (
        "2254 resolution"
    )


@pytest.mark.parametrize(
    ("word", "sg"), [("talks", "talk"), ("Syrians", "Syrians"[:-1]), ("process", "process")]
)
def test_singular(word: str, sg: str) -> None:
    assert singular(word) == sg


def test_seed_congress_aliases_share_one_key() -> None:
    text = (SEEDS / "001_bd1163be5567cad4.txt").read_text(encoding="utf-8").replace("\u00a0", " ")
    congress = [e for e in find_events(text) if e.head == "congress"]
    named = {e.text for e in congress if e.named and e.key == CONGRESS}
    assert {
        "Syrian National Dialogue Congress",
        "Syrian national dialogue congress",
        "Congress of National Dialogue of Syrians",
        "Syrian Congress of National Dialogue",
    } <= named
    bare = [e for e in congress if not e.named]
    assert bare and all(e.key == CONGRESS for e in bare)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *" ,.-'\n",
                "the ",
                "The ",
                "Congress ",
                "congress ",
                "talks ",
                "Syrian ",
                "National ",
                "of ",
                "Resolution ",
                "2254 ",
                "event ",
                "a ",
                "ceasefire ",
                "peace ",
                "Geneva ",
                "intra-Syrian ",
            ]
        ),
        max_size=60,
    ).map("".join)
)
def test_never_raises_and_slices(text: str) -> None:
    for e in find_events(text):
        assert text[e.start : e.end] == e.text
        assert e.start < e.end and e.head and e.key


@pytest.mark.parametrize(
    "text",
    [
        "the talks " * 20_000,
        "Syrian National Congress " * 20_000,
        "round " * 30_000,
        "Congress of " * 30_000,
        "the event " * 20_000,
    ],
    ids=["bare", "named", "ground", "connectors", "referents"],
)
def test_linear_on_adversarial_input(text: str) -> None:
    with deadline(20, "find_events on adversarial input"):
        find_events(text)
