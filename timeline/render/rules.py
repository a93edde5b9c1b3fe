"""`timeline rules`: the catalog as a table, one rule explained with its examples, or JSON."""

from __future__ import annotations

import json
from typing import Any, Sequence

from timeline.checks.catalog import Rule, get_rule, load_catalog
from timeline.lang import label, message


def list_rules(lang: str = "id", rules: Sequence[Rule] | None = None) -> str:
    """A plain table of the catalog: code, name, severity, summary."""
    rules = list(rules if rules is not None else load_catalog())
    head = [label(k, lang) for k in ("code", "name", "severity", "summary")]
    rows = [[r.code, r.name, label(r.severity, lang), r.text("summary", lang)] for r in rules]
    widths = [max(len(row[i]) for row in [head, *rows]) for i in range(3)]
    lines = []
    for row in [head, *rows]:
        lines.append("  ".join(cell.ljust(w) for cell, w in zip(row[:3], widths)) + "  " + row[3])
    return "\n".join(lines) + "\n"


def _indent(text: str, prefix: str = "    ") -> str:
    return "\n".join(prefix + line if line.strip() else "" for line in text.strip("\n").splitlines())


def explain(rule: Rule, lang: str = "id") -> str:
    """`timeline rules NAME`: what the rule checks, why, its message and help, and its examples."""
    title = f"{rule.code} {rule.name} ({label(rule.severity, lang)})"
    parts = [title, "=" * len(title)]
    if rule.aliases:
        parts.append(f"{label('aliases', lang)}: {', '.join(rule.aliases)}")
    parts.append(f"{label('scope', lang)}: {message(f'scope.{rule.scope}', lang)}")
    if rule.options:
        parts.append(f"{label('options', lang)}: " + ", ".join(f"{k} = {v}" for k, v in rule.options.items()))
    parts += [
        "",
        f"{label('what', lang)}:",
        _indent(rule.text("summary", lang)),
        "",
        f"{label('why', lang)}:",
        _indent(rule.text("rationale", lang)),
        "",
        f"{label('message', lang)}:",
        _indent(rule.text("message", lang)),
        "",
        f"{label('help', lang)}:",
        _indent(rule.text("help", lang)),
    ]
    for kind, examples in (("bad", rule.bad), ("good", rule.good)):
        parts += ["", f"{label(kind, lang)}:"]
        for n, ex in enumerate(examples, 1):
            suffix = f" ({label('expect', lang)}: {ex.count})" if kind == "bad" else ""
            parts.append(f"  {n}.{suffix}")
            note = ex.note_in(lang)
            if note:
                parts.append(_indent(note))
            for name, text in ex.files:
                parts += [f"    --- {name}", _indent(text, "      ")]
    return "\n".join(parts) + "\n"


def rule_json(rule: Rule, lang: str | None = None) -> dict[str, Any]:
    """One rule as JSON-ready data (both languages unless `lang`)."""
    return rule.to_json(lang)


def rules_json(rules: Sequence[Rule] | None = None, lang: str | None = None) -> str:
    """The catalog as JSON: {"schema_version": 1, "rules": [...]}."""
    rules = list(rules if rules is not None else load_catalog())
    payload = {"schema_version": 1, "rules": [r.to_json(lang) for r in rules]}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def render_rules(name: str | None, lang: str = "id", fmt: str = "text") -> str:
    """What `timeline rules [NAME]` prints: the catalog or one rule, as text or as JSON
    ({"schema_version": 1, "rules": [...]} for the catalog, the rule's object for one rule)."""
    rules = load_catalog()
    if name:
        rule = get_rule(name, rules)
        if fmt == "json":
            return json.dumps(rule.to_json(), ensure_ascii=False, indent=2) + "\n"
        return explain(rule, lang)
    return rules_json(rules) if fmt == "json" else list_rules(lang, rules)
