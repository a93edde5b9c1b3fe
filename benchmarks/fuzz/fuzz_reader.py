"""Coverage-guided fuzzing of the article readers (atheris): any bytes under any supported extension.

    python benchmarks/fuzz/fuzz_reader.py -max_total_time=1800 benchmarks/fuzz/corpus/reader

A crash is an exception (readers must turn every input into articles and/or input problems) or a
location outside the file. Crashes become regression tests in tests/test_fuzz_regressions.py.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["timeline"]):
    from timeline.ingest import parse_article
    from timeline.ingest.readers import READERS, reader_for

reader_for("x.txt")
EXTENSIONS = sorted(READERS)


def check_bytes(name: str, data: bytes) -> None:
    """The readers' contract on one file (shared with the regression tests)."""
    articles, problems = parse_article(name, data)
    lines = data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n") + 1
    for problem in problems:
        assert problem.line is None or 1 <= problem.line <= lines, problem
        problem.text.render("id")
    for article in articles:
        for offset in (0, len(article.text) // 2, max(0, len(article.text) - 1)):
            assert 1 <= article.location(offset).line <= lines, (offset, article.location(offset))


def one_input(data: bytes) -> None:
    if not data:
        return
    check_bytes(f"arsip/berita{EXTENSIONS[data[0] % len(EXTENSIONS)]}", data[1:])


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
