"""Speaker resolution: who a speaker mention refers to, by its fullest form in the article.

Used by attribute.py. Two jobs:

1. **Describe** a mention as written: split "Russian Foreign Minister Sergei
   Lavrov" into role ("Russian Foreign Minister") and name ("Sergei Lavrov"),
   type it (person, organization, document, anonymous, outlet) and give a bare
   name its fullest form in the article ("Lavrov" -> "Sergei Lavrov", with the
   role found beside that fullest mention).
2. **Resolve** pronouns and role nouns ("he", "they", "the ministry", "the Russian
   foreign minister", "the envoy") to an earlier mention. Candidates are the
   speakers and sentence subjects seen so far (the discourse history) and, for
   role nouns, every capitalised mention before the pronoun. The most recent
   compatible candidate wins, so the previous sentence is preferred over the
   paragraph and the paragraph over the article. Compatibility: gender for
   he/she (from honorifics, gendered role words and a small table of given
   names; unknown matches either), number for they (plural or organisation),
   organisation or document for it; a role noun matches a mention whose role or
   name contains it.

The index of capitalised mentions is built with one compiled regular expression
over each sentence, so the cost is linear in the article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from crosscheck.records import SpeakerType
from crosscheck.rules import speech

# --------------------------------------------------------------------------- tables -> sets

_TITLES = frozenset(speech.TITLES)
_HONORIFICS = speech.HONORIFICS
_ORG_HEADS = frozenset(speech.ORGANIZATION_HEADS)
_DOC_HEADS = frozenset(speech.DOCUMENT_HEADS)
_ANON_HEADS = frozenset(speech.ANONYMOUS_HEADS)
_OUTLET_HEADS = frozenset(speech.OUTLET_HEADS)
_MALE = frozenset(speech.MALE_NAMES)
_FEMALE = frozenset(speech.FEMALE_NAMES)
_GENDERED = speech.GENDERED_ROLES
_PRONOUNS = speech.PRONOUNS
_DETERMINERS = frozenset(
    (
        "the a an this that these those another some many most all both several each every "
        "any no two three four five six seven eight nine ten dozens hundreds thousands "
        "his her their its our my your one other various numerous few"
    ).split()
)
_CONNECTORS = frozenset(
    "de da di du dos das van von der den del della la le al bin ibn el y ul ben".split()
)
# capitalised words that start a sentence or clause but are not names
_NOT_NAME_START = frozenset(
    (
        "the a an in on at but and or so as if when while after before since because "
        "although though however moreover meanwhile furthermore also still yet then now "
        "earlier later today yesterday this that these those there here it its he she they "
        "we i you his her their our my your mr mrs ms according asked during following "
        "under over from with without for to by of about after what who why how where "
        "which whose some many most several both all each every no not other another "
        "speaking writing adding saying last next first second third new former ex"
    ).split()
)

_WS = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"['’]s?$")

# One capitalised mention: capitalised words, initials, connectors ("de", "bin"),
# title abbreviations ("Sen."), lower-case titles and role words ("spokesperson",
# "foreign minister") and a parenthesised affiliation ("(R-Utah)"). It must end on
# a capitalised word (the name). Linear: one pass, no nested overlapping loops.
_LOWER_ROLE = (
    r"spokesperson|spokesman|spokeswoman|minister|secretary|ambassador|envoy|president|"
    r"deputy|chairman|chairwoman|chair|chief|head|leader|director|adviser|advisor|aide|"
    r"official|senator|governor|mayor|general|commander|attorney|lawyer|prosecutor|judge|"
    r"candidate|nominee|founder|executive|editor|correspondent|analyst|strategist|"
    r"foreign|defense|defence|interior|finance|economy|trade|justice|state|prime|vice|"
    r"special|senior|top|former|acting|national|security|press|presidential|"
    r"republican|democratic|representative|counselor|counsellor"
)
_CAPWORD = r"(?:[A-Z][\w'’\-]*(?:\.(?=\s)|(?<=\b[A-Z])\.)?|[A-Z]\.(?:[A-Z]\.)*)"
_MENTION = re.compile(
    rf"(?<![\w'’.])(?:{_CAPWORD})"
    rf"(?:[ \u00a0](?:{_CAPWORD}|(?:{'|'.join(sorted(_CONNECTORS))}|of|for|{_LOWER_ROLE})(?![\w'’])"
    r"|\([A-Z][\w.\-]{0,12}\)))*"
)


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class Entity:
    """What a mention refers to: canonical name, role, type, gender and number."""

    name: str
    role: str = ""
    type: SpeakerType = ""
    gender: str = ""  # m | f | ''
    number: str = "sg"  # sg | pl

    @property
    def key(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class IndexedMention:
    """A capitalised mention found anywhere in the article."""

    start: int
    end: int
    text: str
    role: str
    name: str
    type: SpeakerType
    gender: str


@dataclass(frozen=True)
class Resolution:
    entity: Entity
    resolved: bool  # True when it came from a pronoun, role noun or relative pronoun


@dataclass(frozen=True)
class _Seen:
    pos: int
    entity: Entity
    speaker: bool  # a speaker (True) or a subject (False)


# --------------------------------------------------------------------------- helpers


def _words(text: str) -> list[str]:
    return [w for w in _WS.split(text.strip()) if w]


def _bare(word: str) -> str:
    """Lower-case word without a possessive ending or surrounding punctuation."""
    w = word.strip(",;:()[]\"“”‘'’").lower()
    return _POSSESSIVE.sub("", w) if len(w) > 2 else w


def _is_cap(word: str) -> bool:
    return bool(word) and word[0].isupper()


def _gender_of(tokens: Sequence[str]) -> str:
    for t in tokens:
        b = _bare(t)
        if b in _HONORIFICS and _HONORIFICS[b]:
            return _HONORIFICS[b]
        if b in _GENDERED:
            return _GENDERED[b]
    for t in tokens:
        b = _bare(t)
        if b in _MALE and b not in _FEMALE:
            return "m"
        if b in _FEMALE and b not in _MALE:
            return "f"
        if _is_cap(t) and b not in _TITLES and b not in _HONORIFICS:
            break  # only the first name word counts
    return ""


def split_role_name(text: str) -> tuple[str, str]:
    """ "Russian Foreign Minister Sergei Lavrov" -> ("Russian Foreign Minister", "Sergei Lavrov").

    The role runs up to the last title word (``speech.TITLES``) that is followed
    by a capitalised word; honorifics ("Mr.") stay out of both.
    """
    words = _words(text)
    # drop a trailing parenthesised affiliation "(R-Utah)"
    while words and words[-1].startswith("(") and words[-1].endswith(")"):
        words.pop()
    last_title = -1
    for i, w in enumerate(words[:-1]):
        b = _bare(w)
        if (b in _TITLES or b.rstrip(".") in _TITLES) and b not in _HONORIFICS:
            last_title = i
    role_words = words[: last_title + 1]
    name_words = words[last_title + 1 :]
    while name_words and _bare(name_words[0]) in _HONORIFICS and len(name_words) > 1:
        name_words = name_words[1:]
    while role_words and _bare(role_words[0]) in _DETERMINERS:
        role_words = role_words[1:]
    return " ".join(role_words), " ".join(name_words)


def _head(words: Sequence[str]) -> str:
    """The head noun of a noun phrase: the last word before an "of/for/with/in" tail."""
    for i, w in enumerate(words):
        if w.lower() in ("of", "for", "with", "in", "at", "from", "close", "familiar", "who", "on"):
            if i > 0:
                return _bare(words[i - 1])
    return _bare(words[-1]) if words else ""


def _ends_with(words: Sequence[str], table: frozenset[str]) -> bool:
    if not words:
        return False
    low = [_bare(w) for w in words]
    return low[-1] in table or (len(low) > 1 and " ".join(low[-2:]) in table)


def classify(text: str) -> tuple[SpeakerType, str, str]:
    """Type, gender and number of a noun phrase as written (no article context)."""
    words = _words(text)
    if not words:
        return "", "", "sg"
    low = [_bare(w) for w in words]
    if len(words) == 1 and low[0] in _PRONOUNS:
        g, n, _ = _PRONOUNS[low[0]]
        if low[0] in ("he", "she", "i", "him", "his", "her", "hers", "my"):
            return "person", g, n or "sg"
        if low[0] in ("it", "its", "which"):
            return "organization", "", "sg"
        return "", g, n or "pl"
    head = _head(words)
    caps = [w for w in words if _is_cap(w) and _bare(w) not in _DETERMINERS]
    number = (
        "pl"
        if (" and " in f" {text} " or (head.endswith("s") and not head.endswith("ss")))
        else "sg"
    )
    if _ends_with(words, _DOC_HEADS) or head in _DOC_HEADS:
        return "document", "", number
    role, name = split_role_name(text)
    name_words = _words(name)
    named = bool(name_words) and all(_is_cap(w) or _bare(w) in _CONNECTORS for w in name_words)
    if named and len(caps) >= 1 and (head in _OUTLET_HEADS or _bare(words[-1]) in _OUTLET_HEADS):
        if _is_cap(words[-1]):
            return "outlet", "", "sg"
    if _ends_with(words, _ORG_HEADS) or head in _ORG_HEADS:
        return "organization", "", number
    if role and named:
        return "person", _gender_of(words), "sg"
    if not caps:
        if head in _ANON_HEADS or low[-1] in _ANON_HEADS:
            return "anonymous", _gender_of(words), number
        if head in _TITLES or low[-1] in _TITLES:
            return "person", _gender_of(words), number
        return "anonymous", "", number
    if any(_bare(w) in _HONORIFICS for w in words):
        return "person", _gender_of(words), "sg"
    if head in _ANON_HEADS and not named:
        return "anonymous", _gender_of(words), number
    if named and len(name_words) >= 2:
        return "person", _gender_of(words), "pl" if " and " in f" {name} " else "sg"
    if named and len(name_words) == 1:
        w = name_words[0]
        if w.isupper() and len(w) <= 5:
            return "organization", "", "sg"
        if w.endswith("s") and not w.endswith("ss"):
            return "organization", "", "pl"
        return "person", _gender_of(words), "sg"
    return "person" if head in _TITLES else "organization", _gender_of(words), number


def _strip_det(text: str) -> str:
    words = _words(text)
    while (
        len(words) > 1
        and _bare(words[0]) in _DETERMINERS
        and words[0].lower()
        not in (
            "his",
            "her",
            "their",
            "its",
        )
    ):
        words = words[1:]
    return " ".join(words)


# --------------------------------------------------------------------------- the resolver


class Coref:
    """Per-article speaker resolution. Create one per article, feed it the
    speakers and subjects in text order (``note``), ask it to ``resolve``."""

    def __init__(self, view: str, regions: Iterable[tuple[int, int]]) -> None:
        self.view = view
        self.index: list[IndexedMention] = []
        self.by_last: dict[str, list[IndexedMention]] = {}
        self.history: list[_Seen] = []
        for start, end in regions:
            for m in _MENTION.finditer(view, start, end):
                self._add_index(m.start(), m.end())

    # ----------------------------------------------------------------- index

    def _add_index(self, start: int, end: int) -> None:
        words = _words(self.view[start:end])
        # drop leading function words ("The", "In", "Moreover") and trailing lower-case
        while words and _bare(words[0]) in _NOT_NAME_START:
            start = self.view.index(words[0], start) + len(words[0])
            words = words[1:]
        while words and not _is_cap(words[-1]):
            words = words[:-1]
        if not words:
            return
        text = " ".join(words)
        role, name = split_role_name(text)
        if not name:
            return
        typ, gender, _ = classify(text)
        if typ not in ("person", "organization", "outlet", "document"):
            typ = "person"
        s = self.view.find(words[0], start)
        s = start if s < 0 else s
        mention = IndexedMention(s, s + len(text), text, role, name, typ, gender)
        self.index.append(mention)
        last = _bare(_words(name)[-1])
        self.by_last.setdefault(last, []).append(mention)

    def fullest(self, name: str, pos: int) -> IndexedMention | None:
        """The fullest person mention in the article sharing ``name``'s last word and
        containing all its words ("Lavrov" -> "Russian Foreign Minister Sergei Lavrov")."""
        words = _words(name)
        if not words:
            return None
        last = _bare(words[-1])
        wanted = {_bare(w) for w in words if _bare(w) not in _HONORIFICS}
        best: IndexedMention | None = None
        best_key: tuple[int, int, int] = (-1, 0, 0)
        for m in self.by_last.get(last, ()):
            if m.type != "person":
                continue
            have = {_bare(w) for w in _words(m.name)}
            if not wanted <= have:
                continue
            n = len(_words(m.name))
            before = 1 if m.start <= pos else 0
            # more words first, then a mention before pos, then the nearest one
            key = (n, before, -abs(pos - m.start))
            if key > best_key:
                best, best_key = m, key
        return best

    # ----------------------------------------------------------------- describe

    def describe(self, text: str, pos: int) -> Entity:
        """The entity a (non-pronoun) mention names, with its fullest form."""
        text = text.strip().strip(",;:")
        typ, gender, number = classify(text)
        stripped = _strip_det(text)
        if typ == "person" and number == "sg":
            role, name = split_role_name(stripped)
            full = self.fullest(name, pos) if name else None
            if full is not None and len(_words(full.name)) >= len(_words(name)):
                name = full.name
                role = role or full.role
                gender = gender or full.gender or _gender_of(_words(full.text))
            gender = gender or self._learned_gender(name)
            return Entity(name or stripped, role, "person", gender, "sg")
        if typ == "person":  # several people: "Kerry and Lavrov"
            parts = [p for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", stripped) if p]
            names: list[str] = []
            roles: list[str] = []
            for p in parts:
                role, name = split_role_name(p)
                full = self.fullest(name, pos) if name else None
                names.append(full.name if full is not None else (name or p))
                if role or (full is not None and full.role):
                    roles.append(role or (full.role if full is not None else ""))
            return Entity(" and ".join(names), "; ".join(roles), "person", "", "pl")
        if typ in ("organization", "outlet"):
            role, name = split_role_name(stripped)
            return Entity(stripped, "", typ, "", number)
        return Entity(stripped, "", typ, gender, number)

    def _learned_gender(self, name: str) -> str:
        for m in self.by_last.get(_bare(_words(name)[-1]) if name else "", ()):
            if m.gender and name.lower() in m.name.lower():
                return m.gender
        return ""

    # ----------------------------------------------------------------- history

    def note(self, pos: int, entity: Entity, *, speaker: bool = True) -> None:
        """Record a speaker (or a sentence subject) seen at ``pos``."""
        if entity.name:
            self.history.append(_Seen(pos, entity, speaker))

    # ----------------------------------------------------------------- resolve

    def resolve(self, text: str, pos: int) -> Resolution:
        """Resolve a speaker mention at ``pos``: pronouns and role nouns to their
        antecedent (``resolved=True``), anything else to its fullest form."""
        mention = text.strip()
        low = mention.lower()
        if low in _PRONOUNS:
            return self._pronoun(low, pos)
        words = _words(mention)
        if words and _bare(words[0]) in ("the", "this", "that") and len(words) >= 2:
            res = self._role_noun(words[1:], pos)
            if res is not None:
                return res
        return Resolution(self.describe(mention, pos), False)

    def _pronoun(self, low: str, pos: int) -> Resolution:
        gender, number, person = _PRONOUNS[low]
        if person in ("1", "2", "rel"):
            return Resolution(
                Entity(
                    low if low != "i" else "I",
                    "",
                    "person" if person == "1" and number == "sg" else "",
                    "",
                    number or "sg",
                ),
                False,
            )
        for seen in reversed(self.history):
            if seen.pos > pos:
                continue
            e = seen.entity
            if gender in ("m", "f"):
                if e.type == "person" and e.number == "sg" and e.gender in ("", gender):
                    return Resolution(e, True)
            elif gender == "n":
                if e.type in ("organization", "document", "outlet") and e.number == "sg":
                    return Resolution(e, True)
            elif number == "pl" and (
                e.number == "pl" or e.type in ("organization", "outlet", "anonymous")
            ):
                return Resolution(e, True)
        # fall back to any capitalised person mention before pos
        if gender in ("m", "f"):
            for m in reversed(self.index):
                if m.start < pos and m.type == "person" and m.gender in ("", gender):
                    full = self.fullest(m.name, m.start)
                    src = full or m
                    return Resolution(Entity(src.name, src.role, "person", src.gender), True)
        typ: SpeakerType = "person" if gender in ("m", "f") else ""
        return Resolution(Entity(low, "", typ, gender, number or "sg"), False)

    def _role_noun(self, words: Sequence[str], pos: int) -> Resolution | None:
        """ "the ministry" / "the Russian foreign minister" -> the most recent mention
        whose role or name contains the noun phrase."""
        phrase = " ".join(_bare(w) for w in words)
        head = _bare(words[-1])
        if head not in _TITLES and head not in _ORG_HEADS and not _ends_with(words, _ORG_HEADS):
            return None
        best: tuple[int, Entity] | None = None
        for seen in reversed(self.history):
            if seen.pos >= pos:
                continue
            hay = f"{seen.entity.role} {seen.entity.name}".lower()
            if phrase in hay and hay.strip() != phrase:
                best = (seen.pos, seen.entity)
                break
        for m in reversed(self.index):
            if m.start >= pos or (best is not None and m.start <= best[0]):
                continue
            hay = m.text.lower()
            if phrase in hay and hay != phrase:
                if m.type == "person":
                    full = self.fullest(m.name, m.start)
                    src = full or m
                    ent = Entity(src.name, src.role or m.role, "person", src.gender)
                else:
                    ent = Entity(_strip_det(m.text), "", m.type)
                best = (m.start, ent)
                break
        if best is None:
            return None
        return Resolution(best[1], True)
