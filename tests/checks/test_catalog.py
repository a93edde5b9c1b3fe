"""The rule catalog: the packaged rules, the loader's validation, lookup and `timeline rules` output."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from timeline.checks import catalog
from timeline.checks.catalog import get_rule, load_catalog, load_rules, parse_rule
from timeline.render.rules import explain, list_rules, rule_json, rules_json
from timeline.errors import InputError

ISSUE_TABLE = [
    ("TL001", "invalid-date", "error"),
    ("TL002", "weekday-mismatch", "error"),
    ("TL003", "duration-mismatch", "warning"),
    ("TL004", "tense-mismatch", "warning"),
    ("TL005", "relative-mismatch", "error"),
    ("TL101", "date-conflict", "error"),
    ("TL102", "outside-trip", "error"),
    ("TL103", "sequence-conflict", "error"),
    ("TL104", "location-conflict", "error"),
    ("TL105", "schedule-change", "info"),
    ("TL901", "unanchored-relative", "info"),
]
assert len({c for c, _, _ in ISSUE_TABLE}) == len(ISSUE_TABLE)

WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
BRACKETED = re.compile(r"\b(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu) \((\d{1,2})/(\d{1,2})/(\d{4})\)")


def test_packaged_catalog_is_exactly_the_issue_table():
    rules = load_catalog()
    assert [(r.code, r.name, r.severity) for r in rules] == ISSUE_TABLE


@pytest.mark.parametrize("code,name,severity", ISSUE_TABLE)
def test_rule_file_is_complete(code, name, severity):
    rule = get_rule(code)
    assert Path(rule.path).name == f"{code}-{name}.toml"
    assert rule.check == name
    assert len(rule.bad) >= 2 and len(rule.good) >= 2
    assert all(ex.count >= 1 for ex in rule.bad) and all(ex.count == 0 for ex in rule.good)
    assert catalog.placeholders(rule.message["id"]) == catalog.placeholders(rule.message["en"])
    for field in ("summary", "message", "help", "rationale"):
        assert rule.text(field, "id") != rule.text(field, "en")


@pytest.mark.parametrize("code,name,severity", ISSUE_TABLE)
def test_examples_are_news_articles_with_a_known_publication_date(code, name, severity):
    """Each example file opens with a title line; outside TL901 the dateline has a weekday and a date."""
    rule = get_rule(code)
    for kind, examples in (("bad", rule.bad), ("good", rule.good)):
        for ex in examples:
            for filename, text in ex.files:
                lines = text.strip().splitlines()
                assert len(lines) >= 3 and lines[1] == "", (code, filename)
                if code == "TL901":
                    continue
                assert BRACKETED.search(lines[2]), (code, filename, "no weekday (d/m/yyyy) in the dateline")


def test_bracketed_weekdays_in_examples_are_right_except_the_intended_ones():
    """Only TL002's bad quotes and TL001's impossible dates may pair a date with the wrong weekday."""
    intended = {ex.quote for ex in get_rule("TL002").bad}
    wrong = []
    for rule in load_catalog():
        for ex in (*rule.bad, *rule.good):
            for _, text in ex.files:
                for m in BRACKETED.finditer(text):
                    day, month, year = int(m[2]), int(m[3]), int(m[4])
                    try:
                        actual = WEEKDAYS[date(year, month, day).weekday()]
                    except ValueError:
                        continue  # an impossible date: TL001's business
                    if actual != m[1] and m[0] not in intended:
                        wrong.append((rule.code, m[0], actual))
    assert wrong == []
    assert len(intended) == 3


def test_tl901_bad_examples_have_no_absolute_date():
    for ex in get_rule("unanchored-relative").bad:
        for _, text in ex.files:
            assert not re.search(r"\d", text)


@pytest.mark.parametrize(
    "key,code",
    [
        ("TL101", "TL101"),
        ("tl101", "TL101"),
        (" date-conflict ", "TL101"),
        ("conflicting-dates", "TL101"),
        ("date_conflict", "TL101"),
        ("impossible-date", "TL001"),
        ("rescheduled", "TL105"),
        ("order-conflict", "TL103"),
        ("wrong-weekday", "TL002"),
    ],
)
def test_get_rule_by_code_name_or_alias(key, code):
    assert get_rule(key).code == code


@pytest.mark.parametrize(
    "key,lang,expected",
    [
        ("date-confict", "en", "unknown rule 'date-confict' (did you mean TL101 date-conflict"),
        ("weekday", "id", "aturan 'weekday' tidak dikenal (maksud Anda TL002 weekday-mismatch?)"),
        ("zzz", "en", "unknown rule 'zzz'; `timeline rules` lists them"),
    ],
)
def test_get_rule_unknown_names_near_rules(key, lang, expected):
    with pytest.raises(InputError) as info:
        get_rule(key)
    assert expected in info.value.render(lang)


def test_format_message_fills_named_placeholders_in_both_languages():
    rule = get_rule("weekday-mismatch")
    args = {"date": "2025-01-15", "text": "Selasa (15/1/2025)", "stated": "Selasa", "actual": "Rabu"}
    assert rule.format_message(args, "id") == (
        "Selasa (15/1/2025): tertulis hari Selasa, padahal 2025-01-15 jatuh pada hari Rabu."
    )
    assert rule.format_message(args, "en") == "Selasa (15/1/2025): the text says Selasa, but 2025-01-15 falls on Rabu."


@pytest.mark.parametrize(
    "lang,expected",
    [
        ("id", "Basri Rase: jadwal keberangkatan (Korea Selatan) berubah dari 2023-09-18 menjadi 2023-09-19."),
        ("en", "Basri Rase: the departure (Korea Selatan) was moved from 2023-09-18 to 2023-09-19."),
    ],
)
def test_format_message_renders_typed_args_in_the_language(lang, expected):
    from datetime import date

    from timeline.lang import Text
    from timeline.model import Interval

    args = {"official": "Basri Rase", "event": Text.of("event.departure"), "place": "Korea Selatan",
            "first_date": Interval(date(2023, 9, 18), date(2023, 9, 18)), "second_date": date(2023, 9, 19)}
    assert get_rule("schedule-change").format_message(args, lang) == expected


@pytest.mark.parametrize("code", [c for c, _, _ in ISSUE_TABLE])
def test_every_placeholder_can_be_filled(code):
    rule = get_rule(code)
    args = {name: f"<{name}>" for name in rule.placeholders}
    for lang in ("id", "en"):
        message = rule.format_message(args, lang)
        assert "{" not in message and all(f"<{name}>" in message for name in rule.placeholders)


def test_format_message_keeps_a_missing_placeholder_visible():
    assert get_rule("TL001").format_message({}, "en") == "The date {date} does not exist on the calendar."


def test_list_rules_is_a_table_in_the_requested_language():
    text_id, text_en = list_rules("id"), list_rules("en")
    assert text_id.splitlines()[0].split() == ["kode", "nama", "tingkat", "ringkasan"]
    assert text_en.splitlines()[0].split() == ["code", "name", "severity", "summary"]
    assert len(text_en.splitlines()) == 1 + len(ISSUE_TABLE)
    row = next(line for line in text_id.splitlines() if line.startswith("TL003"))
    assert row.split()[:3] == ["TL003", "duration-mismatch", "peringatan"]


@pytest.mark.parametrize("lang,headings", [
    ("en", ["What it checks:", "Why it matters:", "Message:", "What to do:", "Examples that trigger this rule:",
            "Examples that do not trigger this rule:"]),
    ("id", ["Apa yang diperiksa:", "Mengapa penting:", "Pesan:", "Yang perlu dilakukan:",
            "Contoh yang memicu aturan ini:", "Contoh yang tidak memicu aturan ini:"]),
])
def test_explain_shows_every_section_and_example(lang, headings):
    rule = get_rule("schedule-change")
    text = explain(rule, lang)
    assert text.startswith(f"TL105 schedule-change ({'info'})\n")
    positions = [text.index(h) for h in headings]
    assert positions == sorted(positions)
    assert rule.text("help", lang) in text
    for ex in (*rule.bad, *rule.good):
        for name, _ in ex.files:
            assert f"--- {name}" in text
        assert ex.note_in(lang) is None or ex.note_in(lang) in text


def test_rules_json_has_every_rule_in_both_languages():
    data = json.loads(rules_json())
    assert data["schema_version"] == 1
    assert [r["code"] for r in data["rules"]] == [c for c, _, _ in ISSUE_TABLE]
    first = data["rules"][0]
    assert set(first["message"]) == {"id", "en"}
    assert first["examples"]["bad"][0]["count"] == 1
    assert first["examples"]["bad"][0]["quote"] == "31 September 2023"


def test_render_rules_dispatches_list_explain_and_json():
    from timeline.render.rules import render_rules

    assert render_rules(None, "en", "text") == list_rules("en")
    assert render_rules("TL004", "id", "text") == explain(get_rule("TL004"), "id")
    assert json.loads(render_rules("tense-mismatch", "en", "json"))["code"] == "TL004"
    listing = json.loads(render_rules(None, "en", "json"))
    assert listing["schema_version"] == 1 and [r["code"] for r in listing["rules"]][:2] == ["TL001", "TL002"]
    assert rule_json(get_rule("TL004"))["message"]["id"] == get_rule("TL004").message["id"]
    assert rule_json(get_rule("TL004"), "en")["message"] == get_rule("TL004").message["en"]


# --------------------------------------------------------------------------------------------------
# Validation: a broken rule file fails naming the file and the key
# --------------------------------------------------------------------------------------------------

GOOD_RULE = '''
code = "TL777"
name = "sample-rule"
aliases = []
severity = "warning"
check = "invalid-date"
scope = "article"
[summary]
id = "Ringkasan."
en = "Summary."
[message]
id = "Tanggal {date} salah."
en = "The date {date} is wrong."
[help]
id = "Perbaiki."
en = "Fix it."
[rationale]
id = "Karena."
en = "Because."
[[examples.bad]]
files = [{name = "a.txt", text = """Judul

Isi 31 September 2023."""}]
expect = {count = 1, quote = "31 September"}
[[examples.bad]]
files = [{name = "a.txt", text = "Judul B"}]
expect = {count = 2}
[[examples.good]]
files = [{name = "a.txt", text = "Judul C"}]
[[examples.good]]
files = [{name = "a.txt", text = "Judul D"}, {name = "b.txt", text = "Judul E"}]
'''


def _write(tmp_path: Path, text: str, name: str = "TL777-sample-rule.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_well_formed_rule_loads_from_a_directory(tmp_path):
    _write(tmp_path, GOOD_RULE)
    (rule,) = load_rules(tmp_path)
    assert (rule.code, rule.name, rule.severity, rule.check) == ("TL777", "sample-rule", "warning", "invalid-date")
    assert [ex.count for ex in rule.bad] == [1, 2]
    assert rule.bad[0].quote == "31 September"
    assert rule.good[1].files == (("a.txt", "Judul D"), ("b.txt", "Judul E"))


BROKEN = [
    ("missing severity", ('severity = "warning"\n', ""), "severity: required key is missing"),
    ("bad severity", ('severity = "warning"', 'severity = "fatal"'), "severity: 'fatal' is not one of error, warning, info"),
    ("bad code", ('code = "TL777"', 'code = "X1"'), "code: 'X1' is not a code like TL001"),
    ("name not kebab", ('name = "sample-rule"', 'name = "Sample_Rule"'), "name: 'Sample_Rule' is not a kebab-case name"),
    ("unknown key", ('check = "invalid-date"', 'check = "invalid-date"\ncolour = "red"'), "colour: unknown key"),
    ("unknown check", ('check = "invalid-date"', 'check = "invalid-dates"'),
     "check: 'invalid-dates' is not a check in timeline.checks.registry (did you mean invalid-date?)"),
    ("scope unlike the check's", ('scope = "article"', 'scope = "official"'),
     "scope: check 'invalid-date' reads article, not official"),
    ("unknown scope", ('scope = "article"', 'scope = "archive"'), "scope: 'archive' is not one of article, official"),
    ("undeclared option", ('scope = "article"', 'scope = "article"\noptions = { max_trip_days = 14 }'),
     "options: must declare exactly the check's options (none)"),
    ("english missing", ('en = "Fix it."', ''), "help.en: missing or empty text"),
    ("placeholders differ", ('en = "The date {date} is wrong."', 'en = "The day {day} is wrong."'),
     "message: id and en use different placeholders: date, day"),
    ("one good example", ('[[examples.good]]\nfiles = [{name = "a.txt", text = "Judul C"}]\n', ""),
     "examples.good: needs at least two examples"),
    ("bad without count", ("expect = {count = 2}", "expect = {}"), "examples.bad[1].expect.count: a bad example needs a count"),
    ("good expecting findings", ('files = [{name = "a.txt", text = "Judul C"}]',
                                 'files = [{name = "a.txt", text = "Judul C"}]\nexpect = {count = 1}'),
     "examples.good[0].expect.count: a good example expects no finding"),
    ("quote not in files", ('quote = "31 September"', 'quote = "32 Oktober"'),
     "examples.bad[0].expect.quote: '32 Oktober' does not occur"),
    ("file without text", ('{name = "b.txt", text = "Judul E"}', '{name = "b.txt"}'),
     "examples.good[1].files[1]: each file needs a name and a text"),
    ("duplicate file names", ('{name = "b.txt", text = "Judul E"}', '{name = "a.txt", text = "Judul E"}'),
     "examples.good[1].files: file names must be unique"),
    ("invalid toml", ('code = "TL777"', 'code = "TL777'), "invalid TOML"),
]
assert len({case[0] for case in BROKEN}) == len(BROKEN)


@pytest.mark.parametrize("label,change,expected", BROKEN, ids=[c[0] for c in BROKEN])
def test_a_broken_rule_fails_naming_the_path_and_key(tmp_path, label, change, expected):
    old, new = change
    assert old in GOOD_RULE
    path = _write(tmp_path, GOOD_RULE.replace(old, new, 1))
    with pytest.raises(InputError) as info:
        load_rules(tmp_path)
    assert str(info.value).startswith(f"{path}: ")
    assert expected in str(info.value)


def test_the_file_name_must_be_code_and_name(tmp_path):
    path = _write(tmp_path, GOOD_RULE, "TL777-other.toml")
    with pytest.raises(InputError) as info:
        load_rules(tmp_path)
    assert str(info.value) == f"{path}: code: the file must be named TL777-sample-rule.toml"


def test_codes_and_names_are_unique_across_files(tmp_path):
    _write(tmp_path, GOOD_RULE)
    second = GOOD_RULE.replace('name = "sample-rule"', 'name = "other-rule"')
    path = _write(tmp_path, second, "TL777-other-rule.toml")
    with pytest.raises(InputError) as info:
        load_rules(tmp_path)
    sample = tmp_path / "TL777-sample-rule.toml"  # read after TL777-other-rule.toml: the one blamed
    assert str(info.value) == f"{sample}: code: 'TL777' is already used by {path}"


def test_an_empty_rules_directory_is_an_error(tmp_path):
    with pytest.raises(InputError, match="no rule files"):
        load_rules(tmp_path)


def test_parse_rule_checks_the_given_file_name():
    rule = parse_rule(GOOD_RULE, "inside.whl/timeline/rules/TL777-sample-rule.toml", "TL777-sample-rule.toml")
    assert rule.path.endswith("TL777-sample-rule.toml")


# --------------------------------------------------------------------------------------------------
# Where the catalog comes from: the installed package, else the checkout's rules/
# --------------------------------------------------------------------------------------------------


def test_rules_source_prefers_the_installed_package(tmp_path, monkeypatch):
    from importlib import resources

    _write(tmp_path, GOOD_RULE)
    monkeypatch.setattr(resources, "files", lambda package: tmp_path if package == "timeline.rules" else None)
    assert catalog.rules_source() == tmp_path
    assert [r.code for r in load_rules(catalog.rules_source())] == ["TL777"]


@pytest.mark.parametrize("problem", [ModuleNotFoundError("timeline.rules"), FileNotFoundError("gone")])
def test_rules_source_falls_back_to_the_checkout(monkeypatch, problem):
    from importlib import resources

    def missing(package):
        raise problem

    monkeypatch.setattr(resources, "files", missing)
    source = catalog.rules_source()
    assert source == Path(catalog.__file__).resolve().parents[2] / "rules"
    assert (source / "TL101-date-conflict.toml").is_file()


def test_rules_source_falls_back_when_the_package_has_no_rule_files(tmp_path, monkeypatch):
    from importlib import resources

    monkeypatch.setattr(resources, "files", lambda package: tmp_path)
    assert catalog.rules_source().name == "rules"
