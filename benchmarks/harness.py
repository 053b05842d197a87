"""crosscheck benchmark harness: per-stage throughput, end-to-end wall time, scaling.

One command (from the repository root):

    .venv/bin/python benchmarks/harness.py [--articles N] [--jobs J] [--corpus PATH]

What it measures, in one run:

1. **Stages, one after another, serially in this process** over the first N
   articles (default 2,000): ingest, clean, segment, attribute, normalise (each
   over every article before the next starts), then group, match and judge over
   all the claims, then writing the report files. For each: seconds, MB/s,
   articles/s, claims/s, and the process's peak RSS after the stage (ru_maxrss:
   it only grows, so a stage's figure is the peak of everything up to it). For
   match: the candidate pairs compared.
2. **A reference**: pysbd sentence splitting on a sample of the same texts (the
   first 100 articles), and the ratio extraction MB/s / pysbd MB/s, which stays
   meaningful on a noisy machine.
3. **End to end with --jobs J**, in a fresh process: ``pipeline.extract`` +
   cross-reference + report writing, timed from process start (imports
   included); peak memory of the whole process tree (sum of PSS, sampled every
   50 ms, so forked workers are not double-counted) and each process's ru_maxrss.
4. **Scaling**: the same end-to-end run on 1k, 2k, 5k and 10k articles (those
   the corpus has), time per doubling (target <= 2.3x) and peak memory; and the
   CLI itself (``crosscheck report``) on the largest size when the CLI runs.

Corpus: ``--corpus PATH`` (.jsonl, .jsonl.gz or a folder of .txt), else
``../shared/corpora/abp-10k.jsonl.gz`` beside the repository when present, else
a generated corpus (``benchmarks/corpusgen.py``). The first N records are
copied to an uncompressed JSONL in ``benchmarks/out/corpus/`` so every run reads
the same bytes. MB means 10^6 bytes of article text (UTF-8, as read).

Results: ``benchmarks/out/harness-<time>.json`` (and ``latest.json``) plus a
Markdown summary on stdout. ``--profile`` also writes a pyinstrument profile of
an end-to-end ``--jobs 1`` run to ``benchmarks/out/profile-<time>.txt``.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import io
import json
import math
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"
ABP = SHARED / "corpora" / "abp-10k.jsonl.gz"
OUT = HERE / "out"
sys.path.insert(0, str(HERE))  # corpusgen

STAGES_SERIAL = ("ingest", "clean", "segment", "attribute", "normalise")
STAGES_CROSS = ("group", "match", "judge", "report")
EXTRACTION = ("clean", "segment", "attribute", "normalise")
SCALING_SIZES = (1000, 2000, 5000, 10000)

MB = 1e6


# --------------------------------------------------------------------------- machine


def _modules_status() -> str:
    """Whether this run uses the compiled modules (crosscheck/native.py)."""
    from crosscheck import native

    return native.status()


def machine() -> dict[str, Any]:
    cpu = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = 0
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem = int(line.split()[1]) * 1024
    try:
        usable = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        usable = os.cpu_count() or 1
    commit = ""
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
    dirty = ""
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        ).stdout.strip()
    load = ""
    with contextlib.suppress(OSError):
        load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    return {
        "load_average": load,
        "cpu": cpu or platform.processor() or platform.machine(),
        "cores": os.cpu_count() or 1,
        "usable_cores": usable,
        "memory_gb": round(mem / 2**30, 1),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "os": f"{platform.system()} {platform.release()}",
        "modules": _modules_status(),
        "commit": commit + ("+dirty" if dirty else ""),
        "when": time.strftime("%Y-%m-%d %H:%M:%S"),
    }


# --------------------------------------------------------------------------- memory


def peak_rss() -> int:
    """This process's peak resident set, bytes (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def rss_now() -> int:
    with contextlib.suppress(OSError, ValueError, IndexError):
        return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    return 0


def _children(pid: int) -> list[int]:
    out: list[int] = []
    with contextlib.suppress(OSError):
        for task in os.listdir(f"/proc/{pid}/task"):
            with contextlib.suppress(OSError, ValueError):
                out += [
                    int(x) for x in Path(f"/proc/{pid}/task/{task}/children").read_text().split()
                ]
    return out


def _pss(pid: int) -> int:
    """Proportional set size of one process, bytes (shared pages split between sharers)."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _rss(pid: int) -> int:
    """Resident set size of one process, bytes (``/proc/PID/statm``: cheap to read)."""
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
    except (OSError, ValueError, IndexError):
        return 0


PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


class TreeMemory:
    """Samples the memory of a process and all its descendants (sum of PSS).

    The processes' RSS (``_rss``) is read every ``interval``; their PSS (``_pss``) only
    while the summed RSS is within ``NEAR_PEAK`` of its highest so far, and at most
    every ``pss_interval``. Reading ``smaps_rollup`` walks the process's page tables:
    23.5 ms for a 1.1 GB process, measured, during which its page faults wait. Read
    every 50 ms, as before, it took about a third of one of the two cores and slowed
    the measured run by 15-25% (the 10k CLI run 46.9-50.4 s under it, against
    38.7-44.0 s alone)."""

    NEAR_PEAK = 0.9

    def __init__(self, pid: int, interval: float = 0.05, pss_interval: float = 0.5) -> None:
        self.pid = pid
        self.interval = interval
        self.pss_interval = pss_interval
        self.peak = 0
        self.peak_processes = 0
        self.pss_reads = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        top_rss = 0
        last_pss = -math.inf
        while not self._stop.is_set():
            pids, todo = [], [self.pid]
            while todo:
                p = todo.pop()
                pids.append(p)
                todo += _children(p)
            rss = sum(_rss(p) for p in pids)
            now = time.monotonic()
            if rss >= top_rss * self.NEAR_PEAK and now - last_pss >= self.pss_interval:
                last_pss = now
                self.pss_reads += 1
                total = sum(_pss(p) for p in pids)
                if total > self.peak:
                    self.peak, self.peak_processes = total, len(pids)
            top_rss = max(top_rss, rss)
            self._stop.wait(self.interval)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


# --------------------------------------------------------------------------- corpus


def _records(source: Path) -> Iterator[str]:
    """Raw JSONL lines of a .jsonl or .jsonl.gz file (blank lines skipped)."""
    opener: Callable[..., Any] = gzip.open if source.suffix == ".gz" else open
    with opener(source, "rt", encoding="utf-8", newline="") as f:
        for line in f:
            if line.strip():
                yield line if line.endswith("\n") else line + "\n"


def _generated_lines(n: int) -> Iterator[str]:
    from corpusgen import generate

    for a in generate(n, seed=2024):
        yield json.dumps(a, ensure_ascii=False) + "\n"


def _ingest_reads_jsonl() -> bool:
    """Whether the current ingest stage reads JSONL (it did not in the first skeleton)."""
    from crosscheck import ingest
    from crosscheck.records import Article

    probe = OUT / "corpus" / "probe.jsonl"
    probe.parent.mkdir(parents=True, exist_ok=True)
    probe.write_text(
        json.dumps({"id": "p1", "title": "T", "date": "2020-01-02", "text": "He said so."}) + "\n"
    )
    try:
        items = list(ingest.read([str(probe)], ingest.IngestOptions()))
    except Exception:
        return False
    return any(isinstance(i, Article) and "He said so." in i.text for i in items)


class Corpus:
    """The first ``n`` records of the chosen source, as a file (or folder) ingest reads."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.folder: Path | None = None
        if args.corpus:
            src = Path(args.corpus)
            if src.is_dir():
                self.folder = src
                self.name = src.name
                self.description = f"folder {src}"
                self.available = len(list(src.rglob("*.txt")))
                return
            self.source = src
            self.name = src.name.split(".")[0]
            self.description = str(src)
        elif ABP.exists():
            self.source = ABP
            self.name = "abp"
            self.description = (
                f"{ABP.relative_to(SHARED.parent)} (Article-Bias-Prediction, first records)"
            )
        else:
            self.source = None  # type: ignore[assignment]
            self.name = "generated"
            self.description = "generated (benchmarks/corpusgen.py, seed 2024; ../shared is absent)"
        self.available = sum(1 for _ in _records(self.source)) if self.source is not None else 10**9
        self.jsonl = _ingest_reads_jsonl()

    def path(self, n: int) -> Path:
        """A file (or folder) holding the first ``n`` records, written once and reused."""
        if self.folder is not None:
            return self.folder
        n = min(n, self.available)
        target = OUT / "corpus" / (f"{self.name}-{n}.jsonl" if self.jsonl else f"{self.name}-{n}")
        if target.exists():
            return target
        lines = _records(self.source) if self.source is not None else _generated_lines(n)
        tmp = target.with_name(target.name + ".tmp")
        if tmp.exists():
            shutil.rmtree(tmp) if tmp.is_dir() else tmp.unlink()
        tmp.parent.mkdir(parents=True, exist_ok=True)
        if self.jsonl:
            with tmp.open("w", encoding="utf-8", newline="") as f:
                for i, line in enumerate(lines):
                    if i >= n:
                        break
                    f.write(line)
        else:
            # fallback while ingest reads only .txt: one file per record, seeds' header
            tmp.mkdir()
            for i, line in enumerate(lines):
                if i >= n:
                    break
                rec = json.loads(line)
                text = rec.get("content_original") or rec.get("text") or ""
                date = str(rec.get("date") or "")[:10]
                header = f"date {date} {rec.get('source', '')}\n" if len(date) == 10 else ""
                title = rec.get("title") or ""
                ident = str(rec.get("ID") or rec.get("id") or i)
                (tmp / f"{i:06d}_{ident}.txt").write_text(
                    header + (title + "\n\n" if title else "") + text, encoding="utf-8"
                )
        tmp.rename(target)
        return target


# --------------------------------------------------------------------------- stages


_CPU: list[float] = []  # CPU seconds of the last _timed call


def _timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    """Wall seconds of ``fn()`` (its CPU seconds go to ``_CPU``)."""
    c0 = time.process_time()
    t0 = time.perf_counter()
    value = fn()
    wall = time.perf_counter() - t0
    _CPU[:] = [time.process_time() - c0]
    return value, wall


def run_stages(path: Path, report_dir: Path) -> dict[str, Any]:
    """Every stage over the whole corpus, one stage after the other, in this process."""
    from crosscheck import __version__, attribute, clean, group, ingest, judge, match, normalise
    from crosscheck import segment as segment_stage
    from crosscheck.pipeline import assemble
    from crosscheck.records import Article, ArticleResult, CrossReference

    rows: dict[str, dict[str, Any]] = {}

    def record(stage: str, seconds: float, **extra: Any) -> None:
        rows[stage] = {
            "seconds": seconds,
            "cpu_seconds": _CPU[0] if _CPU else seconds,
            "peak_rss": peak_rss(),
            "rss": rss_now(),
            **extra,
        }

    items, t = _timed(lambda: list(ingest.read([str(path)], ingest.IngestOptions())))
    articles = [i for i in items if isinstance(i, Article)]
    record("ingest", t)
    cleaned, t = _timed(lambda: [clean.clean(a) for a in articles])
    record("clean", t)
    sentences, t = _timed(lambda: [segment_stage.segment(a) for a in cleaned])
    record("segment", t, sentences=sum(len(s) for s in sentences))
    found, t = _timed(
        lambda: [attribute.attribute(a, s) for a, s in zip(cleaned, sentences, strict=True)]
    )
    record("attribute", t)
    normed, t = _timed(
        lambda: [normalise.normalise(a, c) for a, c in zip(cleaned, found, strict=True)]
    )
    record("normalise", t)
    claims = tuple(c for cs in normed for c in cs)
    groups, t = _timed(lambda: group.group(claims))
    record("group", t, speakers=len(groups.speakers), events=len(groups.events))
    (candidates, compared), t = _timed(lambda: match.match(claims, groups, jobs=1))
    record("match", t, pairs_compared=compared, candidates=len(candidates))
    findings, t = _timed(lambda: judge.judge(claims, groups, candidates))
    record("judge", t, findings=len(findings))
    extraction = assemble(
        ArticleResult(article=a, sentences=len(s), claims=c)
        for a, s, c in zip(cleaned, sentences, normed, strict=True)
    )
    xref = CrossReference(
        speakers=groups.speakers,
        events=groups.events,
        findings=findings,
        speaker_of=groups.speaker_of,
        events_of=groups.events_of,
        pairs_compared=compared,
    )
    writer = _report_writer()
    if writer is not None:
        _, t = _timed(lambda: writer(report_dir, extraction, xref, tool_version=__version__))
        if REPORT_ERRORS:
            record("report", t, error=REPORT_ERRORS[-1])
        else:
            record("report", t)
    nbytes = sum(len(a.text.encode("utf-8")) for a in articles)
    for row in rows.values():
        s = max(row["seconds"], 1e-9)
        row["mb_s"] = nbytes / MB / s
        row["articles_s"] = len(articles) / s
        row["claims_s"] = len(claims) / s
    return {
        "articles": len(articles),
        "skipped": len(items) - len(articles),
        "bytes": nbytes,
        "claims": len(claims),
        "stages": rows,
        "texts_sample": [a.text for a in articles[:100]],
    }


def _report_writer() -> Callable[..., Any] | None:
    """report.write_report if it exists and works (report.py is being written concurrently)."""
    try:
        from crosscheck import report
    except ImportError:
        return None
    write = getattr(report, "write_report", None)
    if write is None:
        return None

    def guarded(*args: Any, **kwargs: Any) -> Any:
        try:
            return write(*args, **kwargs)
        except Exception as exc:  # the report stage is not ready: say so, time the rest
            REPORT_ERRORS.append(f"{type(exc).__name__}: {exc}")
            return None

    return guarded


REPORT_ERRORS: list[str] = []


def pysbd_reference(texts: list[str]) -> dict[str, Any]:
    try:
        import pysbd
    except ImportError:
        return {"error": "pysbd is not installed (pip install pysbd)"}
    seg = pysbd.Segmenter(language="en", clean=False)
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    t0 = time.perf_counter()
    sentences = sum(len(seg.segment(t)) for t in texts)
    s = time.perf_counter() - t0
    return {
        "articles": len(texts),
        "bytes": nbytes,
        "seconds": s,
        "mb_s": nbytes / MB / s,
        "sentences": sentences,
    }


# --------------------------------------------------------------------------- end to end


def e2e_child(args: argparse.Namespace) -> None:
    """Runs in a fresh process: extract + cross-reference + report, prints JSON."""
    t_start = float(args.t0) if args.t0 else time.time()
    t0 = time.perf_counter()
    from crosscheck import __version__, engine, pipeline
    from crosscheck.spool import ClaimSpool

    t_import = time.perf_counter() - t0
    # as ``crosscheck report`` runs them: the claims rendered ahead by the spool's
    # helper process (spool.ClaimSpool) when the local engine runs several jobs
    with tempfile.TemporaryDirectory() as d, ClaimSpool(Path(d) / "out") as spool:
        t1 = time.perf_counter()
        local = args.jobs > 1 and args.engine == "local"
        extraction = pipeline.extract(
            [args.e2e], jobs=args.jobs, engine=args.engine, sink=spool.sink() if local else None
        )
        t_extract = time.perf_counter() - t1
        peak_after_extract = peak_rss()
        t2 = time.perf_counter()
        xref = engine.run_cross_reference(
            extraction,
            jobs=args.jobs,
            engine=args.engine,
            progress=lambda *a: None,
            facts_ahead=spool.facts(extraction),
            before_judge=lambda g: spool.lines(extraction, g.speaker_of, g.events_of),
        )
        t_xref = time.perf_counter() - t2
        t3 = time.perf_counter()
        writer = _report_writer()
        if writer is not None:
            writer(Path(d) / "out", extraction, xref, tool_version=__version__, spool=spool)
        t_report = time.perf_counter() - t3
        spooled = spool.reason or "used"
    if args.engine == "dask":
        from crosscheck import dask_engine

        dask_engine.close_clients()
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    nbytes = sum(len(r.article.text.encode("utf-8")) for r in extraction.results)
    print(
        json.dumps(
            {
                "articles": len(extraction.results),
                "skipped": len(extraction.errors),
                "bytes": nbytes,
                "claims": sum(len(r.claims) for r in extraction.results),
                "findings": len(xref.findings),
                "pairs_compared": xref.pairs_compared,
                "import_s": t_import,
                "startup_s": max(0.0, time.time() - t_start - (time.perf_counter() - t0)),
                "extract_s": t_extract,
                "xref_s": t_xref,
                "report_s": t_report if writer is not None and not REPORT_ERRORS else None,
                "report_error": REPORT_ERRORS[-1] if REPORT_ERRORS else None,
                "claim_spool": spooled,
                "peak_rss_main": peak_rss(),
                "peak_rss_main_after_extract": peak_after_extract,
                "peak_rss_largest_worker": children,
            }
        )
    )


def run_e2e(path: Path, jobs: int, engine: str) -> dict[str, Any]:
    cmd = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--e2e",
        str(path),
        "--jobs",
        str(jobs),
        "--engine",
        engine,
        "--t0",
        repr(time.time()),
    ]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with TreeMemory(proc.pid) as mem:
        out, err = proc.communicate()
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        return {"error": f"exit {proc.returncode}: {err.strip()[-2000:]}", "wall_s": wall}
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    result.update(wall_s=wall, peak_tree_pss=mem.peak, peak_tree_processes=mem.peak_processes)
    return result


def run_cli(path: Path, jobs: int) -> dict[str, Any]:
    exe = Path(sys.executable).with_name("crosscheck")
    if not exe.exists():
        return {"error": f"{exe} not found"}
    with tempfile.TemporaryDirectory() as d:
        cmd = [str(exe), "report", str(path), "--out", d, "--jobs", str(jobs), "--quiet"]
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        with TreeMemory(proc.pid) as mem:
            _, err = proc.communicate()
        wall = time.perf_counter() - t0
    res: dict[str, Any] = {
        "command": " ".join(["crosscheck", *cmd[1:3], "--out DIR", *cmd[5:]]),
        "wall_s": wall,
        "peak_tree_pss": mem.peak,
        "exit": proc.returncode,
    }
    if proc.returncode != 0:
        res["error"] = err.strip()[-1500:]
    return res


def per_doubling(n1: int, t1: float, n2: int, t2: float) -> float:
    """The time ratio normalised to one doubling of the corpus (t2/t1)^(1/log2(n2/n1))."""
    if t1 <= 0 or n2 <= n1:
        return float("nan")
    return float((t2 / t1) ** (1 / math.log2(n2 / n1)))


# --------------------------------------------------------------------------- profile


def profile(path: Path, out: Path) -> dict[str, Any]:
    """pyinstrument over an in-process --jobs 1 end-to-end run; top functions by self time."""
    from pyinstrument import Profiler

    from crosscheck import __version__, engine, pipeline

    prof = Profiler(interval=0.001)
    prof.start()
    extraction = pipeline.extract([str(path)], jobs=1)
    xref = engine.run_cross_reference(extraction, jobs=1, progress=lambda *a: None)
    writer = _report_writer()
    if writer is not None:
        with tempfile.TemporaryDirectory() as d:
            writer(Path(d), extraction, xref, tool_version=__version__)
    session = prof.stop()
    out.write_text(prof.output_text(unicode=False, color=False, show_all=False))
    selftime: dict[str, float] = {}
    inclusive: dict[str, float] = {}
    root = session.root_frame()
    todo: list[tuple[Any, frozenset[str]]] = [(root, frozenset())] if root is not None else []
    while todo:
        f, above = todo.pop()
        if f.is_synthetic:
            todo.extend((c, above) for c in f.children)
            continue
        where = f"{f.function} ({f.file_path_short}:{f.line_no})"
        selftime[where] = selftime.get(where, 0.0) + f.total_self_time
        mine = "crosscheck/" in (f.file_path or "")
        if mine and where not in above:  # count a recursive function once per stack
            inclusive[where] = inclusive.get(where, 0.0) + f.time
        todo.extend((c, above | {where} if mine else above) for c in f.children)
    total = session.duration or 1.0
    top = sorted(selftime.items(), key=lambda kv: -kv[1])[:20]
    cum = sorted(inclusive.items(), key=lambda kv: -kv[1])[:30]
    return {
        "file": str(out.relative_to(ROOT)),
        "duration_s": session.duration,
        "cpu_s": session.cpu_time,
        "top_self": [{"function": k, "self_s": v, "share": v / total} for k, v in top],
        "top_inclusive": [{"function": k, "total_s": v, "share": v / total} for k, v in cum],
    }


# --------------------------------------------------------------------------- printing


def _mb(n: float) -> str:
    return f"{n / 2**20:,.0f} MiB"


def markdown(res: dict[str, Any]) -> str:
    m = res["machine"]
    out = io.StringIO()
    w = out.write
    w(f"## crosscheck benchmark ({m['when']}, commit {m['commit']})\n\n")
    w(
        f"Machine: {m['cpu']}, {m['usable_cores']} usable cores ({m['cores']} online), "
        f"{m['memory_gb']} GB RAM, {m['os']}, {m['implementation']} {m['python']}, "
        f"crosscheck modules {m.get('modules', '?')}; "
        f"load average at start {m.get('load_average', '?')}, at end {res.get('load_end', '?')} "
        "(other work on the machine slows every figure; the pysbd ratio corrects for it).\n"
    )
    w(f"Corpus: {res['corpus']}.\n\n")
    st = res.get("stages")
    if st:
        w(
            f"### Stages, serial, one after the other ({st['articles']:,} articles, "
            f"{st['bytes'] / MB:.1f} MB, {st['claims']:,} claims)\n\n"
        )
        w("| stage | s | CPU s | MB/s | articles/s | claims/s | peak RSS after | notes |\n")
        w("|---|---:|---:|---:|---:|---:|---:|---|\n")
        for name, row in st["stages"].items():
            notes = []
            if "pairs_compared" in row:
                notes.append(
                    f"{row['pairs_compared']:,} pairs compared, {row['candidates']:,} candidates"
                )
            if "sentences" in row:
                notes.append(f"{row['sentences']:,} sentences")
            if "findings" in row:
                notes.append(f"{row['findings']:,} findings")
            if "error" in row:
                notes.append(f"failed: {row['error'][:120]}")
            if "speakers" in row:
                notes.append(f"{row['speakers']:,} speakers, {row['events']:,} events")
            w(
                f"| {name} | {row['seconds']:.2f} | {row['cpu_seconds']:.2f} | {row['mb_s']:.2f} | {row['articles_s']:,.0f} | "
                f"{row['claims_s']:,.0f} | {_mb(row['peak_rss'])} | {'; '.join(notes)} |\n"
            )
        ex = res["extraction"]
        w(
            f"\nExtraction (clean+segment+attribute+normalise), one core: **{ex['mb_s']:.2f} MB/s** "
            f"({ex['seconds']:.2f} s wall; by CPU time {ex['mb_s_cpu']:.2f} MB/s); with ingest: {ex['with_ingest_mb_s']:.2f} MB/s. "
            f"What `claims` runs per article (ingest+clean+segment+attribute: no normalise), one core: **{ex['claims_mb_s']:.2f} MB/s**.\n"
        )
        ref = res.get("pysbd", {})
        if "mb_s" in ref:
            w(
                f"Reference, pysbd sentence splitting on the first {ref['articles']} articles: "
                f"{ref['mb_s']:.3f} MB/s. Ratio extraction / pysbd: **{ex['mb_s'] / ref['mb_s']:.1f}x**.\n"
            )
        elif ref:
            w(f"Reference: {ref.get('error')}\n")
    e2e = res.get("e2e")
    if e2e:
        w(
            f"\n### End to end, --jobs {res['jobs']}, engine {res['engine']} (extract + cross-reference + report files, fresh process)\n\n"
        )
        if "error" in e2e:
            w(f"failed: {e2e['error']}\n")
        else:
            rep = f"{e2e['report_s']:.2f}" if e2e.get("report_s") is not None else "n/a"
            w(
                "| articles | MB | claims | findings | pairs compared | start-up+imports s | extract s | "
                "cross-ref s | report s | wall s | MB/s (wall) | peak tree PSS | peak RSS main / worker |\n"
            )
            w("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
            w(
                f"| {e2e['articles']:,} | {e2e['bytes'] / MB:.1f} | {e2e['claims']:,} | {e2e['findings']:,} | "
                f"{e2e['pairs_compared']:,} | {e2e['startup_s'] + e2e['import_s']:.2f} | {e2e['extract_s']:.2f} | "
                f"{e2e['xref_s']:.2f} | {rep} | {e2e['wall_s']:.2f} | {e2e['bytes'] / MB / e2e['wall_s']:.2f} | "
                f"{_mb(e2e['peak_tree_pss'])} | {_mb(e2e['peak_rss_main'])} / {_mb(e2e['peak_rss_largest_worker'])} |\n"
            )
    errors = sorted(
        {
            r["report_error"]
            for r in [e2e or {}, *(res.get("scaling") or [])]
            if r.get("report_error")
        }
    )
    for e in errors:
        w(f"\nReport writing failed and is not included: {e[:300]}\n")
    sc = res.get("scaling")
    if sc:
        w(
            f"\n### Scaling, end to end, --jobs {res['jobs']}, engine {res['engine']} (target: <= 2.3x per doubling, "
            f"<= 40 s and <= 1.5 GB at 10k)\n\n"
        )
        w(
            "| articles | MB | claims | pairs compared | findings | wall s | extract s | cross-ref s | "
            "report s | x per doubling | peak tree PSS |\n"
        )
        w("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
        for row in sc:
            if "error" in row:
                w(f"| {row['n']:,} | failed: {row['error'][:200]} |\n")
                continue
            d = row.get("per_doubling")
            rep = f"{row['report_s']:.2f}" if row.get("report_s") is not None else "n/a"
            w(
                f"| {row['articles']:,} | {row['bytes'] / MB:.1f} | {row['claims']:,} | {row['pairs_compared']:,} | "
                f"{row['findings']:,} | {row['wall_s']:.2f} | {row['extract_s']:.2f} | {row['xref_s']:.2f} | {rep} | "
                f"{'' if d is None else f'{d:.2f}'} | {_mb(row['peak_tree_pss'])} |\n"
            )
    cli = res.get("cli")
    if cli:
        w(f"\nCLI `{cli.get('command', 'crosscheck report')}`: ")
        if cli.get("exit") == 0:
            w(f"{cli['wall_s']:.2f} s wall, peak tree PSS {_mb(cli['peak_tree_pss'])}.\n")
        else:
            w(f"failed ({cli.get('error', '')[:300]})\n")
    prof = res.get("profile")
    if prof:
        w(
            f"\n### Profile (pyinstrument, --jobs 1, {prof['duration_s']:.1f} s wall, {prof.get('cpu_s', 0):.1f} s CPU; full tree in `{prof['file']}`)\n\n"
        )
        w("Inclusive time of crosscheck functions (where the time goes):\n\n")
        w("| function | total s | share |\n|---|---:|---:|\n")
        for row in prof.get("top_inclusive", [])[:25]:
            w(f"| `{row['function']}` | {row['total_s']:.2f} | {row['share']:.0%} |\n")
        w("\nSelf time (the hottest lines of work):\n\n")
        w("| function | self s | share |\n|---|---:|---:|\n")
        for row in prof["top_self"][:15]:
            w(f"| `{row['function']}` | {row['self_s']:.2f} | {row['share']:.0%} |\n")
    return out.getvalue()


# --------------------------------------------------------------------------- main


def _partial(res: dict[str, Any]) -> None:
    """Save what has been measured so far (a long run interrupted still leaves figures)."""
    (OUT / "partial.json").write_text(json.dumps(res, indent=2, default=str))
    with contextlib.suppress(Exception):
        (OUT / "partial.md").write_text(markdown(res))


def main(argv: list[str] | None = None) -> int:
    from crosscheck.engine import default_jobs

    p = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument(
        "--articles", type=int, default=2000, help="articles for the stage table (default 2000)"
    )
    p.add_argument(
        "--jobs", type=int, default=0, help="--jobs for the end-to-end runs (default: all cores)"
    )
    p.add_argument(
        "--corpus", help=".jsonl/.jsonl.gz file or .txt folder (default: abp-10k, else generated)"
    )
    p.add_argument("--engine", default="local", choices=("local", "dask"))
    p.add_argument(
        "--sizes",
        default=",".join(map(str, SCALING_SIZES)),
        help="scaling sizes, comma-separated (default 1000,2000,5000,10000)",
    )
    p.add_argument("--no-scaling", action="store_true", help="skip the scaling table")
    p.add_argument("--no-stages", action="store_true", help="skip the serial stage table")
    p.add_argument("--no-cli", action="store_true", help="skip the CLI run")
    p.add_argument("--profile", action="store_true", help="also profile an end-to-end --jobs 1 run")
    p.add_argument("--e2e", help=argparse.SUPPRESS)
    p.add_argument("--t0", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.jobs <= 0:
        args.jobs = default_jobs()
    if args.e2e:
        e2e_child(args)
        # as the console script ends (``cli.leave``): without the interpreter's teardown
        # of the heap, which the parent's wall time would otherwise include
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)

    OUT.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    corpus = Corpus(args)
    res: dict[str, Any] = {
        "machine": machine(),
        "corpus": corpus.description,
        "jobs": args.jobs,
        "engine": args.engine,
        "argv": sys.argv[1:],
    }
    print(f"machine: {res['machine']}", file=sys.stderr)
    path = corpus.path(args.articles)
    if not args.no_stages:
        print(f"stages: {path}", file=sys.stderr)
        with tempfile.TemporaryDirectory() as d:
            st = run_stages(path, Path(d))
        texts = st.pop("texts_sample")
        res["stages"] = st
        ex_s = sum(st["stages"][s]["seconds"] for s in EXTRACTION)
        ex_cpu = sum(st["stages"][s]["cpu_seconds"] for s in EXTRACTION)
        res["extraction"] = {
            "seconds": ex_s,
            "cpu_seconds": ex_cpu,
            "mb_s_cpu": st["bytes"] / MB / max(ex_cpu, 1e-9),
            "mb_s": st["bytes"] / MB / ex_s,
            "with_ingest_mb_s": st["bytes"] / MB / (ex_s + st["stages"]["ingest"]["seconds"]),
            # what `claims` runs per article: no normalise (no claim row holds its slots)
            "claims_mb_s": st["bytes"]
            / MB
            / sum(st["stages"][s]["seconds"] for s in ("ingest", "clean", "segment", "attribute")),
        }
        print("pysbd reference", file=sys.stderr)
        res["pysbd"] = pysbd_reference(texts)
        _partial(res)
    print(f"end to end: {path} --jobs {args.jobs}", file=sys.stderr)
    res["e2e"] = run_e2e(path, args.jobs, args.engine)
    _partial(res)
    if not args.no_scaling:
        sizes = sorted({min(int(s), corpus.available) for s in args.sizes.split(",") if s.strip()})
        rows: list[dict[str, Any]] = []
        for n in sizes:
            print(f"scaling: {n} articles", file=sys.stderr)
            row = run_e2e(corpus.path(n), args.jobs, args.engine)
            row["n"] = n
            if rows and "error" not in row and "error" not in rows[-1]:
                prev = rows[-1]
                row["per_doubling"] = per_doubling(
                    prev["articles"], prev["wall_s"], row["articles"], row["wall_s"]
                )
            rows.append(row)
            res["scaling"] = rows
            _partial(res)
        res["scaling"] = rows
        if not args.no_cli and sizes:
            print(f"cli: {sizes[-1]} articles", file=sys.stderr)
            res["cli"] = run_cli(corpus.path(sizes[-1]), args.jobs)
    if args.profile:
        print("profile", file=sys.stderr)
        res["profile"] = profile(path, OUT / f"profile-{stamp}.txt")
    with contextlib.suppress(OSError):
        res["load_end"] = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    text = markdown(res)
    res["markdown"] = text
    blob = json.dumps(res, indent=2, default=str)
    (OUT / f"harness-{stamp}.json").write_text(blob)
    (OUT / "latest.json").write_text(blob)
    (OUT / "latest.md").write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
