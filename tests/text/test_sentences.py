"""Sentence splitting of Indonesian news: abbreviations, times, dates, quotes, initials, paragraphs."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.ingest.boilerplate import clean_body
from timeline.text.sentences import load_table, split_sentences

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"

# (case id, text, expected sentences)
CASES = [
    ("s.d.", "Pameran dibuka 18 s.d. 22 Oktober 2023 di Incheon. Basri hadir.",
     ["Pameran dibuka 18 s.d. 22 Oktober 2023 di Incheon.", "Basri hadir."]),
    ("s.d.-before-capital", "Pelayanan buka pukul 08.00 s.d. Pukul 12.00 WITA setiap hari. Warga antre.",
     ["Pelayanan buka pukul 08.00 s.d. Pukul 12.00 WITA setiap hari.", "Warga antre."]),
    ("dll.", "Hadir camat, lurah, dll. Kemudian rapat dimulai.",
     ["Hadir camat, lurah, dll. Kemudian rapat dimulai."]),
    ("Sept.", "Basri bertolak pada 18 Sept. 2023 menuju Korea Selatan. Ia didampingi empat kepala OPD.",
     ["Basri bertolak pada 18 Sept. 2023 menuju Korea Selatan.", "Ia didampingi empat kepala OPD."]),
    ("H.", "Rapat dipimpin H. Basri Rase di Pendopo. Semua hadir.",
     ["Rapat dipimpin H. Basri Rase di Pendopo.", "Semua hadir."]),
    ("Dr.", "Sambutan disampaikan Dr. Helmy Budiman. Acara selesai siang.",
     ["Sambutan disampaikan Dr. Helmy Budiman.", "Acara selesai siang."]),
    ("Ir.", "Kepala Dinas PUPR Ir. Usman meninjau jalan. Ia puas.",
     ["Kepala Dinas PUPR Ir. Usman meninjau jalan.", "Ia puas."]),
    ("Drs.", "Sekda Drs. Aji Erlynawati membuka rakor. Peserta antusias.",
     ["Sekda Drs. Aji Erlynawati membuka rakor.", "Peserta antusias."]),
    ("degrees-S.T.-M.Si.", "Hadir Heru Triatmojo, S.T., M.Si. Kemudian ia berpidato.",
     ["Hadir Heru Triatmojo, S.T., M.Si. Kemudian ia berpidato."]),
    ("decimal-time", "Upacara dimulai pukul 09.00 WITA di halaman kantor. Wali Kota hadir.",
     ["Upacara dimulai pukul 09.00 WITA di halaman kantor.", "Wali Kota hadir."]),
    ("time-ends-sentence", "Upacara dimulai pukul 09.00. Wali Kota hadir.",
     ["Upacara dimulai pukul 09.00.", "Wali Kota hadir."]),
    ("dotted-date", "Surat tertanggal 13.09.2023 diterima DPRD. Isinya undangan.",
     ["Surat tertanggal 13.09.2023 diterima DPRD.", "Isinya undangan."]),
    ("curly-quote", "“Kolaborasi adalah kunci. Pemerintah tak bisa bekerja sendiri,” tambah Basri. Ia optimistis.",
     ["“Kolaborasi adalah kunci. Pemerintah tak bisa bekerja sendiri,” tambah Basri.", "Ia optimistis."]),
    ("straight-quote", "\"Untuk orangnya saya belum bisa pastikan. Ini undangan resmi,\" tuturnya. Rombongan siap.",
     ["\"Untuk orangnya saya belum bisa pastikan. Ini undangan resmi,\" tuturnya.", "Rombongan siap."]),
    ("quote-ends-sentence", "Basri berkata, “Kami siap berangkat.” Rombongan lalu bertolak.",
     ["Basri berkata, “Kami siap berangkat.”", "Rombongan lalu bertolak."]),
    ("initials", "Laporan disusun oleh A. R. Wibowo dari Bappeda. Ia hadir.",
     ["Laporan disusun oleh A. R. Wibowo dari Bappeda.", "Ia hadir."]),
    ("paragraph-always-breaks", "Wali Kota hadir\nRapat dimulai pukul 09.00",
     ["Wali Kota hadir", "Rapat dimulai pukul 09.00"]),
    ("question-and-exclamation", "Siapa yang berangkat? Wali Kota! Ia bertolak Selasa.",
     ["Siapa yang berangkat?", "Wali Kota!", "Ia bertolak Selasa."]),
    ("lowercase-after-period", "Nilainya Rp 2,5 miliar. dan itu disetujui DPRD.",
     ["Nilainya Rp 2,5 miliar. dan itu disetujui DPRD."]),
    ("domain-ends-sentence", "Informasi itu dikutip dari KlikKaltim.com. Basri membenarkan.",
     ["Informasi itu dikutip dari KlikKaltim.com.", "Basri membenarkan."]),
    ("list-item-number", "Susunan acara:\n1. Pembukaan oleh Wali Kota.\n2. Sambutan Gubernur.",
     ["Susunan acara:", "1. Pembukaan oleh Wali Kota.", "2. Sambutan Gubernur."]),
    ("year-ends-sentence", "Rakor terakhir digelar pada 2023. Tahun ini di Batam.",
     ["Rakor terakhir digelar pada 2023.", "Tahun ini di Batam."]),
    ("blank-lines-and-spaces", "  Paragraf satu.  \n\n   \nParagraf dua. ", ["Paragraf satu.", "Paragraf dua."]),
]


def test_case_table_is_unique():
    ids = [c[0] for c in CASES]
    assert len(ids) == len(set(ids))
    assert len({c[1] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case_id, text, expected", CASES, ids=[c[0] for c in CASES])
def test_split(case_id, text, expected):
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == expected
    for s in sentences:
        assert text[s.start:s.end] == s.text


@pytest.mark.parametrize("abbreviation", load_table()["abbreviations"])
def test_abbreviation_from_table_does_not_split(abbreviation):
    for written in (abbreviation, abbreviation.capitalize(), abbreviation.upper()):
        text = f"Rapat itu membahas {written}. Kemudian peserta pulang."
        assert [s.text for s in split_sentences(text)] == [text], written


def test_seed_sentences_cover_the_text_and_keep_quotes_whole():
    text = clean_body((SEEDS / "003_e38a64104eae3b0d.txt").read_text(encoding="utf-8"))
    sentences = split_sentences(text)
    assert len(sentences) == 17
    quote = next(s for s in sentences if s.text.startswith("“Kolaborasi adalah kunci."))
    assert quote.text.endswith("berkelanjutan,” tambah Basri.")
    assert all("\n" not in s.text for s in sentences)


def test_splitting_real_news_never_fails_and_covers_the_text(real_news):
    import json

    texts = [json.loads(line)["text"] for line in real_news.read_text(encoding="utf-8").splitlines() if line]
    count = 0
    for t in texts:
        sentences = split_sentences(t)
        count += len(sentences)
        assert all(t[s.start : s.end] == s.text for s in sentences)
        assert all(a.end <= b.start for a, b in zip(sentences, sentences[1:]))
    assert count > len(texts) * 5


@pytest.mark.parametrize("text, spans", [
    ("Basri berkata, “Kami siap.” Lalu \"pulang\" dan “tanpa tutup\n” selesai.", [(15, 27), (33, 41)]),
    ("\"a\" \"b\"\"c\" “” \"", [(0, 3), (4, 7), (7, 10), (11, 13)]),
    ("Tanpa kutipan sama sekali.", []),
])
def test_quote_spans_are_what_the_quote_pairs_regex_finds(text, spans):
    import re

    from timeline.text.spans import quote_spans

    pairs = load_table()["quote_pairs"]
    regex = re.compile("|".join(f"{re.escape(o)}[^{re.escape(c)}\\n]*{re.escape(c)}" for o, c in pairs))
    assert list(quote_spans(text)) == [m.span() for m in regex.finditer(text)] == spans
