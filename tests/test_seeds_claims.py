"""Acceptance on the five seed articles: ../shared/gold/seeds-claims.json.

* every ``must`` claim is found: its text (NBSP -> space) lies inside the sentence of
  a claim whose speaker name matches one acceptable name (case-insensitive, either
  contains the other) and whose cue matches one acceptable cue (the same rule); for
  narration, kind=narration or speaker_type=outlet is enough; ``resolved`` and
  ``negated`` are checked where the gold sets them to true;
* no ``must_not`` text (captions, linked headlines, navigation, widgets) lies inside
  any claim's sentence;
* ``may`` claims are counted (``test_may_claims_are_counted`` prints the tally).

Skipped cleanly when ../shared is absent.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest
from conftest import SEEDS, SHARED

from crosscheck import pipeline
from crosscheck.records import Claim

GOLD = SHARED / "gold" / "seeds-claims.json"


def _gold() -> dict[str, Any]:
    if not GOLD.exists():
        return {"claims": [], "must_not": []}
    data: dict[str, Any] = json.loads(GOLD.read_text(encoding="utf-8"))
    return data


@cache
def _claims() -> dict[str, list[Claim]]:
    extraction = pipeline.extract([str(SEEDS)])
    out: dict[str, list[Claim]] = {}
    for c in extraction.claims:
        out.setdefault(c.article_id, []).append(c)
    return out


def _norm(text: str) -> str:
    return text.replace("\u00a0", " ")


def _same(a: str, b: str) -> bool:
    a, b = _norm(a).lower().strip(), _norm(b).lower().strip()
    return bool(a and b) and (a in b or b in a)


def satisfies(gold: dict[str, Any], claim: Claim) -> bool:
    """Does ``claim`` realise the gold claim (text in sentence, speaker, cue, flags)?"""
    if _norm(gold["text"]) not in _norm(claim.sentence):
        return False
    if gold["kind"] == "narration":
        ok = claim.kind == "narration" or claim.speaker_type == "outlet"
    elif gold["kind"] == "headline" and not gold["cue"]:
        ok = claim.kind == "headline"
    else:
        ok = any(_same(claim.speaker_name, s) for s in gold["speaker"]) and (
            not gold["cue"] or any(_same(claim.cue, q) for q in gold["cue"])
        )
    if gold.get("resolved") and not claim.resolved:
        return False
    if gold.get("negated") and not claim.negated:
        return False
    return ok


def _found(gold: dict[str, Any]) -> list[Claim]:
    return [c for c in _claims().get(gold["article"], []) if satisfies(gold, c)]


MUST = [g for g in _gold()["claims"] if g["level"] == "must"]
MAY = [g for g in _gold()["claims"] if g["level"] == "may"]
MUST_NOT = _gold()["must_not"]


def _skip_without_gold() -> None:
    if not GOLD.exists():
        pytest.skip(f"{GOLD} is absent (../shared is not beside this checkout)")


@pytest.mark.parametrize("gold", MUST, ids=[g["id"] for g in MUST])
def test_must_claim_found(gold: dict[str, Any]) -> None:
    _skip_without_gold()
    candidates = [
        (c.kind, c.speaker_name, c.cue, c.resolved, c.negated)
        for c in _claims().get(gold["article"], [])
        if _norm(gold["text"]) in _norm(c.sentence)
    ]
    assert _found(gold), f"{gold['id']}: no claim satisfies it; candidates {candidates}"


@pytest.mark.parametrize(
    "bad", MUST_NOT, ids=[f"{b['article'][:3]}-{b['text'][:30]}" for b in MUST_NOT]
)
def test_must_not_text_in_no_claim(bad: dict[str, Any]) -> None:
    _skip_without_gold()
    offenders = [
        c.claim_id
        for c in _claims().get(bad["article"], [])
        if _norm(bad["text"]) in _norm(c.sentence)
    ]
    assert not offenders, f"{bad['why']}: {offenders}"


def test_may_claims_are_counted(capsys: pytest.CaptureFixture[str]) -> None:
    _skip_without_gold()
    found = [g["id"] for g in MAY if _found(g)]
    with capsys.disabled():
        print(f"\nseeds: {len(found)}/{len(MAY)} may-claims found: {', '.join(found)}")
    assert len(found) >= 1  # the tally is informative; finding none means a broken stage


def test_seed_claims_have_stable_ids() -> None:
    first = [c.claim_id for cs in _claims().values() for c in cs]
    again = [c.claim_id for c in pipeline.extract([str(SEEDS)]).claims]
    assert sorted(first) == sorted(again)
    assert len(first) == len(set(first))
