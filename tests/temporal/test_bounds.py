"""Where an expression's span begins and ends (temporal/bounds.py, the conventions of fixtures/gold)."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.temporal import find_dates

REF = date(2017, 6, 24)

TABLE = [
    # a classifier noun before a complete expression is left out
    ("Harga cabai naik sejak bulan Mei 2017 di pasar induk.", "Mei 2017"),
    ("Kasus serupa terjadi pada tahun 2015 lalu di Sleman.", "2015 lalu"),
    ("Tempat hiburan tutup selama bulan suci Ramadhan di kota itu.", "Ramadhan"),
    ("Sidang digelar pada hari Jumat pukul 09.00 WIB di PN Bandung.", "Jumat pukul 09.00 WIB"),
    ("Pencairan dana dilakukan pada tanggal 29 November mendatang.", "29 November mendatang"),
    # ... and kept where the rest is not an expression alone
    ("Rapat diundur ke tanggal 4 karena banjir.", "tanggal 4"),
    ("Warga menggelar doa bersama pada bulan puasa di masjid.", "bulan puasa"),
    ("Festival digelar bulan juli di pantai.", "bulan juli"),
    ("Pajak naik tahun depan sesuai peraturan.", "tahun depan"),
    # the clock of another place belongs to the day or clock before it
    ("Jenazah dimakamkan di Limerick, Minggu (21/1) waktu setempat, diiringi ribuan penggemar.", "Minggu (21/1) waktu setempat"),
    ("Balapan dimulai pukul 14.00 waktu Eropa atau pukul 19.00 WIB.", "pukul 14.00 waktu Eropa"),
    # zones are read however they are capitalised
    ("Air mulai naik sekitar pukul 02.30 Wita di bantaran sungai.", "sekitar pukul 02.30 Wita"),
    # a holiday offset in brackets after a date belongs to it
    ("Puncak arus mudik diperkirakan pada 23 Juni (H-2) di Stasiun Senen.", "23 Juni (H-2)"),
    # "lamanya" and "terakhir" after a length belong to it
    ("Ia dirawat sekitar satu minggu lamanya sebelum meninggal.", "sekitar satu minggu lamanya"),
    ("Hujan turun terus selama sepekan terakhir di lereng gunung.", "selama sepekan terakhir"),
]


@pytest.mark.parametrize("text,expected", TABLE, ids=[t[:40] for t, _ in TABLE])
def test_span_follows_the_conventions(text, expected):
    texts = [e.text for e in find_dates(text, REF)]
    assert expected in texts, texts


def test_a_span_moves_but_the_value_stays():
    (with_word,) = find_dates("Anggaran disusun pada tahun 2021.", REF)
    (without,) = find_dates("Anggaran disusun pada 2021.", REF)
    assert (with_word.text, with_word.value, with_word.granularity) == (without.text, without.value, without.granularity)


def test_an_offset_inside_a_date_is_not_a_second_expression():
    found = find_dates("Lebaran jatuh 25 Juni. Puncak arus balik pada 28 Juni (H+3).", REF)
    assert [e.text for e in found] == ["Lebaran", "25 Juni", "28 Juni (H+3)"]
