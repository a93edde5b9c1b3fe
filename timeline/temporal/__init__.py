"""Indonesian time expressions: find, normalize and resolve them (find_dates), render them as text, JSON, TimeML."""

from __future__ import annotations

from timeline.temporal.render import render_json, render_text
from timeline.temporal.scan import find_dates, weekday_name
from timeline.temporal.timeml import timex_value, to_timeml, to_utc

__all__ = ["find_dates", "render_json", "render_text", "timex_value", "to_timeml", "to_utc", "weekday_name"]
