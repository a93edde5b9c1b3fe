"""Event claims: an official did or will do something (a trip, an opening, an inspection, a meeting),
where, when, about what, and how sure the text is.

This module reads an article sentence by sentence and puts together what the others find: trigger
words (`triggers`), who takes part (`participants`), what the event is about (`objects`), its date
and modality (`dating`), and what later sentences add (`discourse`). Words are data in
`lang/id/events.toml`. An event needs a named official as agent: a trigger with nobody behind it is
dropped.
"""

from __future__ import annotations

import bisect
import re
from typing import Sequence

from timeline.extract.claims import LENGTH_DAYS, finish
from timeline.extract.dating import date_of, modality_of, usable_dates
from timeline.extract.discourse import Draft, attach_sub_events, continue_event
from timeline.extract.lexicon import Lexicon, lexicon, load_table
from timeline.extract.objects import object_after, resolve_anaphora, subject_before
from timeline.extract.participants import (
    SentenceView,
    agent_of,
    companion_zones,
    companions_of,
    representation,
)
from timeline.extract.places import find_places
from timeline.extract.triggers import Trigger, clause_breaks, find_triggers, framed
from timeline.extract.wordindex import WordIndex
from timeline.model import (
    Article,
    EventClaim,
    Mention,
    Official,
    Place,
    Sentence,
    TimeExpression,
)
from timeline.text.spans import inside, quote_spans, sentence_index

__all__ = ["find_events", "load_table"]  # load_table: the words, for tests and tools that read them

DATED_KINDS = ("date", "range", "month", "relative", "year")
TRIP_KINDS = ("departure", "return", "arrival")
_CLAUSE_BREAK = re.compile(r"[,;:]\s|\s[–—-]\s|\.\s")
MARKER_REACH = 48  # characters before a place in which its marker ("ke", "di ruang rapat") must stand
FROM_REACH = 16


def find_events(
    article: Article,
    sentences: Sequence[Sentence],
    expressions: Sequence[TimeExpression],
    officials: Sequence[Official],
    mentions: Sequence[Mention],
    folded: str | None = None,
) -> list[EventClaim]:
    """Event claims of one article, each with agent, companions, place, date, object and modality
    (`folded`: the text lower-cased, when the caller has it)."""
    if not sentences or not mentions:
        return []
    lex = lexicon()
    text = article.text
    quotes = quote_spans(text)
    starts = [s.start for s in sentences]

    by_sentence: dict[int, list[re.Match[str]]] = {}
    words = WordIndex(lex.candidate_re, text, lex.candidate_lower_re, folded)
    for m in find_triggers(lex, words, quotes):
        by_sentence.setdefault(sentence_index(sentences, starts, m.start()), []).append(m)
    if not by_sentence:
        return []
    for m in words.finditer(lex.continuation_re):  # "Kegiatan itu berlangsung pada ...": no trigger, still news
        if not inside(quotes, m.start()):
            by_sentence.setdefault(sentence_index(sentences, starts, m.start()), [])

    # (an article without quotes has nothing to look up)
    outside = sorted((m for m in mentions if not quotes or not inside(quotes, m.start)), key=lambda m: m.start)
    usable = sorted((e for e in expressions if e.value is not None and e.kind in DATED_KINDS
                     and not (quotes and inside(quotes, e.start))), key=lambda e: e.start)
    mention_at = [m.start for m in outside]
    expression_at = [e.start for e in usable]
    cache: dict[int, SentenceView] = {}

    def view(si: int) -> SentenceView:
        if si not in cache:
            s = sentences[si]
            ms = outside[bisect.bisect_left(mention_at, s.start) : bisect.bisect_left(mention_at, s.end)]
            es = usable[bisect.bisect_left(expression_at, s.start) : bisect.bisect_left(expression_at, s.end)]
            ps = [(a + s.start, b + s.start, p) for a, b, p in find_places(s.text)] if s.text else []
            cache[si] = SentenceView(si, s, ms, es, ps, words)
        return cache[si]

    drafts: list[Draft] = []
    for si in sorted(by_sentence):
        _sentence_events(lex, text, view, si, len(sentences), by_sentence[si], drafts)
    lengths = [e for e in expressions if e.kind == "duration" and e.duration is not None
               and e.duration.unit in LENGTH_DAYS and e.duration.amount and not inside(quotes, e.start)]
    for d in drafts:  # what an event is about matters only for an event with an official
        if d.agent is not None:
            d.object, d.object_at_start = _object(lex, text, view(d.sentence), d.trigger, d.type)
    return finish(lex, article, sentences, drafts, sorted(lengths, key=lambda e: e.start), expressions)


def _recent(drafts: list[Draft], since: int):
    """The drafts told from sentence `since` on, latest first (drafts come in sentence order)."""
    for d in reversed(drafts):
        if d.sentence < since:
            return
        yield d


def _trip_told(lex: Lexicon, here: SentenceView, drafts: list[Draft], own: list[Draft]) -> bool:
    """Whether a trip was told in this sentence or just before: "kembali ke Nunukan" is its return."""
    since = here.index - lex.trip_reach
    if any(d.type == "departure" for d in (*own, *_recent(drafts, since))):
        return True
    return any(p.country and p.country != "ID" for _, _, p in here.places)


def _sentence_events(lex: Lexicon, text: str, view, si: int, count: int, matches, drafts: list[Draft]) -> None:
    """Drafts for the triggers of one sentence, or what the sentence adds to an event told before."""
    here = view(si)
    s = here.sentence
    words = here.words
    breaks = clause_breaks(text, s)
    triggers = [framed(lex, text, s, m, words, breaks) for m in matches]
    zones = companion_zones(lex, here, matches)
    # the next sentence is read only where a companion list may open it (its places cost a scan)
    companions = companions_of(lex, text, here, zones, view(si + 1) if zones and si + 1 < count else None)
    represented, representative_at = representation(lex, text, here)
    phrases = [c.span() for c in words.finditer(lex.continuation_re, s.start, s.end)]
    continues = bool(phrases)
    continued_type: str | None = None  # "perjalanan dinas itu": the type of the event referred back to
    own: list[Draft] = []
    purpose_of: dict[int, Draft] = {}  # index in `own` -> the draft it is the purpose of
    previous: Trigger | None = None
    parent_here: Draft | None = None
    markers: list[bool] | None = None
    for t in triggers:
        after = text[t.end() : t.end() + 12]
        if t.group("nya") or lex.demonstrative_re.match(after) or any(a <= t.start() < b for a, b in phrases):
            continues = True
            continued_type = continued_type or t.kind
            previous = t
            continue
        if previous is not None and (lex.glue_re.fullmatch(text[previous.end() : t.start()])
                                     or _abbreviation(text, previous.end(), t)):
            previous = t
            continue  # "pembicara dalam Forum ...": the forum is where the speaking happens
        purpose = previous is not None and bool(lex.purpose_re.search(text[previous.end() : t.start()]))
        previous = t
        kind, repeat = t.kind, t.repeat
        if t.needs_trip and not _named_place_follows(text, t) and not _trip_told(lex, here, drafts, own):
            kind, repeat = "visit", True  # "kembali ke sentra genteng Jatiwangi": there again, no trip
        d = Draft(kind, t, t.start(), t.end(), si, touched=si, repeat=repeat)
        d.agent, extra = agent_of(lex, text, here, t, zones, represented)
        if d.agent is None and kind in ("return", "arrival"):
            trip = _party_trip(lex, text, here, t, drafts)
            if trip is not None:  # "Rombongan dijadwalkan kembali ke ...": the party of the trip just told
                d.agent, extra = trip.agent, list(trip.companions)
        d.companions = [c for c in companions + extra if c != d.agent]
        if d.agent is not None and d.agent in representative_at:
            d.representative = True
            d.represented = [r for r in represented if r != d.agent]
        d.modality = modality_of(lex, text, s, t.start(), t.end(), words)
        if purpose and parent_here is not None:
            purpose_of[len(own)] = parent_here
            d.agent = d.agent or parent_here.agent
            d.modality = parent_here.modality
        else:
            parent_here = d
        if markers is None:
            markers = _markers(lex, text, here)
        d.place = _place(lex, text, here, t.start(), t.end(), kind, markers)
        own.append(d)

    own, purpose_of = _fold_passive_subjects(text, own, purpose_of)
    dates = usable_dates(lex, text, here)
    for n, d in enumerate(own):
        if n not in purpose_of:  # a purpose ("untuk menghadiri ...") shares the date of its main event
            until = own[n + 1].start if n + 1 < len(own) else s.end
            d.date = date_of(lex, text, here, dates, d.trigger, until, d.modality)
        if d.modality == "reported" and d.date is not None and d.date.tense == "future":
            d.modality = "planned"
    for n, parent in purpose_of.items():
        own[n].part_of = len(drafts) + own.index(parent)
    drafts.extend(own)

    if continues:
        continue_event(lex, text, here, dates, own, drafts, companions, continued_type)
    # the sentence read alone: only its first word has no text before it
    if own and (lex.sub_event_re.match(s.text) or words.search(lex.sub_event_re, s.start + 1, s.end)):
        attach_sub_events(lex, text, here, own, drafts)


def _party_trip(lex: Lexicon, text: str, here: SentenceView, t: Trigger, drafts: list[Draft]) -> Draft | None:
    """The trip told just before, when the subject of this return is the official's party."""
    if not lex.party_re.search(text, here.sentence.start, t.start()):
        return None
    return next((d for d in _recent(drafts, here.index - lex.party_reach) if d.type == "departure" and d.agent), None)


def _named_place_follows(text: str, t: Trigger) -> bool:
    """ "kembali ke Tana Paser": a named place, so a return home; "kembali ke sentra genteng": a site."""
    rest = text[t.end() : t.end() + 2].lstrip()
    return rest[:1].isupper()


def _fold_passive_subjects(text: str, own: list[Draft], purpose_of: dict[int, Draft]) -> tuple[list[Draft], dict[int, Draft]]:
    """ "Rapat koordinasi itu diresmikan oleh Bupati X": the noun is the subject of the passive verb
    in its clause, one event (the verb's), not two."""
    drop = set()
    for n, d in enumerate(own):
        if d.trigger.passive or n in purpose_of:
            continue
        for p in own[n + 1 :]:
            if p.trigger.passive and p.agent == d.agent and not _CLAUSE_BREAK.search(text, d.end, p.start):
                drop.add(n)
                break
    if not drop:
        return own, purpose_of
    kept = [d for n, d in enumerate(own) if n not in drop]
    return kept, {kept.index(own[n]): parent for n, parent in purpose_of.items() if n not in drop and parent in kept}


def _abbreviation(text: str, after: int, t: Trigger) -> bool:
    """ "musyawarah perencanaan pembangunan (musrenbang)": the short form of the trigger before."""
    return text[after : t.start()].strip() == "(" and text[t.end() : t.end() + 1] == ")"


def _object(lex: Lexicon, text: str, here: SentenceView, t: Trigger, kind: str) -> tuple[str | None, bool]:
    """What the event is about, as written, and whether it opens its clause."""
    if kind in TRIP_KINDS:
        return None, False
    s = here.sentence
    stops = [(e.start, e.end) for e in here.expressions] + [(m.start, m.end) for m in here.mentions]
    begin = t.clause
    if t.passive:
        found = subject_before(lex, text, begin, t.start())
        at_start = found is not None and text[begin : t.start()].lstrip().startswith(found.split()[0])
    else:
        found = object_after(lex, text, t.end(), s.end, stops)
        at_start = False
    if found:
        found = resolve_anaphora(lex, found, text, s.start, None)
    return found, at_start


def _markers(lex: Lexicon, text: str, here: SentenceView) -> list[bool]:
    """For each place of the sentence, whether a marker ("ke", "di ruang rapat") stands before it:
    read once for all the triggers of the sentence."""
    begin = here.sentence.start
    return [lex.marker_re.search(text, max(begin, a - MARKER_REACH), a) is not None for a, _, _ in here.places]


def _place(lex: Lexicon, text: str, here: SentenceView, start: int, end: int, kind: str,
           markers: list[bool]) -> Place | None:
    """Where the event goes (ke ...) or happens (di ...): the marked place nearest after the trigger
    (`markers`: the sentence's, from `_markers`). A return takes the place abroad its sentence names:
    where the official comes back from."""
    if kind == "return":
        abroad = [p for _, _, p in here.places if p.country and p.country != "ID"]
        if abroad:
            return abroad[0]
    marked = [
        (a, b, p) for (a, b, p), marker in zip(here.places, markers)
        if marker or (a >= end and not text[end:a].strip())
    ]  # "meninjau Pasar Segiri": the object of the trigger is the place too
    if not marked:
        return None
    after = [(a, b, p) for a, b, p in marked if a >= end]
    if after:
        if kind in ("departure", "return", "visit"):
            to = [x for x in after if lex.destination_marker_re.search(text, max(0, x[0] - FROM_REACH), x[0])]
            if to:
                return to[0][2]
        else:
            at = [x for x in after if lex.location_marker_re.search(text, max(0, x[0] - MARKER_REACH), x[0])]
            if at:
                return at[0][2]
        return after[0][2]
    before = [x for x in marked if x[1] <= start]
    return before[-1][2] if before else None
