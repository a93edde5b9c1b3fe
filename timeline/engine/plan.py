"""The three pure stages of a run, in the order data meets them; every engine drives these unchanged.

1. `map_file`: one file's bytes -> its articles' digests (extraction and the article rules) and problems.
2. identity (`timeline.archive.identity`): the officials of every digest -> one official per person.
3. `check_officials` (`timeline.checks.runner`): each official's claims -> that official's findings.
"""

from __future__ import annotations

from dataclasses import dataclass

from timeline.engine.cache import RowIndex
from timeline.lang import Text
from timeline.model import ArticleDigest, InputProblem


@dataclass(frozen=True, slots=True)
class FileResult:
    """What one file yields: the digest of each article in it and the problems met reading it."""

    path: str
    digests: tuple[ArticleDigest, ...]
    problems: tuple[InputProblem, ...]

    def index(self) -> RowIndex:
        """How many articles the file holds and which officials they involve (kept beside a cache row)."""
        ids = {o.id for d in self.digests for o in d.officials}
        ids |= {p.official_id for d in self.digests for e in d.events for p in e.participants}
        return RowIndex(len(self.digests), frozenset(ids))


def map_file(path: str, data: bytes, roster=None, reading=None) -> FileResult:
    """Parse one file's bytes into articles (`reading`: the ingest.ReadOptions, e.g. CSV columns),
    extract each, run the article rules; never raises on input."""
    from timeline.checks.runner import article_drafts
    from timeline.extract.article import digest, extract_claims
    from timeline.ingest import parse_article
    from timeline.ingest.readers import DEFAULT_OPTIONS

    try:
        articles, problems = parse_article(path, data, reading or DEFAULT_OPTIONS)
    except Exception as exc:  # a reader's bug must not lose the rest of the archive either
        return FileResult(path, (), (InputProblem(path, Text.of("input.internal", detail=repr(exc))),))
    digests = []
    for article in articles:
        try:
            claims = extract_claims(article, roster)
            digests.append(digest(claims, article_drafts(claims)))
        except Exception as exc:  # a bug must not lose the rest of the archive; say where it hit
            problems = [*problems, InputProblem(article.key, Text.of("input.internal", detail=repr(exc)))]
    return FileResult(path, tuple(digests), tuple(problems))
