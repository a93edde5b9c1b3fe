"""GitHub Actions workflow commands: one annotation per finding, capped per severity."""

from __future__ import annotations

from typing import Any, Mapping

from timeline.model import Finding, Report
from timeline.render import message_of, ordered
from timeline.lang import label, message

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
# GitHub shows about 10 annotations of each kind per step; the 11th and later are dropped, so the
# summary annotation takes the 10th place to stay visible.
LIMIT = 10


def escape_data(text: str) -> str:
    """The message part of a workflow command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (file, title ...): like data, plus ':' and ','."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **properties: Any) -> str:
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items() if v is not None)
    return f"::{kind} {props}::{escape_data(message)}" if props else f"::{kind}::{escape_data(message)}"


def annotation(f: Finding, rules: Mapping[str, Any], lang: str) -> str:
    """One finding: located at its first claim; the other claims follow on their own lines."""
    lines = [message_of(f, rules, lang)]
    for e in f.evidence[1:]:
        lines.append(f"{e.path}:{e.line}:{e.column}: {e.text}")
    first = f.evidence[0] if f.evidence else None
    return command(
        COMMANDS.get(f.severity, "warning"),
        "\n".join(lines),
        file=first.path if first else None,
        line=first.line if first else None,
        col=first.column if first else None,
        title=f"{f.code} {f.rule}",
    )


def render_github(report: Report, lang: str, rules: Mapping[str, Any], limit: int = LIMIT, **_: Any) -> str:
    """Annotations for findings not accepted by the baseline; beyond `limit` of a kind, one summary."""
    by_severity: dict[str, list[Finding]] = {}
    for f in ordered(report.findings):
        if not f.suppressed:
            by_severity.setdefault(f.severity, []).append(f)
    lines: list[str] = []
    for severity, findings in by_severity.items():
        shown = findings if len(findings) <= limit else findings[: limit - 1]
        lines += [annotation(f, rules, lang) for f in shown]
        hidden = len(findings) - len(shown)
        if hidden:
            text = message("label.more", lang, count=hidden, severity=label(severity, lang))
            lines.append(command(COMMANDS.get(severity, "warning"), text, title="timeline"))
    return "\n".join(lines) + ("\n" if lines else "")
