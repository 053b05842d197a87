"""Regular-expression building blocks shared by the stages.

``trie`` turns a word list into a prefix-factored alternation: Python's regex engine
tries the branches of a flat alternation one by one at every position, while a trie
rejects a position after a character test or two. ``trie_with_tails`` does the same
with a pattern of its own after each word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any


def trie(words: Iterable[str]) -> str:
    """A prefix-factored alternation matching exactly ``words`` (longest match first;
    a word that is a prefix of another makes the rest optional)."""
    root: dict[str, Any] = {}  # a character -> its node; "" marks the end of a word
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + emit(node[ch]) for ch in sorted(node) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


def trie_with_tails(tails: Mapping[str, str]) -> str:
    """A prefix-factored alternation of words (longest first), each word followed by
    its own pattern (``tails[word]``)."""
    root: dict[str, Any] = {}  # a character -> its node; "" -> the tail of a word
    for word, tail in tails.items():
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = tail

    def emit(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + emit(node[ch]) for ch in sorted(node) if ch]
        if "" in node:
            alts.append(node[""])
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(root)
