"""The HTML report in a real browser: Debian's Chromium, headless, driven by playwright (never a
downloaded browser). Skips, saying why, where no Chromium is installed; `.ci/run` installs it.

Each test opens a page written by the `timeline` command from disk (file://), as an editor would.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("TIMELINE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
# This machine's closed network refuses background connections: none are attempted.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
ESCAPE_ARTICLE = """Rakor Bontang di Batam

Bontang - Rapat koordinasi digelar Selasa (15/1/2025) di Hotel Aston, Kota Batam <script>window.__pwned = 1</script> dipimpin Wali Kota Bontang Basri Rase.
"""

UNDATED_ARTICLE = """Bupati Pimpin Rapat Banjir

Bupati Kutai Kartanegara Edi Damansyah memimpin rapat koordinasi banjir, kemarin.

Pekan lalu ia meninjau tanggul di Loa Kulu bersama warga.
"""


def timeline(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "timeline", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "NO_COLOR": "1"}, timeout=180)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """A headless Chromium with a fresh profile, for the whole module."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install '.[test]')")
    if not Path(CHROMIUM).is_file():
        pytest.skip(f"no Chromium at {CHROMIUM}: apt-get install chromium (.ci/run installs it)")
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=CHROMIUM, args=CHROMIUM_ARGS,
            headless=True, viewport={"width": 1200, "height": 900},
        )
        yield context
        context.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    """The pages under test, written by the command line: the seeds' report, the same with every axis
    packed, an events page, and a report whose quote holds HTML."""
    out = tmp_path_factory.mktemp("pages")
    made = {"seeds": out / "seeds.html", "events": out / "events.html", "escape": out / "escape.html"}
    assert timeline("check", "fixtures/seeds", "--format", "html", "--no-cache", "-o", str(made["seeds"])).returncode == 1
    assert timeline("events", "fixtures/seeds", "--official", "Basri Rase", "--format", "html", "--no-cache",
                    "-o", str(made["events"])).returncode == 0
    archive = out / "escape-archive"
    archive.mkdir()
    (archive / "rakor.txt").write_text(ESCAPE_ARTICLE, encoding="utf-8")
    assert timeline("check", str(archive), "--format", "html", "--no-cache", "-o", str(made["escape"])).returncode == 1
    undated = out / "undated-archive"
    undated.mkdir()
    (undated / "rapat.txt").write_text(UNDATED_ARTICLE, encoding="utf-8")
    made["undated"] = out / "undated.html"
    assert timeline("check", str(undated), "--format", "html", "--no-cache", "-o", str(made["undated"])).returncode == 0
    made["packed"] = out / "packed.html"
    made["packed"].write_text(_packed_seeds(), encoding="utf-8")
    return made


def _packed_seeds() -> str:
    from timeline import api
    from timeline.checks.catalog import load_catalog
    from timeline.checks.runner import report_of
    from timeline.render.html import render_html
    from timeline.settings import load_settings

    paths = [str(ROOT / "fixtures" / "seeds")]
    settings = load_settings(paths)
    archive = api.load(paths, settings, use_cache=False, jobs=1)
    catalog = load_catalog()
    return render_html(report_of(archive, settings, catalog), "id", {r.code: r for r in catalog}, inline_budget=0,
                       **api.html_options(archive, settings, catalog))


@pytest.fixture(scope="module")
def basri_dated_claims() -> int:
    """Basri Rase's claims with a date, counted from the JSON report (not from the page)."""
    report = json.loads(timeline("check", "fixtures/seeds", "--format", "json", "--no-cache").stdout)
    (basri,) = [o for o in report["officials"] if o["name"] == "Basri Rase"]
    return sum(1 for e in basri["events"] if e["date"] is not None)


class Opened:
    """A page opened from disk, with every console error and uncaught exception it raised."""

    def __init__(self, browser, path: Path):
        self.page = browser.new_page()
        self.errors: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(path.as_uri())

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        assert self.errors == []
        self.page.close()


def finding(page, code: str):
    return page.locator(f'li.finding[data-rule="{code}"]')


def visible_codes(page) -> list[str]:
    return page.eval_on_selector_all("li.finding", "els => els.filter(e => !e.hidden).map(e => e.dataset.rule)")


def test_seeds_report_shows_the_three_findings_and_their_quotes(browser, pages, tmp_path):
    with Opened(browser, pages["seeds"]) as o:
        page = o.page
        assert visible_codes(page) == ["TL002", "TL101", "TL102"]
        assert "Selasa (15/1/2025) ini" in finding(page, "TL002").locator("blockquote mark").inner_text()
        quotes = finding(page, "TL101").locator("blockquote")
        assert quotes.count() == 2
        assert "18 September 2023" in quotes.nth(0).inner_text()
        assert "Selasa (19/09/2023) mendatang" in quotes.nth(1).inner_text()
        assert "18-22 Oktober nanti" in finding(page, "TL102").locator("blockquote").first.inner_text()
        assert "fixtures/seeds/003_e38a64104eae3b0d.txt:2:52" in finding(page, "TL002").inner_text()
        page.screenshot(path=str(tmp_path / "seeds-report.png"), full_page=True)
        assert (tmp_path / "seeds-report.png").stat().st_size > 10_000


def test_basri_rase_has_one_mark_per_dated_claim(browser, pages, basri_dated_claims):
    with Opened(browser, pages["seeds"]) as o:
        section = o.page.locator('section.official[data-official="basri-rase"]')
        assert section.locator("svg.axis .mark").count() == basri_dated_claims == 7
        assert section.locator("svg.axis .trip").count() == 2  # the two reported departures


def test_clicking_a_finding_highlights_its_marks(browser, pages):
    with Opened(browser, pages["seeds"]) as o:
        page = o.page
        conflict = finding(page, "TL101")
        conflict.locator(".message").click()
        lit = page.locator("svg.axis .mark.hl")
        assert lit.count() == 2
        ids = conflict.get_attribute("data-marks").split()
        assert sorted(lit.evaluate_all("els => els.map(e => e.id)")) == sorted(ids)
        boxes = [lit.nth(i).bounding_box() for i in range(2)]
        assert abs(boxes[0]["y"] - boxes[1]["y"]) > 10  # two sources, one above the other
        assert "hl" in (conflict.get_attribute("class") or "")
        finding(page, "TL002").locator(".message").click()
        assert page.locator("svg.axis .mark.hl").count() == 1


def test_clicking_a_mark_goes_to_its_quote(browser, pages):
    with Opened(browser, pages["seeds"]) as o:
        page = o.page
        forum = page.locator("svg.axis .mark.span.conflict")
        assert forum.count() == 1
        forum.click()
        quote = finding(page, "TL102").locator("li.quote").first
        assert "hl" in quote.get_attribute("class")
        assert page.evaluate("document.activeElement.closest('li.quote') !== null")
        assert "18-22 Oktober" in page.evaluate("document.activeElement.innerText")
        assert page.locator("figure .detail").first.inner_text().startswith("pertemuan")


def test_filters_hide_what_they_should(browser, pages):
    with Opened(browser, pages["seeds"]) as o:
        page = o.page
        page.select_option('select[name="rule"]', "TL101")
        assert visible_codes(page) == ["TL101"]
        page.select_option('select[name="rule"]', index=0)
        page.select_option('select[name="outlet"]', "PRANALA.CO")
        assert visible_codes(page) == ["TL002"]
        dimmed = page.locator('section[data-official="basri-rase"] svg.axis .rl.dim').count()
        assert dimmed == 3  # of four sources, all but PRANALA.CO
        page.select_option('select[name="outlet"]', index=0)
        page.uncheck('input[name="severity"][value="error"]')
        assert visible_codes(page) == []
        assert page.locator('section[data-official="basri-rase"]').is_hidden()
        page.check('input[name="severity"][value="error"]')
        page.select_option('select[name="official"]', "najirah")
        assert page.locator('section[data-official="basri-rase"]').is_hidden()
        najirah = page.locator('details.lazy[data-official="najirah"]')
        najirah.locator("svg.axis").wait_for()
        assert najirah.locator("svg.axis .mark").count() == 2


def test_a_date_range_zooms_the_axis_and_leaves_out_what_is_outside(browser, pages):
    with Opened(browser, pages["seeds"]) as o:
        page = o.page
        page.fill('input[name="from"]', "2023-09-15")
        page.fill('input[name="to"]', "2023-09-25")
        svg = page.locator('section[data-official="basri-rase"] svg.axis')
        assert "zoomed" in svg.get_attribute("class")
        assert visible_codes(page) == ["TL101", "TL102"]  # TL002 quotes 2025 only; TL102 also quotes 19 Sep
        plot = page.evaluate("""() => { const s = document.querySelector('section[data-official="basri-rase"] svg.axis');
            const r = s.getBoundingClientRect(); const [a, b] = s.dataset.plot.split('/').map(Number);
            const k = r.width / s.viewBox.baseVal.width; return [r.left + a * k, r.left + b * k]; }""")
        departures = page.locator('section[data-official="basri-rase"] svg.axis .mark.conflict.point.planned')
        for i in range(departures.count()):
            box = departures.nth(i).bounding_box()
            assert plot[0] <= box["x"] and box["x"] + box["width"] <= plot[1]
        assert page.locator(".mark.conflict.sev-error:not(.planned)").bounding_box()["x"] > plot[1]
        page.click('button[type="reset"]')
        page.wait_for_function("!document.querySelector('svg.axis').classList.contains('zoomed')")


def test_a_quote_with_html_in_it_is_shown_as_text(browser, pages):
    with Opened(browser, pages["escape"]) as o:
        page = o.page
        assert page.evaluate("window.__pwned") is None
        assert "<script>window.__pwned = 1</script>" in finding(page, "TL002").locator("blockquote").inner_text()


def test_the_axis_is_reachable_and_usable_from_the_keyboard(browser, pages):
    with Opened(browser, pages["seeds"]) as o:
        page = o.page
        for _ in range(60):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.classList.contains('mark')"):
                break
        else:
            pytest.fail("no mark reached with Tab")
        first = page.evaluate("document.activeElement.querySelector('title').textContent")
        page.keyboard.press("ArrowRight")
        assert page.evaluate("document.activeElement.classList.contains('mark')")
        assert page.evaluate("document.activeElement.querySelector('title').textContent") != first
        page.keyboard.press("Enter")
        assert page.locator("figure .detail").first.inner_text() != ""


def test_marks_differ_by_shape_so_the_axis_reads_without_colour(browser, pages):
    with Opened(browser, pages["seeds"]) as o:
        page = o.page
        kinds = page.eval_on_selector_all(
            'section[data-official="basri-rase"] svg.axis .mark use', "els => els.map(e => e.getAttribute('href'))")
        assert {"#sym-departure", "#sym-meeting", "#sym-attend"} <= set(kinds)
        assert page.locator("svg.axis .mark.conflict .ring").count() == 4  # every quoted claim wears a ring
        page.emulate_media(color_scheme="light", forced_colors="active")
        assert page.locator("svg.axis .mark.conflict .ring").first.is_visible()


def test_it_prints_on_a4_without_cutting_the_axis(browser, pages, tmp_path):
    with Opened(browser, pages["seeds"]) as o:
        page = o.page
        page.emulate_media(media="print")
        page.set_viewport_size({"width": 703, "height": 1000})  # A4 less 12 mm margins, at 96 dpi
        width = page.evaluate("document.documentElement.clientWidth")
        box = page.locator("svg.axis").first.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5
        assert box["width"] > 0.9 * width
        assert page.locator(".filters").is_hidden()
        pdf = tmp_path / "seeds-report.pdf"
        page.pdf(path=str(pdf), format="A4")
        assert pdf.read_bytes().startswith(b"%PDF")


def test_packed_axes_are_drawn_when_scrolled_to_and_still_link(browser, pages):
    assert '<svg class="axis"' not in pages["packed"].read_text(encoding="utf-8")
    with Opened(browser, pages["packed"]) as o:
        page = o.page
        section = page.locator('section.official[data-official="basri-rase"]')
        section.scroll_into_view_if_needed()
        section.locator("svg.axis").wait_for()
        assert section.locator("svg.axis .mark").count() == 7
        finding(page, "TL101").locator("button.show").click()
        page.wait_for_function("document.querySelectorAll('svg.axis .mark.hl').length === 2")


def test_every_official_is_behind_a_toggle_and_drawn_when_opened(browser, pages):
    with Opened(browser, pages["seeds"]) as o:
        page = o.page
        assert page.locator("#others").is_hidden()
        page.click("button.toggle-all")
        assert page.locator("#others").is_visible()
        assert page.locator("details.lazy").count() == 5
        usman = page.locator('details.lazy[data-official="usman"]')
        assert usman.locator("svg.axis").count() == 0
        usman.locator("summary").click()
        usman.locator("svg.axis").wait_for()
        assert usman.locator("svg.axis .mark").count() == 1


def test_events_page_links_each_mark_to_its_claim(browser, pages, basri_dated_claims):
    with Opened(browser, pages["events"]) as o:
        page = o.page
        assert page.locator("svg.axis .mark").count() == basri_dated_claims
        assert page.locator("li.finding").count() == 0
        page.locator("svg.axis .mark.span").click()
        row = page.locator("details.claims tr.hl")
        assert row.count() == 1 and "18-22 Oktober nanti" in row.inner_text()


def test_info_findings_are_shown_when_opened_and_then_filtered(browser, pages):
    with Opened(browser, pages["undated"]) as o:
        page = o.page
        assert finding(page, "TL901").count() == 0
        page.locator("details.info-z summary").click()
        info = finding(page, "TL901")
        info.wait_for()
        quotes = info.locator("ol.quotes li.quote")
        assert quotes.count() == 2
        assert "kemarin" in quotes.nth(0).locator("mark").inner_text()
        assert "rapat.txt:5:1" in quotes.nth(1).inner_text()
        page.select_option('select[name="rule"]', "TL901")  # the filters see it once it is drawn
        assert visible_codes(page) == ["TL901"]
