"""The grammar's tables that start-up relies on, checked against the grammar itself (slow, exact)."""

from __future__ import annotations

from timeline.temporal.grammar import _DIGIT_ONLY, _LONG_NUMBER, _first_token, _triggers, first_words, grammar
from timeline.temporal.vocab import vocab


def test_first_words_are_exactly_the_words_each_branch_can_begin_with():
    """first_words() is declared by hand for a fast start; partial matching derives the same table."""
    import regex

    d = vocab().data
    g = grammar()
    declared = first_words(d)
    words = {_first_token(t) for t in _triggers(d)}
    for name, compiled in g.branches.items():
        if name in _DIGIT_ONLY:
            continue
        partial = regex.compile(compiled.pattern)
        # a trigger is a whole word: it is followed by a space (or the end) wherever a branch reads on
        can = {w for w in words if any(partial.match(f + " ", partial=True) or partial.fullmatch(f)
                                       for f in (w, w.capitalize(), w.upper()))}
        assert can <= declared[name], (name, sorted(can - declared[name]))


def test_every_trigger_begins_some_branch():
    g = grammar()
    assert g.triggers and all(g.word_branches[t] for t in g.triggers)


def test_the_digit_gate_lets_through_every_number_an_expression_can_begin_with():
    g = grammar()
    samples = ["18 September", "18-22 Oktober", "18/9/2023", "2023-09-18", "13.00 WIB", "09.00-09.40", "3 hari lalu",
               "2 jam", "1,5 jam", "1,92 hari", "3 kali", "80-an", "1990an", "2018", "1845", "3 nanti",
               "17 lalu", "18 hingga 22 Oktober", "10-30 detik", "5 mnt", "3thn", "2 bln"]
    for text in samples:
        assert g.digit_gate.match(text.lower()), text
    for text in ["100 orang", "2,5 persen", "12 ekor", "7 kursi"]:
        assert not g.digit_gate.match(text), text


def test_the_fold_table_lists_every_character_a_case_insensitive_ascii_letter_matches():
    import re
    import sys
    import string

    from timeline.lang import FOLDS_TO_ASCII

    every = "".join(chr(i) for i in range(128, sys.maxunicode + 1) if not 0xD800 <= i <= 0xDFFF)
    for letter in string.ascii_lowercase:
        assert "".join(re.findall(f"(?i:{letter})", every)) == FOLDS_TO_ASCII.get(letter, ""), letter


def test_a_case_insensitive_alternation_matches_what_the_plain_trie_matches():
    import re

    from timeline.temporal.grammar import _trie, alternation

    words = ["senin", "Sabtu", "kamis", "jam", "sejam", "ini", "hari ini", "2,5"]
    split = re.compile(alternation(words, flags="i") + r"\Z")
    plain = re.compile(f"(?i:{_trie(set(words), any_space=True)})" + r"\Z")
    for text in ["SENIN", "ſabtu", "\u212aamis", "İni", "ını", "hari  ini", "Jam", "2,5", "senen", "sejam", "SeJaM"]:
        assert bool(split.match(text)) == bool(plain.match(text)), text


def test_only_the_long_number_branches_can_begin_with_four_digits():
    """At four digits or more recognize() tries only the long-number scanner: no other digit branch may
    read the run (partial matching: whatever character follows the digits, no text after it makes a match)."""
    import regex

    g = grammar()
    others = [(name, regex.compile(p.pattern)) for name, p in g.digit_branches.items() if name not in _LONG_NUMBER]
    assert len(others) == len(g.digit_branches) - len(_LONG_NUMBER)
    for n in list(range(0, 10000, 37)) + [1800, 1899, 1945, 1990, 2000, 2017, 2023, 2100, 2199]:
        for after in " -–.,/:)ahT5\n":
            digits = f"{n:04d}{after}"
            for name, partial in others:
                assert not partial.match(digits, partial=True), (name, digits)
    names = [name for name, _ in g.long_number_branches]
    assert set(names) == _LONG_NUMBER and names == [name for name in g.digit_branches if name in _LONG_NUMBER]
