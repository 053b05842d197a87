"""Build the hot modules with mypyc when possible (see crosscheck/native.py).

Everything else about the package is in pyproject.toml. The compiled modules are an
optimisation only: when mypyc or a C compiler is missing, or ``CROSSCHECK_PURE=1`` is
set, or the build fails, the install goes on with the pure Python modules.
"""

from __future__ import annotations

import json
import runpy
import sys
from pathlib import Path
from typing import Any

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).resolve().parent
native: dict[str, Any] = runpy.run_path(str(HERE / "crosscheck" / "native.py"))


def _say(message: str) -> None:
    print(f"crosscheck: {message}", file=sys.stderr)


def compiled_extensions() -> list[Any]:
    if native["pure_requested"]():
        _say(f"{native['PURE_ENV']} is set: installing the pure Python modules")
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        _say("mypyc is not available: installing the pure Python modules")
        return []
    try:
        modules = list(
            mypycify(
                [f"crosscheck/{m}.py" for m in native["COMPILED"]],
                group_name=native["GROUP"],
                opt_level="3",
            )
        )
    except (Exception, SystemExit) as exc:  # mypyc exits on a type error
        _say(f"mypyc could not compile ({exc}): installing the pure Python modules")
        return []
    # the C kernels, built and run with the compiled modules (native.KERNELS)
    kernels = [
        Extension(f"crosscheck.{k}", [f"crosscheck/{k}.c"], extra_compile_args=["-O2"])
        for k in native["KERNELS"]
    ]
    return modules + kernels


class BuildNative(build_ext):
    """build_ext that never fails the install, and stamps what it compiled."""

    def run(self) -> None:
        if not self.extensions:
            return
        try:
            super().run()
        except Exception as exc:  # no compiler, a compile error
            _say(f"the compiled modules were not built ({exc}): the pure Python ones run")
            return
        source = HERE / "crosscheck"
        stamp = json.dumps(native["source_hashes"](source), indent=1, sort_keys=True) + "\n"
        # the stamp goes where the extensions go: beside the sources only when they are
        # built there (inplace, or an editable install); a wheel built from a checkout
        # must not vouch for the checkout's own, possibly older, extensions
        in_tree = self.inplace or getattr(self, "editable_mode", False)
        targets = {Path(self.build_lib) / "crosscheck"} | ({source} if in_tree else set())
        for folder in targets:
            if folder.is_dir():
                (folder / native["STAMP"]).write_text(stamp, encoding="utf-8")

    def get_outputs(self) -> list[str]:
        outputs = list(super().get_outputs())
        if self.extensions and not self.inplace:
            outputs.append(str(Path(self.build_lib) / "crosscheck" / native["STAMP"]))
        return outputs


setup(ext_modules=compiled_extensions(), cmdclass={"build_ext": BuildNative})
