"""Report renderers: text grouping, the JSON shape and its schema, SARIF for code scanning, GitHub annotations."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from timeline.checks.catalog import load_catalog
from timeline.checks.fingerprint import finding_id_of
from timeline.lang import Text
from timeline.model import (
    EventClaim, Evidence, Finding, InputProblem, Interval, Location, Official, Participant, Place, Report, Role,
    Sentence, TimeExpression,
)
from timeline.render import counts, render
from timeline.render.github import escape_data, escape_property, render_github
from timeline.render.json import schema
from timeline.render.sarif import artifact_uri
from timeline.render.text import marked_quote

CATALOG = load_catalog()


def evidence(path, line, column, quote, text, day=None, published=None, outlet=None, url=None, until=None):
    start = quote.index(text)
    interval = Interval(day, until or day) if day else None
    return Evidence(
        path=path, line=line, column=column, quote=quote, text=text, date=interval,
        granularity="day" if day else None, published=published, url=url, outlet=outlet, article_key=path,
        mark_start=start, mark_end=start + len(text),
    )


DEPARTS_18 = evidence(
    "arsip/bontang/001.txt", 5, 114,
    "Basri Rase dijadwalkan bertolak ke Korea Selatan untuk menghadiri undangan PBB pada 18 September 2023.",
    "18 September 2023", date(2023, 9, 18), date(2023, 9, 14), "UPDATEINDONESIA.COM",
    "https://updateindonesia.com/a",
)
DEPARTS_19 = evidence(
    "arsip/bontang/002.txt", 1, 115, "Kegiatan itu berlangsung pada Selasa (19/09/2023) mendatang.",
    "Selasa (19/09/2023)", date(2023, 9, 19), date(2023, 9, 12), "SuaraKaltim.id",
)
FORUM = evidence(
    "arsip/bontang/002.txt", 4, 88,
    "Khususnya, dalam agenda Forum Pimpinan Ketahanan Bencana yang berlangsung sejak 18-22 Oktober nanti.",
    "18-22 Oktober", date(2023, 10, 18), date(2023, 9, 12), "SuaraKaltim.id", until=date(2023, 10, 22),
)
WEEKDAY = evidence(
    "arsip/bontang/003.txt", 2, 60, "Rakor yang berlangsung di Hotel Aston, Kota Batam, Selasa (15/1/2025) ini dipimpin langsung Wali Kota Bontang.",
    "Selasa (15/1/2025)", date(2025, 1, 15), date(2025, 1, 15), "PRANALA.CO",
)
RELATIVE = evidence("arsip/lain/tanpa-tanggal.txt", 3, 90, "Pembangunan jembatan akan dimulai pekan depan.", "pekan depan")

BASRI = Official("basri-rase", "Basri Rase", (Role("Wali Kota", "Bontang"),))
AMIR = Official("amiruddin", "Amiruddin", (Role("Kepala Badan", "Bapelitbang Bontang"),))


def finding(code, rule, severity, args, ev, official=BASRI, **extra):
    return Finding(
        id=finding_id_of(code, official.id if official else None, ev), code=code, rule=rule, severity=severity,
        args=args, evidence=tuple(ev), official_id=official.id if official else None,
        official_name=official.name if official else None, **extra,
    )


CONFLICT = finding(
    "TL101", "date-conflict", "error",
    {"event": Text.of("event.departure"), "place": "Korea Selatan",
     "first_date": Interval(date(2023, 9, 18), date(2023, 9, 18)), "second_date": date(2023, 9, 19),
     "dates": (date(2023, 9, 18), date(2023, 9, 19))},
    [DEPARTS_18, DEPARTS_19], event_type="departure", place="Korea Selatan",
    companions=("Usman", "Amiruddin", "Soni Suwito", "Heru Triatmojo"),
)
OUTSIDE = finding(
    "TL102", "outside-trip", "error",
    {"event": Text.of("event.attend"), "date": Interval(date(2023, 10, 18), date(2023, 10, 22)),
     "place": "Korea Selatan", "trip_start": date(2023, 9, 19), "trip_end": date(2023, 10, 3), "trip_days": 14,
     "bound": Text.of("term.bound_limit", days=14)},
    [FORUM, DEPARTS_19], event_type="attend", place="Korea Selatan",
)
MISMATCH = finding(
    "TL002", "weekday-mismatch", "error", {"date": "2025-01-15", "text": "Selasa (15/1/2025)", "stated": "Selasa", "actual": "Rabu"},
    [WEEKDAY],
)
UNANCHORED = finding("TL901", "unanchored-relative", "info", {"count": 1, "examples": "pekan depan", "article": "arsip/lain/tanpa-tanggal.txt"}, [RELATIVE], official=None)

CLAIM = EventClaim(
    id="arsip/bontang/002.txt#e0", article_key="arsip/bontang/002.txt", type="departure", trigger="perjalanan dinas",
    trigger_start=60, trigger_end=76, participants=(Participant("basri-rase", "agent"),),
    place=Place("Korea Selatan", "KR", "Korea Selatan"),
    date=TimeExpression("Selasa (19/09/2023)", 98, 117, "date", Interval(date(2023, 9, 19), date(2023, 9, 19)), granularity="day"),
    modality="planned", sentence=Sentence(0, 120, "Kegiatan itu berlangsung pada Selasa (19/09/2023) mendatang."),
    location=Location("arsip/bontang/002.txt", 1, 61),
)
UNDATED_CLAIM = replace(CLAIM, id="arsip/bontang/002.txt#e1", type="attend", date=None, place=None, modality="reported")


def make_report(findings=(CONFLICT, OUTSIDE, MISMATCH, UNANCHORED), **extra):
    return Report(
        articles=5,
        skipped=(InputProblem("arsip/rusak.pdf", Text.of("input.binary")),),
        warnings=(),
        officials=(BASRI, AMIR),
        events={"basri-rase": (CLAIM, UNDATED_CLAIM)},
        findings=tuple(findings),
        **extra,
    )


# --------------------------------------------------------------------------------------------------
# text
# --------------------------------------------------------------------------------------------------

TEXT_EN = """\
Basri Rase (Wali Kota Bontang)
  error TL002 weekday-mismatch: Selasa (15/1/2025): the text says Selasa, but 2025-01-15 falls on Rabu.
    arsip/bontang/003.txt:2:60  PRANALA.CO, published 2025-01-15
      "Rakor yang berlangsung di Hotel Aston, Kota Batam, [[Selasa (15/1/2025)]] ini dipimpin langsung Wali Kota Bontang."

  error TL101 date-conflict: Basri Rase: the departure (Korea Selatan) is reported on 2023-09-18 and also on 2023-09-19; both cannot be true.
    arsip/bontang/001.txt:5:114  UPDATEINDONESIA.COM, published 2023-09-14
      "Basri Rase dijadwalkan bertolak ke Korea Selatan untuk menghadiri undangan PBB pada [[18 September 2023]]."
    arsip/bontang/002.txt:1:115  SuaraKaltim.id, published 2023-09-12
      "Kegiatan itu berlangsung pada [[Selasa (19/09/2023)]] mendatang."
    with: Usman, Amiruddin, Soni Suwito, Heru Triatmojo

  error TL102 outside-trip: Basri Rase: the attendance on 2023-10-18..2023-10-22 is part of the trip to Korea Selatan, but falls outside it (2023-09-19 to 2023-10-03, by the 14-day limit).
    arsip/bontang/002.txt:4:88  SuaraKaltim.id, published 2023-09-12
      "Khususnya, dalam agenda Forum Pimpinan Ketahanan Bencana yang berlangsung sejak [[18-22 Oktober]] nanti."
    arsip/bontang/002.txt:1:115  SuaraKaltim.id, published 2023-09-12
      "Kegiatan itu berlangsung pada [[Selasa (19/09/2023)]] mendatang."

No official
  info TL901 unanchored-relative: 1 relative date(s) (pekan depan) cannot be resolved: the article has no publication date.
    arsip/lain/tanpa-tanggal.txt:3:90  publication date unknown
      "Pembangunan jembatan akan dimulai [[pekan depan]]."

Skipped:
  arsip/rusak.pdf: is a binary file, not text

3 errors, 0 warnings, 1 info; 5 articles read; 1 files skipped
"""


def test_text_groups_findings_by_official_with_marked_quotes():
    assert render(make_report(), "text", "en", CATALOG) == TEXT_EN


def test_text_in_indonesian_uses_indonesian_labels_and_messages():
    text = render(make_report(), "text", "id", CATALOG)
    assert "  kesalahan TL002 weekday-mismatch: Selasa (15/1/2025): tertulis hari Selasa, padahal 2025-01-15" in text
    assert ": Basri Rase: keberangkatan (Korea Selatan) diberitakan pada 2023-09-18 dan juga pada 2023-09-19;" in text
    assert "(2023-09-19 sampai 2023-10-03, menurut batas 14 hari).\n" in text
    assert "    arsip/bontang/003.txt:2:60  PRANALA.CO, terbit 2025-01-15\n" in text
    assert "    bersama: Usman, Amiruddin, Soni Suwito, Heru Triatmojo\n" in text
    assert "\nTanpa pejabat\n" in text
    assert "    arsip/lain/tanpa-tanggal.txt:3:90  tanggal terbit tidak diketahui\n" in text
    assert text.endswith("\n3 kesalahan, 0 peringatan, 1 info; 5 artikel dibaca; 1 berkas dilewati\n")


def test_text_has_escape_codes_only_when_color_is_asked():
    assert "\x1b[" not in render(make_report(), "text", "en", CATALOG)
    coloured = render(make_report(), "text", "en", CATALOG, color=True)
    assert "\x1b[1;31merror\x1b[0m TL101" in coloured
    assert "\x1b[1;4m18 September 2023\x1b[0m" in coloured


def test_text_leaves_out_suppressed_findings_but_counts_them_and_lists_stale_ids():
    report = make_report([replace(CONFLICT, suppressed=True), MISMATCH], stale_baseline=("0123456789abcdef",))
    text = render(report, "text", "en", CATALOG)
    assert "TL101" not in text
    assert "1 baseline entries no longer match any finding: 0123456789abcdef\n" in text
    assert text.endswith("1 errors, 0 warnings, 0 info; 5 articles read; 1 files skipped; 1 accepted by the baseline\n")


def test_text_without_findings_says_so():
    text = render(make_report([]), "text", "id", CATALOG)
    assert text.startswith("Tidak ada temuan.\n")


@pytest.mark.parametrize(
    "quote,start,end,expected",
    [
        ("pada 18 September 2023.", 5, 22, "pada [[18 September 2023]]."),
        ("baris satu\nbaris dua", 11, 16, "baris satu [[baris]] dua"),
        ("tanpa tanda", 0, 0, "tanpa tanda"),
        ("di luar batas", 5, 99, "di luar batas"),
    ],
)
def test_marked_quote(quote, start, end, expected):
    e = Evidence("a.txt", 1, 1, quote, quote[start:end], None, None, None, None, None, "a.txt", start, end)
    assert marked_quote(e) == expected


# --------------------------------------------------------------------------------------------------
# json
# --------------------------------------------------------------------------------------------------


def validate(payload):
    jsonschema.Draft202012Validator.check_schema(schema())
    jsonschema.Draft202012Validator(schema()).validate(payload)


def test_json_report_has_the_documented_shape_and_validates():
    data = json.loads(render(make_report(), "json", "en", CATALOG))
    validate(data)
    assert list(data) == ["schema_version", "tool", "inputs", "officials", "discrepancies", "summary"]
    assert data["tool"] == {"name": "timeline", "version": "0.1.0"}
    assert data["inputs"] == {"articles": 5, "skipped": [{"path": "arsip/rusak.pdf", "error": "is a binary file, not text"}]}
    assert data["summary"] == {"error": 3, "warning": 0, "info": 1}
    assert [d["code"] for d in data["discrepancies"]] == ["TL002", "TL101", "TL102", "TL901"]


def test_json_discrepancy_lists_every_claim():
    data = json.loads(render(make_report(), "json", "id", CATALOG))
    conflict = data["discrepancies"][1]
    assert conflict == {
        "id": CONFLICT.id,
        "rule": "date-conflict",
        "code": "TL101",
        "severity": "error",
        "message": "Basri Rase: keberangkatan (Korea Selatan) diberitakan pada 2023-09-18 dan juga pada "
                   "2023-09-19; keduanya tidak mungkin benar.",
        "official": {"id": "basri-rase", "name": "Basri Rase"},
        "event": {"type": "departure", "place": "Korea Selatan"},
        "claims": [
            {
                "path": "arsip/bontang/001.txt", "line": 5, "column": 114, "quote": DEPARTS_18.quote,
                "text": "18 September 2023", "date": {"start": "2023-09-18", "end": "2023-09-18", "granularity": "day"},
                "published": "2023-09-14", "url": "https://updateindonesia.com/a", "outlet": "UPDATEINDONESIA.COM",
            },
            {
                "path": "arsip/bontang/002.txt", "line": 1, "column": 115, "quote": DEPARTS_19.quote,
                "text": "Selasa (19/09/2023)", "date": {"start": "2023-09-19", "end": "2023-09-19", "granularity": "day"},
                "published": "2023-09-12", "url": None, "outlet": "SuaraKaltim.id",
            },
        ],
        "companions": ["Usman", "Amiruddin", "Soni Suwito", "Heru Triatmojo"],
    }
    assert data["discrepancies"][3]["official"] is None
    assert data["discrepancies"][3]["claims"][0]["date"] is None


def test_json_lists_each_officials_events():
    data = json.loads(render(make_report(), "json", "en", CATALOG))
    assert data["officials"] == [
        {
            "id": "basri-rase", "name": "Basri Rase", "roles": ["Wali Kota Bontang"],
            "events": [
                {"id": "arsip/bontang/002.txt#e0", "type": "departure",
                 "date": {"start": "2023-09-19", "end": "2023-09-19", "granularity": "day"},
                 "place": "Korea Selatan", "modality": "planned", "path": "arsip/bontang/002.txt", "line": 1, "column": 61},
                {"id": "arsip/bontang/002.txt#e1", "type": "attend", "date": None, "place": None,
                 "modality": "reported", "path": "arsip/bontang/002.txt", "line": 1, "column": 61},
            ],
        },
        {"id": "amiruddin", "name": "Amiruddin", "roles": ["Kepala Badan Bapelitbang Bontang"], "events": []},
    ]


def test_json_marks_suppressed_findings_and_stale_ids_and_still_validates():
    report = make_report([replace(CONFLICT, suppressed=True), MISMATCH], stale_baseline=("0123456789abcdef",))
    data = json.loads(render(report, "json", "en", CATALOG))
    validate(data)
    assert [d.get("suppressed") for d in data["discrepancies"]] == [None, True]
    assert data["summary"] == {"error": 1, "warning": 0, "info": 0}
    assert data["stale_baseline"] == ["0123456789abcdef"]


@pytest.mark.parametrize(
    "path,value",
    [
        (("discrepancies", 0, "claims", 0, "line"), 0),
        (("discrepancies", 0, "claims", 0, "column"), 0),
        (("discrepancies", 0, "severity"), "fatal"),
        (("discrepancies", 0, "claims", 0, "date", "start"), "18/09/2023"),
        (("summary", "errors"), 1),
        (("schema_version",), 2),
    ],
)
def test_schema_rejects_reports_that_break_the_contract(path, value):
    data = json.loads(render(make_report(), "json", "en", CATALOG))
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(jsonschema.ValidationError):
        validate(data)


def test_schema_documents_one_based_positions_and_inclusive_dates():
    s = schema()
    assert "1-based" in s["description"] and "both inclusive" in s["description"]
    assert "1-based" in s["$defs"]["line"]["description"] and "1-based" in s["$defs"]["column"]["description"]
    assert "inclusive" in s["$defs"]["interval"]["properties"]["end"]["description"]
    assert s["$schema"] == "https://json-schema.org/draft/2020-12/schema"


# --------------------------------------------------------------------------------------------------
# sarif
# --------------------------------------------------------------------------------------------------


def sarif(report, lang="en", root=None):
    return json.loads(render(report, "sarif", lang, CATALOG, root=root))


def test_sarif_log_has_what_code_scanning_requires():
    log = sarif(make_report())
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("timeline", "0.1.0")
    assert driver["informationUri"].startswith("https://")
    assert [r["id"] for r in driver["rules"]] == [r.code for r in CATALOG]
    for descriptor in driver["rules"]:
        assert set(descriptor) >= {"id", "name", "shortDescription", "fullDescription", "help", "defaultConfiguration"}
        assert set(descriptor["help"]) == {"text", "markdown"}
    by_id = {r["id"]: r for r in driver["rules"]}
    assert by_id["TL105"]["defaultConfiguration"] == {"level": "note"}
    assert by_id["TL003"]["defaultConfiguration"] == {"level": "warning"}
    assert by_id["TL101"]["name"] == "date-conflict"
    assert len(run["results"]) == 4
    for res in run["results"]:
        assert set(res) >= {"ruleId", "level", "message", "locations", "partialFingerprints"}
        assert driver["rules"][res["ruleIndex"]]["id"] == res["ruleId"]


@pytest.mark.parametrize("severity,level", [("error", "error"), ("warning", "warning"), ("info", "note")])
def test_sarif_level_follows_the_findings_severity(severity, level):
    log = sarif(make_report([replace(MISMATCH, severity=severity)]))
    assert log["runs"][0]["results"][0]["level"] == level


def test_sarif_result_puts_the_first_claim_in_locations_and_the_rest_related():
    (res,) = sarif(make_report([CONFLICT]))["runs"][0]["results"]
    assert res["locations"] == [{"physicalLocation": {
        "artifactLocation": {"uri": "arsip/bontang/001.txt"},
        "region": {"startLine": 5, "startColumn": 114, "snippet": {"text": DEPARTS_18.quote}},
    }}]
    assert res["relatedLocations"] == [{
        "id": 1,
        "physicalLocation": {
            "artifactLocation": {"uri": "arsip/bontang/002.txt"},
            "region": {"startLine": 1, "startColumn": 115, "snippet": {"text": DEPARTS_19.quote}},
        },
        "message": {"text": "\"Selasa (19/09/2023)\" = 2023-09-19 (SuaraKaltim.id, 2023-09-12)"},
    }]
    assert res["message"]["text"] == (
        "Basri Rase: the departure (Korea Selatan) is reported on 2023-09-18 and also on 2023-09-19; "
        "both cannot be true. ([other claim 1](1))"
    )
    assert res["partialFingerprints"] == {"timelineFindingId/v1": CONFLICT.id}
    assert "suppressions" not in res


def test_sarif_keeps_suppressed_findings_with_an_external_suppression():
    results = sarif(make_report([replace(CONFLICT, suppressed=True), MISMATCH]))["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["TL002", "TL101"]
    assert "suppressions" not in results[0]
    assert results[1]["suppressions"] == [
        {"kind": "external", "status": "accepted", "justification": "accepted in baseline"}
    ]


def test_sarif_fingerprint_does_not_change_when_lines_move():
    moved = replace(CONFLICT, evidence=tuple(replace(e, line=e.line + 40, column=1) for e in CONFLICT.evidence))
    moved = replace(moved, id=finding_id_of("TL101", "basri-rase", moved.evidence))
    before = sarif(make_report([CONFLICT]))["runs"][0]["results"][0]["partialFingerprints"]
    after = sarif(make_report([moved]))["runs"][0]["results"][0]["partialFingerprints"]
    assert before == after


def test_sarif_reports_skipped_files_as_notifications():
    (invocation,) = sarif(make_report())["runs"][0]["invocations"]
    assert invocation["toolExecutionNotifications"] == [{
        "level": "error", "message": {"text": "is a binary file, not text"},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": "arsip/rusak.pdf"}}}],
    }]


def test_sarif_rule_docs_follow_the_language():
    driver = sarif(make_report(), "id")["runs"][0]["tool"]["driver"]
    assert driver["rules"][0]["shortDescription"]["text"].startswith("Tanggal yang tidak ada di kalender")


@pytest.mark.parametrize(
    "path,expected",
    [
        ("arsip/a.txt", "arsip/a.txt"),
        ("./arsip/a.txt", "arsip/a.txt"),
        ("arsip\\bontang\\a.txt", "arsip/bontang/a.txt"),
        ("{root}/arsip/b.txt", "arsip/b.txt"),
    ],
)
def test_artifact_uri_is_relative_posix(tmp_path, path, expected):
    assert artifact_uri(path.format(root=tmp_path), str(tmp_path)) == expected


def test_artifact_uri_outside_the_root_is_a_file_uri(tmp_path):
    outside = Path("/var/arsip/a.txt")
    assert artifact_uri(str(outside), str(tmp_path)) == "file:///var/arsip/a.txt"


# --------------------------------------------------------------------------------------------------
# github
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw,data,prop",
    [
        ("plain", "plain", "plain"),
        ("100%", "100%25", "100%25"),
        ("a\nb", "a%0Ab", "a%0Ab"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("TL101: date-conflict", "TL101: date-conflict", "TL101%3A date-conflict"),
        ("Bontang, Kaltim", "Bontang, Kaltim", "Bontang%2C Kaltim"),
        ("%0A", "%250A", "%250A"),
        ("C:\\arsip,1.txt", "C:\\arsip,1.txt", "C%3A\\arsip%2C1.txt"),
    ],
)
def test_github_escaping(raw, data, prop):
    assert escape_data(raw) == data
    assert escape_property(raw) == prop


def test_github_annotation_for_one_finding():
    out = render(make_report([CONFLICT, UNANCHORED]), "github", "en", CATALOG)
    assert out == (
        "::error file=arsip/bontang/001.txt,line=5,col=114,title=TL101 date-conflict::"
        "Basri Rase: the departure (Korea Selatan) is reported on 2023-09-18 and also on 2023-09-19; "
        "both cannot be true.%0Aarsip/bontang/002.txt:1:115: Selasa (19/09/2023)\n"
        "::notice file=arsip/lain/tanpa-tanggal.txt,line=3,col=90,title=TL901 unanchored-relative::"
        "1 relative date(s) (pekan depan) cannot be resolved: the article has no publication date.\n"
    )


def test_github_escapes_a_path_with_a_comma():
    odd = replace(MISMATCH, evidence=(replace(WEEKDAY, path="arsip/berita, 3.txt"),))
    out = render(make_report([odd]), "github", "en", CATALOG)
    assert out.startswith("::error file=arsip/berita%2C 3.txt,line=2,col=60,title=TL002 weekday-mismatch::")


def _many(n, severity):
    return [replace(MISMATCH, id=f"{i:016x}", severity=severity, evidence=(replace(WEEKDAY, line=i + 1),)) for i in range(n)]


@pytest.mark.parametrize(
    "errors,warnings,expected_errors,expected_warnings,summaries",
    [
        (3, 0, 3, 0, []),
        (10, 2, 10, 2, []),
        (11, 0, 9, 0, ["::error title=timeline::2 more error findings are not shown as annotations; see the full report (--format text or json)."]),
        (25, 12, 9, 9, [
            "::error title=timeline::16 more error findings are not shown as annotations; see the full report (--format text or json).",
            "::warning title=timeline::3 more warning findings are not shown as annotations; see the full report (--format text or json).",
        ]),
    ],
)
def test_github_caps_annotations_per_severity_with_one_summary(errors, warnings, expected_errors, expected_warnings, summaries):
    out = render_github(make_report(_many(errors, "error") + _many(warnings, "warning")), "en", {r.code: r for r in CATALOG})
    lines = out.splitlines()
    located = [line for line in lines if " file=" in line]
    assert sum(line.startswith("::error ") for line in located) == expected_errors
    assert sum(line.startswith("::warning ") for line in located) == expected_warnings
    assert [line for line in lines if "title=timeline::" in line] == summaries
    for kind in ("::error ", "::warning "):
        assert sum(line.startswith(kind) for line in lines) <= 10


def test_github_summary_in_indonesian():
    out = render_github(make_report(_many(12, "error")), "id", {r.code: r for r in CATALOG})
    assert out.splitlines()[-1] == (
        "::error title=timeline::3 temuan kesalahan lainnya tidak ditampilkan sebagai anotasi; "
        "lihat laporan lengkap (--format text atau json)."
    )


def test_github_skips_suppressed_findings():
    assert render(make_report([replace(CONFLICT, suppressed=True)]), "github", "en", CATALOG) == ""


# --------------------------------------------------------------------------------------------------
# shared
# --------------------------------------------------------------------------------------------------


def test_counts_leave_out_suppressed_findings():
    assert counts([CONFLICT, replace(OUTSIDE, suppressed=True), UNANCHORED]) == {"error": 1, "warning": 0, "info": 1}


def test_render_rejects_an_unknown_format():
    from timeline.errors import InputError

    with pytest.raises(InputError, match="unknown format 'xml' \\(known: text, json, sarif, github, html\\)"):
        render(make_report(), "xml", "en", CATALOG)


def test_render_without_a_catalog_uses_the_packaged_one():
    assert render(make_report(), "text", "en") == TEXT_EN


def test_a_finding_whose_rule_is_not_in_the_catalog_still_renders():
    odd = replace(MISMATCH, code="TL999", rule="future-rule", args={"x": "1"})
    assert "  error TL999 future-rule: future-rule: x=1\n" in render(make_report([odd]), "text", "en", CATALOG)


@pytest.mark.parametrize("officials", [(BASRI, AMIR), ()])
def test_json_text_is_built_per_official_but_equals_the_whole_dict(officials):
    from timeline.render.json import render_json, report_json

    report = replace(make_report(), officials=officials)
    rules = {r.code: r for r in CATALOG}
    assert json.loads(render_json(report, "en", rules)) == report_json(report, "en", rules)
