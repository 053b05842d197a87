"""The pipeline, stage by stage, in order.

    ingest -> clean -> segment -> attribute -> normalise      (per article)
    group -> match -> judge                                   (across articles)
    report                                                    (rendering, in report.py)

Each stage is a function from typed records to typed records (see records.py).
The per-article stages have no shared state, so ``extract`` can run them on a
process pool or a dask cluster (engine.py); the cross-article stages run on the
claims of the whole corpus.

normalise and the cross-article stages are imported where they run: ``crosscheck
claims`` needs neither, and importing them (numpy with them) would add about 0.15 s
to its start-up, before any worker can begin.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, BinaryIO

from crosscheck import attribute, clean, ingest, segment
from crosscheck.gctools import trim_heap
from crosscheck.progress import Progress, silent
from crosscheck.records import (
    Article,
    ArticleResult,
    CrossReference,
    Extraction,
    ManifestEntry,
    Skipped,
)

if TYPE_CHECKING:
    from crosscheck.group import FactsAhead, Groups


def extract_article(article: Article, *, normalised: bool = True) -> ArticleResult:
    """clean -> segment -> attribute -> normalise, for one article.

    ``normalised=False`` stops after attribute: the claims without their normalised
    slots (times, quantities, places, events), which is all ``crosscheck claims``
    outputs (the claim rows hold no slot), at about two thirds of the cost.
    """
    article = clean.clean(article)
    sentences = segment.segment(article)
    claims = attribute.attribute(article, sentences)
    if normalised:
        from crosscheck import normalise

        claims = normalise.normalise(article, claims)
    return ArticleResult(article=article, sentences=len(sentences), claims=claims)


def extract(
    paths: Sequence[str],
    options: ingest.IngestOptions | None = None,
    *,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    progress: Progress = silent,
    normalised: bool = True,
    sink: BinaryIO | None = None,
) -> Extraction:
    """ingest every path, then run the per-article stages on each article.

    Nothing is dropped silently: every file or record appears in the manifest,
    processed or skipped with its reason. ``normalised=False`` may stop after
    attribute (``extract_article``): for output that holds no normalised slot.
    ``sink`` may keep the pickled results (``engine.run_extraction``).
    """
    from crosscheck import engine as engines

    items = ingest.read(paths, options or ingest.IngestOptions())
    return engines.run_extraction(
        items,
        jobs=jobs,
        engine=engine,
        scheduler=scheduler,
        progress=progress,
        normalised=normalised,
        sink=sink,
    )


def assemble(items: Iterable[ArticleResult | Skipped]) -> Extraction:
    """Collect per-article results and skips into an Extraction (sorted, unique ids)."""
    results: list[ArticleResult] = []
    skipped: list[Skipped] = []
    for item in items:
        if isinstance(item, Skipped):
            skipped.append(item)
        else:
            results.append(item)
    results.sort(key=lambda r: (r.article.id, r.article.source, r.article.line))
    manifest = [
        ManifestEntry(
            r.article.source,
            r.article.line,
            "processed",
            r.article.id,
            "; ".join(r.article.warnings),
        )
        for r in results
    ] + [ManifestEntry(s.source, s.line, "skipped", "", s.reason, s.hint) for s in skipped]
    manifest.sort(key=lambda m: (m.source, m.line, m.article_id))
    skipped.sort(key=lambda s: (s.source, s.line))
    return Extraction(results=tuple(results), manifest=tuple(manifest), errors=tuple(skipped))


def cross_reference(
    extraction: Extraction,
    *,
    jobs: int = 1,
    progress: Progress = silent,
    before_judge: Callable[[Groups], None] | None = None,
    facts_ahead: FactsAhead | None = None,
) -> CrossReference:
    """group -> match -> judge over the claims of the whole corpus.

    ``facts_ahead`` gives part of group's text facts, made meanwhile by another
    process (``spool.ClaimSpool.facts``; ``group.group``).

    ``before_judge`` is called with group's output once match is done, before judge
    starts: work that needs only the canonical speakers and events can begin there,
    on the core judge leaves idle (``spool.ClaimSpool``; during match, rapidfuzz's
    threads use every core).
    """
    from crosscheck import group, judge, match

    claims = extraction.claims
    progress("group", 0, None)
    groups = group.group(claims, facts_ahead)
    progress("match", 0, None)
    candidates, compared = match.match(claims, groups, jobs=jobs)
    # what match freed goes back to the system before judge builds its facts (the run's
    # peak: ``gctools.trim_heap``)
    trim_heap()
    if before_judge is not None:
        before_judge(groups)
    progress("judge", 0, None)
    findings = judge.judge(claims, groups, candidates)
    return CrossReference(
        speakers=groups.speakers,
        events=groups.events,
        findings=findings,
        speaker_of=groups.speaker_of,
        events_of=groups.events_of,
        pairs_compared=compared,
    )
