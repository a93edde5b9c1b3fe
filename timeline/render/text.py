"""The terminal report: findings grouped by official, each claim quoted with its date marked."""

from __future__ import annotations

from typing import Any, Mapping

from timeline.model import Evidence, Finding, Official, Report
from timeline.render import counts, message_of, ordered
from timeline.lang import label, problem_text

_ANSI = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[1;36m", "mark": "\x1b[1;4m",
         "head": "\x1b[1m", "dim": "\x1b[2m"}
_RESET = "\x1b[0m"


def _paint(text: str, style: str, color: bool) -> str:
    return f"{_ANSI[style]}{text}{_RESET}" if color else text


def marked_quote(e: Evidence, color: bool = False) -> str:
    """The quote with the date text marked: [[...]] when plain, bold underline when coloured."""
    quote = " ".join(e.quote.split("\n"))
    start, end = e.mark_start, e.mark_end
    if not 0 <= start < end <= len(quote):
        return quote
    inner = quote[start:end]
    inner = _paint(inner, "mark", True) if color else f"[[{inner}]]"
    return quote[:start] + inner + quote[end:]


def _official_line(official_id: str | None, name: str | None, officials: Mapping[str, Official], lang: str) -> str:
    if official_id is None and name is None:
        return label("no_official", lang)
    official = officials.get(official_id or "")
    title = (official.name if official else None) or name or official_id or ""
    roles = ", ".join(str(r) for r in official.roles) if official else ""
    return f"{title} ({roles})" if roles else title


def _evidence_lines(e: Evidence, lang: str, color: bool) -> list[str]:
    where = f"{e.path}:{e.line}:{e.column}"
    source = ", ".join(
        part
        for part in (
            e.outlet,
            f"{label('published', lang)} {e.published.isoformat()}" if e.published else label("unknown_date", lang),
        )
        if part
    )
    return [f"    {_paint(where, 'dim', color)}  {source}", f"      \"{marked_quote(e, color)}\""]


def _finding_lines(f: Finding, rules: Mapping[str, Any], lang: str, color: bool) -> list[str]:
    severity = _paint(label(f.severity, lang), f.severity, color)
    suffix = f" ({label('suppressed', lang)})" if f.suppressed else ""
    lines = [f"  {severity} {f.code} {f.rule}: {message_of(f, rules, lang)}{suffix}"]
    for e in f.evidence:
        lines += _evidence_lines(e, lang, color)
    if f.companions:
        lines.append(f"    {label('companions', lang)}: {', '.join(f.companions)}")
    if f.suggestions:
        lines.append(f"    {label('suggestions', lang)}:")
        lines += [f"      - {s.note.render(lang)}" for s in f.suggestions]
    return lines


def summary_line(report: Report, lang: str) -> str:
    n = counts(report.findings)
    parts = [
        f"{n['error']} {label('errors', lang)}, {n['warning']} {label('warnings', lang)}, {n['info']} {label('infos', lang)}",
        f"{report.articles} {label('articles_read', lang)}",
        f"{len(report.skipped)} {label('files_skipped', lang)}",
    ]
    suppressed = sum(1 for f in report.findings if f.suppressed)
    if suppressed:
        parts.append(f"{suppressed} {label('suppressed', lang)}")
    return "; ".join(parts)


def render_text(report: Report, lang: str, rules: Mapping[str, Any], *, color: bool = False, **_: Any) -> str:
    """Plain text unless `color`; suppressed findings are left out of the listing but counted."""
    officials = {o.id: o for o in report.officials}
    groups: dict[str | None, list[Finding]] = {}
    for f in ordered(report.findings):
        if not f.suppressed:
            groups.setdefault(f.official_id, []).append(f)

    def group_key(official_id: str | None) -> tuple:
        first = groups[official_id][0]
        name = _official_line(official_id, first.official_name, officials, lang)
        return (official_id is None, name.casefold())

    lines: list[str] = []
    for official_id in sorted(groups, key=group_key):
        first = groups[official_id][0]
        lines.append(_paint(_official_line(official_id, first.official_name, officials, lang), "head", color))
        for f in groups[official_id]:
            lines += _finding_lines(f, rules, lang, color)
            lines.append("")
    if not groups:
        lines += [label("no_findings", lang), ""]
    if report.skipped:
        lines.append(f"{label('skipped', lang)}:")
        lines += [f"  {problem_text(problem, lang)}" for problem in report.skipped]
        lines.append("")
    if report.stale_baseline:
        lines.append(f"{len(report.stale_baseline)} {label('stale', lang)}: {', '.join(report.stale_baseline)}")
    lines.append(summary_line(report, lang))
    return "\n".join(lines) + "\n"
