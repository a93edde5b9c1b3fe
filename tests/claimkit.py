"""Build ArticleClaims by hand for graph and check tests: a claim is one line of a table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from timeline.extract.lexicon import lexicon
from timeline.extract.objects import event_key
from timeline.model import (
    Article,
    ClockTime,
    Duration,
    ArticleClaims,
    ArticleDigest,
    EventClaim,
    Interval,
    Location,
    Official,
    Participant,
    Place,
    Role,
    Sentence,
    TimeExpression,
)

COUNTRIES = {"Korea Selatan": "KR", "Jepang": "JP", "Swiss": "CH", "Malaysia": "MY"}


@dataclass(frozen=True)
class C:
    """One event claim: article, type, sentence, the date text inside it and its interval."""

    article: str
    type: str
    sentence: str
    date_text: str | None = None
    start: str | None = None
    end: str | None = None
    place: str | None = None
    modality: str = "reported"
    official: str = "edi-damansyah"
    companions: tuple[str, ...] = ()
    represented: tuple[str, ...] = ()
    part_of: int | None = None  # index (within the same article) of the trip claim
    granularity: str = "day"
    published: str = "2023-09-10"
    obj: str | None = None  # what the event is about, as written ("Pasar Rakyat Loa Kulu")
    repeat: bool = False  # told as happening again ("kembali meninjau")
    clock: str | None = None  # a clock time right after the date, "HH:MM ZONE" ("07:00 WITA")
    length_days: int | None = None  # a trip's stated length ("selama empat hari")


def place_of(name: str | None) -> Place | None:
    if name is None:
        return None
    if name in COUNTRIES:
        return Place(text=name, country=COUNTRIES[name], country_name=name, domestic=False)
    return Place(text=name, country="ID", domestic=True)


def build(rows: list[C]) -> list[ArticleDigest]:
    """Turn table rows into per-article digests, with offsets that point into a generated text."""
    from timeline.extract.article import digest

    return [digest(c) for c in build_claims(rows)]


def build_claims(rows: list[C]) -> list[ArticleClaims]:
    """Turn table rows into per-article claims, with offsets that point into a generated text."""
    by_article: dict[str, list[C]] = {}
    for row in rows:
        by_article.setdefault(row.article, []).append(row)
    out = []
    for key, items in by_article.items():
        text = "\n".join(r.sentence for r in items)
        article = Article(
            path=key,
            key=key,
            title=None,
            text=text,
            published=date.fromisoformat(items[0].published),
            published_source="metadata",
            outlet="Contoh.id",
        )
        events = []
        expressions = []
        offset = 0
        ids = [f"{key}#e{i}" for i in range(len(items))]
        for i, row in enumerate(items):
            sentence = Sentence(offset, offset + len(row.sentence), row.sentence)
            expr = None
            if row.date_text:
                s = offset + row.sentence.index(row.date_text)
                value = Interval(date.fromisoformat(row.start), date.fromisoformat(row.end or row.start))
                kind = "range" if value.start != value.end and row.granularity == "day" else (
                    "month" if row.granularity == "month" else "date"
                )
                expr = TimeExpression(
                    text=row.date_text, start=s, end=s + len(row.date_text), kind=kind, value=value,
                    granularity=row.granularity,
                )
                expressions.append(expr)
            clock = None
            if row.clock and expr is not None:
                hhmm, zone = row.clock.split()
                clock = TimeExpression(text=f"pukul {hhmm} {zone}", start=expr.end, end=expr.end, kind="time",
                                       value=expr.value, time=ClockTime(clock=hhmm, zone=zone))
            participants = [Participant(row.official, "agent")]
            participants += [Participant(c, "companion") for c in row.companions]
            participants += [Participant(r, "represented") for r in row.represented]
            trigger_at = offset
            place = place_of(row.place)
            ek = event_key(lexicon(), row.obj, place, object_at_clause_start=False)
            events.append(
                EventClaim(
                    id=ids[i],
                    article_key=key,
                    type=row.type,
                    trigger=row.sentence.split()[0],
                    trigger_start=trigger_at,
                    trigger_end=trigger_at + len(row.sentence.split()[0]),
                    participants=tuple(participants),
                    place=place,
                    date=expr,
                    modality=row.modality,
                    sentence=sentence,
                    location=Location(key, i + 1, 1),
                    part_of=ids[row.part_of] if row.part_of is not None else None,
                    time=clock,
                    object=row.obj,
                    key=ek.key,
                    names=ek.names,
                    places=ek.places,
                    site=ek.site,
                    repeat=row.repeat,
                    domestic=place.domestic if place is not None else None,
                    length=Duration("days", row.length_days) if row.length_days else None,
                )
            )
            offset += len(row.sentence) + 1
        officials = {r.official for r in items} | {c for r in items for c in r.companions}
        out.append(
            ArticleClaims(
                article=article,
                expressions=tuple(expressions),
                officials=tuple(
                    Official(id=o, name=o.replace("-", " ").title(), roles=(Role("Bupati", "Kutai Kartanegara"),))
                    for o in sorted(officials)
                ),
                mentions=(),
                events=tuple(events),
                sentences=tuple(
                    Sentence(e.sentence.start, e.sentence.end, e.sentence.text) for e in events
                ),
            )
        )
    return out
