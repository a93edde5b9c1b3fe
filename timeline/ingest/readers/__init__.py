"""Readers: one per file format, each turning a file's bytes into Articles with a source map.

A reader is a function `read(path, data) -> (articles, problems)` registered here by extension; a new
format is one new module and one line in READERS. The shared steps (decoding, metadata, the article
record with its publication date and outlet) live here so every reader builds articles the same way.
"""

from __future__ import annotations

import posixpath
import re
from datetime import date
from typing import Any, Callable

from timeline.lang import Text
from timeline.model import Article, InputProblem

Reader = Callable[[str, bytes], "tuple[list[Article], list[InputProblem]]"]
TEXT_KEYS = ("text", "content", "body")
DATE_KEYS = ("date", "published")
_NONEMPTY_LINE = re.compile(r"[^\n]*\S[^\n]*")


def problem(path: str, code: str, detail: object = "", line: int | None = None, fatal: bool = True) -> InputProblem:
    """One input problem: the file (and line), and the message `input.<code>` with its detail."""
    return InputProblem(path=path, text=Text.of(f"input.{code}", detail=detail), line=line, fatal=fatal)


def _readers() -> dict[str, Reader]:
    from timeline.ingest.readers import json_records, markdown, plain

    return {
        ".txt": plain.read,
        ".md": markdown.read,
        ".markdown": markdown.read,
        ".json": json_records.read_json,
        ".jsonl": json_records.read_jsonl,
    }


READERS: dict[str, Reader] = {}


def reader_for(path: str) -> Reader | None:
    """The reader of a file by its extension (case-insensitive); None for a file that is not an article."""
    if not READERS:
        READERS.update(_readers())
    return READERS.get(posixpath.splitext(path)[1].lower())


def decoded(parse: Callable[[str, str, bytes], "tuple[list[Article], list[InputProblem]]"]) -> Reader:
    """A reader of text formats: decode the bytes (UTF-8, else cp1252 with a warning), then `parse`;
    the decoding problems come first in the result."""

    def read(path: str, data: bytes) -> tuple[list[Article], list[InputProblem]]:
        text, problems = decode(path, data)
        if text is None:
            return [], problems
        found, more = parse(path, text, data)
        return found, problems + more

    return read


def parse_article(path: str, data: bytes) -> tuple[list[Article], list[InputProblem]]:
    """Articles from one file's bytes; `path` names it in records and problems, its extension picks the
    reader (plain text for an unknown one)."""
    from timeline.ingest.readers import plain

    return (reader_for(path) or plain.read)(path, data)


def decode(path: str, data: bytes) -> tuple[str | None, list[InputProblem]]:
    if not data.strip(b" \t\r\n\xef\xbb\xbf"):
        return None, [problem(path, "empty")]
    if b"\x00" in data:
        return None, [problem(path, "binary")]
    try:
        text = data.decode("utf-8-sig")
        problems: list[InputProblem] = []
    except UnicodeDecodeError as exc:
        text = data.decode("cp1252", errors="replace")
        line = data.count(b"\n", 0, exc.start) + 1
        problems = [problem(path, "not_utf8", line=line, fatal=False)]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, problems


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
    meta: dict[str, Any],
    first_line: int,
    first_column: int,
    json_text: bool,
    digest: str,
    problem_line: int | None = None,
) -> tuple[list[Article], list[InputProblem]]:
    from timeline.ingest.published import (
        dateline_outlet, parse_metadata_clock, parse_metadata_date, publication_date, url_host,
    )

    problems: list[InputProblem] = []
    published: date | None = None
    clock = None
    source: str | None = None
    raw_date = next((meta[k] for k in DATE_KEYS if meta.get(k) not in (None, "")), None)
    if raw_date is not None:
        published = parse_metadata_date(raw_date)
        if published is None:
            problems.append(
                problem(path, "metadata_date", str(raw_date), line=problem_line, fatal=False)
            )
        else:
            source = "metadata"
            clock = parse_metadata_clock(raw_date)
    marks = None
    if published is None:
        from timeline.temporal.recognize import recognize

        marks = recognize(body)  # read once: the publication date and, later, every expression come from it
        published, source = publication_date(body, title, marks)
    url = text_value(meta.get("url"))
    outlet = text_value(meta.get("outlet")) or dateline_outlet(body) or url_host(url)
    article = Article(
        path=path,
        key=key,
        title=title,
        text=body,
        published=published,
        published_source=source,
        url=url,
        outlet=outlet,
        author=text_value(meta.get("author")),
        first_line=first_line,
        first_column=first_column,
        json_text=json_text,
        content_hash=digest,
        time_marks=marks,
        published_clock=clock,
    )
    return [article], problems
