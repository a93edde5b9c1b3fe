"""The local engine: the plan's stages on one machine, serially or across a process pool, with the cache.

Reading files, the cache and the executor live here, at the edge; `--jobs N` gives the same result as
`--jobs 1` because the stages are pure and results are gathered in input order.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence

from timeline.engine.plan import FileResult, map_file
from timeline.engine.relocate import relocate
from timeline.model import Archive, InputProblem

BATCH_FILES = 2048  # files read and extracted at a time: bounds the raw bytes held in memory
POOL_MIN_FILES = 64  # below this, starting processes costs more than it saves

_WORKER_ROSTER = None
_WORKER_READING = None


def _init_worker(roster, reading=None) -> None:
    global _WORKER_ROSTER, _WORKER_READING
    _WORKER_ROSTER = roster
    _WORKER_READING = reading


def _map_in_worker(item: tuple[str, bytes]) -> FileResult:
    return map_file(item[0], item[1], _WORKER_ROSTER, _WORKER_READING)


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def worker_pool(jobs: int, roster=None, reading=None) -> ProcessPoolExecutor:
    """Processes that extract files; each loads the language data once."""
    return ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(roster, reading))


def extract_many(
    items: Sequence[tuple[str, bytes]],
    roster=None,
    jobs: int | None = None,
    on_result: Callable[[FileResult], None] | None = None,
    pool: ProcessPoolExecutor | None = None,
    reading=None,
) -> list[FileResult]:
    """`map_file` over files in input order, serially or across processes, with identical results.

    A caller extracting in several batches passes one `pool` (from `worker_pool`) for all of them.
    """
    jobs = cpu_count() if jobs is None or jobs <= 0 else jobs
    results: list[FileResult] = []
    if pool is None and (jobs == 1 or len(items) < POOL_MIN_FILES):
        for path, data in items:
            result = map_file(path, data, roster, reading)
            results.append(result)
            if on_result:
                on_result(result)
        return results
    chunk = max(8, min(256, len(items) // (jobs * 8) or 1))
    own = pool is None
    pool = pool or worker_pool(jobs, roster, reading)
    try:
        for result in pool.map(_map_in_worker, items, chunksize=chunk):
            results.append(result)
            if on_result:
                on_result(result)
    finally:
        if own:
            pool.shutdown()
    return results


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
    """Read an archive (files and directories), extract every article, and establish who is who.

    With `focus` (hook mode: the changed files), cached files that share no official with the changed
    ones are counted but not loaded: no finding about the changed files can need them. `columns` names
    the CSV/TSV column of article fields (`--columns`).
    """
    from timeline.archive.identity import identify
    from timeline.ingest import ReadOptions, find_files

    roster = None
    if roster_path:
        from timeline.extract.roster import load_roster

        roster = load_roster(roster_path)
    files, found_problems = find_files(paths, exclude)
    problems = list(found_problems)
    reading = ReadOptions.of(columns)
    store = _open_store(paths, files, use_cache, cache_dir, roster_path, reading)
    if progress is not None:
        progress.start(len(files))
    jobs = cpu_count() if jobs is None or jobs <= 0 else jobs
    pool = worker_pool(jobs, roster, reading) if jobs > 1 and len(files) >= POOL_MIN_FILES else None
    live: list[str] = []
    try:
        if focus is not None and store.enabled:
            results, unloaded = _load_focused(files, problems, store, (roster, reading), jobs, pool, progress, focus,
                                              live)
        else:
            results, unloaded = [], 0
            for start in range(0, len(files), BATCH_FILES):
                batch = _read(files[start : start + BATCH_FILES], problems)
                results.extend(_extract_batch(batch, store, (roster, reading), jobs, pool, progress, live))
    finally:
        if pool is not None:
            pool.shutdown()
    store.prune(live, paths)
    notes = tuple(store.warnings)
    store.close()
    digests = tuple(d for r in results for d in r.digests)
    for r in results:
        problems.extend(r.problems)
    identity = identify((d.officials for d in digests), roster)
    from timeline.ingest.discover import archive_root

    return Archive(digests=digests, identity=identity, problems=tuple(problems), notes=notes, unloaded=unloaded,
                   root=root or archive_root(paths))


def _open_store(paths, files, use_cache: bool, cache_dir: Path | None, roster_path: Path | None, reading):
    from timeline.engine.cache import NullStore, default_cache_dir, extraction_key, open_store

    if not use_cache or not files:
        return NullStore()
    directory = cache_dir if cache_dir is not None else default_cache_dir(paths)
    settings = {"columns": dict(reading.columns)} if reading.columns else None
    return open_store(directory, extraction_key(roster_path, settings))


def _read(files: Sequence[str], problems: list[InputProblem]) -> list[tuple[str, bytes]]:
    from timeline.ingest import read_file

    items = []
    for path in files:
        data, problem = read_file(path)
        if problem is not None:
            problems.append(problem)
        if data is not None:
            items.append((path, data))
    return items


def _extract_batch(items, store, context, jobs, pool, progress, live: list[str]) -> list[FileResult]:
    """Results for a batch of files in order: from the cache where it has them, else extracted."""
    keys = [store.key(p, d) for p, d in items]
    live.extend(keys)
    cached = store.get_many(keys)
    todo = [item for item, key in zip(items, keys) if key not in cached]
    fresh = _extract_and_store(todo, store, context, jobs, pool, progress)
    results = []
    for (path, _), key in zip(items, keys):
        if key in cached:
            results.append(relocate(cached[key], path))
            if progress is not None:
                progress.advance(cached[key])
        else:
            results.append(fresh[key])
    return results


def _extract_and_store(todo, store, context, jobs, pool, progress) -> dict[str, FileResult]:
    """Extract the files the cache lacks and store them, each with its index. `context` is the
    (roster, reading options) pair extraction needs."""
    roster, reading = context
    fresh = dict(zip(
        (store.key(p, d) for p, d in todo),
        extract_many(todo, roster, jobs, on_result=progress.advance if progress else None, pool=pool,
                     reading=reading),
    ))
    if fresh:
        store.put_many((key, result, result.index()) for key, result in fresh.items())
    return fresh


def _load_focused(files, problems, store, context, jobs, pool, progress, focus, live: list[str]):
    """Hook mode: extract what the cache lacks, then load only the cached rows that share an official
    with the focus files; the other rows' articles are counted from the cache index, not loaded."""
    from timeline.checks.runner import norm_path

    items = _read(files, problems)
    keys = [store.key(p, d) for p, d in items]
    live.extend(keys)
    index = store.index(keys)
    todo = [item for item, key in zip(items, keys) if key not in index]
    fresh = _extract_and_store(todo, store, context, jobs, pool, progress)
    wanted = {norm_path(p) for p in focus}
    involved: set[str] = set()
    focus_keys: set[str] = set()
    for (path, _), key in zip(items, keys):
        if norm_path(path) in wanted:
            focus_keys.add(key)
            involved |= (fresh[key].index() if key in fresh else index[key]).officials
    load, unloaded = [], 0
    for key in keys:
        if key in fresh or key not in index:
            continue
        if key in focus_keys or involved & index[key].officials:
            load.append(key)
        else:
            unloaded += index[key].articles
    cached = store.get_many(load)
    # A row that could not be loaded after all is simply re-read next time; count it as unloaded.
    unloaded += sum(index[k].articles for k in load if k not in cached)
    results = [fresh.get(key) or (relocate(cached[key], path) if key in cached else None)
               for (path, _), key in zip(items, keys)]
    return [r for r in results if r is not None], unloaded
