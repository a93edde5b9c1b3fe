"""Renderers of a check Report: text (people), json (data desks), sarif (code scanning), github (CI)."""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from timeline.records import SEVERITIES, Finding, Report

FORMATS = ("text", "json", "sarif", "github")
_RANK = {severity: n for n, severity in enumerate(SEVERITIES)}


def rule_index(catalog: Iterable[Any] | None) -> dict[str, Any]:
    """code -> Rule; the packaged catalog when none is given."""
    if catalog is None:
        from timeline.catalog import load_catalog

        catalog = load_catalog()
    if isinstance(catalog, Mapping):
        return dict(catalog)
    return {rule.code: rule for rule in catalog}


def message_of(finding: Finding, rules: Mapping[str, Any], lang: str) -> str:
    """The finding's message in `lang` from its rule's template; a readable fallback without a rule."""
    rule = rules.get(finding.code)
    if rule is not None:
        return rule.format_message(finding.args, lang)
    args = ", ".join(f"{k}={v}" for k, v in sorted(finding.args.items()))
    return f"{finding.rule}: {args}" if args else finding.rule


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
    *,
    color: bool = False,
    root: str | None = None,
) -> str:
    """The report as text, json, sarif or github; `color` only affects text."""
    rules = rule_index(catalog)
    if fmt == "text":
        from timeline.report.text import render_text

        return render_text(report, lang, rules, color=color)
    if fmt == "json":
        from timeline.report.json import render_json

        return render_json(report, lang, rules)
    if fmt == "sarif":
        from timeline.report.sarif import render_sarif

        return render_sarif(report, lang, rules, root=root)
    if fmt == "github":
        from timeline.report.github import render_github

        return render_github(report, lang, rules)
    raise ValueError(f"unknown report format {fmt!r} (expected one of {', '.join(FORMATS)})")
