"""Archives the engine tests share: a small generated archive with planted conflicts (the benchmark's
generator, kept small so the suite stays quick) and a two-process Dask cluster."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

GENERATOR = Path(__file__).resolve().parents[2] / "benchmarks" / "generate_archive.py"
GENERATED_ARTICLES = 150  # over POOL_MIN_FILES, so `--jobs 2` really uses the process pool


def load_generator():
    spec = importlib.util.spec_from_file_location("generate_archive", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    sys.modules["generate_archive"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def generated(tmp_path_factory) -> Path:
    """The articles of a generated archive (read-only: copy it before editing)."""
    root = tmp_path_factory.mktemp("generated")
    truth = load_generator().generate(root, GENERATED_ARTICLES, seed=11, rate=0.2)
    assert truth["contradictions"], "the generator planted nothing"
    return root / "berita"


@pytest.fixture
def archive_copy(generated, tmp_path) -> Path:
    """A private copy of the generated archive, to edit."""
    target = tmp_path / "berita"
    shutil.copytree(generated, target)
    return target


@pytest.fixture(scope="session")
def dask_cluster():
    """A LocalCluster of two worker processes, as a real cluster would be reached (by its address)."""
    pytest.importorskip("distributed")
    import logging

    from distributed import LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                           silence_logs=logging.ERROR)
    yield cluster
    cluster.close()
