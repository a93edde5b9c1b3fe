"""The cache does not depend on the directory a run starts in: checking `arsip/` from its parent, `.`
from inside it, or the absolute path the pre-commit hook uses reuses the same cached work, and every
record comes back with the paths of the current run."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from timeline.engine import local
from timeline.engine.plan import FileResult, map_file
from timeline.engine.relocate import relocate

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "fixtures" / "seeds"


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """The seeds in arsip/ (one in a sub-folder) and a CSV export of two of them, with a relative date."""
    root = tmp_path / "arsip"
    (root / "2023").mkdir(parents=True)
    for n, seed in enumerate(sorted(SEEDS.glob("*.txt"))):
        (root / ("2023" if n % 2 else ".") / seed.name).write_bytes(seed.read_bytes())
    shutil.copy(ROOT / "fixtures" / "archives" / "seeds-as-csv" / "arsip-berita.csv", root / "ekspor.csv")
    (root / "tanpa-tanggal.txt").write_text(
        "Camat Tinjau Pasar\n\nCamat Loa Janan Heru Pattiasina meninjau pasar kemarin.\n", encoding="utf-8")
    return root


def _count_extractions(monkeypatch) -> list[str]:
    seen: list[str] = []

    def counting(path, data, roster=None, reading=None):
        seen.append(path)
        return map_file(path, data, roster, reading)

    monkeypatch.setattr(local, "map_file", counting)
    return seen


def _load(paths, cache: Path | None):
    return local.load_archive(paths, jobs=1, use_cache=cache is not None, cache_dir=cache)


@pytest.mark.parametrize("first, second", [
    (("tmp", "arsip"), ("arsip", ".")),
    (("arsip", "."), ("tmp", "arsip")),
    (("tmp", "arsip"), ("arsip/2023", "..")),
    (("arsip", "."), ("tmp", "ABSOLUTE")),
])
def test_a_second_run_from_another_directory_reuses_everything(archive, monkeypatch, first, second):
    places = {"tmp": archive.parent, "arsip": archive, "arsip/2023": archive / "2023"}
    cache = archive / ".timeline-cache"
    seen = _count_extractions(monkeypatch)
    monkeypatch.chdir(places[first[0]])
    _load([first[1]], cache)
    assert len(seen) == 7  # the five seeds, the CSV export, the undated article
    monkeypatch.chdir(places[second[0]])
    shown = str(archive) if second[1] == "ABSOLUTE" else second[1]
    seen.clear()
    cached = _load([shown], cache)
    assert seen == []  # nothing extracted again
    fresh = _load([shown], None)
    assert cached.digests == fresh.digests  # every path as this run shows it
    assert [p.path for p in cached.problems] == [p.path for p in fresh.problems]


def test_an_edited_file_is_extracted_again_and_only_it(archive, monkeypatch):
    cache = archive / ".timeline-cache"
    seen = _count_extractions(monkeypatch)
    monkeypatch.chdir(archive.parent)
    _load(["arsip"], cache)
    (archive / "tanpa-tanggal.txt").write_text("Camat Tinjau Pasar\n\nCamat hadir.\n", encoding="utf-8")
    monkeypatch.chdir(archive)
    seen.clear()
    _load(["."], cache)
    assert seen == ["tanpa-tanggal.txt"]


def test_the_hook_reuses_a_manual_run(archive, monkeypatch):
    """A manual `timeline check .` from inside, then the pre-commit hook (absolute archive root, the
    changed file as given): nothing is extracted again and the loaded records carry the hook's paths."""
    cache = archive / ".timeline-cache"
    seen = _count_extractions(monkeypatch)
    monkeypatch.chdir(archive)
    _load(["."], cache)
    seen.clear()
    hooked = local.load_archive([str(archive)], jobs=1, cache_dir=cache, focus=["002_35e5a8a89ffa5190.txt"])
    assert seen == []
    assert hooked.digests and all(d.article.path.startswith(str(archive) + "/") for d in hooked.digests)
    assert all(e.path.startswith(str(archive) + "/") for d in hooked.digests for e in d.evidence)


def test_relocation_moves_every_path_and_keeps_the_rest():
    data = (SEEDS / "002_35e5a8a89ffa5190.txt").read_bytes()
    here = map_file("arsip/002.txt", data)
    there = map_file("002.txt", data)
    assert relocate(here, "002.txt") == there
    assert relocate(here, "arsip/002.txt") is here
    moved = relocate(here, "lain/002.txt")
    text = repr(moved)
    assert "arsip/002.txt" not in text and "lain/002.txt#e0" in text


def test_relocation_moves_keys_of_records_and_problem_paths():
    data = b'{"text": "Camat Loa Janan meninjau pasar kemarin."}\n[1]\n'
    here = map_file("arsip/a.jsonl", data)
    moved = relocate(here, "a.jsonl")
    assert moved == map_file("a.jsonl", data)
    assert [p.path for p in moved.problems] == ["a.jsonl"]


def timeline(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "timeline", *args], cwd=cwd, capture_output=True, text=True,
                          env=env, timeout=180)


def test_reports_from_a_warm_cache_equal_cold_ones_run_from_there(archive):
    """From the parent, then from inside on the same cache: the report equals an uncached one from inside,
    paths and all, and finding ids never change."""
    cold_parent = timeline("check", "arsip", "--format", "json", "--jobs", "1", "--fail-on", "never",
                           cwd=archive.parent)
    warm_inside = timeline("check", ".", "--format", "json", "--jobs", "1", "--fail-on", "never", cwd=archive)
    fresh_inside = timeline("check", ".", "--format", "json", "--jobs", "1", "--fail-on", "never", "--no-cache",
                            cwd=archive)
    assert warm_inside.stdout == fresh_inside.stdout
    assert warm_inside.stderr == fresh_inside.stderr
    ids = lambda proc: [d["id"] for d in json.loads(proc.stdout)["discrepancies"]]  # noqa: E731
    assert ids(cold_parent) == ids(warm_inside) and len(ids(cold_parent)) == 4  # TL002, TL101, TL102, TL901
    paths = {c["path"] for d in json.loads(warm_inside.stdout)["discrepancies"] for c in d["claims"]}
    assert paths and not any(p.startswith("arsip/") for p in paths)
