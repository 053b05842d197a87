"""Place names: capitalised names in place-like positions, and datelines.

``find_places(text, start, end)`` returns ``Place`` records in text order. A
capitalised name (one or more capitalised words, "Gulf of Aden", "Deir ez-Zor") is a
place when it stands

- after a place preposition (in, at, near, from, outside...; "to" only after a
  motion word: "travelled to Moscow"), an optional "the" between;
- after a place noun and "of": "the Russian resort city of Sochi" -> Sochi,
  "Russia's southern Black Sea resort of Sochi" -> Sochi (the head after "of", not
  the words before it);
- in a list right after such a place ("in Aleppo, Hama and Homs", "Washington, DC");
- as a dateline: an upper-case name opening a line or sentence and followed by
  "(Agency) -" or a dash ("WASHINGTON (Sputnik) -" -> Washington).

It is not a place when it contains an organisation head noun ("at the Department of
State", "the United Nations Offices"), an event head noun, a person title, a month
or weekday; when it is an organisation acronym; when it is used as an adjective
("in the Swiss city", "in Russian resort"); when it is a possessive whose head place
comes later ("in Russia's ... resort of Sochi"); or when the article uses the same
name as a speaker ("Lavrov said"). No gazetteer: an unknown capitalised name in a
place position is taken as a place.

``Place.name`` is canonical: possessive stripped, ALL-CAPS words longer than three
letters title-cased ("WASHINGTON" -> "Washington"; "DC", "US" kept; in an all-caps
name of such words, every word of three letters or more: "SAN FRANCISCO" -> "San
Francisco"), a leading
"the" dropped. Tables: ``rules/places.py``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from crosscheck.records import Place
from crosscheck.rules import events as E
from crosscheck.rules import places as P
from crosscheck.rules import time as T

__all__ = ["CAP_TOKEN", "article_speakers", "find_places", "place_name", "speaker_names"]

# A capitalised word: an acronym with dots ("U.S."), or a capital and word characters,
# apostrophes and inner hyphens ("al-Assad's", "Bab-Al-Salam").
CAP_TOKEN = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w'\u2019]*(?:-[\w'\u2019]+)*)"

_SEQ = re.compile(
    rf"{CAP_TOKEN}(?:[ \t]+(?:(?:of|de|da|al|el|bin|ibn)[ \t]+)?(?:[a-z]{{1,3}}-)?{CAP_TOKEN})*"
)
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[\w'\u2019]+(?:-[\w'\u2019]+)*|[^\w\s]")
_WORD_RE = re.compile(r"[ \t]+([A-Za-z][\w'\u2019-]*)")
_POSSESSIVE = re.compile(r"['\u2019]s$")
_DATELINE_TAIL = re.compile(
    r"[ \t]*(?:,[ \t]*[A-Za-z .]{2,30}?)?[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?[-\u2013\u2014][ \t]"
)
_HEAD_LATER = re.compile(
    r"(?:['\u2019]s)?(?:[ \t]+[\w'\u2019-]+){0,6}?[ \t]+(?:"
    + "|".join(sorted(P.PLACE_NOUNS, key=len, reverse=True))
    + r")[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z]"
)
_NOT_NAMES = (
    frozenset(T.MONTHS)
    | frozenset(T.WEEKDAYS)
    | frozenset(w for w in T.MONTH_ABBREVIATIONS)
    | frozenset({"today", "yesterday", "tomorrow"})
)
_EVENT_HEADS = frozenset(E.EVENT_HEADS)


def place_name(text: str) -> str:
    """The canonical name of a place mention (see the module docstring)."""
    words = _POSSESSIVE.sub("", text.strip()).split()
    if words and words[0].lower() == "the":
        words = words[1:]
    shouting = all(w.isupper() for w in words) and any(len(w) > 3 for w in words)
    out = []
    for w in words:
        long_caps = w.isupper() and len(w) > 3
        if (long_caps or (shouting and len(w) > 2)) and "." not in w:
            w = "-".join(p.capitalize() for p in w.split("-"))
        out.append(w)
    return " ".join(out)


def _words(seq: str) -> list[str]:
    return [_POSSESSIVE.sub("", w).lower() for w in seq.split()]


def speaker_names(text: str, seqs: Sequence[re.Match[str]]) -> frozenset[str]:
    """Capitalised names the article uses as speakers ("Lavrov said", "Foreign Minister
    Sergei Lavrov"): the full name and its last word."""
    out: set[str] = set()
    for m in seqs:
        words = m.group().split()
        nxt = _WORD_RE.match(text, m.end())
        titled = [i for i, w in enumerate(words) if w.lower().rstrip(".") in P.PERSON_TITLES]
        if titled:
            rest = words[titled[-1] + 1 :]
            if rest:
                out.add(" ".join(rest))
                out.add(_POSSESSIVE.sub("", rest[-1]))
        elif nxt and nxt.group(1) in P.SPEAKER_VERBS:
            out.add(m.group())
            out.add(_POSSESSIVE.sub("", words[-1]))
    return frozenset(out)


def _prev_tokens(text: str, s: int, floor: int) -> list[str]:
    return _TOKEN.findall(text, max(floor, s - 48), s)[-4:]


def article_speakers(text: str) -> frozenset[str]:
    """The speaker names of a whole article (``speaker_names`` over all its text)."""
    return speaker_names(text, list(_SEQ.finditer(text)))


def find_places(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    original: str | None = None,
    speakers: frozenset[str] | None = None,
) -> tuple[Place, ...]:
    """The places of ``text[start:end]`` (pass ``Article.view``), in text order.

    ``speakers``: names never taken as places (default: the speakers found in the
    span itself; pass ``article_speakers(view)`` to use the whole article).
    """
    stop = len(text) if end is None else end
    src = original if original is not None else text
    seqs = list(_SEQ.finditer(text, start, stop))
    if speakers is None:
        speakers = speaker_names(text, seqs)
    out: list[Place] = []
    last_place_end = -10
    for m in seqs:
        place = _place(text, m, start, stop, speakers, last_place_end)
        if place is None:
            continue
        s, e = place
        out.append(Place(src[s:e], s, e, place_name(text[s:e])))
        last_place_end = e
    return tuple(out)


def _place(
    text: str,
    m: re.Match[str],
    floor: int,
    stop: int,
    speakers: frozenset[str],
    last_place_end: int,
) -> tuple[int, int] | None:
    s, e = m.start(), m.end()
    seq = m.group()
    words = seq.split()
    lead_prep = ""
    # a capitalised function word opening the sequence ("In Geneva", "The ...")
    while words and words[0].lower() in P.NOT_PLACE_START:
        if words[0].lower() in P.PLACE_PREPOSITIONS:
            lead_prep = words[0].lower()
        s = text.index(words[0], s) + len(words[0])
        while s < e and text[s] in " \t":
            s += 1
        words = words[1:]
    if not words:
        return None
    # a month or weekday ends the name ("in Aleppo, Syria January 30, 2017")
    for k, w in enumerate(words):
        if k and _POSSESSIVE.sub("", w).lower() in _NOT_NAMES:
            words = words[:k]
            e = text.index(w, s) - 1
            while e > s and text[e - 1] in " \t":
                e -= 1
            break
    # a trailing possessive, and what follows the name
    name_end = e
    possessive = bool(_POSSESSIVE.search(words[-1]))
    if possessive:
        name_end = e - 2
    lowered = _words(" ".join(words))
    nxt = _WORD_RE.match(text, e, stop)
    next_word = nxt.group(1) if nxt else ""
    prev = _prev_tokens(text, s, floor) if not lead_prep else []
    prev_low = [p.lower() for p in prev]
    had_the = bool(prev_low) and prev_low[-1] == "the"
    if had_the:
        prev_low = prev_low[:-1]

    kind = ""
    if lead_prep:
        kind = "prep"
    elif len(prev_low) >= 2 and prev_low[-1] == "of" and prev_low[-2] in P.PLACE_NOUNS:
        kind = "noun_of"
    elif (prev_low and prev_low[-1] in P.PLACE_PREPOSITIONS) or (
        len(prev_low) >= 2 and prev_low[-1] == "to" and prev_low[-2] in P.MOTION_WORDS
    ):
        kind = "prep"
    elif (
        prev_low
        and prev_low[-1] in (",", "and")
        and not had_the
        and last_place_end >= 0
        and text[last_place_end:s].strip(" \t,") in ("", "and")
    ):
        kind = "list"
    elif _is_dateline(text, s, e, words):
        kind = "dateline"
    if not kind:
        return None

    # ---- what a place name cannot be
    if kind != "dateline" and any(w in P.ORGANISATION_HEADS or w in _EVENT_HEADS for w in lowered):
        return None
    if any(w.rstrip(".") in P.PERSON_TITLES for w in lowered):
        return None
    if lowered[0] in _NOT_NAMES or words[0] in P.ORGANISATION_ACRONYMS:
        return None
    adjective = had_the or (len(words) == 1 and lowered[0].endswith(P.ADJECTIVE_ENDINGS))
    if kind in ("prep", "list") and next_word.isalpha() and next_word.islower() and adjective:
        return None  # "in the Swiss city", "in Russian resort"
    if possessive and _HEAD_LATER.match(text, name_end, min(stop, e + 100)):
        return None  # "in Russia's southern Black Sea resort of Sochi": Sochi is the place
    name = " ".join(words)
    bare = _POSSESSIVE.sub("", name)
    if bare in speakers or (len(words) == 1 and bare in speakers):
        return None
    return s, name_end


def _is_dateline(text: str, s: int, e: int, words: Sequence[str]) -> bool:
    if not all(w.isupper() for w in words) or sum(len(w) for w in words) < 3:
        return False
    before = text[max(0, s - 3) : s]
    opens = s == 0 or "\n" in before or before.rstrip(" \t")[-1:] in (".", "!", "?", "")
    return opens and _DATELINE_TAIL.match(text, e) is not None
