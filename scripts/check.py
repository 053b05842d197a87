"""Run every check the project has, in one command: ruff, mypy (strict), pytest.

    .venv/bin/python scripts/check.py [extra pytest args]

Exits non-zero when any check fails. pytest runs last so its summary line closes the output.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def run(name: str, argv: list[str]) -> int:
    print(f"== {name}: {' '.join(argv)}", flush=True)
    code = subprocess.call(argv, cwd=ROOT)
    print(f"== {name}: {'ok' if code == 0 else f'FAILED (exit {code})'}", flush=True)
    return code


def main() -> int:
    failed = []
    checks = [
        ("ruff", [str(BIN / "ruff"), "check", "crosscheck", "tests", "benchmarks", "scripts"]),
        ("mypy", [str(BIN / "mypy"), "--strict", "crosscheck"]),
        ("pytest", [sys.executable, "-m", "pytest", "-q", *sys.argv[1:]]),
    ]
    for name, argv in checks:
        if run(name, argv) != 0:
            failed.append(name)
    if failed:
        print(f"checks failed: {', '.join(failed)}", flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
