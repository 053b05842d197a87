"""The normalise stage: slots filled from each claim's sentence, offsets into Article.text."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from conftest import SEEDS

from crosscheck import clean, ingest, normalise, pipeline
from crosscheck.records import Article, Claim


def _claim(article: Article, sentence: str, ident: str = "c1") -> Claim:
    s = article.text.index(sentence)
    e = s + len(sentence)
    return Claim(
        claim_id=ident,
        article_id=article.id,
        kind="narration",
        content_start=s,
        content_end=e,
        sentence_start=s,
        sentence_end=e,
        content=article.text[s:e],
        sentence=article.text[s:e],
    )


def _article(text: str, published: dt.date | None, source: str = "header") -> Article:
    a = Article(id="a1", text=text, published=published, date_source=source)  # type: ignore[arg-type]
    return clean.clean(a)


TEXT = (
    "Syrian National Dialogue Congress Delayed\n\n"
    "The Syrian National\u00a0Dialogue Congress was expected to take place in the Russian "
    "resort city of Sochi in mid-November, a source told reporters on Tuesday. "
    "Lavrov said the Congress will bring together about 1,500 delegates in December."
)


def test_slots_come_from_the_claim_sentence() -> None:
    article = _article(TEXT, dt.date(2017, 11, 14))
    first = "The Syrian National\u00a0Dialogue Congress was expected"
    s1 = article.text.index(first)
    e1 = article.text.index("Tuesday.") + len("Tuesday.")
    s2 = article.text.index("Lavrov said")
    c1 = dataclasses.replace(_claim(article, article.text[s1:e1]), claim_id="c1")
    c2 = _claim(article, article.text[s2:], "c2")
    out = normalise.normalise(article, [c1, c2])
    assert [c.claim_id for c in out] == ["c1", "c2"]
    a, b = out
    assert [(t.text, t.first, t.last) for t in a.times] == [
        ("mid-November", dt.date(2017, 11, 11), dt.date(2017, 11, 20)),
        ("Tuesday", dt.date(2017, 11, 14), dt.date(2017, 11, 14)),
    ]
    assert [p.name for p in a.places] == ["Sochi"]
    assert [(e.text, e.named) for e in a.events] == [
        ("Syrian National\u00a0Dialogue Congress", True)
    ]
    assert a.quantities == ()
    assert [(t.text, t.first) for t in b.times] == [("December", dt.date(2017, 12, 1))]
    assert [(q.value, q.unit, q.hedge) for q in b.quantities] == [(1500.0, "delegate", "about")]
    # "the Congress" refers back to the named congress of the first sentence
    assert [(e.text, e.key, e.named) for e in b.events] == [
        ("Congress", "congress dialogue national syrian", False)
    ]
    for claim in out:
        for slot in (*claim.times, *claim.quantities, *claim.places, *claim.events):
            assert article.text[slot.start : slot.end] == slot.text
            assert claim.sentence_start <= slot.start < slot.end <= claim.sentence_end


@pytest.mark.parametrize(
    ("source", "expected"),
    [("header", "header"), ("metadata", "metadata"), ("inferred", "inferred")],
)
def test_resolved_by_is_the_date_source(source: str, expected: str) -> None:
    article = _article("They met on Tuesday.", dt.date(2017, 11, 14), source)
    (c,) = normalise.normalise(article, [_claim(article, "They met on Tuesday.")])
    (t,) = c.times
    assert (t.first, t.resolved_by) == (dt.date(2017, 11, 14), expected)


def test_unknown_date_leaves_relative_times_unresolved() -> None:
    article = _article("They met on Tuesday in late January 2017.", None, "unknown")
    sentence = "They met on Tuesday in late January 2017."
    (c,) = normalise.normalise(article, [_claim(article, sentence)])
    assert [(t.text, t.first, t.resolved_by) for t in c.times] == [
        ("Tuesday", None, "none"),
        ("late January 2017", dt.date(2017, 1, 21), "absolute"),
    ]


def test_no_claims_no_work() -> None:
    assert normalise.normalise(_article(TEXT, None), []) == ()


def test_claims_sharing_a_sentence_share_slots() -> None:
    article = _article("Kerry said the talks in Geneva will resume on Monday.", dt.date(2016, 9, 9))
    c1 = _claim(article, "Kerry said the talks in Geneva will resume on Monday.", "c1")
    c2 = dataclasses.replace(c1, claim_id="c2", content_start=c1.content_start + 11)
    a, b = normalise.normalise(article, [c1, c2])
    assert a.times == b.times and a.places == b.places and a.events == b.events
    assert [t.first for t in a.times] == [dt.date(2016, 9, 12)]


def test_out_of_range_sentence_offsets_do_not_crash() -> None:
    article = _article("short text", dt.date(2017, 1, 1))
    c = dataclasses.replace(_claim(article, "short text"), sentence_start=5, sentence_end=10_000)
    (out,) = normalise.normalise(article, [c])
    assert out.times == () and out.places == ()


def test_seed_claims_slots_slice_the_text() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        (item,) = ingest.read([str(path)], ingest.IngestOptions())
        result = pipeline.extract_article(item)  # type: ignore[arg-type]
        text = result.article.text
        for claim in result.claims:
            starts = [t.start for t in claim.times]
            assert starts == sorted(starts)
            for slot in (*claim.times, *claim.quantities, *claim.places, *claim.events):
                assert text[slot.start : slot.end] == slot.text
                assert claim.sentence_start <= slot.start < slot.end <= claim.sentence_end


def test_seed_sochi_congress_times() -> None:
    """The four timings of the congress in seeds 000 and 001 (the canonical dispute)."""
    wanted = {
        ("000_c210cf22f67a8342", "late January"): ("2018-01-21", "2018-01-31"),
        ("001_bd1163be5567cad4", "mid-November"): ("2017-11-11", "2017-11-20"),
        ("001_bd1163be5567cad4", "December"): ("2017-12-01", "2017-12-31"),
    }
    found: set[tuple[str, str, str, str]] = set()
    for name in ("000_c210cf22f67a8342", "001_bd1163be5567cad4"):
        (item,) = ingest.read([str(SEEDS / f"{name}.txt")], ingest.IngestOptions())
        result = pipeline.extract_article(item)  # type: ignore[arg-type]
        for claim in result.claims:
            if any(e.key == "congress dialogue national syrian" for e in claim.events):
                for t in claim.times:
                    found.add((name, t.text, str(t.first), str(t.last)))
    for (name, text), (first, last) in wanted.items():
        assert (name, text, first, last) in found


# ---- the shared word pass gives each extractor what its own search finds

WORD_PASS_TEXTS = [
    "In Geneva, Aleppo and Homs at The Hague into Syria",
    "that In Geneva; intox Moscow; _in Paris; x_ten 5 people",
    "seven talks, Seven Talks, often tens of thousands, 2017 MH17 1.5 km",
    "the cease-fire and the CEASE-FIRE; Cease-fire talks on Monday, MONDAY",
    "\u00e9ten \u00e9talks \u00e9In Geneva, \u0663\u0664 five-year plan",
    "Today in\tBerlin, the summit; Summitry; December 30, 2016 in Tartus",
    "",
    "talks",
    "In",
    "in  \t Geneva, at\tParis; to \tMoscow, of  x; from \n Rome; near  ",
    "and Homs at",
]


@pytest.mark.parametrize(
    "text", WORD_PASS_TEXTS, ids=[f"text{i}" for i in range(len(WORD_PASS_TEXTS))]
)
def test_word_pass_matches_each_extractor(text: str) -> None:
    from crosscheck import events, places, quantities, timex

    found = normalise._words(text)
    glued = quantities._glued
    own_numbers = sorted(
        {m.start() for m in quantities._DIGITS.finditer(text)}
        | {m.start() for m in quantities._WORD_TRIGGER.finditer(text)}
    )
    assert [p for p in found.numbers if not glued(text, p)] == [
        p for p in own_numbers if not glued(text, p)
    ]
    assert found.heads == [m.span() for m in events._LOWER_HEAD.finditer(text)]
    assert places.candidates_from_words(text, found.cues) == places._candidates(text, 0, len(text))
    assert timex._triggers(text, 0, len(text), found.time_capitals) == timex._triggers(
        text, 0, len(text)
    )
    own_heads = [m.start() for m in events._CAP_HEAD.finditer(text)]
    assert [h for h in found.capital_heads if not (h and text[h - 1].isalnum())] == [
        h for h in own_heads if not (h and text[h - 1].isalnum())
    ]
    # and the whole stage gives what the extractors give on their own
    article = _article(text, dt.date(2017, 11, 1))
    claim = Claim(
        claim_id="c",
        article_id=article.id,
        kind="narration",
        content_start=0,
        content_end=len(text),
        sentence_start=0,
        sentence_end=len(text),
    )
    (got,) = normalise.normalise(article, [claim])
    view = article.view
    assert got.places == places.find_places(view, original=article.text)
    assert got.events == events.find_events(view, original=article.text)
    raws = timex.scan(view)
    assert got.quantities == quantities.find_quantities(
        view, exclude=[(r.start, r.end) for r in raws], original=article.text
    )


def test_word_pass_lists_share_no_word() -> None:
    lists = [
        normalise._TRIGGERS,
        normalise._HEADS,
        normalise._CUES,
        normalise._TIME_CAPITALS,
        normalise._CAPITAL_HEADS,
    ]
    for i, a in enumerate(lists):
        assert all(w.replace("-", "").isalpha() and w.isascii() for w in a)
        for b in lists[i + 1 :]:
            assert not a & b


def test_claim_with_nothing_to_fill_comes_back_as_is() -> None:
    from crosscheck.records import TimeSpan

    text = "He said it was good. In Geneva on Monday, 40 people met for talks."
    article = _article(text, dt.date(2017, 11, 14))
    plain = _claim(article, "He said it was good.")
    filled = _claim(article, "In Geneva on Monday, 40 people met for talks.")
    stale = dataclasses.replace(plain, times=(TimeSpan("x", 0, 1, None, None),))
    got_plain, got_filled, got_stale = normalise.normalise(article, [plain, filled, stale])
    assert got_plain is plain  # no slot to fill: the very record
    assert got_filled.times and got_filled.quantities and got_filled.places
    assert got_filled.events
    assert got_filled == dataclasses.replace(
        filled,
        times=got_filled.times,
        quantities=got_filled.quantities,
        places=got_filled.places,
        events=got_filled.events,
    )
    # a claim with slots filled already gets what its sentence holds: nothing
    assert got_stale is not stale
    assert got_stale == dataclasses.replace(stale, times=())


def test_normalised_slots_end_the_claim_record() -> None:
    # normalise builds a claim with its slots as Claim(*other fields, *slots)
    names = [f.name for f in dataclasses.fields(Claim)]
    assert names[-4:] == list(normalise._SLOTS) == ["times", "quantities", "places", "events"]
