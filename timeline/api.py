"""The library's entry points: what each command does, as calls that return records, text and exit codes
(no printing, no option parsing). `timeline.check` and `timeline.find_dates` are the two most used.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Iterable, Sequence

from timeline.errors import ExitCode, InputError
from timeline.lang import Text
from timeline.model import Archive, Article, InputProblem, Report, TimeExpression
from timeline.settings import Settings, load_settings

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


# --------------------------------------------------------------------------------------------------
# Reading and checking an archive
# --------------------------------------------------------------------------------------------------


def load(
    paths: Sequence[str],
    settings: Settings | None = None,
    *,
    roster: Path | None = None,
    jobs: int | None = None,
    use_cache: bool = True,
    cache_dir: Path | None = None,
    progress=None,
    focus: Iterable[str] | None = None,
) -> Archive:
    """Read and extract an archive with the settings found from its paths (or those given)."""
    from timeline.engine.local import load_archive
    from timeline.ingest.discover import archive_root

    settings = settings if settings is not None else load_settings(list(paths))
    return load_archive(
        paths,
        exclude=settings.exclude,
        roster_path=roster or settings.roster,
        jobs=jobs,
        use_cache=use_cache,
        cache_dir=cache_dir or settings.cache_dir,
        progress=progress,
        focus=focus,
        columns=settings.columns,
        root=archive_root(paths, settings.root),
    )


def check(
    paths: Sequence[str],
    settings: Settings | None = None,
    *,
    jobs: int | None = None,
    use_cache: bool = True,
    cache_dir: Path | None = None,
    changed: Iterable[str] | None = None,
    baseline: set[str] | None = None,
    progress=None,
    engine: str | None = None,
    scheduler: str | None = None,
) -> Report:
    """Check an archive and return the Report (the library's main entry point). `engine` is serial,
    local (the default) or dask; `scheduler` a Dask scheduler address (else a local cluster)."""
    from timeline.checks.catalog import load_catalog
    from timeline.checks.runner import report_from

    settings = settings if settings is not None else load_settings(list(paths))
    settings = settings.with_overrides(engine=engine, scheduler=scheduler)
    catalog = load_catalog()
    run = run_engine(paths, settings, catalog, jobs=jobs, use_cache=use_cache, cache_dir=cache_dir,
                     changed=changed, progress=progress)
    return report_from(run, settings, catalog, changed=changed, baseline=baseline)


def run_engine(paths: Sequence[str], settings: Settings, catalog, *, jobs: int | None = None,
               use_cache: bool = True, cache_dir: Path | None = None, changed: Iterable[str] | None = None,
               progress=None, sources: bool = False, lazy_events: bool = False):
    """The three stages on the engine the settings name; hook mode (`changed`) always runs locally,
    where the cache makes it fast. `sources` and `lazy_events`: see `engine.plan.Job`."""
    from timeline.checks.runner import official_plan
    from timeline.engine import run
    from timeline.engine.plan import Job
    from timeline.ingest.discover import archive_root

    job = Job(
        paths=tuple(paths),
        plan=official_plan(catalog, settings),
        exclude=tuple(settings.exclude),
        roster_path=settings.roster,
        jobs=jobs,
        use_cache=use_cache,
        cache_dir=cache_dir or settings.cache_dir,
        focus=tuple(changed) if changed is not None else None,
        scheduler=settings.scheduler,
        columns=dict(settings.columns),
        sources=sources,
        lazy_events=lazy_events,
        root=archive_root(paths, settings.root),
    )
    engine = "local" if changed is not None and settings.engine in (None, "dask") else settings.engine
    return run(job, engine, progress)


def find_official(archive: Archive, query: str):
    """The official whose id, name or alias is `query` (case-insensitive); InputError if none."""
    q = query.casefold().strip()
    for official in archive.officials:
        names = {official.id, official.name.casefold(), *(a.casefold() for a in official.aliases)}
        if q in names:
            return official
    close = [o.name for o in archive.officials if q in o.name.casefold() or q in o.id]
    hint = Text.of("cli.did_you_mean", names=", ".join(close[:3])) if close else ""
    raise InputError(None, "cli.no_official", query=query, hint=hint)


def official_graph_text(archive: Archive, query: str, fmt: str) -> str:
    """One official's event graph as json, dot or graphml (`timeline graph`)."""
    from timeline.archive.graph import build_graphs
    from timeline.render.graph import export_graph

    target = find_official(archive, query)
    graphs = build_graphs(archive.digests, only={target.id}, identity=archive.identity)
    if target.id not in graphs:
        raise InputError(None, "cli.no_event_claims", name=target.name)
    return export_graph(graphs[target.id], fmt)


def events_text(
    archive: Archive, fmt: str, official: str | None = None, lang: str = "id", settings: Settings | None = None
) -> str:
    """Each official's events in time order (`timeline events`), or one official's; `html` draws each
    one's time axis on a page (trips end at the `max_trip_days` of `settings`)."""
    from timeline.checks.runner import events_by_official
    from timeline.render.listing import render_events

    by_official = events_by_official(archive)
    target = find_official(archive, official) if official else None
    if target is not None:
        by_official = {k: v for k, v in by_official.items() if k == target.id}
    if fmt == "html":
        from timeline.checks.catalog import load_catalog
        from timeline.lang import message
        from timeline.model import Report
        from timeline.render.html import render_html

        officials = archive.identity.by_id()
        report = Report(
            articles=archive.articles, skipped=archive.skipped, warnings=archive.warnings,
            officials=tuple(officials[k] for k in by_official if k in officials), events=by_official, findings=(),
        )
        title = (message("html.title_events", lang, name=target.name) if target is not None
                 else message("html.title_events_all", lang))
        return render_html(report, lang, {}, mode="events", title=title,
                           **html_options(archive, settings, load_catalog()))
    return render_events(by_official, archive.identity.by_id(), fmt, lang)


def html_options(sources, settings: Settings | None, catalog) -> dict:
    """What the HTML page needs beside the Report: every article's outlet and publication date (for
    claims no finding quotes; `sources`: an Archive, or article key -> anything with path, outlet,
    published, url) and how long a trip without a reported return is assumed to last."""
    from timeline.checks.runner import graph_trip_days, official_rules

    if isinstance(sources, Archive):
        sources = {d.article.key: d.article for d in sources.digests}
    return {
        "sources": sources or {},
        "max_trip_days": graph_trip_days(official_rules(catalog, settings)),
    }


# --------------------------------------------------------------------------------------------------
# timeline dates
# --------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class DatesResult:
    article: Article
    expressions: list[TimeExpression]
    reference: date | datetime | None
    reference_source: str | None
    warnings: list[InputProblem]


def dates_of_file(file: str, reference: date | datetime | None) -> DatesResult:
    """Read one article (a path or - for stdin) and tag its time expressions; a `datetime` reference
    (or a publication clock in the metadata) also resolves sub-day relatives to a clock time."""
    from timeline.ingest import ReadOptions, parse_article
    from timeline.temporal import recognize, resolve

    if file == "-":
        data = sys.stdin.buffer.read()
    else:
        path = Path(file)
        if not path.exists():
            raise InputError(file, "cli.no_such_file")
        if path.is_dir():
            raise InputError(file, "cli.is_directory")
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(file, "cli.cannot_read", detail=exc.strerror or str(exc))
    columns = load_settings([file]).columns if file != "-" else {}
    articles, problems = parse_article(file, data, ReadOptions.of(columns))
    fatal = [p for p in problems if p.fatal]
    if not articles:
        if fatal:
            raise InputError(fatal[0].path, fatal[0].text.key, fatal[0].line, **dict(fatal[0].text.fields))
        raise InputError(file, "cli.no_article_found")
    article = articles[0]
    from timeline.ingest.published import reference_time

    source = "--ref" if reference else article.published_source
    ref = reference or reference_time(article)
    marks = article.time_marks if article.time_marks is not None else recognize(article.text)
    return DatesResult(article, resolve(marks, ref), ref, source, list(problems))


# --------------------------------------------------------------------------------------------------
# timeline check
# --------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class CheckOptions:
    paths: list[str]
    fmt: str | None = None
    lang: str | None = None
    fail_on: str = "error"
    baseline: Path | None = None
    write_baseline: Path | None = None
    roster: Path | None = None
    config_path: Path | None = None
    select: str | None = None
    ignore: str | None = None
    columns: str | None = None
    jobs: int | None = None
    use_cache: bool = True
    cache_dir: Path | None = None
    engine: str | None = None
    scheduler: str | None = None
    hook: bool = False
    progress: bool | None = None
    stdout_is_terminal: bool = False
    stderr_is_terminal: bool = False


@dataclass(slots=True)
class CheckOutcome:
    """What `timeline check` prints: the report, stderr lines (problems, notes), and the exit code."""

    text: str | None
    exit_code: int
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    lang: str = "id"


def exit_code_for(findings, fail_on: str) -> int:
    """1 when an unsuppressed finding is at or above `fail_on`, else 0 (`never`: always 0)."""
    if fail_on == "never":
        return ExitCode.CLEAN
    threshold = SEVERITY_RANK[fail_on]
    for f in findings:
        if not f.suppressed and SEVERITY_RANK.get(f.severity, 0) >= threshold:
            return ExitCode.FINDINGS
    return ExitCode.CLEAN


def hook_archive(settings: Settings) -> list[str]:
    """In hook mode the archive is where .timeline.toml is, else the git top level, else cwd."""
    import subprocess

    if settings.root is not None:
        return [str(settings.root)]
    try:
        top = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True, check=True
        ).stdout.strip()
        if top:
            return [top]
    except (OSError, subprocess.CalledProcessError):
        pass
    return ["."]


def run_check(options: CheckOptions) -> CheckOutcome:
    """`timeline check`: the whole job from options to rendered report and exit code."""
    from timeline.checks.catalog import load_catalog
    from timeline.checks.runner import report_from
    from timeline.cli.progress import make_progress
    from timeline.lang import message, problem_lines
    from timeline.render import render

    settings = load_settings(options.paths, options.config_path).with_overrides(
        lang=options.lang, roster=options.roster, select=options.select, ignore=options.ignore,
        engine=options.engine, scheduler=options.scheduler, columns=options.columns,
    )
    lang = settings.lang
    catalog = load_catalog()
    fmt = options.fmt or "text"
    changed = list(options.paths) if options.hook else None
    archive_paths = hook_archive(settings) if options.hook else options.paths
    baseline_ids = None
    if options.baseline is not None:
        from timeline.checks.baseline import load_baseline

        baseline_ids = load_baseline(options.baseline)
    progress = make_progress(
        lang=lang, stderr_is_terminal=options.stderr_is_terminal, fmt=fmt, explicit=options.progress
    )
    run = run_engine(archive_paths, settings, catalog, jobs=options.jobs, use_cache=options.use_cache,
                     cache_dir=options.cache_dir, changed=changed, progress=progress, sources=fmt == "html",
                     lazy_events=fmt != "html")
    progress.finish()
    problems = problem_lines(run.problems, lang)
    notes = [note.render(lang) for note in run.notes]
    if run.articles == 0:
        problems.append(f"timeline: {', '.join(options.paths)}: {message('cli.no_articles', lang)}")
        return CheckOutcome(None, ExitCode.UNUSABLE, problems, notes, lang)
    report = report_from(run, settings, catalog, changed=changed, baseline=baseline_ids)
    if options.write_baseline is not None:
        from timeline.checks.baseline import write_baseline

        write_baseline(options.write_baseline, report.findings)
        notes.append("timeline: " + message("cli.wrote_baseline", lang, count=len(report.findings),
                                            path=options.write_baseline))
        return CheckOutcome(None, ExitCode.CLEAN, problems, notes, lang)
    for stale in report.stale_baseline:
        notes.append("timeline: " + message("cli.stale_baseline", lang, id=stale))
    extra = html_options(run.sources, settings, catalog) if fmt == "html" else {}
    text = render(report, fmt, lang, catalog, color=options.stdout_is_terminal and fmt == "text", **extra)
    return CheckOutcome(text, exit_code_for(report.findings, options.fail_on), problems, notes, lang)
