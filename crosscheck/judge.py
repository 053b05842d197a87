"""Judge stage: what the grouped and matched claims say to each other.

Two passes.

1. **Per event** (from group's event index): each claim that dates or places a
   canonical event gives a value. Times are the claim's time expressions inside its
   content span that are tied to the event mention (after it within
   ``EVENT_TIME_WINDOW_AFTER`` characters with no other event in between, or just
   before it); the time of the speech act ("said on Tuesday", outside the content or
   right after a speech verb) is not the event's time. When a claim gives an earlier
   expectation and a revised one joined by a contrast marker ("was expected in
   mid-November, however, it might take place in December"), the value after the
   marker is the claim's value and the earlier one is shown as context. Values that
   cannot be resolved to dates (no year) are shown as unresolved and never contradict.
   If two resolved values do not overlap, ONE time contradiction groups every claim
   dating that event, its values ordered by publication date (undated articles
   last). It reads as a *change over time* when the disagreeing claims come from
   articles published at different dates (or one of them is an expectation the claim
   itself marks as superseded, "was expected to"), and as a *conflict* when sources
   published at the same time disagree. Events that recur under one name (talks,
   meetings, summits) are only compared within ``RECURRING_EVENT_WINDOW_DAYS`` of
   publication. Places tied to an event give agreements (every article that names a
   place for it names the same one) and contradictions (disjoint places that no claim
   ever names together).

2. **Per candidate pair** (from match): slot by slot, in order time, number, place,
   polarity, then agreement, quote variant, related. A slot contradiction needs the
   two claims to make the same statement (shared content words besides numbers and
   times, and at least two shared ordinary words), about the same participants
   (neither names someone the other never mentions), from articles published at
   most ``PAIR_PUBLICATION_WINDOW_DAYS`` apart, anchored on one event, one place or
   nearly the same words. Numbers are compared only when they count the same thing
   (the words around them overlap) with the hedges' tolerance; vague amounts
   ("dozens") never. Two reports of one *incident* (a number, a place and a one-day
   date in the same clause: match's ``incident:`` blocks) are compared even when
   worded differently. Relative times ("Thursday") read against two different
   publication dates are never compared. A polarity flip needs a negation word the
   other claim lacks, governing a word both claims say. Pairs are clustered
   (union-find) so that one statement repeated by many outlets is one finding, not
   many pairs; agreeing claims that are one text copied, or one speaker repeated,
   are marked ``independent=False``.

Findings carry stable ids (a hash of relation, slot, event and sorted claim ids) and
are ordered: contradictions (score desc, id), quote variants, agreements, related.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import operator
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from rapidfuzz import fuzz

from crosscheck.gctools import gc_paused
from crosscheck.group import (
    Groups,
    WordMemo,
    content_words,
    main_clause,
    singular,
    text_facts,
    words,
)
from crosscheck.records import (
    Candidate,
    Claim,
    Finding,
    FindingValue,
    Place,
    Quantity,
    Relation,
    TimeSpan,
)
from crosscheck.rules import matching as R

_RELATION_ORDER: dict[str, int] = {
    "contradiction": 0,
    "quote_variant": 1,
    "agreement": 2,
    "related": 3,
}

# A finding tagged with its place in the order judge makes findings (event times
# (0, event key, "", run), event places (1, event key, "", n), pair clusters
# (phase, block, root claim id, 0)): the first finding of an id in that order is
# the one kept, however the findings were made apart.
Tag = tuple[int, str, str, int]
Tagged = tuple[Tag, Finding]
# Which event keys a part of the judgement judges (the dask engine: a bucket's).
Owns = Callable[[str], bool]


_GAP_OK = re.compile(r"^[\s,;:\-\u2013\u2014()]*(?:(?:the|a|an|on|in|at|by|of)\s+)*[\s,]*$", re.I)
_CONTRAST = re.compile(
    r"\b(?:" + "|".join(re.escape(m) for m in R.CONTRAST_MARKERS) + r")\b", re.IGNORECASE
)
_SUPERSEDED = re.compile(
    r"\b(?:" + "|".join(re.escape(m) for m in R.SUPERSEDED_MARKERS) + r")\b", re.IGNORECASE
)
_SPEECH_BEFORE = re.compile(
    r"\b(?:"
    + "|".join(sorted(R.SPEECH_ACT_VERBS))
    + r")\b[^.,;:\"\u201c\u201d]{0,"
    + str(R.SPEECH_ACT_GAP)
    + r"}$",
    re.IGNORECASE,
)


# --------------------------------------------------------------------------- per-claim facts


@dataclass(slots=True)
class _Info:
    claim: Claim
    text: str
    words: frozenset[str]  # content words (singular, no stopwords)
    main: frozenset[str]  # content words of the main clause
    core: frozenset[str]  # content words without digits, negations, times and numbers
    common: frozenset[str]  # content words written in lower case (not names)
    names: frozenset[str]  # proper names in the content (lower case)
    speaker: str
    speaker_keys: frozenset[str]
    event_keys: frozenset[str]  # the claim's canonical event keys (Groups.event_keys_of)
    times: tuple[TimeSpan, ...]  # in the content, not speech-act times, not open
    quantities: tuple[Quantity, ...]
    places: tuple[Place, ...]
    incidents: frozenset[str]  # match.incident_keys of the claim
    # the negation words among the claim's words (group's text facts): ``negations``
    # adds "not" for a contracted "n't" when it is first read
    negation_words: frozenset[str]
    # made when first read (few pairs read them): see ``negations``, ``main_names``,
    # ``tokens`` and ``sentence_lower``
    lazy_negations: frozenset[str] | None = None
    lazy_main_names: frozenset[str] | None = None
    lazy_tokens: list[str] | None = None
    lazy_sentence_lower: str | None = None

    @property
    def id(self) -> str:
        return self.claim.claim_id

    @property
    def negations(self) -> frozenset[str]:
        """The negation words in the content ("not" for a contracted "n't")."""
        if self.lazy_negations is None:
            negations = self.negation_words
            if _NOT.search(self.text):
                negations = negations | {"not"}
            self.lazy_negations = negations
        return self.lazy_negations

    @property
    def tokens(self) -> list[str]:
        """``words(text)``, made once (read, never changed)."""
        if self.lazy_tokens is None:
            self.lazy_tokens = words(self.text)
        return self.lazy_tokens

    @property
    def sentence_lower(self) -> str:
        """The claim's sentence in lower case."""
        if self.lazy_sentence_lower is None:
            self.lazy_sentence_lower = self.claim.sentence.lower()
        return self.lazy_sentence_lower

    @property
    def main_names(self) -> frozenset[str]:
        """The proper names in the main clause (``main_clause``)."""
        if self.lazy_main_names is None:
            main_text = main_clause(self.text)
            self.lazy_main_names = (
                self.names if main_text is self.text else frozenset(_name_set(main_text))
            )
        return self.lazy_main_names


def _rel(claim: Claim, start: int, end: int) -> str:
    """The sentence text between two article offsets (clamped)."""
    s = max(0, start - claim.sentence_start)
    e = max(s, min(len(claim.sentence), end - claim.sentence_start))
    return claim.sentence[s:e]


def _in_content(claim: Claim, start: int, end: int) -> bool:
    return claim.content_start <= start and end <= claim.content_end


def _is_speech_time(claim: Claim, t: TimeSpan) -> bool:
    if claim.cue_end is not None and 0 <= t.start - claim.cue_end <= R.SPEECH_ACT_GAP:
        between = _rel(claim, claim.cue_end, t.start)
        if not re.search(r"[.;:\"\u201c\u201d]", between):
            return True
    before = _rel(claim, max(claim.sentence_start, t.start - 60), t.start)
    return bool(_SPEECH_BEFORE.search(before))


# A lower-case / capitalised word not preceded by a word character, an apostrophe or
# a hyphen. The first letter comes first in the pattern and the look-behind after it
# looks at the two characters ending with that letter (so at the start of the text it
# cannot match): the same matches as ``(?<![\w'\u2019\-])[a-z]...``, found faster
# (the engine skips to the letters instead of trying the look-behind everywhere).
_LOWER_WORD = re.compile(r"[a-z](?<![\w'\u2019\-].)[a-z\-]+\b")
_CAP_WORD = re.compile(r"[A-Z](?<![\w'\u2019\-].)[\w\-]+")
_NOT = re.compile(r"n['\u2019]t\b", re.IGNORECASE)


def _blank(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """The text with the given (relative) spans replaced by spaces."""
    size = len(text)
    cuts = [(max(0, s), min(size, e)) for s, e in spans if max(0, s) < min(size, e)]
    if not cuts:
        return text
    chars = list(text)
    for s, e in cuts:
        chars[s:e] = " " * (e - s)
    return "".join(chars)


_POSS = re.compile(r"['\u2019]s$")


@functools.lru_cache(maxsize=1 << 16)
def _name_word(word: str) -> str:
    """The name a capitalised word stands for ('' when it is a day, a role or a stopword)."""
    low = word.lower()
    if (
        len(low) > 1
        and low not in R.NOT_NAMES
        and low not in R.SPEAKER_ROLE_KEYWORDS
        and low not in R.STOPWORDS
    ):
        return _POSS.sub("", low)
    return ""


_LEAD = re.compile(r"[\s\"'\u201c\u2018(\[]*")


def _name_set(text: str) -> set[str]:
    """Capitalised words that are not the first word, not days, roles or stopwords."""
    found = _CAP_WORD.findall(text)
    if found and _CAP_WORD.match(text, _LEAD.match(text).end()):  # type: ignore[union-attr]
        del found[0]  # the first word, after blanks and opening quotes or brackets
    out = set(map(_NAME_WORD.__getitem__, found))
    out.discard("")
    return out


@functools.lru_cache(maxsize=1 << 16)
def _common_word(word: str) -> str:
    """The singular of a lower-case word, '' for a stopword or a role word."""
    if word in R.STOPWORDS or word in R.SPEAKER_ROLE_KEYWORDS:
        return ""
    return singular(word)


@functools.lru_cache(maxsize=1 << 16)
def _core_word(word: str) -> bool:
    """A content word that is no number and no negation."""
    return not any(map(str.isdigit, word)) and word not in R.NEGATION_WORDS


_NAME_WORD = WordMemo(_name_word)
_COMMON_WORD = WordMemo(_common_word)
_CORE_WORD = WordMemo(_core_word)


_NO_KEYS: frozenset[str] = frozenset()
_BLANK_WORD: frozenset[str] = frozenset(("",))


def _name_frozenset(text: str) -> frozenset[str]:
    """``frozenset(_name_set(text))``, made without the intermediate set."""
    found = _CAP_WORD.findall(text)
    if not found:
        return _NO_KEYS
    if _CAP_WORD.match(text, _LEAD.match(text).end()):  # type: ignore[union-attr]
        del found[0]  # the first word, after blanks and opening quotes or brackets
    out = frozenset(map(_NAME_WORD.__getitem__, found))
    return out - _BLANK_WORD if "" in out else out


def _info_maker(groups: Groups) -> Callable[[Claim, bool], _Info]:
    """``_info`` for the claims of ``groups``: the tables' lookups bound once, and
    the claims' equal key sets and name sets held once (many claims share a speaker:
    a frozenset per claim held more memory at 10,000 articles).

    With ``words=False`` the info has no words (``words``, ``main``, ``core``,
    ``common``, ``names``, ``incidents`` and ``negation_words`` are left empty): for
    claims in no candidate pair, of which the event passes read only the times, the
    places, the sentence and the speaker."""
    words_of = groups.words_of.get
    main_words_of = groups.main_words_of.get
    incidents_of = groups.incidents_of.get
    negations_of = groups.negations_of.get
    event_keys_of = groups.event_keys_of.get
    speaker_keys_of = groups.speaker_keys_of.get
    speaker_of = groups.speaker_of.get
    key_sets: dict[tuple[str, ...], frozenset[str]] = {}
    name_sets: dict[frozenset[str], frozenset[str]] = {}
    core_word = _CORE_WORD.__getitem__
    common_word = _COMMON_WORD.__getitem__
    lower_words = _LOWER_WORD.findall
    open_modifiers = R.OPEN_TIME_MODIFIERS

    def key_set(keys: tuple[str, ...] | None) -> frozenset[str]:
        if not keys:
            return _NO_KEYS
        found = key_sets.get(keys)
        if found is None:
            found = key_sets[keys] = frozenset(keys)
        return found

    def info(claim: Claim, words: bool = True) -> _Info:
        """Everything judge needs about one claim (regular expressions over its text)."""
        cid = claim.claim_id
        content = claim.content
        text = content or claim.sentence  # claim_text
        cs, ce = claim.content_start, claim.content_end
        all_times = claim.times
        times = (
            tuple(
                t
                for t in all_times
                if cs <= t.start
                and t.end <= ce
                and t.modifier not in open_modifiers
                and not _is_speech_time(claim, t)
            )
            if all_times
            else ()
        )
        quantities = (
            tuple(q for q in claim.quantities if cs <= q.start and q.end <= ce)
            if claim.quantities
            else ()
        )
        places = (
            tuple(p for p in claim.places if cs <= p.start and p.end <= ce) if claim.places else ()
        )
        speaker = speaker_of(cid, claim.speaker_name or claim.speaker)
        speaker_keys = key_set(speaker_keys_of(cid))
        event_keys = key_set(event_keys_of(cid))
        if not words:
            return _Info(
                claim=claim,
                text=text,
                words=_NO_KEYS,
                main=_NO_KEYS,
                core=_NO_KEYS,
                common=_NO_KEYS,
                names=_NO_KEYS,
                speaker=speaker,
                speaker_keys=speaker_keys,
                event_keys=event_keys,
                times=times,
                quantities=quantities,
                places=places,
                incidents=_NO_KEYS,
                negation_words=_NO_KEYS,
            )
        base = cs if content else claim.sentence_start
        # group's text facts (``text_facts``), read from its tables when it made them
        content_ws = words_of(cid)
        if content_ws is None:
            content_ws, main_words, incidents, negations = text_facts(claim, groups)
        else:
            main_words = main_words_of(cid, content_ws)
            incidents = incidents_of(cid, _NO_KEYS)
            negations = negations_of(cid, _NO_KEYS)
        ws = frozenset(content_ws)
        # the core words: of the text with its times and numbers blanked out
        all_quantities = claim.quantities
        unmasked = text
        if all_times or all_quantities:
            masked = [
                (sp.start - base, sp.end - base)
                for spans in (all_times, all_quantities)
                for sp in spans
                if sp.end > base
            ]
            unmasked = _blank(text, masked)
        core: frozenset[str]
        if unmasked is text:
            # every content word is a core word (most claims): the same set, held once
            # (a copy per claim held about 50 MiB more at judge's peak on 10,000 abp
            # articles)
            core = ws if all(map(core_word, ws)) else frozenset(filter(core_word, ws))
        else:
            core = frozenset(filter(core_word, content_words(unmasked)))
        # the lower-case words, the speaker's name (when inside the text) blanked out
        source = text
        ss, se = claim.speaker_start, claim.speaker_end
        if ss is not None and se is not None and max(0, ss - base) < min(len(text), se - base):
            source = _blank(text, [(ss - base, se - base)])
        common = frozenset(map(common_word, lower_words(source)))
        if "" in common:
            common = common - _BLANK_WORD
        names = _name_frozenset(text)
        if names:
            names = name_sets.setdefault(names, names)
        return _Info(
            claim=claim,
            text=text,
            words=ws,
            main=ws if main_words is content_ws else frozenset(main_words),
            core=core,
            common=common,
            names=names,
            speaker=speaker,
            speaker_keys=speaker_keys,
            event_keys=event_keys,
            times=times,
            quantities=quantities,
            places=places,
            incidents=incidents,
            negation_words=negations,
        )

    return info


def _info(claim: Claim, groups: Groups) -> _Info:
    """Everything judge needs about one claim (``_info_maker``'s, for one claim)."""
    return _info_maker(groups)(claim, True)


@functools.lru_cache(maxsize=1)
def _light_info() -> Callable[[Claim, bool], _Info]:
    """``_info_maker`` over no tables, made once (``event_value_keys`` runs per claim):
    its infos without words read no table, so its caches stay empty."""
    return _info_maker(Groups())


def event_value_keys(claim: Claim, keys: Sequence[str]) -> list[str]:
    """The canonical event keys (of ``keys``, the claim's, as ``Groups.event_keys_of``)
    to which ``claim`` gives a value in the event pass: a time tied to the event, or
    a place tied to a named event. The event pass of a key reads only these claims,
    so the dask engine sends each to the buckets of those keys (the findings are the
    same)."""
    info = _light_info()(claim, False)  # reads the times and places only
    if not info.times and not info.places:
        return []
    out = []
    for key in dict.fromkeys(keys):
        if (info.times and _event_spans(info, key, keys, "time")) or (
            info.places and not key.startswith("~") and _event_spans(info, key, keys, "place")
        ):
            out.append(key)
    return out


def _order_key(info: _Info) -> tuple[bool, dt.date, str, int, str]:
    """Publication date (undated last), then article id, then position."""
    c = info.claim
    return (
        c.published is None,
        c.published or dt.date.min,
        c.article_id,
        c.content_start,
        c.claim_id,
    )


# --------------------------------------------------------------------------- intervals


def _overlap(a: TimeSpan, b: TimeSpan) -> bool:
    assert a.first and a.last and b.first and b.last
    slack = dt.timedelta(days=R.TIME_SLACK_DAYS if a.grain == b.grain == "day" else 0)
    return a.first <= b.last + slack and b.first <= a.last + slack


def _resolved(t: TimeSpan | None) -> bool:
    return t is not None and t.first is not None and t.last is not None


@dataclass(slots=True)
class _TimeValue:
    info: _Info
    current: TimeSpan  # the claim's value (a union when several times are current)
    prior: tuple[TimeSpan, ...]  # earlier values the claim itself revises
    superseded: bool  # the claim marks its only value as an old expectation


def _union(claim: Claim, spans: Sequence[TimeSpan]) -> TimeSpan:
    if len(spans) == 1:
        return spans[0]
    first = spans[0].start
    last = spans[-1].end
    lo = [s.first for s in spans if s.first]
    hi = [s.last for s in spans if s.last]
    resolved = len(lo) == len(spans) and len(hi) == len(spans)
    return TimeSpan(
        text=_rel(claim, first, last),
        start=first,
        end=last,
        first=min(lo) if resolved else None,
        last=max(hi) if resolved else None,
        grain=spans[0].grain,
        modifier="",
        resolved_by=spans[0].resolved_by,
    )


def _event_spans(info: _Info, key: str, keys: Sequence[str], kind: str) -> list[int]:
    """Indexes into info.times (kind='time') or info.places (kind='place') tied to
    the event ``key`` in this claim."""
    c = info.claim
    mentions = [(m.start, m.end, k) for m, k in zip(c.events, keys, strict=False)]
    mine = [(s, e) for s, e, k in mentions if k == key]
    if not mine:
        return []
    spans: Sequence[TimeSpan | Place] = info.times if kind == "time" else info.places
    out: list[int] = []
    for idx, sp in enumerate(spans):
        if kind == "place":
            if any(me <= sp.start and _locates(_rel(c, me, sp.start)) for _, me in mine):
                out.append(idx)
            continue
        for ms, me in mine:
            if me <= sp.start <= me + R.EVENT_TIME_WINDOW_AFTER:
                between = [1 for s, _, k in mentions if k != key and me <= s < sp.start and k != ""]
                if not between:
                    out.append(idx)
                    break
            elif 0 <= ms - sp.end <= R.EVENT_TIME_WINDOW_BEFORE and _GAP_OK.match(
                _rel(c, sp.end, ms)
            ):
                out.append(idx)
                break
    return out


def _locates(gap: str) -> bool:
    """Does the text between an event mention and a place say the event is there?"""
    toks = words(gap)
    i = 0
    while i < len(toks) and toks[i] in R.EVENT_PLACE_VERBS:
        i += 1
    if i >= len(toks) or toks[i] not in ("in", "at"):
        return False
    return len(toks) - i - 1 <= R.EVENT_PLACE_MAX_WORDS and "," not in gap.split(toks[i], 1)[-1]


def _time_value(info: _Info, idxs: Sequence[int]) -> _TimeValue | None:
    if not idxs:
        return None
    c = info.claim
    spans = sorted((info.times[i] for i in idxs), key=lambda t: (t.start, t.end))
    cut = 0
    for i in range(1, len(spans)):
        if _CONTRAST.search(_rel(c, spans[i - 1].end, spans[i].start)):
            cut = i
    prior = tuple(spans[:cut])
    current_spans = spans[cut:]
    current = _union(c, current_spans)
    first_event = min((m.start for m in c.events), default=c.content_start)
    lead = _rel(c, min(first_event, current_spans[0].start), current_spans[0].start)
    superseded = not prior and bool(_SUPERSEDED.search(lead))
    return _TimeValue(info, current, prior, superseded)


# --------------------------------------------------------------------------- findings


def _finding_id(relation: str, slot: str, event: str, claim_ids: Iterable[str]) -> str:
    h = hashlib.sha1(
        "\x1f".join([relation, slot, event, *sorted(claim_ids)]).encode("utf-8")
    ).hexdigest()
    return f"{relation[0].upper()}-{h[:10]}"


def _fv(info: _Info, text: str, start: str = "", end: str = "") -> FindingValue:
    c = info.claim
    return FindingValue(
        claim_id=c.claim_id,
        article_id=c.article_id,
        published=c.published,
        text=text,
        start=start,
        end=end,
        speaker=info.speaker,
    )


def _make(
    relation: Relation,
    slot: str,
    event: str,
    infos: Sequence[_Info],
    values: Sequence[FindingValue],
    score: float,
    reason: str,
    timeline: str = "",
    independent: bool = True,
) -> Finding:
    ordered = sorted(infos, key=_order_key)
    pos = {i.id: n for n, i in enumerate(ordered)}
    vals = sorted(values, key=lambda v: (pos.get(v.claim_id, 1 << 30), v.claim_id, v.text))
    claim_ids = tuple(dict.fromkeys(i.id for i in ordered))
    return Finding(
        id=_finding_id(relation, slot, event, claim_ids),
        relation=relation,
        slot=slot,
        event=event,
        claims=claim_ids,
        values=tuple(vals),
        articles=tuple(dict.fromkeys(i.claim.article_id for i in ordered)),
        score=round(min(99.0, max(0.0, score)), 1),
        reason=reason,
        timeline=timeline,
        independent=independent,
    )


def _when(info: _Info) -> str:
    c = info.claim
    return f"{info.speaker or 'the article'}, {c.article_id}, published {c.published.isoformat() if c.published else 'on an unknown date'}"


def _interval(t: TimeSpan) -> str:
    if not _resolved(t):
        return "unresolved: no year can be inferred"
    assert t.first and t.last
    if t.first == t.last:
        return t.first.isoformat()
    return f"{t.first.isoformat()}..{t.last.isoformat()}"


def _source(info: _Info) -> str:
    keys = sorted(k for k in info.speaker_keys if k.startswith(("person:", "org:", "outlet:")))
    return "|".join(keys) or "claim:" + info.id


def _different_sources(a: _Info, b: _Info) -> bool:
    return a.claim.article_id != b.claim.article_id or not (a.speaker_keys & b.speaker_keys)


def _windows_by_publication(values: list[_TimeValue], recurring: bool) -> list[list[_TimeValue]]:
    """Recurring events: split the values into runs of close publication dates."""
    if not recurring:
        return [values]
    dated = sorted((v for v in values if v.info.claim.published), key=lambda v: _order_key(v.info))
    runs: list[list[_TimeValue]] = []
    window = dt.timedelta(days=R.RECURRING_EVENT_WINDOW_DAYS)
    for v in dated:
        pub = v.info.claim.published
        assert pub is not None
        start = runs[-1][0].info.claim.published if runs else None
        if start is not None and pub - start <= window:
            runs[-1].append(v)
        else:
            runs.append([v])
    return runs


def _event_time_findings(
    infos: dict[str, _Info], groups: Groups, owns: Owns | None = None
) -> list[Tagged]:
    """The time findings of the events (of those ``owns`` accepts: all by default)."""
    by_event: dict[str, list[_TimeValue]] = defaultdict(list)
    for cid in sorted(groups.event_keys_of):
        info = infos.get(cid)
        if info is None or not info.times:
            continue
        keys = groups.event_keys_of[cid]
        for key in dict.fromkeys(keys):
            if owns is not None and not owns(key):
                continue
            value = _time_value(info, _event_spans(info, key, keys, "time"))
            if value is not None:
                by_event[key].append(value)
    findings: list[Tagged] = []
    for key in sorted(by_event):
        head = groups.event_heads.get(key, "")
        recurring = head in R.RECURRING_EVENT_HEADS
        event = groups.event_names.get(key, key)
        for n, run in enumerate(_windows_by_publication(by_event[key], recurring)):
            f = _judge_event_times(event, run, recurring)
            if f is not None:
                findings.append(((0, key, "", n), f))
    return findings


def _judge_event_times(event: str, run: list[_TimeValue], recurring: bool) -> Finding | None:
    resolved = [v for v in run if _resolved(v.current)]
    if len(resolved) < 2:
        return None
    if len({v.info.claim.article_id for v in run}) < 2 and len({_source(v.info) for v in run}) < 2:
        return None
    clash: list[tuple[_TimeValue, _TimeValue]] = []
    if len(resolved) > R.EVENT_PAIRWISE_MAX:
        # only the earliest-ending and latest-starting values can clash most: compare
        # those (linear in the number of values, whatever the size of the event)
        k = R.EVENT_PAIRWISE_MAX // 2
        ends = sorted(resolved, key=lambda v: (v.current.last, v.info.id))[:k]
        starts = sorted(resolved, key=lambda v: (v.current.first, v.info.id))[-k:]
        pool = list({id(v): v for v in ends + starts}.values())
    else:
        pool = resolved
    for i, a in enumerate(pool):
        for b in pool[i + 1 :]:
            if _different_sources(a.info, b.info) and not _overlap(a.current, b.current):
                clash.append((a, b))
    ordered = sorted(run, key=lambda v: _order_key(v.info))
    values = []
    for v in ordered:
        cur = v.current
        values.append(
            _fv(
                v.info,
                cur.text,
                cur.first.isoformat() if cur.first else "",
                cur.last.isoformat() if cur.last else "",
            )
        )
    parts = []
    for v in ordered:
        note = ""
        if v.prior:
            note = "; revised from " + ", ".join(f"{p.text} ({_interval(p)})" for p in v.prior)
        elif v.superseded:
            note = "; an earlier expectation"
        parts.append(f"'{v.current.text}' ({_interval(v.current)}; {_when(v.info)}{note})")
    n_articles = len({v.info.claim.article_id for v in run})
    if not clash:
        if n_articles < 2:
            return None
        reason = (
            f"{n_articles} articles give compatible times for {event}: " + "; ".join(parts) + "."
        )
        return _make(
            "agreement",
            "time",
            event,
            [v.info for v in run],
            values,
            55.0 + min(R.EVENT_ARTICLE_BONUS_MAX, R.EVENT_PER_ARTICLE * (n_articles - 2)),
            reason,
        )
    conflict = False
    across = False  # the conflict is between two articles, not inside one
    undated = False
    for a, b in clash:
        pa, pb = a.info.claim.published, b.info.claim.published
        if a.superseded or b.superseded:
            continue
        if pa is None or pb is None:
            if a.info.claim.article_id == b.info.claim.article_id:
                conflict = True
            else:
                undated = True
        elif pa == pb:
            conflict = True
            if a.info.claim.article_id != b.info.claim.article_id:
                across = True
    changed = any(
        (
            a.info.claim.published != b.info.claim.published
            and a.info.claim.published is not None
            and b.info.claim.published is not None
        )
        or a.superseded
        or b.superseded
        for a, b in clash
    )
    if conflict:
        timeline = "conflict"
        tail = "Sources published at the same time disagree."
    elif changed:
        timeline = "change over time"
        tail = (
            "The differing dates come from articles published at different times "
            "(or from an expectation the source marks as superseded): the date moved."
        )
    else:
        timeline = ""
        tail = "When the articles were published is unknown."
    _ = undated
    unresolved = [v for v in run if not _resolved(v.current)]
    if unresolved:
        tail += (
            f" {len(unresolved)} value(s) cannot be resolved to dates and are shown as unresolved."
        )
    reason = f"Sources give different times for {event}: " + "; ".join(parts) + ". " + tail
    score = R.EVENT_TIME_BASE + min(
        R.EVENT_ARTICLE_BONUS_MAX, R.EVENT_PER_ARTICLE * (n_articles - 2)
    )
    if across:
        score += R.CONFLICT_BONUS
    if recurring:
        score -= R.RECURRING_PENALTY
    return _make(
        "contradiction", "time", event, [v.info for v in run], values, score, reason, timeline
    )


# --------------------------------------------------------------------------- places of events


def _place_name(p: Place) -> str:
    return (p.name or p.text).strip().lower()


def _event_place_findings(
    infos: dict[str, _Info], groups: Groups, owns: Owns | None = None
) -> list[Tagged]:
    """The place findings of the named events (of those ``owns`` accepts)."""
    by_event: dict[str, list[tuple[_Info, tuple[Place, ...]]]] = defaultdict(list)
    for cid in sorted(groups.event_keys_of):
        info = infos.get(cid)
        if info is None or not info.places:
            continue
        keys = groups.event_keys_of[cid]
        for key in dict.fromkeys(keys):
            if key.startswith("~") or (owns is not None and not owns(key)):
                continue
            idxs = _event_spans(info, key, keys, "place")
            if idxs:
                by_event[key].append((info, tuple(info.places[i] for i in idxs)))
    findings: list[Tagged] = []
    for key in sorted(by_event):
        items = by_event[key]
        event = groups.event_names.get(key, key)
        if len({i.claim.article_id for i, _ in items}) < 2:
            continue
        # agreement per place named in two articles or more
        by_place: dict[str, dict[str, tuple[_Info, Place]]] = defaultdict(dict)
        for info, places in items:
            for p in places:
                by_place[_place_name(p)].setdefault(info.id, (info, p))
        for name in sorted(by_place):
            group = list(by_place[name].values())
            arts = {i.claim.article_id for i, _ in group}
            if len(arts) < 2:
                continue
            named_elsewhere = [
                i for i, places in items if all(_place_name(p) != name for p in places)
            ]
            shown = group[0][1].name or group[0][1].text
            reason = f"{len(arts)} articles place {event} in {shown}" + (
                "; every article that names a place for it names this one."
                if not named_elsewhere
                else f"; {len(named_elsewhere)} claim(s) name a wider or other place."
            )
            findings.append(
                (
                    (1, key, "", len(findings)),
                    _make(
                        "agreement",
                        "place",
                        event,
                        [i for i, _ in group],
                        [_fv(i, p.text, p.name) for i, p in group],
                        60.0
                        + min(R.EVENT_ARTICLE_BONUS_MAX, R.EVENT_PER_ARTICLE * (len(arts) - 2)),
                        reason,
                        independent=len({_source(i) for i, _ in group}) > 1,
                    ),
                )
            )
        # contradiction: two claims of different articles with disjoint places that no
        # claim of this event ever names together (no evidence one contains the other)
        together: set[frozenset[str]] = set()
        all_names = sorted({_place_name(p) for _, ps in items for p in ps})
        for info, _ in items:
            low = info.sentence_lower
            present = {n for n in all_names if n in low}
            together.update(frozenset((x, y)) for x in present for y in present if x != y)
        # compare the distinct place sets, not every pair of claims (linear in claims)
        sets: dict[frozenset[str], list[_Info]] = defaultdict(list)
        for info, ps in items:
            sets[frozenset(_place_name(p) for p in ps)].append(info)
        kinds = sorted(sets, key=lambda ns: sorted(ns))[: R.EVENT_PAIRWISE_MAX]
        clash: list[tuple[frozenset[str], frozenset[str]]] = []
        for i, na in enumerate(kinds):
            for nb in kinds[i + 1 :]:
                if na & nb or any(frozenset((x, y)) in together for x in na for y in nb):
                    continue
                arts = {x.claim.article_id for x in sets[na] + sets[nb]}
                if len(arts) >= 2:
                    clash.append((na, nb))
        if clash:
            involved = {x.id for pair in clash for ns in pair for x in sets[ns]}
            chosen = [(i, ps) for i, ps in items if i.id in involved]
            reason = f"Sources name different places for {event}: " + "; ".join(
                f"{', '.join(p.text for p in ps)} ({_when(i)})"
                for i, ps in sorted(chosen, key=lambda x: _order_key(x[0]))
            )
            findings.append(
                (
                    (1, key, "", len(findings)),
                    _make(
                        "contradiction",
                        "place",
                        event,
                        [i for i, _ in chosen],
                        [
                            _fv(i, ", ".join(p.text for p in ps), ", ".join(p.name for p in ps))
                            for i, ps in chosen
                        ],
                        70.0,
                        reason + ".",
                    ),
                )
            )
    return findings


# --------------------------------------------------------------------------- pairs


def _overlap_ratio(a: frozenset[str], b: frozenset[str]) -> tuple[float, int]:
    if not a or not b:
        return 0.0, 0
    shared = len(a & b)
    return shared / max(len(a), len(b)), shared


def _statement_sim(a: _Info, b: _Info) -> tuple[float, int, bool]:
    """Shared content words over the longer claim, their count, and whether the
    main clauses (rather than the whole contents) gave that figure."""
    full, fs = _overlap_ratio(a.words, b.words)
    if a.main is a.words and b.main is b.words:
        main, ms = full, fs  # the main clauses are the whole contents
    else:
        main, ms = _overlap_ratio(a.main, b.main)
    best = (0.0, 0, False)
    if fs >= R.AGREE_MIN_SHARED:
        best = (full, fs, False)
    if ms >= R.AGREE_MIN_SHARED and main > best[0]:
        best = (main, ms, True)
    return best


def _other_participants(a: _Info, b: _Info, main: bool = False) -> bool:
    """Each claim names someone or something the other's sentence never mentions."""
    na, nb = (a.main_names, b.main_names) if main else (a.names, b.names)
    # (both sides must have such a name: the sentences are read only as needed)
    only_a = na - nb
    if not only_a:
        return False
    only_b = nb - na
    if not only_b:
        return False
    low_b = b.sentence_lower
    if all(n in low_b for n in only_a):
        return False
    low_a = a.sentence_lower
    return not all(n in low_a for n in only_b)


def _qinterval(q: Quantity) -> tuple[float, float] | None:
    """The interval a number stands for, or None when it is not comparable."""
    factors = R.NUMBER_HEDGES.get(q.hedge.lower().strip())
    if factors is None:
        return None
    lo_f, hi_f = factors
    lo = q.value * lo_f if lo_f is not None else float("-inf")
    hi = q.value * hi_f if hi_f is not None else float("inf")
    return lo, hi


def _unit(q: Quantity) -> str:
    return " ".join(content_words(q.unit))


def _stem(word: str) -> str:
    """A crude stem for comparing the words around two numbers ("killed" ~ "kill")."""
    for suffix in ("ing", "ed", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _context(info: _Info, q: Quantity | TimeSpan) -> frozenset[str]:
    """Stemmed lower-case content words just after and before an expression
    (CONTEXT_WORDS_*): what the number counts or what the time dates. Names, days
    and digits are left out."""
    c = info.claim
    after = _LOWER_TOKEN.findall(_rel(c, q.end, q.end + 120))[: R.CONTEXT_WORDS_AFTER]
    before = _LOWER_TOKEN.findall(_rel(c, max(c.sentence_start, q.start - 60), q.start))[
        -R.CONTEXT_WORDS_BEFORE :
    ]
    own = set(words(q.unit if isinstance(q, Quantity) else q.text))
    return frozenset(
        _stem(singular(w.lower()))
        for w in after + before
        if w[:1].islower() and w not in own and w not in R.STOPWORDS
    )


_LOWER_TOKEN = re.compile(r"[A-Za-z][A-Za-z\-]*|\d+")


def _number_clash(a: _Info, b: _Info) -> tuple[Quantity, Quantity] | None:
    def by_unit(info: _Info) -> dict[str, list[Quantity]]:
        out: dict[str, list[Quantity]] = defaultdict(list)
        for q in info.quantities:
            u = _unit(q)
            if u and u not in R.NUMBER_UNITS_IGNORED and not 1900 <= q.value <= 2100:
                out[u].append(q)
        return out

    ua, ub = by_unit(a), by_unit(b)
    for unit in sorted(set(ua) & set(ub)):
        if len(ua[unit]) != 1 or len(ub[unit]) != 1:
            continue
        qa, qb = ua[unit][0], ub[unit][0]
        ia, ib = _qinterval(qa), _qinterval(qb)
        if ia is None or ib is None:
            continue
        (la, ha), (lb, hb) = ia, ib
        if (
            (ha < lb or hb < la)
            and _context(a, qa) & _context(b, qb)
            and _combined_toll(a, qa) == _combined_toll(b, qb)
        ):
            return qa, qb
    return None


_COMBINED_TOLL = re.compile(
    r"\b(?:"
    + "|".join(R.TOLL_DEATH_WORDS)
    + r")\s+(?:and|or|and/or)\s+(?:"
    + "|".join(R.TOLL_INJURY_WORDS)
    + r")\b|\b(?:"
    + "|".join(R.TOLL_INJURY_WORDS)
    + r")\s+(?:and|or|and/or)\s+(?:"
    + "|".join(R.TOLL_DEATH_WORDS)
    + r")\b|\b(?:"
    + "|".join(R.TOLL_TOTAL_WORDS)
    + r")\b",
    re.IGNORECASE,
)


def _combined_toll(info: _Info, q: Quantity) -> bool:
    """Whether a number counts the dead and the wounded together ("killed and injured
    five civilians", "five casualties"): not comparable with a count of the dead."""
    c = info.claim
    near = _rel(c, max(c.sentence_start, q.start - 40), min(c.sentence_end, q.end + 40))
    return bool(_COMBINED_TOLL.search(near))


def _numbers_differ(a: _Info, b: _Info) -> bool:
    """The two claims give different figures for the same unit (beyond the "about"
    tolerance), even if hedges make them compatible ("more than 170000" and "more than
    210000" do not contradict, but they do not corroborate one figure either)."""
    ua: dict[str, list[float]] = defaultdict(list)
    for q in a.quantities:
        u = _unit(q)
        if u and u not in R.NUMBER_UNITS_IGNORED:
            ua[u].append(q.value)
    for q in b.quantities:
        u = _unit(q)
        if u in ua and all(
            abs(v - q.value) > R.SAME_FIGURE_TOLERANCE * max(abs(v), abs(q.value)) for v in ua[u]
        ):
            return True
    return False


def _times_compatible(a: _Info, b: _Info) -> bool:
    ta = [t for t in a.times if _resolved(t)]
    tb = [t for t in b.times if _resolved(t)]
    if not ta or not tb:
        return True
    return any(_overlap(x, y) for x in ta for y in tb)


def _time_clash(a: _Info, b: _Info) -> tuple[TimeSpan, TimeSpan] | None:
    ta = [t for t in a.times if _resolved(t)]
    tb = [t for t in b.times if _resolved(t)]
    if len(ta) != 1 or len(tb) != 1:
        return None
    x, y = ta[0], tb[0]
    if x.text.strip().lower() == y.text.strip().lower():
        return None  # the same words anchored on two publication dates
    if a.claim.published != b.claim.published and not (
        x.resolved_by == "absolute" and y.resolved_by == "absolute"
    ):
        return None  # "Thursday" read against two publication dates says nothing
    if _overlap(x, y):
        return None
    if not _context(a, x) & _context(b, y):
        return None  # the two times date different things
    return x, y


def _places_agree(a: _Info, b: _Info) -> bool:
    """Both claims are about one place: some place is named, and every place either
    names is also written in the other's sentence."""
    na = {_place_name(p) for p in a.places}
    nb = {_place_name(p) for p in b.places}
    if not na and not nb:
        return False
    return all(n in b.sentence_lower for n in na) and all(n in a.sentence_lower for n in nb)


def _same_day(a: _Info, b: _Info) -> bool:
    return a.claim.published == b.claim.published


def _published_close(a: _Info, b: _Info) -> bool:
    pa, pb = a.claim.published, b.claim.published
    if pa is None or pb is None:
        return True
    return abs((pa - pb).days) <= R.PAIR_PUBLICATION_WINDOW_DAYS


def _polarity_flip(a: _Info, b: _Info) -> bool:
    """One claim negates what the other affirms: the negated claim has a negation
    word the other lacks, and it governs (is followed within three words by) a word
    the other claim also says."""
    if a.claim.negated == b.claim.negated:
        return False
    neg, pos = (a, b) if a.claim.negated else (b, a)
    extra = neg.negations - pos.negations
    if not extra:
        return False
    toks = neg.tokens
    for i, t in enumerate(toks):
        if t in extra:
            following = {singular(w) for w in toks[i + 1 : i + 4]}
            if following & (pos.words - R.STOPWORDS):
                return True
    return False


def _places_disjoint(a: _Info, b: _Info) -> bool:
    na = {_place_name(p) for p in a.places}
    nb = {_place_name(p) for p in b.places}
    if not na or not nb or na & nb:
        return False
    return not any(n in b.sentence_lower for n in na) and not any(n in a.sentence_lower for n in nb)


def _copied(a: _Info, b: _Info) -> bool:
    """One text copied: their contents, or their sentences, are (nearly) the same words."""
    for sa, sb in ((a.text, b.text), (a.claim.sentence, b.claim.sentence)):
        if min(len(sa.split()), len(sb.split())) < R.COPY_MIN_WORDS:
            continue
        if fuzz.ratio(sa.lower(), sb.lower()) >= R.COPY_RATIO:
            return True
    return False


class _UF:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra

    def components(self, edges: Iterable[tuple[str, str]]) -> list[list[str]]:
        for a, b in edges:
            self.union(a, b)
        comps: dict[str, list[str]] = defaultdict(list)
        for x in sorted(self.parent):
            comps[self.find(x)].append(x)
        return [comps[k] for k in sorted(comps)]


@dataclass(slots=True)
class _Pair:
    a: _Info
    b: _Info
    sim: float
    shared: int
    block: str
    score: float
    detail: tuple[object, object] | None = None


def _timeline(infos: Sequence[_Info]) -> str:
    dates = {i.claim.published for i in infos}
    if None in dates:
        return ""
    return "change over time" if len(dates) > 1 else "conflict"


def _classify(
    infos: dict[str, _Info],
    groups: Groups,
    candidates: Sequence[Candidate],
) -> list[tuple[str, _Pair]]:
    """What each candidate pair is, in candidate order: a slot contradiction (its
    slot: time, number, place, polarity), ``quote_variant``, ``agreement`` or
    ``related`` (pairs that are none of these are left out). Each pair is judged
    on its own two claims: this is the part of judge that can run within blocks."""
    out: list[tuple[str, _Pair]] = []
    for cand in candidates:
        a, b = infos.get(cand.a), infos.get(cand.b)
        if a is None or b is None or not _different_sources(a, b):
            continue
        if a.text == b.text and a.claim.negated == b.claim.negated:
            # the same words (a copy): nothing to contradict, only to corroborate
            if len(a.common) >= R.AGREE_MIN_COMMON and len(a.words) >= R.AGREE_MIN_SHARED:
                out.append(("agreement", _Pair(a, b, 1.0, len(a.words), cand.block, cand.score)))
            continue
        sim, shared, on_main = _statement_sim(a, b)
        pair = _Pair(a, b, sim, shared, cand.block, cand.score)
        same_event = not a.event_keys.isdisjoint(b.event_keys)
        different_people = _other_participants(a, b)
        # (the shared core words are counted once: _overlap_ratio's count is
        # len(a.core & b.core), 0 when either is empty)
        core_sim, core_shared = _overlap_ratio(a.core, b.core)
        common_shared = len(a.common & b.common)
        same_statement = (
            not different_people
            and core_sim >= R.SLOT_SAME_STATEMENT_OVERLAP
            and core_shared >= R.SLOT_MIN_SHARED
            and common_shared >= R.AGREE_MIN_COMMON
            and _published_close(a, b)
        )
        judged = False
        # an incident: one place, one day, a number in both (worded differently)
        if (
            not different_people
            and a.incidents & b.incidents
            and common_shared >= R.AGREE_MIN_COMMON
            and _published_close(a, b)
        ):
            nc = _number_clash(a, b)
            if nc is not None:
                pair.detail = nc
                out.append(("number", pair))
                judged = True
        # anchored: on one event, one place or nearly the same words (read only here)
        if not judged and same_statement and (same_event or _places_agree(a, b) or core_sim >= 0.8):
            # 1. time (the event pass judges the times of claims about one event)
            if not same_event:
                tc = _time_clash(a, b)
                if tc is not None and _number_clash(a, b) is None:
                    pair.detail = tc
                    out.append(("time", pair))
                    judged = True
            # 2. number: only when the two are tied to one event, or to one place in
            # articles of the same day (a toll a day later is most often another one)
            if (
                not judged
                and (same_event or (_places_agree(a, b) and _same_day(a, b)))
                and _times_compatible(a, b)
            ):
                nc = _number_clash(a, b)
                if nc is not None:
                    pair.detail = nc
                    out.append(("number", pair))
                    judged = True
            # 3. place: different places mean different events unless one is anchored
            if not judged and same_event and _places_disjoint(a, b) and _times_compatible(a, b):
                out.append(("place", pair))
                judged = True
            # 4. polarity
            if not judged and core_sim >= 0.75 and _polarity_flip(a, b) and _times_compatible(a, b):
                out.append(("polarity", pair))
                judged = True
        if judged:
            continue
        compatible = (
            not (_other_participants(a, b, on_main) if on_main else different_people)
            and not _polarity_flip(a, b)
            and common_shared >= R.AGREE_MIN_COMMON
            and _times_compatible(a, b)
            and _number_clash(a, b) is None
            and not _numbers_differ(a, b)
            and not _places_disjoint(a, b)
        )
        same_person = bool(
            {k for k in a.speaker_keys if k.startswith(("person:", "org:"))} & b.speaker_keys
        )
        quoted = a.claim.quote in ("direct", "partial") and b.claim.quote in ("direct", "partial")
        if (
            compatible
            and same_person
            and quoted
            and a.claim.article_id != b.claim.article_id
            and sim >= R.QUOTE_VARIANT_OVERLAP
            and a.tokens != b.tokens
        ):
            out.append(("quote_variant", pair))
        elif compatible and sim >= R.AGREE_OVERLAP:
            out.append(("agreement", pair))
        elif (
            cand.score >= R.RELATED_MIN
            and not cand.block.startswith("speaker:")
            and a.claim.article_id != b.claim.article_id
        ):
            out.append(("related", pair))
    return out


_CLASH_SLOTS = ("time", "number", "place", "polarity")


def _category(kind: str, block: str) -> tuple[int, str]:
    """The union-find a pair of this kind (and block) joins, as its place in the
    order of findings: (phase, block). Slot contradictions (phases 2-5, in slot
    order), quote variants (6), agreements (7), related pairs per block (8)."""
    if kind in _CLASH_SLOTS:
        return 2 + _CLASH_SLOTS.index(kind), ""
    if kind == "quote_variant":
        return 6, ""
    if kind == "agreement":
        return 7, ""
    return 8, block


def _pair_clusters(classified: Iterable[tuple[str, _Pair]], groups: Groups) -> list[Tagged]:
    """The findings of the classified pairs (``_classify``): the pairs of one kind
    clustered (union-find), so one statement repeated by many outlets is one finding.
    Each finding is tagged (phase, block, root of its cluster, 0)."""
    by_category: dict[tuple[int, str], list[_Pair]] = defaultdict(list)
    for kind, pair in classified:
        by_category[_category(kind, pair.block)].append(pair)
    findings: list[Tagged] = []
    for phase, block in sorted(by_category):
        pairs = by_category[phase, block]
        if phase < 6:
            found = _clash_findings(_CLASH_SLOTS[phase - 2], pairs, groups)
        elif phase == 6:
            found = _cluster_findings("quote_variant", pairs, groups)
        elif phase == 7:
            found = _cluster_findings("agreement", pairs, groups)
        else:
            found = _cluster_findings("related", pairs, groups, block)
        findings.extend(((phase, block, root, 0), f) for root, f in found)
    return findings


Roots = dict[tuple[int, str], dict[str, str]]
"""Verdicts' clusters by claim id: per union-find (``_category``: phase, block), each
claim id in it -> the root of its component (its smallest claim id)."""


def _roots(finds: Mapping[tuple[int, str], _UF]) -> Roots:
    return {cat: {x: uf.find(x) for x in list(uf.parent)} for cat, uf in finds.items()}


def verdict_roots(verdicts: Iterable[Verdict]) -> Roots:
    """The clusters of ``verdicts`` (a union-find per kind), by claim id."""
    finds: dict[tuple[int, str], _UF] = defaultdict(_UF)
    for v in verdicts:
        finds[_category(v.kind, v.block)].union(v.a, v.b)
    return _roots(finds)


def merge_roots(parts: Iterable[Roots]) -> Roots:
    """The clusters of several parts' verdicts together (``verdict_roots`` of all of
    them): a component of the whole is a union of the parts' components, so joining
    each claim id to its part's root is enough. Parts can be merged in a tree."""
    finds: dict[tuple[int, str], _UF] = defaultdict(_UF)
    for part in parts:
        for cat, roots in part.items():
            uf = finds[cat]
            for x, root in roots.items():
                uf.union(x, root)
    return _roots(finds)


def cluster_of(roots: Roots, verdict: Verdict) -> str:
    """The cluster ``verdict``'s pair belongs to: its kind's union-find and its root."""
    phase, block = cat = _category(verdict.kind, verdict.block)
    return f"{phase}\x1f{block}\x1f{roots[cat][verdict.a]}"


def verdict_clusters(verdicts: Sequence[Verdict]) -> list[str]:
    """For each verdict, the cluster its pair belongs to (the union-find of its
    kind, and the component's root: its smallest claim id). Reads claim ids only.
    The findings of a cluster are made from its verdicts alone (``judge_part``),
    so the clusters can be judged apart, wherever their claims are; the clusters
    can be made apart too (``verdict_roots`` per part, ``merge_roots``)."""
    roots = verdict_roots(verdicts)
    return [cluster_of(roots, v) for v in verdicts]


def _event_of(infos: Sequence[_Info], groups: Groups) -> str:
    common: set[str] | None = None
    for i in infos:
        keys = {k for k in groups.event_keys_of.get(i.id, ()) if not k.startswith("~")}
        common = keys if common is None else common & keys
    if not common:
        return ""
    return groups.event_names.get(sorted(common)[0], "")


def _clash_findings(slot: str, pairs: list[_Pair], groups: Groups) -> list[tuple[str, Finding]]:
    """(root, finding) of each cluster of the contradicting pairs of one slot."""
    out: list[tuple[str, Finding]] = []
    uf = _UF()
    by_id: dict[str, _Info] = {}
    detail: dict[str, object] = {}
    for p in pairs:
        by_id[p.a.id], by_id[p.b.id] = p.a, p.b
        if p.detail is not None:
            detail.setdefault(p.a.id, p.detail[0])
            detail.setdefault(p.b.id, p.detail[1])
    comps = uf.components((p.a.id, p.b.id) for p in pairs)
    pairs_of: dict[str, list[_Pair]] = defaultdict(list)
    for p in pairs:
        pairs_of[uf.find(p.a.id)].append(p)
    for comp in comps:
        members = [by_id[c] for c in comp]
        comp_pairs = pairs_of[uf.find(comp[0])]
        values: list[FindingValue] = []
        for info in members:
            d = detail.get(info.id)
            if isinstance(d, TimeSpan):
                values.append(
                    _fv(
                        info,
                        d.text,
                        d.first.isoformat() if d.first else "",
                        d.last.isoformat() if d.last else "",
                    )
                )
            elif isinstance(d, Quantity):
                lo, hi = _qinterval(d) or (d.value, d.value)
                values.append(_fv(info, d.text, _num(lo), _num(hi)))
            elif slot == "place":
                values.append(
                    _fv(
                        info,
                        ", ".join(p.text for p in info.places),
                        ", ".join(p.name for p in info.places),
                    )
                )
            else:
                values.append(
                    _fv(
                        info,
                        "not" if info.claim.negated else "affirmed",
                        "negated" if info.claim.negated else "affirmed",
                    )
                )
        sim = sum(p.sim for p in comp_pairs) / len(comp_pairs)
        pos = {i.id: n for n, i in enumerate(sorted(members, key=_order_key))}
        listing = "; ".join(
            f"{v.text} ({_when(by_id[v.claim_id])})"
            for v in sorted(values, key=lambda v: pos[v.claim_id])
        )
        what = {
            "time": "different times",
            "number": "different numbers",
            "place": "different places",
            "polarity": "opposite polarity (one affirms, the other denies)",
        }[slot]
        timeline = _timeline(members) if slot in ("time", "number") else ""
        reason = f"The same statement with {what}: {listing}."
        if timeline == "change over time":
            reason += (
                " The articles were published at different dates: this may be a change over time."
            )
        score = 45.0 + 40.0 * sim + (5.0 if timeline == "conflict" else 0.0)
        out.append(
            (
                comp[0],
                _make(
                    "contradiction",
                    slot,
                    _event_of(members, groups),
                    members,
                    values,
                    score,
                    reason,
                    timeline,
                ),
            )
        )
    return out


def _num(x: float) -> str:
    if x in (float("inf"), float("-inf")):
        return ""
    return f"{x:g}"


def _cluster_findings(
    relation: Relation, pairs: list[_Pair], groups: Groups, block: str = ""
) -> list[tuple[str, Finding]]:
    """(root, finding) of each cluster of the pairs of one relation (and block)."""
    out: list[tuple[str, Finding]] = []
    uf = _UF()
    by_id: dict[str, _Info] = {}
    for p in pairs:
        by_id[p.a.id], by_id[p.b.id] = p.a, p.b
    comps = uf.components((p.a.id, p.b.id) for p in pairs)
    pairs_of: dict[str, list[_Pair]] = defaultdict(list)
    for p in pairs:
        pairs_of[uf.find(p.a.id)].append(p)
    for comp in comps:
        members = [by_id[c] for c in comp]
        comp_pairs = pairs_of[uf.find(comp[0])]
        sim = sum(p.sim for p in comp_pairs) / len(comp_pairs)
        shared = sum(p.shared for p in comp_pairs) / len(comp_pairs)
        articles = {m.claim.article_id for m in members}
        sources = {_source(m) for m in members}
        copies = all(_copied(p.a, p.b) for p in comp_pairs)
        independent = len(sources) > 1 and not copies
        event = _event_of(members, groups)
        values = [_fv(m, m.text) for m in sorted(members, key=_order_key)]
        if relation == "agreement":
            score = 40.0 + 45.0 * sim + min(10.0, shared) + min(6.0, 2.0 * (len(articles) - 2))
            if not independent:
                score -= R.NOT_INDEPENDENT_PENALTY
            why = (
                "one source repeated"
                if len(sources) == 1
                else "the same text copied"
                if copies
                else f"{len(sources)} independent sources"
            )
            reason = (
                f"{len(members)} claims in {len(articles)} article(s) make the same statement "
                f"(shared words {sim:.0%} of the longer); {why}."
            )
            slot = "statement"
        elif relation == "quote_variant":
            score = 40.0 + 50.0 * sim
            reason = (
                f"{members[0].speaker} is quoted in {len(articles)} articles with nearly the "
                f"same words ({sim:.0%} shared) but not the same wording."
            )
            slot = "quote"
            independent = False
        else:
            score = 20.0 + 30.0 * sim
            label = block.split(":", 1)[1] if ":" in block else block
            if block.startswith("event:"):
                label = groups.event_names.get(label, label)
            reason = f"{len(members)} claims in {len(articles)} article(s) speak about {label}."
            slot = ""
        out.append(
            (
                comp[0],
                _make(
                    relation, slot, event, members, values, score, reason, independent=independent
                ),
            )
        )
    return out


# --------------------------------------------------------------------------- stage


def judge(
    claims: Sequence[Claim], groups: Groups, candidates: Sequence[Candidate]
) -> tuple[Finding, ...]:
    """Judge events and candidate pairs; findings ordered for a reader.

    One partition of what the dask engine runs apart (``pair_verdicts`` per bucket
    of pairs, ``verdict_clusters`` over claim ids, ``judge_part`` per bucket of
    events and clusters, ``ordered`` over the parts): the same functions."""
    with gc_paused():
        infos = _infos(claims, groups, ((c.a, c.b) for c in candidates))
        return ordered(_findings(infos, groups, _classify(infos, groups, candidates)))


class Verdict(NamedTuple):
    """What one candidate pair is (``pair_verdicts``), without its claims."""

    kind: str  # time|number|place|polarity (a contradiction), quote_variant, agreement, related
    a: str
    b: str
    sim: float
    shared: int
    block: str
    score: float
    detail: tuple[object, object] | None


def pair_verdicts(
    claims: Sequence[Claim], groups: Groups, candidates: Sequence[Candidate]
) -> list[Verdict]:
    """Judge each candidate pair on its own (the claims of the pairs, and ``groups``'
    tables for them, are all this reads): the verdicts in candidate order, pairs that
    make no finding left out. ``judge_part`` makes the findings from them."""
    with gc_paused():
        wanted = {c.a for c in candidates} | {c.b for c in candidates}
        info = _info_maker(groups)
        infos = {c.claim_id: info(c, True) for c in claims if c.claim_id in wanted}
        return [
            Verdict(kind, p.a.id, p.b.id, p.sim, p.shared, p.block, p.score, p.detail)
            for kind, p in _classify(infos, groups, candidates)
        ]


def judge_part(
    claims: Sequence[Claim],
    groups: Groups,
    verdicts: Sequence[Verdict],
    owns: Owns | None = None,
) -> list[Tagged]:
    """The findings of one part of the judgement, tagged (``ordered`` makes the
    corpus's findings from the parts): the events whose keys ``owns`` accepts (all
    when None), and the clusters of ``verdicts`` (whole clusters, as
    ``verdict_clusters``, in candidate order). ``claims`` must hold the claims of the
    verdicts and those that give those events a value (``event_value_keys``), with
    their rows of ``groups``' tables; other claims change nothing."""
    with gc_paused():
        infos = _infos(claims, groups, ((v.a, v.b) for v in verdicts))
        pairs = (
            (v.kind, _Pair(infos[v.a], infos[v.b], v.sim, v.shared, v.block, v.score, v.detail))
            for v in verdicts
        )
        return _findings(infos, groups, pairs, owns)


def _findings(
    infos: dict[str, _Info],
    groups: Groups,
    classified: Iterable[tuple[str, _Pair]],
    owns: Owns | None = None,
) -> list[Tagged]:
    return (
        _event_time_findings(infos, groups, owns)
        + _event_place_findings(infos, groups, owns)
        + _pair_clusters(classified, groups)
    )


def _infos(
    claims: Sequence[Claim], groups: Groups, pairs: Iterable[tuple[str, str]]
) -> dict[str, _Info]:
    """The facts of the only claims a judgement looks at: those tied to an event and
    those of the ``pairs`` (most claims of a corpus are neither), by claim id. Only
    the claims of the pairs have their words (``_info_maker``): the event passes read
    none."""
    paired: set[str] = set()
    for a, b in pairs:
        paired.add(a)
        paired.add(b)
    needed = paired.union(groups.event_keys_of)
    info = _info_maker(groups)
    return {
        c.claim_id: info(c, c.claim_id in paired)
        for c in sorted((c for c in claims if c.claim_id in needed), key=_CLAIM_ID)
    }


_CLAIM_ID = operator.attrgetter("claim_id")


def ordered(tagged: Iterable[Tagged]) -> tuple[Finding, ...]:
    """The findings of the parts of a judgement, ordered for a reader: of findings
    with one id, the first in judge's order of making them (the tags) is kept."""
    unique: dict[str, Finding] = {}
    for _, f in sorted(tagged, key=lambda t: t[0]):
        unique.setdefault(f.id, f)
    return tuple(
        sorted(unique.values(), key=lambda f: (_RELATION_ORDER[f.relation], -f.score, f.id))
    )
