"""Hand-built Claim records for the cross-article stage tests.

A claim is written as its sentence (the article text is that sentence alone, so
offsets are sentence offsets) plus the substrings that are its content, cue, times,
events, places and quantities; offsets are found with ``str.index``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from crosscheck.records import Claim, EventMention, Place, Quantity, TimeSpan

D = dt.date.fromisoformat


def _at(sentence: str, text: str, nth: int = 0) -> int:
    pos = -1
    for _ in range(nth + 1):
        pos = sentence.index(text, pos + 1)
    return pos


def event_key(text: str) -> str:
    stop = {"the", "of", "a", "an", "in", "on", "for", "and"}
    out = set()
    for w in text.lower().replace("'s", "").split():
        if w in stop:
            continue
        if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us")):
            w = w[:-1]
        out.add(w)
    return " ".join(sorted(out))


def make(
    cid: str,
    article: str,
    sentence: str,
    content: str | None = None,
    *,
    published: str | None = None,
    kind: str = "attributed",
    speaker: str = "",
    speaker_name: str = "",
    speaker_role: str = "",
    speaker_type: str = "person",
    cue: str | None = None,
    quote: str = "indirect",
    negated: bool = False,
    outlet: str = "",
    times: Sequence[
        tuple[str, str | None, str | None] | tuple[str, str | None, str | None, str]
    ] = (),
    events: Sequence[tuple[str, str] | tuple[str, str, str, bool]] = (),
    places: Sequence[str] = (),
    quantities: Sequence[tuple[str, float, str, str]] = (),
    index: int = 0,
    at: int = 0,
) -> Claim:
    """``at`` is where the sentence starts in its (imaginary) article text."""
    content = sentence if content is None else content
    cs = _at(sentence, content) + at
    cue_start = _at(sentence, cue) + at if cue else None
    spans = []
    for t in times:
        text, first, last = t[0], t[1], t[2]
        modifier = t[3] if len(t) > 3 else ""  # type: ignore[misc]
        s = _at(sentence, text) + at
        spans.append(
            TimeSpan(
                text=text,
                start=s,
                end=s + len(text),
                first=D(first) if first else None,
                last=D(last) if last else None,
                grain="day" if first and first == last else "month",
                modifier=modifier,
                resolved_by="header" if first else "none",
            )
        )
    mentions = []
    for e in events:
        text, head = e[0], e[1]
        key = e[2] if len(e) > 2 else event_key(text)  # type: ignore[misc]
        named = e[3] if len(e) > 3 else True  # type: ignore[misc]
        s = _at(sentence, text) + at
        mentions.append(EventMention(text, s, s + len(text), head, str(key), bool(named)))
    pls = []
    for p in places:
        s = _at(sentence, p) + at
        pls.append(Place(p, s, s + len(p), p))
    qs = []
    for text, value, unit, hedge in quantities:
        s = _at(sentence, text) + at
        qs.append(Quantity(text, s, s + len(text), value, unit, hedge))
    sp_start = _at(sentence, speaker) + at if speaker and speaker in sentence else None
    return Claim(
        claim_id=cid,
        article_id=article,
        kind=kind,  # type: ignore[arg-type]
        content_start=cs,
        content_end=cs + len(content),
        sentence_start=at,
        sentence_end=at + len(sentence),
        content=content,
        sentence=sentence,
        outlet=outlet,
        published=D(published) if published else None,
        date_source="header" if published else "unknown",
        speaker=speaker,
        speaker_name=speaker_name,
        speaker_role=speaker_role,
        speaker_type=speaker_type,  # type: ignore[arg-type]
        speaker_start=sp_start,
        speaker_end=sp_start + len(speaker) if sp_start is not None else None,
        cue=cue or "",
        cue_start=cue_start,
        cue_end=cue_start + len(cue) if cue and cue_start is not None else None,
        quote=quote,  # type: ignore[arg-type]
        negated=negated,
        sentence_index=index,
        times=tuple(spans),
        places=tuple(pls),
        quantities=tuple(qs),
        events=tuple(mentions),
    )
