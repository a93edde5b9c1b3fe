"""Every entry of the temporal vocabulary in timeline/lang/id.toml is exercised by at least one case."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.temporal import find_dates
from timeline.temporal.vocab import vocab

REF = date(2023, 9, 13)
D = vocab().data


def _texts(text, ref=REF):
    return [e.text for e in find_dates(text, ref)]


def _one(text, ref=REF):
    found = find_dates(text, ref)
    assert len(found) == 1, [e.text for e in found]
    return found[0]


MONTHS = [(f, i) for i, forms in enumerate(D["months"]["full"] + D["months"]["abbreviations"], 1) for f in forms]


@pytest.mark.parametrize("form,number", MONTHS)
def test_every_month_form_with_day_and_year(form, number):
    number = (number - 1) % 12 + 1
    e = _one(f"Rapat pada 12 {form.capitalize()} 2023 di kantor.")
    assert e.value.start == date(2023, number, 12)


@pytest.mark.parametrize("form,number", [(f, i) for i, forms in enumerate(D["months"]["full"], 1) for f in forms])
def test_every_full_month_name_alone(form, number):
    e = _one(f"Harga naik pada {form.capitalize()} di pasar.")
    assert e.kind == "month" and e.value.start == date(2023, number, 1)


@pytest.mark.parametrize("form,index", [(f, i) for i, forms in enumerate(D["weekdays"]["names"]) for f in forms])
def test_every_weekday_form_is_checked_against_the_date(form, index):
    day = date(2023, 9, 18 + index)  # 18/9/2023 is a Monday
    e = _one(f"Rapat {form} ({day.day}/9/2023) di kantor.")
    assert e.weekday.stated == D["weekdays"]["names"][index][0] and e.weekday.ok is True


@pytest.mark.parametrize("word", D["weekdays"]["programme_words"])
def test_weekday_followed_by_a_programme_word_is_not_a_date(word):
    assert _texts(f"Warga ikut program Sabtu {word} di kelurahan.") == []


@pytest.mark.parametrize("cue", D["weekdays"]["cues"])
def test_every_weekday_cue_makes_a_bare_weekday_a_date(cue):
    assert any(t.endswith("Kamis") for t in _texts(f"Warga datang {cue} Kamis ke kantor."))


NUMBERS = list(D["numbers"]["units"].items()) + [(k, v) for k, v in D["numbers"]["specials"].items()]


@pytest.mark.parametrize("word,value", NUMBERS)
def test_every_number_word_in_a_duration(word, value):
    e = _one(f"Ia menunggu {word} hari di sana.")
    assert e.duration.unit == "days" and e.duration.amount == value


@pytest.mark.parametrize("text,value", [("dua belas", 12), ("tiga puluh", 30), ("dua puluh lima", 25), ("satu setengah", 1.5)])
def test_composed_number_words(text, value):
    assert _one(f"Ia menunggu {text} jam di sana.").duration.amount == value


@pytest.mark.parametrize("word", D["numbers"]["vague"])
def test_every_vague_amount(word):
    assert _one(f"Ia menunggu {word} hari di sana.").to_json()["duration"] == {"vague": "days"}


@pytest.mark.parametrize("word", D["numbers"]["approx"])
def test_every_approximation_word_stays_in_the_span(word):
    e = _one(f"Ia menunggu {word} dua jam di sana.")
    assert e.text.lower().startswith(word.split()[0]) and e.duration.amount == 2


UNITS = [(w, unit) for unit in ("minutes", "hours", "days", "weeks", "months", "years") for w in D["units"][unit]]


@pytest.mark.parametrize("word,unit", UNITS)
def test_every_unit_word(word, unit):
    assert _one(f"Proyek berjalan selama tiga {word} di desa.").to_json()["duration"] == {unit: 3}


@pytest.mark.parametrize("word", D["units"]["vague_only"])
def test_every_vague_only_unit(word):
    assert _one(f"Ia terdiam beberapa {word} sebelum bicara.").duration.amount is None


@pytest.mark.parametrize("phrase,offset", [(p, 0) for p in D["relative"]["today"]] + list(D["relative"]["days"].items()))
def test_every_relative_day_word(phrase, offset):
    e = _one(f"Ia datang {phrase} ke kantor.")
    assert e.value.start == date(2023, 9, 13 + offset)


@pytest.mark.parametrize("word,sign", [(w, -1) for w in D["relative"]["ago"]] + [(w, 1) for w in D["relative"]["ahead"]])
def test_every_ago_and_ahead_word(word, sign):
    assert _one(f"Rapat itu tiga hari {word} di kantor.").value.start == date(2023, 9, 13 + 3 * sign)


@pytest.mark.parametrize("word", D["relative"]["forward"])
def test_every_forward_word_makes_a_future_length(word):
    e = _one(f"Hujan turun dua hari {word} menurut BMKG.")
    assert e.kind == "duration" and e.tense == "future" and e.duration.amount == 2


@pytest.mark.parametrize("word,start", [(w, "2023-09-18") for w in D["relative"]["next"]]
                         + [(w, "2023-09-04") for w in D["relative"]["last"]] + [(w, "2023-09-11") for w in D["relative"]["this"]])
def test_every_next_last_this_word_after_a_week(word, start):
    assert _one(f"Sidang digelar pekan {word} di PN.").to_json()["value"]["start"] == start


ANCHOR = "Ia tiba Senin (11/9/2023). "


@pytest.mark.parametrize("phrase,day", [(f"malam {w}", 11) for w in D["relative"]["same_day"]]
                         + [(w, 12) for w in D["relative"]["next_day"]]
                         + [(f"dua hari {w}", 13) for w in D["relative"]["later"]]
                         + [(f"dua hari {w}", 9) for w in D["relative"]["earlier"]])
def test_every_previous_anchor_word(phrase, day):
    e = find_dates(ANCHOR + f"Lalu {phrase} ia ke Jeju.", REF)[-1]
    assert e.anchor == "narrative" and e.value.start == date(2023, 9, day)


TENSE_AFTER = ([(w, "future") for w in D["tense"]["after_future"]] + [(w, "past") for w in D["tense"]["after_past"]]
               + [(w, None) for w in D["tense"]["after_present"]])


@pytest.mark.parametrize("word,tense", TENSE_AFTER)
def test_every_tense_word_after_a_date(word, tense):
    e = _one(f"Rapat 18 Oktober {word} di kantor.")
    assert e.text.endswith(word) and e.tense == tense


@pytest.mark.parametrize("word,tense", [(w, "future") for w in D["tense"]["before_future"]]
                         + [(w, "past") for w in D["tense"]["before_past"]])
def test_every_tense_word_before_an_expression(word, tense):
    assert _one(f"Ia {word} datang pada Kamis ke kantor.").tense == tense


@pytest.mark.parametrize("mark", D["tense"]["clause_breaks"])
def test_every_clause_break_stops_the_tense_window(mark):
    assert _one(f"Ia akan datang{mark} kami rapat pada Kamis ke kantor.").tense is None


def test_tense_window_is_bounded():
    far = " ".join(["kata"] * (D["tense"]["window"] // 4))
    assert _one(f"Ia akan {far} pada Kamis ke kantor.").tense is None


PARTS = [(w, "awal") for w in D["parts"]["early"]] + [(w, "pertengahan") for w in D["parts"]["middle"]] + [
    (w, "akhir") for w in D["parts"]["late"]]


@pytest.mark.parametrize("word,part", PARTS)
def test_every_part_word(word, part):
    e = _one(f"Proyek rampung {word} Oktober 2023 nanti.")
    assert e.part == part and e.granularity == "part"


@pytest.mark.parametrize("conn", D["range"]["connectors"])
def test_every_range_connector(conn):
    sep = conn if conn in "-–—" else f" {conn} "
    e = _one(f"Forum berlangsung 18{sep}22 Oktober 2023 di Incheon.")
    assert e.kind == "range" and e.to_json()["value"] == {"start": "2023-10-18", "end": "2023-10-22"}


@pytest.mark.parametrize("word", D["time"]["clock_words"])
def test_every_clock_word(word):
    assert _one(f"Rapat dimulai {word} 09.00 WIB di aula.").time.clock == "09:00"


@pytest.mark.parametrize("zone", list(D["time"]["zones"]))
def test_every_zone(zone):
    assert _one(f"Rapat dimulai pukul 09.00 {zone} di aula.").time.zone == zone


@pytest.mark.parametrize("word", D["time"]["local"])
def test_every_local_time_marker(word):
    t = _one(f"Ia mendarat pukul 19.30 {word} di Seoul.").time
    assert t.local is True and t.zone is None and t.to_json()["local"] is True


@pytest.mark.parametrize("word,part", list(D["time"]["parts_of_day"].items()))
def test_every_part_of_day_after_a_date(word, part):
    assert _one(f"Gempa terjadi Kamis (14/9/2023) {word} di Palu.").time.part == part


@pytest.mark.parametrize("word", D["time"]["part_after"])
def test_every_word_after_a_bare_part_of_day(word):
    assert _one(f"Hujan turun pagi {word} di kota.").kind == "time"


@pytest.mark.parametrize("word", D["time"]["part_before"])
def test_every_word_before_a_bare_part_of_day(word):
    assert any("pagi" in t for t in _texts(f"Hujan turun {word} pagi di kota."))


@pytest.mark.parametrize("word", D["sets"]["every"])
def test_every_set_word(word):
    assert _one(f"Rapat digelar {word} bulan di kantor.").kind == "set"


@pytest.mark.parametrize("word", D["sets"]["once"] + [f"dua {w}" for w in D["sets"]["times"]])
def test_every_frequency_word(word):
    assert _one(f"Rapat digelar {word} seminggu di kantor.").kind == "set"


@pytest.mark.parametrize("cue", D["years"]["cues"])
def test_every_year_cue(cue):
    assert any("2019" in t for t in _texts(f"Program itu berjalan {cue} 2019 di Bontang."))


def test_years_outside_the_bounds_are_not_years():
    assert _texts(f"Kapal itu dibuat pada {D['years']['first'] - 1} di Belanda.") == []
    assert _texts(f"Target itu dipasang pada {D['years']['last'] + 1} oleh pemerintah.") == []


@pytest.mark.parametrize("word", D["guards"]["foreign_after"])
def test_every_foreign_word_after_a_length_blocks_it(word):
    assert _texts(f"Posted 1 hari {word}") == []


@pytest.mark.parametrize("word", D["guards"]["not_after_lalu"])
def test_every_word_that_makes_lalu_not_temporal(word):
    assert _texts(f"Kamis lalu {word} padat.") == []
    assert _texts(f"Pekan lalu {word} padat.") == []


@pytest.mark.parametrize("symbol", D["guards"]["currency_before"])
def test_every_currency_symbol_blocks_a_numeric_date(symbol):
    assert _texts(f"Harga {symbol} 10.10.2023 tercatat.") == []


@pytest.mark.parametrize("word", D["relative"]["weekend"])
def test_every_weekend_phrase(word):
    e = _one(f"Warga berwisata {word} lalu ke pantai.")
    assert e.to_json()["value"] == {"start": "2023-09-09", "end": "2023-09-10"}


@pytest.mark.parametrize("word", D["guards"]["name_before"])
def test_every_name_word_makes_a_yearless_date_a_name(word):
    assert _texts(f"Mereka berkumpul di {word} 10 November untuk rapat.") == []


@pytest.mark.parametrize("joiner", D["weekdays"]["joiners"])
def test_every_joiner_links_a_second_weekday(joiner):
    sep = f"{joiner} " if joiner == "," else f" {joiner} "
    found = find_dates(f"Warga kerja bakti pada Sabtu{sep}Minggu di RT 5.", REF)
    assert [(e.text, e.value.start) for e in found] == [("Sabtu", date(2023, 9, 9)), ("Minggu", date(2023, 9, 10))]


def test_a_joined_weekday_needs_a_weekday_date_before_it():
    assert _texts("Menu Sabtu dan Minggu di kantin berbeda.") == []
    assert _texts("Ia datang pada Sabtu (16/9/2023) dan Minggu ia pulang.") == ["Sabtu (16/9/2023)"]


@pytest.mark.parametrize("part,hours", list(D["time"]["afternoon_hours"].items()))
def test_every_afternoon_part_turns_a_12_hour_clock_into_24_hours(part, hours):
    lo, hi = hours
    assert _one(f"Rapat dimulai jam {lo} {part} di aula.").time.clock == f"{lo + 12:02d}:00"
    assert _one(f"Rapat dimulai jam {hi} {part} di aula.").time.clock == f"{hi + 12:02d}:00"


# ---------------------------------------------------------------------------------------------- issue 10 entries

R = D["refs"]


@pytest.mark.parametrize("phrase,tense", [(p, None) for p in R["present"]] + [(p, "past") for p in R["past"]]
                         + [(p, "future") for p in R["future"]])
def test_every_reference_phrase_is_a_reference_with_no_value(phrase, tense):
    (e,) = [x for x in find_dates(f"Warga, {phrase} bertani.", REF) if x.text.lower() == phrase]
    assert e.kind == "ref" and e.value is None and e.tense == tense


@pytest.mark.parametrize("phrase", R["anaphoric"] + R["anaphoric_or_nothing"] + R["anaphoric_day"])
def test_every_anaphoric_phrase_takes_the_story_date(phrase):
    e = find_dates(f"Pelaku ditangkap Senin (11/9/2023). {phrase.capitalize()} ia diperiksa.", REF)[-1]
    assert e.text.lower() == phrase and e.value.start == date(2023, 9, 11) and e.anchor == "narrative"


@pytest.mark.parametrize("word", R["past_cues"])
def test_every_cue_makes_dulu_a_past_reference(word):
    assert any(e.text.endswith("dulu") and e.tense == "past" for e in find_dates(f"Itu kebiasaan {word} dulu di desa.", REF))


@pytest.mark.parametrize("unit,shift", [(u, s) for u in R["period_units"] for s in R["period_shift"]])
def test_every_period_word_shifts_the_story_period(unit, shift):
    e = find_dates(f"Harga naik pada Juni 2023 dibanding {unit} {shift}.", REF)[-1]
    assert e.text == f"{unit} {shift}" and e.anchor == "narrative" and e.value is not None


@pytest.mark.parametrize("word", R["period_words"])
def test_every_period_word_reaches_a_year_back(word):
    e = find_dates(f"Harga naik pada Juni 2023 dibanding {word} yang sama tahun lalu.", REF)[-1]
    assert e.anchor == "narrative" and e.value.start.year == 2022


P = D["periods"]


@pytest.mark.parametrize("word,ordinal", [(w, o) for w in P["quarter_words"] for o in P["ordinals"]])
def test_every_quarter_word_and_ordinal(word, ordinal):
    (e,) = find_dates(f"Laba {word} {ordinal} 2022 naik.", REF)
    assert e.granularity == "quarter" and e.value.start == date(2022, (P["ordinals"][ordinal] - 1) * 3 + 1, 1)


@pytest.mark.parametrize("word,ordinal", [(w, o) for w in P["half_words"] for o, n in P["ordinals"].items() if n <= 2])
def test_every_half_word(word, ordinal):
    (e,) = find_dates(f"Penjualan {word} {ordinal} 2022 naik.", REF)
    assert e.granularity == "half" and e.value.start == date(2022, 1 + 6 * (P["ordinals"][ordinal] - 1), 1)


@pytest.mark.parametrize("name,code", list(P["seasons"].items()))
def test_every_season(name, code):
    (e,) = find_dates(f"Petani bersiap menyambut musim {name} 2022.", REF)
    assert e.season == code and e.value.start.year == 2022


@pytest.mark.parametrize("word", D["years"]["decade_words"])
def test_every_decade_word(word):
    (e,) = find_dates(f"Lagu itu populer di {word} 80-an.", REF)
    assert e.granularity == "decade" and e.value.start.year == 1980


@pytest.mark.parametrize("word", D["years"]["law_before"])
def test_every_law_word_keeps_a_law_year_out(word):
    assert find_dates(f"Aturan itu tertuang dalam {word} 20 Tahun 2001 tentang korupsi.", REF) == []


@pytest.mark.parametrize("word,unit", list(U["frequency"].items()) if (U := D["units"]) else [])
def test_every_frequency_adjective(word, unit):
    (e,) = find_dates(f"Ia memimpin rapat {word} di kantor.", REF)
    assert e.kind == "set" and e.duration.unit == unit


@pytest.mark.parametrize("name,key", list(D["holidays"]["names"].items()))
def test_every_holiday_name(name, key):
    found = find_dates(f"Warga bersiap, saat {name} 2017 tiba.", REF)
    # a classifier noun before the name is left out of the span ("bulan suci Ramadhan" -> "Ramadhan")
    assert found and name.endswith(found[0].text.lower().removesuffix(" 2017")) and found[0].value is not None


@pytest.mark.parametrize("word", D["holidays"]["not_before"])
def test_a_holiday_name_before_these_is_another_holiday(word):
    assert find_dates(f"Warga merayakan Tahun Baru {word} di kota.", REF) == []


@pytest.mark.parametrize("verb", D["speech"]["after"])
def test_every_verb_after_a_date_dates_the_statement(verb):
    e = find_dates(f"Wali Kota X, Jumat (8/9/2023), {verb} rombongan berangkat besok.", REF)[-1]
    assert e.anchor == "speech" and e.value.start == date(2023, 9, 9)


@pytest.mark.parametrize("verb", D["speech"]["before"])
def test_every_attribution_before_a_closing_date_dates_the_statement(verb):
    e = find_dates(f'"Kami berangkat besok," {verb} Basri di Bontang, Jumat (8/9/2023).', REF)[0]
    assert e.text == "besok" and e.anchor == "speech" and e.value.start == date(2023, 9, 9)


@pytest.mark.parametrize("word", D["time"]["part_not_after"])
def test_a_part_of_day_after_these_is_a_thing(word):
    assert find_dates(f"Suasana {word} malam ini ramai sekali.", REF) == []
