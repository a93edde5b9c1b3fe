"""Event claims: an official did or will do something (a trip, a visit, a meeting), where and when.

Triggers, companion and representation markers, modality words and the phrases that continue an
event already told ("Kegiatan itu berlangsung ...") are data in `lang/id/events.toml`.
An event needs a named official as agent: a trigger with nobody behind it is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple, Sequence

from timeline.lang import alternation, table
from timeline.text.spans import inside, quote_spans, sentence_index
from timeline.extract.places import find_places
from timeline.model import (
    Article,
    EventClaim,
    Mention,
    Official,
    Participant,
    Place,
    Sentence,
    TimeExpression,
)

DATED_KINDS = ("date", "range", "month", "relative", "year")
CONTINUATION_REACH = 3  # sentences back a continuation may reach for the event it continues
SUB_EVENT_REACH = 2
MARKER_REACH = 16  # characters before a place in which "ke"/"di" must stand
_LOWER_WORD = re.compile(r"(?<![\w-])[a-z]")


def load_table() -> dict:
    """The raw words of `lang/id/events.toml`."""
    return table("id", "events")


def _alt(words) -> str:
    """Whole phrases as written (a space matches one space)."""
    return alternation(words, any_space=False)


def _words_re(words, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{_alt(words)})(?![\w-])", flags)


class _Lexicon(NamedTuple):
    trigger_re: re.Pattern[str]
    enclitic: str
    type_of: dict[str, str]
    not_trigger_re: re.Pattern[str]
    agent_follows: frozenset[str]
    companion_re: re.Pattern[str]
    represents_re: re.Pattern[str]
    represented_by_re: re.Pattern[str]
    list_intro_re: re.Pattern[str]
    speech_re: re.Pattern[str]
    passive_re: re.Pattern[str]
    planned_re: re.Pattern[str]
    changed_re: re.Pattern[str]
    changed_result_re: re.Pattern[str]
    cancelled_re: re.Pattern[str]
    uncertain_re: re.Pattern[str]
    continuation_re: re.Pattern[str]
    sub_event_re: re.Pattern[str]
    purpose_re: re.Pattern[str]
    glue_re: re.Pattern[str]
    marker_re: re.Pattern[str]
    destination_re: re.Pattern[str]
    demonstrative_re: re.Pattern[str]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = load_table()
    type_of = {w.casefold(): t for t, words in data["triggers"].items() for w in words}
    links = data["links"]
    parts = data["participants"]
    mod = data["modality"]
    return _Lexicon(
        trigger_re=re.compile(rf"(?<![\w-])(?P<t>{_alt(type_of)})(?P<nya>{re.escape(data['enclitic'])})?(?![\w-])",
                              re.IGNORECASE),
        enclitic=data["enclitic"],
        type_of=type_of,
        not_trigger_re=_words_re(data["not_triggers"]["phrases"]),
        agent_follows=frozenset(w.casefold() for w in parts["agent_follows"]),
        companion_re=_words_re(parts["companions"]),
        represents_re=_words_re(parts["represents"]),
        represented_by_re=_words_re(parts["represented_by"]),
        list_intro_re=re.compile(rf"\s*(?:{_alt(parts['list_introducers'])})(?![\w-])"),
        speech_re=_words_re(parts["speech"]),
        passive_re=_words_re(parts["agent_after"]),
        planned_re=_words_re(mod["planned"]),
        changed_re=_words_re(mod["changed"]),
        changed_result_re=_words_re(mod["changed_result"]),
        cancelled_re=_words_re(mod["cancelled"]),
        uncertain_re=_words_re(mod["uncertain"]),
        continuation_re=_words_re(links["continuations"]),
        sub_event_re=_words_re(links["sub_event"]),
        purpose_re=re.compile(rf"(?<![\w-])(?:{_alt(links['purpose'])})\s+$", re.IGNORECASE),
        glue_re=re.compile(rf"\s*(?:\([^()]{{1,30}}\)\s*)?(?:(?:{_alt(links['object_glue'])})\s+)*\s*$", re.IGNORECASE),
        marker_re=re.compile(rf"(?<![\w-])(?:{_alt(links['place_markers'])})\s+(?:\w+\s+)?$", re.IGNORECASE),
        destination_re=re.compile(
            rf"(?<![\w-])(?:{_alt(links['place_markers'] + links['destination_copulas'])})\s+(?:\w+\s+)?$", re.IGNORECASE
        ),
        demonstrative_re=re.compile(rf"\s+(?:{_alt(links['demonstratives'])})(?![\w-])", re.IGNORECASE),
    )


@dataclass
class _Draft:
    type: str
    trigger: str
    start: int
    end: int
    sentence: int
    agent: str | None = None
    companions: list[str] = field(default_factory=list)
    represented: list[str] = field(default_factory=list)
    representative: bool = False
    place: Place | None = None
    date: TimeExpression | None = None
    modality: str = "reported"
    part_of: int | None = None  # index of the parent draft
    touched: int = 0  # last sentence that told something about this event


class _Sent(NamedTuple):
    index: int
    sentence: Sentence
    mentions: list[Mention]  # outside quotes
    expressions: list[TimeExpression]
    places: list[tuple[int, int, Place]]  # absolute offsets


def find_events(
    article: Article,
    sentences: Sequence[Sentence],
    expressions: Sequence[TimeExpression],
    officials: Sequence[Official],
    mentions: Sequence[Mention],
) -> list[EventClaim]:
    """Event claims of one article, each with agent, companions, place, date and modality."""
    if not sentences or not mentions:
        return []
    lex = _lexicon()
    text = article.text
    quotes = quote_spans(text)
    starts = [s.start for s in sentences]
    blocked = [m.span() for m in lex.not_trigger_re.finditer(text)]

    by_sentence: dict[int, list[tuple[int, re.Match[str]]]] = {}
    for m in lex.trigger_re.finditer(text):
        if inside(quotes, m.start()) or any(s <= m.start() < e for s, e in blocked):
            continue
        si = sentence_index(sentences, starts, m.start())
        by_sentence.setdefault(si, []).append((si, m))
    if not by_sentence:
        return []
    for m in lex.continuation_re.finditer(text):  # "Kegiatan itu berlangsung pada ...": no trigger, still news
        if not inside(quotes, m.start()):
            by_sentence.setdefault(sentence_index(sentences, starts, m.start()), [])

    outside = sorted((m for m in mentions if not inside(quotes, m.start)), key=lambda m: m.start)
    usable = [e for e in expressions if e.value is not None and e.kind in DATED_KINDS and not inside(quotes, e.start)]
    cache: dict[int, _Sent] = {}

    def sent(si: int) -> _Sent:
        if si not in cache:
            s = sentences[si]
            ms = [m for m in outside if s.start <= m.start < s.end]
            es = [e for e in usable if s.start <= e.start < s.end]
            ps = [(a + s.start, b + s.start, p) for a, b, p in find_places(s.text)] if s.text else []
            cache[si] = _Sent(si, s, ms, es, ps)
        return cache[si]

    drafts: list[_Draft] = []
    for si in sorted(by_sentence):
        _sentence_events(lex, text, sent, si, len(sentences), by_sentence[si], drafts)
    return _finish(article, sentences, starts, drafts)


def _sentence_events(lex: _Lexicon, text: str, sent, si: int, count: int, matches, drafts: list[_Draft]) -> None:
    """Drafts for the triggers of one sentence, or what the sentence adds to an event told before."""
    here = sent(si)
    s = here.sentence
    zones = _companion_zones(lex, text, s, [m for _, m in matches])
    companions = [m.official_id for m in here.mentions if any(a <= m.start < b for a, b in zones)]
    if zones and not companions and si + 1 < count:
        nxt = sent(si + 1)
        if lex.list_intro_re.match(text, nxt.sentence.start):
            companions = [m.official_id for m in nxt.mentions]
    represented, representative_at = _representation(lex, text, here)
    phrases = [c.span() for c in lex.continuation_re.finditer(text, s.start, s.end)]
    continues = bool(phrases)
    continued_type: str | None = None  # "perjalanan dinas itu": the type of the event referred back to
    own: list[_Draft] = []
    previous: re.Match[str] | None = None
    parent_here: _Draft | None = None
    for _, m in matches:
        word = m.group("t").casefold()
        kind = lex.type_of[word]
        after = text[m.end() : m.end() + 12]
        if m.group("nya") or lex.demonstrative_re.match(after) or any(a <= m.start() < b for a, b in phrases):
            continues = True
            continued_type = continued_type or kind
            previous = m
            continue
        if previous is not None and lex.glue_re.fullmatch(text[previous.end() : m.start()]):
            previous = m
            continue  # "pembicara dalam Forum ...": the forum is where the speaking happens
        purpose = previous is not None and bool(lex.purpose_re.search(text[previous.end() : m.start()]))
        previous = m
        d = _Draft(kind, m.group(), m.start(), m.end(), si, touched=si)
        d.agent, extra = _agent(lex, text, here, m, word, zones, represented)
        d.companions = [c for c in companions + extra if c != d.agent]
        if d.agent is not None and d.agent in representative_at:
            d.representative = True
            d.represented = [r for r in represented if r != d.agent]
        d.modality = _modality(lex, text, s, m.start())
        if purpose and parent_here is not None:
            d.part_of = drafts.index(parent_here)
            d.agent = d.agent or parent_here.agent
            d.modality = parent_here.modality
        else:
            d.date = _date(lex, text, here, m.start(), m.end(), d.modality)
            parent_here = d
        d.place = _place(lex, text, here, m.start(), m.end(), kind)
        if d.modality == "reported" and d.date is not None and d.date.tense == "future":
            d.modality = "planned"
        drafts.append(d)
        own.append(d)

    if continues:
        _continue(lex, text, here, own, drafts, companions, continued_type)
    if own and lex.sub_event_re.search(s.text):
        _attach_sub_events(lex, text, here, own, drafts)


def _companion_zones(lex: _Lexicon, text: str, s: Sentence, triggers) -> list[tuple[int, int]]:
    """Stretches after 'didampingi' / 'bersama' up to the next trigger or the end of the sentence."""
    zones = []
    for c in lex.companion_re.finditer(text, s.start, s.end):
        if text[c.end() : c.end() + 1] == "-":
            continue  # "bersama-sama"
        end = next((t.start() for t in triggers if t.start() > c.end()), s.end)
        zones.append((c.end(), end))
    return zones


def _representation(lex: _Lexicon, text: str, here: _Sent) -> tuple[list[str], set[str]]:
    """Who is represented (absent) and who represents (present) in a sentence."""
    represented: list[str] = []
    representatives: set[str] = set()
    s = here.sentence
    for r in lex.represents_re.finditer(text, s.start, s.end):
        after = next((m for m in here.mentions if m.start >= r.end() and m.start - r.end() < 80), None)
        before = [m for m in here.mentions if m.end <= r.start()]
        if after is not None and before:
            represented.append(after.official_id)
            representatives.add(before[-1].official_id)
    for r in lex.represented_by_re.finditer(text, s.start, s.end):
        after = next((m for m in here.mentions if m.start >= r.end() and m.start - r.end() < 80), None)
        before = [m for m in here.mentions if m.end <= r.start()]
        if after is not None and before:
            represented.append(before[-1].official_id)
            representatives.add(after.official_id)
    return represented, representatives


def _agent(lex, text, here: _Sent, m: re.Match[str], word: str, zones, represented) -> tuple[str | None, list[str]]:
    """The official who is the subject of the trigger, and others listed with a passive trigger."""
    def free(x: Mention) -> bool:
        if x.form == "pronoun" and x.text.endswith(lex.enclitic):
            return False  # "katanya", "menurutnya": a speaker or an owner, never the subject
        return not any(a <= x.start < b for a, b in zones) and x.official_id not in represented

    if m.group("nya"):
        own = next((x for x in here.mentions if x.start <= m.start() < x.end), None)
        return (own.official_id if own else None), []
    after = [x for x in here.mentions if x.start >= m.end() and free(x)]
    if word in lex.agent_follows:
        if not after:
            return None, []
        return after[0].official_id, [x.official_id for x in after[1:]]
    before = [x for x in here.mentions if x.end <= m.start() and free(x)]
    if before:
        x = before[-1]
        if lex.speech_re.search(text, x.end, m.start()):
            return None, []  # "Amiruddin menuturkan, ... pertemuan": the speaker, not the actor
        return x.official_id, []
    if after and not _LOWER_WORD.search(text, m.end(), after[0].start):
        return after[0].official_id, []  # "Kunjungan kerja Bupati Berau Sri Juniarsih ...": whose event it is
    for x in after:  # "Rakor ... dipimpin langsung Wali Kota Bontang, Basri Rase": a passive names its agent
        lead = lex.passive_re.search(text, m.end(), x.start)
        if lead and not _LOWER_WORD.search(text, lead.end(), x.start):
            return x.official_id, []
    return None, []


def _modality(lex: _Lexicon, text: str, s: Sentence, at: int) -> str:
    body = _unquoted(text, s)
    if lex.cancelled_re.search(body):
        return "cancelled"
    if lex.uncertain_re.search(body):
        return "uncertain"
    if lex.changed_re.search(body):
        return "changed"
    if lex.planned_re.search(body, 0, min(len(body), at - s.start + 60)):
        return "planned"
    return "reported"


def _unquoted(text: str, s: Sentence) -> str:
    """The sentence with quoted speech blanked (same length)."""
    body = s.text
    for q in quote_spans(body):
        body = body[: q[0]] + " " * (q[1] - q[0]) + body[q[1] :]
    return body


def _date(lex, text: str, here: _Sent, start: int, end: int, modality: str) -> TimeExpression | None:
    """The time expression of the sentence nearest the trigger (the new one after 'diundur menjadi')."""
    if not here.expressions:
        return None
    if modality == "changed":
        result = lex.changed_result_re.search(text, end, here.sentence.end)
        later = [e for e in here.expressions if result and e.start >= result.end()]
        if later:
            return later[0]

    def distance(e: TimeExpression) -> float:
        return e.start - end if e.start >= end else (start - e.end) * 1.5

    return min(here.expressions, key=distance)


def _place(lex, text: str, here: _Sent, start: int, end: int, kind: str) -> Place | None:
    """Where the event goes (ke ...) or happens (di ...): the marked place nearest after the trigger."""
    marked = [
        (a, b, p) for a, b, p in here.places
        if lex.marker_re.search(text, max(here.sentence.start, a - MARKER_REACH), a) or (a >= end and not text[end:a].strip())
    ]  # "meninjau Pasar Segiri": the object of the trigger is the place too
    if not marked:
        return None
    trip = kind in ("departure", "return", "visit")
    after = [(a, b, p) for a, b, p in marked if a >= end]
    if after:
        if trip:
            to = [x for x in after if re.search(r"(?:ke|menuju)\s+(?:\w+\s+)?$", text[max(0, x[0] - MARKER_REACH) : x[0]], re.I)]
            if to:
                return to[0][2]
        else:
            at = [x for x in after if re.search(r"di\s+(?:\w+\s+)?$", text[max(0, x[0] - MARKER_REACH) : x[0]], re.I)]
            if at:
                return at[0][2]
        return after[0][2]
    before = [x for x in marked if x[1] <= start]
    return before[-1][2] if before else None


def _continue(
    lex, text, here: _Sent, own: list[_Draft], drafts: list[_Draft], companions: list[str], kind: str | None
) -> None:
    """A sentence that continues an event told before: share date, place and companions."""
    si = here.index
    earlier = [d for d in drafts if d.sentence < si and d.touched >= si - CONTINUATION_REACH]
    if kind is not None and not own:  # "perjalanan dinas itu" names what it refers to: reach further back
        earlier = [d for d in drafts if d.sentence < si and d.type == kind] or earlier
    if own:
        source = earlier[-1] if earlier else None
        if source is None:
            return
        for d in own:
            d.date = d.date or source.date
            d.place = d.place or source.place
            if d.date is source.date and source.modality == "planned" and d.modality == "reported":
                d.modality = "planned"
        return
    agents = {m.official_id for m in here.mentions}
    candidates = [d for d in earlier if d.agent is not None and d.part_of is None]
    if agents:
        candidates = [d for d in candidates if d.agent in agents] or candidates
    if not candidates:
        return
    target = candidates[-1]
    target.touched = si
    if target.date is None and here.expressions:
        target.date = here.expressions[0]
        if target.date.tense == "future" and target.modality == "reported":
            target.modality = "planned"
    places = [p for a, _, p in here.places if lex.destination_re.search(text, max(0, a - MARKER_REACH), a)]
    if target.place is None and places:
        target.place = places[0]
    elif places and target.place is not None and target.place.country and target.place.city is None:
        refined = [p for p in places if p.country == target.place.country and p.city]
        if refined:
            target.place = refined[0]
    for c in companions:
        if c != target.agent and c not in target.companions:
            target.companions.append(c)


def _attach_sub_events(lex, text, here: _Sent, own: list[_Draft], drafts: list[_Draft]) -> None:
    """'Di sana ia akan menghadiri ...', 'dalam agenda Forum ...': the event is part of the trip before."""
    si = here.index
    trips = [
        d for d in drafts
        if d.sentence < si and d.type in ("departure", "visit") and d.agent and d.part_of is None
        and d.touched >= si - SUB_EVENT_REACH
    ]
    if not trips:
        return
    trip = trips[-1]
    marker = lex.sub_event_re.search(text, here.sentence.start, here.sentence.end)
    for d in own:
        if marker is None or marker.start() > d.start or d.part_of is not None:
            continue
        if d.agent is None or d.agent == trip.agent:
            d.agent = trip.agent
            d.part_of = drafts.index(trip)
            d.place = d.place or trip.place
            if d.modality == "reported" and trip.modality == "planned" and d.date is None:
                d.modality = "planned"


def _finish(article: Article, sentences, starts, drafts: list[_Draft]) -> list[EventClaim]:
    """Drop events with no official, fold repeats without date or place, number the rest."""
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
    kept.sort(key=lambda i: drafts[i].start)
    ids = {i: f"{article.key}#e{n}" for n, i in enumerate(kept)}
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
        out.append(
            EventClaim(
                id=ids[i],
                article_key=article.key,
                type=d.type,
                trigger=d.trigger,
                trigger_start=d.start,
                trigger_end=d.end,
                participants=tuple(participants),
                place=d.place,
                date=d.date,
                modality=d.modality,
                sentence=sentences[d.sentence],
                location=article.location(d.start),
                part_of=ids.get(d.part_of) if d.part_of is not None else None,
            )
        )
    return out
