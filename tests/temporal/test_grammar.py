"""The grammar's tables that start-up relies on, checked against the grammar itself (slow, exact)."""

from __future__ import annotations

from timeline.temporal.grammar import _DIGIT_ONLY, _first_token, _triggers, first_words, grammar
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
