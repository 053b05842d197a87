"""Quantity lexicon: the data behind ``crosscheck.quantities`` (and the counts in
``crosscheck.timex``, "two weeks ago").

General English. Each table says what it is for.
"""

from __future__ import annotations


def _words(block: str) -> frozenset[str]:
    """The whitespace-separated words of a table written as a text block."""
    return frozenset(block.split())


# Number words and their value ("three groups", "twenty-five", "two hundred").
NUMBER_WORDS: dict[str, int] = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}

# Multipliers: after a number word or digits ("two hundred", "1.2 billion", "$3bn").
SCALE_WORDS: dict[str, int] = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "bn": 1_000_000_000,
    "mln": 1_000_000,
}

# Vague amounts: phrase -> (nominal value, hedge). The value is a typical lower
# bound, and the hedge (the phrase itself, canonicalised) tells a judge that the
# figure is not exact: never compare it as an exact number.
VAGUE_AMOUNTS: dict[str, tuple[float, str]] = {
    "a few": (3.0, "a few"),
    "a couple of": (2.0, "about"),
    "several": (3.0, "several"),
    "a dozen": (12.0, ""),
    "half a dozen": (6.0, ""),
    "dozens of": (24.0, "dozens"),
    "scores of": (40.0, "dozens"),
    "hundreds of": (200.0, "hundreds"),
    "thousands of": (2_000.0, "thousands"),
    "tens of thousands of": (20_000.0, "tens of thousands"),
    "hundreds of thousands of": (200_000.0, "hundreds of thousands"),
    "millions of": (2_000_000.0, "millions"),
}

# Hedges written before a number, and the canonical Quantity.hedge they give.
HEDGES: dict[str, str] = {
    "about": "about",
    "around": "about",
    "approximately": "about",
    "roughly": "about",
    "some": "about",
    "an estimated": "about",
    "estimated": "about",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "just under": "nearly",
    "more than": "more than",
    "over": "more than",
    "above": "more than",
    "upwards of": "more than",
    "in excess of": "more than",
    "less than": "less than",
    "fewer than": "less than",
    "under": "less than",
    "below": "less than",
    "at least": "at least",
    "no fewer than": "at least",
    "no less than": "at least",
    "a minimum of": "at least",
    "up to": "up to",
    "as many as": "up to",
    "at most": "up to",
    "no more than": "up to",
    "a maximum of": "up to",
}

# Currency symbols before a number and the unit they give.
CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "dollar",
    "US$": "dollar",
    "\u20ac": "euro",
    "\u00a3": "pound",
}

# Percent words after a number (unit "percent").
PERCENT_WORDS: tuple[str, ...] = ("%", "percent", "per cent", "pct")

# Nouns whose following number is an identifier, not an amount ("resolution 2254",
# "Article 5", "Flight 17"). Such a number is reported with unit = the noun and
# hedge = ID_HEDGE, so a judge never compares it as a quantity.
ID_NOUNS: frozenset[str] = _words(
    """
    resolution resolutions article articles flight flights room paragraph paragraphs
    page pages chapter section clause protocol number no no. route highway road gate
    terminal platform building block bus train vol volume issue item point square
    district zone sector code case act bill law decree order round session phase stage
    level grade category
    """
)
ID_HEDGE = "id"

# Words after a number that are not its unit (function words, verbs): the unit is
# left empty ("the toll rose to 45 on Monday").
NOT_UNITS: frozenset[str] = _words(
    """
    a an the and or but nor of in on at to from by for with without into onto over under
    is are was were be been being has have had do does did will would shall should can
    could may might must said says told as than that this these those which who whom
    whose what when where while if so also each per percent
    """
)

# Determiners before a year-like number that make it a year, not a count ("the 2015
# elections", but "killed 2000 people" in a text whose commas were stripped).
DETERMINERS: frozenset[str] = _words(
    """
    the this that these those its their his her our your a an
    """
)

# Words following "one" that show it is a pronoun, not the number ("one of the",
# "one another", "the one who").
ONE_NOT_NUMBER_AFTER: frozenset[str] = _words(
    """
    of another who that which is was has had will would can could said says
    """
)
ONE_NOT_NUMBER_BEFORE: frozenset[str] = _words(
    """
    no the any every each this that which someone anyone everyone no-one
    """
)

# Adjectives commonly between a number and its noun ("two main requirements",
# "three armed groups"); the unit is then the noun after them.
QUANTITY_ADJECTIVES: frozenset[str] = _words(
    """
    main major key other more new old separate different senior junior armed rebel
    civilian additional further extra small large big young elderly wounded injured dead
    killed foreign local military key top first last previous next few
    """
)

# Irregular plural units -> singular.
IRREGULAR_SINGULARS: dict[str, str] = {
    "people": "person",
    "men": "man",
    "women": "woman",
    "children": "child",
    "feet": "foot",
    "lives": "life",
}
