"""Date formats for reading publication dates: metadata fields, ``.txt`` headers, datelines.

These tables are used by ingest (metadata dates, the ``date YYYY-MM-DD`` header of
``.txt`` files) and by clean (a date printed at the very top of an article's body,
the only content a publication date may be inferred from). They are general English
date notation, nothing corpus-specific.

Every pattern here is linear: alternations of literal words and bounded digit runs,
no nested quantifiers.
"""

from __future__ import annotations

import re

# Month names and abbreviations (lower case, without the final dot) -> month number.
MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

# Regex alternation for a month name (full or abbreviated, optional dot).
MONTH_PATTERN = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)

# Regex alternation for a weekday name (full or abbreviated, optional dot).
WEEKDAY_PATTERN = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\.?"
)

# One calendar date with its year, in the notations news metadata and datelines use.
# Named groups: iso_* (2016-09-12), ymd_* (2016/09/12), mdy_* (September 12, 2016),
# dmy_* (12 September 2016), num_* (4/5/2017 = M/D/YYYY, or D.M.YYYY with dots).
DATE_PATTERN = (
    r"(?:(?P<iso_y>\d{4})-(?P<iso_m>\d{1,2})-(?P<iso_d>\d{1,2})"
    r"|(?P<ymd_y>\d{4})/(?P<ymd_m>\d{1,2})/(?P<ymd_d>\d{1,2})"
    r"|(?P<mdy_m>"
    + MONTH_PATTERN
    + r")[ \t]+(?P<mdy_d>\d{1,2})(?:st|nd|rd|th)?,?[ \t]+(?P<mdy_y>\d{4})"
    r"|(?P<dmy_d>\d{1,2})(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?(?P<dmy_m>"
    + MONTH_PATTERN
    + r"),?[ \t]+(?P<dmy_y>\d{4})"
    r"|(?P<num_a>\d{1,2})(?P<num_sep>[/.])(?P<num_b>\d{1,2})[/.](?P<num_y>\d{4}))"
    r"(?!\d)"
)

# A numeric date with a two-digit year, as scraped metadata often writes it
# ("10/10/18", "24.08.13"): read like the num_* dates (slash: month first unless the
# first number is over 12; dot: day first), the year by SHORT_YEAR_PIVOT. Only in a
# metadata field, where the value is known to be a date: in running text "4/12/19"
# may as well be a score or a ratio.
SHORT_YEAR_DATE_PATTERN = (
    r"(?P<short_a>\d{1,2})(?P<short_sep>[/.])(?P<short_b>\d{1,2})(?P=short_sep)(?P<short_y>\d{2})"
    r"(?!\d)"
)

# A two-digit year below the pivot is in the 2000s, any other in the 1900s ("18" is
# 2018, "98" is 1998): the POSIX convention of strptime's %y.
SHORT_YEAR_PIVOT = 69

# A metadata date value: optional weekday, a date, then optionally a time and zone
# ("2016-09-12T10:00:00Z", "Mon, 12 Sep 2016 10:00:00 +0000", "4/5/2017", "10/10/18").
METADATA_DATE = re.compile(
    r"[ \t]*(?:"
    + WEEKDAY_PATTERN
    + r",?[ \t]+)?(?:"
    + DATE_PATTERN
    + "|"
    + SHORT_YEAR_DATE_PATTERN
    + r")(?:(?:T|[ \t,]+(?:at[ \t]+)?)\d[^\n]*)?[ \t]*\Z",
    re.IGNORECASE,
)

# A bare Unix timestamp in seconds (9-10 digits) or milliseconds (12-13 digits).
EPOCH_DATE = re.compile(r"[ \t]*(?P<secs>\d{9,10})(?P<millis>\d{3})?[ \t]*\Z")

# The ``.txt`` header: a first line ``date <value> [label]``. The value must contain a
# digit, so prose starting with the word "date" is not taken for a header. Only
# ``YYYY-MM-DD`` (HEADER_DATE) is a valid value; anything else is reported.
HEADER_LINE = re.compile(
    r"[ \t\u00a0]*date[ \t\u00a0]+(?P<value>[^ \t\u00a0\r\n]*\d[^ \t\u00a0\r\n]*)(?P<label>[^\r\n]*)"
)
HEADER_DATE = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\Z")

# Words that may introduce a publication date printed at the top of an article.
PUBLISHED_PREFIX_PATTERN = (
    r"(?:(?:first[ \t]+)?published|posted|updated|last[ \t]+updated|last[ \t]+modified|date)"
    r"(?:[ \t]+(?:on|at))?[ \t]*[:\-]?[ \t]*"
)

# A publication date at the very start of a body line ("Wed 05 Apr 2017 ...",
# "Published February 18 2015 ...", "12 February 2015 ...", "24.08.2013 ...").
LEADING_DATE = re.compile(
    r"[ \t]*(?:"
    + PUBLISHED_PREFIX_PATTERN
    + r")?(?:"
    + WEEKDAY_PATTERN
    + r",?[ \t]+)?"
    + DATE_PATTERN,
    re.IGNORECASE,
)

# A dateline with the date after the place: "BEIRUT, Sept. 12, 2016 (Reuters) -",
# "LONDON, 12 September 2016 -". The place is one to three capitalised words.
DATELINE_DATE = re.compile(
    r"[ \t]*[A-Z][A-Za-z.'\-]{1,20}(?:[ \t][A-Z][A-Za-z.'\-]{1,20}){0,2},[ \t]*"
    r"(?:" + WEEKDAY_PATTERN + r",?[ \t]+)?" + DATE_PATTERN + r"[ \t]*(?:\(|[-\u2013\u2014/:])"
)

# A line that is only a date (with an optional "Published:" prefix and a time):
# printed at the top of many scraped pages.
DATE_ONLY_LINE = re.compile(
    r"[ \t]*(?:"
    + PUBLISHED_PREFIX_PATTERN
    + r")?(?:"
    + WEEKDAY_PATTERN
    + r",?[ \t]+)?"
    + DATE_PATTERN
    + r"(?:[ \t,|]+(?:at[ \t]+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[ \t]*[ap]\.?m\.?)?(?:[ \t]+[A-Z]{2,5})?)?[ \t]*\Z",
    re.IGNORECASE,
)

# Earliest and latest plausible publication years.
MIN_YEAR = 1900
MAX_YEAR = 2100
