"""Reader-facing names of event types (timeline/lang/labels.toml), in Indonesian and English."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _labels() -> dict:
    return tomllib.loads(resources.files("timeline").joinpath("lang/labels.toml").read_text("utf-8"))


def event_label(event_type: str, lang: str) -> str:
    """"keberangkatan" / "departure" for "departure"; the type itself when it has no label."""
    return _labels()["event"].get(event_type, {}).get(lang, event_type)
