"""The extraction cache: one SQLite file under the archive, holding each file's extraction result.

The store owns its keys: a row is one file, keyed by its path relative to the folder that holds the
cache (so checking `archive/` from its parent and `.` from inside it share rows) and a hash of its
bytes (`Store.key`), under the fingerprint of the code and language data that extracted it and the settings
that shape extraction (`code_fingerprint`, `extraction_key`). Beside each value it keeps a small index
(how many articles, which officials) and the file's head (each article's officials, the article
rules' drafts, the problems met reading it), so a run can establish who is who, and a hook run can
choose rows, without loading the rows. A stat index (size, times, inode -> key) lets a warm run skip
reading files that did not change, as git's index does. `prune` drops what no file refers to any more.
Opening, rebuilding and write transactions are `engine.sqlite`'s.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

from timeline.engine.codec import dumps, loads
from timeline.engine.sqlite import SqliteStore, chunks, write_transaction
from timeline.lang import Text

DEFAULT_DIRNAME = ".timeline-cache"
FILENAME = "extract.sqlite"
SCHEMA_VERSION = 5  # PRAGMA user_version; bump when the tables or the blob format change
# A file changed less than this before its stat was recorded may change again within the same
# timestamp tick (coarse file systems tick in seconds): such a stat is not trusted (git's "racy" files).
RACY_NS = 2_000_000_000

_SCHEMA = (
    # A rowid table (not WITHOUT ROWID): blobs of a few kB would overflow the index pages.
    # `code`: the fingerprint of the code that wrote the row; `config`: the extraction settings.
    "CREATE TABLE IF NOT EXISTS files ("
    " code TEXT NOT NULL, config TEXT NOT NULL, key TEXT NOT NULL, path TEXT NOT NULL, blob BLOB NOT NULL,"
    " articles INTEGER NOT NULL DEFAULT 0, officials TEXT NOT NULL DEFAULT '', head BLOB NOT NULL DEFAULT x'',"
    " PRIMARY KEY (code, config, key))",
    # What a file looked like when its key was computed: a file whose stat still matches has that key.
    "CREATE TABLE IF NOT EXISTS stats ("
    " path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, ctime_ns INTEGER NOT NULL,"
    " ino INTEGER NOT NULL, seen_ns INTEGER NOT NULL, key TEXT NOT NULL)",
)


@dataclass(frozen=True, slots=True)
class RowIndex:
    """What a row holds, readable without loading it: its articles and the officials they involve."""

    articles: int
    officials: frozenset[str]


@dataclass(frozen=True, slots=True)
class Encoded:
    """A row ready to store: the value's blob, its index and its head's blob (made where it was computed)."""

    key: str
    blob: bytes
    index: RowIndex
    head: bytes = b""


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


def stat_signature(st: os.stat_result) -> tuple[int, int, int, int]:
    """What says a file may have changed: size, modification and change times, inode."""
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


class NullStore:
    """The store when caching is off or impossible: remembers nothing, writes nothing."""

    enabled = False

    def __init__(self, warnings: list[Text] | None = None) -> None:
        self.warnings: list[Text] = warnings or []
        self.hits = 0
        self.misses = 0
        self.path: Path | None = None

    def holds_rows(self) -> bool:
        return False

    @staticmethod
    def key(path: str, data: bytes) -> str:
        """A file's key: its path as shown and a hash of its bytes (any edit makes a new key)."""
        return f"{path}\0{_digest(data)}"

    def get_many(self, keys: Iterable[str]) -> dict[str, Any]:
        self.misses += len(list(keys))
        return {}

    def put_many(self, rows: Iterable[tuple[str, Any, RowIndex]]) -> None:
        return None

    def put_encoded(self, rows: Iterable[Encoded]) -> None:
        return None

    def blobs(self, keys: Iterable[str]) -> dict[str, bytes]:
        return {}

    def index(self, keys: Iterable[str]) -> dict[str, RowIndex]:
        return {}

    def heads(self, keys: Iterable[str], decode=None) -> dict[str, tuple[RowIndex, Any]]:
        return {}

    def known_keys(self, stats: Mapping[str, os.stat_result]) -> dict[str, str]:
        return {}

    def record_stats(self, rows: Iterable[tuple[str, os.stat_result, str]], seen_ns: int) -> None:
        return None

    def prune(self, live: Iterable[str], roots: Iterable[str] = ()) -> int:
        return 0

    def close(self, *, background: bool = False) -> None:
        return None

    def __enter__(self) -> "NullStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Store(SqliteStore, NullStore):
    """The SQLite cache of one archive for one code fingerprint and extraction configuration."""

    enabled = True
    SCHEMA = _SCHEMA
    TABLES = frozenset({"meta", "files", "stats"})
    DATA_TABLES = ("files", "stats")
    VERSION = SCHEMA_VERSION

    def __init__(self, path: Path, config_key: str, code: str | None = None, root: Path | None = None) -> None:
        NullStore.__init__(self)
        SqliteStore.__init__(self, path)
        self.config_key = config_key
        self.code = code or code_fingerprint()
        self._stats_checked = False
        self._cwd = os.getcwd()
        self._root = os.path.normpath(os.path.join(self._cwd, root if root is not None else path.parent.parent))
        self._prefix = self._root.rstrip(os.sep) + os.sep
        self._located: dict[str, str] = {}
        self._outside: dict[str, str] = {}

    def key(self, path: str, data: bytes) -> str:  # type: ignore[override]
        """A file's key: its path relative to the folder holding the cache, whatever directory the run
        started in, and a hash of its bytes (any edit makes a new key)."""
        return f"{self.locate(path)}\0{_digest(data)}"

    def locate(self, path: str) -> str:
        """A path as shown (relative to the working directory, or absolute) as keys hold it: relative to
        the folder holding the cache, with "/" separators (worked out once per path: a run asks for each
        file's key, its stat record and its known key)."""
        located = self._located.get(path)
        if located is None:
            full = os.path.normpath(os.path.join(self._cwd, path))
            if full.startswith(self._prefix):
                rel = full[len(self._prefix):]
            elif full == self._root:
                rel = "."
            else:  # outside the folder holding the cache: relpath (pure Python) once per folder of files
                folder, name = os.path.split(full)
                up = self._outside.get(folder)
                if up is None:
                    up = self._outside[folder] = os.path.relpath(folder, self._root)
                rel = name if up == "." else os.path.join(up, name)
            located = self._located[path] = rel.replace(os.sep, "/") if os.sep != "/" else rel
        return located

    def _select(self, columns: str, keys: Iterable[str]) -> Iterator[tuple]:
        """Rows of this code and config among `keys`, in chunks (raises sqlite3 errors)."""
        for chunk in chunks(keys):
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

    def blobs(self, keys: Iterable[str]) -> dict[str, bytes]:
        """The stored bytes of those keys that have a row, undecoded (for a worker to decode)."""
        if self._conn is None:
            return {}
        try:
            return dict(self._select("blob", list(dict.fromkeys(keys))))
        except sqlite3.DatabaseError as exc:
            self._broken(exc)
            return {}

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

    def heads(self, keys: Iterable[str], decode=loads) -> dict[str, tuple[RowIndex, Any]]:
        """The index and the head (decoded by `decode`) of those keys that have a row with a readable
        head (the rest are misses: their files are extracted again)."""
        if self._conn is None:
            return {}
        out: dict[str, tuple[RowIndex, Any]] = {}
        bad = 0
        try:
            for key, articles, officials, head in self._select("articles, officials, head", keys):
                try:
                    out[key] = (RowIndex(articles, frozenset(officials.split())), decode(head))
                except Exception:
                    bad += 1
        except sqlite3.DatabaseError as exc:
            self._broken(exc)
            return {}
        if bad:
            self._warn("rows", bad)
        return out

    def put_many(self, rows: Iterable[tuple[str, Any, RowIndex]]) -> None:
        """Store (key, value, index) rows; a value with a `head()` keeps its head's blob beside it."""
        if self._conn is None:
            return
        from timeline.engine.heads import encode_head

        self.put_encoded(
            Encoded(key, dumps(value), index, encode_head(value.head()) if hasattr(value, "head") else b"")
            for key, value, index in rows
        )

    def put_encoded(self, rows: Iterable[Encoded]) -> None:
        """Store rows already encoded (by the process that computed them), in one short transaction."""
        if self._conn is None:
            return
        records = [
            (self.code, self.config_key, row.key, row.key.split("\0", 1)[0], row.blob, row.index.articles,
             " ".join(sorted(row.index.officials)), row.head)
            for row in rows
        ]
        if not records:
            return
        try:
            with write_transaction(self._conn):
                self._conn.executemany(
                    "INSERT OR REPLACE INTO files (code, config, key, path, blob, articles, officials, head)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    records,
                )
        except sqlite3.DatabaseError as exc:
            self._write_failed(exc)

    # ---- the stat index --------------------------------------------------------------------------

    def _check_key_scheme(self) -> None:
        """Forget recorded stats when the key function changed (its output for a fixed probe differs)."""
        if self._stats_checked or self._conn is None:
            return
        self._stats_checked = True
        probe = self.key(os.path.join(self._root, "probe"), b"probe")  # the same from any directory
        row = self._conn.execute("SELECT value FROM meta WHERE name = 'key_probe'").fetchone()
        if row is None or row[0] != probe:
            with write_transaction(self._conn):
                self._conn.execute("DELETE FROM stats")
                self._conn.execute("INSERT OR REPLACE INTO meta (name, value) VALUES ('key_probe', ?)", (probe,))

    def known_keys(self, stats: Mapping[str, os.stat_result]) -> dict[str, str]:
        """The key of each path whose stat matches the one recorded with it (those need no reading)."""
        if self._conn is None or not stats:
            return {}
        out: dict[str, str] = {}
        shown = {self.locate(path): path for path in stats}  # recorded as keys hold paths
        try:
            self._check_key_scheme()
            for chunk in chunks(shown):
                marks = ",".join("?" * len(chunk))
                for located, size, mtime, ctime, ino, seen, key in self._conn.execute(
                    "SELECT path, size, mtime_ns, ctime_ns, ino, seen_ns, key FROM stats"
                    f" WHERE path IN ({marks})", chunk,
                ):
                    path = shown[located]
                    if (size, mtime, ctime, ino) == stat_signature(stats[path]) and max(mtime, ctime) < seen - RACY_NS:
                        out[path] = key
        except sqlite3.DatabaseError as exc:
            self._broken(exc)
            return {}
        return out

    def record_stats(self, rows: Iterable[tuple[str, os.stat_result, str]], seen_ns: int) -> None:
        """Remember (path, stat, key) as seen at `seen_ns` (a time taken before the files were read)."""
        if self._conn is None:
            return
        records = [(self.locate(path), *stat_signature(st), seen_ns, key) for path, st, key in rows]
        if not records:
            return
        try:
            self._check_key_scheme()
            with write_transaction(self._conn):
                self._conn.executemany(
                    "INSERT OR REPLACE INTO stats (path, size, mtime_ns, ctime_ns, ino, seen_ns, key)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)", records,
                )
        except sqlite3.DatabaseError as exc:
            self._write_failed(exc)

    # ---- pruning ---------------------------------------------------------------------------------

    def prune(self, live: Iterable[str], roots: Iterable[str] = ()) -> int:
        """Delete what no file refers to: rows written by other code, and rows (and recorded stats) of
        this config under `roots` (the paths this run listed, as shown) whose key is not `live` (edited
        or deleted files). Rows of other folders that share the cache stay. Returns how many rows went."""
        if self._conn is None:
            return 0
        conn = self._conn
        roots = [self.locate(r) for r in roots]
        try:
            with write_transaction(conn):
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
                gone = [(path,) for path, in conn.execute(
                    "SELECT path FROM stats WHERE key NOT IN (SELECT key FROM live)") if _under(path, roots)]
                conn.executemany("DELETE FROM stats WHERE path = ?", gone)
                conn.execute("DELETE FROM live")
        except sqlite3.DatabaseError as exc:
            self._broken(exc)
            return 0
        return deleted + len(stale)

    def holds_rows(self) -> bool:
        """Whether any file of this code and configuration is cached (False: a first run, or the
        first after an upgrade or a change of settings, extracts every file)."""
        if self._conn is None:
            return False
        try:
            return self._conn.execute("SELECT 1 FROM files WHERE code = ? AND config = ? LIMIT 1",
                                      (self.code, self.config_key)).fetchone() is not None
        except sqlite3.DatabaseError as exc:
            self._broken(exc)
            return False

    def __len__(self) -> int:
        if self._conn is None:
            return 0
        return self._conn.execute(
            "SELECT COUNT(*) FROM files WHERE code = ? AND config = ?", (self.code, self.config_key)
        ).fetchone()[0]


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
    if store.open():
        return store
    return NullStore(store.warnings)
