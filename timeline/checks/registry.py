"""The one explicit table from check name to function, scope and options (ruff's code table).

A rule file in `rules/` names its check, declares the same scope and the same options; the catalog
refuses a file that does not (see `catalog.parse_rule`), so a rule can never point at nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterator, Mapping

from timeline.checks import article, official
from timeline.model import Draft

ArticleCheck = Callable[[Any, Mapping[str, Any]], Iterator[Draft]]  # (ArticleClaims, options)
OfficialCheck = Callable[[Any, Mapping[str, Any]], Iterator[Draft]]  # (OfficialGraph, options)


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    scope: str  # "article": runs on one article where it is extracted; "official": on one official's graph
    function: Callable[..., Iterator[Draft]]
    options: tuple[str, ...] = ()


CHECKS: dict[str, Check] = {
    check.name: check
    for check in (
        Check("invalid-date", "article", article.invalid_date),
        Check("weekday-mismatch", "article", article.weekday_mismatch),
        Check("duration-mismatch", "article", article.duration_mismatch),
        Check("tense-mismatch", "article", article.tense_mismatch),
        Check("relative-mismatch", "article", article.relative_mismatch),
        Check("unanchored-relative", "article", article.unanchored_relative),
        Check("date-conflict", "official", official.date_conflict),
        Check("outside-trip", "official", official.outside_trip, ("max_trip_days",)),
        Check("sequence-conflict", "official", official.sequence_conflict),
        Check("location-conflict", "official", official.location_conflict, ("max_trip_days",)),
        Check("schedule-change", "official", official.schedule_change),
    )
}


def checks_of_scope(scope: str) -> dict[str, Check]:
    """The checks of one scope, by name."""
    return {name: c for name, c in CHECKS.items() if c.scope == scope}
