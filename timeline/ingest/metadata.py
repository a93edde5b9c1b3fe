"""Metadata dates as newsrooms write them, with their clock and zone: "Senin, 21 Okt 2025 14:30 WIB",
"21/10/2025 14:30", "2025-10-21T14:30:00+07:00", "21 Oktober 2025", Unix timestamps, YAML dates.

Pure. Month, weekday and zone names are data in `lang/id/metadata.toml`. Numeric dates are read day
first, as Indonesian newsrooms write them; month first only when day first is impossible.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from typing import Any, NamedTuple

from timeline.lang import alternation, table

_ISO_START = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIMESTAMP = re.compile(r"(?P<seconds>\d{9,10})(?:\.\d+)?|(?P<millis>\d{12,13})")
# Instants a publication can have: 2000-01-01 to 2100-01-01 (a bare number outside is not a timestamp).
_TIMESTAMP_RANGE = (946_684_800, 4_102_444_800)


@dataclass(frozen=True, slots=True)
class MetadataDate:
    """A metadata date: the calendar day as written, and the date and time when a clock was written
    (aware when a zone or offset was written too, naive otherwise)."""

    day: date
    at: datetime | None = None


class _Patterns(NamedTuple):
    value: re.Pattern[str]
    months: dict[str, int]
    zones: dict[str, int]
    timestamp_zone: timezone


def load_table() -> dict:
    """The raw vocabulary of `lang/id/metadata.toml` (months, weekdays, clock words, zones)."""
    return table("id", "metadata")


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    data = load_table()
    months = {name.lower(): i for i, names in enumerate(data["months"], 1) for name in names}
    zones = {name.upper(): int(hours) for name, hours in data["zones"].items()}
    month = alternation(months, flags="i")
    weekday = alternation(data["weekdays"], flags="i")
    clock_word = alternation(data["clock_words"], flags="i")
    zone = alternation(zones, flags="i", any_space=False)
    value = re.compile(
        rf"""\A\s*(?:(?:{weekday})\.?\s*,?\s*)?
        (?:
            (?P<d1>\d{{1,2}})\s*(?P<s1>[/.-])\s*(?P<m1>\d{{1,2}})\s*(?P=s1)\s*(?P<y1>\d{{4}}|\d{{2}})
          | (?P<y2>\d{{4}})\s*(?P<s2>[/.-])\s*(?P<m2>\d{{1,2}})\s*(?P=s2)\s*(?P<d2>\d{{1,2}})
          | (?P<d3>\d{{1,2}})\s*[-\s]\s*(?P<m3>{month})\.?\s*[-\s,]\s*(?P<y3>\d{{4}})
          | (?P<m4>{month})\.?\s+(?P<d4>\d{{1,2}})\s*,?\s+(?P<y4>\d{{4}})
        )
        (?:\s*(?:[,|@–—-]|T)?\s*(?:(?:{clock_word})\.?\s*)?
            (?P<hour>\d{{1,2}})[:.](?P<minute>\d{{2}})(?:[:.](?P<second>\d{{2}})(?:\.\d+)?)?
            (?:\s*\(?\s*(?P<zone>{zone})\b\s*\)?|\s*(?P<offset>[+-]\d{{2}}:?\d{{2}}))?
        )?
        \s*\Z""",
        re.X | re.I,
    )
    stamp_hours = zones[str(data["timestamp_zone"]).upper()]
    stamp_zone = timezone(timedelta(hours=stamp_hours), str(data["timestamp_zone"]))
    return _Patterns(value, months, zones, stamp_zone)


def parse_metadata_date(value: Any) -> date | None:
    """The calendar day of a metadata date, or None."""
    found = parse_metadata_datetime(value)
    return found.day if found else None


def parse_metadata_datetime(value: Any) -> MetadataDate | None:
    """A metadata value (string, number, YAML date or datetime) read as a date with its clock and zone,
    or None when it is not a date (relative words like "kemarin" are not metadata dates)."""
    if isinstance(value, datetime):
        return MetadataDate(value.date(), value)
    if isinstance(value, date):
        return MetadataDate(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _timestamp(float(value))
    if not isinstance(value, str) or not any(c.isdigit() for c in value):
        return None
    text = value.strip()
    stamp = _TIMESTAMP.fullmatch(text)
    if stamp:
        seconds = float(text) if stamp.group("seconds") else int(text) / 1000
        return _timestamp(seconds)
    if _ISO_START.match(text):
        iso = _iso(text)
        if iso is not None:
            return iso
    m = _patterns().value.match(text)
    if m is not None:
        return _from_match(m)
    return _dateparser(text)


def instant_day(value: Any) -> date | None:
    """The calendar day of an instant written with its zone (a WARC-Date, "2023-09-14T01:30:00Z"), taken
    in the zone Unix timestamps are read in; None when `value` is not such an instant."""
    found = parse_metadata_datetime(value)
    if found is None or found.at is None or found.at.tzinfo is None:
        return None
    return found.at.astimezone(_patterns().timestamp_zone).date()


def _timestamp(seconds: float) -> MetadataDate | None:
    for candidate in (seconds, seconds / 1000):
        if _TIMESTAMP_RANGE[0] <= candidate < _TIMESTAMP_RANGE[1]:
            at = datetime.fromtimestamp(candidate, _patterns().timestamp_zone)
            return MetadataDate(at.date(), at)
    return None


def _iso(text: str) -> MetadataDate | None:
    if len(text) == 10:
        try:
            return MetadataDate(date.fromisoformat(text))
        except ValueError:
            return None
    try:
        at = datetime.fromisoformat(text)
    except ValueError:
        return None
    return MetadataDate(at.date(), at)


def _from_match(m: re.Match[str]) -> MetadataDate | None:
    p = _patterns()
    if m.group("d1"):
        day, month, year = int(m.group("d1")), int(m.group("m1")), int(m.group("y1"))
        if month > 12 and day <= 12:  # only month-first can be meant ("10/21/2025")
            day, month = month, day
    elif m.group("y2"):
        day, month, year = int(m.group("d2")), int(m.group("m2")), int(m.group("y2"))
    elif m.group("d3"):
        day, month, year = int(m.group("d3")), p.months[m.group("m3").lower()], int(m.group("y3"))
    else:
        day, month, year = int(m.group("d4")), p.months[m.group("m4").lower()], int(m.group("y4"))
    if year < 100:
        year += 2000
    try:
        day_value = date(year, month, day)
    except ValueError:
        return None
    if m.group("hour") is None:
        return MetadataDate(day_value)
    tz = None
    if m.group("zone"):
        name = m.group("zone").upper()
        tz = timezone(timedelta(hours=p.zones[name]), name)
    elif m.group("offset"):
        sign = -1 if m.group("offset")[0] == "-" else 1
        digits = m.group("offset")[1:].replace(":", "")
        tz = timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
    try:
        at = datetime(year, month, day, int(m.group("hour")), int(m.group("minute")),
                      int(m.group("second") or 0), tzinfo=tz)
    except ValueError:
        return MetadataDate(day_value)  # "25:99" is not a clock; the day still stands
    return MetadataDate(day_value, at)


def _dateparser(text: str) -> MetadataDate | None:
    """Anything else that is an absolute date (dateparser, Indonesian then English, day first)."""
    import dateparser

    try:
        parsed = dateparser.parse(
            text,
            languages=["id", "en"],
            settings={"DATE_ORDER": "DMY", "PARSERS": ["custom-formats", "absolute-time"]},
        )
    except (ValueError, OverflowError, TypeError):
        return None
    return MetadataDate(parsed.date()) if parsed else None
