"""PROVISIONAL group stage (being replaced)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from crosscheck.records import Claim, EventEntry, SpeakerEntry


@dataclass(frozen=True)
class Groups:
    speakers: tuple[SpeakerEntry, ...] = ()
    events: tuple[EventEntry, ...] = ()
    speaker_of: dict[str, str] = field(default_factory=dict)
    events_of: dict[str, tuple[str, ...]] = field(default_factory=dict)


def group(claims: Sequence[Claim]) -> Groups:
    return Groups()
