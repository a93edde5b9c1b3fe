"""The engine parts of benchmarks/archive.py: the dask engine beside the local one, and the cost of each
stage measured on one core, from which the run of a much larger archive on many workers is estimated.

    python benchmarks/engines.py ARCHIVE_DIR [--sample 2000] [--articles 5000000] [--workers 50]

(archive.py calls these with --dask N and --stages N.) The estimate assumes what the README says:
one core per worker, stages that cost the same per article at any size (none is quadratic), a client
with a 1 Gbit/s link, and the scheduler's cost per task measured by Dask's own benchmarks (~0.5 ms).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

NETWORK_BYTES_S = 110e6  # a 1 Gbit/s link, as a client or a worker has it
SCHEDULER_TASK_S = 0.0005  # the Dask scheduler's own time per task


def dask_cmd(timeline: list[str], jobs: int | None) -> list[str]:
    """The cold check on a LocalCluster of `jobs` workers (2 on the benchmark machine), no cache."""
    return [*timeline, "check", ".", "--format", "json", "--no-progress", "--fail-on", "never", "--engine", "dask",
            "--jobs", str(jobs or 2)]


def bench_dask(measure, timeline: list[str], here: Path, local_cold_s: float, jobs: int | None, log) -> dict:
    """`--engine dask` cold on the archive in `here`, beside the local engine's cold run of it."""
    log(f"  dask: cold on a LocalCluster of {jobs or 2} workers ...")
    run = measure(dask_cmd(timeline, jobs), cwd=here)
    if run.returncode not in (0, 1):
        raise SystemExit(f"benchmarks: the dask run failed ({run.returncode}):\n{run.stderr[-2000:]}")
    return {"dask_s": run.seconds, "local_s": local_cold_s, "ratio": run.seconds / local_cold_s,
            "peak_mb": run.peak_mb}


@dataclass
class Costs:
    """Per-article costs of each stage on one core (seconds), and sizes (bytes)."""

    articles: int
    list_s: float
    map_s: float
    encode_s: float
    head_decode_s: float
    identity_s: float
    shares_s: float
    check_s: float
    result_decode_s: float
    report_s: float
    file_bytes: float
    head_bytes: float
    share_bytes: float
    result_bytes: float
    officials: float  # canonical officials per article
    events: float  # listed events per article


def stage_costs(root: Path, sample: int, log) -> Costs:
    """Each stage run over `sample` files of the archive in this process, timed on the CPU clock."""
    from timeline.archive.identity import identify
    from timeline.checks.catalog import load_catalog
    from timeline.checks.runner import official_plan, report_from
    from timeline.engine import dask as on_dask, heads
    from timeline.engine.plan import RunResult, encode, map_file
    from timeline.engine.results import decode_result
    from timeline.ingest import find_files
    from timeline.render import render
    from timeline.settings import Settings

    clock = time.process_time
    started = clock()
    every, _ = find_files([str(root)])
    list_s = (clock() - started) / max(len(every), 1)
    step = max(1, len(every) // sample)
    files = every[::step][:sample]
    data = [Path(f).read_bytes() for f in files]
    log(f"  stages: {len(files)} files of {len(every)}, one core ...")
    map_file(files[0], data[0])  # language data and grammar, once
    started = clock()
    results = [map_file(f, d) for f, d in zip(files, data)]
    map_s = clock() - started
    started = clock()
    rows = [encode(f, r) for f, r in zip(files, results)]
    encode_s = clock() - started
    started = clock()
    decoded = heads.officials([row.head for row in rows])
    head_decode_s = clock() - started
    started = clock()
    identity = identify(o for per_file in decoded for o in per_file)
    identity_s = clock() - started
    groups = 8
    items = [(n, r, None) for n, r in enumerate(results)]
    started = clock()
    shares = on_dask._shares(items, identity, groups)[0]
    shares_s = clock() - started
    catalog, settings = load_catalog(), Settings()
    plan = official_plan(catalog, settings)
    names = {o.id: o.name for o in identity.officials}
    started = clock()
    checked = [pair for g in range(groups) for pair in on_dask._check_group(g, [shares.get(g)], identity, names, plan, groups)]
    check_s = clock() - started
    started = clock()
    officials = {oid: decode_result(record, lazy_events=True) for oid, record in checked}  # as the client does
    result_decode_s = clock() - started
    run = RunResult(len(results), (), (), identity, tuple(d for r in results for dg in r.digests for d in dg.drafts),
                    {oid: r for oid, r in officials.items() if r.drafts or r.events})
    started = clock()
    render(report_from(run, settings, catalog), "json", "id", catalog)
    report_s = clock() - started
    articles = sum(len(r.digests) for r in results)
    return Costs(
        articles=articles,
        list_s=list_s,
        map_s=map_s / articles, encode_s=encode_s / articles, head_decode_s=head_decode_s / articles,
        identity_s=identity_s / articles, shares_s=shares_s / articles, check_s=check_s / articles,
        result_decode_s=result_decode_s / articles, report_s=report_s / articles,
        file_bytes=sum(map(len, data)) / articles,
        head_bytes=sum(len(row.head) for row in rows) / articles,
        share_bytes=sum(map(len, shares.values())) / articles,
        result_bytes=sum(len(blob) for _, blob in checked) / articles,
        officials=len(identity.officials) / articles,
        events=sum(len(r.events) for r in officials.values()) / articles,
    )


def estimate(c: Costs, articles: int, workers: int) -> list[tuple[str, float, str]]:
    """(stage, seconds, what it scales with) for `articles` on `workers` one-core workers."""
    files_per_partition = max(256, articles // (workers * 8))
    partitions = max(workers, articles // files_per_partition)
    groups = workers * 2
    tasks = partitions * (3 + groups) + groups
    return [
        ("list the files (client; local disk; S3 lists 1,000 keys a request)", articles * c.list_s, "client"),
        ("read + extract + article rules (workers)", articles * (c.map_s + c.encode_s) / workers, "workers"),
        ("heads to the client, identity (client)",
         articles * (c.head_bytes / NETWORK_BYTES_S + c.head_decode_s + c.identity_s), "client"),
        ("shuffle by official: encode, send (workers)",
         articles * (c.shares_s + c.share_bytes / NETWORK_BYTES_S) / workers, "workers"),
        ("checks per official (workers)", articles * c.check_s / workers, "workers"),
        ("scheduler: %d tasks" % tasks, tasks * SCHEDULER_TASK_S, "client"),
        ("results to the client, decoded (client)",
         articles * (c.result_bytes / NETWORK_BYTES_S + c.result_decode_s), "client"),
        ("report: ids, order, JSON (client)", articles * c.report_s, "client"),
    ]


def costs_table(c: Costs, rows: list[tuple[str, float, str]], articles: int, workers: int) -> str:
    lines = [
        f"Per article on one core (measured on {c.articles:,} articles): extraction {1000 * c.map_s:.2f} ms, "
        f"encoding {1000 * c.encode_s:.3f} ms, identity {1000 * c.identity_s:.3f} ms, shuffle shares "
        f"{1000 * c.shares_s:.3f} ms, checks {1000 * c.check_s:.3f} ms, report {1000 * c.report_s:.3f} ms; "
        f"{c.file_bytes / 1024:.1f} kB read, {c.head_bytes:.0f} B head, {c.share_bytes:.0f} B shuffled, "
        f"{c.result_bytes:.0f} B of results; {c.events:.2f} listed events and {c.officials:.3f} officials.",
        "",
        f"| stage, {articles:,} articles on {workers} workers | estimate | scales with |",
        "|---|---:|---|",
    ]
    for name, seconds, scale in rows:
        lines.append(f"| {name} | {_duration(seconds)} | {scale} |")
    total = sum(s for _, s, _ in rows)
    lines.append(f"| **total** | **{_duration(total)}** | |")
    return "\n".join(lines)


def _duration(seconds: float) -> str:
    return f"{seconds:.0f} s" if seconds < 120 else f"{seconds / 60:.1f} min"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("archive", type=Path)
    parser.add_argument("--sample", type=int, default=2000)
    parser.add_argument("--articles", type=int, default=5_000_000)
    parser.add_argument("--workers", type=int, default=50)
    args = parser.parse_args(argv)
    costs = stage_costs(args.archive, args.sample, lambda m: print(m, file=sys.stderr))
    print(costs_table(costs, estimate(costs, args.articles, args.workers), args.articles, args.workers))
    print(json.dumps(costs.__dict__), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
