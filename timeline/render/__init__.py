"""Renderers: the one registry of output formats, and what the report renderers share.

Every format a command can print is named here once: the CLI offers these names, the progress bar
asks which are for machines, and `render` dispatches. A new format is one module and one line.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import Any, Iterable, Mapping

from timeline.model import SEVERITIES, Finding, Report


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    target: str  # "module:function"
    machine: bool = False  # read by programs: no progress bar, no colour

    def function(self):
        module, name = self.target.split(":")
        return getattr(import_module(module), name)


REPORT_FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("text", "timeline.render.text:render_text"),
        Format("json", "timeline.render.json:render_json", machine=True),
        Format("sarif", "timeline.render.sarif:render_sarif", machine=True),
        Format("github", "timeline.render.github:render_github"),
        Format("html", "timeline.render.html:render_html"),
    )
}
DATES_FORMATS = ("text", "json", "timeml")  # timeline.render.dates.render_dates
GRAPH_FORMATS = ("json", "dot", "graphml")  # timeline.render.graph.export_graph
LIST_FORMATS = ("text", "json")  # officials, events (timeline.render.listing), rules (timeline.render.rules)
EVENTS_FORMATS = (*LIST_FORMATS, "html")  # `timeline events`: html draws each official's time axis

_RANK = {severity: n for n, severity in enumerate(SEVERITIES)}


def is_machine_format(fmt: str | None) -> bool:
    """Whether a report format is read by programs (json, sarif): no progress bar on the terminal."""
    entry = REPORT_FORMATS.get(fmt or "text")
    return entry is not None and entry.machine


def rule_index(catalog: Iterable[Any] | Mapping[str, Any] | None) -> dict[str, Any]:
    """code -> Rule; the packaged catalog when none is given."""
    if catalog is None:
        from timeline.checks.catalog import load_catalog

        catalog = load_catalog()
    if isinstance(catalog, Mapping):
        return dict(catalog)
    return {rule.code: rule for rule in catalog}


def message_of(finding: Finding, rules: Mapping[str, Any], lang: str) -> str:
    """The finding's message in `lang` from its rule's template; a readable fallback without a rule."""
    rule = rules.get(finding.code)
    if rule is not None:
        return rule.format_message({**finding.args, "official": finding.official_name or "-"}, lang)
    from timeline.checks.catalog import format_arg

    listed = ", ".join(f"{k}={format_arg(v, lang)}" for k, v in sorted(finding.args.items()))
    return f"{finding.rule}: {listed}" if listed else finding.rule


def ordered(findings: Iterable[Finding]) -> list[Finding]:
    """Findings in report order: severity, code, official, then where the first claim is."""

    def key(f: Finding) -> tuple:
        first = f.evidence[0] if f.evidence else None
        where = (first.path, first.line, first.column) if first else ("", 0, 0)
        return (_RANK.get(f.severity, len(_RANK)), f.code, f.official_name or "", *where, f.id)

    return sorted(findings, key=key)


def counts(findings: Iterable[Finding]) -> dict[str, int]:
    """Findings per severity, baseline-accepted ones left out."""
    out = {severity: 0 for severity in SEVERITIES}
    for f in findings:
        if not f.suppressed:
            out[f.severity] = out.get(f.severity, 0) + 1
    return out


def render(
    report: Report,
    fmt: str,
    lang: str = "id",
    catalog: Iterable[Any] | Mapping[str, Any] | None = None,
    **options: Any,
) -> str:
    """The report in a registered format; `options` go to that renderer (`color` for text, `root` for
    sarif, `sources` and `max_trip_days` for html)."""
    entry = REPORT_FORMATS.get(fmt)
    if entry is None:
        from timeline.errors import InputError

        raise InputError(None, "cli.unknown_format", name=fmt, known=", ".join(REPORT_FORMATS))
    return entry.function()(report, lang, rule_index(catalog), **options)
