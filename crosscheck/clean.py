"""PROVISIONAL clean stage (being replaced): view normalisation only, whole text is body."""

from __future__ import annotations

import dataclasses

from crosscheck.records import Article, Zone

_MAP = str.maketrans({"\u00a0": " ", "\r": " ", "\u2009": " ", "\u202f": " "})


def clean(article: Article) -> Article:
    view = article.text.translate(_MAP)
    return dataclasses.replace(article, view=view, zones=(Zone("body", 0, len(view), "all"),))
