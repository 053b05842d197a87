"""Work done ahead by a helper process while the main process runs a one-core stage:
part of group's text facts, and the claims' report text (``ClaimSpool``).

``crosscheck report`` with more than one local job forks the helper before the
extraction; the engine keeps the pickled result chunks the pool sends anyway
(``engine.run_extraction(sink=...)``), the helper reads them back, and
``report.write_report`` takes over the files it finished. Nothing here prints.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import operator
import os
import pickle
import signal
import struct
import tempfile
import threading
import typing
from collections.abc import Iterator
from pathlib import Path

from crosscheck import safeio
from crosscheck.records import ArticleResult, CrossReference, Extraction, Skipped
from crosscheck.report import (
    _CLAIM_ORDER,
    RemoteEntries,
    _claim_json_text,
    claims_csv_header,
    claims_csv_rows,
    report_json_head,
)

if typing.TYPE_CHECKING:
    from crosscheck.group import TextFacts

# The length before each order the helper reads from its pipe.
_LENGTH = struct.Struct("<Q")

# The share of the claims (the first articles, in report order) whose text facts the
# helper makes while group runs (``ClaimSpool.facts``), group making the rest after
# its indexes. Measured at 10k abp: group's indexes 2.0-2.9 s, the text facts of every
# claim 2.1-2.5 s, the helper's read of the results 1.7-2.2 s; at 60% the helper's
# facts take 3.5-3.8 s (0.2 s of it to pickle them) and group's own part 4.1-4.3 s
# (0.1 s of it to read the helper's), against group's 4.5-5.5 s alone. At 70% the
# difference was inside the noise.
FACTS_AHEAD = 0.6


class FactsAhead:
    """``group.FactsAhead`` from a ``ClaimSpool``'s helper."""

    def __init__(self, spool: ClaimSpool, until: str) -> None:
        self._spool = spool
        self.until = until

    def take(self) -> TextFacts | None:
        return self._spool._take_facts()


class _Spooled(typing.NamedTuple):
    """Where the helper rendered one article's claims."""

    article_id: str
    claims: int
    at: int
    length: int


class _Index(typing.NamedTuple):
    """What the helper rendered: where each article's claims went (in the order it
    read them), and the sizes of the files it finished (``_finish``)."""

    csv: list[_Spooled]
    json: list[_Spooled]
    csv_size: int  # claims.csv's
    csv_head: int  # the length of its header
    json_size: int  # report.json's head's (``report.report_json_head``)


class ClaimSpool:
    """Work done ahead by a helper process on the core that group and judge leave idle:
    part of group's text facts, claims.csv's rows and report.json's claim lines.

    The pool workers of the extraction already send each chunk of per-article results
    pickled; the engine keeps those bytes in ``sink()`` (``engine.run_extraction``),
    an anonymous temporary file of the output folder. The helper reads them back one
    chunk at a time (never the corpus at once):

    - once ``facts()`` says the extraction is done, it makes the text facts
      (``group.TextFacts``) of the claims of the first articles (``FACTS_AHEAD`` of
      the claims, in report order) while group builds its indexes and makes the
      rest; group takes them (``FactsAhead``), or makes them itself when the helper
      gives none or not exactly those;
    - once ``lines()`` hands it the canonical speakers and events (all a line needs
      besides its claim: ``_claim_json_text``), it appends each article's claims,
      rendered in report order, to two more such files as claims.csv rows and
      report.json lines (while judge runs), in the order it reads the articles;
    - then it finishes two files of the output folder, named: claims.csv whole (its
      header, then every article's rows in report order) and the start of
      report.json up to the end of its claims (``report.report_json_head``: the
      articles, rendered from the same results, and the claims' lines in report
      order). Both are copied from file to file in the kernel, by the helper, and
      fsynced there: while the main process writes the other report files.

    ``ready`` waits for it and checks that it rendered exactly the articles and
    claims of the extraction; ``claims_csv`` and ``json_head`` then give the finished
    files to ``Staging`` (``safeio.Adopted``), which renames them into place, the
    rest of report.json appended. The bytes are those ``ClaimRows`` renders, and the
    facts those group makes: the same functions over the same claims in the same
    order.

    The helper is forked when the sink is made, before the extraction, while this
    process is small: forked later, from a process holding the corpus, the
    copy-on-write faults of this process (every page judge touches) cost more than
    the rendering saved (measured at 10k abp: judge 5.1 -> 7.6 s, 3 s more system
    time). Rendering threads were measured and left out: match's GIL-bound parts and
    the rendering together held the GIL longer than match alone took (match plus
    rendering 12.3-12.7 s against 8.7-10.4 s and 4.3 s apart).

    Whenever the spool cannot be used (no ``fork``, other threads running, no results
    kept, the helper failed or disagrees), group makes every fact and ``write_report``
    renders as usual: the same bytes, later; ``reason`` says why. Use as a context
    manager: leaving it stops the helper and drops the files.
    """

    def __init__(self, folder: Path | str) -> None:
        self.folder = Path(folder)
        self.reason = "not started"  # why the spool is not used (empty when it is)
        self._files: dict[str, typing.BinaryIO] = {}
        # the files the helper finishes ("csv", "json"): named, in the folder, until
        # given to ``Staging`` or removed by ``close``
        self._named: dict[str, tuple[str, typing.BinaryIO]] = {}
        self._pid: int | None = None
        self._pipe: int | None = None  # the helper's orders
        self._back: int | None = None  # the helper's word that the text facts are made
        self._for: tuple[Extraction, dict[str, str], dict[str, tuple[str, ...]], bool] | None = None
        # what the helper made, once ready
        self._index: _Index | None = None
        self._made: bool | None = None  # whether the folder was made for the spool

    def __enter__(self) -> ClaimSpool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _file(self, kind: str) -> typing.BinaryIO:
        if self._made is None:
            self._made = not self.folder.exists()
        safeio.ensure_dir(self.folder)
        try:
            # (closed by ``close``: the spool outlives this call)
            handle = self._files[kind] = tempfile.TemporaryFile(  # noqa: SIM115
                dir=self.folder, prefix=f".spool-{kind}."
            )
        except OSError as exc:
            raise safeio.write_error(self.folder / f".spool-{kind}", exc) from exc
        return handle

    def _named_file(self, kind: str, name: str) -> typing.BinaryIO:
        try:
            fd, path = tempfile.mkstemp(dir=self.folder, prefix=f".{name}.", suffix=".tmp")
        except OSError as exc:
            raise safeio.write_error(self.folder / name, exc) from exc
        handle = self._named[kind] = (path, os.fdopen(fd, "w+b"))
        return handle[1]

    def sink(self) -> typing.BinaryIO | None:
        """The file for the extraction's pickled chunks of results (the helper started),
        or None when no helper can be forked here (``reason``)."""
        if "results" in self._files:
            return self._files["results"]
        if not hasattr(os, "fork") or threading.active_count() != 1:
            self.reason = "cannot fork here"
            return None
        files = [self._file(kind) for kind in ("results", "csv", "json", "index", "facts")]
        files += [self._named_file("csv", "claims.csv"), self._named_file("json", "report.json")]
        read_end, write_end = os.pipe()
        back_read, back_write = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the helper (its work is tested in this process)
            code = 1
            try:
                os.close(write_end)
                os.close(back_read)
                gc.freeze()  # (the objects of the parent are left untouched)
                # the results read back hold no cycles (the parent holds them all with
                # its collector paused: ``engine.run_extraction``), and the facts made
                # pile up: collections would rescan them ever more often
                gc.disable()
                _spool_helper(read_end, back_write, *files)
                code = 0
            finally:
                os._exit(code)
        os.close(read_end)
        os.close(back_write)
        self._pid, self._pipe, self._back = pid, write_end, back_read
        self.reason = "extracting"
        return files[0]

    def _order(self, data: bytes) -> None:
        if self._pipe is None:
            return
        try:
            safeio.write_all(self._pipe, _LENGTH.pack(len(data)) + data)
        except OSError:  # the helper is gone: ``ready`` says why
            os.close(self._pipe)
            self._pipe = None

    def facts(self, extraction: Extraction) -> FactsAhead | None:
        """The extraction is done: the helper makes the text facts (``group.TextFacts``)
        of the claims of the first articles (``FACTS_AHEAD`` of the claims, in report
        order) while group runs; for ``group.group``. None without a helper."""
        results = self._files.get("results")
        if results is None or self._pid is None or self._back is None:
            return None
        total = sum(len(r.claims) for r in extraction.results)
        until, count = None, 0
        for r in extraction.results:  # (in report order: by article id)
            if count >= total * FACTS_AHEAD:
                until = r.article.id
                break
            count += len(r.claims)
        if until is None or not count:
            return None
        results.flush()
        self._order(b"facts" + until.encode("utf-8", "surrogatepass"))
        self.reason = "rendering"
        return FactsAhead(self, until)

    def _take_facts(self) -> TextFacts | None:
        """The helper's text facts once it has made them (None if it cannot)."""
        back, self._back = self._back, None
        if back is None:
            return None
        try:
            done = _read_pipe(back, 1)
        finally:
            os.close(back)
        if done != b"F":
            return None
        handle = self._files["facts"]
        handle.seek(0)
        made = pickle.load(handle)
        handle.seek(0)
        handle.truncate()  # (its pages go back now, not at the end of the run)
        return typing.cast("TextFacts", made)

    def lines(
        self,
        extraction: Extraction,
        speaker_of: dict[str, str],
        events_of: dict[str, tuple[str, ...]],
        *,
        excel: bool = False,
    ) -> None:
        """The helper renders the claims of ``extraction`` as claims.csv's rows and as
        report.json's lines, with these canonical speakers and events
        (``Groups.speaker_of``, ``Groups.events_of``, which the cross-reference hands on
        unchanged), and finishes claims.csv (with ``excel``'s header) and the start of
        report.json. Once only."""
        if self._for is not None:
            raise RuntimeError("ClaimSpool.lines: already given")
        self._for = (extraction, speaker_of, events_of, excel)
        results = self._files.get("results")
        if self._pid is not None and results is not None:
            results.flush()
            order = pickle.dumps(
                (
                    _article_tables(extraction, speaker_of, events_of),
                    claims_csv_header(excel).encode("utf-8"),
                ),
                protocol=pickle.HIGHEST_PROTOCOL,
            )
            self._order(b"rows" + order)
            self.reason = "rendering"
        if self._pipe is not None:
            os.close(self._pipe)  # (no more orders: the helper ends after these)
            self._pipe = None

    def ready(self, extraction: Extraction, xref: CrossReference) -> bool:
        """Wait for the helper; whether its files are those of this extraction and
        these tables (when not, ``reason`` says why)."""
        made = self._for
        if self._index is not None:
            return made is not None and made[0] is extraction
        if made is None or not (
            made[0] is extraction and made[1] is xref.speaker_of and made[2] is xref.events_of
        ):
            self.reason = "not given this extraction" if made else "no lines ordered"
            return False
        pid, self._pid = self._pid, None
        if pid is None:
            return False
        _, status = os.waitpid(pid, 0)
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            self.reason = f"the rendering process failed (exit code {code})"
            return False
        handle = self._files["index"]
        handle.seek(0)
        index: _Index | None = pickle.load(handle)
        if index is None:
            self.reason = "the rendering process rendered too little"
            return False
        results = extraction.results
        ids = [r.article.id for r in results]
        if any(a >= b for a, b in itertools.pairwise(ids)):
            # (the helper lists the articles in this order, as report.json does by id)
            self.reason = "the articles are not in report order"
            return False
        for entries in (index.csv, index.json):
            by_id = {entry.article_id: entry for entry in entries}
            if (
                len(by_id) != len(entries)
                or len(entries) != len(results)
                or not all(
                    entry is not None and entry.claims == len(r.claims)
                    for entry, r in zip(map(by_id.get, ids), results, strict=True)
                )
            ):
                self.reason = "the rendering process read other articles"
                return False
        sizes = {kind: os.fstat(named.fileno()).st_size for kind, (_, named) in self._named.items()}
        if sizes != {"csv": index.csv_size, "json": index.json_size}:
            self.reason = "the rendering process finished too little"
            return False
        self._index = index
        self.reason = ""
        return True

    def claims_csv(self, excel: bool) -> list[bytes | safeio.FileRange | safeio.Adopted] | None:
        """claims.csv's pieces: the helper's file given over (``safeio.Adopted``), or,
        when it has the other header (``excel``), its rows copied after this one's.
        None once the file was given (a second report). Only after ``ready``."""
        index = self._index
        if index is None:
            raise RuntimeError("ClaimSpool.claims_csv: not ready")
        named = self._named.get("csv")
        if named is None:
            return None
        given = self._for
        if given is not None and given[3] == excel:
            return [self._given("csv", index.csv_size)]
        header = claims_csv_header(excel).encode("utf-8")
        return [
            header,
            safeio.FileRange(named[1].fileno(), index.csv_head, index.csv_size - index.csv_head),
        ]

    def json_head(self) -> safeio.Adopted | None:
        """The helper's start of report.json (``report.report_json_head``), given over;
        None once given (a second report). Only after ``ready``."""
        if self._index is None:
            raise RuntimeError("ClaimSpool.json_head: not ready")
        if "json" not in self._named:
            return None
        return self._given("json", self._index.json_size)

    def _given(self, kind: str, size: int) -> safeio.Adopted:
        path, handle = self._named.pop(kind)
        handle.close()
        return safeio.Adopted(path, size)

    def close(self) -> None:
        """Stop the helper (if it still runs) and drop the files."""
        for fd in (self._pipe, self._back):
            if fd is not None:
                os.close(fd)
        self._pipe = self._back = None
        pid, self._pid = self._pid, None
        if pid is not None:  # (not waited for)
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
            with contextlib.suppress(OSError):
                os.waitpid(pid, 0)
        for handle in self._files.values():
            handle.close()
        self._files = {}
        for path, handle in self._named.values():  # (not given to ``Staging``)
            handle.close()
            with contextlib.suppress(OSError):
                os.unlink(path)
        self._named = {}
        if self._made:  # made for the spool and left empty (the run failed): removed
            self._made = False
            with contextlib.suppress(OSError):
                self.folder.rmdir()


def _spool_helper(
    orders: int,
    back: int,
    results: typing.BinaryIO,
    csv_out: typing.BinaryIO,
    json_out: typing.BinaryIO,
    index_out: typing.BinaryIO,
    facts_out: typing.BinaryIO,
    csv_final: typing.BinaryIO,
    json_final: typing.BinaryIO,
) -> None:
    """``ClaimSpool``'s helper. For each order read from the pipe ``orders``:

    - "facts" and an article id: the text facts of the claims of the articles below it
      (``_spooled_facts``) pickled into ``facts_out`` by a child process, then b"F" on
      the pipe ``back`` (b"-" if it failed);
    - "rows" and the pickled ``_article_tables`` and claims.csv's header: every
      article's claims rendered from ``results`` into ``csv_out`` and ``json_out``
      (``_render_spooled``), then claims.csv and the start of report.json written to
      ``csv_final`` and ``json_final`` (``_finish``).

    When the pipe closes: what it made (an ``_Index``, None without rows), pickled into
    ``index_out``."""
    index: _Index | None = None
    while True:
        head = _read_pipe(orders, _LENGTH.size)
        if not head:
            break
        (length,) = _LENGTH.unpack(head)
        order = _read_pipe(orders, length)
        if order.startswith(b"facts"):
            until = order[5:].decode("utf-8", "surrogatepass")
            # made by a process of its own, whose memory all goes back when it ends
            # (made here, what they left behind kept the helper about 100 MiB larger
            # through match and judge)
            pid = os.fork()
            if pid == 0:  # pragma: no cover - (its work is tested in this process)
                code = 1
                try:
                    made = _spooled_facts(results, until)
                    pickle.dump(made, facts_out, protocol=pickle.HIGHEST_PROTOCOL)
                    facts_out.flush()
                    code = 0
                finally:
                    os._exit(code)
            _, status = os.waitpid(pid, 0)
            safeio.write_all(back, b"F" if os.waitstatus_to_exitcode(status) == 0 else b"-")
        elif order.startswith(b"rows"):
            tables, header = pickle.loads(order[4:])
            csv_index, json_index, articles = _render_spooled(results, csv_out, json_out, tables)
            index = _finish(
                tables[0],
                (csv_index, json_index),
                articles,
                header,
                (csv_out, json_out),
                (csv_final, json_final),
            )
    pickle.dump(index, index_out, protocol=pickle.HIGHEST_PROTOCOL)
    index_out.flush()


class _Counted(RemoteEntries):
    """report.json's claims as ``report_json_head`` reads them: only their number
    (their lines are the helper's ranges)."""

    def json_pieces(self) -> Iterator[str]:
        return iter(())  # (read only when there are none)


def _finish(
    starts: dict[str, int],
    indexes: tuple[list[_Spooled], list[_Spooled]],
    articles: dict[str, dict[str, typing.Any]],
    header: bytes,
    rendered: tuple[typing.BinaryIO, typing.BinaryIO],
    finals: tuple[typing.BinaryIO, typing.BinaryIO],
) -> _Index:
    """claims.csv (``header``, then each article's rows in report order: the order of
    ``starts``) into ``finals[0]``, and ``report.report_json_head`` (the rows of
    ``articles``, then each article's claim lines) into ``finals[1]``, copied from the
    files the rows and lines were rendered into (``rendered``, where ``indexes`` say);
    both fsynced."""
    order = list(starts)
    csv_index, json_index = indexes
    csv_final, json_final = finals
    if articles.keys() != set(order) or len(csv_index) != len(order):
        return _Index(csv_index, json_index, -1, -1, -1)  # (``ready`` says which differ)

    def ranges(index: list[_Spooled], fd: int) -> list[safeio.FileRange]:
        by_id = {entry.article_id: entry for entry in index}
        return [
            safeio.FileRange(fd, entry.at, entry.length)
            for entry in map(by_id.__getitem__, order)
            if entry.length
        ]

    csv_size = safeio.write_pieces(csv_final, [header, *ranges(csv_index, rendered[0].fileno())])
    claims = ranges(json_index, rendered[1].fileno())
    count = sum(entry.claims for entry in json_index)

    def lines(_: object) -> Iterator[bytes | safeio.FileRange]:
        for n, piece in enumerate(claims):
            if n:
                yield b",\n  "
            yield piece

    head = report_json_head([articles[i] for i in order], _Counted(count), lines)
    json_size = safeio.write_pieces(
        json_final, (p.encode("utf-8") if isinstance(p, str) else p for p in head)
    )
    for handle in (csv_final, json_final):
        os.fsync(handle.fileno())
    return _Index(csv_index, json_index, csv_size, len(header), json_size)


def _spooled_results(results: typing.BinaryIO) -> Iterator[ArticleResult]:
    """The article results in ``results`` (length-prefixed pickled chunks, as the engine
    writes them), read one chunk at a time."""
    from crosscheck.engine import CHUNK_LENGTH  # (the format the engine writes)

    fd = results.fileno()
    end = os.fstat(fd).st_size
    at = 0
    while at < end:
        (length,) = CHUNK_LENGTH.unpack(safeio.read_at(fd, CHUNK_LENGTH.size, at))
        data = safeio.read_at(fd, length, at + CHUNK_LENGTH.size)
        at += CHUNK_LENGTH.size + length
        for result in pickle.loads(data):
            if not isinstance(result, Skipped):
                yield result


def _spooled_facts(results: typing.BinaryIO, until: str) -> TextFacts:
    """``group.claims_text_facts`` of the claims of the articles in ``results`` whose ids
    sort below ``until``, in report order (each article's made as it is read; article
    ids are unique, so the articles' facts in id order are in report order)."""
    from crosscheck import group

    made = [
        (r.article.id, group.claims_text_facts(group.report_order(r.claims)))
        for r in _spooled_results(results)
        if r.article.id < until
    ]
    made.sort(key=operator.itemgetter(0))
    return group.joined_facts([facts for _, facts in made])


# ``_article_tables``: where each article's claims start in the lists; each claim's
# canonical speaker and events (None where the table has none), article by article in
# report order, each article's claims in their order in its result
_ArticleTables = tuple[dict[str, int], list[str | None], list[tuple[str, ...] | None]]


def _article_tables(
    extraction: Extraction,
    speaker_of: dict[str, str],
    events_of: dict[str, tuple[str, ...]],
) -> _ArticleTables:
    """``speaker_of`` and ``events_of`` for the helper, without their keys: the values
    in the order of the extraction's claims (the helper reads the same results), and
    where each article's start. The claim ids the tables' keys would repeat held
    about 60 MiB in the helper at 10k abp, through judge."""
    starts: dict[str, int] = {}
    speakers: list[str | None] = []
    events: list[tuple[str, ...] | None] = []
    speaker, event = speaker_of.get, events_of.get
    for r in extraction.results:
        starts[r.article.id] = len(speakers)
        ids = [c.claim_id for c in r.claims]
        speakers.extend(map(speaker, ids))
        events.extend(map(event, ids))
    return starts, speakers, events


def _render_spooled(
    results: typing.BinaryIO,
    csv_out: typing.BinaryIO,
    json_out: typing.BinaryIO,
    tables: _ArticleTables,
) -> tuple[list[_Spooled], list[_Spooled], dict[str, dict[str, typing.Any]]]:
    """Each article's claims (in report order) from ``results`` as claims.csv rows,
    appended to ``csv_out``, and as report.json lines joined by ``",\n  "`` (with the
    canonical speakers and events of ``tables``), appended to ``json_out``: where each
    article's went; and each article's report.json row by id."""
    starts, speakers, events = tables
    csv_index: list[_Spooled] = []
    json_index: list[_Spooled] = []
    articles: dict[str, dict[str, typing.Any]] = {}
    csv_at = json_at = 0
    for result in _spooled_results(results):
        article_id = result.article.id
        at = starts.get(article_id)
        n = len(result.claims)
        if at is None or at + n > len(speakers):
            raise ValueError(f"article {article_id!r} is not one of the extraction's")
        xref = CrossReference(
            (),
            (),
            (),
            speaker_of={
                c.claim_id: s
                for c, s in zip(result.claims, speakers[at : at + n], strict=True)
                if s is not None
            },
            events_of={
                c.claim_id: e
                for c, e in zip(result.claims, events[at : at + n], strict=True)
                if e is not None
            },
        )
        claims = sorted(result.claims, key=_CLAIM_ORDER)
        if any(c.article_id != article_id for c in claims):
            raise ValueError(f"a claim of article {article_id!r} names another article")
        encoded = claims_csv_rows(claims).encode("utf-8")
        csv_out.write(encoded)
        csv_index.append(_Spooled(article_id, len(claims), csv_at, len(encoded)))
        csv_at += len(encoded)
        encoded = ",\n  ".join([_claim_json_text(c, xref) for c in claims]).encode("utf-8")
        json_out.write(encoded)
        json_index.append(_Spooled(article_id, len(claims), json_at, len(encoded)))
        json_at += len(encoded)
        articles[article_id] = result.to_row()
    csv_out.flush()
    json_out.flush()
    return csv_index, json_index, articles


def _read_pipe(fd: int, length: int) -> bytes:
    """``length`` bytes from the pipe ``fd``, or b"" when it is closed first."""
    data = b""
    while len(data) < length:
        more = os.read(fd, length - len(data))
        if not more:
            return b""
        data += more
    return data
