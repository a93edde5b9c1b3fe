"""The baseline: finding ids an archive has accepted, so only new findings fail a run.

File shape: {"schema_version": 1, "findings": [{"id", "code", "official", "summary"}]}; only the ids
matter when reading, the rest is there for the people who review the file.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Sequence

from timeline.errors import InputError
from timeline.lang import Text
from timeline.model import Finding

SCHEMA_VERSION = 1

def _error(path: Path | str, key: str, reason: object, line: int | None = None) -> InputError:
    return InputError(str(path), f"baseline.{key}", line, reason=reason)


def _summary(finding: Finding) -> str:
    """One English line naming the rule and the claims, for a human reviewing the baseline."""
    claims = "; ".join(f"{e.text} ({e.path})" for e in finding.evidence)
    return f"{finding.rule}: {claims}" if claims else finding.rule


def baseline_json(findings: Iterable[Finding]) -> str:
    """The baseline file's text: one entry per distinct id, sorted, so the file diffs cleanly."""
    entries: dict[str, dict[str, str | None]] = {}
    for f in findings:
        entries.setdefault(
            f.id, {"id": f.id, "code": f.code, "official": f.official_name or f.official_id, "summary": _summary(f)}
        )
    payload = {"schema_version": SCHEMA_VERSION, "findings": [entries[k] for k in sorted(entries)]}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def write_baseline(path: Path | str, findings: Iterable[Finding]) -> int:
    """Write every finding as accepted; returns how many entries were written."""
    text = baseline_json(findings)
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise _error(path, "unwritable", exc.strerror or str(exc)) from None
    return len(json.loads(text)["findings"])


def load_baseline(path: Path | str) -> set[str]:
    """The accepted finding ids; InputError naming the file (and line) when it cannot be used."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise _error(path, "unreadable", reason) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _error(path, "not_json", exc.msg, exc.lineno) from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise _error(path, "shape", Text.of("baseline.no_findings_list"))
    if data.get("schema_version") != SCHEMA_VERSION:
        raise _error(path, "shape", Text.of("baseline.schema_version", version=SCHEMA_VERSION))
    ids: set[str] = set()
    for n, entry in enumerate(data["findings"]):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str) or not entry["id"]:
            raise _error(path, "shape", Text.of("baseline.no_id", n=n))
        ids.add(entry["id"])
    return ids


def apply_baseline(
    findings: Sequence[Finding], accepted: set[str] | frozenset[str]
) -> tuple[tuple[Finding, ...], tuple[str, ...]]:
    """Mark accepted findings as suppressed (kept, not dropped); also return accepted ids nothing matched."""
    marked = tuple(replace(f, suppressed=True) if f.id in accepted else f for f in findings)
    seen = {f.id for f in findings}
    stale = tuple(sorted(set(accepted) - seen))
    return marked, stale
