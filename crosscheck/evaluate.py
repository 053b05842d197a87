"""Score extracted claims against brat-standoff attribution annotations.

The gold format is PolNeAR's (``../shared/corpora/polnear-dev``): one ``.ann``
file per article and annotator, named ``<article>_<annotator>.ann`` beside a
``text/<article>.txt``. ``T`` lines are text-bound spans
(``T3<TAB>Content 115 290<TAB>that ...``; a discontinuous span is written
``a b;c d``) and ``E`` lines tie one attribution together
(``E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1``). Attributions without a
source use the trigger label ``Attribution-no-source``.

Decisions (documented in the README as well):

* **One annotator per article**: the first ``.ann`` file in sorted order.
* **What counts as a prediction**: a claim is an attribution when someone other
  than the outlet says it. Narration claims (``kind=narration``: the outlet's own
  voice) and headline claims spoken by the outlet (``speaker_type=outlet``) are
  *not* attributions and are excluded from the scoring; attributed claims and
  headlines attributed to someone (``"... - Petrov"``) are scored.
* **One relation per speaker mention and cue**: claims that share the same
  speaker mention and the same cue (a quotation that runs on over several
  sentences gives one claim per sentence, each pointing at the same "X said") are
  one attribution relation, as in brat where one Attribution event ties a
  discontinuous content; their content spans are united for matching.
* **Content match**: a predicted content span matches a gold attribution when it
  overlaps at least 50% of the gold content (the union of its pieces, measured in
  characters of the gold span). Matching is one-to-one and greedy: all pairs
  above the threshold are sorted by overlap ratio (largest first), then by
  whether the speaker also matches, then by gold and prediction order, and taken
  in that order when both sides are still free. Same input, same result.
* **Attribution match**: the pair matched on content AND the predicted speaker
  span overlaps the gold Source span by at least one character. A gold
  attribution without a Source counts as matched only when the prediction has
  no speaker span either.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crosscheck.errors import GoldError
from crosscheck.records import Claim, Extraction

Span = tuple[int, int]

#: Overlap (fraction of the gold content span) a prediction needs to match it.
CONTENT_THRESHOLD = 0.5

_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t?(.*)$")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")
_ANN_NAME = re.compile(r"^(?P<article>.+)_(?P<annotator>[^_]+)\.ann$")


@dataclass(frozen=True)
class GoldAttribution:
    """One gold attribution relation: source, cue and content spans (each may be
    discontinuous, hence tuples of (start, end))."""

    article_id: str
    id: str  # the E line id ("E3")
    content: tuple[Span, ...]
    source: tuple[Span, ...] = ()
    cue: tuple[Span, ...] = ()
    content_text: str = ""
    source_text: str = ""
    cue_text: str = ""
    annotator: str = ""

    @property
    def content_length(self) -> int:
        return sum(e - s for s, e in _union(self.content))

    def to_row(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "id": self.id,
            "annotator": self.annotator,
            "source": _spans_str(self.source),
            "cue": _spans_str(self.cue),
            "content": _spans_str(self.content),
            "source_text": self.source_text,
            "cue_text": self.cue_text,
            "content_text": self.content_text,
        }


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1 from counts."""

    tp: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_row(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "predicted": self.predicted,
            "gold": self.gold,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True)
class Match:
    """A gold attribution paired with a predicted claim."""

    gold_id: str
    claim_id: str
    overlap: float  # fraction of the gold content covered by the prediction
    speaker_ok: bool

    def to_row(self) -> dict[str, Any]:
        return {
            "gold_id": self.gold_id,
            "claim_id": self.claim_id,
            "overlap": round(self.overlap, 4),
            "speaker_ok": self.speaker_ok,
        }


@dataclass(frozen=True)
class ArticleScore:
    """The matching for one article: what matched, what was missed, what was extra."""

    article_id: str
    gold: int
    predicted: int
    matches: tuple[Match, ...]
    missed: tuple[str, ...]  # gold ids without a match
    extra: tuple[str, ...]  # claim ids without a match

    @property
    def content_tp(self) -> int:
        return len(self.matches)

    @property
    def attribution_tp(self) -> int:
        return sum(1 for m in self.matches if m.speaker_ok)

    def to_row(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "gold": self.gold,
            "predicted": self.predicted,
            "content_tp": self.content_tp,
            "attribution_tp": self.attribution_tp,
        }


@dataclass(frozen=True)
class Scores:
    """Corpus-level content and attribution scores, with the per-article detail."""

    content: PRF
    attribution: PRF
    articles: int  # gold articles scored
    missing: tuple[str, ...] = ()  # gold articles with no extracted article at all
    per_article: tuple[ArticleScore, ...] = ()

    def to_row(self) -> dict[str, Any]:
        row: dict[str, Any] = {"articles": self.articles, "missing_articles": len(self.missing)}
        for name, prf in (("content", self.content), ("attribution", self.attribution)):
            for key, value in prf.to_row().items():
                row[f"{name}_{key}"] = value
        return row


# --------------------------------------------------------------------------- gold


def _spans_str(spans: Sequence[Span]) -> str:
    return ";".join(f"{s} {e}" for s, e in spans)


def _union(spans: Iterable[Span]) -> list[Span]:
    out: list[Span] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _parse_spans(raw: str, where: str) -> tuple[Span, ...]:
    spans: list[Span] = []
    for piece in raw.split(";"):
        parts = piece.split()
        if len(parts) != 2:
            raise GoldError(f"{where}: bad span {raw!r}", hint="expected 'start end' or 'a b;c d'")
        s, e = int(parts[0]), int(parts[1])
        if e < s:
            raise GoldError(f"{where}: span end before start: {raw!r}")
        spans.append((s, e))
    return tuple(spans)


def parse_ann(
    text: str, article_id: str, annotator: str = "", where: str = ""
) -> list[GoldAttribution]:
    """Parse one brat ``.ann`` file's text into gold attributions (E lines in file order)."""
    where = where or article_id
    spans: dict[str, tuple[str, tuple[Span, ...], str]] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        m = _T_LINE.match(line)
        if m:
            spans[m.group(1)] = (m.group(2), _parse_spans(m.group(3), f"{where}:{n}"), m.group(4))
            continue
        m = _E_LINE.match(line)
        if m:
            args = []
            for part in m.group(2).split():
                role, _, ref = part.partition(":")
                args.append((role, ref))
            events.append((m.group(1), args))
    out: list[GoldAttribution] = []
    for eid, args in events:
        content: list[Span] = []
        source: list[Span] = []
        cue: list[Span] = []
        texts: dict[str, list[str]] = {"content": [], "source": [], "cue": []}
        for role, ref in args:
            if ref not in spans:
                raise GoldError(f"{where}: {eid} refers to unknown span {ref}")
            _, sp, txt = spans[ref]
            if role.startswith("Content"):
                content.extend(sp)
                texts["content"].append(txt)
            elif role == "Source":
                source.extend(sp)
                texts["source"].append(txt)
            elif role == "Cue":
                cue.extend(sp)
                texts["cue"].append(txt)
        if not content:
            continue  # nothing to score against
        out.append(
            GoldAttribution(
                article_id=article_id,
                id=eid,
                content=tuple(sorted(content)),
                source=tuple(sorted(source)),
                cue=tuple(sorted(cue)),
                content_text=" ... ".join(texts["content"]),
                source_text=" ... ".join(texts["source"]),
                cue_text=" ... ".join(texts["cue"]),
                annotator=annotator,
            )
        )
    return out


def load_gold(directory: Path) -> dict[str, list[GoldAttribution]]:
    """Read every ``<article>_<annotator>.ann`` under ``directory`` (recursively).

    ``directory`` may be the corpus folder (holding ``attributions/``) or the
    annotation folder itself. Per article only the first annotator file in
    sorted order is used. Raises ``GoldError`` when nothing can be read.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise GoldError(f"{directory}: not a folder", hint="pass the folder holding the .ann files")
    first: dict[str, tuple[Path, str]] = {}
    for path in sorted(directory.rglob("*.ann")):
        m = _ANN_NAME.match(path.name)
        if not m:
            continue
        first.setdefault(m.group("article"), (path, m.group("annotator")))
    if not first:
        raise GoldError(
            f"{directory}: no brat annotation files (*_<annotator>.ann) found",
            hint="expected files like attributions/NAME_ab12.ann",
        )
    gold: dict[str, list[GoldAttribution]] = {}
    for article_id in sorted(first):
        path, annotator = first[article_id]
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise GoldError(f"{path}: cannot read: {exc}") from exc
        gold[article_id] = parse_ann(text, article_id, annotator, str(path))
    return gold


# --------------------------------------------------------------------------- scoring


def is_prediction(claim: Claim) -> bool:
    """Whether a claim counts as a predicted attribution (see the module doc)."""
    return claim.kind != "narration" and claim.speaker_type != "outlet"


def _covered(start: int, end: int, gold: Sequence[Span]) -> int:
    return sum(max(0, min(end, e) - max(start, s)) for s, e in gold)


def _speaker_ok(claim: Claim, gold: GoldAttribution) -> bool:
    if claim.speaker_start is None or claim.speaker_end is None:
        return not gold.source
    if not gold.source:
        return False
    return _covered(claim.speaker_start, claim.speaker_end, gold.source) > 0


@dataclass(frozen=True)
class _Relation:
    """Predicted claims grouped by (speaker mention, cue): one attribution relation."""

    claim: Claim  # the first claim of the group (its id names the relation)
    content: tuple[Span, ...]


def relations(claims: Sequence[Claim]) -> list[_Relation]:
    """Group the predictions of one article into attribution relations (text order)."""
    groups: dict[tuple[object, ...], list[Claim]] = {}
    order: list[tuple[object, ...]] = []
    for c in claims:
        if not is_prediction(c):
            continue
        if c.speaker_start is None or c.cue_start is None:
            key: tuple[object, ...] = ("claim", c.claim_id)
        else:
            key = (c.speaker_start, c.speaker_end, c.cue_start, c.cue_end)
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(c)
    out: list[_Relation] = []
    for key in order:
        members = groups[key]
        spans = tuple(_union((c.content_start, c.content_end) for c in members))
        out.append(_Relation(members[0], spans))
    return out


def _covered_by(spans: Sequence[Span], gold: Sequence[Span]) -> int:
    return sum(_covered(s, e, gold) for s, e in spans)


def match_article(
    article_id: str, gold: Sequence[GoldAttribution], claims: Sequence[Claim]
) -> ArticleScore:
    """One-to-one greedy matching of predicted relations to gold attributions."""
    rels = relations(claims)
    preds = [r.claim for r in rels]
    pairs: list[tuple[float, bool, int, int]] = []
    for gi, g in enumerate(gold):
        pieces = _union(g.content)
        length = sum(e - s for s, e in pieces)
        if length <= 0:
            continue
        lo, hi = pieces[0][0], pieces[-1][1]
        for pi, r in enumerate(rels):
            if r.content[-1][1] <= lo or r.content[0][0] >= hi:
                continue
            ratio = _covered_by(r.content, pieces) / length
            if ratio >= CONTENT_THRESHOLD:
                pairs.append((ratio, _speaker_ok(r.claim, g), gi, pi))
    pairs.sort(key=lambda p: (-p[0], not p[1], p[2], p[3]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    matches: list[Match] = []
    for ratio, ok, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        matches.append(Match(gold[gi].id, preds[pi].claim_id, ratio, ok))
    matches.sort(key=lambda m: (m.gold_id, m.claim_id))
    return ArticleScore(
        article_id=article_id,
        gold=len(gold),
        predicted=len(preds),
        matches=tuple(matches),
        missed=tuple(g.id for i, g in enumerate(gold) if i not in used_g),
        extra=tuple(c.claim_id for i, c in enumerate(preds) if i not in used_p),
    )


def evaluate(
    gold: Mapping[str, Sequence[GoldAttribution]],
    extraction: Extraction | Iterable[Claim],
) -> Scores:
    """Content and attribution precision/recall/F1 of ``extraction`` against ``gold``.

    Only articles present in ``gold`` are scored (matched by article id, the text
    file's stem). A gold article with no extracted article is scored with no
    predictions and listed in ``missing``.
    """
    if isinstance(extraction, Extraction):
        claims: Iterable[Claim] = extraction.claims
        seen: set[str] | None = {r.article.id for r in extraction.results}
    else:
        claims = list(extraction)
        seen = None  # bare claims: an article without claims is not "missing"
    by_article: dict[str, list[Claim]] = {}
    for c in claims:
        by_article.setdefault(c.article_id, []).append(c)
    per: list[ArticleScore] = []
    missing: list[str] = []
    for article_id in sorted(gold):
        if seen is not None and article_id not in seen:
            missing.append(article_id)
        per.append(match_article(article_id, gold[article_id], by_article.get(article_id, [])))
    n_gold = sum(a.gold for a in per)
    n_pred = sum(a.predicted for a in per)
    return Scores(
        content=PRF(sum(a.content_tp for a in per), n_pred, n_gold),
        attribution=PRF(sum(a.attribution_tp for a in per), n_pred, n_gold),
        articles=len(per),
        missing=tuple(missing),
        per_article=tuple(per),
    )
