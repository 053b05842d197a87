"""Tables for the cross-article stages: group, match and judge.

General English only: no person, place or article of any particular corpus. Every
threshold used by ``group.py``, ``match.py`` and ``judge.py`` lives here with a line
saying what it does and why it has that value (measured on ``../shared/corpora``).
Similarity scores are rapidfuzz scores (0-100) unless said otherwise; overlaps are
fractions (0-1).
"""

from __future__ import annotations


def _table(text: str) -> frozenset[str]:
    """A word table written as one whitespace-separated string."""
    return frozenset(text.split())


# --------------------------------------------------------------------------- words

# Function words (and reporting verbs) ignored when comparing the contents of claims
# and when picking rare words for blocking: they say nothing about what a claim is
# about.
STOPWORDS: frozenset[str] = _table("""
    a about above after again against all also am an and any are aren as at be because been
    before being below between both but by can cannot could did do does doing don down during
    each few for from further had has have having he her here hers herself him himself his how
    i if in into is it its itself just let me more most my myself no nor not now of off on once
    only or other ought our ours ourselves out over own same she should so some such than that
    the their theirs them themselves then there these they this those through to too under
    until up upon very was we were what when where which while who whom why will with would you
    your yours yourself yourselves per via among amid within without across along around
    onto toward towards whether though although however yet still even ever already since
    s t ll re ve d m mr mrs ms dr
    said says say saying told tell tells added adding stated stating noted noting according
    reported reporting claimed claiming announced announcing
    """)

# Negation words: removed before comparing two claims for polarity (so that "did not
# attack" and "attacked" can be recognised as the same statement with opposite
# polarity). The polarity itself comes from Claim.negated (normalise).
NEGATION_WORDS: frozenset[str] = _table(
    "not no never nobody nothing none neither nor n't cannot without denied denies deny"
)

# Words that end the main clause of a long sentence. The main clause (the text before
# ", with ...", ", which ..." and so on) carries the statement; the rest is background
# that differs between two outlets paraphrasing the same fact.
CLAUSE_BREAKERS: tuple[str, ...] = (
    "with",
    "which",
    "who",
    "whom",
    "whose",
    "while",
    "whereas",
    "including",
    "as",
    "after",
    "before",
    "but",
    "and",
    "although",
    "though",
    "where",
    "when",
    "according",
    "adding",
    "saying",
    "amid",
)

# Words that turn to another clause of time or contrast: a place after one of them
# ("19 killed near the capital, hours AFTER a gas attack in Khan Sheikhun") is not
# where the number before it happened.
CLAUSE_TURNS: frozenset[str] = _table(
    "after before while whereas although though but since until following amid"
)

# Words that are written with a capital but are not names (sentence openers, days,
# months, honorifics, number words opening a clause): never used as "proper noun"
# evidence of participants.
NOT_NAMES: frozenset[str] = _table("""
    the a an this that these those it its he she they we i you his her their our my your
    in on at for from by with of to and or but as after before during since while when where
    monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    mr mrs ms dr sir madam president minister secretary spokesman spokeswoman spokesperson
    however meanwhile moreover also earlier later today yesterday tomorrow last next
    according some many most all both several
    one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred hundreds thousand thousands dozen dozens
    """)

# --------------------------------------------------------------------------- speakers

# Title and role keywords. A speaker mention written "Russian Foreign Minister Sergei
# Petrov" splits at the last of these words into a role ("Russian Foreign Minister")
# and a name ("Sergei Petrov"); a mention made only of role words and adjectives ("the
# Russian foreign minister") is a role-only speaker, merged with the person who holds
# that role when that is unambiguous.
SPEAKER_ROLE_KEYWORDS: frozenset[str] = _table("""
    minister ministers president vice premier chancellor secretary undersecretary deputy
    spokesman spokeswoman spokesperson spokespeople ambassador envoy representative
    diplomat diplomats chief head director general commander colonel major lieutenant
    sergeant captain admiral marshal governor mayor senator congressman congresswoman
    representative speaker chairman chairwoman chair leader leaders king queen prince
    emir sheikh ayatollah pope cardinal bishop imam official officials aide adviser advisor
    counselor counsellor attorney judge prosecutor analyst expert researcher professor
    correspondent reporter editor founder ceo chief executive officer monitor negotiator
    mediator coordinator commissioner delegate delegation foreign defense defence interior
    justice finance state counterpart
    """)

# Words that make a speaker an organisation rather than a person.
ORGANISATION_WORDS: frozenset[str] = _table("""
    ministry department office council committee commission agency administration government
    army forces force military command coalition alliance front party movement group
    observatory organization organisation union league association institute center centre
    foundation service services press bureau embassy mission court parliament senate
    congress assembly board authority authorities company corporation bank network channel
    agency news television radio newspaper website kremlin pentagon nations
    """)

# Honorifics dropped from the front of a person's name before keying it.
HONORIFICS: frozenset[str] = _table("mr mrs ms miss dr sir prof professor lord lady")

# Name particles kept with the last name ("de Santis" keys as "santis", "al-Assad" as
# "assad"): dropped when building the last-name key.
NAME_PARTICLES: frozenset[str] = _table(
    "de da di del della van von der den le la al el bin ibn abu ben du st abd abdel abdul"
)

# Determiners and possessives stripped from the front of role and event mentions.
LEADING_DETERMINERS: frozenset[str] = _table(
    "the a an this that these those his her its their our my your"
)

# Two last names with this rapidfuzz ratio (or more) and the same first initial are one
# person ("Gennadiy Sokolov" / "Gennady Sokolov", "Miller" / "Millar").
SPEAKER_NAME_FUZZY_MIN: float = 85.0

# A role-only speaker joins the person holding that role elsewhere only if exactly one
# person holds it among claims published within this many days of the role-only claim
# (office holders change; "the US secretary of state" in 2013 and 2018 are different
# people).
ROLE_HOLDER_WINDOW_DAYS: int = 365

# --------------------------------------------------------------------------- events

# Event head nouns that are spelled differently but mean the same kind of event. Used
# only to compare heads; the keys themselves come from normalise.
EVENT_HEAD_EQUIVALENTS: dict[str, str] = {
    "cease-fire": "ceasefire",
    "truce": "ceasefire",
    "armistice": "ceasefire",
    "talk": "talks",
    "negotiation": "talks",
    "negotiations": "talks",
    "consultation": "talks",
    "consultations": "talks",
    "conference": "conference",
    "summit": "summit",
}

# Heads of events that recur under one name (the talks in Geneva had many rounds;
# summits come every year). Two times given for such an event are only compared when
# the articles were published within RECURRING_EVENT_WINDOW_DAYS of each other;
# otherwise they are most likely different rounds.
RECURRING_EVENT_HEADS: frozenset[str] = _table(
    "talks meeting round session summit conference forum election elections vote poll "
    "exercise exercises visit"
)
RECURRING_EVENT_WINDOW_DAYS: int = 45

# Two event keys (sorted content words) with this rapidfuzz token_sort_ratio or more,
# the same head, and the same numbers/ordinals are one event (spelling and inflection
# variants left after normalise's singularisation).
EVENT_KEY_FUZZY_MIN: float = 90.0

# A shorter key whose words are all inside a longer key (same head) joins it
# ("syrian national congress" -> "syrian national dialogue congress") only when it has
# at least this many words (head included) and exactly one longer key contains it.
EVENT_SUBSET_MIN_WORDS: int = 3

# Ordinals: two event keys that differ in one of these (or in a number) are different
# events ("eighth round" vs "ninth round").
ORDINAL_WORDS: frozenset[str] = _table("""
    first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
    thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth
    eight nine ten eleven twelve one two three four five six seven next last previous
    new upcoming latest
    """)

# A time follows the event it dates ("the congress ... will be held in Varna in
# December") within this many characters of the end of the event mention; a time
# before the mention dates it only when nothing but punctuation and determiners stand
# between ("In late January, the congress ...").
EVENT_TIME_WINDOW_AFTER: int = 200
EVENT_TIME_WINDOW_BEFORE: int = 12

# A place LOCATES an event when the text between the event
# mention and the place says so: optional relative/passive words of taking place
# ("was expected to take place", "to be held", "which opened"), then "in" or "at",
# then at most EVENT_PLACE_MAX_WORDS descriptive words ("the Russian Black Sea resort
# city of"). "Slovenian elections Thousands of migrants walk into Turkey" does not.
EVENT_PLACE_VERBS: frozenset[str] = _table(
    "which that to be been being is was were are will would could might may should "
    "expected scheduled set due planned slated going held hold take takes took taking "
    "place convene convenes convened convening hosted host opened open opens begin begins "
    "began start starts started starting kick kicks kicked off also now first finally "
    "reportedly currently initially originally"
)
EVENT_PLACE_MAX_WORDS: int = 8

# Contrast markers: when a claim gives an earlier expectation and a revised one joined
# by one of these ("was expected in mid-November, however, it might take place in
# December"), the time after the marker is the claim's current value.
CONTRAST_MARKERS: tuple[str, ...] = (
    "however",
    "but",
    "although",
    "though",
    "yet",
    "instead",
    "rather",
    "now",
    "whereas",
    "nevertheless",
    "postponed",
    "delayed",
    "moved",
    "rescheduled",
    "pushed back",
)

# Phrases that mark a time as an expectation that no longer holds ("was expected to
# take place in mid-November"): shown, but read as an earlier stage of a timeline.
SUPERSEDED_MARKERS: tuple[str, ...] = (
    "was expected",
    "were expected",
    "had been expected",
    "was scheduled",
    "were scheduled",
    "had been scheduled",
    "was planned",
    "were planned",
    "had been planned",
    "was supposed",
    "were supposed",
    "was due",
    "were due",
    "was set to",
    "were set to",
    "originally",
    "initially",
    "previously",
)

# Time modifiers that make an open interval ("since 2011", "before 2015"): they say
# how long a state has lasted, not when an event takes place, so they are not used as
# an event's time.
OPEN_TIME_MODIFIERS: frozenset[str] = frozenset({"since", "before", "after"})

# Events with more dated claims than this compare only the EVENT_PAIRWISE_MAX / 2
# earliest-ending and latest-starting values pairwise (the extremes decide whether
# intervals clash), so judging one event stays linear in its size.
EVENT_PAIRWISE_MAX: int = 200

# Day-grain times one day apart are read as the same day (time zones, "overnight").
TIME_SLACK_DAYS: int = 1

# --------------------------------------------------------------------------- match

# Sorted-neighbourhood windows (match.py): in each pass every claim is compared with
# the next window - 1 claims of the pass's sorted order, so a pass over m entries
# costs at most m * (window - 1) comparisons: linear in the corpus. Event, speaker
# and incident passes use MAX_BLOCK; the rare-word passes, which hold every claim,
# use WORD_BLOCK_WINDOW. Measured on abp-10k (pairs per doubling, 1k->2k->4k
# articles): per-block windows 64 gave 3.2x; per-block 8/32 gave 2.3x then 2.2x
# (small blocks compared all-pairs grow quadratically until they reach the window);
# the sliding passes are exactly linear.
MAX_BLOCK: int = 8
WORD_BLOCK_WINDOW: int = 4

# Rare-word blocking: each claim is put in the blocks of its RARE_WORDS_PER_CLAIM
# rarest content words (document frequency over claims >= 2). Words found in more than
# RARE_WORD_MAX_DF claims are too common to be a block key.
RARE_WORDS_PER_CLAIM: int = 3
RARE_WORD_MAX_DF: int = 400

# Candidate pairs must reach this rapidfuzz token_set_ratio (on normalised contents or
# on their main clauses) to be judged at all.
CANDIDATE_CUTOFF: float = 60.0

# --------------------------------------------------------------------------- judge

# Statement agreement: the main clauses (or whole contents) share at least
# AGREE_MIN_SHARED content words and the shared words cover at least AGREE_OVERLAP of
# the longer of the two.
AGREE_MIN_SHARED: int = 4
AGREE_OVERLAP: float = 0.7

# Two claims whose sentences are this similar (rapidfuzz ratio, lower case, at least
# COPY_MIN_WORDS words) are one text copied, not two independent sources.
COPY_RATIO: float = 95.0
COPY_MIN_WORDS: int = 8

# Quote variants: the same speaker, direct quotes whose content words overlap at least
# this much (of the longer quote) but whose wording differs.
QUOTE_VARIANT_OVERLAP: float = 0.5

# Slot contradictions between two statements (number, polarity, and times of
# statements that name no event) need the statements to be at least this similar
# (shared content words over the longer, after removing numbers, times and negation).
SLOT_SAME_STATEMENT_OVERLAP: float = 0.6

# Related: candidates at least this similar (token_set_ratio) that neither agree nor
# contradict, clustered by the block that brought them together.
RELATED_MIN: float = 75.0

# Number hedges (Quantity.hedge as normalise writes it): the interval a hedged number
# stands for, as (low factor, high factor) of the value; None for unbounded. "about
# 40" is 34..46. A hedge not in this table (vague amounts: "dozens", "several",
# "hundreds"; identifiers: "id") makes the number incomparable: never a contradiction.
NUMBER_HEDGES: dict[str, tuple[float | None, float | None]] = {
    "": (1.0, 1.0),
    "about": (0.85, 1.15),
    "nearly": (0.85, 1.0),
    "more than": (1.0, None),
    "at least": (1.0, None),
    "less than": (0.0, 1.0),
    "up to": (0.0, 1.0),
}

# Two numbers are only compared when they count the same thing in the same way: the
# content words around each number must
# share at least one word besides the unit ("400000 people have been KILLED" vs
# "millions of people have been DISPLACED" do not). The context is the
# CONTEXT_WORDS_AFTER words after the number and the CONTEXT_WORDS_BEFORE before it;
# the same test tells whether two times date the same thing.
CONTEXT_WORDS_AFTER: int = 7
CONTEXT_WORDS_BEFORE: int = 3

# Pairwise slot contradictions (statements that name no shared event) are only
# looked for between articles published at most this many days apart: the same
# words a week later are most often about another attack, another toll, another
# meeting (measured on fakes-syria: daily "N persons killed in rocket attacks on
# Aleppo" reports 8 days apart are different attacks). Relative time expressions ("Thursday", "last week") resolved against two
# different publication dates are never compared with each other at all.
PAIR_PUBLICATION_WINDOW_DAYS: int = 3

# A slot contradiction needs this many shared content words besides the numbers,
# times and negations (so that two boilerplate lines "Last update: Thursday ..." are
# not a statement).
SLOT_MIN_SHARED: int = 5

# An agreement (and a slot contradiction) needs this many shared words that are not
# proper names, role words or the speaker mention itself (a content that is only a
# name, "the Syrian Observatory for Human Rights", or "observatory head X", states
# nothing).
AGREE_MIN_COMMON: int = 2

# Two figures for one unit within this fraction of each other are the same figure
# (for agreements: "more than 170000" and "more than 210000 people killed" are
# compatible, but they do not corroborate one figure).
SAME_FIGURE_TOLERANCE: float = 0.15

# Units under which numbers are never compared (they are labels, not amounts).
NUMBER_UNITS_IGNORED: frozenset[str] = _table(
    "resolution resolutions article articles number no chapter paragraph session"
)

# Speech-act verbs: a time right after one of these ("said on Tuesday", "told
# reporters Tuesday") dates the statement, not the event it is about, and is never
# used as an event's time.
SPEECH_ACT_VERBS: frozenset[str] = _table(
    "said says say told tells announced announces stated states added adds noted notes "
    "reported reports declared declares confirmed confirms wrote writes explained explains "
    "stressed stresses insisted insists warned warns claimed claims informed informs"
)
SPEECH_ACT_GAP: int = 30  # at most this many characters between the verb and the time

# Scores of the findings (0-100), so that the most certain come first. A contradiction
# on an event's time starts at EVENT_TIME_BASE, gains EVENT_PER_ARTICLE per article
# beyond the second (at most EVENT_ARTICLE_BONUS_MAX), CONFLICT_BONUS when articles
# published on the same day disagree (two sources inside one article are weaker
# evidence), and loses RECURRING_PENALTY for events that
# recur under one name.
EVENT_TIME_BASE: float = 75.0
EVENT_PER_ARTICLE: float = 4.0
EVENT_ARTICLE_BONUS_MAX: float = 12.0
CONFLICT_BONUS: float = 8.0
RECURRING_PENALTY: float = 15.0
# Agreements between non-independent claims (one source repeated) lose this much.
NOT_INDEPENDENT_PENALTY: float = 15.0


# Casualty tolls: a number near "<death word> and/or <injury word>" (either order) or a
# total word counts the dead and the wounded together, and is not compared with a
# count of the dead alone ("killed and injured five" vs "two were killed").
TOLL_DEATH_WORDS: tuple[str, ...] = ("killed", "killing", "dead", "died", "deaths")
TOLL_INJURY_WORDS: tuple[str, ...] = (
    "injured",
    "injuring",
    "wounded",
    "wounding",
    "hurt",
    "injuries",
)
TOLL_TOTAL_WORDS: tuple[str, ...] = ("casualties", "casualty")
