"""timeline: check Indonesian news for dates and officials' itineraries that cannot all be true.

Public API (imported lazily so `timeline --help` and a warm pre-commit run start fast):
find_dates, read_archive, extract_claims, build_graphs, check.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_API = {
    "find_dates": "timeline.temporal",
    "read_archive": "timeline.ingest",
    "extract_claims": "timeline.extract.article",
    "build_graphs": "timeline.archive.graph",
    "check": "timeline.api",
}

__all__ = ["__version__", *_API]


def __getattr__(name: str) -> Any:
    if name in _API:
        return getattr(import_module(_API[name]), name)
    raise AttributeError(f"module 'timeline' has no attribute {name!r}")
