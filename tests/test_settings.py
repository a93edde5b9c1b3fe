"""`.timeline.toml`: discovery from the checked paths upward, values, rule selection and errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.checks.catalog import get_rule
from timeline.settings import CONFIG_NAME, Settings, find_config, load_settings, split_rules
from timeline.errors import InputError

FULL = """\
lang = "en"
roster = "data/officials.yaml"
exclude = ["drafts/**", "*.bak"]
cache_dir = ".cache/timeline"
max_trip_days = 10

[rules]
select = ["TL001", "weekday-mismatch", "conflicting-dates", "tense-mismatch", "unanchored-relative"]
ignore = ["TL901"]

[rules.severity]
TL004 = "error"
date-conflict = "warning"
"""


def write(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / CONFIG_NAME
    path.write_text(text, encoding="utf-8")
    return path


def test_config_is_found_from_a_nested_directory(tmp_path):
    path = write(tmp_path / "arsip", FULL)
    nested = tmp_path / "arsip" / "2023" / "09"
    nested.mkdir(parents=True)
    (nested / "berita.txt").write_text("Judul\n", encoding="utf-8")
    for checked in (nested, nested / "berita.txt"):
        config = load_settings([str(checked)])
        assert config.path == path
        assert config.root == (tmp_path / "arsip").resolve()


def test_values_are_read_and_relative_paths_resolve_against_the_config_file(tmp_path):
    write(tmp_path, FULL)
    config = load_settings([str(tmp_path)])
    assert config.lang == "en"
    assert config.roster == (tmp_path / "data" / "officials.yaml").resolve()
    assert config.cache_dir == (tmp_path / ".cache" / "timeline").resolve()
    assert config.exclude == ("drafts/**", "*.bak")
    assert config.max_trip_days == 10
    assert config.select == {"TL001", "TL002", "TL101", "TL004", "TL901"}
    assert config.ignore == {"TL901"}
    assert dict(config.severities) == {"TL004": "error", "TL101": "warning"}


def test_the_first_config_found_wins_in_the_order_of_the_paths(tmp_path):
    first = write(tmp_path / "a", 'lang = "en"\n')
    write(tmp_path / "b", 'lang = "id"\n')
    assert find_config([tmp_path / "a", tmp_path / "b"]) == first
    assert load_settings([str(tmp_path / "b"), str(tmp_path / "a")]).lang == "id"


def test_the_nearest_config_wins_over_one_further_up(tmp_path):
    write(tmp_path, 'lang = "id"\n')
    near = write(tmp_path / "arsip", 'lang = "en"\n')
    assert load_settings([str(tmp_path / "arsip")]).path == near


def test_an_explicit_config_is_used_instead_of_discovery(tmp_path):
    write(tmp_path / "arsip", 'lang = "id"\n')
    explicit = tmp_path / "lain.toml"
    explicit.write_text('lang = "en"\nroster = "r.yaml"\n', encoding="utf-8")
    config = load_settings([str(tmp_path / "arsip")], explicit)
    assert (config.lang, config.path, config.roster) == ("en", explicit, (tmp_path / "r.yaml").resolve())


def test_a_missing_explicit_config_is_an_error(tmp_path):
    with pytest.raises(InputError) as info:
        load_settings([str(tmp_path)], tmp_path / "tidak-ada.toml")
    assert str(info.value) == f"{tmp_path / 'tidak-ada.toml'}: config file not found"


def test_defaults_when_no_config_is_found(tmp_path):
    config = load_settings([str(tmp_path)])
    assert config == Settings()
    assert (config.root, config.path, config.roster, config.cache_dir) == (None, None, None, None)
    assert (config.lang, config.select, config.ignore, config.max_trip_days) == ("id", None, frozenset(), None)
    assert config.rule_enabled(get_rule("TL901"))
    assert config.options_of(get_rule("TL102")) == {"max_trip_days": 14}  # the rule file's default


SELECTION = [
    # (select, ignore, enabled codes among TL001 TL004 TL101 TL901)
    (None, None, {"TL001", "TL004", "TL101", "TL901"}),
    (["TL001", "date-conflict"], None, {"TL001", "TL101"}),
    (None, ["unanchored-relative", "TL004"], {"TL001", "TL101"}),
    (["TL001", "TL101"], ["conflicting-dates"], {"TL001"}),
    ([], None, set()),
]


@pytest.mark.parametrize("select,ignore,enabled", SELECTION)
def test_rule_selection(tmp_path, select, ignore, enabled):
    lines = ["[rules]"]
    if select is not None:
        lines.append(f"select = {select!r}".replace("'", '"'))
    if ignore is not None:
        lines.append(f"ignore = {ignore!r}".replace("'", '"'))
    write(tmp_path, "\n".join(lines) + "\n")
    config = load_settings([str(tmp_path)])
    codes = ("TL001", "TL004", "TL101", "TL901")
    assert {c for c in codes if config.rule_enabled(get_rule(c))} == enabled
    assert {c for c in codes if config.rule_enabled(c)} == enabled


@pytest.mark.parametrize(
    "rule,severity",
    [("TL004", "error"), ("TL101", "warning"), ("TL001", "error"), ("TL105", "info"), ("TL003", "warning")],
)
def test_severity_overrides(tmp_path, rule, severity):
    write(tmp_path, FULL)
    assert load_settings([str(tmp_path)]).severity_of(get_rule(rule)) == severity


def test_command_line_overrides(tmp_path):
    write(tmp_path, FULL)
    config = load_settings([str(tmp_path)]).with_overrides(
        lang="id", select="TL101, outside-trip", ignore="TL102", roster=Path("lain.yaml")
    )
    assert config.lang == "id"
    assert config.select == {"TL101", "TL102"}
    assert config.ignore == {"TL901", "TL102"}
    assert config.roster == Path("lain.yaml")
    assert config.rule_enabled("TL101") and not config.rule_enabled("TL102")


def test_an_unknown_rule_on_the_command_line_is_an_error():
    with pytest.raises(InputError, match="^'--select': unknown rule 'TL1O1'"):
        Settings().with_overrides(select="TL1O1")


@pytest.mark.parametrize("value,expected", [("TL001,TL002", ["TL001", "TL002"]), (" TL001 , ,x ", ["TL001", "x"]), (["a", " "], ["a"])])
def test_split_rules(value, expected):
    assert split_rules(value) == expected


ERRORS = [
    ("unknown top key", 'lang = "en"\n\nlanguage = "id"\n', 3, "unknown key 'language' (known: lang, roster"),
    ("unknown rules key", '[rules]\nselect = []\nonly = ["TL001"]\n', 3, "unknown key 'rules.only'"),
    ("bad lang", 'lang = "jv"\n', 1, "'lang' must be one of id, en, not 'jv'"),
    ("bad severity", '[rules.severity]\nTL004 = "fatal"\n', 2, "'rules.severity.TL004' must be one of error, warning, info, not 'fatal'"),
    ("unknown rule in select", '[rules]\nselect = ["date-conflik"]\n', None,
     "'rules.select': unknown rule 'date-conflik' (did you mean TL101 date-conflict"),
    ("unknown rule in severity", '[rules.severity]\nTL999 = "info"\n', None, "'rules.severity.TL999': unknown rule 'TL999'"),
    ("select not a list", '[rules]\nselect = "TL001"\n', 2, "'rules.select' must be a list of rule codes or names"),
    ("exclude not a list", 'exclude = "drafts"\n', 1, "'exclude' must be a list of glob patterns"),
    ("max_trip_days zero", "max_trip_days = 0\n", 1, "'max_trip_days' must be a whole number of days between 1 and 366"),
    ("max_trip_days text", 'max_trip_days = "dua pekan"\n', 1, "'max_trip_days' must be a whole number"),
    ("roster not a string", "roster = 3\n", 1, "'roster' must be a path (a string)"),
    ("invalid toml", 'lang = "en\n', None, "invalid TOML: "),
    ("option of another rule", '[rules.options.TL101]\nmax_trip_days = 10\n', 2,
     "rule TL101 has no option 'max_trip_days' (known: -)"),
    ("option of the wrong type", '[rules.options.TL104]\nmax_trip_days = "sepuluh"\n', 2,
     "'rules.options.TL104.max_trip_days' must be int"),
    ("option out of range", '[rules.options.outside-trip]\nmax_trip_days = 0\n', 2,
     "'rules.options.outside-trip.max_trip_days' must be int"),
]
assert len({e[0] for e in ERRORS}) == len(ERRORS)


@pytest.mark.parametrize("label,text,line,expected", ERRORS, ids=[e[0] for e in ERRORS])
def test_config_errors_name_the_file_line_and_key(tmp_path, label, text, line, expected):
    path = write(tmp_path, text)
    with pytest.raises(InputError) as info:
        load_settings([str(tmp_path)])
    where = f"{path}:{line}: " if line else f"{path}: "
    assert str(info.value).startswith(where)
    assert expected in str(info.value)


def test_errors_are_rendered_in_indonesian_too(tmp_path):
    write(tmp_path, 'lang = "jv"\n')
    with pytest.raises(InputError) as info:
        load_settings([str(tmp_path)])
    assert info.value.render("id").endswith("'lang' harus salah satu dari id, en, bukan 'jv'")


PREFIXES = [
    ("TL1", {"TL101", "TL102", "TL103", "TL104", "TL105"}),
    ("TL10", {"TL101", "TL102", "TL103", "TL104", "TL105"}),
    ("tl00", {"TL001", "TL002", "TL003", "TL004", "TL005"}),
    ("TL9, weekday-mismatch", {"TL901", "TL002"}),
]


@pytest.mark.parametrize("select,codes", PREFIXES)
def test_select_takes_code_prefixes(select, codes):
    assert Settings().with_overrides(select=select).select == codes


def test_ignore_takes_a_prefix_and_config_files_do_too(tmp_path):
    write(tmp_path, '[rules]\nignore = ["TL9"]\n[rules.severity]\nTL1 = "warning"\n')
    settings = load_settings([str(tmp_path)])
    assert settings.ignore == {"TL901"}
    assert {settings.severity_of(get_rule(c)) for c in ("TL101", "TL103", "TL105")} == {"warning"}
    assert settings.severity_of(get_rule("TL002")) == "error"


def test_rule_options_come_from_the_rule_file_then_the_config(tmp_path):
    write(tmp_path, 'max_trip_days = 20\n[rules.options.TL104]\nmax_trip_days = 10\n')
    settings = load_settings([str(tmp_path)])
    assert settings.options_of(get_rule("TL102")) == {"max_trip_days": 20}
    assert settings.options_of(get_rule("TL104")) == {"max_trip_days": 10}
    assert settings.options_of(get_rule("TL101")) == {}
    assert Settings().options_of(get_rule("TL102")) == {"max_trip_days": 14}
