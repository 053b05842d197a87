"""The CI regression gate: compare a fresh report with a pinned baseline.

A baseline folder holds the report files of a pinned run (``report.json`` and the
others ``report.write_report`` makes) plus ``baseline.json``::

    {"schema": "crosscheck.baseline/1", "report_schema": "crosscheck.report/1",
     "tool_version": "0.1.0", "corpus_sha256": "...", "corpus_files": 5,
     "floors": {"polnear_dev": {"attribution_f1": 0.66, "content_f1": 0.77}}}

* ``check(report, folder)`` -> ``Diff``: claims and findings that are new, lost or
  changed (claims matched by ``claim_id``, findings by ``finding_id``; an id that
  changed with its content is paired back by article and position, or by relation,
  slot, event and shared claims, so an edit reads as "changed", not lost + new),
  other report sections that changed, evaluation scores below their floors, and
  notes on the corpus hash and tool version. ``Diff.equal`` decides the exit code
  (0 equal, ``errors.EXIT_DIFFERENT`` otherwise); ``Diff.lines()`` is the readable diff.
* ``update(folder, extraction, xref, paths=...)`` re-pins the baseline (every report
  file plus baseline.json) with atomic writes; ``pin(folder, files, ...)`` is the same
  from ready-made files. An evaluation floor is never lowered (or dropped) unless
  ``allow_regression``.
* ``corpus_sha256(paths)`` hashes the input files' bytes in sorted path order.

The tool version is recorded but never makes a difference by itself.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crosscheck import __version__, safeio
from crosscheck.errors import EXIT_DIFFERENT, EXIT_OK, GoldError, RegressionError
from crosscheck.records import CrossReference, Extraction
from crosscheck.report import BASELINE_FILE, REPORT_SCHEMA

BASELINE_SCHEMA = "crosscheck.baseline/1"
REPORT_FILE = "report.json"
FLOOR_DIGITS = 4  # floors are stored and compared rounded to this many decimals

Floors = Mapping[str, Mapping[str, float]]  # gold set -> metric -> value


# --------------------------------------------------------------------------- corpus hash


def _files(paths: Iterable[str | Path]) -> list[tuple[str, Path]]:
    """(display name, path) of every regular file under ``paths``, sorted by name."""
    found: dict[str, Path] = {}
    for raw in paths:
        if str(raw) == "-":
            continue
        root = Path(raw)
        if root.is_dir():
            for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
                dirnames.sort()
                for name in filenames:
                    path = Path(dirpath) / name
                    if path.is_file():
                        found[path.relative_to(root.parent).as_posix()] = path
        elif root.is_file():
            found[root.name] = root
    return sorted(found.items())


def corpus_sha256(paths: Iterable[str | Path]) -> tuple[str, int]:
    """sha256 over the input files (name, size and bytes) in sorted path order, and the count.

    Folders are walked recursively (symlinked folders are not followed); names are
    relative to each given path's parent, so the hash does not depend on where the
    corpus is checked out. Standard input ("-") cannot be hashed and is left out.
    """
    digest = hashlib.sha256()
    files = _files(paths)
    for name, path in files:
        try:
            data = path.read_bytes()
        except OSError:
            data = b"\0unreadable"
        digest.update(name.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(str(len(data)).encode("ascii") + b"\0")
        digest.update(data)
    return digest.hexdigest(), len(files)


# --------------------------------------------------------------------------- loading


def _load_json(path: Path, what: str) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise GoldError(
            f"no {what} at {path}",
            hint="create the baseline with `crosscheck check PATH --baseline DIR --update`",
        ) from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldError(
            f"cannot read the {what} {path}: {exc}",
            hint="re-pin the baseline with `crosscheck check PATH --baseline DIR --update`",
        ) from exc
    if not isinstance(data, dict):
        raise GoldError(f"the {what} {path} is not a JSON object", hint="re-pin the baseline")
    return data


def load(folder: Path | str) -> tuple[dict[str, Any], dict[str, Any]]:
    """(report.json, baseline.json) of a baseline folder; ``GoldError`` when missing."""
    root = Path(folder)
    report = _load_json(root / REPORT_FILE, "baseline report")
    meta_path = root / BASELINE_FILE
    meta = _load_json(meta_path, "baseline record") if meta_path.exists() else {}
    return report, meta


# --------------------------------------------------------------------------- diff


@dataclass(frozen=True)
class Change:
    """One entry that differs: ``status`` is new, lost or changed."""

    section: str  # claims, findings, articles, speakers, events, manifest, summary
    status: str
    key: str
    old: Mapping[str, Any] | None = None
    new: Mapping[str, Any] | None = None
    fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class Diff:
    baseline: str
    changes: tuple[Change, ...] = ()
    floor_failures: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    schema_changed: bool = False

    @property
    def equal(self) -> bool:
        return not self.changes and not self.floor_failures and not self.schema_changed

    @property
    def exit_code(self) -> int:
        return EXIT_OK if self.equal else EXIT_DIFFERENT

    def of(self, section: str) -> list[Change]:
        return [c for c in self.changes if c.section == section]

    def lines(self) -> list[str]:
        """The readable diff, one line per string (no trailing newlines)."""
        head = "same as" if self.equal else "DIFFERENT from"
        out = [f"report is {head} the baseline in {self.baseline}"]
        out += [f"  note: {n}" for n in self.notes]
        if self.schema_changed:
            out.append("  the report schema changed: re-pin the baseline with --update")
        for section in ("findings", "claims"):
            changes = self.of(section)
            if not changes:
                continue
            out.append(f"{section}: {_counts(changes)}")
            for ch in changes:
                out += _describe(ch)
        for section in ("articles", "speakers", "events", "manifest", "summary"):
            changes = self.of(section)
            if changes:
                keys = ", ".join(f"{_SIGN[c.status]}{c.key}" for c in changes[:8])
                more = f" (+{len(changes) - 8} more)" if len(changes) > 8 else ""
                out.append(f"{section}: {_counts(changes)}: {keys}{more}")
        if self.floor_failures:
            out.append("evaluation below its floor:")
            out += [f"  {f}" for f in self.floor_failures]
        return out


_SIGN = {"new": "+", "lost": "-", "changed": "~"}


def _counts(changes: Sequence[Change]) -> str:
    n = {s: sum(1 for c in changes if c.status == s) for s in ("changed", "new", "lost")}
    return ", ".join(f"{v} {k}" for k, v in n.items() if v)


def _short(value: Any, width: int = 160) -> str:
    text = (
        value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)
    )
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _field_text(name: str, value: Any) -> str:
    if name == "times" and isinstance(value, list):
        return (
            "; ".join(
                f'"{t.get("text")}" {t.get("first") or "?"}..{t.get("last") or "?"}'
                for t in value
                if isinstance(t, dict)
            )
            or "(none)"
        )
    return _short(value)


def _pair_text(name: str, old: Any, new: Any, width: int = 160) -> str:
    """``old -> new``; long strings are shown from a little before their first difference."""
    if isinstance(old, str) and isinstance(new, str) and max(len(old), len(new)) > width // 2:
        i = 0
        while i < min(len(old), len(new)) and old[i] == new[i]:
            i += 1
        start = max(0, i - 30)
        pre = "…" if start else ""
        return f"{_short(pre + old[start:], width // 2)} -> {_short(pre + new[start:], width // 2)}"
    return f"{_field_text(name, old)} -> {_field_text(name, new)}"


def _values_text(finding: Mapping[str, Any]) -> list[str]:
    out = []
    for v in finding.get("values", []):
        start, end = v.get("start", ""), v.get("end", "")
        interval = (
            f" {start}..{end}"
            if start and end and start != end
            else (f" {start or end}" if start or end else "")
        )
        out.append(
            f'{v.get("claim_id")}: "{v.get("text")}"{interval} ({v.get("published") or "no date"})'
        )
    return out


def _finding_title(f: Mapping[str, Any]) -> str:
    bits = [str(f.get("relation", "")), str(f.get("slot", ""))]
    title = "/".join(b for b in bits if b)
    if f.get("event"):
        title += f' "{f["event"]}"'
    return title


def _describe(ch: Change) -> list[str]:
    sign = _SIGN[ch.status]
    item = ch.new if ch.new is not None else ch.old
    assert item is not None
    if ch.section == "findings":
        lines = [f"  {sign} finding {ch.key} {_finding_title(item)}"]
        if ch.status == "changed" and ch.old is not None and ch.new is not None:
            old_vals, new_vals = _values_text(ch.old), _values_text(ch.new)
            for field_name in ch.fields:
                if field_name == "values":
                    for v in old_vals:
                        if v not in new_vals:
                            lines.append(f"      - value {v}")
                    for v in new_vals:
                        if v not in old_vals:
                            lines.append(f"      + value {v}")
                else:
                    pair = _pair_text(field_name, ch.old.get(field_name), ch.new.get(field_name))
                    lines.append(f"      {field_name}: {pair}")
        else:
            lines += [f"      {v}" for v in _values_text(item)]
            if item.get("reason"):
                lines.append(f"      why: {_short(item['reason'])}")
        return lines
    # claims
    where = f"[{item.get('article_id', '')}]"
    who = item.get("speaker_name") or item.get("speaker") or item.get("kind", "")
    lines = [f'  {sign} claim {ch.key} {where} {who}: "{_short(item.get("content", ""))}"']
    if ch.status == "changed" and ch.old is not None and ch.new is not None:
        if _strip_offsets(ch.old) == _strip_offsets(ch.new):
            shift = _offset_shift(ch.old, ch.new)
            lines[0] += f"  (moved: offsets {shift:+d})" if shift else "  (moved: offsets only)"
            return lines
        for field_name in ch.fields:
            pair = _pair_text(field_name, ch.old.get(field_name), ch.new.get(field_name))
            lines.append(f"      {field_name}: {pair}")
    return lines


def _strip_offsets(value: Any) -> Any:
    """``value`` without character offsets (keys ``start``, ``end``, ``*_start``, ``*_end``)."""
    if isinstance(value, Mapping):
        return {
            k: _strip_offsets(v)
            for k, v in value.items()
            if k not in ("start", "end") and not k.endswith(("_start", "_end"))
        }
    if isinstance(value, list):
        return [_strip_offsets(v) for v in value]
    return value


def _offset_shift(old: Mapping[str, Any], new: Mapping[str, Any]) -> int:
    try:
        return int(new["content_start"]) - int(old["content_start"])
    except (KeyError, TypeError, ValueError):
        return 0


def _keyed(
    items: Iterable[Mapping[str, Any]], key: Callable[[Mapping[str, Any]], str]
) -> dict[str, Mapping[str, Any]]:
    out: dict[str, Mapping[str, Any]] = {}
    for item in items:
        k = key(item)
        n = 2
        base = k
        while k in out:  # duplicate keys stay apart
            k = f"{base}#{n}"
            n += 1
        out[k] = item
    return out


def _changed_fields(old: Mapping[str, Any], new: Mapping[str, Any]) -> tuple[str, ...]:
    return tuple(k for k in sorted(set(old) | set(new)) if old.get(k) != new.get(k))


def _pair_claims(old: Mapping[str, Any], new: Mapping[str, Any]) -> bool:
    """Is ``new`` an edited version of ``old`` (same article, overlapping sentence)?"""
    if old.get("article_id") != new.get("article_id"):
        return False
    try:
        return int(old["sentence_start"]) < int(new["sentence_end"]) and int(
            new["sentence_start"]
        ) < int(old["sentence_end"])
    except (KeyError, TypeError, ValueError):
        return False


def _pair_findings(old: Mapping[str, Any], new: Mapping[str, Any]) -> bool:
    """Is ``new`` an edited version of ``old`` (same relation, slot, event, shared claims)?"""
    same = all(old.get(k) == new.get(k) for k in ("relation", "slot", "event"))
    return same and bool(set(old.get("claims", [])) & set(new.get("claims", [])))


def _compare(
    section: str,
    old_items: Iterable[Mapping[str, Any]],
    new_items: Iterable[Mapping[str, Any]],
    key: Callable[[Mapping[str, Any]], str],
    pair: Callable[[Mapping[str, Any], Mapping[str, Any]], bool] | None = None,
) -> list[Change]:
    old, new = _keyed(old_items, key), _keyed(new_items, key)
    changes: list[Change] = []
    for k in sorted(set(old) & set(new)):
        if old[k] != new[k]:
            changes.append(
                Change(section, "changed", k, old[k], new[k], _changed_fields(old[k], new[k]))
            )
    lost = [k for k in sorted(old) if k not in new]
    added = [k for k in sorted(new) if k not in old]
    if pair is not None:
        for k_old in list(lost):
            for k_new in added:
                if pair(old[k_old], new[k_new]):
                    fields = _changed_fields(old[k_old], new[k_new])
                    key_text = k_old if k_old == k_new else f"{k_old} -> {k_new}"
                    changes.append(
                        Change(section, "changed", key_text, old[k_old], new[k_new], fields)
                    )
                    lost.remove(k_old)
                    added.remove(k_new)
                    break
    changes += [Change(section, "new", k, None, new[k]) for k in added]
    changes += [Change(section, "lost", k, old[k], None) for k in lost]
    order = {"changed": 0, "new": 1, "lost": 2}
    changes.sort(key=lambda c: (order[c.status], c.key))
    return changes


_SECTIONS: dict[str, Callable[[Mapping[str, Any]], str]] = {
    "articles": lambda a: str(a.get("id", "")),
    "speakers": lambda s: f"{s.get('speaker', '')} ({s.get('key', '')})",
    "events": lambda e: f"{e.get('event', '')} ({e.get('key', '')})",
    "manifest": lambda m: f"{m.get('source', '')}:{m.get('line', '')}",
}


def compare(old: Mapping[str, Any], new: Mapping[str, Any], *, baseline: str = "") -> Diff:
    """Diff two report.json objects (the tool version is ignored)."""
    changes = _compare(
        "findings",
        old.get("findings", []),
        new.get("findings", []),
        lambda f: str(f.get("finding_id", "")),
        _pair_findings,
    )
    changes += _compare(
        "claims",
        old.get("claims", []),
        new.get("claims", []),
        lambda c: str(c.get("claim_id", "")),
        _pair_claims,
    )
    for section, key in _SECTIONS.items():
        changes += _compare(section, old.get(section, []), new.get(section, []), key)
    old_summary, new_summary = old.get("summary", {}), new.get("summary", {})
    if old_summary != new_summary:
        fields = _changed_fields(old_summary, new_summary)
        changes.append(
            Change("summary", "changed", ", ".join(fields), old_summary, new_summary, fields)
        )
    notes = []
    if old.get("tool_version") != new.get("tool_version"):
        notes.append(f"tool version {old.get('tool_version')} -> {new.get('tool_version')}")
    return Diff(
        baseline=baseline,
        changes=tuple(changes),
        notes=tuple(notes),
        schema_changed=old.get("schema") != new.get("schema"),
    )


def _normalised(report: Mapping[str, Any]) -> dict[str, Any]:
    """The report as it reads back from report.json (lists, not tuples; str keys)."""
    from crosscheck.report import report_json

    data = json.loads(report_json(report))
    assert isinstance(data, dict)
    return data


def check(
    report: Mapping[str, Any],
    folder: Path | str,
    *,
    paths: Sequence[str | Path] | None = None,
    floors: Floors | None = None,
) -> Diff:
    """Compare a fresh report (``report.build_report``) with the baseline in ``folder``.

    ``paths`` are the corpus paths of the fresh run (their hash is compared with the
    pinned one and noted); ``floors`` are this run's evaluation scores, each checked
    against its pinned floor (gold set -> metric -> value).
    Raises ``GoldError`` when the folder holds no readable baseline.
    """
    corpus = corpus_sha256(paths) if paths is not None else None
    scores = floors or None
    old, meta = load(folder)
    diff = compare(old, _normalised(report), baseline=str(folder))
    notes = list(diff.notes)
    if corpus is not None and meta.get("corpus_sha256"):
        if meta["corpus_sha256"] == corpus[0]:
            notes.append("corpus unchanged since the baseline: any difference comes from the tool")
        else:
            notes.append(
                f"corpus changed since the baseline ({meta.get('corpus_files', '?')} -> {corpus[1]} files, "
                f"sha256 {str(meta['corpus_sha256'])[:12]} -> {corpus[0][:12]})"
            )
    failures = []
    floors = meta.get("floors") or {}
    for gold in sorted(floors):
        for metric in sorted(floors[gold]):
            floor = float(floors[gold][metric])
            if scores is None or gold not in scores or metric not in scores[gold]:
                notes.append(f"{gold} {metric} not evaluated in this run (floor {floor})")
                continue
            got = round(float(scores[gold][metric]), FLOOR_DIGITS)
            if got < floor:
                failures.append(f"{gold} {metric} = {got} is below the floor {floor}")
    return Diff(
        baseline=diff.baseline,
        changes=diff.changes,
        floor_failures=tuple(failures),
        notes=tuple(notes),
        schema_changed=diff.schema_changed,
    )


# --------------------------------------------------------------------------- update


def merge_floors(
    old: Floors, new: Floors | None, *, allow_regression: bool = False
) -> dict[str, dict[str, float]]:
    """The floors to pin: ``new`` (rounded) over ``old``; lowering or dropping one needs ``allow_regression``.

    With ``new`` None (no evaluation this run) the old floors are kept as they are.
    Raises ``RegressionError`` naming every floor that would be lowered.
    """
    kept = {g: {m: round(float(v), FLOOR_DIGITS) for m, v in ms.items()} for g, ms in old.items()}
    if new is None:
        return {g: dict(sorted(ms.items())) for g, ms in sorted(kept.items())}
    fresh = {g: {m: round(float(v), FLOOR_DIGITS) for m, v in ms.items()} for g, ms in new.items()}
    lowered = []
    for gold, metrics in sorted(kept.items()):
        for metric, floor in sorted(metrics.items()):
            value = fresh.get(gold, {}).get(metric)
            if value is None:
                lowered.append(f"{gold} {metric} (floor {floor}) was not evaluated")
            elif value < floor:
                lowered.append(f"{gold} {metric} {floor} -> {value}")
    if lowered and not allow_regression:
        raise RegressionError(
            "refusing to lower evaluation floors: " + "; ".join(lowered),
            hint="fix the regression, or re-pin with --update --allow-regression",
        )
    merged = fresh if allow_regression else {**kept, **fresh}
    return {g: dict(sorted(ms.items())) for g, ms in sorted(merged.items())}


def baseline_record(
    report: Mapping[str, Any], *, corpus: tuple[str, int], floors: Mapping[str, Mapping[str, float]]
) -> dict[str, Any]:
    return {
        "schema": BASELINE_SCHEMA,
        "report_schema": str(report.get("schema", REPORT_SCHEMA)),
        "tool_version": str(report.get("tool_version", "")),
        "corpus_sha256": corpus[0],
        "corpus_files": corpus[1],
        "floors": {g: dict(ms) for g, ms in floors.items()},
    }


def pin(
    folder: Path | str,
    files: Mapping[str, str | bytes],
    *,
    corpus: tuple[str, int],
    floors: Floors | None = None,
    allow_regression: bool = False,
) -> list[Path]:
    """Write ``files`` (must include report.json) and baseline.json into ``folder``.

    Every file is written atomically, baseline.json last. Raises ``RegressionError``
    (before anything is written) when a floor would be lowered without
    ``allow_regression``.
    """
    root = Path(folder)
    if REPORT_FILE not in files:
        raise GoldError("a baseline needs report.json", hint="pass report.report_files(...)")
    raw = files[REPORT_FILE]
    report = json.loads(raw.decode("utf-8") if isinstance(raw, bytes) else raw)
    old_floors: Floors = {}
    meta_path = root / BASELINE_FILE
    if meta_path.exists():
        old_floors = _load_json(meta_path, "baseline record").get("floors") or {}
    merged = merge_floors(old_floors, floors or None, allow_regression=allow_regression)
    record = baseline_record(report, corpus=corpus, floors=merged)
    written = safeio.write_files(root, {k: v for k, v in files.items() if k != BASELINE_FILE})
    text = json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    written += safeio.write_files(root, {BASELINE_FILE: text})
    return written


def update(
    folder: Path | str,
    extraction: Extraction,
    xref: CrossReference,
    *,
    paths: Sequence[str | Path],
    floors: Floors | None = None,
    allow_regression: bool = False,
    tool_version: str = __version__,
    excel: bool = False,
) -> list[Path]:
    """Re-pin the baseline in ``folder`` to this run: every report file plus baseline.json.

    ``paths`` are the corpus paths (hashed with ``corpus_sha256``); ``floors`` the
    evaluation scores of this run (None or empty: keep the pinned floors). A floor
    is never lowered or dropped unless ``allow_regression`` (``RegressionError``).
    """
    from crosscheck.report import report_files

    files = report_files(extraction, xref, tool_version=tool_version, excel=excel)
    return pin(
        folder,
        files,
        corpus=corpus_sha256(paths),
        floors=floors,
        allow_regression=allow_regression,
    )
