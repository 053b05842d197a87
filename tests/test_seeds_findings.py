"""Acceptance: ../shared/gold/seeds-findings.json holds on the real pipeline over seeds/.

Gold claim ids are mapped to produced claims by "the gold text lies inside the claim's
sentence, in the gold article" (after NBSP -> space). Every ``must`` finding must be
present and no ``must_not`` false alarm may be.

The cross-article stages can only be as good as their input. Where a gold claim is
not extracted, or lacks the event, time or place the finding rests on, the test
calls ``pytest.xfail`` naming exactly what the upstream stage must produce; once the
input is there, the finding is asserted strictly.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from crosscheck import pipeline
from crosscheck.records import Claim, CrossReference, Extraction

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
GOLD_FINDINGS = SHARED / "gold" / "seeds-findings.json"
GOLD_CLAIMS = SHARED / "gold" / "seeds-claims.json"


def _norm(text: str) -> str:
    return text.replace("\u00a0", " ")


@pytest.fixture(scope="module")
def world() -> tuple[Extraction, CrossReference, dict[str, Any], dict[str, Any]]:
    if not GOLD_FINDINGS.exists() or not GOLD_CLAIMS.exists():
        pytest.skip(f"{SHARED / 'gold'} is absent (../shared is not beside this checkout)")
    extraction = pipeline.extract([str(ROOT / "seeds")])
    xref = pipeline.cross_reference(extraction)
    findings = json.loads(GOLD_FINDINGS.read_text(encoding="utf-8"))
    claims = json.loads(GOLD_CLAIMS.read_text(encoding="utf-8"))
    return extraction, xref, findings, claims


def _gold(world: Any) -> dict[str, dict[str, Any]]:
    return {c["id"]: c for c in world[3]["claims"]}


def _produced(world: Any, gid: str) -> list[Claim]:
    g = _gold(world)[gid]
    text = _norm(g["text"])
    return [
        c for c in world[0].claims if c.article_id == g["article"] and text in _norm(c.sentence)
    ]


def _finding(world: Any, fid: str) -> dict[str, Any]:
    for f in world[2]["findings"] + world[2]["must_not"]:
        if f["id"] == fid:
            return dict(f)
    raise KeyError(fid)


def _need_claims(world: Any, ids: list[str]) -> dict[str, list[Claim]]:
    mapped = {gid: _produced(world, gid) for gid in ids}
    missing = [gid for gid, cs in mapped.items() if not cs]
    if missing:
        details = "; ".join(
            f"{gid} ({_gold(world)[gid]['article']}: {_gold(world)[gid]['text'][:50]!r})"
            for gid in missing
        )
        pytest.xfail(f"needs upstream attribute: no claim extracted for {details}")
    return mapped


def _owner(mapped: dict[str, list[Claim]], claim_id: str) -> str | None:
    for gid, cs in mapped.items():
        if any(c.claim_id == claim_id for c in cs):
            return gid
    return None


def test_f1_congress_timing_is_one_finding(world: Any) -> None:
    gold = _finding(world, "F1")
    mapped = _need_claims(world, gold["claims"])
    aliases = [a.lower() for a in gold["aliases_in_text"]]
    for gid, (first, last) in gold["values"].items():
        ok = [
            c
            for c in mapped[gid]
            if any(
                e.text.lower().removeprefix("the ").strip() in aliases or e.text.lower() in aliases
                for e in c.events
            )
            and any(
                t.first and t.first.isoformat() == first and t.last and t.last.isoformat() == last
                for t in c.times
            )
        ]
        if not ok:
            pytest.xfail(
                f"needs upstream normalise: claim {gid} must carry the congress event mention "
                f"and the time {first}..{last}"
            )
    hits = [
        f
        for f in world[1].findings
        if f.relation == "contradiction"
        and f.slot == "time"
        and {gid for gid in gold["claims"]} <= {_owner(mapped, c) for c in f.claims}
    ]
    assert len(hits) == 1, [f.to_row() for f in world[1].findings if f.slot == "time"]
    (f,) = hits
    assert "dialogue" in f.event.lower() and "congress" in f.event.lower()
    got: dict[str, tuple[str, str]] = {}
    for v in f.values:
        gid = _owner(mapped, v.claim_id)
        if gid in gold["values"]:
            got[gid] = (v.start, v.end)
    assert got == {gid: tuple(v) for gid, v in gold["values"].items()}
    # ordered by publication date, undated articles last
    dates = [v.published for v in f.values]
    known = [d for d in dates if d is not None]
    assert known == sorted(known) and dates[: len(known)] == known
    assert f.timeline in ("change over time", "conflict")


def test_f1b_every_article_places_the_congress_in_sochi(world: Any) -> None:
    gold = _finding(world, "F1b")
    mapped = _need_claims(world, gold["claims"])
    for gid in gold["claims"]:
        if not any(
            "sochi" in p.name.lower() or "sochi" in p.text.lower()
            for c in mapped[gid]
            for p in c.places
        ):
            pytest.xfail(f"needs upstream normalise: claim {gid} must carry the place Sochi")
    hits = [
        f
        for f in world[1].findings
        if f.relation == "agreement"
        and f.slot == "place"
        and set(gold["claims"]) <= {_owner(mapped, c) for c in f.claims}
    ]
    assert hits, [f.to_row() for f in world[1].findings if f.slot == "place"]


def test_f2_civil_war_since_2011_agreement(world: Any) -> None:
    gold = _finding(world, "F2")
    mapped = _need_claims(world, gold["claims"])
    hits = [
        f
        for f in world[1].findings
        if f.relation == "agreement"
        and set(gold["claims"]) <= {_owner(mapped, c) for c in f.claims}
    ]
    assert hits


def test_f5_lavrov_is_one_speaker(world: Any) -> None:
    gold = _finding(world, "F5")
    entries = [e for e in world[1].speakers if set(gold["articles"]) <= set(e.articles)]
    lavrov = [e for e in entries if "lavrov" in e.speaker.lower()]
    assert len(lavrov) == 1, [
        e.to_row() for e in world[1].speakers if "lavrov" in e.speaker.lower()
    ]
    (entry,) = lavrov
    mentions = [_norm(m).lower() for m in entry.mentions]
    for m in gold["mentions"]:
        assert any(m.lower() in x for x in mentions), (m, entry.mentions)


@pytest.mark.parametrize("fid", ["N1", "N2", "N3"], ids=["N1", "N2", "N3"])
def test_no_false_alarm(world: Any, fid: str) -> None:
    gold = _finding(world, fid)
    mapped = {gid: _produced(world, gid) for gid in gold["claims"]}
    for f in world[1].findings:
        if f.relation != gold["relation"]:
            continue
        owners = {_owner(mapped, c) for c in f.claims}
        assert not set(gold["claims"]) <= owners, f.to_row()
