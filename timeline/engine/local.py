"""The local engine: the plan's stages on one machine, serially or across a process pool, with the cache.

Reading files, the cache and the executor live here, at the edge; `--jobs N` gives the same result as
`--jobs 1` (the `serial` engine) because the stages are pure and results are gathered in input order.
A warm run reads only the files whose stat changed (`engine.files`), loads only each file's head to
establish who is who, and re-checks only the officials whose inputs changed (`engine.results`).
"""

from __future__ import annotations

import gc
import os
import signal
import sys
from concurrent.futures import CancelledError, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence

from timeline.engine.cache import Encoded
from timeline.engine.plan import FileResult, Job, OfficialResult, RunResult, encode as encode_row, map_file
from timeline.lang import Text
from timeline.model import Archive

POOL_MIN_FILES = 64  # below this, starting processes costs more than it saves
# Files extracted from which the workers load the checks' code before the extraction ends: so many files
# name far more officials than the pool checks need (official_pool.POOL_MIN_OFFICIALS); with fewer, the
# checks may run here, and the pool's shutdown would wait for workers loading code nobody uses.
CHECK_CODE_AHEAD_MIN_FILES = 1000

_WORKER_ROSTER = None
_WORKER_READING = None


def _init_worker(roster, reading=None, parent: int | None = None) -> None:
    global _WORKER_ROSTER, _WORKER_READING
    # Ctrl-C reaches the whole process group: the parent alone stops the run (no traceback per worker).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):  # held back by `worker_pool` while this process forked
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    _die_with(parent)
    _WORKER_ROSTER = roster
    _WORKER_READING = reading


def _map_in_worker(item: tuple[str, bytes]) -> FileResult:
    return map_file(item[0], item[1], _WORKER_ROSTER, _WORKER_READING)


def _encode_in_worker(item: tuple[str, str, bytes]) -> Encoded:
    key, path, data = item
    return encode_row(key, map_file(path, data, _WORKER_ROSTER, _WORKER_READING))


def _warm_up() -> None:
    """Load the language data and compile the grammar in this worker: a short article extracted."""
    from timeline.lang import table

    map_file("warm-up.txt", table("id", "warmup")["article"].encode(), _WORKER_ROSTER, _WORKER_READING)


def _die_with(parent: int | None) -> None:
    """A worker ends when the run's process does (`kill -9` of timeline must not leave idle workers
    holding its output pipes open): PR_SET_PDEATHSIG on Linux."""
    if parent is None or not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - no libc prctl
        return
    if os.getppid() != parent:  # the run ended before the setting took
        os._exit(1)


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def worker_pool(jobs: int, roster=None, reading=None) -> ProcessPoolExecutor:
    """Processes that extract files; each loads the language data once. They are started here with
    Ctrl-C held back until each ignores it: one that came while a worker was forking would stop that
    worker with a traceback of its own; held back, it reaches this process once they are started."""
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(roster, reading, os.getpid()))
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - not on Unix
        return pool
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        pool.submit(os.getpid)  # the first task forks every worker, and the pool's threads, now
        signal.pthread_sigmask(signal.SIG_SETMASK, held)  # a Ctrl-C held back arrives here
    except BaseException:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    return pool


class Extractor:
    """Extracts files serially, or in a process pool started the first time a batch is big enough."""

    def __init__(self, jobs: int | None, roster=None, reading=None) -> None:
        self.jobs = cpu_count() if jobs is None or jobs <= 0 else jobs
        self.roster = roster
        self.reading = reading  # ingest.ReadOptions (CSV columns)
        self.pool: ProcessPoolExecutor | None = None
        self.notes: list[Text] = []  # e.g. a worker process that died: the run went on without the pool
        self.broken = False
        self.check_code_queued = False

    def submit(self, items: Sequence[tuple[str, str, bytes]], *, encode: bool = True,
               background: bool = False) -> "Pending":
        """Hand (key, path, bytes) items over; `Pending.results()` gives (key, encoded row or None,
        result or None) in input order: a result extracted here (encoded too when `encode`), or the
        row a worker encoded (its bytes are all that crosses between processes). With `background`
        (this process has other work meanwhile), even a few files go to a worker, so their extraction
        overlaps that work."""
        use_pool = not self.broken and self.jobs > 1 and (
            len(items) >= POOL_MIN_FILES or background or self.pool is not None)
        if not use_pool:
            return Pending(items, None, encode, self)
        if self.pool is None:
            self.pool = worker_pool(self.jobs, self.roster, self.reading)
        chunk = max(1, min(64, len(items) // (self.jobs * 8) or 1))
        return Pending(items, self.pool.map(_encode_in_worker, items, chunksize=chunk), encode, self)

    def start(self) -> None:
        """Start the workers now, each loading the language data and grammar while this process lists
        and reads the files: for a run that will extract every file (no cache yet, or none used)."""
        if self.broken or self.jobs <= 1 or self.pool is not None:
            return
        self.pool = worker_pool(self.jobs, self.roster, self.reading)
        for _ in range(self.jobs):
            self.pool.submit(_warm_up)

    def starter(self) -> tuple[int, Callable[[], None]]:
        """(files, `start`): how many files a listing must find before starting the workers pays."""
        return POOL_MIN_FILES, self.start

    def queue_check_code(self) -> None:
        """Have the workers load the checks' code (`official_pool.import_check_code`, 0.13 s each) after
        the files queued so far, once: queued before the extraction ends, it fills the end of it (one
        worker finishes its last files before the other) instead of delaying the first group checked."""
        from timeline.engine.official_pool import import_check_code

        if self.pool is None or self.broken or self.check_code_queued:
            return
        for _ in range(self.jobs):
            self.pool.submit(import_check_code)
        self.check_code_queued = True

    def pool_died(self, exc: BaseException) -> None:
        """A worker process died (killed, out of memory): warn once; the rest is extracted here."""
        if not self.broken:
            self.notes.append(Text.of("cli.worker_died", detail=str(exc) or type(exc).__name__))
        self.broken = True
        self.close(cancel=True)

    def close(self, *, cancel: bool = False) -> None:
        """Stop the pool; with `cancel` (an interruption, a dead worker), the queued files are dropped and
        only those a worker already holds are waited for (not waiting at all races the interpreter's
        exit handler of the pool: an EBADF traceback at exit, CPython 3.11)."""
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=cancel)
            self.pool = None


class Pending:
    """Extraction handed to the pool (already running) or deferred to `results()` (in this process)."""

    def __init__(self, items, running, encode: bool, extractor: Extractor) -> None:
        self.items = items
        self.running = running
        self.encode = encode
        self.extractor = extractor

    def results(self) -> Iterable[tuple[str, Encoded | None, FileResult | None]]:
        done = 0
        if self.running is not None:
            try:
                for row in self.running:
                    done += 1
                    yield row.key, row, None
                return
            except (BrokenProcessPool, CancelledError) as exc:  # a later batch of a pool that broke: cancelled
                self.extractor.pool_died(exc)
        context = (self.extractor.roster, self.extractor.reading)
        for key, path, data in self.items[done:]:
            result = map_file(path, data, *context)
            yield key, (encode_row(key, result) if self.encode else None), result


def extract_many(
    items: Sequence[tuple[str, bytes]],
    roster=None,
    jobs: int | None = None,
    on_result: Callable[[FileResult], None] | None = None,
    pool: ProcessPoolExecutor | None = None,
    reading=None,
) -> list[FileResult]:
    """`map_file` over files in input order, serially or across processes, with identical results."""
    jobs = cpu_count() if jobs is None or jobs <= 0 else jobs
    if pool is None and (jobs == 1 or len(items) < POOL_MIN_FILES):
        results = [map_file(path, data, roster, reading) for path, data in items]
    else:
        own = pool is None
        pool = pool or worker_pool(jobs, roster, reading)
        try:
            chunk = max(8, min(256, len(items) // (jobs * 8) or 1))
            results = list(pool.map(_map_in_worker, items, chunksize=chunk))
        finally:
            if own:
                pool.shutdown()
    if on_result:
        for result in results:
            on_result(result)
    return results


def _reading(columns: Mapping[str, str] | None):
    """The read options of `--columns` (None: the readers' defaults)."""
    if not columns:
        return None
    from timeline.ingest import ReadOptions

    return ReadOptions.of(columns)


def _roster(path: Path | None):
    if not path:
        return None
    from timeline.extract.roster import load_roster

    return load_roster(path)


def run_local(job: Job, progress=None) -> RunResult:
    """The three stages on this machine (`jobs` processes for extraction), with the cache unless
    `use_cache` is off: the `local` engine (and with one job, `serial`)."""
    from timeline.engine.files import ArchiveFiles

    from dataclasses import replace

    extractor = Extractor(job.jobs, _roster(job.roster_path), _reading(job.columns))
    try:
        files = ArchiveFiles.open(job, progress, prefetch=job.focus or (), extractor=extractor)
        try:
            if job.focus is not None and files.store.enabled:
                result = _run_focused(files, extractor, job)
            else:
                result = _run_whole(files, extractor, job)
        except BaseException:
            files.close()
            raise
        files.close(background=True)  # the caches' last checkpoint overlaps the report
    except BaseException:
        extractor.close(cancel=True)  # Ctrl-C: do not wait for the files queued to the workers
        raise
    extractor.close()
    return replace(result, notes=(*result.notes, *extractor.notes)) if extractor.notes else result


def run_serial(job: Job, progress=None) -> RunResult:
    """The `serial` engine: the local engine in this one process."""
    from dataclasses import replace

    return run_local(replace(job, jobs=1), progress)


def _run_whole(files, extractor: Extractor, job: Job) -> RunResult:
    """A whole run: heads establish who is who (or the cached identity, when no file's officials
    changed); cached per-official results are reused; the other officials are checked from the
    digests of the files that involve them (on the extractor's workers, when it started them)."""
    from timeline.engine.gc_pause import paused_gc
    from timeline.engine.official_pool import check_officials, import_check_code
    from timeline.engine.results import encode_result, official_keys, salt_of, scope_of

    def load_check_code(cached: int) -> None:
        """The checks' code, loaded here while workers extract, when most files came from the cache (an
        edit: its few officials are checked here). A run extracting many files checks on the workers:
        they load it after their last files instead (here it would take a core from them)."""
        if cached > len(files.files) // 2:
            import_check_code()
        elif len(files.files) - cached >= CHECK_CODE_AHEAD_MIN_FILES:
            extractor.queue_check_code()

    read: list | None = None

    def file_records() -> list:
        """What the report needs of every file besides its officials' results (its article drafts and
        problems), after pruning the files no longer listed: read while the workers check, if they do."""
        nonlocal read
        if read is None:
            files.finish()
            read = [_records(r) for r in rows]
        return read

    def while_checking() -> None:
        """This process's work while the workers check: the files' records, then one pass of the collector
        over what the run built since the listing (else it would walk it all here as the pause ends)."""
        file_records()
        gc.collect()

    # The rows, every file's officials decoded and every cached result pile up to the end of the run: the
    # collector is paused over all of it, to the end of the checks (its passes would walk them again and
    # again; out and back in between two pauses, it walked every row once more; resumed before the
    # checks, it walked them while the first groups were being sent).
    with paused_gc():
        rows = files.resolve(extractor, heads=True, meanwhile=load_check_code)
        store = files.results()
        code = files.store_code()
        salt = salt_of(code, files.config_key, job.plan.fingerprint())
        scope = scope_of(job.paths, salt)
        identity = _identity(rows, store, code, files.config_key, scope, extractor.roster)
        if files.progress is not None:
            files.progress.update(officials=len(identity.officials))
        results: dict = {}
        if store.enabled:
            keys = official_keys([(r.path, r.key, r.index) for r in rows], identity, salt)
            cached = store.get_many(keys.values(), lazy_events=job.lazy_events)
            results = {oid: cached[key] for oid, key in keys.items() if key in cached}
            todo = {oid for oid in keys if oid not in results}
        else:
            todo = {identity.canonical(x) for r in rows for x in r.index.officials}
        if todo:
            fresh, encoded = check_officials(files, rows, identity, todo, job.plan, extractor,
                                             lazy_events=job.lazy_events, meanwhile=while_checking)
    if todo:
        files.forget()  # what the report needs is in the results now
        if store.enabled:
            store.put_records(((keys[oid], encoded[oid] if oid in encoded else encode_result(fresh.get(oid, _EMPTY)))
                               for oid in todo), scope, code)
        results.update(fresh)
    extractor.close()  # its processes would only add to the peak memory from here on
    if store.enabled:
        store.prune(keys.values(), scope, code)
    records = file_records()
    return RunResult(
        articles=sum(r.index.articles for r in rows),
        problems=files.problems_with(p for _, problems in records for p in problems),
        notes=files.notes(store),
        identity=identity,
        article_drafts=tuple(d for drafts, _ in records for d in drafts),
        officials={oid: r for oid, r in results.items() if r.drafts or r.events},
        sources={s.key: s for r in rows for s in _sources(r)} if job.sources else None,
        root=job.root,
    )


def _identity(rows, store, code: str, config_key: str, scope: str, roster):
    """Identity from every file's officials; cached by their bytes, so an edit that leaves every
    file's officials as they were does not build a single Official."""
    from timeline.archive.identity import identify
    from timeline.engine import heads

    if not store.enabled or any(r.blob is None for r in rows):
        return identify((officials for officials in _officials(rows) for officials in officials), roster)
    key = heads.identity_key(f"{code}\0{config_key}", (r.blob for r in rows))
    identity = store.identity(key)
    if identity is None:
        identity = identify((officials for officials in _officials(rows) for officials in officials), roster)
        store.put_identity(key, identity, scope, code)
    return identity


def _officials(rows) -> list:
    """Each row's officials per article (decoding the stored heads in one pass)."""
    from timeline.engine import heads

    decoded = iter(heads.officials([r.blob for r in rows if r.head is None]))
    return [r.head.officials if r.head is not None else next(decoded) for r in rows]


def _sources(row) -> tuple:
    """A row's articles, as the HTML report names them."""
    from timeline.engine import heads

    return row.head.sources if row.head is not None else heads.sources(row.blob, row.path)


def _records(row) -> tuple:
    """A row's article drafts and problems, with the file shown as this run shows it."""
    from timeline.engine import heads

    if row.head is not None:
        return row.head.drafts, row.head.problems
    return heads.records(row.blob, row.path)


def _run_focused(files, extractor: Extractor, job: Job) -> RunResult:
    """Hook mode: only the rows that share an official with the changed files are loaded; the other
    rows' articles are counted from the cache index."""
    from timeline.archive.identity import identify
    from timeline.checks.runner import norm_path, run_archive
    from timeline.engine.gc_pause import paused_gc
    from timeline.engine.official_pool import import_check_code

    if files.extracting():
        import_check_code()  # while a worker extracts the changed files, this process would only wait
    rows = files.resolve(extractor, heads=False)
    wanted = {norm_path(p) for p in job.focus}
    basenames = {os.path.basename(p) for p in wanted}
    focus = {r.key for r in rows if os.path.basename(r.path) in basenames and norm_path(r.path) in wanted}
    involved = frozenset().union(*(r.index.officials for r in rows if r.key in focus))
    with paused_gc():  # the rows of the changed files' officials, decoded
        loaded = files.load(r for r in rows if r.key in focus or r.index.officials & involved)
        digests = tuple(d for result in loaded for d in result.digests)
        identity = identify((d.officials for d in digests), extractor.roster)
    files.finish()
    archive = Archive(
        digests=digests,
        identity=identity,
        problems=files.problems_with(p for result in loaded for p in result.problems),
        notes=files.notes(),
        unloaded=sum(r.index.articles for r in rows) - len(digests),
        root=job.root,
    )
    return run_archive(archive, job.plan, wanted, sources=job.sources)


_EMPTY = OfficialResult((), ())  # an official the files name, with no claim and no listed event


def load_archive(
    paths: Sequence[str],
    *,
    exclude: Sequence[str] = (),
    roster_path: Path | None = None,
    jobs: int | None = None,
    use_cache: bool = True,
    cache_dir: Path | None = None,
    progress=None,
    focus: Iterable[str] | None = None,
    columns: Mapping[str, str] | None = None,
    root: str | None = None,
) -> Archive:
    """Read an archive (files and directories), extract every article, and establish who is who: the
    whole Archive in memory, for the commands that list or draw it (`officials`, `events`, `graph`).
    `columns` names the CSV/TSV column of article fields (`--columns`); `root` the archive's root
    (default: `ingest.discover.archive_root`)."""
    from timeline.archive.identity import identify
    from timeline.ingest.discover import archive_root
    from timeline.checks.runner import OfficialPlan
    from timeline.engine.files import ArchiveFiles

    job = Job(tuple(paths), OfficialPlan(), tuple(exclude), roster_path, jobs, use_cache, cache_dir,
              tuple(focus) if focus is not None else None, columns=dict(columns or {}))
    roster = _roster(roster_path)
    extractor = Extractor(jobs, roster, _reading(job.columns))
    try:
        files = ArchiveFiles.open(job, progress)
        try:
            loaded = files.load(files.resolve(extractor, heads=False))
            digests = tuple(d for result in loaded for d in result.digests)
            files.finish()
            archive = Archive(digests=digests, identity=identify((d.officials for d in digests), roster),
                              problems=files.problems_with(p for result in loaded for p in result.problems),
                              notes=(*files.notes(), *extractor.notes), root=root or archive_root(paths))
        finally:
            files.close()
    except BaseException:
        extractor.close(cancel=True)
        raise
    extractor.close()
    return archive
