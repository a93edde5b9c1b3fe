"""The dask engine: the plan's stages on a Dask cluster (`pip install 'timeline[dask]'`).

Files are listed here, on the client (local paths, or any fsspec URL such as `s3://bucket/archive/`
when its fsspec backend is installed), and read by the workers. Extraction is a `dask.bag` map that
stays on the workers (`persist`); only each file's head (its articles' officials, article drafts,
problems) comes back for the identity reduce. Claims are then grouped by canonical official with a
task shuffle (`Bag.groupby`; `foldby` would gather every claim into one partition), each official is
checked on a worker, and the per-official results are gathered here. No cache: the cache belongs to the
client-side local engine. Without a scheduler address a `distributed.LocalCluster` sized to this
machine is started and stopped around the run.
"""

from __future__ import annotations

import fnmatch
import logging
from typing import Any, Sequence

from timeline.engine.plan import FileResult, Job, RunResult, map_file
from timeline.errors import InputError
from timeline.model import InputProblem

FILES_PER_PARTITION = 256  # a task per partition: large enough that scheduling is a small share
MAX_PARTITIONS_PER_WORKER = 16  # ... and enough partitions that every worker stays busy to the end
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
    position, path = item
    data, trouble = read_bytes(path)
    if data is None:
        return position, None, trouble
    return position, map_file(path, data, roster, reading), None


def _head(item) -> tuple[int, Any, Any, InputProblem | None]:
    position, result, trouble = item
    if result is None:
        return position, None, None, trouble
    return position, result.index().articles, result.head(), None


def _parts(item, identity) -> list[tuple[str, tuple[int, list, list]]]:
    """One file's share of each official's inputs, tagged with the file's position."""
    from timeline.checks.runner import official_inputs

    position, result, _ = item
    if result is None:
        return []
    return [(oid, (position, nodes, events))
            for oid, (nodes, events) in official_inputs(result.digests, identity).items()]


def _check(group, names, plan) -> tuple[str, Any]:
    """One official: its parts back in archive order, then the map per official."""
    from timeline.checks.runner import official_result

    oid, parts = group
    parts = sorted((part for _, part in parts), key=lambda part: part[0])
    nodes = [node for _, ns, _ in parts for node in ns]
    events = [event for _, _, es in parts for event in es]
    return oid, official_result(oid, nodes, events, names, plan)


# ---- the client ---------------------------------------------------------------------------------


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
    from timeline.engine.local import _reading, _roster

    files, problems = list_files(job.paths, job.exclude)
    if progress is not None:
        progress.start(len(files))
    roster = _roster(job.roster_path)
    if not files:
        return RunResult(0, tuple(problems), (), identify((), roster), ())
    client, cluster = connect(job.scheduler, job.jobs)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        partitions = min(workers * MAX_PARTITIONS_PER_WORKER, max(workers, len(files) // FILES_PER_PARTITION))
        extracted = db.from_sequence(list(enumerate(files)), npartitions=partitions).map(_extract, roster, _reading(job.columns)).persist()
        heads = extracted.map(_head).compute()
        if progress is not None:
            progress.advance(len(files))
        read_problems = [trouble for _, _, _, trouble in heads if trouble is not None]
        heads = [(articles, head) for _, articles, head, trouble in heads if trouble is None]
        identity = identify((officials for _, head in heads for officials in head.officials), roster)
        shared = dask.delayed(identity, pure=True)
        names = dask.delayed({o.id: o.name for o in identity.officials}, pure=True)
        grouped = extracted.map(_parts, shared).flatten().groupby(lambda pair: pair[0], shuffle="tasks",
                                                                   npartitions=partitions)
        results = dict(grouped.map(_check, names, job.plan).compute())
    except InputError:
        raise
    except Exception as exc:  # a worker without timeline, a lost worker: one line, not a traceback
        raise InputError(None, "cli.dask_failed", detail=f"{type(exc).__name__}: {exc}") from None
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return RunResult(
        articles=sum(articles for articles, _ in heads),
        problems=(*problems, *read_problems, *(p for _, head in heads for p in head.problems)),
        notes=(),
        identity=identity,
        article_drafts=tuple(d for _, head in heads for d in head.drafts),
        officials={oid: r for oid, r in results.items() if r.drafts or r.events},
        sources={s.key: s for _, head in heads for s in head.sources} if job.sources else None,
    )

