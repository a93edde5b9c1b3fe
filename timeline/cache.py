"""The extraction cache: per-article `ArticleClaims` in one SQLite file under the archive.

A row is keyed by the article (hash of its raw bytes + record key, see `content_key`) and by the
`config_key` of the settings that shape extraction; the tool version is stamped on the file and a
different version empties it. Anything wrong with the file (not SQLite, another application's
database, another schema, unreadable rows, a read-only directory) costs a one-line warning and a
rebuild or an uncached run, never a crash. Writes are short `INSERT OR REPLACE` transactions on a
WAL database, so concurrent runs (two pre-commit hooks, an editor plugin) share it safely.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import os
import pickle
import sqlite3
import zlib
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from timeline import __version__
from timeline.records import ArticleClaims

DEFAULT_DIRNAME = ".timeline-cache"
FILENAME = "claims.sqlite"
APPLICATION_ID = 0x544C4331  # "TLC1": marks the file as ours (PRAGMA application_id)
SCHEMA_VERSION = 3  # PRAGMA user_version; bump when the tables or the blob format change
BUSY_TIMEOUT_MS = 15_000
_CHUNK = 500  # keys per SELECT ... IN (...), well under SQLite's variable limit
_PAGE_SIZE = 16384  # rows are ~2 kB compressed: 4 kB pages would hold one row each, half empty
_PICKLE_PROTOCOL = 5
_ZLIB_LEVEL = 1  # fast; pickled claims repeat class names and text, ~3-5x smaller

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    # A rowid table (not WITHOUT ROWID): blobs of a few kB would overflow the index pages.
    # `tags`: a short index the caller keeps beside each row (the officials a file involves), so a
    # run can decide which rows it needs without unpickling them.
    "CREATE TABLE IF NOT EXISTS claims ("
    " config_key TEXT NOT NULL, key TEXT NOT NULL, blob BLOB NOT NULL, tags TEXT NOT NULL DEFAULT '',"
    " PRIMARY KEY (config_key, key))",
)

# One-line warnings, in Indonesian and English; `{path}` and `{detail}` are filled in.
MESSAGES: dict[str, dict[str, str]] = {
    "corrupt": {
        "en": "{path}: cache file is unreadable ({detail}); rebuilding it",
        "id": "{path}: berkas cache tidak terbaca ({detail}); dibangun ulang",
    },
    "foreign": {
        "en": "{path}: not a timeline cache ({detail}); rebuilding it",
        "id": "{path}: bukan cache timeline ({detail}); dibangun ulang",
    },
    "version": {
        "en": "{path}: cache was written by timeline {detail}; rebuilding it",
        "id": "{path}: cache ditulis oleh timeline {detail}; dibangun ulang",
    },
    "rows": {
        "en": "{path}: {detail} unreadable cache entries ignored; they will be rewritten",
        "id": "{path}: {detail} entri cache tak terbaca diabaikan; akan ditulis ulang",
    },
    "unwritable": {
        "en": "{path}: cannot use the cache ({detail}); running without it",
        "id": "{path}: cache tidak dapat dipakai ({detail}); berjalan tanpa cache",
    },
}


def message(kind: str, path: Path | str, detail: object, lang: str = "en") -> str:
    """A cache warning in the given language (en|id)."""
    table = MESSAGES[kind]
    return table.get(lang, table["en"]).format(path=path, detail=detail)


def content_key(raw: bytes, record_key: str) -> str:
    """The cache key of one article: a hash of the file's raw bytes plus its record key (path or path#N)."""
    return hashlib.blake2b(raw, digest_size=20).hexdigest() + ":" + record_key


def make_config_key(*parts: Any) -> str:
    """A short stable hash of everything that affects extraction (config values, roster contents)."""
    blob = json.dumps(parts, sort_keys=True, default=str, ensure_ascii=False).encode("utf-8")
    return hashlib.blake2b(blob, digest_size=16).hexdigest()


def default_cache_dir(archive_root: Path) -> Path:
    """Where the cache lives when the config and the command line do not say: `<root>/.timeline-cache`."""
    return Path(archive_root) / DEFAULT_DIRNAME


# --------------------------------------------------------------------------------------------------
# (De)serialization: pickle protocol 5 + zlib; loading only the classes claims are made of, because a
# cache file inside a shared archive is input we did not write.
# --------------------------------------------------------------------------------------------------

_ALLOWED_GLOBALS = {
    ("datetime", "date"),
    ("datetime", "datetime"),
    ("builtins", "frozenset"),
    ("builtins", "set"),
    ("builtins", "tuple"),
    ("builtins", "list"),
    ("builtins", "dict"),
    ("copyreg", "_reconstructor"),
    ("builtins", "object"),
}


# The values a cache row may hold: every record, and the pipeline's per-file result.
_VALUE_CLASSES = {("timeline.pipeline", "FileResult")}


def _allowed(module: str, name: str) -> bool:
    return module == "timeline.records" or (module, name) in _ALLOWED_GLOBALS or (module, name) in _VALUE_CLASSES


_RESOLVED: dict[tuple[str, str], Any] = {}


class _ClaimsUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        found = _RESOLVED.get((module, name))
        if found is not None:
            return found
        if _allowed(module, name):
            found = _RESOLVED[(module, name)] = super().find_class(module, name)
            return found
        raise pickle.UnpicklingError(f"forbidden global {module}.{name}")


_INIT_FIELDS: dict[type, tuple[str, ...]] = {}


def _init_fields(cls: type) -> tuple[str, ...]:
    """The constructor fields of a cached record class; () for anything else (pickled as usual)."""
    names = _INIT_FIELDS.get(cls)
    if names is None:
        names = ()
        if dataclasses.is_dataclass(cls) and _allowed(cls.__module__, cls.__qualname__):
            fields = dataclasses.fields(cls)
            if all(f.init for f in fields):
                names = tuple(f.name for f in fields)
        _INIT_FIELDS[cls] = names
    return names


class _ClaimsPickler(pickle.Pickler):
    """Pickles records as `Class(*values)`: loading calls the constructor, about 30% faster than the
    per-object `__setstate__` frozen slotted dataclasses get by default."""

    def reducer_override(self, obj: Any) -> Any:
        cls = type(obj)
        names = _init_fields(cls)
        if names:
            return cls, tuple([getattr(obj, name) for name in names])
        return NotImplemented


def dumps(claims: Any) -> bytes:
    """A cache row's blob: `ArticleClaims` (or the pipeline's `FileResult`), pickled and compressed."""
    buffer = io.BytesIO()
    _ClaimsPickler(buffer, protocol=_PICKLE_PROTOCOL).dump(claims)
    return zlib.compress(buffer.getvalue(), _ZLIB_LEVEL)


def loads(blob: bytes) -> Any:
    """The value of a blob; raises on anything that is not one of the cached record types."""
    value = _ClaimsUnpickler(io.BytesIO(zlib.decompress(blob))).load()
    cls = type(value)
    if not (cls.__module__ == "timeline.records" or (cls.__module__, cls.__qualname__) in _VALUE_CLASSES):
        raise pickle.UnpicklingError(f"not a cached record: {cls.__name__}")
    return value


# --------------------------------------------------------------------------------------------------
# Caches
# --------------------------------------------------------------------------------------------------


@contextmanager
def _write_transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """One short write transaction that takes the lock at once (concurrent runs wait, never corrupt)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


class NullCache:
    """The cache when caching is off or impossible: remembers nothing, writes nothing."""

    enabled = False

    def __init__(self, warnings: list[str] | None = None) -> None:
        self.warnings: list[str] = warnings or []
        self.hits = 0
        self.misses = 0
        self.path: Path | None = None

    def get_many(self, keys: Iterable[str]) -> dict[str, ArticleClaims]:
        self.misses += len(list(keys))
        return {}

    def put_many(
        self,
        items: Mapping[str, ArticleClaims] | Iterable[tuple[str, ArticleClaims]],
        tags: Mapping[str, str] | None = None,
    ) -> None:
        return None

    def get_tags(self, keys: Iterable[str]) -> dict[str, str]:
        return {}

    def prune(self, keep_keys: Iterable[str]) -> int:
        return 0

    def close(self) -> None:
        return None

    def __enter__(self) -> "NullCache":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class ClaimCache(NullCache):
    """The SQLite cache of one archive for one extraction configuration (`config_key`)."""

    enabled = True

    def __init__(self, path: Path, config_key: str, lang: str = "en") -> None:
        super().__init__()
        self.path = path
        self.config_key = config_key
        self.lang = lang
        self._conn: sqlite3.Connection | None = None

    # ---- opening and rebuilding ------------------------------------------------------------------

    def _warn(self, kind: str, detail: object) -> None:
        self.warnings.append(message(kind, self.path, detail, self.lang))

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        return conn

    def _open(self) -> bool:
        """Open (creating or rebuilding as needed); False when the cache cannot be used at all."""
        try:
            if not self.path.parent.is_dir():  # only a directory we create is marked (never a user's folder)
                self.path.parent.mkdir(parents=True)
                _mark_cache_dir(self.path.parent)
        except OSError as exc:
            self._warn("unwritable", exc.strerror or exc)
            return False
        for attempt in range(2):
            try:
                conn = self._connect()
            except sqlite3.Error as exc:
                self._warn("unwritable", exc)
                return False
            try:
                problem = self._validate(conn)
            except sqlite3.OperationalError as exc:  # locked too long, read-only, I/O: not the file's fault
                conn.close()
                self._warn("unwritable", exc)
                return False
            except sqlite3.DatabaseError as exc:
                problem = ("corrupt", exc)
            if problem is None:
                self._conn = conn
                return True
            conn.close()
            if attempt == 1:
                break
            self._warn(*problem)
            if not self._remove_files():
                return False
        self._warn("unwritable", "rebuild failed")
        return False

    def _validate(self, conn: sqlite3.Connection) -> tuple[str, object] | None:
        """Check the file is our cache (initializing an empty one); a (warning kind, detail) if not."""
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        user_version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if app_id == 0 and not tables:
            self._initialize(conn)
        elif app_id != APPLICATION_ID:
            return ("foreign", f"application id {app_id:#x}" if app_id else "other tables")
        elif user_version != SCHEMA_VERSION or not {"meta", "claims"} <= tables:
            return ("foreign", f"schema {user_version}")
        self._enable_wal(conn)
        row = conn.execute("SELECT value FROM meta WHERE name = 'tool_version'").fetchone()
        if row is None or row[0] != __version__:
            if row is not None:
                self._warn("version", row[0])
            with _write_transaction(conn):
                current = conn.execute("SELECT value FROM meta WHERE name = 'tool_version'").fetchone()
                if current is None or current[0] != __version__:  # another run may have just done it
                    conn.execute("DELETE FROM claims")
                    conn.execute(
                        "INSERT OR REPLACE INTO meta (name, value) VALUES ('tool_version', ?)", (__version__,)
                    )
        return None

    @staticmethod
    def _enable_wal(conn: sqlite3.Connection) -> None:
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
        if str(mode).lower() != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")

    @staticmethod
    def _initialize(conn: sqlite3.Connection) -> None:
        conn.execute(f"PRAGMA page_size = {_PAGE_SIZE}")  # takes effect only outside a transaction
        with _write_transaction(conn):
            # Re-check inside the write lock: a concurrent run may have initialized it first.
            if conn.execute("PRAGMA application_id").fetchone()[0] == 0:
                for statement in _SCHEMA:
                    conn.execute(statement)
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                conn.execute(
                    "INSERT OR REPLACE INTO meta (name, value) VALUES ('tool_version', ?)", (__version__,)
                )

    def _remove_files(self) -> bool:
        for suffix in ("", "-wal", "-shm", "-journal"):
            try:
                os.unlink(f"{self.path}{suffix}")
            except FileNotFoundError:
                pass
            except OSError as exc:
                self._warn("unwritable", exc.strerror or exc)
                return False
        return True

    def _broken(self, exc: Exception) -> None:
        """The database failed mid-run: warn once, drop it, and carry on uncached."""
        self._warn("corrupt", exc)
        self.close()
        self._remove_files()

    # ---- the API ---------------------------------------------------------------------------------

    def get_many(self, keys: Iterable[str]) -> dict[str, ArticleClaims]:
        """The cached claims for those keys that have them (under this config and tool version)."""
        wanted = list(dict.fromkeys(keys))
        found: dict[str, ArticleClaims] = {}
        if self._conn is None:
            self.misses += len(wanted)
            return found
        bad: list[str] = []
        try:
            for i in range(0, len(wanted), _CHUNK):
                chunk = wanted[i : i + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = self._conn.execute(
                    f"SELECT key, blob FROM claims WHERE config_key = ? AND key IN ({marks})",
                    (self.config_key, *chunk),
                ).fetchall()
                for key, blob in rows:
                    try:
                        found[key] = loads(blob)
                    except Exception:  # any damage to one row makes it a miss, never a crash
                        bad.append(key)
        except sqlite3.DatabaseError as exc:
            self._broken(exc)
            found = {}
        if bad:
            self._warn("rows", len(bad))
        self.hits += len(found)
        self.misses += len(wanted) - len(found)
        return found

    def get_tags(self, keys: Iterable[str]) -> dict[str, str]:
        """The tags stored beside those keys that have a row, without loading the rows."""
        wanted = list(dict.fromkeys(keys))
        found: dict[str, str] = {}
        if self._conn is None:
            return found
        try:
            for i in range(0, len(wanted), _CHUNK):
                chunk = wanted[i : i + _CHUNK]
                marks = ",".join("?" * len(chunk))
                found.update(
                    self._conn.execute(
                        f"SELECT key, tags FROM claims WHERE config_key = ? AND key IN ({marks})",
                        (self.config_key, *chunk),
                    ).fetchall()
                )
        except sqlite3.DatabaseError as exc:
            self._broken(exc)
            return {}
        return found

    def put_many(
        self,
        items: Mapping[str, ArticleClaims] | Iterable[tuple[str, ArticleClaims]],
        tags: Mapping[str, str] | None = None,
    ) -> None:
        """Store claims (pickled before the write lock is taken, so the transaction stays short)."""
        if self._conn is None:
            return
        pairs = items.items() if isinstance(items, Mapping) else items
        tags = tags or {}
        rows = [(self.config_key, key, dumps(claims), tags.get(key, "")) for key, claims in pairs]
        if not rows:
            return
        try:
            with _write_transaction(self._conn):
                self._conn.executemany(
                    "INSERT OR REPLACE INTO claims (config_key, key, blob, tags) VALUES (?, ?, ?, ?)", rows
                )
        except sqlite3.OperationalError as exc:
            if "readonly" in str(exc) or "read-only" in str(exc):
                self._warn("unwritable", exc)
                self.close()
            else:
                self._broken(exc)
        except sqlite3.DatabaseError as exc:
            self._broken(exc)

    def prune(self, keep_keys: Iterable[str]) -> int:
        """Delete rows of other configs and rows of this config not in `keep_keys`; return how many."""
        if self._conn is None:
            return 0
        conn = self._conn
        try:
            with _write_transaction(conn):
                conn.execute("CREATE TEMP TABLE IF NOT EXISTS keep (key TEXT PRIMARY KEY) WITHOUT ROWID")
                conn.execute("DELETE FROM keep")
                conn.executemany("INSERT OR IGNORE INTO keep (key) VALUES (?)", ((k,) for k in keep_keys))
                deleted = conn.execute(
                    "DELETE FROM claims WHERE config_key != ? OR key NOT IN (SELECT key FROM keep)",
                    (self.config_key,),
                ).rowcount
                conn.execute("DELETE FROM keep")
        except sqlite3.DatabaseError as exc:
            self._broken(exc)
            return 0
        return deleted

    def __len__(self) -> int:
        if self._conn is None:
            return 0
        return self._conn.execute(
            "SELECT COUNT(*) FROM claims WHERE config_key = ?", (self.config_key,)
        ).fetchone()[0]

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            finally:
                self._conn = None


def _mark_cache_dir(directory: Path) -> None:
    """Keep the cache out of git and backups, like pytest's cache: a `.gitignore` and CACHEDIR.TAG."""
    gitignore = directory / ".gitignore"
    if not gitignore.exists():
        gitignore.write_text("# created by timeline\n*\n", encoding="utf-8")
    tag = directory / "CACHEDIR.TAG"
    if not tag.exists():
        tag.write_text(
            "Signature: 8a477f597d28d172789f06886806bc55\n# timeline extraction cache\n", encoding="utf-8"
        )


def open_cache(
    directory: Path | None, config_key: str, *, filename: str = FILENAME, lang: str = "en"
) -> ClaimCache | NullCache:
    """The cache in `directory` for this config; a no-op cache when `directory` is None or unusable.

    Never raises for a bad cache: read `warnings` (one-line messages) after opening and after use.
    """
    if directory is None:
        return NullCache()
    cache = ClaimCache(Path(directory) / filename, config_key, lang)
    if cache._open():
        return cache
    return NullCache(cache.warnings)
