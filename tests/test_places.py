"""Place names after prepositions, after "city of", in lists and datelines (crosscheck.places)."""

from __future__ import annotations

import pytest
from conftest import deadline
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck.places import find_places, place_name


def places(text: str) -> list[tuple[str, str]]:
    out = []
    for p in find_places(text):
        assert text[p.start : p.end] == p.text
        out.append((p.text, p.name))
    return out


# (id, text, [(text, name)])
CASES = [
    ("in", "talks in Geneva on Tuesday", [("Geneva", "Geneva")]),
    ("near", "fighting near Aleppo", [("Aleppo", "Aleppo")]),
    (
        "multiword",
        "arrived in Deir ez-Zor and Abu Kamal",
        [("Deir ez-Zor", "Deir ez-Zor"), ("Abu Kamal", "Abu Kamal")],
    ),
    ("of-connector", "ships in the Gulf of Aden", [("Gulf of Aden", "Gulf of Aden")]),
    (
        "resort-city-of",
        "in the Russian Black Sea resort city of Sochi in late January",
        [("Sochi", "Sochi")],
    ),
    (
        "possessive-head-later",
        "in Russia's southern Black Sea resort of Sochi in December",
        [("Sochi", "Sochi")],
    ),
    ("possessive-kept", "fighting in Syria's north", [("Syria", "Syria")]),
    ("outskirts-of", "on the outskirts of Damascus", [("Damascus", "Damascus")]),
    (
        "list",
        "attacks in Aleppo, Hama and Homs",
        [("Aleppo", "Aleppo"), ("Hama", "Hama"), ("Homs", "Homs")],
    ),
    (
        "city-state",
        "met in Washington, DC on Thursday",
        [("Washington", "Washington"), ("DC", "DC")],
    ),
    (
        "dateline-agency",
        "WASHINGTON (Sputnik) \u2014 US officials met.",
        [("WASHINGTON", "Washington")],
    ),
    (
        "dateline-two-words",
        "SAN FRANCISCO (Reuters) - A company said.",
        [("SAN FRANCISCO", "San Francisco")],
    ),
    ("motion-to", "Kerry travelled to Moscow", [("Moscow", "Moscow")]),
    ("to-not-motion", "according to Lavrov, said to Putin", []),
    ("organisation", "met at the Department of State", []),
    ("organisation-un", "at the United Nations Offices in Geneva", [("Geneva", "Geneva")]),
    ("acronym", "a vote at the UN and at NATO", []),
    ("month", "in December and on Tuesday", []),
    ("person-title", "a message from President Assad", []),
    ("adjective", "in the Swiss city and in Russian resort towns", []),
    ("adjective-i", "fell from Iraqi government control", []),
    ("place-i", "a summit in Dubai last week", [("Dubai", "Dubai")]),
    ("speaker-name", "Lavrov said the talks went well, as reported from Lavrov", []),
    ("event-name", "during the Syrian National Dialogue Congress in Sochi", [("Sochi", "Sochi")]),
    ("sentence-initial-in", "In Geneva, diplomats met.", [("Geneva", "Geneva")]),
    ("not-read-more", "READ MORE: Russian Representative Denies", []),
    (
        "month-ends-name",
        "in Aleppo, Syria January 30, 2017",
        [("Aleppo", "Aleppo"), ("Syria", "Syria")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_places(text: str, expected: list[tuple[str, str]]) -> None:
    assert places(text) == expected


@pytest.mark.parametrize(
    ("mention", "name"),
    [
        ("WASHINGTON", "Washington"),
        ("Russia's", "Russia"),
        ("the Netherlands", "Netherlands"),
        ("DC", "DC"),
        ("U.S.", "U.S."),
        ("Russia\u2019s", "Russia"),
    ],
)
def test_place_name(mention: str, name: str) -> None:
    assert place_name(mention) == name


def test_article_speakers_rule_out_places() -> None:
    text = "Haddad said the plan works. Diplomats came from Haddad and from Beirut."
    assert [p.name for p in find_places(text)] == ["Beirut"]
    start = text.index("Diplomats")
    # the span alone does not show Haddad speaking; the whole text does
    assert [p.name for p in find_places(text, start)] == ["Beirut"]
    tail = text[start:]
    assert [p.name for p in find_places(tail)] == ["Haddad", "Beirut"]
    assert [p.name for p in find_places(tail, speakers=frozenset({"Haddad"}))] == ["Beirut"]


def test_titled_names_are_speakers() -> None:
    text = "Foreign Minister Sergei Lavrov arrived. A letter came from Lavrov in Moscow."
    assert [p.name for p in find_places(text)] == ["Moscow"]


def test_offsets_slice_the_original() -> None:
    original = "talks\u00a0in\u00a0Geneva"
    view = original.replace("\u00a0", " ")
    (p,) = find_places(view, original=original)
    assert original[p.start : p.end] == p.text == "Geneva"


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *" ,.-'\n\u2019",
                "in ",
                "the ",
                "of ",
                "city of ",
                "Geneva",
                "Russia's ",
                "WASHINGTON ",
                "(Sputnik) ",
                "\u2014 ",
                "said ",
                "Department ",
                "Abu Kamal",
                "and ",
                "to ",
                "travelled ",
            ]
        ),
        max_size=60,
    ).map("".join)
)
def test_never_raises_and_slices(text: str) -> None:
    for p in find_places(text):
        assert text[p.start : p.end] == p.text
        assert p.start < p.end and p.name


@pytest.mark.parametrize(
    "text",
    [
        "in Geneva " * 60_000,
        "A" * 500_000,
        "in " * 200_000,
        "Russia's " * 60_000,
        "the city of " * 60_000,
    ],
    ids=["places", "one-token", "prepositions", "possessives", "place-nouns"],
)
def test_linear_on_adversarial_input(text: str) -> None:
    with deadline(20, "find_places on adversarial input"):
        find_places(text)
