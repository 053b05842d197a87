"""attribute.py: the claim forms, one table row per form, plus the invariants.

Sentences are made here with a tiny splitter (one paragraph per line, a sentence ends
after . ! ? and an optional closing quote before a capital or an opening quote), so
these tests exercise attribute() alone, whatever clean/segment do. The last lines of
the file run the real pipeline for the offset invariants and adversarial inputs.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

import pytest
from conftest import check_offsets, deadline, make_article

from crosscheck import attribute, pipeline
from crosscheck.clean import normalise_view
from crosscheck.records import Article, Claim, Sentence, ZoneKind

_END = re.compile(r"(?<=[.!?])[\"”']?(?=\s+[\"“A-Z])")
_ABBR = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Del|St|Lt|Col|[A-Z])\.[\"”']?$")


def build(
    text: str, headline: bool = False, outlet: str = ""
) -> tuple[Article, tuple[Sentence, ...]]:
    """An Article and its sentences; with ``headline`` the first line is the headline."""
    article = Article(id="t", text=text, view=normalise_view(text), outlet=outlet)
    sentences: list[Sentence] = []
    pos = 0
    for para, line in enumerate(text.split("\n")):
        start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        zone: ZoneKind = "headline" if headline and para == 0 else "body"
        ends = [m.end() for m in _END.finditer(line) if not _ABBR.search(line, 0, m.start())]
        cuts = [start] + [start + e for e in ends] + [start + len(line)]
        for a, b in itertools.pairwise(cuts):
            while a < b and text[a].isspace():
                a += 1
            e = b
            while e > a and text[e - 1].isspace():
                e -= 1
            if e > a:
                sentences.append(Sentence("t", len(sentences), a, e, zone, para))
    return article, tuple(sentences)


def claims(text: str, headline: bool = False, outlet: str = "") -> tuple[Claim, ...]:
    article, sentences = build(text, headline, outlet)
    return attribute.attribute(article, sentences)


def attributed(text: str, headline: bool = False) -> list[Claim]:
    return [c for c in claims(text, headline) if c.kind in ("attributed", "headline") and c.cue]


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    speaker: str  # the mention as written
    name: str  # speaker_name
    cue: str
    content: str  # must lie inside the claim's content
    quote: str = ""
    via: str = ""
    role: str = ""
    resolved: bool | None = None
    negated: bool | None = None
    speaker_type: str = ""
    headline: bool = False


CASES = [
    Case(
        "SVC-that",
        "Lavrov noted that the preparations for the congress were underway.",
        "Lavrov",
        "Lavrov",
        "noted",
        "the preparations for the congress were underway",
        "indirect",
    ),
    Case(
        "SVC-bare",
        "Police say he posed a deadly threat.",
        "Police",
        "Police",
        "say",
        "he posed a deadly threat",
    ),
    Case(
        "SVC-role-name",
        "Russian Foreign Minister Sergei Lavrov said the congress will encourage talks.",
        "Russian Foreign Minister Sergei Lavrov",
        "Sergei Lavrov",
        "said",
        "the congress will encourage talks",
        role="Russian Foreign Minister",
        speaker_type="person",
    ),
    Case(
        "QSV",
        '"We are going to remain engaged with the United Nations," Palladino said on Tuesday.',
        "Palladino",
        "Palladino",
        "said",
        "We are going to remain engaged",
        "direct",
    ),
    Case(
        "QVS",
        '"This is a waste of time," said Del. Stacey Plaskett of the Virgin Islands.',
        "Del. Stacey Plaskett of the Virgin Islands",
        "Stacey Plaskett",
        "said",
        "This is a waste of time",
        "direct",
    ),
    Case(
        "CVS-role",
        "Moscow and Washington will boost their cooperation, says the Russian foreign minister.",
        "the Russian foreign minister",
        "Russian foreign minister",
        "says",
        "Moscow and Washington will boost their cooperation",
    ),
    Case(
        "CSV-told-via",
        "The United States will continue to engage with Russia, US State Department Deputy "
        "Spokesperson Roberto Palladino told reporters.",
        "US State Department Deputy Spokesperson Roberto Palladino",
        "Roberto Palladino",
        "told",
        "The United States will continue to engage with Russia",
        via="reporters",
    ),
    Case(
        "told-X-that",
        "Spokesperson Carlin Woog told Sputnik that de Mistura will also meet officials.",
        "Spokesperson Carlin Woog",
        "Carlin Woog",
        "told",
        "de Mistura will also meet officials",
        via="Sputnik",
    ),
    Case(
        "parenthetical",
        "The United States, Palladino added, supports the envoy's efforts.",
        "Palladino",
        "Palladino",
        "added",
        "The United States",
    ),
    Case(
        "parenthetical-2",
        "The United States, Palladino added, supports the envoy's efforts.",
        "Palladino",
        "Palladino",
        "added",
        "supports the envoy's efforts",
    ),
    Case(
        "according-to-end",
        "The ministers agreed to help convene the committee in early 2019, according to a joint statement.",
        "a joint statement",
        "joint statement",
        "according to",
        "agreed to help convene the committee",
        speaker_type="document",
    ),
    Case(
        "according-to-start",
        "According to Sergei Lavrov, the event will be the first attempt.",
        "Sergei Lavrov",
        "Sergei Lavrov",
        "According to",
        "the event will be the first attempt",
    ),
    Case(
        "in-a-statement",
        "The ministry said in a statement that the talks were useful.",
        "The ministry",
        "ministry",
        "said",
        "the talks were useful",
        via="a statement",
        speaker_type="organization",
    ),
    Case(
        "as-source-told",
        "The congress might take place in December, as a Syrian opposition source told Sputnik.",
        "a Syrian opposition source",
        "Syrian opposition source",
        "told",
        "The congress might take place in December",
        speaker_type="anonymous",
    ),
    Case(
        "two-speakers",
        '"Teams would try to finalise details", US Secretary of State John Kerry and Russian Foreign '
        "Minister Sergei Lavrov, told a joint news conference.",
        "US Secretary of State John Kerry and Russian Foreign Minister Sergei Lavrov",
        "John Kerry and Sergei Lavrov",
        "told",
        "Teams would try to finalise details",
        via="a joint news conference",
    ),
    Case(
        "belief-that",
        "Wines believes that the campaign took black voters for granted.",
        "Wines",
        "Wines",
        "believes",
        "the campaign took black voters for granted",
    ),
    Case(
        "intention-to",
        "Clinton wants to sign up 5 million people.",
        "Clinton",
        "Clinton",
        "wants",
        "to sign up 5 million people",
    ),
    Case(
        "evidence",
        "A Bloomberg poll shows that Americans have abandoned the party.",
        "A Bloomberg poll",
        "Bloomberg poll",
        "shows",
        "Americans have abandoned the party",
        speaker_type="document",
    ),
    Case(
        "noun-that",
        "Trump spoke on Monday. His claim that the election is rigged drew fire.",
        "His",
        "Trump",
        "claim",
        "the election is rigged",
        resolved=True,
    ),
    Case(
        "adding-that",
        "Lavrov stressed that talks must continue, adding that a new round should be launched.",
        "Lavrov",
        "Lavrov",
        "adding",
        "a new round should be launched",
    ),
    Case(
        "negated",
        "Moreover, the congress does not aim to replace talks in Geneva, Gatilov added.",
        "Gatilov",
        "Gatilov",
        "added",
        "does not aim to replace talks",
        negated=True,
    ),
    Case(
        "no-possibility",
        "Lavrov also stressed that there can be no possibility of guaranteeing the truce.",
        "Lavrov",
        "Lavrov",
        "stressed",
        "there can be no possibility",
        negated=True,
    ),
    Case(
        "not-negated",
        "Lavrov said the talks will go ahead.",
        "Lavrov",
        "Lavrov",
        "said",
        "the talks will go ahead",
        negated=False,
    ),
    Case(
        "partial-quote",
        'Lavrov said the congress would help the "revitalization of the Geneva talks."',
        "Lavrov",
        "Lavrov",
        "said",
        "revitalization",
        "partial",
    ),
    Case(
        "who-relative",
        "Leslie Wimes, who leads the caucus, said the party was in panic.",
        "Leslie Wimes",
        "Leslie Wimes",
        "said",
        "the party was in panic",
    ),
    Case(
        "colon-transcript",
        "PENCE: Well, look, the debate is serious business.",
        "PENCE",
        "PENCE",
        ":",
        "the debate is serious business",
    ),
    Case(
        "epigraph-dash",
        "\u201cHe represents our greatest shame.\u201d \u2015 Sonya Herridge",
        "Sonya Herridge",
        "Sonya Herridge",
        "\u2015",
        "He represents our greatest shame",
    ),
    Case(
        "headline-dash",
        "Syrian Congress to Give Impetus to Geneva Process - Lavrov\nBody text here.",
        "Lavrov",
        "Lavrov",
        "-",
        "Syrian Congress to Give Impetus",
        headline=True,
    ),
    Case(
        "headline-says",
        "Clarity achieved on truce steps, says Kerry\nBody text here.",
        "Kerry",
        "Kerry",
        "says",
        "Clarity achieved on truce steps",
        headline=True,
    ),
    Case(
        "headline-title-case",
        "Obama Says Museum Will Tell of Suffering\nBody text here.",
        "Obama",
        "Obama",
        "Says",
        "Museum Will Tell of Suffering",
        headline=True,
    ),
]


# coordinated and adjunct-separated subjects (general names, not the seeds')
CASES += [
    Case(
        "coordinated-named-subject-inside-backward-content",
        "Foreign Minister Anna Berg and her Danish counterpart Lars Holm agree that the "
        "talks were useful, the Norwegian Foreign Ministry said in a statement.",
        "Foreign Minister Anna Berg and her Danish counterpart Lars Holm",
        "Anna Berg and Lars Holm",
        "agree",
        "the talks were useful",
        speaker_type="person",
    ),
    Case(
        "list-of-states",
        "As a result of the talks, Norway, Chile and Kenya agreed to set up a monitoring group.",
        "Norway, Chile and Kenya",
        "Norway, Chile and Kenya",
        "agreed",
        "to set up a monitoring group",
        speaker_type="organization",
    ),
    Case(
        "adjunct-during-between-subject-and-cue",
        "Earlier in the day, the Dutch and Belgian ministers during talks in Vienna agreed "
        "to meet again in March.",
        "the Dutch and Belgian ministers",
        "Dutch and Belgian ministers",
        "agreed",
        "to meet again in March",
    ),
    Case(
        "after-is-a-subordinator-not-an-adjunct",
        "Members held a press conference on Friday, shortly after Trump said he believes "
        "the results were fair.",
        "Trump",
        "Trump",
        "said",
        "he believes the results were fair",
    ),
    Case(
        "state-as-speaker",
        "Moscow said the convoy had been attacked near the border.",
        "Moscow",
        "Moscow",
        "said",
        "the convoy had been attacked",
        speaker_type="organization",
    ),
    Case(
        "ambassador-to-state-then-name",
        "Chilean Ambassador to Norway Pablo Reyes said the visit was useful.",
        "Chilean Ambassador to Norway Pablo Reyes",
        "Pablo Reyes",
        "said",
        "the visit was useful",
        role="Chilean Ambassador to Norway",
    ),
]


def test_infinitive_inside_backward_content_is_not_a_claim() -> None:
    # "plans to" under another source's cue stays part of that source's content
    found = attributed("Clinton plans to visit Charlotte on Sunday, an aide said.")
    assert [(c.speaker, c.cue) for c in found] == [("an aide", "said")]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_claim_forms(case: Case) -> None:
    found = [
        c
        for c in attributed(case.text, case.headline)
        if c.speaker == case.speaker and c.cue.replace("\u00a0", " ") == case.cue
    ]
    assert found, [(c.speaker, c.cue, c.content) for c in attributed(case.text, case.headline)]
    c = next((c for c in found if case.content in c.content), None)
    assert c is not None, [x.content for x in found]
    assert c.speaker_name == case.name
    if case.quote:
        assert c.quote == case.quote
    if case.via:
        assert c.via == case.via
    if case.role:
        assert c.speaker_role == case.role
    if case.resolved is not None:
        assert c.resolved is case.resolved
    if case.negated is not None:
        assert c.negated is case.negated
    if case.speaker_type:
        assert c.speaker_type == case.speaker_type
    assert c.kind == ("headline" if case.headline else "attributed")


RESOLUTION = [
    (
        "pronoun-he",
        "Gennadiy Gatilov met the envoy. The talks will not replace Geneva, Gatilov added. "
        "He said that the congress could last a few days.",
        "He",
        "Gennadiy Gatilov",
    ),
    (
        "pronoun-skips-other-gender",
        "Hillary Clinton met John Kirby. Kirby said the talks went well. "
        "He said that more meetings would follow.",
        "He",
        "John Kirby",
    ),
    (
        "pronoun-she",
        "John Smith spoke first. Mary Jones said the plan was sound. She said it would pass.",
        "She",
        "Mary Jones",
    ),
    (
        "role-noun-minister",
        "Russian Foreign Minister Sergei Lavrov arrived on Monday. "
        "The Russian foreign minister said that the besieged area was interested.",
        "The Russian foreign minister",
        "Sergei Lavrov",
    ),
    (
        "role-noun-ministry",
        "Lavrov and Zarif agree on the talks, the Russian Foreign Ministry said in a statement. "
        '"Both sides have highly appraised the meeting," the ministry said.',
        "the ministry",
        "Russian Foreign Ministry",
    ),
    (
        "surname-fullest",
        "US Secretary of State John Kerry arrived. Kerry said the deal was close.",
        "Kerry",
        "John Kerry",
    ),
    (
        "they-plural",
        "Officials from both sides met on Friday. They said the talks would resume.",
        "They",
        "Officials",
    ),
]


@pytest.mark.parametrize(
    ("text", "mention", "name"), [r[1:] for r in RESOLUTION], ids=[r[0] for r in RESOLUTION]
)
def test_speaker_resolution(text: str, mention: str, name: str) -> None:
    found = [c for c in attributed(text) if c.speaker == mention]
    assert found, [(c.speaker, c.speaker_name) for c in attributed(text)]
    c = found[-1]
    assert c.speaker_name == name
    if (mention.lower() != name.lower() and mention[0].islower()) or mention in (
        "He",
        "She",
        "They",
    ):
        assert c.resolved


def test_floating_quote_inherits_the_speaker() -> None:
    text = (
        '"Special Envoy de Mistura met with Deputy Secretary Blinken today," Kirby told Sputnik. '
        '"Special Envoy de Mistura shared his thoughts on the negotiations."'
    )
    found = [c for c in attributed(text) if "shared his thoughts" in c.content]
    assert len(found) == 1
    c = found[0]
    assert (c.speaker, c.cue, c.resolved, c.quote) == ("Kirby", "told", True, "direct")
    assert "shared his thoughts" in c.sentence and "met with" not in c.sentence


def test_quote_running_over_sentences_is_one_content() -> None:
    text = (
        '"It was stressed that the meeting became an efficient platform. The ministers agreed to '
        'maintain close coordination," the ministry said.'
    )
    [c] = attributed(text)
    assert c.content.startswith('"It was stressed') and c.content.endswith('coordination,"')
    assert c.sentence.startswith('"It was stressed') and c.sentence.endswith("said.")
    assert c.quote == "direct"


def test_unbalanced_quotes_do_not_stop_the_article() -> None:
    text = 'He said "this never closes. Lavrov said that the talks would resume on Monday.'
    assert any(c.speaker == "Lavrov" for c in attributed(text))


@pytest.mark.parametrize(
    "text",
    [
        "The report was published on Tuesday.",  # passive, no speaker
        "He wants to say something.",  # "say" governed by "wants": one cue only
        "The Trump campaign's plans were leaked.",  # plural noun, not a verb
        '"I think," he said, "that we will win."',  # "think" inside a quotation
        "A group known as the Club met in Paris.",  # participle
        "He briefed the envoy on the summit expected to be held in Oslo in May.",  # reduced relative
        "The accord, believed to be final, was signed.",  # reduced relative after a comma
    ],
    ids=[
        "passive",
        "infinitive",
        "noun-reading",
        "cue-in-quote",
        "participle",
        "reduced-relative",
        "reduced-relative-comma",
    ],
)
def test_no_false_cue(text: str) -> None:
    cues = [c.cue for c in attributed(text)]
    banned = {"published", "say", "plans", "think", "known", "expected", "believed"}
    assert not banned & set(cues), cues


def test_narration_and_headline_claims() -> None:
    text = (
        "Syrian Talks Resume in Geneva\n"
        "Syria has been mired in civil war since 2011. The weather was nice.\n"
        "The agreement came into force across Syria on February 27."
    )
    out = claims(text, headline=True, outlet="Sputnik")
    narr = [c for c in out if c.kind == "narration"]
    assert [c.content for c in narr] == [
        "Syria has been mired in civil war since 2011.",
        "The agreement came into force across Syria on February 27.",
    ]
    assert all(c.speaker == "Sputnik" and c.speaker_type == "outlet" for c in narr)
    assert all(c.speaker_start is None for c in narr)
    [head] = [c for c in out if c.kind == "headline"]
    assert head.speaker_type == "outlet" and head.content == "Syrian Talks Resume in Geneva"


def test_claim_ids_text_order_and_offsets() -> None:
    text = (
        "Kerry said the talks were close. Lavrov said there was no deal on Friday.\n"
        '"We will meet again," Kerry added.'
    )
    out = claims(text)
    assert [c.claim_id for c in out] == [f"t:{n:03d}" for n in range(1, len(out) + 1)]
    assert [c.content_start for c in out] == sorted(c.content_start for c in out)
    for c in out:
        assert text[c.content_start : c.content_end] == c.content
        assert text[c.sentence_start : c.sentence_end] == c.sentence
        assert c.sentence_start <= c.content_start <= c.content_end <= c.sentence_end
        if c.speaker_start is not None and c.speaker_end is not None:
            assert text[c.speaker_start : c.speaker_end] == c.speaker
        if c.cue_start is not None and c.cue_end is not None:
            assert text[c.cue_start : c.cue_end] == c.cue
    assert claims(text) == out  # deterministic


def test_nbsp_offsets_index_the_text_as_read() -> None:
    text = "Lavrov\u00a0noted that the preparations\u00a0for the congress were underway."
    [c] = attributed(text)
    assert c.speaker == "Lavrov" and c.cue == "noted"
    assert text[c.content_start : c.content_end] == c.content
    assert "\u00a0" in c.content


def test_no_sentences_no_claims() -> None:
    article, _ = build("Lavrov said yes.")
    assert attribute.attribute(article, ()) == ()


@pytest.mark.parametrize(
    "text",
    [
        "Kerry said the talks were close. He added that Lavrov agreed.\n"
        '"We will meet," Lavrov said. "Soon." The meeting is on May 5, 2016.',
        'WASHINGTON (Sputnik) \u2014 "Yes," the ministry said, according to\u00a0a statement.',
    ],
    ids=["mixed", "dateline-nbsp"],
)
def test_pipeline_invariants(text: str) -> None:
    article = make_article(text)
    check_offsets(article, pipeline.extract_article(article))


ADVERSARIAL = {
    "no-punctuation-1mb": ("word he said that " * 60000)[:1_000_000],
    "quote-marks-200k": '"' * 200_000,
    "quoted-said-lines": '"Yes," he said. ' * 5000,
    "commas-then-cue": "A, " * 200_000 + "he said.",
    "title-case-run": "Kerry Says " * 50_000,
    "transcript-colons": "NAME: text\n" * 5_000,
}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL), ids=sorted(ADVERSARIAL))
def test_adversarial_input_finishes(name: str) -> None:
    text = ADVERSARIAL[name]
    article = make_article(text, name)
    with deadline(60, name):
        result = pipeline.extract_article(article)
    check_offsets(article, result)


# The fast scans must find what their reference definitions find, in any window
# (offsets inside words, at the window's ends, at the start of the text).
SCAN_TEXTS = {
    "negators": "It is not over; nobody cannot say NO one, Nothing neither nor no longer.",
    "contractions": "n't at the start: Don’t, WON'T, can't, isn't n’t and a lone n't",
    "negator-like": "Nonetheless the nominee knows a canon; knot, snot, innocent, nth",
    "checkable": "In Paris on Sept. 5 and Mondays, the Geneva Talks and twenty-one held last week",
    "checkable-like": "Mayor Maya at the city, into the Sea, Sep 5th, Talkshow, Dialogues 2x",
    "cues": "According to X, he said up. 'said' -said said-it Said, as reported by Y claims",
    "cue-first": "said that; according to them; claim that",
    "verbs": "He'd gone; THEY’RE here, isn't it, WON'T, ſaid, Kept, İs, _is 2is x-was Was",
}


def _windows(text: str) -> list[tuple[int, int]]:
    n = len(text)
    return [(s, e) for s in range(n + 1) for e in range(s, n + 1) if e - s <= 24 or e == n]


@pytest.mark.parametrize("name", sorted(SCAN_TEXTS), ids=sorted(SCAN_TEXTS))
def test_fast_scans_match_their_references(name: str) -> None:
    text = SCAN_TEXTS[name]
    for s, e in _windows(text):
        assert attribute._has_negator(text, s, e) == (
            attribute._NEGATION.search(text, s, e) is not None
        ), (s, e)
        assert attribute._checkable(text, s, e) == (
            attribute._CHECKABLE.search(text, s, e) is not None
        ), (s, e)
        assert attribute._has_verb(text[s:e]) == (
            attribute._HAS_VERB.search(text[s:e]) is not None
        ), (s, e)


FRONT_TEXTS = [
    "WASHINGTON (Sputnik) — Yes. MOSCOW, March 5 -- No. A-B — c. AB (x)  d. X",
    "ST. PETERSBURG - The talks. O'NEIL -- x. Zz — y. A. B. C -- z. I - x",
    "The us and them, of a Map. Kerry Says Museum Will Tell it. a b c, don't care",
    "Obama-era rules ’s said on x-ray; to by via over\nnext line here's tea",
]


@pytest.mark.parametrize("text", FRONT_TEXTS)
def test_front_and_title_tests_match_their_references(text: str) -> None:
    lcw = attribute._LOWER_CONTENT_WORD
    for s, e in _windows(text):
        if attribute._DATELINE.match(text, s, e) is not None:
            assert attribute._may_open_dateline(text, s, e), (s, e)
        first = lcw.search(text, s, e)
        two = first is not None and lcw.search(text, first.end(), e) is not None
        assert (attribute._TWO_LOWER_CONTENT_WORDS.search(text, s, e) is not None) == two, (s, e)


def test_fast_classes_are_w_and_d() -> None:
    every = "".join(map(chr, range(0x110000)))
    assert re.findall(f"[{attribute._W}]", every) == re.findall(r"\w", every)
    assert re.findall(f"[^{attribute._W}]", every) == re.findall(r"\W", every)
    assert re.findall(f"[^{attribute._NOT_D}\\D]", every) == re.findall(r"\d", every)


@pytest.mark.parametrize("name", sorted(SCAN_TEXTS), ids=sorted(SCAN_TEXTS))
def test_cue_scan_matches_the_cue_pattern(name: str) -> None:
    reference = re.compile(r"(?=[A-Za-z])" + attribute._CUE_PATTERN)
    for start in range(len(SCAN_TEXTS[name])):
        text = SCAN_TEXTS[name][start:]
        want = [
            (m.span(), m.span("acc"), m.span("w"), m.span("p")) for m in reference.finditer(text)
        ]
        first = attribute._CUE_RE.match(text)
        got = (
            []
            if first is None
            else [(first.span(), first.span("acc"), first.span("w"), first.span("p"))]
        )
        got += [
            ((m.start() + 1, m.end()), m.span("acc"), m.span("w"), m.span("p"))
            for m in attribute._CUE_SCAN.finditer(text, first.end() if first is not None else 0)
        ]
        assert got == want, start


# ------------------------------------------- the speed rewrites keep the reference behaviour

# the token pattern as first written (``_TOKEN`` is a faster spelling of it)
_TOKEN_REFERENCE = re.compile(
    r"(?=\S)(?:"
    + attribute._ABBREV
    + r"|(?:[A-Za-z]\.){2,}|[A-Z]\.(?=\s)|\w+(?:[\-'’&]\w+)*|''|``|[^\w\s])"
)
TOKEN_TEXTS = {
    "initials": "the U.S. and e.g. A. B said U.S.A.",
    "abbreviations": "Mr. Smith, Sgt. Rock and Gens. X vs. Ltd.",
    "apostrophes": "don't rock'n'roll AT&T’s x- -y it'' ’s a&",
    "quotes": "''Yes,'' he said ``no'' “so” «la» \"x\"",
    "initial-at-end": "Vitamin A.",
    "unicode": "Ökonom sagt – naïve café_2 ١٢٣ İz",
}


@pytest.mark.parametrize("name", sorted(TOKEN_TEXTS), ids=sorted(TOKEN_TEXTS))
def test_token_pattern_as_reference(name: str) -> None:
    text = TOKEN_TEXTS[name]
    for a in range(len(text) + 1):
        for b in range(a, len(text) + 1):
            got = [m.span() for m in attribute._TOKEN.finditer(text, a, b)]
            assert got == [m.span() for m in _TOKEN_REFERENCE.finditer(text, a, b)], (a, b)


def test_token_pattern_as_reference_random() -> None:
    import random

    rng = random.Random(7)
    alphabet = [*"aAzZsS.-'’&`\"“”,( )\n\té_1", "Mr.", "U.S.", "e.g.", "''", "``", "A.", "n't"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
        a = rng.randint(0, len(text))
        b = rng.randint(a, len(text))
        got = [m.span() for m in attribute._TOKEN.finditer(text, a, b)]
        assert got == [m.span() for m in _TOKEN_REFERENCE.finditer(text, a, b)], text


def test_tokens_index_like_a_list() -> None:
    view = 'He said: "the U.S. agreed," Mr. Smith told reporters.'
    matches = list(attribute._TOKEN.finditer(view))
    toks = attribute._tokens(view, 0, len(view))
    n = len(matches)
    assert len(toks) == n and bool(toks)
    for i in range(-n, n):
        m = matches[i]
        assert (toks[i].start, toks[i].end, toks[i].text) == (m.start(), m.end(), m.group())
        assert toks[i].low == m.group().lower()
    assert toks[2] is toks[2 - n] is toks[2]
    assert toks.position(toks[3]) == 3
    with pytest.raises(IndexError):
        toks[n]
    empty = attribute._tokens(view, 5, 5)
    assert not empty and len(empty) == 0
    # read from the left, scanned only as far as asked
    stream = attribute._TokStream(attribute._TOKEN.finditer(view))
    assert [stream.has(i) for i in (-1, 0, n - 1, n)] == [False, True, True, False]
    assert [stream[i].text for i in range(n)] == [m.group() for m in matches]
    assert len(attribute._TokStream(attribute._TOKEN.finditer(view))) == n


# phrases the time and channel adjuncts match (the first character is varied below)
ADJUNCT_PHRASES = {
    "time": [
        ", on Monday",
        "Tuesday morning",
        "on Sunday",
        "yesterday",
        "today",
        "tonight",
        "earlier this week",
        "later",
        "last month",
        "this year",
        "on March 5th",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        ",yesterday",
    ],
    "channel": [
        ", in an interview",
        "at a press conference",
        "during the briefing",
        "on Twitter",
        "via Twitter",
        "through a statement",
        "over the weekend in an interview",
        "in a statement",
        "on television",
    ],
}


@pytest.mark.parametrize("kind", sorted(ADJUNCT_PHRASES), ids=sorted(ADJUNCT_PHRASES))
def test_adjunct_first_characters(kind: str) -> None:
    """A match of _TIME_ADJUNCT / _CHANNEL_RE opens with a character of its quick-test
    set (skip_after_cue runs the pattern only there)."""
    pattern, first = {
        "time": (attribute._TIME_ADJUNCT, attribute._TIME_ADJUNCT_FIRST),
        "channel": (attribute._CHANNEL_RE, attribute._CHANNEL_FIRST),
    }[kind]
    chars = [chr(c) for c in range(0x250)] + list("—–“”’‘«»\u00a0\u2009")
    for phrase in ADJUNCT_PHRASES[kind]:
        assert pattern.match(phrase) is not None, phrase
        for c in chars:
            for text in (c + phrase[1:], c + phrase):
                if pattern.match(text) is not None:
                    assert c in first, (c, text)


def test_nounish_as_reference() -> None:
    def reference(tok: attribute._Tok) -> bool:
        if not tok.word:
            return False
        low = tok.low
        if (
            low in attribute._NON_NP
            or low in attribute._BOUNDARY
            or low in attribute._MODALS
            or low in attribute._BE
        ):
            return False
        return not (low in attribute._CUE_FORMS and not tok.cap and low not in attribute._NOUNS)

    words = {
        *attribute._NON_NP,
        *attribute._BOUNDARY,
        *attribute._MODALS,
        *attribute._BE,
        *attribute._CUE_FORMS,
        *attribute._NOUNS,
        "minister",
        "Lavrov",
        ",",
        "'s",
    }
    for w in sorted(words):
        for form in {w, w.capitalize(), w.upper()}:
            tok = attribute._Tok(0, len(form), form)
            assert attribute._nounish(tok) == reference(tok), form
