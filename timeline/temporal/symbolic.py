"""Symbolic time values: what an expression says before any reference date is chosen.

Recognition (`recognize.py`) turns each match into a `Mark` holding one of these values; the anchoring
policy (`anchor.py`) decides what each is resolved against; `resolve.py` does the arithmetic. A partly
known date keeps its unknown fields unknown (ctparse's `2019-X-X`): `Day(17, 8, None)` is "17 August of
a year still to be chosen", `Shift("days", 1)` is "besok", one day after an anchor still to be chosen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Union

from timeline.model import ClockTime, Duration


@dataclass(frozen=True, slots=True)
class Day:
    """A written day and month; `year` None = unknown (nearest the anchor, in the tense's direction),
    `year_shift` = the year named relative to the anchor ("17 Agustus tahun lalu" -> -1)."""

    day: int
    month: int
    year: int | None
    year_shift: int | None = None
    shift_tense: str | None = None  # the tense the year word carries ("tahun lalu" -> past)

    @property
    def explicit(self) -> bool:
        """Written in full: needs no anchor."""
        return self.year is not None and self.year_shift is None


@dataclass(frozen=True, slots=True)
class Span:
    """A written range of days ("18-22 Oktober"); the last day's year follows the first's when unknown."""

    first: Day
    last: Day

    @property
    def explicit(self) -> bool:
        """Written in full: needs no anchor."""
        return self.first.year is not None


@dataclass(frozen=True, slots=True)
class Month:
    """A month (or part of one); `year` None and `year_shift` None = the year its tense points to."""

    month: int
    year: int | None
    year_shift: int | None = None

    @property
    def explicit(self) -> bool:
        """Written in full: needs no anchor."""
        return self.year is not None


@dataclass(frozen=True, slots=True)
class Year:
    """A year (or part of one): written, or relative to the anchor ("tahun depan" -> shift 1)."""

    year: int | None
    year_shift: int | None = None

    @property
    def explicit(self) -> bool:
        """Written in full: needs no anchor."""
        return self.year is not None


@dataclass(frozen=True, slots=True)
class Shift:
    """`n` units from the anchor day ("tiga hari lalu" -> days, -3; "besok" -> days, 1)."""

    unit: str
    n: int

    explicit = False


@dataclass(frozen=True, slots=True)
class WeekShift:
    """The ISO week `n` weeks from the anchor's ("pekan depan" -> 1)."""

    n: int

    explicit = False


@dataclass(frozen=True, slots=True)
class MonthShift:
    """The month `n` months from the anchor's ("bulan lalu" -> -1), or a part of it."""

    n: int

    explicit = False


@dataclass(frozen=True, slots=True)
class Weekend:
    """Saturday-Sunday of the anchor's week shifted by `n` weeks ("akhir pekan lalu" -> -1)."""

    n: int

    explicit = False


@dataclass(frozen=True, slots=True)
class Weekday:
    """A weekday (Monday = 0) near the anchor: past/future include it, last/next exclude it, this = same
    week, near = the nearest (ties forward). `bare`: no relative word came with it ("pada Kamis"), so a
    narrative may anchor it; `demonstrative`: "Jumat itu", the Friday the narrative is about."""

    index: int
    direction: str
    bare: bool = False
    demonstrative: bool = False

    explicit = False


@dataclass(frozen=True, slots=True)
class WeekdayOfWeek:
    """A weekday of the week `n` weeks from the anchor's ("Kamis pekan depan" -> Thursday, 1)."""

    index: int
    n: int

    explicit = False


@dataclass(frozen=True, slots=True)
class MonthSpan:
    """Written months of one year ("Januari-Juni 2017"); `year` None = the anchor's, as for a month."""

    first: int
    last: int
    year: int | None = None

    @property
    def explicit(self) -> bool:
        """Written in full: needs no anchor."""
        return self.year is not None


@dataclass(frozen=True, slots=True)
class Holiday:
    """A holiday ("lebaran 2017", "Natal", "H-2 lebaran"): its day (or period) in a written year or the
    year nearest the anchor, `offset` days from it."""

    key: str
    year: int | None = None
    offset: int = 0

    @property
    def explicit(self) -> bool:
        """Written in full: needs no anchor."""
        return self.year is not None


@dataclass(frozen=True, slots=True)
class HolidayOffset:
    """"H-2" alone: `offset` days from the last holiday the text named."""

    offset: int

    explicit = False


@dataclass(frozen=True, slots=True)
class Dateline:
    """A wire-agency dateline weekday closing a clause ("..., kata Basri di Bontang, Senin."): the latest
    such weekday on or before the reference, the day of the report."""

    index: int

    explicit = False


@dataclass(frozen=True, slots=True)
class MonthDay:
    """A day of the month alone ("tanggal 17", "tanggal 17 lalu", "pada 3 nanti"): the nearest such day to
    the anchor, in the direction of the tense."""

    day: int

    explicit = False


@dataclass(frozen=True, slots=True)
class Quarter:
    """A quarter (`size` 3 months) or half (`size` 6) of a year: written, shifted from the anchor's year,
    or (both None) the anchor's year as the tense points."""

    n: int
    size: int
    year: int | None = None
    year_shift: int | None = None

    @property
    def explicit(self) -> bool:
        """Written in full: needs no anchor."""
        return self.year is not None


@dataclass(frozen=True, slots=True)
class QuarterShift:
    """The quarter `n` quarters from the anchor's ("kuartal lalu" -> -1, "kuartal ini" -> 0)."""

    n: int

    explicit = False


@dataclass(frozen=True, slots=True)
class Season:
    """A season (TimeML code SP, SU, FA, WI) of a written year, of a year shifted from the anchor's, or
    of the anchor's year."""

    code: str
    year: int | None = None
    year_shift: int | None = None

    @property
    def explicit(self) -> bool:
        """Written in full: needs no anchor."""
        return self.year is not None


@dataclass(frozen=True, slots=True)
class Decade:
    """A decade ("tahun 80-an", "era 1990-an"): its first year."""

    start: int

    explicit = True


@dataclass(frozen=True, slots=True)
class YearSpan:
    """Written consecutive years ("2017-2018", "IBL 2017/2018")."""

    first: int
    last: int

    explicit = True


@dataclass(frozen=True, slots=True)
class Anaphor:
    """"saat itu", "ketika itu", "hari itu": the last date the text established, at its own granularity
    (`unit` None) or a day; with none established a past reference (or nothing, with `drop`)."""

    unit: str | None = None
    drop: bool = False

    explicit = False


@dataclass(frozen=True, slots=True)
class Period:
    """The period of the last date the text established, shifted: "bulan sebelumnya" (months, -1),
    "hari yang sama" (days, 0), "periode yang sama tahun lalu" (None = that date's own granularity, 0,
    years -1)."""

    unit: str | None
    n: int = 0
    years: int = 0

    explicit = False


@dataclass(frozen=True, slots=True)
class Previous:
    """Relative to the last expression with a calendar value ("dua hari kemudian", "keesokan harinya")."""

    n: int = 0
    unit: str = "days"
    use_end: bool = True

    explicit = False


@dataclass(frozen=True, slots=True)
class StoryDay:
    """A clock time or part of day with no day of its own: the day the story has established (the last
    day expression before it), else `fallback`."""

    fallback: Union[Shift, Previous]

    explicit = False


Symbol = Union[Day, Span, Month, Year, Shift, WeekShift, MonthShift, Weekend, Weekday, Previous, StoryDay,
               Dateline, Holiday, HolidayOffset, WeekdayOfWeek, MonthSpan, MonthDay, Quarter, QuarterShift, Season, Decade, YearSpan, Anaphor, Period]


@dataclass(slots=True)
class Mark:
    """One recognized expression: its span, what it says (`value`, None when it needs no anchor: lengths,
    recurrences, vague amounts) and what is known without a reference date.

    Not frozen only because a frozen dataclass costs four times as much to build and a text has many
    marks; nothing changes a mark after recognition.
    """

    text: str
    start: int
    end: int
    kind: str
    value: Symbol | None = None
    granularity: str | None = None
    weekday: str | None = None  # the weekday stated next to a date (canonical name)
    weekday2: str | None = None  # ... next to the end of a range
    tense: str | None = None
    tense_at: int | None = None  # where the clause word giving `tense` begins (None: written right after)
    time: ClockTime | None = None
    part: str | None = None
    duration: Duration | None = None
    written: tuple[int | None, int | None, int | None] | None = None
    note: str | None = None
    valid: bool = True
    resolved: bool = True
    anchor: str = "explicit"  # the anchor reported when `value` is None
    approximate: bool = False
    apposition: "Mark | None" = None  # a relative day read with this date ("besok, Selasa (12/9/2023)")

    def but(self, **changes) -> "Mark":
        """A copy with `changes`: what `dataclasses.replace` makes, built from the fields in order (replace
        inspects the class on every call, six times the cost)."""
        new = Mark(*_mark_fields(self))
        for name, value in changes.items():
            setattr(new, name, value)
        return new


_mark_fields = attrgetter(*(f.name for f in fields(Mark)))


_SENTENCE_END = re.compile(r"[.!?\n](?:\s|$)")


@dataclass(frozen=True, slots=True)
class Recognition:
    """The marks of one text, in order, with the text they were read from (the anchoring policy asks it
    about the words between two marks) and, as the scan made it, the text lower-cased where that keeps
    every offset ("" when not given)."""

    text: str
    marks: tuple[Mark, ...]
    lower: str = field(default="", repr=False, compare=False)

    def __iter__(self):
        return iter(self.marks)

    def __len__(self) -> int:
        return len(self.marks)

    def sentence_ends_between(self, lo: int, hi: int) -> bool:
        """Whether a sentence ends in text[lo:hi]."""
        return _SENTENCE_END.search(self.text, lo, hi) is not None
