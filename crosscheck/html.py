"""The HTML report: one self-contained page, readable with or without JavaScript.

``render_html(report, texts)`` turns the report.json object (``report.build_report``)
and the article texts into a single HTML file with no network assets at all: the CSS
and the small script are inline, and a Content-Security-Policy forbids the page from
loading anything (the script is allowed by its sha256, nothing else may run).

The page holds, in order: a summary; every contradiction with its claims side by
side (speaker, cue, content and time expressions highlighted in the sentence); a
timeline per event for timing findings, ordered by publication date, with each
claim's expression as written, its normalised interval and a CSS bar on a shared
date axis; the agreements and other findings; a claims table (sortable and
filterable when JavaScript runs, a plain table otherwise); every article text with
its claim spans highlighted (``<mark id="claim-...">``, linked from the table); and
the input manifest. Every string from the corpus is escaped with ``html.escape``.

``render_table(kind, rows, columns)`` is the ``--format html`` page of a listing.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import hashlib
import itertools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence, Set
from html import escape
from typing import Any

from crosscheck.safeio import safe_filename

MAX_CLAIMS = 5000  # claims shown in the table and article texts; the rest are in claims.csv
MAX_MANIFEST_ROWS = 500
MAX_TIMELINES = 40  # timelines drawn; the rest are in the findings sections  # processed inputs listed in the manifest section (skipped: all)

CSS = """
:root{--fg:#1d2433;--muted:#5b6478;--line:#d9dee8;--bg:#f6f7fb;--card:#fff;
--red:#b42318;--red-bg:#fef3f2;--green:#067647;--green-bg:#ecfdf3;--violet:#6941c6;
--gray:#475467;--accent:#ea580c}
*{box-sizing:border-box}
html{scroll-behavior:smooth}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;
color:var(--fg);background:var(--bg)}
header.top{background:#111827;color:#f9fafb;padding:18px 28px 0}
header.top h1{margin:0;font-size:22px;letter-spacing:.2px}
header.top .meta{margin:2px 0 10px;color:#cbd5e1;font-size:13px}
nav{display:flex;flex-wrap:wrap;gap:2px}
nav a{color:#e5e7eb;text-decoration:none;padding:7px 12px;border-radius:6px 6px 0 0;font-size:14px}
nav a:hover{background:#1f2937}
main{max-width:1240px;margin:0 auto;padding:8px 24px 40px}
section{margin-top:26px}
h2{font-size:19px;margin:0 0 10px;padding-bottom:6px;border-bottom:2px solid var(--line)}
h3{font-size:16px;margin:0}
.muted{color:var(--muted)}
.stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(130px,1fr));gap:10px;margin:6px 0 14px}
.stat{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:10px 14px}
.stat b{display:block;font-size:24px;line-height:1.2}
.stat span{color:var(--muted);font-size:13px}
.stat.contradiction b{color:var(--red)} .stat.agreement b{color:var(--green)}
ul.top-findings{margin:0;padding-left:20px}
ul.top-findings li{margin:3px 0}
.card{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:14px 16px;
margin:12px 0;box-shadow:0 1px 2px rgba(16,24,40,.05)}
.card.contradiction{border-left:5px solid var(--red)}
.card.agreement{border-left:5px solid var(--green)}
.card.quote_variant{border-left:5px solid var(--violet)}
.card.related{border-left:5px solid var(--gray)}
.card header{display:flex;flex-wrap:wrap;align-items:baseline;gap:8px;margin-bottom:4px}
.badge{display:inline-block;font-size:12px;font-weight:600;text-transform:uppercase;letter-spacing:.4px;
padding:1px 8px;border-radius:999px;color:#fff;background:var(--gray)}
.badge.contradiction{background:var(--red)} .badge.agreement{background:var(--green)}
.badge.quote_variant{background:var(--violet)}
.tag{font-size:12px;padding:1px 8px;border-radius:999px;background:#eef2f6;color:var(--gray)}
.tag.tl{background:#fff4ed;color:#b93815}
.fid{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px;color:var(--muted)}
p.reason{margin:2px 0 10px;color:var(--muted)}
.sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));gap:10px}
.side{border:1px solid var(--line);border-radius:10px;padding:10px 12px;background:#fcfcfd}
.side .when{font-size:13px;color:var(--muted)}
.side .when time{font-weight:600;color:var(--fg)}
.side .who{font-weight:600;margin:2px 0}
.side .value{margin:4px 0 6px;font-size:14px}
.side .value .expr{font-weight:700}
blockquote.sentence{margin:6px 0;padding:6px 10px;border-left:3px solid var(--line);background:#fff;
font-size:14px;line-height:1.6}
a.jump{font-size:13px}
mark{background:none;color:inherit;border-radius:3px;padding:0 1px}
mark.ct{background:#fef3c7}
mark.sp{background:#dbeafe;color:#1e3a8a;font-weight:600}
mark.cue{background:#ede9fe;color:#5b21b6;font-weight:600}
mark.tm{background:#fed7aa;color:#7c2d12;font-weight:700;box-shadow:inset 0 -2px 0 var(--accent)}
mark.pl{background:#dcfce7;color:#14532d;font-weight:600;box-shadow:inset 0 -2px 0 #16a34a}
mark.qt{background:#e0f2fe;color:#0c4a6e;font-weight:600;box-shadow:inset 0 -2px 0 #0284c7}
mark.claim{background:#fef3c7;box-shadow:inset 0 -2px 0 #f59e0b}
mark.claim.multi{background:#fde68a}
.legend{font-size:13px;color:var(--muted);margin:0 0 6px}
.legend mark{margin-right:4px}
table{border-collapse:collapse;width:100%;background:var(--card);font-size:13.5px}
th,td{border:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
th{background:#eef1f6;font-weight:600;position:sticky;top:0;z-index:1;white-space:nowrap}
tbody tr:nth-child(even){background:#fafbfd}
td.num{text-align:right;font-variant-numeric:tabular-nums}
td.content{min-width:280px}
.tablewrap{max-height:75vh;overflow:auto;border:1px solid var(--line);border-radius:8px}
.tablewrap table{border:0}
table.tl td{vertical-align:middle}
table.tl td.bar{width:44%;min-width:240px}
.track{position:relative;height:20px;background:#f2f4f7;border-radius:5px}
.track .bar{position:absolute;top:4px;height:12px;min-width:5px;background:var(--accent);border-radius:3px}
.track .pub{position:absolute;top:0;bottom:0;width:2px;margin-left:-1px;background:#111827}
.track .pub-out{position:absolute;top:100%;font-size:11px;color:var(--muted);white-space:nowrap}
.track .pub-out.after{right:2px} .track .pub-out.before{left:2px}
table.tl td.bar{padding-bottom:14px}
td.nowrap{white-space:nowrap}
.axis{position:relative;height:18px;font-size:11px;color:var(--muted);font-weight:400}
.axis span{position:absolute;top:0;white-space:nowrap;border-left:1px solid #98a2b3;padding-left:3px}
.tl-note{font-size:12.5px;color:var(--muted);margin:6px 0 0}
details.article{background:var(--card);border:1px solid var(--line);border-radius:10px;margin:8px 0}
details.article summary{cursor:pointer;padding:8px 12px;font-weight:600}
details.article summary .muted{font-weight:400}
details.article .text{white-space:pre-wrap;word-wrap:break-word;padding:4px 16px 14px;
font-size:14px;line-height:1.6;border-top:1px solid var(--line)}
ul.sentences{margin:0;padding:6px 16px 12px 32px}
.flash{outline:3px solid var(--accent);outline-offset:1px}
:target{scroll-margin-top:80px}
.filterbar{display:flex;gap:10px;align-items:center;margin:6px 0}
.filterbar input{flex:1;max-width:420px;padding:6px 10px;border:1px solid #98a2b3;border-radius:8px;font:inherit}
.js th.sortable{cursor:pointer;user-select:none}
.js th.sortable::after{content:" \\2195";color:#98a2b3}
.js th[aria-sort=ascending]::after{content:" \\25B2";color:var(--fg)}
.js th[aria-sort=descending]::after{content:" \\25BC";color:var(--fg)}
footer{max-width:1240px;margin:0 auto;padding:10px 24px 30px;color:var(--muted);font-size:12px}
@media print{nav,.filterbar{display:none}.tablewrap{max-height:none;overflow:visible}}
"""

JS = """
(function(){
"use strict";
document.documentElement.classList.add("js");
function text(cell){return (cell.getAttribute("data-sort")||cell.textContent||"").trim();}
function sortable(table){
  var heads=table.tHead?table.tHead.rows[0].cells:[];
  Array.prototype.forEach.call(heads,function(th,col){
    th.classList.add("sortable");th.setAttribute("tabindex","0");th.title="Sort by this column";
    function go(){
      var asc=th.getAttribute("aria-sort")!=="ascending";
      Array.prototype.forEach.call(heads,function(h){h.removeAttribute("aria-sort");});
      th.setAttribute("aria-sort",asc?"ascending":"descending");
      var body=table.tBodies[0],rows=Array.prototype.slice.call(body.rows);
      rows.sort(function(a,b){
        var x=text(a.cells[col]),y=text(b.cells[col]);
        var r=x.localeCompare(y,undefined,{numeric:true,sensitivity:"base"});
        return asc?r:-r;});
      rows.forEach(function(r){body.appendChild(r);});
    }
    th.addEventListener("click",go);
    th.addEventListener("keydown",function(e){if(e.key==="Enter"||e.key===" "){e.preventDefault();go();}});
  });
}
function filterable(table){
  var rows=Array.prototype.slice.call(table.tBodies[0].rows);
  var hay=rows.map(function(r){return r.textContent.toLowerCase();});
  var bar=document.createElement("div");bar.className="filterbar";
  var input=document.createElement("input");input.type="search";
  input.placeholder="Filter "+(table.getAttribute("data-what")||"rows")+" (all words must match)";
  input.setAttribute("aria-label",input.placeholder);input.className="filter";
  var count=document.createElement("span");count.className="muted count";
  function apply(){
    var terms=input.value.toLowerCase().split(/\\s+/).filter(Boolean),shown=0;
    rows.forEach(function(r,i){
      var ok=terms.every(function(t){return hay[i].indexOf(t)>=0;});
      r.hidden=!ok;if(ok){shown++;}});
    count.textContent=shown+" of "+rows.length+" shown";
  }
  input.addEventListener("input",apply);
  bar.appendChild(input);bar.appendChild(count);
  var wrap=table.closest(".tablewrap")||table;
  wrap.parentNode.insertBefore(bar,wrap);apply();
}
function reveal(){
  var id;try{id=decodeURIComponent(location.hash.slice(1));}catch(e){return;}
  if(!id){return;}
  var el=document.getElementById(id);if(!el){return;}
  for(var d=el.closest("details");d;d=d.parentElement&&d.parentElement.closest("details")){d.open=true;}
  var claim=el.getAttribute("data-claim");
  var marks=claim?document.querySelectorAll("mark[data-claims~='"+claim.replace(/'/g,"")+"']"):[];
  Array.prototype.forEach.call(document.querySelectorAll(".flash"),function(m){m.classList.remove("flash");});
  if(claim){Array.prototype.forEach.call(marks,function(m){m.classList.add("flash");});}
  el.scrollIntoView({block:"center"});
}
Array.prototype.forEach.call(document.querySelectorAll("table.sortable"),sortable);
Array.prototype.forEach.call(document.querySelectorAll("table.filterable"),filterable);
window.addEventListener("hashchange",reveal);reveal();
})();
"""

_SCRIPT_HASH = base64.b64encode(hashlib.sha256(JS.encode("utf-8")).digest()).decode("ascii")

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; "
    f"script-src 'sha256-{_SCRIPT_HASH}'; img-src data:; base-uri 'none'; form-action 'none'"
)

RELATIONS = ("contradiction", "agreement", "quote_variant", "related")
RELATION_LABEL = {
    "contradiction": "contradiction",
    "agreement": "agreement",
    "quote_variant": "quote variant",
    "related": "related",
}


def e(value: Any) -> str:
    """Escape any value for HTML text or a quoted attribute."""
    if type(value) is str:  # (the common case: a text with nothing to escape is its escape)
        if "&" in value or "<" in value or ">" in value or '"' in value or "'" in value:
            return escape(value)
        return value
    return escape("" if value is None else str(value), quote=True)


def anchor(prefix: str, ident: str) -> str:
    """An element id for ``ident`` that is always a valid, unique fragment."""
    return f"{prefix}-{safe_filename(ident)}"


def _page(title: str, body: str, *, subtitle: str = "", nav: str = "") -> str:
    return _page_head(title, subtitle, nav) + body + _PAGE_TAIL


def _page_head(title: str, subtitle: str, nav: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{e(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f'<header class="top"><h1>{e(title)}</h1>'
        f'<p class="meta">{subtitle}</p>{nav}</header>\n'
        "<main>\n"
    )


_PAGE_TAIL = (
    "</main>\n"
    "<footer>Generated by crosscheck. This page is self-contained: it loads nothing from the "
    "network and works without JavaScript (sorting and filtering need it).</footer>\n"
    f"<script>{JS}</script>\n</body>\n</html>\n"
)


# --------------------------------------------------------------------------- highlighting


Span = tuple[int, int, str, str]  # absolute start, end, css class, claim id ('' if none)


def marked(text: str, offset: int, spans: Iterable[Span], *, anchors: bool = False) -> str:
    """Escape ``text`` (which starts at absolute ``offset``) with ``spans`` wrapped in <mark>.

    Overlapping spans are split into elementary segments, each wrapped once with all
    the classes that cover it (so the markup always nests correctly). With
    ``anchors``, the first segment of each claim span carries ``id="claim-..."``.
    """
    n = len(text)
    clipped: list[Span] = []
    for s, t, cls, cid in spans:
        s2, t2 = max(s - offset, 0), min(t - offset, n)
        if t2 > s2:
            clipped.append((s2, t2, cls, cid))
    if not clipped:
        return escape(text)
    if not any(sp[3] for sp in clipped):  # no claim span (a sentence's): no ids to place
        return _marked_plain(text, [(s, t, cls) for s, t, cls, _ in clipped])
    starts: dict[int, list[Span]] = {}
    for sp in clipped:
        starts.setdefault(sp[0], []).append(sp)
    points = sorted({0, n} | {s for s, _, _, _ in clipped} | {t for _, t, _, _ in clipped})
    out: list[str] = []
    active: list[Span] = []
    placed: set[str] = set()
    for a, b in itertools.pairwise(points):
        if active:
            active = [sp for sp in active if sp[1] > a]
        if a in starts:
            active += starts[a]
        chunk = escape(text[a:b])
        if not active:
            out.append(chunk)
            continue
        claim_ids = sorted({sp[3] for sp in active if sp[3]})
        if not claim_ids:  # the common case: the classes' markup is made once per run
            out += (_open_mark(frozenset(sp[2] for sp in active)), chunk, "</mark>")
            continue
        classes = sorted({sp[2] for sp in active})
        if len(claim_ids) > 1:
            classes.append("multi")
        attrs = f' class="{e(" ".join(classes))}"'
        attrs += f' data-claims="{e(" ".join(anchor("c", c) for c in claim_ids))}"'
        attrs += f' title="{e("claim " + ", ".join(claim_ids))}"'
        if anchors:
            starting = [c for c in claim_ids if c not in placed]
            for cid in starting[1:]:
                out.append(
                    f'<span id="{anchor("claim", cid)}" data-claim="{anchor("c", cid)}"></span>'
                )
            if starting:
                attrs += (
                    f' id="{anchor("claim", starting[0])}" data-claim="{anchor("c", starting[0])}"'
                )
            placed.update(starting)
        out.append(f"<mark{attrs}>{chunk}</mark>")
    return "".join(out)


# a character ``escape`` changes: a text without any is its own escape, and so is every
# slice of it
_ESCAPED = re.compile("[&<>\"']")


def _marked_plain(text: str, clipped: Sequence[tuple[int, int, str]]) -> str:
    """``marked`` for spans with no claim id, already clipped to non-empty spans of
    ``text``'s own offsets (``(start, end, class)``): each elementary segment between
    the spans' ends is escaped, and wrapped in one <mark> with the classes of the
    spans covering it (those with ``start <= a < end`` at its start ``a``)."""
    cuts = {0, len(text)}
    for s, t, _ in clipped:
        cuts.add(s)
        cuts.add(t)
    points = sorted(cuts)
    plain = _ESCAPED.search(text) is None
    out: list[str] = []
    a = 0
    for b in points[1:]:
        chunk = text[a:b] if plain else escape(text[a:b])
        classes = tuple([cls for s, t, cls in clipped if s <= a < t])
        if classes:
            mark = _OPEN_MARKS.get(classes)
            if mark is None:
                mark = _open_mark(frozenset(classes))
                if len(_OPEN_MARKS) < _OPEN_MARKS_MAX:
                    _OPEN_MARKS[classes] = mark
            out += (mark, chunk, "</mark>")
        else:
            out.append(chunk)
        a = b
    return "".join(out)


# ``_open_mark`` of a segment's classes, keyed by the classes as ``_marked_plain``
# lists them (a bounded memo: a few combinations of a few classes recur)
_OPEN_MARKS: dict[tuple[str, ...], str] = {}
_OPEN_MARKS_MAX = 1024


@functools.lru_cache(maxsize=1024)
def _open_mark(classes: frozenset[str]) -> str:
    """``<mark class="...">`` for a segment covered by spans of ``classes`` and no claim."""
    return f'<mark class="{e(" ".join(sorted(classes)))}">'


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def sentence_html(claim: Mapping[str, Any]) -> str:
    """The claim's sentence with speaker, cue, content, times, places and numbers highlighted."""
    get = claim.get
    bounds: list[tuple[Any, Any, str]] = [
        (get("content_start"), get("content_end"), "ct"),
        (get("speaker_start"), get("speaker_end"), "sp"),
        (get("cue_start"), get("cue_end"), "cue"),
    ]
    times, places, quantities = get("times", []), get("places", []), get("quantities", [])
    if times:
        bounds += [(x.get("start"), x.get("end"), "tm") for x in times]
    if places:
        bounds += [(x.get("start"), x.get("end"), "pl") for x in places]
    if quantities:
        bounds += [(x.get("start"), x.get("end"), "qt") for x in quantities]
    text = str(get("sentence", ""))
    offset = _int(get("sentence_start")) or 0
    n = len(text)
    # ``marked``'s spans: both ends ints (not bools), end after start; clipped to the text
    clipped: list[tuple[int, int, str]] = []
    for start, end, cls in bounds:
        if (
            (type(start) is int or _int(start) is not None)
            and (type(end) is int or _int(end) is not None)
            and end > start
        ):
            s, t = start - offset, end - offset
            if s < 0:
                s = 0
            if t > n:
                t = n
            if t > s:
                clipped.append((s, t, cls))
    if not clipped:
        return escape(text)
    return _marked_plain(text, clipped)


# --------------------------------------------------------------------------- sections


def _clip(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _interval(start: str, end: str) -> str:
    if start and end and start != end:
        return f"{start} – {end}"
    return start or end


def _who(claim: Mapping[str, Any] | None, value: Mapping[str, Any]) -> str:
    if claim:
        name = claim.get("speaker_name") or claim.get("speaker") or ""
        if name:
            return str(name)
        if claim.get("kind") == "narration":
            return str(claim.get("outlet") or "the outlet (narration)")
    return str(value.get("speaker") or "")


def _side(
    value: Mapping[str, Any],
    claim: Mapping[str, Any] | None,
    articles: Mapping[str, Any],
    linked: set[str],
) -> str:
    get = value.get
    c = claim or {}
    article_id = get("article_id", "")
    art = articles.get(str(article_id), {})
    published = get("published") or ""
    when = f"<time>{e(published)}</time>" if published else '<span class="muted">no date</span>'
    outlet = art.get("outlet") or c.get("outlet") or ""
    who = _who(claim, value)
    cue = c.get("cue") or ""
    role = c.get("speaker_role") or ""
    parts = [
        f'<div class="side"><div class="when">{when} · {e(article_id)}',
        f" · {e(outlet)}</div>" if outlet else "</div>",
        f'<div class="who">{e(who)}',
    ]
    if role:
        parts.append(f' <span class="muted">({e(role)})</span>')
    if cue:
        parts.append(f' <span class="muted">— {e(cue)}</span>')
    parts.append("</div>")
    interval = _interval(str(get("start", "")), str(get("end", "")))
    text = str(get("text", ""))
    in_sentence = claim is not None and text.strip() in str(claim.get("content", ""))
    if not (in_sentence and len(text) > 60 and not interval):  # else the sentence says it all
        parts.append(f'<div class="value"><span class="expr">“{e(_clip(text, 200))}”</span>')
        if interval and interval != text:
            parts.append(f" → {e(interval)}")
        parts.append("</div>")
    if claim:
        parts.append(f'<blockquote class="sentence">{sentence_html(claim)}</blockquote>')
        cid = str(claim["claim_id"])
        if cid in linked:
            parts.append(
                f'<a class="jump" href="#{anchor("claim", cid)}">claim {e(cid)} in its article ↓</a>'
            )
        else:
            parts.append(f'<span class="muted">claim {e(cid)} (see claims.csv)</span>')
    parts.append("</div>")
    return "".join(parts)


def _link(claim_id: str, text: str, linked: set[str]) -> str:
    if claim_id in linked:
        return f'<a href="#{anchor("claim", claim_id)}">{e(text)}</a>'
    return e(text)


def _finding_header(f: Mapping[str, Any]) -> str:
    rel = str(f.get("relation", ""))
    bits = [f'<span class="badge {e(rel)}">{e(RELATION_LABEL.get(rel, rel))}</span>']
    if f.get("slot"):
        bits.append(f'<span class="tag">{e(f["slot"])}</span>')
    bits.append(f"<h3>{e(f.get('event') or _fallback_title(f))}</h3>")
    if f.get("timeline"):
        bits.append(f'<span class="tag tl">{e(f["timeline"])}</span>')
    if rel == "agreement" and f.get("independent") is False:
        bits.append('<span class="tag">one source repeated</span>')
    bits.append(
        f'<span class="fid">{e(f.get("finding_id", ""))} · score {e(f.get("score", ""))}</span>'
    )
    return "<header>" + " ".join(bits) + "</header>"


def _fallback_title(f: Mapping[str, Any]) -> str:
    n = len(f.get("articles", []))
    return f"{f.get('slot') or 'statement'} across {n} article{'s' if n != 1 else ''}"


def _finding_card(
    f: Mapping[str, Any],
    claims: Mapping[str, Any],
    articles: Mapping[str, Any],
    linked: set[str],
) -> str:
    rel = str(f.get("relation", ""))
    sides = "".join(
        _side(v, claims.get(str(v.get("claim_id"))), articles, linked) for v in f.get("values", [])
    )
    reason = f'<p class="reason">{e(f["reason"])}</p>' if f.get("reason") else ""
    return (
        f'<article class="card {e(rel)}" id="{anchor("finding", str(f.get("finding_id", "")))}">'
        f'{_finding_header(f)}{reason}<div class="sides">{sides}</div></article>\n'
    )


def _ordinal(iso: Any) -> int | None:
    try:
        return dt.date.fromisoformat(str(iso)).toordinal()
    except ValueError:
        return None


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _axis(lo: int, hi: int) -> str:
    """Month (or year) ticks between two ordinals, at most about eight labels."""
    first, last = dt.date.fromordinal(lo), dt.date.fromordinal(hi)
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    step = max(1, -(-months // 8))
    ticks = []
    y, m = first.year, first.month
    if first.day != 1:
        y, m = (y + (m == 12), m % 12 + 1)
    k = 0
    while dt.date(y, m, 1) <= last:
        d = dt.date(y, m, 1)
        left = 100.0 * (d.toordinal() - lo) / (hi - lo)
        if k % step == 0 and left <= 90:
            label = f"{MONTHS[m - 1]} {y}" if step < 12 else str(y)
            ticks.append(f'<span style="left:{left:.2f}%">{e(label)}</span>')
        k += 1
        y, m = (y + (m == 12), m % 12 + 1)
    if not ticks:  # the axis lies inside one month: name it at the left edge
        ticks.append(
            f'<span style="left:0.00%">{e(f"{MONTHS[first.month - 1]} {first.year}")}</span>'
        )
    return '<div class="axis">' + "".join(ticks) + "</div>"


def _range(values: Sequence[Mapping[str, Any]]) -> tuple[int, int]:
    """The date axis of a timeline: the claimed intervals, padded (publication dates only
    when no interval resolved); publication dates outside it are shown at its edges."""
    points = [
        o
        for v in values
        for o in (_ordinal(v.get("start")), _ordinal(v.get("end")))
        if o is not None
    ]
    if not points:
        points = [o for v in values if (o := _ordinal(v.get("published"))) is not None]
    if not points:
        return 0, 0
    lo, hi = min(points), max(points) + 1
    pad = max(4, (hi - lo) // 12)
    return lo - pad, hi + pad


def _timelines(
    findings: Sequence[Mapping[str, Any]],
    claims: Mapping[str, Any],
    articles: Mapping[str, Any],
    linked: set[str],
) -> str:
    """One timeline per named event with timing findings (and one per timing finding
    without an event), rows in publication order; at most ``MAX_TIMELINES``."""
    groups: dict[str, list[Mapping[str, Any]]] = {}
    titles: dict[str, str] = {}
    for f in findings:
        if f.get("slot") != "time":
            continue
        event = str(f.get("event") or "")
        key = f"event:{event}" if event else f"finding:{f.get('finding_id', '')}"
        groups.setdefault(key, []).append(f)
        titles.setdefault(key, event or f"{_fallback_title(f)} ({f.get('finding_id', '')})")
    if not groups:
        return '<p class="muted">No timing findings: no event has dates to line up.</p>'

    def rank(key: str) -> tuple[int, int, float, str]:
        group = groups[key]
        best = min(
            RELATIONS.index(str(f.get("relation"))) if f.get("relation") in RELATIONS else 9
            for f in group
        )
        score = max(float(f.get("score") or 0) for f in group)
        return (best, 0 if key.startswith("event:") else 1, -score, titles[key].casefold())

    keys = sorted(groups, key=rank)
    out = []
    if len(keys) > MAX_TIMELINES:
        out.append(
            f'<p class="muted">Showing {MAX_TIMELINES} of {len(keys)} timelines (contradictions and '
            "named events first); every timing finding is listed below and in findings.csv.</p>"
        )
    for key in keys[:MAX_TIMELINES]:
        event = titles[key]
        group = groups[key]
        values: dict[tuple[str, str, str, str], Mapping[str, Any]] = {}
        for f in group:
            for v in f.get("values", []):
                vkey = (
                    str(v.get("claim_id")),
                    str(v.get("text")),
                    str(v.get("start")),
                    str(v.get("end")),
                )
                values.setdefault(vkey, v)
        ordered = sorted(
            values.values(),
            key=lambda v: (
                v.get("published") or "9999-99-99",
                str(v.get("start")),
                str(v.get("claim_id")),
            ),
        )
        lo, hi = _range(ordered)
        points = hi > lo
        labels = sorted({str(f.get("timeline")) for f in group if f.get("timeline")})
        fids = ", ".join(
            f'<a href="#{anchor("finding", str(f.get("finding_id")))}">{e(f.get("finding_id"))}</a>'
            for f in group
        )
        head = "<th>published</th><th>source</th><th>as written</th><th>interval</th>"
        head += f'<th class="bar">{_axis(lo, hi) if points else ""}</th>'
        rows = []
        for v in ordered:
            claim = claims.get(str(v.get("claim_id")))
            art = articles.get(str(v.get("article_id")), {})
            who = _who(claim, v)
            outlet = str(art.get("outlet") or "")
            where = " · ".join(
                x for x in (outlet if outlet != who else "", str(v.get("article_id"))) if x
            )
            src = f'{e(who)}<br><span class="muted">{e(where)}</span>'
            s, t, p = _ordinal(v.get("start")), _ordinal(v.get("end")), _ordinal(v.get("published"))
            track = ""
            if points:
                bits = []
                if s is not None and t is not None:
                    left = 100.0 * (s - lo) / (hi - lo)
                    width = 100.0 * (t - s + 1) / (hi - lo)
                    bits.append(
                        f'<span class="bar" style="left:{left:.2f}%;width:{width:.2f}%" '
                        f'title="{e(_interval(str(v.get("start")), str(v.get("end"))))}"></span>'
                    )
                if p is not None and lo <= p <= hi:
                    bits.append(
                        f'<span class="pub" style="left:{100.0 * (p - lo) / (hi - lo):.2f}%" '
                        f'title="published {e(v.get("published"))}"></span>'
                    )
                elif p is not None:
                    side = "before" if p < lo else "after"
                    arrow = (
                        f"‹ published {v.get('published')}"
                        if p < lo
                        else f"published {v.get('published')} ›"
                    )
                    bits.append(f'<span class="pub-out {side}">{e(arrow)}</span>')
                track = '<div class="track">' + "".join(bits) + "</div>"
            cid = str(v.get("claim_id"))
            rows.append(
                "<tr>"
                f'<td class="nowrap">{e(v.get("published") or "no date")}</td>'
                f"<td>{src}</td>"
                f'<td class="nowrap">{_link(cid, "“" + str(v.get("text")) + "”", linked)}</td>'
                '<td class="nowrap">'
                f"{e(_interval(str(v.get('start', '')), str(v.get('end', ''))) or 'unresolved')}</td>"
                f'<td class="bar">{track}</td>'
                "</tr>"
            )
        label = f' <span class="tag tl">{e("; ".join(labels))}</span>' if labels else ""
        out.append(
            f'<article class="card timeline" id="{anchor("timeline", key.split(":", 1)[1])}">'
            f"<header><h3>{e(event)}</h3>{label}"
            f'<span class="fid">from {fids}</span></header>'
            f'<table class="tl"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
            '<p class="tl-note">Rows in publication order. Orange bar: the interval the claim gives; '
            "black tick: when the article was published.</p></article>\n"
        )
    return "".join(out)


def _claims_table(claims: Sequence[Mapping[str, Any]]) -> str:
    head = (
        "claim",
        "article",
        "published",
        "speaker",
        "cue",
        "kind",
        "quote",
        "content",
        "times",
        "events",
    )
    rows = []
    for c in claims:
        cid = str(c.get("claim_id", ""))
        times = "; ".join(
            f"{t.get('text')} = {_interval(str(t.get('first', '')), str(t.get('last', '')))}"
            if t.get("first") or t.get("last")
            else str(t.get("text"))
            for t in c.get("times", [])
        )
        events = "; ".join(
            c.get("canonical_events") or [ev.get("text", "") for ev in c.get("events", [])]
        )
        who = c.get("speaker_name") or c.get("speaker") or ""
        rows.append(
            "<tr>"
            f'<td data-sort="{e(cid)}"><a href="#{anchor("claim", cid)}">{e(cid)}</a></td>'
            f'<td>{e(c.get("article_id"))}</td><td class="nowrap">{e(c.get("published"))}</td>'
            f"<td>{e(who)}</td><td>{e(c.get('cue'))}</td><td>{e(c.get('kind'))}</td>"
            f'<td>{e(c.get("quote"))}</td><td class="content">{e(c.get("content"))}</td>'
            f"<td>{e(times)}</td><td>{e(events)}</td>"
            "</tr>"
        )
    return (
        '<div class="tablewrap"><table class="data sortable filterable" id="claims-table" data-what="claims">'
        "<thead><tr>" + "".join(f"<th>{h}</th>" for h in head) + "</tr></thead>"
        "<tbody>" + "\n".join(rows) + "</tbody></table></div>"
    )


def _article_block(
    art: Mapping[str, Any], claims: Sequence[Mapping[str, Any]], text: str | None
) -> str:
    aid = str(art.get("id", ""))
    meta = " · ".join(
        str(x)
        for x in (
            art.get("outlet"),
            art.get("published") or "no date",
            f"{len(claims)} claim{'s' if len(claims) != 1 else ''}",
        )
        if x
    )
    title = art.get("title") or ""
    summary = (
        f"<summary>{e(aid)}"
        + (f" — {e(title)}" if title else "")
        + f' <span class="muted">{e(meta)}</span></summary>'
    )
    if text is not None:
        spans = [
            (int(c["content_start"]), int(c["content_end"]), "claim", str(c["claim_id"]))
            for c in claims
            if _int(c.get("content_start")) is not None and _int(c.get("content_end")) is not None
        ]
        body = f'<div class="text">{marked(text, 0, spans, anchors=True)}</div>'
    else:
        items = []
        for c in claims:
            cid = str(c["claim_id"])
            spans = [(int(c["content_start"]), int(c["content_end"]), "claim", cid)]
            items.append(
                f"<li>{marked(str(c.get('sentence', '')), int(c.get('sentence_start') or 0), spans, anchors=True)}</li>"
            )
        body = '<p class="muted" style="padding:0 16px">Article text not included; claim sentences:</p>'
        body += '<ul class="sentences">' + "".join(items) + "</ul>"
    return f'<details class="article" id="{anchor("article", aid)}">{summary}{body}</details>\n'


def _manifest(manifest: Sequence[Mapping[str, Any]]) -> str:
    skipped = [m for m in manifest if m.get("status") == "skipped"]
    processed = [m for m in manifest if m.get("status") != "skipped"]
    shown = skipped + processed[:MAX_MANIFEST_ROWS]
    cols = ("source", "line", "status", "article_id", "reason", "hint")
    body = "".join(
        "<tr>" + "".join(f"<td>{e(m.get(c, ''))}</td>" for c in cols) + "</tr>" for m in shown
    )
    note = f"{len(processed)} inputs processed, {len(skipped)} skipped."
    if len(processed) > MAX_MANIFEST_ROWS:
        note += (
            f" The first {MAX_MANIFEST_ROWS} processed inputs are listed; all are in manifest.csv."
        )
    return (
        f'<p>{e(note)}</p><div class="tablewrap"><table class="data sortable" id="manifest-table">'
        "<thead><tr>" + "".join(f"<th>{c}</th>" for c in cols) + "</tr></thead>"
        f"<tbody>{body}</tbody></table></div>"
    )


def render_html(
    report: Mapping[str, Any],
    texts: Mapping[str, str] | None = None,
    *,
    title: str = "crosscheck report",
    max_claims: int | None = MAX_CLAIMS,
) -> str:
    """The self-contained HTML page of a report (``report.build_report``). Deterministic.

    ``texts`` maps article id -> text as read; without it the article section shows
    each claim's sentence instead. At most ``max_claims`` claims (those in findings
    first) go into the claims table and article texts; the page says how many.
    """
    return "".join(render_html_pieces(report, texts, title=title, max_claims=max_claims))


def render_html_pieces(
    report: Mapping[str, Any],
    texts: Mapping[str, str] | None = None,
    *,
    title: str = "crosscheck report",
    max_claims: int | None = MAX_CLAIMS,
) -> Iterator[str]:
    """``render_html`` as pieces of text, for writing the page without joining it:
    the body is made as it is written, the finding cards ``CARD_BATCH`` findings at
    a time (their claims read, rendered, dropped)."""
    parts, subtitle, nav = _report_body(report, texts, max_claims)
    yield _page_head(title, subtitle, nav)
    yield from parts
    yield _PAGE_TAIL


def _report_body(
    report: Mapping[str, Any],
    texts: Mapping[str, str] | None,
    max_claims: int | None,
) -> tuple[Iterator[str], str, str]:
    """The page's body pieces (made as they are read), its subtitle and its
    navigation bar."""
    summary = report.get("summary", {})
    findings = list(report.get("findings", []))
    from crosscheck.report import findings_claim_ids, page_plan

    articles = {str(a["id"]): a for a in report.get("articles", [])}
    counts = {r: sum(1 for f in findings if f.get("relation") == r) for r in RELATIONS}

    # which claims the page shows in full (claims of findings first), and those it
    # names: the findings' claims, read a batch of findings at a time
    raw = report.get("claims", [])
    shown, keep, n_claims = page_plan(raw, findings, max_claims)
    named = keep.union(findings_claim_ids(findings))
    other = [f for f in findings if f.get("relation") not in ("contradiction", "agreement")]
    nav = (
        '<nav><a href="#summary">Summary</a><a href="#timelines">Timelines</a>'
        f'<a href="#contradictions">Contradictions ({counts["contradiction"]})</a>'
        f'<a href="#agreements">Agreements ({counts["agreement"]})</a>'
        + ('<a href="#other">Other findings</a>' if other else "")
        + '<a href="#claims">Claims</a><a href="#articles">Articles</a><a href="#manifest">Inputs</a></nav>'
    )
    subtitle = (
        f"{e(summary.get('articles', len(articles)))} articles · {e(summary.get('claims', n_claims))} claims"
        f" · {e(report.get('schema', ''))} · crosscheck {e(report.get('tool_version', ''))}"
    )
    body = _body_pieces(
        report, texts, findings, other, counts, articles, raw, shown, keep, named, n_claims
    )
    return body, subtitle, nav


#: Findings whose cards report.html makes at a time: their claims are read,
#: rendered and dropped, so the page's memory does not grow with the findings.
CARD_BATCH = 500


def _claims_of_values(
    raw: Any, findings: Sequence[Mapping[str, Any]], named: Set[str]
) -> dict[str, Mapping[str, Any]]:
    """The claim objects the findings' values name (those the page names)."""
    from crosscheck.report import card_claims, page_names

    ids = dict.fromkeys(str(v.get("claim_id")) for f in findings for v in f.get("values", []))
    return page_names(card_claims(raw), ids, named)


def _cards(
    findings: Sequence[Mapping[str, Any]],
    raw: Any,
    named: Set[str],
    articles: Mapping[str, Any],
    linked: set[str],
) -> Iterator[str]:
    for at in range(0, len(findings), CARD_BATCH):
        part = findings[at : at + CARD_BATCH]
        claims = _claims_of_values(raw, part, named)
        yield "".join(_finding_card(f, claims, articles, linked) for f in part)


def _body_pieces(
    report: Mapping[str, Any],
    texts: Mapping[str, str] | None,
    findings: Sequence[Mapping[str, Any]],
    other: Sequence[Mapping[str, Any]],
    counts: Mapping[str, int],
    articles: Mapping[str, Any],
    raw: Any,
    shown: Sequence[Mapping[str, Any]],
    keep: set[str],
    named: Set[str],
    n_claims: int,
) -> Iterator[str]:
    from crosscheck.report import LazyTexts

    summary = report.get("summary", {})
    linked = set(keep)

    stats = [
        ("articles", summary.get("articles", len(articles)), ""),
        ("inputs skipped", summary.get("skipped", 0), ""),
        ("claims", summary.get("claims", n_claims), ""),
        ("speakers", summary.get("speakers", len(report.get("speakers", []))), ""),
        ("events", summary.get("events", len(report.get("events", []))), ""),
        ("contradictions", counts["contradiction"], "contradiction"),
        ("agreements", counts["agreement"], "agreement"),
        ("quote variants", counts["quote_variant"], ""),
    ]
    parts = ['<section id="summary"><h2>Summary</h2><div class="stats">']
    parts += [
        f'<div class="stat {cls}"><b>{e(n)}</b><span>{e(label)}</span></div>'
        for label, n, cls in stats
    ]
    parts.append("</div>")
    top = [f for f in findings if f.get("relation") in ("contradiction", "agreement")][:12]
    if top:
        parts.append('<ul class="top-findings">')
        for f in top:
            vals = "; ".join(
                f"{_clip(str(v.get('text')), 70)} ({v.get('published') or 'no date'})"
                for v in f.get("values", [])
            )
            parts.append(
                f'<li><span class="badge {e(f.get("relation"))}">{e(RELATION_LABEL.get(str(f.get("relation")), ""))}</span> '
                f'<a href="#{anchor("finding", str(f.get("finding_id")))}">'
                f"{e(f.get('event') or _fallback_title(f))}</a>"
                + (f" — {e(f.get('slot'))}" if f.get("slot") else "")
                + f': <span class="muted">{e(vals)}</span></li>'
            )
        parts.append("</ul>")
    else:
        parts.append(
            '<p class="muted">No findings: no two sources were found to agree or contradict.</p>'
        )
    parts.append("</section>\n")

    legend = (
        '<p class="legend">In each sentence: <mark class="sp">speaker</mark> <mark class="cue">cue</mark> '
        '<mark class="ct">content</mark> <mark class="tm">time</mark> <mark class="pl">place</mark> <mark class="qt">number</mark></p>'
    )
    timed = [f for f in findings if f.get("slot") == "time"]
    parts.append(
        '<section id="timelines"><h2>Timelines</h2>'
        f"{_timelines(findings, _claims_of_values(raw, timed, named), articles, linked)}"
        "</section>\n"
    )
    contradictions = [f for f in findings if f.get("relation") == "contradiction"]
    parts.append(
        f'<section id="contradictions"><h2>Contradictions ({len(contradictions)})</h2>{legend}'
    )
    yield from parts
    if contradictions:
        yield from _cards(contradictions, raw, named, articles, linked)
    else:
        yield '<p class="muted">No contradictions found.</p>'
    yield "</section>\n"
    agreements = [f for f in findings if f.get("relation") == "agreement"]
    yield f'<section id="agreements"><h2>Agreements ({len(agreements)})</h2>'
    if agreements:
        yield from _cards(agreements, raw, named, articles, linked)
    else:
        yield '<p class="muted">No agreements found.</p>'
    yield "</section>\n"
    if other:
        yield f'<section id="other"><h2>Quote variants and related claims ({len(other)})</h2>'
        yield from _cards(other, raw, named, articles, linked)
        yield "</section>\n"

    note = ""
    if len(shown) < n_claims:
        note = (
            f'<p class="muted">Showing {len(shown)} of {n_claims} claims (every claim in a '
            "finding, then the first others); all of them are in claims.csv and report.json.</p>"
        )
    yield (
        f'<section id="claims"><h2>Claims ({n_claims})</h2>{note}'
        '<p class="muted">Click a column heading to sort; a claim id jumps to its place in the article.</p>'
        f"{_claims_table(shown)}</section>\n"
    )
    by_article: dict[str, list[Mapping[str, Any]]] = {}
    for c in shown:
        by_article.setdefault(str(c.get("article_id")), []).append(c)
    yield f'<section id="articles"><h2>Articles ({len(by_article)} with claims)</h2>'
    if isinstance(texts, LazyTexts):
        texts = texts.fetch(sorted(by_article))  # only the texts the page shows
    for aid in sorted(by_article):
        art = articles.get(aid, {"id": aid})
        text = texts.get(aid) if texts is not None else None
        yield _article_block(art, by_article[aid], text)
    yield "</section>\n"
    yield f'<section id="manifest"><h2>Inputs</h2>{_manifest(report.get("manifest", []))}</section>\n'


def render_table(
    kind: str, rows: Sequence[Mapping[str, Any]], columns: Sequence[str], *, title: str = ""
) -> str:
    """The ``--format html`` page of a listing: one sortable, filterable table."""
    from crosscheck.report import cell_text

    head = "".join(f"<th>{e(c)}</th>" for c in columns)
    body = "\n".join(
        "<tr>" + "".join(f"<td>{e(cell_text(r.get(c, '')))}</td>" for c in columns) + "</tr>"
        for r in rows
    )
    table = (
        f'<section><h2>{e(kind)} ({len(rows)})</h2><div class="tablewrap">'
        f'<table class="data sortable filterable" id="{e(kind)}-table" data-what="{e(kind)}">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div></section>\n"
    )
    return _page(title or f"crosscheck {kind}", table, subtitle=f"{len(rows)} {e(kind)}")
