"""Time lexicon: the data behind ``crosscheck.timex`` (the time grammar).

General English. Every table says what it is for; the grammar in ``timex.py``
compiles them once into regular expressions. The interval conventions themselves
(early/mid/late, the end of YEAR, by the end of YEAR, seasons, windows) are
documented in ``timex.py``'s module docstring and implemented there.
"""

from __future__ import annotations


def _words(block: str) -> frozenset[str]:
    """The whitespace-separated words of a table written as a text block."""
    return frozenset(block.split())


# Month names and their number. Full names match capitalised or ALL CAPS; the
# abbreviations match only inside a full date ("Dec. 30", "30 Dec 2016"), never alone.
MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}

MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

# Month names that are also ordinary English words or first names ("may" the modal,
# "March" the verb or noun, "June" and "August" the names or adjective). Alone, they
# count as a month only in a date-like context: a preposition or modifier before them
# (in, since, by, early, the end of...), or a day or year beside them.
AMBIGUOUS_MONTHS: frozenset[str] = frozenset({"may", "march", "june", "august"})

# Weekday names (0 = Monday, as datetime.date.weekday()). Full names match alone;
# the abbreviations only as the prefix of a full date ("Wed 05 Apr 2017").
WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "mon": 0,
    "tue": 1,
    "tues": 1,
    "wed": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}

# Parts of the day that may follow a weekday or today/yesterday/tomorrow and stay
# inside the expression ("Tuesday night"); they do not change the (day) interval.
DAY_PARTS: tuple[str, ...] = ("morning", "afternoon", "evening", "night")

# Seasons, northern hemisphere (meteorological): the first and last month of each.
# Winter YEAR runs from December of YEAR to February of YEAR + 1.
SEASONS: dict[str, tuple[int, int]] = {
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "winter": (12, 2),
}

# Seasons that are also common words in another sense ("the fall of Aleppo"): they
# count only with a year or with this/next/last.
AMBIGUOUS_SEASONS: frozenset[str] = frozenset({"fall"})

# Modifiers written before a period ("early 2019", "mid-November", "late last year")
# and the canonical TimeSpan.modifier they give.
PERIOD_MODIFIERS: dict[str, str] = {
    "early": "early",
    "mid": "mid",
    "middle": "mid",
    "late": "late",
}

# "the <part> of <period>" ("the end of 2018", "the beginning of next month") and the
# canonical modifier each part gives.
PERIOD_PARTS: dict[str, str] = {
    "beginning": "start",
    "start": "start",
    "outset": "start",
    "middle": "mid",
    "end": "end",
    "close": "end",
}

# Prepositions before a time expression that change its meaning; they become the
# TimeSpan.modifier and stay inside the expression's text ("by the end of 2018",
# "since 2011"). by = deadline; since = from then to the article date; until/till =
# up to and including; before/after = open interval on the other side.
SEMANTIC_PREPOSITIONS: dict[str, str] = {
    "by": "by",
    "since": "since",
    "until": "until",
    "till": "until",
    "before": "before",
    "after": "after",
}

# Prepositions that mark a following word as date-like ("in May", "of March") but add
# no meaning; they are not part of the expression's text.
CONTEXT_PREPOSITIONS: tuple[str, ...] = (
    "in",
    "on",
    "of",
    "during",
    "at",
    "from",
    "between",
    "through",
    "throughout",
    "over",
    "for",
    "within",
    "around",
)

# Words joining the two ends of a range ("January 23-24", "from March 3 to March 5",
# "between 2011 and 2015").
RANGE_JOINERS: tuple[str, ...] = ("-", "\u2013", "\u2014", "to", "until", "till", "through", "and")

# Words starting a range whose end follows ("from X to Y", "between X and Y").
RANGE_OPENERS: tuple[str, ...] = ("from", "between")

# Relative words before week/month/year/weekend/a weekday/a season/a month name, and
# what each selects: this = the one containing the article date, last = the previous
# one, next = the following one, past = the window ending at the article date.
RELATIVE_WORDS: dict[str, str] = {
    "this": "this",
    "current": "this",
    "the current": "this",
    "next": "next",
    "the next": "window_next",
    "coming": "next",
    "the coming": "window_next",
    "last": "last",
    "previous": "last",
    "the previous": "window_past",
    "the last": "window_past",
    "past": "window_past",
    "the past": "window_past",
}

# Days relative to the article date.
RELATIVE_DAYS: dict[str, int] = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "yesterday": -1,
    "last night": -1,
    "tomorrow": 1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
}

# Vague windows around the article date, in days (first, last) relative to it:
# "in the coming days" = the two weeks after the article date; "in recent weeks" =
# the six weeks before it. Documented conventions, not facts about the text.
VAGUE_WINDOWS: dict[str, tuple[int, int]] = {
    "coming days": (1, 14),
    "coming weeks": (1, 42),
    "coming months": (1, 183),
    "next few days": (1, 14),
    "next few weeks": (1, 42),
    "next few months": (1, 183),
    "recent days": (-14, 0),
    "recent weeks": (-42, 0),
    "recent months": (-183, 0),
    "past few days": (-14, 0),
    "past few weeks": (-42, 0),
    "past few months": (-183, 0),
    "last few days": (-14, 0),
    "last few weeks": (-42, 0),
    "last few months": (-183, 0),
}

# Calendar units a count can apply to ("two weeks ago", "in three days").
COUNT_UNITS: dict[str, str] = {
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "month": "month",
    "months": "month",
    "year": "year",
    "years": "year",
}

# ---------------------------------------------------------------------- tense cues
# Tense decides the year (or week) of an incomplete date. The grammar looks at the
# words before the expression in the same sentence (up to TENSE_WINDOW_LEFT
# characters; the nearest cue wins) and, when there is none, at the words after it
# (up to TENSE_WINDOW_RIGHT characters; the nearest wins). Entries are lower-case
# phrases; a space matches any run of white space.

TENSE_WINDOW_LEFT = 160
TENSE_WINDOW_RIGHT = 100

# Cues of a future (or planned, expected) event: resolve to this or the next occurrence.
FUTURE_CUES: tuple[str, ...] = (
    "will",
    "won't",
    "'ll",
    "shall",
    "would",
    "going to",
    "expected",
    "expects",
    "expect",
    "expecting",
    "anticipated",
    "scheduled",
    "rescheduled",
    "slated",
    "set to",
    "set for",
    "plan to",
    "plans to",
    "planned",
    "planning",
    "intend to",
    "intends to",
    "intended to",
    "aims to",
    "aim to",
    "hopes to",
    "hope to",
    "is to",
    "are to",
    "was to",
    "were to",
    "to be held",
    "to take place",
    "to begin",
    "to start",
    "to resume",
    "to convene",
    "to meet",
    "upcoming",
    "forthcoming",
    "might",
    "may",
    "could",
    "postponed to",
    "postponed until",
    "postponed till",
    "delayed to",
    "delayed until",
    "pushed back to",
    "pushed back until",
    "moved to",
    "rescheduled for",
    "looks forward",
    "look forward",
    "looking forward",
)

# "due to" is a future cue only before a verb ("due to begin"), not before a noun
# phrase ("due to the fighting"): these words after it rule the cue out.
DUE_TO_NOT_BEFORE: tuple[str, ...] = (
    "the",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "this",
    "that",
    "these",
    "those",
    "lack",
    "security",
    "bad",
    "poor",
)

# Cues of a past event: resolve to this or the previous occurrence. Regular past
# tense (-ed words) is recognised by pattern, minus ED_NOT_PAST.
PAST_CUES: tuple[str, ...] = (
    "was",
    "were",
    "had",
    "did",
    "has been",
    "have been",
    "held",
    "took",
    "said",
    "told",
    "met",
    "began",
    "begun",
    "came",
    "went",
    "saw",
    "gave",
    "made",
    "left",
    "fled",
    "won",
    "lost",
    "fought",
    "struck",
    "hit",
    "sent",
    "spoke",
    "wrote",
    "brought",
    "built",
    "fell",
    "broke",
    "became",
    "ago",
    "since",
    "previously",
    "earlier",
    "already",
    "agreed",
    "freed",
    # irregular past tenses (regular ones are recognised by their -ed ending)
    "sought",
    "thought",
    "caught",
    "taught",
    "bought",
    "rose",
    "drove",
    "chose",
    "ran",
    "sank",
    "shot",
    "led",
    "fed",
    "knew",
    "grew",
    "threw",
    "flew",
    "drew",
    "withdrew",
    "overthrew",
    "stood",
    "understood",
    "shook",
    "woke",
    "froze",
    "stole",
    "rode",
    "arose",
    "stuck",
    "hung",
    "spent",
    "meant",
    "felt",
    "kept",
    "swept",
    "paid",
    "laid",
    "sold",
    "found",
    "heard",
    "sat",
    "got",
    "forgot",
    "hid",
    "lit",
    "forbade",
    "wore",
    "swore",
    "tore",
    "blew",
    "bore",
    "dealt",
    "fled",
    "slew",
)

# Words ending in -ed that are not past-tense reports: adjectives and participles of
# planning ("expected", "scheduled" are future cues above), and ordinary words.
ED_NOT_PAST: frozenset[str] = _words(
    """
    expected scheduled rescheduled planned slated supposed intended proposed anticipated
    armed based backed united concerned related detailed limited advanced unified
    revamped besieged interested involved alleged suspected called so-called hundred
    sacred wicked naked kindred beloved crooked rugged ragged unprecedented unexpected
    unidentified unnamed unspecified
    """
)

# Nouns after a weekday that make it the day of that thing ("after Friday prayers",
# "before Tuesday's vote"): the preposition then applies to the thing, not to the
# day, and the expression is the day itself.
DAY_THING_NOUNS: frozenset[str] = _words(
    """
    prayer prayers attack attacks meeting meetings talks vote votes deadline speech
    strike strikes bombing bombings session sessions service services sermon sermons
    game match election elections summit protest protests raid raids
    """
)

# ---------------------------------------------------------------------- scanning
# The grammar is not run at every position of the text (too slow in Python): it is
# tried only around "trigger" words that every time expression contains: a month or
# weekday name (capitalised), a year (19xx/20xx), or one of these lower-case word
# parts (found as substrings: "day" finds today, yesterday, days; "night" tonight).
TRIGGER_PARTS: tuple[str, ...] = (
    "day",
    "year",
    "week",
    "month",
    "night",
    "tomorrow",
    "morning",
    "afternoon",
    "evening",
    "decade",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
)

# Words that may come before the trigger inside one expression ("by the end of",
# "in early", "the first half of", "from ... to", "two weeks"): from a trigger the
# scanner steps back over these (and over numbers) to find where the expression may
# start. Number words (rules.quantities.NUMBER_WORDS) are added to them.
PREFIX_WORDS: frozenset[str] = _words(
    """
    in on of during at from between through throughout over for within around and or to
    by since until till before after early mid middle late earlier later the a an very
    beginning start outset end close this next last past previous coming current recent
    few several couple first second third fourth final quarter half q1 q2 q3 q4 year
    """
)
