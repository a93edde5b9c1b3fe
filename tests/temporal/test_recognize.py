"""Recognition is symbolic (no reference date), anchoring and resolution come after it, and the publication
date is read from the same recognition pass the extraction resolves."""

from __future__ import annotations

import json
from datetime import date

import pytest

from temporal_helpers import assert_unique
from timeline.ingest import parse_article
from timeline.ingest.published import publication_date
from timeline.temporal import find_dates, recognize, resolve
from timeline.temporal.symbolic import (
    Day, Month, MonthShift, Previous, StoryDay, Shift, Span, Weekday, WeekShift, Weekend, Year,
)
from timeline.temporal.vocab import vocab

REF = date(2023, 9, 13)

# (text, expression, its symbolic value as recognized, without any reference date)
SYMBOLIC = [
    ("Upacara digelar 17 Agustus di lapangan.", "17 Agustus", Day(17, 8, None)),
    ("Upacara digelar Kamis (17/8/2023) di lapangan.", "Kamis (17/8/2023)", Day(17, 8, 2023)),
    ("Peringatan 17 Agustus tahun lalu berlangsung meriah.", "17 Agustus tahun lalu", Day(17, 8, None, -1, "past")),
    ("Forum berlangsung 18-22 Oktober di Incheon.", "18-22 Oktober", Span(Day(18, 10, None), Day(22, 10, None))),
    ("Harga naik sejak bulan Mei lalu.", "Mei lalu", Month(5, None)),
    ("Proyek selesai pada Desember tahun depan.", "Desember tahun depan", Month(12, None, 1)),
    ("Anggaran disusun sejak tahun 2021.", "2021", Year(2021)),
    ("Target itu berlaku tahun depan.", "tahun depan", Year(None, 1)),
    ("Rombongan berangkat besok pagi.", "besok pagi", Shift("days", 1)),
    ("Kasus itu terjadi tiga hari lalu.", "tiga hari lalu", Shift("days", -3)),
    ("Rapat digelar pada Kamis di aula.", "Kamis", Weekday(3, "past", bare=True)),
    ("Rapat akan digelar pada Kamis di aula.", "Kamis", Weekday(3, "next", bare=True)),
    ("Kunjungan dilanjutkan pekan depan.", "pekan depan", WeekShift(1)),
    ("Laporan disampaikan bulan lalu.", "bulan lalu", MonthShift(-1)),
    ("Warga berkumpul akhir pekan lalu.", "akhir pekan lalu", Weekend(-1)),
    ("Tim tiba Senin (18/9/2023). Dua hari kemudian tim pulang.", "Dua hari kemudian", Previous(2, "days", True)),
    ("Tim tiba Senin (18/9/2023). Keesokan harinya tim pulang.", "Keesokan harinya", Previous(1)),
    ("Petugas tiba pukul 03.40 WITA.", "pukul 03.40 WITA", StoryDay(Shift("days", 0))),
    ("Petugas tiba pukul 03.40 WITA kemudian.", "pukul 03.40 WITA kemudian", Previous()),
    ("Warga melapor pukul 09.00 kemarin.", "pukul 09.00 kemarin", Shift("days", -1)),
]
assert_unique(SYMBOLIC)


@pytest.mark.parametrize("text,expression,value", SYMBOLIC)
def test_recognition_keeps_what_is_unknown_unknown(text, expression, value):
    (mark,) = [m for m in recognize(text) if m.text == expression]
    assert mark.value == value


@pytest.mark.parametrize("text,expression,value", SYMBOLIC)
def test_find_dates_is_resolve_of_recognize(text, expression, value):
    for ref in (REF, None):
        assert resolve(recognize(text), ref) == find_dates(text, ref)


def test_lengths_and_recurrences_need_no_anchor():
    marks = {m.text: m for m in recognize("Rapat berlangsung selama tiga hari, setiap Senin.")}
    assert marks["selama tiga hari"].value is None and marks["setiap Senin"].value is None


def test_one_recognition_resolves_against_any_reference():
    text = "Rombongan berangkat besok ke Makassar."
    recognized = recognize(text)
    assert resolve(recognized, date(2023, 9, 13))[0].value.start == date(2023, 9, 14)
    assert resolve(recognized, date(2024, 2, 28))[0].value.start == date(2024, 2, 29)
    assert resolve(recognized, None)[0].value is None


def test_a_clock_time_takes_the_day_the_story_established():
    text = "Kebakaran terjadi Sabtu (14/10/2023). Petugas tiba pukul 03.40 WITA."
    clock = resolve(recognize(text), date(2023, 10, 16))[-1]
    assert clock.value.start == date(2023, 10, 14) and clock.anchor == "narrative" and clock.anchor_span == (18, 36)
    text = "Petugas tiba pukul 03.40 WITA."
    clock = resolve(recognize(text), date(2023, 10, 16))[-1]
    assert clock.value.start == date(2023, 10, 16) and clock.anchor == "reference"


LEDE = ("Infokaltim.id, Bontang - Wali Kota Bontang Basri Rase meninjau pasar, Selasa (12/9/2023).\n"
        "Ia dijadwalkan kembali ke pasar itu besok.\n")


def test_publication_date_is_read_from_the_recognized_marks():
    recognized = recognize(LEDE)
    assert publication_date(LEDE, None, recognized) == (date(2023, 9, 12), "dateline")
    assert publication_date(LEDE, None) == (date(2023, 9, 12), "dateline")


def test_a_future_marked_date_is_not_the_publication_date():
    text = "SAMARINDA - Rapat akan digelar pada Senin (18/9/2023) di balai kota.\n"
    assert publication_date(text, None, recognize(text)) == (None, None)


def test_reading_an_article_recognizes_its_text_once_for_both_uses():
    data = json.dumps({"title": "Pasar", "text": LEDE}).encode()
    (article,), _ = parse_article("a.json", data)
    assert article.published == date(2023, 9, 12) and article.published_source == "dateline"
    assert article.time_marks is not None and article.time_marks.text == article.text
    assert [e.value.start for e in resolve(article.time_marks, article.published)] == [
        date(2023, 9, 12), date(2023, 9, 13)]


def test_a_metadata_date_leaves_recognition_to_extraction():
    data = json.dumps({"title": "Pasar", "text": LEDE, "date": "2023-09-12"}).encode()
    (article,), _ = parse_article("a.json", data)
    assert article.published_source == "metadata" and article.time_marks is None


# every word moved out of the code into lang/id/temporal.toml, each with a case that runs
T = vocab().data["time"]
MOVED = (
    [(f"Rapat pukul 09.00 {w} 12.00 WIB di aula.", f"pukul 09.00 {w} 12.00 WIB") for w in T["clock_range_words"]]
    + [(f"Warga datang {w} pukul 10.00 WIB ke kantor.", f"{w} pukul 10.00 WIB") for w in T["clock_approx"]]
    + [(f"Warga datang pukul 10.00 {w} ke kantor.", f"pukul 10.00 {w}") for w in T["clock_after"]]
    + [(f"Warga datang {w} pagi ke kantor.", f"{w} pagi") for w in T["part_deictic"]]
    + [(f"Gempa terjadi {w} di pesisir.", w) for w in T["part_inherent"]]
    + [(f"Rapat digelar Senin, {w} 18 September 2023.", f"Senin, {w} 18 September 2023")
       for w in vocab().data["weekdays"]["date_words"]]
    + [(f"Pemeriksaan sekali {w} sebulan di puskesmas.", f"sekali {w} sebulan") for w in vocab().data["sets"]["per"]]
    # the classifier makes a bare year a year, and is left out of the span (fixtures/gold conventions)
    + [(f"Anggaran naik {w} 2021.", "2021") for w in vocab().data["years"]["word"]]
    + [(f"Harga naik sejak {w} Mei di pasar.", "Mei") for w in vocab().data["months"]["word"]]
)
assert_unique(MOVED)


@pytest.mark.parametrize("text,expression", MOVED)
def test_every_moved_word_is_read_from_the_language_data(text, expression):
    assert expression in [e.text for e in find_dates(text, REF)]


def test_the_decade_suffix_makes_a_decade_not_a_year():
    (e,) = find_dates("Musik itu populer sejak 1970-an di kota.", REF)
    assert e.text == "1970-an" and e.granularity == "decade"
