"""The warm path: unchanged files are not read again, an edit re-checks only the officials it touches,
and any change to an input of an official's checks (its claims, identity, rule options, enabled rules,
the roster) gives a report equal, byte for byte, to a cold run's."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

import timeline.checks.runner as runner
import timeline.engine.local as local
import timeline.ingest as ingest
from timeline.api import check
from timeline.archive.identity import Identity
from timeline.checks.catalog import load_catalog
from timeline.engine.cache import RowIndex, extraction_key, open_store
from timeline.engine.results import official_keys
from timeline.model import Official
from timeline.render import render
from timeline.settings import Settings

EDIT = "\nPemerintah daerah akan terus memantau perkembangan di lapangan.\n"


class Calls:
    """Counts what a run reads, extracts and checks (the stages wrapped in place)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.read: list[str] = []
        self.mapped: list[str] = []
        self.checked: list[str] = []
        read, mapped, checked = ingest.read_file, local.map_file, runner.official_result

        def read_file(path):
            self.read.append(path)
            return read(path)

        def map_file(path, data, *context):
            self.mapped.append(path)
            return mapped(path, data, *context)

        def official_result(oid, *args):
            self.checked.append(oid)
            return checked(oid, *args)

        monkeypatch.setattr(ingest, "read_file", read_file)
        monkeypatch.setattr(local, "map_file", map_file)
        monkeypatch.setattr(runner, "official_result", official_result)

    def clear(self) -> None:
        self.read.clear()
        self.mapped.clear()
        self.checked.clear()


@pytest.fixture
def calls(monkeypatch) -> Calls:
    # Files copied a moment ago are "racy" (changed within the stat clock's resolution of being seen);
    # the tests trust them at once so that what a warm run skips is visible.
    monkeypatch.setattr("timeline.engine.cache.RACY_NS", 0)
    return Calls(monkeypatch)


def report_text(archive: Path, settings: Settings | None = None, **kw) -> str:
    report = check([str(archive)], settings or Settings(), jobs=1, **kw)
    return render(report, "json", "en", load_catalog())


def index_of(path: Path) -> RowIndex:
    from timeline.engine.plan import map_file

    return map_file(str(path), path.read_bytes()).index()


def test_an_unchanged_archive_is_not_read_parsed_or_checked_again(archive_copy, tmp_path, calls):
    cold = report_text(archive_copy, cache_dir=tmp_path / "cache")
    assert len(calls.read) == len(calls.mapped) == 150 and calls.checked
    calls.clear()
    warm = report_text(archive_copy, cache_dir=tmp_path / "cache")
    assert warm == cold
    assert (calls.read, calls.mapped, calls.checked) == ([], [], [])


def test_one_edited_article_rechecks_only_its_officials(archive_copy, tmp_path, calls):
    report_text(archive_copy, cache_dir=tmp_path / "cache")
    edited = sorted(archive_copy.rglob("*.txt"))[40]
    before = index_of(edited).officials
    edited.write_text(edited.read_text(encoding="utf-8").replace("Senin", "Selasa", 1) + EDIT, encoding="utf-8")
    after = index_of(edited).officials
    calls.clear()
    warm = report_text(archive_copy, cache_dir=tmp_path / "cache")
    assert calls.read == calls.mapped == [str(edited)]
    assert set(calls.checked) == before | after and len(calls.checked) == len(set(calls.checked))
    assert warm == report_text(archive_copy, use_cache=False)


def test_a_deleted_article_leaves_the_report_and_its_results_are_pruned(archive_copy, tmp_path, calls):
    cache = tmp_path / "cache"
    report_text(archive_copy, cache_dir=cache)
    rows = sqlite3.connect(cache / "officials.sqlite").execute("SELECT count(*) FROM results").fetchone()[0]
    gone = sorted(archive_copy.rglob("*.txt"))[7]
    officials = index_of(gone).officials
    gone.unlink()
    calls.clear()
    warm = report_text(archive_copy, cache_dir=cache)
    assert calls.read == [] and set(calls.checked) <= officials
    assert warm == report_text(archive_copy, use_cache=False)
    after = sqlite3.connect(cache / "officials.sqlite").execute("SELECT count(*) FROM results").fetchone()[0]
    assert after <= rows  # the rows of the old keys went


_LOADED_HERE: list[int] = []
_IMPORT_CHECK_CODE = None


def _import_check_code_spied() -> None:
    _LOADED_HERE.append(os.getpid())  # a worker appends to its own copy of the list
    _IMPORT_CHECK_CODE()


def test_the_checks_code_is_loaded_where_the_checks_will_run(archive_copy, tmp_path, monkeypatch):
    """A run that extracts many files has the workers load the checks' code after their files, not this
    process (it would take a core from them); a run after one edit loads it here, where it checks."""
    global _IMPORT_CHECK_CODE
    import timeline.engine.official_pool as official_pool

    _IMPORT_CHECK_CODE = official_pool.import_check_code
    monkeypatch.setattr(official_pool, "import_check_code", _import_check_code_spied)
    monkeypatch.setattr(local, "CHECK_CODE_AHEAD_MIN_FILES", 100)
    monkeypatch.setattr("timeline.engine.files.BACKGROUND_MIN_ROWS", 100)  # the edited file to a worker
    monkeypatch.setattr("timeline.engine.cache.RACY_NS", 0)
    queued = []
    queue = local.Extractor.queue_check_code
    monkeypatch.setattr(local.Extractor, "queue_check_code",
                        lambda self: (queued.append(self.check_code_queued), queue(self))[1])
    _LOADED_HERE.clear()
    cache = tmp_path / "cache"
    cold = check([str(archive_copy)], Settings(), jobs=2, cache_dir=cache)
    assert queued[:1] == [False] and all(queued[1:])  # queued once, behind the files
    assert os.getpid() not in _LOADED_HERE
    edited = sorted(archive_copy.rglob("*.txt"))[40]
    edited.write_text(edited.read_text(encoding="utf-8") + EDIT, encoding="utf-8")
    queued.clear()
    warm = check([str(archive_copy)], Settings(), jobs=2, cache_dir=cache)
    assert queued == [] and _LOADED_HERE == [os.getpid()]
    assert cold.findings and len(warm.findings) == len(cold.findings)


def test_the_collector_stays_paused_while_the_workers_check_and_collects_once(archive_copy, tmp_path, monkeypatch):
    """From the listing to the end of the checks this process runs no collection of its own accord (one
    would walk every row as the groups are sent); it collects once, while the workers check."""
    import gc

    import timeline.engine.official_pool as official_pool

    seen: list[bool] = []  # for each collection in this process during the checks: the collector on?
    checking = []
    me = os.getpid()

    def watch(phase, info):
        if phase == "start" and checking and os.getpid() == me:
            seen.append(gc.isenabled())

    check_officials = official_pool.check_officials

    def spied(*args, **kwargs):
        checking.append(True)
        try:
            return check_officials(*args, **kwargs)
        finally:
            checking.clear()

    monkeypatch.setattr(official_pool, "check_officials", spied)
    monkeypatch.setattr(official_pool, "POOL_MIN_OFFICIALS", 2)
    was = gc.isenabled()
    gc.enable()
    gc.callbacks.append(watch)
    try:
        report = check([str(archive_copy)], Settings(), jobs=2, cache_dir=tmp_path / "cache")
    finally:
        gc.callbacks.remove(watch)
        gc.enable() if was else gc.disable()
    assert report.findings
    assert seen == [False]  # only the collection asked for, with the collector off


CHANGES = {
    "a rule option": Settings(options={"TL102": {"max_trip_days": 3}}),
    "max_trip_days for every rule": Settings(max_trip_days=5),
    "a rule switched off": Settings(ignore=frozenset({"TL101"})),
    "only some rules": Settings(select=frozenset({"TL101", "TL104"})),
}


@pytest.mark.parametrize("changed", list(CHANGES), ids=list(CHANGES))
def test_a_change_in_the_rules_rechecks_and_equals_a_cold_run(archive_copy, tmp_path, calls, changed):
    cache = tmp_path / "cache"
    default = report_text(archive_copy, cache_dir=cache)
    calls.clear()
    warm = report_text(archive_copy, CHANGES[changed], cache_dir=cache)
    assert calls.checked and calls.read == []
    assert warm == report_text(archive_copy, CHANGES[changed], use_cache=False)
    assert report_text(archive_copy, cache_dir=cache) == default  # and back


def test_a_roster_change_equals_a_cold_run(archive_copy, tmp_path, calls):
    roster = tmp_path / "officials.yaml"
    names = sorted({p.stem.split("-", 1)[1] for p in archive_copy.rglob("*.txt")})
    first = names[0].replace("-", " ").title()
    roster.write_text(f"- name: {first}\n", encoding="utf-8")
    cache = tmp_path / "cache"
    report_text(archive_copy, Settings(roster=roster), cache_dir=cache)
    roster.write_text(f"- name: {first}\n  aliases: [{first.split()[-1]}]\n  roles:\n    - title: Bupati\n"
                      f"      region: Contoh\n", encoding="utf-8")
    warm = report_text(archive_copy, Settings(roster=roster), cache_dir=cache)
    assert warm == report_text(archive_copy, Settings(roster=roster), use_cache=False)


def identity(*officials: Official, aliases: dict | None = None) -> Identity:
    return Identity(tuple(officials), aliases or {})


BASRI = Official("basri-rase", "Basri Rase")
USMAN = Official("usman", "Usman")
ANDI = Official("andi-harun", "Andi Harun")
ROWS = [
    ("berita/1.txt", "berita/1.txt\0aaa", RowIndex(1, frozenset({"basri-rase", "usman"}))),
    ("berita/2.txt", "berita/2.txt\0bbb", RowIndex(1, frozenset({"basri"}))),
    ("berita/3.txt", "berita/3.txt\0ccc", RowIndex(1, frozenset({"andi-harun"}))),
]


def test_official_keys_change_with_every_input_of_an_officials_checks():
    base = official_keys(ROWS, identity(BASRI, USMAN, ANDI, aliases={"basri": "basri-rase"}), "salt")
    assert set(base) == {"basri-rase", "usman", "andi-harun"}
    edited = [ROWS[0], (ROWS[1][0], "berita/2.txt\0bbX", ROWS[1][2]), ROWS[2]]
    after = official_keys(edited, identity(BASRI, USMAN, ANDI, aliases={"basri": "basri-rase"}), "salt")
    assert after["basri-rase"] != base["basri-rase"]  # a file that names the official through an alias
    assert after["usman"] == base["usman"] and after["andi-harun"] == base["andi-harun"]
    unmerged = official_keys(ROWS, identity(BASRI, USMAN, ANDI, Official("basri", "Basri")), "salt")
    assert unmerged["basri-rase"] != base["basri-rase"]  # identity no longer merges "basri" into Basri Rase
    renamed = official_keys(ROWS, identity(BASRI, Official("usman", "Usman Sulaiman"), ANDI,
                                           aliases={"basri": "basri-rase"}), "salt")
    assert renamed["basri-rase"] != base["basri-rase"]  # a companion's canonical name shows in findings
    assert renamed["andi-harun"] == base["andi-harun"]
    roles = official_keys(ROWS, identity(BASRI, USMAN, Official("andi-harun", "Andi Harun", aliases=("Andi",)),
                                         aliases={"basri": "basri-rase"}), "salt")
    assert roles["andi-harun"] != base["andi-harun"] and roles["usman"] == base["usman"]
    moved = [(p.replace("berita", "arsip"), k, i) for p, k, i in ROWS]
    assert official_keys(moved, identity(BASRI, USMAN, ANDI, aliases={"basri": "basri-rase"}), "salt") != base
    salted = official_keys(ROWS, identity(BASRI, USMAN, ANDI, aliases={"basri": "basri-rase"}), "other plan")
    assert all(salted[o] != base[o] for o in base)


def test_the_stat_index_trusts_only_unchanged_settled_files(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text("Basri Rase bertolak ke Korea Selatan.", encoding="utf-8")
    old = 1_600_000_000
    os.utime(path, (old, old))
    with open_store(tmp_path / "cache", extraction_key(None)) as store:
        key = store.key(str(path), path.read_bytes())
        st = os.stat(path)
        store.record_stats([(str(path), st, key)], seen_ns=st.st_ctime_ns + 10_000_000_000)
        assert store.known_keys({str(path): st}) == {str(path): key}
        store.record_stats([(str(path), st, key)], seen_ns=st.st_ctime_ns + 1_000_000_000)
        assert store.known_keys({str(path): st}) == {}  # seen within the racy window: read it again
        store.record_stats([(str(path), st, key)], seen_ns=st.st_ctime_ns + 10_000_000_000)
        path.write_text("Basri Rase bertolak ke Korea Utara!", encoding="utf-8")  # same size
        os.utime(path, (old, old))  # and the same mtime: the change time still tells
        assert store.known_keys({str(path): os.stat(path)}) == {}


def test_recorded_stats_are_forgotten_when_the_key_function_changes(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text("isi", encoding="utf-8")
    st = os.stat(path)
    with open_store(tmp_path / "cache", extraction_key(None)) as store:
        store.record_stats([(str(path), st, "old-key")], seen_ns=st.st_ctime_ns + 10_000_000_000)
    monkeypatch.setattr("timeline.engine.cache.Store.key", lambda self, p, d: f"v2:{p}")
    with open_store(tmp_path / "cache", extraction_key(None)) as store:
        assert store.known_keys({str(path): st}) == {}


def cli_run(archive: Path, fmt: str = "json", **kw):
    """`timeline check --format FMT` as the command runs it (cached events stay encoded)."""
    from timeline.api import CheckOptions, run_check

    return run_check(CheckOptions(paths=[str(archive)], fmt=fmt, lang="en", jobs=1, **kw))


def cli_report(archive: Path, fmt: str = "json", **kw) -> str:
    return cli_run(archive, fmt, **kw).text


def damage(cache: Path, column: str) -> None:
    """Spoil one column of the first result row that lists events."""
    conn = sqlite3.connect(cache / "officials.sqlite")
    key = conn.execute("SELECT key FROM results WHERE count > 0 ORDER BY key").fetchone()[0]
    value = "count + 1" if column == "count" else "x'00'"
    conn.execute(f"UPDATE results SET {column} = {value} WHERE key = ?", (key,))
    conn.commit()
    conn.close()


@pytest.mark.parametrize("column", ["drafts", "events", "count", "listing"])
def test_a_damaged_result_row_is_rechecked_with_one_warning(archive_copy, tmp_path, calls, column):
    cache = tmp_path / "cache"
    cold = report_text(archive_copy, cache_dir=cache)
    damage(cache, column)
    calls.clear()
    report = check([str(archive_copy)], Settings(), jobs=1, cache_dir=cache)
    assert render(report, "json", "en", load_catalog()) == cold
    assert len(calls.checked) == 1


@pytest.mark.parametrize("column", ["drafts", "listing"])
def test_a_damaged_row_is_rechecked_when_the_events_stay_encoded(archive_copy, tmp_path, calls, column):
    cache = tmp_path / "cache"
    cold = cli_report(archive_copy, cache_dir=cache)
    damage(cache, column)
    calls.clear()
    warm = cli_run(archive_copy, cache_dir=cache)
    assert warm.text == cold
    assert len(calls.checked) == 1 and len(warm.notes) == 1 and "officials.sqlite" in warm.notes[0]


@pytest.mark.parametrize("fmt", ["json", "sarif", "text"])
def test_a_warm_report_decodes_no_cached_event(archive_copy, tmp_path, calls, monkeypatch, fmt):
    import timeline.engine.results as results

    cache = tmp_path / "cache"
    cold = cli_report(archive_copy, fmt, use_cache=False)
    assert cli_report(archive_copy, fmt, cache_dir=cache) == cold
    edited = sorted(archive_copy.rglob("*.txt"))[40]
    edited.write_text(edited.read_text(encoding="utf-8").replace("Senin", "Selasa", 1) + EDIT, encoding="utf-8")
    decoded = []
    claims = results._claims
    monkeypatch.setattr(results, "_claims", lambda *a: decoded.append(1) or claims(*a))
    calls.clear()
    warm = cli_report(archive_copy, fmt, cache_dir=cache)
    assert calls.checked and decoded == []
    assert warm == cli_report(archive_copy, fmt, use_cache=False)


def test_stored_events_decode_when_read(tmp_path):
    from timeline.engine.plan import OfficialResult
    from timeline.engine.results import StoredEvents, open_results
    from timeline.model import EventClaim, Location, Participant, Sentence

    claim = EventClaim("a.txt#e0", "a.txt", "departure", "bertolak", 10, 18, (Participant("basri-rase", "agent"),),
                       None, None, "reported", Sentence(0, 40, "Basri Rase bertolak ke Korea Selatan."),
                       Location("a.txt", 1, 11))
    store = open_results(tmp_path)
    store.put_many([("k", OfficialResult((), (claim,)))], "arsip", "code")
    lazy = store.get_many(["k"], lazy_events=True)["k"].events
    eager = store.get_many(["k"])["k"].events
    store.close()
    assert isinstance(lazy, StoredEvents) and len(lazy) == 1 and lazy._claims is None
    assert list(lazy) == list(eager) == [claim] and lazy[0] == claim
    assert '"id": "a.txt#e0"' in lazy.json_listing


def test_result_rows_of_other_code_and_unused_keys_of_the_scope_are_pruned(tmp_path):
    from timeline.engine.plan import OfficialResult
    from timeline.engine.results import open_results

    empty = OfficialResult((), ())
    store = open_results(tmp_path)
    store.put_many([("k-old-code", empty)], "arsip", "code-1")
    store.put_many([("k-live", empty), ("k-unused", empty)], "arsip", "code-2")
    store.put_many([("k-other-archive", empty)], "arsip-lain", "code-2")
    assert store.prune(["k-live"], "arsip", "code-2") == 2
    assert set(store.get_many(["k-old-code", "k-live", "k-unused", "k-other-archive"])) == {"k-live", "k-other-archive"}
    store.close()


def test_identity_is_rebuilt_only_when_some_files_officials_change(archive_copy, tmp_path, calls, monkeypatch):
    import timeline.archive.identity as identity_module

    built = []
    identify = identity_module.identify
    monkeypatch.setattr(identity_module, "identify", lambda *a, **k: built.append(1) or identify(*a, **k))
    cache = tmp_path / "cache"
    report_text(archive_copy, cache_dir=cache)
    assert built == [1]
    edited = sorted(archive_copy.rglob("*.txt"))[12]
    edited.write_text(edited.read_text(encoding="utf-8") + EDIT, encoding="utf-8")
    report_text(archive_copy, cache_dir=cache)
    assert built == [1]  # the edit left every file's officials as they were
    edited.write_text(edited.read_text(encoding="utf-8")
                      + "\nBupati Kutai Barat Sahril Pangaribuan turut hadir dalam acara itu.\n", encoding="utf-8")
    warm = report_text(archive_copy, cache_dir=cache)
    assert built == [1, 1]
    assert "sahril-pangaribuan" in warm
    assert warm == report_text(archive_copy, use_cache=False)
