"""CSV and TSV exports (.csv, .tsv): one article per row, columns found by their header.

Header names are data (`lang/id/columns.toml`: judul/title, isi/isi_berita/content, tanggal/date,
tautan/url, sumber/outlet ...), compared case-insensitively; `--columns text=isi,date=waktu` names any
other. Quoted fields may span lines; each character of the text keeps its physical line and column.
The encoding is UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252, and reading never
raises on bytes.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Mapping, Sequence

from timeline.ingest.boilerplate import clean_body
from timeline.ingest.readers import (
    DEFAULT_OPTIONS,
    FIELDS,
    ReadOptions,
    decode_bytes,
    make_article,
    normalize_line_ends,
    problem,
    text_value,
)
from timeline.ingest.sourcemap import Run, from_runs, line_starts, position
from timeline.lang import table
from timeline.model import Article, InputProblem

_DELIMITERS = (",", ";", "\t", "|")
_NAME_SEPARATORS = re.compile(r"[\s\-]+")


@dataclass(frozen=True, slots=True)
class Field:
    value: str
    runs: tuple[Run, ...]  # where the value's characters are in the file (see timeline.ingest.sourcemap)


@dataclass(frozen=True, slots=True)
class Record:
    start: int  # file offset where the record starts
    end: int
    fields: tuple[Field, ...]


class MissingColumn(Exception):
    """`--columns` names a column the header does not have."""

    def __init__(self, field: str, name: str) -> None:
        super().__init__(field, name)
        self.field = field
        self.name = name


class UnclosedQuote(Exception):
    """A quoted field that runs to the end of the file: where it opened."""

    def __init__(self, offset: int) -> None:
        super().__init__(offset)
        self.offset = offset


def column_names() -> dict[str, list[str]]:
    """The header names of each article field, in order of preference (`lang/id/columns.toml`)."""
    return table("id", "columns")


def header_key(name: str) -> str:
    """A header name as compared: lower case, BOM and outer space dropped, spaces and hyphens as "_"."""
    return _NAME_SEPARATORS.sub("_", name.replace("\ufeff", "").strip().lower())


@lru_cache(maxsize=1)
def _known() -> dict[str, tuple[str, ...]]:
    return {f: tuple(header_key(n) for n in names) for f, names in column_names().items()}


def decode_table(data: bytes) -> tuple[str | None, int | None, str | None]:
    """(text with LF line ends, line of the first non-UTF-8 byte when read as Windows-1252, problem code)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return normalize_line_ends(data.decode("utf-16", errors="replace")), None, None
    if not data.strip(b" \t\r\n\xef\xbb\xbf"):
        return None, None, "empty"
    if b"\x00" in data:
        return None, None, "binary"
    text, bad_line = decode_bytes(data)
    return text, bad_line, None


def guess_delimiter(text: str) -> str:
    """The delimiter of a CSV file: the one of , ; TAB | that splits its first line most (comma on a tie);
    Indonesian spreadsheet exports often use ";"."""
    end = text.find("\n")
    header = re.sub(r'"[^"]*"', "", text[: end if end >= 0 else len(text)])
    counts = {d: header.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


@lru_cache(maxsize=8)
def _field_pattern(delimiter: str) -> re.Pattern[str]:
    d = re.escape(delimiter)
    return re.compile(rf'"(?P<quoted>[^"]*(?:""[^"]*)*)"(?P<tail>[^{d}\n]*)|(?P<plain>[^{d}\n]*)')


def records(text: str, delimiter: str) -> Iterator[Record]:
    """The records of a CSV text (RFC 4180: quoted fields may hold delimiters, "" and line ends).
    Raises UnclosedQuote for a quoted field that never closes, after yielding the records before it."""
    pattern = _field_pattern(delimiter)
    pos, n = 0, len(text)
    while pos < n:
        start = pos
        fields: list[Field] = []
        while True:
            m = pattern.match(text, pos)
            if m.group("quoted") is not None:
                fields.append(_quoted(m))
            else:
                if text.startswith('"', pos):
                    raise UnclosedQuote(pos)
                fields.append(Field(m.group("plain"), ((0, pos),)))
            pos = m.end()
            if pos < n and text[pos] == delimiter:
                pos += 1
                continue
            break
        end = pos
        pos += 1  # past the line end
        yield Record(start, end, tuple(fields))


def _quoted(m: re.Match[str]) -> Field:
    """A quoted field's value ("" is one quote; text after the closing quote is kept, as csv does)."""
    raw, base = m.group("quoted"), m.start("quoted")
    runs: list[Run] = []
    parts: list[str] = []
    t, i = 0, 0
    while True:
        j = raw.find('""', i)
        piece = raw[i:] if j < 0 else raw[i : j + 1]
        if piece:
            runs.append((t, base + i))
            parts.append(piece)
            t += len(piece)
        if j < 0:
            break
        i = j + 2
    tail = m.group("tail")
    if tail:
        runs.append((t, m.start("tail")))
        parts.append(tail)
    return Field("".join(parts), tuple(runs))


def choose_columns(header: Sequence[str], columns: Mapping[str, str]) -> dict[str, int]:
    """Which column holds each article field: the ones named in `columns` (MissingColumn when the
    header lacks one), else the first known name present in the header."""
    keys = [header_key(h) for h in header]
    chosen: dict[str, int] = {}
    for field in FIELDS:
        if field in columns:
            wanted = header_key(columns[field])
            if wanted not in keys:
                raise MissingColumn(field, columns[field])
            chosen[field] = keys.index(wanted)
            continue
        for name in _known().get(field, ()):
            if name in keys:
                chosen[field] = keys.index(name)
                break
    return chosen


def _read(path: str, data: bytes, options: ReadOptions, delimiter: str | None) -> tuple[list[Article], list[InputProblem]]:
    text, bad_line, trouble = decode_table(data)
    if text is None:
        return [], [problem(path, trouble or "empty")]
    problems: list[InputProblem] = []
    if bad_line is not None:
        problems.append(problem(path, "not_utf8", line=bad_line, fatal=False))
    starts = line_starts(text)
    rows = records(text, delimiter or guess_delimiter(text))
    try:
        header = next(rows)
    except StopIteration:  # decoded to nothing (a byte-order mark alone)
        return [], problems + [problem(path, "empty")]
    except UnclosedQuote as exc:
        return [], problems + [problem(path, "csv_unclosed_quote", line=position(starts, exc.offset)[0])]
    names = [f.value.strip() for f in header.fields]
    shown = ", ".join(n for n in names if n) or "-"
    try:
        chosen = choose_columns(names, dict(options.columns))
    except MissingColumn as exc:
        return [], problems + [problem(path, "csv_column_missing", field=exc.field, name=exc.name, columns=shown)]
    if "text" not in chosen:
        return [], problems + [problem(path, "csv_no_text", columns=shown)]
    articles: list[Article] = []
    try:
        for record in rows:
            found, more = _article(path, text, starts, record, chosen)
            articles.extend(found)
            problems.extend(more)
    except UnclosedQuote as exc:
        problems.append(problem(path, "csv_unclosed_quote", line=position(starts, exc.offset)[0]))
    if not articles and not any(p.fatal for p in problems):
        problems.append(problem(path, "csv_no_rows"))
    return articles, problems


def _article(path: str, text: str, starts: Sequence[int], record: Record,
             chosen: Mapping[str, int]) -> tuple[list[Article], list[InputProblem]]:
    fields = record.fields
    if all(not f.value.strip() for f in fields):
        return [], []
    line = position(starts, record.start)[0]

    def value(name: str) -> str | None:
        i = chosen.get(name)
        return fields[i].value if i is not None and i < len(fields) else None

    body_field = fields[chosen["text"]] if chosen["text"] < len(fields) else None
    if body_field is None or not body_field.value.strip():
        return [], [problem(path, "csv_row_no_text", line=line)]
    body = clean_body(body_field.value)
    if not body.strip():
        return [], [problem(path, "empty", line=line)]
    meta = {name: value(name) for name in ("date", "url", "outlet", "author")}
    digest = hashlib.sha256(text[record.start : record.end].encode("utf-8")).hexdigest()
    source = from_runs(body_field.runs, len(body), starts)
    return make_article(path, f"{path}#{line}", text_value(value("title")), body, meta, source, digest, line)


def read_csv(path: str, data: bytes, options: ReadOptions = DEFAULT_OPTIONS) -> tuple[list[Article], list[InputProblem]]:
    return _read(path, data, options, None)


def read_tsv(path: str, data: bytes, options: ReadOptions = DEFAULT_OPTIONS) -> tuple[list[Article], list[InputProblem]]:
    return _read(path, data, options, "\t")
