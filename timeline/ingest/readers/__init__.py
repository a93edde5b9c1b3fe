"""Readers: one per file format, each turning a file's bytes into Articles with a source map.

A reader is a function `read(path, data, options) -> (articles, problems)` named in READERS by
extension; a new format is one new module and one line in READERS (modules are imported when a file of
theirs is first read, so `timeline --help` and a warm hook never load an HTML parser). The shared steps
(decoding, metadata, the article record with its publication date and outlet) live here so every
reader builds articles the same way.
"""

from __future__ import annotations

import importlib
import reprlib
import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Mapping, Sequence

from timeline import limits
from timeline.lang import Text
from timeline.model import Article, InputProblem, SourceMap

TEXT_KEYS = ("text", "content", "body")
DATE_KEYS = ("date", "published")
FIELDS = ("title", "text", "date", "url", "outlet", "author")  # what a record may name (`--columns`)
_NONEMPTY_LINE = re.compile(r"[^\n]*\S[^\n]*")
_LINE_END = re.compile(rb"\r\n?|\n")


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How to read files beyond what their format says: `columns` maps an article field (FIELDS) to
    the name of the CSV/TSV column that holds it (`--columns text=isi,date=waktu`)."""

    columns: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, columns: Mapping[str, str] | None = None) -> "ReadOptions":
        return cls(tuple(sorted((columns or {}).items())))


DEFAULT_OPTIONS = ReadOptions()
Reader = Callable[[str, bytes, ReadOptions], "tuple[list[Article], list[InputProblem]]"]

# extension (lower case) -> "module:function" in this package
READERS: dict[str, str] = {
    ".txt": "plain:read",
    ".md": "markdown:read",
    ".markdown": "markdown:read",
    ".json": "json_records:read_json",
    ".jsonl": "json_records:read_jsonl",
    ".csv": "tables:read_csv",
    ".tsv": "tables:read_tsv",
    ".html": "web:read",
    ".htm": "web:read",
    ".warc": "warc:read",
    ".warc.gz": "warc:read",
}
_LOADED: dict[str, Reader] = {}
_LONGEST_FIRST = sorted(READERS, key=len, reverse=True)


def problem(path: str, code: str, detail: object = "", line: int | None = None, fatal: bool = True,
            **fields: Any) -> InputProblem:
    """One input problem: the file (and line), and the message `input.<code>` with its detail."""
    return InputProblem(path=path, text=Text.of(f"input.{code}", detail=detail, **fields), line=line, fatal=fatal)


def extension_of(path: str) -> str | None:
    """The registered extension a file name ends with (the longest: ".warc.gz" before ".gz"), or None."""
    name = path.lower()
    for ext in _LONGEST_FIRST:
        if name.endswith(ext):
            return ext
    return None


def reader_for(path: str) -> Reader | None:
    """The reader of a file by its extension (case-insensitive); None for a file that is not an article."""
    ext = extension_of(path)
    if ext is None:
        return None
    target = READERS[ext]
    found = _LOADED.get(target)
    if found is None:
        module, function = target.split(":")
        found = _LOADED[target] = getattr(importlib.import_module(f"{__name__}.{module}"), function)
    return found


def parse_article(path: str, data: bytes, options: ReadOptions = DEFAULT_OPTIONS) -> tuple[list[Article], list[InputProblem]]:
    """Articles from one file's bytes; `path` names it in records and problems, its extension picks the
    reader (plain text for an unknown one)."""
    reader = reader_for(path) or reader_for(".txt")
    return reader(path, data, options)


def decoded(parse: Callable[[str, str, bytes], "tuple[list[Article], list[InputProblem]]"],
            one_article: bool = False) -> Reader:
    """A reader of text formats: decode the bytes (UTF-8, else cp1252 with a warning), then `parse`;
    the decoding problems come first in the result. A format that holds `one_article` refuses a file
    past the article length limit before any work on it."""

    def read(path: str, data: bytes, options: ReadOptions = DEFAULT_OPTIONS) -> tuple[list[Article], list[InputProblem]]:
        if one_article and len(data) > 4 * limits.MAX_ARTICLE_CHARS:  # even in UTF-32 it cannot fit
            return [], [problem(path, "article_too_long", f"{limits.MAX_ARTICLE_CHARS:,}")]
        text, problems = decode(path, data)
        if text is None:
            return [], problems
        if one_article and len(text) > limits.MAX_ARTICLE_CHARS:
            return [], [*problems, problem(path, "article_too_long", f"{limits.MAX_ARTICLE_CHARS:,}")]
        found, more = parse(path, text, data)
        return found, problems + more

    return read


def decode(path: str, data: bytes) -> tuple[str | None, list[InputProblem]]:
    """The text of a file, its line ends made LF (CR LF and CR count as one line end, nothing else
    does), or the problem that stops it being text. Never raises: bytes that are not UTF-8 are read as
    Windows-1252 with a warning naming the first bad line."""
    if not data.strip(b" \t\r\n\xef\xbb\xbf"):
        return None, [problem(path, "empty")]
    if b"\x00" in data:
        return None, [problem(path, "binary")]
    text, line = decode_bytes(data)
    problems = [] if line is None else [problem(path, "not_utf8", line=line, fatal=False)]
    return text, problems


def decode_bytes(data: bytes, fallback: str = "cp1252") -> tuple[str, int | None]:
    """UTF-8 (a BOM dropped), else `fallback` with undecodable bytes replaced; with LF line ends.
    The line of the first byte that is not UTF-8 comes back when the fallback was used."""
    try:
        text, line = data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        text = data.decode(fallback, errors="replace")
        line = len(_LINE_END.findall(data, 0, exc.start)) + 1
    return normalize_line_ends(text), line


def normalize_line_ends(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def first_line(text: str) -> str | None:
    m = _NONEMPTY_LINE.search(text)
    return m.group().strip() if m else None


def text_value(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def make_article(
    path: str,
    key: str,
    title: str | None,
    body: str,
    meta: Mapping[str, Any],
    source: SourceMap,
    digest: str,
    problem_line: int | None = None,
    late_dates: Sequence[tuple[date, str]] = (),
) -> tuple[list[Article], list[InputProblem]]:
    """The article of one record: its publication date from the metadata, else from the text, else
    from `late_dates` ((date, provenance) such as the page's address); its outlet from the metadata,
    the dateline or the address. The text's time expressions are recognized here, once: the
    publication date and, later, every expression come from that one pass."""
    from timeline.ingest.metadata import parse_metadata_datetime
    from timeline.ingest.published import dateline_outlet, publication_date, url_date, url_host
    from timeline.temporal.recognize import recognize

    if len(body) > limits.MAX_ARTICLE_CHARS:
        return [], [problem(key, "article_too_long", f"{limits.MAX_ARTICLE_CHARS:,}", line=problem_line)]
    problems: list[InputProblem] = []
    published: date | None = None
    published_at = None
    source_name: str | None = None
    raw_date = next((meta[k] for k in DATE_KEYS if meta.get(k) not in (None, "")), None)
    if raw_date is not None:
        found = parse_metadata_datetime(raw_date)
        if found is None:
            shown = reprlib.repr(raw_date) if not isinstance(raw_date, str) else reprlib.repr(raw_date)[1:-1]
            problems.append(problem(path, "metadata_date", shown, line=problem_line, fatal=False))
        else:
            published, published_at, source_name = found.day, found.at, "metadata"
    url = text_value(meta.get("url"))
    url_day = url_date(url)
    if url_day is not None and published is not None and url_day < published:
        # the address keeps the first day; a later metadata date is a crawl or an update
        published, published_at, source_name = url_day, None, "url"
    marks = None
    if published is None:
        marks = recognize(body)  # read once: the publication date and, later, every expression come from it
        published, source_name = publication_date(body, title, marks)
    if published is None and late_dates:
        published, source_name = late_dates[0]
    if published is None and url_day is not None:
        published, source_name = url_day, "url"
    outlet = text_value(meta.get("outlet")) or dateline_outlet(body) or url_host(url)
    article = Article(
        path=path,
        key=key,
        title=title,
        text=body,
        published=published,
        published_source=source_name,
        url=url,
        outlet=outlet,
        author=text_value(meta.get("author")),
        source=source,
        content_hash=digest,
        published_at=published_at,
        time_marks=marks,
    )
    return [article], problems
