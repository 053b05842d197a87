"""Sentence segmentation: crosscheck's splitter vs pysbd vs a naive regex.

    .venv/bin/python benchmarks/bench_segment.py [--articles 2000] [--pysbd-sample 100]

Measures, for each candidate:

(a) the English "Golden Rules" of the Pragmatic Segmenter (the 48 cases pysbd tests,
    in ``tests/test_segment.py``): how many each passes;
(b) speed in MB/s (10^6 characters of article text per second, one core) on the
    first N articles of ``../shared/corpora/abp-10k.jsonl.gz`` (field
    content_original); pysbd only on a sample (it runs at about 0.1 MB/s);
(c) agreement with pysbd on that sample: sentence-end positions found by both
    (precision and recall of crosscheck's ends against pysbd's, and F1), and the
    share of articles segmented identically;
(d) adversarial inputs (a 1 MB line without punctuation, 200,000 periods or quote
    marks...): seconds each, which must stay small (linear time).

Without ``../shared`` it runs on generated articles (``benchmarks/corpusgen.py``).
Prints a Markdown report on stdout.
"""

from __future__ import annotations

import argparse
import bisect
import gzip
import importlib.util
import itertools
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ABP = SHARED / "corpora" / "abp-10k.jsonl.gz"

sys.path.insert(0, str(ROOT))

from crosscheck.records import Article  # noqa: E402
from crosscheck.segment import segment  # noqa: E402

Spans = list[tuple[int, int]]

# --------------------------------------------------------------------------- candidates

# The provisional splitter crosscheck started with: runs of text up to . ! ? or a newline.
_NAIVE = re.compile(r"[^\n.!?]+(?:[.!?]+[\"'\u201d\u2019]*|\n|$)")


def naive_spans(text: str) -> Spans:
    out: Spans = []
    for m in _NAIVE.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def crosscheck_spans(text: str) -> Spans:
    return [(s.start, s.end) for s in segment(Article(id="b", text=text))]


def make_pysbd() -> Callable[[str], Spans] | None:
    try:
        import pysbd
    except ImportError:
        return None
    seg = pysbd.Segmenter(language="en", clean=False, char_span=False)

    def pysbd_spans(text: str) -> Spans:
        # pysbd returns strings; place them in the text in order (it keeps the text
        # as is with clean=False), trimmed like the others
        out: Spans = []
        cursor = 0
        for sent in seg.segment(text):
            core = sent.strip()
            if not core:
                continue
            at = text.find(core, cursor)
            if at < 0:
                continue
            out.append((at, at + len(core)))
            cursor = at + len(core)
        return out

    return pysbd_spans


def sentences(spans_of: Callable[[str], Spans], text: str) -> list[str]:
    return [text[s:e] for s, e in spans_of(text)]


# --------------------------------------------------------------------------- data


def load_golden() -> tuple[list[tuple[str, str, list[str]]], dict[str, str]]:
    path = ROOT / "tests" / "test_segment.py"
    spec = importlib.util.spec_from_file_location("_golden_cases", path)
    assert spec is not None and spec.loader is not None
    sys.path.insert(0, str(ROOT / "tests"))  # test_segment imports conftest
    module: ModuleType = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.GOLDEN_EN, module.GOLDEN_EN_GAPS


def load_articles(n: int) -> tuple[list[str], str]:
    if ABP.exists():
        texts: list[str] = []
        with gzip.open(ABP, "rt", encoding="utf-8") as f:
            for line in itertools.islice(f, n):
                texts.append(str(json.loads(line).get("content_original") or ""))
        return texts, f"first {len(texts)} articles of {ABP.name}"
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from corpusgen import generate

    texts = [str(a["text"]) for a in generate(n, seed=7)]
    return texts, f"{len(texts)} generated articles (../shared absent)"


# --------------------------------------------------------------------------- measures


def golden_passes(
    spans_of: Callable[[str], Spans], cases: list[tuple[str, str, list[str]]]
) -> tuple[int, list[str]]:
    failed = [ident for ident, text, expected in cases if sentences(spans_of, text) != expected]
    return len(cases) - len(failed), failed


def speed(spans_of: Callable[[str], Spans], texts: list[str], repeat: int = 1) -> tuple[float, int]:
    chars = sum(len(t) for t in texts)
    best = float("inf")
    count = 0
    for _ in range(repeat):
        start = time.perf_counter()
        count = sum(len(spans_of(t)) for t in texts)
        best = min(best, time.perf_counter() - start)
    return chars / best / 1e6, count


def agreement(
    ours: Callable[[str], Spans], theirs: Callable[[str], Spans], texts: list[str]
) -> dict[str, float]:
    """Sentence ends found by ``ours`` against those of ``theirs``.

    ``in_quote`` is the share of ours-only ends that fall inside a sentence of theirs
    that has an opening quote mark before the end: pysbd keeps a quotation as one
    sentence by design, crosscheck splits it into its sentences.
    """
    both = mine = their = same = extra = extra_quoted = 0
    for text in texts:
        theirs_spans = theirs(text)
        a = {e for _, e in ours(text)}
        b = {e for _, e in theirs_spans}
        both += len(a & b)
        mine += len(a)
        their += len(b)
        same += a == b
        starts = [s for s, _ in theirs_spans]
        for e in a - b:
            extra += 1
            i = bisect.bisect_right(starts, e) - 1
            if i >= 0 and any(q in text[starts[i] : e] for q in '\u201c"\u2018'):
                extra_quoted += 1
    p = both / mine if mine else 0.0
    r = both / their if their else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": p,
        "recall": r,
        "f1": f,
        "identical": same / len(texts) if texts else 0.0,
        "in_quote": extra_quoted / extra if extra else 0.0,
    }


ADVERSARIAL: list[tuple[str, str]] = [
    ("1 MB line, no punctuation", "word " * 200_000),
    ("200,000 periods", "." * 200_000),
    ("200,000 spaced periods", ". " * 200_000),
    ("200,000 quote marks", "He said." + '"' * 200_000 + " Then."),
    ("200,000 '.\" '", '." ' * 200_000),
    ("200,000 newlines", "\n" * 200_000),
    ("200,000 bullets", "\u2022" * 200_000),
    ("200,000 single-letter lines", "a\n" * 200_000),
    ("100,000 'Mr. '", "Mr. " * 100_000 + "Smith."),
    ("100,000 sentences 'A b. '", "A b. " * 100_000),
]


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--pysbd-sample", type=int, default=100)
    ap.add_argument("--big", action="store_true", help="also time one 50 MB article")
    args = ap.parse_args()

    golden, gaps = load_golden()
    texts, label = load_articles(args.articles)
    sample = texts[: args.pysbd_sample]
    pysbd_spans = make_pysbd()
    candidates: dict[str, Callable[[str], Spans]] = {
        "crosscheck": crosscheck_spans,
        "naive regex": naive_spans,
    }
    if pysbd_spans is not None:
        candidates["pysbd 0.3"] = pysbd_spans

    print("# Sentence segmentation benchmark\n")
    print(f"Corpus: {label}, {sum(len(t) for t in texts) / 1e6:.1f} M characters; ")
    print(
        f"pysbd sample: first {len(sample)} articles, {sum(len(t) for t in sample) / 1e6:.2f} M characters.\n"
    )
    print("| splitter | golden rules passed | MB/s (corpus) | MB/s (sample) | sentences (corpus) |")
    print("|---|---|---|---|---|")
    failures: dict[str, list[str]] = {}
    for name, fn in candidates.items():
        passed, failed = golden_passes(fn, golden)
        failures[name] = failed
        sample_speed, _ = speed(fn, sample, repeat=1 if name.startswith("pysbd") else 3)
        if name.startswith("pysbd"):
            corpus_speed, count_s = float("nan"), "-"
        else:
            corpus_speed, count = speed(fn, texts, repeat=3)
            count_s = f"{count:,}"
        print(
            f"| {name} | {passed}/{len(golden)} | "
            f"{'-' if corpus_speed != corpus_speed else f'{corpus_speed:.1f}'} | "
            f"{sample_speed:.2f} | {count_s} |"
        )
    print()
    for name, failed in failures.items():
        print(f"- {name} fails: {', '.join(failed) or 'none'}")
    print(f"- crosscheck's known gaps (xfail in tests): {', '.join(sorted(gaps)) or 'none'}\n")

    if pysbd_spans is not None:
        print("## Agreement with pysbd on the sample (sentence-end positions)\n")
        print(
            "| splitter | precision | recall | F1 | articles identical "
            "| extra ends inside a quotation |"
        )
        print("|---|---|---|---|---|---|")
        for name in ("crosscheck", "naive regex"):
            a = agreement(candidates[name], pysbd_spans, sample)
            print(
                f"| {name} | {a['precision']:.3f} | {a['recall']:.3f} | {a['f1']:.3f} | "
                f"{a['identical']:.0%} | {a['in_quote']:.0%} |"
            )
        print()

    print("## Adversarial inputs (crosscheck)\n")
    print("| input | characters | seconds | sentences |")
    print("|---|---|---|---|")
    cases = list(ADVERSARIAL)
    if args.big:
        cases.append(("50 MB article (abp text repeated)", ("\n\n".join(texts) * 10)[:50_000_000]))
    for name, text in cases:
        start = time.perf_counter()
        n = len(segment(Article(id="adv", text=text)))
        print(f"| {name} | {len(text):,} | {time.perf_counter() - start:.3f} | {n:,} |")


if __name__ == "__main__":
    main()
