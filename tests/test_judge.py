"""judge: event timelines, slot contradictions, agreements, quote variants (hand-built claims)."""

from __future__ import annotations

import dataclasses

import pytest
from _claimkit import make

from crosscheck import group, judge, match
from crosscheck.records import Claim, Finding

A, B, C, E = "000_a", "001_b", "002_c", "004_e"
SNDC = "Syrian National Dialogue Congress"
SNDC_KEY = "congress dialogue national syrian"


def seedlike() -> list[Claim]:
    """The seeds' canonical case, by hand (texts as in the seed articles)."""
    return [
        make(
            "B2",
            B,
            "Th Syrian National Dialogue Congress was expected to take place in Russia in mid-November.",
            "Th Syrian National Dialogue Congress was expected to take place in Russia in mid-November",
            published="2017-11-14",
            kind="narration",
            speaker_type="outlet",
            outlet="Sputnik",
            times=[("mid-November", "2017-11-11", "2017-11-20")],
            events=[(SNDC, "congress")],
            places=["Russia"],
            at=300,
        ),
        make(
            "B9",
            B,
            "He informed de Mistura in detail of the Syrian national dialogue congress expected to be held in Russia's southern Black Sea resort of Sochi in December, adding that the congress could last a few days.",
            "de Mistura in detail of the Syrian national dialogue congress expected to be held in Russia's southern Black Sea resort of Sochi in December",
            published="2017-11-14",
            speaker="He",
            speaker_name="Gennadiy Gatilov",
            cue="informed",
            times=[("December", "2017-12-01", "2017-12-31")],
            events=[
                ("Syrian national dialogue congress", "congress"),
                ("the congress", "congress", SNDC_KEY, False),
            ],
            places=["Russia", "Sochi"],
            at=2400,
        ),
        make(
            "B12",
            B,
            "Meanwhile, Damascus hopes that the Congress of National Dialogue of Syrians will help to promote the process, Syrian Ambassador to Russia Riyad Haddad said Tuesday.",
            "Damascus hopes that the Congress of National Dialogue of Syrians will help to promote the process",
            published="2017-11-14",
            speaker="Syrian Ambassador to Russia Riyad Haddad",
            speaker_name="Riyad Haddad",
            cue="said",
            times=[("Tuesday", "2017-11-14", "2017-11-14")],
            events=[("Congress of National Dialogue of Syrians", "congress")],
            at=3500,
        ),
        make(
            "B14",
            B,
            "The Syrian National Dialogue Congress was expected to take place in the Russian Black Sea resort city of Sochi in mid-November, however, it might take place in December, as a Syrian opposition source told Sputnik on Tuesday.",
            "The Syrian National Dialogue Congress was expected to take place in the Russian Black Sea resort city of Sochi in mid-November, however, it might take place in December",
            published="2017-11-14",
            speaker="a Syrian opposition source",
            speaker_type="anonymous",
            cue="told",
            times=[
                ("mid-November", "2017-11-11", "2017-11-20"),
                ("December", "2017-12-01", "2017-12-31"),
                ("Tuesday", "2017-11-14", "2017-11-14"),
            ],
            events=[(SNDC, "congress")],
            places=["Sochi"],
            at=4200,
        ),
        make(
            "A8",
            A,
            "The creation of the committee, which is expected to draft Syria's new constitution, was first agreed upon during the Syrian National Dialogue Congress in the Russian resort city of Sochi in late January.",
            published="2018-12-19",
            kind="narration",
            speaker_type="outlet",
            outlet="Sputnik",
            times=[("late January", "2018-01-21", "2018-01-31")],
            events=[
                ("the committee", "committee", "committee constitutional syrian", False),
                (SNDC, "congress"),
            ],
            places=["Sochi"],
            at=3000,
        ),
        make(
            "C9",
            C,
            "Syria has been mired in civil war since 2011, with numerous opposition factions and Islamic extremists fighting the Syrian Army and other government forces in an attempt to topple the legitimate government of President Bashar Assad.",
            kind="narration",
            speaker_type="outlet",
            times=[("since 2011", "2011-01-01", None, "since")],
            at=1900,
        ),
        make(
            "E8",
            E,
            "Since 2011, Syria has been engulfed in a civil war, with government forces fighting against numerous opposition and terrorist groups, including al-Nusra Front and Daesh, banned in a range of countries, including Russia.",
            kind="narration",
            speaker_type="outlet",
            times=[("Since 2011", "2011-01-01", None, "since")],
            at=2500,
        ),
        make(
            "C10",
            C,
            "A US-Russia-brokered agreement on cessation of hostilities came into force across Syria on February 27.",
            kind="narration",
            speaker_type="outlet",
            times=[("February 27", None, None)],
            events=[("cessation of hostilities", "ceasefire", "cessation hostility", False)],
            at=2200,
        ),
        make(
            "E7",
            E,
            "As a result of the talks, Russia, Iran and Turkey agreed to establish a trilateral mechanism to monitor the ceasefire that came into effect on December 30, 2016.",
            kind="narration",
            speaker_type="outlet",
            times=[("December 30, 2016", "2016-12-30", "2016-12-30")],
            events=[("the ceasefire", "ceasefire", "ceasefire", False)],
            at=2200,
        ),
        make(
            "B7",
            B,
            "UN Special Envoy for Syria Staffan de Mistura and Russian Deputy Foreign Minister Gennadiy Gatilov met on Tuesday to discuss the next round of Syrian talks in Geneva, the envoy's press service said in a statement.",
            "UN Special Envoy for Syria Staffan de Mistura and Russian Deputy Foreign Minister Gennadiy Gatilov met on Tuesday to discuss the next round of Syrian talks in Geneva",
            published="2017-11-14",
            speaker="the envoy's press service",
            speaker_type="organization",
            cue="said",
            times=[("Tuesday", "2017-11-14", "2017-11-14")],
            places=["Geneva"],
            at=1800,
        ),
        make(
            "C2",
            C,
            "US Department of State spokesperson John Kirby said that US Deputy Secretary of State Antony Blinken and UN Special Envoy for Syria Staffan de Mistura met in Washington, DC on Thursday and discussed the next steps in the technical talks in the Syrian peace process.",
            "US Deputy Secretary of State Antony Blinken and UN Special Envoy for Syria Staffan de Mistura met in Washington, DC on Thursday and discussed the next steps in the technical talks in the Syrian peace process",
            speaker="US Department of State spokesperson John Kirby",
            speaker_name="John Kirby",
            cue="said",
            times=[("Thursday", None, None)],
            places=["Washington"],
            at=300,
        ),
    ]


def run(claims: list[Claim]) -> tuple[Finding, ...]:
    groups = group.group(claims)
    candidates, _ = match.match(claims, groups, jobs=1)
    return judge.judge(claims, groups, candidates)


def find(findings: tuple[Finding, ...], relation: str, slot: str, ids: set[str]) -> Finding | None:
    for f in findings:
        if f.relation == relation and f.slot == slot and ids <= set(f.claims):
            return f
    return None


def test_congress_timing_is_one_finding_in_publication_order() -> None:
    findings = run(seedlike())
    f = find(findings, "contradiction", "time", {"B2", "B9", "B14", "A8"})
    assert f is not None
    assert f.claims == ("B2", "B9", "B14", "A8")  # by date, then article, then position
    assert f.event == SNDC
    got = {v.claim_id: (v.text, v.start, v.end) for v in f.values}
    assert got == {
        "B2": ("mid-November", "2017-11-11", "2017-11-20"),
        "B9": ("December", "2017-12-01", "2017-12-31"),
        "B14": ("December", "2017-12-01", "2017-12-31"),  # the value after "however"
        "A8": ("late January", "2018-01-21", "2018-01-31"),
    }
    assert f.timeline == "change over time"
    assert "mid-November" in f.reason and "revised from" in f.reason
    assert f.articles == (B, A)
    assert findings[0] is f  # the strongest contradiction comes first
    # only one time contradiction about the congress: not a pile of pairs
    assert sum(1 for x in findings if x.relation == "contradiction" and x.slot == "time") == 1


def test_speech_time_is_not_the_event_time() -> None:
    f = find(run(seedlike()), "contradiction", "time", {"B2"})
    assert f is not None and "B12" not in f.claims  # "said Tuesday" dates the speech


def test_place_agreement_every_article_says_sochi() -> None:
    f = find(run(seedlike()), "agreement", "place", {"B9", "B14", "A8"})
    assert f is not None
    assert {v.text for v in f.values} == {"Sochi"}
    assert "B2" not in f.claims  # B2 names Russia only


def test_paraphrase_agreement_on_main_clause() -> None:
    f = find(run(seedlike()), "agreement", "statement", {"C9", "E8"})
    assert f is not None


@pytest.mark.parametrize(
    "pair",
    [("C10", "E7"), ("B7", "C2")],
    ids=["N1-two-ceasefires", "N2-two-meetings"],
)
def test_no_false_alarm(pair: tuple[str, str]) -> None:
    for f in run(seedlike()):
        if f.relation == "contradiction":
            assert not set(pair) <= set(f.claims), f


def _congress(
    cid: str,
    art: str,
    when: tuple[str, str | None, str | None],
    pub: str | None,
    name: str = "Ahmed Khan",
) -> Claim:
    text, first, last = when
    return make(
        cid,
        art,
        f"The Peace Congress will be held in the capital in {text}, {name} said.",
        f"The Peace Congress will be held in the capital in {text}",
        published=pub,
        speaker=name,
        speaker_name=name,
        cue="said",
        times=[(text, first, last)],
        events=[("Peace Congress", "congress")],
    )


@pytest.mark.parametrize(
    ("claims", "expected"),
    [
        (
            [
                _congress("x1", "a1", ("March", "2020-03-01", "2020-03-31"), "2020-02-01"),
                _congress(
                    "x2", "a2", ("May", "2020-05-01", "2020-05-31"), "2020-02-01", "Lena Ortiz"
                ),
            ],
            "conflict",
        ),
        (
            [
                _congress("x1", "a1", ("March", "2020-03-01", "2020-03-31"), "2020-02-01"),
                _congress(
                    "x2", "a2", ("May", "2020-05-01", "2020-05-31"), "2020-03-20", "Lena Ortiz"
                ),
            ],
            "change over time",
        ),
        (
            [
                _congress("x1", "a1", ("March", "2020-03-01", "2020-03-31"), "2020-02-01"),
                _congress("x2", "a2", ("May", None, None), None, "Lena Ortiz"),
            ],
            None,  # an unresolved time never contradicts a resolved one
        ),
        (
            [
                _congress("x1", "a1", ("March", "2020-03-01", "2020-03-31"), "2020-02-01"),
                _congress(
                    "x2", "a2", ("March 3", "2020-03-03", "2020-03-03"), "2020-02-02", "Lena Ortiz"
                ),
            ],
            None,  # overlapping intervals agree
        ),
    ],
    ids=["same-day-conflict", "moved-later", "unresolved", "overlap"],
)
def test_event_time_timeline(claims: list[Claim], expected: str | None) -> None:
    findings = run(claims)
    f = find(findings, "contradiction", "time", {"x1", "x2"})
    if expected is None:
        assert f is None
    else:
        assert f is not None and f.timeline == expected


def test_recurring_event_far_apart_is_not_compared() -> None:
    def talks(cid: str, art: str, text: str, first: str, last: str, pub: str, who: str) -> Claim:
        return make(
            cid,
            art,
            f"The Geneva talks resumed in {text}, {who} said.",
            f"The Geneva talks resumed in {text}",
            published=pub,
            speaker=who,
            speaker_name=who,
            cue="said",
            times=[(text, first, last)],
            events=[("Geneva talks", "talks")],
        )

    far = [
        talks("t1", "a1", "February", "2016-02-01", "2016-02-29", "2016-02-20", "Ann Lee"),
        talks("t2", "a2", "March", "2017-03-01", "2017-03-31", "2017-03-20", "Bob Ray"),
    ]
    near = [
        talks("t1", "a1", "February", "2016-02-01", "2016-02-29", "2016-02-20", "Ann Lee"),
        talks("t2", "a2", "March", "2016-03-01", "2016-03-31", "2016-02-21", "Bob Ray"),
    ]
    assert find(run(far), "contradiction", "time", {"t1", "t2"}) is None
    assert find(run(near), "contradiction", "time", {"t1", "t2"}) is not None


def _toll(
    cid: str, art: str, n: str, value: float, hedge: str, pub: str, place: str = "Aleppo"
) -> Claim:
    s = f"An air strike on a market in {place} killed {n} people, the monitor said."
    return make(
        cid,
        art,
        s,
        f"An air strike on a market in {place} killed {n} people",
        published=pub,
        speaker="the monitor",
        speaker_name=f"Monitor {cid}",
        speaker_type="organization",
        cue="said",
        quantities=[(n, value, "people", hedge)],
        places=[place],
    )


@pytest.mark.parametrize(
    ("a", "b", "clash"),
    [
        (("40", 40, ""), ("25", 25, ""), True),
        (("about 40", 40, "about"), ("38", 38, ""), False),
        (("more than 30", 30, "more than"), ("45", 45, ""), False),
        (("at least 50", 50, "at least"), ("20", 20, ""), True),
    ],
    ids=["plain", "about-tolerance", "more-than-open", "at-least-clash"],
)
def test_number_contradiction_with_hedges(
    a: tuple[str, float, str], b: tuple[str, float, str], clash: bool
) -> None:
    claims = [_toll("n1", "a1", *a, "2016-05-01"), _toll("n2", "a2", *b, "2016-05-01")]
    f = find(run(claims), "contradiction", "number", {"n1", "n2"})
    assert (f is not None) is clash
    if f is not None:
        assert f.timeline == "conflict"


def test_number_in_different_places_is_not_a_contradiction() -> None:
    claims = [
        _toll("n1", "a1", "40", 40, "", "2016-05-01", "Aleppo"),
        _toll("n2", "a2", "25", 25, "", "2016-05-01", "Idlib"),
    ]
    assert find(run(claims), "contradiction", "number", {"n1", "n2"}) is None


def test_polarity_contradiction() -> None:
    s1 = "Russian warplanes bombed the hospital in the northern town overnight, the group said."
    s2 = "Russian warplanes did not bomb the hospital in the northern town overnight, the ministry said."
    claims = [
        make(
            "p1",
            "a1",
            s1,
            s1.split(", the group")[0],
            speaker="the group",
            speaker_name="Rights Group",
            speaker_type="organization",
            cue="said",
            published="2016-01-01",
        ),
        make(
            "p2",
            "a2",
            s2,
            s2.split(", the ministry")[0],
            speaker="the ministry",
            speaker_name="Defense Ministry",
            speaker_type="organization",
            cue="said",
            negated=True,
            published="2016-01-01",
        ),
    ]
    f = find(run(claims), "contradiction", "polarity", {"p1", "p2"})
    assert f is not None


def test_quote_variant_same_speaker_other_words() -> None:
    s1 = '"We are going to remain engaged with the United Nations and with Russia on the political process," Roberto Palladino said.'
    s2 = '"We will remain engaged with the United Nations and with Russia on this political process," Roberto Palladino said.'
    q1 = s1.split('"')[1]
    q2 = s2.split('"')[1]
    claims = [
        make(
            "q1",
            "a1",
            s1,
            q1,
            speaker="Roberto Palladino",
            speaker_name="Roberto Palladino",
            cue="said",
            quote="direct",
            published="2018-12-19",
        ),
        make(
            "q2",
            "a2",
            s2,
            q2,
            speaker="Roberto Palladino",
            speaker_name="Roberto Palladino",
            cue="said",
            quote="direct",
            published="2018-12-19",
        ),
    ]
    findings = run(claims)
    f = find(findings, "quote_variant", "quote", {"q1", "q2"})
    assert f is not None and not f.independent


def test_copied_wire_text_is_not_independent() -> None:
    s = "The Syrian army has retaken the ancient city of Palmyra from the militants after weeks of heavy fighting."
    claims = [
        make(
            "w1",
            "a1",
            s,
            kind="narration",
            speaker_type="outlet",
            outlet="Outlet One",
            published="2016-03-27",
        ),
        make(
            "w2",
            "a2",
            s,
            kind="narration",
            speaker_type="outlet",
            outlet="Outlet Two",
            published="2016-03-27",
        ),
    ]
    f = find(run(claims), "agreement", "statement", {"w1", "w2"})
    assert f is not None and not f.independent and "copied" in f.reason


def test_findings_order_ids_and_determinism() -> None:
    claims = seedlike()
    first = run(claims)
    again = run(list(reversed(claims)))
    assert [dataclasses.asdict(f) for f in first] == [dataclasses.asdict(f) for f in again]
    assert len({f.id for f in first}) == len(first)
    order = {"contradiction": 0, "quote_variant": 1, "agreement": 2, "related": 3}
    keys = [(order[f.relation], -f.score, f.id) for f in first]
    assert keys == sorted(keys)


def _report(
    cid: str,
    art: str,
    sentence: str,
    pub: str,
    *,
    quantities=(),
    places=(),
    times=(),
    outlet: str = "",
) -> Claim:  # type: ignore[no-untyped-def]
    return make(
        cid,
        art,
        sentence,
        kind="narration",
        speaker_type="outlet",
        outlet=outlet or f"Outlet {art}",
        published=pub,
        quantities=quantities,
        places=places,
        times=times,
    )


@pytest.mark.parametrize(
    ("b_sentence", "b_pub", "b_quantity", "b_time", "clash"),
    [
        (
            "Government air strikes killed 25 civilians in the town of Saraqib on Monday, rescuers said.",
            "2016-05-03",
            ("25 civilians", 25.0, "civilian", ""),
            ("Monday", "2016-05-02", "2016-05-02"),
            True,
        ),
        (
            "Rescuers counted 25 civilians dead after government air strikes hit the town of Saraqib on Monday.",
            "2016-05-02",
            ("25 civilians", 25.0, "civilian", ""),
            ("Monday", "2016-05-02", "2016-05-02"),
            False,  # "after": the place belongs to another clause than the number
        ),
        (
            "Government air strikes killed 25 civilians in the town of Saraqib on Monday, rescuers said.",
            "2016-06-14",
            ("25 civilians", 25.0, "civilian", ""),
            ("Monday", "2016-06-13", "2016-06-13"),
            False,  # six weeks later: another attack
        ),
        (
            "Government air strikes killed dozens of civilians in the town of Saraqib on Monday, rescuers said.",
            "2016-05-02",
            ("dozens of civilians", 24.0, "civilian", "dozens"),
            ("Monday", "2016-05-02", "2016-05-02"),
            False,  # a vague amount is never an exact number
        ),
        (
            "Government air strikes displaced 25 civilians in the town of Saraqib on Monday, rescuers said.",
            "2016-05-02",
            ("25 civilians", 25.0, "civilian", ""),
            ("Monday", "2016-05-02", "2016-05-02"),
            False,  # displaced is not killed: the numbers count different things
        ),
        (
            "Government air strikes killed and injured 25 civilians in the town of Saraqib on Monday, rescuers said.",
            "2016-05-02",
            ("25 civilians", 25.0, "civilian", ""),
            ("Monday", "2016-05-02", "2016-05-02"),
            False,  # the dead and the wounded together: not a count of the dead
        ),
        (
            "Government air strikes killed people and caused 25 civilian casualties in the town of Saraqib on Monday, rescuers said.",
            "2016-05-02",
            ("25 civilian", 25.0, "civilian", ""),
            ("Monday", "2016-05-02", "2016-05-02"),
            False,  # casualties count the wounded too
        ),
        (
            "Government air strikes killed 25 civilians and left dozens wounded in the town of Saraqib on Monday, rescuers said.",
            "2016-05-02",
            ("25 civilians", 25.0, "civilian", ""),
            ("Monday", "2016-05-02", "2016-05-02"),
            True,  # 25 dead (the wounded are counted apart)
        ),
    ],
    ids=[
        "incident-worded-differently",
        "place-in-another-clause",
        "weeks-apart",
        "vague",
        "other-verb",
        "dead-and-wounded-together",
        "casualties",
        "killed-then-wounded-separately",
    ],
)
def test_incident_number_contradiction(
    b_sentence: str,
    b_pub: str,
    b_quantity: tuple[str, float, str, str],
    b_time: tuple[str, str, str],
    clash: bool,
) -> None:
    a = _report(
        "i1",
        "a1",
        "At least 12 civilians were killed when regime jets struck the town of Saraqib on Monday, a monitor said.",
        "2016-05-02",
        quantities=[("At least 12 civilians", 12.0, "civilian", "")],
        places=["Saraqib"],
        times=[("Monday", "2016-05-02", "2016-05-02")],
    )
    b = _report(
        "i2", "a2", b_sentence, b_pub, quantities=[b_quantity], places=["Saraqib"], times=[b_time]
    )
    f = find(run([a, b]), "contradiction", "number", {"i1", "i2"})
    assert (f is not None) is clash


@pytest.mark.parametrize(
    ("ta", "tb", "pubs", "clash"),
    [
        (
            ("Thursday", "2016-06-30", "2016-06-30", "header"),
            ("Thursday", "2016-07-07", "2016-07-07", "header"),
            ("2016-07-01", "2016-07-08"),
            False,
        ),
        (
            ("last Thursday", "2016-06-30", "2016-06-30", "header"),
            ("on Thursday", "2016-07-07", "2016-07-07", "header"),
            ("2016-07-06", "2016-07-08"),
            False,
        ),
        (
            ("June 30, 2016", "2016-06-30", "2016-06-30", "absolute"),
            ("July 7, 2016", "2016-07-07", "2016-07-07", "absolute"),
            ("2016-07-06", "2016-07-08"),
            True,
        ),
    ],
    ids=["same-words-two-anchors", "relative-two-anchors", "absolute-dates"],
)
def test_statement_time_needs_comparable_anchors(
    ta: tuple[str, str, str, str], tb: tuple[str, str, str, str], pubs: tuple[str, str], clash: bool
) -> None:
    def claim(cid: str, art: str, t: tuple[str, str, str, str], pub: str) -> Claim:
        s = f"Government forces severed the Castello Road route {t[0]} when they seized a hilltop within firing range."
        c = make(
            cid,
            art,
            s,
            kind="narration",
            speaker_type="outlet",
            outlet=f"O{art}",
            published=pub,
            times=[t[:3]],
        )
        span = dataclasses.replace(c.times[0], resolved_by=t[3], grain="day")
        return dataclasses.replace(c, times=(span,))

    claims = [claim("s1", "a1", ta, pubs[0]), claim("s2", "a2", tb, pubs[1])]
    f = find(run(claims), "contradiction", "time", {"s1", "s2"})
    assert (f is not None) is clash


def test_negation_elsewhere_in_the_sentence_is_no_polarity_flip() -> None:
    s1 = "The advances against the militants in Deir Ezzor have cost a heavy civilian death toll from air raids."
    s2 = "He has no links with the group. The advances against the militants in Deir Ezzor have cost a heavy civilian death toll from air raids."
    claims = [
        make(
            "n1",
            "a1",
            s1,
            kind="narration",
            speaker_type="outlet",
            outlet="One",
            published="2017-10-05",
        ),
        make(
            "n2",
            "a2",
            s2,
            kind="narration",
            speaker_type="outlet",
            outlet="Two",
            published="2017-10-05",
            negated=True,
        ),
    ]
    findings = run(claims)
    assert find(findings, "contradiction", "polarity", {"n1", "n2"}) is None
    assert find(findings, "agreement", "statement", {"n1", "n2"}) is not None


def test_a_content_that_is_only_a_name_agrees_with_nothing() -> None:
    claims = [
        make(
            "o1",
            "a1",
            "Five civilians were killed in the village, said the Syrian Observatory for Human Rights.",
            "the Syrian Observatory for Human Rights",
            speaker="Five civilians",
            speaker_type="organization",
            cue="said",
        ),
        make(
            "o2",
            "a2",
            "A bridge was destroyed near the border, said the Syrian Observatory for Human Rights.",
            "the Syrian Observatory for Human Rights",
            speaker="A bridge",
            speaker_type="organization",
            cue="said",
        ),
    ]
    assert find(run(claims), "agreement", "statement", {"o1", "o2"}) is None


@pytest.mark.parametrize(
    ("b_figure", "b_value", "agree"),
    [
        ("more than 300000", 300000.0, True),
        ("more than 320000", 320000.0, True),
        ("more than 210000", 210000.0, False),
    ],
    ids=["same-figure", "within-tolerance", "other-figure"],
)
def test_agreement_needs_the_same_figure(b_figure: str, b_value: float, agree: bool) -> None:
    def toll(cid: str, art: str, figure: str, value: float) -> Claim:
        s = f"{figure} people have been killed in the country since the conflict began with anti-government protests in March 2011."
        return make(
            cid,
            art,
            s,
            kind="narration",
            speaker_type="outlet",
            outlet=f"O{art}",
            published="2016-01-01",
            quantities=[(f"{figure} people", value, "people", "more than")],
        )

    claims = [toll("t1", "a1", "more than 300000", 300000.0), toll("t2", "a2", b_figure, b_value)]
    assert (find(run(claims), "agreement", "statement", {"t1", "t2"}) is not None) is agree


def test_facts_from_group_are_only_a_cache() -> None:
    """match and judge give the same whether they read each claim's content words,
    main clause words, incident keys and negations from ``group`` or compute them."""
    denial = (
        "Warplanes did not bomb the market in Aleppo, which the monitor denied, the ministry said."
    )
    claims = [
        *seedlike(),
        _toll("n1", "a1", "40", 40, "", "2016-05-01"),
        _toll("n2", "a2", "25", 25, "", "2016-05-01"),
        make(
            "d1",
            "a3",
            denial,
            denial.split(", the ministry")[0],
            speaker="the ministry",
            speaker_name="Defense Ministry",
            speaker_type="organization",
            cue="said",
            negated=True,
            published="2016-05-01",
        ),
    ]
    groups = group.group(claims)
    assert groups.words_of and groups.main_words_of and groups.negations_of
    bare = dataclasses.replace(
        groups, words_of={}, main_words_of={}, incidents_of={}, negations_of={}
    )
    candidates, compared = match.match(claims, groups, jobs=1)
    assert candidates
    assert match.match(claims, bare, jobs=1) == (candidates, compared)
    assert judge.judge(claims, bare, candidates) == judge.judge(claims, groups, candidates)


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        ([(1, 3)], "a  def"),
        ([(-2, 1), (5, 9)], " bcde "),
        ([(6, 9), (-3, 0), (4, 2)], "abcdef"),
        ([], "abcdef"),
    ],
    ids=["inside", "clamped-at-both-ends", "outside-or-empty", "none"],
)
def test_blank_replaces_spans_with_spaces(spans: list[tuple[int, int]], expected: str) -> None:
    assert judge._blank("abcdef", spans) == expected


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Petrov met Haddad on Monday in Geneva", {"haddad", "geneva"}),
        ("  Petrov met Haddad", {"haddad"}),
        ('"Petrov met Haddad"', {"haddad"}),  # an opening quote does not hide the first word
        ('"Three children died in Idlib"', {"idlib"}),
        ("The Observatory said Minister Haddad's plan failed", {"observatory", "haddad"}),
        ("Haddad met Haddad", {"haddad"}),
    ],
    ids=[
        "first-word-and-day-left-out",
        "leading-space",
        "quote-first",
        "quoted-number-word-first",
        "role-and-possessive",
        "first-word-again",
    ],
)
def test_name_set(text: str, names: set[str]) -> None:
    assert judge._name_set(text) == names
