"""Issue 5 acceptance: a corpus made of every bad-input case plus one good seed article.

Run through the CLI (typer's CliRunner), it must give: exit 0; the good article's claims; every
bad file named on stderr; no traceback anywhere; with ``--strict`` exit 3; and ``report --out``
writes a ``manifest.csv`` listing every input, processed or skipped, with a reason.

Each case is also a test of its own (``test_case``), and each adversarial text goes through
``pipeline.extract_article`` alone under a generous hang guard with the offset invariants checked.
The 50 MB article is marked ``slow`` (see the figure in its docstring).
"""

from __future__ import annotations

import builtins
import csv
import dataclasses
import io
import json
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import GOOD_SEED, big_article, check_offsets, deadline, invoke, no_traceback
from typer.testing import Result

from crosscheck import errors, pipeline
from crosscheck.ingest import IngestOptions
from crosscheck.records import Article, Extraction

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
GOOD_SENTENCE = "The United States will continue to engage with Russia"
CLEAN_TEXT = "Anna Keller said the talks would resume in March. Boris Weber told reporters it was too early.\n"

# --------------------------------------------------------------------------- the cases


@dataclass
class Case:
    """One bad (or merely odd) input: how to make it and what the user must be told."""

    name: str  # file (or folder) name inside the corpus
    make: Callable[[Path], None]  # writes it at the given path
    named: bool  # must the file be named on stderr (a skip or a warning)?
    separate: bool = False  # passed as its own PATH argument (not inside the corpus folder)
    manifest: str = ""  # expected manifest status: processed | skipped | '' (not checked)
    shown: str = ""  # the text stderr must contain (default: the name)

    @property
    def mention(self) -> str:
        return self.shown or self.name


def _bytes(data: bytes) -> Callable[[Path], None]:
    def make(p: Path) -> None:
        p.write_bytes(data)

    return make


def _text(text: str, encoding: str = "utf-8") -> Callable[[Path], None]:
    return _bytes(text.encode(encoding))


def _mkdir(p: Path) -> None:
    p.mkdir()


def _symlink_loop(p: Path) -> None:
    os.symlink(p.name, p)  # self.txt -> self.txt: ELOOP when opened


def _dir_loop(p: Path) -> None:
    os.symlink(".", p, target_is_directory=True)  # loop/ -> . : recursion must not follow forever


def _unreadable(p: Path) -> None:
    fd = os.open(p, os.O_WRONLY | os.O_CREAT, 0o600)  # os.open: not denied by deny_open
    os.write(fd, CLEAN_TEXT.encode("utf-8"))
    os.close(fd)
    p.chmod(0)


def _jsonl_with_bad_line(p: Path) -> None:
    lines = [
        json.dumps({"id": "j1", "title": "One", "text": CLEAN_TEXT}),
        '{"id": "j2", "title": "Two", "text": "Anna Keller said',  # truncated JSON
        json.dumps({"id": "j3", "title": "Three", "text": CLEAN_TEXT}),
        "",  # a blank line is not an error
        "[1, 2, 3]",  # valid JSON, not an object
        json.dumps({"id": "j6", "title": "no text"}),  # no text field
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _csv(rows: list[list[str]]) -> Callable[[Path], None]:
    def make(p: Path) -> None:
        buf = io.StringIO()
        csv.writer(buf).writerows(rows)
        p.write_text(buf.getvalue(), encoding="utf-8")

    return make


def _duplicates(p: Path) -> None:
    (p / "a").mkdir(parents=True)
    (p / "b").mkdir()
    (p / "a" / "same.txt").write_text(CLEAN_TEXT, encoding="utf-8")
    (p / "b" / "same.txt").write_text("Boris Weber said the ceasefire held.\n", encoding="utf-8")


def _jsonl_duplicates(p: Path) -> None:
    rows = [{"id": "d1", "text": CLEAN_TEXT}, {"id": "d1", "text": "Boris Weber said no.\n"}]
    p.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


CASES: list[Case] = [
    Case("empty.txt", _bytes(b""), named=True, manifest="skipped"),
    Case(
        "binary.txt",
        _bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64 + b"\x00" * 4096),
        named=True,
        manifest="skipped",
    ),
    Case(
        "cp1252.txt",
        _bytes(
            "\u201cWe will go,\u201d Anna Keller said \u2013 in the caf\u00e9.\n".encode("cp1252")
        ),
        named=True,
        manifest="processed",
    ),
    Case(
        "latin1.txt",
        _bytes(
            "Le ministre M\u00fcller said the talks in S\u00e3o Paulo were over \u00bd done.\n".encode(
                "latin-1"
            )
        ),
        named=True,
        manifest="processed",
    ),
    Case(
        "undecodable.txt",
        _bytes(b"Anna Keller said the talks \x81\x8d\x8f\x90\x9d\xc3\x28 will \xff resume.\n"),
        named=True,
    ),
    Case(
        "utf16.txt",
        _bytes(b"\xff\xfe" + CLEAN_TEXT.encode("utf-16-le")),
        named=False,
        manifest="processed",
    ),
    Case(
        "utf8bom.txt",
        _bytes(b"\xef\xbb\xbf" + ("date 2018-12-19 X\n" + CLEAN_TEXT).encode("utf-8")),
        named=False,
        manifest="processed",
    ),
    Case("longline.txt", _text("word " * 200_000), named=False, manifest="processed"),
    Case("quotes.txt", _text('"\u201c\u201d\u00ab' * 50_000), named=False, manifest="processed"),
    Case(
        "unbalanced.txt",
        _text(
            'Anna Keller said "the talks will resume.\n\nBoris Weber said \u201cwe \u2018will \u201cnot\u201d go.\n\n\u201d\u201d" he said.\n'
        ),
        named=False,
        manifest="processed",
    ),
    Case(
        "nested.txt",
        _text(
            "Anna Keller said: \u201cBoris told me \u2018we \u201cwill\u201d go\u2019 and left.\u201d Weber added, \"it's 'fine' now.\"\n"
        ),
        named=False,
        manifest="processed",
    ),
    Case("bad.jsonl", _jsonl_with_bad_line, named=True),
    Case(
        "notext.csv",
        _csv([["id", "title"], ["n1", "No text column"]]),
        named=True,
        manifest="skipped",
    ),
    Case(
        "ragged.csv",
        _csv(
            [
                ["id", "title", "text"],
                ["r1", "Good", CLEAN_TEXT],
                ["r2", "Short"],
                ["r3", "Long", CLEAN_TEXT, "extra", "more"],
            ]
        ),
        named=True,
    ),
    Case("dups", _duplicates, named=True, shown="same.txt"),
    Case("dups.jsonl", _jsonl_duplicates, named=True),
    Case("self.txt", _symlink_loop, named=True, manifest="skipped"),
    Case("loop", _dir_loop, named=False),
    Case(
        "baddate.txt",
        _text("date 19/12/2018 Register\n" + CLEAN_TEXT),
        named=True,
        manifest="processed",
    ),
    Case("missing.txt", lambda p: None, named=True, separate=True, manifest="skipped"),
    Case("emptydir", _mkdir, named=True, separate=True),
]
CASES.append(Case("unreadable.txt", _unreadable, named=True, manifest="skipped"))


def deny_open(monkeypatch: pytest.MonkeyPatch, name: str = "unreadable.txt") -> None:
    """Make opening any file called ``name`` fail with EACCES, as chmod 000 does for non-root."""
    real_open = builtins.open

    def guarded(file: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(file, (str, os.PathLike)) and Path(file).name == name:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded)
    monkeypatch.setattr(io, "open", guarded)


@pytest.fixture(autouse=True)
def _unreadable_even_for_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Root reads a chmod 000 file, so under root the EACCES is simulated (see deny_open)."""
    if IS_ROOT:
        deny_open(monkeypatch)


BIG_MB = 1.0  # the big article in the default-run corpus; the 50 MB one is the slow test


def build_corpus(root: Path, cases: list[Case], big_mb: float = BIG_MB) -> list[str]:
    """Write the corpus under ``root``; return the PATH arguments to pass to crosscheck."""
    corpus = root / "corpus"
    (corpus / "good").mkdir(parents=True)
    shutil.copy(GOOD_SEED, corpus / "good" / GOOD_SEED.name)
    (corpus / "big.txt").write_text(big_article(big_mb), encoding="utf-8")
    paths = [str(corpus)]
    for case in cases:
        where = (root / case.name) if case.separate else (corpus / case.name)
        case.make(where)
        if case.separate:
            paths.append(str(where))
    return paths


@pytest.fixture
def corpus_paths(tmp_path: Path) -> Iterator[list[str]]:
    paths = build_corpus(tmp_path, CASES)
    yield paths
    for p in tmp_path.rglob("*"):  # let pytest clean up the unreadable file
        if not p.is_symlink():
            p.chmod(0o700 if p.is_dir() else 0o600)


def run(*args: str) -> Result:
    with deadline(300, "crosscheck " + " ".join(args[:1])):
        return invoke(*args)


def jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.split("\n") if line.strip()]  # \n only


def assert_hints_name_real_options(stderr: str, command: str) -> None:
    """A hint that tells the user to pass ``--something`` must name an option that exists."""
    import re

    import typer.main

    from crosscheck.cli import app

    group: Any = typer.main.get_command(app)  # typer vendors its own click: duck-type it
    cmd = group.commands[command]
    known = {o for p in cmd.params for o in (*p.opts, *p.secondary_opts)}
    named = set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", stderr))
    assert named <= known, f"hints name options `{command}` does not have: {sorted(named - known)}"


def test_input_hints_name_input_options(tmp_path: Path) -> None:
    """A hint about reading input must point at --input-format, not the output's --format."""
    import re

    (tmp_path / "empty").mkdir()
    result = run("claims", str(tmp_path / "empty"), "-j", "1")
    no_traceback(result)
    assert result.exit_code == errors.EXIT_INPUT
    named = set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", result.stderr))
    assert "--format" not in named, result.stderr


# --------------------------------------------------------------------------- acceptance


def test_acceptance_claims(corpus_paths: list[str]) -> None:
    result = run("claims", *corpus_paths, "--format", "jsonl")
    no_traceback(result)
    assert result.exit_code == 0, result.stderr[-3000:]
    claims = jsonl(result.stdout)
    good = [c for c in claims if c["article_id"] == GOOD_SEED.stem]
    assert any(GOOD_SENTENCE in c["sentence"] for c in good), (
        "the good article's claims are missing"
    )
    for case in CASES:
        if case.named:
            assert case.mention in result.stderr, (
                f"{case.name} not named on stderr:\n{result.stderr}"
            )
    assert "skipped (see manifest)" in result.stderr
    assert_hints_name_real_options(result.stderr, "claims")
    # stderr lines are crosscheck's own, one line each
    for line in result.stderr.splitlines():
        assert line.startswith(("skipped: ", "warning: ")) or line.endswith(
            ("(see manifest)", " skipped")
        ), line


def test_acceptance_strict(corpus_paths: list[str]) -> None:
    result = run("claims", *corpus_paths, "--strict", "-q")
    no_traceback(result)
    assert result.exit_code == errors.EXIT_INPUT, result.stderr[-3000:]
    errs = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errs) == 1 and "--strict" in errs[0], result.stderr


def test_acceptance_report_manifest(corpus_paths: list[str], tmp_path: Path) -> None:
    out = tmp_path / "reports"
    result = run("report", *corpus_paths, "--out", str(out))
    no_traceback(result)
    assert result.exit_code == 0, result.stderr[-3000:]
    text = (out / "manifest.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and {"source", "status", "reason"} <= set(rows[0]), rows[:1]
    assert {r["status"] for r in rows} <= {"processed", "skipped"}
    for r in rows:
        if r["status"] == "skipped":
            assert r["reason"].strip(), f"skipped without a reason: {r}"

    def entries(name: str) -> list[dict[str, str]]:
        return [
            r for r in rows if Path(r["source"]).name == name or f"/{name}/" in r["source"] + "/"
        ]

    assert [r["status"] for r in entries(GOOD_SEED.name)] == ["processed"]
    assert [r["status"] for r in entries("big.txt")] == ["processed"]
    for case in CASES:
        found = entries(case.name)
        if case.name == "loop":
            continue  # a directory symlink loop: nothing to list, it must just not hang
        assert found, f"{case.name} missing from manifest.csv"
        if case.manifest:
            assert {r["status"] for r in found} == {case.manifest}, (case.name, found)
    # record-level accounting in the JSONL and CSV files
    jl = {r["line"]: r["status"] for r in entries("bad.jsonl")}
    assert jl.get("1") == "processed" and jl.get("3") == "processed", jl
    assert jl.get("2") == "skipped", jl
    rg = entries("ragged.csv")
    assert any(r["status"] == "processed" for r in rg), rg
    assert any(r["status"] == "skipped" for r in rg), rg
    dups = [r for r in entries("same.txt") if r["status"] == "processed"]
    assert len(dups) == 2, "duplicate ids must be kept apart, both processed"
    assert len({r["article_id"] for r in dups}) == 2, "two articles under one id"
    djl = [r for r in entries("dups.jsonl") if r["status"] == "processed"]
    assert len(djl) == 2 and len({r["article_id"] for r in djl}) == 2, djl
    # report.json carries the same manifest
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert "manifest" in report and len(report["manifest"]) == len(rows)


# --------------------------------------------------------------------------- one test per case


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case(case: Case, tmp_path: Path) -> None:
    """Each case beside the good article: exit 0, the good claims, the case named if it must be."""
    (tmp_path / "c").mkdir()
    shutil.copy(GOOD_SEED, tmp_path / "c" / GOOD_SEED.name)
    where = tmp_path / case.name if case.separate else tmp_path / "c" / case.name
    case.make(where)
    paths = [str(tmp_path / "c")] + ([str(where)] if case.separate else [])
    try:
        result = run("claims", *paths, "--format", "jsonl", "-j", "1")
    finally:
        if case.name == "unreadable.txt":
            where.chmod(0o600)
    no_traceback(result)
    assert result.exit_code == 0, result.stderr[-3000:]
    claims = jsonl(result.stdout)
    assert any(GOOD_SENTENCE in c["sentence"] for c in claims if c["article_id"] == GOOD_SEED.stem)
    if case.named:
        assert case.mention in result.stderr, result.stderr


def test_unreadable_file_as_non_root(tmp_path: Path) -> None:
    if IS_ROOT:
        pytest.skip("running as root: root can read a chmod 000 file (see the simulated test)")
    (tmp_path / "c").mkdir()
    _unreadable(tmp_path / "c" / "unreadable.txt")
    shutil.copy(GOOD_SEED, tmp_path / "c" / GOOD_SEED.name)
    try:
        result = run("articles", str(tmp_path / "c"), "-j", "1")
    finally:
        (tmp_path / "c" / "unreadable.txt").chmod(0o600)
    no_traceback(result)
    assert result.exit_code == 0
    assert "unreadable.txt" in result.stderr


def test_unreadable_file_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """EACCES on open, simulated so the case is covered even when the tests run as root."""
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "secret.txt").write_text(CLEAN_TEXT, encoding="utf-8")
    shutil.copy(GOOD_SEED, tmp_path / "c" / GOOD_SEED.name)
    deny_open(monkeypatch, "secret.txt")
    result = run("articles", str(tmp_path / "c"), "-f", "jsonl", "-j", "1")
    no_traceback(result)
    assert result.exit_code == 0, result.stderr
    assert [r["id"] for r in jsonl(result.stdout)] == [GOOD_SEED.stem]
    assert "secret.txt" in result.stderr and "ermission" in result.stderr


def test_named_pipe_does_not_block(tmp_path: Path) -> None:
    """A FIFO in a corpus folder (no writer) must be skipped, not opened and waited on."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    (tmp_path / "c").mkdir()
    os.mkfifo(tmp_path / "c" / "pipe.txt")
    shutil.copy(GOOD_SEED, tmp_path / "c" / GOOD_SEED.name)
    result = run("articles", str(tmp_path / "c"), "-f", "jsonl", "-j", "1")
    no_traceback(result)
    assert result.exit_code == 0
    assert [r["id"] for r in jsonl(result.stdout)] == [GOOD_SEED.stem]


# --------------------------------------------------------------------------- more bad records


def test_jsonl_lone_surrogate_escape(tmp_path: Path) -> None:
    r"""A JSON ``\ud800`` escape (half an emoji pair, cut by a scraper) is valid JSON but not
    encodable text: the record must not make every output fail (found by hand, beside fuzz.py)."""
    (tmp_path / "c").mkdir()
    shutil.copy(GOOD_SEED, tmp_path / "c" / GOOD_SEED.name)
    (tmp_path / "c" / "surrogate.jsonl").write_text(
        '{"id": "s1", "text": "Anna Keller said the \\ud800 talks will resume in Geneva."}\n',
        encoding="utf-8",
    )
    for args in (["claims", "-f", "csv"], ["report", "--out", str(tmp_path / "r")]):
        result = run(args[0], str(tmp_path / "c"), *args[1:], "-j", "1")
        no_traceback(result)
        assert result.exit_code == 0, result.stderr[-2000:]
        assert "surrogate.jsonl" in result.stderr, "the odd record must be reported"


@pytest.mark.parametrize(
    "record",
    [
        '{"text": "Anna Keller said the talks will resume.", "source": ["\\ud83d"]}',
        '{"text": "Anna Keller said the talks will resume.", "title": {"x": "\\udc00"}}',
        '{"text": "Anna Keller said the talks will resume.", "id": ["a", "\\ud800"]}',
    ],
    ids=["outlet-list", "title-object", "id-list"],
)
def test_lone_surrogate_in_nested_metadata(tmp_path: Path, record: str) -> None:
    """Found by fuzz.py (session 2): a surrogate escape inside a list-valued field."""
    path = tmp_path / "meta.jsonl"
    path.write_text(record + "\n", encoding="utf-8")
    for args in (["claims", "-f", "csv"], ["report", "--out", str(tmp_path / "r")]):
        result = run(args[0], str(path), *args[1:], "-j", "1")
        no_traceback(result)
        assert result.exit_code == 0, result.stderr[-2000:]


def test_csv_unterminated_quote_is_reported(tmp_path: Path) -> None:
    """A quote left open swallows every later row into one field: say so, never silently."""
    path = tmp_path / "unterminated.csv"
    path.write_text(
        'id,title,text\nq1,T,"Anna Keller said the talks\nq2,T,Boris Weber said no.\n',
        encoding="utf-8",
    )
    result = run("articles", str(path), "-f", "jsonl", "-j", "1")
    no_traceback(result)
    assert result.exit_code == 0, result.stderr
    assert "unterminated.csv" in result.stderr, "rows swallowed by an open quote, silently"


# --------------------------------------------------------------------------- decoding, in the library


def _read_one(path: Path) -> Article:
    items = list(pipeline.extract([str(path)], IngestOptions(), jobs=1).results)
    assert len(items) == 1, items
    return items[0].article


@pytest.mark.parametrize(
    ("data", "expected", "warns"),
    [
        (
            "\u201cWe will go,\u201d Anna Keller said.".encode("cp1252"),
            "\u201cWe will go,\u201d Anna Keller said.",
            True,
        ),
        (
            "M\u00fcller said S\u00e3o Paulo.".encode("latin-1"),
            "M\u00fcller said S\u00e3o Paulo.",
            True,
        ),
        (
            b"\xff\xfe" + "Anna said \u201cyes\u201d.".encode("utf-16-le"),
            "Anna said \u201cyes\u201d.",
            False,
        ),
        (
            b"\xfe\xff" + "Anna said \u201cyes\u201d.".encode("utf-16-be"),
            "Anna said \u201cyes\u201d.",
            False,
        ),
        (
            b"\xef\xbb\xbfAnna said \xe2\x80\x9cyes\xe2\x80\x9d.",
            "Anna said \u201cyes\u201d.",
            False,
        ),
        ("Anna said \u201cyes\u201d.\r\n".encode(), "Anna said \u201cyes\u201d.\r\n", False),
    ],
    ids=["cp1252", "latin1", "utf16le-bom", "utf16be-bom", "utf8-bom", "crlf-kept"],
)
def test_decoding(tmp_path: Path, data: bytes, expected: str, warns: bool) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    article = _read_one(path)
    assert article.text.lstrip("\ufeff") == expected
    assert bool(article.warnings) == warns, article.warnings


def test_bom_does_not_hide_the_date_header(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbfdate 2018-12-19 X\n" + CLEAN_TEXT.encode())
    article = _read_one(path)
    assert article.published is not None and article.published.isoformat() == "2018-12-19"
    assert article.date_source == "header"


@pytest.mark.parametrize(
    "header", ["date 19/12/2018 Register", "date 2018-02-30 X", "date 2018-13-01"]
)
def test_bad_date_header_warns(tmp_path: Path, header: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(header + "\n" + CLEAN_TEXT, encoding="utf-8")
    article = _read_one(path)
    assert article.date_source != "header"
    assert article.warnings, "a malformed date header must be reported"


# --------------------------------------------------------------------------- adversarial text, alone


ADVERSARIAL: dict[str, Callable[[], str]] = {
    "1MB-line-no-punctuation": lambda: "word " * 200_000,
    "1MB-one-token": lambda: "a" * 1_000_000,
    "200k-straight-quotes": lambda: '"' * 200_000,
    "200k-curly-quotes": lambda: "\u201c\u201d" * 100_000,
    "200k-mixed-quotes": lambda: "\u201c\"'\u2018\u00ab" * 40_000,
    "quotes-and-words": lambda: 'said "a ' * 100_000,
    "unclosed-quote-1MB": lambda: 'Anna Keller said "' + "the talks will resume and " * 40_000,
    "200k-periods": lambda: "." * 200_000,
    "abbreviations": lambda: "U.S. Dr. Gen. Sept. " * 50_000,
    "initials": lambda: "A. B. C. " * 100_000,
    "capitalised-run": lambda: "Minister " * 120_000 + "said.",
    "said-run": lambda: "said " * 200_000,
    "according-to-run": lambda: "according to " * 80_000,
    "nbsp-run": lambda: "\u00a0" * 1_000_000,
    "newlines": lambda: "\n" * 1_000_000,
    "crlf": lambda: "\r\n" * 500_000,
    "digits": lambda: "1" * 1_000_000,
    "dates": lambda: "in mid-November 2017, " * 40_000,
    "numbers": lambda: "more than 1,000,000 " * 50_000,
    "hyphens": lambda: "-" * 1_000_000,
    "copyright-lines": lambda: "\u00a9 REUTERS /\n" * 80_000,
    "read-more": lambda: "READ MORE: X\n" * 80_000,
    "title-case-lines": lambda: "Minister Says Talks Go Ahead\n" * 40_000,
    "cyrillic": lambda: "\u0421\u043e\u0447\u0438 " * 200_000,
    "nested-parentheses": lambda: "(" * 100_000 + ")" * 100_000,
    "seed-times-40": lambda: big_article(1.0),
}


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_adversarial_text_does_not_hang(name: str) -> None:
    """Hang guard only (10 minutes is far beyond any linear run); speed is in benchmarks/."""
    text = ADVERSARIAL[name]()
    article = Article(id=name, text=text, source=f"{name}.txt")
    with deadline(120, name):
        result = pipeline.extract_article(article)
    check_offsets(article, result)


# --------------------------------------------------------------------------- the 50 MB article


@pytest.mark.slow
@pytest.mark.skipif(
    not os.environ.get("CROSSCHECK_BIG"),
    reason="the 50 MB end-to-end run takes minutes and GBs: set CROSSCHECK_BIG=1 to run it",
)
def test_fifty_megabyte_article(tmp_path: Path) -> None:
    """A 50 MB article (the good seed's body, repeated) through ``report``, with a hang guard.

    Measured on this 2-core machine (load ~5): ``claims`` -j 1: 57 s CPU, 1 min 43 s wall,
    peak RSS 1.8 GB, 154,602 claims (-j 2: 4 min 22 s wall). ``report`` -j 1: 133 s CPU,
    2 min 52 s wall, peak RSS 3.7 GB, 570 MB of report files (report.json 267 MB). Before the
    judge fix at 07:50 ``report`` did not finish (quadratic in the claims of one event).
    """
    paths = build_corpus(tmp_path, [], big_mb=50.0)
    with deadline(1500, "report on 50 MB"):
        result = invoke("report", *paths, "--out", str(tmp_path / "r"), "-q", "-j", "1")
    no_traceback(result)
    assert result.exit_code == 0, result.stderr[-3000:]
    manifest = (tmp_path / "r" / "manifest.csv").read_text(encoding="utf-8-sig")
    assert "big.txt" in manifest and GOOD_SEED.name in manifest


# --------------------------------------------------------------------------- one topic, many claims


def seed_copies(m: int) -> Extraction:
    """The seeds' extraction, copied ``m`` times under new article and claim ids.

    A corpus of 5m articles on one topic (the seeds' Syrian talks): every copy names the
    same events, places and speakers, as a real same-topic corpus does.
    """
    base = pipeline.extract([str(GOOD_SEED.parent)], IngestOptions(), jobs=1)
    out = []
    for j in range(m):
        for r in base.results:
            aid = f"{r.article.id}-{j:05d}"
            claims = tuple(
                dataclasses.replace(c, claim_id=f"{aid}:{k:03d}", article_id=aid)
                for k, c in enumerate(r.claims)
            )
            out.append(
                dataclasses.replace(
                    r, article=dataclasses.replace(r.article, id=aid), claims=claims
                )
            )
    return pipeline.assemble(out)


def operations(fn: Callable[[], object]) -> int:
    """Python-level calls (function calls and generator resumptions, C calls) made by ``fn``.

    A deterministic measure of work, unlike time: doubling the input of a linear stage
    doubles it, whatever the machine's load.
    """
    count = 0

    def profile(frame: Any, event: str, arg: Any) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        fn()
    finally:
        sys.setprofile(None)
    return count


@pytest.mark.slow
def test_cross_reference_work_linear_in_same_topic_claims() -> None:
    """8x the claims on one topic must cost about 8x the work in group, match and judge.

    A regression guard for pairwise loops over every claim of one event. First measured
    (calls, 10 -> 80 copies of the seeds, 640 -> 5,120 claims): judge 0.61 M -> 7.34 M (12.0x)
    from judge.py ``_event_place_findings`` and the ``covered`` pair set of
    ``_event_time_findings``: 97 s on 41k claims, out of time and memory (11 GB) on the 50 MB
    article's 155k claims. Fixed in judge.py at 07:50 (8.4x; 41k claims in 11 s).
    """
    small, large = seed_copies(10), seed_copies(80)
    assert len(large.claims) == 8 * len(small.claims)

    def work(ex: Extraction) -> int:
        return operations(lambda: pipeline.cross_reference(ex))

    # both measured warm: the stages' modules imported (pipeline imports them on first
    # use) and their caches of pure functions filled, whatever ran before this test
    pipeline.cross_reference(small)
    pipeline.cross_reference(large)
    ratio = work(large) / work(small)
    # measured: group 7.7x, match 8.3x, judge 8.4x (12.0x before the fix); n log n, not n^2.
    # Session 5 made the per-claim work cheaper (calls, warm: 0.32 M -> 0.29 M at 10
    # copies, 2.84 M -> 2.62 M at 80), so the n log n parts weigh more in the ratio:
    # 8.78x -> 9.04x. The bound keeps the quadratic case (12.0x) out with room for
    # that: n log n alone, from 640 to 5,120 claims, would be 10.6x.
    assert ratio <= 9.6, f"8x the claims cost {ratio:.2f}x the work"
