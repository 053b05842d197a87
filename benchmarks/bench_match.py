"""Cross-referencing cost (group + match + judge) against corpus size.

    .venv/bin/python benchmarks/bench_match.py [--corpus PATH] [--sizes 1000,2000,5000,10000]
                                               [--jobs 2] [--repeat 2] [--standin] [--cached]

Extraction runs ONCE on the largest size (``pipeline.extract``, ``--jobs``
processes); then ``group``, ``match`` and ``judge`` are timed on the claims of the
first 1k, 2k, 5k and 10k articles (in the extraction's article order), best of
``--repeat`` runs. The table gives claims, blocks' pairs compared, candidates,
findings, the seconds of each stage, and the time ratio per doubling of the corpus
(the target is <= 2.3: cost must grow about linearly, never with the square of the
corpus).

Wall seconds and CPU seconds (all threads of the process) are both reported: on
a shared machine the CPU figure is the steadier one. ``--cached`` reuses the
extraction pickled by an earlier run (``benchmarks/out/extraction-*.pickle``).

``--standin`` replaces the extracted claims with one narration claim per sentence
(a crude regex split, no times or events): many more claims than the real
extractor gives, for measuring the matcher's scaling while upstream stages are
missing or to stress it.

Corpus: ``--corpus``, else ``../shared/corpora/abp-10k.jsonl.gz`` beside the
repository. Results: Markdown on stdout, JSON in ``benchmarks/out/match-latest.json``.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import math
import pickle
import re
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from crosscheck import group, judge, match, pipeline  # noqa: E402
from crosscheck.records import ArticleResult, Claim  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "abp-10k.jsonl.gz"
_SENT = re.compile(r"[^.!?\n]{20,}[.!?]")


def standin_claims(result: ArticleResult) -> tuple[Claim, ...]:
    a = result.article
    out = []
    for i, m in enumerate(_SENT.finditer(a.text)):
        out.append(
            Claim(
                claim_id=f"{a.id}:s{i}",
                article_id=a.id,
                kind="narration",
                content_start=m.start(),
                content_end=m.end(),
                sentence_start=m.start(),
                sentence_end=m.end(),
                content=m.group(),
                sentence=m.group(),
                outlet=a.outlet,
                published=a.published,
                speaker_type="outlet",
                sentence_index=i,
            )
        )
    return tuple(out)


def _best(fn: Any, repeat: int) -> tuple[Any, float, float]:
    """(value, best wall seconds, CPU seconds of that run: all threads of this process)."""
    best = math.inf
    cpu = math.inf
    value = None
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        value = fn()
        wall = time.perf_counter() - t0
        if wall < best:
            best, cpu = wall, time.process_time() - c0
    return value, best, cpu


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    p.add_argument("--sizes", default="1000,2000,5000,10000")
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--repeat", type=int, default=2)
    p.add_argument("--standin", action="store_true")
    p.add_argument(
        "--cached",
        action="store_true",
        help="reuse benchmarks/out/extraction-CORPUS.pickle from an earlier run",
    )
    args = p.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus {args.corpus} is absent; pass --corpus PATH", file=sys.stderr)
        return 2
    sizes = [int(s) for s in args.sizes.split(",")]

    out = HERE / "out"
    out.mkdir(exist_ok=True)
    cache = out / f"extraction-{args.corpus.name}.pickle"
    t0 = time.perf_counter()
    if args.cached and cache.exists():
        results = pickle.loads(cache.read_bytes())
    else:
        extraction = pipeline.extract([str(args.corpus)], jobs=args.jobs)
        results = list(extraction.results)
        cache.write_bytes(pickle.dumps(results))
    extract_s = time.perf_counter() - t0
    results = results[: max(sizes)]
    # the input stays in memory for every size: keep the garbage collector from
    # rescanning it on every collection (that would time the input, not the stages)
    gc.collect()
    gc.freeze()

    rows: list[dict[str, Any]] = []
    for n in sizes:
        if n > len(results):
            break
        part = results[:n]
        claims: list[Claim] = []
        for r in part:
            claims.extend(standin_claims(r) if args.standin else r.claims)
        gc.collect()
        groups, t_group, c_group = _best(lambda c=claims: group.group(c), args.repeat)
        (cands, compared), t_match, c_match = _best(
            lambda c=claims, g=groups: match.match(c, g, jobs=args.jobs), args.repeat
        )
        findings, t_judge, c_judge = _best(
            lambda c=claims, g=groups, k=cands: judge.judge(c, g, k), args.repeat
        )
        rows.append(
            {
                "articles": n,
                "claims": len(claims),
                "speakers": len(groups.speakers),
                "events": len(groups.events),
                "pairs_compared": compared,
                "candidates": len(cands),
                "findings": len(findings),
                "contradictions": sum(1 for f in findings if f.relation == "contradiction"),
                "group_s": round(t_group, 3),
                "match_s": round(t_match, 3),
                "judge_s": round(t_judge, 3),
                "total_s": round(t_group + t_match + t_judge, 3),
                "cpu_s": round(c_group + c_match + c_judge, 3),
            }
        )
        # free this size's results before the next one is timed
        del groups, cands, findings, claims
    for prev, cur in itertools.pairwise(rows):
        doublings = math.log2(cur["articles"] / prev["articles"])
        ratio = (cur["total_s"] / prev["total_s"]) ** (1 / doublings) if prev["total_s"] else 0.0
        pairs = (cur["pairs_compared"] / max(1, prev["pairs_compared"])) ** (1 / doublings)
        cur["time_per_doubling"] = round(ratio, 2)
        cpu = (cur["cpu_s"] / prev["cpu_s"]) ** (1 / doublings) if prev["cpu_s"] else 0.0
        cur["cpu_per_doubling"] = round(cpu, 2)
        cur["pairs_per_doubling"] = round(pairs, 2)

    res = {
        "corpus": str(args.corpus),
        "standin": args.standin,
        "jobs": args.jobs,
        "extract_s": round(extract_s, 1),
        "rows": rows,
    }
    (out / ("match-standin-latest.json" if args.standin else "match-latest.json")).write_text(
        json.dumps(res, indent=1), encoding="utf-8"
    )
    cols = [
        "articles",
        "claims",
        "pairs_compared",
        "candidates",
        "findings",
        "group_s",
        "match_s",
        "judge_s",
        "total_s",
        "cpu_s",
        "time_per_doubling",
        "cpu_per_doubling",
        "pairs_per_doubling",
    ]
    print(
        f"corpus {args.corpus} ({'stand-in claims' if args.standin else 'extracted claims'}); "
        f"extraction {extract_s:.1f} s, jobs {args.jobs}"
    )
    print("| " + " | ".join(cols) + " |")
    print("|" + "---|" * len(cols))
    for r in rows:
        print("| " + " | ".join(str(r.get(c, "")) for c in cols) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
