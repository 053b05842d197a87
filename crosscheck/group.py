"""Group stage: canonical speakers and canonical events across the corpus.

Input: the claims of every article (after normalise). Output: ``Groups``, holding

- the speaker index: one ``SpeakerEntry`` per person or organisation, whatever the
  articles call it ("Russian Foreign Minister Sergei Petrov", "Sergei Petrov",
  "Petrov" and "the Russian foreign minister" are one). Persons are keyed by last
  name plus first initial; a bare last name joins the only full name that has it (or
  the one that holds nearly all of its claims); last names that differ by a typo join
  when the first initial agrees; a role-only speaker ("the Russian foreign minister")
  joins the person who holds that role, in the same article, or else anywhere in the
  corpus within a time window, but only when exactly one person holds it. Narration
  (the outlet's own voice) is an ``outlet`` entry; anonymous sources and documents
  stay local to their article (two "diplomatic sources" in two articles are not known
  to be one source).
- the event index: one ``EventEntry`` per named event, merging the aliases whose
  keys (sorted content words, singular) are equal, differ by spelling, or are the
  unambiguous subset of exactly one longer key of the same head. Generic mentions
  ("the ceasefire") that normalise could not tie to a named event stay local to their
  article: they never join an event of another article, so two different ceasefires a
  year apart cannot be taken for one.

Cost: everything is a pass over the claims plus fuzzy comparisons inside small
blocks (keys sharing a head and a word), never all pairs of keys.

Steps: ``map_claims`` (per partition of whole articles: distinct keys with counts),
``merge`` (the union-finds, over the combined maps' distinct keys only),
``apply_claims`` (per partition: each claim's canonical keys and the partition's
share of the entries), ``finish`` (the entries and display names) and
``claim_tables`` (per partition: each claim's canonical speaker and events).
``group`` runs them over one partition; the dask engine runs the per-partition
steps on its workers, so no process but those holds a per-claim table.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import operator
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence, Sized
from dataclasses import dataclass, field, fields
from typing import Any, Protocol, TypeVar

from rapidfuzz import fuzz

from crosscheck.gctools import gc_paused
from crosscheck.records import Claim, EventEntry, EventMention, SpeakerEntry
from crosscheck.records import HeldIds as HeldIds
from crosscheck.rules import geo
from crosscheck.rules import matching as R

# --------------------------------------------------------------------------- text helpers


_WORD = re.compile(r"[0-9A-Za-z\u00C0-\u024F]+(?:['\u2019\-][0-9A-Za-z\u00C0-\u024F]+)*")
_POSSESSIVE = re.compile(r"['\u2019]s$")


@functools.lru_cache(maxsize=1 << 16)
def singular(word: str) -> str:
    """A crude, predictable singular: 'forces' -> 'force', 'parties' -> 'party'."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ws")):
        return word[:-1]
    return word


_POSSESSIVE_ANY = re.compile(r"['\u2019]s\b")


def words(text: str) -> list[str]:
    """Lower-cased word tokens, possessive 's removed."""
    low = text.lower()
    if "'" in low or "\u2019" in low:
        low = _POSSESSIVE_ANY.sub("", low)
    return _WORD.findall(low)


@functools.lru_cache(maxsize=1 << 16)
def content_word(w: str) -> str:
    """'' for a stopword, else the singular."""
    if w.isdigit():
        return w
    if w in R.STOPWORDS or len(w) < 2:
        return ""
    return singular(w)


_V = TypeVar("_V")


class WordMemo(dict[str, _V]):
    """word -> fn(word) for a pure function of one word: a plain dict in front of it
    (and of its lru cache), read for every token of every claim (about twice as fast
    as the lru cache alone); cleared when it grows large, so it stays bounded."""

    __slots__ = ("fn",)

    def __init__(self, fn: Callable[[str], _V]) -> None:
        super().__init__()
        self.fn = fn

    def __missing__(self, word: str) -> _V:
        if len(self) >= 1 << 18:
            self.clear()
        value = self[word] = self.fn(word)
        return value


_CONTENT_WORD = WordMemo(content_word)


def content_words(text: str) -> list[str]:
    """Singular lower-cased words that are not stopwords, in text order."""
    return list(filter(None, map(_CONTENT_WORD.__getitem__, words(text))))


# --------------------------------------------------------------------------- claim text facts

_CLAUSE_TURN = re.compile(
    r"\b(?:" + "|".join(sorted(R.CLAUSE_TURNS)) + r")\b|[;:]",
)


def claim_text(claim: Claim) -> str:
    """The text a claim asserts: its content span, or its sentence when empty."""
    return claim.content or claim.sentence


# A clause break: ', ' + a clause breaker word (``R.CLAUSE_BREAKERS``), ';', ': ', or
# a dash between spaces (' - ', ' \u2014 ', ' \u2013 '). Each match starts at its
# punctuation (the dash, not the space before it: ``main_clause_end`` steps back),
# so every match starts at one of a few rare characters, which the regex engine
# skips to instead of trying every position (the written-out form,
# ",\s*(?:with|...)\b|;|\s[\u2014\u2013]\s|\s-\s|:\s", tries every space; the tests
# compare the two). Fixed-width lookbehinds only: linear time.
_CLAUSE_END = re.compile(
    r"[,;:\u2014\u2013\-](?:(?<=,)\s*(?:"
    + "|".join(R.CLAUSE_BREAKERS)
    + r")\b|(?<=;)|(?<=:)\s|(?<=\s[\u2014\u2013\-])\s)",
    re.IGNORECASE,
)


def main_clause_end(text: str) -> int:
    """Where the first clause break of ``text`` starts (its leftmost, the space
    before a dash's), or -1 when it has none. The text from there starts with a character
    that no word (``words``) holds or continues into: ',', ';', ':' or a space."""
    m = _CLAUSE_END.search(text)
    if m is None:
        return -1
    at = m.start()
    return at - 1 if text[at] in "\u2014\u2013-" else at


def main_clause(text: str) -> str:
    """The text before the first clause break (', with ...', ', which ...', ';')."""
    at = main_clause_end(text)
    return text if at < 0 else text[:at]


def incident_keys(claim: Claim) -> frozenset[str]:
    """'place@date' for each place and each one-day time in the claim's content, when
    the content also gives a number in the same clause as the place (no "after",
    "while", "when"... between them): a toll for one place on one day (an incident).
    Two outlets reporting one air strike share such a key even when they word it
    differently."""
    if not claim.quantities or not claim.places or not claim.times:
        return frozenset()
    cs, ce = claim.content_start, claim.content_end
    quantities = [q for q in claim.quantities if cs <= q.start and q.end <= ce]
    if not quantities:
        return frozenset()
    days = {
        t.first.isoformat()
        for t in claim.times
        if t.first is not None and t.first == t.last and cs <= t.start and t.end <= ce
    }
    if not days:
        return frozenset()
    text = claim.sentence
    base = claim.sentence_start
    places = set()
    for p in claim.places:
        if not (cs <= p.start and p.end <= ce):
            continue
        for q in quantities:
            lo, hi = (q.end, p.start) if q.end <= p.start else (p.end, q.start)
            gap = text[max(0, lo - base) : max(0, hi - base)].lower()
            if not _CLAUSE_TURN.search(gap):
                places.add((p.name or p.text).strip().lower())
                break
    return frozenset(f"{p}@{d}" for p in places for d in days)


_NOTHING: frozenset[str] = frozenset()

# a claim's content words, those of its main clause, its incident keys, its negation words
Facts = tuple[tuple[str, ...], tuple[str, ...], frozenset[str], frozenset[str]]


def _claim_facts(claim: Claim) -> Facts:
    text = claim_text(claim)
    tokens = words(text)
    ws = tuple(filter(None, map(_CONTENT_WORD.__getitem__, tokens)))
    main = main_clause(text)
    return (
        ws,
        ws if main is text else tuple(content_words(main)),
        incident_keys(claim),
        R.NEGATION_WORDS.intersection(tokens),
    )


def text_facts(claim: Claim, groups: Groups) -> Facts:
    """A claim's content words (of ``claim_text``), the content words of its main
    clause (the same tuple when the main clause is the whole text), its
    ``incident_keys`` and the negation words among its ``words``: from ``groups``
    when group computed them, else computed."""
    ws = groups.words_of.get(claim.claim_id)
    if ws is None:
        return _claim_facts(claim)
    cid = claim.claim_id
    return (
        ws,
        groups.main_words_of.get(cid, ws),
        groups.incidents_of.get(cid, _NOTHING),
        groups.negations_of.get(cid, _NOTHING),
    )


def name_tokens(text: str) -> list[str]:
    """The tokens of a mention as written (case kept), possessive removed."""
    return [_POSSESSIVE.sub("", w) for w in _WORD.findall(text)]


def _is_cap(token: str) -> bool:
    return token[:1].isupper()


def _event_tokens(key: str) -> list[str]:
    """Normalise an event key (idempotent): singular words, no stopwords, sorted."""
    return list(_event_token_tuple(key))


@functools.lru_cache(maxsize=1 << 16)
def _event_token_tuple(key: str) -> tuple[str, ...]:
    """``_event_tokens`` as a tuple, cached (many mentions share a key or text)."""
    return tuple(sorted({singular(w) for w in words(key) if w not in R.STOPWORDS}))


def canonical_head(head: str) -> str:
    h = head.lower().strip()
    h = R.EVENT_HEAD_EQUIVALENTS.get(h, h)
    return R.EVENT_HEAD_EQUIVALENTS.get(singular(h), singular(h))


def _numbers_and_ordinals(tokens: Iterable[str]) -> frozenset[str]:
    return frozenset(t for t in tokens if any(c.isdigit() for c in t) or t in R.ORDINAL_WORDS)


@functools.lru_cache(maxsize=1 << 16)
def _strip_determiners(text: str) -> str:
    parts = text.strip().split()
    while parts and parts[0].lower() in R.LEADING_DETERMINERS:
        parts = parts[1:]
    return " ".join(parts)


# --------------------------------------------------------------------------- union-find


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # the smaller string becomes the root: deterministic whatever the order
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra


# --------------------------------------------------------------------------- records


def _fields(obj: Any) -> tuple[Any, ...]:
    """The values of a dataclass's fields, in order: its frozen dataclasses pickle as
    ``(cls, _fields(self))`` (compiled by mypyc, a class's default unpickling sets
    its fields one by one, which a frozen dataclass refuses)."""
    return tuple(getattr(obj, f.name) for f in fields(obj))


@dataclass(frozen=True)
class Groups:
    """What group found. The first four fields are public (report, CLI); the rest
    are for match and judge.

    ``speaker_keys_of``: claim id -> canonical speaker keys (one per person of a
    compound speaker "A and B"). ``event_keys_of``: claim id -> canonical event key of
    each of the claim's ``events`` (same order and length; generic mentions get an
    article-local key starting with '~'). ``event_names``: canonical event key ->
    display name.
    """

    speakers: tuple[SpeakerEntry, ...] = ()
    events: tuple[EventEntry, ...] = ()
    speaker_of: dict[str, str] = field(default_factory=dict)
    events_of: dict[str, tuple[str, ...]] = field(default_factory=dict)
    speaker_keys_of: dict[str, tuple[str, ...]] = field(default_factory=dict)
    event_keys_of: dict[str, tuple[str, ...]] = field(default_factory=dict)
    event_names: dict[str, str] = field(default_factory=dict)
    event_heads: dict[str, str] = field(default_factory=dict)
    # per claim id, computed once for match and judge (``text_facts``): content words
    # of the claim text; those of its main clause (only when it is shorter); its
    # incident keys and its negation words (only when there are some)
    words_of: dict[str, tuple[str, ...]] = field(default_factory=dict)
    main_words_of: dict[str, tuple[str, ...]] = field(default_factory=dict)
    incidents_of: dict[str, frozenset[str]] = field(default_factory=dict)
    negations_of: dict[str, frozenset[str]] = field(default_factory=dict)

    def __reduce__(self) -> tuple[Any, ...]:
        return type(self), _fields(self)


@dataclass(frozen=True)
class TextFacts:
    """``Groups``' per-claim text facts of some claims (``claims_text_facts``), each
    table in the claims' report order."""

    words_of: dict[str, tuple[str, ...]]
    main_words_of: dict[str, tuple[str, ...]]
    incidents_of: dict[str, frozenset[str]]
    negations_of: dict[str, frozenset[str]]

    def __reduce__(self) -> tuple[Any, ...]:
        return type(self), _fields(self)

    def joined(self, later: TextFacts) -> TextFacts:
        """These facts, then ``later``'s (of claims after these in report order)."""
        return joined_facts([self, later])


def joined_facts(parts: Iterable[TextFacts]) -> TextFacts:
    """One ``TextFacts`` of several, in the order given (theirs in report order)."""
    joined = TextFacts({}, {}, {}, {})
    for part in parts:
        joined.words_of.update(part.words_of)
        joined.main_words_of.update(part.main_words_of)
        joined.incidents_of.update(part.incidents_of)
        joined.negations_of.update(part.negations_of)
    return joined


class FactsAhead(Protocol):
    """Text facts another process makes while group runs (``spool.ClaimSpool``):
    those of the claims of the articles whose ids sort below ``until``."""

    @property
    def until(self) -> str: ...

    def take(self) -> TextFacts | None:
        """Wait for them; None when they cannot be had (group then makes them)."""


# --------------------------------------------------------------------------- speakers

_COMPOUND = re.compile(r"\s+(?:and|&)\s+")
_PRONOUNS = frozenset(
    R.LEADING_DETERMINERS | {"he", "she", "they", "it", "we", "i", "you", "him", "them", "one"}
)


@functools.lru_cache(maxsize=1 << 16)
def _role_key(role: str) -> str:
    toks = [
        singular(w)
        for w in words(role)
        if w not in R.LEADING_DETERMINERS and w not in {"of", "for", "s", "to"}
    ]
    return " ".join(sorted(set(toks)))


@functools.lru_cache(maxsize=1 << 16)
def _split_role_name(text: str) -> tuple[str, tuple[str, ...], bool]:
    """'Russian Foreign Minister Sergei Petrov' -> ('Russian Foreign Minister', ['Sergei', 'Petrov'], True).

    The name is the run of capitalised tokens that ends the mention, after the last
    role keyword; a mention without such a run after a role keyword is role-only
    (name empty). The flag says whether a role keyword was found.
    """
    toks = name_tokens(text)
    last_role = -1
    first_role = -1
    for i, t in enumerate(toks):
        if t.lower() in R.SPEAKER_ROLE_KEYWORDS:
            last_role = i
            if first_role < 0:
                first_role = i
    # "Rami Abdel Rahman, director of the Observatory": a name, then its role
    lead = toks[:first_role] if first_role >= 2 else []
    while lead and lead[-1].lower() in R.LEADING_DETERMINERS:
        lead = lead[:-1]
    after_role = toks[last_role + 1] if last_role + 1 < len(toks) else ""
    if (
        lead
        and not _is_cap(after_role)
        and all(_is_cap(t) or t.lower() in R.NAME_PARTICLES for t in lead)
        and _is_cap(lead[0])
        and not _has_org_word(" ".join(lead))
        and lead[0].lower() not in _PRONOUNS
    ):
        name = tuple(t for t in lead if t.lower() not in R.HONORIFICS)
        return " ".join(toks[first_role:]), name, True
    tail = toks[last_role + 1 :]
    run: list[str] = []
    for t in reversed(tail):
        if _is_cap(t) or (run and t.lower() in R.NAME_PARTICLES):
            run.insert(0, t)
        else:
            break
    while run and run[0].lower() in R.NAME_PARTICLES:
        run = run[1:]
    cut = len(tail) - len(run)
    # "Ambassador to Russia Riyad Haddad": the first capitalised word after a
    # preposition belongs to the role
    if cut > 0 and tail[cut - 1].lower() in {"to", "of", "for", "in", "at"} and len(run) >= 3:
        cut += 1
        run = run[1:]
    run = [t for t in run if t.lower() not in R.HONORIFICS and t.lower() not in _PRONOUNS]
    role = toks[: last_role + 1 + cut]
    return " ".join(role), tuple(run), last_role >= 0


@functools.lru_cache(maxsize=1 << 16)
def _names_person(text: str) -> bool:
    """True when a part of a compound speaker names a person by full name or role + name."""
    _, run, has_role = _split_role_name(text)
    return len(run) >= 2 or (has_role and len(run) >= 1)


@functools.lru_cache(maxsize=1 << 16)
def _person_key(name: tuple[str, ...]) -> str:
    core = [t for t in name if t.lower() not in R.NAME_PARTICLES] or list(name)
    last = core[-1].lower()
    # "al-Assad" -> "assad", "Abdel-Rahman" -> "rahman"
    head, _, rest = last.partition("-")
    if rest and len(rest) > 2 and (head in R.NAME_PARTICLES or head in ("ad", "as", "ash", "ar")):
        last = rest
    if len(core) >= 2:
        return f"person:{last} {core[0][0].lower()}"
    return f"person:{last}"


@functools.lru_cache(maxsize=1 << 16)
def _org_key(text: str) -> str:
    toks = [singular(w) for w in words(text) if w not in R.LEADING_DETERMINERS and w != "of"]
    return "org:" + " ".join(sorted(set(toks)))


@functools.lru_cache(maxsize=1 << 16)
def _has_org_word(text: str) -> bool:
    return any(
        singular(w) in R.ORGANISATION_WORDS or w in R.ORGANISATION_WORDS for w in words(text)
    )


def _is_org(text: str, speaker_type: str) -> bool:
    """An organisation: typed so, or named with an organisation word ("the
    Observatory", "Nusra Front") whatever the type says."""
    return speaker_type == "organization" or _has_org_word(text)


@functools.lru_cache(maxsize=1 << 16)
def _norm(text: str) -> str:
    return " ".join(words(text))


# One speaker reference of a claim, before merging, without the claim (many claims
# share it): (scope, key, kind, display, mentions, role key, role). ``kind`` is
# person | organization | role | outlet | local. ``scope`` says how the reference's
# key is made: ``GLOBAL``: ``key`` itself; ``LOCAL``: "local:ARTICLE:" + ``key``
# (anonymous sources and the like, local to their article); ``NARRATION``:
# "outlet:~ARTICLE" (the narration of an article without an outlet).
_Template = tuple[int, str, str, str, tuple[str, ...], str, str]
GLOBAL, LOCAL, NARRATION = 0, 1, 2

_NARRATION: tuple[_Template, ...] = ((NARRATION, "", "outlet", "(narration)", (), "", ""),)


def _ref_key(ref: _Template, article_id: str) -> str:
    """The key of a reference of a claim of article ``article_id``."""
    scope = ref[0]
    if scope == GLOBAL:
        return ref[1]
    if scope == LOCAL:
        return f"local:{article_id}:{ref[1]}"
    return f"outlet:~{article_id}"


def _speaker_refs(claim: Claim) -> tuple[_Template, ...]:
    """The speaker reference(s) of one claim, keyed before any merging (shared by
    every claim with the same speaker fields: ``_ref_key`` gives each its key)."""
    mention = claim.speaker.strip()
    name = claim.speaker_name.strip()
    stype = claim.speaker_type
    if claim.kind == "narration" or stype == "outlet" or (not mention and not name):
        outlet = claim.outlet.strip()
        if outlet:
            return _outlet_refs(outlet)
        return _NARRATION
    return _speaker_templates(name or mention, mention, stype, claim.speaker_role)


@functools.lru_cache(maxsize=1 << 12)
def _outlet_refs(outlet: str) -> tuple[_Template, ...]:
    """The reference of the narration of ``outlet`` (stripped, not empty)."""
    return ((GLOBAL, f"outlet:{_norm(outlet)}", "outlet", outlet, (outlet,), "", ""),)


@functools.lru_cache(maxsize=1 << 18)
def _speaker_templates(
    text: str, mention: str, stype: str, speaker_role: str
) -> tuple[_Template, ...]:
    """The references of a speaker named ``text`` (its name, else its mention) of
    type ``stype``: many claims share one speaker, so this is computed once for it."""
    if stype in ("anonymous", "document") or text.lower() in _PRONOUNS:
        return (
            (
                LOCAL,
                _norm(text),
                "local",
                _strip_determiners(text),
                (mention,) if mention else (text,),
                "",
                "",
            ),
        )
    parts = _compound_parts(text)
    refs: list[_Template] = []
    for part in parts:
        role, person, has_role = _split_role_name(part)
        if not role and speaker_role and len(parts) == 1:
            role = speaker_role
        raw = [mention, part.strip()] if len(parts) == 1 else [part.strip()]
        mentions = tuple(dict.fromkeys(m for m in raw if m and m.lower() not in _PRONOUNS))
        part_type = stype if len(parts) == 1 else ""
        if _is_state(part):
            part_type = "organization"  # "Russia", "Washington": the government
        # a role keyword followed by a full name is a person whatever the type says
        # ("US Department of State spokesperson John Hughes")
        titled = has_role and len(person) >= 2
        if person and (titled or not _is_org(part, part_type)):
            refs.append(
                (
                    GLOBAL,
                    _person_key(person),
                    "person",
                    " ".join(person),
                    mentions,
                    _role_key(role),
                    _strip_determiners(role),
                )
            )
        elif _is_org(part, part_type):
            refs.append(
                (GLOBAL, _org_key(part), "organization", _strip_determiners(part), mentions, "", "")
            )
        elif role:
            rk = _role_key(role)
            refs.append(
                (
                    GLOBAL,
                    f"role:{rk}",
                    "role",
                    _strip_determiners(role),
                    mentions,
                    rk,
                    _strip_determiners(role),
                )
            )
        else:
            refs.append((LOCAL, _norm(part), "local", _strip_determiners(part), mentions, "", ""))
    return tuple(refs)


@functools.lru_cache(maxsize=1 << 16)
def _is_state(text: str) -> bool:
    """A country or capital ("the United States", "Moscow"): it stands for a government."""
    return " ".join(words(_strip_determiners(text))) in geo.STATES


def _names_party(text: str) -> bool:
    """A member of a list of speakers: a person by full name or role + name, a state,
    or a named organisation ("the International Committee of the Red Cross")."""
    first = _strip_determiners(text).strip()
    _, run, has_role = _split_role_name(text)
    if has_role and _is_state(" ".join(run)):
        return False  # "the leaders of Russia": a role over a state, not a person
    return (
        _names_person(text)
        or _is_state(text)
        or (bool(first) and _is_cap(first.split()[0]) and _has_org_word(text))
    )


@functools.lru_cache(maxsize=1 << 16)
def _compound_parts(text: str) -> tuple[str, ...]:
    """The members of a compound speaker, or ``(text,)`` when it is one speaker:
    "A and B" and "A, B and C" split when every member names a party;
    "leaders of Russia and Turkey" stays one speaker."""
    parts = [p for p in _COMPOUND.split(text) if p.strip()]
    if len(parts) == 1:
        # a headline's "A, B agree ...": a list only when every member names a party
        commas = [q.strip() for q in text.split(",") if q.strip()]
        if len(commas) > 1 and all(_is_state(q) for q in commas):
            return tuple(commas)
        return (text,)
    members: list[str] = []
    for p in parts:
        members += [q for q in p.split(",") if q.strip()] if len(parts) == 2 else [p]
    members = [m.strip() for m in members]
    if all(_names_party(m) for m in members):
        return tuple(members)
    if all(_names_party(p) and "," not in p for p in parts):
        return tuple(p.strip() for p in parts)
    return (text,)


def _merge_person_keys(persons: Counter[str], uf: _UnionFind) -> None:
    """Bare last names and typo variants join a full name, when unambiguous
    (``persons``: person key -> its references)."""
    full_by_last: dict[str, list[str]] = defaultdict(list)
    for key in sorted(persons):
        body = key.split(":", 1)[1]
        if " " in body:
            full_by_last[body.split(" ")[0]].append(key)
    # typo variants: same first initial, similar last names (blocked by initial)
    by_initial: dict[str, list[str]] = defaultdict(list)
    for key in sorted(persons):
        body = key.split(":", 1)[1]
        if " " in body:
            last, initial = body.split(" ", 1)
            by_initial[initial + last[:1]].append(key)
    for keys in by_initial.values():
        for i, a in enumerate(keys[: R.MAX_BLOCK * 4]):
            la = a.split(":", 1)[1].split(" ")[0]
            for b in keys[i + 1 : R.MAX_BLOCK * 4]:
                lb = b.split(":", 1)[1].split(" ")[0]
                if min(len(la), len(lb)) >= 5 and fuzz.ratio(la, lb) >= R.SPEAKER_NAME_FUZZY_MIN:
                    uf.union(a, b)
    # bare last names
    for key in sorted(persons):
        body = key.split(":", 1)[1]
        if " " in body:
            continue
        fulls = full_by_last.get(body, [])
        roots = sorted({uf.find(k) for k in fulls})
        if len(roots) == 1:
            uf.union(key, roots[0])
        elif len(roots) > 1:
            weight: Counter[str] = Counter()
            for k in fulls:
                weight[uf.find(k)] += persons[k]
            total = sum(weight.values())
            best, n = sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))[0]
            if n >= 0.9 * total:
                uf.union(key, best)


# --------------------------------------------------------------------------- events


def _merge_event_keys(keys: Counter[tuple[str, str]]) -> _UnionFind:
    """Union event keys (head, key) that are one event. Keys are compared only with
    keys sharing the head and their rarest word (a block), never all pairs."""
    uf = _UnionFind()
    toks_of = {hk: hk[1].split() for hk in keys}
    df: Counter[tuple[str, str]] = Counter()
    for (head, _), toks in toks_of.items():
        for t in set(toks):
            df[(head, t)] += 1
    index: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for hk in sorted(keys):
        uf.find("\x00".join(hk))
        for t in set(toks_of[hk]):
            index[(hk[0], t)].append(hk)

    def rarest(hk: tuple[str, str]) -> tuple[str, str] | None:
        cands = [t for t in toks_of[hk] if t != hk[0]] or toks_of[hk]
        if not cands:
            return None
        return min(((hk[0], t) for t in cands), key=lambda ht: (df[ht], ht[1]))

    for hk in sorted(keys):
        r = rarest(hk)
        if r is None:
            continue
        block = index[r]
        mine = set(toks_of[hk])
        nums = _numbers_and_ordinals(mine)
        supersets: list[tuple[str, str]] = []
        for other in block[: R.MAX_BLOCK * 4]:
            if other == hk:
                continue
            theirs = set(toks_of[other])
            if _numbers_and_ordinals(theirs) != nums:
                continue
            if mine < theirs:
                supersets.append(other)
            elif len(mine) == len(theirs) and fuzz.ratio(hk[1], other[1]) >= R.EVENT_KEY_FUZZY_MIN:
                uf.union("\x00".join(hk), "\x00".join(other))
        if len(mine) >= R.EVENT_SUBSET_MIN_WORDS and supersets:
            # unambiguous: all supersets must be one event already, or one superset
            # contains all the others
            biggest = max(supersets, key=lambda o: (len(toks_of[o]), o))
            if all(set(toks_of[o]) <= set(toks_of[biggest]) for o in supersets):
                uf.union("\x00".join(hk), "\x00".join(biggest))
    return uf


def _named_tokens(m: EventMention) -> list[str]:
    """The key words of a mention that names an event (or was resolved to a named
    one by normalise); [] for a generic mention ("the talks")."""
    toks = _event_token_tuple(m.key or m.text)
    if m.named:
        return list(toks)
    own = _event_token_tuple(m.text)
    if toks and set(toks) != set(own) and len(toks) > 1:
        return list(toks)  # a bare "the Congress" that normalise tied to a named event
    return []


def _display_event(aliases: Counter[str]) -> str:
    """The most frequent alias (case-folded), written in its most capitalised form."""
    folded: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    longer = {a: n for a, n in aliases.items() if len(a.split()) > 1}
    for alias, n in (longer or aliases).items():
        folded[alias.lower()] += n
        forms[alias.lower()][alias] += n
    best = sorted(folded.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]
    return sorted(
        forms[best], key=lambda f: (-sum(1 for t in f.split() if _is_cap(t)), -forms[best][f], f)
    )[0]


# --------------------------------------------------------------------------- map, merge, apply
#
# group runs in three steps, so that no step but the per-partition ones reads every
# claim: ``map_claims`` reduces the claims of a partition to distinct keys with
# counts (``GroupMap``; maps combine associatively); ``merge`` runs the union-finds
# over those distinct keys (``Merged``: millions of keys for hundreds of millions of
# claims); ``apply_claims`` gives each claim of a partition its canonical keys from
# the merged tables, with the partition's share of every speaker and event entry
# (``EntryParts``, also combinable); ``finish`` makes the entries and their display
# names from the combined shares; ``claim_tables`` gives each claim of a partition
# its canonical speaker and events. ``group`` runs them over one partition (the
# whole corpus); the dask engine runs the map and apply steps on the workers.


RoleQuery = tuple[str, dt.date | None]  # a role-only speaker: (role key, published)


@dataclass(slots=True)
class GroupMap:
    """What the union-finds of group read of some claims: distinct keys, with counts.

    ``persons``: person key -> references. ``holders``: (role key, published,
    person key) of the persons named with a role. ``role_queries``: the role-only
    references whose article names no holder of their role, as (role key,
    published). ``named``: (head, event key) of named event mentions -> mentions.
    """

    persons: Counter[str] = field(default_factory=Counter)
    holders: set[tuple[str, dt.date | None, str]] = field(default_factory=set)
    role_queries: set[RoleQuery] = field(default_factory=set)
    named: Counter[tuple[str, str]] = field(default_factory=Counter)

    def update(self, other: GroupMap) -> GroupMap:
        """Add ``other`` into this one (associative and commutative); returns self."""
        self.persons.update(other.persons)
        self.holders.update(other.holders)
        self.role_queries.update(other.role_queries)
        self.named.update(other.named)
        return self


def combine_maps(maps: Iterable[GroupMap]) -> GroupMap:
    """The map of the union of the claims of ``maps``."""
    out = GroupMap()
    for m in maps:
        out.update(m)
    return out


@dataclass(frozen=True)
class Merged:
    """The union-finds' result, over distinct keys (what ``apply_claims`` reads).

    ``roots``: person key -> the key of the person it joined (only keys that joined
    another). ``role_holders``: role query -> the one person holding that role in
    the time window (only queries that have one). ``event_keys``: "head\\x00key" of
    a named mention -> its canonical event key (only where it is another key).
    """

    roots: dict[str, str] = field(default_factory=dict)
    role_holders: dict[RoleQuery, str] = field(default_factory=dict)
    event_keys: dict[str, str] = field(default_factory=dict)

    def __reduce__(self) -> tuple[Any, ...]:
        return type(self), _fields(self)


@dataclass(slots=True)
class SpeakerPart:
    """A partition's share of one speaker entry: its references, their (kind,
    display) counts, roles, mentions, articles and claim ids."""

    refs: int = 0
    names: Counter[tuple[str, str]] = field(default_factory=Counter)
    roles: set[str] = field(default_factory=set)
    mentions: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)
    claims: list[str] = field(default_factory=list)
    count: int = 0  # its distinct claims, when ``claims`` is left out (``without_ids``)


# where an event key is first mentioned: (article id, content start, claim id, mention)
Position = tuple[str, int, str, int]


@dataclass(slots=True)
class EventPart:
    """A partition's share of one named event entry: its aliases (counted), its
    head where first mentioned, its articles and claim ids."""

    first: tuple[Position, str]
    aliases: Counter[str] = field(default_factory=Counter)
    articles: set[str] = field(default_factory=set)
    claims: list[str] = field(default_factory=list)
    count: int = 0  # its distinct claims, when ``claims`` is left out (``without_ids``)


@dataclass(slots=True)
class EntryParts:
    """Shares of the speaker and event entries (by canonical key); combinable.

    ``counted``: the shares hold the number of their distinct claims (``count``)
    instead of the claim ids (``without_ids``); ``finish`` then makes entries whose
    ``claims`` are ``HeldIds``."""

    speakers: dict[str, SpeakerPart] = field(default_factory=dict)
    events: dict[str, EventPart] = field(default_factory=dict)
    counted: bool = False

    def without_ids(self) -> EntryParts:
        """A copy without the claim ids: each share counts its distinct claims (a
        partition never splits a claim, so the counts of partitions add up)."""
        out = EntryParts(counted=True)
        for key, s in self.speakers.items():
            out.speakers[key] = SpeakerPart(
                s.refs, s.names, s.roles, s.mentions, s.articles, [], s.count + len(set(s.claims))
            )
        for key, e in self.events.items():
            out.events[key] = EventPart(
                e.first, e.aliases, e.articles, [], e.count + len(set(e.claims))
            )
        return out

    def update(self, other: EntryParts) -> EntryParts:
        """Add ``other`` into this one (the claims of two partitions); returns self."""
        for key, s in other.speakers.items():
            mine = self.speakers.get(key)
            if mine is None:
                self.speakers[key] = s
                continue
            mine.refs += s.refs
            mine.names.update(s.names)
            mine.roles |= s.roles
            mine.mentions |= s.mentions
            mine.articles |= s.articles
            mine.claims += s.claims
            mine.count += s.count
        for key, e in other.events.items():
            held = self.events.get(key)
            if held is None:
                self.events[key] = e
                continue
            held.first = min(held.first, e.first)
            held.aliases.update(e.aliases)
            held.articles |= e.articles
            held.claims += e.claims
            held.count += e.count
        self.counted = self.counted or other.counted
        return self


@dataclass(frozen=True)
class Applied:
    """A partition's claims with their canonical keys (``Groups.speaker_keys_of``,
    ``event_keys_of``), the heads of its article-local event keys, and its share
    of the entries."""

    speaker_keys_of: dict[str, tuple[str, ...]]
    event_keys_of: dict[str, tuple[str, ...]]
    local_heads: dict[str, str]
    parts: EntryParts

    def __reduce__(self) -> tuple[Any, ...]:
        return type(self), _fields(self)


@dataclass(frozen=True)
class Index:
    """The entries (``Groups.speakers``, ``events``) and the display names of their
    keys: ``speaker_names`` (speaker key -> display), ``event_names`` and
    ``event_heads`` (named event key -> display name, head)."""

    speakers: tuple[SpeakerEntry, ...]
    events: tuple[EventEntry, ...]
    speaker_names: dict[str, str]
    event_names: dict[str, str]
    event_heads: dict[str, str]

    def __reduce__(self) -> tuple[Any, ...]:
        return type(self), _fields(self)


_Refd = Sequence[tuple[Claim, tuple[_Template, ...]]]


_REPORT_ORDER = operator.attrgetter("article_id", "content_start", "claim_id")


def report_order(claims: Iterable[Claim]) -> list[Claim]:
    """The claims in the order group reads them (article id, content start, claim id)."""
    return sorted(claims, key=_REPORT_ORDER)


def _with_refs(claims: Iterable[Claim]) -> list[tuple[Claim, tuple[_Template, ...]]]:
    return [(c, _speaker_refs(c)) for c in report_order(claims)]


def map_claims(claims: Iterable[Claim]) -> GroupMap:
    """Map: the distinct keys of some claims (whole articles: an article's claims
    must all be in one map), with what the union-finds count of them."""
    return _map(_with_refs(claims))


def _map(refd: _Refd) -> GroupMap:
    out = GroupMap()
    held: set[tuple[str, str]] = set()  # (article, role key) with a person holding it
    roles: set[tuple[str, str, dt.date | None]] = set()
    persons = out.persons
    for c, refs in refd:
        for _, key, kind, _, _, role_key, _ in refs:
            # persons and roles are never article-local: ``key`` is their key
            if kind == "person":
                persons[key] += 1
                if role_key:
                    out.holders.add((role_key, c.published, key))
                    held.add((c.article_id, role_key))
            elif kind == "role":
                roles.add((c.article_id, role_key, c.published))
        for m in c.events:
            toks = _named_tokens(m)
            if toks:
                out.named[(canonical_head(m.head), " ".join(toks))] += 1
    out.role_queries.update((rk, pub) for aid, rk, pub in roles if (aid, rk) not in held)
    return out


def merge(summary: GroupMap) -> Merged:
    """Merge: the union-finds over the distinct keys of the whole corpus.

    Persons: bare last names and typo variants join a full name. Roles: a role-only
    speaker whose article names nobody with that role joins the one person holding
    it in the corpus within the time window. Events: aliases join their event."""
    uf = _UnionFind()
    _merge_person_keys(summary.persons, uf)
    roots = {k: root for k in sorted(summary.persons) if (root := uf.find(k)) != k}
    held_by: dict[str, set[tuple[dt.date | None, str]]] = defaultdict(set)
    for role_key, published, key in summary.holders:
        held_by[role_key].add((published, roots.get(key, key)))
    window = dt.timedelta(days=R.ROLE_HOLDER_WINDOW_DAYS)
    role_holders: dict[RoleQuery, str] = {}
    for query in sorted(summary.role_queries, key=lambda q: (q[0], q[1] or dt.date.min)):
        role_key, when = query
        candidates = {
            person
            for published, person in held_by.get(role_key, ())
            if when is None or published is None or abs(published - when) <= window
        }
        if len(candidates) == 1:
            role_holders[query] = next(iter(candidates))

    named = summary.named
    euf = _merge_event_keys(named)
    # component -> canonical key: the most frequent key of the component
    comp_count: dict[str, Counter[str]] = defaultdict(Counter)
    for hk in sorted(named):
        joined = "\x00".join(hk)
        comp_count[euf.find(joined)][joined] += named[hk]
    event_keys: dict[str, str] = {}
    for cnt in comp_count.values():
        best = sorted(cnt.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]
        canonical = best.split("\x00", 1)[1]
        for k in cnt:
            if k.split("\x00", 1)[1] != canonical:
                event_keys[k] = canonical
    return Merged(roots=roots, role_holders=role_holders, event_keys=event_keys)


def apply_claims(claims: Iterable[Claim], merged: Merged) -> Applied:
    """Apply: each claim's canonical speaker and event keys from the merged tables
    (whole articles, as for ``map_claims``), and the claims' share of the entries."""
    return _apply(_with_refs(claims), merged)


def _apply(refd: _Refd, merged: Merged) -> Applied:
    roots = merged.roots
    held: dict[tuple[str, str], set[str]] = defaultdict(set)
    for c, refs in refd:
        for _, rkey, kind, _, _, role_key, _ in refs:
            if kind == "person" and role_key:  # a person's key is its own (``_map``)
                held[(c.article_id, role_key)].add(roots.get(rkey, rkey))
    parts = EntryParts()
    speakers = parts.speakers
    role_holders = merged.role_holders
    keys_of: dict[str, tuple[str, ...]] = {}
    for c, refs in refd:
        cid, aid = c.claim_id, c.article_id
        keys: list[str] = []  # the claim's canonical keys, each once, in order
        for ref in refs:
            scope, key, kind, display, mentions, role_key, role = ref
            # the reference's canonical key: a role-only one goes to the one person
            # with that role in its article (two or more: nobody), else to the one
            # holder in the corpus (``merge``), else stays local to its article
            if kind != "role":
                if scope != GLOBAL:
                    key = _ref_key(ref, aid)
                key = roots.get(key, key)
            else:
                local = held.get((aid, role_key))
                if local:
                    key = next(iter(local)) if len(local) == 1 else f"local:{aid}:role:{role_key}"
                else:
                    holder = role_holders.get((role_key, c.published))
                    key = f"local:{aid}:role:{role_key}" if holder is None else holder
            if key not in keys:
                keys.append(key)
            s = speakers.get(key)
            if s is None:
                s = speakers[key] = SpeakerPart()
            s.refs += 1
            names = s.names
            name = (kind, display)
            names[name] = names.get(name, 0) + 1
            if role:
                s.roles.add(role)
            s.mentions.update(mentions)  # never empty strings (``_speaker_refs``)
            s.articles.add(aid)
            claims = s.claims
            if not claims or claims[-1] != cid:
                claims.append(cid)
        held_keys = keys_of.get(cid)
        if held_keys is None:
            keys_of[cid] = tuple(keys)
        else:  # another claim with this id: its keys, then the new ones
            keys_of[cid] = held_keys + tuple(k for k in keys if k not in held_keys)

    events = parts.events
    event_keys_of: dict[str, tuple[str, ...]] = {}
    local_heads: dict[str, str] = {}
    for c, _ in refd:
        eks: list[str] = []
        for i, m in enumerate(c.events):
            head = canonical_head(m.head)
            toks = _named_tokens(m)
            if toks:
                joined = head + "\x00" + " ".join(toks)
                key = merged.event_keys.get(joined, joined.split("\x00", 1)[1])
                e = events.get(key)
                if e is None:
                    e = events[key] = EventPart(
                        ((c.article_id, c.content_start, c.claim_id, i), head)
                    )
                e.aliases[_strip_determiners(m.text)] += 1
                e.articles.add(c.article_id)
                if not e.claims or e.claims[-1] != c.claim_id:
                    e.claims.append(c.claim_id)
            else:
                key = f"~{head}@{c.article_id}"
                local_heads.setdefault(key, head)
            eks.append(key)
        if eks:
            event_keys_of[c.claim_id] = tuple(eks)
    return Applied(
        speaker_keys_of=keys_of,
        event_keys_of=event_keys_of,
        local_heads=local_heads,
        parts=parts,
    )


def _entry_claims(claims: list[str], count: int, counted: bool) -> tuple[str, ...]:
    return HeldIds(count) if counted else tuple(sorted(set(claims)))


_TYPE_OF_KIND = {  # an entry's type when all its references are of one kind
    "person": "person",
    "organization": "organization",
    "outlet": "outlet",
    "role": "person",
}


def _speaker_entry(key: str, s: SpeakerPart, counted: bool = False) -> SpeakerEntry:
    if len(s.names) == 1:
        # one (kind, display): the general case below gives that kind's type (an
        # unknown kind: "anonymous") and that display, as every count is positive
        ((kind, display),) = s.names
        return SpeakerEntry(
            speaker=display,
            key=key,
            speaker_type=_TYPE_OF_KIND.get(kind, "anonymous"),
            roles=tuple(sorted(s.roles)),
            mentions=tuple(sorted(s.mentions)),
            articles=tuple(sorted(s.articles)),
            claims=_entry_claims(s.claims, s.count, counted),
        )
    kinds: dict[str, int] = {}
    for (kind, _), n in s.names.items():
        kinds[kind] = kinds.get(kind, 0) + n
    if kinds.get("person"):
        stype, shown = "person", "person"
    elif kinds.get("organization"):
        stype, shown = "organization", "organization"
    elif kinds.get("outlet"):
        stype, shown = "outlet", ""
    else:
        stype, shown = ("person" if kinds.get("role") else "anonymous"), ""
    names: dict[str, int] = {}
    for (kind, display), n in s.names.items():
        if not shown or kind == shown:
            names[display] = names.get(display, 0) + n
    if len(names) == 1:
        display = next(iter(names))
    else:
        # the most frequent full name (two words or more), then the longest
        full = [n for n in names if len(n.split()) > 1] or list(names)
        display = min(full, key=lambda n: (-names[n], -len(n.split()), n))
    return SpeakerEntry(
        speaker=display,
        key=key,
        speaker_type=stype,
        roles=tuple(sorted(s.roles)),
        mentions=tuple(sorted(s.mentions)),
        articles=tuple(sorted(s.articles)),
        claims=_entry_claims(s.claims, s.count, counted),
    )


def finish(parts: EntryParts) -> Index:
    """The speaker and event entries, and the display names of their keys, from the
    corpus's entry shares (``EntryParts`` of every partition, combined)."""
    counted = parts.counted
    speakers = [_speaker_entry(key, parts.speakers[key], counted) for key in sorted(parts.speakers)]
    speaker_names = {e.key: e.speaker for e in speakers}
    speakers.sort(key=_speaker_order)
    event_names: dict[str, str] = {}
    event_heads: dict[str, str] = {}
    events: list[EventEntry] = []
    for key in sorted(parts.events):
        e = parts.events[key]
        event_names[key] = name = _display_event(e.aliases)
        event_heads[key] = e.first[1]
        events.append(
            EventEntry(
                event=name,
                key=key,
                head=e.first[1],
                aliases=tuple(
                    a for a, _ in sorted(e.aliases.items(), key=lambda kv: (-kv[1], kv[0]))
                ),
                articles=tuple(sorted(e.articles)),
                claims=_entry_claims(e.claims, e.count, counted),
            )
        )
    events.sort(key=_event_order)
    return Index(tuple(speakers), tuple(events), speaker_names, event_names, event_heads)


def _count(claims: Sized) -> int:
    """``len`` of an entry's ``claims``, which may be a ``HeldIds``: typed ``Sized``
    so that compiled (mypyc) code calls its ``__len__`` (for a ``tuple`` it reads the
    tuple's own size: 0 for a ``HeldIds``)."""
    return len(claims)


def _speaker_order(e: SpeakerEntry) -> tuple[int, str, str]:
    return -_count(e.claims), e.speaker, e.key


def _event_order(e: EventEntry) -> tuple[int, int, str, str]:
    return -len(e.articles), -_count(e.claims), e.event, e.key


def joined_indexes(indexes: Iterable[Index]) -> Index:
    """``finish`` of shares cut by key, as one: the ``Index`` ``finish`` makes of
    them all together (an entry is made from its key's shares alone, and the orders
    are total: they end with the key). The dask engine finishes shards of keys on
    its workers and joins them here, one at a time."""
    speakers: list[SpeakerEntry] = []
    events: list[EventEntry] = []
    speaker_names: dict[str, str] = {}
    event_names: dict[str, str] = {}
    event_heads: dict[str, str] = {}
    for index in indexes:
        speakers.extend(index.speakers)
        events.extend(index.events)
        speaker_names.update(index.speaker_names)
        event_names.update(index.event_names)
        event_heads.update(index.event_heads)
    speakers.sort(key=_speaker_order)
    events.sort(key=_event_order)
    return Index(
        tuple(speakers),
        tuple(events),
        dict(sorted(speaker_names.items())),
        dict(sorted(event_names.items())),
        dict(sorted(event_heads.items())),
    )


_FIRST = operator.itemgetter(0)


def claim_tables(
    applied: Applied,
    speaker_names: dict[str, str],
    event_names: dict[str, str],
    event_heads: dict[str, str],
) -> Groups:
    """The per-claim tables of a partition's claims (a ``Groups`` without entries):
    canonical speaker and events, their keys, and the names and heads of the
    partition's event keys. ``speaker_names``, ``event_names`` and ``event_heads``
    (``Index``'s) must hold at least the partition's keys."""
    # by claim id (the ids are distinct: the first item orders them)
    speaker_items = sorted(applied.speaker_keys_of.items(), key=_FIRST)
    event_items = sorted(applied.event_keys_of.items(), key=_FIRST)
    speaker_of = {
        cid: speaker_names[ks[0]] if len(ks) == 1 else " and ".join(speaker_names[k] for k in ks)
        for cid, ks in speaker_items
    }
    events_of: dict[str, tuple[str, ...]] = {}
    names: dict[str, str] = {}
    heads: dict[str, str] = {}
    for cid, eks in event_items:
        shown = tuple(dict.fromkeys(event_names[k] for k in eks if not k.startswith("~")))
        if shown:
            events_of[cid] = shown
        for k in eks:
            if k.startswith("~"):
                heads[k] = applied.local_heads[k]
                names[k] = f"the {heads[k]}"
            else:
                heads[k] = event_heads[k]
                names[k] = event_names[k]
    return Groups(
        speaker_of=speaker_of,
        events_of=events_of,
        speaker_keys_of=dict(speaker_items),
        event_keys_of=dict(event_items),
        event_names=names,
        event_heads=heads,
    )


# --------------------------------------------------------------------------- stage


def group(claims: Sequence[Claim], ahead: FactsAhead | None = None) -> Groups:
    """Build the speaker and event indexes over all claims (deterministic). ``ahead``
    gives part of the claims' text facts, made meanwhile by another process: the
    same tables, sooner."""
    with gc_paused():
        return _group(claims, ahead=ahead)


def index(claims: Sequence[Claim]) -> Groups:
    """``group`` without the per-claim text facts (``words_of`` ... ``negations_of``
    stay empty; match and judge then compute them, with the same result)."""
    with gc_paused():
        return _group(claims, facts=False)


def _group(
    claims: Sequence[Claim], *, facts: bool = True, ahead: FactsAhead | None = None
) -> Groups:
    """map, merge, apply and finish over one partition: the whole corpus."""
    refd = _with_refs(claims)
    applied = _apply(refd, merge(_map(refd)))
    ordered = [c for c, _ in refd]
    # the speaker references and the apply step's working tables go before the text
    # facts are made (at 10,000 articles they held 170 MiB more at once otherwise)
    del refd
    found = finish(applied.parts)
    tables = claim_tables(applied, found.speaker_names, found.event_names, found.event_heads)
    del applied
    made = _text_facts(ordered, ahead) if facts else TextFacts({}, {}, {}, {})
    return Groups(
        speakers=found.speakers,
        events=found.events,
        speaker_of=tables.speaker_of,
        events_of=tables.events_of,
        speaker_keys_of=tables.speaker_keys_of,
        event_keys_of=tables.event_keys_of,
        event_names=tables.event_names,
        event_heads=tables.event_heads,
        words_of=made.words_of,
        main_words_of=made.main_words_of,
        incidents_of=made.incidents_of,
        negations_of=made.negations_of,
    )


def _text_facts(ordered: list[Claim], ahead: FactsAhead | None) -> TextFacts:
    """``claims_text_facts(ordered)``; with ``ahead``, those of the claims of the
    articles below ``ahead.until`` (the head of ``ordered``, which is in report order)
    are taken from it: made here only when it gives none, or not exactly theirs."""
    if ahead is None:
        return claims_text_facts(ordered)
    until = ahead.until
    split = bisect.bisect_left(ordered, until, key=_ARTICLE_ID)
    own = claims_text_facts(ordered[split:])
    given = ahead.take()
    head = ordered[:split]
    if given is None or given.words_of.keys() != {c.claim_id for c in head}:
        given = claims_text_facts(head)
    return given.joined(own)


_ARTICLE_ID: Callable[[Claim], str] = operator.attrgetter("article_id")


def claims_text_facts(ordered: Iterable[Claim]) -> TextFacts:
    """The text facts of these claims (in report order: the tables keep that order):
    ``_claim_facts`` of each, inline (the same steps, fewer calls)."""
    words_of: dict[str, tuple[str, ...]] = {}
    main_words_of: dict[str, tuple[str, ...]] = {}
    incidents_of: dict[str, frozenset[str]] = {}
    negations_of: dict[str, frozenset[str]] = {}
    content_word = _CONTENT_WORD.__getitem__
    negation = R.NEGATION_WORDS.intersection
    for c in ordered:
        cid = c.claim_id
        text = c.content or c.sentence  # claim_text
        at = main_clause_end(text)
        if at < 0:
            tokens = words(text)
            ws = words_of[cid] = tuple(filter(None, map(content_word, tokens)))
        else:
            # the words of the text are those of its main clause, then those of the
            # rest: no word spans the break (``main_clause_end``), so each part is
            # read once
            head, tail = words(text[:at]), words(text[at:])
            tokens = head + tail
            main_ws = tuple(filter(None, map(content_word, head)))
            ws = words_of[cid] = main_ws + tuple(filter(None, map(content_word, tail)))
            # ``_claim_facts``'s test (``main_ws is not ws``): the main clause's words
            # are stored unless the text has none (an empty tuple is the one ``()``)
            if ws:
                main_words_of[cid] = main_ws
        if c.quantities and c.places and c.times:  # else incident_keys has none
            incidents = incident_keys(c)
            if incidents:
                incidents_of[cid] = incidents
        negations = negation(tokens)
        if negations:
            negations_of[cid] = negations
    return TextFacts(words_of, main_words_of, incidents_of, negations_of)
