"""Safe writes: atomic file replacement, and names that cannot escape the output folder.

* ``atomic_write`` writes to a temporary file in the destination folder, flushes and
  fsyncs it, then ``os.replace``-s it over the target: a reader sees the old file or
  the new one, never half of one, and an interrupted run leaves no partial report.
  A failed write removes its temporary file.
* ``safe_filename`` turns an arbitrary string (an article id such as ``../../etc/x``)
  into one plain file name made of ``[A-Za-z0-9._-]``; when it had to change the
  string it appends a short hash of the original, so two different ids never map to
  the same name.
* ``inside`` joins a name to the output folder and refuses (``OutputError``) any path
  that would resolve outside it, symlinks included.
* ``Staging`` writes several files from streamed text pieces into temporary files
  of the folder, tells which ones differ from the files in place, and moves them
  all into place at the end (or removes them all if anything failed).
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import os
import re
import tempfile
import typing
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from types import TracebackType
from typing import BinaryIO, NamedTuple

from crosscheck.errors import OutputError

# Characters kept as they are in a file name; every other run of characters becomes "_".
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")

# Device names Windows reserves in any folder (with or without an extension).
_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"]
    + [f"com{i}" for i in range(1, 10)]
    + [f"lpt{i}" for i in range(1, 10)]
)

MAX_NAME = 120  # characters of a sanitised name, before the hash suffix and extension


def safe_filename(name: str, suffix: str = "") -> str:
    """A plain, portable file name for ``name`` (plus ``suffix``, e.g. ``".html"``).

    The result matches ``[A-Za-z0-9._-]+``, never starts with a dot or dash, is not a
    reserved device name, and contains no path separator, so it cannot leave the
    folder it is joined to. A name that had to be changed gets ``-<8 hex>`` of the
    sha256 of the original appended, keeping distinct inputs distinct.
    """
    clean = _UNSAFE.sub("_", name).strip("._-")[:MAX_NAME]
    changed = clean != name or clean.split(".", 1)[0].lower() in _RESERVED
    if not clean:
        clean = "_"
    if clean.split(".", 1)[0].lower() in _RESERVED:
        clean = "_" + clean
    if changed:
        digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        clean = f"{clean}-{digest}"
    return clean + suffix


def inside(folder: Path, name: str) -> Path:
    """``folder / name``, refusing any result outside ``folder`` (``..``, absolute, symlinks)."""
    if not name or name in (".", "..") or "/" in name or "\\" in name or "\0" in name:
        raise OutputError(
            f"refusing to write {name!r}: not a plain file name",
            hint="report file names must not contain path separators",
        )
    root = folder.resolve()
    target = (root / name).resolve()
    if target.parent != root:
        raise OutputError(
            f"refusing to write {name!r}: it would land outside {folder}",
            hint="remove the symlink or choose another --out folder",
        )
    return folder / name


def ensure_dir(folder: Path) -> Path:
    """Create ``folder`` (and parents); an existing non-folder is an ``OutputError``."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError as exc:
        raise OutputError(
            f"cannot create output folder {folder}: a file of that name exists",
            hint="choose another --out folder",
        ) from exc
    except OSError as exc:
        raise OutputError(
            f"cannot create output folder {folder}: {exc.strerror or exc}",
            hint="check the path and its permissions",
        ) from exc
    return folder


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class FileRange(NamedTuple):
    """``length`` bytes of the open file ``fd`` from ``offset``: a piece ``Staging``
    copies from file to file (``copy_range``) instead of through this process."""

    fd: int
    offset: int
    length: int


class Adopted(NamedTuple):
    """A piece that may only come first: the file at ``path``, whose first ``size``
    bytes (its whole length) are the start of the staged file. ``Staging`` takes the
    file itself as its temporary file when it lies in the target's folder (renamed
    into place on commit: nothing copied), and copies it otherwise. The file is
    given over: ``Staging`` removes or renames it."""

    path: str
    size: int


def read_at(fd: int, length: int, offset: int) -> bytes:
    """``length`` bytes of the file ``fd`` from ``offset`` (read on after a short read;
    ``OSError`` if the file ends first)."""
    data = os.pread(fd, length, offset)
    while len(data) < length:
        more = os.pread(fd, length - len(data), offset + len(data))
        if not more:
            raise OSError(f"a file ends early (at {offset + len(data)})")
        data += more
    return data


def write_all(fd: int, data: bytes) -> None:
    """Write all of ``data`` to the file or pipe ``fd`` (on after a short write)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def copy_range(piece: FileRange, dst: int) -> None:
    """Append the bytes of ``piece`` to the file ``dst`` at its position: in the kernel
    (``os.copy_file_range``) where it can, else read and written in blocks."""
    done = 0
    copy = getattr(os, "copy_file_range", None)
    while copy is not None and done < piece.length:
        try:
            n = copy(piece.fd, dst, piece.length - done, piece.offset + done)
        except OSError:  # not supported here (another file system, an old kernel)
            break
        if n == 0:
            raise OSError(f"a file ends early (at {piece.offset + done})")
        done += n
    while done < piece.length:
        size = min(piece.length - done, 1 << 22)
        write_all(dst, read_at(piece.fd, size, piece.offset + done))
        done += size


def write_pieces(handle: BinaryIO, pieces: Iterable[bytes | FileRange]) -> int:
    """Append ``pieces`` to the open file ``handle``, flushed; the bytes written."""
    size = 0
    for data in pieces:
        if isinstance(data, FileRange):
            handle.flush()
            copy_range(data, handle.fileno())
            size += data.length
            continue
        size += len(data)
        handle.write(data)
    handle.flush()
    return size


def _write_temp(path: Path, pieces: Iterable[bytes | FileRange | Adopted]) -> tuple[str, int]:
    """Write ``pieces`` to a fsynced temporary file beside ``path``: (its name, the
    number of bytes). An ``Adopted`` first piece in the same folder is that file,
    the other pieces appended (one elsewhere is copied). A failure removes it
    (``OutputError``)."""
    given = iter(pieces)
    first = next(given, None)
    handle: BinaryIO
    try:
        if isinstance(first, Adopted) and _same_folder(first.path, path.parent):
            tmp = first.path
            if os.stat(tmp).st_size != first.size:
                raise OSError(f"{tmp} is not the size given ({first.size} bytes)")
            handle = open(tmp, "ab")  # noqa: SIM115 (closed below)
            size = first.size
        else:
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            handle = os.fdopen(fd, "wb")
            size = 0
            if isinstance(first, Adopted):
                given = itertools.chain(_adopted_copy(first), given)
            elif first is not None:
                given = itertools.chain([first], given)
    except OSError as exc:
        if isinstance(first, Adopted):
            with contextlib.suppress(OSError):
                os.unlink(first.path)
        raise OutputError(
            f"cannot write {path}: {exc.strerror or exc}",
            hint="check that the output folder exists and is writable",
        ) from exc
    try:
        with handle:
            size += write_pieces(handle, typing.cast("Iterator[bytes | FileRange]", given))
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise write_error(path, exc) from exc
        raise
    return tmp, size


def _same_folder(file: str, folder: Path) -> bool:
    """Whether ``file`` lies in ``folder`` (the same folder however it is spelled: a
    rename from one to the other stays on one file system)."""
    try:
        return os.path.samefile(os.path.dirname(file) or ".", folder)
    except OSError:
        return False


def _adopted_copy(piece: Adopted) -> Iterator[bytes | FileRange]:
    """An ``Adopted`` file outside the target's folder, copied (and then removed)."""
    fd = os.open(piece.path, os.O_RDONLY)
    try:
        yield FileRange(fd, 0, piece.size)
    finally:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(piece.path)


def write_error(path: Path, exc: OSError) -> OutputError:
    return OutputError(
        f"cannot write {path}: {exc.strerror or exc}",
        hint="check free space and permissions of the output folder",
    )


def atomic_write(path: Path, data: bytes | str, encoding: str = "utf-8") -> Path:
    """Write ``data`` to ``path`` atomically (temp file in the same folder + ``os.replace``).

    ``str`` data is encoded with ``encoding`` and written without any newline
    translation. The new file gets the usual ``0o666 & ~umask`` permissions.
    """
    payload = data.encode(encoding) if isinstance(data, str) else data
    tmp, _ = _write_temp(path, [payload])
    try:
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise write_error(path, exc) from exc
    return path


def atomic_write_text(path: Path | str, text: str, encoding: str = "utf-8") -> Path:
    """``atomic_write`` for a text file given by path (no newline translation)."""
    return atomic_write(Path(path), text, encoding)


def write_files(folder: Path, files: Mapping[str, bytes | str]) -> list[Path]:
    """Write every ``name -> content`` into ``folder`` atomically, in sorted name order.

    Each name must be a plain file name (see ``inside``); the folder is created.
    Returns the written paths in the same order.
    """
    ensure_dir(folder)
    targets = [(inside(folder, name), files[name]) for name in sorted(files)]
    return [atomic_write(path, content) for path, content in targets]


def _same_file(path: Path, staged: str, size: int) -> bool:
    """Whether the file at ``path`` holds exactly the bytes of the staged file (``size``
    bytes), compared block by block (only a file of the same size is read)."""
    try:
        if not path.is_file() or path.stat().st_size != size:
            return False
        with path.open("rb") as handle, open(staged, "rb") as other:
            while True:
                block = handle.read(1 << 20)
                if block != other.read(1 << 20):
                    return False
                if not block:
                    return True
    except OSError:
        return False


class Staging:
    """Stage files into ``folder`` from text pieces, then move them into place together.

    Use as a context manager: ``stage`` each file, optionally ask ``changed``, then
    ``commit``. Leaving the block without committing (an error) removes every staged
    temporary file; nothing in place is touched. Only one piece of text is held at
    a time, so a report file of any size costs no memory beyond its largest piece.
    """

    def __init__(self, folder: Path, encoding: str = "utf-8") -> None:
        self.folder = folder
        self.encoding = encoding
        self._staged: list[tuple[Path, str, int]] = []  # target, tmp, size

    def __enter__(self) -> Staging:
        ensure_dir(self.folder)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        for _, tmp, _ in self._staged:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        self._staged = []

    def stage(self, name: str, pieces: Iterable[str | bytes | FileRange | Adopted]) -> None:
        """Write ``pieces`` (text encoded, bytes as they are, a ``FileRange`` copied
        from its file, an ``Adopted`` file first taken over) to a temporary file for
        ``folder/name``."""
        path = inside(self.folder, name)
        encoding = self.encoding
        tmp, size = _write_temp(
            path, (p.encode(encoding) if isinstance(p, str) else p for p in pieces)
        )
        self._staged.append((path, tmp, size))

    def changed(self) -> list[str]:
        """Names of the staged files whose bytes differ from the file in place (sorted)."""
        return sorted(
            path.name for path, tmp, size in self._staged if not _same_file(path, tmp, size)
        )

    def commit(self) -> list[Path]:
        """Move every staged file into place (in staging order); return the paths."""
        done: list[Path] = []
        while self._staged:
            path, tmp, _ = self._staged[0]
            try:
                os.replace(tmp, path)
            except OSError as exc:
                raise write_error(path, exc) from exc
            self._staged.pop(0)
            done.append(path)
        return done
