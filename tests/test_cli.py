"""The command-line interface, end to end, through typer's CliRunner (and a few subprocesses).

Every command on the seeds in every format; the regression gate (``check``) against a baseline
made in a temporary folder; ``evaluate`` on a tiny hand-made brat gold; exit codes; one-line
errors without tracebacks; ``--strict``, ``--quiet``, ``--debug``, ``--version``; stdin ``-``;
the ingest field options; ``--output`` and ``--excel``.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import GOOD_SEED, ROOT, SEEDS, big_article, invoke, no_traceback
from typer.testing import Result

from crosscheck import __version__, errors, native
from crosscheck.records import CLAIM_COLUMNS

KINDS = ("claims", "articles", "speakers", "events", "findings")
FORMATS = ("table", "csv", "jsonl", "json", "md", "html", "claimreview")
SEED_IDS = sorted(p.stem for p in SEEDS.glob("*.txt"))

#: the lines crosscheck may print on stderr; anything else (a traceback, a stray print) fails
STDERR_LINE = re.compile(
    r"^(error: .+|skipped: .+|warning: .+|\d+ articles? read, \d+ skipped( \(see manifest\))?"
    r"|wrote \d+ files? to .+|baseline in .+ updated|)$"
)


def ok(result: Result) -> Result:
    """Assert a clean exit 0 and stderr made only of crosscheck's own lines."""
    no_traceback(result)
    assert result.exit_code == 0, (result.exit_code, result.stderr[-3000:])
    stray = [line for line in result.stderr.splitlines() if not STDERR_LINE.match(line)]
    assert not stray, stray
    return result


def failed(result: Result, code: int) -> str:
    """Assert exit ``code`` with exactly one ``error: ... (hint: ...)`` line; return that line."""
    no_traceback(result)
    assert result.exit_code == code, (
        result.exit_code,
        result.stdout[-1000:],
        result.stderr[-2000:],
    )
    errs: list[str] = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errs) == 1, result.stderr
    stray = [line for line in result.stderr.splitlines() if not STDERR_LINE.match(line)]
    assert not stray, stray
    return errs[0]


def jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.split("\n") if line.strip()]  # \n only


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


# --------------------------------------------------------------------------- basics


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"crosscheck {__version__} ({native.status()})"


def test_help_lists_every_command() -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    for command in (*KINDS, "report", "check", "evaluate"):
        assert command in result.stdout


def test_console_script_runs() -> None:
    exe = Path(sys.executable).parent / "crosscheck"
    if not exe.exists():
        pytest.skip("the console script is not installed in this environment")
    proc = subprocess.run(
        [str(exe), "--version"], capture_output=True, text=True, timeout=120, check=False
    )
    # (a process of its own: it decides afresh, from the same files and environment)
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"crosscheck {__version__} ({native.status()})"


# --------------------------------------------------------------------------- every command, every format


def _check_rows(kind: str, rows: list[dict[str, Any]]) -> None:
    if kind == "claims":
        assert rows, "no claim on the seeds"
        for row in rows:
            assert list(row) == list(CLAIM_COLUMNS)
        assert {r["article_id"] for r in rows} <= set(SEED_IDS)
        ids = [r["claim_id"] for r in rows]
        assert len(ids) == len(set(ids))
    elif kind == "articles":
        assert sorted(r["id"] for r in rows) == SEED_IDS
        for col in ("id", "title", "outlet", "published", "date_source", "sentences", "claims"):
            assert col in rows[0], col
        first = next(r for r in rows if r["id"] == GOOD_SEED.stem)
        assert first["published"] == "2018-12-19" and first["date_source"] == "header"
    elif kind == "speakers":
        assert rows and "speaker" in rows[0]
    elif kind == "events":
        assert rows and "event" in rows[0]
    elif kind == "findings":
        assert rows and "finding_id" in rows[0]
        ids = [r["finding_id"] for r in rows]
        assert len(ids) == len(set(ids))


@pytest.fixture(scope="module")
def reference_rows() -> dict[str, list[dict[str, Any]]]:
    """Each listing as JSONL, the reference every other format is compared with."""
    out: dict[str, list[dict[str, Any]]] = {}
    for kind in KINDS:
        result = invoke(kind, str(SEEDS), "--format", "jsonl", "-j", "1", "-q")
        out[kind] = jsonl(result.stdout) if result.exit_code == 0 else []
    return out


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_command_every_format(
    kind: str, fmt: str, reference_rows: dict[str, list[dict[str, Any]]]
) -> None:
    result = invoke(kind, str(SEEDS), "--format", fmt, "-j", "1")
    if fmt == "claimreview" and kind != "findings" and result.exit_code != 0:
        # ClaimReview describes findings; other listings may refuse it, but cleanly
        line = failed(result, result.exit_code)
        assert result.exit_code != errors.EXIT_INTERNAL, line
        assert "claimreview" in line.lower()
        return
    ok(result)
    assert "5 articles read, 0 skipped" in result.stderr
    text = result.stdout
    assert text.strip(), "empty output"
    rows = reference_rows[kind]
    if fmt == "jsonl":
        _check_rows(kind, jsonl(text))
    elif fmt == "csv":
        parsed = csv_rows(text)
        _check_rows(kind, parsed)
        assert len(parsed) == len(rows)
        assert list(parsed[0]) == list(rows[0])
    elif fmt == "json":
        data = json.loads(text)
        if isinstance(data, dict):  # a wrapper object: find the list of rows
            lists = [v for v in data.values() if isinstance(v, list)]
            assert len(lists) == 1, list(data)
            data = lists[0]
        assert data == rows, "json and jsonl disagree"
    elif fmt == "md":
        table = [line for line in text.splitlines() if line.startswith("|")]
        assert len(table) >= len(rows) + 2  # header, rule, rows (cells may wrap onto more lines)
    elif fmt == "html":
        low = text.lower()
        assert "<html" in low and "</html>" in low
        assert not re.search(r"""<(script|link|img)[^>]+(src|href)=["']?(https?:)?//""", low), (
            "the HTML page must be self-contained (no network assets)"
        )
    elif fmt == "claimreview":
        data = json.loads(text)
        items = data if isinstance(data, list) else data.get("@graph", [data])
        assert items
        context = data.get("@context") if isinstance(data, dict) else items[0].get("@context")
        assert "schema.org" in str(context)
        assert all(i.get("@type") == "ClaimReview" for i in items)
    elif fmt == "table":
        assert len(text.splitlines()) >= len(rows)


EXCEL_CELL_MAX = 32_767  # characters in one cell (Excel; Google Sheets 50,000)


def test_csv_cells_fit_in_a_spreadsheet(tmp_path: Path) -> None:
    """A sentence of 78,000 characters (no final stop) must not make an over-long CSV cell."""
    text = "Anna Keller said that " + "the talks will resume and " * 3000 + "."
    corpus = tmp_path / "long.jsonl"
    corpus.write_text(json.dumps({"id": "long", "text": text}) + "\n", encoding="utf-8")
    result = ok(invoke("claims", str(corpus), "-f", "csv", "-j", "1", "-q"))
    csv.field_size_limit(sys.maxsize)
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    assert len(rows) >= 2, "the long claim is missing"
    longest = max(len(cell) for row in rows for cell in row)
    assert longest <= EXCEL_CELL_MAX, f"a {longest:,}-character cell"


def test_output_file_equals_stdout(tmp_path: Path) -> None:
    target = tmp_path / "out" / "claims.csv"
    target.parent.mkdir()
    shown = ok(invoke("claims", str(SEEDS), "-f", "csv", "-j", "1", "-q"))
    written = ok(invoke("claims", str(SEEDS), "-f", "csv", "-j", "1", "-q", "-o", str(target)))
    assert written.stdout == ""
    assert target.read_text(encoding="utf-8") == shown.stdout
    assert [p.name for p in target.parent.iterdir()] == ["claims.csv"], "temporary files left over"


def test_excel_csv_has_bom() -> None:
    result = ok(invoke("claims", str(SEEDS), "-f", "csv", "--excel", "-j", "1", "-q"))
    assert result.stdout.startswith("\ufeff")
    plain = ok(invoke("claims", str(SEEDS), "-f", "csv", "-j", "1", "-q"))
    assert not plain.stdout.startswith("\ufeff")


def test_default_jobs_same_output() -> None:
    one = ok(invoke("claims", str(SEEDS), "-f", "jsonl", "-j", "1", "-q"))
    default = ok(invoke("claims", str(SEEDS), "-f", "jsonl", "-q"))
    two = ok(invoke("claims", str(SEEDS), "-f", "jsonl", "-j", "2", "-q"))
    assert one.stdout == default.stdout == two.stdout


def test_claims_second_run_identical() -> None:
    a = ok(invoke("findings", str(SEEDS), "-f", "json", "-j", "1", "-q"))
    b = ok(invoke("findings", str(SEEDS), "-f", "json", "-j", "1", "-q"))
    assert a.stdout == b.stdout


# --------------------------------------------------------------------------- report


def test_report_writes_files_and_summary(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    result = ok(invoke("report", str(SEEDS), "--out", str(out), "-j", "1"))
    assert result.stdout.strip(), "report prints a summary on stdout"
    assert re.search(r"wrote \d+ files? to ", result.stderr)
    assert "5 articles read, 0 skipped" in result.stderr
    names = {p.name for p in out.iterdir()}
    assert {"report.json", "manifest.csv"} <= names, names
    assert not [n for n in names if n.startswith(".") or n.endswith((".tmp", ".part"))], names
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert isinstance(report, dict)
    manifest = csv_rows((out / "manifest.csv").read_text(encoding="utf-8"))
    assert len(manifest) == 5
    assert {r["status"] for r in manifest} == {"processed"}
    # nothing written outside --out
    assert {p.name for p in tmp_path.iterdir()} == {"reports"}


def test_report_summary_stays_short(tmp_path: Path) -> None:
    """The terminal summary of a finding shows a bounded sample of its values, not all."""
    (tmp_path / "c").mkdir()
    shutil.copy(GOOD_SEED, tmp_path / "c" / GOOD_SEED.name)
    (tmp_path / "c" / "big.txt").write_text(big_article(0.2), encoding="utf-8")
    result = ok(invoke("report", str(tmp_path / "c"), "--out", str(tmp_path / "r"), "-j", "1"))
    lines = result.stdout.splitlines()
    blocks: list[int] = []
    for line in lines:
        if re.match(r"^  \S", line):  # a finding's headline
            blocks.append(0)
        elif line.startswith("    ") and not line.startswith("    why:") and blocks:
            blocks[-1] += 1
    assert blocks, result.stdout[:2000]
    assert max(blocks) <= 20, f"a finding shows {max(blocks)} value lines"
    assert max(len(line) for line in lines) <= 1000, "an over-long summary line"


def test_report_quiet_prints_nothing_on_stderr(tmp_path: Path) -> None:
    result = ok(invoke("report", str(SEEDS), "--out", str(tmp_path / "r"), "-j", "1", "-q"))
    assert result.stderr == ""


# --------------------------------------------------------------------------- check (regression gate)


def _copy_seeds(tmp_path: Path) -> Path:
    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus)
    return corpus


def test_check_equal_then_different(tmp_path: Path) -> None:
    corpus = _copy_seeds(tmp_path)
    base = tmp_path / "baseline"
    made = ok(invoke("check", str(corpus), "--baseline", str(base), "--update", "-j", "1"))
    assert "updated" in made.stderr
    assert any(base.iterdir()), "check --update wrote no baseline"

    same = ok(invoke("check", str(corpus), "--baseline", str(base), "-j", "1"))
    assert same.exit_code == errors.EXIT_OK

    before = {
        f["finding_id"]: f
        for f in jsonl(ok(invoke("findings", str(corpus), "-f", "jsonl", "-j", "1", "-q")).stdout)
    }
    seed = corpus / GOOD_SEED.name
    text = seed.read_text(encoding="utf-8")
    assert "late January" in text
    seed.write_text(text.replace("late January", "late March"), encoding="utf-8")
    after = {
        f["finding_id"]: f
        for f in jsonl(ok(invoke("findings", str(corpus), "-f", "jsonl", "-j", "1", "-q")).stdout)
    }
    changed = {i for i in before.keys() | after.keys() if before.get(i) != after.get(i)}
    assert changed, "moving 'late January' to 'late March' changed no finding"

    diff = invoke("check", str(corpus), "--baseline", str(base), "-j", "1")
    no_traceback(diff)
    assert diff.exit_code == errors.EXIT_DIFFERENT, diff.stderr
    assert "late March" in diff.stdout
    assert any(i in diff.stdout for i in changed), (changed, diff.stdout[-3000:])


def test_report_refuses_to_overwrite_a_baseline(tmp_path: Path) -> None:
    """``report --out`` into a pinned baseline that the run would change: exit 5, files kept."""
    corpus = _copy_seeds(tmp_path)
    base = tmp_path / "baseline"
    ok(invoke("check", str(corpus), "--baseline", str(base), "--update", "-j", "1", "-q"))
    before = {p.name: p.read_bytes() for p in base.iterdir()}
    seed = corpus / GOOD_SEED.name
    seed.write_text(seed.read_text(encoding="utf-8").replace("late January", "late March"), "utf-8")
    result = invoke("report", str(corpus), "--out", str(base), "-j", "1", "-q")
    line = failed(result, errors.EXIT_OUTPUT)
    assert "--update" in line
    assert {p.name: p.read_bytes() for p in base.iterdir()} == before


def test_check_without_baseline_fails_cleanly(tmp_path: Path) -> None:
    line = failed(
        invoke("check", str(SEEDS), "--baseline", str(tmp_path / "none"), "-j", "1"),
        errors.EXIT_GOLD,
    )
    assert "(hint: " in line


# --------------------------------------------------------------------------- evaluate

GOLD_TEXT = (
    "Anna Keller said the talks would resume in March.\n\n"
    "\u201cWe will not attend,\u201d Boris Weber told reporters on Tuesday.\n"
)


def _brat(text: str, spans: list[tuple[str, str, str, str]]) -> str:
    """brat standoff for (source, cue, content, _) substrings of ``text``."""
    lines: list[str] = []
    t = 0
    for e, (source, cue, content, _) in enumerate(spans, 1):
        ids = []
        for label, s in (("Source", source), ("Cue", cue), ("Content", content)):
            start = text.index(s)
            t += 1
            lines.append(f"T{t}\t{label} {start} {start + len(s)}\t{s}")
            ids.append(f"T{t}")
        t += 1
        start = text.index(cue)
        lines.append(f"T{t}\tAttribution {start} {start + len(cue)}\t{cue}")
        lines.append(f"E{e}\tAttribution:T{t} Content:{ids[2]} Cue:{ids[1]} Source:{ids[0]}")
    return "\n".join(lines) + "\n"


@pytest.fixture
def tiny_gold(tmp_path: Path) -> tuple[Path, Path]:
    texts = tmp_path / "text"
    gold = tmp_path / "attributions"
    texts.mkdir()
    gold.mkdir()
    (texts / "doc1.txt").write_text(GOLD_TEXT, encoding="utf-8")
    spans = [
        ("Anna Keller", "said", "the talks would resume in March", ""),
        ("Boris Weber", "told", "We will not attend", ""),
    ]
    (gold / "doc1_aa.ann").write_text(_brat(GOLD_TEXT, spans), encoding="utf-8")
    return texts, gold


def _scores(result: Result) -> dict[str, dict[str, Any]]:
    rows = jsonl(ok(result).stdout)
    return {r["metric"]: r for r in rows}


def test_evaluate_tiny_gold(tiny_gold: tuple[Path, Path]) -> None:
    texts, gold = tiny_gold
    scores = _scores(invoke("evaluate", str(texts), "--gold", str(gold), "-f", "jsonl", "-j", "1"))
    assert set(scores) == {"content", "attribution"}
    # two plain "X said/told Y" attributions: an extractor worth its name finds both
    for metric in ("content", "attribution"):
        row = scores[metric]
        assert (row["tp"], row["gold"], row["predicted"]) == (2, 2, 2), row
        assert row["precision"] == row["recall"] == row["f1"] == 1.0, row


def test_evaluate_counts_a_miss(tiny_gold: tuple[Path, Path]) -> None:
    """A gold attribution nothing could find (no cue at all) lowers recall, not precision."""
    texts, gold = tiny_gold
    text = GOLD_TEXT + "The weather was cold in Geneva.\n"
    (texts / "doc1.txt").write_text(text, encoding="utf-8")
    spans = [
        ("Anna Keller", "said", "the talks would resume in March", ""),
        ("Boris Weber", "told", "We will not attend", ""),
        ("The weather", "was", "cold in Geneva", ""),
    ]
    (gold / "doc1_aa.ann").write_text(_brat(text, spans), encoding="utf-8")
    content = _scores(
        invoke("evaluate", str(texts), "--gold", str(gold), "-f", "jsonl", "-j", "1")
    )["content"]
    assert (content["tp"], content["gold"]) == (2, 3), content
    assert content["recall"] == pytest.approx(2 / 3, abs=1e-3)


def test_evaluate_missing_gold_fails_cleanly(tmp_path: Path) -> None:
    line = failed(
        invoke("evaluate", str(SEEDS), "--gold", str(tmp_path / "nope"), "-j", "1"),
        errors.EXIT_GOLD,
    )
    assert "nope" in line


# --------------------------------------------------------------------------- exit codes and errors


def test_missing_path_only_exits_3(tmp_path: Path) -> None:
    missing = tmp_path / "does-not-exist"
    result = invoke("claims", str(missing), "-j", "1")
    line = failed(result, errors.EXIT_INPUT)
    assert "(hint: " in line
    assert "does-not-exist" in result.stderr
    assert result.stdout == ""


def test_missing_path_beside_good_one(tmp_path: Path) -> None:
    missing = tmp_path / "gone.txt"
    result = ok(invoke("articles", str(GOOD_SEED), str(missing), "-f", "jsonl", "-j", "1"))
    assert [r["id"] for r in jsonl(result.stdout)] == [GOOD_SEED.stem]
    assert "gone.txt" in result.stderr
    assert "1 article read, 1 skipped (see manifest)" in result.stderr
    strict = invoke("articles", str(GOOD_SEED), str(missing), "--strict", "-j", "1")
    assert "--strict" in failed(strict, errors.EXIT_INPUT)


def test_strict_on_clean_input_is_fine() -> None:
    ok(invoke("articles", str(SEEDS), "--strict", "-j", "1", "-q"))


def test_quiet_silences_totals() -> None:
    loud = ok(invoke("articles", str(SEEDS), "-j", "1"))
    assert loud.stderr.strip() == "5 articles read, 0 skipped"
    quiet = ok(invoke("articles", str(SEEDS), "-j", "1", "--quiet"))
    assert quiet.stderr == ""
    assert quiet.stdout == loud.stdout


def test_unknown_format_is_a_usage_error() -> None:
    result = invoke("claims", str(SEEDS), "--format", "yaml", "-j", "1")
    line = failed(result, errors.EXIT_USAGE)
    assert "yaml" in line and "(hint: " in line


def test_unknown_format_one_line_error() -> None:
    result = invoke("claims", str(SEEDS), "--format", "yaml", "-j", "1")
    no_traceback(result)
    assert result.exit_code != 0
    errs = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errs) == 1 and "yaml" in errs[0] and "csv" in errs[0], result.stderr
    assert result.stdout == ""


def test_unknown_option_is_usage_error() -> None:
    result = invoke("claims", str(SEEDS), "--no-such-option")
    assert result.exit_code == errors.EXIT_USAGE
    assert "Traceback" not in result.stdout + result.stderr


def _boom(*args: object, **kwargs: object) -> Any:
    raise RuntimeError("boom")


def test_internal_error_is_one_line_exit_70(monkeypatch: pytest.MonkeyPatch) -> None:
    import crosscheck.judge

    monkeypatch.setattr(crosscheck.judge, "judge", _boom)
    result = invoke("findings", str(SEEDS), "-j", "1")
    line = failed(result, errors.EXIT_INTERNAL)
    assert line.startswith("error: internal error: RuntimeError: boom")
    assert "--debug" in line


BOOM_SCRIPT = (
    "import sys\n"
    "import crosscheck.judge\n"
    "def boom(*a, **k):\n"
    "    raise RuntimeError('boom')\n"
    "crosscheck.judge.judge = boom\n"
    "from crosscheck.cli import app\n"
    "app(prog_name='crosscheck')\n"
)


@pytest.mark.parametrize("debug", [True, False], ids=["debug", "no-debug"])
def test_debug_shows_traceback(debug: bool) -> None:
    """In a real process: --debug lets the traceback through; without it, one line and 70."""
    args = [sys.executable, "-c", BOOM_SCRIPT, "findings", str(SEEDS), "-j", "1"]
    proc = subprocess.run(
        [*args, "--debug"] if debug else args,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=ROOT,
    )
    if debug:
        assert "Traceback" in proc.stderr
        assert "RuntimeError: boom" in proc.stderr
        assert proc.returncode != 0
    else:
        assert "Traceback" not in proc.stderr
        assert proc.returncode == errors.EXIT_INTERNAL
        errs = [line for line in proc.stderr.splitlines() if line.startswith("error: ")]
        assert errs == [
            "error: internal error: RuntimeError: boom (hint: re-run with --debug and report it)"
        ]


def test_debug_shows_library_error_traceback(tmp_path: Path) -> None:
    """--debug also shows where a CrosscheckError came from (here: no input at all)."""
    from typer.testing import CliRunner

    from crosscheck.cli import app

    result = CliRunner().invoke(app, ["claims", str(tmp_path / "nope"), "--debug", "-j", "1"])
    assert isinstance(result.exception, errors.InputError)


# --------------------------------------------------------------------------- stdin and input options


def test_stdin_text() -> None:
    text = GOOD_SEED.read_text(encoding="utf-8")
    result = ok(invoke("articles", "-", "-f", "jsonl", "-j", "1", input=text))
    rows = jsonl(result.stdout)
    assert len(rows) == 1
    assert rows[0]["source"] == "-"
    assert rows[0]["published"] == "2018-12-19"
    claims = ok(invoke("claims", "-", "-f", "jsonl", "-j", "1", "-q", input=text))
    from_file = ok(invoke("claims", str(GOOD_SEED), "-f", "jsonl", "-j", "1", "-q"))

    def strip(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{k: v for k, v in r.items() if k not in ("claim_id", "article_id")} for r in rows]

    assert jsonl(claims.stdout), "no claim read from stdin"
    assert strip(jsonl(claims.stdout)) == strip(jsonl(from_file.stdout))


def test_stdin_jsonl() -> None:
    lines = "".join(
        json.dumps(
            {"id": f"s{i}", "title": "T", "text": f"Anna Keller said the talks will go on {i}."}
        )
        + "\n"
        for i in range(3)
    )
    result = ok(
        invoke("articles", "-", "--input-format", "jsonl", "-f", "jsonl", "-j", "1", input=lines)
    )
    assert [r["id"] for r in jsonl(result.stdout)] == ["s0", "s1", "s2"]


def test_empty_stdin_exits_3() -> None:
    result = invoke("claims", "-", "-j", "1", input="")
    failed(result, errors.EXIT_INPUT)


def test_jsonl_field_options(tmp_path: Path) -> None:
    path = tmp_path / "odd.jsonl"
    record = {
        "key": "k1",
        "headline": "Talks Resume",
        "body": GOOD_SEED.read_text(encoding="utf-8").split("\n", 1)[1],
        "when": "2018-12-19",
        "site": "Example Wire",
    }
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    args = ["--id-field", "key", "--title-field", "headline", "--text-field", "body"]
    args += ["--date-field", "when", "--outlet-field", "site"]
    result = ok(invoke("articles", str(path), *args, "-f", "jsonl", "-j", "1"))
    (row,) = jsonl(result.stdout)
    assert row["id"] == "k1"
    assert row["title"] == "Talks Resume"
    assert row["outlet"] == "Example Wire"
    assert row["published"] == "2018-12-19"
    assert row["date_source"] == "metadata"


def test_jsonl_wrong_text_field_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "odd.jsonl"
    path.write_text(
        json.dumps({"id": "a", "text": "Anna Keller said so."}) + "\n", encoding="utf-8"
    )
    result = invoke("articles", str(path), "--text-field", "nope", "-j", "1")
    failed(result, errors.EXIT_INPUT)
    assert "odd.jsonl" in result.stderr and "nope" in result.stderr


@pytest.mark.parametrize(
    "header",
    [
        "id,title,date,text,source",
        "ID,title,published,content,outlet",
        "id,title,date_publish,maintext,source_domain",
    ],
    ids=["plain", "published-content", "news-please"],
)
def test_csv_default_field_names(tmp_path: Path, header: str) -> None:
    path = tmp_path / "c.csv"
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(header.split(","))
    w.writerow(
        ["x1", "A title", "2018-12-19", 'Anna Keller said, "the talks will resume."', "Wire"]
    )
    path.write_text(buf.getvalue(), encoding="utf-8")
    (row,) = jsonl(ok(invoke("articles", str(path), "-f", "jsonl", "-j", "1")).stdout)
    assert (row["id"], row["title"], row["published"], row["outlet"]) == (
        "x1",
        "A title",
        "2018-12-19",
        "Wire",
    )


def test_folder_recursion_and_mixed_formats(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    shutil.copy(GOOD_SEED, tmp_path / "a" / "b" / GOOD_SEED.name)
    (tmp_path / "a" / "c.jsonl").write_text(
        json.dumps({"id": "j1", "text": "Anna Keller said the talks will resume."}) + "\n",
        encoding="utf-8",
    )
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    result = ok(invoke("articles", str(tmp_path), "-f", "jsonl", "-j", "1"))
    assert sorted(r["id"] for r in jsonl(result.stdout)) == sorted([GOOD_SEED.stem, "j1"])


@pytest.mark.skipif(os.name != "posix", reason="POSIX paths")
def test_output_to_unwritable_place_fails_cleanly(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = invoke("claims", str(SEEDS), "-o", str(blocker / "sub" / "out.csv"), "-j", "1")
    failed(result, errors.EXIT_OUTPUT)


def test_claims_start_up_leaves_the_cross_article_stages_unimported() -> None:
    """``crosscheck claims`` starts (and forks its workers) without importing
    normalise, the cross-article stages or numpy: about 0.15 s of start-up that a
    per-article command does not need (pipeline imports them where they run)."""
    code = (
        "import sys\n"
        "from crosscheck import cli, streaming\n"
        "heavy = ['crosscheck.' + m for m in ('normalise', 'group', 'match', 'judge', 'timex')]\n"
        "print(sorted(m for m in heavy + ['numpy'] if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert done.stdout.strip() == "[]"


# --------------------------------------------------------------------------- leaving the process

# ``main`` as the console script runs it, in a process of its own; a handler registered
# beforehand writes its mark, and a thread (when asked) writes its own after a while
MAIN_SCRIPT = (
    "import atexit, pathlib, sys, threading, time\n"
    "from crosscheck.cli import main\n"
    "marks = pathlib.Path(sys.argv.pop(1))\n"
    "atexit.register(lambda: marks.joinpath('exit handler').touch())\n"
    "if sys.argv.pop(1) == 'thread':\n"
    "    threading.Thread(target=lambda: (time.sleep(1), marks.joinpath('thread').touch())).start()\n"
    "sys.argv[0] = 'crosscheck'\n"
    "main()\n"
)


def _main(marks: Path, *args: str, thread: bool = False) -> subprocess.CompletedProcess[str]:
    marks.mkdir()
    # (block-buffered standard streams, as a user's shell gives them to a pipe)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    return subprocess.run(
        [sys.executable, "-c", MAIN_SCRIPT, str(marks), "thread" if thread else "-", *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=ROOT,
        env=env,
    )


def test_main_leaves_with_all_its_output_written(tmp_path: Path) -> None:
    """``main`` ends the process without tearing the heap down (``os._exit``), after
    the exit handlers and with every byte of the piped, block-buffered stdout out."""
    args = ["articles", str(SEEDS), "--format", "csv", "--jobs", "1"]
    proc = _main(tmp_path / "marks", *args)
    assert proc.returncode == errors.EXIT_OK, proc.stderr
    assert proc.stdout == ok(invoke(*args)).stdout
    # (less than the stream's buffer: still there when the process ends, unless flushed)
    assert 0 < len(proc.stdout.encode()) < io.DEFAULT_BUFFER_SIZE
    assert sorted(p.name for p in (tmp_path / "marks").iterdir()) == ["exit handler"]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["claims", "EMPTY"], errors.EXIT_INPUT, "error: no article could be read"),
        (["claims", str(SEEDS), "--format", "nope"], errors.EXIT_USAGE, "error: unknown format"),
        (["nocommand"], errors.EXIT_USAGE, "No such command"),
    ],
    ids=["no-input", "bad-format", "usage"],
)
def test_main_leaves_with_the_commands_exit_code(
    tmp_path: Path, args: list[str], code: int, message: str
) -> None:
    (tmp_path / "empty").mkdir()
    args = [str(tmp_path / "empty") if a == "EMPTY" else a for a in args]
    proc = _main(tmp_path / "marks", *args)
    assert proc.returncode == code, proc.stderr
    assert message in proc.stderr
    assert (tmp_path / "marks" / "exit handler").exists()


def test_main_waits_for_a_running_thread(tmp_path: Path) -> None:
    """Another thread still runs: the ordinary exit, which waits for it."""
    proc = _main(tmp_path / "marks", "--version", thread=True)
    assert proc.returncode == errors.EXIT_OK, proc.stderr
    assert proc.stdout.startswith("crosscheck ")
    assert sorted(p.name for p in (tmp_path / "marks").iterdir()) == ["exit handler", "thread"]


@pytest.mark.parametrize(
    ("stop", "threads"),
    [(SystemExit("a message"), 1), (SystemExit(0), 2)],
    ids=["message", "threads"],
)
def test_leave_keeps_the_ordinary_exit(
    monkeypatch: pytest.MonkeyPatch, stop: SystemExit, threads: int
) -> None:
    """A message to print, or another thread: ``leave`` raises the SystemExit again."""
    from crosscheck import cli

    def no_exit(status: int) -> None:
        raise AssertionError(f"os._exit({status})")

    monkeypatch.setattr(cli.os, "_exit", no_exit)
    monkeypatch.setattr(cli.threading, "active_count", lambda: threads)
    with pytest.raises(SystemExit) as raised:
        cli.leave(stop)
    assert raised.value is stop
