"""PROVISIONAL normalise stage (being replaced): identity."""

from __future__ import annotations

from collections.abc import Sequence

from crosscheck.records import Article, Claim


def normalise(article: Article, claims: Sequence[Claim]) -> tuple[Claim, ...]:
    return tuple(claims)
