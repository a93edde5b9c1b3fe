"""Inputs the fuzzers (benchmarks/fuzz/) and the property tests found; each must now be read at once.

A hang is the failure here, so each input runs under a generous alarm (seconds where it once took
minutes) rather than against a timing target.
"""

from __future__ import annotations

import base64
import signal
from contextlib import contextmanager

import pytest

from timeline.ingest import parse_article

HANG_SECONDS = 20


@contextmanager
def no_hang(seconds: int = HANG_SECONDS):
    def alarm(signum, frame):
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


READER_INPUTS = [
    # The dateline regex cut a run of capitals into "units" in exponentially many ways: 125 bytes, 68 s.
    ("capitals-markdown", "x.md", b"W" * 125),
    ("capitals-long", "x.txt", b"W" * 5000),
    ("capitals-after-a-dot", "x.markdown", b"G" + b"E" * 115),
    ("fuzzer-unit-88afb638", "x.txt", base64.b64decode(
        "KS5rbiANDQ0NLg0NMg0w0zIwxtAywjPCwin/CkRERERERERERERERERERERERERERERERERERERERERERERERERERERERERERERERERERE"
        "RERERERERERERERERERERERERERERERERERERERERERERERERERERERERERERERERERERERERERERERERERERERERERERECmU=")),
    # A UTF-16 byte-order mark alone decoded to no text at all and the CSV reader asked for a header.
    ("bom-only-csv", "x.csv", b"\xfe\xff"),
]


@pytest.mark.skipif(not hasattr(signal, "SIGALRM"), reason="needs SIGALRM")
@pytest.mark.parametrize("name,path,data", READER_INPUTS, ids=[r[0] for r in READER_INPUTS])
def test_reader_regressions(name, path, data):
    with no_hang():
        articles, problems = parse_article(path, data)
    assert articles or problems
