"""Faults: a run interrupted (Ctrl-C, a worker killed, the whole process killed mid-write), a read-only
archive or cache, and four runs at once. Each time the next run gives the full report, byte for byte
the report of a cold uncached run, and nothing under the checked paths changes but the cache folder."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Sequence

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Patches a child run applies before `main()`: a real signal at a chosen moment of the run.
KILL_IN_WRITE = """
import contextlib, os, signal
import timeline.engine.sqlite as sqlite_mod
_orig, _count = sqlite_mod.write_transaction, [0]

@contextlib.contextmanager
def _dying(conn):
    with _orig(conn):
        yield
        _count[0] += 1
        if _count[0] == {nth}:  # the rows are written, the transaction not yet committed
            os.kill(os.getpid(), signal.{signal})
            import time; time.sleep(5)

sqlite_mod.write_transaction = _dying
for _name in ("timeline.engine.cache", "timeline.engine.results", "timeline.engine.files"):
    import importlib
    _module = importlib.import_module(_name)
    if hasattr(_module, "write_transaction"):
        _module.write_transaction = _dying
"""

KILL_A_WORKER = """
import os, signal
import timeline.engine.local as local
_orig = local._encode_in_worker

def _encode(item):
    if item[1].endswith({name!r}):
        os.kill(os.getpid(), signal.SIGKILL)
    return _orig(item)

local._encode_in_worker = _encode
"""

KILL_A_CHECKING_WORKER = """
import os, signal
import timeline.engine.official_pool as official_pool
official_pool.POOL_MIN_OFFICIALS = 1  # the small archive's officials are checked on the pool too

def _dying(*args):
    os.kill(os.getpid(), signal.SIGKILL)

official_pool._check_share = _dying
"""

# Each file takes 20 ms longer, so the signal surely comes while the workers still extract.
SLOW_WORKERS = """
import time
import timeline.engine.local as local
_orig = local.map_file

def _slow(*args, **kw):
    time.sleep(0.02)
    return _orig(*args, **kw)

local.map_file = _slow
"""


ENV = {**os.environ, "NO_COLOR": "1"}


def command(*args: str, prelude: str = "") -> list[str]:
    """`timeline ARGS...` as a Python command line, after `prelude` (patches the run applies first)."""
    code = f"{prelude}\nimport sys\nfrom timeline.cli import main\nsys.argv = ['timeline', *{list(args)!r}]\nmain()"
    return [sys.executable, "-c", code]


def run(*args: str, prelude: str = "", prefix: Sequence[str] = (), **kw) -> subprocess.CompletedProcess:
    return subprocess.run([*prefix, *command(*args, prelude=prelude)], capture_output=True, text=True, env=ENV,
                          timeout=300, cwd=ROOT, **kw)


def snapshot(root: Path, skip: str = ".timeline-cache") -> dict[str, str]:
    """Every file under root (but the cache folder) -> a hash of its bytes."""
    out = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and skip not in path.relative_to(root).parts:
            out[str(path.relative_to(root))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


@pytest.fixture
def archive(generated, tmp_path) -> Path:
    target = tmp_path / "arsip" / "berita"
    shutil.copytree(generated, target)
    return target.parent


@pytest.fixture
def reference(archive) -> str:
    """The report of a cold run without any cache."""
    proc = run("check", str(archive), "--no-cache", "--format", "json", "--lang", "en")
    assert proc.returncode in (0, 1) and '"discrepancies"' in proc.stdout, proc.stderr
    return proc.stdout


def check_json(archive: Path, *extra: str, prelude: str = "") -> subprocess.CompletedProcess:
    return run("check", str(archive), "--format", "json", "--lang", "en", *extra, prelude=prelude)


def assert_clean(proc: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in proc.stderr, proc.stderr


@pytest.mark.parametrize("nth", [1, 2, 3])
@pytest.mark.parametrize("sig", ["SIGINT", "SIGKILL"])
def test_a_run_stopped_while_writing_the_cache_leaves_it_usable(archive, reference, sig, nth):
    before = snapshot(archive)
    stopped = check_json(archive, "--jobs", "2", prelude=KILL_IN_WRITE.format(nth=nth, signal=sig))
    if sig == "SIGINT":
        assert stopped.returncode == 130
        assert stopped.stderr.strip().splitlines() == ["timeline: dihentikan / interrupted"]
    else:
        assert stopped.returncode == -signal.SIGKILL
    assert stopped.stdout == ""
    again = check_json(archive)
    assert_clean(again)
    assert again.stdout == reference
    assert again.stderr == ""  # nothing to warn about: the interrupted write simply never happened
    warm = check_json(archive)
    assert warm.stdout == reference and warm.stderr == ""
    assert snapshot(archive) == before


def test_ctrl_c_to_the_process_group_stops_every_process_in_one_line(archive, reference):
    proc = subprocess.Popen(
        command("check", str(archive), "--jobs", "2", "--format", "json", "--lang", "en", prelude=SLOW_WORKERS),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, start_new_session=True, env=ENV)
    cache = archive / ".timeline-cache" / "extract.sqlite"
    deadline = time.monotonic() + 60
    while not cache.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the parent and its workers
    out, err = proc.communicate(timeout=60)
    if proc.returncode in (0, 1):
        pytest.skip("the run ended before the signal came")
    assert proc.returncode == 130
    assert "Traceback" not in err and err.strip().splitlines() == ["timeline: dihentikan / interrupted"]
    assert out == ""
    again = check_json(archive)
    assert again.stdout == reference and again.stderr == ""


# Ctrl-C at the worst moment: to the whole process group right after the workers were forked, before
# a worker can have set its own SIGINT handling.
CTRL_C_AT_FORK = """
import os, signal
import concurrent.futures.process as process
_orig = process.ProcessPoolExecutor._launch_processes

def _launch(self):
    _orig(self)
    os.killpg(0, signal.SIGINT)

process.ProcessPoolExecutor._launch_processes = _launch
"""


def test_ctrl_c_while_the_workers_fork_stops_the_run_in_one_line(archive):
    proc = subprocess.run(command("check", str(archive), "--jobs", "2", "--no-cache", "--format", "json",
                                  "--lang", "en", prelude=CTRL_C_AT_FORK),
                          capture_output=True, text=True, cwd=ROOT, env=ENV, timeout=120, start_new_session=True)
    assert proc.returncode == 130, proc.stderr
    assert proc.stderr.strip().splitlines() == ["timeline: dihentikan / interrupted"], proc.stderr
    assert proc.stdout == ""


@pytest.mark.parametrize("batch", [None, 16], ids=["one-batch", "many-batches"])
def test_a_killed_worker_costs_one_warning_and_the_run_still_gives_the_full_report(archive, reference, batch):
    victim = sorted(str(p) for p in (archive / "berita").rglob("*.txt"))[40].rsplit("/", 1)[1]
    prelude = KILL_A_WORKER.format(name=victim)
    if batch:  # files handed to the pool in many batches: the later ones find it broken
        prelude += (f"\nimport timeline.engine.files as files\nfiles.BATCH_FILES = {batch}\n"
                    "local.POOL_MIN_FILES = 1\n")
    assert_one_warning_and_the_full_report(check_json(archive, "--jobs", "2", prelude=prelude), archive, reference)


def test_a_worker_killed_while_checking_officials_costs_one_warning_and_they_are_checked_here(archive, reference):
    proc = check_json(archive, "--jobs", "2", prelude=KILL_A_CHECKING_WORKER)
    assert_one_warning_and_the_full_report(proc, archive, reference)


def assert_one_warning_and_the_full_report(proc, archive, reference) -> None:
    """A run that lost a worker: the cold report, one warning, and a clean run after it."""
    assert_clean(proc)
    assert proc.stdout == reference
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "worker process stopped" in lines[0], proc.stderr
    again = check_json(archive)
    assert again.stdout == reference and again.stderr == ""


def test_four_runs_at_once_on_one_cache_give_four_identical_reports(archive, reference):
    before = snapshot(archive)
    line = command("check", str(archive), "--format", "json", "--lang", "en", "--jobs", "1")
    procs = [subprocess.Popen(line, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=ENV)
             for _ in range(4)]
    results = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [procs[0].returncode] * 4
    for out, err in results:
        assert err == "" and out == reference
    warm = check_json(archive)
    assert warm.stdout == reference and warm.stderr == ""
    assert snapshot(archive) == before


def unprivileged() -> list[str]:
    """A command prefix under which file permissions apply (root ignores them unless its
    capabilities are dropped)."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: file permissions cannot be made to apply")
    caps = "-dac_override,-dac_read_search,-fowner"
    return ["setpriv", f"--bounding-set={caps}", f"--inh-caps={caps}"]


def make_read_only(root: Path) -> None:
    for path in [root, *root.rglob("*")]:
        path.chmod(0o555 if path.is_dir() else 0o444)


def make_writable(root: Path) -> None:
    for path in [root, *root.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)


@pytest.mark.parametrize("cached_before", [False, True], ids=["no-cache-yet", "cache-from-before"])
def test_a_read_only_archive_runs_without_the_cache_and_one_warning(archive, reference, cached_before):
    prefix = unprivileged()
    if cached_before:
        assert check_json(archive).stdout == reference
    before = snapshot(archive, skip="\0")
    make_read_only(archive)
    try:
        proc = run("check", str(archive), "--format", "json", "--lang", "en", prefix=prefix)
    finally:
        make_writable(archive)
    assert_clean(proc)
    assert proc.stdout == reference
    lines = proc.stderr.strip().splitlines()
    assert len(lines) <= 1 and all("running without it" in line or "read-only" in line for line in lines), lines
    assert len(lines) == 1 or cached_before  # an existing cache may still be read
    assert snapshot(archive, skip="\0") == before  # not even the cache folder changed


def test_a_cache_folder_that_cannot_be_written_runs_without_it(archive, reference, tmp_path):
    prefix = unprivileged()
    cache = tmp_path / "locked-cache"
    cache.mkdir()
    cache.chmod(0o555)
    try:
        proc = run("check", str(archive), "--format", "json", "--lang", "en", "--cache-dir", str(cache), prefix=prefix)
    finally:
        cache.chmod(0o755)
    assert_clean(proc)
    assert proc.stdout == reference
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "running without it" in lines[0], lines
    assert list(cache.iterdir()) == []


def test_a_cache_damaged_between_runs_is_set_aside_once_and_rebuilt(archive, reference):
    assert check_json(archive).stdout == reference
    db = archive / ".timeline-cache" / "extract.sqlite"
    conn_data = db.read_bytes()
    db.write_bytes(conn_data[: len(conn_data) // 3])
    for name in ("extract.sqlite-wal", "extract.sqlite-shm"):
        (db.parent / name).unlink(missing_ok=True)
    damaged = check_json(archive)
    assert_clean(damaged)
    assert damaged.stdout == reference
    assert len(damaged.stderr.strip().splitlines()) == 1, damaged.stderr
    after = check_json(archive)
    assert after.stdout == reference and after.stderr == ""
