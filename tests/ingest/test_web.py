"""Saved web pages and web archives: the main text only (never menus, sidebars, comments, footers),
metadata, the date and its provenance, locations in the HTML source, and damaged input."""

from __future__ import annotations

import gzip
import io
import re
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from timeline.ingest import parse_article, read_archive
from timeline.ingest.boilerplate import clean_body
from timeline.lang import problem_text

ROOT = Path(__file__).resolve().parents[2]
HTML = ROOT / "fixtures" / "archives" / "seeds-as-html"
WARC = ROOT / "fixtures" / "archives" / "seeds-as-warc" / "arsip.warc.gz"
WITA = timezone(timedelta(hours=8), "WITA")

# Text that is on every page of the fixtures but never part of an article.
FURNITURE = (
    "Berita Terkini", "Terpopuler", "Bagikan", "Komentar", "Beranda", "Indeks Berita", "Pedoman Media Siber",
    "Bertolak ke Korea Selatan, Rabu (20/9/2023)", "Pulang dari Incheon", "Jumat (22/9/2023)", "Selasa (3/10/2023)",
    "Breaking News", "Hak cipta", "Tulis komentar", "Oleh Redaksi",
)


def _unique(rows, key=lambda r: r[0]):
    keys = [key(r) for r in rows]
    assert len(keys) == len(set(keys)), "duplicate rows in a test table"
    return rows


def page(body: str, head: str = "", outside: str = "") -> bytes:
    """A small news page: `head` inside <head>, `body` as the article, `outside` after it (a sidebar)."""
    return (
        f'<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n<title>Berita</title>\n{head}\n</head>\n'
        f'<body>\n<nav><a href="/">Beranda</a> <a href="/daerah">Daerah</a></nav>\n'
        f"<article>\n<h1>Wali Kota Tinjau Banjir</h1>\n{body}\n</article>\n{outside}\n"
        f"<footer>&copy; 2024 Kabar Kaltim</footer>\n</body>\n</html>\n"
    ).encode("utf-8")


LEDE = ("<p>Wali Kota Samarinda Andi Harun meninjau banjir yang merendam rumah warga di Sempaja sejak pagi hari "
        "dan belum surut hingga sore.</p>\n<p>Ia meminta dinas terkait bergerak cepat membantu warga.</p>")
DATELINE_LEDE = ("<p>SAMARINDA - Wali Kota Samarinda Andi Harun meninjau banjir di Sempaja, Senin (4/3/2024). Banjir "
                 "merendam rumah warga sejak pagi hari dan belum surut hingga sore.</p>")
SIDEBAR_TIMES = ('<aside><h3>Berita Terkini</h3><ul><li><a href="/x">Camat Tinjau Jalan</a> '
                 '<time datetime="2024-02-01T10:00:00+08:00">1 Feb 2024</time></li></ul></aside>')


# --------------------------------------------------------------------------------------------------
# The seed pages
# --------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_pages():
    articles, problems = read_archive([HTML])
    assert problems == []
    return {Path(a.path).name[:3]: a for a in articles}


SEED_PAGES = _unique([
    ("000", "Pemkot Bontang Dapat Kunker dari Tim PIS Korea Selatan Perkenalkan Green House System",
     date(2023, 9, 13), "Infokaltim.id"),
    ("001", "Walikota Bontang Basri Rase Diundang PBB ke Korea Selatan", date(2023, 9, 14), "UPDATEINDONESIA.COM"),
    ("002", "Wali Kota Bontang Basri Rase dijadwalkan kembali melakukan perjalanan dinas", date(2023, 9, 12),
     "SuaraKaltim.id"),
    ("003", "Pemerintah Kota (Pemkot) Bontang menggelar Rapat Koordinasi (Rakor) Forum Komunikasi", date(2025, 1, 15),
     "PRANALA.CO"),
    ("004", "“City to City Collaboration Program”, Diskominfo Makassar Adakan Pertemuan dengan Kota Yokohama Via Zoom",
     date(2024, 4, 25), "Infoasatu.com"),
])


@pytest.mark.parametrize("name, title, published, outlet", SEED_PAGES)
def test_seed_page_metadata(seed_pages, name, title, published, outlet):
    a = seed_pages[name]
    assert (a.title, a.published, a.published_source, a.outlet) == (title, published, "metadata", outlet)
    assert a.url.startswith(f"https://{outlet.lower()}/") and a.url == a.url.strip()
    assert a.published_at.utcoffset() == timedelta(hours=8) and a.published_at.date() == published


@pytest.mark.parametrize("name", [r[0] for r in SEED_PAGES])
def test_seed_page_text_holds_no_page_furniture(seed_pages, name):
    text = seed_pages[name].text
    assert not [f for f in FURNITURE if f in text]
    seed = clean_body(next((ROOT / "fixtures" / "seeds").glob(f"{name}_*.txt")).read_text(encoding="utf-8"))
    for line in text.split("\n"):
        if line.strip():  # every line read is the seed's own text, its boilerplate blanked the same way
            assert " ".join(line.split()) in " ".join(seed.split()), line


def test_seed_page_locations_point_at_the_html_source(seed_pages):
    a = seed_pages["001"]
    source = (HTML / Path(a.path).name).read_text(encoding="utf-8").split("\n")
    for phrase in ("18 September 2023", "Pertama, ia", "Kota ini dianggap", "pungkasnya"):
        loc = a.location(a.text.index(phrase))
        assert source[loc.line - 1][loc.column - 1:].startswith(phrase.replace('"', "&quot;")), phrase
        assert (loc.text_line, loc.text_column) != (loc.line, loc.column)


# --------------------------------------------------------------------------------------------------
# Dates and their provenance
# --------------------------------------------------------------------------------------------------

# case id, head, body, outside, published, provenance, published_at
DATES = _unique([
    ("meta-tag-with-clock", '<meta property="article:published_time" content="2024-03-04T09:30:00+08:00">', LEDE, "",
     date(2024, 3, 4), "metadata", datetime(2024, 3, 4, 9, 30, tzinfo=timezone(timedelta(hours=8)))),
    ("json-ld-only", '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": '
     '"2024-03-04T09:30:00+07:00"}</script>', LEDE, "", date(2024, 3, 4), "metadata",
     datetime(2024, 3, 4, 9, 30, tzinfo=timezone(timedelta(hours=7)))),
    ("newsroom-form-in-meta", '<meta name="publishdate" content="Senin, 4 Mar 2024 09:30 WITA">', LEDE, "",
     date(2024, 3, 4), "metadata", datetime(2024, 3, 4, 9, 30, tzinfo=WITA)),
    # the address keeps the day of first publication; a later meta date is an update (htmldate's original_date)
    ("earlier-address-wins-over-meta", '<link rel="canonical" href="https://k.example/2024/03/01/banjir">'
     '<meta property="article:published_time" content="2024-03-04">', LEDE, "", date(2024, 3, 1), "url", None),
    ("meta-wins-over-later-address", '<link rel="canonical" href="https://k.example/2024/03/05/banjir">'
     '<meta property="article:published_time" content="2024-03-04">', LEDE, "", date(2024, 3, 4), "metadata", None),
    ("dateline-of-the-text", "", DATELINE_LEDE, SIDEBAR_TIMES, date(2024, 3, 4), "dateline", None),
    ("only-the-address", '<link rel="canonical" href="https://k.example/berita/2024/03/04/banjir-sempaja">', LEDE,
     SIDEBAR_TIMES, date(2024, 3, 4), "url", None),
    ("og-url-address", '<meta property="og:url" content="https://k.example/2024/03/04/banjir">', LEDE, "",
     date(2024, 3, 4), "url", None),
    ("nothing", "", LEDE, SIDEBAR_TIMES, None, None, None),
])


@pytest.mark.parametrize("case_id, head, body, outside, published, provenance, at", DATES, ids=[c[0] for c in DATES])
def test_page_date_and_its_provenance(case_id, head, body, outside, published, provenance, at):
    (article,), problems = parse_article("berita.html", page(body, head, outside))
    assert problems == []
    assert (article.published, article.published_source, article.published_at) == (published, provenance, at)


def test_outlet_from_the_publisher_when_no_site_name():
    head = '<script type="application/ld+json">{"@type": "NewsArticle", "publisher": {"name": "Kabar Kaltim"}}</script>'
    (article,), _ = parse_article("berita.html", page(LEDE, head))
    assert article.outlet == "Kabar Kaltim"


# --------------------------------------------------------------------------------------------------
# Locations
# --------------------------------------------------------------------------------------------------


def test_a_sentence_inside_a_wrapped_paragraph_points_at_its_own_line():
    body = ("<p>Wali Kota Samarinda Andi Harun meninjau banjir di Sempaja &amp; Lempake.\n"
            "      Banjir merendam <b>rumah</b> warga sejak pagi hari.\n      Ia meminta dinas bergerak cepat "
            "membantu warga yang mengungsi.</p>")
    data = page(body)
    (article,), _ = parse_article("berita.html", data)
    lines = data.decode().split("\n")
    for phrase, expected in (("Banjir merendam", "Banjir merendam"), ("warga sejak", "warga sejak"),
                             ("Lempake", "Lempake"), ("Ia meminta", "Ia meminta")):
        loc = article.location(article.text.index(phrase))
        assert lines[loc.line - 1][loc.column - 1:].startswith(expected), phrase
    assert article.location(article.text.index("Banjir merendam")).text_line == 2


def test_text_after_blanked_boilerplate_keeps_its_place():
    body = ("<p>Sesi foto bersama Wali Kota Samarinda Andi Harun. (kaltimnews.id/Ist). Camat Sungai Pinang meninjau "
            "banjir di Sempaja bersama lurah dan warga, Senin (4/3/2024).</p>")
    data = page(body)
    (article,), _ = parse_article("berita.html", data)
    assert "/Ist" not in article.text  # blanked ...
    lines = data.decode().split("\n")
    loc = article.location(article.text.index("Camat Sungai"))  # ... and what follows is where it is written
    assert lines[loc.line - 1][loc.column - 1:].startswith("Camat Sungai")


def test_text_the_page_does_not_hold_points_at_the_main_content():
    from timeline.ingest.htmlmap import text_source_map

    source = "<html>\n<body>\n<nav>Menu</nav>\n<article>\n<p>Camat hadir di pasar.</p>\n</article>\n</body></html>"
    source_map = text_source_map(source, "Teks yang tidak ada di halaman\nCamat hadir di pasar.")
    assert source_map.position(0) == (5, 1)  # the line of the first text found, column unknown
    assert source_map.position(5) == (5, 1)
    assert source_map.position(len("Teks yang tidak ada di halaman\n")) == (5, 4)
    only = text_source_map(source, "Teks yang tidak ada di halaman")
    assert only.position(3) == (4, 1)  # nothing found: the <article> line


# --------------------------------------------------------------------------------------------------
# Pages that are not articles, encodings
# --------------------------------------------------------------------------------------------------

INDEX_PAGE = page(
    '<ul><li><a href="/1">Wali Kota Bontang Tinjau Pasar, Senin (18/9/2023)</a></li>'
    '<li><a href="/2">Bupati Kukar Resmikan Jembatan</a></li></ul>'
).replace(b"<h1>Wali Kota Tinjau Banjir</h1>", b"<h1>Indeks Berita</h1>")

NOT_ARTICLES = _unique([
    ("index-page", INDEX_PAGE, ["x.html: no article text found in the page"],
     ["x.html: tidak ada teks artikel di halaman ini"]),
    ("empty-body", b"<html><head><title>Kosong</title></head><body></body></html>",
     ["x.html: no article text found in the page"], ["x.html: tidak ada teks artikel di halaman ini"]),
    ("empty-file", b"", ["x.html: is empty"], ["x.html: kosong"]),
    ("not-html", b"\x89PNG\r\n\x1a\n\x00\x00\x00", ["x.html: is a binary file, not text"],
     ["x.html: berkas biner, bukan teks"]),
])


@pytest.mark.parametrize("case_id, data, english, indonesian", NOT_ARTICLES, ids=[c[0] for c in NOT_ARTICLES])
def test_a_page_without_an_article_is_one_clear_line(case_id, data, english, indonesian):
    articles, problems = parse_article("x.html", data)
    assert articles == []
    assert [problem_text(p, "en") for p in problems] == english
    assert [problem_text(p, "id") for p in problems] == indonesian


def test_declared_windows_1252_page_is_read_without_warning():
    data = page("<p>“Banjir sudah surut,” kata Wali Kota Samarinda Andi Harun saat meninjau Sempaja "
                "bersama camat dan lurah setempat.</p>").replace(b'charset="utf-8"', b'charset="windows-1252"')
    data = data.decode("utf-8").encode("cp1252")
    (article,), problems = parse_article("x.htm", data)
    assert problems == [] and "“Banjir sudah surut,”" in article.text


@pytest.mark.parametrize("label", ["iso-8859-1", "us-ascii", "utf-16"])
def test_charset_labels_are_read_as_browsers_read_them(label):
    """Latin-1 and ASCII labels mean Windows-1252; a page cannot declare UTF-16 in itself (WHATWG)."""
    text = ("<p>“Banjir sudah surut,” kata Wali Kota Samarinda Andi Harun saat meninjau Sempaja "
            "bersama camat dan lurah setempat.</p>")
    encoding = "utf-8" if label == "utf-16" else "cp1252"
    data = page(text).decode("utf-8").replace('charset="utf-8"', f'charset="{label}"').encode(encoding)
    (article,), problems = parse_article("x.html", data)
    assert problems == [] and "“Banjir sudah surut,”" in article.text


def test_undeclared_windows_1252_page_is_read_with_a_warning():
    data = page("<p>“Banjir sudah surut,” kata Wali Kota Samarinda Andi Harun saat meninjau Sempaja "
                "bersama camat dan lurah setempat.</p>").replace(b'<meta charset="utf-8">', b"")
    (article,), problems = parse_article("x.html", data.decode("utf-8").encode("cp1252"))
    assert [str(p) for p in problems] == ["x.html: is not valid UTF-8; read as Windows-1252 (cp1252)"]
    assert "“Banjir sudah surut,”" in article.text


# --------------------------------------------------------------------------------------------------
# Web archives
# --------------------------------------------------------------------------------------------------


def _lines_of(archive: bytes) -> list[str]:
    return re.split(r"\r\n|\r|\n", gzip.decompress(archive).decode("latin-1"))


def test_warc_gives_one_article_per_html_response():
    articles, problems = parse_article("arsip.warc.gz", WARC.read_bytes())
    assert problems == []
    assert [a.key for a in articles] == [f"arsip.warc.gz#{n}" for n in (3, 11, 13, 15, 17)]
    assert [a.title for a in articles] == [r[1] for r in SEED_PAGES]
    assert [a.url.split("/")[2] for a in articles] == [r[3].lower() for r in SEED_PAGES]


def test_warc_locations_are_lines_of_the_decompressed_archive():
    data = WARC.read_bytes()
    articles, _ = parse_article("arsip.warc.gz", data)
    lines = _lines_of(data)
    a = articles[1]
    for phrase in ("18 September 2023", "Pertama, ia"):
        loc = a.location(a.text.index(phrase))
        line = lines[loc.line - 1].encode("latin-1").decode("utf-8")
        assert line[loc.column - 1:].startswith(phrase)
    uncompressed, _ = parse_article("arsip.warc", gzip.decompress(data))

    def where(article):
        loc = article.location(article.text.index(" ", 150))
        return loc.line, loc.column, loc.text_line, loc.text_column

    assert [where(a) for a in uncompressed] == [where(a) for a in articles]


def _warc(records: list[tuple[str, str, str, bytes, str]], gz: bool = True) -> bytes:
    """A WARC of (url, status, content type, payload, WARC-Date) response records."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    for url, status, kind, payload, when in records:
        http = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=http,
                                                      warc_headers_dict={"WARC-Date": when}))
    return buffer.getvalue()


def test_warc_url_is_the_target_and_the_crawl_date_is_the_last_resort():
    archive = _warc([("https://k.example/banjir", "200 OK", "text/html", page(LEDE), "2024-03-04T18:30:00Z"),
                     ("https://k.example/berita/2024/03/02/x", "200 OK", "text/html", page(LEDE), "2024-03-04T18:30:00Z"),
                     ("https://k.example/y", "200 OK", "text/html", page(DATELINE_LEDE), "2024-03-09T01:00:00Z")])
    articles, problems = parse_article("a.warc.gz", archive)
    assert problems == []
    assert [(a.url, a.published, a.published_source) for a in articles] == [
        ("https://k.example/banjir", date(2024, 3, 5), "warc-date"),  # 18:30 UTC is the 5th in WIB
        ("https://k.example/berita/2024/03/02/x", date(2024, 3, 2), "url"),
        ("https://k.example/y", date(2024, 3, 4), "dateline"),
    ]


def test_warc_pages_without_articles_are_named_with_their_address():
    archive = _warc([("https://k.example/indeks", "200 OK", "text/html", INDEX_PAGE, "2024-03-04T18:30:00Z"),
                     ("https://k.example/banjir", "200 OK", "text/html", page(LEDE), "2024-03-04T18:30:00Z")], gz=False)
    articles, problems = parse_article("a.warc", archive)
    assert [a.key for a in articles] == ["a.warc#2"]
    assert [problem_text(p, "en") for p in problems] == ["a.warc:1: no article text found in the page https://k.example/indeks"]
    assert [problem_text(p, "id") for p in problems] == ["a.warc:1: tidak ada teks artikel di halaman https://k.example/indeks"]


BAD_ARCHIVES = _unique([
    ("cut-in-the-third-page", lambda d: d[: int(len(d) * 0.55)], 2,
     "arsip.warc.gz: the web archive is cut off in record 13; the records before it were read",
     "arsip.warc.gz: arsip web terpotong di rekaman 13; rekaman sebelumnya tetap dibaca"),
    ("cut-in-the-first-record", lambda d: d[:200], 0,
     "arsip.warc.gz: the web archive is cut off in record 1; the records before it were read",
     "arsip.warc.gz: arsip web terpotong di rekaman 1; rekaman sebelumnya tetap dibaca"),
    ("not-a-web-archive", lambda d: b"judul,isi\nBanjir,Camat hadir.\n", 0,
     "arsip.warc.gz: is not a web archive (WARC) (Unknown archive format)",
     "arsip.warc.gz: bukan arsip web (WARC) (Unknown archive format)"),
    ("no-pages", lambda d: _warc([("https://k.example/logo.png", "200 OK", "image/png", b"\x89PNG", "2024-03-04T00:00:00Z")]),
     0, "arsip.warc.gz: holds no HTML page", "arsip.warc.gz: tidak berisi halaman HTML"),
])


@pytest.mark.parametrize("case_id, damage, read, english, indonesian", BAD_ARCHIVES, ids=[c[0] for c in BAD_ARCHIVES])
def test_damaged_archive_is_one_clear_line_and_keeps_what_came_before(case_id, damage, read, english, indonesian):
    articles, problems = parse_article("arsip.warc.gz", damage(WARC.read_bytes()))
    assert len(articles) == read
    assert [problem_text(p, "en") for p in problems] == [english]
    assert [problem_text(p, "id") for p in problems] == [indonesian]
    assert problems[0].fatal is (read == 0)


@pytest.mark.parametrize("delta, keys, english", [
    (-2, ["a.warc#1", "a.warc#2"],
     "a.warc: 1 records do not end where their length says; those pages may be read incompletely"),
    (-40, ["a.warc#1"], "a.warc: the web archive is damaged in record 2; the records before it were read"),
    (40, ["a.warc#1"], "a.warc: the web archive is damaged in record 2; the records before it were read"),
])
def test_a_record_of_a_wrong_length_is_one_line_and_nothing_else_on_stderr(capfd, delta, keys, english):
    good = _warc([("https://k.example/a", "200 OK", "text/html", page(LEDE), "2024-03-04T18:30:00Z"),
                  ("https://k.example/b", "200 OK", "text/html", page(DATELINE_LEDE), "2024-03-04T18:30:00Z")], gz=False)
    length = re.search(rb"Content-Length: (\d+)", good)
    damaged = good[: length.start(1)] + str(int(length.group(1)) + delta).encode() + good[length.end(1):]
    articles, problems = parse_article("a.warc", damaged)
    assert capfd.readouterr().err == ""  # warcio's own warning is not let through
    assert [a.key for a in articles] == keys
    assert [problem_text(p, "en") for p in problems] == [english]
    assert not problems[0].fatal
