"""Benchmark `timeline check` on synthetic archives: cold and warm time, peak memory, precision and recall.

    python benchmarks/archive.py [--sizes 1000,10000,20000,50000] [--quick] [--workdir DIR] [--jobs N]
                                 [--best-of 3] [--cold-runs 1] [--dask N] [--stages N]
                                 [--formats txt,md,csv,html] [--formats-size N] [--repeat 3]

Archives come from benchmarks/generate_archive.py (reused when already generated for the same size and
seed). Each size is checked cold (fresh cache dir), then warm after one article changed, as a full JSON
report and as the pre-commit hook runs (the best of --best-of runs, each after a new edit; every run's
figure is kept in the JSON); the child's peak memory is measured (largest process, and the whole process
tree sampled from /proc). Findings are matched to the generator's ground truth by rule + official id +
files, and precision and recall are also printed per planted shape (a finding's shape is read off its code,
event type and dates: `shape_of`). A baseline (`--jobs 1 --no-cache` on the smallest archive) is measured in the same run and printed
beside the targets. --dask N checks the archive of N articles cold on `--engine dask` (a LocalCluster of
--jobs workers) beside the local engine; --stages N times each stage on N articles on one core and
estimates a 5,000,000-article archive on 50 workers from them (benchmarks/engines.py).

The formats run checks one generated archive (the smallest size, or --formats-size) as it was written
(.txt) and re-published by benchmarks/republish.py as Markdown with front matter, one CSV export and
saved web pages (optionally a .warc.gz), cold and uncached, best of --repeat runs: articles per second
of each form beside the plain-text run, and the errors each finds.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate_archive  # noqa: E402
import republish  # noqa: E402

DEFAULT_SIZES = (1000, 10000, 20000, 50000)
QUICK_SIZES = (1000, 2000)
TARGETS = {"cold_20k_s": 15.0, "warm_s": 2.0, "hook_s": 1.0, "peak_50k_mb": 600.0, "dask_ratio": 1.3}
WARM_EDIT = "\nPemerintah daerah akan terus memantau perkembangan di lapangan.\n"


@dataclass
class Measurement:
    """One child process run: wall time, exit code, peak RSS of its largest process and of its tree."""

    seconds: float
    returncode: int
    # The largest single process: each process's own high-water mark (VmHWM), read from /proc while it
    # runs. Not wait4's ru_maxrss: Linux carries the forking process's high-water mark over the exec, so
    # every child would show at least this benchmark's own size (609 MB once it holds 50,000-article
    # reports). Where /proc is missing, ru_maxrss it is.
    max_rss_mb: float
    tree_rss_mb: float  # the sum over the process tree, sampled from /proc (0 where /proc is missing)
    stdout: str = ""
    stderr: str = ""

    @property
    def peak_mb(self) -> float:
        return max(self.max_rss_mb, self.tree_rss_mb)


def _tree_rss_kb(root: int, high: dict[int, int] | None = None) -> int:
    """Current RSS (kB) of `root` and all its descendants, from /proc; 0 when unavailable. `high` gets
    each process's high-water mark (VmHWM, kB). Only the tree's own files are read (its processes from
    each thread's list of children): reading every process's status took 4 ms of CPU a sample, 4% of a
    core at 10 samples a second, taken from the run being measured."""
    total = 0
    for pid, fields in _tree_status(root).items():
        total += fields.get("VmRSS", 0)
        if high is not None and fields.get("VmHWM"):
            high[pid] = max(high.get(pid, 0), fields["VmHWM"])
    return total


def _tree_status(root: int) -> dict[int, dict[str, int]]:
    """`_status` of `root` and each of its descendants: found from the threads' lists of children, or,
    where the kernel keeps none, from every process's parent."""
    pids = _tree_pids(root)
    if pids is not None:
        return {pid: _status(pid) for pid in pids}
    proc = Path("/proc")
    every = {int(e.name): _status(int(e.name)) for e in proc.iterdir() if e.name.isdigit()} if proc.is_dir() else {}
    children: dict[int, list[int]] = {}
    for pid, fields in every.items():
        children.setdefault(fields.get("PPid", 0), []).append(pid)
    tree: dict[int, dict[str, int]] = {}
    stack = [root]
    while stack:
        pid = stack.pop()
        tree[pid] = every.get(pid, {})
        stack.extend(children.get(pid, ()))
    return tree


def _tree_pids(root: int) -> list[int] | None:
    """`root` and its descendants from /proc/PID/task/TID/children (a child is listed under the thread
    that forked it); None where the kernel does not keep those lists."""
    if not Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists():
        return None  # no /proc, or a kernel without the lists
    out, stack = [], [root]
    while stack:
        pid = stack.pop()
        out.append(pid)
        try:
            threads = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue  # ended meanwhile
        for tid in threads:
            try:
                stack.extend(int(child) for child in Path(f"/proc/{pid}/task/{tid}/children").read_text().split())
            except OSError:
                continue
    return out


_STATUS_FIELDS = ("PPid", "VmRSS", "VmHWM")


def _status(pid: int) -> dict[str, int]:
    """PPid, and VmRSS and VmHWM in kB, of one process (from its status file); empty once it has ended."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return {}
    fields = {}
    for line in text.splitlines():
        name, _, value = line.partition(":")
        if name in _STATUS_FIELDS:
            fields[name] = int(value.split()[0])
    return fields


def measure(cmd: list[str], *, cwd: Path | None = None, env: dict[str, str] | None = None,
            sample_every: float = 0.1, timeout: float = 3600) -> Measurement:
    """Run `cmd`, capturing output to temp files (no pipe stalls), timing it and sampling its memory.
    A thread waits for the process, so its end is timed when it happens, not at the next sample."""
    import threading

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=err)
        ended: dict = {}
        done = threading.Event()

        def wait() -> None:
            _, status, usage = os.wait4(proc.pid, 0)
            ended.update(at=time.perf_counter(), status=status, usage=usage)
            done.set()

        threading.Thread(target=wait, daemon=True).start()
        tree_peak = 0
        high: dict[int, int] = {}
        while not done.is_set():
            tree_peak = max(tree_peak, _tree_rss_kb(proc.pid, high))
            if time.perf_counter() - started > timeout:
                proc.kill()
            done.wait(sample_every)
        seconds = ended["at"] - started
        status, usage = ended["status"], ended["usage"]
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        # ru_maxrss is kB on Linux, bytes on macOS.
        max_rss = (max(high.values()) / 1024 if high
                   else usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024))
        return Measurement(seconds, proc.returncode, max_rss, tree_peak / 1024,
                           out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"))


# --------------------------------------------------------------------------------------------------
# Scoring findings against the generator's ground truth
# --------------------------------------------------------------------------------------------------


def _relative(path: str, root: Path, run_dir: Path | None = None) -> str:
    """A reported path (relative to the directory the check ran in) relative to the archive root."""
    candidate = Path(path)
    for base in (root.resolve(), root):
        try:
            return (candidate if candidate.is_absolute() else (run_dir or Path.cwd()) / candidate).resolve().relative_to(
                base.resolve()).as_posix()
        except ValueError:
            continue
    text = candidate.as_posix()
    marker = root.name + "/"
    return text.split(marker, 1)[1] if marker in text else text


@dataclass
class Score:
    errors: int = 0  # findings at severity error
    true_positive: int = 0  # error findings that match a planted contradiction
    found: int = 0  # planted contradictions matched by some finding
    planted: int = 0
    warnings: int = 0
    by_rule: dict[str, list[int]] = field(default_factory=dict)  # rule -> [found, planted]
    # shape -> [planted, found, error findings of that shape, of which true]; see shape_of
    by_shape: dict[str, list[int]] = field(default_factory=dict)

    @property
    def precision(self) -> float | None:
        return self.true_positive / self.errors if self.errors else None

    @property
    def recall(self) -> float | None:
        return self.found / self.planted if self.planted else None


HONORIFICS = {"h", "hj", "dr", "drs", "dra", "ir", "prof", "kh"}


def _person(official_id: str) -> tuple[str, ...]:
    """An official id without honorifics: the generator writes "Hj. Sumiati" into names, timeline
    rightly leaves the title out of the person's id."""
    return tuple(t for t in official_id.split("-") if t not in HONORIFICS)


def matches(finding: dict, truth: dict, root: Path, run_dir: Path | None = None) -> bool:
    """A finding matches a planted contradiction: same rule, same official (when it names one), and it
    cites the planted file (plus, for a date conflict, another file of the same event)."""
    if finding.get("rule") != truth["rule"] and finding.get("code") != truth["code"]:
        return False
    official = (finding.get("official") or {}).get("id")
    if official and _person(official) != _person(truth["official_id"]):
        return False
    files = {_relative(c["path"], root, run_dir) for c in finding.get("claims", []) if c.get("path")}
    if truth["planted"] not in files:
        return False
    if truth["rule"] == "date-conflict":
        return bool((files - {truth["planted"]}) & set(truth["files"]))
    return True


TRIP_EVENTS = {"departure", "return", "arrival"}
COARSE = {"month", "part", "week", "season", "year"}
SHAPE_OF_CODE = {"TL102": "outside-trip", "TL103": "return-before-departure", "TL104": "local-inside-trip",
                 "TL002": "weekday-mismatch", "TL001": "invalid-date"}


def shape_of(finding: dict) -> str:
    """The planted shape an error finding would be, read off the finding alone: its code; for a date
    conflict, a trip's or another event's, and whether a claim is a month or part of one."""
    code = finding.get("code", "")
    if code != "TL101":
        return SHAPE_OF_CODE.get(code, code)
    if any((c.get("date") or {}).get("granularity") in COARSE for c in finding.get("claims", [])):
        return "month-vs-day"
    return "trip-date-conflict" if (finding.get("event") or {}).get("type") in TRIP_EVENTS else "event-date-conflict"


def score(report: dict, truth: dict, root: Path, run_dir: Path | None = None) -> Score:
    """Precision over error findings, recall over planted contradictions; both also per shape."""
    findings = report.get("discrepancies", [])
    planted = truth["contradictions"]
    result = Score(planted=len(planted))
    for rule in {t["rule"] for t in planted}:
        result.by_rule[rule] = [0, sum(t["rule"] == rule for t in planted)]
    for t in planted:
        result.by_shape.setdefault(t.get("shape", t["rule"]), [0, 0, 0, 0])[0] += 1
    matched_truth: set[int] = set()
    for finding in findings:
        if finding.get("severity") == "warning":
            result.warnings += 1
        if finding.get("severity") != "error":
            continue
        result.errors += 1
        row = result.by_shape.setdefault(shape_of(finding), [0, 0, 0, 0])
        row[2] += 1
        hits = [i for i, t in enumerate(planted) if matches(finding, t, root, run_dir)]
        if hits:
            result.true_positive += 1
            row[3] += 1
            matched_truth.update(hits)
    result.found = len(matched_truth)
    for i in matched_truth:
        result.by_rule[planted[i]["rule"]][0] += 1
        result.by_shape[planted[i].get("shape", planted[i]["rule"])][1] += 1
    return result


def shape_table(rows: list[dict]) -> str:
    """Per planted shape: recall (found of planted) and precision (true of the error findings of that
    shape), for each archive size."""
    lines = ["| articles | shape | planted | found | recall | findings | true | precision |",
             "|---:|---|---:|---:|---:|---:|---:|---:|"]
    for row in rows:
        for shape, (planted, found, findings, true) in sorted(row.get("by_shape", {}).items()):
            recall = found / planted if planted else None
            precision = true / findings if findings else None
            lines.append(f"| {row['articles']} | {shape} | {planted} | {found} | {_fmt(recall, '{:.2f}')} | "
                         f"{findings} | {true} | {_fmt(precision, '{:.2f}')} |")
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------------
# The benchmark
# --------------------------------------------------------------------------------------------------


def ensure_archive(workdir: Path, size: int, seed: int, rate: float) -> Path:
    """The archive for this size and seed, generated once and reused."""
    root = workdir / f"archive-{size}-seed{seed}"
    truth_file = root / "ground_truth.json"
    if truth_file.exists() and (root / generate_archive.ARTICLES_DIR).is_dir():
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        if truth.get("articles") == size and truth.get("seed") == seed and truth.get("contradiction_rate") == rate:
            return root
        shutil.rmtree(root)
    generate_archive.generate(root, size, seed, rate)
    return root


def timeline_command(explicit: str | None) -> list[str]:
    if explicit:
        return shlex.split(explicit)
    script = Path(sys.executable).parent / "timeline"
    if script.exists():
        return [str(script)]
    found = shutil.which("timeline")
    if found:
        return [found]
    raise SystemExit("benchmarks/archive.py: no `timeline` command found (install the package, or --timeline)")


def check_cmd(timeline: list[str], root: Path, cache: Path | None, jobs: int | None) -> list[str]:
    """The full check, run from the archive directory on `.` as a repository's hook would be."""
    cmd = [*timeline, "check", ".", "--format", "json", "--no-progress", "--fail-on", "never"]
    cmd += ["--cache-dir", str(cache)] if cache else ["--no-cache"]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    return cmd


def hook_cmd(timeline: list[str], changed: str, cache: Path, jobs: int | None) -> list[str]:
    """What pre-commit runs after an edit: the changed file, the whole archive as context."""
    cmd = [*timeline, "check", "--hook", changed, "--no-progress", "--fail-on", "never", "--cache-dir", str(cache)]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    return cmd


def articles_dir(root: Path) -> Path:
    return root / generate_archive.ARTICLES_DIR


def _ok(m: Measurement, what: str) -> None:
    if m.returncode not in (0, 1):
        tail = "\n".join(m.stderr.strip().splitlines()[-15:])
        raise SystemExit(f"benchmarks/archive.py: {what} failed with exit code {m.returncode}:\n{tail}")


def pick_warm_file(root: Path, truth: dict) -> Path:
    planted = {p for t in truth["contradictions"] for p in t["files"]}
    for path in sorted(root.rglob("*.txt")):
        if path.relative_to(root).as_posix() not in planted:
            return path
    return next(iter(sorted(root.rglob("*.txt"))))


def bench_size(timeline: list[str], root: Path, jobs: int | None, log, best_of: int = 1, cold_runs: int = 1) -> dict:
    truth = json.loads((root / "ground_truth.json").read_text(encoding="utf-8"))
    size = truth["articles"]
    here = articles_dir(root)
    colds: list[Measurement] = []
    warms: list[Measurement] = []
    hooks: list[Measurement] = []
    for n in range(max(1, cold_runs)):
        with tempfile.TemporaryDirectory(prefix="timeline-bench-cache-") as cache_dir:
            cache = Path(cache_dir)
            log(f"  {size}: cold ...")
            colds.append(measure(check_cmd(timeline, root, cache, jobs), cwd=here))
            _ok(colds[-1], f"cold check of {size} articles")
            if n:
                continue
            report = json.loads(colds[-1].stdout)
            result = score(report, truth, root, here)
            edited = pick_warm_file(root, truth)
            original = edited.read_bytes()
            try:
                for k in range(max(1, best_of)):  # every run after a new edit: the edited file is read again
                    edited.write_bytes(original + (WARM_EDIT * (2 * k + 1)).encode("utf-8"))
                    log(f"  {size}: warm, full report ...")
                    warms.append(measure(check_cmd(timeline, root, cache, jobs), cwd=here))
                    _ok(warms[-1], f"warm check of {size} articles")
                    edited.write_bytes(original + (WARM_EDIT * (2 * k + 2)).encode("utf-8"))
                    log(f"  {size}: warm, hook on the edited file ...")
                    hooks.append(measure(hook_cmd(timeline, edited.relative_to(here).as_posix(), cache, jobs), cwd=here))
                    _ok(hooks[-1], f"hook check of {size} articles")
            finally:
                edited.write_bytes(original)
    cold = min(colds, key=lambda m: m.seconds)
    warm = min(warms, key=lambda m: m.seconds)
    hook = min(hooks, key=lambda m: m.seconds)
    return {
        "articles": size,
        "cold_s": cold.seconds,
        "s_per_1k": cold.seconds / (size / 1000),
        "warm_s": warm.seconds,
        "hook_s": hook.seconds,
        "runs": {"cold_s": [m.seconds for m in colds], "warm_s": [m.seconds for m in warms],
                 "hook_s": [m.seconds for m in hooks]},
        "peak_mb": max(m.peak_mb for m in colds),
        "max_process_mb": max(m.max_rss_mb for m in colds),
        "warm_peak_mb": warm.peak_mb,
        "errors": result.errors,
        "warnings": result.warnings,
        "planted": result.planted,
        "precision": result.precision,
        "recall": result.recall,
        "recall_by_rule": {rule: f"{found}/{total}" for rule, (found, total) in sorted(result.by_rule.items())},
        "by_shape": result.by_shape,
    }


def bench_baseline(timeline: list[str], root: Path, log) -> dict:
    truth = json.loads((root / "ground_truth.json").read_text(encoding="utf-8"))
    log(f"  baseline: {truth['articles']} articles, --jobs 1 --no-cache ...")
    run = measure(check_cmd(timeline, root, None, 1), cwd=articles_dir(root))
    _ok(run, "baseline check")
    result = score(json.loads(run.stdout), truth, root, articles_dir(root))
    return {"articles": truth["articles"], "cold_s": run.seconds, "s_per_1k": run.seconds / (truth["articles"] / 1000),
            "warm_s": None, "hook_s": None, "peak_mb": run.peak_mb, "max_process_mb": run.max_rss_mb, "errors": result.errors,
            "warnings": result.warnings, "planted": result.planted, "precision": result.precision,
            "recall": result.recall}


HTML_TARGETS = {"mb": 5.0, "first_paint_ms": 1000.0}
CHROMIUM_ARGS = [  # Debian's Chromium; this machine's closed network refuses background connections
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def first_paint(page: Path, runs: int = 3) -> dict | None:
    """Best of `runs` loads of a page from disk in headless Chromium: first contentful paint and DOM ready
    (ms); None without playwright or a system Chromium."""
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not Path(chromium).is_file():
        return None
    paints, ready = [], []
    with sync_playwright() as p:
        for _ in range(runs):
            with tempfile.TemporaryDirectory(prefix="timeline-bench-chromium-") as profile:
                browser = p.chromium.launch_persistent_context(
                    profile, executable_path=chromium, args=CHROMIUM_ARGS, headless=True,
                    viewport={"width": 1200, "height": 900})
                tab = browser.new_page()
                tab.goto(page.as_uri(), wait_until="load")
                tab.wait_for_function("performance.getEntriesByName('first-contentful-paint').length > 0")
                paints.append(tab.evaluate(
                    "() => performance.getEntriesByName('first-contentful-paint')[0].startTime"))
                ready.append(tab.evaluate("() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"))
                browser.close()
    return {"first_paint_ms": min(paints), "dom_ready_ms": min(ready)}


def bench_html(timeline: list[str], root: Path, jobs: int | None, log) -> dict:
    """The HTML report of one archive: its size and first paint, beside the JSON report of the same run
    (both rendered from a warm cache, so the times are mostly rendering)."""
    size = json.loads((root / "ground_truth.json").read_text(encoding="utf-8"))["articles"]
    here = articles_dir(root)
    with tempfile.TemporaryDirectory(prefix="timeline-bench-html-") as tmp:
        cache, page = Path(tmp) / "cache", Path(tmp) / "report.html"
        html_cmd = [*check_cmd(timeline, root, cache, jobs), "--output", str(page)]
        html_cmd[html_cmd.index("json")] = "html"
        log(f"  {size}: html report, cold ...")
        _ok(measure(html_cmd, cwd=here), f"html report of {size} articles")
        log(f"  {size}: json and html reports, warm ...")
        as_json = measure(check_cmd(timeline, root, cache, jobs), cwd=here)
        _ok(as_json, f"json report of {size} articles")
        as_html = measure(html_cmd, cwd=here)
        _ok(as_html, f"html report of {size} articles")
        log(f"  {size}: first paint in headless Chromium ...")
        paint = first_paint(page)
        return {"articles": size, "html_mb": page.stat().st_size / 1e6, "json_mb": len(as_json.stdout.encode()) / 1e6,
                "html_warm_s": as_html.seconds, "json_warm_s": as_json.seconds,
                "first_paint_ms": paint["first_paint_ms"] if paint else None,
                "dom_ready_ms": paint["dom_ready_ms"] if paint else None}


def html_table(row: dict) -> str:
    """The HTML report's figures beside the JSON report of the same archive, then its targets."""
    lines = [
        "| report | articles | MB | warm s | first paint ms | DOM ready ms |",
        "|---|---:|---:|---:|---:|---:|",
        f"| json (baseline) | {row['articles']} | {row['json_mb']:.2f} | {row['json_warm_s']:.2f} | – | – |",
        f"| html | {row['articles']} | {row['html_mb']:.2f} | {row['html_warm_s']:.2f} | "
        f"{_fmt(row['first_paint_ms'], '{:.0f}')} | {_fmt(row['dom_ready_ms'], '{:.0f}')} |",
        "",
        "| target | limit | measured | |",
        "|---|---:|---:|---|",
    ]
    for name, key, unit in (("html report size", "mb", " MB"), ("first paint, headless Chromium", "first_paint_ms", " ms")):
        value = row["html_mb"] if key == "mb" else row[key]
        verdict = "not measured" if value is None else ("ok" if value <= HTML_TARGETS[key] else "OVER")
        lines.append(f"| {name}, {row['articles']:,} articles | {HTML_TARGETS[key]:g}{unit} | "
                     f"{_fmt(value, '{:.2f}' if key == 'mb' else '{:.0f}')}{unit} | {verdict} |")
    return "\n".join(lines)


def _fmt(value: float | None, pattern: str) -> str:
    return "–" if value is None else pattern.format(value)


def table(rows: list[dict], baseline: dict | None, jobs: int | None, dask: dict | None = None) -> str:
    """A Markdown table (readable in a terminal too), the baseline row first, then the targets."""
    lines = [
        "| run | articles | cold s | s / 1k | warm s (full report) | warm s (hook, 1 file) | peak MB | errors |"
        " precision | recall |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    every = ([("baseline `--jobs 1 --no-cache`", baseline)] if baseline else []) + [
        (f"`--jobs {jobs or 'all'}`, cache", row) for row in rows]
    for label, row in every:
        lines.append(
            f"| {label} | {row['articles']} | {row['cold_s']:.2f} | {row['s_per_1k']:.2f} | "
            f"{_fmt(row['warm_s'], '{:.2f}')} | {_fmt(row.get('hook_s'), '{:.2f}')} | {row['peak_mb']:.0f} | "
            f"{row['errors']} | "
            f"{_fmt(row['precision'], '{:.2f}')} | {_fmt(row['recall'], '{:.2f}')} |"
        )
    lines.append("")
    lines.append("| target | limit | measured | |")
    lines.append("|---|---:|---:|---|")
    by_size = {row["articles"]: row for row in rows}
    checks = [
        ("cold check, 20,000 articles", f"{TARGETS['cold_20k_s']:.0f} s", by_size.get(20000, {}).get("cold_s"),
         TARGETS["cold_20k_s"], " s"),
        ("warm re-check after one edit, hook mode, 20,000 articles", f"{TARGETS['hook_s']:.0f} s",
         by_size.get(20000, {}).get("hook_s"), TARGETS["hook_s"], " s"),
        ("warm re-check after one edit, full report, 20,000 articles", f"{TARGETS['warm_s']:.0f} s",
         by_size.get(20000, {}).get("warm_s"), TARGETS["warm_s"], " s"),
        ("peak memory, 50,000 articles", f"{TARGETS['peak_50k_mb']:.0f} MB",
         by_size.get(50000, {}).get("peak_mb"), TARGETS["peak_50k_mb"], " MB"),
    ]
    if dask:
        checks.append((f"`--engine dask` cold, {dask['articles']:,} articles, against local ({dask['dask_s']:.1f} s "
                       f"against {dask['local_s']:.1f} s)", f"{TARGETS['dask_ratio']}x", dask["ratio"],
                       TARGETS["dask_ratio"], "x"))
    for name, limit, value, bound, unit in checks:
        verdict = "not measured" if value is None else ("ok" if value <= bound else "OVER")
        lines.append(f"| {name} | {limit} | {_fmt(value, '{:.2f}' + unit)} | {verdict} |")
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------------
# The same archive in other formats
# --------------------------------------------------------------------------------------------------

FORMAT_DIRS = {"txt": None, "md": "md", "csv": "csv", "html": "html", "warc": "warc"}


def ensure_forms(root: Path, forms: tuple[str, ...]) -> dict[str, Path]:
    """The archive's articles as each form (re-published once, beside the archive, and reused)."""
    out = root.parent / f"{root.name}-forms"
    wanted = tuple(f for f in forms if FORMAT_DIRS[f] and not (out / FORMAT_DIRS[f]).is_dir())
    if wanted:
        republish.republish(articles_dir(root), out, wanted)
    return {f: articles_dir(root) if FORMAT_DIRS[f] is None else out / FORMAT_DIRS[f] for f in forms}


def bench_formats(timeline: list[str], root: Path, forms: tuple[str, ...], jobs: int | None, repeat: int, log) -> list[dict]:
    """Each form of one archive checked cold without a cache, best of `repeat` runs."""
    rows = []
    for form, directory in ensure_forms(root, forms).items():
        best: Measurement | None = None
        for attempt in range(repeat):
            log(f"  formats: {form}, run {attempt + 1}/{repeat} ...")
            cmd = [*timeline, "check", ".", "--format", "json", "--no-progress", "--fail-on", "never", "--no-cache"]
            run = measure(cmd + (["--jobs", str(jobs)] if jobs else []), cwd=directory)
            _ok(run, f"check of the {form} form")
            if best is None or run.seconds < best.seconds:
                best = run
        report = json.loads(best.stdout)
        files = sum(1 for p in directory.rglob("*") if p.is_file())
        rows.append({"form": form, "files": files, "articles": report["inputs"]["articles"], "seconds": best.seconds,
                     "articles_per_s": report["inputs"]["articles"] / best.seconds, "peak_mb": best.peak_mb,
                     "errors": report["summary"]["error"], "skipped": len(report["inputs"]["skipped"])})
    return rows


def formats_table(rows: list[dict], jobs: int | None) -> str:
    """Articles per second of each form beside the plain-text run of the same archive."""
    base = next((r for r in rows if r["form"] == "txt"), rows[0] if rows else None)
    lines = [
        f"| form (`--jobs {jobs or 'all'}`, no cache) | files | articles | cold s | articles/s | vs txt | peak MB |"
        " errors | skipped |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        ratio = r["articles_per_s"] / base["articles_per_s"] if base else 1.0
        lines.append(f"| {r['form']} | {r['files']} | {r['articles']} | {r['seconds']:.2f} | {r['articles_per_s']:.0f} |"
                     f" {ratio:.2f}x | {r['peak_mb']:.0f} | {r['errors']} | {r['skipped']} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", help="Comma-separated archive sizes (default 1000,10000,20000,50000).")
    parser.add_argument("--quick", action="store_true", help="Small sizes only (1000,2000), for a smoke run.")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "timeline-bench",
                        help="Where archives are generated and kept for reuse.")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--contradiction-rate", type=float, default=0.05)
    parser.add_argument("--jobs", type=int, default=None, help="--jobs for the measured runs (default: all cores).")
    parser.add_argument("--timeline", help="The command to run (default: the installed `timeline`).")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--json", type=Path, help="Also write the results to this JSON file.")
    parser.add_argument("--best-of", type=int, default=3, help="Warm and hook runs per size (each after a new edit).")
    parser.add_argument("--cold-runs", type=int, default=1, help="Cold runs per size (the best counts).")
    parser.add_argument("--dask", type=int, default=None, metavar="N",
                        help="Check the archive of N articles cold on --engine dask too (default: 50000 when "
                             "measured, else the largest size; 0: none).")
    parser.add_argument("--stages", type=int, default=2000, metavar="N",
                        help="Time each stage on N articles of the largest archive and estimate a large run (0: none).")
    parser.add_argument("--estimate", default="5000000,50", metavar="ARTICLES,WORKERS",
                        help="The archive and cluster the stage costs are scaled to (default 5000000,50).")
    parser.add_argument("--html", type=int, default=20000, metavar="N",
                        help="Also measure the HTML report of the largest archive of at most N articles (default 20000; 0: none).")
    parser.add_argument("--formats", default="txt,md,csv,html",
                        help="Forms of one archive to compare (txt, md, csv, html, warc; 'none' to skip).")
    parser.add_argument("--formats-size", type=int, help="Archive size of the formats run (default: the smallest).")
    parser.add_argument("--formats-only", action="store_true", help="Run only the formats comparison.")
    parser.add_argument("--repeat", type=int, default=3, help="Runs per form in the formats run (the best counts).")
    args = parser.parse_args(argv)
    if args.sizes:
        try:
            sizes = tuple(sorted({int(s) for s in args.sizes.split(",") if s.strip()}))
        except ValueError:
            parser.error("--sizes takes comma-separated integers, e.g. 1000,10000")
    else:
        sizes = QUICK_SIZES if args.quick else DEFAULT_SIZES
    forms = () if args.formats.strip() == "none" else tuple(f.strip() for f in args.formats.split(",") if f.strip())
    if set(forms) - set(FORMAT_DIRS):
        parser.error(f"--formats takes {', '.join(FORMAT_DIRS)}")
    formats_size = args.formats_size or sizes[0]
    timeline = timeline_command(args.timeline)

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    html_size = max((n for n in sizes if n <= args.html), default=0)  # the largest archive up to --html
    args.workdir.mkdir(parents=True, exist_ok=True)
    log(f"timeline benchmark: sizes {', '.join(map(str, sizes))}, {os.cpu_count()} cores, workdir {args.workdir}")
    roots = {}
    for size in sorted({*([] if args.formats_only else sizes), *([formats_size] if forms else [])}):
        started = time.perf_counter()
        roots[size] = ensure_archive(args.workdir, size, args.seed, args.contradiction_rate)
        log(f"  archive of {size} ready ({time.perf_counter() - started:.1f} s)")
    baseline, rows, dask, costs = None, [], None, None
    if not args.formats_only:
        baseline = None if args.no_baseline else bench_baseline(timeline, roots[sizes[0]], log)
        rows = [bench_size(timeline, roots[size], args.jobs, log, args.best_of, args.cold_runs) for size in sizes]
        dask_size = args.dask if args.dask is not None else (50000 if 50000 in sizes else sizes[-1])
        if dask_size and dask_size not in sizes:
            parser.error(f"--dask {dask_size}: not one of the sizes measured ({', '.join(map(str, sizes))})")
        if dask_size:
            import engines

            local = next(r for r in rows if r["articles"] == dask_size)
            dask = {"articles": dask_size, **engines.bench_dask(measure, timeline, articles_dir(roots[dask_size]),
                                                                 local["cold_s"], args.jobs, log)}
        print(table(rows, baseline, args.jobs, dask))
        print("\nevery run (the table shows the best): " + "; ".join(
            f"{r['articles']}: " + ", ".join(f"{k} {' '.join(f'{v:.2f}' for v in vs)}" for k, vs in r["runs"].items())
            for r in rows))
        by_rule = "; ".join(f"{r['articles']}: " + ", ".join(f"{k} {v}" for k, v in r["recall_by_rule"].items())
                            for r in rows)
        print(f"\nrecall by rule — {by_rule}")
        print("\nPrecision and recall of errors by planted shape:\n")
        print(shape_table(rows))
    if args.stages and not args.formats_only:
        import engines

        articles, workers = (int(x) for x in args.estimate.split(","))
        found = engines.stage_costs(articles_dir(roots[sizes[-1]]), args.stages, log)
        costs = found.__dict__
        print("\n" + engines.costs_table(found, engines.estimate(found, articles, workers), articles, workers))
    html = bench_html(timeline, roots[html_size], args.jobs, log) if html_size and not args.formats_only else None
    if html:
        print("\n" + html_table(html))
    format_rows = bench_formats(timeline, roots[formats_size], forms, args.jobs, max(1, args.repeat), log) if forms else []
    if format_rows:
        print(f"\nthe archive of {formats_size} articles in other forms:\n")
        print(formats_table(format_rows, args.jobs))
    if args.json:
        args.json.write_text(json.dumps({"cores": os.cpu_count(), "baseline": baseline, "runs": rows, "html": html,
                                         "formats": format_rows, "dask": dask, "stage_costs": costs}, indent=1)
                             + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
