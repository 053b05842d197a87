"""Ingest: formats, fields, encodings, dates, and every bad input as a Skipped (never a raise).

Robustness cases of issue 5 that concern reading input each have a test here: empty file,
binary file, Windows-1252 / Latin-1, undecodable bytes, UTF-16 with a BOM, UTF-8 BOM, a
malformed JSONL line, a CSV without the text column or with ragged rows, duplicate ids, a
missing path, a folder with no articles, a symlink loop, an unreadable file, a date header in
a wrong format. Files are made in ``tmp_path``; the two hand-made corpora are in
``tests/fixtures/ingest``.
"""

from __future__ import annotations

import codecs
import datetime as dt
import gzip
import io
import json
import os
import tempfile
import tracemalloc
from collections.abc import Iterable
from pathlib import Path

import pytest
from conftest import SEEDS, deadline, skip_without_shared
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck import ingest
from crosscheck.errors import InputError
from crosscheck.ingest import IngestOptions, parse_date
from crosscheck.records import Article, Skipped

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"


def read_all(paths: Iterable[str | Path], **opts: str) -> tuple[list[Article], list[Skipped]]:
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for item in ingest.read([str(p) for p in paths], IngestOptions(**opts)):
        (skipped if isinstance(item, Skipped) else articles).append(item)  # type: ignore[arg-type]
    return articles, skipped


def one_article(path: Path, **opts: str) -> Article:
    articles, skipped = read_all([path], **opts)
    assert not skipped, skipped
    assert len(articles) == 1, articles
    return articles[0]


def one_skip(path: Path | str, **opts: str) -> Skipped:
    articles, skipped = read_all([path], **opts)
    assert not articles, articles
    assert len(skipped) == 1, skipped
    return skipped[0]


# --------------------------------------------------------------------------- .txt and its header


def test_txt_header_with_leading_space_gives_header_date(tmp_path: Path) -> None:
    text = " date 2018-12-19 Register\n    Officials met on Tuesday.\n"
    path = tmp_path / "story_one.txt"
    path.write_text(text, encoding="utf-8")
    a = one_article(path)
    assert a.id == "story_one"
    assert a.published == dt.date(2018, 12, 19)
    assert a.date_source == "header"
    assert a.text == text, "the header line stays in the text: offsets index the file as read"
    assert (a.source, a.line, a.encoding, a.warnings) == (str(path), 0, "utf-8", ())


@pytest.mark.parametrize(
    "header",
    ["date 19/12/2018", "date 2018-13-45", "date 2018-02-30 Register", " date 12.2018"],
    ids=["day-first-slashes", "month-13", "feb-30", "month-year"],
)
def test_txt_header_in_a_wrong_format_warns_and_leaves_date_unknown(
    tmp_path: Path, header: str
) -> None:
    path = tmp_path / "bad_header.txt"
    path.write_text(f"{header}\nThe minister spoke on Friday.\n", encoding="utf-8")
    a = one_article(path)
    assert a.published is None
    assert a.date_source == "unknown"
    assert len(a.warnings) == 1 and "date header" in a.warnings[0], a.warnings


@pytest.mark.parametrize(
    "first_line",
    ["Date night ideas for a rainy weekend", "date of the vote is not yet set."],
    ids=["capitalised-word", "no-digit"],
)
def test_prose_starting_with_date_is_not_a_header(tmp_path: Path, first_line: str) -> None:
    path = tmp_path / "prose.txt"
    path.write_text(f"{first_line}\nMore text.\n", encoding="utf-8")
    a = one_article(path)
    assert (a.published, a.date_source, a.warnings) == (None, "unknown", ())


def test_txt_keeps_crlf_and_nbsp_exactly_as_read(tmp_path: Path) -> None:
    raw = "Headline\r\n\r\nThe\u00a0minister said\u2009so.\r\n"
    path = tmp_path / "crlf.txt"
    path.write_bytes(raw.encode("utf-8"))
    assert one_article(path).text == raw


def test_header_only_file_is_skipped_as_empty_text(tmp_path: Path) -> None:
    path = tmp_path / "header_only.txt"
    path.write_text("date 2018-12-19 Register\n\n", encoding="utf-8")
    assert "empty" in one_skip(path).reason


def test_seeds_read_with_their_gold_dates() -> None:
    articles, skipped = read_all([SEEDS])
    assert not skipped
    got = {a.id[:3]: (a.published, a.date_source) for a in articles}
    assert got == {
        "000": (dt.date(2018, 12, 19), "header"),
        "001": (dt.date(2017, 11, 14), "header"),
        "002": (None, "unknown"),
        "003": (None, "unknown"),
        "004": (None, "unknown"),
    }


# --------------------------------------------------------------------------- empty / binary


@pytest.mark.parametrize(
    "content", [b"", b"   \n\n\t  \r\n"], ids=["zero-bytes", "whitespace-only"]
)
@pytest.mark.parametrize(
    "name", ["empty.txt", "empty.jsonl", "empty.csv"], ids=["txt", "jsonl", "csv"]
)
def test_empty_file_is_skipped(tmp_path: Path, content: bytes, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    skip = one_skip(path)
    assert skip.source == str(path)
    assert "empty" in skip.reason


@pytest.mark.parametrize(
    "content",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        bytes((i * 37 + 11) % 256 for i in range(4096)),
        b"GIF89a" + b"\x00\x01\x02\x03\x04\x05\x06\x07" * 100,
    ],
    ids=["png-header", "noise", "nul-runs"],
)
@pytest.mark.parametrize(
    "name", ["picture.txt", "picture.jsonl", "picture.csv"], ids=["txt", "jsonl", "csv"]
)
def test_binary_file_is_skipped(tmp_path: Path, content: bytes, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    skip = one_skip(path)
    assert "binary" in skip.reason
    assert skip.hint


# --------------------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    ("raw", "expected", "codec"),
    [
        (
            "Caf\u00e9 owners met the mayor.".encode("latin-1"),
            "Caf\u00e9 owners met the mayor.",
            "cp1252",
        ),
        (
            "\u201cWe agree,\u201d the envoy said \u2013 twice.".encode("cp1252"),
            "\u201cWe agree,\u201d the envoy said \u2013 twice.",
            "cp1252",
        ),
        (b"Stra\xdfe \x81 closed.", "Stra\u00dfe \x81 closed.", "latin-1"),
    ],
    ids=["latin-1", "windows-1252-quotes", "latin-1-undefined-in-cp1252"],
)
def test_legacy_8bit_text_is_decoded_with_a_warning(
    tmp_path: Path, raw: bytes, expected: str, codec: str
) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(raw)
    a = one_article(path)
    assert a.text == expected
    assert a.encoding == codec
    assert len(a.warnings) == 1 and "not valid UTF-8" in a.warnings[0]


def test_undecodable_bytes_in_utf8_text_are_replaced_with_a_warning(tmp_path: Path) -> None:
    good = "The envoy\u2019s \u201cplan\u201d was welcomed in G\u00f6teborg and K\u00f8benhavn."
    raw = good.encode("utf-8") + b" Bad byte: \xff here."
    path = tmp_path / "mostly_utf8.txt"
    path.write_bytes(raw)
    a = one_article(path)
    assert a.text == good + " Bad byte: \ufffd here."
    assert a.encoding == "utf-8"
    assert len(a.warnings) == 1 and "U+FFFD" in a.warnings[0]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"], ids=str)
def test_utf16_and_utf32_with_a_bom(tmp_path: Path, codec: str) -> None:
    text = "date 2017-11-14 Register\nThe envoy said \u201cyes\u201d in G\u00f6teborg.\n"
    bom = {
        "utf-16-le": codecs.BOM_UTF16_LE,
        "utf-16-be": codecs.BOM_UTF16_BE,
    }.get(codec, b"")
    path = tmp_path / "wide.txt"
    path.write_bytes(bom + text.encode(codec))
    a = one_article(path)
    assert a.text == text, "BOM stripped, text decoded"
    assert a.published == dt.date(2017, 11, 14)
    assert a.warnings == ()


def test_utf16_without_a_bom_is_recognised_with_a_warning(tmp_path: Path) -> None:
    text = "The council met on Monday and approved the plan.\n"
    path = tmp_path / "wide_nobom.txt"
    path.write_bytes(text.encode("utf-16-le"))
    a = one_article(path)
    assert a.text == text
    assert any("utf-16-le" in w for w in a.warnings)


def test_utf8_bom_is_stripped_and_header_still_read(tmp_path: Path) -> None:
    text = "date 2016-09-12 Register\nOfficials said so.\n"
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    a = one_article(path)
    assert a.text == text
    assert not a.text.startswith("\ufeff")
    assert a.published == dt.date(2016, 9, 12)


def test_utf16_jsonl_with_a_bom(tmp_path: Path) -> None:
    lines = [{"id": "w1", "text": "Premi\u00e8re r\u00e9union."}, {"id": "w2", "text": "Second."}]
    body = "".join(json.dumps(rec, ensure_ascii=False) + "\n" for rec in lines)
    path = tmp_path / "wide.jsonl"
    path.write_bytes(body.encode("utf-16"))
    articles, skipped = read_all([path])
    assert not skipped
    assert [(a.id, a.text, a.line) for a in articles] == [
        ("w1", "Premi\u00e8re r\u00e9union.", 1),
        ("w2", "Second.", 2),
    ]


def test_latin1_line_in_a_jsonl_file_is_decoded_with_a_warning_on_that_record(
    tmp_path: Path,
) -> None:
    path = tmp_path / "mixed_enc.jsonl"
    good = json.dumps({"id": "u1", "text": "Fine \u00e9t\u00e9."}, ensure_ascii=False).encode(
        "utf-8"
    )
    bad = json.dumps({"id": "l1", "text": "Caf\u00e9 closed."}, ensure_ascii=False).encode(
        "latin-1"
    )
    path.write_bytes(good + b"\n" + bad + b"\n")
    articles, skipped = read_all([path])
    assert not skipped
    by_id = {a.id: a for a in articles}
    assert by_id["u1"].warnings == ()
    assert by_id["l1"].text == "Caf\u00e9 closed."
    assert by_id["l1"].warnings and "line 2" in by_id["l1"].warnings[0]


def test_forced_encoding_replaces_undecodable_bytes(tmp_path: Path) -> None:
    path = tmp_path / "forced.txt"
    path.write_bytes(b"Caf\xe9 closed.")
    a = one_article(path, encoding="utf-8")
    assert a.text == "Caf\ufffd closed."
    assert a.warnings


# --------------------------------------------------------------------------- JSONL


def test_jsonl_fixture_reads_good_lines_and_reports_each_bad_one_by_line() -> None:
    path = FIXTURES / "mixed.jsonl"
    articles, skipped = read_all([path])
    assert [(a.id, a.line) for a in articles] == [("a1", 1), ("mixed:6", 6)]
    a1, nameless = articles
    assert (a1.title, a1.outlet, a1.published, a1.date_source) == (
        "Council approves budget",
        "Example Times",
        dt.date(2016, 9, 12),
        "metadata",
    )
    assert a1.text == "The council approved the budget on Monday, the mayor said."
    assert (nameless.outlet, nameless.published) == ("Example Daily", dt.date(2016, 9, 12))
    assert [(s.line, s.reason.split(":")[0]) for s in skipped] == [
        (2, "malformed JSON"),
        (4, "JSON line is an array, not an object"),
        (5, "no text field (looked for"),
    ]
    assert all(s.source == str(path) and s.hint for s in skipped)


NUL_RECORDS = [
    (
        "jsonl-nul-in-one-line",
        "c.jsonl",
        b'{"id": "a", "text": "First good text."}\n'
        b'{"id": "b", "text": "bad \x00 byte"}\n'
        b'{"id": "c", "text": "Third good text."}\n',
        ["a", "c"],
        [(2, "malformed JSON")],
    ),
    (
        "jsonl-null-line",
        "n.jsonl",
        b'{"id": "a", "text": "First good text."}\nnull\n',
        ["a"],
        [(2, "JSON line is null, not an object")],
    ),
    (
        "csv-nul-in-one-field",
        "c.csv",
        b"id,text\na,First good text.\nb,bad \x00 byte\nc,Third good text.\n",
        ["a", "b", "c"],
        [],
    ),
]


@pytest.mark.parametrize(
    ("name", "data", "ids", "skips"), [r[1:] for r in NUL_RECORDS], ids=[r[0] for r in NUL_RECORDS]
)
def test_a_damaged_record_does_not_cost_the_file(
    tmp_path: Path, name: str, data: bytes, ids: list[str], skips: list[tuple[int, str]]
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    articles, skipped = read_all([path])
    assert [a.id for a in articles] == ids
    assert [(s.line, s.reason.split(":")[0]) for s in skipped] == skips


def test_a_record_file_of_nuls_is_binary(tmp_path: Path) -> None:
    path = tmp_path / "blob.jsonl"
    path.write_bytes(b"\x00\x01\x02" * 400)
    articles, skipped = read_all([path])
    assert not articles
    assert [s.reason for s in skipped] == ["binary file (not text)"]


def test_jsonl_text_field_option_and_field_names(tmp_path: Path) -> None:
    path = tmp_path / "custom.jsonl"
    rec = {
        "key": "k1",
        "story": "Body text.",
        "hed": "A title",
        "when": "4/5/2017",
        "paper": "Gazette",
    }
    path.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    skip = one_skip(path)
    assert "--text-field" in skip.hint
    a = one_article(
        path,
        text_field="story",
        id_field="key",
        title_field="hed",
        date_field="when",
        outlet_field="paper",
    )
    assert (a.id, a.text, a.title, a.published, a.outlet) == (
        "k1",
        "Body text.",
        "A title",
        dt.date(2017, 4, 5),
        "Gazette",
    )


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ({"id": "e1", "text": ""}, "empty text"),
        ({"id": "e2", "text": "   \n "}, "empty text"),
        ({"id": "e3", "text": None}, "empty text"),
        ({"id": "e4", "text": 42}, "not a string"),
    ],
    ids=["empty", "whitespace", "null", "number"],
)
def test_jsonl_unusable_text_is_skipped(
    tmp_path: Path, record: dict[str, object], reason: str
) -> None:
    path = tmp_path / "bad_text.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    skip = one_skip(path)
    assert reason in skip.reason
    assert skip.line == 1


def test_json_array_file_is_read_record_by_record(tmp_path: Path) -> None:
    path = tmp_path / "array.json"
    path.write_text(
        json.dumps([{"id": "r1", "text": "One."}, {"id": "r2", "text": "Two."}, 3]),
        encoding="utf-8",
    )
    articles, skipped = read_all([path])
    assert [(a.id, a.line) for a in articles] == [("r1", 1), ("r2", 2)]
    assert [(s.line, s.reason) for s in skipped] == [(3, "array element is not an object")]


def test_gzipped_jsonl_and_csv(tmp_path: Path) -> None:
    jpath = tmp_path / "corpus.jsonl.gz"
    with gzip.open(jpath, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "g1", "text": "Zipped."}) + "\n")
    cpath = tmp_path / "corpus.csv.gz"
    with gzip.open(cpath, "wt", encoding="utf-8", newline="") as fh:
        fh.write("id,text\nc1,Zipped row.\n")
    articles, skipped = read_all([jpath, cpath])
    assert not skipped
    assert sorted((a.id, a.text) for a in articles) == [("c1", "Zipped row."), ("g1", "Zipped.")]


def test_corrupt_gzip_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "broken.jsonl.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00garbage that is not deflate data at all")
    skip = one_skip(path)
    assert "gzip" in skip.reason or "binary" in skip.reason


# --------------------------------------------------------------------------- CSV


def test_csv_fixture_fields_lines_ragged_rows_and_bad_values() -> None:
    path = FIXTURES / "fakes_like.csv"
    articles, skipped = read_all([path])
    assert [(a.id, a.line) for a in articles] == [("101", 2), ("102", 3), ("105", 7)]
    first, multi, bad_date = articles
    assert (first.title, first.outlet, first.published, first.date_source) == (
        "Storm closes harbour",
        "examplewire",
        dt.date(2017, 4, 3),
        "metadata",
    )
    assert (
        multi.text
        == 'Ferry service resumed on Tuesday.\nOfficials said the timetable would return to normal "within days".'
    )
    assert bad_date.published is None and bad_date.date_source == "unknown"
    assert any("unrecognised date" in w for w in bad_date.warnings)
    assert [(s.line, s.reason.split(":")[0]) for s in skipped] == [
        (5, "ragged CSV row"),
        (6, "empty text in field 'article_content'"),
    ]


def test_csv_without_a_text_column_is_one_skip_naming_the_columns(tmp_path: Path) -> None:
    path = tmp_path / "no_text.csv"
    path.write_text("id,title,date\n1,A title,2017-01-01\n2,Another,2017-01-02\n", encoding="utf-8")
    skip = one_skip(path)
    assert skip.line == 1
    assert "no text column" in skip.reason and "id, title, date" in skip.reason
    assert "--text-field" in skip.hint


def test_csv_ragged_short_row_and_semicolon_delimiter(tmp_path: Path) -> None:
    path = tmp_path / "semi.csv"
    path.write_text(
        "id;text;source\n1;First row.;Wire\n2;Short row\n3;Third row.;Wire\n", encoding="utf-8"
    )
    articles, skipped = read_all([path])
    assert [(a.id, a.line, a.outlet) for a in articles] == [("1", 2, "Wire"), ("3", 4, "Wire")]
    assert [(s.line, s.reason) for s in skipped] == [
        (3, "ragged CSV row: 2 fields, the header has 3")
    ]


def test_csv_with_a_huge_field(tmp_path: Path) -> None:
    big = "word " * 100_000  # 500 kB: above the csv module's default field limit
    path = tmp_path / "huge.csv"
    path.write_text(f'id,text\nbig,"{big}"\n', encoding="utf-8")
    assert one_article(path).text == big


# --------------------------------------------------------------------------- ids


def test_duplicate_ids_are_kept_apart_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "dups.jsonl"
    path.write_text(
        "".join(json.dumps({"id": "same", "text": f"Text {i}."}) + "\n" for i in range(3)),
        encoding="utf-8",
    )
    articles, skipped = read_all([path])
    assert not skipped
    assert [a.id for a in articles] == ["same", "same~2", "same~3"]
    assert articles[0].warnings == ()
    assert "duplicate article id 'same'" in articles[1].warnings[0]
    assert f"{path}:1" in articles[1].warnings[0]


def test_duplicate_ids_across_files_do_not_depend_on_path_order(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "story.txt").write_text("First copy.", encoding="utf-8")
    (tmp_path / "b" / "story.txt").write_text("Second copy.", encoding="utf-8")
    one, _ = read_all([tmp_path / "a", tmp_path / "b"])
    two, _ = read_all([tmp_path / "b", tmp_path / "a"])
    assert (
        [(a.id, a.text) for a in one]
        == [(a.id, a.text) for a in two]
        == [
            ("story", "First copy."),
            ("story~2", "Second copy."),
        ]
    )


def test_same_file_given_twice_is_read_once(tmp_path: Path) -> None:
    path = tmp_path / "once.txt"
    path.write_text("Only once.", encoding="utf-8")
    articles, skipped = read_all([path, tmp_path, path])
    assert [a.id for a in articles] == ["once"] and not skipped


# --------------------------------------------------------------------------- paths


def test_missing_path_is_skipped_and_the_rest_still_read(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("A real article.", encoding="utf-8")
    articles, skipped = read_all([tmp_path / "nope.txt", good])
    assert [a.id for a in articles] == ["good"]
    assert [(s.source, s.reason) for s in skipped] == [
        (str(tmp_path / "nope.txt"), "no such file or folder")
    ]


def test_folder_with_no_articles_is_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "empty_folder"
    (folder / "sub").mkdir(parents=True)
    (folder / "notes.md").write_text("# not an article", encoding="utf-8")
    (folder / "sub" / "data.ann").write_text("T1\tSource 0 4\tText", encoding="utf-8")
    skip = one_skip(folder)
    assert skip.source == str(folder)
    assert "no article files" in skip.reason and "2 other file(s) ignored" in skip.reason


def test_folder_is_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    for rel in ("b/z.txt", "a/y.txt", "a/c/x.txt", "m.txt", ".hidden/h.txt"):
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(f"Text of {rel}.", encoding="utf-8")
    articles, skipped = read_all([tmp_path])
    assert not skipped
    assert [Path(a.source).relative_to(tmp_path).as_posix() for a in articles] == [
        "a/c/x.txt",
        "a/y.txt",
        "b/z.txt",
        "m.txt",
    ]


def test_symlink_loop_as_a_path_and_inside_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text("A good article.", encoding="utf-8")
    os.symlink(folder / "loop_b.txt", folder / "loop_a.txt")
    os.symlink(folder / "loop_a.txt", folder / "loop_b.txt")
    os.symlink(folder, folder / "self")  # a folder loop: must not be walked forever
    articles, skipped = read_all([folder, folder / "loop_a.txt"])
    assert [a.id for a in articles] == ["good"]
    assert sorted((Path(s.source).name, s.reason) for s in skipped) == [
        ("loop_a.txt", "symbolic link loop"),
        ("loop_a.txt", "symbolic link loop"),
        ("loop_b.txt", "symbolic link loop"),
    ]


def test_broken_symlink_is_skipped(tmp_path: Path) -> None:
    link = tmp_path / "dangling.txt"
    os.symlink(tmp_path / "gone.txt", link)
    assert "broken symbolic link" in one_skip(link).reason


def test_unreadable_file_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Hidden.", encoding="utf-8")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip(
                "running as root (or without permission checks): a chmod 000 file is still readable"
            )
        skip = one_skip(path)
        assert skip.reason == "permission denied"
        assert "chmod" in skip.hint
    finally:
        path.chmod(0o644)


@pytest.mark.parametrize("name", ["locked.txt", "locked.jsonl"], ids=["txt", "jsonl"])
def test_permission_error_while_opening_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """The unreadable-file path also when running as root (where chmod 000 does not stop reads)."""
    path = tmp_path / name
    path.write_text('{"id": "x", "text": "Hidden."}\n', encoding="utf-8")
    real_open = open

    def guarded_open(file: object, *args: object, **kwargs: object) -> object:
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", guarded_open)
    skip = one_skip(path)
    assert (skip.source, skip.reason) == (str(path), "permission denied")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_named_pipe_is_skipped_not_waited_on(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "good.txt").write_text("A good article.", encoding="utf-8")
    with deadline(20, "reading a folder holding a FIFO"):
        articles, skipped = read_all([tmp_path])
    assert [a.id for a in articles] == ["good"]
    assert [(Path(s.source).name, s.reason.split(" (")[0]) for s in skipped] == [
        ("pipe.txt", "not a regular file")
    ]


def test_unknown_extension_given_explicitly_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "story.article"
    path.write_text("Plain text article.", encoding="utf-8")
    assert one_article(path).id == "story"


def test_forced_format(tmp_path: Path) -> None:
    path = tmp_path / "records.data"
    path.write_text(json.dumps({"id": "f1", "text": "Forced."}) + "\n", encoding="utf-8")
    assert one_article(path, format="jsonl").id == "f1"


@pytest.mark.parametrize(
    "opts", [{"format": "xml"}, {"encoding": "no-such-codec"}], ids=["format", "encoding"]
)
def test_invalid_options_raise_input_error(opts: dict[str, str]) -> None:
    with pytest.raises(InputError) as info:
        list(ingest.read([str(SEEDS)], IngestOptions(**opts)))
    assert info.value.hint


# --------------------------------------------------------------------------- stdin


def test_stdin_json_lines() -> None:
    data = b"\n" + b"".join(
        json.dumps({"id": f"s{i}", "text": f"Line {i}."}).encode() + b"\n" for i in range(3)
    )
    items = list(ingest.read(["-"], IngestOptions(), stdin=io.BytesIO(data)))
    assert [(a.id, a.line, a.source) for a in items if isinstance(a, Article)] == [
        ("s0", 2, "-"),
        ("s1", 3, "-"),
        ("s2", 4, "-"),
    ]


def test_stdin_text_article() -> None:
    data = b" date 2019-03-01 Register\nThe mayor spoke.\n"
    items = list(ingest.read(["-"], IngestOptions(), stdin=io.BytesIO(data)))
    assert len(items) == 1 and isinstance(items[0], Article)
    assert (items[0].id, items[0].published, items[0].text) == (
        "stdin",
        dt.date(2019, 3, 1),
        data.decode(),
    )


def test_stdin_empty_is_skipped() -> None:
    items = list(ingest.read(["-"], IngestOptions(), stdin=io.BytesIO(b"")))
    assert len(items) == 1 and isinstance(items[0], Skipped) and items[0].source == "-"


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2016-09-12", dt.date(2016, 9, 12)),
        ("2016-09-12T10:00:00Z", dt.date(2016, 9, 12)),
        ("2016-09-12 23:59:59+05:00", dt.date(2016, 9, 12)),
        ("4/5/2017", dt.date(2017, 4, 5)),
        ("19/12/2018", dt.date(2018, 12, 19)),
        ("24.08.2013", dt.date(2013, 8, 24)),
        ("2016/09/12", dt.date(2016, 9, 12)),
        ("September 12, 2016", dt.date(2016, 9, 12)),
        ("Sept. 12 2016", dt.date(2016, 9, 12)),
        ("12 September 2016", dt.date(2016, 9, 12)),
        ("12th of September, 2016", dt.date(2016, 9, 12)),
        ("Mon, 12 Sep 2016 10:00:00 +0000", dt.date(2016, 9, 12)),
        ("Wednesday, April 5, 2017 at 9:14 am", dt.date(2017, 4, 5)),
        ("1473674400", dt.date(2016, 9, 12)),
        ("10/10/18", dt.date(2018, 10, 10)),
        ("4/12/19", dt.date(2019, 4, 12)),
        ("19/12/18", dt.date(2018, 12, 19)),
        ("24.08.13", dt.date(2013, 8, 24)),
        ("6/15/17 10:30 AM", dt.date(2017, 6, 15)),
        ("12/31/69", dt.date(2069, 12, 31)),
        ("12/31/70", dt.date(1970, 12, 31)),
        ("10/10.18", None),
        ("13/13/18", None),
        ("10/10/180", None),
        ("2016", None),
        ("2018-13-45", None),
        ("yesterday", None),
        ("", None),
        ("12/31/1850", None),
        ("2016-09-12 and some words that are not a time", None),
    ],
    ids=lambda v: str(v),
)
def test_parse_date(value: str, expected: dt.date | None) -> None:
    assert parse_date(value) == expected


# --------------------------------------------------------------------------- arbitrary bytes


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".txt", ".jsonl", ".csv"]))
def test_any_bytes_give_articles_or_skips_never_an_exception(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        items = list(ingest.read([str(path)], IngestOptions()))
    assert items, "every input is accounted for"
    for item in items:
        assert isinstance(item, (Article, Skipped))
        if isinstance(item, Article):
            assert item.text.strip()
        else:
            assert item.reason and item.source == str(path)
    if suffix == ".txt":
        assert len(items) == 1


# --------------------------------------------------------------------------- streaming


def test_read_is_lazy_and_streams_records(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    text = "word " * 400  # 2 kB per record
    with path.open("w", encoding="utf-8") as fh:
        for i in range(5000):  # 10 MB
            fh.write(json.dumps({"id": f"r{i}", "text": text}) + "\n")
    stream = ingest.read([str(path)], IngestOptions())
    first = next(stream)
    assert isinstance(first, Article) and first.id == "r0"
    tracemalloc.start()
    try:
        count = 1 + sum(1 for _ in stream)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 5000
    assert peak < 2_000_000, f"peak {peak} bytes while reading 10 MB: the reader is not streaming"


# --------------------------------------------------------------------------- real corpora


@pytest.mark.slow
def test_fakes_corpus_fields() -> None:
    path = skip_without_shared("corpora", "fakes-syria.csv")
    stream = ingest.read([str(path)], IngestOptions())
    first = next(stream)
    assert isinstance(first, Article)
    assert (first.id, first.outlet, first.published, first.date_source, first.line) == (
        "1914947530",
        "nna",
        dt.date(2017, 4, 5),
        "metadata",
        2,
    )
    assert first.title.startswith("Syria attack symptoms")
    rest = list(stream)
    assert not [s for s in rest if isinstance(s, Skipped)]
    assert len(rest) + 1 == 804


@pytest.mark.slow
def test_abp_corpus_fields() -> None:
    path = skip_without_shared("corpora", "abp-10k.jsonl.gz")
    stream = ingest.read([str(path)], IngestOptions())
    first = next(stream)
    assert isinstance(first, Article)
    assert (first.id, first.outlet, first.published, first.line) == (
        "C5062z5TkklAU9vR",
        "WGN",
        dt.date(2019, 11, 12),
        1,
    )
    assert first.text.startswith("Free-agent quarterback")
