"""The pipeline's drivers: cache, hook focus and parallel extraction give the same findings."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from timeline.settings import Settings
from timeline.api import check
from timeline.engine.local import extract_many, load_archive

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"


@pytest.fixture
def archive(tmp_path):
    root = tmp_path / "arsip"
    shutil.copytree(SEEDS, root, ignore=shutil.ignore_patterns(".*"))
    return root


def summary(report):
    return sorted((f.code, f.id, tuple((e.path, e.line, e.column) for e in f.evidence)) for f in report.findings)


@pytest.mark.parametrize("changed", ["002_35e5a8a89ffa5190.txt", "003_e38a64104eae3b0d.txt", "004_45dc6ab4807d3b16.txt"])
def test_hook_focus_reports_exactly_the_full_runs_findings_on_the_changed_file(archive, tmp_path, changed):
    cache = tmp_path / "cache"
    full = check([str(archive)], Settings(), jobs=1, cache_dir=cache)
    path = str(archive / changed)
    expected = [f for f in summary(full) if any(p == path for p, _, _ in f[2])]
    # warm: the focused run reads the cache index and loads only rows sharing an official
    hook = check([str(archive)], Settings(), jobs=1, cache_dir=cache, changed=[path])
    assert summary(hook) == expected
    assert hook.articles == full.articles == 5


def test_hook_focus_after_an_edit_sees_the_new_text(archive, tmp_path):
    cache = tmp_path / "cache"
    check([str(archive)], Settings(), jobs=1, cache_dir=cache)
    target = archive / "003_e38a64104eae3b0d.txt"
    target.write_text(target.read_text(encoding="utf-8").replace("Selasa (15/1/2025)", "Rabu (15/1/2025)"),
                      encoding="utf-8")
    hook = check([str(archive)], Settings(), jobs=1, cache_dir=cache, changed=[str(target)])
    assert [f.code for f in hook.findings] == []


def test_warm_cache_gives_the_cold_result(archive, tmp_path):
    cold = check([str(archive)], Settings(), jobs=1, cache_dir=tmp_path / "c")
    warm = check([str(archive)], Settings(), jobs=1, cache_dir=tmp_path / "c")
    nocache = check([str(archive)], Settings(), jobs=1, use_cache=False)
    assert summary(cold) == summary(warm) == summary(nocache)
    assert len(cold.findings) == 3


def test_parallel_extraction_equals_serial(archive):
    items = [(str(p), p.read_bytes()) for p in sorted(archive.iterdir())] * 20  # enough to use the pool
    assert extract_many(items, jobs=2) == extract_many(items, jobs=1)


def test_cache_rows_carry_an_index_of_officials(archive, tmp_path):
    from timeline.engine.cache import extraction_key, open_store

    load_archive([str(archive)], cache_dir=tmp_path / "c", jobs=1)
    path = str(archive / "002_35e5a8a89ffa5190.txt")
    with open_store(tmp_path / "c", extraction_key(None)) as store:
        key = store.key(path, Path(path).read_bytes())
        index = store.index([key])[key]
    assert index.articles == 1
    assert {"basri-rase", "usman", "amiruddin", "soni-suwito", "heru-triatmojo"} <= index.officials


ZONE_A = """Bupati Bulungan Bertolak ke Malaysia

Kaltaraprov.go.id, Tanjung Selor - Bupati Bulungan Syarwani dijadwalkan bertolak ke Malaysia pada Senin (1/1/2024) pukul 23.30 WIB untuk menghadiri forum perbatasan, Jumat (29/12/2023).
"""
ZONE_B = """Syarwani Hadiri Forum Perbatasan di Malaysia

Benuanta.co.id, Tanjung Selor - Bupati Bulungan Syarwani dijadwalkan bertolak ke Malaysia pada Selasa (2/1/2024) pukul {clock} WITA untuk menghadiri forum perbatasan, Sabtu (30/12/2023).
"""


@pytest.mark.parametrize("clock,conflicts", [("00.30", 0), ("09.00", 1)])
def test_one_moment_written_in_two_zones_is_not_a_date_conflict(tmp_path, clock, conflicts):
    (tmp_path / "a.txt").write_text(ZONE_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ZONE_B.format(clock=clock), encoding="utf-8")
    report = check([str(tmp_path)], Settings(), jobs=1, use_cache=False)
    assert [f.code for f in report.findings if f.code == "TL101"] == ["TL101"] * conflicts


FORUM_LATE = """Wali Kota Balikpapan ke Jerman

Tribunkaltim.co, Balikpapan - Wali Kota Balikpapan Rudi Hartanto menyampaikan rencana kunjungan kerjanya, Selasa (3/10/2023). Rudi dijadwalkan berangkat ke Jerman pada Senin (9/10/2023). Di sana ia akan menghadiri Forum Kota Hijau Eropa yang berlangsung pada 27-28 Oktober 2023.
"""


@pytest.mark.parametrize("max_trip_days,fires", [(None, 1), (14, 1), (30, 0)])
def test_max_trip_days_from_the_settings_bounds_the_trip(tmp_path, max_trip_days, fires):
    """A forum 18 days after a departure with no return: outside a 14-day trip, inside a 30-day one."""
    (tmp_path / "jerman.txt").write_text(FORUM_LATE, encoding="utf-8")
    report = check([str(tmp_path)], Settings(max_trip_days=max_trip_days), jobs=1, use_cache=False)
    assert [f.code for f in report.findings if f.code == "TL102"] == ["TL102"] * fires


@pytest.mark.parametrize(
    "cache_state, jobs, started",
    [
        ("empty", 2, True),  # a first run extracts every file: the workers load the grammar meanwhile
        ("none", 2, True),  # --no-cache: the same
        ("filled", 2, False),  # a warm run may extract nothing: no process is started for nothing
        ("empty", 1, False),  # one job: no pool at all
    ],
)
def test_workers_start_before_the_files_are_read_only_when_every_file_will_be_extracted(
        generated, tmp_path, monkeypatch, cache_state, jobs, started):
    from timeline.engine.local import Extractor

    cache = tmp_path / "cache"
    if cache_state == "filled":
        check([str(generated)], Settings(), jobs=1, cache_dir=cache)
    calls = []
    original = Extractor.start
    monkeypatch.setattr(Extractor, "start", lambda self: (original(self), calls.append(self.pool is not None)))
    report = check([str(generated)], Settings(), jobs=jobs, cache_dir=cache, use_cache=cache_state != "none")
    assert any(calls) is started
    assert summary(report) == summary(check([str(generated)], Settings(), jobs=1, use_cache=False))
