"""Saved web pages (.html, .htm): the article's main text, title, address, outlet and date, so that
menus, sidebars ("Berita Terkini", "Terpopuler", "Baca Juga"), comments and footers never become claims.

trafilatura extracts the main text (precision first: an index page yields no article rather than its
link lists); htmldate reads the date from the page's meta tags and JSON-LD only (never from the text of
sidebars or the address), its clock and zone from the same tag when it has them; the address is the canonical link or og:url,
the outlet og:site_name or the publisher. An earlier day in the address wins over the meta date (the day of
first publication; a later meta date is an update). A page dated by none of these is dated from its text
(the dateline), else from its address ("url"), else not at all, and `published_source` says which.
Both libraries are imported only when a page is read.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import re
from datetime import date
from typing import Any, Sequence

from timeline.ingest.boilerplate import clean_body
from timeline.ingest.htmlmap import text_source_map
from timeline.ingest.readers import DEFAULT_OPTIONS, ReadOptions, make_article, normalize_line_ends, problem, text_value
from timeline.model import Article, InputProblem

MIN_WORDS = 15  # fewer words than this besides the headline: the page holds no article
_MAX_DATE = "2100-12-31"  # a fixed bound, so a run never depends on today's date
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_WORD = re.compile(r"\w+")
_BROWSER_LABELS = {"utf-16": "utf-8", "utf-16-le": "utf-8", "utf-16-be": "utf-8", "latin-1": "cp1252",
                   "iso8859-1": "cp1252", "ascii": "cp1252"}
_SPACE = re.compile(r"\s+")
# Tags that carry the publication time with its clock (property, name or itemprop, lower case).
_TIME_TAGS = (
    "article:published_time", "og:article:published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "publish_date", "content_publisheddate", "dc.date.issued", "dcterms.created",
    "parsely-pub-date", "sailthru.date",
)


def decode_page(data: bytes) -> tuple[str, bool]:
    """The page's text (LF line ends): its BOM, else its declared charset, else UTF-8, else Windows-1252
    (True when that last guess was needed). Never raises."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return normalize_line_ends(data.decode(codec, errors="replace")), False
    declared = _CHARSET.search(data, 0, 4096)
    if declared is not None:
        try:
            name = codecs.lookup(declared.group(1).decode("ascii")).name
        except (LookupError, UnicodeDecodeError):
            name = None
        # as browsers do (WHATWG encoding): a page cannot declare UTF-16 in itself, and Latin-1/ASCII
        # labels mean Windows-1252
        name = _BROWSER_LABELS.get(name, name) if name else None
        if name and name != "utf-8":
            return normalize_line_ends(data.decode(name, errors="replace")), False
    try:
        return normalize_line_ends(data.decode("utf-8")), False
    except UnicodeDecodeError:
        return normalize_line_ends(data.decode("cp1252", errors="replace")), True


def read(path: str, data: bytes, options: ReadOptions = DEFAULT_OPTIONS) -> tuple[list[Article], list[InputProblem]]:
    if not data.strip():
        return [], [problem(path, "empty")]
    if b"\x00" in data and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return [], [problem(path, "binary")]
    source, guessed = decode_page(data)
    problems = [problem(path, "not_utf8", fatal=False)] if guessed else []
    found, more = page_articles(path, path, source, hashlib.sha256(data).hexdigest())
    return found, problems + more


def page_articles(
    path: str,
    key: str,
    source: str,
    digest: str,
    *,
    first_line: int = 1,
    record_line: int | None = None,
    url: str | None = None,
    late_dates: Sequence[tuple[date, str]] = (),
) -> tuple[list[Article], list[InputProblem]]:
    """The article of one page's HTML text (at `first_line` of its file): [] and one problem (on
    `record_line`) when the page holds no article. `url` is where the page was fetched from (a WARC's
    target), which names it before its canonical link; `late_dates` date it when nothing else does (a
    WARC's crawl date)."""
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    tree = load_html(source)
    if tree is None:
        return [], [_no_article(path, url, record_line)]
    meta = page_metadata(tree)
    meta["url"] = url or meta["url"]
    document = bare_extraction(
        tree, url=meta.get("url"), with_metadata=True, include_comments=False, favor_precision=True,
        deduplicate=False, date_extraction_params={"extensive_search": False, "original_date": True,
                                                   "max_date": _MAX_DATE},
    )
    lines = [_SPACE.sub(" ", line).strip() for line in (document.text if document else "").split("\n")]
    text = "\n".join(line for line in lines if line)
    title = text_value(document.title) if document else None
    body = clean_body(text)
    if _words_besides(body, title) < MIN_WORDS:
        return [], [_no_article(path, url, record_line)]
    meta["outlet"] = meta.get("outlet") or (text_value(document.sitename) if document else None)
    meta["author"] = text_value(document.author) if document else None
    dates = list(late_dates)
    address_date = _address_date(meta.get("url"))
    if address_date is not None:
        dates.insert(0, (address_date, "url"))
    source_map = text_source_map(source, text, first_line)  # the text as extracted: boilerplate is in the page too
    return make_article(path, key, title, body, meta, source_map, digest, record_line, dates)


def _no_article(path: str, url: str | None, line: int | None) -> InputProblem:
    if url:
        return problem(path, "html_no_article_at", url=url, line=line)
    return problem(path, "html_no_article", line=line)


def _words_besides(body: str, title: str | None) -> int:
    lines = body.split("\n")
    if title and lines and lines[0].strip() == title.strip():
        lines = lines[1:]
    return len(_WORD.findall(" ".join(lines)))


def page_metadata(tree: Any) -> dict[str, Any]:
    """Address, outlet and publication date from the page's markup (None where it has none)."""
    from htmldate import find_date

    def first(xpath: str) -> str | None:
        for value in tree.xpath(xpath):
            if text_value(value):
                return value.strip()
        return None

    meta: dict[str, Any] = {
        "url": first('//link[@rel="canonical"]/@href') or first('//meta[@property="og:url"]/@content'),
        "outlet": first('//meta[@property="og:site_name"]/@content') or _publisher(tree),
    }
    day = find_date(_markup_only(tree), extensive_search=False, original_date=True, max_date=_MAX_DATE)
    if day:
        meta["date"] = _with_clock(tree, date.fromisoformat(day))
    return meta


def _markup_only(tree: Any) -> Any:
    """A page of only the tree's meta tags and JSON-LD: what htmldate may date it from. The rest (the
    address, time elements, the text of sidebars) could date it after another article."""
    from copy import deepcopy

    from lxml.html import Element

    page = Element("html")
    head = Element("head")
    for element in tree.xpath('//meta | //script[@type="application/ld+json"]'):
        copy = deepcopy(element)
        copy.tail = None
        head.append(copy)
    page.append(head)
    page.append(Element("body"))
    return page


def _with_clock(tree: Any, day: date) -> Any:
    """The publication time of `day` from the page's time tags when one has a clock on that day."""
    from timeline.ingest.metadata import parse_metadata_datetime

    for value in _time_values(tree):
        found = parse_metadata_datetime(value)
        if found is not None and found.day == day and found.at is not None:
            return found.at
    return day


def _time_values(tree: Any) -> list[str]:
    values: list[str] = []
    for element in tree.xpath("//meta[@content]"):
        name = (element.get("property") or element.get("name") or element.get("itemprop") or "").lower()
        if name in _TIME_TAGS:
            values.append(element.get("content"))
    for record in _json_ld(tree):
        published = record.get("datePublished")
        if isinstance(published, str):
            values.append(published)
    return values


def _json_ld(tree: Any) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            value = json.loads(script)
        except (ValueError, RecursionError):
            continue
        stack = [value]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                records.append(item)
                stack.extend(v for k, v in item.items() if k == "@graph")
    return records


def _publisher(tree: Any) -> str | None:
    for record in _json_ld(tree):
        publisher = record.get("publisher")
        if isinstance(publisher, dict) and text_value(publisher.get("name")):
            return publisher["name"].strip()
    return None


def _address_date(url: str | None) -> date | None:
    """The date written in a page's address (/2023/09/14/...), if any."""
    if not url:
        return None
    from htmldate import find_date

    found = find_date("<html><body></body></html>", url=url, extensive_search=False, max_date=_MAX_DATE)
    return date.fromisoformat(found) if found else None
