"""The modules the install compiles with mypyc, and whether this process runs them.

``pip install`` builds ``COMPILED`` into C extension modules with mypyc when it can
(``setup.py``; about twice as fast, byte-identical output), and falls back to the pure
Python modules when it cannot (no C compiler, or ``CROSSCHECK_PURE=1`` at install).
An extension module is found before the ``.py`` beside it, so a compiled module built
from an older source must never run: in a checkout installed with ``pip install -e``
the source changes under the build. The build writes the hash of each compiled source
into ``STAMP``; ``activate`` (run when the package is imported) compares them with the
sources beside it and, unless every one matches, makes the imports of ``COMPILED`` read
the ``.py`` files. All or none: the compiled modules call into each other directly.

``CROSSCHECK_PURE=1`` in the environment runs the pure Python modules whatever is
built (the tests run both ways). ``status()`` says which ran and why
(``crosscheck --version`` prints it).

This module is read by ``setup.py`` before the package is installed: standard library
only, no import from the package.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

#: The modules compiled with mypyc, in one group (one shared library): the
#: per-article stages and the cross-article stages. The others stay Python: the CLI,
#: I/O, the dask engine, the report writers (their row classes subclass
#: ``collections.abc`` classes and are subclassed again, which native classes do not
#: allow) and the records (pickled by field; ``HeldIds`` there is a ``tuple`` subclass).
COMPILED: tuple[str, ...] = (
    "clean",
    "segment",
    "attribute",
    "coref",
    "normalise",
    "timex",
    "quantities",
    "places",
    "events",
    "patterns",
    "group",
    "match",
    "judge",
    "html",
)

#: Kernels written in C, built with the compiled modules and run with them (all or
#: none): ``_tokenset`` scores match's pairs (``match._scores``) as rapidfuzz's
#: ``token_set_ratio`` would, from texts given once as word ids. Each is
#: ``crosscheck/<name>.c``, typed for mypy by ``<name>.pyi``.
KERNELS: tuple[str, ...] = ("_tokenset",)

#: The group's name: its shared library is ``crosscheck/native__mypyc.<suffix>``.
GROUP = "crosscheck.native"

#: The build's record of the sources it compiled: ``{"attribute.py": sha256, ...}``.
STAMP = "native_build.json"

#: Set (to anything but ``0`` or empty) to run the pure Python modules.
PURE_ENV = "CROSSCHECK_PURE"

_HERE = Path(__file__).resolve().parent
_status = "pure: not imported through the package"


def source_hashes(
    folder: Path, modules: Sequence[str] = COMPILED, kernels: Sequence[str] = KERNELS
) -> dict[str, str]:
    """The sha256 of each compiled module's and kernel's source in ``folder``."""
    names = [f"{m}.py" for m in modules] + [f"{k}.c" for k in kernels]
    return {name: hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in names}


def pure_requested() -> bool:
    return os.environ.get(PURE_ENV, "") not in ("", "0")


#: The group's shared library (in the package folder), which every compiled module loads.
LIBRARY = GROUP.rpartition(".")[2] + "__mypyc"


def _extensions(folder: Path) -> list[Path]:
    """The extension files present in ``folder``: the compiled modules', the group's
    shared library and the kernels'."""
    found = []
    for m in (*COMPILED, LIBRARY, *KERNELS):
        for suffix in importlib.machinery.EXTENSION_SUFFIXES:
            path = folder / f"{m}{suffix}"
            if path.exists():
                found.append(path)
                break
    return found


def check(folder: Path = _HERE) -> str:
    """``"compiled"``, or ``"pure: <why>"``: whether the compiled modules in
    ``folder`` may run (every one built, from the sources now beside them)."""
    if pure_requested():
        return f"pure: {PURE_ENV} is set"
    built = _extensions(folder)
    if not built:
        return "pure: not compiled at install"
    if len(built) < len(COMPILED) + 1 + len(KERNELS):
        return "pure: the compiled build is incomplete"
    try:
        stamp = json.loads((folder / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return f"pure: the compiled build has no readable {STAMP}"
    now = source_hashes(folder)
    changed = sorted(name for name, digest in now.items() if stamp.get(name) != digest)
    if changed:
        return f"pure: {', '.join(changed)} changed since the compiled build (reinstall)"
    return "compiled"


class _SourceFirst(importlib.abc.MetaPathFinder):
    """Finds ``crosscheck.<m>`` for ``m`` in ``COMPILED`` as its ``.py`` file."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: object = None
    ) -> importlib.machinery.ModuleSpec | None:
        package, _, name = fullname.rpartition(".")
        if package != "crosscheck" or name not in COMPILED:
            return None
        return importlib.util.spec_from_file_location(fullname, self.folder / f"{name}.py")


def activate() -> str:
    """Decide, once per process, whether the compiled modules run; returns ``status()``."""
    global _status
    _status = check(_HERE)
    if _status != "compiled" and not any(isinstance(f, _SourceFirst) for f in sys.meta_path):
        sys.meta_path.insert(0, _SourceFirst(_HERE))
    return _status


def status() -> str:
    """``"compiled"`` or ``"pure: <why>"``, as decided when the package was imported."""
    return _status
