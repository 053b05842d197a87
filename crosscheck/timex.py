"""The time grammar: time expressions in news text -> inclusive date intervals.

A small grammar of our own (no PyPI parser gets "mid-November", "early 2019" or
"the end of 2018" right). One compiled regular expression finds candidate
expressions (``scan``); each is then resolved against the article date and the
tense of its sentence (``resolve``). ``find_times`` does both for one span of text.

Conventions (those of ``../shared/gold/seeds-claims.json``, extended):

- early / mid / late MONTH: days 1-10 / 11-20 / 21 to the month end. "the beginning
  (start) / middle / end of MONTH" are the same thirds.
- early / mid / late YEAR: Jan 1-Apr 30 / May 1-Aug 31 / Sep 1-Dec 31. "the beginning
  (start) of YEAR" is January, "the middle of YEAR" is mid-YEAR, "the end of YEAR"
  is December (Dec 1-31).
- early / mid / late of a week: Mon-Tue / Wed-Thu / Fri-Sun; of a season or quarter:
  its first / second / third month; of a half-year: its first / middle / last two
  months; of a decade: years 0-3 / 4-6 / 7-9.
- "by E" (a deadline): from the earlier of the article date and the start of the
  period E is part of, to the end of E. So "by the end of 2018" in an article of
  2018-12-19 is 2018-01-01..2018-12-31 (the gold value: the convention's "from the
  article date, or Jan 1 of YEAR if [the article date is] later" is
  min(article date, Jan 1 of YEAR)); in an article of 2017-05-02 it is
  2017-05-02..2018-12-31. Without an article date the start is the start of the period.
- "since E": from the start of E to the article date (open end, ``last`` None, when
  the date is unknown or earlier than E: "since 2047" in a 2018 article). No interval
  is ever inverted. "until E": open start, to the end of E. "before E": open start,
  to the day before E. "after E": the day after E, open end.
- MONTH (or a date, season or weekday) without a year: the occurrence nearest the
  article date that fits the tense of the sentence: past -> this or the previous
  occurrence (the latest that starts on or before the article date); future -> this
  or the next occurrence (the earliest that ends on or after it); a weekday in the
  future -> the next such day on or after the article date (the convention says
  "the next one after it"; we read a future weekday equal to the article's own
  weekday as that very day: "will meet on Wednesday" in a Wednesday paper is
  measured to mean today far more often than in a week); no tense cue -> the nearest
  occurrence (a weekday: the most recent on or before the article date, news being
  reported after the fact). last/next/this MONTH, SEASON or WEEKDAY select
  the previous / following / current one whatever the tense.
- this / last / next week (ISO weeks, Monday-Sunday), month, year: the calendar unit
  containing the article date, the one before, the one after. "the past week" /
  "the last year" are windows ending on the article date (7 / 30 / 365 days);
  "the coming week" / "the next month" windows starting the day after it.
- Vague windows (rules.time.VAGUE_WINDOWS): "in the coming days" = the 14 days after
  the article date (weeks: 42 days, months: 183 days); "in recent days" = the 14 days
  up to it (same for weeks and months).
- "N days/weeks/months/years ago" and "in N ..." (future only): the calendar day,
  week, month or year containing the article date minus (plus) N units. "within the
  next N units" / "the past N units": windows from / to the article date.
- Seasons are northern-hemisphere meteorological seasons (spring = Mar-May, summer =
  Jun-Aug, autumn/fall = Sep-Nov, winter YEAR = Dec YEAR-Feb YEAR+1).
- Without an article date nothing relative is resolved: ``first``/``last`` are None
  and ``resolved_by`` is "none" (text, offsets, grain and modifier are kept). An
  expression carrying its own year is "absolute" and resolved anyway.

Every pattern is linear: alternations of literal words, bounded digit runs, no
nested quantifiers over overlapping classes. Tense cues are looked for in bounded
windows (rules.time.TENSE_WINDOW_LEFT/RIGHT characters) so the whole pass stays
linear in the text length.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from crosscheck.patterns import trie
from crosscheck.records import TimeSpan
from crosscheck.rules import quantities as Q
from crosscheck.rules import time as R

Tense = Literal["past", "future", ""]
Interval = tuple[dt.date, dt.date]

__all__ = [
    "CAPITAL_TRIGGERS",
    "RawTime",
    "Tense",
    "find_times",
    "resolve",
    "resolve_span",
    "scan",
    "tense_at",
]

# --------------------------------------------------------------------------- regex parts


def _alt(words: Iterable[str], *, title: bool = False) -> str:
    """A regex alternation of literal words (longest first); spaces match any white space.

    ``title``: each word as written in lower case, Capitalised and in UPPER CASE.
    """
    forms: set[str] = set()
    for w in words:
        if title:
            forms.update({w.capitalize(), w.upper()})
        else:
            forms.add(w)
    ordered = sorted(forms, key=lambda s: (-len(s), s))
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in ordered)


def _trie(words: Iterable[str], *, title: bool = False) -> str:
    """Like ``_alt`` for single words, but prefix-factored (a trie), so that a failing
    position costs a character test or two instead of one test per word."""
    forms: set[str] = set()
    for w in words:
        forms.update({w.capitalize(), w.upper()} if title else {w})
    return trie(forms)


_MONTH_FULL = _trie(R.MONTHS, title=True)
_MONTH_ABBR = _trie(R.MONTH_ABBREVIATIONS, title=True)
_M = rf"(?:(?:{_MONTH_FULL})\b|(?:{_MONTH_ABBR})\b\.?)"
_WD_FULL = _trie(R.WEEKDAYS, title=True)
_WD_ANY = rf"(?:{_trie((*R.WEEKDAYS, *R.WEEKDAY_ABBREVIATIONS), title=True)})\b\.?"
_D = r"(?<![\d.,])(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d])"
_Y = r"(?<![\d$£€.,])(?:19|20)\d\d(?![\d%])"
_JOIN = r"(?:\s*[-\u2013\u2014]\s*|\s+(?:to|through|until|till|and)\s+)"
_NUMWORD = _alt(Q.NUMBER_WORDS)
_COUNT = rf"(?:\d{{1,3}}|{_NUMWORD}|an?|a\s+few|few|several|a\s+couple\s+of)"
_UNITS = r"(?:days?|weeks?|months?|years?)"
_SEASON = r"(?i:spring|summer|autumn|fall|winter)"
_REL = r"(?i:this|next|last|past|previous|coming|current)"
_THE_REL = r"(?i:the\s+(?:past|last|previous|coming|next|current))"
_DAYPART = _alt(R.DAY_PARTS)

_CTX = _alt((*R.CONTEXT_PREPOSITIONS, "and", "or", "to"), title=False)
_PRE = _alt(R.SEMANTIC_PREPOSITIONS)
_MOD = r"early|mid|middle|late|earlier|later"
_PART = _alt(R.PERIOD_PARTS)

_PATTERN = rf"""
\b
(?:(?P<ctx>(?i:{_CTX}))\s+)?+
(?:(?P<pre>(?i:{_PRE}))\s+)?+
(?:
   (?P<mod>(?i:{_MOD}))(?:\s*-\s*|\s+)(?:in\s+)?
 | (?P<partx>(?i:(?:the\s+|an?\s+)?(?:very\s+)?(?P<part>{_PART})\s+of)\s+)
)?+
(?:
   (?P<iso>(?<![\d-])(?P<iso_y>{_Y})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12]\d|3[01])(?!\d))
 | (?P<mdr>(?:{_WD_ANY},?\s+)?(?P<mdr_m>{_M})\s*(?P<mdr_d1>{_D}){_JOIN}(?:(?P<mdr_m2>{_M})\s*)?(?P<mdr_d2>{_D})(?:,?\s+(?P<mdr_y>{_Y}))?)
 | (?P<dmr>(?:{_WD_ANY},?\s+)?(?P<dmr_d1>{_D})(?:\s+(?P<dmr_m1>{_M}))?{_JOIN}(?P<dmr_d2>{_D})\s+(?:of\s+)?(?P<dmr_m>{_M})(?:,?\s+(?P<dmr_y>{_Y}))?)
 | (?P<md>(?:{_WD_ANY},?\s+)?(?P<md_m>{_M})(?P<md_c>,)?\s*(?P<md_d>{_D})(?!\s*[-\u2013%:/]\s*\d)(?!,\d)(?:,?\s+(?P<md_y>{_Y}))?)
 | (?P<dm>(?:{_WD_ANY},?\s+)?(?:the\s+)?(?P<dm_d>{_D})(?:\s+of)?\s+(?P<dm_m>{_M})(?:,?\s+(?P<dm_y>{_Y}))?)
 | (?P<my>(?P<my_m>{_M}),?\s+(?:of\s+)?(?P<my_y>{_Y}))
 | (?P<mon>(?:(?P<mon_rel>{_REL})\s+)?(?P<mon_m>{_M})(?:,?\s+(?:of\s+)?(?P<mon_yrel>(?i:last|this|next))\s+year\b)?)
 | (?P<dec>(?:the\s+)?(?P<dec_y>(?:19|20)\d0)['\u2019]?s\b)
 | (?P<yrs>(?P<yrs_1>{_Y})(?:\s*[-\u2013\u2014/]\s*|\s+(?:to|and|through|until)\s+)(?P<yrs_2>{_Y}|\d\d(?![\d%])))
 | (?P<qtr>(?:the\s+)?(?P<qtr_n>(?i:first|second|third|fourth|last|final|1st|2nd|3rd|4th))\s+(?P<qtr_u>quarter|half)\s+of\s+(?:(?P<qtr_y>{_Y})|(?P<qtr_rel>(?i:this|next|last|the))\s+year))
 | (?P<qq>Q(?P<qq_n>[1-4])\s+(?P<qq_y>{_Y}))
 | (?P<sea>(?:(?P<sea_rel>{_THE_REL}|{_REL}|(?i:the))\s+)?(?P<sea_s>{_SEASON})\b(?:\s+(?:of\s+)?(?P<sea_y>{_Y}))?)
 | (?P<yr>(?:the\s+year\s+)?(?P<yr_y>{_Y}))
 | (?P<rd>(?i:today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)|last\s+night|the\s+day\s+(?:before\s+yesterday|after\s+tomorrow))\b)
 | (?P<vw>(?:the\s+)?(?P<vw_k>(?i:coming|recent|next\s+few|past\s+few|last\s+few)\s+(?:days|weeks|months)))
 | (?P<win>(?P<win_rel>(?i:the\s+(?:past|last|next|coming|previous)|past|next))\s+(?P<win_n>{_COUNT})\s+(?P<win_u>{_UNITS}))
 | (?P<ru>(?P<ru_rel>{_THE_REL}|{_REL})\s+(?P<ru_u>(?i:week|month|year|weekend|decade))\b)
 | (?P<the>the\s+(?P<the_u>week|month|year|weekend)\b)
 | (?P<wd>(?:(?P<wd_rel>(?i:last|next|this|past|coming))\s+)?(?P<wd_d>{_WD_FULL})\b(?:\s+(?:{_DAYPART})\b)?)
 | (?P<cnt>(?P<cnt_n>{_COUNT})\s+(?P<cnt_u>{_UNITS})(?:\s+(?P<cnt_dir>ago|from\s+now))?\b)
)
"""

TIME_RE = re.compile(_PATTERN, re.VERBOSE)


def _cue_table(
    phrases: Iterable[str], tense: Tense
) -> dict[str, list[tuple[tuple[str, ...], Tense]]]:
    table: dict[str, list[tuple[tuple[str, ...], Tense]]] = {}
    for phrase in phrases:
        first, *rest = phrase.split()
        table.setdefault(first, []).append((tuple(rest), tense))
    for entries in table.values():
        entries.sort(key=lambda e: -len(e[0]))  # longest continuation first
    return table


_CUES = _cue_table(R.PAST_CUES, "past")
for _k, _v in _cue_table(R.FUTURE_CUES, "future").items():
    _CUES.setdefault(_k, []).extend(_v)
    _CUES[_k].sort(key=lambda e: -len(e[0]))
_DUE_NOT_SET = frozenset(R.DUE_TO_NOT_BEFORE)
# The endings of the tokens ``_cues`` reads besides those of ``_CUES`` and "due" (its
# "'ll" and "-ed" rules): any other token gives no cue, passive or not.
_CUE_ENDINGS = ("ll", "ed")
_TENSE_TOKEN = re.compile(r"[A-Za-z]+(?:[-'\u2019][A-Za-z]+)*|['\u2019]ll\b")

_WEAK_CTX = frozenset({"and", "or", "to", "over", "for", "around", "at", "within"})
_NOT_PLURAL_S = frozenset({"was", "has", "is", "as", "its", "his", "this", "thus", "amidst"})
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
_FROM_BETWEEN = re.compile(r"(?i:\b(?:from|between)\s+)$")
_GAP_RANGE = re.compile(r"\s*(?:[-\u2013\u2014]|to|until|till|through|and)\s*")


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class RawTime:
    """A candidate time expression before resolution.

    ``start``/``end``: the expression's text (a semantic preposition such as "by" or
    "since" included, a plain "in"/"on" left out). ``kind`` says which fields count.
    """

    start: int
    end: int
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    year2: int | None = None
    month2: int | None = None
    day2: int | None = None
    n: int = 0
    lo: int = 0
    hi: int = 0
    unit: str = ""
    rel: str = ""
    mod: str = ""  # early|mid|late|start|end|earlier|later
    pre: str = ""  # by|since|until|before|after
    ctx: str = ""


# --------------------------------------------------------------------------- scanning


def _month(token: str) -> int:
    t = token.lower().rstrip(".")
    return R.MONTHS.get(t) or R.MONTH_ABBREVIATIONS[t]


def _is_abbr(token: str) -> bool:
    return token.lower().rstrip(".") not in R.MONTHS


def _day(token: str) -> int:
    return int(token.rstrip("stndrh"))


def _count(token: str) -> int:
    t = " ".join(token.lower().split())
    if t.isdigit():
        return int(t)
    if t in ("a", "an"):
        return 1
    if t in ("a few", "few", "several"):
        return 3
    if t == "a couple of":
        return 2
    return Q.NUMBER_WORDS.get(t, 0)


def _next_word(text: str, pos: int) -> str:
    m = _NEXT_WORD.match(text, pos)
    return m.group(1) if m else ""


# The days of each month (1-12) in a common year: ``calendar.mdays``.
_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in_month(y: int, m: int) -> int:
    """``calendar.monthrange(y, m)[1]`` without the weekday of the 1st it also computes
    (the same table and leap-year rule; an invalid month raises its error)."""
    if not 1 <= m <= 12:
        return calendar.monthrange(y, m)[1]
    return _MONTH_DAYS[m] + (m == 2 and calendar.isleap(y))


def _valid(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= _days_in_month(y, m)


def _opt_int(s: str | None) -> int | None:
    return int(s) if s else None


def _raw(m: re.Match[str], text: str) -> RawTime | None:
    """Turn one regex match into a RawTime, or None when the context rules it out."""
    g = m.group
    ctx_word, pre_word, mod_word, part = g("ctx", "pre", "mod", "part")
    ctx = (ctx_word or "").lower()
    pre = R.SEMANTIC_PREPOSITIONS.get((pre_word or "").lower(), "")
    mod_word = (mod_word or "").lower()
    mod = R.PERIOD_MODIFIERS.get(mod_word, mod_word)
    if part:
        mod = R.PERIOD_PARTS[" ".join(part.lower().split())]
    start = m.end("ctx") if ctx_word else m.start()
    end = m.end()
    while start < end and text[start].isspace():
        start += 1
    strong = bool(pre or mod or (ctx and ctx not in _WEAK_CTX))

    def make(
        kind: str,
        year: int | None = None,
        month: int | None = None,
        day: int | None = None,
        year2: int | None = None,
        month2: int | None = None,
        day2: int | None = None,
        n: int = 0,
        lo: int = 0,
        hi: int = 0,
        unit: str = "",
        rel: str = "",
    ) -> RawTime:
        """The RawTime of this match (``start``, ``end``, ``pre`` as they are at the
        call: a branch may move them), built once: no copy of a partial record."""
        return RawTime(
            start,
            end,
            kind,
            year,
            month,
            day,
            year2,
            month2,
            day2,
            n,
            lo,
            hi,
            unit,
            rel,
            mod,
            pre,
            ctx,
        )

    alt = m.lastgroup  # the alternative that matched (its group closes last)

    if alt == "iso":
        iy, imo, idd = int(g("iso_y")), int(g("iso_m")), int(g("iso_d"))
        return make(kind="date", year=iy, month=imo, day=idd) if _valid(iy, imo, idd) else None
    if alt in ("mdr", "dmr"):
        p = alt
        m2 = _month(g(f"{p}_m")) if p == "dmr" else _month(g("mdr_m2") or g("mdr_m"))
        m1 = _month(g("mdr_m")) if p == "mdr" else _month(g("dmr_m1") or g("dmr_m"))
        d1, d2 = _day(g(f"{p}_d1")), _day(g(f"{p}_d2"))
        if m1 == m2 and d2 <= d1:
            if p == "dmr" and not g("dmr_m1"):
                return None
            # "on December 30 and 2 days later": keep the first date alone
            d_end = m.end("mdr_d1") if p == "mdr" else m.end("dmr_m1")
            end = d_end
            return make(kind="date", month=m1, day=d1)
        return make(kind="range", month=m1, day=d1, month2=m2, day2=d2, year2=_opt_int(g(f"{p}_y")))
    if alt in ("md", "dm"):
        p = alt
        mo, d, y = _month(g(f"{p}_m")), _day(g(f"{p}_d")), _opt_int(g(f"{p}_y"))
        if p == "md" and g("md_c") and y is None and _next_word(text, end)[:1].islower():
            # "in December, 30 people died": the month alone
            tok = g("md_m")
            if _is_abbr(tok) or (tok.lower() in R.AMBIGUOUS_MONTHS and not strong):
                return None
            end = m.end("md_m")
            return make(kind="month", month=mo)
        if y is not None and not _valid(y, mo, d):
            return None
        if d > 31 or (y is None and not _valid(2000, mo, d)):
            return None
        return make(kind="date", year=y, month=mo, day=d)
    if alt == "my":
        return make(kind="month", year=int(g("my_y")), month=_month(g("my_m")))
    if alt == "mon":
        tok = g("mon_m")
        rel = (g("mon_rel") or "").lower()
        if _is_abbr(tok):
            return None
        yrel = (g("mon_yrel") or "").lower()
        if tok.lower() in R.AMBIGUOUS_MONTHS and not (strong or rel or yrel):
            return None
        if yrel:  # "October last year": the month of the year before the article's
            offset = {"last": -1, "this": 0, "next": 1}[yrel]
            return make(kind="month", month=_month(tok), n=offset, unit="yrel")
        return make(kind="month", month=_month(tok), rel=rel)
    if alt == "dec":
        return make(kind="decade", year=int(g("dec_y")))
    if alt == "yrs":
        y1, y2s = int(g("yrs_1")), g("yrs_2")
        y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
        if not (y1 < y2 <= y1 + 30):
            return None
        if not strong and _next_word(text, end)[:1].islower() and len(y2s) == 2:
            return None
        return make(kind="years", year=y1, year2=y2)
    if alt == "qtr":
        n_word = g("qtr_n").lower()
        unit = g("qtr_u")
        n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}.get(n_word, 4)
        if n_word in ("last", "final"):
            n = 4 if unit == "quarter" else 2
        if unit == "half" and n > 2:
            return None
        qrel = (g("qtr_rel") or "").lower()
        return make(kind="quarter", year=_opt_int(g("qtr_y")), n=n, unit=unit, rel=qrel)
    if alt == "qq":
        return make(kind="quarter", year=int(g("qq_y")), n=int(g("qq_n")), unit="quarter")
    if alt == "sea":
        season = g("sea_s").lower()
        rel = " ".join((g("sea_rel") or "").lower().split())
        y = _opt_int(g("sea_y"))
        if season in R.AMBIGUOUS_SEASONS and y is None and rel in ("", "the"):
            return None
        if y is None and rel in ("", "the") and not strong:
            return None
        if g("sea_s")[0].isupper() and y is None and not rel and m.start("sea_s") > 0:
            # "the Arab Spring": a capitalised season inside a name
            prev = text[max(0, m.start("sea_s") - 2) : m.start("sea_s")]
            if prev.strip() and prev.strip()[-1:].isalpha():
                return None
        return make(kind="season", year=y, unit=season, rel=rel)
    if alt == "yr":
        if not strong and not g("yr").lower().startswith("the"):
            return None
        nxt = _next_word(text, end)
        if nxt.islower() and nxt.endswith("s") and nxt not in _NOT_PLURAL_S:
            return None  # "in 2000 airstrikes" (commas stripped from "2,000")
        if text[end : end + 1] in ("%", "-") or text[end : end + 2] in (",0",):
            return None
        return make(kind="year", year=int(g("yr_y")))
    if alt == "rd":
        phrase = " ".join(g("rd").lower().split())
        if g("rd")[0].isupper() and start > 0:
            prev = text[max(0, start - 2) : start].strip()
            if prev[-1:].isalpha():
                return None  # "USA Today"
        for key, off in R.RELATIVE_DAYS.items():
            if phrase.startswith(key):
                return make(kind="dayrel", n=off)
        return None
    if alt == "vw":
        key = " ".join(g("vw_k").lower().split())
        lo, hi = R.VAGUE_WINDOWS[key]
        return make(kind="window", lo=lo, hi=hi)
    if alt == "win":
        rel_word = " ".join(g("win_rel").lower().split()).removeprefix("the ")
        direction = "window_past" if rel_word in ("past", "last", "previous") else "window_next"
        n = _count(g("win_n"))
        unit = R.COUNT_UNITS[g("win_u").lower()]
        vague = " ".join(g("win_n").lower().split()) in ("few", "a few", "several")
        key = ("last few " if direction == "window_past" else "next few ") + unit + "s"
        if vague and key in R.VAGUE_WINDOWS:
            lo, hi = R.VAGUE_WINDOWS[key]
            return make(kind="window", lo=lo, hi=hi)
        return make(kind="count", n=n, unit=unit, rel=direction) if n else None
    if alt == "ru":
        rel_phrase = " ".join(g("ru_rel").lower().split())
        rel = R.RELATIVE_WORDS.get(rel_phrase, "")
        if not rel:
            return None
        return make(kind="unit", unit=g("ru_u").lower(), rel=rel)
    if alt == "the":
        unit = g("the_u")
        if mod or pre or (unit == "weekend" and ctx in ("over", "at", "during", "on", "for")):
            return make(kind="unit", unit=unit, rel="the")
        return None
    if alt == "wd":
        wd = R.WEEKDAYS[g("wd_d").lower()]
        rel = (g("wd_rel") or "").lower()
        if rel == "past":
            rel = "last"
        if rel == "coming":
            rel = "next"
        if pre and pre != "by":
            after = text[end : end + 2]
            nxt = _next_word(text, end).lower()
            if after in ("'s", "\u2019s") or nxt in R.DAY_THING_NOUNS:
                # "after Friday prayers": the day of the prayers, not the days after it
                pre, start = "", m.start("wd")
        return make(kind="weekday", n=wd, rel=rel)
    if alt == "cnt":
        n = _count(g("cnt_n"))
        unit = R.COUNT_UNITS[g("cnt_u").lower()]
        direction = " ".join((g("cnt_dir") or "").lower().split())
        if not n:
            return None
        if direction == "ago":
            return make(kind="count", n=n, unit=unit, rel="ago")
        if direction == "from now":
            return make(kind="count", n=n, unit=unit, rel="later")
        if ctx in ("in", "within") and not text.startswith(" of", end):
            # "in two weeks" (future only; checked at resolution); "within two weeks"
            rel = "within" if ctx == "within" else "in"
            start = m.start("ctx")  # the context word carries the meaning
            return make(kind="count", n=n, unit=unit, rel=rel)
        return None
    return None


def _merge_ranges(raws: list[RawTime], text: str) -> list[RawTime]:
    """Join "from X to Y", "between X and Y", "X - Y" into one range."""
    out: list[RawTime] = []
    i = 0
    while i < len(raws):
        a = raws[i]
        if i + 1 < len(raws):
            b = raws[i + 1]
            gap = text[a.end : b.start]
            joined = _GAP_RANGE.fullmatch(gap)
            opener = a.ctx in R.RANGE_OPENERS
            if (
                joined
                and not a.pre
                and not b.pre
                and a.kind in ("date", "month")
                and b.kind in ("date", "month")
                and a.kind == b.kind
                and (opener or gap.strip() not in ("and",))
            ):
                y1, y2 = a.year, b.year
                if y1 is None and y2 is not None and a.month is not None and b.month is not None:
                    y1 = y2 - 1 if a.month > b.month else y2
                out.append(
                    RawTime(
                        start=a.start,
                        end=b.end,
                        kind="range" if a.kind == "date" else "mrange",
                        year=y1,
                        month=a.month,
                        day=a.day,
                        year2=y2,
                        month2=b.month,
                        day2=b.day,
                        ctx=a.ctx,
                    )
                )
                i += 2
                continue
        out.append(a)
        i += 1
    return out


# The capitalised words that hold a time expression ("December", "MONDAY", "Today"):
# triggers where they start a word.
CAPITAL_TRIGGERS: tuple[str, ...] = tuple(
    sorted(
        {
            f
            for w in (
                *R.MONTHS,
                *R.MONTH_ABBREVIATIONS,
                *R.WEEKDAYS,
                *R.WEEKDAY_ABBREVIATIONS,
                "today",
                "tonight",
                "yesterday",
                "tomorrow",
                *R.TRIGGER_PARTS,
            )
            for f in (w.capitalize(), w.upper())
        }
    )
)
_TRIGGER_CAPS = re.compile("(?:" + _trie(CAPITAL_TRIGGERS) + r")\b")
_TRIGGER_YEAR = re.compile(r"19\d\d|20\d\d")
_BACK_TOKEN = re.compile(r"[A-Za-z0-9]+")
_PREFIX_WORDS = R.PREFIX_WORDS | frozenset(Q.NUMBER_WORDS)
_BACK_WINDOW = 48
_MAX_BACK_TOKENS = 8


def _triggers(text: str, start: int, stop: int, capitals: Sequence[int] | None = None) -> list[int]:
    """Positions of the words every time expression contains, sorted.

    ``capitals``: where the ``CAPITAL_TRIGGERS`` of ``text[start:stop]`` start a
    word (after no alphanumeric character), when the caller found them already."""
    if capitals is None:
        out: list[int] = []
        for m in _TRIGGER_CAPS.finditer(text, start, stop):
            s = m.start()
            if s == 0 or not text[s - 1].isalnum():
                out.append(s)
    else:
        out = list(capitals)
    for m in _TRIGGER_YEAR.finditer(text, start, stop):
        s = m.start()
        if (s == 0 or not text[s - 1].isdigit()) and not text[m.end() : m.end() + 1].isdigit():
            out.append(s)
    for part in R.TRIGGER_PARTS:
        i = text.find(part, start, stop)
        while i >= 0:
            # the start of the word holding the part ("today" -> "to")
            w = i
            while w > start and text[w - 1].isalpha() and i - w < 12:
                w -= 1
            out.append(w)
            i = text.find(part, i + len(part), stop)
    return sorted(set(out))


_ALNUM_ASCII = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _starts(text: str, trigger: int, floor: int) -> list[int]:
    """Where an expression holding the trigger may start: the trigger itself and the
    starts of the prefix words (or numbers) right before it, leftmost first.

    The tokens (``_BACK_TOKEN``) of the window before the trigger are read right to
    left, character by character, up to the first that is no prefix (most often the
    very first): the window is rarely read whole."""
    lo = max(floor, trigger - _BACK_WINDOW)
    starts = [trigger]
    j = trigger
    for _ in range(_MAX_BACK_TOKENS):
        while j > lo and text[j - 1] not in _ALNUM_ASCII:
            j -= 1
        if j == lo:
            break
        i = j - 1
        while i > lo and text[i - 1] in _ALNUM_ASCII:
            i -= 1
        tok = text[i:j]
        low = tok.lower()
        if low in _PREFIX_WORDS or tok.isdigit() or low.rstrip("stndrh").isdigit():
            starts.append(i)
        else:
            break
        j = i
    if starts[-1] == lo and lo < trigger and lo > 0 and text[lo - 1].isalnum():
        starts.pop()  # a word cut by the window
    starts.reverse()
    return starts


def scan(
    text: str, start: int = 0, end: int | None = None, *, capitals: Sequence[int] | None = None
) -> list[RawTime]:
    """Every candidate time expression in ``text[start:end]``, in text order.

    ``capitals``: where the ``CAPITAL_TRIGGERS`` start a word (after no alphanumeric
    character), when the caller found them already (``normalise``)."""
    stop = len(text) if end is None else end
    raws: list[RawTime] = []
    last_end = start
    tried = start - 1  # starts are tried once: the same start gives the same match
    for t in _triggers(text, start, stop, capitals):
        if t < last_end:
            continue
        for p in _starts(text, t, max(last_end, tried + 1)):
            tried = max(tried, p)
            m = TIME_RE.match(text, p, stop)
            if m is None or m.end() <= t:
                continue
            raw = _raw(m, text)
            if raw is not None and raw.end > raw.start:
                raws.append(raw)
                last_end = m.end()
                break
    return _merge_ranges(raws, text)


def scan_slow(text: str, start: int = 0, end: int | None = None) -> list[RawTime]:
    """``scan`` without triggers (the grammar tried at every position): a reference
    for tests, about twenty times slower."""
    stop = len(text) if end is None else end
    raws: list[RawTime] = []
    for m in TIME_RE.finditer(text, start, stop):
        raw = _raw(m, text)
        if raw is not None and raw.end > raw.start:
            raws.append(raw)
    return _merge_ranges(raws, text)


# --------------------------------------------------------------------------- tense


def _cues(text: str, lo: int, hi: int) -> list[Tense]:
    """The tense cues of ``text[lo:hi]``, in text order (tokens looked up in tables)."""
    toks = _TENSE_TOKEN.findall(text, lo, hi)
    out: list[Tense] = []
    n = len(toks)
    skip = 0
    for i, tok in enumerate(toks):
        if skip:
            skip -= 1  # inside a phrase cue already counted ("to be held")
            continue
        if tok not in _CUES and tok != "due" and not tok.endswith(_CUE_ENDINGS):
            continue  # most tokens: no rule below reads them (only as a neighbour)
        matched = False
        passive = i > 0 and toks[i - 1] in ("be", "being")  # "will be held": no past cue
        for rest, tense in _CUES.get(tok, ()):
            k = len(rest)
            if tuple(toks[i + 1 : i + 1 + k]) == rest:
                if not (passive and tense == "past" and not k):
                    out.append(tense)
                skip = k
                matched = True
                break
        if matched or passive:
            continue
        if tok == "due" and i + 2 < n and toks[i + 1] == "to":
            if toks[i + 2] not in _DUE_NOT_SET and toks[i + 2][:1].islower():
                out.append("future")
            continue
        if tok.endswith(("'ll", "\u2019ll")):
            out.append("future")
        elif (
            len(tok) > 4
            and tok.endswith("ed")
            and tok.islower()
            and not tok.endswith("eed")
            and "-" not in tok
            and tok not in R.ED_NOT_PAST
        ):
            out.append("past")
    return out


def tense_at(text: str, start: int, end: int, lo: int, hi: int) -> Tense:
    """The tense around ``text[start:end]`` inside the sentence ``text[lo:hi]``.

    The nearest cue before the expression wins; failing that, the nearest after it.
    """
    left = _cues(text, max(lo, start - R.TENSE_WINDOW_LEFT), start)
    if left:
        return left[-1]
    right = _cues(text, end, min(hi, end + R.TENSE_WINDOW_RIGHT))
    return right[0] if right else ""


# --------------------------------------------------------------------------- calendar


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, _days_in_month(y, m))


def _month_iv(y: int, m: int) -> Interval:
    return dt.date(y, m, 1), _month_end(y, m)


def _year_iv(y: int) -> Interval:
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def _week_iv(d: dt.date) -> Interval:
    monday = d - dt.timedelta(days=d.weekday())
    return monday, monday + dt.timedelta(days=6)


def _add_months(d: dt.date, n: int) -> dt.date:
    k = d.year * 12 + d.month - 1 + n
    y, m = divmod(k, 12)
    return dt.date(y, m + 1, min(d.day, _days_in_month(y, m + 1)))


def _season_iv(y: int, season: str) -> Interval:
    first_m, last_m = R.SEASONS[season]
    if last_m < first_m:  # winter YEAR: Dec YEAR - Feb YEAR+1
        return dt.date(y, first_m, 1), _month_end(y + 1, last_m)
    return dt.date(y, first_m, 1), _month_end(y, last_m)


def _months_span(first: dt.date, k0: int, k1: int) -> Interval:
    """Months k0..k1 (0-based, inclusive) counted from ``first``'s month."""
    a = _add_months(first.replace(day=1), k0)
    b = _add_months(first.replace(day=1), k1)
    return a, _month_end(b.year, b.month)


def _apply_mod(iv: Interval, grain: str, mod: str, anchor: dt.date | None) -> Interval:
    first, last = iv
    if not mod or grain == "day":
        return iv
    if mod in ("earlier", "later"):
        if anchor is None or not (first <= anchor <= last):
            return iv
        return (first, anchor) if mod == "earlier" else (anchor, last)
    third = {"early": 0, "start": 0, "mid": 1, "late": 2, "end": 2}[mod]
    if grain == "month":
        lo, hi = [(1, 10), (11, 20), (21, last.day)][third]
        return first.replace(day=lo), first.replace(day=hi)
    if grain == "year":
        y = first.year
        if mod == "start":
            return _month_iv(y, 1)
        if mod == "end":
            return _month_iv(y, 12)
        return [
            (dt.date(y, 1, 1), dt.date(y, 4, 30)),
            (dt.date(y, 5, 1), dt.date(y, 8, 31)),
            (dt.date(y, 9, 1), dt.date(y, 12, 31)),
        ][third]
    if grain == "week":
        lo, hi = [(0, 1), (2, 3), (4, 6)][third]
        return first + dt.timedelta(days=lo), first + dt.timedelta(days=hi)
    if grain in ("season", "quarter"):
        return _months_span(first, third, third)
    if grain == "half":
        return _months_span(first, 2 * third, 2 * third + 1)
    if grain == "decade":
        lo, hi = [(0, 3), (4, 6), (7, 9)][third]
        return dt.date(first.year + lo, 1, 1), dt.date(first.year + hi, 12, 31)
    return iv


def _distance(iv: Interval, anchor: dt.date) -> int:
    if iv[0] <= anchor <= iv[1]:
        return 0
    return min(abs((iv[0] - anchor).days), abs((iv[1] - anchor).days))


def _choose(
    cands: Sequence[Interval], anchor: dt.date, tense: Tense, rel: str, weekday: bool = False
) -> int:
    """Index of the occurrence (candidates in chronological order) the context selects."""
    idx = range(len(cands))
    if rel == "last":
        past = [i for i in idx if cands[i][1] < anchor]
        return past[-1] if past else 0
    if rel == "next":
        fut = [i for i in idx if cands[i][0] > anchor]
        return fut[0] if fut else len(cands) - 1
    if rel == "this":
        inside = [i for i in idx if cands[i][0] <= anchor <= cands[i][1]]
        if inside:
            return inside[0]
        same = [i for i in idx if cands[i][0].year == anchor.year]
        if same and not weekday:
            return same[0]
    if tense == "future":
        fut = [i for i in idx if cands[i][1] >= anchor]
        return fut[0] if fut else len(cands) - 1
    if tense == "past" or weekday:
        past = [i for i in idx if cands[i][0] <= anchor]
        return past[-1] if past else 0
    return min(idx, key=lambda i: (_distance(cands[i], anchor), i))


_UNIT_DAYS = {"week": 7, "month": 30, "year": 365, "decade": 3652, "weekend": 7, "day": 1}


def _shift(anchor: dt.date, n: int, unit: str) -> dt.date:
    if unit == "day":
        return anchor + dt.timedelta(days=n)
    if unit == "week":
        return anchor + dt.timedelta(weeks=n)
    if unit == "month":
        return _add_months(anchor, n)
    return _add_months(anchor, 12 * n)


def _unit_iv(d: dt.date, unit: str) -> Interval:
    if unit == "day":
        return d, d
    if unit == "week":
        return _week_iv(d)
    if unit == "month":
        return _month_iv(d.year, d.month)
    if unit == "weekend":
        sat = d - dt.timedelta(days=d.weekday()) + dt.timedelta(days=5)
        return sat, sat + dt.timedelta(days=1)
    if unit == "decade":
        y0 = d.year - d.year % 10
        return dt.date(y0, 1, 1), dt.date(y0 + 9, 12, 31)
    return _year_iv(d.year)


_GRAIN_OF_UNIT = {"weekend": "day", "day": "day"}


# --------------------------------------------------------------------------- resolution


@dataclass(frozen=True)
class _Base:
    cands: tuple[Interval, ...]  # chronological occurrences (one when determined)
    grain: str
    absolute: bool  # the expression carries its own year
    rel: str = ""
    weekday: bool = False


def _years_around(anchor: dt.date) -> tuple[int, int, int]:
    return anchor.year - 1, anchor.year, anchor.year + 1


def _base(raw: RawTime, anchor: dt.date | None, tense: Tense) -> _Base | None:
    """The interval(s) the expression denotes before modifiers; None = reject."""
    k = raw.kind
    if k == "date":
        assert raw.month is not None and raw.day is not None
        if raw.year is not None:
            d = dt.date(raw.year, raw.month, raw.day)
            return _Base(((d, d),), "day", True)
        if anchor is None:
            return _Base((), "day", False)
        ds = [
            dt.date(y, raw.month, raw.day)
            for y in _years_around(anchor)
            if _valid(y, raw.month, raw.day)
        ]
        return _Base(tuple((d, d) for d in ds), "day", False)
    if k in ("range", "mrange"):
        assert raw.month is not None and raw.month2 is not None
        grain = "day" if k == "range" else "month"

        def ends(y1: int, y2: int) -> Interval | None:
            assert raw.month is not None and raw.month2 is not None
            if k == "range":
                assert raw.day is not None and raw.day2 is not None
                if not (_valid(y1, raw.month, raw.day) and _valid(y2, raw.month2, raw.day2)):
                    return None
                a, b = dt.date(y1, raw.month, raw.day), dt.date(y2, raw.month2, raw.day2)
            else:
                a, b = dt.date(y1, raw.month, 1), _month_end(y2, raw.month2)
            return (a, b) if a <= b else None

        wrap = 1 if (raw.month2, raw.day2 or 0) < (raw.month, raw.day or 0) else 0
        if raw.year2 is not None:
            y1 = raw.year if raw.year is not None else raw.year2 - wrap
            iv = ends(y1, raw.year2)
            return _Base((iv,), grain, True) if iv else None
        if raw.year is not None:
            iv = ends(raw.year, raw.year + wrap)
            return _Base((iv,), grain, True) if iv else None
        if anchor is None:
            return _Base((), grain, False)
        ivs = [iv for y in _years_around(anchor) if (iv := ends(y, y + wrap))]
        return _Base(tuple(ivs), grain, False)
    if k == "month":
        assert raw.month is not None
        if raw.year is not None:
            return _Base((_month_iv(raw.year, raw.month),), "month", True)
        if anchor is None:
            return _Base((), "month", False)
        if raw.unit == "yrel":
            return _Base((_month_iv(anchor.year + raw.n, raw.month),), "month", False)
        return _Base(
            tuple(_month_iv(y, raw.month) for y in _years_around(anchor)), "month", False, raw.rel
        )
    if k == "year":
        assert raw.year is not None
        return _Base((_year_iv(raw.year),), "year", True)
    if k == "years":
        assert raw.year is not None and raw.year2 is not None
        return _Base(((dt.date(raw.year, 1, 1), dt.date(raw.year2, 12, 31)),), "year", True)
    if k == "decade":
        assert raw.year is not None
        return _Base(((dt.date(raw.year, 1, 1), dt.date(raw.year + 9, 12, 31)),), "decade", True)
    if k == "quarter":
        grain = "quarter" if raw.unit == "quarter" else "half"
        size = 3 if raw.unit == "quarter" else 6
        year = raw.year
        absolute = year is not None
        if year is None:
            if anchor is None:
                return _Base((), grain, False)
            year = anchor.year + {"next": 1, "last": -1}.get(raw.rel, 0)
        first = dt.date(year, 1 + size * (raw.n - 1), 1)
        return _Base((_months_span(first, 0, size - 1),), grain, absolute)
    if k == "season":
        if raw.year is not None:
            return _Base((_season_iv(raw.year, raw.unit),), "season", True)
        if anchor is None:
            return _Base((), "season", False)
        rel = R.RELATIVE_WORDS.get(raw.rel, "")
        rel = {"window_past": "last", "window_next": "next"}.get(rel, rel)
        years = (anchor.year - 2, *_years_around(anchor))
        return _Base(tuple(_season_iv(y, raw.unit) for y in years), "season", False, rel)
    if k == "count" and raw.rel == "in" and tense != "future":
        return None  # "in two years" of a past event is a duration
    if anchor is None:
        if k in ("weekday", "dayrel", "window"):
            grain = "day"
        else:
            dated = k == "unit" or raw.rel in ("ago", "later", "in")
            grain = _GRAIN_OF_UNIT.get(raw.unit, raw.unit) if dated else "day"
        return _Base((), grain, False)
    # ---- everything below is relative to the article date
    if k == "weekday":
        ds = [
            anchor + dt.timedelta(days=i)
            for i in range(-7, 8)
            if (anchor + dt.timedelta(days=i)).weekday() == raw.n
        ]
        rel = raw.rel
        if rel == "this":
            week = _week_iv(anchor)
            inside = [d for d in ds if week[0] <= d <= week[1]]
            return _Base(((inside[0], inside[0]),), "day", False)
        return _Base(tuple((d, d) for d in ds), "day", False, rel, weekday=True)
    if k == "dayrel":
        d = anchor + dt.timedelta(days=raw.n)
        return _Base(((d, d),), "day", False)
    if k == "window":
        return _Base(
            ((anchor + dt.timedelta(days=raw.lo), anchor + dt.timedelta(days=raw.hi)),),
            "day",
            False,
        )
    if k == "unit":
        unit = raw.unit
        grain = _GRAIN_OF_UNIT.get(unit, unit)
        if raw.rel == "the" and unit == "weekend":
            sats = [_unit_iv(anchor + dt.timedelta(days=7 * i), "weekend") for i in (-1, 0, 1)]
            return _Base(tuple(sats), "day", False, "", weekday=True)
        if raw.rel in ("this", "the"):
            return _Base((_unit_iv(anchor, unit),), grain, False)
        if raw.rel in ("last", "next"):
            step = -1 if raw.rel == "last" else 1
            if unit == "weekend":
                return _Base((_unit_iv(anchor + dt.timedelta(days=7 * step), unit),), grain, False)
            if unit == "decade":
                return _Base((_unit_iv(_shift(anchor, 10 * step, "year"), unit),), grain, False)
            return _Base((_unit_iv(_shift(anchor, step, unit), unit),), grain, False)
        days = _UNIT_DAYS[unit]
        if raw.rel == "window_past":
            return _Base(((anchor - dt.timedelta(days=days), anchor),), "day", False)
        if raw.rel == "window_next":
            return _Base(
                ((anchor + dt.timedelta(days=1), anchor + dt.timedelta(days=days)),), "day", False
            )
        return None
    if k == "count":
        unit, n = raw.unit, raw.n
        if raw.rel == "ago":
            return _Base((_unit_iv(_shift(anchor, -n, unit), unit),), unit, False)
        if raw.rel == "later":
            return _Base((_unit_iv(_shift(anchor, n, unit), unit),), unit, False)
        if raw.rel == "in":
            return _Base((_unit_iv(_shift(anchor, n, unit), unit),), unit, False)
        if raw.rel == "within":
            return _Base(((anchor, _shift(anchor, n, unit)),), "day", False)
        if raw.rel == "window_past":
            return _Base(((_shift(anchor, -n, unit), anchor),), "day", False)
        if raw.rel == "window_next":
            return _Base(((anchor + dt.timedelta(days=1), _shift(anchor, n, unit)),), "day", False)
    return None


def resolve(
    raw: RawTime,
    text: str,
    sentence_start: int,
    sentence_end: int,
    anchor: dt.date | None,
    anchor_source: str,
    original: str | None = None,
) -> TimeSpan | None:
    """Resolve one scanned expression in its sentence; None when it turns out not to be one.

    ``text`` is the matching view; ``original`` (default ``text``) the text the
    reported string is sliced from. ``anchor_source`` is how the article date is
    known (header|metadata|inferred); it becomes ``resolved_by`` when the date is used.
    """

    def sentence_tense() -> Tense:
        if raw.pre == "since":
            return "past"
        found = tense_at(text, raw.start, raw.end, sentence_start, sentence_end)
        if raw.pre == "by" and not found:
            return "future"
        return found

    # the tense is looked for only where it decides something (it costs a token pass)
    needs_tense = raw.kind == "count" and raw.rel == "in"
    base = _base(raw, anchor, sentence_tense() if needs_tense else "")
    if base is None:
        return None
    src = original if original is not None else text
    modifier = raw.pre or raw.mod
    if modifier in ("earlier", "later"):
        modifier = ""
    surface = src[raw.start : raw.end]
    if not base.cands:
        resolved = "absolute" if base.absolute else "none"
        return TimeSpan(surface, raw.start, raw.end, None, None, base.grain, modifier, resolved)
    moded = [_apply_mod(iv, base.grain, raw.mod, anchor) for iv in base.cands]
    i = 0
    if len(moded) > 1:
        assert anchor is not None
        i = _choose(moded, anchor, sentence_tense(), base.rel, base.weekday)
    period, (first, last) = base.cands[i], moded[i]
    out_first: dt.date | None = first
    out_last: dt.date | None = last
    used_anchor = not base.absolute
    if raw.pre == "by":
        out_first = min(anchor, period[0]) if anchor is not None else period[0]
        used_anchor = used_anchor or anchor is not None
    elif raw.pre == "since":
        # up to the article date; open when there is none, or when the period starts
        # after it ("since 2047" in a 2018 article: a typo or a prediction)
        out_last = anchor if anchor is not None and anchor >= first else None
        used_anchor = used_anchor or out_last is not None
    elif raw.pre == "until":
        out_first = None
    elif raw.pre == "before":
        out_first, out_last = None, first - dt.timedelta(days=1)
    elif raw.pre == "after":
        out_first, out_last = last + dt.timedelta(days=1), None
    if out_first is not None and out_last is not None and out_first > out_last:
        out_last = None  # never an inverted interval (defensive: no rule above makes one)
    if base.absolute:
        resolved_by = "absolute"
    elif used_anchor and anchor is not None:
        resolved_by = anchor_source or "header"
    else:
        resolved_by = "none"
    return TimeSpan(
        surface, raw.start, raw.end, out_first, out_last, base.grain, modifier, resolved_by
    )


def resolve_span(
    raws: Sequence[RawTime],
    starts: Sequence[int],
    text: str,
    sentence_start: int,
    sentence_end: int,
    anchor: dt.date | None,
    anchor_source: str,
    original: str | None = None,
) -> tuple[TimeSpan, ...]:
    """Resolve the expressions of a whole-text ``scan`` that lie inside one sentence.

    ``starts`` are the raws' start offsets (for bisection). Scanning the article once
    and resolving sentence by sentence gives the same result as ``find_times`` on each
    sentence, except for an expression that would straddle a sentence end (dropped).
    """
    i = bisect_left(starts, sentence_start)
    if i == len(raws) or raws[i].start >= sentence_end:
        return ()  # the common case: no expression starts inside the sentence
    out: list[TimeSpan] = []
    while i < len(raws) and raws[i].start < sentence_end:
        raw = raws[i]
        if raw.end <= sentence_end:
            span = resolve(raw, text, sentence_start, sentence_end, anchor, anchor_source, original)
            if span is not None:
                out.append(span)
        i += 1
    return tuple(out)


def find_times(
    text: str,
    start: int = 0,
    end: int | None = None,
    anchor: dt.date | None = None,
    anchor_source: str = "header",
    *,
    original: str | None = None,
) -> tuple[TimeSpan, ...]:
    """The time expressions of the sentence ``text[start:end]``, resolved, in text order.

    ``anchor`` is the article date (None when unknown: nothing is invented).
    ``text`` is matched (pass ``Article.view``); strings are sliced from ``original``
    (pass ``Article.text``), which defaults to ``text``.
    """
    stop = len(text) if end is None else end
    out: list[TimeSpan] = []
    for raw in scan(text, start, stop):
        span = resolve(raw, text, start, stop, anchor, anchor_source, original)
        if span is not None:
            out.append(span)
    return tuple(out)
