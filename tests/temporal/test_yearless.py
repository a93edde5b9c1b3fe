"""Which year a day and month written without one take: the publication year, or across New Year."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.temporal.days import yearless_date
from timeline.temporal import find_dates

# (publication date, day, month, tense, expected date)
CASES = [
    # in the publication year, also half a year away: "Kamis (16/2)" in a story crawled in late August
    (date(2017, 8, 28), 16, 2, None, date(2017, 2, 16)),
    (date(2016, 9, 16), 1, 3, None, date(2016, 3, 1)),
    (date(2017, 5, 6), 23, 11, None, date(2017, 11, 23)),
    (date(2017, 12, 31), 30, 12, None, date(2017, 12, 30)),
    (date(2017, 12, 31), 28, 12, None, date(2017, 12, 28)),
    # across New Year, the nearest occurrence
    (date(2018, 1, 3), 29, 12, None, date(2017, 12, 29)),
    (date(2017, 12, 28), 3, 1, None, date(2018, 1, 3)),
    (date(2017, 12, 12), 13, 4, None, date(2018, 4, 13)),
    (date(2017, 5, 11), 25, 12, None, date(2016, 12, 25)),
    # ... in the direction the tense points
    (date(2017, 5, 6), 11, 11, "future", date(2017, 11, 11)),
    (date(2017, 11, 10), 15, 4, "future", date(2018, 4, 15)),
    (date(2023, 12, 28), 3, 1, "future", date(2024, 1, 3)),
    (date(2024, 1, 5), 28, 12, "past", date(2023, 12, 28)),
    (date(2017, 7, 18), 2, 12, "past", date(2016, 12, 2)),
    # a tense a little off (the publication date is often a day late) does not throw a date a year away
    (date(2018, 1, 11), 10, 1, "future", date(2018, 1, 10)),
    (date(2023, 9, 13), 20, 8, "future", date(2023, 8, 20)),
    (date(2023, 3, 1), 3, 3, "past", date(2023, 3, 3)),
    # 29 February outside a leap year: the leap year beside it
    (date(2017, 3, 5), 29, 2, None, date(2016, 2, 29)),
    (date(2019, 12, 20), 29, 2, None, date(2020, 2, 29)),
]


def test_cases_are_unique():
    assert len({c[:4] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("published,day,month,tense,expected", CASES,
                         ids=[f"{c[0]}:{c[1]}/{c[2]}:{c[3]}" for c in CASES])
def test_yearless_date(published, day, month, tense, expected):
    assert yearless_date(published, month, day, tense) == expected


def test_a_stated_weekday_does_not_move_the_year():
    # 30/12/2017 is a Saturday; "Jumat" fits 2016, which must not be chosen
    (e,) = find_dates("Novelis itu meninggal dunia pada Jumat (30/12).", date(2017, 12, 31))
    assert e.value.start == date(2017, 12, 30)
    assert e.weekday.ok is False
