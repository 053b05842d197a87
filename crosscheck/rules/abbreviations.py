"""Tables for sentence segmentation (``segment.py``): when a full stop does not end a sentence.

General English (and US/UK news style) only: no person, place or article of any
particular corpus. Keys are lower-case and written without their final period
("u.s" for "U.S.", "sept" for "Sept."); ``segment.py`` lower-cases the word before
a period and looks it up here.

How the tables are used, for a period followed by a space and a capitalised word:

- ``NEVER_FINAL``: never a sentence end ("Mr. Smith", "Gen. Mattis", "e.g. London").
- ``MAY_BE_FINAL``: a sentence end only when the next word is in ``SENTENCE_STARTERS``
  ("the U.S. Government" goes on, "in the U.S. He said" splits). Words made of single
  letters and dots ("U.S.A.", "a.m.", "D.C.") and single capital initials ("John F.
  Kennedy") get the same treatment without being listed.
- Before a digit, any listed abbreviation (either table) keeps the sentence going
  ("No. 5", "Sept. 11", "p. 55").
"""

from __future__ import annotations


def _words(block: str) -> frozenset[str]:
    """The whitespace-separated words of a table written as a text block."""
    return frozenset(block.split())


# Titles and honorifics that always precede a name, and Latin/legal short forms that
# always precede more text: a period after these never ends a sentence.
NEVER_FINAL: frozenset[str] = _words(
    """
    mr mrs ms messrs mmes mme mlle dr drs prof profs
    gen lt col maj capt cmdr cmdt adm brig sgt cpl pvt spc ens
    sen sens rep reps gov govs atty supt insp det rev revs fr msgr hon pres amb
    mt
    e.g i.e vs v cf viz approx ca incl
    """
)

# Abbreviations that can also end a sentence: company suffixes, name suffixes, months
# and weekdays (AP style), address parts, reference marks, US state abbreviations (AP
# style, as in datelines), and other common news short forms.
MAY_BE_FINAL: frozenset[str] = _words(
    """
    inc corp co cos ltd plc bros llp jr sr esq ph.d
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    st ste ave blvd rd ln hwy ft pl sq
    no nos nr p pp vol vols ch chap art arts fig figs sec secs para ed eds est
    dept depts div univ assn assoc dist mfg intl natl govt
    etc al
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn
    miss mo mont neb nebr nev okla ore pa penn tenn tex va vt wash wis wisc wyo
    """
)

# Capitalised words that usually begin a sentence (function words, pronouns,
# question words, sentence adverbs). After a MAY_BE_FINAL abbreviation or an initial,
# the sentence ends only when one of these follows ("co. They should know").
SENTENCE_STARTERS: frozenset[str] = _words(
    """
    A About After Again Against Ahead All Also Although Among An And Another Any Are As At
    Because Before Both But By Can Could Despite Did Do Does During Each Earlier Either Even
    Every Few For From Had Has Have He Her Here His How However I If In Instead Is It Its
    Just Later Let Am Many Meanwhile More Most Much My Neither Never No Nor Not Now On Once One
    Only Or Other Our Over Perhaps Several She Should Since So Some Still Such That The
    Their Then There These They This Those Though Thus To Under Unlike Until Was We Were
    What When Where Whether Which While Who Why Will With Within Without Would Yes Yet You
    Your
    """
)

# Reporting verbs that can follow a quoted question or exclamation and a capitalised
# name ('"Why now?" Smith asked.'): there the quote is part of the sentence, so the
# "?"/"!" inside it does not end the sentence. (A lower-case tag, '"Go!" he said',
# never splits, whatever the verb.)
QUOTE_TAG_VERBS: frozenset[str] = _words(
    """
    said says asked asks added adds told tells replied replies answered shouted shouts
    yelled cried exclaimed wrote writes tweeted posted wondered continued insisted
    insists noted remarked recalled demanded demands urged warned declared
    """
)

# Quote marks and brackets that may close a sentence after its terminator
# ('... now."', '... (see above.)'): they belong to the sentence they close.
CLOSERS = ")]}\"'\u201d\u2019\u00bb\u203a"

# Quote marks and brackets that may open a sentence.
OPENERS = "\"'\u201c\u2018\u00ab\u2039([{"

# List bullets: each one starts a new sentence ("• First item • Second item").
BULLETS = "\u2022\u2023\u2043\u25e6\u25aa\u25b8\u25ba"

# Characters that end a sentence (followed by whitespace): full stop, question and
# exclamation marks, the ellipsis character and the interrobang.
TERMINATORS = ".!?\u2026\u203d"

# A hard-wrapped text (single newlines inside sentences) is recognised when at least
# this share of its single newlines continue a sentence (the line does not end in
# sentence punctuation and the next one starts lower-case). In line-per-paragraph text
# (PolNeAR, the seeds) the share is near 0; in prose wrapped at a fixed width it is
# about 0.5 or more.
WRAPPED_MIN_SHARE = 0.2

# ... and when it has at least this many single newlines (fewer says nothing).
WRAPPED_MIN_LINES = 3

# In hard-wrapped text a line shorter than this share of the longest line, without
# final punctuation and followed by a line that does not start lower-case, ends its
# sentence (a heading or a line of a list).
WRAPPED_SHORT_LINE = 0.6

# A word before a period longer than this is not looked up (URLs, long tokens); it
# also bounds the backward scan, which keeps segmentation linear.
MAX_ABBREVIATION_SCAN = 40
