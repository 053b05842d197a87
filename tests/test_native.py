"""The compiled modules (crosscheck/native.py): whether a process may run them.

An extension module is imported before the ``.py`` beside it, so a build older than
its sources must not run; these tests build fake package folders and check the
decision, and check that this process runs what ``status()`` says.
"""

from __future__ import annotations

import importlib.machinery
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import crosscheck
from crosscheck import native

SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]


def package(
    tmp_path: Path,
    *,
    built: tuple[str, ...] = native.COMPILED,
    stamp: bool = True,
    library: bool = True,
    kernels: bool = True,
) -> Path:
    """A folder with the compiled modules' and the C kernels' sources, fake extension
    files for ``built`` (and, when all are built, for the group's shared library with
    ``library`` and for the kernels with ``kernels``) and, with ``stamp``, the build's
    record of the sources."""
    for m in native.COMPILED:
        (tmp_path / f"{m}.py").write_text(f"NAME = {m!r}\n", encoding="utf-8")
    for k in native.KERNELS:
        (tmp_path / f"{k}.c").write_text(f"/* {k} */\n", encoding="utf-8")
    for m in built:
        (tmp_path / f"{m}{SUFFIX}").write_bytes(b"")
    if built == native.COMPILED and library:
        (tmp_path / f"{native.LIBRARY}{SUFFIX}").write_bytes(b"")
    if built == native.COMPILED and kernels:
        for k in native.KERNELS:
            (tmp_path / f"{k}{SUFFIX}").write_bytes(b"")
    if stamp:
        hashes = native.source_hashes(tmp_path)
        (tmp_path / native.STAMP).write_text(json.dumps(hashes), encoding="utf-8")
    return tmp_path


def edit(folder: Path, module: str) -> None:
    with (folder / f"{module}.py").open("a", encoding="utf-8") as f:
        f.write("# edited\n")


def edit_kernel(folder: Path, kernel: str) -> None:
    with (folder / f"{kernel}.c").open("a", encoding="utf-8") as f:
        f.write("/* edited */\n")


@pytest.fixture
def not_pure(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(native.PURE_ENV, raising=False)


@pytest.mark.usefixtures("not_pure")
@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        pytest.param(lambda p: package(p), "compiled", id="built-from-these-sources"),
        pytest.param(
            lambda p: package(p, built=()), "pure: not compiled at install", id="not-built"
        ),
        pytest.param(
            lambda p: package(p, built=native.COMPILED[:1]),
            "pure: the compiled build is incomplete",
            id="partly-built",
        ),
        pytest.param(
            lambda p: package(p, library=False),
            "pure: the compiled build is incomplete",
            id="no-shared-library",
        ),
        pytest.param(
            lambda p: package(p, kernels=False),
            "pure: the compiled build is incomplete",
            id="no-kernel",
        ),
        pytest.param(
            lambda p: edit_kernel(package(p), native.KERNELS[0]),
            f"pure: {native.KERNELS[0]}.c changed since the compiled build (reinstall)",
            id="kernel-source-edited",
        ),
        pytest.param(
            lambda p: package(p, stamp=False),
            f"pure: the compiled build has no readable {native.STAMP}",
            id="no-stamp",
        ),
        pytest.param(
            lambda p: edit(package(p), native.COMPILED[-1]),
            f"pure: {native.COMPILED[-1]}.py changed since the compiled build (reinstall)",
            id="source-edited",
        ),
    ],
)
def test_check(tmp_path: Path, setup: object, expected: str) -> None:
    setup(tmp_path)  # type: ignore[operator]
    assert native.check(tmp_path) == expected


def test_every_edited_source_is_named(tmp_path: Path, not_pure: None) -> None:
    folder = package(tmp_path)
    for m in native.COMPILED:
        edit(folder, m)
    names = ", ".join(sorted(f"{m}.py" for m in native.COMPILED))
    assert native.check(folder) == f"pure: {names} changed since the compiled build (reinstall)"


@pytest.mark.parametrize(("value", "pure"), [("1", True), ("yes", True), ("0", False), ("", False)])
def test_pure_environment_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str, pure: bool
) -> None:
    monkeypatch.setenv(native.PURE_ENV, value)
    result = native.check(package(tmp_path))
    assert result == (f"pure: {native.PURE_ENV} is set" if pure else "compiled")


def test_source_finder_reads_the_py_files_of_compiled_modules_only() -> None:
    folder = Path(native.__file__).parent
    finder = native._SourceFirst(folder)
    for m in native.COMPILED:
        spec = finder.find_spec(f"crosscheck.{m}", None)
        assert spec is not None and spec.origin == str(folder / f"{m}.py")
    assert finder.find_spec("crosscheck.records", None) is None
    assert finder.find_spec("crosscheck", None) is None
    assert finder.find_spec(f"other.{native.COMPILED[0]}", None) is None


def loaded_files(env: dict[str, str]) -> dict[str, str]:
    """What a fresh interpreter imports for each compiled module, and its status."""
    code = (
        "import importlib, json, crosscheck.native as n; "
        f"mods = {list(native.COMPILED)!r}; "
        "files = {m: importlib.import_module('crosscheck.' + m).__file__ for m in mods}; "
        "print(json.dumps({'status': n.status(), **files}))"
    )
    root = str(Path(crosscheck.__file__).parents[1])
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=root, check=True
    )
    result: dict[str, str] = json.loads(proc.stdout)
    return result


def test_a_process_runs_what_its_status_says() -> None:
    env = {k: v for k, v in os.environ.items() if k != native.PURE_ENV}
    got = loaded_files(env)
    compiled = got.pop("status") == "compiled"
    for m, path in got.items():
        assert path.endswith(SUFFIX if compiled else f"{m}.py"), (m, path)


def test_pure_variable_runs_the_py_files() -> None:
    got = loaded_files({**os.environ, native.PURE_ENV: "1"})
    assert got.pop("status") == f"pure: {native.PURE_ENV} is set"
    for m, path in got.items():
        assert path.endswith(f"{m}.py"), (m, path)


def test_this_process_runs_what_its_status_says() -> None:
    import importlib

    compiled = native.status() == "compiled"
    assert compiled or native.status().startswith("pure: ")
    for m in native.COMPILED:
        path = importlib.import_module(f"crosscheck.{m}").__file__ or ""
        assert path.endswith(SUFFIX if compiled else f"{m}.py"), (m, path)


def test_ci_runs_the_compiled_build() -> None:
    # CI installs with a C compiler and mypyc: a build that silently fell back to the
    # pure modules must fail there, not pass slower (CROSSCHECK_PURE runs are the
    # deliberate second pass of scripts/check.py)
    if os.environ.get("CI") != "true" or native.pure_requested():
        pytest.skip("only in CI, on the compiled pass")
    assert native.status() == "compiled"
