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

Cost: each extractor runs once over the whole article (compiled-regex passes with
bounded inspection around their hits, linear in the text length); the words several
of them look for at the start of a word (number words, event heads, capitalised time
words, the prepositions before a place) and the numbers are found in one shared pass
(``_words``), each pass costing a regex entry at every blank. Each distinct sentence
then takes the expressions inside it by bisection, and its times are resolved with
the tense of that sentence. An expression straddling a sentence end belongs to no
sentence.
"""

from __future__ import annotations

import dataclasses
import operator
import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import NamedTuple, Protocol, TypeVar

from crosscheck import events as ev
from crosscheck import places as pl
from crosscheck import quantities as qt
from crosscheck import records, timex
from crosscheck.patterns import trie_with_tails
from crosscheck.records import Article, Claim


class _Span(Protocol):
    @property
    def end(self) -> int: ...


_T = TypeVar("_T", bound=_Span)

__all__ = ["normalise"]

# Article.date_source -> TimeSpan.resolved_by when the article date is used.
_ANCHOR_SOURCES = {"header": "header", "metadata": "metadata", "inferred": "inferred"}

# The words the extractors look for at the start of a word, found in one pass for all
# (each pass costs a test at every blank): the number words of quantities, the event
# heads of events (lower case and capitalised), the capitalised words of times, the
# words a place name follows in places. All are ASCII letters (one hyphen in
# "cease-fire"), so at most one of them is a whole word at any position, and each
# extractor's own search finds the same ones where they start a word.
_TRIGGERS = frozenset(qt.TRIGGER_WORDS)
_HEADS = frozenset(ev.LOWER_HEADS)
_CUES = frozenset(pl.PLACE_CUE_WORDS)
_TIME_CAPITALS = frozenset(timex.CAPITAL_TRIGGERS)
_CAPITAL_HEADS = frozenset(ev.CAPITAL_HEADS)


# A word counts where a word boundary follows it; a place cue only before blanks and a
# capital (looked ahead: never consumed). Numbers (runs of digits) are found in the
# same pass: quantities reads only those that follow no alphanumeric character (the
# others are glued: "MH17").
_TAILS = dict.fromkeys(_TRIGGERS | _HEADS | _TIME_CAPITALS | _CAPITAL_HEADS, r"\b")
_TAILS.update(dict.fromkeys(_CUES, r"(?=[ \t]+[A-Z])"))
_WORDS = trie_with_tails(_TAILS) + r"|\d+"
_WORD_AT = re.compile(_WORDS)
_WORD_AFTER = re.compile(r"[^a-zA-Z0-9](?:" + _WORDS + ")")


class _Words(NamedTuple):
    numbers: list[int]  # digit runs and number words (quantities)
    heads: list[tuple[int, int]]  # lower-case event heads (events)
    capital_heads: list[int]  # capitalised event heads (events)
    time_capitals: list[int]  # capitalised time words (timex)
    cues: list[tuple[int, int]]  # words before a place name (places)


def _words(view: str) -> _Words:
    """The numbers and words of ``_WORDS`` that start a word of ``view`` (after no
    alphanumeric character), in text order: what each extractor's own search finds
    there (number words and lower-case heads not after "_" either: no word start for
    their searches; a number after "_" is glued, skipped by quantities)."""
    found = _Words([], [], [], [], [])
    hits: list[tuple[str, int, int]] = []
    m = _WORD_AT.match(view)
    if m is not None:
        hits.append(("", 0, m.end()))
    for n in _WORD_AFTER.finditer(view):
        before = view[n.start()]
        if not before.isalnum():
            hits.append((before, n.start() + 1, n.end()))
    for before, s, e in hits:
        word = view[s:e]
        if word[0].isdigit():
            found.numbers.append(s)
            continue
        if word in _TIME_CAPITALS:
            found.time_capitals.append(s)
        if word in _CAPITAL_HEADS:
            found.capital_heads.append(s)
        if word in _CUES:
            found.cues.append((s, e))
        if before != "_":
            if word in _TRIGGERS:
                found.numbers.append(s)
            if word in _HEADS:
                found.heads.append((s, e))
    return found


def _within(items: Sequence[_T], starts: Sequence[int], start: int, end: int) -> tuple[_T, ...]:
    """The items (sorted by start, with ``.end``) lying inside ``[start, end)``."""
    i = bisect_left(starts, start)
    n = len(items)
    if i == n or starts[i] >= end:
        return ()  # the common case: none starts inside (no list built)
    out: list[_T] = []
    while i < n and starts[i] < end:
        if items[i].end <= end:
            out.append(items[i])
        i += 1
    return tuple(out)


# The slots normalise fills are the last four fields of Claim, in this order: a claim
# with its slots is ``Claim(*_HEAD_VALUES(claim), times, quantities, places, events)``.
_SLOTS = ("times", "quantities", "places", "events")
_CLAIM_FIELDS = tuple(f.name for f in dataclasses.fields(Claim))
assert _CLAIM_FIELDS[-len(_SLOTS) :] == _SLOTS, "the normalised slots must end Claim"
_HEAD_VALUES = operator.attrgetter(*_CLAIM_FIELDS[: -len(_SLOTS)])
_new_claim = records.builder(Claim, _CLAIM_FIELDS)  # Claim(*values), faster
_SLOT_VALUES = operator.attrgetter(*_SLOTS)
_NO_SLOT: tuple[object, ...] = ()
_NO_SLOTS = (_NO_SLOT,) * len(_SLOTS)


def _unfilled(claim: Claim) -> bool:
    """The claim's slots hold the very empty tuple normalise would put there (an
    identity test, so a look-alike never passes): replacing them would build an equal
    record, field for field."""
    times, quantities, places, events = _SLOT_VALUES(claim)
    return (
        times is _NO_SLOT and quantities is _NO_SLOT and places is _NO_SLOT and events is _NO_SLOT
    )


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
    words = _words(view)
    raws = timex.scan(view, capitals=words.time_capitals)
    raw_starts = [r.start for r in raws]
    quantities = qt.find_quantities(
        view, exclude=[(r.start, r.end) for r in raws], original=text, candidates=words.numbers
    )
    q_starts = [q.start for q in quantities]
    places = pl.find_places(
        view, original=text, candidates=pl.candidates_from_words(view, words.cues)
    )
    p_starts = [p.start for p in places]
    events = ev.find_events(
        view, original=text, lower_heads=words.heads, capital_heads=words.capital_heads
    )
    e_starts = [e.start for e in events]
    # ... then each distinct sentence takes what lies inside it
    cache: dict[tuple[int, int], tuple[tuple[object, ...], ...]] = {}
    out: list[Claim] = []
    n = len(text)
    for claim in claims:
        key = (claim.sentence_start, claim.sentence_end)
        slots = cache.get(key)
        if slots is None:
            s = max(0, min(key[0], n))
            e = max(s, min(key[1], n))
            slots = (  # (an empty list gives an empty slot: no call)
                timex.resolve_span(raws, raw_starts, view, s, e, anchor, source, text)
                if raws
                else (),
                _within(quantities, q_starts, s, e) if quantities else (),
                _within(places, p_starts, s, e) if places else (),
                _within(events, e_starts, s, e) if events else (),
            )
            cache[key] = slots
        if slots == _NO_SLOTS and type(claim) is Claim and _unfilled(claim):
            out.append(claim)  # nothing to fill (two claims in five): the record as is
            continue
        # every field, the slots replaced: what dataclasses.replace builds, without
        # its per-call introspection and the frozen constructor's setattr calls
        out.append(_new_claim((*_HEAD_VALUES(claim), *slots)))
    return tuple(out)
