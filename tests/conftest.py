"""Shared fixtures and helpers for the test suite.

- ``ROOT``, ``SEEDS``, ``SHARED``: the repository, its ``seeds/`` folder, and the shared material
  beside the checkout (``../shared``), which a fresh clone does not have.
- ``skip_without_shared(*parts)``: the path under ``SHARED``, or a clean ``pytest.skip``.
- ``news_text(rng)`` / ``write_generated_corpus(folder, n, seed)``: a deterministic, news-like
  generated corpus (speakers, cues, quotes, dates, numbers, boilerplate, NBSP and CRLF) for
  tests that need more than the five seeds without reading ``../shared``.
- ``deadline(seconds)``: fail (instead of hanging the suite) when a block runs far too long; a hang
  guard for adversarial inputs, not a speed assertion (speed claims live in ``benchmarks/``).
- ``invoke(*args)``: run the CLI in-process with typer's CliRunner, stdout and stderr apart;
  ``no_traceback(result)``: nothing like a traceback reached the user.
- ``make_article(text)`` / ``check_offsets(article, result)``: the invariants every per-article
  result must satisfy (reported strings are slices of ``Article.text`` at their offsets, content
  inside its sentence, unique claim ids, intervals not inverted); also used by
  ``benchmarks/fuzz.py``.
- ``big_article(megabytes)``: a news-like article of any size (the good seed's body, repeated).

Test modules import these helpers with ``from conftest import ...`` (``tests/`` has no
``__init__.py``, so pytest puts it on ``sys.path``).
"""

from __future__ import annotations

import importlib.util
import json
import random
import signal
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

import pytest
from typer.testing import CliRunner, Result

from crosscheck.records import Article, ArticleResult, EventMention, Place, Quantity, TimeSpan

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = Path(__file__).resolve().parents[2] / "shared"
GOOD_SEED = SEEDS / "000_c210cf22f67a8342.txt"


def skip_without_shared(*parts: str) -> Path:
    """``SHARED / parts``, or skip the calling test cleanly when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared is not beside this checkout)")
    return path


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


# --------------------------------------------------------------------------- the CLI


def invoke(*args: str, input: str | bytes | None = None) -> Result:
    """Run ``crosscheck ARGS`` in this process; ``result.stderr`` is kept apart from stdout."""
    from crosscheck.cli import app

    return CliRunner().invoke(app, list(args), input=input)


def no_traceback(result: Result) -> None:
    """Assert that nothing looking like a Python traceback reached the user."""
    text = result.stdout + result.stderr
    assert "Traceback" not in text, text[-3000:]
    # an exception other than the normal SystemExit means the CLI let something escape
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )


# --------------------------------------------------------------------------- hang guard


@contextmanager
def deadline(seconds: int, what: str = "block") -> Iterator[None]:
    """Fail with a clear message if the block runs longer than ``seconds`` (hang guard).

    Uses SIGALRM; the regex engine checks signals while matching, so a catastrophic
    backtrack is interrupted too. Only on the main thread of a POSIX process.
    """

    def expired(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"{what} still running after {seconds} s: a hang or super-linear time")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# --------------------------------------------------------------------------- invariants


def make_article(text: str, ident: str = "art") -> Article:
    return Article(id=ident, text=text, source=f"{ident}.txt")


def check_offsets(original: Article, result: ArticleResult) -> None:
    """Every invariant one article's result must satisfy."""
    article = result.article
    text = original.text
    assert article.text == text, "a stage changed Article.text: offsets would not index the input"
    assert article.id == original.id
    assert len(article.view) == len(text), "Article.view must be a same-length copy of the text"
    assert result.sentences >= 0
    for zone in article.zones:
        assert 0 <= zone.start <= zone.end <= len(text), zone
    ids = [c.claim_id for c in result.claims]
    assert len(ids) == len(set(ids)), f"duplicate claim ids: {ids}"
    for c in result.claims:
        assert c.article_id == original.id
        assert c.claim_id, c
        assert 0 <= c.sentence_start <= c.sentence_end <= len(text), c
        assert text[c.sentence_start : c.sentence_end] == c.sentence, c
        assert text[c.content_start : c.content_end] == c.content, c
        assert c.sentence_start <= c.content_start <= c.content_end <= c.sentence_end, (
            f"content {c.content_start}:{c.content_end} outside its sentence "
            f"{c.sentence_start}:{c.sentence_end}"
        )
        if c.speaker_start is not None or c.speaker_end is not None:
            assert c.speaker_start is not None and c.speaker_end is not None, c
            assert 0 <= c.speaker_start <= c.speaker_end <= len(text), c
            assert text[c.speaker_start : c.speaker_end] == c.speaker, c
        slots: list[TimeSpan | Quantity | Place | EventMention] = [
            *c.times,
            *c.quantities,
            *c.places,
            *c.events,
        ]
        for slot in slots:
            assert 0 <= slot.start <= slot.end <= len(text), slot
            assert text[slot.start : slot.end] == slot.text, slot
        for t in c.times:
            if t.first is not None and t.last is not None:
                assert t.first <= t.last, t


# --------------------------------------------------------------------------- generated corpus


def big_article(megabytes: float) -> str:
    """A news-like article of the given size: the good seed's body, repeated."""
    body = GOOD_SEED.read_text(encoding="utf-8").split("\n", 1)[1]
    n = int(megabytes * 1_000_000 / len(body.encode("utf-8"))) + 1
    return " date 2018-12-19 Big\n" + body * n


FIRST = ("Anna", "Boris", "Carla", "David", "Elena", "Farid", "Grace", "Hassan", "Ingrid", "Jorge")
LAST = ("Petrova", "Keller", "Moreau", "Okafor", "Nakamura", "Haddad", "Larsen", "Silva", "Weber")
ROLES = (
    "Foreign Minister",
    "deputy spokesperson",
    "UN Special Envoy",
    "Defence Ministry spokesman",
    "Prime Minister",
    "",
)
ORGS = ("the ministry", "the Foreign Ministry", "the press service", "the UN", "the government")
CUES = ("said", "told reporters", "added", "noted", "stressed", "announced", "explained")
EVENTS = (
    "the National Dialogue Congress",
    "the Geneva talks",
    "the peace conference",
    "the next round of talks",
    "the ceasefire agreement",
    "the constitutional committee",
)
TIMES = (
    "in mid-November",
    "in December 2017",
    "in late January",
    "in early 2019",
    "by the end of 2018",
    "on Tuesday",
    "next week",
    "on 3 March 2018",
    "in the spring",
)
NUMBERS = ("about 40 people", "more than 1,000 civilians", "12 delegations", "at least 3 rounds")
PLACES = ("in Geneva", "in Vienna", "in the capital", "in Lagos", "near the border")
QUOTES = (("\u201c", "\u201d"), ('"', '"'), ("\u2018", "\u2019"), ("\u00ab", "\u00bb"), ("'", "'"))
SPACES = (" ", " ", " ", "\u00a0", "\u2009")
BREAKS = ("\n\n", "\n", "\r\n\r\n", "\n    \n    ")
BOILER = (
    "\u00a9 REUTERS / Staff Photographer",
    "READ MORE: Officials Discuss Plans for Talks",
    "Subscribe",
    "Ministers Agree to Meet Again in Spring",
    "17",
)


def _name(rng: random.Random) -> str:
    role = rng.choice(ROLES)
    person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    return f"{role} {person}".strip() if rng.random() < 0.5 else person


def _statement(rng: random.Random) -> str:
    event = rng.choice(EVENTS)
    parts = [
        f"{event} will take place {rng.choice(TIMES)}",
        f"{rng.choice(NUMBERS)} attended {event} {rng.choice(PLACES)}",
        f"{event} does not aim to replace the existing process",
        f"there is no possibility of {event} being held {rng.choice(TIMES)}",
        f"the parties agreed to convene {event} {rng.choice(TIMES)} {rng.choice(PLACES)}",
    ]
    return rng.choice(parts)


def news_sentence(rng: random.Random) -> str:
    """One sentence in one of the attribution forms the extractor must survive."""
    who = _name(rng)
    cue = rng.choice(CUES)
    what = _statement(rng)
    left, right = rng.choice(QUOTES)
    forms = [
        f"{who} {cue} {what}.",
        f"{who} {cue} that {what}.",
        f"{left}{what[0].upper()}{what[1:]},{right} {who} {cue}.",
        f"{left}{what[0].upper()}{what[1:]},{right} {cue} {who}.",
        f"{what[0].upper()}{what[1:]}, according to {rng.choice(ORGS)}.",
        f"{what[0].upper()}{what[1:]}, {who} {cue}.",
        f"He {cue} {what}.",
        f"{rng.choice(ORGS).capitalize()} {cue} in a statement that {what}.",
        f"{who} and {_name(rng)} told reporters {what}.",
        f"{left}{what[0].upper()}{what[1:]}.",  # unbalanced quote
        f"{what[0].upper()}{what[1:]}.",  # narration
    ]
    sentence = rng.choice(forms)
    return "".join(rng.choice(SPACES) if ch == " " else ch for ch in sentence)


def news_text(rng: random.Random, paragraphs: int | None = None, header: bool | None = None) -> str:
    """A news-like article: optional ``date`` header, headline, paragraphs, boilerplate."""
    out: list[str] = []
    if header if header is not None else rng.random() < 0.7:
        d = f"{rng.randint(2015, 2019)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        out.append(f" date {d} Register")
    out.append(f"{rng.choice(LAST)} Says {rng.choice(EVENTS)[4:].title()} to Go Ahead - Officials")
    for _ in range(paragraphs if paragraphs is not None else rng.randint(1, 6)):
        if rng.random() < 0.2:
            out.append(rng.choice(BOILER))
        out.append(" ".join(news_sentence(rng) for _ in range(rng.randint(1, 3))))
    return rng.choice(BREAKS).join(out) + ("\n" if rng.random() < 0.5 else "")


def generated_articles(n: int, seed: int) -> list[tuple[str, str]]:
    """``n`` deterministic (id, text) pairs; some share speakers and events on purpose."""
    rng = random.Random(seed)
    return [(f"gen{seed}_{i:04d}", news_text(rng)) for i in range(n)]


def write_generated_corpus(
    folder: Path, n: int, seed: int, fmt: str = "txt", order: Sequence[int] | None = None
) -> Path:
    """Write a generated corpus as ``.txt`` files in ``folder`` or one ``.jsonl`` file.

    ``order`` permutes the JSONL lines (the article ids stay the same), for order tests.
    Returns the path to pass to crosscheck.
    """
    folder.mkdir(parents=True, exist_ok=True)
    articles = generated_articles(n, seed)
    if fmt == "txt":
        for ident, text in articles:
            (folder / f"{ident}.txt").write_bytes(text.encode("utf-8"))
        return folder
    idx = list(order) if order is not None else list(range(n))
    path = folder / "corpus.jsonl"
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for i in idx:
            ident, text = articles[i]
            fh.write(json.dumps({"id": ident, "title": "", "text": text}) + "\n")
    return path


# --------------------------------------------------------------------------- dask

needs_dask = pytest.mark.skipif(
    importlib.util.find_spec("distributed") is None, reason="dask.distributed is not installed"
)


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """One 2-worker LocalCluster for a whole test module (test_dask*.py); yields its
    scheduler address."""
    if importlib.util.find_spec("distributed") is None:
        pytest.skip("dask.distributed is not installed")
    from crosscheck import dask_engine

    client = dask_engine.get_client(2, None)
    try:
        yield str(client.scheduler.address)
    finally:
        dask_engine.close_clients()
