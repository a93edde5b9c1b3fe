"""What every SQLite file of the cache shares: opening it safely, rebuilding it when it is not ours, and
short write transactions on a WAL database.

A store subclass names its file, its tables and its schema version. Anything wrong with the file (not
SQLite, another application's database, another schema, a read-only directory) costs a one-line
warning and a rebuild or an uncached run, never a crash; a damaged or foreign file is set aside
(renamed `NAME.broken`, replacing an older one) rather than deleted, so it can still be looked at; concurrent runs (two pre-commit hooks, an
editor plugin) share a file safely because writes take the lock at once and stay short.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from timeline import __version__
from timeline.lang import Text

APPLICATION_ID = 0x544C4331  # "TLC1": marks a file as ours (PRAGMA application_id)
BUSY_TIMEOUT_MS = 15_000
CHUNK = 500  # keys per SELECT ... IN (...), well under SQLite's variable limit
PAGE_SIZE = 16384  # rows are ~2 kB compressed: 4 kB pages would hold one row each, half empty


@contextmanager
def write_transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """One short write transaction that takes the lock at once (concurrent runs wait, never corrupt)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def chunks(keys: Iterable[str]) -> Iterator[list[str]]:
    """Distinct keys in input order, in slices small enough for one `IN (...)`."""
    wanted = list(dict.fromkeys(keys))
    for i in range(0, len(wanted), CHUNK):
        yield wanted[i : i + CHUNK]


class SqliteStore:
    """One SQLite file of the cache; subclasses set `SCHEMA`, `TABLES`, `DATA_TABLES` and `VERSION`."""

    enabled = True
    SCHEMA: tuple[str, ...] = ()
    TABLES: frozenset[str] = frozenset({"meta"})
    DATA_TABLES: tuple[str, ...] = ()  # emptied when another version of timeline wrote the file
    VERSION = 1  # PRAGMA user_version; bump when the tables or the blob format change

    def __init__(self, path: Path) -> None:
        self.path = path
        self.warnings: list[Text] = []
        self._conn: sqlite3.Connection | None = None

    # ---- opening and rebuilding ------------------------------------------------------------------

    def _warn(self, kind: str, detail: object) -> None:
        self.warnings.append(Text.of(f"cache.{kind}", path=str(self.path), detail=detail, aside=self.aside.name))

    @property
    def aside(self) -> Path:
        """Where a damaged or foreign file is set aside."""
        return self.path.with_name(self.path.name + ".broken")

    def _connect(self) -> sqlite3.Connection:
        # (one thread at a time uses it; `close(background=True)` closes it from another)
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                               check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        return conn

    def open(self) -> bool:
        """Open (creating or rebuilding as needed); False when the file cannot be used at all."""
        try:
            if not self.path.parent.is_dir():  # only a directory we create is marked (never a user's folder)
                try:
                    self.path.parent.mkdir(parents=True)
                except FileExistsError:
                    if not self.path.parent.is_dir():
                        raise
                    # a run started at the same moment made it (and marks it)
                else:
                    mark_cache_dir(self.path.parent)
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
            if not (self._set_aside() if problem[0] in ("corrupt", "foreign") else self._remove_files()):
                return False
        self._warn("unwritable", Text.of("cache.rebuild_failed"))
        return False

    def _validate(self, conn: sqlite3.Connection) -> tuple[str, object] | None:
        """Check the file is ours (initializing an empty one); a (warning kind, detail) if not."""
        conn.execute("BEGIN")  # one read snapshot: a run initializing the file at this moment is seen whole or not at all
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            user_version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.execute("COMMIT")
        if app_id == 0 and not tables:
            self._initialize(conn)
        elif app_id != APPLICATION_ID:
            return ("foreign", f"application id {app_id:#x}" if app_id else "other tables")
        elif user_version != self.VERSION or not self.TABLES <= tables:
            return ("foreign", f"schema {user_version}")
        self._enable_wal(conn)
        row = conn.execute("SELECT value FROM meta WHERE name = 'tool_version'").fetchone()
        if row is None or row[0] != __version__:
            if row is not None:
                self._warn("version", row[0])
            with write_transaction(conn):
                current = conn.execute("SELECT value FROM meta WHERE name = 'tool_version'").fetchone()
                if current is None or current[0] != __version__:  # another run may have just done it
                    for table in self.DATA_TABLES:
                        conn.execute(f"DELETE FROM {table}")
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

    def _initialize(self, conn: sqlite3.Connection) -> None:
        conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")  # takes effect only outside a transaction
        with write_transaction(conn):
            # Re-check inside the write lock: a concurrent run may have initialized it first.
            if conn.execute("PRAGMA application_id").fetchone()[0] == 0:
                conn.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
                for statement in self.SCHEMA:
                    conn.execute(statement)
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                conn.execute(f"PRAGMA user_version = {self.VERSION}")
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

    def _set_aside(self) -> bool:
        """Rename the file (and its WAL) to `aside`, so the next open builds a new one."""
        for suffix in ("-wal", "-shm", "-journal", ""):
            try:
                os.replace(f"{self.path}{suffix}", f"{self.aside}{suffix}")
            except FileNotFoundError:
                if suffix:
                    try:  # an older set-aside file must not be paired with a WAL that is not its own
                        os.unlink(f"{self.aside}{suffix}")
                    except OSError:
                        pass
            except OSError as exc:
                self._warn("unwritable", exc.strerror or exc)
                return False
        return True

    def _broken(self, exc: Exception) -> None:
        """The database failed mid-run: warn once, set it aside, and carry on uncached."""
        self._warn("corrupt", exc)
        self.close()
        self._set_aside()

    def _write_failed(self, exc: sqlite3.DatabaseError) -> None:
        """A write failed: a read-only file stops caching for this run; anything else is damage."""
        if isinstance(exc, sqlite3.OperationalError) and ("readonly" in str(exc) or "read-only" in str(exc)):
            self._warn("unwritable", exc)
            self.close()
        else:
            self._broken(exc)

    def close(self, *, background: bool = False) -> None:
        """Close the file. `background` (a run's last close): SQLite's final checkpoint of its log into
        the file (0.06 s after a cold run of 20,000 articles) runs in a thread while the report is
        written; the interpreter waits for that thread before it exits."""
        conn, self._conn = self._conn, None
        if conn is None:
            return
        if background:
            threading.Thread(target=_close_quietly, args=(conn,), name="timeline-cache-close").start()
        else:
            conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _close_quietly(conn: sqlite3.Connection) -> None:
    try:
        conn.close()
    except sqlite3.Error:  # the rows are committed already; a failed checkpoint is redone at the next open
        pass


def mark_cache_dir(directory: Path) -> None:
    """Keep the cache out of git and backups, like pytest's cache: a `.gitignore` and CACHEDIR.TAG."""
    gitignore = directory / ".gitignore"
    if not gitignore.exists():
        gitignore.write_text("# created by timeline\n*\n", encoding="utf-8")
    tag = directory / "CACHEDIR.TAG"
    if not tag.exists():
        tag.write_text(
            "Signature: 8a477f597d28d172789f06886806bc55\n# timeline extraction cache\n", encoding="utf-8"
        )
