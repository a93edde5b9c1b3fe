"""What each CLI command does, as library calls returning text and exit codes (no printing here)."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Sequence

from timeline.errors import ExitCode, InputError
from timeline.messages import message, problem_lines
from timeline.records import Article, InputProblem, TimeExpression

# --------------------------------------------------------------------------------------------------
# timeline dates
# --------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class DatesResult:
    article: Article
    expressions: list[TimeExpression]
    reference: date | None
    reference_source: str | None
    warnings: list[InputProblem]


def dates_of_file(file: str, reference: date | None) -> DatesResult:
    """Read one article (a path or - for stdin) and tag its time expressions."""
    from timeline.articles import parse_article
    from timeline.temporal import find_dates

    if file == "-":
        data = sys.stdin.buffer.read()
        name = "-"
    else:
        path = Path(file)
        if not path.exists():
            raise InputError(file, "no such file")
        if path.is_dir():
            raise InputError(file, "is a directory; `timeline dates` reads one article")
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(file, f"cannot read ({exc.strerror or exc})")
    articles, problems = parse_article(name if file == "-" else file, data)
    fatal = [p for p in problems if p.fatal]
    if not articles:
        raise InputError(None, str(fatal[0]) if fatal else f"{file}: no article found")
    article = articles[0]
    source = "--ref" if reference else article.published_source
    ref = reference or article.published
    return DatesResult(article, find_dates(article.text, ref), ref, source, [p for p in problems])


def render_dates(result: DatesResult, fmt: str) -> str:
    from timeline import temporal

    if fmt == "json":
        return temporal.render_json(result.expressions)
    if fmt == "timeml":
        return temporal.to_timeml(result.article.text, result.expressions, result.reference)
    if result.reference:
        head = f"# reference date {result.reference.isoformat()} ({result.reference_source})"
    else:
        head = "# no reference date: relative dates stay unresolved (give --ref YYYY-MM-DD)"
    return head + "\n" + temporal.render_text(result.expressions)


# --------------------------------------------------------------------------------------------------
# timeline officials / events / graph
# --------------------------------------------------------------------------------------------------


def load(paths: Sequence[str], roster: Path | None = None, jobs: int | None = None, use_cache: bool = True):
    """Extract an archive with the configuration found from its paths."""
    from timeline.config import load_config
    from timeline.pipeline import load_archive

    config = load_config(list(paths))
    return load_archive(
        paths,
        exclude=config.exclude,
        roster_path=roster or config.roster,
        jobs=jobs,
        use_cache=use_cache,
        cache_dir=config.cache_dir,
    )


def default_lang(paths: Sequence[str]) -> str:
    """The message language the configuration found from these paths asks for (default id)."""
    from timeline.config import load_config

    return load_config(list(paths)).lang or "id"


def find_official(archive, query: str):
    """The official whose id, name or alias is `query` (case-insensitive); InputError if none."""
    q = query.casefold().strip()
    for official in archive.officials:
        names = {official.id, official.name.casefold(), *(a.casefold() for a in official.aliases)}
        if q in names:
            return official
    close = [o.name for o in archive.officials if q in o.name.casefold() or q in o.id]
    hint = f"; did you mean {', '.join(close[:3])}?" if close else ""
    raise InputError(None, f"no official named '{query}' in this archive{hint}")


def render_officials(archive, fmt: str) -> str:
    officials = sorted(archive.officials, key=lambda o: (-o.mentions, o.name))
    if fmt == "json":
        return json.dumps([o.to_json() for o in officials], ensure_ascii=False, indent=2)
    lines = []
    for o in officials:
        roles = "; ".join(str(r) for r in o.roles) or "-"
        aliases = ", ".join(a for a in o.aliases if a != o.name) or "-"
        lines.append(f"{o.name}  [{o.id}]\n  roles: {roles}\n  aliases: {aliases}\n  mentions: {o.mentions}")
    lines.append(f"\n{len(officials)} officials in {archive.articles} articles")
    return "\n".join(lines)


def _event_json(event) -> dict:
    """An event as the report lists it, plus what `timeline events` shows a reader: the trigger,
    the date as written, country, participants, trip and sentence."""
    from timeline.report.json import event_json

    out = event_json(event)
    if out["date"] is not None:
        out["date"]["text"] = event.date.text
    out.update(
        trigger=event.trigger,
        country=event.place.country if event.place else None,
        participants=[{"official": p.official_id, "role": p.role} for p in event.participants],
        part_of=event.part_of,
        sentence=event.sentence.text.strip(),
    )
    return out


def render_events(archive, fmt: str, official: str | None = None) -> str:
    from timeline.pipeline import events_by_official

    by_official = events_by_official(archive)
    names = {o.id: o for o in archive.officials}
    if official:
        wanted = find_official(archive, official).id
        by_official = {k: v for k, v in by_official.items() if k == wanted}
    if fmt == "json":
        return json.dumps(
            [
                {"official": {"id": oid, "name": names[oid].name if oid in names else oid},
                 "events": [_event_json(e) for e in events]}
                for oid, events in by_official.items()
            ],
            ensure_ascii=False,
            indent=2,
        )
    lines: list[str] = []
    for oid, events in by_official.items():
        o = names.get(oid)
        roles = "; ".join(str(r) for r in o.roles) if o else ""
        lines.append(f"{o.name if o else oid}" + (f" ({roles})" if roles else ""))
        for e in events:
            d = _event_json(e)
            when = "?"
            if d["date"]:
                when = d["date"]["start"] if d["date"]["start"] == d["date"]["end"] else f"{d['date']['start']}..{d['date']['end']}"
            role = next((p.role for p in e.participants if p.official_id == oid), "")
            extra = f" [{role}]" if role and role != "agent" else ""
            place = f" -> {d['place']}" if d["place"] else ""
            lines.append(f"  {when:<23} {e.type:<10} {e.modality:<9}{place}{extra}  {e.location}")
        lines.append("")
    return "\n".join(lines).rstrip() or "no events found"


def render_graph(archive, official: str, fmt: str) -> str:
    from timeline.graph import build_graphs, export_graph

    target = find_official(archive, official)
    graphs = build_graphs(archive.digests)
    if target.id not in graphs:
        raise InputError(None, f"{target.name} has no event claims in this archive")
    return export_graph(graphs[target.id], fmt)


# --------------------------------------------------------------------------------------------------
# timeline rules
# --------------------------------------------------------------------------------------------------


def render_rules(name: str | None, lang: str | None, fmt: str) -> str:
    from timeline import catalog

    lang = lang or "id"
    if name is None:
        if fmt == "json":
            return json.dumps([catalog.rule_json(r) for r in catalog.load_catalog()], ensure_ascii=False, indent=2)
        return catalog.list_rules(lang)
    rule = catalog.get_rule(name)
    if fmt == "json":
        return json.dumps(catalog.rule_json(rule), ensure_ascii=False, indent=2)
    return catalog.explain(rule, lang)


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
    jobs: int | None = None
    use_cache: bool = True
    cache_dir: Path | None = None
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


SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


def exit_code_for(findings, fail_on: str) -> int:
    """1 when an unsuppressed finding is at or above `fail_on`, else 0 (`never`: always 0)."""
    if fail_on == "never":
        return ExitCode.CLEAN
    threshold = SEVERITY_RANK[fail_on]
    for f in findings:
        if not f.suppressed and SEVERITY_RANK.get(f.severity, 0) >= threshold:
            return ExitCode.FINDINGS
    return ExitCode.CLEAN


def _hook_archive(config) -> list[str]:
    """In hook mode the archive is where .timeline.toml is, else the git top level, else cwd."""
    import subprocess

    if config.root is not None:
        return [str(config.root)]
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
    from timeline.catalog import load_catalog
    from timeline.config import load_config
    from timeline.pipeline import load_archive, report_of
    from timeline.report import render

    config = load_config(options.paths, options.config_path)
    config = config.with_overrides(
        lang=options.lang, roster=options.roster, select=options.select, ignore=options.ignore
    )
    catalog = load_catalog()
    fmt = options.fmt or "text"
    changed = None
    archive_paths = options.paths
    if options.hook:
        changed = [p for p in options.paths]
        archive_paths = _hook_archive(config)
    baseline_ids = None
    if options.baseline is not None:
        from timeline.baseline import load_baseline

        baseline_ids = load_baseline(options.baseline)

    from timeline.progress import make_progress

    progress = make_progress(
        lang=config.lang or "id",
        stderr_is_terminal=options.stderr_is_terminal,
        fmt=fmt,
        explicit=options.progress,
    )
    archive = load_archive(
        archive_paths,
        exclude=config.exclude,
        roster_path=config.roster,
        jobs=options.jobs,
        use_cache=options.use_cache,
        cache_dir=options.cache_dir or config.cache_dir,
        progress=progress,
        focus=changed,
        lang=config.lang or "id",
    )
    if progress is not None:
        progress.finish()
    lang = config.lang or "id"
    problems = problem_lines(archive.problems, lang)
    if archive.articles == 0:
        problems.append(f"timeline: {', '.join(options.paths)}: {message('no_articles', lang)}")
        return CheckOutcome(None, ExitCode.UNUSABLE, problems, archive.notes, lang)
    report = report_of(archive, config, catalog, changed=changed, baseline=baseline_ids)
    notes = list(archive.notes)
    if options.write_baseline is not None:
        from timeline.baseline import write_baseline

        write_baseline(options.write_baseline, report.findings)
        count = len(report.findings)
        notes.append("timeline: " + message("wrote_baseline", lang, count=count, path=options.write_baseline))
        return CheckOutcome(None, ExitCode.CLEAN, problems, notes, lang)
    for stale in report.stale_baseline:
        notes.append("timeline: " + message("stale_baseline", lang, id=stale))
    text = render(
        report,
        fmt,
        config.lang or "id",
        catalog,
        color=options.stdout_is_terminal and fmt == "text",
    )
    return CheckOutcome(text, exit_code_for(report.findings, options.fail_on), problems, notes, lang)
