"""Typed records that flow between the pipeline stages.

Every record is a frozen dataclass. Each has exactly one way to become a flat row
(``to_row``), used for CSV, JSON(L) and pandas alike, so the column names are the
same everywhere.

Offsets (``start``/``end`` fields) are always character offsets into
``Article.text``, the article text exactly as read. ``Article.view`` is a
one-to-one normalised copy of that text (same length, NBSP and friends turned into
plain spaces, CR into a space or newline) which the stages match against; an offset
found in ``view`` is therefore valid in ``text``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import operator
import types
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from crosscheck.errors import CrosscheckError

# --------------------------------------------------------------------------- types

DateSource = Literal["header", "metadata", "inferred", "unknown"]
ZoneKind = Literal["header", "headline", "body", "boilerplate"]
ClaimKind = Literal["attributed", "narration", "headline"]
QuoteType = Literal["direct", "partial", "indirect", "none"]
SpeakerType = Literal["person", "organization", "document", "anonymous", "outlet", ""]
Relation = Literal["agreement", "contradiction", "quote_variant", "related"]
ManifestStatus = Literal["processed", "skipped"]


def _cell(value: Any) -> Any:
    """Flatten one value for a row: dates to ISO strings, None to ''."""
    kind = type(value)
    if kind is str or kind is int or kind is bool or kind is float:
        return value  # the common case, first
    if value is None:
        return ""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def iso(d: dt.date | None) -> str:
    return d.isoformat() if d is not None else ""


# --------------------------------------------------------------------------- ingest / clean


@dataclass(frozen=True, slots=True)
class Zone:
    """A span of the article text with its role.

    ``kind`` is ``header`` (the ``date ...`` first line), ``headline`` (the
    article's own title), ``body``, or ``boilerplate`` (captions, credits, links,
    navigation, widgets...). ``reason`` names the rule that decided it.
    """

    kind: ZoneKind
    start: int
    end: int
    reason: str = ""

    def to_row(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start, "end": self.end, "reason": self.reason}


@dataclass(frozen=True)
class Article:
    """One news article as read, plus what the clean stage learned about it."""

    id: str
    text: str
    title: str = ""
    outlet: str = ""
    published: dt.date | None = None
    date_source: DateSource = "unknown"
    source: str = ""  # path of the file it came from ('-' for stdin)
    line: int = 0  # 1-based line (JSONL/CSV record line) in that file; 0 for a whole file
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()
    # filled by clean:
    view: str = ""  # one-to-one normalised copy of text (same length)
    zones: tuple[Zone, ...] = ()

    def to_row(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "outlet": self.outlet,
            "published": iso(self.published),
            "date_source": self.date_source,
            "source": self.source,
            "line": self.line,
            "chars": len(self.text),
        }


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    """What happened to one input file or record: processed, or skipped and why."""

    source: str
    line: int
    status: ManifestStatus
    article_id: str = ""
    reason: str = ""
    hint: str = ""

    def to_row(self) -> dict[str, Any]:
        # == dataclasses.asdict(self) (flat fields), without its deep copies
        return {
            "source": self.source,
            "line": self.line,
            "status": self.status,
            "article_id": self.article_id,
            "reason": self.reason,
            "hint": self.hint,
        }


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that could not become an Article (yielded by ingest instead of one)."""

    source: str
    line: int
    reason: str
    hint: str = ""

    def message(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        tail = f" (hint: {self.hint})" if self.hint else ""
        return f"{where}: {self.reason}{tail}"


# --------------------------------------------------------------------------- segment


@dataclass(frozen=True, slots=True)
class Sentence:
    article_id: str
    index: int
    start: int
    end: int
    zone: ZoneKind = "body"
    paragraph: int = 0

    def to_row(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


# --------------------------------------------------------------------------- normalise


@dataclass(frozen=True, slots=True)
class TimeSpan:
    """A time expression and the inclusive date interval it denotes.

    ``first``/``last`` are None when the expression cannot be resolved (for
    example a month without a year in an article with no date). ``grain`` is
    day|week|month|season|quarter|year|decade; ``modifier`` is
    early|mid|late|start|end|by|since|before|after|'' ; ``resolved_by`` is
    header|metadata|inferred|absolute|none (absolute = the expression carries
    its own year).
    """

    text: str
    start: int
    end: int
    first: dt.date | None
    last: dt.date | None
    grain: str = "day"
    modifier: str = ""
    resolved_by: str = "none"

    def to_row(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "first": iso(self.first),
            "last": iso(self.last),
            "grain": self.grain,
            "modifier": self.modifier,
            "resolved_by": self.resolved_by,
        }


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with its unit and hedge ("about 40 people", "more than 1,000")."""

    text: str
    start: int
    end: int
    value: float
    unit: str = ""
    hedge: str = ""  # about|more than|less than|at least|up to|''

    def to_row(self) -> dict[str, Any]:
        # == dataclasses.asdict(self) (flat fields), without its deep copies
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "unit": self.unit,
            "hedge": self.hedge,
        }


@dataclass(frozen=True, slots=True)
class Place:
    text: str
    start: int
    end: int
    name: str  # canonical form (title-cased, possessive stripped)

    def to_row(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "name": self.name}


@dataclass(frozen=True, slots=True)
class EventMention:
    """A named event in a claim's sentence ("the Syrian National Dialogue Congress")."""

    text: str
    start: int
    end: int
    head: str  # event head noun, lower-case singular: congress, talks, ceasefire...
    key: str  # content words lower-cased, singular, sorted, space-joined
    named: bool = True  # False for a bare/generic "the talks"

    def to_row(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "head": self.head,
            "key": self.key,
            "named": self.named,
        }


# --------------------------------------------------------------------------- attribute


CLAIM_COLUMNS: tuple[str, ...] = (
    "claim_id",
    "article_id",
    "outlet",
    "published",
    "date_source",
    "kind",
    "speaker",
    "speaker_name",
    "speaker_role",
    "speaker_type",
    "speaker_start",
    "speaker_end",
    "cue",
    "via",
    "quote",
    "resolved",
    "negated",
    "content",
    "content_start",
    "content_end",
    "sentence",
    "sentence_start",
    "sentence_end",
)


@dataclass(frozen=True, slots=True)
class Claim:
    """One claim: who (speaker), how (cue, via, quote type), what (content span).

    ``speaker`` is the mention as written ("he", "the ministry", "Petrov");
    ``speaker_name`` the fullest name it resolves to in the article ("Sergei
    Petrov"); ``speaker_role`` the role found with it ("Russian Foreign
    Minister"). ``speaker_start``/``speaker_end`` are None when there is no
    mention (narration). Times, quantities, places and events are filled by the
    normalise stage.
    """

    claim_id: str
    article_id: str
    kind: ClaimKind
    content_start: int
    content_end: int
    sentence_start: int
    sentence_end: int
    content: str = ""
    sentence: str = ""
    outlet: str = ""
    published: dt.date | None = None
    date_source: DateSource = "unknown"
    speaker: str = ""
    speaker_name: str = ""
    speaker_role: str = ""
    speaker_type: SpeakerType = ""
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str = ""
    cue_start: int | None = None
    cue_end: int | None = None
    via: str = ""
    quote: QuoteType = "none"
    resolved: bool = False
    negated: bool = False
    sentence_index: int = 0
    # filled by normalise:
    times: tuple[TimeSpan, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    places: tuple[Place, ...] = ()
    events: tuple[EventMention, ...] = ()

    def to_row(self) -> dict[str, Any]:
        """The documented output schema: exactly CLAIM_COLUMNS, flat cells."""
        return {name: _cell(getattr(self, name)) for name in CLAIM_COLUMNS}

    def to_json(self) -> dict[str, Any]:
        """The row plus the normalised slots, for report.json."""
        row = self.to_row()
        row["times"] = [t.to_row() for t in self.times]
        row["quantities"] = [q.to_row() for q in self.quantities]
        row["places"] = [p.to_row() for p in self.places]
        row["events"] = [e.to_row() for e in self.events]
        return row


# --------------------------------------------------------------------------- group / match / judge


class HeldIds(tuple[str, ...]):
    """An entry's claim ids when they are held elsewhere (the dask engine's workers):
    only their number is here. ``len`` gives it (the entries' order and rows need
    no more); reading the ids raises, so that nothing uses an empty list by mistake.
    ``report.json`` gets the ids where they are (``dask_engine.DaskEntries``).
    Made by ``group.finish`` (and named ``group.HeldIds`` there); defined here, in a
    module mypyc does not compile, as mypyc cannot compile a subclass of ``tuple``."""

    _n: int

    def __new__(cls, n: int) -> HeldIds:
        self = super().__new__(cls, ())
        self._n = n
        return self

    def __len__(self) -> int:
        return self._n

    def __iter__(self) -> Iterator[str]:
        raise CrosscheckError(
            "these claim ids are held where the claims are",
            hint="read them through the engine (report.json streams them)",
        )

    def __getitem__(self, i: Any) -> Any:
        return next(iter(self))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, HeldIds) and other._n == self._n

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash(("HeldIds", self._n))

    def __repr__(self) -> str:
        return f"HeldIds({self._n})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (HeldIds, (self._n,))


@dataclass(frozen=True)
class SpeakerEntry:
    """One canonical speaker across the corpus."""

    speaker: str  # canonical display name
    key: str  # blocking key (e.g. "petrov s")
    speaker_type: str
    roles: tuple[str, ...]
    mentions: tuple[str, ...]  # every surface form seen
    articles: tuple[str, ...]
    claims: tuple[str, ...]  # claim ids

    def to_row(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker,
            "speaker_type": self.speaker_type,
            "roles": "; ".join(self.roles),
            "mentions": "; ".join(self.mentions),
            "articles": "; ".join(self.articles),
            "claims": len(self.claims),
        }


@dataclass(frozen=True)
class EventEntry:
    """One canonical named event across the corpus."""

    event: str  # canonical display name (the most frequent / fullest alias)
    key: str
    head: str
    aliases: tuple[str, ...]
    articles: tuple[str, ...]
    claims: tuple[str, ...]

    def to_row(self) -> dict[str, Any]:
        return {
            "event": self.event,
            "head": self.head,
            "aliases": "; ".join(self.aliases),
            "articles": "; ".join(self.articles),
            "claims": len(self.claims),
        }


@dataclass(frozen=True, slots=True)
class Candidate:
    """A pair of claims that share a block and scored above the cut-off."""

    a: str  # claim id (a < b)
    b: str
    block: str  # the block key that brought them together ("event:...", "speaker:...")
    score: float  # rapidfuzz similarity of the contents, 0-100

    def to_row(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True, slots=True)
class FindingValue:
    """The normalised value one claim gives for the finding's slot."""

    claim_id: str
    article_id: str
    published: dt.date | None
    text: str  # the expression as written ("late January")
    start: str = ""  # interval start (ISO) for time, number for quantity...
    end: str = ""
    speaker: str = ""

    def to_row(self) -> dict[str, Any]:
        # (flat fields: an explicit dict, not ``dataclasses.asdict``'s recursive
        # copy, which cost 2.4 s over the findings of 10,000 articles)
        return {
            "claim_id": self.claim_id,
            "article_id": self.article_id,
            "published": _cell(self.published),
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "speaker": self.speaker,
        }


@dataclass(frozen=True)
class Finding:
    """A judged relation between claims of different articles or sources."""

    id: str
    relation: Relation
    slot: str  # time|number|place|polarity|statement|quote|''
    event: str
    claims: tuple[str, ...]
    values: tuple[FindingValue, ...]  # ordered by publication date, then claim id
    articles: tuple[str, ...]
    score: float
    reason: str
    timeline: str = ""  # for time disputes: 'change over time' | 'conflict' | ''
    independent: bool = True  # False when agreeing claims repeat one source

    def to_row(self) -> dict[str, Any]:
        return {
            "finding_id": self.id,
            "relation": self.relation,
            "slot": self.slot,
            "event": self.event,
            "timeline": self.timeline,
            "claims": "; ".join(self.claims),
            "articles": "; ".join(self.articles),
            "values": "; ".join(
                f"{v.claim_id}={v.text}" + (f" [{v.start}..{v.end}]" if v.start or v.end else "")
                for v in self.values
            ),
            "score": round(self.score, 1),
            "independent": self.independent,
            "reason": self.reason,
        }

    def to_json(self) -> dict[str, Any]:
        row = self.to_row()
        row["claims"] = list(self.claims)
        row["articles"] = list(self.articles)
        row["values"] = [v.to_row() for v in self.values]
        return row


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class ArticleResult:
    """Everything extraction produced for one article."""

    article: Article
    sentences: int
    claims: tuple[Claim, ...]

    def to_row(self) -> dict[str, Any]:
        row = self.article.to_row()
        row["sentences"] = self.sentences
        row["claims"] = len(self.claims)
        return row


@dataclass(frozen=True)
class Extraction:
    """The output of the per-article stages over a whole corpus.

    ``results`` is a tuple on the local engine; the dask engine's results stay on
    its workers and ``results`` streams them (``dask_engine.DaskExtraction``).
    """

    results: Sequence[ArticleResult]
    manifest: tuple[ManifestEntry, ...]
    errors: tuple[Skipped, ...] = ()

    @property
    def claims(self) -> tuple[Claim, ...]:
        return tuple(c for r in self.results for c in r.claims)

    @property
    def articles(self) -> tuple[Article, ...]:
        return tuple(r.article for r in self.results)


@dataclass(frozen=True)
class CrossReference:
    """The output of group -> match -> judge."""

    speakers: tuple[SpeakerEntry, ...]
    events: tuple[EventEntry, ...]
    findings: tuple[Finding, ...]
    speaker_of: dict[str, str] = field(default_factory=dict)  # claim id -> canonical speaker
    events_of: dict[str, tuple[str, ...]] = field(default_factory=dict)  # claim id -> events
    pairs_compared: int = 0


# --------------------------------------------------------------------------- building


_R = TypeVar("_R")


def slot_setters(
    cls: type[_R], names: Sequence[str]
) -> (
    tuple[list[Callable[[_R, object], None]], list[tuple[Callable[[_R, object], None], object]]]
    | None
):
    """How ``cls.__init__`` fills an instance when all it does is store its arguments:
    the setters of the slots ``names`` (in that order), and those of the other fields
    with their defaults. None when ``cls`` is anything else (a ``__post_init__``, a
    field without a slot or outside ``__init__``, a default factory, a compiled class):
    instances are then made by calling it."""
    slots = vars(cls)
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    if hasattr(cls, "__post_init__") or not all(
        f.init and isinstance(slots.get(f.name), types.MemberDescriptorType) for f in fields
    ):
        return None
    rest = [f for f in fields if f.name not in names]
    if (
        not set(names) <= {f.name for f in fields}
        or len(set(names)) != len(names)
        or any(f.default is dataclasses.MISSING for f in rest)
    ):
        return None
    return [slots[name].__set__ for name in names], [
        (slots[f.name].__set__, f.default) for f in rest
    ]


def builder(cls: type[_R], names: Sequence[str]) -> Callable[[Sequence[object]], _R]:
    """A function making ``cls(**dict(zip(names, values)))`` from ``values``.

    A frozen dataclass's ``__init__`` stores each field with ``object.__setattr__``,
    which costs more than most of the work that makes a claim. For a plain frozen
    dataclass with slots (``slot_setters``), the function makes the instance as that
    ``__init__`` leaves it, faster: a bare instance whose slots are set through their
    descriptors (an equal object: tests/test_records.py). For any other class it
    calls the class."""
    names = tuple(names)
    setters = slot_setters(cls, names)
    if setters is None:

        def call(values: Sequence[object]) -> _R:
            return cls(**dict(zip(names, values, strict=True)))

        return call
    given, defaults = setters
    new = object.__new__

    def build(values: Sequence[object]) -> _R:
        obj: _R = new(cls)
        for i in range(len(values)):  # (as many as setters)
            given[i](obj, values[i])
        for setter, value in defaults:
            setter(obj, value)
        return obj

    return build


# --------------------------------------------------------------------------- pickling


def _pickled_by_fields(cls: type) -> None:
    """Pickle instances of ``cls`` (a frozen dataclass with ``__slots__``) by their fields,
    to be made again as ``builder`` makes them (``_rebuilt``).

    The default for such a class goes through the ``__getstate__``/``__setstate__`` that
    dataclasses write in Python (``fields()`` on every call, one ``object.__setattr__``
    per field). Per-article results cross a process boundary on every ``--jobs`` run
    (and the claim spool's helper reads them all back): pickled as the fields, their
    pickling time halves (measured: 30k claims, 0.53 s -> 0.23 s), and made again by
    ``builder`` rather than by calling the class, their loading time falls by a quarter
    (60 chunks of abp results, 68 MB: 0.62 -> 0.46 s). The objects that come back are
    equal, field for field: no class here has a ``__post_init__``. A class ``builder``
    cannot fill is made again by calling it.
    """
    names = [f.name for f in dataclasses.fields(cls)]
    getter = operator.attrgetter(*names)
    if slot_setters(cls, names) is None:

        def __reduce__(self: Any) -> tuple[Any, ...]:
            return (cls, getter(self))

    else:
        _BUILDERS[cls] = builder(cls, names)

        def __reduce__(self: Any) -> tuple[Any, ...]:
            return (_rebuilt, (cls, getter(self)))

    cls.__reduce__ = __reduce__  # type: ignore[assignment,method-assign]


# the ``builder`` of each record class pickled by its fields, for ``_rebuilt``
_BUILDERS: dict[type, Callable[[Sequence[object]], Any]] = {}


def _rebuilt(cls: type[_R], values: Sequence[object]) -> _R:
    """The record of class ``cls`` with these field values, as its pickle makes it again
    (``_pickled_by_fields``)."""
    made: _R = _BUILDERS[cls](values)
    return made


#: The records made per claim or per sentence (the bulk of every extraction result).
PICKLED_BY_FIELDS: tuple[type, ...] = (
    Zone,
    Sentence,
    TimeSpan,
    Quantity,
    Place,
    EventMention,
    Claim,
)
for _cls in PICKLED_BY_FIELDS:
    _pickled_by_fields(_cls)
