"""The report stage: one output dispatcher for every listing, and the report writer.

Listing commands (claims, articles, speakers, events, findings, manifest, evaluate
scores) build a list of flat rows and call ``render(kind, rows, fmt)``; the same
rows go to every format, in a stable column order (``COLUMNS``).

``build_report`` makes the report.json object; ``write_report`` writes the report
files into one output folder with atomic writes; ``summary_lines`` is the terminal
summary. Nothing here prints.

Speed (abp-10k: 298,000 claims, 620 MB of report files): the writing runs with the
cyclic garbage collector paused (``gc_paused``); each claim's report.json line and
claims.csv row are made straight from the record (``_claim_json_text``,
``claims_csv_rows``: C-level attribute getters, the formula check done once per
row), never through a per-cell dict: written into a template of the keys
(``_claim_line``) and joined with the quoting csv.writer would apply (``_csv_row``),
with the JSON encoder and csv.writer's rules as the fallback for a claim whose fields
are not of their declared types; a report.json line and its slot items are f-strings
(no template parsed per line). (Rendering them
on workers forked from the process holding the corpus was measured and left out:
+40% CPU from copy-on-write faults, up to 0.8 GB of copied pages, and slower
whenever the cores are busy. ``crosscheck report`` has them rendered ahead instead
by a helper forked before the extraction, from the pickled results the pool sends
anyway: ``spool.ClaimSpool``.) findings.md
and report.html's finding cards read the findings' claims as objects cut to the keys
they read (``claim_parts``: ``_md_claim``, ``_card_claim``), not whole report.json
objects.

Spreadsheet safety (CSV): UTF-8 (``excel=True`` adds a byte-order mark so Excel
detects the encoding), RFC 4180 quoting with CRLF line ends, and formula injection
neutralised by ``neutralise`` (see its docstring for the exact rule).
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import functools
import io
import itertools
import json
import math
import operator
import re
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence, Set
from json import encoder as json_encoder
from pathlib import Path
from typing import Any, Literal, overload

from crosscheck import __version__, records, safeio
from crosscheck.errors import EXIT_USAGE, BaselineExistsError, CrosscheckError
from crosscheck.gctools import gc_paused
from crosscheck.records import (
    CLAIM_COLUMNS,
    ArticleResult,
    Claim,
    CrossReference,
    EventEntry,
    Extraction,
    Finding,
    FindingValue,
    ManifestEntry,
    SpeakerEntry,
    _cell,
)

if typing.TYPE_CHECKING:
    from crosscheck.spool import ClaimSpool

REPORT_SCHEMA = "crosscheck.report/1"

FORMATS: tuple[str, ...] = ("table", "csv", "jsonl", "json", "md", "html", "claimreview")

# Row kinds the listing commands produce from an extraction / cross-reference.
KINDS: tuple[str, ...] = ("claims", "articles", "speakers", "events", "findings", "manifest")

# The documented column order of each row kind. Keys a row has beyond these are
# appended in the order first seen, so nothing is ever dropped.
COLUMNS: dict[str, tuple[str, ...]] = {
    "claims": CLAIM_COLUMNS,
    "articles": (
        "id",
        "title",
        "outlet",
        "published",
        "date_source",
        "source",
        "line",
        "chars",
        "sentences",
        "claims",
    ),
    "speakers": ("speaker", "speaker_type", "roles", "mentions", "articles", "claims"),
    "events": ("event", "head", "aliases", "articles", "claims"),
    "findings": (
        "finding_id",
        "relation",
        "slot",
        "event",
        "timeline",
        "claims",
        "articles",
        "values",
        "score",
        "independent",
        "reason",
    ),
    "manifest": ("source", "line", "status", "article_id", "reason", "hint"),
}

# Files write_report puts in the output folder.
REPORT_FILES: tuple[str, ...] = (
    "claims.csv",
    "findings.csv",
    "findings.md",
    "manifest.csv",
    "report.html",
    "report.json",
)

# A folder holding this file is a pinned baseline (see baseline.py).
BASELINE_FILE = "baseline.json"

RELATION_ORDER: dict[str, int] = {
    "contradiction": 0,
    "agreement": 1,
    "quote_variant": 2,
    "related": 3,
}

RELATION_TITLES: dict[str, str] = {
    "contradiction": "Contradictions",
    "agreement": "Agreements",
    "quote_variant": "Quote variants",
    "related": "Related",
}

SUMMARY_VALUES = 12  # values of one finding shown in the terminal summary (the rest: findings.md)
SUMMARY_REASON_WIDTH = 600  # characters of a finding's reason in the terminal summary
TABLE_CELL_WIDTH = 60  # characters of a terminal table cell before it is cut with "…"


class UnsupportedFormat(CrosscheckError):
    """A format that this listing cannot produce (e.g. claimreview for articles)."""

    exit_code = EXIT_USAGE


# --------------------------------------------------------------------------- ordering


def claim_sort_key(claim: Claim) -> tuple[str, int, int, str]:
    return (claim.article_id, claim.content_start, claim.content_end, claim.claim_id)


# ``claim_sort_key`` as a C-level getter (the same tuple), for sorting every claim
_CLAIM_ORDER: Callable[[Claim], tuple[str, int, int, str]] = operator.attrgetter(
    "article_id", "content_start", "content_end", "claim_id"
)


def finding_sort_key(finding: Finding) -> tuple[int, float, str]:
    """Contradictions first, then agreements, quote variants, related; best score first."""
    return (RELATION_ORDER.get(finding.relation, 9), -finding.score, finding.id)


def speaker_sort_key(entry: SpeakerEntry) -> tuple[int, str, str]:
    return (-len(entry.claims), entry.speaker.casefold(), entry.key)


def event_sort_key(entry: EventEntry) -> tuple[int, str, str]:
    return (-len(entry.claims), entry.event.casefold(), entry.key)


def _results(extraction: Extraction) -> list[ArticleResult]:
    return sorted(
        extraction.results, key=lambda r: (r.article.id, r.article.source, r.article.line)
    )


def _manifest(extraction: Extraction) -> list[ManifestEntry]:
    return sorted(
        extraction.manifest, key=lambda m: (m.source, m.line, m.article_id, m.status, m.reason)
    )


# --------------------------------------------------------------------------- rows


def rows(
    kind: str, extraction: Extraction, xref: CrossReference | None = None
) -> list[dict[str, Any]]:
    """The flat rows of one listing kind (see ``KINDS``), in their stable order."""
    if kind == "claims":
        return [c.to_row() for c in sorted(extraction.claims, key=claim_sort_key)]
    if kind == "articles":
        return [r.to_row() for r in _results(extraction)]
    if kind == "manifest":
        return [m.to_row() for m in _manifest(extraction)]
    if xref is None:
        raise CrosscheckError(
            f"{kind} need the cross-reference stage", hint="pass the CrossReference"
        )
    if kind == "speakers":
        return [s.to_row() for s in sorted(xref.speakers, key=speaker_sort_key)]
    if kind == "events":
        return [e.to_row() for e in sorted(xref.events, key=event_sort_key)]
    if kind == "findings":
        return [f.to_row() for f in sorted(xref.findings, key=finding_sort_key)]
    raise CrosscheckError(f"unknown listing {kind!r}", hint=f"use one of: {', '.join(KINDS)}")


def columns_of(kind: str, rows: Iterable[Mapping[str, Any]]) -> list[str]:
    """The documented columns of ``kind``, then any other keys in first-seen order."""
    cols = list(COLUMNS.get(kind, ()))
    seen = set(cols)
    for row in rows:
        for key in row:
            if key not in seen:
                seen.add(key)
                cols.append(key)
    return cols


# --------------------------------------------------------------------------- cells

# The characters that make a spreadsheet treat a cell as a formula (OWASP, "CSV Injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_FIRST = frozenset([*FORMULA_TRIGGERS, " "])  # first characters worth a closer look


def neutralise(cell: str) -> str:
    """Make a CSV text cell inert in Excel, LibreOffice and Google Sheets.

    A text cell whose first character, or first character after leading spaces, is
    ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading apostrophe
    ``'``: spreadsheets then show it as text and never evaluate it (OWASP, "CSV
    Injection"). Numbers and booleans of numeric columns (offsets, scores, line
    numbers) are not text cells and are written as they are; a negative number in
    a text column ("-3") is prefixed like any other text.
    """
    if not cell or cell[0] not in _FIRST:
        return cell
    head = cell.lstrip(" ")
    if head and head[0] in FORMULA_TRIGGERS:
        return "'" + cell
    return cell


def cell_text(value: Any) -> str:
    """A cell as text, the same in every text format: '' for None, true/false, lists joined."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "; ".join(cell_text(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


# Excel holds at most 32,767 characters in a cell (Google Sheets 50,000); a longer text
# is cut, and says so, so that the row still opens. report.json keeps the full text.
CSV_CELL_MAX = 32_767
_CUT_NOTE = " … [cut: {n:,} characters; full text in report.json]"


def _fit(cell: str) -> str:
    if len(cell) <= CSV_CELL_MAX:
        return cell
    note = _CUT_NOTE.format(n=len(cell))
    return cell[: CSV_CELL_MAX - len(note)] + note


def _csv_cell(value: Any) -> Any:
    kind = type(value)
    if kind is str:
        if not value or (value[0] not in _FIRST and len(value) <= CSV_CELL_MAX):
            return value  # the common case: nothing to neutralise or cut
        return _fit(neutralise(value))
    if kind is int or kind is float:
        return value
    if isinstance(value, bool):
        return cell_text(value)
    if isinstance(value, (int, float)):
        return value
    return _fit(neutralise(cell_text(value)))


def _json_value(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_json_value(v) for v in value]
    if isinstance(value, list):
        return [_json_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _json_value(v) for k, v in value.items()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _ordered(row: Mapping[str, Any], cols: Sequence[str]) -> dict[str, Any]:
    return {c: _json_value(row.get(c, "")) for c in cols}


# --------------------------------------------------------------------------- formats


def to_csv(rows: Sequence[Mapping[str, Any]], cols: Sequence[str], *, excel: bool = False) -> str:
    """RFC 4180 CSV (CRLF line ends, minimal quoting), formula cells neutralised."""
    return csv_text(rows, cols, header=True, excel=excel)


def csv_text(
    rows: Iterable[Mapping[str, Any]], cols: Sequence[str], *, header: bool, excel: bool = False
) -> str:
    """``to_csv``, optionally without the header line (to write a CSV in pieces)."""
    buf = io.StringIO(newline="")
    if excel and header:
        buf.write("\ufeff")
    writer = csv.writer(buf, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    if header:
        writer.writerow([neutralise(c) for c in cols])
    for row in rows:
        writer.writerow([_csv_cell(row.get(c, "")) for c in cols])
    return buf.getvalue()


def _cut(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def to_table(
    rows: Sequence[Mapping[str, Any]], cols: Sequence[str], *, width: int = TABLE_CELL_WIDTH
) -> str:
    """A plain-text table for the terminal; long cells are cut to ``width`` with '…'."""
    body = [[_cut(cell_text(row.get(c, "")), width) for c in cols] for row in rows]
    from tabulate import tabulate  # (here: only terminal tables need it; 16 ms to import)

    text = tabulate(body, headers=list(cols), tablefmt="simple", disable_numparse=True)
    return text + "\n"


# the characters ``md_escape`` changes or looks for: a text without any is its own escape
_MD_SPECIAL = re.compile("[\\\\|&<>\r\n]")


def md_escape(text: str) -> str:
    """A Markdown table cell: pipes, backslashes and HTML made literal, newlines as <br>."""
    if type(text) is str and _MD_SPECIAL.search(text) is None:
        return text
    text = text.replace("\\", "\\\\").replace("|", "\\|")
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "<br>".join(text.splitlines()) if ("\n" in text or "\r" in text) else text


def to_markdown(rows: Sequence[Mapping[str, Any]], cols: Sequence[str]) -> str:
    """A GitHub-flavoured Markdown pipe table."""
    lines = ["| " + " | ".join(md_escape(c) for c in cols) + " |"]
    lines.append("|" + "|".join("---" for _ in cols) + "|")
    for row in rows:
        lines.append("| " + " | ".join(md_escape(cell_text(row.get(c, ""))) for c in cols) + " |")
    return "\n".join(lines) + "\n"


def to_jsonl(rows: Sequence[Mapping[str, Any]], cols: Sequence[str]) -> str:
    return "".join(json.dumps(_ordered(r, cols), ensure_ascii=False) + "\n" for r in rows)


def to_json(rows: Sequence[Mapping[str, Any]], cols: Sequence[str]) -> str:
    return json.dumps([_ordered(r, cols) for r in rows], ensure_ascii=False, indent=2) + "\n"


def render(
    kind: str,
    rows: Sequence[Mapping[str, Any]],
    fmt: str,
    *,
    excel: bool = False,
    columns: Sequence[str] | None = None,
    report: Mapping[str, Any] | None = None,
    title: str = "",
) -> str:
    """Render listing rows of ``kind`` in ``fmt`` (one of ``FORMATS``).

    The same rows and columns go to every format. ``columns`` overrides the column
    order (default: ``columns_of(kind, rows)``). ``claimreview`` needs the report
    object (``build_report``) and is only offered for ``findings``.
    """
    cols = list(columns) if columns is not None else columns_of(kind, rows)
    if fmt == "table":
        return to_table(rows, cols)
    if fmt == "csv":
        return to_csv(rows, cols, excel=excel)
    if fmt == "jsonl":
        return to_jsonl(rows, cols)
    if fmt == "json":
        return to_json(rows, cols)
    if fmt == "md":
        return to_markdown(rows, cols)
    if fmt == "html":
        from crosscheck import html

        return html.render_table(kind, rows, cols, title=title or f"crosscheck {kind}")
    if fmt == "claimreview":
        if kind != "findings" or report is None:
            raise UnsupportedFormat(
                f"--format claimreview is for findings, not {kind}",
                hint="use `crosscheck findings PATH --format claimreview`",
            )
        return render_document(report, "claimreview")
    raise UnsupportedFormat(f"unknown format {fmt!r}", hint=f"use one of: {', '.join(FORMATS)}")


def render_document(
    report: Mapping[str, Any],
    fmt: str,
    *,
    texts: Mapping[str, str] | None = None,
    excel: bool = False,
) -> str:
    """A whole-report format from the report object: html (the full page),
    claimreview (JSON-LD drafts of contradictions), json (report.json), md
    (findings.md); csv/jsonl/table fall back to the findings rows."""
    if fmt == "html":
        from crosscheck import html

        # (the page's limit read here, at call time: html is compiled, and a test
        # changes the limit through the module)
        return html.render_html(report, texts, max_claims=html.MAX_CLAIMS)
    if fmt == "claimreview":
        from crosscheck import claimreview

        return claimreview.dumps(claimreview.build(report))
    if fmt == "json":
        return report_json(report)
    if fmt == "md":
        return findings_markdown(report)
    return render("findings", report_finding_rows(report), fmt, excel=excel)


def report_finding_rows(report: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Flat findings rows (as ``Finding.to_row``) from the report object's findings."""
    out = []
    for f in report.get("findings", []):
        row = dict(f)
        row["claims"] = "; ".join(f.get("claims", []))
        row["articles"] = "; ".join(f.get("articles", []))
        row["values"] = "; ".join(
            f"{v['claim_id']}={v['text']}"
            + (f" [{v['start']}..{v['end']}]" if v.get("start") or v.get("end") else "")
            for v in f.get("values", [])
        )
        out.append(row)
    return out


def listing(
    kind: str,
    extraction: Extraction,
    xref: CrossReference | None,
    fmt: str,
    *,
    excel: bool = False,
    tool_version: str = __version__,
) -> str:
    """``render(kind, rows(kind, ...), fmt)``: what a listing command prints."""
    report = None
    if fmt == "claimreview" and kind == "findings" and xref is not None:
        report = build_report(extraction, xref, tool_version=tool_version)
    return render(kind, rows(kind, extraction, xref), fmt, excel=excel, report=report)


# --------------------------------------------------------------------------- report.json


_CLAIM_ROW = operator.attrgetter(*CLAIM_COLUMNS)
_CLAIM_MORE = operator.attrgetter(
    "times", "quantities", "places", "events", "cue_start", "cue_end", "sentence_index"
)
#: report.json's keys of a claim, in ``_claim_json``'s order: ``Claim.to_json`` (the row,
#: then the normalised slots), then what the report adds.
CLAIM_JSON_KEYS: tuple[str, ...] = (
    *CLAIM_COLUMNS,
    "times",
    "quantities",
    "places",
    "events",
    "cue_start",
    "cue_end",
    "sentence_index",
    "canonical_speaker",
    "canonical_events",
)
_SORTED_JSON_KEYS = tuple(sorted(CLAIM_JSON_KEYS))
_TO_SORTED = operator.itemgetter(*(CLAIM_JSON_KEYS.index(k) for k in _SORTED_JSON_KEYS))

# How each claim field becomes a cell. ``records._cell`` changes only None and dates,
# so the fields typed ``str`` (or a literal of strings), ``int``, ``bool`` or ``float``
# are taken as they are, and only the others go through it (``_CELL_FIX``). In
# claims.csv a text field is written as it is unless a cell must be neutralised or cut
# (checked for the whole row at once, ``claims_csv_rows``), an ``int`` as it is, and
# the rest (dates, optional offsets, booleans) cell by cell (``_CSV_FIX``).
_CLAIM_TYPES = {f.name: str(f.type) for f in dataclasses.fields(Claim)}


def _is_text(annotation: str) -> bool:
    if annotation == "str":
        return True
    alias = getattr(records, annotation, None)
    args = typing.get_args(alias)
    return typing.get_origin(alias) is Literal and all(isinstance(a, str) for a in args)


_TEXT_COLUMNS = tuple(c for c in CLAIM_COLUMNS if _is_text(_CLAIM_TYPES[c]))
_CELL_FIX = tuple(
    n
    for n, c in enumerate(CLAIM_COLUMNS)
    if not _is_text(_CLAIM_TYPES[c]) and _CLAIM_TYPES[c] not in ("int", "bool", "float")
)
_CSV_TEXT = operator.attrgetter(*_TEXT_COLUMNS)
_CSV_FIX = tuple(
    n
    for n, c in enumerate(CLAIM_COLUMNS)
    if not _is_text(_CLAIM_TYPES[c]) and _CLAIM_TYPES[c] != "int"
)
# a cell of the row (after the NUL that precedes each) that may need ``neutralise``
_CSV_TRIGGER = re.compile("\x00[" + re.escape("".join(sorted(_FIRST))) + "]")


def _claim_values(claim: Claim, xref: CrossReference, sort: bool) -> list[Any]:
    """The values of a claim's report.json object, in ``CLAIM_JSON_KEYS`` order (the
    normalised slots' objects with sorted keys when ``sort``)."""
    values = list(_CLAIM_ROW(claim))
    for n in _CELL_FIX:
        values[n] = _cell(values[n])
    times, quantities, places, events, cue_start, cue_end, sentence_index = _CLAIM_MORE(claim)
    for slot in (times, quantities, places, events):
        if not slot:
            values.append([])
        elif sort:
            values.append([dict(sorted(x.to_row().items())) for x in slot])
        else:
            values.append([x.to_row() for x in slot])
    cid = claim.claim_id
    values += (
        "" if cue_start is None else cue_start,
        "" if cue_end is None else cue_end,
        sentence_index,
        xref.speaker_of.get(cid, ""),
        sorted(set(xref.events_of.get(cid, ()))),
    )
    return values


def _claim_json(claim: Claim, xref: CrossReference) -> dict[str, Any]:
    """A claim's report.json object: ``claim.to_json()`` (the row plus its normalised
    slots) with the cue offsets, the sentence index and the canonical speaker and
    events (keys in ``CLAIM_JSON_KEYS`` order). The same dict as building it through
    ``to_json`` (or ``_claim_values``), made with a C-level attribute getter into a
    dict display: the fields ``_cell`` may change (``_CELL_FIX``) go through it, the
    others are taken as they are."""
    (
        claim_id,
        article_id,
        outlet,
        published,
        date_source,
        kind,
        speaker,
        speaker_name,
        speaker_role,
        speaker_type,
        speaker_start,
        speaker_end,
        cue,
        via,
        quote,
        resolved,
        negated,
        content,
        content_start,
        content_end,
        sentence,
        sentence_start,
        sentence_end,
        times,
        quantities,
        places,
        events,
        cue_start,
        cue_end,
        sentence_index,
    ) = _JSON_FIELDS(claim)
    cid = claim.claim_id
    return {
        "claim_id": claim_id,
        "article_id": article_id,
        "outlet": outlet,
        "published": _cell(published),
        "date_source": date_source,
        "kind": kind,
        "speaker": speaker,
        "speaker_name": speaker_name,
        "speaker_role": speaker_role,
        "speaker_type": speaker_type,
        "speaker_start": speaker_start if type(speaker_start) is int else _cell(speaker_start),
        "speaker_end": speaker_end if type(speaker_end) is int else _cell(speaker_end),
        "cue": cue,
        "via": via,
        "quote": quote,
        "resolved": resolved,
        "negated": negated,
        "content": content,
        "content_start": content_start,
        "content_end": content_end,
        "sentence": sentence,
        "sentence_start": sentence_start,
        "sentence_end": sentence_end,
        "times": [x.to_row() for x in times] if times else [],
        "quantities": [x.to_row() for x in quantities] if quantities else [],
        "places": [x.to_row() for x in places] if places else [],
        "events": [x.to_row() for x in events] if events else [],
        "cue_start": "" if cue_start is None else cue_start,
        "cue_end": "" if cue_end is None else cue_end,
        "sentence_index": sentence_index,
        "canonical_speaker": xref.speaker_of.get(cid, ""),
        "canonical_events": sorted(set(xref.events_of.get(cid, ()))),
    }


# ``_claim_json``'s fields, in the order it names them: the claim's columns, then what
# ``_CLAIM_MORE`` reads; the columns ``_cell`` may change are the three it passes on
_JSON_FIELD_NAMES = CLAIM_JSON_KEYS[:-2]  # (without the two the report adds)
_JSON_FIELDS = operator.attrgetter(*_JSON_FIELD_NAMES)
assert _JSON_FIELD_NAMES[:23] == CLAIM_COLUMNS and len(CLAIM_COLUMNS) == 23
assert [CLAIM_COLUMNS[n] for n in _CELL_FIX] == ["published", "speaker_start", "speaker_end"]
assert (*_JSON_FIELD_NAMES, "canonical_speaker", "canonical_events") == CLAIM_JSON_KEYS


def _claim_json_text(claim: Claim, xref: CrossReference) -> str:
    """``_compact(_claim_json(claim, xref))``: its report.json line (``_claim_line``,
    or for a claim whose fields it does not take, the object built with its keys
    already in order for an encoder that need not sort them)."""
    line = _claim_line(claim, xref.speaker_of, xref.events_of)
    if line is None:
        values = _TO_SORTED(_claim_values(claim, xref, True))
        line = _encode_sorted(dict(zip(_SORTED_JSON_KEYS, values, strict=True)))
    return line


# ``_claim_line``: a claim's report.json line written into a template of its keys.
# The JSON encoder writes a dict with sorted keys as ``{"key": value, ...}`` (``": "``
# and ``", "``), each key and text value through ``encode_basestring``, an int as its
# ``repr`` (== ``str`` for an exact int), True/False as true/false; the template holds
# the keys (``_SORTED_JSON_KEYS``) already written, and each value is written the way
# the encoder would write it (``_claim_line`` names the values in this order).
_LINE_KEYS = _SORTED_JSON_KEYS  # (``_claim_line`` names its values in this order)
_ENCODE_STR: Callable[[str], str] | None = getattr(json_encoder, "c_encode_basestring", None)
_LINE_TEMPLATE = (
    "{"
    + ", ".join(json_encoder.encode_basestring(k).replace("%", "%%") + ": %s" for k in _LINE_KEYS)
    + "}"
)
# the claim fields written through ``encode_basestring`` (text), in template order
_LINE_TEXT_FIELDS = (
    "article_id",
    "claim_id",
    "content",
    "cue",
    "date_source",
    "kind",
    "outlet",
    "quote",
    "sentence",
    "speaker",
    "speaker_name",
    "speaker_role",
    "speaker_type",
    "via",
)
assert set(_LINE_TEXT_FIELDS) == set(_TEXT_COLUMNS), "every text column is written as text"
_LINE_TEXT = operator.attrgetter(*_LINE_TEXT_FIELDS)
_LINE_OTHER = operator.attrgetter(
    "content_end",
    "content_start",
    "cue_end",
    "cue_start",
    "negated",
    "published",
    "resolved",
    "sentence_end",
    "sentence_index",
    "sentence_start",
    "speaker_end",
    "speaker_start",
    "events",
    "places",
    "quantities",
    "times",
)
_NO_EVENTS: tuple[str, ...] = ()


def _slot_text(slot: Sequence[Any]) -> str:
    """A normalised slot's JSON, as ``_claim_values`` (sorted) makes and encodes it:
    the encoder writes a list as ``[item, item]`` (``", "``), each item on its own,
    so each item is written by its ``_SLOT_ITEM_WRITERS`` or, when that declines (or
    there is none), encoded."""
    if not slot:
        return "[]"
    items = []
    for x in slot:
        write = _SLOT_ITEM_WRITERS.get(type(x))
        text = None if write is None else write(x)
        items.append(_encode_sorted(dict(sorted(x.to_row().items()))) if text is None else text)
    return "[" + ", ".join(items) + "]"


# ``_slot_text``'s items written into templates of their ``to_row`` keys (sorted, as
# the encoder writes them), as ``_claim_line`` writes a claim: each text through
# ``encode_basestring``, an exact int as ``str``, an exact bool as true/false, a
# finite exact float as its ``repr``, an exact ``datetime.date`` (or None) as
# ``records.iso`` gives it. A value of another type: None (the encoder writes it).
def _item_template(keys: Sequence[str]) -> str:
    return (
        "{"
        + ", ".join(json_encoder.encode_basestring(k).replace("%", "%%") + ": %s" for k in keys)
        + "}"
    )


_TIME_KEYS = ("end", "first", "grain", "last", "modifier", "resolved_by", "start", "text")
_QUANTITY_KEYS = ("end", "hedge", "start", "text", "unit", "value")
_PLACE_KEYS = ("end", "name", "start", "text")
_EVENT_KEYS = ("end", "head", "key", "named", "start", "text")
_TIME_GET = operator.attrgetter(*_TIME_KEYS)
_QUANTITY_GET = operator.attrgetter(*_QUANTITY_KEYS)
_PLACE_GET = operator.attrgetter(*_PLACE_KEYS)
_EVENT_GET = operator.attrgetter(*_EVENT_KEYS)
_TIME_TEMPLATE = _item_template(_TIME_KEYS)
_QUANTITY_TEMPLATE = _item_template(_QUANTITY_KEYS)
_PLACE_TEMPLATE = _item_template(_PLACE_KEYS)
_EVENT_TEMPLATE = _item_template(_EVENT_KEYS)
# (the item writers below write these templates as f-strings, which need no template
# parsed per item; each record's ``to_row`` has exactly these keys: the templates name
# every one)
assert tuple(sorted(records.TimeSpan("", 0, 0, None, None).to_row())) == _TIME_KEYS
assert tuple(sorted(records.Quantity("", 0, 0, 0.0).to_row())) == _QUANTITY_KEYS
assert tuple(sorted(records.Place("", 0, 0, "").to_row())) == _PLACE_KEYS
assert tuple(sorted(records.EventMention("", 0, 0, "", "").to_row())) == _EVENT_KEYS


def _time_item(x: records.TimeSpan) -> str | None:
    end, first, grain, last, modifier, resolved_by, start, text = _TIME_GET(x)
    enc = _ENCODE_STR
    if not (
        type(end) is int
        and type(start) is int
        and type(first) in _OPT_DATE
        and type(last) in _OPT_DATE
        and enc is not None
    ):
        return None
    try:
        first_text = '""' if first is None else enc(first.isoformat())
        last_text = '""' if last is None else enc(last.isoformat())
        return (
            f'{{"end": {end}, "first": {first_text}, "grain": {enc(grain)}, '
            f'"last": {last_text}, "modifier": {enc(modifier)}, '
            f'"resolved_by": {enc(resolved_by)}, "start": {start}, "text": {enc(text)}}}'
        )
    except TypeError:  # a text field that is not a str
        return None


def _quantity_item(x: records.Quantity) -> str | None:
    end, hedge, start, text, unit, value = _QUANTITY_GET(x)
    enc = _ENCODE_STR
    kind = type(value)
    if kind is float and math.isfinite(value):
        number = float.__repr__(value)
    elif kind is int:
        number = int.__repr__(value)
    else:  # NaN, the infinities and other types: the encoder's
        return None
    if not (type(end) is int and type(start) is int and enc is not None):
        return None
    try:
        return (
            f'{{"end": {end}, "hedge": {enc(hedge)}, "start": {start}, '
            f'"text": {enc(text)}, "unit": {enc(unit)}, "value": {number}}}'
        )
    except TypeError:
        return None


def _place_item(x: records.Place) -> str | None:
    end, name, start, text = _PLACE_GET(x)
    enc = _ENCODE_STR
    if not (type(end) is int and type(start) is int and enc is not None):
        return None
    try:
        return f'{{"end": {end}, "name": {enc(name)}, "start": {start}, "text": {enc(text)}}}'
    except TypeError:
        return None


def _event_item(x: records.EventMention) -> str | None:
    end, head, key, named, start, text = _EVENT_GET(x)
    enc = _ENCODE_STR
    if not (type(end) is int and type(start) is int and type(named) is bool and enc is not None):
        return None
    try:
        flag = "true" if named else "false"
        return (
            f'{{"end": {end}, "head": {enc(head)}, "key": {enc(key)}, "named": {flag}, '
            f'"start": {start}, "text": {enc(text)}}}'
        )
    except TypeError:
        return None


# exact record type -> its item writer (a subclass may write its row otherwise: encoded)
_SLOT_ITEM_WRITERS: dict[type, Callable[[Any], str | None]] = {
    records.TimeSpan: _time_item,
    records.Quantity: _quantity_item,
    records.Place: _place_item,
    records.EventMention: _event_item,
}


def _claim_line(
    claim: Claim, speaker_of: Mapping[str, str], events_of: Mapping[str, Sequence[str]]
) -> str | None:
    """``_compact(_claim_json(claim, xref))`` written into ``_LINE_TEMPLATE``, or None
    when a field is not of its declared type (then the encoder writes the object):
    text fields and the canonical speaker ``str``, offsets and indexes exact ``int``
    (``None`` where the field allows it), flags exact ``bool``, the date an exact
    ``datetime.date`` or None."""
    (
        content_end,
        content_start,
        cue_end,
        cue_start,
        negated,
        published,
        resolved,
        sentence_end,
        sentence_index,
        sentence_start,
        speaker_end,
        speaker_start,
        events,
        places,
        quantities,
        times,
    ) = _LINE_OTHER(claim)
    if not (
        type(content_end) is int
        and type(content_start) is int
        and type(sentence_end) is int
        and type(sentence_index) is int
        and type(sentence_start) is int
        and type(cue_end) in _OPT_INT
        and type(cue_start) in _OPT_INT
        and type(speaker_end) in _OPT_INT
        and type(speaker_start) in _OPT_INT
        and type(negated) is bool
        and type(resolved) is bool
        and type(published) in _OPT_DATE
        and _ENCODE_STR is not None
        and _C_ENCODE_SORTED is not None
    ):
        return None
    enc = _ENCODE_STR
    cid = claim.claim_id
    try:
        (
            article_id,
            claim_id,
            content,
            cue,
            date_source,
            kind,
            outlet,
            quote,
            sentence,
            speaker,
            speaker_name,
            speaker_role,
            speaker_type,
            via,
        ) = map(enc, _LINE_TEXT(claim))
        canonical_speaker = enc(speaker_of.get(cid, ""))
    except TypeError:  # a text field or the canonical speaker that is not a str
        return None
    ev = events_of.get(cid, _NO_EVENTS)
    canonical_events = "[]" if ev is _NO_EVENTS else _encode_sorted(sorted(set(ev)))
    date = '""' if published is None else _published_json(published)
    empty = '""'  # (an optional offset's None)
    # ``_LINE_TEMPLATE`` as an f-string (each value a str or an exact int, which the
    # template's ``%s`` and a replacement field both write as ``str(value)``): no
    # template parsed per line
    return (
        f'{{"article_id": {article_id}, "canonical_events": {canonical_events}, '
        f'"canonical_speaker": {canonical_speaker}, "claim_id": {claim_id}, '
        f'"content": {content}, "content_end": {content_end}, '
        f'"content_start": {content_start}, "cue": {cue}, '
        f'"cue_end": {empty if cue_end is None else cue_end}, '
        f'"cue_start": {empty if cue_start is None else cue_start}, '
        f'"date_source": {date_source}, '
        f'"events": {_slot_text(events) if events else "[]"}, "kind": {kind}, '
        f'"negated": {"true" if negated else "false"}, "outlet": {outlet}, '
        f'"places": {_slot_text(places) if places else "[]"}, "published": {date}, '
        f'"quantities": {_slot_text(quantities) if quantities else "[]"}, '
        f'"quote": {quote}, "resolved": {"true" if resolved else "false"}, '
        f'"sentence": {sentence}, "sentence_end": {sentence_end}, '
        f'"sentence_index": {sentence_index}, "sentence_start": {sentence_start}, '
        f'"speaker": {speaker}, '
        f'"speaker_end": {empty if speaker_end is None else speaker_end}, '
        f'"speaker_name": {speaker_name}, "speaker_role": {speaker_role}, '
        f'"speaker_start": {empty if speaker_start is None else speaker_start}, '
        f'"speaker_type": {speaker_type}, '
        f'"times": {_slot_text(times) if times else "[]"}, "via": {via}}}'
    )


@functools.lru_cache(maxsize=65_536)
def _published_json(published: dt.date) -> str:
    """A date's report.json value (its ISO form, encoded), remembered per distinct
    date (bounded: a corpus has a few thousand dates and every claim of an article
    repeats its date)."""
    return json_encoder.encode_basestring(published.isoformat())


# the types of an optional offset and of the optional date
_OPT_INT = frozenset([int, type(None)])
_OPT_DATE = frozenset([dt.date, type(None)])


def claims_csv_rows(claims: Iterable[Claim]) -> str:
    """claims.csv's rows (no header) for ``claims``: the bytes ``csv_text`` writes
    for their rows, without a dict and a function call per cell, and without
    csv.writer (its copy of each character cost more than making the line here):
    ``_csv_row``, or for a claim it does not take, ``_csv_cells`` and ``_csv_line``."""
    lines: list[str] = []
    for claim in claims:
        line = _csv_row(claim)
        lines.append(_csv_line(_csv_cells(claim)) if line is None else line)
    return "".join(lines)


def _csv_cells(claim: Claim) -> list[Any]:
    """A claim's claims.csv cells, as ``csv_text`` gives them to csv.writer: each
    ``_csv_cell(_cell(value))``, made with fewer calls when no text cell needs
    ``neutralise`` or ``_fit`` (the int fields are left to the writer)."""
    row = list(_CLAIM_ROW(claim))
    try:
        probe = "\x00" + "\x00".join(_CSV_TEXT(claim))
        plain = len(probe) <= CSV_CELL_MAX and _CSV_TRIGGER.search(probe) is None
    except TypeError:  # a text field that is not a str: cell by cell
        plain = False
    if not plain:
        return [_csv_cell(_cell(v)) for v in row]
    for n in _CSV_FIX:
        value = row[n]
        if value is None:
            row[n] = ""
        elif value is True or value is False:
            row[n] = "true" if value else "false"
        else:
            row[n] = _csv_cell(_cell(value))
    return row


# A character that makes csv.writer quote a cell (QUOTE_MINIMAL, delimiter ",", quote
# char '"', line end "\r\n"); the same for a text with no quote, CR or LF (a literal
# pattern, which the regex engine finds faster than a set of characters).
_CSV_QUOTED = re.compile('[,"\r\n]')
_CSV_COMMA = re.compile(",")


def _csv_quote(cell: str) -> str:
    return '"' + str.replace(cell, '"', '""') + '"'


def _csv_line(cells: Sequence[Any]) -> str:
    """The line ``csv.writer(buf, quoting=csv.QUOTE_MINIMAL, lineterminator="\\r\\n")``
    writes for ``cells``, line end included.

    That writer writes a str cell as it is (a str subclass: its characters), None
    as '' and any other cell as ``str(cell)``; it puts a cell in double quotes,
    doubling the double quotes inside, when it holds a comma, a double quote, a CR
    or a LF, joins the cells with commas, and quotes the one empty cell of a
    one-cell row.
    """
    texts = [c if isinstance(c, str) else "" if c is None else str(c) for c in cells]
    if len(texts) == 1 and not texts[0]:
        return '""\r\n'
    return ",".join([_csv_quote(c) if _CSV_QUOTED.search(c) else c for c in texts]) + "\r\n"


def _csv_row(claim: Claim) -> str | None:
    """``_csv_line(_csv_cells(claim))``, made in one go, or None when a field is not
    of its declared type (text ``str``; offsets exact ``int``, or None where
    allowed; flags exact ``bool``; the date an exact ``datetime.date`` or None) or
    a text cell needs ``neutralise`` or ``_fit``.

    Then the text cells are the fields as they are, the date its ISO form (which
    starts with a digit), None '', an int ``str(value)``; only text cells can need
    quotes: the texts are searched at once (each after a NUL), and only those
    holding a character csv.writer quotes are quoted.
    """
    texts = _CSV_TEXT(claim)
    try:
        probe = "\x00" + "\x00".join(texts)
    except TypeError:  # a text field that is not a str
        return None
    if len(probe) > CSV_CELL_MAX or _CSV_TRIGGER.search(probe) is not None:
        return None
    (
        published,
        speaker_start,
        speaker_end,
        resolved,
        negated,
        content_start,
        content_end,
        sentence_start,
        sentence_end,
    ) = _CSV_OTHER(claim)
    if not (
        type(content_start) is int
        and type(content_end) is int
        and type(sentence_start) is int
        and type(sentence_end) is int
        and type(speaker_start) in _OPT_INT
        and type(speaker_end) in _OPT_INT
        and type(resolved) is bool
        and type(negated) is bool
        and type(published) in _OPT_DATE
    ):
        return None
    quoted = _CSV_QUOTED if ('"' in probe or "\r" in probe or "\n" in probe) else _CSV_COMMA
    found = quoted.search(probe)
    if found is not None:
        if probe.count("\x00") != len(texts):  # a text holds a NUL: cell by cell
            return None
        cells = list(texts)
        n = -1  # the text of ``found``: the NULs before it, less one
        start = 0
        while found is not None:
            at = found.start()
            n += probe.count("\x00", start, at)
            cells[n] = _csv_quote(cells[n])
            start = probe.find("\x00", at)  # the next text
            if start < 0:
                break
            found = quoted.search(probe, start)
        texts = tuple(cells)
    (
        claim_id,
        article_id,
        outlet,
        date_source,
        kind,
        speaker,
        speaker_name,
        speaker_role,
        speaker_type,
        cue,
        via,
        quote,
        content,
        sentence,
    ) = texts
    return (
        ",".join(
            [
                claim_id,
                article_id,
                outlet,
                "" if published is None else published.isoformat(),
                date_source,
                kind,
                speaker,
                speaker_name,
                speaker_role,
                speaker_type,
                "" if speaker_start is None else str(speaker_start),
                "" if speaker_end is None else str(speaker_end),
                cue,
                via,
                quote,
                "true" if resolved else "false",
                "true" if negated else "false",
                content,
                str(content_start),
                str(content_end),
                sentence,
                str(sentence_start),
                str(sentence_end),
            ]
        )
        + "\r\n"
    )


# the fields of claims.csv that are not text, in column order (``_csv_row``'s names)
_CSV_OTHER_FIELDS = (
    "published",
    "speaker_start",
    "speaker_end",
    "resolved",
    "negated",
    "content_start",
    "content_end",
    "sentence_start",
    "sentence_end",
)
_CSV_OTHER = operator.attrgetter(*_CSV_OTHER_FIELDS)
# (``_csv_row`` writes the cells in CLAIM_COLUMNS' order: the tests compare it with
# csv.writer over ``_csv_cells``)
assert tuple(c for c in CLAIM_COLUMNS if c not in _CSV_OTHER_FIELDS) == _TEXT_COLUMNS


class ClaimRows(Sequence[dict[str, Any]]):
    """report.json's ``claims``: each claim's JSON object made when it is asked for.

    A corpus's claims as dicts would be the biggest object of a run (hundreds of MB
    at 300,000 claims), and each report file needs them only one at a time, or only
    those its findings name (``by_ids``). Compares equal to the list it stands for.
    """

    def __init__(self, claims: Sequence[Claim], xref: CrossReference) -> None:
        self._claims = claims
        self._xref = xref
        self._index: dict[str, int] | None = None

    def __len__(self) -> int:
        return len(self._claims)

    @overload
    def __getitem__(self, i: int) -> dict[str, Any]: ...

    @overload
    def __getitem__(self, i: slice) -> list[dict[str, Any]]: ...

    def __getitem__(self, i: int | slice) -> dict[str, Any] | list[dict[str, Any]]:
        if isinstance(i, slice):
            return [_claim_json(c, self._xref) for c in self._claims[i]]
        return _claim_json(self._claims[i], self._xref)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for claim in self._claims:
            yield _claim_json(claim, self._xref)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ClaimRows):
            other = list(other)
        return isinstance(other, list) and list(self) == other

    __hash__ = None  # type: ignore[assignment]

    def ids(self) -> list[str]:
        """The claim ids, in report order (no JSON objects made)."""
        return [c.claim_id for c in self._claims]

    def by_ids(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """claim id -> JSON object for the given ids that exist, in report order."""
        xref = self._xref
        return self.parts_by_ids(ids, lambda claim: _claim_json(claim, xref))

    def parts_by_ids(
        self, ids: Iterable[str], part: Callable[[Claim], dict[str, Any]]
    ) -> dict[str, dict[str, Any]]:
        """``by_ids`` with each object made by ``part`` (the keys of the JSON object a
        reader needs: ``claim_parts``)."""
        if self._index is None:
            self._index = {c.claim_id: n for n, c in enumerate(self._claims)}
        index = self._index
        claims = self._claims
        found = sorted({index[i] for i in ids if i in index})
        return {claims[n].claim_id: part(claims[n]) for n in found}

    def json_pieces(self) -> Iterator[str]:
        """report.json's claim lines: non-empty runs of ``_compact(claim)`` joined by
        ``",\\n  "`` (joined by the same, they are the list's body)."""
        return self._rendered("json")

    def csv_pieces(self, excel: bool) -> Iterator[str]:
        """claims.csv in pieces (header first): the bytes of ``claims_csv``."""
        yield claims_csv_header(excel)
        yield from self._rendered("csv")

    def render(self, fmt: str, start: int, stop: int) -> str:
        """Claims ``start:stop`` (report order) as report.json lines ("json") or
        claims.csv rows ("csv")."""
        claims = self._claims[start:stop]
        if fmt == "csv":
            return claims_csv_rows(claims)
        xref = self._xref
        return ",\n  ".join(_claim_json_text(c, xref) for c in claims)

    def _rendered(self, fmt: str) -> Iterator[str]:
        n = len(self._claims)
        for start in range(0, n, CSV_BATCH):
            yield self.render(fmt, start, min(start + CSV_BATCH, n))


def claim_ids(claims: Sequence[Mapping[str, Any]]) -> list[str]:
    """The ids of report.json claims (a ``ClaimRows`` or a parsed list), in order."""
    if isinstance(claims, ClaimRows):
        return claims.ids()
    return [str(c["claim_id"]) for c in claims]


class RemoteClaims(ClaimRows):
    """report.json's ``claims`` when the claims live in other processes (the dask
    engine's workers): each report file gets them made where they live, one
    partition at a time, so this process never holds them all.

    Subclasses give the count and the streams; the page of report.html asks only
    for the claims it shows (``page``).
    """

    def __init__(self, count: int) -> None:
        super().__init__((), CrossReference((), (), ()))
        self._count = count

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, i: int) -> dict[str, Any]: ...

    @overload
    def __getitem__(self, i: slice) -> list[dict[str, Any]]: ...

    def __getitem__(self, i: int | slice) -> dict[str, Any] | list[dict[str, Any]]:
        if isinstance(i, slice):
            return list(self)[i]
        if not -self._count <= i < self._count:
            raise IndexError(i)
        return next(itertools.islice(iter(self), i % self._count, None))

    def __iter__(self) -> Iterator[dict[str, Any]]:
        """Every claim's JSON object, in report order (streamed)."""
        raise NotImplementedError

    def ids(self) -> list[str]:
        raise NotImplementedError

    def by_ids(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        raise NotImplementedError

    def head_ids(self, n: int, skip: Set[str]) -> list[str]:
        """The first ``n`` claim ids in report order that are not in ``skip``."""
        raise NotImplementedError

    def json_pieces(self) -> Iterator[str]:
        """report.json's claim lines: non-empty runs of ``_compact(claim)`` joined by
        ``",\\n  "`` (joined by the same, they are the list's body)."""
        raise NotImplementedError

    def csv_pieces(self, excel: bool) -> Iterator[str]:
        """claims.csv in pieces (header first): the bytes of ``claims_csv``."""
        raise NotImplementedError

    def plan(
        self, findings: Sequence[Mapping[str, Any]], max_claims: int | None
    ) -> tuple[list[Mapping[str, Any]], set[str], int]:
        """``page_plan`` without listing every claim id or making the findings'
        claims (the findings name claims of this corpus: they all exist)."""
        n_claims = len(self)
        if max_claims is not None and n_claims > max_claims:
            order = list(dict.fromkeys(findings_claim_ids(findings)))[:max_claims]
            if len(order) < max_claims:
                order += self.head_ids(max_claims - len(order), set(order))
            keep = set(order)
        else:
            keep = set(self.ids())
        shown: list[Mapping[str, Any]] = sorted(self.by_ids(keep).values(), key=claim_json_key)
        return shown, keep, n_claims


def claim_json_key(claim: Mapping[str, Any]) -> tuple[str, int, int, str]:
    """``claim_sort_key`` of a claim's JSON object: report order."""
    return (
        str(claim["article_id"]),
        int(claim["content_start"]),
        int(claim["content_end"]),
        str(claim["claim_id"]),
    )


def page_claims(
    raw_claims: Sequence[Mapping[str, Any]],
    findings: Sequence[Mapping[str, Any]],
    max_claims: int | None,
) -> tuple[dict[str, Mapping[str, Any]], list[Mapping[str, Any]], set[str], int]:
    """The claims report.html shows: (claim id -> object for every claim it names,
    in report order; the claims shown in full in report order, their ids, the number
    of claims). The page itself reads them in parts (``page_plan``, ``page_names``).

    At most ``max_claims`` are shown when there are more: the claims of findings
    first (in findings order), then the others in report order.
    """
    shown, keep, n_claims = page_plan(raw_claims, findings, max_claims)
    named = keep.union(findings_claim_ids(findings))
    found = page_names(raw_claims, named, named).values()
    claims = {str(c["claim_id"]): c for c in sorted(found, key=claim_json_key)}
    return claims, shown, keep, n_claims


def page_plan(
    raw_claims: Sequence[Mapping[str, Any]],
    findings: Sequence[Mapping[str, Any]],
    max_claims: int | None,
) -> tuple[list[Mapping[str, Any]], set[str], int]:
    """``page_claims`` without the objects of the findings' claims: (the claims shown
    in full, in report order; their ids; the number of claims). report.html reads
    the findings' claims a batch of findings at a time (``page_names``)."""
    if isinstance(raw_claims, RemoteClaims):
        return raw_claims.plan(findings, max_claims)
    ids = claim_ids(raw_claims)
    present = set(ids)
    in_findings = [cid for cid in findings_claim_ids(findings) if cid in present]
    if max_claims is not None and len(ids) > max_claims:
        keep = set(_first_distinct(in_findings, ids, max_claims))
    else:
        keep = present
    claims = claims_by_id(raw_claims, keep)
    return [claims[i] for i in ids if i in keep], keep, len(ids)


def _first_distinct(head: Sequence[str], tail: Sequence[str], n: int) -> list[str]:
    """``list(dict.fromkeys([*head, *tail]))[:n]``: the first ``n`` distinct ids of
    ``head`` then ``tail``, without reading the rest of ``tail`` (every claim id)."""
    if n < 0:  # (a slice from the end: every id is needed)
        return list(dict.fromkeys([*head, *tail]))[:n]
    order = dict.fromkeys(head)
    if len(order) < n:
        for cid in tail:
            if cid not in order:
                order[cid] = None
                if len(order) >= n:
                    break
    return list(itertools.islice(order, n))


def page_names(
    raw_claims: Sequence[Mapping[str, Any]],
    ids: Iterable[str],
    named: Set[str],
) -> dict[str, Mapping[str, Any]]:
    """The objects of those of ``ids`` that ``page_claims``' first item holds: the
    claims shown (``keep``) and those the findings name (``named``, their ids)."""
    return claims_by_id(raw_claims, (cid for cid in ids if cid in named))


class LazyTexts(Mapping[str, str]):
    """article id -> text as read, fetched from where the articles live when asked
    (the dask engine's workers): ``fetch`` gets many at once."""

    def fetch(self, ids: Iterable[str]) -> Mapping[str, str]:
        raise NotImplementedError

    def __getitem__(self, key: str) -> str:
        found = self.fetch([key])
        if key not in found:
            raise KeyError(key)
        return found[key]


def findings_claim_ids(findings: Iterable[Mapping[str, Any]]) -> list[str]:
    """The claim ids the findings name, in findings order (repeats kept)."""
    return [str(cid) for f in findings for cid in f.get("claims", [])]


def claims_by_id(
    claims: Sequence[Mapping[str, Any]], ids: Iterable[str]
) -> dict[str, Mapping[str, Any]]:
    """claim id -> claim object for those of ``ids`` present, in report order."""
    if isinstance(claims, ClaimRows):
        return dict(claims.by_ids(ids))
    wanted = set(ids)
    return {str(c["claim_id"]): c for c in claims if str(c["claim_id"]) in wanted}


class ClaimParts(ClaimRows):
    """A local ``ClaimRows`` for a reader that looks only at some keys of each claim's
    object: its ``by_ids`` (what ``claims_by_id`` reads) makes ``part(claim)``, the
    JSON object's items of those keys (``_md_claim``, ``_card_claim``), without the
    rest. Everything else is the ``ClaimRows``' (``claim_parts`` makes one)."""

    def __init__(self, rows: ClaimRows, part: Callable[[Claim], dict[str, Any]]) -> None:
        super().__init__(rows._claims, rows._xref)
        self._rows = rows
        self._part = part

    def by_ids(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        return self._rows.parts_by_ids(ids, self._part)


def claim_parts(
    claims: Sequence[Mapping[str, Any]], part: Callable[[Claim], dict[str, Any]]
) -> Sequence[Mapping[str, Any]]:
    """``claims`` as the source of ``claims_by_id`` for a reader of some keys only: a
    local ``ClaimRows`` as a ``ClaimParts`` (its objects made by ``part``); any other
    source (a parsed report, the dask engine's claims) as it is."""
    if type(claims) is ClaimRows:  # (exact: a subclass makes its objects elsewhere)
        return ClaimParts(claims, part)
    return claims


def _md_claim(claim: Claim) -> dict[str, Any]:
    """The items of ``_claim_json(claim, xref)`` that findings.md reads
    (``_finding_markdown``): the same values, the other keys left out."""
    return {
        "article_id": claim.article_id,
        "content": claim.content,
        "outlet": claim.outlet,
        "published": _cell(claim.published),
        "speaker": claim.speaker,
        "speaker_name": claim.speaker_name,
    }


def _card_claim(claim: Claim) -> dict[str, Any]:
    """The items of ``_claim_json(claim, xref)`` that report.html's finding cards and
    timelines read (``html._side``, ``html.sentence_html``, ``html._who``): the same
    values, the other keys left out."""
    times, places, quantities = claim.times, claim.places, claim.quantities
    cue_start, cue_end = claim.cue_start, claim.cue_end
    return {
        "claim_id": claim.claim_id,
        "outlet": claim.outlet,
        "kind": claim.kind,
        "speaker": claim.speaker,
        "speaker_name": claim.speaker_name,
        "speaker_role": claim.speaker_role,
        "speaker_start": _cell(claim.speaker_start),
        "speaker_end": _cell(claim.speaker_end),
        "cue": claim.cue,
        "content": claim.content,
        "content_start": claim.content_start,
        "content_end": claim.content_end,
        "sentence": claim.sentence,
        "sentence_start": claim.sentence_start,
        "times": [x.to_row() for x in times] if times else [],
        "quantities": [x.to_row() for x in quantities] if quantities else [],
        "places": [x.to_row() for x in places] if places else [],
        "cue_start": "" if cue_start is None else cue_start,
        "cue_end": "" if cue_end is None else cue_end,
    }


def card_claims(raw_claims: Sequence[Mapping[str, Any]]) -> Sequence[Mapping[str, Any]]:
    """``raw_claims`` as report.html's finding cards and timelines read them
    (``page_names(card_claims(raw), ...)``): ``claim_parts`` with ``_card_claim``."""
    return claim_parts(raw_claims, _card_claim)


def _speaker_json(entry: SpeakerEntry) -> dict[str, Any]:
    return {
        "speaker": entry.speaker,
        "key": entry.key,
        "speaker_type": entry.speaker_type,
        "roles": list(entry.roles),
        "mentions": list(entry.mentions),
        "articles": list(entry.articles),
        "claims": list(entry.claims),
    }


def _event_json(entry: EventEntry) -> dict[str, Any]:
    return {
        "event": entry.event,
        "key": entry.key,
        "head": entry.head,
        "aliases": list(entry.aliases),
        "articles": list(entry.articles),
        "claims": list(entry.claims),
    }


class RemoteEntries(Sequence[dict[str, Any]]):
    """report.json's ``speakers`` or ``events`` when the entries' claim ids live in
    other processes (the dask engine's workers): each entry's JSON is made where its
    claim ids are gathered, a run of entries at a time, and streamed here in report
    order (``json_pieces``), so this process never holds every entry's ids.

    Subclasses give ``json_pieces``; the rest is read from it."""

    def __init__(self, count: int) -> None:
        self._count = count

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, i: int) -> dict[str, Any]: ...

    @overload
    def __getitem__(self, i: slice) -> list[dict[str, Any]]: ...

    def __getitem__(self, i: int | slice) -> dict[str, Any] | list[dict[str, Any]]:
        return list(self)[i]

    def __iter__(self) -> Iterator[dict[str, Any]]:
        """Every entry's JSON object, in report order (streamed)."""
        for piece in self.json_pieces():
            yield from json.loads(f"[{piece}]")

    def json_pieces(self) -> Iterator[str]:
        """report.json's lines of the section: non-empty runs of ``_compact(entry)``
        joined by ``",\\n  "`` (joined by the same, they are the list's body)."""
        raise NotImplementedError


class RemoteEntrySource:
    """A ``CrossReference`` whose entries' claim ids are held elsewhere (their
    ``claims`` are ``group.HeldIds``): it gives report.json's sections."""

    def entry_rows(self, kind: str) -> RemoteEntries:
        """report.json's ``speakers`` or ``events`` (``kind``)."""
        raise NotImplementedError


def build_report(
    extraction: Extraction, xref: CrossReference, *, tool_version: str = __version__
) -> dict[str, Any]:
    """The report.json object (see the README, "report.json"). Deterministic."""
    from crosscheck.engine import PartitionedExtraction

    if isinstance(extraction, PartitionedExtraction):
        claims: ClaimRows = extraction.claim_rows(xref)
        articles = extraction.article_rows()
    else:
        claims = ClaimRows(sorted(extraction.claims, key=_CLAIM_ORDER), xref)
        articles = [r.to_row() for r in _results(extraction)]
    findings = sorted(xref.findings, key=finding_sort_key)
    relations = {r: 0 for r in RELATION_ORDER}
    for f in findings:
        relations[f.relation] = relations.get(f.relation, 0) + 1
    skipped = sum(1 for m in extraction.manifest if m.status == "skipped")
    speakers: Sequence[dict[str, Any]]
    events: Sequence[dict[str, Any]]
    if isinstance(xref, RemoteEntrySource):
        speakers, events = xref.entry_rows("speakers"), xref.entry_rows("events")
    else:
        speakers = [_speaker_json(s) for s in sorted(xref.speakers, key=speaker_sort_key)]
        events = [_event_json(e) for e in sorted(xref.events, key=event_sort_key)]
    return {
        "schema": REPORT_SCHEMA,
        "tool_version": tool_version,
        "summary": {
            "articles": len(extraction.results),
            "skipped": skipped,
            "claims": len(claims),
            "speakers": len(xref.speakers),
            "events": len(xref.events),
            "findings": dict(sorted(relations.items())),
            "pairs_compared": xref.pairs_compared,
        },
        "articles": articles,
        "claims": claims,
        "findings": [f.to_json() for f in findings],
        "speakers": speakers,
        "events": events,
        "manifest": [m.to_row() for m in _manifest(extraction)],
    }


def _compact(value: Any) -> str:
    """``value`` as one line of JSON: keys sorted, UTF-8 kept, ``", "`` and ``": "``."""
    if _C_ENCODE is None:
        return json.dumps(
            value, ensure_ascii=False, sort_keys=True, separators=(", ", ": "), default=_listed
        )
    return "".join(_C_ENCODE(value, 0))


def _listed(value: Any) -> Any:
    """json.dumps fallback: a lazy ``ClaimRows`` (an empty one reaches it) is its list."""
    if isinstance(value, (ClaimRows, RemoteEntries)):
        return list(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


# ``_compact``'s encoder, made once: what ``json.dumps`` builds on every call with
# these options (its C encoder, without the circular-reference check, which only
# turns a cycle's RecursionError into a ValueError: report objects hold no cycles).
_MAKE_ENCODER: Any = getattr(json_encoder, "c_make_encoder", None)
_C_ENCODE: Callable[[Any, int], Sequence[str]] | None = (
    None
    if _MAKE_ENCODER is None
    # markers, default, encoder, indent, key and item separators, sort_keys, skipkeys,
    # allow_nan: as ``json.JSONEncoder.iterencode`` passes them for ``_compact``'s options
    else _MAKE_ENCODER(
        None, _listed, json_encoder.encode_basestring, None, ": ", ", ", True, False, True
    )
)
# the same without sorting keys, for objects built with their keys in order
_C_ENCODE_SORTED: Callable[[Any, int], Sequence[str]] | None = (
    None
    if _MAKE_ENCODER is None
    else _MAKE_ENCODER(
        None, _listed, json_encoder.encode_basestring, None, ": ", ", ", False, False, True
    )
)


def _encode_sorted(value: Any) -> str:
    """``_compact(value)`` for a value whose dicts all have their keys in order."""
    if _C_ENCODE_SORTED is None:
        return _compact(value)
    return "".join(_C_ENCODE_SORTED(value, 0))


def report_json_chunks(report: Mapping[str, Any]) -> Iterator[str]:
    """``report_json`` piece by piece (one list element at a time), for streaming."""
    return _report_json_chunks(report, _json_lines)


def _json_lines(value: ClaimRows | RemoteEntries) -> Iterator[str]:
    """The body of a lazy list of report.json: its lines joined by ``",\\n  "``."""
    for i, piece in enumerate(value.json_pieces()):
        if i:
            yield ",\n  "
        yield piece


_P = typing.TypeVar("_P")


def _report_json_chunks(
    report: Mapping[str, Any], lazy: Callable[[ClaimRows | RemoteEntries], Iterable[_P]]
) -> Iterator[str | _P]:
    """``report_json_chunks`` with the body of each non-empty lazy list (the claims;
    dask's speakers and events) given by ``lazy`` (``_json_lines``; a spool's helper
    gives ranges of its files: ``report_json_head``)."""
    yield "{\n "
    for n, key in enumerate(sorted(report)):
        if n:
            yield ",\n "
        yield from _json_section(key, report[key], lazy)
    yield "\n}\n"


#: The keys report.json starts with (its keys are sorted): a ``ClaimSpool``'s helper
#: writes these sections (``report_json_head``) and ``write_report`` the rest
#: (``_report_json_tail``).
JSON_HEAD_KEYS = ("articles", "claims")


def report_json_head(
    articles: Sequence[Mapping[str, Any]],
    claims: ClaimRows | RemoteEntries,
    lazy: Callable[[ClaimRows | RemoteEntries], Iterable[_P]],
) -> Iterator[str | _P]:
    """The start of report.json up to the end of its ``JSON_HEAD_KEYS`` sections: the
    bytes of ``report_json_chunks`` before those of ``_report_json_tail``."""
    yield "{\n "
    yield from _json_section("articles", articles, lazy)
    yield ",\n "
    yield from _json_section("claims", claims, lazy)


def _report_json_tail(
    report: Mapping[str, Any], lazy: Callable[[ClaimRows | RemoteEntries], Iterable[_P]]
) -> Iterator[str | _P]:
    """The rest of report.json after ``report_json_head``."""
    keys = sorted(report)
    if tuple(keys[: len(JSON_HEAD_KEYS)]) != JSON_HEAD_KEYS:
        raise ValueError(f"report.json does not start with {JSON_HEAD_KEYS}: {keys}")
    for key in keys[len(JSON_HEAD_KEYS) :]:
        yield ",\n "
        yield from _json_section(key, report[key], lazy)
    yield "\n}\n"


def _json_section(
    key: str, value: Any, lazy: Callable[[ClaimRows | RemoteEntries], Iterable[_P]]
) -> Iterator[str | _P]:
    """One top-level key of report.json and its value (see ``report_json``)."""
    if isinstance(value, (ClaimRows, RemoteEntries)) and value:
        yield f"{_compact(str(key))}: [\n  "
        yield from lazy(value)
        yield "\n ]"
    elif isinstance(value, (list, tuple, ClaimRows)) and value:
        yield f"{_compact(str(key))}: [\n  "
        # runs of ``CSV_BATCH`` elements, each run one piece (its lines joined)
        run: list[str] = []
        sep = ""
        for item in value:
            run.append(_compact(item))
            if len(run) == CSV_BATCH:
                yield sep + ",\n  ".join(run)
                run, sep = [], ",\n  "
        if run:
            yield sep + ",\n  ".join(run)
        yield "\n ]"
    else:
        yield f"{_compact(str(key))}: {_compact(value)}"


def report_json(report: Mapping[str, Any]) -> str:
    """report.json text: valid JSON, keys sorted, UTF-8 kept, one trailing newline.

    Laid out for line diffs and speed: one top-level key per line, and each element
    of a top-level list (one article, claim, finding...) on its own line.
    """
    return "".join(report_json_chunks(report))


def article_texts(extraction: Extraction) -> Mapping[str, str]:
    """article id -> text as read, for the HTML page's highlighted article texts."""
    from crosscheck.engine import PartitionedExtraction

    if isinstance(extraction, PartitionedExtraction):
        return extraction.texts()
    return {r.article.id: r.article.text for r in extraction.results}


# --------------------------------------------------------------------------- summaries


def _value_text(value: Mapping[str, Any]) -> str:
    start, end = str(value.get("start", "")), str(value.get("end", ""))
    shown = f'"{_cut(str(value.get("text", "")), 100)}"'
    if start and end and start != end:
        return f"{shown} = {start}..{end}"
    if start or end:
        return f"{shown} = {start or end}"
    return shown


def _value_line(value: FindingValue) -> str:
    row = value.to_row()
    published = row["published"] or "(no date)"
    who = f"{value.speaker}: " if value.speaker else ""
    return f"    {published}  {value.article_id}  {value.claim_id}  {who}{_value_text(row)}"


def _headline(finding: Finding) -> str:
    parts = [finding.slot or finding.relation]
    if finding.event:
        parts.append(finding.event)
    if finding.timeline:
        parts.append(finding.timeline)
    if finding.relation == "agreement" and not finding.independent:
        parts.append("one source repeated")
    return f"  {finding.id}  " + " · ".join(parts)


def summary_lines(xref: CrossReference, *, limit: int | None = 10) -> list[str]:
    """The terminal summary: contradictions first with their evidence, then agreements.

    Each finding shows its values in publication order (date, article, claim,
    speaker, the expression as written and its normalised value) and its reason.
    At most ``limit`` findings per relation are shown (None: all).
    """
    findings = sorted(xref.findings, key=finding_sort_key)
    counts = {r: sum(1 for f in findings if f.relation == r) for r in RELATION_ORDER}
    lines = [
        f"{counts['contradiction']} contradictions, {counts['agreement']} agreements, "
        f"{counts['quote_variant']} quote variants, {counts['related']} related "
        f"({xref.pairs_compared} candidate pairs compared)"
    ]
    for relation in ("contradiction", "agreement", "quote_variant"):
        group = [f for f in findings if f.relation == relation]
        if not group:
            continue
        lines.append(f"{RELATION_TITLES[relation]} ({len(group)}):")
        shown = group if limit is None else group[:limit]
        for finding in shown:
            lines.append(_headline(finding))
            values = finding.values
            if len(values) > SUMMARY_VALUES:
                # first and last values keep the timeline's ends in view
                head = values[: SUMMARY_VALUES - 2]
                lines.extend(_value_line(v) for v in head)
                lines.append(f"    ... {len(values) - len(head) - 2} more values (see findings.md)")
                lines.extend(_value_line(v) for v in values[-2:])
            else:
                lines.extend(_value_line(v) for v in values)
            if finding.reason:
                lines.append(f"    why: {_cut(finding.reason, SUMMARY_REASON_WIDTH)}")
        if len(shown) < len(group):
            lines.append(f"  ... and {len(group) - len(shown)} more (see findings.csv)")
    return lines


#: Findings whose claims findings.md reads and renders at a time: its memory is
#: bounded by a batch (the claims of every finding at once took 204 MB above the
#: start of making it, at 5,000 abp articles; on the dask engine they come from
#: the workers).
FINDINGS_BATCH = 1000


def findings_markdown(report: Mapping[str, Any]) -> str:
    """findings.md: the findings as a readable document, contradictions first."""
    return "".join(findings_markdown_pieces(report))


def findings_markdown_pieces(
    report: Mapping[str, Any], batch: int = FINDINGS_BATCH
) -> Iterator[str]:
    """findings.md in pieces, the claims of ``batch`` findings read at a time."""
    summary = report.get("summary", {})
    out = ["# crosscheck findings", ""]
    counts = summary.get("findings", {})
    out.append(
        f"{summary.get('articles', 0)} articles ({summary.get('skipped', 0)} inputs skipped), "
        f"{summary.get('claims', 0)} claims; "
        + ", ".join(f"{counts.get(r, 0)} {RELATION_TITLES[r].lower()}" for r in RELATION_ORDER)
        + "."
    )
    yield "".join(line + "\n" for line in out)
    findings = report.get("findings", [])
    ordered = [
        (title, f) for relation, title in RELATION_TITLES.items()
        for f in findings if f.get("relation") == relation
    ]  # fmt: skip
    current = None
    for at in range(0, len(ordered), max(1, batch)):
        part = ordered[at : at + max(1, batch)]
        claims = claims_by_id(
            claim_parts(report.get("claims", []), _md_claim),
            (str(cid) for _, f in part for cid in f.get("claims", [])),
        )
        out = []
        for title, f in part:
            if title != current:
                out += ["", f"## {title}"]
                current = title
            out += _finding_markdown(f, claims)
        yield "".join(line + "\n" for line in out)


def _finding_markdown(f: Mapping[str, Any], claims: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """One finding's lines in findings.md."""
    head = " · ".join(
        md_escape(str(x)) for x in (f["finding_id"], f.get("slot", ""), f.get("event", "")) if x
    )
    if f.get("timeline"):
        head += f" — {md_escape(f['timeline'])}"
    out = ["", f"### {head}", ""]
    if f.get("reason"):
        out += [md_escape(f["reason"]), ""]
    out.append("| published | article | claim | speaker | as written | normalised |")
    out.append("|---|---|---|---|---|---|")
    for v in f.get("values", []):
        start, end = v.get("start", ""), v.get("end", "")
        norm = f"{start}..{end}" if start and end and start != end else (start or end)
        cells = [
            str(v.get("published") or "(no date)"),
            str(v.get("article_id", "")),
            str(v.get("claim_id", "")),
            str(v.get("speaker", "")),
            str(v.get("text", "")),
            str(norm),
        ]
        if _MD_SPECIAL.search("".join(cells)) is not None:  # (else each is its escape)
            cells = [md_escape(c) for c in cells]
        out.append("| " + " | ".join(cells) + " |")
    out.append("")
    for cid in f.get("claims", []):
        c = claims.get(cid)
        if c is None:
            continue
        who = c.get("speaker_name") or c.get("speaker") or c.get("outlet") or "(narration)"
        out.append(
            f"- **{md_escape(cid)}** ({md_escape(c.get('article_id', ''))}, "
            f"{md_escape(c.get('published') or 'no date')}), {md_escape(who)}: "
            f"“{md_escape(c.get('content', ''))}”"
        )
    return out


# --------------------------------------------------------------------------- writing


#: Claims rendered per piece of claims.csv and of report.json's claims, and elements
#: per piece of report.json's other lists (bounds the memory of writing them).
CSV_BATCH = 2000


def findings_csv_pieces(
    xref: CrossReference, excel: bool, batch: int = FINDINGS_BATCH
) -> Iterator[str]:
    """findings.csv in pieces: the bytes of ``render("findings", rows("findings", ...),
    "csv")``, the rows made ``batch`` findings at a time. (Every finding's row has the
    same keys, ``Finding.to_row``'s: the first row gives the columns.)"""
    ordered = sorted(xref.findings, key=finding_sort_key)
    cols = columns_of("findings", [f.to_row() for f in ordered[:1]])
    yield csv_text([], cols, header=True, excel=excel)
    for at in range(0, len(ordered), max(1, batch)):
        yield csv_text([f.to_row() for f in ordered[at : at + max(1, batch)]], cols, header=False)


def claims_csv_header(excel: bool) -> str:
    """claims.csv's header line (with ``excel``, after a byte-order mark)."""
    return csv_text([], list(CLAIM_COLUMNS), header=True, excel=excel)


def claims_csv(claims: Iterable[Mapping[str, Any]], excel: bool) -> Iterator[str]:
    """claims.csv in pieces: the same bytes as ``render("claims", rows, "csv")``."""
    cols = list(CLAIM_COLUMNS)
    yield claims_csv_header(excel)
    batch: list[dict[str, Any]] = []
    for row in claims:
        batch.append({c: row[c] for c in cols})
        if len(batch) >= CSV_BATCH:
            yield csv_text(batch, cols, header=False)
            batch = []
    if batch:
        yield csv_text(batch, cols, header=False)


def report_producers(
    extraction: Extraction,
    xref: CrossReference,
    *,
    tool_version: str = __version__,
    excel: bool = False,
) -> dict[str, Callable[[], Iterable[str]]]:
    """name -> a function giving the content of that file of ``REPORT_FILES`` (as text
    pieces), so the files can be made and written one at a time."""
    report = build_report(extraction, xref, tool_version=tool_version)
    return _producers(extraction, xref, report, excel)


def _producers(
    extraction: Extraction, xref: CrossReference, report: Mapping[str, Any], excel: bool
) -> dict[str, Callable[[], Iterable[str]]]:
    from crosscheck import html

    claims = report["claims"]
    return {
        "claims.csv": lambda: (
            claims.csv_pieces(excel) if isinstance(claims, ClaimRows) else claims_csv(claims, excel)
        ),
        "findings.csv": lambda: findings_csv_pieces(xref, excel),
        "findings.md": lambda: findings_markdown_pieces(report),
        "manifest.csv": lambda: [
            render("manifest", rows("manifest", extraction), "csv", excel=excel)
        ],
        "report.html": lambda: html.render_html_pieces(
            report, article_texts(extraction), max_claims=html.MAX_CLAIMS
        ),
        "report.json": lambda: report_json_chunks(report),
    }


def report_files(
    extraction: Extraction,
    xref: CrossReference,
    *,
    tool_version: str = __version__,
    excel: bool = False,
) -> dict[str, str]:
    """name -> content of every file in ``REPORT_FILES`` (nothing is written)."""
    with gc_paused():
        producers = report_producers(extraction, xref, tool_version=tool_version, excel=excel)
        return {name: "".join(make()) for name, make in producers.items()}


def guard_baseline(out_dir: Path, files: Mapping[str, str]) -> None:
    """Refuse to change a pinned baseline (only ``baseline.update`` may).

    Writing the very same bytes over a pinned folder changes nothing, so it is
    allowed: ``crosscheck report seeds`` on an unchanged checkout just works.
    """
    if not (out_dir / BASELINE_FILE).exists():
        return
    changed = sorted(
        name
        for name, text in files.items()
        if not (out_dir / name).is_file() or (out_dir / name).read_bytes() != text.encode("utf-8")
    )
    if changed:
        raise BaselineExistsError(
            f"{out_dir} holds a pinned baseline ({BASELINE_FILE}) and this run would change "
            f"{', '.join(changed)}; refusing to overwrite it",
            hint=f"compare with `crosscheck check PATH --baseline {out_dir}`, re-pin with "
            "`--update`, or write this report elsewhere with --out",
        )


def write_report(
    out_dir: Path | str,
    extraction: Extraction,
    xref: CrossReference,
    *,
    tool_version: str = __version__,
    excel: bool = False,
    spool: ClaimSpool | None = None,
) -> list[Path]:
    """Write ``REPORT_FILES`` into ``out_dir`` (created) atomically; return their paths.

    The files are made and staged one at a time (only one file's text is in memory
    at once), then moved into place together. Raises ``BaselineExistsError`` when
    ``out_dir`` holds a pinned baseline and this run would change a file (nothing is
    then written), and ``OutputError`` when a file cannot be written. Nothing is
    written outside ``out_dir``. A ``spool`` started for this extraction and these
    tables (``ClaimSpool``) gives claims.csv and the start of report.json (its
    articles and claims) already written, files that are renamed into place
    (``safeio.Adopted``): the same bytes.
    """
    with gc_paused():
        return _write_report(Path(out_dir), extraction, xref, tool_version, excel, spool)


# the report files a ``ClaimSpool`` gives part of
_SPOOLED_FILES = frozenset(["claims.csv", "report.json"])


def _write_report(
    folder: Path,
    extraction: Extraction,
    xref: CrossReference,
    tool_version: str,
    excel: bool,
    spool: ClaimSpool | None,
) -> list[Path]:
    report = build_report(extraction, xref, tool_version=tool_version)
    producers: dict[
        str, Callable[[], Iterable[str | bytes | safeio.FileRange | safeio.Adopted]]
    ] = dict(_producers(extraction, xref, report, excel))
    if spool is not None:
        given = spool  # (a name the closures below read as not None)
        plain_csv, plain_json = producers["claims.csv"], producers["report.json"]

        def claims_csv() -> Iterable[str | bytes | safeio.FileRange | safeio.Adopted]:
            pieces = given.claims_csv(excel) if given.ready(extraction, xref) else None
            return plain_csv() if pieces is None else pieces

        def report_json() -> Iterable[str | bytes | safeio.FileRange | safeio.Adopted]:
            head = given.json_head() if given.ready(extraction, xref) else None
            if head is None:
                return plain_json()
            return itertools.chain([head], _report_json_tail(report, _json_lines))

        producers["claims.csv"], producers["report.json"] = claims_csv, report_json
    # the spooled files last: the spool's child may still be rendering them
    names = sorted(producers, key=lambda name: (name in _SPOOLED_FILES, name))
    with safeio.Staging(folder) as staging:
        for name in names:
            staging.stage(name, producers[name]())
        if (folder / BASELINE_FILE).exists():
            changed = staging.changed()
            if changed:
                raise BaselineExistsError(
                    f"{folder} holds a pinned baseline ({BASELINE_FILE}) and this run would "
                    f"change {', '.join(changed)}; refusing to overwrite it",
                    hint=f"compare with `crosscheck check PATH --baseline {folder}`, re-pin "
                    "with `--update`, or write this report elsewhere with --out",
                )
        return staging.commit()
