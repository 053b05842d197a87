"""PROVISIONAL ingest stage (being replaced): .txt files and folders only."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from crosscheck.records import Article, Skipped

_HEADER = re.compile(r"\s*date (\d{4}-\d{2}-\d{2})\b")


@dataclass(frozen=True)
class IngestOptions:
    id_field: str | None = None
    title_field: str | None = None
    date_field: str | None = None
    outlet_field: str | None = None
    text_field: str | None = None
    format: str | None = None


def read(paths: Sequence[str], options: IngestOptions) -> Iterator[Article | Skipped]:
    for p in paths:
        path = Path(p)
        files = sorted(path.rglob("*.txt")) if path.is_dir() else [path]
        for f in files:
            try:
                text = f.read_text(encoding="utf-8")
            except OSError as exc:
                yield Skipped(str(f), 0, str(exc))
                continue
            m = _HEADER.match(text)
            published = dt.date.fromisoformat(m.group(1)) if m else None
            yield Article(id=f.stem, text=text, published=published,
                          date_source="header" if m else "unknown", source=str(f))
