"""PROVISIONAL attribute stage (being replaced): finds nothing."""

from __future__ import annotations

from collections.abc import Sequence

from crosscheck.records import Article, Claim, Sentence


def attribute(article: Article, sentences: Sequence[Sentence]) -> tuple[Claim, ...]:
    return ()
