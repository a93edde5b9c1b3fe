"""The SQLite extraction store: keys, hits, invalidation, pruning, damaged or foreign files, concurrency,
read-only dirs."""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import pickle
import pickletools
import sqlite3
import zlib
from datetime import date
from pathlib import Path

import pytest

import timeline
from timeline.engine import codec
from timeline.engine import sqlite as sqlite_mod
from timeline.engine.cache import NullStore, RowIndex, default_cache_dir, extraction_key, open_store
from timeline.model import (
    Article,
    ArticleClaims,
    EventClaim,
    Interval,
    Location,
    Mention,
    Official,
    Participant,
    Place,
    Role,
    Sentence,
    TimeExpression,
    WeekdayCheck,
)

BODY = (
    "SuaraKaltim.id - Wali Kota Bontang Basri Rase dijadwalkan bertolak ke Korea Selatan pada "
    "Selasa (19/09/2023) mendatang.\nTujuan perjalanan dinas kali ini ialah Incheon, Korea Selatan."
)


def sample_claims(path: str = "berita/002.txt", day: int = 19) -> ArticleClaims:
    """A realistic extraction result for one article, built from the shared records."""
    article = Article(
        path=path,
        key=path,
        title="Basri Rase ke Korea Selatan",
        text=BODY,
        published=date(2023, 9, 12),
        published_source="reporting",
        outlet="SuaraKaltim.id",
        content_hash="abc",
    )
    start = BODY.index("Selasa")
    end = BODY.index(" mendatang")
    expression = TimeExpression(
        text=BODY[start:end],
        start=start,
        end=end,
        kind="date",
        value=Interval(date(2023, 9, day), date(2023, 9, day)),
        granularity="day",
        weekday=WeekdayCheck("Selasa", "Selasa", True),
        tense="future",
    )
    sentence = Sentence(0, BODY.index("\n"), BODY[: BODY.index("\n")])
    trigger = BODY.index("bertolak")
    official = Official("basri-rase", "Basri Rase", (Role("Wali Kota", "Bontang"),), ("Basri",), 1)
    event = EventClaim(
        id=f"{path}#e0",
        article_key=path,
        type="departure",
        trigger="bertolak",
        trigger_start=trigger,
        trigger_end=trigger + 8,
        participants=(Participant("basri-rase", "agent"),),
        place=Place("Korea Selatan", "KR", "Korea Selatan"),
        date=expression,
        modality="planned",
        sentence=sentence,
        location=article.location(trigger),
    )
    mention = Mention("basri-rase", 17, 43, "Wali Kota Bontang Basri Rase", "full")
    return ArticleClaims(article, (expression,), (official,), (mention,), (event,), (sentence,))


def open_cache(directory, config_key: str, **kw):
    return open_store(directory, config_key, **kw)


def rows(items: dict) -> list[tuple]:
    """(key, value, index) rows for put_many: the index names the value's officials."""
    return [(k, v, RowIndex(1, frozenset(o.id for o in v.officials))) for k, v in items.items()]


def key_of(path: str, raw: bytes) -> str:
    return NullStore.key(path, raw)


def texts(cache) -> list[str]:
    return [w.render("en") for w in cache.warnings]


def filled_cache(directory: Path, config_key: str = "cfg", n: int = 3, **kw) -> dict[str, ArticleClaims]:
    items = {key_of(f"berita/{i:03d}.txt", f"raw {i}".encode()): sample_claims(f"berita/{i:03d}.txt") for i in range(n)}
    cache = open_cache(directory, config_key, **kw)
    cache.put_many(rows(items))
    cache.close()
    return items


def test_roundtrip_keeps_claims_equal(tmp_path: Path) -> None:
    items = filled_cache(tmp_path)
    cache = open_cache(tmp_path, "cfg")
    got = cache.get_many(list(items))
    assert got == items
    assert got[next(iter(items))].events[0].location == Location("berita/000.txt", 1, 59, 1, 59)
    assert cache.warnings == []
    cache.close()


def test_hit_and_miss_are_counted(tmp_path: Path) -> None:
    items = filled_cache(tmp_path, n=2)
    missing = key_of("berita/000.txt", b"changed bytes")
    with open_cache(tmp_path, "cfg") as cache:
        got = cache.get_many([*items, missing])
        assert set(got) == set(items)
        assert (cache.hits, cache.misses) == (2, 1)


def test_changed_bytes_make_a_new_key() -> None:
    assert key_of("x.txt", b"a") != key_of("x.txt", b"b")
    assert key_of("x.txt", b"a") != key_of("y.txt", b"a")
    assert key_of("x.txt", b"a") == key_of("x.txt", b"a")


def test_config_key_change_invalidates(tmp_path: Path) -> None:
    roster_v1, roster_v2 = tmp_path / "v1.yaml", tmp_path / "v2.yaml"
    roster_v1.write_text("- name: Basri Rase\n", encoding="utf-8")
    roster_v2.write_text("- name: Basri Rase\n  aliases: [Basri]\n", encoding="utf-8")
    items = filled_cache(tmp_path, config_key=extraction_key(roster_v1))
    with open_cache(tmp_path, extraction_key(roster_v2)) as cache:
        assert cache.get_many(items) == {}
    with open_cache(tmp_path, extraction_key(roster_v1)) as cache:
        assert cache.get_many(items) == items


def test_extraction_key_ignores_dict_order() -> None:
    assert extraction_key(None, {"a": 1, "b": 2}) == extraction_key(None, {"b": 2, "a": 1})
    assert extraction_key(None, {"a": 1}) != extraction_key(None, {"a": 2})


def test_code_change_invalidates(tmp_path: Path) -> None:
    items = filled_cache(tmp_path, code="old-code")
    with open_cache(tmp_path, "cfg", code="new-code") as cache:
        assert cache.get_many(items) == {}


def test_tool_version_change_invalidates_with_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    items = filled_cache(tmp_path)
    monkeypatch.setattr(sqlite_mod, "__version__", "99.0.0")
    with open_cache(tmp_path, "cfg") as cache:
        assert cache.get_many(items) == {}
        assert len(cache.warnings) == 1
        assert f"timeline {timeline.__version__}" in texts(cache)[0]
        cache.put_many(rows(items))
    with open_cache(tmp_path, "cfg") as cache:
        assert cache.get_many(items) == items
        assert cache.warnings == []


@pytest.mark.parametrize(
    "content",
    [
        b"\x00\xffgarbage bytes that are not a database" * 200,
        b"SQLite format 3\x00" + b"\xde\xad\xbe\xef" * 1024,
        b"",
    ],
    ids=["garbage", "bad-header-pages", "empty"],
)
def test_corrupt_file_is_rebuilt_and_usable(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "extract.sqlite").write_bytes(content)
    cache = open_cache(tmp_path, "cfg")
    assert cache.enabled
    assert len(cache.warnings) == (1 if content else 0)
    assert all("\n" not in w for w in texts(cache))
    if content:  # set aside as it was, not deleted
        assert (tmp_path / "extract.sqlite.broken").read_bytes() == content
        assert "set aside as extract.sqlite.broken" in texts(cache)[0]
    items = {"k1": sample_claims()}
    cache.put_many(rows(items))
    cache.close()
    with open_cache(tmp_path, "cfg") as again:
        assert again.get_many(["k1"]) == items
        assert again.warnings == []


def test_foreign_sqlite_database_is_rebuilt(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "extract.sqlite")
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('catatan redaksi')")
    conn.commit()
    conn.close()
    cache = open_cache(tmp_path, "cfg")
    assert cache.enabled
    assert len(cache.warnings) == 1 and "not a timeline cache" in texts(cache)[0]
    cache.put_many(rows({"k": sample_claims()}))
    assert cache.get_many(["k"]) == {"k": sample_claims()}
    cache.close()
    kept = sqlite3.connect(tmp_path / "extract.sqlite.broken")
    assert kept.execute("SELECT body FROM notes").fetchall() == [("catatan redaksi",)]
    kept.close()


@pytest.mark.parametrize("keep", [0.5, 0.1, 0.02])
def test_truncated_database_is_set_aside_and_rebuilt(tmp_path: Path, keep: float) -> None:
    items = filled_cache(tmp_path, n=40)
    path = tmp_path / "extract.sqlite"
    conn = sqlite3.connect(path)  # checkpointed: the database file alone holds every row
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = path.read_bytes()
    path.write_bytes(data[: max(100, int(len(data) * keep))])
    with open_cache(tmp_path, "cfg") as cache:
        got = cache.get_many(items)
        # Either the damage is seen when the file is opened (set aside, empty new cache) or when a row
        # is read (that read is a miss); never an exception, at most one warning, never a wrong row.
        assert all(got[k] == items[k] for k in got)
        assert len(got) < len(items) and len(cache.warnings) == 1, texts(cache)
    with open_cache(tmp_path, "cfg") as cache:
        cache.put_many(rows(items))
        assert cache.get_many(items) == items


def test_other_schema_version_is_rebuilt(tmp_path: Path) -> None:
    filled_cache(tmp_path)
    conn = sqlite3.connect(tmp_path / "extract.sqlite")
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with open_cache(tmp_path, "cfg") as cache:
        assert cache.enabled and len(cache.warnings) == 1
        assert "schema 99" in texts(cache)[0]


@pytest.mark.parametrize(
    "blob",
    [
        b"not zlib at all",
        zlib.compress(b"not a pickle"),
        zlib.compress(pickle.dumps({"a": "dict, not ArticleClaims"}, protocol=5)),
        zlib.compress(pickle.dumps(os.system, protocol=5)),
        b"\x80\x05 a broken pickle",
        pickle.dumps({"a": "dict, not ArticleClaims"}, protocol=5),
        pickle.dumps(os.system, protocol=5),
        b"",
    ],
    ids=["not-zlib", "not-pickle", "wrong-type", "forbidden-global", "raw-not-pickle", "raw-wrong-type",
         "raw-forbidden-global", "empty"],
)
def test_unreadable_rows_are_misses_with_one_warning(tmp_path: Path, blob: bytes) -> None:
    items = filled_cache(tmp_path, n=2)
    bad_key, good_key = list(items)
    conn = sqlite3.connect(tmp_path / "extract.sqlite")
    conn.execute("UPDATE files SET blob = ? WHERE key = ?", (blob, bad_key))
    conn.commit()
    conn.close()
    with open_cache(tmp_path, "cfg") as cache:
        got = cache.get_many(items)
        assert got == {good_key: items[good_key]}
        assert len(cache.warnings) == 1 and "1 unreadable cache entries" in texts(cache)[0]
        cache.put_many(rows({bad_key: items[bad_key]}))
        assert cache.get_many([bad_key]) == {bad_key: items[bad_key]}


def test_prune_drops_rows_of_files_no_longer_there_and_of_old_code(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path.parent)  # run from the folder holding the cache: paths are shown as keyed
    items = filled_cache(tmp_path, n=3)
    filled_cache(tmp_path, config_key="other", n=1)
    old = filled_cache(tmp_path, n=1, code="old-code")
    keys = list(items)
    with open_cache(tmp_path, "cfg") as cache:
        # two edited/deleted files under berita/, and the row the old code wrote
        assert cache.prune(keys[:1], roots=["berita"]) == 3
        assert cache.get_many(keys) == {keys[0]: items[keys[0]]}
    with open_cache(tmp_path, "other") as cache:
        assert len(cache) == 1  # another configuration's rows stay: it may be used again
    with open_cache(tmp_path, "cfg", code="old-code") as cache:
        assert cache.get_many(old) == {}


def test_prune_leaves_rows_outside_the_checked_paths(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path.parent)
    items = filled_cache(tmp_path, n=2)
    with open_cache(tmp_path, "cfg") as cache:
        assert cache.prune([], roots=["lain"]) == 0  # a run over another folder sharing the cache
        assert cache.get_many(items) == items


def test_key_does_not_depend_on_the_directory_the_run_starts_in(tmp_path: Path, monkeypatch) -> None:
    archive = tmp_path / "arsip"
    (archive / "2023").mkdir(parents=True)
    data = b"Judul\nIsi berita.\n"
    keys = []
    for cwd, shown in ((tmp_path, "arsip/2023/a.txt"), (archive, "2023/a.txt"), (archive / "2023", "a.txt"),
                       (tmp_path, str(archive / "2023" / "a.txt")), (archive, "./2023/../2023/a.txt")):
        monkeypatch.chdir(cwd)
        with open_store(Path(os.path.relpath(archive / ".timeline-cache")), "cfg") as store:  # as found from cwd
            keys.append(store.key(shown, data))
    assert len(set(keys)) == 1 and keys[0].startswith("2023/a.txt\0")
    assert NullStore.key("a.txt", data) != NullStore.key("2023/a.txt", data)  # no cache: the path as shown


def test_keys_of_files_outside_the_folder_holding_the_cache_are_their_relative_paths(tmp_path: Path, monkeypatch) -> None:
    archive = tmp_path / "data" / "arsip"
    for folder in ("2023/01", "2023/02", "2024"):
        (archive / folder).mkdir(parents=True)
    cache = tmp_path / "caches" / "timeline" / "cache"  # keys are relative to tmp/caches/timeline
    data = b"Judul\nIsi berita.\n"
    monkeypatch.chdir(archive)
    with open_store(cache, "cfg") as store:
        for shown in ("2023/01/a.txt", "2023/01/b.txt", "2023/02/a.txt", "2024/c.txt", str(archive / "2024" / "d.txt"),
                      "../x.txt", str(tmp_path / "caches" / "timeline" / "e.txt"), str(tmp_path / "caches" / "timeline")):
            expected = os.path.relpath(archive / shown, tmp_path / "caches" / "timeline").replace(os.sep, "/")
            assert store.key(shown, data) == f"{expected}\0{store.key(shown, data).split(chr(0))[1]}", shown
    assert store.key("2023/01/a.txt", data).startswith("../../data/arsip/2023/01/a.txt\0")


def test_prune_from_inside_the_archive_keeps_the_rows_of_the_others(tmp_path: Path, monkeypatch) -> None:
    archive = tmp_path / "arsip"
    (archive / "a").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    with open_store(archive / ".timeline-cache", "cfg") as store:
        keys = [store.key(p, b"x") for p in ("arsip/a/1.txt", "arsip/a/2.txt", "arsip/b.txt")]
        store.put_many(rows({k: sample_claims() for k in keys}))
    monkeypatch.chdir(archive / "a")
    with open_store(archive / ".timeline-cache", "cfg") as store:
        assert store.prune([store.key("1.txt", b"x")], roots=["."]) == 1  # 2.txt went; b.txt is not under a/
        assert set(store.get_many(keys)) == {keys[0], keys[2]}


def test_index_is_read_without_loading_rows(tmp_path: Path) -> None:
    items = filled_cache(tmp_path, n=2)
    with open_cache(tmp_path, "cfg") as cache:
        index = cache.index([*items, "nothing"])
        assert set(index) == set(items)
        assert all(i == RowIndex(1, frozenset({"basri-rase"})) for i in index.values())
        assert cache.hits == 0


def test_none_directory_gives_a_noop_cache(tmp_path: Path) -> None:
    cache = open_cache(None, "cfg")
    assert isinstance(cache, NullStore) and not cache.enabled
    cache.put_many(rows({"k": sample_claims()}))
    assert cache.get_many(["k"]) == {}
    assert cache.warnings == []


def test_cache_dir_is_marked_and_ignored_by_git(tmp_path: Path) -> None:
    directory = default_cache_dir([str(tmp_path)])
    assert directory == tmp_path / ".timeline-cache"
    open_cache(directory, "cfg").close()
    assert (directory / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert (directory / "CACHEDIR.TAG").read_text(encoding="utf-8").startswith("Signature: 8a477f597d28d172")
    assert (directory / "extract.sqlite").exists()


def test_a_cache_dir_made_by_a_run_started_at_the_same_moment_is_used(tmp_path: Path, monkeypatch) -> None:
    directory = tmp_path / ".timeline-cache"
    is_dir = Path.is_dir
    seen = []

    def racing(path: Path) -> bool:  # the other run makes the folder between our look and our mkdir
        if path == directory and not seen:
            seen.append(path)
            path.mkdir()
            return False
        return is_dir(path)

    monkeypatch.setattr(Path, "is_dir", racing)
    cache = open_cache(directory, "cfg")
    assert seen and cache.enabled and cache.warnings == []
    cache.close()


def test_a_close_in_the_background_checkpoints_the_log_into_the_file(tmp_path: Path) -> None:
    import threading

    items = {key_of(f"berita/{i:03d}.txt", f"raw {i}".encode()): sample_claims(f"berita/{i:03d}.txt") for i in range(3)}
    cache = open_cache(tmp_path, "cfg")
    cache.put_many(rows(items))
    assert (tmp_path / "extract.sqlite-wal").exists()  # the rows are in the log until the checkpoint
    other = open_cache(tmp_path, "cfg")  # another run reading while this one closes
    cache.close(background=True)
    assert other.get_many(list(items)) == items
    other.close()
    for thread in threading.enumerate():
        if thread.name == "timeline-cache-close":
            thread.join()
    assert not (tmp_path / "extract.sqlite-wal").exists()
    conn = sqlite3.connect(f"file:{tmp_path / 'extract.sqlite'}?mode=ro", uri=True)
    assert conn.execute("SELECT count(*) FROM files").fetchone()[0] == 3
    conn.close()


def test_new_cache_uses_wal_and_large_pages(tmp_path: Path) -> None:
    filled_cache(tmp_path)
    conn = sqlite3.connect(tmp_path / "extract.sqlite")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA page_size").fetchone()[0] == 16384
    assert conn.execute("PRAGMA application_id").fetchone()[0] == sqlite_mod.APPLICATION_ID
    conn.close()


def test_blobs_are_pickles_of_constructor_calls_deflated_only_when_large() -> None:
    claims = sample_claims()
    small = codec.dumps(claims)
    assert len(small) < codec._DEFLATE_FROM and small[:1] == b"\x80"  # stored as pickled
    opcodes = {op.name for op, _, _ in pickletools.genops(small)}
    assert "REDUCE" in opcodes and "BUILD" not in opcodes  # Class(*values), no per-object __setstate__
    assert codec.loads(small) == claims
    many = tuple(sample_claims(f"berita/{n:03}.txt", day=1 + n % 28) for n in range(40))
    large = codec.dumps(many)
    raw = zlib.decompress(large)
    assert len(raw) >= codec._DEFLATE_FROM and len(large) < len(raw) / 2
    assert codec.loads(large, tuple) == many


def test_existing_user_directory_is_not_marked(tmp_path: Path) -> None:
    open_cache(tmp_path, "cfg").close()
    assert not (tmp_path / ".gitignore").exists()
    assert (tmp_path / "extract.sqlite").exists()


def test_directory_under_a_file_runs_uncached_with_warning(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x", encoding="utf-8")
    cache = open_cache(blocker / ".timeline-cache", "cfg")
    assert not cache.enabled
    assert len(cache.warnings) == 1 and "running without it" in texts(cache)[0]
    cache.put_many(rows({"k": sample_claims()}))
    assert cache.get_many(["k"]) == {}


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
@pytest.mark.parametrize("existing", [False, True], ids=["no-file", "existing-file"])
def test_read_only_directory_does_not_crash(tmp_path: Path, existing: bool) -> None:
    directory = tmp_path / "cache"
    if existing:
        filled_cache(directory)
    else:
        directory.mkdir()
    directory.chmod(0o555)
    try:
        cache = open_cache(directory, "cfg")
        cache.put_many(rows({"k": sample_claims()}))
        cache.get_many(["k"])
        cache.close()
        assert cache.warnings
    finally:
        directory.chmod(0o755)


def test_warnings_exist_in_indonesian(tmp_path: Path) -> None:
    (tmp_path / "extract.sqlite").write_bytes(b"garbage" * 100)
    with open_cache(tmp_path, "cfg") as cache:
        assert cache.warnings and "dibangun ulang" in cache.warnings[0].render("id")


def _writer(directory: str, worker: int, n: int) -> None:
    cache = open_cache(Path(directory), "cfg")
    for batch in range(0, n, 10):
        cache.put_many(
            rows({f"w{worker}-{i}": sample_claims(f"berita/{worker}-{i}.txt") for i in range(batch, batch + 10)})
        )
    assert cache.warnings == [], cache.warnings
    cache.close()


def test_two_processes_writing_concurrently_leave_all_rows(tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_writer, args=(str(tmp_path), w, 200)) for w in range(2)]
    for process in workers:
        process.start()
    for process in workers:
        process.join(120)
        assert process.exitcode == 0
    with open_cache(tmp_path, "cfg") as cache:
        keys = [f"w{w}-{i}" for w in range(2) for i in range(200)]
        got = cache.get_many(keys)
        assert len(got) == 400
        assert got["w1-199"].article.path == "berita/1-199.txt"
        assert cache.warnings == []
    conn = sqlite3.connect(tmp_path / "extract.sqlite")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_file_results_roundtrip_with_their_index(tmp_path: Path) -> None:
    from timeline.engine.plan import FileResult
    from timeline.extract.article import digest

    result = FileResult("berita/002.txt", (digest(sample_claims()),), ())
    key = key_of("berita/002.txt", b"bytes of the file")
    with open_cache(tmp_path, "cfg") as cache:
        cache.put_many([(key, result, result.index())])
    with open_cache(tmp_path, "cfg") as cache:
        assert cache.get_many([key, key_of("berita/002.txt", b"other")]) == {key: result}
        assert cache.index([key]) == {key: RowIndex(1, frozenset({"basri-rase"}))}


def test_equal_small_records_are_stored_once_and_load_as_one_object() -> None:
    claims = sample_claims()
    event = claims.events[0]
    twins = (event, dataclasses.replace(event, id="berita/002.txt#e1",
                                        participants=(Participant("basri-rase", "agent"),),
                                        place=Place("Korea Selatan", "KR", "Korea Selatan")))
    assert twins[0].participants[0] is not twins[1].participants[0]
    value = dataclasses.replace(claims, events=twins)
    loaded = codec.loads(codec.dumps(value))
    assert loaded == value
    first, second = loaded.events
    assert first.participants[0] is second.participants[0]
    assert first.place is second.place


def test_a_file_head_round_trips_through_its_plain_blob() -> None:
    from timeline.engine.plan import FileHead
    from timeline.lang import Text
    from timeline.model import Draft, Evidence, InputProblem

    claims = sample_claims()
    acting = Official("andi-harun", "Andi Harun", (Role("Wali Kota", "Samarinda", "Plt"), Role("Ketua", None)),
                      ("Andi",), 3)
    evidence = Evidence("berita/002.txt", 1, 59, "kutipan", "Selasa (19/09/2023)", None, None, date(2023, 9, 12),
                        None, None, "berita/002.txt")
    draft = Draft("weekday-mismatch", {"stated": "Selasa", "date": date(2023, 9, 20)}, (evidence,), "basri-rase")
    problem = InputProblem("berita/002.txt", Text.of("input.not_utf8", detail=""), None, False)
    from timeline.engine.heads import decode_head, encode_head
    from timeline.engine.plan import ArticleSource

    sources = (ArticleSource("berita/002.jsonl#1", "berita/002.jsonl", "SuaraKaltim.id", date(2023, 9, 12), "https://x"),
               ArticleSource("berita/002.jsonl#2", "berita/002.jsonl"))
    head = FileHead(((claims.officials[0], acting), ()), (draft,), (problem,), "berita/002.jsonl", sources)
    assert decode_head(encode_head(head), "berita/002.jsonl") == head
    bare = FileHead(((), (acting,)), (), (), "x.txt", ())
    assert decode_head(encode_head(bare), "x.txt") == bare
