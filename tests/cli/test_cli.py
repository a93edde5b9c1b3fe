"""End-to-end runs of the `timeline` command on fixtures/: outputs, exit codes, bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "fixtures" / "seeds"
GOLDEN = ROOT / "tests" / "golden"


def timeline(*args: str, cwd: Path = ROOT, stdin: str | None = None) -> subprocess.CompletedProcess:
    """Run the CLI as a user would, in a subprocess (no cache, one process unless asked)."""
    cmd = [sys.executable, "-m", "timeline", *args]
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, input=stdin, env=env, timeout=120)


def seeds_report(*extra: str) -> tuple[subprocess.CompletedProcess, dict]:
    proc = timeline("check", str(SEEDS.relative_to(ROOT)), "--format", "json", "--no-cache", *extra)
    return proc, json.loads(proc.stdout)


def test_seeds_report_exactly_the_three_known_errors():
    proc, report = seeds_report()
    assert proc.returncode == 1, proc.stderr
    found = sorted(
        (d["code"], d["official"]["name"] if d["official"] else None, tuple(Path(c["path"]).name[:3] for c in d["claims"]))
        for d in report["discrepancies"]
        if d["severity"] in ("error", "warning")
    )
    assert found == [
        ("TL002", "Basri Rase", ("003",)),
        ("TL101", "Basri Rase", ("001", "002")),
        ("TL102", "Basri Rase", ("002", "002")),
    ]
    assert report["summary"]["error"] == 3 and report["summary"]["warning"] == 0


def test_seeds_report_dates_and_companions():
    _, report = seeds_report()
    by_code = {d["code"]: d for d in report["discrepancies"]}
    conflict = by_code["TL101"]
    assert [c["date"]["start"] for c in conflict["claims"]] == ["2023-09-18", "2023-09-19"]
    assert conflict["event"]["type"] == "departure"
    outside = by_code["TL102"]
    assert outside["claims"][0]["date"] == {"start": "2023-10-18", "end": "2023-10-22", "granularity": "day"}
    assert outside["claims"][1]["date"]["start"] == "2023-09-19"
    weekday = by_code["TL002"]
    assert weekday["claims"][0]["text"].startswith("Selasa (15/1/2025)")
    assert "Rabu" in weekday["message"]
    for d in report["discrepancies"]:
        for c in d["claims"]:
            assert c["line"] >= 1 and c["column"] >= 1
            assert c["text"] in c["quote"]


def test_seeds_golden_json_report():
    """The whole JSON report, compared to the reviewed golden file (regenerate only on purpose)."""
    _, report = seeds_report()
    report["tool"]["version"] = "X"
    path = GOLDEN / "seeds-report.json"
    if os.environ.get("TIMELINE_REGEN_GOLDEN"):
        path.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    golden = json.loads(path.read_text(encoding="utf-8"))
    assert report == golden


def test_report_validates_against_the_published_schema():
    jsonschema = pytest.importorskip("jsonschema")
    _, report = seeds_report()
    schema = json.loads((ROOT / "timeline" / "render" / "schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(report, schema)


@pytest.mark.parametrize(
    "fail_on,code", [("error", 1), ("warning", 1), ("info", 1), ("never", 0)]
)
def test_fail_on_sets_the_exit_code(fail_on, code):
    proc = timeline("check", "fixtures/seeds", "--format", "json", "--no-cache", "--fail-on", fail_on)
    assert proc.returncode == code


def test_text_report_quotes_sources_with_location():
    proc = timeline("check", "fixtures/seeds", "--no-cache", "--lang", "en")
    assert proc.returncode == 1
    out = proc.stdout
    assert "Basri Rase" in out
    assert "fixtures/seeds/003_e38a64104eae3b0d.txt:2:" in out
    assert "TL101" in out and "TL102" in out and "TL002" in out
    assert "Selasa (15/1/2025)" in out


def test_sarif_output_has_rules_results_and_related_locations():
    proc = timeline("check", "fixtures/seeds", "--no-cache", "--format", "sarif")
    sarif = json.loads(proc.stdout)
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} >= {"TL001", "TL101", "TL102"}
    conflict = next(r for r in run["results"] if r["ruleId"] == "TL101")
    assert len(conflict["relatedLocations"]) == 1
    assert conflict["partialFingerprints"]


def test_github_annotations_point_at_the_files():
    proc = timeline("check", "fixtures/seeds", "--no-cache", "--format", "github")
    lines = [l for l in proc.stdout.splitlines() if l.startswith("::error")]
    assert len(lines) == 3
    assert any("file=fixtures/seeds/003_e38a64104eae3b0d.txt,line=2," in l for l in lines)


def test_missing_path_is_one_line_and_exit_2():
    proc = timeline("check", "no/such/archive", "--no-cache")
    assert proc.returncode == 2
    assert "no/such/archive" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_bad_files_are_named_and_the_rest_is_checked(tmp_path):
    (tmp_path / "good.txt").write_text((SEEDS / "003_e38a64104eae3b0d.txt").read_text(encoding="utf-8"))
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "broken.json").write_text("{not json")
    proc = timeline("check", str(tmp_path), "--no-cache", "--format", "json")
    assert "Traceback" not in proc.stderr
    for name in ("empty.txt", "binary.txt", "broken.json"):
        assert name in proc.stderr
    report = json.loads(proc.stdout)
    assert report["inputs"]["articles"] == 1
    assert {Path(s["path"]).name for s in report["inputs"]["skipped"]} == {"empty.txt", "binary.txt", "broken.json"}
    assert proc.returncode == 1  # the good article's weekday mismatch


def test_nothing_readable_exits_2(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    proc = timeline("check", str(tmp_path), "--no-cache")
    assert proc.returncode == 2
    assert "empty.txt" in proc.stderr


def test_bad_option_value_exits_2():
    proc = timeline("dates", "fixtures/seeds/002_35e5a8a89ffa5190.txt", "--ref", "12-09-2023")
    assert proc.returncode == 2
    assert "--ref" in proc.stderr


def test_dates_json_on_a_seed():
    proc = timeline("dates", "fixtures/seeds/002_35e5a8a89ffa5190.txt", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    items = json.loads(proc.stdout)
    assert set(items[0]) == {
        "text", "span", "kind", "value", "duration", "granularity", "weekday", "tense", "anchor", "valid", "time",
        "anchor_span", "approximate",
    }
    by_text = {i["text"]: i for i in items}
    planned = next(i for t, i in by_text.items() if t.startswith("Selasa (19/09/2023)"))
    assert planned["value"] == {"start": "2023-09-19", "end": "2023-09-19"} and planned["tense"] == "future"
    forum = next(i for t, i in by_text.items() if t.startswith("18-22 Oktober"))
    assert forum["value"] == {"start": "2023-10-18", "end": "2023-10-22"} and forum["kind"] == "range"


def test_dates_reads_stdin_with_a_reference():
    proc = timeline("dates", "-", "--ref", "2023-12-28", "--format", "json", stdin="Rapat digelar 3 Januari mendatang.")
    items = json.loads(proc.stdout)
    assert items[0]["value"] == {"start": "2024-01-03", "end": "2024-01-03"}


def test_rules_lists_the_catalog_and_explains_one():
    proc = timeline("rules")
    assert proc.returncode == 0
    for code in ("TL001", "TL002", "TL003", "TL004", "TL101", "TL102", "TL103", "TL104", "TL105", "TL901"):
        assert code in proc.stdout
    one = timeline("rules", "weekday-mismatch", "--lang", "en")
    assert one.returncode == 0 and "TL002" in one.stdout
    unknown = timeline("rules", "no-such-rule")
    assert unknown.returncode == 2 and "no-such-rule" in unknown.stderr


def test_officials_and_events_on_the_seeds():
    proc = timeline("officials", "fixtures/seeds", "--format", "json", "--no-cache")
    officials = {o["id"]: o for o in json.loads(proc.stdout)}
    assert "basri-rase" in officials and "helmy-budiman" in officials
    assert not {"indira-yusuf-ismail", "andi-arwin-azis", "arwin-azis"} & set(officials)
    proc = timeline("events", "fixtures/seeds", "--official", "Basri Rase", "--format", "json", "--no-cache")
    (entry,) = json.loads(proc.stdout)
    dated = {(e["type"], e["date"]["start"]) for e in entry["events"] if e["date"]}
    assert ("departure", "2023-09-18") in dated and ("departure", "2023-09-19") in dated


def test_graph_export_for_an_official():
    proc = timeline("graph", "fixtures/seeds", "--official", "basri-rase", "--format", "dot", "--no-cache")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith('digraph "basri-rase"')
    assert "part_of" in proc.stdout


def test_jobs_do_not_change_the_result(tmp_path):
    one = timeline("check", "fixtures/seeds", "--format", "json", "--no-cache", "--jobs", "1")
    two = timeline("check", "fixtures/seeds", "--format", "json", "--no-cache", "--jobs", "2")
    assert json.loads(one.stdout) == json.loads(two.stdout)


def test_user_files_are_not_modified(tmp_path):
    archive = tmp_path / "a"
    archive.mkdir()
    for f in (p for p in SEEDS.iterdir() if p.is_file()):
        (archive / f.name).write_bytes(f.read_bytes())
    before = {p.name: p.read_bytes() for p in archive.iterdir()}
    timeline("check", str(archive), "--cache-dir", str(tmp_path / "cache"))
    after = {p.name: p.read_bytes() for p in archive.iterdir() if p.is_file()}
    assert after == before


def test_baseline_accepts_known_findings_and_reports_stale_entries(tmp_path):
    archive = tmp_path / "arsip"
    archive.mkdir()
    for f in (p for p in SEEDS.iterdir() if p.is_file()):
        (archive / f.name).write_bytes(f.read_bytes())
    baseline = tmp_path / "baseline.json"
    wrote = timeline("check", str(archive), "--no-cache", "--write-baseline", str(baseline))
    assert wrote.returncode == 0 and baseline.exists()
    accepted = timeline("check", str(archive), "--no-cache", "--baseline", str(baseline), "--format", "json")
    assert accepted.returncode == 0, accepted.stderr
    report = json.loads(accepted.stdout)
    assert all(d.get("suppressed") for d in report["discrepancies"] if d["severity"] == "error")
    # fix the weekday in 003: its baseline entry no longer matches anything and is reported as stale
    fixed = archive / "003_e38a64104eae3b0d.txt"
    fixed.write_text(fixed.read_text(encoding="utf-8").replace("Selasa (15/1/2025)", "Rabu (15/1/2025)"),
                     encoding="utf-8")
    again = timeline("check", str(archive), "--no-cache", "--baseline", str(baseline), "--lang", "en")
    assert again.returncode == 0
    assert "no longer matches any finding (stale)" in again.stderr
    # a new error is not covered by the baseline
    fixed.write_text(fixed.read_text(encoding="utf-8").replace("Rabu (15/1/2025)", "Kamis (15/1/2025)"),
                     encoding="utf-8")
    new = timeline("check", str(archive), "--no-cache", "--baseline", str(baseline))
    assert new.returncode == 1


def test_config_file_sets_language_and_ignores_a_rule(tmp_path):
    archive = tmp_path / "arsip"
    archive.mkdir()
    for f in (p for p in SEEDS.iterdir() if p.is_file()):
        (archive / f.name).write_bytes(f.read_bytes())
    (tmp_path / ".timeline.toml").write_text('lang = "en"\n[rules]\nignore = ["weekday-mismatch"]\n')
    proc = timeline("check", str(archive), "--no-cache", "--format", "json")
    report = json.loads(proc.stdout)
    assert sorted(d["code"] for d in report["discrepancies"]) == ["TL101", "TL102"]
    assert "both cannot be true" in next(d for d in report["discrepancies"] if d["code"] == "TL101")["message"]


@pytest.mark.parametrize("lang,words", [("id", ["kosong", "tidak ada artikel"]), ("en", ["is empty", "no article"])])
def test_problems_are_told_in_the_chosen_language(tmp_path, lang, words):
    (tmp_path / "empty.txt").write_text("")
    proc = timeline("check", str(tmp_path), "--no-cache", "--lang", lang)
    assert proc.returncode == 2
    for word in words:
        assert word in proc.stderr
