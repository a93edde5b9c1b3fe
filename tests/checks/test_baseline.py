"""Fingerprints and the baseline: stable ids from content, a round trip, stale entries, broken files."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from timeline.checks.baseline import apply_baseline, baseline_json, load_baseline, write_baseline
from timeline.errors import InputError
from timeline.checks.fingerprint import evidence_claim, finding_id, finding_id_of, normalize
from timeline.model import Evidence, Finding, Interval

CLAIM_A = ("2023-09-18", "18 September 2023", "Basri Rase dijadwalkan bertolak ke Korea Selatan pada 18 September 2023.")
CLAIM_B = ("2023-09-19", "Selasa (19/09/2023)", "Kegiatan itu berlangsung pada Selasa (19/09/2023) mendatang.")
BASE = finding_id("TL101", "basri-rase", [CLAIM_A, CLAIM_B])


def test_finding_id_is_short_lowercase_hex():
    assert len(BASE) == 16 and int(BASE, 16) >= 0 and BASE == BASE.lower()


@pytest.mark.parametrize(
    "label,code,official,claims",
    [
        ("claims in another order", "TL101", "basri-rase", [CLAIM_B, CLAIM_A]),
        ("code in lower case", "tl101", "basri-rase", [CLAIM_A, CLAIM_B]),
        ("quote re-wrapped", "TL101", "basri-rase",
         [(CLAIM_A[0], CLAIM_A[1], CLAIM_A[2].replace(" ke ", "\n  ke ")), CLAIM_B]),
        ("text in upper case", "TL101", "basri-rase",
         [CLAIM_A, (CLAIM_B[0], CLAIM_B[1].upper(), CLAIM_B[2])]),
    ],
)
def test_finding_id_ignores_order_case_and_whitespace(label, code, official, claims):
    assert finding_id(code, official, claims) == BASE


@pytest.mark.parametrize(
    "label,code,official,claims",
    [
        ("another rule", "TL105", "basri-rase", [CLAIM_A, CLAIM_B]),
        ("another official", "TL101", "najirah", [CLAIM_A, CLAIM_B]),
        ("no official", "TL101", None, [CLAIM_A, CLAIM_B]),
        ("another date", "TL101", "basri-rase", [("2023-09-20",) + CLAIM_A[1:], CLAIM_B]),
        ("another quote", "TL101", "basri-rase", [CLAIM_A[:2] + ("Basri Rase berangkat 18 September 2023.",), CLAIM_B]),
        ("a claim fewer", "TL101", "basri-rase", [CLAIM_A]),
    ],
)
def test_finding_id_changes_with_content(label, code, official, claims):
    assert finding_id(code, official, claims) != BASE


def evidence(path="arsip/001.txt", line=5, column=114, quote=CLAIM_A[2], text=CLAIM_A[1], day=date(2023, 9, 18), until=None):
    return Evidence(path, line, column, quote, text, Interval(day, until or day) if day else None, "day" if day else None,
                    date(2023, 9, 14), None, "UPDATEINDONESIA.COM", path)


def test_finding_id_of_evidence_ignores_lines_columns_and_paths():
    first = finding_id_of("TL101", "basri-rase", [evidence()])
    moved = finding_id_of("TL101", "basri-rase", [evidence(path="arsip/2023/09/001.txt", line=40, column=3)])
    assert first == moved == finding_id("TL101", "basri-rase", [CLAIM_A])


@pytest.mark.parametrize(
    "ev,claim",
    [
        (evidence(), CLAIM_A),
        (evidence(text="18-22 Oktober", quote="sejak 18-22 Oktober nanti", day=date(2023, 10, 18), until=date(2023, 10, 22)),
         ("2023-10-18..2023-10-22", "18-22 Oktober", "sejak 18-22 Oktober nanti")),
        (evidence(text="pekan depan", quote="dimulai pekan depan.", day=None), ("", "pekan depan", "dimulai pekan depan.")),
    ],
)
def test_evidence_claim(ev, claim):
    assert evidence_claim(ev) == claim


@pytest.mark.parametrize("raw,expected", [("  A\u00a0b\n c ", "a b c"), ("\u201cKota\u201d \u2013 Bontang", '"kota" - bontang'), ("ＴＬ", "tl"),
                                          ("\tRabu  (13/09/2023)\r\n", "rabu (13/09/2023)"), ("KATA Basri,\x1fSenin.", "kata basri, senin.")])
def test_normalize(raw, expected):
    assert normalize(raw) == expected


@pytest.mark.parametrize("raw", ["Wali Kota  Bontang\n", "a\x1c\x1d\x1e\x1fb", "x\x85y\u2028z", "\u3000Senin\u3000", "İstanbul ǅ ß", "\u00a0", "",
                                 "\u201cKota\u201d \u2018x\u2019 \u2013 y \u2014 \uff21\u201c"])
def test_normalize_keeps_the_ids_of_the_nfkc_and_whitespace_regex_form(raw):
    """Baselines hold ids made by the first form of `normalize`: any new form must give the same text."""
    import re
    import unicodedata

    from timeline.checks.fingerprint import _QUOTES

    first_form = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", raw).translate(_QUOTES)).strip().casefold()
    assert normalize(raw) == first_form


def finding(code, id_, official="Basri Rase", text="18 September 2023", path="arsip/001.txt"):
    return Finding(id_, code, "date-conflict", "error", {}, (evidence(path=path, text=text, quote=f"pada {text}."),),
                   "basri-rase", official)


FINDINGS = [finding("TL101", "bbbbbbbbbbbbbbbb"), finding("TL002", "aaaaaaaaaaaaaaaa", text="Selasa (15/1/2025)", path="arsip/003.txt")]


def test_baseline_round_trip(tmp_path):
    path = tmp_path / "baseline.json"
    assert write_baseline(path, FINDINGS + [FINDINGS[0]]) == 2
    assert load_baseline(path) == {"aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb"}
    assert json.loads(path.read_text(encoding="utf-8")) == {
        "schema_version": 1,
        "findings": [
            {"id": "aaaaaaaaaaaaaaaa", "code": "TL002", "official": "Basri Rase",
             "summary": "date-conflict: Selasa (15/1/2025) (arsip/003.txt)"},
            {"id": "bbbbbbbbbbbbbbbb", "code": "TL101", "official": "Basri Rase",
             "summary": "date-conflict: 18 September 2023 (arsip/001.txt)"},
        ],
    }


def test_baseline_text_does_not_depend_on_finding_order():
    assert baseline_json(FINDINGS) == baseline_json(list(reversed(FINDINGS)))


def test_apply_baseline_marks_accepted_findings_and_reports_stale_ids():
    marked, stale = apply_baseline(FINDINGS, {"bbbbbbbbbbbbbbbb", "ffffffffffffffff", "0000000000000000"})
    assert [(f.id, f.suppressed) for f in marked] == [("bbbbbbbbbbbbbbbb", True), ("aaaaaaaaaaaaaaaa", False)]
    assert stale == ("0000000000000000", "ffffffffffffffff")
    assert marked[0] == replace(FINDINGS[0], suppressed=True)


def test_apply_an_empty_baseline_changes_nothing():
    assert apply_baseline(FINDINGS, set()) == (tuple(FINDINGS), ())


BROKEN = [
    ("not json", '{"schema_version": 1,\n "findings": [\n}', "the baseline is not valid JSON", 3),
    ("a list", "[]", 'not a timeline baseline: expected an object with a "findings" list', None),
    ("wrong version", '{"schema_version": 2, "findings": []}', "not a timeline baseline: schema_version must be 1", None),
    ("entry without id", '{"schema_version": 1, "findings": [{"code": "TL101"}]}',
     'not a timeline baseline: findings[0] has no "id" string', None),
]
assert len({b[0] for b in BROKEN}) == len(BROKEN)


@pytest.mark.parametrize("label,text,expected,line", BROKEN, ids=[b[0] for b in BROKEN])
def test_a_broken_baseline_is_an_input_error_naming_the_file(tmp_path, label, text, expected, line):
    path = tmp_path / "baseline.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_baseline(path)
    where = f"{path}:{line}: " if line else f"{path}: "
    assert str(info.value).startswith(where + expected)


def test_a_missing_baseline_is_an_input_error(tmp_path):
    with pytest.raises(InputError) as info:
        load_baseline(tmp_path / "tidak-ada.json")
    assert str(info.value) == f"{tmp_path / 'tidak-ada.json'}: cannot read the baseline (No such file or directory)"


def test_an_unwritable_baseline_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="cannot write the baseline"):
        write_baseline(tmp_path / "no-dir" / "baseline.json", FINDINGS)


def test_article_ref_names_the_article_from_the_root_wherever_the_run_starts(tmp_path, monkeypatch):
    from timeline.checks.fingerprint import article_ref

    (tmp_path / "arsip" / "2023").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    assert article_ref("arsip/2023/001.txt", "arsip/2023/001.txt") == "arsip/2023/001.txt"
    assert article_ref("arsip/2023/kabar.jsonl", "arsip/2023/kabar.jsonl#12", "arsip") == "2023/kabar.jsonl#12"
    assert article_ref(str(tmp_path / "arsip/2023/001.txt"), str(tmp_path / "arsip/2023/001.txt"), "arsip") == "2023/001.txt"
    monkeypatch.chdir(tmp_path / "arsip")
    assert article_ref("2023/001.txt", "2023/001.txt", str(tmp_path)) == "arsip/2023/001.txt"
    monkeypatch.chdir(tmp_path)  # the same path and root from another directory: another file, no stale answer
    assert article_ref("2023/001.txt", "2023/001.txt", str(tmp_path)) == "2023/001.txt"
