"""The anchoring policy: which date each recognized expression is resolved against.

- explicit: a written date, month, year, quarter or decade needs no anchor;
- speech: a deictic word ("besok", "kemarin", "pekan depan", "Senin depan") inside a statement the text
  dates ("Wali Kota X, Jumat (17/11/2023), mengatakan ...", "..., kata Basri di Bontang, Senin.") takes
  the date of the statement;
- narrative (HeidelTime's narrative strategy): anaphora ("kemudian", "keesokan harinya", "saat itu",
  "bulan sebelumnya", "periode yang sama tahun lalu") take the last date the text established; a clock
  time or part of day takes the last day the text established; a bare weekday ("pada Kamis", "Jumat
  itu") the weekday nearest that day;
- reference: everything else deictic, and anything above with nothing to anchor it, takes the
  reference (publication) date; a wire dateline weekday always does (the day of the report).
`resolve(recognition, reference)` walks the marks in order, keeping what the policy needs to remember.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import lru_cache

from timeline.lang import alternation
from timeline.temporal.grammar import alternation as _trie_alternation
from timeline.model import Interval, TimeExpression
from timeline.temporal.resolve import EXPLICIT, Anchor, Host, resolve_mark
from timeline.temporal.symbolic import (
    Anaphor, Dateline, Day, Holiday, HolidayOffset, Mark, Month, Period, Previous, Quarter, Recognition, Season, Shift, Span, StoryDay,
    Weekday, Year,
)
from timeline.temporal.vocab import vocab

EVENING_HOUR, EARLY_HOUR = 18, 6  # a clock before EARLY_HOUR after one from EVENING_HOUR on has passed midnight
_CLAUSE_END = re.compile(r"\s*\)?\s*(?:[.!?;]|$)")
_COMMA_AFTER = re.compile(r"\s*,")
_SENTENCE_BREAK = re.compile(r"[.!?](?=\s)|\n")
_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*")
# symbols whose unknown year comes from the publication date only (a statement's date never moves it)
_YEAR_FROM_REFERENCE = (Day, Span, Month, Year, Quarter, Season, Holiday)


@dataclass(frozen=True)
class _SpeechCues:
    after: re.Pattern[str]
    verb_before: re.Pattern[str]
    before: re.Pattern[str]
    reach: int


@lru_cache(maxsize=1)
def _speech_cues() -> _SpeechCues:
    d = vocab().data["speech"]
    return _SpeechCues(
        after=re.compile(rf"\s*,\s*(?:{alternation(d['after'], flags='i')})\b"),
        verb_before=re.compile(rf"(?<![\w-])(?:{alternation(d['after'], flags='i')})\s*,\s*$"),
        # the words first, on lower-cased text (the regex engine then skips ahead in C); the start is
        # checked in Python
        before=re.compile(rf"{_trie_alternation([w.lower() for w in d['before']])}(?![\w-])"),
        reach=int(d["reach"]),
    )


@dataclass(frozen=True)
class _Speech:
    """A dated statement: where it is (`start`, `end`) and its date."""

    start: int
    end: int
    date: TimeExpression


def _speech_scope(text: str, lower: str, mark: Mark) -> tuple[int, int] | None:
    """The span of the statement `mark` dates, if it stands where a statement's date does."""
    cues = _speech_cues()
    if cues.after.match(text, mark.end) or (  # "Wali Kota X, Jumat (17/11/2023), mengatakan ..."
            _COMMA_AFTER.match(text, mark.end) and cues.verb_before.search(text, max(0, mark.start - 40), mark.start)):
        # ... or "Wali Kota X mengatakan, Jumat (17/11/2023), ..."
        start = max(text.rfind("\n", 0, mark.start), _last_break(text, mark.start)) + 1
        stop = _SENTENCE_BREAK.search(text, mark.end)
        return start, stop.start() if stop else len(text)
    if not _CLAUSE_END.match(text, mark.end):
        return None
    verb = None
    for found in cues.before.finditer(lower, max(0, mark.start - cues.reach), mark.start):
        i = found.start()
        if i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_-"):
            verb = found
    if verb is None or _SENTENCE_BREAK.search(text, verb.end(), mark.start):  # "..., kata Basri di Bontang, Senin."
        return None
    return text.rfind("\n", 0, mark.start) + 1, _quotes_after(text, mark.end)


def _quotes_after(text: str, end: int) -> int:
    """The end of the paragraphs that go on quoting the speaker just attributed: each opens with a quotation
    mark ('"...," ujar Anton, Jumat (12/1).' then '"Tadi karena panas ..."')."""
    while True:
        nl = text.find("\n", end)
        if nl < 0 or text[nl + 1:nl + 2] not in ('"', "“"):
            return end
        nxt = text.find("\n", nl + 1)
        end = len(text) if nxt < 0 else nxt


def _last_break(text: str, pos: int) -> int:
    """The offset of the last sentence break before `pos` that is not inside the quote being attributed."""
    found = -1
    for m in _SENTENCE_BREAK.finditer(text, max(0, pos - 400), pos):
        if m.group() == "\n" or text[m.end():m.end() + 3].strip()[:1] not in ('"', "”", "“"):
            found = m.start()
    return found


@dataclass
class _State:
    recognition: Recognition
    reference: date | None
    reference_time: datetime | None = None
    prev: TimeExpression | None = None  # the last expression with a calendar value
    day: TimeExpression | None = None  # the last expression with a day value
    holiday: TimeExpression | None = None  # the last holiday named (for "H-2")
    speeches: list[_Speech] = field(default_factory=list)
    reference_anchor: Anchor = EXPLICIT

    def __post_init__(self) -> None:
        ref = self.reference
        self.reference_anchor = Anchor("reference", Interval(ref, ref) if ref is not None else None,
                                       time=self.reference_time)

    def narrative(self, expr: TimeExpression | None) -> Anchor:
        if expr is None:
            return Anchor("narrative")
        return Anchor("narrative", expr.value, expr.granularity, expr.tense, expr.span)

    def speech_at(self, pos: int) -> Anchor | None:
        """The date of the statement at `pos`: its own paragraph's first, else the report's (the lede's
        dateline)."""
        found = None
        for s in self.speeches:
            if s.start <= pos < s.end and not (s.date.start <= pos < s.date.end):
                if found is None or s.end - s.start < found.end - found.start:
                    found = s
        if found is None:
            return None
        d = found.date
        return Anchor("speech", d.value, d.granularity, d.tense, d.span)


def _deictic(mark: Mark, sym, state: _State) -> Anchor:
    """A statement's date when the mark is part of a dated statement, else the reference."""
    if not isinstance(sym, _YEAR_FROM_REFERENCE) or getattr(sym, "year_shift", None) is not None:
        if state.speeches:
            speech = state.speech_at(mark.start)
            if speech is not None:
                return speech
    return state.reference_anchor


def choose(mark: Mark, state: _State):
    """(the symbol to resolve, the anchor to resolve it against) for one mark."""
    sym = mark.value
    if sym is None or sym.explicit:
        return sym, EXPLICIT
    kind = type(sym)
    if kind is Dateline:
        return sym, state.reference_anchor
    if kind is StoryDay:
        if state.day is not None:
            anchor = state.narrative(state.day)
            if _past_midnight(state.day, mark) and anchor.value is not None:
                after = anchor.value.start + timedelta(days=1)
                anchor = replace(anchor, value=Interval(after, after))
            return Host(), anchor
        sym = sym.fallback
        kind = type(sym)
    if kind is Previous:  # "keesokan harinya", "malam harinya": a day after the story's last day
        day_level = sym.unit in ("days", "weeks") and state.day is not None
        return sym, state.narrative(state.day if day_level else state.prev)
    if kind is Period:
        return sym, state.narrative(state.prev)
    if kind is Anaphor:
        return sym, state.narrative(state.day if sym.unit == "day" else state.prev)
    if kind is HolidayOffset:  # "H-2": from the last holiday the text named
        return sym, state.narrative(state.holiday)
    if kind is Weekday and (sym.bare or sym.demonstrative):
        speech = state.speech_at(mark.start) if sym.bare and state.speeches else None
        if speech is not None:
            return sym, speech
        day = state.day
        future = mark.tense == "future"  # a planned day counts from today, not from the story
        if day is not None and not future and (sym.demonstrative or day.value.start != state.reference):
            anchor = state.narrative(day)
            return Weekday(sym.index, "near", sym.bare, sym.demonstrative), Anchor(
                anchor.label, anchor.value, anchor.granularity, anchor.tense, anchor.span,
                limit=state.reference, fallback=sym.direction)
        return sym, state.reference_anchor
    return sym, _deictic(mark, sym, state)


def _past_midnight(day: TimeExpression, mark: Mark) -> bool:
    """A chronology that passes midnight: "Pukul 23.40 WIB ..." (or "4 November malam") then "Pukul 00.09
    WIB" is the next day."""
    now = mark.time.clock if mark.time is not None else None
    if day.time is None or not now or day.value is None or day.value.start != day.value.end:
        return False
    before = day.time.clock
    # ... or the part of day that runs into midnight ("malam": `midnight_part` in lang/id/temporal.toml)
    evening = int(before[:2]) >= EVENING_HOUR if before else day.time.part == vocab().data["time"]["midnight_part"]
    return evening and int(now[:2]) < EARLY_HOUR


def _lede_end(text: str) -> int:
    """Where the lede ends: after the second non-empty paragraph."""
    seen = 0
    for m in _PARAGRAPH.finditer(text):
        seen += 1
        if seen == 2:
            return m.end()
    return len(text)


def _find_speeches(state: _State) -> dict[int, TimeExpression]:
    """The dated statements of the text (their dates resolved now, since a statement can come before
    its date: '"... besok," kata Basri, Senin.'). A wire dateline in the lede dates the whole report."""
    text = state.recognition.text
    out: dict[int, TimeExpression] = {}
    lede = None
    lower = None
    for i, mark in enumerate(state.recognition.marks):
        sym = mark.value
        if mark.kind not in ("date", "relative") or not isinstance(sym, (Day, Dateline)) or mark.granularity != "day":
            continue
        if lower is None:
            lower = state.recognition.lower or text.lower()
            if len(lower) != len(text):
                lower = text
        scope = _speech_scope(text, lower, mark)
        if isinstance(sym, Dateline):
            if lede is None:
                lede = _lede_end(text)
            if mark.start < lede:  # "Menteri Sosial meninjau korban banjir di Garut, Kamis.": the report's day,
                # also when it dates the lede's statement ('"...," ujar Yoyo di Surabaya, Kamis.')
                if scope is not None:
                    expr = resolve_mark(mark, sym, state.reference_anchor)
                    if expr is not None and expr.value is not None:
                        state.speeches.append(_Speech(0, len(text), expr))
                else:
                    scope = (0, len(text))
        if scope is None and mark.apposition is not None and _today(mark.apposition):
            scope = (0, len(text))  # "hari ini, Jumat (23/6)": the text says which day is today
        if scope is None:
            continue
        expr = resolve_mark(mark, sym, EXPLICIT if sym.explicit else state.reference_anchor)
        if expr is None or expr.value is None:
            continue
        out[i] = expr
        state.speeches.append(_Speech(scope[0], scope[1], expr))
    return out


def _today(mark: Mark) -> bool:
    """"hari ini", "tadi": the day of the report, which a story's anaphora do not refer back to."""
    sym = mark.value
    return isinstance(sym, Shift) and sym.unit == "days" and sym.n == 0 and mark.kind == "relative" \
        and mark.time is None


def resolve(recognition: Recognition, reference: date | datetime | None) -> list[TimeExpression]:
    """Each mark of a recognized text resolved against the anchor the policy picks, in text order.
    A `datetime` reference also resolves sub-day relatives ("2 jam yang lalu") to a clock time."""
    when = None
    if isinstance(reference, datetime):
        when, reference = reference, reference.date()
    state = _State(recognition, reference, when)
    spoken = _find_speeches(state)
    out = []
    for i, mark in enumerate(recognition.marks):
        expr = spoken.get(i)
        if expr is None:
            sym, anchor = choose(mark, state)
            expr = resolve_mark(mark, sym, anchor)
            if expr is None:
                continue
        if mark.apposition is not None:  # the relative word of "besok, Selasa (12/9/2023)", resolved on its own
            word_sym, word_anchor = choose(mark.apposition, state)
            expr = replace(expr, apposition=resolve_mark(mark.apposition, word_sym, word_anchor))
        out.append(expr)
        if expr.value is None or expr.kind in ("duration", "set", "ref") or isinstance(mark.value, (Period, Anaphor)):
            continue  # a back-reference does not move the story on
        if isinstance(mark.value, Holiday) and mark.value.offset == 0:
            state.holiday = expr
        if expr.anchor == "speech" and isinstance(mark.value, Shift) and mark.value.unit == "days":
            continue  # "tadi pagi", "hari ini" in a dated statement: the speaker's day, not the story's
        if expr.granularity == "day":
            state.day = expr
        if i not in spoken and not _today(mark):  # the story's periods, not the report's day or a statement's
            state.prev = expr
    return out
