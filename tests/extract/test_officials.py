"""Officials: titles next to names, later mentions (surnames, titles, pronouns), roster and merging."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline.errors import InputError
from timeline.extract.officials import find_officials, load_roster, merge_officials, slug
from timeline.extract.titles import load_table
from timeline.model import Article, Role
from timeline.text.sentences import split_sentences

ROSTERS = Path(__file__).resolve().parents[2] / "fixtures" / "roster"


def article(text: str, published: date | None = date(2024, 3, 4), key: str = "news/a.txt") -> Article:
    return Article(path=key, key=key, title=None, text=text, published=published, published_source="metadata")


def officials_of(text: str, roster=None, published: date | None = date(2024, 3, 4)):
    a = article(text, published)
    return find_officials(a, split_sentences(a.text), roster)


INTRODUCTIONS = [
    # a region missing from the place data, known from the dateline or from "di <region>"
    ("Timikaexpress.id, Mimika – Bupati Mimika Fauzi Ahmad Hamzah meninjau Pasar Sentral.",
     "fauzi-ahmad-hamzah", "Fauzi Ahmad Hamzah", "Bupati", "Mimika", None),
    ("Bupati Nduga Yairus Gwijangge meninjau banjir di Nduga, Senin (4/3/2024).",
     "yairus-gwijangge", "Yairus Gwijangge", "Bupati", "Nduga", None),
    ("Bupati Gunung Kidul Badingah meninjau telaga di Gunung Kidul.",
     "badingah", "Badingah", "Bupati", "Gunung Kidul", None),
    ("Radarbali.id, Kendal – Kepala Dinas Koperasi dan UKM Kendal Ani Hidayat meresmikan taman kota.",
     "ani-hidayat", "Ani Hidayat", "Kepala Dinas", "Koperasi dan UKM Kendal", None),
    # "dari Rita" is a person, not a place: a weak region word never splits a name
    ("Bupati Kukar Rita Widyasari menerima laporan. Uang itu berasal dari Rita Widyasari.",
     "rita-widyasari", "Rita Widyasari", "Bupati", "Kukar", None),
    # a marga that is also a place name ends many names
    ("Wali Kota Medan Rendi Tanjung meninjau Pasar Petisah.",
     "rendi-tanjung", "Rendi Tanjung", "Wali Kota", "Medan", None),
    # (sentence, id, name, title, region, acting)
    ("Bupati Kutai Kartanegara Edi Damansyah meninjau banjir di Tenggarong.",
     "edi-damansyah", "Edi Damansyah", "Bupati", "Kutai Kartanegara", None),
    ("Gubernur Kaltim Isran Noor membuka musyawarah daerah.", "isran-noor", "Isran Noor", "Gubernur", "Kaltim", None),
    ("Presiden Joko Widodo tiba di Balikpapan pagi ini.", "joko-widodo", "Joko Widodo", "Presiden", None, None),
    ("Menteri Keuangan Sri Mulyani menyampaikan paparan APBN.", "sri-mulyani", "Sri Mulyani", "Menteri Keuangan", None, None),
    ("Pjs Wali Kota Makassar, Andi Arwin Azis, meninjau kanal.",
     "andi-arwin-azis", "Andi Arwin Azis", "Wali Kota", "Makassar", "Pjs"),
    ("Penjabat Sementara (Pjs) Bupati Gowa, Kamsina Jaya, menyerahkan bantuan.",
     "kamsina-jaya", "Kamsina Jaya", "Bupati", "Gowa", "Pjs"),
    ("Plt Kepala Dinas Kesehatan (Dinkes) Samarinda Ismid Kusasih memantau vaksinasi.",
     "ismid-kusasih", "Ismid Kusasih", "Kepala Dinas", "Kesehatan (Dinkes) Samarinda", "Plt"),
    ("Kepala Dinas PUPR, Andi Muhammad Yusuf, menjelaskan proyek itu.",
     "andi-muhammad-yusuf", "Andi Muhammad Yusuf", "Kepala Dinas", "PUPR", None),
    ("Ketua DPRD Balikpapan Abdulloh menerima aspirasi buruh.", "abdulloh", "Abdulloh", "Ketua", "DPRD Balikpapan", None),
    ("Kapolres Bontang AKBP Yusep Dwi Prasetiya memimpin apel.",
     "yusep-dwi-prasetiya", "Yusep Dwi Prasetiya", "Kapolres", "Bontang", None),
    ("Rahmad Mas'ud, Wali Kota Balikpapan, mengatakan banjir surut.",
     "rahmad-mas-ud", "Rahmad Mas'ud", "Wali Kota", "Balikpapan", None),
    ("Walikota Samarinda, Andi Harun, menghadiri pelantikan pengurus.",
     "andi-harun", "Andi Harun", "Wali Kota", "Samarinda", None),
    ("Kepala Badan Pengelolaan Keuangan dan Aset Daerah (BPKAD) Kutim Teddy Febrian hadir.",
     "teddy-febrian", "Teddy Febrian", "Kepala Badan", "Pengelolaan Keuangan dan Aset Daerah (BPKAD) Kutim", None),
    ("Wakil Bupati Berau Gamalis membagikan bibit.", "gamalis", "Gamalis", "Wakil Bupati", "Berau", None),
    ("Menkeu Purbaya Yudhi Sadewa menjawab pertanyaan wartawan.",
     "purbaya-yudhi-sadewa", "Purbaya Yudhi Sadewa", "Menteri Keuangan", None, None),
    ("Camat Sangatta Utara, Hasdiah, membuka lomba.", "hasdiah", "Hasdiah", "Camat", "Sangatta Utara", None),
    ("Kepala BNPB Suharyanto meninjau lokasi longsor.", "suharyanto", "Suharyanto", "Kepala", "BNPB", None),
    ("Direktur PT Pupuk Kaltim Budi Santoso menerima kunjungan.",
     "budi-santoso", "Budi Santoso", "Direktur", "PT Pupuk Kaltim", None),
    ("Perdana Menteri Malaysia Anwar Ibrahim disambut hangat.",
     "anwar-ibrahim", "Anwar Ibrahim", "Perdana Menteri", "Malaysia", None),
    # a district named as its town and a direction, or its town and "Kota": the part ends the place
    ("Camat Berau Timur Budi Sinaga meresmikan Puskesmas Berau Timur, Senin (4/3/2024).",
     "budi-sinaga", "Budi Sinaga", "Camat", "Berau Timur", None),
    ("Pasar itu diresmikan Camat Manado Kota Imam Anwar di Kecamatan Manado Selatan.",
     "imam-anwar", "Imam Anwar", "Camat", "Manado Kota", None),
    ("Bupati Solok Selatan Muzni Zakaria meninjau jembatan di Sangir.",
     "muzni-zakaria", "Muzni Zakaria", "Bupati", "Solok Selatan", None),
]
assert len({row[0] for row in INTRODUCTIONS}) == len(INTRODUCTIONS)


@pytest.mark.parametrize("text,oid,name,title,region,acting", INTRODUCTIONS)
def test_a_title_next_to_a_name_introduces_an_official(text, oid, name, title, region, acting):
    officials, mentions = officials_of(text)
    assert [(o.id, o.name) for o in officials] == [(oid, name)]
    assert officials[0].roles == (Role(title, region, acting),)
    assert mentions[0].official_id == oid and text[mentions[0].start : mentions[0].end] == name


NOT_OFFICIALS = [
    "Calon Wali Kota Samarinda, Andi Harun, berkampanye di pasar.",
    "Cawalkot Makassar Indira Yusuf Ismail menyapa warga.",
    "Mantan Gubernur Kaltim Awang Faroek Ishak hadir sebagai undangan.",
    "Juru Bicara Presiden Johan Budi mengatakan agenda berubah.",
    "Direktur PT Angkasa Pura Budi Karya menerima kunjungan.",
    "Wali Kota Balikpapan belum memberikan tanggapan soal itu.",
    "Lurah Tanah Merah Budi Santoso membagikan sembako.",
    "Ketua panitia Rudi Hartono membacakan laporan.",
    "Acara itu digelar di Rujab Wali Kota Bontang kemarin.",
    "Kepala Dinas Pekerjaan Umum dan Penataan Ruang menyebut jalan rusak.",
    "Presiden Amerika Serikat belum menanggapi surat itu.",
    "Bupati Intan Jaya menetapkan status darurat bagi warga Kabupaten Intan Jaya.",
    "Aturan itu tertuang dalam Peraturan Presiden (Perpres) Nomor 12 Tahun 2017.",
    "Keputusan Gubernur Jawa Timur Nomor 188 mengatur upah minimum.",
    # a headline's title-cased verb after an office is not a person
    "Wali Kota Bontang Bertolak ke Korea Selatan",
    "Gubernur Kaltim Meresmikan Jembatan Mahakam",
]
assert len(set(NOT_OFFICIALS)) == len(NOT_OFFICIALS)


def test_an_ordinal_after_a_title_is_never_taken_for_a_name():
    officials, _ = officials_of("Foto Presiden Pertama Soekarno dipajang di aula.")
    assert not [o for o in officials if "Pertama" in o.name]


@pytest.mark.parametrize("text", NOT_OFFICIALS)
def test_no_official_without_a_named_office_holder(text):
    assert officials_of(text) == ([], [])


MENTIONS = [
    # (text, [(mention text, form)]) all of one official
    ("Bupati Berau Sri Juniarsih meninjau pasar. Sri Juniarsih mengatakan harga stabil. "
     "Menurut Juniarsih, stok aman. Bu Bupati juga berdialog dengan pedagang.",
     [("Sri Juniarsih", "full"), ("Sri Juniarsih", "full"), ("Juniarsih", "surname"), ("Bu Bupati", "honorific")]),
    ("Gubernur Kaltim Isran Noor tiba di Samarinda. Ia langsung menuju kantor gubernur.",
     [("Isran Noor", "full"), ("Ia", "pronoun")]),
    ("Wali Kota Samarinda Andi Harun membuka rapat. Pak Andi menekankan disiplin, ujarnya.",
     [("Andi Harun", "full"), ("Pak Andi", "honorific"), ("ujarnya", "pronoun")]),
    ("Bupati Paser Fahmi Fadli meninjau jalan. Bupati Paser kemudian menemui warga. Beliau berjanji memperbaiki.",
     [("Fahmi Fadli", "full"), ("Bupati Paser", "title"), ("Beliau", "pronoun")]),
    ("Wali Kota Bontang Basri Rase menerima tamu. Wali Kota Basri menyebut kerja sama itu penting.",
     [("Basri Rase", "full"), ("Basri", "surname")]),
]
assert len({t for t, _ in MENTIONS}) == len(MENTIONS)


@pytest.mark.parametrize("text,expected", MENTIONS)
def test_later_mentions_resolve_to_the_official_introduced_before(text, expected):
    officials, mentions = officials_of(text)
    assert len(officials) == 1
    assert [(m.text, m.form) for m in mentions] == expected
    assert {m.official_id for m in mentions} == {officials[0].id}
    assert officials[0].mentions == len(expected)


PRONOUNS_LEFT_ALONE = [
    # a pronoun inside someone's quote, far from any official, or after another speaker
    ('Gubernur Kaltim Isran Noor berbicara singkat. "Dia sudah bekerja keras," kata seorang warga.', "Dia"),
    ("Bupati Kutim Ardiansyah Sulaiman membuka acara. Panitia menyiapkan tenda. Warga datang sejak pagi. "
     "Ia berharap acara lancar.", "Ia"),
    ("Wali Kota Samarinda Andi Harun meninjau banjir. Seorang warga, Rudi, mengeluhkan air. "
     "Dia meminta pompa tambahan.", "Dia"),
    ('Sementara itu, "Kami berterima kasih kepada Wali Kota Samarinda Andi Harun," ungkapnya.', "ungkapnya"),
]
assert len({t for t, _ in PRONOUNS_LEFT_ALONE}) == len(PRONOUNS_LEFT_ALONE)


@pytest.mark.parametrize("text,pronoun", PRONOUNS_LEFT_ALONE)
def test_a_doubtful_pronoun_stays_unresolved(text, pronoun):
    _, mentions = officials_of(text)
    assert pronoun not in [m.text for m in mentions]


def test_a_title_shared_by_two_officials_is_not_guessed():
    text = ("Presiden Joko Widodo menerima Presiden Korea Selatan Yoon Suk Yeol di Istana. "
            "Presiden kemudian menjamu makan siang.")
    officials, mentions = officials_of(text)
    assert {o.id for o in officials} == {"joko-widodo", "yoon-suk-yeol"}
    assert "Presiden" not in [m.text for m in mentions if m.form == "title"]


def test_a_title_with_another_region_does_not_resolve():
    text = "Wali Kota Samarinda Andi Harun bertemu warga. Wali Kota Balikpapan tidak hadir."
    _, mentions = officials_of(text)
    assert [m.text for m in mentions] == ["Andi Harun"]


def test_every_title_form_in_data_introduces_an_official():
    data = load_table()
    for group in ("region", "org"):
        for canon, *forms in data["titles"][group]:
            for form in forms:
                office = " BPBD" if canon in data["titles"]["needs_acronym"] else ""
                text = f"Menurut {form}{office}, Hasanuddin Malik, program itu berjalan."
                officials, _ = officials_of(text)
                assert [o.id for o in officials] == ["hasanuddin-malik"], form
                assert officials[0].roles[0].title == canon, form


def test_every_not_holder_word_keeps_the_title_from_its_name():
    for word in load_table()["not_holder"]["words"]:
        officials, _ = officials_of(f"Hari ini {word} Wali Kota Tarakan Khairul Hidayat datang.")
        assert officials == [], word


def test_every_acting_prefix_is_recorded_on_the_role():
    for written, short in load_table()["acting"].items():
        officials, _ = officials_of(f"Kemarin {written} Bupati Berau Muhammad Gazali meninjau pasar.")
        assert officials[0].roles == (Role("Bupati", "Berau", short),), written


def test_every_pronoun_in_data_resolves_after_an_official():
    pronouns = load_table()["pronouns"]
    for word in pronouns["words"] + pronouns["nya"]:
        text = f"Bupati Berau Sri Juniarsih meninjau pasar. Lalu {word} menyapa warga."
        _, mentions = officials_of(text)
        assert [m.form for m in mentions if m.text == word] == ["pronoun"], word


def test_stop_words_are_never_names():
    for word in load_table()["names"]["stop"]:
        officials, _ = officials_of(f"Kemarin Gubernur {word} meninjau pasar.")
        assert all(word not in o.name.split() for o in officials), word


def test_slug_is_ascii_lower_case_with_hyphens():
    assert slug("Basri Rase") == "basri-rase"
    assert slug("Rahmad Mas'ud") == "rahmad-mas-ud"
    assert slug("Andi  Harun ") == "andi-harun"


# ------------------------------------------------------------------------------------------------
# roster
# ------------------------------------------------------------------------------------------------


def test_roster_maps_an_alias_to_its_canonical_official():
    roster = load_roster(ROSTERS / "kaltim.yaml")
    officials, _ = officials_of("Wali Kota Samarinda AH meninjau banjir. Pak AH meminta warga waspada.", roster)
    assert [(o.id, o.name) for o in officials] == [("andi-harun", "Andi Harun")]
    assert "AH" in officials[0].aliases


@pytest.mark.parametrize(
    "published,holder", [(date(2019, 5, 1), "syaharie-jaang"), (date(2023, 5, 1), "andi-harun")]
)
def test_roster_gives_the_holder_of_a_title_on_the_publication_date(published, holder):
    roster = load_roster(ROSTERS / "kaltim.yaml")
    officials, mentions = officials_of("Wali Kota Samarinda meninjau banjir di Sempaja.", roster, published)
    assert [o.id for o in officials] == [holder]
    assert [(m.text, m.form) for m in mentions] == [("Wali Kota Samarinda", "title")]


def test_roster_names_without_a_title_are_found():
    roster = load_roster(ROSTERS / "kaltim.yaml")
    officials, _ = officials_of("Andi Harun meninjau banjir di Sempaja.", roster)
    assert [o.id for o in officials] == ["andi-harun"]


BROKEN_ROSTERS = [
    ("officials: [name: x", "not valid YAML"),
    ("officials: 3", "must be a list"),
    ("officials:\n  - aliases: [A]\n", "needs a 'name'"),
    ("officials:\n  - name: Andi\n    aliases: A\n", "'aliases' must be a list"),
    ("officials:\n  - name: Andi\n    roles:\n      - region: Samarinda\n", "needs a 'title'"),
    ("officials:\n  - name: Andi\n    roles:\n      - title: Bupati\n        start: kemarin\n", "not a date"),
]
assert len({r for r, _ in BROKEN_ROSTERS}) == len(BROKEN_ROSTERS)


@pytest.mark.parametrize("content,problem", BROKEN_ROSTERS)
def test_a_broken_roster_raises_input_error_naming_file_and_problem(tmp_path, content, problem):
    path = tmp_path / "officials.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_roster(path)
    assert str(path) in str(info.value) and problem in str(info.value)


def test_a_missing_roster_raises_input_error(tmp_path):
    with pytest.raises(InputError, match="cannot read roster"):
        load_roster(tmp_path / "absent.yaml")


# ------------------------------------------------------------------------------------------------
# across articles
# ------------------------------------------------------------------------------------------------


def test_merge_keeps_one_official_per_person_with_roles_and_aliases_unioned():
    a = officials_of("Wali Kota Bontang Basri Rase menerima tamu. Menurut Basri, kerja sama penting.")
    b = officials_of("Basri Rase, Wali Kota Bontang, meninjau pantai. Pak Basri menyapa nelayan.")
    merged = merge_officials([a, b])
    assert [(o.id, o.roles) for o in merged] == [("basri-rase", (Role("Wali Kota", "Bontang"),))]
    assert set(merged[0].aliases) == {"Basri", "Pak Basri"}
    assert merged[0].mentions == 4


def test_merge_keeps_two_holders_of_the_same_title_apart():
    a = officials_of("Wali Kota Samarinda Syaharie Jaang meresmikan pasar.", published=date(2019, 1, 2))
    b = officials_of("Wali Kota Samarinda Andi Harun meresmikan jembatan.", published=date(2023, 1, 2))
    merged = merge_officials([a, b])
    assert sorted(o.id for o in merged) == ["andi-harun", "syaharie-jaang"]


def test_merge_joins_a_roster_alias_with_its_canonical_official():
    roster = load_roster(ROSTERS / "kaltim.yaml")
    a = officials_of("Wali Kota Samarinda Syaharie Jaang meresmikan jembatan.")
    b = officials_of("Wali Kota Samarinda Jaang meninjau banjir.")
    assert [o.id for o in b[0]] == ["jaang"]  # without the roster the text alone cannot tell
    merged = merge_officials([a, b], roster)
    assert [(o.id, o.name) for o in merged] == [("syaharie-jaang", "Syaharie Jaang")]
    assert merged[0].mentions == 2 and "Jaang" in merged[0].aliases


# ------------------------------------------------------------------------------------------------
# every data entry is exercised
# ------------------------------------------------------------------------------------------------


def test_every_honorific_before_a_surname_is_an_honorific_mention():
    for word in load_table()["honorifics"]["words"]:
        text = f"Bupati Berau Sri Juniarsih meninjau pasar. {word} Juniarsih menyapa warga."
        _, mentions = officials_of(text)
        assert (f"{word} Juniarsih", "honorific") in [(m.text, m.form) for m in mentions], word


def test_every_rank_or_degree_prefix_stays_out_of_the_name():
    for prefix in load_table()["honorifics"]["name_prefixes"]:
        officials, _ = officials_of(f"Kapolres Berau {prefix} Sigit Pranoto meninjau pos mudik.")
        assert [o.name for o in officials] == ["Sigit Pranoto"], prefix


def test_every_ministry_portfolio_is_part_of_the_title():
    for portfolio in load_table()["ministries"]["portfolios"]:
        officials, _ = officials_of(f"Kemarin Menteri {portfolio} Hasanuddin Malik meninjau pasar.")
        assert [o.name for o in officials] == ["Hasanuddin Malik"], portfolio
        role = officials[0].roles[0]
        written = f"{role.title} {role.region}" if role.region else role.title
        assert written.replace(",", "") == f"Menteri {portfolio}".replace(",", ""), portfolio


def test_every_whole_title_names_its_ministry():
    for canon, *forms in load_table()["titles"]["whole"]:
        for form in forms:
            officials, _ = officials_of(f"Kemarin {form} Hasanuddin Malik meninjau pasar.")
            assert [(o.name, o.roles[0].title) for o in officials] == [("Hasanuddin Malik", canon)], form


def test_every_company_prefix_hides_the_company_name():
    for prefix in load_table()["titles"]["companies"]:
        assert officials_of(f"Direktur {prefix} Angkasa Pura Budi Karya meninjau bandara.") == ([], []), prefix


def test_every_small_region_title_needs_a_comma_or_known_place():
    for title in load_table()["titles"]["needs_region"]:
        assert officials_of(f"Kemarin {title} Tanah Merah Budi Santoso membagikan sembako.") == ([], []), title
        officials, _ = officials_of(f"Kemarin {title} Tanah Merah, Budi Santoso, membagikan sembako.")
        assert [o.name for o in officials] == ["Budi Santoso"], title


def test_every_stop_prefix_marks_an_office_not_a_name():
    for prefix in load_table()["names"]["stop_prefixes"]:
        officials, _ = officials_of(f"Kemarin Ketua DPRD {prefix}abc Hasanuddin meninjau pasar.")
        assert all(not o.name.startswith(prefix) for o in officials), prefix


def test_every_region_word_elsewhere_shows_a_region_not_a_name():
    for word in load_table()["names"]["region_words"]:
        text = f"Bupati Lembah Hijau meninjau banjir. Air juga menggenangi {word} Lembah Hijau."
        assert officials_of(text) == ([], []), word


PRONOUN_TEXTS = [
    "Wali Kota Bontang Basri Rase meninjau pasar. Ia didampingi camat. Menurutnya, harga stabil.",
    "Kata dia, warga Indonesia dan media sosial mendukung. Beliau bersedia hadir, katanya lagi.",
    "“Kami siap,” ujarnya. Dia-nya tidak hadir; katanya-lagi bukan kata. Ia\nIa ia-ia diasuh.",
    "Kunjungannya ke Jepang (lawatannya yang pertama) dinilai sukses, pungkasnya lagian.",
    "Tanpa kata ganti sama sekali di kalimat ini.",
    "",
]


@pytest.mark.parametrize("text", PRONOUN_TEXTS)
def test_pronouns_near_their_pieces_are_every_pronoun_the_regex_finds(text):
    # the pronoun regex runs only around the pieces every pronoun holds: it must find all it finds alone
    from timeline.extract.officials import _pronouns
    from timeline.extract.titles import lexicon

    lex = lexicon()
    assert [m.span() for m in _pronouns(text, lex)] == [m.span() for m in lex.pronoun_re.finditer(text)]
