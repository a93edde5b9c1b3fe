"""The dask engine: the plan's stages on a Dask cluster (`pip install 'timeline[dask]'`).

Files are listed here, on the client (local paths, or any fsspec URL such as `s3://bucket/archive/`
when its fsspec backend is installed), and read by the workers. Extraction is a `dask.bag` map that
stays on the workers (`persist`); only each file's head (its articles' officials, article drafts,
problems) comes back for the identity reduce. Claims are then grouped by canonical official with a
hash shuffle (the equivalent of `foldby`, which would gather every claim into one partition): officials
fall into hash groups; each partition sends each group one message, the events of its files that name
one of the group's officials, encoded once; each group's officials are checked on a worker, and the
per-official results are gathered here. No cache: the cache belongs to the
client-side local engine. Without a scheduler address a `distributed.LocalCluster` sized to this
machine is started and stopped around the run.
"""

from __future__ import annotations

import fnmatch
import hashlib
import logging
from typing import Sequence

from timeline.engine.plan import FileResult, Job, RunResult, map_file
from timeline.errors import InputError
from timeline.model import InputProblem

FILES_PER_PARTITION = 256  # a task per partition: large enough that scheduling is a small share
MAX_PARTITIONS_PER_WORKER = 8  # ... and enough partitions that every worker stays busy to the end
GROUPS_PER_WORKER = 2  # shuffle groups of officials, a check task each: partitions x groups messages
CONNECT_TIMEOUT_S = 20  # how long to keep trying a scheduler address before saying it is unreachable


def is_url(path: str) -> bool:
    return "://" in path


def list_files(paths: Sequence[str], exclude: Sequence[str] = ()) -> tuple[list[str], list[InputProblem]]:
    """The archive's files as the workers will read them: local paths as `ingest.find_files` lists
    them, URLs through fsspec (hidden entries and files no reader takes are left out, as locally)."""
    from timeline.ingest import find_files
    from timeline.ingest.readers import problem

    files: list[str] = []
    problems: list[InputProblem] = []
    for given in paths:
        if not is_url(given):
            found, missing = find_files([given], exclude)
            files.extend(found)
            problems.extend(missing)
            continue
        try:
            files.extend(_list_url(given, exclude))
        except (OSError, ValueError, ImportError) as exc:
            problems.append(problem(given, "unreadable", exc.strerror if isinstance(exc, OSError) and exc.strerror
                                    else str(exc) or type(exc).__name__))
    return list(dict.fromkeys(files)), problems


def _list_url(url: str, exclude: Sequence[str]) -> list[str]:
    import fsspec

    from timeline.ingest.readers import reader_for

    fs, root = fsspec.core.url_to_fs(url)
    if not fs.isdir(root):
        if not fs.exists(root):
            raise FileNotFoundError(2, "no such file or directory")
        return [url]
    root = root.rstrip("/")
    out = []
    for path in sorted(fs.find(root)):
        rel = path[len(root):].lstrip("/")
        parts = rel.split("/")
        if any(part.startswith(".") for part in parts) or reader_for(parts[-1]) is None:
            continue
        shown = fs.unstrip_protocol(path)
        if any(fnmatch.fnmatchcase(x, pattern) for pattern in exclude for x in (shown, rel, parts[-1])):
            continue
        out.append(shown)
    return out


def read_bytes(path: str) -> tuple[bytes | None, InputProblem | None]:
    """A file's bytes on a worker: a local path, or an fsspec URL."""
    if not is_url(path):
        from timeline.ingest import read_file

        return read_file(path)
    from timeline.ingest.readers import problem

    try:
        import fsspec

        with fsspec.open(path, "rb") as handle:
            return handle.read(), None
    except (OSError, ValueError, ImportError) as exc:
        return None, problem(path, "unreadable", getattr(exc, "strerror", None) or str(exc) or type(exc).__name__)


# ---- what runs on the workers -------------------------------------------------------------------


def _extract(item: tuple[int, str], roster, reading) -> tuple[int, FileResult | None, InputProblem | None]:
    """One file read and extracted."""
    position, path = item
    data, trouble = read_bytes(path)
    if data is None:
        return position, None, trouble
    return position, map_file(path, data, roster, reading), None


def _extract_partition(items, roster, reading) -> list[tuple[int, FileResult | None, InputProblem | None]]:
    """A partition's files extracted with the collector paused, then every object the worker holds
    frozen (`gc.freeze`): the worker keeps its partitions' results to the end of the run (`persist`),
    and each full pass of the collector walked all of them again (1.5 of the 30 CPU-seconds of a
    20,000-article extraction, and more as the archive grows). Reference counting still frees them
    (extraction leaves next to no cycles); `_thaw` gives them back to the collector when the run ends."""
    import gc

    from timeline.engine.gc_pause import paused_gc

    with paused_gc():
        extracted = [_extract(item, roster, reading) for item in items]
        gc.freeze()
    return extracted


def _thaw() -> None:
    import gc

    gc.unfreeze()


def _thaw_workers(client) -> None:
    """Every worker's frozen objects back to the collector, for a cluster that outlives the run (a
    worker that is gone has nothing to thaw, and this must not hide the run's own error)."""
    from contextlib import suppress

    with suppress(Exception):
        client.run(_thaw)


def _head(item) -> tuple[int, int, bytes | None, InputProblem | None]:
    """What the client needs of a file: its articles and its head, encoded as the cache stores it."""
    from timeline.engine.heads import encode_head

    position, result, trouble = item
    if result is None:
        return position, 0, None, trouble
    return position, len(result.digests), encode_head(result.head()), None


def group_of(official_id: str, groups: int) -> int:
    """Which of `groups` shuffle groups checks an official (a stable hash: the same on every worker)."""
    return int.from_bytes(hashlib.blake2b(official_id.encode(), digest_size=8).digest(), "big") % groups


def _shares(partition, identity, groups: int) -> list[dict[int, bytes]]:
    """One partition's share of each group's inputs: its files' digests cut down to the events that
    name an official of the group, in archive order, encoded once per group (one compact message per
    partition and group is the whole shuffle). The collector is paused meanwhile: what this builds
    lives until it is encoded, and with the kept results frozen, each of its full passes walked all of
    that again (1.1 of the checks stage's 12 CPU-seconds at 50,000 articles)."""
    from dataclasses import replace

    from timeline.engine.codec import dumps
    from timeline.engine.gc_pause import paused_gc

    picked: dict[int, list] = {}
    with paused_gc():
        for _, result, _ in partition:
            if result is None:
                continue
            for digest in result.digests:
                chosen: dict[int, list[int]] = {}
                for k, event in enumerate(digest.events):
                    for group in {group_of(identity.canonical(p.official_id), groups) for p in event.participants}:
                        chosen.setdefault(group, []).append(k)
                for group, ks in chosen.items():
                    picked.setdefault(group, []).append(replace(
                        digest, officials=(), drafts=(), events=tuple(digest.events[k] for k in ks),
                        evidence=tuple(digest.evidence[k] for k in ks)))
        shares = {group: dumps(FileResult("", tuple(digests), ())) for group, digests in picked.items()}
        del picked  # freed by reference counting, before the collector is back
    return [shares]


def _pick(partition: list[dict[int, bytes]], group: int) -> bytes | None:
    return partition[0].get(group)


class _Members:
    """The officials of one shuffle group, as `official_inputs` asks (`oid in members`)."""

    def __init__(self, group: int, groups: int) -> None:
        self.group, self.groups = group, groups

    def __contains__(self, official_id: str) -> bool:
        return group_of(official_id, self.groups) == self.group


def _check_group(group: int, shares: list[bytes | None], identity, names, plan, groups: int) -> list[tuple[str, tuple]]:
    """One group: the partitions' shares in partition (so archive) order, then the map per official
    over each of its officials; each result encoded as the results cache stores it (the local engine's
    form, JSON listing of its events included), for the trip to the client."""
    from timeline.checks.runner import official_inputs, official_result
    from timeline.engine.codec import loads
    from timeline.engine.gc_pause import paused_gc
    from timeline.engine.results import encode_result

    with paused_gc():
        digests = [d for blob in shares if blob is not None for d in loads(blob).digests]
        inputs = official_inputs(digests, identity, _Members(group, groups))
        del digests
        results = [(oid, encode_result(official_result(oid, nodes, events, names, plan)))
                   for oid, (nodes, events) in inputs.items()]
        del inputs  # freed by reference counting, before the collector is back to walk them
    return results


# ---- the client ---------------------------------------------------------------------------------


def _gathered(client, bag, progress) -> list:
    """A bag's items on the client, each partition fetched as soon as it is done (while the others
    still run, not all at the end as `compute` does), in the bag's order."""
    from distributed import as_completed

    futures = client.compute(bag.to_delayed())
    position = {future.key: n for n, future in enumerate(futures)}
    parts: list = [None] * len(futures)
    for future in as_completed(futures):
        parts[position[future.key]] = part = future.result()
        if progress is not None:
            progress.advance(len(part))
    return [item for part in parts for item in part]


def connect(scheduler: str | None, workers: int | None):
    """A Client on the scheduler at `scheduler`, or on a new LocalCluster (one single-threaded worker
    process per core: extraction holds the GIL); returns (client, cluster or None)."""
    from distributed import Client, LocalCluster

    from timeline.engine.local import cpu_count

    if scheduler:
        try:
            return Client(scheduler, timeout=CONNECT_TIMEOUT_S), None
        except (OSError, TimeoutError) as exc:
            raise InputError(None, "cli.scheduler_unreachable", address=scheduler, detail=str(exc) or type(exc).__name__) from None
        except (ValueError, TypeError):
            raise InputError(None, "cli.bad_scheduler", address=scheduler) from None
    import dask

    # No dashboard is served, so nobody reads the workers' statistical profiler: it would only sample
    # every task's stack (a few percent of a cold run).
    with dask.config.set({"distributed.worker.profile.enabled": False}):
        cluster = LocalCluster(
            n_workers=workers if workers and workers > 0 else cpu_count(),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
    return Client(cluster), cluster


def run_dask(job: Job, progress=None) -> RunResult:
    """The three stages on Dask; the same RunResult as the local engine's (no cache, no hook focus)."""
    import dask
    import dask.bag as db

    from timeline.archive.identity import identify
    from timeline.engine import heads as stored
    from timeline.engine.gc_pause import paused_gc
    from timeline.engine.local import _reading, _roster
    from timeline.engine.results import decode_result

    files, problems = list_files(job.paths, job.exclude)
    if progress is not None:
        progress.start(len(files))
    roster = _roster(job.roster_path)
    if not files:
        return RunResult(0, tuple(problems), (), identify((), roster), (), root=job.root)
    client, cluster = connect(job.scheduler, job.jobs)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        partitions = min(workers * MAX_PARTITIONS_PER_WORKER, max(workers, len(files) // FILES_PER_PARTITION))
        extracted = (db.from_sequence(list(enumerate(files)), npartitions=partitions)
                     .map_partitions(_extract_partition, roster, _reading(job.columns)).persist())
        heads = [(files[n], articles, blob, trouble) for n, articles, blob, trouble in _gathered(
            client, extracted.map(_head), progress)]
        rows = [(path, articles, blob) for path, articles, blob, trouble in heads if trouble is None]
        with paused_gc():
            identity = identify((officials for officials in stored.officials([blob for _, _, blob in rows])
                                 for officials in officials), roster)
        # Sent once to every worker, without hashing (tokenizing) the whole identity first.
        shared, names = client.scatter([identity, {o.id: o.name for o in identity.officials}],
                                       broadcast=True, hash=False)
        groups = max(1, min(workers * GROUPS_PER_WORKER, len(identity.officials)))
        shares = extracted.map_partitions(_shares, shared, groups).to_delayed()
        checks = [dask.delayed(_check_group)(group, [dask.delayed(_pick)(part, group) for part in shares],
                                             shared, names, job.plan, groups) for group in range(groups)]
        encoded = [pair for checked in dask.compute(*checks) for pair in checked]
    except InputError:
        raise
    except Exception as exc:  # a worker without timeline, a lost worker: one line, not a traceback
        raise InputError(None, "cli.dask_failed", detail=f"{type(exc).__name__}: {exc}") from None
    finally:
        if cluster is None:
            _thaw_workers(client)
        client.close()
        if cluster is not None:
            cluster.close()
    with paused_gc():  # every result and every file's article drafts decoded: objects that stay
        results = {oid: decode_result(record, job.lazy_events) for oid, record in encoded}
        records = [stored.records(blob, path) for path, _, blob in rows]
    return RunResult(
        articles=sum(articles for _, articles, _ in rows),
        problems=(*problems, *(trouble for _, _, _, trouble in heads if trouble is not None),
                  *(p for _, found in records for p in found)),
        notes=(),
        identity=identity,
        article_drafts=tuple(d for drafts, _ in records for d in drafts),
        officials={oid: r for oid, r in results.items() if r.drafts or r.events},
        sources=({s.key: s for path, _, blob in rows for s in stored.sources(blob, path)} if job.sources
                 else None),
        root=job.root,
    )
