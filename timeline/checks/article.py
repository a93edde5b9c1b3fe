"""Rules that read one article alone: dates that do not exist, wrong weekdays, lengths, tenses.

They run where the article is extracted (a worker process), and their drafts are cached with it.
Each takes one article's claims and the rule's options and yields typed drafts (no text).
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any, Iterator, Mapping

from timeline.extract.about import official_of_span
from timeline.extract.evidence import evidence_for_expression
from timeline.model import ArticleClaims, Draft, Interval, TimeExpression
from timeline.text.spans import sentence_at

DAYS_PER_UNIT = {"days": 1, "weeks": 7}
# Publication metadata is often the morning after a story was written: one day of slack.
TENSE_SLACK_DAYS = 1


def _attached_tense(expr: TimeExpression) -> str | None:
    """The tense of a word written right after the date ("... mendatang", "... lalu"): the only
    markers precise enough to contradict a publication date. Clause words (akan, telah) often
    govern another verb."""
    from timeline.lang import norm

    words = norm(expr.text).split()[-3:]
    order = _tense_markers()
    ends = [order[tail] for k in range(1, len(words) + 1) if (tail := " ".join(words[-k:])) in order]
    return min(ends)[1] if ends else None  # the first marker of the data that ends the text


@lru_cache(maxsize=1)
def _tense_markers() -> dict[str, tuple[int, str]]:
    """Each tense marker after a date (whole words), with its place in the language data and its tense."""
    from timeline.temporal.vocab import vocab

    return {m: (i, tense) for i, (m, tense) in enumerate(vocab().tense_after.items()) if tense is not None}


def _name(item: ArticleClaims, official_id: str | None) -> str | None:
    """The official's name as this article gives it (the runner puts the canonical one in later)."""
    for official in item.officials:
        if official.id == official_id:
            return official.name
    return None


def invalid_date(item: ArticleClaims, options: Mapping[str, Any]) -> Iterator[Draft]:
    """TL001: a calendar date that does not exist (31 September, 29 Februari 2023)."""
    for expr in item.expressions:
        if expr.valid:
            continue
        oid = official_of_span(item, expr.start, expr.end)
        yield Draft(
            rule="invalid-date",
            args={"date": expr.text},
            evidence=(evidence_for_expression(item, expr),),
            official_id=oid,
            official_name=_name(item, oid),
        )


def weekday_mismatch(item: ArticleClaims, options: Mapping[str, Any]) -> Iterator[Draft]:
    """TL002: a stated weekday that is not the date's weekday, with the nearest corrections; impossible
    dates are TL001's. A range with one weekday speaks of its start day."""
    from timeline.checks.weekday import checked_day, other_reading_fits, suggestions_for

    published = item.article.published
    for expr in item.expressions:
        wd = expr.weekday
        if not expr.valid or wd is None or wd.ok is not False or expr.value is None:
            continue
        day, stated, actual = checked_day(expr)
        if expr.year_inferred and other_reading_fits(expr, day, stated, published):
            continue
        oid = official_of_span(item, expr.start, expr.end)
        yield Draft(
            rule="weekday-mismatch",
            args={
                "date": expr.value if "-" in wd.stated else Interval(day, day),
                "text": expr.text,
                "stated": wd.stated,
                "actual": wd.actual or "?",
            },
            evidence=(evidence_for_expression(item, expr),),
            official_id=oid,
            official_name=_name(item, oid),
            suggestions=suggestions_for(expr, day, stated, actual, published),
        )


def _duration_days(expr: TimeExpression) -> int | None:
    d = expr.duration
    if d is None or d.amount is None or d.unit not in DAYS_PER_UNIT:
        return None
    days = d.amount * DAYS_PER_UNIT[d.unit]
    return int(days) if float(days).is_integer() else None


def _working_weeks(dur: TimeExpression, span: Interval) -> bool:
    """"selama satu minggu" (sepekan, seminggu, dua pekan) over Monday to Friday or Saturday: weeks counted
    in working days, as offices and schools count them."""
    weeks = dur.duration.amount if dur.duration is not None and dur.duration.unit == "weeks" else None
    if weeks is None or not float(weeks).is_integer() or weeks < 1:
        return False
    return span.start.weekday() == 0 and span.end.weekday() in (4, 5) and (weeks - 1) * 7 < span.days <= weeks * 7


def _introduced_by_selama(text: str, expr: TimeExpression) -> bool:
    """Whether the length is introduced by a word that states the event's length ("selama")."""
    from timeline.temporal.vocab import vocab

    for word in vocab().data["durations"]["stated_length"]:
        before = text[max(0, expr.start - len(word) - 2) : expr.start].casefold().strip()
        if expr.text.casefold().startswith(word) or before == word:
            return True
    return False


def duration_mismatch(item: ArticleClaims, options: Mapping[str, Any]) -> Iterator[Draft]:
    """TL003: "selama tiga hari" next to a stated range of another length, in one sentence."""
    exprs = item.expressions
    for dur in exprs:
        days = _duration_days(dur) if dur.kind == "duration" else None
        # "selama tiga hari" states the length of the event; a bare "tiga hari" often counts
        # something else ("diperpanjang 30 hari", "tiga hari pertempuran").
        if days is None or not _introduced_by_selama(item.article.text, dur):
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
        if rng.value.days == days or _working_weeks(dur, rng.value):
            continue
        oid = official_of_span(item, rng.start, rng.end) or official_of_span(item, dur.start, dur.end)
        yield Draft(
            rule="duration-mismatch",
            args={
                "duration": dur.text,
                "duration_days": days,
                "range": rng.value,
                "range_text": rng.text,
                "range_days": rng.value.days,
            },
            evidence=(evidence_for_expression(item, dur), evidence_for_expression(item, rng)),
            official_id=oid,
            official_name=_name(item, oid),
        )


def tense_mismatch(item: ArticleClaims, options: Mapping[str, Any]) -> Iterator[Draft]:
    """TL004: a future marker on a date before publication, or a past marker on one after it."""
    published = item.article.published
    if published is None:
        return
    for expr in item.expressions:
        if (
            expr.value is None
            or not expr.valid
            or expr.anchor != "explicit"
            or expr.year_inferred
            or expr.kind not in ("date", "range")
            or expr.apposition is not None  # "Kamis (7/9/2023) kemarin": TL005's, one finding not two
        ):
            continue
        direction = _attached_tense(expr)
        stale = direction == "future" and (published - expr.value.end).days > TENSE_SLACK_DAYS
        early = direction == "past" and (expr.value.start - published).days > TENSE_SLACK_DAYS
        if not (stale or early):
            continue
        oid = official_of_span(item, expr.start, expr.end)
        yield Draft(
            rule="tense-mismatch",
            args={
                "date": expr.value,
                "text": expr.text,
                "tense": direction,
                "published": published,
            },
            evidence=(evidence_for_expression(item, expr),),
            official_id=oid,
            official_name=_name(item, oid),
        )


def unanchored_relative(item: ArticleClaims, options: Mapping[str, Any]) -> Iterator[Draft]:
    """TL901: relative dates left unresolved because the article has no publication date."""
    if item.article.published is not None:
        return
    # Dates only: a clock time, a length, a recurrence or a reference with no calendar value is not a
    # date left open.
    pending = [e for e in item.expressions if not e.resolved and e.kind not in ("duration", "time", "set", "ref")]
    if not pending:
        return
    yield Draft(
        rule="unanchored-relative",
        args={
            "count": len(pending),
            "examples": ", ".join(dict.fromkeys(e.text for e in pending[:3])),
            "article": item.article.key,
        },
        evidence=tuple(evidence_for_expression(item, e) for e in pending[:3]),
    )


def _anchor_day(item: ArticleClaims, word: TimeExpression) -> date | None:
    """The day a relative word was counted from: the publication date, or the date of its statement."""
    if word.anchor == "reference":
        return item.article.published
    for expr in item.expressions:
        if expr.span == word.anchor_span and expr.value is not None:
            return expr.value.start
    return None


def relative_mismatch(item: ArticleClaims, options: Mapping[str, Any]) -> Iterator[Draft]:
    """TL005: a relative day and the date written with it name different days ("besok, Rabu (13/9/2023)"
    in an article of 11 September), or a trailing one puts the date on the wrong side of publication."""
    from timeline.lang import Text

    published = item.article.published
    for expr in item.expressions:
        word = expr.apposition
        if word is None or word.value is None or expr.value is None or not expr.valid or expr.kind != "date":
            continue
        if expr.weekday is not None and expr.weekday.ok is False:
            continue  # the date itself is wrong: TL002's finding, not a second one
        if word.anchor not in ("reference", "speech"):
            continue
        written, named = expr.value.start, word.value.start
        anchor_day = _anchor_day(item, word)
        if anchor_day is None:
            continue
        if word.start > expr.start:  # "Kamis (7/9/2023) kemarin" often just means "last Thursday"
            if expr.year_inferred:
                continue  # "2 Desember kemarin": the year came from the word's own direction
            wrong = (word.tense == "past" and (written - anchor_day).days > TENSE_SLACK_DAYS) or (
                word.tense == "future" and (anchor_day - written).days > TENSE_SLACK_DAYS)
        else:
            wrong = written != named and not _within_publication_slack(item, word, written, named)
        if not wrong:
            continue
        side = ""
        if published is not None and word.tense == "future" and written < published:
            side = Text.of("term.side_before", published=published)
        elif published is not None and word.tense == "past" and written > published:
            side = Text.of("term.side_after", published=published)
        oid = official_of_span(item, expr.start, expr.end)
        yield Draft(
            rule="relative-mismatch",
            args={
                "text": expr.text,
                "word": word.text,
                "named": named,
                "anchor": Text.of("term.anchor_speech" if word.anchor == "speech" else "term.anchor_publication"),
                "anchor_date": anchor_day,
                "date": written,
                "side": side,
            },
            evidence=(evidence_for_expression(item, expr),),
            official_id=oid,
            official_name=_name(item, oid),
        )


def _within_publication_slack(item: ArticleClaims, word: TimeExpression, written: date, named: date) -> bool:
    """A publication date is known to a day: from metadata or the address it is often the morning after the writing (the
    word was counted from the day before); read from the lede it is often the event's day, the day before
    the writing (counted from the day after). A statement's date is exact."""
    if word.anchor != "reference":
        return False
    step = -1 if item.article.published_source in ("metadata", "url") else 1
    return (written - named).days == step
