"""Markdown (.md, .markdown) with optional YAML front matter: title, date/published, url, outlet, author."""

from __future__ import annotations

import hashlib
import re
from typing import Any

from timeline import limits
from timeline.ingest.boilerplate import clean_body
from timeline.ingest.readers import decoded, first_line, make_article, problem, text_value
from timeline.ingest.sourcemap import line_starts, verbatim
from timeline.model import Article, InputProblem

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FRONT_MATTER_DATE = re.compile(r"^(?:date|published)[ \t]*:", re.M | re.I)


class _TooManyAliases(Exception):
    pass


def _load_yaml(text: str) -> Any:
    """Front matter as YAML (safe types only), refusing a document that reuses anchors past the limit:
    a "billion laughs" document is a few lines that expand exponentially once anything walks it."""
    import yaml
    from frontmatter.default_handlers import YAMLHandler

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    aliases = sum(isinstance(event, yaml.AliasEvent) for event in yaml.parse(text, Loader=loader))
    if aliases > limits.MAX_YAML_ALIASES:
        raise _TooManyAliases()
    return YAMLHandler().load(text)


def _parse(path: str, text: str, data: bytes) -> tuple[list[Article], list[InputProblem]]:
    digest = hashlib.sha256(data).hexdigest()
    meta: dict[str, Any] = {}
    body_start = 0
    date_line = None
    body = text
    if text.startswith("---") and text[3:].split("\n", 1)[0].strip() == "":
        m = _FRONT_MATTER.match(text)
        if m is None:
            return [], [problem(path, "front_matter_unclosed", line=1)]
        import yaml

        if m.end() > limits.MAX_FRONT_MATTER_CHARS:
            return [], [problem(path, "front_matter_too_large", f"{limits.MAX_FRONT_MATTER_CHARS:,}", line=1)]
        try:
            loaded = _load_yaml(m.group(1) or "")
        except _TooManyAliases:
            return [], [problem(path, "front_matter_aliases", limits.MAX_YAML_ALIASES, line=1)]
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 2 if mark is not None else 1
            detail = getattr(exc, "problem", None) or type(exc).__name__
            return [], [problem(path, "front_matter_invalid", detail, line=line)]
        except (ValueError, TypeError, RecursionError) as exc:  # e.g. "date: 2023-13-45" fails in the loader
            return [], [problem(path, "front_matter_invalid", str(exc) or type(exc).__name__, line=2)]
        if loaded is None:
            loaded = {}
        if not isinstance(loaded, dict):
            return [], [problem(path, "front_matter_not_mapping", line=2)]
        meta = {str(k).lower(): v for k, v in loaded.items()}
        body_start = m.end()
        body = text[body_start:]
        date_key = _FRONT_MATTER_DATE.search(text, 0, m.end())
        date_line = text.count("\n", 0, date_key.start()) + 1 if date_key else None
    body = clean_body(body)
    if not body.strip():
        return [], [problem(path, "empty")]
    title = text_value(meta.get("title")) or (first_line(body) or "").lstrip("#").strip() or None
    source = verbatim(len(body), body_start, line_starts(text))
    return make_article(path, path, title, body, meta, source, digest, date_line)


read = decoded(_parse)
