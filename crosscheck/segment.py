"""Segment stage: split an article's headline and body into sentences, with offsets.

One compiled regular expression finds every *candidate* boundary in a zone (a run of
sentence punctuation with its closing quotes, a newline or blank line, a bullet, a
list marker's ")"); each candidate is then accepted or rejected by a few cheap
checks on the word before it and the character after it. There is no per-character
Python loop, every scan is bounded or consumes its own input, so time is linear in
the text, also on adversarial input (a megabyte without punctuation, runs of 200,000
periods or quote marks).

Rules (tables in ``crosscheck.rules.abbreviations``):

- ``.``, ``!``, ``?``, ``…`` end a sentence only when followed by whitespace (or the end
  of the zone) and then by something that can start a sentence: not a lower-case
  letter ('"Go home!" he said.' is one sentence) and not other punctuation. Closing
  quotes and brackets after the terminator belong to the sentence ('... now."').
- A period after an abbreviation: never an end after a title or "e.g." ("Mr. Smith");
  after an abbreviation that can end a sentence ("U.S.", "Inc.", "Sept.", "a.m.") or
  a single initial ("John F. Kennedy") only when the next word usually starts a
  sentence ("in the U.S. He said" splits, "the U.S. Government" does not). Before a
  digit only a plain word or a number ends a sentence ("No. 5", "p. 55" do not).
- "?"/"!" inside a closing quote followed by a capitalised name and a reporting verb
  ('"Why now?" Smith asked.') does not end the sentence.
- Ellipses: "...", "…" and "...." end a sentence before a capital; a spaced ". . ."
  is an elision inside a sentence; "word. . . . Next" ends after "word.". An ellipsis
  in brackets ("[...]") never ends a sentence.
- Blank lines end paragraphs, and sentences never cross them or a zone boundary.
- Single newlines: most scraped news puts one paragraph (or a caption, heading, list
  item) on each line, so a single newline ends the sentence unless the next line
  starts lower-case (a broken line). A text that is *hard-wrapped* (a fifth or more
  of its single newlines fall inside a sentence) treats single newlines as spaces,
  except after a short line (a heading) that has no final punctuation. Headline
  lines are always separate sentences.
- Numbered lists: a list marker at the start of a sentence ("1.", "a.", "2.)") does
  not end it, and the next marker in sequence ("2.", "b)") starts a new sentence.

Offsets index ``Article.text``; the work is done on ``Article.view`` (same length).
"""

from __future__ import annotations

import re

from crosscheck.records import Article, Sentence, ZoneKind
from crosscheck.rules.abbreviations import (
    BULLETS,
    CLOSERS,
    MAX_ABBREVIATION_SCAN,
    MAY_BE_FINAL,
    NEVER_FINAL,
    OPENERS,
    QUOTE_TAG_VERBS,
    SENTENCE_STARTERS,
    TERMINATORS,
    WRAPPED_MIN_LINES,
    WRAPPED_MIN_SHARE,
    WRAPPED_SHORT_LINE,
)

__all__ = ["segment"]

_SEGMENTED_KINDS: frozenset[str] = frozenset({"headline", "body"})

_T = re.escape(TERMINATORS)
_C = re.escape(CLOSERS)
_O = re.escape(OPENERS)
_B = re.escape(BULLETS)

# Every candidate starts with one character of a single class, so the regex engine
# skips everything else at C speed. After the first character, possessive quantifiers
# take the rest of a blank-line run or of a punctuation run (with spaced ellipses and
# closing quotes); nothing ever backtracks.
_CAND = re.compile(
    rf"[\n{_T}{_B})]"
    rf"(?:(?<=\n)(?:[^\S\n]*+\n)*+"
    rf"|(?<=[{_T}])[{_T}]*+(?: \.[{_T}]*+)*+[{_C}]*+)?"
)
# Whitespace, then opening quotes/brackets, after a candidate.
_AFTER = re.compile(rf"\s*+([{_O}]*+)")
_WORD = re.compile(r"[A-Za-z]+")
_NONSPACE = re.compile(r"\S")
# A capitalised name (up to four words) and a lower-case word, after a quote: the tag
# of '"Why now?" Smith asked.'
_TAG = re.compile(r"[A-Z][\w.'\u2019-]*+(?:[^\S\n]++[A-Z][\w.'\u2019-]*+){0,3}[^\S\n]++([a-z]++)")
# Words made only of single letters and dots: "U.S", "a.m", "D.C", "U.S.A".
_LETTER_DOTS = re.compile(r"(?:[A-Za-z]\.)++[A-Za-z]")
# A list marker at the start of a sentence: optional bullet, then "1." "1)" "1.)" "a." "a)".
_LIST_START = re.compile(rf"[{_B}]?[^\S\n]*+(?:(\d{{1,2}})|([a-z]))(?:\.\)|\.|\))(?=\s)")
_PARA_BREAK = re.compile(r"\n(?:[^\S\n]*+\n)++")
_LOWER_LINE = re.compile(r"\n[^\S\n]*+[a-z]")

_ABBREVIATIONS = NEVER_FINAL | MAY_BE_FINAL
_STRONG = frozenset("!?\u203d")
_QUOTES = frozenset("\"'\u201d\u2019\u00bb\u203a")
_MONEY = frozenset("$\u00a3\u20ac\u00a5")
_LINE_END_PUNCT = frozenset(TERMINATORS + CLOSERS + ":;,")
_STRIP_TOKEN = OPENERS + BULLETS


def segment(article: Article) -> tuple[Sentence, ...]:
    """Split the headline and body zones of ``article`` into sentences.

    Sentences never cross a zone boundary or a blank line. ``paragraph`` counts the
    paragraphs (blank-line separated blocks, and zones) that hold a sentence, from 0.
    """
    text = article.view if len(article.view) == len(article.text) else article.text
    spans = _spans(article, len(text))
    width = _wrap_width(text, spans)
    seg = _Segmenter(article.id, text)
    for kind, start, end in spans:
        seg.zone(kind, start, end, width if kind == "body" else 0)
    return tuple(seg.out)


# --------------------------------------------------------------------------- zones


def _spans(article: Article, n: int) -> list[tuple[ZoneKind, int, int]]:
    """The headline and body spans to segment, in text order, without overlaps.

    Neighbouring zones of the same kind separated only by whitespace are one span:
    how finely the clean stage cut the text must not change the sentences.
    """
    if not article.zones:
        return [("body", 0, n)] if n else []
    zones = sorted(
        (z for z in article.zones if z.kind in _SEGMENTED_KINDS),
        key=lambda z: (z.start, z.end, z.kind),
    )
    text = article.view if len(article.view) == len(article.text) else article.text
    spans: list[tuple[ZoneKind, int, int]] = []
    for z in zones:
        start = max(0, z.start)
        end = min(n, z.end)
        if spans:
            kind, pstart, pend = spans[-1]
            start = max(start, pend)
            if end <= start:
                continue
            if kind == z.kind and (start == pend or text[pend:start].isspace()):
                spans[-1] = (kind, pstart, end)
                continue
        if end > start:
            spans.append((z.kind, start, end))
    return spans


def _wrap_width(text: str, spans: list[tuple[ZoneKind, int, int]]) -> int:
    """The wrap width when the body text is hard-wrapped, else 0.

    Hard-wrapped: a good share of the single newlines fall inside sentences (the line
    has no final punctuation and the next one starts lower-case) AND most lines that
    end in a single newline are filled to near the longest one. The second test keeps
    line-per-paragraph text with a few broken widget lines ("To participate in the
    discussion / log in or register") in line mode.
    """
    body = [(start, end) for kind, start, end in spans if kind == "body"]
    inside = 0
    for start, end in body:
        for m in _LOWER_LINE.finditer(text, start, end):
            prev = _char_before(text, m.start(), start)
            if prev and prev != "\n" and prev not in _LINE_END_PUNCT:
                inside += 1
    if not inside:
        return 0  # the common case: no line continues a sentence
    single = 0
    for start, end in body:
        newlines = text.count("\n", start, end)
        in_breaks = sum(m.group().count("\n") for m in _PARA_BREAK.finditer(text, start, end))
        single += newlines - in_breaks
    if single < WRAPPED_MIN_LINES or inside < WRAPPED_MIN_SHARE * single:
        return 0
    lengths = [n for start, end in body for n in _line_lengths(text, start, end)]
    width = max(lengths, default=0)
    filled = sum(1 for n in lengths if n >= WRAPPED_SHORT_LINE * width)
    return width if 2 * filled >= len(lengths) else 0


def _line_lengths(text: str, start: int, end: int) -> list[int]:
    """Stripped lengths of the lines of ``text[start:end]`` that end in a single newline."""
    out: list[int] = []
    line = start
    while True:
        nl = text.find("\n", line, end)
        if nl < 0:
            return out
        m = _NONSPACE.search(text, nl + 1, end)
        nxt = end if m is None else m.start()
        stripped = len(text[line:nl].strip())
        if "\n" in text[nl + 1 : nxt]:
            line = nxt  # blank lines follow: skip them in one step
        else:
            if stripped:
                out.append(stripped)
            line = nl + 1


def _char_before(text: str, p: int, start: int) -> str:
    """The last character before ``p`` (from ``start``) that is not a blank; '' if none."""
    q = p - 1
    while q >= start and text[q] in " \t\r\f\v":
        q -= 1
    return text[q] if q >= start else ""


# --------------------------------------------------------------------------- the splitter


class _Segmenter:
    """Walks the candidates of one article's zones and emits sentences."""

    def __init__(self, article_id: str, text: str) -> None:
        self.article_id = article_id
        self.text = text
        self.out: list[Sentence] = []
        self.paragraph = 0
        self.used = False  # the current paragraph has a sentence
        # cache for first_char(): for sentence start f_s0, the first non-blank is at
        # f_pos (-1: not found yet) and [f_s0, f_scanned) is known to be blank
        self.f_s0 = -1
        self.f_pos = -1
        self.f_scanned = -1

    def first_char(self, s0: int, limit: int) -> int:
        """Position of the first non-blank character in ``[s0, limit)``, or -1.

        Cached per sentence start, so repeated questions about one long sentence
        never rescan its leading blanks.
        """
        if self.f_s0 != s0:
            self.f_s0, self.f_pos, self.f_scanned = s0, -1, s0
        if self.f_pos >= 0:
            return self.f_pos if self.f_pos < limit else -1
        if self.f_scanned >= limit:
            return -1
        m = _NONSPACE.search(self.text, self.f_scanned, limit)
        if m is None:
            self.f_scanned = limit
            return -1
        self.f_pos = m.start()
        return self.f_pos

    # ----------------------------------------------------------------- emitting

    def emit(self, kind: ZoneKind, start: int, end: int) -> None:
        """Add the sentence ``text[start:end]``, trimmed of blanks (nothing if blank)."""
        text = self.text
        if start >= end:
            return
        if text[start].isspace():
            if start + 1 < end and not text[start + 1].isspace():
                start += 1  # the common case, one blank (after the last stop): no search
            else:
                m = _NONSPACE.search(text, start, end)
                if m is None:
                    return
                start = m.start()
        if text[end - 1].isspace():
            end = start + len(text[start:end].rstrip())
        self.out.append(Sentence(self.article_id, len(self.out), start, end, kind, self.paragraph))
        self.used = True

    def new_paragraph(self) -> None:
        if self.used:
            self.paragraph += 1
            self.used = False

    # ----------------------------------------------------------------- one zone

    def zone(self, kind: ZoneKind, zs: int, ze: int, width: int) -> None:
        """Segment ``text[zs:ze]``; ``width`` > 0: the text is hard-wrapped at that width."""
        text = self.text
        emit = self.emit
        s0 = zs  # start of the current sentence (untrimmed)
        line_start = zs
        for m in _CAND.finditer(text, zs, ze):
            p, e = m.span()
            c = text[p]
            if c == ".":
                # Fast path for the most common candidate, "word. Next": a lone period,
                # one space, a capital, and a plain word (letters or digits, 3 or more,
                # not an abbreviation) before it. Everything else takes the full rules.
                if e >= ze:
                    continue  # the end of the zone cuts there anyway
                n1 = text[e]
                if n1 == "\n" and not width:
                    continue  # line-per-paragraph text: the newline decides
                if n1 == " " and e + 1 < ze:
                    ch = text[e + 1]
                    if ch.islower():
                        continue
                    if e == p + 1 and ch.isupper():
                        k = text.rfind(" ", max(s0, p - MAX_ABBREVIATION_SCAN), p)
                        if k >= 0:
                            token = text[k + 1 : p]
                            if (
                                len(token) > 2
                                and token.isalnum()
                                and token.lower() not in _ABBREVIATIONS
                            ):
                                emit(kind, s0, e)
                                s0 = e
                                continue
                elif not n1.isspace():
                    continue
                b = self.terminator_ends(p, e, s0, zs, ze)
                if b >= 0:
                    emit(kind, s0, b)
                    s0 = b
            elif c == "\n":
                if e - p > 1:  # blank line: paragraph break
                    emit(kind, s0, p)
                    self.new_paragraph()
                    s0 = line_start = e
                    continue
                if self.newline_ends(p, ze, line_start, width):
                    emit(kind, s0, p)
                    s0 = p
                line_start = p + 1
            elif c in BULLETS:
                if (p == zs or text[p - 1] not in BULLETS) and self.first_char(s0, p) >= 0:
                    emit(kind, s0, p)
                    s0 = p
            elif c == ")":
                b = self.item_start(p, s0, zs, ze)
                if b >= 0:
                    emit(kind, s0, b)
                    s0 = b
            else:
                b = self.terminator_ends(p, e, s0, zs, ze)
                if b >= 0:
                    emit(kind, s0, b)
                    s0 = b
        emit(kind, s0, ze)
        self.new_paragraph()

    # ----------------------------------------------------------------- decisions

    def newline_ends(self, p: int, ze: int, line_start: int, width: int) -> bool:
        """Does the single newline at ``p`` end the sentence?"""
        text = self.text
        a = _AFTER.match(text, p + 1, ze)
        j = a.end() if a is not None else p + 1
        if j >= ze or text[j].islower():
            return False  # end of zone (cut there anyway) or a broken line
        if not width:
            return True
        line = text[line_start:p].rstrip()
        if not line or line[-1] in _LINE_END_PUNCT:
            return False  # the terminator candidate decides
        return len(line.lstrip()) < WRAPPED_SHORT_LINE * width

    def item_start(self, p: int, s0: int, zs: int, ze: int) -> int:
        """A "2)" list marker continuing a list: the position where its item starts."""
        text = self.text
        k = p
        while k > zs and p - k < 2 and text[k - 1].isdigit():
            k -= 1
        if k == p:
            if k > zs and text[k - 1].isalpha() and text[k - 1].islower():
                k -= 1
            else:
                return -1
        if (k > zs and not text[k - 1].isspace()) or p + 1 >= ze or not text[p + 1].isspace():
            return -1
        return self.next_item(text[k:p], k, s0)

    def next_item(self, marker: str, k: int, s0: int) -> int:
        """``k`` when the marker at ``k`` follows the marker opening the current sentence."""
        first = self.first_char(s0, k)
        if first < 0:
            return -1
        m = _LIST_START.match(self.text, first)
        if m is None:
            return -1
        if m.group(1) is not None:
            return k if marker.isdigit() and int(marker) == int(m.group(1)) + 1 else -1
        return k if len(marker) == 1 and ord(marker) == ord(m.group(2)) + 1 else -1

    def terminator_ends(self, p: int, te: int, s0: int, zs: int, ze: int) -> int:
        """Where the sentence ends for the punctuation run ``text[p:te]``, or -1."""
        text = self.text
        if te < ze and not text[te].isspace():
            return -1  # "3.5", "U.S.A", "Jr.'s", "...see"
        a = _AFTER.match(text, te, ze)
        assert a is not None  # both parts may match empty
        j = a.end()
        if j >= ze:
            return -1  # end of the zone: it is cut there anyway
        ch = text[j]
        opened = a.end(1) > a.start(1)
        if opened and ch.isspace():
            return -1  # a stray closing quote after the stop ('tragedy. "'): it stays
        if ch.islower():
            return -1
        digit = ch.isdigit() or ch in _MONEY
        if not (digit or ch.isalpha() or opened):
            return -1  # other punctuation follows: "... . —", ". . ."
        run = text[p:te]
        if not _STRONG.isdisjoint(run):
            if (
                not opened
                and run[-1] in _QUOTES
                and (tag := _TAG.match(text, j, ze)) is not None
                and tag.group(1) in QUOTE_TAG_VERBS
            ):
                return -1
            return te
        dots = run.count(".") + 3 * run.count("\u2026")
        if dots > 1:  # an ellipsis
            if p > zs and text[p - 1] in "[(":
                return -1
            if " " in run:
                if dots <= 3:
                    return -1  # ". . ." elides words inside a sentence
                if p > zs and not text[p - 1].isspace():
                    return p + 1  # "word. . . . Next": the period ends, the ellipsis opens
            return te
        if run[0] != ".":
            return te
        return self.period_ends(p, te, s0, j, digit, opened)

    def period_ends(self, p: int, te: int, s0: int, j: int, digit: bool, opened: bool) -> int:
        """A single period at ``p`` followed by a capital, digit or opening quote at ``j``."""
        text = self.text
        lo = max(s0, p - MAX_ABBREVIATION_SCAN)
        k = max(text.rfind(" ", lo, p), text.rfind("\n", lo, p), text.rfind("\t", lo, p))
        if k < 0:
            if lo > s0:
                return te  # a very long token (a URL...): not an abbreviation
            k = lo
        else:
            k += 1
        token = text[k:p].lstrip(_STRIP_TOKEN)
        if not token:
            return te
        k = p - len(token)
        # list markers: "1." at the start of a sentence, "2." continuing a list
        if len(token) <= 2 and (token.isdigit() or (len(token) == 1 and token.islower())):
            first = self.first_char(s0, k)
            if first < 0 or (k - first <= 2 and not text[first:k].strip().strip(BULLETS)):
                return -1  # the marker opens the sentence
            b = self.next_item(token, k, s0)
            if b >= 0:
                return b
        low = token.lower()
        if digit:
            number = token.replace(",", "").replace(".", "").isdigit()
            plain = token.isalpha() and len(token) > 2 and low not in MAY_BE_FINAL
            return te if (number or plain) and low not in NEVER_FINAL else -1
        if low in NEVER_FINAL:
            return -1
        initial = len(token) == 1 and token.isupper()
        if initial or low in MAY_BE_FINAL or _LETTER_DOTS.fullmatch(token) is not None:
            if opened:
                return te
            w = _WORD.match(text, j)
            if w is None:
                return te
            word = w.group()
            if len(word) == 1 and text.startswith(".", w.end()):
                return -1  # "J. K. Rowling": a chain of initials
            return te if word in SENTENCE_STARTERS else -1
        return te
