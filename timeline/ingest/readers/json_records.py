"""JSON (.json: one article, or a list of them) and JSON Lines (.jsonl: one article per line) with
title, text/content/body, date/published, url, outlet.

The text's source map follows the string literal character by character through its escapes, so a
finding in the third paragraph of the record on line 11 is on line 11, at the column where its first
character is written.
"""

from __future__ import annotations

import hashlib
import json
import re
from json.decoder import scanstring
from typing import Any, Sequence

from timeline.ingest.boilerplate import clean_body
from timeline.ingest.readers import TEXT_KEYS, decoded, make_article, problem, text_value
from timeline.ingest.sourcemap import Run, from_runs, line_only, line_starts, normalize_newlines, position
from timeline.lang import Text
from timeline.model import Article, InputProblem, SourceMap

_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")
_WHITESPACE = frozenset(" \t\n\r")
_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|.)", re.S)


def _text_field(record: dict[str, Any]) -> tuple[str, str] | None:
    for key in TEXT_KEYS:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return key, value
    return None


def _skip(src: str, pos: int) -> int:
    return _SPACE.match(src, pos).end() if src[pos : pos + 1] in _WHITESPACE else pos


def member_positions(src: str, start: int) -> dict[str, int]:
    """Where each member's value starts in the JSON object at `src[start]` ("{"), by lower-cased key
    (the last of duplicate keys, as json.loads keeps). The object is known to be valid JSON."""
    out: dict[str, int] = {}
    pos = _skip(src, start + 1)
    if src[pos] == "}":
        return out
    while True:
        key, pos = scanstring(src, pos + 1)
        pos = _skip(src, _skip(src, pos) + 1)  # past ":"
        out[key.lower()] = pos
        _, pos = _DECODER.raw_decode(src, pos)
        pos = _skip(src, pos)
        if src[pos] == "}":
            return out
        pos = _skip(src, pos + 1)  # past ","


def element_positions(src: str, start: int) -> list[int]:
    """Where each element starts in the JSON array at `src[start]` ("[")."""
    out: list[int] = []
    pos = _SPACE.match(src, start + 1).end()
    if src[pos] == "]":
        return out
    while True:
        out.append(pos)
        _, pos = _DECODER.raw_decode(src, pos)
        pos = _SPACE.match(src, pos).end()
        if src[pos] == "]":
            return out
        pos = _SPACE.match(src, pos + 1).end()


def string_runs(src: str, quote: int) -> tuple[list[Run], int]:
    """The runs of the JSON string literal opening at `src[quote]`: each decoded character's place in
    `src` (an escape is the place of its backslash), and the decoded length."""
    _, end = scanstring(src, quote + 1)
    stop = end - 1
    runs: list[Run] = []
    t, pos = 0, quote + 1
    high_at = -1  # where the last high-surrogate escape ended: a low one right after joins it
    for m in _ESCAPE.finditer(src, pos, stop):
        if m.start() > pos:
            runs.append((t, pos))
            t += m.start() - pos
        unit = m.group(1)
        code = int(unit, 16) if unit else 0
        if unit and 0xDC00 <= code <= 0xDFFF and high_at == m.start():
            pos = m.end()
            continue
        high_at = m.end() if unit and 0xD800 <= code <= 0xDBFF else -1
        runs.append((t, m.start()))
        t += 1
        pos = m.end()
    if pos < stop:
        runs.append((t, pos))
        t += stop - pos
    return runs, t


def text_source(src: str, quote: int | None, value: str, starts: Sequence[int], record_line: int) -> tuple[str, SourceMap]:
    """The article text of a JSON string value (line ends made LF) and its source map."""
    if quote is None or src[quote] != '"':
        return clean_body(value.replace("\r\n", "\n").replace("\r", "\n")), line_only(record_line)
    runs, length = string_runs(src, quote)
    if length != len(value):  # cannot happen for valid JSON; never trade a record for a column
        return clean_body(value.replace("\r\n", "\n").replace("\r", "\n")), line_only(position(starts, quote)[0])
    body, runs = normalize_newlines(value, runs)
    return clean_body(body), from_runs(runs, len(body), starts)


def _record(
    path: str, key: str, record: Any, src: str, start: int, starts: Sequence[int], digest: str, line: int | None
) -> tuple[list[Article], list[InputProblem]]:
    if not isinstance(record, dict):
        return [], [problem(path, "json_not_object", line=line)]
    record = {str(k).lower(): v for k, v in record.items()}
    found = _text_field(record)
    if found is None:
        return [], [problem(path, "json_no_text", line=line)]
    text_key, raw_body = found
    quote = member_positions(src, start).get(text_key)
    record_line = position(starts, start)[0]
    body, source = text_source(src, quote, raw_body, starts, record_line)
    title = text_value(record.get("title"))
    return make_article(path, key, title, body, record, source, digest, line)


def _parse_json(path: str, text: str, data: bytes) -> tuple[list[Article], list[InputProblem]]:
    digest = hashlib.sha256(data).hexdigest()
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        return [], [problem(path, "json_invalid", Text.of("input.json_at", detail=exc.msg, column=exc.colno), line=exc.lineno)]
    except RecursionError:
        return [], [problem(path, "json_invalid", Text.of("input.nested_too_deeply"), line=1)]
    starts = line_starts(text)
    first = _SPACE.match(text).end()
    if isinstance(value, list):
        articles: list[Article] = []
        problems: list[InputProblem] = []
        for i, (item, at) in enumerate(zip(value, element_positions(text, first)), 1):
            item_hash = hashlib.sha256(json.dumps(item, sort_keys=True).encode()).hexdigest()
            line = position(starts, at)[0]
            found, trouble = _record(path, f"{path}#{i}", item, text, at, starts, item_hash, line)
            articles.extend(found)
            problems.extend(trouble)
        return articles, problems
    return _record(path, path, value, text, first, starts, digest, None)


def _parse_jsonl(path: str, text: str, data: bytes) -> tuple[list[Article], list[InputProblem]]:
    articles: list[Article] = []
    problems: list[InputProblem] = []
    starts = line_starts(text)
    for lineno, line_start in enumerate(starts, 1):
        line_end = starts[lineno] - 1 if lineno < len(starts) else len(text)
        line = text[line_start:line_end]
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(problem(path, "json_invalid", Text.of("input.json_at", detail=exc.msg, column=exc.colno), line=lineno))
            continue
        except RecursionError:
            problems.append(problem(path, "json_invalid", Text.of("input.nested_too_deeply"), line=lineno))
            continue
        digest = hashlib.sha256(line.encode("utf-8")).hexdigest()
        start = _SPACE.match(text, line_start).end()
        found, trouble = _record(path, f"{path}#{lineno}", value, text, start, starts, digest, lineno)
        articles.extend(found)
        problems.extend(trouble)
    if not articles and not problems:
        problems.append(problem(path, "empty"))
    return articles, problems


read_json = decoded(_parse_json)
read_jsonl = decoded(_parse_jsonl)
