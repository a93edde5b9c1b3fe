"""The checks the rule catalog names: one explicit table from check name to function."""

from __future__ import annotations

from typing import Callable, Iterator

from timeline.checks import dates, itinerary
from timeline.checks.base import CheckContext, Draft

Check = Callable[[CheckContext], Iterator[Draft]]

CHECKS: dict[str, Check] = {
    "invalid-date": dates.invalid_date,
    "weekday-mismatch": dates.weekday_mismatch,
    "duration-mismatch": dates.duration_mismatch,
    "tense-mismatch": dates.tense_mismatch,
    "date-conflict": itinerary.date_conflict,
    "outside-trip": itinerary.outside_trip,
    "sequence-conflict": itinerary.sequence_conflict,
    "location-conflict": itinerary.location_conflict,
    "schedule-change": itinerary.schedule_change,
    "unanchored-relative": dates.unanchored_relative,
}

__all__ = ["CHECKS", "Check", "CheckContext", "Draft"]
