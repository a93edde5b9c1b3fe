"""Every engine gives the same report, byte for byte: serial, local (a process pool, cold and warm) and
dask (a two-process cluster reached by its address, and files read by workers through fsspec)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from timeline.api import check
from timeline.checks.catalog import load_catalog
from timeline.engine import ENGINES, get_engine
from timeline.errors import InputError
from timeline.render import render
from timeline.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "fixtures" / "seeds"


def rendered(paths, fmt: str = "json", lang: str = "en", settings: Settings | None = None, **kw) -> str:
    """The report as `timeline check` writes it (the HTML page with every article's source)."""
    from timeline.api import html_options, run_engine
    from timeline.checks.runner import report_from

    settings = (settings or Settings()).with_overrides(engine=kw.pop("engine", None), scheduler=kw.pop("scheduler", None))
    catalog = load_catalog()
    run = run_engine([str(p) for p in paths], settings, catalog, sources=fmt == "html", **kw)
    extra = html_options(run.sources, settings, catalog) if fmt == "html" else {}
    return render(report_from(run, settings, catalog), fmt, lang, catalog, **extra)


def test_the_registry_names_three_engines():
    assert list(ENGINES) == ["serial", "local", "dask"]
    assert ENGINES["dask"].extra == "dask"


@pytest.mark.parametrize("fmt", ["json", "text", "sarif", "html"])
def test_serial_and_local_pool_and_cache_give_the_same_report(generated, tmp_path, fmt):
    serial = rendered([generated], fmt, engine="serial", use_cache=False)
    pooled = rendered([generated], fmt, engine="local", jobs=2, use_cache=False)
    cold = rendered([generated], fmt, engine="local", jobs=2, cache_dir=tmp_path / "cache")
    warm = rendered([generated], fmt, engine="local", jobs=2, cache_dir=tmp_path / "cache")
    assert serial == pooled == cold == warm


@pytest.mark.parametrize("cached", [False, True], ids=["uncached", "cold-cache"])
@pytest.mark.parametrize("jobs", [1, 2], ids=["here", "on-the-pool"])
def test_officials_checked_a_group_of_files_at_a_time_give_the_same_report(generated, tmp_path, monkeypatch, cached,
                                                                           jobs):
    import timeline.engine.official_pool as official_pool

    whole = rendered([generated], engine="serial", use_cache=False)
    assert official_pool.groups({"a", "b", "c", "d", "e"}, 150) == [{"a", "b", "c", "d", "e"}]
    assert official_pool.groups({"a", "b", "c"}, 150, 2) == [{"a", "c"}, {"b"}]
    monkeypatch.setattr(official_pool, "GROUP_FILES", 20)  # 150 files: seven groups of officials (14 on 2 workers)
    assert len(official_pool.groups({f"o{n}" for n in range(40)}, 150)) == 7
    assert len(official_pool.groups({f"o{n}" for n in range(40)}, 150, 2)) == 14
    monkeypatch.setattr(official_pool, "POOL_MIN_OFFICIALS", 1)
    here = []
    original = official_pool._here
    monkeypatch.setattr(official_pool, "_here", lambda *a: here.append(len(a[3])) or original(*a))
    kw = {"cache_dir": tmp_path / "cache"} if cached else {"use_cache": False}
    assert rendered([generated], engine="local", jobs=jobs, **kw) == whole
    assert here == ([] if jobs > 1 else [7])  # on the pool, no official was checked in this process
    for fmt in ("text", "sarif", "html"):
        assert rendered([generated], fmt, engine="local", jobs=jobs, use_cache=False) == rendered(
            [generated], fmt, engine="serial", use_cache=False)


def test_dask_on_a_two_worker_cluster_gives_the_local_report(generated, dask_cluster):
    local = check([str(generated)], Settings(), engine="local", jobs=2, use_cache=False)
    assert any(f.code == "TL101" for f in local.findings), "the planted conflicts were not found"
    for fmt in ("json", "text", "html"):
        on_dask = rendered([generated], fmt, "id", engine="dask", scheduler=dask_cluster.scheduler_address)
        assert on_dask == rendered([generated], fmt, "id", engine="local", jobs=2, use_cache=False)


def test_dask_workers_give_their_frozen_results_back_to_the_collector(generated, dask_cluster):
    """Extraction freezes what a worker holds (the collector would walk the kept results again and
    again); a cluster that outlives the run gets every worker's objects collectable again."""
    import gc

    from distributed import Client

    check([str(generated)], Settings(), engine="dask", scheduler=dask_cluster.scheduler_address)
    with Client(dask_cluster.scheduler_address) as client:
        assert set(client.run(gc.get_freeze_count).values()) == {0}
        frozen = client.run(_frozen_after_extraction)
    assert all(count > 0 for count in frozen.values()), "extraction froze nothing: the test shows nothing"


def _frozen_after_extraction() -> int:
    import gc

    from timeline.engine.dask import _extract_partition

    _extract_partition([(0, str(SEEDS / sorted(p.name for p in SEEDS.iterdir())[0]))], None, None)
    count = gc.get_freeze_count()
    gc.unfreeze()
    return count


def test_dask_workers_read_fsspec_urls(generated, dask_cluster):
    """file:// URLs go through fsspec on the workers; the paths shown are the URLs."""
    local = check([str(generated)], Settings(), engine="serial", use_cache=False)
    on_dask = check([generated.as_uri()], Settings(), engine="dask", scheduler=dask_cluster.scheduler_address)
    assert on_dask.articles == local.articles
    assert [(f.code, f.id) for f in on_dask.findings] != []
    assert {(f.code, f.official_id) for f in on_dask.findings} == {(f.code, f.official_id) for f in local.findings}
    assert all(e.path.startswith("file://") for f in on_dask.findings for e in f.evidence)


def test_dask_reports_the_seeds_three_findings_and_a_missing_path(dask_cluster, tmp_path):
    report = check([str(SEEDS), str(tmp_path / "hilang")], Settings(), engine="dask",
                   scheduler=dask_cluster.scheduler_address)
    assert sorted(f.code for f in report.findings if f.severity == "error") == ["TL002", "TL101", "TL102"]
    assert [p.code for p in report.skipped] == ["missing"]


def test_an_unreachable_scheduler_is_one_input_error(monkeypatch):
    monkeypatch.setattr("timeline.engine.dask.CONNECT_TIMEOUT_S", 1)
    with pytest.raises(InputError) as caught:
        check([str(SEEDS)], Settings(), engine="dask", scheduler="tcp://127.0.0.1:9")
    assert "tcp://127.0.0.1:9" in caught.value.render("en")
    assert "penjadwal Dask" in caught.value.render("id")


def run_cli(*args: str, prelude: str = "") -> subprocess.CompletedProcess:
    code = f"{prelude}\nimport sys\nfrom timeline.cli import main\nsys.argv = ['timeline', *{list(args)!r}]\nmain()"
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120, cwd=ROOT)


@pytest.mark.parametrize("lang,words", [("en", "needs the optional 'dask' dependencies"),
                                        ("id", "memerlukan dependensi opsional 'dask'")])
def test_dask_without_its_extra_is_one_clear_error_naming_the_extra(lang, words):
    hide = "import sys\nsys.modules['distributed'] = None"
    proc = run_cli("check", "fixtures/seeds", "--engine", "dask", "--no-cache", "--lang", lang, prelude=hide)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr
    assert words in lines[0] and "pip install 'timeline[dask]'" in lines[0]


def test_get_engine_refuses_unknown_names_and_missing_modules(monkeypatch):
    with pytest.raises(InputError, match="unknown engine 'spark'"):
        get_engine("spark")
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    with pytest.raises(InputError, match=r"timeline\[dask\]"):
        get_engine("dask")
    assert get_engine(None).name == "local"


def test_cli_engine_option_runs_the_named_engine():
    serial = run_cli("check", "fixtures/seeds", "--engine", "serial", "--no-cache", "--format", "json")
    local = run_cli("check", "fixtures/seeds", "--no-cache", "--format", "json")
    assert serial.returncode == local.returncode == 1
    assert serial.stdout == local.stdout
    unknown = run_cli("check", "fixtures/seeds", "--engine", "spark")
    assert unknown.returncode == 2 and "spark" in unknown.stderr


def test_hook_mode_runs_locally_even_when_the_config_names_dask(tmp_path):
    """The pre-commit hook needs the cache; `engine = "dask"` in the config does not send it to a cluster."""
    import shutil

    archive = tmp_path / "arsip"
    shutil.copytree(SEEDS, archive)
    (archive / ".timeline.toml").write_text('engine = "dask"\nscheduler = "tcp://127.0.0.1:9"\n', encoding="utf-8")
    changed = archive / "003_e38a64104eae3b0d.txt"
    proc = subprocess.run([sys.executable, "-m", "timeline", "check", "--hook", str(changed), "--format", "json"],
                          cwd=archive, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert '"TL002"' in proc.stdout


def test_the_cluster_estimate_runs_the_dask_engines_stages_on_their_own_outputs(generated, monkeypatch):
    """`benchmarks/engines.py` times the dask engine's stage functions one after the other; it reads
    what each returns, so it must follow their forms (it broke once when results changed form)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_engines", ROOT / "benchmarks" / "engines.py")
    engines = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "bench_engines", engines)  # its dataclasses look their module up
    spec.loader.exec_module(engines)
    costs = engines.stage_costs(generated, 120, lambda *_: None)
    assert costs.articles == 120
    assert costs.officials > 0 and costs.events > 0 and costs.result_bytes > 0
    assert min(costs.map_s, costs.check_s, costs.report_s) > 0
