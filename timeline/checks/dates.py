"""Checks on single time expressions: dates that do not exist, wrong weekdays, lengths, tenses."""

from __future__ import annotations

from typing import Iterator

from timeline.checks.base import (
    CheckContext,
    Draft,
    evidence_for_expression,
    format_interval,
    official_of_span,
    sentence_at,
)
from timeline.records import ArticleClaims, TimeExpression

DAYS_PER_UNIT = {"days": 1, "weeks": 7}


def _name(ctx: CheckContext, official_id: str | None) -> str:
    if official_id and official_id in ctx.officials:
        return ctx.officials[official_id].name
    return "-"


def invalid_date(ctx: CheckContext) -> Iterator[Draft]:
    """TL001: a calendar date that does not exist (31 September, 29 Februari 2023)."""
    for item in ctx.claims:
        for expr in item.expressions:
            if expr.valid:
                continue
            oid = official_of_span(item, expr.start, expr.end)
            yield Draft(
                rule="invalid-date",
                args={"date": expr.text, "official": _name(ctx, oid)},
                evidence=(evidence_for_expression(item, expr),),
                official_id=oid,
            )


def weekday_mismatch(ctx: CheckContext) -> Iterator[Draft]:
    """TL002: a stated weekday that is not the date's weekday; impossible dates are TL001's."""
    for item in ctx.claims:
        for expr in item.expressions:
            wd = expr.weekday
            if not expr.valid or wd is None or wd.ok is not False or expr.value is None:
                continue
            oid = official_of_span(item, expr.start, expr.end)
            yield Draft(
                rule="weekday-mismatch",
                args={
                    "date": format_interval(expr.value),
                    "text": expr.text,
                    "stated": wd.stated,
                    "actual": wd.actual or "?",
                    "official": _name(ctx, oid),
                },
                evidence=(evidence_for_expression(item, expr),),
                official_id=oid,
            )


def _duration_days(expr: TimeExpression) -> int | None:
    d = expr.duration
    if d is None or d.amount is None or d.unit not in DAYS_PER_UNIT:
        return None
    days = d.amount * DAYS_PER_UNIT[d.unit]
    return int(days) if float(days).is_integer() else None


def duration_mismatch(ctx: CheckContext) -> Iterator[Draft]:
    """TL003: "selama tiga hari" next to a stated range of another length, in one sentence."""
    for item in ctx.claims:
        exprs = item.expressions
        for i, dur in enumerate(exprs):
            days = _duration_days(dur) if dur.kind == "duration" else None
            if days is None:
                continue
            sentence = sentence_at(item.sentences, dur.start)
            if sentence is None:
                continue
            ranges = [
                e
                for e in exprs
                if e.kind == "range"
                and e.value is not None
                and e.valid
                and e.granularity == "day"
                and sentence.start <= e.start < sentence.end
            ]
            # Only an unambiguous pairing: exactly one duration and one range in the sentence.
            durations = [e for e in exprs if e.kind == "duration" and sentence.start <= e.start < sentence.end]
            if len(ranges) != 1 or len(durations) != 1:
                continue
            rng = ranges[0]
            if rng.value.days == days:
                continue
            oid = official_of_span(item, rng.start, rng.end) or official_of_span(item, dur.start, dur.end)
            yield Draft(
                rule="duration-mismatch",
                args={
                    "duration": dur.text,
                    "duration_days": str(days),
                    "range": format_interval(rng.value),
                    "range_text": rng.text,
                    "range_days": str(rng.value.days),
                    "official": _name(ctx, oid),
                },
                evidence=(evidence_for_expression(item, dur), evidence_for_expression(item, rng)),
                official_id=oid,
            )


def tense_mismatch(ctx: CheckContext) -> Iterator[Draft]:
    """TL004: a future marker on a date before publication, or a past marker on one after it."""
    for item in ctx.claims:
        published = item.article.published
        if published is None:
            continue
        for expr in item.expressions:
            if (
                expr.value is None
                or not expr.valid
                or expr.anchor != "explicit"
                or expr.year_inferred
                or expr.kind not in ("date", "range")
                or expr.tense is None
            ):
                continue
            if expr.tense == "future" and expr.value.end < published:
                direction = "future"
            elif expr.tense == "past" and expr.value.start > published:
                direction = "past"
            else:
                continue
            oid = official_of_span(item, expr.start, expr.end)
            yield Draft(
                rule="tense-mismatch",
                args={
                    "date": format_interval(expr.value),
                    "text": expr.text,
                    "tense": direction,
                    "published": published.isoformat(),
                    "official": _name(ctx, oid),
                },
                evidence=(evidence_for_expression(item, expr),),
                official_id=oid,
            )


def unanchored_relative(ctx: CheckContext) -> Iterator[Draft]:
    """TL901: relative dates left unresolved because the article has no publication date."""
    for item in ctx.claims:
        if item.article.published is not None:
            continue
        pending = [e for e in item.expressions if not e.resolved and e.kind != "duration"]
        if not pending:
            continue
        yield Draft(
            rule="unanchored-relative",
            args={
                "count": str(len(pending)),
                "examples": ", ".join(dict.fromkeys(e.text for e in pending[:3])),
                "article": item.article.key,
            },
            evidence=tuple(evidence_for_expression(item, e) for e in pending[:3]),
        )
