"""The local engine's file edge: list the archive, find each file's key (from the stat index when the
file did not change, else by reading it), look its row up in the cache, extract what is missing, and
load rows on demand.

Raw bytes are held one batch at a time (`BATCH_FILES`), so memory does not grow with the archive's size
in bytes; results extracted in this run stay in memory for the per-official stage.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from timeline.engine.cache import Encoded, NullStore, RowIndex, stat_signature
from timeline.engine.plan import FileHead, FileResult, Job
from timeline.model import InputProblem

BATCH_FILES = 2048  # files read and handed to the extractor at a time
MAX_PENDING_BATCHES = 2  # batches in flight at most: bounds the raw bytes held in memory
BACKGROUND_MIN_ROWS = 1000  # cached rows to load meanwhile that make a worker worth starting for a few files


@dataclass(frozen=True, slots=True, eq=False)
class Row:
    """One file of the archive as the run knows it: path as shown, cache key, index, and its head,
    as stored (`blob`, from the cache or a worker) or as computed here (`head`)."""

    path: str
    key: str
    index: RowIndex
    blob: bytes | None = None
    head: FileHead | None = None


class ArchiveFiles:
    """The files of one run and the cache they are looked up in."""

    def __init__(self, job: Job, progress=None) -> None:
        from timeline.engine.cache import extraction_key

        self.job = job
        self.progress = progress
        self.files: list[str] = []
        self.problems: list[InputProblem] = []
        self.config_key = extraction_key(job.roster_path, {"columns": dict(job.columns)} if job.columns else None)
        self.store = NullStore()
        self.fresh: dict[str, FileResult] = {}  # extracted in this process in this run, by key
        self.encoded: dict[str, tuple[bytes, RowIndex, bytes]] = {}  # extracted by workers: blob, index, head
        self.live: list[str] = []
        self._results_store = None
        self._pending: list = []  # extraction handed to workers, not yet collected
        self._submitted: dict[str, tuple[str, Any]] = {}  # path as shown -> (key, stat) read and handed out
        self._read_at = time.time_ns()  # before any stat: a file changed after this is never trusted

    @classmethod
    def open(cls, job: Job, progress=None, *, prefetch: Iterable[str] = (), extractor=None) -> "ArchiveFiles":
        """The archive's files listed and the cache opened; `prefetch` (hook mode's changed files) are
        read and handed to `extractor` first, so their extraction overlaps the listing. A run that will
        extract every file (no row cached) starts the extractor's workers as soon as the listing has
        found enough files for them, so that they load the language data while it lists the rest."""
        opened = cls(job, progress)
        if job.use_cache:
            opened._open_store()
            if prefetch and extractor is not None:
                opened._prefetch(prefetch, extractor)
        start = None
        if extractor is not None and job.focus is None and not opened.store.holds_rows():
            start = extractor.starter()
        opened._discover(start)
        if not opened.files:
            opened.store.close()
            opened.store = NullStore(opened.store.warnings)
        return opened

    def _open_store(self) -> None:
        from timeline.engine.cache import default_cache_dir, open_store

        job = self.job
        directory = job.cache_dir if job.cache_dir is not None else default_cache_dir(job.paths)
        self.store = open_store(Path(directory), self.config_key)

    def _discover(self, when_many=None) -> None:
        from timeline.ingest.discover import find_files

        self.files, problems = find_files(self.job.paths, self.job.exclude, when_many=when_many)
        self.problems.extend(problems)
        if self.progress is not None:
            self.progress.start(len(self.files))

    def _prefetch(self, paths: Iterable[str], extractor) -> None:
        from timeline.ingest import read_file

        items = []
        for path in paths:
            shown = display_path(self.job.paths, path)
            if shown is None or shown in self._submitted:
                continue
            try:
                st = os.stat(shown)
            except OSError:
                continue
            data, problem = read_file(shown)
            if data is None:
                continue
            key = self.store.key(shown, data)
            self._submitted[shown] = (key, st)
            items.append((key, shown, data))
        known = self.store.index(key for key, _, _ in items)
        todo = [item for item in items if item[0] not in known]
        if todo:
            self._pending.append(extractor.submit(todo, encode=self.store.enabled, background=True))

    def extracting(self) -> bool:
        """Whether files were handed to workers and are being extracted meanwhile."""
        return any(pending.running is not None for pending in self._pending)

    # ---- keys and rows ---------------------------------------------------------------------------

    def resolve(self, extractor, *, heads: bool, meanwhile=None) -> list[Row]:
        """Every readable file as a Row, in archive order, extracting the files the cache lacks.
        With `heads`, rows carry their head (loaded from the cache or taken from the fresh result).

        Files whose stat matches the stat index are not read; the files that must be read are read
        and handed to the extractor a batch at a time as they are found, so that workers extract while
        this process goes on through the listing and loads the cached rows of the rest (and then calls
        `meanwhile(rows found in the cache)`, if given, before it waits for them)."""
        store = self.store
        stats: dict[str, os.stat_result] = {}
        known: dict[str, str] = {}
        lookup = ((lambda ks: store.heads(ks, bytes)) if heads
                  else (lambda ks: {k: (v, None) for k, v in store.index(ks).items()}))
        key_of: dict[str, str] = {}
        cached: dict[str, Any] = {}
        recorded: list[tuple[str, os.stat_result, str]] = []
        for start in range(0, len(self.files), BATCH_FILES):
            batch = self.files[start : start + BATCH_FILES]
            if store.enabled:
                for path in batch:
                    try:
                        stats[path] = os.stat(path)
                    except OSError:
                        pass  # reading it below names the problem
            known.update(store.known_keys({p: stats[p] for p in batch if p in stats}))
            unknown = [path for path in batch if path not in known]
            if unknown:
                # the rows found or still to list: this process's work while a worker extracts these
                background = len(known) + len(self.files) - start - len(batch) >= BACKGROUND_MIN_ROWS
                self._read_and_submit(unknown, extractor, lookup, stats, key_of, cached, recorded, background)
        for start in range(0, len(self.files), BATCH_FILES):
            batch = [known[p] for p in self.files[start : start + BATCH_FILES] if p in known]
            cached.update(lookup(batch))
        # Files the stat index knows whose row is gone (other code or settings wrote the cache): read them.
        stale = [path for path in self.files if path in known and known[path] not in cached]
        key_of.update((path, known[path]) for path in self.files if path in known and known[path] in cached)
        for start in range(0, len(stale), BATCH_FILES):
            self._read_and_submit(stale[start : start + BATCH_FILES], extractor, lookup, stats, key_of,
                                  cached, recorded, False)
        if self.progress is not None and cached:
            self.progress.advance(len(cached))
        if meanwhile is not None and self.extracting():
            meanwhile(len(cached))
        while self._pending:
            self._collect(self._pending.pop(0))
        store.record_stats(recorded, self._read_at)
        from timeline.engine.relocate import relocate

        rows = []
        for path in self.files:
            key = key_of.get(path)
            if key is None:
                continue
            if key in cached:
                index, blob = cached[key]
                rows.append(Row(path, key, index, blob))
            elif key in self.encoded:
                blob, index, head = self.encoded[key]
                rows.append(Row(path, key, index, head))
            else:
                result = self.fresh[key] = relocate(self.fresh[key], path)
                rows.append(Row(path, key, result.index(), None, result.head() if heads else None))
        self.live.extend(row.key for row in rows)
        return rows

    def _read_and_submit(self, paths, extractor, lookup, stats, key_of, cached, recorded, background) -> None:
        """Read these files, look their keys up, and hand the ones the cache lacks to the extractor."""
        data_of: dict[str, bytes] = {}
        items = []
        for path in paths:
            prefetched = self._submitted.get(path)
            if prefetched is not None and path in stats and stat_signature(prefetched[1]) == stat_signature(stats[path]):
                key_of[path] = prefetched[0]
                items.append((prefetched[0], path))
                recorded.append((path, prefetched[1], prefetched[0]))
                continue
            key = self._read(path, data_of)
            if key is not None:
                key_of[path] = key
                items.append((key, path))
                if path in stats:
                    recorded.append((path, stats[path], key))
        cached.update(lookup([key for key, _ in items]))
        todo = [(key, path, data_of[key]) for key, path in items if key not in cached and key in data_of]
        if todo:
            self._pending.append(extractor.submit(todo, encode=self.store.enabled, background=background))
        while len(self._pending) > MAX_PENDING_BATCHES:  # bound the bytes in flight
            self._collect(self._pending.pop(0))

    def _collect(self, pending) -> None:
        """Store what a batch's extraction gave: rows encoded by workers are kept encoded (decoding
        every row as it comes would hold the whole archive in memory beside the workers)."""
        encoded: list[Encoded] = []
        for key, enc, result in pending.results():
            if result is not None:
                self.fresh[key] = result
            if enc is not None:
                self.encoded[key] = (enc.blob, enc.index, enc.head)
                encoded.append(enc)
            if self.progress is not None:
                self.progress.advance(result if result is not None else 1)
        self.store.put_encoded(encoded)

    def _read(self, path: str, data_of: dict) -> str | None:
        from timeline.ingest import read_file

        data, problem = read_file(path)
        if problem is not None:
            self.problems.append(problem)
            return None
        key = self.store.key(path, data)
        data_of[key] = data
        return key

    def load(self, rows: Iterable[Row]) -> list[FileResult]:
        """The full results of these rows, in order: fresh ones from memory, the rest from the cache
        (a row that cannot be loaded any more is extracted again)."""
        from timeline.engine.relocate import relocate

        from timeline.engine.codec import loads

        rows = list(rows)
        cached = self.store.get_many(r.key for r in rows if r.key not in self.fresh and r.key not in self.encoded)
        out = []
        for row in rows:
            result = self.fresh.get(row.key) or cached.get(row.key)
            if result is None and row.key in self.encoded:
                result = loads(self.encoded[row.key][0])
            if result is not None:
                result = relocate(result, row.path)
            if result is None:
                from timeline.engine.plan import map_file
                from timeline.ingest import read_file

                data, problem = read_file(row.path)
                if data is None:
                    self.problems.append(problem)
                    continue
                result = map_file(row.path, data, *self.context())
            out.append(result)
        return out

    def forget(self) -> None:
        """Let go of this run's extracted rows (the checks per official have what they need)."""
        self.fresh.clear()
        self.encoded.clear()

    def context(self) -> tuple:
        """(roster, read options): what extraction needs besides the bytes."""
        from timeline.engine.local import _reading, _roster

        return _roster(self.job.roster_path), _reading(self.job.columns)

    def digests(self, rows: Iterable[Row]) -> list:
        return [d for result in self.load(rows) for d in result.digests]

    def blobs(self, rows: Iterable[Row]) -> list[tuple[str, bytes]]:
        """(path as shown, bytes as the cache stores them) of these rows, in order, without decoding
        them: what a worker decodes itself."""
        from timeline.engine.codec import dumps

        rows = list(rows)
        stored = self.store.blobs(r.key for r in rows if r.key not in self.fresh and r.key not in self.encoded)
        out = []
        for row in rows:
            blob = self.encoded[row.key][0] if row.key in self.encoded else stored.get(row.key)
            if blob is None:  # extracted here, or a row gone from the cache: loaded (or extracted) again
                result = self.fresh.get(row.key) or next(iter(self.load([row])), None)
                if result is None:
                    continue  # nothing to read any more: `digests` would give none either
                blob = dumps(result)
            out.append((row.path, blob))
        return out

    # ---- the rest of the run ---------------------------------------------------------------------

    def results(self):
        """The per-official results cache beside the extraction cache (a no-op one when uncached)."""
        from timeline.engine.results import NullResults, open_results

        if self._results_store is None:
            self._results_store = open_results(self.store.path.parent) if self.store.enabled else NullResults()
        return self._results_store

    def store_code(self) -> str:
        from timeline.engine.cache import code_fingerprint

        return getattr(self.store, "code", None) or code_fingerprint()

    def problems_with(self, more: Iterable[InputProblem]) -> tuple[InputProblem, ...]:
        return (*self.problems, *more)

    def notes(self, results_store=None) -> tuple:
        return (*self.store.warnings, *(results_store.warnings if results_store is not None else ()))

    def finish(self) -> None:
        """Prune what no file of this run refers to any more."""
        self.store.prune(self.live, self.job.paths)

    def close(self, *, background: bool = False) -> None:
        """Close the caches (`background`: see `SqliteStore.close`)."""
        self.store.close(background=background)
        if self._results_store is not None:
            self._results_store.close(background=background)




def display_path(roots: Iterable[str], path: str) -> str | None:
    """`path` as the archive listing will show it (under the first root that holds it), or None."""
    import posixpath

    target = os.path.abspath(path)
    for root in roots:
        base = os.path.abspath(root)
        if target != base and target.startswith(os.path.join(base, "")):
            rel = os.path.relpath(target, base).replace(os.sep, "/")
            shown = os.fspath(root).replace(os.sep, "/").rstrip("/") or "/"
            return rel if shown in (".", "./") else posixpath.join(shown, rel)
    return None
