"""The report stage: the output dispatcher, report.json, the report writer and safe writes."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import hashlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import report_fixtures as fx

from crosscheck import report, safeio
from crosscheck.errors import BaselineExistsError, CrosscheckError, OutputError
from crosscheck.records import CLAIM_COLUMNS, Extraction, TimeSpan

EX, XREF = fx.build()
KIND_ROWS = {kind: report.rows(kind, EX, XREF) for kind in report.KINDS}


# --------------------------------------------------------------------------- dispatcher


@pytest.mark.parametrize("kind", report.KINDS, ids=list(report.KINDS))
def test_columns_start_with_the_documented_order(kind: str) -> None:
    cols = report.columns_of(kind, KIND_ROWS[kind])
    assert cols[: len(report.COLUMNS[kind])] == list(report.COLUMNS[kind])
    assert set(cols) == {k for row in KIND_ROWS[kind] for k in row} | set(report.COLUMNS[kind])


def test_claim_columns_are_the_documented_claim_schema() -> None:
    assert report.columns_of("claims", KIND_ROWS["claims"]) == list(CLAIM_COLUMNS)


def test_unknown_kind_keeps_first_seen_key_order() -> None:
    rows = [{"metric": "content", "f1": 0.5}, {"metric": "attribution", "f1": 0.4, "n": 3}]
    assert report.columns_of("scores", rows) == ["metric", "f1", "n"]


def _parsed(fmt: str, kind: str) -> list[dict[str, str]]:
    """Render ``kind`` in ``fmt`` and read it back as rows of text cells."""
    rows = KIND_ROWS[kind]
    text = report.render(kind, rows, fmt)
    cols = report.columns_of(kind, rows)
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(text, newline="")))
    if fmt == "json":
        return [{k: report.cell_text(v) for k, v in r.items()} for r in json.loads(text)]
    if fmt == "jsonl":
        return [
            {k: report.cell_text(v) for k, v in json.loads(line).items()}
            for line in text.splitlines()
        ]
    assert fmt == "md"
    lines = text.splitlines()
    assert lines[0] == "| " + " | ".join(cols) + " |"
    return [dict(zip(cols, line[2:-2].split(" | "), strict=True)) for line in lines[2:]]


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl", "md"], ids=["csv", "json", "jsonl", "md"])
@pytest.mark.parametrize(
    "kind", ["findings", "articles", "manifest"], ids=["findings", "articles", "manifest"]
)
def test_same_data_in_every_format(kind: str, fmt: str) -> None:
    expected = [
        {c: report.cell_text(r.get(c, "")) for c in report.columns_of(kind, KIND_ROWS[kind])}
        for r in KIND_ROWS[kind]
    ]
    assert _parsed(fmt, kind) == expected


def test_json_keeps_native_types_in_column_order() -> None:
    data = json.loads(report.render("findings", KIND_ROWS["findings"], "json"))
    assert list(data[0]) == list(report.COLUMNS["findings"])
    assert data[0]["score"] == 88.0
    assert data[0]["independent"] is True


def test_jsonl_is_one_object_per_line() -> None:
    text = report.render("claims", KIND_ROWS["claims"], "jsonl")
    lines = text.splitlines()
    assert len(lines) == len(EX.claims) == 7
    assert all(json.loads(line)["claim_id"] for line in lines)
    assert text.endswith("\n")


def test_table_cuts_long_cells_and_flattens_newlines() -> None:
    rows = [{"a": "x" * 200, "b": "one\ntwo"}]
    text = report.render("misc", rows, "table")
    assert "x" * (report.TABLE_CELL_WIDTH - 1) + "…" in text
    assert "x" * report.TABLE_CELL_WIDTH not in text
    assert "one two" in text
    assert len(text.splitlines()) == 3  # header, rule, one row


def test_table_keeps_ids_as_written() -> None:
    text = report.render("misc", [{"id": "000123", "n": "1e5"}], "table")
    assert "000123" in text and "1e5" in text


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("a|b", "a\\|b"),
        ("line1\nline2", "line1<br>line2"),
        ("<script>", "&lt;script&gt;"),
        ("back\\slash", "back\\\\slash"),
    ],
    ids=["pipe", "newline", "html", "backslash"],
)
def test_markdown_cells_are_escaped(cell: str, expected: str) -> None:
    text = report.render("misc", [{"c": cell}], "md")
    assert text.splitlines()[2] == f"| {expected} |"


def test_empty_listing_still_has_headers() -> None:
    assert report.render("claims", [], "csv").startswith("claim_id,article_id,")
    assert "claim_id" in report.render("claims", [], "table")
    assert report.render("claims", [], "json") == "[]\n"
    assert report.render("claims", [], "jsonl") == ""


@pytest.mark.parametrize(
    ("kind", "fmt"),
    [("claims", "claimreview"), ("findings", "claimreview"), ("claims", "xml")],
    ids=["claimreview-for-claims", "claimreview-without-report", "unknown-format"],
)
def test_unsupported_formats_raise_a_usage_error(kind: str, fmt: str) -> None:
    with pytest.raises(report.UnsupportedFormat) as info:
        report.render(kind, KIND_ROWS.get(kind, []), fmt)
    assert info.value.hint
    assert info.value.exit_code == 2


def test_every_format_renders_through_listing() -> None:
    for fmt in report.FORMATS:
        kind = "findings"
        text = report.listing(kind, EX, XREF, fmt)
        assert text.endswith("\n"), fmt
    assert (
        json.loads(report.listing("findings", EX, XREF, "claimreview"))[0]["@type"] == "ClaimReview"
    )


def test_render_document_formats() -> None:
    data = report.build_report(EX, XREF)
    assert report.render_document(data, "json") == report.report_json(data)
    assert report.render_document(data, "html").startswith("<!DOCTYPE html>")
    assert json.loads(report.render_document(data, "claimreview"))
    assert report.render_document(data, "md").startswith("# crosscheck findings")
    csv_text = report.render_document(data, "csv")
    assert csv_text == report.render("findings", KIND_ROWS["findings"], "csv")


def test_rows_needs_the_cross_reference_for_its_kinds() -> None:
    with pytest.raises(CrosscheckError):
        report.rows("speakers", EX, None)
    with pytest.raises(CrosscheckError):
        report.rows("nonsense", EX, XREF)


# --------------------------------------------------------------------------- report.json


def test_report_object_layout() -> None:
    data = report.build_report(EX, XREF, tool_version="9.9")
    assert data["schema"] == report.REPORT_SCHEMA == "crosscheck.report/1"
    assert data["tool_version"] == "9.9"
    assert set(data) == {
        "schema",
        "tool_version",
        "summary",
        "articles",
        "claims",
        "findings",
        "speakers",
        "events",
        "manifest",
    }
    assert data["summary"] == {
        "articles": 4,
        "skipped": 1,
        "claims": 7,
        "speakers": 4,
        "events": 1,
        "findings": {"agreement": 2, "contradiction": 1, "quote_variant": 0, "related": 0},
        "pairs_compared": 9,
    }
    a8 = next(c for c in data["claims"] if c["claim_id"] == "A8")
    assert a8["times"] == [
        {
            "text": "late January",
            "start": a8["times"][0]["start"],
            "end": a8["times"][0]["end"],
            "first": "2018-01-21",
            "last": "2018-01-31",
            "grain": "month",
            "modifier": "late",
            "resolved_by": "header",
        }
    ]
    assert a8["canonical_events"] == [fx.CONGRESS]
    b9 = next(c for c in data["claims"] if c["claim_id"] == "B9")
    assert b9["canonical_speaker"] == "Gennadiy Gatilov"
    assert fx.TEXT_001[b9["cue_start"] : b9["cue_end"]] == "informed"
    speaker = data["speakers"][0]
    assert speaker["speaker"] == "Sputnik"  # most claims first
    assert set(speaker) >= {"speaker", "mentions", "articles", "claims"}
    assert speaker["claims"] == ["A8", "B2", "C9", "E8"]
    event = data["events"][0]
    assert set(event) >= {"event", "aliases", "articles"}
    assert [m["status"] for m in data["manifest"]].count("skipped") == 1


def test_findings_are_ordered_contradictions_first_then_by_score() -> None:
    data = report.build_report(EX, XREF)
    assert [f["finding_id"] for f in data["findings"]] == [
        "F-time-congress",
        "F-place-congress",
        "F-statement-war",
    ]
    time = data["findings"][0]
    assert [(v["claim_id"], v["start"], v["end"]) for v in time["values"]] == [
        ("B2", "2017-11-11", "2017-11-20"),
        ("B9", "2017-12-01", "2017-12-31"),
        ("B14", "2017-12-01", "2017-12-31"),
        ("A8", "2018-01-21", "2018-01-31"),
    ]


def test_claims_slice_their_article_text() -> None:
    data = report.build_report(EX, XREF)
    texts = report.article_texts(EX)
    for c in data["claims"]:
        text = texts[c["article_id"]]
        assert text[c["content_start"] : c["content_end"]] == c["content"]
        assert text[c["sentence_start"] : c["sentence_end"]] == c["sentence"]


def test_report_json_text_format() -> None:
    text = report.report_json(report.build_report(EX, XREF))
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert "\u2019" in text  # UTF-8 kept, not \\u escapes
    assert json.loads(text)["schema"] == report.REPORT_SCHEMA


@pytest.mark.parametrize(
    "case", ["fixture", "no claims", "no articles"], ids=["fixture", "no-claims", "no-articles"]
)
def test_report_json_is_its_head_then_its_tail(case: str) -> None:
    """What a spool's helper writes (``report_json_head``) and what ``write_report``
    appends to it (``_report_json_tail``) make report.json."""
    ex, xref = fx.build()
    if case == "no claims":
        ex = Extraction(
            tuple(dataclasses.replace(r, claims=()) for r in ex.results), ex.manifest, ex.errors
        )
    elif case == "no articles":
        ex = Extraction((), ex.manifest, ex.errors)
    data = report.build_report(ex, xref)
    head = "".join(report.report_json_head(data["articles"], data["claims"], report._json_lines))
    tail = "".join(report._report_json_tail(data, report._json_lines))
    assert head + tail == report.report_json(data)
    assert tail.startswith(',\n "events": ')


def _digest(files: dict[str, str]) -> dict[str, str]:
    return {k: hashlib.sha256(v.encode("utf-8")).hexdigest() for k, v in files.items()}


def test_output_does_not_depend_on_input_order() -> None:
    ex2, x2 = fx.shuffled(EX, XREF)
    assert report.report_files(ex2, x2) == report.report_files(EX, XREF)
    for kind in report.KINDS:
        assert report.rows(kind, ex2, x2) == KIND_ROWS[kind], kind


def test_output_is_identical_across_hash_seeds(tmp_path: Path) -> None:
    script = (
        "import hashlib, json, sys\n"
        "sys.path.insert(0, sys.argv[1])\n"
        "import report_fixtures as fx\n"
        "from crosscheck import report\n"
        "ex, x = fx.shuffled(*fx.build())\n"
        "files = report.report_files(ex, x)\n"
        "print(json.dumps({k: hashlib.sha256(v.encode()).hexdigest() for k, v in files.items()}))\n"
    )
    here = str(Path(__file__).parent)
    outputs = set()
    for seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", script, here],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        outputs.add(done.stdout)
    assert len(outputs) == 1
    assert json.loads(outputs.pop()) == _digest(report.report_files(EX, XREF))


# --------------------------------------------------------------------------- summaries


def test_summary_puts_contradictions_first_with_their_evidence() -> None:
    lines = report.summary_lines(XREF)
    text = "\n".join(lines)
    assert lines[0].startswith("1 contradictions, 2 agreements")
    assert text.index("Contradictions (1):") < text.index("Agreements (2):")
    block = text[text.index("Contradictions") : text.index("Agreements")]
    assert "change over time" in block
    order = [block.index(s) for s in ('"mid-November"', '"December"', '"late January"')]
    assert order == sorted(order)
    assert (
        '2017-11-14  001_bd1163be5567cad4  B2  Sputnik: "mid-November" = 2017-11-11..2017-11-20'
        in block
    )
    assert (
        '2018-12-19  000_c210cf22f67a8342  A8  Sputnik: "late January" = 2018-01-21..2018-01-31'
        in block
    )
    assert "why: the dates given do not overlap" in block
    assert "one source repeated" in text


def test_summary_limit() -> None:
    lines = report.summary_lines(XREF, limit=1)
    assert any("and 1 more" in line for line in lines)


def test_findings_markdown_is_a_readable_document() -> None:
    md = report.findings_markdown(report.build_report(EX, XREF))
    assert md.index("## Contradictions") < md.index("## Agreements")
    assert (
        "| 2018-12-19 | 000_c210cf22f67a8342 | A8 | Sputnik | late January | 2018-01-21..2018-01-31 |"
        in md
    )
    assert "change over time" in md
    assert "**B9**" in md


@pytest.mark.parametrize("batch", [1, 2, 3, 1000], ids=["1", "2", "3", "all-at-once"])
def test_findings_markdown_reads_the_claims_of_a_batch_at_a_time(
    monkeypatch: pytest.MonkeyPatch, batch: int
) -> None:
    """findings.md's memory is bounded by a batch of findings: the same document
    whatever the batch, each read of claims asks for one batch's claims."""
    rep = report.build_report(EX, XREF)
    findings = rep["findings"]
    assert len(findings) >= 3
    expected = report.findings_markdown(rep)
    assert expected.count("## ") >= 2  # several relations: a batch may span two
    asked: list[int] = []
    by_id = report.claims_by_id

    def spy(claims: Any, ids: Any) -> Any:
        ids = list(ids)
        asked.append(len(set(ids)))
        return by_id(claims, ids)

    monkeypatch.setattr(report, "claims_by_id", spy)
    assert "".join(report.findings_markdown_pieces(rep, batch)) == expected
    most = max(len(set(f["claims"])) for f in findings)
    assert len(asked) == -(-len(findings) // batch)
    assert max(asked) <= most * batch
    if batch < len(findings):
        assert max(asked) < len({c for f in findings for c in f["claims"]})


@pytest.mark.parametrize("excel", [False, True], ids=["plain", "excel"])
@pytest.mark.parametrize("batch", [1, 2, 1000], ids=["1", "2", "all-at-once"])
def test_findings_csv_in_pieces_is_the_rendered_listing(batch: int, excel: bool) -> None:
    expected = report.render("findings", report.rows("findings", EX, XREF), "csv", excel=excel)
    pieces = list(report.findings_csv_pieces(XREF, excel, batch))
    assert "".join(pieces) == expected
    assert len(pieces) == 1 + -(-len(XREF.findings) // batch)


# --------------------------------------------------------------------------- writing


def test_write_report_writes_exactly_the_report_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    written = report.write_report(out, EX, XREF)
    assert sorted(p.name for p in written) == sorted(report.REPORT_FILES)
    assert sorted(p.name for p in out.iterdir()) == sorted(report.REPORT_FILES)
    assert (out / "claims.csv").read_bytes().startswith(b"claim_id,")
    assert b"\r\n" in (out / "claims.csv").read_bytes()
    again = report.report_files(EX, XREF)
    for name in report.REPORT_FILES:
        assert (out / name).read_bytes() == again[name].encode("utf-8")


def test_write_report_with_excel_adds_a_bom_to_csv_only(tmp_path: Path) -> None:
    report.write_report(tmp_path, EX, XREF, excel=True)
    assert (tmp_path / "claims.csv").read_bytes().startswith(b"\xef\xbb\xbfclaim_id")
    assert (tmp_path / "manifest.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert not (tmp_path / "report.json").read_bytes().startswith(b"\xef\xbb\xbf")


def test_write_report_refuses_a_pinned_baseline(tmp_path: Path) -> None:
    (tmp_path / report.BASELINE_FILE).write_text("{}", encoding="utf-8")
    (tmp_path / "report.json").write_text("old", encoding="utf-8")
    with pytest.raises(BaselineExistsError) as info:
        report.write_report(tmp_path, EX, XREF)
    assert "--update" in info.value.hint
    assert (tmp_path / "report.json").read_text(encoding="utf-8") == "old"


def test_a_refused_pinned_write_leaves_no_temporary_files(tmp_path: Path) -> None:
    (tmp_path / report.BASELINE_FILE).write_text("{}", encoding="utf-8")
    with pytest.raises(BaselineExistsError):
        report.write_report(tmp_path, EX, XREF)
    assert sorted(p.name for p in tmp_path.iterdir()) == [report.BASELINE_FILE]


def test_an_unchanged_pinned_report_is_rewritten_quietly(tmp_path: Path) -> None:
    report.write_report(tmp_path, EX, XREF)
    (tmp_path / report.BASELINE_FILE).write_text("{}", encoding="utf-8")
    report.write_report(tmp_path, EX, XREF)  # the very same bytes: allowed
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_staging_error_removes_every_staged_file(tmp_path: Path) -> None:
    def pieces() -> Any:
        yield "first piece, "
        raise RuntimeError("the producer failed")

    (tmp_path / "a.txt").write_text("in place", encoding="utf-8")
    with pytest.raises(RuntimeError), safeio.Staging(tmp_path) as staging:
        staging.stage("a.txt", ["new ", "text"])
        staging.stage("b.txt", pieces())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "in place"


def test_staging_tells_changed_files_then_commits(tmp_path: Path) -> None:
    (tmp_path / "same.txt").write_text("abc", encoding="utf-8")
    (tmp_path / "other.txt").write_text("abc", encoding="utf-8")
    with safeio.Staging(tmp_path) as staging:
        staging.stage("same.txt", ["a", "bc"])
        staging.stage("other.txt", ["ab", "d"])
        staging.stage("new.txt", ["x"])
        assert staging.changed() == ["new.txt", "other.txt"]
        staging.commit()
    assert (tmp_path / "other.txt").read_text(encoding="utf-8") == "abd"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.txt", "other.txt", "same.txt"]


def test_write_report_into_a_file_is_an_output_error(tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("x", encoding="utf-8")
    with pytest.raises(OutputError):
        report.write_report(target, EX, XREF)


# --------------------------------------------------------------------------- safe writes


@pytest.mark.parametrize(
    "name",
    [
        "../../etc/x",
        "/etc/passwd",
        "..",
        ".",
        "",
        "a/b\\c",
        "CON",
        "nul.txt",
        ".hidden",
        "é\u202e\0x",
    ],
    ids=[
        "dotdot",
        "absolute",
        "parent",
        "current",
        "empty",
        "separators",
        "reserved",
        "reserved-ext",
        "hidden",
        "unicode-nul",
    ],
)
def test_safe_filename_cannot_escape(name: str, tmp_path: Path) -> None:
    safe = safeio.safe_filename(name, ".html")
    assert safe.endswith(".html")
    stem = safe[: -len(".html")]
    assert stem and all(ch.isascii() and (ch.isalnum() or ch in "._-") for ch in stem)
    assert not stem.startswith((".", "-"))
    assert stem.split(".")[0].lower() not in {"con", "nul"}
    assert safeio.inside(tmp_path, safe).resolve().parent == tmp_path.resolve()


def test_safe_filename_keeps_plain_ids_and_separates_changed_ones() -> None:
    assert safeio.safe_filename("000_c210cf22f67a8342") == "000_c210cf22f67a8342"
    assert safeio.safe_filename("a/b") != safeio.safe_filename("a_b")
    assert safeio.safe_filename("a/b") != safeio.safe_filename("a:b")
    assert safeio.safe_filename("a/b") == safeio.safe_filename("a/b")


@pytest.mark.parametrize(
    "name",
    ["../x", "/abs", "a/b", "..", "", "a\\b"],
    ids=["dotdot", "abs", "sep", "parent", "empty", "backslash"],
)
def test_inside_refuses_names_that_are_not_plain(name: str, tmp_path: Path) -> None:
    with pytest.raises(OutputError):
        safeio.inside(tmp_path, name)


def test_inside_refuses_a_symlink_pointing_out(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("keep", encoding="utf-8")
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "report.json").symlink_to(outside)
    with pytest.raises(OutputError):
        safeio.write_files(folder, {"report.json": "new"})
    assert outside.read_text(encoding="utf-8") == "keep"


def test_atomic_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    safeio.write_files(tmp_path, {"a.txt": "one\r\ntwo", "b.bin": b"\x00\x01"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.bin"]
    assert (tmp_path / "a.txt").read_bytes() == b"one\r\ntwo"  # no newline translation
    assert (tmp_path / "b.bin").read_bytes() == b"\x00\x01"
    assert oct((tmp_path / "a.txt").stat().st_mode & 0o777) != oct(0o600)


def test_a_failed_write_keeps_the_old_file_and_cleans_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")

    def boom(src: Any, dst: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(safeio.os, "replace", boom)
    with pytest.raises(OutputError) as info:
        safeio.atomic_write(target, "new")
    assert "No space left" in str(info.value)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_interrupted_write_cleans_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupt(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(safeio.os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        safeio.atomic_write(tmp_path / "x.csv", "data")
    assert list(tmp_path.iterdir()) == []


def test_atomic_write_text_alias(tmp_path: Path) -> None:
    path = safeio.atomic_write_text(tmp_path / "o.csv", "a,b\r\n")
    assert path.read_bytes() == b"a,b\r\n"


def test_report_claims_are_made_on_demand_and_equal_the_list() -> None:
    data = report.build_report(EX, XREF)
    rows = data["claims"]
    assert isinstance(rows, report.ClaimRows)
    made = list(rows)
    assert rows == made and len(rows) == len(made) and rows[1:3] == made[1:3]
    assert json.loads(report.report_json(data))["claims"] == made
    ids = rows.ids()
    assert ids == [c["claim_id"] for c in made]
    picked = rows.by_ids([ids[-1], "no such claim", ids[0]])
    assert list(picked) == [ids[0], ids[-1]]  # report order, unknown ids left out
    assert picked[ids[0]] == made[0]


@pytest.mark.parametrize("batch", [1, 2, 1000], ids=["one", "two", "all"])
def test_claims_csv_in_pieces_is_the_whole_render(
    monkeypatch: pytest.MonkeyPatch, batch: int
) -> None:
    monkeypatch.setattr(report, "CSV_BATCH", batch)
    rows = [c.to_row() for c in sorted(EX.claims, key=report.claim_sort_key)]
    whole = report.render("claims", rows, "csv", excel=True)
    files = report.report_files(EX, XREF, excel=True)
    assert files["claims.csv"] == whole


def test_slot_rows_are_their_dataclass_fields() -> None:
    import dataclasses

    from crosscheck.records import EventMention, Place, Quantity

    for record in (
        Quantity("about 40 people", 3, 18, 40.0, "person", "about"),
        Place("in Geneva", 0, 9, "Geneva"),
        EventMention("the talks", 0, 9, "talks", "talk", False),
    ):
        assert record.to_row() == dataclasses.asdict(record)
        assert list(record.to_row()) == [f.name for f in dataclasses.fields(record)]


@pytest.mark.parametrize("published", [dt.date(2017, 11, 14), None], ids=["dated", "undated"])
def test_finding_value_rows_are_its_fields_as_cells(published: dt.date | None) -> None:
    import dataclasses

    from crosscheck.records import FindingValue, _cell

    value = FindingValue("a:001", "a", published, "mid-November", "2017-11-11", "2017-11-20", "X")
    row = value.to_row()
    assert row == {k: _cell(v) for k, v in dataclasses.asdict(value).items()}
    assert list(row) == [f.name for f in dataclasses.fields(value)]


def test_a_report_without_claims_is_valid_json() -> None:
    from crosscheck import pipeline
    from crosscheck.records import Article

    ex = pipeline.assemble([pipeline.extract_article(Article(id="a", text=","))])
    data = report.build_report(ex, pipeline.cross_reference(ex))
    assert json.loads(report.report_json(data))["claims"] == []
    assert set(report.report_files(ex, pipeline.cross_reference(ex))) == set(report.REPORT_FILES)


# --------------------------------------------------------------------------- fast claim rendering


def _claim_cases() -> list[Any]:
    """Claims of every shape a report meets: the canonical case, formula triggers and
    HTML (hostile), and hand-made edge cases (no speaker, a cue, no date, negated,
    a cell longer than a spreadsheet holds, a trigger after spaces, slots filled)."""
    import dataclasses
    import datetime as dt

    from crosscheck.records import EventMention, Place, Quantity, TimeSpan

    base = sorted(EX.claims, key=report.claim_sort_key)
    hostile = list(fx.hostile()[0].claims)
    first = base[0]
    made = [
        dataclasses.replace(first, claim_id="X1", speaker_start=None, speaker_end=None),
        dataclasses.replace(first, claim_id="X2", cue_start=3, cue_end=7, sentence_index=4),
        dataclasses.replace(first, claim_id="X3", published=None, negated=True, resolved=True),
        dataclasses.replace(first, claim_id="X4", content="x" * (report.CSV_CELL_MAX + 5)),
        dataclasses.replace(first, claim_id="X5", speaker="   =1+1", via="-", cue=""),
        dataclasses.replace(
            first, claim_id="X6", outlet='a,b "c"\r\nd', published=dt.date(2011, 3, 15)
        ),
        dataclasses.replace(
            first,
            claim_id="X7",
            times=(TimeSpan("late January", 5, 17, None, None, "month", "late"),),
            quantities=(Quantity("about 40", 1, 9, 40.0, "", "about"),),
            places=(Place("in Sochi", 2, 10, "Sochi"),),
            events=(EventMention("the congress", 3, 15, "congress", "congress", False),),
        ),
    ]
    return [*base, *hostile, *made]


CLAIM_CASES = _claim_cases()


def _xref_for_cases() -> Any:
    import dataclasses

    return dataclasses.replace(
        XREF,
        speaker_of={**XREF.speaker_of, "X1": "Someone", "H0": "=spokesman"},
        events_of={**XREF.events_of, "X2": ("b event", "a event", "b event")},
    )


def _slow_claim_json(claim: Any, xref: Any) -> dict[str, Any]:
    """report.json's claim object as first defined: ``Claim.to_json`` plus the report's
    fields (what ``report._claim_json`` must equal, key order included)."""
    row = claim.to_json()
    row["cue_start"] = "" if claim.cue_start is None else claim.cue_start
    row["cue_end"] = "" if claim.cue_end is None else claim.cue_end
    row["sentence_index"] = claim.sentence_index
    row["canonical_speaker"] = xref.speaker_of.get(claim.claim_id, "")
    row["canonical_events"] = sorted(set(xref.events_of.get(claim.claim_id, ())))
    return row


@pytest.mark.parametrize("claim", CLAIM_CASES, ids=[c.claim_id for c in CLAIM_CASES])
def test_claim_json_is_to_json_with_the_report_fields(claim: Any) -> None:
    xref = _xref_for_cases()
    slow = _slow_claim_json(claim, xref)
    fast = report._claim_json(claim, xref)
    assert fast == slow and list(fast) == list(slow) == list(report.CLAIM_JSON_KEYS)
    text = json.dumps(slow, ensure_ascii=False, sort_keys=True, separators=(", ", ": "))
    assert report._claim_json_text(claim, xref) == text == report._compact(slow)


@pytest.mark.parametrize("claim", CLAIM_CASES, ids=[c.claim_id for c in CLAIM_CASES])
def testclaims_csv_rows_are_the_rows_csv_text_writes(claim: Any) -> None:
    cols = list(CLAIM_COLUMNS)
    assert report.claims_csv_rows([claim]) == report.csv_text([claim.to_row()], cols, header=False)


def testclaims_csv_rows_of_many_claims_are_one_text() -> None:
    rows = [c.to_row() for c in CLAIM_CASES]
    expected = report.csv_text(rows, list(CLAIM_COLUMNS), header=False)
    assert report.claims_csv_rows(CLAIM_CASES) == expected
    assert "'   =1+1" in expected and "cut: 32,772 characters" in expected  # both paths ran


def test_writing_a_report_pauses_the_garbage_collector(tmp_path: Path) -> None:
    import gc

    seen: list[bool] = []
    real = report.build_report

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    assert gc.isenabled()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(report, "build_report", spy)
        report.write_report(tmp_path / "r", EX, XREF)
    assert seen == [False] and gc.isenabled()


class _ListedEntries(report.RemoteEntries):
    """report.json's entries streamed in runs of ``size``, as the dask engine's are."""

    def __init__(self, objects: list[dict[str, Any]], size: int) -> None:
        super().__init__(len(objects))
        self._objects, self._size = objects, size

    def json_pieces(self) -> Any:
        for i in range(0, len(self._objects), self._size):
            yield ",\n  ".join(report._compact(o) for o in self._objects[i : i + self._size])


@pytest.mark.parametrize("size", [1, 2, 1000], ids=["one-each", "pairs", "one-run"])
def test_streamed_entries_give_the_same_report_json(size: int) -> None:
    data = report.build_report(EX, XREF)
    assert data["speakers"] and data["events"]
    streamed = dict(data)
    for kind in ("speakers", "events"):
        streamed[kind] = _ListedEntries(data[kind], size)
        assert list(streamed[kind]) == json.loads(json.dumps(data[kind]))
        assert len(streamed[kind]) == len(data[kind])
    assert report.report_json(streamed) == report.report_json(data)
    # an empty section reads as an empty list
    streamed["events"] = _ListedEntries([], size)
    assert json.loads(report.report_json(streamed))["events"] == []


# --------------------------------------------------------------------------- one-pass lines


class _Text(str):
    """A str subclass whose str() differs from its characters (what encoders read)."""

    def __str__(self) -> str:
        return "not the text"


def _odd_claim_cases() -> list[Any]:
    """Claims whose fields break the one-pass lines' assumptions (declared types, no
    NUL, no cell to neutralise): each must come out as the cell-by-cell path makes it."""
    import dataclasses

    first = sorted(EX.claims, key=report.claim_sort_key)[0]
    replace = dataclasses.replace
    return [
        replace(first, claim_id="O1", content_start=True),  # a bool in an int field
        replace(first, claim_id="O2", resolved=1, negated=0),  # ints in bool fields
        replace(first, claim_id="O3", published=dt.datetime(2017, 11, 3, 10, 30)),
        replace(first, claim_id="O4", published="-2017"),  # a text in the date field
        replace(first, claim_id="O5", content=_Text('a, "b"'), speaker=_Text("x")),
        replace(first, claim_id="O6", content="a\x00=b, c", sentence='x\x00"y"\r\nz'),
        replace(first, claim_id="O7", speaker_start=-3, cue_start=2.5, cue_end=None),
        replace(first, claim_id="O8", content_end="12, 13", sentence_end=None),
        replace(first, claim_id="O9", cue=None, via=7),  # non-text in text fields
        replace(first, claim_id="O10", content=",", sentence='"', outlet="\r", quote="\n"),
        replace(first, claim_id="O11", speaker_role="a,b", speaker_type="=x", kind=" -"),
        replace(first, claim_id="O12", content="", sentence="", outlet=""),
    ]


ODD_CASES = _odd_claim_cases()


@pytest.mark.parametrize("claim", ODD_CASES, ids=[c.claim_id for c in ODD_CASES])
def test_claim_json_line_of_odd_fields_is_the_encoders(claim: Any) -> None:
    xref = _xref_for_cases()
    try:
        expected = report._compact(report._claim_json(claim, xref))
    except TypeError:  # not JSON: the encoder's error, either way
        with pytest.raises(TypeError):
            report._claim_json_text(claim, xref)
        return
    assert report._claim_json_text(claim, xref) == expected


def test_claim_json_line_takes_the_common_claims_and_declines_odd_ones() -> None:
    xref = _xref_for_cases()
    assert all(
        report._claim_line(c, xref.speaker_of, xref.events_of) is not None for c in CLAIM_CASES
    )
    declined = {
        c.claim_id
        for c in ODD_CASES
        if report._claim_line(c, xref.speaker_of, xref.events_of) is None
    }
    assert declined == {"O1", "O2", "O3", "O4", "O7", "O8", "O9"}
    odd_speaker = dict(xref.speaker_of, **{CLAIM_CASES[0].claim_id: 5})
    assert report._claim_line(CLAIM_CASES[0], odd_speaker, xref.events_of) is None


@pytest.mark.parametrize("claim", ODD_CASES, ids=[c.claim_id for c in ODD_CASES])
def test_claims_csv_row_of_odd_fields_is_the_writers(claim: Any) -> None:
    # the cells csv.writer was given (``_csv_cells``: for a str subclass its characters,
    # for an int field left to the writer ``str(value)``), written by the writer
    expected = _writer_line(report._csv_cells(claim))
    assert report.claims_csv_rows([claim]) == expected
    assert next(csv.reader(io.StringIO(expected, newline="")))[0] == claim.claim_id


def test_claims_csv_row_takes_the_common_claims_and_declines_odd_ones() -> None:
    declined = {c.claim_id for c in CLAIM_CASES if report._csv_row(c) is None}
    assert {"X4", "X5"} <= declined  # a cell to cut, a cell to neutralise
    assert all(report._csv_row(c) is not None for c in sorted(EX.claims, key=report.claim_sort_key))
    declined = {c.claim_id for c in ODD_CASES if report._csv_row(c) is None}
    assert declined == {"O1", "O2", "O3", "O4", "O6", "O8", "O9", "O10", "O11"}


_CELLS = [
    "",
    "plain",
    "a,b",
    'say "hi"',
    "line\nbreak",
    "cr\rhere",
    "crlf\r\n",
    '"',
    ",",
    "nul\x00, after",
    "\x00",
    " lead",
    "é “quoted”, ünï",
    "=1+1",
    None,
    7,
    -3,
    2.5,
    True,
    _Text("sub, class"),
]


def _writer_line(cells: list[Any]) -> str:
    buf = io.StringIO(newline="")
    csv.writer(buf, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n").writerow(cells)
    return buf.getvalue()


@pytest.mark.parametrize(
    "cells",
    [[c] for c in _CELLS] + [_CELLS, _CELLS[::-1], ["", ""], [None]],
    ids=[f"one-{n}" for n in range(len(_CELLS))] + ["all", "reversed", "two-empty", "none"],
)
def test_csv_line_is_the_writers_line(cells: list[Any]) -> None:
    assert report._csv_line(cells) == _writer_line(cells)


def test_csv_line_is_the_writers_line_on_random_rows() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    cell = st.one_of(
        st.text(alphabet=st.sampled_from(list(',"\r\n\x00 =-ab\u201c')), max_size=6),
        st.text(max_size=4),
        st.none(),
        st.integers(),
    )

    @settings(max_examples=300, deadline=None)
    @given(st.lists(cell, min_size=1, max_size=5))
    def check(cells: list[Any]) -> None:
        assert report._csv_line(cells) == _writer_line(cells)

    check()


def test_staging_compares_big_files_block_by_block(tmp_path: Path) -> None:
    block = "x" * (1 << 20)
    (tmp_path / "a.txt").write_text(block + "abc", encoding="utf-8")
    (tmp_path / "b.txt").write_text(block + "abc", encoding="utf-8")
    with safeio.Staging(tmp_path) as staging:
        staging.stage("a.txt", [block, "abd"])  # same size, differs in the second block
        staging.stage("b.txt", [block, "ab", "c"])
        assert staging.changed() == ["a.txt"]


def test_manifest_row_is_asdict() -> None:
    import dataclasses

    from crosscheck.records import ManifestEntry

    entry = ManifestEntry("x.jsonl", 3, "skipped", "a1", "too short", "check the file")
    row = entry.to_row()
    assert row == dataclasses.asdict(entry) and list(row) == list(dataclasses.asdict(entry))


def test_one_pass_lines_equal_the_slow_paths_on_random_texts() -> None:
    """``_csv_row`` and ``_claim_line`` against csv.writer and the JSON encoder, with
    random text fields (quotes, commas, line ends, NULs, formula starts, non-ASCII,
    backslashes, control characters) and random offsets."""
    import dataclasses

    from hypothesis import given, settings
    from hypothesis import strategies as st

    first = sorted(EX.claims, key=report.claim_sort_key)[0]
    xref = _xref_for_cases()
    text = st.one_of(
        st.text(
            alphabet=st.sampled_from(list(',"\r\n\x00 =+-@\t\\ab\u00e9\u201c\x1f')), max_size=8
        ),
        st.text(max_size=6),
    )
    offset = st.one_of(st.none(), st.integers(min_value=-5, max_value=10**6))

    @settings(max_examples=300, deadline=None)
    @given(text, text, text, text, text, offset, st.booleans())
    def check(
        content: str, sentence: str, speaker: str, quote: str, outlet: str,
        start: int | None, negated: bool,
    ) -> None:  # fmt: skip
        claim = dataclasses.replace(
            first,
            content=content,
            sentence=sentence,
            speaker=speaker,
            quote=quote,
            outlet=outlet,
            speaker_start=start,
            negated=negated,
        )
        assert report.claims_csv_rows([claim]) == _writer_line(report._csv_cells(claim))
        expected = report._compact(report._claim_json(claim, xref))
        assert report._claim_json_text(claim, xref) == expected

    check()


# --------------------------------------------------------------------------- shared claims, slots


def _slow_md_escape(text: str) -> str:
    text = text.replace("\\", "\\\\").replace("|", "\\|")
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "<br>".join(text.splitlines()) if ("\n" in text or "\r" in text) else text


# characters md_escape changes, line breaks splitlines knows (only split after a CR or LF)
_MD_ALPHABET = list("\\|&<>\r\n\x0b\x0c\x1c\x85\u2028 ab")


def test_md_escape_equals_the_replacements_on_random_texts() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=400, deadline=None)
    @given(st.text(alphabet=st.sampled_from(_MD_ALPHABET), max_size=10) | st.text(max_size=6))
    def check(text: str) -> None:
        assert report.md_escape(text) == _slow_md_escape(text)

    check()


def _slow_findings_markdown(data: Any) -> str:
    """``findings_markdown`` as first written (every cell through the replacements)."""
    md_escape = _slow_md_escape
    claims = report.claims_by_id(
        data.get("claims", []),
        (str(cid) for f in data.get("findings", []) for cid in f.get("claims", [])),
    )
    summary = data.get("summary", {})
    out = ["# crosscheck findings", ""]
    counts = summary.get("findings", {})
    out.append(
        f"{summary.get('articles', 0)} articles ({summary.get('skipped', 0)} inputs skipped), "
        f"{summary.get('claims', 0)} claims; "
        + ", ".join(
            f"{counts.get(r, 0)} {report.RELATION_TITLES[r].lower()}" for r in report.RELATION_ORDER
        )
        + "."
    )
    for relation, title in report.RELATION_TITLES.items():
        group = [f for f in data.get("findings", []) if f.get("relation") == relation]
        if not group:
            continue
        out += ["", f"## {title}"]
        for f in group:
            head = " · ".join(
                md_escape(str(x))
                for x in (f["finding_id"], f.get("slot", ""), f.get("event", ""))
                if x
            )
            if f.get("timeline"):
                head += f" — {md_escape(f['timeline'])}"
            out += ["", f"### {head}", ""]
            if f.get("reason"):
                out += [md_escape(f["reason"]), ""]
            out.append("| published | article | claim | speaker | as written | normalised |")
            out.append("|---|---|---|---|---|---|")
            for v in f.get("values", []):
                start, end = v.get("start", ""), v.get("end", "")
                norm = f"{start}..{end}" if start and end and start != end else (start or end)
                cells = [
                    v.get("published") or "(no date)",
                    v.get("article_id", ""),
                    v.get("claim_id", ""),
                    v.get("speaker", ""),
                    v.get("text", ""),
                    norm,
                ]
                out.append("| " + " | ".join(md_escape(str(c)) for c in cells) + " |")
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
    return "\n".join(out) + "\n"


def _markdown_cases() -> list[Any]:
    plain = report.build_report(EX, XREF)
    hostile = report.build_report(*fx.hostile())
    odd = dict(plain)
    findings = [dict(f) for f in plain["findings"]]
    value = dict(findings[0]["values"][0])
    findings[0]["values"] = [
        {**value, "speaker": "a|b"},  # one cell to escape among plain ones
        {**value, "text": "line\r\nbreak\u2028here", "start": 3, "end": None},
        {**value, "published": 20171103, "claim_id": "no such claim"},
        {**value, "start": "2017-11", "end": "2017-11"},
    ]
    odd["findings"] = findings
    return [plain, hostile, odd, json.loads(report.report_json(hostile))]


@pytest.mark.parametrize(
    "data", _markdown_cases(), ids=["plain", "hostile", "odd-values", "parsed-json"]
)
def test_findings_markdown_equals_the_first_version(data: Any) -> None:
    expected = _slow_findings_markdown(data)
    assert report.findings_markdown(data) == expected


def _slow_page_claims(raw: Any, findings: Any, max_claims: int | None) -> Any:
    """``page_claims`` as first written."""
    ids = report.claim_ids(raw)
    present = set(ids)
    in_findings = [str(cid) for f in findings for cid in f.get("claims", []) if str(cid) in present]
    if max_claims is not None and len(ids) > max_claims:
        keep = set(list(dict.fromkeys(in_findings + ids))[:max_claims])
    else:
        keep = present
    claims = report.claims_by_id(raw, keep | set(in_findings))
    shown = [claims[i] for i in ids if i in keep]
    return claims, shown, keep, len(ids)


@pytest.mark.parametrize("max_claims", [None, 0, 1, 3, 8, 10_000], ids=lambda n: f"max-{n}")
@pytest.mark.parametrize("parsed", [False, True], ids=["lazy", "parsed"])
def test_page_claims_equals_the_first_version(max_claims: int | None, parsed: bool) -> None:
    data = report.build_report(EX, XREF)
    if parsed:
        data = json.loads(report.report_json(data))
    expected = _slow_page_claims(data["claims"], data["findings"], max_claims)
    got = report.page_claims(data["claims"], data["findings"], max_claims)
    assert got == expected
    assert list(got[0]) == list(expected[0])  # report order


def test_claim_order_getter_is_the_sort_key() -> None:
    assert all(report._CLAIM_ORDER(c) == report.claim_sort_key(c) for c in CLAIM_CASES)


@pytest.mark.parametrize("claim", CLAIM_CASES + ODD_CASES, ids=lambda c: c.claim_id)
def test_claim_json_is_the_values_object(claim: Any) -> None:
    # the dict display against the object ``_claim_values`` gives (as ``_claim_json``
    # was made before it): fields ``_cell`` does not change are taken as they are
    # (an ill-typed ``sentence_end=None`` stays None, where ``to_json`` has '')
    xref = _xref_for_cases()
    fast = report._claim_json(claim, xref)
    slow = dict(zip(report.CLAIM_JSON_KEYS, report._claim_values(claim, xref, False), strict=True))
    assert fast == slow and list(fast) == list(slow)
    assert [type(v) for v in fast.values()] == [type(v) for v in slow.values()]


def _slow_slot_text(slot: Any) -> str:
    return report._compact([x.to_row() for x in slot])


class _Time(TimeSpan):
    """A subclass: its row may differ, so it is encoded."""

    __slots__ = ()

    def to_row(self) -> dict[str, Any]:
        return {"other": self.text}


def _odd_slot_items() -> list[Any]:
    from crosscheck.records import EventMention, Place, Quantity, TimeSpan

    day = dt.date(2017, 11, 3)
    return [
        TimeSpan("late January", 5, 17, None, None, "month", "late"),
        TimeSpan('"x"\\\n', 0, 1, day, dt.datetime(2018, 1, 2, 3, 4), "day", "", "header"),
        TimeSpan("t", True, 2, day, day),  # a bool offset
        TimeSpan("t", 1, 2, "2017-11-03", day),  # type: ignore[arg-type]  # a text for a date
        TimeSpan(_Text("sub"), 1, 2, day, None, _Text("g")),
        TimeSpan(7, 1, 2, None, None),  # type: ignore[arg-type]
        Quantity("about 40", 1, 9, 40.0, "", "about"),
        Quantity("n", 1, 2, 40),
        Quantity("n", 1, 2, float("nan")),
        Quantity("n", 1, 2, float("-inf")),
        Quantity("n", 1, 2, -0.0, "%s", "%d"),
        Quantity("n", 1, 2, 1e300),
        Quantity("n", 1, 2, True),
        Quantity("n", 1.5, 2, 3.0),  # type: ignore[arg-type]
        Place("in Sochi", 2, 10, "Sochi"),
        Place("p", 2, None, "P"),  # type: ignore[arg-type]
        Place("p", 2, 3, None),  # type: ignore[arg-type]
        EventMention("the congress", 3, 15, "congress", "congress", False),
        EventMention("e", 3, 15, "h", "k"),
        EventMention("e", 3, 15, "h", "k", 1),  # type: ignore[arg-type]  # an int flag
        _Time("sub", 1, 2, None, None),
        {"start": 1},  # not a record at all
    ]


ODD_SLOT_ITEMS = _odd_slot_items()


@pytest.mark.parametrize("item", ODD_SLOT_ITEMS, ids=[str(n) for n in range(len(ODD_SLOT_ITEMS))])
def test_slot_item_text_is_the_encoders(item: Any) -> None:
    try:
        expected = _slow_slot_text([item])
    except (TypeError, AttributeError) as exc:  # not JSON (or no row): the same error
        with pytest.raises(type(exc)):
            report._slot_text([item])
        return
    assert report._slot_text([item]) == expected
    assert report._slot_text([item, item]) == _slow_slot_text([item, item])


def test_slot_items_of_declared_types_are_written_without_the_encoder() -> None:
    taken = {n for n, x in enumerate(ODD_SLOT_ITEMS) if type(x) in report._SLOT_ITEM_WRITERS}
    written = {
        n for n in taken if report._SLOT_ITEM_WRITERS[type(ODD_SLOT_ITEMS[n])](ODD_SLOT_ITEMS[n])
    }
    assert written == {0, 4, 6, 7, 10, 11, 14, 17, 18}
    slots = [s for c in CLAIM_CASES for s in (c.times, c.quantities, c.places, c.events)]
    items = [x for s in slots for x in s]
    assert items and all(report._SLOT_ITEM_WRITERS[type(x)](x) is not None for x in items)


def test_slot_text_equals_the_encoder_on_random_items() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from crosscheck.records import EventMention, Place, Quantity, TimeSpan

    text = st.text(alphabet=st.sampled_from(list('"\\\x00\x1f\n é\u2028%s{}ab')), max_size=6)
    offset = st.integers(min_value=-(10**20), max_value=10**20)
    day = st.none() | st.dates()
    number = st.floats(allow_nan=True, allow_infinity=True) | st.integers()
    item = st.one_of(
        st.builds(TimeSpan, text, offset, offset, day, day, text, text, text),
        st.builds(Quantity, text, offset, offset, number, text, text),
        st.builds(Place, text, offset, offset, text),
        st.builds(EventMention, text, offset, offset, text, text, st.booleans()),
    )

    @settings(max_examples=400, deadline=None)
    @given(st.lists(item, min_size=1, max_size=3))
    def check(slot: list[Any]) -> None:
        assert report._slot_text(slot) == _slow_slot_text(slot)

    check()


@pytest.mark.parametrize("batch", [1, 2, 3, 2000], ids=lambda n: f"runs-of-{n}")
def test_report_json_lists_written_in_runs_are_the_same_text(
    monkeypatch: pytest.MonkeyPatch, batch: int
) -> None:
    small = {"c": "x", "a": [1, {"k": "v"}, [2], "s", None], "b": [], "d": ("t",)}
    expected = (
        '{\n "a": [\n  1,\n  {"k": "v"},\n  [2],\n  "s",\n  null\n ],\n "b": [],\n'
        ' "c": "x",\n "d": [\n  "t"\n ]\n}\n'
    )
    data = report.build_report(EX, XREF)
    before = report.report_json(data)
    monkeypatch.setattr(report, "CSV_BATCH", batch)
    assert report.report_json(small) == expected
    assert report.report_json(data) == before
    assert len(data["speakers"]) > 3  # lists of several runs
