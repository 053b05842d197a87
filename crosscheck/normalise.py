"""Normalise stage: fill each claim's times, quantities, places and events.

``normalise(article, claims)`` returns the claims with

- ``times``: ``TimeSpan`` records (``crosscheck.timex``): inclusive date intervals
  resolved against the article date (``Article.published``; ``resolved_by`` is its
  ``date_source``: header, metadata or inferred) and the tense of the sentence;
  unresolved (first/last None, resolved_by "none") when the article date is unknown
  and the expression carries no year;
- ``quantities``: ``Quantity`` records (``crosscheck.quantities``), numbers inside
  the time expressions excluded;
- ``places``: ``Place`` records (``crosscheck.places``), with the article's speakers
  ruled out as places;
- ``events``: ``EventMention`` records (``crosscheck.events``), extracted once for the
  whole article so that "the Congress" takes the key of the named congress before it.

Each slot holds what lies in the claim's *sentence* (``sentence_start`` to
``sentence_end``), in text order: the judge compares the offsets with the content and
cue offsets to tell the time of the content from the time of the speech act ("...
will take place in December, he said on Tuesday"). Offsets index ``Article.text``;
matching runs on ``Article.view``; every reported string is a slice of ``Article.text``.

Cost: the event pass and the speaker pass run once per article; times, quantities and
places once per distinct sentence. Each is a compiled-regex pass with bounded
inspection around its hits, so the stage is linear in the text length.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left
from collections.abc import Sequence

from crosscheck import events as ev
from crosscheck import places as pl
from crosscheck import quantities as qt
from crosscheck import timex
from crosscheck.records import Article, Claim, EventMention, Place, Quantity, TimeSpan

__all__ = ["SentenceSlots", "normalise", "sentence_slots"]

# Article.date_source -> TimeSpan.resolved_by when the article date is used.
_ANCHOR_SOURCES = {"header": "header", "metadata": "metadata", "inferred": "inferred"}

SentenceSlots = tuple[
    tuple[TimeSpan, ...], tuple[Quantity, ...], tuple[Place, ...], tuple[EventMention, ...]
]


def sentence_slots(
    article: Article,
    start: int,
    end: int,
    events: Sequence[EventMention],
    speakers: frozenset[str],
) -> SentenceSlots:
    """Times, quantities, places and events of ``article.text[start:end]``."""
    view = article.view if len(article.view) == len(article.text) else article.text
    text = article.text
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    anchor = article.published
    source = _ANCHOR_SOURCES.get(article.date_source, "")
    if anchor is not None and not source:
        source = "metadata"  # a date without a known source: it came with the record
    times = timex.find_times(view, start, end, anchor, source, original=text)
    quantities = qt.find_quantities(
        view, start, end, exclude=[(t.start, t.end) for t in times], original=text
    )
    places = pl.find_places(view, start, end, original=text, speakers=speakers)
    starts = [e.start for e in events]
    i = bisect_left(starts, start)
    mine: list[EventMention] = []
    while i < len(events) and events[i].start < end:
        if events[i].end <= end:
            mine.append(events[i])
        i += 1
    return times, quantities, places, tuple(mine)


def normalise(article: Article, claims: Sequence[Claim]) -> tuple[Claim, ...]:
    """The claims with their normalised slots filled (see the module docstring)."""
    if not claims:
        return ()
    view = article.view if len(article.view) == len(article.text) else article.text
    events = ev.find_events(view, original=article.text)
    speakers = pl.article_speakers(view)
    cache: dict[tuple[int, int], SentenceSlots] = {}
    out: list[Claim] = []
    for claim in claims:
        key = (claim.sentence_start, claim.sentence_end)
        slots = cache.get(key)
        if slots is None:
            slots = sentence_slots(article, key[0], key[1], events, speakers)
            cache[key] = slots
        times, quantities, places, mentions = slots
        out.append(
            dataclasses.replace(
                claim, times=times, quantities=quantities, places=places, events=mentions
            )
        )
    return tuple(out)
