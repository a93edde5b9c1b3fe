"""The checks per official of a whole local run: on the extractor's worker processes when it has them,
else in this process.

Officials are split into groups (`groups`) so that a group's files' claims are held at once and no
more; on the pool, each worker gets a group's files as the cache stores them (their bytes), decodes
them, checks the group's officials and sends each official's result back encoded as the results cache
stores it (drafts, events, the JSON report's listing of the events), so this process neither decodes
claims nor renders listings. A worker that dies leaves the groups not done to this process, with one
warning. The results are those of the serial checks: each official's inputs are its files' claims in
archive order, whichever group carries them.
"""

from __future__ import annotations

from concurrent.futures import FIRST_COMPLETED, CancelledError, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Iterable

GROUP_FILES = 10_000  # files whose claims are held at once while officials are checked (all processes)
POOL_MIN_OFFICIALS = 64  # fewer officials to check (a warm run after an edit): here, not worth the trip


def groups(officials: set[str], files: int, ways: int = 1) -> list[set[str]]:
    """The officials to check, split so that each group's files hold about GROUP_FILES / `ways` files'
    claims (`ways` groups are checked at once; a file that names officials of two groups is read for
    each, most name one or two)."""
    n = max(1, files // GROUP_FILES) * ways
    ordered = sorted(officials)
    return [set(ordered[i::n]) for i in range(n) if ordered[i::n]]


def _rows_of(rows, identity, group: set[str]) -> list:
    """The rows (in archive order) of the files that name an official of `group`."""
    aliases = {x for r in rows for x in r.index.officials if identity.canonical(x) in group}
    return [r for r in rows if r.index.officials & aliases]


def check_officials(files, rows, identity, todo: set[str], plan, extractor, *, lazy_events: bool,
                    meanwhile=None) -> tuple[dict, dict]:
    """The results of the officials in `todo`: (results, their records as the results cache stores
    them, for the officials checked on the pool). `meanwhile` is called once the pool has the first
    groups, before this process waits for them (not at all when the checks run here)."""
    from timeline.engine.gc_pause import paused_gc
    from timeline.engine.results import decode_result

    names = {o.id: o.name for o in identity.officials}
    pool = extractor.pool
    if pool is None or extractor.broken or len(todo) < POOL_MIN_OFFICIALS:
        extractor.close()  # its processes would only add to the peak memory from here on
        return _here(files, rows, identity, groups(todo, len(rows)), names, plan), {}
    pending = groups(todo, len(rows), extractor.jobs)
    records: dict = {}
    running: dict = {}
    try:
        # The workers load the checks' code (networkx, the rules, the JSON listing) while this process
        # reads the first groups, if they were not asked to after their last files: else each loads it
        # when its first group arrives.
        extractor.queue_check_code()
        while pending or running:
            # one group more than workers: a worker that finishes one starts the next at once, instead of
            # waiting for this process to read and send it (0.1 s between rounds at 20,000 files)
            while pending and len(running) < extractor.jobs + 1:
                group = pending[0]
                running[pool.submit(_check_share, files.blobs(_rows_of(rows, identity, group)), identity,
                                    group, plan)] = group
                pending.pop(0)
            if meanwhile is not None:
                meanwhile, call = None, meanwhile
                call()
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                records.update(future.result())
                del running[future]
    except (BrokenProcessPool, CancelledError) as exc:  # a worker died: the groups not done are checked here
        extractor.pool_died(exc)
        here = _here(files, rows, identity, [*running.values(), *pending], names, plan)
    else:
        here = {}
    with paused_gc():
        results = {oid: decode_result(record, lazy_events) for oid, record in records.items()}
    results.update(here)
    return results, records


def _here(files, rows, identity, todo_groups: Iterable[set[str]], names, plan) -> dict:
    """The checks in this process, a group's files at a time."""
    from timeline.checks.runner import official_inputs, official_result
    from timeline.engine.gc_pause import paused_gc

    fresh = {}
    for group in todo_groups:
        with paused_gc():  # one group's claims and graphs at a time
            digests = files.digests(_rows_of(rows, identity, group))
            fresh.update((oid, official_result(oid, nodes, events, names, plan))
                         for oid, (nodes, events) in official_inputs(digests, identity, group).items())
            del digests
    return fresh


def import_check_code() -> None:
    """Load what the checks per official need (networkx, the graph, the rules, their results' JSON
    listing) ahead of time: on a worker after its last files or before its first group
    (`Extractor.queue_check_code`), in this process while a worker extracts an edit."""
    import networkx  # noqa: F401

    import timeline.archive.graph  # noqa: F401
    import timeline.checks.official  # noqa: F401
    import timeline.checks.registry  # noqa: F401
    import timeline.checks.runner  # noqa: F401
    import timeline.engine.results  # noqa: F401
    import timeline.render.json  # noqa: F401


def _check_share(blobs: list[tuple[str, bytes]], identity, group: set[str], plan) -> dict:
    """On a worker: one group's files (path as shown, stored bytes) -> each of the group's officials'
    result, encoded as the results cache stores it."""
    from timeline.checks.runner import official_inputs, official_result
    from timeline.engine.codec import loads
    from timeline.engine.relocate import relocate
    from timeline.engine.gc_pause import paused_gc
    from timeline.engine.results import encode_result

    with paused_gc():
        digests = [d for path, blob in blobs for d in relocate(loads(blob), path).digests]
        del blobs
        names = {o.id: o.name for o in identity.officials}
        encoded = {oid: encode_result(official_result(oid, nodes, events, names, plan))
                   for oid, (nodes, events) in official_inputs(digests, identity, group).items()}
        del digests  # freed by reference counting, before the collector is back to walk them
    return encoded
