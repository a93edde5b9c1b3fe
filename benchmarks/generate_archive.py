"""Generate a realistic synthetic archive of Indonesian regional news, with planted contradictions.

    python benchmarks/generate_archive.py OUT_DIR --articles N --seed S [--contradiction-rate 0.05]

Writes OUT_DIR/berita/YYYY/MM/NNNNNN-slug.txt articles (title line, dateline with outlet and city, lede with the
reporting date) about a roster of ~N/20 officials of real regions: trips abroad (departure, a forum during
the trip, return), local events (rakor, peresmian, sidak, kunjungan kerja), companions, several articles
per real event (consistent with each other), filler, quotes and "Baca Juga" lines. A known share of
articles carries one planted contradiction (date-conflict, outside-trip, weekday-mismatch, invalid-date);
OUT_DIR/ground_truth.json lists them
(paths relative to OUT_DIR). Check the archive with `timeline check OUT_DIR/berita`. The same seed gives byte-identical output.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

# --------------------------------------------------------------------------------------------------
# Generator data: calendar words, names, regions, destinations, outlets and sentence templates.
# --------------------------------------------------------------------------------------------------

WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember")
NUMBER_WORDS = {2: "dua", 3: "tiga", 4: "empat", 5: "lima", 6: "enam", 7: "tujuh"}

FIRST_NAMES = (
    "Basri", "Andi", "Ahmad", "Muhammad", "Agus", "Budi", "Edi", "Rudy", "Hendra", "Yusuf", "Rahmat",
    "Syahrul", "Irwan", "Arif", "Bambang", "Joko", "Dedi", "Ridwan", "Fauzi", "Hasan", "Ismail", "Sutrisno",
    "Eko", "Wahyu", "Hadi", "Sri", "Siti", "Nur", "Dewi", "Ratna", "Rita", "Yuliana", "Fitri", "Indah",
    "Lestari", "Ani", "Hj. Sumiati", "Roni", "Teguh", "Slamet", "Imam", "Zulkifli", "Amiruddin", "Usman",
    "Heru", "Soni", "Najirah", "Rendi", "Sunggono", "Akmal", "Isran", "Hadi", "Sahril", "Darwis", "Ilham",
    "Taufik", "Firman", "Gunawan", "Herman", "Iskandar", "Jusuf", "Kamaruddin", "Lukman", "Mansyur",
    "Nasrun", "Oktavianus", "Paulus", "Rusli", "Safaruddin", "Tamrin", "Umar", "Viktor", "Wawan", "Yohanes",
)
LAST_NAMES = (
    "Rase", "Damansyah", "Solihin", "Noor", "Malik", "Mas'ud", "Suwito", "Triatmojo", "Fahriza", "Pangaribuan",
    "Siregar", "Nasution", "Harahap", "Lubis", "Simanjuntak", "Sitompul", "Tanjung", "Hutapea", "Pohan",
    "Santoso", "Wibowo", "Saputra", "Setiawan", "Hidayat", "Kurniawan", "Prasetyo", "Gunadi", "Sudirman",
    "Hamzah", "Latief", "Pasinringi", "Mappiasse", "Bachtiar", "Rahman", "Syamsuddin", "Ramli", "Haris",
    "Wijaya", "Pratama", "Nugroho", "Permana", "Hakim", "Daeng", "Tahir", "Sinaga", "Manurung", "Tarigan",
    "Ginting", "Sembiring", "Purba", "Marpaung", "Wenda", "Kogoya", "Rumbiak", "Sahetapy", "Pattiasina",
    "Lumban", "Effendi", "Firdaus", "Husain", "Anwar", "Mustafa", "Sulaiman", "Zainal", "Arsyad", "Hasibuan",
)

# (kind, name, short form, zone); kind decides the head's title.
REGIONS = (
    ("Kota", "Bontang", "Bontang", "WITA"), ("Kota", "Samarinda", "Samarinda", "WITA"),
    ("Kota", "Balikpapan", "Balikpapan", "WITA"), ("Kabupaten", "Kutai Kartanegara", "Kukar", "WITA"),
    ("Kabupaten", "Kutai Timur", "Kutim", "WITA"), ("Kabupaten", "Berau", "Berau", "WITA"),
    ("Kabupaten", "Paser", "Paser", "WITA"), ("Kabupaten", "Penajam Paser Utara", "PPU", "WITA"),
    ("Provinsi", "Kalimantan Timur", "Kaltim", "WITA"), ("Kota", "Makassar", "Makassar", "WITA"),
    ("Kota", "Parepare", "Parepare", "WITA"), ("Kabupaten", "Gowa", "Gowa", "WITA"),
    ("Kabupaten", "Bone", "Bone", "WITA"), ("Provinsi", "Sulawesi Selatan", "Sulsel", "WITA"),
    ("Kota", "Denpasar", "Denpasar", "WITA"), ("Kabupaten", "Badung", "Badung", "WITA"),
    ("Kota", "Mataram", "Mataram", "WITA"), ("Kota", "Surabaya", "Surabaya", "WIB"),
    ("Kota", "Malang", "Malang", "WIB"), ("Kabupaten", "Sidoarjo", "Sidoarjo", "WIB"),
    ("Kabupaten", "Banyuwangi", "Banyuwangi", "WIB"), ("Provinsi", "Jawa Timur", "Jatim", "WIB"),
    ("Kota", "Semarang", "Semarang", "WIB"), ("Kota", "Surakarta", "Solo", "WIB"),
    ("Kabupaten", "Kendal", "Kendal", "WIB"), ("Provinsi", "Jawa Tengah", "Jateng", "WIB"),
    ("Kota", "Bandung", "Bandung", "WIB"), ("Kota", "Bekasi", "Bekasi", "WIB"),
    ("Kota", "Bogor", "Bogor", "WIB"), ("Kabupaten", "Garut", "Garut", "WIB"),
    ("Provinsi", "Jawa Barat", "Jabar", "WIB"), ("Kota", "Medan", "Medan", "WIB"),
    ("Kabupaten", "Deli Serdang", "Deli Serdang", "WIB"), ("Provinsi", "Sumatera Utara", "Sumut", "WIB"),
    ("Kota", "Padang", "Padang", "WIB"), ("Kota", "Pekanbaru", "Pekanbaru", "WIB"),
    ("Kota", "Palembang", "Palembang", "WIB"), ("Kota", "Pontianak", "Pontianak", "WIB"),
    ("Kota", "Banjarmasin", "Banjarmasin", "WITA"), ("Kota", "Manado", "Manado", "WITA"),
    ("Kota", "Ambon", "Ambon", "WIT"), ("Kota", "Jayapura", "Jayapura", "WIT"),
    ("Kabupaten", "Mimika", "Mimika", "WIT"), ("Kota", "Kupang", "Kupang", "WITA"),
)
HEAD_TITLES = {"Kota": "Wali Kota", "Kabupaten": "Bupati", "Provinsi": "Gubernur"}
DEPUTY_TITLES = {"Kota": "Wakil Wali Kota", "Kabupaten": "Wakil Bupati", "Provinsi": "Wakil Gubernur"}
OFFICES = (
    ("Dinas", "Pariwisata"), ("Dinas", "Pekerjaan Umum dan Penataan Ruang"), ("Dinas", "Lingkungan Hidup"),
    ("Dinas", "Pendidikan"), ("Dinas", "Kesehatan"), ("Dinas", "Perhubungan"),
    ("Dinas", "Koperasi dan UKM"), ("Dinas", "Penanaman Modal dan PTSP"), ("Dinas", "Sosial"),
    ("Badan", "Perencanaan Pembangunan Daerah"), ("Badan", "Pengelolaan Keuangan dan Aset Daerah"),
    ("Badan", "Penanggulangan Bencana Daerah"),
)
COMPASS = ("Utara", "Selatan", "Barat", "Timur", "Tengah", "Kota")

# (country as written, city, forum names held there)
DESTINATIONS = (
    ("Korea Selatan", "Incheon"), ("Jepang", "Kitakyushu"), ("Tiongkok", "Beijing"),
    ("Malaysia", "Kuala Lumpur"), ("Singapura", "Singapura"), ("Australia", "Perth"),
    ("Belanda", "Den Haag"), ("Swiss", "Jenewa"), ("Thailand", "Bangkok"), ("Arab Saudi", "Jeddah"),
    ("Turki", "Istanbul"), ("Jerman", "Berlin"), ("Prancis", "Paris"), ("Vietnam", "Hanoi"),
    ("Filipina", "Manila"), ("Uni Emirat Arab", "Dubai"), ("Selandia Baru", "Auckland"),
    ("Amerika Serikat", "New York"), ("Inggris", "London"), ("Italia", "Roma"),
)
FORUMS = (
    "Forum Pimpinan Ketahanan Bencana", "Konferensi Kota Cerdas Asia Pasifik", "Forum Ekonomi Hijau Daerah",
    "Pertemuan Kota Ramah Lingkungan", "Forum Investasi Asia Tenggara", "Konferensi Pengelolaan Sampah Kota",
    "Forum Pariwisata Berkelanjutan", "Pertemuan Pemimpin Daerah Pesisir", "Forum Energi Terbarukan",
    "Konferensi Kesehatan Perkotaan",
)
OUTLETS = (
    "Infokaltim.id", "SuaraKaltim.id", "KOMPAS.com", "TRIBUNNEWS.COM", "ANTARA", "detikNews",
    "PRANALA.CO", "Kaltimpost.id", "UPDATEINDONESIA.COM", "KLIKKALTIM.COM", "Fajar.co.id", "Radar Bali",
    "JawaPos.com", "Medcom.id", "iNews.id", "Sindonews.com",
)
FACILITIES = (
    "Pasar Rakyat", "Gedung Serbaguna", "Puskesmas Rawat Inap", "Taman Kota", "Jembatan Penghubung",
    "Instalasi Pengolahan Air", "Rumah Sakit Pratama", "Sekolah Dasar Negeri 12", "Mal Pelayanan Publik",
    "Tempat Pembuangan Akhir", "Balai Latihan Kerja", "Perpustakaan Daerah",
)
RAKOR_TOPICS = (
    "penanganan inflasi daerah", "kesiapsiagaan bencana", "percepatan penurunan stunting",
    "pengamanan Natal dan Tahun Baru", "persiapan arus mudik Lebaran", "realisasi anggaran triwulan",
    "penanganan banjir", "pengendalian harga bahan pokok",
)
SIDAK_TARGETS = (
    "Pasar Induk", "Rumah Sakit Umum Daerah", "kantor Dinas Kependudukan dan Catatan Sipil",
    "proyek drainase", "gudang Bulog", "Terminal Penumpang", "pelabuhan penyeberangan", "SPBU",
)
VENUES = ("Balai Kota", "Kantor Bupati", "Kantor Gubernur", "Rumah Jabatan", "Pendopo", "Aula Kantor Camat")
SPOKES_TITLES = (
    "Kepala Bagian Protokol dan Komunikasi Pimpinan", "Kepala Bagian Hubungan Masyarakat",
    "Kepala Bagian Umum",
)
QUOTES = (
    "Kami ingin pelayanan kepada masyarakat terus meningkat dan semua program berjalan tepat waktu",
    "Ini menjadi kebanggaan bagi daerah kita, karena tidak semua daerah mendapat kesempatan seperti ini",
    "Saya minta seluruh perangkat daerah bekerja sama dan tidak saling menunggu",
    "Pengalaman dari daerah lain bisa kita terapkan sesuai kondisi di sini",
    "Kami akan memastikan anggaran digunakan sebaik-baiknya untuk kepentingan warga",
    "Kerja sama ini membuka peluang investasi dan lapangan kerja baru",
    "Masyarakat tidak perlu khawatir, pemerintah hadir dan memantau langsung",
    "Semua pihak harus ikut menjaga kebersihan lingkungan agar bencana bisa dicegah",
    "Kita tidak boleh berpuas diri, masih banyak pekerjaan rumah yang harus diselesaikan",
    "Program ini harus dirasakan manfaatnya sampai ke tingkat kelurahan",
)
FILLER = (
    "Pemerintah daerah menargetkan program tersebut rampung sebelum akhir tahun anggaran.",
    "Sejumlah warga mengaku menyambut baik langkah pemerintah daerah itu.",
    "Anggaran kegiatan bersumber dari APBD dan bantuan pemerintah pusat.",
    "Menurut data pemerintah setempat, jumlah penduduk terus bertambah dalam lima tahun terakhir.",
    "Pekan lalu, pemerintah daerah juga menggelar sosialisasi serupa di sejumlah kelurahan.",
    "Kegiatan tersebut juga dihadiri unsur Forum Komunikasi Pimpinan Daerah serta tokoh masyarakat.",
    "Sebelumnya, DPRD setempat telah menyetujui alokasi anggaran untuk program tersebut.",
    "Warga berharap program itu tidak berhenti di tengah jalan.",
    "Pemerintah daerah juga membuka layanan pengaduan bagi warga yang ingin menyampaikan masukan.",
    "Hingga berita ini diturunkan, belum ada keterangan resmi dari pihak kementerian terkait.",
    "Program serupa sebelumnya telah berjalan di beberapa daerah lain di Indonesia.",
    "Pemerintah daerah menyebut evaluasi akan dilakukan secara berkala setiap tiga bulan.",
    "Tahun lalu, capaian program serupa dinilai belum maksimal karena keterbatasan anggaran dan tenaga.",
    "Sejumlah organisasi perangkat daerah diminta menyiapkan data pendukung untuk bahan evaluasi.",
    "Ketua DPRD setempat menyatakan dukungan penuh selama program dijalankan secara transparan.",
    "Pengamat kebijakan publik dari universitas setempat menilai langkah itu perlu diikuti pengawasan ketat.",
    "Dalam beberapa bulan terakhir, keluhan warga soal pelayanan publik memang meningkat.",
    "Pemerintah daerah juga berencana melibatkan pelaku usaha lokal dalam pelaksanaan program.",
    "Data Badan Pusat Statistik menunjukkan pertumbuhan ekonomi daerah itu berada di atas rata-rata nasional.",
    "Sebagian warga berharap pemerintah lebih sering turun langsung ke lapangan.",
    "Bulan lalu, tim gabungan juga telah melakukan pendataan di sejumlah kelurahan.",
    "Pihaknya memastikan seluruh tahapan kegiatan dapat dipertanggungjawabkan.",
    "Selain itu, pemerintah daerah menyiapkan skema pendampingan bagi kelompok masyarakat.",
    "Kepala desa dan lurah diminta aktif menyosialisasikan program kepada warganya.",
)
READ_ALSO = (
    "Harga Cabai Rawit di Pasar Tradisional Turun Jelang Akhir Bulan",
    "Ribuan Warga Padati Festival Budaya di Alun-alun",
    "Dinas Kesehatan Imbau Warga Waspadai Demam Berdarah",
    "Jalan Poros Antarkecamatan Rusak Parah, Warga Minta Perbaikan",
    "Timnas U-23 Menang Tipis atas Vietnam",
    "BMKG Prakirakan Hujan Lebat Sepekan ke Depan",
)
PLANT_RULES = (("date-conflict", "TL101", 0.40), ("outside-trip", "TL102", 0.20),
               ("weekday-mismatch", "TL002", 0.25), ("invalid-date", "TL001", 0.15))
START, END = date(2023, 1, 15), date(2024, 12, 10)
ARTICLES_DIR = "berita"  # articles live here, ground_truth.json beside it (so it is not read as an article)

# --------------------------------------------------------------------------------------------------
# The world: officials and real events
# --------------------------------------------------------------------------------------------------


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@dataclass
class Official:
    id: str
    name: str
    title: str  # as written before the region: "Wali Kota", "Kepala Dinas Pariwisata", "Camat"
    region: tuple[str, str, str, str]
    place: str  # the title's place: the region, or the kecamatan for a camat
    leader: bool
    busy: set[int] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    last_local: dict[str, int] = field(default_factory=dict)
    staff: list["Official"] = field(default_factory=list)

    @property
    def short(self) -> str:
        return self.name.split()[0] if not self.name.startswith("Hj.") else " ".join(self.name.split()[:2])

    @property
    def full(self) -> str:
        return f"{self.title} {self.place} {self.name}"


@dataclass
class Event:
    kind: str  # "trip" | "local"
    official: Official
    day: date  # departure, or the local event's day
    companions: list[Official]
    country: str = ""
    city: str = ""
    forum: str = ""
    forum_days: tuple[date, date] | None = None
    back: date | None = None
    local_type: str = ""  # rakor | peresmian | sidak | kunker
    what: str = ""
    venue: str = ""
    clock: str = ""


@dataclass
class Spec:
    """One article to write: its event, publication date and stance, plus any planted change."""

    event: Event
    published: date
    stance: str  # plan | report | after
    outlet: str
    path: str = ""
    dep_override: date | None = None
    forum_override: tuple[date, date] | None = None
    wrong_weekday: bool = False
    invalid: str | None = None
    only_departure: bool = False


def make_roster(rng: random.Random, n: int) -> list[Official]:
    officials: list[Official] = []
    names: set[str] = set()
    regions = list(REGIONS)
    rng.shuffle(regions)

    def new_name() -> str:
        while True:
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            if rng.random() < 0.25:
                name = f"{rng.choice(FIRST_NAMES)} {name}"
            if name not in names and len(set(name.split())) == len(name.split()):
                names.add(name)
                return name

    def add(title: str, region: tuple[str, str, str, str], place: str, leader: bool) -> Official:
        name = new_name()
        official = Official(slugify(name), name, title, region, place, leader)
        officials.append(official)
        return official

    i = 0
    while len(officials) < n:
        region = regions[i % len(regions)]
        round_ = i // len(regions)
        i += 1
        kind, name = region[0], region[1]
        if round_ == 0:
            head = add(HEAD_TITLES[kind], region, name, True)
            add(DEPUTY_TITLES[kind], region, name, True)
            heads = [head]
        else:  # later rounds: the same regions' offices, kecamatan and police
            heads = [o for o in officials if o.region == region and o.title == HEAD_TITLES[kind]]
        for office_kind, office in rng.sample(OFFICES, 3):
            staff = add(f"Kepala {office_kind} {office}", region, name, False)
            heads[0].staff.append(staff)
        if kind != "Provinsi":
            add("Camat", region, f"{name.split()[0]} {COMPASS[round_ % len(COMPASS)]}", False)
            if round_ == 0:
                add("Kapolres", region, name, False)
    return officials[:n]


def free(officials: list[Official], first: date, last: date, margin: int) -> bool:
    days = range(first.toordinal() - margin, last.toordinal() + margin + 1)
    return all(not (o.busy.intersection(days)) for o in officials)


def occupy(officials: list[Official], first: date, last: date, margin: int) -> None:
    for o in officials:
        o.busy.update(range(first.toordinal() - margin, last.toordinal() + margin + 1))


def random_day(rng: random.Random) -> date:
    return START + timedelta(days=rng.randrange((END - START).days))


def make_event(rng: random.Random, official: Official) -> Event | None:
    """A real event for this official on days when they (and their companions) are elsewhere free."""
    if official.leader and rng.random() < 0.4:
        options = [d for d in DESTINATIONS if d[0] not in official.countries]
        if options:
            country, city = rng.choice(options)
            for _ in range(20):
                day = random_day(rng)
                length = rng.randint(3, 8)
                back = day + timedelta(days=length)
                staff = [s for s in official.staff if free([s], day, back, 2)]
                companions = rng.sample(staff, min(len(staff), rng.choice((0, 1, 2, 2, 3))))
                if not free([official], day, back, 2):
                    continue
                occupy([official, *companions], day, back, 2)
                official.countries.add(country)
                first = day + timedelta(days=rng.randint(1, max(1, length - 2)))
                last = min(back - timedelta(days=1), first + timedelta(days=rng.choice((0, 0, 0, 0, 0, 1, 2, 4))))
                return Event("trip", official, day, companions, country, city, rng.choice(FORUMS), (first, last), back)
    local_type = rng.choice(("rakor", "peresmian", "sidak", "kunker"))
    for _ in range(20):
        day = random_day(rng)
        last = official.last_local.get(local_type)
        if last is not None and abs(day.toordinal() - last) < 21:
            continue
        staff = [s for s in official.staff if free([s], day, day, 1)]
        companions = rng.sample(staff, min(len(staff), rng.choice((0, 0, 1, 2))))
        if not free([official], day, day, 2):
            continue
        occupy([official, *companions], day, day, 1)
        official.last_local[local_type] = day.toordinal()
        region = official.region
        if local_type == "rakor":
            what, venue = f"rapat koordinasi (rakor) {rng.choice(RAKOR_TOPICS)}", f"{rng.choice(VENUES)} {region[1]}"
        elif local_type == "peresmian":
            what, venue = f"{rng.choice(FACILITIES)} {official.place}", f"Kecamatan {region[1].split()[0]} {rng.choice(COMPASS)}"
        elif local_type == "sidak":
            what, venue = rng.choice(SIDAK_TARGETS), region[1]
        else:
            what, venue = f"Kecamatan {region[1].split()[0]} {rng.choice(COMPASS)}", region[1]
        clock = f"{rng.choice((8, 9, 9, 10, 13, 14, 15)):02d}.{rng.choice(('00', '00', '30'))} {region[3]}"
        return Event("local", official, day, companions, local_type=local_type, what=what, venue=venue, clock=clock)
    return None


# --------------------------------------------------------------------------------------------------
# Rendering: dates as Indonesian news writes them, and the article text
# --------------------------------------------------------------------------------------------------


def weekday(d: date, wrong: bool = False, rng: random.Random | None = None) -> str:
    index = d.weekday()
    if wrong:
        index = (index + (rng.randint(1, 6) if rng else 1)) % 7
    return WEEKDAYS[index]


def render_date(rng: random.Random, d: date, published: date, *, wrong_weekday: bool = False,
                allow_relative: bool = True, full: bool = False) -> str:
    """One date in the real mix: `Senin (27/3/2023)`, `Senin (27/3)`, `27 Maret 2023`, relative words.

    `full` (planted dates) always writes the year, so a contradiction never hinges on year inference.
    """
    if wrong_weekday:
        return f"{weekday(d, True, rng)} ({d.day}/{d.month}/{d.year})"
    delta = (d - published).days
    if allow_relative:
        roll = rng.random()
        if delta == -1 and roll < 0.3:
            return "kemarin"
        if delta == 0 and roll < 0.15:
            return "hari ini"
        next_week = published + timedelta(days=7 - published.weekday())
        if 2 <= delta <= 6 and next_week <= d and roll < 0.2:
            return f"{weekday(d)} depan"
    roll = rng.random()
    if roll < 0.45:
        if rng.random() < 0.3:
            return f"{weekday(d)} ({d.day:02d}/{d.month:02d}/{d.year})"
        return f"{weekday(d)} ({d.day}/{d.month}/{d.year})"
    if roll < 0.70 and not full and d.year == published.year and abs(delta) < 60:
        return f"{weekday(d)} ({d.day}/{d.month})"
    if roll < 0.90:
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    return f"{weekday(d)}, {d.day} {MONTHS[d.month - 1]} {d.year}"


def at(text: str) -> str:
    """`pada` before a calendar date, nothing before a bare relative word."""
    return text if text in ("kemarin", "hari ini") or text.endswith(" depan") else f"pada {text}"


def render_range(first: date, last: date) -> str:
    if first == last:
        return f"{first.day} {MONTHS[first.month - 1]} {first.year}"
    if first.month == last.month:
        return f"{first.day}-{last.day} {MONTHS[first.month - 1]} {first.year}"
    return f"{first.day} {MONTHS[first.month - 1]} - {last.day} {MONTHS[last.month - 1]} {last.year}"


def companions_phrase(companions: list[Official]) -> str:
    names = [c.full for c in companions]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + ", dan " + names[-1]


def render(rng: random.Random, spec: Spec) -> tuple[str, str, bool]:
    """The article text, its title, and whether it states a date range."""
    event, pub = spec.event, spec.published
    o = event.official
    region = o.region
    spokes = f"{rng.choice(SPOKES_TITLES)} Setda {region[2]}"
    pub_text = f"{weekday(pub)} ({pub.day}/{pub.month}/{pub.year})"
    has_range = False
    paragraphs: list[str] = []
    if event.kind == "trip":
        dep = spec.dep_override or event.day
        forum_days = spec.forum_override or event.forum_days
        assert forum_days is not None and event.back is not None
        planted = spec.dep_override is not None
        dep_text = render_date(rng, dep, pub, wrong_weekday=spec.wrong_weekday, allow_relative=not planted,
                               full=planted)
        if spec.stance == "plan":
            title = f"{o.name} Dijadwalkan ke {event.country} Hadiri {event.forum}"
            lede = (f"{o.full} dijadwalkan bertolak ke {event.country} {at(dep_text)}. Hal itu disampaikan "
                    f"{spokes} di {rng.choice(VENUES)}, {pub_text}.")
        elif spec.stance == "report":
            title = f"{o.title} {o.place} Bertolak ke {event.country}"
            verb = rng.choice(("bertolak ke", "berangkat ke"))
            lede = (f"{o.full} {verb} {event.country} {at(dep_text)}, untuk menghadiri {event.forum} di "
                    f"{event.city}. Keterangan itu disampaikan {spokes}, {pub_text}.")
        else:
            title = f"Pulang dari {event.country}, {o.name} Bawa Peluang Kerja Sama"
            back_text = render_date(rng, event.back, pub)
            lede = (f"{o.full} telah kembali ke {o.region[1]} {at(back_text)} setelah mengikuti {event.forum} "
                    f"di {event.city}, {event.country}. Hal itu disampaikan {spokes}, {pub_text}.")
            if not spec.only_departure:
                paragraphs.append(f"{o.short} bertolak ke {event.country} {at(dep_text)}.")
        if not spec.only_departure:
            first, last = forum_days
            if first != last or rng.random() < 0.3:
                has_range = first != last
                forum_text = f"pada {render_range(first, last)}"
            else:
                forum_text = at(render_date(rng, first, pub, allow_relative=False))
            future = first > pub
            paragraphs.append(
                f"Di sana, {o.short} {'akan menjadi' if future else 'menjadi'} salah satu pembicara dalam "
                f"{event.forum} yang {'akan berlangsung' if future else 'berlangsung'} di {event.city} {forum_text}."
            )
            if spec.stance != "after" and (spec.forum_override or rng.random() < 0.5):
                back_text = render_date(rng, event.back, pub, allow_relative=False)
                paragraphs.append(f"Rombongan dijadwalkan kembali ke {o.region[1]} {at(back_text)}.")
            if event.companions:
                paragraphs.append(
                    f"Dalam perjalanan dinas itu, {o.short} {'akan ' if spec.stance == 'plan' else ''}didampingi "
                    f"{companions_phrase(event.companions)}."
                )
        paragraphs.insert(0, lede)
        if spec.stance != "after":
            deputy = DEPUTY_TITLES.get(region[0])
            if deputy and o.title == HEAD_TITLES[region[0]]:
                paragraphs.append(f"Selama {o.short} berada di luar negeri, tugas pemerintahan sehari-hari "
                                  f"dijalankan {deputy} {region[1]}.")
    else:
        when = render_date(rng, event.day, pub, wrong_weekday=spec.wrong_weekday,
                           allow_relative=spec.invalid is None)
        if spec.invalid:
            when = spec.invalid
        verb, noun = {
            "rakor": ("memimpin", "Pimpin Rakor"),
            "peresmian": ("meresmikan", "Resmikan"),
            "sidak": ("melakukan inspeksi mendadak (sidak) ke", "Sidak ke"),
            "kunker": ("melakukan kunjungan kerja ke", "Kunjungi"),
        }[event.local_type]
        title = f"{o.name} {noun} {event.what[:40].rstrip()}"
        if spec.stance == "plan":
            lede = (f"{o.full} dijadwalkan {verb} {event.what} di {event.venue} {at(when)}, pukul {event.clock}. "
                    f"Hal itu disampaikan {spokes}, {pub_text}.")
        else:
            tail = "" if when == "hari ini" else f", {when}" if when != "kemarin" else " kemarin"
            lede = f"{o.full} {verb} {event.what} di {event.venue}{tail}."
            if pub != event.day or when in ("kemarin", "hari ini"):
                lede += f" Hal itu disampaikan {spokes}, {pub_text}."
        paragraphs.append(lede)
        if event.companions:
            paragraphs.append(f"Dalam kegiatan itu, {o.short} didampingi {companions_phrase(event.companions)}.")
        if spec.stance != "plan":
            paragraphs.append(f"Kegiatan dimulai pukul {event.clock} dan berlangsung sekitar {NUMBER_WORDS[rng.randint(2, 4)]} jam.")
    paragraphs.append(f"\"{rng.choice(QUOTES)},\" kata {o.short}.")
    fillers = rng.sample(FILLER, rng.randint(8, 14))
    paragraphs.insert(min(len(paragraphs), 2), f"Baca Juga: {rng.choice(READ_ALSO)}")
    paragraphs.extend(" ".join(fillers[i : i + 2]) for i in range(0, len(fillers), 2))
    paragraphs.insert(len(paragraphs) - 1, f"\"{rng.choice(QUOTES)}. Kami terus berkoordinasi dengan semua pihak,\" "
                      f"ujar {o.short} menambahkan.")
    city = o.region[1] if o.region[0] != "Provinsi" else "Jakarta" if rng.random() < 0.1 else o.region[2]
    paragraphs[0] = f"{spec.outlet}, {city} – {paragraphs[0]}"
    text = f"{title}\n\n" + "\n\n".join(paragraphs) + "\n"
    return text, title, has_range


# --------------------------------------------------------------------------------------------------
# Putting it together
# --------------------------------------------------------------------------------------------------


def plan_articles(rng: random.Random, event: Event, count: int) -> list[Spec]:
    """Articles about one event: plans before it, same-day reports, reports after (consistent)."""
    specs = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.35:
            stance, pub = "plan", event.day - timedelta(days=rng.randint(2, 10))
        elif roll < 0.75 or event.kind == "local":
            stance = "report"
            last = (event.back - timedelta(days=1)) if event.back else event.day + timedelta(days=2)
            pub = event.day + timedelta(days=rng.randint(0, max(0, min(2, (last - event.day).days))))
        else:
            stance, pub = "after", event.back + timedelta(days=rng.randint(1, 3))  # type: ignore[operator]
        specs.append(Spec(event, pub, stance, rng.choice(OUTLETS)))
    return specs


def eligible(rule: str, spec: Spec, group: list[Spec]) -> bool:
    """Whether this article can carry a planted contradiction of this rule (and only that one)."""
    event = spec.event
    if rule == "date-conflict":  # moved a day or more earlier, a plan must still lie after publication
        room = (event.day - spec.published).days - 1 if spec.stance == "plan" else 3
        return event.kind == "trip" and len(group) >= 2 and spec.stance in ("plan", "report") and room >= 1
    if rule == "outside-trip":  # alone on its event: no other report of the forum to conflict with
        return event.kind == "trip" and spec.stance == "plan" and len(group) == 1
    if rule == "weekday-mismatch":
        return not (event.kind == "trip" and spec.stance == "after")
    return event.kind == "local" and event.day.month in (2, 4, 6, 9, 11)


def plant(rng: random.Random, specs: list[Spec], by_event: dict[int, list[Spec]], rate: float) -> list[dict]:
    """Change a `rate` share of articles so each carries one known contradiction; return the truth.

    Rules are drawn by PLANT_RULES' weights; at most one plant per real event, so plants never interact.
    """
    target = round(rate * len(specs))
    used_events: set[int] = set()
    truth: list[dict] = []
    order = list(range(len(specs)))
    rng.shuffle(order)
    candidates = {rule: [specs[i] for i in order if eligible(rule, specs[i], by_event[id(specs[i].event)])]
                  for rule, _, _ in PLANT_RULES}
    rules = [r for r, _, _ in PLANT_RULES]
    weights = [w for _, _, w in PLANT_RULES]
    codes = {r: c for r, c, _ in PLANT_RULES}
    while len(truth) < target and any(candidates.values()):
        rule = rng.choices(rules, weights)[0]
        pool = candidates[rule]
        while pool and id(pool[-1].event) in used_events:
            pool.pop()
        if not pool:
            continue
        spec = pool.pop()
        event = spec.event
        group = by_event[id(event)]
        files = [spec.path]
        if rule == "date-conflict":
            # Earlier than the truth, so the trip's forum stays inside the (claimed) trip window.
            room = (event.day - spec.published).days - 1 if spec.stance == "plan" else 3
            spec.dep_override = event.day - timedelta(days=rng.randint(1, min(3, room)))
            spec.only_departure = True
            files = sorted({s.path for s in group})
        elif rule == "outside-trip":
            first = event.back + timedelta(days=rng.randint(10, 30))  # type: ignore[operator]
            spec.forum_override = (first, first + timedelta(days=rng.choice((0, 2, 4))))
        elif rule == "weekday-mismatch":
            spec.wrong_weekday = True
        else:
            day = 30 if event.day.month == 2 else 31
            spec.invalid = f"{day} {MONTHS[event.day.month - 1]} {event.day.year}"
        used_events.add(id(event))
        truth.append({"rule": rule, "code": codes[rule], "official_id": event.official.id,
                      "files": files, "planted": spec.path})
    truth.sort(key=lambda t: t["planted"])
    return truth


def generate(out: Path, articles: int, seed: int, rate: float = 0.05) -> dict:
    """Write the archive and ground_truth.json into `out`; return the ground truth."""
    rng = random.Random(seed)
    roster = make_roster(rng, max(8, articles // 20))
    weights = [3 if o.leader else 1 for o in roster]
    specs: list[Spec] = []
    by_event: dict[int, list[Spec]] = {}
    events: list[Event] = []
    misses = 0
    while len(specs) < articles and misses < 50 * articles:
        official = rng.choices(roster, weights)[0]
        event = make_event(rng, official)
        if event is None:
            misses += 1
            continue
        count = min(articles - len(specs), rng.choices((1, 2, 3, 4), (3, 4, 2, 1))[0])
        group = plan_articles(rng, event, count)
        events.append(event)
        by_event[id(event)] = group
        specs.extend(group)
    specs.sort(key=lambda s: (s.published, s.event.official.id))
    for index, spec in enumerate(specs):
        spec.path = (f"{ARTICLES_DIR}/{spec.published.year}/{spec.published.month:02d}/"
                     f"{index:06d}-{spec.event.official.id}.txt")
    truth = plant(rng, specs, by_event, rate)
    out.mkdir(parents=True, exist_ok=True)
    made_dirs: set[Path] = set()
    ranges = 0
    for spec in specs:
        text, _title, has_range = render(rng, spec)
        ranges += has_range
        path = out / spec.path
        if path.parent not in made_dirs:
            path.parent.mkdir(parents=True, exist_ok=True)
            made_dirs.add(path.parent)
        path.write_text(text, encoding="utf-8")
    result = {
        "seed": seed,
        "articles": len(specs),
        "contradiction_rate": rate,
        "events": len(events),
        "articles_with_range": ranges,
        "officials": [{"id": o.id, "name": o.name, "role": f"{o.title} {o.place}"} for o in roster],
        "contradictions": truth,
    }
    (out / "ground_truth.json").write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="Directory to write the archive into.")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--contradiction-rate", type=float, default=0.05)
    args = parser.parse_args(argv)
    if args.articles < 1 or not 0 <= args.contradiction_rate <= 1:
        parser.error("--articles must be positive and --contradiction-rate within 0..1")
    started = time.perf_counter()
    truth = generate(args.out, args.articles, args.seed, args.contradiction_rate)
    print(
        f"{truth['articles']} articles, {len(truth['officials'])} officials, {truth['events']} events, "
        f"{len(truth['contradictions'])} planted contradictions in {args.out} "
        f"({time.perf_counter() - started:.1f} s)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
