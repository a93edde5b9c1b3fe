"""The extraction cache: one SQLite file under the archive, holding each file's extraction result.

The store owns its keys: a row is one file, keyed by its path relative to the folder that holds the
cache (so checking `archive/` from its parent and `.` from inside it share rows) and a hash of its
bytes (`Store.key`), under the fingerprint of the code and language data that extracted it and the settings
that shape extraction (`code_fingerprint`, `extraction_key`). Beside each value it keeps a small index
(how many articles, which officials) so a hook run can choose rows without loading them. `prune`
drops what no file refers to any more. Anything wrong with the file (not SQLite, another application's
database, another schema, unreadable rows, a read-only directory) costs a one-line warning and a
rebuild or an uncached run, never a crash. Writes are short `INSERT OR REPLACE` transactions on a WAL
database, so concurrent runs (two pre-commit hooks, an editor plugin) share it safely.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from timeline import __version__
from timeline.engine.codec import dumps, loads
from timeline.lang import Text

DEFAULT_DIRNAME = ".timeline-cache"
FILENAME = "extract.sqlite"
APPLICATION_ID = 0x544C4331  # "TLC1": marks the file as ours (PRAGMA application_id)
SCHEMA_VERSION = 4  # PRAGMA user_version; bump when the tables or the blob format change
BUSY_TIMEOUT_MS = 15_000
_CHUNK = 500  # keys per SELECT ... IN (...), well under SQLite's variable limit
_PAGE_SIZE = 16384  # rows are ~2 kB compressed: 4 kB pages would hold one row each, half empty

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    # A rowid table (not WITHOUT ROWID): blobs of a few kB would overflow the index pages.
    # `code`: the fingerprint of the code that wrote the row; `config`: the extraction settings.
    "CREATE TABLE IF NOT EXISTS files ("
    " code TEXT NOT NULL, config TEXT NOT NULL, key TEXT NOT NULL, path TEXT NOT NULL, blob BLOB NOT NULL,"
    " articles INTEGER NOT NULL DEFAULT 0, officials TEXT NOT NULL DEFAULT '',"
    " PRIMARY KEY (code, config, key))",
)


@dataclass(frozen=True, slots=True)
class RowIndex:
    """What a row holds, readable without loading it: its articles and the officials they involve."""

    articles: int
    officials: frozenset[str]


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the package's code and language data: a cached result is only as good as the code and
    the word lists that made it, and those can change within one version number."""
    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".toml") and "__pycache__" not in path.parts:
            h.update(path.relative_to(root).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def extraction_key(roster_path: Path | None = None, settings: Mapping[str, Any] | None = None) -> str:
    """What, besides the file and the code, changes extraction: the roster's content and settings."""
    h = hashlib.sha256(json.dumps(settings or {}, sort_keys=True, default=str).encode())
    if roster_path is not None:
        try:
            h.update(Path(roster_path).read_bytes())
        except OSError:
            pass
    return h.hexdigest()[:16]


def default_cache_dir(paths: Iterable[str]) -> Path:
    """`.timeline-cache/` beside the archive: the first directory given, else the first file's folder."""
    paths = list(paths)
    for p in paths:
        path = Path(p)
        if path.is_dir():
            return path / DEFAULT_DIRNAME
    first = Path(paths[0]) if paths else Path(".")
    return first.parent / DEFAULT_DIRNAME


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


class NullStore:
    """The store when caching is off or impossible: remembers nothing, writes nothing."""

    enabled = False

    def __init__(self, warnings: list[Text] | None = None) -> None:
        self.warnings: list[Text] = warnings or []
        self.hits = 0
        self.misses = 0
        self.path: Path | None = None

    @staticmethod
    def key(path: str, data: bytes) -> str:
        """A file's key: its path as shown and a hash of its bytes (any edit makes a new key)."""
        return f"{path}\0{_digest(data)}"

    def get_many(self, keys: Iterable[str]) -> dict[str, Any]:
        self.misses += len(list(keys))
        return {}

    def put_many(self, rows: Iterable[tuple[str, Any, RowIndex]]) -> None:
        return None

    def index(self, keys: Iterable[str]) -> dict[str, RowIndex]:
        return {}

    def prune(self, live: Iterable[str], roots: Iterable[str] = ()) -> int:
        return 0

    def close(self) -> None:
        return None

    def __enter__(self) -> "NullStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Store(NullStore):
    """The SQLite cache of one archive for one code fingerprint and extraction configuration."""

    enabled = True

    def __init__(self, path: Path, config_key: str, code: str | None = None, root: Path | None = None) -> None:
        super().__init__()
        self.path = path
        self.config_key = config_key
        self.code = code or code_fingerprint()
        self._conn: sqlite3.Connection | None = None
        self._cwd = os.getcwd()
        self._root = os.path.normpath(os.path.join(self._cwd, root if root is not None else path.parent.parent))
        self._prefix = self._root.rstrip(os.sep) + os.sep

    def key(self, path: str, data: bytes) -> str:  # type: ignore[override]
        """A file's key: its path relative to the folder holding the cache, whatever directory the run
        started in, and a hash of its bytes (any edit makes a new key)."""
        return f"{self.locate(path)}\0{_digest(data)}"

    def locate(self, path: str) -> str:
        """A path as shown (relative to the working directory, or absolute) as keys hold it: relative to
        the folder holding the cache, with "/" separators."""
        full = os.path.normpath(os.path.join(self._cwd, path))
        rel = full[len(self._prefix):] if full.startswith(self._prefix) else os.path.relpath(full, self._root)
        if full == self._root:
            rel = "."
        return rel.replace(os.sep, "/") if os.sep != "/" else rel

    # ---- opening and rebuilding ------------------------------------------------------------------

    def _warn(self, kind: str, detail: object) -> None:
        self.warnings.append(Text.of(f"cache.{kind}", path=str(self.path), detail=detail))

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
        self._warn("unwritable", Text.of("cache.rebuild_failed"))
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
        elif user_version != SCHEMA_VERSION or not {"meta", "files"} <= tables:
            return ("foreign", f"schema {user_version}")
        self._enable_wal(conn)
        row = conn.execute("SELECT value FROM meta WHERE name = 'tool_version'").fetchone()
        if row is None or row[0] != __version__:
            if row is not None:
                self._warn("version", row[0])
            with _write_transaction(conn):
                current = conn.execute("SELECT value FROM meta WHERE name = 'tool_version'").fetchone()
                if current is None or current[0] != __version__:  # another run may have just done it
                    conn.execute("DELETE FROM files")
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

    def _select(self, columns: str, keys: Iterable[str]) -> Iterator[tuple]:
        """Rows of this code and config among `keys`, in chunks (raises sqlite3 errors)."""
        wanted = list(dict.fromkeys(keys))
        for i in range(0, len(wanted), _CHUNK):
            chunk = wanted[i : i + _CHUNK]
            marks = ",".join("?" * len(chunk))
            yield from self._conn.execute(
                f"SELECT key, {columns} FROM files WHERE code = ? AND config = ? AND key IN ({marks})",
                (self.code, self.config_key, *chunk),
            )

    def get_many(self, keys: Iterable[str]) -> dict[str, Any]:
        """The cached values for those keys that have them (under this code and config)."""
        wanted = list(dict.fromkeys(keys))
        found: dict[str, Any] = {}
        if self._conn is None:
            self.misses += len(wanted)
            return found
        bad: list[str] = []
        try:
            for key, blob in self._select("blob", wanted):
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

    def index(self, keys: Iterable[str]) -> dict[str, RowIndex]:
        """The index kept beside those keys that have a row, without loading the rows."""
        if self._conn is None:
            return {}
        try:
            return {
                key: RowIndex(articles, frozenset(officials.split()))
                for key, articles, officials in self._select("articles, officials", keys)
            }
        except sqlite3.DatabaseError as exc:
            self._broken(exc)
            return {}

    def put_many(self, rows: Iterable[tuple[str, Any, RowIndex]]) -> None:
        """Store (key, value, index) rows, pickled before the write lock is taken so the transaction
        stays short."""
        if self._conn is None:
            return
        records = [
            (self.code, self.config_key, key, key.split("\0", 1)[0], dumps(value), index.articles,
             " ".join(sorted(index.officials)))
            for key, value, index in rows
        ]
        if not records:
            return
        try:
            with _write_transaction(self._conn):
                self._conn.executemany(
                    "INSERT OR REPLACE INTO files (code, config, key, path, blob, articles, officials)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    records,
                )
        except sqlite3.OperationalError as exc:
            if "readonly" in str(exc) or "read-only" in str(exc):
                self._warn("unwritable", exc)
                self.close()
            else:
                self._broken(exc)
        except sqlite3.DatabaseError as exc:
            self._broken(exc)

    def prune(self, live: Iterable[str], roots: Iterable[str] = ()) -> int:
        """Delete what no file refers to: rows written by other code, and rows of this config under
        `roots` (the paths this run listed, as shown) whose key is not `live` (edited or deleted files).
        Rows of other folders that share the cache stay. Returns how many rows went."""
        if self._conn is None:
            return 0
        conn = self._conn
        roots = [self.locate(r) for r in roots]
        try:
            with _write_transaction(conn):
                deleted = conn.execute("DELETE FROM files WHERE code != ?", (self.code,)).rowcount
                conn.execute("CREATE TEMP TABLE IF NOT EXISTS live (key TEXT PRIMARY KEY) WITHOUT ROWID")
                conn.execute("DELETE FROM live")
                conn.executemany("INSERT OR IGNORE INTO live (key) VALUES (?)", ((k,) for k in live))
                stale = [
                    (key,)
                    for key, path in conn.execute(
                        "SELECT key, path FROM files WHERE config = ? AND key NOT IN (SELECT key FROM live)",
                        (self.config_key,),
                    )
                    if _under(path, roots)
                ]
                conn.executemany("DELETE FROM files WHERE code = ? AND config = ? AND key = ?",
                                 ((self.code, self.config_key, k) for (k,) in stale))
                conn.execute("DELETE FROM live")
        except sqlite3.DatabaseError as exc:
            self._broken(exc)
            return 0
        return deleted + len(stale)

    def __len__(self) -> int:
        if self._conn is None:
            return 0
        return self._conn.execute(
            "SELECT COUNT(*) FROM files WHERE code = ? AND config = ?", (self.code, self.config_key)
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


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def _under(path: str, roots: list[str]) -> bool:
    return any(root in ("", ".") or path == root or path.startswith(root + "/") for root in roots)


def open_store(
    directory: Path | None, config_key: str, *, filename: str = FILENAME, code: str | None = None
) -> Store | NullStore:
    """The store in `directory` for this config; a no-op store when `directory` is None or unusable.

    Never raises for a bad cache: read `warnings` (messages to render) after opening and after use.
    File keys are relative to the folder holding `directory` (the archive, for `.timeline-cache/`).
    """
    if directory is None:
        return NullStore()
    store = Store(Path(directory) / filename, config_key, code, root=Path(directory).parent)
    if store._open():
        return store
    return NullStore(store.warnings)
