"""Properties of the whole pipeline, checked with hypothesis on arbitrary and news-like text.

- ``pipeline.extract_article`` never raises, whatever the text;
- every reported string is the slice of ``Article.text`` at its reported offsets (claim content,
  sentence, speaker, and every time, quantity, place and event mention);
- a claim's content lies inside its sentence; sentences and zones lie inside the text;
- claim ids and finding ids are unique, and findings point at claims that exist;
- the output is identical on a second run, under any permutation of the input articles (in
  memory, and as the line order of a JSONL corpus), and across ``PYTHONHASHSEED`` values.

The default run is kept fast (``max_examples`` below); ``benchmarks/fuzz.py`` runs the same
checks with tens of thousands of examples.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from conftest import (
    BOILER,
    CUES,
    EVENTS,
    FIRST,
    LAST,
    NUMBERS,
    ORGS,
    PLACES,
    ROLES,
    ROOT,
    SEEDS,
    TIMES,
    check_offsets,
    generated_articles,
    make_article,
    skip_without_shared,
    write_generated_corpus,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crosscheck import pipeline
from crosscheck.ingest import IngestOptions
from crosscheck.records import CrossReference, Extraction

EXAMPLES = int(os.environ.get("CROSSCHECK_PROPERTY_EXAMPLES", "60"))
FAST = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# --------------------------------------------------------------------------- strategies

#: characters news text is made of, and the ones that break naive code
TRICKY = (
    "\u00a0\u2009\u202f\r\n\t "  # NBSP, thin spaces, CR, LF, tab
    "\u201c\u201d\u2018\u2019\"'\u00ab\u00bb\u201e\u2039\u203a`"  # every quote mark
    "\u00a9\u2014\u2013-.,;:!?()[]"  # © dashes punctuation
    "\u0421\u043e\u0447\u0438\u041b\u0430\u0432\u0440\u043e\u0432"  # Cyrillic
    "\u00e9\u00fc\u00df\u0130\u0131\ufb01\u2026\ufeff\u200b\u2028\u2029\x85\x00\x0b\x0c"
)

tricky_text = st.text(
    alphabet=st.one_of(
        st.sampled_from(TRICKY),
        st.characters(codec="utf-8", exclude_categories=["Cs"]),
        st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 "),
    ),
    max_size=600,
)

space = st.sampled_from([" ", " ", " ", "\u00a0", "\u2009", "\r\n", "\n"])
quote_pair = st.sampled_from(
    [
        ("\u201c", "\u201d"),
        ('"', '"'),
        ("\u2018", "\u2019"),
        ("\u00ab", "\u00bb"),
        ("'", "'"),
        ("\u201c", ""),
        ("", "\u201d"),
        ('"', ""),
        ("\u201c\u201c", "\u201d"),
    ]
)
cyrillic_word = st.text(
    alphabet="\u0430\u0431\u0432\u0433\u0434\u0435\u0436\u0437\u0438\u043a\u043b\u043c\u043d\u043e\u043f\u0440\u0441\u0442",
    min_size=1,
    max_size=8,
)


@st.composite
def person(draw: st.DrawFn) -> str:
    role = draw(st.sampled_from(ROLES))
    first = draw(
        st.one_of(st.sampled_from(FIRST), st.from_regex(r"[A-Z][a-z]{1,8}", fullmatch=True))
    )
    last = draw(
        st.one_of(st.sampled_from(LAST), st.from_regex(r"[A-Z][a-z]{1,10}", fullmatch=True))
    )
    initial = draw(st.sampled_from(["", "J. ", "A.B. "]))
    return f"{role} {first} {initial}{last}".strip()


@st.composite
def statement(draw: st.DrawFn) -> str:
    event = draw(st.sampled_from(EVENTS))
    when = draw(st.sampled_from(TIMES))
    return draw(
        st.sampled_from(
            [
                f"{event} will take place {when}",
                f"{draw(st.sampled_from(NUMBERS))} attended {event} {draw(st.sampled_from(PLACES))}",
                f"{event} does not aim to replace the U.S. plan",
                f"there is no possibility of {event} {when}",
                f"Dr. {draw(st.sampled_from(LAST))} will attend {event} {when}",
                f"{event} {when} " + draw(cyrillic_word),
            ]
        )
    )


@st.composite
def news_sentence(draw: st.DrawFn) -> str:
    who = draw(person())
    cue = draw(st.sampled_from(CUES))
    what = draw(statement())
    cap = what[0].upper() + what[1:]
    left, right = draw(quote_pair)
    form = draw(
        st.sampled_from(
            [
                f"{who} {cue} {what}.",
                f"{who} {cue} that {what}.",
                f"{left}{cap},{right} {who} {cue}.",
                f"{left}{cap},{right} {cue} {who}.",
                f"{left}{cap}.{right} {who} {cue}.",
                f"{cap}, according to {draw(st.sampled_from(ORGS))}.",
                f"{cap}, {who} {cue}.",
                f"The plan, {who} {cue}, {what}.",
                f"He {cue} {what}.",
                f"{who} and {draw(person())} told reporters {what}.",
                f"{left}{cap}.",
                f"{left}{cap}. {left}{cap}.{right}",
                f"{cap}",
                f"{cap}!",
                f"{cap}?",
            ]
        )
    )
    # make some of the spaces NBSP / thin / line breaks, without changing the length logic
    chars = (
        [draw(space) if ch == " " and draw(st.booleans()) else ch for ch in form]
        if draw(st.booleans())
        else list(form)
    )
    return "".join(chars)


@st.composite
def news_text(draw: st.DrawFn) -> str:
    parts: list[str] = []
    if draw(st.booleans()):
        header = draw(
            st.sampled_from(
                [
                    " date 2018-12-19 Register",
                    "date 2017-11-14",
                    "date 19/12/2018",
                    "date 2018-02-30 x",
                ]
            )
        )
        parts.append(header)
    if draw(st.booleans()):
        parts.append(f"{draw(st.sampled_from(LAST))} Says Talks to Go Ahead - State Dept")
    for _ in range(draw(st.integers(1, 5))):
        if draw(st.integers(0, 4)) == 0:
            parts.append(draw(st.sampled_from(BOILER)))
        sentences = draw(st.lists(news_sentence(), min_size=1, max_size=3))
        parts.append(draw(st.sampled_from([" ", "  ", "\u00a0"])).join(sentences))
    if draw(st.integers(0, 5)) == 0:
        parts.append(draw(tricky_text))
    sep = draw(st.sampled_from(["\n\n", "\n", "\r\n\r\n", "\r\n", "\n    \n    ", "\r"]))
    return sep.join(parts)


any_text = st.one_of(tricky_text, news_text())


# --------------------------------------------------------------------------- checks


def check_sentences(text: str) -> None:
    """The segmenter's sentences lie inside the text, in order, without overlap."""
    from crosscheck import clean, segment

    article = clean.clean(make_article(text))
    previous_end = 0
    for i, s in enumerate(segment.segment(article)):
        assert 0 <= s.start < s.end <= len(text), s
        assert s.start >= previous_end, f"sentence {i} overlaps the previous one: {s}"
        previous_end = s.end


def corpus(texts: Sequence[str]) -> Extraction:
    results = [pipeline.extract_article(make_article(t, f"a{i:02d}")) for i, t in enumerate(texts)]
    return pipeline.assemble(results)


def check_cross_reference(extraction: Extraction, xref: CrossReference) -> None:
    claim_ids = [c.claim_id for c in extraction.claims]
    assert len(claim_ids) == len(set(claim_ids)), "claim ids collide across articles"
    known = set(claim_ids)
    finding_ids = [f.id for f in xref.findings]
    assert len(finding_ids) == len(set(finding_ids)), f"duplicate finding ids: {finding_ids}"
    for f in xref.findings:
        assert set(f.claims) <= known, f"finding {f.id} cites unknown claims"
        assert all(v.claim_id in known for v in f.values), f
    article_ids = {r.article.id for r in extraction.results}
    for f in xref.findings:
        assert set(f.articles) <= article_ids, f


# --------------------------------------------------------------------------- per article


@FAST
@given(any_text)
def test_extract_article_never_raises_and_offsets_slice(text: str) -> None:
    article = make_article(text)
    result = pipeline.extract_article(article)
    check_offsets(article, result)


@FAST
@given(news_text())
def test_news_like_text_offsets_slice(text: str) -> None:
    article = make_article(text)
    check_offsets(article, pipeline.extract_article(article))


@FAST
@given(any_text)
def test_sentences_in_bounds_and_ordered(text: str) -> None:
    check_sentences(text)


@FAST
@given(any_text)
def test_second_run_identical(text: str) -> None:
    article = make_article(text)
    assert pipeline.extract_article(article) == pipeline.extract_article(article)


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem[:3])
def test_seed_offsets_slice(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    article = make_article(text, path.stem)
    result = pipeline.extract_article(article)
    check_offsets(article, result)
    check_sentences(text)


@pytest.mark.parametrize(
    "edit",
    [
        lambda t: t.replace(" ", "\u00a0"),
        lambda t: t.replace("\n", "\r\n"),
        lambda t: t.replace("\n", "\r"),
        lambda t: t.replace('"', "\u201c"),
        lambda t: t.replace(".", ""),
        lambda t: t.replace("\n", " "),
        lambda t: "\ufeff" + t,
    ],
    ids=["nbsp", "crlf", "cr", "curly-open-only", "no-periods", "one-line", "bom"],
)
def test_seed_variants_offsets_slice(edit: object) -> None:
    """Whitespace and quote oddities applied to a whole seed must not break the offsets."""
    assert callable(edit)
    for path in sorted(SEEDS.glob("*.txt")):
        text = edit(path.read_text(encoding="utf-8"))
        article = make_article(text, path.stem)
        check_offsets(article, pipeline.extract_article(article))


# --------------------------------------------------------------------------- regressions found by fuzzing


@pytest.mark.parametrize(
    "text",
    [
        "The talks have been stalled since 2047, he said.",
        "Anna Keller said the war has raged since 2019.",
    ],
    ids=["since-far-future", "since-next-year"],
)
def test_time_interval_never_inverted(text: str) -> None:
    """``since YEAR`` after the article date must not give first > last (benchmarks/fuzz.py)."""
    article = dataclasses.replace(
        make_article(text), published=dt.date(2018, 12, 19), date_source="header"
    )
    result = pipeline.extract_article(article)
    assert any(t.modifier == "since" for c in result.claims for t in c.times), result.claims
    check_offsets(article, result)


# --------------------------------------------------------------------------- across articles


@settings(FAST, max_examples=max(10, EXAMPLES // 3))
@given(st.lists(news_text(), min_size=1, max_size=4), st.randoms(use_true_random=False))
def test_cross_reference_ids_unique_and_order_free(texts: list[str], rnd: object) -> None:
    import random

    assert isinstance(rnd, random.Random)
    results = [pipeline.extract_article(make_article(t, f"a{i:02d}")) for i, t in enumerate(texts)]
    extraction = pipeline.assemble(results)
    xref = pipeline.cross_reference(extraction)
    check_cross_reference(extraction, xref)
    shuffled = results[:]
    rnd.shuffle(shuffled)
    again = pipeline.assemble(shuffled)
    assert again == extraction, "assemble depends on the order of its input"
    assert pipeline.cross_reference(again) == xref, "cross_reference is not deterministic"


def test_generated_corpus_cross_reference() -> None:
    """A bigger generated corpus with shared speakers and events: ids unique, deterministic."""
    texts = [t for _, t in generated_articles(40, seed=7)]
    extraction = corpus(texts)
    for r in extraction.results:
        check_offsets(make_article(r.article.text, r.article.id), r)
    xref = pipeline.cross_reference(extraction)
    check_cross_reference(extraction, xref)
    assert pipeline.cross_reference(corpus(texts)) == xref


def _rows(extraction: Extraction, xref: CrossReference) -> tuple[list[dict[str, object]], ...]:
    claims = [c.to_row() for c in extraction.claims]
    findings = [f.to_row() for f in xref.findings]
    speakers = [s.to_row() for s in xref.speakers]
    events = [e.to_row() for e in xref.events]
    return claims, findings, speakers, events


@pytest.mark.parametrize("order", ["reversed", "shuffled"])
def test_jsonl_line_order_does_not_change_output(tmp_path: Path, order: str) -> None:
    import random

    n = 25
    perm = list(range(n))[::-1] if order == "reversed" else random.Random(3).sample(range(n), n)
    runs = []
    for name, idx in (("straight", list(range(n))), (order, perm)):
        path = write_generated_corpus(tmp_path / name, n, seed=11, fmt="jsonl", order=idx)
        extraction = pipeline.extract([str(path)], IngestOptions(), jobs=1)
        assert len(extraction.results) == n, extraction.errors
        runs.append(_rows(extraction, pipeline.cross_reference(extraction)))
    assert runs[0] == runs[1]


def test_path_order_does_not_change_output(tmp_path: Path) -> None:
    folder = write_generated_corpus(tmp_path / "c", 12, seed=5)
    files = sorted(str(p) for p in folder.glob("*.txt"))
    a = pipeline.extract(files, IngestOptions(), jobs=1)
    b = pipeline.extract(files[::-1], IngestOptions(), jobs=1)
    assert len(a.results) == 12
    assert _rows(a, pipeline.cross_reference(a)) == _rows(b, pipeline.cross_reference(b))
    # manifest rows are part of the output too
    assert [m.to_row() for m in a.manifest] == [m.to_row() for m in b.manifest]


def test_jobs_do_not_change_output() -> None:
    one = pipeline.extract([str(SEEDS)], IngestOptions(), jobs=1)
    two = pipeline.extract([str(SEEDS)], IngestOptions(), jobs=2)
    assert one == two


def test_records_are_frozen() -> None:
    result = pipeline.extract_article(make_article("Anna Keller said the talks will go ahead."))
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.article.text = "x"  # type: ignore[misc]


@pytest.mark.slow
@pytest.mark.parametrize(
    "parts",
    [("corpora", "fakes-syria.csv"), ("corpora", "polnear-dev", "text")],
    ids=["fakes-syria", "polnear-dev"],
)
def test_real_corpus_invariants(parts: tuple[str, ...]) -> None:
    """Real third-party news text: every invariant on every article, ids unique corpus-wide."""
    path = skip_without_shared(*parts)
    extraction = pipeline.extract([str(path)], IngestOptions(), jobs=2)
    assert len(extraction.results) > 50, extraction.errors[:5]
    for r in extraction.results:
        check_offsets(r.article, r)
    check_cross_reference(extraction, pipeline.cross_reference(extraction, jobs=2))


# --------------------------------------------------------------------------- PYTHONHASHSEED


def _run(args: list[str], seed: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    return subprocess.run(
        [sys.executable, "-m", "crosscheck.cli", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        timeout=600,
        check=False,
    )


@pytest.mark.parametrize(
    "args",
    [
        ["claims", "seeds", "--format", "jsonl", "-j", "1"],
        ["findings", "seeds", "--format", "json", "-j", "2"],
        ["speakers", "seeds", "--format", "csv", "-j", "1"],
        ["events", "seeds", "--format", "csv", "-j", "1"],
    ],
    ids=["claims", "findings", "speakers", "events"],
)
def test_output_identical_across_hash_seeds(args: list[str]) -> None:
    outputs = []
    for seed in ("0", "1", "12345"):
        proc = _run(args, seed, ROOT)
        assert proc.returncode == 0, proc.stderr.decode(errors="replace")[-2000:]
        outputs.append(proc.stdout)
    assert outputs[0], "empty output proves nothing"
    assert outputs[0] == outputs[1] == outputs[2]


def test_report_files_identical_across_hash_seeds(tmp_path: Path) -> None:
    trees = []
    for seed in ("0", "12345"):
        # same absolute input path and same relative output folder: only the seed differs
        cwd = tmp_path / f"s{seed}"
        cwd.mkdir()
        out = cwd / "reports"
        proc = _run(["report", str(SEEDS), "--out", "reports", "-q"], seed, cwd)
        assert proc.returncode == 0, proc.stderr.decode(errors="replace")[-2000:]
        files = sorted(p for p in out.rglob("*") if p.is_file())
        assert files, "report wrote nothing"
        trees.append({str(p.relative_to(out)): p.read_bytes() for p in files})
    assert trees[0].keys() == trees[1].keys()
    for name in trees[0]:
        assert trees[0][name] == trees[1][name], f"{name} differs between hash seeds"
