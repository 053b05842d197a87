"""Adversarial inputs of growing size through the per-article stages: is time linear?

    .venv/bin/python benchmarks/bench_adversarial.py [--sizes 1,2,4,8] [--cases a,b] [--timeout 120]
    .venv/bin/python benchmarks/bench_adversarial.py --profile CASE [--sizes 2]

Each case builds one article of 1, 2, 4 and 8 MB (``--sizes``, in MB of UTF-8) and
runs ``pipeline.extract_article`` on it (clean, segment, attribute, normalise), the
Article built directly (no ingest), each size in a fresh forked process with a time
limit (best of up to three runs while they take under a second in all). It reports
CPU seconds of the child (immune to other work on a shared machine; the stages are
single-threaded) and wall seconds, CPU seconds per MB, claims found, the child's
peak RSS, and the CPU time ratio per doubling of the size; a ratio above
``SUPERLINEAR`` (2.5) is
flagged, and so is a run that hits the time limit (the larger sizes of that case
are then skipped). ``--profile CASE`` runs one case under pyinstrument and prints
the functions with the most self time, to find the culprit.

Results go to ``benchmarks/out/adversarial-<time>.json`` (and
``adversarial-latest.json``) and a Markdown table on stdout.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import multiprocessing as mp
import resource
import sys
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE))

MB = 1_000_000
SUPERLINEAR = 2.5
NOISE_FLOOR_S = 0.2  # below this the ratio is timer noise, not a trend


def _fill(unit: str, size: int) -> str:
    """``unit`` repeated to ``size`` UTF-8 bytes (cut at a character boundary)."""
    per = len(unit.encode("utf-8"))
    return unit * max(1, size // per)


def _lines(unit: str, size: int, every: int) -> str:
    """``unit`` repeated, a newline after every ``every`` units (paragraph-like)."""
    line = unit * every + "\n\n"
    return _fill(line, size)


# Each case: size in bytes -> article text. All general English, no corpus strings.
CASES: dict[str, Callable[[int], str]] = {
    # one line, no punctuation at all (segmenter, sentence-end search)
    "no_punctuation_line": lambda n: _fill("the talks went on and on without any end in sight ", n),
    # a single token with no spaces or punctuation
    "one_giant_word": lambda n: _fill("x", n),
    # quote marks only, separated by spaces: ~500,000 marks per MB
    "straight_quotes": lambda n: _fill('" ', n),
    # curly quotes, alternating, no text between (pairing logic)
    "curly_quotes": lambda n: _fill("\u201c\u201d ", n),
    # opening quotes that never close, in short sentences on one line
    "unbalanced_quotes": lambda n: _fill('"We will go on, he said. "They will not. ', n),
    # quotes nested ever deeper, never closed
    "nested_quotes": lambda n: _fill("\u201cShe said \u2018he said \u201cthey said \u2018 ", n),
    # quotes in a paragraph-per-line layout (the normal path, at scale)
    "quoted_paragraphs": lambda n: _lines(
        '"The talks will resume in mid-November," the minister told reporters. ', n, 5
    ),
    # a run of capitalised words (name / speaker / event-name patterns)
    "capitalised_run": lambda n: _fill("Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel ", n),
    # capitalised words ending in an event head noun, endlessly
    "event_names": lambda n: _fill("National Dialogue Congress Peace Talks Summit Round ", n),
    # periods and abbreviations with no real sentence end
    "abbreviations": lambda n: _fill("U.S. Dr. Gen. Sept. a.m. e.g. i.e. St. Jr. No. ", n),
    # only periods
    "periods": lambda n: _fill(". ", n),
    # initials, a classic for name regexes
    "initials": lambda n: _fill("J. R. R. T. A. B. C. ", n),
    # "said" everywhere, no speakers or content
    "said_said_said": lambda n: _fill("said ", n),
    # reported speech chains without full stops
    "said_chain": lambda n: _fill("he said that she said that they told reporters that ", n),
    # dates and time expressions back to back (normalise)
    "date_soup": lambda n: _fill(
        "mid-November 2017 late January the end of 2018 early 2019 next week on Tuesday ", n
    ),
    # digits and separators (number and date regexes)
    "number_soup": lambda n: _fill("1,000,000.5 2-3 4/5/2017 10,000 more than 40 ", n),
    "digit_commas": lambda n: _fill("1,", n),
    # whitespace oddities: NBSP, thin space, CR, tabs, and no words
    "whitespace": lambda n: _fill("\u00a0\u2009\r\n\t  \r", n),
    # many short lines (boilerplate / headline detection per line)
    "short_lines": lambda n: _fill("Subscribe\n\u00a9 Photo\nREAD MORE: A Headline Here\n", n),
    # dashes and parentheses (datelines, "- Outlet" headline credits)
    "dashes": lambda n: _fill("WASHINGTON (Agency) - ", n),
    # non-Latin script
    "other_script": lambda n: _fill(
        "\u041f\u0435\u0440\u0435\u0433\u043e\u0432\u043e\u0440\u044b \u0441\u043a\u0430\u0437\u0430\u043b ",
        n,
    ),
}


def _run_case(case: str, size: int, conn: Connection) -> None:
    from crosscheck.pipeline import extract_article
    from crosscheck.records import Article

    text = CASES[case](size)
    article = Article(
        id=f"adv-{case}",
        text=text,
        source=f"adversarial/{case}.txt",
        published=dt.date(2020, 1, 1),
        date_source="header",
    )
    # CPU time of this (single-threaded) process, so other work on a shared machine
    # does not show up as super-linear growth; best of up to 3 runs while under 1 s
    seconds = wall = float("inf")
    spent = 0.0
    for _ in range(3):
        t0, c0 = time.perf_counter(), time.process_time()
        result = extract_article(article)
        took, cpu = time.perf_counter() - t0, time.process_time() - c0
        seconds, wall = min(seconds, cpu), min(wall, took)
        spent += took
        if spent >= 1.0:
            break
    conn.send(
        {
            "seconds": seconds,
            "wall": wall,
            "bytes": len(text.encode("utf-8")),
            "claims": len(result.claims),
            "sentences": result.sentences,
            "peak_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        }
    )
    conn.close()


def measure(case: str, size: int, timeout: float) -> dict[str, Any]:
    """One run in a forked child, killed after ``timeout`` seconds."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_run_case, args=(case, size, child))
    t0 = time.perf_counter()
    proc.start()
    child.close()
    got = parent.poll(timeout)
    if not got:
        proc.kill()
        proc.join()
        return {"timeout": True, "seconds": time.perf_counter() - t0, "bytes": size}
    try:
        row: dict[str, Any] = parent.recv()
    except EOFError:
        proc.join()
        return {"error": f"child died (exit {proc.exitcode})", "bytes": size}
    proc.join()
    if proc.exitcode not in (0, None):
        row["error"] = f"exit {proc.exitcode}"
    return row


def run(cases: list[str], sizes_mb: list[float], timeout: float) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for case in cases:
        prev: dict[str, Any] | None = None
        stopped = False
        for mb in sizes_mb:
            size = int(mb * MB)
            if stopped:
                rows.append({"case": case, "mb": mb, "skipped": True})
                continue
            print(f"{case} {mb} MB ...", file=sys.stderr, flush=True)
            row = measure(case, size, timeout)
            row.update(case=case, mb=mb)
            if row.get("timeout"):
                row["flag"] = f"TIMEOUT > {timeout:.0f} s"
                stopped = True
            elif "error" in row:
                row["flag"] = "ERROR"
            else:
                row["s_per_mb"] = row["seconds"] / (row["bytes"] / MB)
                if prev is not None and "s_per_mb" in prev and prev["seconds"] > 0:
                    ratio = row["seconds"] / prev["seconds"]
                    steps = row["bytes"] / prev["bytes"]
                    per_doubling = ratio ** (1 / max(1e-9, _log2(steps)))
                    row["per_doubling"] = per_doubling
                    if per_doubling > SUPERLINEAR and row["seconds"] >= NOISE_FLOOR_S:
                        row["flag"] = "SUPER-LINEAR"
            rows.append(row)
            prev = row
    return rows


def _log2(x: float) -> float:
    import math

    return math.log2(x) if x > 0 else 0.0


def markdown(rows: list[dict[str, Any]], machine: str) -> str:
    out = io.StringIO()
    w = out.write
    w(f"## Adversarial inputs through extract_article ({machine})\n\n")
    w(
        "| case | MB | CPU s | CPU s/MB | x per doubling | wall s | claims | sentences | peak RSS | flag |\n"
    )
    w("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n")
    for r in rows:
        if r.get("skipped"):
            w(f"| {r['case']} | {r['mb']:g} | skipped after a timeout | | | | | | | |\n")
            continue
        if r.get("timeout") or "error" in r:
            w(
                f"| {r['case']} | {r['mb']:g} | | | | >{r['seconds']:.0f} | | | | {r.get('flag', '')} {r.get('error', '')} |\n"
            )
            continue
        d = r.get("per_doubling")
        w(
            f"| {r['case']} | {r['mb']:g} | {r['seconds']:.2f} | {r['s_per_mb']:.2f} | "
            f"{'' if d is None else f'{d:.2f}'} | {r['wall']:.2f} | {r['claims']:,} | {r['sentences']:,} | "
            f"{r['peak_rss'] / 2**20:,.0f} MiB | {r.get('flag', '')} |\n"
        )
    flagged = [r for r in rows if r.get("flag")]
    w(
        f"\n{len(flagged)} flagged run(s) (ratio per doubling > {SUPERLINEAR} above "
        f"{NOISE_FLOOR_S} s, a timeout, or an error).\n"
    )
    return out.getvalue()


def profile(case: str, size: int) -> str:
    from pyinstrument import Profiler

    from crosscheck.pipeline import extract_article
    from crosscheck.records import Article

    text = CASES[case](size)
    article = Article(id="adv", text=text, published=dt.date(2020, 1, 1), date_source="header")
    prof = Profiler(interval=0.001)
    prof.start()
    extract_article(article)
    session = prof.stop()
    self_time: dict[str, float] = {}
    todo = [session.root_frame()]
    while todo:
        f = todo.pop()
        if f is None:
            continue
        todo.extend(f.children)
        if not f.is_synthetic:
            key = f"{f.function} ({f.file_path_short}:{f.line_no})"
            self_time[key] = self_time.get(key, 0.0) + f.total_self_time
    top = sorted(self_time.items(), key=lambda kv: -kv[1])[:20]
    lines = [f"{case}, {size / MB:g} MB: {session.duration:.2f} s"]
    lines += [f"{s:8.2f} s  {k}" for k, s in top]
    lines.append("")
    lines.append(prof.output_text(unicode=False, color=False))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    from harness import machine

    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default="1,2,4,8", help="sizes in MB (default 1,2,4,8)")
    p.add_argument(
        "--cases", default="", help="comma-separated cases (default: all): " + ", ".join(CASES)
    )
    p.add_argument("--timeout", type=float, default=120.0, help="seconds per run (default 120)")
    p.add_argument("--profile", metavar="CASE", help="profile one case at the first size")
    args = p.parse_args(argv)
    sizes = [float(s) for s in args.sizes.split(",") if s.strip()]
    if args.profile:
        print(profile(args.profile, int(sizes[0] * MB)))
        return 0
    cases = [c.strip() for c in args.cases.split(",") if c.strip()] or list(CASES)
    unknown = [c for c in cases if c not in CASES]
    if unknown:
        p.error(f"unknown case(s): {', '.join(unknown)}")
    m = machine()
    desc = f"{m['cpu']}, {m['usable_cores']} cores, Python {m['python']}, commit {m['commit']}"
    rows = run(cases, sizes, args.timeout)
    text = markdown(rows, desc)
    OUT.mkdir(parents=True, exist_ok=True)
    blob = json.dumps({"machine": m, "sizes_mb": sizes, "rows": rows, "markdown": text}, indent=2)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (OUT / f"adversarial-{stamp}.json").write_text(blob)
    (OUT / "adversarial-latest.json").write_text(blob)
    print(text)
    return 1 if any(r.get("flag") for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
