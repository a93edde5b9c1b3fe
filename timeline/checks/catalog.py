"""The rule catalog: one TOML file per rule in `rules/`, shipped inside the package as `timeline.rules`.

A rule file is documentation and test data at once: code, name, severity, the check it runs, its scope
(one article, or one official's claims across the archive) and options, message templates in Indonesian
and English, help, rationale, and small example archives that must (bad) or must never (good) make the
rule fire. Loading validates every file against the check registry.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from timeline.errors import InputError
from timeline.lang import LANGS, Text, placeholders
from timeline.model import SCOPES, SEVERITIES

_CODE = re.compile(r"TL\d{3}")
_CODE_PREFIX = re.compile(r"TL\d{1,2}", re.I)
_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_REQUIRED = ("code", "name", "severity", "check", "scope", "summary", "message", "help", "rationale", "examples")
_OPTIONAL = ("aliases", "options")
_BILINGUAL = ("summary", "message", "help", "rationale")

@dataclass(frozen=True, slots=True)
class Example:
    """A small inline archive: files as (name, text); `count` findings of the rule expected (0 for good)."""

    files: tuple[tuple[str, str], ...]
    count: int
    quote: str | None = None
    note: tuple[tuple[str, str], ...] = ()  # (lang, text): why this example does or does not fire

    def note_in(self, lang: str) -> str | None:
        notes = dict(self.note)
        return notes.get(lang) or notes.get("en")


@dataclass(frozen=True)
class Rule:
    """One catalog entry. Bilingual texts are dicts keyed by language ("id", "en")."""

    code: str
    name: str
    aliases: tuple[str, ...]
    severity: str
    check: str
    scope: str  # "article" | "official"
    summary: Mapping[str, str]
    message: Mapping[str, str]
    help: Mapping[str, str]
    rationale: Mapping[str, str]
    bad: tuple[Example, ...]
    good: tuple[Example, ...]
    path: str = ""
    options: Mapping[str, Any] = field(default_factory=dict)

    def __hash__(self) -> int:
        return hash(self.code)

    def text(self, field: str, lang: str) -> str:
        """A bilingual field (summary, message, help, rationale) in `lang`, English if missing."""
        values: Mapping[str, str] = getattr(self, field)
        return values.get(lang) or values["en"]

    def format_message(self, args: Mapping[str, Any], lang: str) -> str:
        """The message template filled with a finding's typed args, each formatted for `lang`
        (dates as ISO, intervals as start..end, terms in the reader's language); a missing arg stays
        visible as {name}."""
        return self.text("message", lang).format_map(_Keep(args, lang))

    @property
    def placeholders(self) -> frozenset[str]:
        return placeholders(self.message["en"])

    def to_json(self, lang: str | None = None) -> dict[str, Any]:
        """The stable JSON shape of `timeline rules --format json`: both languages unless `lang`."""

        def pick(values: Mapping[str, str]) -> Any:
            return values.get(lang) or values["en"] if lang else dict(values)

        return {
            "code": self.code,
            "name": self.name,
            "aliases": list(self.aliases),
            "severity": self.severity,
            "check": self.check,
            "scope": self.scope,
            "options": dict(self.options),
            "summary": pick(self.summary),
            "message": pick(self.message),
            "help": pick(self.help),
            "rationale": pick(self.rationale),
            "examples": {
                kind: [
                    {
                        "files": [{"name": n, "text": t} for n, t in ex.files],
                        "count": ex.count,
                        **({"quote": ex.quote} if ex.quote else {}),
                    }
                    for ex in examples
                ]
                for kind, examples in (("bad", self.bad), ("good", self.good))
            },
        }


class _Keep(dict):
    """Format mapping that formats typed args for one language and leaves unknown placeholders as they are."""

    def __init__(self, args: Mapping[str, Any], lang: str) -> None:
        super().__init__(args)
        self.lang = lang

    def __getitem__(self, key: str) -> Any:
        return format_arg(super().__getitem__(key), self.lang)

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def format_arg(value: Any, lang: str) -> str:
    """A finding's arg as a message shows it: ISO dates, "start..end" intervals, terms in `lang`."""
    from datetime import date

    if hasattr(value, "render"):
        return value.render(lang)
    if isinstance(value, (tuple, list)):
        return ", ".join(format_arg(v, lang) for v in value)
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "start") and hasattr(value, "end") and isinstance(value.start, date):
        start, end = value.start.isoformat(), value.end.isoformat()
        return start if start == end else f"{start}..{end}"
    return str(value)


# --------------------------------------------------------------------------------------------------
# Loading and validation
# --------------------------------------------------------------------------------------------------


def _fail(path: str, key: str | None, message: str) -> InputError:
    """A broken rule file: these name the file and key for whoever edits the catalog (English only)."""
    where = f"{key}: " if key else ""
    return InputError(path, "catalog.invalid", detail=f"{where}{message}")


def _bilingual(data: dict, key: str, path: str) -> dict[str, str]:
    value = data[key]
    if not isinstance(value, dict):
        raise _fail(path, key, "must be a table with 'id' and 'en' texts")
    for lang in LANGS:
        text = value.get(lang)
        if not isinstance(text, str) or not text.strip():
            raise _fail(path, f"{key}.{lang}", "missing or empty text")
    extra = sorted(set(value) - set(LANGS))
    if extra:
        raise _fail(path, f"{key}.{extra[0]}", "unknown language (expected id and en)")
    return {lang: value[lang].strip() for lang in LANGS}


def _examples(data: dict, kind: str, path: str) -> tuple[Example, ...]:
    key = f"examples.{kind}"
    items = data.get(kind)
    if not isinstance(items, list) or len(items) < 2:
        raise _fail(path, key, "needs at least two examples")
    out = []
    for n, item in enumerate(items):
        where = f"{key}[{n}]"
        if not isinstance(item, dict):
            raise _fail(path, where, "must be a table")
        unknown = sorted(set(item) - {"files", "expect", "note"})
        if unknown:
            raise _fail(path, f"{where}.{unknown[0]}", "unknown key")
        files = item.get("files")
        if not isinstance(files, list) or not files:
            raise _fail(path, f"{where}.files", "needs at least one file")
        pairs = []
        for m, f in enumerate(files):
            if not (isinstance(f, dict) and isinstance(f.get("name"), str) and isinstance(f.get("text"), str)):
                raise _fail(path, f"{where}.files[{m}]", "each file needs a name and a text")
            if not f["text"].strip():
                raise _fail(path, f"{where}.files[{m}].text", "empty text")
            pairs.append((f["name"], f["text"]))
        if len({name for name, _ in pairs}) != len(pairs):
            raise _fail(path, f"{where}.files", "file names must be unique")
        expect = item.get("expect", {})
        if not isinstance(expect, dict) or set(expect) - {"count", "quote"}:
            raise _fail(path, f"{where}.expect", "must be a table with count and optional quote")
        count = expect.get("count", 0 if kind == "good" else None)
        if kind == "bad" and (not isinstance(count, int) or count < 1):
            raise _fail(path, f"{where}.expect.count", "a bad example needs a count of at least 1")
        if kind == "good" and count != 0:
            raise _fail(path, f"{where}.expect.count", "a good example expects no finding (count 0)")
        quote = expect.get("quote")
        if quote is not None:
            if not isinstance(quote, str) or not quote:
                raise _fail(path, f"{where}.expect.quote", "must be a non-empty string")
            if not any(quote in text for _, text in pairs):
                raise _fail(path, f"{where}.expect.quote", f"'{quote}' does not occur in the example's files")
        note = item.get("note", {})
        if not isinstance(note, dict) or not all(isinstance(v, str) for v in note.values()):
            raise _fail(path, f"{where}.note", "must be a table of texts keyed by language")
        out.append(Example(tuple(pairs), count, quote, tuple(sorted(note.items()))))
    return tuple(out)


def parse_rule(text: str, path: str, filename: str | None = None) -> Rule:
    """Parse and validate one rule file; errors name the file and the key."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _fail(path, None, f"invalid TOML: {exc}") from None
    for key in _REQUIRED:
        if key not in data:
            raise _fail(path, key, "required key is missing")
    unknown = sorted(set(data) - set(_REQUIRED) - set(_OPTIONAL))
    if unknown:
        raise _fail(path, unknown[0], "unknown key")
    code, name, severity, check = data["code"], data["name"], data["severity"], data["check"]
    if not isinstance(code, str) or not _CODE.fullmatch(code):
        raise _fail(path, "code", f"'{code}' is not a code like TL001")
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise _fail(path, "name", f"'{name}' is not a kebab-case name")
    if severity not in SEVERITIES:
        raise _fail(path, "severity", f"'{severity}' is not one of {', '.join(SEVERITIES)}")
    if not isinstance(check, str) or not check:
        raise _fail(path, "check", "must name the check function")
    from timeline.checks.registry import CHECKS

    scope = data["scope"]
    if scope not in SCOPES:
        raise _fail(path, "scope", f"'{scope}' is not one of {', '.join(SCOPES)}")
    if check not in CHECKS:
        near = difflib.get_close_matches(check, list(CHECKS), n=1)
        hint = f" (did you mean {near[0]}?)" if near else ""
        raise _fail(path, "check", f"'{check}' is not a check in timeline.checks.registry{hint}")
    if CHECKS[check].scope != scope:
        raise _fail(path, "scope", f"check '{check}' reads {CHECKS[check].scope}, not {scope}")
    options = data.get("options", {})
    if not isinstance(options, dict):
        raise _fail(path, "options", "must be a table of option = default value")
    missing = sorted(set(CHECKS[check].options) - set(options))
    unknown_options = sorted(set(options) - set(CHECKS[check].options))
    if missing or unknown_options:
        raise _fail(path, "options", f"must declare exactly the check's options ({', '.join(CHECKS[check].options) or 'none'})")
    aliases = data.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and _NAME.fullmatch(a) for a in aliases):
        raise _fail(path, "aliases", "must be a list of kebab-case names")
    filename = filename if filename is not None else Path(path).name
    if filename != f"{code}-{name}.toml":
        raise _fail(path, "code", f"the file must be named {code}-{name}.toml")
    texts = {key: _bilingual(data, key, path) for key in _BILINGUAL}
    fields = {lang: placeholders(texts["message"][lang]) for lang in LANGS}
    if fields["id"] != fields["en"]:
        diff = sorted(fields["id"] ^ fields["en"])
        raise _fail(path, "message", f"id and en use different placeholders: {', '.join(diff)}")
    examples = data["examples"]
    if not isinstance(examples, dict):
        raise _fail(path, "examples", "must be a table with bad and good lists")
    extra = sorted(set(examples) - {"bad", "good"})
    if extra:
        raise _fail(path, f"examples.{extra[0]}", "unknown key")
    return Rule(
        code=code,
        name=name,
        aliases=tuple(aliases),
        severity=severity,
        check=check,
        scope=scope,
        options=dict(options),
        bad=_examples(examples, "bad", path),
        good=_examples(examples, "good", path),
        path=path,
        **texts,
    )


def _check_unique(rules: Sequence[Rule]) -> None:
    seen: dict[str, Rule] = {}
    for rule in rules:
        for key, value in (("code", rule.code), ("name", rule.name), *(("aliases", a) for a in rule.aliases)):
            other = seen.get(value)
            if other is not None:
                raise _fail(rule.path, key, f"'{value}' is already used by {other.path}")
            seen[value] = rule


def load_rules(source: Any) -> list[Rule]:
    """Load every `*.toml` in a directory (a Path or an importlib Traversable), sorted by code."""
    entries = sorted((e for e in source.iterdir() if e.name.endswith(".toml")), key=lambda e: e.name)
    if not entries:
        raise InputError(str(source), "catalog.no_rule_files")
    rules = [parse_rule(e.read_text(encoding="utf-8"), str(e), e.name) for e in entries]
    rules.sort(key=lambda r: r.code)
    _check_unique(rules)
    return rules


def rules_source() -> Any:
    """Where the catalog lives: the installed `timeline.rules` package, else the checkout's rules/."""
    from importlib import resources

    try:
        source = resources.files("timeline.rules")
        if any(e.name.endswith(".toml") for e in source.iterdir()):
            return source
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError):
        pass
    return Path(__file__).resolve().parents[2] / "rules"


@lru_cache(maxsize=1)
def _default_catalog() -> tuple[Rule, ...]:
    return tuple(load_rules(rules_source()))


def load_catalog(directory: Path | None = None) -> list[Rule]:
    """The rule catalog sorted by code (cached when read from the package)."""
    if directory is not None:
        return load_rules(Path(directory))
    return list(_default_catalog())


def _index(rules: Iterable[Rule]) -> dict[str, Rule]:
    index: dict[str, Rule] = {}
    for rule in rules:
        index[rule.code.casefold()] = rule
        index[rule.name] = rule
        for alias in rule.aliases:
            index[alias] = rule
    return index


def get_rule(key: str, rules: Sequence[Rule] | None = None) -> Rule:
    """A rule by code (any case), name or alias; InputError suggesting near names otherwise."""
    index = _index(rules if rules is not None else load_catalog())
    found = index.get(key.strip().casefold()) or index.get(key.strip().casefold().replace("_", "-"))
    if found is not None:
        return found
    near = difflib.get_close_matches(key.strip().casefold(), list(index), n=3, cutoff=0.6)
    names = ", ".join(f"{r.code} {r.name}" for r in dict.fromkeys(index[n] for n in near))
    hint = Text.of("catalog.did_you_mean", names=names) if names else ""
    raise InputError(None, "catalog.unknown_rule", name=key, hint=hint)


def select_rules(key: str, rules: Sequence[Rule] | None = None) -> list[Rule]:
    """The rules a selector names: a code prefix ("TL1": TL101-TL199) or one rule by code, name or alias."""
    rules = list(rules if rules is not None else load_catalog())
    key = key.strip()
    if _CODE_PREFIX.fullmatch(key):
        prefix = key.upper()
        found = [r for r in rules if r.code.startswith(prefix)]
        if found:
            return found
    return [get_rule(key, rules)]
