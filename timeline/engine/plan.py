"""The three pure stages of a run, in the order data meets them; every engine drives these unchanged.

1. `map_file`: one file's bytes -> its articles' digests (extraction and the article rules) and problems.
2. identity (`timeline.archive.identity.identify`): the officials of every file -> one official per person.
3. per official (`timeline.checks.runner.official_inputs`, then `official_result`): each official's
   claims, grouped across files -> that official's drafts and its events in time order.

The records here are what engines pass between the stages and gather at the end (`RunResult`);
`timeline.checks.runner.report_from` turns a RunResult into the Report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Mapping

from timeline.engine.cache import Encoded, RowIndex
from timeline.lang import Text
from timeline.model import ArticleDigest, Draft, EventClaim, InputProblem, Official


@dataclass(frozen=True, slots=True)
class ArticleSource:
    """Where one article comes from, as a report names it beside its claims (the HTML page)."""

    key: str
    path: str
    outlet: str | None = None
    published: date | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class FileHead:
    """What the identity reduce and the report need of a file, without its claims: each article's
    officials, the article rules' drafts, and the problems met reading it."""

    officials: tuple[tuple[Official, ...], ...]
    drafts: tuple[Draft, ...]
    problems: tuple[InputProblem, ...]
    path: str = ""  # the path the file was shown under when these were computed (see engine.relocate)
    sources: tuple[ArticleSource, ...] = ()


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

    def head(self) -> FileHead:
        sources = tuple(ArticleSource(d.article.key, d.article.path, d.article.outlet, d.article.published,
                                      d.article.url) for d in self.digests)
        return FileHead(tuple(d.officials for d in self.digests),
                        tuple(dr for d in self.digests for dr in d.drafts), self.problems, self.path, sources)


@dataclass(frozen=True, slots=True)
class OfficialResult:
    """What the map per official yields for one official: its drafts, and its events in time order."""

    drafts: tuple[Draft, ...]
    events: tuple[EventClaim, ...]


@dataclass(frozen=True)
class RunResult:
    """What an engine gathers at the end of a run: counts, problems, who is who, the article rules'
    drafts, and each official's result (`involved`: in hook mode, the officials the changed files
    involve; None for a whole run)."""

    articles: int
    problems: tuple[InputProblem, ...]
    notes: tuple[Text, ...]
    identity: Any  # timeline.archive.identity.Identity
    article_drafts: tuple[Draft, ...]
    officials: Mapping[str, OfficialResult] = field(default_factory=dict)
    involved: frozenset[str] | None = None
    sources: Mapping[str, ArticleSource] | None = None  # every article, when the Job asked for them
    root: str | None = None  # the archive's root: article findings' ids name their article relative to it


def map_file(path: str, data: bytes, roster=None, reading=None) -> FileResult:
    """Parse one file's bytes into articles (`reading`: the ingest.ReadOptions, e.g. CSV columns),
    extract each, run the article rules; never raises on input."""
    from timeline.checks.runner import article_drafts
    from timeline.extract.article import digest, extract_claims
    from timeline.ingest import parse_article
    from timeline.ingest.readers import DEFAULT_OPTIONS
    from timeline.limits import LimitExceeded

    try:
        articles, problems = parse_article(path, data, reading or DEFAULT_OPTIONS)
    except Exception as exc:  # a reader's bug must not lose the rest of the archive either
        return FileResult(path, (), (InputProblem(path, Text.of("input.internal", detail=repr(exc))),))
    digests = []
    for article in articles:
        try:
            claims = extract_claims(article, roster)
            digests.append(digest(claims, article_drafts(claims)))
        except LimitExceeded as exc:
            problems = [*problems, InputProblem(article.key, Text.of(f"input.{exc.key}", detail=exc.detail))]
        except Exception as exc:  # a bug must not lose the rest of the archive; say where it hit
            problems = [*problems, InputProblem(article.key, Text.of("input.internal", detail=repr(exc)))]
    return FileResult(path, tuple(digests), tuple(problems))


def encode(key: str, result: FileResult) -> Encoded:
    """A file's result as a cache row, encoded where it was computed (a worker), so the process that
    gathers results stores the bytes as they come instead of pickling everything again."""
    from timeline.engine.codec import dumps

    from timeline.engine.heads import encode_head

    return Encoded(key, dumps(result), result.index(), encode_head(result.head()))


@dataclass(frozen=True)
class Job:
    """What a run of `timeline check` asks of an engine: the archive, the settings that shape
    extraction and checks, and how to run (`focus`: hook mode's changed files; `scheduler`: dask's)."""

    paths: tuple[str, ...]
    plan: Any  # timeline.checks.runner.OfficialPlan
    exclude: tuple[str, ...] = ()
    roster_path: Any = None  # Path | None
    jobs: int | None = None
    use_cache: bool = True
    cache_dir: Any = None  # Path | None
    focus: tuple[str, ...] | None = None
    scheduler: str | None = None
    columns: Mapping[str, str] = field(default_factory=dict)  # CSV/TSV column of article fields
    sources: bool = False  # gather every article's ArticleSource (the HTML report names them)
    # Leave cached officials' event claims encoded until something reads them (a report that does not
    # draw them: the JSON report takes their listing as cached, text and SARIF never read them).
    lazy_events: bool = False
    root: str | None = None  # the archive's root (ingest.discover.archive_root): article findings' ids
