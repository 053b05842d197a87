"""--engine dask against the local engine: wall time, memory, identical output, shuffle volume.

One command (from the repository root):

    .venv/bin/python benchmarks/bench_dask.py [--articles 1000 2000] [--jobs 2] [--corpus PATH]
        [--external-scheduler]

For each size N, the first N records of the corpus (``../shared/corpora/abp-10k.jsonl.gz``
when present, else a generated corpus) are copied to ``benchmarks/out/corpus/``; then
``crosscheck``'s extract + cross-reference + report files run twice, each in a fresh
process: ``--engine local --jobs J`` and ``--engine dask --jobs J`` (a LocalCluster of J
single-threaded workers). For each run: wall time per phase, the driver's peak RSS
(ru_maxrss; also as it was after extraction and after cross-referencing, and the peak
of each phase, sampled every 20 ms: extract, group, match, judge, report; and within the
report phase, of making the report object and of each file: report:build,
report:claims.csv, ..., report:report.json), the peak RSS
of every worker process (the local pool's children together,
or each dask worker, asked with ``client.run``), and the load average before and after.
The report files of the two runs are compared byte for byte. With
``--external-scheduler`` the dask run's scheduler and workers run in a process of their
own (a LocalCluster started per size, as a cluster's would be elsewhere), so the driver's
figures leave out the scheduler's memory.

The dask run then measures, after its timings, what the driver holds (pickled bytes of
the driver side of the DaskExtraction: article rows, manifest, warnings; of the
CrossReference's entries and findings; of group's map over distinct keys and its merged
tables, with their sizes in keys), what it does not (group's per-claim tables, the article
texts and claims, which stay on the workers), and the volume of the block shuffle:
entries per claim and pickled bytes per entry as they travel (the map outputs' shares),
scored pair records per claim and their bytes, and the pickled bytes of a claim; and
what judge's shuffles move (the claims sent to the findings buckets) and return
(verdicts, findings).

Results: ``benchmarks/out/dask-<time>.json`` (and ``dask-latest.json``) and a Markdown
table on stdout.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import pickle
import platform
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
SHARED_CORPUS = ROOT.parent / "shared" / "corpora" / "abp-10k.jsonl.gz"


def peak_rss() -> int:
    """This process's peak resident set, bytes (Linux ru_maxrss is in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


class PhaseRss:
    """The driver's resident set sampled every 20 ms, its peak kept per phase (the
    phase is set by hand and by the cross-reference's progress: group, match, judge)."""

    def __init__(self) -> None:
        self.phase = "start"
        self.peaks: dict[str, int] = {}
        self._stop = threading.Event()
        self._page = os.sysconf("SC_PAGE_SIZE")
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            with open("/proc/self/statm") as fh:
                rss = int(fh.read().split()[1]) * self._page
            self.peaks[self.phase] = max(self.peaks.get(self.phase, 0), rss)
            self._stop.wait(0.02)

    def progress(self, stage: str, done: int, total: int | None) -> None:
        self.phase = stage

    def stop(self) -> dict[str, float]:
        self._stop.set()
        self._thread.join()
        return {k: round(v / 1e6, 1) for k, v in self.peaks.items()}


def _phase_per_report_file(rss: PhaseRss) -> None:
    """Name the report phase's steps in ``rss``: ``report:build`` (the report object,
    ``report.build_report``), then ``report:<file>`` while each file is made and
    written (``safeio.Staging.stage``): the report phase's peak by file."""
    from crosscheck import report, safeio

    build, stage = report.build_report, safeio.Staging.stage

    def named_build(*args: Any, **kwargs: Any) -> Any:
        rss.phase = "report:build"
        return build(*args, **kwargs)

    def named_stage(self: Any, name: str, pieces: Any) -> None:
        rss.phase = f"report:{name}"
        stage(self, name, pieces)

    report.build_report = named_build
    safeio.Staging.stage = named_stage  # type: ignore[method-assign]


def _worker_peak() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def corpus_of(n: int, corpus: Path | None) -> Path:
    """The first n records as an uncompressed JSONL file (made once)."""
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "corpus").mkdir(exist_ok=True)
    source = corpus or (SHARED_CORPUS if SHARED_CORPUS.exists() else None)
    if source is None:
        sys.path.insert(0, str(HERE))
        from corpusgen import generate, write_jsonl

        path = OUT / "corpus" / f"gen-{n}.jsonl"
        if not path.exists():
            write_jsonl(generate(n, seed=11), path)
        return path
    path = OUT / "corpus" / f"{source.name.split('.')[0]}-{n}.jsonl"
    if not path.exists():
        opener = gzip.open if source.suffix == ".gz" else open
        with opener(source, "rt", encoding="utf-8") as src, path.open("w", encoding="utf-8") as dst:
            for k, line in enumerate(src):
                if k >= n:
                    break
                dst.write(line)
    return path


def shuffle_volume(extraction: Any, xref_groups: Any) -> dict[str, Any]:
    """Entries and scored records of the block shuffle, counted and pickled as they travel."""
    from crosscheck import dask_engine

    claims = extraction.claims
    parts = dask_engine.match_parts(claims, xref_groups, dask_engine.CLAIMS_PER_PARTITION)
    df = dask_engine.add_counts([dask_engine.word_counts(p) for p in parts])
    entries = [dask_engine.entry_partition(p, df) for p in parts]
    n_entries = sum(len(e) for e in entries)
    buckets = 8  # 2 workers x 4
    bounds = dask_engine.boundaries([dask_engine.sample_keys(e, 256) for e in entries], buckets)
    splits = [dask_engine.split_ranges(e, bounds) for e in entries]
    entry_bytes = sum(len(share) for s in splits for share in s)
    runs = [dask_engine.merge_bucket([s[j] for s in splits]) for j in range(len(bounds) + 1)]
    halo = max(dask_engine.pass_windows()) - 1
    heads = [dask_engine.head(r, halo) for r in runs]
    scored = [
        dask_engine.pair_bucket(
            r, dask_engine.halo_of(heads[j + 1 :], halo), dask_engine.pass_windows(), buckets
        )
        for j, r in enumerate(runs)
    ]
    n_scored = sum(len(dask_engine.unpack(share)[0]) for s in scored for share in s)
    scored_bytes = sum(len(share) for s in scored for share in s)
    claim_bytes = len(pickle.dumps(list(claims), protocol=5))
    part_bytes = sum(len(pickle.dumps(p, protocol=5)) for p in parts)
    n = max(1, len(claims))
    return {
        "claims": len(claims),
        "claims_per_article": round(len(claims) / max(1, len(extraction.results)), 2),
        "vocabulary": len(df),
        "df_pickled_bytes": len(pickle.dumps(df, protocol=5)),
        "claim_pickled_bytes": round(claim_bytes / n, 1),
        "map_partition_pickled_bytes_per_claim": round(part_bytes / n, 1),
        "entries_per_claim": round(n_entries / n, 2),
        "shuffled_entry_bytes_per_claim": round(entry_bytes / n, 1),
        "bytes_per_entry": round(entry_bytes / max(1, n_entries), 1),
        "scored_records_per_claim": round(n_scored / n, 2),
        "shuffled_scored_bytes_per_claim": round(scored_bytes / n, 1),
    }


def judge_volume(claims: Any, groups: Any, workers: int) -> dict[str, Any]:
    """What judge's two shuffles move and what reaches the driver (the dask engine's
    routing, replayed here): verdicts, clusters, the claims sent to the findings
    buckets (distinct, and copies: a claim goes to each bucket of its clusters and
    of the events it gives a value), the pickled findings."""
    from crosscheck import dask_engine, judge, match

    candidates, _ = match.match(claims, groups)
    verdicts = judge.pair_verdicts(claims, groups, candidates)
    clusters = judge.verdict_clusters(verdicts)
    routes: dict[str, set[int]] = {}
    for v, cluster in zip(verdicts, clusters, strict=True):
        k = dask_engine.bucket_of(cluster, workers)
        routes.setdefault(v.a, set()).add(k)
        routes.setdefault(v.b, set()).add(k)
    sent = copies = event_claims = 0
    for c in claims:
        dest = set(routes.get(c.claim_id, ()))
        keys = groups.event_keys_of.get(c.claim_id)
        if keys:
            valued = judge.event_value_keys(c, keys)
            event_claims += bool(valued)
            dest |= {dask_engine.event_bucket(k, workers) for k in valued}
        sent += bool(dest)
        copies += len(dest)
    findings = judge.judge(claims, groups, candidates)
    n = max(1, len(claims))
    return {
        "candidates": len(candidates),
        "verdicts": len(verdicts),
        "verdicts_pickled_bytes": len(pickle.dumps(verdicts, protocol=5)),
        "verdict_claims": len(routes),
        "clusters": len(set(clusters)),
        "event_value_claims": event_claims,
        "claims_to_findings_buckets": sent,
        "claims_to_findings_buckets_share": round(sent / n, 3),
        "claim_copies_to_findings_buckets": copies,
        "findings": len(findings),
        "findings_pickled_bytes": len(pickle.dumps(findings, protocol=5)),
    }


def child(args: argparse.Namespace) -> None:
    """One run in this fresh process; prints one JSON object."""
    load_before = os.getloadavg()
    t0 = time.perf_counter()
    from crosscheck import __version__, engine, group, pipeline, report

    t1 = time.perf_counter()
    rss = PhaseRss() if os.path.exists("/proc/self/statm") else None
    if rss is not None:
        rss.phase = "extract"
    scheduler = args.scheduler if args.engine == "dask" else None
    extraction = pipeline.extract(
        [args.input], jobs=args.jobs, engine=args.engine, scheduler=scheduler
    )
    t2 = time.perf_counter()
    rss_extracted = peak_rss()
    xref = engine.run_cross_reference(
        extraction,
        jobs=args.jobs,
        engine=args.engine,
        scheduler=scheduler,
        progress=rss.progress if rss is not None else lambda *a: None,
    )
    t3 = time.perf_counter()
    rss_xref = peak_rss()
    if rss is not None:
        rss.phase = "report"
        _phase_per_report_file(rss)
    report.write_report(args.out, extraction, xref, tool_version=__version__)
    t4 = time.perf_counter()
    by_phase = rss.stop() if rss is not None else {}
    peak = peak_rss()  # before anything below reads the results back (dask: from the workers)
    result: dict[str, Any] = {
        "engine": args.engine,
        "jobs": args.jobs,
        "articles": len(extraction.results),
        "bytes": sum(len(r.article.text.encode("utf-8")) for r in extraction.results),
        "seconds": {
            "import": round(t1 - t0, 2),
            "extract": round(t2 - t1, 2),
            "cross_reference": round(t3 - t2, 2),
            "report": round(t4 - t3, 2),
            "total": round(t4 - t0, 2),
        },
        "driver_peak_rss_mb": round(peak / 1e6, 1),
        "driver_peak_rss_after_extract_mb": round(rss_extracted / 1e6, 1),
        "driver_peak_rss_after_xref_mb": round(rss_xref / 1e6, 1),
        "driver_rss_by_phase_mb": by_phase,
        "load_before": [round(x, 2) for x in load_before],
        "load_after": [round(x, 2) for x in os.getloadavg()],
    }
    if args.engine == "dask":
        from crosscheck import dask_engine

        client = dask_engine.get_client(args.jobs, scheduler)
        peaks = client.run(_worker_peak)
        result["worker_peak_rss_mb"] = sorted(round(v / 1e6, 1) for v in peaks.values())
        assert isinstance(extraction, dask_engine.DaskExtraction)
        held = (
            extraction.rows,
            extraction.manifest,
            extraction.errors,
            extraction.warned_articles,
            extraction.first_ids,
        )
        # (these stream every claim, after the timings)
        claims = extraction.claims
        summary = group.map_claims(claims)
        merged = group.merge(summary)
        tables = group.index(claims)  # the per-claim tables, which stay on the workers
        entries = (xref.speakers, xref.events)
        driver_side = (entries, xref.findings, xref.pairs_compared)

        def mb(value: Any) -> float:
            return round(len(pickle.dumps(value, protocol=5)) / 1e6, 2)

        result["driver_holds_pickled_mb"] = {
            "extraction_driver_side": mb(held),
            "cross_reference": mb(driver_side),
            "group_entries": mb(entries),
            "group_map_distinct_keys": mb(summary),
            "group_merged_tables": mb(merged),
        }
        result["group_distinct_keys"] = {
            "claims": len(claims),
            "person_keys": len(summary.persons),
            "role_holders": len(summary.holders),
            "role_queries": len(summary.role_queries),
            "named_event_keys": len(summary.named),
            "merged_entries": len(merged.roots) + len(merged.role_holders) + len(merged.event_keys),
            "entry_claim_ids": sum(len(e.claims) for e in xref.speakers)
            + sum(len(e.claims) for e in xref.events),
        }
        result["not_held_pickled_mb"] = {
            # the entries' claim ids: on the workers, in the per-claim tables (the
            # driver's entries hold a count, ``group.HeldIds``)
            "group_entry_claim_ids": mb(
                [e.claims for e in tables.speakers] + [e.claims for e in tables.events]
            ),
            "group_per_claim_tables": mb(
                (
                    tables.speaker_of,
                    tables.events_of,
                    tables.speaker_keys_of,
                    tables.event_keys_of,
                )
            ),
            "article_texts": round(
                sum(len(r.article.text.encode("utf-8")) for r in extraction.results) / 1e6, 2
            ),
            "claims": round(len(pickle.dumps(list(extraction.claims), protocol=5)) / 1e6, 2),
        }
        all_claims = extraction.claims
        groups = group.group(all_claims)
        result["shuffle"] = shuffle_volume(extraction, groups)
        result["judge"] = judge_volume(all_claims, groups, len(peaks))
        dask_engine.close_clients()
    else:
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
        result["worker_peak_rss_mb"] = [round(children / 1e6, 1)]
    print(json.dumps(result))


def run_child(
    engine: str, path: Path, jobs: int, out: Path, scheduler: str | None = None
) -> dict[str, Any]:
    cmd = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--child",
        "--engine",
        engine,
        "--jobs",
        str(jobs),
        "--input",
        str(path),
        "--out",
        str(out),
        *(["--scheduler", scheduler] if scheduler else []),
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=ROOT)
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


CLUSTER = """
import sys, time
from distributed import LocalCluster
cluster = LocalCluster(n_workers=int(sys.argv[1]), threads_per_worker=1, processes=True,
                       dashboard_address=None)
print(cluster.scheduler_address, flush=True)
sys.stdin.read()  # until the benchmark closes the pipe
cluster.close()
"""


@contextlib.contextmanager
def external_cluster(jobs: int) -> Iterator[str]:
    """A LocalCluster (scheduler and ``jobs`` workers) in a process of its own."""
    proc = subprocess.Popen(
        [sys.executable, "-c", CLUSTER, str(jobs)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert proc.stdout is not None and proc.stdin is not None
        yield proc.stdout.readline().strip()
    finally:
        if proc.stdin is not None:
            proc.stdin.close()
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()


def same_files(a: Path, b: Path) -> tuple[bool, list[str]]:
    names = sorted({p.name for p in a.iterdir()} | {p.name for p in b.iterdir()})
    differ = [
        n
        for n in names
        if not (a / n).is_file()
        or not (b / n).is_file()
        or (a / n).read_bytes() != (b / n).read_bytes()
    ]
    return not differ, names


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--articles", type=int, nargs="+", default=[1000, 2000])
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--corpus", type=Path)
    p.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--engine", default="local", help=argparse.SUPPRESS)
    p.add_argument("--input", help=argparse.SUPPRESS)
    p.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--scheduler", help=argparse.SUPPRESS)
    p.add_argument(
        "--external-scheduler",
        action="store_true",
        help="run the dask scheduler and workers in a process of their own (as on a\n"
        "cluster): the driver's figures then leave out the scheduler's memory",
    )
    args = p.parse_args()
    if args.child:
        child(args)
        return
    runs = []
    for n in args.articles:
        path = corpus_of(n, args.corpus)
        with tempfile.TemporaryDirectory() as tmp:
            local = run_child("local", path, args.jobs, Path(tmp) / "local")
            if args.external_scheduler:
                with external_cluster(args.jobs) as address:
                    dask = run_child("dask", path, args.jobs, Path(tmp) / "dask", address)
            else:
                dask = run_child("dask", path, args.jobs, Path(tmp) / "dask")
            identical, files = same_files(Path(tmp) / "local", Path(tmp) / "dask")
        runs.append(
            {
                "n": n,
                "corpus": str(path),
                "local": local,
                "dask": dask,
                "identical": identical,
                "files": files,
                "external_scheduler": args.external_scheduler,
            }
        )
    stamp = time.strftime("%Y%m%d-%H%M%S")
    doc = {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "runs": runs,
    }
    text = json.dumps(doc, indent=1)
    (OUT / f"dask-{stamp}.json").write_text(text + "\n")
    (OUT / "dask-latest.json").write_text(text + "\n")
    print(
        "| articles | engine | total s | extract s | xref s | report s | driver peak MB "
        "| worker peak MB | load before/after | identical |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in runs:
        for name in ("local", "dask"):
            x = r[name]
            s = x["seconds"]
            print(
                f"| {r['n']} | {name} | {s['total']} | {s['extract']} | {s['cross_reference']} "
                f"| {s['report']} | {x['driver_peak_rss_mb']} | "
                f"{', '.join(str(v) for v in x['worker_peak_rss_mb'])} "
                f"| {x['load_before'][0]} / {x['load_after'][0]} | {r['identical']} |"
            )
    for r in runs:
        for name in ("local", "dask"):
            print(
                f"{r['n']} {name}: driver peak RSS by phase (MB) {r[name]['driver_rss_by_phase_mb']}"
            )
    for r in runs:
        print(
            f"\n{r['n']} articles, driver holds (pickled MB): {r['dask']['driver_holds_pickled_mb']}"
            f"; not held: {r['dask']['not_held_pickled_mb']}"
        )
        print(f"group's distinct keys: {r['dask']['group_distinct_keys']}")
        print(f"shuffle: {r['dask']['shuffle']}")
        print(f"judge: {r['dask'].get('judge')}")


if __name__ == "__main__":
    main()
