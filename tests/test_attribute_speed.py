"""The speed rewrites of attribute.py give the same results as the code they replace
(kept here as the reference)."""

from __future__ import annotations

import dataclasses
import pickle
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck import attribute, normalise, records

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


# ------------------------------------------------ claims made without Claim.__init__


def test_claims_are_made_without_init_for_this_claim_class() -> None:
    # (the fast path is on, for attribute's fields and for all of them (normalise): if
    # Claim changes so that it no longer applies, this test says so; the claims are
    # then made by calling Claim)
    assert records.slot_setters(attribute.Claim, attribute._CLAIM_ARGS) is not None
    every = [f.name for f in dataclasses.fields(attribute.Claim)]
    assert records.slot_setters(attribute.Claim, every) is not None


@dataclasses.dataclass(frozen=True, slots=True)
class _Checked:
    a: int
    b: str = "x"

    def __post_init__(self) -> None:
        if self.a < 0:
            raise ValueError("negative")


@dataclasses.dataclass(frozen=True)
class _NoSlots:
    a: int
    b: str = "x"


@pytest.mark.parametrize("cls", [_Checked, _NoSlots], ids=["post-init", "no-slots"])
def test_builder_calls_any_other_class(cls: type) -> None:
    assert records.slot_setters(cls, ["a"]) is None
    build = records.builder(cls, ["a"])
    assert build([3]) == cls(a=3)
    if cls is _Checked:  # (its __post_init__ runs)
        with pytest.raises(ValueError, match="negative"):
            build([-1])


_CLAIM_VALUES = st.tuples(
    st.text(max_size=8),
    st.text(max_size=8),
    st.sampled_from(["attributed", "narration", "headline"]),
    *[st.integers(0, 10**6)] * 4,
    st.text(max_size=8),
    st.text(max_size=8),
    st.text(max_size=8),
    st.none() | st.dates(),
    st.sampled_from(["header", "metadata", "inferred", "unknown"]),
    *[st.text(max_size=8)] * 3,
    st.sampled_from(["", "person", "organization", "document", "anonymous", "outlet"]),
    *[st.none() | st.integers(0, 10**6)] * 2,
    st.text(max_size=8),
    *[st.none() | st.integers(0, 10**6)] * 2,
    st.text(max_size=8),
    st.sampled_from(["none", "direct", "partial", "indirect"]),
    st.booleans(),
    st.booleans(),
    st.integers(0, 1000),
)


@settings(max_examples=200, deadline=None)
@given(_CLAIM_VALUES)
def test_new_claim_is_the_constructed_claim(values: tuple[object, ...]) -> None:
    assert len(values) == len(attribute._CLAIM_ARGS)
    want = attribute.Claim(**dict(zip(attribute._CLAIM_ARGS, values, strict=True)))  # type: ignore[arg-type]
    got = attribute._new_claim(values)
    assert type(got) is attribute.Claim
    assert got == want
    assert hash(got) == hash(want)
    assert repr(got) == repr(want)
    for f in dataclasses.fields(attribute.Claim):
        assert getattr(got, f.name) is getattr(want, f.name), f.name
    assert pickle.loads(pickle.dumps(got)) == want


@settings(max_examples=100, deadline=None)
@given(_CLAIM_VALUES)
def test_normalise_builds_the_claim_dataclasses_replace_builds(values: tuple[object, ...]) -> None:
    # normalise's builder takes every field in order (the slots last)
    base = attribute.Claim(**dict(zip(attribute._CLAIM_ARGS, values, strict=True)))  # type: ignore[arg-type]
    slots = ((), (), (), ())
    want = dataclasses.replace(base, times=(), quantities=(), places=(), events=())
    every = [getattr(base, f.name) for f in dataclasses.fields(attribute.Claim)]
    got = normalise._new_claim((*every[:-4], *slots))
    assert type(got) is attribute.Claim and got == want and repr(got) == repr(want)


# ------------------------------------- scans rewritten to open with a character class

_SCAN_ALPHABET = st.sampled_from(
    [
        *"aeinosdtwT AISKM.,'’-_2\n",
        *["ſ", "K", "İ", "ı", "é", "٣", "—", "“", "\u00a0"],
        *["is ", "was ", "said", "ed ", "n't", "May ", "March ", "Talks", " in Paris", "two "],
        *["WASHINGTON", " (AP) ", " -- ", "the ", "of "],
    ]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(_SCAN_ALPHABET, max_size=24).map("".join), st.data())
def test_scans_as_references_generated(text: str, data: st.DataObject) -> None:
    s = data.draw(st.integers(0, len(text)))
    e = data.draw(st.integers(s, len(text)))
    assert attribute._checkable(text, s, e) == (attribute._CHECKABLE.search(text, s, e) is not None)
    assert attribute._has_verb(text[s:e]) == (attribute._HAS_VERB.search(text[s:e]) is not None)
    if attribute._DATELINE.match(text, s, e) is not None:
        assert attribute._may_open_dateline(text, s, e)
    lcw = attribute._LOWER_CONTENT_WORD
    first = lcw.search(text, s, e)
    two = first is not None and lcw.search(text, first.end(), e) is not None
    assert (attribute._TWO_LOWER_CONTENT_WORDS.search(text, s, e) is not None) == two
    reference = re.compile(r"(?=[A-Za-z])" + attribute._CUE_PATTERN)
    want = [m.span() for m in reference.finditer(text, s, e)]
    scan = attribute._CUE_SCAN
    if s == 0:  # (a cue opening the text, then the scan)
        first_cue = attribute._CUE_RE.match(text, 0, e)
        got = [] if first_cue is None else [first_cue.span()]
        after = first_cue.end() if first_cue is not None else 0
        got += [(m.start() + 1, m.end()) for m in scan.finditer(text, after, e)]
    else:  # (the character before the window takes the scan's leading class)
        got = [(m.start() + 1, m.end()) for m in scan.finditer(text, s - 1, e)]
    assert got == want
