"""The rule catalog: one TOML file per rule in `rules/`, shipped inside the package as `timeline.rules`.

A rule file is documentation and test data at once: code, name, severity, the check it runs, message
templates in Indonesian and English, help, rationale, and small example archives that must (bad) or
must never (good) make the rule fire.
"""

from __future__ import annotations

import difflib
import json
import re
import string
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from timeline.errors import InputError
from timeline.records import SEVERITIES

LANGS = ("id", "en")
_CODE = re.compile(r"TL\d{3}")
_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_REQUIRED = ("code", "name", "severity", "check", "summary", "message", "help", "rationale", "examples")
_OPTIONAL = ("aliases",)
_BILINGUAL = ("summary", "message", "help", "rationale")

_MESSAGES = {
    "unknown_rule": {
        "en": "unknown rule '{name}'{hint}; `timeline rules` lists them",
        "id": "aturan '{name}' tidak dikenal{hint}; `timeline rules` menampilkan daftarnya",
    },
    "did_you_mean": {"en": " (did you mean {names}?)", "id": " (maksud Anda {names}?)"},
}

# Labels of `timeline rules` output.
_LABELS = {
    "code": {"id": "kode", "en": "code"},
    "name": {"id": "nama", "en": "name"},
    "severity": {"id": "tingkat", "en": "severity"},
    "summary": {"id": "ringkasan", "en": "summary"},
    "aliases": {"id": "alias", "en": "aliases"},
    "what": {"id": "Apa yang diperiksa", "en": "What it checks"},
    "why": {"id": "Mengapa penting", "en": "Why it matters"},
    "message": {"id": "Pesan", "en": "Message"},
    "help": {"id": "Yang perlu dilakukan", "en": "What to do"},
    "bad": {"id": "Contoh yang memicu aturan ini", "en": "Examples that trigger this rule"},
    "good": {"id": "Contoh yang tidak memicu aturan ini", "en": "Examples that do not trigger this rule"},
    "expect": {"id": "temuan yang diharapkan", "en": "expected findings"},
    "error": {"id": "kesalahan", "en": "error"},
    "warning": {"id": "peringatan", "en": "warning"},
    "info": {"id": "info", "en": "info"},
}


def _label(key: str, lang: str) -> str:
    return _LABELS[key].get(lang) or _LABELS[key]["en"]


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
    summary: Mapping[str, str]
    message: Mapping[str, str]
    help: Mapping[str, str]
    rationale: Mapping[str, str]
    bad: tuple[Example, ...]
    good: tuple[Example, ...]
    path: str = ""

    def __hash__(self) -> int:
        return hash(self.code)

    def text(self, field: str, lang: str) -> str:
        """A bilingual field (summary, message, help, rationale) in `lang`, English if missing."""
        values: Mapping[str, str] = getattr(self, field)
        return values.get(lang) or values["en"]

    def format_message(self, args: Mapping[str, Any], lang: str) -> str:
        """The message template filled with a finding's args; a missing arg stays visible as {name}.

        A placeholder {event} takes args["event_<lang>"] when the check gave a localized value
        (event_id, event_en), else args["event"].
        """
        return string.Formatter().vformat(self.text("message", lang), (), _Keep(args, lang))

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
    """Format mapping that leaves unknown placeholders as they are instead of raising."""

    def __init__(self, args: Mapping[str, Any], lang: str) -> None:
        super().__init__(args)
        self.lang = lang

    def __getitem__(self, key: str) -> Any:
        localized = f"{key}_{self.lang}"
        if localized in self:
            return dict.__getitem__(self, localized)
        return super().__getitem__(key)

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def placeholders(template: str) -> frozenset[str]:
    """The named fields of a str.format template."""
    return frozenset(field for _, field, _, _ in string.Formatter().parse(template) if field)


# --------------------------------------------------------------------------------------------------
# Loading and validation
# --------------------------------------------------------------------------------------------------


def _fail(path: str, key: str | None, message: str) -> InputError:
    where = f"{key}: " if key else ""
    return InputError(path, f"{where}{message}")


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
        raise InputError(str(source), "no rule files (*.toml) found")
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
    return Path(__file__).resolve().parent.parent / "rules"


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


def get_rule(key: str, rules: Sequence[Rule] | None = None, lang: str = "en") -> Rule:
    """A rule by code (any case), name or alias; InputError suggesting near names otherwise."""
    index = _index(rules if rules is not None else load_catalog())
    found = index.get(key.strip().casefold()) or index.get(key.strip().casefold().replace("_", "-"))
    if found is not None:
        return found
    near = difflib.get_close_matches(key.strip().casefold(), list(index), n=3, cutoff=0.6)
    names = ", ".join(f"{r.code} {r.name}" for r in dict.fromkeys(index[n] for n in near))
    hint = _MESSAGES["did_you_mean"][lang].format(names=names) if names else ""
    raise InputError(None, _MESSAGES["unknown_rule"][lang].format(name=key, hint=hint))


# --------------------------------------------------------------------------------------------------
# `timeline rules` output
# --------------------------------------------------------------------------------------------------


def list_rules(lang: str = "id", rules: Sequence[Rule] | None = None) -> str:
    """A plain table of the catalog: code, name, severity, summary."""
    rules = list(rules if rules is not None else load_catalog())
    head = [_label(k, lang) for k in ("code", "name", "severity", "summary")]
    rows = [[r.code, r.name, _label(r.severity, lang), r.text("summary", lang)] for r in rules]
    widths = [max(len(row[i]) for row in [head, *rows]) for i in range(3)]
    lines = []
    for row in [head, *rows]:
        lines.append("  ".join(cell.ljust(w) for cell, w in zip(row[:3], widths)) + "  " + row[3])
    return "\n".join(lines) + "\n"


def _indent(text: str, prefix: str = "    ") -> str:
    return "\n".join(prefix + line if line.strip() else "" for line in text.strip("\n").splitlines())


def explain(rule: Rule, lang: str = "id") -> str:
    """`timeline rules NAME`: what the rule checks, why, its message and help, and its examples."""
    title = f"{rule.code} {rule.name} ({_label(rule.severity, lang)})"
    parts = [title, "=" * len(title)]
    if rule.aliases:
        parts.append(f"{_label('aliases', lang)}: {', '.join(rule.aliases)}")
    parts += [
        "",
        f"{_label('what', lang)}:",
        _indent(rule.text("summary", lang)),
        "",
        f"{_label('why', lang)}:",
        _indent(rule.text("rationale", lang)),
        "",
        f"{_label('message', lang)}:",
        _indent(rule.text("message", lang)),
        "",
        f"{_label('help', lang)}:",
        _indent(rule.text("help", lang)),
    ]
    for kind, examples in (("bad", rule.bad), ("good", rule.good)):
        parts += ["", f"{_label(kind, lang)}:"]
        for n, ex in enumerate(examples, 1):
            suffix = f" ({_label('expect', lang)}: {ex.count})" if kind == "bad" else ""
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
    """What `timeline rules [NAME]` prints, in text or JSON."""
    rules = load_catalog()
    if name:
        rule = get_rule(name, rules)
        if fmt == "json":
            return json.dumps(rule.to_json(), ensure_ascii=False, indent=2) + "\n"
        return explain(rule, lang)
    return rules_json(rules) if fmt == "json" else list_rules(lang, rules)
