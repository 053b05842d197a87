"""spool.ClaimSpool: claims.csv's rows and report.json's claim lines rendered ahead by a
helper process give the very bytes ``write_report`` renders itself, and every case where
the spool cannot be used falls back to rendering them."""

from __future__ import annotations

import dataclasses
import json
import os
import pickle
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SEEDS, invoke, no_traceback, write_generated_corpus

from crosscheck import engine, group, pipeline, report, safeio
from crosscheck import spool as spools
from crosscheck.errors import OutputError
from crosscheck.records import CrossReference
from crosscheck.spool import ClaimSpool


@pytest.fixture
def small_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pool engine for a small corpus, in chunks of a few articles."""
    monkeypatch.setattr(engine, "SERIAL_MAX_ARTICLES", 2)
    monkeypatch.setattr(engine, "SERIAL_MAX_BYTES", 1)
    monkeypatch.setattr(engine, "CHUNK_ARTICLES", 5)


@pytest.fixture
def corpus(tmp_path: Path) -> list[str]:
    """Generated articles, the seeds, and lines that are skipped or warned about."""
    gen = write_generated_corpus(tmp_path / "gen", 40, seed=11, fmt="jsonl")
    odd = tmp_path / "odd.jsonl"
    odd.write_text(
        json.dumps({"id": "odd1", "date": "soon", "text": "Ann Lee said 3 died."})
        + "\nnot json\n"
        + json.dumps({"id": "odd2", "text": ""})
        + "\n",
        encoding="utf-8",
    )
    return [str(gen), str(odd), str(SEEDS)]


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


# The library's report with a spool, in a fresh interpreter: the helper is forked only
# from a process without other threads, and earlier tests of this one may leave some
# (dask's). Prints the spool's reason; the report files are left in OUT.
_SPOOLED = r"""
import os, signal, sys
from crosscheck import engine, pipeline, report
from crosscheck.spool import ClaimSpool
from crosscheck.records import Extraction

engine.SERIAL_MAX_ARTICLES, engine.SERIAL_MAX_BYTES, engine.CHUNK_ARTICLES = 2, 1, 5
case, out, excel, *paths = sys.argv[1:]
with ClaimSpool(out) as spool:
    sink = spool.sink()
    assert sink is not None, spool.reason
    extraction = pipeline.extract(paths, jobs=2, sink=None if case == "no results kept" else sink)
    if case == "unordered":
        extraction = Extraction(extraction.results[::-1], extraction.manifest, extraction.errors)
    if case == "killed":
        os.kill(spool._pid, signal.SIGKILL)
    ahead = spool.facts(extraction)
    taken = []
    if ahead is not None:
        take = ahead.take
        ahead.take = lambda: taken.append(take()) or taken[-1]

    def lines(groups):
        if case == "another extraction":
            other = Extraction(extraction.results, extraction.manifest, extraction.errors)
            spool.lines(other, groups.speaker_of, groups.events_of)
        elif case != "no lines ordered":
            given = {"excel given": True, "plain given": False}.get(case, excel == "excel")
            spool.lines(extraction, groups.speaker_of, groups.events_of, excel=given)

    xref = pipeline.cross_reference(extraction, jobs=2, before_judge=lines, facts_ahead=ahead)
    report.write_report(out, extraction, xref, excel=excel == "excel", spool=spool)
    if case == "twice":  # (the helper's files were given to the first report)
        report.write_report(out + "-again", extraction, xref, excel=excel == "excel", spool=spool)
    print(spool.reason)
    # (``facts`` splits where the head holds claims: facts of none are not theirs)
    print("facts given" if taken and taken[0] and taken[0].words_of else "facts made here")
"""


def _spooled(paths: list[str], out: Path, case: str = "used", excel: bool = False) -> str:
    """``_SPOOLED`` run on ``paths`` into ``out``: the spool's reason, then whether the
    helper gave group the text facts."""
    done = subprocess.run(
        [sys.executable, "-c", _SPOOLED, case, str(out), "excel" if excel else "plain", *paths],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return "; ".join(done.stdout.splitlines())


def _rendered(paths: list[str], out: Path, excel: bool = False) -> dict[str, bytes]:
    """The report files ``write_report`` renders without a spool."""
    extraction = pipeline.extract(paths, jobs=2)
    xref = pipeline.cross_reference(extraction, jobs=2)
    report.write_report(out, extraction, xref, excel=excel)
    return _files(out)


@pytest.mark.parametrize(
    ("excel", "case"),
    [
        (False, "used"),
        (True, "used"),
        # the helper finished claims.csv with the other header: its rows are copied
        (True, "plain given"),
        (False, "excel given"),
        (False, "twice"),
    ],
    ids=["plain", "excel", "excel-written-plain-spooled", "plain-written-excel-spooled", "twice"],
)
def test_spooled_report_is_the_rendered_report(
    small_pool: None, corpus: list[str], tmp_path: Path, excel: bool, case: str
) -> None:
    """The same bytes, and no other file left in the folder (the helper's finished
    files were renamed into place or removed)."""
    assert _spooled(corpus, tmp_path / "spooled", case, excel=excel) == "; facts given"
    spooled = _files(tmp_path / "spooled")
    assert spooled == _rendered(corpus, tmp_path / "rendered", excel=excel)
    assert sorted(spooled) == sorted(report.REPORT_FILES)
    assert json.loads(spooled["report.json"])["claims"], "claims were spooled"
    if case == "twice":  # the second report renders them itself
        assert _files(tmp_path / "spooled-again") == spooled


@pytest.mark.parametrize(
    ("case", "reason"),
    [
        ("killed", "the rendering process failed (exit code -9); facts made here"),
        ("no lines ordered", "no lines ordered; facts given"),
        ("another extraction", "not given this extraction; facts given"),
        # (the helper read no article below the split: not the claims group wants)
        ("no results kept", "the rendering process read other articles; facts made here"),
        ("unordered", "the articles are not in report order; facts given"),
    ],
)
def test_a_spool_that_cannot_be_used_is_not(
    small_pool: None, corpus: list[str], tmp_path: Path, case: str, reason: str
) -> None:
    """The helper killed, never given the lines, given another extraction, or given no
    results: the report renders the claims itself, and group makes the text facts the
    helper could not give: the same bytes."""
    assert _spooled(corpus, tmp_path / "out", case) == reason
    assert _files(tmp_path / "out") == _rendered(corpus, tmp_path / "rendered")


def test_no_helper_is_forked_beside_other_threads(
    small_pool: None, corpus: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    monkeypatch.setattr(spools.threading, "active_count", lambda: 2)
    with ClaimSpool(out) as spool:
        assert spool.sink() is None
        assert spool._pid is None and spool.reason == "cannot fork here"
        extraction = pipeline.extract(corpus, jobs=2)
        assert spool.facts(extraction) is None
        xref = pipeline.cross_reference(extraction, jobs=2)
        spool.lines(extraction, xref.speaker_of, xref.events_of)
        assert not spool.ready(extraction, xref)
        report.write_report(out, extraction, xref, spool=spool)
    assert _files(out) == _rendered(corpus, tmp_path / "rendered")


def test_the_cli_report_is_the_same_with_one_job_or_two(
    small_pool: None, corpus: list[str], tmp_path: Path
) -> None:
    runs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"jobs{jobs}"
        result = invoke("report", *corpus, "--jobs", jobs, "--out", str(out), "--quiet")
        no_traceback(result)
        assert result.exit_code == 0, result.stderr
        runs[jobs] = (_files(out), result.stdout)
    assert runs["1"] == runs["2"]


def _orders(*orders: bytes) -> int:
    """A pipe holding ``orders`` (length-prefixed) and then closed: its read end."""
    read_end, write_end = os.pipe()
    for order in orders:
        safeio.write_all(write_end, spools._LENGTH.pack(len(order)) + order)
    os.close(write_end)
    return read_end


def test_the_helper_renders_the_claims_in_report_order(
    small_pool: None, corpus: list[str], tmp_path: Path
) -> None:
    """The helper's work, run in this process: the text facts of the claims of the
    articles below the split, in report order, as group makes them; each article's rows
    and lines, whose concatenation in article order is what ClaimRows renders; and the
    files it finishes: claims.csv whole, and report.json up to the end of its claims."""
    kinds = ("results", "csv", "json", "index", "facts", "csv_final", "json_final")
    files = {k: (tmp_path / k).open("w+b") for k in kinds}
    back_read, back_write = os.pipe()
    try:
        extraction = pipeline.extract(corpus, jobs=2, sink=files["results"])
        files["results"].flush()
        xref = pipeline.cross_reference(extraction)
        tables = spools._article_tables(extraction, xref.speaker_of, xref.events_of)
        ids = sorted(r.article.id for r in extraction.results)
        until = ids[len(ids) // 2]
        header = report.claims_csv_header(excel=True).encode("utf-8")
        orders = _orders(b"facts" + until.encode(), b"rows" + pickle.dumps((tables, header)))
        try:
            spools._spool_helper(orders, back_write, *(files[k] for k in kinds))
        finally:
            os.close(orders)
            os.close(back_write)
        assert os.read(back_read, 10) == b"F"
        files["index"].seek(0)
        index = pickle.load(files["index"])
        files["facts"].seek(0)
        facts = pickle.load(files["facts"])
    finally:
        os.close(back_read)
        for handle in files.values():
            handle.close()
    head = [c for c in group.report_order(extraction.claims) if c.article_id < until]
    assert head
    made = group.claims_text_facts(head)
    assert [list(t.items()) for t in dataclasses.astuple(facts)] == [
        list(t.items()) for t in dataclasses.astuple(made)
    ]
    rows = report.ClaimRows(
        sorted(extraction.claims, key=report.claim_sort_key),
        CrossReference((), (), (), xref.speaker_of, xref.events_of),
    )
    by_id = {r.article.id: r for r in extraction.results}
    for kind, text in (
        ("csv", "".join(rows._rendered("csv"))),
        ("json", ",\n  ".join(rows.json_pieces())),
    ):
        data = (tmp_path / kind).read_bytes()
        entries = sorted(getattr(index, kind), key=lambda e: e.article_id)
        assert [e.article_id for e in entries] == sorted(by_id)
        assert all(e.claims == len(by_id[e.article_id].claims) for e in entries)
        sep = b"" if kind == "csv" else b",\n  "
        joined = sep.join(data[e.at : e.at + e.length] for e in entries if e.length)
        assert joined == text.encode("utf-8")
    full = report.report_files(extraction, xref, excel=True)
    csv_final = (tmp_path / "csv_final").read_bytes()
    assert csv_final == full["claims.csv"].encode("utf-8")
    assert (index.csv_size, index.csv_head) == (len(csv_final), len(header))
    json_final = (tmp_path / "json_final").read_bytes()
    assert index.json_size == len(json_final)
    whole = full["report.json"].encode("utf-8")
    assert whole.startswith(json_final)
    assert whole[len(json_final) :].startswith(b',\n "events": ')
    assert b'\n "claims": [\n  {' in json_final


def test_the_sink_holds_the_results(small_pool: None, corpus: list[str], tmp_path: Path) -> None:
    import pickle

    with (tmp_path / "sink").open("w+b") as sink:
        extraction = pipeline.extract(corpus, jobs=2, sink=sink)
        sink.flush()
        data = (tmp_path / "sink").read_bytes()

    def chunks() -> Iterator[object]:
        at = 0
        while at < len(data):
            (length,) = engine.CHUNK_LENGTH.unpack(data[at : at + 8])
            yield from pickle.loads(data[at + 8 : at + 8 + length])
            at += 8 + length

    kept = pipeline.assemble(chunks())  # type: ignore[arg-type]
    assert kept == extraction


def test_one_job_keeps_nothing(corpus: list[str], tmp_path: Path) -> None:
    with (tmp_path / "sink").open("w+b") as sink:
        pipeline.extract(corpus, jobs=1, sink=sink)
        assert sink.tell() == 0


@pytest.mark.parametrize("existed", [False, True], ids=["made", "existing"])
def test_a_failed_run_leaves_no_folder_it_made(tmp_path: Path, existed: bool) -> None:
    out = tmp_path / "out"
    if existed:
        out.mkdir()
    with pytest.raises(RuntimeError), ClaimSpool(out) as spool:
        spool._file("csv")  # (what ``sink`` does first, without forking)
        spool._named_file("csv", "claims.csv")
        assert out.is_dir()
        assert len(list(out.iterdir())) == 1  # (the named file; the other is anonymous)
        raise RuntimeError("the run failed")
    assert out.exists() == existed
    if existed:
        assert list(out.iterdir()) == []


@pytest.mark.parametrize("kernel", [True, False], ids=["copy_file_range", "read-write"])
def test_staging_takes_text_bytes_and_file_ranges(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kernel: bool
) -> None:
    if not kernel:  # no copy_file_range (another system), or one that refuses
        monkeypatch.setattr(os, "copy_file_range", _refuse, raising=False)
    source = tmp_path / "source"
    source.write_bytes(b"0123456789" * 100_000)
    with source.open("rb") as handle, safeio.Staging(tmp_path / "out") as staging:
        fd = handle.fileno()
        pieces: list[str | bytes | safeio.FileRange] = [
            "é",
            b"\xc3\xa9",
            safeio.FileRange(fd, 3, 999_990),
            "\n",
            safeio.FileRange(fd, 0, 2),
        ]
        staging.stage("x.txt", pieces)
        staging.commit()
    expected = "éé".encode() + source.read_bytes()[3:999_993] + b"\n01"
    assert (tmp_path / "out" / "x.txt").read_bytes() == expected


@pytest.mark.parametrize("where", ["same folder", "same folder spelled otherwise", "other folder"])
def test_staging_adopts_a_file(tmp_path: Path, where: str) -> None:
    """An ``Adopted`` file of the target's folder becomes the staged file (renamed,
    the other pieces appended); one elsewhere is copied; either way it is gone."""
    out = tmp_path / "out"
    out.mkdir()
    given = (tmp_path if where == "other folder" else out) / ".x.txt.given.tmp"
    given.write_bytes(b"head,")
    inode = given.stat().st_ino
    # (the folder as a path relative to the working folder, the file's absolute)
    folder = Path(os.path.relpath(out)) if where.endswith("otherwise") else out
    with safeio.Staging(folder) as staging:
        staging.stage("x.txt", [safeio.Adopted(str(given), 5), "t\u00e9il", b"!"])
        staging.commit()
    done = out / "x.txt"
    assert done.read_bytes() == "head,t\u00e9il!".encode()
    assert (done.stat().st_ino == inode) == (where != "other folder")
    umask = os.umask(0)
    os.umask(umask)
    assert done.stat().st_mode & 0o777 == 0o666 & ~umask  # (as any written file)
    assert not given.exists()
    assert sorted(p.name for p in out.iterdir()) == ["x.txt"]


@pytest.mark.parametrize(
    ("size", "more"),
    [(4, []), (5, [safeio.FileRange(-1, 0, 3)])],
    ids=["not-the-size-given", "a-later-piece-fails"],
)
def test_a_failed_adoption_is_an_error_and_leaves_nothing(
    tmp_path: Path, size: int, more: list[safeio.FileRange]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    given = out / ".x.txt.given.tmp"
    given.write_bytes(b"head,")
    pieces: list[safeio.Adopted | safeio.FileRange] = [safeio.Adopted(str(given), size), *more]
    with pytest.raises(OutputError), safeio.Staging(out) as staging:
        staging.stage("x.txt", pieces)
    assert list(out.iterdir()) == []


def _refuse(*args: object) -> int:
    raise OSError(38, "Function not implemented")


def test_a_short_file_range_is_an_error(tmp_path: Path) -> None:
    source = tmp_path / "source"
    source.write_bytes(b"abc")
    with (
        source.open("rb") as handle,
        pytest.raises(OutputError),
        safeio.Staging(tmp_path / "out") as staging,
    ):
        staging.stage("x.txt", [safeio.FileRange(handle.fileno(), 1, 10)])
    assert list((tmp_path / "out").iterdir()) == []
