"""Settings for one run: `.timeline.toml` (found from the checked paths upward) plus command-line
overrides, resolved once into a frozen `Settings` that every stage reads.

    lang = "en"                      # id | en
    roster = "officials.yaml"        # relative paths resolve against the config file's directory
    exclude = ["drafts/**", "*.bak"]
    cache_dir = ".timeline-cache"
    max_trip_days = 14               # option of the rules that declare it (TL102, TL104)
    engine = "local"                 # serial | local | dask
    scheduler = "tcp://host:8786"    # the Dask scheduler (engine = "dask"); else a local cluster
    columns = { text = "isi", date = "waktu" }   # CSV/TSV columns of article fields (else known header names)
    [rules]
    select = ["TL1", "weekday-mismatch"]  # codes, code prefixes, names or aliases; default: every rule
    ignore = ["TL901"]
    [rules.severity]
    TL004 = "error"
    [rules.options.TL102]
    max_trip_days = 10
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from timeline.errors import InputError
from timeline.lang import LANGS, Text
from timeline.model import SEVERITIES

CONFIG_NAME = ".timeline.toml"

_TOP = ("lang", "roster", "exclude", "cache_dir", "max_trip_days", "columns", "engine", "scheduler", "rules")
SCHEDULER_ENV = "TIMELINE_DASK_SCHEDULER"  # a scheduler address from the environment (beats the config file)
_RULES = ("select", "ignore", "severity", "options")


@dataclass(frozen=True)
class Settings:
    """Everything a run is configured with. `select` None means every rule; codes are upper-case (TL001).

    `options` maps a rule code to option overrides; `max_trip_days` (top level) overrides that option
    for every rule that declares it.
    """

    lang: str = "id"
    roster: Path | None = None
    exclude: tuple[str, ...] = ()
    select: frozenset[str] | None = None
    ignore: frozenset[str] = frozenset()
    severities: Mapping[str, str] = field(default_factory=dict)
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    max_trip_days: int | None = None
    cache_dir: Path | None = None
    engine: str | None = None  # None: the default engine (timeline.engine.DEFAULT_ENGINE)
    scheduler: str | None = None  # a Dask scheduler address; None: a local cluster
    columns: Mapping[str, str] = field(default_factory=dict)  # article field -> CSV/TSV column name
    root: Path | None = None  # the config file's directory; None when no config file was found
    path: Path | None = None  # the file it came from

    def rule_enabled(self, rule: Any) -> bool:
        """Whether a rule (a Rule or a code) runs: selected (or no selection) and not ignored."""
        code = _code_of(rule)
        return (self.select is None or code in self.select) and code not in self.ignore

    def severity_of(self, rule: Any) -> str:
        """The rule's severity after [rules.severity] overrides."""
        return self.severities.get(_code_of(rule), getattr(rule, "severity", "error"))

    def options_of(self, rule: Any) -> dict[str, Any]:
        """The rule's options: its declared defaults, then `max_trip_days`, then [rules.options.CODE]."""
        out = dict(getattr(rule, "options", {}) or {})
        if self.max_trip_days is not None and "max_trip_days" in out:
            out["max_trip_days"] = self.max_trip_days
        out.update(self.options.get(_code_of(rule), {}))
        return out

    def with_overrides(
        self,
        *,
        lang: str | None = None,
        roster: Path | None = None,
        cache_dir: Path | None = None,
        select: str | Sequence[str] | None = None,
        ignore: str | Sequence[str] | None = None,
        engine: str | None = None,
        scheduler: str | None = None,
        columns: str | None = None,
    ) -> "Settings":
        """Command-line options win over the environment and the file; --select replaces, --ignore adds,
        --columns names columns over those of the file."""
        changes: dict[str, Any] = {}
        if engine is not None:
            changes["engine"] = _engine(engine, "--engine", None, None)
        if scheduler is not None:
            changes["scheduler"] = _scheduler(scheduler, "--scheduler", None, None)
        if lang is not None:
            if lang not in LANGS:
                raise InputError(None, "config.bad_value", key="--lang",
                                 expected=Text.of("config.one_of", choices=", ".join(LANGS), value=repr(lang)))
            changes["lang"] = lang
        if roster is not None:
            changes["roster"] = Path(roster)
        if cache_dir is not None:
            changes["cache_dir"] = Path(cache_dir)
        if select is not None:
            changes["select"] = frozenset(resolve_rules(split_rules(select), None, "--select"))
        if ignore is not None:
            changes["ignore"] = self.ignore | frozenset(resolve_rules(split_rules(ignore), None, "--ignore"))
        if columns is not None:
            changes["columns"] = {**self.columns, **parse_columns_option(columns)}
        return replace(self, **changes)


def _engine(value: Any, key: str, where: str | None, line: int | None) -> str:
    from timeline.engine import ENGINES

    if value not in ENGINES:
        raise InputError(where, "config.bad_value", line, key=key,
                         expected=Text.of("config.one_of", choices=", ".join(ENGINES), value=repr(value)))
    return value


def _scheduler(value: Any, key: str, where: str | None, line: int | None) -> str:
    if not isinstance(value, str) or not value.strip() or any(c.isspace() for c in value.strip()):
        raise InputError(where, "config.bad_value", line, key=key, expected=Text.of("config.a_scheduler"))
    return value.strip()


def _column_fields() -> str:
    from timeline.ingest.readers import FIELDS

    return ", ".join(FIELDS)


def _checked_columns(pairs: Mapping[str, Any]) -> dict[str, str] | None:
    """{field: column} when every field is an article field and every column a non-empty string."""
    from timeline.ingest.readers import FIELDS

    out: dict[str, str] = {}
    for name, column in pairs.items():
        if str(name).strip().lower() not in FIELDS or not isinstance(column, str) or not column.strip():
            return None
        out[str(name).strip().lower()] = column.strip()
    return out


def parse_columns_option(value: str) -> dict[str, str]:
    """`--columns text=isi,date=waktu` -> {"text": "isi", "date": "waktu"}; InputError naming the fields."""
    pairs: dict[str, str] = {}
    for item in value.split(","):
        if not item.strip():
            continue
        name, sep, column = item.partition("=")
        if not sep:
            pairs = {}
            break
        pairs[name] = column
    checked = _checked_columns(pairs) if pairs else None
    if checked is None:
        raise InputError(None, "config.bad_value", key="--columns",
                         expected=Text.of("config.columns_option", fields=_column_fields()))
    return checked


def _code_of(rule: Any) -> str:
    return rule.code if hasattr(rule, "code") else str(rule).upper()


def split_rules(value: str | Sequence[str]) -> list[str]:
    """"TL001, date-conflict" or a list -> names, blanks dropped."""
    items = value.split(",") if isinstance(value, str) else list(value)
    return [item.strip() for item in items if item.strip()]


def resolve_rules(names: Iterable[str], path: str | None, key: str) -> list[str]:
    """Codes for rule codes, code prefixes ("TL1"), names or aliases; InputError naming the file and key."""
    from timeline.checks.catalog import select_rules

    codes: list[str] = []
    for name in names:
        try:
            codes.extend(r.code for r in select_rules(name))
        except InputError as exc:
            raise InputError(path, "config.rule", key=key, reason=exc.text) from None
    return codes


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


def parse_settings(text: str, path: Path) -> Settings:
    """Settings from the text of a config file at `path` (relative paths resolve against its folder)."""
    where = str(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(where, "config.toml", reason=str(exc)) from None
    root = path.parent.resolve()

    def fail(key: str, expected: Text, line_key: str | None = None) -> InputError:
        return InputError(where, "config.bad_value", _line_of(text, line_key or key.rsplit(".", 1)[-1]),
                          key=key, expected=expected)

    def unknown(table: Mapping[str, Any], known: Sequence[str], prefix: str) -> None:
        for key in table:
            if key not in known:
                raise InputError(where, "config.unknown_key", _line_of(text, key), key=prefix + key,
                                 known=", ".join(known))

    unknown(data, _TOP, "")
    lang = data.get("lang", "id")
    if lang not in LANGS:
        raise fail("lang", Text.of("config.one_of", choices=", ".join(LANGS), value=repr(lang)))

    def a_path(key: str) -> Path | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value:
            raise fail(key, Text.of("config.a_path"))
        return (root / Path(value).expanduser()).resolve()

    exclude = data.get("exclude", [])
    if not isinstance(exclude, list) or not all(isinstance(g, str) and g for g in exclude):
        raise fail("exclude", Text.of("config.globs"))
    max_trip_days = data.get("max_trip_days")
    if max_trip_days is not None and not _trip_days_ok(max_trip_days):
        raise fail("max_trip_days", Text.of("config.trip_days"))

    columns = data.get("columns", {})
    checked_columns = _checked_columns(columns) if isinstance(columns, dict) else None
    if checked_columns is None:
        raise fail("columns", Text.of("config.columns", fields=_column_fields()))

    rules = data.get("rules", {})
    if not isinstance(rules, dict):
        raise fail("rules", Text.of("config.table"))
    unknown(rules, _RULES, "rules.")

    def rule_list(key: str) -> list[str] | None:
        if key not in rules:
            return None
        value = rules[key]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(f"rules.{key}", Text.of("config.rule_list"))
        return resolve_rules(value, where, f"rules.{key}")

    select = rule_list("select")
    ignore = rule_list("ignore") or []
    severity_table = rules.get("severity", {})
    if not isinstance(severity_table, dict):
        raise fail("rules.severity", Text.of("config.severity_table"))
    severities: dict[str, str] = {}
    for name, severity in severity_table.items():
        if severity not in SEVERITIES:
            raise fail(f"rules.severity.{name}",
                       Text.of("config.one_of", choices=", ".join(SEVERITIES), value=repr(severity)), name)
        for code in resolve_rules([name], where, f"rules.severity.{name}"):
            severities[code] = severity
    options = _rule_options(rules.get("options", {}), where, text, fail)
    engine = _engine(data["engine"], "engine", where, _line_of(text, "engine")) if "engine" in data else None
    scheduler = (_scheduler(data["scheduler"], "scheduler", where, _line_of(text, "scheduler"))
                 if "scheduler" in data else None)
    return Settings(
        lang=lang,
        roster=a_path("roster"),
        exclude=tuple(exclude),
        select=frozenset(select) if select is not None else None,
        ignore=frozenset(ignore),
        severities=severities,
        options=options,
        max_trip_days=max_trip_days,
        cache_dir=a_path("cache_dir"),
        engine=engine,
        scheduler=scheduler,
        columns=checked_columns,
        root=root,
        path=path,
    )


def _trip_days_ok(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 366


def _rule_options(table: Any, where: str, text: str, fail) -> dict[str, dict[str, Any]]:
    """[rules.options.CODE] tables, checked against the options each rule declares in its file."""
    from timeline.checks.catalog import get_rule

    if not isinstance(table, dict):
        raise fail("rules.options", Text.of("config.table"))
    out: dict[str, dict[str, Any]] = {}
    for name, values in table.items():
        if not isinstance(values, dict):
            raise fail(f"rules.options.{name}", Text.of("config.table"), name)
        for code in resolve_rules([name], where, f"rules.options.{name}"):
            rule = get_rule(code)
            _check_options(rule, values, where, text, name, fail)
            out[rule.code] = dict(values)
    return out


def _check_options(rule, values: Mapping[str, Any], where: str, text: str, name: str, fail) -> None:
    for option, value in values.items():
        if option not in rule.options:
            raise InputError(where, "config.rule_option", _line_of(text, option), rule=rule.code,
                             option=option, known=", ".join(rule.options) or "-")
        default = rule.options[option]
        if type(value) is not type(default) or (option == "max_trip_days" and not _trip_days_ok(value)):
            raise fail(f"rules.options.{name}.{option}",
                       Text.of("config.option_type", expected=type(default).__name__), option)


def load_settings(paths: Sequence[str | Path], explicit: Path | None = None) -> Settings:
    """The settings for a run over `paths`: `explicit` if given, else the first config found upward,
    else defaults."""
    path = Path(explicit) if explicit is not None else find_config(paths)
    if path is None:
        return _from_environment(Settings())
    if not path.is_file():
        raise InputError(str(path), "config.not_found")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), "config.unreadable", reason=getattr(exc, "strerror", None) or str(exc)) from None
    return _from_environment(parse_settings(text, path))


def _from_environment(settings: Settings) -> Settings:
    """TIMELINE_DASK_SCHEDULER, when set, names the scheduler (over the config file's)."""
    value = os.environ.get(SCHEDULER_ENV, "").strip()
    if not value:
        return settings
    return replace(settings, scheduler=_scheduler(value, SCHEDULER_ENV, None, None))
