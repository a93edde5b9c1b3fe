"""The JSON report (schema_version 1), documented by timeline/render/schema.json."""

from __future__ import annotations

import json
from dataclasses import replace
from json.encoder import encode_basestring
from typing import Any, Mapping

from timeline.model import EventClaim, Finding, InputProblem, Location, Report
from timeline.render import counts, message_of, ordered

SCHEMA_VERSION = 1


def _problem(p: InputProblem, lang: str) -> dict[str, Any]:
    out: dict[str, Any] = {"path": p.path, "error": p.text.render(lang)}
    if p.line:
        out["line"] = p.line
    return out


def event_json(claim: EventClaim) -> dict[str, Any]:
    """One event claim as listed under its official."""
    expression = claim.date
    date = None
    if expression is not None and expression.value is not None:
        date = {**expression.value.to_json(), "granularity": expression.granularity}
    return {
        "id": claim.id,
        "type": claim.type,
        "date": date,
        "place": claim.place.text if claim.place else None,
        "modality": claim.modality,
        "path": claim.location.path,
        "line": claim.location.line,
        "column": claim.location.column,
        **_text_position(claim.location),
    }


def _text_position(location: Location) -> dict[str, int]:
    if location.text_line is None:
        return {}
    return {"text_line": location.text_line, "text_column": location.text_column}


def finding_json(f: Finding, rules: Mapping[str, Any], lang: str) -> dict[str, Any]:
    """One discrepancy."""
    out: dict[str, Any] = {
        "id": f.id,
        "rule": f.rule,
        "code": f.code,
        "severity": f.severity,
        "message": message_of(f, rules, lang),
        "official": {"id": f.official_id, "name": f.official_name} if f.official_id or f.official_name else None,
        "event": {"type": f.event_type, "place": f.place},
        "claims": [e.to_json() for e in f.evidence],
        "companions": list(f.companions),
        "suggestions": [s.to_json(lang) for s in f.suggestions],
    }
    if f.suppressed:
        out["suppressed"] = True
    return out


def report_json(report: Report, lang: str, rules: Mapping[str, Any]) -> dict[str, Any]:
    """The report as a JSON-ready dict."""
    from timeline import __version__

    payload: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "timeline", "version": __version__},
        "inputs": {"articles": report.articles, "skipped": [_problem(p, lang) for p in report.skipped]},
        "officials": [
            {
                "id": o.id,
                "name": o.name,
                "roles": [str(r) for r in o.roles],
                "events": [event_json(c) for c in report.events.get(o.id, ())],
            }
            for o in report.officials
        ],
        "discrepancies": [finding_json(f, rules, lang) for f in ordered(report.findings)],
        "summary": counts(report.findings),
    }
    if report.stale_baseline:
        payload["stale_baseline"] = list(report.stale_baseline)
    return payload


def render_json(report: Report, lang: str, rules: Mapping[str, Any], **_: Any) -> str:
    """The report as JSON text, equal to `json.dumps(report_json(...), ensure_ascii=False, indent=2)`
    but built one official at a time (a 50,000-article archive lists some 250,000 events, and holding
    them all as dicts doubled the peak memory) and written by `pretty` (json's indenting encoder is
    pure Python and was half of a warm run's time). An official's events that carry their listing
    already (`json_listing`: a warm run's cached result) are not rendered again."""
    payload = report_json(replace(report, officials=()), lang, rules)
    head, tail = pretty(payload).split('"officials": []', 1)
    parts = [head, '"officials": ', "[\n" if report.officials else "[]"]  # joined once: no copy of the whole
    for n, o in enumerate(report.officials):
        events = report.events.get(o.id, ())
        listing = getattr(events, "json_listing", None)
        if listing is None:
            listing = events_listing(events)
        about = pretty({"id": o.id, "name": o.name, "roles": [str(r) for r in o.roles]}, _OFFICIAL)
        parts += (",\n" if n else "", _OFFICIAL, about[: -len(_OFFICIAL) - 2], ',\n      "events": ', listing,
                  "\n", _OFFICIAL, "}")
    if report.officials:
        parts.append("\n  ]")
    parts += (tail, "\n")
    return "".join(parts)


_OFFICIAL = "    "  # an official's indent in the report (the officials list of the top-level object)


def events_listing(claims) -> str:
    """An official's events as the JSON report lists them (the value of its "events", indented for its
    place in the report). The results cache keeps it beside each official's result, so a warm report
    neither decodes nor renders the events of an official whose inputs did not change."""
    return pretty([event_json(c) for c in claims], _OFFICIAL + "  ")


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


_SCALARS = {
    str: encode_basestring,
    int: int.__repr__,
    bool: lambda value: "true" if value else "false",
    type(None): lambda value: "null",
    float: _float,
}


def pretty(value: Any, indent: str = "") -> str:
    """`json.dumps(value, ensure_ascii=False, indent=2)` for JSON-ready values (dicts with string keys,
    lists, strings, numbers, booleans, None), at the C string encoder's speed; anything else goes to
    json.dumps itself, indented the same way."""
    kind = type(value)
    if kind is dict:
        if not value:
            return "{}"
        inner = indent + "  "
        parts = []
        for key, item in value.items():
            if type(key) is not str:
                return _fallback(value, indent)
            scalar = _SCALARS.get(type(item))
            parts.append(encode_basestring(key) + ": " + (scalar(item) if scalar else pretty(item, inner)))
        return "{\n" + inner + (",\n" + inner).join(parts) + "\n" + indent + "}"
    if kind is list or kind is tuple:
        if not value:
            return "[]"
        inner = indent + "  "
        parts = [_SCALARS[type(item)](item) if type(item) in _SCALARS else pretty(item, inner) for item in value]
        return "[\n" + inner + (",\n" + inner).join(parts) + "\n" + indent + "]"
    scalar = _SCALARS.get(kind)
    return scalar(value) if scalar else _fallback(value, indent)


def _fallback(value: Any, indent: str) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + indent)


def schema() -> dict[str, Any]:
    """The JSON Schema of the report, shipped in the package."""
    from importlib import resources

    return json.loads(resources.files("timeline.render").joinpath("schema.json").read_text(encoding="utf-8"))
