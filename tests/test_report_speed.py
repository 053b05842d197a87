"""The report writer's shortcuts against the code they replace: the claim objects cut to
the keys findings.md and report.html's cards read (``_md_claim``, ``_card_claim``), the
f-string claim lines and slot items (against the JSON encoder and the ``%`` templates
they replaced), and the publication dates' memo."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, ClassVar

import pytest
import report_fixtures as fx

from crosscheck import html, report
from crosscheck.records import EventMention, Place, Quantity, TimeSpan

EX, XREF = fx.build()
HOSTILE_EX, HOSTILE_XREF = fx.hostile()


def _cases() -> list[Any]:
    """The fixtures' claims and odd ones: no date, a datetime or a text for a date,
    missing offsets, filled slots."""
    first = sorted(EX.claims, key=report.claim_sort_key)[0]
    replace = dataclasses.replace
    return [
        *sorted(EX.claims, key=report.claim_sort_key),
        *HOSTILE_EX.claims,
        replace(first, claim_id="S1", published=None, speaker_start=None, speaker_end=None),
        replace(first, claim_id="S2", published=dt.datetime(2017, 11, 3, 10, 30), cue_start=4),
        replace(first, claim_id="S3", published="2017", cue_start=2, cue_end=None),
        replace(
            first,
            claim_id="S4",
            times=(TimeSpan("late January", 5, 17, None, None, "month", "late"),),
            quantities=(Quantity("about 40", 1, 9, 40.0, "", "about"),),
            places=(Place("in Sochi", 2, 10, "Sochi"),),
            events=(EventMention("the congress", 3, 15, "congress", "congress", False),),
        ),
    ]


CASES = _cases()


MD_KEYS = ("article_id", "content", "outlet", "published", "speaker", "speaker_name")
CARD_KEYS = (
    "claim_id", "outlet", "kind", "speaker", "speaker_name", "speaker_role", "speaker_start",
    "speaker_end", "cue", "content", "content_start", "content_end", "sentence",
    "sentence_start", "times", "quantities", "places", "cue_start", "cue_end",
)  # fmt: skip


@pytest.mark.parametrize(
    ("part", "keys"),
    [(report._md_claim, MD_KEYS), (report._card_claim, CARD_KEYS)],
    ids=["findings.md", "report.html cards"],
)
def test_claim_parts_are_the_json_objects_items(part: Any, keys: tuple[str, ...]) -> None:
    for claim in CASES:
        full = report._claim_json(claim, XREF)
        made = part(claim)
        assert set(made) == set(keys)
        assert made == {k: full[k] for k in keys}, claim.claim_id
        assert [type(made[k]) for k in keys] == [type(full[k]) for k in keys]


class _Reads(dict[str, Any]):
    """A claim object that records the keys read from it."""

    read: ClassVar[set[str]] = set()

    def get(self, key: str, default: Any = None) -> Any:
        _Reads.read.add(key)
        return super().get(key, default)

    def __getitem__(self, key: str) -> Any:
        _Reads.read.add(key)
        return super().__getitem__(key)


def _recording(rep: dict[str, Any], anonymous: bool) -> dict[str, _Reads]:
    """The claims' objects as ``_Reads``; ``anonymous``: without speakers, as narration
    (so that the readers fall back to the outlet)."""
    blank = {"speaker": "", "speaker_name": "", "kind": "narration"} if anonymous else {}
    return {str(c["claim_id"]): _Reads(c, **blank) for c in rep["claims"]}


@pytest.mark.parametrize("which", ["fixtures", "hostile"], ids=["fixtures", "hostile"])
def test_findings_markdown_reads_only_the_md_keys(which: str) -> None:
    ex, xref = (EX, XREF) if which == "fixtures" else (HOSTILE_EX, HOSTILE_XREF)
    rep = report.build_report(ex, xref)
    _Reads.read = set()
    for anonymous in (False, True):
        claims = _recording(rep, anonymous)
        for f in rep["findings"]:
            report._finding_markdown(f, claims)
    assert rep["findings"] and "outlet" in _Reads.read
    assert _Reads.read <= set(MD_KEYS)


@pytest.mark.parametrize("which", ["fixtures", "hostile"], ids=["fixtures", "hostile"])
def test_finding_cards_and_timelines_read_only_the_card_keys(which: str) -> None:
    ex, xref = (EX, XREF) if which == "fixtures" else (HOSTILE_EX, HOSTILE_XREF)
    rep = report.build_report(ex, xref)
    _Reads.read = set()
    for anonymous in (False, True):  # (without articles: the outlet comes from the claim)
        claims = _recording(rep, anonymous)
        articles = {} if anonymous else {str(a["id"]): a for a in rep["articles"]}
        for f in rep["findings"]:
            html._finding_card(f, claims, articles, set(claims))
        html._timelines(rep["findings"], claims, articles, set())
    assert rep["findings"] and {"outlet", "kind", "cue_start", "times"} <= _Reads.read
    assert _Reads.read <= set(CARD_KEYS)


@pytest.mark.parametrize("which", ["fixtures", "hostile"], ids=["fixtures", "hostile"])
@pytest.mark.parametrize("batch", [1, 1000], ids=["1", "all-at-once"])
def test_pages_from_claim_parts_are_the_pages_from_whole_objects(which: str, batch: int) -> None:
    """findings.md and report.html made from a ``ClaimRows`` (the cut objects) and from
    the claims as a plain list (whole objects, the general path): the same text."""
    ex, xref = (EX, XREF) if which == "fixtures" else (HOSTILE_EX, HOSTILE_XREF)
    rep = report.build_report(ex, xref)
    assert type(rep["claims"]) is report.ClaimRows
    whole = dict(rep, claims=list(rep["claims"]))
    assert "".join(report.findings_markdown_pieces(rep, batch)) == "".join(
        report.findings_markdown_pieces(whole, batch)
    )
    texts = report.article_texts(ex)
    assert html.render_html(rep, texts) == html.render_html(whole, texts)


def test_claim_parts_keep_other_sources_as_they_are() -> None:
    rep = report.build_report(EX, XREF)
    listed = list(rep["claims"])
    assert report.claim_parts(listed, report._md_claim) is listed
    parts = report.claim_parts(rep["claims"], report._md_claim)
    assert isinstance(parts, report.ClaimParts)
    ids = [c.claim_id for c in EX.claims][::-1]
    assert list(report.claims_by_id(parts, ids)) == list(report.claims_by_id(rep["claims"], ids))


# --------------------------------------------------------------------------- lines


def _template_item(x: Any) -> str | None:
    """A slot item written into its ``%`` template (the writers before the f-strings)."""
    enc = report._ENCODE_STR
    assert enc is not None
    if type(x) is TimeSpan:
        first = '""' if x.first is None else enc(x.first.isoformat())
        last = '""' if x.last is None else enc(x.last.isoformat())
        values: tuple[Any, ...] = (
            x.end, first, enc(x.grain), last, enc(x.modifier), enc(x.resolved_by), x.start,
            enc(x.text),
        )  # fmt: skip
        return report._TIME_TEMPLATE % values
    if type(x) is Quantity:
        number = repr(x.value)
        return report._QUANTITY_TEMPLATE % (
            x.end, enc(x.hedge), x.start, enc(x.text), enc(x.unit), number,
        )  # fmt: skip
    if type(x) is Place:
        return report._PLACE_TEMPLATE % (x.end, enc(x.name), x.start, enc(x.text))
    if type(x) is EventMention:
        named = "true" if x.named else "false"
        return report._EVENT_TEMPLATE % (
            x.end, enc(x.head), enc(x.key), named, x.start, enc(x.text),
        )  # fmt: skip
    return None


def test_lines_equal_the_encoder_and_the_templates_on_random_claims() -> None:
    """``_claim_json_text`` (the f-string line) against the JSON encoder over the whole
    object, and each slot item against its ``%`` template, with random dates, offsets,
    flags, texts, slots and canonical speaker/events."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    first = sorted(EX.claims, key=report.claim_sort_key)[0]
    text = st.text(alphabet=st.sampled_from(list('ab "\\\n\x00%{}é\u201c\U0001f600')), max_size=6)
    offset = st.integers(min_value=-3, max_value=10**7)
    opt = st.one_of(st.none(), offset)
    date = st.one_of(st.none(), st.dates())
    times = st.builds(TimeSpan, text, offset, offset, date, date, text, text, text)
    quantities = st.builds(
        Quantity, text, offset, offset,
        st.one_of(st.floats(allow_nan=False, allow_infinity=False), st.integers()), text, text,
    )  # fmt: skip
    places = st.builds(Place, text, offset, offset, text)
    events = st.builds(EventMention, text, offset, offset, text, text, st.booleans())

    @settings(max_examples=300, deadline=None)
    @given(
        date, opt, opt, opt, st.booleans(), text, text,
        st.lists(times, max_size=2), st.lists(quantities, max_size=2),
        st.lists(places, max_size=2), st.lists(events, max_size=2),
        st.lists(text, max_size=3),
    )  # fmt: skip
    def check(
        published: dt.date | None, cue_start: int | None, cue_end: int | None,
        speaker_start: int | None, resolved: bool, content: str, speaker: str,
        ts: list[Any], qs: list[Any], ps: list[Any], es: list[Any], canonical: list[str],
    ) -> None:  # fmt: skip
        claim = dataclasses.replace(
            first,
            published=published,
            cue_start=cue_start,
            cue_end=cue_end,
            speaker_start=speaker_start,
            resolved=resolved,
            content=content,
            speaker=speaker,
            times=tuple(ts),
            quantities=tuple(qs),
            places=tuple(ps),
            events=tuple(es),
        )
        xref = dataclasses.replace(
            XREF,
            speaker_of={first.claim_id: speaker},
            events_of={first.claim_id: tuple(canonical)} if canonical else {},
        )
        assert report._claim_line(claim, xref.speaker_of, xref.events_of) is not None
        assert report._claim_json_text(claim, xref) == report._compact(
            report._claim_json(claim, xref)
        )
        for item in (*ts, *qs, *ps, *es):
            assert report._slot_text([item]) == "[" + str(_template_item(item)) + "]"

    check()


def test_published_memo_is_bounded_and_gives_the_encoded_date() -> None:
    report._published_json.cache_clear()
    first = sorted(EX.claims, key=report.claim_sort_key)[0]
    days = [dt.date(2017, 1, 1) + dt.timedelta(days=n) for n in range(6)]
    for day in [*days, *days]:
        claim = dataclasses.replace(first, published=day)
        assert report._claim_json_text(claim, XREF) == report._compact(
            report._claim_json(claim, XREF)
        )
        assert f'"published": "{day.isoformat()}"' in report._claim_json_text(claim, XREF)
    info = report._published_json.cache_info()
    assert info.maxsize == 65_536  # bounded
    assert info.currsize == 6  # one entry per distinct date


def test_first_distinct_is_the_slice_of_every_distinct_id() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    ids = st.lists(st.sampled_from("abcdefg"), max_size=12)

    @settings(max_examples=400, deadline=None)
    @given(ids, ids, st.integers(min_value=-4, max_value=10))
    def check(head: list[str], tail: list[str], n: int) -> None:
        expected = list(dict.fromkeys(head + tail))[:n]
        assert report._first_distinct(head, tail, n) == expected

    check()


@pytest.mark.parametrize("max_claims", [None, -1, 0, 1, 3, 10**6], ids=str)
def test_page_plan_is_the_page_claims_plan(max_claims: int | None) -> None:
    rep = report.build_report(EX, XREF)
    whole = list(rep["claims"])
    assert report.page_plan(rep["claims"], rep["findings"], max_claims) == report.page_plan(
        whole, rep["findings"], max_claims
    )
    shown, keep, n = report.page_plan(whole, rep["findings"], max_claims)
    ids = [str(c["claim_id"]) for c in whole]
    named = [c for f in rep["findings"] for c in f["claims"] if c in set(ids)]
    if max_claims is not None and len(ids) > max_claims:
        assert keep == set(list(dict.fromkeys(named + ids))[:max_claims])
    else:
        assert keep == set(ids)
    assert [c["claim_id"] for c in shown] == [i for i in ids if i in keep] and n == len(ids)
