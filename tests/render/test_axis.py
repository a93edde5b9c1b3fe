"""The time axis as data (timeline.render.axis): rows per source, marks on their days, trips, month bands,
cut-out stretches, weekends and dates in the report's language, and which claims a finding quotes."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from claimkit import C, build, build_claims

from timeline.model import Finding
from timeline.render.axis import (
    PLOT_X0, PLOT_X1, Calendar, Link, axis_layout, claim_links, trips_of,
)
from timeline.render.axis_scale import BREAK_W
from timeline.render.html_page import calendar

ID = calendar("id")
EN = calendar("en")


def claims_of(rows: list[C]):
    return [e for item in build_claims(rows) for e in item.events]


def layout(rows: list[C], **options):
    items = build_claims(rows)
    sources = {item.article.key: item.article for item in items}  # what the report passes: each article
    return axis_layout([e for item in items for e in item.events], ID, sources=sources, **options)


DEPART_18 = C("a/001.txt", "departure", "Edi berangkat ke Korea Selatan pada 18 September 2023.", "18 September 2023",
              "2023-09-18", place="Korea Selatan", modality="planned")
DEPART_19 = C("a/002.txt", "departure", "Edi dijadwalkan bertolak ke Korea Selatan Selasa (19/9/2023).",
              "Selasa (19/9/2023)", "2023-09-19", place="Korea Selatan", modality="planned", published="2023-09-12")
RETURN_25 = C("a/001.txt", "return", "Edi kembali ke Tanah Air pada 25 September 2023.", "25 September 2023",
              "2023-09-25", place="Indonesia")
FORUM = C("a/002.txt", "meeting", "Forum berlangsung 18-22 Oktober 2023 di Incheon.", "18-22 Oktober 2023",
          "2023-10-18", "2023-10-22", place="Korea Selatan", modality="planned", published="2023-09-12")
MONTH = C("a/003.txt", "visit", "Kunjungan kerja dijadwalkan pada Oktober 2023.", "Oktober 2023", "2023-10-01",
          "2023-10-31", granularity="month", published="2023-09-20")
RAKOR_2025 = C("a/004.txt", "meeting", "Rakor digelar Rabu (15/1/2025) di Batam.", "Rabu (15/1/2025)", "2025-01-15",
               place="Batam", published="2025-01-15")
UNDATED = C("a/001.txt", "speak", "Edi akan menjadi pembicara di forum PBB.")


def day_centre(axis, day: date) -> float:
    left = axis.x(day)
    assert left is not None, day
    segment = next(s for s in axis.segments if s.start <= day <= s.end)
    return left + segment.px_per_day / 2


def test_one_row_per_source_so_disagreeing_departures_stand_one_above_the_other():
    axis = layout([DEPART_18, DEPART_19])
    assert [r.key for r in axis.rows] == ["a/001.txt", "a/002.txt"]  # published 10 and 12 September
    by_id = {m.claim_id: m for m in axis.marks}
    m18, m19 = by_id["a/001.txt#e0"], by_id["a/002.txt#e0"]
    assert m18.row != m19.row and m18.cy != m19.cy
    assert m18.cx == pytest.approx(day_centre(axis, date(2023, 9, 18)), abs=0.01)
    assert m19.cx == pytest.approx(day_centre(axis, date(2023, 9, 19)), abs=0.01)
    assert m19.cx - m18.cx == pytest.approx(axis.segments[0].px_per_day, abs=0.02)


def test_rows_are_ordered_by_publication_date():
    axis = layout([C(**{**DEPART_18.__dict__, "published": "2023-09-14"}), DEPART_19])
    assert [(r.key, r.published) for r in axis.rows] == [
        ("a/002.txt", date(2023, 9, 12)), ("a/001.txt", date(2023, 9, 14))]


def test_every_dated_claim_is_one_mark_and_undated_claims_are_counted_not_drawn():
    axis = layout([DEPART_18, RETURN_25, UNDATED, FORUM])
    assert len(axis.marks) == 3
    assert axis.undated == 1
    assert {m.shape for m in axis.marks} == {"point", "span"}


def test_a_range_of_days_is_a_span_from_its_first_day_to_its_last():
    axis = layout([FORUM])
    (mark,) = axis.marks
    assert mark.shape == "span"
    assert mark.x0 == pytest.approx(axis.x(date(2023, 10, 18)), abs=0.01)
    assert mark.x1 == pytest.approx(axis.x(date(2023, 10, 22)) + axis.segments[0].px_per_day, abs=0.01)


def test_a_month_level_claim_is_a_faint_band_over_the_month():
    axis = layout([MONTH])
    (mark,) = axis.marks
    assert mark.shape == "band"
    assert (mark.start, mark.end) == (date(2023, 10, 1), date(2023, 10, 31))
    assert mark.x1 - mark.x0 == pytest.approx(31 * axis.segments[0].px_per_day, abs=0.02)


def test_a_trip_runs_from_departure_to_the_reported_return():
    axis = layout([DEPART_18, RETURN_25])
    (trip,) = axis.trips
    assert (trip.start, trip.end, trip.inferred) == (date(2023, 9, 18), date(2023, 9, 25), False)
    assert trip.x1 == pytest.approx(axis.x(date(2023, 9, 25)) + axis.segments[0].px_per_day, abs=0.01)


@pytest.mark.parametrize("limit", [14, 10])
def test_without_a_reported_return_the_trip_ends_at_the_limit_and_says_it_is_inferred(limit):
    axis = layout([DEPART_19, FORUM], max_trip_days=limit)
    (trip,) = axis.trips
    assert trip.inferred and trip.end == date(2023, 9, 19) + timedelta(days=limit)
    assert trip.row == next(m.row for m in axis.marks if m.claim_id == "a/002.txt#e0")
    assert axis.max_trip_days == limit


def test_a_return_from_another_article_ends_the_trip_only_if_it_is_to_the_same_place_and_close():
    far = C("a/009.txt", "return", "Edi kembali dari Korea Selatan pada 30 Oktober 2023.", "30 Oktober 2023",
            "2023-10-30", place="Korea Selatan")
    near = C("a/010.txt", "return", "Edi pulang dari Korea Selatan pada 24 September 2023.", "24 September 2023",
             "2023-09-24", place="Korea Selatan")
    (trip,) = trips_of(claims_of([DEPART_19, far]), 14)
    assert trip[3] is True  # 41 days later: not this trip's return
    (trip,) = trips_of(claims_of([DEPART_19, near]), 14)
    assert (trip[2], trip[3]) == (date(2023, 9, 24), False)


def test_a_long_stretch_without_claims_is_cut_out_and_its_days_counted():
    axis = layout([DEPART_18, RAKOR_2025])
    assert len(axis.segments) == 2 and len(axis.breaks) == 1
    gap = axis.breaks[0]
    assert gap.x1 - gap.x0 == BREAK_W
    assert gap.start == axis.segments[0].end + timedelta(days=1)
    assert gap.end == axis.segments[1].start - timedelta(days=1)
    assert gap.days == (gap.end - gap.start).days + 1
    assert axis.segments[0].x0 == PLOT_X0 and axis.segments[-1].x1 == pytest.approx(PLOT_X1)
    for m in axis.marks:
        assert any(s.x0 <= m.cx <= s.x1 for s in axis.segments)


def test_the_axis_spans_only_the_claims_own_days_never_today():
    axis = layout([DEPART_18, FORUM])
    assert axis.first == date(2023, 9, 17) and axis.last == date(2023, 10, 23)  # a day of margin each side
    assert all(axis.first <= t.day <= axis.last for t in axis.ticks)


def test_weekends_are_shaded_on_saturday_and_sunday():
    axis = layout([DEPART_18, FORUM])
    assert axis.weekends
    for shade in axis.weekends:
        left = next(d for d in (axis.first + timedelta(days=i) for i in range(60)) if axis.x(d) == pytest.approx(shade.x0, abs=0.02))
        assert left.weekday() in (5, 6)
        width_days = round((shade.x1 - shade.x0) / axis.segments[0].px_per_day)
        assert width_days in (1, 2)


@pytest.mark.parametrize("cal,month", [(ID, "Oktober 2023"), (EN, "October 2023")])
def test_axis_dates_are_written_in_the_report_language(cal, month):
    axis = axis_layout(claims_of([DEPART_18, FORUM]), cal)
    assert month in [t.label for t in axis.ticks if t.line == 1]


def test_day_labels_fall_on_mondays_at_week_scale_and_name_the_month_on_the_first():
    axis = layout([DEPART_18, FORUM])
    labelled = [t for t in axis.ticks if t.line == 2 and t.level == "major"]
    assert labelled and all(t.day.weekday() == 0 for t in labelled)
    assert all(t.label == f"{t.day.day}" or t.label == f"{t.day.day} Okt" for t in labelled)


def test_two_claims_on_one_day_in_one_article_take_two_lanes():
    again = C("a/001.txt", "attend", "Edi juga menghadiri pelepasan pada 18 September 2023.", "18 September 2023",
              "2023-09-18", place="Bandara")
    axis = layout([DEPART_18, again])
    (row,) = axis.rows
    assert row.lanes == 2
    assert sorted(m.lane for m in axis.marks) == [0, 1]
    assert len({m.cy for m in axis.marks}) == 2


def test_an_unknown_event_type_from_a_later_stage_is_still_drawn():
    rows = [C("a/005.txt", "press_conference", "Konferensi pers digelar 3 Oktober 2023.", "3 Oktober 2023",
              "2023-10-03")]
    (mark,) = layout(rows).marks
    assert mark.event_type == "press_conference"


def test_a_finding_links_to_the_claim_whose_sentence_it_quotes():
    twice = [
        C("a/001.txt", "attend", "Edi hadir di pelabuhan, Kamis (14/9/2023).", "Kamis (14/9/2023)", "2023-09-14"),
        C("a/001.txt", "attend", "Kata Edi saat di pelabuhan, Kamis (14/9/2023).", "Kamis (14/9/2023)", "2023-09-14"),
    ]
    digest = build(twice)[0]
    claims = list(digest.events)
    finding = Finding(id="f1", code="TL002", rule="weekday-mismatch", severity="error", args={},
                      evidence=(digest.evidence[1],), official_id="edi-damansyah")
    assert claim_links([finding], claims) == {claims[1].id: [Link("f1", "error", 0)]}


def test_a_conflict_links_each_quote_to_its_own_claim_and_the_mark_takes_the_severity():
    digests = build([DEPART_18, DEPART_19])
    claims = [e for d in digests for e in d.events]
    evidence = tuple(d.evidence[0] for d in digests)
    finding = Finding(id="f2", code="TL101", rule="date-conflict", severity="error", args={}, evidence=evidence,
                      official_id="edi-damansyah")
    links = claim_links([finding], claims)
    assert links == {claims[0].id: [Link("f2", "error", 0)], claims[1].id: [Link("f2", "error", 1)]}
    axis = axis_layout(claims, ID, links=links)
    assert {m.severity for m in axis.marks} == {"error"}


def test_the_layout_is_plain_data_that_compares_equal_when_computed_twice():
    rows = [DEPART_18, DEPART_19, FORUM, MONTH, RAKOR_2025, UNDATED]
    assert layout(rows) == layout(rows)
    assert isinstance(ID, Calendar) and len(ID.months) == 12 and len(EN.months_short) == 12
