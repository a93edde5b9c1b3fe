"""Boilerplate is blanked, never cut: every marker in boilerplate_id.toml has a case here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from timeline.ingest.boilerplate import boilerplate_spans, clean_body, load_markers

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"

LEDE = (
    "Infokaltim.id, Bontang- Wali Kota Bontang Basri Rase menerima kunjungan kerja dari Tim PIS Korea "
    "Selatan di Pendopo Rujab Wali Kota Bontang, Rabu (13/09/2023). Rombongan disambut Sekda Bontang dan "
    "seluruh kepala OPD serta camat se-Kota Bontang.\n"
)


def _blank(text: str, removed: str) -> str:
    assert removed in text, removed
    return text.replace(removed, re.sub(r"[^\n]", " ", removed), 1)


# (case id, text, the parts that must become spaces)
CASES = [
    ("baca-juga-colon", "Basri berangkat.\nBaca Juga: Megawati Menjamu Ibu Negara\nIa kembali.",
     ["Baca Juga: Megawati Menjamu Ibu Negara"]),
    ("baca-juga-no-space", "Basri berangkat.\nBaca Juga:Stadion Patriot Bekasi Kena Semprot\nIa kembali.",
     ["Baca Juga:Stadion Patriot Bekasi Kena Semprot"]),
    ("baca-juga-lowercase", "Zulkifli hadir.\nbaca juga Setya Novanto: Jangan Sampai Kisruh\nIa pulang.",
     ["baca juga Setya Novanto: Jangan Sampai Kisruh"]),
    ("baca-selengkapnya", "Camat hadir.\nBaca selengkapnya di sini\n", ["Baca selengkapnya di sini"]),
    ("share-on", "Judul Berita\n\nshare on:\nWalikota hadir, Kamis (14/9/2023).", ["share on:"]),
    ("share-on-with-buttons", "Judul\nShare on: Facebook Twitter WhatsApp\nIsi.", ["Share on: Facebook Twitter WhatsApp"]),
    ("bagikan", "Judul\nBagikan: Facebook Twitter\nIsi berita.", ["Bagikan: Facebook Twitter"]),
    ("exit-mobile-version", "Isi berita.\n\nExit mobile version", ["Exit mobile version"]),
    ("facebook-comments", "Isi berita.\n\nFacebook Comments\nadmin", ["Facebook Comments"]),
    ("leave-a-comment", "Isi berita.\n\nLeave a Comment\n", ["Leave a Comment"]),
    ("discussion-about-this-post", "Isi berita.\nDiscussion about this post", ["Discussion about this post"]),
    ("dapatkan-berita-terbaru",
     "Isi berita.\nDapatkan berita terbaru PRANALA.co di Google News dan bergabung di grup Whatsapp kami\n",
     ["Dapatkan berita terbaru PRANALA.co di Google News dan bergabung di grup Whatsapp kami"]),
    ("dapatkan-update-berita-terbaru", "Isi.\nDapatkan update berita terbaru setiap hari dari Kaltimnews.\n",
     ["Dapatkan update berita terbaru setiap hari dari Kaltimnews."]),
    ("simak-berita-google-news", "Isi.\nSimak berita dan artikel lainnya di Google News\n",
     ["Simak berita dan artikel lainnya di Google News"]),
    ("ikuti-kami-google-news", "Isi.\nIkuti kami di Google News untuk berita terkini\n",
     ["Ikuti kami di Google News untuk berita terkini"]),
    ("recent-posts-block", LEDE + "\nRecent Posts\n\nIndira Yusuf Ismail Ingatkan Warga\n\n1 hari ago\n",
     ["Recent Posts\n\nIndira Yusuf Ismail Ingatkan Warga\n\n1 hari ago\n"]),
    ("related-posts-block", LEDE + "Related Posts:\nCamat Resmikan Pasar\n", ["Related Posts:\nCamat Resmikan Pasar\n"]),
    ("berita-terkait-block", LEDE + "Berita Terkait\nBupati Kukar Lantik Pejabat\n",
     ["Berita Terkait\nBupati Kukar Lantik Pejabat\n"]),
    ("artikel-terkait-block", LEDE + "ARTIKEL TERKAIT\nGubernur Buka Festival\n", ["ARTIKEL TERKAIT\nGubernur Buka Festival\n"]),
    ("berita-lainnya-block", LEDE + "Berita Lainnya\nLurah Ikut Kerja Bakti\n", ["Berita Lainnya\nLurah Ikut Kerja Bakti\n"]),
    ("terpopuler-block", LEDE + "Terpopuler\n1. Pj Wali Kota Tinjau Pasar\n", ["Terpopuler\n1. Pj Wali Kota Tinjau Pasar\n"]),
    ("berita-terpopuler-block", LEDE + "Berita Terpopuler\nDandim Hadiri Upacara\n",
     ["Berita Terpopuler\nDandim Hadiri Upacara\n"]),
    ("editor-codes", "Mereka juga sangat tertarik,” ujarnya.\n\n[Hrd|Anl|Ads]\n", ["[Hrd|Anl|Ads]"]),
    ("editor-codes-slash", "Rapat selesai sore hari. [Adv/Ags]", ["[Adv/Ags]"]),
    ("baca-juga-underscore", "Isi berita.\nBaca_Juga\nIsi lanjutan.", ["Baca_Juga"]),
    ("baca-juga-bracketed", "Isi berita.\n[Baca juga: Wali Kota Pulang dari Jepang]\nIsi lanjutan.",
     ["[Baca juga: Wali Kota Pulang dari Jepang]"]),
    ("editor-initials", "Rapat berakhir pukul 12.00 WIB. (rsa)\n", ["(rsa)"]),
    ("editor-initials-pair", "Rapat berakhir sore hari. (rsa / rsa)", ["(rsa / rsa)"]),
    ("editor-initials-bracket", "Pertandingan berakhir imbang.\n[feb ]\n", ["[feb ]"]),
    ("end-mark", "berkelanjutan,” pungkas Basri. (*)", ["(*)"]),
    ("photo-credit-outlet", "Sesi foto bersama Wali Kota Bontang. (infokaltim.id/Ist).\n", ["(infokaltim.id/Ist)"]),
    ("photo-credit-foto", "Bupati meninjau jalan (Foto: Humas Pemkab Kukar).\n", ["(Foto: Humas Pemkab Kukar)"]),
]

# Text that looks like a marker but is article prose: nothing may be blanked.
KEPT = [
    ("baca-juga-inside-sentence", "Wali Kota meminta warga membaca juga aturan baru itu.\n"),
    ("berita-terkait-in-prose", LEDE + "Berita terkait kasus ini masih didalami polisi.\n"),
    ("terpopuler-in-title", "Destinasi Terpopuler di Bontang Dikunjungi Wali Kota\n"),
    ("brackets-not-editor-code", "Anggaran [revisi] disahkan DPRD.\n"),
    ("acronym-at-line-end-kept", "Hadir Kepala Dinas Lingkungan Hidup (DLH)\n"),
    ("lowercase-parenthesis-inside-line", "Poin (b) dan (c) disetujui DPRD.\n"),
    ("parenthesis-not-credit", "Kepala Dinas Lingkungan Hidup (DLH) Bontang Heru Triatmojo hadir.\n"),
]


def test_case_tables_are_unique():
    ids = [c[0] for c in CASES] + [c[0] for c in KEPT]
    assert len(ids) == len(set(ids))
    texts = [c[1] for c in CASES] + [c[1] for c in KEPT]
    assert len(texts) == len(set(texts))


@pytest.mark.parametrize("case_id, text, removed", CASES, ids=[c[0] for c in CASES])
def test_marker_is_blanked_in_place(case_id, text, removed):
    expected = text
    for part in removed:
        expected = _blank(expected, part)
    cleaned = clean_body(text)
    assert cleaned == expected
    assert len(cleaned) == len(text)


@pytest.mark.parametrize("case_id, text", KEPT, ids=[c[0] for c in KEPT])
def test_prose_that_resembles_a_marker_is_kept(case_id, text):
    assert clean_body(text) == text


def _all_patterns() -> list[tuple[str, str]]:
    data = load_markers()
    return [(group, p) for group in ("line_start", "tail_block", "inline") for p in data[group]]


@pytest.mark.parametrize("group, pattern", _all_patterns())
def test_every_marker_in_the_table_has_a_case(group, pattern):
    anchored = {
        "line_start": rf"^[ \t]*(?:{pattern})",
        "tail_block": rf"^[ \t]*(?:{pattern})[ \t]*:?[ \t]*$",
        "inline": pattern,
    }[group]
    rx = re.compile(anchored, re.I | re.M)
    assert any(rx.search(text) for _, text, _ in CASES), f"no case exercises {group} {pattern!r}"


def test_tail_block_near_the_top_only_blanks_its_line():
    text = "Terpopuler\nWali Kota Bontang Basri Rase meninjau pasar, Senin (4/3/2024).\n"
    assert clean_body(text) == " " * len("Terpopuler") + text[len("Terpopuler"):]


def test_clean_keeps_length_and_line_structure_on_every_seed():
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        cleaned = clean_body(text)
        assert len(cleaned) == len(text)
        assert [i for i, c in enumerate(cleaned) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]


def test_seed_004_sidebar_from_recent_posts_on_is_gone():
    text = (SEEDS / "004_45dc6ab4807d3b16.txt").read_text(encoding="utf-8")
    cleaned = clean_body(text)
    cut = text.index("Recent Posts")
    assert cleaned[cut:].strip() == ""
    for name in ("Indira Yusuf Ismail", "Arwin Azis", "Facebook Comments", "Leave a Comment"):
        assert name not in cleaned
    assert "Helmy Budiman" in cleaned
    assert cleaned[:cut].rstrip().endswith("admin")


def test_seed_000_editor_codes_and_mobile_footer_are_blanked():
    text = (SEEDS / "000_d66f64f8ca62cbc6.txt").read_text(encoding="utf-8")
    cleaned = clean_body(text)
    assert "[Hrd|Anl|Ads]" not in cleaned
    assert "Exit mobile version" not in cleaned
    assert "(infokaltim.id/Ist)" not in cleaned
    assert cleaned.rstrip().endswith("” ujarnya.")


def test_seed_002_baca_juga_lines_are_blanked_and_the_rest_kept():
    text = (SEEDS / "002_35e5a8a89ffa5190.txt").read_text(encoding="utf-8")
    cleaned = clean_body(text)
    assert "Baca Juga" not in cleaned
    assert "Megawati" not in cleaned
    assert "Kepala Badan Perencanaan, Penelitan dan Pengembangan (Bapelitbang) Bontang Amiruddin" in cleaned


def test_spans_are_sorted_and_inside_the_text():
    text = (SEEDS / "003_e38a64104eae3b0d.txt").read_text(encoding="utf-8")
    spans = boilerplate_spans(text)
    assert spans == sorted(spans)
    removed = [text[a:b].strip() for a, b in spans]
    assert removed == [
        "(*)",
        "Dapatkan berita terbaru PRANALA.co di Google News dan bergabung di grup Whatsapp kami",
        "Discussion about this post",
    ]


def _spans_by_finditer(text: str) -> list[tuple[int, int]]:
    """What `boilerplate_spans` says, by each marker regex's own finditer over the whole text."""
    data = load_markers()
    alt = "|".join
    line = re.compile(rf"^[ \t\xa0]*(?:{alt(data['line_start'])})[^\n]*", re.I | re.M)
    tail = re.compile(rf"^[ \t\xa0]*(?:{alt(data['tail_block'])})[ \t\xa0]*:?[ \t\xa0]*$", re.I | re.M)
    inline = re.compile(alt(f"(?:{p})" for p in data["inline"]), re.I | re.M)
    spans = [m.span() for m in line.finditer(text)] + [m.span() for m in inline.finditer(text)]
    for m in tail.finditer(text):
        before = text[: m.start()]
        if len(before) - before.count(" ") - before.count("\n") >= data["tail_min_before"]:
            spans.append((m.start(), len(text)))
            break
        spans.append(m.span())
    return sorted(spans)


@pytest.mark.parametrize("text", [c[1] for c in CASES] + [c[1] for c in KEPT] + [
    "Baca\njuga: dua baris\nIsi.", "(rsa)\n[feb ] (*) [Hrd|Anl]", "  Share on:\nBagikan:\n\nTerpopuler\n",
    "((rsa) (Foto: Humas) [x[Adv/Ags]", ""])
def test_spans_are_what_each_markers_finditer_finds(text):
    # the markers are tried only at line starts and at `inline_first` characters: nothing is lost
    assert boilerplate_spans(text) == _spans_by_finditer(text)


def test_spans_on_seeds_are_what_each_markers_finditer_finds():
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert boilerplate_spans(text) == _spans_by_finditer(text)
