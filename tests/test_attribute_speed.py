"""The speed rewrites of attribute.py give the same results as the code they replace
(kept here as the reference)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck import attribute

# the quotation-mark pattern before it was written to open with a character class
_QUOTE_RE_REFERENCE = re.compile(r"''|``|[\"“”«»„‟]")


def _quote_spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "'",
        "`",
        "''",
        "``",
        "'''",
        "```",
        "`'`'",
        "'`'`",
        '"A," he said.',
        "“A”, «B», „C‟ and ''D'' or ``E''",
        "it's ‘partly’ quoted",
        "''''\"\"``",
        "x'y`z\"",
    ],
    ids=[
        "empty",
        "apostrophe",
        "backtick",
        "two-apostrophes",
        "two-backticks",
        "three-apostrophes",
        "three-backticks",
        "mixed-1",
        "mixed-2",
        "straight-quotes",
        "every-mark",
        "apostrophe-and-single-quotes",
        "runs",
        "inside-words",
    ],
)
def test_quote_re_as_reference(text: str) -> None:
    assert _quote_spans(attribute._QUOTE_RE, text) == _quote_spans(_QUOTE_RE_REFERENCE, text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("'`\"“”«»„‟‘’ a\n")), max_size=40))
def test_quote_re_as_reference_generated(text: str) -> None:
    assert _quote_spans(attribute._QUOTE_RE, text) == _quote_spans(_QUOTE_RE_REFERENCE, text)
