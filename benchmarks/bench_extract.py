"""Per-article extraction throughput: ingest -> clean -> segment -> attribute -> normalise.

    .venv/bin/python benchmarks/bench_extract.py [--articles 2000] [--jobs N] [--corpus PATH]
                                                 [--profile] [--stages] [--no-bytecode]

``--jobs`` defaults to all usable cores, as ``crosscheck claims`` does.

Copies the first N articles (default 2,000) of ``../shared/corpora/abp-10k.jsonl.gz``
(or ``--corpus``: a .jsonl, .jsonl.gz or folder of .txt) to a temporary
uncompressed JSONL, then runs, each **in a fresh process** timed from its start (so
interpreter start-up, imports and regex compilation are included):

- the ``claims`` command itself, as a user runs it:
  ``crosscheck claims CORPUS --format csv --output FILE --jobs J --quiet``
  (the figure the foundation issue sets a target for), with the CPU seconds of the
  whole process tree (``RUSAGE_CHILDREN``), which other work on a shared machine
  does not inflate the way it inflates wall time;
- ``pipeline.extract`` (every per-article stage, normalise included, and the
  results assembled in one process: what ``report`` runs before cross-referencing).

Prints MB/s (10^6 characters of article text, as read) and articles/s, the claims
found, and the start-up cost on its own.

Bytecode: an installed tool starts from its cached bytecode (``__pycache__``, written
by pip or on the first run). A shell that sets ``PYTHONDONTWRITEBYTECODE`` (this
machine's does) never writes it, so every run of an editable checkout would compile
crosscheck's sources again (about 0.1 s). The benchmark therefore compiles the
package's bytecode first (``compileall``, which writes it whatever that setting), and
says so; ``--no-bytecode`` times the runs without it instead.

``--stages`` also times each per-article stage separately (in this process, after
start-up): clean, segment, attribute, normalise, each over every article.
``--profile`` writes a pyinstrument profile of the extraction to
``benchmarks/out/profile-extract-<time>.txt``.

Without ``../shared`` (and no ``--corpus``) it runs on a generated corpus
(``benchmarks/corpusgen.py``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ABP = SHARED / "corpora" / "abp-10k.jsonl.gz"
OUT = ROOT / "benchmarks" / "out"
PY = sys.executable
# the environment of the timed processes (``--no-bytecode`` adds PYTHONDONTWRITEBYTECODE)
ENV = dict(os.environ)

_CHILD = r"""
import json, sys, time
t0 = time.perf_counter()
from crosscheck import pipeline
t_import = time.perf_counter() - t0
ex = pipeline.extract([sys.argv[1]], jobs=int(sys.argv[2]))
elapsed = time.perf_counter() - t0
chars = sum(len(r.article.text) for r in ex.results)
claims = ex.claims
print(json.dumps({
    "seconds_in_process": elapsed,
    "import_seconds": t_import,
    "articles": len(ex.results),
    "skipped": len(ex.errors),
    "chars": chars,
    "claims": len(claims),
    "attributed": sum(1 for c in claims if c.kind == "attributed"),
    "narration": sum(1 for c in claims if c.kind == "narration"),
    "headline": sum(1 for c in claims if c.kind == "headline"),
}))
"""


def _records(corpus: Path | None, n: int) -> list[dict[str, object]]:
    if corpus is not None and corpus.is_dir():
        files = sorted(corpus.rglob("*.txt"))[:n]
        return [{"id": f.stem, "content_original": f.read_text(encoding="utf-8")} for f in files]
    path = corpus or ABP
    if path.exists():
        opener = gzip.open if path.suffix == ".gz" else open
        out: list[dict[str, object]] = []
        with opener(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                if len(out) >= n:
                    break
                if line.strip():
                    out.append(json.loads(line))
        return out
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import corpusgen

    return list(corpusgen.generate(n))  # generated news-like articles


def _run_child(path: Path, jobs: int) -> tuple[float, dict[str, float]]:
    start = time.perf_counter()
    proc = subprocess.run(
        [PY, "-c", _CHILD, str(path), str(jobs)],
        cwd=ROOT,
        env=ENV,
        capture_output=True,
        text=True,
        check=True,
    )
    wall = time.perf_counter() - start
    return wall, json.loads(proc.stdout.strip().splitlines()[-1])


def _run_cli(path: Path, jobs: int, out: Path) -> tuple[float, float]:
    """Wall and CPU seconds (the process tree) of ``crosscheck claims`` on ``path``."""
    exe = Path(PY).with_name("crosscheck")
    cmd = [str(exe)] if exe.exists() else [PY, "-c", "from crosscheck.cli import main; main()"]
    cmd += ["claims", str(path), "--format", "csv", "--output", str(out)]
    cmd += ["--jobs", str(jobs), "--quiet"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, env=ENV, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def _compile_bytecode() -> None:
    """Write crosscheck's ``__pycache__`` (as an installed tool has it)."""
    subprocess.run([PY, "-m", "compileall", "-q", str(ROOT / "crosscheck")], cwd=ROOT, check=True)


def _drop_bytecode() -> None:
    """Remove crosscheck's ``__pycache__`` folders (``--no-bytecode``)."""
    import shutil

    for cache in (ROOT / "crosscheck").rglob("__pycache__"):
        shutil.rmtree(cache)


def _startup() -> float:
    start = time.perf_counter()
    subprocess.run([PY, "-c", "import crosscheck.pipeline"], cwd=ROOT, env=ENV, check=True)
    return time.perf_counter() - start


def _stages(path: Path) -> list[tuple[str, float]]:
    sys.path.insert(0, str(ROOT))
    from crosscheck import attribute, clean, ingest, normalise, segment
    from crosscheck.records import Article

    arts = [a for a in ingest.read([str(path)], ingest.IngestOptions()) if isinstance(a, Article)]
    out: list[tuple[str, float]] = []
    t = time.perf_counter()
    cleaned = [clean.clean(a) for a in arts]
    out.append(("clean", time.perf_counter() - t))
    t = time.perf_counter()
    sents = [segment.segment(a) for a in cleaned]
    out.append(("segment", time.perf_counter() - t))
    t = time.perf_counter()
    claims = [attribute.attribute(a, s) for a, s in zip(cleaned, sents, strict=True)]
    out.append(("attribute", time.perf_counter() - t))
    t = time.perf_counter()
    for a, c in zip(cleaned, claims, strict=True):
        normalise.normalise(a, c)
    out.append(("normalise", time.perf_counter() - t))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    ap.add_argument("--corpus", type=Path, default=None)
    ap.add_argument("--repeat", type=int, default=3, help="runs; the best is reported")
    ap.add_argument("--stages", action="store_true")
    ap.add_argument("--profile", action="store_true")
    ap.add_argument(
        "--no-bytecode",
        action="store_true",
        help="time the runs without crosscheck's cached bytecode (see the docstring)",
    )
    args = ap.parse_args()
    if args.no_bytecode:
        _drop_bytecode()
        ENV["PYTHONDONTWRITEBYTECODE"] = "1"
    else:
        _compile_bytecode()
    bytecode = "none: sources compiled on every start" if args.no_bytecode else "cached"

    records = _records(args.corpus, args.articles)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for r in records:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        startup = min(_startup() for _ in range(3))
        cli = [
            _run_cli(path, args.jobs, Path(tmp) / "claims.csv") for _ in range(max(1, args.repeat))
        ]
        cli_wall, cli_cpu = min(cli)
        runs = [_run_child(path, args.jobs) for _ in range(max(1, args.repeat))]
        wall, info = min(runs, key=lambda r: r[0])
        mb = info["chars"] / 1e6
        print(
            f"# bench_extract: {int(info['articles'])} articles, {mb:.2f} MB of text, jobs={args.jobs}"
        )
        print()
        print("| measure | value |")
        print("|---|---|")
        print(f"| crosscheck's bytecode | {bytecode} |")
        print(
            f"| `crosscheck claims --format csv`, wall (best of {len(cli)}) | {cli_wall:.2f} s: "
            f"**{mb / cli_wall:.2f} MB/s** |"
        )
        print(
            f"| `crosscheck claims`, CPU of the process tree (same run) | {cli_cpu:.2f} s: "
            f"{mb / cli_cpu:.2f} MB per CPU-second |"
        )
        print(
            f"| `crosscheck claims`, all runs: wall s / CPU s | {', '.join(f'{w:.2f}/{c:.2f}' for w, c in cli)} |"
        )
        print(
            f"| `pipeline.extract`, wall, process start to finish (best of {len(runs)}) | {wall:.2f} s |"
        )
        print(
            f"| throughput, start-up included | **{mb / wall:.2f} MB/s**, {info['articles'] / wall:.0f} articles/s |"
        )
        print(
            f"| throughput, in-process (after interpreter start) | {mb / info['seconds_in_process']:.2f} MB/s |"
        )
        print(f"| interpreter + `import crosscheck.pipeline` | {startup:.2f} s |")
        print(
            f"| claims | {int(info['claims'])} ({int(info['attributed'])} attributed, {int(info['narration'])} narration, {int(info['headline'])} headline) |"
        )
        print(f"| skipped records | {int(info['skipped'])} |")
        print(f"| all runs (s) | {', '.join(f'{w:.2f}' for w, _ in runs)} |")
        if args.stages:
            print()
            print("| stage (in process) | seconds | MB/s |")
            print("|---|---|---|")
            for name, sec in _stages(path):
                print(f"| {name} | {sec:.2f} | {mb / sec:.1f} |")
        if args.profile:
            OUT.mkdir(parents=True, exist_ok=True)
            stamp = time.strftime("%Y%m%d-%H%M%S")
            target = OUT / f"profile-extract-{stamp}.txt"
            code = (
                "import sys\nfrom pyinstrument import Profiler\np=Profiler()\np.start()\n"
                "from crosscheck import pipeline\npipeline.extract([sys.argv[1]])\np.stop()\n"
                "open(sys.argv[2],'w').write(p.output_text(unicode=False, color=False))\n"
            )
            subprocess.run([PY, "-c", code, str(path), str(target)], cwd=ROOT, check=True)
            print(f"\nprofile: {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
