"""Split Indonesian news text into sentences with their offsets, regex-driven.

A sentence never spans a newline (a paragraph). Inside a line it ends at . ! ? when the next word does not
start in lower case, unless the period closes an abbreviation (data: timeline/lang/sentences_id.toml), an
initial ("H. Basri"), a degree ("S.T.") or a list number at a line start ("1."), or sits inside a quotation. Times (09.00) and dates (13.09.2023)
never split because no space follows their periods.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import NamedTuple

from timeline.lang import table
from timeline.model import Sentence
from timeline.text.spans import quote_spans

_SPACE = " \t\r\xa0\u200b"
_NOT_TOKEN = "([“\"‘'"  # with white space, what ends the word before a full stop
_DOTTED = re.compile(r"(?:[A-Za-z]{1,4}\.)+[A-Za-z]{1,4}")
_INITIAL = re.compile(r"[A-Z]")
_TOKEN_RUN = re.compile(rf"[^\s{re.escape(_NOT_TOKEN)}]*")  # \s is str.isspace


class _Rules(NamedTuple):
    candidate: re.Pattern[str]
    abbreviations: frozenset[str]


def load_table() -> dict:
    """The raw sentence data table (abbreviations, closers, quote pairs)."""
    return table("id", "sentences")


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = load_table()
    closers = re.escape(data["closers"])
    return _Rules(
        # punctuation (+ closing quotes/brackets), then spaces, then the first character of the next word;
        # "[.!?…][.!?…]*" rather than "[.!?…]+" so that the regex engine skips to those characters in C
        # (a pattern that opens with a repeat is tried at every character)
        candidate=re.compile(rf"([.!?…][.!?…]*)[{closers}]*(?=[ \t\xa0]+([^\s]))"),
        abbreviations=frozenset(a.casefold() for a in data["abbreviations"]),
    )


def _token_before(text: str, dot: int) -> tuple[int, int]:
    """(start, end) of the word before `dot`, at most 24 characters back: the longest run of characters
    other than white space and ( [ “ " ‘ ' that ends at `dot` (or at a newline just before it, where
    a regex "$" would also stop). Read as the run at the start of the reversed window, one regex match
    (a search for a run ending at `dot` tried every start in the window; a walk back in Python was slow too)."""
    lo = max(0, dot - 24)
    end = dot - 1 if dot > 0 and text[dot - 1] == "\n" else dot
    if end <= lo:
        return end, end
    return end - _TOKEN_RUN.match(text[lo:end][::-1]).end(), end


def _is_abbreviation(text: str, dot: int, rules: _Rules) -> bool:
    start, end = _token_before(text, dot)
    if start == end:
        return False
    token = text[start:end]
    at_line_start = start == 0 or text[start - 1] == "\n"
    return (
        token.casefold() in rules.abbreviations
        or (at_line_start and len(token) <= 2 and token.isdigit())  # a list item "1. ..."
        or (len(token) == 1 and _INITIAL.fullmatch(token) is not None)
        or ("." in token and _DOTTED.fullmatch(token) is not None)  # (a plain word is not tried)
    )


def _cuts(text: str) -> list[int]:
    """Offsets inside lines where one sentence ends (exclusive end of the sentence)."""
    rules = _rules()
    quotes = quote_spans(text)  # the same spans the officials and events ask for: found once
    quote_starts = [start for start, _ in quotes]
    cuts: list[int] = []
    for m in rules.candidate.finditer(text):
        following = m.group(2)
        if following.islower():
            continue
        punct = m.group(1)
        if punct == "." and _is_abbreviation(text, m.start(1), rules):
            continue
        if quote_starts:
            i = bisect_right(quote_starts, m.start(1)) - 1
            if i >= 0 and m.start(1) < quotes[i][1] and m.end() < quotes[i][1]:
                continue  # inside a quotation that goes on after this punctuation
        cuts.append(m.end())
    return cuts


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of `text`, in order, each with [start, end) offsets and stripped of spaces."""
    cuts = _cuts(text)
    out: list[Sentence] = []
    ci = 0
    size = len(text)
    at = 0
    while at < size:  # each line (a run of characters other than a newline), found with str.find
        line_end = text.find("\n", at)
        if line_end < 0:
            line_end = size
        start, at = at, line_end + 1
        if start == line_end:
            continue
        while ci < len(cuts) and cuts[ci] <= start:
            ci += 1
        while True:
            end = cuts[ci] if ci < len(cuts) and cuts[ci] < line_end else line_end
            piece = text[start:end]
            stripped = piece.strip(_SPACE)
            if stripped:
                s = start + len(piece) - len(piece.lstrip(_SPACE))
                out.append(Sentence(s, s + len(stripped), stripped))
            if end == line_end:
                break
            start = end
            ci += 1
    return out
