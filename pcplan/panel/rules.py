"""Small Panel rules that are not deadlines or precept law."""

from __future__ import annotations

# Minute numbers run on across meetings (seed 002: the 1 February 2023 meeting runs 40-46).
# A new installation may start the sequence after a given number to continue a paper record.
MINUTE_NUMBERING_STARTS_AFTER = 0


def next_minute_number(last_used: int) -> int:
    """The next minute number: one after the highest ever used, so none is ever reused."""
    return last_used + 1
