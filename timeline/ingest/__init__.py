"""Files -> Articles: discover an archive's files, read each with the reader for its format, blank the
boilerplate, and find the publication date. Problems never raise: each is one InputProblem naming the
file (and line)."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from timeline.ingest.discover import find_files, read_file
from timeline.ingest.readers import DEFAULT_OPTIONS, ReadOptions, parse_article
from timeline.model import Article, InputProblem

__all__ = ["ReadOptions", "find_files", "parse_article", "read_archive", "read_file"]


def read_archive(
    paths: Sequence[str | Path], exclude: Sequence[str] = (), options: ReadOptions = DEFAULT_OPTIONS
) -> tuple[list[Article], list[InputProblem]]:
    """Read files and directories (recursively) into Articles, with every problem met on the way."""
    files, problems = find_files(paths, exclude)
    articles: list[Article] = []
    for display in files:
        data, trouble = read_file(display)
        if data is None:
            problems.append(trouble)
            continue
        found, more = parse_article(display, data, options)
        articles.extend(found)
        problems.extend(more)
    return articles, problems

