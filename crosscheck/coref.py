"""Speaker resolution: who a speaker mention refers to, by its fullest form in the article.

Used by attribute.py. Two jobs:

1. **Describe** a mention as written: split "Russian Foreign Minister Sergei
   Petrov" into role ("Russian Foreign Minister") and name ("Sergei Petrov"),
   type it (person, organization, document, anonymous, outlet) and give a bare
   name its fullest form in the article ("Petrov" -> "Sergei Petrov", with the
   role found beside that fullest mention).
2. **Resolve** pronouns and role nouns ("he", "they", "the ministry", "the Russian
   foreign minister", "the envoy") to an earlier mention. Candidates are the
   speakers and sentence subjects seen so far (the discourse history) and, for
   role nouns, every capitalised mention before the pronoun. The most recent
   compatible candidate wins, so the previous sentence is preferred over the
   paragraph and the paragraph over the article. Compatibility: gender for
   he/she (from honorifics, gendered role words and a small table of given
   names; unknown matches either), number for they (plural or organisation),
   organisation or document for it; a role noun matches a mention whose role or
   name contains it.

The index of capitalised mentions is built with one compiled regular expression
over each sentence, so the cost is linear in the article.
"""

from __future__ import annotations

import bisect
import functools
import re
import string
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from crosscheck.records import SpeakerType
from crosscheck.rules import geo, speech

# --------------------------------------------------------------------------- tables -> sets

_TITLES = frozenset(speech.TITLES)
_HONORIFICS = speech.HONORIFICS
_ORG_HEADS = frozenset(speech.ORGANIZATION_HEADS)
_DOC_HEADS = frozenset(speech.DOCUMENT_HEADS)
_ANON_HEADS = frozenset(speech.ANONYMOUS_HEADS)
_OUTLET_HEADS = frozenset(speech.OUTLET_HEADS)
_MALE = frozenset(speech.MALE_NAMES)
_FEMALE = frozenset(speech.FEMALE_NAMES)
_GENDERED = speech.GENDERED_ROLES
_PRONOUNS = speech.PRONOUNS
_DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "another",
        "some",
        "many",
        "most",
        "all",
        "both",
        "several",
        "each",
        "every",
        "any",
        "no",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "dozens",
        "hundreds",
        "thousands",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "your",
        "one",
        "other",
        "various",
        "numerous",
        "few",
    ]
)
_CONNECTORS = frozenset(
    [
        "de",
        "da",
        "di",
        "du",
        "dos",
        "das",
        "van",
        "von",
        "der",
        "den",
        "del",
        "della",
        "la",
        "le",
        "al",
        "bin",
        "ibn",
        "el",
        "y",
        "ul",
        "ben",
    ]
)
# capitalised words that start a sentence or clause but are not names
_NOT_NAME_START = frozenset(
    [
        "the",
        "a",
        "an",
        "in",
        "on",
        "at",
        "but",
        "and",
        "or",
        "so",
        "as",
        "if",
        "when",
        "while",
        "after",
        "before",
        "since",
        "because",
        "although",
        "though",
        "however",
        "moreover",
        "meanwhile",
        "furthermore",
        "also",
        "still",
        "yet",
        "then",
        "now",
        "earlier",
        "later",
        "today",
        "yesterday",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "it",
        "its",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "his",
        "her",
        "their",
        "our",
        "my",
        "your",
        "mr",
        "mrs",
        "ms",
        "according",
        "asked",
        "during",
        "following",
        "under",
        "over",
        "from",
        "with",
        "without",
        "for",
        "to",
        "by",
        "of",
        "about",
        "after",
        "what",
        "who",
        "why",
        "how",
        "where",
        "which",
        "whose",
        "some",
        "many",
        "most",
        "several",
        "both",
        "all",
        "each",
        "every",
        "no",
        "not",
        "other",
        "another",
        "speaking",
        "writing",
        "adding",
        "saying",
        "last",
        "next",
        "first",
        "second",
        "third",
        "new",
        "former",
        "ex",
    ]
)

_POSSESSIVE = re.compile(r"['’]s?$")

# One capitalised mention: capitalised words, initials, connectors ("de", "bin"),
# title abbreviations ("Sen."), lower-case titles and role words ("spokesperson",
# "foreign minister") and a parenthesised affiliation ("(R-Utah)"). It must end on
# a capitalised word (the name). Linear: one pass, no nested overlapping loops.
_LOWER_ROLE = (
    r"spokesperson|spokesman|spokeswoman|minister|secretary|ambassador|envoy|president|"
    r"deputy|chairman|chairwoman|chair|chief|head|leader|director|adviser|advisor|aide|"
    r"official|senator|governor|mayor|general|commander|attorney|lawyer|prosecutor|judge|"
    r"candidate|nominee|founder|executive|editor|correspondent|analyst|strategist|"
    r"foreign|defense|defence|interior|finance|economy|trade|justice|state|prime|vice|"
    r"special|senior|top|former|acting|national|security|press|presidential|"
    r"republican|democratic|representative|counselor|counsellor"
)


def _alternation(words: Sequence[str]) -> str:
    """A regex alternation of plain words, factored on their first letter
    ("Sen|Sec|Gen" -> "S(?:en|ec)|G(?:en)"). The regex engine skips a branch whose
    first letter differs in one step, so the factored form is cheaper to try on a
    word that matches none, and it matches exactly what the plain alternation
    matches: at one position only the words of one first letter can match, and
    they keep their order."""
    rests: dict[str, list[str]] = {}  # first letter -> rests of its words, in order
    for w in words:
        assert w.isalpha(), w
        rests.setdefault(w[0], []).append(w[1:])
    return "(?:" + "|".join(f"{c}(?:{'|'.join(r)})" for c, r in rests.items()) + ")"


_ABBREVIATIONS = sorted(speech.TITLE_ABBREVIATIONS, key=len, reverse=True)
_CAPWORD = rf"(?:{_alternation(_ABBREVIATIONS)}\.|[A-Z]\.(?:[A-Z]\.)*|[A-Z][\w'’\-]*)"
# Every alternative of _CAPWORD opens with an ASCII capital. The first word of a
# mention is written as one branch per capital ("S(?<!...)(?:(?:en|ec)\.|...)"):
# the pattern then starts with a set of literal characters, so the regex engine
# skips in C to the next capital instead of trying a match at every position, and
# it picks a branch in one step. Each branch holds the rests of the abbreviations
# that open with its capital (in their order in _CAPWORD) and then the rests of
# the two general alternatives: the alternatives that can match at a position and
# their order are exactly those of _CAPWORD. The lookbehind that keeps a mention
# from starting inside a word sees the character before the capital.
assert all(re.match("[A-Z]", a) for a in _ABBREVIATIONS)


def _first_capword() -> str:
    """_CAPWORD as one branch per capital, with the lookbehind that starts a mention."""
    branches = []
    for c in string.ascii_uppercase:
        rests = [a[1:] for a in _ABBREVIATIONS if a[0] == c]
        abbreviations = f"(?:{'|'.join(rests)})\\.|" if rests else ""
        branches.append(rf"{c}(?<![\w'’.]{c})(?:{abbreviations}\.(?:[A-Z]\.)*|[\w'’\-]*)")
    return "(?:" + "|".join(branches) + ")"


# the lower-case words a mention may run through ("de", "of", "foreign minister")
_LOWER_WORDS = [*sorted(_CONNECTORS), "of", "for", *_LOWER_ROLE.split("|")]
_MENTION = re.compile(
    _first_capword() + rf"(?:[ \u00a0](?:{_CAPWORD}|{_alternation(_LOWER_WORDS)}(?![\w'’])"
    r"|\([A-Z][\w.\-]{0,12}\)))*"
)


#: How far back (in mentions, or in remembered speakers and subjects) a pronoun or
#: role noun looks for its antecedent: far beyond any real article's need, and it
#: keeps the cost linear on pathological input.
LOOKBACK = 150

# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class Entity:
    """What a mention refers to: canonical name, role, type, gender and number."""

    name: str
    role: str = ""
    type: SpeakerType = ""
    gender: str = ""  # m | f | ''
    number: str = "sg"  # sg | pl

    @property
    def key(self) -> str:
        return self.name.lower()


class IndexedMention(NamedTuple):
    """A capitalised mention found anywhere in the article (a named tuple: one is
    made for every mention a lookup analyses)."""

    start: int
    end: int
    text: str
    role: str
    name: str
    type: SpeakerType
    gender: str


@dataclass(frozen=True)
class Resolution:
    entity: Entity
    resolved: bool  # True when it came from a pronoun, role noun or relative pronoun


class _Seen(NamedTuple):
    # (a named tuple, not a dataclass: one is made per speaker and subject, and a
    # tuple is several times cheaper to build)
    pos: int
    entity: Entity | None  # None: a sentence subject not analysed yet (see ``seen``)
    speaker: bool  # a speaker (True) or a subject (False)
    end: int = 0


# --------------------------------------------------------------------------- helpers

# The words of a text: ``str.split()`` splits on the same characters as the regex
# ``\s+`` (both use Python's Unicode whitespace test) and drops empty words. (An
# alias of the C method, not a wrapper: it is called on every mention and phrase.)
_words = str.split


def _bare_word(word: str) -> str:
    """Lower-case word without a possessive ending or surrounding punctuation."""
    w = word.strip(",;:()[]\"“”‘'’").lower()
    if len(w) > 2 and w[-2] in "'’" and w[-1] == "s":
        return w[:-2]
    return w


@functools.lru_cache(maxsize=65536)
def _bare(word: str) -> str:
    """``_bare_word``, cached (asked for the same words again and again)."""
    return _bare_word(word)


def _is_cap(word: str) -> bool:
    # (``word[:1]`` is "" for an empty word, and "".isupper() is False)
    return word[:1].isupper()


def _gender_of(tokens: Sequence[str], low: Sequence[str] | None = None) -> str:
    """Gender from the first honorific or gendered role word, else from the first
    name word's entry in the given-name tables. ``low``: the tokens' ``_bare``
    forms, when the caller has them already."""
    if low is None:
        low = list(map(_bare, tokens))
    for b in low:
        g = _HONORIFICS.get(b)
        if g:
            return g
        if b in _GENDERED:
            return _GENDERED[b]
    for t, b in zip(tokens, low, strict=True):
        if b in _MALE:
            if b not in _FEMALE:
                return "m"
        elif b in _FEMALE:
            return "f"
        if t[:1].isupper() and b not in _TITLES and b not in _HONORIFICS:
            break  # only the first name word counts
    return ""


@functools.lru_cache(maxsize=8192)
def split_role_name(text: str) -> tuple[str, str]:
    """ "Russian Foreign Minister Sergei Petrov" -> ("Russian Foreign Minister", "Sergei Petrov").

    The role runs up to the last title word (``speech.TITLES``) that is followed
    by a capitalised word; honorifics ("Mr.") stay out of both.
    """
    words = text.split()
    # drop a trailing parenthesised affiliation "(R-Utah)"
    while words and words[-1].startswith("(") and words[-1].endswith(")"):
        words.pop()
    if len(words) == 1:
        return "", words[0]  # what the steps below make of a single word
    # the last title word before the final word (searched from the end)
    last_title = -1
    for i in range(len(words) - 2, -1, -1):
        b = _bare(words[i])
        if (b in _TITLES or b.rstrip(".") in _TITLES) and b not in _HONORIFICS:
            last_title = i
            break
    role_words = words[: last_title + 1]
    name_words = words[last_title + 1 :]
    if last_title >= 0 and len(name_words) >= 3 and name_words[0].lower() in _ROLE_PREPOSITIONS:
        # "Ambassador to Russia Riyad Haddad", "Secretary of State John Baker",
        # "Special Envoy for Syria Staffan de Santis": the place joins the role
        n = _name_length(name_words)
        role_words = role_words + name_words[:-n]
        name_words = name_words[-n:]
    # "Stacey Plaskett of the Virgin Islands", "Marc Morial of the League": the
    # trailing "of/from ..." is an affiliation, not part of the name
    for k in range(1, len(name_words)):
        if (
            name_words[k].lower() in ("of", "from")
            and all(_is_cap(w) for w in name_words[:k])
            and (k >= 2 or last_title >= 0)
        ):
            name_words = name_words[:k]
            break
    while name_words and _bare(name_words[0]) in _HONORIFICS and len(name_words) > 1:
        name_words = name_words[1:]
    while role_words and _bare(role_words[0]) in _DETERMINERS:
        role_words = role_words[1:]
    return " ".join(role_words), " ".join(name_words)


_ROLE_PREPOSITIONS = frozenset(("to", "of", "for", "at", "on", "in"))


def _is_initial(word: str) -> bool:
    return len(word) == 2 and word[0].isupper() and word[1] == "."


def _name_length(words: Sequence[str]) -> int:
    """How many trailing words of "of State John Baker" form the person's name (2 here):
    the surname, connectors ("de"), initials, a first name, and further given names
    found in the given-name tables. Word 0 (the preposition) and word 1 (the place)
    are never taken."""
    i = len(words) - 1
    n = 1
    j = i - 1
    while j >= 2 and _bare(words[j]) in _CONNECTORS:
        n, j = n + 1, j - 1
    while j >= 2 and _is_initial(words[j]):
        n, j = n + 1, j - 1
    if j >= 2 and _is_cap(words[j]):
        n, j = n + 1, j - 1
    while j >= 2 and (
        _is_initial(words[j]) or _bare(words[j]) in _MALE or _bare(words[j]) in _FEMALE
    ):
        n, j = n + 1, j - 1
    return n


@functools.lru_cache(maxsize=8192)
def _name_words(name: str) -> frozenset[str]:
    """The bare words of a name ("Sergei Petrov" -> {"sergei", "petrov"})."""
    return frozenset(map(_bare, _words(name)))


@functools.lru_cache(maxsize=8192)
def _wanted_words(name: str) -> tuple[str, frozenset[str]]:
    """For ``Coref.fullest``: the bare last word of a non-empty name and its bare
    words other than honorifics ("Mr. Petrov" -> ("petrov", {"petrov"}))."""
    low = list(map(_bare, _words(name)))
    return low[-1], frozenset(b for b in low if b not in _HONORIFICS)


_HEAD_TAIL_WORDS = frozenset(
    ("of", "for", "with", "in", "at", "from", "close", "familiar", "who", "on")
)


def _head(words: Sequence[str], low: Sequence[str]) -> str:
    """The head noun of a noun phrase: the last word before an "of/for/with/in" tail
    (bare; ``low`` holds the ``_bare`` forms of ``words``)."""
    for i in range(1, len(words)):
        if words[i].lower() in _HEAD_TAIL_WORDS:
            return low[i - 1]
    return low[-1] if low else ""


def _ends_with(low: Sequence[str], table: frozenset[str]) -> bool:
    """Whether the last bare word, or the last two, are in ``table`` (``low``: the
    ``_bare`` forms of the words)."""
    if not low:
        return False
    return low[-1] in table or (len(low) > 1 and low[-2] + " " + low[-1] in table)


@functools.lru_cache(maxsize=8192)
def classify(text: str) -> tuple[SpeakerType, str, str]:
    """Type, gender and number of a noun phrase as written (no article context)."""
    words = text.split()
    if not words:
        return "", "", "sg"
    low = list(map(_bare, words))
    last = low[-1]
    if len(words) == 1 and last in _PRONOUNS:
        g, n, _ = _PRONOUNS[last]
        if last in ("he", "she", "i", "him", "his", "her", "hers", "my"):
            return "person", g, n or "sg"
        if last in ("it", "its", "which"):
            return "organization", "", "sg"
        return "", g, n or "pl"
    if _state_name(words):
        return "organization", "", "sg"  # "Russia", "Washington": the government
    if "," in text and all(_state_name(p.split()) for p in text.split(",") if p.strip()):
        return "organization", "", "pl"  # a headline's "Russia, Iran agree ..."
    head = _head(words, low)
    # a capitalised word other than a determiner ("The", "His")
    caps = False
    for w, b in zip(words, low, strict=True):
        if w[0].isupper() and b not in _DETERMINERS:
            caps = True
            break
    number = (
        "pl"
        if (" and " in f" {text} " or (head.endswith("s") and not head.endswith("ss")))
        else "sg"
    )
    if _ends_with(low, _DOC_HEADS) or head in _DOC_HEADS:
        return "document", "", number
    if " and " in text:
        parts = [p for p in text.split(" and ") if p.strip()]
        if len(parts) >= 2 and all(_is_cap(p.split()[-1]) for p in parts):
            kinds = {classify(p)[0] for p in parts}
            if kinds == {"person"}:
                return "person", "", "pl"  # "John Baker and Sergei Petrov"
            if kinds == {"organization"}:
                return "organization", "", "pl"  # "Russia, Iran and Turkey"
    role, name = split_role_name(text)
    name_words = name.split()
    named = bool(name_words) and all(w[0].isupper() or _bare(w) in _CONNECTORS for w in name_words)
    if role and named and _bare(name_words[-1]) not in _ORG_HEADS:
        # "US Department of State spokesperson John Hughes": a title before a name
        return "person", _gender_of(words, low), "pl" if " and " in f" {name} " else "sg"
    if (
        named
        and caps
        and words[-1][0].isupper()
        and (head in _OUTLET_HEADS or last in _OUTLET_HEADS)
    ):
        return "outlet", "", "sg"
    if _ends_with(low, _ORG_HEADS) or head in _ORG_HEADS:
        return "organization", "", number
    if not caps:
        if head in _ANON_HEADS or last in _ANON_HEADS:
            return "anonymous", _gender_of(words, low), number
        if head in _TITLES or last in _TITLES:
            return "person", _gender_of(words, low), number
        return "anonymous", "", number
    if not _HONORIFICS.keys().isdisjoint(low):
        return "person", _gender_of(words, low), "sg"
    if head in _ANON_HEADS and not named:
        return "anonymous", _gender_of(words, low), number
    if named and len(name_words) >= 2:
        return "person", _gender_of(words, low), "pl" if " and " in f" {name} " else "sg"
    if named and len(name_words) == 1:
        w = name_words[0]
        if w.isupper() and len(w) <= 5:
            return "organization", "", "sg"
        if w.endswith("s") and not w.endswith("ss"):
            return "organization", "", "pl"
        return "person", _gender_of(words, low), "sg"
    return "person" if head in _TITLES else "organization", _gender_of(words, low), number


# the last word of every country and capital name (a quick test before the full one)
_STATE_LAST_WORDS = frozenset(s.rsplit(" ", 1)[-1] for s in geo.STATES)


def _state_name(words: Sequence[str]) -> bool:
    """Whether the words name a country or a capital ("the United States", "Moscow")."""
    if not words or len(words) > 6 or words[-1].lower() not in _STATE_LAST_WORDS:
        return False  # no words, more than "the" and five, or a last word no name ends on
    low = [w.lower() for w in words]
    if low and low[0] == "the":
        low = low[1:]
    return 0 < len(low) <= 5 and " ".join(low) in geo.STATES


def _strip_det(text: str) -> str:
    words = _words(text)
    while (
        len(words) > 1
        and _bare(words[0]) in _DETERMINERS
        and words[0].lower()
        not in (
            "his",
            "her",
            "their",
            "its",
        )
    ):
        words = words[1:]
    return " ".join(words)


def _merge(regions: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted regions with touching or overlapping ones merged (fewer regex calls)."""
    out: list[tuple[int, int]] = []
    start = end = 0  # out[-1], once there is one
    for s, e in sorted(regions):
        if out and s <= end + 2:
            if e > end:
                end = e
                out[-1] = (start, end)
        else:
            start, end = s, e
            out.append((s, e))
    return out


@functools.lru_cache(maxsize=8192)
def _analyse_form(
    raw: str, after_preposition: bool = False
) -> tuple[int, str, str, str, SpeakerType, str] | None:
    """Analyse the text of a capitalised mention: (offset of the name-bearing part,
    its text, role, name, type, gender), or None when it names nothing.

    ``after_preposition``: the mention follows "to", "of", "for" ...; a country or
    capital that starts it then ends the role before it ("Ambassador to Russia
    Riyad Haddad"), so it is left out when a name of two or more words follows.
    """
    words = _words(raw)
    off = 0
    if after_preposition:
        for n in (3, 2, 1):
            if len(words) >= n + 2 and _state_name(words[:n]):
                off = raw.index(words[n - 1]) + len(words[n - 1])
                words = words[n:]
                break
    # drop leading function words ("The", "In", "Moreover") and trailing lower-case
    while words and _bare(words[0]) in _NOT_NAME_START:
        off = raw.index(words[0], off) + len(words[0])
        words = words[1:]
    while words and not _is_cap(words[-1]):
        words = words[:-1]
    if not words:
        return None
    text = " ".join(words)
    role, name = split_role_name(text)
    if not name:
        return None
    typ, gender, _ = classify(text)
    if typ not in ("person", "organization", "outlet", "document"):
        typ = "person"
    found = raw.find(words[0], off)
    return (off if found < 0 else found), text, role, name, typ, gender


# --------------------------------------------------------------------------- the resolver


class Coref:
    """Per-article speaker resolution. Create one per article, feed it the
    speakers and subjects in text order (``note``), ask it to ``resolve``."""

    def __init__(self, view: str, regions: Iterable[tuple[int, int]]) -> None:
        self.view = view
        self.history: list[_Seen] = []
        self._subjects: dict[tuple[int, int], Entity | None] = {}
        self._described: dict[str, Entity] = {}
        # capitalised mentions, found by one regex pass over the text regions and
        # analysed only when a lookup needs them (most never are); the analysis of
        # a surface form is shared by all its occurrences
        self._spans: list[tuple[int, int]] = []
        for start, end in _merge(regions):
            self._spans += [m.span() for m in _MENTION.finditer(view, start, end)]
        self._last_words: list[str] | None = None
        self._cache: dict[int, IndexedMention | None] = {}
        self._forms: dict[str, tuple[int, str, str, str, SpeakerType, str] | None] = {}
        self._by_last: dict[str, list[IndexedMention]] = {}
        self._persons: dict[str, list[tuple[IndexedMention, frozenset[str], int]]] = {}

    # ----------------------------------------------------------------- index

    def mention(self, i: int) -> IndexedMention | None:
        """The analysed capitalised mention number ``i`` (cached), or None when it
        turns out to be no name ("The", "Moreover")."""
        if i in self._cache:
            return self._cache[i]
        start, end = self._spans[i]
        view = self.view
        raw = view[start:end]
        before = view[max(0, start - 5) : start].split()
        after_prep = bool(before) and before[-1].lower() in _ROLE_PREPOSITIONS
        key = ("^" + raw) if after_prep else raw
        forms = self._forms
        if key in forms:
            form = forms[key]
        else:
            form = forms[key] = _analyse_form(raw, after_prep)
        found = None
        if form is not None:
            off, text, role, name, typ, gender = form
            found = IndexedMention(
                start + off, start + off + len(text), text, role, name, typ, gender
            )
        self._cache[i] = found
        return found

    def _mentions_before(self, pos: int, contains: str = "") -> Iterator[IndexedMention]:
        """Analysed mentions starting before ``pos``, the nearest first (only those
        whose text contains ``contains``, lower-cased, when given)."""
        i = bisect.bisect_left(self._spans, (pos, -1)) - 1
        view = self.view
        stop = max(-1, i - LOOKBACK)
        while i > stop:
            if contains:
                s, e = self._spans[i]
                if contains not in view[s:e].lower():
                    i -= 1
                    continue
            m = self.mention(i)
            if m is not None:
                yield m
            i -= 1

    def _by_last_word(self, word: str) -> list[IndexedMention]:
        """The analysed mentions whose bare last word is ``word``, in text order
        (cached per word: ``fullest`` and ``_learned_gender`` ask for the same words)."""
        found = self._by_last.get(word)
        if found is not None:
            return found
        if self._last_words is None:
            # the bare last word of every mention, in mention order (a lookup scans
            # this list in C with ``list.index``: an article asks for few words).
            # Not through a cache: most mentions' words are asked for once, and the
            # lookup in a large cache costs more than the few string operations.
            view = self.view
            self._last_words = [_bare_word(view[s:e].rsplit(None, 1)[-1]) for s, e in self._spans]
        last_words = self._last_words
        found = []
        i = -1
        while True:
            try:
                i = last_words.index(word, i + 1)
            except ValueError:
                break
            m = self.mention(i)
            if m is not None:
                found.append(m)
        self._by_last[word] = found
        return found

    def fullest(self, name: str, pos: int) -> IndexedMention | None:
        """The fullest person mention in the article sharing ``name``'s last word and
        containing all its words ("Petrov" -> "Russian Foreign Minister Sergei Petrov")."""
        if not name or name.isspace():
            return None
        last, wanted = _wanted_words(name)
        best: IndexedMention | None = None
        best_key: tuple[int, int, int] = (-1, 0, 0)
        for m, have, n in self._persons_by_last(last):
            if not wanted <= have:
                continue
            before = 1 if m.start <= pos else 0
            # more words first, then a mention before pos, then the nearest one
            key = (n, before, -abs(pos - m.start))
            if key > best_key:
                best, best_key = m, key
        return best

    def _persons_by_last(self, word: str) -> list[tuple[IndexedMention, frozenset[str], int]]:
        """The person mentions whose last word is ``word``, in text order, with the
        bare words of their name and how many there are (cached per word)."""
        found = self._persons.get(word)
        if found is None:
            found = []
            for m in self._by_last_word(word):
                if m.type == "person":
                    have = _name_words(m.name)
                    found.append((m, have, len(have)))
            self._persons[word] = found
        return found

    # ----------------------------------------------------------------- describe

    def describe(self, text: str, pos: int) -> Entity:
        """The entity a (non-pronoun) mention names, with its fullest form. The
        fullest form of a surface text is looked up once per article (the first
        position asking decides ties between equally full forms)."""
        key = text.strip()
        found = self._described.get(key)
        if found is None:
            found = self._describe(key, pos)
            self._described[key] = found
        return found

    def _describe(self, text: str, pos: int) -> Entity:
        text = text.strip().strip(",;:")
        typ, gender, number = classify(text)
        stripped = _strip_det(text)
        if typ == "person" and number == "sg":
            role, name = split_role_name(stripped)
            full = self.fullest(name, pos) if name else None
            if full is not None and len(_words(full.name)) >= len(_words(name)):
                name = full.name
                role = role or full.role
                gender = gender or full.gender or _gender_of(_words(full.text))
            gender = gender or self._learned_gender(name)
            return Entity(name or stripped, role, "person", gender, "sg")
        if typ == "person":  # several people: "Baker and Petrov"
            parts = [p for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", stripped) if p]
            if not all(_is_cap(_words(p)[-1]) for p in parts if _words(p)):
                # "the Russian, Turkish and Iranian foreign ministers": one group
                return Entity(stripped, "", "person", "", "pl")
            names: list[str] = []
            roles: list[str] = []
            for p in parts:
                role, name = split_role_name(p)
                full = self.fullest(name, pos) if name else None
                names.append(full.name if full is not None else (name or p))
                if role or (full is not None and full.role):
                    roles.append(role or (full.role if full is not None else ""))
            return Entity(" and ".join(names), "; ".join(roles), "person", "", "pl")
        if typ in ("organization", "outlet"):
            return Entity(stripped, "", typ, "", number)
        return Entity(stripped, "", typ, gender, number)

    def _learned_gender(self, name: str) -> str:
        low = name.lower()
        for m in self._by_last_word(_bare(_words(name)[-1]) if name else ""):
            if m.gender and low in m.name.lower():
                return m.gender
        return ""

    # ----------------------------------------------------------------- history

    def note(self, pos: int, entity: Entity, *, speaker: bool = True) -> None:
        """Record a speaker (or a sentence subject) seen at ``pos``."""
        if entity.name:
            self.history.append(_Seen(pos, entity, speaker))

    def note_subject(self, start: int, end: int) -> None:
        """Record a sentence subject at ``start:end``; it is analysed only if a later
        pronoun needs it."""
        self.history.append(_Seen(start, None, False, end))

    def _entity(self, seen: _Seen) -> Entity | None:
        if seen.entity is not None:
            return seen.entity
        key = (seen.pos, seen.end)
        if key not in self._subjects:
            ent = self.describe(self.view[seen.pos : seen.end], seen.pos)
            self._subjects[key] = ent if ent.type in ("person", "organization") else None
        return self._subjects[key]

    # ----------------------------------------------------------------- resolve

    def resolve(self, text: str, pos: int) -> Resolution:
        """Resolve a speaker mention at ``pos``: pronouns and role nouns to their
        antecedent (``resolved=True``), anything else to its fullest form."""
        mention = text.strip()
        low = mention.lower()
        if low in _PRONOUNS:
            return self._pronoun(low, pos)
        words = _words(mention)
        if words and _bare(words[0]) in ("the", "this", "that") and len(words) >= 2:
            res = self._role_noun(words[1:], pos)
            if res is not None:
                return res
        return Resolution(self.describe(mention, pos), False)

    def _pronoun(self, low: str, pos: int) -> Resolution:
        gender, number, person = _PRONOUNS[low]
        if person in ("1", "2", "rel"):
            return Resolution(
                Entity(
                    low if low != "i" else "I",
                    "",
                    "person" if person == "1" and number == "sg" else "",
                    "",
                    number or "sg",
                ),
                False,
            )
        for seen in reversed(self.history[-LOOKBACK:]):
            if seen.pos > pos:
                continue
            found = self._entity(seen)
            if found is None:
                continue
            e = found
            if gender in ("m", "f"):
                if e.type == "person" and e.number == "sg" and e.gender in ("", gender):
                    return Resolution(e, True)
            elif gender == "n":
                if e.type in ("organization", "document", "outlet") and e.number == "sg":
                    return Resolution(e, True)
            elif number == "pl" and (
                e.number == "pl" or e.type in ("organization", "outlet", "anonymous")
            ):
                return Resolution(e, True)
        # fall back to any capitalised person mention before pos
        if gender in ("m", "f"):
            for m in self._mentions_before(pos):
                if (
                    m.type == "person"
                    and m.gender in ("", gender)
                    and (m.role or len(_words(m.name)) >= 2)
                ):
                    full = self.fullest(m.name, m.start)
                    src = full or m
                    return Resolution(Entity(src.name, src.role, "person", src.gender), True)
        typ: SpeakerType = "person" if gender in ("m", "f") else ""
        return Resolution(Entity(low, "", typ, gender, number or "sg"), False)

    def _role_noun(self, words: Sequence[str], pos: int) -> Resolution | None:
        """ "the ministry" / "the Russian foreign minister" -> the most recent mention
        whose role or name contains the noun phrase."""
        low = list(map(_bare, words))
        phrase = " ".join(low)
        head = low[-1]
        if head not in _TITLES and head not in _ORG_HEADS and not _ends_with(low, _ORG_HEADS):
            return None
        best: tuple[int, Entity] | None = None
        for seen in reversed(self.history[-LOOKBACK:]):
            if seen.pos >= pos:
                continue
            ent = self._entity(seen)
            if ent is None:
                continue
            hay = f"{ent.role} {ent.name}".lower()
            if phrase in hay and hay.strip() != phrase:
                best = (seen.pos, ent)
                break
        for m in self._mentions_before(pos, contains=head):
            if best is not None and m.start <= best[0]:
                break
            hay = m.text.lower()
            if phrase in hay and hay != phrase:
                if m.type == "person":
                    full = self.fullest(m.name, m.start)
                    src = full or m
                    ent = Entity(src.name, src.role or m.role, "person", src.gender)
                else:
                    ent = Entity(_strip_det(m.text), "", m.type)
                best = (m.start, ent)
                break
        if best is None:
            return None
        return Resolution(best[1], True)
