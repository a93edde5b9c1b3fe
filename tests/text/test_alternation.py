"""`timeline.lang.alternation` is written as a trie for speed; it must match exactly what the flat,
longest-first alternation of the same words matches (same spans, same groups), in either case mode."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.lang import _flat, alternation, table

SEEDS = sorted((Path(__file__).resolve().parents[2] / "fixtures" / "seeds").glob("*.txt"))

# how the extractors wrap a word list: whole words with an enclitic after, a cue before a phrase, a
# prefix of a name, a run of glue words
WRAPS = [
    r"(?<![\w-])(?P<t>{})(?P<nya>nya)?(?![\w-])",
    r"(?<![\w-])(?:{})\s+$",
    r"(?:{})(?![\w-])",
    r"(?:\s+(?:{})(?![\w-]))+",
]


def _matches(words, text: str, *, any_space: bool, flags: int, every: int = 3) -> list[list[tuple]]:
    """For the trie and the flat alternation (each also with "i" scoped to it): every match of every
    wrap, with its groups' spans, and the first match from every `every`-th position (0: none)."""
    flat = _flat(set(words) - {""}, any_space)
    return [_matches_of(bodies, text, flags=flags, every=every) for bodies in (
        (alternation(words, any_space=any_space), alternation(words, any_space=any_space, flags="i")),
        (f"(?:{flat})", f"(?i:{flat})"),
    )]


def _word_start_matches(words, text: str, *, any_space: bool, flags: int, every: int = 3) -> list[list[tuple]]:
    r"""The same for `word_start=True` against the flat alternation behind `(?<![\w-])`."""
    flat = _flat(set(words) - {""}, any_space)
    return [_matches_of(bodies, text, flags=flags, every=every, wraps=WORD_START_WRAPS) for bodies in (
        (alternation(words, any_space=any_space, word_start=True),
         alternation(words, any_space=any_space, word_start=True, flags="i")),
        (rf"(?<![\w-])(?:{flat})", rf"(?<![\w-])(?i:{flat})"),
    )]


WORD_START_WRAPS = [r"(?P<t>{})(?P<nya>nya)?(?![\w-])", r"{}\s+$", r"(?:{})(?![\w-])"]


def _matches_of(bodies, text: str, *, flags: int, every: int, wraps=WRAPS) -> list[list[tuple]]:
    out = []
    for body in bodies:
        for wrap in wraps:
            pattern = re.compile(wrap.format(body), flags)
            out.append([(m.span(), m.groupdict(), m.regs) for m in pattern.finditer(text)])
            if every:
                out.append([(m.span(), m.regs) if (m := pattern.search(text, i)) else None
                            for i in range(0, len(text), every)])
    return out


# (case id, words, text): words that share prefixes, case variants, phrases, spaces and punctuation
CASES = [
    ("prefixes", ["rapat", "rapat kerja", "rapat kerja daerah", "rakor", "rakornas"],
     "Rapat kerja  daerah digelar usai rakornas; rapat kerjanya molor, RAPAT\tKERJA ditunda."),
    ("case-variants", ["Wakil", "WAKIL", "Wakil Bupati", "Wali Kota", "WALI KOTA", "W"],
     "WAKIL Bupati hadir. Wakil Bupati Basri dan Wali Kota Bontang bertemu wali kota lain."),
    ("punctuation", ["Dr.", "Dra.", "Drs.", "H.", "Hj.", "Ir.", "s.d."],
     "Sambutan Drs. Aji dan Hj. Nur, Dr.Helmy hadir 18 s.d. 22 Oktober; H. Basri pulang."),
    ("parentheses", ["Pelaksana Tugas", "Pelaksana Tugas (Plt)", "Penjabat", "Penjabat (Pj)", "Plt"],
     "Pelaksana Tugas (Plt) Bupati dan Penjabat (Pj) Wali Kota bertemu Plt Sekda; penjabatnya absen."),
    ("curly-apostrophe", ["Jum’at", "Jum'at", "Jumat", "jum"], "Pada Jum’at lalu dan JUM'AT depan, jumatan jum."),
    # letters that fold to an ASCII letter without being one: the Kelvin sign, the long s, dotless i
    ("folding", ["kunjungan", "sidak", "inspeksi", "“Rapat”", "kunjungi"],
     "\u212aUNJUNGAN kerja, ſidak pasar, ınspeksi jalan, “rapat” dan Kunjungi desa."),
]


@pytest.mark.parametrize("any_space", [True, False])
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
@pytest.mark.parametrize("case_id,words,text", CASES, ids=[c[0] for c in CASES])
def test_trie_matches_like_the_flat_alternation(case_id, words, text, any_space, flags):
    trie, flat = _matches(words, text, any_space=any_space, flags=flags)
    assert trie == flat
    assert any(trie), case_id  # the case exercises something
    starts, flat = _word_start_matches(words, text, any_space=any_space, flags=flags)
    assert starts == flat
    assert any(starts), case_id


@pytest.mark.parametrize("name", ["events", "officials", "temporal", "places", "about", "published", "sentences",
                                  "boilerplate"])
def test_every_word_list_of_the_language_matches_like_the_flat_alternation(name):
    """Each list of words in a language table, over the seed articles, in both case modes."""
    data = table("id", name)
    lists = []

    def walk(value) -> None:
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            lists.append(value)
        elif isinstance(value, dict):
            if value and all(isinstance(v, str) for v in value.values()):
                lists.append(list(value))
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(data)
    assert lists
    text = "\n".join(p.read_text(encoding="utf-8") for p in SEEDS)
    for words in lists:
        for any_space in (True, False):
            for flags in (0, re.IGNORECASE):
                trie, flat = _matches(words, text, any_space=any_space, flags=flags, every=0)
                assert trie == flat, words[:5]
                starts, flat = _word_start_matches(words, text, any_space=any_space, flags=flags, every=0)
                assert starts == flat, words[:5]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text("aAbBksi -.“", min_size=1, max_size=5), min_size=1, max_size=8),
       st.text("aAbBkKsSiI -.“\n\t\u212aſıİ", max_size=40), st.booleans(), st.booleans())
def test_any_words_match_like_the_flat_alternation(words, text, any_space, ignore_case):
    flags = re.IGNORECASE if ignore_case else 0
    trie, flat = _matches(words, text, any_space=any_space, flags=flags)
    assert trie == flat
    starts, flat = _word_start_matches(words, text, any_space=any_space, flags=flags)
    assert starts == flat
