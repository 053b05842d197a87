"""A long fuzz campaign over crosscheck, outside the normal test run.

Three fuzzers, round-robin until the time budget or the input budget is spent:

1. **hypothesis** — the strategies of ``tests/test_properties.py`` (arbitrary text with NBSP, CR,
   every quote mark, ©, Cyrillic, control characters; and news-like text built from speakers,
   cues, quotes, dates, numbers and boilerplate), run in batches with ``max_examples`` each,
   ``deadline=None`` and an example database in ``benchmarks/out/fuzz-hypothesis-db``.
2. **mutate** — mutational fuzzing of the five seed texts: random byte flips, insertions of quote
   marks, NBSP, CR/LF, very long tokens, ``said``/``according to``, date phrases, deletions,
   duplications and splices between seeds.
3. **ingest** — mutated bytes written to ``.txt``, ``.jsonl`` and ``.csv`` files and read through
   ``pipeline.extract`` (decoding, date headers, JSON lines, CSV rows).

Every few inputs a small corpus (2-5 of the latest texts) also goes through ``cross_reference``,
checked for unique ids, findings that cite known claims, and order independence.

Each input is checked with the invariants of the test suite (``conftest.check_offsets``): no
exception, every reported string is the slice of the text at its offsets, content inside the
sentence, unique claim ids, identical second run (sampled). An input running longer than
``--hang`` seconds counts as a hang. Crashes are grouped by signature (exception type and the
innermost ``crosscheck/`` frame), the smallest input per signature is kept, then minimised by
delta debugging.

Run (from the repository root; stays under 10 minutes by default):

    .venv/bin/python benchmarks/fuzz.py                       # 9 minutes, all fuzzers
    .venv/bin/python benchmarks/fuzz.py --minutes 30 --seed 7  # longer, another seed
    .venv/bin/python benchmarks/fuzz.py --fuzzers mutate,ingest --max-inputs 20000
    .venv/bin/python benchmarks/fuzz.py --replay               # re-run saved crashes: fixed yet?

Results: ``benchmarks/out/fuzz-<time>.json`` and ``fuzz-latest.json`` (inputs tried per fuzzer,
crashes with signature, owner module, message and minimal repro) and one file per crash in
``benchmarks/out/fuzz-crashes/<signature-hash>.json`` (what ``--replay`` reads). Exit status 1
when a crash was found (or, with ``--replay``, when a saved crash still reproduces).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import importlib
import json
import random
import signal
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
CRASHES = OUT / "fuzz-crashes"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # conftest (invariants) and test_properties (strategies)

from crosscheck import pipeline  # noqa: E402
from crosscheck.ingest import IngestOptions  # noqa: E402
from crosscheck.records import Article, ArticleResult  # noqa: E402

conftest = importlib.import_module("conftest")
check_offsets: Callable[[Article, ArticleResult], None] = conftest.check_offsets

# --------------------------------------------------------------------------- crash bookkeeping


class Hang(Exception):
    """An input ran longer than the hang limit."""


@contextmanager
def limit(seconds: float) -> Iterator[None]:
    def expired(signum: int, frame: FrameType | None) -> None:
        raise Hang(f"still running after {seconds:.0f} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def signature(exc: BaseException) -> tuple[str, str]:
    """(signature, owner module): exception type + innermost crosscheck frame."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "/crosscheck/" in f.filename.replace("\\", "/")]
    if isinstance(exc, AssertionError):
        # an invariant failed: attribute it to the check that failed
        where = next(
            (f for f in reversed(frames) if f.filename.endswith(("conftest.py", "fuzz.py"))), None
        )
        loc = f"{Path(where.filename).name}:{where.lineno}" if where else "assert"
        return f"AssertionError@{loc}", "invariant"
    if isinstance(exc, Hang):
        return "Hang", ours[-1].filename.rsplit("/", 1)[-1] if ours else "?"
    if ours:
        f = ours[-1]
        module = f.filename.replace("\\", "/").rsplit("/crosscheck/", 1)[-1]
        return f"{type(exc).__name__}@{module}:{f.lineno}", module
    return f"{type(exc).__name__}@?", "?"


@dataclasses.dataclass
class Crash:
    signature: str
    module: str
    kind: str  # article | corpus | ingest-txt | ingest-jsonl | ingest-csv
    exception: str
    message: str
    traceback: str
    repro: Any  # the input: str, list[str] or bytes (as latin-1 str)
    size: int
    fuzzer: str
    count: int = 1
    minimised: bool = False
    original: Any = None  # the input as found, before minimisation (kept when <= 200,000 chars)

    def key(self) -> str:
        return hashlib.sha256(self.signature.encode()).hexdigest()[:12]


class Campaign:
    def __init__(self, hang: float, rng: random.Random) -> None:
        self.hang = hang
        self.rng = rng
        self.tried: dict[str, int] = {}
        self.crashes: dict[str, Crash] = {}
        self.recent: list[str] = []

    # ---------------------------------------------------------------- one input

    def run(self, fuzzer: str, kind: str, payload: Any) -> None:
        self.tried[fuzzer] = self.tried.get(fuzzer, 0) + 1
        try:
            with limit(self.hang):
                EXECUTE[kind](payload, self.rng.random() < 0.05)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:
            self.record(fuzzer, kind, payload, exc)

    def record(self, fuzzer: str, kind: str, payload: Any, exc: BaseException) -> None:
        sig, module = signature(exc)
        size = len(payload) if not isinstance(payload, list) else sum(map(len, payload))
        old = self.crashes.get(sig)
        if old is not None:
            old.count += 1
            if size >= old.size:
                return
        crash = Crash(
            signature=sig,
            module=module,
            kind=kind,
            exception=type(exc).__name__,
            message=str(exc)[:500],
            traceback="".join(traceback.format_exception(exc))[-4000:],
            repro=payload,
            size=size,
            fuzzer=fuzzer,
            count=old.count if old else 1,
        )
        self.crashes[sig] = crash
        if old is None:
            print(f"  crash #{len(self.crashes)}: {sig} ({fuzzer}, {size} chars)", flush=True)


# --------------------------------------------------------------------------- executing inputs


def run_article(text: str, again: bool) -> None:
    article = Article(id="fuzz", text=text, source="fuzz.txt")
    result = pipeline.extract_article(article)
    check_offsets(article, result)
    if again:
        assert pipeline.extract_article(article) == result, "second run differs"


def run_corpus(texts: list[str], again: bool) -> None:
    results = [
        pipeline.extract_article(Article(id=f"f{i}", text=t, source=f"f{i}.txt"))
        for i, t in enumerate(texts)
    ]
    extraction = pipeline.assemble(results)
    xref = pipeline.cross_reference(extraction)
    ids = [c.claim_id for c in extraction.claims]
    assert len(ids) == len(set(ids)), "claim ids collide across articles"
    fids = [f.id for f in xref.findings]
    assert len(fids) == len(set(fids)), "finding ids collide"
    known = set(ids)
    for f in xref.findings:
        assert set(f.claims) <= known, f"finding {f.id} cites unknown claims"
    shuffled = pipeline.assemble(results[::-1])
    assert shuffled == extraction, "assemble depends on input order"
    assert pipeline.cross_reference(shuffled) == xref, "cross_reference depends on input order"
    check_reports(extraction, xref)


FORMULA = ("=", "+", "-", "@", "\t", "\r")


def check_reports(extraction: Any, xref: Any) -> None:
    """Every listing in every format, and every report file: no crash, parsable, inert CSV."""
    import csv
    import io

    from crosscheck import report

    for kind in report.KINDS:
        rows = report.rows(kind, extraction, xref)
        for fmt in report.FORMATS:
            if fmt == "claimreview":
                continue
            out = report.render(kind, rows, fmt)
            out.encode("utf-8")  # what writing it does: no lone surrogate may get this far
            if fmt == "jsonl":
                lines = [ln for ln in out.split("\n") if ln.strip()]  # JSON Lines: \n only
                assert len(lines) == len(rows), kind
                for line in lines:
                    json.loads(line)
            elif fmt == "json":
                assert len(json.loads(out)) == len(rows), kind
            elif fmt == "csv":
                csv.field_size_limit(sys.maxsize)  # claims can be long; Python's default is 128 KiB
                parsed = list(csv.reader(io.StringIO(out, newline="")))
                assert len(parsed) == len(rows) + 1, (
                    f"{kind}: CSV rows {len(parsed)} != {len(rows)} + 1"
                )
                for record in parsed:
                    for cell in record:
                        head = cell.lstrip(" ")
                        if head[:1] in FORMULA and not _is_number(cell):
                            raise AssertionError(f"live formula cell in {kind} CSV: {cell[:80]!r}")
    files = report.report_files(extraction, xref)
    for text in files.values():
        text.encode("utf-8")
    json.loads(files["report.json"])
    data = report.build_report(extraction, xref)
    json.loads(report.render_document(data, "claimreview"))


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _run_ingest(data: bytes, suffix: str, again: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="fuzz-") as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(data)
        extraction = pipeline.extract([str(path)], IngestOptions(), jobs=1)
        for r in extraction.results:
            check_offsets(dataclasses.replace(r.article, view="", zones=()), r)
        accounted = len(extraction.results) + len(extraction.errors)
        assert accounted >= 1, "an input file vanished: neither processed nor skipped"
        assert len(extraction.manifest) >= accounted, "manifest misses inputs"
        if extraction.results:  # what was read must also be reportable
            check_reports(extraction, pipeline.cross_reference(extraction))


def _latin(payload: str) -> bytes:
    return payload.encode("latin-1")


EXECUTE: dict[str, Callable[[Any, bool], None]] = {
    "article": run_article,
    "corpus": run_corpus,
    "ingest-txt": lambda p, a: _run_ingest(_latin(p), ".txt", a),
    "ingest-jsonl": lambda p, a: _run_ingest(_latin(p), ".jsonl", a),
    "ingest-csv": lambda p, a: _run_ingest(_latin(p), ".csv", a),
}

# --------------------------------------------------------------------------- mutations

INSERTS = [
    '"',
    "\u201c",
    "\u201d",
    "\u2018",
    "\u2019",
    "'",
    "\u00ab",
    "\u00bb",
    "\u201e",
    "\u00a0",
    "\u2009",
    "\u202f",
    "\r",
    "\n",
    "\r\n",
    "\n\n",
    "\t",
    "\ufeff",
    "\u200b",
    "\u2028",
    "\x00",
    "\x85",
    "\u00a9 ",
    ". ",
    "? ",
    "!",
    ", ",
    " - ",
    " \u2014 ",
    ":",
    " said ",
    " told reporters ",
    " according to ",
    " said, \u201c",
    "\u201d he said.",
    " in mid-November ",
    " late January 2018 ",
    " by the end of 2018 ",
    " on Tuesday ",
    " more than 1,000 ",
    " about 40 ",
    " Dr. ",
    " U.S. ",
    " Mr. J. ",
    "READ MORE: ",
    "\ndate 2018-12-19 X\n",
    "date 2017-02-30\n",
    " Syrian National Dialogue Congress ",
    " the Congress ",
    " he ",
    " the ministry ",
    " not ",
    " no ",
    " \u0421\u043e\u0447\u0438 ",
    # spreadsheet formula triggers, to reach the CSV neutralisation
    '\n=HYPERLINK("http://x")',
    ' said "+1 ',
    " said: @SUM(1) ",
    "\t=1+1",
    " -2 ",
    "\n\r=cmd",
]


def long_token(rng: random.Random) -> str:
    unit = rng.choice(
        ["a", "A", '"', "\u201c", ".", " ", "said ", "\u00a0", "\n", "-", "1", "Mr. "]
    )
    return unit * rng.choice([10, 100, 100, 1000, 1000, 10_000, 50_000])


def mutate_text(text: str, rng: random.Random, seeds: list[str]) -> str:
    for _ in range(rng.choice([1, 1, 2, 3, 5, 10, 30])):
        op = rng.randrange(8)
        pos = rng.randint(0, len(text))
        if op == 0:  # insert a tricky piece
            text = text[:pos] + rng.choice(INSERTS) + text[pos:]
        elif op == 1 and text:  # delete a span
            end = min(len(text), pos + rng.choice([1, 2, 10, 100, 1000]))
            text = text[:pos] + text[end:]
        elif op == 2 and text:  # duplicate a span
            end = min(len(text), pos + rng.choice([5, 50, 500]))
            text = text[:pos] + text[pos:end] * rng.randint(2, 5) + text[pos:]
        elif op == 3 and rng.random() < 0.3:  # very long token
            text = text[:pos] + long_token(rng) + text[pos:]
        elif op == 4 and text:  # replace a character with a random code point
            cp = rng.choice(
                [rng.randint(32, 0x2FFF), rng.randint(0, 31), rng.randint(0xE000, 0xFFFD)]
            )
            text = text[:pos] + chr(cp) + text[pos + 1 :]
        elif op == 5:  # splice with another seed
            other = rng.choice(seeds)
            cut = rng.randint(0, len(other))
            text = text[:pos] + other[cut : cut + rng.choice([50, 500, 5000])]
        elif op == 6:  # byte flips in UTF-8, decoded back leniently
            raw = bytearray(text.encode("utf-8"))
            for _ in range(rng.randint(1, 8)):
                if raw:
                    i = rng.randrange(len(raw))
                    raw[i] ^= 1 << rng.randrange(8)
            text = raw.decode("utf-8", errors=rng.choice(["replace", "ignore"]))
        elif op == 7:  # swap quote styles / whitespace everywhere
            a, b = rng.choice(
                [
                    ('"', "\u201c"),
                    (" ", "\u00a0"),
                    ("\n", "\r\n"),
                    ("\n", "\r"),
                    (".", ""),
                    ("\u2019", "'"),
                ]
            )
            text = text.replace(a, b)
    return text


def mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    raw = bytearray(data)
    for _ in range(rng.choice([1, 2, 4, 16, 64])):
        op = rng.randrange(4)
        pos = rng.randint(0, len(raw))
        if op == 0 and raw:
            raw[min(pos, len(raw) - 1)] ^= 1 << rng.randrange(8)
        elif op == 1:
            raw[pos:pos] = rng.choice(
                [
                    b"\n",
                    b"\r",
                    b'"',
                    b",",
                    b"{",
                    b"}",
                    b"\\",
                    b"\x00",
                    b"\xff\xfe",
                    b"\xef\xbb\xbf",
                    b"\x93",
                    b"\xe9",
                    b'","',
                    b"\\u00",
                    b"\\ud800",
                ]
            )
        elif op == 2 and raw:
            del raw[pos : pos + rng.randint(1, 50)]
        else:
            raw[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 20)))
    return bytes(raw)


def as_jsonl(texts: list[str], rng: random.Random) -> bytes:
    fields = rng.choice([("id", "text"), ("ID", "content_original"), ("id", "maintext")])
    lines = [
        json.dumps(
            {fields[0]: f"r{i}", "title": "T", "date": "2018-12-19", fields[1]: t},
            ensure_ascii=rng.random() < 0.5,
        )
        for i, t in enumerate(texts)
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def odd_value(rng: random.Random, text: str) -> Any:
    """A field value of a surprising type or form."""
    return rng.choice(
        [
            text,
            None,
            123,
            -1.5,
            True,
            [text],
            {"text": text},
            "",
            " ",
            "2018-12-19",
            "19/12/2018",
            "2018-12-19T10:00:00+03:00",
            "9999-99-99",
            "../../etc/passwd",
            "=cmd|' /C calc'!A0",
            "x" * 300,
        ]
    )


def odd_jsonl(texts: list[str], rng: random.Random) -> bytes:
    """JSON lines with odd field types, duplicate ids, and escapes no text should hold."""
    lines = []
    for i, t in enumerate(texts):
        if rng.random() < 0.3:  # a lone surrogate (JSON "\\ud83d"), as left by a cut emoji pair
            k = rng.randint(0, len(t))
            t = t[:k] + rng.choice(["\ud83d", "\udc00", "\x00", "\ufffe"]) + t[k:]
        record: dict[str, Any] = {"id": f"r{i}", "text": t}
        for name in rng.sample(["id", "title", "date", "source", "text", "published"], 3):
            record[name] = odd_value(rng, t)
        line = json.dumps(record, ensure_ascii=True)
        lines.append(line)
    if rng.random() < 0.3:
        lines.append(lines[0])  # a duplicate record
    return ("\n".join(lines) + "\n").encode("utf-8")


def as_csv(texts: list[str], rng: random.Random) -> bytes:
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["id", "title", "date", "text", "source"])
    for i, t in enumerate(texts):
        w.writerow([f"r{i}", "T", "2018-12-19", t, "Wire"])
    return buf.getvalue().encode(rng.choice(["utf-8", "utf-8-sig"]))


# --------------------------------------------------------------------------- the fuzzers


def fuzz_mutate(c: Campaign, seeds: list[str], n: int) -> None:
    for _ in range(n):
        base = c.rng.choice(seeds + c.recent[-20:]) if c.recent else c.rng.choice(seeds)
        text = mutate_text(base, c.rng, seeds)
        if len(text) > 3_000_000:
            text = text[:3_000_000]
        c.run("mutate", "article", text)
        c.recent.append(text)
        if len(c.recent) > 200:
            del c.recent[:100]
        if c.rng.random() < 0.08:
            k = c.rng.randint(2, 5)
            corpus = [mutate_text(c.rng.choice(seeds), c.rng, seeds) for _ in range(k)]
            c.run("mutate", "corpus", corpus)


def fuzz_ingest(c: Campaign, seeds: list[str], n: int) -> None:
    for _ in range(n):
        texts = [
            c.rng.choice(seeds)[: c.rng.choice([200, 2000, 20000])]
            for _ in range(c.rng.randint(1, 3))
        ]
        kind = c.rng.choice(["ingest-txt", "ingest-jsonl", "ingest-csv"])
        if kind == "ingest-txt":
            enc = c.rng.choice(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"])
            data = texts[0].encode(enc, errors="replace")
        elif kind == "ingest-jsonl" and c.rng.random() < 0.4:
            data = odd_jsonl(texts, c.rng)
        elif kind == "ingest-jsonl":
            data = as_jsonl(texts, c.rng)
        else:
            data = as_csv(texts, c.rng)
        if c.rng.random() < 0.7:
            data = mutate_bytes(data, c.rng)
        c.run("ingest", kind, data.decode("latin-1"))


def fuzz_hypothesis(c: Campaign, n: int) -> None:
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis.database import DirectoryBasedExampleDatabase

    props = importlib.import_module("test_properties")
    corpus_strategy = props.st.lists(props.news_text(), min_size=2, max_size=4)

    @settings(
        max_examples=n,
        deadline=None,
        database=DirectoryBasedExampleDatabase(str(OUT / "fuzz-hypothesis-db")),
        suppress_health_check=list(HealthCheck),
        phases=[Phase.explicit, Phase.reuse, Phase.generate],
    )
    @given(props.any_text, props.st.data())
    def body(text: str, data: Any) -> None:
        c.run("hypothesis", "article", text)
        if data.draw(props.st.integers(0, 19)) == 0:  # one in 20: a corpus, cross-referenced
            c.run("hypothesis", "corpus", data.draw(corpus_strategy))

    body()


# --------------------------------------------------------------------------- minimisation


def ddmin(payload: Any, still_fails: Callable[[Any], bool], budget: float) -> Any:
    """Delta debugging on a string (or on each string of a list), within ``budget`` seconds."""
    stop = time.monotonic() + budget
    if isinstance(payload, list):
        items = list(payload)
        i = 0
        while i < len(items) and len(items) > 1 and time.monotonic() < stop:
            trial = items[:i] + items[i + 1 :]
            if still_fails(trial):
                items = trial
            else:
                i += 1
        for j in range(len(items)):

            def one_fails(candidate: Any, j: int = j) -> bool:
                return still_fails([*items[:j], candidate, *items[j + 1 :]])

            items[j] = ddmin(items[j], one_fails, max(0.0, stop - time.monotonic()))
        return items
    text: str = payload
    n = 2
    while len(text) >= 2 and time.monotonic() < stop:
        chunk = max(1, len(text) // n)
        reduced = False
        for start in range(0, len(text), chunk):
            cut = text[:start] + text[start + chunk :]
            if still_fails(cut):
                text, n, reduced = cut, max(n - 1, 2), True
                break
            if time.monotonic() >= stop:
                break
        if not reduced:
            if chunk == 1:
                break
            n = min(len(text), n * 2)
    return text


def minimise(c: Campaign, crash: Crash, budget: float) -> None:
    def still_fails(candidate: Any) -> bool:
        try:
            with limit(c.hang):
                EXECUTE[crash.kind](candidate, False)
        except BaseException as exc:
            if isinstance(exc, KeyboardInterrupt):
                raise
            return signature(exc)[0] == crash.signature
        return False

    if crash.signature == "Hang":
        return  # minimising a hang costs a hang per step
    if crash.size <= 200_000:
        crash.original = crash.repro
    smaller = ddmin(crash.repro, still_fails, budget)
    crash.repro = smaller
    crash.size = len(smaller) if not isinstance(smaller, list) else sum(map(len, smaller))
    crash.minimised = True


# --------------------------------------------------------------------------- replay


def replay() -> int:
    files = sorted(CRASHES.glob("*.json"))
    if not files:
        print("no saved crash in", CRASHES)
        return 0
    still = 0
    for f in files:
        data = json.loads(f.read_text(encoding="utf-8"))
        try:
            with limit(120):
                EXECUTE[data["kind"]](data["repro"], True)
                if data.get("original") is not None:
                    EXECUTE[data["kind"]](data["original"], True)
            status = "FIXED"
        except BaseException as exc:
            if isinstance(exc, KeyboardInterrupt):
                raise
            sig = signature(exc)[0]
            status = "REPRODUCES" if sig == data["signature"] else f"CHANGED -> {sig}"
            still += 1
        print(f"{status:12} {data['signature']}  ({data['module']}, first seen {data['found']})")
    return 1 if still else 0


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--minutes", type=float, default=9.0, help="time budget (default 9)")
    ap.add_argument("--max-inputs", type=int, default=10**9, help="stop after this many inputs")
    ap.add_argument("--fuzzers", default="hypothesis,mutate,ingest")
    ap.add_argument("--batch", type=int, default=500, help="inputs per fuzzer per round")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument(
        "--hang", type=float, default=30.0, help="seconds before an input counts as a hang"
    )
    ap.add_argument(
        "--minimise", type=float, default=60.0, help="seconds of minimisation per crash"
    )
    ap.add_argument("--replay", action="store_true", help="re-run the saved crashes and exit")
    args = ap.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    CRASHES.mkdir(parents=True, exist_ok=True)
    if args.replay:
        return replay()

    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    rng = random.Random(args.seed)
    c = Campaign(args.hang, rng)
    fuzzers = [f.strip() for f in args.fuzzers.split(",") if f.strip()]
    started = time.monotonic()
    budget = args.minutes * 60
    minimise_reserve = min(budget * 0.2, args.minimise * 5)
    rounds = 0
    print(f"fuzzing {', '.join(fuzzers)} for {args.minutes:g} min (seed {args.seed})", flush=True)
    while (
        time.monotonic() - started < budget - minimise_reserve
        and sum(c.tried.values()) < args.max_inputs
    ):
        rounds += 1
        for name in fuzzers:
            if time.monotonic() - started >= budget - minimise_reserve:
                break
            if name == "hypothesis":
                fuzz_hypothesis(c, args.batch)
            elif name == "mutate":
                fuzz_mutate(c, seeds, args.batch)
            elif name == "ingest":
                fuzz_ingest(c, seeds, max(1, args.batch // 5))
            else:
                raise SystemExit(f"unknown fuzzer {name!r}")
        elapsed = time.monotonic() - started
        total = sum(c.tried.values())
        print(
            f"  round {rounds}: {total} inputs in {elapsed:.0f} s ({total / elapsed:.0f}/s), {len(c.crashes)} crash signatures",
            flush=True,
        )

    found = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    for crash in c.crashes.values():
        left = budget + 60 - (time.monotonic() - started)
        minimise(c, crash, max(5.0, min(args.minimise, left / max(1, len(c.crashes)))))
        record = dataclasses.asdict(crash) | {"found": found}
        (CRASHES / f"{crash.key()}.json").write_text(
            json.dumps(record, indent=1, ensure_ascii=True), encoding="utf-8"
        )

    elapsed = time.monotonic() - started
    report = {
        "when": found,
        "seed": args.seed,
        "seconds": round(elapsed, 1),
        "inputs": sum(c.tried.values()),
        "inputs_by_fuzzer": c.tried,
        "crashes": [
            {k: v for k, v in dataclasses.asdict(x).items() if k not in ("traceback", "original")}
            | {
                "file": f"fuzz-crashes/{x.key()}.json",
                "repro": x.repro if x.size <= 2000 else f"<{x.size} chars, see file>",
            }
            for x in sorted(c.crashes.values(), key=lambda x: x.signature)
        ],
    }
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    text = json.dumps(report, indent=1, ensure_ascii=True)
    (OUT / f"fuzz-{stamp}.json").write_text(text, encoding="utf-8")
    (OUT / "fuzz-latest.json").write_text(text, encoding="utf-8")
    print(
        f"{report['inputs']} inputs in {elapsed:.0f} s: {c.tried}; {len(c.crashes)} crash signature(s)"
    )
    for x in sorted(c.crashes.values(), key=lambda x: x.signature):
        shown = repr(x.repro) if x.size <= 300 else f"<{x.size} chars>"
        print(f"  {x.signature} [{x.module}] x{x.count}: {x.message[:120]}\n    repro: {shown}")
    return 1 if c.crashes else 0


if __name__ == "__main__":
    sys.exit(main())
