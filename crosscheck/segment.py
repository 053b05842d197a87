"""PROVISIONAL segment stage (being replaced): naive regex splitter."""

from __future__ import annotations

import re

from crosscheck.records import Article, Sentence

_SENT = re.compile(r"[^\n.!?]+(?:[.!?]+[\"'\u201d\u2019]*|\n|$)")


def segment(article: Article) -> tuple[Sentence, ...]:
    text = article.view or article.text
    out: list[Sentence] = []
    for m in _SENT.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append(Sentence(article.id, len(out), s, e, "body", 0))
    return tuple(out)
