"""Trigger words: where an article says an official did or will do something, and of which kind.

A match of the trigger words is kept when it is not inside quoted speech or a phrase that only looks
like an event ("pulang pergi", "ruang rapat"), when a verb that needs an event as object has one
("membuka Festival ...", not "membuka peluang"), and when "kembali dari" comes back from a place or a
trip ("kembali dari Jepang", not "kembali dari meninjau banjir"). Each kept trigger also says how its
clause frames it: told as happening again, or subordinate to the main event of its sentence.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple, Sequence

from timeline.extract.lexicon import Lexicon
from timeline.extract.wordindex import WordIndex
from timeline.model import Sentence
from timeline.text.spans import inside

_CLAUSE_BREAK = re.compile(r"[,;:]\s|\s[–—-]\s")
_NEXT_WORD = re.compile(r"\s+([\w'’-]+)")


class Trigger(NamedTuple):
    """One trigger word in a sentence and what its clause says about it."""

    match: re.Match[str]
    word: str  # the trigger as listed (folded)
    kind: str
    passive: bool  # the agent follows it ("diresmikan oleh Bupati ...")
    repeat: bool  # told as happening again ("kembali meninjau", "untuk kedua kalinya", "kunjungan sebelumnya")
    subordinate: bool  # after "setelah", "usai", "sebelum" ... in its clause
    needs_trip: bool  # "kembali ke X": a return only where a trip was told
    home: bool  # "kembali ke Tanah Air": a return whatever was told before
    clause: int  # where its clause starts (`clause_start`)

    def start(self) -> int:
        return self.match.start()

    def end(self) -> int:
        return self.match.end()

    def group(self, name: str | int = 0) -> str | None:
        return self.match.group(name)


_WORD = re.compile(r"[\w'’-]+")


def _words_after(text: str, pos: int, count: int) -> list[str]:
    """The next `count` words after `pos` within the sentence (a full stop ends them)."""
    stretch = text[pos : pos + 16 * count].split(". ", 1)[0]
    return _WORD.findall(stretch)[:count]


def _is_event_trigger(lex: Lexicon, text: str, m: re.Match[str], word: str) -> bool:
    if word in lex.needs_object:
        ahead = " ".join(_words_after(text, m.end(), lex.object_reach))
        return bool(lex.event_object_re.search(ahead))
    if word in lex.from_words:
        rest = text[m.end() : m.end() + 40]
        nxt = _NEXT_WORD.match(rest)
        return bool(nxt and (nxt.group(1)[:1].isupper() or lex.from_noun_re.match(rest)))
    return True


def clause_start(text: str, sentence: Sentence, pos: int) -> int:
    """Where the clause holding `pos` starts: after the last comma, colon or dash before it."""
    start = sentence.start
    for m in _CLAUSE_BREAK.finditer(text, sentence.start, pos):
        start = m.end()
    return start


def clause_breaks(text: str, sentence: Sentence) -> list[int]:
    """Where each clause after the first of a sentence starts, read once for all its triggers."""
    return [m.end() for m in _CLAUSE_BREAK.finditer(text, sentence.start, sentence.end)]


def _clause_at(sentence: Sentence, breaks: list[int], pos: int) -> int:
    """`clause_start` from the sentence's `clause_breaks`, for `pos` at a letter: no break runs over
    a letter (each ends in white space), so the breaks before `pos` are those read up to it."""
    i = bisect.bisect_right(breaks, pos)
    return breaks[i - 1] if i else sentence.start


def clause_end(text: str, sentence: Sentence, pos: int) -> int:
    m = _CLAUSE_BREAK.search(text, pos, sentence.end)
    return m.start() if m else sentence.end


def find_triggers(lex: Lexicon, words: WordIndex, quotes: Sequence[tuple[int, int]]) -> list[re.Match[str]]:
    """Every trigger match of the text that can be an event (outside quotes and look-alike phrases)."""
    text = words.text
    blocked = [m.span() for m in words.finditer(lex.not_trigger_re)]  # sorted and disjoint
    out = []
    for m in words.finditer(lex.trigger_re):
        if inside(quotes, m.start()) or inside(blocked, m.start()):
            continue
        if _is_event_trigger(lex, text, m, m.group("t").casefold()):
            out.append(m)
    return out


def framed(lex: Lexicon, text: str, sentence: Sentence, m: re.Match[str], words: WordIndex | None = None,
           breaks: list[int] | None = None) -> Trigger:
    """A trigger with what its sentence says about it (`words`: the text's `WordIndex`, made if not given;
    `breaks`: the sentence's `clause_breaks`, read if not given)."""
    words = words or WordIndex(lex.candidate_re, text, lex.candidate_lower_re)
    word = m.group("t").casefold()
    begin = clause_start(text, sentence, m.start()) if breaks is None else _clause_at(sentence, breaks, m.start())
    before = text[max(sentence.start, m.start() - 12) : m.start()]
    repeat = bool(
        lex.again_before_re.search(before)
        or words.search(lex.again_phrase_re, sentence.start, m.start())
        or lex.again_phrase_re.match(text, m.end() + 1, min(sentence.end, m.end() + 30))
        or (not word.startswith(lex.verb_prefixes) and lex.earlier_after_re.match(text, m.end()))
    )
    subordinate = bool(words.search(lex.subordinate_re, begin, m.start()))
    home = word in lex.needs_trip and bool(lex.home_re.match(text, m.end()))
    return Trigger(m, word, lex.type_of[word], word in lex.passive, repeat, subordinate,
                   word in lex.needs_trip and not home, home, begin)
