"""Place lexicon: the data behind ``crosscheck.places``.

No gazetteer: a place is a capitalised name in a place-like position (after in/at/
near/from..., after "the city of", in a dateline). These tables say which positions
count and which capitalised names are not places. General English only.
"""

from __future__ import annotations


def _words(block: str) -> frozenset[str]:
    """The whitespace-separated words of a table written as a text block."""
    return frozenset(block.split())


# Prepositions after which a capitalised name is taken as a place ("in Geneva",
# "near Aleppo"). "to" counts only after a motion word (MOTION_WORDS): "travelled to
# Moscow" but not "said to Petrov".
PLACE_PREPOSITIONS: frozenset[str] = _words(
    """
    in at near from outside inside into across throughout around via toward towards
    within across off
    """
)

MOTION_WORDS: frozenset[str] = _words(
    """
    travel travels travelled traveled travelling traveling trip trips visit visits
    visited visiting return returns returned returning flee flees fled fleeing go goes
    went going head heads headed heading arrive arrives arrived arriving deploy deploys
    deployed deploying send sent move moves moved moving fly flies flew flying way road
    route routes back advance advanced advancing march marched marching journey
    journeyed relocated evacuated evacuation transferred delivered shipped smuggled
    """
)

# Nouns that introduce a place name after "of": "the Russian resort city of Varna",
# "Russia's southern Black Sea resort of Varna", "the outskirts of Damascus". The
# place is the name after "of" (the head), not the words before.
PLACE_NOUNS: frozenset[str] = _words(
    """
    city cities town towns village villages resort resorts province provinces capital
    region regions district districts governorate governorates county counties state
    island islands port enclave suburb suburbs outskirts neighbourhood neighborhood
    neighbourhoods neighborhoods area areas municipality valley countryside republic
    kingdom emirate territory territories peninsula coast border frontier heart centre
    center north south east west northeast northwest southeast southwest
    """
)

# Head nouns of organisations, buildings-as-institutions and media: a capitalised name
# containing one of these is not a place ("at the Department of State", "at the
# United Nations", "in the High Negotiations Committee").
ORGANISATION_HEADS: frozenset[str] = _words(
    """
    department ministry ministries council committee commission university college
    school agency office offices organization organisation organizations organisations
    party army forces force front group groups coalition observatory institute court
    bank company corporation corp inc ltd association union nations assembly parliament
    house senate congress club center centre foundation service services police guard
    guards brigade brigades movement alliance network news times post press tv radio
    channel airlines government administration authority authorities board bureau
    embassy consulate mission delegation secretariat command fund program programme
    council cabinet regime militia militias battalion division corps navy airforce
    network television agency daily journal herald tribune telegraph gazette review
    """
)

# Titles and honorifics: a capitalised name containing one is a person (or a role),
# not a place ("from President Assad", "to Foreign Minister Petrov").
PERSON_TITLES: frozenset[str] = _words(
    """
    president minister secretary ambassador envoy spokesman spokeswoman spokesperson
    general gen mr mrs ms dr king queen prince princess sheikh pope chancellor prime
    foreign deputy chief commander senator sen rep representative governor mayor colonel
    col lt lieutenant sgt sergeant captain capt major maj admiral adm premier emir
    sultan ayatollah imam bishop cardinal lord sir dame judge justice director chairman
    chairwoman chair head leader officer official
    """
)

# Acronyms of international organisations: capitalised, after "at"/"from", but not
# places ("at the UN", "from NATO").
ORGANISATION_ACRONYMS: frozenset[str] = _words(
    """
    UN U.N. NATO EU E.U. OPCW WHO UNICEF UNHCR ICRC IAEA OSCE AU OPEC IMF WTO ICC AFP AP
    BBC CNN UNSC NSC
    """
)

# Words that are capitalised at the start of a sentence or a name but never start a
# place name; a capitalised sequence starting with one of these is read from the
# next word ("In Geneva", "The Hague" is kept: "the" is kept only inside the text).
NOT_PLACE_START: frozenset[str] = _words(
    """
    in at on of from to near the a an and but or as for with by after before since until
    during this that these those it its he she they we i his her their our
    """
)

# Adjective endings (nationalities): a single capitalised word ending so and followed
# by a lower-case noun is an adjective ("in Russian resort", "the Syrian government").
ADJECTIVE_ENDINGS: tuple[str, ...] = ("ian", "ish", "ese", "ean", "ic")

# Nationality adjectives ending in -i ("Iraqi", "Israeli", "Yemeni") look like place
# names ending in -i ("Mali", "Dubai"): a single such word followed by a lower-case
# word is an adjective unless that word is one of these (usual after a place name).
I_ENDING_PLACE_FOLLOWERS: frozenset[str] = _words(
    """
    on in at and or but last this next to for with from where which who that as after
    before since during until when while said says told has have had is was were will
    would could may might are be been being near by over under into through against
    """
)

# Speech verbs: a capitalised name right before one of these is a speaker (a person
# or organisation), so the same name elsewhere in the article is not taken as a place.
SPEAKER_VERBS: frozenset[str] = _words(
    """
    said says told tells added adds stated states noted notes stressed stresses
    explained explains announced announces claimed claims warned warns wrote writes
    insisted insists argued argues asked asks replied replies urged urges
    """
)
