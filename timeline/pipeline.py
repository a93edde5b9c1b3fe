"""The main job: files -> claims -> per-official graphs -> findings -> Report.

`extract_file` and `extract_claims` are pure and engine-agnostic: a serial loop or a process pool
drives them unchanged, and `--jobs N` gives the same result as `--jobs 1`. Reading files, the cache
and the executor sit in `load_archive`, at the edge.
"""

from __future__ import annotations

import hashlib
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Sequence

from timeline.records import (
    Article,
    ArticleClaims,
    ArticleDigest,
    EventClaim,
    Finding,
    InputProblem,
    Official,
    Participant,
    Report,
)

# --------------------------------------------------------------------------------------------------
# Pure extraction
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FileResult:
    """What one file yields: the digest of each article in it and the problems met reading it."""

    path: str
    digests: tuple[ArticleDigest, ...]
    problems: tuple[InputProblem, ...]


def extract_claims(article: Article, roster=None) -> ArticleClaims:
    """Time expressions, officials, mentions and events of one article."""
    from timeline.events import find_events
    from timeline.officials import find_officials
    from timeline.sentences import split_sentences
    from timeline.temporal import find_dates

    sentences = split_sentences(article.text)
    expressions = find_dates(article.text, article.published)
    officials, mentions = find_officials(article, sentences, roster)
    events = find_events(article, sentences, expressions, officials, mentions)
    return ArticleClaims(
        article=article,
        expressions=tuple(expressions),
        officials=tuple(officials),
        mentions=tuple(mentions),
        events=tuple(events),
        sentences=tuple(sentences),
    )


def digest(claims: ArticleClaims) -> ArticleDigest:
    """Run the per-article rules, quote each event's evidence, and keep only what the archive needs."""
    from timeline.checks import LOCAL_CHECKS
    from timeline.checks.base import evidence_for_claim

    drafts = tuple(d for check in LOCAL_CHECKS.values() for d in check(claims))
    events = tuple(_with_clock(e, claims.expressions, claims.article.text) for e in claims.events)
    evidence = tuple(evidence_for_claim(claims.article, e) for e in events)
    counts: dict[str, int] = {}
    for mention in claims.mentions:
        counts[mention.official_id] = counts.get(mention.official_id, 0) + 1
    officials = tuple(replace(o, mentions=counts.get(o.id, o.mentions)) for o in claims.officials)
    return ArticleDigest(replace(claims.article, text=""), officials, events, evidence, drafts)


CLOCK_GAP = 12  # characters between a date and its clock time: "Senin (1/1/2024) pukul 23.30 WIB"


def _with_clock(event: EventClaim, expressions, text: str) -> EventClaim:
    """The event with the clock time written right after its date, so zones can be compared."""
    if event.date is None:
        return event
    for expr in expressions:
        if (
            expr.kind == "time"
            and expr.time is not None
            and 0 <= expr.start - event.date.end <= CLOCK_GAP
            and text[event.date.end : expr.start].strip(" ,") in ("", "sekitar")
        ):
            return replace(event, time=expr)
    return event


def extract_file(path: str, data: bytes, roster=None) -> FileResult:
    """Parse one file's bytes into articles and digest each one; never raises on input."""
    from timeline.articles import parse_article

    articles, problems = parse_article(path, data)
    digests = []
    for article in articles:
        try:
            digests.append(digest(extract_claims(article, roster)))
        except Exception as exc:  # a bug must not lose the rest of the archive; say where it hit
            problems = [*problems, InputProblem(article.key, f"internal error while reading: {exc!r}")]
    return FileResult(path, tuple(digests), tuple(problems))


# --------------------------------------------------------------------------------------------------
# The archive: reading, cache, parallel extraction
# --------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Archive:
    """An extracted archive: every article's digest, the canonical officials, and input problems."""

    digests: list[ArticleDigest]
    officials: list[Official]
    problems: list[InputProblem]
    notes: list[str] = field(default_factory=list)
    unloaded: int = 0  # articles read from the cache index only (hook mode), not loaded

    @property
    def articles(self) -> int:
        return len(self.digests) + self.unloaded

    @property
    def skipped(self) -> list[InputProblem]:
        return [p for p in self.problems if p.fatal]

    @property
    def warnings(self) -> list[InputProblem]:
        return [p for p in self.problems if not p.fatal]


_WORKER_ROSTER = None


def _init_worker(roster) -> None:
    global _WORKER_ROSTER
    _WORKER_ROSTER = roster


def _extract_in_worker(item: tuple[str, bytes]) -> FileResult:
    return extract_file(item[0], item[1], _WORKER_ROSTER)


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the package's code and language data: a cached digest is only as good as the code and
    the word lists that made it, and those can change within one version number."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".toml") and "__pycache__" not in path.parts:
            h.update(path.relative_to(root).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def extraction_key(roster_path: Path | None, config_key: str = "") -> str:
    """What, besides the text, changes extraction: the code, the roster's content, extraction settings."""
    h = hashlib.sha256(config_key.encode())
    h.update(code_fingerprint().encode())
    if roster_path is not None:
        try:
            h.update(Path(roster_path).read_bytes())
        except OSError:
            pass
    return h.hexdigest()[:16]


def _file_key(path: str, data: bytes) -> str:
    return f"{path}\0{hashlib.sha256(data).hexdigest()}"


def extract_many(
    items: Sequence[tuple[str, bytes]],
    roster=None,
    jobs: int | None = None,
    on_result: Callable[[FileResult], None] | None = None,
    pool: ProcessPoolExecutor | None = None,
) -> list[FileResult]:
    """Extract files in input order, serially or across processes, with identical results.

    A caller extracting in several batches passes one `pool` (from `worker_pool`) for all of them.
    """
    jobs = _cpu_count() if jobs is None or jobs <= 0 else jobs
    results: list[FileResult] = []
    if pool is None and (jobs == 1 or len(items) < 64):
        for path, data in items:
            result = extract_file(path, data, roster)
            results.append(result)
            if on_result:
                on_result(result)
        return results
    chunk = max(8, min(256, len(items) // (jobs * 8) or 1))
    own = pool is None
    pool = pool or worker_pool(jobs, roster)
    try:
        for result in pool.map(_extract_in_worker, items, chunksize=chunk):
            results.append(result)
            if on_result:
                on_result(result)
    finally:
        if own:
            pool.shutdown()
    return results


def worker_pool(jobs: int, roster=None) -> ProcessPoolExecutor:
    """Processes that extract files; each loads the language data once."""
    return ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(roster,))


BATCH_FILES = 2048  # files read and extracted at a time: bounds the raw bytes held in memory


def load_archive(
    paths: Sequence[str],
    *,
    exclude: Sequence[str] = (),
    roster_path: Path | None = None,
    jobs: int | None = None,
    use_cache: bool = True,
    cache_dir: Path | None = None,
    progress=None,
    focus: Iterable[str] | None = None,
    lang: str = "id",
) -> Archive:
    """Read an archive (files and directories), extract every article, merge officials.

    With `focus` (hook mode: the changed files), cached files that share no official with the
    changed ones are counted but not loaded: no finding about the changed files can need them.
    """
    from timeline.articles import find_files
    from timeline.officials import load_roster

    roster = load_roster(roster_path) if roster_path else None
    files, problems = find_files(paths, exclude)
    problems = list(problems)
    notes: list[str] = []
    cache = None
    if use_cache and files:
        from timeline.cache import open_cache

        directory = cache_dir if cache_dir is not None else _default_cache_dir(paths)
        cache = open_cache(directory, extraction_key(roster_path), lang=lang)
        notes.extend(cache.warnings)
    if progress is not None:
        progress.start(len(files))
    jobs = _cpu_count() if jobs is None or jobs <= 0 else jobs
    pool = worker_pool(jobs, roster) if jobs > 1 and len(files) >= 64 else None
    try:
        if focus is not None and cache is not None:
            results, unloaded = _load_focused_archive(files, problems, cache, roster, jobs, pool, progress, focus)
        else:
            results, unloaded = [], 0
            for start in range(0, len(files), BATCH_FILES):
                batch = _read(files[start : start + BATCH_FILES], problems)
                results.extend(_extract_batch(batch, cache, roster, jobs, pool, progress))
    finally:
        if pool is not None:
            pool.shutdown()
    if cache is not None:
        notes.extend(w for w in cache.warnings if w not in notes)
        cache.close()
    digests = [d for r in results for d in r.digests]
    for r in results:
        problems.extend(r.problems)
    digests, officials = canonical_officials(digests, roster)
    return Archive(
        digests=digests, officials=officials, problems=problems, notes=notes, unloaded=unloaded
    )


def _read(files: Sequence[str], problems: list[InputProblem]) -> list[tuple[str, bytes]]:
    from timeline.articles import read_file

    items = []
    for path in files:
        data, problem = read_file(path)
        if problem is not None:
            problems.append(problem)
        if data is not None:
            items.append((path, data))
    return items


def _extract_batch(items, cache, roster, jobs, pool, progress) -> list[FileResult]:
    """Results for a batch of files in order: from the cache where it has them, else extracted."""
    keys = [_file_key(p, d) for p, d in items]
    cached = cache.get_many(keys) if cache is not None else {}
    todo = [item for item, key in zip(items, keys) if key not in cached]
    fresh = _extract_and_store(todo, cache, roster, jobs, pool, progress)
    results = []
    for key in keys:
        if key in cached:
            results.append(cached[key])
            if progress is not None:
                progress.advance(cached[key])
        else:
            results.append(fresh[key])
    return results


def _extract_and_store(todo, cache, roster, jobs, pool, progress) -> dict[str, FileResult]:
    """Extract the files the cache lacks and store them, each with its index of officials."""
    fresh = dict(zip(
        (_file_key(p, d) for p, d in todo),
        extract_many(todo, roster, jobs, on_result=progress.advance if progress else None, pool=pool),
    ))
    if cache is not None and fresh:
        cache.put_many(fresh, tags={k: _tags_of(r) for k, r in fresh.items()})
    return fresh


def _tags_of(result: FileResult) -> str:
    """A cache row's index: how many articles the file holds and which officials it involves."""
    ids = {o.id for d in result.digests for o in d.officials}
    ids |= {p.official_id for d in result.digests for e in d.events for p in e.participants}
    return f"{len(result.digests)} " + " ".join(sorted(ids))


def _load_focused_archive(files, problems, cache, roster, jobs, pool, progress, focus):
    """Hook mode: extract what the cache lacks, then load only the cached rows that share an official
    with the focus files; the other rows' articles are counted from the cache index, not loaded."""
    items = _read(files, problems)
    keys = [_file_key(p, d) for p, d in items]
    tags = cache.get_tags(keys)
    todo = [item for item, key in zip(items, keys) if key not in tags]
    fresh = _extract_and_store(todo, cache, roster, jobs, pool, progress)
    wanted = {_norm(p) for p in focus}
    involved: set[str] = set()
    focus_keys: set[str] = set()
    for (path, _), key in zip(items, keys):
        if _norm(path) in wanted:
            focus_keys.add(key)
            involved |= set((_tags_of(fresh[key]) if key in fresh else tags.get(key, "0")).split()[1:])
    load, unloaded = [], 0
    for key in keys:
        if key in fresh or key not in tags:
            continue
        count, *ids = tags[key].split()
        if key in focus_keys or involved.intersection(ids):
            load.append(key)
        else:
            unloaded += int(count)
    cached = cache.get_many(load)
    # A row that could not be loaded after all is simply re-read next time; count it as unloaded.
    unloaded += sum(int(tags[k].split()[0]) for k in load if k not in cached)
    results = [fresh.get(key) or cached.get(key) for key in keys]
    return [r for r in results if r is not None], unloaded


def _default_cache_dir(paths: Sequence[str]) -> Path:
    """`.timeline-cache/` beside the archive: the first directory given, else the first file's folder."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            return path / ".timeline-cache"
    first = Path(paths[0]) if paths else Path(".")
    return first.parent / ".timeline-cache"


def canonical_officials(
    digests: list[ArticleDigest], roster=None
) -> tuple[list[ArticleDigest], list[Official]]:
    """Merge each article's officials into one per person, and point every claim at the merged id."""
    from timeline.officials import merge_officials

    merged = merge_officials(((list(d.officials), []) for d in digests), roster)
    known = {official.id for official in merged}
    alias_to_id: dict[str, str] = {}
    for item in digests:
        for official in item.officials:
            if official.id not in known and official.id not in alias_to_id:
                target = _match_merged(official, merged)
                if target:
                    alias_to_id[official.id] = target
    if not alias_to_id:
        return digests, merged
    out = []
    for item in digests:
        events = tuple(_remap_event(e, alias_to_id) for e in item.events)
        drafts = tuple(
            replace(d, official_id=alias_to_id.get(d.official_id, d.official_id)) for d in item.drafts
        )
        out.append(replace(item, events=events, drafts=drafts))
    return out, merged


def _match_merged(official: Official, merged: list[Official]) -> str | None:
    for candidate in merged:
        if official.name in candidate.aliases or official.id in candidate.aliases:
            return candidate.id
    return None


def _remap_event(event: EventClaim, mapping: dict[str, str]) -> EventClaim:
    participants = tuple(
        Participant(mapping.get(p.official_id, p.official_id), p.role) for p in event.participants
    )
    return replace(event, participants=participants)


# --------------------------------------------------------------------------------------------------
# Checks -> findings
# --------------------------------------------------------------------------------------------------


def _focus(archive: Archive, changed: set[str] | None) -> tuple[list[ArticleDigest], set[str] | None]:
    """The digests of changed files and the officials they involve (hook mode), else everything.

    A finding about an official who appears in no changed file cannot involve a changed file, so
    in hook mode only those officials' graphs are built: the whole archive stays their context.
    """
    if changed is None:
        return archive.digests, None
    mine = [d for d in archive.digests if _norm(d.article.path) in changed]
    officials = {o.id for d in mine for o in d.officials}
    officials |= {p.official_id for d in mine for e in d.events for p in e.participants}
    officials |= {dr.official_id for d in mine for dr in d.drafts if dr.official_id}
    return mine, officials


def run_checks(
    archive: Archive, config, catalog, focus: tuple[list[ArticleDigest], set[str] | None] | None = None
) -> list[Finding]:
    """Every enabled rule over the archive's graphs and texts: findings with ids and severities.

    With `focus` (from `_focus`: the changed files' digests and the officials they involve), only
    findings that can involve those files are computed.
    """
    from timeline.checks import ARCHIVE_CHECKS, CheckContext
    from timeline.fingerprint import finding_id_of
    from timeline.graph import build_graphs

    officials = {o.id: o for o in archive.officials}
    rules = [r for r in catalog if config is None or config.rule_enabled(r)]
    local_digests, involved = focus if focus is not None else (archive.digests, None)
    ctx = None
    if any(r.check in ARCHIVE_CHECKS for r in rules):
        ctx = CheckContext(
            digests=archive.digests,
            graphs=build_graphs(archive.digests, only=involved),
            officials=officials,
            max_trip_days=getattr(config, "max_trip_days", 14),
        )
    local: dict[str, list] = {}
    for item in local_digests:
        for draft in item.drafts:
            local.setdefault(draft.rule, []).append(draft)
    findings: dict[str, Finding] = {}
    for rule in rules:
        severity = config.severity_of(rule) if config is not None else rule.severity
        drafts = ARCHIVE_CHECKS[rule.check](ctx) if rule.check in ARCHIVE_CHECKS else local.get(rule.check, [])
        for draft in drafts:
            fid = finding_id_of(rule.code, draft.official_id, draft.evidence)
            if fid in findings:
                continue
            official = officials.get(draft.official_id) if draft.official_id else None
            args = dict(draft.args)
            if official is not None and "official" in args:
                args["official"] = official.name  # the canonical name, not one article's spelling
            findings[fid] = Finding(
                id=fid,
                code=rule.code,
                rule=rule.name,
                severity=severity,
                args=args,
                evidence=draft.evidence,
                official_id=draft.official_id,
                official_name=official.name if official else None,
                event_type=draft.event_type,
                place=draft.place,
                companions=draft.companions,
            )
    order = {"error": 0, "warning": 1, "info": 2}
    return sorted(
        findings.values(),
        key=lambda f: (
            f.official_name or "\uffff",
            order.get(f.severity, 3),
            f.code,
            f.evidence[0].path if f.evidence else "",
            f.evidence[0].line if f.evidence else 0,
        ),
    )


def events_by_official(
    archive: Archive, only: set[str] | None = None
) -> dict[str, tuple[EventClaim, ...]]:
    """Each official's event claims in time order (undated last), for reports and `timeline events`."""
    from datetime import date as _date

    out: dict[str, list[EventClaim]] = {}
    for item in archive.digests:
        for event in item.events:
            for p in event.participants:
                if p.role != "represented" and (only is None or p.official_id in only):
                    out.setdefault(p.official_id, []).append(event)

    def when(e: EventClaim):
        v = e.date.value if e.date is not None and e.date.value is not None else None
        return (v is None, v.start if v else _date.max, e.id)

    return {oid: tuple(sorted(evs, key=when)) for oid, evs in sorted(out.items())}


def check(
    paths: Sequence[str],
    config=None,
    *,
    jobs: int | None = None,
    use_cache: bool = True,
    cache_dir: Path | None = None,
    changed: Iterable[str] | None = None,
    baseline: set[str] | None = None,
    progress=None,
) -> Report:
    """Check an archive and return the Report (the library's main entry point)."""
    from timeline.catalog import load_catalog
    from timeline.config import load_config

    if config is None:
        config = load_config(list(paths))
    archive = load_archive(
        paths,
        exclude=config.exclude,
        roster_path=config.roster,
        jobs=jobs,
        use_cache=use_cache,
        cache_dir=cache_dir or config.cache_dir,
        progress=progress,
    )
    return report_of(archive, config, load_catalog(), changed=changed, baseline=baseline)


def report_of(archive: Archive, config, catalog, *, changed=None, baseline=None) -> Report:
    """Findings of an extracted archive as a Report (hook mode and baseline applied)."""
    changed_only = None
    wanted = None
    if changed is not None:
        changed_only = tuple(sorted(_norm(p) for p in changed))
        wanted = set(changed_only)
    focus = _focus(archive, wanted)
    involved = focus[1]
    findings = run_checks(archive, config, catalog, focus)
    if wanted is not None:
        findings = [f for f in findings if any(_norm(e.path) in wanted for e in f.evidence)]
    stale: tuple[str, ...] = ()
    if baseline is not None:
        from timeline.baseline import apply_baseline

        findings, stale_ids = apply_baseline(findings, baseline)
        stale = tuple(sorted(stale_ids))
    return Report(
        articles=archive.articles,
        skipped=tuple(archive.skipped),
        warnings=tuple(archive.warnings),
        officials=tuple(o for o in archive.officials if involved is None or o.id in involved),
        events=events_by_official(archive, involved),
        findings=tuple(findings),
        stale_baseline=stale,
        changed_only=changed_only,
    )


def _norm(path: str) -> str:
    return os.path.normpath(os.path.abspath(path))
