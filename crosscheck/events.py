"""Event mentions in an article: named events, and the bare or generic mentions that
refer to them.

``find_events(text)`` runs once over a whole article (back-references need the
article) and returns ``EventMention`` records in text order:

- **Named** (``named=True``): a capitalised name holding an event head noun
  ("Syrian National Dialogue Congress", "Congress of National Dialogue of Syrians",
  "Geneva Process", "UN Security Council Resolution 2254"), or capitalised words
  plus adjective-like lower-case words before a lower-case head ("the Geneva peace
  talks", "the Syrian national dialogue congress", "the Syrian constitutional
  committee", "intra-Syrian talks").
- **Bare** (``named=False``): a definite determiner and a head with no name ("the
  Congress", "the talks", "this meeting") refers to the last named event of the
  article with that head (or, when none precedes it, the first one after it) and
  takes its key; "the event" refers to the last named event of any head. Without
  such a named event a bare mention is **generic**: key = the head alone ("talk",
  "ceasefire"). Indefinite mentions ("a ceasefire", "held talks") are generic too.

Keys: the content words of the name, lower-cased, singular ("talks" -> "talk",
"Syrians" -> "syrian"), function words removed, spelling unified ("cease-fire" ->
"ceasefire"), de-duplicated and sorted, joined by spaces. "Syrian National Dialogue
Congress", "Syrian Congress of National Dialogue" and "Congress of National
Dialogue of Syrians" all key to "congress dialogue national syrian". A numbered name
("Resolution 2254", "UN Security Council resolution 2254") keys to its head and
number only ("2254 resolution"). Tables: ``rules/events.py``.

Linear: one capitalised-sequence regex pass and one substring pass per lower-case
head noun, each hit inspected in a bounded window.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from crosscheck.patterns import trie
from crosscheck.places import CAP_TOKEN
from crosscheck.quantities import _after_non_word, word_spans
from crosscheck.records import EventMention
from crosscheck.rules import events as E

__all__ = ["CAPITAL_HEADS", "LOWER_HEADS", "event_key", "find_events", "singular"]

_SEQ = re.compile(
    rf"{CAP_TOKEN}(?:[ \t]+(?:(?:of|for|on)[ \t]+(?:the[ \t]+)?)?(?:[a-z]{{1,5}}-)?{CAP_TOKEN})*"
)
_TOK = re.compile(r"(?:[A-Z]\.){2,}|[\w'\u2019]+(?:-[\w'\u2019]+)*|[^\w\s]")
_NUMBER_AFTER = re.compile(r"[ \t]+(?:No\.?[ \t]*)?(\d{1,5})\b")
_POSSESSIVE = re.compile(r"['\u2019]s$")
LOWER_HEADS: tuple[str, ...] = tuple(
    sorted({h for h in E.EVENT_HEADS if h.islower()} | set(E.EVENT_REFERENTS), key=len)
)
_LOWER_HEADS = LOWER_HEADS
# A lower-case head noun or referent as a whole word (one prefix-factored pattern).
_LOWER_HEAD = re.compile(r"\b(?:" + trie(list(_LOWER_HEADS)) + r")\b")
_LOWER_HEAD_FAST = _after_non_word(trie(list(_LOWER_HEADS)) + r"\b")  # see word_spans
_MAX_BACK = 6
_BACK_CHARS = 64  # enough for six words before a head
_DETERMINERS = E.DEFINITE_DETERMINERS | E.OTHER_DETERMINERS
# A capitalised head noun (a cheap filter: only the capitalised sequences holding one
# are analysed).
CAPITAL_HEADS: tuple[str, ...] = tuple(
    sorted({f for h in E.EVENT_HEADS for f in (h.capitalize(), h.upper())})
)
_CAP_HEAD = re.compile(r"(?:" + trie(CAPITAL_HEADS) + r")\b")


def singular(word: str) -> str:
    """A crude, predictable singular: 'talks' -> 'talk', 'parties' -> 'party'."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ws")):
        return word[:-1]
    return word


def event_key(words: Sequence[str], head: str = "", number: str = "") -> str:
    """The grouping key of an event name given as its words (see the module docstring)."""
    if number and head in E.NUMBERED_HEADS:
        return " ".join(sorted({singular(head), number}))
    toks: set[str] = set()
    for w in words:
        low = _POSSESSIVE.sub("", w.lower())
        low = E.KEY_SPELLINGS.get(low, low)
        if not low or low in E.KEY_STOPWORDS or not any(c.isalnum() for c in low):
            continue
        toks.add(E.KEY_SPELLINGS.get(singular(low), singular(low)))
    return " ".join(sorted(toks))


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    head: str
    key: str
    kind: str  # named | definite | generic | referent


def _head_of(word: str) -> str:
    return E.EVENT_HEADS.get(_POSSESSIVE.sub("", word.lower()), "")


def _is_cap(tok: str) -> bool:
    """A word of a name: capitalised, or hyphenated with a capitalised last part
    ("intra-Syrian"); "US-backed" (lower-case last part) is an adjective."""
    if "-" in tok:
        return tok.rsplit("-", 1)[1][:1].isupper()
    return tok[:1].isupper()


def _is_modifier(tok: str) -> bool:
    low = tok.lower()
    return tok.islower() and (low in E.EVENT_MODIFIERS or low.endswith(E.ADJECTIVE_ENDINGS))


def _named_from_seq(text: str, m: re.Match[str]) -> _Mention | None:
    """A named event (or a bare capitalised head) in one capitalised sequence."""
    toks = [(t.start(), t.end(), t.group()) for t in _TOK.finditer(text, m.start(), m.end())]
    heads = [
        i
        for i, (_, _, w) in enumerate(toks)
        if _head_of(w)
        and (_POSSESSIVE.sub("", w.lower()) not in E.WEAK_HEADS or i == len(toks) - 1)
        and _is_cap(w)
    ]
    if not heads:
        return None
    strong = [i for i in heads if _POSSESSIVE.sub("", toks[i][2].lower()) not in E.WEAK_HEADS]
    h = strong[-1] if strong else heads[-1]
    last = h
    if h + 1 < len(toks) and toks[h + 1][2].lower() in E.NAME_CONNECTORS:
        last = len(toks) - 1
    first = 0
    while first < h and (
        toks[first][2].lower() in E.NOT_EVENT_START
        or (len(toks[first][2]) <= 2 and not toks[first][2].isupper())
    ):
        first += 1
    if h - first > _MAX_BACK + 2:
        first = h - _MAX_BACK
    s, e = toks[first][0], toks[last][1]
    head_word = toks[h][2]
    head = _head_of(head_word)
    words = [w for _, _, w in toks[first : last + 1]]
    number = ""
    if head in E.NUMBERED_HEADS and last == h:
        nm = _NUMBER_AFTER.match(text, e)
        if nm:
            number, e = nm.group(1), nm.end()
    if first == h and last == h and not number:
        # a bare capitalised head ("the Congress", "Talks will resume")
        prev = _TOK.findall(text, max(0, s - 12), s)
        det = prev[-1].lower() if prev else ""
        definite = det in E.DEFINITE_DETERMINERS or toks[0][2].lower() in E.DEFINITE_DETERMINERS
        return _Mention(s, e, head, singular(head), "definite" if definite else "generic")
    return _Mention(s, e, head, event_key(words, head, number), "named")


def _from_lower_head(text: str, i: int, word: str) -> _Mention | None:
    """A mention around a lower-case head word at ``i`` (named, bare or generic)."""
    e = i + len(word)
    is_referent = word in E.EVENT_REFERENTS
    head = "" if is_referent else E.EVENT_HEADS[word]
    if head in E.NOT_BEFORE_OF and text.startswith(" of ", e):
        return None  # "the resolution of the conflict", "the process of"
    lo = max(0, i - _BACK_CHARS)
    back = [(t.start(), t.group()) for t in _TOK.finditer(text, lo, i)]
    if back and lo > 0 and back[0][0] == lo and text[lo - 1].isalnum():
        back = back[1:]  # a word cut by the window
    run: list[tuple[int, str]] = []
    for pos, tok in reversed(back[-_MAX_BACK:]):
        if is_referent:
            break
        if (_is_cap(tok) and tok.lower() not in E.NOT_EVENT_START) or (
            _is_modifier(tok) and not any(_is_cap(t) for _, t in run)
        ):
            run.append((pos, tok))
        else:
            break
    run.reverse()
    caps = [k for k, (_, t) in enumerate(run) if _is_cap(t)]
    if caps:
        run = run[caps[0] :]
        s = run[0][0]
        number = ""
        if head in E.NUMBERED_HEADS:
            nm = _NUMBER_AFTER.match(text, e)
            if nm:
                number, e = nm.group(1), nm.end()
        words = [t for _, t in run] + [word]
        return _Mention(s, e, head, event_key(words, head, number), "named")
    s = run[0][0] if run else i
    k = len(back) - len(run) - 1
    det = back[k][1].lower() if k >= 0 else ""
    if (
        k >= 1
        and back[k][1].replace("-", "").isalpha()
        and not _is_cap(back[k][1])
        and det not in _DETERMINERS
        and back[k - 1][1].lower() in _DETERMINERS
        and not is_referent
    ):
        # one adjective between the determiner and the head: "a revamped cease-fire"
        s, det = back[k][0], back[k - 1][1].lower()
    if is_referent:
        return _Mention(s, e, "", "", "referent") if det in E.DEFINITE_DETERMINERS else None
    if det in E.DEFINITE_DETERMINERS:
        return _Mention(s, e, head, singular(head), "definite")
    if word in E.NO_BARE_HEADS or head in E.NO_BARE_HEADS:
        return None
    if det in E.OTHER_DETERMINERS or word.endswith("s"):
        # "a ceasefire", "another round"; a plural head needs no determiner ("held talks")
        return _Mention(s, e, head, singular(head), "generic")
    return None


def _name_start(text: str, head: int, floor: int) -> int:
    """Where the capitalised name holding the head noun at ``head`` starts: back over
    capitalised words and name connectors ("Syrian Congress of National Dialogue")."""
    toks = [(t.start(), t.group()) for t in _TOK.finditer(text, max(floor, head - 120), head)]
    begin = head
    right_is_name = True  # the token to the right of the one looked at is part of the name
    for pos, tok in reversed(toks):
        low = tok.lower()
        if _is_cap(tok) and tok[:1].isalpha():
            begin, right_is_name = pos, True
        elif low in E.NAME_CONNECTORS and right_is_name:
            right_is_name = False  # a connector must have a capitalised word on its left
        elif low == "the" and right_is_name:
            right_is_name = True
        else:
            break
    return begin


def _mentions(
    text: str,
    start: int,
    stop: int,
    lower_heads: Sequence[tuple[int, int]] | None,
    capital_heads: Sequence[int] | None,
) -> list[_Mention]:
    found: list[_Mention] = []
    covered: list[tuple[int, int]] = []
    # named events: from each capitalised head noun, back to the start of its name
    read_to = start
    if capital_heads is None:
        capital_heads = [h.start() for h in _CAP_HEAD.finditer(text, start, stop)]
    for hs in capital_heads:
        if hs < read_to or (hs > 0 and text[hs - 1].isalnum()):
            continue  # inside the name just read, or the end of a longer word
        m = _SEQ.match(text, _name_start(text, hs, max(start, read_to)), stop)
        if m is None or m.end() <= hs:
            continue
        read_to = m.end()
        men = _named_from_seq(text, m)
        if men is not None:
            found.append(men)
            covered.append((men.start, men.end))
    covered_starts = {s for s, _ in covered}
    spans = sorted(covered)
    span_starts = [a for a, _ in spans]
    if lower_heads is None:
        lower_heads = word_spans(_LOWER_HEAD, _LOWER_HEAD_FAST, text, start, stop)
    for i, j in lower_heads:
        word = text[i:j]
        whole_word = (i == 0 or text[i - 1] != "-") and text[j : j + 1] != "-"
        if whole_word and not _covered(i, spans, span_starts):
            men = _from_lower_head(text, i, word)
            if men is not None and men.start not in covered_starts:
                found.append(men)
    found.sort(key=lambda x: (x.start, -x.end))
    # drop mentions inside another (a lower-case head inside a longer name)
    out: list[_Mention] = []
    last_end = -1
    for men in found:
        if men.start >= last_end:
            out.append(men)
            last_end = men.end
    return out


def _covered(i: int, spans: Sequence[tuple[int, int]], starts: Sequence[int]) -> bool:
    k = bisect_right(starts, i) - 1
    return k >= 0 and spans[k][0] <= i < spans[k][1]


def find_events(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    original: str | None = None,
    lower_heads: Sequence[tuple[int, int]] | None = None,
    capital_heads: Sequence[int] | None = None,
) -> tuple[EventMention, ...]:
    """The event mentions of ``text[start:end]`` (pass a whole ``Article.view``), with
    bare mentions resolved to the named events of the same text.

    When the caller found them already (``normalise``): ``lower_heads``, the spans of
    the ``LOWER_HEADS`` that are whole words of ``text[start:end]``; ``capital_heads``,
    where the ``CAPITAL_HEADS`` start a word there (after no alphanumeric character);
    both in text order."""
    stop = len(text) if end is None else end
    src = original if original is not None else text
    mentions = _mentions(text, start, stop, lower_heads, capital_heads)
    first_named: dict[str, _Mention] = {}
    for men in mentions:
        if men.kind == "named":
            first_named.setdefault(men.head, men)
            first_named.setdefault("", men)
    last_named: dict[str, _Mention] = {}
    out: list[EventMention] = []
    for men in mentions:
        surface = src[men.start : men.end]
        if men.kind == "named":
            last_named[men.head] = men
            last_named[""] = men  # the latest named event of any head
            out.append(EventMention(surface, men.start, men.end, men.head, men.key, True))
            continue
        # the named event a bare mention refers to: the last one before it with the
        # same head (any head for "the event"), else the first one of the article
        ref = last_named.get(men.head) or first_named.get(men.head)
        if men.kind == "referent":
            if ref is not None:
                out.append(EventMention(surface, men.start, men.end, ref.head, ref.key, False))
            continue
        if men.kind == "definite" and ref is not None:
            last_named[""] = ref  # "the event" after "the Congress" is the congress
            out.append(EventMention(surface, men.start, men.end, men.head, ref.key, False))
        else:
            out.append(EventMention(surface, men.start, men.end, men.head, men.key, False))
    return tuple(out)
