"""When an event happens by its sentence, and how sure the sentence is that it does (modality).

A trigger takes the date written in its own stretch of the sentence (after it, before the next
event's trigger), else the nearest one; after "diundur menjadi" the new date; in a subordinate clause
("setelah meresmikan X, ...") only a date of that clause. The date of a statement ("X, Senin (...),
mengatakan ...", "ujar X, Rabu (...)") dates the speaking, never the event; and a relative date in
such a sentence that was resolved against the publication date ("besok") is left out: it belongs to
the statement, which only the temporal stage can anchor (it marks those with another anchor).
"""

from __future__ import annotations

import re
from typing import NamedTuple, Sequence

from timeline.extract.lexicon import Lexicon
from timeline.extract.participants import SentenceView
from timeline.extract.triggers import clause_end
from timeline.extract.wordindex import WordIndex
from timeline.model import Sentence, TimeExpression

CHANGE_BEFORE = 25  # characters before a trigger in which an active change verb ("menunda peresmian") stands
PLANNED_AFTER = 60  # characters after a trigger still read for a planning word
_SPEECH_AFTER_DATE = re.compile(r"[\s)]*,\s*$")
_NAME_BEFORE_DATE = re.compile(r"(?:[A-Z][\w.'’-]*[\s,]+){1,8}$")


def _unquoted(text: str, s: Sentence) -> str:
    """The sentence with quoted speech blanked (same length)."""
    from timeline.text.spans import quote_spans

    body = s.text
    if '"' not in body and "“" not in body:  # no quote can open: the sentence as it is
        return body
    for q in quote_spans(body):
        body = body[: q[0]] + " " * (q[1] - q[0]) + body[q[1] :]
    return body


class _Read(NamedTuple):
    """A sentence as `modality_of` reads it: quotes blanked, and the words it searches there."""

    sentence: Sentence
    body: str  # the sentence with quotes blanked
    whole: str | None  # the modality every event of the sentence takes, if its words give one
    words: WordIndex | None  # of the article's text, where the body is the sentence as written

    def search(self, pattern: re.Pattern[str], lo: int, hi: int) -> bool:
        """Whether a word regex of the lexicon's index matches in body[lo:hi] read alone: from the
        index where no quote was blanked (past the first character, which has no text before it)."""
        if self.words is None:
            return pattern.search(self.body, lo, hi) is not None
        if lo == 0:
            if pattern.match(self.body, 0, hi) is not None:
                return True
            lo = 1
        start = self.sentence.start
        return self.words.search(pattern, start + lo, start + hi) is not None


_LAST_SENTENCE: list = [None]  # (lex, article text, sentence start and end, what `_whole_sentence` read)


def _whole_sentence(lex: Lexicon, text: str, s: Sentence, words: WordIndex | None) -> _Read:
    """The sentence read for its modality words, with the modality they give every event in it
    ("cancelled", "uncertain" or None); kept for the next trigger of the same sentence of the same
    text (a quote opened in an earlier sentence blanks it, so equal sentences of two texts may differ)."""
    last = _LAST_SENTENCE[0]
    if last is not None and last[0] is lex and last[1] is text and last[2] == (s.start, s.end, words):
        return last[3]
    body = _unquoted(text, s)
    words = words if body is s.text else None
    end = len(body)
    seek = _Read(s, body, None, words).search
    whole = "cancelled" if seek(lex.cancelled_re, 0, end) else "uncertain" if seek(lex.uncertain_re, 0, end) else None
    read = _Read(s, body, whole, words)
    _LAST_SENTENCE[0] = (lex, text, (s.start, s.end, words), read)
    return read


def modality_of(lex: Lexicon, text: str, s: Sentence, start: int, end: int, words: WordIndex | None = None) -> str:
    """planned | changed | cancelled | uncertain | reported, from the words of the sentence (`words`:
    the text's `WordIndex`, if there is one)."""
    read = _whole_sentence(lex, text, s, words)
    if read.whole is not None:
        return read.whole
    size = len(read.body)
    at, after = start - s.start, end - s.start
    if read.search(lex.changed_re, after, size) or read.search(lex.changed_re, max(0, at - CHANGE_BEFORE), at):
        return "changed"
    if read.search(lex.planned_re, 0, min(size, at + PLANNED_AFTER)):
        return "planned"
    return "reported"


def speech_dates(lex: Lexicon, text: str, here: SentenceView) -> set[int]:
    """Starts of the explicit dates that date a statement: "X, Senin (4/12/2023), mengatakan ...",
    "... ujar X, Rabu (24/7/2024)."."""
    out = set()
    s = here.sentence
    for e in here.expressions:
        if e.kind == "relative":
            continue
        after = lex.speech_re.match(text, _skip(text, e.end, s.end))
        if after and _SPEECH_AFTER_DATE.match(text[e.end : after.start()]):
            out.add(e.start)
            continue
        lead = text[max(s.start, e.start - 80) : e.start]
        name = _NAME_BEFORE_DATE.search(lead)
        if name is not None:
            said = lex.speech_re.search(lead, max(0, name.start() - 12), name.start() + 1)
            if said is not None and not lead[said.end() : name.start()].strip(" ,"):
                out.add(e.start)
    return out


_COARSE = {"year": 3, "decade": 4, "half": 2, "quarter": 2, "season": 2}


def _finest(dates: Sequence[TimeExpression]) -> TimeExpression:
    """The first date of a stretch, unless a finer one follows it: in "membuka Balikpapan Expo 2024 di Dome,
    Kamis (7/3/2024)" the year is the name's edition, the day is the event's."""
    first = dates[0]
    if _COARSE.get(first.granularity or "", 0) == 0:
        return first
    finer = [e for e in dates[1:] if _COARSE.get(e.granularity or "", 0) < _COARSE[first.granularity]]
    return finer[0] if finer else first


def _skip(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] in " ),":
        pos += 1
    return pos


_EDITION_BEFORE = re.compile(r"[A-Z][\w'’-]*\s+$")


def _edition(text: str, e: TimeExpression) -> bool:
    """A bare year right after a capitalized word names an edition ("Operasi Lilin Turangga 2023",
    "Balikpapan Expo 2024"), not when the event happens."""
    return e.kind == "year" and e.text.isdigit() and _EDITION_BEFORE.search(text, max(0, e.start - 40), e.start) is not None


_WORD_BEFORE = re.compile(r"([\w&/-]+)[ \t,]*$")


def _names_a_thing(lex: Lexicon, text: str, e: TimeExpression, expressions: Sequence[TimeExpression]) -> bool:
    """A holiday after a noun names what the event is about ("rapat persiapan mudik Lebaran", "pengamanan
    Natal dan Tahun Baru"), not when it happens; after a cue ("saat libur Lebaran") it is a date."""
    if not e.text.casefold().startswith(lex.holiday_names):
        return False
    start = e.start
    while True:
        before = _WORD_BEFORE.search(text, max(0, start - 40), start)
        if before is None:
            return False
        word = before.group(1)
        if word.casefold() in lex.holiday_joins:  # "Natal dan Tahun Baru": as the first holiday goes
            previous = [x for x in expressions if x.end <= before.start() and not text[x.end : before.start()].strip()]
            if not previous or not previous[-1].text.casefold().startswith(lex.holiday_names):
                return False
            start = previous[-1].start
            continue
        return word[:1].islower() and word.casefold() not in lex.holiday_cues


def usable_dates(lex: Lexicon, text: str, here: SentenceView) -> list[TimeExpression]:
    """The dates of a sentence that can date its events: not a year naming an edition nor a holiday naming
    what the event is about, not a statement's date, and no relative date read from the publication date
    in a sentence whose statement is dated."""
    dates = [e for e in here.expressions if not _edition(text, e) and not _names_a_thing(lex, text, e, here.expressions)]
    speech = speech_dates(lex, text, here)
    if not speech:
        return dates
    return [e for e in dates if e.start not in speech and not (e.kind == "relative" and e.anchor == "reference")]


def date_of(
    lex: Lexicon,
    text: str,
    here: SentenceView,
    dates: Sequence[TimeExpression],
    trigger,
    until: int,
    modality: str,
) -> TimeExpression | None:
    """The time expression of the sentence that dates this trigger (see the module's docstring)."""
    if not dates:
        return None
    start, end = trigger.start(), trigger.end()
    if modality == "changed":
        result = lex.changed_result_re.search(text, end, here.sentence.end)
        later = [e for e in dates if result and e.start >= result.end()]
        if later:
            return later[0]
    if trigger.subordinate:
        stop = clause_end(text, here.sentence, end)
        own = [e for e in dates if end <= e.start < stop]
        return _finest(own) if own else None
    own = [e for e in dates if end <= e.start < until]
    if own:
        return _finest(own)

    def distance(e: TimeExpression) -> float:
        return e.start - end if e.start >= end else (start - e.end) * 1.5

    return min(dates, key=distance)
