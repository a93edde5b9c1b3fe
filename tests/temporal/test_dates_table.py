"""Issue 2: Indonesian calendar expressions, each case asserting the normalized value (reference Rabu 13/09/2023)."""

from __future__ import annotations

from datetime import date

import pytest

from temporal_helpers import assert_unique, check, only

REF = date(2023, 9, 13)  # a Wednesday

# (sentence, expression as found, kind, value, other JSON fields / record attributes to check)
ABSOLUTE = [
    ("Ia berangkat pada 18 September 2023.", "18 September 2023", "date", "2023-09-18", {"anchor": "explicit"}),
    ("Acara digelar Senin, 18 September 2023.", "Senin, 18 September 2023", "date", "2023-09-18",
     {"weekday": {"stated": "Senin", "actual": "Senin", "ok": True}}),
    ("Wali kota hadir di Jakarta, Senin (18/9/2023).", "Senin (18/9/2023)", "date", "2023-09-18",
     {"weekday": {"stated": "Senin", "actual": "Senin", "ok": True}}),
    ("Rapat digelar Rabu 20/9/2023 di balai kota.", "Rabu 20/9/2023", "date", "2023-09-20", {}),
    ("Surat itu bertanggal 13/09/2023 dan ditandatangani.", "13/09/2023", "date", "2023-09-13", {}),
    ("Surat itu bertanggal 13-09-2023 dan ditandatangani.", "13-09-2023", "date", "2023-09-13", {}),
    ("Surat itu bertanggal 13.09.2023 dan ditandatangani.", "13.09.2023", "date", "2023-09-13", {}),
    ("Foto diambil 19/9/23 di lokasi.", "19/9/23", "date", "2023-09-19", {}),
    ("Data per 2023-09-19 menunjukkan kenaikan.", "2023-09-19", "date", "2023-09-19", {}),
    ("Puncak acara jatuh pada Jumat, 1 Desember 2023.", "Jumat, 1 Desember 2023", "date", "2023-12-01", {}),
    ("Pertemuan berlangsung Jum'at (15/9/2023) pagi.", "Jum'at (15/9/2023) pagi", "date", "2023-09-15",
     {"weekday": {"stated": "Jumat", "actual": "Jumat", "ok": True}, "time": {"clock": None, "zone": None, "part": "pagi"}}),
    ("Pawai digelar Ahad (17/9/2023).", "Ahad (17/9/2023)", "date", "2023-09-17",
     {"weekday": {"stated": "Minggu", "actual": "Minggu", "ok": True}}),
    ("Gempa terjadi Minggu (12/3/2023) dini hari.", "Minggu (12/3/2023) dini hari", "date", "2023-03-12", {}),
    ("Tahapan dimulai pada 5 Januari 2024 mendatang.", "5 Januari 2024 mendatang", "date", "2024-01-05", {"tense": "future"}),
    ("Proklamasi dibacakan 17 Agustus 1945 di Jakarta.", "17 Agustus 1945", "date", "1945-08-17", {}),
    ("Rapat digelar Kamis, 14 September 2023 di kantor.", "Kamis, 14 September 2023", "date", "2023-09-14", {}),
    ("Dilantik Selasa (12/09/2023) sore.", "Selasa (12/09/2023) sore", "date", "2023-09-12",
     {"time": {"clock": None, "zone": None, "part": "sore"}}),
    ("Pada 1 mei 2024 buruh berunjuk rasa.", "1 mei 2024", "date", "2024-05-01", {}),
    ("Tertanggal 1 MEI 2024 surat dikirim.", "1 MEI 2024", "date", "2024-05-01", {}),
    ("Ia lahir 12 Febuari 1983 di Bandung.", "12 Febuari 1983", "date", "1983-02-12", {}),
    ("Dijadwalkan pada Sabtu (30/9/2023) pukul 09.00.", "Sabtu (30/9/2023) pukul 09.00", "date", "2023-09-30",
     {"tense": "future", "time": {"clock": "09:00", "zone": None, "part": None}}),
    ("Acara tanggal 2 Oktober 2023 ditunda.", "2 Oktober 2023", "date", "2023-10-02", {}),
    ("Rilis pada (Kamis, 14 September 2023) pagi.", "Kamis, 14 September 2023", "date", "2023-09-14", {}),
]

MONTH_FORMS = [
    ("Sidang 10 Pebruari 2023 ditunda.", "10 Pebruari 2023", "date", "2023-02-10", {}),
    ("Sidang 10 Nopember 2022 ditunda.", "10 Nopember 2022", "date", "2022-11-10", {}),
    ("Berlaku 3 Agu 2023 pukul nol.", "3 Agu 2023", "date", "2023-08-03", {}),
    ("Berlaku 4 Agt 2023 di semua kantor.", "4 Agt 2023", "date", "2023-08-04", {}),
    ("Berlaku 5 Agus 2023 di semua kantor.", "5 Agus 2023", "date", "2023-08-05", {}),
    ("Diterbitkan 3 Sept. 2023 oleh dinas.", "3 Sept. 2023", "date", "2023-09-03", {}),
    ("Diterbitkan 4 Sep 2023 oleh dinas.", "4 Sep 2023", "date", "2023-09-04", {}),
    ("Diperbarui 12 Jan 2024 oleh admin.", "12 Jan 2024", "date", "2024-01-12", {}),
    ("Diperbarui 12 Feb 2024 oleh admin.", "12 Feb 2024", "date", "2024-02-12", {}),
    ("Diperbarui 12 Mar 2024 oleh admin.", "12 Mar 2024", "date", "2024-03-12", {}),
    ("Diperbarui 12 Apr 2024 oleh admin.", "12 Apr 2024", "date", "2024-04-12", {}),
    ("Diperbarui 12 Jun 2024 oleh admin.", "12 Jun 2024", "date", "2024-06-12", {}),
    ("Diperbarui 12 Jul 2024 oleh admin.", "12 Jul 2024", "date", "2024-07-12", {}),
    ("Diperbarui 12 Okt 2024 oleh admin.", "12 Okt 2024", "date", "2024-10-12", {}),
    ("Diperbarui 12 Nov 2024 oleh admin.", "12 Nov 2024", "date", "2024-11-12", {}),
    ("Diperbarui 12 Nop 2024 oleh admin.", "12 Nop 2024", "date", "2024-11-12", {}),
    ("Diperbarui 12 Des 2024 oleh admin.", "12 Des 2024", "date", "2024-12-12", {}),
    ("Diperbarui 12 Mrt 2024 oleh admin.", "12 Mrt 2024", "date", "2024-03-12", {}),
    ("Diperbarui 12 Peb 2024 oleh admin.", "12 Peb 2024", "date", "2024-02-12", {}),
    ("Diperbarui 12 Ags 2024 oleh admin.", "12 Ags 2024", "date", "2024-08-12", {}),
    ("Sejak Sept. 2023 harga naik.", "Sept. 2023", "month", "2023-09-01..2023-09-30", {}),
    ("Terbit 3 Agu lalu di media.", "3 Agu lalu", "date", "2023-08-03", {"tense": "past"}),
]

RANGES = [
    ("Forum berlangsung 18-22 Oktober di Incheon.", "18-22 Oktober", "range", "2023-10-18..2023-10-22", {}),
    ("Forum berlangsung 18–22 Oktober 2023 di Incheon.", "18–22 Oktober 2023", "range", "2023-10-18..2023-10-22", {}),
    ("Forum berlangsung 18 hingga 22 Oktober 2023.", "18 hingga 22 Oktober 2023", "range", "2023-10-18..2023-10-22", {}),
    ("Forum berlangsung 18 sampai 22 Oktober di Incheon.", "18 sampai 22 Oktober", "range", "2023-10-18..2023-10-22", {}),
    ("Forum berlangsung 18 s.d. 22 Oktober di Incheon.", "18 s.d. 22 Oktober", "range", "2023-10-18..2023-10-22", {}),
    ("Forum berlangsung 18 s/d 22 Oktober di Incheon.", "18 s/d 22 Oktober", "range", "2023-10-18..2023-10-22", {}),
    ("Pameran 28 September - 2 Oktober 2023 di JCC.", "28 September - 2 Oktober 2023", "range", "2023-09-28..2023-10-02", {}),
    ("Agenda yang berlangsung sejak 18-22 Oktober nanti.", "18-22 Oktober nanti", "range", "2023-10-18..2023-10-22", {"tense": "future"}),
    ("Libur dari 18 sampai 22 Oktober untuk siswa.", "18 sampai 22 Oktober", "range", "2023-10-18..2023-10-22", {}),
    ("Pendaftaran 18-22/10/2023 secara daring.", "18-22/10/2023", "range", "2023-10-18..2023-10-22", {}),
    ("Kunjungan Senin-Rabu (18-20/9/2023) ke Korea.", "Senin-Rabu (18-20/9/2023)", "range", "2023-09-18..2023-09-20",
     {"weekday": {"stated": "Senin-Rabu", "actual": "Senin-Rabu", "ok": True}}),
    ("Libur 28 Desember 2023 - 2 Januari 2024 bagi ASN.", "28 Desember 2023 - 2 Januari 2024", "range",
     "2023-12-28..2024-01-02", {}),
    ("Libur 30 Desember - 2 Januari 2024 bagi ASN.", "30 Desember - 2 Januari 2024", "range", "2023-12-30..2024-01-02", {}),
    ("Pelatihan 18 sampai dengan 22 Oktober 2023 di Bogor.", "18 sampai dengan 22 Oktober 2023", "range",
     "2023-10-18..2023-10-22", {}),
    ("Bazar 1—3 Desember 2023 di alun-alun.", "1—3 Desember 2023", "range", "2023-12-01..2023-12-03", {}),
    ("Festival 16-17 Agustus 2017 meriah.", "16-17 Agustus 2017", "range", "2017-08-16..2017-08-17", {}),
    ("Ujian Senin sampai Rabu (18-20/9/2023) di sekolah.", "Senin sampai Rabu (18-20/9/2023)", "range",
     "2023-09-18..2023-09-20", {}),
    ("Ujian Senin-Rabu (18-20/9) di sekolah.", "Senin-Rabu (18-20/9)", "range", "2023-09-18..2023-09-20", {"year_inferred": True}),
]

PARTIAL = [
    ("Harga naik sejak September 2023 lalu.", "September 2023 lalu", "month", "2023-09-01..2023-09-30", {"tense": "past"}),
    ("Program dimulai bulan September ini.", "September ini", "month", "2023-09-01..2023-09-30", {}),
    ("Rombongan ke Swiss Februari dan pulang.", "Februari", "month", "2023-02-01..2023-02-28", {"year_inferred": True}),
    ("Rombongan ke Malaysia di Juni kemarin.", "Juni kemarin", "month", "2023-06-01..2023-06-30", {"tense": "past"}),
    ("Menindaklanjuti diskusi bulan November tahun lalu, kedua kota bertemu.", "November tahun lalu", "month",
     "2022-11-01..2022-11-30", {"tense": "past"}),
    ("Proyek selesai awal Oktober dan diresmikan.", "awal Oktober", "month", "2023-10-01..2023-10-10",
     {"granularity": "part", "part": "awal"}),
    ("Gedung rampung pertengahan 2024 menurut dinas.", "pertengahan 2024", "year", "2024-05-01..2024-08-31",
     {"granularity": "part", "part": "pertengahan"}),
    ("Kota kita menjadi pembicara akhir tahun lalu di Yokohama.", "akhir tahun lalu", "relative", "2022-09-01..2022-12-31",
     {"granularity": "part", "part": "akhir", "tense": "past"}),
    ("Penghargaan diraih pada tahun 2023 ini.", "2023 ini", "year", "2023-01-01..2023-12-31", {}),
    ("Perjalanan dinas ketiga pada tahun ini.", "tahun ini", "relative", "2023-01-01..2023-12-31", {}),
    ("Anggaran dinaikkan tahun depan oleh DPRD.", "tahun depan", "relative", "2024-01-01..2024-12-31", {"tense": "future"}),
    ("Tenggat akhir Desember 2023 bagi pemohon.", "akhir Desember 2023", "month", "2023-12-21..2023-12-31", {"part": "akhir"}),
    ("Lelang dibuka awal tahun 2024 oleh panitia.", "awal tahun 2024", "year", "2024-01-01..2024-04-30", {"part": "awal"}),
    ("Survei digelar pertengahan bulan depan di desa.", "pertengahan bulan depan", "relative", "2023-10-11..2023-10-20",
     {"part": "pertengahan"}),
    ("Laporan diserahkan akhir bulan ini ke gubernur.", "akhir bulan ini", "relative", "2023-09-21..2023-09-30", {"part": "akhir"}),
    ("Harga beras naik pada Mei 2023 di pasar.", "Mei 2023", "month", "2023-05-01..2023-05-31", {}),
    ("Pemilu digelar bulan Maret tahun depan serentak.", "Maret tahun depan", "month", "2024-03-01..2024-03-31",
     {"tense": "future"}),
    ("Kedua tim bertemu Oktober nanti di Jakarta.", "Oktober nanti", "month", "2023-10-01..2023-10-31", {"tense": "future"}),
    ("Kontrak berakhir Januari mendatang menurut direksi.", "Januari mendatang", "month", "2024-01-01..2024-01-31",
     {"tense": "future"}),
    ("Banjir melanda Desember lalu di kota itu.", "Desember lalu", "month", "2022-12-01..2022-12-31", {"tense": "past"}),
    ("Perusahaan berdiri pada 2019 di Bontang.", "2019", "year", "2019-01-01..2019-12-31", {}),
    ("Ia menjabat sejak 2015 sebagai kepala dinas.", "2015", "year", "2015-01-01..2015-12-31", {}),
    ("Ia menjuarai ajang itu pada tahun 2015 silam.", "2015 silam", "year", "2015-01-01..2015-12-31", {"tense": "past"}),
    ("Penjualan turun sejak Januari hingga Mei 2023.", "Januari hingga Mei 2023", "range", "2023-01-01..2023-05-31",
     {"granularity": "month"}),
    ("Festival digelar bulan juli di pantai.", "bulan juli", "month", "2023-07-01..2023-07-31", {}),
    ("Festival digelar penghujung tahun ini di pantai.", "penghujung tahun ini", "relative", "2023-09-01..2023-12-31",
     {"part": "akhir"}),
    ("Kebijakan berlaku medio 2022 di daerah itu.", "medio 2022", "year", "2022-05-01..2022-08-31", {"part": "pertengahan"}),
    ("Tahap berikut hingga 26 Juni tahun depan.", "26 Juni tahun depan", "date", "2024-06-26", {"year_inferred": True}),
    ("Kereta beroperasi pada 2019 nanti menurut direksi.", "2019 nanti", "year", "2019-01-01..2019-12-31", {"tense": "future"}),
    ("Tahun lalu panen gagal di desa itu.", "Tahun lalu", "relative", "2022-01-01..2022-12-31", {"tense": "past"}),
]

RELATIVE = [
    ("Rapat digelar hari ini di kantor wali kota.", "hari ini", "relative", "2023-09-13", {"anchor": "reference"}),
    ("Ia tiba kemarin di Bontang.", "kemarin", "relative", "2023-09-12", {"tense": "past"}),
    ("Ia tiba kemarin lusa di Bontang.", "kemarin lusa", "relative", "2023-09-11", {"tense": "past"}),
    ("Ia berangkat besok ke Incheon.", "besok", "relative", "2023-09-14", {"tense": "future"}),
    ("Ia berangkat esok ke Incheon.", "esok", "relative", "2023-09-14", {"tense": "future"}),
    ("Ia berangkat lusa ke Incheon.", "lusa", "relative", "2023-09-15", {"tense": "future"}),
    ("Ia berangkat esok hari ke Incheon.", "esok hari", "relative", "2023-09-14", {}),
    ("Kejadian itu dua hari lalu di pasar.", "dua hari lalu", "relative", "2023-09-11", {"tense": "past"}),
    ("Kejadian itu 2 hari yang lalu di pasar.", "2 hari yang lalu", "relative", "2023-09-11", {"tense": "past"}),
    ("Keputusan diumumkan tiga hari lagi oleh KPU.", "tiga hari lagi", "relative", "2023-09-16", {"tense": "future"}),
    ("Ia dilantik sepekan lalu oleh gubernur.", "sepekan lalu", "relative", "2023-09-06", {}),
    ("Hasil keluar seminggu lagi menurut panitia.", "seminggu lagi", "relative", "2023-09-20", {}),
    ("Sidang dilanjutkan pekan depan di PN.", "pekan depan", "relative", "2023-09-18..2023-09-24", {"granularity": "week"}),
    ("Harga cabai naik minggu lalu di pasar.", "minggu lalu", "relative", "2023-09-04..2023-09-10", {"granularity": "week"}),
    ("Tarif naik bulan depan menurut PLN.", "bulan depan", "relative", "2023-10-01..2023-10-31", {"granularity": "month"}),
    ("Inflasi turun bulan lalu menurut BPS.", "bulan lalu", "relative", "2023-08-01..2023-08-31", {"tense": "past"}),
    ("Ia akan ke Jakarta Senin depan untuk rapat.", "Senin depan", "relative", "2023-09-18", {"tense": "future"}),
    ("Ia ke Jakarta Jumat lalu untuk rapat.", "Jumat lalu", "relative", "2023-09-08", {"tense": "past"}),
    ("Pawai digelar Sabtu mendatang di alun-alun.", "Sabtu mendatang", "relative", "2023-09-16", {"tense": "future"}),
    ("Wali kota meresmikan pasar pada Kamis di Loktuan.", "Kamis", "relative", "2023-09-07", {}),
    ("Wali kota akan meresmikan pasar pada Kamis di Loktuan.", "Kamis", "relative", "2023-09-14", {"tense": "future"}),
    ("Wali kota meresmikan pasar pada Rabu di Loktuan.", "Rabu", "relative", "2023-09-13", {}),
    ("Kantor itu dibuka lima tahun lalu di Bontang.", "lima tahun lalu", "relative", "2018-01-01..2018-12-31", {"granularity": "year"}),
    ("Harga naik tiga bulan lalu menurut pedagang.", "tiga bulan lalu", "relative", "2023-06-01..2023-06-30", {"granularity": "month"}),
    ("Sungai meluap dua minggu lalu di hulu.", "dua minggu lalu", "relative", "2023-08-30", {}),
    ("Jembatan runtuh sepuluh hari lalu di hulu.", "sepuluh hari lalu", "relative", "2023-09-03", {}),
    ("Jembatan runtuh dua belas hari lalu di hulu.", "dua belas hari lalu", "relative", "2023-09-01", {}),
    ("Jembatan runtuh dua puluh hari lalu di hulu.", "dua puluh hari lalu", "relative", "2023-08-24", {}),
    ("Pemilu digelar sebelas hari lagi di seluruh kota.", "sebelas hari lagi", "relative", "2023-09-24", {}),
    ("Vaksinasi dilanjutkan pekan ini di puskesmas.", "pekan ini", "relative", "2023-09-11..2023-09-17", {}),
    ("Kenaikan berlaku bulan ini di semua gerai.", "bulan ini", "relative", "2023-09-01..2023-09-30", {}),
    ("Minggu lalu, warga bergotong royong.", "Minggu lalu", "relative", "2023-09-04..2023-09-10", {"granularity": "week"}),
    ("Warga bergotong royong pada Minggu lalu di RT 5.", "Minggu lalu", "relative", "2023-09-10", {"granularity": "day"}),
    ("Warga bergotong royong hari Minggu di RT 5.", "Minggu", "relative", "2023-09-10", {}),
    ("Pesta rakyat digelar Kamis malam di lapangan.", "Kamis malam", "relative", "2023-09-07",
     {"time": {"clock": None, "zone": None, "part": "malam"}}),
    ("Rapat digelar Senin ini di kantor.", "Senin ini", "relative", "2023-09-11", {}),
    ("Bantuan disalurkan sejak Senin di kecamatan.", "Senin", "relative", "2023-09-11", {}),
    ("Kami kembali seminggu yang lalu dari Bali.", "seminggu yang lalu", "relative", "2023-09-06", {}),
    ("Sidang ditunda pekan lalu oleh hakim.", "pekan lalu", "relative", "2023-09-04..2023-09-10", {}),
    ("Kami bertemu Rabu kemarin di kantor.", "Rabu kemarin", "relative", "2023-09-06", {"tense": "past"}),
    ("Balapan digelar pada akhir pekan lalu di Sepang.", "akhir pekan lalu", "relative", "2023-09-09..2023-09-10",
     {"granularity": "weekend"}),
    ("Final dijadwalkan akhir pekan ini di GBK.", "akhir pekan ini", "relative", "2023-09-16..2023-09-17", {}),
    ("Warga berwisata akhir minggu depan ke pantai.", "akhir minggu depan", "relative", "2023-09-23..2023-09-24", {}),
    ("Jadwal berubah tiga tahun yang lalu menurut panitia.", "tiga tahun yang lalu", "relative", "2020-01-01..2020-12-31", {}),
]

PREVIOUS = [
    ("Rakor digelar Senin (11/9/2023). Penghargaan diberikan pada malam harinya.", "malam harinya", "relative",
     "2023-09-11", {"anchor": "narrative", "time": {"clock": None, "zone": None, "part": "malam"}}),
    ("Ia tiba Senin (11/9/2023). Keesokan harinya ia ke Jeju.", "Keesokan harinya", "relative", "2023-09-12",
     {"anchor": "narrative"}),
    ("Ia tiba Senin (11/9/2023). Sehari kemudian ia ke Jeju.", "Sehari kemudian", "relative", "2023-09-12", {"anchor": "narrative"}),
    ("Ia tiba Senin (11/9/2023). Dua hari kemudian ia ke Jeju.", "Dua hari kemudian", "relative", "2023-09-13", {}),
    ("Ia tiba Senin (11/9/2023), sehari sebelumnya ia rapat.", "sehari sebelumnya", "relative", "2023-09-10", {"tense": "past"}),
    ("Ia tiba Senin (11/9/2023), tiga hari sebelumnya ia rapat.", "tiga hari sebelumnya", "relative", "2023-09-08", {}),
    ("Ia tiba pada 1 Juni 2023. Dua bulan kemudian ia pulang.", "Dua bulan kemudian", "relative", "2023-08-01..2023-08-31",
     {"granularity": "month"}),
    ("Ia tiba pada 1 Juni 2023. Esok harinya ia pulang.", "Esok harinya", "relative", "2023-06-02", {}),
]

DURATIONS = [
    ("Rakor ini direncanakan berlangsung selama tiga hari di Batam.", "selama tiga hari", "duration", None,
     {"duration": {"days": 3}}),
    ("Pameran berlangsung selama 5 hari di JCC.", "selama 5 hari", "duration", None, {"duration": {"days": 5}}),
    ("Pelatihan itu berlangsung sepekan di Bogor.", "sepekan", "duration", None, {"duration": {"weeks": 1}}),
    ("Pelatihan itu berlangsung dua minggu di Bogor.", "dua minggu", "duration", None, {"duration": {"weeks": 2}}),
    ("Ia dirawat dua puluh satu hari di RS.", "dua puluh satu hari", "duration", None, {"duration": {"days": 21}}),
    ("Ia dirawat sebelas hari di RS.", "sebelas hari", "duration", None, {"duration": {"days": 11}}),
    ("Ia dirawat empat belas hari di RS.", "empat belas hari", "duration", None, {"duration": {"days": 14}}),
    ("Perbaikan butuh sehari penuh menurut teknisi.", "sehari", "duration", None, {"duration": {"days": 1}}),
    ("Kontrak berlaku setahun sejak diteken.", "setahun", "duration", None, {"duration": {"years": 1}}),
    ("Kontrak berlaku delapan bulan sejak diteken.", "delapan bulan", "duration", None, {"duration": {"months": 8}}),
    ("Pembangunan makan waktu enam tahun menurut kontraktor.", "enam tahun", "duration", None, {"duration": {"years": 6}}),
    ("Kegiatan berlangsung sembilan hari di desa.", "sembilan hari", "duration", None, {"duration": {"days": 9}}),
    ("Kegiatan berlangsung tujuh hari di desa.", "tujuh hari", "duration", None, {"duration": {"days": 7}}),
]

TIMES = [
    ("Rapat dimulai pukul 09.00 WITA di aula.", "pukul 09.00 WITA", "time", "2023-09-13",
     {"time": {"clock": "09:00", "zone": "WITA", "part": None}}),
    ("Rapat dimulai pukul 19.30 WIB di aula.", "pukul 19.30 WIB", "time", "2023-09-13",
     {"time": {"clock": "19:30", "zone": "WIB", "part": None}}),
    ("Layanan buka pukul 08.00-12.00 WIT setiap hari kerja.", "pukul 08.00-12.00 WIT", "time", "2023-09-13",
     {"time": {"clock": "08:00-12:00", "zone": "WIT", "part": None}}),
    ("Ia datang jam 9 pagi ke kantor.", "jam 9 pagi", "time", "2023-09-13",
     {"time": {"clock": "09:00", "zone": None, "part": "pagi"}}),
]

TABLE = ABSOLUTE + MONTH_FORMS + RANGES + PARTIAL + RELATIVE + PREVIOUS + DURATIONS + TIMES


def test_table_inputs_are_unique_and_many():
    assert_unique(TABLE, key=lambda r: (r[0], r[1]))
    assert len(TABLE) >= 150


@pytest.mark.parametrize("text,expected,kind,value,extra", TABLE, ids=[r[1] + "|" + r[0][:20] for r in TABLE])
def test_expression_is_normalized(text, expected, kind, value, extra):
    check(only(text, REF, expected), kind, value, extra)


# yearless dates take the year nearest the reference that fits the tense
YEARLESS = [
    ("Pelantikan 3 Januari mendatang di gedung DPRD.", date(2023, 12, 28), "3 Januari mendatang", "2024-01-03"),
    ("Pelantikan 3 Januari di gedung DPRD.", date(2023, 12, 28), "3 Januari", "2024-01-03"),
    ("Banjir 28 Desember lalu merendam desa.", date(2024, 1, 5), "28 Desember lalu", "2023-12-28"),
    ("Rapat digelar Senin (27/3) di kantor.", date(2023, 3, 28), "Senin (27/3)", "2023-03-27"),
    ("Kegiatan pada Selasa (19/09) mendatang.", date(2023, 9, 12), "Selasa (19/09) mendatang", "2023-09-19"),
    ("Rapat digelar Jumat (3/3) pagi di aula.", date(2023, 3, 4), "Jumat (3/3) pagi", "2023-03-03"),
    ("Laporan ditutup 30 Desember kemarin oleh panitia.", date(2024, 1, 2), "30 Desember kemarin", "2023-12-30"),
    ("Pengumuman pada 2 Januari nanti oleh panitia.", date(2023, 12, 30), "2 Januari nanti", "2024-01-02"),
    ("Pendaftaran akan ditutup pada Rabu (10/1) pukul 23.59.", date(2018, 1, 11), "Rabu (10/1) pukul 23.59", "2018-01-10"),
    ("Festival 20 Agustus mendatang di pantai.", date(2023, 9, 13), "20 Agustus mendatang", "2023-08-20"),
]


@pytest.mark.parametrize("text,ref,expected,value", YEARLESS, ids=[r[2] for r in YEARLESS])
def test_yearless_date_takes_the_nearest_year_fitting_the_tense(text, ref, expected, value):
    e = only(text, ref, expected)
    check(e, e.kind, value, {"year_inferred": True})


def test_yearless_inputs_are_unique():
    assert_unique(YEARLESS)


def test_stated_weekday_that_does_not_fit_is_flagged_not_shifted():
    e = only("Rakor berlangsung di Batam, Selasa (15/1/2025) ini.", date(2025, 1, 15), "Selasa (15/1/2025) ini")
    check(e, "date", "2025-01-15", {"weekday": {"stated": "Selasa", "actual": "Rabu", "ok": False}})


def test_weekday_never_overrides_the_nearest_year_rule():
    # 27/3 nearest to 2024-03-20 is 2024-03-27 (a Wednesday); "Senin" fits 2023 but must not move the date
    e = only("Rapat digelar Senin (27/3) di kantor.", date(2024, 3, 20), "Senin (27/3)")
    check(e, "date", "2024-03-27", {"weekday": {"stated": "Senin", "actual": "Rabu", "ok": False}})
    assert e.note == "weekday fits year 2023"


INVALID = [
    ("Rapat pada 31 September 2023 dibatalkan.", "31 September 2023", (31, 9, 2023)),
    ("Sidang pada 29 Februari 2023 ditunda.", "29 Februari 2023", (29, 2, 2023)),
    ("Surat tertanggal 31/09/2023 beredar.", "31/09/2023", (31, 9, 2023)),
    ("Kunjungan Sabtu (31/4/2024) batal.", "Sabtu (31/4/2024)", (31, 4, 2024)),
]


@pytest.mark.parametrize("text,expected,written", INVALID, ids=[r[1] for r in INVALID])
def test_date_that_does_not_exist_is_reported_invalid(text, expected, written):
    e = only(text, REF, expected)
    assert e.valid is False and e.value is None and e.written == written
    assert e.to_json()["valid"] is False
    if e.weekday is not None:
        assert e.weekday.actual is None and e.weekday.ok is None


def test_leap_day_of_a_leap_year_is_valid():
    check(only("Sidang pada 29 Februari 2024 ditunda.", REF, "29 Februari 2024"), "date", "2024-02-29", {"valid": True})


VAGUE_AGO = [
    ("Kasus itu terungkap beberapa waktu lalu di Anyer.", "beberapa waktu lalu", "past"),
    ("Rasanya baru beberapa hari yang lalu ia pergi.", "beberapa hari yang lalu", "past"),
    ("Hasilnya keluar beberapa bulan lagi menurut dinas.", "beberapa bulan lagi", "future"),
]


@pytest.mark.parametrize("text,expected,tense", VAGUE_AGO, ids=[r[1] for r in VAGUE_AGO])
def test_vague_time_ago_is_a_reference_with_no_date(text, expected, tense):
    e = only(text, REF, expected)
    assert e.kind == "ref" and e.value is None and e.tense == tense and e.resolved


NO_REFERENCE = [
    ("Ia tiba kemarin di Bontang.", "kemarin"),
    ("Rombongan ke Malaysia di Juni kemarin.", "Juni kemarin"),
    ("Rapat digelar Senin (27/3) di kantor.", "Senin (27/3)"),
    ("Ia ke Jakarta Jumat lalu untuk rapat.", "Jumat lalu"),
    ("Perjalanan dinas ketiga pada tahun ini.", "tahun ini"),
]


@pytest.mark.parametrize("text,expected", NO_REFERENCE, ids=[r[1] for r in NO_REFERENCE])
def test_relative_and_yearless_without_reference_are_unresolved(text, expected):
    e = only(text, None, expected)
    assert e.value is None and e.resolved is False and e.note == "no reference date"


def test_explicit_date_without_reference_is_resolved():
    e = only("Wali kota hadir di Jakarta, Senin (18/9/2023).", None, "Senin (18/9/2023)")
    assert e.resolved and e.to_json()["value"] == {"start": "2023-09-18", "end": "2023-09-18"}


def test_previous_anchor_without_earlier_date_is_unresolved():
    e = only("Keesokan harinya ia ke Jeju.", REF, "Keesokan harinya")
    assert e.value is None and e.anchor == "narrative" and e.resolved is False


def test_expressions_are_sorted_and_do_not_overlap():
    from timeline.temporal import find_dates

    text = "Senin (18/9/2023) pukul 09.00 WIB ia berangkat, lalu 18-22 Oktober nanti forum digelar selama lima hari."
    found = find_dates(text, REF)
    assert [e.text for e in found] == ["Senin (18/9/2023) pukul 09.00 WIB", "18-22 Oktober nanti", "selama lima hari"]
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_tense_marker_in_another_clause_does_not_leak():
    e = only("Ia akan datang, tetapi pada Kamis ia di Samarinda.", REF, "Kamis")
    assert e.tense is None and e.to_json()["value"]["start"] == "2023-09-07"


def test_tense_that_would_move_a_date_by_more_than_half_a_year_is_noted_not_followed():
    e = only("Festival 20 Agustus mendatang di pantai.", REF, "20 Agustus mendatang")
    assert e.note == "tense marker does not fit the nearest year"
