"""Locations point at the physical line and column of the file, whatever the format; the text's own
line and column are kept beside them. Only LF, CR LF and CR end a line."""

from __future__ import annotations

import json

import pytest

from timeline.ingest import parse_article
from timeline.ingest.sourcemap import from_char_offsets, from_runs, line_starts, normalize_newlines

PARAGRAPHS = (
    "BONTANG - Wali Kota Bontang Basri Rase meninjau pasar.\n\n"
    "Ia didampingi Camat Bontang Utara.\n\n"
    "Basri dijadwalkan berangkat ke Jakarta pada Senin (18/9/2023)."
)


def _jsonl(records: dict[int, dict], total: int = 12) -> bytes:
    """A JSON Lines file with these records on these (1-based) lines, other lines holding filler records."""
    lines = []
    for n in range(1, total + 1):
        record = records.get(n, {"title": f"Berita {n}", "text": f"Lurah ke-{n} hadir di kantor."})
        lines.append(json.dumps(record, ensure_ascii=False))
    return ("\n".join(lines) + "\n").encode("utf-8")


def _where(data: bytes, name: str, phrase: str, key: str | None = None) -> tuple[str, int, int]:
    articles, problems = parse_article(name, data)
    assert [p for p in problems if p.fatal] == []
    (article,) = [a for a in articles if key is None or a.key == key]
    loc = article.location(article.text.index(phrase))
    return f"{loc.line}:{loc.column}", loc.text_line, loc.text_column


def _column_in_line(data: bytes, line: int, needle: str) -> int:
    return data.decode("utf-8").split("\n")[line - 1].index(needle) + 1


# case id, file name, bytes, phrase, article key (None: the only one), expected "line:column" (None: computed
# from `needle` on `line`), line, needle, text line, text column
def _cases():
    third = _jsonl({11: {"title": "Basri ke Jakarta", "text": PARAGRAPHS}})
    raw_separators = _jsonl({2: {"text": "Lurah hadir\u2028di kantor\u0085lalu Camat datang, Senin (18/9/2023)."}}, 3)
    escaped = _jsonl({4: {"text": 'Ia berkata \"siap\" \u00e9 \U0001F600 lalu Camat datang.'}}, 5)
    escaped_ascii = json.dumps({"text": "Lurah \u2028 hadir \U0001F600. Camat datang."}).encode() + b"\n"
    crlf_in_string = b'{"text": "Lurah hadir.\\r\\nCamat datang.\\rBupati pulang."}\n'
    pretty_array = json.dumps(
        [{"text": "Lurah hadir."}, {"title": "Dua", "text": "Camat hadir.\nBupati pulang."}], indent=2
    ).encode()
    text_with_separators = "Judul\n\nLurah hadir\u2028di kantor.\u0085Camat datang.\nBupati pulang.\n".encode()
    mixed_line_ends = b"Judul\r\n\r\nLurah hadir.\rCamat datang.\nBupati pulang.\r\n"
    csv_multiline = (
        'judul,isi,tanggal\n'
        '"Satu","Lurah hadir.\n\nCamat ""Ali"" datang\nke pasar.",2023-09-12\n'
        'Dua,Bupati pulang.,2023-09-13\n'
    ).encode()
    csv_separators = 'judul,isi\nSatu,"Lurah hadir\u2028di kantor.\u0085Camat datang.\nBupati pulang."\n'.encode()
    return [
        ("csv-u2028-u0085-in-a-field", "arsip.csv", csv_separators, "Bupati", "arsip.csv#2", "3:1", None, None, 2, 1),
        ("jsonl-third-paragraph", "arsip.jsonl", third, "Senin (18/9/2023)", "arsip.jsonl#11", None, 11,
         "Senin (18/9/2023)", 5, 45),
        ("jsonl-raw-u2028-u0085", "arsip.jsonl", raw_separators, "Camat", "arsip.jsonl#2", None, 2, "Camat", 1, 28),
        ("jsonl-escapes-before", "arsip.jsonl", escaped, "Camat", "arsip.jsonl#4", None, 4, "Camat", 1, 28),
        ("json-ascii-escapes", "satu.json", escaped_ascii, "Camat", None, None, 1, "Camat", 1, 18),
        ("json-crlf-escapes", "satu.json", crlf_in_string, "Bupati", None, None, 1, "Bupati", 3, 1),
        ("json-pretty-array", "dua.json", pretty_array, "Bupati", "dua.json#2", None, 7, "Bupati", 2, 1),
        ("txt-u2028-u0085", "berita.txt", text_with_separators, "Bupati", None, "4:1", None, None, 4, 1),
        ("txt-cr-and-crlf", "berita.txt", mixed_line_ends, "Camat", None, "4:1", None, None, 4, 1),
        ("csv-multiline-field", "arsip.csv", csv_multiline, "Ali", "arsip.csv#2", "4:9", None, None, 3, 8),
        ("csv-row-after-multiline", "arsip.csv", csv_multiline, "pulang", "arsip.csv#6", "6:12", None, None, 1, 8),
    ]


CASES = _cases()
assert len({c[0] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_location_is_the_physical_line_and_column(case):
    _, name, data, phrase, key, where, line, needle, text_line, text_column = case
    if where is None:
        where = f"{line}:{_column_in_line(data, line, needle)}"
    assert _where(data, name, phrase, key) == (where, text_line, text_column)


def test_the_third_paragraph_of_line_11_is_not_reported_on_line_13():
    data = _jsonl({11: {"text": PARAGRAPHS}, 13: {"text": "Bupati Kukar meresmikan jembatan."}})
    where, text_line, _ = _where(data, "arsip.jsonl", "Senin (18/9/2023)", "arsip.jsonl#11")
    assert where.startswith("11:") and text_line == 5


def test_runs_cross_line_ends():
    text = "ab\ncd\nef"
    source = from_runs([(0, 0)], len(text), line_starts(text))
    assert [source.position(i) for i in range(len(text))] == [
        (1, 1), (1, 2), (1, 3), (2, 1), (2, 2), (2, 3), (3, 1), (3, 2)
    ]


def test_char_offsets_with_unknown_characters_keep_the_last_place():
    starts = line_starts("xx\nabc def\n")
    source = from_char_offsets([None, 3, 4, 5, None, 7, 8, 9], starts, fallback=1)
    assert source.position(0) == (1, 1)
    assert source.position(1) == (2, 1)
    assert source.position(5) == (2, 5)


def test_newline_normalization_moves_the_runs():
    text, runs = normalize_newlines("a\r\nb\rc", [(0, 10), (1, 20), (2, 30), (3, 40), (4, 50), (5, 60)])
    assert text == "a\nb\nc"
    assert runs == [(0, 10), (1, 20), (2, 40), (3, 50), (4, 60)]
