"""Where an article's event words can start, found in one pass over its text for all of them.

Each word regex of the lexicon (`(?<![\\w-])` then a list of words: triggers, companions, continuations
...) would otherwise scan the text, or a sentence of it, on its own, and a pass costs about the same
whatever its words. The lexicon's `candidate_re` matches the character before wherever any of those
words starts, in the text read as if a line break came before it (so a match's start there is the
word's start in the text itself); a word regex is then tried only at those places. That gives what
its own `finditer` or `search` gives: every match of a word regex starts at a candidate (the
candidate pattern looks ahead for the same words without what follows them, so it finds them
wherever they match, even when the text is cut at `endpos`), and a match hides the candidates inside
it, as a finditer match hides the text it covers. A candidate where no word regex matches would only
cost a failed try.
"""

from __future__ import annotations

import bisect
import re

from timeline.lang import FOLDS_TO_ASCII

# The characters case-insensitive matching takes for an ASCII letter (`FOLDS_TO_ASCII`) that lower case
# keeps apart (a dotless i, a long s); the others lower-case to that letter (the Kelvin sign) or to two
# characters (a dotted I). A test reads every character to keep this list whole.
LOWER_CASE_MISSES = tuple(c for letter, chars in FOLDS_TO_ASCII.items() for c in chars
                          if len(c.lower()) == 1 and c.lower() != letter)


def lower_finds_alike(text: str, folded: str) -> bool:
    """Whether a search of `folded` (`text.lower()`) for words in lower case finds every place a
    case-ignoring search of `text` finds, at the same offsets: lowering kept every character one
    character, and no character of LOWER_CASE_MISSES stands."""
    return len(folded) == len(text) and not any(c in text for c in LOWER_CASE_MISSES)


def _starts(candidates: re.Pattern[str], lower: re.Pattern[str] | None, text: str, folded: str | None = None
            ) -> list[int]:
    """Where a word of `candidates` starts in `text`, or more places, none missed: the words in lower
    case read in the text in lower case (matching letter for letter runs about a third faster than
    ignoring case in a regex of many words), where `lower_finds_alike`; else the text is read as it is.
    Both patterns match the character before a word, read here with a line break before the text.
    `folded`: `text.lower()`, when the caller has it."""
    if lower is not None:
        if folded is None:
            folded = text.lower()
        if lower_finds_alike(text, folded):
            return [m.start() for m in lower.finditer("\n" + folded)]
    return [m.start() for m in candidates.finditer("\n" + text)]


class WordIndex:
    """The candidate starts of one text, and word-regex searches answered from them."""

    __slots__ = ("text", "starts")

    def __init__(self, candidates: re.Pattern[str], text: str, lower: re.Pattern[str] | None = None,
                 folded: str | None = None) -> None:
        """`lower`: `candidates` for the text in lower case, case not ignored (`Lexicon.candidate_lower_re`);
        `folded`: `text.lower()`, when the caller has it (the temporal scan made it)."""
        self.text = text
        self.starts = _starts(candidates, lower, text, folded)

    def finditer(self, pattern: re.Pattern[str], pos: int = 0, endpos: int | None = None) -> list[re.Match[str]]:
        """`pattern.finditer(text, pos, endpos)` of a word regex of the lexicon's candidates."""
        text, starts = self.text, self.starts
        end = len(text) if endpos is None else endpos
        out: list[re.Match[str]] = []
        free = pos  # where the last match ended: candidates before it are inside it
        for i in range(bisect.bisect_left(starts, pos), len(starts)):
            at = starts[i]
            if at >= end:
                break
            if at >= free:
                m = pattern.match(text, at, end)
                if m is not None:
                    out.append(m)
                    free = m.end()
        return out

    def search(self, pattern: re.Pattern[str], pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """`pattern.search(text, pos, endpos)` of a word regex of the lexicon's candidates."""
        text, starts = self.text, self.starts
        end = len(text) if endpos is None else endpos
        for i in range(bisect.bisect_left(starts, pos), len(starts)):
            at = starts[i]
            if at >= end:
                break
            m = pattern.match(text, at, end)
            if m is not None:
                return m
        return None
