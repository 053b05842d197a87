"""group's shortcuts against the code they replaced (kept here as copies).

- ``main_clause_end``: the clause-break regex that starts at punctuation gives the
  start of the written-out regex's first match;
- the facts loop of ``group`` reads a text's words once, as its main clause's and the
  rest's: the words of the parts are the words of the whole;
- ``_speaker_entry``'s fast path for an entry of one (kind, display) gives the
  general computation's entry;
- the speaker references shared by claims (``_speaker_refs``, ``_ref_key``) give the
  per-claim references of before.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from _claimkit import make
from hypothesis import example, given, settings
from hypothesis import strategies as st

from crosscheck import group
from crosscheck.records import Claim, SpeakerEntry
from crosscheck.rules import matching as R

# the clause-break regex before ``group._CLAUSE_END`` (main_clause: text before its start)
OLD_CLAUSE_END = re.compile(
    r",\s*(?:" + "|".join(R.CLAUSE_BREAKERS) + r")\b|;|\s[\u2014\u2013]\s|\s-\s|:\s",
    re.IGNORECASE,
)


def old_main_clause_end(text: str) -> int:
    m = OLD_CLAUSE_END.search(text)
    return m.start() if m else -1


# characters around every branch of the regex and every edge of ``words``: breaker
# words, punctuation, dashes, spaces of several kinds, apostrophes and possessives,
# letters whose lower case changes length or depends on context (İ, Σ, the Kelvin sign)
PIECES = st.sampled_from(
    [
        "a", "B", "z", "7", "s", "S", "'", "\u2019", "-", "\u2014", "\u2013", ",", ";", ":",
        " ", "  ", "\t", "\n", "\u00a0", "\u2003", ".", "_", "\u0130", "\u03a3", "\u212a",
        "\u00e9", "\u0250", "with", "WITH", "which", "who", "as", "but", "ast", "'s", "\u2019s",
        "n't", ", with", ", Which ", " - ", " \u2014 ", " \u2013 ", " -- ", ": ", ":x", "; ",
        "not", "No", "never", "the", "Russia's", "talks", "forces", "ΑΣ",
    ]
)  # fmt: skip
TEXTS = st.lists(PIECES, max_size=24).map("".join)


CASES = [
    ("no break", "the talks will go on"),
    ("comma breaker", "the talks will go on, with both sides present"),
    ("comma no space", "the talks will go on,which is new"),
    ("comma not a breaker", "the talks, the ceasefire"),
    ("breaker prefix", "the talks, ascending"),
    ("semicolon", "first; second"),
    ("colon space", "he said: no"),
    ("colon no space", "at 10:30 today"),
    ("hyphen spaced", "talks - again"),
    ("hyphen in word", "al-Assad said"),
    ("em dash", "talks \u2014 again"),
    ("en dash", "talks \u2013 again"),
    ("dash unspaced", "talks\u2014again"),
    ("dash at start", "- talks"),
    ("space dash end", "talks -"),
    ("nbsp dash", "talks\u00a0-\u00a0again"),
    ("two breaks", "a - b; c"),
    ("dash before semicolon", "a; b - c"),
    ("double dash", "a -- b - c"),
    ("empty", ""),
]


@pytest.mark.parametrize("text", [t for _, t in CASES], ids=[n for n, _ in CASES])
def test_main_clause_end_table(text: str) -> None:
    assert group.main_clause_end(text) == old_main_clause_end(text)
    at = old_main_clause_end(text)
    assert group.main_clause(text) == (text[:at] if at >= 0 else text)


@settings(max_examples=400, deadline=None)
@given(TEXTS)
@example(" - , with ; x")
def test_main_clause_end_is_the_old_regex(text: str) -> None:
    assert group.main_clause_end(text) == old_main_clause_end(text)


@settings(max_examples=400, deadline=None)
@given(TEXTS)
@example("Russia's, with")
@example("ΑΣ: x")
@example("\u0130s; x")
def test_words_split_at_the_break(text: str) -> None:
    at = group.main_clause_end(text)
    if at < 0:
        return
    assert group.words(text) == group.words(text[:at]) + group.words(text[at:])
    assert group.words(text[:at]) == group.words(group.main_clause(text))


def old_facts(claim: Claim) -> tuple[tuple[str, ...], tuple[str, ...] | None, frozenset[str]]:
    """The facts loop of ``group`` before (words of the text, of its main clause as
    stored or None, negation words), main clause read with the old regex."""
    text = claim.content or claim.sentence
    tokens = group.words(text)
    ws = tuple(filter(None, map(group.content_word, tokens)))
    at = old_main_clause_end(text)
    main_ws: tuple[str, ...] | None = None
    if at >= 0:
        candidate = tuple(group.content_words(text[:at]))
        if candidate is not ws:
            main_ws = candidate
    return ws, main_ws, R.NEGATION_WORDS.intersection(tokens)


@settings(max_examples=150, deadline=None)
@given(TEXTS.filter(lambda t: t.strip() != ""))
@example("a, with b")
@example(", with b")
@example("the, with")
@example("Russia's forces; not")
def test_group_facts_are_the_old_loops(content: str) -> None:
    claim = make("c1", "a1", content, content, speaker="Ann Lee")
    groups = group.group([claim])
    ws, main_ws, negations = old_facts(claim)
    assert groups.words_of["c1"] == ws
    assert groups.main_words_of.get("c1") == main_ws
    assert ("c1" in groups.main_words_of) is (main_ws is not None)
    assert groups.negations_of.get("c1", frozenset()) == negations


def old_speaker_entry(key: str, s: group.SpeakerPart) -> SpeakerEntry:
    """``_speaker_entry`` without its one-name fast path."""
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
        full = [n for n in names if len(n.split()) > 1] or list(names)
        display = min(full, key=lambda n: (-names[n], -len(n.split()), n))
    return SpeakerEntry(
        speaker=display,
        key=key,
        speaker_type=stype,
        roles=tuple(sorted(s.roles)),
        mentions=tuple(sorted(s.mentions)),
        articles=tuple(sorted(s.articles)),
        claims=tuple(sorted(set(s.claims))),
    )


KINDS = st.sampled_from(["person", "organization", "role", "outlet", "local"])
DISPLAYS = st.sampled_from(["Ann Lee", "Lee", "the minister", "Reuters", "(narration)", "a b"])
SMALL = st.sets(st.sampled_from(["x", "y", "z"]), max_size=3)


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(st.tuples(KINDS, DISPLAYS), st.integers(1, 5), min_size=1, max_size=4),
    SMALL,
    SMALL,
    SMALL,
    st.lists(st.sampled_from(["c1", "c2", "c3"]), min_size=1, max_size=5),
)
def test_speaker_entry_is_the_general_one(
    names: dict[tuple[str, str], int],
    roles: set[str],
    mentions: set[str],
    articles: set[str],
    claims: list[str],
) -> None:
    part = group.SpeakerPart(
        refs=sum(names.values()),
        names=Counter(names),
        roles=roles,
        mentions=mentions,
        articles=articles,
        claims=claims,
    )
    assert group._speaker_entry("k", part) == old_speaker_entry("k", part)


# references of before, keyed: (key, kind, display, mentions, role key, role)
OldRef = tuple[object, ...]


def old_speaker_refs(claim: Claim) -> list[OldRef]:
    """``_speaker_refs`` before references were shared: one per claim, keyed."""
    mention = claim.speaker.strip()
    name = claim.speaker_name.strip()
    stype = claim.speaker_type
    if claim.kind == "narration" or stype == "outlet" or (not mention and not name):
        outlet = claim.outlet.strip()
        if outlet:
            return [(f"outlet:{group._norm(outlet)}", "outlet", outlet, (outlet,), "", "")]
        return [(f"outlet:~{claim.article_id}", "outlet", "(narration)", (), "", "")]
    return [
        (f"local:{claim.article_id}:{key}" if scope == group.LOCAL else key, *rest)
        for scope, key, *rest in group._speaker_templates(
            name or mention, mention, stype, claim.speaker_role
        )
    ]


SPEAKERS = [
    ("person", dict(speaker="Foreign Minister Sergei Petrov", speaker_name="Sergei Petrov")),
    ("role", dict(speaker="the foreign minister", speaker_role="foreign minister")),
    ("anonymous", dict(speaker="diplomatic sources", speaker_type="anonymous")),
    ("pronoun", dict(speaker="he")),
    ("compound", dict(speaker="Sergei Petrov and Anna Berg")),
    ("organisation", dict(speaker="the Observatory", speaker_type="organization")),
    ("outlet", dict(kind="narration", speaker_type="outlet", outlet=" Daily News ")),
    ("narration", dict(kind="narration", speaker_type="outlet")),
    ("no speaker", dict(speaker="", speaker_name="")),
]


@pytest.mark.parametrize("fields", [f for _, f in SPEAKERS], ids=[n for n, _ in SPEAKERS])
def test_shared_refs_are_the_old_refs(fields: dict[str, str]) -> None:
    claim = make("c1", "art9", "Somebody said the talks go on.", **fields)  # type: ignore[arg-type]
    refs = group._speaker_refs(claim)
    assert refs == group._speaker_refs(claim)  # shared, so the same each time
    got = [(group._ref_key(r, claim.article_id), *r[2:]) for r in refs]
    assert got == old_speaker_refs(claim)
    # narration without an outlet and article-local speakers get the article's key
    assert all(
        ("art9" in k) is (r[0] != group.GLOBAL) for (k, *_), r in zip(got, refs, strict=True)
    )
