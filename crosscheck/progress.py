"""Progress reporting without printing: the library calls a callback the CLI installs."""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    def __call__(self, stage: str, done: int, total: int | None) -> None:
        """``stage`` names the pipeline stage; ``total`` is None when unknown."""


def silent(stage: str, done: int, total: int | None) -> None:
    """The default callback: does nothing."""
    return None
