"""coref.py: role/name split, mention types, fullest names, pronouns and role nouns."""

from __future__ import annotations

import re

import pytest

from crosscheck.coref import _MENTION, Coref, classify, split_role_name

SPLITS = [
    ("Russian Foreign Minister Sergei Lavrov", "Russian Foreign Minister", "Sergei Lavrov"),
    (
        "US Department of State spokesperson John Kirby",
        "US Department of State spokesperson",
        "John Kirby",
    ),
    ("Syrian Ambassador to Russia Riyad Haddad", "Syrian Ambassador to Russia", "Riyad Haddad"),
    ("US Secretary of State John Kerry", "US Secretary of State", "John Kerry"),
    (
        "UN Special Envoy for Syria Staffan de Mistura",
        "UN Special Envoy for Syria",
        "Staffan de Mistura",
    ),
    (
        "Iranian Foreign Minister Mohammad Javad Zarif",
        "Iranian Foreign Minister",
        "Mohammad Javad Zarif",
    ),
    ("panel Chairman Rep. Jason Chaffetz (R-Utah)", "panel Chairman Rep.", "Jason Chaffetz"),
    ("Del. Stacey Plaskett of the Virgin Islands", "Del.", "Stacey Plaskett"),
    ("Mr. Obama", "", "Obama"),
    ("Lavrov", "", "Lavrov"),
]


@pytest.mark.parametrize(("text", "role", "name"), SPLITS, ids=[s[0] for s in SPLITS])
def test_split_role_name(text: str, role: str, name: str) -> None:
    assert split_role_name(text) == (role, name)


TYPES = [
    ("Russian Foreign Minister Sergei Lavrov", "person"),
    ("US Department of State spokesperson John Kirby", "person"),
    ("the Russian Foreign Ministry", "organization"),
    ("the envoy's press service", "organization"),
    ("a joint statement", "document"),
    ("A Bloomberg poll", "document"),
    ("a Syrian opposition source", "anonymous"),
    ("sources familiar with the matter", "anonymous"),
    ("officials", "anonymous"),
    ("The New York Times", "outlet"),
    ("he", "person"),
    ("John Kerry and Sergei Lavrov", "person"),
    ("Moscow", "organization"),
    ("the United States", "organization"),
    ("Norway, Chile and Kenya", "organization"),
    ("Russia, Iran", "organization"),
    ("Foreign Minister Anna Berg and her Danish counterpart Lars Holm", "person"),
    ("his Iranian counterpart Mohammad Javad Zarif", "person"),
    ("Jordan Peterson", "person"),
]


@pytest.mark.parametrize(("text", "kind"), TYPES, ids=[t[0] for t in TYPES])
def test_classify(text: str, kind: str) -> None:
    assert classify(text)[0] == kind


def test_gender_from_honorifics_roles_and_given_names() -> None:
    assert classify("Mrs. Clinton")[1] == "f"
    assert classify("Mr. Trump")[1] == "m"
    assert classify("spokeswoman Jessica Ditto")[1] == "f"
    assert classify("Hillary Clinton")[1] == "f"
    assert classify("John Kerry")[1] == "m"
    assert classify("Staffan de Mistura")[1] == ""


def coref_for(text: str) -> Coref:
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^.!?]+[.!?]?", text)]
    return Coref(text, spans)


def test_fullest_name_and_role() -> None:
    text = "Russian Foreign Minister Sergei Lavrov arrived. Later Lavrov spoke."
    c = coref_for(text)
    ent = c.describe("Lavrov", text.rindex("Lavrov"))
    assert (ent.name, ent.role, ent.type) == ("Sergei Lavrov", "Russian Foreign Minister", "person")


def test_fullest_name_needs_every_word() -> None:
    text = "Hillary Clinton spoke. Bill Clinton spoke. Clinton left."
    c = coref_for(text)
    assert c.describe("Bill Clinton", 0).name == "Bill Clinton"
    assert c.describe("Clinton", text.rindex("Clinton")).name in ("Hillary Clinton", "Bill Clinton")


def test_pronouns_follow_gender_and_recency() -> None:
    text = "Hillary Clinton met John Kerry. He said yes. She said no."
    c = coref_for(text)
    c.note(0, c.describe("Hillary Clinton", 0))
    c.note(20, c.describe("John Kerry", 20))
    he = c.resolve("He", text.index("He said"))
    she = c.resolve("She", text.index("She said"))
    assert (he.entity.name, he.resolved) == ("John Kerry", True)
    assert (she.entity.name, she.resolved) == ("Hillary Clinton", True)


def test_they_takes_a_plural_or_an_organisation() -> None:
    text = "John Kerry spoke. The ministry said no. They said more."
    c = coref_for(text)
    c.note(0, c.describe("John Kerry", 0))
    c.note(18, c.describe("the ministry", 18))
    they = c.resolve("They", text.index("They"))
    assert they.resolved and they.entity.name == "ministry"


def test_role_nouns_resolve_to_the_mention_that_holds_the_role() -> None:
    text = (
        "UN Special Envoy for Syria Staffan de Mistura met Russian Deputy Foreign Minister "
        "Gennadiy Gatilov. The envoy said the talks went well. The Russian deputy foreign "
        "minister agreed."
    )
    c = coref_for(text)
    envoy = c.resolve("The envoy", text.index("The envoy"))
    deputy = c.resolve("The Russian deputy foreign minister", text.index("The Russian deputy"))
    assert (envoy.entity.name, envoy.resolved) == ("Staffan de Mistura", True)
    assert (deputy.entity.name, deputy.resolved) == ("Gennadiy Gatilov", True)


def test_unresolvable_pronoun_stays_as_written() -> None:
    c = coref_for("He said so.")
    res = c.resolve("He", 0)
    assert not res.resolved and res.entity.name == "he"


def test_subjects_are_candidates_only_when_asked() -> None:
    text = "Sergei Lavrov arrived in Geneva. He said the talks went well."
    c = coref_for(text)
    c.note_subject(0, len("Sergei Lavrov"))
    res = c.resolve("He", text.index("He"))
    assert res.resolved and res.entity.name == "Sergei Lavrov"


# The mention regex (its first word is matched with the capital taken out in front,
# and its word lists factored on their first letter, for speed): what it finds.
MENTIONS = [
    ("Sen. John McCain said", 0, ["Sen. John McCain"]),
    ("the U.S. envoy Mr. Smith", 0, ["U.S. envoy Mr. Smith"]),
    ("Messrs. Baker and Petrov", 0, ["Messrs. Baker", "Petrov"]),
    ("Mr Smith and Dr. Jones", 0, ["Mr Smith", "Dr. Jones"]),
    ("McDonald's chief executive Jane Doe", 0, ["McDonald's chief executive Jane Doe"]),
    ("said Rep. Jason Chaffetz (R-Utah) on Monday", 0, ["Rep. Jason Chaffetz (R-Utah)", "Monday"]),
    ("Staffan de Mistura told", 0, ["Staffan de Mistura"]),
    ("Foreign minister Anna Berg", 0, ["Foreign minister Anna Berg"]),
    ("Secretary-General Ban", 0, ["Secretary-General Ban"]),
    # no mention starts inside a word or after a period or quote mark ...
    ("xSen. Bob", 0, ["Bob"]),
    ("'Senator' Bob", 0, ["Bob"]),
    ("a.Sergei Lavrov", 0, ["Lavrov"]),
    # ... even when that character lies before the search start
    ("xSergei Lavrov", 1, ["Lavrov"]),
    ("Sergei Lavrov", 3, ["Lavrov"]),
]


@pytest.mark.parametrize(("text", "pos", "found"), MENTIONS, ids=[m[0] for m in MENTIONS])
def test_mention_regex(text: str, pos: int, found: list[str]) -> None:
    assert [m.group() for m in _MENTION.finditer(text, pos)] == found
