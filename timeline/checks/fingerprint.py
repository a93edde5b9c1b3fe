"""Stable finding ids from content: rule, official, normalized claim values and quotes, never positions.

A finding keeps its id when lines move, files are renamed or the claims are listed in another order,
so a baseline survives ordinary archive maintenance.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Sequence

from timeline.model import Evidence

_SPACE = re.compile(r"\s+")
_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u2013": "-", "\u2014": "-"})
ID_LENGTH = 16


def normalize(text: str) -> str:
    """Case-, width- and whitespace-insensitive form of a quote or value."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return _SPACE.sub(" ", text).strip().casefold()


def finding_id(code: str, official_id: str | None, claims: Sequence[tuple[str, str, str]]) -> str:
    """A short hex id from the rule code, the official and the claims (value, text, quote), order-free.

    `value` is the normalized date ("2023-09-18" or "2023-10-18..2023-10-22", "" when none), `text` the
    expression as written and `quote` its sentence.
    """
    parts = sorted("\x1f".join(normalize(part) for part in claim) for claim in claims)
    payload = "\x1e".join([code.upper(), official_id or "", *parts])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:ID_LENGTH]


def evidence_claim(evidence: Evidence) -> tuple[str, str, str]:
    """The (value, text, quote) triple of one piece of evidence."""
    value = ""
    if evidence.date is not None:
        start, end = evidence.date.start.isoformat(), evidence.date.end.isoformat()
        value = start if start == end else f"{start}..{end}"
    return (value, evidence.text, evidence.quote)


def finding_id_of(code: str, official_id: str | None, evidence: Sequence[Evidence]) -> str:
    """finding_id over Evidence records: what the checks call when they build a Finding."""
    return finding_id(code, official_id, [evidence_claim(e) for e in evidence])
