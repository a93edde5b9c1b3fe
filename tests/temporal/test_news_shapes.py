"""Shapes of real news text the tagger reads (each seen in the gold, fixtures/gold): text glued where a page
lost a space, a weekday before its clock, parts of day after a cue, "malam kemarin", and a wire dateline
that dates its lede's statement and the whole report."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.temporal import find_dates, timex_value

REF = date(2018, 1, 9)

TABLE = [
    # a schedule whose line breaks were lost: the clock range glued to the team before it
    ("Jumat (8/12/2017)14.00-16.00 WIB: Garuda vs Bima Perkasa Jogja16.00-18.00 WIB: Satria Muda vs NSH",
     ["Jumat (8/12/2017)", "14.00-16.00 WIB", "16.00-18.00 WIB"], ["2017-12-08", "2017-12-08T14:00", "2017-12-08T16:00"]),
    # a numbered list whose space after the number was lost
    ("Jumlah penumpang:\n9. 23 Juni: 27.058 penumpang\n10.24 Juni: 26.820 penumpang",
     ["23 Juni", "24 Juni"], ["2018-06-23", "2018-06-24"]),
    # ... but a glued number inside a sentence is no date
    ("Harga naik 10.24 persen pada Juni.", ["Juni"], ["2018-06"]),
    # a capitalised weekday right before its clock is that day, with no "pada"
    ("Korban dievakuasi Minggu pukul 23.00 WIB oleh tim SAR.", ["Minggu pukul 23.00 WIB"], ["2018-01-07T23:00"]),
    ("Tim SAR tiba Senin jam 07.30 WIB di lokasi.", ["Senin jam 07.30 WIB"], ["2018-01-08T07:30"]),
    # "dalam" before "tahun ini" is within this year, not a recurrence
    ("Target itu akan dicapai dalam tahun ini juga.", ["tahun ini"], ["2018"]),
    ("Pemeriksaan dilakukan dua kali dalam setahun.", ["dua kali dalam setahun"], ["P1Y"]),
    # parts of day after a cue: "mulai siang hingga sore", "menjelang pagi"
    ("Hujan turun mulai siang hingga sore di Ponorogo.", ["siang", "sore"], ["2018-01-09TMI", "2018-01-09TAF"]),
    ("Menjelang pagi, air mulai surut.", ["pagi"], ["2018-01-09TMO"]),
    # a part of day before its relative day, and last night
    ("Pasokan oksigen habis sejak malam kemarin.", ["malam kemarin"], ["2018-01-08TNI"]),
    ("Korban sudah dievakuasi tadi malam.", ["tadi malam"], ["2018-01-08TNI"]),
]


@pytest.mark.parametrize("text,spans,values", TABLE, ids=[t[:40] for t, _, _ in TABLE])
def test_news_shape(text, spans, values):
    found = find_dates(text, REF)
    assert [e.text for e in found] == spans
    assert [timex_value(e) for e in found] == values


WIRE = (
    "Surabaya (ANTARA News) - Kelompok musik Padi menyiapkan album keenam.\n"
    '"Sekarang sedang menyatukan chemistry," ujar Yoyo saat konferensi pers di Surabaya, Kamis.\n'
    "Sehari sebelumnya band itu tampil di Jakarta. Konser kemarin dipadati penonton dan besok mereka ke Bali.\n"
)


def test_a_lede_dateline_dates_its_statement_and_the_whole_report():
    # published (a crawl) on Saturday 3 February 2018; the report is Thursday's
    found = {e.text: e for e in find_dates(WIRE, date(2018, 2, 3))}
    assert found["Kamis"].value.start == date(2018, 2, 1)
    assert found["kemarin"].value.start == date(2018, 1, 31) and found["kemarin"].anchor == "speech"
    assert found["besok"].value.start == date(2018, 2, 2)


ANCHORED = [
    # a deictic in a dated statement is the speaker's day; "saat itu" after it is still the story's
    ("Mobil menabrak tiang, Kamis (16/11/2017) malam.\n"
     '"Tadi pagi diperiksa, belum ada darah," kata Kombes Halim, Sabtu (18/11/2017).\n'
     "Kondisi saat itu hujan sehingga bekas ban tidak terlihat.", date(2017, 11, 19), "saat itu", date(2017, 11, 16)),
    # a paragraph that opens with a quotation mark goes on quoting the speaker just dated
    ("Kebakaran melanda peternakan ayam, Jumat (12/1) sekitar pukul 12.30 WIB.\n"
     '"Api cepat membesar," ujar Anton di sekitar TKP, Jumat (12/1).\n'
     '"Tadi karena panas dan anginnya besar, api cepat melalap kandang."', date(2018, 1, 13), "Tadi", date(2018, 1, 12)),
    # a chronology that passes midnight
    ("Massa bertahan hingga 4 November malam.\nPukul 00.09 WIB seorang wartawan terluka.", date(2016, 11, 5),
     "Pukul 00.09 WIB", date(2016, 11, 5)),
    ("Massa bertahan hingga pukul 23.40 WIB. Pukul 00.30 WIB polisi membubarkan massa.", date(2016, 11, 4),
     "Pukul 00.30 WIB", date(2016, 11, 5)),
    ("Rapat dimulai pukul 19.00 WIB. Sejak pukul 08.00 WIB warga sudah antre.", date(2016, 11, 4),
     "pukul 08.00 WIB", date(2016, 11, 4)),
    # a forecast or a target says what is to come, even after "telah"
    ("BMKG telah memprediksi bulan Mei adalah awal musim kemarau.", date(2017, 3, 12), "Mei", date(2017, 5, 1)),
    ("Pemerintah sudah menargetkan Juni sebagai batas akhir.", date(2017, 8, 12), "Juni", date(2018, 6, 1)),
]


@pytest.mark.parametrize("text,ref,expression,start", ANCHORED, ids=[t[:40] for t, *_ in ANCHORED])
def test_anchored_as_the_story_reads(text, ref, expression, start):
    found = {e.text: e for e in find_dates(text, ref)}
    assert found[expression].value.start == start, {k: v.value for k, v in found.items()}
