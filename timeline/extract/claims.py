"""Event drafts into event claims: drop those with no official, fold an event told twice, number the
rest, and give each its key words, clock time, length and whether it happened at home.

`events` reads an article into drafts sentence by sentence; this is what is done once all are read.
"""

from __future__ import annotations

import bisect
from typing import Sequence

from timeline.extract.attach import clock_of, clock_starts
from timeline.extract.discourse import Draft
from timeline.extract.lexicon import Lexicon
from timeline.extract.objects import event_key
from timeline.extract.places import find_places
from timeline.model import Article, Duration, EventClaim, Participant, TimeExpression

# Kinds of event that happen where the official is at home unless a place abroad is written: an
# opening, an inspection, a ceremony. (A meeting, a visit or a signing may well be abroad.)
HOME_KINDS = frozenset({"opening", "launch", "groundbreaking", "inspection", "ceremony"})
LENGTH_DAYS = {"days": 1, "weeks": 7}  # units of a trip's stated length, in days
MAX_LENGTH_DAYS = 60


def _names_abroad(article: Article) -> bool:
    """Whether the article (title included) names any place outside Indonesia (read line by line, so a
    very long article costs what its lines cost)."""
    for source in (article.title or "", *article.text.split("\n")):
        if source.strip() and any(p.country and p.country != "ID" for _, _, p in find_places(source)):
            return True
    return False


def _fold_twins(drafts: list[Draft], kept: list[int]) -> list[int]:
    """One event told twice in one sentence ("Apel ... dipimpin X selaku inspektur upacara"): one claim."""
    out: list[int] = []
    seen: dict[tuple, int] = {}
    for i in kept:
        d = drafts[i]
        key = (d.agent, d.type, d.sentence, d.date.start if d.date is not None else None, d.part_of)
        if d.date is not None and key in seen:
            twin = drafts[seen[key]]
            twin.place = twin.place or d.place
            if not twin.object or (d.object and len(d.object) > len(twin.object)):
                twin.object, twin.object_at_start = d.object, d.object_at_start
            continue
        seen[key] = i
        out.append(i)
    return out


def _length(d: Draft, sentences, lengths: list[TimeExpression]) -> Duration | None:
    """A departure's stated length: a number of days or weeks in its sentence or the next one."""
    if d.type != "departure" or d.part_of is not None or not lengths:
        return None
    start = sentences[d.sentence].start
    end = sentences[min(d.sentence + 1, len(sentences) - 1)].end
    i = bisect.bisect_left([e.start for e in lengths], start)
    for e in lengths[i:]:
        if e.start >= end:
            break
        days = e.duration.amount * LENGTH_DAYS[e.duration.unit]
        if 1 <= days <= MAX_LENGTH_DAYS:
            return Duration("days", days)
    return None


def finish(lex: Lexicon, article: Article, sentences, drafts: list[Draft],
            lengths: list[TimeExpression] = (), expressions: Sequence[TimeExpression] = ()) -> list[EventClaim]:
    """Drop events with no official, fold repeats without date or place, number the rest (each with
    the clock time written with its date, from `expressions`)."""
    kept: list[int] = []
    for i, d in enumerate(drafts):
        if d.agent is None:
            continue
        if d.date is None and d.place is None and d.part_of is None:
            twin = next((drafts[k] for k in kept if drafts[k].agent == d.agent and drafts[k].type == d.type), None)
            if twin is not None:
                twin.companions.extend(c for c in d.companions if c not in twin.companions)
                continue
        kept.append(i)
    kept = sorted(_fold_twins(drafts, kept), key=lambda i: drafts[i].start)
    ids = {i: f"{article.key}#e{n}" for n, i in enumerate(kept)}
    abroad: bool | None = None
    starts = clock_starts(expressions) if any(drafts[i].date is not None for i in kept) else None
    out = []
    for i in kept:
        d = drafts[i]
        participants = [Participant(d.agent, "agent")]
        if d.representative:
            participants.append(Participant(d.agent, "representative"))
        seen = {d.agent}
        for c in d.companions:
            if c not in seen:
                seen.add(c)
                participants.append(Participant(c, "companion"))
        for r in d.represented:
            if r not in seen:
                seen.add(r)
                participants.append(Participant(r, "represented"))
        key = event_key(lex, d.object, d.place, d.object_at_start)
        if d.place is not None:
            domestic = d.place.domestic is True or d.place.country == "ID"
        elif d.type in HOME_KINDS and d.part_of is None:
            abroad = _names_abroad(article) if abroad is None else abroad
            domestic = True if not abroad else None
        else:
            domestic = None
        out.append(
            EventClaim(
                id=ids[i],
                article_key=article.key,
                type=d.type,
                trigger=d.trigger.group(),
                trigger_start=d.start,
                trigger_end=d.end,
                participants=tuple(participants),
                place=d.place,
                date=d.date,
                modality=d.modality,
                sentence=sentences[d.sentence],
                location=article.location(d.start),
                part_of=ids.get(d.part_of) if d.part_of is not None else None,
                object=key.text,
                key=key.key,
                names=key.names,
                places=key.places,
                site=key.site,
                repeat=d.repeat,
                domestic=domestic,
                length=_length(d, sentences, lengths),
                time=clock_of(d.date, expressions, article.text, starts),
            )
        )
    return out
