"""Numbers with units and hedges (crosscheck.quantities)."""

from __future__ import annotations

import pytest
from conftest import deadline
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck.quantities import find_quantities, singular_unit
from crosscheck.timex import find_times


def quantities(text: str) -> list[tuple[str, float, str, str]]:
    spans = [(t.start, t.end) for t in find_times(text)]
    out = []
    for q in find_quantities(text, exclude=spans):
        assert text[q.start : q.end] == q.text
        out.append((q.text, q.value, q.unit, q.hedge))
    return out


# (id, text, [(text, value, unit, hedge)])
CASES = [
    ("about", "about 40 people were hurt", [("about 40 people", 40.0, "person", "about")]),
    (
        "more-than",
        "more than 1,000 civilians fled",
        [("more than 1,000 civilians", 1000.0, "civilian", "more than")],
    ),
    (
        "number-word",
        "The committee will consist of three groups",
        [("three groups", 3.0, "group", "")],
    ),
    ("hours", "a ceasefire for 48 hours to alleviate", [("48 hours", 48.0, "hour", "")]),
    ("hyphen-unit", "a 48-hour truce", [("48-hour", 48.0, "hour", "")]),
    ("currency-scale", "aid worth $1.2 billion", [("$1.2 billion", 1.2e9, "dollar", "")]),
    ("short-scale", "a 3.5bn programme", [("3.5bn programme", 3.5e9, "programme", "")]),
    ("percent", "turnout of 25 percent", [("25 percent", 25.0, "percent", "")]),
    ("percent-sign", "rose 40% in a year", [("40%", 40.0, "percent", "")]),
    (
        "adjective-skipped",
        "Kerry listed two main requirements",
        [("two main requirements", 2.0, "requirement", "")],
    ),
    (
        "capitalised-adjective",
        "killed 12 Syrian soldiers",
        [("12 Syrian soldiers", 12.0, "soldier", "")],
    ),
    ("a-few", "the congress could last a few days", [("a few days", 3.0, "day", "a few")]),
    (
        "dozens-of",
        "dozens of fighters were killed",
        [("dozens of fighters", 24.0, "fighter", "dozens")],
    ),
    (
        "tens-of-thousands",
        "tens of thousands of refugees",
        [("tens of thousands of refugees", 20000.0, "refugee", "tens of thousands")],
    ),
    (
        "several",
        "Several other people were wounded",
        [("Several other people", 3.0, "person", "several")],
    ),
    ("compound-words", "twenty-five soldiers", [("twenty-five soldiers", 25.0, "soldier", "")]),
    ("hundred-words", "two hundred families", [("two hundred families", 200.0, "family", "")]),
    (
        "at-least-no-unit",
        "killed at least 16 in northeast Syria",
        [("at least 16", 16.0, "", "at least")],
    ),
    ("up-to", "up to 300 trucks", [("up to 300 trucks", 300.0, "truck", "up to")]),
    (
        "nearly",
        "nearly 174500 people trapped",
        [("nearly 174500 people", 174500.0, "person", "nearly")],
    ),
    ("commas-stripped-count", "killed 2000 people", [("2000 people", 2000.0, "person", "")]),
    (
        "resolution-id",
        "UN Security Council resolution 2254",
        [("resolution 2254", 2254.0, "resolution", "id")],
    ),
    ("article-id", "under Article 5 of the treaty", [("Article 5", 5.0, "article", "id")]),
    ("not-date-day", "the ceasefire that came into effect on December 30, 2016", []),
    ("not-year", "The 2015 elections were free.", []),
    ("not-ordinal", "the 31st Session and the 8th round", []),
    ("not-glued", "MH17, Su-24 jets and the G20", []),
    ("not-time-of-day", "at 10:30 on 4/5/2017", []),
    ("not-pronoun-one", "one of the groups said no one knew", []),
    ("one-is-a-number", "one person died", [("one person", 1.0, "person", "")]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_quantities(text: str, expected: list[tuple[str, float, str, str]]) -> None:
    assert quantities(text) == expected


@pytest.mark.parametrize(
    ("word", "unit"),
    [
        ("groups", "group"),
        ("people", "person"),
        ("parties", "party"),
        ("talks", "talk"),
        ("process", "process"),
    ],
)
def test_singular_unit(word: str, unit: str) -> None:
    assert singular_unit(word) == unit


def test_offsets_slice_the_original() -> None:
    original = "about\u00a040\u00a0people"
    view = original.replace("\u00a0", " ")
    (q,) = find_quantities(view, original=original)
    assert original[q.start : q.end] == q.text == original


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *"0123456789 ,.-$%€\n",
                "about ",
                "more than ",
                "three ",
                "people ",
                "of ",
                "dozens ",
                "a few ",
                "hundred ",
                "resolution ",
                "one ",
                "MH",
                "2017 ",
                "per cent ",
                "bn ",
            ]
        ),
        max_size=60,
    ).map("".join)
)
def test_never_raises_and_slices(text: str) -> None:
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text
        assert q.start < q.end


@pytest.mark.parametrize(
    "text",
    [
        "1" * 300_000,
        "1,000 " * 60_000,
        "about " * 60_000 + "40",
        "dozens of " * 30_000,
        "one " * 80_000,
    ],
    ids=["digits", "numbers", "hedges", "vague", "words"],
)
def test_linear_on_adversarial_input(text: str) -> None:
    with deadline(20, "find_quantities on adversarial input"):
        find_quantities(text)


@pytest.mark.parametrize(
    "text",
    ["ſome 5 people were hurt", "ABOUT 5 people", "\u212aabout 5 people"],
    ids=["long-s-hedge", "upper-hedge", "kelvin-sign"],
)
def test_case_folded_look_alikes_never_raise(text: str) -> None:
    found = find_quantities(text)
    assert [q.value for q in found] == [5.0]
