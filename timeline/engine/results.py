"""The per-official results cache: each official's drafts and listed events, keyed by every input of
that official's checks, so a warm run re-checks only the officials an edit touches.

An official's key (`official_keys`) hashes the code, the extraction config and the official plan
(enabled checks, their options, the trip bound), the official's canonical record, every file that
involves the official (as shown, and its content key, in archive order), and for every official id
those files name, the canonical id and name identity maps it to. Any change to one of these (a claim
edited in any article, a new article naming the official, an identity merge, a rule option, a rule
switched on or off) makes a new key; nothing is ever invalidated by hand. Rows live in their own
SQLite file beside the extraction cache; a whole run prunes the rows of its scope it did not use.

A row keeps an official's drafts, its listed event claims, and the JSON report's text of those events
apart, so a warm run decodes only what its report shows: the drafts always (findings come from them),
the claims only when something reads them (`StoredEvents`: the HTML page), the JSON report's listing as
text, never decoded.
"""

from __future__ import annotations

import hashlib
import sqlite3
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path

from timeline.engine.cache import RowIndex
from timeline.engine.codec import compress, dumps, loads
from timeline.engine.sqlite import SqliteStore, chunks, write_transaction

FILENAME = "officials.sqlite"


def official_keys(rows: Sequence[tuple[str, str, RowIndex]], identity, salt: str) -> dict[str, str]:
    """The cache key of every canonical official the files name: `rows` are (path as shown, file key,
    index) in archive order; `salt` names the code, config and plan."""
    canonical = identity.canonical
    files_of: dict[str, list[int]] = {}
    for n, (_, _, index) in enumerate(rows):
        for oid in {canonical(x) for x in index.officials}:
            files_of.setdefault(oid, []).append(n)
    by_id = identity.by_id()
    out: dict[str, str] = {}
    for oid, positions in files_of.items():
        h = hashlib.blake2b(salt.encode(), digest_size=20)
        record = by_id.get(oid)
        h.update(repr((oid, record.name, record.roles, record.aliases) if record else (oid,)).encode())
        named: set[str] = set()
        for n in positions:
            path, key, index = rows[n]
            h.update(f"\1{path}\0{key}".encode())
            named |= index.officials
        for x in sorted(named):
            target = canonical(x)
            other = by_id.get(target)
            h.update(f"\2{x}\0{target}\0{other.name if other else ''}".encode())
        out[oid] = h.hexdigest()
    return out


class StoredEvents(Sequence):
    """An official's listed event claims as a result row keeps them: decoded the first time something
    reads them (a text or SARIF report never does); `json_listing` is the JSON report's text of them
    (`timeline.render.json.events_listing`), ready as stored."""

    __slots__ = ("_blob", "_count", "_claims", "json_listing")

    def __init__(self, blob: bytes, count: int, json_listing: str) -> None:
        self._blob = blob
        self._count = count
        self._claims: tuple | None = None
        self.json_listing = json_listing

    def claims(self) -> tuple:
        if self._claims is None:
            self._claims = _claims(self._blob, self._count)
        return self._claims

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index):
        return self.claims()[index]

    def __iter__(self):
        return iter(self.claims())


def _claims(blob: bytes, count: int) -> tuple:
    claims = loads(blob, tuple)
    if len(claims) != count:
        raise ValueError(f"a result row holds {len(claims)} events, not {count}")
    return claims


class NullResults:
    """The results cache when caching is off: remembers nothing."""

    enabled = False

    def __init__(self, warnings=None) -> None:
        self.warnings = warnings or []

    def get_many(self, keys: Iterable[str], *, lazy_events: bool = False) -> dict:
        return {}

    def put_many(self, rows: Iterable[tuple[str, object]], scope: str, code: str) -> None:
        return None

    def put_records(self, rows: Iterable[tuple[str, tuple]], scope: str, code: str) -> None:
        return None

    def prune(self, live: Iterable[str], scope: str, code: str) -> int:
        return 0

    def identity(self, key: str):
        return None

    def put_identity(self, key: str, identity, scope: str, code: str) -> None:
        return None

    def close(self, *, background: bool = False) -> None:
        return None


class ResultStore(SqliteStore):
    """Per-official results in `officials.sqlite`, one row per official key."""

    SCHEMA = (
        # `code`: the fingerprint of the code that wrote the row; `scope`: the archive roots and settings
        # of the run that wrote it (what a prune may drop).
        # `drafts`, `events`: record blobs; `count`: how many events; `listing`: the JSON report's text of
        # the events (zlib-compressed UTF-8).
        "CREATE TABLE IF NOT EXISTS results ("
        " key TEXT PRIMARY KEY, code TEXT NOT NULL, scope TEXT NOT NULL, drafts BLOB NOT NULL,"
        " events BLOB NOT NULL, count INTEGER NOT NULL, listing BLOB NOT NULL)",
        # The last identity of each scope, keyed by every file's officials (`heads.identity_key`).
        "CREATE TABLE IF NOT EXISTS identities ("
        " key TEXT PRIMARY KEY, code TEXT NOT NULL, scope TEXT NOT NULL, blob BLOB NOT NULL)",
    )
    TABLES = frozenset({"meta", "results", "identities"})
    DATA_TABLES = ("results", "identities")
    VERSION = 4

    def get_many(self, keys: Iterable[str], *, lazy_events: bool = False) -> dict:
        """The cached results of those keys that have a readable row; with `lazy_events`, each result's
        events are `StoredEvents` (decoded when read, their JSON listing at hand) instead of claims."""
        from timeline.engine.plan import OfficialResult

        if self._conn is None:
            return {}
        found = {}
        bad = 0
        try:
            for chunk in chunks(keys):
                marks = ",".join("?" * len(chunk))
                for key, drafts, events, count, listing in self._conn.execute(
                        f"SELECT key, drafts, events, count, listing FROM results WHERE key IN ({marks})", chunk):
                    try:  # a damaged row is a miss: the official is checked again
                        text = zlib.decompress(listing).decode("utf-8")
                        claims = StoredEvents(events, count, text) if lazy_events else _claims(events, count)
                        found[key] = OfficialResult(loads(drafts, tuple), claims)
                    except Exception:
                        bad += 1
        except sqlite3.DatabaseError as exc:
            self._broken(exc)
            return {}
        if bad:
            self._warn("rows", bad)
        return found

    def put_many(self, rows: Iterable[tuple[str, object]], scope: str, code: str) -> None:
        """Store (key, OfficialResult) rows, each with the JSON report's listing of its events."""
        self.put_records(((key, encode_result(value)) for key, value in rows), scope, code)

    def put_records(self, rows: Iterable[tuple[str, tuple]], scope: str, code: str) -> None:
        """Store (key, `encode_result` record) rows."""
        if self._conn is None:
            return
        records = [(key, code, scope, *record) for key, record in rows]
        if not records:
            return
        try:
            with write_transaction(self._conn):
                self._conn.executemany(
                    "INSERT OR REPLACE INTO results (key, code, scope, drafts, events, count, listing)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)", records)
        except sqlite3.DatabaseError as exc:
            self._write_failed(exc)

    def identity(self, key: str):
        """The identity cached under `key`, or None."""
        if self._conn is None:
            return None
        try:
            row = self._conn.execute("SELECT blob FROM identities WHERE key = ?", (key,)).fetchone()
            return loads(row[0]) if row else None
        except sqlite3.DatabaseError as exc:
            self._broken(exc)
        except Exception:  # a damaged row: identity is computed again
            self._warn("rows", 1)
        return None

    def put_identity(self, key: str, identity, scope: str, code: str) -> None:
        """Keep `identity` as the one of `scope` (the scope's previous one goes)."""
        if self._conn is None:
            return
        blob = dumps(identity)
        try:
            with write_transaction(self._conn):
                self._conn.execute("DELETE FROM identities WHERE scope = ? OR code != ?", (scope, code))
                self._conn.execute("INSERT OR REPLACE INTO identities (key, code, scope, blob) VALUES (?, ?, ?, ?)",
                                   (key, code, scope, blob))
        except sqlite3.DatabaseError as exc:
            self._write_failed(exc)

    def prune(self, live: Iterable[str], scope: str, code: str) -> int:
        """Drop the rows other code wrote, and the rows of `scope` whose key is not `live` (after a
        whole run of that scope)."""
        if self._conn is None:
            return 0
        live = set(live)
        try:
            with write_transaction(self._conn):
                gone = self._conn.execute("DELETE FROM results WHERE code != ?", (code,)).rowcount
                stale = [(k,) for k, in self._conn.execute("SELECT key FROM results WHERE scope = ?", (scope,))
                         if k not in live]
                self._conn.executemany("DELETE FROM results WHERE key = ?", stale)
        except sqlite3.DatabaseError as exc:
            self._broken(exc)
            return 0
        return gone + len(stale)


def encode_result(value) -> tuple[bytes, bytes, int, bytes]:
    """An OfficialResult as a row keeps it: drafts, events, how many, the JSON listing (compressed)."""
    from timeline.render.json import events_listing

    return (dumps(tuple(value.drafts)), dumps(tuple(value.events)), len(value.events),
            compress(events_listing(value.events).encode("utf-8")))


def decode_result(record: tuple[bytes, bytes, int, bytes], lazy_events: bool = False):
    """The OfficialResult of an `encode_result` record (events as `StoredEvents` with `lazy_events`)."""
    from timeline.engine.plan import OfficialResult

    drafts, events, count, listing = record
    if lazy_events:
        claims = StoredEvents(events, count, zlib.decompress(listing).decode("utf-8"))
    else:
        claims = _claims(events, count)
    return OfficialResult(loads(drafts, tuple), claims)


def open_results(directory: Path | None) -> ResultStore | NullResults:
    """The results cache in `directory`; a no-op one when `directory` is None or unusable."""
    if directory is None:
        return NullResults()
    store = ResultStore(Path(directory) / FILENAME)
    if store.open():
        return store
    return NullResults(store.warnings)


def scope_of(roots: Iterable[str], salt: str) -> str:
    """Which rows a whole run over these roots with this salt may prune."""
    return hashlib.blake2b("\0".join([salt, *sorted(roots)]).encode(), digest_size=16).hexdigest()


def salt_of(code: str, config_key: str, plan_fingerprint: str) -> str:
    return f"{code}\0{config_key}\0{plan_fingerprint}"

