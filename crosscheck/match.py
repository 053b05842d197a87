"""PROVISIONAL match stage (being replaced)."""

from __future__ import annotations

from collections.abc import Sequence

from crosscheck.group import Groups
from crosscheck.records import Candidate, Claim


def match(claims: Sequence[Claim], groups: Groups, *, jobs: int = 1) -> tuple[tuple[Candidate, ...], int]:
    return (), 0
