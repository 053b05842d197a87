"""The self-contained HTML report page (parsed with the standard library, no browser)."""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

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
