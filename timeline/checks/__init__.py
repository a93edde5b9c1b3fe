"""The checks the rule catalog names: explicit tables from check name to function.

Local checks read one article (ArticleClaims) and run where it is extracted; archive checks read the
per-official graphs of the whole archive (CheckContext).
"""

from __future__ import annotations

from typing import Callable, Iterator

from timeline.checks import dates, itinerary
from timeline.checks.base import CheckContext
from timeline.records import ArticleClaims, Draft

LocalCheck = Callable[[ArticleClaims], Iterator[Draft]]
ArchiveCheck = Callable[[CheckContext], Iterator[Draft]]

LOCAL_CHECKS: dict[str, LocalCheck] = {
    "invalid-date": dates.invalid_date,
    "weekday-mismatch": dates.weekday_mismatch,
    "duration-mismatch": dates.duration_mismatch,
    "tense-mismatch": dates.tense_mismatch,
    "unanchored-relative": dates.unanchored_relative,
}

ARCHIVE_CHECKS: dict[str, ArchiveCheck] = {
    "date-conflict": itinerary.date_conflict,
    "outside-trip": itinerary.outside_trip,
    "sequence-conflict": itinerary.sequence_conflict,
    "location-conflict": itinerary.location_conflict,
    "schedule-change": itinerary.schedule_change,
}

CHECK_NAMES = frozenset(LOCAL_CHECKS) | frozenset(ARCHIVE_CHECKS)

__all__ = ["ARCHIVE_CHECKS", "CHECK_NAMES", "LOCAL_CHECKS", "CheckContext", "Draft"]
