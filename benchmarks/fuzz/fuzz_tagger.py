"""Coverage-guided fuzzing of the temporal tagger (atheris): any text, any reference date.

    python benchmarks/fuzz/fuzz_tagger.py -max_total_time=1800 benchmarks/fuzz/corpus/tagger

A crash is an exception or a broken contract (span outside the text, overlapping or unsorted spans,
start > end, TimeML that is not well-formed XML). Crashes become regression tests in tests/test_fuzz_regressions.py.
"""

from __future__ import annotations

import sys
import xml.dom.minidom
from datetime import date

import atheris

with atheris.instrument_imports(include=["timeline"]):
    from timeline.render.timeml import to_timeml
    from timeline.temporal import find_dates


def check_text(text: str, reference: date | None) -> None:
    """The tagger's contract on one input (shared with the regression tests)."""
    found = find_dates(text, reference)
    for e in found:
        assert 0 <= e.start < e.end <= len(text) and text[e.start : e.end] == e.text, e
        assert e.value is None or e.value.start <= e.value.end, e
    assert all(a.end <= b.start for a, b in zip(found, found[1:])), found
    xml.dom.minidom.parseString(to_timeml(text, found, reference).encode("utf-8"))


def one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    reference = None
    if fdp.ConsumeBool():
        reference = date.fromordinal(fdp.ConsumeIntInRange(date(1990, 1, 1).toordinal(), date(2040, 12, 31).toordinal()))
    check_text(fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes()), reference)


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
