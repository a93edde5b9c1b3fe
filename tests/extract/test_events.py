"""Events: trigger words, agents, companions, representation, place, date, modality and links."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline.ingest import parse_article
from timeline.extract.events import find_events, load_table
from timeline.extract.officials import find_officials, merge_officials
from timeline.model import Article
from timeline.text.sentences import split_sentences
from timeline.temporal import find_dates

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "fixtures" / "seeds"


def events_of(text: str, published: date = date(2024, 3, 4), key: str = "news/b.txt"):
    a = Article(path=key, key=key, title=None, text=text, published=published, published_source="metadata")
    sentences = split_sentences(a.text)
    officials, mentions = find_officials(a, sentences)
    return find_events(a, sentences, find_dates(a.text, published), officials, mentions)


def brief(e):
    return (e.type, e.agent)


TYPES = [
    ("Bupati Berau Sri Juniarsih berangkat ke Jakarta, Senin (4/3/2024).", "departure", "sri-juniarsih"),
    ("Gubernur Kaltim Isran Noor bertolak ke Jepang, Selasa (5/3/2024).", "departure", "isran-noor"),
    ("Wali Kota Samarinda Andi Harun terbang ke Bali pagi tadi.", "departure", "andi-harun"),
    ("Bupati Paser Fahmi Fadli melakukan perjalanan dinas ke Surabaya, Rabu (6/3/2024).", "departure", "fahmi-fadli"),
    ("Bupati Paser Fahmi Fadli kembali ke Tana Paser, Kamis (7/3/2024).", "return", "fahmi-fadli"),
    ("Gubernur Kaltim Isran Noor pulang dari Jakarta, Jumat (8/3/2024).", "return", "isran-noor"),
    ("Presiden Joko Widodo tiba di Balikpapan, Sabtu (9/3/2024).", "arrival", "joko-widodo"),
    ("Wali Kota Tarakan Khairul mengunjungi Pulau Sebatik, Senin (11/3/2024).", "visit", "khairul"),
    ("Bupati Berau Sri Juniarsih melakukan kunjungan kerja ke Maratua, Senin (11/3/2024).", "visit", "sri-juniarsih"),
    ("Wali Kota Samarinda Andi Harun menghadiri Musrenbang di Sungai Kunjang, Selasa (12/3/2024).", "attend",
     "andi-harun"),
    ("Gubernur Kaltim Isran Noor menjadi pembicara di Universitas Mulawarman, Rabu (13/3/2024).", "speak",
     "isran-noor"),
    ("Wali Kota Balikpapan Rahmad Mas'ud memimpin rapat koordinasi di Balai Kota, Kamis (14/3/2024).", "meeting",
     "rahmad-mas-ud"),
    ("Bupati Kutim Ardiansyah Sulaiman meresmikan Pasar Induk Sangatta, Jumat (15/3/2024).", "opening",
     "ardiansyah-sulaiman"),
    ("Peresmian Pasar Inpres Sentani oleh Bupati Jayapura Daniel Demetouw pada Jumat (19/4/2024) disambut warga.",
     "opening", "daniel-demetouw"),
    ("Jembatan Kambatatana diresmikan oleh Bupati Sumba Timur, Umbu Rara Djawa, pada Jumat (17/5/2024).",
     "opening", "umbu-rara-djawa"),
    ("MTQ tersebut dibuka Wakil Bupati Lombok Tengah, Zainal Muttaqin, pada Selasa (7/5/2024) malam.", "opening",
     "zainal-muttaqin"),
    ("Wali Kota Balikpapan Rahmad Mas'ud membuka Pameran UMKM di Dome Balikpapan, Kamis (7/3/2024).", "opening",
     "rahmad-mas-ud"),
    ("Wali Kota Pekanbaru Hendra Syahputra meluncurkan aplikasi Siap Madani, Senin (22/7/2024).", "launch",
     "hendra-syahputra"),
    ("Aplikasi Siap Madani yang diluncurkan Wali Kota Pekanbaru Hendra Syahputra pada Selasa (23/7/2024) diunduh.",
     "launch", "hendra-syahputra"),
    ("Bupati Bone Andi Fahsar menandatangani nota kesepahaman dengan Unhas, Rabu (7/2/2024).", "signing",
     "andi-fahsar"),
    ("Nota kesepahaman itu ditandatangani Bupati Bone Andi Fahsar pada 8 Februari 2024.", "signing", "andi-fahsar"),
    ("Penandatanganan nota kesepahaman itu dilakukan oleh Bupati Berau Sri Juniarsih, Rabu (9/8/2023).",
     "signing", "sri-juniarsih"),
    ("Bupati Mamuju, Sitti Sutinah, meletakkan batu pertama Rumah Sakit Pratama, Sabtu (2/3/2024).", "groundbreaking",
     "sitti-sutinah"),
    ("Wali Kota Kupang Jefri Riwu Kore menjadi inspektur upacara apel gelar pasukan, Kamis (21/12/2023).",
     "ceremony", "jefri-riwu-kore"),
    ("Rapat koordinasi pengendalian inflasi yang dipimpin Gubernur Sultra Ali Mazi digelar Selasa (16/1/2024).",
     "meeting", "ali-mazi"),
    ("Hari pertama uji coba itu ditinjau langsung oleh Kepala Dinas Perhubungan Kota Bandung Asep Kurniawan, "
     "Rabu (7/8/2024).", "inspection", "asep-kurniawan"),
    ("Wali Kota Bontang Basri Rase meninjau Pelabuhan Lhok Tuan, Sabtu (16/3/2024).", "inspection", "basri-rase"),
    ("Bupati Kukar Edi Damansyah melantik 40 pejabat di Tenggarong, Senin (18/3/2024).", "ceremony",
     "edi-damansyah"),
]
assert len({t for t, _, _ in TYPES}) == len(TYPES)


@pytest.mark.parametrize("text,kind,agent", TYPES)
def test_trigger_words_give_the_event_type_and_the_subject_is_the_agent(text, kind, agent):
    events = events_of(text)
    assert [brief(e) for e in events] == [(kind, agent)]
    # "pagi tadi" is a part of the publication day, not a date of the trip
    assert (events[0].date is None) == text.endswith("pagi tadi.")


def test_every_trigger_word_in_data_gives_its_type():
    voice = load_table()["voice"]
    for kind, words in load_table()["triggers"].items():
        for word in words:
            text = f"Wali Kota Tarakan Khairul {word} Nunukan, Senin (11/3/2024)."
            if word in voice["passive"]:  # the agent follows a passive verb
                text = f"Acara di Nunukan itu {word} Wali Kota Tarakan Khairul, Senin (11/3/2024)."
            elif word in voice["needs_object"]:  # "membuka" needs an event as its object
                text = f"Wali Kota Tarakan Khairul {word} Festival Nunukan, Senin (11/3/2024)."
            assert [e.type for e in events_of(text)] == [kind], word


NOT_EVENTS = [
    "Wali Kota Balikpapan meninjau banjir di Gunung Samarinda, Senin (4/3/2024).",  # title without a name
    "Bupati Berau Sri Juniarsih menyebut kehadiran investor penting bagi daerah.",  # kehadiran is a noun
    '"Kami akan berangkat ke Jakarta," kata Bupati Berau Sri Juniarsih.',  # inside a quote
    "Kepala Bappeda Berau Ilyas Natsir menuturkan, pertemuan itu membahas anggaran.",  # the speaker is not the actor
    "Warga Pemkot Samarinda berangkat ke Bali untuk lomba, Senin (4/3/2024).",  # nobody official
]
assert len(set(NOT_EVENTS)) == len(NOT_EVENTS)


@pytest.mark.parametrize("text", NOT_EVENTS)
def test_no_event_without_a_named_official_acting(text):
    assert events_of(text) == []


def test_again_is_not_a_return():
    events = events_of("Bupati Paser Fahmi Fadli kembali melakukan perjalanan dinas ke Makassar, Senin (4/3/2024).")
    assert [(e.type, e.place.text) for e in events] == [("departure", "Makassar")]


def test_ke_depan_is_neither_a_place_nor_a_return():
    events = events_of("Wali Kota Samarinda Andi Harun meninjau Pasar Segiri agar ke depan lebih tertib.")
    assert [(e.type, e.place.text) for e in events] == [("inspection", "Pasar Segiri")]


COMPANIONS = [
    ("Bupati Berau Sri Juniarsih didampingi Kepala Dinas Pariwisata (Disbudpar) Berau Ilyas Natsir meninjau "
     "Pulau Derawan, Senin (4/3/2024).", "sri-juniarsih", ["ilyas-natsir"]),
    ("Wali Kota Tarakan Khairul ditemani Sekda Tarakan, Hamid Amren, berkunjung ke Nunukan, Selasa (5/3/2024).",
     "khairul", ["hamid-amren"]),
    ("Gubernur Kaltim Isran Noor bersama Wakil Gubernur Kaltim Hadi Mulyadi menghadiri upacara di Samarinda, "
     "Rabu (6/3/2024).", "isran-noor", ["hadi-mulyadi"]),
    ("Bupati Paser Fahmi Fadli dijadwalkan berangkat ke Osaka, Jepang, Senin (6/5/2024). Dalam perjalanan itu, "
     "Fahmi akan didampingi tiga kepala OPD. Di antaranya, Kepala Dinas Perikanan Paser Hasanuddin, "
     "Kepala Badan Pendapatan Daerah (Bapenda) Paser Rusdi Hamid, dan Kepala Dinas Pariwisata (Dispar) "
     "Paser Ani Yunita.", "fahmi-fadli", ["hasanuddin", "rusdi-hamid", "ani-yunita"]),
]
assert len({t for t, _, _ in COMPANIONS}) == len(COMPANIONS)


@pytest.mark.parametrize("text,agent,companions", COMPANIONS)
def test_companions_come_from_didampingi_ditemani_bersama_and_a_following_list(text, agent, companions):
    events = events_of(text)
    assert len(events) == 1
    assert events[0].agent == agent
    assert [p.official_id for p in events[0].participants if p.role == "companion"] == companions


REPRESENTATION = [
    ("Sekda Kutim, Rizali Hadi, mewakili Bupati Kutim Ardiansyah Sulaiman menghadiri rapat koordinasi di "
     "Samarinda, Selasa (5/3/2024).", "rizali-hadi", "ardiansyah-sulaiman"),
    ("Wali Kota Balikpapan Rahmad Mas'ud yang diwakili Sekda Balikpapan Muhaimin menghadiri upacara di "
     "Samarinda, Rabu (6/3/2024).", "muhaimin", "rahmad-mas-ud"),
]
assert len({t for t, _, _ in REPRESENTATION}) == len(REPRESENTATION)


@pytest.mark.parametrize("text,representative,represented", REPRESENTATION)
def test_the_representative_is_present_and_the_represented_is_not(text, representative, represented):
    (event,) = events_of(text)
    roles = [(p.official_id, p.role) for p in event.participants]
    assert roles == [(representative, "agent"), (representative, "representative"), (represented, "represented")]


MODALITY = [
    ("Bupati Berau Sri Juniarsih dijadwalkan berangkat ke Jakarta, Senin (6/5/2024).", "planned"),
    ("Bupati Berau Sri Juniarsih akan meninjau Pulau Maratua, Senin (6/5/2024).", "planned"),
    ("Rencananya, Bupati Berau Sri Juniarsih meresmikan pasar itu, Senin (6/5/2024).", "planned"),
    ("Kunjungan kerja Bupati Berau Sri Juniarsih ke Talisayan direncanakan Senin (6/5/2024).", "planned"),
    ("Keberangkatan Bupati Berau Sri Juniarsih ke Jakarta diundur menjadi Senin (6/5/2024).", "changed"),
    ("Rapat Bupati Berau Sri Juniarsih dengan DPRD ditunda hingga Senin (6/5/2024).", "changed"),
    ("Kunjungan kerja Bupati Berau Sri Juniarsih dimajukan ke Senin (6/5/2024).", "changed"),
    ("Bupati Berau Sri Juniarsih batal berangkat ke Jakarta, Senin (6/5/2024).", "cancelled"),
    ("Bupati Berau Sri Juniarsih belum memutuskan untuk berangkat ke Jepang, Senin (6/5/2024).", "uncertain"),
    ("Bupati Berau Sri Juniarsih meninjau Pulau Maratua, Senin (4/3/2024).", "reported"),
    ("Bupati Berau Sri Juniarsih meninjau Pulau Maratua pada Senin (6/5/2024) mendatang.", "planned"),
]
assert len({t for t, _ in MODALITY}) == len(MODALITY)


@pytest.mark.parametrize("text,modality", MODALITY)
def test_modality_words_mark_planned_changed_and_cancelled(text, modality):
    events = events_of(text)
    assert [e.modality for e in events] == [modality]


def test_a_changed_event_takes_the_new_date():
    (event,) = events_of("Keberangkatan Bupati Berau Sri Juniarsih pada 2 Mei 2024 diundur menjadi 20 Mei 2024.")
    assert (event.modality, event.date.value.start) == ("changed", date(2024, 5, 20))


def test_a_following_sentence_gives_date_and_destination_of_the_trip():
    text = ("Wali Kota Tarakan Khairul dijadwalkan melakukan perjalanan dinas ke luar negeri. "
            "Kegiatan itu berlangsung pada Senin (6/5/2024) mendatang. "
            "Tujuan perjalanan dinas kali ini ialah Osaka, Jepang.")
    (trip,) = events_of(text)
    assert (trip.type, trip.agent, trip.modality) == ("departure", "khairul", "planned")
    assert trip.date.value.start == date(2024, 5, 6)
    assert (trip.place.text, trip.place.country) == ("Osaka, Jepang", "JP")


def test_an_event_told_there_is_part_of_the_trip():
    text = ("Gubernur Kaltim Isran Noor dijadwalkan bertolak ke Tokyo, Jepang, Senin (6/5/2024). "
            "Di sana ia akan menghadiri konferensi energi pada 8-10 Mei 2024.")
    trip, conference = events_of(text)
    assert (trip.type, conference.type) == ("departure", "attend")
    assert conference.part_of == trip.id and conference.agent == "isran-noor"
    assert (conference.date.value.start, conference.date.value.end) == (date(2024, 5, 8), date(2024, 5, 10))
    assert conference.place.country == "JP"


def test_a_purpose_clause_is_part_of_the_main_event_and_takes_no_date():
    text = "Wali Kota Tarakan Khairul bertolak ke Jakarta untuk menghadiri rapat nasional pada 6 Mei 2024."
    trip, meeting = events_of(text)
    assert (trip.type, trip.date.value.start) == ("departure", date(2024, 5, 6))
    assert (meeting.type, meeting.part_of, meeting.date) == ("attend", trip.id, None)


def test_event_ids_are_the_article_key_and_a_counter():
    events = events_of("Bupati Berau Sri Juniarsih meninjau pasar, Senin (4/3/2024). "
                       "Bupati Berau Sri Juniarsih kemudian berangkat ke Samarinda, Selasa (5/3/2024).", key="x.md")
    assert [e.id for e in events] == ["x.md#e0", "x.md#e1"]
    assert [e.location.line for e in events] == [1, 1]


def test_a_repeat_without_date_or_place_folds_into_the_first():
    text = ("Wali Kota Samarinda Andi Harun memimpin rapat di Balai Kota, Senin (4/3/2024). "
            "Di akhir rapat, Andi Harun meminta laporan mingguan.")
    assert [e.type for e in events_of(text)] == ["meeting"]


# ------------------------------------------------------------------------------------------------
# seeds and real news
# ------------------------------------------------------------------------------------------------


def _seed(name: str):
    path = next(SEEDS.glob(f"{name}_*.txt"))
    (article,), _ = parse_article(str(path), path.read_bytes())
    sentences = split_sentences(article.text)
    officials, mentions = find_officials(article, sentences)
    events = find_events(article, sentences, find_dates(article.text, article.published), officials, mentions)
    return article, officials, mentions, events


def _by(events, agent="basri-rase"):
    return [e for e in events if e.agent == agent]


def test_seeds_basri_rase_is_one_official_across_articles():
    per_article = [_seed(n)[1:3] for n in ("000", "001", "002", "003")]
    merged = merge_officials(per_article)
    basri = next(o for o in merged if o.id == "basri-rase")
    assert basri.name == "Basri Rase" and [str(r) for r in basri.roles] == ["Wali Kota Bontang"]
    assert "Basri" in basri.aliases
    assert basri.mentions >= 30


def test_seed_000_visit_received_in_bontang_on_13_september():
    _, _, _, events = _seed("000")
    (visit,) = _by(events)
    assert visit.type in ("attend", "visit")
    assert visit.date.value.start == date(2023, 9, 13)
    assert visit.place.domestic and "Bontang" in visit.place.text


def test_seed_001_beach_clean_up_and_planned_departure_to_korea():
    _, _, _, events = _seed("001")
    cleanup = [e for e in _by(events) if e.type == "attend" and e.date and e.date.value.start == date(2023, 9, 14)]
    assert cleanup and all("Tanjung Laut" in e.place.text for e in cleanup)
    (departure,) = [e for e in _by(events) if e.type == "departure"]
    assert (departure.date.value.start, departure.place.country, departure.modality) == (
        date(2023, 9, 18), "KR", "planned")


def test_seed_002_trip_to_incheon_with_four_companions_and_the_forum():
    _, _, _, events = _seed("002")
    (trip,) = [e for e in _by(events) if e.type == "departure"]
    assert (trip.date.value.start, trip.place.city, trip.place.country, trip.modality) == (
        date(2023, 9, 19), "Incheon", "KR", "planned")
    companions = {p.official_id for p in trip.participants if p.role == "companion"}
    assert companions == {"usman", "amiruddin", "soni-suwito", "heru-triatmojo"}
    (forum,) = [e for e in _by(events) if e.part_of == trip.id]
    assert forum.type in ("meeting", "speak")
    assert (forum.date.value.start, forum.date.value.end) == (date(2023, 10, 18), date(2023, 10, 22))


def test_seed_003_rakor_in_batam_on_15_january_2025():
    _, _, _, events = _seed("003")
    (rakor,) = [e for e in _by(events) if e.type == "meeting"]
    assert rakor.date.value.start == date(2025, 1, 15) and rakor.place.city == "Batam"


def test_seed_004_helmy_budiman_and_nothing_from_the_sidebar():
    article, officials, mentions, events = _seed("004")
    assert [(o.id, [str(r) for r in o.roles]) for o in officials] == [("helmy-budiman", ["Kepala Dinas PM-PTSP"])]
    # the sidebar is blanked in the article's text; find where it stands in the file itself
    raw = (ROOT / "fixtures" / "seeds" / "004_45dc6ab4807d3b16.txt").read_text(encoding="utf-8")
    sidebar = raw.find("Indira")
    assert sidebar > 0 and article.text.find("Indira") == -1
    assert mentions and all(m.start < sidebar for m in mentions)
    assert all(e.agent not in ("indira-yusuf-ismail", "andi-arwin-azis", "arwin-azis") for e in events)


def test_real_news_events_have_known_agents_and_exact_triggers(real_news_lines):
    lines = real_news_lines[:800]
    inputs = []
    for n, line in enumerate(lines):
        articles, _ = parse_article(f"dev{n}.json", line)
        for a in articles:
            s = split_sentences(a.text)
            inputs.append((a, s, find_dates(a.text, a.published)))
    found = 0
    for a, s, x in inputs:
        officials, mentions = find_officials(a, s)
        events = find_events(a, s, x, officials, mentions)
        found += len(events)
        for e in events:
            assert e.agent in {o.id for o in officials}
            assert a.text[e.trigger_start : e.trigger_end] == e.trigger
    assert found > 0


def _warm():
    a = Article(path="w", key="w", title=None, text="Bupati Berau Sri Juniarsih berangkat ke Jepang.",
                published=date(2024, 1, 1), published_source="metadata")
    s = split_sentences(a.text)
    o, m = find_officials(a, s)
    return a, s, [], o, m



# ------------------------------------------------------------------------------------------------
# every data entry is exercised
# ------------------------------------------------------------------------------------------------

DATA = load_table()
DATA_KIND = {w: kind for kind, words in DATA["triggers"].items() for w in words}


@pytest.mark.parametrize("phrase", DATA["not_triggers"]["phrases"])
def test_every_not_trigger_phrase_is_no_event(phrase):
    assert events_of(f"Bupati Berau Sri Juniarsih {phrase} Senin (4/3/2024).") == []


@pytest.mark.parametrize("marker", DATA["participants"]["companions"])
def test_every_companion_marker_makes_a_companion(marker):
    text = (f"Bupati Berau Sri Juniarsih {marker} Kepala Dinas Pariwisata (Disbudpar) Berau Ilyas Natsir "
            "meninjau Pulau Derawan, Senin (4/3/2024).")
    (event,) = events_of(text)
    assert [(p.official_id, p.role) for p in event.participants] == [
        ("sri-juniarsih", "agent"), ("ilyas-natsir", "companion")]


@pytest.mark.parametrize("intro", DATA["participants"]["list_introducers"])
def test_every_list_introducer_opens_a_companion_list(intro):
    text = ("Bupati Berau Sri Juniarsih berangkat ke Jakarta, Senin (4/3/2024), didampingi dua kepala dinas. "
            f"{intro} Kepala Dinas Pariwisata (Disbudpar) Berau Ilyas Natsir dan Kepala Dinas Perikanan "
            "(Diskan) Berau Tenteram Rahayu.")
    (event,) = events_of(text)
    assert [p.official_id for p in event.participants if p.role == "companion"] == ["ilyas-natsir", "tenteram-rahayu"]


@pytest.mark.parametrize("marker", DATA["participants"]["represents"])
def test_every_represents_marker_makes_the_object_absent(marker):
    text = f"Sekda Berau, Muhammad Said, {marker} Bupati Berau Sri Juniarsih menghadiri upacara, Senin (4/3/2024)."
    (event,) = events_of(text)
    assert ("sri-juniarsih", "represented") in [(p.official_id, p.role) for p in event.participants]


@pytest.mark.parametrize("marker", DATA["participants"]["represented_by"])
def test_every_represented_by_marker_makes_the_subject_absent(marker):
    text = f"Bupati Berau Sri Juniarsih {marker} Sekda Berau, Muhammad Said, menghadiri upacara, Senin (4/3/2024)."
    (event,) = events_of(text)
    assert event.agent == "muhammad-said"
    assert ("sri-juniarsih", "represented") in [(p.official_id, p.role) for p in event.participants]


@pytest.mark.parametrize("verb", DATA["participants"]["speech"])
def test_every_speech_word_keeps_the_speaker_from_acting(verb):
    text = f"Bupati Berau Sri Juniarsih {verb} rombongan itu berangkat ke Jakarta, Senin (4/3/2024)."
    assert events_of(text) == []


@pytest.mark.parametrize("marker", DATA["participants"]["agent_after"])
def test_every_passive_marker_names_the_agent_after_it(marker):
    text = f"Rapat koordinasi itu {marker} Bupati Berau Sri Juniarsih di Tanjung Redeb, Senin (4/3/2024)."
    # "Rapat ... diresmikan oleh X": the meeting is the subject of the opening, one event, the verb's kind
    passive = [w for w in DATA["voice"]["passive"] if w in marker.split()]
    kind = DATA_KIND[passive[0]] if passive else "meeting"
    assert [brief(e) for e in events_of(text)] == [(kind, "sri-juniarsih")]


@pytest.mark.parametrize(
    "kind,word",
    [(k, w) for k in ("planned", "changed", "cancelled", "uncertain") for w in DATA["modality"][k]],
)
def test_every_modality_word_gives_its_modality(kind, word):
    text = f"Kunjungan kerja Bupati Berau Sri Juniarsih ke Maratua {word} Senin (6/5/2024)."
    assert [e.modality for e in events_of(text)] == [kind]


@pytest.mark.parametrize("word", DATA["modality"]["changed_result"])
def test_every_change_result_word_points_at_the_new_date(word):
    text = f"Keberangkatan Bupati Berau Sri Juniarsih pada 2 Mei 2024 diundur {word} 20 Mei 2024."
    (event,) = events_of(text)
    assert event.date.value.start == date(2024, 5, 20)


@pytest.mark.parametrize("phrase", DATA["links"]["continuations"])
def test_every_continuation_gives_its_date_to_the_event_before(phrase):
    text = (f"Bupati Berau Sri Juniarsih dijadwalkan melakukan kunjungan kerja ke Jepang. "
            f"{phrase[0].upper() + phrase[1:]} berlangsung pada Senin (6/5/2024).")
    events = events_of(text)
    assert [(e.type, e.date and e.date.value.start) for e in events] == [("visit", date(2024, 5, 6))]


@pytest.mark.parametrize("marker", DATA["links"]["sub_event"])
def test_every_sub_event_marker_links_the_event_to_the_trip(marker):
    text = ("Bupati Berau Sri Juniarsih dijadwalkan bertolak ke Tokyo, Jepang, Senin (6/5/2024). "
            f"{marker[0].upper() + marker[1:]} itu, rapat koordinasi investasi digelar pada 8 Mei 2024.")
    trip, meeting = events_of(text)
    assert meeting.part_of == trip.id and meeting.agent == "sri-juniarsih"


@pytest.mark.parametrize("word", DATA["links"]["purpose"])
def test_every_purpose_word_makes_a_sub_event_of_the_main_one(word):
    text = f"Bupati Berau Sri Juniarsih bertolak ke Jakarta {word} menghadiri rapat nasional pada 6 Mei 2024."
    trip, attend = events_of(text)
    assert (attend.part_of, attend.date) == (trip.id, None)


@pytest.mark.parametrize("word", DATA["links"]["object_glue"])
def test_every_glue_word_joins_two_triggers_into_one_event(word):
    text = f"Bupati Berau Sri Juniarsih menjadi pembicara {word} forum investasi, Senin (4/3/2024)."
    assert [e.type for e in events_of(text)] == ["speak"]


@pytest.mark.parametrize("word", DATA["links"]["place_markers"] + DATA["links"]["destination_copulas"])
def test_every_place_marker_introduces_the_place(word):
    text = (f"Bupati Berau Sri Juniarsih dijadwalkan melakukan kunjungan kerja ke luar negeri, Senin (6/5/2024). "
            f"Tujuan kunjungan itu {word} Osaka, Jepang.")
    (event,) = events_of(text)
    assert event.place.country == "JP"


@pytest.mark.parametrize("word", DATA["links"]["demonstratives"])
def test_every_demonstrative_makes_a_trigger_refer_back(word):
    text = ("Bupati Berau Sri Juniarsih dijadwalkan melakukan perjalanan dinas ke Jepang. "
            f"Dalam perjalanan dinas {word}, Sri Juniarsih akan didampingi Kepala Dinas Pariwisata "
            "(Disbudpar) Berau Ilyas Natsir.")
    (event,) = events_of(text)
    assert [p.official_id for p in event.participants] == ["sri-juniarsih", "ilyas-natsir"]


EDITION_YEARS = [
    # (sentence, the date the event takes): a year naming an edition never dates the event
    ("Wali Kota Balikpapan Hairul Saleh membuka Balikpapan Expo 2024 di Dome Balikpapan, Kamis (7/3/2024) "
     "pukul 14.00 WITA.", date(2024, 3, 7)),
    ("Apel gelar pasukan Operasi Lilin Turangga 2023 dipimpin Wali Kota Kupang Yohanes Bria Seran, "
     "Jumat (22/12/2023).", date(2023, 12, 22)),
    ("Bupati Kukar Edi Damansyah membuka Festival Erau 2024 pada Minggu (22/9/2024).", date(2024, 9, 22)),
]


@pytest.mark.parametrize("text,day", EDITION_YEARS, ids=[t[:40] for t, _ in EDITION_YEARS])
def test_a_year_naming_an_edition_does_not_date_the_event(text, day):
    events = events_of(text)
    assert events and {e.date.value.start for e in events if e.date is not None} == {day}


HOLIDAYS_AS_NAMES = [
    # (sentence, published, the date the event takes): a holiday after a noun names the event's subject
    ("Gubernur Jawa Barat Tamrin Kogoya memimpin rapat koordinasi (rakor) persiapan arus mudik Lebaran di "
     "Gedung Sate, Senin (18/3/2024).", date(2024, 3, 19), date(2024, 3, 18)),
    ("Wali Kota Samarinda Andi Harun memimpin rapat pengamanan Natal dan Tahun Baru di Balai Kota, "
     "Kamis (5/10/2023).", date(2023, 10, 6), date(2023, 10, 5)),
    ("Bupati Kukar Edi Damansyah memimpin rapat persiapan mudik Lebaran di Tenggarong.", date(2024, 3, 19), None),
    # after a cue the holiday is the date
    ("Bupati Kukar Edi Damansyah meninjau Pos Pelayanan Tenggarong saat libur Natal 2023.", date(2024, 1, 3),
     date(2023, 12, 25)),
    ("Bupati Kukar Edi Damansyah meninjau pos mudik menjelang Lebaran 2024.", date(2024, 3, 19), date(2024, 4, 10)),
]


@pytest.mark.parametrize("text,published,day", HOLIDAYS_AS_NAMES, ids=[t[:48] for t, _, _ in HOLIDAYS_AS_NAMES])
def test_a_holiday_naming_what_an_event_is_about_does_not_date_it(text, published, day):
    (event,) = events_of(text, published)
    assert (event.date.value.start if event.date is not None else None) == day
