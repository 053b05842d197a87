"""Spreadsheet-safe CSV: RFC 4180 quoting, UTF-8 (BOM with --excel), formula injection made inert."""

from __future__ import annotations

import csv
import io

import pytest
import report_fixtures as fx
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck import report

# What a spreadsheet could evaluate: a cell whose first character, or first
# character after leading spaces, is one of = + - @ TAB CR.


def dangerous(cell: str) -> bool:
    head = cell.lstrip(" ")
    return bool(head) and (cell[0] in "=+-@\t\r" or head[0] in "=+-@\t\r")


def read(text: str) -> list[list[str]]:
    if text.startswith("\ufeff"):
        text = text[1:]
    return list(csv.reader(io.StringIO(text, newline="")))


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("+1 for the deal", "'+1 for the deal"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("-2+3", "'-2+3"),
        ("\tcmd", "'\tcmd"),
        ("\r=1+1", "'\r=1+1"),
        ("  =1+1", "'  =1+1"),
        ("-3", "'-3"),
        ("+1", "'+1"),
        ("-", "'-"),
        ("a=b", "a=b"),
        ("", ""),
        ("'quoted", "'quoted"),
    ],
    ids=[
        "hyperlink",
        "plus-text",
        "at-sum",
        "minus-expression",
        "tab",
        "carriage-return",
        "leading-spaces",
        "negative-number-text",
        "plus-one",
        "lone-minus",
        "inner-equals",
        "empty",
        "apostrophe",
    ],
)
def test_neutralise(cell: str, written: str) -> None:
    assert report.neutralise(cell) == written
    assert not dangerous(report.neutralise(cell))


def test_hostile_corpus_gives_no_dangerous_cell() -> None:
    ex, xref = fx.hostile()
    files = report.report_files(ex, xref)
    for name in ("claims.csv", "findings.csv", "manifest.csv"):
        rows = read(files[name])
        assert rows, name
        width = len(rows[0])
        for row in rows:
            assert len(row) == width, name
            for cell in row:
                assert not dangerous(cell), (name, cell)


def test_hostile_quotes_round_trip_with_the_apostrophe() -> None:
    ex, xref = fx.hostile()
    rows = read(report.render("claims", report.rows("claims", ex, xref), "csv"))
    header, body = rows[0], rows[1:]
    contents = [dict(zip(header, r, strict=True))["content"] for r in body]
    expected = [report.neutralise(h) for h in fx.HOSTILE]
    assert contents == expected
    assert contents[0].startswith("'=HYPERLINK(")
    assert contents[1] == "'+1 for the deal"
    assert contents[2] == "'@SUM(A1:A9)"
    assert contents[3] == "'-2+3"
    assert contents[7] == 'line one\nline "two" =x'  # embedded newline and quotes survive
    outlet = dict(zip(header, body[0], strict=True))["outlet"]
    assert outlet == "'=Outlet"
    # numeric columns stay numbers
    assert dict(zip(header, body[0], strict=True))["content_start"].isdigit()


def test_rfc4180_quoting_and_line_ends() -> None:
    text = report.render("misc", [{"a": 'say "hi"', "b": "x,y", "c": "l1\nl2", "d": 3}], "csv")
    assert text == 'a,b,c,d\r\n"say ""hi""","x,y","l1\nl2",3\r\n'


def test_booleans_and_empty_values() -> None:
    text = report.render("misc", [{"a": True, "b": False, "c": None, "d": -4, "e": 2.5}], "csv")
    assert text.splitlines()[1] == "true,false,,-4,2.5"


def test_excel_adds_a_bom_and_nothing_else() -> None:
    rows = [{"a": "é", "b": "="}]
    plain = report.render("misc", rows, "csv")
    excel = report.render("misc", rows, "csv", excel=True)
    assert excel == "\ufeff" + plain
    assert excel.encode("utf-8").startswith(b"\xef\xbb\xbf")


def test_header_cells_are_neutralised_too() -> None:
    text = report.render("misc", [{"=evil": "x"}], "csv")
    assert read(text)[0] == ["'=evil"]


cells = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(cells, min_size=3, max_size=3), max_size=6))
def test_any_text_round_trips_and_is_never_dangerous(table: list[list[str]]) -> None:
    rows = [{"a": r[0], "b": r[1], "c": r[2]} for r in table]
    back = read(report.render("misc", rows, "csv", columns=["a", "b", "c"]))
    assert back[0] == ["a", "b", "c"]
    assert len(back) == len(rows) + 1
    for original, got in zip(table, back[1:], strict=True):
        for cell, out in zip(original, got, strict=True):
            assert not dangerous(out)
            assert out == report.neutralise(cell)
            assert out == cell or out == "'" + cell
