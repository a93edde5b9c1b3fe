"""Plain text (.txt): the first non-empty line is the title, the rest the body."""

from __future__ import annotations

import hashlib

from timeline.ingest.boilerplate import clean_body
from timeline.ingest.readers import decoded, first_line, make_article, problem
from timeline.ingest.sourcemap import line_starts, verbatim
from timeline.model import Article, InputProblem


def _parse(path: str, text: str, data: bytes) -> tuple[list[Article], list[InputProblem]]:
    body = clean_body(text)
    if not body.strip():
        return [], [problem(path, "empty")]
    digest = hashlib.sha256(data).hexdigest()
    source = verbatim(len(body), 0, line_starts(text))
    return make_article(path, path, first_line(body), body, {}, source, digest)


read = decoded(_parse)
