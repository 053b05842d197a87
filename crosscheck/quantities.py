"""Numbers with their unit and hedge: "about 40 people", "more than 1,000", "three
groups", "48 hours", "$1.2 billion", "25 percent", "a few days", "dozens of".

``find_quantities(text, start, end, exclude=...)`` returns ``Quantity`` records in
text order. Conventions (tables in ``rules/quantities.py``):

- ``value`` is a float; scale words multiply ("1.2 billion" = 1.2e9); number words are
  read ("twenty-five" = 25, "two hundred" = 200).
- ``unit`` is the noun counted, lower-case and singular ("groups" -> "group",
  "people" -> "person"); adjectives between number and noun are skipped ("two main
  requirements" -> "requirement"); a hyphenated unit is read ("48-hour" -> "hour");
  currency symbols give "dollar", "euro", "pound"; "%"/"percent" give "percent".
  Empty when no noun follows ("the toll rose to 45 on Monday").
- ``hedge`` is the canonical hedge (about, nearly, more than, less than, at least,
  up to) or, for vague amounts ("a few", "several", "dozens of", "thousands of"), the
  vague word: their value is a nominal lower bound, never to be compared as exact.
- Identifiers are not amounts: a number right after an identifier noun ("resolution
  2254", "Article 5", "Flight 17") is reported with ``unit`` = that noun and ``hedge``
  = "id", so a judge can skip it.
- Not quantities: numbers inside time expressions (pass their spans in ``exclude``:
  "December 30, 2016" is not the number 30), ordinals ("31st", "first"), numbers glued
  to letters ("MH17", "Su-24", "G20"), times of day and slashed dates ("10:30",
  "4/5/2017"), "one" as a pronoun ("one of the", "no one"), and bare year-like numbers
  (1900-2099 without a hedge, currency or plural noun: "the 2015 elections").

Linear: each number is found by a regular expression with a literal or digit prefix
and inspected in a bounded window around it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from crosscheck.patterns import trie
from crosscheck.records import Quantity
from crosscheck.rules import quantities as Q

__all__ = ["TRIGGER_WORDS", "find_quantities", "singular_unit", "word_spans"]


def _alt(words: Sequence[str]) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=lambda w: (-len(w), w))
    )


_NUMW = _alt([*Q.NUMBER_WORDS, "hundred", "thousand", "million", "billion", "trillion"])
_SCALE = _alt([w for w in Q.SCALE_WORDS if len(w) > 3])
_SHORT_SCALE = r"bn|mln|m|k"

_DIGITS = re.compile(r"\d+")


def _after_non_word(words_pattern: str) -> re.Pattern[str]:
    """``words_pattern`` right after one character that is not an ASCII letter, digit
    or underscore: the pattern ``word_spans`` searches with. Python's engine then
    tries the words only after such a character (a cheap class test), where a
    pattern starting with a word is tried at nearly every letter."""
    return re.compile(r"[^a-zA-Z0-9_](?:" + words_pattern + ")")


def word_spans(
    exact: re.Pattern[str], fast: re.Pattern[str], text: str, start: int, stop: int
) -> list[tuple[int, int]]:
    """The spans of the matches of ``exact`` in ``text[start:stop]`` that start a word
    (no word character right before), in text order; ``fast`` is
    ``_after_non_word`` of the same words.

    ``exact`` must match ASCII letters only, ending at a word boundary: then no match
    starting a word lies inside another match, and ``exact.finditer`` finds each of
    them; ``fast`` finds them one character early (a non-ASCII letter there is no
    word start: left out)."""
    out: list[tuple[int, int]] = []
    q = start
    if start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "_"):
        m = exact.match(text, start, stop)
        if m is not None:
            out.append(m.span())
            q = m.end()
    for n in fast.finditer(text, q, stop):
        if not text[n.start()].isalnum():
            out.append((n.start() + 1, n.end()))
    return out


# The words that start a number or vague amount ("seven", "Dozens"): candidates.
TRIGGER_WORDS: tuple[str, ...] = tuple(
    sorted(
        {
            *Q.NUMBER_WORDS,
            *(w.capitalize() for w in Q.NUMBER_WORDS),
            "few",
            "several",
            "Several",
            "dozen",
            "dozens",
            "Dozens",
            "scores",
            "Scores",
            "hundreds",
            "Hundreds",
            "thousands",
            "Thousands",
            "millions",
            "Millions",
            "tens",
            "Tens",
            "couple",
            "hundred",
            "thousand",
        }
    )
)
_WORD_TRIGGER = re.compile(r"(?:" + trie(TRIGGER_WORDS) + r")\b")
_WORD_TRIGGER_FAST = _after_non_word(_WORD_TRIGGER.pattern)

_NUMBER = re.compile(
    rf"""
    (?P<digits>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)
    (?P<scale>\s*(?:{_SCALE})\b|(?:{_SHORT_SCALE})\b)?
  | (?P<words>(?i:{_NUMW})(?:(?:\s+(?:and\s+)?|-)(?i:{_NUMW})){{0,6}})\b
    """,
    re.VERBOSE,
)
_VAGUE = re.compile(
    "(?i:" + _alt(list(Q.VAGUE_AMOUNTS)) + r")\b",
)
_HEDGE_BEFORE = re.compile(
    r"(?:^|(?<=[\s(]))(?P<h>(?i:" + _alt(list(Q.HEDGES)) + r"))\s+(?:US\$|[$€£]\s?)?$"
)
_PERCENT_AFTER = re.compile(r"\s*(?:%|percent\b|per\s+cent\b|pct\b)")
_WORD_AFTER = re.compile(r"(?:\s+|-)([A-Za-z][A-Za-z'\u2019]*(?:-[A-Za-z]+)*)")
_PREV_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)\s*$")  # what _prev_word finds
_LETTERS_DOT = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.")


def _prev_word(text: str, lo: int, pos: int) -> tuple[str, int]:
    """``_PREV_WORD.search(text, lo, pos)`` as (group 1, its start), ("", pos) when
    there is none, by a walk back over the characters (no search at every position)."""
    j = pos
    while j > lo and text[j - 1].isspace():
        j -= 1
    i = j
    while i > lo and text[i - 1] in _LETTERS_DOT:
        i -= 1
    while i < j and text[i] == ".":
        i += 1
    return (text[i:j], i) if i < j else ("", pos)


_HOUR_UNITS = re.compile(r"(?:km|kg|mm|cm|kms|mph|ft|lb|lbs|ml|mw|gw)\b")


def singular_unit(word: str) -> str:
    """A lower-case singular unit noun ("groups" -> "group", "people" -> "person")."""
    w = word.lower().replace("\u2019", "'")
    if w in Q.IRREGULAR_SINGULARS:
        return Q.IRREGULAR_SINGULARS[w]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def _word_value(phrase: str) -> float:
    total, current = 0, 0
    for w in re.split(r"[\s-]+", phrase.lower()):
        if w == "and" or not w:
            continue
        if w in Q.NUMBER_WORDS:
            current += Q.NUMBER_WORDS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in Q.SCALE_WORDS:
            total += (current or 1) * Q.SCALE_WORDS[w]
            current = 0
    return float(total + current)


def _glued(text: str, pos: int) -> bool:
    """A number glued to what precedes it: "MH17", "Su-24", "4/5", "10:30", the "5" of
    "1.5" (but not a number after a full stop or comma ending a word: "end.5")."""
    if pos == 0:
        return False
    prev = text[pos - 1]
    if prev in ".,":
        return pos >= 2 and text[pos - 2].isdigit()
    return prev.isalnum() or prev in "-_/:"


def _inside(pos: int, spans: Sequence[tuple[int, int]], starts: Sequence[int]) -> bool:
    i = bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _unit_after(text: str, pos: int, stop: int) -> tuple[str, int, bool]:
    """The unit noun after a number ending at ``pos``, where it ends, and whether it
    was written in the plural."""
    m = _WORD_AFTER.match(text, pos, stop)
    if not m:
        return "", pos, False
    w1 = m.group(1)
    if text[pos] == "-":  # "48-hour"
        return singular_unit(w1.split("-")[0]), m.end(), False
    low1 = w1.lower()
    m2 = _WORD_AFTER.match(text, m.end(), stop)
    if m2 and text[m.end()] != "-":
        w2 = m2.group(1)
        low2 = w2.lower()
        adjective = low1 in Q.QUANTITY_ADJECTIVES or (w1[:1].isupper() and w2[:1].islower())
        if (
            adjective
            and low2 not in Q.NOT_UNITS
            and w2[:1].islower()
            and (low2.endswith("s") or low2 in Q.IRREGULAR_SINGULARS)
        ):
            unit = singular_unit(w2)
            return unit, m2.end(), unit != low2
    if low1 in Q.NOT_UNITS or w1[:1].isupper():
        return "", pos, False  # "two of them", "rose to 45 on Monday", a name
    unit = singular_unit(w1)
    return unit, m.end(), unit != low1


# The last words of the hedges (a hedge before a number ends with one of them).
_HEDGE_LAST = frozenset(h.split()[-1] for h in Q.HEDGES)


def _hedge(text: str, start: int, floor: int) -> tuple[str, int]:
    lo = max(floor, start - 28)
    # A cheap necessary condition first (most numbers have no hedge): the word before
    # the number, blanks and a currency sign between, is the last word of a hedge.
    p = start
    while p > lo and (text[p - 1].isspace() or text[p - 1] in "$\u20ac\u00a3"):
        p -= 1
    if p - 2 >= lo and text[p - 2 : p] == "US" and text[p : p + 1] == "$":
        p -= 2
        while p > lo and text[p - 1].isspace():
            p -= 1
    w = p
    while w > lo and not text[w - 1].isspace() and text[w - 1] != "(":
        w -= 1
    last = text[w:p]
    if last.isascii() and last.lower() not in _HEDGE_LAST:
        return "", start
    m = _HEDGE_BEFORE.search(text, lo, start)
    if not m:
        return "", start
    # .get: IGNORECASE also matches non-ASCII look-alikes ("ſome", with a long s)
    hedge = Q.HEDGES.get(" ".join(m.group("h").lower().split()))
    if hedge is None:
        return "", start
    return hedge, m.start("h")


_CURRENCIES = sorted(Q.CURRENCY_SYMBOLS.items(), key=lambda kv: -len(kv[0]))
_CURRENCY_LAST = frozenset(sym[-1] for sym in Q.CURRENCY_SYMBOLS)


def _currency(text: str, start: int, floor: int) -> tuple[str, int]:
    before = text[max(floor, start - 2) : start]
    if not before or before.rstrip()[-1:] not in _CURRENCY_LAST:
        return "", start  # the common case: no currency symbol
    for sym, unit in _CURRENCIES:
        for gap in ("", " "):
            s = start - len(sym) - len(gap)
            if s >= floor and text[s:start] == sym + gap:
                return unit, s
    return "", start


def find_quantities(
    text: str,
    start: int = 0,
    end: int | None = None,
    exclude: Sequence[tuple[int, int]] = (),
    *,
    original: str | None = None,
    candidates: Sequence[int] | None = None,
) -> tuple[Quantity, ...]:
    """The quantities of ``text[start:end]`` (pass ``Article.view``), in text order.

    ``exclude``: spans (e.g. of time expressions) whose numbers are not quantities.
    Strings are sliced from ``original`` (``Article.text``), default ``text``.
    ``candidates``: when the caller found them already (``normalise``), where the
    numbers (digit runs) and ``TRIGGER_WORDS`` of ``text[start:end]`` start that
    follow no alphanumeric character, in text order (the others are glued).
    """
    stop = len(text) if end is None else end
    src = original if original is not None else text
    spans = sorted(exclude)
    span_starts = [s for s, _ in spans]
    if candidates is None:
        # numbers; number words starting a word (the others are glued, never read)
        candidates = sorted(
            {m.start() for m in _DIGITS.finditer(text, start, stop)}
            | {s for s, _ in word_spans(_WORD_TRIGGER, _WORD_TRIGGER_FAST, text, start, stop)}
        )
    cands = candidates
    out: list[Quantity] = []
    last_end = start
    for pos in cands:
        if pos < last_end or _inside(pos, spans, span_starts):
            continue
        if _glued(text, pos):
            continue
        # (a vague amount is letters and blanks: never over an ASCII digit)
        q = None if "0" <= text[pos] <= "9" else _vague(text, pos, stop, start)
        q = q or _number(text, pos, stop, start, spans, span_starts)
        if q is None:
            continue
        value, unit, hedge, s, e = q
        out.append(Quantity(src[s:e], s, e, value, unit, hedge))
        last_end = e
    return tuple(out)


_Q = tuple[float, str, str, int, int]


def _vague(text: str, pos: int, stop: int, floor: int) -> _Q | None:
    # the vague phrase may start a word or two before the trigger ("a few", "tens of")
    for back in (9, 5, 2, 0):
        s = pos - back
        if s < floor or (s > 0 and text[s - 1].isalnum()):
            continue
        m = _VAGUE.match(text, s, stop)
        if m and m.end() > pos:
            key = " ".join(m.group().lower().split())
            value, hedge = Q.VAGUE_AMOUNTS[key]
            unit, e, _ = _unit_after(text, m.end(), stop)
            return value, unit, hedge, s, max(e, m.end())
    return None


def _number(
    text: str,
    pos: int,
    stop: int,
    floor: int,
    spans: Sequence[tuple[int, int]],
    span_starts: Sequence[int],
) -> _Q | None:
    m = _NUMBER.match(text, pos, stop)
    if not m:
        return None
    e = m.end()
    if m.group("digits"):
        digits = m.group("digits")
        nxt = text[e : e + 1]
        if nxt.isalpha() and not _HOUR_UNITS.match(text, e):
            return None  # "17th", "3rd", "4x4"
        if nxt in (":", "/") or text[e : e + 2] in ("-0", "-1", "-2", "-3", "-4", "-5"):
            return None  # "10:30", "4/5/2017", "3-2", score lines
        value = float(digits.replace(",", ""))
        scale = (m.group("scale") or "").strip().lower()
        if scale:
            value *= Q.SCALE_WORDS.get(scale, 1_000_000 if scale == "m" else 1_000)
    else:
        words = m.group("words")
        low = words.lower()
        if low in ("hundred", "thousand", "million", "billion", "trillion") and (
            text[max(floor, pos - 2) : pos] != "a "
        ):
            return None  # a bare scale word counts only as "a hundred"
        if low == "one":
            before, _ = _prev_word(text, max(floor, pos - 20), pos)
            nxt_m = _WORD_AFTER.match(text, e, stop)
            nxt = nxt_m.group(1).lower() if nxt_m else ""
            if (before and before.lower() in Q.ONE_NOT_NUMBER_BEFORE) or (
                nxt in Q.ONE_NOT_NUMBER_AFTER or not nxt
            ):
                return None
        value = _word_value(words)
        scale = ""
    s = pos
    unit = ""
    plural = False
    cur, cs = _currency(text, pos, floor)
    if cur:
        unit, s = cur, cs
    pm = _PERCENT_AFTER.match(text, e, stop)
    if pm:
        unit, e = "percent", pm.end()
    elif not cur:
        unit, ue, plural = _unit_after(text, e, stop)
        if unit and _inside(ue - 1, spans, span_starts):
            unit, ue, plural = "", e, False
        e = ue if unit else e
    before, before_start = _prev_word(text, max(floor, s - 24), s)
    prev = before.lower().rstrip(".")
    if prev in Q.ID_NOUNS or before in ("No.", "no."):
        return value, prev.rstrip("."), Q.ID_HEDGE, before_start, m.end()
    hedge, hs = _hedge(text, s, floor)
    if (
        m.group("digits")
        and not hedge
        and not cur
        and not scale
        and unit != "percent"
        and "," not in m.group("digits")
        and 1900 <= value <= 2099
        and value == int(value)
        and (not plural or prev in Q.DETERMINERS)
    ):
        return None  # a year-like number outside any time expression ("the 2015 elections")
    return value, unit, hedge, hs if hedge else s, e
