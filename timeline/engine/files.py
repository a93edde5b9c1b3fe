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

from timeline.engine.cache import Encoded, NullStore, RowIndex
from timeline.engine.plan import FileHead, FileResult, Job
from timeline.model import InputProblem

BATCH_FILES = 2048  # files read and extracted at a time: bounds the raw bytes held in memory


@dataclass(frozen=True, slots=True, eq=False)
class Row:
    """One file of the archive as the run knows it: path as shown, cache key, index, head."""

    path: str
    key: str
    index: RowIndex
    head: FileHead | None


class ArchiveFiles:
    """The files of one run and the cache they are looked up in."""

    def __init__(self, job: Job, files: list[str], problems: list[InputProblem], store, progress) -> None:
        self.job = job
        self.files = files
        self.problems = problems
        self.store = store
        self.progress = progress
        self.fresh: dict[str, FileResult] = {}  # extracted in this run, by key
        self.live: list[str] = []
        self.config_key = ""
        self._results_store = None

    @classmethod
    def open(cls, job: Job, progress=None) -> "ArchiveFiles":
        from timeline.engine.cache import default_cache_dir, extraction_key, open_store
        from timeline.ingest import find_files

        files, problems = find_files(job.paths, job.exclude)
        config_key = extraction_key(job.roster_path)
        if not job.use_cache or not files:
            store = NullStore()
        else:
            directory = job.cache_dir if job.cache_dir is not None else default_cache_dir(job.paths)
            store = open_store(Path(directory), config_key)
        if progress is not None:
            progress.start(len(files))
        opened = cls(job, files, list(problems), store, progress)
        opened.config_key = config_key
        return opened

    # ---- keys and rows ---------------------------------------------------------------------------

    def resolve(self, extractor, *, heads: bool) -> list[Row]:
        """Every readable file as a Row, in archive order, extracting the files the cache lacks.
        With `heads`, rows carry their head (loaded from the cache or taken from the fresh result)."""
        rows: list[Row] = []
        for start in range(0, len(self.files), BATCH_FILES):
            rows.extend(self._resolve_batch(self.files[start : start + BATCH_FILES], extractor, heads))
        return rows

    def _resolve_batch(self, batch: list[str], extractor, heads: bool) -> list[Row]:
        store = self.store
        seen_ns = time.time_ns()  # before any stat: a file changed after this is never trusted
        stats = {}
        if store.enabled:
            for path in batch:
                try:
                    stats[path] = os.stat(path)
                except OSError:
                    pass  # reading it below names the problem
        known = store.known_keys(stats)
        data_of: dict[str, bytes] = {}
        keyed = [(path, known.get(path) or self._read(path, data_of)) for path in batch]
        lookup = store.heads if heads else (lambda ks: {k: (v, None) for k, v in store.index(ks).items()})
        cached: dict[str, Any] = lookup([key for _, key in keyed if key])
        # A file the stat index knows whose row is gone (other code or settings wrote the cache): read it.
        stale = [n for n, (path, key) in enumerate(keyed) if key and key not in cached and key not in data_of]
        for n in stale:
            keyed[n] = (keyed[n][0], self._read(keyed[n][0], data_of))
        if stale:
            cached.update(lookup([keyed[n][1] for n in stale if keyed[n][1]]))
        keyed = [(path, key) for path, key in keyed if key]
        self.live.extend(key for _, key in keyed)
        recorded = [(path, stats[path], key) for path, key in keyed if key in data_of and path in stats]
        todo = [(key, path, data_of[key]) for path, key in keyed if key not in cached]
        if self.progress is not None and cached:
            self.progress.advance(len(cached))
        encoded: list[Encoded] = []
        for key, enc, result in extractor.run(todo, encode=store.enabled):
            self.fresh[key] = result
            if enc is not None:
                encoded.append(enc)
            if self.progress is not None:
                self.progress.advance(result)
        store.put_encoded(encoded)
        store.record_stats(recorded, seen_ns)
        rows = []
        for path, key in keyed:
            if key in cached:
                index, head = cached[key]
            else:
                result = self.fresh[key]
                index, head = result.index(), result.head() if heads else None
            rows.append(Row(path, key, index, head))
        return rows

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
        rows = list(rows)
        cached = self.store.get_many(r.key for r in rows if r.key not in self.fresh)
        out = []
        for row in rows:
            result = self.fresh.get(row.key) or cached.get(row.key)
            if result is None:
                from timeline.engine.plan import map_file
                from timeline.ingest import read_file

                data, problem = read_file(row.path)
                if data is None:
                    self.problems.append(problem)
                    continue
                result = map_file(row.path, data, _roster(self.job))
            out.append(result)
        return out

    def digests(self, rows: Iterable[Row]) -> list:
        return [d for result in self.load(rows) for d in result.digests]

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

    def close(self) -> None:
        self.store.close()
        if self._results_store is not None:
            self._results_store.close()


def _roster(job: Job):
    if not job.roster_path:
        return None
    from timeline.extract.roster import load_roster

    return load_roster(job.roster_path)
