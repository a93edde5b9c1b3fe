"""Links between sentences: a sentence that continues an event told before ("Kegiatan itu
berlangsung pada ..."), and an event told as part of a trip ("Di sana ia akan menghadiri ...")."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from timeline.extract.lexicon import Lexicon
from timeline.extract.participants import SentenceView
from timeline.model import Place, TimeExpression

CONTINUATION_REACH = 3  # sentences back a continuation may reach for the event it continues
SUB_EVENT_REACH = 2
DESTINATION_REACH = 16  # characters before a place in which "ke"/"di"/"ialah" must stand


@dataclass
class Draft:
    """An event claim while its article is read: filled in by several sentences."""

    type: str
    trigger: object  # triggers.Trigger
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
    repeat: bool = False
    object: str | None = None
    object_at_start: bool = False  # the object opens its clause (its first capital is not a name)


def continue_event(
    lex: Lexicon,
    text: str,
    here: SentenceView,
    dates: Sequence[TimeExpression],
    own: list[Draft],
    drafts: list[Draft],
    companions: list[str],
    kind: str | None,
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
    if target.date is None and dates and not target.trigger.subordinate:
        target.date = dates[0]
        if target.date.tense == "future" and target.modality == "reported":
            target.modality = "planned"
    places = [p for a, _, p in here.places if lex.destination_re.search(text, max(0, a - DESTINATION_REACH), a)]
    if target.place is None and places:
        target.place = places[0]
    elif places and target.place is not None and target.place.country and target.place.city is None:
        refined = [p for p in places if p.country == target.place.country and p.city]
        if refined:
            target.place = refined[0]
    for c in companions:
        if c != target.agent and c not in target.companions:
            target.companions.append(c)


def attach_sub_events(lex: Lexicon, text: str, here: SentenceView, own: list[Draft], drafts: list[Draft]) -> None:
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
    marker = here.words.search(lex.sub_event_re, here.sentence.start, here.sentence.end)
    for d in own:
        if marker is None or marker.start() > d.start or d.part_of is not None:
            continue
        if d.agent is None or d.agent == trip.agent:
            d.agent = trip.agent
            d.part_of = drafts.index(trip)
            d.place = d.place or trip.place
            if d.modality == "reported" and trip.modality == "planned" and d.date is None:
                d.modality = "planned"
