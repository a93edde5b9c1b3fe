"""The synthetic archive generator: deterministic, the counts asked for, and a truthful ground truth."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from datetime import date
from pathlib import Path

import pytest

GENERATOR = Path(__file__).resolve().parents[1] / "benchmarks" / "generate_archive.py"


def load_generator():
    spec = importlib.util.spec_from_file_location("generate_archive", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    sys.modules["generate_archive"] = module
    spec.loader.exec_module(module)
    return module


gen = load_generator()

BRACKET_DATE = re.compile(r"\b(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu),? \((\d{1,2})/(\d{1,2})/(\d{4})\)")
LONG_DATE = re.compile(r"\b(\d{1,2}) (" + "|".join(gen.MONTHS) + r") (\d{4})\b")
COUNTRIES = "|".join(re.escape(country) for country, _ in gen.DESTINATIONS)
DEPARTURE = re.compile(rf"(?:bertolak|berangkat) ke (?:{COUNTRIES}) (?:pada )?(.+?)(?=, untuk|\.\s|\.$)", re.M)


def articles(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8") for p in sorted(root.rglob("*.txt"))}


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    root = tmp_path_factory.mktemp("archive")
    truth = gen.generate(root, 1200, seed=7, rate=0.05)
    return root, truth


def test_same_seed_gives_identical_archives(tmp_path: Path) -> None:
    gen.generate(tmp_path / "a", 300, seed=11)
    gen.generate(tmp_path / "b", 300, seed=11)
    gen.generate(tmp_path / "c", 300, seed=12)
    a, b, c = (articles(tmp_path / x) for x in "abc")
    assert a == b
    assert a != c
    assert (tmp_path / "a/ground_truth.json").read_bytes() == (tmp_path / "b/ground_truth.json").read_bytes()


@pytest.mark.parametrize("n, rate, planted", [(100, 0.05, 5), (400, 0.05, 20), (400, 0.0, 0), (250, 0.1, 25)])
def test_counts_match_the_request(tmp_path: Path, n: int, rate: float, planted: int) -> None:
    truth = gen.generate(tmp_path, n, seed=3, rate=rate)
    assert len(articles(tmp_path)) == n == truth["articles"]
    assert len(truth["officials"]) == max(8, n // 20)
    assert len({o["id"] for o in truth["officials"]}) == len(truth["officials"])
    assert len(truth["contradictions"]) == planted


def test_planted_contradictions_name_existing_files_and_officials(archive: tuple[Path, dict]) -> None:
    root, truth = archive
    officials = {o["id"] for o in truth["officials"]}
    shapes = {shape: (rule, code) for shape, rule, code, _ in gen.PLANTS}
    assert {c["shape"] for c in truth["contradictions"]} == set(shapes)
    assert sum(w for *_, w in gen.PLANTS) == pytest.approx(1.0)
    planted = [c["planted"] for c in truth["contradictions"]]
    assert len(planted) == len(set(planted))
    for item in truth["contradictions"]:
        assert (item["rule"], item["code"]) == shapes[item["shape"]]
        assert item["official_id"] in officials
        assert item["planted"] in item["files"]
        for path in item["files"]:
            assert (root / path).is_file(), path
        if item["rule"] == "date-conflict":
            assert len(item["files"]) >= 2
        else:
            assert item["files"] == [item["planted"]]


def test_weekday_errors_are_exactly_the_planted_ones(archive: tuple[Path, dict]) -> None:
    root, truth = archive
    planted = {c["planted"] for c in truth["contradictions"] if c["rule"] == "weekday-mismatch"}
    wrong = set()
    for path, text in articles(root).items():
        for name, day, month, year in BRACKET_DATE.findall(text):
            if gen.WEEKDAYS[date(int(year), int(month), int(day)).weekday()] != name:
                wrong.add(path)
    assert wrong == planted


def test_invalid_dates_are_exactly_the_planted_ones(archive: tuple[Path, dict]) -> None:
    root, truth = archive
    planted = {c["planted"] for c in truth["contradictions"] if c["rule"] == "invalid-date"}
    invalid = set()
    for path, text in articles(root).items():
        for day, month, year in LONG_DATE.findall(text):
            try:
                date(int(year), gen.MONTHS.index(month) + 1, int(day))
            except ValueError:
                invalid.add(path)
    assert invalid == planted


def full_dates(text: str) -> set[date]:
    """Dates written with their year: `Senin (27/3/2023)` and `27 Maret 2023`."""
    found = {date(int(y), int(m), int(d)) for _, d, m, y in BRACKET_DATE.findall(text)}
    found |= {date(int(y), gen.MONTHS.index(m) + 1, int(d)) for d, m, y in LONG_DATE.findall(text)}
    return found


def test_date_conflict_plant_moves_only_the_departure(archive: tuple[Path, dict]) -> None:
    root, truth = archive
    conflicts = [c for c in truth["contradictions"] if c["shape"] == "trip-date-conflict"]
    assert conflicts
    for item in conflicts:
        planted = (root / item["planted"]).read_text(encoding="utf-8")
        assert "Di sana" not in planted and "kembali ke" not in planted
        (stated,) = DEPARTURE.findall(planted)
        (departure,) = full_dates(stated)
        others = [(root / p).read_text(encoding="utf-8") for p in item["files"] if p != item["planted"]]
        for text in others:
            other_departures = [d for s in DEPARTURE.findall(text) for d in full_dates(s)]
            assert departure not in other_departures
            assert all(1 <= abs((departure - d).days) <= 3 for d in other_departures)


def planted_of(truth: dict, shape: str) -> list[dict]:
    found = [c for c in truth["contradictions"] if c["shape"] == shape]
    assert found, shape
    return found


def written(d: date) -> tuple[str, ...]:
    """The ways the generator writes a day: "(27/3", "(27/03", "27 Maret"."""
    return (f"({d.day}/{d.month}", f"({d.day:02d}/{d.month:02d}", f"{d.day} {gen.MONTHS[d.month - 1]}")


def says(text: str, d: date) -> bool:
    return any(form in text for form in written(d))


def test_event_date_conflict_plant_moves_one_report_of_a_local_event(archive: tuple[Path, dict]) -> None:
    root, truth = archive
    for item in planted_of(truth, "event-date-conflict"):
        day, moved = (date.fromisoformat(item["facts"][k]) for k in ("day", "moved"))
        assert 1 <= (day - moved).days <= 3
        assert says((root / item["planted"]).read_text(encoding="utf-8"), moved)


def test_month_plant_names_the_month_before_the_day(archive: tuple[Path, dict]) -> None:
    root, truth = archive
    for item in planted_of(truth, "month-vs-day"):
        day, month = date.fromisoformat(item["facts"]["day"]), item["facts"]["month"]
        assert gen.MONTHS[(day.month - 2) % 12] == month
        assert f"pada {month} lalu" in (root / item["planted"]).read_text(encoding="utf-8")


def test_return_plant_comes_back_before_leaving(archive: tuple[Path, dict]) -> None:
    root, truth = archive
    for item in planted_of(truth, "return-before-departure"):
        out, back = (date.fromisoformat(item["facts"][k]) for k in ("departure", "return"))
        assert 1 <= (out - back).days <= 3
        text = (root / item["planted"]).read_text(encoding="utf-8")
        assert says(re.search(r"telah kembali ke .+? setelah", text).group(), back) and says(text, out)


def test_local_plant_falls_inside_a_trip_whose_return_is_written(archive: tuple[Path, dict]) -> None:
    root, truth = archive
    for item in planted_of(truth, "local-inside-trip"):
        facts = item["facts"]
        day, out, back = (date.fromisoformat(facts[k]) for k in ("day", "departure", "return"))
        assert out < day < back
        assert says((root / item["planted"]).read_text(encoding="utf-8"), day)
        trip = [(root / p).read_text(encoding="utf-8") for p in facts["trip_files"]]
        assert all("dijadwalkan kembali ke" in t or "telah kembali ke" in t for t in trip)


def test_articles_have_title_dateline_and_genre_features(archive: tuple[Path, dict]) -> None:
    root, _ = archive
    texts = articles(root)
    outlets = tuple(gen.OUTLETS)
    for text in texts.values():
        title, blank, lede = text.split("\n")[:3]
        assert title and not blank
        assert lede.startswith(outlets) and " – " in lede
        assert "Baca Juga: " in text
    body = "\n".join(texts.values())
    share = sum(bool(re.search(r"\b\d{1,2}-\d{1,2} [A-Z][a-z]+ \d{4}", t)) for t in texts.values()) / len(texts)
    assert 0.02 <= share <= 0.15  # date ranges in a few percent of articles, as in real news
    for pattern in (
        r"\b(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu) \(\d{1,2}/\d{1,2}/\d{4}\)",  # Senin (27/3/2023)
        r"\b(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu) \(\d{1,2}/\d{1,2}\)",  # Senin (27/3)
        r"\(\d{2}/\d{2}/\d{4}\)",  # Selasa (19/09/2023)
        r"\b\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4}",
        r"\bkemarin\b",
        r"pukul \d{2}\.\d{2} (WIB|WITA|WIT)",
        r"didampingi Kepala (Dinas|Badan) ",
        r"dijadwalkan bertolak ke ",
    ):
        assert re.search(pattern, body), pattern


def test_cli_writes_archive_and_ground_truth(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert gen.main([str(tmp_path / "out"), "--articles", "60", "--seed", "5", "--contradiction-rate", "0.1"]) == 0
    truth = json.loads((tmp_path / "out/ground_truth.json").read_text(encoding="utf-8"))
    assert truth["articles"] == 60 and len(truth["contradictions"]) == 6
    assert "60 articles" in capsys.readouterr().err


# --------------------------------------------------------------------------------------------------
# benchmarks/archive.py: the timing harness and the scoring against the ground truth
# --------------------------------------------------------------------------------------------------


def load_bench():
    spec = importlib.util.spec_from_file_location("bench_archive", GENERATOR.parent / "archive.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_archive"] = module
    spec.loader.exec_module(module)
    return module


bench = load_bench()


def test_measure_times_a_command_and_its_peak_memory() -> None:
    code = "import time; x = bytearray(80 * 1024 * 1024); time.sleep(0.3); print('selesai'); raise SystemExit(1)"
    m = bench.measure([sys.executable, "-c", code], sample_every=0.02)
    assert m.returncode == 1
    assert m.stdout.strip() == "selesai"
    assert 0.3 <= m.seconds < 10
    assert m.max_rss_mb >= 80
    if Path("/proc").is_dir():
        assert m.tree_rss_mb >= 80
    assert m.peak_mb >= 80


# Both workers started by the main thread, or by another thread that stays alive while they run: a
# child is listed under the thread that started it (a process pool's workers may be), and the tree read
# from the threads' lists of children holds it, as a scan of every process does.
STARTERS = {
    "main thread": "[p.wait() for p in start()]\n",
    "another thread": "thread = threading.Thread(target=lambda: [p.wait() for p in start()])\n"
                      "thread.start(); thread.join()\n",
}


@pytest.mark.parametrize("scan", [False, True], ids=["children lists", "every process"])
@pytest.mark.parametrize("starter", STARTERS)
def test_measure_counts_the_workers_of_a_process_tree(starter, scan, monkeypatch) -> None:
    if scan:  # a kernel without the lists of children: the tree from every process's parent
        monkeypatch.setattr(bench, "_tree_pids", lambda root: None)
    code = (
        "import subprocess, sys, threading\n"
        "child = 'import time; x = bytearray(60 * 1024 * 1024); time.sleep(0.6)'\n"
        "start = lambda: [subprocess.Popen([sys.executable, '-c', child]) for _ in range(2)]\n"
        + STARTERS[starter]
    )
    m = bench.measure([sys.executable, "-c", code], sample_every=0.02)
    assert m.returncode == 0
    if Path("/proc").is_dir():
        assert m.tree_rss_mb >= 120  # both workers at once, not only the largest process


def finding(rule: str, code: str, official: str | None, root: Path, *paths: str, severity: str = "error") -> dict:
    return {
        "rule": rule,
        "code": code,
        "severity": severity,
        "official": {"id": official, "name": official} if official else None,
        "claims": [{"path": str(root / p)} for p in paths],
    }


def test_score_matches_findings_by_rule_official_and_files(archive: tuple[Path, dict]) -> None:
    root, truth = archive
    by_rule = {}
    for item in truth["contradictions"]:
        by_rule.setdefault(item["rule"], item)
    conflict, weekday, outside = by_rule["date-conflict"], by_rule["weekday-mismatch"], by_rule["outside-trip"]
    other_file = next(p for p in conflict["files"] if p != conflict["planted"])
    report = {"discrepancies": [
        finding("date-conflict", "TL101", conflict["official_id"], root, other_file, conflict["planted"]),
        finding("weekday-mismatch", "TL002", None, root, weekday["planted"]),  # text rule: no official
        finding("outside-trip", "TL102", "someone-else", root, outside["planted"]),  # wrong official
        finding("date-conflict", "TL101", conflict["official_id"], root, conflict["planted"]),  # one file only
        finding("tense-mismatch", "TL004", None, root, weekday["planted"], severity="warning"),
    ]}
    result = bench.score(report, truth, root)
    assert (result.errors, result.true_positive, result.found, result.warnings) == (4, 2, 2, 1)
    assert result.precision == 0.5
    assert result.recall == 2 / len(truth["contradictions"])
    assert result.by_rule["date-conflict"][0] == 1 and result.by_rule["outside-trip"][0] == 0


def test_score_accepts_paths_relative_to_the_working_directory(
    archive: tuple[Path, dict], monkeypatch: pytest.MonkeyPatch
) -> None:
    root, truth = archive
    item = next(t for t in truth["contradictions"] if t["rule"] == "invalid-date")
    monkeypatch.chdir(root.parent)
    report = {"discrepancies": [finding("invalid-date", "TL001", item["official_id"], Path(root.name), item["planted"])]}
    assert bench.score(report, truth, root).true_positive == 1


def test_table_shows_baseline_runs_and_target_verdicts() -> None:
    row = {"articles": 20000, "cold_s": 24.0, "s_per_1k": 1.2, "warm_s": 2.5, "hook_s": 0.9, "peak_mb": 410.0,
           "errors": 900, "precision": 0.9, "recall": 0.8}
    base = {**row, "articles": 1000, "cold_s": 3.0, "s_per_1k": 3.0, "warm_s": None, "hook_s": None}
    text = bench.table([row], base, None)
    assert "| baseline `--jobs 1 --no-cache` | 1000 | 3.00 | 3.00 | – | – |" in text
    assert "| cold check, 20,000 articles | 15 s | 24.00 s | OVER |" in text
    assert "| warm re-check after one edit, hook mode, 20,000 articles | 1 s | 0.90 s | ok |" in text
    assert "| warm re-check after one edit, full report, 20,000 articles | 2 s | 2.50 s | OVER |" in text
    assert "| peak memory, 50,000 articles | 600 MB | – | not measured |" in text
    assert "dask" not in text
    dask = {"articles": 50000, "dask_s": 66.0, "local_s": 55.0, "ratio": 1.2}
    assert ("| `--engine dask` cold, 50,000 articles, against local (66.0 s against 55.0 s) | 1.3x | 1.20x | ok |"
            in bench.table([row], base, None, dask))


def test_ensure_archive_reuses_an_existing_archive(tmp_path: Path) -> None:
    first = bench.ensure_archive(tmp_path, 50, seed=2, rate=0.1)
    marker = first / "berita" / "marker.txt"
    marker.write_text("tetap", encoding="utf-8")
    assert bench.ensure_archive(tmp_path, 50, seed=2, rate=0.1) == first
    assert marker.exists()


SHAPES_OF = [
    ({"code": "TL101", "event": {"type": "departure"}, "claims": [{"date": {"granularity": "day"}}]},
     "trip-date-conflict"),
    ({"code": "TL101", "event": {"type": "opening"}, "claims": [{"date": {"granularity": "month"}}]}, "month-vs-day"),
    ({"code": "TL101", "event": {"type": "inspection"}, "claims": [{"date": None}]}, "event-date-conflict"),
    ({"code": "TL102"}, "outside-trip"),
    ({"code": "TL103"}, "return-before-departure"),
    ({"code": "TL104"}, "local-inside-trip"),
    ({"code": "TL002"}, "weekday-mismatch"),
]


@pytest.mark.parametrize("finding,shape", SHAPES_OF, ids=[s for _, s in SHAPES_OF])
def test_a_finding_is_scored_under_the_shape_it_would_be(finding, shape):
    assert bench.shape_of(finding) == shape
    assert shape in {s for s, *_ in gen.PLANTS}


def test_score_counts_each_shape_planted_found_and_true(archive: tuple[Path, dict]) -> None:
    root, truth = archive
    item = next(t for t in truth["contradictions"] if t["shape"] == "local-inside-trip")
    stray = next(t for t in truth["contradictions"] if t["shape"] == "invalid-date")
    report = {"discrepancies": [
        {**finding("location-conflict", "TL104", item["official_id"], root, item["planted"])},
        {**finding("location-conflict", "TL104", item["official_id"], root, stray["planted"])},  # not planted so
    ]}
    result = bench.score(report, truth, root)
    planted = sum(t["shape"] == "local-inside-trip" for t in truth["contradictions"])
    assert result.by_shape["local-inside-trip"] == [planted, 1, 2, 1]
    assert "| 1200 | local-inside-trip |" in bench.shape_table([{"articles": 1200, "by_shape": result.by_shape}])
