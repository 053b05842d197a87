"""The command-line interface: parse options, call the library, render.

This module is deliberately thin. All the work happens in the library
(``pipeline``, ``evaluate``, ``report``, ``baseline``); here we only turn
options into calls, install the progress callback, and turn ``CrosscheckError``
into a one-line message with a hint and a documented exit code.
"""

from __future__ import annotations

import atexit
import functools
import inspect
import os
import sys
import threading
import time
import typing
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, BinaryIO, NoReturn, Protocol, TypeVar

import typer

from crosscheck import __version__, errors, ingest, pipeline
from crosscheck import engine as engines
from crosscheck.engine import default_jobs
from crosscheck.ingest import IngestOptions
from crosscheck.progress import Progress, silent
from crosscheck.records import CrossReference, Extraction, Skipped

if TYPE_CHECKING:
    from crosscheck.group import FactsAhead, Groups

app = typer.Typer(
    name="crosscheck",
    help="Find who said what across news articles, and where the sources agree or contradict.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

F = TypeVar("F", bound=Callable[..., Any])

MAX_SKIP_LINES = 20  # skipped inputs listed one per line on stderr; the rest are counted
# formats of `claims` written as the articles stream in (memory bounded by the corpus window)
STREAMED_FORMATS = ("csv", "jsonl")


# --------------------------------------------------------------------------- common options


@dataclass(frozen=True)
class RunOptions:
    """The options every corpus-reading command shares."""

    ingest: IngestOptions
    jobs: int
    engine: str
    scheduler: str | None
    strict: bool
    quiet: bool
    debug: bool


_COMMON: list[tuple[str, Any, Any]] = [
    (
        "id_field",
        Annotated[
            str | None,
            typer.Option(
                "--id-field",
                help="JSONL/CSV field holding the article id.",
                rich_help_panel="Input",
            ),
        ],
        None,
    ),
    (
        "title_field",
        Annotated[
            str | None,
            typer.Option(
                "--title-field", help="JSONL/CSV field holding the title.", rich_help_panel="Input"
            ),
        ],
        None,
    ),
    (
        "date_field",
        Annotated[
            str | None,
            typer.Option(
                "--date-field",
                help="JSONL/CSV field holding the publication date.",
                rich_help_panel="Input",
            ),
        ],
        None,
    ),
    (
        "outlet_field",
        Annotated[
            str | None,
            typer.Option(
                "--outlet-field",
                help="JSONL/CSV field holding the outlet.",
                rich_help_panel="Input",
            ),
        ],
        None,
    ),
    (
        "text_field",
        Annotated[
            str | None,
            typer.Option(
                "--text-field",
                help="JSONL/CSV field holding the article text.",
                rich_help_panel="Input",
            ),
        ],
        None,
    ),
    (
        "input_format",
        Annotated[
            str | None,
            typer.Option(
                "--input-format",
                help="Force the input format: txt, jsonl or csv.",
                rich_help_panel="Input",
            ),
        ],
        None,
    ),
    (
        "jobs",
        Annotated[
            int,
            typer.Option(
                "--jobs", "-j", help="Worker processes (default: all cores).", rich_help_panel="Run"
            ),
        ],
        0,
    ),
    (
        "engine",
        Annotated[str, typer.Option("--engine", help="local or dask.", rich_help_panel="Run")],
        "local",
    ),
    (
        "scheduler",
        Annotated[
            str | None,
            typer.Option(
                "--scheduler",
                help="dask scheduler address, tcp://HOST:PORT (with --engine dask).",
                rich_help_panel="Run",
            ),
        ],
        None,
    ),
    (
        "strict",
        Annotated[
            bool,
            typer.Option(
                "--strict", help="Exit non-zero when any input is skipped.", rich_help_panel="Run"
            ),
        ],
        False,
    ),
    (
        "quiet",
        Annotated[
            bool,
            typer.Option(
                "--quiet",
                "-q",
                help="No progress bar and no totals on stderr.",
                rich_help_panel="Run",
            ),
        ],
        False,
    ),
    (
        "debug",
        Annotated[bool, typer.Option("--debug", help="Show tracebacks.", rich_help_panel="Run")],
        False,
    ),
]


def corpus_command(fn: F) -> F:
    """Add the shared input/run options to a command; it receives them as ``opts``."""
    sig = inspect.signature(fn)
    resolved = typing.get_type_hints(fn, include_extras=True)
    own = [
        p.replace(annotation=resolved.get(p.name, p.annotation))
        for p in sig.parameters.values()
        if p.name != "opts"
    ]
    extra = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=ann, default=default)
        for name, ann, default in _COMMON
    ]

    @functools.wraps(fn)
    def wrapper(**kwargs: Any) -> Any:
        common = {name: kwargs.pop(name) for name, _, _ in _COMMON}
        opts = RunOptions(
            ingest=IngestOptions(
                id_field=common["id_field"],
                title_field=common["title_field"],
                date_field=common["date_field"],
                outlet_field=common["outlet_field"],
                text_field=common["text_field"],
                format=common["input_format"],
            ),
            jobs=common["jobs"] if common["jobs"] > 0 else default_jobs(),
            engine=common["engine"],
            scheduler=common["scheduler"],
            strict=common["strict"],
            quiet=common["quiet"],
            debug=common["debug"],
        )
        with guard(opts.debug):
            if "fmt" in kwargs:
                check_format(kwargs["fmt"])  # fail before reading a large corpus
            return fn(opts=opts, **kwargs)

    hints = {p.name: p.annotation for p in own}
    for name, ann, _ in _COMMON:
        hints[name] = ann
    wrapper.__annotations__ = hints
    wrapper.__signature__ = sig.replace(parameters=[*own, *extra])  # type: ignore[attr-defined]
    return wrapper  # type: ignore[return-value]


@contextmanager
def guard(debug: bool) -> Iterator[None]:
    """Turn library errors into one line on stderr and a documented exit code."""
    try:
        yield
    except (typer.Exit, typer.Abort):
        raise
    except errors.CrosscheckError as exc:
        if debug:
            raise
        hint = f" (hint: {exc.hint})" if exc.hint else ""
        typer.echo(f"error: {exc.message}{hint}", err=True)
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        raise typer.Exit(130) from None
    except Exception as exc:  # a bug: never show a traceback unless asked
        if debug:
            raise
        typer.echo(
            f"error: internal error: {type(exc).__name__}: {exc} (hint: re-run with --debug and report it)",
            err=True,
        )
        raise typer.Exit(errors.EXIT_INTERNAL) from None


# --------------------------------------------------------------------------- progress


class Bar:
    """A one-line progress display on stderr, shown only when stderr is a terminal."""

    def __init__(self) -> None:
        self.last = 0.0
        self.shown = False

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        now = time.monotonic()
        if now - self.last < 0.1:
            return
        self.last = now
        if total:
            width = 30
            filled = int(width * min(done, total) / total)
            text = f"{stage:<9} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}"
        else:
            text = f"{stage:<9} {done}"
        sys.stderr.write("\r" + text[:79].ljust(79))
        sys.stderr.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\r" + " " * 79 + "\r")
            sys.stderr.flush()


@contextmanager
def progress_for(opts: RunOptions) -> Iterator[Progress]:
    if opts.quiet or not sys.stderr.isatty():
        yield silent
        return
    bar = Bar()
    try:
        yield bar
    finally:
        bar.close()


# --------------------------------------------------------------------------- shared steps


def run_extraction(
    paths: Sequence[str],
    opts: RunOptions,
    *,
    normalised: bool = True,
    sink: BinaryIO | None = None,
) -> Extraction:
    """``pipeline.extract`` with the run options; ``normalised=False`` for the commands
    whose output holds no normalised slot (claims, articles, evaluate); ``sink`` keeps
    the pickled results (``spool.ClaimSpool``)."""
    with progress_for(opts) as progress:
        extraction = pipeline.extract(
            paths,
            opts.ingest,
            jobs=opts.jobs,
            engine=opts.engine,
            scheduler=opts.scheduler,
            progress=progress,
            normalised=normalised,
            sink=sink,
        )
    account(extraction, opts)
    return extraction


def run_cross_reference(
    extraction: Extraction,
    opts: RunOptions,
    *,
    before_judge: Callable[[Groups], None] | None = None,
    facts_ahead: FactsAhead | None = None,
) -> CrossReference:
    with progress_for(opts) as progress:
        return engines.run_cross_reference(
            extraction,
            jobs=opts.jobs,
            engine=opts.engine,
            scheduler=opts.scheduler,
            progress=progress,
            before_judge=before_judge,
            facts_ahead=facts_ahead,
        )


def account(extraction: Extraction, opts: RunOptions) -> None:
    """Name every skipped input on stderr, print the total, enforce --strict."""
    if isinstance(extraction, engines.PartitionedExtraction):
        warned = extraction.warned(MAX_SKIP_LINES)  # the results stay where they are
    else:
        warned = [r.article for r in extraction.results if r.article.warnings]
    account_counts(extraction.errors, len(extraction.results), warned, opts)


class _Warned(Protocol):
    """An article with warnings, as account_counts names it (Article, Rendered)."""

    @property
    def source(self) -> str: ...
    @property
    def line(self) -> int: ...
    @property
    def warnings(self) -> tuple[str, ...]: ...


def account_counts(
    skipped: Sequence[Skipped], read: int, warned: Sequence[_Warned], opts: RunOptions
) -> None:
    """``account`` from counts: the skipped inputs (sorted by source and line), the
    number of articles read and the articles with warnings (in report order)."""
    for item in skipped[:MAX_SKIP_LINES]:
        typer.echo(f"skipped: {item.message()}", err=True)
    if len(skipped) > MAX_SKIP_LINES:
        typer.echo(
            f"skipped: ... and {len(skipped) - MAX_SKIP_LINES} more (see manifest)", err=True
        )
    for article in warned[:MAX_SKIP_LINES]:
        where = f"{article.source}:{article.line}" if article.line else article.source
        typer.echo(f"warning: {where}: {'; '.join(article.warnings)}", err=True)
    if not opts.quiet:
        n = read
        typer.echo(
            f"{n} article{'s' if n != 1 else ''} read, {len(skipped)} skipped"
            + (" (see manifest)" if skipped else ""),
            err=True,
        )
    if not read:
        raise errors.NoInputError(
            "no article could be read from the given paths",
            hint="pass .txt files or folders, .jsonl or .csv corpora; see `crosscheck --help`",
        )
    if opts.strict and skipped:
        raise errors.StrictError(
            f"{len(skipped)} input(s) skipped and --strict was given",
            hint="fix or remove the inputs named above, or drop --strict",
        )


def check_format(fmt: str) -> None:
    from crosscheck import report

    if fmt not in report.FORMATS:
        raise report.UnsupportedFormat(
            f"unknown format {fmt!r}", hint="use one of " + ", ".join(report.FORMATS)
        )


def emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        if text and not text.endswith("\n"):
            sys.stdout.write("\n")
        return
    from crosscheck.safeio import atomic_write_text

    atomic_write_text(output, text)


def listing(
    kind: str, rows: Sequence[Mapping[str, Any]], fmt: str, output: Path | None, excel: bool
) -> None:
    from crosscheck import report

    check_format(fmt)
    emit(report.render(kind, rows, fmt, excel=excel), output)


FormatOpt = Annotated[
    str, typer.Option("--format", "-f", help="table, csv, jsonl, json, md, html or claimreview.")
]
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
]
ExcelOpt = Annotated[
    bool, typer.Option("--excel", help="CSV: add a UTF-8 byte-order mark for Excel.")
]
PathsArg = Annotated[
    list[str], typer.Argument(help="Files or folders (.txt, .jsonl, .csv), or - for stdin.")
]


# --------------------------------------------------------------------------- commands


@app.command()
@corpus_command
def claims(
    paths: PathsArg,
    fmt: FormatOpt = "table",
    output: OutputOpt = None,
    excel: ExcelOpt = False,
    *,
    opts: RunOptions,
) -> None:
    """Extract the claims of every article: one row per claim."""
    if fmt in STREAMED_FORMATS and opts.engine == "local":
        stream_claims(paths, fmt, output, excel, opts)
        return
    extraction = run_extraction(paths, opts, normalised=False)
    listing("claims", [c.to_row() for c in extraction.claims], fmt, output, excel)


def stream_claims(
    paths: Sequence[str], fmt: str, output: Path | None, excel: bool, opts: RunOptions
) -> None:
    """``claims`` in CSV or JSONL with memory bounded whatever the corpus size: the
    workers render each article's claims (``streaming.render_chunk``), the texts
    stream through ``streaming.sorted_rendered`` into a file staged in ``--output``'s
    folder (or a temporary file, for stdout or a folder still to be made), which is
    moved into place or copied out once the run is accounted for (same bytes as the
    in-memory path; nothing is written when the run fails)."""
    import shutil
    import tempfile

    from crosscheck import report, safeio, streaming

    skipped: list[Skipped] = []
    warned: list[streaming.Rendered] = []
    read = 0

    def articles(progress: Progress) -> Iterator[streaming.Rendered]:
        items = ingest.read(paths, opts.ingest)
        work = functools.partial(streaming.render_chunk, fmt)
        for item in engines.local_map(items, work, jobs=opts.jobs, progress=progress):
            if isinstance(item, Skipped):
                skipped.append(item)
            else:
                yield item

    def pieces(progress: Progress) -> Iterator[str]:
        nonlocal read
        if fmt == "csv":
            yield report.claims_csv_header(excel)
        for rendered in streaming.sorted_rendered(articles(progress)):
            read += 1
            if rendered.warnings and len(warned) < MAX_SKIP_LINES:
                warned.append(rendered)
            yield rendered.text

    if output is not None and output.parent.is_dir():
        # staged straight into the output's folder (one write of the text, not two);
        # the staged file goes away unless the run is accounted for
        with safeio.Staging(output.parent) as staging:
            with progress_for(opts) as progress:
                staging.stage(output.name, pieces(progress))
            skipped.sort(key=lambda s: (s.source, s.line))
            account_counts(skipped, read, warned, opts)
            staging.commit()
        return
    with tempfile.TemporaryFile("w+", encoding="utf-8", newline="") as buf:
        with progress_for(opts) as progress:
            for piece in pieces(progress):
                buf.write(piece)
        skipped.sort(key=lambda s: (s.source, s.line))
        account_counts(skipped, read, warned, opts)
        buf.seek(0)
        if output is None:
            shutil.copyfileobj(buf, sys.stdout)
            return
        # (a folder that does not exist yet is made only once the run is accounted for)
        with safeio.Staging(output.parent) as staging:
            staging.stage(output.name, iter(lambda: buf.read(1 << 20), ""))
            staging.commit()


@app.command()
@corpus_command
def articles(
    paths: PathsArg,
    fmt: FormatOpt = "table",
    output: OutputOpt = None,
    excel: ExcelOpt = False,
    *,
    opts: RunOptions,
) -> None:
    """List the articles read: id, title, outlet, date, sentences, claims."""
    extraction = run_extraction(paths, opts, normalised=False)
    listing("articles", [r.to_row() for r in extraction.results], fmt, output, excel)


@app.command()
@corpus_command
def speakers(
    paths: PathsArg,
    fmt: FormatOpt = "table",
    output: OutputOpt = None,
    excel: ExcelOpt = False,
    *,
    opts: RunOptions,
) -> None:
    """The speaker index: one canonical speaker per person or organisation."""
    xref = run_cross_reference(run_extraction(paths, opts), opts)
    listing("speakers", [s.to_row() for s in xref.speakers], fmt, output, excel)


@app.command()
@corpus_command
def events(
    paths: PathsArg,
    fmt: FormatOpt = "table",
    output: OutputOpt = None,
    excel: ExcelOpt = False,
    *,
    opts: RunOptions,
) -> None:
    """The event index: named events with their aliases across articles."""
    xref = run_cross_reference(run_extraction(paths, opts), opts)
    listing("events", [e.to_row() for e in xref.events], fmt, output, excel)


@app.command()
@corpus_command
def findings(
    paths: PathsArg,
    fmt: FormatOpt = "table",
    output: OutputOpt = None,
    excel: ExcelOpt = False,
    *,
    opts: RunOptions,
) -> None:
    """Cross-article findings: contradictions, quote variants, agreements."""
    from crosscheck import report

    extraction = run_extraction(paths, opts)
    xref = run_cross_reference(extraction, opts)
    if fmt in ("claimreview", "html"):
        data = report.build_report(extraction, xref, tool_version=__version__)
        emit(report.render_document(data, fmt, texts=report.article_texts(extraction)), output)
        return
    listing("findings", [f.to_row() for f in xref.findings], fmt, output, excel)


@app.command("report")
@corpus_command
def report_cmd(
    paths: PathsArg,
    out: Annotated[Path, typer.Option("--out", help="Folder for the report files.")] = Path(
        "reports"
    ),
    excel: ExcelOpt = False,
    *,
    opts: RunOptions,
) -> None:
    """Cross-reference the corpus; print a summary; write the report files to --out."""
    from crosscheck import report
    from crosscheck.spool import ClaimSpool

    with ClaimSpool(out) as spool:
        # a helper process makes part of group's text facts while group runs, and
        # renders the claims' rows and lines while judge runs (``ClaimSpool``)
        # (one job: one process, as asked; dask: the results stay on the workers)
        local = opts.jobs > 1 and opts.engine == "local"
        extraction = run_extraction(paths, opts, sink=spool.sink() if local else None)
        xref = run_cross_reference(
            extraction,
            opts,
            facts_ahead=spool.facts(extraction),
            before_judge=lambda groups: spool.lines(
                extraction, groups.speaker_of, groups.events_of, excel=excel
            ),
        )
        written = report.write_report(
            out, extraction, xref, tool_version=__version__, excel=excel, spool=spool
        )
    for line in report.summary_lines(xref):
        typer.echo(line)
    if not opts.quiet:
        typer.echo(f"wrote {len(written)} files to {out}", err=True)


@app.command()
@corpus_command
def check(
    paths: PathsArg,
    baseline: Annotated[
        Path, typer.Option("--baseline", help="Folder holding the committed baseline report.")
    ] = Path("reports"),
    update: Annotated[
        bool, typer.Option("--update", help="Re-pin the baseline to this run.")
    ] = False,
    allow_regression: Annotated[
        bool,
        typer.Option(
            "--allow-regression", help="With --update: allow lowering an evaluation floor."
        ),
    ] = False,
    gold: Annotated[
        Path | None,
        typer.Option("--gold", help="brat gold folder: record/verify evaluation floors."),
    ] = None,
    gold_text: Annotated[
        list[str] | None, typer.Option("--gold-text", help="Texts scored against --gold.")
    ] = None,
    *,
    opts: RunOptions,
) -> None:
    """Re-run the report and compare it with the baseline: exit 0 equal, 1 different."""
    from crosscheck import baseline as gate
    from crosscheck import report

    extraction = run_extraction(paths, opts)
    xref = run_cross_reference(extraction, opts)
    data = report.build_report(extraction, xref, tool_version=__version__)
    floors: dict[str, dict[str, float]] = {}
    if gold is not None:
        folder = gold.resolve()
        name = folder.parent.name if folder.name == "attributions" else folder.name
        floors[name] = score_gold(gold, gold_text or [], opts)
    if update:
        gate.update(
            baseline,
            extraction,
            xref,
            paths=paths,
            floors=floors,
            allow_regression=allow_regression,
            tool_version=__version__,
        )
        typer.echo(f"baseline in {baseline} updated", err=True)
        return
    diff = gate.check(data, baseline, paths=paths, floors=floors)
    for line in diff.lines():
        typer.echo(line)
    if not diff.equal:
        raise typer.Exit(errors.EXIT_DIFFERENT)


def score_gold(gold: Path, texts: Sequence[str], opts: RunOptions) -> dict[str, float]:
    from crosscheck import evaluate as ev

    gold_sets = ev.load_gold(gold)
    extraction = run_extraction(list(texts), opts)
    scores = ev.evaluate(gold_sets, extraction)
    return {
        "content_f1": round(scores.content.f1, 4),
        "attribution_f1": round(scores.attribution.f1, 4),
    }


@app.command()
@corpus_command
def evaluate(
    paths: PathsArg,
    gold: Annotated[
        Path,
        typer.Option(
            "--gold", help="Folder of brat .ann files (Source, Cue, Content, Attribution)."
        ),
    ],
    fmt: FormatOpt = "table",
    output: OutputOpt = None,
    *,
    opts: RunOptions,
) -> None:
    """Score extracted claims against brat-standoff attribution annotations."""
    from crosscheck import evaluate as ev

    gold_sets = ev.load_gold(gold)
    extraction = run_extraction(paths, opts, normalised=False)
    scores = ev.evaluate(gold_sets, extraction)
    rows = [
        {"metric": name, "articles": scores.articles, **prf.to_row()}
        for name, prf in (("content", scores.content), ("attribution", scores.attribution))
    ]
    listing("scores", rows, fmt, output, False)


def _version(value: bool) -> None:
    if value:
        from crosscheck import native

        typer.echo(f"crosscheck {__version__} ({native.status()})")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """crosscheck: who said what, and where the sources disagree."""


def main() -> None:
    """The console script: run the command, then leave without tearing the heap down.

    A report over 10,000 articles holds well over a million objects; freeing them one by
    one at interpreter shutdown took 2.3 s after the last file was written. Every output
    is closed by the time a command returns, so the exit handlers run, the standard
    streams are flushed and the process ends with ``os._exit`` (``leave``). In-process
    callers (``CliRunner``, ``app()``) keep the ordinary exit."""
    try:
        app()
    except SystemExit as stop:
        leave(stop)
    raise AssertionError("typer's standalone app always ends with SystemExit")


def leave(stop: SystemExit) -> NoReturn:
    """End the process with ``stop``'s exit status, skipping the heap's teardown.

    Falls back to the ordinary exit while another thread runs (the interpreter would
    wait for it) and when the standard streams cannot be flushed (a closed pipe: the
    interpreter reports that itself)."""
    code = stop.code
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # sys.exit("message"): the interpreter prints it and exits with 1
        raise stop
    if threading.active_count() > 1:
        raise stop
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        raise stop from None
    os._exit(status & 0xFF)


if __name__ == "__main__":
    main()
