"""Issue 4: clock times, parts of day, durations in every unit, sets, chained `kemudian`, zones and TimeML values."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from temporal_helpers import assert_unique, check, only
from timeline.temporal import find_dates, timex_value, to_timeml, to_utc

REF = date(2023, 9, 13)  # Rabu


def clock(c=None, zone=None, part=None):
    return {"time": {"clock": c, "zone": zone, "part": part}}


CLOCKS = [
    ("Upacara dimulai pukul 08.00 WIB di lapangan.", "pukul 08.00 WIB", "time", "2023-09-13", clock("08:00", "WIB")),
    ("Ia tiba Senin (11/9/2023) di Seoul, pukul 14.10 kemudian rapat.", "pukul 14.10 kemudian", "time", "2023-09-11",
     {**clock("14:10"), "anchor": "narrative"}),
    ("Gempa terjadi sekitar pukul 10.15 WITA di Palu.", "sekitar pukul 10.15 WITA", "time", "2023-09-13", clock("10:15", "WITA")),
    ("Sidang dibuka pk 14.00 di ruang utama.", "pk 14.00", "time", "2023-09-13", clock("14:00")),
    ("Sidang dibuka pk. 14.00 di ruang utama.", "pk. 14.00", "time", "2023-09-13", clock("14:00")),
    ("Ia datang jam 9 pagi ke balai desa.", "jam 9 pagi", "time", "2023-09-13", clock("09:00", part="pagi")),
    ("Pesawat mendarat pukul 19.30 waktu setempat di Incheon.", "pukul 19.30 waktu setempat", "time", "2023-09-13",
     {"time": {"clock": "19:30", "zone": None, "part": None, "local": True}}),
    ("Layanan dibuka pukul 08.00-12.00 WIT di kantor.", "pukul 08.00-12.00 WIT", "time", "2023-09-13", clock("08:00-12:00", "WIT")),
    ("Layanan dibuka 08.00 s.d. 10.00 WIB di kantor.", "08.00 s.d. 10.00 WIB", "time", "2023-09-13", clock("08:00-10:00", "WIB")),
    ("Gempa terjadi Minggu (12/3/2023) pukul 07.40 WITA di Mamuju.", "Minggu (12/3/2023) pukul 07.40 WITA", "date", "2023-03-12",
     clock("07:40", "WITA")),
    ("Kebakaran terjadi pukul 10.00 WIB kemarin di pasar.", "pukul 10.00 WIB kemarin", "time", "2023-09-12", clock("10:00", "WIB")),
    ("Ia berangkat pukul 20.00 WIB besok ke Makassar.", "pukul 20.00 WIB besok", "time", "2023-09-14", clock("20:00", "WIB")),
    ("Warga berkumpul pukul 07.00 pagi di masjid.", "pukul 07.00 pagi", "time", "2023-09-13", clock("07:00", part="pagi")),
    ("Batas unggah pukul 23.59 WIB pada hari itu.", "pukul 23.59 WIB", "time", "2023-09-13", clock("23:59", "WIB")),
    ("Api muncul pukul 00.30 dini hari di gudang.", "pukul 00.30 dini hari", "time", "2023-09-13", clock("00:30", part="dini hari")),
    ("Makan bersama jam 12.30 siang di aula.", "jam 12.30 siang", "time", "2023-09-13", clock("12:30", part="siang")),
    ("Pertunjukan mulai pukul 9 malam di alun-alun.", "pukul 9 malam", "time", "2023-09-13", clock("21:00", part="malam")),
    ("Rapat dimulai jam 3 sore di aula.", "jam 3 sore", "time", "2023-09-13", clock("15:00", part="sore")),
    ("Makan siang jam 1 siang di aula.", "jam 1 siang", "time", "2023-09-13", clock("13:00", part="siang")),
    ("Ronda dimulai jam 12 malam di pos.", "jam 12 malam", "time", "2023-09-13", clock("00:00", part="malam")),
    ("Kapal tiba pukul 08.30 malam di pelabuhan.", "pukul 08.30 malam", "time", "2023-09-13", clock("20:30", part="malam")),
    ("Rapat dimulai pukul 16:00 WIB di aula.", "pukul 16:00 WIB", "time", "2023-09-13", clock("16:00", "WIB")),
    ("Kereta tiba 13.00 WIB di Gambir.", "13.00 WIB", "time", "2023-09-13", clock("13:00", "WIB")),
    ("Vaksinasi pukul 08.00 hingga 10.00 WITA di puskesmas.", "pukul 08.00 hingga 10.00 WITA", "time", "2023-09-13",
     clock("08:00-10:00", "WITA")),
    ("Vaksinasi pukul 08.00 sampai 10.00 WITA di puskesmas.", "pukul 08.00 sampai 10.00 WITA", "time", "2023-09-13",
     clock("08:00-10:00", "WITA")),
    ("Rapat Senin (11/9/2023) mulai pukul 14.00 WIT di aula.", "pukul 14.00 WIT", "time", "2023-09-11", clock("14:00", "WIT")),
    ("Ia tiba Senin (11/9/2023). Rapat dibuka pukul 15.00 WIT.", "pukul 15.00 WIT", "time", "2023-09-11",
     {**clock("15:00", "WIT"), "anchor": "narrative", "anchor_span": [8, 25]}),
    ("Rapat dibuka pukul 15.00 WIT di aula.", "pukul 15.00 WIT", "time", "2023-09-13",
     {**clock("15:00", "WIT"), "anchor": "reference", "anchor_span": None}),
    ("Kapal bersandar pukul 06.15 WIT di Ambon.", "pukul 06.15 WIT", "time", "2023-09-13", clock("06:15", "WIT")),
    ("Rapat digelar tepat pukul 09.00 WIB di aula.", "tepat pukul 09.00 WIB", "time", "2023-09-13", clock("09:00", "WIB")),
    ("Ia mendarat Pukul 21.45 WIB di Soekarno-Hatta.", "Pukul 21.45 WIB", "time", "2023-09-13", clock("21:45", "WIB")),
    ("Tamu datang pukul 10.00 WITA ini di pendopo.", "pukul 10.00 WITA ini", "time", "2023-09-13", clock("10:00", "WITA")),
]

PARTS_OF_DAY = [
    ("Banjir datang Jumat (8/9) pagi di desa.", "Jumat (8/9) pagi", "date", "2023-09-08",
     {**clock(part="pagi"), "weekday": {"stated": "Jumat", "actual": "Jumat", "ok": True}}),
    ("Pesta digelar Kamis malam di lapangan.", "Kamis malam", "relative", "2023-09-07", clock(part="malam")),
    ("Hujan diperkirakan turun sore ini di kota.", "sore ini", "time", "2023-09-13", clock(part="sore")),
    ("Wali kota meninjau pasar pagi ini bersama camat.", "pagi ini", "time", "2023-09-13", clock(part="pagi")),
    ("Rakor digelar Senin (11/9/2023). Penghargaan dibagikan pada malam harinya.", "malam harinya", "relative", "2023-09-11",
     clock(part="malam")),
    ("Rapat digelar Kamis (5/1/2023) kemarin di aula.", "Kamis (5/1/2023) kemarin", "date", "2023-01-05", {"tense": "past"}),
    # "tadi malam" is last night: the night before the day of writing (KBBI: malam yang baru lalu)
    ("Polisi berjaga tadi malam di perbatasan.", "tadi malam", "time", "2023-09-12", clock(part="malam")),
    ("Hujan deras turun malam tadi di hulu sungai.", "malam tadi", "time", "2023-09-12", clock(part="malam")),
    ("Warga sudah siaga sejak tadi pagi di posko.", "tadi pagi", "time", "2023-09-13", clock(part="pagi")),
    ("Ia akan tiba nanti malam di Bontang.", "nanti malam", "time", "2023-09-13", clock(part="malam")),
    ("Kebakaran terjadi dini hari di gudang.", "dini hari", "time", "2023-09-13", clock(part="dini hari")),
    ("Warga berjaga hingga tengah malam di posko.", "tengah malam", "time", "2023-09-13", clock("00:00")),
    ("Rapat digelar Senin siang di kantor.", "Senin siang", "relative", "2023-09-11", clock(part="siang")),
    ("Pawai digelar Rabu petang di jalan utama.", "Rabu petang", "relative", "2023-09-13", clock(part="sore")),
    ("Ia tiba kemarin sore di bandara.", "kemarin sore", "relative", "2023-09-12", clock(part="sore")),
    ("Ia berangkat besok pagi ke Jakarta.", "besok pagi", "relative", "2023-09-14", clock(part="pagi")),
    ("Pengumuman disampaikan siang ini oleh panitia.", "siang ini", "time", "2023-09-13", clock(part="siang")),
    ("Ia tiba Senin (11/9/2023). Warga menyambutnya pada sore hari dengan tarian.", "sore hari", "time", "2023-09-11",
     {**clock(part="sore"), "anchor": "narrative"}),
    ("Ia tiba Senin (11/9/2023) dan pada sore hari warga menyambut.", "sore hari", "time", "2023-09-11", clock(part="sore")),
    ("Ia tiba Senin (11/9/2023). Malam itu ia rapat.", "Malam itu", "time", "2023-09-11", clock(part="malam")),
    ("Gempa terjadi Sabtu subuh di Cianjur.", "Sabtu subuh", "relative", "2023-09-09", clock(part="dini hari")),
    ("Ia tiba Selasa (12/9/2023) malam di Incheon.", "Selasa (12/9/2023) malam", "date", "2023-09-12", clock(part="malam")),
    ("Hujan turun tadi pagi di kota.", "tadi pagi", "time", "2023-09-13", clock(part="pagi")),
    ("Acara digelar pada malam hari di alun-alun.", "malam hari", "time", "2023-09-13", clock(part="malam")),
    ("Gempa terasa Minggu (12/3/2023) sore di Mamuju.", "Minggu (12/3/2023) sore", "date", "2023-03-12", clock(part="sore")),
]


def dur(unit, n):
    return {"duration": {unit: n}}


DURATIONS = [
    ("Rapat berlangsung 20 menit di aula.", "20 menit", dur("minutes", 20)),
    ("Ia berpidato lima menit di podium.", "lima menit", dur("minutes", 5)),
    ("Gempa Empat Menit Guncang Palu.", "Empat Menit", dur("minutes", 4)),
    ("Pencarian berlangsung 36 jam di laut.", "36 jam", dur("hours", 36)),
    ("Listrik padam 12 jam di kota.", "12 jam", dur("hours", 12)),
    ("Korban dirawat 10 hari di RSUD.", "10 hari", dur("days", 10)),
    ("Hujan diprediksi turun dua hari ke depan di Kaltim.", "dua hari ke depan", dur("days", 2)),
    ("Ia dirawat dua pekan di RSUD.", "dua pekan", dur("weeks", 2)),
    ("Ia dirawat sebulan di RSUD.", "sebulan", dur("months", 1)),
    ("Proyek molor dua tahun dari jadwal.", "dua tahun", dur("years", 2)),
    ("Antrean mengular setengah jam di loket.", "setengah jam", dur("minutes", 30)),
    ("Rapat berlangsung satu setengah jam di aula.", "satu setengah jam", dur("hours", 1.5)),
    ("Ia terdiam beberapa saat sebelum menjawab.", "beberapa saat", {"duration": {"vague": "seconds"}}),
    ("Ia dirawat beberapa hari di RSUD.", "beberapa hari", {"duration": {"vague": "days"}}),
    ("Warga menunggu berjam-jam di antrean.", "berjam-jam", {"duration": {"vague": "hours"}}),
    ("Sidang ditunda sejam oleh hakim.", "sejam", dur("hours", 1)),
    ("Penutupan jalan berlaku tiga minggu ke depan.", "tiga minggu ke depan", dur("weeks", 3)),
    ("Masa tanggap darurat enam bulan di kabupaten itu.", "enam bulan", dur("months", 6)),
    ("Wawancara berlangsung 15 menit di studio.", "15 menit", dur("minutes", 15)),
    ("Perjalanan memakan waktu 1,5 jam dari bandara.", "1,5 jam", dur("hours", 1.5)),
    ("Pertandingan berlangsung 90 menit di Stadion Patriot.", "90 menit", dur("minutes", 90)),
    ("Warga mengungsi berhari-hari di tenda.", "berhari-hari", {"duration": {"vague": "days"}}),
    ("Konflik itu berlangsung bertahun-tahun di desa.", "bertahun-tahun", {"duration": {"vague": "years"}}),
    ("Gaji tertunda berbulan-bulan menurut guru.", "berbulan-bulan", {"duration": {"vague": "months"}}),
    ("Api padam beberapa menit kemudian di gudang.", "beberapa menit", {"duration": {"vague": "minutes"}}),
    ("Warga menunggu beberapa jam di posko.", "beberapa jam", {"duration": {"vague": "hours"}}),
    ("Pasokan terhenti beberapa pekan di pulau itu.", "beberapa pekan", {"duration": {"vague": "weeks"}}),
    ("Proyek mangkrak beberapa bulan di desa.", "beberapa bulan", {"duration": {"vague": "months"}}),
    ("Pasar itu ramai beberapa tahun terakhir menurut pedagang.", "beberapa tahun terakhir", {"duration": {"vague": "years"}}),
    ("Pembahasan berlangsung dua jam di DPRD.", "dua jam", dur("hours", 2)),
    ("Air surut setengah hari setelah hujan reda.", "setengah hari", dur("days", 0.5)),
    ("Kontrak diperpanjang setengah tahun oleh dinas.", "setengah tahun", dur("years", 0.5)),
    ("Tim bekerja 3 x 24 jam di lokasi.", "24 jam", dur("hours", 24)),
    ("Ia menunggu selama 45 menit di lobi.", "selama 45 menit", dur("minutes", 45)),
    ("Pemadaman bergilir selama dua minggu di Kaltim.", "selama dua minggu", dur("weeks", 2)),
    ("Perbaikan butuh waktu tiga pekan lagi.", "tiga pekan lagi", {"value": {"start": "2023-10-04", "end": "2023-10-04"}}),
]

SETS = [
    ("Pasar murah digelar tiap Senin di kelurahan.", "tiap Senin", {"weekday": {"stated": "Senin", "actual": None, "ok": None}}),
    ("Rapat evaluasi digelar setiap bulan di kantor.", "setiap bulan", dur("months", 1)),
    ("Ia berolahraga saban hari di taman.", "saban hari", dur("days", 1)),
    ("Posyandu buka sekali seminggu di desa.", "sekali seminggu", dur("weeks", 1)),
    ("Pengajian rutin setiap hari Jumat di masjid.", "setiap hari Jumat", {"weekday": {"stated": "Jumat", "actual": None, "ok": None}}),
    ("Festival digelar tiap tahun di pantai.", "tiap tahun", dur("years", 1)),
    ("Petugas menyapu jalan setiap pagi di pusat kota.", "setiap pagi", {"time": {"clock": None, "zone": None, "part": "pagi"}}),
    ("Ronda digelar setiap malam di kampung.", "setiap malam", {"time": {"clock": None, "zone": None, "part": "malam"}}),
    ("Kapal berlayar dua kali sebulan ke pulau.", "dua kali sebulan", dur("months", 1)),
    ("Obat diminum tiga kali sehari oleh pasien.", "tiga kali sehari", dur("days", 1)),
    ("Laporan dikirim setiap pekan ke dinas.", "setiap pekan", dur("weeks", 1)),
    ("Sampah diangkut tiap minggu oleh petugas.", "tiap minggu", dur("weeks", 1)),
    ("Pasar hewan buka saban Kamis di desa.", "saban Kamis", {"weekday": {"stated": "Kamis", "actual": None, "ok": None}}),
    ("Data diperbarui setiap jam oleh BMKG.", "setiap jam", dur("hours", 1)),
    ("Kapal berlayar sekali sebulan ke pulau.", "sekali sebulan", dur("months", 1)),
    ("Warga berolahraga seminggu sekali di lapangan.", "seminggu sekali", dur("weeks", 1)),
    ("Laporan terbit setiap enam bulan menurut penerbit.", "setiap enam bulan", dur("months", 6)),
    ("Bus lewat tiap 15 menit di halte itu.", "tiap 15 menit", dur("minutes", 15)),
    ("Pemilu digelar setiap lima tahun sekali.", "setiap lima tahun", dur("years", 5)),
]

FIRST = "Ia tiba di Seoul pada 1 Juni 2023. "
CHAINED = [
    (FIRST + "Hampir dua minggu kemudian ia pulang.", "Hampir dua minggu kemudian", "relative", "2023-06-15", {"anchor": "narrative"}),
    (FIRST + "Dua bulan kemudian ia pulang.", "Dua bulan kemudian", "relative", "2023-08-01..2023-08-31", {"granularity": "month"}),
    (FIRST + "Dua hari kemudian ia pulang.", "Dua hari kemudian", "relative", "2023-06-03", {}),
    (FIRST + "Tiga jam kemudian ia rapat.", "Tiga jam kemudian", "time", "2023-06-01", {"anchor": "narrative"}),
    (FIRST + "Ia rapat. Warga berdemo. Tiga hari kemudian ia pulang.", "Tiga hari kemudian", "relative", "2023-06-04", {}),
    (FIRST + "Dua hari kemudian ia rapat. Sehari kemudian ia pulang.", "Sehari kemudian", "relative", "2023-06-04", {}),
    (FIRST + "Lima menit kemudian ia pidato.", "Lima menit kemudian", "time", "2023-06-01", {}),
    (FIRST + "Setahun kemudian ia kembali.", "Setahun kemudian", "relative", "2024-01-01..2024-12-31", {"granularity": "year"}),
    (FIRST + "Sepekan kemudian ia kembali.", "Sepekan kemudian", "relative", "2023-06-08", {}),
    (FIRST + "Kurang dari sebulan kemudian ia kembali.", "Kurang dari sebulan kemudian", "relative", "2023-07-01..2023-07-31", {}),
    (FIRST + "Dua hari setelahnya ia kembali.", "Dua hari setelahnya", "relative", "2023-06-03", {}),
    (FIRST + "Sehari berikutnya ia kembali.", "Sehari berikutnya", "relative", "2023-06-02", {}),
    (FIRST + "Dua minggu sebelumnya ia rapat.", "Dua minggu sebelumnya", "relative", "2023-05-18", {"tense": "past"}),
]

TABLE = ([(t, x, k, v, e) for t, x, k, v, e in CLOCKS + PARTS_OF_DAY + CHAINED]
         + [(t, x, "duration", None, e) for t, x, e in DURATIONS if "value" not in e]
         + [(t, x, "relative", e["value"]["start"], {}) for t, x, e in DURATIONS if "value" in e]
         + [(t, x, "set", None, e) for t, x, e in SETS])


def test_table_inputs_are_unique_and_many():
    assert_unique(TABLE, key=lambda r: (r[0], r[1]))
    assert len(TABLE) >= 100


@pytest.mark.parametrize("text,expected,kind,value,extra", TABLE, ids=[r[1] + "|" + r[0][-24:] for r in TABLE])
def test_time_expression_is_normalized(text, expected, kind, value, extra):
    check(only(text, REF, expected), kind, value, extra)


TIMEML_VALUES = [
    ("Gempa terjadi Minggu (12/3/2023) pukul 07.40 WITA di Mamuju.", "Minggu (12/3/2023) pukul 07.40 WITA", "TIME",
     "2023-03-12T07:40"),
    ("Gempa terasa Minggu (12/3/2023) pagi di Mamuju.", "Minggu (12/3/2023) pagi", "TIME", "2023-03-12TMO"),
    ("Harga naik pada Mei 2023 di pasar.", "Mei 2023", "DATE", "2023-05"),
    ("Penghargaan diraih pada tahun 2023 ini.", "2023 ini", "DATE", "2023"),
    ("Korban dirawat 10 hari di RSUD.", "10 hari", "DURATION", "P10D"),
    ("Rapat berlangsung 20 menit di aula.", "20 menit", "DURATION", "PT20M"),
    ("Ia terdiam beberapa saat sebelum menjawab.", "beberapa saat", "DURATION", "PTXS"),
    ("Ia dirawat beberapa hari di RSUD.", "beberapa hari", "DURATION", "PXD"),
    ("Rapat evaluasi digelar setiap bulan di kantor.", "setiap bulan", "SET", "P1M"),
    ("Pasar murah digelar tiap Senin di kelurahan.", "tiap Senin", "SET", "XXXX-WXX-1"),
    ("Rapat berlangsung satu setengah jam di aula.", "satu setengah jam", "DURATION", "PT1.5H"),
    ("Sidang dilanjutkan pekan depan di PN.", "pekan depan", "DATE", "2023-W38"),
    ("Proyek selesai awal Oktober dan diresmikan.", "awal Oktober", "DATE", "2023-10"),
    ("Wali kota hadir di Jakarta, Senin (18/9/2023).", "Senin (18/9/2023)", "DATE", "2023-09-18"),
    ("Laporan terbit setiap enam bulan menurut penerbit.", "setiap enam bulan", "SET", "P6M"),
    ("Ia dirawat dua pekan di RSUD.", "dua pekan", "DURATION", "P2W"),
    ("Proyek molor dua tahun dari jadwal.", "dua tahun", "DURATION", "P2Y"),
    ("Ia dirawat sebulan di RSUD.", "sebulan", "DURATION", "P1M"),
    ("Pencarian berlangsung 36 jam di laut.", "36 jam", "DURATION", "PT36H"),
    ("Ia tiba kemarin sore di bandara.", "kemarin sore", "TIME", "2023-09-12TAF"),
    ("Polisi berjaga tadi malam di perbatasan.", "tadi malam", "TIME", "2023-09-12TNI"),
]


@pytest.mark.parametrize("text,expected,typ,value", TIMEML_VALUES, ids=[r[1] for r in TIMEML_VALUES])
def test_timeml_type_and_value(text, expected, typ, value):
    from timeline.render.timeml import timex_type

    e = only(text, REF, expected)
    assert (timex_type(e), timex_value(e)) == (typ, value)


def test_timeml_inputs_are_unique():
    assert_unique(TIMEML_VALUES, key=lambda r: r[1])


def test_timeml_document_is_well_formed_with_dct_and_escaped_text():
    import xml.dom.minidom

    text = 'Rapat <penting> & "rahasia" Senin (18/9/2023) pukul 09.00 WIB, forum 18-22 Oktober selama 5 hari.'
    out = to_timeml(text, find_dates(text, REF), REF)
    doc = xml.dom.minidom.parseString(out.encode("utf-8"))
    timexes = {t.getAttribute("tid"): t for t in doc.getElementsByTagName("TIMEX3")}
    assert timexes["t0"].getAttribute("functionInDocument") == "CREATION_TIME"
    assert timexes["t0"].getAttribute("value") == "2023-09-13"
    assert {t.getAttribute("type") for t in timexes.values()} == {"DATE", "TIME", "DURATION"}
    assert timexes["t1"].getAttribute("value") == "2023-09-18T09:00"  # the date and its clock: one expression
    assert timexes["t2"].getAttribute("beginPoint") == "t2b" and timexes["t2b"].getAttribute("value") == "2023-10-18"
    assert "&lt;penting&gt; &amp;" in out


def test_timeml_without_dct_and_with_control_characters_is_still_well_formed():
    import xml.dom.minidom

    text = "Rapat\x0b Senin (18/9/2023)\x00 selesai."
    xml.dom.minidom.parseString(to_timeml(text, find_dates(text, REF), None).encode("utf-8"))


ZONES = [
    ("pukul 08.00 WIB", datetime(2023, 9, 13, 1, 0, tzinfo=timezone.utc)),
    ("pukul 09.00 WITA", datetime(2023, 9, 13, 1, 0, tzinfo=timezone.utc)),
    ("pukul 10.00 WIT", datetime(2023, 9, 13, 1, 0, tzinfo=timezone.utc)),
    ("pukul 06.30 WIB", datetime(2023, 9, 12, 23, 30, tzinfo=timezone.utc)),
]


@pytest.mark.parametrize("phrase,utc", ZONES, ids=[z[0] for z in ZONES])
def test_clock_times_in_different_zones_convert_to_the_same_instant(phrase, utc):
    text = f"Rapat dimulai {phrase} di aula."
    assert to_utc(only(text, REF, phrase)) == utc


def test_local_time_has_no_utc_instant():
    assert to_utc(only("Ia mendarat pukul 19.30 waktu setempat.", REF, "pukul 19.30 waktu setempat")) is None


NOT_TIMES = [
    "Kemacetan lalu lintas di depan pasar.",
    "Ia membeli jam tangan dan jam dinding.",
    "Program Sabtu Bersih digelar di kelurahan.",
    "Baca selengkapnya di halaman 4.",
    "Anggaran Rp 1,25 triliun disetujui DPRD.",
    "Laga berakhir dengan skor 2-1 untuk tuan rumah.",
    "Angka kemiskinan turun 0,5 persen.",
    "Wisatawan berfoto di Jam Gadang.",
    "Selamat malam dan selamat beristirahat.",
    "Harga naik dua kali lipat di pasar.",
    "Rapat membahas sistem pukul rata untuk tunjangan.",
    "Gol tercipta di menit ke-90 pertandingan.",
    "Ia menyimpan 3.000 dolar di bank.",
    "Malam Penganugerahan Adipura digelar meriah.",
]


@pytest.mark.parametrize("text", NOT_TIMES)
def test_not_a_time(text):
    assert find_dates(text, REF) == []


def test_negative_inputs_are_unique():
    assert_unique(NOT_TIMES, key=lambda r: r)
