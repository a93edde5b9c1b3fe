"""`.timeline.toml`: per-archive settings, found from the checked paths upward.

    lang = "en"                      # id | en
    roster = "officials.yaml"        # relative paths resolve against the config file's directory
    exclude = ["drafts/**", "*.bak"]
    cache_dir = ".timeline-cache"
    max_trip_days = 14               # how long a trip with no reported return is assumed to last
    [rules]
    select = ["TL001", "date-conflict"]   # codes, names or aliases; default: every rule
    ignore = ["TL901"]
    [rules.severity]
    TL004 = "error"
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from timeline.errors import InputError
from timeline.records import SEVERITIES

CONFIG_NAME = ".timeline.toml"
LANGS = ("id", "en")
DEFAULT_MAX_TRIP_DAYS = 14

MESSAGES = {
    "unknown_key": {"en": "unknown key '{key}' (known: {known})", "id": "kunci '{key}' tidak dikenal (yang dikenal: {known})"},
    "bad_value": {"en": "'{key}' {expected}", "id": "'{key}' {expected}"},
    "not_found": {"en": "config file not found", "id": "berkas konfigurasi tidak ditemukan"},
    "unreadable": {"en": "cannot read the config ({reason})", "id": "konfigurasi tidak bisa dibaca ({reason})"},
    "toml": {"en": "invalid TOML: {reason}", "id": "TOML tidak sah: {reason}"},
    "rule": {"en": "'{key}': {reason}", "id": "'{key}': {reason}"},
}

_TOP = ("lang", "roster", "exclude", "cache_dir", "max_trip_days", "rules")
_RULES = ("select", "ignore", "severity")


@dataclass(frozen=True)
class Config:
    """Settings for one run. `select` None means every rule; codes are stored upper-case (TL001)."""

    lang: str = "id"
    roster: Path | None = None
    exclude: tuple[str, ...] = ()
    select: frozenset[str] | None = None
    ignore: frozenset[str] = frozenset()
    severities: Mapping[str, str] = field(default_factory=dict)
    cache_dir: Path | None = None
    max_trip_days: int = DEFAULT_MAX_TRIP_DAYS
    root: Path | None = None  # the config file's directory; None when no config file was found
    path: Path | None = None  # the file it came from

    def rule_enabled(self, rule: Any) -> bool:
        """Whether a rule (a Rule or a code) runs: selected (or no selection) and not ignored."""
        code = _code_of(rule)
        return (self.select is None or code in self.select) and code not in self.ignore

    def severity_of(self, rule: Any) -> str:
        """The rule's severity after [rules.severity] overrides."""
        return self.severities.get(_code_of(rule), getattr(rule, "severity", "error"))

    def with_overrides(
        self,
        *,
        lang: str | None = None,
        roster: Path | None = None,
        cache_dir: Path | None = None,
        select: str | Sequence[str] | None = None,
        ignore: str | Sequence[str] | None = None,
    ) -> "Config":
        """Command-line options win over the file; --select replaces, --ignore adds."""
        changes: dict[str, Any] = {}
        if lang is not None:
            changes["lang"] = _lang(lang, None, "--lang")
        if roster is not None:
            changes["roster"] = Path(roster)
        if cache_dir is not None:
            changes["cache_dir"] = Path(cache_dir)
        if select is not None:
            changes["select"] = frozenset(resolve_rules(split_rules(select), None, "--select"))
        if ignore is not None:
            changes["ignore"] = self.ignore | frozenset(resolve_rules(split_rules(ignore), None, "--ignore"))
        return replace(self, **changes)


def _code_of(rule: Any) -> str:
    return rule.code if hasattr(rule, "code") else str(rule).upper()


def split_rules(value: str | Sequence[str]) -> list[str]:
    """"TL001, date-conflict" or a list -> names, blanks dropped."""
    items = value.split(",") if isinstance(value, str) else list(value)
    return [item.strip() for item in items if item.strip()]


def resolve_rules(names: Iterable[str], path: str | None, key: str) -> list[str]:
    """Codes for rule codes, names or aliases; InputError naming the file and key otherwise."""
    from timeline.catalog import get_rule

    codes = []
    for name in names:
        try:
            codes.append(get_rule(name).code)
        except InputError as exc:
            raise InputError(path, MESSAGES["rule"]["en"].format(key=key, reason=exc.message)) from None
    return codes


def _lang(value: Any, path: str | None, key: str) -> str:
    if value not in LANGS:
        raise InputError(path, MESSAGES["bad_value"]["en"].format(key=key, expected=f"must be one of {', '.join(LANGS)}, not {value!r}"))
    return value


def _line_of(text: str, key: str) -> int | None:
    """The first line that assigns `key` (best effort; tomllib gives no positions)."""
    match = re.search(rf"^[ \t]*[\"']?{re.escape(key)}[\"']?\s*=", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else None


def find_config(paths: Sequence[str | Path]) -> Path | None:
    """The first `.timeline.toml` found walking up from each checked path, in the order given."""
    for raw in paths or ["."]:
        start = Path(raw).resolve()
        if not start.is_dir():
            start = start.parent
        for folder in (start, *start.parents):
            candidate = folder / CONFIG_NAME
            if candidate.is_file():
                return candidate
    return None


def parse_config(text: str, path: Path) -> Config:
    """A Config from the text of a config file at `path` (relative paths resolve against its folder)."""
    where = str(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(where, MESSAGES["toml"]["en"].format(reason=exc)) from None
    root = path.parent.resolve()

    def fail(key: str, expected: str, line_key: str | None = None) -> InputError:
        message = MESSAGES["bad_value"]["en"].format(key=key, expected=expected)
        return InputError(where, message, _line_of(text, line_key or key.rsplit(".", 1)[-1]))

    def unknown(table: Mapping[str, Any], known: Sequence[str], prefix: str) -> None:
        for key in table:
            if key not in known:
                message = MESSAGES["unknown_key"]["en"].format(key=prefix + key, known=", ".join(known))
                raise InputError(where, message, _line_of(text, key))

    unknown(data, _TOP, "")
    lang = data.get("lang", "id")
    if lang not in LANGS:
        raise fail("lang", f"must be one of {', '.join(LANGS)}, not {lang!r}")

    def a_path(key: str) -> Path | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value:
            raise fail(key, "must be a path (a string)")
        return (root / Path(value).expanduser()).resolve()

    exclude = data.get("exclude", [])
    if not isinstance(exclude, list) or not all(isinstance(g, str) and g for g in exclude):
        raise fail("exclude", "must be a list of glob patterns (strings)")
    max_trip_days = data.get("max_trip_days", DEFAULT_MAX_TRIP_DAYS)
    if not isinstance(max_trip_days, int) or isinstance(max_trip_days, bool) or not 1 <= max_trip_days <= 366:
        raise fail("max_trip_days", "must be a whole number of days between 1 and 366")

    rules = data.get("rules", {})
    if not isinstance(rules, dict):
        raise fail("rules", "must be a table")
    unknown(rules, _RULES, "rules.")

    def rule_list(key: str) -> list[str] | None:
        if key not in rules:
            return None
        value = rules[key]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(f"rules.{key}", "must be a list of rule codes or names")
        return resolve_rules(value, where, f"rules.{key}")

    select = rule_list("select")
    ignore = rule_list("ignore") or []
    severity_table = rules.get("severity", {})
    if not isinstance(severity_table, dict):
        raise fail("rules.severity", "must be a table of rule = severity")
    severities: dict[str, str] = {}
    for name, severity in severity_table.items():
        (code,) = resolve_rules([name], where, f"rules.severity.{name}")
        if severity not in SEVERITIES:
            raise fail(f"rules.severity.{name}", f"must be one of {', '.join(SEVERITIES)}, not {severity!r}", name)
        severities[code] = severity
    return Config(
        lang=lang,
        roster=a_path("roster"),
        exclude=tuple(exclude),
        select=frozenset(select) if select is not None else None,
        ignore=frozenset(ignore),
        severities=severities,
        cache_dir=a_path("cache_dir"),
        max_trip_days=max_trip_days,
        root=root,
        path=path,
    )


def load_config(paths: Sequence[str | Path], explicit: Path | None = None) -> Config:
    """The config for a run over `paths`: `explicit` if given, else the first one found upward, else defaults."""
    path = Path(explicit) if explicit is not None else find_config(paths)
    if path is None:
        return Config()
    if not path.is_file():
        raise InputError(str(path), MESSAGES["not_found"]["en"])
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), MESSAGES["unreadable"]["en"].format(reason=getattr(exc, "strerror", None) or exc)) from None
    return parse_config(text, path)
