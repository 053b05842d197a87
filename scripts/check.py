"""Run every check the project has, in one command: ruff, mypy (strict), pytest.

    .venv/bin/python scripts/check.py [extra pytest args]

Exits non-zero when any check fails. pytest runs last so its summary line closes the output.
When the install compiled the hot modules (crosscheck/native.py), pytest runs twice: on the
compiled modules, then on the pure Python ones (``CROSSCHECK_PURE=1``), which run wherever
no C compiler is at hand; both must give the same results.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def run(name: str, argv: list[str], env: dict[str, str] | None = None) -> int:
    print(f"== {name}: {' '.join(argv)}", flush=True)
    code = subprocess.call(argv, cwd=ROOT, env=env)
    print(f"== {name}: {'ok' if code == 0 else f'FAILED (exit {code})'}", flush=True)
    return code


def main() -> int:
    failed = []
    status = subprocess.run(
        [sys.executable, "-c", "import crosscheck.native as n; print(n.status())"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    print(f"== crosscheck modules: {status}", flush=True)
    pytest = [sys.executable, "-m", "pytest", "-q", *sys.argv[1:]]
    pure = {**os.environ, "CROSSCHECK_PURE": "1"}
    checks: list[tuple[str, list[str], dict[str, str] | None]] = [
        (
            "ruff",
            [
                str(BIN / "ruff"),
                "check",
                "crosscheck",
                "tests",
                "benchmarks",
                "scripts",
                "setup.py",
            ],
            None,
        ),
        ("mypy", [str(BIN / "mypy"), "--strict", "crosscheck"], None),
    ]
    if status == "compiled":
        checks += [("pytest (compiled)", pytest, None), ("pytest (pure Python)", pytest, pure)]
    else:
        checks.append(("pytest", pytest, None))
    for name, argv, env in checks:
        if run(name, argv, env) != 0:
            failed.append(name)
    if failed:
        print(f"checks failed: {', '.join(failed)}", flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
