"""streaming.py and the streamed `claims` output: same order and bytes as in memory."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from conftest import SEEDS, invoke, no_traceback, write_generated_corpus

from crosscheck import engine, pipeline, report, streaming
from crosscheck.records import CLAIM_COLUMNS, Article, ArticleResult


def _result(ident: str, source: str, line: int, text: str) -> ArticleResult:
    return ArticleResult(Article(id=ident, text=text, source=source, line=line), 0, ())


def _shuffled_results(n: int, seed: int) -> list[ArticleResult]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        ident = f"a{rng.randrange(n // 3 + 1):03d}"  # duplicate ids on purpose
        source = rng.choice(["x.jsonl", "y.jsonl"])
        line = rng.randrange(4)  # equal keys too: the input order must decide
        out.append(_result(ident, source, line, f"text {i} " * rng.randrange(1, 40)))
    return out


@pytest.mark.parametrize("spill", [None, 1, 300, 5_000], ids=["memory", "one", "small", "mid"])
@pytest.mark.parametrize("seed", [1, 2, 3], ids=["s1", "s2", "s3"])
def test_sorted_results_is_the_assemble_order(spill: int | None, seed: int) -> None:
    items = _shuffled_results(120, seed)
    expected = pipeline.assemble(items).results
    got = tuple(streaming.sorted_results(iter(items), spill))

    # equal keys keep their input order, as in assemble
    # (spilled runs come back unpickled, so compare the fields; texts are unique)
    def fields(rs: tuple[ArticleResult, ...]) -> list[tuple[str, str, int, str]]:
        return [(r.article.id, r.article.source, r.article.line, r.article.text) for r in rs]

    assert fields(got) == fields(expected)


def test_sorted_results_leaves_no_run_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    list(streaming.sorted_results(iter(_shuffled_results(60, 4)), 100))
    assert not list(tmp_path.iterdir())


def _in_memory(fmt: str, excel: bool = False) -> str:
    rows = [c.to_row() for c in pipeline.extract([str(SEEDS)]).claims]
    return report.render("claims", rows, fmt, excel=excel, columns=list(CLAIM_COLUMNS))


@pytest.mark.parametrize(
    ("fmt", "excel", "jobs", "spill"),
    [
        ("csv", False, "1", None),
        ("csv", True, "1", None),
        ("jsonl", False, "1", None),
        ("csv", False, "2", 2_000),
        ("jsonl", False, "2", 2_000),
    ],
    ids=["csv", "csv-excel", "jsonl", "csv-pool-spilled", "jsonl-pool-spilled"],
)
def test_streamed_claims_are_the_in_memory_bytes(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fmt: str,
    excel: bool,
    jobs: str,
    spill: int | None,
) -> None:
    if spill is not None:
        monkeypatch.setattr(streaming, "SPILL_CHARS", spill)
    out = tmp_path / f"claims.{fmt}"
    args = ["claims", str(SEEDS), "--format", fmt, "--jobs", jobs, "--output", str(out)]
    result = invoke(*args, *(["--excel"] if excel else []))
    no_traceback(result)
    assert result.exit_code == 0, result.stderr
    assert out.read_bytes() == _in_memory(fmt, excel).encode("utf-8")
    assert "5 articles read, 0 skipped" in result.stderr
    stdout = invoke("claims", str(SEEDS), "--format", fmt, "--jobs", jobs)
    assert stdout.stdout_bytes == _in_memory(fmt, excel=False).encode("utf-8")


def test_streamed_claims_on_the_pool_are_the_in_memory_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pool renders the claims (streaming.render_chunk), the main process sorts
    and joins the texts: same bytes and the same warnings as one process, spilled."""
    monkeypatch.setattr(engine, "SERIAL_MAX_ARTICLES", 2)
    monkeypatch.setattr(engine, "SERIAL_MAX_BYTES", 1)
    monkeypatch.setattr(engine, "CHUNK_ARTICLES", 5)
    monkeypatch.setattr(streaming, "SPILL_CHARS", 20_000)
    corpus = write_generated_corpus(tmp_path / "gen", 60, seed=5)
    odd = tmp_path / "odd.jsonl"
    odd.write_text(
        "".join(
            json.dumps({"id": f"odd{i}", "date": "soon", "text": f"Ann Lee said {i} died."}) + "\n"
            for i in range(3)
        ),
        encoding="utf-8",
    )
    paths = [str(odd), str(corpus), str(SEEDS)]
    rows = [c.to_row() for c in pipeline.extract(paths).claims]
    for fmt in ("csv", "jsonl"):
        expected = report.render("claims", rows, fmt, columns=list(CLAIM_COLUMNS))
        runs = {}
        for jobs in ("1", "2"):
            out = tmp_path / f"claims-{jobs}.{fmt}"
            result = invoke("claims", *paths, "--format", fmt, "--jobs", jobs, "--output", str(out))
            no_traceback(result)
            assert result.exit_code == 0, result.stderr
            assert out.read_bytes() == expected.encode("utf-8")
            runs[jobs] = result.stderr
        assert runs["1"] == runs["2"]
        assert runs["1"].count("unrecognised date") == 3


def test_sorted_rendered_is_the_assemble_order() -> None:
    results = _shuffled_results(90, 7)
    rendered = [
        streaming.Rendered(r.article.id, r.article.source, r.article.line, (), r.article.text)
        for r in results
    ]
    expected = [r.article.text for r in pipeline.assemble(results).results]
    for spill in (None, 1, 500):
        assert [r.text for r in streaming.sorted_rendered(iter(rendered), spill)] == expected


@pytest.mark.parametrize("folder", ["", "new/deeper"], ids=["existing-folder", "new-folder"])
def test_streamed_claims_write_nothing_when_no_article_is_read(tmp_path: Path, folder: str) -> None:
    """An output folder that exists gets the claims staged straight into it; one that
    does not is made only when the run succeeds. A failed run leaves neither a file
    nor a staged temporary file nor a new folder."""
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    out = tmp_path / folder / "claims.jsonl"
    result = invoke("claims", str(empty), "--format", "jsonl", "--output", str(out))
    no_traceback(result)
    assert result.exit_code != 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.jsonl"]
    ok = invoke("claims", str(SEEDS), "--format", "jsonl", "--output", str(out))
    assert ok.exit_code == 0, ok.stderr
    assert out.read_bytes() == _in_memory("jsonl", excel=False).encode("utf-8")
    assert sorted(p.name for p in out.parent.iterdir() if p.name != "empty.jsonl") == [
        "claims.jsonl"
    ]


def test_streamed_jsonl_rows_are_claims() -> None:
    result = invoke("claims", str(SEEDS), "--format", "jsonl", "--jobs", "1")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(list(r) == list(CLAIM_COLUMNS) for r in rows)
    assert len({r["claim_id"] for r in rows}) == len(rows)
