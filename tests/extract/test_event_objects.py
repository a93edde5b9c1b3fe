"""What an event is about, how its clause frames it, and when it happens: objects and their keys,
"again", subordinate clauses, returns, statements' dates, passive and nominal forms.

Every word list of `lang/id/events.toml` that these behaviours read is exercised entry by entry."""

from __future__ import annotations

import re
from datetime import date

import pytest

from timeline.extract.events import load_table
from timeline.extract.lexicon import lexicon
from timeline.extract.objects import event_key
from timeline.extract.officials import find_officials
from timeline.extract.events import find_events
from timeline.model import Article, Place
from timeline.temporal import find_dates
from timeline.text.sentences import split_sentences

DATA = load_table()


def events_of(text: str, published: date = date(2024, 3, 4), title: str | None = None):
    a = Article(path="a.md", key="a.md", title=title, text=text, published=published, published_source="metadata")
    sentences = split_sentences(a.text)
    officials, mentions = find_officials(a, sentences)
    return find_events(a, sentences, find_dates(a.text, published), officials, mentions)


def only(text: str, **kw):
    events = events_of(text, **kw)
    assert len(events) == 1, [(e.type, e.trigger, e.agent) for e in events]
    return events[0]


# ------------------------------------------------------------------------------------------------
# objects and keys
# ------------------------------------------------------------------------------------------------

# (text, the object as written, the key)
OBJECTS = [
    ("Bupati Berau Sri Juniarsih meresmikan Pasar Rakyat Loa Kulu, Jumat (10/11/2023).",
     "Pasar Rakyat Loa Kulu", ("rakyat", "loa", "kulu")),
    ("Bupati Berau Sri Juniarsih meresmikan pasar rakyat di Loa Kulu, Kamis (9/11/2023).",
     "pasar rakyat di Loa Kulu", ("rakyat", "loa", "kulu")),
    ("Wali Kota Manado Andrei Angouw melakukan inspeksi mendadak (sidak) ke RSUD Kota Manado, Selasa (5/3/2024).",
     "RSUD Kota Manado", ("manado",)),
    ("Aplikasi Siap Madani yang diluncurkan Wali Kota Pekanbaru Hendra Syahputra pada Selasa (23/7/2024) diunduh.",
     "Aplikasi Siap Madani", ("aplikasi", "siap", "madani")),
    ("Peresmian Pasar Inpres Sentani oleh Bupati Berau Sri Juniarsih pada Jumat (19/4/2024) disambut warga.",
     "Pasar Inpres Sentani", ("inpres", "sentani")),
    ("Jembatan gantung Kambatatana yang menghubungkan dua desa diresmikan oleh Bupati Berau Sri Juniarsih pada "
     "Jumat (17/5/2024).", "Jembatan gantung Kambatatana", ("gantung", "kambatatana")),
    ("Rencana itu disampaikan setelah BLK Komunitas Kelam Permai diresmikan Bupati Berau Sri Juniarsih pada "
     "8 November 2023.", "BLK Komunitas Kelam Permai", ("blk", "komunitas", "kelam", "permai")),
    ("Bupati Berau Sri Juniarsih memimpin rapat koordinasi pengendalian inflasi daerah, Senin (15/1/2024).",
     "koordinasi pengendalian inflasi daerah", ("pengendalian", "inflasi")),
]
assert len({t for t, _, _ in OBJECTS}) == len(OBJECTS)


@pytest.mark.parametrize("text,obj,key", OBJECTS)
def test_the_object_is_what_follows_an_active_verb_or_precedes_a_passive_one(text, obj, key):
    event = only(text)
    assert (event.object, event.key) == (obj, key)


def test_an_object_that_points_back_takes_the_words_of_what_it_points_to():
    text = ("Kafilah Praya Barat unggul pada MTQ ke-31 Kabupaten Lombok Tengah. "
            "MTQ tersebut dibuka Wakil Bupati Lombok Tengah, Zainal Muttaqin, pada Selasa (7/5/2024) malam.")
    event = only(text)
    assert event.object == "MTQ ke-31 Kabupaten Lombok Tengah"
    assert {"mtq", "31", "lombok"} <= set(event.key)


def test_names_are_what_the_event_is_about_written_capitalized_and_its_facility():
    event = only("Bupati Berau Sri Juniarsih meresmikan Taman Kota Mimika di Kecamatan Mimika Selatan, "
                 "Rabu (17/7/2024).")
    assert (event.names, event.places) == (("mimika", "taman"), ("mimika",))
    assert set(event.site) <= {"mimika", "selatan"} and "mimika" in event.site


@pytest.mark.parametrize("word", DATA["objects"]["facilities"])
def test_every_facility_head_is_a_name_of_what_is_opened(word):
    event = only(f"Bupati Berau Sri Juniarsih meresmikan {word} baru di Tanjung Redeb, Rabu (17/7/2024).")
    assert word in event.names


@pytest.mark.parametrize("word", DATA["objects"]["generic"])
def test_every_generic_word_is_left_out_of_a_key(word):
    key = event_key(lexicon(), f"Sentra {word} Jatiwangi", None, object_at_clause_start=False)
    assert word not in key.key and "jatiwangi" in key.key


def test_the_place_joins_the_key_when_the_object_does_not_name_it():
    key = event_key(lexicon(), "nota kesepahaman", Place("Gedung Rektorat Unhas", country="ID", domestic=True), False)
    assert key.key == ("rektorat", "unhas")


@pytest.mark.parametrize("word", DATA["objects"]["stop"])
def test_every_stop_word_ends_an_object(word):
    text = f"Bupati Berau Sri Juniarsih meresmikan Pasar Segiri {word} Pasar Pagi, Senin (4/3/2024)."
    assert only(text).object == "Pasar Segiri"


@pytest.mark.parametrize("word", DATA["objects"]["lead"])
def test_every_lead_word_is_skipped_before_an_object(word):
    text = f"Bupati Berau Sri Juniarsih meninjau {word} Pasar Segiri, Senin (4/3/2024)."
    assert only(text).object == "Pasar Segiri"


@pytest.mark.parametrize("word", DATA["objects"]["aux"])
def test_every_auxiliary_is_not_part_of_a_passive_subject(word):
    text = f"Pasar Segiri {word} diresmikan Bupati Berau Sri Juniarsih pada Senin (4/3/2024)."
    assert only(text).object == "Pasar Segiri"


def test_a_prefixed_verb_ends_an_object():
    text = "Bupati Berau Sri Juniarsih menghadiri konferensi itu mengatakan siap menjadi mediator, Senin (4/3/2024)."
    assert "mengatakan" not in (only(text).object or "")


# ------------------------------------------------------------------------------------------------
# how the clause frames a trigger
# ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("word", DATA["recurrence"]["again_before"])
def test_again_right_before_a_verb_makes_it_a_repeat(word):
    assert only(f"Bupati Berau Sri Juniarsih {word} meninjau Pasar Segiri, Rabu (10/1/2024).").repeat


@pytest.mark.parametrize("phrase", DATA["recurrence"]["again_phrases"])
def test_every_again_phrase_makes_a_repeat(phrase):
    assert only(f"Bupati Berau Sri Juniarsih {phrase} mengunjungi Desa Tolotangga, Senin (22/1/2024).").repeat


@pytest.mark.parametrize("word", DATA["recurrence"]["earlier_after"])
def test_an_earlier_occurrence_is_a_repeat(word):
    text = f"Bupati Berau Sri Juniarsih, pada kunjungan {word} pada 5 Maret 2024, menjanjikan bantuan."
    assert only(text).repeat


@pytest.mark.parametrize("prefix", DATA["recurrence"]["verb_prefixes"])
def test_a_verb_before_sebelumnya_tells_no_earlier_occurrence(prefix):
    from timeline.extract.triggers import framed
    from timeline.model import Sentence

    verbs = [w for words in DATA["triggers"].values() for w in words if w.startswith(prefix) and " " not in w]
    text = f"Bupati itu {verbs[0]} sebelumnya Pasar Segiri."
    (match,) = [m for m in lexicon().trigger_re.finditer(text) if m.group("t") == verbs[0]]
    assert not framed(lexicon(), text, Sentence(0, len(text), text), match).repeat
    noun = "Pada kunjungan sebelumnya Bupati itu berjanji."
    (match,) = lexicon().trigger_re.finditer(noun)
    assert framed(lexicon(), noun, Sentence(0, len(noun), noun), match).repeat


def test_a_first_telling_is_no_repeat():
    assert not only("Bupati Berau Sri Juniarsih meninjau Pasar Segiri, Rabu (3/1/2024).").repeat


@pytest.mark.parametrize("word", DATA["clauses"]["subordinate"])
def test_a_trigger_in_a_subordinate_clause_takes_no_date_of_the_main_clause(word):
    text = (f"{word[0].upper() + word[1:]} meresmikan Pasar Sentral Limboto, Bupati Berau Sri Juniarsih "
            "meresmikan Pasar Rakyat Telaga, Selasa (23/1/2024).")
    first, second = events_of(text)
    assert (first.object, first.date) == ("Pasar Sentral Limboto", None)
    assert second.date.value.start == date(2024, 1, 23)


def test_a_subordinate_trigger_keeps_a_date_of_its_own_clause():
    text = "Rencana itu disampaikan setelah BLK Kelam Permai diresmikan Bupati Berau Sri Juniarsih pada 8 November 2023."
    assert only(text).date.value.start == date(2023, 11, 8)


def test_each_trigger_takes_the_date_written_after_it():
    text = ("Bupati Berau Sri Juniarsih dijadwalkan berangkat ke Arab Saudi pada 27 Mei 2024 dan kembali ke "
            "Tanah Air pada 14 Mei 2024.")
    dep, ret = events_of(text, published=date(2024, 5, 13))
    assert (dep.type, dep.date.value.start) == ("departure", date(2024, 5, 27))
    assert (ret.type, ret.date.value.start) == ("return", date(2024, 5, 14))


# ------------------------------------------------------------------------------------------------
# returns
# ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("home", DATA["returns"]["home"])
def test_coming_back_home_is_a_return(home):
    assert only(f"Bupati Berau Sri Juniarsih kembali ke {home} pada Sabtu (2/3/2024).").type == "return"


def test_coming_back_to_a_site_is_a_visit_again_not_a_return():
    event = only("Bupati Berau Sri Juniarsih kembali ke sentra genteng Jatiwangi, Kamis (21/3/2024).")
    assert (event.type, event.repeat) == ("visit", True)


def test_coming_back_after_a_trip_told_just_before_is_its_return():
    text = ("Bupati Berau Sri Juniarsih berangkat ke Korea Selatan, Rabu (12/6/2024). "
            "Sri Juniarsih dijadwalkan kembali ke kantor bupati pada Selasa (18/6/2024).")
    assert [e.type for e in events_of(text)] == ["departure", "return"]


@pytest.mark.parametrize("word", DATA["returns"]["from_words"])
def test_coming_back_from_doing_something_is_no_return(word):
    assert events_of(f"Bupati Berau Sri Juniarsih {word} meninjau banjir di Long Ikis, Senin (13/5/2024).")[0].type \
        == "inspection"


@pytest.mark.parametrize("noun", DATA["returns"]["from_nouns"])
def test_coming_back_from_a_trip_is_a_return(noun):
    assert only(f"Bupati Berau Sri Juniarsih kembali dari {noun} itu, Sabtu (2/3/2024).").type == "return"


def test_a_return_takes_the_place_abroad_it_comes_back_from():
    event = only("Bupati Berau Sri Juniarsih tiba kembali di Tanjung Redeb, Selasa (17/10/2023), setelah delapan "
                 "hari berada di Jepang.")
    assert (event.type, event.place.country) == ("return", "JP")


# ------------------------------------------------------------------------------------------------
# voices, speakers, statements
# ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("glue", DATA["voice"]["passive_glue"])
def test_every_passive_glue_word_may_stand_before_the_agent(glue):
    text = f"Pasar Segiri diresmikan {glue} Bupati Berau Sri Juniarsih pada Senin (4/3/2024)."
    assert only(text).agent == "sri-juniarsih"


def test_a_passive_verb_without_an_official_right_after_it_is_no_event():
    assert events_of("Pameran itu dibuka untuk umum hingga Minggu, kata Bupati Berau Sri Juniarsih.") == []


@pytest.mark.parametrize("word", DATA["participants"]["title_glue"])
def test_a_title_may_hold_these_lower_case_words_before_the_name(word):
    text = (f"Pasar Segiri diresmikan Kepala Dinas Kependudukan {word} Pencatatan Sipil Kota Samarinda "
            "Adnan Faridhan pada Senin (4/3/2024).")
    assert only(text).agent == "adnan-faridhan"


@pytest.mark.parametrize("word", DATA["voice"]["event_objects"])
def test_membuka_an_event_is_an_opening(word):
    assert only(f"Bupati Berau Sri Juniarsih membuka {word} Berau, Senin (4/3/2024).").type == "opening"


def test_membuka_an_opportunity_is_no_event():
    assert events_of("Bupati Berau Sri Juniarsih membuka peluang investasi di Maratua, Senin (4/3/2024).") == []


@pytest.mark.parametrize("word", DATA["participants"]["speaker_acts"])
def test_a_speaker_telling_their_own_plan_is_its_agent(word):
    text = f"Bupati Berau Sri Juniarsih, Senin (4/3/2024), mengatakan {word} berangkat ke Jepang pada 8 Maret 2024."
    event = only(text)
    assert (event.agent, event.date.value.start) == ("sri-juniarsih", date(2024, 3, 8))


def test_the_date_of_a_statement_never_dates_the_event():
    text = ("Kepala Dinas Pariwisata Berau Ilyas Natsir, Rabu (10/7/2024), mengatakan Bupati Berau Sri Juniarsih "
            "meninjau Dermaga Wisata Marina.")
    assert only(text, published=date(2024, 7, 11)).date is None


def test_a_relative_date_in_a_dated_statement_is_left_to_the_temporal_stage():
    text = "Bupati Berau Sri Juniarsih, Senin (4/12/2023), mengatakan akan berangkat ke Jepang besok."
    event = only(text, published=date(2023, 12, 5))
    besok = [e for e in find_dates(text, date(2023, 12, 5)) if e.text == "besok"]
    if besok and besok[0].anchor == "reference":  # read from the publication date: not the statement's day
        assert event.date is None
    else:
        assert event.date is not None and event.date.text == "besok"


def test_an_active_change_verb_before_the_trigger_marks_a_change():
    text = "Pemkab Berau menunda peresmian Pasar Segiri oleh Bupati Berau Sri Juniarsih menjadi Senin (11/3/2024)."
    event = only(text)
    assert (event.modality, event.date.value.start) == ("changed", date(2024, 3, 11))


# ------------------------------------------------------------------------------------------------
# at home or abroad
# ------------------------------------------------------------------------------------------------


def test_an_opening_in_an_article_that_names_no_place_abroad_is_at_home():
    assert only("Bupati Berau Sri Juniarsih meresmikan taman baca, Senin (4/3/2024).").domestic is True


def test_an_opening_in_an_article_about_a_trip_abroad_is_not_placed():
    text = ("Bupati Berau Sri Juniarsih berangkat ke Jepang, Senin (4/3/2024). "
            "Sri Juniarsih juga meresmikan taman baca, Senin (4/3/2024).")
    opening = [e for e in events_of(text) if e.type == "opening"]
    assert [e.domestic for e in opening] == [None]


def test_a_meeting_without_a_place_is_not_placed():
    assert only("Bupati Berau Sri Juniarsih memimpin rapat evaluasi, Senin (4/3/2024).").domestic is None


def test_a_pointing_phrase_inside_an_object_is_resolved_and_the_rest_kept():
    text = ("Bupati Berau Sri Juniarsih meninjau kesiapan Jembatan Tempe, Senin (29/4/2024). "
            "Sri Juniarsih akan meresmikan jembatan itu di Sengkang pada 5 Mei 2024.")
    opening = [e for e in events_of(text) if e.type == "opening"]
    assert [e.object for e in opening] == ["Jembatan Tempe di Sengkang"]


@pytest.mark.parametrize("word", DATA["returns"]["party"])
def test_the_party_of_a_trip_told_just_before_returns_with_its_official(word):
    text = ("Bupati Berau Sri Juniarsih dijadwalkan bertolak ke Prancis pada Selasa (23/7/2024), didampingi "
            "Kepala Dinas Pariwisata Berau Ilyas Natsir. "
            f"{word[0].upper() + word[1:]} dijadwalkan kembali ke Tanjung Redeb pada Selasa (30/7/2024).")
    ret = [e for e in events_of(text, published=date(2024, 7, 15)) if e.type == "return"]
    assert [(e.agent, e.date.value.start) for e in ret] == [("sri-juniarsih", date(2024, 7, 30))]
    assert ("ilyas-natsir", "companion") in [(p.official_id, p.role) for p in ret[0].participants]


@pytest.mark.parametrize("word", DATA["links"]["location_markers"])
def test_a_location_marker_places_the_event_and_ends_what_it_is_about(word):
    event = only(f"Bupati Berau Sri Juniarsih meresmikan Taman Kota Mimika {word} Kecamatan Mimika Selatan, "
                 "Rabu (17/7/2024).")
    assert event.place.text.startswith("Kecamatan Mimika")
    assert "taman" in event.names and "selatan" not in event.names


@pytest.mark.parametrize("word", DATA["links"]["destination_markers"])
def test_a_destination_marker_names_where_a_trip_goes(word):
    event = only(f"Bupati Berau Sri Juniarsih bertolak dari Bandara Kalimarau {word} Osaka, Senin (6/5/2024).")
    assert event.place.country == "JP"


LENGTHS = [
    ("Bupati Berau Sri Juniarsih bertolak ke Malaysia, Kamis (7/3/2024). Selama empat hari di Kuala Lumpur, ia "
     "akan menghadiri konferensi.", 4),
    ("Bupati Berau Sri Juniarsih berangkat ke Singapura, Kamis (15/8/2024), untuk kunjungan empat hari.", 4),
    ("Bupati Berau Sri Juniarsih bertolak ke Turki, Senin (2/10/2023). Selama sepekan di Turki, rombongan akan "
     "belajar.", 7),
    ("Bupati Berau Sri Juniarsih bertolak ke Turki, Senin (2/10/2023). Anggaran disusun selama tiga bulan.", None),
]
assert len({t for t, _ in LENGTHS}) == len(LENGTHS)


@pytest.mark.parametrize("text,days", LENGTHS)
def test_a_departure_takes_a_stated_length_of_days_or_weeks(text, days):
    (departure,) = [e for e in events_of(text, published=date(2024, 3, 1)) if e.type == "departure"]
    assert (departure.length.amount if departure.length else None) == days


CLAUSED = [
    "Usai rapat, Bupati Berau Sri Juniarsih meresmikan Pasar Rakyat; lalu ia meninjau - bersama Sekda - jembatan.",
    "Menurut Gubernur: kunjungan kerja itu — yang kedua — dilanjutkan, dengan rapat koordinasi,meninjau gudang.",
    "Wali Kota Samarinda Andi Harun, Senin (4/3/2024), membuka Festival Mahakam: di Tepian –di halaman– itu.",
]


@pytest.mark.parametrize("text", CLAUSED)
def test_the_clause_breaks_of_a_sentence_give_each_word_its_clause_start(text):
    from timeline.extract.triggers import _clause_at, clause_breaks, clause_start
    from timeline.text.sentences import split_sentences

    for s in split_sentences(text):
        breaks = clause_breaks(text, s)
        for m in re.finditer(r"(?<![\w-])[A-Za-z]", text[s.start : s.end]):
            pos = s.start + m.start()
            assert _clause_at(s, breaks, pos) == clause_start(text, s, pos), (text, pos)
