"""find_dates: one pass of the compiled grammar over a text, then resolution of each match in order.

Resolution conventions (documented for users of the JSON):
- a yearless day/month takes the year nearest the reference date, after it when marked future, before it
  when marked past; a stated weekday never moves it (a mismatch is flagged, `note` names a fitting year);
- a month named without a year is in the reference year unless its tense points to the next/previous one;
- a bare weekday ("pada Kamis") is the nearest such day at or before the reference date, or the next one
  after it when the clause is future ("akan ... pada Kamis"); "Kamis depan/lalu" exclude the reference day;
- an invalid date (31 September) is reported with valid=False, value None and the written (d, m, y);
- clock times take the day of a day expression earlier in the same sentence, else the reference date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import lru_cache

from timeline.model import ClockTime, Duration, Interval, TimeExpression, WeekdayCheck
from timeline.temporal import resolve as R
from timeline.temporal.grammar import grammar
from timeline.lang import alternation, norm
from timeline.temporal.vocab import parse_number, vocab

NO_REFERENCE = "no reference date"
NO_PREVIOUS = "no earlier date in the text"
INVALID = "date does not exist"
_YEAR_NEXT = re.compile(r"\s+\d{4}(?!\d)")
SENTENCE_END = re.compile(r"[.!?\n](?:\s|$)")


@dataclass(frozen=True)
class _Aux:
    lookback: re.Pattern[str]
    breaks: re.Pattern[str]
    window: int
    weekday_cues: frozenset[str]
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


@lru_cache(maxsize=1)
def _aux() -> _Aux:
    d = vocab().data
    t = d["tense"]
    lookback = re.compile(
        rf"(?<![\w])(?:(?P<future>{alternation(t['before_future'], flags='i')})|(?P<past>{alternation(t['before_past'], flags='i')}))(?![\w])"
    )
    breaks = re.compile("|".join(re.escape(b) for b in t["clause_breaks"]))
    rel = d["relative"]
    return _Aux(
        lookback=lookback,
        breaks=breaks,
        window=int(t["window"]),
        weekday_cues=frozenset(norm(w) for w in d["weekdays"]["cues"]),
        joiners=frozenset(norm(w) for w in d["weekdays"]["joiners"]),
        programme=frozenset(norm(w) for w in d["weekdays"]["programme_words"]),
        year_cues=frozenset(norm(w) for w in d["years"]["cues"]),
        part_cues=frozenset(norm(w) for w in d["time"]["part_before"]),
        next_words=frozenset(norm(w) for w in rel["next"] + rel["ahead"] + ["nanti"]),
        last_words=frozenset(norm(w) for w in rel["last"] + rel["ago"]),
        later_words=frozenset(norm(w) for w in rel["later"]),
        currency=tuple(d["guards"]["currency_before"]),
        name_before=re.compile(rf"(?<![\w])(?:{alternation(d['guards']['name_before'])})\s*$"),
        number_words=frozenset(vocab().number_of),
    )


@dataclass(frozen=True)
class _Skip:
    """A handler's verdict: not an expression, and nothing up to `end` is one either."""

    end: int


@dataclass
class _Ctx:
    text: str
    ref: date | None
    prev: TimeExpression | None = None  # the last expression with a calendar value
    found: list[TimeExpression] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------- helpers


def _word_before(text: str, start: int) -> str:
    i = start
    while i > 0 and text[i - 1] in " \t(":
        i -= 1
    j = i
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] in "'’-"):
        j -= 1
    return text[j:i]


def _word_after(text: str, end: int) -> str:
    i = end
    while i < len(text) and text[i] in " \t":
        i += 1
    j = i
    while j < len(text) and text[j].isalnum():
        j += 1
    return text[i:j]


def _lookback_tense(text: str, start: int) -> str | None:
    """The tense marker nearest before `start` in the same clause (akan, dijadwalkan, telah ...)."""
    a = _aux()
    lo = max(0, start - a.window)
    window = text[lo:start]
    cut = None
    for cut in a.breaks.finditer(window):
        pass
    if cut is not None:
        window = window[cut.end():]
    last = None
    for last in a.lookback.finditer(window):
        pass
    if last is None:
        return None
    return "future" if last.group("future") else "past"


def _tense(m: re.Match[str], text: str) -> tuple[str | None, bool]:
    """(tense, written) from the marker right after the expression, else from the clause before it."""
    word = m.groupdict().get("tense")
    if word:
        return vocab().tense_after.get(norm(word)), True
    return _lookback_tense(text, m.start()), False


def _part(m: re.Match[str]) -> str | None:
    word = m.groupdict().get("part")
    return vocab().part_of_day.get(norm(word)) if word else None


def _time(part: str | None) -> ClockTime | None:
    return ClockTime(part=part) if part else None


def _month(form: str) -> int:
    return vocab().month_of[norm(form).rstrip(".")]


def _is_abbreviation(form: str) -> bool:
    return norm(form).rstrip(".") not in vocab().month_full


def _weekday_index(form: str) -> int:
    return vocab().weekday_of[norm(form)]


def _weekday_name(index: int) -> str:
    return vocab().weekday_names[index]


def _check(stated: str | None, day: date | None) -> WeekdayCheck | None:
    if not stated:
        return None
    name = _weekday_name(_weekday_index(stated))
    if day is None:
        return WeekdayCheck(name, None, None)
    actual = _weekday_name(day.weekday())
    return WeekdayCheck(name, actual, actual == name)


def _expr(ctx: _Ctx, m: re.Match[str], kind: str, **kw) -> TimeExpression:
    start, end = m.start(), m.end()
    body = ctx.text[start:end]
    if body.count(")") > body.count("("):  # the "(" is before the span: cut at the unmatched ")"
        depth = 0
        for i, ch in enumerate(body):
            depth += (ch == "(") - (ch == ")")
            if depth < 0:
                end = start + i
                break
        while end > start and ctx.text[end - 1].isspace():
            end -= 1
    return TimeExpression(text=ctx.text[start:end], start=start, end=end, kind=kind, **kw)


def _unresolved(note: str) -> dict:
    return {"value": None, "resolved": False, "note": note}


# ---------------------------------------------------------------------------------------------- dates


def _day(ctx: _Ctx, d: int, mo: int, y: int | None, tense: str | None) -> tuple[date | None, dict]:
    """Resolve a written day/month(/year): the date (or None) and the fields of its expression."""
    if y is not None:
        day = R.safe_date(y, mo, d)
        if day is None:
            return None, {"valid": False, "value": None, "note": INVALID, "resolved": False}
        return day, {"value": Interval(day, day), "anchor": "explicit"}
    if ctx.ref is None:
        return None, {**_unresolved(NO_REFERENCE), "anchor": "reference", "year_inferred": True}
    day = R.nearest_year(ctx.ref, mo, d, tense)
    if day is None:
        return None, {"valid": False, "value": None, "note": INVALID, "resolved": False, "anchor": "reference"}
    fields = {"value": Interval(day, day), "anchor": "reference", "year_inferred": True}
    if (tense == "future" and day < ctx.ref) or (tense == "past" and day > ctx.ref):
        fields["note"] = "tense marker does not fit the nearest year"
    return day, fields


def _single(ctx: _Ctx, m: re.Match[str], d: int, mo: int, y: int | None, kind: str = "date") -> TimeExpression | None:
    if not (1 <= d <= 31 and 1 <= mo <= 12):
        return None
    tense, _ = _tense(m, ctx.text)
    day, fields = _day(ctx, d, mo, y, tense)
    wd = m.groupdict().get("wd")
    check = _check(wd, day)
    if check and check.ok is False and fields.get("year_inferred") and ctx.ref is not None:
        fits = [yy for yy in (ctx.ref.year - 1, ctx.ref.year + 1)
                if (alt_day := R.safe_date(yy, mo, d)) and _weekday_name(alt_day.weekday()) == check.stated]
        if fits:
            fields["note"] = f"weekday fits year {fits[0]}"
    return _expr(ctx, m, kind, granularity="day", weekday=check, tense=tense, time=_time(_part(m)),
                 written=(d, mo, y), **fields)


def _range(ctx: _Ctx, m: re.Match[str], d1: int, m1: int, y1: int | None, d2: int, m2: int, y2: int | None):
    if not (1 <= d1 <= 31 and 1 <= d2 <= 31 and 1 <= m1 <= 12 and 1 <= m2 <= 12):
        return None
    if (m1, d1) >= (m2, d2) and y1 is None and y2 is None:
        return None
    if y1 is None and y2 is not None:
        y1 = y2 - 1 if (m1, d1) > (m2, d2) else y2
    tense, _ = _tense(m, ctx.text)
    start, fields = _day(ctx, d1, m1, y1, tense)
    if start is not None and y2 is None:
        y2 = start.year if (m2, d2) >= (m1, d1) else start.year + 1
    end = R.safe_date(y2, m2, d2) if y2 is not None else None
    if start is not None and end is not None:
        if end < start:
            return None
        fields["value"] = Interval(start, end)
    elif start is not None or (y2 is not None and end is None):
        fields.update(valid=False, value=None, note=INVALID, resolved=False)
    gd = m.groupdict()
    check = None
    if gd.get("wd"):
        c1 = _check(gd["wd"], start)
        c2 = _check(gd.get("wd2"), end) if gd.get("wd2") else None
        if c2 is None:
            check = c1
        else:
            ok = None if c1.ok is None or c2.ok is None else (c1.ok and c2.ok)
            actual = None if ok is None else f"{c1.actual}-{c2.actual}"
            check = WeekdayCheck(f"{c1.stated}-{c2.stated}", actual, ok)
    return _expr(ctx, m, "range", granularity="day", weekday=check, tense=tense, time=_time(_part(m)),
                 written=(d1, m1, y1), **fields)


def _numeric_ok(m: re.Match[str]) -> bool:
    y = m.groupdict().get("y")
    sep = m.groupdict().get("sep")
    return not (y and len(y) == 2 and sep not in (None, "/"))


def _h_wd_range_num(ctx, m):
    y = R.expand_year(m["y"]) if m["y"] else None
    mo = int(m["m"])
    return _range(ctx, m, int(m["d"]), mo, y, int(m["d2"]), mo, y)


def _h_wd_num(ctx, m):
    if not _numeric_ok(m):
        return None
    return _single(ctx, m, int(m["d"]), int(m["m"]), R.expand_year(m["y"]) if m["y"] else None)


def _text_month_ok(ctx, m, key="m", year_key="y") -> bool:
    """An abbreviated month ("Agus", "Mar") counts only with a year, or when no name follows it."""
    if not _is_abbreviation(m[key]) or m.groupdict().get(year_key):
        return True
    nxt = _word_after(ctx.text, m.end(key))
    return not (nxt[:1].isupper())


def _h_text_cross(ctx, m):
    if not (_text_month_ok(ctx, m, "m", "y") and _text_month_ok(ctx, m, "m2", "y2")):
        return None
    y1 = int(m["y"]) if m["y"] else None
    y2 = int(m["y2"]) if m["y2"] else None
    return _range(ctx, m, int(m["d"]), _month(m["m"]), y1, int(m["d2"]), _month(m["m2"]), y2)


def _h_text_range(ctx, m):
    if not _text_month_ok(ctx, m):
        return None
    y = int(m["y"]) if m["y"] else None
    mo = _month(m["m"])
    return _range(ctx, m, int(m["d"]), mo, y, int(m["d2"]), mo, y)


def _h_num_range(ctx, m):
    y = R.expand_year(m["y"])
    mo = int(m["m"])
    return _range(ctx, m, int(m["d"]), mo, y, int(m["d2"]), mo, y)


def _h_text_date(ctx, m):
    if not _text_month_ok(ctx, m):
        return None
    if not m["y"] and not m["wd"] and _aux().name_before.search(ctx.text, max(0, m.start() - 30), m.start()):
        return _Skip(m.end("m"))  # the whole name, month included, is not a date
    y = int(m["y"]) if m["y"] else None
    if m["ry"]:
        y = _rel_year(ctx, m["ry"])
        if y is None:
            return _expr(ctx, m, "date", granularity="day", anchor="reference", tense=_rel_tense(m["ry"]),
                         written=(int(m["d"]), _month(m["m"]), None), **_unresolved(NO_REFERENCE))
        e = _single(ctx, m, int(m["d"]), _month(m["m"]), y)
        return e and replace(e, anchor="reference", year_inferred=True, tense=e.tense or _rel_tense(m["ry"]),
                             written=(int(m["d"]), _month(m["m"]), None))
    return _single(ctx, m, int(m["d"]), _month(m["m"]), y)


def _h_iso(ctx, m):
    return _single(ctx, m, int(m["d"]), int(m["m"]), int(m["y"]))


def _h_num_date(ctx, m):
    before = ctx.text[max(0, m.start() - 4):m.start()].rstrip()
    if not _numeric_ok(m) or any(before.endswith(c) for c in _aux().currency):
        return None
    return _single(ctx, m, int(m["d"]), int(m["m"]), R.expand_year(m["y"]))


# ---------------------------------------------------------------------------------------------- months, years


def _rel_year(ctx: _Ctx, rel: str) -> int | None:
    if ctx.ref is None:
        return None
    w = norm(rel)
    a = _aux()
    if w in a.next_words:
        return ctx.ref.year + 1
    if w in a.last_words:
        return ctx.ref.year - 1
    return ctx.ref.year


def _rel_tense(rel: str | None) -> str | None:
    if not rel:
        return None
    w = norm(rel)
    a = _aux()
    return "future" if w in a.next_words else "past" if w in a.last_words else None


def _month_expr(ctx, m, mo: int, year: int | None, *, inferred: bool, tense=None, part=None):
    fields: dict = {"anchor": "reference" if inferred else "explicit", "year_inferred": inferred}
    if year is None:
        fields.update(_unresolved(NO_REFERENCE))
    else:
        fields["value"] = R.part_of_month(year, mo, part) if part else R.month_interval(year, mo)
    return _expr(ctx, m, "month", granularity="part" if part else "month", part=part, tense=tense,
                 written=(None, mo, None if inferred else year), **fields)


def _h_part_month(ctx, m):
    if _is_abbreviation(m["m"]) and not m["y"]:
        return None
    part = vocab().month_part_of[norm(m["p"])]
    mo = _month(m["m"])
    if m["y"]:
        return _month_expr(ctx, m, mo, int(m["y"]), inferred=False, part=part)
    if m["rel"]:
        return _month_expr(ctx, m, mo, _rel_year(ctx, m["rel"]), inferred=True, tense=_rel_tense(m["rel"]), part=part)
    tense = _lookback_tense(ctx.text, m.start())
    year = R.month_year_for(ctx.ref, mo, tense) if ctx.ref else None
    return _month_expr(ctx, m, mo, year, inferred=True, tense=tense, part=part)


def _year_expr(ctx, m, year: int | None, *, inferred: bool, tense=None, part=None, kind="year"):
    fields: dict = {"anchor": "reference" if inferred else "explicit"}
    if year is None:
        fields.update(_unresolved(NO_REFERENCE))
    else:
        fields["value"] = R.part_of_year(year, part) if part else R.year_interval(year)
    return _expr(ctx, m, kind, granularity="part" if part else "year", part=part, tense=tense,
                 written=(None, None, None if inferred else year), **fields)


def _h_part_year(ctx, m):
    part = vocab().month_part_of[norm(m["p"])]
    y = m["y"] or m["y2"]
    if y:
        return _year_expr(ctx, m, int(y), inferred=False, part=part)
    return _year_expr(ctx, m, _rel_year(ctx, m["rel"]), inferred=True, tense=_rel_tense(m["rel"]), part=part,
                      kind="relative")


def _h_part_relmonth(ctx, m):
    part = vocab().month_part_of[norm(m["p"])]
    fields: dict = {"anchor": "reference"}
    tense = _rel_tense(m["rel"])
    if ctx.ref is None:
        fields.update(_unresolved(NO_REFERENCE))
    else:
        shift = 1 if tense == "future" else -1 if tense == "past" else 0
        y, mo = R.add_months(ctx.ref.year, ctx.ref.month, shift)
        fields["value"] = R.part_of_month(y, mo, part)
    return _expr(ctx, m, "relative", granularity="part", part=part, tense=tense, **fields)


def _h_month_year(ctx, m):
    tense, _ = _tense(m, ctx.text)
    return _month_expr(ctx, m, _month(m["m"]), int(m["y"]), inferred=False, tense=tense)


def _h_month_relyear(ctx, m):
    return _month_expr(ctx, m, _month(m["m"]), _rel_year(ctx, m["rel"]), inferred=True, tense=_rel_tense(m["rel"]))


def _h_bulan_month(ctx, m):
    tense, _ = _tense(m, ctx.text)
    mo = _month(m["m"])
    year = R.month_year_for(ctx.ref, mo, tense) if ctx.ref else None
    return _month_expr(ctx, m, mo, year, inferred=True, tense=tense)


def _h_bare_month(ctx, m):
    before = _word_before(ctx.text, m.start())
    if before[:1].isupper() and norm(before) in _aux().number_words:
        return None  # "Universitas Sebelas Maret": a name
    return _h_bulan_month(ctx, m)


def _h_year_rel(ctx, m):
    return _year_expr(ctx, m, _rel_year(ctx, m["rel"]), inferred=True, tense=_rel_tense(m["rel"]), kind="relative")


def _h_year(ctx, m):
    y = int(m["y"])
    d = vocab().data["years"]
    if not d["first"] <= y <= d["last"]:
        return None
    if not m["tahun"] and norm(_word_before(ctx.text, m.start())) not in _aux().year_cues:
        return None
    tense, _ = _tense(m, ctx.text)
    return _year_expr(ctx, m, y, inferred=False, tense=tense)


# ---------------------------------------------------------------------------------------------- relative


def _ref_day(ctx: _Ctx, m, kind: str, offset_days: int, *, tense, granularity="day", part=None, **kw):
    if ctx.ref is None:
        return _expr(ctx, m, kind, granularity=granularity, tense=tense, anchor="reference",
                     time=_time(part), **_unresolved(NO_REFERENCE), **kw)
    day = ctx.ref + timedelta(days=offset_days)
    return _expr(ctx, m, kind, value=Interval(day, day), granularity=granularity, tense=tense,
                 anchor="reference", time=_time(part), **kw)


def _amount(m) -> float | None:
    if m.groupdict().get("se"):
        return 1.0
    return parse_number(m["n"]) if m["n"] else None


def _unit(word: str) -> str:
    w = norm(word)
    if w.startswith("se") and w not in vocab().unit_of:
        w = w[2:]
    return vocab().unit_of[w]


def _shifted(start: date, unit: str, n: int) -> tuple[Interval, str]:
    if unit == "days":
        d = start + timedelta(days=n)
        return Interval(d, d), "day"
    if unit == "weeks":
        d = start + timedelta(days=7 * n)
        return Interval(d, d), "day"
    if unit == "months":
        y, mo = R.add_months(start.year, start.month, n)
        return R.month_interval(y, mo), "month"
    if unit == "years":
        return R.year_interval(start.year + n), "year"
    return Interval(start, start), "day"  # hours, minutes: the same day


def _h_ago(ctx, m):
    if m["vq"]:  # "beberapa hari lalu": some time ago, not a date
        past = norm(m["dir"]) in _aux().last_words
        unit = vocab().unit_of.get(norm(m["vu"]), norm(m["vu"]))
        return _expr(ctx, m, "relative", tense="past" if past else "future", anchor="reference",
                     duration=Duration(unit, None), **_unresolved("vague amount"))
    n = _amount(m)
    if n is None or n != int(n) or n > 1000:
        return None
    unit = _unit(m["se"] or m["u"])
    sign = -1 if norm(m["dir"]) in _aux().last_words else 1
    tense = "past" if sign < 0 else "future"
    if ctx.ref is None:
        return _expr(ctx, m, "relative", tense=tense, anchor="reference", **_unresolved(NO_REFERENCE))
    value, gran = _shifted(ctx.ref, unit, sign * int(n))
    return _expr(ctx, m, "relative", value=value, granularity=gran, tense=tense, anchor="reference")


def _from_previous(ctx: _Ctx, m, *, offset: int = 0, unit: str = "days", use_end: bool = True, part=None,
                   kind="relative", time=None):
    time = time or _time(part)
    tense = "past" if offset < 0 else None
    if ctx.prev is None or ctx.prev.value is None:
        return _expr(ctx, m, kind, anchor="previous", tense=tense, time=time, **_unresolved(NO_PREVIOUS))
    base = ctx.prev.value.end if use_end else ctx.prev.value.start
    value, gran = _shifted(base, unit, offset)
    if unit in ("days", "weeks") and ctx.prev.granularity not in ("day", None):
        gran = ctx.prev.granularity
        value = ctx.prev.value if offset == 0 else value
    return _expr(ctx, m, kind, value=value, granularity=gran, anchor="previous", tense=tense, time=time)


def _h_prev_part(ctx, m):
    return _from_previous(ctx, m, part=_part(m), use_end=False)


def _h_prev_next(ctx, m):
    return _from_previous(ctx, m, offset=1)


def _h_prev_shift(ctx, m):
    n = _amount(m)
    if n is None:
        return None
    unit = _unit(m["se"] or m["u"])
    later = norm(m["dir"]) in _aux().later_words
    if unit in ("hours", "minutes"):
        return _from_previous(ctx, m, kind="time", use_end=True)
    if n != int(n):
        return None
    return _from_previous(ctx, m, offset=int(n) if later else -int(n), unit=unit, use_end=later)


def _is_sunday_cue(ctx, m, word_group: str) -> bool:
    return norm(_word_before(ctx.text, m.start())) in ("pada", "hari") and m[word_group][:1].isupper()


def _h_week_rel(ctx, m):
    unit = _unit(m["u"])
    if unit == "weeks" and norm(m["u"]) == "minggu" and _is_sunday_cue(ctx, m, "u"):
        return _weekday_rel(ctx, m, _weekday_index("Minggu"), m["rel"], None)
    tense = _rel_tense(m["rel"])
    shift = 1 if tense == "future" else -1 if tense == "past" else 0
    gran = "week" if unit == "weeks" else "month"
    if ctx.ref is None:
        return _expr(ctx, m, "relative", granularity=gran, tense=tense, anchor="reference", **_unresolved(NO_REFERENCE))
    if unit == "weeks":
        value = R.week_interval(ctx.ref + timedelta(days=7 * shift))
    else:
        value = R.month_interval(*R.add_months(ctx.ref.year, ctx.ref.month, shift))
    return _expr(ctx, m, "relative", value=value, granularity=gran, tense=tense, anchor="reference")


def _h_weekend(ctx, m):
    tense = _rel_tense(m["rel"]) if m["rel"] else _lookback_tense(ctx.text, m.start())
    fields: dict = {"anchor": "reference", "granularity": "part", "part": "akhir", "tense": tense}
    if ctx.ref is None:
        return _expr(ctx, m, "relative", **fields, **_unresolved(NO_REFERENCE))
    shift = 0
    if m["rel"]:
        shift = 1 if tense == "future" else -1 if tense == "past" else 0
    saturday = R.week_interval(ctx.ref + timedelta(days=7 * shift)).start + timedelta(days=5)
    return _expr(ctx, m, "relative", value=Interval(saturday, saturday + timedelta(days=1)), **fields)


def _h_day_rel(ctx, m):
    words = norm(m["rd"])
    offset = vocab().relative_days.get(words, 0)
    tense = "past" if offset < 0 else "future" if offset > 0 else None
    return _ref_day(ctx, m, "relative", offset, tense=tense, part=_part(m))


def _weekday_rel(ctx, m, index: int, rel: str | None, part: str | None):
    a = _aux()
    if rel:
        w = norm(rel)
        direction = "next" if w in a.next_words else "last" if w in a.last_words else "this"
        tense = "future" if direction == "next" else "past" if direction == "last" else None
    else:
        tense = _lookback_tense(ctx.text, m.start())
        direction = "next" if tense == "future" else "past"
    if ctx.ref is None:
        return _expr(ctx, m, "relative", granularity="day", tense=tense, anchor="reference", time=_time(part),
                     **_unresolved(NO_REFERENCE))
    day = R.weekday_near(ctx.ref, index, direction)
    return _expr(ctx, m, "relative", value=Interval(day, day), granularity="day", tense=tense,
                 anchor="reference", time=_time(part))


def _joined_to_weekday(ctx: _Ctx, start: int) -> bool:
    """True for the second weekday of "pada Sabtu dan Minggu": joined to a weekday expression just before."""
    if not ctx.found:
        return False
    last = ctx.found[-1]
    gap = ctx.text[last.end:start]
    return (len(gap) <= 8 and norm(gap.strip()) in _aux().joiners and last.kind == "relative"
            and last.granularity == "day" and norm(last.text.split()[0]) in vocab().weekday_of)


def _h_wd_span(ctx, m):
    return _Skip(m.end())  # "Senin hingga Jumat" without dates: a habitual span, not a date


def _h_wd_rel(ctx, m):
    a = _aux()
    form = m["wd"]
    before = norm(_word_before(ctx.text, m.start()))
    if norm(form) == "minggu" and form[0].islower() and before != "hari":
        return None
    if not m["rel"] and not m["part"]:
        if norm(_word_after(ctx.text, m.end())) in a.programme:
            return None
        if before not in a.weekday_cues and not _joined_to_weekday(ctx, m.start()):
            return None
    return _weekday_rel(ctx, m, _weekday_index(form), m["rel"], _part(m))


# ---------------------------------------------------------------------------------------------- times


def _clock(m) -> str | None:
    h, mi = int(m["h"]), int(m["mi"] or 0)
    if h > 24 or mi > 59:
        return None
    out = f"{h:02d}:{mi:02d}"
    if m["h2"]:
        h2, mi2 = int(m["h2"]), int(m["mi2"])
        if h2 > 24 or mi2 > 59:
            return None
        out += f"-{h2:02d}:{mi2:02d}"
    return out


def _same_sentence_day(ctx: _Ctx, start: int) -> TimeExpression | None:
    p = ctx.prev
    if p is None or p.value is None or p.granularity not in ("day",):
        return None
    if SENTENCE_END.search(ctx.text, p.end, start):
        return None
    return p


def _time_expr(ctx: _Ctx, m, clock: ClockTime):
    rel = norm(m["rel"]) if m.groupdict().get("rel") else None
    offsets = vocab().relative_days
    if rel in offsets:
        return _clock_on_ref(ctx, m, clock, offsets[rel])
    if rel in _aux().later_words:
        return _from_previous(ctx, m, kind="time", time=clock)
    host = _same_sentence_day(ctx, m.start())
    if host is not None:
        return _expr(ctx, m, "time", value=host.value, granularity="day", anchor=host.anchor, tense=host.tense,
                     time=clock)
    return _clock_on_ref(ctx, m, clock, 0)


def _clock_on_ref(ctx, m, clock: ClockTime, offset: int):
    tense = "past" if offset < 0 else "future" if offset > 0 else _lookback_tense(ctx.text, m.start())
    if ctx.ref is None:
        return _expr(ctx, m, "time", anchor="reference", tense=tense, time=clock, **_unresolved(NO_REFERENCE))
    day = ctx.ref + timedelta(days=offset)
    return _expr(ctx, m, "time", value=Interval(day, day), granularity="day", anchor="reference", tense=tense,
                 time=clock)


def _twelve_hour(clock: str, part: str | None) -> str:
    """The 24-hour clock of a 12-hour time read with its part of day ("09:00" malam -> "21:00")."""
    span = vocab().data["time"]["afternoon_hours"].get(part or "")
    if not span:
        return clock
    out = []
    for hm in clock.split("-"):
        h, mi = hm.split(":")
        hour = int(h)
        if span[0] <= hour <= span[1]:
            hour += 12
        elif part == "malam" and hour == 12:
            hour = 0
        out.append(f"{hour:02d}:{mi}")
    return "-".join(out)


def _h_clock(ctx, m):
    clock = _clock(m)
    if clock is None:
        return None
    clock = _twelve_hour(clock, _part(m))
    word = norm(m["w"])
    if word == "jam" and not (m["mi"] or m["zone"] or m["part"] or m["local"]):
        return None
    return _time_expr(ctx, m, ClockTime(clock, m["zone"], _part(m), bool(m["local"])))


def _h_bare_clock(ctx, m):
    clock = _clock(m)
    if clock is None:
        return None
    return _time_expr(ctx, m, ClockTime(clock, m["zone"], None, bool(m["local"])))


def _h_part_alone(ctx, m):
    part = _part(m)
    pre, post = m["pre"], m["post"]
    before = norm(_word_before(ctx.text, m.start()))
    inherent = norm(m["part"]) in ("dini hari", "tengah malam")
    if not (pre or post or inherent or before in _aux().part_cues):
        return None
    clock = ClockTime(part=part)
    if pre or (post and norm(post) == "ini"):
        offset = 0
        return _clock_on_ref(ctx, m, clock, offset)
    host = _same_sentence_day(ctx, m.start())
    if host is not None:
        return _expr(ctx, m, "time", value=host.value, granularity="day", anchor="previous", tense=host.tense,
                     time=clock)
    if post and norm(post) == "itu":
        return _from_previous(ctx, m, kind="time", time=clock, use_end=False)
    return _clock_on_ref(ctx, m, clock, 0)


# ---------------------------------------------------------------------------------------------- lengths, sets


def _h_duration(ctx, m):
    if m["vq"]:
        unit = m["vu"]
        key = norm(unit)
        dur = Duration(vocab().unit_of.get(key, key), None)
    else:
        n = _amount(m)
        if n is None or n <= 0:
            return None
        dur = Duration(_unit(m["se"] or m["u"]), n)
        if dur.unit == "years" and _YEAR_NEXT.match(ctx.text, m.end()):
            return None  # "Nomor 20 Tahun 2001": a law's number and year
    tense = "future" if m["fwd"] else None
    return _expr(ctx, m, "duration", duration=dur, tense=tense, anchor="explicit")


def _h_redup(ctx, m):
    word = norm(m["rep"])[3:].split("-")[0]
    return _expr(ctx, m, "duration", duration=Duration(vocab().unit_of[word], None))


def _h_set(ctx, m):
    if m["ev2"]:
        n = parse_number(m["n2"])
        return _expr(ctx, m, "set", duration=Duration(_unit(m["u2"]), n)) if n else None
    if m["per2"]:
        return _expr(ctx, m, "set", duration=Duration(_unit(m["per2"]), 1))
    if m["ev"]:
        what = m["what"]
        key = norm(what)
        if key in vocab().weekday_of:
            if key == "minggu" and what[0].islower():
                return _expr(ctx, m, "set", duration=Duration("weeks", 1))
            return _expr(ctx, m, "set", duration=Duration("weeks", 1), weekday=WeekdayCheck(_weekday_name(vocab().weekday_of[key]), None, None))
        if key in vocab().part_of_day:
            return _expr(ctx, m, "set", duration=Duration("days", 1), time=ClockTime(part=vocab().part_of_day[key]))
        return _expr(ctx, m, "set", duration=Duration(_unit(key), 1))
    return _expr(ctx, m, "set", duration=Duration(_unit(m["per"]), 1))


_HANDLERS = {name[3:]: fn for name, fn in globals().items() if name.startswith("_h_")}


# ---------------------------------------------------------------------------------------------- entry


def find_dates(text: str, reference: date | None = None) -> list[TimeExpression]:
    """Every time expression in `text`, sorted by start, non-overlapping, resolved against `reference`."""
    if not text or not isinstance(text, str):
        return []
    if isinstance(reference, datetime):
        reference = reference.date()
    g = grammar()
    ctx = _Ctx(text=text, ref=reference)
    pos = 0
    digit_match, word_match, word_scanners = g.digit_scanner.match, g.word_scanner.match, g.word_scanners
    lower = text.lower()
    starts = g.starts.finditer(lower) if len(lower) == len(text) else g.starts_any_case.finditer(text)
    for candidate in starts:
        start = candidate.start()
        if start < pos:
            continue
        if start > 1 and text[start - 1] == "-" and text[start - 2].isalpha() and not text[start].isdigit():
            continue  # the second half of a reduplication: "tahun-tahun", "hari-hari"
        digit = text[start].isdigit()
        if digit:
            m = digit_match(text, start)
        else:
            scanner = word_scanners.get(text[start:candidate.end()].lower())
            m = (scanner.match if scanner is not None else word_match)(text, start)
        if m is None:
            continue
        expr = None
        try:
            full = (g.digit_branches if digit else g.branches)[m.lastgroup].match(text, start)
            if full is not None:
                expr = _HANDLERS[m.lastgroup](ctx, full)
        except Exception:  # one odd match must never stop the scan of a whole archive
            expr = None
        if expr is None:
            continue
        if isinstance(expr, _Skip):
            pos = expr.end
            continue
        ctx.found.append(expr)
        if expr.value is not None and expr.kind not in ("duration", "set"):
            ctx.prev = expr
        pos = expr.end
    return ctx.found


def weekday_name(day: date) -> str:
    """The Indonesian name of a date's weekday ("Senin" ... "Minggu")."""
    return _weekday_name(day.weekday())
