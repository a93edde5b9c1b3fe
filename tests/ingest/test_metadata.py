"""Metadata dates as newsrooms write them: the calendar day, and the clock and zone kept as the
article's reference time (Article.published_at)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from timeline.ingest import parse_article
from timeline.ingest.metadata import load_table, parse_metadata_date, parse_metadata_datetime

WIB = timezone(timedelta(hours=7), "WIB")
WITA = timezone(timedelta(hours=8), "WITA")
WIT = timezone(timedelta(hours=9), "WIT")
PLUS7 = timezone(timedelta(hours=7))


def _unique(rows):
    keys = [r[0] for r in rows]
    assert len(keys) == len(set(keys)), "duplicate rows in a test table"
    return rows


# value as written, the day, the date and time (None: no clock written)
METADATA = _unique([
    ("Senin, 21 Okt 2025 14:30 WIB", date(2025, 10, 21), datetime(2025, 10, 21, 14, 30, tzinfo=WIB)),
    ("21/10/2025 14:30", date(2025, 10, 21), datetime(2025, 10, 21, 14, 30)),
    ("2025-10-21T14:30:00+07:00", date(2025, 10, 21), datetime(2025, 10, 21, 14, 30, tzinfo=PLUS7)),
    ("21 Oktober 2025", date(2025, 10, 21), None),
    ("1761031800", date(2025, 10, 21), datetime(2025, 10, 21, 14, 30, tzinfo=WIB)),
    ("1761031800000", date(2025, 10, 21), datetime(2025, 10, 21, 14, 30, tzinfo=WIB)),
    ("1761066000", date(2025, 10, 22), datetime(2025, 10, 22, 0, 0, tzinfo=WIB)),  # 17:00 UTC is the next day in WIB
    ("2023-09-12", date(2023, 9, 12), None),
    ("2023-09-12T09:15:00+07:00", date(2023, 9, 12), datetime(2023, 9, 12, 9, 15, tzinfo=PLUS7)),
    ("2023-09-12 23:30:00", date(2023, 9, 12), datetime(2023, 9, 12, 23, 30)),
    ("2023-09-12T23:30:00Z", date(2023, 9, 12), datetime(2023, 9, 12, 23, 30, tzinfo=timezone.utc)),
    ("2023-09-12 23:30:00 WIB", date(2023, 9, 12), datetime(2023, 9, 12, 23, 30, tzinfo=WIB)),
    ("Selasa, 12 September 2023 09:15 WIB", date(2023, 9, 12), datetime(2023, 9, 12, 9, 15, tzinfo=WIB)),
    ("Kamis, 25 April 2024 | 10:00 WITA", date(2024, 4, 25), datetime(2024, 4, 25, 10, 0, tzinfo=WITA)),
    ("Rabu, 13/09/2023 10:15 WITA", date(2023, 9, 13), datetime(2023, 9, 13, 10, 15, tzinfo=WITA)),
    ("Jumat, 5 Jan 2024 - 08.45 WIT", date(2024, 1, 5), datetime(2024, 1, 5, 8, 45, tzinfo=WIT)),
    ("21 Okt 2025 pukul 14.30 WITA", date(2025, 10, 21), datetime(2025, 10, 21, 14, 30, tzinfo=WITA)),
    ("Minggu, 03 Mar 2024, 19:05 (WIB)", date(2024, 3, 3), datetime(2024, 3, 3, 19, 5, tzinfo=WIB)),
    ("2023/09/14 16:05:00", date(2023, 9, 14), datetime(2023, 9, 14, 16, 5)),
    ("2025-10-21 14:30 +0700", date(2025, 10, 21), datetime(2025, 10, 21, 14, 30, tzinfo=PLUS7)),
    ("14-09-2023", date(2023, 9, 14), None),
    ("12/09/2023", date(2023, 9, 12), None),
    ("12 Sept 2023", date(2023, 9, 12), None),
    ("1 Agu 2024", date(2024, 8, 1), None),
    ("Sep 12, 2023", date(2023, 9, 12), None),
    ("Wednesday, 13 September 2023", date(2023, 9, 13), None),
    ("10/21/2025", date(2025, 10, 21), None),  # month first only because day first is impossible
    ("31/02/2023", None, None),
    ("kemarin", None, None),
    ("3 hari lalu", None, None),
    ("", None, None),
])


@pytest.mark.parametrize("text, day, at", METADATA, ids=[r[0] or "empty" for r in METADATA])
def test_metadata_date_and_time(text, day, at):
    found = parse_metadata_datetime(text)
    assert (found.day if found else None) == day
    assert (found.at if found else None) == at
    if at is not None and at.tzinfo is not None:
        assert found.at.utcoffset() == at.utcoffset()
    assert parse_metadata_date(text) == day


def test_zone_names_are_kept():
    assert parse_metadata_datetime("Senin, 21 Okt 2025 14:30 WITA").at.tzname() == "WITA"


@pytest.mark.parametrize("month, names", list(enumerate(load_table()["months"], 1)))
def test_every_month_name_is_read(month, names):
    for name in names:
        assert parse_metadata_date(f"7 {name} 2024") == date(2024, month, 7), name


@pytest.mark.parametrize("weekday", load_table()["weekdays"])
def test_every_weekday_name_may_open_the_value(weekday):
    assert parse_metadata_date(f"{weekday.capitalize()}, 7 Mei 2024") == date(2024, 5, 7)


@pytest.mark.parametrize("word", load_table()["clock_words"])
def test_every_clock_word_joins_date_and_time(word):
    assert parse_metadata_datetime(f"7 Mei 2024 {word} 09.30").at == datetime(2024, 5, 7, 9, 30)


@pytest.mark.parametrize("zone, hours", load_table()["zones"].items())
def test_every_zone_gives_its_offset(zone, hours):
    at = parse_metadata_datetime(f"7 Mei 2024 09:30 {zone}").at
    assert at.utcoffset() == timedelta(hours=hours)


def test_values_from_yaml_and_numbers():
    assert parse_metadata_date(date(2023, 9, 12)) == date(2023, 9, 12)
    assert parse_metadata_datetime(datetime(2023, 9, 12, 9, 15)).at == datetime(2023, 9, 12, 9, 15)
    assert parse_metadata_date(20230912) is None  # not a plausible Unix time
    assert parse_metadata_datetime(1761031800).at == datetime(2025, 10, 21, 14, 30, tzinfo=WIB)
    assert parse_metadata_date(True) is None


def test_article_keeps_the_metadata_time_beside_the_day():
    data = b'{"text": "Camat meninjau pasar.", "date": "Senin, 21 Okt 2025 14:30 WIB"}'
    (article,), problems = parse_article("berita.json", data)
    assert problems == []
    assert (article.published, article.published_source) == (date(2025, 10, 21), "metadata")
    assert article.published_at == datetime(2025, 10, 21, 14, 30, tzinfo=WIB)


def test_article_without_a_clock_has_no_time():
    (article,), _ = parse_article("berita.md", b"---\ndate: 21 Oktober 2025\n---\nCamat meninjau pasar.\n")
    assert (article.published, article.published_at) == (date(2025, 10, 21), None)
