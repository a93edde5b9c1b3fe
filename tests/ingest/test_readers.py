"""Reading archives: formats, metadata, locations, publication dates, and every kind of bad input."""

from __future__ import annotations

import hashlib
import json
import os
from datetime import date
from pathlib import Path

import pytest

from timeline.ingest import find_files, parse_article, read_archive, read_file
from timeline.ingest.published import dateline_outlet, load_table, publication_date
from timeline.lang import messages, problem_text
from timeline.ingest.boilerplate import clean_body
from timeline.text.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "fixtures" / "seeds"
FORMATS = "fixtures/archives/formats"
BAD = "fixtures/archives/bad_input"


@pytest.fixture(autouse=True)
def _repo_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def _unique(rows, key=lambda r: r[0]):
    keys = [key(r) for r in rows]
    assert len(keys) == len(set(keys)), "duplicate rows in a test table"
    return rows


# --------------------------------------------------------------------------------------------------
# Formats
# --------------------------------------------------------------------------------------------------

# key, title, published, source, url, outlet, author, where the text starts (file line:column)
FORMAT_CASES = _unique([
    (f"{FORMATS}/plain.txt", "Wali Kota Samarinda Tinjau Banjir di Sempaja", date(2024, 3, 4), "dateline",
     None, None, None, "1:1"),
    (f"{FORMATS}/front.md", "Bupati Kutai Kartanegara Hadiri Rakor di Balikpapan", date(2023, 9, 12), "metadata",
     "https://www.kaltimnews.example/berita/rakor-balikpapan", "Kaltim News", "Rina Wulandari", "8:1"),
    (f"{FORMATS}/single.json", "Gubernur Lantik Pj Wali Kota", date(2023, 9, 12), "metadata",
     "https://berita.example.co.id/2023/09/12/lantik", "berita.example.co.id", None, "5:15"),
    (f"{FORMATS}/many.jsonl#1", "Camat Resmikan Pasar", date(2024, 4, 25), "metadata",
     "https://warta.example.id/pasar", "warta.example.id", None, "1:107"),
    (f"{FORMATS}/many.jsonl#2", "Lurah Ikut Kerja Bakti", date(2023, 9, 14), "dateline",
     None, "Warta Desa", None, "2:70"),
])

# key, a phrase in the text, its file line:column, its line:column in the article's own text
LOCATION_CASES = _unique([
    (f"{FORMATS}/plain.txt", "Andi Harun", "3:33", "3:33"),
    (f"{FORMATS}/plain.txt", "09.00", "9:30", "9:30"),
    (f"{FORMATS}/front.md", "Edi Damansyah", "8:39", "1:39"),
    (f"{FORMATS}/front.md", "Gubernur Kalimantan Timur", "10:19", "3:19"),
    (f"{FORMATS}/single.json", "Gubernur Kalimantan", "5:27", "1:13"),
    (f"{FORMATS}/single.json", "Pelantikan", "5:83", "2:1"),
    (f"{FORMATS}/many.jsonl#1", "Camat Loa", "1:107", "1:1"),
    (f"{FORMATS}/many.jsonl#1", "Pasar itu", "1:147", "2:1"),
    (f"{FORMATS}/many.jsonl#2", "Lurah Tanjung", "2:94", "1:25"),
], key=lambda r: (r[0], r[1]))


@pytest.fixture(scope="module")
def formats():
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        articles, problems = read_archive([FORMATS])
    finally:
        os.chdir(cwd)
    return {a.key: a for a in articles}, problems


def test_formats_archive_reads_cleanly(formats):
    articles, problems = formats
    assert problems == []
    assert sorted(articles) == sorted(c[0] for c in FORMAT_CASES)


@pytest.mark.parametrize("case", FORMAT_CASES, ids=[c[0].rsplit("/", 1)[1] for c in FORMAT_CASES])
def test_format_fields(formats, case):
    key, title, published, source, url, outlet, author, start = case
    a = formats[0][key]
    assert (a.title, a.published, a.published_source) == (title, published, source)
    assert (a.url, a.outlet, a.author) == (url, outlet, author)
    assert "%d:%d" % a.source.position(0) == start
    assert a.path == key.split("#")[0]


@pytest.mark.parametrize("key, phrase, where, in_text", LOCATION_CASES,
                         ids=[f"{c[0].rsplit('/', 1)[1]}-{c[1]}" for c in LOCATION_CASES])
def test_location_of_a_known_offset(formats, key, phrase, where, in_text):
    a = formats[0][key]
    loc = a.location(a.text.index(phrase))
    assert str(loc) == f"{a.path}:{where}"
    assert f"{loc.text_line}:{loc.text_column}" == in_text


def test_txt_text_is_the_whole_file_with_boilerplate_blanked(formats):
    a = formats[0][f"{FORMATS}/plain.txt"]
    raw = (ROOT / FORMATS / "plain.txt").read_text(encoding="utf-8")
    assert len(a.text) == len(raw)
    assert a.text.splitlines()[0] == "Wali Kota Samarinda Tinjau Banjir di Sempaja"
    assert "Baca Juga" not in a.text and "[Hrd|Anl|Ads]" not in a.text
    assert a.content_hash == hashlib.sha256(raw.encode("utf-8")).hexdigest()


def test_jsonl_hash_is_of_the_record_line(formats):
    line = (ROOT / FORMATS / "many.jsonl").read_text(encoding="utf-8").splitlines()[1]
    assert formats[0][f"{FORMATS}/many.jsonl#2"].content_hash == hashlib.sha256(line.encode()).hexdigest()


def test_md_body_starts_after_front_matter(formats):
    a = formats[0][f"{FORMATS}/front.md"]
    assert a.text.startswith("Tenggarong - Bupati Kutai Kartanegara")
    assert "title:" not in a.text


def test_bom_and_crlf_are_read_as_plain_text():
    data = "\ufeffJudul Berita\r\n\r\nSAMARINDA - Wali Kota hadir.\r\n".encode("utf-8")
    articles, problems = parse_article("berita.txt", data)
    assert problems == []
    assert articles[0].title == "Judul Berita"
    assert articles[0].text == "Judul Berita\n\nSAMARINDA - Wali Kota hadir.\n"
    assert str(articles[0].location(articles[0].text.index("Wali"))) == "berita.txt:3:13"


def test_markdown_without_front_matter_takes_the_heading_as_title():
    articles, problems = parse_article("catatan.md", b"# Camat Tinjau Pasar\n\nCamat meninjau pasar.\n")
    assert problems == []
    assert (articles[0].title, articles[0].source.position(0), articles[0].published) == ("Camat Tinjau Pasar", (1, 1), None)


def test_json_array_gives_one_article_per_object():
    data = json.dumps([{"title": "A", "text": "Lurah hadir."}, {"title": "B", "body": "Camat hadir."}]).encode()
    articles, problems = parse_article("dua.json", data)
    assert problems == []
    assert [(a.key, a.title, a.text) for a in articles] == [
        ("dua.json#1", "A", "Lurah hadir."), ("dua.json#2", "B", "Camat hadir.")
    ]


# --------------------------------------------------------------------------------------------------
# Walking an archive
# --------------------------------------------------------------------------------------------------


def _write(root: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def test_walk_is_sorted_skips_hidden_and_unknown_and_honours_exclude(tmp_path, monkeypatch):
    _write(tmp_path, {
        "arsip/b.txt": b"Berita B\nIsi B.\n",
        "arsip/a.md": b"Berita A\nIsi A.\n",
        "arsip/sub/c.json": b'{"text": "Isi C."}',
        "arsip/gambar.png": b"\x89PNG\x00",
        "arsip/catatan.docx": b"PK\x03\x04",
        "arsip/.git/config.txt": b"tidak dibaca\n",
        "arsip/.timeline-cache/x.txt": b"tidak dibaca\n",
        "arsip/draft/d.txt": b"Draf\nIsi D.\n",
        "arsip/e.bak.txt": b"Cadangan\nIsi E.\n",
    })
    monkeypatch.chdir(tmp_path)
    articles, problems = read_archive(["arsip"], exclude=["draft", "*.bak.txt"])
    assert problems == []
    assert [a.key for a in articles] == ["arsip/a.md", "arsip/b.txt", "arsip/sub/c.json"]


def test_named_file_with_unknown_extension_is_read_as_text(tmp_path, monkeypatch):
    _write(tmp_path, {"berita.log": b"Wali Kota Hadir\n\nWali Kota hadir di rapat.\n"})
    monkeypatch.chdir(tmp_path)
    articles, problems = read_archive(["berita.log", "."])
    assert problems == []
    assert [(a.key, a.title) for a in articles] == [("berita.log", "Wali Kota Hadir")]


def test_same_file_named_twice_is_read_once(tmp_path, monkeypatch):
    _write(tmp_path, {"a/berita.txt": b"Judul\nIsi.\n"})
    monkeypatch.chdir(tmp_path)
    articles, _ = read_archive(["a", "a/berita.txt", "./a/berita.txt"])
    assert [a.key for a in articles] == ["a/berita.txt"]


def test_find_files_lists_paths_as_given_and_names_the_missing(tmp_path, monkeypatch):
    _write(tmp_path, {"arsip/b.jsonl": b"{}\n", "arsip/a/c.markdown": b"Isi\n", "arsip/x.pdf": b"%PDF"})
    monkeypatch.chdir(tmp_path)
    files, problems = find_files(["./arsip", "hilang"])
    assert files == ["./arsip/b.jsonl", "./arsip/a/c.markdown"]
    assert [str(p) for p in problems] == ["hilang: no such file or directory"]
    data, problem = read_file("./arsip/b.jsonl")
    assert (data, problem) == (b"{}\n", None)
    data, problem = read_file("./arsip/a")
    assert data is None and str(problem) == "./arsip/a: is not a regular file (directory); skipped"


@pytest.mark.parametrize("threshold, called", [(4, 1), (10, 1), (11, 0)])
def test_find_files_hears_once_as_soon_as_enough_files_are_found_while_it_goes_on(tmp_path, threshold, called):
    """The local engine starts its workers from `when_many`: they load the language data while the
    listing goes on. Here the callback writes a file into a folder not listed yet, and the listing
    finds it."""
    _write(tmp_path, {f"arsip/{d}/{n}.txt": b"Judul\nIsi.\n" for d in "abc" for n in range(3)})
    _write(tmp_path, {"satu.txt": b"Judul\nIsi.\n"})
    calls = []

    def enough():
        calls.append(1)
        (tmp_path / "arsip/c/baru.txt").write_bytes(b"Judul\nIsi.\n")

    files, _ = find_files([str(tmp_path / "satu.txt"), str(tmp_path / "arsip")], when_many=(threshold, enough))
    assert len(calls) == called
    assert len(files) == 10 + (threshold <= 4)  # c/baru.txt is listed when written before folder c was read


def test_absolute_paths_stay_absolute(tmp_path):
    _write(tmp_path, {"berita.txt": b"Judul\nIsi.\n"})
    articles, _ = read_archive([tmp_path])
    assert articles[0].path == (tmp_path / "berita.txt").as_posix()


# --------------------------------------------------------------------------------------------------
# Bad input: one line each, the rest still read
# --------------------------------------------------------------------------------------------------

# (problem text exactly as printed, fatal)
BAD_CASES = _unique([
    (f"{BAD}/bad_metadata_date.md:2: metadata date 'kapan-kapan 99' is not a date; the publication date is taken "
     "from the text", False),
    (f"{BAD}/binary.txt: is a binary file, not text", True),
    (f"{BAD}/broken.json:2: not valid JSON (Expecting ',' delimiter, column 1)", True),
    (f"{BAD}/cp1252.txt:3: is not valid UTF-8; read as Windows-1252 (cp1252)", False),
    (f"{BAD}/empty.txt: is empty", True),
    (f"{BAD}/invalid_front_matter.md:4: front matter is not valid YAML (did not find expected ',' or ']')", True),
    (f"{BAD}/list_front_matter.md:2: front matter is not a set of 'key: value' lines", True),
    (f"{BAD}/no_text.json: has no article text (expected a 'text', 'content' or 'body' string)", True),
    (f"{BAD}/records.jsonl:2: not valid JSON (Expecting ',' delimiter, column 40)", True),
    (f"{BAD}/records.jsonl:3: has no article text (expected a 'text', 'content' or 'body' string)", True),
    (f"{BAD}/records.jsonl:4: is not a JSON object with an article", True),
    (f"{BAD}/unclosed_front_matter.md:1: front matter opened with '---' is never closed", True),
])


@pytest.fixture(scope="module")
def bad():
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        return read_archive([BAD])
    finally:
        os.chdir(cwd)


def test_bad_input_problems_are_exactly_these_lines(bad):
    _, problems = bad
    assert [(str(p), p.fatal) for p in problems] == BAD_CASES


def test_bad_input_leaves_the_good_files_loaded(bad):
    articles, _ = bad
    assert [a.key for a in articles] == [
        f"{BAD}/bad_metadata_date.md",
        f"{BAD}/cp1252.txt",
        f"{BAD}/good.txt",
        f"{BAD}/records.jsonl#1",
        f"{BAD}/records.jsonl#5",
    ]


def test_cp1252_fallback_keeps_the_text(bad):
    article = next(a for a in bad[0] if a.key.endswith("cp1252.txt"))
    assert "kata Basri “tepat waktu”." in article.text


def test_unparseable_metadata_date_falls_back_to_the_text(bad):
    article = next(a for a in bad[0] if a.key.endswith("bad_metadata_date.md"))
    assert (article.published, article.published_source) == (date(2024, 3, 6), "dateline")


def test_missing_path_is_one_problem_and_the_rest_is_read():
    articles, problems = read_archive(["tidak/ada.txt", f"{BAD}/good.txt"])
    assert [str(p) for p in problems] == ["tidak/ada.txt: no such file or directory"]
    assert [a.key for a in articles] == [f"{BAD}/good.txt"]


def test_unreadable_file_is_one_problem(tmp_path, monkeypatch):
    _write(tmp_path, {"rahasia.txt": b"Judul\nIsi.\n", "baik.txt": b"Judul\nIsi.\n"})
    monkeypatch.chdir(tmp_path)
    real = os.open

    def deny(path, *args, **kwargs):
        if os.fspath(path).endswith("rahasia.txt"):
            raise PermissionError(13, "Permission denied")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny)
    articles, problems = read_archive(["."])
    assert [str(p) for p in problems] == ["rahasia.txt: cannot be read (Permission denied)"]
    assert [a.key for a in articles] == ["baik.txt"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read anything")
def test_file_without_read_permission_is_one_problem(tmp_path, monkeypatch):
    _write(tmp_path, {"rahasia.txt": b"Judul\nIsi.\n"})
    (tmp_path / "rahasia.txt").chmod(0)
    monkeypatch.chdir(tmp_path)
    _, problems = read_archive(["rahasia.txt"])
    assert [str(p) for p in problems] == ["rahasia.txt: cannot be read (Permission denied)"]


def test_every_problem_has_an_indonesian_message(bad):
    en = {k.split(".", 1)[1] for k in messages("en") if k.startswith("input.")}
    id_ = {k.split(".", 1)[1] for k in messages("id") if k.startswith("input.")}
    assert en == id_
    _, problems = bad
    rendered = {problem_text(p, "id") for p in problems}
    assert f"{BAD}/empty.txt: kosong" in rendered
    assert f"{BAD}/records.jsonl:2: bukan JSON yang sah (Expecting ',' delimiter, kolom 40)" in rendered
    assert {p.code for p in problems} <= en


# Odd bytes that must give one clear problem, never an exception: (case id, name, data, keys, problems)
ODD_INPUT = _unique([
    ("json-nested-too-deep", "dalam.json", b"[" * 100_000, [], ["dalam.json:1: not valid JSON (nested too deeply)"]),
    ("jsonl-one-line-too-deep", "dalam.jsonl", b'{"text": "Camat hadir."}\n' + b"[" * 100_000, ["dalam.jsonl#1"],
     ["dalam.jsonl:2: not valid JSON (nested too deeply)"]),
    ("yaml-impossible-date", "tanggal.md", b"---\ndate: 2023-13-45\n---\nIsi.\n", [],
     ["tanggal.md:2: front matter is not valid YAML (month must be in 1..12)"]),
    ("yaml-python-tag", "tag.md", b"---\ntitle: !!python/object:os.system x\n---\nIsi.\n", [],
     ["tag.md:2: front matter is not valid YAML (could not determine a constructor for the tag "
      "'tag:yaml.org,2002:python/object:os.system')"]),
    ("utf16-is-binary", "utf16.txt", "Judul".encode("utf-16"), [], ["utf16.txt: is a binary file, not text"]),
    ("impossible-metadata-date", "fiktif.json", b'{"text": "Isi.", "date": "31/02/2023"}', ["fiktif.json"],
     ["fiktif.json: metadata date '31/02/2023' is not a date; the publication date is taken from the text"]),
    ("only-boilerplate", "iklan.txt", b"Baca Juga: Berita Lain\nExit mobile version\n", [], ["iklan.txt: is empty"]),
    ("jsonl-only-blank-lines", "kosong.jsonl", b"\n\n  \n", [], ["kosong.jsonl: is empty"]),
    ("whitespace-only", "spasi.txt", b"  \r\n\t\n", [], ["spasi.txt: is empty"]),
], key=lambda r: r[0])


@pytest.mark.parametrize("case_id, name, data, keys, expected", ODD_INPUT, ids=[c[0] for c in ODD_INPUT])
def test_odd_input_is_one_clear_problem(case_id, name, data, keys, expected):
    articles, problems = parse_article(name, data)
    assert [a.key for a in articles] == keys
    assert [str(p) for p in problems] == expected


def test_exclude_applies_to_files_named_explicitly(tmp_path, monkeypatch):
    _write(tmp_path, {"draft/a.txt": b"Judul\nIsi.\n", "b.txt": b"Judul\nIsi.\n"})
    monkeypatch.chdir(tmp_path)
    articles, problems = read_archive(["draft/a.txt", "b.txt"], exclude=["draft/*"])
    assert (problems, [a.key for a in articles]) == ([], ["b.txt"])


# --------------------------------------------------------------------------------------------------
# Datelines and outlets
# --------------------------------------------------------------------------------------------------

DATELINES = _unique([
    ("Infokaltim.id, Bontang- Pemerintah Kota Bontang menerima kunjungan.", "Infokaltim.id"),
    ("SuaraKaltim.id - Wali Kota Bontang Basri Rase dijadwalkan berangkat.", "SuaraKaltim.id"),
    ("PRANALA.CO, Bontang – Pemerintah Kota Bontang menggelar rakor.", "PRANALA.CO"),
    ("UPDATEINDONESIA.COM- Walikota Bontang dijadwalkan menjadi pembicara.", "UPDATEINDONESIA.COM"),
    ("Jakarta (ANTARA News) - Ketua DPR RI tidak memenuhi panggilan.", "ANTARA News"),
    ("JAKARTA (Pos Kota) – Kepolisian belum memeriksa saksi.", "Pos Kota"),
    ("BARCELONA, JUARA.net-Pelatih Barcelona memuji pemainnya.", "JUARA.net"),
    ("Merdeka.com-Presiden Joko Widodo meresmikan bendungan.", "Merdeka.com"),
    ("SAMARINDA - Wali Kota Samarinda meninjau banjir.", None),
    ("Jakarta, CNN Indonesia - Menteri Keuangan menyampaikan laporan.", None),
    ("Wali Kota Bontang-Jeju menjalin kerja sama.", None),
    ("Baru-baru ini Wali Kota meninjau pasar.", None),
])


@pytest.mark.parametrize("lede, outlet", DATELINES)
def test_outlet_from_the_dateline(lede, outlet):
    assert dateline_outlet("Judul Berita\n\n" + lede + "\n", "Judul Berita") == outlet


@pytest.mark.parametrize("domain", load_table()["outlet_domains"])
def test_every_outlet_domain_is_recognised(domain):
    lede = f"Kabarkota.{domain}, Balikpapan - Wali Kota Balikpapan meninjau pasar."
    assert dateline_outlet(lede, None) == f"Kabarkota.{domain}"


# --------------------------------------------------------------------------------------------------
# Publication date from the text (uses the temporal tagger)
# --------------------------------------------------------------------------------------------------

PUBLICATION = _unique([
    ("dateline-outlet-weekday",
     "Wali Kota Terima Tamu\n\nInfokaltim.id, Bontang- Pemerintah Kota Bontang menerima kunjungan kerja di "
     "Pendopo Rujab, Rabu (13/09/2023).\n\nAcara dihadiri Sekda.",
     (date(2023, 9, 13), "dateline")),
    ("dateline-uppercase-city",
     "Banjir Sempaja\n\nSAMARINDA - Wali Kota Samarinda meninjau banjir di Sempaja, Senin (4/3/2024).",
     (date(2024, 3, 4), "dateline")),
    ("dateline-antara",
     "Jakarta (ANTARA) - Menteri Dalam Negeri melantik penjabat gubernur di Jakarta, Jumat (5/1/2024).",
     (date(2024, 1, 5), "dateline")),
    ("dateline-written-month",
     "Rakor Daerah\n\nBALIKPAPAN - Rapat koordinasi digelar pada Rabu, 15 Januari 2025 di Balikpapan.",
     (date(2025, 1, 15), "dateline")),
    ("caption-before-dateline",
     "Judul\n\nBupati meninjau jalan rusak, Kamis (14/9/2023).\n\nKUKAR - Bupati Kukar meninjau jalan.",
     (date(2023, 9, 14), "dateline")),
    ("date-in-paragraph-after-dateline",
     "PRANALA.CO, Bontang – Pemkot menggelar rakor.\nRakor berlangsung di Batam, Selasa (15/1/2025).",
     (date(2025, 1, 15), "dateline")),
    ("future-mendatang-then-reporting",
     "SuaraKaltim.id - Wali Kota dijadwalkan ke luar negeri pada Selasa (19/09/2023) mendatang.\n"
     "Tujuan perjalanan ialah Incheon.\n"
     "\"Ada undangan resmi,\" katanya, melansir dari KlikKaltim.com, Selasa (12/09/2023).",
     (date(2023, 9, 12), "reporting")),
    ("planned-date-is-not-publication",
     "Walikota Diundang PBB\n\nUPDATEINDONESIA.COM- Walikota dijadwalkan bertolak ke Korea Selatan pada "
     "18 September 2023.",
     (None, None)),
    ("headline-date-is-skipped",
     "Jadwal Pelantikan 20 Oktober 2024\n\nJAKARTA - Presiden menyampaikan jadwal pelantikan, Senin (7/10/2024).",
     (date(2024, 10, 7), "dateline")),
    ("no-year-no-date",
     "Jakarta, CNN Indonesia - Ketua MPR menyesalkan kisruh transportasi, Senin (27/3).",
     (None, None)),
    ("reporting-deep-in-the-text",
     "Judul\n\nWali Kota meninjau pasar.\n\nIa didampingi camat.\n\n\"Harga stabil,\" ujarnya, Rabu (6/3/2024).",
     (date(2024, 3, 6), "reporting")),
    ("background-date-without-weekday-is-ignored",
     "Jakarta, CNN Indonesia - Apple masih mengenang pendirinya yang wafat pada 5 Oktober 2011 silam.",
     (None, None)),
    ("wrong-weekday-still-counts",
     "Suara.com-Presiden meresmikan kereta bandara di Tangerang, Selasa (2/2/2018).",
     (date(2018, 2, 2), "dateline")),
    ("late-date-without-verb-is-ignored",
     "Judul\n\nWali Kota meninjau pasar.\n\nIa didampingi camat.\n\nPasar dibangun pada 1 Maret 2020.",
     (None, None)),
])


@pytest.mark.parametrize("case_id, text, expected", PUBLICATION, ids=[c[0] for c in PUBLICATION])
def test_publication_date(case_id, text, expected):
    title = text.split("\n", 1)[0]
    assert publication_date(text, title) == expected


_REPORT_TEMPLATE = (
    "Judul\n\nWali Kota meninjau pasar.\n\nIa didampingi camat.\n\n"
    "“Harga stabil,” {verb} Basri, Selasa (12/9/2023)."
)


@pytest.mark.parametrize("verb", load_table()["reporting_verbs"])
def test_every_reporting_verb_gives_the_reporting_date(verb):
    assert publication_date(_REPORT_TEMPLATE.format(verb=verb), "Judul") == (date(2023, 9, 12), "reporting")


@pytest.mark.parametrize("word", load_table()["future_after"])
def test_every_future_word_after_a_date_disqualifies_it(word):
    text = f"BONTANG - Rapat itu berlangsung pada Selasa (19/9/2023) {word}.\n" + _REPORT_TEMPLATE.format(verb="kata")
    assert publication_date(text, None) == (date(2023, 9, 12), "reporting")


@pytest.mark.parametrize("word", load_table()["future_before"])
def test_every_future_word_before_a_date_disqualifies_it(word):
    text = f"BONTANG - Wali Kota {word} berangkat ke Jakarta pada Selasa (19/9/2023).\n"
    text += _REPORT_TEMPLATE.format(verb="kata")
    assert publication_date(text, None) == (date(2023, 9, 12), "reporting")


SEED_DATES = _unique([
    ("000_d66f64f8ca62cbc6.txt", date(2023, 9, 13), "dateline", "Infokaltim.id"),
    ("001_3be74e8fa05bb7a6.txt", date(2023, 9, 14), "dateline", "UPDATEINDONESIA.COM"),
    ("002_35e5a8a89ffa5190.txt", date(2023, 9, 12), "reporting", "SuaraKaltim.id"),
    ("003_e38a64104eae3b0d.txt", date(2025, 1, 15), "dateline", "PRANALA.CO"),
    ("004_45dc6ab4807d3b16.txt", date(2024, 4, 25), "dateline", "Infoasatu.com"),
])


@pytest.mark.parametrize("name, published, source, outlet", SEED_DATES)
def test_seed_publication_date_and_outlet(name, published, source, outlet):
    articles, problems = read_archive([f"fixtures/seeds/{name}"])
    assert problems == []
    a = articles[0]
    assert (a.published, a.published_source, a.outlet) == (published, source, outlet)


# --------------------------------------------------------------------------------------------------
# Real news: no exception, fast
# --------------------------------------------------------------------------------------------------


def test_real_news_reads_every_article_without_problems(real_news):
    data = real_news.read_bytes()
    articles, problems = parse_article("indosum-dev.jsonl", data)
    for a in articles:
        split_sentences(a.text)
    assert len(articles) == 3463
    assert problems == []
    published = [a for a in articles if a.published_source == "metadata"]
    assert len(published) > 1000
    assert all(len(a.text) == len(json.loads(line)["text"]) for a, line in
               zip(articles[:50], data.decode("utf-8").splitlines()[:50]))


def test_real_news_text_dates_never_crash(real_news):
    found = 0
    for line in real_news.read_text(encoding="utf-8").splitlines():
        if line:
            d, source = publication_date(clean_body(json.loads(line)["text"]), None)
            assert (d is None) == (source is None)
            found += d is not None
    assert found > 100
