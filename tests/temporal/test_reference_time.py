"""The reference a text resolves against: `--ref` as a date or a time with zone, a publication clock in
the metadata, and `timeline dates --format text` showing what each expression was anchored to."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from timeline.ingest.published import parse_metadata_clock, reference_time
from timeline.model import ClockTime

ROOT = Path(__file__).resolve().parents[2]

CLOCKS = [
    ("2023-09-12 10:30", ClockTime("10:30")),
    ("2023-09-12T10:30:15+08:00", ClockTime("10:30:15", "WITA")),
    ("Selasa, 12 Sep 2023 10:30 WIB", ClockTime("10:30", "WIB")),
    ("12/09/2023 21.05 WIT", ClockTime("21:05", "WIT")),
    ("2023-09-12", None),
    ("Selasa, 12 September 2023", None),
]


@pytest.mark.parametrize("value,clock", CLOCKS, ids=[c[0] for c in CLOCKS])
def test_metadata_clock(value, clock):
    assert parse_metadata_clock(value) == clock


def test_reference_time_is_the_day_with_its_clock_and_zone():
    when = reference_time(date(2023, 9, 12), ClockTime("10:30", "WITA"))
    assert (when.hour, when.minute, when.utcoffset().total_seconds()) == (10, 30, 8 * 3600)
    assert reference_time(date(2023, 9, 12), None) == date(2023, 9, 12)


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "timeline", *args], cwd=ROOT, capture_output=True, text=True,
                          input=stdin, env=env, timeout=120)


def test_ref_accepts_a_time_with_zone():
    proc = run("dates", "-", "--ref", "2023-09-12T10:30+08:00", "--lang", "en",
               stdin="Korban dievakuasi 2 jam yang lalu.")
    assert proc.returncode == 0, proc.stderr
    assert "08:30 WITA" in proc.stdout and "2023-09-12" in proc.stdout


@pytest.mark.parametrize("bad", ["12-09-2023", "2023-09-12 10:30", "2023-09-12T25:00"])
def test_a_bad_ref_is_one_line_and_exit_2(bad):
    proc = run("dates", "-", "--ref", bad, stdin="Rapat besok.")
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1 and "--ref" in proc.stderr


def test_metadata_clock_gives_the_reference_time(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: Banjir\ndate: Selasa, 12 Sep 2023 10:30 WIB\n---\nKorban dievakuasi 2 jam "
                    "yang lalu.\n", encoding="utf-8")
    proc = run("dates", str(path), "--lang", "en")
    assert "08:30 WIB" in proc.stdout and "10:30:00+07:00" in proc.stdout.splitlines()[0]


def test_text_listing_shows_what_each_expression_was_anchored_to():
    text = "Kebakaran terjadi Sabtu (14/10/2023) dini hari. Petugas tiba pukul 03.40 WITA."
    proc = run("dates", "-", "--ref", "2023-10-16", stdin=text)
    line = next(x for x in proc.stdout.splitlines() if "03.40" in x)
    assert "anchor=narrative 18-46 'Sabtu (14/10/2023) dini hari'" in line and "2023-10-14" in line
