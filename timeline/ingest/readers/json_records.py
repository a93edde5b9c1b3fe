"""JSON (.json: one article, or a list of them) and JSON Lines (.jsonl: one article per line) with
title, text/content/body, date/published, url, outlet."""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from timeline.ingest.boilerplate import clean_body
from timeline.ingest.readers import TEXT_KEYS, decoded, make_article, problem, text_value
from timeline.lang import Text
from timeline.model import Article, InputProblem


def _text_field(record: dict[str, Any]) -> tuple[str, str] | None:
    for key in TEXT_KEYS:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return key, value
    return None


def _value_position(source: str, key: str, base: int = 0) -> tuple[int, int]:
    """The line (1-based, from `base`) and column where the string value of `key` starts in raw JSON."""
    m = re.search(rf'"{re.escape(key)}"\s*:\s*"', source)
    if m is None:
        return base + 1, 1
    line_start = source.rfind("\n", 0, m.end()) + 1
    return base + source.count("\n", 0, m.end()) + 1, m.end() - line_start + 1


def _record(
    path: str, key: str, record: Any, source: str, line_base: int, digest: str, line: int | None
) -> tuple[list[Article], list[InputProblem]]:
    if not isinstance(record, dict):
        return [], [problem(path, "json_not_object", line=line)]
    record = {str(k).lower(): v for k, v in record.items()}
    found = _text_field(record)
    if found is None:
        return [], [problem(path, "json_no_text", line=line)]
    text_key, raw_body = found
    body = clean_body(raw_body.replace("\r\n", "\n").replace("\r", "\n"))
    first_line, first_column = _value_position(source, text_key, line_base)
    title = text_value(record.get("title"))
    return make_article(path, key, title, body, record, first_line, first_column, True, digest, line)


def _parse_json(path: str, text: str, data: bytes) -> tuple[list[Article], list[InputProblem]]:
    digest = hashlib.sha256(data).hexdigest()
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        return [], [problem(path, "json_invalid", Text.of("input.json_at", detail=exc.msg, column=exc.colno), line=exc.lineno)]
    except RecursionError:
        return [], [problem(path, "json_invalid", Text.of("input.nested_too_deeply"), line=1)]
    if isinstance(value, list):
        articles: list[Article] = []
        problems: list[InputProblem] = []
        for i, item in enumerate(value, 1):
            item_hash = hashlib.sha256(json.dumps(item, sort_keys=True).encode()).hexdigest()
            found, trouble = _record(path, f"{path}#{i}", item, "", 0, item_hash, None)
            articles.extend(found)
            problems.extend(trouble)
        return articles, problems
    return _record(path, path, value, text, 0, digest, None)


def _parse_jsonl(path: str, text: str, data: bytes) -> tuple[list[Article], list[InputProblem]]:
    articles: list[Article] = []
    problems: list[InputProblem] = []
    for lineno, line in enumerate(text.split("\n"), 1):
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
        found, trouble = _record(path, f"{path}#{lineno}", value, line, lineno - 1, digest, lineno)
        articles.extend(found)
        problems.extend(trouble)
    if not articles and not problems:
        problems.append(problem(path, "empty"))
    return articles, problems


read_json = decoded(_parse_json)
read_jsonl = decoded(_parse_jsonl)
