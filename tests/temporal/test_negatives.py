"""Text that looks temporal but is not: must yield nothing, or only the right kind."""

from __future__ import annotations

from datetime import date

import pytest

from temporal_helpers import assert_unique
from timeline.temporal import find_dates

REF = date(2023, 9, 13)

NOTHING = [
    "Kemacetan lalu lintas terjadi di simpang empat.",
    "Warga berkumpul di depan kantor camat.",
    "Ke depan kerja sama akan ditingkatkan.",
    "Ia memakai jam tangan mewah saat sidang.",
    "Tinjau Program Sabtu Bersih di kelurahan.",
    "Kegiatan Jumat Berkah dibagikan kepada warga.",
    "Polisi menggelar Jumat Curhat bersama warga.",
    "Proyek senilai Rp 1,25 triliun disetujui.",
    "Persib menang dengan skor 2-1 atas Persija.",
    "Harga naik 15 persen dibanding kemarinnya.",
    "Lihat halaman 12 untuk rincian anggaran.",
    "Ia meraih nilai 85 dari 100 peserta.",
    "1 hari ago",
    "Harga turun 3,5 persen tahun-tahun belakangan ini.",
    "Versi aplikasi 1.2.3 dirilis untuk Android.",
    "Hubungi 0812-3456-7890 untuk pendaftaran.",
    "Peraturan KPU Nomor 1 Tahun 2017 mengatur tahapan.",
    "Terdakwa dijerat UU No 20 Tahun 2001 tentang korupsi.",
    "Rekening berisi Rp 10.000.000 dibekukan.",
    "Kode 45/13/2023 tidak sah.",
    "Selamat pagi para hadirin sekalian.",
    "Ia lulus dari Universitas Sebelas Maret di Solo.",
    "Pemain nomor 10 Agus Salim mencetak gol.",
    "Kebutuhan sehari-hari warga dipenuhi.",
    "Ia datang, lalu pergi tanpa pamit.",
    "Puasa Senin Kamis dijalankan warga desa.",
    "Ia menjual 2 unit mobil dan 3 rumah.",
    "Ia sudah dua kali mencalonkan diri.",
    "Jan Ethes bermain di halaman istana.",
    "Mar dan Jan adalah nama panggilan mereka.",
    "Skor akhir 3-0 untuk tuan rumah.",
    "Pasal 5 ayat 2 mengatur hal tersebut.",
    "Paket dikirim pukul 25.00 menurut resi palsu.",
    "Malam penganugerahan berlangsung meriah.",
    "Ia menunggu setengah dari anggaran cair.",
    "Kamis adalah hari favoritnya.",
    "2 jam ago",
    "Pertandingan berakhir 1-1 di Stadion Patriot.",
    "Inflasi tahunan 2,28 persen menurut BPS.",
    "Mahasiswa Institut Teknologi 10 November (ITS) menang lomba.",
    "Toko itu berada di Jalan 17 Agustus nomor 5.",
    "Kantor pelayanan buka Senin hingga Jumat bagi warga.",
    "Layanan tersedia Senin-Sabtu di semua cabang.",
    "Pasar ramai saat Sabtu dan Minggu menurut pedagang.",
    "Kucing bernama juni itu hilang di kompleks.",
    "Kami bertemu Agus di kantor camat.",
]


def test_negative_inputs_are_unique():
    assert_unique(NOTHING, key=lambda r: r)
    assert len(NOTHING) >= 25


@pytest.mark.parametrize("text", NOTHING)
def test_not_a_time_expression(text):
    assert find_dates(text, REF) == []


RIGHT_KIND = [
    ("Pelatihan berlangsung dua minggu di Bogor.", "dua minggu", "duration"),
    ("Penghargaan TJSLP Awards 2024 diberikan kepada perusahaan.", "2024", "year"),
    ("Taktik itu dipakai sejak 1970-an oleh intelijen.", "1970-an", "year"),
    ("Penghargaan diberikan pada 2024 kepada perusahaan.", "2024", "year"),
    ("Dalam seminggu ia dua kali ke Jakarta.", "seminggu", "duration"),
    ("Acara digelar hari Minggu pagi di taman.", "Minggu pagi", "relative"),
]


@pytest.mark.parametrize("text,expected,kind", RIGHT_KIND, ids=[r[1] for r in RIGHT_KIND])
def test_only_the_right_kind_is_found(text, expected, kind):
    found = find_dates(text, REF)
    assert [(e.text, e.kind) for e in found] == [(expected, kind)]


def test_sidebar_residue_is_not_read_as_yesterday():
    text = "Indira Yusuf Ismail Ingatkan Warga\n\n1 hari ago\n\nArwin Azis Hadiri Puncak\n\n2 hari ago\n"
    assert find_dates(text, date(2024, 4, 25)) == []


@pytest.mark.parametrize("text", ["", " ", "(", ")", "((((", "12/", "/12/2023", "-" * 50, "\x00\ud800", "Senin (", "pukul",
                                  "1" * 5000, "Jum'at'" * 30, "31/02/99999", "s.d. s/d", "İstanbul 12 Mei 2023 İİ"])
def test_odd_text_never_raises(text):
    find_dates(text, REF)
    find_dates(text, None)
