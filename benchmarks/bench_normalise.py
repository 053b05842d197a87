"""Normalise stage throughput: times, quantities, places and events, apart and together.

    .venv/bin/python benchmarks/bench_normalise.py [--articles 1000] [--repeat 3]

For the first N articles of ``../shared/corpora/abp-10k.jsonl.gz`` (and all 804 of
``fakes-syria.csv``), after clean and segment, it times (CPU seconds of this process,
best of ``--repeat``; MB = 10^6 characters of article text, one core):

- each extractor as ``normalise`` runs it, once over every article: ``timex.scan``
  plus the resolution of every sentence's expressions (as if every sentence held a
  claim), ``quantities.find_quantities`` (time spans excluded: includes a second time
  scan), ``places.find_places`` and ``events.find_events``;
- the one pass ``normalise`` makes for the words and numbers that quantities,
  events, places and times look for (``normalise._words``; the extractors above make
  their own passes when called alone);
- ``normalise.normalise`` itself with one narration claim per sentence (the same
  worst case, through the stage's own caching);
- ``normalise.normalise`` on the claims the attribute stage really finds.

It also prints how many expressions each extractor found. Without ``../shared`` it
says so and exits.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from crosscheck import attribute, clean, events, normalise, places, quantities, segment, timex  # noqa: E402
from crosscheck.records import Article, Claim, Sentence  # noqa: E402


def load_abp(n: int) -> list[Article]:
    out = []
    with gzip.open(SHARED / "corpora" / "abp-10k.jsonl.gz", "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= n:
                break
            rec = json.loads(line)
            out.append(Article(id=str(rec["ID"]), text=rec.get("content_original") or ""))
    return out


def load_fakes() -> list[Article]:
    csv.field_size_limit(10**8)
    with (SHARED / "corpora" / "fakes-syria.csv").open(encoding="utf-8", newline="") as fh:
        return [
            Article(id=row["unit_id"], text=row["article_content"] or "")
            for row in csv.DictReader(fh)
        ]


def best(fn: Callable[[], int], repeat: int) -> tuple[float, int]:
    times, count = [], 0
    for _ in range(repeat):
        t = time.process_time()
        count = fn()
        times.append(time.process_time() - t)
    return min(times), count


def narration(article: Article, sentences: list[Sentence]) -> list[Claim]:
    return [
        Claim(
            claim_id=f"{article.id}-{s.index}",
            article_id=article.id,
            kind="narration",
            content_start=s.start,
            content_end=s.end,
            sentence_start=s.start,
            sentence_end=s.end,
        )
        for s in sentences
    ]


def run(name: str, raw: list[Article], repeat: int) -> None:
    arts = [clean.clean(a) for a in raw]
    sents = [list(segment.segment(a)) for a in arts]
    mb = sum(len(a.text) for a in arts) / 1e6
    all_claims = [narration(a, s) for a, s in zip(arts, sents, strict=True)]
    real_claims = [list(attribute.attribute(a, s)) for a, s in zip(arts, sents, strict=True)]

    def t_times() -> int:
        n = 0
        for a, ss in zip(arts, sents, strict=True):
            raws = timex.scan(a.view)
            starts = [r.start for r in raws]
            for s in ss:
                n += len(
                    timex.resolve_span(raws, starts, a.view, s.start, s.end, a.published, "header")
                )
        return n

    def t_quantities() -> int:
        return sum(
            len(
                quantities.find_quantities(
                    a.view, exclude=[(r.start, r.end) for r in timex.scan(a.view)]
                )
            )
            for a in arts
        )

    def t_places() -> int:
        return sum(len(places.find_places(a.view)) for a in arts)

    def t_events() -> int:
        return sum(len(events.find_events(a.view)) for a in arts)

    def t_words() -> int:
        return sum(len(normalise._words(a.view).numbers) for a in arts)

    def t_stage(claims: list[list[Claim]]) -> Callable[[], int]:
        def go() -> int:
            return sum(len(normalise.normalise(a, cs)) for a, cs in zip(arts, claims, strict=True))

        return go

    rows = [
        ("times (scan + resolve all sentences)", t_times),
        ("quantities incl. times", t_quantities),
        ("places", t_places),
        ("events", t_events),
        ("shared word pass of normalise (numbers found)", t_words),
        ("normalise, every sentence a claim", t_stage(all_claims)),
        ("normalise, attribute's claims", t_stage(real_claims)),
    ]
    print(f"\n### {name}: {len(arts)} articles, {mb:.2f} MB\n")
    print("| what | CPU s | MB/s | found |")
    print("|---|---:|---:|---:|")
    for label, fn in rows:
        secs, count = best(fn, repeat)
        print(f"| {label} | {secs:.2f} | {mb / secs:.1f} | {count} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    if not (SHARED / "corpora").exists():
        print(f"{SHARED / 'corpora'} is absent: nothing to measure")
        return
    run("fakes-syria.csv", load_fakes(), args.repeat)
    run(f"abp-10k (first {args.articles})", load_abp(args.articles), args.repeat)


if __name__ == "__main__":
    main()
