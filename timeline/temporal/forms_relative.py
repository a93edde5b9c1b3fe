"""Readings of the relative branches of the grammar: deictic and anaphoric days, weeks and months,
weekdays, clock times and parts of day, lengths and recurrences.

Each returns a `Mark` whose value says what it is relative to ("besok" = one day after an anchor) without
choosing the anchor; lengths and recurrences need none (value None).
"""

from __future__ import annotations

import re
from functools import lru_cache

from timeline.lang import norm
from timeline.model import ClockTime, Duration
from timeline.temporal.forms_calendar import rel_shift
from timeline.temporal.recognize import (
    Scan, Skip, cues, group, lookback_tense, make, part_of, read_at, time_of, weekday_index, word_after, word_before,
)
from timeline.temporal.symbolic import (
    Dateline, Mark, MonthShift, Previous, Shift, StoryDay, Weekday, WeekdayOfWeek, WeekShift, Weekend,
)
from timeline.temporal.vocab import parse_number, vocab, zone_of

_SUB_DAY = ("seconds", "minutes", "hours")
_YEAR_NEXT = re.compile(r"\s+\d{4}(?!\d)")


def _amount(m) -> float | None:
    if group(m, "se"):
        return 1.0
    return parse_number(m["n"]) if m["n"] else None


def _unit(word: str) -> str:
    w = norm(word)
    prefix = vocab().data["units"]["one_prefix"]
    if w.startswith(prefix) and w not in vocab().unit_of:
        w = w[len(prefix):]
    return vocab().unit_of[w]


# ---------------------------------------------------------------------------------------------- relative days


def _ago(scan, m):
    past = norm(m["dir"]) in cues().last_words
    if m["vq"]:  # "beberapa hari lalu": some time ago, a past reference with no calendar value
        return make(scan, m, "ref", tense="past" if past else "future", anchor="reference")
    n = _amount(m)
    if n is None or n != int(n) or n > 1000:
        return None
    unit = _unit(m["se"] or m["u"])
    return make(scan, m, "time" if unit in _SUB_DAY else "relative", value=Shift(unit, -int(n) if past else int(n)),
                tense="past" if past else "future", approximate=bool(m["approx"]))


def _prev_part(scan, m):
    return make(scan, m, "relative", value=Previous(use_end=False), time=time_of(part_of(m)))


def _prev_next(scan, m):
    return make(scan, m, "relative", value=Previous(1))


def _prev_shift(scan, m):
    n = _amount(m)
    if n is None:
        return None
    unit = _unit(m["se"] or m["u"])
    later = norm(m["dir"]) in cues().later_words
    if unit in ("hours", "minutes"):
        return make(scan, m, "time", value=Previous())
    if n != int(n):
        return None
    offset = int(n) if later else -int(n)
    return make(scan, m, "relative", value=Previous(offset, unit, use_end=later), tense="past" if offset < 0 else None)


def _is_sunday_cue(scan, m, word_group: str) -> bool:
    return norm(word_before(scan.text, m.start())) in cues().sunday_cues and m[word_group][:1].isupper()


def _week_rel(scan, m):
    unit = _unit(m["u"])
    if unit == "weeks" and norm(m["u"]) in cues().week_or_sunday and _is_sunday_cue(scan, m, "u"):
        return _weekday_rel(scan, m, weekday_index(m["u"]), m["rel"], None)
    shift, tense = rel_shift(m["rel"])
    if unit == "weeks":
        return make(scan, m, "relative", value=WeekShift(shift), granularity="week", tense=tense)
    return make(scan, m, "relative", value=MonthShift(shift), granularity="month", tense=tense)


def _weekend(scan, m):
    if m["rel"]:
        shift, tense = rel_shift(m["rel"])
        at = None
    else:
        shift, (tense, at) = 0, lookback_tense(scan.text, m.start())
    return make(scan, m, "relative", value=Weekend(shift), granularity="weekend", tense=tense, tense_at=at)


def _day_rel(scan, m):
    offset = vocab().relative_days.get(norm(m["rd"]), 0)
    tense = "past" if offset < 0 else "future" if offset > 0 else None
    return make(scan, m, "relative", value=Shift("days", offset), granularity="day", tense=tense,
                time=time_of(part_of(m)))


def _weekday_rel(scan, m, index: int, rel: str | None, part: str | None):
    at = None
    if rel:
        w = norm(rel)
        c = cues()
        direction = "next" if w in c.next_words else "last" if w in c.last_words else "this"
        tense = "future" if direction == "next" else "past" if direction == "last" else None
    else:
        tense, at = lookback_tense(scan.text, m.start())
        direction = "next" if tense == "future" else "past"
    return make(scan, m, "relative", value=Weekday(index, direction, bare=not rel), granularity="day", tense=tense,
                tense_at=at, time=time_of(part))


def _joined_to_weekday(scan: Scan, start: int) -> bool:
    """True for the second weekday of "pada Sabtu dan Minggu": joined to a weekday expression just before."""
    if not scan.found:
        return False
    last = scan.found[-1]
    gap = scan.text[last.end:start]
    return (len(gap) <= 8 and norm(gap.strip()) in cues().joiners and last.kind == "relative"
            and last.granularity == "day" and norm(last.text.split()[0]) in vocab().weekday_of)


def _wd_span(scan, m):
    return Skip(m.end())  # "Senin hingga Jumat" without dates: a habitual span, not a date


def _dateline(scan: Scan, m) -> bool:
    """'..., kata Basri di Bontang, Senin.': after a comma that does not join weekdays, closing a clause."""
    text = scan.text
    i = m.start()
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    if i == 0 or text[i - 1] != ",":
        return False
    if norm(word_before(text, i - 1)) in vocab().weekday_of:
        return False
    j = m.end()
    while j < len(text) and text[j] in " \t":
        j += 1
    if j == len(text) or text[j] in cues().dateline_closing:
        return True
    return cues().speech_after.match(text, j) is not None  # "..., Setyo Budiono, Senin menuturkan ..."


def _wd_rel(scan, m):
    c = cues()
    form = m["wd"]
    before = norm(word_before(scan.text, m.start()))
    if norm(form) in c.week_or_sunday and form[0].islower() and before not in c.day_words:
        return None
    if m["wk"]:  # "Kamis pekan depan": Thursday of next week
        shift, tense = rel_shift(m["wrel"])
        return make(scan, m, "relative", value=WeekdayOfWeek(weekday_index(form), shift), granularity="day",
                    tense=tense, time=time_of(part_of(m)))
    if m["dem"]:  # "Jumat itu": the Friday the story is about
        tense, at = lookback_tense(scan.text, m.start())
        return make(scan, m, "relative", value=Weekday(weekday_index(form), "past", demonstrative=True),
                    granularity="day", tense=tense, tense_at=at, time=time_of(part_of(m)))
    if not m["rel"] and form[:1].isupper() and _dateline(scan, m):
        return make(scan, m, "relative", value=Dateline(weekday_index(form)), granularity="day",
                    time=time_of(part_of(m)))
    if not m["rel"] and not m["part"]:
        if before not in c.weekday_cues and not _joined_to_weekday(scan, m.start()) \
                and not (form[:1].isupper() and c.clock_next.match(scan.text, m.end())):
            return None
        if norm(word_after(scan.text, m.end())) in c.programme:
            return None
    return _weekday_rel(scan, m, weekday_index(form), m["rel"], part_of(m))


# ---------------------------------------------------------------------------------------------- times


def _clock(m) -> str | None:
    h, mi = int(m["h"]), int(m["mi"] or 0)
    sec = group(m, "sec")
    if h > 24 or mi > 59 or (sec and int(sec) > 59):
        return None
    out = f"{h:02d}:{mi:02d}:{sec}" if sec else f"{h:02d}:{mi:02d}"
    if m["h2"]:
        h2, mi2 = int(m["h2"]), int(m["mi2"])
        if h2 > 24 or mi2 > 59:
            return None
        out += f"-{h2:02d}:{mi2:02d}"
    return out


def _on_day(scan: Scan, m, offset: int, clock: ClockTime) -> Mark:
    """A time of day on the anchor day shifted by `offset` days ("pukul 10.00 kemarin", "tadi pagi")."""
    if offset:
        tense, at = ("past" if offset < 0 else "future"), None
    else:
        tense, at = lookback_tense(scan.text, m.start())
    return make(scan, m, "time", value=Shift("days", offset), tense=tense, tense_at=at, time=clock)


def _time_mark(scan: Scan, m, clock: ClockTime) -> Mark:
    rel = group(m, "rel")
    rel = norm(rel) if rel else None
    offsets = vocab().relative_days
    if rel in offsets:
        return _on_day(scan, m, offsets[rel], clock)
    if rel in cues().later_words:
        return make(scan, m, "time", value=Previous(), time=clock)
    tense, at = lookback_tense(scan.text, m.start())
    return make(scan, m, "time", value=StoryDay(Shift("days", 0)), tense=tense, tense_at=at, time=clock)


def _twelve_hour(clock: str, part: str | None) -> str:
    """The 24-hour clock of a 12-hour time read with its part of day ("09:00" malam -> "21:00")."""
    t = vocab().data["time"]
    span = t["afternoon_hours"].get(part or "")
    if not span:
        return clock
    out = []
    for hm in clock.split("-"):
        h, mi = hm.split(":", 1)
        hour = int(h)
        if span[0] <= hour <= span[1]:
            hour += 12
        elif part == t["midnight_part"] and hour == 12:
            hour = 0
        out.append(f"{hour:02d}:{mi}")
    return "-".join(out)


def _clock_reading(scan, m):
    clock = _clock(m)
    if clock is None:
        return None
    clock = _twelve_hour(clock, part_of(m))
    if norm(m["w"]) in vocab().data["time"]["clock_words_need_more"] and not (m["mi"] or m["zone"] or m["part"] or m["local"]):
        return None
    mark = _time_mark(scan, m, ClockTime(clock, zone_of(m["zone"]), part_of(m), bool(m["local"])))
    mark.approximate = bool(m["approx"])
    return mark


def _bare_clock(scan, m):
    clock = _clock(m)
    if clock is None:
        return None
    return _time_mark(scan, m, ClockTime(clock, zone_of(m["zone"]), None, bool(m["local"])))


def _clock_range(scan, m):
    """"09.00-09.40" in a schedule: two-digit hours, the end after the start."""
    clock = _clock(m)
    if clock is None or clock.split("-")[1] <= clock.split("-")[0]:
        return None
    return _time_mark(scan, m, ClockTime(clock))


def _part_alone(scan, m):
    t = vocab().data["time"]
    part = part_of(m)
    pre, post = m["pre"], m["post"]
    before = norm(word_before(scan.text, m.start()))
    if not pre and before in t["part_not_after"]:
        return None  # "kelab malam ini", "pasar malam"
    inherent = norm(m["part"]) in t["part_inherent"]
    if not (pre or post or inherent or before in cues().part_cues):
        return None
    fixed = t["part_clock"].get(norm(m["part"]))
    clock = ClockTime(fixed) if fixed else ClockTime(part=part)
    post = norm(post) if post else None
    if norm(m.group()) in t["last_night"]:
        return _on_day(scan, m, -1, clock)
    if pre or post in t["part_today"]:
        return _on_day(scan, m, 0, clock)
    if post in t["part_anaphoric"]:
        return make(scan, m, "time", value=StoryDay(Previous(use_end=False)), time=clock)
    tense, at = lookback_tense(scan.text, m.start())
    return make(scan, m, "time", value=StoryDay(Shift("days", 0)), tense=tense, tense_at=at,
                time=clock)


# ---------------------------------------------------------------------------------------------- lengths, sets


def _duration(scan, m):
    if m["vq"]:
        key = norm(m["vu"])
        dur = Duration(vocab().unit_of.get(key) or vocab().data["units"]["vague_only"].get(key, key), None)
    elif m["whole"]:  # "seharian"
        dur = Duration(vocab().data["units"]["whole"][norm(m["whole"])], 1)
    else:
        n = _amount(m)
        if n is None or n <= 0:
            return None
        if m["lo"]:  # "10-30 detik": its lower bound
            n = float(m["lo"])
        dur = Duration(_unit(m["se"] or m["u"]), n)
        if dur.unit == "years" and _YEAR_NEXT.match(scan.text, m.end()):
            return None  # "Nomor 20 Tahun 2001": a law's number and year
        if dur.unit == "hours" and n < 1 and (n * 60).is_integer():
            dur = Duration("minutes", n * 60)  # "setengah jam": PT30M
        within = _within(scan, m, dur)
        if within is not None:
            return within
    return make(scan, m, "duration", duration=dur, tense="future" if m["fwd"] else None,
                approximate=bool(m["approx"]))


def _within(scan: Scan, m, dur: Duration) -> Mark | None:
    """"dalam 2 jam", "dalam waktu 10 hari": that far ahead of the reference (read from the number back,
    so "dalam" costs nothing where no length follows it); "dalam dua bulan" stays a length."""
    if m["sel"] or m["approx"] or m["fwd"] or not float(dur.amount).is_integer():
        return None
    w = cues().within.search(scan.text, max(0, m.start() - 20), m.start())
    if w is None or (dur.unit not in _SUB_DAY and not w.group("span")):
        return None
    start = w.start()
    text = scan.text[start:m.end()]
    return Mark(text=text, start=start, end=m.end(), kind="time" if dur.unit in _SUB_DAY else "relative",
                value=Shift(dur.unit, int(dur.amount)), tense="future")


def _redup(scan, m):
    word = norm(m["rep"])[len(vocab().data["units"]["reduplication_prefix"]):].split("-")[0]
    return make(scan, m, "duration", duration=Duration(vocab().unit_of[word], None))


@lru_cache(maxsize=1)
def _relative_words() -> frozenset[str]:
    """"ini", "depan", "lalu" ...: after a unit they make it a relative period ("tahun ini")."""
    rel = vocab().data["relative"]
    return frozenset(norm(w) for w in rel["this"] + rel["next"] + rel["last"])


def _set(scan, m):
    v = vocab()
    if m["ev2"]:
        n = parse_number(m["n2"])
        return make(scan, m, "set", duration=Duration(_unit(m["u2"]), n)) if n else None
    if m["per2"]:
        return make(scan, m, "set", duration=Duration(_unit(m["per2"]), 1))
    if m["perw"]:
        if norm(word_after(scan.text, m.end())) in _relative_words():
            return read_at(scan, m.start("pu"))  # "dalam tahun ini": this year, within it, no recurrence
        return make(scan, m, "set", duration=Duration(_unit(_bare_unit(m["pu"])), 1))
    if m["ev"]:
        what = m["what"]
        key = norm(what)
        if key in v.weekday_of:
            if key in cues().week_or_sunday and what[0].islower():
                return make(scan, m, "set", duration=Duration("weeks", 1))
            return make(scan, m, "set", duration=Duration("weeks", 1), weekday=v.weekday_names[v.weekday_of[key]])
        if key in v.part_of_day:
            return make(scan, m, "set", duration=Duration("days", 1), time=ClockTime(part=v.part_of_day[key]))
        return make(scan, m, "set", duration=Duration(_unit(_bare_unit(key)), 1))
    return make(scan, m, "set", duration=Duration(_unit(m["per"]), 1))


def _bare_unit(word: str) -> str:
    """"bulannya" -> "bulan": a unit word without its enclitic."""
    w = norm(word)
    enclitic = vocab().data["sets"]["enclitic"]
    return w[: -len(enclitic)] if w.endswith(enclitic) and w not in vocab().unit_of else w


READINGS = {
    "ago": _ago, "prev_part": _prev_part, "prev_next": _prev_next, "prev_shift": _prev_shift,
    "week_rel": _week_rel, "weekend": _weekend, "day_rel": _day_rel, "wd_span": _wd_span, "wd_rel": _wd_rel,
    "clock": _clock_reading, "bare_clock": _bare_clock, "clock_range": _clock_range, "part_alone": _part_alone, "duration": _duration,
    "redup": _redup, "set": _set,
}
