"""The time grammar (crosscheck.timex): forms, conventions, tense, negatives, no anchor,
the gold times of the seeds, and linear time on adversarial input."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import SEEDS, SHARED, deadline, skip_without_shared
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck import clean, ingest, pipeline, segment, timex
from crosscheck.records import TimeSpan

D = dt.date
DEC19 = D(2018, 12, 19)  # a Wednesday (seed 000)
NOV14 = D(2017, 11, 14)  # a Tuesday (seed 001)


def times(text: str, anchor: dt.date | None = DEC19) -> list[TimeSpan]:
    return list(timex.find_times(text, 0, len(text), anchor, "header"))


def one(text: str, anchor: dt.date | None = DEC19) -> TimeSpan:
    found = times(text, anchor)
    assert len(found) == 1, [t.text for t in found]
    return found[0]


# --------------------------------------------------------------------------- forms
# (id, sentence, anchor, expression text, first, last)
FORMS = [
    (
        "full-date-us",
        "It began on December 30, 2016.",
        DEC19,
        "December 30, 2016",
        D(2016, 12, 30),
        D(2016, 12, 30),
    ),
    (
        "full-date-eu",
        "It began on 30 December 2016.",
        DEC19,
        "30 December 2016",
        D(2016, 12, 30),
        D(2016, 12, 30),
    ),
    (
        "iso-date",
        "Posted 2016-12-30 by staff.",
        DEC19,
        "2016-12-30",
        D(2016, 12, 30),
        D(2016, 12, 30),
    ),
    ("abbrev-dot", "The vote was held on Dec. 3.", DEC19, "Dec. 3", D(2018, 12, 3), D(2018, 12, 3)),
    (
        "abbrev-weekday-prefix",
        "Wed 05 Apr 2017 Syria attack",
        DEC19,
        "Wed 05 Apr 2017",
        D(2017, 4, 5),
        D(2017, 4, 5),
    ),
    (
        "ordinal-of",
        "It ended on the 30th of November.",
        DEC19,
        "the 30th of November",
        D(2018, 11, 30),
        D(2018, 11, 30),
    ),
    (
        "weekday-date",
        "He spoke on Tuesday, December 18.",
        DEC19,
        "Tuesday, December 18",
        D(2018, 12, 18),
        D(2018, 12, 18),
    ),
    (
        "no-comma-year",
        "killed on December 30 2016 in Aleppo",
        DEC19,
        "December 30 2016",
        D(2016, 12, 30),
        D(2016, 12, 30),
    ),
    (
        "month-comma-day",
        "talks set to begin on November, 28.",
        NOV14,
        "November, 28",
        D(2017, 11, 28),
        D(2017, 11, 28),
    ),
    (
        "range-md",
        "the meeting in Astana on January 23-24 was held",
        DEC19,
        "January 23-24",
        D(2018, 1, 23),
        D(2018, 1, 24),
    ),
    (
        "range-dm",
        "the meeting on 23-24 January was held",
        DEC19,
        "23-24 January",
        D(2018, 1, 23),
        D(2018, 1, 24),
    ),
    (
        "range-from-to",
        "It ran from March 3 to March 5, 2017.",
        DEC19,
        "March 3 to March 5, 2017",
        D(2017, 3, 3),
        D(2017, 3, 5),
    ),
    (
        "range-cross-month",
        "It ran January 30 - February 2, 2017.",
        DEC19,
        "January 30 - February 2, 2017",
        D(2017, 1, 30),
        D(2017, 2, 2),
    ),
    (
        "range-cross-year",
        "It ran from December 30 to January 2, 2017.",
        DEC19,
        "December 30 to January 2, 2017",
        D(2016, 12, 30),
        D(2017, 1, 2),
    ),
    (
        "month-year",
        "It was founded in October 2017.",
        DEC19,
        "October 2017",
        D(2017, 10, 1),
        D(2017, 10, 31),
    ),
    ("month-alone-past", "was held in October", DEC19, "October", D(2018, 10, 1), D(2018, 10, 31)),
    (
        "month-alone-future",
        "is expected in December",
        NOV14,
        "December",
        D(2017, 12, 1),
        D(2017, 12, 31),
    ),
    (
        "month-future-next-year",
        "will take place in March",
        DEC19,
        "March",
        D(2019, 3, 1),
        D(2019, 3, 31),
    ),
    (
        "month-past-prev-year",
        "The deal was signed in December",
        D(2018, 11, 2),
        "December",
        D(2017, 12, 1),
        D(2017, 12, 31),
    ),
    (
        "month-last-year",
        "In October last year, troops moved in.",
        D(2016, 7, 12),
        "October last year",
        D(2015, 10, 1),
        D(2015, 10, 31),
    ),
    ("last-month-name", "They met last March.", DEC19, "last March", D(2018, 3, 1), D(2018, 3, 31)),
    (
        "next-month-name",
        "They meet next March.",
        DEC19,
        "next March",
        D(2019, 3, 1),
        D(2019, 3, 31),
    ),
    (
        "weekday-past",
        "Palladino said on Tuesday.",
        DEC19,
        "Tuesday",
        D(2018, 12, 18),
        D(2018, 12, 18),
    ),
    ("weekday-past-same-day", "They met on Tuesday.", NOV14, "Tuesday", NOV14, NOV14),
    ("weekday-said-bare", "Haddad said Tuesday.", NOV14, "Tuesday", NOV14, NOV14),
    (
        "weekday-future",
        "They will meet on Friday.",
        DEC19,
        "Friday",
        D(2018, 12, 21),
        D(2018, 12, 21),
    ),
    (
        "weekday-future-next-week",
        "They will meet on Monday.",
        DEC19,
        "Monday",
        D(2018, 12, 24),
        D(2018, 12, 24),
    ),
    ("weekday-no-cue", "The attack on Monday", DEC19, "Monday", D(2018, 12, 17), D(2018, 12, 17)),
    (
        "weekday-daypart",
        "The blast on Saturday evening",
        DEC19,
        "Saturday evening",
        D(2018, 12, 15),
        D(2018, 12, 15),
    ),
    (
        "last-weekday",
        "They met last Wednesday.",
        DEC19,
        "last Wednesday",
        D(2018, 12, 12),
        D(2018, 12, 12),
    ),
    (
        "next-weekday",
        "They meet next Wednesday.",
        DEC19,
        "next Wednesday",
        D(2018, 12, 26),
        D(2018, 12, 26),
    ),
    (
        "early-month",
        "It happened in early March.",
        DEC19,
        "early March",
        D(2018, 3, 1),
        D(2018, 3, 10),
    ),
    (
        "mid-month",
        "was expected to take place in Russia in mid-November",
        NOV14,
        "mid-November",
        D(2017, 11, 11),
        D(2017, 11, 20),
    ),
    (
        "mid-month-space",
        "It was held in mid November.",
        DEC19,
        "mid November",
        D(2018, 11, 11),
        D(2018, 11, 20),
    ),
    (
        "late-month-past",
        "was first agreed upon in late January",
        DEC19,
        "late January",
        D(2018, 1, 21),
        D(2018, 1, 31),
    ),
    (
        "late-february-leap",
        "It was held in late February 2016.",
        DEC19,
        "late February 2016",
        D(2016, 2, 21),
        D(2016, 2, 29),
    ),
    (
        "early-year",
        "to convene the committee in early 2019",
        DEC19,
        "early 2019",
        D(2019, 1, 1),
        D(2019, 4, 30),
    ),
    ("mid-year", "It was built in mid-2017.", DEC19, "mid-2017", D(2017, 5, 1), D(2017, 8, 31)),
    ("late-year", "It was built in late 2017.", DEC19, "late 2017", D(2017, 9, 1), D(2017, 12, 31)),
    (
        "late-last-year",
        "It was built late last year.",
        DEC19,
        "late last year",
        D(2017, 9, 1),
        D(2017, 12, 31),
    ),
    (
        "end-of-year",
        "It ends at the end of 2018.",
        DEC19,
        "the end of 2018",
        D(2018, 12, 1),
        D(2018, 12, 31),
    ),
    (
        "beginning-of-year",
        "at the beginning of 2017",
        DEC19,
        "the beginning of 2017",
        D(2017, 1, 1),
        D(2017, 1, 31),
    ),
    (
        "middle-of-month",
        "It happened in the middle of May",
        DEC19,
        "the middle of May",
        D(2018, 5, 11),
        D(2018, 5, 20),
    ),
    (
        "end-of-month-rel",
        "by the end of the month",
        DEC19,
        "by the end of the month",
        D(2018, 12, 1),
        D(2018, 12, 31),
    ),
    (
        "beginning-next-month",
        "at the beginning of next month",
        DEC19,
        "the beginning of next month",
        D(2019, 1, 1),
        D(2019, 1, 10),
    ),
    (
        "end-of-the-year",
        "at the end of the year",
        DEC19,
        "the end of the year",
        D(2018, 12, 1),
        D(2018, 12, 31),
    ),
    (
        "by-end-of-year-gold",
        "to convene in Geneva by the end of 2018.",
        DEC19,
        "by the end of 2018",
        D(2018, 1, 1),
        D(2018, 12, 31),
    ),
    (
        "by-end-of-later-year",
        "to convene by the end of 2018.",
        D(2017, 5, 2),
        "by the end of 2018",
        D(2017, 5, 2),
        D(2018, 12, 31),
    ),
    ("by-month", "will be ready by December", NOV14, "by December", NOV14, D(2017, 12, 31)),
    ("this-week", "They meet this week.", DEC19, "this week", D(2018, 12, 17), D(2018, 12, 23)),
    ("next-week", "They meet next week.", DEC19, "next week", D(2018, 12, 24), D(2018, 12, 30)),
    ("last-week", "They met last week.", DEC19, "last week", D(2018, 12, 10), D(2018, 12, 16)),
    ("this-month", "They meet this month.", DEC19, "this month", D(2018, 12, 1), D(2018, 12, 31)),
    ("next-month", "They meet next month.", DEC19, "next month", D(2019, 1, 1), D(2019, 1, 31)),
    ("last-month", "They met last month.", DEC19, "last month", D(2018, 11, 1), D(2018, 11, 30)),
    ("this-year", "They meet this year.", DEC19, "this year", D(2018, 1, 1), D(2018, 12, 31)),
    ("next-year", "They meet next year.", DEC19, "next year", D(2019, 1, 1), D(2019, 12, 31)),
    ("last-year", "They met last year.", DEC19, "last year", D(2017, 1, 1), D(2017, 12, 31)),
    (
        "earlier-this-month",
        "They met earlier this month.",
        DEC19,
        "earlier this month",
        D(2018, 12, 1),
        DEC19,
    ),
    (
        "later-this-year",
        "They meet later this year.",
        DEC19,
        "later this year",
        DEC19,
        D(2018, 12, 31),
    ),
    ("the-past-week", "over the past week", DEC19, "the past week", D(2018, 12, 12), DEC19),
    (
        "this-weekend",
        "They meet this weekend.",
        DEC19,
        "this weekend",
        D(2018, 12, 22),
        D(2018, 12, 23),
    ),
    (
        "over-the-weekend",
        "killed 49 people over the weekend",
        DEC19,
        "the weekend",
        D(2018, 12, 15),
        D(2018, 12, 16),
    ),
    ("today", "He said today.", DEC19, "today", DEC19, DEC19),
    ("yesterday", "He said yesterday.", DEC19, "yesterday", D(2018, 12, 18), D(2018, 12, 18)),
    ("tomorrow", "They meet tomorrow.", DEC19, "tomorrow", D(2018, 12, 20), D(2018, 12, 20)),
    ("tonight", "They meet tonight.", DEC19, "tonight", DEC19, DEC19),
    (
        "last-night",
        "It exploded last night.",
        DEC19,
        "last night",
        D(2018, 12, 18),
        D(2018, 12, 18),
    ),
    (
        "coming-days",
        "would try to finalise details in coming days in Geneva",
        DEC19,
        "coming days",
        D(2018, 12, 20),
        D(2019, 1, 2),
    ),
    (
        "the-coming-days",
        "in the coming days",
        DEC19,
        "the coming days",
        D(2018, 12, 20),
        D(2019, 1, 2),
    ),
    ("recent-weeks", "in recent weeks", DEC19, "recent weeks", D(2018, 11, 7), DEC19),
    (
        "last-few-weeks",
        "spent the last few weeks working",
        DEC19,
        "the last few weeks",
        D(2018, 11, 7),
        DEC19,
    ),
    ("season-this", "They meet this summer.", DEC19, "this summer", D(2018, 6, 1), D(2018, 8, 31)),
    (
        "season-year",
        "It was built in spring 2017.",
        DEC19,
        "spring 2017",
        D(2017, 3, 1),
        D(2017, 5, 31),
    ),
    (
        "season-of-year",
        "in the summer of 2016",
        DEC19,
        "the summer of 2016",
        D(2016, 6, 1),
        D(2016, 8, 31),
    ),
    ("winter-spans-years", "in winter 2016", DEC19, "winter 2016", D(2016, 12, 1), D(2017, 2, 28)),
    ("season-next", "They meet next spring.", DEC19, "next spring", D(2019, 3, 1), D(2019, 5, 31)),
    (
        "season-future",
        "It will open in the spring.",
        DEC19,
        "the spring",
        D(2019, 3, 1),
        D(2019, 5, 31),
    ),
    (
        "fall-with-year",
        "in the fall of 2015",
        DEC19,
        "the fall of 2015",
        D(2015, 9, 1),
        D(2015, 11, 30),
    ),
    (
        "since-year",
        "Syria has been mired in civil war since 2011",
        DEC19,
        "since 2011",
        D(2011, 1, 1),
        DEC19,
    ),
    (
        "since-month",
        "trapped in the town since September",
        D(2017, 11, 26),
        "since September",
        D(2017, 9, 1),
        D(2017, 11, 26),
    ),
    ("year-alone", "It was built in 2015.", DEC19, "2015", D(2015, 1, 1), D(2015, 12, 31)),
    ("the-year", "in the year 2000", DEC19, "the year 2000", D(2000, 1, 1), D(2000, 12, 31)),
    ("year-range", "in 2014-2015", DEC19, "2014-2015", D(2014, 1, 1), D(2015, 12, 31)),
    (
        "year-range-between",
        "between 2011 and 2015",
        DEC19,
        "2011 and 2015",
        D(2011, 1, 1),
        D(2015, 12, 31),
    ),
    ("decade", "in the 1990s", DEC19, "the 1990s", D(1990, 1, 1), D(1999, 12, 31)),
    (
        "quarter",
        "in the first quarter of 2017",
        DEC19,
        "the first quarter of 2017",
        D(2017, 1, 1),
        D(2017, 3, 31),
    ),
    (
        "half",
        "in the second half of this year",
        DEC19,
        "the second half of this year",
        D(2018, 7, 1),
        D(2018, 12, 31),
    ),
    (
        "weeks-ago",
        "It began two weeks ago.",
        DEC19,
        "two weeks ago",
        D(2018, 12, 3),
        D(2018, 12, 9),
    ),
    (
        "days-ago",
        "It began three days ago.",
        DEC19,
        "three days ago",
        D(2018, 12, 16),
        D(2018, 12, 16),
    ),
    ("years-ago", "It began 5 years ago.", DEC19, "5 years ago", D(2013, 1, 1), D(2013, 12, 31)),
    (
        "in-two-weeks",
        "They will meet in two weeks.",
        DEC19,
        "in two weeks",
        D(2018, 12, 31),
        D(2019, 1, 6),
    ),
    (
        "within-days",
        "It will be ready within three days.",
        DEC19,
        "within three days",
        DEC19,
        D(2018, 12, 22),
    ),
    ("past-n-days", "over the past two weeks", DEC19, "the past two weeks", D(2018, 12, 5), DEC19),
    (
        "next-n-days",
        "over the next 60 days",
        DEC19,
        "the next 60 days",
        D(2018, 12, 20),
        D(2019, 2, 17),
    ),
    (
        "until",
        "The truce holds until March 5, 2019.",
        DEC19,
        "until March 5, 2019",
        None,
        D(2019, 3, 5),
    ),
    ("before", "before 2010 it was calm", DEC19, "before 2010", None, D(2009, 12, 31)),
    ("after", "after 2010 it changed", DEC19, "after 2010", D(2011, 1, 1), None),
    (
        "after-friday-prayers",
        "leaving mosques after Friday prayers",
        DEC19,
        "Friday",
        D(2018, 12, 14),
        D(2018, 12, 14),
    ),
    (
        "all-caps-month",
        "ON DECEMBER 30, 2016 THE",
        DEC19,
        "DECEMBER 30, 2016",
        D(2016, 12, 30),
        D(2016, 12, 30),
    ),
]


@pytest.mark.parametrize(
    ("sentence", "anchor", "text", "first", "last"),
    [f[1:] for f in FORMS],
    ids=[f[0] for f in FORMS],
)
def test_forms(
    sentence: str, anchor: dt.date, text: str, first: dt.date | None, last: dt.date | None
) -> None:
    found = {t.text: t for t in times(sentence, anchor)}
    assert text in found, sorted(found)
    t = found[text]
    assert (t.first, t.last) == (first, last)
    assert sentence[t.start : t.end] == t.text


# (id, sentence, expression, grain, modifier, resolved_by)
ATTRIBUTES = [
    ("absolute", "It began on December 30, 2016.", "December 30, 2016", "day", "", "absolute"),
    ("header", "Palladino said on Tuesday.", "Tuesday", "day", "", "header"),
    ("mid", "in mid-November", "mid-November", "month", "mid", "header"),
    ("early-year", "in early 2019", "early 2019", "year", "early", "absolute"),
    ("end", "at the end of 2018", "the end of 2018", "year", "end", "absolute"),
    (
        "start",
        "at the beginning of next month",
        "the beginning of next month",
        "month",
        "start",
        "header",
    ),
    ("by", "by the end of 2018", "by the end of 2018", "year", "by", "absolute"),
    ("since", "since 2011", "since 2011", "year", "since", "absolute"),
    ("until", "until March 2019", "until March 2019", "month", "until", "absolute"),
    ("week", "next week", "next week", "week", "", "header"),
    ("season", "this summer", "this summer", "season", "", "header"),
    (
        "quarter",
        "in the first quarter of 2017",
        "the first quarter of 2017",
        "quarter",
        "",
        "absolute",
    ),
    ("decade", "in the 1990s", "the 1990s", "decade", "", "absolute"),
]


@pytest.mark.parametrize(
    ("sentence", "text", "grain", "modifier", "resolved_by"),
    [a[1:] for a in ATTRIBUTES],
    ids=[a[0] for a in ATTRIBUTES],
)
def test_grain_modifier_resolved_by(
    sentence: str, text: str, grain: str, modifier: str, resolved_by: str
) -> None:
    t = one(sentence)
    assert (t.text, t.grain, t.modifier, t.resolved_by) == (text, grain, modifier, resolved_by)


@pytest.mark.parametrize(
    "sentence",
    ["stalled since 2047, he said", "has raged since 2019", "since next year", "by 2010"],
)
def test_never_an_inverted_interval(sentence: str) -> None:
    for t in times(sentence):
        assert t.first is None or t.last is None or t.first <= t.last
    if "since" in sentence:
        (t,) = times(sentence)
        assert t.modifier == "since" and t.last is None


def test_resolved_by_follows_the_anchor_source() -> None:
    s = "They met on Tuesday."
    for source in ("header", "metadata", "inferred"):
        (t,) = timex.find_times(s, 0, len(s), DEC19, source)
        assert t.resolved_by == source


# --------------------------------------------------------------------------- tense

# (id, sentence, anchor, expression, first): the year (or week) the tense selects
TENSE = [
    (
        "past-was-held",
        "The congress was held in late January.",
        DEC19,
        "late January",
        D(2018, 1, 21),
    ),
    (
        "past-in-january-article",
        "The congress was held in late January.",
        D(2018, 1, 10),
        "late January",
        D(2017, 1, 21),
    ),
    (
        "future-will",
        "The congress will be held in late January.",
        DEC19,
        "late January",
        D(2019, 1, 21),
    ),
    ("expected", "The congress is expected in February.", DEC19, "February", D(2019, 2, 1)),
    (
        "was-expected-this-month",
        "It was expected to take place in mid-November.",
        NOV14,
        "mid-November",
        D(2017, 11, 11),
    ),
    ("set-to", "talks set to begin on November 28", NOV14, "November 28", D(2017, 11, 28)),
    ("due-to-verb", "The vote is due to take place on March 3.", DEC19, "March 3", D(2019, 3, 3)),
    (
        "due-to-noun-is-not-future",
        "It was delayed due to the fighting on March 3.",
        DEC19,
        "March 3",
        D(2018, 3, 3),
    ),
    ("postponed-to", "The talks were postponed to April.", DEC19, "April", D(2019, 4, 1)),
    ("passive-future", "It will be held in October.", DEC19, "October", D(2019, 10, 1)),
    (
        "postponed-past",
        "Exams were postponed and Friday prayers cancelled.",
        DEC19,
        "Friday",
        D(2018, 12, 14),
    ),
    ("cue-after", "In October, the leaders held a summit.", DEC19, "October", D(2018, 10, 1)),
    (
        "nearest-cue-wins",
        "He said the meeting will take place in October.",
        DEC19,
        "October",
        D(2019, 10, 1),
    ),
    (
        "phrase-cue-not-split",
        "the congress expected to be held in Sochi in December",
        NOV14,
        "December",
        D(2017, 12, 1),
    ),
    (
        "irregular-past",
        "France sought a resolution on Tuesday saying it would push",
        DEC19,
        "Tuesday",
        D(2018, 12, 18),
    ),
    (
        "no-cue-nearest",
        "looks at the UN Security Council on December 20.",
        DEC19,
        "December 20",
        D(2018, 12, 20),
    ),
    (
        "hyphen-held-is-no-cue",
        "the rebel-held town will fall in March",
        DEC19,
        "March",
        D(2019, 3, 1),
    ),
]


@pytest.mark.parametrize(
    ("sentence", "anchor", "text", "first"), [t[1:] for t in TENSE], ids=[t[0] for t in TENSE]
)
def test_tense_decides_the_year(sentence: str, anchor: dt.date, text: str, first: dt.date) -> None:
    found = {t.text: t for t in times(sentence, anchor)}
    assert text in found, sorted(found)
    assert found[text].first == first


def test_tense_stays_inside_the_sentence() -> None:
    text = "The talks will resume soon. They met on Monday."
    s = text.index("They")
    (t,) = timex.find_times(text, s, len(text), DEC19, "header")
    assert t.first == D(2018, 12, 17)  # "will" of the previous sentence is not seen
    (t,) = timex.find_times(text, 0, len(text), DEC19, "header")
    assert t.first == D(2018, 12, 17)  # "met" is nearer anyway


# --------------------------------------------------------------------------- negatives

NEGATIVES = [
    ("resolution-number", "UN Security Council resolution 2254 was adopted."),
    ("thousand-people", "more than 1,000 people fled"),
    ("count-2000", "killed 2000 people"),
    ("commas-stripped-count", "in 2000 airstrikes on the city"),
    ("may-modal", "The talks may resume soon, and it may rain."),
    ("march-verb", "Protesters march on the capital; the March on Washington was big."),
    ("june-name", "June Smith said the plan was sound."),
    ("abbrev-alone", "Jan said that Sun readers like Wed papers."),
    ("arab-spring", "The Arab Spring began there."),
    ("fall-of-city", "after the fall of Aleppo"),
    ("bare-year-no-context", "The 2015 elections were free."),
    ("duration-hours", "a ceasefire for 48 hours"),
    ("duration-years", "after a brutal four years of the siege"),
    ("past-in-n-years", "The army took the city in two years."),
    ("month-comma-count", "In December, 30 people died."),
    ("season-word", "a spring of water and a summer house"),
    ("usa-today", "USA Today reported it."),
    ("could-last-a-few-days", "the congress could last a few days"),
    ("score", "won 3-2 on penalties"),
]


@pytest.mark.parametrize("sentence", [n[1] for n in NEGATIVES], ids=[n[0] for n in NEGATIVES])
def test_not_time_expressions(sentence: str) -> None:
    found = [t.text for t in times(sentence)]
    if sentence.startswith("In December, 30"):
        assert found == ["December"]
    else:
        assert found == []


# --------------------------------------------------------------------------- no anchor

NO_ANCHOR = [
    ("month", "was held in late January", "late January", "month", "late"),
    ("weekday", "said in a statement Saturday", "Saturday", "day", ""),
    ("date-no-year", "came into force on February 27", "February 27", "day", ""),
    ("range-no-year", "in Astana on January 23-24", "January 23-24", "day", ""),
    ("relative", "They met last week.", "last week", "week", ""),
    ("today", "He said today.", "today", "day", ""),
    ("coming-days", "in the coming days", "the coming days", "day", ""),
    ("ago", "two weeks ago", "two weeks ago", "week", ""),
]


@pytest.mark.parametrize(
    ("sentence", "text", "grain", "modifier"),
    [n[1:] for n in NO_ANCHOR],
    ids=[n[0] for n in NO_ANCHOR],
)
def test_no_anchor_no_invented_year(sentence: str, text: str, grain: str, modifier: str) -> None:
    t = one(sentence, None)
    assert (t.text, t.first, t.last, t.resolved_by) == (text, None, None, "none")
    assert (t.grain, t.modifier) == (grain, modifier)


def test_no_anchor_absolute_still_resolved() -> None:
    t = one("the ceasefire that came into effect on December 30, 2016", None)
    assert (t.first, t.last, t.resolved_by) == (D(2016, 12, 30), D(2016, 12, 30), "absolute")
    t = one("civil war since 2011", None)
    assert (t.first, t.last, t.modifier) == (D(2011, 1, 1), None, "since")
    t = one("to convene by the end of 2018", None)
    assert (t.first, t.last, t.modifier) == (D(2018, 1, 1), D(2018, 12, 31), "by")


# --------------------------------------------------------------------------- offsets, view


def test_offsets_index_the_original_text() -> None:
    original = "met\u00a0in\u00a0late\u00a0January and by\u00a0the end of\u00a02018"
    view = original.replace("\u00a0", " ")
    found = timex.find_times(view, 0, len(view), DEC19, "header", original=original)
    assert [t.text for t in found] == ["late\u00a0January", "by\u00a0the end of\u00a02018"]
    for t in found:
        assert original[t.start : t.end] == t.text


def test_scan_with_triggers_agrees_with_the_full_grammar() -> None:
    """The trigger-based scan finds what the grammar tried at every position finds."""
    texts = [
        p.read_text(encoding="utf-8").replace("\u00a0", " ") for p in sorted(SEEDS.glob("*.txt"))
    ]
    texts += [sentence for _, sentence, *_ in FORMS]
    for text in texts:
        fast = [(r.start, r.end, r.kind) for r in timex.scan(text)]
        slow = [(r.start, r.end, r.kind) for r in timex.scan_slow(text)]
        assert fast == slow, text[:80]


# --------------------------------------------------------------------------- gold acceptance


def _gold_time_cases() -> list[tuple[str, str, str, list[dict[str, str]]]]:
    path = SHARED / "gold" / "seeds-claims.json"
    if not path.exists():
        return []
    gold = json.loads(path.read_text(encoding="utf-8"))
    return [(c["id"], c["article"], c["text"], c["times"]) for c in gold["claims"] if "times" in c]


GOLD_TIMES = _gold_time_cases()


def _seed_article(article_id: str):  # type: ignore[no-untyped-def]
    (item,) = ingest.read([str(SEEDS / f"{article_id}.txt")], ingest.IngestOptions())
    return clean.clean(item)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("article_id", "text", "gold_times"),
    [c[1:] for c in GOLD_TIMES] or [pytest.param("", "", [], marks=pytest.mark.skip("no gold"))],
    ids=[c[0] for c in GOLD_TIMES] or ["no-gold"],
)
def test_gold_times_on_the_seed_sentence(
    article_id: str, text: str, gold_times: list[dict[str, str]]
) -> None:
    """The gold times, found by the grammar in the seed sentence holding the gold text,
    anchored on the article date the gold gives."""
    path = skip_without_shared("gold", "seeds-claims.json")
    gold = json.loads(path.read_text(encoding="utf-8"))
    published = gold["articles"][article_id]["published"]
    anchor = D.fromisoformat(published) if published else None
    article = _seed_article(article_id)
    at = article.view.index(text)
    sentence = next(s for s in segment.segment(article) if s.start <= at < s.end)
    found = timex.find_times(
        article.view, sentence.start, sentence.end, anchor, "header", original=article.text
    )
    got = {(t.text.replace("\u00a0", " "), str(t.first), str(t.last)) for t in found}
    for g in gold_times:
        assert (g["text"], g["start"], g["end"]) in got


@pytest.mark.parametrize(
    ("article_id", "text", "gold_times"),
    [c[1:] for c in GOLD_TIMES] or [pytest.param("", "", [], marks=pytest.mark.skip("no gold"))],
    ids=[c[0] for c in GOLD_TIMES] or ["no-gold"],
)
def test_gold_times_through_the_pipeline(
    article_id: str, text: str, gold_times: list[dict[str, str]]
) -> None:
    """The same through extract_article: the claim whose sentence holds the gold text
    carries the gold times."""
    skip_without_shared("gold", "seeds-claims.json")
    (item,) = ingest.read([str(SEEDS / f"{article_id}.txt")], ingest.IngestOptions())
    result = pipeline.extract_article(item)  # type: ignore[arg-type]
    view = result.article.view
    claims = [c for c in result.claims if text in view[c.sentence_start : c.sentence_end]]
    if not claims:
        pytest.skip(f"the attribute stage found no claim holding {text!r}")
    got = {(t.text.replace("\u00a0", " "), str(t.first), str(t.last)) for t in claims[0].times}
    for g in gold_times:
        assert (g["text"], g["start"], g["end"]) in got


# --------------------------------------------------------------------------- robustness


TOKENS = [
    *"abcdefgMTJSDNOAWQ0123456789 ,.-\u2013'\n\u00a0",
    "May ",
    "March ",
    "in ",
    "the ",
    "end of ",
    "mid-",
    "2017",
    "Tuesday ",
    "ago ",
    "since ",
    "by ",
    "early ",
    "last ",
    "week",
    "December 30",
    "-24 ",
    "from ",
    " to ",
    "was ",
    "will ",
]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(TOKENS), max_size=80).map("".join),
    st.one_of(st.none(), st.dates(min_value=D(1950, 1, 1), max_value=D(2080, 12, 31))),
)
def test_find_times_never_raises_and_slices(text: str, anchor: dt.date | None) -> None:
    for t in timex.find_times(text, 0, len(text), anchor, "header"):
        assert text[t.start : t.end] == t.text
        assert 0 <= t.start < t.end <= len(text)
        if t.first is not None and t.last is not None:
            assert t.first <= t.last


ADVERSARIAL = [
    ("prefix-words", "in the end of early " * 50_000),
    ("months", "May March June " * 15_000),
    ("years", "2017 " * 50_000),
    ("digits", "1" * 500_000),
    ("days", "day" * 100_000),
    ("ranges", "January 1-2 " * 15_000),
    ("tense-cues", "was will had expected " * 40_000 + "in March"),
]


@pytest.mark.parametrize("text", [a[1] for a in ADVERSARIAL], ids=[a[0] for a in ADVERSARIAL])
def test_linear_on_adversarial_input(text: str) -> None:
    with deadline(20, "find_times on adversarial input"):
        timex.find_times(text, 0, len(text), DEC19, "header")


# The cues of a few windows, each rule of ``_cues`` at work (phrase cues, the passive
# "be held", "'ll", "due to", "-ed" words and the -ed words that are no past): the
# words no rule reads are skipped before the rules (a fast path that must not change
# what the rules find).
CUE_WINDOWS = [
    ("The talks will be held in December.", ["future"]),
    ("They'll meet he\u2019ll go", ["future", "future"]),
    ("It was postponed and delayed again", ["past", "past", "past"]),
    ("The vote is due to start soon, due to rain, Due to Congress", ["future"] * 3),
    ("It is expected to be scheduled", ["future", "future"]),
    ("They agreed, freed and re-elected him", ["past", "past"]),
    ("to be held", ["future"]),
    ("has been rescheduled will", ["past", "future", "future"]),
    ("She said it is going to happen", ["past", "future"]),
    ("the well-fed bed", []),
]


@pytest.mark.parametrize(
    ("window", "cues"), CUE_WINDOWS, ids=[f"window{i}" for i in range(len(CUE_WINDOWS))]
)
def test_tense_cues_of_a_window(window: str, cues: list[str]) -> None:
    assert timex._cues(window, 0, len(window)) == cues


@pytest.mark.parametrize("year", [1, 4, 100, 400, 1900, 2000, 2016, 2017, 2100, 9999])
def test_days_in_month_is_calendar_monthrange(year: int) -> None:
    import calendar

    for month in range(1, 13):
        assert timex._days_in_month(year, month) == calendar.monthrange(year, month)[1]
    for month in (0, 13):
        with pytest.raises(calendar.IllegalMonthError):
            timex._days_in_month(year, month)
