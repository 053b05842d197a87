"""Clean: the one-to-one view, zones (header / headline / body / boilerplate), and the date and
outlet inferred from an article's own content.

- table-driven unit tests with made-up, general examples for every boilerplate rule, and the
  prose each rule must leave alone;
- the seeds against ``../shared/gold/seeds-claims.json`` (skipped when absent): every
  ``must_not`` text lies in boilerplate, every gold claim text in the headline or body, and the
  gold publication date and outlet of each article;
- invariants on arbitrary text (hypothesis) and adversarial inputs under a hang guard.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import SEEDS, deadline, make_article, skip_without_shared
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck import clean, ingest
from crosscheck.records import Article, Zone
from crosscheck.rules import boilerplate as bp

# --------------------------------------------------------------------------- helpers


def cleaned(text: str, **fields: Any) -> Article:
    return clean.clean(dataclasses.replace(make_article(text), **fields))


def zones_over(article: Article, needle: str, occurrence: int = 0) -> set[tuple[str, str]]:
    """(kind, reason) of every zone overlapping the ``occurrence``-th match of ``needle``."""
    start = -1
    for _ in range(occurrence + 1):
        start = article.view.find(needle, start + 1)
        assert start >= 0, f"{needle!r} not in the text"
    end = start + len(needle)
    return {(z.kind, z.reason) for z in article.zones if z.start < end and z.end > start}


def kinds_over(article: Article, needle: str, occurrence: int = 0) -> set[str]:
    return {k for k, _ in zones_over(article, needle, occurrence)}


def check_zones(article: Article) -> None:
    """Zones are contiguous, in order, and cover the whole text."""
    text = article.text
    assert len(article.view) == len(text)
    if not text:
        assert article.zones == ()
        return
    assert article.zones, "a non-empty text must have zones"
    assert article.zones[0].start == 0
    assert article.zones[-1].end == len(text)
    for a, b in zip(article.zones, article.zones[1:], strict=False):
        assert a.end == b.start, (a, b)
    for z in article.zones:
        assert z.start < z.end, z
        assert z.kind in ("header", "headline", "body", "boilerplate"), z
        if z.kind == "boilerplate":
            assert z.reason, z


# --------------------------------------------------------------------------- view


@pytest.mark.parametrize(
    ("raw", "view"),
    [
        ("a\u00a0b", "a b"),
        ("a\u2009b\u202fc\u205fd\u3000e\u2002f", "a b c d e f"),
        ("a\tb", "a b"),
        ("a\u200bb\u200dc\ufeffd\u2060e", "a b c d e"),
        ("one\r\ntwo", "one \ntwo"),
        ("one\rtwo", "one\ntwo"),
        ("one\r\r\ntwo", "one\n \ntwo"),
        ("a\u2028b\u2029c\x0bd\x0ce\x85f", "a\nb\nc\nd\ne\nf"),
        (
            "plain text, \u201cquotes\u201d and \u2019 stay",
            "plain text, \u201cquotes\u201d and \u2019 stay",
        ),
    ],
    ids=[
        "nbsp",
        "unicode-spaces",
        "tab",
        "zero-width",
        "crlf",
        "lone-cr",
        "cr-cr-lf",
        "line-separators",
        "untouched",
    ],
)
def test_view_is_a_one_to_one_normalised_copy(raw: str, view: str) -> None:
    a = cleaned(raw)
    assert a.view == view
    assert len(a.view) == len(a.text)
    assert a.text == raw


def test_view_is_the_text_itself_when_nothing_needs_normalising() -> None:
    text = "Nothing odd here.\n\nJust two paragraphs."
    assert clean.normalise_view(text) is text


# --------------------------------------------------------------------------- boilerplate rules

PARA1 = "The regional council approved the new transport budget on Monday, officials said."
PARA2 = "The plan includes three new bus lines and a cycle path along the river, the mayor added."
PARA3 = "Opposition members said the budget did not go far enough to reduce traffic in the centre."


def doc(*middle: str) -> str:
    """A small article: a headline, two paragraphs, the lines under test, one more paragraph."""
    return "\n\n".join(["Council Approves Transport Budget", PARA1, PARA2, *middle, PARA3]) + "\n"


BOILERPLATE_CASES = [
    # (id, lines inserted in the body, the line to check, expected reason)
    ("credit-copyright", ["\u00a9 AP Photo / Jane Doe"], "\u00a9 AP Photo / Jane Doe", "credit"),
    ("credit-photo-colon", ["Photo: John Roe/Example Agency"], "Photo: John Roe", "credit"),
    ("credit-getty", ["Jane Doe/Getty Images"], "Jane Doe/Getty Images", "credit"),
    ("credit-agency-slash", ["REUTERS/Jane Doe"], "REUTERS/Jane Doe", "credit"),
    (
        "credit-image-copyright",
        ["Image copyright EPA Image caption Crowds gather at the station"],
        "Crowds gather",
        "credit",
    ),
    (
        "credit-enlarge",
        ["Enlarge this image toggle caption Jane Doe/AP Jane Doe/AP"],
        "toggle caption",
        "credit",
    ),
    (
        "credit-at-end-of-caption",
        ["Buses queue outside the depot in March. Photo: Jane Doe/Example Agency"],
        "Buses queue",
        "credit",
    ),
    (
        "credit-parenthesised",
        ["Buses queue outside the depot. (Photo: Jane Doe, AP)"],
        "Buses queue",
        "credit",
    ),
    (
        "caption-above-credit-ending-in-date",
        [
            "Commuters wait at a bus stop in the city centre on March 3, 2019",
            "\u00a9 AFP 2019 / Jane Doe",
        ],
        "Commuters wait",
        "caption",
    ),
    (
        "caption-short-place",
        ["Harbour Street, Exampleton", "\u00a9 AP Photo/ Jane Doe"],
        "Harbour Street",
        "caption",
    ),
    (
        "caption-with-site-credit",
        ["Cyclists ride along the river path - Example News"],
        "Cyclists ride",
        "site-credit",
    ),
    (
        "linked-headline-below-credit",
        [
            "A tram passes the old market square",
            "\u00a9 REUTERS / John Roe",
            "Rail Strike Ends After Three Days",
        ],
        "Rail Strike Ends",
        "linked headline",
    ),
    (
        "linked-headline-with-trailing-name",
        ["Airport Expansion Plan Faces Fresh Delays - Minister"],
        "Airport Expansion",
        "linked headline",
    ),
    (
        "read-more-caps",
        ["READ MORE: City Hall Unveils New Parking Rules"],
        "City Hall Unveils",
        "link",
    ),
    ("read-more-lower", ["Read more: Why bus fares are rising again"], "bus fares", "link"),
    ("related", ["Related: Ten things to know about the new tram line"], "Ten things", "link"),
    ("see-also", ["See also: How other cities fund public transport"], "other cities", "link"),
    (
        "read-more-suffix",
        ["Mayor defends tram budget at heated meeting Read more"],
        "heated meeting",
        "link",
    ),
    ("read-the-rest", ["Read the rest here."], "Read the rest", "link"),
    ("widget-subscribe", ["Subscribe"], "Subscribe", "widget"),
    ("widget-advertisement", ["ADVERTISEMENT"], "ADVERTISEMENT", "widget"),
    (
        "widget-login",
        ["To participate in the discussion", "log in or register"],
        "log in or register",
        "widget",
    ),
    ("widget-comment-counter", ["12 comments"], "12 comments", "widget"),
    ("widget-share-bar", ["Facebook Twitter WhatsApp Email"], "Facebook Twitter", "widget"),
    ("widget-share-on", ["Share on Facebook"], "Share on Facebook", "widget"),
    ("widget-newsletter", ["Sign up for our daily newsletter"], "daily newsletter", "widget"),
    ("widget-byline", ["By Jane Doe and John Roe, Example Wire"], "By Jane Doe", "widget"),
    ("widget-age-notice", ["This article is more than 2 years old"], "more than 2 years", "widget"),
    ("counter", ["4521"], "4521", "counter"),
    ("counter-zero", ["0"], "0", "counter"),
    ("separator-stars", ["* * *"], "* * *", "separator"),
    ("separator-dash", ["-"], "-", "separator"),
    ("subheading", ["What Happens Next"], "What Happens Next", "subheading"),
    ("subheading-sentence-case", ["A long road to approval"], "A long road", "subheading"),
    (
        "other-script-cyrillic",
        ["\u041d\u043e\u0432\u043e\u0441\u0442\u0438 \u0434\u043d\u044f"],
        "\u041d\u043e\u0432",
        "other-script",
    ),
    (
        "other-script-greek",
        [
            "\u0395\u03b9\u03b4\u03ae\u03c3\u03b5\u03b9\u03c2 \u03c4\u03b7\u03c2 \u03b7\u03bc\u03ad\u03c1\u03b1\u03c2"
        ],
        "\u0395\u03b9\u03b4",
        "other-script",
    ),
    # the cheap pre-tests in front of the patterns must not hide these
    (
        "widget-behind-many-dash-words",
        ["- - - - - - - - - - - - Share this article"],
        "Share this article",
        "widget",
    ),
    ("widget-longest", ["To participate in the discussion log in or register"], "log in", "widget"),
    ("credit-shutterstock-upper", ["SHUTTERSTOCK"], "SHUTTERSTOCK", "credit"),
    ("credit-shutterstock-long-s", ["Shutter\u017ftock"], "Shutter", "credit"),
    ("credit-getty-upper", ["Jane Doe GETTY IMAGES"], "GETTY IMAGES", "credit"),
    ("credit-photo-by", ["photo by Jane Doe"], "photo by Jane Doe", "credit"),
    ("separator-underscores", ["___"], "___", "separator"),
]


@pytest.mark.parametrize(
    ("lines", "needle", "reason"),
    [c[1:] for c in BOILERPLATE_CASES],
    ids=[c[0] for c in BOILERPLATE_CASES],
)
def test_boilerplate_rule(lines: list[str], needle: str, reason: str) -> None:
    a = cleaned(doc(*lines))
    check_zones(a)
    assert zones_over(a, needle) == {("boilerplate", reason)}
    for para in (PARA1, PARA2, PARA3):
        assert kinds_over(a, para) == {"body"}, "the article's own paragraphs stay body"
    assert kinds_over(a, "Council Approves Transport Budget") == {"headline"}


def test_navigation_list_with_dates_and_dash_lines() -> None:
    nav = [
        "-",
        "Ten tips for a better garden - May 5, 2020",
        "-",
        "Why sleep matters more than you think - May 4, 2020",
        "-",
        "The best picnic spots near the coast - 3 May 2020",
    ]
    text = "\n".join([*nav, "Council Approves Transport Budget", PARA1, PARA2]) + "\n"
    a = cleaned(text)
    check_zones(a)
    for item in ("Ten tips", "Why sleep", "picnic spots"):
        assert zones_over(a, item) == {("boilerplate", "navigation")}
    assert kinds_over(a, "Council Approves Transport Budget") == {"headline"}
    assert a.title == "Council Approves Transport Budget"


NOT_BOILERPLATE_CASES = [
    # (id, lines inserted in the body, a part that must stay body)
    ("short-sentence", ["It did not."], "It did not."),
    ("quote-ending-inside-quotes", ["\u201cWe will build it,\u201d she said."], "We will build it"),
    ("question-sentence", ["Will it work?"], "Will it work?"),
    (
        "agency-slash-in-prose",
        ["The Reuters/Ipsos poll showed the mayor ahead by four points."],
        "Ipsos poll",
    ),
    (
        "getty-in-prose",
        ["A Getty Images photographer said he took the picture at noon."],
        "photographer said",
    ),
    ("copyright-law", ["Copyright law experts said the rules were unclear."], "Copyright law"),
    ("related-in-prose", ["Related to the plan, a second vote is due in May."], "a second vote"),
    (
        "by-in-prose",
        ["By Tuesday, the council must publish the final figures."],
        "publish the final",
    ),
    (
        "date-at-end-of-prose",
        ["The ceasefire came into effect on December 30, 2016."],
        "ceasefire came",
    ),
    ("bullet-item", ["\u2022 Fares will rise by 5% in January"], "Fares will rise"),
    (
        "wrapped-continuation",
        ["The mayor said the new lines would\nopen before the end of the year."],
        "new lines would",
    ),
    ("dateline-line", ["LONDON (Example Wire) - The council met again."], "The council met again."),
    ("list-intro-colon", ["The plan has three parts:"], "three parts"),
    (
        "paragraph-above-a-credit-carrying-its-caption",
        [
            "He last performed in Exampleton on 21 November 2014.",
            "Image copyright AP Image caption The comedian waves to fans",
        ],
        "He last performed",
    ),
    (
        "long-unpunctuated-sentence-case-line",
        ["More than 40 people were injured in the attack, mostly by falling glass"],
        "More than 40 people",
    ),
    (
        "list-items-after-colon",
        [
            "The mayor listed what the city must do:",
            "Build the depot\nHire more drivers\nCut fares.",
        ],
        "Hire more drivers",
    ),
]


@pytest.mark.parametrize(
    ("lines", "needle"),
    [c[1:] for c in NOT_BOILERPLATE_CASES],
    ids=[c[0] for c in NOT_BOILERPLATE_CASES],
)
def test_prose_is_not_boilerplate(lines: list[str], needle: str) -> None:
    a = cleaned(doc(*lines))
    check_zones(a)
    assert kinds_over(a, needle) == {"body"}, zones_over(a, needle)


def test_hard_wrapped_text_keeps_unpunctuated_lines() -> None:
    lines = [
        "The council approved the new transport budget on Monday after",
        "a long debate in which members of every party spoke for and",
        "against the proposal to build three new bus lines and a tram",
        "line along the river, which supporters said would cut traffic",
        "in the centre by a third within five years of its opening and",
        "critics said would cost far more than the council had planned",
        "for, given the delays that similar projects had suffered in",
        "other cities across the region over the past ten years or so",
        "according to a report published by the regional audit office.",
    ]
    a = cleaned("\n".join(lines) + "\n")
    check_zones(a)
    for line in lines:
        assert kinds_over(a, line) == {"body"}, line


# --------------------------------------------------------------------------- header and headline


def test_header_line_is_a_header_zone() -> None:
    a = cleaned(" date 2018-12-19 Register\n" + doc())
    check_zones(a)
    assert zones_over(a, "date 2018-12-19 Register") == {("header", "date header")}
    assert kinds_over(a, "Council Approves Transport Budget") == {"headline"}


def test_caption_before_the_headline_is_boilerplate() -> None:
    text = (
        "    Passengers board a tram at the central station in this file picture taken on June 2, 2018.\n\n"
        "    Council Approves Transport Budget - Mayor\n\n"
        "    \u00a9 AFP 2018 / Jane Doe\n"
        f"    {PARA1}\n\n    {PARA2}\n"
    )
    a = cleaned(text)
    check_zones(a)
    assert zones_over(a, "Passengers board") == {("boilerplate", "caption")}
    assert kinds_over(a, "Council Approves Transport Budget - Mayor") == {"headline"}
    assert zones_over(a, "\u00a9 AFP") == {("boilerplate", "credit")}
    assert a.title == "Council Approves Transport Budget - Mayor"


def test_title_case_headline_with_a_full_stop() -> None:
    a = cleaned("Council Approves Transport Budget After Long Debate.\n\n" + PARA1 + "\n")
    assert kinds_over(a, "Council Approves") == {"headline"}


def test_text_starting_with_prose_has_no_headline() -> None:
    a = cleaned(f"{PARA1}\n\nA Short Section Title\n\n{PARA2}\n")
    check_zones(a)
    assert kinds_over(a, PARA1) == {"body"}
    assert zones_over(a, "A Short Section Title") == {("boilerplate", "subheading")}
    assert a.title == ""


def test_metadata_title_on_its_own_line_is_the_headline() -> None:
    a = cleaned(f"Budget Passes\n\n{PARA1}\n", title="Budget Passes")
    assert zones_over(a, "Budget Passes") == {("headline", "metadata title")}
    assert a.title == "Budget Passes"


def test_metadata_title_inside_the_first_line_is_split_out() -> None:
    text = "Mon 03 Apr 2017 Storm closes harbour. Heavy winds closed the harbour on Monday."
    a = cleaned(text, title="Storm closes harbour")
    check_zones(a)
    assert kinds_over(a, "Storm closes harbour.") == {"headline"}
    assert kinds_over(a, "Heavy winds closed") == {"body"}
    # the date printed before the title is page furniture, not the article's prose
    assert zones_over(a, "Mon 03 Apr 2017") == {("boilerplate", "date-line")}


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (f"{PARA1} Budget talks resumed later.", "Budget talks resumed"),
        ("Budget is the word of the day in the council chamber today.", "Budget"),
    ],
    ids=["title-deep-in-a-line", "one-word-title"],
)
def test_metadata_title_elsewhere_is_not_a_headline(text: str, title: str) -> None:
    a = cleaned(text, title=title)
    assert {z.kind for z in a.zones} == {"body"}


def test_metadata_title_absent_from_text_gives_no_headline_and_keeps_title() -> None:
    a = cleaned(f"{PARA1}\n\n{PARA2}\n", title="Something else entirely")
    assert a.title == "Something else entirely"
    assert {z.kind for z in a.zones} == {"body"}


# --------------------------------------------------------------------------- published


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wed 05 Apr 2017 Storm closes harbour. Heavy winds closed it.", dt.date(2017, 4, 5)),
        ("Published February 18 2015 The army captured two villages.", dt.date(2015, 2, 18)),
        ("12 February 2015 Casualties mounted as the assault went on.", dt.date(2015, 2, 12)),
        ("24.08.2013 State media said rebels used the weapons.", dt.date(2013, 8, 24)),
        ("Fri Sep 27 2013 Bomb blast hits suburb.", dt.date(2013, 9, 27)),
        ("BEIRUT, Sept. 12, 2016 (Example Wire) - Fighting eased overnight.", dt.date(2016, 9, 12)),
        (
            "Harbour Reopens\n\nPublished: 3 March 2019 10:45 GMT\n\nThe harbour reopened.",
            dt.date(2019, 3, 3),
        ),
        (
            "Harbour Reopens\n\nMarch 3, 2019\n\nThe harbour reopened on Sunday.",
            dt.date(2019, 3, 3),
        ),
    ],
    ids=[
        "weekday-dmy",
        "published-mdy",
        "dmy",
        "dotted",
        "weekday-mdy",
        "dateline",
        "published-line",
        "date-line",
    ],
)
def test_publication_date_inferred_from_the_top_of_the_body(text: str, expected: dt.date) -> None:
    a = cleaned(text)
    assert (a.published, a.date_source) == (expected, "inferred")


@pytest.mark.parametrize(
    "text",
    [
        "Harbour Reopens\n\nA ferry docks at the harbour on March 3, 2019\n\u00a9 AP Photo / Jane Doe\n"
        "The harbour reopened on Sunday, officials said.\n",
        "-\nTen tips for a better garden - May 5, 2020\n-\nWhy sleep matters - May 4, 2020\n"
        "Harbour Reopens\nThe harbour reopened on Sunday, officials said.\n",
        f"Harbour Reopens\n\n{PARA1}\n\n{PARA2}\n\nThe ceasefire came into effect on December 30, 2016.\n",
        f"{PARA1} The vote was held on 12 March 2019.",
    ],
    ids=["caption-date", "navigation-dates", "date-deep-in-body", "date-inside-first-paragraph"],
)
def test_publication_date_never_inferred_from_captions_navigation_or_deep_body(text: str) -> None:
    a = cleaned(text)
    assert (a.published, a.date_source) == (None, "unknown")


def test_known_date_is_left_alone() -> None:
    a = cleaned("Wed 05 Apr 2017 Storm.", published=dt.date(2020, 1, 1), date_source="metadata")
    assert (a.published, a.date_source) == (dt.date(2020, 1, 1), "metadata")


# --------------------------------------------------------------------------- outlet


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Harbour Reopens\n\nPARIS (AFP) \u2014 The harbour reopened on Sunday.\n", "AFP"),
        (
            "Harbour Reopens\n\nLONDON, March 3 (Example Wire) - The harbour reopened.\n",
            "Example Wire",
        ),
        ("Washington (Example TV) The harbour reopened on Sunday.\n", "Example TV"),
        (
            "Harbour Reopens\n\nA ferry docks at dawn - Example International\n\nThe harbour reopened on Sunday.\n",
            "Example",
        ),
        (
            "Harbour Reopens\n\nA ferry docks at dawn - Example Daily News\n\nThe harbour reopened on Sunday.\n",
            "Example Daily News",
        ),
        (
            "Harbour Reopens\n\nThe harbour will reopen on Sunday, a port official told Reuters.\n",
            "Reuters",
        ),
    ],
    ids=[
        "dateline-caps",
        "dateline-with-date",
        "dateline-cnn-style",
        "site-credit-international",
        "site-credit-news",
        "told-agency",
    ],
)
def test_outlet_inferred(text: str, expected: str) -> None:
    assert cleaned(text).outlet == expected


@pytest.mark.parametrize(
    "text",
    [
        "Harbour Reopens\n\nSenator Jane Doe (R-Texas) said the harbour would reopen.\n",
        "Harbour Reopens\n\nPresident Doe (D) - who spoke on Sunday - said it would reopen.\n",
        "Harbour Reopens\n\nThe port official told Jane Doe that the harbour would reopen.\n",
        f"{PARA1}\n\n{PARA2}\n",
    ],
    ids=["party-tag", "single-letter", "told-a-person", "nothing"],
)
def test_no_outlet_invented(text: str) -> None:
    assert cleaned(text).outlet == ""


def test_known_outlet_is_left_alone() -> None:
    assert cleaned("PARIS (AFP) \u2014 Text.", outlet="Metadata Outlet").outlet == "Metadata Outlet"


# --------------------------------------------------------------------------- seeds vs gold


def _gold() -> dict[str, Any]:
    path = skip_without_shared("gold", "seeds-claims.json")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _seed(article_id: str) -> Article:
    path = SEEDS / f"{article_id}.txt"
    items = list(ingest.read([str(path)], ingest.IngestOptions()))
    assert len(items) == 1 and isinstance(items[0], Article)
    return clean.clean(items[0])


def _gold_items(key: str) -> list[dict[str, Any]]:
    path = Path(__file__).resolve().parents[2] / "shared" / "gold" / "seeds-claims.json"
    if not path.exists():
        return []
    items: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))[key]
    return items


def _covered(article: Article, start: int, end: int, kinds: set[str]) -> bool:
    return all(
        any(z.start <= i < z.end and z.kind in kinds for z in article.zones)
        for i in range(start, end)
    )


def _occurrences(view: str, needle: str) -> list[int]:
    out, pos = [], view.find(needle)
    while pos >= 0:
        out.append(pos)
        pos = view.find(needle, pos + 1)
    return out


MUST_NOT_PARAMS = [
    pytest.param(m, id=f"{m['article'][:3]}-{m['text'][:40]}") for m in _gold_items("must_not")
] or [pytest.param(None, id="no-gold")]
CLAIM_PARAMS = [pytest.param(c, id=f"{c['id']}-{c['level']}") for c in _gold_items("claims")] or [
    pytest.param(None, id="no-gold")
]


@pytest.mark.parametrize("item", MUST_NOT_PARAMS)
def test_seed_must_not_text_is_boilerplate(item: dict[str, Any] | None) -> None:
    _gold()
    assert item is not None
    a = _seed(item["article"])
    check_zones(a)
    needle = item["text"].replace("\u00a0", " ")
    found = _occurrences(a.view, needle)
    assert found, f"{needle!r} not found in {item['article']}"
    for pos in found:
        assert _covered(a, pos, pos + len(needle), {"boilerplate"}), zones_over(a, needle)


@pytest.mark.parametrize("item", CLAIM_PARAMS)
def test_seed_claim_text_is_headline_or_body(item: dict[str, Any] | None) -> None:
    _gold()
    assert item is not None
    a = _seed(item["article"])
    needle = item["text"].replace("\u00a0", " ")
    found = _occurrences(a.view, needle)
    assert found, f"{needle!r} not found in {item['article']}"
    assert any(_covered(a, pos, pos + len(needle), {"headline", "body"}) for pos in found), (
        zones_over(a, needle)
    )


def test_seed_headline_claims_are_headlines() -> None:
    gold = _gold()
    for c in gold["claims"]:
        if c["kind"] == "headline":
            a = _seed(c["article"])
            assert kinds_over(a, c["text"].replace("\u00a0", " ")) == {"headline"}, c["id"]


@pytest.mark.parametrize("article_id", sorted(p.stem for p in SEEDS.glob("*.txt")))
def test_seed_published_and_outlet_match_gold(article_id: str) -> None:
    gold = _gold()["articles"][article_id]
    a = _seed(article_id)
    expected = dt.date.fromisoformat(gold["published"]) if gold["published"] else None
    assert a.published == expected
    assert a.date_source == ("header" if expected else "unknown")
    assert a.outlet == (gold["outlet"] or "")


# --------------------------------------------------------------------------- invariants, adversarial


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_clean_never_raises_and_zones_cover_arbitrary_text(text: str) -> None:
    a = clean.clean(make_article(text))
    check_zones(a)
    assert a.text == text


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "",
                "   ",
                "\u00a9 AP",
                "READ MORE: X",
                "Subscribe",
                "0",
                "-",
                "A Title Line",
                "date 2018-01-01 X",
                "Sentence one.",
                "WASHINGTON (Wire) - Text.",
                "Item - May 5, 2020",
                "\u041d\u043e\u0432\u043e\u0441\u0442\u0438",
                "\r",
                "Wed 05 Apr 2017 Text.",
            ]
        ),
        max_size=25,
    ),
    st.sampled_from(["\n", "\r\n", "\n\n", "\r"]),
)
def test_clean_zones_cover_line_soup(lines: list[str], sep: str) -> None:
    a = clean.clean(make_article(sep.join(lines)))
    check_zones(a)


@pytest.mark.parametrize(
    "text",
    [
        "word " * 200_000,
        '"' * 200_000,
        "\u00a9 " * 100_000,
        "a\n" * 200_000,
        "Ten tips - May 5, 2020\n-\n" * 20_000,
        "published" + " " * 100_000 + "x",
        "By " + "Aa" * 100_000,
        "\u041d\u043e\u0432 abc\n" * 50_000,
        "READ MORE: " + "x " * 200_000,
        "Tags Syria war\n" * 60_000,
        "Text. (Example News and Agencies) " * 60_000,
    ],
    ids=[
        "1MB-no-punctuation",
        "200k-quotes",
        "copyright-signs",
        "200k-lines",
        "navigation-run",
        "spaces",
        "byline",
        "cyrillic-lines",
        "long-link",
        "60k-tag-lines",
        "60k-agency-credits",
    ],
)
def test_adversarial_text_finishes(text: str) -> None:
    with deadline(30, "clean on adversarial text"):
        a = clean.clean(make_article(text))
    check_zones(a)


# --------------------------------------------------------------------------- glued furniture

# Page furniture that scrapers glue into the first line of an article (a publication
# stamp, a dated agency credit, a share bar with counters, a tag list): cut as a
# boilerplate span inside the line, the running text after it stays body.
# (id, text, metadata title, furniture, reason, first words of the running text)
GLUED_CASES = [
    (
        "publication-stamp",
        "Date of publication 3 March 2019 Heavy rain flooded the old town on Sunday officials said.",
        "",
        "Date of publication 3 March 2019",
        "publication-date",
        "Heavy rain flooded",
    ),
    (
        "published-colon-comma-date",
        "Published: April 24, 2017 The council approved the budget on Monday.",
        "",
        "Published: April 24, 2017",
        "publication-date",
        "The council approved",
    ),
    (
        "last-updated-day-glued-to-year",
        "Last updated at Nov 012017 RIVERTON Two bridges were closed after the flood.",
        "",
        "Last updated at Nov 012017",
        "publication-date",
        "RIVERTON Two bridges",
    ),
    (
        "posted-on-with-byline",
        "Posted on July 2 2016 by Jane Doe At least 40 homes were damaged by the storm.",
        "",
        "Posted on July 2 2016 by Jane Doe",
        "publication-date",
        "At least 40 homes",
    ),
    (
        "stamp-before-a-lower-case-lead",
        "Published May 3 2018 more than 40 homes were damaged by the storm.",
        "",
        "Published May 3 2018",
        "publication-date",
        "more than 40 homes",
    ),
    (
        "dated-agency-credit-after-title",
        "Storm closes harbour AFP Thursday 27 Oct 2016 At least three boats sank on Thursday.",
        "Storm closes harbour",
        "AFP Thursday 27 Oct 2016",
        "agency-credit",
        "At least three boats",
    ),
    (
        "bare-agency-after-dated-title",
        "Sunday 14 Aug 2016 Storm closes harbour AP Fishing boats stayed in port on Sunday.",
        "Storm closes harbour",
        "AP",
        "agency-credit",
        "Fishing boats stayed",
    ),
    (
        "date-and-share-bar-with-counters",
        "19.07.2016(updated 1457 19.07.2016) Get short URL 2440 Over 100 homes lost power.",
        "",
        "19.07.2016(updated 1457 19.07.2016) Get short URL 2440",
        "date-line",
        "Over 100 homes",
    ),
    (
        "share-counters-leave-the-lead-number",
        "12.03.2018 Get short URL 0 85 12 people were hurt when the roof collapsed.",
        "",
        "12.03.2018 Get short URL 0 85",
        "date-line",
        "12 people were hurt",
    ),
    (
        "print-tweet-views-after-credit",
        "Floods hit coast Reuters Friday 17 Nov 2017 Print Tweet Views 1662 An early storm flooded the coast.",
        "Floods hit coast",
        "Reuters Friday 17 Nov 2017 Print Tweet Views 1662",
        "agency-credit",
        "An early storm",
    ),
    (
        "short-link-and-photo-credit",
        "Published August 6 2016 SEND https://exa.mp/l3RMJL AB Photo A fire destroyed the old mill.",
        "",
        "Published August 6 2016 SEND https://exa.mp/l3RMJL AB Photo",
        "publication-date",
        "A fire destroyed",
    ),
    (
        "agencies-credit-after-a-caption",
        "Rescuers search the rubble in the old town. (Example World and Agencies) At least nine people died.",
        "",
        "(Example World and Agencies)",
        "agency-credit",
        "At least nine people",
    ),
    (
        "tags-before-lead-opener",
        "The council voted to close the bridge. Tags Riverton bridge repairs transport budget "
        "The bridge will close for two months.",
        "",
        "Tags Riverton bridge repairs transport budget",
        "tags",
        "The bridge will close",
    ),
    (
        "tags-before-lead-without-opener",
        "Tags Riverton floods weather Heavy rain flooded the old town on Sunday.",
        "",
        "Tags Riverton floods weather",
        "tags",
        "Heavy rain flooded",
    ),
    (
        "tags-with-a-preposition-before-the-opener",
        "Tags Riverton Office for Road Safety traffic At least two cars collided on Sunday.",
        "",
        "Tags Riverton Office for Road Safety traffic",
        "tags",
        "At least two cars",
    ),
    (
        "tags-ending-the-line",
        "Heavy rain flooded the old town on Sunday.\n\n"
        "The river rose by two metres overnight. Tags weather floods Riverton Comment via Forum",
        "",
        "Tags weather floods Riverton Comment via Forum",
        "tags",
        "Heavy rain flooded",
    ),
]


@pytest.mark.parametrize(
    ("text", "title", "furniture", "reason", "lead"),
    [c[1:] for c in GLUED_CASES],
    ids=[c[0] for c in GLUED_CASES],
)
def test_glued_furniture_is_cut_from_the_line(
    text: str, title: str, furniture: str, reason: str, lead: str
) -> None:
    a = cleaned(text, title=title)
    check_zones(a)
    start = a.view.find(furniture)
    cut = [z for z in a.zones if z.kind == "boilerplate"]
    assert any(z.start == start and z.end == start + len(furniture) for z in cut), a.zones
    assert all(z.reason == reason for z in cut if z.start == start)
    assert kinds_over(a, lead) == {"body"}
    if title:
        assert kinds_over(a, title) == {"headline"}


def test_title_glued_before_a_dated_credit_is_the_headline() -> None:
    a = cleaned(
        "Bridge reopens after repairs AFP Monday 6 Jun 2016 The old bridge reopened on Monday."
    )
    check_zones(a)
    assert zones_over(a, "Bridge reopens after repairs") == {("headline", "title before a credit")}
    assert zones_over(a, "AFP Monday 6 Jun 2016") == {("boilerplate", "agency-credit")}
    assert kinds_over(a, "The old bridge reopened") == {"body"}
    assert a.title == "Bridge reopens after repairs"


def test_metadata_title_cut_short_is_completed_before_the_credit() -> None:
    text = "Floods hit coast Monitor AFP Monday 16 Jun 2014 Print Tweet Rain flooded the coast."
    a = cleaned(text, title="Floods hit coast")
    check_zones(a)
    assert kinds_over(a, "Floods hit coast Monitor") == {"headline"}
    assert zones_over(a, "AFP Monday 16 Jun 2014 Print Tweet") == {("boilerplate", "agency-credit")}
    assert kinds_over(a, "Rain flooded") == {"body"}


# Running text that starts like furniture but is the article's prose: left alone.
GLUED_PROSE = [
    ("published-reports", "Published reports say the bridge will close in May for repairs."),
    ("posted-guards", "Posted guards stood at the gate of the depot all night."),
    ("updated-figures", "Updated figures show that 40 homes were damaged by the storm."),
    ("tags-as-a-noun", "Tags are attached to every parcel at the depot before dawn."),
    ("date-as-subject", "July 4 2016 was the hottest day of the year in the valley."),
    ("agency-as-subject", "Reuters reported on Monday that the bridge will close in May."),
    ("agency-journalists", "AFP journalists saw smoke over the town on Monday morning."),
    ("date-after-preposition", "On Wednesday 5 April 2017 the council met to discuss the bridge."),
    ("date-without-year", "Monday 6 June was the first dry day of the month in the town."),
    (
        "agencies-credit-mid-sentence",
        "Officials (Example News and Agencies) said the road was shut.",
    ),
    (
        "tags-without-lead",
        "Tags Riverton floods weather storms rain wind snow ice " + "cold " * 40 + "front",
    ),
]


@pytest.mark.parametrize("text", [c[1] for c in GLUED_PROSE], ids=[c[0] for c in GLUED_PROSE])
def test_prose_that_looks_like_furniture_is_not_cut(text: str) -> None:
    a = cleaned(text)
    check_zones(a)
    assert {z.kind for z in a.zones} == {"body"}, a.zones


# --------------------------------------------------------------------------- pre-tests

# clean.py puts cheap tests in front of costly ones and skips a pattern only where it
# cannot match. These pin the facts each skip relies on, over every code point.

_ALL_CHARS = "".join(map(chr, range(sys.maxunicode + 1)))


def test_lower_case_keeps_the_words_of_a_line() -> None:
    """The widget-line bound: lower() maps whitespace to itself and nothing else to any."""
    spaces = re.findall(r"\s", _ALL_CHARS)  # \s: str.isspace()
    assert spaces and all(c.lower() == c for c in spaces)
    others = re.sub(r"\s", "", _ALL_CHARS)
    assert re.search(r"\s", others.lower()) is None
    assert all(c.isspace() for c in spaces) and not any(c.isspace() for c in others)


def test_word_character_is_alphanumeric_or_underscore() -> None:
    """The separator pre-test: regex \\w is exactly str.isalnum() or "_"."""
    words = set(re.findall(r"\w", _ALL_CHARS))
    assert words == {c for c in _ALL_CHARS if c.isalnum() or c == "_"}


def test_case_insensitive_hint_letters_match_only_ascii() -> None:
    """CREDIT_UNPUNCTUATED_HINTS_LOWER may be looked for in the lower-cased line."""
    letters = sorted(set("".join(bp.CREDIT_UNPUNCTUATED_HINTS_LOWER)))
    pattern = re.compile("[" + "".join(letters) + "]", re.IGNORECASE)
    assert pattern.search(_ALL_CHARS, 128) is None
    assert all(h.islower() and h.isascii() for h in bp.CREDIT_UNPUNCTUATED_HINTS_LOWER)


_UNPUNCTUATED_TOKENS = [
    "Getty", "GETTY", "gEtTy", "Images", "image", "Shutterstock", "SHUTTERSTOCK",
    "Shutter\u017ftoc\u212a", "photo", "Photo", "by", "Jane", "AP", "AFP", "Reuters",
    "REUTERS", "Pool", "/", "x", "\u0130", "-",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(_UNPUNCTUATED_TOKENS), min_size=1, max_size=8),
    st.sampled_from([" ", "", "\t", " / "]),
)
def test_credit_unpunctuated_pre_test_misses_no_match(tokens: list[str], sep: str) -> None:
    s = sep.join(tokens)
    if bp.CREDIT_UNPUNCTUATED.search(s):
        assert clean._has_any(s, bp.CREDIT_UNPUNCTUATED_HINTS) or clean._has_any(
            s.lower(), bp.CREDIT_UNPUNCTUATED_HINTS_LOWER
        )


@pytest.mark.parametrize(
    "text",
    ["Tags: Syria war", "x. TAGS Idlib", "Keywords Syria", "KEYWORDS: a b", "Tags\tX"],
    ids=["tags", "tags-upper", "keywords", "keywords-upper", "tab"],
)
def test_tag_words_pre_test_covers_the_tag_pattern(text: str) -> None:
    assert bp.TAGS_START.search(text)
    assert clean._has_any(text, bp.TAGS_WORDS)


def _overlay_each(zones: list[Zone], cuts: list[tuple[int, int, str, str]]) -> tuple[Zone, ...]:
    """The cuts overlaid one at a time on the whole zone list (quadratic, the definition)."""
    out = list(zones)
    last = -1
    for start, end, kind, reason in sorted(cuts):
        start = max(start, last)
        if end > start:
            out = clean._overlay(out, start, end, kind, reason)  # type: ignore[arg-type]
            last = end
    return tuple(out)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.integers(1, 59), max_size=8, unique=True),
    st.lists(
        st.tuples(
            st.integers(-3, 65),
            st.integers(-2, 15),
            st.sampled_from(["boilerplate", "headline"]),
            st.sampled_from(["tags", "x"]),
        ),
        max_size=8,
    ),
)
def test_apply_cuts_is_overlaying_each_cut_in_turn(
    cuts_at: list[int], cuts: list[tuple[int, int, str, str]]
) -> None:
    bounds = [0, *sorted(cuts_at), 60]
    kinds = ["body", "boilerplate", "headline"]
    zones = [
        Zone(kinds[i % 3], a, b, "r" if i % 3 == 1 else "")  # type: ignore[arg-type]
        for i, (a, b) in enumerate(itertools.pairwise(bounds))
    ]
    spans = [(a, a + n, kind, reason) for a, n, kind, reason in cuts]
    assert clean._apply_cuts(zones, spans) == _overlay_each(zones, spans)  # type: ignore[arg-type]
