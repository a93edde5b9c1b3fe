"""The world of benchmarks/generate_archive.py: calendar words, names, regions, destinations, outlets and
the sentences its articles are made of. Data only (invented names, real regions)."""

from __future__ import annotations


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
