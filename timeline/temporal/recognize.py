"""recognize: one pass of the compiled grammar over a text, each match read into a symbolic `Mark`.

No reference date is involved: what needs one (a yearless day, "besok", a bare weekday, a clock time)
keeps it open in its symbolic value, and `anchor.py` decides later what it is resolved against. The
readings of the grammar's branches live in `forms_calendar.py` and `forms_relative.py`; this module holds
the scan loop and the small helpers they share.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from timeline.lang import alternation, norm
from timeline.model import ClockTime
from timeline.temporal.grammar import alternation as _trie_alternation, grammar
from timeline.temporal.symbolic import Mark, Recognition
from timeline.temporal.vocab import vocab



@dataclass(frozen=True)
class Cues:
    """Context words the readings consult around a match (all from lang/id/temporal.toml)."""

    lookback: re.Pattern[str]  # matched from the start of a window: the last tense marker in it
    lookback_ascii: re.Pattern[str]  # ... each marker after a non-word character, on a lower-cased ASCII window
    breaks: re.Pattern[str]
    window: int
    weekday_cues: frozenset[str]
    sunday_cues: frozenset[str]
    day_words: frozenset[str]
    joiners: frozenset[str]
    programme: frozenset[str]
    year_cues: frozenset[str]
    part_cues: frozenset[str]
    next_words: frozenset[str]
    last_words: frozenset[str]
    later_words: frozenset[str]
    currency: tuple[str, ...]
    name_before: re.Pattern[str]
    number_words: frozenset[str]
    week_or_sunday: frozenset[str]  # "minggu": a week, or Sunday
    dateline_closing: str  # characters that close a clause after a dateline weekday
    speech_after: re.Pattern[str]  # a verb that opens what a dated statement says ("menuturkan")
    within: re.Pattern[str]  # "dalam (waktu)" right before a length: a time that far ahead
    clock_next: re.Pattern[str]  # a clock right after a capitalised weekday makes it a day ("Minggu pukul 23.00")


@lru_cache(maxsize=1)
def cues() -> Cues:
    v = vocab()
    d = v.data
    t = d["tense"]
    # greedy: the regex engine tries the marker from the end of the window back, the nearest one first
    lookback = re.compile(
        rf"(?s:.*)(?<![\w])(?:(?P<future>{alternation(t['before_future'], flags='i')})|(?P<past>{alternation(t['before_past'], flags='i')}))(?![\w])"
    )
    future, past = (_trie_alternation([w.lower() for w in t[key]]) for key in ("before_future", "before_past"))
    rel = d["relative"]
    return Cues(
        lookback=lookback,
        lookback_ascii=re.compile(rf"[^a-z0-9_](?:(?P<future>{future})|(?P<past>{past}))(?![\w])"),
        breaks=re.compile("|".join(re.escape(b) for b in t["clause_breaks"])),
        window=int(t["window"]),
        weekday_cues=frozenset(norm(w) for w in d["weekdays"]["cues"]),
        sunday_cues=frozenset(norm(w) for w in d["weekdays"]["sunday_cues"]),
        day_words=frozenset(norm(w) for w in d["units"]["days"]),
        joiners=frozenset(norm(w) for w in d["weekdays"]["joiners"]),
        programme=frozenset(norm(w) for w in d["weekdays"]["programme_words"]),
        year_cues=frozenset(norm(w) for w in d["years"]["cues"]),
        part_cues=frozenset(norm(w) for w in d["time"]["part_before"]),
        next_words=frozenset(norm(w) for w in rel["next"] + rel["ahead"] + rel["next_loose"]),
        last_words=frozenset(norm(w) for w in rel["last"] + rel["ago"]),
        later_words=frozenset(norm(w) for w in rel["later"]),
        currency=tuple(d["guards"]["currency_before"]),
        name_before=re.compile(rf"(?<![\w])(?:{alternation(d['guards']['name_before'])})\s*$"),
        number_words=frozenset(v.number_of),
        week_or_sunday=frozenset(norm(w) for w in d["units"]["weeks"]) & frozenset(v.weekday_of),
        dateline_closing="".join(d["dateline"]["closing"]) + "\n",
        speech_after=re.compile(rf"{alternation(d['speech']['after'], flags='i')}(?![\w])"),
        clock_next=re.compile(rf"[ \t]+(?:(?:{alternation(d['time']['clock_words'], flags='i')})[ \t]*)?\d{{1,2}}[.:]\d{{2}}(?![\d])"),
        within=re.compile(rf"(?<![\w])(?:{alternation(d['sub_day']['within'], flags='i')})\s+"
                          rf"(?:(?P<span>{alternation(d['sub_day']['within_span'], flags='i')})\s+)?$"),
    )


@dataclass(frozen=True)
class Skip:
    """A reading's verdict: not an expression, and nothing up to `end` is one either."""

    end: int


@dataclass
class Scan:
    """What the readings see: the text and the marks found so far."""

    text: str
    found: list[Mark] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------- helpers


def word_before(text: str, start: int) -> str:
    i = start
    while i > 0 and text[i - 1] in " \t(":
        i -= 1
    j = i
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] in "'’-"):
        j -= 1
    return text[j:i]


def word_after(text: str, end: int) -> str:
    i = end
    while i < len(text) and text[i] in " \t":
        i += 1
    j = i
    while j < len(text) and text[j].isalnum():
        j += 1
    return text[i:j]


def lookback_tense(text: str, start: int) -> tuple[str | None, int | None]:
    """The tense marker nearest before `start` in the same clause (akan, dijadwalkan, telah ...) and where
    it begins."""
    c = cues()
    lo = max(0, start - c.window)
    window = text[lo:start]  # its own text: a word cut at its start is a word
    if window.isascii():  # nearly always: case folds as lower() does, so a plain trie finds the same words
        last = None
        for last in c.lookback_ascii.finditer(" " + window.lower()):
            pass
        lo -= 1  # the space put before the window
    else:
        last = c.lookback.match(window)
    if last is None:
        return None, None
    tense = "future" if last.group("future") else "past"
    if c.breaks.search(text, lo + last.end(), start):
        return None, None  # the marker is in an earlier clause (a marker is one word: no break inside it)
    return tense, lo + last.start(tense)


def group(m: re.Match[str], name: str) -> str | None:
    """The text of group `name`, None when it did not take part or the branch has no such group (what
    `m.groupdict().get(name)` says, without building a dict of every group of the branch)."""
    return m[name] if name in m.re.groupindex else None


def tense_of(m: re.Match[str], text: str) -> tuple[str | None, int | None]:
    """(tense, where its clause word begins) from the marker right after the expression (position None),
    else from the clause before it."""
    word = group(m, "tense")
    if word:
        return vocab().tense_after.get(norm(word)), None
    return lookback_tense(text, m.start())


def part_of(m: re.Match[str]) -> str | None:
    word = group(m, "part")
    return vocab().part_of_day.get(norm(word)) if word else None


def time_of(part: str | None) -> ClockTime | None:
    return ClockTime(part=part) if part else None


def month_number(form: str) -> int:
    return vocab().month_of[norm(form).rstrip(".")]


def is_abbreviation(form: str) -> bool:
    return norm(form).rstrip(".") not in vocab().month_full


def weekday_index(form: str) -> int:
    return vocab().weekday_of[norm(form)]


def weekday_canonical(form: str | None) -> str | None:
    return vocab().weekday_names[weekday_index(form)] if form else None


def make(scan: Scan, m: re.Match[str], kind: str, **kw) -> Mark:
    """A mark for match `m`, cut before an unmatched ")" (the "(" is before the span)."""
    start, end = m.start(), m.end()
    text = scan.text
    if text.count(")", start, end) > text.count("(", start, end):
        body = text[start:end]
        depth = 0
        for i, ch in enumerate(body):
            depth += (ch == "(") - (ch == ")")
            if depth < 0:
                end = start + i
                break
        while end > start and text[end - 1].isspace():
            end -= 1
    return Mark(text=text[start:end], start=start, end=end, kind=kind, **kw)


# ---------------------------------------------------------------------------------------------- entry


def _candidates(g, text: str, lowered: bool) -> list[tuple[int, int]]:
    """(start, end) of every place an expression can begin: a digit or the first word of a phrase."""
    if not lowered:
        out = [m.span() for m in g.starts_any_case.finditer(text)]
    else:
        out = [(m.start() + 1, m.end()) for m in g.starts.finditer(text)]
        if text and not text[0].isspace() and (m := g.starts_head.match(text)) is not None:
            out.insert(0, (0, m.end()))
    return out


def _glued_starts(g, text: str) -> dict[int, tuple[str, re.Pattern[str]]]:
    """Where an expression begins in text glued by a lost space, with the branch that reads it."""
    out = {}
    for glued in g.glued:
        if glued.ends is not None:
            starts = []
            for end in glued.ends.finditer(text):
                m = glued.finder.search(text, max(0, end.start() - glued.reach), end.end())
                if m is not None:
                    starts.append(m.start(1))
        else:
            starts = [m.start(1) for m in glued.finder.finditer(text)]
            if text[:1] != "\n" and (m := glued.finder.match("\n" + text[:200])) is not None:
                starts.append(m.start(1) - 1)  # the first line, read as if a line break came before it
        for at in starts:
            if not glued.after_letter or (at > 0 and text[at - 1].isalpha()):
                out[at] = (glued.name, glued.reading)
    return out


@lru_cache(maxsize=1)
def _readings() -> dict:
    from timeline.temporal import forms_calendar, forms_periods, forms_relative

    return {**forms_calendar.READINGS, **forms_relative.READINGS, **forms_periods.READINGS}


_WORD = re.compile(r"\w+")


def read_at(scan: Scan, start: int) -> Mark | Skip | None:
    """The reading of the word-led expression beginning at `start`: for a reading that finds its own
    first words belong to the expression after them ("dalam tahun ini": "tahun ini")."""
    g = grammar()
    m = _WORD.match(scan.text, start)
    if m is None:
        return None
    for name, pattern in g.first_word_branches.get(m.group().lower(), ()):
        found = pattern.match(scan.text, start)
        if found is not None:
            return _readings()[name](scan, found)
    return None


def recognize(text: str) -> Recognition:
    """Every time expression in `text` as a symbolic mark, sorted by start, non-overlapping."""
    if not text or not isinstance(text, str):
        return Recognition("", ())
    g = grammar()
    readings = _readings()
    scan = Scan(text=text)
    pos = 0
    digit_match, digit_branches, digit_gate = g.digit_scanner.match, g.digit_branches, g.digit_gate.match
    long_number_branches = g.long_number_branches
    word_branches, first_word_branches = g.word_branches, g.first_word_branches
    lower = text.lower()
    same = len(lower) == len(text)
    found = scan.found
    glued = _glued_starts(g, text)
    candidates = _candidates(g, lower if same else text, same)
    if glued:
        candidates = sorted(set(candidates) | {(at, at) for at in glued})
    for start, end in candidates:
        if start < pos:
            continue
        first = text[start]
        if start > 1 and text[start - 1] == "-" and text[start - 2].isalpha() and not first.isdigit():
            continue  # the second half of a reduplication: "tahun-tahun", "hari-hari"
        try:
            if start in glued:  # no word boundary for the scanner
                name, pattern = glued[start]
                m = pattern.match(text, start)
            elif first.isdigit():
                if not digit_gate(lower if same else text.lower(), start):
                    continue
                four = text[start:start + 4]
                if len(four) == 4 and four.isdecimal():  # (isdecimal is \d) a year or nothing: try only
                    m = None  # the few branches that read four digits, alone (no union, no re-read)
                    for name, pattern in long_number_branches:
                        m = pattern.match(text, start)
                        if m is not None:
                            break
                else:
                    m = digit_match(text, start)
                    if m is None:
                        continue
                    name = m.lastgroup
                    m = digit_branches[name].match(text, start)
            else:
                word = lower[start:end] if same else text[start:end].lower()
                candidates = word_branches.get(word) or first_word_branches.get(word.split(None, 1)[0], ())
                m = None
                for name, pattern in candidates:
                    m = pattern.match(text, start)
                    if m is not None:
                        break
            if m is None:
                continue
            mark = readings[name](scan, m)
        except Exception:  # one odd match must never stop the scan of a whole archive
            continue
        if mark is None:
            continue
        if isinstance(mark, Skip):
            pos = mark.end
            continue
        found.append(mark)
        pos = mark.end
    from timeline.temporal.bounds import bounds
    from timeline.temporal.compose import compose

    return Recognition(text, tuple(bounds(compose(scan.found, text), text)), lower if same else "")
