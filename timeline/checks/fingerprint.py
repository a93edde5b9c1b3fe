"""Stable finding ids from content: rule, official, normalized claim values and quotes, never positions.

A finding keeps its id when lines move or the claims are listed in another order, so a baseline survives
ordinary archive maintenance. A finding about one article (an article rule's) also names the article: two
articles carrying the same wrong sentence (a syndicated story) are two findings, and a baseline or a hook
on the second file still sees its own. An official's findings stay independent of files.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
from functools import lru_cache
from typing import Sequence

from timeline.model import Evidence

_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u2013": "-", "\u2014": "-"})
_QUOTE_PAIRS = tuple((chr(k), v) for k, v in _QUOTES.items())  # replaced one by one: `translate` with a
# table looks every character up in a dict (10 us a quote), `in` and `replace` run in C
ID_LENGTH = 16


def normalize(text: str) -> str:
    """Case-, width- and whitespace-insensitive form of a quote or value. ASCII text is its own NFKC
    form and holds none of `_QUOTES`; split and joined, whitespace runs become one space as a regex
    made them, five times as fast (a report's ids normalize some 17,000 quotes)."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
        for quote, plain in _QUOTE_PAIRS:
            if quote in text:
                text = text.replace(quote, plain)
    return " ".join(text.split()).casefold()


def finding_id(code: str, official_id: str | None, claims: Sequence[tuple[str, str, str]],
               article: str | None = None) -> str:
    """A short hex id from the rule code, the official and the claims (value, text, quote), order-free,
    and for an article rule's finding the article it is in (`article_ref`).

    `value` is the normalized date ("2023-09-18" or "2023-10-18..2023-10-22", "" when none), `text` the
    expression as written and `quote` its sentence.
    """
    parts = sorted("\x1f".join(normalize(part) for part in claim) for claim in claims)
    head = [code.upper(), official_id or ""] + (["\x1d" + article] if article is not None else [])
    payload = "\x1e".join([*head, *parts])
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


def article_ref(path: str, article_key: str, root: str | None = None) -> str:
    """Which article a finding is in, as its id names it: the file's path relative to `root` (the archive's
    root: see `ingest.discover.archive_root`), in POSIX form, with the record number of a .jsonl line
    ("kabar.jsonl#12"). So a hook run, a run from the root and a run from its parent give the same ids."""
    record = article_key[len(path):] if article_key.startswith(path) else ""
    cwd = os.getcwd()
    return _relative(path, root or cwd, cwd) + record


@lru_cache(maxsize=4096)
def _relative(path: str, root: str, cwd: str) -> str:
    """`path` relative to `root`, both read from the working directory `cwd`, in POSIX form (a file's
    findings ask for it again and again)."""
    absolute = os.path.normpath(os.path.join(cwd, path))  # os.path.abspath, from `cwd`
    try:
        relative = os.path.relpath(absolute, os.path.normpath(os.path.join(cwd, root)))
    except ValueError:  # another drive
        relative = absolute
    return relative.replace(os.sep, "/")


def article_finding_id(code: str, evidence: Sequence[Evidence], root: str | None = None) -> str:
    """The id of an article rule's finding: its rule, its article and its claims (not the official, whom
    a better reading of the sentence may change)."""
    first = evidence[0] if evidence else None
    article = article_ref(first.path, first.article_key, root) if first is not None else ""
    return finding_id(code, None, [evidence_claim(e) for e in evidence], article)
