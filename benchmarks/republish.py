"""Re-publish an archive of plain-text articles in the forms archives come in: saved web pages, a CSV
export of a CMS, a web archive (WARC), Markdown with front matter.

    python benchmarks/republish.py SOURCE_DIR OUT_DIR [--forms html,csv,warc,md]

Each .txt article under SOURCE_DIR (title line, body) is read with timeline's own reader for its title,
publication date and outlet, and written as:
- html: OUT_DIR/html/<same path>.html, a news portal page: menus, breadcrumbs, share buttons, the
  article (paragraphs wrapped over source lines, entities, "Baca Juga" links), tags, a comment section
  and a sidebar of other headlines ("Berita Terkini", "Terpopuler") carrying dates of their own;
- csv: OUT_DIR/csv/arsip-berita.csv with an Indonesian header (judul, tanggal, isi_berita, tautan,
  sumber, kategori), multi-line quoted bodies, dates in the forms newsrooms write them;
- warc: OUT_DIR/warc/arsip.warc.gz, the pages as wget would keep them (warcinfo, request/response pairs,
  plus an image, a redirect and a 404 that are not articles);
- md: OUT_DIR/md/<same path>.md with YAML front matter.
Output is byte-identical for the same input. `fixtures/archives/seeds-as-*` were made with it from
fixtures/seeds; benchmarks/archive.py uses it on generated archives.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import html
import io
import re
import sys
import textwrap
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

FORMS = ("html", "csv", "warc", "md")
MONTHS_SHORT = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember")
WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
WITA = timezone(timedelta(hours=8), "WITA")

# Page furniture: other headlines with dates of their own, and readers' comments. None of it is the
# article: a reader that lets any of it into the text would add claims dated on these days.
SIDEBAR = (
    ("Wali Kota Bontang Basri Rase Bertolak ke Korea Selatan, Rabu (20/9/2023)", "Rabu, 20 Sep 2023"),
    ("Bupati Kutai Kartanegara Edi Damansyah Resmikan Jembatan Tenggarong, Jumat (22/9/2023)", "Jumat, 22 Sep 2023"),
    ("Basri Rase Pulang dari Incheon pada 2 Oktober 2023, Rombongan Bawa Oleh-oleh Kerja Sama", "Senin, 2 Okt 2023"),
    ("Wali Kota Samarinda Andi Harun Tinjau Banjir Sempaja Senin (25/9/2023)", "Senin, 25 Sep 2023"),
    ("Gubernur Kaltim Lantik Pj Wali Kota di Lamin Etam, 27 September 2023", "Rabu, 27 Sep 2023"),
)
POPULAR = (
    "Basri Rase Hadiri Forum Ketahanan Bencana di Incheon 25 September 2023",
    "Jadwal Pelantikan Pejabat Pemkot Bontang Rabu (4/10/2023) Diundur",
    "Harga Cabai di Pasar Induk Bontang Naik Jelang Akhir Pekan",
)
COMMENTS = (
    ("warga_bontang", "Jumat, 15 Sep 2023 08:12", "Semoga lancar pak wali, berangkatnya Jumat (22/9/2023) kan?"),
    ("rina.k", "Sabtu, 16 Sep 2023 19:40", "Kapan pulangnya? Katanya Selasa (3/10/2023) sudah di Bontang lagi."),
)
MENU = ("Beranda", "Daerah", "Politik", "Ekonomi", "Hukum", "Olahraga", "Gaya Hidup", "Indeks Berita")


@dataclass
class Story:
    """One article as the CMS holds it."""

    path: Path  # relative to the source dir, .txt
    headline: str
    paragraphs: list[str]
    published: date | None
    outlet: str
    category: str

    @property
    def slug(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", self.headline.lower()).strip("-")[:70].strip("-")

    @property
    def domain(self) -> str:
        name = re.sub(r"[^a-z0-9.]+", "", self.outlet.lower())
        return name if "." in name else f"{name or 'kabarkaltim'}.example"

    @property
    def url(self) -> str:
        day = f"{self.published:%Y/%m/%d}/" if self.published else ""
        return f"https://{self.domain}/{self.category}/{day}{self.slug}"

    @property
    def time(self) -> datetime | None:
        if self.published is None:
            return None
        n = int(hashlib.sha256(str(self.path).encode()).hexdigest()[:6], 16)
        return datetime(self.published.year, self.published.month, self.published.day, 7 + n % 12, n % 60,
                        tzinfo=WITA)


def read_stories(source: Path) -> list[Story]:
    """The .txt articles under `source`, read with timeline's reader (title, date, outlet)."""
    from timeline.ingest import parse_article
    from timeline.ingest.boilerplate import clean_body

    stories = []
    for path in sorted(source.rglob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        (article,), _ = parse_article(path.name, path.read_bytes())
        lines = [line.strip() for line in raw.replace("\r\n", "\n").split("\n")]
        cleaned = [line.strip() for line in clean_body("\n".join(lines)).split("\n")]
        first = next(i for i, line in enumerate(lines) if line)
        headline, start = _headline(lines[first]), first
        if headline == lines[first]:
            start = first + 1  # the first line was the headline; otherwise it is the lede as well
        paragraphs = []
        for line, kept in zip(lines[start:], cleaned[start:]):
            if kept:
                paragraphs.append(line)
            elif line.lower().startswith("baca juga"):
                paragraphs.append(line)  # an in-article link, kept where it was
        category = "daerah" if "Bontang" in raw or "Kota" in raw else "berita"
        stories.append(Story(path.relative_to(source), headline, paragraphs, article.published,
                             article.outlet or "Kabar Kaltim", category))
    return stories


def _headline(first_line: str) -> str:
    """The first line when it is a headline; else a headline made of the lede's first words."""
    if len(first_line) <= 120 and not first_line.endswith("."):
        return first_line
    lede = re.sub(r"^[^-–]{0,40}[-–]\s*", "", first_line)  # past a dateline ("SuaraKaltim.id - ")
    words = re.split(r"\s+", lede.split(". ")[0])
    return " ".join(words[:10]).rstrip(",.")


# --------------------------------------------------------------------------------------------------
# Saved web pages
# --------------------------------------------------------------------------------------------------


def _byline(at: datetime | None) -> str:
    if at is None:
        return ""
    return f"{WEEKDAYS[at.weekday()]}, {at.day} {MONTHS_SHORT[at.month - 1]} {at.year} {at:%H:%M} WITA"


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(html.escape(text), width=100, initial_indent="", subsequent_indent=indent,
                         break_long_words=False, break_on_hyphens=False)


def page(story: Story, index: int) -> str:
    """A news portal page around the story."""
    e = html.escape
    at = story.time
    meta_time = f'\n<meta property="article:published_time" content="{at.isoformat()}">' if at else ""
    ld_date = f', "datePublished": "{at.isoformat()}"' if at else ""
    body = []
    for i, paragraph in enumerate(story.paragraphs):
        if paragraph.lower().startswith("baca juga"):
            link = paragraph.split(":", 1)[-1].strip()
            body.append(f'        <p class="baca-juga"><strong>Baca Juga:</strong> <a href="/berita/{i}">{e(link)}</a></p>')
            continue
        text = _wrap(paragraph, "          ")
        if i == 0 and " " in text:
            head, rest = text.split(" ", 1)
            text = f"<strong>{head}</strong> {rest}"
        body.append(f"        <p>{text}</p>")
    sidebar = "\n".join(
        f'      <li><a href="/terkini/{n}">{e(title)}</a> <span class="date">{e(when)}</span></li>'
        for n, (title, when) in enumerate(SIDEBAR[index % 2:] + SIDEBAR[: index % 2])
    )
    popular = "\n".join(f'      <li><a href="/populer/{n}">{e(title)}</a></li>' for n, title in enumerate(POPULAR))
    comments = "\n".join(
        f'    <div class="comment"><b class="author">{e(who)}</b> <span class="when">{e(when)}</span>\n'
        f"      <p>{e(text)}</p></div>"
        for who, when, text in COMMENTS
    )
    menu = "".join(f'<li><a href="/{m.lower().replace(" ", "-")}">{e(m)}</a></li>' for m in MENU)
    return f"""<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(story.headline)} - {e(story.outlet)}</title>
<link rel="canonical" href="{e(story.url)}">
<meta property="og:type" content="article">
<meta property="og:title" content="{e(story.headline)}">
<meta property="og:site_name" content="{e(story.outlet)}">
<meta property="og:url" content="{e(story.url)}">{meta_time}
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle", "headline": {_json(story.headline)}{ld_date}, "publisher": {{"@type": "Organization", "name": {_json(story.outlet)}}}}}</script>
<link rel="stylesheet" href="/assets/style.css">
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({{"kanal": "{story.category}"}});</script>
</head>
<body class="single-post">
<header class="site-header">
  <a class="logo" href="/">{e(story.outlet)}</a>
  <nav class="main-menu"><ul>{menu}</ul></nav>
  <div class="ticker"><span>Breaking News:</span> {e(SIDEBAR[0][0])}</div>
</header>
<div class="container">
  <main id="content">
    <nav class="breadcrumb"><a href="/">Home</a> &raquo; <a href="/{story.category}">{e(story.category.title())}</a></nav>
    <article class="post">
      <h1 class="entry-title">{e(story.headline)}</h1>
      <div class="entry-meta">Oleh <span class="author">Redaksi</span> &middot; <span class="posted-on">{e(_byline(at))}</span></div>
      <div class="share-buttons">Bagikan: <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">WhatsApp</a> <a href="#">Salin Tautan</a></div>
      <div class="entry-content">
{chr(10).join(body)}
      </div>
      <div class="tags">Tag: <a href="/tag/pemerintahan">Pemerintahan</a> <a href="/tag/{story.category}">{e(story.category)}</a></div>
    </article>
    <section class="comments" id="komentar">
    <h3>Komentar</h3>
{comments}
    <form class="comment-form"><textarea name="komentar">Tulis komentar...</textarea><button>Kirim</button></form>
    </section>
  </main>
  <aside class="sidebar">
    <h3 class="widget-title">Berita Terkini</h3>
    <ul class="terkini">
{sidebar}
    </ul>
    <h3 class="widget-title">Terpopuler</h3>
    <ol class="populer">
{popular}
    </ol>
  </aside>
</div>
<footer class="site-footer">
  <ul><li><a href="/redaksi">Redaksi</a></li><li><a href="/pedoman">Pedoman Media Siber</a></li><li><a href="/kontak">Kontak</a></li></ul>
  <p>&copy; {story.published.year if story.published else 2024} {e(story.outlet)}. Hak cipta dilindungi undang-undang.</p>
</footer>
</body>
</html>
"""


def _json(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)


# --------------------------------------------------------------------------------------------------
# CSV export, WARC, Markdown
# --------------------------------------------------------------------------------------------------


def _date_cell(story: Story, index: int) -> str:
    """The publication date as CMS exports write it, in a different form row by row."""
    at = story.time
    if at is None:
        return ""
    forms = (
        _byline(at),
        f"{at:%d/%m/%Y %H:%M}",
        at.isoformat(),
        f"{at.day} {MONTHS[at.month - 1]} {at.year}",
    )
    return forms[index % len(forms)]


def export_csv(stories: list[Story]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["no", "judul", "tanggal", "isi_berita", "tautan", "sumber", "kategori"])
    for i, story in enumerate(stories):
        body = "\n\n".join(story.paragraphs)
        writer.writerow([i + 1, story.headline, _date_cell(story, i), body, story.url, story.outlet, story.category])
    return out.getvalue().encode("utf-8")


def export_warc(stories: list[Story], pages: list[str]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)

    def headers(url: str, kind: str, when: datetime) -> dict[str, str]:
        return {"WARC-Record-ID": f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, kind + url)}>",
                "WARC-Date": when.strftime("%Y-%m-%dT%H:%M:%SZ")}

    first = min((s.published for s in stories if s.published), default=date(2024, 1, 1))
    start = datetime(first.year, first.month, first.day, 23, 0, tzinfo=timezone.utc)
    info = writer.create_warcinfo_record("arsip.warc.gz", {"software": "Wget/1.21.3 (linux-gnu)",
                                                           "format": "WARC File Format 1.0"})
    info.rec_headers.replace_header("WARC-Record-ID", headers("warcinfo", "info", start)["WARC-Record-ID"])
    info.rec_headers.replace_header("WARC-Date", headers("warcinfo", "info", start)["WARC-Date"])
    writer.write_record(info)
    extras = [
        (f"https://{stories[0].domain}/assets/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(range(64))),
        (f"https://{stories[0].domain}/indeks", "301 Moved Permanently", "text/html", b"<html><body>Moved</body></html>"),
        (f"https://{stories[0].domain}/hilang", "404 Not Found", "text/html; charset=utf-8",
         b"<html><body><h1>Halaman tidak ditemukan</h1></body></html>"),
    ]
    items = [(s.url, "200 OK", "text/html; charset=UTF-8", p.encode("utf-8"), s) for s, p in zip(stories, pages)]
    items[1:1] = [(u, st, ct, b, None) for u, st, ct, b in extras]
    when = start
    for url, status, kind, payload, story in items:
        # A daily crawl: each page is fetched the evening after it appeared (an undated page with the one
        # before it, as the archive is in publication order).
        if story is not None and story.published:
            when = datetime(story.published.year, story.published.month, story.published.day, 22, 30,
                            tzinfo=timezone.utc)
        request = f"GET /{url.split('/', 3)[-1]} HTTP/1.1\r\nHost: {url.split('/')[2]}\r\nUser-Agent: Wget/1.21.3\r\n\r\n"
        writer.write_record(writer.create_warc_record(
            url, "request", payload=io.BytesIO(request.encode()), warc_headers_dict=headers(url, "request", when)))
        http = StatusAndHeaders(status, [("Content-Type", kind), ("Content-Length", str(len(payload)))],
                                protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            url, "response", payload=io.BytesIO(payload), http_headers=http,
            warc_headers_dict=headers(url, "response", when)))
    return buffer.getvalue()


def markdown(story: Story) -> str:
    front = [f"title: {_json(story.headline)}"]
    if story.time:
        front.append(f"date: {story.time.isoformat()}")
    front += [f"url: {story.url}", f"outlet: {_json(story.outlet)}"]
    return "---\n" + "\n".join(front) + "\n---\n\n" + "\n\n".join(story.paragraphs) + "\n"


def republish(source: Path, out: Path, forms: tuple[str, ...] = FORMS) -> int:
    """Write the chosen forms of every article under `source` into `out`; the number of articles."""
    stories = read_stories(source)
    pages = [page(s, i) for i, s in enumerate(stories)]
    if "html" in forms:
        for story, text in zip(stories, pages):
            target = (out / "html" / story.path).with_suffix(".html")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    if "md" in forms:
        for story in stories:
            target = (out / "md" / story.path).with_suffix(".md")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(markdown(story), encoding="utf-8")
    if "csv" in forms:
        (out / "csv").mkdir(parents=True, exist_ok=True)
        (out / "csv" / "arsip-berita.csv").write_bytes(export_csv(stories))
    if "warc" in forms:
        (out / "warc").mkdir(parents=True, exist_ok=True)
        (out / "warc" / "arsip.warc.gz").write_bytes(export_warc(stories, pages))
    return len(stories)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="Directory of .txt articles.")
    parser.add_argument("out", type=Path, help="Directory to write the forms into (one folder per form).")
    parser.add_argument("--forms", default=",".join(FORMS), help="Comma-separated: html, csv, warc, md.")
    args = parser.parse_args(argv)
    forms = tuple(f.strip() for f in args.forms.split(",") if f.strip())
    unknown = set(forms) - set(FORMS)
    if unknown:
        parser.error(f"unknown forms: {', '.join(sorted(unknown))} (known: {', '.join(FORMS)})")
    count = republish(args.source, args.out, forms)
    print(f"{count} articles written as {', '.join(forms)} to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
