"""PROVISIONAL judge stage (being replaced)."""

from __future__ import annotations

from collections.abc import Sequence

from crosscheck.group import Groups
from crosscheck.records import Candidate, Claim, Finding


def judge(claims: Sequence[Claim], groups: Groups, candidates: Sequence[Candidate]) -> tuple[Finding, ...]:
    return ()
