"""`timeline check` on the archives people have: the seed articles as saved web pages, as a CSV export
and as a web archive give the seeds' three findings with the same quotes; `--columns`; bad files are
one line each and the rest is still checked."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARCHIVES = ROOT / "fixtures" / "archives"
FORMS = ("seeds-as-html", "seeds-as-csv", "seeds-as-warc")
# Dates that appear only in the pages' sidebars and comments (benchmarks/republish.py): no claim may have one.
FURNITURE_DAYS = {"2023-09-20", "2023-09-22", "2023-10-02", "2023-09-25", "2023-09-27", "2023-10-04", "2023-10-03"}


def timeline(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "timeline", *args], cwd=cwd, capture_output=True, text=True,
                          env=env, timeout=180)


def report(path: str, *extra: str, cwd: Path = ROOT) -> tuple[subprocess.CompletedProcess, dict]:
    proc = timeline("check", path, "--format", "json", "--no-cache", "--fail-on", "never", *extra, cwd=cwd)
    assert proc.returncode == 0, proc.stderr
    return proc, json.loads(proc.stdout)


def findings(payload: dict) -> list[tuple]:
    return sorted(
        (d["id"], d["code"], d["official"]["name"], tuple((c["text"], c["quote"], c["date"]["start"]) for c in d["claims"]))
        for d in payload["discrepancies"]
    )


@pytest.fixture(scope="module")
def seeds():
    _, payload = report("fixtures/seeds")
    return payload


@pytest.mark.parametrize("form", FORMS)
def test_each_form_gives_the_seeds_three_findings_with_the_same_quotes(seeds, form):
    proc, payload = report(f"fixtures/archives/{form}")
    assert proc.stderr == ""
    assert [d["code"] for d in payload["discrepancies"]] == ["TL002", "TL101", "TL102"]
    assert findings(payload) == findings(seeds)  # same ids, codes, officials, texts, quotes, dates
    assert payload["inputs"]["articles"] == 5


@pytest.mark.parametrize("form", FORMS)
def test_no_claim_is_dated_on_a_sidebar_or_comment_day(form):
    _, payload = report(f"fixtures/archives/{form}")
    days = set()
    for official in payload["officials"]:
        for event in official["events"]:
            if event["date"]:
                days |= {event["date"]["start"], event["date"]["end"]}
    for d in payload["discrepancies"]:
        for c in d["claims"]:
            if c["date"]:
                days |= {c["date"]["start"], c["date"]["end"]}
    assert not days & FURNITURE_DAYS


@pytest.mark.parametrize("form", FORMS)
def test_each_claim_points_at_its_text_in_the_file(form):
    import html
    import re

    _, payload = report(f"fixtures/archives/{form}")
    for d in payload["discrepancies"]:
        for c in d["claims"]:
            data = (ROOT / c["path"]).read_bytes()
            if c["path"].endswith(".gz"):
                data = gzip.decompress(data)
            lines = re.split(r"\r\n|\r|\n", data.decode("utf-8", errors="replace"))
            at = html.unescape(lines[c["line"] - 1][c["column"] - 1:])
            assert at.startswith(c["text"].split()[0]), (c["path"], c["line"], c["column"])
            assert c["text_line"] >= 1 and c["text_column"] >= 1


def test_sarif_region_carries_the_text_position():
    proc = timeline("check", "fixtures/archives/seeds-as-csv", "--format", "sarif", "--no-cache", "--fail-on", "never")
    log = json.loads(proc.stdout)
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in log["runs"][0]["results"]]
    assert all(set(r["properties"]) == {"text_line", "text_column"} for r in regions)
    weekday = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "TL002")
    region = weekday["locations"][0]["physicalLocation"]["region"]
    assert (region["properties"]["text_line"], region["startColumn"]) == (3, region["properties"]["text_column"])


# --------------------------------------------------------------------------------------------------
# --columns and the columns of .timeline.toml
# --------------------------------------------------------------------------------------------------

OWN_HEADER = (
    "nomor;judul_artikel;waktu_terbit;naskah\n"
    '1;Basri Rase ke Korsel;"Selasa, 12 Sep 2023 10:00 WITA";"SuaraKaltim.id - Wali Kota Bontang Basri Rase '
    'dijadwalkan bertolak ke Korea Selatan pada Selasa (19/09/2023) mendatang."\n'
    '2;Basri Rase Diundang PBB;14/09/2023 16:05;"UPDATEINDONESIA.COM- Walikota Bontang Basri Rase dijadwalkan bertolak ke Korea '
    'Selatan untuk menghadiri undangan PBB pada 18 September 2023."\n'
)


def test_columns_option_reads_an_export_with_its_own_header(tmp_path):
    (tmp_path / "ekspor.csv").write_text(OWN_HEADER, encoding="utf-8")
    proc = timeline("check", ".", "--no-cache", "--fail-on", "never", "--lang", "en", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [
        "timeline: ekspor.csv: has no article text column (its columns: nomor, judul_artikel, waktu_terbit, naskah); "
        "name it with --columns text=NAME",
        "timeline: .: no article could be read",
    ]
    _, payload = report(".", "--columns", "text=naskah,date=waktu_terbit,title=judul_artikel", cwd=tmp_path)
    assert payload["inputs"]["articles"] == 2
    assert [d["code"] for d in payload["discrepancies"]] == ["TL101"]


def test_columns_in_the_config_file(tmp_path):
    (tmp_path / "ekspor.csv").write_text(OWN_HEADER, encoding="utf-8")
    (tmp_path / ".timeline.toml").write_text('[columns]\ntext = "naskah"\ndate = "Waktu Terbit"\n', encoding="utf-8")
    proc, payload = report(".", cwd=tmp_path)
    assert proc.stderr == ""
    assert [d["code"] for d in payload["discrepancies"]] == ["TL101"]
    # the command line names a column over the file's
    proc = timeline("check", ".", "--no-cache", "--lang", "id", "--columns", "text=isi", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[0] == (
        "timeline: ekspor.csv: tidak punya kolom 'isi' untuk text (kolomnya: nomor, judul_artikel, waktu_terbit, naskah)"
    )


def test_cached_rows_of_other_columns_are_not_reused(tmp_path):
    (tmp_path / "ekspor.csv").write_text(OWN_HEADER.replace("nomor;", "ringkasan;").replace("\n1;", "\nCamat hadir.;")
                                         .replace("\n2;", "\nLurah hadir.;"), encoding="utf-8")
    first = timeline("check", ".", "--format", "json", "--fail-on", "never", "--columns", "text=naskah", cwd=tmp_path)
    second = timeline("check", ".", "--format", "json", "--fail-on", "never", "--columns", "text=ringkasan",
                      cwd=tmp_path)
    assert [d["code"] for d in json.loads(first.stdout)["discrepancies"]] == ["TL101"]
    assert json.loads(second.stdout)["discrepancies"] == []


@pytest.mark.parametrize("value", ["naskah", "isi=naskah", "text=", "text=naskah,,tanggal"])
def test_a_bad_columns_option_is_one_line_and_exit_2(tmp_path, value):
    (tmp_path / "ekspor.csv").write_text(OWN_HEADER, encoding="utf-8")
    proc = timeline("check", ".", "--no-cache", "--lang", "en", "--columns", value, cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [
        "timeline: '--columns' must be field=column pairs separated by commas, e.g. text=isi,date=waktu "
        "(fields: title, text, date, url, outlet, author)"
    ]


def test_a_bad_columns_table_in_the_config_is_one_line(tmp_path):
    (tmp_path / "ekspor.csv").write_text(OWN_HEADER, encoding="utf-8")
    (tmp_path / ".timeline.toml").write_text('columns = { body = "naskah" }\n', encoding="utf-8")
    proc = timeline("check", ".", "--no-cache", "--lang", "en", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip().endswith(
        ".timeline.toml:1: 'columns' must be a table of field = \"column name\" (fields: title, text, date, url, "
        "outlet, author)"
    )


# --------------------------------------------------------------------------------------------------
# Bad files: one line each, the rest checked; exit 2 only when nothing could be read
# --------------------------------------------------------------------------------------------------


def _bad_files(root: Path) -> None:
    warc = (ARCHIVES / "seeds-as-warc" / "arsip.warc.gz").read_bytes()
    (root / "kosong.csv").write_bytes(b"")
    (root / "tanpa-isi.csv").write_text("no,judul,kategori\n1,Banjir,daerah\n", encoding="utf-8")
    (root / "terpotong.warc.gz").write_bytes(warc[:200])
    (root / "indeks.html").write_text(
        "<html><body><nav><a>Beranda</a></nav><h1>Indeks Berita</h1><ul><li><a>Camat Tinjau Pasar</a></li></ul>"
        "</body></html>", encoding="utf-8")


BAD_LINES = {
    "en": [
        "timeline: indeks.html: no article text found in the page",
        "timeline: kosong.csv: is empty",
        "timeline: tanpa-isi.csv: has no article text column (its columns: no, judul, kategori); name it with "
        "--columns text=NAME",
        "timeline: terpotong.warc.gz: the web archive is cut off in record 1; the records before it were read",
    ],
    "id": [
        "timeline: indeks.html: tidak ada teks artikel di halaman ini",
        "timeline: kosong.csv: kosong",
        "timeline: tanpa-isi.csv: tidak punya kolom teks artikel (kolomnya: no, judul, kategori); sebutkan dengan "
        "--columns text=NAMA",
        "timeline: terpotong.warc.gz: arsip web terpotong di rekaman 1; rekaman sebelumnya tetap dibaca",
    ],
}


@pytest.mark.parametrize("lang", ["en", "id"])
def test_bad_files_are_one_line_each_and_the_rest_is_checked(tmp_path, lang):
    _bad_files(tmp_path)
    for seed in sorted((ROOT / "fixtures" / "seeds").glob("*.txt")):
        (tmp_path / seed.name).write_bytes(seed.read_bytes())
    proc = timeline("check", ".", "--no-cache", "--lang", lang, "--format", "json", cwd=tmp_path)
    assert proc.returncode == 1  # the seeds' errors, not 2
    assert proc.stderr.splitlines() == BAD_LINES[lang]
    payload = json.loads(proc.stdout)
    assert payload["inputs"]["articles"] == 5 and len(payload["inputs"]["skipped"]) == 4
    assert [d["code"] for d in payload["discrepancies"]] == ["TL002", "TL101", "TL102"]


def test_nothing_readable_exits_2(tmp_path):
    _bad_files(tmp_path)
    proc = timeline("check", ".", "--no-cache", "--lang", "en", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == BAD_LINES["en"] + ["timeline: .: no article could be read"]
