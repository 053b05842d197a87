"""The exception hierarchy and the documented exit codes.

Every error the library raises on purpose is a ``CrosscheckError``. The CLI turns
one into a single line ``error: <message> (hint: <hint>)`` on stderr and exits with
``exit_code``; no traceback reaches the user unless ``--debug`` is given.
"""

from __future__ import annotations

# Documented exit codes (README, "Exit codes").
EXIT_OK = 0
EXIT_DIFFERENT = 1  # `check`: the fresh run differs from the baseline
EXIT_USAGE = 2  # bad command-line usage (typer/click's own code)
EXIT_INPUT = 3  # no usable input at all, or --strict and something was skipped
EXIT_GOLD = 4  # gold annotations / baseline missing or unreadable
EXIT_OUTPUT = 5  # a report could not be written
EXIT_INTERNAL = 70  # a bug: please report it (shown with --debug)


class CrosscheckError(Exception):
    """Base class. ``hint`` tells the user what to do about it."""

    exit_code = EXIT_INTERNAL

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message


class InputError(CrosscheckError):
    """An input path or record could not be read or understood."""

    exit_code = EXIT_INPUT

    def __init__(self, message: str, hint: str = "", source: str = "", line: int = 0) -> None:
        where = f"{source}:{line}: " if source and line else (f"{source}: " if source else "")
        super().__init__(where + message, hint)
        self.source = source
        self.line = line


class NoInputError(InputError):
    """Nothing usable was found in the given paths."""


class StrictError(InputError):
    """--strict was given and some input was skipped."""


class GoldError(CrosscheckError):
    """Gold annotations or a baseline are missing or malformed."""

    exit_code = EXIT_GOLD


class OutputError(CrosscheckError):
    """A report could not be written (or would escape the output folder)."""

    exit_code = EXIT_OUTPUT


class BaselineExistsError(OutputError):
    """Refusing to overwrite an existing baseline without --update."""


class RegressionError(OutputError):
    """--update would lower an evaluation floor without --allow-regression."""
