"""Ingest: turn paths into Articles, streaming, and every unusable input into a Skipped.

``read(paths, options)`` yields one ``Article`` per article found and one ``Skipped``
per input that could not become one (a missing path, an empty or binary file, a
malformed JSON line, a ragged CSV row, an empty text...). It never raises for bad
input, and it never loads a JSONL or CSV corpus into memory: records are decoded and
yielded line by line.

Formats
-------
- ``.txt`` (one article a file): an optional first line ``date YYYY-MM-DD [label]``
  gives ``published`` (``date_source="header"``); the header line stays in
  ``Article.text`` (clean marks it as a ``header`` zone). The article id is the file
  stem.
- ``.jsonl`` / ``.ndjson`` / ``.json`` (one JSON object a line; a ``.json`` file that
  holds one JSON array is read as a list of records) and ``.csv`` (a header row, then
  one record a row). Fields are found by the names in ``IngestOptions`` or, when
  those are None, by the common names in the ``*_FIELDS`` tables below. The text is
  the text field exactly as read. The id falls back to ``<file stem>:<line>``.
- Any of them gzip-compressed (``.jsonl.gz``, ``.csv.gz``, ``.txt.gz``...).
- ``-`` reads standard input: JSON lines when its first non-blank character is
  ``{``, else one text article with id ``stdin``.

Folders are walked recursively (symlinked folders are followed once; loops are cut),
files in sorted order; files with other extensions are ignored there (a folder with no
article file at all is reported). Every file found is read in sorted path order, so
the output does not depend on the order the paths were given in.

Encodings: UTF-8 (a BOM is stripped), UTF-16/32 with a BOM, UTF-16 without a BOM
when it is recognisable; text that is not valid UTF-8 is decoded as Windows-1252 (or
Latin-1) with a warning, and a mostly-UTF-8 text with a few bad bytes is decoded with
U+FFFD replacements and a warning. Binary files are skipped. Offsets index the text
as decoded (after the BOM).

Duplicate article ids are kept apart: the second gets ``id~2`` (then ``~3``...) and a
warning that names the first.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import errno
import gzip
import io
import json
import os
import re
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import IO, Any, cast

from crosscheck.errors import InputError
from crosscheck.records import Article, Skipped
from crosscheck.rules import dates

# --------------------------------------------------------------------------- options

# Field names recognised when the option naming the field is None, in order of
# preference (matched exactly first, then case-insensitively).
ID_FIELDS: tuple[str, ...] = ("id", "ID", "unit_id", "article_id", "doc_id", "uuid", "_id")
TITLE_FIELDS: tuple[str, ...] = ("title", "article_title", "headline")
DATE_FIELDS: tuple[str, ...] = (
    "date",
    "published",
    "date_publish",
    "publication_date",
    "published_at",
    "date_published",
    "pubdate",
)
TEXT_FIELDS: tuple[str, ...] = (
    "text",
    "content",
    "maintext",
    "content_original",
    "article_content",
    "body",
    "article_text",
    "article",
)
OUTLET_FIELDS: tuple[str, ...] = (
    "source",
    "outlet",
    "source_domain",
    "publisher",
    "site",
    "source_name",
)

FORMATS: tuple[str, ...] = ("txt", "jsonl", "csv")

# File name endings read when walking a folder, and the format each one means.
EXTENSIONS: dict[str, str] = {
    ".txt": "txt",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
}

_SNIFF_BYTES = 8192
_SURROGATE = re.compile("[\ud800-\udfff]")  # lone UTF-16 surrogates (from JSON escapes)
_CSV_FIELD_LIMIT = 2**31 - 1  # the largest value the csv module accepts on every platform
_MAX_DATE_CHARS = 200


@dataclass(frozen=True)
class IngestOptions:
    """How to read the input. None means: recognise it automatically."""

    id_field: str | None = None
    title_field: str | None = None
    date_field: str | None = None
    outlet_field: str | None = None
    text_field: str | None = None
    format: str | None = None  # force txt|jsonl|csv
    encoding: str | None = None  # force a codec (undecodable bytes are replaced, with a warning)


# --------------------------------------------------------------------------- dates


def _year_ok(y: int) -> bool:
    return dates.MIN_YEAR <= y <= dates.MAX_YEAR


def date_from_match(m: re.Match[str]) -> dt.date | None:
    """The date a match of ``rules.dates.DATE_PATTERN`` denotes, or None if invalid."""
    g = m.groupdict()
    try:
        if g.get("iso_y"):
            y, mo, d = int(g["iso_y"]), int(g["iso_m"]), int(g["iso_d"])
        elif g.get("ymd_y"):
            y, mo, d = int(g["ymd_y"]), int(g["ymd_m"]), int(g["ymd_d"])
        elif g.get("mdy_y"):
            y, d = int(g["mdy_y"]), int(g["mdy_d"])
            mo = dates.MONTHS[g["mdy_m"].rstrip(".").lower()]
        elif g.get("dmy_y"):
            y, d = int(g["dmy_y"]), int(g["dmy_d"])
            mo = dates.MONTHS[g["dmy_m"].rstrip(".").lower()]
        elif g.get("num_y") or g.get("short_y"):
            tag = "num" if g.get("num_y") else "short"
            y, a, b = int(g[tag + "_y"]), int(g[tag + "_a"]), int(g[tag + "_b"])
            if tag == "short":  # 10/10/18: a two-digit year (metadata only)
                y += 2000 if y <= dates.SHORT_YEAR_PIVOT else 1900
            if g[tag + "_sep"] == ".":
                d, mo = a, b  # 24.08.2013: day first
            elif a > 12:
                d, mo = a, b  # 19/12/2018 can only be day first
            else:
                mo, d = a, b  # 4/5/2017: month first (US notation, as in FA-KES)
        else:
            return None
        if not _year_ok(y):
            return None
        return dt.date(y, mo, d)
    except (ValueError, KeyError):
        return None


def parse_date(value: str) -> dt.date | None:
    """Parse a metadata date value in any common notation; None when not recognised.

    ISO dates and timestamps (the date part as written, no time-zone shift), M/D/YYYY,
    D.M.YYYY, M/D/YY and D.M.YY (``rules.dates.SHORT_YEAR_PIVOT``), "September 12,
    2016", "12 Sep 2016", RFC 2822, Unix timestamps.
    """
    value = value[:_MAX_DATE_CHARS]
    m = dates.METADATA_DATE.match(value)
    if m:
        return date_from_match(m)
    e = dates.EPOCH_DATE.match(value)
    if e:
        try:
            d = dt.datetime.fromtimestamp(int(e.group("secs")), tz=dt.UTC).date()
        except (OverflowError, OSError, ValueError):
            return None
        return d if _year_ok(d.year) else None
    return None


# --------------------------------------------------------------------------- decoding

_TEXT_CONTROLS = frozenset(b"\t\n\r\x0b\x0c\x1b\x00")
#: Share of NUL bytes above which a CSV/JSONL file is binary rather than text
#: with a few damaged records.
RECORD_NUL_SHARE = 0.01
#: ... and above this count, whatever the share (small files).
RECORD_NUL_MIN = 4
#: JSON type names for the message about a JSONL line that is not an object.
_JSON_TYPE_NAMES = {
    "list": "an array",
    "str": "a string",
    "int": "a number",
    "float": "a number",
    "bool": "a boolean (true/false)",
    "NoneType": "null",
}


def _looks_binary(head: bytes, records: bool = False) -> bool:
    """NUL bytes or many control characters in the first bytes: not text.

    ``records``: a CSV or JSONL corpus, where a stray NUL inside one record must not
    cost the whole file (that record is reported on its own line); only NULs in more
    than ``RECORD_NUL_SHARE`` of the bytes (and more than ``RECORD_NUL_MIN``) make it
    binary.
    """
    if not head:
        return False
    nuls = head.count(b"\x00")
    if nuls and (not records or nuls > max(RECORD_NUL_MIN, RECORD_NUL_SHARE * len(head))):
        return True
    controls = sum(1 for b in head if b < 0x20 and b not in _TEXT_CONTROLS)
    return controls > max(2, len(head) // 20)


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the bytes look like BOM-less UTF-16 text."""
    n = len(head) - len(head) % 2
    if n < 4:
        return None
    even_nul = sum(1 for i in range(0, n, 2) if head[i] == 0)
    odd_nul = sum(1 for i in range(1, n, 2) if head[i] == 0)
    half = n // 2
    if odd_nul > 0.4 * half and even_nul < 0.05 * half:
        return "utf-16-le"
    if even_nul > 0.4 * half and odd_nul < 0.05 * half:
        return "utf-16-be"
    return None


def _bom_codec(head: bytes) -> str | None:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def decode_bytes(data: bytes, forced: str | None = None) -> tuple[str, str, tuple[str, ...]]:
    """Decode one text (a file or a line): (text, codec, warnings). Never raises.

    With ``forced`` the codec is used and undecodable bytes are replaced. Otherwise:
    UTF-8 (BOM stripped); else, if most non-ASCII bytes form valid UTF-8, UTF-8 with
    replacements; else Windows-1252, or Latin-1 when Windows-1252 cannot.
    """
    if forced:
        try:
            return data.decode(forced), forced, ()
        except UnicodeDecodeError:
            text = data.decode(forced, errors="replace")
            bad = text.count("\ufffd")
            return text, forced, (f"undecodable bytes in {forced}: {bad} replaced with U+FFFD",)
    bom = _bom_codec(data[:4])
    if bom:
        try:
            return data.decode(bom), bom, ()
        except UnicodeDecodeError:
            text = data.decode(bom, errors="replace")
            return (
                text,
                bom,
                (f"undecodable bytes after a {bom} byte-order mark replaced with U+FFFD",),
            )
    try:
        return data.decode("utf-8"), "utf-8", ()
    except UnicodeDecodeError:
        pass
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd")
    non_ascii = len(replaced) - len(replaced.encode("ascii", errors="ignore"))
    valid_multibyte = non_ascii - bad
    if valid_multibyte > bad:
        return (
            replaced,
            "utf-8",
            (f"not valid UTF-8: {bad} undecodable byte(s) replaced with U+FFFD",),
        )
    try:
        return data.decode("cp1252"), "cp1252", ("not valid UTF-8; decoded as Windows-1252",)
    except UnicodeDecodeError:
        pass
    return data.decode("latin-1"), "latin-1", ("not valid UTF-8; decoded as Latin-1",)


# --------------------------------------------------------------------------- paths


@dataclass(frozen=True)
class _Input:
    """One file to read (or stdin), with its format."""

    path: str
    fmt: str
    gz: bool = False


def _format_of(name: str, forced: str | None) -> tuple[str | None, bool]:
    """(format, gzipped) from a file name; format None when the extension is unknown."""
    lower = name.lower()
    gz = lower.endswith(".gz")
    if gz:
        lower = lower[:-3]
    ext = os.path.splitext(lower)[1]
    fmt = EXTENSIONS.get(ext)
    if forced:
        return forced, gz
    return fmt, gz


def _stem(path: str) -> str:
    name = os.path.basename(path)
    if name.lower().endswith(".gz"):
        name = name[:-3]
    stem = os.path.splitext(name)[0]
    return stem or name


def _walk(folder: str, forced: str | None) -> tuple[list[_Input], list[Skipped], int]:
    """Article files under a folder (recursive, symlinks followed once), skips, ignored count."""
    found: list[_Input] = []
    skipped: list[Skipped] = []
    ignored = 0
    seen_dirs: set[tuple[int, int]] = set()

    def onerror(err: OSError) -> None:
        skipped.append(
            Skipped(
                str(err.filename or folder),
                0,
                f"cannot read folder: {err.strerror or err}",
                "check its permissions",
            )
        )

    for root, dirnames, filenames in os.walk(folder, onerror=onerror, followlinks=True):
        try:
            st = os.stat(root)
            key = (st.st_dev, st.st_ino)
        except OSError:
            dirnames[:] = []
            continue
        if key in seen_dirs:
            dirnames[:] = []
            continue
        seen_dirs.add(key)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            full = os.path.join(root, name)
            fmt, gz = _format_of(name, None)
            if fmt is None:
                ignored += 1
                continue
            if forced:
                fmt = forced
            found.append(_Input(full, fmt, gz))
    # a link inside the tree pointing at a folder already walked is cut silently: its
    # files were read under their first path. A broken or looping link is listed as a
    # file by os.walk and reported when it is opened.
    return found, skipped, ignored


def _expand(paths: Sequence[str], options: IngestOptions) -> tuple[list[_Input], list[Skipped]]:
    inputs: list[_Input] = []
    skipped: list[Skipped] = []
    for p in paths:
        if p == "-":
            inputs.append(_Input("-", options.format or "auto"))
            continue
        if os.path.islink(p) and not os.path.exists(p):
            try:
                os.stat(p)
                reason = "broken symbolic link"
            except OSError as exc:
                reason = (
                    "symbolic link loop"
                    if exc.errno == errno.ELOOP
                    else f"broken symbolic link ({exc.strerror})"
                )
            skipped.append(Skipped(p, 0, reason, "point the link at an existing file or remove it"))
            continue
        if not os.path.exists(p):
            skipped.append(Skipped(p, 0, "no such file or folder", "check the path"))
            continue
        if os.path.isdir(p):
            found, errs, ignored = _walk(p, options.format)
            skipped.extend(errs)
            if not found:
                extra = f" ({ignored} other file(s) ignored)" if ignored else ""
                skipped.append(
                    Skipped(
                        p,
                        0,
                        f"folder has no article files{extra}",
                        "articles are .txt, .jsonl, .json, .csv files (optionally .gz); use --input-format to force one",
                    )
                )
            inputs.extend(found)
            continue
        fmt, gz = _format_of(p, options.format)
        inputs.append(_Input(p, fmt or "txt", gz))
    # read every file once, in sorted order, whatever order the paths came in
    unique: dict[str, _Input] = {}
    for item in inputs:
        key = item.path if item.path == "-" else os.path.realpath(item.path)
        unique.setdefault(key, item)
    ordered = sorted(unique.values(), key=lambda i: (i.path, i.fmt))
    return ordered, skipped


# --------------------------------------------------------------------------- reading


def _open_binary(item: _Input) -> IO[bytes]:
    if item.gz:
        return cast(IO[bytes], gzip.open(item.path, "rb"))
    return open(item.path, "rb")


def _os_reason(exc: BaseException) -> tuple[str, str]:
    """A one-line reason and hint for an error raised while opening or reading a file."""
    if isinstance(exc, PermissionError):
        return "permission denied", "make the file readable (chmod +r) or leave it out"
    if isinstance(exc, IsADirectoryError):
        return "is a folder", "pass the folder itself, not a file inside it"
    if isinstance(exc, OSError) and exc.errno == errno.ELOOP:
        return "symbolic link loop", "fix or remove the link"
    if isinstance(exc, FileNotFoundError):
        return "no such file (broken link?)", "check the path"
    if isinstance(exc, (gzip.BadGzipFile, EOFError, zlib.error)):
        return f"corrupt gzip data: {exc}", "re-compress or decompress the file"
    if isinstance(exc, OSError):
        return f"cannot read: {exc.strerror or exc}", "check the file"
    return f"cannot read: {exc}", "check the file"


def _read_file_bytes(item: _Input) -> bytes | Skipped:
    try:
        with _open_binary(item) as f:
            return f.read()
    except (OSError, EOFError, zlib.error) as exc:
        reason, hint = _os_reason(exc)
        return Skipped(item.path, 0, reason, hint)


def _split_header(text: str) -> tuple[dt.date | None, str, tuple[str, ...]]:
    """(date, date_source, warnings) from a ``date YYYY-MM-DD [label]`` first line."""
    first = text[: text.find("\n")] if "\n" in text[:300] else text[:300]
    m = dates.HEADER_LINE.match(first)
    if not m:
        return None, "unknown", ()
    value = m.group("value")
    hm = dates.HEADER_DATE.match(value)
    if hm:
        try:
            d = dt.date(int(hm.group("y")), int(hm.group("m")), int(hm.group("d")))
            if _year_ok(d.year):
                return d, "header", ()
        except ValueError:
            pass
    return (
        None,
        "unknown",
        (f"date header {value!r} is not a valid YYYY-MM-DD date; publication date unknown",),
    )


def _text_article(
    data: bytes, source: str, art_id: str, options: IngestOptions
) -> Article | Skipped:
    if not data.strip():
        return Skipped(source, 0, "empty file", "")
    bom = _bom_codec(data[:4])
    warnings: list[str] = []
    forced = options.encoding
    if not forced and not bom:
        head = data[:_SNIFF_BYTES]
        if b"\x00" in head:
            utf16 = _utf16_without_bom(head)
            if utf16 is None:
                return Skipped(source, 0, "binary file (not text)", "only text files can be read")
            forced = utf16
            warnings.append(f"no byte-order mark; decoded as {utf16}")
        elif _looks_binary(head):
            return Skipped(source, 0, "binary file (not text)", "only text files can be read")
    text, codec, notes = decode_bytes(data, forced)
    warnings.extend(notes)
    if not text.strip():
        return Skipped(source, 0, "empty file", "")
    published, date_source, header_notes = _split_header(text)
    warnings.extend(header_notes)
    if date_source == "header" or header_notes:
        nl = text.find("\n")
        if nl < 0 or not text[nl:].strip():
            return Skipped(source, 0, "empty text (only a date header)", "")
    return Article(
        id=art_id,
        text=text,
        published=published,
        date_source="header" if published else "unknown",
        source=source,
        line=0,
        encoding=codec,
        warnings=tuple(warnings),
    )


# ----- records (JSONL / CSV)


def _pick(keys: Iterable[str], wanted: str | None, defaults: tuple[str, ...]) -> str | None:
    """The field to use: the option if given (exact, else case-insensitive), else a default."""
    keys = list(keys)
    names = (wanted,) if wanted else defaults
    for name in names:
        if name in keys:
            return name
    lower = {k.lower(): k for k in reversed(keys)}
    for name in names:
        hit = lower.get(name.lower())
        if hit is not None:
            return hit
    return None


def _as_str(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        for k in ("name", "title", "id"):
            if isinstance(value.get(k), str):
                return str(value[k])
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        return ", ".join(_as_str(v) for v in value if _as_str(v))
    return str(value)


def _no_surrogates(value: Any) -> Any:
    """``value`` with lone surrogates replaced by U+FFFD, in strings nested at any depth
    of lists and objects too (a metadata field may be a list: ``"source": ["..."]``)."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_no_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {_no_surrogates(k): _no_surrogates(v) for k, v in value.items()}
    return value


def _record_article(
    record: dict[str, Any],
    source: str,
    line: int,
    stem: str,
    options: IngestOptions,
    codec: str,
    warnings: tuple[str, ...],
) -> Article | Skipped:
    keys = list(record)
    text_key = _pick(keys, options.text_field, TEXT_FIELDS)
    if text_key is None:
        tried = options.text_field or ", ".join(TEXT_FIELDS)
        return Skipped(
            source,
            line,
            f"no text field (looked for: {tried})",
            "name the text field with --text-field",
        )
    raw_text = record[text_key]
    if not isinstance(raw_text, str):
        if raw_text is None:
            return Skipped(source, line, f"empty text in field {text_key!r}", "")
        return Skipped(source, line, f"text field {text_key!r} is not a string", "")
    if not raw_text.strip():
        return Skipped(source, line, f"empty text in field {text_key!r}", "")
    notes = list(warnings)
    if _SURROGATE.search(raw_text):
        # JSON "\ud800" escapes decode to lone surrogates, which no output can encode;
        # one replacement character each keeps every offset
        raw_text = _SURROGATE.sub("\ufffd", raw_text)
        notes.append("lone surrogate escapes in the text replaced by U+FFFD")
    # (the text is done above: the very value _no_surrogates would give)
    record = {k: raw_text if k == text_key else _no_surrogates(v) for k, v in record.items()}
    id_key = _pick(keys, options.id_field, ID_FIELDS)
    art_id = _as_str(record.get(id_key)).strip() if id_key else ""
    if not art_id:
        art_id = f"{stem}:{line}"
    title_key = _pick(keys, options.title_field, TITLE_FIELDS)
    outlet_key = _pick(keys, options.outlet_field, OUTLET_FIELDS)
    date_key = _pick(keys, options.date_field, DATE_FIELDS)
    published: dt.date | None = None
    date_source = "unknown"
    if date_key is not None:
        raw_date = _as_str(record.get(date_key)).strip()
        if raw_date:
            published = parse_date(raw_date)
            if published is not None:
                date_source = "metadata"
            else:
                notes.append(f"unrecognised date {raw_date[:40]!r} in field {date_key!r}")
    return Article(
        id=art_id,
        text=raw_text,
        title=" ".join(_as_str(record.get(title_key)).split()) if title_key else "",
        outlet=" ".join(_as_str(record.get(outlet_key)).split()) if outlet_key else "",
        published=published,
        date_source="metadata" if date_source == "metadata" else "unknown",
        source=source,
        line=line,
        encoding=codec,
        warnings=tuple(notes),
    )


class _LineDecoder:
    """Decodes byte lines one by one, remembering warnings for the current record."""

    def __init__(self, forced: str | None) -> None:
        self.forced = forced
        self.codec = forced or "utf-8"
        self.pending: list[str] = []
        self.count = 0

    def decode(self, raw: bytes) -> str:
        self.count += 1
        if self.forced is None:
            try:
                return raw.decode("utf-8")
            except UnicodeDecodeError:
                pass
        text, codec, notes = decode_bytes(raw, self.forced)
        if notes:
            self.pending.append(f"line {self.count}: {notes[0]}")
            self.codec = codec
        return text

    def take(self) -> tuple[str, tuple[str, ...]]:
        notes = tuple(self.pending)
        self.pending.clear()
        codec = self.codec
        self.codec = self.forced or "utf-8"
        return codec, notes


def _text_lines(stream: IO[bytes], codec: str | None, decoder: _LineDecoder) -> Iterator[str]:
    """Decoded lines of a byte stream (keeping their line ends)."""
    if codec and codec.startswith(("utf-16", "utf-32")):
        wrapper = io.TextIOWrapper(stream, encoding=codec, errors="replace", newline="")
        for line in wrapper:
            decoder.count += 1
            yield line
        return
    first = True
    for raw in stream:
        if first:
            first = False
            if raw.startswith(codecs.BOM_UTF8):
                raw = raw[3:]
        yield decoder.decode(raw)


def _sniff(item: _Input) -> tuple[bytes, Skipped | None]:
    try:
        with _open_binary(item) as f:
            head = f.read(_SNIFF_BYTES)
    except (OSError, EOFError, zlib.error) as exc:
        reason, hint = _os_reason(exc)
        return b"", Skipped(item.path, 0, reason, hint)
    if not head.strip():
        return head, Skipped(item.path, 0, "empty file", "")
    bom = _bom_codec(head[:4])
    if bom is None and _looks_binary(head, records=True) and _utf16_without_bom(head) is None:
        return head, Skipped(item.path, 0, "binary file (not text)", "only text files can be read")
    return head, None


def _stream_codec(head: bytes, forced: str | None) -> str | None:
    if forced:
        return forced
    bom = _bom_codec(head[:4])
    if bom in ("utf-16", "utf-32"):
        return bom
    return _utf16_without_bom(head)


def _jsonl_records(
    lines: Iterator[str], decoder: _LineDecoder, item: _Input, options: IngestOptions
) -> Iterator[Article | Skipped]:
    stem = _stem(item.path)
    lineno = 0
    for text in lines:
        lineno += 1
        stripped = text.strip().lstrip("\ufeff")
        if not stripped:
            decoder.take()
            continue
        codec, notes = decoder.take()
        if lineno == 1 and stripped.startswith("[") and item.path != "-":
            # a JSON array file, not JSON lines
            yield from _json_array(stripped + "".join(lines), item, options, stem, codec, notes)
            return
        try:
            record = json.loads(stripped)
        except (json.JSONDecodeError, RecursionError) as exc:
            msg = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
            yield Skipped(
                item.path, lineno, f"malformed JSON: {msg}", "each line must be one JSON object"
            )
            continue
        if not isinstance(record, dict):
            yield Skipped(
                item.path,
                lineno,
                f"JSON line is {_JSON_TYPE_NAMES.get(type(record).__name__, 'not an object')}"
                ", not an object",
                "each line must be one JSON object",
            )
            continue
        yield _record_article(record, item.path, lineno, stem, options, codec, notes)


def _json_array(
    text: str, item: _Input, options: IngestOptions, stem: str, codec: str, notes: tuple[str, ...]
) -> Iterator[Article | Skipped]:
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        where = exc.lineno if isinstance(exc, json.JSONDecodeError) else 0
        yield Skipped(
            item.path, where, "malformed JSON array", "use one JSON object per line (JSONL)"
        )
        return
    if not isinstance(data, list):
        yield Skipped(
            item.path, 1, "JSON is not an array of objects", "use one JSON object per line"
        )
        return
    for index, record in enumerate(data, start=1):
        if not isinstance(record, dict):
            yield Skipped(item.path, index, "array element is not an object", "")
            continue
        yield _record_article(record, item.path, index, stem, options, codec, notes)


def _csv_delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def _csv_records(
    lines: Iterator[str], decoder: _LineDecoder, item: _Input, options: IngestOptions
) -> Iterator[Article | Skipped]:
    stem = _stem(item.path)
    first = next(lines, None)
    offset = 0  # blank lines before the header
    while first is not None and not first.strip():
        offset += 1
        first = next(lines, None)
    if first is None:
        yield Skipped(item.path, 0, "empty file", "")
        return
    delimiter = _csv_delimiter(first)
    # a whole article is one field: lift the csv module's 128 kB cap (process-wide)
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)

    quotes = [0]  # quote characters in the raw lines of the record being read

    def chained() -> Iterator[str]:
        quotes[0] += first.count('"')
        yield first
        for raw in lines:
            quotes[0] += raw.count('"')
            yield raw

    reader = csv.reader(chained(), delimiter=delimiter)
    try:
        header = next(reader)
    except csv.Error as exc:
        yield Skipped(item.path, 1, f"unreadable CSV header: {exc}", "")
        return
    decoder.take()
    quotes[0] = 0
    header = [h.strip() for h in header]
    if header and header[0].startswith("\ufeff"):
        header[0] = header[0][1:]
    text_key = _pick(header, options.text_field, TEXT_FIELDS)
    if text_key is None:
        tried = options.text_field or ", ".join(TEXT_FIELDS)
        yield Skipped(
            item.path,
            offset + 1,
            f"CSV has no text column (looked for: {tried}; columns: {', '.join(header)[:200]})",
            "name the text column with --text-field",
        )
        return
    width = len(header)
    previous_end = reader.line_num
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield Skipped(item.path, offset + previous_end + 1, f"malformed CSV: {exc}", "")
            previous_end = reader.line_num
            decoder.take()
            continue
        start = offset + previous_end + 1
        spanned = reader.line_num - previous_end
        previous_end = reader.line_num
        codec, notes = decoder.take()
        odd_quotes = quotes[0] % 2 == 1
        quotes[0] = 0
        if odd_quotes:
            # the csv module silently ends a field left open at the end of the file, with
            # every later line inside it: keep the row, and say so
            notes = (
                *notes,
                f"unterminated quoted field: this row runs to the end of the file ({spanned} "
                "lines), so any later rows are inside its text; close the quote (a quote inside "
                'a field is doubled: "")',
            )
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        if len(row) != width:
            yield Skipped(
                item.path,
                start,
                f"ragged CSV row: {len(row)} fields, the header has {width}",
                "check quoting and delimiters on this row",
            )
            continue
        yield _record_article(
            dict(zip(header, row, strict=True)), item.path, start, stem, options, codec, notes
        )


def _read_stream_file(item: _Input, options: IngestOptions) -> Iterator[Article | Skipped]:
    head, problem = _sniff(item)
    if problem is not None:
        yield problem
        return
    codec = _stream_codec(head, options.encoding)
    decoder = _LineDecoder(options.encoding if codec is None else codec)
    produced = 0
    try:
        with _open_binary(item) as stream:
            lines = _text_lines(stream, codec, decoder)
            records = (
                _csv_records(lines, decoder, item, options)
                if item.fmt == "csv"
                else _jsonl_records(lines, decoder, item, options)
            )
            for rec in records:
                produced += 1
                yield rec
    except (OSError, EOFError, zlib.error) as exc:
        reason, hint = _os_reason(exc)
        yield Skipped(item.path, decoder.count, reason, hint)
        return
    if produced == 0:
        yield Skipped(item.path, 0, "no records", "the file holds no JSON object / CSV row")


def _read_stdin(
    item: _Input, options: IngestOptions, stdin: IO[bytes] | None
) -> Iterator[Article | Skipped]:
    stream: IO[bytes]
    if stdin is not None:
        stream = stdin
    else:
        buffer = getattr(sys.stdin, "buffer", None)
        # a text-only stdin (tests, embedded use) has no byte buffer
        stream = io.BytesIO(sys.stdin.read().encode("utf-8")) if buffer is None else buffer
    try:
        # find the first non-blank byte without reading the whole input
        prefix = b""
        while True:
            chunk = stream.readline()
            prefix += chunk
            if not chunk or chunk.strip():
                break
        fmt = item.fmt
        if fmt == "auto":
            fmt = "jsonl" if prefix.lstrip().lstrip(codecs.BOM_UTF8).lstrip()[:1] == b"{" else "txt"
        if fmt == "txt":
            data = prefix + stream.read()
            yield _text_article(data, "-", "stdin", options)
            return
        decoder = _LineDecoder(options.encoding)

        def raw_lines() -> Iterator[bytes]:
            if prefix:
                # blank lines before the first record, then that record
                yield from io.BytesIO(prefix)
            yield from stream

        src = _Input("-", fmt)
        lines = (decoder.decode(raw) for raw in raw_lines())
        records = (
            _csv_records(lines, decoder, src, options)
            if fmt == "csv"
            else _jsonl_records(lines, decoder, src, options)
        )
        produced = 0
        for rec in records:
            produced += 1
            yield rec
        if produced == 0:
            yield Skipped("-", 0, "no records on standard input", "")
    except (OSError, ValueError) as exc:
        yield Skipped("-", 0, f"cannot read standard input: {exc}", "")


def _not_regular(item: _Input) -> Skipped | None:
    """A Skipped for a path that cannot be read as a file (a FIFO would block forever)."""
    try:
        mode = os.stat(item.path).st_mode
    except OSError as exc:
        reason, hint = _os_reason(exc)
        return Skipped(item.path, 0, reason, hint)
    if stat.S_ISDIR(mode):
        return Skipped(item.path, 0, "is a folder", "")
    if not stat.S_ISREG(mode):
        return Skipped(
            item.path,
            0,
            "not a regular file (a pipe, device or socket)",
            "copy its content into a file, or use - for stdin",
        )
    return None


def _read_one(
    item: _Input, options: IngestOptions, stdin: IO[bytes] | None
) -> Iterator[Article | Skipped]:
    if item.path == "-":
        yield from _read_stdin(item, options, stdin)
        return
    problem = _not_regular(item)
    if problem is not None:
        yield problem
        return
    if item.fmt == "txt":
        data = _read_file_bytes(item)
        if isinstance(data, Skipped):
            yield data
            return
        yield _text_article(data, item.path, _stem(item.path), options)
        return
    yield from _read_stream_file(item, options)


def _check_options(options: IngestOptions) -> None:
    if options.format is not None and options.format not in FORMATS:
        raise InputError(
            f"unknown input format {options.format!r}", f"use one of: {', '.join(FORMATS)}"
        )
    if options.encoding is not None:
        try:
            codecs.lookup(options.encoding)
        except LookupError:
            raise InputError(
                f"unknown encoding {options.encoding!r}",
                "use a Python codec name such as utf-8 or cp1252",
            ) from None


def read(
    paths: Sequence[str], options: IngestOptions, *, stdin: IO[bytes] | None = None
) -> Iterator[Article | Skipped]:
    """Yield an Article per article and a Skipped per unusable input, streaming.

    Raises ``InputError`` only for invalid options (an unknown format or encoding);
    bad input is never an exception. ``stdin`` replaces ``sys.stdin`` for ``-``.
    """
    _check_options(options)
    inputs, skipped = _expand(paths, options)
    yield from skipped
    seen: dict[str, tuple[str, int, int]] = {}  # id -> (first source, first line, count)
    for item in inputs:
        for rec in _read_one(item, options, stdin):
            if isinstance(rec, Skipped):
                yield rec
                continue
            first = seen.get(rec.id)
            if first is None:
                seen[rec.id] = (rec.source, rec.line, 1)
                yield rec
                continue
            src, line, count = first
            count += 1
            new_id = f"{rec.id}~{count}"
            while new_id in seen:
                count += 1
                new_id = f"{rec.id}~{count}"
            seen[rec.id] = (src, line, count)
            seen[new_id] = (rec.source, rec.line, 1)
            where = f"{src}:{line}" if line else src
            note = f"duplicate article id {rec.id!r} (first in {where}); kept as {new_id!r}"
            yield replace(rec, id=new_id, warnings=(*rec.warnings, note))


__all__ = ["IngestOptions", "decode_bytes", "parse_date", "read"]
