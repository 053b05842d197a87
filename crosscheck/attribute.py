"""Attribute stage: find who said what in each sentence.

``attribute(article, sentences)`` turns the headline and body sentences of one
article into ``Claim`` records:

* **attributed**: a cue (a reporting, belief or evidence verb from
  ``rules/speech.py``; "according to"; an attribution noun followed by "that";
  a transcript colon "NAME: ..."; an epigraph dash '"..." - Name') with its
  speaker and its content;
* **headline**: the article's own headline, attributed when it carries
  "... - Name", "..., says X", "X: ..." or "X Says ...", else spoken by the outlet;
* **narration**: the outlet's own checkable sentences (a date, number, named
  event or place) that carry no reported speech.

How a cue finds its parts (the patterns, written as in GenderGapTracker's
notation: C content, S speaker, V cue, Q quote):

* ``S V C``: "X said (that) ...", "X told Sputnik that ...", "X wants to ...";
* ``C, S V`` and ``C, V S``: '"...," X said', '..., said X', '..., says the
  minister', '..., as a source told Sputnik' (content before the cue; a quote
  that ends there is followed back to its opening mark, across sentences);
* ``C1, S V, C2``: "The United States, X added, supports ..." and split quotes;
* ``V S, C`` / ``C, V S``: "according to X, ..." / "..., according to X";
* ``C be V by S``: "The idea was proposed by Vladimir Putin";
* ``S's N that C``: "his claim that ...", "warnings from his attorney that ...";
* ``S: C`` (transcripts, headlines) and ``"C" - S`` (epigraphs, headline credits);
* coordinated cues share a speaker: "X said A, adding that B" gives two claims;
* speech reported inside another claim's content ("X said Y believes Z") is not a
  claim of its own (``NESTED_CLAIMS``), as annotators mostly mark only the outer;
* floating quotes: a fully quoted sentence with no cue inherits the speaker and cue
  of the quoted claim before it in the same or the next paragraph (or the one right
  after it, for '"A." "B," X said'): a claim of its own with ``resolved=True``
  (``FLOATING_CLAIMS``); evaluate.py scores such claims, which share a speaker
  mention and a cue, as one attribution.

Cue words come from the tables in ``rules/speech.py``; a word is a cue only in a
verb reading (not after a determiner or possessive, not a passive without an
agent, not an infinitive governed by another verb, not inside someone else's
quotation), and verbs that need a clause ("know", "continue") only with one.

Speakers go through ``coref.Coref``: pronouns and role nouns are resolved to an
earlier mention (``resolved=True``) and every name gets its fullest form in the
article. The speaker span stays the mention in (or next to) the sentence.

Quotation marks are paired locally, line by line: an unbalanced mark never makes
the stage give up. A quote left open at the end of its line runs on only when the
next paragraph opens with a quotation mark (the news convention for a quote over
several paragraphs); otherwise it ends with its sentence.

Narration: a body sentence that reports no speech (beliefs and intentions such as
"agreed to" do not count: the outlet reports them as facts) and carries a date, a
number, a named event or a place is the outlet's own claim.

Speed: one case-sensitive pass of the cue lexicon (a trie-shaped regex) over the
whole text finds the candidate cues; Python only looks at the few tokens around
each candidate. Headline-style lines get a case-insensitive pass.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from crosscheck import records
from crosscheck.coref import Coref, Resolution
from crosscheck.patterns import trie
from crosscheck.records import Article, Claim, ClaimKind, QuoteType, Sentence
from crosscheck.rules import events, polarity, speech
from crosscheck.rules import time as timerules

# =========================================================================== regexes


def _forms(lemmas: Iterable[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for lemma in lemmas:
        for f in speech.verb_forms(lemma):
            out.setdefault(f, lemma)
    return out


_SPEECH_FORMS = _forms(speech.REPORTING_VERBS)
_EVIDENCE_FORMS = _forms(speech.EVIDENCE_VERBS)
_BELIEF_FORMS = _forms(speech.BELIEF_VERBS)
# form -> (lemma, class); speech wins over evidence over belief
_CUE_FORMS: dict[str, tuple[str, str]] = {}
for _table, _cls in (
    (_BELIEF_FORMS, "belief"),
    (_EVIDENCE_FORMS, "evidence"),
    (_SPEECH_FORMS, "speech"),
):
    for _f, _l in _table.items():
        _CUE_FORMS[_f] = (_l, _cls)
_NOUNS = frozenset(speech.ATTRIBUTION_NOUNS)
_PARTICLES = speech.PHRASAL_PARTICLES
_PARTICLE_REQUIRED = frozenset(speech.PARTICLE_REQUIRED)
_FALSE_FRIENDS = frozenset(speech.CUE_FALSE_FRIENDS)
_ADDRESSEE = frozenset(speech.ADDRESSEE_VERBS)
_TELL = frozenset(speech.TELL_VERBS)
_ADDRESSEE_NEXT = re.compile(r"(?:that|of|about|on|in|at|during|after|to|what|how|why|whether)\b")
_ADDRESSEE_NEXT_STRICT = re.compile(r"(?:that|to|what|how|why|whether|if)\b")
_CONTINUATION = frozenset(speech.CONTINUATION_PARTICIPLES)

_ALL_PARTICLES = sorted({p for ps in _PARTICLES.values() for p in ps})


def _low_ranges(char_class: str) -> str:
    """The characters below U+0800 (Latin, Greek, Cyrillic, Hebrew, Arabic ...) that
    the regex ``char_class`` matches, as the ranges of a character class."""
    low = "".join(map(chr, range(0x800)))
    return "".join(
        f"\\u{m.start():04x}-\\u{m.end() - 1:04x}" for m in re.finditer(char_class + "+", low)
    )


# Character classes for scans over every character of a text. The regex engine
# tests ``\w`` and ``\d`` in the Unicode database (several lookups for a character
# that is not a letter), and a class of ranges in a bitmap. So ``[^\w...]`` is
# written ``[^{_W}...]``: the word characters below U+0800 as ranges, then ``\w``
# (tested only when the bitmap fails: at the few other characters); and ``\d``
# (which most characters fail) ``[^{_NOT_D}\D]``. The same sets
# (tests/test_attribute.py checks every character). (Below U+0800: the bitmap of
# the whole BMP would take the regex compiler milliseconds to build, per pattern.)
_W = _low_ranges(r"\w") + r"\w"
_NOT_D = _low_ranges(r"\D")
_CUE_WORDS = trie(list(_CUE_FORMS) + list(_NOUNS))
# every cue word of the lexicon, in any case (capitalised forms are used only in
# headline-style lines); "according to" and friends as their own group
_ACCORDING = "|".join(
    f"[{p[0].upper()}{p[0]}]{re.escape(p[1:])}" for p in speech.SOURCE_AFTER_PHRASES
)
_CUE_PATTERN = (
    rf"\b(?<![\-'’])(?:(?P<acc>{_ACCORDING})\b"
    rf"|(?P<w>{_CUE_WORDS})(?![\w'’\-])(?:[ ](?P<p>{'|'.join(_ALL_PARTICLES)})(?![\w'’\-]))?)"
)
# body text: case-sensitive (about 25 MB/s); headline-style lines: any case. Every
# cue word and phrase opens with an ASCII letter, so a leading lookahead for one
# lets the regex engine skip to candidate positions (same matches, fewer attempts);
# in the case-insensitive pattern "\b(?<![-'’])" before a letter is "(?<![\w-'’])".
assert all(re.match("[A-Za-z]", w) for w in [*_CUE_FORMS, *_NOUNS, *speech.SOURCE_AFTER_PHRASES])
_CUE_RE_I = re.compile(
    r"(?=[A-Za-z])(?<![\w\-'’])" + _CUE_PATTERN.removeprefix(r"\b(?<![\-'’])"), re.IGNORECASE
)
# The body pass, faster, with the same matches (``_Extractor.__init__``):
# * "according to" and friends as a trie of their two spellings ("According to",
#   "according to"): its branches open with a literal, which the engine rejects at
#   once, where "[Aa]ccording to" costs a class test at every word start. No phrase
#   is a prefix of another, so at most one matches at a place, whatever the order.
# * ``_CUE_SCAN`` takes the character before the cue (any but a word character,
#   "-", "'" and "’": the "\b(?<![-'’])" before a letter) into the match: the
#   pattern then opens with a character class, which the engine scans for in C
#   (most characters are word characters) instead of trying every position. Its
#   matches are those of ``_CUE_RE`` one character later, but for a cue at the very
#   start of the text, which ``_CUE_RE`` (anchored there) finds. A match ends with a
#   word character, so the next one's leading character is never inside it.
assert not any(
    a != b and b.startswith(a)
    for a in speech.SOURCE_AFTER_PHRASES
    for b in speech.SOURCE_AFTER_PHRASES
)
_CUE_BODY = (
    "(?:(?P<acc>"
    + trie(
        [p[0].upper() + p[1:] for p in speech.SOURCE_AFTER_PHRASES]
        + list(speech.SOURCE_AFTER_PHRASES)
    )
    + r")\b"
    + _CUE_PATTERN[_CUE_PATTERN.index(r"|(?P<w>") :]
)
_CUE_RE = re.compile(r"(?=[A-Za-z])\b(?<![\-'’])" + _CUE_BODY)
_CUE_SCAN = re.compile(rf"[^{_W}\-'’]" + _CUE_BODY)

# (as a trie: with the full stop after it, at most one abbreviation matches at a
# place, so the order of the alternatives does not matter)
assert all(w.isalpha() for w in speech.TITLE_ABBREVIATIONS)
_ABBREV = (
    "(?:"
    + trie([*speech.TITLE_ABBREVIATIONS, "No", "Ltd", "Inc", "Corp", "Co", "vs", "Mt", "Ft"])
    + r")\."
)
# (every token opens with a non-space character: the leading lookahead lets the
# engine skip spaces at once. Initials "U.S." are written ``X\.(?:X\.)+``, not
# ``(?:X\.){2,}``: a word fails at its second letter before the repeat starts. The
# repeats of a word are possessive: nothing follows them in the pattern, so the
# greedy first try always stands and backtracking states need not be kept; a word
# ends before a non-word character, which no shorter try could get past either.)
_TOKEN = re.compile(
    rf"(?=\S)(?:{_ABBREV}|[A-Za-z]\.(?:[A-Za-z]\.)+|[A-Z]\.(?=\s)|\w++(?:[\-'’&]\w++)*+"
    r"|''|``|[^\w\s])"
)
_QUOTE_CHARS = '"“”«»„‟'
# A quotation mark: '' or `` or one of _QUOTE_CHARS (``_pair_quotes`` scans the whole
# text with it). Written to open with a character class (any first character of a
# mark): the regex engine then scans for candidates in C instead of trying the
# alternation at every position (about half the time over a text). A match is
# ('' and ``) two of the same character, or one of _QUOTE_CHARS alone: the
# look-behinds say which first character was taken. Same matches as
# ``''|``|["“”«»„‟]`` (tests/test_attribute_speed.py).
_QUOTE_RE = re.compile(r"[\"“”«»„‟'`](?:(?<=')'|(?<=`)`|(?<=[\"“”«»„‟]))")
_OPEN_QUOTES = frozenset("“«„‟`")
_CLOSE_QUOTES = frozenset("”»")
_DASHES = frozenset("—–―")
_DASH_CHAR = re.compile(r"[―—–]|\s-\s")
# a character every match of _DASH_CHAR holds (a quick test before _DASH_CHAR)
_DASH_MARK = re.compile(r"[―—–\-]")
_DASH_CREDIT = re.compile(
    r"(?P<q>[\"”“'’]?)\s*(?P<d>[―—–]|\s-)\s*(?P<n>(?:[A-Z][\w.'’\-]*|de|van|von|al|bin|of)"
    r"(?:[ \u00a0](?:[A-Z][\w.'’\-]*|de|van|von|al|bin|of)){0,5})\s*\.?\s*$"
)
_PARTIAL_SINGLE = re.compile(r"(?<![\w])‘[^‘’\n]{2,120}’(?![\w])")

_DATELINE = re.compile(
    r"[A-Z][A-Z .,'\-]{1,40}(?:\([^()\n]{1,40}\))?\s*[-—–]{1,2}\s+|[A-Z][A-Z .,'\-]{1,40}\([^()\n]{1,40}\)\s+"
)
_DATELINE_SECOND = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ .,'-")


def _may_open_dateline(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` opens with the two characters every match of
    ``_DATELINE`` opens with ("[A-Z][A-Z .,'-]"): most sentences fail this test, which
    costs less than the regex call (``strip_front``)."""
    return end - start > 1 and "A" <= text[start] <= "Z" and text[start + 1] in _DATELINE_SECOND


# (the leading lookahead on the phrases' first letters finds the same matches, faster)
assert all(p[:1].isalpha() and p[:1].isascii() for p in polarity.NEGATION_EXCEPTIONS)
_NEG_EXCEPT = re.compile(
    "(?=["
    + "".join(sorted({p[0].lower() for p in polarity.NEGATION_EXCEPTIONS}))
    + r"])\b(?:"
    + "|".join(re.escape(p) for p in polarity.NEGATION_EXCEPTIONS)
    + r")\b",
    re.I,
)
# a negator in a window (the reference definition; ``_has_negator`` runs it)
_NEGATION = re.compile(
    r"\b(?:" + "|".join(re.escape(n) for n in polarity.NEGATORS) + r")\b|\w(?:n't|n’t)\b",
    re.I,
)
# The same test, faster, as one scan (see ``_has_negator``): the regex opens with a
# character class (the first letters of the negators, and the "n" of "n't"), so the
# engine jumps from candidate to candidate instead of trying every position; the
# word boundary before a negator is checked behind its first letter, and the rest
# of the word (a trie, case-insensitive as before) is chosen by that letter. A first
# letter stands for itself and its upper case: under re.I these letters match no
# other character (unlike "i", "k" and "s").
_NEG_FIRSTS = sorted({n[0].lower() for n in polarity.NEGATORS})
assert set(_NEG_FIRSTS) <= set("abcdefghjlmnopqrtuvwxyz")
assert not any("'" in n or "’" in n for n in polarity.NEGATORS)
_NEGATOR_SCAN = re.compile(
    "["
    + "".join(c + c.upper() for c in sorted({*_NEG_FIRSTS, "n"}))
    + r"](?:(?<=\w[nN])['’][tT]\b|"
    + "|".join(
        rf"(?<=[{c}{c.upper()}])(?<!\w.)(?i:{trie([n[1:] for n in polarity.NEGATORS if n[0].lower() == c])})\b"
        for c in _NEG_FIRSTS
    )
    + ")"
)


def _has_negator(text: str, start: int, end: int) -> bool:
    """``_NEGATION.search(text, start, end) is not None``, fast: one search of
    ``_NEGATOR_SCAN``. Its matches are those of a negator word (as
    ``\\b(?:negators)\\b``, re.I) and the "n't" of a contraction after a word
    character (as ``n['’]t\\b``, re.I, checked behind for the word character). An
    "n't" counts only when its word character lies in the window (it starts after
    ``start``); at ``start`` itself only one kind can match (a negator needs a
    non-word character before it, "n't" a word character), so the search goes on
    from ``start + 1`` after such an "n't" (no negator has an apostrophe)."""
    m = _NEGATOR_SCAN.search(text, start, end)
    if m is None:
        return False
    if m.start() == start and m.end() - start == 3 and text[start + 1] in "'’":
        return _NEGATOR_SCAN.search(text, start + 1, end) is not None
    return True


_WEEKDAYS = frozenset(timerules.WEEKDAYS)
# a capitalised run at the start of a sentence (a candidate subject for "he")
_INITIAL_NAME = re.compile(
    r"([A-Z][\w'’\-]*\.?)(?:[ \u00a0](?:[A-Z][\w'’\-]*\.?|de|van|von|al|bin|of)){0,5}(?![\w'’])"
)
_MONTHS = (
    "|".join(sorted((m.capitalize() for m in timerules.MONTHS), key=lambda m: (-len(m), m)))
    + "|"
    + "|".join(rf"{a.capitalize()}\." for a in sorted(timerules.MONTH_ABBREVIATIONS))
)
# What makes an outlet sentence checkable (a narration claim): a date or time word,
# a number (digits or number words), a named event (capitalised words ending in an
# event head noun, rules/events.py) or a place after a locative preposition.
# Each part but the digit opens at a word start (``\b``).
_CHECKABLE_WORDS = (
    rf"(?:{_MONTHS})(?!\w)",
    rf"(?:{'|'.join(sorted(d.capitalize() for d in timerules.WEEKDAYS))})\b",
    r"(?:" + "|".join(speech.NARRATION_TIME_WORDS + speech.NUMBER_WORDS) + r")\b",
    # a capitalised word right before an event head: "Dialogue Congress", "Geneva Talks"
    r"[A-Z][\w\-]* (?:"
    + "|".join(sorted({h.capitalize() for h in events.EVENT_HEADS}, key=lambda h: (-len(h), h)))
    + r")\b",
    r"(?:" + "|".join(speech.PLACE_PREPOSITIONS) + r") (?:the )?[A-Z][a-z]{2,}",
)
_CHECKABLE_PARTS = (
    re.compile(r"\d"),
    re.compile(rf"\b{_CHECKABLE_WORDS[0]}|\b{_CHECKABLE_WORDS[1]}"),
    *(re.compile(rf"\b{w}") for w in _CHECKABLE_WORDS[2:]),
)
# The parts as one alternation: it has a match in a window exactly when one of the
# parts has, and one scan of the window costs less than five. Every part opens with
# a word character (a digit or a letter): the leading lookahead lets the engine
# reject the other positions at once.
_CHECKABLE = re.compile(r"(?=\w)(?:\d|\b(?:" + "|".join(_CHECKABLE_WORDS) + "))")


# The same test as two faster searches (see ``_checkable``): a digit (a bare
# character class: the engine scans for it in C), then the words, as tries
# (only whether there is a match is asked, which does not depend on the order of
# the alternatives). Month and weekday names both end before a non-word character
# ("\\b" after a weekday's last letter is "(?!\\w)"); every word opens with an ASCII
# letter at a word start (see ``_CHECKABLE_WORD_SCAN``).
_CHECKABLE_DIGIT = re.compile(rf"[^{_NOT_D}\D]")  # (``\d``, faster: see _W)
_PLAIN_TIME_WORDS = [
    w for w in speech.NARRATION_TIME_WORDS + speech.NUMBER_WORDS if re.escape(w) == w
]
_CHECKABLE_WORD_BODY = (
    r"(?:(?:"
    + trie(
        [m.capitalize() for m in timerules.MONTHS]
        + [f"{a.capitalize()}." for a in timerules.MONTH_ABBREVIATIONS]
        + [d.capitalize() for d in timerules.WEEKDAYS]
    )
    + r")(?!\w)"
    # (a space cannot end "[\w\-]*": the possessive quantifier gives nothing back)
    + r"|[A-Z][\w\-]*+ (?:"
    + trie({h.capitalize() for h in events.EVENT_HEADS})
    + r")\b|(?:"
    + "|".join(
        [trie(_PLAIN_TIME_WORDS)]
        + [
            w
            for w in speech.NARRATION_TIME_WORDS + speech.NUMBER_WORDS
            if w not in _PLAIN_TIME_WORDS
        ]
    )
    + r")\b|(?:"
    + trie(speech.PLACE_PREPOSITIONS)
    + r") (?:the )?[A-Z][a-z]{2,})"
)
# A word at a word start: at the start of the text, or (the scan) after a non-word
# character, which the match takes in. The scan then opens with a character class:
# the engine skips to the candidates in C instead of testing the lookahead and the
# word boundary at every position. (A ``\b`` before a letter at ``start`` looks at
# the character before ``start``: the scan starts there; see ``_checkable``.)
_CHECKABLE_WORD_AT = re.compile(_CHECKABLE_WORD_BODY)
_CHECKABLE_WORD_SCAN = re.compile(rf"[^{_W}]" + _CHECKABLE_WORD_BODY)
assert all(
    w[:1].isascii() and w[:1].isalpha()
    for w in [
        *speech.NARRATION_TIME_WORDS,
        *speech.NUMBER_WORDS,
        *speech.PLACE_PREPOSITIONS,
        *timerules.MONTHS,
        *timerules.WEEKDAYS,
    ]
)


def _checkable(view: str, start: int, end: int) -> bool:
    """Does ``view[start:end]`` carry a date, number, named event or place?
    (``_CHECKABLE.search(view, start, end) is not None``, faster.)"""
    return (
        _CHECKABLE_DIGIT.search(view, start, end) is not None
        or (start == 0 and _CHECKABLE_WORD_AT.match(view, 0, end) is not None)
        or _CHECKABLE_WORD_SCAN.search(view, start - 1 if start > 0 else 0, end) is not None
    )


# =========================================================================== word sets

_PRONOUNS = speech.PRONOUNS
_SUBJECT_PRONOUNS = frozenset(("he", "she", "they", "it", "we", "i", "you", "who", "which"))
_POSSESSIVES = frozenset(speech.POSSESSIVE_PRONOUNS)
#: month and weekday names: "On Monday, A and B said" does not join "Monday"
_CALENDAR_WORDS = frozenset(timerules.MONTHS) | frozenset(timerules.WEEKDAYS)
_BOUNDARY = frozenset(speech.CLAUSE_BOUNDARY_WORDS)
_NON_NP = frozenset(speech.NON_NP_WORDS)
_PREMOD = frozenset(speech.CUE_PREMODIFIERS)
_ADJUNCT = frozenset(w for w in speech.ADJUNCT_STARTERS if " " not in w)
# a discourse marker followed by a comma ("Moreover, ", "On Tuesday, ") or one of the
# connectives that need none ("Moreover the ...", "But ...")
# (the markers as a trie: the markers that match at a place are prefixes of one
# another, and the trie, like the longest-first alternation, tries them longest first)
_DISCOURSE_RE = re.compile(
    r"(?i:"
    + trie(speech.DISCOURSE_MARKERS)
    + r")\s*,\s*|(?i:moreover|however|meanwhile|furthermore|but|and|also)\s+"
)
_ADDRESSEE_CHANNELS = frozenset(speech.ADDRESSEE_CHANNELS)
_ANON_PLURALS = frozenset(w for w in speech.ANONYMOUS_HEADS if w.endswith("s"))
_CLAUSE_ONLY = frozenset(speech.CLAUSE_ONLY_LEMMAS)
_ROLE_HEADS = (
    frozenset(speech.TITLES)
    | frozenset(speech.ORGANIZATION_HEADS)
    | frozenset(speech.ANONYMOUS_HEADS)
)
_LY_NOUNS = frozenset(speech.LY_NOUNS)
_DOC_HEADS = frozenset(speech.DOCUMENT_HEADS)
_ROLE_MODIFIERS = frozenset(speech.ROLE_MODIFIERS)
_COLON_LABELS = frozenset(speech.COLON_LABELS)
_TITLE_WORD = re.compile(r"[A-Za-z][\w'’\-]*")
_LOWER_CONTENT_WORD = re.compile(
    r"(?=[a-z])(?<![\w'’\-])(?!(?:a|an|the|and|or|but|nor|of|in|on|at|to|for|by|with|from|as|vs|via|per|"
    r"into|onto|over)(?![\w'’\-]))[a-z][\w'’\-]*"
)
# Two of them, the second after the first (``title_case``), in one search: it
# matches exactly when a second search from the end of the first match finds one.
# (A match starts at a word start and takes the whole word; the second one starts
# at a word start too, so never inside a first one shortened by backtracking. And
# when any two words are in order, the first word of all and a later one are.)
_TWO_LOWER_CONTENT_WORDS = re.compile(
    _LOWER_CONTENT_WORD.pattern + "(?s:.*?)" + _LOWER_CONTENT_WORD.pattern
)
_TITLE_SMALL = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "nor",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "by",
        "with",
        "from",
        "as",
        "vs",
        "via",
        "per",
        "into",
        "onto",
        "over",
    ]
)
_COORDINATORS = frozenset(
    [
        "and",
        "but",
        "while",
        "whereas",
        "as",
        "though",
        "although",
        "when",
        "yet",
        "so",
        "after",
        "before",
    ]
)
_SUBORDINATORS = frozenset(
    ["while", "although", "though", "when", "as", "after", "before", "if", "because", "since"]
)
_CONNECT = frozenset(
    [
        "de",
        "da",
        "di",
        "du",
        "van",
        "von",
        "der",
        "den",
        "del",
        "la",
        "le",
        "al",
        "bin",
        "ibn",
        "el",
        "y",
    ]
)
_INVERSION = frozenset(speech.INVERSION_LEMMAS)
_OBJECT_PRONOUNS = frozenset(["him", "her", "them", "us", "me", "it"])
_CONTRACTED = re.compile(r"^(?:he|she|i|we|they|you|it|who|that)['’](?:s|d|ll|re|ve|m)$")
_PREPOSITIONS = frozenset(
    [
        "for",
        "by",
        "after",
        "before",
        "without",
        "of",
        "about",
        "from",
        "in",
        "on",
        "at",
        "with",
        "into",
        "upon",
        "against",
        "than",
    ]
)
_BARE_CLAUSE = frozenset(speech.BARE_CLAUSE_LEMMAS)
_INTENTION = frozenset(speech.INTENTION_LEMMAS)
# a finite verb early in a complement: "(the plan) failed", "(he) is", "(they) will"
# fmt: off
_FINITE_WORDS: tuple[str, ...] = (
    "is", "was", "are", "were", "has", "have", "had", "will", "would", "can", "could",
    "should", "may", "might", "must", "does", "did", "do", "wo", "ca", "won't", "can't",
    "isn't", "wasn't", "aren't", "weren't", "hasn't", "haven't", "didn't", "doesn't", "don't",
    "remains", "continues", "needs", "wants", "seems", "looks", "goes", "makes", "takes",
    "gets", "knows", "means", "works", "comes", "gives", "shows", "plans", "supports", "lacks",
    "deserves", "believes", "thinks", "says", "tells", "keeps", "holds", "faces", "leads",
    "runs", "puts", "owes", "pays", "helps", "hopes", "intends", "expects", "exists", "stands",
)
# fmt: on
_FINITE_FORMS = r"[a-z]+ed|[a-z]+['’](?:s|re|ll|d|ve)|[a-z]+n['’]t"
_FINITE = (
    "(?:"
    + "|".join(_FINITE_WORDS)
    + "|"
    + _FINITE_FORMS
    + "|"
    + "|".join(speech.IRREGULAR_PASTS)
    + ")"
)
_CLAUSE_VERB = re.compile(rf"(?:[^\s.;:!?]+\s+){{1,8}}?[\"“”'‘’]?{_FINITE}\b", re.I)
# the same words as a trie (``_HAS_VERB`` is only asked whether there is a match,
# which does not depend on the order of the alternatives): about 3 times faster
_HAS_VERB = re.compile(
    rf"\b(?:{_FINITE_FORMS}|{trie([*_FINITE_WORDS, *speech.IRREGULAR_PASTS])})\b", re.I
)
# The same test as a match at the text's start or a scan for the non-word character
# before a word (a leading character class: see ``_CHECKABLE_WORD_SCAN``). Every
# alternative opens with a letter (under re.I too), so ``\b`` before it is a
# non-word character or the start.
assert all(w[:1].isalpha() for w in [*_FINITE_WORDS, *speech.IRREGULAR_PASTS])
assert _FINITE_FORMS.startswith("[a-z]") and _FINITE_FORMS.count("|[a-z]") == 2
_HAS_VERB_AT = re.compile(_HAS_VERB.pattern[2:], re.I)
_HAS_VERB_SCAN = re.compile(rf"[^{_W}](?i:{_HAS_VERB.pattern[2:]})")


def _has_verb(text: str) -> bool:
    """``_HAS_VERB.search(text) is not None``, faster."""
    return _HAS_VERB_AT.match(text) is not None or _HAS_VERB_SCAN.search(text) is not None


_ADJUNCT_THEN_MORE = re.compile(
    r"(?:in|at|on|during|via)\s[^,;:\"“”]{1,50},\s+(?:and|but)\s+[\w'’\-]+\s+[\w'’\-]+\s+[\w'’\-]+"
)
_BACKWARD_BELIEF = frozenset(("think", "believe", "suspect", "fear", "hope", "expect", "feel"))
# the auxiliary of a passive and the adverbs after it, right before the participle
_AUX_BEFORE = re.compile(
    r"\s(?:is|was|are|were|been|be|being|has been|have been|had been)(?:\s+\w+ly)?\s+$"
)
_BY_AGENT = re.compile(r"\s+by\s+")
# "<noun> expected to be held": a participle + "to be" after a common noun is a
# reduced relative clause, not a belief verb with that noun as its subject
_REDUCED_TO_BE = re.compile(r"\s+to\s+be\b")
_TO_SOON = re.compile(r"(?:[\w'’\-]+,?\s+){0,5}?to\s+[a-z]")
_WH = frozenset(
    ["that", "what", "how", "whether", "if", "why", "who", "when", "where", "which", "whom"]
)
_DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
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
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "your",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
    ]
)
_HAVE = frozenset(("has", "have", "had", "having"))
_HAS_CONTRACTIONS = frozenset(
    (
        "he's",
        "he’s",
        "she's",
        "she’s",
        "who's",
        "who’s",
        "i've",
        "i’ve",
        "we've",
        "we’ve",
        "they've",
        "they’ve",
        "you've",
        "you’ve",
        "he'd",
        "he’d",
        "she'd",
        "she’d",
    )
)
_PASSIVE_CONTRACTIONS = frozenset(("it's", "it’s", "that's", "that’s", "there's", "there’s"))
_IRREGULAR_PARTICIPLES = frozenset(
    p for lemma, (_, past, part, _) in speech.IRREGULAR_VERBS.items() for p in (past, part)
)
# past participles that differ from the past tense: a cue only after "have"
_PARTICIPLE_ONLY = frozenset(
    part for lemma, (_, past, part, _) in speech.IRREGULAR_VERBS.items() if part != past
)
_NP_PREPS = frozenset(("of", "for", "with", "at", "in", "from", "on", "to", "close", "familiar"))
#: prepositions (never subordinators, unlike "after") of an adjunct between a subject
#: and its verb ("X during talks in Geneva said")
_ADJUNCT_PREPS = frozenset(("during", "amid"))
_THAT_AFTER = re.compile(r"\s{1,3}that\b")
_BE = frozenset(["is", "was", "are", "were", "be", "been", "being", "am", "'s", "’s"])
_MODALS = frozenset(["will", "would", "can", "could", "may", "might", "should", "must", "shall"])
_CHANNEL_RE = re.compile(
    r"(?:,\s*)?\b(?:in|at|during|on|via|through|over)\s+(?:(?:(?:a|an|the|his|her|their|its|"
    r"this|that|one|another|[A-Z][\w'’]*['’]s)\s+(?:[\w\-'’]+\s+){0,3}?(?:"
    + trie(speech.CHANNEL_NOUNS)
    + r"))|(?:"
    + trie(speech.BARE_CHANNELS)
    + r"))\b(?:\s+(?:with|on|to|at)\s+(?:the\s+)?(?:[A-Z][\w'’\-]*\s?){1,5})?",
)
_TIME_ADJUNCT = re.compile(
    r"(?:,\s*)?\b(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?\b"
    r"|(?:,\s*)?\b(?:yesterday|today|tonight|earlier|later|last\s+(?:week|month|year|night)|"
    r"this\s+(?:week|month|year|morning|afternoon|evening)|earlier\s+this\s+(?:week|month|year)|"
    r"on\s+(?:" + _MONTHS + r")\s+\d{1,2}(?:st|nd|rd|th)?)\b"
)

# the characters a match of _TIME_ADJUNCT / _CHANNEL_RE can open with: the comma, or
# the first letter of one of its first words (written out from the two patterns above:
# a new first word there needs its letter here; test_adjunct_first_characters checks
# phrases of every first word)
_TIME_ADJUNCT_FIRST = frozenset(",MTWFSoytel")
_CHANNEL_FIRST = frozenset(",iadovt")


# small patterns of the analysis, compiled once
# an appositive running to the end: ", a South Florida-based president of ..."
_APPOSITIVE_TO_END = re.compile(
    r",\s+(?:(?:a|an|the|his|her|their|its)\s+)[^,;:\"“”]{2,160}?(?=[.!?]?\s*$|,\s+(?:adding|saying|who|noting)\b)"
)
_SPACE_THAT = re.compile(r"\s+that\b")
_SPACE_BY = re.compile(r"\s+by\b")
_VIA_PREPOSITION = re.compile(r"(?:,\s*)?(?:in|at|during|on|to|via|through|over)\s+")
_FIRST_WORD = re.compile(r"[\w'’\-]+")
_WORD = re.compile(r"\w+")
_THAT = re.compile(r"\bthat\b")
_SOURCE_PREPOSITION = re.compile(r"\s+(?:from|by|of)\s+")
# a transcript speaker: "NAME: content" at the start of a paragraph
_COLON_SPEAKER = re.compile(
    r"[\"“'‘]?\s*((?:[A-Z][\w.'’\-]*|de|van|von|al|bin)(?:[ \u00a0](?:[A-Z][\w.'’\-]*|de|van|von|al|bin|of|the)){0,5}):\s+\S"
)


# =========================================================================== helpers


class _Tok:
    """A token: offsets, text and the lower-case / capitalised / word flags."""

    __slots__ = ("cap", "end", "low", "start", "text", "word")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.low = text.lower()
        first = text[:1]
        self.cap = first.isupper()
        self.word = first.isalnum()


@functools.lru_cache(maxsize=16384)
def _offsetless_tok(text: str) -> _Tok:
    """A token without offsets, shared by every window holding the same word (its
    readers never modify a token)."""
    return _Tok(0, 0, text)


def _last_tokens(view: str, start: int, end: int, n: int = 4) -> list[_Tok]:
    """The last ``n`` tokens before ``end`` (offsets are not needed by callers)."""
    return list(map(_offsetless_tok, _TOKEN.findall(view, start, end)[-n:]))


class _Toks(dict[int, _Tok]):
    """The tokens of a window by index, made into ``_Tok`` objects only when looked at
    (a subject walk reads a few tokens from the right end). A dict that fills itself
    (``__missing__``): a token already made is read again at C speed. Indexing is that
    of a list: ``len`` is the number of tokens, an index past the end raises
    ``IndexError``, and a negative index counts from the end."""

    __slots__ = ("_matches",)

    def __init__(self, matches: list[re.Match[str]]) -> None:
        # (the dict starts empty: ``dict.__init__`` without arguments does nothing)
        self._matches = matches

    def __len__(self) -> int:
        return len(self._matches)

    def __bool__(self) -> bool:
        return bool(self._matches)

    def __missing__(self, i: int) -> _Tok:
        if i < 0:
            j = i + len(self._matches)
            if j < 0:
                m = self._matches[j]  # IndexError, or wraps like a list
                return _Tok(m.start(), m.end(), m.group())
            return self[j]  # the token made (and kept) under its own index
        m = self._matches[i]  # IndexError past the end
        start, end = m.span()
        tok = self[i] = _Tok(start, end, m[0])
        return tok

    def position(self, tok: _Tok) -> int:
        """The index of a token of this window, or -1."""
        for i, made in self.items():  # (each token is made under one index)
            if made is tok:
                return i
        return -1


class _TokStream(_Toks):
    """The tokens of a window read from the left: the window is scanned only as far
    as ``has`` asks (``len`` scans it to the end)."""

    __slots__ = ("_rest",)

    def __init__(self, matches: Iterable[re.Match[str]]) -> None:
        super().__init__([])
        self._rest = iter(matches)

    def has(self, i: int) -> bool:
        """Whether the window holds token ``i`` (``0 <= i < len(self)``), scanning on
        to it."""
        matches = self._matches
        while len(matches) <= i:
            m = next(self._rest, None)
            if m is None:
                return False
            matches.append(m)
        return i >= 0

    def __len__(self) -> int:
        self._matches.extend(self._rest)
        return len(self._matches)

    def __bool__(self) -> bool:
        return self.has(0)


class _Window(Protocol):
    """A token window as the subject walks read it (``_Toks``, ``_TokStream``).

    The walks name this protocol, not the dict subclass, as the windows' type: code
    compiled by mypyc that knows a value is a ``dict`` takes its length and truth from
    the dict itself (the tokens made so far), not from the class's ``__len__``."""

    def __len__(self) -> int: ...

    def __getitem__(self, i: int, /) -> _Tok: ...

    def position(self, tok: _Tok) -> int: ...


def _tokens(view: str, start: int, end: int) -> _Window:
    return _Toks(list(_TOKEN.finditer(view, start, end)))


# a quotation mark as a token: one of _QUOTE_CHARS, or '' or ``
_QUOTE_TOKENS = frozenset(["''", "``", *_QUOTE_CHARS])


def _is_quote(tok: _Tok) -> bool:
    return tok.text in _QUOTE_TOKENS


def _ends_with_quote(text: str) -> bool:
    """Does ``text`` end with a quotation mark (or is it empty)?"""
    return text[-1:] in _QUOTE_CHARS or text.endswith("''")


def _nounish(tok: _Tok) -> bool:
    """Could this token be part of a noun phrase (capitalised, a noun, an adjective)?"""
    if not tok.word:
        return False
    low = tok.low
    if low in _NOT_NOUNISH:
        return False
    # (not a lower-case cue form that is not also an attribution noun)
    return tok.cap or low not in _CUE_FORMS or low in _NOUNS


# words that are never part of a noun phrase (see ``_nounish``)
_NOT_NOUNISH = _NON_NP | _BOUNDARY | _MODALS | _BE


_PAST_FORMS = frozenset(speech.IRREGULAR_PASTS)
_TIME_NOUNS = frozenset(
    [
        "week",
        "month",
        "year",
        "morning",
        "afternoon",
        "evening",
        "night",
        "weekend",
        "day",
        "days",
        "weeks",
        "months",
        "years",
    ]
)


def _participle(tok: _Tok) -> bool:
    low = tok.low
    return (
        not tok.cap
        and tok.word
        and ((low.endswith("ed") and len(low) > 4) or low in _IRREGULAR_PARTICIPLES)
    )


def _is_adverb(tok: _Tok) -> bool:
    """An adverb between an auxiliary and its verb ("was formally called")."""
    low = tok.low
    if tok.cap or not tok.word:
        return False
    return (low.endswith("ly") and len(low) > 4 and low not in _LY_NOUNS) or low in _ADVERBS


# the adverbs of ``_is_adverb`` not in "-ly" (and two in "-ly")
_ADVERBS = frozenset(
    (
        "also",
        "not",
        "never",
        "still",
        "already",
        "just",
        "even",
        "again",
        "first",
        "later",
        "earlier",
        "then",
        "once",
        "since",
        "previously",
        "recently",
    )
)


# the premodifiers stepped over (a subject pronoun is the subject itself)
_PREMOD_SKIPPED = _PREMOD - _SUBJECT_PRONOUNS
# the words ``_Extractor._subject_left_one`` tests one by one in its walk left
# (a word outside them is part of the phrase unless it is a verb in "-ed")
_WALK_STOPS = (
    _DETERMINERS | _POSSESSIVES | _NP_PREPS | {"and"} | _BOUNDARY | _NON_NP | frozenset(_CUE_FORMS)
)


def _skip_premodifiers(toks: _Window, i: int) -> int:
    """Step left over adverbs, auxiliaries and time phrases between a subject and its
    cue: "Petrov also stressed", "Trump on Monday said", "Trump this week said"."""
    while i >= 0:
        t = toks[i]
        low = t.low
        if low in _PREMOD_SKIPPED or (
            not t.cap
            and (
                low.endswith(("n't", "n’t"))
                or (low.endswith("ly") and len(low) > 4 and low not in _LY_NOUNS)
            )
        ):
            i -= 1
        elif low in _WEEKDAYS:
            i -= 1
            if i >= 0 and toks[i].low == "on":
                i -= 1
        elif (
            low in _TIME_NOUNS
            and i >= 1
            and toks[i - 1].low
            in ("this", "last", "next", "that", "late", "early", "earlier", "each", "every")
        ):
            i -= 2
            if i >= 0 and toks[i].low in ("earlier", "later", "late", "early"):
                i -= 1
        elif (
            low in ("morning", "afternoon", "evening", "night")
            and i >= 1
            and toks[i - 1].low in _WEEKDAYS
        ):
            i -= 1
        else:
            break
    return i


_INVERSION_TAIL = re.compile(
    r"[.!?\"”'’)]|[—–]|,\s+(?:adding|saying|noting|who|which|explaining|arguing|"
    r"according|referring|speaking|in|at|on|during|after|before|when|while|as)\b"
)


def _name_like(np: str) -> bool:
    """A capitalised name or a definite description ("the Rev. Peter Wherry")."""
    first = np.split(None, 1)[0] if np.strip() else ""
    return first[:1].isupper() or first.lower() in ("the", "a", "an", "his", "her", "their")


def _inversion_end(after: str) -> bool:
    """What may follow an inverted speaker: the end, an adjunct, a participle."""
    if not after:
        return True
    if _INVERSION_TAIL.match(after):
        return True
    first = after.split(None, 1)[0].lower()
    return first in _ADJUNCT and first not in ("to", "for", "of", "with", "about", "against")


def _np_tokens(toks: Sequence[_Tok]) -> bool:
    """Tokens that can make up a named noun phrase: capitalised words, connectors,
    role words ("US Secretary of State John Baker and Russian Foreign Minister ...")."""
    for t in toks:
        low = t.low
        if t.cap or not t.word:
            continue
        if low in _CONNECT or low in ("of", "for", "and", "to", "the") or low in _ROLE_MODIFIERS:
            continue
        if low in _ROLE_HEADS:
            continue
        return False
    return True


def _subjectish(prev: _Tok | None, prev2: _Tok | None) -> bool:
    """Can the word before a noun-or-verb form ("claims", "states", "plan") be its
    subject or auxiliary, so that the form is a verb?"""
    if prev is None:
        return False
    low = prev.low
    if low in _POSSESSIVES or low in _DETERMINERS:
        return False
    if low in _SUBJECT_PRONOUNS or low in _MODALS or low in _HAS_CONTRACTIONS:
        return low not in ("it", "which") or True
    if low in (
        "also",
        "still",
        "now",
        "repeatedly",
        "often",
        "never",
        "always",
        "did",
        "does",
        "do",
        "not",
        "n't",
    ):
        return True
    if prev.cap and prev.word:
        if prev2 is None or not prev2.word:
            return not low.endswith(("an", "ic", "ish", "ese"))  # "Republican claims"
        p2 = prev2.low
        if p2 in _DETERMINERS or p2 in _NP_PREPS or p2 in _POSSESSIVES:
            return False
        return not low.endswith(("an", "ic", "ish", "ese")) or prev2.cap
    return low in _ANON_PLURALS or low in _ROLE_HEADS


def _has_name(toks: _Window, first: int, last: int) -> bool:
    """Whether tokens ``first..last`` form a named phrase: words only, one capitalised
    word that is not a determiner or pronoun ("his Iranian counterpart B")."""
    named = False
    for k in range(max(first, 0), last + 1):
        t = toks[k]
        if not t.word and t.low not in ("'s", "’s"):
            return False
        if t.low in _SUBJECT_PRONOUNS:
            return False
        if t.cap and t.low not in _DETERMINERS and t.low not in _POSSESSIVES:
            named = True
    return named


@dataclass
class _Hit:
    """One cue in a sentence while it is being analysed."""

    cue_s: int
    cue_e: int
    cls: str  # speech | belief | evidence | according | noun | colon | dash
    lemma: str
    sent: int  # index into the sentence list
    subj: tuple[int, int] | None = None
    mode: str = ""  # before | after | inherit | rel | none
    antecedent: tuple[int, int] | None = None  # for relative pronouns
    direction: str = ""  # forward | backward | both
    content: tuple[int, int] | None = None
    region_s: int = 0  # where this cue's own material starts (for clipping)
    coordinate: bool = False  # joined to the previous cue by , ; and but
    via: str = ""
    span_s: int = 0  # claim sentence span (extended for multi-sentence quotes)
    span_e: int = 0
    inherited_from: int = -1
    subordinate: bool = False  # "While X said ..., Y noted ..."
    headline: bool = False  # found in a headline-style line
    passive_by: int = -1  # "was proposed by X": where X starts
    after_comma: bool = False


# =========================================================================== extractor


class _Extractor:
    def __init__(self, article: Article, sentences: Sequence[Sentence]) -> None:
        self.article = article
        self.text = article.text
        self.view = article.view if len(article.view) == len(article.text) else article.text
        self.sentences = [s for s in sentences if s.zone in ("headline", "body")]
        self.sentences.sort(key=lambda s: (s.start, s.end))
        self.starts = [s.start for s in self.sentences]
        self.newlines = [m.start() for m in re.finditer("\n", self.view)]
        self.quotes = self._pair_quotes()
        self.quote_starts = [q[0] for q in self.quotes]
        self._qf: dict[tuple[int, int], float] = {}
        self._slices: dict[tuple[int, int], str] = {}  # make_claim's span -> text
        self.coref = Coref(self.view, [(s.start, s.end) for s in self.sentences])
        # cue candidates: one pass of the lexicon regex over the whole text, and a
        # case-insensitive pass over headline-style lines ("Baker Says ...")
        self.cue_matches: dict[int, list[re.Match[str]]] = {}
        self.headline_like: set[int] = set()
        # (the matches come in text order: the sentence of each is found by walking
        # the sentence list along with them)
        sentences = self.sentences
        starts = self.starts
        ends = [s.end for s in sentences]
        n_sent = len(sentences)
        cue_matches = self.cue_matches
        si = 0
        view = self.view
        first = _CUE_RE.match(view) if sentences else None  # a cue opening the text
        matches: Iterable[re.Match[str]] = (
            _CUE_SCAN.finditer(view, first.end() if first is not None else 0) if sentences else ()
        )
        if first is not None:
            matches = [first, *matches]
        for m in matches:
            pos, end = m.span()
            if m is not first:
                pos += 1  # (the character before the cue)
            while si + 1 < n_sent and starts[si + 1] <= pos:
                si += 1
            if starts[si] <= pos and end <= ends[si]:
                found = cue_matches.get(si)
                if found is None:
                    cue_matches[si] = [m]
                else:
                    found.append(m)
        for si, sent in enumerate(self.sentences):
            if sent.zone == "headline" or self.title_case(sent):
                self.headline_like.add(si)
                found = list(_CUE_RE_I.finditer(self.view, sent.start, sent.end))
                if found:
                    self.cue_matches[si] = found
                else:
                    self.cue_matches.pop(si, None)

    # ----------------------------------------------------------------- lines & quotes

    def line_of(self, pos: int) -> int:
        return bisect.bisect_right(self.newlines, pos - 1) if pos > 0 else 0

    def line_span(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_left(self.newlines, pos)
        start = self.newlines[i - 1] + 1 if i > 0 else 0
        end = self.newlines[i] if i < len(self.newlines) else len(self.view)
        return start, end

    def _pair_quotes(self) -> list[tuple[int, int]]:
        """Quotation spans (open mark .. after close mark), paired line by line."""
        v = self.view
        spans: list[tuple[int, int]] = []
        # one pass over the text; no mark spans a line break, so the marks of a line
        # are those a pass over the line alone would find: the pairing state is reset
        # at the first mark of each line (the line holding it found by bisection;
        # most lines hold no mark), after closing the previous line's open quote
        ls = 0
        le = -1
        open_at = -1
        for m in _QUOTE_RE.finditer(v):
            i, j = m.span()
            if i >= le:
                if open_at >= 0:
                    spans.append((open_at, self.unclosed_end(open_at, le)))
                    open_at = -1
                ls, le = self.line_span(i)
            ch = m.group()
            prev = v[i - 1] if i > ls else " "
            nxt = v[j] if j < le else " "
            prev_space = prev.isspace()
            nxt_space = nxt.isspace()
            opening = (prev_space or prev in "([{—–-/:") and not nxt_space
            closing = not prev_space and (nxt_space or nxt in ".,;:!?)]}—–-\"'’”")
            if ch in _OPEN_QUOTES and not closing:
                opening = True
            if ch in _CLOSE_QUOTES and not opening:
                closing = True
            if open_at < 0:
                if closing and not opening:
                    # a close without an open: the quote ran from the line start
                    if i > ls:
                        spans.append((ls, j))
                else:
                    open_at = i
            elif opening and not closing and i > open_at + 1:
                spans.append((open_at, i))  # unclosed: ends where the next opens
                open_at = i
            else:
                spans.append((open_at, j))
                open_at = -1
        if open_at >= 0:
            spans.append((open_at, self.unclosed_end(open_at, le)))
        spans.sort()
        return spans

    def unclosed_end(self, open_at: int, line_end: int) -> int:
        """Where a quotation left open on its line ends. By the news convention a
        quote that goes on into the next paragraph has no closing mark and the next
        paragraph opens with one: then the quote runs to the line end. Otherwise the
        mark is a stray and the quote ends with its sentence (so one odd mark never
        swallows the rest of a paragraph)."""
        v = self.view
        nxt = line_end + 1
        while nxt < len(v) and v[nxt].isspace():
            nxt += 1
        if nxt < len(v) and (v[nxt] in _QUOTE_CHARS or v.startswith(("''", "``"), nxt)):
            return line_end
        if not self.sentences:
            return line_end
        sent = self.sentences[self.sentence_at(open_at)]
        return sent.end if sent.start <= open_at < sent.end else line_end

    def quote_containing(self, pos: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self.quote_starts, pos) - 1
        if i >= 0 and self.quotes[i][0] <= pos < self.quotes[i][1]:
            return self.quotes[i]
        return None

    def quote_ending_at(self, pos: int) -> tuple[int, int] | None:
        """The quote whose closing mark ends at ``pos`` (give or take a comma)."""
        i = bisect.bisect_right(self.quote_starts, pos) - 1
        while i >= 0:
            qe = self.quotes[i][1]
            if pos - 2 <= qe <= pos + 1:
                return self.quotes[i]
            if qe < pos - 2:
                break
            i -= 1
        return None

    def quoted_fraction(self, start: int, end: int) -> float:
        """Share of ``start:end`` (in characters) that lies inside quotation marks.
        Quotes are paired line by line and never overlap, so the scan stops at the
        first quote that ends before ``start``."""
        if end <= start:
            return 0.0
        i = bisect.bisect_right(self.quote_starts, end) - 1
        quotes = self.quotes
        if i < 0 or quotes[i][1] <= start:
            return 0.0  # the scan below would stop at once (most spans hold no quote)
        key = (start, end)
        cached = self._qf.get(key)
        if cached is not None:
            return cached
        inside = 0
        while i >= 0:
            qs, qe = quotes[i]
            if qe <= start:
                break
            lo, hi = max(qs, start), min(qe, end)
            if hi > lo:
                inside += hi - lo
            i -= 1
        frac = inside / (end - start)
        self._qf[key] = frac
        return frac

    def sentence_at(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    # ----------------------------------------------------------------- trimming

    def trim(self, start: int, end: int) -> tuple[int, int]:
        v = self.view
        while start < end and (v[start].isspace() or v[start] in ",;:—–-"):
            start += 1
        while end > start and (v[end - 1].isspace() or v[end - 1] in ",;:—–-("):
            end -= 1
        return start, end

    def strip_front(self, start: int, end: int) -> int:
        """Drop a dateline and discourse markers from the front of a content span."""
        v = self.view
        if _may_open_dateline(v, start, end):
            m = _DATELINE.match(v, start, end)
            if m and m.end() < end:
                start = m.end()
        for _ in range(3):
            m = _DISCOURSE_RE.match(v, start, end)
            if m is None:
                break
            start = m.end()
        return start

    # ----------------------------------------------------------------- noun phrases

    def np_right(
        self, pos: int, limit: int, *, appositive: bool = True, pronoun_ok: bool = False
    ) -> tuple[int, int] | None:
        """A noun phrase starting at ``pos`` (after spaces): "Rep. Elijah Cummings of
        Maryland, the panel's ranking Democrat", "the Russian foreign minister"."""
        # (read from the left: the window is scanned only as far as the phrase goes;
        # ``toks.has(k)`` stands for ``k < len(toks)``)
        toks = _TokStream(_TOKEN.finditer(self.view, pos, min(limit, pos + 160)))
        if not toks.has(0):
            return None
        i = 0
        out_end = -1
        seen_noun = False
        seen_cap = False
        first_low = toks[0].low
        if (
            first_low in _OBJECT_PRONOUNS
            or first_low in _SUBJECT_PRONOUNS
            or _CONTRACTED.match(first_low)
        ):
            if not pronoun_ok or first_low in ("who", "which"):
                return None
            return toks[0].start, toks[0].end
        while i < 20 and toks.has(i):
            t = toks[i]
            low = t.low
            if t.text == "(":
                j = i + 1
                while j < i + 8 and toks.has(j) and toks[j].text != ")":
                    j += 1
                if toks.has(j) and toks[j].text == ")" and seen_noun:
                    out_end = toks[j].end
                    i = j + 1
                    continue
                break
            if not t.word and low not in ("'s", "’s", "&"):
                break
            if low in _DETERMINERS or low in _POSSESSIVES:
                if seen_noun and toks[i - 1].low not in ("of", "for", "and"):
                    break
                i += 1
                continue
            if low in ("of", "for", "and") and seen_noun:
                if toks.has(i + 1) and (toks[i + 1].cap or toks[i + 1].low in _DETERMINERS):
                    i += 1
                    continue
                break
            if not _nounish(t) or (low in _CONTINUATION):
                break
            if (
                seen_cap
                and not t.cap
                and low not in _ROLE_HEADS
                and low not in _CONNECT
                and low not in _ROLE_MODIFIERS
            ):
                break  # "Trump spoke", "Clinton aides said": the verb after a name
            if (
                seen_noun
                and not t.cap
                and (low in _PAST_FORMS or (low.endswith("ed") and len(low) > 4))
                and toks[i - 1].low not in _DETERMINERS
            ):
                break  # "the event brought back ...": a verb ends the phrase
            if t.cap or low.endswith(("'s", "’s")) or not low.endswith("ly"):
                seen_cap = seen_cap or t.cap
                seen_noun = True
                out_end = t.end
                i += 1
                continue
            break
        if out_end < 0:
            return None
        start = toks[0].start
        # appositive running to the end: ", a South Florida-based president of ..."
        if appositive:
            rest = self.view[out_end:limit]
            m = _APPOSITIVE_TO_END.match(rest)
            if m:
                out_end = out_end + m.end()
        return start, out_end

    def subject_left(self, toks: _Window, i: int) -> tuple[tuple[int, int] | None, str, int]:
        """Walk left from token ``i`` (inclusive) over a subject noun phrase.

        Returns (span or None, mode, index of the token before the phrase).
        ``mode`` is ``np``, ``pronoun`` or ``rel``. A coordinated subject of named
        phrases is kept whole ("Minister A and his counterpart B", "A, B and C"):
        up to ``MAX_CONJUNCTS`` phrases, each of them name-like.
        """
        span, mode, before = self._subject_left_one(toks, i)
        if span is None or mode != "np":
            return span, mode, before
        if (
            before >= 1
            and toks[before].low in _ADJUNCT_PREPS
            and toks[before - 1].word
            and not toks[before - 1].cap
            and _nounish(toks[before - 1])
        ):
            # "the ministers during talks in Geneva agreed": the phrase after the
            # preposition is an adjunct; the subject is the phrase before it
            left, lmode, lbefore = self._subject_left_one(toks, before - 1)
            if left is not None and lmode == "np":
                span, before, i = (left[0], left[1]), lbefore, before - 1
        last = i
        joined = 1
        # after "and", earlier conjuncts are joined by commas ("A, B and C")
        listing = False
        for k in range(before + 1, i):
            if toks[k].low == "and":
                listing = True
                break
        while joined < MAX_CONJUNCTS and before >= 1:
            sep = toks[before]
            if not (sep.low == "and" and not listing) and not (sep.text == "," and listing):
                break
            prev = toks[before - 1]
            if not (prev.word and prev.cap) or prev.low in _CALENDAR_WORDS:
                break
            if not _has_name(toks, before + 1, last):
                break
            left, lmode, lbefore = self._subject_left_one(toks, before - 1)
            if left is None or lmode != "np" or not _has_name(toks, lbefore + 1, before - 1):
                break
            listing = True
            last = before - 1
            span, before = (left[0], span[1]), lbefore
            joined += 1
        return span, mode, before

    def _subject_left_one(self, toks: _Window, i: int) -> tuple[tuple[int, int] | None, str, int]:
        """One subject phrase left of token ``i`` (see ``subject_left``)."""
        if i < 0:
            return None, "", -1
        t = toks[i]
        if t.low in _SUBJECT_PRONOUNS:
            return (t.start, t.end), ("rel" if t.low in ("who", "which") else "pronoun"), i - 1
        j = i
        cut = -1
        while j >= 0:
            t = toks[j]
            low = t.low
            if not t.word or low in _WALK_STOPS:
                # (a word outside _WALK_STOPS is looked up by none of these tests:
                # only the last one, after them, applies to it)
                if t.text == ")":
                    k = j - 1
                    while k >= 0 and k > j - 10 and toks[k].text != "(":
                        k -= 1
                    if k >= 0 and toks[k].text == "(" and k < j:
                        j = k - 1
                        continue
                    break
                if not t.word:
                    if low in ("'s", "’s", "&"):
                        j -= 1
                        continue
                    break
                if low in _DETERMINERS or low in _POSSESSIVES:
                    if (
                        j - 1 >= 0
                        and toks[j - 1].low in _NP_PREPS
                        and j - 2 >= 0
                        and _nounish(toks[j - 2])
                    ):
                        j -= 2
                        continue
                    j -= 1
                    break
                if low in _NP_PREPS:
                    if j - 1 >= 0 and _nounish(toks[j - 1]) and j < i:
                        j -= 1
                        continue
                    if (
                        j < i
                        and j - 2 >= 0
                        and _participle(toks[j - 1])
                        and (_nounish(toks[j - 2]) or toks[j - 2].cap)
                    ):
                        # reduced relative: "a poll released in August found"
                        cut = j - 1
                        j -= 2
                        continue
                    break
                if low == "and":
                    # "Baker and Petrov told": names on both sides; otherwise a new clause
                    if j < i and j - 1 >= 0 and toks[j - 1].cap and toks[j + 1].cap:
                        j -= 1
                        continue
                    break
                if (low in _BOUNDARY or low in _NON_NP) and not (
                    t.cap and j > 0 and toks[j - 1].cap
                ):
                    break
                if low in _CUE_FORMS and not t.cap and low not in _NOUNS:
                    break
            if (
                not t.cap
                and low.endswith("ed")
                and j < i
                and not (j - 1 >= 0 and toks[j - 1].low in _DETERMINERS)
            ):
                break
            j -= 1
        first = j + 1
        if first > i:
            return None, "", j
        if cut > first:
            i = cut - 1
        # cut a reduced relative or a participle inside the phrase ("a poll released in ...")
        seen = False
        nounish: list[bool] = []  # _nounish of tokens first..i (for the test below)
        for k in range(first, i + 1):
            tk = toks[k]
            if (
                seen
                and not tk.cap
                and (tk.low.endswith("ed") or tk.low in ("who", "which", "that"))
                and k > first
            ):
                return (toks[first].start, toks[k - 1].end), "np", first - 1
            if _nounish(tk):
                seen = True
                nounish.append(True)
            else:
                nounish.append(False)
        walked = first
        # too long: keep the last 12 tokens
        if i - first > 12:
            first = i - 12
        # drop leading prepositions / markers
        while (
            first <= i
            and (toks[first].low in _BOUNDARY or not toks[first].word)
            and toks[first].low not in _DETERMINERS
        ):
            first += 1
        if first > i:
            return None, "", j
        if not any(nounish[first - walked :]):
            return None, "", j
        return (toks[first].start, toks[i].end), "np", first - 1

    def initial_np(self, s: int, e: int) -> tuple[int, int] | None:
        """The subject at the start of a sentence (after markers and a dateline)."""
        start = self.strip_front(s, e)
        # (the first token of the window is all that is read of it)
        first = _TOKEN.search(self.view, start, min(e, start + 160))
        if first is None:
            return None
        low = first.group().lower()
        if low in _SUBJECT_PRONOUNS and low not in ("who", "which", "it"):
            return first.start(), first.end()
        if low in _BOUNDARY and low not in _DETERMINERS:
            return None
        span = self.np_right(first.start(), e, appositive=False)
        return span

    # ----------------------------------------------------------------- cue finding

    def find_hits(self, si: int, headline: bool) -> list[_Hit]:
        """The cue candidates of sentence ``si`` (found by one case-insensitive regex
        pass over the article) that ``classify_cue`` accepts. Capitalised forms
        count only in headline-style lines ("Baker Says ...")."""
        sent = self.sentences[si]
        s, e = sent.start, sent.end
        hits: list[_Hit] = []
        for m in self.cue_matches.get(si, ())[:MAX_CUES_PER_SENTENCE]:
            acc, word, particle = m.group("acc", "w", "p")
            if acc:
                # (the group's span: a body match may open with the character before)
                a_s, a_e = m.span("acc")
                hit: _Hit | None = _Hit(a_s, a_e, "according", "according to", si)
            elif not headline and not word.islower():
                continue
            else:
                ws, we = m.span("w")
                hit = self.classify_cue(
                    word.lower(),
                    ws,
                    we,
                    particle.lower() if particle else None,
                    m.end("p") if particle else -1,
                    s,
                    e,
                    si,
                    headline,
                )
            if hit is not None:
                hit.headline = headline
                hits.append(hit)
        return hits

    def classify_cue(
        self,
        word: str,
        ws: int,
        we: int,
        particle: str | None,
        pe: int,
        s: int,
        e: int,
        si: int,
        headline: bool,
    ) -> _Hit | None:
        """Decide whether a lexicon word (``word``, in lower case) is a cue here (verb
        reading, not a noun or an adjective, not a passive, not an infinitive, not
        inside a quotation)."""
        v = self.view
        low = word  # (lower-case already: lower() is idempotent)
        if not headline:
            # inside someone else's quotation (``quote_containing(ws)``; bisect
            # guarantees the quote opens at or before ``ws``)
            i = bisect.bisect_right(self.quote_starts, ws) - 1
            if i >= 0 and ws < self.quotes[i][1]:
                return None  # speech reported inside someone else's quotation
        # the 12 characters after the word, ``v[we:ae]``: the patterns matched there
        # (``_SPACE_THAT``, ``_SPACE_BY``, ``_REDUCED_TO_BE``) open with a space and
        # look no further back, so matching the view from ``we`` up to ``ae`` is
        # matching that slice
        ae = min(e, we + 12)
        # the words before the cue, read only when a test needs them
        before: list[_Tok] | None = None
        # attribution noun + that: "the claim that", "his warning that"
        if low in _NOUNS and _SPACE_THAT.match(v, we, ae):
            if low not in _CUE_FORMS:
                return _Hit(ws, we, "noun", low, si)
            before = _last_tokens(v, max(s, ws - 40), ws)
            if not _subjectish(
                before[-1] if before else None, before[-2] if len(before) > 1 else None
            ):
                return _Hit(ws, we, "noun", low, si)
        if low not in _CUE_FORMS:
            return None
        if not headline and word[:1].isupper():
            return None
        lemma, cls = _CUE_FORMS[low]
        if headline and cls == "belief" and lemma not in _INTENTION:
            return None
        cue_e = we
        if particle and particle in _PARTICLES.get(lemma, ()):
            nxt = v[pe : pe + 12].lstrip()[:3].lower()
            if not (particle == "on" and nxt in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")):
                cue_e = pe
        if lemma in _PARTICLE_REQUIRED and cue_e == we:
            return None
        if before is None:
            before = _last_tokens(v, max(s, ws - 40), ws)
        prev = before[-1] if before else None
        prev2 = before[-2] if len(before) > 1 else None
        pl = prev.low if prev is not None else ""
        if prev is None:
            return _Hit(ws, cue_e, cls, lemma, si)
        if pl in _DETERMINERS or pl in _POSSESSIVES:
            return None  # a noun or adjective reading: "the report", "an added bonus"
        if pl.endswith(("'s", "’s")) and pl not in _HAS_CONTRACTIONS:
            return None  # "Russia's suspected connection", "Trump's claims"
        if pl == "to" and low == lemma:
            return None  # infinitive: "wants to say" -- the governing verb is the cue
        k = len(before) - 1
        while k >= 0 and before[k].low not in _BE and _is_adverb(before[k]):
            k -= 1
        aux = before[k].low if k >= 0 else ""
        passive_aux = (
            pl in _BE or pl in _PASSIVE_CONTRACTIONS or aux in _BE or aux in _PASSIVE_CONTRACTIONS
        )
        if (
            passive_aux
            and low != lemma
            and (low.endswith(("ed", "en", "wn")) or low in _IRREGULAR_PARTICIPLES)
        ):
            by = _BY_AGENT.match(v, cue_e, e)
            if by is None:
                return None  # passive: "is expected", "was told" -- no speaker in the clause
            # "was initially proposed by Russian President Vladimir Putin": the agent
            # speaks, the grammatical subject is the content
            hit = _Hit(ws, cue_e, cls, lemma, si)
            hit.passive_by = by.end()
            return hit
        if (
            low in _FALSE_FRIENDS
            and not low.endswith(("ed", "ing"))
            and not _subjectish(prev, prev2)
        ):
            return None  # "Federal and state officials", "Republican claims", "the plan"
        if low != lemma and low.endswith("ed") and _SPACE_BY.match(v, we, ae) and not passive_aux:
            return None  # reduced passive: "a candidate endorsed by dozens of papers"
        if (
            low != lemma
            and low.endswith("ed")
            and _REDUCED_TO_BE.match(v, we, ae)
            and (prev.text == "," or prev.text[:1].islower())
            and prev.low not in _SUBJECT_PRONOUNS
            and not passive_aux
        ):
            return None  # reduced relative: "the congress expected to be held", "X, believed to be"
        if low.endswith("ing") and (
            (pl in _PREPOSITIONS and cls != "speech")
            or pl in _OBJECT_PRONOUNS
            or _SPACE_BY.match(v, we, ae)
        ):
            return None  # gerund: "for refusing to testify", "without them knowing"
        if low in _PARTICIPLE_ONLY and not (
            pl in _HAVE
            or pl in _HAS_CONTRACTIONS
            or (pl in _PREMOD and prev2 is not None and prev2.low in _HAVE)
        ):
            return None  # "a group known as", "the data shown"
        return _Hit(ws, cue_e, cls, lemma, si)

    # ----------------------------------------------------------------- analysis

    def analyse(self, hit: _Hit, hits: Sequence[_Hit], idx: int) -> None:
        sent = self.sentences[hit.sent]
        s, e = sent.start, sent.end
        v = self.view
        hit.span_s, hit.span_e = s, e
        if hit.cls == "according":
            self.analyse_according(hit, s, e)
            return
        if hit.cls == "noun":
            self.analyse_noun(hit, s, e)
            return
        if hit.passive_by >= 0:
            self.analyse_passive(hit, s, e)
            return
        toks = _tokens(v, max(s, hit.cue_s - 140), hit.cue_s)
        n = len(toks)
        i = _skip_premodifiers(toks, n - 1)
        prev = toks[i] if i >= 0 else None
        low_cue = v[hit.cue_s : hit.cue_e].lower()
        participle = low_cue.split()[0] in _CONTINUATION or (
            low_cue.endswith("ing") and prev is not None and prev.text == ","
        )
        stop_tok: _Tok | None = None
        if prev is None:
            hit.mode = "none"
        elif prev.text == "," and participle:
            hit.mode = "inherit"
            stop_tok = prev
        elif prev.text == "," or _is_quote(prev) or prev.text in _DASHES:
            inv = None
            if (
                hit.lemma in _INVERSION
                and i == n - 1
                and (_is_quote(prev) or self.backward_plausible(s, prev.start))
            ):
                inv = self.np_right(hit.cue_e, e)
            after_np = v[inv[1] : e].strip() if inv else ""
            if inv and (
                _inversion_end(after_np)
                or (after_np.startswith(",") and _name_like(v[inv[0] : inv[1]]))
            ):
                hit.subj, hit.mode = inv, "after"
                stop_tok = prev
            elif prev.text == ",":
                # appositive or relative clause between commas: "X, a spokesman, said"
                k = i - 1
                while k >= 0 and k > i - 25 and toks[k].text != "," and not _is_quote(toks[k]):
                    k -= 1
                if k >= 0 and toks[k].text == ",":
                    inner = [toks[j] for j in range(k + 1, i)]
                    if inner and inner[0].low in ("who", "which"):
                        span, mode, b = self.subject_left(toks, k - 1)
                        if span:
                            hit.subj, hit.mode = span, "before"
                            stop_tok = toks[b] if b >= 0 else None
                    elif inner and inner[0].cap and _np_tokens(inner):
                        # '"...", US Secretary of State John Baker and ... Petrov, told'
                        hit.subj, hit.mode = (inner[0].start, inner[-1].end), "before"
                        span, mode, b = self.subject_left(toks, k - 1)
                        stop_tok = toks[b] if (span and b >= 0) else toks[k]
                    else:
                        span, mode, b = self.subject_left(toks, k - 1)
                        if span and inner and not any(t.low in _CUE_FORMS for t in inner):
                            hit.subj, hit.mode = span, "before"
                            stop_tok = toks[b] if b >= 0 else None
                if hit.subj is None:
                    hit.mode = "inherit"
                    stop_tok = prev
            else:
                hit.mode = "inherit" if participle else "none"
                stop_tok = prev
        else:
            span, mode, b = self.subject_left(toks, i)
            if span is not None:
                hit.subj = span
                hit.mode = "rel" if mode == "rel" else "before"
                stop_tok = toks[b] if b >= 0 else None
                if mode == "rel":
                    # antecedent: the phrase before ", who"
                    k = b
                    while k >= 0 and not toks[k].word:
                        k -= 1
                    ant, _, _ = self.subject_left(toks, k)
                    hit.antecedent = ant
            else:
                hit.mode = "inherit"
                stop_tok = toks[b] if 0 <= b < n else prev
                # "I laughed and said": the subject of the verb before "and"
                if stop_tok is not None and stop_tok.low in ("and", "but") and b >= 1:
                    vb = toks[b - 1]
                    if vb.word and not vb.cap and (vb.low.endswith("ed") or vb.low in _NON_NP):
                        k = _skip_premodifiers(toks, b - 2)
                        span2, mode2, _ = self.subject_left(toks, k)
                        if span2 is not None and mode2 == "pronoun":
                            hit.subj = span2
                            hit.mode = "before"
        if hit.mode == "inherit":
            for prior in reversed(hits[:idx]):
                if prior.subj is None or prior.mode not in ("before", "after", "rel", "inherit"):
                    continue
                if any(
                    o is not prior
                    and o.content is not None
                    and o.direction == "forward"
                    and o.content[0] <= prior.cue_s < o.content[1]
                    for o in hits[:idx]
                ):
                    continue  # nested inside another claim: not the main speaker
                hit.subj = prior.subj
                hit.antecedent = prior.antecedent
                hit.inherited_from = hits.index(prior)
                break
            else:
                init = self.initial_np(s, hit.cue_s)
                if init is not None and init[1] <= hit.cue_s:
                    hit.subj = init
                else:
                    hit.mode = "none"
        if hit.mode == "none" and hit.cls != "speech":
            return
        # where this cue's own material starts (to clip the previous content)
        if hit.mode in ("before", "rel") and hit.subj is not None:
            hit.region_s = hit.subj[0]
        else:
            hit.region_s = hit.cue_s
        self.direction(hit, toks, stop_tok, s, e)
        # coordinated with what precedes ("..., and Y said", "X said A, adding B",
        # "A, Y added"): the previous content stops where this cue's material starts
        if stop_tok is not None and stop_tok.start >= s:
            if (
                stop_tok.text in (";", "(")
                or stop_tok.low in _COORDINATORS
                or (stop_tok.text == "," and (hit.direction == "backward" or hit.mode == "inherit"))
            ):
                hit.coordinate = True
                hit.region_s = min(hit.region_s, stop_tok.start)
            if stop_tok.low in _SUBORDINATORS:
                hit.subordinate = True
            if stop_tok.text == ",":
                hit.after_comma = True

    def skip_after_cue(self, hit: _Hit, e: int) -> int:
        """Skip the addressee, channel and time adjuncts after a cue; return the
        position where the content would start. Sets ``hit.via``."""
        v = self.view
        pos = hit.cue_e
        lemma = hit.lemma
        for _ in range(4):
            moved = False
            # (no match of the two patterns opens with a space: after one, the match
            # is tried one place on; the regex runs only where its first character is)
            at = pos + 1 if pos < e and v[pos] == " " else pos
            m = _TIME_ADJUNCT.match(v, at, e) if at < e and v[at] in _TIME_ADJUNCT_FIRST else None
            if m and m.end() > pos:
                pos = m.end()
                moved = True
            at = pos + 1 if pos < e and v[pos] == " " else pos
            m = _CHANNEL_RE.match(v, at, e) if at < e and v[at] in _CHANNEL_FIRST else None
            if m and m.end() > pos:
                if not hit.via:
                    hit.via = self._via_text(m.start(), m.end())
                pos = m.end()
                moved = True
            if lemma in _ADDRESSEE and not hit.via and not moved:
                np = self.np_right(pos, e, appositive=False, pronoun_ok=True)
                if np is not None:
                    obj = v[np[0] : np[1]]
                    rest = v[np[1] : e].lstrip()
                    if lemma in _TELL:
                        # "told reporters", "told Sputnik that", "informed X of Y"
                        addressee = (
                            obj.lower() in _ADDRESSEE_CHANNELS
                            or obj[:1].isupper()
                            or obj.lower() in _OBJECT_PRONOUNS
                            or not rest.strip(" .!?;\"”’'")
                            or rest[:1] in ".!?,;:\"“”'’"
                            or _TIME_ADJUNCT.match(rest) is not None
                            or _ADDRESSEE_NEXT.match(rest) is not None
                        )
                    else:
                        # "urged Congress to act", "asked voters whether": the object
                        # is an addressee only before "to"/"that"/a wh-word
                        addressee = _ADDRESSEE_NEXT_STRICT.match(rest) is not None
                    if addressee:
                        hit.via = self.text[np[0] : np[1]]
                        pos = np[1]
                        moved = True
            if not moved:
                break
        return pos

    def _via_text(self, start: int, end: int) -> str:
        v = self.view
        m = _VIA_PREPOSITION.match(v[start:end])
        if m:
            start += m.end()
        return self.text[start:end].strip(" ,")

    def direction(self, hit: _Hit, toks: _Window, stop_tok: _Tok | None, s: int, e: int) -> None:
        v = self.view
        if hit.mode == "after" and hit.subj is not None:
            after_pos = hit.subj[1]
            self.skip_channel_after_subject(hit, after_pos, e)
            left_end = stop_tok.start if stop_tok is not None else hit.cue_s
            if stop_tok is not None and _is_quote(stop_tok):
                left_end = stop_tok.end
            self.set_backward(hit, s, left_end)
            return
        pos = self.skip_after_cue(hit, e)
        rest = v[pos:e]
        rest_l = rest.lstrip(" ,:")
        off = pos + (len(rest) - len(rest_l))
        first_word = _FIRST_WORD.match(rest_l)
        fw = first_word.group().lower() if first_word else ""
        # (every test asks only whether there are two words: one split at most twice)
        two_words_after = len(rest_l[:200].split(None, 2)) >= 2
        left_end = hit.region_s
        left_ok = False
        if stop_tok is not None and stop_tok.start >= s:
            st = stop_tok.text
            if st == "," or _is_quote(stop_tok) or st in _DASHES or st == "(":
                left_ok = True
                left_end = stop_tok.end if _is_quote(stop_tok) else stop_tok.start
                # '..." he said' where the comma sits before the quote mark
            elif stop_tok.low == "as":
                # "..., as a source told Sputnik" / "as Baker said, ..."
                k = toks.position(stop_tok) - 1
                if k >= 0 and toks[k].text in (",", "—", "–"):
                    left_ok = True
                    left_end = toks[k].start
                elif v[pos : pos + 2].startswith(","):
                    # "as X said, C": content follows
                    self.set_forward(hit, pos, e)
                    return
                else:
                    left_ok = k >= 0
                    left_end = stop_tok.start
        if left_ok:
            # (the number of words before, up to 3: the tests tell only 1 and >= 2 apart)
            left_words = len(v[s:left_end].split(None, 2))
            left_ok = (
                left_words >= 2
                or (
                    left_words == 1
                    and v[max(s, left_end - 3) : left_end].rstrip(" ,")[-1:] in _QUOTE_CHARS
                )
            ) and (hit.headline or self.backward_plausible(s, left_end))
        quote_open_after = rest_l[:1] in _QUOTE_CHARS or rest_l.startswith(("''", "``"))
        clause = fw in _WH or quote_open_after or rest.lstrip().startswith(":")
        adjunct_only = fw in _ADJUNCT or not rest_l.strip(" .!?\"”’'")
        # a comma right after the cue (or after its channel): '"A," he told X, "B."'
        gap = v[hit.cue_e : off]
        comma_after = "," in gap
        participle_next = fw in _CONTINUATION or (fw.endswith("ing") and fw in _CUE_FORMS)
        lemma = hit.lemma
        strong = False
        if clause or (
            lemma in _INTENTION and _TO_SOON.match(rest_l.lower() if hit.headline else rest_l)
        ):
            forward_ok = strong = True
        elif lemma in _CLAUSE_ONLY:
            forward_ok = (
                lemma in _BARE_CLAUSE
                and two_words_after
                and (not adjunct_only or not left_ok)
                and (hit.cls != "belief" or _CLAUSE_VERB.match(rest_l) is not None)
            )
        else:
            forward_ok = two_words_after and (not adjunct_only or not left_ok)
        if hit.headline and not forward_ok:
            forward_ok = two_words_after  # "Russia, Iran Agree Minsk Talks 'Efficient ...'"
        if hit.mode == "none":
            forward_ok = strong = False
        if strong:
            if (
                left_ok
                and comma_after
                and quote_open_after
                and _ends_with_quote(v[s:left_end].rstrip(" ,"))
            ):
                self.set_both(hit, s, e)  # split quotation: '"A," he said, "B."'
            else:
                self.set_forward(hit, off, e)
            return
        if (
            left_ok
            and comma_after
            and two_words_after
            and not participle_next
            and hit.cls in ("speech", "belief")
        ):
            self.set_both(hit, s, e)  # parenthetical: "The United States, X added, supports ..."
            return
        back_ok = left_ok and (hit.cls in ("speech", "according") or lemma in _BACKWARD_BELIEF)
        if back_ok and adjunct_only:
            # "A, the agency said in a June report, and B": content on both sides
            m = _ADJUNCT_THEN_MORE.match(rest_l)
            if m is not None and hit.cls == "speech":
                self.set_both(hit, s, e)
                return
        if (
            back_ok
            and (
                adjunct_only
                or not forward_ok
                or participle_next
                # after a quotation
                or (
                    _ends_with_quote(v[s:left_end].rstrip(" ,"))
                    and self.quoted_fraction(s, left_end) >= 0.5
                )
            )
        ):
            self.set_backward(hit, s, left_end)
            return
        if forward_ok:
            self.set_forward(hit, off, e)
            return
        if back_ok:
            self.set_backward(hit, s, left_end)

    def backward_plausible(self, s: int, left_end: int) -> bool:
        """Text before a cue is content only if it is a clause or a quotation, not an
        introductory phrase ("In the end, X agreed ...")."""
        seg = self.view[max(s, left_end - 400) : left_end].rstrip(" ,")
        if not seg:
            return False
        if seg[-1:] in _QUOTE_CHARS or seg.endswith(("''", "'", "’")):
            return True
        return _has_verb(seg)

    def skip_channel_after_subject(self, hit: _Hit, pos: int, e: int) -> None:
        m = _CHANNEL_RE.match(self.view, pos + 1 if pos < e and self.view[pos] == " " else pos, e)
        if m and not hit.via:
            hit.via = self._via_text(m.start(), m.end())

    def set_forward(self, hit: _Hit, start: int, e: int) -> None:
        v = self.view
        start, end = self.trim(start, e)
        if v[start : start + 5].lower() == "that ":
            start += 5
        if end <= start:
            return
        hit.direction = "forward"
        # a quote opened here and running past the sentence end
        q = self.quote_containing(start) or self.quote_containing(start + 1)
        if q is not None and q[1] > e and q[0] >= start - 2:
            end = q[1]
            hit.span_e = max(hit.span_e, self.sentence_end_at(q[1]))
        hit.content = (start, end)

    def sentence_end_at(self, pos: int) -> int:
        i = self.sentence_at(max(0, pos - 1))
        return max(self.sentences[i].end, pos)

    def set_backward(self, hit: _Hit, s: int, left_end: int) -> None:
        v = self.view
        start = s
        end = left_end
        # a quotation that closes right here: follow it back to its opening mark
        k = end
        while k > start and v[k - 1] in " ,":
            k -= 1
        q = self.quote_ending_at(k)
        if q is not None and q[0] < s:
            start = q[0]
            hit.span_s = self.sentences[self.sentence_at(q[0])].start
        else:
            start = self.strip_front(start, end)
        start, end = self.trim(start, end)
        if end - start < 3:
            return
        hit.direction = "backward"
        hit.content = (start, end)

    def set_both(self, hit: _Hit, s: int, e: int) -> None:
        start, end = self.trim(self.strip_front(s, e), e)
        q = self.quote_ending_at(hit.region_s - 1)
        if q is not None and q[0] < s:
            start = q[0]
            hit.span_s = self.sentences[self.sentence_at(q[0])].start
        if end - start < 3:
            return
        hit.direction = "both"
        hit.content = (start, end)

    def analyse_according(self, hit: _Hit, s: int, e: int) -> None:
        v = self.view
        np = self.np_right(hit.cue_e, e, appositive=False, pronoun_ok=True)
        if np is None:
            return
        hit.subj, hit.mode = np, "after"
        hit.region_s = hit.cue_s
        before = v[s : hit.cue_s]
        after_pos = np[1]
        rest = v[after_pos:e]
        lead = self.strip_front(s, hit.cue_s)
        has_before = len(_WORD.findall(v[lead : hit.cue_s])) >= 2
        has_after = len(_WORD.findall(rest)) >= 2
        if (
            has_before
            and has_after
            and before.rstrip().endswith(",")
            and rest.lstrip().startswith(",")
        ):
            self.set_both(hit, s, e)
        elif has_after and (not has_before or rest.lstrip().startswith(",")):
            self.set_forward(hit, after_pos, e)
            hit.coordinate = False
        elif has_before:
            hit.coordinate = True
            self.set_backward(hit, s, hit.cue_s)

    def analyse_passive(self, hit: _Hit, s: int, e: int) -> None:
        """ "The idea was initially proposed by Russian President Vladimir Putin": the
        by-agent is the speaker, the subject before the auxiliary is the content."""
        agent = self.np_right(hit.passive_by, e, appositive=False, pronoun_ok=True)
        if agent is None:
            return
        m = _AUX_BEFORE.search(self.view, max(s, hit.cue_s - 60), hit.cue_s)
        if m is None:
            return
        hit.subj, hit.mode = agent, "after"
        hit.region_s = s
        self.set_backward(hit, s, m.start())

    def analyse_noun(self, hit: _Hit, s: int, e: int) -> None:
        v = self.view
        toks = _tokens(v, max(s, hit.cue_s - 200), hit.cue_s)
        i = len(toks) - 1
        # skip adjectives: "his repeated claim that", "Trump's false claim that"
        k = i
        while (
            k >= 0
            and k > i - 3
            and toks[k].word
            and not toks[k].cap
            and not toks[k].low.endswith(("'s", "’s"))
            and toks[k].low not in _POSSESSIVES
            and toks[k].low not in _DETERMINERS
        ):
            k -= 1
        subj: tuple[int, int] | None = None
        if k >= 0:
            t = toks[k]
            if t.low in _POSSESSIVES:
                subj = (t.start, t.end)
            elif t.low.endswith(("'s", "’s")) and t.cap:
                span, _, _ = self.subject_left(toks, k)
                subj = span or (t.start, t.end)
        that = _THAT.search(v[hit.cue_e : min(e, hit.cue_e + 120)])
        if subj is None:
            m = _SOURCE_PREPOSITION.match(v[hit.cue_e : hit.cue_e + 8])
            if m and that is not None:
                np = self.np_right(hit.cue_e + m.end(), hit.cue_e + that.start(), appositive=False)
                if np is not None:
                    subj = np
        if subj is None or that is None:
            return
        hit.subj, hit.mode = subj, "before"
        hit.region_s = subj[0]
        self.set_forward(hit, hit.cue_e + that.end(), e)

    # ----------------------------------------------------------------- special forms

    def colon_hit(self, si: int) -> _Hit | None:
        """Transcript and headline form: "NAME: content" at the start of a paragraph."""
        sent = self.sentences[si]
        v = self.view
        if v.find(":", sent.start, sent.start + 80) < 0:
            return None
        ls, le = self.line_span(sent.start)
        if sent.start - ls > 3:
            return None
        m = _COLON_SPEAKER.match(v[sent.start : min(sent.end, sent.start + 80)])
        if not m:
            return None
        name = m.group(1)
        label = name.lower().rstrip(".")
        if label in _COLON_LABELS or name.split()[0].lower() in _COLON_LABELS:
            return None
        if len(name) > 60:
            return None
        ns = sent.start + m.start(1)
        ne = sent.start + m.end(1)
        hit = _Hit(ne, ne + 1, "colon", ":", si, subj=(ns, ne), mode="before")
        hit.span_s, hit.span_e = sent.start, sent.end
        content_s = ne + 1
        # the content runs to the end of the paragraph (line)
        end = le
        cs, ce = self.trim(content_s, end)
        if ce - cs < 3:
            return None
        hit.content = (cs, ce)
        hit.direction = "forward"
        hit.region_s = ns
        hit.span_e = self.sentence_end_at(ce)
        return hit

    def dash_hit(self, si: int) -> _Hit | None:
        """Epigraph form: '"..." ― Name' at the end of a line, and headline credits
        '... - Name'."""
        sent = self.sentences[si]
        v = self.view
        tail = max(sent.start, sent.end - 90)
        if _DASH_MARK.search(v, tail, sent.end) is None:
            return None  # no dash in the tail (a one-character scan, the quick test)
        if not _DASH_CHAR.search(v, tail, sent.end):
            return None
        m = _DASH_CREDIT.search(v, tail, sent.end)
        if not m:
            return None
        if not m.group("q") and sent.zone != "headline":
            return None
        ds = m.start("d")
        de = m.end("d")
        if v[ds].isspace():
            ds += 1
        ns, ne = m.start("n"), m.end("n")
        hit = _Hit(ds, de, "dash", v[ds:de].strip(), si, subj=(ns, ne), mode="after")
        hit.span_s, hit.span_e = sent.start, sent.end
        end = m.start("d")
        if m.group("q"):
            q = self.quote_ending_at(m.end("q"))
            start = q[0] if q is not None else sent.start
            end = m.end("q")
            if q is not None and q[0] < sent.start:
                hit.span_s = self.sentences[self.sentence_at(q[0])].start
        else:
            start = sent.start
        cs, ce = self.trim(start, end)
        if ce - cs < 3:
            return None
        hit.content = (cs, ce)
        hit.direction = "backward"
        hit.region_s = ds
        return hit

    def headline_title_cue(self, si: int) -> _Hit | None:
        """Title Case headline with a cue inside: "Baker Says Clarity Achieved"."""
        sent = self.sentences[si]
        v = self.view
        seg = v[sent.start : sent.end]
        for m in _CUE_RE_I.finditer(seg):
            if m.group("acc"):
                continue
            w = m.group("w").lower()
            if w not in _CUE_FORMS:
                continue
            if _CUE_FORMS[w][1] == "belief" and _CUE_FORMS[w][0] not in _INTENTION:
                continue
            ws = sent.start + m.start("w")
            left = v[sent.start : ws].strip()
            words = left.split()
            if not (1 <= len(words) <= 6) or left.endswith((",", ":")):
                continue
            if not all(
                x[:1].isupper() or x.lower() in ("of", "de", "and", "the", "&") for x in words
            ):
                continue
            hit = _Hit(ws, sent.start + m.end("w"), "speech", _CUE_FORMS[w][0], si)
            hit.subj = (
                sent.start + (len(seg) - len(seg.lstrip())),
                sent.start + len(v[sent.start : ws].rstrip()),
            )
            hit.mode = "before"
            hit.span_s, hit.span_e = sent.start, sent.end
            cs, ce = self.trim(hit.cue_e, sent.end)
            if ce - cs < 3:
                return None
            hit.content = (cs, ce)
            hit.direction = "forward"
            hit.region_s = hit.subj[0]
            return hit
        return None

    # ----------------------------------------------------------------- per sentence

    def title_case(self, sent: Sentence) -> bool:
        """A headline-style line in the body ("Obama Says Museum Will Tell ...")."""
        start, end = sent.start, sent.end
        v = self.view
        if end - start > 220 or not v[start : start + 1].isupper():
            return False
        # two lower-case content words make it a sentence (one search for both)
        if _TWO_LOWER_CONTENT_WORDS.search(v, start, end) is not None:
            return False
        n = len(_TITLE_WORD.findall(v, start, end))
        return 4 <= n <= 25

    def sentence_hits(self, si: int) -> list[_Hit]:
        """The analysed cues of sentence ``si`` that found a speaker and a content."""
        matches = self.cue_matches.get(si, ())
        headline = si in self.headline_like
        # (the quick tests of colon_hit and dash_hit, here too: most sentences fail them)
        sent = self.sentences[si]
        v = self.view
        colon = self.colon_hit(si) if v.find(":", sent.start, sent.start + 80) >= 0 else None
        dash = (
            self.dash_hit(si)
            if _DASH_MARK.search(v, max(sent.start, sent.end - 90), sent.end) is not None
            else None
        )
        if not matches and not headline:
            return [h for h in (colon, dash) if h is not None]
        if headline:
            hits = self.find_hits(si, True)
            done: list[_Hit] = []
            if dash is not None:
                return [dash]
            if colon is not None:
                return [colon]
            for idx, h in enumerate(hits):
                self.analyse(h, hits, idx)
                if (
                    h.content is not None
                    and h.subj is not None
                    and h.cls in ("speech", "according")
                ):
                    done.append(h)
            if done:
                return done[:1]
            title = self.headline_title_cue(si)
            return [title] if title is not None else []
        hits = self.find_hits(si, False)
        for idx, h in enumerate(hits):
            self.analyse(h, hits, idx)
        out = [h for h in hits if h.content is not None and h.subj is not None]
        # clip forward contents at the next coordinated cue
        for a, h in enumerate(out):
            if h.direction != "forward" or h.content is None:
                continue
            cs, ce = h.content
            for nxt in out[a + 1 :]:
                if nxt.cue_s <= cs:
                    continue
                if h.mode == "rel" and nxt.after_comma and cs < nxt.cue_s < ce:
                    # "X, who understood that A, told B": the relative clause ends
                    comma = self.view.rfind(",", cs, nxt.cue_s)
                    if comma > cs:
                        nxt.region_s = comma
                        nxt.coordinate = True
                if (
                    nxt.coordinate
                    and h.cls == "speech"
                    and nxt.cls == "belief"
                    and not nxt.after_comma
                    and _CLAUSE_VERB.match(self.view[cs : nxt.region_s]) is not None
                ):
                    continue  # "Police say he posed a threat and refused to ...": same clause
                if (
                    nxt.coordinate or (h.subordinate and nxt.after_comma)
                ) and cs < nxt.region_s < ce:
                    if not nxt.coordinate:
                        comma = self.view.rfind(",", cs, nxt.region_s)
                        nxt.region_s = comma if comma > cs else nxt.region_s
                    s2, e2 = self.trim(cs, nxt.region_s)
                    if e2 - s2 >= 3:
                        h.content = (s2, e2)
                    break
        if not NESTED_CLAIMS and len(out) > 1:
            # speech reported inside another claim's content ("X said Y believes Z")
            # (a lone claim is inside no other: the test below keeps it)
            kept: list[_Hit] = []
            for h in out:
                inner = any(
                    o is not h
                    and o.content is not None
                    and (
                        o.direction == "forward"
                        or (
                            NESTED_IN_BACKWARD
                            and o.direction == "backward"
                            and o.cls in _SPEECH_CLASSES
                            and not self.that_clause_of_name(h)
                        )
                    )
                    and o.content[0]
                    <= (h.subj[0] if h.subj and h.mode in ("before", "rel") else h.cue_s)
                    and h.cue_e <= o.content[1]
                    for o in out
                )
                if not inner:
                    kept.append(h)
            out = kept
        if colon is not None and colon.content is not None:
            out.insert(0, colon)
        if dash is not None:
            out.append(dash)
        return out

    def that_clause_of_name(self, h: _Hit) -> bool:
        """A named subject's cue with a "that" clause ("A and B agree that ..."):
        a claim of its own even inside another source's content, as it names who
        holds the view (a pronoun or an infinitive, "plans to", does not)."""
        if h.subj is None or h.mode != "before" or h.direction != "forward":
            return False
        if not _THAT_AFTER.match(self.view, h.cue_e):
            return False
        toks = _tokens(self.view, h.subj[0], h.subj[1])
        return _has_name(toks, 0, len(toks) - 1)

    # ----------------------------------------------------------------- claims

    def run(self) -> tuple[Claim, ...]:
        text = self.text
        drafts: list[_Draft] = []
        voiced: set[int] = set()  # sentences that carry (or continue) a claim
        reported: set[int] = set()  # sentences that report speech: no narration
        inside: set[int] = set()  # sentences swallowed by an earlier claim's content
        # sentence -> its start after the dateline and markers (``strip_front``,
        # found by ``note_subject`` and used again by the narration pass)
        fronts: dict[int, int] = {}
        # pass 1: cues, in text order (so the discourse history is in text order too)
        for si, sent in enumerate(self.sentences):
            if si in inside:
                continue
            kind: ClaimKind = "headline" if sent.zone == "headline" else "attributed"
            made = False
            for h in self.sentence_hits(si):
                if h.content is None or h.subj is None:
                    continue
                drafts.append(self.hit_fields(h, kind, sent, si))
                made = True
                if h.cls in _VOICE_CLASSES:
                    voiced.add(si)
                    cs, ce = h.content
                    first, last = self.sentence_at(cs), self.sentence_at(max(cs, ce - 1))
                    for k in range(first, last + 1):
                        voiced.add(k)
                        if h.cls in _SPEECH_CLASSES:
                            reported.add(k)
                        if k > si:
                            inside.add(k)
            if sent.zone == "headline" and not made:
                cs, ce = self.trim(sent.start, sent.end)
                drafts.append(self.outlet_fields("headline", sent, cs, ce, si))
            elif not made and sent.zone == "body":
                fronts[si] = self.note_subject(sent)
        # pass 2: quotations that run on after a claim (floating quotes)
        before = set(voiced)
        drafts.extend(self.floating(drafts, voiced))
        reported |= voiced - before
        # pass 3: narration, the outlet's own checkable sentences (beliefs,
        # intentions and evidence do not stop a sentence being the outlet's own:
        # "Russia, Iran and Turkey agreed to establish ..." is reported as fact)
        view = self.view
        for si, sent in enumerate(self.sentences):
            if sent.zone != "body" or si in reported:
                continue
            if self.quoted_fraction(sent.start, sent.end) >= 0.5:
                continue
            front = fronts.get(si)
            if front is None:
                front = self.strip_front(sent.start, sent.end)
            cs, ce = self.trim(front, sent.end)
            if ce - cs < 12 or not _checkable(view, cs, ce):
                continue
            drafts.append(self.outlet_fields("narration", sent, cs, ce, si))
        drafts.sort(key=_Draft.order)
        claims: list[Claim] = []
        seen: set[tuple[object, ...]] = set()
        for f in drafts:
            key = (f.kind, f.content_start, f.content_end, f.speaker_start, f.cue_start)
            if key in seen:
                continue
            seen.add(key)
            claims.append(self.make_claim(len(claims) + 1, f))
        del text
        return tuple(claims)

    def hit_fields(self, h: _Hit, kind: ClaimKind, sent: Sentence, si: int) -> _Draft:
        assert h.subj is not None and h.content is not None
        ss, se = h.subj
        res = self.resolve(h, self.text[ss:se], ss)
        ent = res.entity
        self.coref.note(ss, ent, speaker=True)
        cs, ce = h.content
        span_s = min(h.span_s, sent.start)
        return _Draft(
            kind,
            ent.name,
            ent.role,
            ent.type or "person",
            ss,
            se,
            h.cue_s,
            h.cue_e,
            h.via,
            self.quote_type(cs, ce),
            res.resolved,
            self.negated(cs, ce),
            cs,
            ce,
            span_s,
            max(h.span_e, sent.end),
            self.sentence_at(span_s),
            h.cls,
        )

    def note_subject(self, sent: Sentence) -> int:
        """Remember a sentence's capitalised subject, so a later "he" can refer to it
        (analysed lazily by coref, only if a pronoun asks). Returns where the sentence
        starts after its dateline and markers (``strip_front``)."""
        start = self.strip_front(sent.start, sent.end)
        m = _INITIAL_NAME.match(self.view, start, sent.end)
        if m is not None and m.group(1).lower() not in _DETERMINERS:
            self.coref.note_subject(m.start(), m.end())
        return start

    def leading_quotes(
        self, anchors: Sequence[_Draft], voiced: set[int], out: list[_Draft]
    ) -> None:
        """A quotation that opens a paragraph and is attributed only at the end of a
        later sentence ('"A." "B," X said.'): the claim's content starts at A."""
        by_start = sorted(anchors, key=lambda d: d.content_start)
        starts = [d.content_start for d in by_start]
        for si in range(len(self.sentences) - 1, -1, -1):
            sent = self.sentences[si]
            if si in voiced or sent.zone != "body":
                continue
            if self.quoted_fraction(sent.start, sent.end) < 0.75:
                continue
            k = bisect.bisect_left(starts, sent.end)
            if k >= len(by_start):
                continue
            anchor = by_start[k]
            a_start = anchor.content_start
            a_sent = self.sentence_at(a_start)
            if a_sent != si + 1 or self.line_of(a_start) != self.line_of(sent.start):
                continue
            if self.view[a_start : a_start + 2].lstrip()[:1] not in _QUOTE_CHARS:
                continue
            if a_start > self.sentences[a_sent].start + 2:
                continue
            cs, ce = self.trim(sent.start, sent.end)
            if FLOATING_CLAIMS:
                out.append(self.float_fields(anchor, cs, ce, sent.start, sent.end, si))
            else:
                anchor.content_start = cs
                anchor.sentence_start = min(anchor.sentence_start, sent.start)
                anchor.sentence_index = si
            starts[k] = cs
            voiced.add(si)

    def floating(self, drafts: Sequence[_Draft], voiced: set[int]) -> list[_Draft]:
        """Fully quoted sentences without a cue, right after an attributed claim in
        the same or the next paragraph: claims of their own with the inherited
        speaker and cue (``resolved=True``) when ``FLOATING_CLAIMS`` is on, else
        they extend that claim's content."""
        anchors = sorted(
            (d for d in drafts if d.kind == "attributed" and d.cls in _VOICE_CLASSES),
            key=lambda d: d.content_end,
        )
        ends = [d.content_end for d in anchors]
        out: list[_Draft] = []
        self.leading_quotes(anchors, voiced, out)
        for si, sent in enumerate(self.sentences):
            if si in voiced or sent.zone != "body":
                continue
            if self.quoted_fraction(sent.start, sent.end) < 0.75:
                continue
            k = bisect.bisect_right(ends, sent.start) - 1
            if k < 0:
                continue
            # prefer the nearest quoted claim of the same paragraph ('"A," X said after
            # Y was called to testify. "B."': B continues X, not the nested "called")
            line0 = self.line_of(sent.start)
            for j in range(k, max(-1, k - 4), -1):
                if self.line_of(max(anchors[j].content_end - 1, 0)) != line0:
                    break
                if anchors[j].quote in ("direct", "partial"):
                    k = j
                    break
            anchor = anchors[k]
            a_end = anchor.content_end
            a_line = self.line_of(max(a_end - 1, 0))
            line = self.line_of(sent.start)
            if line - a_line > 2 or not self.lines_between_empty(a_line, line):
                continue
            # nothing but blank space and attribution between the anchor and this sentence
            between = self.sentence_at(max(a_end - 1, 0)) + 1
            if any(b in voiced and b != si for b in range(between, si)) and between < si:
                continue
            cs, ce = self.trim(sent.start, sent.end)
            span_e = sent.end
            q = self.quote_containing(cs) or self.quote_containing(min(cs + 1, ce))
            if q is not None and q[1] > sent.end:
                ce = q[1]
                span_e = self.sentence_end_at(q[1])
            for b in range(si, self.sentence_at(max(ce - 1, si)) + 1):
                voiced.add(b)
            ends[k] = ce  # a further run-on sentence continues from here
            if FLOATING_CLAIMS:
                out.append(self.float_fields(anchor, cs, ce, sent.start, span_e, si))
            else:
                anchor.content_end = ce
                anchor.sentence_end = max(anchor.sentence_end, span_e)
        return out

    def float_fields(self, anchor: _Draft, cs: int, ce: int, ss: int, se: int, si: int) -> _Draft:
        """A run-on quotation as a claim of its own: the anchor's speaker, mention and
        cue, its own content and sentence, ``resolved=True``."""
        a = anchor
        return _Draft(
            a.kind,
            a.speaker_name,
            a.speaker_role,
            a.speaker_type,
            a.speaker_start,
            a.speaker_end,
            a.cue_start,
            a.cue_end,
            a.via,
            "direct",
            True,
            self.negated(cs, ce),
            cs,
            ce,
            ss,
            se,
            si,
            "float",
        )

    def lines_between_empty(self, a: int, b: int) -> bool:
        """True when the lines strictly between line ``a`` and line ``b`` are blank."""
        if b <= a + 1:
            return True
        v = self.view
        for line in range(a + 1, b):
            ls = self.newlines[line - 1] + 1 if line > 0 else 0
            le = self.newlines[line] if line < len(self.newlines) else len(v)
            if v[ls:le].strip():
                return False
        return True

    def outlet_fields(self, kind: ClaimKind, sent: Sentence, cs: int, ce: int, si: int) -> _Draft:
        outlet = self.article.outlet
        return _Draft(
            kind,
            outlet,
            "",
            "outlet",
            None,
            None,
            None,
            None,
            "",
            "none",
            False,
            self.negated(cs, ce),
            cs,
            ce,
            sent.start,
            sent.end,
            si,
            kind,
        )

    def resolve(self, hit: _Hit, mention: str, pos: int) -> Resolution:
        if hit.mode == "rel" and hit.antecedent is not None:
            a, b = hit.antecedent
            ent = self.coref.resolve(self.text[a:b], a)
            return Resolution(ent.entity, True)
        res = self.coref.resolve(mention, pos)
        if hit.inherited_from >= 0 or (hit.mode == "inherit" and hit.subj is not None):
            return Resolution(res.entity, res.resolved)
        return res

    def quote_type(self, cs: int, ce: int) -> QuoteType:
        v = self.view
        q = self.quote_containing(cs) or self.quote_containing(min(cs + 1, ce))
        if q is not None and q[0] <= cs + 1 and q[1] >= ce - 2:
            return "direct"
        qf = self.quoted_fraction(cs, ce)
        if qf >= 0.9:
            return "direct"
        if qf > 0:
            return "partial"
        # (a match opens with "‘": the character test is a quick "no")
        inner = v[cs:ce]
        if "‘" in inner and _PARTIAL_SINGLE.search(inner):
            return "partial"
        return "indirect"

    def negated(self, cs: int, ce: int) -> bool:
        """A negator in the content ("not", "no possibility", "won't"), outside the
        fixed phrases that do not negate ("not only", "no doubt")."""
        ce = min(ce, cs + 2000)  # a claim's polarity is decided near its start
        if not _has_negator(self.view, cs, ce):
            return False
        seg = _NEG_EXCEPT.sub(" ", self.view[cs:ce])
        return _has_negator(seg, 0, len(seg))

    def make_claim(self, n: int, f: _Draft) -> Claim:
        a = self.article
        text = self.text
        cs, ce = f.content_start, f.content_end
        # the sentence span always covers the content (a quotation running over
        # several sentences widens it to the sentences it spans)
        ss = min(f.sentence_start, cs)
        se = max(f.sentence_end, ce)
        sp_s = f.speaker_start
        sp_e = f.speaker_end
        cue_s = f.cue_start
        cue_e = f.cue_end
        # a mention's speaker and cue are the text at their offsets; the outlet
        # speaks without a mention
        speaker = text[sp_s:sp_e] if sp_s is not None and sp_e is not None else a.outlet
        cue = text[cue_s:cue_e] if cue_s is not None and cue_e is not None else ""
        stype = f.speaker_type
        # one string per span: claims of one sentence share it, and a content that is
        # its whole sentence is that string (a third of all claims): the claims hold
        # less text than the article twice over instead of 1.45 times it on top
        # (equal values: only memory and pickling see the difference)
        slices = self._slices
        content = slices.get((cs, ce))
        if content is None:
            content = slices[(cs, ce)] = text[cs:ce]
        sentence = slices.get((ss, se))
        if sentence is None:
            sentence = slices[(ss, se)] = text[ss:se]
        return _new_claim(
            (
                f"{a.id}:{n:03d}",  # (the fields in the order of _CLAIM_ARGS)
                a.id,
                f.kind,
                cs,
                ce,
                ss,
                se,
                content,
                sentence,
                a.outlet,
                a.published,
                a.date_source,
                speaker,
                f.speaker_name,
                f.speaker_role,
                stype if stype in _SPEAKER_TYPES else "",
                sp_s,
                sp_e,
                cue,
                cue_s,
                cue_e,
                f.via,
                f.quote,
                f.resolved,
                f.negated,
                f.sentence_index,
            )
        )


_SPEAKER_TYPES: frozenset[str] = frozenset(
    ("person", "organization", "document", "anonymous", "outlet")
)

# make_claim's fields of a ``Claim``, in the order it gives them (the others keep
# their defaults)
_CLAIM_ARGS = (
    "claim_id",
    "article_id",
    "kind",
    "content_start",
    "content_end",
    "sentence_start",
    "sentence_end",
    "content",
    "sentence",
    "outlet",
    "published",
    "date_source",
    "speaker",
    "speaker_name",
    "speaker_role",
    "speaker_type",
    "speaker_start",
    "speaker_end",
    "cue",
    "cue_start",
    "cue_end",
    "via",
    "quote",
    "resolved",
    "negated",
    "sentence_index",
)


# (a claim made as ``Claim(**dict(zip(_CLAIM_ARGS, values)))`` would make it, faster)
_new_claim = records.builder(Claim, _CLAIM_ARGS)


# cue classes that make a sentence reported speech (no narration claim for it)
_VOICE_CLASSES = frozenset(("speech", "according", "colon", "dash", "noun", "belief", "evidence"))
# cue classes that report someone's words: the sentence is not the outlet's narration
_SPEECH_CLASSES = frozenset(("speech", "according", "colon", "dash", "noun", "evidence"))
#: At most this many cue candidates are examined in one sentence (a real sentence
#: has a handful; the cap keeps pathological input, such as a megabyte without a
#: full stop, linear).
MAX_CUES_PER_SENTENCE = 40
#: Most phrases a coordinated subject keeps ("A, B and C told reporters").
MAX_CONJUNCTS = 4
#: Whether speech reported inside another claim's content is a claim of its own.
NESTED_CLAIMS = False
#: With NESTED_CLAIMS off, speech inside the content of a claim that precedes its
#: cue ("Clinton plans to visit ..., according to an aide") is dropped as well,
#: except a named subject's "that" clause ("A and B agree that ..., the ministry
#: said"; see ``_Extractor.that_clause_of_name``).
NESTED_IN_BACKWARD = True
#: Whether a run-on quotation also becomes a claim of its own (see ``floating``).
FLOATING_CLAIMS = True


class _Draft:
    """A claim before numbering: its fields, the offsets of its speaker mention and
    cue (None for the outlet's own claims) and the class of the cue that made it."""

    __slots__ = (
        "cls",
        "content_end",
        "content_start",
        "cue_end",
        "cue_start",
        "kind",
        "negated",
        "quote",
        "resolved",
        "sentence_end",
        "sentence_index",
        "sentence_start",
        "speaker_end",
        "speaker_name",
        "speaker_role",
        "speaker_start",
        "speaker_type",
        "via",
    )

    def __init__(
        self,
        kind: ClaimKind,
        speaker_name: str,
        speaker_role: str,
        speaker_type: str,
        speaker_start: int | None,
        speaker_end: int | None,
        cue_start: int | None,
        cue_end: int | None,
        via: str,
        quote: QuoteType,
        resolved: bool,
        negated: bool,
        content_start: int,
        content_end: int,
        sentence_start: int,
        sentence_end: int,
        sentence_index: int,
        cls: str,
    ) -> None:
        self.kind = kind
        self.speaker_name = speaker_name
        self.speaker_role = speaker_role
        self.speaker_type = speaker_type
        self.speaker_start = speaker_start
        self.speaker_end = speaker_end
        self.cue_start = cue_start
        self.cue_end = cue_end
        self.via = via
        self.quote = quote
        self.resolved = resolved
        self.negated = negated
        self.content_start = content_start
        self.content_end = content_end
        self.sentence_start = sentence_start
        self.sentence_end = sentence_end
        self.sentence_index = sentence_index
        self.cls = cls

    def order(self) -> tuple[int, int, int, str]:
        """Text order: sentence, content, cue (none first), kind."""
        cue = self.cue_start
        return (
            self.sentence_start,
            self.content_start,
            cue if cue is not None else -1,
            self.kind,
        )


def attribute(article: Article, sentences: Sequence[Sentence]) -> tuple[Claim, ...]:
    """Claims of one article, numbered in text order (``<article id>:001``...)."""
    if not sentences or not article.text:
        return ()
    return _Extractor(article, sentences).run()


__all__ = ["FLOATING_CLAIMS", "NESTED_CLAIMS", "attribute"]
