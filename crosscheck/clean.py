"""Clean: a normalised view of the text, zones (header, headline, body, boilerplate), and
the publication date and outlet when the metadata did not give them.

``clean(article)`` returns the article with

- ``view``: the text with a one-to-one character map applied (same length, so any
  offset found in the view is valid in the text): NBSP and the other Unicode spaces,
  tabs and zero-width characters become a plain space; CR becomes a space before LF
  and a LF on its own; vertical tab, form feed, NEL and the Unicode line/paragraph
  separators become LF.
- ``zones``: contiguous spans covering the whole text, each ``header`` (the ``date
  ...`` first line of a ``.txt``), ``headline`` (the article's own title), ``body`` or
  ``boilerplate``, with a ``reason`` naming the rule. The text is classified line by
  line (one line = one paragraph as scraped) with the general tables of
  ``crosscheck.rules.boilerplate``: photo credits and the caption lines around them,
  links to other stories, headlines of other stories and section sub-headings
  (short lines with no final punctuation), navigation lists, page widgets, lines in
  another script, stray counters. Blank lines join the zone before them.
- ``title``: the headline's text, when the metadata gave none.
- ``published`` / ``date_source="inferred"``: when no date is known, a date printed
  at the very top of the body ("Wed 05 Apr 2017 ...", "BEIRUT, Sept. 12, 2016
  (Reuters) -", a "Published: ..." line), never from captions or navigation.
- ``outlet``: when none is known, from a dateline ``CITY (Outlet) -``, a site credit
  ``- <Name> International|News|...``, or a news agency the article's own text names
  as the channel of an interview ("... told <Agency>").

Everything is linear in the text length: a constant number of compiled patterns per
line, and the expensive ones only on short lines.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence

from crosscheck.ingest import date_from_match
from crosscheck.records import Article, Zone, ZoneKind
from crosscheck.rules import boilerplate as bp
from crosscheck.rules import dates


def _has_any(s: str, literals: tuple[str, ...]) -> bool:
    """True when ``s`` contains one of ``literals``."""
    # a plain loop: any() over a generator is 2.5 times slower on these hot paths
    for lit in literals:  # noqa: SIM110
        if lit in s:
            return True
    return False


# --------------------------------------------------------------------------- view

# One-to-one map for the view: each of these becomes a plain space or a line feed.
_SPACE_CHARS = "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\u200b\u200c\u200d\u2060\ufeff"
_NEWLINE_CHARS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_VIEW_TABLE = str.maketrans(
    {**dict.fromkeys(_SPACE_CHARS, " "), **dict.fromkeys(_NEWLINE_CHARS, "\n")}
)
# The characters the view changes (a chain of ``in`` tests finds them twice as fast
# as a regex character class), and those of them in ASCII, enough for an ASCII text.
_ODD_CHARS = tuple("\r" + _SPACE_CHARS + _NEWLINE_CHARS)
_ODD_ASCII = tuple(c for c in _ODD_CHARS if c.isascii())
_LONE_CR = re.compile(r"\r(?!\n)")


def normalise_view(text: str) -> str:
    """The same-length normalised copy of ``text`` that stages match against."""
    if not _has_any(text, _ODD_ASCII if text.isascii() else _ODD_CHARS):
        return text
    view = text.translate(_VIEW_TABLE)
    if "\r" in view:
        view = _LONE_CR.sub("\n", view).replace("\r", " ")
    return view


# --------------------------------------------------------------------------- line shapes

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?"
# a line ending in a full date ("... on November 28, 2016.", "... Syria January 30, 2017")
_ENDS_WITH_DATE = re.compile(
    r"(?:"
    + _MONTH
    + r"[ \t]+\d{1,2}(?:st|nd|rd|th)?,?[ \t]+\d{4}|\d{1,2}[ \t]+"
    + _MONTH
    + r",?[ \t]+\d{4})[ \t]*[.)]?\Z"
)
_LATIN_LETTERS = r"A-Za-z\u00aa\u00b5\u00ba\u00c0-\u024f\u1e00-\u1eff"
# the blocks of the other scripts (Greek, Cyrillic, Armenian, Hebrew, Arabic, Indic,
# Georgian, CJK, Hangul...), by code point range
_OTHER_SCRIPTS = (
    "\u0370-\u03ff\u0400-\u052f\u0530-\u058f\u0590-\u05ff\u0600-\u06ff\u0700-\u1cff"
    "\u1f00-\u1fff\u2c00-\u2dff\u2e80-\u2fff\u3040-\u9fff\ua000-\ud7ff\uf900-\ufaff"
    "\ufb1d-\ufdff\ufe70-\ufefe"
)
_NON_LATIN_LETTER = re.compile("[" + _OTHER_SCRIPTS + "]")
_NON_LATIN_RUN = re.compile("[" + _OTHER_SCRIPTS + "]+")
_LATIN_RUN = re.compile(r"[" + _LATIN_LETTERS + r"]+")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_BULLET = re.compile(r"[\u2022\u25cf\u25aa\u25e6\u2023\u2043*\-\u2013\u2014\u00b7][ \t]+\w")
_TRAILING_NAME = re.compile(r"[ \t][-\u2013\u2014][ \t]+(?:[A-Z][\w.'\u2019]*[ \t]?){1,4}\Z")
_SITE_SUFFIXES = frozenset(
    ("International", "News", "Agency", "Online", "Media", "Newswire", "Wire", "TV", "Network")
)
_CLOSERS = "\"'\u201d\u2019\u00bb)]"
_SENTENCE_END = frozenset(".!?;:,\u2026")
_LINE_HEAD = 200  # characters of a line the anchored patterns look at

_AGENCY_CHANNEL = re.compile(
    bp.AGENCY_CHANNEL_VERBS
    + r"[ \t]+(?:the[ \t]+)?(?P<agency>"
    + "|".join(re.escape(a) for a in sorted(bp.NEWS_AGENCIES, key=len, reverse=True))
    + r")(?![\w-])"
)


def _word_count(s: str) -> int:
    """Words in a stripped line (approximate, by spaces, for long lines)."""
    if len(s) > bp.SHORT_LINE_CHARS:
        return s.count(" ") + 1
    return len(s.split())


def _ends_sentence(s: str) -> bool:
    """True when the line ends like a sentence (final punctuation, maybe inside quotes)."""
    i = len(s) - 1
    last = s[i]
    if last in _SENTENCE_END:
        return True
    if last in _CLOSERS:
        # "... said." / "... real”." : punctuation just inside the closing quotes
        stop = max(0, i - 4)
        while i > stop and s[i] in _CLOSERS:
            i -= 1
        return s[i] in _SENTENCE_END
    return False


def _title_case_ratio(s: str) -> float:
    """Share of the non-small words that start with a capital letter or a digit."""
    caps = total = 0
    for n, raw in enumerate(s.split()):
        w = raw.strip("\"'\u2018\u2019\u201c\u201d()[],.:;!?-\u2013\u2014")
        if not w or not (w[0].isalnum()):
            continue
        if n > 0 and w.lower() in bp.TITLE_SMALL_WORDS:
            continue
        total += 1
        if w[0].isupper() or w[0].isdigit():
            caps += 1
    return caps / total if total else 0.0


def _starts_capitalised(s: str) -> bool:
    for ch in s[:10]:
        if ch.isalpha():
            return ch.isupper()
        if ch.isdigit():
            return True
    return False


def _starts_lowercase(s: str) -> bool:
    return bool(s) and s[0].islower()


# --------------------------------------------------------------------------- classification


@dataclasses.dataclass(slots=True)
class _Lines:
    """The lines of the view with what has been decided about each."""

    starts: list[int]
    ends: list[int]  # end of the line's content (before the LF)
    texts: list[str]  # stripped content
    words: list[int]
    kind: list[str]  # "" (undecided), header, headline, body, boilerplate
    reason: list[str]


def _split(view: str) -> _Lines:
    starts: list[int] = []
    ends: list[int] = []
    texts: list[str] = []
    pos = 0
    for raw in view.split("\n"):
        starts.append(pos)
        end = pos + len(raw)
        ends.append(end)
        texts.append(raw.strip())
        pos = end + 1
    n = len(starts)
    return _Lines(starts, ends, texts, [0] * n, [""] * n, [""] * n)


# Cheap literal pre-tests (on the lower-cased line) guarding the searching patterns:
# a line is searched only when it contains one of the literals. A chain of ``in``
# tests is several times faster than one regex search for an alternation of literals.
_PROMO_HINTS = (
    "newsletter",
    "inbox",
    "sign up",
    "privacy",
    "terms of",
    "rights reserved",
    "click here",
    "download",
    "notifications",
    "journalism",
    "become a",
)
_CREDIT_HINTS = ("photo", "image", "picture", "credit")
_LINK_END_HINT = re.compile("read more|continue reading|full story")
_DIGIT = re.compile(r"\d")
# The punctuation stripped around a line before it is compared with bp.WIDGET_LINES.
_WIDGET_STRIP = " .:;,!?|\u2022\u00b7>\u00bb\u2026-\u2013\u2014()[]"
# No line with more words than this can be one of bp.WIDGET_LINES.
_WIDGET_MAX_WORDS = max(len(w.split()) for w in bp.WIDGET_LINES)


def _intrinsic(s: str, nw: int) -> str:
    """The boilerplate rule a line matches on its own, or ''.

    ``s`` is a stripped non-blank line and ``nw`` its ``_word_count``. Cheap tests
    guard the searching patterns: a long paragraph that ends like a sentence costs
    two anchored matches.
    """
    n = len(s)
    head = s[:_LINE_HEAD]
    if n > bp.SHORT_LINE_CHARS:
        if nw > bp.CAPTION_MAX_WORDS:
            return ""
        if bp.CREDIT_START.match(head):
            return "credit"
        if bp.LINK_START.match(head):
            return "link"
        if _ends_sentence(s):
            return ""
        tail = s[-_LINE_HEAD:]
        low_tail = tail.lower()
        if _has_any(low_tail, _CREDIT_HINTS) and bp.CREDIT_END.search(tail):
            return "credit"
        if s.rsplit(None, 1)[-1] in _SITE_SUFFIXES and bp.TRAILING_SITE_CREDIT.search(tail):
            return "site-credit"
        return ""
    # a separator has no word character (\w: alphanumeric or "_"), so a line that
    # starts with a letter or digit, as prose does, is not one
    if not s[0].isalnum() and bp.SEPARATOR_LINE.match(s):
        return "separator"
    if n <= 20 and bp.COUNTER_LINE.match(s) and _DIGIT.search(s):
        return "counter"
    if bp.CREDIT_START.match(head):
        return "credit"
    low = s.lower()
    core = low.strip(_WIDGET_STRIP)
    # ``nw`` is the line's word count (exact on a short line) and lower-casing keeps
    # the words (no character's lower case is or holds whitespace, and whitespace
    # stays itself), so at most len(low) - len(core) whole words were stripped off
    # ``core``: a line with more words than any widget line is not one, unsplit.
    if (
        nw - (len(low) - len(core)) <= _WIDGET_MAX_WORDS
        and " ".join(core.split()) in bp.WIDGET_LINES
    ):
        return "widget"
    if bp.WIDGET_PATTERN.match(s) or (s[0] == "B" and bp.BYLINE.match(s)):
        return "widget"
    if nw <= 30 and _has_any(low, _PROMO_HINTS) and bp.PROMO_PHRASES.search(s):
        return "widget"
    ends_sentence = _ends_sentence(s)
    credit_hint: bool | None = None  # _has_any(low, _CREDIT_HINTS), computed once if needed
    if nw <= bp.SHORT_CREDIT_WORDS:
        if "\u00a9" in s:
            if bp.CREDIT_ANYWHERE.search(s):
                return "credit"
        else:
            credit_hint = _has_any(low, _CREDIT_HINTS)
            if credit_hint and bp.CREDIT_ANYWHERE.search(s):
                return "credit"
        if (
            not ends_sentence
            and (
                _has_any(s, bp.CREDIT_UNPUNCTUATED_HINTS)
                or _has_any(low, bp.CREDIT_UNPUNCTUATED_HINTS_LOWER)
            )
            and bp.CREDIT_UNPUNCTUATED.search(s)
        ):
            return "credit"
    if nw <= 30 and _LINK_END_HINT.search(low, max(0, n - 30)) and bp.LINK_END.search(s):
        return "link"
    if bp.LINK_START.match(head):
        return "link"
    if ends_sentence and s[-1] != ")":
        return ""
    if credit_hint is None:
        credit_hint = _has_any(low, _CREDIT_HINTS)
    if credit_hint and bp.CREDIT_END.search(s):
        return "credit"
    if s.rsplit(None, 1)[-1] in _SITE_SUFFIXES and bp.TRAILING_SITE_CREDIT.search(s):
        return "site-credit"
    if (s[-1].isdigit() or low.endswith("ago")) and bp.NAV_ITEM_END.search(s):
        return "nav-item"
    if n <= _LINE_HEAD and dates.DATE_ONLY_LINE.match(s):
        return "date-line"
    return ""


def _mark_other_script(view: str, lines: _Lines) -> None:
    """Lines mostly in another script than the article (Cyrillic in English...)."""
    if view.isascii() or _NON_LATIN_LETTER.search(view) is None:
        return
    latin_total = sum(m.end() - m.start() for m in _LATIN_RUN.finditer(view))
    foreign_total = sum(m.end() - m.start() for m in _NON_LATIN_RUN.finditer(view))
    if latin_total < foreign_total:
        return  # not a Latin-script article: leave its lines alone
    counts: dict[int, int] = {}
    for m in _NON_LATIN_RUN.finditer(view):
        i = bisect.bisect_right(lines.starts, m.start()) - 1
        counts[i] = counts.get(i, 0) + m.end() - m.start()
    for i in sorted(counts):
        foreign = counts[i]
        if foreign < bp.OTHER_SCRIPT_MIN_LETTERS or lines.kind[i]:
            continue
        s = lines.texts[i]
        latin = sum(m.end() - m.start() for m in _LATIN_RUN.finditer(s))
        if foreign > latin:
            lines.kind[i] = "boilerplate"
            lines.reason[i] = "other-script"


def _mark_navigation(lines: _Lines, order: list[int]) -> None:
    """Runs of date-ending link lines (with lone separators between) are navigation."""
    run: list[int] = []

    def close() -> None:
        items = [i for i in run if lines.reason[i] == "nav-item"]
        if len(items) >= bp.NAV_MIN_ITEMS:
            for i in items:
                lines.kind[i] = "boilerplate"
                lines.reason[i] = "navigation"
        else:
            for i in items:
                lines.kind[i] = ""
                lines.reason[i] = ""
        run.clear()

    for i in order:
        r = lines.reason[i]
        if r == "nav-item":
            run.append(i)
        elif r == "separator" and run:
            continue
        elif run:
            close()
    if run:
        close()


def _heading_like(s: str, nw: int) -> bool:
    """A short line with no final punctuation: a heading, a title, a label."""
    return (
        1 <= nw <= bp.HEADING_MAX_WORDS
        and not _ends_sentence(s)
        and _HAS_LETTER.search(s) is not None
    )


def _headline_like(s: str, nw: int) -> bool:
    if not (2 <= nw <= bp.HEADLINE_MAX_WORDS) or len(s) > 250 or not _starts_capitalised(s):
        return False
    if _ENDS_WITH_DATE.search(s) or bp.DATELINE_OUTLET.match(s[:_LINE_HEAD]):
        return False
    if not _ends_sentence(s):
        return True
    if s[-1] in "?!":
        return True
    # "Stealth Over Health: Title Case Headline." (a title with a full stop added)
    return s[-1] == "." and _title_case_ratio(s) >= 0.75


def _caption_like_strict(s: str, nw: int) -> bool:
    return nw <= bp.CAPTION_MAX_WORDS and (
        _ENDS_WITH_DATE.search(s[-60:]) is not None or bp.CAPTION_CUES.search(s) is not None
    )


def _caption_like_loose(s: str, nw: int) -> bool:
    return nw <= bp.CAPTION_MAX_WORDS and (
        not _ends_sentence(s) or bp.CAPTION_CUES.search(s) is not None
    )


def _similar_title(s: str, title: str) -> bool:
    a = {w.lower().strip(".,:;!?\"'\u2018\u2019\u201c\u201d") for w in s.split()}
    b = {w.lower().strip(".,:;!?\"'\u2018\u2019\u201c\u201d") for w in title.split()}
    a.discard("")
    b.discard("")
    return bool(a and b) and len(a & b) >= 0.6 * min(len(a), len(b))


def _find_headline(
    view: str, lines: _Lines, order: list[int], title: str
) -> tuple[int, tuple[int, int] | None]:
    """(headline line index or -1, intra-line headline span or None)."""
    candidates = [i for i in order if not lines.kind[i]][: bp.HEADLINE_SEARCH_LINES]
    if title:
        window = view[: len(title) + 400]
        pos = window.find(title)
        if pos < 0:
            folded = " ".join(title.split())
            pos = window.find(folded) if folded != title else -1
            title = folded
        i = bisect.bisect_right(lines.starts, pos) - 1 if pos >= 0 else -1
        if i >= 0:
            # the title counts only near the start of a line (after at most a short
            # date prefix, "Wed 05 Apr 2017 <title>"), and only if it is two words or more
            prefix = view[lines.starts[i] : pos].lstrip()
            long_prefix = len(prefix) > bp.TITLE_PREFIX_CHARS
            if long_prefix and _all_debris(view, lines.starts[i], pos):
                long_prefix = False  # "Posted on April 2 2017 by Jane Doe <title>"
            if long_prefix or len(title.split()) < 2:
                pos = -1
        if pos >= 0:
            s = lines.texts[i]
            rest = s.replace(title, "", 1).strip(" .:;!?-\u2013\u2014|")
            if not rest and not lines.kind[i]:
                lines.kind[i] = "headline"
                lines.reason[i] = "metadata title"
                return i, None
            end = pos + len(title)
            while end < lines.ends[i] and view[end] in ".:!?":
                end += 1
            return -1, (pos, end)
        if candidates:
            i = candidates[0]
            s = lines.texts[i]
            continued = i + 1 < len(lines.texts) and _starts_lowercase(lines.texts[i + 1])
            if _headline_like(s, lines.words[i]) and _similar_title(s, title) and not continued:
                lines.kind[i] = "headline"
                lines.reason[i] = "first title line (like the metadata title)"
                return i, None
        return -1, None
    pending: list[int] = []
    for i in candidates:
        s = lines.texts[i]
        nw = lines.words[i]
        continued = i + 1 < len(lines.texts) and _starts_lowercase(lines.texts[i + 1])
        if _headline_like(s, nw) and not continued:
            lines.kind[i] = "headline"
            lines.reason[i] = "first title line"
            for j in pending:
                lines.kind[j] = "boilerplate"
                lines.reason[j] = "caption"
            return i, None
        if _caption_like_strict(s, nw):
            pending.append(i)
            continue
        break
    return -1, None


def _prev_nonblank(lines: _Lines, i: int) -> int:
    i -= 1
    while i >= 0 and not lines.texts[i]:
        i -= 1
    return i


def _next_nonblank(lines: _Lines, i: int) -> int:
    i += 1
    n = len(lines.texts)
    while i < n and not lines.texts[i]:
        i += 1
    return i if i < n else -1


def _mark_around_credits(lines: _Lines, headline: int) -> None:
    """Caption lines just above a credit; a title line just below is another story's."""
    credits = [i for i, r in enumerate(lines.reason) if r in ("credit", "site-credit")]
    for c in credits:
        credit = lines.texts[c]
        # a bare credit ("(c) AGENCY / Name") has its caption above it; a credit that
        # carries its caption ("Image copyright X Image caption ...") does not
        bare = lines.words[c] <= bp.BARE_CREDIT_WORDS and "caption" not in credit.lower()
        if lines.reason[c] == "credit" and bare:
            j = _prev_nonblank(lines, c)
            if j >= 0 and not lines.kind[j] and j != headline:
                s = lines.texts[j]
                if _caption_like_loose(s, lines.words[j]):
                    lines.kind[j] = "boilerplate"
                    lines.reason[j] = "caption"
        k = c
        for _ in range(4):
            k = _next_nonblank(lines, k)
            if k < 0 or lines.kind[k] != "boilerplate":
                break
        if (
            k >= 0
            and not lines.kind[k]
            and k != headline
            and _heading_like(lines.texts[k], lines.words[k])
        ):
            lines.kind[k] = "boilerplate"
            lines.reason[k] = "linked headline"


def _wrapped(lines: _Lines, order: list[int]) -> bool:
    """Hard-wrapped text (paragraphs broken into lines): unpunctuated lines are not headings."""
    undecided = [i for i in order if not lines.kind[i]]
    if len(undecided) < 8:
        return False
    joined = 0
    for i in undecided:
        nxt = i + 1
        if nxt < len(lines.texts) and lines.texts[nxt] and not _ends_sentence(lines.texts[i]):
            joined += 1
    return joined >= 0.5 * len(undecided)


def _classify(view: str, title: str) -> tuple[_Lines, int, tuple[int, int] | None]:
    lines = _split(view)
    texts = lines.texts
    n = len(texts)
    # header
    if n and dates.HEADER_LINE.match(texts[0][:_LINE_HEAD]) and len(texts[0]) <= _LINE_HEAD:
        lines.kind[0] = "header"
        lines.reason[0] = "date header"
    # one pass over the non-blank lines: word counts and the rules of each line alone
    order: list[int] = []
    words, kinds, reasons = lines.words, lines.kind, lines.reason
    for i, s in enumerate(texts):
        if not s:
            continue
        order.append(i)
        nw = len(s.split()) if len(s) <= bp.SHORT_LINE_CHARS else s.count(" ") + 1  # _word_count
        words[i] = nw
        if kinds[i]:
            continue
        r = _intrinsic(s, nw)
        if r:
            reasons[i] = r
            if r != "nav-item":
                kinds[i] = "boilerplate"
    _mark_navigation(lines, order)
    _mark_other_script(view, lines)
    headline, span = _find_headline(view, lines, order, title)
    _mark_around_credits(lines, headline)
    wrapped = _wrapped(lines, order)
    prev = -1  # the previous non-blank line
    list_state = ""  # "intro": prev is body ending with ':'; "item": prev is an item of that list
    for i in order:
        if lines.kind[i]:
            prev, list_state = i, ""
            continue
        s = texts[i]
        nw = lines.words[i]
        heading = _heading_like(s, nw)
        in_list = (list_state == "intro" and i - prev <= 2) or (
            list_state == "item" and i - prev == 1
        )
        prev = i
        if heading and in_list:
            # an item of a list introduced by "... the following:"
            lines.kind[i] = "body"
            list_state = "item"
            continue
        list_state = ""
        if (
            heading
            and (nw <= bp.SUBHEADING_MAX_WORDS or _title_case_ratio(s) >= 0.75)
            and _starts_capitalised(s)
            and not _BULLET.match(s)
            and not bp.DATELINE_OUTLET.match(s[:_LINE_HEAD])
            and not (i + 1 < n and _starts_lowercase(texts[i + 1]))
        ):
            isolated = (i == 0 or not texts[i - 1]) and (i + 1 >= n or not texts[i + 1])
            if not wrapped or isolated:
                lines.kind[i] = "boilerplate"
                tail = _TRAILING_NAME.search(s[-80:])
                lines.reason[i] = (
                    "linked headline" if tail and _title_case_ratio(s) >= 0.75 else "subheading"
                )
                continue
        lines.kind[i] = "body"
        if s.endswith(":"):
            list_state = "intro"
    return lines, headline, span


def _zones(lines: _Lines, total: int, span: tuple[int, int] | None) -> tuple[Zone, ...]:
    if total == 0:
        return ()
    # A zone starts at each non-blank line whose kind and reason differ from those of
    # the non-blank line before it, and ends where the next zone starts: blank lines
    # join the zone before them, leading blank lines the first zone.
    heads: list[tuple[str, str, int]] = []  # (kind, reason, start)
    kinds = lines.kind
    reasons = lines.reason
    starts = lines.starts
    current_kind = current_reason = ""
    for i, s in enumerate(lines.texts):
        if not s:
            continue
        kind = kinds[i] or "body"
        reason = reasons[i] if kind != "body" else ""
        if kind != current_kind or reason != current_reason:
            heads.append((kind, reason, starts[i]))
            current_kind, current_reason = kind, reason
    if not heads:
        return (Zone("body", 0, total, ""),)
    bounds = [0, *(start for _, _, start in heads[1:]), total]
    zones = [
        Zone(kind, bounds[j], bounds[j + 1], reason)  # type: ignore[arg-type]
        for j, (kind, reason, _) in enumerate(heads)
    ]
    if span is not None:
        zones = _overlay(zones, span[0], span[1], "headline", "metadata title")
    return tuple(zones)


def _overlay(
    zones: Sequence[Zone], start: int, end: int, kind: ZoneKind, reason: str
) -> list[Zone]:
    out: list[Zone] = []
    for z in zones:
        if z.end <= start or z.start >= end:
            out.append(z)
            continue
        if z.start < start:
            out.append(Zone(z.kind, z.start, start, z.reason))
        if not out or out[-1].kind != kind or out[-1].start != start:
            out.append(Zone(kind, start, end, reason))
        if z.end > end:
            out.append(Zone(z.kind, end, z.end, z.reason))
    return out


# --------------------------------------------------------------------------- glued debris

_AGENCY_NAMES = "|".join(re.escape(a) for a in sorted(bp.NEWS_AGENCIES, key=len, reverse=True))
_AGENCY_WORD = re.compile(r"(?:" + _AGENCY_NAMES + r")(?![\w-])")
_PAREN_AGENCY = re.compile(r"\((?:" + _AGENCY_NAMES + r")\)")
# where page furniture glued after a headline starts: "<title> AFP Friday 2 May 2014",
# "<title> Friday 15 Aug 2014 Print Tweet", "<title> AFP Print Tweet"
_GLUED_START = re.compile(
    r"[ \t](?=(?:(?:"
    + _AGENCY_NAMES
    + r")[ \t]+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?,?[ \t]+\d|Print[ \t]+Tweet|Get[ \t]+short[ \t]+URL))"
)
_COUNTER = re.compile(r"[ \t]+(\d{1,7})(?![\w.,])")
_TOKEN = re.compile(r"\S+")
_TOKEN_STRIP = "\"'\u2018\u2019\u201c\u201d()[],;:"
_RUNNING_TEXT_START = "\"'\u2018\u201c("
# pieces that are page furniture whatever follows them
_STRONG_PIECES = frozenset(("publication-date", "share-widget"))
# a zone cut out of a line: (start, end, kind, reason)
_Cut = tuple[int, int, ZoneKind, str]


def _skip_blanks(view: str, pos: int, limit: int) -> int:
    while pos < limit and view[pos] in " \t":
        pos += 1
    return pos


def _counters(view: str, pos: int, limit: int, labelled: bool) -> int:
    """The counters after a share bar ("Get short URL 0 85"), not a number opening the lead.

    ``labelled``: the bar ends with a "Views" label, so its first number is a counter.
    """
    nums: list[re.Match[str]] = []
    p = pos
    while len(nums) < 6:
        m = _COUNTER.match(view, p, limit)
        if m is None:
            break
        nums.append(m)
        p = m.end()
    if not nums:
        return pos
    last = nums[-1]
    nxt = _TOKEN.match(view, _skip_blanks(view, last.end(), limit), limit)
    word = nxt.group().strip(_TOKEN_STRIP) if nxt else ""
    if last.group(1) == "0" or not word or word in bp.LEAD_OPENERS:
        return last.end()
    # "Get short URL 0 85 12 people were ...": the last number belongs to the lead
    if len(nums) > 1:
        return nums[-2].end()
    return last.end() if labelled else pos


def _byline_end(view: str, m: re.Match[str]) -> int:
    """End of a stamp byline, before a word that opens the lead ("by Jane Doe At least")."""
    end = m.start()
    for i, t in enumerate(_TOKEN.finditer(view, m.start(), m.end())):
        if i >= 2 and t.group() in bp.LEAD_OPENERS:
            break
        if i >= 1:
            end = t.end()  # token 0 is "by": keep it only with a name after it
    return end


def _debris_piece(view: str, q: int, limit: int, loose: bool) -> tuple[int, str]:
    """End and rule of one piece of glued page furniture at ``q`` ((q, '') if none)."""
    m = bp.LEAD_STAMP.match(view, q, limit)
    if m:
        end = m.end()
        b = bp.STAMP_BYLINE.match(view, end, limit)
        if b:
            end = max(end, _byline_end(view, b))
        return end, "publication-date"
    m = bp.LEAD_DATE.match(view, q, limit)
    if m:
        return m.end(), "date-line"
    m = bp.SHARE_RUN.match(view, q, limit)
    if m:
        return _counters(view, m.end(), limit, m.group("views") is not None), "share-widget"
    m = bp.AGENCIES_CREDIT.match(view, q, limit) or _PAREN_AGENCY.match(view, q, limit)
    if m:
        return m.end(), "agency-credit"
    m = _AGENCY_WORD.match(view, q, limit)
    if m and m.end() < limit and view[m.end()] in " \t":
        nxt = _skip_blanks(view, m.end(), limit)
        if nxt < limit and (
            bp.LEAD_DATE.match(view, nxt, limit)
            or bp.SHARE_RUN.match(view, nxt, limit)
            or (loose and view[nxt].isupper())
        ):
            return m.end(), "agency-credit"
    if loose:
        m = bp.PHOTO_CREDIT.match(view, q, limit)
        if m:
            return m.end(), "credit"
    return q, ""


def _debris_run(view: str, pos: int, limit: int, loose: bool) -> tuple[int, str]:
    """End of the run of glued furniture from ``pos`` (``pos`` if none) and its first rule.

    ``loose``: right after a headline, where a bare agency name or a photo credit is
    a credit too. A run counts only when running text (or the end of the line) follows.
    """
    p = pos
    reason = ""
    strong = False  # a stamp, a share bar or a dated agency credit: furniture for sure
    for _ in range(8):
        q = _skip_blanks(view, p, limit)
        end, r = _debris_piece(view, q, limit, loose or p > pos)
        if end <= q:
            break
        strong = strong or r in _STRONG_PIECES or (r == "agency-credit" and reason == "")
        reason = reason or r
        p = end
    if p == pos:
        return pos, ""
    q = _skip_blanks(view, p, limit)
    if (
        q < limit
        and not strong
        and not (view[q].isupper() or view[q].isdigit() or view[q] in _RUNNING_TEXT_START)
    ):
        return pos, ""
    return p, reason


def _all_debris(view: str, start: int, end: int) -> bool:
    """True when ``view[start:end]`` is only glued furniture ("Posted on ... by Name ")."""
    start = _skip_blanks(view, start, end)
    if start >= end:
        return True
    run, _ = _debris_run(view, start, end, False)
    return run > start and _skip_blanks(view, run, end) >= end


def _tag_block(view: str, pos: int, limit: int) -> int:
    """End of a tag list whose words start at ``pos``: where the running text starts
    again, the end of its sentence, or the end of the line; -1 when unsure."""
    toks: list[re.Match[str]] = []
    first_stop = -1
    for m in _TOKEN.finditer(view, pos, limit):
        i = len(toks)
        toks.append(m)
        if i > bp.TAG_MAX_WORDS or (first_stop >= 0 and i > first_stop + 4):
            break
        raw = m.group()
        word = raw.strip(_TOKEN_STRIP + ".!?")
        if i >= 1 and word in bp.LEAD_OPENERS:
            return m.start()
        if i >= 1 and first_stop < 0 and word[:1].isdigit() and i + 1 < bp.TAG_MAX_WORDS:
            nxt = _TOKEN.match(view, _skip_blanks(view, m.end(), limit), limit)
            if nxt and nxt.group()[:1].islower():
                return m.start()
        if first_stop < 0 and word in bp.TAG_STOP_WORDS:
            first_stop = i
        if raw[-1] in ".!?" and first_stop < 0:
            return m.end()
        if raw[-1] in ".!?":
            break
    else:
        if first_stop < 0:
            return limit if toks and len(toks) <= bp.TAG_MAX_WORDS else -1
    if first_stop < 1:
        return -1
    for j in range(first_stop - 1, 0, -1):
        if toks[j].group()[:1].isupper():
            return toks[j].start()
    return -1


def _first_body_line(lines: _Lines) -> int:
    seen = 0
    for i, s in enumerate(lines.texts):
        if not s:
            continue
        if lines.kind[i] == "body":
            return i
        seen += 1
        if seen >= bp.HEADLINE_SEARCH_LINES:
            break
    return -1


def _glued_debris(
    view: str, lines: _Lines, headline: int, span: tuple[int, int] | None
) -> tuple[list[_Cut], tuple[int, int] | None]:
    """Page furniture glued into body lines, and a headline found glued before it."""
    cuts: list[_Cut] = []
    found: tuple[int, int] | None = None
    i = _first_body_line(lines)
    if i >= 0:
        ls = _skip_blanks(view, lines.starts[i], lines.ends[i])
        le = lines.ends[i]
        limit = min(le, ls + bp.LEAD_DEBRIS_CHARS)
        if span is not None and ls <= span[0] < le:
            if span[0] > ls and _all_debris(view, ls, span[0]):
                run, reason = _debris_run(view, ls, span[0], False)
                cuts.append((ls, run, "boilerplate", reason))
            p = _skip_blanks(view, span[1], le)
            run, reason = _debris_run(view, p, min(le, p + bp.LEAD_DEBRIS_CHARS), True)
            if run > p:
                cuts.append((p, run, "boilerplate", reason))
            else:
                # the end of a title cut short in the metadata: "<title> NGO AFP Monday ..."
                g = _GLUED_START.search(view, p, min(le, p + bp.TITLE_TAIL_CHARS))
                tail = view[p : g.start()] if g is not None else ""
                if g is not None and g.start() > p and not _ends_sentence(tail):
                    q = g.end()
                    run, reason = _debris_run(view, q, min(le, q + bp.LEAD_DEBRIS_CHARS), True)
                    if run > q:
                        cuts.append((span[1], g.start(), "headline", "metadata title"))
                        cuts.append((q, run, "boilerplate", reason))
        else:
            run, reason = _debris_run(view, ls, limit, False)
            if run > ls:
                cuts.append((ls, run, "boilerplate", reason))
            p = _skip_blanks(view, run, limit)
            g = _GLUED_START.search(view, p, limit)
            if g is not None and headline < 0:
                q = g.end()
                run, reason = _debris_run(view, q, min(le, q + bp.LEAD_DEBRIS_CHARS), False)
                title = view[p : g.start()]
                if run > q and _headline_like(title, _word_count(title)):
                    found = (p, g.start())
                    cuts.append((q, run, "boilerplate", reason))
    tags = bp.TAGS_START.finditer(view) if _has_any(view, bp.TAGS_WORDS) else ()
    for m in tags:
        j = bisect.bisect_right(lines.starts, m.start()) - 1
        if lines.kind[j] != "body":
            continue
        le = lines.ends[j]
        end = _tag_block(view, m.end(), min(le, m.end() + 1000))
        while end > m.end() and view[end - 1] in " \t":
            end -= 1
        if end > m.end():
            cuts.append((m.start(), end, "boilerplate", "tags"))
    for m in bp.AGENCIES_CREDIT.finditer(view):
        j = bisect.bisect_right(lines.starts, m.start()) - 1
        if lines.kind[j] != "body":
            continue
        before = view[max(lines.starts[j], m.start() - 3) : m.start()].rstrip(" \t")
        if not before or before[-1] in '.!?"\u201d)' or before[-1].isdigit():
            cuts.append((m.start(), m.end(), "boilerplate", "agency-credit"))
    return cuts, found


def _apply_cuts(zones: Sequence[Zone], cuts: list[_Cut]) -> tuple[Zone, ...]:
    """Overlay the cuts (in text order, without overlaps) on the line zones.

    The same as overlaying each cut on the whole zone list in turn, in linear time:
    the zones (contiguous, in order) wholly before a cut are final, since the later
    cuts start after it, and only the zones it overlaps are cut; the rest of the
    last of these, after the cut, goes back to be met by the next cuts.
    """
    out: list[Zone] = []
    pending = list(reversed(zones))  # the zones not yet final, the next one last
    last = -1
    for start, end, kind, reason in sorted(cuts):
        start = max(start, last)
        if end <= start:
            continue
        while pending and pending[-1].end <= start:
            out.append(pending.pop())
        overlapped: list[Zone] = []
        while pending and pending[-1].start < end:
            overlapped.append(pending.pop())
        pieces = _overlay(overlapped, start, end, kind, reason)
        if pieces and pieces[-1].start >= end:
            pending.append(pieces.pop())
        out.extend(pieces)
        last = end
    out.extend(reversed(pending))
    return tuple(out)


# --------------------------------------------------------------------------- inference


def _infer_date(lines: _Lines) -> tuple[int, object] | None:
    """A publication date printed at the top: a date line, or a date opening the body."""
    seen_body = 0
    for i, s in enumerate(lines.texts):
        if not s:
            continue
        kind, reason = lines.kind[i], lines.reason[i]
        if reason == "date-line":
            m = dates.LEADING_DATE.match(s[:_LINE_HEAD])
            if m:
                d = date_from_match(m)
                if d is not None:
                    return i, d
            continue
        if kind == "headline" or kind == "header":
            continue
        if kind != "body":
            if seen_body:
                return None
            continue
        head = s[:_LINE_HEAD]
        m = dates.LEADING_DATE.match(head) or dates.DATELINE_DATE.match(head)
        if m:
            d = date_from_match(m)
            if d is not None:
                return i, d
        seen_body += 1
        if seen_body >= 2:
            return None
    return None


def _clean_outlet(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[-1] in bp.SITE_SUFFIX_DROPPED:
        words.pop()
    return " ".join(words)


def _infer_outlet(view: str, lines: _Lines) -> str:
    body_seen = 0
    for i, s in enumerate(lines.texts):
        if not s or lines.kind[i] != "body":
            continue
        m = bp.DATELINE_OUTLET.match(s[:_LINE_HEAD])
        if m:
            outlet = " ".join(m.group("outlet").split())
            if not bp.DATELINE_NOT_OUTLET.match(outlet):
                return outlet
        body_seen += 1
        if body_seen >= 8:
            break
    for i, r in enumerate(lines.reason):
        if r == "site-credit":
            m = bp.TRAILING_SITE_CREDIT.search(lines.texts[i][-200:])
            if m:
                return _clean_outlet(m.group("name"))
    for i, s in enumerate(lines.texts):
        if s and lines.kind[i] == "body":
            m = _AGENCY_CHANNEL.search(view, lines.starts[i], lines.ends[i])
            if m:
                return m.group("agency")
    return ""


# --------------------------------------------------------------------------- stage


def clean(article: Article) -> Article:
    """Set view, zones, and (when missing) title, published and outlet. Never raises."""
    text = article.text
    view = normalise_view(text)
    if not text:
        return dataclasses.replace(article, view=view, zones=())
    lines, headline, span = _classify(view, article.title.strip())
    cuts, glued_title = _glued_debris(view, lines, headline, span)
    if glued_title is not None:
        cuts.append((glued_title[0], glued_title[1], "headline", "title before a credit"))
    zones = _apply_cuts(_zones(lines, len(text), span), cuts)
    changes: dict[str, object] = {"view": view, "zones": zones}
    if not article.title and headline >= 0:
        changes["title"] = lines.texts[headline]
    elif not article.title and glued_title is not None:
        changes["title"] = text[glued_title[0] : glued_title[1]]
    if article.published is None:
        found = _infer_date(lines)
        if found is not None:
            changes["published"] = found[1]
            changes["date_source"] = "inferred"
    if not article.outlet:
        outlet = _infer_outlet(view, lines)
        if outlet:
            changes["outlet"] = outlet
    return dataclasses.replace(article, **changes)  # type: ignore[arg-type]
