"""Normalise stage: fill each claim's times, quantities, places and events.

``normalise(article, claims)`` returns the claims with

- ``times``: ``TimeSpan`` records (``crosscheck.timex``): inclusive date intervals
  resolved against the article date (``Article.published``; ``resolved_by`` is its
  ``date_source``: header, metadata or inferred) and the tense of the sentence;
  unresolved (first/last None, resolved_by "none") when the article date is unknown
  and the expression carries no year;
- ``quantities``: ``Quantity`` records (``crosscheck.quantities``), numbers inside
  the time expressions excluded;
- ``places``: ``Place`` records (``crosscheck.places``), with the names the article
  uses as speakers ruled out as places;
- ``events``: ``EventMention`` records (``crosscheck.events``), extracted once for the
  whole article so that "the Congress" takes the key of the named congress before it.

Each slot holds what lies in the claim's *sentence* (``sentence_start`` to
``sentence_end``), in text order: the judge compares the offsets with the content and
cue offsets to tell the time of the content from the time of the speech act ("...
will take place in December, he said on Tuesday"). Offsets index ``Article.text``;
matching runs on ``Article.view``; every reported string is a slice of ``Article.text``.

Cost: each extractor runs once over the whole article (a compiled-regex pass with
bounded inspection around its hits, linear in the text length); each distinct
sentence then takes the expressions inside it by bisection, and its times are
resolved with the tense of that sentence. An expression straddling a sentence end
belongs to no sentence.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import Protocol, TypeVar

from crosscheck import events as ev
from crosscheck import places as pl
from crosscheck import quantities as qt
from crosscheck import timex
from crosscheck.records import Article, Claim


class _Span(Protocol):
    @property
    def end(self) -> int: ...


_T = TypeVar("_T", bound=_Span)

__all__ = ["normalise"]

# Article.date_source -> TimeSpan.resolved_by when the article date is used.
_ANCHOR_SOURCES = {"header": "header", "metadata": "metadata", "inferred": "inferred"}


def _within(items: Sequence[_T], starts: Sequence[int], start: int, end: int) -> tuple[_T, ...]:
    """The items (sorted by start, with ``.end``) lying inside ``[start, end)``."""
    out: list[_T] = []
    i = bisect_left(starts, start)
    while i < len(items) and starts[i] < end:
        if items[i].end <= end:
            out.append(items[i])
        i += 1
    return tuple(out)


def _with_slots(claim: Claim, slots: dict[str, tuple[object, ...]]) -> Claim:
    """``dataclasses.replace(claim, **slots)`` without its per-call introspection (it is
    the costliest line of the stage otherwise): Claim is a plain frozen dataclass with
    no ``__post_init__``, so copying its ``__dict__`` builds the same record."""
    new = object.__new__(Claim)
    new.__dict__.update(claim.__dict__)
    new.__dict__.update(slots)
    return new


def normalise(article: Article, claims: Sequence[Claim]) -> tuple[Claim, ...]:
    """The claims with their normalised slots filled (see the module docstring)."""
    if not claims:
        return ()
    text = article.text
    view = article.view if len(article.view) == len(text) else text
    anchor = article.published
    source = _ANCHOR_SOURCES.get(article.date_source, "")
    if anchor is not None and not source:
        source = "metadata"  # a date without a known source: it came with the record
    # one pass of each extractor over the whole article ...
    raws = timex.scan(view)
    raw_starts = [r.start for r in raws]
    quantities = qt.find_quantities(view, exclude=[(r.start, r.end) for r in raws], original=text)
    q_starts = [q.start for q in quantities]
    places = pl.find_places(view, original=text)
    p_starts = [p.start for p in places]
    events = ev.find_events(view, original=text)
    e_starts = [e.start for e in events]
    # ... then each distinct sentence takes what lies inside it
    cache: dict[tuple[int, int], dict[str, tuple[object, ...]]] = {}
    out: list[Claim] = []
    for claim in claims:
        key = (claim.sentence_start, claim.sentence_end)
        slots = cache.get(key)
        if slots is None:
            s = max(0, min(key[0], len(text)))
            e = max(s, min(key[1], len(text)))
            slots = {
                "times": timex.resolve_span(raws, raw_starts, view, s, e, anchor, source, text),
                "quantities": _within(quantities, q_starts, s, e),
                "places": _within(places, p_starts, s, e),
                "events": _within(events, e_starts, s, e),
            }
            cache[key] = slots
        out.append(_with_slots(claim, slots))
    return tuple(out)
