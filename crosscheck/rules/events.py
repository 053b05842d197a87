"""Event lexicon: the data behind ``crosscheck.events`` (event mentions and their keys).

General English: no event, place or person of a particular corpus.
"""

from __future__ import annotations


def _words(block: str) -> frozenset[str]:
    """The whitespace-separated words of a table written as a text block."""
    return frozenset(block.split())


# Event head nouns (lower case, as written) -> the canonical head reported in
# EventMention.head. A capitalised name holding one of these is a named event
# ("Syrian National Dialogue Congress", "Geneva Process", "Resolution 2254").
EVENT_HEADS: dict[str, str] = {
    "congress": "congress",
    "talks": "talks",
    "talk": "talks",
    "conference": "conference",
    "summit": "summit",
    "committee": "committee",
    "meeting": "meeting",
    "agreement": "agreement",
    "resolution": "resolution",
    "process": "process",
    "ceasefire": "ceasefire",
    "cease-fire": "ceasefire",
    "truce": "truce",
    "round": "round",
    "dialogue": "dialogue",
    "dialog": "dialogue",
    "forum": "forum",
    "accord": "accord",
    "accords": "accord",
    "deal": "deal",
    "treaty": "treaty",
    "session": "session",
    "election": "election",
    "elections": "election",
    "negotiations": "negotiations",
    "negotiation": "negotiations",
    "convention": "convention",
    "declaration": "declaration",
    "plan": "plan",
    "initiative": "initiative",
    "protocol": "protocol",
    "memorandum": "memorandum",
    "roadmap": "roadmap",
    "referendum": "referendum",
    "communique": "communique",
}

# Heads that are also ordinary words inside many names ("Dialogue" in "National
# Dialogue Congress", "Plan" in a name): they head an event only as the last word of
# the name, never in the middle.
WEAK_HEADS: frozenset[str] = frozenset({"dialogue", "dialog", "plan", "initiative", "round"})

# Heads that name a bare generic event only with a definite determiner: "the round"
# alone says too little to be an event mention.
NO_BARE_HEADS: frozenset[str] = frozenset({"round", "plan", "initiative", "process"})

# Lower-case heads that are ordinary nouns when an of-phrase follows: "the resolution
# of the conflict", "the process of reconciliation", "the round of talks" is then not
# a mention of its own (the talks are).
NOT_BEFORE_OF: frozenset[str] = frozenset({"resolution", "process", "round", "session", "plan"})

# Heads whose name is identified by a number after them ("Resolution 2254", "Round 8"):
# the key is the head and the number.
NUMBERED_HEADS: frozenset[str] = frozenset({"resolution", "round", "session", "protocol"})

# Nouns that refer back to the last named event of any head ("the event will bring
# together..."). Without a named event earlier in the article they are not reported.
EVENT_REFERENTS: frozenset[str] = frozenset({"event", "gathering"})

# Determiners that make a bare head refer back to a named event ("the Congress",
# "this meeting").
DEFINITE_DETERMINERS: frozenset[str] = frozenset({"the", "this", "that", "these", "those"})

# Other determiners before a bare head: a generic mention, no back-reference ("a
# ceasefire", "another round").
OTHER_DETERMINERS: frozenset[str] = frozenset(
    {"a", "an", "another", "its", "their", "his", "her", "our", "any", "every", "each", "new"}
)

# Lower-case words allowed between a capitalised name and a lower-case head ("the
# Geneva peace talks", "the Syrian national dialogue congress", "the Syrian
# constitutional committee"), besides words with an adjective ending (ADJECTIVE_ENDINGS).
EVENT_MODIFIERS: frozenset[str] = _words(
    """
    peace national dialogue constitutional political reconciliation security ceasefire
    humanitarian international regional ministerial trilateral bilateral multilateral
    direct indirect technical preparatory emergency donor unity settlement transition
    transitional negotiation negotiations crisis de-escalation nuclear trade climate
    """
)
ADJECTIVE_ENDINGS: tuple[str, ...] = ("al", "ic", "ary", "ive", "ian", "ese", "ish", "ean")

# Words connecting the parts of one event name ("Congress of National Dialogue of
# Syrians", "Conference on Disarmament", "Committee for ...").
NAME_CONNECTORS: frozenset[str] = frozenset({"of", "for", "on"})

# Words that never start an event name: capitalised determiners and sentence adverbs,
# prepositions, months and weekdays ("The", "Meanwhile", "In", "On Tuesday").
NOT_EVENT_START: frozenset[str] = _words(
    """
    the a an this that these those its his her their our my your meanwhile however
    moreover also earlier later then thus still yet but and or in on at of for from to
    by with after before since until during as if when while where according january
    february march april may june july august september october november december monday
    tuesday wednesday thursday friday saturday sunday
    """
)

# Words dropped from event keys (function words): the key is the set of the remaining
# words, lower-cased and singular, sorted.
KEY_STOPWORDS: frozenset[str] = _words(
    """
    of the for on and a an in to at with de & 's
    """
)

# Spelling variants unified in keys and heads.
KEY_SPELLINGS: dict[str, str] = {
    "cease-fire": "ceasefire",
    "dialog": "dialogue",
    "u.n.": "un",
    "u.s.": "us",
    "talk": "talk",
}
