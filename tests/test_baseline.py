"""The CI regression gate: pin a baseline, compare a fresh report, never lower a floor."""

from __future__ import annotations

import copy
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
import report_fixtures as fx

from crosscheck import baseline, report
from crosscheck.errors import EXIT_DIFFERENT, BaselineExistsError, GoldError, RegressionError

EX, XREF = fx.build()
REPORT = report.build_report(EX, XREF)
ROOT = Path(__file__).resolve().parents[1]


def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir(exist_ok=True)
    for r in EX.results:
        (folder / f"{r.article.id}.txt").write_text(r.article.text, encoding="utf-8")
    return folder


@pytest.fixture
def pinned(tmp_path: Path) -> tuple[Path, Path]:
    src = corpus(tmp_path)
    folder = tmp_path / "reports"
    baseline.update(
        folder,
        EX,
        XREF,
        paths=[src],
        floors={"polnear_dev": {"content_f1": 0.8, "attribution_f1": 0.7}},
    )
    return folder, src


def test_update_writes_report_files_and_record(pinned: tuple[Path, Path]) -> None:
    folder, src = pinned
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted([*report.REPORT_FILES, "baseline.json"])
    record = json.loads((folder / "baseline.json").read_text(encoding="utf-8"))
    assert record == {
        "schema": baseline.BASELINE_SCHEMA,
        "report_schema": report.REPORT_SCHEMA,
        "tool_version": REPORT["tool_version"],
        "corpus_sha256": baseline.corpus_sha256([src])[0],
        "corpus_files": 4,
        "floors": {"polnear_dev": {"attribution_f1": 0.7, "content_f1": 0.8}},
    }


def test_equal_report_passes(pinned: tuple[Path, Path]) -> None:
    folder, src = pinned
    diff = baseline.check(
        REPORT,
        folder,
        paths=[src],
        floors={"polnear_dev": {"content_f1": 0.81, "attribution_f1": 0.7}},
    )
    assert diff.equal and diff.exit_code == 0
    assert diff.lines()[0].startswith("report is same as the baseline")
    assert any("corpus unchanged" in line for line in diff.lines())


def test_input_order_does_not_matter(pinned: tuple[Path, Path]) -> None:
    folder, _ = pinned
    assert baseline.check(report.build_report(*fx.shuffled(EX, XREF)), folder).equal


def test_moving_a_date_names_the_changed_finding(pinned: tuple[Path, Path], tmp_path: Path) -> None:
    folder, src = pinned
    (src / "000_c210cf22f67a8342.txt").write_text(
        fx.TEXT_000.replace("late January", "late March"), encoding="utf-8"
    )
    ex, xref = fx.build(("late March", "2018-03-21", "2018-03-31"))
    diff = baseline.check(report.build_report(ex, xref), folder, paths=[src])
    assert not diff.equal and diff.exit_code == EXIT_DIFFERENT == 1
    text = "\n".join(diff.lines())
    assert (
        '~ finding F-time-congress contradiction/time "Syrian National Dialogue Congress"' in text
    )
    assert '- value A8: "late January" 2018-01-21..2018-01-31 (2018-12-19)' in text
    assert '+ value A8: "late March" 2018-03-21..2018-03-31 (2018-12-19)' in text
    assert "~ claim A8 [000_c210cf22f67a8342]" in text
    assert "late January" in text and "late March" in text
    assert "corpus changed since the baseline" in text
    changed = [c.key for c in diff.of("findings")]
    assert changed == ["F-time-congress"]


def _edit(data: dict[str, Any], claim_id: str, content: str) -> dict[str, Any]:
    out = copy.deepcopy(data)
    out["claims"] = list(out["claims"])  # build_report's claims are made on demand
    for c in out["claims"]:
        if c["claim_id"] == claim_id:
            c["content"] = content
    return out


def test_editing_one_claim_text_fails_with_its_text(pinned: tuple[Path, Path]) -> None:
    folder, _ = pinned
    diff = baseline.check(_edit(REPORT, "B9", "expected to be held in Sochi in March"), folder)
    assert not diff.equal
    assert [c.key for c in diff.changes] == ["B9"]
    text = "\n".join(diff.lines())
    assert (
        '~ claim B9 [001_bd1163be5567cad4] Gennadiy Gatilov: "expected to be held in Sochi in March"'
        in text
    )
    assert (
        "content: expected to be held in Russia's southern Black Sea resort of Sochi in "
        "December -> expected to be held in Sochi in March"
    ) in text


def test_new_and_lost_findings(pinned: tuple[Path, Path]) -> None:
    folder, _ = pinned
    data = copy.deepcopy(REPORT)
    lost = data["findings"].pop(2)
    extra = copy.deepcopy(data["findings"][0])
    extra.update(
        finding_id="F-new", relation="quote_variant", slot="quote", claims=["A2"], event=""
    )
    data["findings"].append(extra)
    diff = baseline.check(data, folder)
    text = "\n".join(diff.lines())
    assert {(c.status, c.key) for c in diff.of("findings")} == {
        ("new", "F-new"),
        ("lost", lost["finding_id"]),
    }
    assert "+ finding F-new quote_variant/quote" in text
    assert "- finding F-statement-war agreement/statement" in text
    assert "why: the same statement in two articles" in text


def test_an_id_change_with_content_reads_as_changed(pinned: tuple[Path, Path]) -> None:
    folder, _ = pinned
    data = copy.deepcopy(REPORT)
    data["findings"][0]["finding_id"] = "F-renamed"
    data["findings"][0]["score"] = 90.0
    diff = baseline.check(data, folder)
    [change] = diff.of("findings")
    assert change.status == "changed" and change.key == "F-time-congress -> F-renamed"
    assert "score" in change.fields


def test_other_sections_count(pinned: tuple[Path, Path]) -> None:
    folder, _ = pinned
    data = copy.deepcopy(REPORT)
    data["speakers"][0]["mentions"].append("RIA")
    diff = baseline.check(data, folder)
    assert not diff.equal
    assert any(line.startswith("speakers: 1 changed") for line in diff.lines())


def test_tool_version_alone_is_only_a_note(pinned: tuple[Path, Path]) -> None:
    folder, _ = pinned
    diff = baseline.check(report.build_report(EX, XREF, tool_version="99.0"), folder)
    assert diff.equal
    assert any("tool version" in n for n in diff.notes)


def test_schema_change_is_a_difference(pinned: tuple[Path, Path]) -> None:
    folder, _ = pinned
    data = copy.deepcopy(REPORT)
    data["schema"] = "crosscheck.report/2"
    diff = baseline.check(data, folder)
    assert not diff.equal and diff.schema_changed


def test_scores_below_a_floor_fail(pinned: tuple[Path, Path]) -> None:
    folder, _ = pinned
    diff = baseline.check(
        REPORT, folder, floors={"polnear_dev": {"content_f1": 0.79, "attribution_f1": 0.7}}
    )
    assert not diff.equal
    assert diff.floor_failures == ("polnear_dev content_f1 = 0.79 is below the floor 0.8",)
    skipped = baseline.check(REPORT, folder)
    assert skipped.equal
    assert any("not evaluated" in n for n in skipped.notes)


def test_missing_baseline_is_a_gold_error(tmp_path: Path) -> None:
    with pytest.raises(GoldError) as info:
        baseline.check(REPORT, tmp_path / "nowhere")
    assert "--update" in info.value.hint


def test_unreadable_baseline_is_a_gold_error(tmp_path: Path) -> None:
    (tmp_path / "report.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(GoldError):
        baseline.check(REPORT, tmp_path)


# --------------------------------------------------------------------------- floors


@pytest.mark.parametrize(
    ("new", "allowed", "expected"),
    [
        ({"g": {"f1": 0.9}}, False, {"g": {"f1": 0.9}}),
        ({"g": {"f1": 0.8}}, False, {"g": {"f1": 0.8}}),
        (None, False, {"g": {"f1": 0.8}}),
        ({}, False, {"g": {"f1": 0.8}}),
        ({"g": {"f1": 0.7}}, True, {"g": {"f1": 0.7}}),
        ({"h": {"f1": 0.5}}, True, {"h": {"f1": 0.5}}),
        (
            {"g": {"f1": 0.80001}, "h": {"p": 0.123456}},
            False,
            {"g": {"f1": 0.8}, "h": {"p": 0.1235}},
        ),
    ],
    ids=[
        "raise",
        "equal",
        "not-evaluated",
        "empty",
        "lower-allowed",
        "drop-allowed",
        "rounded-and-added",
    ],
)
def test_merge_floors(new: Any, allowed: bool, expected: dict[str, Any]) -> None:
    got = baseline.merge_floors({"g": {"f1": 0.8}}, new or None, allow_regression=allowed)
    assert got == expected


@pytest.mark.parametrize(
    "new",
    [{"g": {"f1": 0.7999}}, {"h": {"f1": 0.9}}, {"g": {"p": 0.9}}],
    ids=["lowered", "gold-set-dropped", "metric-dropped"],
)
def test_a_floor_is_never_lowered_without_allow_regression(new: Any) -> None:
    with pytest.raises(RegressionError) as info:
        baseline.merge_floors({"g": {"f1": 0.8}}, new)
    assert "--allow-regression" in info.value.hint


def test_update_refuses_to_lower_a_floor_and_writes_nothing(pinned: tuple[Path, Path]) -> None:
    folder, src = pinned
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    ex, xref = fx.build(("late March", "2018-03-21", "2018-03-31"))
    with pytest.raises(RegressionError):
        baseline.update(
            folder,
            ex,
            xref,
            paths=[src],
            floors={"polnear_dev": {"content_f1": 0.5, "attribution_f1": 0.7}},
        )
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    baseline.update(
        folder,
        ex,
        xref,
        paths=[src],
        floors={"polnear_dev": {"content_f1": 0.5, "attribution_f1": 0.7}},
        allow_regression=True,
    )
    record = json.loads((folder / "baseline.json").read_text(encoding="utf-8"))
    assert record["floors"]["polnear_dev"]["content_f1"] == 0.5
    assert baseline.check(report.build_report(ex, xref), folder).equal


def test_update_without_scores_keeps_the_floors(pinned: tuple[Path, Path]) -> None:
    folder, src = pinned
    baseline.update(folder, EX, XREF, paths=[src], floors={})
    record = json.loads((folder / "baseline.json").read_text(encoding="utf-8"))
    assert record["floors"] == {"polnear_dev": {"attribution_f1": 0.7, "content_f1": 0.8}}


def test_a_plain_report_run_never_overwrites_a_baseline(pinned: tuple[Path, Path]) -> None:
    folder, _ = pinned
    before = (folder / "report.json").read_bytes()
    ex, xref = fx.build(("late March", "2018-03-21", "2018-03-31"))
    with pytest.raises(BaselineExistsError):
        report.write_report(folder, ex, xref)
    assert (folder / "report.json").read_bytes() == before


def test_update_is_atomic_and_deterministic(pinned: tuple[Path, Path], tmp_path: Path) -> None:
    folder, src = pinned
    first = {p.name: p.read_bytes() for p in folder.iterdir()}
    baseline.update(folder, *fx.shuffled(EX, XREF), paths=[src])
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == first  # same bytes, no temp files
    other = tmp_path / "again"
    baseline.update(
        other,
        EX,
        XREF,
        paths=[src],
        floors={"polnear_dev": {"content_f1": 0.8, "attribution_f1": 0.7}},
    )
    assert {p.name: p.read_bytes() for p in other.iterdir()} == first


# --------------------------------------------------------------------------- corpus hash


def test_corpus_hash_is_stable_and_sensitive(tmp_path: Path) -> None:
    src = corpus(tmp_path)
    digest, count = baseline.corpus_sha256([src])
    assert count == 4 and len(digest) == 64
    files = sorted(src.iterdir())
    assert baseline.corpus_sha256(list(reversed(files)))[0] == baseline.corpus_sha256(files)[0]
    copy_dir = tmp_path / "elsewhere" / "corpus"
    shutil.copytree(src, copy_dir)
    assert baseline.corpus_sha256([copy_dir])[0] == digest  # location does not matter
    (copy_dir / "000_c210cf22f67a8342.txt").write_text(
        fx.TEXT_000.replace("late January", "late March"), encoding="utf-8"
    )
    assert baseline.corpus_sha256([copy_dir])[0] != digest
    os.rename(copy_dir / "002_e50d7082d317dc9a.txt", copy_dir / "002_renamed.txt")
    assert baseline.corpus_sha256([copy_dir])[1] == 4


def test_corpus_hash_skips_stdin_and_survives_symlink_loops(tmp_path: Path) -> None:
    src = corpus(tmp_path)
    (src / "loop").symlink_to(src, target_is_directory=True)
    digest, count = baseline.corpus_sha256([src, "-"])
    assert count == 4
    (src / "loop").unlink()
    assert baseline.corpus_sha256([src])[0] == digest


def test_committed_baseline_record_if_present() -> None:
    """The project's own reports/ baseline, when pinned, is well-formed."""
    record_path = ROOT / "reports" / "baseline.json"
    if not record_path.exists():
        pytest.skip(
            "reports/ holds no pinned baseline yet (crosscheck check seeds --baseline reports --update)"
        )
    record = json.loads(record_path.read_text(encoding="utf-8"))
    assert record["schema"] == baseline.BASELINE_SCHEMA
    assert len(record["corpus_sha256"]) == 64
    assert (ROOT / "reports" / "report.json").exists()


def test_seeds_edit_names_the_changed_finding(tmp_path: Path) -> None:
    """Acceptance: pin the seeds, move "late January" to "late March", check names the finding."""
    from crosscheck import pipeline

    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    ex = pipeline.extract([str(seeds)])
    xref = pipeline.cross_reference(ex)
    folder = tmp_path / "reports"
    baseline.update(folder, ex, xref, paths=[seeds])
    assert baseline.check(report.build_report(ex, xref), folder, paths=[seeds]).equal

    target = seeds / "000_c210cf22f67a8342.txt"
    text = target.read_bytes()
    assert text.count(b"late January") == 1
    target.write_bytes(text.replace(b"late January", b"late March"))
    ex2 = pipeline.extract([str(seeds)])
    xref2 = pipeline.cross_reference(ex2)
    diff = baseline.check(report.build_report(ex2, xref2), folder, paths=[seeds])
    assert not diff.equal and diff.exit_code == 1
    timing = [
        c
        for c in diff.of("findings")
        if c.status == "changed"
        and c.old is not None
        and any(v["text"] == "late January" for v in c.old["values"])
    ]
    assert timing, "\n".join(diff.lines())
    text_diff = "\n".join(diff.lines())
    assert f"~ finding {timing[0].key}" in text_diff
    assert "- value " in text_diff and '"late January" 2018-01-21..2018-01-31' in text_diff
    assert '"late March" 2018-03-21..2018-03-31' in text_diff
    assert "corpus changed since the baseline" in text_diff
    assert "(moved: offsets -2)" in text_diff  # later claims of the article only shifted
