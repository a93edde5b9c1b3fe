"""One pass for all the event words: a `WordIndex` answers each word regex's searches exactly as the
regex itself would (whole text, a sentence, a window cut mid-word), and the anaphora look-up finds
what its regex finds."""

from __future__ import annotations

import re

import pytest

from timeline.extract.lexicon import CANDIDATE_BEFORE, INDEXED, lexicon
from timeline.extract.objects import _matches
from timeline.extract.wordindex import LOWER_CASE_MISSES, WordIndex
from timeline.text.sentences import split_sentences

TEXTS = [
    # overlapping phrases: a continuation holding a trigger, a look-alike holding a trigger
    "Tujuan kunjungan kerja Bupati Berau Sri Juniarsih ke Jakarta ialah rapat koordinasi. Pertemuan itu "
    "dihadiri oleh Wakil Bupati. Kegiatan tersebut berlangsung pada Senin (4/3/2024).",
    # hyphenated and glued words, upper case, a phrase cut by a sentence end
    "TIBA-TIBA Gubernur kembali ke rumah masing-masing, lalu tiba-tiba berangkat. Rapat umum pemegang saham "
    "ditunda dan dijadwalkan ulang menjadi Kamis.",
    # speech, companions, representation, recurrence, subordinate clauses, modality
    "Wali Kota Bontang Basri Rase, didampingi Sekda, mengatakan akan meresmikan Pasar Rakyat untuk kedua "
    "kalinya setelah diwakili oleh Asisten I. “Kami belum dapat memastikan,” ujarnya. Di sana ia batal hadir.",
    # a sub-event, a quote spanning a sentence, words at the very start and end of the text
    "Diresmikan langsung oleh Bupati, gedung itu dibuka. Dalam kunjungan tersebut Bupati meninjau. Selama di "
    "Jepang, rombongan berencana menghadiri forum \"Forum komunikasi itu. Kunker\" sebelumnya rapat",
    # letters outside ASCII that (?i) takes for ASCII ones: the Kelvin sign, a long s, a dotless i
    "\u212aunjungan kerja Bupati ke ſekolah, lalu dıhadiri Gubernur; menjelang rapat İtu.",
]


def _windows(text: str):
    yield 0, None
    for s in split_sentences(text):
        yield s.start, s.end
        yield s.start + 1, s.end
    for pos in range(0, len(text), 7):
        yield pos, min(len(text), pos + 23)  # windows that start and end inside words


@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize("name", INDEXED)
@pytest.mark.parametrize("text", TEXTS)
def test_the_index_answers_every_word_regex_as_the_regex_does(name, text, lower):
    lex = lexicon()
    pattern = getattr(lex, name)
    words = WordIndex(lex.candidate_re, text, lex.candidate_lower_re if lower else None)
    for pos, endpos in _windows(text):
        end = len(text) if endpos is None else endpos
        expected = [m.span() for m in pattern.finditer(text, pos, end)]
        assert [m.span() for m in words.finditer(pattern, pos, endpos)] == expected, (pos, endpos)
        first = pattern.search(text, pos, end)
        found = words.search(pattern, pos, endpos)
        assert (found and found.span()) == (first and first.span()), (pos, endpos)


@pytest.mark.parametrize("text", TEXTS)
def test_candidates_are_where_a_word_of_the_index_starts_read_in_either_case(text):
    """The candidate pattern matches the character before a word; the index holds the word's start,
    what the same words after a look-back find (the first word of a text included)."""
    lex = lexicon()
    assert lex.candidate_lower_re is not None
    ahead = lex.candidate_re.pattern.removeprefix(CANDIDATE_BEFORE)
    assert ahead != lex.candidate_re.pattern
    expected = [m.start() for m in re.finditer(rf"(?<![\w-]){ahead}", text)]
    assert expected
    assert WordIndex(lex.candidate_re, text).starts == expected
    assert WordIndex(lex.candidate_re, text, lex.candidate_lower_re).starts == expected
    assert WordIndex(lex.candidate_re, text, lex.candidate_lower_re, text.lower()).starts == expected  # the scan's


def test_extraction_hands_the_temporal_scans_lower_case_text_to_the_word_index(monkeypatch):
    """The text is lowered once per article: the word index takes the temporal scan's lower-case text."""
    import timeline.extract.events as events
    from timeline.extract.article import extract_claims
    from timeline.ingest import parse_article

    given = []

    class Spy(WordIndex):
        def __init__(self, candidates, text, lower=None, folded=None):
            given.append((text, folded))
            super().__init__(candidates, text, lower, folded)

    monkeypatch.setattr(events, "WordIndex", Spy)
    (article,), _ = parse_article("berita.txt", TEXTS[0].encode())
    extract_claims(article)
    assert given and all(folded is not None and folded == text.lower() for text, folded in given)


def test_lower_case_misses_only_the_characters_it_lists():
    """Every character that (?i) takes for an ASCII letter is that letter in lower case, lowers to
    two characters, or is listed: reading the lower-cased text finds every candidate."""
    letters = re.compile(r"(?i:[a-z])")
    for code in range(0x80, 0x110000):
        c = chr(code)
        if letters.fullmatch(c) and len(c.lower()) == 1 and not c.lower().isascii():
            assert c in LOWER_CASE_MISSES, hex(code)


def test_the_index_finds_the_words_of_the_examples():
    lex = lexicon()
    words = WordIndex(lex.candidate_re, TEXTS[0])
    assert [m.group() for m in words.finditer(lex.continuation_re)] == ["Tujuan kunjungan", "Kegiatan tersebut"]
    # "kunjungan kerja" starts inside the continuation "Tujuan kunjungan", "Pertemuan" inside "Pertemuan itu"
    assert [m.group("t") for m in words.finditer(lex.trigger_re)] == ["kunjungan kerja", "rapat", "Pertemuan",
                                                                      "dihadiri oleh"]
    assert [m.group() for m in words.finditer(lex.not_trigger_re)] == ["Pertemuan itu"]


ANAPHORA = [
    ("Kegiatan", "Kegiatan Bakti Sosial 2024 digelar. kegiatan itu dan KEGIATAN Donor Darah ke-3 selesai."),
    ("MTQ", "Pembukaan MTQ ke-31 Kabupaten Lombok Tengah meriah; MTQMTQ bukan, MTQ-X juga bukan."),
    ("pasar", "Pasar Inpres Sentani di Jayapura, pasar Rakyat, dan “pasar” Lama."),
    ("stadion", "Stadion Gelora dan ſtadion Mandala: a long s reads as s."),
    ("kota", "Kota Batam, \u212aota Tua (the Kelvin sign reads as k), kota."),
    ("Festival", "Tidak ada di sini."),
]


@pytest.mark.parametrize("head, text", ANAPHORA)
def test_the_anaphora_look_up_finds_what_its_regex_finds(head, text):
    pattern = re.compile(rf"(?<![\w-])(?i:{re.escape(head)})((?:\s+(?:[A-Z0-9][\w'’-]*|[a-z]*-?\d[\w-]*))*)")
    assert [m.span() for m in _matches(pattern, text, head)] == [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("name", INDEXED)
def test_every_word_of_an_indexed_regex_is_a_candidate_where_the_regex_finds_it(name):
    from timeline.extract.events import load_table
    from timeline.extract.lexicon import _INDEXED_WORDS

    lex = lexicon()
    pattern = getattr(lex, name)
    section, key = _INDEXED_WORDS[name]
    data = load_table()[section]
    words = [w for ws in data.values() for w in ws] if key is None else data[key]
    for word in words:
        for text in (f"Menurut dia, {word} pada Senin.", f"{word.upper()}: itu", word):
            found = [m.span() for m in pattern.finditer(text)]
            assert found, (name, word)  # the word is the regex's own
            assert [m.span() for m in WordIndex(lex.candidate_re, text).finditer(pattern)] == found, (name, text)
            lowered = WordIndex(lex.candidate_re, text, lex.candidate_lower_re)
            assert [m.span() for m in lowered.finditer(pattern)] == found, (name, text)
