"""CSV and TSV exports: one article per row, header names in Indonesian and English, `--columns`,
multi-line fields, encodings, and every kind of bad table as one clear problem."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.ingest import ReadOptions, parse_article
from timeline.ingest.readers.tables import column_names, guess_delimiter, header_key
from timeline.lang import problem_text

BODY = "SAMARINDA - Wali Kota Samarinda Andi Harun meninjau banjir di Sempaja, Senin (4/3/2024)."


def _unique(rows, key=lambda r: r[0]):
    keys = [key(r) for r in rows]
    assert len(keys) == len(set(keys)), "duplicate rows in a test table"
    return rows


def _csv(header: str, row: str, delimiter: str = ",") -> bytes:
    return f"{header}\n{row}\n".replace(",", delimiter).encode("utf-8")


# header line, what each field of the row is: (title, date, url, outlet)
HEADERS = _unique([
    ("judul,tanggal,isi_berita,tautan,sumber", ("Banjir", date(2024, 3, 5), "https://a.example/1", "Kaltim Post")),
    ("Judul,Tanggal,Isi,Link,Media", ("Banjir", date(2024, 3, 5), "https://a.example/1", "Kaltim Post")),
    ("JUDUL,TGL_PUBLIKASI,KONTEN,URL,OUTLET", ("Banjir", date(2024, 3, 5), "https://a.example/1", "Kaltim Post")),
    ("title,date,content,url,source", ("Banjir", date(2024, 3, 5), "https://a.example/1", "Kaltim Post")),
    ("headline,published,body,link,outlet", ("Banjir", date(2024, 3, 5), "https://a.example/1", "Kaltim Post")),
    ("Title,Published,Text,URL,Source", ("Banjir", date(2024, 3, 5), "https://a.example/1", "Kaltim Post")),
    ("judul,waktu,konten_berita,tautan,sumber", ("Banjir", date(2024, 3, 5), "https://a.example/1", "Kaltim Post")),
    ("Judul Berita,Tanggal,Isi Berita,Tautan,Sumber", ("Banjir", date(2024, 3, 5), "https://a.example/1", "Kaltim Post")),
    ("judul,tanggal,artikel,tautan,sumber", ("Banjir", date(2024, 3, 5), "https://a.example/1", "Kaltim Post")),
])


@pytest.mark.parametrize("header, expected", HEADERS, ids=[h for h, _ in HEADERS])
def test_header_names_in_indonesian_and_english(header, expected):
    row = f'Banjir,"Selasa, 5 Mar 2024 10:00 WITA","{BODY}",https://a.example/1,Kaltim Post'
    (article,), problems = parse_article("arsip.csv", f"{header}\n{row}\n".encode())
    assert problems == []
    assert (article.title, article.published, article.url, article.outlet) == expected
    assert (article.text, article.published_source) == (BODY, "metadata")


CELLS = {"title": "Banjir Sempaja", "date": "2024-03-05", "url": "https://a.example/x", "outlet": "Kaltim Post",
         "author": "Rina Wulandari"}


@pytest.mark.parametrize("field, names", column_names().items())
def test_every_header_name_is_recognised(field, names):
    for name in names:
        if field == "text":
            data = f'{name},catatan\n"{BODY}",lain\n'.encode()
        else:
            data = f'isi,{name}\n"{BODY}",{CELLS[field]}\n'.encode()
        (article,), problems = parse_article("a.csv", data)
        assert problems == [], name
        read = {"title": article.title, "date": str(article.published), "url": article.url,
                "outlet": article.outlet, "author": article.author, "text": article.text}[field]
        assert read == (BODY if field == "text" else CELLS[field]), name


def test_header_key_folds_case_space_and_hyphen():
    assert header_key(" Isi-Berita ") == header_key("ISI BERITA") == "isi_berita"


def test_columns_option_names_other_columns():
    data = _csv("no,judul_artikel,isi_lengkap,waktu_terbit", f'7,Banjir,"{BODY}",05/03/2024 10:00')
    _, problems = parse_article("a.csv", data)
    assert [p.code for p in problems] == ["csv_no_text"]
    options = ReadOptions.of({"text": "isi_lengkap", "date": "Waktu Terbit", "title": "judul_artikel"})
    (article,), problems = parse_article("a.csv", data, options)
    assert problems == []
    assert (article.title, article.text, article.published) == ("Banjir", BODY, date(2024, 3, 5))


def test_columns_option_wins_over_known_names():
    data = _csv("judul,isi,ringkasan", f'Banjir,"{BODY}","Ringkasan: banjir di Sempaja."')
    (article,), _ = parse_article("a.csv", data, ReadOptions.of({"text": "ringkasan"}))
    assert article.text == "Ringkasan: banjir di Sempaja."


def test_tsv_and_semicolon_exports():
    tsv = f"judul\tisi\ttanggal\nBanjir\t{BODY}\t2024-03-05\n".encode()
    (article,), problems = parse_article("a.tsv", tsv)
    assert (problems, article.text, article.published) == ([], BODY, date(2024, 3, 5))
    semicolon = f'judul;isi;tanggal\nBanjir;"{BODY}";05/03/2024\n'.encode()
    (article,), problems = parse_article("a.csv", semicolon)
    assert (problems, article.text, article.published) == ([], BODY, date(2024, 3, 5))


@pytest.mark.parametrize("first_line, delimiter", [
    ("judul,isi,tanggal", ","), ("judul;isi;tanggal", ";"), ("judul\tisi\ttanggal", "\t"),
    ('"judul; isi",tanggal', ","), ("isi", ","),
])
def test_delimiter_guess(first_line, delimiter):
    assert guess_delimiter(first_line + "\nx\n") == delimiter


def test_multiline_quoted_fields_and_doubled_quotes():
    data = (
        'judul,isi,tanggal\n'
        '"Banjir, lagi","SAMARINDA - Banjir merendam Sempaja.\n\n'
        'Wali Kota Andi Harun berkata ""segera surut"".\r\nWarga mengungsi.",2024-03-05\n'
        'Kedua,"Camat Loa Janan meresmikan pasar, Kamis (25/4/2024).",2024-04-25\n'
    ).encode()
    articles, problems = parse_article("a.csv", data)
    assert problems == []
    assert [a.key for a in articles] == ["a.csv#2", "a.csv#6"]
    first, second = articles
    assert first.title == "Banjir, lagi"
    assert first.text == 'SAMARINDA - Banjir merendam Sempaja.\n\nWali Kota Andi Harun berkata "segera surut".\nWarga mengungsi.'
    assert str(first.location(first.text.index("segera"))) == "a.csv:4:32"
    assert str(second.location(second.text.index("Kamis"))) == "a.csv:6:42"


ENCODINGS = _unique([
    ("utf8", 'judul,isi\nBanjir,"“Wali Kota hadir,” kata Camat."\n'.encode("utf-8"), []),
    ("utf8-bom", '\ufeffJudul,Isi\nBanjir,"“Wali Kota hadir,” kata Camat."\n'.encode("utf-8"), []),
    ("utf16-bom", "judul\tisi\nBanjir\t“Wali Kota hadir,” kata Camat.\n".encode("utf-16"), []),
    ("windows-1252", 'judul,isi\nBanjir,"“Wali Kota hadir,” kata Camat."\n'.encode("cp1252"),
     ["a.csv:2: is not valid UTF-8; read as Windows-1252 (cp1252)"]),
    ("undefined-cp1252-byte", b"judul,isi\nBanjir,\x81\x8d Wali Kota hadir, kata Camat.\n",
     ["a.csv:2: is not valid UTF-8; read as Windows-1252 (cp1252)"]),
])


@pytest.mark.parametrize("case_id, data, expected", ENCODINGS, ids=[c[0] for c in ENCODINGS])
def test_encodings_are_detected_and_never_raise(case_id, data, expected):
    articles, problems = parse_article("a.csv", data)
    assert [str(p) for p in problems] == expected
    assert [a.title for a in articles] == ["Banjir"]
    assert "Wali Kota hadir" in articles[0].text
    if case_id != "undefined-cp1252-byte":
        assert "“Wali Kota hadir,”" in articles[0].text


# case id, bytes, articles read, the problems (English), the same in Indonesian
BAD_TABLES = _unique([
    ("empty", b"", [], ["a.csv: is empty"], ["a.csv: kosong"]),
    ("blank-lines", b"\r\n\n", [], ["a.csv: is empty"], ["a.csv: kosong"]),
    ("header-only", b"judul,isi,tanggal\n", [], ["a.csv: has a header but no rows"],
     ["a.csv: hanya berisi judul kolom, tanpa baris data"]),
    ("no-text-column", b"no,judul,kategori\n1,Banjir,daerah\n", [],
     ["a.csv: has no article text column (its columns: no, judul, kategori); name it with --columns text=NAME"],
     ["a.csv: tidak punya kolom teks artikel (kolomnya: no, judul, kategori); sebutkan dengan --columns text=NAMA"]),
    ("row-without-text", b"judul,isi\nBanjir,\nPasar,Camat meresmikan pasar.\n", ["a.csv#3"],
     ["a.csv:2: this row has no article text"], ["a.csv:2: baris ini tidak berisi teks artikel"]),
    ("unclosed-quote", b'judul,isi\nPasar,Camat meresmikan pasar.\nBanjir,"Wali Kota hadir.\nCamat datang.\n',
     ["a.csv#2"],
     ["a.csv:3: a quoted field opened on this line is never closed; the rest of the file was not read"],
     ["a.csv:3: tanda kutip yang dibuka di baris ini tidak pernah ditutup; sisa berkas tidak dibaca"]),
    ("binary", b"judul,isi\x00\x01\x02", [], ["a.csv: is a binary file, not text"],
     ["a.csv: berkas biner, bukan teks"]),
    ("short-and-long-rows", b"judul,isi,tanggal\nPasar,Camat meresmikan pasar.\nJalan,Bupati meninjau jalan.,2024-03-05,x,y\n",
     ["a.csv#2", "a.csv#3"], [], []),
])


@pytest.mark.parametrize("case_id, data, keys, english, indonesian", BAD_TABLES, ids=[c[0] for c in BAD_TABLES])
def test_bad_tables_are_one_clear_line(case_id, data, keys, english, indonesian):
    articles, problems = parse_article("a.csv", data)
    assert [a.key for a in articles] == keys
    assert [problem_text(p, "en") for p in problems] == english
    assert [problem_text(p, "id") for p in problems] == indonesian


def test_a_named_column_that_is_missing_is_one_clear_line():
    data = _csv("judul,isi", f'Banjir,"{BODY}"')
    articles, problems = parse_article("a.csv", data, ReadOptions.of({"date": "waktu"}))
    assert articles == []
    assert [problem_text(p, "en") for p in problems] == ["a.csv: has no column 'waktu' for the date (its columns: judul, isi)"]
    assert [problem_text(p, "id") for p in problems] == ["a.csv: tidak punya kolom 'waktu' untuk date (kolomnya: judul, isi)"]


def test_a_bad_date_cell_is_a_warning_on_its_line():
    data = _csv("judul,isi,tanggal", f'Banjir,"{BODY}",kapan-kapan 99')
    (article,), problems = parse_article("a.csv", data)
    assert [(str(p), p.fatal) for p in problems] == [
        ("a.csv:2: metadata date 'kapan-kapan 99' is not a date; the publication date is taken from the text", False)
    ]
    assert (article.published, article.published_source) == (date(2024, 3, 4), "dateline")
