"""The self-contained HTML report page (parsed with the standard library, no browser)."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

import pytest
import report_fixtures as fx

from crosscheck import html, report

EX, XREF = fx.build()
REPORT = report.build_report(EX, XREF)
TEXTS = report.article_texts(EX)
PAGE = html.render_html(REPORT, TEXTS)

VOID = {"meta", "br", "input", "link", "img", "hr", "wbr", "col", "area", "base", "source"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)
    parent: Node | None = None

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self) -> list[Node]:
        out = [self]
        for c in self.children:
            if isinstance(c, Node):
                out += c.iter()
        return out

    def find_all(self, tag: str | None = None, **attrs: str) -> list[Node]:
        hits = []
        for n in self.iter():
            if tag is not None and n.tag != tag:
                continue
            ok = True
            for k, v in attrs.items():
                k = k.rstrip("_")
                have = n.attrs.get(k)
                if have is None or (v not in have.split() if k == "class" else have != v):
                    ok = False
            if ok:
                hits.append(n)
        return hits

    def by_id(self, ident: str) -> Node:
        found = [n for n in self.iter() if n.attrs.get("id") == ident]
        assert len(found) == 1, (ident, len(found))
        return found[0]


class Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.cur = self.root
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, parent=self.cur)
        if "id" in node.attrs:
            self.ids.append(node.attrs["id"])
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_endtag(self, tag: str) -> None:
        node = self.cur
        while node is not self.root and node.tag != tag:
            node = node.parent  # type: ignore[assignment]
        assert node is not self.root, f"unbalanced </{tag}>"
        assert node is self.cur, f"</{tag}> closes {self.cur.tag} early: markup does not nest"
        self.cur = node.parent  # type: ignore[assignment]

    def handle_data(self, data: str) -> None:
        self.cur.children.append(data)


def parse(page: str) -> Builder:
    b = Builder()
    b.feed(page)
    b.close()
    assert b.cur is b.root, "unclosed elements"
    return b


DOC = parse(PAGE)


# --------------------------------------------------------------------------- self-contained


def _attribute_values(b: Builder) -> list[tuple[str, str, str]]:
    return [(n.tag, k, v) for n in b.root.iter() for k, v in n.attrs.items()]


@pytest.mark.parametrize(
    "page",
    [
        PAGE,
        html.render_html(report.build_report(*fx.hostile()), report.article_texts(fx.hostile()[0])),
    ],
    ids=["seeds-like", "hostile"],
)
def test_no_network_assets(page: str) -> None:
    b = parse(page)
    for tag, key, value in _attribute_values(b):
        if key in ("href", "src", "action", "srcset", "poster", "data", "formaction"):
            assert value.startswith("#"), (tag, key, value)
        assert "://" not in value or key in ("title", "data-claims"), (tag, key, value)
    assert not b.root.find_all("link")
    assert not b.root.find_all("img")
    assert not b.root.find_all("iframe")
    scripts = b.root.find_all("script")
    assert len(scripts) == 1 and "src" not in scripts[0].attrs
    css = "".join(n.text() for n in b.root.find_all("style"))
    assert "url(" not in css and "@import" not in css


def test_page_has_no_url_at_all() -> None:
    assert "http:" not in PAGE and "https:" not in PAGE and "//" not in PAGE.replace("://", "")


def test_content_security_policy_allows_only_the_inline_script() -> None:
    meta = [
        m
        for m in DOC.root.find_all("meta")
        if m.attrs.get("http-equiv") == "Content-Security-Policy"
    ]
    assert len(meta) == 1
    policy = meta[0].attrs["content"]
    assert "default-src 'none'" in policy
    script = DOC.root.find_all("script")[0].text()
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    assert f"'sha256-{digest}'" in policy


def test_hostile_strings_are_escaped() -> None:
    ex, xref = fx.hostile()
    page = html.render_html(report.build_report(ex, xref), report.article_texts(ex))
    b = parse(page)
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert not [n for n in b.root.find_all("b") if "bold" in n.text()]
    assert not b.root.find_all("i")
    assert len(b.root.find_all("script")) == 1
    # the nasty article id became a safe anchor
    for ident in b.ids:
        assert re.fullmatch(r"[A-Za-z][A-Za-z0-9._-]*", ident), ident
    assert len(set(b.ids)) == len(b.ids)
    # and its text is still shown, escaped
    assert "../../etc/x &lt;b&gt;" in page


# --------------------------------------------------------------------------- content


def test_sections_and_navigation() -> None:
    for ident in (
        "summary",
        "contradictions",
        "timelines",
        "agreements",
        "claims",
        "articles",
        "manifest",
    ):
        DOC.root.by_id(ident)
    nav = [a.attrs["href"] for a in DOC.root.find_all("nav")[0].find_all("a")]
    assert "#contradictions" in nav and "#timelines" in nav and "#claims" in nav


def test_summary_counts() -> None:
    stats = {
        n.find_all("span")[0].text(): n.find_all("b")[0].text()
        for n in DOC.root.find_all("div", class_="stat")
    }
    assert stats["articles"] == "4"
    assert stats["claims"] == "7"
    assert stats["contradictions"] == "1"
    assert stats["agreements"] == "2"
    assert stats["inputs skipped"] == "1"


def test_contradiction_shows_claims_side_by_side_with_highlights() -> None:
    card = DOC.root.by_id("finding-F-time-congress")
    assert "contradiction" in card.attrs["class"].split()
    sides = card.find_all("div", class_="side")
    assert len(sides) == 4
    texts = [s.text() for s in sides]
    assert (
        "2017-11-14" in texts[0]
        and "“mid-November”" in texts[0]
        and "2017-11-11 – 2017-11-20" in texts[0]
    )
    assert "Gennadiy Gatilov" in texts[1] and "informed" in texts[1]
    assert (
        "2018-12-19" in texts[3]
        and "“late January”" in texts[3]
        and "2018-01-21 – 2018-01-31" in texts[3]
    )
    b9 = sides[1]
    marks = {
        c: [m.text() for m in b9.find_all("mark", class_=c)]
        for c in ("sp", "cue", "tm", "ct", "pl")
    }
    assert marks["sp"] == ["He"]
    assert marks["cue"] == ["informed"]
    assert marks["tm"] == ["December"]
    assert marks["pl"] == ["Sochi"]
    assert "".join(marks["ct"]) == next(c.content for c in EX.claims if c.claim_id == "B9")
    # the sentence is shown whole, in order
    quote = b9.find_all("blockquote")[0].text()
    assert quote == next(c.sentence for c in EX.claims if c.claim_id == "B9")
    assert "change over time" in card.text()


def test_timeline_ordered_by_publication_date() -> None:
    tl = DOC.root.by_id(html.anchor("timeline", fx.CONGRESS))
    rows = tl.find_all("tbody")[0].find_all("tr")
    cells = [[td.text() for td in r.find_all("td")] for r in rows]
    assert [c[0] for c in cells] == ["2017-11-14", "2017-11-14", "2017-11-14", "2018-12-19"]
    assert [c[2] for c in cells] == ["“mid-November”", "“December”", "“December”", "“late January”"]
    assert [c[3] for c in cells] == [
        "2017-11-11 – 2017-11-20",
        "2017-12-01 – 2017-12-31",
        "2017-12-01 – 2017-12-31",
        "2018-01-21 – 2018-01-31",
    ]
    bars = [r.find_all("span", class_="bar") for r in rows]
    assert all(len(b) == 1 for b in bars)
    lefts = [float(re.search(r"left:([\d.]+)%", b[0].attrs["style"]).group(1)) for b in bars]  # type: ignore[union-attr]
    assert lefts[0] < lefts[1] == lefts[2] < lefts[3]
    assert "change over time" in tl.text()


def test_claims_table_lists_every_claim_with_a_link() -> None:
    table = DOC.root.by_id("claims-table")
    assert {"sortable", "filterable"} <= set(table.attrs["class"].split())
    rows = table.find_all("tbody")[0].find_all("tr")
    assert len(rows) == 7
    links = [r.find_all("a")[0].attrs["href"] for r in rows]
    assert links == [f"#{html.anchor('claim', c['claim_id'])}" for c in REPORT["claims"]]
    a8 = next(r for r in rows if r.find_all("a")[0].text() == "A8")
    assert "late January = 2018-01-21 – 2018-01-31" in a8.text()


def test_article_texts_highlight_every_claim_span() -> None:
    for c in EX.claims:
        anchor = DOC.root.by_id(html.anchor("claim", c.claim_id))
        assert anchor.tag == "mark"
        details = anchor.parent
        while details is not None and details.tag != "details":
            details = details.parent
        assert details is not None and details.attrs["id"] == html.anchor("article", c.article_id)
        key = html.anchor("c", c.claim_id)
        spans = [
            m.text()
            for m in details.find_all("mark")
            if key in m.attrs.get("data-claims", "").split()
        ]
        assert "".join(spans) == c.content
    # the article text is complete and in order
    text_div = DOC.root.by_id(html.anchor("article", "001_bd1163be5567cad4")).find_all(
        "div", class_="text"
    )[0]
    assert text_div.text() == fx.TEXT_001


def test_overlapping_spans_nest_correctly() -> None:
    out = html.marked(
        "abcdefgh", 10, [(11, 15, "claim", "X"), (13, 18, "claim", "Y")], anchors=True
    )
    b = parse(f"<div>{out}</div>")
    marks = b.root.find_all("mark")
    assert [m.text() for m in marks] == ["bc", "de", "fgh"]
    assert "".join(m.text() for m in marks if "c-X" in m.attrs["data-claims"].split()) == "bcde"
    assert "".join(m.text() for m in marks if "c-Y" in m.attrs["data-claims"].split()) == "defgh"
    assert b.root.text() == "abcdefgh"
    assert {m.attrs.get("id") for m in marks} >= {"claim-X", "claim-Y"}
    assert any("multi" in m.attrs["class"].split() for m in marks)


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        ([], "a&lt;b&amp;cdefgh"),
        (
            [(11, 15, "ct", ""), (13, 18, "tm", ""), (12, 13, "sp", "")],
            'a<mark class="ct">&lt;</mark><mark class="ct sp">b</mark>'
            '<mark class="ct tm">&amp;c</mark><mark class="tm">def</mark>gh',
        ),
        (
            [(5, 12, "pl", ""), (17, 30, "qt", "")],
            '<mark class="pl">a&lt;</mark>b&amp;cde<mark class="qt">fgh</mark>',
        ),
    ],
    ids=["none", "overlapping", "clipped"],
)
def test_spans_without_claims_are_marked_by_class(spans: list[html.Span], expected: str) -> None:
    # a sentence's spans (no claim ids): each run wrapped once with the classes over it
    assert html.marked("a<b&cdefgh", 10, spans) == expected
    assert html.marked("a<b&cdefgh", 10, spans, anchors=True) == expected


def test_spans_starting_together_get_both_anchors() -> None:
    out = html.marked("abcdef", 0, [(1, 3, "claim", "A"), (1, 5, "claim", "B")], anchors=True)
    b = parse(f"<div>{out}</div>")
    assert {"claim-A", "claim-B"} <= set(b.ids)


def test_without_texts_the_claim_sentences_stand_in() -> None:
    page = html.render_html(REPORT)
    b = parse(page)
    for c in EX.claims:
        b.root.by_id(html.anchor("claim", c.claim_id))
    assert "Article text not included" in page


def test_claims_beyond_the_cap_are_counted_not_shown() -> None:
    page = html.render_html(REPORT, TEXTS, max_claims=5)
    b = parse(page)
    rows = b.root.by_id("claims-table").find_all("tbody")[0].find_all("tr")
    shown = [r.find_all("a")[0].text() for r in rows]
    # the claims of the contradiction, then of the first agreement, fill the cap
    assert shown == ["A8", "B2", "B9", "B14", "C9"]
    assert "Showing 5 of 7 claims" in page
    for cid in ("A2", "E8"):
        assert html.anchor("claim", cid) not in b.ids
        assert f'href="#{html.anchor("claim", cid)}"' not in page  # no dead links


def test_manifest_lists_skipped_inputs() -> None:
    table = DOC.root.by_id("manifest-table")
    assert "seeds/broken.bin" in table.text() and "binary file" in table.text()


def test_empty_report_renders() -> None:
    empty = {
        "schema": report.REPORT_SCHEMA,
        "claims": [],
        "findings": [],
        "articles": [],
        "manifest": [],
    }
    page = html.render_html(empty)
    parse(page)
    assert "No contradictions found." in page


def test_render_is_deterministic() -> None:
    assert html.render_html(REPORT, TEXTS) == PAGE
    ex2, x2 = fx.shuffled(EX, XREF)
    assert html.render_html(report.build_report(ex2, x2), report.article_texts(ex2)) == PAGE


def test_listing_page_is_a_sortable_filterable_table() -> None:
    rows = report.rows("findings", EX, XREF)
    page = report.render("findings", rows, "html")
    b = parse(page)
    table = b.root.by_id("findings-table")
    assert {"sortable", "filterable"} <= set(table.attrs["class"].split())
    assert len(table.find_all("tbody")[0].find_all("tr")) == 3
    heads = [th.text() for th in table.find_all("th")]
    assert heads == list(report.COLUMNS["findings"])


def _timing_finding(fid: str, event: str, day: int) -> dict[str, object]:
    return {
        "finding_id": fid,
        "relation": "contradiction",
        "slot": "time",
        "event": event,
        "timeline": "conflict",
        "claims": ["B2", "A8"],
        "articles": ["001_bd1163be5567cad4", "000_c210cf22f67a8342"],
        "values": [
            {
                "claim_id": "B2",
                "article_id": "001_bd1163be5567cad4",
                "published": "2017-11-14",
                "text": f"day {day}",
                "start": f"2017-11-{day:02d}",
                "end": f"2017-11-{day:02d}",
                "speaker": "",
            },
            {
                "claim_id": "A8",
                "article_id": "000_c210cf22f67a8342",
                "published": "2018-12-19",
                "text": "late January",
                "start": "2018-01-21",
                "end": "2018-01-31",
                "speaker": "",
            },
        ],
        "score": 50.0,
        "independent": True,
        "reason": "",
    }


def test_timing_findings_without_an_event_are_not_merged() -> None:
    data = dict(REPORT)
    data["findings"] = [_timing_finding("T1", "", 3), _timing_finding("T2", "", 5)]
    b = parse(html.render_html(data, TEXTS))
    t1, t2 = (
        b.root.by_id(html.anchor("timeline", "T1")),
        b.root.by_id(html.anchor("timeline", "T2")),
    )
    assert "day 3" in t1.text() and "day 5" not in t1.text()
    assert "day 5" in t2.text() and "day 3" not in t2.text()


def test_timelines_are_capped() -> None:
    data = dict(REPORT)
    data["findings"] = [
        _timing_finding(f"T{i:02d}", f"Event {i:02d}", 1 + i % 28)
        for i in range(html.MAX_TIMELINES + 3)
    ]
    page = html.render_html(data, TEXTS)
    b = parse(page)
    shown = [i for i in b.ids if i.startswith("timeline-")]
    assert len(shown) == html.MAX_TIMELINES
    assert f"Showing {html.MAX_TIMELINES} of {html.MAX_TIMELINES + 3} timelines" in page
    # every finding still has its card
    assert all(html.anchor("finding", f"T{i:02d}") in b.ids for i in range(html.MAX_TIMELINES + 3))


# --------------------------------------------------------------------------- fast paths
# (each against the code it replaced, kept here as the reference)


def _slow_e(value: object) -> str:
    from html import escape

    return escape("" if value is None else str(value), quote=True)


def _slow_marked(text: str, offset: int, spans: list[html.Span]) -> str:
    """``marked`` without anchors as first written (one loop for every kind of span)."""
    import itertools
    from html import escape

    n = len(text)
    clipped = []
    for s, t, cls, cid in spans:
        s2, t2 = max(s - offset, 0), min(t - offset, n)
        if t2 > s2:
            clipped.append((s2, t2, cls, cid))
    if not clipped:
        return escape(text)
    starts: dict[int, list[html.Span]] = {}
    for sp in clipped:
        starts.setdefault(sp[0], []).append(sp)
    points = sorted({0, n} | {s for s, _, _, _ in clipped} | {t for _, t, _, _ in clipped})
    out: list[str] = []
    active: list[html.Span] = []
    for a, b in itertools.pairwise(points):
        active = [sp for sp in active if sp[1] > a] + starts.get(a, [])
        chunk = escape(text[a:b])
        if not active:
            out.append(chunk)
            continue
        claim_ids = sorted({sp[3] for sp in active if sp[3]})
        classes = sorted({sp[2] for sp in active})
        if len(claim_ids) > 1:
            classes.append("multi")
        attrs = f' class="{_slow_e(" ".join(classes))}"'
        if claim_ids:
            attrs += f' data-claims="{_slow_e(" ".join(html.anchor("c", c) for c in claim_ids))}"'
            attrs += f' title="{_slow_e("claim " + ", ".join(claim_ids))}"'
        out.append(f"<mark{attrs}>{chunk}</mark>")
    return "".join(out)


def _slow_int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _slow_sentence_html(claim: dict[str, object]) -> str:
    """``sentence_html`` as first written."""
    spans: list[html.Span] = []

    def add(start: object, end: object, cls: str) -> None:
        s, t = _slow_int(start), _slow_int(end)
        if s is not None and t is not None and t > s:
            spans.append((s, t, cls, ""))

    get: Any = claim.get
    add(get("content_start"), get("content_end"), "ct")
    add(get("speaker_start"), get("speaker_end"), "sp")
    add(get("cue_start"), get("cue_end"), "cue")
    for t in get("times", []):
        add(t.get("start"), t.get("end"), "tm")
    for pl in get("places", []):
        add(pl.get("start"), pl.get("end"), "pl")
    for q in get("quantities", []):
        add(q.get("start"), q.get("end"), "qt")
    start = _slow_int(get("sentence_start")) or 0
    return _slow_marked(str(get("sentence", "")), start, spans)


class _Text(str):
    """A str subclass whose str() differs from its characters."""

    def __str__(self) -> str:
        return "<not the text>"


class _Offset(int):
    """An int subclass (not a bool): ``marked`` takes it as an offset."""


_ESCAPE_ALPHABET = list("ab <>&\"' é“\n")


@pytest.mark.parametrize(
    "value",
    ["", "plain", "a<b", "a&b", 'say "x"', "it's", "é“ü”", None, 0, -3, 2.5, True, _Text("x")],
    ids=lambda v: repr(v),
)
def test_e_is_escape_of_str(value: object) -> None:
    assert html.e(value) == _slow_e(value)


def test_e_is_escape_of_str_on_random_texts() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=300, deadline=None)
    @given(st.text(alphabet=st.sampled_from(_ESCAPE_ALPHABET), max_size=12) | st.text(max_size=6))
    def check(text: str) -> None:
        assert html.e(text) == _slow_e(text)
        assert html.e(_Text(text)) == _slow_e(_Text(text))

    check()


def test_sentence_marks_equal_the_general_algorithm_on_random_spans() -> None:
    """``marked``'s no-claim path (``_marked_plain``) against the loop it replaced:
    random texts with characters to escape, spans overlapping, nested, empty, reversed,
    outside the text, and repeated."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    classes = st.sampled_from(["ct", "sp", "cue", "tm", "pl", "qt"])
    span = st.tuples(st.integers(-4, 24), st.integers(-4, 24), classes, st.just(""))

    @settings(max_examples=400, deadline=None)
    @given(
        st.text(alphabet=st.sampled_from(_ESCAPE_ALPHABET), max_size=16),
        st.integers(-3, 6),
        st.lists(span, max_size=7),
    )
    def check(text: str, offset: int, spans: list[html.Span]) -> None:
        assert html.marked(text, offset, spans) == _slow_marked(text, offset, spans)

    check()


def test_sentence_html_equals_the_first_version_on_random_claims() -> None:
    """``sentence_html`` against its first version, with offsets that are ints, int
    subclasses, bools, None, texts or missing, and slots of any length."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    offset = st.one_of(
        st.integers(-3, 30),
        st.integers(-3, 30).map(_Offset),
        st.booleans(),
        st.none(),
        st.just("4"),
        st.just(2.0),
    )
    item = st.fixed_dictionaries({}, optional={"start": offset, "end": offset, "text": st.text()})
    keys = ("content", "speaker", "cue")
    claim = st.fixed_dictionaries(
        {},
        optional={
            "sentence": st.text(alphabet=st.sampled_from(_ESCAPE_ALPHABET), max_size=24)
            | st.text(max_size=5).map(_Text),
            "sentence_start": offset,
            **{f"{k}_{end}": offset for k in keys for end in ("start", "end")},
            "times": st.lists(item, max_size=3),
            "places": st.lists(item, max_size=3),
            "quantities": st.lists(item, max_size=3),
        },
    )

    @settings(max_examples=400, deadline=None)
    @given(claim)
    def check(claim: dict[str, object]) -> None:
        assert html.sentence_html(claim) == _slow_sentence_html(claim)

    check()


def _slow_side(
    value: dict[str, Any], claim: dict[str, Any] | None, articles: dict[str, Any], linked: set[str]
) -> str:
    """``_side`` as first written."""
    e = _slow_e
    art = articles.get(str(value.get("article_id", "")), {})
    published = value.get("published") or ""
    when = f"<time>{e(published)}</time>" if published else '<span class="muted">no date</span>'
    outlet = art.get("outlet") or (claim or {}).get("outlet") or ""
    who = html._who(claim, value)
    cue = (claim or {}).get("cue") or ""
    role = (claim or {}).get("speaker_role") or ""
    parts = [
        '<div class="side">',
        f'<div class="when">{when} · {e(value.get("article_id", ""))}'
        + (f" · {e(outlet)}" if outlet else "")
        + "</div>",
        f'<div class="who">{e(who)}'
        + (f' <span class="muted">({e(role)})</span>' if role else "")
        + (f' <span class="muted">— {e(cue)}</span>' if cue else "")
        + "</div>",
    ]
    interval = html._interval(str(value.get("start", "")), str(value.get("end", "")))
    text = str(value.get("text", ""))
    in_sentence = claim is not None and text.strip() in str(claim.get("content", ""))
    if not (in_sentence and len(text) > 60 and not interval):
        parts.append(
            f'<div class="value"><span class="expr">“{e(html._clip(text, 200))}”</span>'
            + (f" → {e(interval)}" if interval and interval != text else "")
            + "</div>"
        )
    if claim:
        parts.append(f'<blockquote class="sentence">{_slow_sentence_html(claim)}</blockquote>')
        cid = str(claim["claim_id"])
        if cid in linked:
            parts.append(
                f'<a class="jump" href="#{html.anchor("claim", cid)}">claim {e(cid)} in its article ↓</a>'
            )
        else:
            parts.append(f'<span class="muted">claim {e(cid)} (see claims.csv)</span>')
    parts.append("</div>")
    return "".join(parts)


def _side_cases() -> list[tuple[Any, Any, Any]]:
    cases = []
    for ex, xref in (fx.build(), fx.hostile()):
        data = report.build_report(ex, xref)
        claims = report.claims_by_id(data["claims"], report.findings_claim_ids(data["findings"]))
        articles = {str(a["id"]): a for a in data["articles"]}
        for f in data["findings"]:
            for v in f["values"]:
                cases.append((v, claims.get(str(v["claim_id"])), articles))
    v, c, articles = cases[0]
    assert c is not None
    cases += [
        (v, None, articles),  # a claim the page does not have
        ({}, None, {}),
        ({**v, "published": None, "start": "", "end": "", "text": "x" * 70}, c, articles),
        ({**v, "text": c["content"][:65], "start": "", "end": ""}, c, articles),
        ({**v, "start": 3, "end": _Text("<b>")}, {**c, "speaker_role": "r&d", "cue": "'s"}, {}),
        (v, {**c, "speaker_name": "", "speaker": "", "kind": "narration"}, {}),
    ]
    return cases


SIDE_CASES = _side_cases()


@pytest.mark.parametrize("linked", [True, False], ids=["linked", "not-linked"])
def test_side_equals_the_first_version(linked: bool) -> None:
    assert len(SIDE_CASES) > 10
    for value, claim, articles in SIDE_CASES:
        ids = {str(claim["claim_id"])} if claim and linked else set()
        assert html._side(value, claim, articles, ids) == _slow_side(value, claim, articles, ids)


def _pages() -> list[tuple[str, Any, Any]]:
    out = []
    for name, (ex, xref) in (("plain", fx.build()), ("hostile", fx.hostile())):
        data = report.build_report(ex, xref)
        out.append((name, data, report.article_texts(ex)))
    ex, xref = fx.build()
    parsed = json.loads(report.report_json(report.build_report(ex, xref)))
    out.append(("parsed", parsed, report.article_texts(ex)))
    return out


PAGES = _pages()


@pytest.mark.parametrize("max_claims", [None, 1, 4], ids=["all", "one-claim", "four"])
@pytest.mark.parametrize("page", PAGES, ids=[p[0] for p in PAGES])
def test_page_plan_is_page_claims_without_the_findings_claims(
    page: tuple[str, Any, Any], max_claims: int | None
) -> None:
    _, data, _ = page
    claims, shown, keep, n = report.page_claims(data["claims"], data["findings"], max_claims)
    assert report.page_plan(data["claims"], data["findings"], max_claims) == (shown, keep, n)
    named = keep.union(report.findings_claim_ids(data["findings"]))
    everything = [str(c["claim_id"]) for c in data["claims"]]
    assert report.page_names(data["claims"], everything, named) == claims


@pytest.mark.parametrize("batch", [1, 2], ids=["one-finding", "two"])
@pytest.mark.parametrize("page", PAGES, ids=[p[0] for p in PAGES])
def test_cards_made_a_batch_of_findings_at_a_time_give_the_same_page(
    monkeypatch: pytest.MonkeyPatch, page: tuple[str, Any, Any], batch: int
) -> None:
    """report.html reads the findings' claims a batch at a time: the same page."""
    _, data, texts = page
    expected = html.render_html(data, texts, max_claims=4)
    asked: list[int] = []
    names = report.page_names

    def spy(raw: Any, ids: Any, named: Any) -> Any:
        ids = list(ids)
        asked.append(len(ids))
        return names(raw, ids, named)

    monkeypatch.setattr(report, "page_names", spy)
    monkeypatch.setattr(html, "CARD_BATCH", batch)
    assert html.render_html(data, texts, max_claims=4) == expected
    findings = data["findings"]
    most = max(len(f["values"]) for f in findings)
    cards = asked[1:]  # (the first read is the timelines')
    assert len(cards) == sum(
        -(-len([f for f in findings if rel(f)]) // batch)
        for rel in (
            lambda f: f["relation"] == "contradiction",
            lambda f: f["relation"] == "agreement",
            lambda f: f["relation"] not in ("contradiction", "agreement"),
        )
    )
    assert max(cards) <= most * batch
