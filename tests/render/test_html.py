"""The HTML report as text: self-contained, escaped, in the report's language, the same page as the
reviewed golden file for the seeds, and `timeline check|events --format html` end to end."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from timeline.lang import messages, placeholders
from timeline.render.html import pack, unpack

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden" / "seeds-report.html"
BLOB = re.compile(r'(<script type="application/octet-stream" class="axis-z" id="z\d+">)([A-Za-z0-9+/=]*)(</script>)')

ESCAPE_ARTICLE = """Rakor Bontang di Batam

Bontang - Rapat koordinasi digelar Selasa (15/1/2025) di Hotel Aston, Kota Batam <script>window.__pwned = 1</script> dipimpin Wali Kota Bontang Basri Rase.
"""
LINKED_ARTICLE = """---
title: Wali Kota Bontang ke Korea Selatan
date: 2023-09-14
outlet: Contoh Berita
url: https://contoh.example/berita/bontang-korea
---
Wali Kota Bontang Basri Rase dijadwalkan bertolak ke Korea Selatan pada 18 September 2023.

Wali Kota Bontang Basri Rase juga memimpin rakor di Bontang, Selasa (15/1/2025).
"""


def timeline(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "timeline", *args], cwd=cwd, capture_output=True, text=True,
                          env=env, timeout=180)


def normalized(page: str) -> str:
    """The page with what may differ between machines made plain: the version, and packed axes unpacked
    (zlib builds may pack the same markup into other bytes)."""
    page = re.sub(r'content="timeline [^"]+"', 'content="timeline X"', page)
    page = re.sub(r"(timeline|timeline) \d+\.\d+\.\d+[^ .<]*", r"\1 X", page)
    return BLOB.sub(lambda m: f"{m.group(1)}\n<!-- unpacked for review -->\n{unpack(m.group(2))}\n{m.group(3)}", page)


@pytest.fixture(scope="module")
def seeds_page() -> str:
    proc = timeline("check", "fixtures/seeds", "--format", "html", "--no-cache")
    assert proc.returncode == 1, proc.stderr  # the same exit code as every other format: three errors
    return proc.stdout


def test_seeds_golden_html_report(seeds_page):
    """The whole page, compared to the reviewed golden file (regenerate only on purpose)."""
    page = normalized(seeds_page)
    if os.environ.get("TIMELINE_REGEN_GOLDEN"):
        GOLDEN.write_text(page, encoding="utf-8")
    assert page == GOLDEN.read_text(encoding="utf-8")


def test_the_page_loads_nothing_from_anywhere(seeds_page):
    lowered = seeds_page.lower()
    for needle in ("<link", " src=", "@import", "url(http", "url(//", "fonts.googleapis", "cdn"):
        assert needle not in lowered, needle
    assert "http://" not in lowered and "https://" not in lowered  # the seeds have no source URLs
    assert lowered.count("<style>") == 1 and "<script>" in lowered


def test_the_seeds_page_has_the_three_findings_in_order_with_basri_drawn_inline(seeds_page):
    codes = re.findall(r'<li class="finding sev-(\w+)" id="f-[0-9a-f]+" data-rule="(TL\d+)"', seeds_page)
    assert codes == [("error", "TL002"), ("error", "TL101"), ("error", "TL102")]
    basri = seeds_page[seeds_page.index('data-official="basri-rase"'):]
    assert basri.index('<svg class="axis"') < basri.index("</section>")
    assert seeds_page.count('<details class="official lazy"') == 5  # the five officials without findings


def test_a_quote_with_html_in_it_shows_as_text(tmp_path):
    (tmp_path / "rakor.txt").write_text(ESCAPE_ARTICLE, encoding="utf-8")
    proc = timeline("check", str(tmp_path), "--format", "html", "--no-cache")
    assert proc.returncode == 1, proc.stderr
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in proc.stdout
    assert "<script>window.__pwned" not in proc.stdout


def test_a_source_url_becomes_a_link_and_the_outlet_is_named(tmp_path):
    (tmp_path / "bontang.md").write_text(LINKED_ARTICLE, encoding="utf-8")
    proc = timeline("check", str(tmp_path), "--format", "html", "--no-cache", "--lang", "en")
    assert proc.returncode == 1, proc.stderr
    assert '<a href="https://contoh.example/berita/bontang-korea" rel="noreferrer noopener">source</a>' in proc.stdout
    assert '<span class="outlet">Contoh Berita</span>' in proc.stdout


def test_output_goes_to_the_file_given_and_the_exit_code_is_the_checks(tmp_path):
    out = tmp_path / "report.html"
    proc = timeline("check", "fixtures/seeds", "--format", "html", "--no-cache", "--output", str(out))
    assert proc.returncode == 1 and proc.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and text.rstrip().endswith("</html>")
    never = timeline("check", "fixtures/seeds", "--format", "html", "--no-cache", "--fail-on", "never")
    assert never.returncode == 0


@pytest.mark.parametrize("lang,words", [
    ("id", ['<html lang="id">', "Laporan pemeriksaan timeline", "September 2023", "kesalahan", "dibaca sebagai"]),
    ("en", ['<html lang="en">', "Timeline check report", "September 2023", "error", "read as"]),
])
def test_labels_are_in_the_report_language(lang, words):
    proc = timeline("check", "fixtures/seeds", "--format", "html", "--no-cache", "--lang", lang)
    for word in words:
        assert word in proc.stdout, word
    other = "Laporan pemeriksaan" if lang == "en" else "Timeline check report"
    assert other not in proc.stdout


def test_html_labels_exist_in_both_languages_with_the_same_fields():
    en = {k: v for k, v in messages("en").items() if k.startswith("html.")}
    id_ = {k: v for k, v in messages("id").items() if k.startswith("html.")}
    assert en.keys() == id_.keys()
    for key in en:
        assert placeholders(en[key]) == placeholders(id_[key]), key
    for key in ("html.months", "html.months_short"):
        assert len(en[key].split()) == len(id_[key].split()) == 12
    assert len(id_["html.weekdays"].split()) == 7


def test_events_page_draws_one_official_with_every_claim_listed():
    proc = timeline("events", "fixtures/seeds", "--official", "Basri Rase", "--format", "html", "--no-cache",
                    "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    page = proc.stdout
    assert "<title>Timeline of Basri Rase</title>" in page
    assert page.count('<svg class="axis"') == 1 and 'class="finding' not in page
    assert page.count('<tr id="c-0-') == 11  # every claim, dated or not, with its sentence
    assert 'data-official="basri-rase"' in page and 'data-official="najirah"' not in page


def test_events_page_for_an_unknown_official_fails_in_one_line():
    proc = timeline("events", "fixtures/seeds", "--official", "Tidak Ada", "--format", "html", "--no-cache")
    assert proc.returncode == 2 and proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1


def test_axes_beyond_the_inline_budget_travel_packed_and_unpack_to_the_same_figure():
    from timeline import api
    from timeline.checks.catalog import load_catalog
    from timeline.checks.runner import report_of
    from timeline.render.html import render_html
    from timeline.settings import load_settings

    paths = [str(ROOT / "fixtures" / "seeds")]
    settings = load_settings(paths)
    archive = api.load(paths, settings, use_cache=False, jobs=1)
    report = report_of(archive, settings, load_catalog())
    rules = {r.code: r for r in load_catalog()}
    extra = api.html_options(archive, settings, load_catalog())
    inline = render_html(report, "id", rules, **extra)
    packed = render_html(report, "id", rules, inline_budget=0, **extra)
    assert inline.count('<svg class="axis"') == 1 and packed.count('<svg class="axis"') == 0
    figure = re.search(r'<figure class="axis-fig">.*?</figure>', inline, re.S).group(0)
    (blob,) = [m.group(2) for m in BLOB.finditer(packed)]
    unpacked = unpack(blob)
    assert unpacked.startswith('<template data-for="o0"><figure class="axis-fig">') and figure in unpacked
    assert '<div class="axis-fig pending" data-z="z0" data-for="o0">' in packed


UNDATED_ARTICLE = """Bupati Pimpin Rapat Banjir

Bupati Kutai Kartanegara Edi Damansyah memimpin rapat koordinasi banjir, kemarin.

Pekan lalu ia meninjau tanggul di Loa Kulu bersama warga.
"""


@pytest.mark.parametrize("lang,summary", [("en", "1 info finding(s): show"), ("id", "1 temuan info: tunjukkan")])
def test_info_findings_travel_packed_and_unpack_with_their_quotes_and_locations(tmp_path, lang, summary):
    (tmp_path / "rapat.txt").write_text(UNDATED_ARTICLE, encoding="utf-8")
    page = timeline("check", str(tmp_path), "--format", "html", "--no-cache", "--lang", lang).stdout
    assert 'data-rule="TL901"' not in BLOB.sub("", page)  # not written out in the page
    # the article names no official the relative dates are about: its finding has none
    section = re.search(r'<section class="official loose" data-official="-">.*?</section>', page, re.S)
    key = "loose"
    assert (f'<details class="info-z"><summary>{summary}</summary><div class="pending" data-z="z0" '
            f'data-for="{key}-i"></div></details>') in section.group(0)
    (blob,) = [m.group(2) for m in BLOB.finditer(page)]
    findings = unpack(blob)
    assert findings.startswith(f'<template data-for="{key}-i"><ol class="findings">')
    assert 'data-rule="TL901"' in findings and "<mark>kemarin</mark>" in findings and "<mark>Pekan lalu</mark>" in findings
    assert f"{tmp_path}/rapat.txt:3:" in findings and f"{tmp_path}/rapat.txt:5:1" in findings


def test_errors_are_written_out_beside_packed_info_findings(tmp_path):
    (tmp_path / "rapat.txt").write_text(UNDATED_ARTICLE, encoding="utf-8")
    (tmp_path / "rakor.txt").write_text(ESCAPE_ARTICLE.replace("<script>window.__pwned = 1</script> ", ""),
                                        encoding="utf-8")
    page = timeline("check", str(tmp_path), "--format", "html", "--no-cache").stdout
    error = re.search(r'<li class="finding sev-error"[^>]*data-rule="TL002".*?</li>\n(?=</ol>)', page, re.S).group(0)
    assert "<blockquote>" in error and "Selasa (15/1/2025)" in error
    assert page.count('class="info-z"') == 1


def test_pack_and_unpack_round_trip_unicode():
    text = "<text>18–22 Oktober · “kutipan”</text>"
    assert unpack(pack(text)) == text


@pytest.mark.parametrize("start,end,lang,text", [
    ("2023-10-18", "2023-10-18", "id", "18 Okt 2023"),
    ("2023-10-18", "2023-10-22", "id", "18–22 Okt 2023"),
    ("2023-09-30", "2023-10-03", "en", "30 Sep – 3 Oct 2023"),
    ("2023-12-28", "2024-01-02", "id", "28 Des 2023 – 2 Jan 2024"),
])
def test_dates_are_written_short_in_the_report_language(start, end, lang, text):
    from datetime import date

    from timeline.render.html_page import span_text

    assert span_text(date.fromisoformat(start), date.fromisoformat(end), lang) == text


def test_a_report_without_findings_says_so():
    from timeline.model import Report
    from timeline.render import render

    page = render(Report(articles=2, skipped=(), warnings=(), officials=(), events={}, findings=()), "html", "en")
    assert "No findings." in page and '<svg class="axis"' not in page and "2 articles read" in page


def test_events_page_without_an_official_draws_every_official():
    proc = timeline("events", "fixtures/seeds", "--format", "html", "--no-cache")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count('<svg class="axis"') == 6 and "<title>Lini masa para pejabat</title>" in proc.stdout
