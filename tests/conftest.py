"""Shared fixtures. The real-news sample lives outside the repository (`../shared/real-news` beside the
checkout, or wherever TIMELINE_REAL_NEWS points); tests that need it skip cleanly without it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
sys.path.insert(0, str(TESTS))  # shared helpers (claimkit, temporal_helpers) for tests in subfolders


def real_news_path() -> Path | None:
    """The IndoSum JSONL sample, if this machine has it."""
    given = os.environ.get("TIMELINE_REAL_NEWS")
    path = Path(given) if given else REPO.parent / "shared" / "real-news" / "indosum-dev.jsonl"
    return path if path.is_file() else None


@pytest.fixture(scope="session")
def real_news() -> Path:
    """Path of the real-news sample (../shared/real-news/indosum-dev.jsonl); skips when absent."""
    path = real_news_path()
    if path is None:
        pytest.skip("real-news sample not available (../shared/real-news or TIMELINE_REAL_NEWS)")
    return path


@pytest.fixture(scope="session")
def real_news_lines(real_news: Path) -> list[bytes]:
    """The sample's JSON lines (3,463 articles), read once per session."""
    return real_news.read_bytes().splitlines()
