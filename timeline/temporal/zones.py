"""Clock times in Indonesia's zones (WIB +7, WITA +8, WIT +9) as instants, so claims written in
different zones compare; pendulum does the zone arithmetic with IANA zones."""

from __future__ import annotations

from datetime import datetime

from timeline.model import TimeExpression
from timeline.temporal.vocab import vocab


def to_utc(e: TimeExpression) -> datetime | None:
    """The UTC instant of a clock time on a resolved day in WIB/WITA/WIT (None if any part is unknown),
    so claims written in different zones compare (pendulum does the zone arithmetic)."""
    import pendulum

    if e.value is None or e.time is None or not e.time.clock or not e.time.zone:
        return None
    zone = vocab().zone_names.get(e.time.zone)
    if zone is None:
        return None
    hh, mm, *ss = (int(x) for x in e.time.clock.split("-")[0].split(":"))
    day = e.value.start
    local = pendulum.datetime(day.year, day.month, day.day, hh, mm, ss[0] if ss else 0, tz=zone)
    return local.in_timezone("UTC")
