"""Reader-facing names of event types (timeline/lang/labels.toml), and message arguments per language."""

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


def message_args(args: dict[str, str], lang: str) -> dict[str, str]:
    """Arguments for a message in `lang`: a key ending in _id / _en fills its base key for that language."""
    out = dict(args)
    suffix = f"_{lang}"
    for key, value in args.items():
        if key.endswith(suffix):
            out[key[: -len(suffix)]] = value
    return out
