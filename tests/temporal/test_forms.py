"""Issue 10: the forms real reporting leans on, each with its normalized value (reference Rabu 13/09/2023
unless a row says otherwise), its TimeML value, and the look-alikes that must stay silent."""

from __future__ import annotations

import xml.dom.minidom
from datetime import date, datetime, timedelta, timezone

import pytest

from temporal_helpers import assert_unique
from timeline.render.timeml import timex_type, timex_value, to_timeml
from timeline.temporal import find_dates

REF = date(2023, 9, 13)

# (text, expression, kind, TimeML value)
FORMS = [
    # references with no calendar value
    ("Saat ini harga beras naik di pasar.", "Saat ini", "ref", "PRESENT_REF"),
    ("Kini warga bisa mengurus KTP secara daring.", "Kini", "ref", "PRESENT_REF"),
    ("Warga sekarang lebih tertib membuang sampah.", "sekarang", "ref", "PRESENT_REF"),
    ("Selama ini warga mengandalkan sumur.", "Selama ini", "ref", "PRESENT_REF"),
    ("Sejauh ini belum ada korban jiwa.", "Sejauh ini", "ref", "PRESENT_REF"),
    ("Dulu, jalan ini sering banjir.", "Dulu", "ref", "PAST_REF"),
    ("Pasar itu sudah ada sejak dulu di desa.", "dulu", "ref", "PAST_REF"),
    ("Masalah itu sudah dibahas sejak lama oleh dewan.", "sejak lama", "ref", "PAST_REF"),
    ("Kasus serupa terjadi beberapa waktu lalu di Anyer.", "beberapa waktu lalu", "ref", "PAST_REF"),
    ("Nanti kita lihat hasilnya bersama.", "Nanti", "ref", "FUTURE_REF"),
    ("Anggaran itu nantinya dipakai untuk jalan.", "nantinya", "ref", "FUTURE_REF"),
    ("Jembatan diperbaiki dalam waktu dekat oleh dinas.", "dalam waktu dekat", "ref", "FUTURE_REF"),
    # vague and approximate quantities
    ("Pasokan terhenti beberapa pekan di pulau itu.", "beberapa pekan", "duration", "PXW"),
    ("Warga menunggu berbulan-bulan tanpa kepastian.", "berbulan-bulan", "duration", "PXM"),
    ("Ia terdiam sesaat lalu menjawab pertanyaan.", "sesaat", "duration", "PTXS"),
    ("Api padam dalam hitungan detik berkat sprinkler.", "hitungan detik", "duration", "PTXS"),
    ("Antrean mengular setengah jam di loket.", "setengah jam", "duration", "PT30M"),
    ("Pemain itu cedera sekitar 3 tahun yang lalu.", "sekitar 3 tahun yang lalu", "relative", "2020"),
    ("Rata-rata tamu menginap 1,92 hari di hotel.", "1,92 hari", "duration", "P1.92D"),
    ("Sinyal hilang 10-30 detik setiap jam.", "10-30 detik", "duration", "PT10S"),
    ("Warga bekerja seharian di sawah.", "seharian", "duration", "P1D"),
    # seasons, decades, quarters, halves, parts
    ("Petani bersiap menghadapi musim kemarau tahun ini.", "musim kemarau tahun ini", "month", "2023-SU"),
    ("Bibit dibagikan menjelang musim tanam di desa.", "musim tanam", "month", "2023-WI"),
    ("Lagu itu populer pada tahun 80-an di radio.", "tahun 80-an", "year", "198"),
    ("Gaya itu muncul pada era 1990-an di Jakarta.", "era 1990-an", "year", "199"),
    ("Laba kuartal II 2024 naik tajam.", "kuartal II 2024", "month", "2024-Q2"),
    ("Laba triwulan ketiga turun dibanding tahun lalu.", "triwulan ketiga", "month", "2023-Q3"),
    ("Penjualan semester pertama 2024 naik.", "semester pertama 2024", "month", "2024-H1"),
    ("Laba Q4 2017 naik 4 persen.", "Q4 2017", "month", "2017-Q4"),
    ("Laba naik dibanding kuartal lalu.", "kuartal lalu", "relative", "2023-Q2"),
    ("Proyek dimulai pertengahan bulan depan.", "pertengahan bulan depan", "relative", "2023-10"),
    ("Final digelar akhir pekan ini di GBK.", "akhir pekan ini", "relative", "2023-W37-WE"),
    ("Tol dibuka awal tahun depan untuk umum.", "awal tahun depan", "relative", "2024"),
    ("Izin diperpanjang hingga akhir tahun ini.", "akhir tahun ini", "relative", "2023"),
    ("Penjualan Januari-Juni 2017 naik 4 persen.", "Januari-Juni 2017", "range", "2017-01"),
    # abbreviations and sub-day relatives
    ("Ia sudah bekerja 3 thn di kantor itu.", "3 thn", "duration", "P3Y"),
    ("Bayi itu berusia 2 bln saat dirawat.", "2 bln", "duration", "P2M"),
    ("Ia dirawat 2 mgg di RSUD.", "2 mgg", "duration", "P2W"),
    ("Pendaki tersesat 3 hr di hutan.", "3 hr", "duration", "P3D"),
    ("Rapat berlangsung 45 mnt di aula.", "45 mnt", "duration", "PT45M"),
    ("Rekor lari 9,8 dtk tercatat.", "9,8 dtk", "duration", "PT9.8S"),
    ("Korban dievakuasi 3 jam yang lalu oleh tim SAR.", "3 jam yang lalu", "time", "2023-09-13"),
    ("Petugas tiba 30 menit lalu di lokasi.", "30 menit lalu", "time", "2023-09-13"),
    ("Perbaikan selesai dalam waktu 10 hari menurut dinas.", "dalam waktu 10 hari", "relative", "2023-09-23"),
    ("Bantuan tiba dalam 2 jam menurut BPBD.", "dalam 2 jam", "time", "2023-09-13"),
    # a date and its clock as one expression, seconds kept
    ("Gempa tercatat 22 Maret 2024 pukul 08.05.30 WIB.", "22 Maret 2024 pukul 08.05.30 WIB", "date",
     "2024-03-22T08:05:30"),
    ("Data diperbarui 22/3/2024, 08.05 menurut BPBD.", "22/3/2024, 08.05", "date", "2024-03-22T08:05"),
    ("Rapat digelar Jumat (22/3/2024) pukul 09.30 WITA di aula.", "Jumat (22/3/2024) pukul 09.30 WITA", "date",
     "2024-03-22T09:30"),
    ("Banjir datang sekitar pukul 14.00 WIB, Selasa (6/2/2018) di kampung.", "sekitar pukul 14.00 WIB, Selasa (6/2/2018)",
     "date", "2018-02-06T14:00"),
    ("Kajian setiap Jumat pukul 20.45 WIB di masjid.", "setiap Jumat pukul 20.45 WIB", "set", "XXXX-WXX-5T20:45"),
    # a day of the month alone
    ("Gaji dibayar tanggal 17 di kantor.", "tanggal 17", "relative", "2023-09-17"),
    ("Rapat digelar tanggal 7 lalu di aula.", "tanggal 7 lalu", "relative", "2023-09-07"),
    ("Pelantikan digelar pada 3 nanti di gedung DPRD.", "3 nanti", "relative", "2023-10-03"),
    # holidays and years in names
    ("Arus mudik memuncak pada H-2 lebaran 2017.", "H-2 lebaran 2017", "date", "2017-06-23"),
    ("Tempat hiburan tutup selama bulan Ramadhan 2018.", "Ramadhan 2018", "range", "2018-05-17"),
    ("Tiket Asian Games 2018 mulai dijual.", "2018", "year", "2018"),
    ("Liga IBL 2017-2018 dimulai bulan depan.", "2017-2018", "range", "2017"),
    ("Proyek itu didanai tahun anggaran 2016.", "2016", "year", "2016"),
]
assert_unique(FORMS, key=lambda r: r[0])


@pytest.mark.parametrize("text,expression,kind,value", FORMS, ids=[r[1] for r in FORMS])
def test_form_is_read_and_normalized(text, expression, kind, value):
    found = [e for e in find_dates(text, REF) if e.text == expression]
    assert len(found) == 1, [e.text for e in find_dates(text, REF)]
    e = found[0]
    assert e.kind == kind
    assert timex_value(e) == value


def test_references_never_carry_a_calendar_value():
    for text, expression, kind, _ in FORMS:
        if kind == "ref":
            (e,) = [x for x in find_dates(text, REF) if x.text == expression]
            assert e.value is None and e.resolved and timex_type(e) == "DATE"


def test_approximate_is_recorded():
    (e,) = find_dates("Pemain itu cedera sekitar 3 tahun yang lalu.", REF)
    assert e.approximate and e.to_json()["approximate"] is True


def test_a_reference_time_gives_sub_day_relatives_a_clock():
    wita = timezone(timedelta(hours=8))
    text = "Korban dievakuasi 3 jam yang lalu dan bantuan tiba dalam 2 jam."
    found = find_dates(text, datetime(2023, 9, 13, 10, 30, tzinfo=wita))
    assert [(e.value.start, e.time.clock, e.time.zone) for e in found] == [
        (date(2023, 9, 13), "07:30", "WITA"), (date(2023, 9, 13), "12:30", "WITA")]
    assert timex_value(found[0]) == "2023-09-13T07:30"
    late = find_dates("Api padam 2 jam yang lalu.", datetime(2023, 9, 13, 1, 0))
    assert late[0].value.start == date(2023, 9, 12) and late[0].time.clock == "23:00"
    assert find_dates("Api padam 2 jam yang lalu.", REF)[0].time is None  # no reference time: the day only


NOT_TIME = [
    "Kemacetan lalu lintas mengular di Jalan Ahmad Yani.",
    "Para pedagang berjualan di depan pasar.",
    "Pertandingan berakhir dengan skor 2-1 untuk tuan rumah.",
    "Harga saham naik Rp 1,25 per lembar.",
    "Aplikasi versi 5.0 dirilis oleh pengembang.",
    "Hubungi nomor 0812-5544-3210 untuk informasi.",
    "Bantuan dibagi pukul rata kepada warga.",
    "Pedagang menjual 12 ekor sapi.",
    "Pesta di kelab malam itu ramai.",
    "Kelab malam ini ramai pengunjung.",
    "Rizky Ramadhan mencetak gol kemenangan.",
    "Mereka bertemu dalam rapat koordinasi.",
    "Taufik istirahat dulu sebelum bertanding.",
    "Peraturan itu tertuang dalam UU Nomor 20 Tahun 2001.",
    "Petani menjual gabah saat harga naik.",
    "Laga Q1 MotoGP berlangsung sengit.",
]
assert_unique(NOT_TIME, key=lambda r: r)


@pytest.mark.parametrize("text", NOT_TIME)
def test_look_alikes_stay_silent(text):
    assert find_dates(text, REF) == []


def test_minggu_as_a_week_is_not_a_sunday():
    (e,) = find_dates("Harga cabai naik selama dua minggu terakhir.", REF)
    assert e.kind == "duration" and e.weekday is None
    (e,) = find_dates("Minggu depan warga kerja bakti.", REF)
    assert e.granularity == "week"


def test_saat_itu_juga_in_a_quote_with_no_narrative_date_is_silent():
    assert find_dates('"Kami langsung bergerak saat itu juga," kata Kapolres.', REF) == []


def test_timeml_export_carries_the_new_values_and_anchor_ids():
    text = ("Kebakaran terjadi Sabtu (14/10/2023) dini hari. Petugas tiba pukul 03.40 WITA. Saat ini warga "
            "mengungsi berbulan-bulan, sejak musim kemarau 2023. Laba kuartal II 2024 dan semester pertama 2024 "
            "naik sejak tahun 80-an, padahal setengah jam lalu belum.")
    ref = date(2023, 10, 16)
    out = to_timeml(text, find_dates(text, ref), ref)
    doc = xml.dom.minidom.parseString(out.encode("utf-8"))
    timexes = {t.firstChild.data if t.firstChild else "": t for t in doc.getElementsByTagName("TIMEX3")}
    values = {t.getAttribute("value") for t in timexes.values()}
    assert {"PRESENT_REF", "PXM", "2023-SU", "198", "2024-Q2", "2024-H1", "2023-10-14T03:40"} <= values
    clock = timexes["pukul 03.40 WITA"]
    assert clock.getAttribute("anchorTimeID") == timexes["Sabtu (14/10/2023) dini hari"].getAttribute("tid")
