"""SARIF 2.1.0 as GitHub code scanning reads it: rules with docs, one result per finding."""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath
from typing import Any, Mapping

from timeline.model import Evidence, Finding, Report
from timeline.render import message_of, ordered
from timeline.lang import label, message

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/timeline/timeline"
FINGERPRINT_KEY = "timelineFindingId/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str, root: str | None = None) -> str:
    """A relative POSIX uri for a path: relative to `root` (default: the working directory) when inside it."""
    posix = path.replace("\\", "/")
    p = Path(path)
    if p.is_absolute():
        base = Path(root) if root else Path.cwd()
        try:
            return PurePosixPath(p.resolve().relative_to(base.resolve())).as_posix()
        except ValueError:
            return p.resolve().as_uri()
    return str(PurePosixPath(posix)).removeprefix("./")


def _location(e: Evidence, root: str | None) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": e.line, "startColumn": e.column, "snippet": {"text": e.quote}}
    if e.text_line is not None:  # where the claim is in the article's own text (a JSON string, a web page's text)
        region["properties"] = {"text_line": e.text_line, "text_column": e.text_column}
    return {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(e.path, root)}, "region": region}}


def _describe(e: Evidence) -> str:
    value = ""
    if e.date is not None:
        start, end = e.date.start.isoformat(), e.date.end.isoformat()
        value = f" = {start}" if start == end else f" = {start}..{end}"
    source = ", ".join(x for x in (e.outlet, e.published.isoformat() if e.published else None) if x)
    return f"\"{e.text}\"{value}" + (f" ({source})" if source else "")


def rule_descriptor(rule: Any, lang: str) -> dict[str, Any]:
    """A reportingDescriptor for tool.driver.rules."""
    help_text = rule.text("help", lang)
    rationale = rule.text("rationale", lang)
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.text("summary", lang)},
        "fullDescription": {"text": f"{rule.text('summary', lang)} {rationale}"},
        "help": {
            "text": f"{help_text}\n\n{rationale}",
            "markdown": f"**{rule.code} {rule.name}**\n\n{help_text}\n\n{rationale}\n\n" + message("label.examples_hint", lang, name=rule.name),
        },
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": ["timeline", rule.name], "precision": "high"},
    }


def result(f: Finding, rules: Mapping[str, Any], lang: str, rule_ids: list[str], root: str | None) -> dict[str, Any]:
    """One SARIF result: first claim in locations[0], the others as relatedLocations."""
    text = message_of(f, rules, lang)
    related = []
    for n, e in enumerate(f.evidence[1:], 1):
        related.append({"id": n, **_location(e, root), "message": {"text": _describe(e)}})
    if related:
        links = ", ".join(f"[{label('also', lang)} {r['id']}]({r['id']})" for r in related)
        text = f"{text} ({links})"
    out: dict[str, Any] = {
        "ruleId": f.code,
        "level": LEVELS.get(f.severity, "warning"),
        "message": {"text": text},
        "locations": [_location(f.evidence[0], root)] if f.evidence else [],
        "partialFingerprints": {FINGERPRINT_KEY: f.id},
        "properties": {"rule": f.rule, "official": f.official_name, "companions": list(f.companions)},
    }
    if f.code in rule_ids:
        out["ruleIndex"] = rule_ids.index(f.code)
    if related:
        out["relatedLocations"] = related
    if f.suppressed:
        out["suppressions"] = [
            {"kind": "external", "status": "accepted", "justification": label("accepted_justification", lang)}
        ]
    return out


def sarif_log(report: Report, lang: str, rules: Mapping[str, Any], root: str | None = None) -> dict[str, Any]:
    from timeline import __version__

    catalog = sorted(rules.values(), key=lambda r: r.code)
    rule_ids = [r.code for r in catalog]
    notifications = [
        {
            "level": "error" if p.fatal else "warning",
            "message": {"text": p.text.render(lang)},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(p.path, root)},
                                                **({"region": {"startLine": p.line}} if p.line else {})}}],
        }
        for p in (*report.skipped, *report.warnings)
    ]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "timeline",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [rule_descriptor(r, lang) for r in catalog],
                    }
                },
                "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": notifications}],
                "columnKind": "unicodeCodePoints",
                "results": [result(f, rules, lang, rule_ids, root) for f in ordered(report.findings)],
            }
        ],
    }


def render_sarif(report: Report, lang: str, rules: Mapping[str, Any], root: str | None = None, **_: Any) -> str:
    return json.dumps(sarif_log(report, lang, rules, root), ensure_ascii=False, indent=2) + "\n"
