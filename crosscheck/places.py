"""Place names: capitalised names in place-like positions, and datelines.

``find_places(text, start, end)`` returns ``Place`` records in text order. A
capitalised name (one or more capitalised words, "Gulf of Aden", "Deir ez-Zor") is a
place when it stands

- after a place preposition (in, at, near, from, outside...; "to" only after a
  motion word: "travelled to Moscow"), an optional "the" between;
- after a place noun and "of": "the Russian resort city of Varna" -> Varna,
  "Russia's southern Black Sea resort of Varna" -> Varna (the head after "of", not
  the words before it);
- in a list right after such a place ("in Aleppo, Hama and Homs", "Washington, DC");
- as a dateline: an upper-case name opening a line or sentence and followed by
  "(Agency) -" or a dash ("WASHINGTON (Sputnik) -" -> Washington).

It is not a place when it contains an organisation head noun ("at the Department of
State", "the United Nations Offices"), an event head noun, a person title, a month
or weekday; when it is an organisation acronym; when it is used as an adjective
("in the Swiss city", "in Russian resort"); when it is a possessive whose head place
comes later ("in Russia's ... resort of Varna"); or when the article uses the same
name as a speaker ("Petrov said"). No gazetteer: an unknown capitalised name in a
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

from crosscheck.patterns import trie
from crosscheck.records import Place
from crosscheck.rules import events as E
from crosscheck.rules import places as P
from crosscheck.rules import time as T

__all__ = [
    "CAP_TOKEN",
    "PLACE_CUE_WORDS",
    "SpeakerCheck",
    "article_speakers",
    "candidates_from_words",
    "find_places",
    "place_name",
    "speaker_names",
]

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
    + "|".join(sorted(P.PLACE_NOUNS, key=lambda w: (-len(w), w)))
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


def _bare(word: str) -> str:
    """``_POSSESSIVE.sub("", word)`` for a word without line breaks (no regex call)."""
    return word[:-2] if word.endswith(("'s", "\u2019s")) else word


_TITLE_IN = re.compile(
    r"(?:"
    + "|".join(sorted({t.capitalize() for t in P.PERSON_TITLES}, key=lambda w: (-len(w), w)))
    + r")\b\.?"
)
_SPEECH = re.compile(r"[ \t](?:" + "|".join(sorted(P.SPEAKER_VERBS)) + r")\b")
_SEQ_BEFORE = re.compile(rf"{CAP_TOKEN}(?:[ \t]+{CAP_TOKEN}){{0,5}}$")
_AFTER_TITLE = re.compile(rf"(?:[ \t]+(?:{CAP_TOKEN}))+")

# Where a place name may start: right after a place preposition, "of", "the", "to",
# "and" or a comma (lower case or capitalised, "In Geneva"), before a capital. Found
# by one regular expression (a trie: Python's engine is slow on flat alternations);
# only the capitalised names there are analysed.
_PREPS = sorted(P.PLACE_PREPOSITIONS | {"of", "the", "to", "and"})
# The words a place name may follow, as written (lower case and Capitalised).
PLACE_CUE_WORDS: tuple[str, ...] = tuple(sorted({*_PREPS, *(w.capitalize() for w in _PREPS)}))
_CANDIDATE = re.compile(
    r"(?:" + trie([*_PREPS, *(w.capitalize() for w in _PREPS), ","]) + r")[ \t]+(?=[A-Z])"
)
# The same candidates found faster: a word only where it starts after a character that
# is not an ASCII letter or digit (a test on a cheap character class, where
# ``_CANDIDATE`` tests every letter), the commas apart. See ``_candidates`` for why
# this finds every candidate ``_CANDIDATE`` finds that is not glued to the end of a
# longer word.
_PREP_WORD = trie(PLACE_CUE_WORDS)
_CAPITAL_PREP_FIRST = frozenset(w[0].upper() for w in _PREPS)
_CANDIDATE_FAST = re.compile(r"[^a-zA-Z0-9](?P<w>" + _PREP_WORD + r")[ \t]+(?=[A-Z])")
_COMMA_CANDIDATE = re.compile(r",[ \t]+(?=[A-Z])")
# An upper-case name followed by the tail of a dateline ("WASHINGTON (Sputnik) -").
# (The look-behind comes after the first capital, where it tests the same character as
# a leading ``(?<![A-Z'.\-])`` would, so that only capitals are tried.)
_DATELINE = re.compile(
    r"[A-Z](?<![A-Z'.\-][A-Z])[A-Z'.\-]{1,30}(?:[ \t][A-Z][A-Z'.\-]{1,30}){0,3}(?="
    + _DATELINE_TAIL.pattern
    + ")"
)


def speaker_names(text: str, start: int = 0, end: int | None = None) -> frozenset[str]:
    """Capitalised names a text uses as speakers: a name right before a speech verb
    ("Petrov said") and a name after a person title ("Foreign Minister Sergei
    Petrov"): the full name and its last word."""
    stop = len(text) if end is None else end
    out: set[str] = set()
    for v in _SPEECH.finditer(text, start, stop):
        m = _SEQ_BEFORE.search(text, max(start, v.start() - 80), v.start())
        if m:
            words = m.group().split()
            out.add(m.group())
            out.add(_POSSESSIVE.sub("", words[-1]))
    for t in _TITLE_IN.finditer(text, start, stop):
        if t.start() > 0 and text[t.start() - 1].isalnum():
            continue
        m = _AFTER_TITLE.match(text, t.end(), stop)
        if m:
            words = [w for w in m.group().split() if w.lower().rstrip(".") not in P.PERSON_TITLES]
            if words:
                out.add(" ".join(words))
                out.add(_POSSESSIVE.sub("", words[-1]))
    return frozenset(out)


_VERB_AFTER = re.compile(r"(?:['\u2019]s)?[ \t]+(?:" + "|".join(sorted(P.SPEAKER_VERBS)) + r")\b")
_TITLE_BEFORE = re.compile(
    r"(?:"
    + "|".join(sorted({t.capitalize() for t in P.PERSON_TITLES}, key=lambda w: (-len(w), w)))
    + rf")\.?(?:[ \t]+{CAP_TOKEN}){{0,3}}[ \t]+$"
)


_CAP_NEXT = re.compile(r"[ \t]+[A-Z]")


class SpeakerCheck:
    """Is a name used as a speaker somewhere in ``text``: right before a speech verb
    ("Petrov said") or after a person title ("Foreign Minister Sergei Petrov")?
    Looked up lazily, name by name (a few per article), with a cache."""

    def __init__(self, text: str, known: frozenset[str] = frozenset()) -> None:
        self.text = text
        self.cache: dict[str, bool] = dict.fromkeys(known, True)

    def __call__(self, name: str) -> bool:
        found = self.cache.get(name)
        if found is None:
            found = self._lookup(name)
            self.cache[name] = found
        return found

    def _lookup(self, name: str) -> bool:
        text = self.text
        i = text.find(name)
        while i >= 0:
            j = i + len(name)
            whole = (i == 0 or not text[i - 1].isalnum()) and not text[j : j + 1].isalnum()
            if whole and (
                _VERB_AFTER.match(text, j)
                or (
                    # the last word of a titled name: "Foreign Minister Sergei Petrov"
                    not _CAP_NEXT.match(text, j) and _TITLE_BEFORE.search(text, max(0, i - 60), i)
                )
            ):
                return True
            i = text.find(name, j)
        return False


def _prev_tokens(text: str, s: int, floor: int) -> list[str]:
    return _TOKEN.findall(text, max(floor, s - 48), s)[-4:]


def article_speakers(text: str) -> frozenset[str]:
    """The speaker names of a whole article (``speaker_names`` over all its text)."""
    return speaker_names(text)


def _word_before(text: str, pos: int, floor: int) -> str:
    """The ASCII letters right before ``pos`` (blanks between allowed), lower-cased,
    within the 20 characters before it (a walk back, no regex search)."""
    lo = max(floor, pos - 20)
    j = pos
    while j > lo and text[j - 1] in " \t":
        j -= 1
    i = j
    while i > lo and text[i - 1] in _ASCII_LETTERS:
        i -= 1
    return text[i:j].lower()


_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _candidates(text: str, start: int, stop: int) -> list[tuple[int, int, str]]:
    """The matches of ``_CANDIDATE`` in ``text[start:stop]`` as (start, end, word lower
    case), leaving out the words glued to the end of a longer word (never plausible).

    ``_CANDIDATE`` matches a word or comma and the blanks up to a capital; a match
    never starts inside an earlier one except inside its word (glued) or at its end.
    So the commas can be found apart (``_COMMA_CANDIDATE``), and the words by
    ``_CANDIDATE_FAST``, which also eats the character before a word: a word starting
    right at the end of the match before ("at The Hague") is tried on its own."""
    out = [(c.start(), c.end(), ",") for c in _COMMA_CANDIDATE.finditer(text, start, stop)]
    commas = len(out)
    _word_candidates(text, start, stop, out)
    if commas:
        out.sort()
    return out


def candidates_from_words(
    text: str, words: Sequence[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """``_candidates`` over the whole ``text``, given the spans of the
    ``PLACE_CUE_WORDS`` that are whole words after no alphanumeric character, in text
    order (``normalise`` finds them in its pass for several extractors' words): the
    candidates are those followed by blanks and a capital, and the commas."""
    out = [(c.start(), c.end(), ",") for c in _COMMA_CANDIDATE.finditer(text)]
    commas = len(out)
    n = len(text)
    for s, e in words:
        # blanks, then a capital (``[ \t]+(?=[A-Z])``), read by hand: most often one
        # blank to step over, cheaper than a regex call
        b = e
        while b < n and text[b] in " \t":
            b += 1
        if b > e and b < n and "A" <= text[b] <= "Z":
            out.append((s, b, text[s:e].lower()))
    if commas:
        out.sort()
    return out


def _word_candidates(text: str, start: int, stop: int, out: list[tuple[int, int, str]]) -> None:
    """``_candidates`` but the commas, appended to ``out`` (in text order)."""
    match = _CANDIDATE.match
    q = start
    c = match(text, q, stop)
    while True:
        while c is not None:
            s, q = c.start(), c.end()
            word = c.group().rstrip(" \t").lower()
            if word != "," and (s == 0 or not text[s - 1].isalnum()):
                out.append((s, q, word))
            c = match(text, q, stop) if text[q] in _CAPITAL_PREP_FIRST else None
        n = _CANDIDATE_FAST.search(text, q, stop)
        if n is None:
            return
        q = n.end()
        if not text[n.start()].isalnum():
            out.append((n.start() + 1, q, n.group("w").lower()))
        c = match(text, q, stop) if text[q] in _CAPITAL_PREP_FIRST else None


def _plausible(text: str, s: int, word: str, floor: int, last_place_end: int) -> bool:
    """A cheap test of the word before a candidate name, before the full analysis."""
    if word in P.PLACE_PREPOSITIONS:
        return True
    if word == "," or word == "and":
        # the next name of a list right after a place
        return last_place_end >= 0 and not text[last_place_end:s].strip(" \t,")
    if s == 0 or text[s - 1] not in " \t":
        return False  # no word right before
    before = _word_before(text, s, floor)
    if word == "of":
        return before in P.PLACE_NOUNS
    if word == "to":
        return before in P.MOTION_WORDS
    # "the"
    return before in P.PLACE_PREPOSITIONS or before == "of" or before in P.MOTION_WORDS


def find_places(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    original: str | None = None,
    speakers: frozenset[str] | None = None,
    candidates: Sequence[tuple[int, int, str]] | None = None,
) -> tuple[Place, ...]:
    """The places of ``text[start:end]`` (pass ``Article.view``), in text order.

    A name the whole ``text`` uses as a speaker is never a place (``SpeakerCheck``);
    ``speakers`` adds names known to be speakers. ``candidates``: the words and commas
    a name may follow (``candidates_from_words``), when the caller found them already.
    """
    stop = len(text) if end is None else end
    src = original if original is not None else text
    is_speaker = SpeakerCheck(text, speakers or frozenset())
    found: list[tuple[int, int]] = []
    last_place_end = -10
    covered = start
    if candidates is None:
        candidates = _candidates(text, start, stop)
    for c_start, c_end, word in candidates:
        if c_end < covered or (
            word not in P.PLACE_PREPOSITIONS  # (_plausible's first test, inlined)
            and not _plausible(text, c_start, word, start, last_place_end)
        ):
            continue  # inside the name just read ("Gulf of Aden"): linear, not quadratic
        m = _SEQ.match(text, c_end, stop)
        if m is None:
            continue
        covered = m.end()
        place = _place(text, m, start, stop, is_speaker, last_place_end)
        if place is not None:
            found.append(place)
            last_place_end = place[1]
    covered = start
    for d in _DATELINE.finditer(text, start, stop):
        if d.start() < covered:
            continue
        m = _SEQ.match(text, d.start(), stop)
        if m is not None:
            covered = m.end()
            place = _place(text, m, start, stop, is_speaker, -10)
            if place is not None:
                found.append(place)
    found.sort()
    out: list[Place] = []
    last = -1
    for s, e in found:
        if s >= last:
            out.append(Place(src[s:e], s, e, place_name(text[s:e])))
            last = e
    return tuple(out)


def _place(
    text: str,
    m: re.Match[str],
    floor: int,
    stop: int,
    is_speaker: SpeakerCheck,
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
        if k and _bare(w).lower() in _NOT_NAMES:
            words = words[:k]
            e = text.index(w, s) - 1
            while e > s and text[e - 1] in " \t":
                e -= 1
            break
    # a trailing possessive, and what follows the name
    name_end = e
    possessive = words[-1].endswith(("'s", "\u2019s"))
    if possessive:
        name_end = e - 2
    lowered = [_bare(w).lower() for w in words]
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
    elif (
        len(prev_low) >= 2
        and prev_low[-1] == "of"
        and prev_low[-2] in P.PLACE_NOUNS
        and prev[len(prev_low) - 2].islower()  # "the city of", not "Islamic State of"
    ):
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
    adjective = had_the or (
        len(words) == 1
        and (
            lowered[0].endswith(P.ADJECTIVE_ENDINGS)
            or (lowered[0].endswith("i") and next_word not in P.I_ENDING_PLACE_FOLLOWERS)
        )
    )
    if kind in ("prep", "list") and next_word.isalpha() and next_word.islower() and adjective:
        return None  # "in the Swiss city", "in Russian resort"
    if possessive and _HEAD_LATER.match(text, name_end, min(stop, e + 100)):
        return None  # "in Russia's southern Black Sea resort of Varna": Varna is the place
    name = " ".join(words)
    if is_speaker(_bare(name)):
        return None
    return s, name_end


def _is_dateline(text: str, s: int, e: int, words: Sequence[str]) -> bool:
    if not all(w.isupper() for w in words) or sum(len(w) for w in words) < 3:
        return False
    before = text[max(0, s - 3) : s]
    opens = s == 0 or "\n" in before or before.rstrip(" \t")[-1:] in (".", "!", "?", "")
    return opens and _DATELINE_TAIL.match(text, e) is not None
