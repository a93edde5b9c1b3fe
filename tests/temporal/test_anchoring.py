"""Issue 10: what each relative expression is anchored to (reference, narrative, speech, a wire dateline),
with its provenance (`anchor`, `anchor_span`), and the apposition of a relative word and its date."""

from __future__ import annotations

import json
from datetime import date

import pytest

from temporal_helpers import assert_unique
from timeline.ingest import parse_article
from timeline.temporal import find_dates

# (text, reference, expression, value, anchor, text of the anchor expression or None)
ANCHORS = [
    # wire-agency datelines: the latest such weekday on or before publication
    ('"Kami siap," kata Basri di Bontang, Senin.', date(2023, 9, 13), "Senin", "2023-09-11", "reference", None),
    ("Menteri Sosial meninjau korban banjir di Garut, Kamis.", date(2016, 9, 23), "Kamis", "2016-09-22", "reference",
     None),
    ("Tim SAR mencari korban di Kabupaten Lumajang, Jawa Timur, Sabtu. Pencarian dilanjutkan.", date(2016, 10, 9),
     "Sabtu", "2016-10-08", "reference", None),
    ("Kepala Bidang Rekonstruksi BPBD, Setyo Budiono, Senin menuturkan tim sudah turun.", date(2018, 1, 9), "Senin",
     "2018-01-08", "reference", None),
    ("Juru bicara KPK menyampaikan hal itu di Jakarta, Kamis, terkait evaluasi.", date(2017, 10, 6), "Kamis",
     "2017-10-05", "reference", None),
    # narrative: clock times, parts of day, anaphora take the last date the text established
    ("Kebakaran terjadi Sabtu (14/10/2023) dini hari. Petugas tiba pukul 03.40 WITA.", date(2023, 10, 16),
     "pukul 03.40 WITA", "2023-10-14", "narrative", "Sabtu (14/10/2023) dini hari"),
    ("Banjir melanda sejak Selasa (20/9/2016), pukul 19.00 WIB. Pukul 20.00 WIB air setinggi lutut.",
     date(2016, 9, 23), "Pukul 20.00 WIB", "2016-09-20", "narrative", "Selasa (20/9/2016), pukul 19.00 WIB"),
    ("Pendaki berangkat Rabu (5/10/2016). Keesokan harinya mereka tiba di Kalimati.", date(2016, 10, 9),
     "Keesokan harinya", "2016-10-06", "narrative", "Rabu (5/10/2016)"),
    ("Gempa mengguncang Senin (6/2/2023). Sebulan kemudian warga kembali ke rumah.", date(2023, 4, 1),
     "Sebulan kemudian", "2023-03-01..2023-03-31", "narrative", "Senin (6/2/2023)"),
    ("Korban dilaporkan hilang Kamis (2/3/2023). Dua hari setelahnya jasadnya ditemukan.", date(2023, 3, 10),
     "Dua hari setelahnya", "2023-03-04", "narrative", "Kamis (2/3/2023)"),
    ("Serangan terjadi di Stockholm pada 7 April 2017. Serangan teror Jumat itu menewaskan empat orang.",
     date(2017, 4, 10), "Jumat itu", "2017-04-07", "narrative", "7 April 2017"),
    ("Pelaku ditangkap Selasa (17/10/2023). Pada hari itu juga ia diperiksa.", date(2023, 10, 20), "hari itu",
     "2023-10-17", "narrative", "Selasa (17/10/2023)"),
    ("Novanto mangkir pada Senin 30 Oktober 2017. Dalam suratnya, saat itu ia mengaku ada kegiatan lain.",
     date(2017, 11, 7), "saat itu", "2017-10-30", "narrative", "Senin 30 Oktober 2017"),
    ("BPS mencatat kunjungan turis selama Juni 2017 turun 1,86 persen dari bulan sebelumnya.", date(2017, 8, 2),
     "bulan sebelumnya", "2017-05-01..2017-05-31", "narrative", "Juni 2017"),
    ("Penjualan Maret 2017 naik 4 persen dari periode yang sama tahun lalu.", date(2017, 5, 3),
     "periode yang sama tahun lalu", "2016-03-01..2016-03-31", "narrative", "Maret 2017"),
    ("Ia tiba di Makassar Kamis (7/9/2023). Pada Sabtu ia meninjau pasar.", date(2023, 9, 20), "Sabtu",
     "2023-09-09", "narrative", "Kamis (7/9/2023)"),
    # with no date before it, the reference
    ("Petugas tiba pukul 03.40 WITA di lokasi.", date(2023, 10, 16), "pukul 03.40 WITA", "2023-10-16", "reference",
     None),
    # speech: the date of the statement the deictic is part of, before or after it
    ("Wali Kota X, Jumat (17/11/2023), mengatakan rombongan berangkat ke Makassar besok.", date(2023, 11, 20),
     "besok", "2023-11-18", "speech", "Jumat (17/11/2023)"),
    ("Wali Kota X, Jumat (17/11/2023), mengatakan rombongan berangkat ke Makassar besok.", None,
     "besok", "2023-11-18", "speech", "Jumat (17/11/2023)"),
    ('"Kami berangkat besok," kata Basri di Bontang, Senin.', date(2023, 9, 13), "besok", "2023-09-12", "speech",
     "Senin"),
    ('"Rapat digelar pekan depan," ujar Anton saat dihubungi, Jumat (12/1/2018).', date(2018, 1, 14),
     "pekan depan", "2018-01-15..2018-01-21", "speech", "Jumat (12/1/2018)"),
    ("Wali Kota X mengatakan, Jumat (17/11/2023), rombongan tiba di Makassar kemarin.", date(2023, 11, 20),
     "kemarin", "2023-11-16", "speech", "Jumat (17/11/2023)"),
]
assert_unique(ANCHORS, key=lambda r: (r[0], r[1]))


def _interval(spec):
    start, _, end = spec.partition("..")
    return {"start": start, "end": end or start}


@pytest.mark.parametrize("text,ref,expression,value,anchor,anchor_text", ANCHORS,
                         ids=[f"{r[2]}|{r[0][:30]}" for r in ANCHORS])
def test_each_relative_expression_says_what_it_was_anchored_to(text, ref, expression, value, anchor, anchor_text):
    (e,) = [x for x in find_dates(text, ref) if x.text == expression]
    assert e.to_json()["value"] == _interval(value)
    assert e.anchor == anchor
    if anchor_text is None:
        assert e.anchor_span is None
    else:
        assert text[e.anchor_span[0]:e.anchor_span[1]] == anchor_text
        assert e.to_json()["anchor_span"] == list(e.anchor_span)


def test_a_dateline_in_the_lede_dates_the_report():
    text = ("Menteri Sosial meninjau korban banjir di Garut, Kamis.\n"
            "Ia juga menyerahkan santunan.\nBantuan tambahan dikirim besok.")
    (e,) = [x for x in find_dates(text, date(2016, 9, 24)) if x.text == "besok"]
    assert e.value.start == date(2016, 9, 23) and e.anchor == "speech" and text[slice(*e.anchor_span)] == "Kamis"


def test_a_clock_after_a_dateline_is_on_the_report_day_and_anaphora_skip_it():
    text = "Rute selatan normal, kata dia di Garut, Jumat.\nKereta melintas pada pukul 02.35 WIB."
    clock = find_dates(text, date(2017, 11, 25))[-1]
    assert clock.value.start == date(2017, 11, 24) and clock.anchor == "narrative"
    text = "Turis naik pada Maret, kata Kepala BPS di Jakarta, Selasa.\nSelama kurun itu ada 1 juta kunjungan."
    (e,) = [x for x in find_dates(text, date(2017, 5, 3)) if x.text == "kurun itu"]
    assert e.value.start == date(2017, 3, 1)


def test_an_anaphor_with_no_date_before_it_is_a_past_reference_or_nothing():
    (e,) = find_dates("Saat itu ia masih kecil.", date(2023, 9, 13))
    assert e.kind == "ref" and e.value is None and e.tense == "past"
    assert find_dates('"Pelaku kami tangkap saat itu juga," kata Kapolres.', date(2023, 9, 13)) == []
    text = "Pelaku beraksi Senin (11/9/2023) dan polisi menangkapnya saat itu juga."
    (e,) = [x for x in find_dates(text, date(2023, 9, 13)) if x.text == "saat itu juga"]
    assert e.value.start == date(2023, 9, 11) and e.anchor == "narrative"


def test_a_planned_bare_weekday_counts_from_today_not_the_story():
    text = "Banjir melanda Sabtu (26/8/2017). Gubernur dijadwalkan diperiksa pada hari Kamis."
    (e,) = [x for x in find_dates(text, date(2017, 8, 27)) if x.text == "Kamis"]
    assert e.value.start == date(2017, 8, 31)


def test_a_narrative_weekday_is_never_after_publication():
    text = "Warga mengungsi Rabu (20/9/2023). Pada Jumat banjir surut."
    (e,) = [x for x in find_dates(text, date(2023, 9, 21)) if x.text == "Jumat"]
    assert e.value.start == date(2023, 9, 15) and e.anchor == "reference"


# (text, reference, expression, date written, the relative word, the day it names, tense)
APPOSITIONS = [
    ("Kemarin, Kamis (7/9/2023), wali kota meninjau pasar.", date(2023, 9, 8), "Kemarin, Kamis (7/9/2023)",
     "2023-09-07", "Kemarin", "2023-09-07", "past"),
    ("Rapat digelar Kamis (7/9/2023) kemarin di aula.", date(2023, 9, 8), "Kamis (7/9/2023) kemarin",
     "2023-09-07", "kemarin", "2023-09-07", "past"),
    ("Rombongan berangkat besok, Selasa (12/9/2023), ke Incheon.", date(2023, 9, 11), "besok, Selasa (12/9/2023)",
     "2023-09-12", "besok", "2023-09-12", "future"),
    ("Ia bertolak ke NTT pada hari ini, Senin (4/12/2023), bersama rombongan.", date(2023, 12, 6),
     "hari ini, Senin (4/12/2023)", "2023-12-04", "hari ini", "2023-12-06", None),
    ("Rombongan berangkat besok, Rabu (13/9/2023), ke Incheon.", date(2023, 9, 11), "besok, Rabu (13/9/2023)",
     "2023-09-13", "besok", "2023-09-12", "future"),
]
assert_unique(APPOSITIONS, key=lambda r: r[0])


@pytest.mark.parametrize("text,ref,expression,written,word,named,tense", APPOSITIONS, ids=[r[2] for r in APPOSITIONS])
def test_a_relative_word_and_its_date_are_one_expression(text, ref, expression, written, word, named, tense):
    (e,) = [x for x in find_dates(text, ref) if x.text == expression]
    assert e.value.start.isoformat() == written and e.tense == tense and e.anchor == "explicit"
    assert e.apposition.text == word and e.apposition.value.start.isoformat() == named
    assert e.to_json()["apposition"]["text"] == word


def test_hari_ini_with_a_date_keeps_the_date_so_events_get_it():
    from timeline.extract.article import extract_claims

    text = ("Gubernur NTT Bertolak\n\nWali Kota Kupang Jefri Riwu Kore bertolak ke Jakarta pada hari ini, "
            "Senin (4/12/2023), untuk rapat koordinasi.\n")
    (article,), _ = parse_article("a.json", json.dumps({"text": text, "date": "2023-12-06"}).encode())
    claims = extract_claims(article)
    assert claims.events and all(e.date.value.start == date(2023, 12, 4) for e in claims.events if e.date)


@pytest.mark.parametrize("text,expected", [
    ("Wali Kota Bontang Basri Rase mengatakan, Jumat (17/11/2023), ia akan berangkat ke Makassar besok.",
     date(2023, 11, 18)),
    ("Wali Kota Bontang Basri Rase akan berangkat ke Makassar besok, kata dia, Jumat (17/11/2023).",
     date(2023, 11, 18)),
    ("Wali Kota Bontang Basri Rase berangkat ke Makassar Sabtu (14/10/2023). Keesokan harinya ia meninjau pasar.",
     date(2023, 10, 15)),
])
def test_an_event_takes_the_anchored_day_of_its_relative_date(text, expected):
    from timeline.extract.article import extract_claims

    (article,), _ = parse_article("a.json", json.dumps({"text": "Judul\n\n" + text, "date": "2023-11-25"}).encode())
    dates = {e.date.value.start for e in extract_claims(article).events if e.date is not None and e.date.value}
    assert expected in dates
